def g():
    yield 1
    return 'value'
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
def g2():
    return 5
    yield
try:
    next(g2())
except StopIteration as e:
    print(e.value)
def g3():
    yield
    return None
it = g3(); next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
def g4():
    yield 1
    return (1, 2)
r = yield_from_result = None
def wrapper():
    global r
    r = yield from g4()
list(wrapper())
print(r)
