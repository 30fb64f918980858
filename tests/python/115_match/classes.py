# Class patterns: isinstance, __match_args__, keyword attributes, builtins matching self.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, 0):
            return f"3d flat {x} {y}"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x=0):
            return "x is zero (unreachable)"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"somewhere {p}"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Point3(1, 2, 0),
          Point3(1, 2, 3), "pt"]:
    print(p, "->", where(p))

# Builtins take one positional sub-pattern that matches the whole subject.
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b) | bytearray(b):
            return f"bytes-like {b!r}"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"k": k}):
            return f"dict k={k}"
        case set(s) | frozenset(s):
            return f"set-like {sorted(s)}"
        case _:
            return "other"

for v in [True, 3, 2.5, "s", b"b", bytearray(b"ba"), [9, 8], (1,), {"k": 1}, {2, 1},
          frozenset({3}), None, []]:
    print(repr(v), "->", kind(v))

# Subclasses of builtins inherit the match-self behaviour.
class MyInt(int):
    pass
match MyInt(5):
    case int(n):
        print("MyInt as int", n, type(n).__name__)
    
# ... unless they define __match_args__.
class Named(str):
    __match_args__ = ("upper_form",)
    @property
    def upper_form(self):
        return self.upper()
match Named("abc"):
    case Named(u):
        print("Named", u)

# Attribute lookup failures just fail the match; other errors propagate.
class Lazy:
    @property
    def ok(self):
        return 1
    @property
    def missing(self):
        raise AttributeError("nope")
    @property
    def broken(self):
        raise KeyError("broken")
match Lazy():
    case Lazy(missing=m):
        print("no")
    case Lazy(ok=1, nosuch=3):
        print("no")
    case Lazy(ok=o):
        print("ok =", o)
try:
    match Lazy():
        case Lazy(broken=b):
            print("no")
except KeyError as e:
    print("KeyError propagated:", e)

# Dotted class names.
import collections
match collections.OrderedDict(a=1):
    case collections.OrderedDict():
        print("dotted class name")

# Positional and keyword sub-patterns together, nested class patterns.
class Line:
    __match_args__ = ("start", "end")
    def __init__(self, start, end):
        self.start, self.end = start, end
match Line(Point(0, 0), Point(3, 4)):
    case Line(Point(0, 0), end=Point(x, y)):
        print("line from origin to", x, y)

# isinstance honours __instancecheck__.
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
class Magic(metaclass=Meta):
    pass
for v in ["magic", "plain"]:
    match v:
        case Magic():
            print(v, "is Magic")
        case _:
            print(v, "is not Magic")

# A tuple of classes is not a type.
Types = (int, str)
try:
    match 1:
        case Types():
            pass
except TypeError as e:
    print("TypeError:", e)
