import cmath, math
inf, nan = float('inf'), float('nan')

def show(x):
    if isinstance(x, complex):
        return '(%s, %s)' % (fmt(x.real), fmt(x.imag))
    if isinstance(x, tuple):
        return '(' + ', '.join(fmt(v) for v in x) + ')'
    return fmt(x)

def fmt(v):
    if isinstance(v, bool):
        return str(v)
    if math.isnan(v) or math.isinf(v) or v == 0:
        return repr(v)
    return '%.12g' % v

names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10',
         'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']
points = [0, 1, -1, 2.5, -0.5, 1j, -2j, 1 + 1j, -3 + 4j, 0.5 - 0.25j, complex(0.0, -0.0),
          complex(-0.0, 0.0), 1e-300 + 1e-300j, 10 + 700j]
for name in names:
    f = getattr(cmath, name)
    row = []
    for z in points:
        try:
            row.append(show(f(z)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(name, ' '.join(row))

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(show(cmath.log(8, 2)), show(cmath.log(1j, 1j)), show(cmath.log(100, 10)))
for args in [(2, 1), (0,), (1, 0)]:
    try:
        cmath.log(*args)
    except ValueError as e:
        print('log', args, e)
print(show(cmath.rect(2, math.pi / 2)), show(cmath.rect(1, 0)), show(cmath.rect(-1, -0.0)))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.1, rel_tol=0.2),
      cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(inf, inf), cmath.isclose(inf, -inf))
for bad in [lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.sqrt('x'), lambda: cmath.exp(1000),
            lambda: cmath.atanh(1), lambda: cmath.polar(complex(1e308, 1e308) * 10)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

class C:
    def __complex__(self): return 3 + 4j
class F:
    def __float__(self): return 2.0
print(show(cmath.sqrt(C())), show(cmath.sqrt(F())), show(cmath.sqrt(-4)), abs(cmath.sqrt(-4)))
