f = frozenset([3, 1, 2])
print(sorted(f), len(f), 2 in f, f | {9}, type(f | {9}).__name__, type({9} | f).__name__, f & {1}, frozenset())
d = {f: 'frozen'}
print(d[frozenset({1, 2, 3})], frozenset('ab') == {'a', 'b'}, {frozenset([1]), frozenset([1])})
try:
    f.add(4)
except AttributeError as e:
    print(e)
print(f.union([4]), f.copy() is f, hash(frozenset()) == hash(frozenset([])), f.issubset({1, 2, 3, 4}))
