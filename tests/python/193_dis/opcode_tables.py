# The opcode tables of dis/opcode: properties that hold for CPython's and gilpy's own
# instruction sets alike (the numbers differ, the relations must not).
import dis
import opcode

print(dis.opname is opcode.opname, dis.opmap is opcode.opmap, dis.cmp_op == opcode.cmp_op)
print(len(opcode.opname))
# opmap and opname are inverse of each other
print(all(opcode.opname[op] == name for name, op in opcode.opmap.items()))
print(len(set(opcode.opmap.values())) == len(opcode.opmap))
print(all(name.startswith('<') for op, name in enumerate(opcode.opname) if name not in opcode.opmap))
print(opcode.cmp_op[:6])

def has(listname, *names):
    lst = getattr(opcode, listname)
    return [n for n in names if opcode.opmap[n] not in lst]

# every name the listing tests rely on exists, in the right has* list (empty list: all found)
print("hasconst", has("hasconst", "LOAD_CONST"))
print("hasname", has("hasname", "LOAD_NAME", "STORE_NAME", "LOAD_GLOBAL", "STORE_GLOBAL",
                     "LOAD_ATTR", "STORE_ATTR", "IMPORT_NAME", "IMPORT_FROM", "LOAD_METHOD"))
print("haslocal", has("haslocal", "LOAD_FAST", "STORE_FAST", "DELETE_FAST"))
print("hasfree", has("hasfree", "LOAD_DEREF", "STORE_DEREF", "LOAD_CLOSURE"))
print("hascompare", has("hascompare", "COMPARE_OP"))
jumps = set(opcode.hasjrel) | set(opcode.hasjabs)
print("jumps", [n for n in ("FOR_ITER", "JUMP_FORWARD", "JUMP_BACKWARD") if opcode.opmap[n] not in jumps])
# the lists are disjoint where CPython's are
print(set(opcode.hasconst) & set(opcode.hasname), set(opcode.haslocal) & set(opcode.hasfree),
      set(opcode.hasjrel) & set(opcode.hasjabs))
# nothing without an argument is in a has* list
print(all(op >= opcode.HAVE_ARGUMENT for lst in (opcode.hasconst, opcode.hasname, opcode.haslocal,
                                               opcode.hasfree, opcode.hascompare, opcode.hasjabs,
                                               opcode.hasjrel) for op in lst))

# stack effects
se = dis.stack_effect
m = opcode.opmap
print(se(m["LOAD_CONST"], 0), se(m["POP_TOP"]), se(m["STORE_NAME"], 3), se(m["BUILD_LIST"], 3),
      se(m["BUILD_MAP"], 2), se(m["BINARY_OP"], 0), se(m["RETURN_VALUE"]), se(m["UNPACK_SEQUENCE"], 3))
print(se(m["FOR_ITER"], 4), se(m["FOR_ITER"], 4, jump=True), se(m["FOR_ITER"], 4, jump=False))
print(se(m["GET_ITER"], jump=True), se(m["GET_ITER"], jump=False))
for args, kw in (((m["POP_TOP"], 1), {}), ((m["LOAD_CONST"],), {}), ((m["LOAD_CONST"], 0), {"jump": 1}),
                 ((opcode.opmap["LOAD_CONST"], None), {})):
    try:
        se(*args, **kw)
    except ValueError as e:
        print("ValueError:", e)
print(opcode.stack_effect is dis.stack_effect)
