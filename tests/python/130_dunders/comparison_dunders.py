import functools
class C:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print('eq', self.v, getattr(o, 'v', o)); return isinstance(o, C) and self.v == o.v
    def __lt__(self, o): print('lt', self.v, o.v); return self.v < o.v
    def __hash__(self): return hash(self.v)
a, b = C(1), C(2)
print(a == b, a != b, a < b, b > a)
class OnlyEq:
    def __eq__(self, o): return NotImplemented
print(OnlyEq() == OnlyEq(), OnlyEq() != 5)
try:
    C(1) <= C(2)
except TypeError as e:
    print(e)
@functools.total_ordering
class T:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(T(1) <= T(2), T(3) >= T(2), T(1) > T(1), sorted([T(3), T(1)], key=lambda t: t.v)[0].v)
class Rev:
    def __gt__(self, o): return 'Rev.__gt__ reflected'
print(5 < Rev())
class Sub(int):
    def __eq__(self, o): return 'Sub.__eq__ first'
print(5 == Sub(5))
