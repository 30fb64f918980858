# Coding cookies in bytes sources (any Python codec), single-mode statement rules, __debug__ as a constant
tests2 = [
 b'# coding: ascii\nx = "\xff"\n',
 b'# coding: cp1252\nx = "\x80"\n',
 b'# coding: koi8-r\nx = "\xc1"\n',

 b'# coding: rot13\nx = 1\n',
 b'# coding: hex\nx = 1\n',
 b'# coding: utf8\nx = "\xff"\n',
 b'# coding: bogus\nx = 1\n',
]
for t in tests2:
    try:
        ns = {}
        exec(compile(t, 'f.py', 'exec'), ns); print(repr(ns.get('x')))
    except Exception as e: print(type(e).__name__, e, e.args[1] if len(e.args) > 1 else None)
try: compile('a = 1; b = 2', 's', 'single')
except SyntaxError as e: print(e, e.args)
try: compile('a = 1\n', 's', 'single'); print('ok')
except SyntaxError as e: print(e, e.args)
try: compile('if 1:\n  pass\n', 's', 'single'); print('ok')
except SyntaxError as e: print(e, e.args)
try: compile('if 1:\n  pass', 's', 'single'); print('ok')
except SyntaxError as e: print(e, e.args)
try: compile('if 1:\n  pass\nx=1\n', 's', 'single'); print('ok')
except SyntaxError as e: print(e, e.args)
try: compile('\n\nx = 1\n\n\n', 's', 'single'); print('ok')
except SyntaxError as e: print(e, e.args)
try: compile('x = 1\n# c\n', 's', 'single'); print('ok')
except SyntaxError as e: print(e, e.args)
for s in ['__debug__ = 1', 'del __debug__', 'def f(__debug__): pass', 'x.__debug__ = 1', 'import __debug__', 'for __debug__ in x: pass', 'f(__debug__=1)', '(__debug__ := 1)', 'class __debug__: pass', 'def __debug__(): pass','__debug__ += 1', 'lambda __debug__: 1', 'x.__debug__']:
    try: compile(s, 's', 'exec'); print('ok', s)
    except SyntaxError as e: print(e, e.args)
