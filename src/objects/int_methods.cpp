// The Python-visible methods of int and bool, and int(x, base) / bool(x).
//
// Every int method also serves bool and user subclasses of int: `self` may be
// a small int, an exact big Int, a bool or a subclass instance, so values are
// read through IntView and results are always exact ints (CPython returns
// exact ints from int's methods, e.g. True.__pos__() is 1).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "bytecode/opcodes.h"
#include "common/numfmt.h"
#include "common/unicode.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int_impl.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

namespace {

inline Value not_implemented() { return Value(g_NotImplemented); }

Err descr_error(const char* name, Value self, const char* owner) {
  return raise_fmt(tp_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", name, owner,
                   type_name(self));
}

// Checks for the operator slot wrappers (__add__ etc.): self is an int, no
// keywords, exactly `want` arguments after self (CPython's wording).
Status slot_args(const char* name, Value* a, int64_t n, Tuple* kw, int64_t want) {
  if (n < 1 || !is_int(a[0])) return descr_error(name, n ? a[0] : None(), "int");
  if (kw && kw->size) return raise_fmt(tp_TypeError, "wrapper %s() takes no keyword arguments", name);
  if (n - 1 != want)
    return raise_fmt(tp_TypeError, "expected %lld argument%s, got %lld", (long long)want, want == 1 ? "" : "s",
                     (long long)(n - 1));
  return OK();
}

// Checks for named methods without arguments: "int.bit_length() takes no arguments (1 given)".
Status method_noargs(const char* qualname, Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_int(a[0])) return descr_error(std::strchr(qualname, '.') + 1, n ? a[0] : None(), "int");
  if (kw && kw->size) return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", qualname);
  if (n != 1) return raise_fmt(tp_TypeError, "%s() takes no arguments (%lld given)", qualname, (long long)(n - 1));
  return OK();
}

Err raise_numfmt(const numfmt::Error& e) {
  return raise(e.kind == numfmt::ErrorKind::Overflow ? tp_OverflowError : tp_ValueError, e.message);
}

// ---- operators ----------------------------------------------------------------------------------

template <int OP>
Result<Value> m_binop(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(binop_dunder[OP], a, n, kw, 1));
  if (!is_int(a[1])) return not_implemented();
  return int_arith(a[0], a[1], OP);
}
template <int OP>
Result<Value> m_rbinop(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(binop_rdunder[OP], a, n, kw, 1));
  if (!is_int(a[1])) return not_implemented();
  return int_arith(a[1], a[0], OP);
}

Result<Value> m_divmod(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__divmod__", a, n, kw, 1));
  if (!is_int(a[1])) return not_implemented();
  return int_divmod(a[0], a[1]);
}
Result<Value> m_rdivmod(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__rdivmod__", a, n, kw, 1));
  if (!is_int(a[1])) return not_implemented();
  return int_divmod(a[1], a[0]);
}

// __pow__(self, value, mod=None) and __rpow__(self, value, mod=None).
Status pow_args(const char* name, Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_int(a[0])) return descr_error(name, n ? a[0] : None(), "int");
  if (kw && kw->size) return raise_fmt(tp_TypeError, "wrapper %s() takes no keyword arguments", name);
  if (n < 2 || n > 3)
    return raise_fmt(tp_TypeError, "expected %s, got %lld", n < 2 ? "at least 1 argument" : "at most 2 arguments",
                     (long long)(n - 1));
  return OK();
}
Result<Value> m_pow(Value* a, int64_t n, Tuple* kw) {
  TRY(pow_args("__pow__", a, n, kw));
  return int_pow(a[0], a[1], n > 2 ? a[2] : Value());
}
Result<Value> m_rpow(Value* a, int64_t n, Tuple* kw) {
  TRY(pow_args("__rpow__", a, n, kw));
  return int_pow(a[1], a[0], n > 2 ? a[2] : Value());
}

constexpr const char* kCmpNames[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
template <int OP>
Result<Value> m_compare(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(kCmpNames[OP], a, n, kw, 1));
  return int_compare(a[0], a[1], OP);  // NotImplemented for non-ints (float's reflected method decides)
}

Result<Value> m_neg(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__neg__", a, n, kw, 0));
  return int_neg(a[0]);
}
Result<Value> m_pos(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__pos__", a, n, kw, 0));
  return int_exact(a[0]);
}
Result<Value> m_abs(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__abs__", a, n, kw, 0));
  return int_sign(a[0]) < 0 ? int_neg(a[0]) : int_exact(a[0]);
}
Result<Value> m_invert(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__invert__", a, n, kw, 0));
  if (a[0].is_small()) return Value::small(~a[0].as_small());  // stays within the small range
  IntView v(a[0]);
  mpz_t r;
  mpz_init(r);
  mpz_com(r, v);  // -v - 1
  return int_take(r);
}
Result<Value> m_bool(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__bool__", a, n, kw, 0));
  return Bool(int_sign(a[0]) != 0);
}
Result<Value> m_hash(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__hash__", a, n, kw, 0));
  return Value::small(int_hash(a[0]));
}
Result<Value> m_float(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__float__", a, n, kw, 0));
  double d = TRY(int_as_double(a[0]));
  return float_new(d);
}
// __int__, __index__, __trunc__, __floor__, __ceil__, conjugate: the exact int.
template <const char* const* NAME>
Result<Value> m_exact(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(*NAME, a, n, kw, 0));
  return int_exact(a[0]);
}
constexpr const char* kInt = "__int__";
constexpr const char* kIndex = "__index__";
constexpr const char* kTrunc = "__trunc__";
constexpr const char* kFloor = "__floor__";
constexpr const char* kCeil = "__ceil__";

Result<Value> m_conjugate(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("int.conjugate", a, n, kw));
  return int_exact(a[0]);
}

// ---- conversions to text --------------------------------------------------------------------------

Result<Value> m_repr(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__repr__", a, n, kw, 0));
  Str* s = TRY(int_decimal_str(a[0]));
  return Value(s);
}

Result<Value> m_format(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__format__", a, n, kw, 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "__format__() argument must be str, not %s", type_name(a[1]));
  Value self = a[0];
  Str* spec_s = as_str(a[1]);
  if (spec_s->nbytes == 0) {  // format(x, '') is str(x): 'True' for bools
    Str* s = TRY(str(self));
    return Value(s);
  }
  const char* tname = type_name(self);
  numfmt::FormatSpec spec;
  if (auto e = numfmt::parse_format_spec(spec_s->view(), spec, 'd', tname)) return raise_numfmt(*e);
  int64_t small;
  numfmt::Formatted f;
  if (int_fits_i64(self, &small)) {
    f = numfmt::format_int(small, spec, tname);
  } else {
    // Decimal output of a big int honours the int<->str digit limit.
    if (spec.type == 'd' || spec.type == 'n') TRY(int_decimal_str(self));
    Value mag = int_sign(self) < 0 ? int_neg(self) : self;
    f = numfmt::format_int(int_sign(self) < 0, [mag](int base) { return int_to_string(mag, base); }, spec, tname);
  }
  if (!f.ok()) return raise_numfmt(*f.error);
  return Value(str_new(f.text));
}

// ---- rounding -------------------------------------------------------------------------------------

// round(self, ndigits): unchanged for ndigits >= 0; otherwise to the nearest
// multiple of 10**-ndigits, ties to even.
Result<Value> m_round(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_int(a[0])) return descr_error("__round__", n ? a[0] : None(), "int");
  TRY(no_kwargs("__round__", kw));
  if (n > 2) return raise_fmt(tp_TypeError, "__round__ expected at most 1 argument, got %lld", (long long)(n - 1));
  Value self = a[0];
  if (n == 1) return int_exact(self);  // int.__round__(None) is a TypeError (round() drops None itself)
  Value nd = TRY(index_value(a[1]));
  if (int_sign(nd) >= 0) return int_exact(self);
  IntView v(self);
  int64_t k;
  // 10**k exceeds 2*|self| once k passes the digit count: the result is 0.
  if (!int_fits_i64(int_neg(nd), &k) || uint64_t(k) > mpz_sizeinbase(v.get(), 10)) return Value::small(0);
  mpz_t p, q, r, r2;
  mpz_inits(p, q, r, r2, nullptr);
  mpz_ui_pow_ui(p, 10, (unsigned long)k);
  mpz_fdiv_qr(q, r, v, p);  // r in [0, p)
  mpz_mul_2exp(r2, r, 1);
  int c = mpz_cmp(r2, p);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  return int_take(q);
}

// ---- bits and bytes ----------------------------------------------------------------------------------

Result<Value> m_bit_length(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("int.bit_length", a, n, kw));
  return int_from_u64(int_bit_length(a[0]));
}

Result<Value> m_bit_count(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("int.bit_count", a, n, kw));
  if (a[0].is_small()) {
    int64_t x = a[0].as_small();
    return Value::small(__builtin_popcountll(x < 0 ? 0 - uint64_t(x) : uint64_t(x)));
  }
  IntView v(a[0]);
  mpz_t abs_v;
  return int_from_u64(mpz_popcount(mpz_abs_view(abs_v, v)));
}

Result<bool> byteorder_arg(const char* fname, Value v) {  // true: little-endian
  if (!v) return false;
  if (!is_str(v))
    return raise_fmt(tp_TypeError, "%s() argument 'byteorder' must be str, not %s", fname, type_name(v));
  std::string_view s = as_str(v)->view();
  if (s == "little") return true;
  if (s == "big") return false;
  return raise(tp_ValueError, "byteorder must be either 'little' or 'big'");
}

// to_bytes(length=1, byteorder='big', *, signed=False)
Result<Value> m_to_bytes(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_int(a[0])) return descr_error("to_bytes", n ? a[0] : None(), "int");
  if (n - 1 > 2)
    return raise_fmt(tp_TypeError, "to_bytes() takes at most 2 positional arguments (%lld given)", (long long)(n - 1));
  Value out[3];
  TRY(parse_args("to_bytes", a + 1, n - 1, kw, {"length", "byteorder", "signed"}, 0, out, 0, 2));
  int64_t length = 1;
  if (out[0]) {
    length = TRY(as_index(out[0]));
    if (length < 0) return raise(tp_ValueError, "length argument must be non-negative");
  }
  bool little = TRY(byteorder_arg("to_bytes", out[1]));
  bool is_signed = false;
  if (out[2]) is_signed = TRY(truthy(out[2]));
  IntView v(a[0]);
  int sign = mpz_sgn(v.get());
  if (sign < 0 && !is_signed) return raise(tp_OverflowError, "can't convert negative int to unsigned");
  mpz_t t;
  mpz_init(t);
  if (sign >= 0) {
    uint64_t bits = sign ? mpz_sizeinbase(v, 2) + (is_signed ? 1 : 0) : 0;
    if (bits > uint64_t(length) * 8) return raise(tp_OverflowError, "int too big to convert");
    mpz_set(t, v);
  } else {
    // Two's complement in 8*length bits: representable iff v >= -2**(8*length - 1).
    mpz_neg(t, v);
    mpz_sub_ui(t, t, 1);
    // -1 needs no bits at all (CPython packs it into zero bytes).
    uint64_t bits = mpz_sgn(t) ? mpz_sizeinbase(t, 2) + 1 : 0;
    if (bits > uint64_t(length) * 8) return raise(tp_OverflowError, "int too big to convert");
    mpz_set_ui(t, 1);
    mpz_mul_2exp(t, t, mp_bitcnt_t(length) * 8);
    mpz_add(t, t, v);
  }
  Bytes* b = bytes_new(length);
  if (!b) return ERR;
  size_t count = mpz_sgn(t) ? (mpz_sizeinbase(t, 2) + 7) / 8 : 0;
  if (count) mpz_export(b->data + (length - int64_t(count)), nullptr, 1, 1, 1, 0, t);  // big-endian bytes
  if (little) std::reverse(b->data, b->data + length);
  return Value(b);
}

// The bytes of from_bytes' argument: a bytes-like object, __bytes__, or an iterable of ints.
Status bytes_arg(Value v, std::string* holder, std::string_view* out) {
  if (buffer_view_opt(v, out)) return OK();
  if (is_str(v)) return raise(tp_TypeError, "cannot convert 'str' object to bytes");
  if (Value m = lookup_special(v, N.__bytes__)) {
    Value r = TRY(call0(m));
    if (!is_bytes(r))
      return raise_fmt(tp_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r));
    *out = as_bytes(r)->view();
    *holder = std::string(*out);
    *out = *holder;
    return OK();
  }
  if (exc_pending()) return ERR;
  if (!type_lookup(v.type(), N.__iter__) && !type_lookup(v.type(), N.__getitem__))
    return raise_fmt(tp_TypeError, "cannot convert '%s' object to bytes", type_name(v));
  Value it = TRY(get_iter(v));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    Value iv = TRY(index_value(x));
    int64_t c;
    if (!int_fits_i64(iv, &c) || c < 0 || c > 255) return raise(tp_ValueError, "bytes must be in range(0, 256)");
    holder->push_back(char(c));
  }
  *out = *holder;
  return OK();
}

// int.from_bytes(bytes, byteorder='big', *, signed=False) (a classmethod).
Result<Value> m_from_bytes(Value* a, int64_t n, Tuple* kw) {
  if (n - 1 > 2)
    return raise_fmt(tp_TypeError, "from_bytes() takes at most 2 positional arguments (%lld given)",
                     (long long)(n - 1));
  Value out[3];
  TRY(parse_args("from_bytes", a + 1, n - 1, kw, {"bytes", "byteorder", "signed"}, 1, out, 0, 2));
  bool little = TRY(byteorder_arg("from_bytes", out[1]));
  bool is_signed = false;
  if (out[2]) is_signed = TRY(truthy(out[2]));
  std::string holder;
  std::string_view data;
  TRY(bytes_arg(out[0], &holder, &data));
  mpz_t z;
  mpz_init(z);
  if (!data.empty()) {
    mpz_import(z, data.size(), little ? -1 : 1, 1, 1, 0, data.data());
    unsigned char top = static_cast<unsigned char>(little ? data.back() : data.front());
    if (is_signed && (top & 0x80)) {
      mpz_t p;
      mpz_init_set_ui(p, 1);
      mpz_mul_2exp(p, p, mp_bitcnt_t(data.size()) * 8);
      mpz_sub(z, z, p);
    }
  }
  Value r = int_take(z);
  Value cls = a[0];
  if (cls != Value(tp_int)) return call1(cls, r);
  return r;
}

Result<Value> m_as_integer_ratio(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("int.as_integer_ratio", a, n, kw));
  return Value(tuple_of({int_exact(a[0]), Value::small(1)}));
}

Result<Value> m_getnewargs(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("int.__getnewargs__", a, n, kw));
  return Value(tuple_of({int_exact(a[0])}));
}

// CPython's size: a 24-byte header plus 4 bytes per 30-bit digit (at least one).
Result<Value> m_sizeof(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("int.__sizeof__", a, n, kw));
  uint64_t digits = (int_bit_length(a[0]) + 29) / 30;
  return int_from_u64(24 + 4 * (digits ? digits : 1));
}

// ---- getsets ------------------------------------------------------------------------------------------

Result<Value> get_exact(Value self) { return int_exact(self); }
Result<Value> get_zero(Value) { return Value::small(0); }
Result<Value> get_one(Value) { return Value::small(1); }

// ---- int(x=0, base=10) --------------------------------------------------------------------------------

Err str_limit_error(size_t ndigits) {
  return raise_fmt(tp_ValueError,
                   "Exceeds the limit (%lld digits) for integer string conversion: value has %zu digits; use "
                   "sys.set_int_max_str_digits() to increase the limit",
                   (long long)int_max_str_digits(), ndigits);
}

std::string_view strip_ascii_space(std::string_view s) {
  constexpr const char* kSpace = " \t\n\v\f\r";
  size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}

bool is_pow2_base(int base) { return base == 2 || base == 4 || base == 8 || base == 16 || base == 32; }

// int(text, base) for str and bytes-like text; base 0 or 2..36 (already checked).
Result<Value> int_from_text(Value x, int base) {
  bool text_is_str = is_str(x);
  std::string_view raw;
  if (text_is_str) raw = as_str(x)->view();
  else if (!buffer_view_opt(x, &raw)) return raise(tp_TypeError, "int() can't convert non-string with explicit base");
  std::string converted = text_is_str ? unicode::decimal_and_space_to_ascii(raw) : std::string(raw);
  std::string digits;
  int detected = 10;
  bool neg = false;
  if (!numfmt::parse_int_literal_text(strip_ascii_space(converted), base, &digits, &detected, &neg)) {
    if (text_is_str) return raise(tp_ValueError, numfmt::int_literal_error(raw, base, unicode::is_printable));
    // CPython cuts the repr (not the data) to 200 characters.
    std::string msg = "invalid literal for int() with base " + std::to_string(base) + ": " +
                      bytes_repr_text(raw).substr(0, 200);
    return raise(tp_ValueError, msg);
  }
  int64_t limit = int_max_str_digits();
  if (limit > 0 && !is_pow2_base(detected) && int64_t(digits.size()) > limit) return str_limit_error(digits.size());
  if (neg) digits.insert(digits.begin(), '-');
  return int_from_string(digits, detected);
}

// Calls a conversion method and requires an int result (exact copy returned).
Result<Value> int_from_method(Value m, const char* what) {
  Value r = TRY(call0(m));
  if (!is_int(r)) return raise_fmt(tp_TypeError, "%s returned non-int (type %s)", what, type_name(r));
  TRY(warn_int_subclass_result(r, what));
  return int_exact(r);
}

// int(x) with no base: CPython's PyNumber_Long order (__int__, __index__, __trunc__, text).
Result<Value> int_from_object(Value x) {
  if (x.is_small() || x.obj()->type == tp_int) return x;
  if (x.obj()->type == tp_float) return int_from_double_checked(std::trunc(float_val(x)));
  if (Value m = lookup_special(x, N.__int__)) return int_from_method(m, "__int__");
  if (exc_pending()) return ERR;
  if (Value m = lookup_special(x, N.__index__)) return int_from_method(m, "__index__");
  if (exc_pending()) return ERR;
  if (Value m = lookup_special(x, N.__trunc__)) {
    TRY(warn(tp_DeprecationWarning, "The delegation of int() to __trunc__ is deprecated."));
    Value r = TRY(call0(m));
    if (is_int(r)) return int_exact(r);
    Result<Value> iv = index_value(r);
    if (iv.is_err() && exc_matches(tp_TypeError)) {
      exc_clear();
      return raise_fmt(tp_TypeError, "__trunc__ returned non-Integral (type %s)", type_name(r));
    }
    return iv;
  }
  if (exc_pending()) return ERR;
  std::string_view sv;
  if (is_str(x) || buffer_view_opt(x, &sv)) return int_from_text(x, 10);
  return raise_fmt(tp_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                   type_name(x));
}

Result<Value> int_new(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_type(a[0]))
    return raise_fmt(tp_TypeError, "int.__new__(X): X is not a type object (%s)", n ? type_name(a[0]) : "NoneType");
  Type* cls = as_type(a[0]);
  if (cls != tp_int) {
    if (!is_subtype(cls, tp_int))
      return raise_fmt(tp_TypeError, "int.__new__(%s): %s is not a subtype of int", cls->name->data, cls->name->data);
    if (cls == tp_bool) return raise(tp_TypeError, "int.__new__(bool) is not safe, use bool.__new__()");
  }
  int64_t npos = n - 1;
  if (npos > 2) return raise_fmt(tp_TypeError, "int() takes at most 2 arguments (%lld given)", (long long)npos);
  Value x = npos > 0 ? a[1] : Value();
  Value base = npos > 1 ? a[2] : Value();
  for (int64_t k = 0; k < nkw(kw); k++) {
    Str* name = as_str(kw->items[k]);
    if (name->view() != "base")
      return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for int()", name->data);
    if (base) return raise(tp_TypeError, "argument for int() given by name ('base') and position (2)");
    base = a[n + k];
  }
  Value v;
  if (!base) {
    v = x ? TRY(int_from_object(x)) : Value::small(0);
  } else {
    if (!x) return raise(tp_TypeError, "int() missing string argument");
    int64_t b;
    Value bv = TRY(index_value(base));
    if (!int_fits_i64(bv, &b) || (b != 0 && (b < 2 || b > 36)))
      return raise(tp_ValueError, "int() base must be >= 2 and <= 36, or 0");
    // Only str, bytes and bytearray (and their subclasses) take a base.
    if (!is_str(x) && !has_layout(x, Layout::Bytes) && !has_layout(x, Layout::ByteArray))
      return raise(tp_TypeError, "int() can't convert non-string with explicit base");
    v = TRY(int_from_text(x, int(b)));
  }
  if (cls == tp_int) return v;
  return int_new_subtype(cls, v);
}

// ---- bool ---------------------------------------------------------------------------------------------------

Result<Value> bool_new(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_type(a[0]))
    return raise_fmt(tp_TypeError, "bool.__new__(X): X is not a type object (%s)", n ? type_name(a[0]) : "NoneType");
  if (a[0] != Value(tp_bool)) {
    const char* nm = as_type(a[0])->name->data;
    return raise_fmt(tp_TypeError, "bool.__new__(%s): %s is not a subtype of bool", nm, nm);
  }
  TRY(no_kwargs("bool", kw));
  if (n > 2) return raise_fmt(tp_TypeError, "bool expected at most 1 argument, got %lld", (long long)(n - 1));
  if (n == 1) return False();
  bool b = TRY(truthy(a[1]));
  return Bool(b);
}

Result<Value> bool_repr(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !isinstance(a[0], tp_bool)) return descr_error("__repr__", n ? a[0] : None(), "bool");
  return Value(str_intern(a[0] == True() ? "True" : "False"));
}

// bool & | ^ bool is a bool; with any other int it is int arithmetic.
template <int OP, bool REFLECTED>
Result<Value> bool_logic(Value* a, int64_t n, Tuple* kw) {
  const char* name = REFLECTED ? binop_rdunder[OP] : binop_dunder[OP];
  if (n < 1 || !isinstance(a[0], tp_bool)) return descr_error(name, n ? a[0] : None(), "bool");
  TRY(slot_args(name, a, n, kw, 1));
  Value x = a[0], y = a[1];
  if (!is_int(y)) return not_implemented();
  if (y.is_obj() && y.obj()->type == tp_bool) {
    bool p = x == True(), q = y == True();
    return Bool(OP == NB_AND ? (p && q) : OP == NB_OR ? (p || q) : (p != q));
  }
  return REFLECTED ? int_arith(y, x, OP) : int_arith(x, y, OP);
}

// ---- tables -------------------------------------------------------------------------------------------------

const MethodDef int_methods[] = {
    {"__new__", int_new, MethKind::Static},
    {"__repr__", m_repr},
    {"__hash__", m_hash},
    {"__bool__", m_bool},
    {"__format__", m_format},
    {"__add__", m_binop<NB_ADD>},
    {"__radd__", m_rbinop<NB_ADD>},
    {"__sub__", m_binop<NB_SUBTRACT>},
    {"__rsub__", m_rbinop<NB_SUBTRACT>},
    {"__mul__", m_binop<NB_MULTIPLY>},
    {"__rmul__", m_rbinop<NB_MULTIPLY>},
    {"__truediv__", m_binop<NB_TRUE_DIVIDE>},
    {"__rtruediv__", m_rbinop<NB_TRUE_DIVIDE>},
    {"__floordiv__", m_binop<NB_FLOOR_DIVIDE>},
    {"__rfloordiv__", m_rbinop<NB_FLOOR_DIVIDE>},
    {"__mod__", m_binop<NB_REMAINDER>},
    {"__rmod__", m_rbinop<NB_REMAINDER>},
    {"__divmod__", m_divmod},
    {"__rdivmod__", m_rdivmod},
    {"__pow__", m_pow},
    {"__rpow__", m_rpow},
    {"__lshift__", m_binop<NB_LSHIFT>},
    {"__rlshift__", m_rbinop<NB_LSHIFT>},
    {"__rshift__", m_binop<NB_RSHIFT>},
    {"__rrshift__", m_rbinop<NB_RSHIFT>},
    {"__and__", m_binop<NB_AND>},
    {"__rand__", m_rbinop<NB_AND>},
    {"__or__", m_binop<NB_OR>},
    {"__ror__", m_rbinop<NB_OR>},
    {"__xor__", m_binop<NB_XOR>},
    {"__rxor__", m_rbinop<NB_XOR>},
    {"__lt__", m_compare<CMP_LT>},
    {"__le__", m_compare<CMP_LE>},
    {"__eq__", m_compare<CMP_EQ>},
    {"__ne__", m_compare<CMP_NE>},
    {"__gt__", m_compare<CMP_GT>},
    {"__ge__", m_compare<CMP_GE>},
    {"__neg__", m_neg},
    {"__pos__", m_pos},
    {"__abs__", m_abs},
    {"__invert__", m_invert},
    {"__int__", m_exact<&kInt>},
    {"__index__", m_exact<&kIndex>},
    {"__float__", m_float},
    {"__trunc__", m_exact<&kTrunc>},
    {"__floor__", m_exact<&kFloor>},
    {"__ceil__", m_exact<&kCeil>},
    {"__round__", m_round},
    {"__getnewargs__", m_getnewargs},
    {"__sizeof__", m_sizeof},
    {"conjugate", m_conjugate, MethKind::NoArgs},
    {"bit_length", m_bit_length, MethKind::NoArgs,
     "Return the number of bits needed to write self in binary, without sign or leading zeros.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"},
    {"bit_count", m_bit_count, MethKind::NoArgs,
     "Return the number of 1 bits in the binary form of abs(self) (its population count).\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"},
    {"to_bytes", m_to_bytes},
    {"from_bytes", m_from_bytes, MethKind::Class},
    {"as_integer_ratio", m_as_integer_ratio, MethKind::NoArgs,
     "Return the pair (self, 1): integers whose ratio is exactly self, with a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)"},
    {nullptr, nullptr}};

const GetSetDef int_getsets[] = {
    {"real", get_exact, nullptr, "the real part of a complex number"},
    {"imag", get_zero, nullptr, "the imaginary part of a complex number"},
    {"numerator", get_exact, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", get_one, nullptr, "the denominator of a rational number in lowest terms"},
    {nullptr, nullptr}};

const MethodDef bool_methods[] = {
    {"__new__", bool_new, MethKind::Static},
    {"__repr__", bool_repr},
    {"__and__", bool_logic<NB_AND, false>},
    {"__rand__", bool_logic<NB_AND, true>},
    {"__or__", bool_logic<NB_OR, false>},
    {"__ror__", bool_logic<NB_OR, true>},
    {"__xor__", bool_logic<NB_XOR, false>},
    {"__rxor__", bool_logic<NB_XOR, true>},
    {nullptr, nullptr}};

}  // namespace

void init_int_type() {
  type_add_methods(tp_int, int_methods);
  type_add_getsets(tp_int, int_getsets);
  type_set_attr_const(
      tp_int, "__doc__",
      str_value("int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or "
                "return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating "
                "point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x "
                "must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven "
                "base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base "
                "defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string "
                "as an integer literal.\n>>> int('0b100', base=0)\n4"));
  type_add_methods(tp_bool, bool_methods);
  type_set_attr_const(
      tp_bool, "__doc__",
      str_value("bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True "
                "and False are the only two instances of the class bool.\nThe class bool is a subclass of the "
                "class int, and cannot be subclassed."));
}

}  // namespace gilpy
