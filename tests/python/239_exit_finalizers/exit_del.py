# Objects a program leaves in module namespaces get their __del__ at exit, as
# in CPython's finalization: __main__'s first (namespace order, lists and
# dicts included), each object once even when bound to two names; then the
# other modules' in reverse import order, with an exception in __del__
# reported as "Exception ignored in" (test_struct's
# test_struct_cleans_up_at_runtime_shutdown). Run in a child process so the
# exit of that interpreter is what is checked.
# CPython's collector orders the __main__ objects by its own lists (items[1]
# before items[0]), so that part is compared sorted.
import re
import subprocess
import sys

def run(src):
    p = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, timeout=60)
    print("rc", p.returncode)
    out = p.stdout.splitlines()
    print("out", out[:1] + sorted(out[1:]))
    err = [re.sub(r"0x[0-9a-f]+", "0x...", l) for l in p.stderr.splitlines() if not l.startswith("  ")]
    print("err", err)

run("""
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = A(1)
b = c = A(2)
items = [A(3), A(4)]
table = {"k": A(5)}
print("end")
""")

run("""
import struct
class C:
    def __init__(self):
        self.pack = struct.pack
    def __del__(self):
        self.pack('I', -42)
struct.x = C()
""")

# Nothing with a __del__: nothing printed, status kept.
run("import sys; print('plain'); sys.exit(3)")

# A __del__ that prints to stdout after the program's own output and an
# atexit callback: the callback first, then the finalizer.
run("""
import atexit
class A:
    def __del__(self): print("finalized")
atexit.register(print, "atexit")
keep = A()
print("main done")
""")
