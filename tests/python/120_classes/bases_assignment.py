class A: pass
class B: pass
class C(A): pass
class D(C): pass
C.__bases__ = (A, B)
print(C.__mro__, D.__mro__, B.__subclasses__(), A.__subclasses__())
class E(tuple): pass
class G: pass
E.__bases__ = (tuple, G)
print(E.__mro__)
for bad in [(), [A], (1,), (D,), (int,)]:
    try:
        C.__bases__ = bad
    except TypeError as e:
        print(e)
print(C.__mro__)
try:
    int.__bases__ = (object,)
except TypeError as e: print(e)
print(type.mro(C), C.mro())
