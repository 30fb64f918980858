// Internal to bytes.cpp / bytes_methods.cpp / str_format.cpp: helpers that let one native
// function serve both bytes and bytearray (args[0] is either).
#pragma once
#include <string>
#include <string_view>

#include "objects/bytes.h"
#include "runtime/object.h"

namespace gilpy::bytesimpl {

// Content of a bytes or bytearray `self` (the caller knows it is one of them).
inline std::string_view self_view(Value self) {
  if (is_bytes(self)) return as_bytes(self)->view();
  return as_bytearray(self)->view();
}
// A new object of self's base kind (exact bytes or exact bytearray) holding s.
inline Value make_like(Value self, std::string_view s) {
  if (is_bytearray(self)) return Value(bytearray_new(s));
  return bytes_from(s);
}
// self itself when it is an exact bytes (immutable, so sharing is safe), else make_like.
inline Value same_or_copy(Value self) {
  if (self.type() == tp_bytes) return self;
  return make_like(self, self_view(self));
}
inline const char* kind_name(Value self) { return is_bytearray(self) ? "bytearray" : "bytes"; }

// A single byte value from an int-like argument: ValueError "byte must be in range(0, 256)".
Result<int> byte_value(Value v);
// The `sub` argument of find/count/index/__contains__: bytes-like or an int byte.
// TypeError "argument should be integer or bytes-like object, not 'str'".
Status sub_arg(Value v, std::string* holder, std::string_view* out);
// Fill character argument for center/ljust/rjust: "center() argument 2 must be a byte string
// of length 1, not str".
Result<char> fill_arg(const char* fname, Value v);

// printf-style formatting for bytes (bytes % args); in str_format.cpp.
Result<Value> bytes_percent_format(Value self, Value args);

void init_bytes_methods(Type* t, bool mutable_kind);  // bytes_methods.cpp

}  // namespace gilpy::bytesimpl
