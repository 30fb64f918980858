# Native methods called with the wrong number of arguments raise CPython's
# TypeError (slot wrappers: "expected 1 argument, got 0"; METH_NOARGS/METH_O
# methods: "list.__sizeof__() takes no arguments (1 given)") and never read
# past the arguments they were given.
import array
import collections
import datetime
import io
import zlib


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: ok {type(r).__name__}")


# Wrong counts for each kind of slot wrapper, bound (method-wrapper) and unbound.
UNARY = ["__len__", "__iter__", "__next__", "__hash__", "__repr__", "__str__", "__bool__", "__neg__", "__pos__",
         "__abs__", "__invert__", "__index__", "__int__", "__float__"]
BINARY = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__radd__", "__sub__", "__rsub__",
          "__mul__", "__rmul__", "__imul__", "__iadd__", "__mod__", "__rmod__", "__and__", "__or__", "__xor__",
          "__lshift__", "__truediv__", "__floordiv__", "__divmod__", "__rdivmod__", "__contains__", "__getitem__",
          "__delitem__", "__getattribute__", "__delattr__"]
TERNARY = ["__pow__", "__rpow__", "__get__"]
SETTERS = ["__setitem__", "__setattr__", "__set__"]
NOARGS = ["__sizeof__", "__reduce__", "__dir__", "__getstate__", "__reversed__", "__length_hint__", "__copy__",
          "__getnewargs__", "__trunc__", "__floor__", "__ceil__", "__subclasses__", "__alloc__"]
ONEARG = ["__setstate__", "__deepcopy__", "__instancecheck__", "__subclasscheck__", "__missing__", "__format__",
          "__reduce_ex__"]

# Methods gilpy does not define yet (not a matter of argument counts).
MISSING = {("type", "__getattribute__"), ("list_iterator", "__setstate__"), ("date", "__rsub__"),
           ("timedelta", "__rmod__"), ("timedelta", "__rdivmod__"), ("bytearray", "__reduce_ex__")}

samples = [
    ("list", lambda: [1, 2]),
    ("tuple", lambda: (1, 2)),
    ("dict", lambda: {1: 2}),
    ("set", lambda: {1}),
    ("frozenset", lambda: frozenset({1})),
    ("str", lambda: "ab"),
    ("bytes", lambda: b"ab"),
    ("bytearray", lambda: bytearray(b"ab")),
    ("int", lambda: 7),
    ("bool", lambda: True),
    ("float", lambda: 1.5),
    ("complex", lambda: 1 + 2j),
    ("object", lambda: object()),
    ("type", lambda: int),
    ("range", lambda: range(3)),
    ("slice", lambda: slice(1, 2)),
    ("list_iterator", lambda: iter([1])),
    ("dict_keys", lambda: {1: 2}.keys()),
    ("dict_items", lambda: {1: 2}.items()),
    ("property", lambda: property(len)),
    ("function", lambda: attempt),
    ("array", lambda: array.array("i", [1, 2])),
    ("deque", lambda: collections.deque([1, 2])),
    ("defaultdict", lambda: collections.defaultdict(list)),
    ("date", lambda: datetime.date(2000, 1, 2)),
    ("timedelta", lambda: datetime.timedelta(1)),
    ("StringIO", lambda: io.StringIO("ab")),
    ("BytesIO", lambda: io.BytesIO(b"ab")),
    ("module", lambda: io),
]

for label, make in samples:
    print(f"== {label}")
    for names, counts in ((UNARY, (1, 2)), (BINARY, (0, 2)), (TERNARY, (0, 3)), (SETTERS, (0, 1, 3)),
                          (NOARGS, (1, 2)), (ONEARG, (0, 2))):
        for name in names:
            if not hasattr(make(), name) or (label, name) in MISSING:
                continue
            for n in counts:
                attempt(f"{label}.{name}/{n}", getattr(make(), name), *range(n))

print("== unbound")
attempt("list.__eq__([])", list.__eq__, [])
attempt("list.__eq__([], 1, 2)", list.__eq__, [], 1, 2)
attempt("list.__len__([], 1)", list.__len__, [], 1)
attempt("list.__eq__()", list.__eq__)
attempt("list.__eq__(1, 1)", list.__eq__, 1, 1)
attempt("list.__sizeof__()", list.__sizeof__)
attempt("list.__sizeof__([], 1)", list.__sizeof__, [], 1)
attempt("list.__getitem__([])", list.__getitem__, [])
attempt("dict.__getitem__({})", dict.__getitem__, {})
attempt("dict.__contains__({})", dict.__contains__, {})
attempt("set.__contains__(set())", set.__contains__, set())
attempt("int.__add__(1)", int.__add__, 1)
attempt("int.__pow__(2, 3, 5)", int.__pow__, 2, 3, 5)
attempt("object.__setattr__(object(), 'a')", object.__setattr__, object(), "a")
attempt("array.__eq__(array('i'))", array.array.__eq__, array.array("i"))
attempt("deque.__setitem__(deque(), 0)", collections.deque.__setitem__, collections.deque(), 0)

print("== keywords")
attempt("[].__eq__(x=1)", [].__eq__, x=1)
attempt("[].__len__(x=1)", [].__len__, x=1)
attempt("[].__setitem__(0, 1, x=1)", [].__setitem__, 0, 1, x=1)
attempt("list.__iter__([], x=1)", list.__iter__, [], x=1)

print("== getset __get__ on a foreign object")
getset = type(attempt).__dict__["__name__"]
attempt("getset.__get__()", getset.__get__)
attempt("getset.__get__(0)", getset.__get__, 0)
attempt("getset.__get__(0, int)", getset.__get__, 0, int)
attempt("getset.__set__(0, 'x')", getset.__set__, 0, "x")
attempt("getset.__delete__(0)", getset.__delete__, 0)
attempt("getset.__get__(attempt)", getset.__get__, attempt)

print("== native modules' own checks")
attempt("zlib.decompressobj().__deepcopy__()", zlib.decompressobj().__deepcopy__)
attempt("date.__format__()", datetime.date(2000, 1, 1).__format__)
attempt("time.__reduce_ex__(1, 2)", datetime.time(1).__reduce_ex__, 1, 2)

print("== property.__set_name__")
attempt("property().__set_name__(int)", property().__set_name__, int)

print("== dict views")
attempt("{}.keys().isdisjoint()", {}.keys().isdisjoint)
attempt("{}.items().isdisjoint(1, 2)", {}.items().isdisjoint, 1, 2)
attempt("{}.keys().isdisjoint([1])", {}.keys().isdisjoint, [1])

print("== right counts still work")
print([1].__eq__([1]), (2).__pow__(3), (2).__pow__(3, 5), [1, 2].__getitem__(1), {1: 2}.__getitem__(1))
print(collections.deque([1]).__mul__(2), array.array("i", [1]).__eq__(array.array("i", [1])))
print(datetime.date(2000, 1, 2).__eq__(datetime.date(2000, 1, 2)), io.StringIO("ab").__iter__().__next__())
