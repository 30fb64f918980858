// int: small ints are tagged Values (runtime/value.h); larger ones, and every
// instance of a user subclass of int (and bool), are Int objects on GMP.
//
// Invariant: an Int object of exact type `int` never holds a value that fits
// in a small int (results are normalised), so identity-free equality of
// small ints stays a word compare.
#pragma once
#include <gmp.h>

#include <string>

#include "runtime/object.h"

namespace gilpy {

struct Int : Object {
  Dict* dict;
  mpz_t z;
};


inline bool is_int(Value v) { return v.is_small() || has_layout(v, Layout::Int); }
Value int_from_i64(int64_t v);
// The DeprecationWarning for an int subclass returned by __int__/__index__.
Status warn_int_subclass_result(Value r, const char* what);
Value int_from_u64(uint64_t v);
Value int_from_mpz(const mpz_t z);              // normalising
Value int_from_double(double d);                // truncating; caller checks finite
Result<Value> int_from_string(std::string_view digits, int base);  // cleaned digits
// Read an int into an mpz (initialises `out`).
void int_to_mpz(Value v, mpz_t out);
// Exact conversions; raise OverflowError with `what` wording when out of range.
Result<int64_t> int_as_i64(Value v);
bool int_fits_i64(Value v, int64_t* out);
Result<double> int_as_double(Value v);
std::string int_to_string(Value v, int base = 10);
// Decimal digits of an int, with ValueError past sys.get_int_max_str_digits() (as str()).
Result<std::string> int_decimal_string(Value v);
int int_sign(Value v);
Result<Value> int_binary(Value a, Value b, int op);   // op: BinaryOp code; NotImplemented if b not int
Result<Value> int_compare(Value a, Value b, int op);
int64_t int_hash(Value v);
Result<Value> int_pow(Value a, Value b, Value mod);
Value int_neg(Value v);
// The value of an index-like object: int, or anything with __index__.
Result<Value> index_value(Value v);
Result<int64_t> as_index(Value v);  // OverflowError "cannot fit 'int' into an index-sized integer"
// A Py_ssize_t argument of a builtin method (Argument Clinic's converter):
// like as_index, but too large an int is "Python int too large to convert
// to C ssize_t", as PyLong_AsSsize_t words it.
Result<int64_t> as_ssize(Value v);

// ---- more of the int API (objects/int.cpp) ----------------------------------------------
// The same value as an exact `int` (small or normalised): bools and subclass instances are
// copied, exact ints returned as they are. v must be an int.
Value int_exact(Value v);
// int(x) for a float value: ValueError "cannot convert float NaN to integer",
// OverflowError "cannot convert float infinity to integer".
Result<Value> int_from_double_checked(double d);
// Exact comparison of an int with a double: -1, 0, 1, or 2 when d is a NaN (unordered).
int int_cmp_double(Value v, double d);
// a / b for ints: the correctly rounded double (ZeroDivisionError "division by zero",
// OverflowError "integer division result too large for a float").
Result<Value> int_true_divide(Value a, Value b);
// divmod(a, b) for ints: a (q, r) tuple with floor semantics.
Result<Value> int_divmod(Value a, Value b);
// str(v) in decimal, honouring sys.set_int_max_str_digits (ValueError beyond the limit).
Result<Str*> int_decimal_str(Value v);
// The current sys.get_int_max_str_digits() value (0: no limit); defined in modules/sys.cpp.
int64_t int_max_str_digits();
// An instance of `cls` (a subclass of int) holding v's value.
Value int_new_subtype(Type* cls, Value v);

}  // namespace gilpy
