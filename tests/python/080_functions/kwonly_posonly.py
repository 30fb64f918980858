def f(a, b, /, c, d=4, *, e, f=6):
    return a, b, c, d, e, f
print(f(1, 2, 3, e=5), f(1, 2, c=3, d=0, e=5, f=7))
for call in ["f(a=1, b=2, c=3, e=5)", "f(1, 2, 3)", "f(1, 2, 3, 4, 5, e=1)", "f(1, 2, 3, e=5, g=1)", "f(1, 2, 3, c=3, e=5)", "f()"]:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
def h(*, only):
    return only
print(h(only=1))
try:
    h(1)
except TypeError as e:
    print(e)
print(f.__code__.co_posonlyargcount, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:6])
