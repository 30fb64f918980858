# The _abc accelerator behind abc.ABCMeta: registration, virtual subclasses,
# __subclasshook__, abstract methods, caches and their invalidation,
# collections.abc, typing.Protocol runtime checks, and match statements on
# classes registered with Sequence / Mapping.
import abc
import collections.abc as cabc
import sys
import typing
from abc import ABC, ABCMeta, abstractmethod

print(ABCMeta.__module__, "_py_abc" in sys.modules)
import _abc
print(sorted(n for n in dir(_abc) if not n.startswith("__")))


# ---- abstract methods and instantiation errors ----
class Base(ABC):
    @abstractmethod
    def b(self): ...
    @abstractmethod
    def a(self): ...
    @property
    @abstractmethod
    def p(self): ...


print(sorted(Base.__abstractmethods__), type(Base.__abstractmethods__).__name__)
try:
    Base()
except TypeError as e:
    print(e)


class Half(Base):
    def a(self):
        return "a"


print(sorted(Half.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print(e)


class One(Half):
    def b(self):
        return "b"


try:
    One()
except TypeError as e:
    print(e)


class Full(One):
    p = 3


f = Full()
print(f.a(), f.b(), f.p, Full.__abstractmethods__)
print(isinstance(f, Base), issubclass(Full, Base), issubclass(Base, Full))


# ---- register and virtual subclasses ----
class MyABC(metaclass=ABCMeta):
    pass


class Plain:
    pass


class PlainChild(Plain):
    pass


tok0 = abc.get_cache_token()
print(isinstance(Plain(), MyABC), issubclass(PlainChild, MyABC))  # fills the negative cache
r = MyABC.register(Plain)
print(r is Plain, abc.get_cache_token() == tok0 + 1, abc.get_cache_token() > tok0)
print(isinstance(Plain(), MyABC), issubclass(PlainChild, MyABC), isinstance(PlainChild(), MyABC))
print(MyABC.register(Plain) is Plain, abc.get_cache_token() == tok0 + 1)  # already a subclass: no bump
print(MyABC.register(MyABC) is MyABC)
MyABC.register(int)
print(isinstance(3, MyABC), isinstance(True, MyABC), issubclass(bool, MyABC))


class Sub(MyABC):
    pass


try:
    Sub.register(MyABC)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    MyABC.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, MyABC)
except TypeError as e:
    print("TypeError:", e)

# A virtual subclass of a subclass is a virtual subclass.
class Other:
    pass


Sub.register(Other)
print(issubclass(Other, MyABC), issubclass(Other, Sub), Other.__mro__ == (Other, object))

# The dump: registry, cache, negative cache, version.
reg, cache, neg, ver = _abc._get_dump(MyABC)
print(sorted(r().__name__ for r in reg), ver == abc.get_cache_token())
print(all(type(x).__name__ == "weakref" for x in reg | cache | neg))
print(Plain in {r() for r in cache}, type(MyABC._abc_impl).__name__)
_abc._reset_caches(MyABC)
print([len(s) for s in _abc._get_dump(MyABC)[:3]])
_abc._reset_registry(MyABC)
print(len(_abc._get_dump(MyABC)[0]), issubclass(int, MyABC))


# ---- __subclasshook__ ----
class HasLen(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            return any("__len__" in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented


class L:
    def __len__(self):
        return 0


print(issubclass(L, HasLen), isinstance([], HasLen), issubclass(int, HasLen))
HasLen.register(int)
print(issubclass(int, HasLen))


class Bad(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 42


try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError:", e)


class Never(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False


class NeverSub(Never):
    pass


print(issubclass(NeverSub, Never), isinstance(NeverSub(), Never))

# __instancecheck__ uses __class__ as well as type().
class Fake:
    @property
    def __class__(self):
        return int


print(isinstance(Fake(), MyABC), isinstance(Fake(), HasLen), isinstance(Fake(), cabc.Hashable))

# ---- collections.abc ----
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance("", cabc.Sequence))
print(isinstance(iter([]), cabc.Iterator), issubclass(dict, cabc.MutableMapping), isinstance(3, cabc.Iterable))
print(isinstance(len, cabc.Callable), issubclass(list, cabc.Hashable), issubclass(tuple, cabc.Hashable))
print(isinstance((x for x in ()), cabc.Generator), issubclass(memoryview, cabc.Sequence))


class MySeq(cabc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


s = MySeq(1, 2, 3)
print(list(reversed(s)), s.index(2), 3 in s, s.count(1))
try:
    cabc.Sequence()
except TypeError as e:
    print(e)


# ---- typing.Protocol ----
@typing.runtime_checkable
class P(typing.Protocol):
    def meth(self):
        pass


@typing.runtime_checkable
class PNonMethod(typing.Protocol):
    x: int


class C:
    def meth(self):
        pass


class D:
    x = 1


print(isinstance(C(), P), issubclass(C, P), isinstance(D(), P), isinstance(None, P))
print(isinstance(D(), PNonMethod), isinstance(C(), PNonMethod))
try:
    issubclass(D, PNonMethod)
except TypeError as e:
    print("TypeError:", e)
P.register(D)
print(isinstance(D(), P), issubclass(D, P))
print(isinstance(1, typing.SupportsInt), issubclass(float, typing.SupportsIndex))
print(isinstance([], typing.Iterable), isinstance(3, typing.Iterable), isinstance({}, typing.Mapping))
try:
    isinstance([], typing.List[int])
except TypeError as e:
    print("TypeError:", e)


class NotIterable:
    __iter__ = None


print(isinstance(NotIterable(), typing.Iterable), isinstance(NotIterable(), cabc.Iterable))


# ---- match statements ----
def kind(x):
    match x:
        case {}:
            return "map"
        case [*_]:
            return "seq"
        case _:
            return "other"


class VSeq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i


class VSeqChild(VSeq):
    pass


class VMap:
    def __len__(self):
        return 1

    def __iter__(self):
        return iter(["k"])

    def __getitem__(self, k):
        return 1

    def get(self, k, d=None):
        return 1 if k == "k" else d

    def keys(self):
        return ["k"]


print(kind(VSeq()), kind(VMap()), kind(VSeqChild()))
cabc.Sequence.register(VSeq)
cabc.Mapping.register(VMap)
print(kind(VSeq()), kind(VMap()), kind(VSeqChild()))
match VSeq():
    case [a, b]:
        print("two", a, b)
match VMap():
    case {"k": v}:
        print("k", v)
print(kind([]), kind(()), kind(range(2)), kind({}), kind("ab"), kind(b"ab"), kind(bytearray()), kind(s))
import collections
print(kind(collections.deque()), kind(collections.OrderedDict()), kind(collections.UserDict()),
      kind(collections.UserList()), kind(memoryview(b"")))
import array
print(kind(array.array("i")))


class M2(collections.UserList, cabc.Mapping):
    pass


print(kind(M2()), cabc.Sequence.__flags__ & (1 << 5) != 0, cabc.Mapping.__flags__ & (1 << 6) != 0)
print(list.__flags__ & (1 << 5) != 0, dict.__flags__ & (1 << 6) != 0, "__abc_tpflags__" in cabc.Sequence.__dict__)
