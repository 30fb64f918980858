log = []
def t(x):
    log.append(x)
    return x
def f(*a, **k): return a, k
print(f(t(1), *t([2, 3]), t(4), k=t(5), **t({'m': 6})))
print(log)
print(f(*(), **{}), f(*[[]]), f(**{'a': [*'bc']}))
