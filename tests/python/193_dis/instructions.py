# get_instructions / Instruction / Bytecode over small functions: properties that hold for any
# bytecode (so the expected output comes from CPython), each able to fail.
import dis
import opcode

def simple(a, b):
    c = a + b
    if c > 10:
        return "big"
    for i in range(c):
        b = b * i
    return b

co = simple.__code__
ins = list(dis.get_instructions(simple))
print(type(ins[0]).__name__, dis.Instruction._fields)
print(all(isinstance(i, dis.Instruction) for i in ins))
offs = [i.offset for i in ins]
print(offs == sorted(offs), len(set(offs)) == len(offs), all(o % 2 == 0 for o in offs))
# opname/opcode agree with the tables
print(all(dis.opname[i.opcode] == i.opname and dis.opmap[i.opname] == i.opcode for i in ins))
# arg is None exactly when the opcode takes no argument (gilpy lists those in opcode.hasarg, as
# CPython 3.12 does; in 3.11 they are the opcodes from HAVE_ARGUMENT on)
hasarg = getattr(opcode, "hasarg", range(dis.HAVE_ARGUMENT, 256))
print(all((i.arg is None) == (i.opcode not in hasarg) for i in ins))
print(sum(i.arg is None for i in ins) >= 2, sum(i.arg is not None for i in ins) >= 10)
# resolved arguments
loads = [(i.argval, i.argrepr) for i in ins if i.opname == "LOAD_FAST"]
print(sorted(set(loads)))
stores = sorted(set(i.argval for i in ins if i.opname == "STORE_FAST"))
print(stores)
print([i.argval for i in ins if i.opname == "LOAD_CONST" and i.argval == "big"], 
      [i.argrepr for i in ins if i.opname == "LOAD_CONST" and i.argval == "big"])
print([i.argrepr for i in ins if i.opname == "COMPARE_OP"])
print([i.argrepr for i in ins if i.opname == "BINARY_OP"])
print([i.argval for i in ins if i.opname == "LOAD_GLOBAL"])
# every jump lands on an instruction marked as a jump target, and says so in argrepr
jumps = [i for i in ins if i.opcode in dis.hasjabs or i.opcode in dis.hasjrel]
print(len(jumps) >= 3)
by_off = {i.offset: i for i in ins}
print(all(j.argval in by_off and by_off[j.argval].is_jump_target for j in jumps))
print(all(j.argrepr == "to %d" % j.argval for j in jumps))
# line starts: one per source line of the body, matching findlinestarts
starts = [(i.offset, i.starts_line) for i in ins if i.starts_line is not None]
print(sorted(set(l for _, l in starts if l > co.co_firstlineno)))
print(dict(starts) == {o: l for o, l in dis.findlinestarts(co) if o in by_off})
print([p.lineno for p in (i.positions for i in ins if i.opname == "COMPARE_OP")])
pos = [i.positions for i in ins if i.opname == "BINARY_OP"][0]
print(type(pos).__name__, pos._fields, pos.lineno, pos.end_lineno, pos.col_offset, pos.end_col_offset)
# first_line shifts starts_line
shifted = [i.starts_line for i in dis.get_instructions(simple, first_line=100) if i.starts_line]
print(shifted[-1] - max(l for _, l in starts) == 100 - co.co_firstlineno)

# Bytecode: iteration gives the same instructions; source strings compile (eval first)
bc = dis.Bytecode(simple)
print(list(bc) == ins, bc.codeobj is co, bc.first_line == co.co_firstlineno, repr(bc).startswith("Bytecode(<function simple"))
print([i.opname for i in dis.Bytecode("x")][-2:] in (["LOAD_NAME", "RETURN_VALUE"],))
print(dis.Bytecode(simple, first_line=50).first_line)
listing = bc.dis()
print(listing.count("\n") >= len(ins), "LOAD_FAST" in listing, "(big)" not in listing, "('big')" in listing)
print(bc.info() == dis.code_info(simple))
# a generator, a method and a code object disassemble to the same instructions as the function
def gen(x):
    yield x
class K:
    def meth(self):
        return self
print(list(dis.get_instructions(gen(1))) == list(dis.get_instructions(gen)))
print(list(dis.get_instructions(K().meth)) == list(dis.get_instructions(K.meth.__code__)))
try:
    dis.get_instructions(42)
except TypeError as e:
    print("TypeError:", e)
# coroutines and async generators disassemble through cr_code / ag_code
async def coro(x):
    await x
async def agen():
    yield 1
cr = coro(None)
print(list(dis.get_instructions(cr)) == list(dis.get_instructions(coro)), dis.Bytecode(cr).codeobj is coro.__code__)
cr.close()
print(list(dis.get_instructions(agen())) == list(dis.get_instructions(agen)), dis.Bytecode(agen()).codeobj is agen.__code__)
