# types.FunctionType(code, globals, name, argdefs, closure) and the function
# attributes that change how the function is called.
import types


def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def f(a, b=2, *, c=3):
    return a + b + c


def outer():
    x = 1

    def inner():
        return x
    return inner


inn = outer()
g = {"__name__": "fake_module"}
t("plain", lambda: types.FunctionType(f.__code__, globals())(1))
t("name", lambda: types.FunctionType(f.__code__, globals(), "g").__name__)
t("qualname", lambda: types.FunctionType(f.__code__, globals(), "g").__qualname__)
t("module", lambda: types.FunctionType(f.__code__, g).__module__)
t("argdefs", lambda: types.FunctionType(f.__code__, globals(), "g", (10, 20)).__defaults__)
t("kw", lambda: types.FunctionType(code=f.__code__, globals={}, name="z", argdefs=(1,)).__name__)
t("builtins", lambda: types.FunctionType(compile("len('abc')", "<s>", "eval"), {})())
t("bad code", lambda: types.FunctionType(1, 2))
t("bad globals", lambda: types.FunctionType(f.__code__, 2))
t("bad name", lambda: types.FunctionType(f.__code__, {}, 3))
t("bad defaults", lambda: types.FunctionType(f.__code__, {}, None, 3))
t("bad closure", lambda: types.FunctionType(f.__code__, {}, None, None, 3))
t("closure len", lambda: types.FunctionType(f.__code__, {}, None, None, (types.CellType(1),)))
t("closure missing", lambda: types.FunctionType(inn.__code__, {}))
t("closure not cell", lambda: types.FunctionType(inn.__code__, {}, None, None, (1,)))
t("closure ok", lambda: types.FunctionType(inn.__code__, {}, None, None, (types.CellType(5),))())
t("closure long", lambda: types.FunctionType(inn.__code__, {}, None, None, (types.CellType(5), types.CellType(6))))
t("no args", lambda: types.FunctionType())
t("doc from consts", lambda: types.FunctionType(f.__code__.replace(co_consts=("hi",) + f.__code__.co_consts[1:]), {}).__doc__)


def set_attr(obj, name, value):
    setattr(obj, name, value)
    return getattr(obj, name)


def del_attr(obj, name):
    delattr(obj, name)
    return getattr(obj, name)


t("defaults", lambda: f.__defaults__)
t("defaults bad", lambda: set_attr(f, "__defaults__", 1))
t("defaults set", lambda: (set_attr(f, "__defaults__", (5,)), f(1))[1])
t("defaults none", lambda: (set_attr(f, "__defaults__", None), f.__defaults__)[1])
t("defaults gone", lambda: f(1))
t("defaults del", lambda: (set_attr(f, "__defaults__", (7,)), del_attr(f, "__defaults__"))[1])
t("kwdefaults bad", lambda: set_attr(f, "__kwdefaults__", 1))
t("kwdefaults set", lambda: (set_attr(f, "__kwdefaults__", {"c": 100}), f(1, 1))[1])
t("kwdefaults none", lambda: (set_attr(f, "__kwdefaults__", None), f.__kwdefaults__)[1])
t("kwdefaults gone", lambda: f(1, 1))


def h():
    return 5


def h2(a):
    return a * 2


t("code free vars", lambda: set_attr(h, "__code__", inn.__code__))
t("code free vars 2", lambda: set_attr(inn, "__code__", h.__code__))
t("code bad", lambda: set_attr(h, "__code__", 1))
t("code del", lambda: del_attr(h, "__code__"))
t("code swap", lambda: (set_attr(h, "__code__", h2.__code__), h(21))[1])
t("code swap again", lambda: [(set_attr(h, "__code__", c), h(*a)) [1] for c, a in ((h2.__code__, (2,)), (f.__code__, (1, 2)))])
t("closure", lambda: [type(c).__name__ for c in inn.__closure__])
t("closure none", lambda: h.__closure__)
t("closure ro", lambda: set_attr(h, "__closure__", ()))
t("globals", lambda: h.__globals__ is globals())
t("globals ro", lambda: set_attr(h, "__globals__", {}))
t("builtins", lambda: h.__builtins__ is __builtins__.__dict__)
t("builtins ro", lambda: set_attr(h, "__builtins__", {}))
t("name bad", lambda: set_attr(h, "__name__", 1))
t("name", lambda: (set_attr(h, "__name__", "zz"), h.__name__, h.__code__.co_name)[1:])
t("name del", lambda: del_attr(h, "__name__"))
t("qualname bad", lambda: set_attr(h, "__qualname__", 1))
t("qualname", lambda: (set_attr(h, "__qualname__", "Q.zz"), repr(h).split(" at ")[0])[1])
t("annotations bad", lambda: set_attr(h, "__annotations__", 1))
t("annotations", lambda: set_attr(h, "__annotations__", {"a": int}))
t("annotations del", lambda: del_attr(h, "__annotations__"))
t("dict", lambda: (set_attr(h, "x", 1), h.__dict__)[1])
t("dict bad", lambda: set_attr(h, "__dict__", 1))
t("dict del", lambda: del_attr(h, "__dict__"))
t("module", lambda: set_attr(h, "__module__", "m"))
t("module del", lambda: del_attr(h, "__module__"))
t("doc", lambda: set_attr(h, "__doc__", "d"))
t("doc del", lambda: del_attr(h, "__doc__"))
t("descriptors", lambda: [(n, type(types.FunctionType.__dict__[n]).__name__) for n in sorted(types.FunctionType.__dict__) if not callable(types.FunctionType.__dict__[n])])
t("dir", lambda: sorted(set(dir(h)) - set(dir(object))))
