print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, (float, int))))
print(isinstance('s', str), isinstance(None, type(None)), isinstance([], (list, tuple)), isinstance(int, type), isinstance(type, type))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(list, list), issubclass(KeyError, LookupError))
for bad in [lambda: isinstance(1, 'int'), lambda: issubclass(1, int), lambda: issubclass(int, 1)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(isinstance(1, int | str), isinstance('a', int | None), isinstance(None, int | None), issubclass(bool, int | str))
import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator), isinstance(range(1), cabc.Sequence), isinstance('', cabc.Hashable))
