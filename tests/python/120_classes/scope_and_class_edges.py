# Cases from CPython's test_scope and test_class that gilpy got wrong.

# A method's free name passes through a class that binds the same name itself.
def outer():
    method_and_var = "var"
    class Test:
        def method_and_var(self):
            return "method"
        def test(self):
            return method_and_var
    return Test()
t = outer()
print(t.test(), t.method_and_var())

# `global x` in a nested function makes the module-level x global explicit, also under exec()
# with separate locals.
def run():
    exec("""if 1:
    x = 7
    def f():
        x = 1
        def g():
            global x
            def i():
                def h():
                    return x
                return h()
            return i()
        return g()
    print(f(), x)
""")
run()
print('x' in globals(), globals().get('x'))

# exec/eval of a code object with free variables.
def make(v):
    return lambda: v + 1
for fn in (eval, exec):
    try:
        fn(make(3).__code__)
    except TypeError as e:
        print(fn.__name__, 'TypeError', e)

# Class statements with *bases and **keywords.
class A: pass
class B: pass
bases = (A, B)
class C(*bases): pass
print([k.__name__ for k in C.__mro__])
class Meta(type):
    def __new__(m, name, b, ns, **kw):
        print('meta', name, [x.__name__ for x in b], kw)
        return super().__new__(m, name, b, ns)
    def __init__(cls, *a, **kw):
        pass
opts = {"metaclass": Meta, "flag": 1}
class D(A, *[B], **opts): pass
class E(**opts): pass
print(type(D).__name__, [x.__name__ for x in D.__bases__])

# A __call__ that is an instance of its own class recurses until RecursionError.
class Loop:
    pass
Loop.__call__ = Loop()
try:
    Loop()()
except RecursionError:
    print('RecursionError')

# type.__delattr__ with a name that is equal to, not identical with, the dunder.
class Add:
    pass
def add(self, other):
    return 'summa'
type.__setattr__(Add, str(b'__add__', 'ascii'), add)
print(Add() + 1)
type.__delattr__(Add, str(b'__add__', 'ascii'))
try:
    Add() + 1
except TypeError as e:
    print('TypeError', e)

# A comparison dunder whose lookup raises counts as NotImplemented.
def booh(self):
    raise AttributeError('booh')
class Eq:
    __eq__ = property(booh)
e = Eq()
print(e == e, e == Eq(), e != Eq())

# A walrus in a comprehension binds a name its function declared global.
G = None
def walrus_global():
    global G
    [G := n for n in range(3)]
    return G
print(walrus_global(), G)

# __class__ in a class body nested in a method is the method's class; the methods' own __class__
# cell is filled before a metaclass's mro() runs.
class Outer:
    def make(self):
        class Inner:
            seen = __class__
            def f(self):
                return __class__
        return Inner
I = Outer().make()
print(I.seen.__name__, I().f().__name__)
seen_in_mro = []
class Meta(type):
    def mro(cls):
        cls.__dict__['probe']()
        return super().mro()
class WithMeta(metaclass=Meta):
    def probe():
        seen_in_mro.append(__class__)
print([c.__name__ for c in seen_in_mro])

# Private keyword-only parameters are mangled in co_varnames and __kwdefaults__ alike.
class Priv:
    def f(self, *, __a=42):
        return __a
    def g(self, __b, /, __c=43, *, __d=44):
        return __b, __c, __d
print(Priv().f(), Priv.f.__kwdefaults__, Priv.f.__code__.co_varnames, Priv().g(1))

# `not (a is b)` and `not (a in b)` compile to the inverted test.
import dis
def nots(a):
    return not (a is None), not (a in (1, 2))
print(nots(1), [i.opname for i in dis.get_instructions(nots) if i.opname in ('IS_OP', 'CONTAINS_OP', 'UNARY_NOT')],
      [i.arg for i in dis.get_instructions(nots) if i.opname in ('IS_OP', 'CONTAINS_OP')])

for src in ["f(p, k1=50, *(1, 2), k1=100)", "f(**a, k=1, k=2)", "def f(p1, *, **k1): pass", "def f(*): pass",
            "lambda *: 1", "def f(*, **k): pass"]:
    try:
        compile(src, '<s>', 'exec')
        print(src, 'compiles')
    except SyntaxError as e:
        print(src, 'SyntaxError', e.msg, e.offset, e.end_offset)
