// code objects: line lookup, exception-table lookup, the Python-visible
// attributes (co_name, co_varnames, co_lines()...), equality and hash.
// Construction from Python (types.CodeType, replace()) is in code_new.cpp.
#include "objects/code.h"
#include "gc/heap.h"
#include "runtime/interp.h"

#include "bytecode/opcodes.h"

#include "objects/bytes.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/int.h"
#include "objects/list.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "objects/float.h"
#include "objects/set.h"
#include "runtime/errors.h"
#include "runtime/args.h"
#include "runtime/protocols.h"

namespace gilpy {

bool code_alloc_caches(Code* c) {
  size_t n = size_t(c->ncaches) * sizeof(InlineCache);
  void* p = n >= gc::kLargeAlloc ? gc::alloc_large(n, false) : GC_MALLOC(n);
  if (!p) return false;
  if (gc::tracing()) gc::trace_new(p);
  c->caches = static_cast<InlineCache*>(p);
  return true;
}

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
static Result<Value> co_stacksize(Value s) {
  Code* c = self_code(s);
  return Value::small(c->declared_stacksize_plus1 ? c->declared_stacksize_plus1 - 1 : c->stacksize);
}
static Result<Value> co_varnames(Value s) { return Value(self_code(s)->varnames); }
static Result<Value> co_cellvars(Value s) { return Value(self_code(s)->cellvars); }
static Result<Value> co_freevars(Value s) { return Value(self_code(s)->freevars); }
static Result<Value> co_names(Value s) { return Value(self_code(s)->names); }
static Result<Value> co_consts(Value s) { return Value(self_code(s)->consts); }

static void put32(char* p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = char((v >> (8 * i)) & 0xFF);
}

// co_code, co_linetable, co_exceptiontable: the formats code.h describes.
Value code_bytes(const Code* c) {
  Bytes* b = bytes_new(int64_t(c->ninsns) * kCodeWordBytes);
  for (int i = 0; i < c->ninsns; i++) put32(b->data + i * kCodeWordBytes, c->insns[i]);
  return Value(b);
}
Value code_linetable(const Code* c) {
  Bytes* b = bytes_new(int64_t(c->ninsns) * kLineEntryBytes);
  for (int i = 0; i < c->ninsns; i++) {
    const Position& p = c->positions[i];
    char* o = b->data + i * kLineEntryBytes;
    put32(o, uint32_t(p.line));
    put32(o + 4, uint32_t(p.end_line));
    put32(o + 8, uint32_t(p.col));
    put32(o + 12, uint32_t(p.end_col));
  }
  return Value(b);
}
Value code_exceptiontable(const Code* c) {
  Bytes* b = bytes_new(int64_t(c->nexc) * kExcEntryBytes);
  for (int i = 0; i < c->nexc; i++) {
    const ExcEntry& e = c->exctable[i];
    char* o = b->data + i * kExcEntryBytes;
    put32(o, e.start);
    put32(o + 4, e.end);
    put32(o + 8, e.target);
    put32(o + 12, uint32_t(e.depth) | (e.lasti ? 1u << 16 : 0u));
  }
  return Value(b);
}
static Result<Value> co_code(Value s) { return code_bytes(self_code(s)); }
static Result<Value> co_linetable(Value s) {
  Code* c = self_code(s);
  return c->linetable_given ? c->linetable_given : code_linetable(c);
}
static Result<Value> co_exceptiontable(Value s) { return code_exceptiontable(self_code(s)); }

// Runs of instructions sharing a line, as (start offset, end offset, line or
// -1); offsets are 2 per instruction. Consecutive runs never share a line.
struct LineRange {
  int start, end, line;
};
static std::vector<LineRange> line_ranges(const Code* c) {
  std::vector<LineRange> out;
  int start = 0, n = c->ninsns;
  if (c->linetable_given) n = std::min<int64_t>(n, c->linetable_given.as<Bytes>()->size / kLineEntryBytes);
  for (int i = 1; i <= n; i++) {
    if (i == n || c->positions[i].line != c->positions[start].line) {
      int ln = c->positions[start].line;
      out.push_back({start * 2, i * 2, ln >= 0 ? ln : -1});
      start = i;
    }
  }
  return out;
}

// co_lnotab (deprecated, still present in 3.11): (offset delta, line delta)
// byte pairs derived from the line ranges as CPython's decode_linetable does:
// ranges without a line are skipped, big deltas split into 255 / 127 / -128 steps.
static Result<Value> co_lnotab(Value s) {
  Code* c = self_code(s);
  std::string o;
  int code_offset = 0, line = c->firstlineno;
  auto pair = [&](int a, int b) {
    o.push_back(char(a & 0xFF));
    o.push_back(char(b & 0xFF));
  };
  for (const LineRange& r : line_ranges(c)) {
    if (r.line < 0 || r.line == line) continue;
    int bdelta = r.start - code_offset, ldelta = r.line - line;
    for (; bdelta > 255; bdelta -= 255) pair(255, 0);
    for (; ldelta > 127; ldelta -= 127, bdelta = 0) pair(bdelta, 127);
    for (; ldelta < -128; ldelta += 128, bdelta = 0) pair(bdelta, -128);
    pair(bdelta, ldelta);
    code_offset = r.start;
    line = r.line;
  }
  return bytes_from(o);
}

static Result<Value> code_repr(Value* a, int64_t, Tuple*) {
  Code* c = self_code(a[0]);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %#llx", (unsigned long long)a[0].bits());
  std::string s = "<code object " + std::string(c->name->view()) + buf + ", file \"" +
                  std::string(c->filename->view()) + "\", line " + std::to_string(c->firstlineno) + ">";
  return Value(str_new(s));
}

// co_lines(): PEP 626's (start, end, line) triples over offsets, line None
// for instructions that belong to no line.
static Result<Value> code_co_lines(Value* a, int64_t, Tuple*) {
  gc::Vector<Value> items;
  for (const LineRange& r : line_ranges(self_code(a[0])))
    items.push_back(Value(tuple_of({Value::small(r.start), Value::small(r.end), r.line >= 0 ? Value::small(r.line) : None()})));
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
  // -X no_debug_ranges: CPython keeps only line numbers (end_line = line, no columns).
  bool ranges = !g_interp.no_debug_ranges;
  for (int i = 0; i < c->ninsns; i++) {
    const Position& p = c->positions[i];
    Value line = p.line >= 0 ? Value::small(p.line) : None();
    TRY(list_append(l, Value(ranges ? tuple_of({line, opt(p.end_line), opt(p.col), opt(p.end_col)})
                                    : tuple_of({line, line, None(), None()}))));
  }
  return get_iter(Value(l));
}

// ---- equality and hash (CPython's code_richcompare / code_hash) ----
// Constants compare as CPython's _PyCode_ConstantKey makes them: by type as
// well as value (1, 1.0 and True differ; 0.0 and -0.0 differ), recursively
// through tuples and frozensets; objects of other types by identity.
static Result<bool> const_equal(Value a, Value b);
static Result<bool> consts_equal(Tuple* x, Tuple* y) {
  if (x->size != y->size) return false;
  for (int64_t i = 0; i < x->size; i++)
    if (!TRY(const_equal(x->items[i], y->items[i]))) return false;
  return true;
}
static Result<bool> const_equal(Value a, Value b) {
  if (a == b) return true;
  Type* t = a.type();
  if (t != b.type()) return false;
  if (t == tp_int || t == tp_str || t == tp_bool || t == tp_bytes || t == tp_code) return eq(a, b);
  if (t == tp_float) {
    double x = a.as<Float>()->v, y = b.as<Float>()->v;
    if (std::signbit(x) != std::signbit(y) && x == 0.0) return false;
    return eq(a, b);
  }
  if (t == tp_complex) {
    const Complex *x = a.as<Complex>(), *y = b.as<Complex>();
    if (std::signbit(x->re) != std::signbit(y->re) || std::signbit(x->im) != std::signbit(y->im)) return false;
    return eq(a, b);
  }
  if (t == tp_tuple) return consts_equal(as_tuple(a), as_tuple(b));
  if (t == tp_frozenset) {
    Set *x = a.as<Set>(), *y = b.as<Set>();
    if (x->used != y->used) return false;
    int64_t i = 0;
    Value k;
    while (set_next(x, &i, &k)) {
      bool found = false;
      int64_t j = 0;
      Value m;
      while (!found && set_next(y, &j, &m)) found = TRY(const_equal(k, m));
      if (!found) return false;
    }
    return true;
  }
  return false;
}
static Result<bool> code_equal(Code* a, Code* b) {
  if (a == b) return true;
  if (!str_eq(a->name, b->name) || a->argcount != b->argcount || a->posonlyargcount != b->posonlyargcount ||
      a->kwonlyargcount != b->kwonlyargcount || a->flags != b->flags || a->firstlineno != b->firstlineno ||
      a->ninsns != b->ninsns || a->nexc != b->nexc)
    return false;
  if (std::memcmp(a->insns, b->insns, size_t(a->ninsns) * 4) != 0) return false;
  if (!TRY(consts_equal(a->consts, b->consts))) return false;
  for (auto [x, y] : {std::pair{a->names, b->names}, {a->varnames, b->varnames}, {a->cellvars, b->cellvars},
                      {a->freevars, b->freevars}})
    if (!TRY(eq(Value(x), Value(y)))) return false;
  if (std::memcmp(a->positions, b->positions, size_t(a->ninsns) * sizeof(Position)) != 0) return false;
  for (int i = 0; i < a->nexc; i++) {
    const ExcEntry &x = a->exctable[i], &y = b->exctable[i];
    if (x.start != y.start || x.end != y.end || x.target != y.target || x.depth != y.depth || x.lasti != y.lasti)
      return false;
  }
  return true;
}
static Result<Value> code_compare(Value* a, bool want_eq) {
  if (a[1].type() != tp_code) return Value(g_NotImplemented);
  bool same = TRY(code_equal(self_code(a[0]), self_code(a[1])));
  return Bool(same == want_eq);
}
static Result<Value> code_eq(Value* a, int64_t, Tuple*) { return code_compare(a, true); }
static Result<Value> code_ne(Value* a, int64_t, Tuple*) { return code_compare(a, false); }
// Hashes what equality compares, except the constants (equal under
// const_equal implies equal names and counts, so this is consistent).
static Result<Value> code_hash(Value* a, int64_t, Tuple*) {
  Code* c = self_code(a[0]);
  // Unsigned arithmetic: the products wrap (signed overflow would be undefined).
  uint64_t h = uint64_t(TRY(hash(Value(c->name))));
  for (Tuple* t : {c->names, c->varnames, c->freevars, c->cellvars}) h ^= uint64_t(TRY(hash(Value(t)))) * 1000003u;
  h ^= uint64_t(c->argcount) ^ (uint64_t(c->posonlyargcount) << 8) ^ (uint64_t(c->kwonlyargcount) << 16) ^
       (uint64_t(c->flags) << 24) ^ (uint64_t(c->ninsns) << 40);
  for (int i = 0; i < c->ninsns; i++) h = h * 31u + c->insns[i];
  int64_t r = int64_t(h & uint64_t(Value::kSmallMax));
  return Value::small(r == -1 ? -2 : r);
}
static Result<Value> code_sizeof(Value* a, int64_t, Tuple*) {
  Code* c = self_code(a[0]);
  return Value::small(int64_t(sizeof(Code)) + c->ninsns * int64_t(4 + sizeof(Position)) +
                      c->nexc * int64_t(sizeof(ExcEntry)) + c->ncaches * int64_t(sizeof(InlineCache)));
}

Result<Value> code_new_m(Value* a, int64_t n, Tuple* kw);   // code_new.cpp
Result<Value> code_replace(Value* a, int64_t n, Tuple* kw);  // code_new.cpp

static const GetSetDef code_getsets[] = {
    {"co_name", co_name}, {"co_qualname", co_qualname}, {"co_filename", co_filename},
    {"co_firstlineno", co_firstlineno}, {"co_argcount", co_argcount},
    {"co_posonlyargcount", co_posonlyargcount}, {"co_kwonlyargcount", co_kwonlyargcount},
    {"co_nlocals", co_nlocals}, {"co_flags", co_flags}, {"co_stacksize", co_stacksize},
    {"co_varnames", co_varnames}, {"co_cellvars", co_cellvars}, {"co_freevars", co_freevars},
    {"co_names", co_names}, {"co_consts", co_consts}, {"co_code", co_code}, {"co_linetable", co_linetable},
    {"co_exceptiontable", co_exceptiontable}, {"co_lnotab", co_lnotab}, {nullptr, nullptr}};
static const MethodDef code_methods[] = {
    {"__new__", code_new_m, MethKind::Static}, {"__repr__", code_repr}, {"__eq__", code_eq}, {"__ne__", code_ne},
    {"__hash__", code_hash}, {"__sizeof__", code_sizeof, MethKind::NoArgs}, {"co_lines", code_co_lines, MethKind::NoArgs},
    {"co_positions", code_co_positions, MethKind::NoArgs}, {"replace", code_replace}, {nullptr, nullptr}};

void init_code_type() {
  type_add_getsets(tp_code, code_getsets);
  type_add_methods(tp_code, code_methods);
}

}  // namespace gilpy
