// marshal: CPython's serialisation format for the value types (None, bools,
// ints, floats, complex, str, bytes, tuples, lists, dicts, sets, frozensets).
// Data written here loads in CPython and vice versa (version 4 framing,
// without back-references on output; references are understood on input).
// Code objects are gilpy's own and are not marshallable yet.
#include <cstring>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static void put32(std::string& o, uint32_t v) {
  for (int i = 0; i < 4; i++) o.push_back(char((v >> (8 * i)) & 0xFF));
}
static void put_double(std::string& o, double d) {
  uint64_t b;
  std::memcpy(&b, &d, 8);
  for (int i = 0; i < 8; i++) o.push_back(char((b >> (8 * i)) & 0xFF));
}

static Status dump_code(std::string& o, Code* c, int depth);

static Status dump(std::string& o, Value v, int depth) {
  if (depth > 2000) return raise(tp_ValueError, "object too deeply nested to marshal");
  if (is_none(v)) { o.push_back('N'); return OK(); }
  if (v == True()) { o.push_back('T'); return OK(); }
  if (v == False()) { o.push_back('F'); return OK(); }
  if (v == Value(g_Ellipsis)) { o.push_back('.'); return OK(); }
  Type* t = v.type();
  if (t == tp_int) {
    int64_t x;
    if (int_fits_i64(v, &x) && x >= INT32_MIN && x <= INT32_MAX) {
      o.push_back('i');
      put32(o, uint32_t(int32_t(x)));
      return OK();
    }
    // 'l': sign-carrying count of 15-bit digits, little-endian digits.
    mpz_t z;
    int_to_mpz(v, z);
    int sign = mpz_sgn(z);
    mpz_abs(z, z);
    std::string digits;
    int32_t n = 0;
    while (mpz_sgn(z)) {
      uint32_t d = uint32_t(mpz_fdiv_ui(z, 1u << 15));
      mpz_fdiv_q_2exp(z, z, 15);
      digits.push_back(char(d & 0xFF));
      digits.push_back(char(d >> 8));
      n++;
    }
    o.push_back('l');
    put32(o, uint32_t(sign < 0 ? -n : n));
    o += digits;
    return OK();
  }
  if (t == tp_float) { o.push_back('g'); put_double(o, float_val(v)); return OK(); }
  if (t == tp_complex) {
    o.push_back('y');
    put_double(o, v.as<Complex>()->re);
    put_double(o, v.as<Complex>()->im);
    return OK();
  }
  if (t == tp_str) {
    Str* s = as_str(v);
    o.push_back(s->ascii ? 'a' : 'u');
    put32(o, uint32_t(s->nbytes));
    o.append(s->data, size_t(s->nbytes));
    return OK();
  }
  if (t == tp_bytes || t == tp_bytearray) {
    std::string_view b = TRY(buffer_view(v));
    o.push_back('s');
    put32(o, uint32_t(b.size()));
    o.append(b);
    return OK();
  }
  if (t == tp_tuple || t == tp_list) {
    Value* items = t == tp_tuple ? v.as<Tuple>()->items : v.as<List>()->items;
    int64_t n = t == tp_tuple ? v.as<Tuple>()->size : v.as<List>()->size;
    if (t == tp_tuple && n < 256) {
      o.push_back(')');
      o.push_back(char(n));
    } else {
      o.push_back(t == tp_tuple ? '(' : '[');
      put32(o, uint32_t(n));
    }
    for (int64_t i = 0; i < n; i++) TRY(dump(o, items[i], depth + 1));
    return OK();
  }
  if (t == tp_dict) {
    o.push_back('{');
    int64_t pos = 0;
    Value k, x;
    while (dict_next(as_dict(v), &pos, &k, &x)) {
      TRY(dump(o, k, depth + 1));
      TRY(dump(o, x, depth + 1));
    }
    o.push_back('0');
    return OK();
  }
  if (t == tp_set || t == tp_frozenset) {
    Set* s = v.as<Set>();
    o.push_back(t == tp_set ? '<' : '>');
    put32(o, uint32_t(s->used));
    int64_t pos = 0;
    Value k;
    while (set_next(s, &pos, &k)) TRY(dump(o, k, depth + 1));
    return OK();
  }
  if (t == tp_code) return dump_code(o, v.as<Code>(), depth);
  return raise(tp_ValueError, "unmarshallable object");
}

// Code objects use gilpy's own layout under the 'c' type code (the files
// carry gilpy's cache tag, so CPython never reads them): the counts, the
// instruction words, constants and name tuples, positions and the exception
// table, all little-endian.
static Status dump_code(std::string& o, Code* c, int depth) {
  o.push_back('c');
  // The instruction-set signature: code marshalled by another gilpy build
  // (tools caching marshal data themselves, as pytest does) is refused on
  // load instead of running with other opcode numbers.
  uint64_t sig = bytecode::bytecode_signature();
  put32(o, uint32_t(sig));
  put32(o, uint32_t(sig >> 32));
  for (int32_t x : {c->argcount, c->posonlyargcount, c->kwonlyargcount, c->nlocals, c->ncells, c->nfrees,
                    c->stacksize, int32_t(c->flags), c->firstlineno, c->ninsns, c->nexc, c->ncaches})
    put32(o, uint32_t(x));
  for (int32_t i = 0; i < c->ninsns; i++) put32(o, c->insns[i]);
  for (int32_t i = 0; i < c->ninsns; i++) {
    const Position& p = c->positions[i];
    for (int32_t x : {p.line, p.end_line, p.col, p.end_col}) put32(o, uint32_t(x));
  }
  for (int32_t i = 0; i < c->nexc; i++) {
    const ExcEntry& e = c->exctable[i];
    for (uint32_t x : {e.start, e.end, e.target, uint32_t(e.depth), uint32_t(e.lasti)}) put32(o, x);
  }
  put32(o, c->cell2arg ? 1u : 0u);
  for (int32_t i = 0; c->cell2arg && i < c->ncells; i++) put32(o, uint32_t(c->cell2arg[i]));
  for (Value v : {Value(c->consts), Value(c->names), Value(c->varnames), Value(c->cellvars), Value(c->freevars),
                  Value(c->filename), Value(c->name), Value(c->qualname), c->docstring ? c->docstring : None()})
    TRY(dump(o, v, depth + 1));
  return OK();
}

struct Reader {
  std::string_view d;
  size_t p = 0;
  gc::Vector<Value> refs;
  Status need(size_t n) {
    if (p + n > d.size()) return raise(tp_EOFError, "marshal data too short");
    return OK();
  }
  Result<int64_t> i32() {
    TRY(need(4));
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) v |= uint32_t(static_cast<unsigned char>(d[p + size_t(i)])) << (8 * i);
    p += 4;
    return int64_t(int32_t(v));
  }
  Result<double> f64() {
    TRY(need(8));
    uint64_t b = 0;
    for (int i = 0; i < 8; i++) b |= uint64_t(static_cast<unsigned char>(d[p + size_t(i)])) << (8 * i);
    p += 8;
    double x;
    std::memcpy(&x, &b, 8);
    return x;
  }
  Result<std::string_view> bytes(size_t n) {
    TRY(need(n));
    std::string_view s = d.substr(p, n);
    p += n;
    return s;
  }
};

static Result<Value> load(Reader& r, int depth);

static Result<Value> load_code(Reader& r, int depth) {
  uint64_t lo = uint32_t(TRY(r.i32())), hi = uint32_t(TRY(r.i32()));
  if ((lo | (hi << 32)) != bytecode::bytecode_signature())
    return raise(tp_ValueError, "bad marshal data (code object from another gilpy build)");
  Code* c = static_cast<Code*>(alloc_instance(tp_code, sizeof(Code)));
  int32_t* fields[] = {&c->argcount, &c->posonlyargcount, &c->kwonlyargcount, &c->nlocals, &c->ncells,
                       &c->nfrees, &c->stacksize, nullptr, &c->firstlineno, &c->ninsns, &c->nexc, &c->ncaches};
  for (int i = 0; i < 12; i++) {
    int64_t x = TRY(r.i32());
    if (fields[i]) *fields[i] = int32_t(x);
    else c->flags = uint32_t(x);
  }
  if (c->ninsns < 0 || c->nexc < 0 || c->ncaches < 0 || c->ninsns > (1 << 24))
    return raise(tp_ValueError, "bad marshal data (code object sizes)");
  c->insns = static_cast<uint32_t*>(gc::alloc_atomic(size_t(c->ninsns) * 4 + 4));
  for (int32_t i = 0; i < c->ninsns; i++) c->insns[i] = uint32_t(TRY(r.i32()));
  c->positions = static_cast<Position*>(gc::alloc_atomic(size_t(c->ninsns) * sizeof(Position) + sizeof(Position)));
  for (int32_t i = 0; i < c->ninsns; i++) {
    Position& p = c->positions[i];
    p.line = int32_t(TRY(r.i32()));
    p.end_line = int32_t(TRY(r.i32()));
    p.col = int32_t(TRY(r.i32()));
    p.end_col = int32_t(TRY(r.i32()));
  }
  c->exctable = static_cast<ExcEntry*>(gc::alloc_atomic(size_t(c->nexc) * sizeof(ExcEntry) + sizeof(ExcEntry)));
  for (int32_t i = 0; i < c->nexc; i++) {
    ExcEntry& e = c->exctable[i];
    e.start = uint32_t(TRY(r.i32()));
    e.end = uint32_t(TRY(r.i32()));
    e.target = uint32_t(TRY(r.i32()));
    e.depth = uint16_t(TRY(r.i32()));
    e.lasti = TRY(r.i32()) != 0;
  }
  if (TRY(r.i32())) {
    c->cell2arg = static_cast<int32_t*>(gc::alloc_atomic(size_t(c->ncells) * 4 + 4));
    for (int32_t i = 0; i < c->ncells; i++) c->cell2arg[i] = int32_t(TRY(r.i32()));
  }
  c->caches = nullptr;  // allocated when the code first runs (code_alloc_caches)
  Value parts[9];
  for (Value& p : parts) p = TRY(load(r, depth + 1));
  for (int i = 0; i < 5; i++)
    if (!is_tuple(parts[i])) return raise(tp_ValueError, "bad marshal data (code object tuples)");
  for (int i = 5; i < 8; i++)
    if (!is_str(parts[i])) return raise(tp_ValueError, "bad marshal data (code object names)");
  c->consts = as_tuple(parts[0]);
  c->names = as_tuple(parts[1]);
  c->varnames = as_tuple(parts[2]);
  c->cellvars = as_tuple(parts[3]);
  c->freevars = as_tuple(parts[4]);
  // Names are compared by identity in the VM: intern them.
  for (Tuple* t : {c->names, c->varnames, c->cellvars, c->freevars})
    for (int64_t i = 0; i < t->size; i++) t->items[i] = Value(str_intern(as_str(t->items[i])));
  c->filename = as_str(parts[5]);
  c->name = str_intern(as_str(parts[6]));
  c->qualname = as_str(parts[7]);
  c->docstring = is_none(parts[8]) ? Value() : parts[8];
  return Value(c);
}

static Result<Value> load(Reader& r, int depth) {
  if (depth > 2000) return raise(tp_ValueError, "recursion limit exceeded");
  TRY(r.need(1));
  unsigned char code = static_cast<unsigned char>(r.d[r.p++]);
  bool flag = code & 0x80;
  code &= 0x7F;
  size_t slot = r.refs.size();
  if (flag) r.refs.push_back(None());
  Value v;
  switch (code) {
    case 'N': v = None(); break;
    case 'T': v = True(); break;
    case 'F': v = False(); break;
    case '.': v = Value(g_Ellipsis); break;
    case 'i': v = int_from_i64(TRY(r.i32())); break;
    case 'l': {
      int64_t n = TRY(r.i32());
      mpz_t z, dz;
      mpz_init(z);
      mpz_init(dz);
      int64_t cnt = n < 0 ? -n : n;
      for (int64_t i = cnt - 1; i >= 0; i--) {
        TRY(r.need(2));
        size_t at = r.p + size_t(2 * i);
        uint32_t dig = uint32_t(static_cast<unsigned char>(r.d[at])) | (uint32_t(static_cast<unsigned char>(r.d[at + 1])) << 8);
        mpz_mul_2exp(z, z, 15);
        mpz_add_ui(z, z, dig);
      }
      TRY(r.need(size_t(2 * cnt)));
      r.p += size_t(2 * cnt);
      if (n < 0) mpz_neg(z, z);
      v = int_from_mpz(z);
      break;
    }
    case 'g': v = float_new(TRY(r.f64())); break;
    case 'y': {
      double re = TRY(r.f64());
      double im = TRY(r.f64());
      v = complex_new(re, im);
      break;
    }
    case 'u': case 't': case 'a': case 'A': {
      int64_t n = TRY(r.i32());
      if (n < 0) return raise(tp_ValueError, "bad marshal data (string size out of range)");
      v = Value(str_new(TRY(r.bytes(size_t(n)))));
      break;
    }
    case 'z': case 'Z': {
      TRY(r.need(1));
      size_t n = static_cast<unsigned char>(r.d[r.p++]);
      v = Value(str_new(TRY(r.bytes(n))));
      break;
    }
    case 's': {
      int64_t n = TRY(r.i32());
      if (n < 0) return raise(tp_ValueError, "bad marshal data (bytes object size out of range)");
      v = bytes_from(TRY(r.bytes(size_t(n))));
      break;
    }
    case ')': case '(': case '[': {
      int64_t n;
      if (code == ')') {
        TRY(r.need(1));
        n = static_cast<unsigned char>(r.d[r.p++]);
      } else {
        n = TRY(r.i32());
      }
      if (n < 0) return raise(tp_ValueError, "bad marshal data (tuple size out of range)");
      gc::Vector<Value> items;
      for (int64_t i = 0; i < n; i++) items.push_back(TRY(load(r, depth + 1)));
      v = code == '[' ? Value(list_from(items.data(), n)) : Value(tuple_from(items.data(), n));
      break;
    }
    case '{': {
      Dict* dct = dict_new();
      for (;;) {
        TRY(r.need(1));
        if (r.d[r.p] == '0') { r.p++; break; }
        Value k = TRY(load(r, depth + 1));
        Value x = TRY(load(r, depth + 1));
        TRY(dict_set(dct, k, x));
      }
      v = Value(dct);
      break;
    }
    case '<': case '>': {
      int64_t n = TRY(r.i32());
      Set* s = set_new(code == '<' ? tp_set : tp_frozenset);
      for (int64_t i = 0; i < n; i++) TRY(set_add(s, TRY(load(r, depth + 1))));
      v = Value(s);
      break;
    }
    case 'r': {
      int64_t i = TRY(r.i32());
      if (i < 0 || size_t(i) >= r.refs.size()) return raise(tp_ValueError, "bad marshal data (invalid reference)");
      v = r.refs[size_t(i)];
      break;
    }
    case 'c': v = TRY(load_code(r, depth)); break;
    default: return raise(tp_ValueError, "bad marshal data (unknown type code)");
  }
  if (flag) r.refs[slot] = v;
  return v;
}

static Result<Value> m_dumps(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("dumps", a, n, kw, {"value", "version"}, 1, out, 2));
  std::string o;
  TRY(dump(o, out[0], 0));
  return bytes_from(o);
}
static Result<Value> m_loads(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("loads", n, 1, 1));
  std::string_view b = TRY(buffer_view(a[0]));
  std::string copy(b);
  Reader r;
  r.d = copy;
  return load(r, 0);
}
static Result<Value> m_dump(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("dump", n, 2, 3));
  std::string o;
  TRY(dump(o, a[0], 0));
  TRY(call_method1(a[1], N.write, bytes_from(o)));
  return None();
}
static Result<Value> m_load(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("load", n, 1, 1));
  Value data = TRY(call_method0(a[0], N.read));
  Value args[1] = {data};
  return m_loads(args, 1, nullptr);
}

// For the bytecode cache (runtime/import.cpp).
Status marshal_dump_value(std::string& out, Value v) { return dump(out, v, 0); }
Result<Value> marshal_load_value(std::string_view data) {
  Reader r;
  r.d = data;
  return load(r, 0);
}

static const MethodDef functions[] = {{"dumps", m_dumps}, {"loads", m_loads}, {"dump", m_dump}, {"load", m_load},
                                      {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("marshal", functions);
  dict_set_str(m->dict, str_intern("version"), Value::small(4));
  return Value(m);
}
GILPY_NATIVE_MODULE("marshal", init);

}  // namespace gilpy
