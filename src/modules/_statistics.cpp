// _statistics: the accelerator statistics.NormalDist.inv_cdf uses when it can be imported.
//
// _normal_dist_inv_cdf(p, mu, sigma) is mu + sigma * z, with z the standard normal quantile of
// p from Wichura's rational approximations (Algorithm AS241, PPND16: M. J. Wichura, "The
// Percentage Points of the Normal Distribution", Applied Statistics 37(3), 1988, pp. 477-484),
// accurate to about 1 part in 10**16. Three regions: |p - 0.5| <= 0.425 uses a degree-7
// rational function of 0.180625 - q*q; further out r = sqrt(-log(min(p, 1-p))) and one of two
// degree-7 rational functions of r - 1.6 (r <= 5) or r - 5. The coefficients are the published
// ones; each polynomial is evaluated in Horner form from the highest power down, so the result
// is the same double as the pure-Python fallback in statistics.py and as CPython's module
// (the build does not contract a*b+c into fused multiply-adds: x86-64 without -march).
//
// The domain check is the accelerator's own: p outside the open interval (0, 1) or sigma <= 0
// raises ValueError; NaN arguments pass through and give NaN, as in CPython.
#include <cmath>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/interp.h"

namespace gilpy {

namespace {

// c[0] * x**7 + c[1] * x**6 + ... + c[7], evaluated as ((c[0] * x + c[1]) * x + ...) + c[7].
double horner8(const double (&c)[8], double x) {
  double acc = c[0];
  for (int i = 1; i < 8; i++) acc = acc * x + c[i];
  return acc;
}

// Region 1: |q| <= 0.425, r = 0.180625 - q*q; z = q * A(r) / B(r).
constexpr double kA[8] = {2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4,
                          4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3,
                          1.3314166789178437745e+2, 3.3871328727963666080e+0};
constexpr double kB[8] = {5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4,
                          2.1213794301586595867e+4, 5.3941960214247511077e+3, 6.8718700749205790830e+2,
                          4.2313330701600911252e+1, 1.0};
// Region 2: r <= 5, in r - 1.6.
constexpr double kC[8] = {7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1,
                          1.27045825245236838258e+0, 3.64784832476320460504e+0, 5.76949722146069140550e+0,
                          4.63033784615654529590e+0, 1.42343711074968357734e+0};
constexpr double kD[8] = {1.05075007164441684324e-9, 5.47593808499534494600e-4, 1.51986665636164571966e-2,
                          1.48103976427480074590e-1, 6.89767334985100004550e-1, 1.67638483018380384940e+0,
                          2.05319162663775882187e+0, 1.0};
// Region 3: r > 5, in r - 5.
constexpr double kE[8] = {2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3,
                          2.65321895265761230930e-2, 2.96560571828504891230e-1, 1.78482653991729133580e+0,
                          5.46378491116411436990e+0, 6.65790464350110377720e+0};
constexpr double kF[8] = {2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5,
                          7.86869131145613259100e-4, 1.48753612908506148525e-2, 1.36929880922735805310e-1,
                          5.99832206555887937690e-1, 1.0};

double inv_cdf(double p, double mu, double sigma) {
  double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    double r = 0.180625 - q * q;
    double x = (horner8(kA, r) * q) / horner8(kB, r);
    return mu + (x * sigma);
  }
  double r = q <= 0.0 ? p : 1.0 - p;
  r = std::sqrt(-std::log(r));
  double num, den;
  if (r <= 5.0) {
    r = r - 1.6;
    num = horner8(kC, r);
    den = horner8(kD, r);
  } else {
    r = r - 5.0;
    num = horner8(kE, r);
    den = horner8(kF, r);
  }
  double x = num / den;
  if (q < 0.0) x = -x;
  return mu + (x * sigma);
}

Result<Value> normal_dist_inv_cdf(Value* a, int64_t n, Tuple* kw) {
  if (kw && kw->size) return raise(tp_TypeError, "_statistics._normal_dist_inv_cdf() takes no keyword arguments");
  if (n != 3)
    return raise_fmt(tp_TypeError, "_normal_dist_inv_cdf expected 3 arguments, got %lld", (long long)n);
  double p = TRY(to_double(a[0]));
  double mu = TRY(to_double(a[1]));
  double sigma = TRY(to_double(a[2]));
  if (p <= 0.0 || p >= 1.0 || sigma <= 0.0) return raise(tp_ValueError, "inv_cdf undefined for these parameters");
  return float_new(inv_cdf(p, mu, sigma));
}

const MethodDef functions[] = {{"_normal_dist_inv_cdf", normal_dist_inv_cdf}, {nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_statistics", functions, "Accelerators for the statistics module.\n");
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_statistics", init);

}  // namespace gilpy
