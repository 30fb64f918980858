# Sequence patterns: fixed length, star captures, nesting, what counts as a sequence.
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case [first, *rest] if len(rest) > 3:
            return f"long first={first!r} rest={rest!r}"
        case [first, *middle, last]:
            return f"first={first!r} middle={middle!r} last={last!r}"

for v in [[], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4, 5, 6), range(3), range(10), "ab", b"ab",
          bytearray(b"ab"), {1: 2}, {1, 2}, iter([1, 2]), 12]:
    print(type(v).__name__, seq(v))

match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print("nested", a, b, c, d)

match (1, 2, 3, 4, 5):
    case (1, *_, 5):
        print("star wildcard, ends match")
match [1, 2, 3, 4, 5]:
    case [*_, 4, x]:
        print("negative index from the end", x)
match [1, 2]:
    case [*_]:
        print("any sequence")
match "abc":
    case [*_]:
        print("str is a sequence?!")
    case str():
        print("str is not a sequence pattern subject")

match [1, 2, 3]:
    case [*head, 3]:
        print("head", head, type(head).__name__)
match (1, 2, 3):
    case (1, *tail):
        print("tail", tail, type(tail).__name__)
match []:
    case [*everything]:
        print("everything", everything)

# Open sequence patterns (no brackets) and parenthesised ones.
match 1, 2:
    case a, b:
        print("open", a, b)
match (1,):
    case (x,):
        print("one-tuple", x)
match ():
    case ():
        print("empty tuple pattern")
match [1, 2]:
    case 1, *rest:
        print("open with star", rest)

# Subclasses of list/tuple are sequences.
class MyList(list):
    pass
match MyList([1, 2]):
    case [a, b]:
        print("MyList", a, b)

# Length mismatch.
match [1, 2, 3]:
    case [a, b]:
        print("no")
    case [a, b, c, d]:
        print("no")
    case [a, b, c]:
        print("exactly three")
