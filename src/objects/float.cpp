// float: boxed IEEE doubles. Arithmetic with CPython's rules (floor division
// and modulo signs, ** special cases, division-by-zero and overflow errors),
// exact comparison with ints of any size, CPython's numeric hash, and the
// Python-visible methods. Text conversions come from common/numfmt.
#include "objects/float.h"

#include <new>

#include "runtime/thread_state.h"

#include <cfloat>
#include <cmath>
#include <cstring>

#include "bytecode/opcodes.h"
#include "common/numfmt.h"
#include "common/unicode.h"
#include "objects/bytes.h"
#include "objects/int_impl.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

Value float_new(double d) {
  void* p = g_alloc_cache.free_floats;
  if (GILPY_UNLIKELY(!p)) {
    // One granule each: a request of 16 bytes would get 32, because the
    // collector adds a byte to every request (pointers just past an object
    // then still keep it alive) and does not scan an object's last word.
    // Neither matters here: the value is no pointer, nothing points past a
    // float, and the type pointer (first word) is scanned.
    p = GC_malloc_many(sizeof(Float) - 1);
    if (!p) throw std::bad_alloc();
  }
  g_alloc_cache.free_floats = GC_NEXT(p);
  if (gc::tracing()) gc::trace_new(p);  // tracemalloc
  Float* f = static_cast<Float*>(p);
  f->type = tp_float;
  f->v = d;
  return Value(f);
}

namespace {

constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;
constexpr int kHashBits = 61;

inline Value not_implemented() { return Value(g_NotImplemented); }

bool cmp_holds(int c, int op) {
  switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
  }
}

Value float_new_subtype(Type* cls, double d) {
  // alloc_atomic_instance gives heap types (user subclasses) traced memory for their dict.
  Float* f = static_cast<Float*>(alloc_atomic_instance(cls, sizeof(Float)));
  f->v = d;
  return Value(f);
}

bool is_odd_integer(double x) { return std::isfinite(x) && std::fmod(x, 2.0) != 0.0 && x == std::floor(x); }

Err range_error() {
  // CPython reports ERANGE from pow() as OverflowError(errno, strerror).
  Value args[2] = {Value::small(34), str_value("Numerical result out of range")};
  return raise_with_args(tp_OverflowError, args, 2);
}

// x ** y with C99 Annex F's special cases as CPython refines them.
Result<Value> float_pow(double x, double y) {
  if (y == 0.0) return float_new(1.0);  // even nan ** 0
  if (std::isnan(x)) return float_new(x);
  if (std::isnan(y)) return float_new(x == 1.0 ? 1.0 : y);
  if (std::isinf(y)) {
    double ax = std::fabs(x);
    if (ax == 1.0) return float_new(1.0);
    // (|x| > 1) ** +inf and (|x| < 1) ** -inf are inf; the other two are 0.
    return float_new((y > 0) == (ax > 1.0) ? std::fabs(y) : 0.0);
  }
  if (std::isinf(x)) {
    bool odd = is_odd_integer(y);
    if (x > 0) return float_new(y > 0 ? x : 0.0);
    return float_new(y > 0 ? (odd ? x : -x) : (odd ? -0.0 : 0.0));
  }
  if (x == 0.0) {
    if (y < 0.0) return raise(tp_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return float_new(is_odd_integer(y) ? x : 0.0);  // keeps -0.0 for odd powers
  }
  bool negate = false;
  if (x < 0.0) {
    if (y != std::floor(y)) {
      // A negative base with a fractional exponent has a complex result.
      return complex_binary(complex_new(x, 0.0), complex_new(y, 0.0), NB_POWER);
    }
    x = -x;
    negate = is_odd_integer(y);
  }
  if (x == 1.0) return float_new(negate ? -1.0 : 1.0);
  double r = std::pow(x, y);
  if (std::isinf(r)) return range_error();  // finite operands overflowed
  return float_new(negate ? -r : r);
}

// Python's divmod for doubles (b != 0): the quotient rounded to an exact
// integer, the remainder with b's sign (or a zero carrying b's sign).
void float_divmod_raw(double a, double b, double* q, double* r) {
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;  // fmod is exact, so a - mod is a multiple of b up to rounding
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, b);
  }
  double fl;
  if (div != 0.0) {
    fl = std::floor(div);
    if (div - fl > 0.5) fl += 1.0;  // div is within rounding of an integer
  } else {
    fl = std::copysign(0.0, a / b);
  }
  *q = fl;
  *r = mod;
}

// A float operand of a float method: 1 and *out set; 0 for a non-number
// (NotImplemented); ERR when an int is too large for a double.
Result<int> operand(Value v, double* out) {
  if (v.is_small()) {
    *out = double(v.as_small());
    return 1;
  }
  Type* t = v.obj()->type;
  if (t->layout == Layout::Float) {
    *out = float_val(v);
    return 1;
  }
  if (t->layout == Layout::Int) {
    *out = TRY(int_as_double(v));
    return 1;
  }
  return 0;
}

Err descr_error(const char* name, Value self) {
  return raise_fmt(tp_TypeError, "descriptor '%s' requires a 'float' object but received a '%s'", name,
                   type_name(self));
}

Status slot_args(const char* name, Value* a, int64_t n, Tuple* kw, int64_t want) {
  if (n < 1 || !is_float(a[0])) return descr_error(name, n ? a[0] : None());
  if (kw && kw->size) return raise_fmt(tp_TypeError, "wrapper %s() takes no keyword arguments", name);
  if (n - 1 != want)
    return raise_fmt(tp_TypeError, "expected %lld argument%s, got %lld", (long long)want, want == 1 ? "" : "s",
                     (long long)(n - 1));
  return OK();
}

Status method_noargs(const char* qualname, Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_float(a[0])) return descr_error(std::strchr(qualname, '.') + 1, n ? a[0] : None());
  if (kw && kw->size) return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", qualname);
  if (n != 1) return raise_fmt(tp_TypeError, "%s() takes no arguments (%lld given)", qualname, (long long)(n - 1));
  return OK();
}

Err raise_numfmt(const numfmt::Error& e) {
  return raise(e.kind == numfmt::ErrorKind::Overflow ? tp_OverflowError : tp_ValueError, e.message);
}

inline Value exact_float(Value self) { return self.type() == tp_float ? self : float_new(float_val(self)); }

}  // namespace

// ---- API ----------------------------------------------------------------------------------------


Result<double> to_double(Value v) {
  if (v.is_small()) return double(v.as_small());
  Type* t = v.obj()->type;
  if (t == tp_float) return float_val(v);
  // A float subclass is read directly unless it overrides __float__.
  static Value float_float;
  if (!float_float) float_float = type_lookup(tp_float, N.__float__);
  if (t->layout == Layout::Float && type_lookup(t, N.__float__) == float_float) return float_val(v);
  if (t->layout == Layout::Int) return int_as_double(v);
  if (Value m = lookup_special(v, N.__float__)) {
    Value r = TRY(call0(m));
    if (!is_float(r))
      return raise_fmt(tp_TypeError, "%s.__float__ returned non-float (type %s)", type_name(v), type_name(r));
    if (r.type() != tp_float)
      TRY(warn(tp_DeprecationWarning,
               std::string(type_name(v)) + ".__float__ returned non-float (type " + type_name(r) +
                   ").  The ability to return an instance of a strict subclass of float is deprecated, and may be "
                   "removed in a future version of Python."));
    return float_val(r);
  }
  if (exc_pending()) return ERR;
  if (type_lookup(t, N.__index__)) {
    Value iv = TRY(index_value(v));
    return int_as_double(iv);
  }
  return raise_fmt(tp_TypeError, "must be real number, not %s", type_name(v));
}

int64_t float_hash(double d) {
  if (!std::isfinite(d)) return std::isinf(d) ? (d > 0 ? 314159 : -314159) : 0;
  // d = M * 2**E exactly with M a 53-bit integer; the hash is d mod P with
  // P = 2**61 - 1 (sign applied after), which equals the int hash whenever d
  // is integral. Since 2**61 == 1 (mod P), multiplying by 2**E is a rotation
  // of the 61-bit residue by E mod 61.
  int e;
  double m = std::frexp(std::fabs(d), &e);
  uint64_t M = uint64_t(std::ldexp(m, DBL_MANT_DIG));
  int64_t E = int64_t(e) - DBL_MANT_DIG;
  int k = int(((E % kHashBits) + kHashBits) % kHashBits);
  uint64_t h = k ? (((M << k) & kHashModulus) | (M >> (kHashBits - k))) : M;
  if (h >= kHashModulus) h -= kHashModulus;
  int64_t r = d < 0 ? -int64_t(h) : int64_t(h);
  return r == -1 ? -2 : r;
}

// CPython 3.10+: a NaN hashes by identity.
static int64_t nan_identity_hash(Value self) {
  uint64_t y = self.bits();
  y = (y >> 4) | (y << 60);
  int64_t h = int64_t(y);
  return h == -1 ? -2 : h;
}

Result<Value> float_binary(double a, double b, int op) {
  if (op >= NB_INPLACE_ADD) op -= NB_INPLACE_OFFSET;
  switch (op) {
    case NB_ADD: return float_new(a + b);
    case NB_SUBTRACT: return float_new(a - b);
    case NB_MULTIPLY: return float_new(a * b);
    case NB_TRUE_DIVIDE:
      if (b == 0.0) return raise(tp_ZeroDivisionError, "float division by zero");
      return float_new(a / b);
    case NB_FLOOR_DIVIDE: {
      if (b == 0.0) return raise(tp_ZeroDivisionError, "float floor division by zero");
      double q, r;
      float_divmod_raw(a, b, &q, &r);
      return float_new(q);
    }
    case NB_REMAINDER: {
      if (b == 0.0) return raise(tp_ZeroDivisionError, "float modulo");
      double mod = std::fmod(a, b);
      if (mod != 0.0) {
        if ((b < 0) != (mod < 0)) mod += b;
      } else {
        mod = std::copysign(0.0, b);
      }
      return float_new(mod);
    }
    case NB_POWER: return float_pow(a, b);
    default: return not_implemented();
  }
}

Result<Value> float_compare(Value a, Value b, int op) {
  double x = float_val(a);
  if (is_float(b)) {
    double y = float_val(b);
    bool r;
    switch (op) {
      case CMP_LT: r = x < y; break;
      case CMP_LE: r = x <= y; break;
      case CMP_EQ: r = x == y; break;
      case CMP_NE: r = x != y; break;
      case CMP_GT: r = x > y; break;
      default: r = x >= y; break;
    }
    return Bool(r);
  }
  if (is_int(b)) {
    int c = int_cmp_double(b, x);  // b vs x
    if (c == 2) return Bool(op == CMP_NE);  // NaN: only != holds
    return Bool(cmp_holds(-c, op));
  }
  return not_implemented();
}

// ---- float(x) -------------------------------------------------------------------------------------

static std::string_view strip_ascii_space(std::string_view s) {
  constexpr const char* kSpace = " \t\n\v\f\r";
  size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}

// float(text) for str and bytes-like objects.
static Result<double> float_from_text(Value x) {
  bool text_is_str = is_str(x);
  std::string_view raw;
  if (text_is_str) raw = as_str(x)->view();
  else buffer_view_opt(x, &raw);
  std::string converted = text_is_str ? unicode::decimal_and_space_to_ascii(raw) : std::string(raw);
  double d;
  if (numfmt::parse_float(strip_ascii_space(converted), &d)) return d;
  if (text_is_str) return raise(tp_ValueError, numfmt::float_parse_error(raw, unicode::is_printable));
  Str* r = TRY(repr(x));
  return raise(tp_ValueError, "could not convert string to float: " + std::string(r->view()));
}

static Result<double> float_from_object(Value x) {
  if (is_float(x) && x.obj()->type == tp_float) return float_val(x);
  if (is_int(x)) return int_as_double(x);
  // __float__ first (a str subclass may define one), as PyNumber_Float.
  if (x.type() != tp_str && type_lookup(x.type(), N.__float__)) return to_double(x);
  std::string_view sv;
  if (is_str(x) || buffer_view_opt(x, &sv)) return float_from_text(x);
  if (type_lookup(x.type(), N.__float__) || type_lookup(x.type(), N.__index__)) return to_double(x);
  return raise_fmt(tp_TypeError, "float() argument must be a string or a real number, not '%s'", type_name(x));
}

static Result<Value> float_tp_new(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_type(a[0]))
    return raise_fmt(tp_TypeError, "float.__new__(X): X is not a type object (%s)", n ? type_name(a[0]) : "NoneType");
  Type* cls = as_type(a[0]);
  if (cls != tp_float && !is_subtype(cls, tp_float))
    return raise_fmt(tp_TypeError, "float.__new__(%s): %s is not a subtype of float", cls->name->data,
                     cls->name->data);
  // Keywords go to a subclass's own __init__ (CPython only refuses them when
  // the type is float or keeps float's __init__).
  if (cls == tp_float || type_lookup(cls, N.__init__) == type_lookup(tp_float, N.__init__)) TRY(no_kwargs("float", kw));
  if (n > 2) return raise_fmt(tp_TypeError, "float expected at most 1 argument, got %lld", (long long)(n - 1));
  if (n == 2 && cls == tp_float && a[1].type() == tp_float) return a[1];
  double d = n == 2 ? TRY(float_from_object(a[1])) : 0.0;
  return cls == tp_float ? float_new(d) : float_new_subtype(cls, d);
}

// ---- methods ------------------------------------------------------------------------------------------

namespace {

template <int OP>
Result<Value> m_binop(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(binop_dunder[OP], a, n, kw, 1));
  double y;
  if (!TRY(operand(a[1], &y))) return not_implemented();
  return float_binary(float_val(a[0]), y, OP);
}
template <int OP>
Result<Value> m_rbinop(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(binop_rdunder[OP], a, n, kw, 1));
  double y;
  if (!TRY(operand(a[1], &y))) return not_implemented();
  return float_binary(y, float_val(a[0]), OP);
}

Result<Value> divmod_values(double x, double y) {
  if (y == 0.0) return raise(tp_ZeroDivisionError, "float divmod()");
  double q, r;
  float_divmod_raw(x, y, &q, &r);
  return Value(tuple_of({float_new(q), float_new(r)}));
}
Result<Value> m_divmod(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__divmod__", a, n, kw, 1));
  double y;
  if (!TRY(operand(a[1], &y))) return not_implemented();
  return divmod_values(float_val(a[0]), y);
}
Result<Value> m_rdivmod(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__rdivmod__", a, n, kw, 1));
  double y;
  if (!TRY(operand(a[1], &y))) return not_implemented();
  return divmod_values(y, float_val(a[0]));
}

template <bool REFLECTED>
Result<Value> m_pow(Value* a, int64_t n, Tuple* kw) {
  const char* name = REFLECTED ? "__rpow__" : "__pow__";
  if (n < 1 || !is_float(a[0])) return descr_error(name, n ? a[0] : None());
  TRY(no_kwargs(name, kw));
  if (n < 2 || n > 3)
    return raise_fmt(tp_TypeError, "expected %s, got %lld", n < 2 ? "at least 1 argument" : "at most 2 arguments",
                     (long long)(n - 1));
  if (n == 3 && !is_none(a[2]))
    return raise(tp_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  double y;
  if (!TRY(operand(a[1], &y))) return not_implemented();
  double x = float_val(a[0]);
  return REFLECTED ? float_pow(y, x) : float_pow(x, y);
}

constexpr const char* kCmpNames[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
template <int OP>
Result<Value> m_compare(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(kCmpNames[OP], a, n, kw, 1));
  return float_compare(a[0], a[1], OP);
}

Result<Value> m_neg(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__neg__", a, n, kw, 0));
  return float_new(-float_val(a[0]));
}
Result<Value> m_pos(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__pos__", a, n, kw, 0));
  return exact_float(a[0]);
}
Result<Value> m_abs(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__abs__", a, n, kw, 0));
  return float_new(std::fabs(float_val(a[0])));
}
Result<Value> m_bool(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__bool__", a, n, kw, 0));
  return Bool(float_val(a[0]) != 0.0);
}
Result<Value> m_float(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__float__", a, n, kw, 0));
  return exact_float(a[0]);
}
Result<Value> m_hash(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__hash__", a, n, kw, 0));
  double d = float_val(a[0]);
  return Value::small(std::isnan(d) ? nan_identity_hash(a[0]) : float_hash(d));
}
Result<Value> m_int(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__int__", a, n, kw, 0));
  return int_from_double_checked(std::trunc(float_val(a[0])));
}
Result<Value> m_trunc(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__trunc__", a, n, kw, 0));
  return int_from_double_checked(std::trunc(float_val(a[0])));
}
Result<Value> m_floor(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__floor__", a, n, kw, 0));
  return int_from_double_checked(std::floor(float_val(a[0])));
}
Result<Value> m_ceil(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__ceil__", a, n, kw, 0));
  return int_from_double_checked(std::ceil(float_val(a[0])));
}

// round(x) -> int (ties to even); round(x, n) -> float via numfmt's exact decimal rounding.
Result<Value> m_round(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_float(a[0])) return descr_error("__round__", n ? a[0] : None());
  TRY(no_kwargs("__round__", kw));
  if (n > 2) return raise_fmt(tp_TypeError, "__round__ expected at most 1 argument, got %lld", (long long)(n - 1));
  double x = float_val(a[0]);
  if (n == 1 || is_none(a[1])) {
    double r = std::round(x);  // halves away from zero ...
    if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);  // ... so fix ties to even
    return int_from_double_checked(r);
  }
  Value nd = TRY(index_value(a[1]));
  int64_t k;
  if (!int_fits_i64(nd, &k)) k = int_sign(nd) < 0 ? INT64_MIN : INT64_MAX;
  // Beyond +-400 digits every double rounds to itself or to zero: clamp to a C int.
  if (k > 400) k = 400;
  if (k < -400) k = -400;
  bool overflow = false;
  double r = numfmt::round_double(x, int(k), &overflow);
  if (overflow) return raise(tp_OverflowError, "rounded value too large to represent");
  return float_new(r);
}

Result<Value> m_repr(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__repr__", a, n, kw, 0));
  return Value(str_new_ascii(numfmt::float_repr(float_val(a[0]))));
}

Result<Value> m_format(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__format__", a, n, kw, 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "__format__() argument must be str, not %s", type_name(a[1]));
  Str* spec_s = as_str(a[1]);
  if (spec_s->nbytes == 0) {
    Str* s = TRY(str(a[0]));
    return Value(s);
  }
  const char* tname = type_name(a[0]);
  numfmt::FormatSpec spec;
  if (auto e = numfmt::parse_format_spec(spec_s->view(), spec, 0, tname)) return raise_numfmt(*e);
  numfmt::Formatted f = numfmt::format_float(float_val(a[0]), spec, tname);
  if (!f.ok()) return raise_numfmt(*f.error);
  return Value(str_new(f.text));
}

Result<Value> m_getnewargs(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("float.__getnewargs__", a, n, kw));
  return Value(tuple_of({float_new(float_val(a[0]))}));
}

Result<Value> m_is_integer(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("float.is_integer", a, n, kw));
  double x = float_val(a[0]);
  return Bool(std::isfinite(x) && std::floor(x) == x);
}

Result<Value> m_conjugate(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("float.conjugate", a, n, kw));
  return exact_float(a[0]);
}

// x == numerator / denominator exactly, in lowest terms (denominator a power of two).
Result<Value> m_as_integer_ratio(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("float.as_integer_ratio", a, n, kw));
  double x = float_val(a[0]);
  if (std::isinf(x)) return raise(tp_OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return raise(tp_ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(x, &e);
  while (m != std::floor(m)) {  // at most DBL_MANT_DIG steps; each doubling is exact
    m *= 2.0;
    e--;
  }
  mpz_t num, den;
  mpz_init_set_d(num, m);
  mpz_init_set_ui(den, 1);
  if (e > 0) mpz_mul_2exp(num, num, mp_bitcnt_t(e));
  else mpz_mul_2exp(den, den, mp_bitcnt_t(-e));
  Value nv = int_take(num);
  Value dv = int_take(den);
  return Value(tuple_of({nv, dv}));
}

Result<Value> m_hex(Value* a, int64_t n, Tuple* kw) {
  TRY(method_noargs("float.hex", a, n, kw));
  return Value(str_new_ascii(numfmt::float_hex(float_val(a[0]))));
}

Result<Value> m_fromhex(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("fromhex", kw));
  if (n != 2) return raise_fmt(tp_TypeError, "float.fromhex() takes exactly one argument (%lld given)", (long long)(n - 1));
  if (!is_str(a[1])) return raise(tp_TypeError, "bad argument type for built-in operation");
  double d;
  if (auto e = numfmt::float_fromhex(as_str(a[1])->view(), &d)) return raise_numfmt(*e);
  Value r = float_new(d);
  if (a[0] != Value(tp_float)) return call1(a[0], r);
  return r;
}

Result<Value> m_getformat(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("__getformat__", kw));
  if (n != 2)
    return raise_fmt(tp_TypeError, "float.__getformat__() takes exactly one argument (%lld given)", (long long)(n - 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "__getformat__() argument must be str, not %s", type_name(a[1]));
  std::string_view s = as_str(a[1])->view();
  if (s != "double" && s != "float")
    return raise(tp_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return Value(str_new_ascii("IEEE, little-endian"));
}

Result<Value> get_real(Value self) { return exact_float(self); }
Result<Value> get_imag(Value) { return float_new(0.0); }

const MethodDef float_methods[] = {
    {"__new__", float_tp_new, MethKind::Static},
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
    {"__pow__", m_pow<false>},
    {"__rpow__", m_pow<true>},
    {"__lt__", m_compare<CMP_LT>},
    {"__le__", m_compare<CMP_LE>},
    {"__eq__", m_compare<CMP_EQ>},
    {"__ne__", m_compare<CMP_NE>},
    {"__gt__", m_compare<CMP_GT>},
    {"__ge__", m_compare<CMP_GE>},
    {"__neg__", m_neg},
    {"__pos__", m_pos},
    {"__abs__", m_abs},
    {"__int__", m_int},
    {"__float__", m_float},
    {"__trunc__", m_trunc},
    {"__floor__", m_floor},
    {"__ceil__", m_ceil},
    {"__round__", m_round},
    {"__getnewargs__", m_getnewargs},
    {"__getformat__", m_getformat, MethKind::Class},
    {"is_integer", m_is_integer},
    {"as_integer_ratio", m_as_integer_ratio, MethKind::Method,
     "Return a pair of integers whose ratio is exactly the float, with a positive denominator.\n\n"
     "Raises OverflowError for infinities and ValueError for NaNs.\n\n"
     ">>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n"
     ">>> (-.25).as_integer_ratio()\n(-1, 4)"},
    {"hex", m_hex, MethKind::Method,
     "Return the float written in hexadecimal floating-point notation.\n\n"
     ">>> (-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'"},
    {"fromhex", m_fromhex, MethKind::Class,
     "Make a float from a string in hexadecimal floating-point notation.\n\n"
     ">>> float.fromhex('0x1.ffffp10')\n2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324"},
    {"conjugate", m_conjugate},
    {nullptr, nullptr}};

const GetSetDef float_getsets[] = {{"real", get_real, nullptr, "the real part of a complex number"},
                                   {"imag", get_imag, nullptr, "the imaginary part of a complex number"},
                                   {nullptr, nullptr}};

}  // namespace

void init_float_type() {
  type_add_methods(tp_float, float_methods);
  type_add_getsets(tp_float, float_getsets);
  type_set_attr_const(tp_float, "__doc__",
                      str_value("Convert a string or number to a floating point number, if possible."));
}

}  // namespace gilpy
