# An uncaught exception group: the default excepthook prints the group layout (nested groups,
# chained members, notes, repeated frames, a SyntaxError member) and the status is 1.
def leaf(n):
    raise ValueError(n)

def rec(n):
    if n == 0:
        raise KeyError("deep")
    rec(n - 1)

def collect():
    excs = []
    for f in (lambda: leaf(1), lambda: rec(6)):
        try:
            f()
        except Exception as e:
            excs.append(e)
    try:
        try:
            1 / 0
        except ZeroDivisionError as z:
            raise TypeError("with context") from z
    except TypeError as t:
        t.add_note("a note\nwith two lines")
        t.add_note("second note")
        excs.append(t)
    inner = ExceptionGroup("inner", [OSError(5), ExceptionGroup("innermost", [NameError("nm")])])
    excs.append(inner)
    excs.append(SyntaxError("bad", ("f.py", 3, 5, "x = = 1\n", 3, 6)))
    return ExceptionGroup("many", excs)

try:
    raise RuntimeError("before")
except RuntimeError:
    g = collect()
    g.add_note("group note")
    raise g
