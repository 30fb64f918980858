from typing import (Any, Callable, ClassVar, Dict, Final, Generic, List, Literal, NamedTuple, Optional, Protocol,
                    Tuple, TypedDict, TypeVar, Union, cast, get_type_hints, overload, runtime_checkable, get_origin, get_args)
T = TypeVar('T')
class Stack(Generic[T]):
    def __init__(self) -> None: self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
    def pop(self) -> T: return self.items.pop()
s: Stack[int] = Stack()
s.push(1); s.push(2)
print(s.pop(), Stack[int].__origin__ is Stack, T.__name__)
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt(1, 2)._fields, Pt.__annotations__)
class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {'title': 'x'}
print(m, Movie.__required_keys__, sorted(Movie.__optional_keys__))
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
def f(a: int, b: Optional[str] = None) -> Dict[str, List[int]]: return {}
print(get_type_hints(f))
print(Optional[int], Union[int, str], List[int], Dict[str, Any], Callable[[int], str], Tuple[int, ...], Literal['a', 'b'])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]), cast(int, 'not checked'))
@overload
def ov(x: int) -> int: ...
@overload
def ov(x: str) -> str: ...
def ov(x): return x
print(ov(3), Final, ClassVar[int])
class Tree(Generic[T]):
    children: 'List[Tree[T]]'
print(get_type_hints(Tree))
