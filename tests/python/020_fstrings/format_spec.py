# The format-spec mini language via format() and str.format.
for spec in ['', '10', '<10', '>10', '^10', '=+10', '010', '+', '-', ' ', ',', '_', '.3', '10.3']:
    print(repr(spec), repr(format(1234.5678, spec)), repr(format(-42, spec if '.' not in spec else '')))
for spec in ['x', 'X', 'o', 'b', 'c', 'd', 'n', '#x', '08b', '_x', '_b']:
    print(spec, format(97, spec))
for spec in ['e', '.2e', 'f', '.0f', 'g', '.3g', '%', '.1%', 'G', 'F']:
    print(spec, format(12345.678, spec), format(float('inf'), spec), format(float('nan'), spec))
print(format('abc', '>6'), format('abc', '.2'), format('abc', '*^9.2'))
print('{} {} {}'.format(1, 'a', [2]), '{1} {0}'.format('x', 'y'), '{a}-{b}'.format(a=1, b=2))
print('{0[1]} {0[a]}'.format({1: 'one', 'a': 'A'}), '{.real}'.format(3 + 4j))
print('{:{w}.{p}f}'.format(2.71828, w=9, p=2), '{!r:>6}'.format('q'))
print(format(True), format(True, 'd'), format(None), format(1 + 2j, '.1f'))
print(format(-0.0, '.1f'), format(0.5, '.0f'), format(1.5, '.0f'), format(2.5, '.0f'))
print(format(10**25, ','), format(-10**25, 'x'), format(123, '+08,d'))
