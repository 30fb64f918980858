# Or-patterns whose alternatives bind the same names in different orders, and guards over captures.
def f(v):
    match v:
        case (a, b, c, 0) | (c, a, b, 1) | (b, c, a, 2) | {"a": a, "b": b, "c": c}:
            return ("abc", a, b, c)
        case [x, [y, ([z] | z)]] | [[z, y], x]:
            return ("xyz", x, y, z)
        case {"k": {"j": j, **r1}, **r2} | [{"j": j, **r1}, r2]:
            return ("rest", j, r1, r2)
        case [1, *m, 2] | [3, *m]:
            return ("m", m)
    return None
for v in [(1, 2, 3, 0), (1, 2, 3, 1), (1, 2, 3, 2), {"a": 1, "b": 2, "c": 3, "d": 4},
          [1, [2, 3]], [[1, 2], 3], {"k": {"j": 1, "q": 2}, "z": 3}, [{"j": 5, "w": 6}, 7],
          [1, 9, 8, 2], [3, 4, 5], [3], [1, 2], "x"]:
    print(v, f(v))

def g(v):
    match v:
        case [a, (b, c) as d] if a == b:
            return 1, a, b, c, d
        case [*_, (x, y)] as whole if x:
            return 2, x, y, whole
        case [a, b, *_] if a:
            return 3, a, b
    return 0
for v in [[1, (1, 2)], [0, 1, (5, 6)], [1, 2, 3], [0, 0, (0, 0)]]:
    print(g(v))
