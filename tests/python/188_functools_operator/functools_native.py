# _functools: reduce, cmp_to_key, partial.
import _functools as ft

print(ft.reduce(lambda a, b: a + b, [1, 2, 3, 4]), ft.reduce(lambda a, b: a * b, [], 1), ft.reduce(max, "hello"))
for f in [lambda: ft.reduce(lambda a, b: a, []), lambda: ft.reduce(1), lambda: ft.partial(1), lambda: ft.partial()]:
    try:
        f()
    except TypeError as e:
        print(e)
def cmp(a, b):
    return (a > b) - (a < b)
K = ft.cmp_to_key(cmp)
print(sorted([3, 1, 2], key=K), sorted("bca", key=ft.cmp_to_key(lambda a, b: cmp(b, a))))
k1, k2 = K(1), K(2)
print(k1 < k2, k1 == k2, k1 >= k2, k1.obj)
try:
    k1 < 5
except TypeError as e:
    print(e)
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = ft.partial(f, 1)
print(p(2), p(2, 5, d=7), p.func is f, p.args, p.keywords)
q = ft.partial(p, 9, d=0)
print(q(), q.func is f, q.args, q.keywords, q(c=1))
r = ft.partial(q, d=5); print(r(), r.keywords)
print(repr(ft.partial(f, 1, d=2)).startswith("functools.partial(<function f at "), repr(ft.partial(f, 1, d=2)).endswith(">, 1, d=2)"))
p.attr = 1; print(p.attr, p.__dict__)
nested = ft.partial(p, 2); print(nested.func is p)
class C:
    m = ft.partial(f, "self?")
print(C().m(2))
print(p.__reduce__()[0] is ft.partial, p.__reduce__()[2][1:], )
s = ft.partial(len); s.__setstate__((f, (1, 2), {"d": 9}, None)); print(s(), s.args, s.keywords)
class MyP(ft.partial):
    pass
mp = MyP(f, 1, 2); print(mp(), repr(mp).startswith("MyP(<function f"))
print(ft.partial(print, sep="-")("a", "b"))
