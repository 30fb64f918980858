# regen: manual -- listings of gilpy's bytecode in CPython 3.11's dis layout (CPython's own
# bytecode differs, so CPython cannot produce this file). Written by hand from CPython 3.11's
# layout rules and checked line by line: line-number column (3 wide, wider from line 1000),
# "-->" current instruction, ">>" jump/handler targets, offsets (2 per word; a CACHE word
# follows LOAD_GLOBAL/LOAD_ATTR/STORE_ATTR/LOAD_METHOD), opname padded to 20, argument
# right-aligned in 5, meaning in parentheses, blank line before each new source line, then
# the exception table; "Disassembly of ..." sections for nested code objects, depth first.
# Code-object addresses are replaced by ADDR.
import dis
import io
import re
import sys

def show(x, **kw):
    buf = io.StringIO()
    dis.dis(x, file=buf, **kw)
    print(re.sub(r" at 0x[0-9a-f]+", " at ADDR", buf.getvalue()).replace(__file__, "FILE"), end="")
    print("-" * 20)

def loop(xs):
    total = 0
    for x in xs:
        if x > 2:
            total += x
    return total

show(loop)

def outer(a, *, k=3):
    def middle(b):
        def inner():
            return a + b
        return inner
    return middle(k)

show(outer)
show(outer, depth=0)
show(outer, depth=1)

def fmt(v, w):
    return f"{v!r:>{w}} {v!s} {v}"

show(fmt)

def guarded(o):
    try:
        return o.x
    except AttributeError as e:
        return None

show(guarded)

class Point:
    def __init__(self, x):
        self.x = x
    def norm(self):
        return abs(self.x)

show(Point)
show(Point(1).norm)

def gen(n):
    yield n

show(gen(1))
show("a < b")
show("x = 1\nprint(x)")
show(Point.norm.__code__, show_caches=True)

print(dis.Bytecode(loop, current_offset=8).dis(), end="")
print(dis.Bytecode(loop, first_line=1000).dis().splitlines()[0])

def boom():
    return 1 / 0

try:
    boom()
except ZeroDivisionError:
    sys.last_traceback = sys.exc_info()[2]
show(None)
