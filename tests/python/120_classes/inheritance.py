class Animal:
    sound = '...'
    def __init__(self, name): self.name = name
    def speak(self): return f'{self.name} says {self.sound}'
    def kind(self): return 'animal'
class Dog(Animal):
    sound = 'woof'
    def kind(self): return 'dog/' + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self): return super().speak() + '!'
p = Puppy('rex', 1)
print(p.speak(), p.kind(), p.age, isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__, Dog.__subclasses__()[0].__name__)
class A: pass
class B(A): pass
print(issubclass(B, (int, A)), isinstance(B(), (str, B)), issubclass(bool, int), issubclass(A, object))
