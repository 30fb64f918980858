# regen: manual -- a listing of gilpy's bytecode (CPython's differs: RESUME where gilpy has its prologue NOP, inline CACHE entries);
# the expected output was written by hand from CPython 3.11's layout and checked line by line.
# `n += 1` on a global is three instructions, LOAD_GLOBAL, BINARY_OP 13 (+=), STORE_GLOBAL, each on
# its own line of the listing (the issue asks for exactly this).
import dis
import io
import re

def f():
    global n
    n += 1

dis.dis(f)

buf = io.StringIO()
dis.dis(f, file=buf)
lines = [line for line in buf.getvalue().splitlines() if line.strip()]
rows = [line.split() for line in lines]
names = [re.search(r"\b[A-Z][A-Z_]+\b", line).group() for line in lines]
print(names)
i = names.index("LOAD_GLOBAL")
print(names[i:i + 4])
print([r for r in rows if "BINARY_OP" in r])
print([(x.opname, x.argrepr) for x in dis.get_instructions(f)
       if x.opname in ("LOAD_GLOBAL", "BINARY_OP", "STORE_GLOBAL")])
n = 41
f()
print(n)
