# isinstance/issubclass with "abstract classes" (objects with a __bases__
# tuple) and instances whose __class__ says otherwise, as CPython's
# Objects/abstract.c defines them.
class AbstractClass:
    def __init__(self, bases):
        self.bases = bases
    def getbases(self):
        return self.bases
    __bases__ = property(getbases)
    def __call__(self):
        return AbstractInstance(self)
class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass
    def getclass(self):
        return self.klass
    __class__ = property(getclass)
AbstractSuper = AbstractClass(bases=())
AbstractChild = AbstractClass(bases=(AbstractSuper,))
print(isinstance(AbstractChild(), AbstractChild), isinstance(AbstractChild(), AbstractSuper))
print(issubclass(AbstractChild, AbstractSuper), issubclass(AbstractSuper, AbstractChild))
class NoBases:
    pass
for f, args in [(isinstance, (1, NoBases())), (issubclass, (NoBases(), int)), (issubclass, (int, NoBases()))]:
    try:
        f(*args)
    except TypeError as e:
        print(e)
class X:
    @property
    def __bases__(self):
        return self.__bases__
for f, args in [(issubclass, (X(), int)), (issubclass, (int, X())), (isinstance, (1, X()))]:
    try:
        f(*args)
    except RecursionError as e:
        print("RecursionError", e)
class E:
    @property
    def __bases__(self):
        raise RuntimeError("boom")
try:
    isinstance(1, E())
except RuntimeError as e:
    print("RuntimeError", e)
