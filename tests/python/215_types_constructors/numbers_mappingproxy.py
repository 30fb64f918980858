# float(): __index__, keywords for a subclass with __init__, NaN hashed by identity; int(x, base) only for text; mappingproxy | (both sides), |=, reversed()
import array, types, math
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class MyIndex:
    def __init__(self, v): self.value = v
    def __index__(self): return self.value
t(lambda: float(MyIndex(42)))
t(lambda: float(MyIndex(2**2000)))
class MyInt:
    def __int__(self): return 42
t(lambda: float(MyInt()))
class sub(float): pass
t(lambda: sub(x=0))
class sub2(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
t(lambda: (sub2(2.5, newarg=3), sub2(2.5, newarg=3).newarg))
class sub3(float):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg); self.newarg = newarg; return self
t(lambda: (sub3(2.5, newarg=3), sub3(2.5, newarg=3).newarg))
n = float('nan'); print(hash(n) == object.__hash__(n), hash(float('inf')))
for x in [memoryview(b'100'), array.array('B', b'100'), bytearray(b'100')]:
    t(lambda: int(x))
t(lambda: int(memoryview(b'100'), 10))
mp = types.MappingProxyType({1: 'a', 2: 'b', 3: 'c'})
t(lambda: list(reversed(mp)))
t(lambda: mp | {4: 'd'})
t(lambda: {0: 'z'} | mp)
t(lambda: mp | 1)
t(lambda: sorted(set(dir(mp)) - set(dir(object))))
class I(int):
    def __init__(self, v, extra=None): pass
t(lambda: I(5, extra=1))
t(lambda: int(x=5))
import warnings
warnings.simplefilter('always')
class Foo2(float):
    def __float__(self):
        return 42.
class FooStr(str):
    def __float__(self):
        return float(str(self)) + 1
class Other(float):
    pass
class F:
    def __float__(self):
        return Other(42.)
print(float(Foo2()), float(FooStr('8')), float(F()), type(float(F())).__name__)
import typing, collections.abc
print(hash(int | str) == hash(str | int) == hash(typing.Union[int, str]))
class SubAlias(types.GenericAlias): ...
u = list[int] | SubAlias(list, float) | dict[str, int]
print(u, u == typing.Union[list[int], SubAlias(list, float), dict[str, int]])
print(int | collections.abc.Callable[[int], str] | bytes)
