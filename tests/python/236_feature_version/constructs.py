# ast.parse(..., feature_version=(3, N)): CPython 3.11's version checks (messages, positions),
# and async/await as names below 3.7. Each line: the source, then each result from 3.4 on where it changes.
import ast
snips = [
 "(x := 0)", "[y := f(x), y**2]", "def f(x, /): pass", "lambda x, /: 0", "def f(x=1, /): pass",
 "async def f(): pass", "async def f():\n    async with a: pass", "async def f():\n    async for x in y: pass",
 "async def f():\n    await x", "async def f():\n    [x async for x in y]", "async def f():\n    [await x for x in y]",
 "async def f():\n    return {x async for x in y}", "async def f():\n    return (x async for x in y)",
 "x: int = 1", "x: int", "1_000", "0x_1", "1_0.5", "f'{x}'", "f'{x=}'", "f'{x!r:>{w}}'",
 "with (a as b): pass", "with (a, b): pass", "with (a as b, c as d,): pass", "with (a): pass",
 "match x:\n    case 1: pass", "try: pass\nexcept* E: pass",
 "a @ b", "a @= b", "async = 1", "await = 1", "def async(): pass", "x = async.foo", "def f(await): pass", "print(await)",
 "@x[0].y\ndef f(): pass", "@(yield)\ndef f(): pass", "@a.b.c\ndef f(): pass", "@a := b\ndef f(): pass",
 "def f():\n    return *a, *b", "def f():\n    yield *a, *b", "for x in *a, *b: pass",
 "a[*b]", "a[*b] = 1", "def f(*args: *Ts): pass", "x = *a, *b", "print(*a, *b)", "{**a, **b}", "[*a, *b]",
 "f(**a, *b)", "def f():\n    x = yield *a, b",
 "while x:\n    try: pass\n    finally: continue",
 "del (a, b)", "del [a, b]", "global x", "nonlocal x",
 "x = 1 if y else 2", "u'x'", "rb'x'", "Rb'x'", "b'x' b'y'", "0b1", "0o7", "1j", "...", "f(x for x in y)",
 "async def f():\n    async with a as b, c as d: pass",
 "async def f():\n    async with (a as b): pass",
 "def f(a, *, b): pass", "def f(*, a): pass", "class A(B, metaclass=M): pass", "def f() -> int: pass",
 "async def f():\n    yield 1", "async def f():\n    await (yield)",
 "def f():\n    async def g(): pass",
 "async def f():\n    def g():\n        await x",
 "async def f():\n    lambda: await x",
 "def f():\n    [x async for x in y]",
 "x = [i async for i in aiter()]",
 "print(f'{x!r}')", "f'{x=!r:10}'", "f'''{\nx=}'''",
 "x = (yield)", "x = yield from y", "def f():\n    yield from y",
 "from __future__ import annotations", "assert x, y", "raise E from e", "exec('x')", "print 'x'",
 "type X = int", "a, *b = c", "[a, *b] = c", "(*a, b) = c", "x = not y", "if (n := 10) > 5: pass",
 "f(a := 1)", "x[a := 1]", "x[1:2, ::3]", "x[a:b, *c]", "{x := 1}", "{(x := 1): 2}", "lambda: (x := 1)",
 "def f(a, /, b, *, c): pass", "lambda a, /, b, *, c: 0",
 "class A:\n    x: int", "class A:\n    def f(self):\n        self.x: int = 1",
 "for x, in y: pass", "async def f():\n    async for x, in y: pass",
 "case = 1", "match = 1", "_ = 1", "match(x)", "print(match, case)",
 "try:\n    pass\nexcept (A, B): pass", "try:\n    pass\nexcept A as e: pass", "try:\n    pass\nexcept* (A, B) as e: pass",
 "return", "yield", "await x", "async with a: pass", "async for a in b: pass",
 "(a, b) @= c", "x: int = yield", "x: tuple = 1, 2", "x: int = *a, b",
 "with a as b, c: pass", "with (yield): pass", "with (a, b) as c: pass", "with (\n  a as b,\n  c as d\n): pass",
 "f'{x}' f'{y=}'", "'a' f'{x}'", "f'{f\"{x=}\"}'",
]
for s in snips:
    res = []
    for v in range(4, 12):
        try:
            ast.parse(s, feature_version=(3, v))
            r = "ok"
        except SyntaxError as e:
            r = f"SE({e.msg!r},{e.lineno},{e.offset},{e.end_lineno},{e.end_offset})"
        except Exception as e:
            r = f"{type(e).__name__}({e})"
        res.append(r)
    # compress
    out = []
    prev = None
    for v, r in zip(range(4, 12), res):
        if r != prev:
            out.append(f"{v}:{r}")
            prev = r
    print(repr(s), " ".join(out))

# compile() itself: _feature_version applies to an AST only (code compiles as 3.11)
try:
    compile("(x := 1)", "<s>", "exec", ast.PyCF_ONLY_AST, _feature_version=7)
except SyntaxError as e:
    print("compile AST:", e.msg, e.filename, e.lineno, e.offset)
print(type(compile("(x := 1)", "<s>", "exec", _feature_version=7)).__name__)
print(type(compile("async = 1", "<s>", "exec", ast.PyCF_ONLY_AST, _feature_version=6)).__name__)
print(ast.dump(ast.parse("(x := 1)", feature_version=(3, 12))))
print(ast.dump(ast.parse("await = 1", feature_version=(3, 6))))
print(ast.dump(ast.parse("(x := 1)", feature_version=None)))
