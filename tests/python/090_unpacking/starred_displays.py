a, b = [1, 2], (3, 4)
print([*a, *b], (*a, *b), {*a, *b}, [*'ab', *range(2)], (*a,), [*[], *[]])
d1, d2 = {'x': 1}, {'y': 2, 'x': 3}
print({**d1, **d2}, {**d2, **d1}, {'z': 0, **d1}, dict(**d1, **{'w': 9}))
print(*a, *b, sep='-')
def f(*args, **kw): return args, kw
print(f(*a, 0, *b, k=1, **d1))
gen = (i for i in range(3))
print([*gen], [*gen])
print(*[1, 2], *'', *{}, 'end')
try:
    print(*1)
except TypeError as e:
    print(e)
try:
    {**[1]}
except TypeError as e:
    print(e)
