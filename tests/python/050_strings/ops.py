a, b = 'abc', 'xyz'
print(a + b, a * 3, 3 * a, a * 0, a * -1, a in 'zabcz', a < b, a == 'abc', a != b)
print(len(a), list(a), tuple(b), sorted('hello'), reversed('abc').__class__.__name__, ''.join(reversed('abc')))
print(str(), str(123), str(1.5), str([1, 'a']), str(b'x'), str(b'caf\xc3\xa9', 'utf-8'), str(None))
for x in 'ab':
    print(x, end=';')
print()
s = 'x'
s += 'y'
print(s, hash('same') == hash('sa' + 'me'), 'abc'.__len__(), 'abc'.__getitem__(1), 'a'.__add__('b'))
try:
    'a' + 1
except TypeError as e:
    print(e)
try:
    'abc'[0] = 'z'
except TypeError as e:
    print(e)
print('%s' % 'x' == 'x', 'abc'.__contains__('b'), 'ab' < 'abc', 'B' < 'a', max(['apple', 'Banana', 'cherry']))
