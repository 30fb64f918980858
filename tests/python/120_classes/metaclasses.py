class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print('Meta.__new__', name, sorted(k for k in ns if not k.startswith('__')), kw)
        ns['added'] = 'by meta'
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        print('Meta.__init__', name)
    def __call__(cls, *a, **k):
        print('Meta.__call__', cls.__name__, a)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('__prepare__', name)
        return {'prepared': True}
    def __repr__(cls): return f'<class {cls.__name__} via Meta>'
class Base(metaclass=Meta, flag=1):
    def method(self): pass
class Derived(Base):
    def __init__(self, v): self.v = v
d = Derived(5)
print(d.v, Derived.added, Derived.prepared, type(Derived).__name__, Derived, isinstance(Derived, Meta))
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Cfg(metaclass=Singleton): pass
print(Cfg() is Cfg())
class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print(e)
