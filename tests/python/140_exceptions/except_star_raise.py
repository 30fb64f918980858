# try/except*: what is re-raised when handlers raise, re-raise or do nothing.
import sys


def tree(e, indent="  "):
    """The structure of an exception (group), with chaining links."""
    line = indent + repr(e) if not isinstance(e, BaseExceptionGroup) else indent + type(e).__name__ + "(" + repr(e.message) + ")"
    extra = []
    if e.__cause__ is not None:
        extra.append("cause=" + repr(e.__cause__))
    if e.__context__ is not None:
        extra.append("context=" + (type(e.__context__).__name__ + "(" + repr(e.__context__.message) + ")"
                                   if isinstance(e.__context__, BaseExceptionGroup) else repr(e.__context__)))
    if getattr(e, "__notes__", None):
        extra.append("notes=" + repr(e.__notes__))
    print(line + ("  [" + ", ".join(extra) + "]" if extra else ""))
    if isinstance(e, BaseExceptionGroup):
        for sub in e.exceptions:
            tree(sub, indent + "    ")


def outcome(label, f):
    print(label)
    try:
        f()
    except BaseException as e:
        tree(e)
        return e
    else:
        print("  (nothing raised)")


def eg():
    return ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("nested", [ValueError(3), OSError(4)])])


def handled_all():
    try:
        raise eg()
    except* ValueError:
        pass
    except* (TypeError, OSError):
        pass

outcome("all handled", handled_all)


def bare_raise_one():
    try:
        raise eg()
    except* ValueError:
        raise
    except* TypeError:
        pass

orig = None
def bare_raise_keeps_structure():
    global orig
    try:
        orig = eg()
        raise orig
    except* ValueError:
        raise
    except* (TypeError, OSError):
        raise

e = outcome("bare raise in one clause", bare_raise_one)
e = outcome("bare raise in every clause", bare_raise_keeps_structure)
print("  same object as raised:", e is orig, "| same traceback:", e.__traceback__ is orig.__traceback__)


def raise_new_in_handler():
    try:
        raise eg()
    except* ValueError as v:
        raise KeyError("from handler")
    except* TypeError:
        pass

outcome("new exception in a handler", raise_new_in_handler)


def raise_from_in_handler():
    try:
        raise eg()
    except* ValueError as v:
        raise KeyError("from handler") from v

outcome("raise ... from the match", raise_from_in_handler)


def raise_in_two_handlers_and_rest():
    try:
        raise eg()
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        raise

outcome("raised in two handlers plus unhandled rest", raise_in_two_handlers_and_rest)


def raise_match_named():
    try:
        raise eg()
    except* ValueError as v:
        raise v

outcome("raise e (named match) is a new raise", raise_match_named)


def raise_group_in_handler():
    try:
        raise eg()
    except* OSError:
        raise ExceptionGroup("new", [RuntimeError("r1"), RuntimeError("r2")])

outcome("a group raised in a handler", raise_group_in_handler)


def naked_bare_raise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise

e = outcome("naked exception, bare raise", naked_bare_raise)


def naked_raise_new():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("new")

outcome("naked exception, new exception", naked_raise_new)


def naked_raise_from_none():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("new") from None

e = outcome("naked exception, raise from None", naked_raise_from_none)
print("  suppress_context:", e.__suppress_context__)


def with_cause_and_context():
    try:
        try:
            1 / 0
        except ZeroDivisionError as z:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)]) from z
    except* ValueError:
        raise

e = outcome("cause and context of the original are kept", with_cause_and_context)


def notes_kept():
    g = eg()
    g.add_note("group note")
    g.exceptions[0].add_note("leaf note")
    try:
        raise g
    except* ValueError as v:
        v.add_note("note on the match")
        raise

outcome("notes", notes_kept)


def exc_info_inside():
    try:
        raise eg()
    except* ValueError as v:
        print("  exc_info in clause is the match:", sys.exc_info()[1] is v)
        try:
            raise KeyError("inner")
        except KeyError as k:
            print("  inner context is the match:", k.__context__ is v)
    print("  exc_info after:", sys.exc_info())

outcome("exc_info", lambda: exc_info_inside())


def nested_try_star():
    try:
        raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
    except* ValueError as v:
        try:
            raise ExceptionGroup("inner", [KeyError(3), OSError(4)])
        except* KeyError:
            print("  inner clause; exc_info:", repr(sys.exc_info()[1]))
        print("  back in the outer clause; exc_info is v:", sys.exc_info()[1] is v)

outcome("nested try/except* in a clause", nested_try_star)


# The re-raised group can be caught again by except*.
def twice():
    try:
        try:
            raise eg()
        except* ValueError:
            raise RuntimeError("rt")
    except* RuntimeError as r:
        print("  caught again:", repr(r))
        tree(r, "    ")
    except* TypeError as t:
        print("  and the rest:", repr(t))

outcome("caught by a second try/except*", twice)
