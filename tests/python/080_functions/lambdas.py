sq = lambda x: x * x
print(sq(5), (lambda: 'no args')(), (lambda *a, **k: (a, k))(1, b=2), (lambda x, y=2: x + y)(1))
print(sq.__name__, (lambda: 0).__qualname__, sorted([3, -1, 2], key=lambda v: -v))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])), (lambda x: (yield x)) .__name__)
print((lambda a, /, b, *, c: (a, b, c))(1, 2, c=3))
