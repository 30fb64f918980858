def inner():
    x = yield 'i1'
    print('inner got', x)
    yield 'i2'
    return 'inner-result'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield from [10, 20]
    yield from range(2)
    return 'outer-result'
g = outer()
print(next(g), g.send('sent'), next(g), next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print(e.value)
def delegate_throw():
    try:
        yield from inner()
    except ZeroDivisionError:
        yield 'outer handled'
d = delegate_throw()
next(d)
print(d.throw(ZeroDivisionError))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
