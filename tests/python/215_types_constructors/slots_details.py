# __slots__: private names mangled, secondary bases bring __dict__/__weakref__, a __classcell__ slot; str subclasses with their own __eq__ as dict keys
class C4(object):
    __slots__ = ['__a']
    def __init__(self, value):
        self.__a = value
    def get(self):
        return self.__a
x = C4(5)
print(x.get(), hasattr(x, '__a'), sorted(k for k in C4.__dict__ if 'a' in k))
class _Q:
    __slots__ = ('__z', '__d__')
print(sorted(k for k in _Q.__dict__ if 'z' in k or 'd__' in k))
class A(object):
    __slots__ = ()
class B(object):
    pass
class C(A, B):
    __slots__ = ()
c = C(); c.x = 2; print(c.x, hasattr(C, '__weakref__'), '__dict__' in C.__dict__, '__weakref__' in C.__dict__)
class cistr(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
    def __hash__(self):
        return hash(self.lower())
d = {cistr('one'): 1, cistr('two'): 2}
print(d[cistr('tWo')], cistr('ONE') in d, d.get('TWO'))
class Meta(type):
    def __new__(cls, name, bases, ns, attr):
        ns['__slots__'] = (attr,)
        return super().__new__(cls, name, bases, ns)
class C2(metaclass=Meta, attr="__classcell__"):
    pass
print(type(C2.__dict__['__classcell__']).__name__)
