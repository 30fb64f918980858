# math: the integer functions on small and big ints.
import math

print([math.factorial(n) for n in range(12)], math.factorial(50))
print(len(str(math.factorial(1000))), math.factorial(True))
for bad in [-1, 2.0, 'x', 10**30]:
    try:
        math.factorial(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.comb(10, 3), math.comb(10, 0), math.comb(10, 10), math.comb(10, 11), math.comb(0, 0), math.comb(100, 50))
print(math.comb(10**20, 3), math.comb(10**20, 10**20 - 2), math.perm(10, 3), math.perm(10), math.perm(5, 0), math.perm(5, 6), math.perm(10**20, 2))
for args in [(-1, 2), (5, -1), (5.0, 2), (5, 2.0), (-1,), ('a', 1)]:
    for f in (math.comb, math.perm):
        if len(args) == 1 and f is math.comb:
            continue
        try:
            f(*args)
        except (ValueError, TypeError) as e:
            print(f.__name__, type(e).__name__, e)
print(math.gcd(), math.gcd(0), math.gcd(-12), math.gcd(12, 18), math.gcd(12, -18, 30), math.gcd(2**100, 6**50), math.gcd(0, 0))
print(math.lcm(), math.lcm(0), math.lcm(-4), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(2**64, 3**40) == 2**64 * 3**40)
for bad in [(1.5,), (1, 'a')]:
    for f in (math.gcd, math.lcm):
        try:
            f(*bad)
        except TypeError as e:
            print(f.__name__, 'TypeError', e)
print([math.isqrt(n) for n in range(20)], math.isqrt(10**100), math.isqrt(2**127 - 1), math.isqrt(True))
for bad in [-1, 2.5]:
    try:
        math.isqrt(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(math.prod(range(1, 30)) == math.factorial(29), math.prod(range(1, 30), start=2) == 2 * math.factorial(29))
print(math.trunc(10**50), math.floor(-10**50), math.ceil(2**70), math.fabs(-10**20), math.sqrt(10**30))
