from collections.abc import Iterable, Iterator, Generator, Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet, Hashable, Sized, Callable, Container, Reversible, Collection
for v in [[], (), {}, set(), frozenset(), '', b'', range(0), iter([]), (x for x in []), len, 5, None]:
    print(type(v).__name__, [abc.__name__ for abc in (Iterable, Iterator, Generator, Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet, Hashable, Sized, Callable, Container, Reversible, Collection) if isinstance(v, abc)])
class MySeq(Sequence):
    def __init__(self, d): self.d = d
    def __getitem__(self, i): return self.d[i]
    def __len__(self): return len(self.d)
s = MySeq([3, 1, 4, 1])
print(list(s), s.index(4), s.count(1), 4 in s, list(reversed(s)))
class MyMap(Mapping):
    def __init__(self, **kw): self.d = kw
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap(a=1, b=2)
print(m.get('a'), m.get('z', 0), list(m.keys()), list(m.items()), m == {'a': 1, 'b': 2}, 'a' in m)
try:
    class Incomplete(Sequence): pass
    Incomplete()
except TypeError as e:
    print(e)
