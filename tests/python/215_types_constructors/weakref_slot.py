# The __weakref__ descriptor of classes: added where CPython adds it, the oldest weak reference or None
import weakref
class C: 
    def meth(self): pass
print(sorted(C.__dict__))
c = C()
print(c.__weakref__)
r = weakref.ref(c)
print(c.__weakref__ is r)
class S:
    __slots__ = ('a',)
print(hasattr(S(), '__weakref__'), '__weakref__' in S.__dict__)
class S2:
    __slots__ = ('a', '__weakref__')
print(hasattr(S2(), '__weakref__'), '__weakref__' in S2.__dict__)
class D(C): pass
print('__weakref__' in D.__dict__, D.__weakref__.__doc__)
try: c.__weakref__ = 1
except AttributeError as e: print(e)
class I(int): pass
print('__weakref__' in I.__dict__)
class L(list): pass
print('__weakref__' in L.__dict__, '__dict__' in L.__dict__)
class E(Exception): pass
print('__weakref__' in E.__dict__)
print(type(C.__dict__['__weakref__']).__name__)
print(C.__dict__['__dict__'].__doc__)
