class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self):
        """Degrees C."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError('too cold')
        self._c = v
    @celsius.deleter
    def celsius(self):
        print('deleting'); self._c = None
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(e)
del t.celsius
print(t.celsius)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self): return 'sub:' + str(self._c)
s = Sub(); s.celsius = 5
print(s.celsius)
