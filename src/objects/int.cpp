// int core: constructing and normalising values, arithmetic, comparisons,
// hashing and exact conversions. The Python-visible methods of int and bool
// are in int_methods.cpp.
//
// Representation (int.h): small ints are tagged Values; everything else is an
// Int holding a GMP mpz_t whose limbs live in the collected heap (GMP's memory
// functions are routed to the collector in gc/heap.cpp, so nothing here ever
// calls mpz_clear). Results are always normalised: an exact `int` that fits
// in [-2**62, 2**62) is a small int. Arithmetic on two small ints never
// touches GMP unless the result overflows 64 bits.
#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>

#include "bytecode/opcodes.h"
#include "objects/float.h"
#include "objects/int_impl.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

namespace {

// CPython's numeric hash modulus: the Mersenne prime 2**61 - 1.
constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;
constexpr int64_t k2p53 = int64_t(1) << 53;

inline Value not_implemented() { return Value(g_NotImplemented); }

// Python's floor division and modulo on int64 (callers exclude b == 0 and the
// INT64_MIN / -1 overflow, which small ints cannot reach).
inline int64_t floordiv64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if (a % b != 0 && ((a ^ b) < 0)) q--;
  return q;
}
inline int64_t floormod64(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r ^ b) < 0)) r += b;
  return r;
}

// base ** exp for exp >= 0 by squaring; false on int64 overflow.
bool pow64(int64_t base, int64_t exp, int64_t* out) {
  int64_t r = 1;
  for (;;) {
    if ((exp & 1) && __builtin_mul_overflow(r, base, &r)) return false;
    exp >>= 1;
    if (!exp) break;
    if (__builtin_mul_overflow(base, base, &base)) return false;
  }
  *out = r;
  return true;
}

Value from_i128(__int128 v) {
  if (v >= Value::kSmallMin && v <= Value::kSmallMax) return Value::small(int64_t(v));
  unsigned __int128 m = v < 0 ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  mpz_t z;
  mpz_init_set_ui(z, uint64_t(m >> 64));
  mpz_mul_2exp(z, z, 64);
  mpz_add_ui(z, z, uint64_t(m));
  if (v < 0) mpz_neg(z, z);
  return int_take(z);
}

Int* new_big() { return static_cast<Int*>(alloc_instance(tp_int, sizeof(Int))); }

Err zero_div(const char* msg) { return raise(tp_ZeroDivisionError, msg); }

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

// A big left shift whose result would need this many bits or more is refused
// with MemoryError up front rather than letting GMP abort on allocation.
constexpr uint64_t kMaxResultBits = uint64_t(1) << 40;

Result<Value> lshift_big(Value a, Value b) {
  if (int_sign(b) < 0) return raise(tp_ValueError, "negative shift count");
  if (int_sign(a) == 0) return Value::small(0);
  int64_t n;
  if (!int_fits_i64(b, &n)) {
    // CPython counts the shift in 30-bit digits: while the bytes for that
    // many digits fit a Py_ssize_t (shifts below about 2**65.9) the result
    // is merely too big to allocate (MemoryError), beyond it "too many
    // digits" (OverflowError).
    return int_bit_length(b) <= 65 ? raise_memory_error() : raise(tp_OverflowError, "too many digits in integer");
  }
  if (uint64_t(n) + int_bit_length(a) >= kMaxResultBits) return raise_memory_error();
  IntView va(a);
  mpz_t r;
  mpz_init(r);
  mpz_mul_2exp(r, va, mp_bitcnt_t(n));
  return int_take(r);
}

Result<Value> rshift_big(Value a, Value b) {
  if (int_sign(b) < 0) return raise(tp_ValueError, "negative shift count");
  int64_t n;
  if (!int_fits_i64(b, &n) || uint64_t(n) >= int_bit_length(a))
    return Value::small(int_sign(a) < 0 ? -1 : 0);  // every bit shifted out: floor gives 0 or -1
  IntView va(a);
  mpz_t r;
  mpz_init(r);
  mpz_fdiv_q_2exp(r, va, mp_bitcnt_t(n));  // floor division by 2**n, as Python's >>
  return int_take(r);
}

// Correct rounding (half to even) of |a| / |b| to a double for ints that do
// not both fit a double exactly. Scales the dividend so the integer quotient
// has DBL_MANT_DIG + 2 or + 3 bits (fewer significant bits in the subnormal
// range), keeps a sticky bit for any discarded remainder, then rounds once.
Result<double> exact_quotient(mpz_srcptr a, mpz_srcptr b) {
  int64_t na = int64_t(mpz_sizeinbase(a, 2)), nb = int64_t(mpz_sizeinbase(b, 2));
  int64_t diff = na - nb;  // 2**(diff-1) < a/b < 2**(diff+1)
  if (diff > DBL_MAX_EXP) return raise(tp_OverflowError, "integer division result too large for a float");
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return 0.0;  // below half the smallest subnormal
  int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  mpz_t x, q, r;
  mpz_inits(x, q, r, nullptr);
  bool inexact = false;
  if (shift <= 0) {
    mpz_mul_2exp(x, a, mp_bitcnt_t(-shift));
  } else {
    mpz_tdiv_q_2exp(x, a, mp_bitcnt_t(shift));
    inexact = mpz_scan1(a, 0) < mp_bitcnt_t(shift);
  }
  mpz_tdiv_qr(q, r, x, b);
  if (mpz_sgn(r)) inexact = true;
  uint64_t qv = mpz_get_ui(q);  // < 2**56 by the choice of shift
  int qbits = 64 - __builtin_clzll(qv | 1);
  int64_t extra = std::max<int64_t>(qbits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;  // >= 2
  uint64_t mask = uint64_t(1) << (extra - 1);  // the "half" bit
  // Bit 0 doubles as the sticky bit (extra >= 2 keeps it below the half bit);
  // 3*mask-1 covers the sticky bits and the lowest kept bit.
  uint64_t low = qv | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;  // above half, or a tie with odd kept part
  qv = low & ~(2 * mask - 1);
  double d = std::ldexp(double(qv), int(shift));
  if (std::isinf(d)) return raise(tp_OverflowError, "integer division result too large for a float");
  return d;
}

Err str_digits_error() {
  return raise_fmt(tp_ValueError,
                   "Exceeds the limit (%lld digits) for integer string conversion; use "
                   "sys.set_int_max_str_digits() to increase the limit",
                   (long long)int_max_str_digits());
}

}  // namespace

// ---- construction ----------------------------------------------------------------------------

Value int_take(mpz_ptr z) {
  if (mpz_fits_slong_p(z)) {
    long x = mpz_get_si(z);
    if (Value::fits_small(x)) return Value::small(x);
  }
  Int* o = new_big();
  o->z[0] = z[0];  // take over the limbs
  return Value(o);
}

Value int_from_i64(int64_t v) {
  if (GILPY_LIKELY(Value::fits_small(v))) return Value::small(v);
  Int* o = new_big();
  mpz_init_set_si(o->z, v);
  return Value(o);
}

Value int_from_u64(uint64_t v) {
  if (v <= uint64_t(Value::kSmallMax)) return Value::small(int64_t(v));
  Int* o = new_big();
  mpz_init_set_ui(o->z, v);
  return Value(o);
}

Value int_from_mpz(const mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long x = mpz_get_si(z);
    if (Value::fits_small(x)) return Value::small(x);
  }
  Int* o = new_big();
  mpz_init_set(o->z, z);
  return Value(o);
}

Value int_from_double(double d) {
  if (d > -4.6e18 && d < 4.6e18) return Value::small(int64_t(d));  // |d| < 2**62
  mpz_t z;
  mpz_init_set_d(z, d);  // truncates
  return int_take(z);
}

Result<Value> int_from_double_checked(double d) {
  if (std::isnan(d)) return raise(tp_ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d)) return raise(tp_OverflowError, "cannot convert float infinity to integer");
  return int_from_double(d);
}

Result<Value> int_from_string(std::string_view digits, int base) {
  bool neg = false;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    neg = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (digits.size() <= 18 && base == 10) {
    int64_t v;
    auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (r.ec == std::errc() && r.ptr == digits.data() + digits.size() && !digits.empty())
      return Value::small(neg ? -v : v);
  }
  std::string s(digits);
  mpz_t z;
  mpz_init(z);
  if (s.empty() || mpz_set_str(z, s.c_str(), base) != 0)
    return raise_fmt(tp_ValueError, "invalid literal for int() with base %d: '%s'", base, s.c_str());
  if (neg) mpz_neg(z, z);
  return int_take(z);
}

Value int_exact(Value v) {
  if (v.is_small() || v.obj()->type == tp_int) return v;
  return int_from_mpz(v.as<Int>()->z);
}

Value int_new_subtype(Type* cls, Value v) {
  Int* o = static_cast<Int*>(alloc_instance(cls));
  IntView iv(v);
  mpz_init_set(o->z, iv);
  return Value(o);
}

void int_to_mpz(Value v, mpz_t out) {
  IntView iv(v);
  mpz_init_set(out, iv);
}

// ---- conversions ------------------------------------------------------------------------------

int int_sign(Value v) {
  if (v.is_small()) {
    int64_t x = v.as_small();
    return (x > 0) - (x < 0);
  }
  return mpz_sgn(v.as<Int>()->z);
}

uint64_t int_bit_length(Value v) {
  if (v.is_small()) {
    int64_t x = v.as_small();
    uint64_t m = x < 0 ? 0 - uint64_t(x) : uint64_t(x);
    return m ? uint64_t(64 - __builtin_clzll(m)) : 0;
  }
  mpz_srcptr z = v.as<Int>()->z;
  return mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0;
}

bool int_fits_i64(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.as_small();
    return true;
  }
  mpz_srcptr z = v.as<Int>()->z;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

Result<int64_t> int_as_i64(Value v) {
  int64_t x;
  if (!int_fits_i64(v, &x)) return raise(tp_OverflowError, "Python int too large to convert to C long");
  return x;
}

Result<double> int_as_double(Value v) {
  if (v.is_small()) return double(v.as_small());  // int64 -> double rounds to nearest even
  mpz_srcptr z = v.as<Int>()->z;
  uint64_t n = mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0;
  if (n <= DBL_MANT_DIG) return mpz_get_d(z);  // exact
  if (n > DBL_MAX_EXP) return raise(tp_OverflowError, "int too large to convert to float");
  // Keep the top DBL_MANT_DIG + 2 bits plus a sticky bit, then round half to even.
  mpz_t abs_z, top;
  mpz_srcptr a = mpz_abs_view(abs_z, z);
  uint64_t shift = n - (DBL_MANT_DIG + 2);
  mpz_init(top);
  mpz_tdiv_q_2exp(top, a, shift);
  uint64_t q = mpz_get_ui(top);
  uint64_t low = q | (mpz_scan1(a, 0) < shift ? 1 : 0);  // bit 0: sticky; bit 1: half; bit 2: lowest kept
  if ((low & 2) && (low & 5)) low += 2;
  q = low & ~uint64_t(3);
  double d = std::ldexp(double(q), int(shift));
  if (std::isinf(d)) return raise(tp_OverflowError, "int too large to convert to float");
  return mpz_sgn(z) < 0 ? -d : d;
}

std::string int_to_string(Value v, int base) {
  if (v.is_small()) {
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, v.as_small(), base);
    return std::string(buf, r.ptr);
  }
  mpz_srcptr z = v.as<Int>()->z;
  std::string s(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(s.data(), base, z);  // lowercase digits for a positive base
  s.resize(std::strlen(s.c_str()));
  return s;
}

Result<Str*> int_decimal_str(Value v) {
  if (v.is_small()) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v.as_small());
    return str_new_ascii(std::string_view(buf, size_t(r.ptr - buf)));
  }
  return str_new_ascii(TRY(int_decimal_string(v)));
}

Result<std::string> int_decimal_string(Value v) {
  if (v.is_small()) return int_to_string(v, 10);
  mpz_srcptr z = v.as<Int>()->z;
  int64_t limit = int_max_str_digits();
  // mpz_sizeinbase is exact or one too large: decide cheaply when it can.
  int64_t est = int64_t(mpz_sizeinbase(z, 10));
  if (limit > 0 && est > limit + 1) return str_digits_error();
  std::string s = int_to_string(v, 10);
  if (limit > 0 && int64_t(s.size()) - (s[0] == '-') > limit) return str_digits_error();
  return s;
}

// ---- hashing ----------------------------------------------------------------------------------

int64_t int_hash(Value v) {
  uint64_t m;
  bool neg;
  if (v.is_small()) {
    int64_t x = v.as_small();
    neg = x < 0;
    m = (neg ? 0 - uint64_t(x) : uint64_t(x)) % kHashModulus;
  } else {
    mpz_srcptr z = v.as<Int>()->z;
    neg = mpz_sgn(z) < 0;
    m = mpz_tdiv_ui(z, kHashModulus);  // |z| mod P
  }
  int64_t h = neg ? -int64_t(m) : int64_t(m);
  return h == -1 ? -2 : h;
}

// ---- comparisons ------------------------------------------------------------------------------

int int_cmp_double(Value v, double d) {
  if (std::isnan(d)) return 2;
  if (v.is_small()) {
    int64_t x = v.as_small();
    if (x >= -k2p53 && x <= k2p53) {  // exactly representable: compare as doubles
      double dx = double(x);
      return (dx > d) - (dx < d);
    }
    if (d >= 4.7e18) return -1;  // beyond every small int (|x| < 2**62), also +inf
    if (d <= -4.7e18) return 1;
    double t = std::trunc(d);
    int64_t ti = int64_t(t);
    if (x != ti) return x < ti ? -1 : 1;
    double frac = d - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
  }
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  int c = mpz_cmp_d(v.as<Int>()->z, d);  // exact, including d's fraction
  return (c > 0) - (c < 0);
}

Result<Value> int_compare(Value a, Value b, int op) {
  if (!is_int(a) || !is_int(b)) return not_implemented();
  int c;
  if (a.is_small() && b.is_small()) {
    int64_t x = a.as_small(), y = b.as_small();
    c = (x > y) - (x < y);
  } else {
    IntView va(a), vb(b);
    c = mpz_cmp(va, vb);
  }
  return Bool(cmp_holds(c, op));
}

// ---- arithmetic -------------------------------------------------------------------------------

Value int_neg(Value v) {
  if (v.is_small()) return int_from_i64(-v.as_small());
  IntView iv(v);
  mpz_t r;
  mpz_init(r);
  mpz_neg(r, iv);
  return int_take(r);
}

Result<Value> int_true_divide(Value a, Value b) {
  if (a.is_small() && b.is_small()) {
    int64_t x = a.as_small(), y = b.as_small();
    if (y == 0) return zero_div("division by zero");
    if (x >= -k2p53 && x <= k2p53 && y >= -k2p53 && y <= k2p53)
      return float_new(double(x) / double(y));  // both exact: IEEE division rounds once
  }
  IntView va(a), vb(b);
  int sb = mpz_sgn(vb.get());
  if (sb == 0) return zero_div("division by zero");
  int sa = mpz_sgn(va.get());
  bool negate = (sa < 0) != (sb < 0);
  if (sa == 0) return float_new(negate ? -0.0 : 0.0);
  mpz_t aa, ab;
  double d = TRY(exact_quotient(mpz_abs_view(aa, va), mpz_abs_view(ab, vb)));
  return float_new(negate ? -d : d);
}

Result<Value> int_divmod(Value a, Value b) {
  if (a.is_small() && b.is_small()) {
    int64_t x = a.as_small(), y = b.as_small();
    if (y == 0) return zero_div("integer division or modulo by zero");
    return Value(tuple_of({int_from_i64(floordiv64(x, y)), Value::small(floormod64(x, y))}));
  }
  IntView va(a), vb(b);
  if (mpz_sgn(vb.get()) == 0) return zero_div("integer division or modulo by zero");
  mpz_t q, r;
  mpz_inits(q, r, nullptr);
  mpz_fdiv_qr(q, r, va, vb);
  Value qv = int_take(q);
  Value rv = int_take(r);
  return Value(tuple_of({qv, rv}));
}

Result<Value> int_arith(Value a, Value b, int op) {
  if (GILPY_LIKELY(a.is_small() && b.is_small())) {
    int64_t x = a.as_small(), y = b.as_small(), r;
    switch (op) {
      case NB_ADD: return int_from_i64(x + y);  // |x|, |y| < 2**62: no int64 overflow
      case NB_SUBTRACT: return int_from_i64(x - y);
      case NB_MULTIPLY:
        if (!__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
        return from_i128(__int128(x) * y);
      case NB_FLOOR_DIVIDE:
        if (y == 0) return zero_div("integer division or modulo by zero");
        return int_from_i64(floordiv64(x, y));  // -2**62 // -1 leaves the small range
      case NB_REMAINDER:
        if (y == 0) return zero_div("integer modulo by zero");
        return Value::small(floormod64(x, y));
      case NB_TRUE_DIVIDE: return int_true_divide(a, b);
      case NB_POWER: return int_pow(a, b, Value());
      case NB_LSHIFT:
        if (y < 0) return raise(tp_ValueError, "negative shift count");
        if (x == 0) return a;
        if (y < 62) {
          r = x << y;
          if ((r >> y) == x) return int_from_i64(r);
        }
        return lshift_big(a, b);
      case NB_RSHIFT:
        if (y < 0) return raise(tp_ValueError, "negative shift count");
        return Value::small(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
      case NB_AND: return Value::small(x & y);
      case NB_OR: return Value::small(x | y);
      case NB_XOR: return Value::small(x ^ y);
      default: return not_implemented();
    }
  }
  switch (op) {
    case NB_TRUE_DIVIDE: return int_true_divide(a, b);
    case NB_POWER: return int_pow(a, b, Value());
    case NB_LSHIFT: return lshift_big(a, b);
    case NB_RSHIFT: return rshift_big(a, b);
    case NB_MATRIX_MULTIPLY: return not_implemented();
    default: break;
  }
  IntView va(a), vb(b);
  mpz_t r;
  mpz_init(r);
  switch (op) {
    case NB_ADD: mpz_add(r, va, vb); break;
    case NB_SUBTRACT: mpz_sub(r, va, vb); break;
    case NB_MULTIPLY: mpz_mul(r, va, vb); break;
    case NB_FLOOR_DIVIDE:
      if (mpz_sgn(vb.get()) == 0) return zero_div("integer division or modulo by zero");
      mpz_fdiv_q(r, va, vb);
      break;
    case NB_REMAINDER:
      if (mpz_sgn(vb.get()) == 0) return zero_div("integer modulo by zero");
      mpz_fdiv_r(r, va, vb);
      break;
    // GMP's logical operations use two's complement semantics for negatives, as Python's do.
    case NB_AND: mpz_and(r, va, vb); break;
    case NB_OR: mpz_ior(r, va, vb); break;
    case NB_XOR: mpz_xor(r, va, vb); break;
    default: return not_implemented();
  }
  return int_take(r);
}

Result<Value> int_binary(Value a, Value b, int op) {
  if (op >= NB_INPLACE_ADD) op -= NB_INPLACE_OFFSET;
  if (GILPY_LIKELY(a.is_small() && b.is_small())) return int_arith(a, b, op);
  if (!is_int(a) || !is_int(b)) return not_implemented();
  // bool & | ^ bool stays a bool (bool's own methods; reached here through the VM fast path).
  if ((op == NB_AND || op == NB_OR || op == NB_XOR) && a.is_obj() && a.obj()->type == tp_bool && b.is_obj() &&
      b.obj()->type == tp_bool) {
    bool x = a.obj() == g_True, y = b.obj() == g_True;
    return Bool(op == NB_AND ? (x && y) : op == NB_OR ? (x || y) : (x != y));
  }
  return int_arith(a, b, op);
}

// ---- pow ----------------------------------------------------------------------------------------

namespace {

// (a ** e) mod m for 0 <= a < m < 2**62 by square-and-multiply in 128 bits.
uint64_t powmod64(uint64_t a, uint64_t e, uint64_t m) {
  unsigned __int128 r = 1 % m, base = a;
  while (e) {
    if (e & 1) r = (r * base) % m;
    base = (base * base) % m;
    e >>= 1;
  }
  return uint64_t(r);
}

Result<Value> pow_mod(Value a, Value b, Value mod) {
  int sm = int_sign(mod);
  if (sm == 0) return raise(tp_ValueError, "pow() 3rd argument cannot be 0");
  if (a.is_small() && b.is_small() && mod.is_small() && b.as_small() >= 0) {
    int64_t m = mod.as_small();
    uint64_t am = m < 0 ? 0 - uint64_t(m) : uint64_t(m);
    int64_t base = floormod64(a.as_small(), int64_t(am));
    uint64_t r = powmod64(uint64_t(base), uint64_t(b.as_small()), am);
    // The result takes the modulus' sign, as Python's % does.
    return Value::small(m < 0 && r ? int64_t(r) - int64_t(am) : int64_t(r));
  }
  IntView va(a), vb(b), vm(mod);
  mpz_t am;
  mpz_srcptr absm = mpz_abs_view(am, vm);
  if (mpz_cmp_ui(absm, 1) == 0) return Value::small(0);
  mpz_t base, r, e;
  mpz_inits(base, r, e, nullptr);
  mpz_set(base, va);
  mpz_set(e, vb);
  if (mpz_sgn(e) < 0) {
    if (!mpz_invert(base, base, absm)) return raise(tp_ValueError, "base is not invertible for the given modulus");
    mpz_neg(e, e);
  }
  mpz_powm(r, base, e, absm);  // in [0, |m|)
  if (sm < 0 && mpz_sgn(r)) mpz_add(r, r, vm);
  return int_take(r);
}

}  // namespace

Result<Value> int_pow(Value a, Value b, Value mod) {
  if (!is_int(a) || !is_int(b)) return not_implemented();
  // bools are ints 0 and 1 here (True ** (10**127) is 1, at once: found by difffuzz).
  if (a.is_obj() && a.obj()->type == tp_bool) a = Value::small(a.obj() == g_True ? 1 : 0);
  if (b.is_obj() && b.obj()->type == tp_bool) b = Value::small(b.obj() == g_True ? 1 : 0);
  if (mod && !is_none(mod)) {
    if (!is_int(mod)) return not_implemented();
    return pow_mod(a, b, mod);
  }
  if (int_sign(b) < 0) {
    // A negative exponent makes it float arithmetic (0 ** -1 raises there).
    double x = TRY(int_as_double(a));
    double y = TRY(int_as_double(b));
    return float_binary(x, y, NB_POWER);
  }
  if (a.is_small() && b.is_small()) {
    int64_t r;
    if (pow64(a.as_small(), b.as_small(), &r)) return int_from_i64(r);
  }
  // Bases 0, 1 and -1 never grow, whatever the exponent's size.
  if (a.is_small() && a.as_small() >= -1 && a.as_small() <= 1) {
    int64_t x = a.as_small();
    if (x != -1) return int_sign(b) == 0 ? Value::small(1) : a;
    IntView vb(b);
    return Value::small(mpz_odd_p(vb.get()) ? -1 : 1);
  }
  int64_t e;
  if (!int_fits_i64(b, &e) || double(e) * double(int_bit_length(a)) >= double(kMaxResultBits))
    return raise_memory_error();
  IntView va(a);
  mpz_t r;
  mpz_init(r);
  mpz_pow_ui(r, va, (unsigned long)e);
  return int_take(r);
}

// ---- index protocol -------------------------------------------------------------------------------

Result<Value> index_value(Value v) {
  if (v.is_small()) return v;
  Type* t = v.obj()->type;
  if (t == tp_int) return v;
  if (t->layout == Layout::Int) return int_exact(v);
  Value m = lookup_special(v, N.__index__);
  if (!m) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
  }
  Value r = TRY(call0(m));
  if (!is_int(r)) return raise_fmt(tp_TypeError, "__index__ returned non-int (type %s)", type_name(r));
  TRY(warn_int_subclass_result(r, "__index__"));
  return int_exact(r);
}

// CPython 3.11 accepts an int subclass from __int__/__index__ with this
// DeprecationWarning.
Status warn_int_subclass_result(Value r, const char* what) {
  if (r.is_small() || r.type() == tp_int) return OK();
  std::string msg = std::string(what) + " returned non-int (type " + type_name(r) +
                    ").  The ability to return an instance of a strict subclass of int is deprecated, and may be "
                    "removed in a future version of Python.";
  return warn(tp_DeprecationWarning, msg);
}

Result<int64_t> as_index(Value v) {
  if (v.is_small()) return v.as_small();
  Value iv = TRY(index_value(v));
  int64_t x;
  // PyNumber_AsSsize_t names the object given, not its __index__ result.
  if (!int_fits_i64(iv, &x))
    return raise_fmt(tp_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(v));
  return x;
}

Result<int64_t> as_ssize(Value v) {
  if (v.is_small()) return v.as_small();
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return x;
}

}  // namespace gilpy
