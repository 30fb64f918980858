# __class__ assignment compares layouts as CPython lays them out: a
# __weakref__ or __dict__ slot added by __slots__ changes the layout.
def can(x, C):
    try:
        x.__class__ = C
        return True
    except TypeError as e:
        return str(e)
class G(object): __slots__ = ["a", "b"]
class H(object): __slots__ = ["b", "a"]
class I(object): __slots__ = ["a", "b"]
class J(object): __slots__ = ["c", "b"]
class K(object): __slots__ = ["a", "b", "d"]
class L(H): __slots__ = ["e"]
class M(I): __slots__ = ["e"]
class N(J): __slots__ = ["__weakref__"]
class P(J): __slots__ = ["__dict__"]
class Q(J): pass
class R(J): __slots__ = ["__dict__", "__weakref__"]
for cls, cls2 in ((G, H), (G, I), (I, H), (Q, R), (R, Q), (J, N), (N, J), (J, P), (N, P), (N, R), (L, M), (G, K)):
    print(cls.__name__, cls2.__name__, can(cls(), cls2))
class Plain1: pass
class Plain2: pass
print(can(Plain1(), Plain2))
import types
class SubModule(types.ModuleType):
    a = 1
m = types.ModuleType("m")
print(can(m, SubModule), hasattr(m, 'a'), can(m, types.ModuleType), hasattr(m, 'a'))
# Which classes get their own __weakref__ / __dict__ descriptors.
import collections, functools, io
for b in [object, list, dict, set, frozenset, int, str, tuple, Exception, types.ModuleType, type,
          collections.deque, collections.OrderedDict, functools.partial, io.StringIO]:
    S = type('S', (b,), {})
    print(b.__name__, '__weakref__' in vars(S), '__dict__' in vars(S))

# __dict__ of classes stays read-only, even through a plain class's
# __dict__ descriptor reached through a metaclass.
class Base(object):
    pass
class Meta1(type, Base):
    pass
class Meta2(Base, type):
    pass
class D(object, metaclass=Meta1):
    pass
class E(object, metaclass=Meta2):
    pass
dict_descr = Base.__dict__["__dict__"]
for cls in D, E:
    print(type(cls.__dict__).__name__, type(dict_descr.__get__(cls)).__name__)
    for f in (lambda: setattr(cls, '__dict__', {}), lambda: delattr(cls, '__dict__'),
              lambda: dict_descr.__set__(cls, {})):
        try:
            f()
            print("allowed")
        except (AttributeError, TypeError) as e:
            print(type(e).__name__, e)
# Exceptions' __dict__ can be replaced by a dict, not deleted.
class Exception1(Exception, Base):
    pass
class Exception2(Base, Exception):
    pass
for ExceptionType in Exception, Exception1, Exception2:
    e = ExceptionType()
    e.__dict__ = {"a": 1}
    print(ExceptionType.__name__, e.a)
    for f in (lambda: delattr(e, '__dict__'), lambda: setattr(e, '__dict__', 1)):
        try:
            f()
        except TypeError as x:
            print("TypeError:", x)
print(BaseException.__dict__['__dict__'])
