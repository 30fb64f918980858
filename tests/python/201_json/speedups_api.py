# The _json module's own interface: scanstring, make_scanner / Scanner, make_encoder / Encoder,
# encode_basestring(_ascii), with CPython's argument checks and messages.
import _json
import json
import json.decoder
import json.encoder
import json.scanner
import sys

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print(ascii(r))
    except StopIteration as e:
        print('StopIteration', e.args)
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e, e.pos)
    except Exception as e:
        print(type(e).__name__, e)

print(sorted(n for n in dir(_json) if not n.startswith('__')))
print(_json.make_scanner, _json.make_encoder, _json.make_scanner.__name__, _json.make_encoder.__name__)
print(_json.make_scanner.__module__, _json.scanstring.__module__, _json.encode_basestring.__module__)
print(json.decoder.scanstring is _json.scanstring, json.scanner.make_scanner is _json.make_scanner,
      json.encoder.c_make_encoder is _json.make_encoder,
      json.encoder.encode_basestring_ascii is _json.encode_basestring_ascii,
      json.encoder.encode_basestring is _json.encode_basestring)
print(_json.make_scanner.__doc__, '|', _json.make_encoder.__doc__)
print(_json.__doc__)
print(_json.scanstring.__doc__.splitlines()[0], '|', _json.encode_basestring_ascii.__doc__.splitlines()[0])

print('-- scanstring')
ss = _json.scanstring
for args in [('"abc"', 1), ('xx"abc"', 3), ('"abc"', 0), ('"abc"', 5), ('"abc"', 6), ('"abc"', -1), ('é"中"', 2),
             ('"é\\u00e9"', 1), ('"a\x01b"', 1), ('"a\x01b"', 1, False), ('"a\x01b"', 1, 0), ('"a\x01b"', 1, 2),
             ('"a\x01b"', 1, True), ('"\\ud834\\udd1e"', 1), ('"\\ud834\\udd1e', 1), ('"\\ud834\\ux041"', 1),
             ('"\\u1234', 1), ('"x', 1), ('', 0), ('"', 1), ('"\\', 1), ('[1, "\\q"]', 5), ('é"\\uzzzz"', 2)]:
    print(ascii(args), end=' ')
    attempt(ss, *args)
attempt(ss, b'"x"', 1)
attempt(ss, '"x"', 1.0)
attempt(ss, '"x"', sys.maxsize + 1)
attempt(ss, b'"x"', sys.maxsize + 1)
attempt(ss, '"x"')
attempt(ss)
attempt(ss, '"x"', 1, True, 4)
attempt(ss, '"x"', 1, strict=True)
attempt(ss, '"x"', 1, 1.5)
attempt(ss, '"x"', True)

print('-- scanner')
dec = json.JSONDecoder()
sc = _json.make_scanner(dec)
print(sorted(n for n in dir(sc) if not n.startswith('__')))
print(sc.strict, sc.object_hook, sc.object_pairs_hook, sc.parse_float, sc.parse_int, sc.parse_constant == dec.parse_constant)
for args in [('[1, 2]', 0), ('xx[1]', 2), ('1 2', 2), ('1 2', 1), ('1', 1), ('1', 5), ('', 0), ('-', 0), ('-x', 0),
             ('1.', 0), ('1e', 0), ('1e+', 0), ('1E-2x', 0), ('0123', 0), ('-0.5e+10', 0), ('null', 0), ('nul', 0),
             ('NaN', 0), ('Infinity', 0), ('-Infinity', 0), ('-Infinityx', 0), ('é [1, "中"]', 2),
             ('é [1, "中" 2]', 2), ('[1,]', 0), ('{"a":1,}', 0), ('[', 0), ('"abc', 0), ('x', -1)]:
    print(ascii(args), end=' ')
    attempt(sc, *args)
attempt(sc, string='[3]', idx=0)
attempt(sc, b'[1]', 0)
attempt(sc, '[1]')
attempt(sc)
attempt(sc, '[1]', '0')
attempt(_json.make_scanner)
attempt(_json.make_scanner, 1)
print(type(_json.make_scanner(context=dec)).__name__)
class Ctx:
    strict = 0
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = str
sc2 = _json.make_scanner(Ctx())
print(sc2.strict)
attempt(sc2, '["a\nb", NaN, {"k": -Infinity}]', 0)
class Ctx2(Ctx):
    strict = 'yes'
    object_pairs_hook = tuple
    parse_float = str
    parse_int = hex
print(_json.make_scanner(Ctx2()).strict)
attempt(_json.make_scanner(Ctx2()), '{"a": 1.5, "b": [10, 1e2], "c": {}}', 0)
class BadCtx:
    @property
    def strict(self):
        raise KeyError('strict!')
attempt(_json.make_scanner, BadCtx())
try:
    class Sub(_json.make_scanner):
        pass
    print('subclassable', Sub(dec)('[1]', 0))
except TypeError as e:
    print('TypeError', e)

print('-- encoder')
me = _json.make_encoder
eba = _json.encode_basestring_ascii
eb = _json.encode_basestring
e = me(None, None, eba, None, ':', ',', False, False, True)
print(sorted(n for n in dir(e) if not n.startswith('__')))
print(e.markers, e.default, e.encoder is eba, e.indent, e.key_separator, e.item_separator, e.sort_keys, e.skipkeys)
attempt(e, [1, 'x', None, {'k': 1.5}], 0)
attempt(e, obj=[], _current_indent_level=2)
attempt(e, 'é\U0001d11e', 0)
attempt(me(None, None, eb, None, ':', ',', False, False, True), 'é\U0001d11e', 0)
attempt(me(None, None, lambda s: '<' + s + '>', None, '=', ';', True, False, True), {'b': 'x', 'a': [1, 'y'], 3: 'z'}, 0)
attempt(me(None, None, lambda s: 5, None, ':', ',', False, False, True), 'x', 0)
attempt(me(None, None, lambda s: 5, None, ':', ',', False, False, True), {'k': 1}, 0)
attempt(me(None, None, lambda s: 1 / 0, None, ':', ',', False, False, True), ['x'], 0)
attempt(me(None, str, eba, None, ':', ',', False, False, True), [object], 0)
attempt(me(None, str, eba, 4, ':', ',', False, False, True), {'a': [1, {'b': 2}]}, 0)
attempt(me({}, None, eba, None, ':', ',', False, True, False), {(1,): 1, 'a': float('nan')}, 0)
attempt(me({}, None, eba, None, ':', ',', False, True, True), {(1,): 1, 'a': float('nan')}, 0)
mk = {}
attempt(me(mk, lambda o: 'dflt', eba, None, ':', ',', False, False, True), [object(), [1]], 0)
print('markers after:', mk)
attempt(me, 1, None, None, None, ': ', ', ', False, False, False)
attempt(me, [], None, None, None, ': ', ', ', False, False, False)
attempt(me, None, None, None, None, 1, ', ', False, False, False)
attempt(me, None, None, None, None, ':', b',', False, False, False)
attempt(me)
attempt(me, None, None, None)
attempt(e)
attempt(e, 1)
attempt(e, 1, 'x')
attempt(e, 1, 2**70)
class BadBool:
    def __bool__(self):
        raise ZeroDivisionError('bad bool')
attempt(me, None, None, eba, None, ':', ',', BadBool(), False, False)

print('-- encode_basestring(_ascii)')
for s in ['', 'abc', 'a"b\\c', '\x00\x07\x08\x09\x0a\x0b\x0c\x0d\x1f\x20\x7e\x7f\x80', 'é', '\u0100\u07ff\u0800\uffff',
          '\U00010000\U0010ffff\U0001d11e', '\ud800', '\udbff\udfff', '/', '\u2028']:
    print(eba(s), ascii(eb(s)))
class StrSub(str):
    def __str__(self):
        return 'nope'
print(eba(StrSub('sub"')), eb(StrSub('sub"')))
attempt(eba, b'x')
attempt(eb, 5)
attempt(eba)
attempt(eba, 'a', 'b')
