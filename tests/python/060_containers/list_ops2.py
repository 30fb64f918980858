a = [1, 2, 3]
b = a
a += [4]
print(b, a is b)
a = a + [5]
print(b, a is b)
a *= 2
print(a)
x = [0, 1, 2, 3, 4, 5]
del x[0], x[-1]
print(x)
print([1, 2, 3][-1], [1, 2, 3][::-1], [i for i in reversed([1, 2, 3])], list(enumerate('ab', 1)))
print(sum([[1], [2, 3]], []), [None] * 2, list(map(list, zip(*[[1, 2], [3, 4]]))))
m = [3, 1, 2]
print(sorted(m), m, min(m), max(m), m.index(max(m)), [*m, *m], len([*range(3), 9]))
try:
    [1, 2][5]
except IndexError as e:
    print(e)
try:
    [][0] = 1
except IndexError as e:
    print(e)
try:
    idx = 'a'
    [1][idx]
except TypeError as e:
    print(e)
