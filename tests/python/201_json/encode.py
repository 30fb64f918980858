# json.dumps through _json's encoder: every value kind, subclasses, separators, sort_keys, skipkeys,
# default, allow_nan, check_circular, ensure_ascii, and the errors.
import json
import enum
import collections
import decimal
import math

def show(obj, **kw):
    try:
        print(ascii(json.dumps(obj, **kw)))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print('-- scalars')
for o in [None, True, False, 0, -1, 2**62, 2**62 - 1, -2**62, -2**62 - 1, 2**64, -10**40, 0.0, -0.0, 1.5, 1e16, 1e-5,
          1.0000000000000002, 123456789.123456789, 1e308, 5e-324, 0.1 + 0.2, float('inf'), float('-inf'),
          float('nan'), '', 'abc', 'é', '中文', '😀', '\ud800', '\udfff', '\ud834\udd1e', 'a"b\\c/d',
          '\x00\x01\x1f\x7f\x80\x9f\xa0\xff', '\b\f\n\r\t', '\u2028\u2029', '\ufeff']:
    print(ascii(json.dumps(o)), ascii(json.dumps(o, ensure_ascii=False)))

print('-- containers')
show([1, [2, [3, []]], {}])
show((1, 2, (3,)))
show({'a': 1, 'b': [1, 2], 'c': {'d': None}})
show({'a': 1, 'b': 2}, separators=(',', ':'))
show([1, {'a': 2}], separators=(' ,', ' : '))
show({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True)
show({2: 'two', 1: 'one', 10: 'ten'}, sort_keys=True)
show({'b': 1, 2: 2}, sort_keys=True)
show({1: 1, 1.5: 2, True: 3, False: 4, None: 5, 2**70: 6, -0.0: 7, float('inf'): 8, float('nan'): 9})
show({(1, 2): 1})
show({(1, 2): 1, 'a': 2, b'x': 3, 'b': 4}, skipkeys=True)
show({(1, 2): 1}, skipkeys=True)
show({'x': float('nan')}, allow_nan=False)
show({float('inf'): 1}, allow_nan=False)
show([float('-inf')], allow_nan=False)
show([1e300 * 1e300], allow_nan=True)
show({'é': 'ü', '中': ['😀']}, ensure_ascii=False)
show({'é': 'ü', '中': ['😀']})

print('-- subclasses')
class I(enum.IntEnum):
    A = 1
    B = 2
class F(float):
    def __repr__(self):
        return 'F-repr'
class FE(float, enum.Enum):
    PI = 3.14
class S(str):
    def __str__(self):
        return 'S-str'
class SE(str, enum.Enum):
    X = 'ex'
class MyInt(int):
    def __repr__(self):
        return 'MyInt-repr'
class L(list):
    def __iter__(self):
        return iter(['from-iter'])
class T(tuple):
    pass
class Dct(dict):
    def items(self):
        return [('items', 'override')]
class OD(collections.OrderedDict):
    pass
show([I.A, I.B, F(1.5), FE.PI, S('s'), SE.X, MyInt(7), MyInt(2**80)])
show({I.A: 1, F(2.5): 2, S('k'): 3, MyInt(9): 4, SE.X: 5})
show([L([1, 2]), T((3, 4)), Dct(a=1), OD([('z', 1), ('a', 2)])])
show(Dct(a=1), sort_keys=True)
show(Dct())
show(L())
show(collections.defaultdict(int, {'q': 1}))
show(collections.namedtuple('P', 'x y')(1, 2))
show(True + 1)

print('-- default')
def default(o):
    if isinstance(o, set):
        return sorted(o)
    if isinstance(o, complex):
        return {'re': o.real, 'im': o.imag}
    if isinstance(o, decimal.Decimal):
        return str(o)
    raise TypeError(f'no {type(o).__name__}')
show([{3, 1, 2}, 1j, decimal.Decimal('1.10')], default=default)
show({'k': frozenset()}, default=default)
show(object, default=default)
show(object())
show([1, b'bytes'])
show({'a': [1, {'b': set()}]})
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, range):
            return list(o)
        return super().default(o)
print(Enc().encode({'r': range(3)}), Enc(sort_keys=True).encode({'b': range(1), 'a': 0}))
try:
    Enc().encode(print)
except TypeError as e:
    print('TypeError', e)

print('-- circular')
a = []
a.append(a)
show(a)
d = {}
d['self'] = d
show(d)
show([d])
b = [1]
show([b, b, {'x': b}])
class Node:
    pass
n = Node()
show(n, default=lambda o: [o])
show(n, default=lambda o: {'n': o})
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print('RecursionError', e)
m = {}
show([m, m])

print('-- indent and the Python path (c encoder is used only without indent)')
show({'a': [1, 2, {'b': None}], 'c': 'é'}, indent=2)
show({'a': [], 'b': {}}, indent='\t', sort_keys=True)
show([1, 2], indent=0)

print('-- encoder objects')
e = json.JSONEncoder(separators=(',', ':'), sort_keys=True)
print(e.encode({'z': [1, 2], 'a': 'b'}), list(e.iterencode([1, 'x'])))
print(json.JSONEncoder().encode('plain string'), json.JSONEncoder(ensure_ascii=False).encode('é'))
print(''.join(json.JSONEncoder().iterencode({'a': [1.5, None]}, _one_shot=True)))
with open(__file__ + '.tmp', 'w') as f:
    json.dump({'x': [1, 2, 3]}, f)
with open(__file__ + '.tmp') as f:
    print(json.load(f))
import os
os.remove(__file__ + '.tmp')
