# `from __future__ import annotations` (PEP 563) and the other future
# statements, checked against CPython 3.11.
from __future__ import annotations

import __future__
import typing


def f(x: Undefined, *a: int, **k: list[str]) -> Foo[int]:
    return x


print(f.__annotations__)


class Tree:
    left: Tree | None
    right: "Tree"
    size: int = 0


print(Tree.__annotations__)
print(typing.get_type_hints(Tree))


def outer():
    y = 1

    def inner(x: y): pass
    # the annotation names bind nothing: no cell for y
    return inner.__annotations__, outer.__code__.co_cellvars


print(outer())

# compile(), exec() and eval() inherit the flag unless dont_inherit
print(bool(f.__code__.co_flags & __future__.annotations.compiler_flag))
exec("def g(a: q): pass")
print(g.__annotations__)
exec(compile("def h(a: int): pass", "s", "exec", dont_inherit=True))
print(h.__annotations__)
print(compile("x: int", "s", "exec", __future__.annotations.compiler_flag, dont_inherit=True).co_flags)
print(compile("x = 1", "s", "exec", __future__.division.compiler_flag, dont_inherit=True).co_flags)
for bad in ['from __future__ import braces', 'from __future__ import spam',
            'x = 1\nfrom __future__ import annotations', 'def f():\n    from __future__ import annotations',
            'class C:\n    x: (yield)', 'def f():\n    x: (await y)', 'def f(x: (y := 1)): pass']:
    try:
        compile(bad, "<s>", "exec")
    except SyntaxError as e:
        print(repr(bad), e.msg, e.lineno, e.offset)
print(compile('"doc"\nfrom __future__ import annotations, division\nfrom __future__ import generator_stop\nx: y', "s", "exec").co_flags)
for flags in [0x8000000, -1]:
    try:
        compile("x=1", "s", "exec", flags)
    except ValueError as e:
        print(e)
try:
    compile("x=1", "s", "exec", optimize=3)
except ValueError as e:
    print(e)
