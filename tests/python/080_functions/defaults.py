def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1), f(2, 3), f(3, c=[]), f(4))
def g(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(g(1), g(2))
n = 5
def h(v=n):
    return v
n = 6
print(h(), h.__defaults__, f.__defaults__[0])
def k(a, b=1, *, c, d=4):
    return a, b, c, d
print(k(0, c=3), k(0, 5, c=3, d=6), k.__kwdefaults__)
