# Syntax error messages and positions: invalid '=' in expressions, symtable directive locations, BOM with a non-'utf-8' cookie, EOF after a continuation inside brackets
srcs = ["ages = {'Alice'=22, 'Bob'=23}", b"\xef\xbb\xbf#coding: utf8\nprint('\xe6\x88\x91')\n",
 "f'''\n            {\n            (123_a)\n            }'''", 'f"""\n\n\n            {\n            6\n            0="""',
 'def f():\n  from _ import *', 'def f():\n  global x\n  nonlocal x', '"\\\n"(1 for c in I,\\\n\\']
for s in srcs:
    try: compile(s, '<s>', 'exec')
    except SyntaxError as e: print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    else: print('no error')
for s in ["if x = 3:\n pass", "{'a'=1}", "[x.y = 1]", "f(x, 'a'=1)", "while a[1] = 2: pass", "{1: 'a'=1}", "print(1 if 'a'=2 else 3)", "(a, 'b'=3)", "x = {a.b=1}", "foo(x for x in y = 2)","[1 = 2]","{True=1}"]:
    try: compile(s, '<s>', 'exec')
    except SyntaxError as e: print(repr(s), repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
