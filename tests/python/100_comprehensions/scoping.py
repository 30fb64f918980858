x = 'global'
res = [x for x in range(3)]
print(x, res)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
class C:
    v = 5
    items = [i for i in range(3)]
    try:
        bad = [v for i in range(2)]
    except NameError as e:
        err = str(e)
    first = [v * i for i in range(1)] if False else None
print(C.items, C.err)
def g():
    return [lambda: i for i in range(3)]
print([h() for h in g()])
i = 'outer'
[i for i in range(5)]
print(i)
print([(lambda n=n: n)() for n in range(3)])
def nested():
    return [[j for j in range(i)] for i in range(4)]
print(nested())
