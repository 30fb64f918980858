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

# Private names are mangled by the class whose body (or method) binds them:
# a nested class's method sees _D__z, not its enclosing method's _C__z.
class C:
    def m(self):
        __z = 1
        class D:
            def n(self):
                try:
                    return __z
                except NameError:
                    return 'NameError'
        return D().n()
print(C().m())

class E:
    def __init__(self, __a, *, __k=1):
        self.__a = __a
        self.k = __k
        __loc = 5
        def inner(): return __loc + __a
        self.f = inner
    def m(self, __x=2): return self.__a + __x
e = E(3, _E__k=4)
code = E.__init__.__code__
print(e.m(), e.k, e.f(), code.co_varnames, code.co_cellvars, e.f.__code__.co_freevars)
