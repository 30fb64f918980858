s = '  a  b\tc\nd  '
print(s.split(), s.split(' '), s.split(None, 1), s.rsplit(None, 1), s.split(' ', 2), s.rsplit(' ', 2))
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.rsplit(',', 1), ''.split(','), ''.split())
print('a\nb\r\nc\rd\x0be\x1cf\u2028g'.splitlines(), 'x\ny\n'.splitlines(True), ''.splitlines())
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join(map(str, range(5))), '|'.join('abc'))
print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'kvw'.partition('='), 'kvw'.rpartition('='))
try:
    ''.join([1, 2])
except TypeError as e:
    print(e)
try:
    'a'.split('')
except ValueError as e:
    print(e)
print('a b c'.split(maxsplit=1), 'aXbXc'.split('X', maxsplit=-1))
