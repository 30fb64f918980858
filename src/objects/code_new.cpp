// Code objects built from Python: types.CodeType(...) with CPython 3.11's 18
// positional arguments, and code.replace(**changes). Both read gilpy's own
// table formats (objects/code.h: co_code, co_linetable, co_exceptiontable),
// so CodeType(*fields_of(c)) and c.replace() rebuild c exactly.
//
// CPython runs whatever bytecode it is given (and may crash on bad input);
// gilpy checks the instructions before accepting them, because the eval loop
// indexes tables with instruction arguments unchecked: every argument must be
// in range for its kind (constant, name, local, cell, jump target, operator),
// every instruction with an inline cache must be followed by its CACHE word,
// the exception table must be sorted and in range, and no path may pop below
// the bottom of the stack or run off the end of the code. The stack size used
// is at least the depth the instructions reach (CPython trusts co_stacksize).
#include <algorithm>
#include <string>
#include <vector>

#include "bytecode/opcodes.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

Value code_bytes(const Code* c);
Value code_linetable(const Code* c);
Value code_exceptiontable(const Code* c);

namespace {

// Everything a code object is made from, as Python values (CPython's order).
struct CodeSpec {
  int argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, firstlineno;
  Bytes* code;
  Tuple* consts;
  Tuple* names;
  Tuple* varnames;
  Str* filename;
  Str* name;
  Str* qualname;
  Bytes* linetable;
  Bytes* exceptiontable;
  Tuple* freevars;
  Tuple* cellvars;
};

uint32_t get32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) v |= uint32_t(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

// A tuple of names, each made an exact, interned str (the VM compares names
// by identity). CPython's validate_and_copy_tuple.
Result<Tuple*> name_tuple(Tuple* t) {
  Tuple* out = tuple_new(t->size);
  for (int64_t i = 0; i < t->size; i++) {
    Value v = t->items[i];
    if (!is_str(v))
      return raise_fmt(tp_TypeError, "name tuples must contain only strings, not '%s'", type_name(v));
    out->items[i] = Value(str_intern(as_str(v)));
  }
  return out;
}

Err bad_code(int ip, const std::string& why) {
  return raise_fmt(tp_ValueError, "code: invalid gilpy bytecode at offset %d: %s", ip * 2, why.c_str());
}

// Argument ranges, inline-cache words, the exception table.
Status check_instructions(Code* c) {
  int nconsts = int(c->consts->size), nnames = int(c->names->size);
  int ncache = 0;
  for (int i = 0; i < c->ninsns; i++) {
    uint32_t w = c->insns[i];
    if (op_of(w) >= NUM_OPCODES) return bad_code(i, "unknown opcode " + std::to_string(op_of(w)));
    Op op = op_of(w);
    uint32_t arg = arg_of(w), flags = op_info[op].flags;
    auto out_of_range = [&](const char* what) { return bad_code(i, std::string(op_info[op].name) + " argument out of range of " + what); };
    if ((flags & OPF_CONST) && arg >= uint32_t(nconsts)) return out_of_range("co_consts");
    if ((flags & OPF_NAME) && arg >= uint32_t(nnames)) return out_of_range("co_names");
    if ((flags & OPF_LOCAL) && arg >= uint32_t(c->nlocals)) return out_of_range("co_varnames");
    if ((flags & OPF_FREE) && arg >= uint32_t(c->ncells + c->nfrees)) return out_of_range("the cell and free variables");
    if ((flags & OPF_JUMP) && arg >= uint32_t(c->ninsns)) return out_of_range("the instructions");
    if ((flags & OPF_BINOP) && shown_arg(w) >= NB_COUNT) return out_of_range("the binary operators");
    if ((flags & OPF_CMP) && shown_arg(w) > CMP_GE) return out_of_range("the comparison operators");
    if (op == KW_NAMES) {
      Value names = c->consts->items[arg];
      bool ok = is_tuple(names);
      for (int64_t k = 0; ok && k < as_tuple(names)->size; k++) ok = is_str(as_tuple(names)->items[k]);
      if (!ok) return bad_code(i, "KW_NAMES constant is not a tuple of names");
    }
    if (flags & OPF_CACHE) {
      if (i + 1 >= c->ninsns || op_of(c->insns[i + 1]) != CACHE)
        return bad_code(i, std::string(op_info[op].name) + " is not followed by its CACHE word");
    }
    if (op == CACHE) ncache = std::max(ncache, int(arg) + 1);
  }
  c->ncaches = ncache;
  c->caches = nullptr;  // allocated when the code first runs (code_alloc_caches)
  uint32_t prev_end = 0;
  for (int i = 0; i < c->nexc; i++) {
    const ExcEntry& e = c->exctable[i];
    if (e.start >= e.end || e.end > uint32_t(c->ninsns) || e.target >= uint32_t(c->ninsns) || e.start < prev_end)
      return raise(tp_ValueError, "code: co_exceptiontable is malformed");
    prev_end = e.end;
  }
  return OK();
}

bool is_terminal(Op op) {
  return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE || op == JUMP_FORWARD || op == JUMP_BACKWARD;
}

// The value-stack depth before each instruction (-1 where unreachable), on
// every path from the entry and from each exception handler, as the
// assembler computes it; an error if a path pops below the bottom or runs
// off the end. *maxd receives the deepest point.
Status stack_depths(Code* c, std::vector<int>& depth, int* maxd_out) {
  int n = c->ninsns;
  depth.assign(size_t(n), -1);
  std::vector<int> work;
  int maxd = 0;
  auto reach = [&](int i, int d) -> Status {
    if (d < 0) return bad_code(i, "the stack underflows");
    if (i >= n) return bad_code(n - 1, "execution runs off the end of the code");
    if (depth[size_t(i)] < 0) {
      depth[size_t(i)] = d;
      work.push_back(i);
    }
    return OK();
  };
  if (maxd_out) *maxd_out = 0;
  if (n == 0) return OK();
  TRY(reach(0, 0));
  for (int i = 0; i < c->nexc; i++) TRY(reach(int(c->exctable[i].target), c->exctable[i].depth + c->exctable[i].lasti + 1));
  while (!work.empty()) {
    int i = work.back();
    work.pop_back();
    int d = depth[size_t(i)];
    maxd = std::max(maxd, d);
    uint32_t w = c->insns[i];
    Op op = op_of(w);
    int arg = int(arg_of(w));
    if (op == CACHE) {
      TRY(reach(i + 1, d));
      continue;
    }
    if (op_info[op].flags & OPF_JUMP) {
      int dj = d + stack_effect_jump(op, arg);
      maxd = std::max(maxd, dj);
      TRY(reach(arg, dj));
    }
    if (is_terminal(op)) {
      if (d + stack_effect(op, arg) < 0) return bad_code(i, "the stack underflows");
      continue;
    }
    int dn = d + stack_effect(op, arg);
    maxd = std::max(maxd, dn);
    TRY(reach(i + 1, dn));
  }
  if (maxd_out) *maxd_out = maxd;
  return OK();
}

Result<int> max_stack_depth(Code* c) {
  std::vector<int> depth;
  int maxd = 0;
  TRY(stack_depths(c, depth, &maxd));
  return maxd;
}

// Decode the tables of `s` into a new code object and check it.
Result<Code*> build_code(const CodeSpec& s, Value docstring) {
  Code* c = static_cast<Code*>(alloc_instance(tp_code, sizeof(Code)));
  c->argcount = s.argcount;
  c->posonlyargcount = s.posonlyargcount;
  c->kwonlyargcount = s.kwonlyargcount;
  c->flags = uint32_t(s.flags);
  c->firstlineno = s.firstlineno;
  c->consts = s.consts;
  c->names = TRY(name_tuple(s.names));
  c->varnames = TRY(name_tuple(s.varnames));
  c->freevars = TRY(name_tuple(s.freevars));
  c->cellvars = TRY(name_tuple(s.cellvars));
  c->nlocals = int32_t(c->varnames->size);
  c->ncells = int32_t(c->cellvars->size);
  c->nfrees = int32_t(c->freevars->size);
  c->filename = s.filename;
  c->name = str_intern(s.name);
  c->qualname = s.qualname;
  c->docstring = docstring;

  if (s.code->size % kCodeWordBytes) return raise(tp_ValueError, "code: co_code is malformed");
  c->ninsns = int32_t(s.code->size / kCodeWordBytes);
  c->insns = static_cast<uint32_t*>(gc::alloc_atomic(size_t(c->ninsns) * 4 + 4));
  for (int i = 0; i < c->ninsns; i++) c->insns[i] = get32(s.code->data + i * kCodeWordBytes);
  // Positions: instructions the line table does not cover (a hand-made
  // code object's empty table) have none; co_lines() stops before them.
  c->positions = static_cast<Position*>(gc::alloc_atomic(size_t(c->ninsns) * sizeof(Position) + sizeof(Position)));
  int nlines = int(s.linetable->size / kLineEntryBytes);
  for (int i = 0; i < c->ninsns; i++) {
    if (i < nlines) {
      const char* p = s.linetable->data + i * kLineEntryBytes;
      c->positions[i] = {int32_t(get32(p)), int32_t(get32(p + 4)), int32_t(get32(p + 8)), int32_t(get32(p + 12))};
    } else {
      c->positions[i] = {-1, -1, -1, -1};
    }
  }
  if (s.exceptiontable->size % kExcEntryBytes) return raise(tp_ValueError, "code: co_exceptiontable is malformed");
  c->nexc = int32_t(s.exceptiontable->size / kExcEntryBytes);
  c->exctable = static_cast<ExcEntry*>(gc::alloc_atomic(size_t(c->nexc) * sizeof(ExcEntry) + sizeof(ExcEntry)));
  for (int i = 0; i < c->nexc; i++) {
    const char* p = s.exceptiontable->data + i * kExcEntryBytes;
    uint32_t dl = get32(p + 12);
    c->exctable[i] = {get32(p), get32(p + 4), get32(p + 8), uint16_t(dl & 0xFFFF), (dl >> 16) != 0};
  }
  TRY(check_instructions(c));
  int depth = TRY(max_stack_depth(c));
  c->stacksize = std::max(s.stacksize, depth + 1);
  if (c->stacksize != s.stacksize) c->declared_stacksize_plus1 = s.stacksize + 1;
  if (s.linetable->size != int64_t(c->ninsns) * kLineEntryBytes) c->linetable_given = Value(s.linetable);
  // Cells that start as an argument (a captured parameter is in both tuples).
  for (int32_t ci = 0; ci < c->ncells; ci++) {
    for (int32_t vi = 0; vi < c->nlocals; vi++) {
      if (c->varnames->items[vi] != c->cellvars->items[ci]) continue;
      if (!c->cell2arg) {
        c->cell2arg = static_cast<int32_t*>(gc::alloc_atomic(size_t(c->ncells) * sizeof(int32_t)));
        for (int32_t k = 0; k < c->ncells; k++) c->cell2arg[k] = -1;
      }
      c->cell2arg[ci] = vi;
      break;
    }
  }
  return c;
}

// CPython's _PyCode_Validate checks, then code_new's co_nlocals check.
Status validate(const CodeSpec& s) {
  if (s.argcount < s.posonlyargcount || s.posonlyargcount < 0 || s.kwonlyargcount < 0 || s.stacksize < 0 ||
      s.flags < 0)
    return raise(tp_SystemError, "../Objects/codeobject.c:250: bad argument to internal function");
  if (s.code->size % kCodeWordBytes) return raise(tp_ValueError, "code: co_code is malformed");
  int64_t plain = s.varnames->size - s.argcount - s.kwonlyargcount - ((s.flags & CO_VARARGS) != 0) -
                  ((s.flags & CO_VARKEYWORDS) != 0);
  if (plain < 0) return raise(tp_ValueError, "code: co_varnames is too small");
  if (s.nlocals != s.varnames->size) return raise(tp_ValueError, "code: co_nlocals != len(co_varnames)");
  return OK();
}

// A function's docstring is its first constant when that is a str (the
// compiler puts the docstring, or None, first; CPython's PyFunction_New reads
// it the same way).
Value docstring_of(Tuple* consts) {
  return consts->size && consts->items[0].type() == tp_str ? consts->items[0] : Value();
}

Err arg_type_error(const char* fn, const std::string& which, const char* want, Value got) {
  return raise_fmt(tp_TypeError, "%s() argument %s must be %s, not %s", fn, which.c_str(), want, type_name(got));
}

}  // namespace

bool is_terminal_op(uint8_t op) { return is_terminal(Op(op)); }

Status code_stack_depths(Code* c, std::vector<int>& depth) { return stack_depths(c, depth, nullptr); }

// code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags,
//      codestring, constants, names, varnames, filename, name, qualname,
//      firstlineno, linetable, exceptiontable, freevars=(), cellvars=(), /)
Result<Value> code_new_m(Value* a, int64_t n, Tuple* kw) {
  if (kw && kw->size) return raise(tp_TypeError, "code() takes no keyword arguments");
  int64_t nargs = n - 1;
  Value* v = a + 1;
  if (nargs < 16) return raise_fmt(tp_TypeError, "code expected at least 16 arguments, got %lld", (long long)nargs);
  if (nargs > 18) return raise_fmt(tp_TypeError, "code expected at most 18 arguments, got %lld", (long long)nargs);
  CodeSpec s;
  int* ints[] = {&s.argcount, &s.posonlyargcount, &s.kwonlyargcount, &s.nlocals, &s.stacksize, &s.flags};
  for (int i = 0; i < 6; i++) *ints[i] = TRY(as_c_int(v[i]));
  s.firstlineno = TRY(as_c_int(v[13]));
  auto bytes_arg = [&](int i) -> Result<Bytes*> {
    if (!is_bytes(v[i])) return arg_type_error("code", std::to_string(i + 1), "bytes", v[i]);
    return v[i].as<Bytes>();
  };
  auto tuple_arg = [&](int i) -> Result<Tuple*> {
    if (i >= nargs) return tuple_empty();
    if (!is_tuple(v[i])) return arg_type_error("code", std::to_string(i + 1), "tuple", v[i]);
    return as_tuple(v[i]);
  };
  auto str_arg = [&](int i) -> Result<Str*> {
    if (!is_str(v[i])) return arg_type_error("code", std::to_string(i + 1), "str", v[i]);
    return as_str(v[i]);
  };
  s.code = TRY(bytes_arg(6));
  s.consts = TRY(tuple_arg(7));
  s.names = TRY(tuple_arg(8));
  s.varnames = TRY(tuple_arg(9));
  s.filename = TRY(str_arg(10));
  s.name = TRY(str_arg(11));
  s.qualname = TRY(str_arg(12));
  s.linetable = TRY(bytes_arg(14));
  s.exceptiontable = TRY(bytes_arg(15));
  s.freevars = TRY(tuple_arg(16));
  s.cellvars = TRY(tuple_arg(17));
  const char* negative = s.argcount < 0 ? "argcount" : s.kwonlyargcount < 0 ? "kwonlyargcount" : s.nlocals < 0 ? "nlocals" : nullptr;
  if (negative) return raise_fmt(tp_ValueError, "code: %s must not be negative", negative);
  for (Tuple* t : {s.names, s.varnames, s.freevars, s.cellvars}) TRY(name_tuple(t));
  TRY(validate(s));
  return Value(TRY(build_code(s, docstring_of(s.consts))));
}

// code.replace(*, co_argcount=..., ...): keyword-only, each co_* field.
Result<Value> code_replace(Value* a, int64_t n, Tuple* kw) {
  if (n > 1) return raise(tp_TypeError, "replace() takes no positional arguments");
  Code* src = a[0].as<Code>();
  CodeSpec s = {src->argcount, src->posonlyargcount, src->kwonlyargcount, src->nlocals,
                src->declared_stacksize_plus1 ? src->declared_stacksize_plus1 - 1 : src->stacksize,
                int(src->flags), src->firstlineno, code_bytes(src).as<Bytes>(), src->consts, src->names,
                src->varnames, src->filename, src->name, src->qualname,
                src->linetable_given ? src->linetable_given.as<Bytes>() : code_linetable(src).as<Bytes>(),
                code_exceptiontable(src).as<Bytes>(), src->freevars, src->cellvars};
  struct IntField { const char* name; int* field; };
  const IntField ints[] = {{"co_argcount", &s.argcount}, {"co_posonlyargcount", &s.posonlyargcount},
                           {"co_kwonlyargcount", &s.kwonlyargcount}, {"co_nlocals", &s.nlocals},
                           {"co_stacksize", &s.stacksize}, {"co_flags", &s.flags},
                           {"co_firstlineno", &s.firstlineno}};
  struct ObjField { const char* name; Type* type; void* field; };
  const ObjField objs[] = {{"co_code", tp_bytes, &s.code}, {"co_consts", tp_tuple, &s.consts},
                           {"co_names", tp_tuple, &s.names}, {"co_varnames", tp_tuple, &s.varnames},
                           {"co_freevars", tp_tuple, &s.freevars}, {"co_cellvars", tp_tuple, &s.cellvars},
                           {"co_filename", tp_str, &s.filename}, {"co_name", tp_str, &s.name},
                           {"co_qualname", tp_str, &s.qualname}, {"co_linetable", tp_bytes, &s.linetable},
                           {"co_exceptiontable", tp_bytes, &s.exceptiontable}};
  for (int64_t i = 0; kw && i < kw->size; i++) {
    Str* k = as_str(kw->items[i]);
    Value v = a[n + i];
    bool known = false;
    for (const IntField& f : ints) {
      if (k->view() != f.name) continue;
      *f.field = TRY(as_c_int(v));
      known = true;
    }
    for (const ObjField& f : objs) {
      if (k->view() != f.name) continue;
      if (!isinstance(v, f.type))
        return raise_fmt(tp_TypeError, "replace() argument '%s' must be %s, not %s", f.name, f.type->name->data,
                         type_name(v));
      *static_cast<Object**>(f.field) = v.obj();
      known = true;
    }
    if (!known) return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for replace()", k->data);
  }
  for (const IntField& f : ints)
    if (*f.field < 0) return raise_fmt(tp_ValueError, "%s must be a positive integer", f.name);
  TRY(validate(s));
  Value doc = s.consts == src->consts ? src->docstring : docstring_of(s.consts);
  return Value(TRY(build_code(s, doc)));
}

}  // namespace gilpy
