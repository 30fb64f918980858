# Guards: evaluated after binding, short-circuiting, side effects, fall-through.
log = []
def check(tag, result):
    log.append(tag)
    return result

def classify(v):
    log.clear()
    match v:
        case [x, y] if check("g1", x > y):
            r = "desc"
        case [x, y] if check("g2", x < y):
            r = "asc"
        case [x, y]:
            r = "equal"
        case n if check("g3", isinstance(n, int)) and n > 0:
            r = "positive int"
        case _ if check("g4", True):
            r = "fallback"
    return r, list(log)

for v in [[2, 1], [1, 2], [3, 3], 5, -5, "s"]:
    print(v, classify(v))

# A guard sees the captured names and may use outer names too.
limit = 10
match 15:
    case n if n > limit:
        print(n, "over limit")

# Guard raising propagates.
try:
    match 1:
        case x if 1 / 0:
            pass
except ZeroDivisionError as e:
    print("guard raised:", e)

# Irrefutable pattern with a guard is fine anywhere.
def g(v):
    match v:
        case x if x == 0:
            return "zero"
        case _ if v == 1:
            return "one"
        case y:
            return f"other {y}"
print(g(0), g(1), g(2))

# Statements after the match, break/continue/return inside cases.
for i in range(6):
    match i:
        case 1:
            continue
        case 4:
            break
        case _:
            print("i =", i)
print("after loop")

def ret(v):
    match v:
        case [*_]:
            return "seq"
    return "fell through"
print(ret([1]), ret(1))

# No case matches: nothing happens.
match 123:
    case 1:
        print("no")
    case "123":
        print("no")
print("no case matched")

# Exceptions inside case bodies and nested match.
def nested(v):
    match v:
        case (a, b):
            match a:
                case int():
                    try:
                        return b / a
                    except ZeroDivisionError:
                        return "div by zero"
                case str():
                    return a + str(b)
print(nested((2, 4)), nested((0, 1)), nested(("x", 1)))

# match inside generator and with try/finally
def gen(items):
    for it in items:
        match it:
            case (k, v):
                yield f"{k}={v}"
            case str(s):
                yield s
print(list(gen([("a", 1), "b", ("c", 3)])))
def fin(v):
    try:
        match v:
            case 1:
                return "one"
            case _:
                raise ValueError("bad")
    finally:
        print("  finally for", v)
print(fin(1))
try:
    fin(2)
except ValueError as e:
    print("raised", e)
