# _statistics._normal_dist_inv_cdf (AS241): errors, domain checks, and a bit-for-bit digest over all three regions.
import _statistics as s, statistics, random, struct
f = s._normal_dist_inv_cdf
print(repr(s.__doc__), f.__module__, f.__name__, f.__qualname__, [n for n in dir(s) if not n.startswith('__')])
inf = float('inf'); nan = float('nan')
class F:
    def __float__(self): return 0.3
class I:
    def __index__(self): return 0
for args in [('a', 0, 1), (0.5,), (0.5, 0, 1, 2), (0, 0, 1), (1, 0, 1), (nan, 0, 1), (2**1100, 0, 1), (True, 0, 1),
             (-0.5, 0, 1), (1.5, 0, 1), (0.5, 0, inf), (0.3, 0, inf), (0.5, nan, 1), (0.3, inf, -inf), (1e-320, 0, 1),
             (0.9999999999999999, 0, 1), (5e-324, 0, 1), (0.3, nan, 1), (0.3, 0, nan), (-0.0, 0, 1), (-inf, 0, 1),
             (0.5, 1, 0), (1e-300, 0, 1), (F(), I(), 1), (0.075, 0, 1), (0.925, 0, 1), (0.0749999, 2, 3),
             (0.5, 0, 1), (0.25, 100, 15)]:
    try:
        print(args if not isinstance(args[0], F) else 'F', repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)
try: f(p=0.5, mu=0, sigma=1)
except Exception as e: print(type(e).__name__, e)
# a digest over many points in each region, bit for bit
rnd = random.Random(12345)
h = 0
pts = [rnd.random() for _ in range(20000)] + [rnd.random() * 1e-10 for _ in range(5000)] + \
      [1 - rnd.random() * 1e-12 for _ in range(5000)] + [10.0 ** -rnd.uniform(0, 300) for _ in range(5000)] + \
      [0.5 + rnd.uniform(-0.425, 0.425) for _ in range(5000)] + [0.075 + k * 1e-17 for k in range(-50, 50)]
for p in pts:
    if 0 < p < 1:
        v = f(p, rnd.uniform(-5, 5), rnd.uniform(0.1, 10))
        h = (h * 1000003 + struct.unpack('<Q', struct.pack('<d', v))[0]) % (1 << 61)
print(len(pts), h)
nd = statistics.NormalDist(10, 2)
print(nd.inv_cdf(0.01), nd.inv_cdf(0.999), nd.quantiles(7))
print(statistics._normal_dist_inv_cdf.__module__)
