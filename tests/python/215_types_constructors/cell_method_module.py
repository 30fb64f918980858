# types.CellType, types.MethodType, types.ModuleType, SimpleNamespace,
# MappingProxyType, TracebackType.
import pickle
import sys
import types


def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


t("cell empty", lambda: repr(types.CellType()).split(": ")[1])
t("cell full", lambda: repr(types.CellType([])).split(": ")[1].split(" at ")[0])
t("cell contents", lambda: types.CellType(1).cell_contents)
t("cell empty contents", lambda: types.CellType().cell_contents)
t("cell 2 args", lambda: types.CellType(1, 2))
t("cell keywords", lambda: types.CellType(x=1))
t("cell eq", lambda: (types.CellType(1) == types.CellType(1), types.CellType(1) == 1, types.CellType() == types.CellType()))
t("cell order", lambda: (types.CellType() < types.CellType(1), types.CellType(2) >= types.CellType(1), types.CellType(1) < types.CellType(2)))
t("cell order bad", lambda: types.CellType(1) < 1)
t("cell order bad 2", lambda: types.CellType(1) < types.CellType("a"))
t("cell hash", lambda: hash(types.CellType(1)))


def cell_ops():
    c = types.CellType(1)
    c.cell_contents = 2
    out = [c.cell_contents]
    del c.cell_contents
    try:
        c.cell_contents
    except ValueError as e:
        out.append(str(e))
    del c.cell_contents
    return out


t("cell set/del", cell_ops)


def f(*a):
    return a


t("method", lambda: types.MethodType(f, 1)(2))
t("method self", lambda: types.MethodType(f, 1).__self__)
t("method func", lambda: types.MethodType(f, 1).__func__ is f)
t("method not callable", lambda: types.MethodType(1, 1))
t("method none", lambda: types.MethodType(f, None))
t("method count", lambda: types.MethodType(f))
t("method keywords", lambda: types.MethodType(f, 1, x=1))
t("method builtin", lambda: types.MethodType(len, [1, 2])())
t("method attrs ro", lambda: setattr(types.MethodType(f, 1), "__func__", f))
t("method members", lambda: sorted(n for n, v in vars(types.MethodType).items() if type(v).__name__ == "member_descriptor"))

t("module doc", lambda: types.ModuleType("m", "d").__doc__)
t("module repr", lambda: repr(types.ModuleType("m")))
t("module dict", lambda: types.ModuleType("m").__dict__)
t("module bad name", lambda: types.ModuleType(1))
t("module no name", lambda: types.ModuleType())


class M(types.ModuleType):
    pass


t("module subclass", lambda: (repr(M("x")), type(M("x")).__name__))

t("namespace", lambda: repr(types.SimpleNamespace(a=1, b="x")))


def ns_rec():
    n = types.SimpleNamespace(a=1)
    n.self = n
    return repr(n)


t("namespace recursive", ns_rec)
t("namespace eq", lambda: types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1))
t("namespace pickle", lambda: pickle.loads(pickle.dumps(types.SimpleNamespace(a=1))))
t("namespace positional", lambda: types.SimpleNamespace(1))
t("namespace mapping", lambda: types.SimpleNamespace({"a": 1}))

t("mappingproxy list", lambda: types.MappingProxyType([]))
t("mappingproxy", lambda: (types.MappingProxyType({"a": 1})["a"], repr(types.MappingProxyType({"a": 1}))))

fr = sys._getframe()
t("traceback", lambda: (lambda tb: (tb.tb_next, tb.tb_frame is fr, tb.tb_lasti, tb.tb_lineno))(types.TracebackType(None, fr, 4, 7)))
t("traceback chain", lambda: types.TracebackType(types.TracebackType(None, fr, 0, 1), fr, 0, 2).tb_next.tb_lineno)
t("traceback bad next", lambda: types.TracebackType(1, fr, 0, 1))
t("traceback bad frame", lambda: types.TracebackType(None, 1, 0, 1))
t("traceback bad lasti", lambda: types.TracebackType(None, fr, "x", 1))
t("traceback count", lambda: types.TracebackType(None, fr))


def raise_with_tb():
    tb = types.TracebackType(None, fr, 0, 3)
    try:
        raise ValueError("x").with_traceback(tb)
    except ValueError as e:
        return e.__traceback__.tb_next.tb_lineno


t("traceback attached", raise_with_tb)
