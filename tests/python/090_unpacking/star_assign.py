a, *b = [1, 2, 3]; print(a, b)
*a, b = 'xyz'; print(a, b)
a, *b, c = range(5); print(a, b, c)
a, *b, c = 1, 2; print(a, b, c)
(a, b), *c = (1, 2), 3, 4; print(a, b, c)
[a, [b, *c]] = [1, [2, 3, 4]]; print(a, b, c)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
first, *_, last = range(100); print(first, last)
for bad in ['a, b = 1, 2, 3', 'a, b, c = 1, 2', 'a, *b, c = [1]', 'a, b = 5']:
    try:
        exec(bad)
    except (ValueError, TypeError) as e:
        print(bad, '->', type(e).__name__, e)
a = b = c = [0]; print(a is b is c)
x, y = y, x = 1, 2; print(x, y)
i = 0; lst = [0, 0]
i, lst[i] = 1, 5; print(i, lst)
