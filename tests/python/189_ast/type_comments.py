# PEP 484 type comments: ast.parse(..., type_comments=True) fills type_comment fields and
# Module.type_ignores, rejects misplaced type comments; compile()'s 'func_type' mode.
import ast

SOURCES = [
    'def f():\n    x = 1\n    # type: int\n    y = 2\n',
    'x = 1  # type: int\n',
    'x = 1  #type:int\n',
    'x = 1  #  type  :  int\n',
    'x = y = 1  # type: int\n',
    'x: int = 1  # type: int\n',
    'x += 1  # type: int\n',
    'pass  # type: int\n',
    'for a in b:  # type: int\n    pass\n',
    'for a in b:  # type: int\n    pass\nelse:  # type: int\n    pass\n',
    'with a as b:  # type: int\n    pass\n',
    'with (a as b):  # type: int\n    pass\n',
    'def f():  # type: () -> int\n    pass\n',
    'def f():\n    # type: () -> int\n    pass\n',
    'def f():  # type: () -> int\n    # type: () -> str\n    pass\n',
    'def f(a,  # type: int\n      b):\n    pass\n',
    'def f(a  # type: int\n      ):\n    pass\n',
    'def f(\n    *, # type: int\n    a, # type: int\n):\n    pass\n',
    'def f(*a,  # type: int\n ):\n    pass\n',
    'def f(**a  # type: int\n ):\n    pass\n',
    'def f(a=1,  # type: int\n ):\n    pass\n',
    'x = 1  # type: ignore\n',
    'x = 1  # type: ignore[x]\n',
    '# type: ignore\nx = 1\n',
    'x = 1  # type: ignoreé\n',
    'x = 1  # type: ignorex\n',
    'x = (1,  # type: int\n 2)\n',
    'lambda a,  # type: int\n : 0\n',
    'async def f():  # type: () -> int\n    pass\n',
    'class A:  # type: int\n    pass\n',
    'if x:  # type: int\n    pass\n',
    'x = 1  # type:\n',
    'def f():\n    # type: () -> int\n\n    pass\n',
    'def f(): # type: () -> int\n    # type: () -> int\n    pass\n',
    'def f(): pass  # type: () -> int\n',
    'def f(a, # type: int\n *, # type: int\n b): pass\n',
    'def f(a, /, # type: int\n b): pass\n',
    'def foo():\n    # type: () -> int\n    pass\n\ndef bar():  # type: () -> None\n    pass\n',
    'async def foo():\n    # type: () -> int\n    return await bar()\n\nasync def bar():  # type: () -> int\n    return await bar()\n',
    "def foo():  # type: () -> int\n    # type: () -> str\n    return ''\n",
    'def foo():\n    # type: () -> àçčéñt\n    pass\n',
    'for a in []:  # type: int\n    pass\n',
    'with context() as a:  # type: int\n    pass\n',
    'a = 0  # type: int\n',
    'def foo():\n    pass  # type: ignore\n\ndef bar():\n    x = 1  # type: ignore\n\ndef baz():\n    pass  # type: ignore[excuse]\n    pass  # type: ignore=excuse\n    pass  # type: ignore [excuse]\n    x = 1  # type: ignore whatever\n',
    'def fa(\n    a = 1,  # type: A\n):\n    pass\n\ndef fa(\n    a = 1  # type: A\n):\n    pass\n\ndef fa(\n    a = 1,  # type: A\n    /\n):\n    pass\n\ndef fab(\n    a,  # type: A\n    b,  # type: B\n):\n    pass\n\ndef fab(\n    a,  # type: A\n    /,\n    b,  # type: B\n):\n    pass\n\ndef fab(\n    a,  # type: A\n    b   # type: B\n):\n    pass\n\ndef fv(\n    *v,  # type: V\n):\n    pass\n\ndef fv(\n    *v  # type: V\n):\n    pass\n\ndef fk(\n    **k,  # type: K\n):\n    pass\n\ndef fk(\n    **k  # type: K\n):\n    pass\n\ndef fvk(\n    *v,  # type: V\n    **k,  # type: K\n):\n    pass\n\ndef fvk(\n    *v,  # type: V\n    **k  # type: K\n):\n    pass\n\ndef fav(\n    a,  # type: A\n    *v,  # type: V\n):\n    pass\n\ndef fav(\n    a,  # type: A\n    /,\n    *v,  # type: V\n):\n    pass\n\ndef fav(\n    a,  # type: A\n    *v  # type: V\n):\n    pass\n\ndef fak(\n    a,  # type: A\n    **k,  # type: K\n):\n    pass\n\ndef fak(\n    a,  # type: A\n    /,\n    **k,  # type: K\n):\n    pass\n\ndef fak(\n    a,  # type: A\n    **k  # type: K\n):\n    pass\n\ndef favk(\n    a,  # type: A\n    *v,  # type: V\n    **k,  # type: K\n):\n    pass\n\ndef favk(\n    a,  # type: A\n    /,\n    *v,  # type: V\n    **k,  # type: K\n):\n    pass\n\ndef favk(\n    a,  # type: A\n    *v,  # type: V\n    **k  # type: K\n):\n    pass\n',
    'foo()  # type: int\n',
    'while True:  # type: int\n  continue\n',
    'while True:\n  continue  # type: int\n',
    'try:  # type: int\n  pass\nfinally:\n  pass\n',
    'try:\n  pass\nfinally:  # type: int\n  pass\n',
    'pass  # type: ignorewhatever\n',
    'pass  # type: ignoreé\n',
    'def f():\n    pass\n# type: int\nx = 1\n',
    '# type: int\n',
    'x = 1\n# type: int',
    'def f():  # type: () -> int\n',
    'def f():\n\t# type: () -> int\n\tpass\n',
    'def f(a, # type: int\n):\n  pass\n',
    'def f(a, # type: int\n b=1, # type: str\n *args, # type: A\n c, # type: B\n **kw # type: K\n): pass\n',
    'def f(a # type: int\n, b): pass\n',
    'def f(*, # type: int\n a): pass\n',
    'def f(*): # type: int\n pass\n',
    'for x in y: # type: int\n  pass\nelse:\n  pass\n',
    'async def f():\n  async for x in y: # type: int\n    pass\n  async with a as b: # type: int\n    pass\n',
    'with a as b, c as d: # type: int\n  pass\n',
    'x = y = z # type: int # another\n',
    'x = 1 # type: int\ny = 2 # type: ignore[x] \n',
    'if x:\n  pass  # type: ignore\nelse:\n  pass\n',
    'class A:\n  x = 1  # type: int\n  def f(self):  # type: () -> None\n    pass\n',
    '@d\ndef f():  # type: () -> None\n  pass\n',
    'def f(\n  a,  # type: int\n):  # type: (...) -> None\n  pass\n',
    'x = [\n 1,  # type: int\n]\n',
    'def f(a: int  # type: int\n): pass\n',
    'lambda: 0  # type: int\n',
    'x = 1; y = 2  # type: int\n',
    'x = 1  # type: int; y = 2\n',
    'def f(): # type: () -> None\n  pass # type: ignore\n',
    '\n\n# type: ignore[a]\n\n',
    'x = 1 #type:ignore\n',
    'x = 1 #type:    ignore   \n',
    'x = 1 # type:ignore2\n',
]
for s in SOURCES:
    try:
        r = ast.dump(ast.parse(s, type_comments=True), include_attributes=True)
    except SyntaxError as e:
        r = f"{type(e).__name__}: {e.msg} ({e.lineno},{e.offset})-({e.end_lineno},{e.end_offset})"
    print(repr(s), "->", r)

# Without the flag type comments are comments.
print(ast.dump(ast.parse("x = 1  # type: int\ndef f(a,  # type: int\n):  # type: (...) -> None\n  pass  # type: ignore\n")))
print(compile('x = 1  # type: int\n', 'f', 'exec', ast.PyCF_TYPE_COMMENTS).co_names)

FUNC_TYPES = [
    '() -> int',
    '(int) -> List[str]',
    '(int, *str, **Any) -> float',
    '(*int) -> None',
    '(**int) -> None',
    '(*int, **str) -> None',
    '(int, *str, *Any) -> float',
    '(int, **str, Any) -> float',
    '(**int, **str) -> float',
    '(int,) -> x',
    '() -> x\n\n',
    '(a, b) -> c, d',
    '() -> x  # type: int',
]
for s in FUNC_TYPES:
    try:
        r = ast.dump(ast.parse(s, "<unknown>", "func_type"), include_attributes=True)
    except SyntaxError as e:
        r = f"{type(e).__name__}: {e.msg} ({e.lineno},{e.offset})-({e.end_lineno},{e.end_offset})"
    print(repr(s), "->", r)
for args in [("() -> int", "f", "func_type"), (ast.parse("() -> int", mode="func_type"), "f", "func_type")]:
    try:
        compile(*args)
    except ValueError as e:
        print("ValueError:", e)
