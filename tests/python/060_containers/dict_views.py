d = {'one': 1, 'two': 2, 'three': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d['four'] = 4
print(list(k), list(v), list(it), len(k), 'one' in k, 2 in v, ('two', 2) in it)
print(k & {'one', 'x'}, sorted(k | {'x'}), sorted(k - {'one'}), sorted(k ^ {'one', 'z'}), k == {'one', 'two', 'three', 'four'})
print(sorted(it & {('one', 1), ('two', 3)}), k.isdisjoint({'a'}), list(reversed(k)), list(reversed(d.values())))
try:
    for key in d:
        d['new'] = 0
except RuntimeError as e:
    print(e)
print(d.keys().mapping['one'] if hasattr(d.keys(), 'mapping') else '', type(k).__name__, type(v).__name__, type(it).__name__)
