def init(self, v): self.v = v
T = type('T', (object,), {'init_count': 0, '__init__': init, 'show': lambda self: f'T({self.v})'})
t = T(3)
print(t.show(), T.__name__, T.__bases__, type(T).__name__, T.init_count)
U = type('U', (T,), {})
print(U(4).show(), [c.__name__ for c in U.__mro__], type(5), type('s') is str, type(type))
print(type(t).__name__, type.__name__, isinstance(T, type))
try:
    type('Bad', (1,), {})
except TypeError as e:
    print(e)
try:
    type('a', 'b')
except TypeError as e:
    print(e)
