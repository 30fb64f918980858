# Order of evaluation and how often values and methods are used.
trace = []
class Obs:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        trace.append(f"{self.name}=={other!r}")
        return other == 2

class NS:
    pass
ns = NS()
ns.one = Obs("one")
ns.two = Obs("two")

match 2:
    case ns.one if False:
        pass
    case ns.two:
        print("matched ns.two")
print(trace)

# The subject is compared on the left: subject.__eq__ first.
class Subj:
    def __eq__(self, other):
        print("  Subj.__eq__", type(other).__name__)
        return NotImplemented
class Val:
    def __eq__(self, other):
        print("  Val.__eq__")
        return True
v = Val()
class Holder:
    val = v
match Subj():
    case Holder.val:
        print("reflected equality matched")

# Getting attributes for class patterns, in order, each once.
class Traced:
    __match_args__ = ("a", "b")
    def __getattr__(self, name):
        print("  getattr", name)
        if name in ("a", "b", "c"):
            return name.upper()
        raise AttributeError(name)
match Traced():
    case Traced(x, y, c=z):
        print(x, y, z)
match Traced():
    case Traced(d=1):
        print("no")
    case Traced(b="B", a=q):
        print("kw order", q)

# Mapping .get calls in key order; stops at the first missing key.
class M(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)
match M(a=1, b=2):
    case {"a": 1, "zz": _, "b": 2}:
        print("no")
    case {"b": b, "a": a}:
        print("got", a, b)

# Length is checked before items are fetched.
class Short(list):
    def __len__(self):
        print("  __len__")
        return list.__len__(self)
match Short([1, 2, 3]):
    case [a, b]:
        print("no")
    case [a, *b]:
        print(a, b)
