import abc
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @classmethod
    @abc.abstractmethod
    def make(cls): ...
    @staticmethod
    @abc.abstractmethod
    def util(): ...
class Impl(Base):
    def run(self): return 'run'
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def util(): return 'util'
print(Impl.make().run(), Impl.util(), sorted(Base.__abstractmethods__), Impl.__abstractmethods__)
try:
    Base()
except TypeError as e:
    print(e)
class WithMeta(metaclass=abc.ABCMeta):
    pass
WithMeta.register(str)
print(issubclass(str, WithMeta), isinstance('x', WithMeta), abc.get_cache_token() is not None)
class Hook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, 'quack') else NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, Hook), isinstance(1, Hook))
