a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None), True is True, ... is Ellipsis)
print(int is type(1), type(type) is type, object.__class__ is type)
def f(): pass
print(f is f, f.__code__ is f.__code__)
x = object(); y = x
print(x is y, id(x) == id(y), id(x) == id(object()) if False else 'skip')
