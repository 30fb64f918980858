# object.__setattr__ / __delattr__ refuse objects whose class assigns
# attributes natively some other way (classes: type.__setattr__), however
# indirectly their metaclass derives from type (CPython's hackcheck).
class A(type):
    def __setattr__(cls, key, value):
        object.__setattr__(cls, key, value)
class A2(type):
    def __setattr__(cls, key, value):
        type.__setattr__(cls, key, value)
class B:
    pass
for meta in (A, A2):
    for bases in ((B, meta), (meta, B)):
        C = type('C', bases, {})
        obj = C('D', (object,), {})
        try:
            obj.test = True
            print(meta.__name__, [b.__name__ for b in bases], "ok", obj.test)
        except TypeError as e:
            print(meta.__name__, [b.__name__ for b in bases], "TypeError:", e)
class K:
    pass
for f in (lambda: object.__setattr__(int, 'x', 1), lambda: object.__setattr__(K, 'x', 1),
          lambda: object.__delattr__(K, 'x'), lambda: type.__setattr__(K(), 'x', 1),
          lambda: object.__delattr__(str, 'lower')):
    try:
        f()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
# Objects whose classes keep object's attribute assignment are fine.
import collections, functools
class DD(collections.OrderedDict):
    pass
for o in (K(), DD(), ValueError(), functools.partial(print)):
    object.__setattr__(o, 'x', 1)
    print(type(o).__name__, o.x)
    object.__delattr__(o, 'x')
    print(hasattr(o, 'x'))
# A metaclass __setattr__ through type.__setattr__ still works.
class M(type):
    def __setattr__(cls, k, v):
        super().__setattr__(k, v * 2)
class X(metaclass=M):
    pass
X.y = 21
print(X.y, 'y' in X.__dict__)
print(type.__dict__['__setattr__'], type.__dict__['__delattr__'])
