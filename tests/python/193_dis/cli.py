# regen: manual -- `gilpy -m dis FILE` must print what `gilpy --dis FILE` prints (gilpy's C++
# disassembler) apart from the " at 0x..." addresses the Python dis shows in code-object reprs,
# as CPython's does; CPython has no --dis, so this expectation is gilpy's. The listing itself is
# checked in listing.py; here the two disassemblers are compared and a few lines are shown.
import re
import subprocess
import sys

def run(*args, stdin=None):
    p = subprocess.run([sys.executable, *args], capture_output=True, text=True, input=stdin)
    return p.returncode, p.stdout, p.stderr

strip = lambda s: re.sub(r" at 0x[0-9a-f]+", "", s)

rc1, native, err1 = run("--dis", "_sample.py")
rc2, python, err2 = run("-m", "dis", "_sample.py")
print(rc1, rc2, repr(err1), repr(err2))
print("same listing:", strip(python) == native, len(native.splitlines()) > 60)
print("addresses in -m dis:", len(re.findall(r"<code object \w+ at 0x", python)) >= 4)
sections = [l for l in native.splitlines() if l.startswith("Disassembly of")]
print(*sections, sep="\n")
print(*[l for l in native.splitlines() if "ExceptionTable" in l or " -> " in l], sep="\n")
print(native.splitlines()[0])

# the same through dis.dis of the compiled module
import dis, io
buf = io.StringIO()
dis.dis(compile(open("_sample.py").read(), "_sample.py", "exec"), file=buf)
print("dis.dis same:", strip(buf.getvalue()) == native)

# stdin, and errors
rc3, out3, _ = run("-m", "dis", stdin="x = 1\n")
print(rc3, out3, end="")
rc4, out4, err4 = run("-m", "dis", "no_such_file.py")
print(rc4, repr(out4), err4.splitlines()[-1])
rc5, out5, err5 = run("-m", "dis", "-h")
print(rc5, out5.splitlines()[0])
