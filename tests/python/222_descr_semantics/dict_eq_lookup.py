# Attribute lookup in an instance or class dict holding a non-str key whose
# hash equals the name's calls that key's __eq__, which may change things
# (CPython's test_vicious_descriptor_nonsense, test_type_lookup_mro_reference).
class Evil(object):
    def __hash__(self):
        return hash('attr')
    def __eq__(self, other):
        # How many times a lookup compares depends on where the hash lands
        # in the table (PYTHONHASHSEED), in CPython too: count nothing here.
        try:
            del C.attr
        except AttributeError:
            pass
        return 0
class Descr(object):
    def __get__(self, ob, type=None):
        return 1
class C(object):
    attr = Descr()
c = C()
c.__dict__[Evil()] = 0
print(c.attr)
print(hasattr(c, 'attr'), 'attr' in C.__dict__)

class MyKey(object):
    def __hash__(self):
        return hash('mykey')
    def __eq__(self, other):
        X.__bases__ = (Base2,)
class Base(object):
    mykey = 'from Base'
    mykey2 = 'from Base'
class Base2(object):
    mykey = 'from Base2'
    mykey2 = 'from Base2'
X = type('X', (Base,), {MyKey(): 5})
print(X.mykey, X.mykey2, X.__mro__[1].__name__)
