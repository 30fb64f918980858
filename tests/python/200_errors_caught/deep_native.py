# Nesting that recurses in native code without Python frames raises RecursionError.
# regen: manual -- CPython 3.11 itself overflows its C stack (SIGSEGV) on the first two cases;
# gilpy's C-stack guard turns them into RecursionError. The others match CPython.
def nest(n, f, x=()):
    for _ in range(n):
        x = f(x)
    return x

cases = [
    ("hash of nested tuples", lambda: hash(nest(300000, lambda x: (x,)))),
    ("iterator chain", lambda: list(nest(300000, lambda x: map(abs, x), [1]))),
    ("repr of nested lists", lambda: repr(nest(300000, lambda x: [x]))),
    ("== of nested lists", lambda: nest(300000, lambda x: [x]) == nest(300000, lambda x: [x])),
    ("generator chain", lambda: next(nest(100000, lambda g: (y for y in g), [1]))),
]
for name, f in cases:
    try:
        f()
        print(name, "ok")
    except RecursionError:
        print(name, "RecursionError")
print(hash(nest(50, lambda x: (x,))) == hash(nest(50, lambda x: (x,))), list(map(abs, map(abs, [-1, -2]))))
