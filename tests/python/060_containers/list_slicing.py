a = list(range(10))
print(a[2:5], a[::3], a[::-1], a[-3:], a[8:2:-2], a[:100], a[5:1])
b = a[:]
b[2:5] = ['x']; print(b)
b[1:1] = [100, 200]; print(b)
b[::2] = list('ABCDE'); print(b)
del b[::3]; print(b)
del b[1:3]; print(b)
b[-1:] = []; print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print(e)
c = [1, 2, 3]
c[len(c):] = [4, 5]; print(c)
c[:0] = [0]; print(c)
c[1:3] = range(3); print(c)
c[::-1] = c[:]; print(c)
print(a[slice(2, 8, 2)], a[-100:-98], a[::-4])
