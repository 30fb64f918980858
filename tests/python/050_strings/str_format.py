print('{} + {} = {}'.format(1, 2, 3), '{0}{1}{0}'.format('a', 'b'), '{x}{y}'.format(x=1, y=2))
print('{:>8}|{:<8}|{:^8}|{:*^8}'.format('r', 'l', 'c', 's'))
print('{0!r} {0!s} {0!a}'.format('ü'), '{:,.2f}'.format(1234567.891), '{:+.1e}'.format(0.000123))
p = {'name': 'x', 'pos': (3, 4)}
print('{name} at {pos[0]},{pos[1]}'.format(**p), '{0.imag}'.format(1 + 5j))
print('{{literal}} {}'.format('v'), '{:%Y}'.format(__import__('datetime').date(2020, 1, 2)))
print('plain'.format_map({}), '{a}'.format_map({'a': 'mapped'}))
class D(dict):
    def __missing__(self, k): return '<' + k + '>'
print('{a} {b}'.format_map(D(a=1)))
for fmt, args, kw in [('{}', (), {}), ('{0} {}', (1, 2), {}), ('{x}', (), {}), ('{:d}', ('s',), {}), ('{', (), {}), ('}', (), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
import string
print(list(string.Formatter().parse('a{b!r:>3}c{}')))
