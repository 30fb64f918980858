# Mapping patterns: keys, nested values, **rest, non-dict mappings, .get semantics.
def m(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {1: one, "t": _} if False:
            return "never"
        case {"k": [a, b]}:
            return f"k list {a} {b}"
        case {}:
            return f"some mapping of {len(v)}"
        case _:
            return "not a mapping"

print(m({"type": "point", "x": 1, "y": 2, "z": 3}))
print(m({"type": "circle", "r": 5, "color": "red", "fill": None}))
print(m({"type": "circle", "r": 5}))
print(m({"k": (1, 2)}))
print(m({"k": "ab"}))
print(m({}))
print(m({"other": 1}))
print(m([("type", "point")]))
print(m("type"))

# **rest makes a new dict without the matched keys.
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": 1, **others}:
        print(others, others is d)
match d:
    case {**everything}:
        print(everything, everything is d, everything == d)

# Value keys from attribute lookups.
class Keys:
    A = "a"
    B = "b"
match d:
    case {Keys.A: x, Keys.B: y}:
        print("attr keys", x, y)

# Numeric keys, negative and complex keys.
match {-1: "neg", 2j: "imag", 1.5: "float"}:
    case {-1: a, 2j: b, 1.5: c}:
        print(a, b, c)

# defaultdict: matching uses .get, so no key is created.
from collections import defaultdict, OrderedDict
dd = defaultdict(list)
match dd:
    case {"missing": x}:
        print("no")
    case _:
        print("defaultdict untouched:", dict(dd))

od = OrderedDict(a=1, b=2)
match od:
    case {"b": b, **rest}:
        print("OrderedDict", b, rest, type(rest).__name__)

# A Mapping that is not a dict: uses get(), __len__ and keys/__getitem__ for **rest.
from collections.abc import Mapping
class Config(Mapping):
    def __init__(self, **kw):
        self._d = kw
    def __getitem__(self, k):
        print("  getitem", k)
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        print("  len")
        return len(self._d)
    def get(self, k, default=None):
        print("  get", k)
        return self._d.get(k, default)

match Config(host="h", port=80, debug=True):
    case {"host": h, "port": p, **rest}:
        print("config", h, p, rest)

# A class registered as a Mapping.
class Reg:
    def __init__(self):
        self.d = {"x": 1}
    def __len__(self):
        return 1
    def get(self, k, default):
        return self.d.get(k, default)
    def keys(self):
        return self.d.keys()
    def __getitem__(self, k):
        return self.d[k]
match Reg():
    case {"x": x}:
        print("before registration: matched?", x)
    case _:
        print("before registration: not a mapping")
Mapping.register(Reg)
match Reg():
    case {"x": x}:
        print("after registration:", x)

# Dicts are not sequences, lists are not mappings.
match {0: "a"}:
    case [x]:
        print("no")
    case {0: x}:
        print("dict", x)
match [0]:
    case {0: x}:
        print("no")
    case [x]:
        print("list", x)

# Duplicate non-literal keys are caught at run time.
class Same:
    a = "k"
    b = "k"
try:
    match {"k": 1}:
        case {Same.a: 1, Same.b: 1}:
            print("no")
except ValueError as e:
    print("ValueError:", e)
