from typing import Protocol, runtime_checkable, NamedTuple, Generic, TypeVar
@runtime_checkable
class P(Protocol):
    def meth(self): pass
class C: pass
print(P.__protocol_attrs__ if hasattr(P, '__protocol_attrs__') else None)
import typing
print(typing._get_protocol_attrs(P))
print(issubclass(C, P))
T = TypeVar('T')
class X(NamedTuple, Generic[T]):
    a: T
print(X.__mro__, X.__bases__, X.__orig_bases__[1:])
