# Capture patterns, wildcards, as-patterns and the subject evaluated once.
calls = 0
def subject():
    global calls
    calls += 1
    return 42

match subject():
    case 1:
        print("one")
    case 2:
        print("two")
    case n:
        print("captured", n)
print("calls:", calls)

match [1, 2]:
    case [1, 2] as whole:
        print("whole", whole)

match (1, (2, 3)):
    case (a, (b, c) as inner) as outer:
        print(a, b, c, inner, outer)

match 5:
    case _:
        print("wildcard")

# The soft keywords are still names.
match = 3
print(match)
case = 4
print(case)
_ = 5
print(_)
def match(x):
    return x * 2
print(match(21))
match = [10, 20]
print(match[1])
match, case = 1, 2
print(match, case)

# A capture in a function is a local.
def f(v):
    match v:
        case [x, y]:
            return x + y
        case x:
            return x
print(f([1, 2]), f(7))

# Unsuccessful patterns bind nothing.
def g(v):
    match v:
        case [a, 99]:
            pass
        case _:
            pass
    try:
        return a
    except UnboundLocalError as e:
        return "unbound: " + str(e)
print(g([1, 2]))
print(g([1, 99]))

# Names bound by a matched pattern stay bound when the guard fails.
match [7, 8]:
    case [p, q] if p > q:
        print("no")
    case _:
        print("guard failed; p, q =", p, q)

# Matching in a class body and nested scopes.
class K:
    match 1:
        case one:
            pass
print(K.one)

def outer():
    match (1, 2):
        case (a, b):
            def inner():
                return a + b
    return inner()
print(outer())

# Walrus in subject and guard.
match (n := 10):
    case 10 if (m := n * 2) > 5:
        print(n, m)
