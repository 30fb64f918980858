"""Big-int arithmetic: digits of pi by the unbounded spigot (Gibbons), Fibonacci and factorials
with thousands of digits, modular exponentiation and an integer square root by Newton's method.
Prints digit strings and digests as the checksum."""
import sys


def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def isqrt(n):
    x = 1 << ((n.bit_length() + 1) // 2)
    y = (x + n // x) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def main(n):
    digits = pi_digits(n)
    f = fib(n * 20)
    fact = 1
    for i in range(2, n * 3):
        fact *= i
    p = (1 << 521) - 1
    powsum = 0
    for b in range(2, 60):
        powsum ^= pow(b, p - 1, p * 3 + 2)
    root = isqrt(fact * f)
    print("pi:", digits[:20], digits[-20:], "fib bits:", f.bit_length(), f % 1000000007)
    print("fact bits:", fact.bit_length(), "low digits:", str(fact % 10 ** 3000)[:12], "pow:", powsum % 99991, "isqrt:", root % 1000003)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3500)
