# Builtins namespaces and relative-import package resolution as CPython 3.11.
import textwrap
import warnings

# A function made from globals without __builtins__ takes the running frame's builtins.
def func(s):
    return len(s)
ns = {}
func2 = type(func)(func.__code__, ns)
print(func2.__builtins__ is __builtins__ or func2.__builtins__ is __builtins__.__dict__, func2("abc"), ns)

code = textwrap.dedent("""
    def func3(s): pass
    func4 = type(func3)(func3.__code__, {})
""")
safe_builtins = {'None': None}
ns = {'type': type, '__builtins__': safe_builtins}
exec(code, ns)
print(ns['func4'].__builtins__ is safe_builtins)


# Globals / builtins of a dict subclass are read through __getitem__.
class Boom(Exception):
    pass


class SetOnly(dict):
    def __getitem__(self, key):
        raise Boom


for src, g in [("globalname", SetOnly({'globalname': 1})),
               ("superglobal", {'__builtins__': SetOnly({'superglobal': 1})}),
               ("def f(): return superglobal\nf()", {'__builtins__': SetOnly({'superglobal': 1})})]:
    try:
        exec(compile(src, "test", "exec"), g)
        print("no error")
    except Boom:
        print("Boom")


class Custom(dict):
    pass


exec("r = superglobal", g := {'__builtins__': Custom({'superglobal': 7})})
print(g['r'])
try:
    exec("superglobal", {'__builtins__': Custom()})
except NameError as e:
    print("NameError", e)

# Relative imports: the package comes from __package__ / __spec__.parent, with ImportWarning otherwise.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        __import__('', {'__package__': None, '__spec__': None, '__name__': '__main__'}, {}, ('foo',), 1)
    except ImportError as e:
        print(type(e).__name__, e)
    print([(x.category.__name__, str(x.message)) for x in w])


class Spec:
    parent = 'x'


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        __import__('', {'__package__': 'y', '__spec__': Spec(), '__name__': 'a.b'}, {}, ('foo',), 1)
    except ImportError as e:
        print(type(e).__name__, e)
    print([(x.category.__name__, str(x.message)) for x in w])
try:
    __import__('', {'__spec__': Spec(), '__name__': 'a.b'}, {}, ('foo',), 1)
except ImportError as e:
    print(type(e).__name__, e)
