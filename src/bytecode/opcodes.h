// The opcode enum and metadata, all derived from opcodes.def.
#pragma once
#include <cstdint>

namespace gilpy::bytecode {

enum OpFlags : uint32_t {
  OPF_ARG = 1,      // plain integer argument
  OPF_CONST = 2,    // index into co_consts
  OPF_NAME = 4,     // index into co_names
  OPF_LOCAL = 8,    // index into co_varnames (fast locals)
  OPF_FREE = 16,    // index into cells + free variables (after the fast locals)
  OPF_JUMP = 32,    // absolute instruction index of the jump target
  OPF_CMP = 64,     // comparison operator (CmpOp)
  OPF_BINOP = 128,  // binary operator (BinOp)
  OPF_CACHE = 256,  // followed by one CACHE word
};

enum Op : uint8_t {
#define OP(name, flags, pop, push) name,
#include "bytecode/opcodes.def"
#undef OP
  NUM_OPCODES
};

// BINARY_OP arguments, numbered as CPython 3.11's NB_* so dis matches.
enum BinOp : uint8_t {
  NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY, NB_REMAINDER,
  NB_OR, NB_POWER, NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR,
  NB_INPLACE_ADD, NB_INPLACE_AND, NB_INPLACE_FLOOR_DIVIDE, NB_INPLACE_LSHIFT,
  NB_INPLACE_MATRIX_MULTIPLY, NB_INPLACE_MULTIPLY, NB_INPLACE_REMAINDER, NB_INPLACE_OR,
  NB_INPLACE_POWER, NB_INPLACE_RSHIFT, NB_INPLACE_SUBTRACT, NB_INPLACE_TRUE_DIVIDE,
  NB_INPLACE_XOR, NB_COUNT
};
constexpr int NB_INPLACE_OFFSET = NB_INPLACE_ADD - NB_ADD;
extern const char* const binop_symbol[NB_COUNT];   // "+", "&", ... "+=", ...
extern const char* const binop_name[NB_COUNT];     // "NB_ADD", ... (for dis/opcode._nb_ops)
extern const char* const binop_dunder[NB_INPLACE_ADD];   // "__add__", ...
extern const char* const binop_rdunder[NB_INPLACE_ADD];  // "__radd__", ...
extern const char* const binop_idunder[NB_INPLACE_ADD];  // "__iadd__", ...

enum CmpOp : uint8_t { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };
extern const char* const cmp_symbol[6];

struct OpInfo {
  const char* name;
  uint32_t flags;
};
extern const OpInfo op_info[NUM_OPCODES];

// Stack effect on fall-through and when the jump is taken.
int stack_effect(Op op, int arg);
int stack_effect_jump(Op op, int arg);

// A fingerprint of the instruction set (names and argument kinds in order):
// cached bytecode records it and is ignored when it differs.
uint64_t bytecode_signature();

inline uint32_t encode(Op op, uint32_t arg) { return uint32_t(op) | (arg << 8); }
inline Op op_of(uint32_t insn) { return Op(insn & 0xFF); }
inline uint32_t arg_of(uint32_t insn) { return insn >> 8; }
constexpr uint32_t kMaxArg = (1u << 24) - 1;

// Operand hints above the operator in the argument of BINARY_OP, COMPARE_OP
// and UNARY_NEGATIVE (whose operand counts as the left one), and of
// INPLACE_ADD_FAST (right). The compiler sets
// one when that operand is the direct result of a nested BINARY_OP or
// UNARY_NEGATIVE: a temporary that no name or container refers to. The eval
// loop may then reuse a float it made there instead of allocating another
// (see "fresh floats" in vm/eval.cpp). dis shows the operator alone.
constexpr uint32_t ARG_TEMP_LEFT = 1u << 16;
constexpr uint32_t ARG_TEMP_RIGHT = 1u << 17;
constexpr uint32_t ARG_TEMP_MASK = ARG_TEMP_LEFT | ARG_TEMP_RIGHT;
// The argument as CPython would show it (dis, co_code, _opcode.get_code).
inline uint32_t shown_arg(uint32_t insn) {
  Op op = op_of(insn);
  uint32_t arg = arg_of(insn);
  return op == BINARY_OP || op == COMPARE_OP || op == UNARY_NEGATIVE || op == INPLACE_ADD_FAST ? arg & ~ARG_TEMP_MASK
                                                                                          : arg;
}

// MAKE_FUNCTION flags, FORMAT_VALUE flags, code flags (CPython's values).
enum MakeFunctionFlags { MF_DEFAULTS = 1, MF_KWDEFAULTS = 2, MF_ANNOTATIONS = 4, MF_CLOSURE = 8 };
enum FormatFlags { FVC_NONE = 0, FVC_STR = 1, FVC_REPR = 2, FVC_ASCII = 3, FVC_MASK = 3, FVS_HAVE_SPEC = 4 };
enum CodeFlags : uint32_t {
  CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
  CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40, CO_COROUTINE = 0x80,
  CO_ITERABLE_COROUTINE = 0x100, CO_ASYNC_GENERATOR = 0x200,
  // `from __future__` features: set on every code object compiled with them
  // (compile(), exec() and eval() inherit them from the calling code).
  CO_FUTURE_DIVISION = 0x20000, CO_FUTURE_ABSOLUTE_IMPORT = 0x40000, CO_FUTURE_WITH_STATEMENT = 0x80000,
  CO_FUTURE_PRINT_FUNCTION = 0x100000, CO_FUTURE_UNICODE_LITERALS = 0x200000,
  CO_FUTURE_BARRY_AS_BDFL = 0x400000, CO_FUTURE_GENERATOR_STOP = 0x800000, CO_FUTURE_ANNOTATIONS = 0x1000000,
};
// The code flags that are future features (CPython's PyCF_MASK).
constexpr uint32_t CO_FUTURE_MASK = CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | CO_FUTURE_WITH_STATEMENT |
                                    CO_FUTURE_PRINT_FUNCTION | CO_FUTURE_UNICODE_LITERALS |
                                    CO_FUTURE_BARRY_AS_BDFL | CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS;
// compile() flags that are not code flags (CPython's PyCF_*).
enum CompileFlags : uint32_t {
  PyCF_SOURCE_IS_UTF8 = 0x100, PyCF_DONT_IMPLY_DEDENT = 0x200, PyCF_ONLY_AST = 0x400,
  PyCF_IGNORE_COOKIE = 0x800, PyCF_TYPE_COMMENTS = 0x1000, PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
  PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000,
  // gilpy's own, never accepted from compile(): the source is the script file
  // the command line runs (tokenizer::Options::script_path).
  GILPY_CF_SCRIPT_FILE = 0x40000000,
};

}  // namespace gilpy::bytecode
