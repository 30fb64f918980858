import re, copy, pickle

a = re.compile('a+b', re.I)
b = re.compile('a+b', re.I)
c = re.compile('a+b')
print(a == b, a != b, a == c, a == 'a+b', hash(a) == hash(b))
print(len({a, b, c}), copy.copy(a) is a, copy.deepcopy(a) is a)
d = pickle.loads(pickle.dumps(a))
print(d == a, d.pattern, d.flags)
print(re.compile(b'x') == re.compile('x'))
print(repr(re.compile('a\nb')), repr(re.compile(r'\d')), repr(re.compile("'")), repr(re.compile('\'"')))
print(re.compile('(?x) a', re.DEBUG * 0))
for name in ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer', 'scanner']:
    print(name, callable(getattr(a, name)))
print(sorted(k for k in dir(a) if not k.startswith('_')))
m = a.match('AAB')
print(sorted(k for k in dir(m) if not k.startswith('_')))
try:
    class P(re.Pattern):
        pass
except TypeError as e:
    print('TypeError')
try:
    a.flags = 3
except AttributeError as e:
    print('AttributeError')
import _sre
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('1')), _sre.unicode_iscased(ord('é')), _sre.unicode_iscased(0x3000))
print(_sre.ascii_tolower(ord('A')), _sre.ascii_tolower(ord('É')), _sre.unicode_tolower(ord('É')), _sre.unicode_tolower(0x212a))
try:
    _sre.compile('a', 0, [99], 0, {}, ())
except RuntimeError as e:
    print(e)
try:
    _sre.compile('a', 0, [1, 2 ** 32], 0, {}, ())
except OverflowError as e:
    print(e)
try:
    _sre.compile('a', 0, (1,), 0, {}, ())
except TypeError as e:
    print(e)
