# `match` and `case` stay ordinary names outside a match statement.
match = 1
match(x)
match[x]
match.foo = 1
match -x
print(match)
match, case = 1, 2
case = match
match: int = 3
match *a, b
match(x); match
_ = case
def match(): pass
class case: pass
match.x[1](2)
match = lambda match: match
x = [match for match in match]

match x:
    case match:
        pass
match match:
    case case:
        pass
match -x:
    case 1: pass
match not x:
    case True: pass
match *a, b:
    case [*_]: pass
match a, *b,:
    case _: pass
match (x := f()):
    case _: pass
match x := f():
    case _: pass
match await_ if cond else other:
    case _: pass
match [x]:
    case _: pass
match (x):
    case _: pass
match {1: 2}:
    case {1: _}: pass
