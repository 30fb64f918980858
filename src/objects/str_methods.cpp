// str's method set, part 1: construction, repr, the sequence/number/comparison
// dunders, iteration, searching, splitting, joining, replacing, stripping and
// padding. Part 2 (case mapping, predicates, translate, encode, splitlines...)
// is str_methods2.cpp; formatting (str.format, %, __format__) is str_format.cpp.
//
// Storage is UTF-8 (WTF-8 for lone surrogates) with a cached code point count,
// so substring search runs on bytes (UTF-8 is self-synchronising: a match of
// valid text starts on a character boundary) and only positions are converted
// between byte offsets and code point indices. When s->ascii the two coincide.
#include <algorithm>

#include "common/utf8.h"
#include <cstring>
#include <vector>

#include "bytecode/opcodes.h"
#include "common/unicode.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using text::exact_str;

// ---- shared helpers (str_impl.h) -------------------------------------------------------------------
namespace strimpl {

Status arity(const char* fname, int64_t nargs, int64_t min, int64_t max) {
  if (nargs < min)
    return raise_fmt(tp_TypeError, "%s() takes %s %lld argument%s (%lld given)", fname,
                     min == max ? "exactly" : "at least", (long long)min, min == 1 ? "" : "s", (long long)nargs);
  if (nargs > max)
    return raise_fmt(tp_TypeError, "%s() takes %s %lld argument%s (%lld given)", fname,
                     min == max ? "exactly" : "at most", (long long)max, max == 1 ? "" : "s", (long long)nargs);
  return OK();
}

Status exact_args(const char* qualname, int64_t nargs, int64_t n) {
  if (nargs == n) return OK();
  if (n == 0) return raise_fmt(tp_TypeError, "%s() takes no arguments (%lld given)", qualname, (long long)nargs);
  return raise_fmt(tp_TypeError, "%s() takes exactly one argument (%lld given)", qualname, (long long)nargs);
}

Status positional(const char* fname, int64_t nargs, int64_t min, int64_t max) {
  if (nargs < min)
    return raise_fmt(tp_TypeError, "%s expected %s %lld argument%s, got %lld", fname, min == max ? "" : "at least",
                     (long long)min, min == 1 ? "" : "s", (long long)nargs);
  if (nargs > max)
    return raise_fmt(tp_TypeError, "%s expected at most %lld argument%s, got %lld", fname, (long long)max,
                     max == 1 ? "" : "s", (long long)nargs);
  return OK();
}

Result<Str*> str_arg(Value v, const char* prefix) {
  if (!is_str(v))
    return raise_fmt(tp_TypeError, "%smust be str, not %s", prefix, *prefix ? text::clinic_type_name(v) : type_name(v));
  return as_str(v);
}

bool is_str_space(uint32_t cp) {
  if (cp < 128) return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
  return unicode::is_space(cp);
}

std::string repr_text(Str* s, bool ascii_only) {
  std::string_view d = s->view();
  bool has_sq = d.find('\'') != std::string_view::npos;
  bool has_dq = d.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out;
  out.reserve(d.size() + 2);
  out += q;
  static const char hex[] = "0123456789abcdef";
  const char* p = s->data;
  int64_t n = s->nbytes;
  for (int64_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c < 0x80) {
      i++;
      if (c == static_cast<unsigned char>(q) || c == '\\') { out += '\\'; out += char(c); }
      else if (c == '\t') out += "\\t";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c < 0x20 || c == 0x7F) { out += "\\x"; out += hex[c >> 4]; out += hex[c & 15]; }
      else out += char(c);
      continue;
    }
    int64_t start = i;
    uint32_t cp = text::next_cp(p, &i);
    if (!ascii_only && unicode::is_printable(cp)) {
      out.append(p + start, size_t(i - start));
    } else if (cp < 0x100) {
      out += "\\x"; out += hex[cp >> 4]; out += hex[cp & 15];
    } else if (cp < 0x10000) {
      out += "\\u";
      for (int sh = 12; sh >= 0; sh -= 4) out += hex[(cp >> sh) & 15];
    } else {
      out += "\\U";
      for (int sh = 28; sh >= 0; sh -= 4) out += hex[(cp >> sh) & 15];
    }
  }
  out += q;
  return out;
}

}  // namespace strimpl

using namespace strimpl;

Result<Str*> str_repr(Str* s) {
  std::string r = repr_text(s, false);
  return s->ascii ? str_new_ascii(r) : str_new(r);
}

Result<Value> str_compare(Str* a, Str* b, int op) {
  using namespace bytecode;
  if (op == CMP_EQ) return Bool(str_eq(a, b));
  if (op == CMP_NE) return Bool(!str_eq(a, b));
  // UTF-8 (and WTF-8) byte order is code point order.
  int64_t n = std::min(a->nbytes, b->nbytes);
  int c = std::memcmp(a->data, b->data, size_t(n));
  if (c == 0) c = a->nbytes < b->nbytes ? -1 : a->nbytes > b->nbytes ? 1 : 0;
  switch (op) {
    case CMP_LT: return Bool(c < 0);
    case CMP_LE: return Bool(c <= 0);
    case CMP_GT: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}

namespace {

inline Str* S(Value v) { return as_str(v); }

Value str_of(std::string_view u, bool ascii) { return Value(ascii ? str_new_ascii(u) : str_new(u)); }
// Substring by byte offsets of a str that is known to be ASCII iff `ascii`.
Value sub_bytes(Str* s, int64_t b0, int64_t b1) {
  if (b0 == 0 && b1 == s->nbytes) return Value(exact_str(s));
  return Value(str_new(std::string_view(s->data + b0, size_t(b1 - b0))));
}

// ---- construction --------------------------------------------------------------------------------------
Result<Value> str_new_fn(Value* args, int64_t nargs, Tuple* kw) {
  if (nargs < 1) return raise(tp_TypeError, "str.__new__(): not enough arguments");
  if (!is_type(args[0]))
    return raise_fmt(tp_TypeError, "str.__new__(X): X is not a type object (%s)", type_name(args[0]));
  Type* cls = as_type(args[0]);
  if (!is_subtype(cls, tp_str))
    return raise_fmt(tp_TypeError, "str.__new__(%s): %s is not a subtype of str", cls->name->data, cls->name->data);
  Value a[3];
  int64_t np = nargs - 1;
  if (np > 3) return raise_fmt(tp_TypeError, "str() takes at most 3 arguments (%lld given)", (long long)np);
  for (int64_t i = 0; i < np; i++) a[i] = args[1 + i];
  for (int64_t k = 0; k < nkw(kw); k++) {
    Str* nm = S(kw->items[k]);
    int idx = nm->view() == "object" ? 0 : nm->view() == "encoding" ? 1 : nm->view() == "errors" ? 2 : -1;
    if (idx < 0) return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for str()", nm->data);
    if (a[idx])
      return raise_fmt(tp_TypeError, "argument for str() given by name ('%s') and position (%d)", nm->data, idx + 1);
    a[idx] = args[nargs + k];
  }
  Str* result;
  if (!a[0]) {
    result = str_empty();
  } else if (!a[1] && !a[2]) {
    result = TRY(str(a[0]));
  } else {
    std::string_view enc = "utf-8", err = "strict";
    if (a[1]) {
      if (!is_str(a[1])) return raise_fmt(tp_TypeError, "str() argument 'encoding' must be str, not %s", text::clinic_type_name(a[1]));
      enc = S(a[1])->view();
    }
    if (a[2]) {
      if (!is_str(a[2])) return raise_fmt(tp_TypeError, "str() argument 'errors' must be str, not %s", text::clinic_type_name(a[2]));
      err = S(a[2])->view();
    }
    if (is_str(a[0])) return raise(tp_TypeError, "decoding str is not supported");
    std::string_view data;
    if (!buffer_view_opt(a[0], &data))
      return raise_fmt(tp_TypeError, "decoding to str: need a bytes-like object, %s found", type_name(a[0]));
    Value r = TRY(codec_decode(data, enc, err, is_bytes(a[0]) ? a[0] : Value()));
    result = S(r);
  }
  return Value(text::str_new_subtype(cls, result));
}

// ---- repr / str / hash / len / sizeof ---------------------------------------------------------------------
Result<Value> str_repr_fn(Value* args, int64_t nargs, Tuple*) {
  TRY(exact_args("str.__repr__", nargs - 1, 0));
  return Value(TRY(str_repr(S(args[0]))));
}
Result<Value> str_str_fn(Value* args, int64_t nargs, Tuple*) {
  TRY(exact_args("str.__str__", nargs - 1, 0));
  return Value(exact_str(S(args[0])));
}
Result<Value> str_hash_fn(Value* args, int64_t, Tuple*) { return int_from_i64(str_hash(S(args[0]))); }
Result<Value> str_len_fn(Value* args, int64_t, Tuple*) { return Value::small(S(args[0])->length); }
Result<Value> str_sizeof(Value* args, int64_t, Tuple*) {
  // CPython's PEP 393 sizes, which code checks against (a compact ASCII
  // object, or a compact one storing 1, 2 or 4 bytes per character as its
  // widest character needs), though gilpy stores UTF-8.
  Str* s = S(args[0]);
  if (s->ascii) return Value::small(48 + s->length + 1);
  uint32_t widest = 0;
  std::string_view v = s->view();
  for (size_t i = 0; i < v.size();) {
    utf8::Decoded d = utf8::decode(v, i, true);
    widest = std::max(widest, d.cp);
    i += d.len;
  }
  int64_t kind = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  return Value::small(72 + (s->length + 1) * kind);
}
Result<Value> str_getnewargs(Value* args, int64_t, Tuple*) {
  return Value(tuple_of({Value(str_new(S(args[0])->view()))}));
}

// ---- indexing ----------------------------------------------------------------------------------------------
Result<Value> str_getitem(Value* args, int64_t nargs, Tuple*) {
  if (nargs != 2) return raise_fmt(tp_TypeError, "expected 1 argument, got %lld", (long long)(nargs - 1));
  Str* s = S(args[0]);
  Value key = args[1];
  int64_t n = s->length;
  if (key.is_small() || is_int(key) || (!text::is_slice(key) && key.is_obj() && type_lookup(key.type(), N.__index__))) {
    int64_t i;
    if (key.is_small()) {
      i = key.as_small();
    } else {
      Value iv = TRY(index_value(key));
      if (!int_fits_i64(iv, &i)) return raise(tp_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(tp_IndexError, "string index out of range");
    if (s->ascii) return Value(str_from_cp(static_cast<unsigned char>(s->data[i])));
    int64_t off = text::cp_offset(s, i);
    int64_t end = off;
    text::next_cp(s->data, &end);
    if (end - off == 1 || end - off == 2) {
      int64_t k = off;
      return Value(str_from_cp(text::next_cp(s->data, &k)));  // shared objects below U+0100
    }
    return Value(str_new(std::string_view(s->data + off, size_t(end - off))));
  }
  if (text::is_slice(key)) {
    int64_t start, stop, step;
    int64_t len = TRY(text::slice_resolve(key, n, &start, &stop, &step));
    if (len <= 0) return Value(str_empty());
    if (step == 1) {
      if (len == n) return Value(exact_str(s));
      if (s->ascii) return Value(str_substr(s, start, start + len));
      int64_t b0 = text::cp_offset(s, start);
      int64_t b1 = text::skip_cps(s->data, s->nbytes, b0, len);
      return Value(str_new(std::string_view(s->data + b0, size_t(b1 - b0))));
    }
    std::string out;
    if (s->ascii) {
      out.resize(size_t(len));
      for (int64_t k = 0, i = start; k < len; k++, i += step) out[size_t(k)] = s->data[i];
      return Value(str_new_ascii(out));
    }
    // Non-ASCII with a step: index every code point's byte offset once.
    std::vector<int64_t> offs;
    offs.reserve(size_t(n) + 1);
    for (int64_t b = 0; b < s->nbytes;) {
      offs.push_back(b);
      text::next_cp(s->data, &b);
    }
    offs.push_back(s->nbytes);
    out.reserve(size_t(len) * 2);
    for (int64_t k = 0, i = start; k < len; k++, i += step)
      out.append(s->data + offs[size_t(i)], size_t(offs[size_t(i) + 1] - offs[size_t(i)]));
    return Value(str_new(out));
  }
  return raise_fmt(tp_TypeError, "string indices must be integers, not '%s'", type_name(key));
}

// ---- iteration ---------------------------------------------------------------------------------------------
struct StrIter : Object {
  Str* s;          // null once exhausted
  int64_t index;   // code points consumed
  int64_t offset;  // byte offset of the next code point
};

Status str_iternext(Value it, Value* out) {
  StrIter* si = it.as<StrIter>();
  *out = Value();
  Str* s = si->s;
  if (!s) return OK();
  if (si->offset >= s->nbytes) {
    si->s = nullptr;
    return OK();
  }
  unsigned char c = static_cast<unsigned char>(s->data[si->offset]);
  if (c < 0x80) {
    si->offset++;
    *out = Value(str_from_cp(c));
  } else {
    int64_t b = si->offset;
    uint32_t cp = text::next_cp(s->data, &si->offset);
    *out = cp < 0x100 ? Value(str_from_cp(cp)) : Value(str_new(std::string_view(s->data + b, size_t(si->offset - b))));
  }
  si->index++;
  return OK();
}

Result<Value> str_iter(Value* args, int64_t, Tuple*) {
  StrIter* it = static_cast<StrIter*>(alloc_instance(tp_str_iterator, sizeof(StrIter)));
  it->s = S(args[0]);
  return Value(it);
}
Result<Value> striter_next(Value* args, int64_t, Tuple*) {
  Value out;
  TRY(str_iternext(args[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
Result<Value> striter_iter(Value* args, int64_t, Tuple*) { return args[0]; }
Result<Value> striter_length_hint(Value* args, int64_t, Tuple*) {
  StrIter* si = args[0].as<StrIter>();
  if (!si->s) return Value::small(0);
  return Value::small(std::max<int64_t>(0, si->s->length - si->index));
}
Result<Value> striter_reduce(Value* args, int64_t, Tuple*) {
  StrIter* si = args[0].as<StrIter>();
  if (!si->s) return iter_reduce_exhausted(Value(str_new("")));
  return iter_reduce_at(builtin_iter(), Value(si->s), si->index);
}
Result<Value> striter_setstate(Value* args, int64_t, Tuple*) {
  StrIter* si = args[0].as<StrIter>();
  if (!si->s) return None();
  si->index = TRY(iter_state_index(args[1], 0, si->s->length));
  si->offset = text::cp_offset(si->s, si->index);
  return None();
}

// ---- operators -------------------------------------------------------------------------------------------------
Result<Value> str_contains(Value* args, int64_t nargs, Tuple*) {
  TRY(exact_args("str.__contains__", nargs - 1, 1));
  if (!is_str(args[1]))
    return raise_fmt(tp_TypeError, "'in <string>' requires string as left operand, not %s", type_name(args[1]));
  Str* s = S(args[0]);
  Str* sub = S(args[1]);
  return Bool(text::find(s->view(), sub->view(), 0, s->nbytes) >= 0);
}

Result<Value> str_add(Value* args, int64_t nargs, Tuple*) {
  TRY(exact_args("str.__add__", nargs - 1, 1));
  Value other = args[1];
  if (!is_str(other)) {
    // CPython reaches str's sq_concat only after the right operand's __radd__ declined.
    if (text::defers_to_reflected(other, N.__radd__)) return Value(g_NotImplemented);
    return raise_fmt(tp_TypeError, "can only concatenate str (not \"%s\") to str", type_name(other));
  }
  Str* a = S(args[0]);
  Str* b = S(other);
  if (a->nbytes == 0) return Value(exact_str(b));
  if (b->nbytes == 0) return Value(exact_str(a));
  return Value(str_concat(a, b));
}

Result<Value> repeat_str(Str* s, Value count, bool reflected) {
  int64_t n;
  if (count.is_small()) {
    n = count.as_small();
  } else if (is_int(count) || (count.is_obj() && type_lookup(count.type(), N.__index__))) {
    Value iv = TRY(index_value(count));
    if (!int_fits_i64(iv, &n))
      return raise_fmt(tp_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(count));
  } else {
    if (!reflected && text::defers_to_reflected(count, N.__rmul__)) return Value(g_NotImplemented);
    return raise_fmt(tp_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(count));
  }
  if (n <= 0 || s->nbytes == 0) return Value(str_empty());
  if (n == 1) return Value(exact_str(s));
  // Too long is counted in characters, as CPython; beyond that, UTF-8 bytes
  // that could never be allocated are a MemoryError.
  if (n > INT64_MAX / s->length) return raise(tp_OverflowError, "repeated string is too long");
  if (n > INT64_MAX / s->nbytes) return raise_memory_error();
  if (n * s->nbytes >= (int64_t(1) << 40)) return raise_memory_error();  // 1 TiB: never (nor ASan's limit)
  std::string out;
  size_t total = size_t(n * s->nbytes);
  out.reserve(total);
  if (s->nbytes == 1) {
    out.assign(total, s->data[0]);
  } else {
    out.append(s->view());
    while (out.size() * 2 <= total) out.append(out);
    out.append(out.data(), total - out.size());
  }
  return str_of(out, s->ascii);
}

Result<Value> str_mul(Value* args, int64_t nargs, Tuple*) {
  TRY(exact_args("str.__mul__", nargs - 1, 1));
  return repeat_str(S(args[0]), args[1], false);
}
Result<Value> str_rmul(Value* args, int64_t nargs, Tuple*) {
  TRY(exact_args("str.__rmul__", nargs - 1, 1));
  return repeat_str(S(args[0]), args[1], true);
}

Result<Value> str_mod(Value* args, int64_t nargs, Tuple*) {
  TRY(exact_args("str.__mod__", nargs - 1, 1));
  return percent_format(S(args[0]), args[1]);
}
Result<Value> str_rmod(Value* args, int64_t nargs, Tuple*) {
  TRY(exact_args("str.__rmod__", nargs - 1, 1));
  return Value(g_NotImplemented);
}

Result<Value> cmp(Value* args, int64_t nargs, int op) {
  if (nargs != 2) return raise(tp_TypeError, "expected 1 argument");
  if (!is_str(args[1])) return Value(g_NotImplemented);
  return str_compare(S(args[0]), S(args[1]), op);
}
Result<Value> str_lt(Value* a, int64_t n, Tuple*) { return cmp(a, n, bytecode::CMP_LT); }
Result<Value> str_le(Value* a, int64_t n, Tuple*) { return cmp(a, n, bytecode::CMP_LE); }
Result<Value> str_eq_fn(Value* a, int64_t n, Tuple*) { return cmp(a, n, bytecode::CMP_EQ); }
Result<Value> str_ne(Value* a, int64_t n, Tuple*) { return cmp(a, n, bytecode::CMP_NE); }
Result<Value> str_gt(Value* a, int64_t n, Tuple*) { return cmp(a, n, bytecode::CMP_GT); }
Result<Value> str_ge(Value* a, int64_t n, Tuple*) { return cmp(a, n, bytecode::CMP_GE); }

// ---- find family ----------------------------------------------------------------------------------------------
enum FindKind { kFind, kRFind, kIndex, kRIndex, kCount };

// Resolve [start, end) code point arguments into byte offsets; false when start > len
// (then nothing can match, not even the empty string).
Result<bool> byte_range(Str* s, Value vstart, Value vend, int64_t* b0, int64_t* b1, int64_t* c0, int64_t* c1) {
  int64_t start, end;
  TRY(text::start_end(vstart, vend, s->length, &start, &end));
  *c0 = start;
  *c1 = end;
  if (start > s->length) return false;
  if (end < start) { *b0 = *b1 = 0; return true; }
  if (s->ascii) { *b0 = start; *b1 = end; return true; }
  *b0 = text::cp_offset(s, start);
  *b1 = end - start > s->length / 2 ? text::cp_offset(s, end) : text::skip_cps(s->data, s->nbytes, *b0, end - start);
  return true;
}

Result<Value> find_impl(const char* fname, Value* args, int64_t nargs, Tuple* kw, FindKind kind) {
  TRY(no_kwargs(fname, kw));
  TRY(arity(fname, nargs - 1, 1, 3));
  Str* s = S(args[0]);
  Str* sub = TRY(str_arg(args[1]));
  int64_t b0, b1, c0, c1;
  bool ok = TRY(byte_range(s, nargs > 2 ? args[2] : Value(), nargs > 3 ? args[3] : Value(), &b0, &b1, &c0, &c1));
  if (kind == kCount) {
    if (!ok || c1 < c0) return Value::small(0);
    if (sub->nbytes == 0) return Value::small(c1 - c0 + 1);
    return Value::small(text::count(s->view(), sub->view(), b0, b1, INT64_MAX));
  }
  int64_t r = -1;
  if (ok && c1 >= c0) {
    r = (kind == kFind || kind == kIndex) ? text::find(s->view(), sub->view(), b0, b1)
                                          : text::rfind(s->view(), sub->view(), b0, b1);
    if (r >= 0 && !s->ascii) r = c0 + text::count_cps(s->data + b0, r - b0);
  }
  if (r < 0 && (kind == kIndex || kind == kRIndex)) return raise(tp_ValueError, "substring not found");
  return Value::small(r);
}
Result<Value> str_find(Value* a, int64_t n, Tuple* k) { return find_impl("find", a, n, k, kFind); }
Result<Value> str_rfind(Value* a, int64_t n, Tuple* k) { return find_impl("rfind", a, n, k, kRFind); }
Result<Value> str_index(Value* a, int64_t n, Tuple* k) { return find_impl("index", a, n, k, kIndex); }
Result<Value> str_rindex(Value* a, int64_t n, Tuple* k) { return find_impl("rindex", a, n, k, kRIndex); }
Result<Value> str_count(Value* a, int64_t n, Tuple* k) { return find_impl("count", a, n, k, kCount); }

Result<Value> startsend(const char* fname, Value* args, int64_t nargs, Tuple* kw, bool ends) {
  TRY(no_kwargs(fname, kw));
  TRY(arity(fname, nargs - 1, 1, 3));
  Str* s = S(args[0]);
  int64_t b0, b1, c0, c1;
  bool ok = TRY(byte_range(s, nargs > 2 ? args[2] : Value(), nargs > 3 ? args[3] : Value(), &b0, &b1, &c0, &c1));
  auto test = [&](Str* p) {
    if (!ok) return false;
    if (c1 < c0) return false;
    if (b1 - b0 < p->nbytes) return false;
    if (ends) return std::memcmp(s->data + b1 - p->nbytes, p->data, size_t(p->nbytes)) == 0;
    return std::memcmp(s->data + b0, p->data, size_t(p->nbytes)) == 0;
  };
  Value x = args[1];
  if (is_tuple(x)) {
    Tuple* t = as_tuple(x);
    for (int64_t i = 0; i < t->size; i++) {
      if (!is_str(t->items[i]))
        return raise_fmt(tp_TypeError, "tuple for %s must only contain str, not %s", fname, type_name(t->items[i]));
      if (test(S(t->items[i]))) return True();
    }
    return False();
  }
  if (!is_str(x))
    return raise_fmt(tp_TypeError, "%s first arg must be str or a tuple of str, not %s", fname, type_name(x));
  return Bool(test(S(x)));
}
Result<Value> str_startswith(Value* a, int64_t n, Tuple* k) { return startsend("startswith", a, n, k, false); }
Result<Value> str_endswith(Value* a, int64_t n, Tuple* k) { return startsend("endswith", a, n, k, true); }

// ---- split family --------------------------------------------------------------------------------------------
Value list_of_strs(const std::vector<std::string_view>& parts, bool ascii) {
  List* l = list_new(int64_t(parts.size()));
  for (size_t i = 0; i < parts.size(); i++) l->items[i] = str_of(parts[i], ascii);
  l->size = int64_t(parts.size());
  return Value(l);
}

// Whitespace split with Unicode whitespace (pieces as byte ranges of s).
void split_ws(Str* s, int64_t maxsplit, bool right, std::vector<std::string_view>& out) {
  if (s->ascii) {
    if (right) text::rsplit_ascii_ws(s->view(), maxsplit, out, true);
    else text::split_ascii_ws(s->view(), maxsplit, out, true);
    return;
  }
  if (maxsplit < 0) maxsplit = INT64_MAX;
  const char* p = s->data;
  int64_t n = s->nbytes;
  auto space_at = [&](int64_t i, int64_t* next) {  // is the cp starting at i a space
    int64_t k = i;
    uint32_t cp = text::next_cp(p, &k);
    *next = k;
    return is_str_space(cp);
  };
  auto space_before = [&](int64_t i, int64_t* prev) {  // cp ending at i
    int64_t k = i;
    uint32_t cp = text::prev_cp(p, &k);
    *prev = k;
    return is_str_space(cp);
  };
  if (!right) {
    int64_t i = 0, nx;
    while (i < n) {
      while (i < n && space_at(i, &nx)) i = nx;
      if (i == n) break;
      if (maxsplit == 0) {  // the remainder keeps its trailing whitespace
        out.push_back(std::string_view(p + i, size_t(n - i)));
        return;
      }
      int64_t j = i;
      while (j < n && !space_at(j, &nx)) j = nx;
      out.push_back(std::string_view(p + i, size_t(j - i)));
      maxsplit--;
      i = j;
    }
    return;
  }
  size_t first = out.size();
  int64_t e = n, pv;
  while (e > 0) {
    while (e > 0 && space_before(e, &pv)) e = pv;
    if (e == 0) break;
    if (maxsplit == 0) {  // the remainder keeps its leading whitespace
      out.push_back(std::string_view(p, size_t(e)));
      break;
    }
    int64_t j = e;
    while (j > 0 && !space_before(j, &pv)) j = pv;
    out.push_back(std::string_view(p + j, size_t(e - j)));
    maxsplit--;
    e = j;
  }
  std::reverse(out.begin() + long(first), out.end());
}

Result<Value> split_impl(const char* fname, Value* args, int64_t nargs, Tuple* kw, bool right) {
  Value a[2];
  TRY(parse_args(fname, args + 1, nargs - 1, kw, {"sep", "maxsplit"}, 0, a));
  int64_t maxsplit = -1;
  if (a[1]) maxsplit = TRY(text::ssize_arg(a[1]));
  Str* s = S(args[0]);
  std::vector<std::string_view> parts;
  if (!a[0] || is_none(a[0])) {
    split_ws(s, maxsplit, right, parts);
  } else {
    if (!is_str(a[0])) return raise_fmt(tp_TypeError, "must be str or None, not %s", type_name(a[0]));
    Str* sep = S(a[0]);
    if (sep->nbytes == 0) return raise(tp_ValueError, "empty separator");
    if (right) text::rsplit_sep(s->view(), sep->view(), maxsplit, parts);
    else text::split_sep(s->view(), sep->view(), maxsplit, parts);
    if (parts.size() == 1 && s->type == tp_str) {
      List* l = list_new(1);
      l->items[0] = Value(s);
      l->size = 1;
      return Value(l);
    }
  }
  return list_of_strs(parts, s->ascii);
}
Result<Value> str_split(Value* a, int64_t n, Tuple* k) { return split_impl("split", a, n, k, false); }
Result<Value> str_rsplit(Value* a, int64_t n, Tuple* k) { return split_impl("rsplit", a, n, k, true); }

Result<Value> partition_impl(const char* fname, const char* qual, Value* args, int64_t nargs, Tuple* kw, bool right) {
  TRY(no_kwargs(fname, kw));
  TRY(exact_args(qual, nargs - 1, 1));
  Str* s = S(args[0]);
  Str* sep = TRY(str_arg(args[1]));
  if (sep->nbytes == 0) return raise(tp_ValueError, "empty separator");
  int64_t j = right ? text::rfind(s->view(), sep->view(), 0, s->nbytes) : text::find(s->view(), sep->view(), 0, s->nbytes);
  Value e = Value(str_empty());
  if (j < 0) {
    if (right) return Value(tuple_of({e, e, Value(exact_str(s))}));
    return Value(tuple_of({Value(exact_str(s)), e, e}));
  }
  return Value(tuple_of({sub_bytes(s, 0, j), Value(exact_str(sep)), sub_bytes(s, j + sep->nbytes, s->nbytes)}));
}
Result<Value> str_partition(Value* a, int64_t n, Tuple* k) { return partition_impl("partition", "str.partition", a, n, k, false); }
Result<Value> str_rpartition(Value* a, int64_t n, Tuple* k) { return partition_impl("rpartition", "str.rpartition", a, n, k, true); }

// ---- join / replace -----------------------------------------------------------------------------------------
Result<Value> str_join(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("join", kw));
  TRY(exact_args("str.join", nargs - 1, 1));
  Str* sep = S(args[0]);
  Value seq = args[1];
  Value* items;
  int64_t n;
  if (seq.type() == tp_list) { items = as_list(seq)->items; n = as_list(seq)->size; }
  else if (seq.type() == tp_tuple) { items = as_tuple(seq)->items; n = as_tuple(seq)->size; }
  else {
    Result<List*> l = to_list(seq);
    if (l.is_err()) {
      if (exc_matches(tp_TypeError) && !type_lookup(seq.type(), N.__iter__) && !type_lookup(seq.type(), N.__getitem__)) {
        exc_clear();
        return raise(tp_TypeError, "can only join an iterable");
      }
      return ERR;
    }
    items = l.value()->items;
    n = l.value()->size;
  }
  if (n == 0) return Value(str_empty());
  if (n == 1 && items[0].type() == tp_str) return items[0];
  int64_t total = sep->nbytes * (n - 1);
  bool ascii = sep->ascii;
  for (int64_t i = 0; i < n; i++) {
    if (!is_str(items[i]))
      return raise_fmt(tp_TypeError, "sequence item %lld: expected str instance, %s found", (long long)i, type_name(items[i]));
    total += S(items[i])->nbytes;
    ascii = ascii && S(items[i])->ascii;
  }
  std::string out;
  out.reserve(size_t(total));
  for (int64_t i = 0; i < n; i++) {
    if (i && sep->nbytes) out.append(sep->data, size_t(sep->nbytes));
    out.append(S(items[i])->data, size_t(S(items[i])->nbytes));
  }
  return str_of(out, ascii);
}

Result<Value> str_replace(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("replace", kw));
  TRY(positional("replace", nargs - 1, 2, 3));
  Str* s = S(args[0]);
  Str* old = TRY(str_arg(args[1], "replace() argument 1 "));
  Str* rep = TRY(str_arg(args[2], "replace() argument 2 "));
  int64_t count = -1;
  if (nargs > 3) count = TRY(text::ssize_arg(args[3]));
  if (count == 0) return Value(exact_str(s));
  bool ascii = s->ascii && rep->ascii;
  if (old->nbytes == 0) {
    // Insert rep before every code point and at the end, up to count times.
    std::string out;
    int64_t limit = count < 0 ? INT64_MAX : count;
    int64_t k = 0;
    for (int64_t i = 0; i <= s->nbytes;) {
      if (k < limit) { out.append(rep->view()); k++; }
      if (i == s->nbytes) break;
      int64_t j = i;
      text::next_cp(s->data, &j);
      out.append(s->data + i, size_t(j - i));
      i = j;
    }
    return str_of(out, ascii);
  }
  int64_t nrep;
  std::string out = text::replace(s->view(), old->view(), rep->view(), count, &nrep);
  if (nrep == 0) return Value(exact_str(s));
  return str_of(out, ascii);
}

// ---- strip / prefix / suffix ------------------------------------------------------------------------------------
Result<Value> strip_impl(const char* fname, Value* args, int64_t nargs, Tuple* kw, int where) {
  TRY(no_kwargs(fname, kw));
  TRY(positional(fname, nargs - 1, 0, 1));
  Str* s = S(args[0]);
  const char* p = s->data;
  int64_t i = 0, j = s->nbytes;
  if (nargs < 2 || is_none(args[1])) {
    int64_t k;
    if (where & 1)
      while (i < j) { k = i; if (!is_str_space(text::next_cp(p, &k))) break; i = k; }
    if (where & 2)
      while (j > i) { k = j; if (!is_str_space(text::prev_cp(p, &k))) break; j = k; }
  } else {
    if (!is_str(args[1])) return raise_fmt(tp_TypeError, "%s arg must be None or str", fname);
    Str* chars = S(args[1]);
    auto in_set = [&](uint32_t cp) {
      if (chars->ascii) return cp < 128 && std::memchr(chars->data, int(cp), size_t(chars->nbytes)) != nullptr;
      char buf[4];
      int len = str_encode_cp(cp, buf);
      return text::find(chars->view(), std::string_view(buf, size_t(len)), 0, chars->nbytes) >= 0;
    };
    int64_t k;
    if (where & 1)
      while (i < j) { k = i; if (!in_set(text::next_cp(p, &k))) break; i = k; }
    if (where & 2)
      while (j > i) { k = j; if (!in_set(text::prev_cp(p, &k))) break; j = k; }
  }
  return sub_bytes(s, i, j);
}
Result<Value> str_strip(Value* a, int64_t n, Tuple* k) { return strip_impl("strip", a, n, k, 3); }
Result<Value> str_lstrip(Value* a, int64_t n, Tuple* k) { return strip_impl("lstrip", a, n, k, 1); }
Result<Value> str_rstrip(Value* a, int64_t n, Tuple* k) { return strip_impl("rstrip", a, n, k, 2); }

Result<Value> str_removeprefix(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("removeprefix", kw));
  TRY(exact_args("str.removeprefix", nargs - 1, 1));
  Str* s = S(args[0]);
  Str* p = TRY(str_arg(args[1], "removeprefix() argument "));
  if (p->nbytes && s->nbytes >= p->nbytes && std::memcmp(s->data, p->data, size_t(p->nbytes)) == 0)
    return sub_bytes(s, p->nbytes, s->nbytes);
  return Value(exact_str(s));
}

Result<Value> str_removesuffix(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("removesuffix", kw));
  TRY(exact_args("str.removesuffix", nargs - 1, 1));
  Str* s = S(args[0]);
  Str* p = TRY(str_arg(args[1], "removesuffix() argument "));
  if (p->nbytes && s->nbytes >= p->nbytes &&
      std::memcmp(s->data + s->nbytes - p->nbytes, p->data, size_t(p->nbytes)) == 0)
    return sub_bytes(s, 0, s->nbytes - p->nbytes);
  return Value(exact_str(s));
}

// ---- padding ----------------------------------------------------------------------------------------------------
Result<uint32_t> fill_char(Value v) {
  if (!is_str(v))
    return raise_fmt(tp_TypeError, "The fill character must be a unicode character, not %s", type_name(v));
  if (S(v)->length != 1) return raise(tp_TypeError, "The fill character must be exactly one character long");
  return str_char_at(S(v), 0);
}

Result<Value> pad_impl(const char* fname, Value* args, int64_t nargs, Tuple* kw, int how) {
  TRY(no_kwargs(fname, kw));
  TRY(positional(fname, nargs - 1, 1, 2));
  int64_t width = TRY(text::ssize_arg(args[1]));
  uint32_t fill = ' ';
  if (nargs > 2) fill = TRY(fill_char(args[2]));
  Str* s = S(args[0]);
  if (width <= s->length) return Value(exact_str(s));
  if (width > (int64_t(1) << 38)) return raise_memory_error();
  int64_t total = width - s->length, left;
  if (how == 0) left = 0;
  else if (how == 1) left = total;
  else left = total / 2 + (total & width & 1);  // CPython's center() rounding
  char fb[4];
  int fl = str_encode_cp(fill, fb);
  std::string out;
  out.reserve(size_t(s->nbytes + total * fl));
  for (int64_t k = 0; k < left; k++) out.append(fb, size_t(fl));
  out.append(s->view());
  for (int64_t k = left; k < total; k++) out.append(fb, size_t(fl));
  return str_of(out, s->ascii && fill < 128);
}
Result<Value> str_ljust(Value* a, int64_t n, Tuple* k) { return pad_impl("ljust", a, n, k, 0); }
Result<Value> str_rjust(Value* a, int64_t n, Tuple* k) { return pad_impl("rjust", a, n, k, 1); }
Result<Value> str_center(Value* a, int64_t n, Tuple* k) { return pad_impl("center", a, n, k, 2); }

Result<Value> str_zfill(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("zfill", kw));
  TRY(exact_args("str.zfill", nargs - 1, 1));
  int64_t width = TRY(text::ssize_arg(args[1]));
  Str* s = S(args[0]);
  if (width <= s->length) return Value(exact_str(s));
  if (width > (int64_t(1) << 38)) return raise_memory_error();
  size_t fill = size_t(width - s->length);
  std::string out(fill, '0');
  out.append(s->view());
  if (s->nbytes > 0 && (out[fill] == '+' || out[fill] == '-')) {
    out[0] = out[fill];
    out[fill] = '0';
  }
  return str_of(out, s->ascii);
}

const MethodDef str_methods[] = {
    {"__new__", str_new_fn, MethKind::Static},
    {"__repr__", str_repr_fn},
    {"__str__", str_str_fn},
    {"__hash__", str_hash_fn},
    {"__len__", str_len_fn},
    {"__getitem__", str_getitem},
    {"__iter__", str_iter},
    {"__contains__", str_contains},
    {"__add__", str_add},
    {"__mul__", str_mul},
    {"__rmul__", str_rmul},
    {"__mod__", str_mod},
    {"__rmod__", str_rmod},
    {"__lt__", str_lt},
    {"__le__", str_le},
    {"__eq__", str_eq_fn},
    {"__ne__", str_ne},
    {"__gt__", str_gt},
    {"__ge__", str_ge},
    {"__sizeof__", str_sizeof},
    {"__getnewargs__", str_getnewargs},
    {"find", str_find},
    {"rfind", str_rfind},
    {"index", str_index},
    {"rindex", str_rindex},
    {"count", str_count},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"split", str_split},
    {"rsplit", str_rsplit},
    {"partition", str_partition},
    {"rpartition", str_rpartition},
    {"join", str_join},
    {"replace", str_replace},
    {"strip", str_strip},
    {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"ljust", str_ljust},
    {"rjust", str_rjust},
    {"center", str_center},
    {"zfill", str_zfill},
    {nullptr, nullptr}};

const MethodDef str_iter_methods[] = {
    {"__next__", striter_next},
    {"__iter__", striter_iter},
    {"__length_hint__", striter_length_hint},
    {"__reduce__", striter_reduce},
    {"__setstate__", striter_setstate},
    {nullptr, nullptr}};

}  // namespace

void init_str_type() {
  type_add_methods(tp_str, str_methods);
  add_methods2(tp_str);
  add_format_methods(tp_str);
  type_add_methods(tp_str_iterator, str_iter_methods);
  tp_str_iterator->iternext = str_iternext;
  type_set_attr_const(tp_str, "__doc__",
                      str_value("str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
                                "Create a new string object from the given object. If encoding or\n"
                                "errors is specified, then the object must expose a data buffer\n"
                                "that will be decoded using the given encoding and error handler.\n"
                                "Otherwise, returns the result of object.__str__() (if defined)\n"
                                "or repr(object).\n"
                                "encoding defaults to sys.getdefaultencoding().\n"
                                "errors defaults to 'strict'."));
}

}  // namespace gilpy
