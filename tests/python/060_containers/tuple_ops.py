t = (1, 'two', 3.0, [4], (5,))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], t.count(1), t.index(3.0), 'two' in t)
print((1, 2) + (3,), (0,) * 3, tuple('ab'), tuple([1, 2]), tuple(), (), (1,), type((1)).__name__)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
t[3].append(44); print(t)
try:
    t[0] = 9
except TypeError as e:
    print(e)
try:
    hash(t)
except TypeError as e:
    print(e)
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
print(tuple(x * 2 for x in range(4)), max((3, 1), (2, 9)), sorted((3, 1, 2)))
