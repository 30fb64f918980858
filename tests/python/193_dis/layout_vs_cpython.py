# The listing layout against CPython 3.11's own dis, on code where the two instruction sets
# coincide (straight-line expressions over locals). The columns that depend on the instruction
# set (line, markers, offsets) are checked by pattern and then masked; opname, argument and
# argument meaning must read exactly as CPython prints them. Expected output comes from CPython.
import dis
import io
import re

ROW = re.compile(r"^(   |[ \d]{3}) (   |-->) (  |>>) ([ \d]{4}) (\S.*)$")

def rows(f, keep):
    buf = io.StringIO()
    dis.dis(f, file=buf)
    out = []
    for line in buf.getvalue().splitlines():
        if not line:
            continue
        m = ROW.match(line)
        if not m:
            out.append("UNEXPECTED: " + line)
            continue
        body = m.group(5)
        if body.split()[0] in keep:
            out.append("|" + body)
    return out

KEEP = {"LOAD_FAST", "STORE_FAST", "COMPARE_OP", "IS_OP", "CONTAINS_OP", "BINARY_OP", "BUILD_TUPLE",
        "BUILD_LIST", "BUILD_SET", "BUILD_MAP", "UNARY_NEGATIVE", "UNARY_NOT", "UNARY_INVERT",
        "BINARY_SUBSCR", "STORE_SUBSCR", "DELETE_FAST", "LIST_TO_TUPLE", "BUILD_SLICE",
        "UNPACK_SEQUENCE", "SWAP", "COPY", "STORE_GLOBAL", "STORE_ATTR",
        "FORMAT_VALUE", "BUILD_STRING", "UNPACK_EX"}

def exprs(a, b, c):
    x = (a < b, a is not b, a in b, a + b, a ** c, -a, not b, ~c, a[b], a[b:c])
    y = [a, b], {a, b}, {a: b}
    a[b] = c
    a //= b
    s = f"{a!r}{b:>{c}}"
    del x
    return y

def aug(lst, i):
    global G
    lst[i] += 1
    G = lst @ i
    lst.attr = i >> lst | i & lst ^ i % lst - i / lst
    a, b, *c = lst

for f in (exprs, aug):
    print(f.__name__)
    print(*rows(f, KEEP), sep="\n")
