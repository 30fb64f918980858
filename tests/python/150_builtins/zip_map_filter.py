print(list(zip([1, 2, 3], 'abc', (True, False, None))), list(zip()), list(zip([1])), list(zip('ab', range(10))))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(e)
print(list(map(lambda x: x * 2, [1, 2])), list(map(pow, [2, 3], [4, 5])), list(map(str, range(3))), list(map(len, ['a', 'bb'], )))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, [], [0], '', 'a'])), list(filter(str.isdigit, 'a1b2')))
m = map(int, '123')
print(next(m), list(m), type(m).__name__, type(zip()).__name__, type(filter(None, [])).__name__)
print(dict(zip('abc', range(3))), list(zip(*[(1, 'a'), (2, 'b')])))
