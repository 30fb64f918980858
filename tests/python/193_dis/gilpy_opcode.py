# regen: manual -- gilpy's own instruction format as opcode/dis describe it (CPython's differs):
# 32-bit words with a 24-bit argument and no EXTENDED_ARG, absolute jumps (target offset =
# 2 * arg), one CACHE word after cacheable instructions, co_code as the 4-byte little-endian words.
import _opcode
import dis
import opcode

print(opcode.HAVE_ARGUMENT, opcode.EXTENDED_ARG, opcode.MAX_ARG == 2 ** 24 - 1, opcode.hasjrel, opcode.hasnargs)
# the tables come from the native opcode table
print(len(_opcode.opnames) == len(opcode.opmap), list(_opcode.opnames) == opcode.opname[:len(_opcode.opnames)])
print(opcode.opname[0], opcode.opname[255] == "<255>")
args = set(opcode.hasarg)
print(all(set(lst) <= args for lst in (opcode.hasconst, opcode.hasname, opcode.haslocal, opcode.hasfree,
                                       opcode.hasjabs, opcode.hascompare)))
print([n for n in ("BINARY_OP", "CALL", "COPY", "IS_OP") if opcode.opmap[n] not in args],
      [n for n in ("RETURN_VALUE", "POP_TOP", "GET_ITER", "CACHE") if opcode.opmap[n] in args])
print([opcode.opname[op] for op in opcode.hasjabs])
print([opcode.opname[op] for op in opcode.hascompare], [opcode.opname[op] for op in opcode.hasconst])
print([opcode.opname[op] for op, n in enumerate(opcode._inline_cache_entries) if n])
print(opcode._nb_ops[0], opcode._nb_ops[13], opcode._nb_ops[-1], len(opcode._nb_ops))
se = opcode.stack_effect
m = opcode.opmap
print(se(m["CALL"], 2), se(m["MAKE_FUNCTION"], 8), se(m["MAKE_FUNCTION"], 15), se(m["UNPACK_EX"], 1 + (2 << 8)),
      se(m["JUMP_IF_TRUE_OR_POP"], 7), se(m["JUMP_IF_TRUE_OR_POP"], 7, jump=True),
      se(m["JUMP_IF_TRUE_OR_POP"], 7, jump=False), se(m["SEND"], 3, jump=True), se(m["SEND"], 3, jump=False))
for arg in (2 ** 24, -1):
    try:
        se(m["LOAD_CONST"], arg)
    except ValueError as e:
        print("ValueError:", e)
try:
    se(len(_opcode.opnames))
except ValueError as e:
    print("ValueError:", e)

def f(xs):
    for x in xs:
        if x:
            break
    return len(xs)

code = _opcode.get_code(f.__code__)
ins = list(dis.get_instructions(f))
print(len(f.__code__.co_code) == 4 * len(code), f.__code__.co_code[::4] == bytes(op for op, _ in code))
print(list(f.__code__.co_lines())[-1][1] == 2 * len(code), len(list(f.__code__.co_positions())) == len(code))
for i in ins:
    if i.opcode in opcode.hasjabs:
        print(i.opname, i.arg, i.argval, i.argrepr, code[i.offset // 2] == (i.opcode, i.arg))
print(dis.findlabels(f), sorted(i.offset for i in ins if i.is_jump_target))
glob = [i for i in dis.get_instructions(f, show_caches=True) if i.opname in ("LOAD_GLOBAL", "CACHE")]
print([(i.opname, i.offset) for i in glob])
print(_opcode.get_exception_table(f.__code__))

def g():
    try:
        pass
    finally:
        print()

print(_opcode.get_exception_table(g.__code__) != (), dis._parse_exception_table(g.__code__)[0][:3])
for bad in (b"\x01\x00", 3):
    try:
        dis.dis(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    _opcode.get_code(f)
except TypeError as e:
    print("TypeError:", e)
