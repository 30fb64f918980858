# feature_version errors at a DEDENT or the end of the source, with type comments; f-strings.
import ast
snips = [
 "async def f():\n    async for x in y: pass\nx = 1\n",
 "async def f():\n    async for x in y: pass\n    x = 1\n",
 "async def f():\n    async for x in y:\n        pass\n    x = 1\n",
 "async def f():\n    async for x in y:\n        pass\n\n\n  # c\nx = 1\n",
 "match x:\n    case 1: pass\nx = 1\n",
 "match x:\n    case 1:\n        pass\n",
 "match x:\n    case 1:\n        pass\n    case 2:\n        pass\nfoo()\n",
 "try: pass\nexcept* E: pass\nx=1\n",
 "try: pass\nexcept* E: pass\n",
 "try: pass\nexcept* E: pass",
 "if 1:\n    try: pass\n    except* E: pass\n",
 "async def f():\n    yield 1\n",
 "async def f():\n    yield 1\n\n\nfoo()\n",
 "async def f(): pass\n",
 "async def f(): pass  # c\n",
 "x = (a := 1)  # c\n",
 "x: int  # hello\n",
 "async def f():\n  pass\n",
 "async def f():\n  pass",
 "async def f():\n  pass\n  ",
 "async def f():\n  pass\n\n",
]
for s in snips:
    for v in (4,):
        try:
            ast.parse(s, feature_version=(3, v)); r = "ok"
        except SyntaxError as e:
            r = f"SE({e.msg!r},{e.lineno},{e.offset},{e.end_lineno},{e.end_offset}) text={e.text!r}"
    print(repr(s), r)

snips3 = [
 "async def foo():\n    # type: () -> int\n    return await bar()\n\nasync def bar():  # type: () -> int\n    return await bar()\n",
 "async = 12\nawait = 13\n",
 "async def foo(xs):\n    [x async for x in xs]\n",
 "async def f():\n    pass\nasync = 1\n",
 "async def f():\n    x = (\nawait)\n",
 "async def f(): await x\nawait = 3\n",
 "if 1:\n    async def f():\n        await x\n    await = 2\n",
 "async def f():\n    async def g(): await y\n    return await z\nprint(await)\n",
 "class A:\n    async def f(self):\n        async with a as b:\n            async for c in d:\n                await e\n",
 "def f():\n    await x\n",
 "async def f():\n    return f'{await x}'\n",
 "f'{(x:=1)}'", "f'{x!r}' f'{y=}'", "f'{f\"{x=}\"}'", "f'{(lambda x, /: x)}'",
 "def f(a, /):\n  pass\n", "def f(\n    a,  # type: A\n    /,\n    b,  # type: B\n):\n    pass\n",
 "with (a as b, c as d): pass\n", "with (a,\n      b): pass\n", "async def f():\n  async with (a as b): pass\n",
 "x: int = 5\nclass C:\n  y: str\n", "a[0]: int = 1", "(a): int = 1",
 "0_0", "1e1_0", "0b_1", "1__0",
 "print(f'{x}' 'y')", "b'a' f'{x}'", "f'{x}' b'a'",
 "lambda: (yield)", "def f():\n    match = 1\n    match x:\n        case _: pass\n",
 "try:\n    pass\nexcept* A:\n    pass\nfinally:\n    pass\nx = 1\n",
 "try:\n    pass\nexcept* A:\n    pass\nelse:\n    pass\n",
 "async def f():\n    async for x in y:\n        pass\n    else:\n        pass\nx=1\n",
 "x = [1, 2] @ [3]", "x @= y @ z",
]
for s in snips3:
    res = []
    for v in range(4, 12):
        for tc in (False, True):
            try:
                ast.parse(s, feature_version=(3, v), type_comments=tc); r = "ok"
            except SyntaxError as e:
                r = f"SE({e.msg!r},{e.lineno},{e.offset},{e.end_lineno},{e.end_offset},{e.text!r})"
            res.append((v, tc, r))
    out = []; prev = None
    for v, tc, r in res:
        if r != prev:
            out.append(f"{v}{'t' if tc else ''}:{r}"); prev = r
    print(repr(s), " ".join(out))
