x = 1
del x
try:
    x
except NameError as e:
    print(e)
lst = list(range(10))
del lst[0]; del lst[-1]; del lst[1:3]; del lst[::2]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['a'], d['b']
print(d)
class O: pass
o = O(); o.attr = 1
del o.attr
print(hasattr(o, 'attr'))
try:
    del o.attr
except AttributeError as e:
    print(e)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
try:
    del d['zz']
except KeyError as e:
    print('KeyError', e)
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
