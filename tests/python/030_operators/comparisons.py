print(1 == 1.0, 1 == 1 + 0j, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 30 < 1e31, -1 < -0.5)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), 'abc' < 'abd', 'Z' < 'a', '' < 'a')
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} > set(), {1: 2} == {1: 2}, [1] == (1,))
one = 1
print(None is None, one is not None, [] is [], (x := [1]) is x)
print(float('nan') == float('nan'), float('inf') > 10 ** 400, -float('inf') < -10 ** 400)
for a, b in [(1, 'a'), ([], ()), (None, 0), ({}, {})]:
    try:
        print(a < b)
    except TypeError as e:
        print('TypeError', e)
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
calls = []
def f(v):
    calls.append(v)
    return v
print(f(1) < f(0) < f(3), calls)
