# SyntaxErrors as CPython reports them: del of an expression, a missing comma
# inside brackets (first two items), an unclosed bracket winning over a later
# parser error, a continuation line joined to a blank line.
cases = [
    'del +a', 'del a, +b', 'del a + b', 'del (a + b, c)', 'del (c[0], a + b)', 'del a.b.c + 2',
    'del (a, b, (c, d.e.f + 2))', 'del f()', 'del a b', 'del *a', 'del (a if True else b)',
    '(a b c)', '[a b c]', 'f(a b c)', 'f(a b c\n', 'f(x, a b)', 'print(1 2)',
    'a = ( 1, 2, 3\nb=3', 'a = [ 1, 2, 3\nb=3', 'x = (1 +\n2 3', 'print(1\nx = 2',
    'pass\n        \\\n\npass\n', 'if 1:\n    x = 1\n    \\\n\n    y = 2\n', 'if 1:\n  \\\n  pass\n',
]
for src in cases:
    try:
        compile(src, '<case>', 'exec')
        print(repr(src), 'compiles')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
