# Value and singleton patterns: numbers, strings, bytes, complex, None/True/False.
def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imag"
        case -1 + 2j:
            return "complex"
        case 3 - 4j:
            return "complex2"
        case "hello":
            return "greeting"
        case "a" "b":
            return "concatenated"
        case b"raw":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case _:
            return "other"

for v in [0, 1, 2, 3, -1, 1.5, 2j, -1 + 2j, 3 - 4j, "hello", "ab", b"raw", None, True, False,
          4, "x", 0.0, 1.0, [], ()]:
    print(repr(v), "->", classify(v))

# True matches the singleton pattern only by identity, but 1 == True for value patterns.
match 1:
    case True:
        print("1 is True?")
    case _:
        print("1 is not True")
match True:
    case 1:
        print("True == 1")
match 0.0:
    case False:
        print("bad")
    case 0:
        print("0.0 == 0")

# Hex, octal, underscores.
for v in [255, 8, 1000000]:
    match v:
        case 0xff:
            print("hex")
        case 0o10:
            print("octal")
        case 1_000_000:
            print("million")
