# The eval loop reuses float temporaries (x*y + z: the product is dead once added). Every way a
# temporary can escape or be shared must keep its value.
import sys

a, b, c, d = 1.5, 2.25, -3.0, 0.5

# A result bound to a name is not a temporary.
y = a * b
z = y + c
print(y, z, a * b + c * d, (a * b) * (c * d), -(a * b), -(-a), -(a * b) * -(c - d))

# Walrus and chained comparisons copy the value they test.
print((t := a * b) + t, t, a * b < c * d < 10.0, c * d < a * b < 10.0, a * b == a * b)
# Comparisons against ints, also ints a double cannot hold exactly.
print(a * 2 == 3, 3 == a * 2, a * b <= 4, 2**53 + 1 == 2.0**53 + 1, 2.0**53 + 1 == 2**53 + 1,
      2**53 + 1 > 2.0**53, -(2**60) < -a * 1e30, float('nan') * 1 == float('nan') * 1)


class Keep:
    """Stores what it is added to: a temporary that escapes through a reflected operator."""
    def __init__(self):
        self.got = []

    def __radd__(self, other):
        self.got.append(other)
        return other

    def __add__(self, other):
        self.got.append(other)
        return other


k = Keep()
r1 = (a * b) + k
r2 = k + (c * d)
r3 = (a * b) + (c * d)
print(r1, r2, r3, k.got, [x * 1.0 + 0.0 for x in k.got], k.got)


class Peek:
    """Returns a float that the caller's local `mine` holds (read through the frame)."""
    def __add__(self, other):
        return sys._getframe(1).f_locals['mine']


def escape():
    mine = a * b            # fresh, then bound
    p = Peek()
    out = (p + 1.0) + 1.0   # the inner result is `mine` itself: it must not be reused
    return mine, out


print(escape())


def gen():
    total = a * b + (yield 'first')
    yield total
    yield (c * d) * (yield 'again') + 0.0


g = gen()
print(next(g), g.send(10.0), next(g), g.send(2.0))

# An exception while the temporary waits on the stack.
vals = []
for den in (2.0, 0.0, 4.0):
    try:
        vals.append(a * b + 1.0 / den)
    except ZeroDivisionError as e:
        vals.append(str(e))
print(vals)

# Powers: positive bases take the fast path; the rest keep Python's rules.
print((a * b) ** 0.5, (a * b) ** -1.5, 2 ** (a * 2), (c * 1.0) ** 2, (c * 1.0) ** 0.5, (0.0 * a) ** 0)
for thunk in (lambda: (a * 1e200) ** 2.0, lambda: (0.0 * a) ** -1.0):
    try:
        thunk()
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)

# Accumulators, subscripts and attributes updated in place with a temporary.
s = 0.0
acc = [0.0, 0.0]


class Box:
    v = 0.0


box = Box()
for i in range(1, 200):
    s += i * a - b * 0.5
    acc[i % 2] += -(i * c) * d
    box.v -= (i * 0.25) ** 2
print(s, acc, box.v)

# Many values alive at once: results kept in a list must all stay distinct.
keep = [a * i + b * (i - 1) for i in range(2000)]
print(len(set(keep)), sum(keep), keep[:3], keep[-1], min(keep), max(keep))
pairs = [(x * 1.0 + 0.5, -(x * 2.0)) for x in keep[:500]]
print(sum(p for p, q in pairs), sum(q for p, q in pairs), all(p != q for p, q in pairs))

# Identity: a name bound to a result keeps the very same object.
u = a * b * c
w = u
u2 = (u * 1.0) + 0.0
print(w is u, u, u2, w)
