import typing, pickle, weakref, copy
from typing import TypeVar, TypeVarTuple, ParamSpec, Callable
T = TypeVar('T'); K = TypeVar('K'); Ts = TypeVarTuple('Ts'); P = ParamSpec('P')
print(list[T].__parameters__, dict[K, list[T]].__parameters__)
print(list[T][int], dict[K, list[T]][str, int])
print(tuple[*Ts], tuple[*Ts][int, str], tuple[int, *Ts][str, bytes])
print(list[int].__name__, list[int].__module__, list[int].append)
print(*list[int], list(tuple[int, str]))
x = list[int]
print(pickle.loads(pickle.dumps(x)) == x, copy.copy(x) == x, weakref.ref(x)() is x)
print((int | T)[str], (list[T] | None)[int])
try: list[int][int]
except TypeError as e: print(e)
try: dict[K, T][int]
except TypeError as e: print(e)
print(repr(tuple[()]), repr(list[...]), repr(Callable[[int], str]), type(Callable[P, T][[int, str], bool]))
print(x.__class__, x.__origin__, x.__args__, x.__unpacked__, next(iter(tuple[int])).__typing_unpacked_tuple_args__)
print(tuple[int, *tuple[str, ...]])
print(list[int]() , dir(list[int])[-3:])
class A(list[int]): pass
print(A.__orig_bases__, A.__mro__)
