x = a if b else c
y = a if b else c if d else e
f = lambda: 0
g = lambda x, y=1, *a, z, **k: x
h = lambda *, k: k
i = lambda a, /, b: a
j = lambda x: lambda y: x + y
