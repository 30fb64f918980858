// Result<T> and TRY: how Python exceptions travel through C++ code.
//
// A fallible function returns Result<T>. On failure the Python exception
// object has already been stored in the current thread state (see
// runtime/thread_state.h), and the Result carries only the "failed" bit.
// Callers propagate with TRY(expr), which evaluates to the value or returns
// the error from the enclosing function. C++ exceptions are never used for
// Python errors (only for bugs), so the error path costs a compare and branch.
//
// Result<Value> is specialised in runtime/value.h: the null Value is the
// error marker, so it is exactly one machine word.
#pragma once
#include <utility>
#include <cstdlib>

namespace gilpy {

// The "an exception is pending" marker; converts to every Result<T>.
struct Err {};
inline constexpr Err ERR{};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T v) : value_(std::move(v)), ok_(true) {}  // NOLINT: implicit on purpose
  Result(Err) : value_(), ok_(false) {}
  bool ok() const { return ok_; }
  bool is_err() const { return !ok_; }
  T& value() { return value_; }
  const T& value() const { return value_; }
  T release() { return std::move(value_); }

 private:
  T value_;
  bool ok_;
};

// Result<void>: success or a pending exception.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() : ok_(true) {}
  Result(Err) : ok_(false) {}
  bool ok() const { return ok_; }
  bool is_err() const { return !ok_; }
  void release() {}

 private:
  bool ok_;
};

using Status = Result<void>;
inline Status OK() { return Status(); }

}  // namespace gilpy

// TRY(expr): value of a Result, or return ERR from the enclosing function.
#define TRY(expr)                                   \
  ({                                                \
    auto _try_r = (expr);                           \
    if (__builtin_expect(_try_r.is_err(), 0))       \
      return ::gilpy::ERR;                          \
    _try_r.release();                               \
  })

// Branch-prediction hints and "cannot happen" for internal invariants.
#define GILPY_LIKELY(x) __builtin_expect(!!(x), 1)
#define GILPY_UNLIKELY(x) __builtin_expect(!!(x), 0)

namespace gilpy {
[[noreturn]] void fatal(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
}
#define GILPY_ASSERT(cond)                                                   \
  do {                                                                       \
    if (GILPY_UNLIKELY(!(cond)))                                             \
      ::gilpy::fatal("assertion failed: %s at %s:%d", #cond, __FILE__, __LINE__); \
  } while (0)
