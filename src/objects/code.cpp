// code objects: line lookup, exception-table lookup, and the Python-visible
// attributes (co_name, co_varnames, ...).
#include "objects/code.h"

#include "bytecode/opcodes.h"

#include "objects/bytes.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/int.h"
#include "objects/list.h"
#include <cstdio>
#include <string>
#include "runtime/errors.h"
#include "runtime/args.h"
#include "runtime/protocols.h"

namespace gilpy {

int code_line_of(const Code* c, int ip) {
  if (ip < 0) ip = 0;
  if (ip >= c->ninsns) ip = c->ninsns - 1;
  if (ip < 0) return c->firstlineno;
  return c->positions[ip].line;
}

// The table is sorted by start and ranges do not overlap (assemble.cpp emits
// one range per run of instructions sharing a handler).
const ExcEntry* code_find_handler(const Code* c, int ip) {
  int lo = 0, hi = c->nexc - 1;
  uint32_t u = uint32_t(ip);
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    const ExcEntry& e = c->exctable[mid];
    if (u < e.start) hi = mid - 1;
    else if (u >= e.end) lo = mid + 1;
    else return &e;
  }
  return nullptr;
}

static Code* self_code(Value v) { return v.as<Code>(); }
static Result<Value> co_name(Value s) { return Value(self_code(s)->name); }
static Result<Value> co_qualname(Value s) { return Value(self_code(s)->qualname); }
static Result<Value> co_filename(Value s) { return Value(self_code(s)->filename); }
static Result<Value> co_firstlineno(Value s) { return Value::small(self_code(s)->firstlineno); }
static Result<Value> co_argcount(Value s) { return Value::small(self_code(s)->argcount); }
static Result<Value> co_posonlyargcount(Value s) { return Value::small(self_code(s)->posonlyargcount); }
static Result<Value> co_kwonlyargcount(Value s) { return Value::small(self_code(s)->kwonlyargcount); }
static Result<Value> co_nlocals(Value s) { return Value::small(self_code(s)->nlocals); }
static Result<Value> co_flags(Value s) { return Value::small(self_code(s)->flags); }
static Result<Value> co_stacksize(Value s) { return Value::small(self_code(s)->stacksize); }
static Result<Value> co_varnames(Value s) { return Value(self_code(s)->varnames); }
static Result<Value> co_cellvars(Value s) { return Value(self_code(s)->cellvars); }
static Result<Value> co_freevars(Value s) { return Value(self_code(s)->freevars); }
static Result<Value> co_names(Value s) { return Value(self_code(s)->names); }
static Result<Value> co_consts(Value s) { return Value(self_code(s)->consts); }
// co_code: two bytes per 32-bit instruction word, (opcode, low 8 bits of the
// argument), so its length and offsets agree with co_lines() and dis. gilpy
// has no byte-level instruction format: this is a summary for tools that scan
// opcodes or measure length (modulefinder); full arguments come from
// _opcode.get_code(code).
static Result<Value> co_code(Value s) {
  Code* c = self_code(s);
  std::string b(size_t(c->ninsns) * 2, '\0');
  for (int i = 0; i < c->ninsns; i++) {
    b[size_t(i) * 2] = char(c->insns[i] & 0xFF);
    b[size_t(i) * 2 + 1] = char(bytecode::shown_arg(c->insns[i]) & 0xFF);
  }
  return bytes_from(b);
}

static Result<Value> code_repr(Value* a, int64_t, Tuple*) {
  Code* c = self_code(a[0]);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %#llx", (unsigned long long)a[0].bits());
  std::string s = "<code object " + std::string(c->name->view()) + buf + ", file \"" +
                  std::string(c->filename->view()) + "\", line " + std::to_string(c->firstlineno) + ">";
  return Value(str_new(s));
}

// co_lines(): (start, end, line) triples over byte offsets (2 bytes per
// instruction, as dis expects), merging runs of the same line.
static Result<Value> code_co_lines(Value* a, int64_t, Tuple*) {
  Code* c = self_code(a[0]);
  gc::Vector<Value> items;
  int start = 0;
  for (int i = 1; i <= c->ninsns; i++) {
    if (i == c->ninsns || c->positions[i].line != c->positions[start].line) {
      int ln = c->positions[start].line;
      items.push_back(Value(tuple_of({Value::small(start * 2), Value::small(i * 2), ln > 0 ? Value::small(ln) : None()})));
      start = i;
    }
  }
  List* l = list_from(items.data(), int64_t(items.size()));
  return get_iter(Value(l));
}

// co_positions(): one (line, end_line, col, end_col) per 2-byte code unit as
// CPython counts them; gilpy instructions are one unit each (dis shows
// offsets as 2 x index), so this is one tuple per instruction.
static Result<Value> code_co_positions(Value* a, int64_t, Tuple*) {
  Code* c = self_code(a[0]);
  List* l = list_new(0);
  auto opt = [](int32_t v) { return v >= 0 ? Value::small(v) : None(); };
  for (int i = 0; i < c->ninsns; i++) {
    const Position& p = c->positions[i];
    TRY(list_append(l, Value(tuple_of({p.line > 0 ? Value::small(p.line) : None(), opt(p.end_line), opt(p.col), opt(p.end_col)}))));
  }
  return get_iter(Value(l));
}

// code.replace(**changes): a copy with some fields replaced.
static Result<Value> code_replace(Value* a, int64_t n, Tuple* kw) {
  if (n > 1) return raise(tp_TypeError, "replace() takes no positional arguments");
  Code* src = self_code(a[0]);
  Code* c = static_cast<Code*>(alloc_instance(tp_code, sizeof(Code)));
  *c = *src;
  for (int64_t i = 0; kw && i < kw->size; i++) {
    std::string_view k = as_str(kw->items[i])->view();
    Value v = a[n + i];
    if (k == "co_name" && is_str(v)) c->name = as_str(v);
    else if (k == "co_qualname" && is_str(v)) c->qualname = as_str(v);
    else if (k == "co_filename" && is_str(v)) c->filename = as_str(v);
    else if (k == "co_firstlineno") c->firstlineno = int32_t(TRY(as_index(v)));
    else if (k == "co_flags") c->flags = uint32_t(TRY(as_index(v)));
    else if (k == "co_consts" && is_tuple(v)) c->consts = as_tuple(v);
    else if (k == "co_names" && is_tuple(v) && as_tuple(v)->size == src->names->size) c->names = as_tuple(v);
    else return raise_fmt(tp_ValueError, "gilpy cannot replace %s of a code object", as_str(kw->items[i])->data);
  }
  return Value(c);
}

static const GetSetDef code_getsets[] = {
    {"co_name", co_name}, {"co_qualname", co_qualname}, {"co_filename", co_filename},
    {"co_firstlineno", co_firstlineno}, {"co_argcount", co_argcount},
    {"co_posonlyargcount", co_posonlyargcount}, {"co_kwonlyargcount", co_kwonlyargcount},
    {"co_nlocals", co_nlocals}, {"co_flags", co_flags}, {"co_stacksize", co_stacksize},
    {"co_varnames", co_varnames}, {"co_cellvars", co_cellvars}, {"co_freevars", co_freevars},
    {"co_names", co_names}, {"co_consts", co_consts}, {"co_code", co_code}, {nullptr, nullptr}};
static const MethodDef code_methods[] = {{"__repr__", code_repr}, {"co_lines", code_co_lines},
                                         {"co_positions", code_co_positions}, {"replace", code_replace},
                                         {nullptr, nullptr}};

void init_code_type() {
  type_add_getsets(tp_code, code_getsets);
  type_add_methods(tp_code, code_methods);
}

}  // namespace gilpy
