class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f'{self.name[1:]} must be {self.kind.__name__}')
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return 'nondata'
class Rec:
    n = Typed(int)
    s = Typed(str)
    nd = NonData()
r = Rec()
r.n = 5; r.s = 'x'
print(r.n, r.s, type(Rec.n).__name__, r.nd)
try:
    r.n = 'bad'
except TypeError as e:
    print(e)
r.__dict__['nd'] = 'instance wins'
r.__dict__['n'] = 'ignored: data descriptor wins'
print(r.nd, r.n)
class Const:
    def __get__(self, obj, owner): return (obj is None, owner.__name__)
class Holder:
    c = Const()
print(Holder.c, Holder().c)
class Deleter:
    def __get__(self, o, t=None): return 1
    def __delete__(self, o): print('__delete__ called')
class H2:
    d = Deleter()
del H2().d
