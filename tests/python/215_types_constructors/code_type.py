# types.CodeType's constructor, code.replace() and the co_* attributes.
import types


def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def f(a, b=2, *, c=3):
    x = a
    return x + b + c


co = f.__code__


def fields(c, **kw):
    d = dict(argcount=c.co_argcount, posonlyargcount=c.co_posonlyargcount, kwonlyargcount=c.co_kwonlyargcount,
             nlocals=c.co_nlocals, stacksize=c.co_stacksize, flags=c.co_flags, codestring=c.co_code,
             constants=c.co_consts, names=c.co_names, varnames=c.co_varnames, filename=c.co_filename,
             name=c.co_name, qualname=c.co_qualname, firstlineno=c.co_firstlineno, linetable=c.co_linetable,
             exceptiontable=c.co_exceptiontable, freevars=c.co_freevars, cellvars=c.co_cellvars)
    d.update(kw)
    return list(d.values())


t("attrs", lambda: (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals, co.co_flags,
                    co.co_varnames, co.co_names, co.co_freevars, co.co_cellvars, co.co_name, co.co_qualname,
                    co.co_firstlineno))
t("types", lambda: [type(getattr(co, n)).__name__ for n in ("co_code", "co_linetable", "co_exceptiontable", "co_lnotab", "co_stacksize")])
t("round trip", lambda: types.CodeType(*fields(co)) == co)
t("round trip call", lambda: types.FunctionType(types.CodeType(*fields(co)), globals(), "f", (2,), None)(1, c=3))
t("16 args", lambda: types.CodeType(*fields(co)[:16]).co_freevars)
t("17 args", lambda: types.CodeType(*fields(co)[:17]).co_cellvars)
t("no args", lambda: types.CodeType())
t("19 args", lambda: types.CodeType(*fields(co), 1))
t("keywords", lambda: types.CodeType(*fields(co), x=1))
t("nlocals", lambda: types.CodeType(*fields(co, nlocals=9)))
t("nlocals neg", lambda: types.CodeType(*fields(co, nlocals=-1)))
t("argcount neg", lambda: types.CodeType(*fields(co, argcount=-1)))
t("bad code", lambda: types.CodeType(*fields(co, codestring="x")))
t("bad consts", lambda: types.CodeType(*fields(co, constants=[])))
t("bad names", lambda: types.CodeType(*fields(co, names=(1,))))
t("varnames small", lambda: types.CodeType(*fields(co, varnames=("a",), nlocals=1)))
t("bad filename", lambda: types.CodeType(*fields(co, filename=1)))
t("bad name", lambda: types.CodeType(*fields(co, name=1)))
t("bad linetable", lambda: types.CodeType(*fields(co, linetable=1)))
t("int arg str", lambda: types.CodeType(*fields(co, argcount="1")))
t("int arg big", lambda: types.CodeType(*fields(co, argcount=2 ** 40)))
t("bad freevars", lambda: types.CodeType(*fields(co, freevars=[])))
t("bad freevars 2", lambda: types.CodeType(*fields(co, freevars=(1,))))

t("replace nothing", lambda: co.replace() == co)
t("replace name", lambda: (co.replace(co_name="zz").co_name, co.replace(co_name="zz") == co))
t("replace qualname", lambda: (co.replace(co_qualname="Q").co_qualname, co.replace(co_qualname="Q") == co))
t("replace filename", lambda: (co.replace(co_filename="F").co_filename, co.replace(co_filename="F") == co))
t("replace firstlineno", lambda: (co.replace(co_firstlineno=77).co_firstlineno, co.replace(co_firstlineno=77) == co))
t("replace stacksize", lambda: co.replace(co_stacksize=100).co_stacksize)
t("replace names", lambda: co.replace(co_names=("q",)).co_names)
t("replace flags", lambda: co.replace(co_flags=co.co_flags | 0x100).co_flags)
t("replace consts", lambda: co.replace(co_consts=(None, 1)) == co.replace(co_consts=(None, 1.0)))
t("replace consts 2", lambda: co.replace(co_consts=(None, 0.0)) == co.replace(co_consts=(None, -0.0)))
t("replace consts 3", lambda: co.replace(co_consts=(None, (1, 2))) == co.replace(co_consts=(None, (1, 2))))
t("replace varnames", lambda: co.replace(co_varnames=("a", "b", "c", "y")).co_varnames)
t("replace varnames small", lambda: co.replace(co_varnames=("a",)))
t("replace varnames count", lambda: co.replace(co_varnames=("a", "b", "c")))
t("replace nlocals", lambda: co.replace(co_nlocals=9))
t("replace neg", lambda: [co.replace(**{k: -1}) for k in ("co_argcount",)])
t("replace neg 2", lambda: co.replace(co_flags=-1))
t("replace neg 3", lambda: co.replace(co_firstlineno=-1))
t("replace argcount", lambda: co.replace(co_argcount=9))
t("replace bad type", lambda: co.replace(co_name=1))
t("replace bad type 2", lambda: co.replace(co_consts=[]))
t("replace bad type 3", lambda: co.replace(co_code="x"))
t("replace bad int", lambda: co.replace(co_flags="x"))
t("replace unknown", lambda: co.replace(co_bogus=1))
t("replace positional", lambda: co.replace(1))
t("renamed function", lambda: types.FunctionType(co.replace(co_name="zz"), {}).__name__)
t("requalified function", lambda: types.FunctionType(co.replace(co_qualname="zz.q"), {}).__qualname__)
t("ne", lambda: co != co.replace(co_name="x"))
t("lt", lambda: co < co)
t("hash", lambda: hash(co) == hash(co.replace(co_filename="F")))
t("compile eq", lambda: compile("x + 1", "a", "eval") == compile("x + 1", "b", "eval"))
t("compile ne", lambda: compile("x + 1", "a", "eval") == compile("x + 2", "a", "eval"))
t("in set", lambda: len({compile("x", "a", "eval"), compile("x", "a", "eval")}))
t("lines", lambda: [line for _, _, line in co.co_lines()][-1])
t("positions", lambda: len(list(co.co_positions())) == len(list(co.co_positions())))
t("lnotab", lambda: len(co.co_lnotab) % 2)
t("repr", lambda: repr(co).split(" at ")[0])
t("sizeof", lambda: type(co.__sizeof__()).__name__)


def g():
    yield 1


@types.coroutine
def gc():
    yield 1


t("coroutine flag", lambda: (gc.__code__.co_flags & 0x100, g.__code__.co_flags & 0x100))
t("coroutine type", lambda: type(gc()).__name__)


def cl(a):
    def inner():
        return a
    return inner


t("cells", lambda: (cl.__code__.co_cellvars, cl(1).__code__.co_freevars))
t("cells round trip", lambda: types.FunctionType(types.CodeType(*fields(cl.__code__)), globals())(7)())
