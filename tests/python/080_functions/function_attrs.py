def f(a, b=1):
    "doc"
    return a
print(f.__name__, f.__qualname__, f.__module__, f.__doc__, f.__defaults__, f.__code__.co_name, f.__code__.co_argcount)
f.custom = 'attr'
print(f.custom, f.__dict__, callable(f), type(f).__name__)
class C:
    def m(self): pass
    class Inner:
        def n(self): pass
def outer():
    def inner(): pass
    return inner
print(C.m.__qualname__, C.Inner.n.__qualname__, outer().__qualname__)
obj = C()
bm = obj.m
print(type(bm).__name__, bm.__self__ is obj, bm.__func__ is C.m, bm == obj.m, C.m(obj))
f.__name__ = 'renamed'
print(f.__name__, f.__code__.co_varnames, f.__code__.co_nlocals)
print(f.__globals__ is globals(), f.__kwdefaults__, sorted(k for k in dir(f) if k in ('__call__', '__get__')))
