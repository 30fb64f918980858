# try/except* (PEP 654): how clauses match and split an exception group.
import sys


def show(label, e):
    print(label, type(e).__name__, repr(e))


def run(exc, *clauses):
    """Raise exc in a try/except* whose clauses are given as types."""
    try:
        try:
            raise exc
        except* ValueError as e:
            show("  ValueError clause:", e)
            print("    exc_info is e:", sys.exc_info()[1] is e)
        except* (TypeError, KeyError) as e:
            show("  (TypeError, KeyError) clause:", e)
        except* OSError as e:
            show("  OSError clause:", e)
    except BaseException as left:
        show("  propagated:", left)
    else:
        print("  nothing propagated")


print("naked ValueError")
run(ValueError("v"))
print("naked KeyError (tuple clause)")
run(KeyError("k"))
print("naked unmatched ZeroDivisionError")
run(ZeroDivisionError("z"))
print("group, full match of one clause")
run(ExceptionGroup("eg", [ValueError(1), ValueError(2)]))
print("group split over three clauses")
run(ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), FileNotFoundError(4)]))
print("group with an unmatched rest")
run(ExceptionGroup("eg", [ValueError(1), ZeroDivisionError(2), ArithmeticError(3)]))
print("nested groups keep their structure")
run(ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ZeroDivisionError(3)]),
                             ExceptionGroup("only-rest", [NameError(4)])]))
print("BaseExceptionGroup with KeyboardInterrupt")
run(BaseExceptionGroup("beg", [ValueError(1), KeyboardInterrupt()]))

# A clause runs once, with the whole matching subgroup.
count = 0
try:
    raise ExceptionGroup("eg", [ValueError(i) for i in range(5)])
except* ValueError as e:
    count += 1
    print("clause ran with", len(e.exceptions), "exceptions; message", repr(e.message))
print("clause ran", count, "time(s)")

# Subclass matching and an unnamed clause.
try:
    raise ExceptionGroup("eg", [FileNotFoundError("f"), PermissionError("p"), OSError("o")])
except* FileNotFoundError:
    print("FileNotFoundError clause, exc_info:", repr(sys.exc_info()[1]))
except* OSError as e:
    print("OSError clause:", repr(e))
print("after; exc_info:", sys.exc_info())

# The name is unbound after the clause.
try:
    raise ValueError(1)
except* ValueError as err:
    pass
try:
    err
except NameError as ne:
    print("NameError:", ne)

# except* with ExceptionGroup or a non-exception type is a TypeError at run time.
for bad in (ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 3)):
    try:
        try:
            raise ValueError("x")
        except* bad:
            print("unreachable")
    except TypeError as te:
        print("TypeError:", te, "| context:", repr(te.__context__))

# The type expression of a later clause is evaluated only when something is left.
def typ(name, t):
    print("  evaluating", name)
    return t

try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* typ("first", ValueError):
    print("  first clause")
except* typ("second", TypeError):
    print("  second clause")

# else and finally with except*.
for exc in (None, ValueError(1), TypeError(2)):
    try:
        try:
            if exc is not None:
                raise exc
            print("body ok")
        except* ValueError as e:
            print("handled", repr(e))
        else:
            print("else runs")
        finally:
            print("finally runs")
    except* TypeError as e:
        print("outer except* got", repr(e))

# An exception group subclass: split() builds the parts through derive().
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "+", excs)

try:
    try:
        raise MyGroup("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        show("matched part:", e)
except MyGroup as rest:
    show("rest:", rest)

# A user split() is what except* calls.
class Splitter(ExceptionGroup):
    def split(self, cond):
        print("  split called with", cond.__name__)
        return super().split(cond)

try:
    try:
        raise Splitter("s", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("  ValueError clause")
except ExceptionGroup as g:
    show("left:", g)
