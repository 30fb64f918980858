def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, *[2, 3], *(4,), x=5, **{'y': 6}, **{'z': 7}))
def g(a, *rest, last=None, **opts):
    return a, rest, last, sorted(opts.items())
print(g(1), g(1, 2, 3, last=4, q=5, p=6))
args = (1, 2)
kwargs = {'c': 3}
def h(a, b, c):
    return a + b + c
print(h(*args, **kwargs), h(*'abc'), h(*range(3)), h(**{'a': 1, 'b': 2, 'c': 3}))
try:
    h(1, **{'a': 2, 'b': 3, 'c': 4})
except TypeError as e:
    print(e)
try:
    f(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print(e)
try:
    h(*5)
except TypeError as e:
    print(e)
try:
    h(**[1])
except TypeError as e:
    print(e)
