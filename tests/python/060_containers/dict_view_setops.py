# Set operations on dict views accept any iterable on the other side.
d = {'a': 1, 'b': 2, 'c': 3}
print(sorted(d.keys() - ['a']), sorted(d.keys() & ('b', 'x')), sorted(d.keys() | {'z'}), sorted(d.keys() ^ ['a', 'q']))
print(sorted(['a', 'x'] - d.keys()), sorted(['a', 'x'] & d.keys()), sorted(d.items() - [('a', 1)]), sorted(d.items() & {('b', 2)}))
print(sorted(d.keys() - (k for k in 'ab')), type(d.keys() - []).__name__)
for bad in (5, None):
    try:
        d.keys() - bad
    except TypeError as e:
        print("TypeError:", e)
