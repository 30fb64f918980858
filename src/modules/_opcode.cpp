// _opcode: gilpy's opcode table (bytecode/opcodes.def) and a code object's
// instructions, for the Python-source opcode.py and dis.py in src/lib. The
// module only exposes data; the has* lists, Instruction objects and listings
// are built in Python from these tables, never from a hand-copied list.
//
//   opnames, opflags       name and OPF_* argument kind of each opcode, by number
//   OPF_ARG ... OPF_CACHE  the flag bits (bytecode/opcodes.h)
//   cmp_op, binop_symbols, binop_names   COMPARE_OP and BINARY_OP argument tables
//   MAX_ARG                the largest argument (24 bits: gilpy has no EXTENDED_ARG)
//   stack_effect(opcode, oparg=None, /, *, jump=None)   as CPython's _opcode.stack_effect
//   get_code(code)         tuple of (opcode, arg) per instruction word, CACHE words
//                          included; word i is at byte offset 2*i (as co_lines() counts)
//   get_exception_table(code)   tuple of (start, end, target, depth, lasti), in
//                          instruction indices, end exclusive
#include "bytecode/opcodes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"

namespace gilpy {

using namespace bytecode;

static Result<Value> op_stack_effect(Value* a, int64_t n, Tuple* kw) {
  Value v[3];
  TRY(parse_args("stack_effect", a, n, kw, {"opcode", "oparg", "jump"}, 1, v, 2, 2));
  int64_t op = TRY(as_index(v[0]));
  if (op < 0 || op >= NUM_OPCODES) return raise(tp_ValueError, "invalid opcode or oparg");
  int64_t arg = 0;
  bool has_oparg = v[1] && !is_none(v[1]);
  if (op_info[op].flags != 0) {
    if (!has_oparg) return raise(tp_ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
    arg = TRY(as_index(v[1]));
    if (arg < 0 || arg > int64_t(kMaxArg)) return raise(tp_ValueError, "invalid opcode or oparg");
  } else if (has_oparg) {
    return raise(tp_ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
  }
  int jump = -1;  // None: the larger of the two effects
  if (v[2] && !is_none(v[2])) {
    if (v[2] == True()) jump = 1;
    else if (v[2] == False()) jump = 0;
    else return raise(tp_ValueError, "stack_effect: jump must be False, True or None");
  }
  int fall = stack_effect(Op(op), int(arg));
  int taken = (op_info[op].flags & OPF_JUMP) ? stack_effect_jump(Op(op), int(arg)) : fall;
  int r = jump == 1 ? taken : jump == 0 ? fall : (taken > fall ? taken : fall);
  return Value::small(r);
}

static Result<Code*> code_arg(const char* fname, Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, n, 1, 1));
  if (!is_code(a[0])) return raise(tp_TypeError, std::string(fname) + "() argument must be a code object");
  return a[0].as<Code>();
}

static Result<Value> op_get_code(Value* a, int64_t n, Tuple* kw) {
  Code* c = TRY(code_arg("get_code", a, n, kw));
  Tuple* t = tuple_new(c->ninsns);
  for (int i = 0; i < c->ninsns; i++) {
    t->items[i] = Value(tuple_of({Value::small(op_of(c->insns[i])), Value::small(int64_t(shown_arg(c->insns[i])))}));
  }
  return Value(t);
}

static Result<Value> op_get_exception_table(Value* a, int64_t n, Tuple* kw) {
  Code* c = TRY(code_arg("get_exception_table", a, n, kw));
  Tuple* t = tuple_new(c->nexc);
  for (int i = 0; i < c->nexc; i++) {
    const ExcEntry& e = c->exctable[i];
    t->items[i] = Value(tuple_of({Value::small(e.start), Value::small(e.end), Value::small(e.target),
                                  Value::small(e.depth), Bool(e.lasti)}));
  }
  return Value(t);
}

static const MethodDef functions[] = {{"stack_effect", op_stack_effect},
                                      {"get_code", op_get_code},
                                      {"get_exception_table", op_get_exception_table},
                                      {nullptr, nullptr}};

static Tuple* str_tuple(const char* const* items, int n) {
  Tuple* t = tuple_new(n);
  for (int i = 0; i < n; i++) t->items[i] = Value(str_intern(items[i]));
  return t;
}

static Result<Value> init() {
  Module* m = native_module_new("_opcode", functions, "gilpy's opcode table and code-object access for dis.");
  auto set = [&](const char* name, Value v) { dict_set_str(m->dict, str_intern(name), v); };
  Tuple* names = tuple_new(NUM_OPCODES);
  Tuple* flags = tuple_new(NUM_OPCODES);
  for (int i = 0; i < NUM_OPCODES; i++) {
    names->items[i] = Value(str_intern(op_info[i].name));
    flags->items[i] = Value::small(op_info[i].flags);
  }
  set("opnames", Value(names));
  set("opflags", Value(flags));
  set("cmp_op", Value(str_tuple(cmp_symbol, 6)));
  set("binop_symbols", Value(str_tuple(binop_symbol, NB_COUNT)));
  set("binop_names", Value(str_tuple(binop_name, NB_COUNT)));
  set("MAX_ARG", Value::small(kMaxArg));
  set("OPF_ARG", Value::small(OPF_ARG));
  set("OPF_CONST", Value::small(OPF_CONST));
  set("OPF_NAME", Value::small(OPF_NAME));
  set("OPF_LOCAL", Value::small(OPF_LOCAL));
  set("OPF_FREE", Value::small(OPF_FREE));
  set("OPF_JUMP", Value::small(OPF_JUMP));
  set("OPF_CMP", Value::small(OPF_CMP));
  set("OPF_BINOP", Value::small(OPF_BINOP));
  set("OPF_CACHE", Value::small(OPF_CACHE));
  return Value(m);
}
GILPY_NATIVE_MODULE("_opcode", init);

}  // namespace gilpy
