# Metaclass mro() corner cases: __mro__ is None while a class's first MRO is
# computed; __bases__ assigned from inside mro(); failures put back what was
# there; a custom MRO leaving the class out makes it no subclass of itself.
class DebugHelperMeta(type):
    def __repr__(cls):
        return repr(cls.__name__)

step = [0]
class M(DebugHelperMeta):
    def mro(cls):
        if step[0] < 1:
            step[0] += 1
            print("mro() of", cls.__name__, "sees __mro__ =", cls.__mro__)
            cls.__bases__ += ()
        return type.mro(cls)
class A(metaclass=M):
    pass
print(A.__mro__, object.__subclasses__().count(A))

# Extending or super() on a class still computing its first MRO.
class M2(DebugHelperMeta):
    def mro(cls):
        if cls.__mro__ is None and cls.__name__ != 'X':
            try:
                class X(cls):
                    pass
            except TypeError as e:
                print("TypeError:", e)
            try:
                super(cls, cls).xxx
            except AttributeError as e:
                print("AttributeError")
        return type.mro(cls)
class A2(metaclass=M2):
    pass
print(A2.__mro__)

# An error in mro() during a __bases__ assignment that itself reassigned
# __bases__: the inner assignment stands.
class E(Exception):
    pass
ready = [False]
class M3(DebugHelperMeta):
    def mro(cls):
        if ready[0] and cls.__name__ == 'C':
            if C.__bases__ == (B2,):
                ready[0] = False
            else:
                C.__bases__ = (B2,)
                raise E
        return type.mro(cls)
class A3(metaclass=M3):
    pass
class B1(A3):
    pass
class B2(A3):
    pass
class C(A3):
    pass
ready[0] = True
try:
    C.__bases__ = (B1,)
except E:
    print("E raised")
B1.__bases__ = (C,)
print(C.__bases__, C.__mro__, C.__mro__ == tuple(type.mro(C)))
print(B2.__subclasses__(), C.__subclasses__())

# A cycle through the base chain, created from inside mro().
ready2 = [False]
class M4(DebugHelperMeta):
    def mro(cls):
        if ready2[0]:
            if cls.__name__ == 'P1':
                P2.__bases__ = (P1,)
            if cls.__name__ == 'P2':
                P1.__bases__ = (P2,)
        return type.mro(cls)
class A4(metaclass=M4):
    pass
class P1(A4):
    pass
class P2(A4):
    pass
ready2[0] = True
try:
    P1.__bases__ += ()
except TypeError as e:
    print("TypeError:", e)

# mro() returning a tuple without the class itself.
class Bx:
    pass
class M5(DebugHelperMeta):
    def mro(cls):
        del M5.mro
        return (Bx,)
try:
    class A5(metaclass=M5):
        pass
except TypeError as e:
    print("TypeError:", e)
class M6(type):
    def mro(cls):
        return (cls, Bx, object) if cls.__name__ == 'A6' else type.mro(cls)
class A6(metaclass=M6):
    pass
print(A6.__mro__, issubclass(A6, Bx), isinstance(A6(), Bx))
