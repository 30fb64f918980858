# Every pattern kind.
match command:
    case 0 | -1 | 1.5 | -2.5e3 | 1j | -1j | 1 + 2j | -1 - 2.5j | 0x1F:
        pass
    case "s" | b"b" | "con" "cat" | r"raw" | f"fs" | u"uni":
        pass
    case None | True | False:
        pass
    case a.b | a.b.c.d:
        pass
    case x if x > 0:
        pass
    case [] | () | [_] | (_,) | [a, b] | (a, b, c):
        pass
    case [*_] | [*rest] | [a, *rest] | [*rest, z] | [a, *_, z] | (a, *r,):
        pass
    case 1, 2:
        pass
    case *rest, last:
        pass
    case first, *_, :
        pass
    case {} | {**rest} | {"k": v} | {"k": v, **rest} | {1: a, -1: b, a.b: c, None: d,}:
        pass
    case {"k": [1, {"n": (x | y) as z}]}:
        pass
    case C() | C(a) | C(a, b,) | C(x=1) | C(x=1, y=_,) | C(a, b, x=1, y=2) | m.C(a) | m.n.C(k=v):
        pass
    case C(D(E(x))) | C([1, 2], {"a": b}):
        pass
    case (1 | 2) as n:
        pass
    case [1, 2] as seq if seq:
        pass
    case ((a)):
        pass
    case (a, b) | [a, b] if (c := a + b):
        pass
    case _ if True:
        pass
    case _:
        pass

def f():
    match x, y:
        case (0, 0):
            return 1
        case _:
            return 2

match x:
    case 1:
        match y:
            case 2: pass
            case _:
                match z:
                    case 3: pass
    # a comment between cases

    case 2: pass
