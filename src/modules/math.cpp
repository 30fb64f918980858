// math: CPython 3.11's math module. Float functions follow C99 Annex F for
// special values and report errors like CPython: a NaN from a non-NaN input
// is ValueError("math domain error"), an infinite result from finite input
// is OverflowError("math range error") where the function can overflow (and
// a domain error otherwise). Integer functions (factorial, comb, perm, gcd,
// lcm, isqrt) work on arbitrary-size ints through GMP.
#include <gmp.h>

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <vector>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Err domain_error() { return raise(tp_ValueError, "math domain error"); }
static Err range_error() { return raise(tp_OverflowError, "math range error"); }

static Result<double> arg_double(Value v) {
  if (is_float(v)) return float_val(v);
  return to_double(v);
}

// One-argument functions (CPython's math_1): f(x) with the error rules above.
static Result<Value> math_1(const char* fname, Value* args, int64_t nargs, Tuple* kw, double (*f)(double),
                            bool can_overflow) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, nargs, 1, 1));
  double x = TRY(arg_double(args[0]));
  errno = 0;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return float_new(r);
}

#define FUNC1(name, fn, ovf)                                           \
  static Result<Value> m_##name(Value* a, int64_t n, Tuple* kw) {      \
    return math_1("math." #name, a, n, kw, fn, ovf);                   \
  }
static double d_acos(double x) { return std::acos(x); }
static double d_acosh(double x) { return std::acosh(x); }
static double d_asin(double x) { return std::asin(x); }
static double d_asinh(double x) { return std::asinh(x); }
static double d_atan(double x) { return std::atan(x); }
static double d_atanh(double x) { return std::atanh(x); }
static double d_cbrt(double x) { return std::cbrt(x); }
static double d_cos(double x) { return std::cos(x); }
static double d_cosh(double x) { return std::cosh(x); }
static double d_erf(double x) { return std::erf(x); }
static double d_erfc(double x) { return std::erfc(x); }
static double d_exp(double x) { return std::exp(x); }
static double d_exp2(double x) { return std::exp2(x); }
static double d_expm1(double x) { return std::expm1(x); }
static double d_fabs(double x) { return std::fabs(x); }
static double d_log1p(double x) { return std::log1p(x); }
static double d_sin(double x) { return std::sin(x); }
static double d_sinh(double x) { return std::sinh(x); }
static double d_sqrt(double x) { return std::sqrt(x); }
static double d_tan(double x) { return std::tan(x); }
static double d_tanh(double x) { return std::tanh(x); }
// ---- gamma and lgamma ----------------------------------------------------------------------
// CPython computes these itself (not with libm) so results are the same on
// every platform; gilpy uses the same method to give the same digits: the
// Lanczos approximation with g = 6.024680040776729583740234375 and N = 13
// (the coefficient set Boost calls lanczos13m53), exact factorials for small
// integers, and the reflection formula for negative arguments. Poles (0 and
// the negative integers) return NaN, which math_1 reports as a domain error.
static const double kLanczosG = 6.024680040776729583740234375;
static const double kLanczosGMinusHalf = 5.524680040776729583740234375;
static const double kLanczosNum[13] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// The denominator is x(x+1)...(x+11) expanded: coefficients of x**0 .. x**12.
static const double kLanczosDen[13] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                       45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                       1925.0,    66.0,       1.0};

// The rational function sum(num[i] x**i) / sum(den[i] x**i) for x > 0,
// evaluated in x for small x and in 1/x for large x to avoid overflow.
static double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = 12; i >= 0; i--) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < 13; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

// sin(pi * x) with the argument reduced first, so it is exact at integers.
static double sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = int(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(M_PI * y); break;
    case 1: r = std::cos(M_PI * (y - 0.5)); break;
    case 2: r = std::sin(M_PI * (1.0 - y)); break;  // -sin(pi*(y-1)), without the subtraction error
    case 3: r = -std::cos(M_PI * (y - 1.5)); break;
    default: r = std::sin(M_PI * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

static double d_gamma(double x) {
  if (std::isnan(x)) return x;
  if (std::isinf(x)) return x > 0 ? x : NAN;
  if (x == 0.0) return NAN;
  if (x == std::floor(x)) {
    if (x < 0.0) return NAN;
    if (x <= 23.0) {  // (x-1)! exactly
      double f = 1.0;
      for (int i = 2; i < int(x); i++) f *= i;
      return f;
    }
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return 1.0 / x;  // may overflow to inf: a range error
  if (absx > 200.0) return x < 0.0 ? 0.0 / sinpi(x) : HUGE_VAL;
  double y = absx + kLanczosGMinusHalf;
  double q, z;
  // z = (absx + g - 0.5) - (absx + g - 0.5 rounded), computed without cancellation.
  if (absx > kLanczosGMinusHalf) {
    q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -M_PI / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return r;
}

static double d_lgamma(double x) {
  if (std::isnan(x)) return x;
  if (std::isinf(x)) return HUGE_VAL;  // lgamma(-inf) = +inf too
  if (x == std::floor(x) && x <= 2.0) return x <= 0.0 ? NAN : 0.0;
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = std::log(M_PI) - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;
  return r;
}
FUNC1(acos, d_acos, false)
FUNC1(acosh, d_acosh, false)
FUNC1(asin, d_asin, false)
FUNC1(asinh, d_asinh, false)
FUNC1(atan, d_atan, false)
FUNC1(atanh, d_atanh, false)
FUNC1(cbrt, d_cbrt, false)
FUNC1(cos, d_cos, false)
FUNC1(cosh, d_cosh, true)
FUNC1(erf, d_erf, false)
FUNC1(erfc, d_erfc, false)
FUNC1(exp, d_exp, true)
FUNC1(exp2, d_exp2, true)
FUNC1(expm1, d_expm1, true)
FUNC1(fabs, d_fabs, false)
FUNC1(gamma, d_gamma, true)
FUNC1(lgamma, d_lgamma, true)
FUNC1(log1p, d_log1p, false)
FUNC1(sin, d_sin, false)
FUNC1(sinh, d_sinh, true)
FUNC1(sqrt, d_sqrt, false)
FUNC1(tan, d_tan, false)
FUNC1(tanh, d_tanh, false)
#undef FUNC1

// Two-argument functions (CPython's math_2).
static Result<Value> math_2(const char* fname, Value* args, int64_t nargs, Tuple* kw, double (*f)(double, double)) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, nargs, 2, 2));
  double x = TRY(arg_double(args[0]));
  double y = TRY(arg_double(args[1]));
  double r = f(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return range_error();
  return float_new(r);
}
static double d_atan2(double y, double x) { return std::atan2(y, x); }
static double d_copysign(double x, double y) { return std::copysign(x, y); }
static double d_remainder(double x, double y) {
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  if (std::isinf(x) || y == 0.0) return NAN;
  if (std::isinf(y)) return x;
  return std::remainder(x, y);
}
static Result<Value> m_atan2(Value* a, int64_t n, Tuple* kw) { return math_2("atan2", a, n, kw, d_atan2); }
static Result<Value> m_copysign(Value* a, int64_t n, Tuple* kw) { return math_2("copysign", a, n, kw, d_copysign); }
static Result<Value> m_remainder(Value* a, int64_t n, Tuple* kw) { return math_2("remainder", a, n, kw, d_remainder); }

static Result<Value> m_fmod(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("fmod", kw));
  TRY(check_nargs("fmod", nargs, 2, 2));
  double x = TRY(arg_double(args[0]));
  double y = TRY(arg_double(args[1]));
  if (std::isinf(y) && std::isfinite(x)) return float_new(x);  // fmod(x, +-inf) == x for finite x
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_new(r);
}

static Result<Value> m_pow(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pow", kw));
  TRY(check_nargs("pow", nargs, 2, 2));
  double x = TRY(arg_double(args[0]));
  double y = TRY(arg_double(args[1]));
  double r;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    // Special values, spelled out so that no platform pow() quirk leaks (C99 F.9.4.4).
    if (std::isnan(x)) r = y == 0.0 ? 1.0 : x;
    else if (std::isnan(y)) r = x == 1.0 ? 1.0 : y;
    else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.) r = odd_y ? x : std::fabs(x);
      else if (y == 0.) r = 1.;
      else r = odd_y ? std::copysign(0., x) : 0.;
    } else {  // y is infinite
      if (std::fabs(x) == 1.0) r = 1.;
      else if (y > 0. && std::fabs(x) > 1.0) r = y;
      else if (y < 0. && std::fabs(x) < 1.0) r = -y;
      else r = 0.;
    }
    return float_new(r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) return domain_error();
  if (std::isinf(r)) return x == 0. ? domain_error() : range_error();
  return float_new(r);
}

// ---- logarithms -------------------------------------------------------------------------------
// log of a positive number; ints too large for a double are split into
// mantissa * 2**e (GMP) so log(10**1000) works. ERR with the error raised.
static Result<double> log_helper(Value v, double (*f)(double)) {
  if (is_int(v)) {
    if (int_sign(v) <= 0) return domain_error();
    Result<double> d = int_as_double(v);
    if (d.ok()) return f(d.value());
    if (!exc_matches(tp_OverflowError)) return ERR;
    exc_clear();
    mpz_t z;
    int_to_mpz(v, z);
    long e;
    double m = mpz_get_d_2exp(&e, z);
    mpz_clear(z);
    return f(m) + f(2.0) * double(e);
  }
  double x = TRY(arg_double(v));
  if (std::isnan(x)) return x;
  if (std::isinf(x)) {
    if (x > 0) return x;
    return domain_error();
  }
  if (x <= 0) return domain_error();
  return f(x);
}
static double d_log(double x) { return std::log(x); }
static double d_log2(double x) { return std::log2(x); }
static double d_log10(double x) { return std::log10(x); }

static Result<Value> m_log(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("log", kw));
  if (nargs < 1 || nargs > 2) return raise(tp_TypeError, "math.log requires 1 to 2 arguments");
  double num = TRY(log_helper(args[0], d_log));
  if (nargs == 1) return float_new(num);
  double den = TRY(log_helper(args[1], d_log));
  if (den == 0.0) return raise(tp_ZeroDivisionError, "float division by zero");
  return float_new(num / den);
}
static Result<Value> m_log2(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("math.log2", kw));
  TRY(check_nargs("math.log2", nargs, 1, 1));
  double r = TRY(log_helper(args[0], d_log2));
  return float_new(r);
}
static Result<Value> m_log10(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("math.log10", kw));
  TRY(check_nargs("math.log10", nargs, 1, 1));
  double r = TRY(log_helper(args[0], d_log10));
  return float_new(r);
}

// ---- rounding ---------------------------------------------------------------------------------
static Result<Value> round_common(const char* fname, Value* args, int64_t nargs, Tuple* kw, Str* dunder,
                                  double (*f)(double)) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, nargs, 1, 1));
  Value x = args[0];
  if (isinstance_exact(x, tp_float)) return int_from_double_checked(f(float_val(x)));
  if (is_int(x) && (x.is_small() || x.type() == tp_int || x.type() == tp_bool)) return int_exact(x);
  Value m = lookup_special(x, dunder);
  if (m) return call0(m);
  if (exc_pending()) return ERR;
  double d = TRY(to_double(x));
  return int_from_double_checked(f(d));
}
static double d_floor(double x) { return std::floor(x); }
static double d_ceil(double x) { return std::ceil(x); }
static Result<Value> m_floor(Value* a, int64_t n, Tuple* kw) { return round_common("math.floor", a, n, kw, N.__floor__, d_floor); }
static Result<Value> m_ceil(Value* a, int64_t n, Tuple* kw) { return round_common("math.ceil", a, n, kw, N.__ceil__, d_ceil); }

static Result<Value> m_trunc(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("math.trunc", kw));
  TRY(check_nargs("math.trunc", nargs, 1, 1));
  Value x = args[0];
  if (isinstance_exact(x, tp_float)) return int_from_double_checked(std::trunc(float_val(x)));
  if (is_int(x) && (x.is_small() || x.type() == tp_int || x.type() == tp_bool)) return int_exact(x);
  Value m = lookup_special(x, N.__trunc__);
  if (m) return call0(m);
  if (exc_pending()) return ERR;
  return raise_fmt(tp_TypeError, "type %s doesn't define __trunc__ method", type_name(x));
}

// ---- decomposition ----------------------------------------------------------------------------
static Result<Value> m_frexp(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("math.frexp", kw));
  TRY(check_nargs("math.frexp", nargs, 1, 1));
  double x = TRY(arg_double(args[0]));
  if (std::isnan(x) || std::isinf(x) || x == 0.0) return Value(tuple_of({float_new(x), Value::small(0)}));
  int e;
  double m = std::frexp(x, &e);
  return Value(tuple_of({float_new(m), Value::small(e)}));
}

static Result<Value> m_ldexp(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("ldexp", kw));
  TRY(check_nargs("ldexp", nargs, 2, 2));
  double x = TRY(arg_double(args[0]));
  if (!is_int(args[1])) return raise(tp_TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_fits_i64(args[1], &e)) e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
  if (x == 0. || !std::isfinite(x)) return float_new(x);
  if (e > INT_MAX) return range_error();
  if (e < INT_MIN) return float_new(std::copysign(0., x));
  double r = std::ldexp(x, int(e));
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

static Result<Value> m_modf(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("math.modf", kw));
  TRY(check_nargs("math.modf", nargs, 1, 1));
  double x = TRY(arg_double(args[0]));
  if (std::isinf(x)) return Value(tuple_of({float_new(std::copysign(0., x)), float_new(x)}));
  if (std::isnan(x)) return Value(tuple_of({float_new(x), float_new(x)}));
  double ip;
  double fp = std::modf(x, &ip);
  return Value(tuple_of({float_new(fp), float_new(ip)}));
}

// ---- classification and comparison ------------------------------------------------------------
#define PRED(name, expr)                                                   \
  static Result<Value> m_##name(Value* args, int64_t nargs, Tuple* kw) {   \
    TRY(no_kwargs("math." #name, kw));                                     \
    TRY(check_nargs("math." #name, nargs, 1, 1));                          \
    double x = TRY(arg_double(args[0]));                                   \
    return Bool(expr);                                                     \
  }
PRED(isfinite, std::isfinite(x))
PRED(isinf, std::isinf(x))
PRED(isnan, std::isnan(x))
#undef PRED

static Result<Value> m_isclose(Value* args, int64_t nargs, Tuple* kw) {
  Value o[4];
  TRY(parse_args("isclose", args, nargs, kw, {"a", "b", "rel_tol", "abs_tol"}, 2, o, 0, 2));
  double a = TRY(arg_double(o[0]));
  double b = TRY(arg_double(o[1]));
  double rel = o[2] ? TRY(arg_double(o[2])) : 1e-9;
  double abs_tol = o[3] ? TRY(arg_double(o[3])) : 0.0;
  if (rel < 0.0 || abs_tol < 0.0) return raise(tp_ValueError, "tolerances must be non-negative");
  if (a == b) return True();
  if (std::isinf(a) || std::isinf(b)) return False();
  double diff = std::fabs(b - a);
  return Bool(diff <= std::fabs(rel * b) || diff <= std::fabs(rel * a) || diff <= abs_tol);
}

static Result<Value> m_degrees(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("math.degrees", kw));
  TRY(check_nargs("math.degrees", nargs, 1, 1));
  double x = TRY(arg_double(args[0]));
  return float_new(x * (180.0 / M_PI));
}
static Result<Value> m_radians(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("math.radians", kw));
  TRY(check_nargs("math.radians", nargs, 1, 1));
  double x = TRY(arg_double(args[0]));
  return float_new(x * (M_PI / 180.0));
}

static Result<Value> m_nextafter(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("nextafter", kw));
  TRY(check_nargs("nextafter", nargs, 2, 2));
  double x = TRY(arg_double(args[0]));
  double y = TRY(arg_double(args[1]));
  return float_new(std::nextafter(x, y));
}

static Result<Value> m_ulp(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("math.ulp", kw));
  TRY(check_nargs("math.ulp", nargs, 1, 1));
  double x = TRY(arg_double(args[0]));
  if (std::isnan(x)) return float_new(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_new(x);
  double x2 = std::nextafter(x, INFINITY);
  if (std::isinf(x2)) {  // x is the largest finite double
    x2 = std::nextafter(x, -INFINITY);
    return float_new(x - x2);
  }
  return float_new(x2 - x);
}

// ---- sums and norms ---------------------------------------------------------------------------
// fsum: Shewchuk's exact summation with non-overlapping partials, then a
// correctly rounded final sum (half-even correction of the last partials).
static Result<Value> m_fsum(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("fsum", kw));
  TRY(check_nargs("math.fsum", nargs, 1, 1));
  Value it = TRY(get_iter(args[0]));
  std::vector<double> p;  // partials, increasing magnitude, non-overlapping
  double special_sum = 0.0, inf_sum = 0.0;
  while (true) {
    Value item;
    TRY(iter_next(it, &item));
    if (!item) break;
    double x = TRY(arg_double(item));
    double xsave = x;
    size_t i = 0;
    for (double y : p) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double yr = hi - x;
      double lo = y - yr;
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // Non-finite: either an intermediate overflow or an inf/nan summand.
        if (std::isfinite(xsave)) return raise(tp_OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(tp_ValueError, "-inf + inf in fsum");
    return float_new(special_sum);
  }
  double hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    double lo = 0.0;
    hi = p[--n];
    // Sum from the top until the result is inexact.
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Round half-even correctly: if the rest has the same sign as lo, the
    // true sum is beyond the halfway point.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return float_new(hi);
}

// The Euclidean norm of vec (absolute values), max = the largest element,
// computed with scaling and exact (fma-based) squares and sums so the result
// is correctly rounded in nearly all cases, as CPython 3.11's vector_norm.
static double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
  size_t n = vec.size();
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    // ldexp(1.0, -max_e) would overflow: bring subnormals into the normal range first.
    for (double& x : vec) x /= DBL_MIN;
    return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : vec) {
    x *= scale;  // exact
    double pr_hi = x * x;
    double pr_lo = std::fma(x, x, -pr_hi);  // exact square = pr_hi + pr_lo
    double sm_hi = csum + pr_hi;
    double sm_lo = (csum - sm_hi) + pr_hi;  // exact since csum >= pr_hi
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  double pr_hi = -h * h;
  double pr_lo = std::fma(-h, h, -pr_hi);
  double sm_hi = csum + pr_hi;
  double sm_lo = (csum - sm_hi) + pr_hi;
  csum = sm_hi;
  frac1 += pr_lo;
  frac2 += sm_lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);  // differential correction
  return h / scale;
}

static Result<Value> m_hypot(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("hypot", kw));
  std::vector<double> v;
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < nargs; i++) {
    double x = std::fabs(TRY(arg_double(args[i])));
    v.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_new(vector_norm(v, max, found_nan));
}

static Result<Value> m_dist(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("dist", kw));
  TRY(check_nargs("dist", nargs, 2, 2));
  Tuple* p = TRY(to_tuple(args[0]));
  Tuple* q = TRY(to_tuple(args[1]));
  if (p->size != q->size) return raise(tp_ValueError, "both points must have the same number of dimensions");
  std::vector<double> v;
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < p->size; i++) {
    double a = TRY(arg_double(p->items[i]));
    double b = TRY(arg_double(q->items[i]));
    double x = std::fabs(a - b);
    v.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_new(vector_norm(v, max, found_nan));
}

static Result<Value> m_prod(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("prod", args, nargs, kw, {"iterable", "start"}, 1, o, 1, 1));
  Value acc = o[1] ? o[1] : Value::small(1);
  Value it = TRY(get_iter(o[0]));
  while (true) {
    Value item;
    TRY(iter_next(it, &item));
    if (!item) break;
    acc = TRY(binary_op(acc, item, bytecode::NB_MULTIPLY));
  }
  return acc;
}

// ---- integer functions ------------------------------------------------------------------------
// An integer argument through __index__ (floats are rejected, as in 3.10+).
static Result<Value> int_arg(Value v) {
  if (is_int(v)) return v;
  return index_value(v);
}

// RAII holder for mpz temporaries (limbs come from the collector via GMP's
// memory functions, so a missed clear would only delay reclamation).
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  explicit Mpz(Value v) { int_to_mpz(v, z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

static Result<Value> m_factorial(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("factorial", kw));
  TRY(check_nargs("math.factorial", nargs, 1, 1));
  Value n = TRY(int_arg(args[0]));
  if (int_sign(n) < 0) return raise(tp_ValueError, "factorial() not defined for negative values");
  int64_t x;
  if (!int_fits_i64(n, &x)) return raise_fmt(tp_OverflowError, "factorial() argument should not exceed %ld", LONG_MAX);
  Mpz r;
  mpz_fac_ui(r.z, (unsigned long)x);
  return int_from_mpz(r.z);
}

static Result<Value> m_isqrt(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("isqrt", kw));
  TRY(check_nargs("math.isqrt", nargs, 1, 1));
  Value n = TRY(int_arg(args[0]));
  if (int_sign(n) < 0) return raise(tp_ValueError, "isqrt() argument must be nonnegative");
  Mpz a(n), r;
  mpz_sqrt(r.z, a.z);
  return int_from_mpz(r.z);
}

static Result<Value> m_gcd(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("gcd", kw));
  Mpz r;  // gcd() == 0
  for (int64_t i = 0; i < nargs; i++) {
    Value v = TRY(int_arg(args[i]));
    Mpz a(v);
    mpz_gcd(r.z, r.z, a.z);
  }
  return int_from_mpz(r.z);
}

static Result<Value> m_lcm(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("lcm", kw));
  Mpz r;
  mpz_set_ui(r.z, 1);  // lcm() == 1
  for (int64_t i = 0; i < nargs; i++) {
    Value v = TRY(int_arg(args[i]));
    Mpz a(v);
    mpz_lcm(r.z, r.z, a.z);  // non-negative; 0 when any argument is 0
  }
  return int_from_mpz(r.z);
}

// comb and perm share the argument checks (ints via __index__, both non-negative).
static Status comb_args(Value* args, Value* n, Value* k) {
  *n = TRY(int_arg(args[0]));
  *k = TRY(int_arg(args[1]));
  if (int_sign(*n) < 0) return raise(tp_ValueError, "n must be a non-negative integer");
  if (int_sign(*k) < 0) return raise(tp_ValueError, "k must be a non-negative integer");
  return OK();
}

static Result<Value> m_comb(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("comb", kw));
  TRY(check_nargs("comb", nargs, 2, 2));
  Value n, k;
  TRY(comb_args(args, &n, &k));
  Mpz zn(n), zk(k);
  if (mpz_cmp(zk.z, zn.z) > 0) return Value::small(0);
  Mpz nk;
  mpz_sub(nk.z, zn.z, zk.z);
  if (mpz_cmp(nk.z, zk.z) < 0) mpz_set(zk.z, nk.z);  // comb(n, k) == comb(n, n - k)
  if (!mpz_fits_slong_p(zk.z))
    return raise_fmt(tp_OverflowError, "min(n - k, k) must not exceed %lld", (long long)LLONG_MAX);
  Mpz r;
  mpz_bin_ui(r.z, zn.z, mpz_get_ui(zk.z));
  return int_from_mpz(r.z);
}

static Result<Value> m_perm(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("perm", kw));
  TRY(check_nargs("perm", nargs, 1, 2));
  if (nargs == 1 || is_none(args[1])) return m_factorial(args, 1, nullptr);
  Value n, k;
  TRY(comb_args(args, &n, &k));
  Mpz zn(n), zk(k);
  if (mpz_cmp(zk.z, zn.z) > 0) return Value::small(0);
  if (!mpz_fits_slong_p(zk.z)) return raise_fmt(tp_OverflowError, "k must not exceed %lld", (long long)LLONG_MAX);
  unsigned long kk = mpz_get_ui(zk.z);
  // perm(n, k) = comb(n, k) * k!
  Mpz r, f;
  mpz_bin_ui(r.z, zn.z, kk);
  mpz_fac_ui(f.z, kk);
  mpz_mul(r.z, r.z, f.z);
  return int_from_mpz(r.z);
}

static const MethodDef functions[] = {
    {"acos", m_acos},         {"acosh", m_acosh},     {"asin", m_asin},         {"asinh", m_asinh},
    {"atan", m_atan},         {"atan2", m_atan2},     {"atanh", m_atanh},       {"cbrt", m_cbrt},
    {"ceil", m_ceil},         {"comb", m_comb},       {"copysign", m_copysign}, {"cos", m_cos},
    {"cosh", m_cosh},         {"degrees", m_degrees}, {"dist", m_dist},         {"erf", m_erf},
    {"erfc", m_erfc},         {"exp", m_exp},         {"exp2", m_exp2},         {"expm1", m_expm1},
    {"fabs", m_fabs},         {"factorial", m_factorial}, {"floor", m_floor},   {"fmod", m_fmod},
    {"frexp", m_frexp},       {"fsum", m_fsum},       {"gamma", m_gamma},       {"gcd", m_gcd},
    {"hypot", m_hypot},       {"isclose", m_isclose}, {"isfinite", m_isfinite}, {"isinf", m_isinf},
    {"isnan", m_isnan},       {"isqrt", m_isqrt},     {"lcm", m_lcm},           {"ldexp", m_ldexp},
    {"lgamma", m_lgamma},     {"log", m_log},         {"log10", m_log10},       {"log1p", m_log1p},
    {"log2", m_log2},         {"modf", m_modf},       {"nextafter", m_nextafter}, {"perm", m_perm},
    {"pow", m_pow},           {"prod", m_prod},       {"radians", m_radians},   {"remainder", m_remainder},
    {"sin", m_sin},           {"sinh", m_sinh},       {"sqrt", m_sqrt},         {"tan", m_tan},
    {"tanh", m_tanh},         {"trunc", m_trunc},     {"ulp", m_ulp},           {nullptr, nullptr},
};

static Result<Value> math_init() {
  Module* m = native_module_new("math", functions,
                                "This module provides access to the mathematical functions\n"
                                "defined by the C standard.");
  dict_set_str(m->dict, str_intern("pi"), float_new(M_PI));
  dict_set_str(m->dict, str_intern("e"), float_new(M_E));
  dict_set_str(m->dict, str_intern("tau"), float_new(2 * M_PI));
  dict_set_str(m->dict, str_intern("inf"), float_new(INFINITY));
  dict_set_str(m->dict, str_intern("nan"), float_new(NAN));
  return Value(m);
}
GILPY_NATIVE_MODULE("math", math_init);

}  // namespace gilpy
