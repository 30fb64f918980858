from __future__ import annotations
exprs = r'''
a
a.b.c
1 .real
(1).real
1.5 .real
x[1:2, 3]
x[1:2:3]
x[::2]
x[:]
x[a, b]
x[(a, b)]
x[()]
x[1,]
x[*a]
x[*a, b]
(a, b)
()
(a,)
[a, b]
[]
{a: b, **c}
{}
{a, b}
{*a}
a if b else c
(a if b else c) if d else e
lambda: 1
lambda x, y=1, *a, z, w=2, **k: x
lambda x, /, y: x
lambda *, k: k
a and b or c
a and (b or c)
not a
not (a and b)
-a
-(-a)
~a ** 2
(-a) ** 2
a ** -b
a ** b ** c
(a ** b) ** c
a + b * c
(a + b) * c
a - (b - c)
a - b - c
a < b <= c != d
a is not b
a not in b
(a < b) < c
f(a, *b, c=1, **d)
f(x for x in y)
f((x for x in y), 1)
[x for x in y if x if z for w in v]
{x for x in y}
{k: v for k, v in y}
(x for x in y)
[x async for x in y]
(await a)
await a ** 2
'abc'
"a'b"
b'abc'
u'abc'
1e309
1e309j
-1e309
1j
1+2j
None
True
...
Ellipsis
f'{a}'
f'{a!r:>{w}} b {{c}}'
f'{a=}'
f"{'x'}"
f'{ {1:2}[1] }'
(yield)
(yield a)
(yield from a)
(x := 1)
a[b](c)
a.b[c].d(e)
0x10
1_000
'\n'
"""tri"""
list[int] | None
dict[str, list[tuple[int, ...]]]
Callable[[int, str], None]
Literal['a', "b"]
*a
'''.strip().split('\n')
src = ''.join(f'def f{i}(x: {e}): pass\n' for i, e in enumerate(exprs) if e != '*a')
src += 'def fstar(*a: *Ts): pass\n'
ns = {}
for i, e in enumerate(exprs):
    if e == '*a': continue
    try:
        code = compile(f'def f(x: {e}): pass', 'x', 'exec', 0x1000000)
    except SyntaxError as ex:
        print(repr(e), 'SyntaxError', ex.msg); continue
    exec(code, ns)
    print(repr(e), '->', repr(ns['f'].__annotations__['x']))
try:
    exec(compile('def f(*a: *Ts): pass', 'x', 'exec', 0x1000000), ns); print(ns['f'].__annotations__)
except SyntaxError as ex: print('star', ex)
