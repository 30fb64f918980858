print(list(enumerate('abc')), list(enumerate('abc', start=10)), list(enumerate([], 5)), list(enumerate('x', -1)))
e = enumerate(['p', 'q'])
print(next(e), next(e), next(e, 'end'), type(e).__name__)
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({'a': 1, 'b': 2})))
r = reversed([1, 2])
print(type(r).__name__, next(r), list(r))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
print(list(enumerate(reversed('ab'))), [i * c for i, c in enumerate('xyz', 1)])
