# Constant folding follows CPython 3.11's AST optimiser: which expressions become one LOAD_CONST
# (the expected output comes from CPython), and folded code computes what unfolded code would.
import dis


def consts_loaded(src):
    """What `x = <src>` (or the statement src) compiles to: the constants it loads, in order,
    and which computing instructions remain."""
    code = compile(src if src.startswith(("x =", "for")) else "x = " + src, "<fold>", "exec")
    ins = list(dis.get_instructions(code))[:-2]  # without the final LOAD_CONST None, RETURN_VALUE
    loads = [i.argval for i in ins if i.opname == "LOAD_CONST" and not hasattr(i.argval, "co_code")]
    computing = ("BINARY_OP", "BINARY_SUBSCR", "UNARY_NEGATIVE", "UNARY_POSITIVE", "UNARY_INVERT",
                 "UNARY_NOT", "BUILD_TUPLE", "BUILD_LIST", "BUILD_SET", "CONTAINS_OP", "COMPARE_OP")
    return loads, sorted({i.opname for i in ins if i.opname in computing})


cases = [
    "-1", "+2", "~5", "not 1", "not ()", "-0.0", "- -3.5", "-(1+2j)",
    "2 ** 10", "2 ** 127", "2 ** 128", "3 ** 80", "3 ** 81", "2 ** -1", "(-2) ** 0.5", "0 ** -1",
    "1 << 100", "1 << 127", "1 << 128", "5 >> 1", "7 // 2", "7 % 3", "7.5 % 2", "1 / 0", "1 / 4",
    "'ab' * 3", "'ab' * 2048", "'ab' * 2049", "b'x' * 4096", "b'x' * 4097", "(1, 2) * 128", "(1, 2) * 129",
    "3 * 'ab'", "'a' * -1", "'%s' % 1", "b'%d' % 1", "'a' + 'b'", "'a' + 1", "(1,) + (2,)",
    "10 ** 20 * 10 ** 20", "2 ** 64 * 2 ** 64", "2 ** 64 * 2 ** 65",
    "(1, (2, 3), 'x')", "((),)", "(1, [2])", "(-1, 2 * 3)", "'abc'[1]", "(1, 2, 3)[-1]", "'abc'[5]",
    "'abc'[1:]", "{1: 2}[1]", "1 & 3 | 4 ^ 6", "1.5 * 2", "True + True", "None", "...",
    "x = [i for i in [1, 2, 3]]", "x = 1 in [1, 2]", "x = 1 in {1, 2}", "x = 1 not in [3, -4]",
    "x = 1 in [1, y]", "for i in [1, 2]: pass", "for i in {3, 4}: pass", "x = 1 < 2 in [2, 3]",
]
for src in cases:
    print(f"{src!r:34} {consts_loaded(src)}")

# Folded expressions give exactly the run-time values and types.
x, two, ab = 1, 2, "ab"
print(-1 == -x, 2 ** 10 == two ** 10, type(-0.0), str(-0.0), 1 / 4 == x / 4, 'ab' * 3 == ab * 3)
print((1, (2, 3)) == (x, (two, 3)), "abc"[1], (1, 2, 3)[-1], ~5, not 1, 7.5 % 2, -(1 + 2j))
# Folded and run-time errors raise in the same place with the same message.
for src in ("1 / 0", "'a' + 1", "'abc'[5]", "0 ** -1", "{}[1]"):
    try:
        eval(src)
    except Exception as e:
        print(src, type(e).__name__, e)
# 0.0 and -0.0, 1 and 1.0 and True stay different constants.
def f():
    return (0.0, -0.0, 1, 1.0, True, (0.0,), (-0.0,))
print(f(), [type(c).__name__ for c in f()])
