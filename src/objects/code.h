// code objects: the compiled form of a module, class body, function or
// comprehension. Produced by src/compiler, run by src/vm.
//
// Fast-locals layout of a frame: [co_varnames...][cells (co_cellvars)...]
// [frees (co_freevars)...][value stack (co_stacksize)]. A cellvar that is
// also an argument is copied into its cell by MAKE_CELL at entry.
#pragma once
#include <vector>

#include "runtime/object.h"

namespace gilpy {

struct Tuple;
struct Str;

// Source position of one instruction (lines 1-based, columns 0-based UTF-8
// byte offsets, -1 when unknown), used by tracebacks and dis.
struct Position {
  int32_t line, end_line, col, end_col;
};

// Exception-table entry: instructions in [start, end) that raise jump to
// `target` with the value stack cut to `depth` (+1 for `lasti` when set).
struct ExcEntry {
  uint32_t start, end, target;
  uint16_t depth;
  bool lasti;
};

// Per-instruction inline cache (the CACHE word after a cacheable instruction
// holds its index). Meaning of the fields depends on the instruction:
//   LOAD_GLOBAL: key1/version = globals dict and its key-layout version,
//                key2/version2 = builtins; index = entry, kind 1 = builtins.
//   LOAD_ATTR / STORE_ATTR / LOAD_METHOD: version = the type's version;
//                kind says how the attribute resolved (vm/inline_cache.h);
//                value = the descriptor or function; index = dict-entry hint
//                or slot offset.
struct InlineCache {
  uint64_t version;
  uint64_t version2;
  void* key1;
  void* key2;
  Value value;
  int32_t index;
  uint8_t kind;
};

struct Code : Object {
  uint32_t* insns;
  int32_t ninsns;
  int32_t argcount, posonlyargcount, kwonlyargcount;
  int32_t nlocals;   // len(varnames)
  int32_t ncells, nfrees;
  int32_t stacksize;
  uint32_t flags;
  int32_t firstlineno;
  int32_t ncaches;
  // ncaches entries, zeroed (version 0 never matches); null until the code
  // first runs. Most code loaded at start-up (site, os, ...) never runs, and
  // 48 pointerful bytes per cached instruction would otherwise be live heap
  // that every collection re-marks (about 250 KB at start-up).
  InlineCache* caches;
  Tuple* consts;
  Tuple* names;
  Tuple* varnames;
  Tuple* cellvars;
  Tuple* freevars;
  int32_t* cell2arg;   // for each cell: the argument index it starts as, or -1 (null if none)
  Str* filename;
  Str* name;
  Str* qualname;
  Position* positions;  // one per instruction
  ExcEntry* exctable;
  int32_t nexc;
  Value docstring;      // or null
  // Set only on code built from Python (types.CodeType, replace()), to give
  // back what was given: co_stacksize as declared (the frames get at least the
  // depth the instructions reach), and co_linetable as passed (positions are
  // decoded from its first ninsns entries).
  int32_t declared_stacksize_plus1;  // co_stacksize + 1, or 0: co_stacksize is `stacksize`
  Value linetable_given;             // bytes, or null
};

inline int code_nlocalsplus(const Code* c) { return c->nlocals + c->ncells + c->nfrees; }
// Gives c its inline caches (eval_loop calls it before running code whose
// caches are null and ncaches > 0); false when memory is exhausted.
bool code_alloc_caches(Code* c);
int code_line_of(const Code* c, int ip);

// The byte forms of a code object's tables, as co_code, co_linetable and
// co_exceptiontable show them and types.CodeType / code.replace() read them
// back (gilpy's own formats; all little-endian, lossless):
//   co_code            one 4-byte word per instruction (opcode in the low byte,
//                      argument in the high 24 bits: bytecode/opcodes.def);
//   co_linetable       per instruction, 4 signed 32-bit numbers: line, end line,
//                      column, end column (-1: unknown);
//   co_exceptiontable  per entry, 4 unsigned 32-bit numbers: start, end, target
//                      (instruction indices) and depth | lasti << 16.
// Offsets (co_lines, co_positions, f_lasti, dis) count 2 per instruction, as
// CPython's code units, not bytes of co_code.
constexpr int kCodeWordBytes = 4, kLineEntryBytes = 16, kExcEntryBytes = 16;
const ExcEntry* code_find_handler(const Code* c, int ip);
// The value-stack depth before each instruction (-1 where unreachable);
// raises ValueError for code whose stack use is inconsistent.
Status code_stack_depths(Code* c, std::vector<int>& depth);
// An instruction after which execution never falls through (return, raise,
// re-raise, unconditional jump); takes a bytecode::Op.
bool is_terminal_op(uint8_t op);
inline bool is_code(Value v) { return has_layout(v, Layout::Code); }

}  // namespace gilpy
