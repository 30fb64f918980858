# Exception groups printed by sys.__excepthook__ (stderr) and by the traceback module (stdout):
# the 15-exception width and 10-group depth limits, __notes__ of every kind, shared context.
import sys
def show(e):
    sys.__excepthook__(type(e), e, e.__traceback__)
    print("-----", file=sys.stderr)

show(ExceptionGroup("wide", [ValueError(i) for i in range(17)]))
show(ExceptionGroup("wide16", [ValueError(i) for i in range(16)]))
e = ValueError("x")
for i in range(12):
    e = ExceptionGroup(f"d{i}", [e])
show(e)
e = ValueError("tuple notes"); e.__notes__ = ("a", "b")
show(ExceptionGroup("n", [e]))
e = ValueError("str notes"); e.__notes__ = "abc"
show(ExceptionGroup("n", [e]))
e = ValueError("int notes"); e.__notes__ = 42
show(ExceptionGroup("n", [e]))
show(e)
class Bad:
    def __str__(self): raise RuntimeError
e = ValueError(""); e.__notes__ = [Bad(), "ok\n", "two\nlines\n\nx"]
show(ExceptionGroup("n", [e]))
show(ExceptionGroup("", [KeyError()]))
same = ValueError("same")
show(ExceptionGroup("dup", [same, same]))
c = KeyError("ctx")
a = ValueError("a"); a.__context__ = c
b = TypeError("b"); b.__context__ = c
show(ExceptionGroup("shared ctx", [a, b]))
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except ExceptionGroup as g:
    try:
        raise ExceptionGroup("outer", [g])
    except ExceptionGroup as o:
        show(o)
import traceback
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError("k") from e
try:
    f()
except Exception as e:
    traceback.print_exc()
    print("".join(traceback.format_exception(e)), end="")
    print(traceback.format_exception_only(type(e), e))
    te = traceback.TracebackException.from_exception(e, max_group_width=1, max_group_depth=2)
    print("".join(te.format()), end="")
try:
    raise ValueError("noted")
except ValueError as e:
    e.add_note("note 1")
    traceback.print_exc(file=sys.stdout)
