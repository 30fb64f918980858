class C:
    def __init__(self): self.a = 1
o = C()
print(type(o).__name__, o.__class__ is C, C.__class__ is type, type.__class__ is type)
print(object.__bases__, type.__bases__, type.__mro__, C.__mro__)
print(isinstance(C, type), isinstance(type, object), isinstance(object, type))
print(vars(o), o.__dict__ is vars(o), '__init__' in C.__dict__, sorted(vars(C).keys() - {'__dict__', '__weakref__', '__module__', '__doc__'}))
class D(C):
    pass
print(D.__init__ is C.__init__, D().a, D.__dict__.get('__init__'))
print(object().__class__.__name__, object.__name__, hasattr(object(), '__dict__'))
try:
    object().x = 1
except AttributeError as e:
    print(e)
print(C.__init__.__qualname__, C().__init__.__func__ is C.__init__)
