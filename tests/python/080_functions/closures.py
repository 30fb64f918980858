def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2())
print(c1.__code__.co_freevars, counter.__code__.co_cellvars, c1.__closure__[0].cell_contents)
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner
    x = 'changed'
    return middle()()
print(outer())
def late():
    fs = []
    for i in range(3):
        def f(): return i
        fs.append(f)
    return [f() for f in fs]
print(late())
def cell_del():
    x = 1
    def get(): return x
    del x
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
cell_del()
