x = 1 + 2 * 3 ** -4
y = a if b else c
z = [i for i in range(10) if i % 2]
w = {k: v for k, v in items}
f(a, *args, key=1, **kw)
t = not a and b or c
u = a < b <= c is not d
v = lambda x, *y, z=1, **k: x
s = obj.attr[1:2, ::3]
n = (yield_value := 5)
