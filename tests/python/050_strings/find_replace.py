s = 'the quick brown fox jumps over the lazy dog the end'
print(s.find('the'), s.find('the', 1), s.rfind('the'), s.find('cat'), s.index('fox'), s.rindex('the', 0, 40))
print(s.count('the'), s.count('o'), s.count(''), 'aaaa'.count('aa'), s.count('the', 5, 40))
print(s.replace('the', 'THE'), s.replace('the', 'X', 2), 'aaa'.replace('', '-'), 'abc'.replace('b', ''))
print(s.startswith('the'), s.startswith(('a', 'the ')), s.endswith('end'), s.endswith('the', 0, 3), s.startswith('quick', 4))
try:
    s.index('cat')
except ValueError as e:
    print(e)
print('abcabc'.find('c', -2), 'abc'.find('', 10), 'abc'.find('', 3))
print('hello'.removeprefix('he'), 'hello'.removesuffix('lo'), 'hello'.removeprefix('x'))
