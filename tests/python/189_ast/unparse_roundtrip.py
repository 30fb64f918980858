# ast.parse -> ast.unparse -> ast.parse gives the same dump, over a spread of syntax.
import ast

SOURCES = [
    "def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n    return a + b\n",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        pass\n",
    "class C(B, metaclass=M):\n    '''doc'''\n    x: int = 3\n    @property\n    def p(self): return self.x\n",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    del a[1], b.c\n",
    "with open(f) as fh:\n    data = [x for x in fh if x if not x]\n",
    "x = {**a, 'b': 1}; y = {i: j for i, j in z}; s = {1, 2}; g = (i async for i in q)\n",
    "lambda x, *y, z=3: (x, y, z)\n",
    "a if b else c; a and b or not c; a < b <= c != d is not e in f not in g\n",
    "global q\nnonlocal_ok = 1\nimport a.b as c, d\nfrom .. import e as f, g\nfrom x import *\n",
    "while True:\n    break\nelse:\n    continue\n",
    "x[1:2, ::3] = y[...]; z @= w; v **= 2; u //= 3; t >>= 1\n",
    "f'{a!r:{width}.{prec}} {b=}' + rb'\\x00' + u'text'\n",
    "assert x, 'msg'\nif (n := len(a)) > 10: pass\n",
    "print(*args, **kwargs, sep='')\n",
    "x = 1_000_000 + 0x_ff + 0o17 + 0b1 + 1.5e10 + 3j + 1e400\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "@d1\n@d2(arg)\nclass K: pass\n",
    "yield_expr = [(yield), (yield x), (yield from y)]\n",
]
for src in SOURCES:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    again = ast.parse(text)
    print(ast.dump(tree) == ast.dump(again), text.splitlines()[0])
print(ast.dump(ast.parse(SOURCES[0]), indent=2))
print(ast.dump(ast.parse("x", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
