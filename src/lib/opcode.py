"""gilpy's opcodes, for dis and other bytecode tools (replaces CPython's opcode.py).

Everything here is derived from gilpy's opcode table (src/bytecode/opcodes.def), read through
the native module _opcode; nothing is a hand-copied list. Differences from CPython 3.11 that
follow from gilpy's instruction format (32-bit words: opcode in the low 8 bits, a 24-bit
argument in the high 24):

- every instruction word has an argument field, so HAVE_ARGUMENT is 0; `hasarg` lists the
  opcodes whose argument means something (the others always have 0 there);
- there is no EXTENDED_ARG instruction: EXTENDED_ARG is None (no opcode equals it) and
  MAX_ARG is the largest argument;
- jump arguments are absolute instruction indexes: all jumps are in `hasjabs`, `hasjrel` is
  empty, and a jump's target byte offset is 2 * arg (offsets count 2 bytes per word, as
  co_lines() and co_positions() do);
- opcode numbers are gilpy's own and change when the table changes.
"""

import _opcode
from _opcode import stack_effect

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal", "hascompare",
           "hasfree", "hasnargs", "hasarg", "opname", "opmap", "HAVE_ARGUMENT", "EXTENDED_ARG",
           "MAX_ARG", "stack_effect"]

cmp_op = _opcode.cmp_op

# 256 names, as CPython's list: unused numbers are named '<N>'.
opname = ['<%r>' % (op,) for op in range(256)]
opmap = {}
for _op, _name in enumerate(_opcode.opnames):
    opname[_op] = _name
    opmap[_name] = _op


def _having(flag):
    return [op for op, flags in enumerate(_opcode.opflags) if flags & flag]


hasconst = _having(_opcode.OPF_CONST)
hasname = _having(_opcode.OPF_NAME)
hasjrel = []
hasjabs = _having(_opcode.OPF_JUMP)
haslocal = _having(_opcode.OPF_LOCAL)
hasfree = _having(_opcode.OPF_FREE)
hascompare = _having(_opcode.OPF_CMP)
hasnargs = []   # deprecated in CPython 3.11 and always empty there too
hasarg = [op for op, flags in enumerate(_opcode.opflags) if flags]

HAVE_ARGUMENT = 0
EXTENDED_ARG = None
MAX_ARG = _opcode.MAX_ARG

# BINARY_OP arguments: (name, symbol) by argument, as CPython 3.11's opcode._nb_ops.
_nb_ops = list(zip(_opcode.binop_names, _opcode.binop_symbols))

# Inline cache words following each opcode (gilpy: one CACHE word for OPF_CACHE opcodes).
_inline_cache_entries = [1 if flags & _opcode.OPF_CACHE else 0 for flags in _opcode.opflags]
_inline_cache_entries += [0] * (256 - len(_inline_cache_entries))

# gilpy does not specialise instructions in place.
_specializations = {}
_specialized_instructions = []

del _op, _name
