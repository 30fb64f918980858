# Singleton and container literals.
print(None, True, False, ..., Ellipsis, NotImplemented)
print([], (), {}, [1, 2, 3], (1,), (1, 2), {1: 2}, {1, 2})
print([1, [2, [3, [4]]]], ((),), {'a': [1, {'b': (2,)}]})
print(type(...).__name__, type(None).__name__, type(NotImplemented).__name__)
print(True + True, True * 10, False - 1, int(True), bool(0), bool(''))
print(repr(None), str(...), [True, None])
print({1: 'a', 1.0: 'b', True: 'c'})
print(len(set([1, 1.0, True])))
