# Hand-written dataclass-like classes (what @dataclass would generate), an
# expression evaluator and a command interpreter written with match.
class Node:
    __match_args__ = ()
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)

class Num(Node):
    __match_args__ = ("value",)
    def __init__(self, value):
        self.value = value
    def __repr__(self):
        return f"Num({self.value!r})"

class BinOp(Node):
    __match_args__ = ("op", "left", "right")
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right
    def __repr__(self):
        return f"BinOp({self.op!r}, {self.left!r}, {self.right!r})"

class Neg(Node):
    __match_args__ = ("operand",)
    def __init__(self, operand):
        self.operand = operand
    def __repr__(self):
        return f"Neg({self.operand!r})"

def evaluate(e):
    match e:
        case Num(value=v):
            return v
        case Neg(Neg(inner)):
            return evaluate(inner)
        case Neg(x):
            return -evaluate(x)
        case BinOp("+", l, r):
            return evaluate(l) + evaluate(r)
        case BinOp("*", l, r):
            return evaluate(l) * evaluate(r)
        case BinOp("-" | "/" as op, l, r):
            a, b = evaluate(l), evaluate(r)
            return a - b if op == "-" else a / b
        case _:
            raise ValueError(f"bad expression {e!r}")

def simplify(e):
    match e:
        case BinOp("*", Num(0), _) | BinOp("*", _, Num(0)):
            return Num(0)
        case BinOp("*", Num(1), x) | BinOp("*", x, Num(1)):
            return simplify(x)
        case BinOp("+", Num(0), x) | BinOp("+", x, Num(0)):
            return simplify(x)
        case BinOp(op, l, r):
            return BinOp(op, simplify(l), simplify(r))
        case Neg(Neg(x)):
            return simplify(x)
        case other:
            return other

expr = BinOp("+", Num(2), BinOp("*", Num(3), Neg(Neg(Num(4)))))
print(expr)
print(evaluate(expr))
print(simplify(BinOp("*", Num(1), BinOp("+", Num(0), Neg(Neg(Num(7)))))))
print(simplify(BinOp("*", Num(5), Num(0))))
print(evaluate(BinOp("/", Num(7), Num(2))))
try:
    evaluate("junk")
except ValueError as e:
    print(e)

def run(command):
    match command.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", _]:
            return "unknown direction"
        case ["pick", "up", *items] if items:
            return "picking up " + ", ".join(items)
        case ["drop", item, *_]:
            return f"dropping {item}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "say something"
        case [verb, *_]:
            return f"don't know how to {verb}"

for c in ["go north", "go up", "pick up sword shield", "pick up", "drop lamp now", "exit", "",
          "dance wildly"]:
    print(repr(c), "->", run(c))

# JSON-ish data.
def describe(obj):
    match obj:
        case {"name": str(name), "age": int(age)} if age >= 18:
            return f"adult {name}"
        case {"name": str(name), "age": int()}:
            return f"minor {name}"
        case {"items": [*items]}:
            return f"{len(items)} items: " + "; ".join(describe(i) for i in items)
        case [int(), *_] as nums:
            return f"numbers summing to {sum(nums)}"
        case str() | bytes():
            return "text"
        case None:
            return "null"
        case _:
            return "unknown"

print(describe({"items": [{"name": "Ann", "age": 30}, {"name": "Bo", "age": 9}, [1, 2, 3],
                          "s", None, 4.5]}))
