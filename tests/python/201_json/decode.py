# json.loads through _json's scanner: values, numbers, strings, hooks and every error message
# with its position.
import json
import decimal
from collections import OrderedDict

def show(src, **kw):
    try:
        r = json.loads(src, **kw)
        print(repr(src)[:60], '->', ascii(r)[:200])
    except json.JSONDecodeError as e:
        print(repr(src)[:60], 'JSONDecodeError:', e, '| pos', e.pos, 'lineno', e.lineno, 'colno', e.colno)
    except Exception as e:
        print(repr(src)[:60], type(e).__name__ + ':', e)

print('-- values')
for s in ['null', 'true', 'false', '0', '-0', '1', '-1', '123456789012345678', '1234567890123456789',
          '-9223372036854775808', '9223372036854775808', '12345678901234567890123456789012345678901234567890',
          '1.5', '-1.5', '1e3', '1E3', '1e+3', '1e-3', '-0.0', '0.1', '1.7976931348623157e308', '1e400', '-1e400',
          '5e-324', '1e-400', '3.141592653589793238462643383279', '"x"', '""', '[]', '{}', ' [ ] ', '\t{\n}\r',
          '[1,2,3]', '{"a":1,"b":[true,false,null]}', 'NaN', 'Infinity', '-Infinity', '[NaN, Infinity, -Infinity]',
          '  "padded"  ', '{"a" : 1 , "b" : 2}', '[[[[[]]]]]', '{"":0}', '{"a":{"a":{"a":{}}}}',
          '[1.0, 2.50, 1e1, 0e0, 0.0e-0]']:
    show(s)

print('-- strings')
for s in [r'"\"\\\/\b\f\n\r\t"', r'"\u0041\u00e9\u4e2d"', r'"\ud834\udd1e"', r'"\uD834\uDD1E"', r'"\ud834"',
          r'"\udd1e"', r'"\ud834\u0041"', r'"\ud834\ud834"', r'"\udd1e\ud834"', r'"\ud834x"', r'"\ud834\n"',
          '"é中😀"', '"a\u2028b"', r'"\u0000"', '"\x7f"', '"tab\there"', r'"\u00"', '"abc', '"\\', '"\\x"',
          r'"\u12g4"', r'"\ud834\udd1"', r'"\ud834\uzzzz"', r'"\ud834\u', '"a\nb"', '"a\x00b"', '"a\x1fb"',
          '"é\x01"', '"中\\q"', '["é", "\\u12"]', '"\U0001d11e\U0001d11e\\z"']:
    show(s)
print('strict=False:', ascii(json.loads('"a\nb\x00c\x1f"', strict=False)))
print('strict=False object:', ascii(json.loads('{"k\t": "v\n"}', strict=False)))

print('-- errors')
for s in ['', ' ', 'x', '-', '-x', '+1', '01', '1.', '.5', '1e', '1e+', '1.5e', 'nul', 'tru', 'fals', 'Nan',
          'Infinit', '-Infinit', '-inf', '[', '[1', '[1,', '[1,]', '[,1]', '[1 2]', '[1,,2]', '{', '{"a"', '{"a":',
          '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}', '{a:1}', "{'a':1}", '{1:1}', '{"a":1 "b":2}', '[1]x',
          '[1] [2]', '{"a":1}}', '"abc" x', '\n\n  [1,\n  2,\n  x]', 'é', '["é", x]', '["é中😀", 1 2]',
          '{"é": 1, "中": 2 "x": 3}', '[' * 5, '[1e5.5]', '0x10', '1_000', 'true false', '\ufeff[]', '[True]']:
    show(s)

print('-- hooks')
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda p: p))
print(json.loads('{"b": 1, "a": 2, "b": 3}'))
print(json.loads('{"a": {"b": {}}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1}', object_hook=lambda d: 'H', object_pairs_hook=lambda p: 'P'))
print(json.loads('[1.5, 2, 1e2]', parse_float=decimal.Decimal))
print(json.loads('[1.5, 2, -30]', parse_int=lambda s: 'int:' + s))
print(json.loads('[1.5, 2, -30]', parse_int=float, parse_float=str))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: 'const:' + s))
print(json.loads('[1.10]', parse_float=repr))
calls = []
def hook(d):
    calls.append(sorted(d))
    return len(d)
print(json.loads('[{"a": {"b": 1, "c": {}}}, {}]', object_hook=hook), calls)
try:
    json.loads('[1]', parse_int=lambda s: 1 / 0)
except ZeroDivisionError as e:
    print('parse_int raised', e)
try:
    json.loads('{"a": 1}', object_hook=lambda d: d['missing'])
except KeyError as e:
    print('object_hook raised KeyError', e)
class D(json.JSONDecoder):
    pass
print(D().decode(' {"x": [1, 2]} '), D().raw_decode('[1] tail'))
print(json.JSONDecoder().raw_decode('{"a": [1, "b"]}xyz'))
try:
    json.JSONDecoder().raw_decode(' [1]')
except json.JSONDecodeError as e:
    print('raw_decode leading space:', e)

print('-- memo: equal keys share one object')
r = json.loads('[{"key": 1}, {"key": 2}, {"key": 3}]')
print(r[0].keys().__iter__().__next__() is list(r[2])[0])

print('-- bytes input')
print(json.loads(b'{"a": "\xc3\xa9"}'))
print(json.loads('{"a": 1}'.encode('utf-16')))
print(json.loads('[1]'.encode('utf-32-be')))
try:
    json.loads(bytearray(b'[1, 2]'))
except Exception as e:
    print(type(e).__name__, e)
else:
    print('bytearray ok')
try:
    json.loads(5)
except TypeError as e:
    print('TypeError', e)
