from abc import ABC, abstractmethod, abstractproperty
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self): return f'{self.name}: {self.area()}'
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return 'square'
print(Square(3).describe(), sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 0
try:
    Half()
except TypeError as e:
    print(e)
from collections.abc import Sized
class S:
    def __len__(self): return 0
print(isinstance(S(), Sized), issubclass(int, Sized), issubclass(list, Sized))
class Reg(ABC): pass
Reg.register(int)
print(isinstance(5, Reg), issubclass(bool, Reg))
