# Syntax error messages in exec and single modes (from test_syntax doctests): yield targets, class bases, __debug__ annotations, keyword-constant kwargs, def without parens
srcs = ["def f:\n  pass\n", "async def f:\n  pass\n", "f(True=1)\n", "f(None = 2)\n", "f((True)=1)\n", "__debug__: int\n", "class C(x for x in L):\n    pass\n", "class C(f(x for x in L)):\n    pass\n", "yield = 1\n", "x = yield = 1\n", "yield from a = 1\n", "(**a)\n"]
for mode in ('exec', 'single'):
    for s in srcs:
        try: compile(s, '<s>', mode); print(mode, repr(s), 'ok')
        except SyntaxError as e: print(mode, repr(s), e.msg, e.lineno, e.offset)
