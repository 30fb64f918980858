import cmath
a, b = 1 + 2j, 3 - 1j
print(a + b, a - b, a * b, a / b, a ** 2, a ** b, -a, +a, abs(b))
print(a == complex(1, 2), a != b, complex('  (1+2j) '), complex('-1.5e3j'), complex('inf+nanj'))
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), complex(1e300, 1e300) * 10)
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.exp(0j))
for bad in ['1+', 'j1', '1 + 2j']:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    (1 + 2j) < (2 + 3j)
except TypeError as e:
    print(e)
try:
    1j // 2
except TypeError as e:
    print(e)
try:
    (1 + 1j) / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(hash(1 + 0j) == hash(1), complex(2.5).real, (2j).conjugate())
