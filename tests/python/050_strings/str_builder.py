# s += t on a local extends a private builder in place (INPLACE_ADD_FAST); no alias may see it change.
# Aliasing must never see a builder being extended.
def f():
    s = "ab"
    s += "cd"
    t = s           # shared
    s += "ef"
    s += "gh"
    lst = []
    for i in range(5):
        s += str(i)
        lst.append(s)
    u = "x"
    u += u
    u += u
    v = ""
    v += "abc"      # v is the constant "abc" now
    v += "d"
    w = "é"
    w += "ü"
    w += "z"
    return t, s, lst, u, v, w, len(w), hash(s) == hash("abcdefgh01234"), s == "abcdefgh01234"
print(f())
def g():
    s = "a"
    for i in range(3):
        s += "b"
        d = {s: i}
        s += "c"
        print(d, s)
    x = "q"
    x += "r"
    loc = locals()
    x += "s"
    print(loc["x"], x)
    y = 1
    y += 2
    z = [1]
    z += [2]
    k = 1.5
    k += 1
    return y, z, k
print(g())
def h(n):
    out = ""
    for i in range(n):
        out += "%d," % i
    return out
print(len(h(100000)), h(5))
class S(str): pass
def sub():
    s = S("a")
    s += "b"
    r = "a"
    r += S("b")
    return type(s).__name__, type(r).__name__, s, r
print(sub())
def gen():
    s = "g"
    for i in range(3):
        s += "h"
        yield s
print(list(gen()))
