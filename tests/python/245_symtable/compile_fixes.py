# Compiler behaviour fixed alongside _symtable (all as CPython 3.11).

# A class's own `global x` stays global in the class body; its methods still
# see the enclosing function's x.
def f():
    x = 1
    class C:
        global x
        x = 5
        def m(self): return x
    return C().m(), C.__dict__.get('x'), x
print(f(), globals().get('x'))
del globals()['x']

# An import before `global` is allowed and binds the global.
def g():
    import os
    global os
    return os.sep
print(g(), 'os' in globals())

# Module-level `global x` then an annotation.
exec('global y\ny: int = 3\n', ns := {})
print(ns['y'], ns['__annotations__'])

for src in ['def f():\n x=1\n print(x)\n global x', 'def f():\n x: int\n print(x)\n global x',
            'def f(a):\n print(a)\n global a', 'print(x)\nnonlocal x', 'def f():\n x=1\n y=x\n nonlocal x',
            'class C:\n  [(i := 0) for x in y]']:
    try:
        compile(src, 's', 'exec')
        print('OK')
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
