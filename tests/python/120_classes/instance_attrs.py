# Instance attributes live as values indexed by per-class keys until something asks for __dict__
# (objects/instance_values.h). Every observable behaviour must be the dict's.
import copy, pickle, sys, weakref


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


a, b = P(1, 2), P(3, 4)
print(a.x, a.y, b.x, b.y, vars(a), a.__dict__ is vars(a), a.norm())

# Another instance adds attributes in another order: dict order is insertion order.
c = P(5, 6)
c.z = 7
d = P(0, 0)
del d.x
d.w = 1
d.x = 2
print(vars(c), vars(d), d.x, hasattr(d, 'y'), getattr(d, 'q', 'none'))

# Deleting and re-adding.
e = P(1, 1)
del e.y
print(vars(e), hasattr(e, 'y'))
e.y = 9
print(vars(e))
try:
    del e.nope
except AttributeError as err:
    print('AttributeError', err)
try:
    e.nope
except AttributeError as err:
    print('AttributeError', err)

# The dict, once taken, is the live storage.
f = P(1, 2)
dd = f.__dict__
dd['x'] = 100
dd['extra'] = 'e'
f.y = 200
print(f.x, f.extra, dd, f.__dict__ is dd)
f.__dict__ = {'only': 1}
print(vars(f), hasattr(f, 'x'))
g = P(1, 2)
g.__dict__.clear()
print(vars(g), hasattr(g, 'x'))
g.x = 3
print(vars(g))

# An attribute shadowing a method, set before and after the method was looked up.
h = P(1, 2)
print(h.norm())
h.norm = lambda: 'shadowed'
print(h.norm())
del h.norm
print(h.norm())

# Names that are str subclasses, non-identifier names, many names.
class S(str):
    pass


k = P(1, 2)
setattr(k, S('sub'), 'via subclass')
setattr(k, 'with space', 1)
print(k.sub, getattr(k, 'with space'), list(vars(k)))


class Bag:
    pass


bags = []
for i in range(40):
    bag = Bag()
    setattr(bag, f'n{i}', i)
    setattr(bag, 'common', -i)
    bags.append(bag)
print([vars(x) for x in bags[28:33]], sum(x.common for x in bags))

# __class__ assignment between classes that have different attribute layouts.
class Q:
    def __init__(self):
        self.q = 'q'


class R:
    def __init__(self):
        self.r1 = 1
        self.r2 = 2


m = Q()
m.__class__ = R
print(type(m).__name__, vars(m), getattr(m, 'r1', None))
m.r1 = 'set after'
print(vars(m))

# Subclass instances, pickling and copying.
class P3(P):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


p3 = P3(1, 2, 3)
print(vars(p3), vars(copy.copy(p3)), vars(copy.deepcopy(p3)), vars(pickle.loads(pickle.dumps(p3))))
fresh = P3(4, 5, 6)
print(vars(pickle.loads(pickle.dumps(fresh))), vars(fresh), fresh.__reduce_ex__(2)[2])

# Attribute access in a loop over instances of differing layouts (the inline caches).
objs = [P(i, -i) for i in range(5)] + [c, d, f, g, p3]
total = []
for o in objs * 3:
    total.append(getattr(o, 'x', None))
    try:
        total.append(o.y)
    except AttributeError:
        total.append('no y')
    o.x = 'seen'
print(total[:12], total[-6:], [vars(o) for o in objs[-5:]])

# Weak references, dir(), repr of the values through __dict__ and equality of dicts.
wr = weakref.ref(a)
print(wr() is a, [n for n in dir(a) if not n.startswith('__')], vars(a) == {'x': 1, 'y': 2})

# Classes with __slots__ and a __dict__, __getattr__ fallback.
class Slotted:
    __slots__ = ('s', '__dict__')

    def __init__(self):
        self.s = 'slot'
        self.t = 'dict'


class Fallback:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return f'<{name}>'


sl, fb = Slotted(), Fallback()
print(sl.s, sl.t, vars(sl), fb.real, fb.virtual, vars(fb))
