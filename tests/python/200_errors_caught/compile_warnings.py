# Compile-time warnings as CPython 3.11 issues them: DeprecationWarning for invalid escape
# sequences, SyntaxWarning for `is` with a literal, calling or subscripting a literal, and an
# assert on a tuple; filters that make them errors turn them into SyntaxError at their place.
import ast, warnings

SOURCES = [
    'x = 1\nif x is 1: pass', 'x = 1\nif x is not "a": pass', 'x is None or x is True or x is ...',
    'x is ()', 'x is -1', 'x is (1, 2)', '1 is x is 2', 'x is y', 'x == 1',
    's = "\\d"', 'b = b"\\q"', 'b = b"\\N{DASH}"', 'o = "\\777"', 'o = b"\\400"', 'ok = "\\x41\\n\\t\\\\"',
    'r = r"\\d"', 'f = f"\\w{x}"', 'u = "\\u0041"', 's = "\\d" "\\e"',
    '1(2)', '[1, 2](3)', '(1, 2)()', '{1: 2}()', '"s"()', 'f"x"()', '(lambda: 0)()', 'x()',
    '(1, 2)[1, 2]', '"abc"[1.5]', 'None[0]', '{1, 2}[0]', '(x for x in ())[0]', '[1][1:2]', '"ab"["a"]',
    '(1)[0]', 'True[0]', '[1][x]', '[1][-1]', '{1: 2}[3]', '(lambda: 0)[0]',
    'assert (x, "msg")', 'assert x, "fine"', 'assert ()',
]

for src in SOURCES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            compile(src, '<src>', 'exec')
        except SyntaxError as e:
            print('SyntaxError?', e)
    print(repr(src), [(w.category.__name__, str(w.message), w.lineno) for w in caught])

print('-- errors')
for src in ['y = 0\nif y is 1: pass', '"\\d"', 'b"\\777"', '1(2)', 'assert (1, 2)', '[1][1.0]']:
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            compile(src, '<err>', 'exec')
            print(repr(src), 'compiled')
        except SyntaxError as e:
            print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

print('-- ast.parse and ignored filters')
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    ast.parse('s = "\\d"\nx is 1')
print([(w.category.__name__, str(w.message)) for w in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('ignore')
    compile('x is 1\n"\\d"', '<src>', 'exec')
print(caught)
