# __new__ through the descriptor protocol, sorted __slots__ layout, __bases__/__class__ layout checks, special methods bound through the type (errors from __get__ propagate)
class C(object):
    @classmethod
    def __new__(*args):
        return args
print(C(1, 2))
class D(C): pass
print(D(1, 2))
class G(object): __slots__ = ["a", "b"]
class H(object): __slots__ = ["b", "a"]
x = G(); x.a = 1; x.__class__ = H; print(x.a)
class E:
    def __new__(cls, *a): return object.__new__(cls)
print(type(E(1)))
class C: pass
class D(C): pass
class L(list): pass
class O: pass
class X: pass
class S1: __slots__ = ['a']
class S2: __slots__ = ['a']
class S3: __slots__ = ['b']
class Y(S1): pass
tests = [(L, (dict,)), (D, (C, list)), (X, (type(None),)), (X, (object, type(None))), (X, (C, dict)), (D, (O,)), (Y, (S2,)), (Y, (S3,)), (L, (C,)), (X, (int,))]
for cls, b in tests:
    try: cls.__bases__ = b; print('ok', cls.__bases__)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: list.__bases__ = (dict,)
except TypeError as e: print(e)
import sys, math
class MyException(Exception): pass
class ErrDescr(object):
    def __get__(self, obj, owner): raise MyException
def iden(self): return self
def swallow(*a): pass
def run_context(manager):
    with manager: pass
def do_isinstance(obj): return isinstance(int, obj)
def do_issubclass(obj): return issubclass(int, obj)
def stop(self): raise StopIteration
specials = [("__bytes__", bytes, {}), ("__reversed__", reversed, {}), ("__length_hint__", list, {"__iter__": iden, "__next__": stop}),
 ("__sizeof__", sys.getsizeof, {}), ("__instancecheck__", do_isinstance, {}), ("__subclasscheck__", do_issubclass, {}),
 ("__enter__", run_context, {"__exit__": swallow}), ("__exit__", run_context, {"__enter__": iden}), ("__complex__", complex, {}),
 ("__format__", format, {}), ("__floor__", math.floor, {}), ("__trunc__", math.trunc, {}), ("__ceil__", math.ceil, {}),
 ("__dir__", dir, {}), ("__round__", round, {})]
for name, runner, env in specials:
    class X: pass
    for k, v in env.items(): setattr(X, k, v)
    setattr(X, name, ErrDescr())
    try: runner(X()); print(name, 'no error')
    except Exception as e: print(name, type(e).__name__, e)
class R:
    def __getattribute__(self, a): raise AssertionError(a)
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(R())))
class Miss(dict):
    @staticmethod
    def __missing__(k): return ('static', k)
print(Miss()['x'])
class NA:
    def __init__(self, *a, **k): pass
    def __getnewargs_ex__(self): return ((1,), {})
print(NA().__reduce_ex__(2)[0].__name__)
for bad in ["bad", (1,), ("x", {}), ((), "y")]:
    class B:
        def __getnewargs_ex__(self, bad=bad): return bad
    try: B().__reduce_ex__(2)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
