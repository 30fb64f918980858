// _datetime.timedelta: a signed duration held as (days, seconds, us) with
// seconds and us normalized non-negative, so only `days` carries the sign.
//
// Arithmetic goes through the total in microseconds. Totals of valid
// timedeltas fit in 77 bits, so __int128 covers sums and differences; products
// and quotients with arbitrary Python ints or floats use GMP, and results are
// range-checked when turned back into a timedelta.
#include <gmp.h>

#include <climits>
#include <cmath>
#include <string>

#include "bytecode/opcodes.h"
#include "modules/_datetime_internal.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::dtm {

using namespace bytecode;

namespace {
// An mpz that clears itself (early returns through TRY leak nothing).
struct Z {
  mpz_t z;
  Z() { mpz_init(z); }
  ~Z() { mpz_clear(z); }
  Z(const Z&) = delete;
  void load(Value v) {
    mpz_t t;
    int_to_mpz(v, t);
    mpz_swap(z, t);
    mpz_clear(t);
  }
};
void mpz_from_i128(mpz_t out, __int128 v) {
  bool neg = v < 0;
  unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;
  uint64_t words[2] = {uint64_t(u), uint64_t(u >> 64)};  // least significant first
  mpz_import(out, 2, -1, sizeof(uint64_t), 0, 0, words);
  if (neg) mpz_neg(out, out);
}
bool mpz_to_i128(const mpz_t z, __int128* out) {
  if (mpz_sizeinbase(z, 2) > 120) return false;
  uint64_t words[2] = {0, 0};
  mpz_export(words, nullptr, -1, sizeof(uint64_t), 0, 0, z);
  __int128 v = (__int128)(((unsigned __int128)words[1] << 64) | words[0]);
  *out = mpz_sgn(z) < 0 ? -v : v;
  return true;
}
Value int_from_i128(__int128 v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return int_from_i64(int64_t(v));
  Z z;
  mpz_from_i128(z.z, v);
  return int_from_mpz(z.z);
}
__int128 floordiv128(__int128 a, __int128 b) {
  __int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}
}  // namespace

Value delta_raw(Type* t, int d, int s, int us) {
  Delta* o = static_cast<Delta*>(alloc_instance(t, sizeof(Delta)));
  o->hash = -1;
  o->days = d;
  o->seconds = s;
  o->us = us;
  return Value(o);
}
Result<Value> delta_from_us128(__int128 us, Type* t) {
  const __int128 kDay = __int128(86400) * 1000000;
  __int128 days = floordiv128(us, kDay);
  __int128 rest = us - days * kDay;
  if (days > INT_MAX || days < INT_MIN) return raise(tp_OverflowError, "Python int too large to convert to C int");
  if (days > kMaxDeltaDays || days < -kMaxDeltaDays)
    return raise_fmt(tp_OverflowError, "days=%d; must have magnitude <= %d", int(days), kMaxDeltaDays);
  return delta_raw(t ? t : tp_delta, int(days), int(rest / 1000000), int(rest % 1000000));
}
static Result<Value> delta_from_mpz(const mpz_t us, Type* t = nullptr) {
  __int128 v;
  if (!mpz_to_i128(us, &v)) return raise(tp_OverflowError, "Python int too large to convert to C int");
  return delta_from_us128(v, t);
}
Result<Value> delta_make(int64_t d, int64_t s, int64_t us) {
  return delta_from_us128((__int128(d) * 86400 + s) * 1000000 + us);
}
__int128 delta_us(Value v) {
  Delta* o = DL(v);
  return (__int128(o->days) * 86400 + o->seconds) * 1000000 + o->us;
}

// ---- construction ---------------------------------------------------------------
// Add num * factor (microseconds) into sum. A float's fraction is kept apart
// in *leftover and rounded once at the end, so that no precision is lost
// while summing the whole parts.
static Status accum(const char* tag, mpz_t sum, Value num, long factor, double* leftover) {
  if (is_int(num)) {
    Z x;
    x.load(num);
    mpz_mul_si(x.z, x.z, factor);
    mpz_add(sum, sum, x.z);
    return OK();
  }
  if (is_float(num)) {
    double ip;
    double frac = std::modf(float_val(num), &ip);
    Value whole = TRY(int_from_double_checked(ip));
    Z x;
    x.load(whole);
    mpz_mul_si(x.z, x.z, factor);
    mpz_add(sum, sum, x.z);
    if (frac == 0.0) return OK();
    frac = std::modf(double(factor) * frac, &ip);
    mpz_set_d(x.z, ip);
    mpz_add(sum, sum, x.z);
    *leftover += frac;
    return OK();
  }
  return raise_fmt(tp_TypeError, "unsupported type for timedelta %s component: %s", tag, type_display_name(num).c_str());
}
static Result<Value> delta_new(Value* a, int64_t n, Tuple* kw) {
  Value v[7];
  TRY(dt_parse("__new__", a + 1, n - 1, kw,
               {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}, nullptr, 0, v));
  Type* cls = as_type(a[0]);
  // CPython's order of accumulation (it decides the float rounding).
  static const struct { int idx; const char* tag; long factor; } parts[] = {
      {2, "microseconds", 1},        {3, "milliseconds", 1000},        {1, "seconds", 1000000},
      {4, "minutes", 60000000L},     {5, "hours", 3600000000L},        {0, "days", 86400000000L},
      {6, "weeks", 604800000000L}};
  Z sum;
  double leftover = 0;
  for (const auto& p : parts)
    if (v[p.idx]) TRY(accum(p.tag, sum.z, v[p.idx], p.factor, &leftover));
  if (leftover != 0) {
    double whole = std::round(leftover);
    if (std::fabs(whole - leftover) == 0.5) {  // a tie: round half to even, counting the sum's parity
      int odd = mpz_odd_p(sum.z) ? 1 : 0;
      whole = 2.0 * std::round((leftover + odd) * 0.5) - odd;
    }
    Z w;
    mpz_set_d(w.z, whole);
    mpz_add(sum.z, sum.z, w.z);
  }
  return delta_from_mpz(sum.z, cls);
}

// ---- arithmetic -----------------------------------------------------------------------
static Value NI() { return Value(g_NotImplemented); }
static Result<Value> delta_add(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__add__", n - 1, kw, 1));
  if (!is_delta(a[1])) return NI();
  return delta_from_us128(delta_us(a[0]) + delta_us(a[1]));
}
static Result<Value> delta_sub(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__sub__", n - 1, kw, 1));
  if (!is_delta(a[1])) return NI();
  return delta_from_us128(delta_us(a[0]) - delta_us(a[1]));
}
static Result<Value> delta_rsub(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__rsub__", n - 1, kw, 1));
  if (!is_delta(a[1])) return NI();
  return delta_from_us128(delta_us(a[1]) - delta_us(a[0]));
}
static Result<Value> delta_neg(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__neg__", n - 1, kw, 0));
  return delta_from_us128(-delta_us(a[0]));
}
static Result<Value> delta_pos(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__pos__", n - 1, kw, 0));
  Delta* o = DL(a[0]);
  return delta_raw(tp_delta, o->days, o->seconds, o->us);
}
static Result<Value> delta_abs(Value* a, int64_t n, Tuple* kw) {
  return DL(a[0])->days < 0 ? delta_neg(a, n, kw) : delta_pos(a, n, kw);
}
static Result<Value> delta_bool(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__bool__", n - 1, kw, 0));
  Delta* o = DL(a[0]);
  return Bool(o->days || o->seconds || o->us);
}

// q = a / b rounded half to even; ZeroDivisionError for b == 0.
static Status divide_nearest(mpz_t q, const mpz_t a, const mpz_t b) {
  if (mpz_sgn(b) == 0) return raise(tp_ZeroDivisionError, "integer division or modulo by zero");
  Z r, r2;
  mpz_fdiv_qr(q, r.z, a, b);
  mpz_mul_2exp(r2.z, r.z, 1);
  int c = mpz_sgn(b) > 0 ? mpz_cmp(r2.z, b) : mpz_cmp(b, r2.z);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  return OK();
}
// delta * f (op 0) or delta / f (op 1) for a float f, exactly through f's integer ratio.
static Result<Value> delta_float_op(Value delta, Value f, int op) {
  Value ratio = TRY(call_method0(f, str_intern("as_integer_ratio")));
  if (!is_tuple(ratio) || as_tuple(ratio)->size != 2)
    return raise(tp_TypeError, "unexpected return type from as_integer_ratio(): expected tuple of 2 ints");
  Z us, mul, div, q;
  mpz_from_i128(us.z, delta_us(delta));
  mul.load(as_tuple(ratio)->items[op]);
  div.load(as_tuple(ratio)->items[!op]);
  mpz_mul(us.z, us.z, mul.z);
  TRY(divide_nearest(q.z, us.z, div.z));
  return delta_from_mpz(q.z);
}
static Result<Value> delta_int_mul(Value delta, Value k) {
  Z us, x;
  mpz_from_i128(us.z, delta_us(delta));
  x.load(k);
  mpz_mul(us.z, us.z, x.z);
  return delta_from_mpz(us.z);
}
static Result<Value> delta_mul(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__mul__", n - 1, kw, 1));
  if (is_int(a[1])) return delta_int_mul(a[0], a[1]);
  if (is_float(a[1])) return delta_float_op(a[0], a[1], 0);
  return NI();
}
static Result<Value> delta_truediv(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__truediv__", n - 1, kw, 1));
  if (is_delta(a[1])) return int_true_divide(int_from_i128(delta_us(a[0])), int_from_i128(delta_us(a[1])));
  if (is_float(a[1])) return delta_float_op(a[0], a[1], 1);
  if (is_int(a[1])) {
    Z us, d, q;
    mpz_from_i128(us.z, delta_us(a[0]));
    d.load(a[1]);
    TRY(divide_nearest(q.z, us.z, d.z));
    return delta_from_mpz(q.z);
  }
  return NI();
}
static Err zero_div(const char* msg) { return raise(tp_ZeroDivisionError, msg); }
static Result<Value> delta_floordiv(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__floordiv__", n - 1, kw, 1));
  if (is_delta(a[1])) {
    __int128 d = delta_us(a[1]);
    if (d == 0) return zero_div("integer division or modulo by zero");
    return int_from_i128(floordiv128(delta_us(a[0]), d));
  }
  if (is_int(a[1])) {
    Z us, d;
    mpz_from_i128(us.z, delta_us(a[0]));
    d.load(a[1]);
    if (mpz_sgn(d.z) == 0) return zero_div("integer division or modulo by zero");
    mpz_fdiv_q(us.z, us.z, d.z);
    return delta_from_mpz(us.z);
  }
  return NI();
}
static Result<Value> delta_mod(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__mod__", n - 1, kw, 1));
  if (!is_delta(a[1])) return NI();
  __int128 d = delta_us(a[1]);
  if (d == 0) return zero_div("integer modulo by zero");
  __int128 x = delta_us(a[0]);
  return delta_from_us128(x - floordiv128(x, d) * d);
}
static Result<Value> delta_divmod(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__divmod__", n - 1, kw, 1));
  if (!is_delta(a[1])) return NI();
  __int128 d = delta_us(a[1]);
  if (d == 0) return zero_div("integer division or modulo by zero");
  __int128 x = delta_us(a[0]);
  __int128 q = floordiv128(x, d);
  Value r = TRY(delta_from_us128(x - q * d));
  return Value(tuple_of({int_from_i128(q), r}));
}

// ---- comparison, hashing, text -------------------------------------------------------------
static Result<Value> delta_cmp(Value* a, int op) {
  if (!is_delta(a[1])) return NI();
  __int128 x = delta_us(a[0]), y = delta_us(a[1]);
  int c = x < y ? -1 : x > y ? 1 : 0;
  return cmp_result(c, op);
}

static Tuple* delta_state(Value self) {
  Delta* o = DL(self);
  return tuple_of({Value::small(o->days), Value::small(o->seconds), Value::small(o->us)});
}
// hash((days, seconds, us)), as CPython: equal timedeltas hash equal, and
// aware datetimes/times hash through a timedelta.
static Result<Value> delta_hash(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__hash__", n - 1, kw, 0));
  Delta* o = DL(a[0]);
  if (o->hash == -1) o->hash = TRY(hash(Value(delta_state(a[0]))));
  return int_from_i64(o->hash);
}
static Result<Value> delta_repr(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__repr__", n - 1, kw, 0));
  Delta* o = DL(a[0]);
  std::string args;
  auto add = [&](const char* name, int v) {
    if (!v) return;
    if (!args.empty()) args += ", ";
    args += name;
    args += "=" + std::to_string(v);
  };
  add("days", o->days);
  add("seconds", o->seconds);
  add("microseconds", o->us);
  if (args.empty()) args = "0";
  return Value(str_new(type_display_name(a[0]) + "(" + args + ")"));
}
static Result<Value> delta_str(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__str__", n - 1, kw, 0));
  Delta* o = DL(a[0]);
  char buf[96];
  int k = 0;
  if (o->days) k = snprintf(buf, sizeof buf, "%d day%s, ", o->days, o->days == 1 || o->days == -1 ? "" : "s");
  int s = o->seconds;
  k += snprintf(buf + k, sizeof buf - size_t(k), "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  if (o->us) snprintf(buf + k, sizeof buf - size_t(k), ".%06d", o->us);
  return Value(str_new(buf));
}
static Result<Value> delta_total_seconds(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("timedelta.total_seconds", n - 1, kw));
  return int_true_divide(int_from_i128(delta_us(a[0])), Value::small(1000000));
}
static Result<Value> delta_reduce(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("timedelta.__reduce__", n - 1, kw));
  return Value(tuple_of({Value(a[0].type()), Value(delta_state(a[0]))}));
}

static const MethodDef delta_methods[] = {
    {"__new__", delta_new, MethKind::Static},
    {"__add__", delta_add}, {"__radd__", delta_add}, {"__sub__", delta_sub}, {"__rsub__", delta_rsub},
    {"__mul__", delta_mul}, {"__rmul__", delta_mul}, {"__truediv__", delta_truediv},
    {"__floordiv__", delta_floordiv}, {"__mod__", delta_mod}, {"__divmod__", delta_divmod},
    {"__neg__", delta_neg}, {"__pos__", delta_pos}, {"__abs__", delta_abs}, {"__bool__", delta_bool},
    DTM_CMP_METHODS(delta_cmp), {"__hash__", delta_hash},
    {"__repr__", delta_repr}, {"__str__", delta_str},
    {"total_seconds", delta_total_seconds, MethKind::Method, "Total seconds in the duration."},
    {"__reduce__", delta_reduce, MethKind::Method, "__reduce__() -> (cls, state)"},
    {nullptr, nullptr}};
// Read-only int fields: member descriptors, as in CPython.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
static const MemberDef delta_members[] = {
    {"days", int32_t(offsetof(Delta, days)), MEMBER_READONLY | MEMBER_INT32, "Number of days."},
    {"seconds", int32_t(offsetof(Delta, seconds)), MEMBER_READONLY | MEMBER_INT32,
     "Number of seconds (>= 0 and less than 1 day)."},
    {"microseconds", int32_t(offsetof(Delta, us)), MEMBER_READONLY | MEMBER_INT32,
     "Number of microseconds (>= 0 and less than 1 second)."},
    {nullptr, 0, 0}};
#pragma GCC diagnostic pop

void init_delta_type() {
  tp_delta = native_type_new("datetime", "timedelta", tp_object, Layout::Other, sizeof(Delta), delta_methods);
  type_add_members(tp_delta, delta_members);
  type_set_attr_const(tp_delta, "__doc__",
                      Value(str_new("Difference between two datetime values.\n\n"
                                    "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, "
                                    "hours=0, weeks=0)\n\nAll arguments are optional and default to 0.\n"
                                    "Arguments may be integers or floats, and may be positive or negative.")));
  type_set_attr_const(tp_delta, "min", delta_raw(tp_delta, -kMaxDeltaDays, 0, 0));
  type_set_attr_const(tp_delta, "max", delta_raw(tp_delta, kMaxDeltaDays, 86399, 999999));
  type_set_attr_const(tp_delta, "resolution", delta_raw(tp_delta, 0, 0, 1));
}

}  // namespace gilpy::dtm
