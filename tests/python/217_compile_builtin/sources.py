# compile()/exec()/eval(): null bytes, bytes-like sources, filenames, single mode, __debug__, long literals, coding cookies
import warnings
warnings.simplefilter('always')
tests = [
 lambda: compile("123\x00", "<dummy>", "eval"),
 lambda: compile(memoryview(b"123\x00"), "<dummy>", "eval"),
 lambda: eval(compile(memoryview(b"123\x00")[1:-1], "<dummy>", "eval")),
 lambda: eval(memoryview(b"1234")[1:-1]),
 lambda: compile('1\n2', 's', 'single'),
 lambda: compile('def f(): pass', 's', 'single'),
 lambda: compile('a = 13\nb = 187', 's', 'single'),
 lambda: compile('x = 5 # comment\nx = 6\n', 's', 'single'),
 lambda: compile('pass', b'file.py', 'exec').co_filename,
 lambda: compile('pass', bytearray(b'file.py'), 'exec').co_filename,
 lambda: compile('pass', list(b'file.py'), 'exec').co_filename,
 lambda: compile(b'# -*- coding: badencoding -*-\npass\n', 'tmp', 'exec'),
 lambda: compile('__debug__ = 1', '?', 'single'),
 lambda: compile('__debug__ = 1', '?', 'exec'),
 lambda: compile("a = 1\nb = 2\nc = " + '3'*5000 + "\nd = 4", 'x', 'exec'),
 lambda: eval(b'# -*- coding: iso8859-15 -*-\n"\xc2\xa4"\n'),
 lambda: eval(b'"""\\\n# -*- coding: iso8859-15 -*-\n\xc2\xa4"""\n'),
]
for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, e, getattr(e, 'lineno', None), getattr(e,'offset',None))
