# _symtable over hand-picked programs (mangling, walrus in comprehensions, class
# free variables, global/nonlocal, annotations, errors) in every compile mode.
# Names a scope only passes through are sorted: CPython adds them from a set.
import _symtable, sys
def canon(t, out, ind=''):
    own = []; passthru = []
    for k, v in t.symbols.items():
        (passthru if v == 4 << 11 else own).append((k, v))
    out.append(f"{ind}{t.name}|{t.type}|{t.lineno}|{t.nested}|{t.varnames}|{own}|{sorted(passthru)}")
    for c in t.children:
        canon(c, out, ind + '  ')
SNIPPETS = [
 "class C:\n  def __f(self, __a, *__b, __c, **__d): return __a.__x, __q, __init__\n  __y: int = 1\n  class __D:\n    __z = 1\n    def g(self): return __z\n",
 "class ___: \n  __x = 1\n",
 "class _C:\n  import __m\n  from x import __n as __o\n  def f(): global __g; __g = 1\n",
 "def f():\n  x = 1\n  class C:\n    global x\n    def m(self): return x\n",
 "def f():\n  x = 1\n  class C:\n    nonlocal x\n    def m(self): return x\n",
 "def f():\n  y = 1\n  class C:\n    y = 2\n    class D:\n      def m(self): return y\n",
 "def f():\n  class C:\n    def m(self):\n      def n(): return super()\n",
 "def f(a, b=lambda: c, *, d=lambda: e):\n  pass\n",
 "@a\n@b(lambda: 1)\nclass C(D, metaclass=lambda *a: type(*a), **kw):\n  pass\n",
 "[(x := 1) for y in z]\nx\n",
 "def f():\n  [(x := 1) for y in z]\n  return x\n",
 "def f():\n  global x\n  [(x := 1) for y in z]\n",
 "def f():\n  nonlocal_x = 0\n  def g():\n    nonlocal nonlocal_x\n    [(nonlocal_x := 1) for y in z]\n",
 "lambda: [(x := 1) for y in z]\n",
 "def f():\n  {(k := 1): (v := 2) for a in b}\n  {(s := 1) for a in b}\n  ((g := 1) for a in b)\n",
 "x = 1\nx += 1\ndef f():\n  y += 1\n  z -= 1\n  return y, z\n",
 "try:\n  a = 1\nexcept E as e:\n  b = 1\nexcept* F:\n  pass\nelse:\n  c = 1\nfinally:\n  d = 1\n",
 "match p:\n  case [a, *b, {'k': c, **d}] if e: pass\n  case C(x, y=z) | D(x, y=z) as w: pass\n  case Q.v: pass\n",
 "async def f():\n  async with a as b:\n    async for c in d:\n      await e\n  return [x async for x in y], (x async for x in y)\n",
 "def f():\n  del x\n  x: int\n  y: int = 1\n  (z): int = 2\n  a.b: int = 3\n  c[0]: int = 4\n",
 "x: int\ny: List[int] = []\nclass C:\n  z: 'str'\n",
 "from __future__ import annotations\ndef f(a: A = d) -> R:\n  x: int = (lambda: 1)\n",
 "def f():\n  def g(): return x\n  x = 1\n  def h():\n    nonlocal x\n    x = 2\n",
 "def f(x):\n  def g():\n    def h(): return x\n",
 "def f():\n  return [[y for y in x] for x in z]\n",
 "def f(): yield from g()\ndef g(): return (yield)\n",
 "import a.b.c\nimport a.b as d\nfrom . import e\nfrom .. f import g\nfrom h import *\n",
 "global x\nx: int = 1\n",
 "def f():\n  x = 1\n  def g():\n    global x\n    def h(): return x\n",
 "class C:\n  x = 1\n  [x for _ in range(3)]\n  [y for y in x]\n",
 "class C:\n  def f(self):\n    __class__ = 1\n    return super()\n",
 "class C:\n  __class__ = 1\n  def f(self): return __class__\n",
 "def f():\n  __class__\n  super()\n",
 "f'{x}{y!r:{z}}'\n",
 "def f(*, a): pass\ndef g(a, /, b): pass\n",
 "print(x)\nglobal x\n",
 "def f():\n  x = 1\n  global x\n",
 "def f():\n  print(x)\n  x = 1\n  nonlocal x\n",
 "def f(a):\n  nonlocal a\n",
 "def f():\n  x: int\n  nonlocal x\n",
 "def f():\n  global x\n  nonlocal x\n",
 "def f():\n  nonlocal x\n  global x\n",
 "nonlocal x\n",
 "def f():\n  [x for x in (y := 1)]\n",
 "def f():\n  [i := 0 for i, j in x]\n",
 "def f():\n  [[(j := 0) for i in x] for j in y]\n",
 "def f():\n  [0 for i in x for (i := 1) in y]\n",
 "class C:\n  [(i := 0) for x in y]\n",
 "def f():\n  [(x := 1) for y in z for x in w]\n",
 "def f(a, a): pass\n",
 "lambda a, a: 0\n",
 "def f(a, *a): pass\n",
 "def f():\n  from m import *\n",
 "[(yield) for x in y]\n",
 "def f():\n  {(yield) for x in y}\n",
 "(x for x in (yield))\n",
 "def f():\n  import x\n  global x\n",
 "x = 1\ndel x\n",
 "with a as (b, c), d as e[0]: pass\n",
 "for a, *b in c: pass\nelse: d = 1\nwhile e: f = 1\nelse: g = 1\n",
 "def f():\n  return lambda: (yield)\n",
 "a = [1 for x.y in z]\n",
 "a = [1 for x[i] in z]\n",
 "def f():\n  a = [1 for (x, y.z) in q]\n",
 "assert x, y\nraise a from b\n",
 "x if y else z\n",
 "{**a, 'b': c, d: e}\n",
 "a[b:c:d], a[e, f:g]\n",
 "def f(x=1, /, y=2, *z, w=3, **v): return locals()\n",
 "class A:\n  def f(self):\n    class B:\n      def g(self): return __class__, self\n    return __class__\n",
 "def outer():\n  x = 1\n  class A:\n    x = 2\n    def f(self):\n      return x\n    class B:\n      def g(self): return x\n",
 "def outer():\n  def x(): pass\n  class A:\n    import x\n    def f(self): return x\n",
]
for src in SNIPPETS:
    print('=====', repr(src))
    for mode in ('exec',):
        try:
            out = []
            canon(_symtable.symtable(src, '<s>', mode), out)
            print('\n'.join(out))
        except SyntaxError as e:
            print('SyntaxError:', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.filename, e.text)
for src, mode in [("x + y", 'eval'), ("lambda: z", 'eval'), ("[a for a in b]", 'eval'), ("x = 1", 'single'), ("def f(): pass\n", 'single'), ("yield", 'eval'), ("x = 1", 'eval')]:
    try:
        out = []
        canon(_symtable.symtable(src, '<s>', mode), out)
        print(mode, '\n'.join(out))
    except SyntaxError as e:
        print(mode, 'SyntaxError:', e.msg, e.lineno, e.offset)
