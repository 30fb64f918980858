# exec/eval/functions whose globals' __builtins__ is not the builtins dict:
# a dict, a dict subclass, any mapping, any object; LOAD_GLOBAL, LOAD_NAME,
# LOAD_BUILD_CLASS and IMPORT_NAME look names up there as CPython 3.11 does.
import builtins
import sys
import types


def t(label, src, g, mode="exec"):
    try:
        r = exec(src, g) if mode == "exec" else eval(src, g)
        print(label, "ok", r)
    except BaseException as e:
        print(label, type(e).__name__, e)


class M:  # a mapping by __getitem__ only
    def __getitem__(self, k):
        if k == "len":
            return lambda x: 42
        if k == "print":
            return print
        raise KeyError(k)


class Raising:
    def __getitem__(self, k):
        raise IndexError(k)


class Missing(dict):
    def __missing__(self, k):
        return "missing-" + k


class GetItem(dict):
    def __getitem__(self, k):
        return "gi-" + k


class SetOnlyError(Exception):
    pass


class SetOnly(dict):
    def __getitem__(self, k):
        raise SetOnlyError(k)


# names: exec (LOAD_NAME) and in functions (LOAD_GLOBAL)
t("empty dict", "print('hi')", {"__builtins__": {}})
t("int", "print('hi')", {"__builtins__": 123})
t("int eval", "len", {"__builtins__": 123}, "eval")
t("mapping", "print(len('a'))", {"__builtins__": M()})
t("mapping eval", "len('a')", {"__builtins__": M()}, "eval")
t("mapping miss", "foo", {"__builtins__": M()}, "eval")
t("raising", "foo", {"__builtins__": Raising()}, "eval")
t("__missing__", "foo", {"__builtins__": Missing()}, "eval")
t("__getitem__", "foo", {"__builtins__": GetItem()}, "eval")
t("set-only", "foo", {"__builtins__": SetOnly({"foo": 1})}, "eval")
t("namespace", "foo", {"__builtins__": types.SimpleNamespace(foo=1)}, "eval")
m = types.ModuleType("mm")
m.foo = 3
t("module", "foo", {"__builtins__": m}, "eval")
t("builtins module", "print('mod')", {"__builtins__": sys.modules["builtins"]})
t("del", "del foo", {"__builtins__": {}})
t("nested def", "def g(): return len\nprint(g())", {"__builtins__": {"len": "LL", "print": print}})
t("comprehension", "print([len for _ in range(1)])", {"__builtins__": Missing({"print": print, "range": range})})
t("load_name", "print(foo)", {"__builtins__": Missing({"print": print})})

# class statements: LOAD_BUILD_CLASS
t("class empty", "class A: pass", {"__builtins__": {}})
t("class getitem", "class A: pass", {"__builtins__": GetItem()})
t("class mapping", "class A: pass", {"__builtins__": M()})
t("class int", "class A: pass", {"__builtins__": 5})
t("class dict subclass", "class A: pass\nprint(A.__name__)", {"__builtins__": Missing(vars(builtins))})
t("class missing key", "class A: pass", {"__builtins__": Missing()})

# imports: __import__ is looked up at the dict level
t("import empty", "import os", {"__builtins__": {}})
t("import mapping", "import os", {"__builtins__": M()})
t("import getitem", "import os\nprint(os.sep)", {"__builtins__": GetItem(vars(builtins))})

# functions built on such globals
fn = types.FunctionType((lambda: len).__code__, {"__builtins__": M()})
print(fn()("xyz"), type(fn.__builtins__).__name__)
fn = types.FunctionType((lambda: len).__code__, {"__builtins__": 7})
print(fn.__builtins__)
try:
    fn()
except TypeError as e:
    print("TypeError", e)
fn = types.FunctionType((lambda: len).__code__, {})
print(fn(), fn.__builtins__ is vars(builtins))
fn = types.FunctionType((lambda: len).__code__, {"__builtins__": {"len": "L"}})
print(fn(), fn.__builtins__)

# globals without __builtins__ get the current ones
g = {}
exec("x = 1", g)
print(g["__builtins__"] is vars(builtins))

# the dict fast path still sees changes to the builtins dict
d = {"val": 1}
exec("def f(): return val", {"__builtins__": d}, ns := {})
f = ns["f"]
print(f())
d["val"] = 2
print(f())
del d["val"]
try:
    f()
except NameError as e:
    print("NameError", e)
