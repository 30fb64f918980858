# code_info / show_code / pretty_flags / COMPILER_FLAG_NAMES / findlinestarts: the parts that
# do not depend on the instruction set (stack size and some flags do, and are left out).
import dis
import io

def outer(a, b=1, /, c=2, *args, d, **kw):
    "doc"
    x = a
    def inner():
        return x + d
    return inner

def keep(text):
    """code_info without stack size, flags and constants (gilpy's differ from CPython's)."""
    out, in_consts = [], False
    for line in text.splitlines():
        if not line.startswith("   "):
            in_consts = line == "Constants:"
        if not (in_consts or line.startswith(("Stack size", "Flags"))):
            out.append(line)
    return "\n".join(out)

print(keep(dis.code_info(outer)).replace(__file__, "FILE"))
print(keep(dis.code_info(outer(1, d=2))).replace(__file__, "FILE"))
buf = io.StringIO()
dis.show_code(outer, file=buf)
print(buf.getvalue() == dis.code_info(outer) + "\n")
print(dis.code_info("a = 1").splitlines()[:2])
print(dis.code_info("a + 1").splitlines()[:2])
print(sorted(dis.COMPILER_FLAG_NAMES.items()))
print(dis.pretty_flags(0x3), "|", dis.pretty_flags(0x20 | 0x200), "|", dis.pretty_flags(0x100000 | 1), "|",
      dis.pretty_flags(0))
print("VARARGS" in dis.pretty_flags(outer.__code__.co_flags), "VARKEYWORDS" in dis.pretty_flags(outer.__code__.co_flags))
def g():
    yield 1
print("GENERATOR" in dis.pretty_flags(g.__code__.co_flags))
# findlinestarts: one (offset, line) for each new line, offsets increasing
src = "a = 1\nb = 2\n\nif a:\n    c = 3\n"
co = compile(src, "<s>", "exec")
starts = list(dis.findlinestarts(co))
print(sorted(set(l for _, l in starts if l)), [o for o, _ in starts] == sorted(o for o, _ in starts), starts[0][0])
