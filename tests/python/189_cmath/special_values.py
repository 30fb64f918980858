# Special values (infinities, NaNs, signed zeros) as CPython 3.11 defines them.
import cmath, math
inf, nan = float('inf'), float('nan')
vals = [-inf, -2.0, -0.0, 0.0, 2.0, inf, nan]

def fmt(v):
    return repr(v) if (math.isnan(v) or math.isinf(v) or v == 0) else '%.10g' % v

for name in ['exp', 'log', 'sqrt', 'cosh', 'sinh', 'tanh', 'cos', 'sin', 'tan', 'acos', 'asin', 'atan',
             'acosh', 'asinh', 'atanh']:
    f = getattr(cmath, name)
    out = []
    for re_ in vals:
        for im in vals:
            try:
                z = f(complex(re_, im))
                out.append('%s,%s' % (fmt(z.real), fmt(z.imag)))
            except ValueError:
                out.append('VE')
            except OverflowError:
                out.append('OE')
    print(name, ' '.join(out))
for r in vals:
    row = []
    for p in vals:
        try:
            z = cmath.rect(r, p)
            row.append('%s,%s' % (fmt(z.real), fmt(z.imag)))
        except ValueError:
            row.append('VE')
    print('rect', ' '.join(row))
for z in [complex(inf, nan), complex(nan, inf), complex(-inf, 0), complex(0, -inf)]:
    print(cmath.polar(z), cmath.phase(z), cmath.isinf(z), cmath.isnan(z), cmath.isfinite(z))
