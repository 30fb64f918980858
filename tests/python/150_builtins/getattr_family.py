class C:
    x = 1
    def __init__(self): self.y = 2
c = C()
print(getattr(c, 'x'), getattr(c, 'y'), getattr(c, 'z', 'dflt'), hasattr(c, 'x'), hasattr(c, 'z'))
setattr(c, 'z', 3); print(c.z, vars(c))
delattr(c, 'z'); print(hasattr(c, 'z'))
try:
    getattr(c, 'nope')
except AttributeError as e:
    print(e)
try:
    getattr(c, 5)
except TypeError as e:
    print(e)
try:
    delattr(c, 'nope')
except AttributeError as e:
    print(e)
print(getattr(5, 'real'), getattr('s', 'upper')(), getattr([], 'append').__name__, hasattr(None, '__class__'))
setattr(C, 'method', lambda self: 'added')
print(c.method())
try:
    setattr(5, 'x', 1)
except AttributeError as e:
    print(e)
try:
    (1).no_attr
except AttributeError as e:
    print(e)
try:
    C.no_attr
except AttributeError as e:
    print(e)
