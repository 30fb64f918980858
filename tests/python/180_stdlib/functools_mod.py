import functools
@functools.lru_cache(maxsize=2)
def sq(x):
    print('computing', x)
    return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@functools.cache
def fact(n): return 1 if n < 2 else n * fact(n - 1)
print(fact(30))
p = functools.partial(int, base=16)
print(p('ff'), p.func.__name__, p.keywords, functools.partial(p, 'a')())
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a + b, [], 0))
@functools.singledispatch
def show(x): return f'object {x!r}'
@show.register
def _(x: int): return f'int {x}'
@show.register(list)
def _(x): return f'list of {len(x)}'
print(show(1), show([1, 2]), show('s'), show(True))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) >= V(0), V(1) <= V(0), max(V(3), V(5)).v)
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def documented():
    """docs kept"""
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
class C:
    def __init__(self): self.calls = 0
    @functools.cached_property
    def expensive(self):
        self.calls += 1
        return 'computed'
c = C()
print(c.expensive, c.expensive, c.calls)
print(sorted(['b', 'A', 'c'], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
class Pm:
    @functools.partialmethod
    def _noop(self): pass
    def set(self, v, scale): return v * scale
    double = functools.partialmethod(set, scale=2)
print(Pm().double(21))
