# _weakref: refs, proxies, callbacks, counts and what cannot be weakly referenced.
import _weakref

class C:
    def m(self):
        return "m"
    def __len__(self):
        return 3
    def __add__(self, o):
        return ("add", o)
    def __radd__(self, o):
        return ("radd", o)

c = C()
r = _weakref.ref(c)
print(r() is c, r is _weakref.ref(c), _weakref.getweakrefcount(c), r == _weakref.ref(c), hash(r) == hash(c), r.__callback__)
r2 = _weakref.ref(c, lambda w: None)
print(r2 is r, r2 == r, _weakref.getweakrefcount(c), len(_weakref.getweakrefs(c)), r2.__callback__ is not None)
p = _weakref.proxy(c)
print(p.m(), len(p), p + 1, 1 + p, type(p).__name__, type(_weakref.proxy(len)).__name__, _weakref.proxy(len)("ab"))
p.attr = 5; print(c.attr, p.attr)
for o in [1, "a", (), [], {}, None, 1.5, object()]:
    try:
        _weakref.ref(o)
    except TypeError as e:
        print(e)
class S:
    __slots__ = ("a",)
class S2(S):
    pass
class SW:
    __slots__ = ("a", "__weakref__")
class I(int):
    pass
for cls in [S, S2, SW, I]:
    try:
        _weakref.ref(cls()); print(cls.__name__, "ok")
    except TypeError as e:
        print(e)
def f():
    pass
print(_weakref.ref(f)() is f, _weakref.ref(C)() is C, _weakref.ref({1}) is not None)
try:
    hash(p)
except TypeError:
    print("proxy unhashable")
class K(_weakref.ref):
    __slots__ = ("key",)
    def __new__(cls, ob, cb, key):
        self = super().__new__(cls, ob, cb)
        self.key = key
        return self
    def __init__(self, ob, cb, key):
        super().__init__(ob, cb)
k = K(c, None, "kk"); print(k.key, k() is c, isinstance(k, _weakref.ReferenceType))
d = {"x": _weakref.ref(c)}
_weakref._remove_dead_weakref(d, "x"); _weakref._remove_dead_weakref(d, "nope"); print(list(d))
# Collection: with a conservative collector the exact moment varies, but garbage is reclaimed.
log = []
def make():
    objs = [C() for i in range(2000)]
    return [_weakref.ref(o, log.append) for o in objs]
refs = make()
for i in range(60):
    junk = [[j] * 50 for j in range(3000)]
    del junk
dead = sum(1 for x in refs if x() is None)
_weakref.getweakrefcount(c)  # a weakref operation runs the pending callbacks
print(dead > 1000, len(log) > 1000, all(w() is None for w in log))
