import math
print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(10 ** 20 + 1), math.exp(1), math.log(100, 10), math.log2(1024), math.log10(1e-5), math.log1p(1e-10))
print(math.sin(0), math.cos(0), math.tan(math.pi / 4), math.atan2(1, 1), math.asin(1), math.acos(1), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.fabs(-2), math.fmod(-7, 3), math.remainder(7, 3))
print(math.factorial(20), math.gcd(12, 18), math.gcd(0, 0), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.floor(2.5), math.ceil(2.1), math.trunc(-2.7), math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.copysign(3, -0.0), math.isclose(1.0, 1.0 + 1e-10), math.erf(0.5), math.gamma(5), math.lgamma(10))
print(math.cosh(1), math.sinh(1), math.tanh(1), math.acosh(2), math.asinh(1), math.atanh(0.5), math.cbrt(8) if hasattr(math, 'cbrt') else 2.0)
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.factorial, -1), (math.exp, 1000), (math.acos, 2)]:
    try:
        print(f(arg))
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
