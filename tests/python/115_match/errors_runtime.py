# Errors raised while matching propagate out of the match statement.
class Boom:
    def __eq__(self, other):
        raise RuntimeError("eq failed")

class C:
    b = Boom()

try:
    match 1:
        case C.b:
            pass
except RuntimeError as e:
    print("RuntimeError:", e)

class BadLen(list):
    def __len__(self):
        raise TypeError("no len")
try:
    match BadLen([1]):
        case [x]:
            pass
except TypeError as e:
    print("TypeError:", e)

# NameError in a value pattern is raised only when that case is reached.
match 1:
    case 1:
        print("first case matched; undefined.name never evaluated")
    case undefined.name:
        pass
try:
    match 2:
        case 1:
            pass
        case undefined.name:
            pass
except NameError as e:
    print("NameError:", e)

# Unhashable attribute keys.
class U:
    key = []
try:
    match {1: 2}:
        case {U.key: v}:
            pass
except TypeError as e:
    print("TypeError:", e)

# Traceback line points at the failing case.
def failing():
    match 3:
        case int(a, b):
            pass
try:
    failing()
except TypeError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("TypeError:", e, "at line", tb.tb_lineno)
