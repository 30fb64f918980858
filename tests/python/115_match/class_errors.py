# Run-time errors from class patterns, with CPython's messages.
class NoArgs:
    pass

class BadArgs:
    __match_args__ = ["a"]
    a = 1

class NotStrings:
    __match_args__ = (1,)

class Dup:
    __match_args__ = ("a", "a")
    a = 1

class Two:
    __match_args__ = ("a", "b")
    a = 1
    b = 2

def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

def t1():
    match NoArgs():
        case NoArgs(x):
            return x
def t2():
    match BadArgs():
        case BadArgs(x):
            return x
def t3():
    match NotStrings():
        case NotStrings(x):
            return x
def t4():
    match Dup():
        case Dup(x, y):
            return x, y
def t5():
    match Two():
        case Two(x, a=y):
            return x, y
def t6():
    match Two():
        case Two(p, q, r):
            return p
def t7():
    match 5:
        case int(x, y):
            return x
def t8():
    not_a_class = len
    match 5:
        case not_a_class():
            return "?"
def t9():
    match 5:
        case str(x, y):
            return x
def t10():
    match Two():
        case Two(1, 2):
            return "positional match"
def t11():
    # The isinstance check comes first: no error when the type does not match.
    match 5:
        case NoArgs(x):
            return x
        case _:
            return "no match, no error"
def t12():
    class OneArg:
        __match_args__ = ("v",)
        v = 0
    match OneArg():
        case OneArg(a, b):
            return a

for i, t in enumerate([t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12], 1):
    attempt(f"t{i}:", t)
