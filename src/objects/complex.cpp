// complex: a pair of doubles. Arithmetic follows CPython 3.11 exactly (an int
// or float operand is first widened to complex, so inf/nan propagate the same
// way), as do repr, parsing of complex('1+2j') and the __format__ layout.
#include <cmath>
#include <cstring>

#include "bytecode/opcodes.h"
#include "common/numfmt.h"
#include "common/unicode.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

namespace {

struct Cx {
  double re, im;
};

inline Value not_implemented() { return Value(g_NotImplemented); }
inline Cx cx_of(Value v) { return {v.as<Complex>()->re, v.as<Complex>()->im}; }
inline bool is_complex(Value v) { return has_layout(v, Layout::Complex); }

Value complex_new_subtype(Type* cls, double re, double im) {
  Complex* c = static_cast<Complex*>(alloc_atomic_instance(cls, sizeof(Complex)));
  c->re = re;
  c->im = im;
  return Value(c);
}

// An operand of complex arithmetic: 1 and *out set; 0 when v is not an int,
// float or complex (NotImplemented); ERR for an int too large for a double.
Result<int> operand(Value v, Cx* out) {
  if (v.is_small()) {
    *out = {double(v.as_small()), 0.0};
    return 1;
  }
  switch (v.obj()->type->layout) {
    case Layout::Complex: *out = cx_of(v); return 1;
    case Layout::Float: *out = {float_val(v), 0.0}; return 1;
    case Layout::Int: {
      double d = TRY(int_as_double(v));
      *out = {d, 0.0};
      return 1;
    }
    default: return 0;
  }
}

inline Cx c_sum(Cx a, Cx b) { return {a.re + b.re, a.im + b.im}; }
inline Cx c_diff(Cx a, Cx b) { return {a.re - b.re, a.im - b.im}; }
inline Cx c_prod(Cx a, Cx b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// a / b by Smith's method: scale by the larger component of b so the
// intermediate products do not overflow needlessly. *zero is set when b == 0.
Cx c_quot(Cx a, Cx b, bool* zero) {
  double abr = std::fabs(b.re), abi = std::fabs(b.im);
  if (abr >= abi) {
    if (abr == 0.0) {
      *zero = true;
      return {0.0, 0.0};
    }
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abi >= abr) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};  // a component of b is a NaN
}

// x ** n for a small non-negative integer n by binary powering (as CPython,
// whose rounding and inf/nan behaviour this reproduces).
Cx c_powu(Cx x, long n) {
  Cx r{1.0, 0.0}, p = x;
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = c_prod(r, p);
    p = c_prod(p, p);
  }
  return r;
}

// General a ** b through polar form; *zero set for 0 ** (negative or complex).
Cx c_pow(Cx a, Cx b, bool* zero) {
  if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
  if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) *zero = true;
    return {0.0, 0.0};
  }
  double vabs = std::hypot(a.re, a.im);
  double len = std::pow(vabs, b.re);
  double at = std::atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= std::exp(at * b.im);
    phase += b.im * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

Result<Value> complex_pow(Cx a, Cx b) {
  bool zero = false;
  Cx p;
  if (b.im == 0.0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100.0) {
    long n = long(b.re);
    if (n >= 0) p = c_powu(a, n);
    else p = c_quot({1.0, 0.0}, c_powu(a, -n), &zero);
  } else {
    p = c_pow(a, b, &zero);
  }
  if (zero) return raise(tp_ZeroDivisionError, "0.0 to a negative or complex power");
  if (std::isinf(p.re) || std::isinf(p.im)) return raise(tp_OverflowError, "complex exponentiation");
  return complex_new(p.re, p.im);
}

Result<Value> cx_binary(Cx a, Cx b, int op) {
  switch (op) {
    case NB_ADD: { Cx r = c_sum(a, b); return complex_new(r.re, r.im); }
    case NB_SUBTRACT: { Cx r = c_diff(a, b); return complex_new(r.re, r.im); }
    case NB_MULTIPLY: { Cx r = c_prod(a, b); return complex_new(r.re, r.im); }
    case NB_TRUE_DIVIDE: {
      bool zero = false;
      Cx r = c_quot(a, b, &zero);
      if (zero) return raise(tp_ZeroDivisionError, "complex division by zero");
      return complex_new(r.re, r.im);
    }
    case NB_POWER: return complex_pow(a, b);
    default: return not_implemented();
  }
}

// ---- text ------------------------------------------------------------------------------------------

// repr of one component: float repr without the ".0" CPython's 'r' format omits here.
std::string part_repr(double x) {
  std::string s = numfmt::float_repr(x);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0 && s.find('e') == std::string::npos)
    s.resize(s.size() - 2);
  return s;
}

std::string complex_repr_text(double re, double im) {
  if (re == 0.0 && !std::signbit(re)) return part_repr(im) + "j";
  std::string imt = part_repr(im);
  if (imt[0] != '-') imt.insert(imt.begin(), '+');
  return "(" + part_repr(re) + imt + "j)";
}

// Length of the longest prefix of s that is a float literal as float() reads
// it ([sign] digits with single underscores, '.', exponent, or inf/infinity/nan).
size_t scan_float(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
  auto word = [&](const char* w) {
    size_t n = std::strlen(w);
    if (s.size() - i < n) return false;
    for (size_t k = 0; k < n; k++)
      if ((s[i + k] | 0x20) != w[k]) return false;
    return true;
  };
  if (word("infinity")) return i + 8;
  if (word("inf") || word("nan")) return i + 3;
  auto digits = [&](size_t* p) {
    size_t start = *p;
    while (*p < s.size()) {
      if (s[*p] >= '0' && s[*p] <= '9') (*p)++;
      else if (s[*p] == '_' && *p > start && *p + 1 < s.size() && s[*p + 1] >= '0' && s[*p + 1] <= '9') (*p)++;
      else break;
    }
    return *p - start;
  };
  size_t nint = digits(&i), nfrac = 0;
  if (i < s.size() && s[i] == '.') {
    size_t j = i + 1;
    nfrac = digits(&j);
    if (nint || nfrac) i = j;
  }
  if (!nint && !nfrac) return 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) j++;
    if (digits(&j)) i = j;
  }
  return i;
}

// complex(text): "[(] ws real | imagj | real(+|-)imagj | [+-]j ws [)]".
bool parse_complex(std::string_view s, double* re, double* im) {
  auto skip_ws = [&](size_t* p) {
    while (*p < s.size() && std::strchr(" \t\n\v\f\r", s[*p]) && s[*p]) (*p)++;
  };
  size_t p = 0;
  skip_ws(&p);
  bool bracket = false;
  if (p < s.size() && s[p] == '(') {
    bracket = true;
    p++;
    skip_ws(&p);
  }
  double x = 0.0, y = 0.0;
  auto parse_at = [&](size_t at, size_t len, double* out) {
    return numfmt::parse_float(s.substr(at, len), out);
  };
  size_t n = scan_float(s.substr(p));
  if (n) {
    double z;
    if (!parse_at(p, n, &z)) return false;
    p += n;
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
      x = z;
      size_t m = scan_float(s.substr(p));
      if (m) {
        if (!parse_at(p, m, &y)) return false;
        p += m;
      } else {
        y = s[p] == '+' ? 1.0 : -1.0;
        p++;
      }
      if (p >= s.size() || (s[p] != 'j' && s[p] != 'J')) return false;
      p++;
    } else if (p < s.size() && (s[p] == 'j' || s[p] == 'J')) {
      y = z;
      p++;
    } else {
      x = z;
    }
  } else {
    y = 1.0;
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
      if (s[p] == '-') y = -1.0;
      p++;
    }
    if (p >= s.size() || (s[p] != 'j' && s[p] != 'J')) return false;
    p++;
  }
  skip_ws(&p);
  if (bracket) {
    if (p >= s.size() || s[p] != ')') return false;
    p++;
    skip_ws(&p);
  }
  if (p != s.size()) return false;
  *re = x;
  *im = y;
  return true;
}

// ---- method plumbing ----------------------------------------------------------------------------------

Err descr_error(const char* name, Value self) {
  return raise_fmt(tp_TypeError, "descriptor '%s' requires a 'complex' object but received a '%s'", name,
                   type_name(self));
}

Status slot_args(const char* name, Value* a, int64_t n, Tuple* kw, int64_t want) {
  if (n < 1 || !is_complex(a[0])) return descr_error(name, n ? a[0] : None());
  if (kw && kw->size) return raise_fmt(tp_TypeError, "wrapper %s() takes no keyword arguments", name);
  if (n - 1 != want)
    return raise_fmt(tp_TypeError, "expected %lld argument%s, got %lld", (long long)want, want == 1 ? "" : "s",
                     (long long)(n - 1));
  return OK();
}

inline Value exact_complex(Value self) {
  if (self.type() == tp_complex) return self;
  Cx c = cx_of(self);
  return complex_new(c.re, c.im);
}

}  // namespace

// ---- API --------------------------------------------------------------------------------------------------

Value complex_new(double re, double im) {
  Complex* c = static_cast<Complex*>(alloc_atomic_instance(tp_complex, sizeof(Complex)));
  c->re = re;
  c->im = im;
  return Value(c);
}

Result<Value> complex_binary(Value a, Value b, int op) {
  if (op >= NB_INPLACE_ADD) op -= NB_INPLACE_OFFSET;
  Cx x, y;
  if (!TRY(operand(a, &x)) || !TRY(operand(b, &y))) return not_implemented();
  return cx_binary(x, y, op);
}

namespace {

// ---- complex(real=0, imag=0) -------------------------------------------------------------------------------

bool is_number(Value v) {
  if (is_int(v) || is_float(v) || is_complex(v)) return true;
  Type* t = v.type();
  return type_lookup(t, N.__float__) || type_lookup(t, N.__index__) || type_lookup(t, N.complex_);
}

Result<Value> complex_from_text(Type* cls, Value text) {
  std::string conv = unicode::decimal_and_space_to_ascii(as_str(text)->view());
  double re, im;
  if (!parse_complex(conv, &re, &im)) return raise(tp_ValueError, "complex() arg is a malformed string");
  return cls == tp_complex ? complex_new(re, im) : complex_new_subtype(cls, re, im);
}

// The value of `v` as a complex component source: complex (via __complex__ if
// defined) or a real number.
Result<Cx> number_part(Value v, bool* was_complex) {
  *was_complex = false;
  if (!is_complex(v) || v.type() != tp_complex) {
    if (Value m = lookup_special(v, N.complex_)) {
      Value r = TRY(call0(m));
      if (!is_complex(r))
        return raise_fmt(tp_TypeError, "__complex__ returned non-complex (type %s)", type_name(r));
      // A strict subclass of complex is accepted with a DeprecationWarning (CPython 3.11).
      if (r.type() != tp_complex) {
        std::string msg = std::string("__complex__ returned non-complex (type ") + type_name(r) +
                          ").  The ability to return an instance of a strict subclass of complex is "
                          "deprecated, and may be removed in a future version of Python.";
        TRY(warn(tp_DeprecationWarning, msg));
      }
      *was_complex = true;
      return cx_of(r);
    }
    if (exc_pending()) return ERR;
  }
  if (is_complex(v)) {
    *was_complex = true;
    return cx_of(v);
  }
  double d = TRY(to_double(v));
  return Cx{d, 0.0};
}

Result<Value> complex_tp_new(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_type(a[0]))
    return raise_fmt(tp_TypeError, "complex.__new__(X): X is not a type object (%s)",
                     n ? type_name(a[0]) : "NoneType");
  Type* cls = as_type(a[0]);
  if (cls != tp_complex && !is_subtype(cls, tp_complex))
    return raise_fmt(tp_TypeError, "complex.__new__(%s): %s is not a subtype of complex", cls->name->data,
                     cls->name->data);
  Value out[2];
  TRY(parse_args("complex", a + 1, n - 1, kw, {"real", "imag"}, 0, out));
  Value r = out[0], i = out[1];
  if (r && is_str(r)) {
    if (i) return raise(tp_TypeError, "complex() can't take second arg if first is a string");
    return complex_from_text(cls, r);
  }
  if (i && is_str(i)) return raise(tp_TypeError, "complex() second arg can't be a string");
  if (r && !is_number(r))
    return raise_fmt(tp_TypeError, "complex() first argument must be a string or a number, not '%s'", type_name(r));
  if (i && !is_number(i))
    return raise_fmt(tp_TypeError, "complex() second argument must be a number, not '%s'", type_name(i));
  if (r && !i && cls == tp_complex && r.type() == tp_complex) return r;
  Cx cr{0.0, 0.0}, ci{0.0, 0.0};
  bool cr_complex = false, ci_complex = false;
  if (r) cr = TRY(number_part(r, &cr_complex));
  if (i) ci = TRY(number_part(i, &ci_complex));
  // real + imag*1j, computed component-wise as CPython does (no inf*0 products).
  // Without an imaginary argument the imaginary part is the real
  // argument's own (no `+ 0.0`, which would lose the sign of -0.0).
  double re = cr.re, im = i ? ci.re : cr.im;
  if (ci_complex) re -= ci.im;
  if (cr_complex && i) im += cr.im;
  return cls == tp_complex ? complex_new(re, im) : complex_new_subtype(cls, re, im);
}

// ---- methods ----------------------------------------------------------------------------------------------------

template <int OP>
Result<Value> m_binop(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(binop_dunder[OP], a, n, kw, 1));
  Cx y;
  if (!TRY(operand(a[1], &y))) return not_implemented();
  return cx_binary(cx_of(a[0]), y, OP);
}
template <int OP>
Result<Value> m_rbinop(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(binop_rdunder[OP], a, n, kw, 1));
  Cx y;
  if (!TRY(operand(a[1], &y))) return not_implemented();
  return cx_binary(y, cx_of(a[0]), OP);
}

template <bool REFLECTED>
Result<Value> m_pow(Value* a, int64_t n, Tuple* kw) {
  const char* name = REFLECTED ? "__rpow__" : "__pow__";
  if (n < 1 || !is_complex(a[0])) return descr_error(name, n ? a[0] : None());
  TRY(no_kwargs(name, kw));
  if (n < 2 || n > 3)
    return raise_fmt(tp_TypeError, "expected %s, got %lld", n < 2 ? "at least 1 argument" : "at most 2 arguments",
                     (long long)(n - 1));
  if (n == 3 && !is_none(a[2])) return raise(tp_ValueError, "complex modulo");
  Cx y;
  if (!TRY(operand(a[1], &y))) return not_implemented();
  return REFLECTED ? complex_pow(y, cx_of(a[0])) : complex_pow(cx_of(a[0]), y);
}

// == and != against int (exactly), float and complex; ordering is NotImplemented.
template <bool NE>
Result<Value> m_eq(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args(NE ? "__ne__" : "__eq__", a, n, kw, 1));
  Cx x = cx_of(a[0]);
  Value o = a[1];
  bool eq;
  if (is_int(o)) eq = x.im == 0.0 && int_cmp_double(o, x.re) == 0;
  else if (is_float(o)) eq = x.im == 0.0 && x.re == float_val(o);
  else if (is_complex(o)) eq = x.re == cx_of(o).re && x.im == cx_of(o).im;
  else return not_implemented();
  return Bool(eq != NE);
}
Result<Value> m_order(Value* a, int64_t n, Tuple* kw) { return not_implemented(); }

Result<Value> m_neg(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__neg__", a, n, kw, 0));
  Cx x = cx_of(a[0]);
  return complex_new(-x.re, -x.im);
}
Result<Value> m_pos(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__pos__", a, n, kw, 0));
  return exact_complex(a[0]);
}
Result<Value> m_complex(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__complex__", a, n, kw, 0));
  return exact_complex(a[0]);
}
Result<Value> m_abs(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__abs__", a, n, kw, 0));
  Cx x = cx_of(a[0]);
  if (std::isinf(x.re) || std::isinf(x.im)) return float_new(INFINITY);  // even with a NaN part
  if (std::isnan(x.re) || std::isnan(x.im)) return float_new(NAN);
  double r = std::hypot(x.re, x.im);
  if (std::isinf(r)) return raise(tp_OverflowError, "absolute value too large");
  return float_new(r);
}
Result<Value> m_bool(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__bool__", a, n, kw, 0));
  Cx x = cx_of(a[0]);
  return Bool(x.re != 0.0 || x.im != 0.0);
}

// hash(re) + 1000003 * hash(im) in wrapping arithmetic; NaN parts hash by identity.
Result<Value> m_hash(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__hash__", a, n, kw, 0));
  Cx x = cx_of(a[0]);
  auto part = [&](double d) -> uint64_t {
    if (!std::isnan(d)) return uint64_t(float_hash(d));
    uint64_t y = a[0].bits();
    return (y >> 4) | (y << 60);
  };
  int64_t h = int64_t(part(x.re) + 1000003u * part(x.im));
  if (h == -1) h = -2;
  return int_from_i64(h);
}

Result<Value> m_repr(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__repr__", a, n, kw, 0));
  Cx x = cx_of(a[0]);
  return Value(str_new_ascii(complex_repr_text(x.re, x.im)));
}

// format(z, spec): both parts formatted like floats, the imaginary one always
// signed; with no type code, str()-like output (parentheses unless the real
// part is +0, which is then omitted); width/alignment apply to the whole.
Result<Value> m_format(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__format__", a, n, kw, 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "__format__() argument must be str, not %s", type_name(a[1]));
  Str* spec_s = as_str(a[1]);
  if (spec_s->nbytes == 0) {
    Str* s = TRY(str(a[0]));
    return Value(s);
  }
  numfmt::FormatSpec spec;
  if (auto e = numfmt::parse_format_spec(spec_s->view(), spec, 0, "complex"))
    return raise(e->kind == numfmt::ErrorKind::Overflow ? tp_OverflowError : tp_ValueError, e->message);
  if (spec.fill == '0') return raise(tp_ValueError, "Zero padding is not allowed in complex format specifier");
  if (spec.align == '=')
    return raise(tp_ValueError, "'=' alignment flag is not allowed in complex format specifier");
  Cx x = cx_of(a[0]);
  uint32_t type = spec.type;
  bool repr_style = false, skip_re = false, parens = false;
  if (type == 0) {
    if (spec.precision < 0) repr_style = true;
    else type = 'g';
    if (x.re == 0.0 && !std::signbit(x.re)) skip_re = true;
    else parens = true;
  } else if (type == 'n') {
    type = 'g';
  } else if (!std::strchr("eEfFgG%", int(type)) || type == '%') {
    numfmt::FormatSpec probe = spec;  // let numfmt word the "Unknown format code" error
    probe.width = -1;
    numfmt::Formatted f = numfmt::format_float(0.0, probe, "complex");
    std::string msg = f.ok() ? "Unknown format code" : f.error->message;
    return raise(tp_ValueError, msg);
  }
  auto part = [&](double d, char sign) -> Result<std::string> {
    if (repr_style) {
      std::string s = part_repr(d);
      if (s[0] != '-' && sign) s.insert(s.begin(), sign);
      return s;
    }
    numfmt::FormatSpec ps;
    ps.type = type;
    ps.precision = spec.precision;
    ps.alternate = spec.alternate;
    ps.grouping = spec.grouping;
    ps.no_neg_zero = spec.no_neg_zero;
    ps.sign = sign;
    numfmt::Formatted f = numfmt::format_float(d, ps, "complex");
    if (!f.ok()) return raise(f.error->kind == numfmt::ErrorKind::Overflow ? tp_OverflowError : tp_ValueError,
                              f.error->message);
    return f.text;
  };
  std::string body;
  if (parens) body += '(';
  if (!skip_re) {
    body += TRY(part(x.re, spec.sign == '-' ? 0 : spec.sign));
    body += TRY(part(x.im, '+'));
  } else {
    body += TRY(part(x.im, spec.sign == '-' ? 0 : spec.sign));
  }
  body += 'j';
  if (parens) body += ')';
  int64_t len = int64_t(body.size());  // all ASCII
  if (spec.width > len) {
    char fill[4];
    int fl = str_encode_cp(spec.fill, fill);
    int64_t pad = spec.width - len, left = 0;
    if (spec.align == '<') left = 0;
    else if (spec.align == '^') left = pad / 2;
    else left = pad;
    std::string out;
    for (int64_t k = 0; k < left; k++) out.append(fill, size_t(fl));
    out += body;
    for (int64_t k = 0; k < pad - left; k++) out.append(fill, size_t(fl));
    return Value(str_new(out));
  }
  return Value(str_new_ascii(body));
}

Result<Value> m_conjugate(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_complex(a[0])) return descr_error("conjugate", n ? a[0] : None());
  if (n != 1) return raise_fmt(tp_TypeError, "complex.conjugate() takes no arguments (%lld given)", (long long)(n - 1));
  Cx x = cx_of(a[0]);
  return complex_new(x.re, -x.im);
}
Result<Value> m_getnewargs(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_complex(a[0])) return descr_error("__getnewargs__", n ? a[0] : None());
  Cx x = cx_of(a[0]);
  return Value(tuple_of({float_new(x.re), float_new(x.im)}));
}


const MethodDef complex_methods[] = {
    {"__new__", complex_tp_new, MethKind::Static},
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
    {"__pow__", m_pow<false>},
    {"__rpow__", m_pow<true>},
    {"__eq__", m_eq<false>},
    {"__ne__", m_eq<true>},
    {"__lt__", m_order},
    {"__le__", m_order},
    {"__gt__", m_order},
    {"__ge__", m_order},
    {"__neg__", m_neg},
    {"__pos__", m_pos},
    {"__abs__", m_abs},
    {"__complex__", m_complex},
    {"__getnewargs__", m_getnewargs},
    {"conjugate", m_conjugate},
    {nullptr, nullptr}};

// Read-only double fields, member descriptors as in CPython.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const MemberDef complex_members[] = {
    {"real", int32_t(offsetof(Complex, re)), MEMBER_READONLY | MEMBER_DOUBLE, "the real part of a complex number"},
    {"imag", int32_t(offsetof(Complex, im)), MEMBER_READONLY | MEMBER_DOUBLE, "the imaginary part of a complex number"},
    {nullptr, 0, 0}};
#pragma GCC diagnostic pop

}  // namespace

void init_complex_type() {
  type_add_methods(tp_complex, complex_methods);
  type_add_members(tp_complex, complex_members);
  type_set_attr_const(tp_complex, "__doc__",
                      str_value("Create a complex number from a real part and an optional imaginary part.\n\nThis "
                                "is equivalent to (real + imag*1j) where imag defaults to 0."));
}

}  // namespace gilpy
