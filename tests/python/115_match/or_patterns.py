# Or-patterns: alternatives with captures (in any order), nested ors, side effects.
def f(v):
    match v:
        case [x, 1] | [1, x]:
            return f"pair with 1, other {x}"
        case (a, b, "swap") | (b, a, "noswap"):
            return f"a={a} b={b}"
        case {"k": k} | [k, _, _, _]:
            return f"k={k}"
        case int() | float() as num:
            return f"number {num}"
        case "a" | "b" | "c":
            return "letter"
        case _:
            return "other"

for v in [[5, 1], [1, 6], [1, 1], (1, 2, "swap"), (1, 2, "noswap"), {"k": 9}, [7, 0, 0, 0],
          3, 2.5, "b", "z"]:
    print(repr(v), "->", f(v))

# Nested or-patterns and or-patterns inside sequences.
match [2, [3, "x"]]:
    case [1 | 2 as first, [3 | 4, "x" | "y" as tag]]:
        print("nested", first, tag)

# Different binding orders across alternatives.
match (1, 2, 3):
    case (x, y, 0) | (y, 0, x) | (y, x, 3):
        print("x =", x, "y =", y)

match {"a": 1, "b": 2}:
    case {"a": a, "b": b} | {"x": b, "y": a}:
        print(a, b)

# Alternatives are tried left to right; equality calls show it.
class Loud:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        print(f"  eq({self.n}, {other})")
        return self.n == other
L = Loud(3)
match L:
    case 1 | 2 | 3 | 4:
        print("matched loud")

# Captures in an or-pattern that is part of a bigger pattern.
match [1, 2, 3]:
    case [(1 | 2) as a, *rest] | [*rest, a]:
        print(a, rest)
