# math: float functions, special values and CPython's exact errors.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
vals = [0.0, -0.0, 0.5, 1.0, 2.0, -1.5, 10.0, 1e-300, 1e300, math.inf, -math.inf, math.nan]
names = ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos',
         'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gamma', 'lgamma', 'fabs',
         'cbrt', 'degrees', 'radians']
for name in names:
    f = getattr(math, name)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__[0] + ':' + str(e))
    print(name, ' '.join(out))
two = [(1.0, 2.0), (-1.0, 0.0), (0.0, 0.0), (-0.0, -1.0), (2.0, -3.0), (math.inf, 1.0), (1.0, math.inf),
       (math.inf, math.inf), (math.nan, 1.0), (5.5, 2.0), (-5.5, 2.0), (10.0, 3.0), (1e308, 10.0), (0.0, -1.0),
       (-2.0, 0.5), (1.0, math.nan), (math.nan, 0.0), (-math.inf, 3.0), (-math.inf, -3.0)]
for name in ['atan2', 'copysign', 'fmod', 'remainder', 'pow', 'hypot', 'nextafter', 'log']:
    f = getattr(math, name)
    out = []
    for a, b in two:
        try:
            out.append(repr(f(a, b)))
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            out.append(type(e).__name__[0] + ':' + str(e))
    print(name, ' '.join(out))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.floor(10**30), math.ceil(True))
print(type(math.floor(2.0)).__name__, math.floor(1e300) == int(1e300))
for f in [math.floor, math.ceil, math.trunc]:
    for v in [math.inf, math.nan, 'x']:
        try:
            f(v)
        except (ValueError, OverflowError, TypeError) as e:
            print(f.__name__, type(e).__name__, e)
class R:
    def __floor__(self): return 'F'
    def __ceil__(self): return 'C'
    def __trunc__(self): return 'T'
    def __float__(self): return 2.5
print(math.floor(R()), math.ceil(R()), math.trunc(R()), math.sqrt(R()))
class I:
    def __index__(self): return 9
print(math.sqrt(I()), math.factorial(I()), math.gcd(I(), 6))
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-math.inf), math.frexp(1e-310), math.ldexp(0.5, 4), math.ldexp(1.0, -1080))
for args in [(1.0, 10000), (1.0, 10**100), (1.0, -10**100), (math.inf, 10**100), (1.0, 1.5)]:
    try:
        print(math.ldexp(*args))
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(math.modf(3.25), math.modf(-3.25), math.modf(math.inf), math.modf(-math.inf), math.modf(math.nan))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0.0, 1e-12),
      math.isclose(0.0, 1e-12, abs_tol=1e-11), math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print('ValueError', e)
print(math.ulp(1.0), math.ulp(-2.0), math.ulp(0.0), math.ulp(math.inf), math.ulp(1e308), math.ulp(5e-324), math.ulp(math.nan))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(3.0, 3.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum(range(10)), math.fsum([math.inf, 1.0]), math.fsum([math.nan, 1.0]))
for bad in [[math.inf, -math.inf], [1e308, 1e308], ['a']]:
    try:
        print(math.fsum(bad))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(1e300, 1e300), math.hypot(1e-320, 1e-320),
      math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(0.1, 0.2, 0.3))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]), math.dist((1.5,), (-1.5,)))
try:
    math.dist((1, 2), (1, 2, 3))
except ValueError as e:
    print('ValueError', e)
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([1, 2], start=10), math.prod(['ab'], start=3))
print(math.log(10**1000), math.log(10**1000, 10), math.log2(2**2000), math.log10(10**500), math.log(2**1100 - 1, 2))
print(math.log(8, 2), math.log(100, 10), math.log(1, 10), math.log(True))
for args in [(0,), (-5,), (-10**400,), (0.0,), (10, 1), (10, 0), ('x',)]:
    try:
        print(math.log(*args))
    except (ValueError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
for call in [lambda: math.sqrt(10**400), lambda: math.sqrt('x'), lambda: math.sqrt(), lambda: math.sqrt(1, 2),
             lambda: math.atan2(1), lambda: math.log(), lambda: math.pow(1, 2, 3), lambda: math.exp(10**400)]:
    try:
        call()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.sqrt(16), math.sqrt(2**100), math.exp(1), math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else 0, math.pow(0.0, 0.0))
