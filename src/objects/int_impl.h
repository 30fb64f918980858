// Internal helpers shared by int.cpp and int_methods.cpp (not part of the int API).
#pragma once
#include <gmp.h>

#include "objects/int.h"

namespace gilpy {

// A read-only mpz view of any int Value (small, exact int, bool or subclass
// instance). For a small int it points at a limb inside this object
// (mpz_roinit_n), so reading a small operand never allocates. Not copyable:
// the view refers to its own `limb_`.
class IntView {
 public:
  explicit IntView(Value v) {
    if (v.is_small()) {
      int64_t x = v.as_small();
      limb_ = x < 0 ? mp_limb_t(0) - mp_limb_t(x) : mp_limb_t(x);
      z_ = mpz_roinit_n(tmp_, &limb_, x < 0 ? -1 : x > 0 ? 1 : 0);
    } else {
      z_ = v.as<Int>()->z;
    }
  }
  IntView(const IntView&) = delete;
  IntView& operator=(const IntView&) = delete;
  mpz_srcptr get() const { return z_; }
  operator mpz_srcptr() const { return z_; }  // NOLINT: used as an mpz argument

 private:
  mp_limb_t limb_;
  mpz_t tmp_;
  mpz_srcptr z_;
};

// A read-only view of |z| sharing z's limbs (no copy).
inline mpz_srcptr mpz_abs_view(mpz_ptr out, mpz_srcptr z) {
  return mpz_roinit_n(out, mpz_limbs_read(z), mp_size_t(mpz_size(z)));
}

// Wrap a computed mpz as an exact int: small when it fits, else an Int that
// takes over z's limbs (z must not be used afterwards; nothing is ever cleared).
Value int_take(mpz_ptr z);
// a OP b for two ints (op a base NB_* code, not in-place); never special-cases
// bools (int.__and__(True, True) is 1). NotImplemented for @.
Result<Value> int_arith(Value a, Value b, int op);
// Bit length of |v|.
uint64_t int_bit_length(Value v);

}  // namespace gilpy
