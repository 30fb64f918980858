// Opcode metadata tables derived from opcodes.def.
#include "bytecode/opcodes.h"
#include "compiler_hash.h"  // generated: GILPY_COMPILER_HASH (tools/compiler-hash.cmake)

namespace gilpy::bytecode {

const OpInfo op_info[NUM_OPCODES] = {
#define OP(name, flags, pop, push) {#name, flags},
#include "bytecode/opcodes.def"
#undef OP
};

int stack_effect(Op op, int arg) {
  switch (op) {
#define OP(name, flags, pop, push) \
  case name:                       \
    return (push) - (pop);
#include "bytecode/opcodes.def"
#undef OP
    default:
      return 0;
  }
}

int stack_effect_jump(Op op, int arg) {
  switch (op) {
    case FOR_ITER: return -1;          // exhausted: the iterator is popped
    case SEND: return -1;              // returned: receiver and value replaced by the result
    case JUMP_IF_FALSE_OR_POP:
    case JUMP_IF_TRUE_OR_POP: return 0;  // the tested value stays
    default: return stack_effect(op, arg);
  }
}

// Computed once: every code object loaded from a cache checks it.
static uint64_t compute_bytecode_signature() {
  uint64_t h = 1469598103934665603ull;
  for (int i = 0; i < NUM_OPCODES; i++) {
    for (const char* p = op_info[i].name; *p; p++) h = (h ^ uint64_t(static_cast<unsigned char>(*p))) * 1099511628211ull;
    h = (h ^ op_info[i].flags) * 1099511628211ull;
  }
  return h ^ GILPY_COMPILER_HASH;
}
uint64_t bytecode_signature() {
  static const uint64_t sig = compute_bytecode_signature();
  return sig;
}

const char* const binop_symbol[NB_COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
#define NB_NAMES(P)                                                                          \
  #P "ADD", #P "AND", #P "FLOOR_DIVIDE", #P "LSHIFT", #P "MATRIX_MULTIPLY", #P "MULTIPLY",   \
      #P "REMAINDER", #P "OR", #P "POWER", #P "RSHIFT", #P "SUBTRACT", #P "TRUE_DIVIDE", #P "XOR"
const char* const binop_name[NB_COUNT] = {NB_NAMES(NB_), NB_NAMES(NB_INPLACE_)};
#undef NB_NAMES
static_assert(NB_COUNT == 2 * NB_INPLACE_OFFSET);
const char* const binop_dunder[NB_INPLACE_ADD] = {
    "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__", "__mul__", "__mod__",
    "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__", "__xor__"};
const char* const binop_rdunder[NB_INPLACE_ADD] = {
    "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmul__",
    "__rmod__", "__ror__", "__rpow__", "__rrshift__", "__rsub__", "__rtruediv__", "__rxor__"};
const char* const binop_idunder[NB_INPLACE_ADD] = {
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__",
    "__imod__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__"};
const char* const cmp_symbol[6] = {"<", "<=", "==", "!=", ">", ">="};

}  // namespace gilpy::bytecode
