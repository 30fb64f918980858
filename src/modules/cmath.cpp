// cmath: mathematical functions over complex numbers, as CPython 3.11's cmath module.
//
// The elementary functions come from the C library's complex functions (glibc implements C99
// Annex G, which is also what CPython's special-value tables encode: the value for infinite,
// NaN and signed-zero inputs). What this file adds is CPython's error policy on top:
//   ValueError("math domain error")  where CPython sets EDOM: log(0), atanh(+-1), exp/cosh/sinh/
//                                     tanh with an infinite imaginary part, rect(r, +-inf);
//   OverflowError("math range error") where a finite argument gives an infinite result (exp,
//                                     cosh, sinh, polar's modulus).
// cos, sin, tan, atan are written through the hyperbolic functions (cos z = cosh iz, ...), as
// CPython does, so they inherit exactly the same error cases.
#include <cerrno>
#include <cmath>
#include <complex>

#include "objects/float.h"
#include "objects/int.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

using C = std::complex<double>;
constexpr double kInf = HUGE_VAL;

// A result and the errno CPython would set (0, EDOM or ERANGE).
struct R {
  C z;
  int err = 0;
};

bool finite(C z) { return std::isfinite(z.real()) && std::isfinite(z.imag()); }
C times_i(C z) { return C(-z.imag(), z.real()); }      // i*z
C times_minus_i(C z) { return C(z.imag(), -z.real()); }  // -i*z

// Argument conversion: complex, __complex__, then anything float() takes.
Result<C> to_complex(Value v) {
  if (has_layout(v, Layout::Complex)) return C(v.as<Complex>()->re, v.as<Complex>()->im);
  Value m = lookup_special(v, N.complex_);
  if (m) {
    Value r = TRY(call0(m));
    if (!has_layout(r, Layout::Complex))
      return raise_fmt(tp_TypeError, "__complex__ returned non-complex (type %s)", type_name(r));
    return C(r.as<Complex>()->re, r.as<Complex>()->im);
  }
  if (exc_pending()) return ERR;
  if (!is_float(v) && !is_int(v) && !lookup_special(v, N.__float__) && !lookup_special(v, N.__index__)) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError, "must be real number, not %s", type_name(v));
  }
  double d = TRY(to_double(v));
  return C(d, 0.0);
}
Result<double> to_real(Value v) {
  if (is_float(v)) return float_val(v);
  if (!is_int(v) && !lookup_special(v, N.__float__) && !lookup_special(v, N.__index__)) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError, "must be real number, not %s", type_name(v));
  }
  return to_double(v);
}

Err math_error(int err) {
  if (err == ERANGE) return raise(tp_OverflowError, "math range error");
  return raise(tp_ValueError, "math domain error");
}
Result<Value> finish(R r) {
  if (r.err) return math_error(r.err);
  return complex_new(r.z.real(), r.z.imag());
}

// ---- the functions, errno included ----------------------------------------------------------
// Special values where C99 Annex G leaves a sign unspecified and glibc's choice differs from
// CPython's tables; CPython's results also never depend on the sign bit of a NaN argument.
R c_exp(C z) {
  C r = std::exp(z);
  if (finite(z)) return {r, finite(r) ? 0 : ERANGE};
  if (z.real() == -kInf && !std::isfinite(z.imag())) r = C(0.0, 0.0);
  bool edom = std::isinf(z.imag()) && (std::isfinite(z.real()) || (std::isinf(z.real()) && z.real() > 0));
  return {r, edom ? EDOM : 0};
}
// cosh and sinh share their error rules.
R c_hyp(C z, C r) {
  if (finite(z)) return {r, finite(r) ? 0 : ERANGE};
  return {r, std::isinf(z.imag()) && !std::isnan(z.real()) ? EDOM : 0};
}
R c_cosh(C z) {
  C r = std::cosh(z);
  if (std::isnan(z.real()) && z.imag() == 0.0) r = C(NAN, 0.0);
  return c_hyp(z, r);
}
R c_sinh(C z) {
  C r = std::sinh(z);
  if (z.real() == 0.0 && std::isnan(z.imag())) r = C(0.0, NAN);
  return c_hyp(z, r);
}
R c_tanh(C z) {
  C r = std::tanh(z);
  if (finite(z)) return {r, 0};
  if (std::isinf(z.real()) && std::isinf(z.imag())) r = C(std::copysign(1.0, z.real()), 0.0);
  if (z.real() == 0.0 && std::isnan(z.imag())) r = C(NAN, NAN);
  return {r, std::isinf(z.imag()) && std::isfinite(z.real()) ? EDOM : 0};
}
R c_cos(C z) { return c_cosh(times_i(z)); }
R c_sin(C z) {
  R r = c_sinh(times_i(z));
  r.z = times_minus_i(r.z);
  return r;
}
R c_tan(C z) {
  R r = c_tanh(times_i(z));
  r.z = times_minus_i(r.z);
  return r;
}
R c_log(C z) {
  if (z.real() == 0.0 && z.imag() == 0.0) return {C(-kInf, std::atan2(z.imag(), z.real())), EDOM};
  return {std::log(z), 0};
}
R c_sqrt(C z) { return {std::sqrt(z), 0}; }
R c_acos(C z) {
  if (std::isinf(z.real()) && std::isnan(z.imag())) return {C(NAN, kInf), 0};
  return {std::acos(z), 0};
}
R c_asin(C z) {
  if (std::isinf(z.real()) && std::isnan(z.imag())) return {C(NAN, -kInf), 0};
  return {std::asin(z), 0};
}
R c_acosh(C z) {
  if (z.real() == 0.0 && std::isnan(z.imag())) return {C(NAN, NAN), 0};
  return {std::acosh(z), 0};
}
R c_asinh(C z) { return {std::asinh(z), 0}; }
R c_atanh(C z) {
  if (z.imag() == 0.0 && std::fabs(z.real()) == 1.0)
    return {C(std::copysign(kInf, z.real()), z.imag()), EDOM};
  if (std::isnan(z.real()) && std::isinf(z.imag())) return {C(0.0, std::copysign(M_PI / 2, z.imag())), 0};
  return {std::atanh(z), 0};
}
R c_atan(C z) {
  R r = c_atanh(times_i(z));
  r.z = times_minus_i(r.z);
  return r;
}

// Complex division by Smith's method (scaling by the larger component of the divisor avoids
// needless overflow); division by zero is a domain error, as in CPython's cmath.log(x, base).
R c_quot(C a, C b) {
  double abs_br = std::fabs(b.real()), abs_bi = std::fabs(b.imag());
  if (abs_br >= abs_bi) {
    if (abs_br == 0.0) return {C(0.0, 0.0), EDOM};
    double ratio = b.imag() / b.real();
    double denom = b.real() + b.imag() * ratio;
    return {C((a.real() + a.imag() * ratio) / denom, (a.imag() - a.real() * ratio) / denom), 0};
  }
  if (abs_bi >= abs_br) {
    double ratio = b.real() / b.imag();
    double denom = b.real() * ratio + b.imag();
    return {C((a.real() * ratio + a.imag()) / denom, (a.imag() * ratio - a.real()) / denom), 0};
  }
  return {C(NAN, NAN), 0};  // a NaN in the divisor
}

// ---- Python wrappers -----------------------------------------------------------------------
template <R (*F)(C)>
Result<Value> unary(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("cmath function", kw));
  if (n != 1) return raise_fmt(tp_TypeError, "function takes exactly 1 argument (%lld given)", (long long)n);
  C z = TRY(to_complex(a[0]));
  return finish(F(z));
}

Result<Value> m_log(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("log", kw));
  if (n < 1 || n > 2)
    return raise_fmt(tp_TypeError, "log expected at most 2 arguments, got %lld", (long long)n);
  C z = TRY(to_complex(a[0]));
  R r = c_log(z);
  if (n == 2) {
    C base = TRY(to_complex(a[1]));
    R b = c_log(base);
    R q = c_quot(r.z, b.z);
    // The last error wins, as CPython checks errno once after all three steps.
    int err = q.err ? q.err : (b.err ? b.err : r.err);
    r = {q.z, err};
  }
  return finish(r);
}
Result<Value> m_log10(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("log10", kw));
  TRY(check_nargs("log10", n, 1, 1));
  C z = TRY(to_complex(a[0]));
  R r = c_log(z);
  r.z = C(r.z.real() / M_LN10, r.z.imag() / M_LN10);
  return finish(r);
}

Result<Value> m_phase(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("phase", kw));
  TRY(check_nargs("phase", n, 1, 1));
  C z = TRY(to_complex(a[0]));
  return float_new(std::atan2(z.imag(), z.real()));
}

// |z| with CPython's overflow rule; infinities win over NaNs (hypot does this already).
R c_abs(C z) {
  double r = std::hypot(z.real(), z.imag());
  return {C(r, 0.0), std::isinf(r) && finite(z) ? ERANGE : 0};
}
Result<Value> m_polar(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("polar", kw));
  TRY(check_nargs("polar", n, 1, 1));
  C z = TRY(to_complex(a[0]));
  R r = c_abs(z);
  if (r.err) return math_error(r.err);
  return Value(tuple_of({float_new(r.z.real()), float_new(std::atan2(z.imag(), z.real()))}));
}

// rect(r, phi) = r * (cos phi + i sin phi), with the special values CPython 3.11 returns for
// infinite, NaN and zero arguments.
R c_rect(double r, double phi) {
  if (std::isfinite(r) && std::isfinite(phi)) {
    if (phi == 0.0) return {C(r, r * phi), 0};  // keeps the sign of the zero
    return {C(r * std::cos(phi), r * std::sin(phi)), 0};
  }
  if (std::isnan(r)) return {C(NAN, phi == 0.0 ? 0.0 : NAN), 0};
  if (std::isfinite(r)) {  // phi is infinite or NaN
    if (r == 0.0) return {C(0.0, 0.0), 0};
    return {C(NAN, NAN), std::isinf(phi) ? EDOM : 0};
  }
  // r is infinite
  double s = r > 0 ? 1.0 : -1.0;
  if (std::isnan(phi)) return {C(kInf, NAN), 0};
  if (std::isinf(phi)) return {C(kInf, NAN), EDOM};
  if (phi == 0.0) return {C(r, s * std::copysign(0.0, phi)), 0};
  return {C(s * std::copysign(kInf, std::cos(phi)), s * std::copysign(kInf, std::sin(phi))), 0};
}
Result<Value> m_rect(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("rect", kw));
  if (n != 2) return raise_fmt(tp_TypeError, "rect expected 2 arguments, got %lld", (long long)n);
  double r = TRY(to_real(a[0]));
  double phi = TRY(to_real(a[1]));
  return finish(c_rect(r, phi));
}

Result<Value> m_isfinite(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("isfinite", kw));
  TRY(check_nargs("isfinite", n, 1, 1));
  C z = TRY(to_complex(a[0]));
  return Bool(finite(z));
}
Result<Value> m_isinf(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("isinf", kw));
  TRY(check_nargs("isinf", n, 1, 1));
  C z = TRY(to_complex(a[0]));
  return Bool(std::isinf(z.real()) || std::isinf(z.imag()));
}
Result<Value> m_isnan(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("isnan", kw));
  TRY(check_nargs("isnan", n, 1, 1));
  C z = TRY(to_complex(a[0]));
  return Bool(std::isnan(z.real()) || std::isnan(z.imag()));
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0), PEP 485 on the complex modulus.
Result<Value> m_isclose(Value* a, int64_t n, Tuple* kw) {
  Value out[4];
  TRY(parse_args("isclose", a, n, kw, {"a", "b", "rel_tol", "abs_tol"}, 2, out, 0, 2));
  C x = TRY(to_complex(out[0]));
  C y = TRY(to_complex(out[1]));
  double rel = out[2] ? TRY(to_real(out[2])) : 1e-09;
  double abs_tol = out[3] ? TRY(to_real(out[3])) : 0.0;
  if (rel < 0.0 || abs_tol < 0.0) return raise(tp_ValueError, "tolerances must be non-negative");
  if (x == y) return True();  // also catches equal infinities
  if (std::isinf(x.real()) || std::isinf(x.imag()) || std::isinf(y.real()) || std::isinf(y.imag()))
    return False();
  double diff = std::abs(x - y);
  return Bool((diff <= rel * std::abs(y)) || (diff <= rel * std::abs(x)) || diff <= abs_tol);
}

const MethodDef functions[] = {
    {"acos", unary<c_acos>, MethKind::Method, "Return the arc cosine of z."},
    {"acosh", unary<c_acosh>, MethKind::Method, "Return the inverse hyperbolic cosine of z."},
    {"asin", unary<c_asin>, MethKind::Method, "Return the arc sine of z."},
    {"asinh", unary<c_asinh>, MethKind::Method, "Return the inverse hyperbolic sine of z."},
    {"atan", unary<c_atan>, MethKind::Method, "Return the arc tangent of z."},
    {"atanh", unary<c_atanh>, MethKind::Method, "Return the inverse hyperbolic tangent of z."},
    {"cos", unary<c_cos>, MethKind::Method, "Return the cosine of z."},
    {"cosh", unary<c_cosh>, MethKind::Method, "Return the hyperbolic cosine of z."},
    {"exp", unary<c_exp>, MethKind::Method, "Return the exponential value e**z."},
    {"sin", unary<c_sin>, MethKind::Method, "Return the sine of z."},
    {"sinh", unary<c_sinh>, MethKind::Method, "Return the hyperbolic sine of z."},
    {"sqrt", unary<c_sqrt>, MethKind::Method, "Return the square root of z."},
    {"tan", unary<c_tan>, MethKind::Method, "Return the tangent of z."},
    {"tanh", unary<c_tanh>, MethKind::Method, "Return the hyperbolic tangent of z."},
    {"log", m_log, MethKind::Method, "log(z[, base]) -> the logarithm of z to the given base."},
    {"log10", m_log10, MethKind::Method, "Return the base-10 logarithm of z."},
    {"phase", m_phase, MethKind::Method, "Return argument, also known as the phase angle, of a complex."},
    {"polar", m_polar, MethKind::Method, "Convert a complex from rectangular coordinates to polar coordinates."},
    {"rect", m_rect, MethKind::Method, "Convert from polar coordinates to rectangular coordinates."},
    {"isfinite", m_isfinite, MethKind::Method, "Return True if both the real and imaginary parts of z are finite."},
    {"isinf", m_isinf, MethKind::Method, "Checks if the real or imaginary part of z is infinite."},
    {"isnan", m_isnan, MethKind::Method, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"isclose", m_isclose, MethKind::Method, "Determine whether two complex numbers are close in value."},
    {nullptr, nullptr},
};

Result<Value> init() {
  Module* m = native_module_new("cmath", functions,
                                "This module provides access to mathematical functions for complex\n"
                                "numbers.");
  Dict* d = m->dict;
  dict_set_str(d, str_intern("pi"), float_new(M_PI));
  dict_set_str(d, str_intern("e"), float_new(M_E));
  dict_set_str(d, str_intern("tau"), float_new(2 * M_PI));
  dict_set_str(d, str_intern("inf"), float_new(kInf));
  dict_set_str(d, str_intern("infj"), complex_new(0.0, kInf));
  dict_set_str(d, str_intern("nan"), float_new(NAN));
  dict_set_str(d, str_intern("nanj"), complex_new(0.0, NAN));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("cmath", init);

}  // namespace gilpy
