a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 'xyz'
a, b, c = c, a, b
print(a, b, c)
(a, b), (c, d) = [(1, 2), (3, 4)]
print(a, b, c, d)
x = y = z = 'same'
print(x, y, z)
values = {'k': (1, [2, 3])}
k, (v1, [v2, v3]) = next(iter(values.items()))
print(k, v1, v2, v3)
dct = {}
dct['a'], dct['b'] = 1, 2
print(dct)
class C: pass
c = C()
c.p, c.q = 'p', 'q'
print(c.p, c.q)
a, b = {'key1': 1, 'key2': 2}
print(a, b)
