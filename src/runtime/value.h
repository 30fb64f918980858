// Value: every Python value as one machine word.
//
// Bit layout (x86-64 and other 64-bit targets):
//
//   ...............................................0000   null (no value / error marker)
//   pppppppppppppppppppppppppppppppppppppppppppppppp000   pointer to an Object (8-aligned)
//   iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii1   small int: value = bits >> 1 (arithmetic)
//
// Small ints cover [-2**62, 2**62): arithmetic on them allocates nothing and
// overflow promotes to a GMP-backed int object (objects/int.h). The null word is
// never a Python value: it marks "absent" (unbound local, missing dict entry)
// and, as Result<Value>, "an exception is pending".
#pragma once
#include <cstdint>

#include "common/result.h"

namespace gilpy {

struct Object;
struct Type;

[[noreturn]] void null_success();  // debug builds: fatal error with a backtrace hint

class Value {
 public:
  constexpr Value() : bits_(0) {}
  Value(const Object* o) : bits_(reinterpret_cast<uintptr_t>(o)) {}  // NOLINT
  static constexpr int64_t kSmallMax = (int64_t(1) << 62) - 1;
  static constexpr int64_t kSmallMin = -(int64_t(1) << 62);

  static constexpr Value small(int64_t i) { return Value((uint64_t(i) << 1) | 1); }
  static constexpr bool fits_small(int64_t i) { return i >= kSmallMin && i <= kSmallMax; }
  static constexpr Value from_bits(uintptr_t b) { return Value(b); }

  constexpr bool is_null() const { return bits_ == 0; }
  explicit constexpr operator bool() const { return bits_ != 0; }
  constexpr bool is_small() const { return bits_ & 1; }
  constexpr bool is_obj() const { return bits_ != 0 && !(bits_ & 1); }
  constexpr int64_t as_small() const { return int64_t(bits_) >> 1; }
  Object* obj() const { return reinterpret_cast<Object*>(bits_); }
  template <class T>
  T* as() const { return reinterpret_cast<T*>(bits_); }
  constexpr uintptr_t bits() const { return bits_; }
  inline Type* type() const;  // defined in object.h

  constexpr bool operator==(const Value& o) const { return bits_ == o.bits_; }  // identity (`is`)
  constexpr bool operator!=(const Value& o) const { return bits_ != o.bits_; }

 private:
  constexpr explicit Value(uintptr_t b) : bits_(b) {}
  uintptr_t bits_;
};
static_assert(sizeof(Value) == sizeof(void*), "Value is one machine word");
static_assert(Value::small(-5).as_small() == -5 && Value::small(Value::kSmallMax).as_small() == Value::kSmallMax);

// Result<Value>: one word; null means an exception is pending.
template <>
class [[nodiscard]] Result<Value> {
 public:
#ifdef GILPY_DEBUG
  // A null Value returned as a success would read as "exception pending".
  Result(Value v) : v_(v) { if (v.is_null()) null_success(); }  // NOLINT
  Result(const Object* o) : v_(o) { if (!o) null_success(); }   // NOLINT
#else
  Result(Value v) : v_(v) {}  // NOLINT
  Result(const Object* o) : v_(o) {}  // NOLINT
#endif
  Result(Err) : v_() {}
  bool ok() const { return !v_.is_null(); }
  bool is_err() const { return v_.is_null(); }
  Value value() const { return v_; }
  Value release() const { return v_; }

 private:
  Value v_;
};

}  // namespace gilpy
