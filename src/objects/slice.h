// slice objects and the index/slice normalisation every sequence uses.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Slice : Object {
  Value start, stop, step;
};

Value slice_new(Value start, Value stop, Value step);
inline bool is_slice(Value v) { return v.type() == tp_slice; }
// Resolve a slice against a sequence length (CPython's PySlice_GetIndicesEx):
// ValueError "slice step cannot be zero"; returns the number of items.
Result<int64_t> slice_indices(Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step);
// For mutable sequences: *length is read after the slice's __index__ calls.
Result<int64_t> slice_indices(Slice* s, const int64_t* length, int64_t* start, int64_t* stop, int64_t* step);
// The same with the length computed by length_fn(ctx) after the conversions.
Result<int64_t> slice_indices(Slice* s, int64_t (*length_fn)(void*), void* ctx, int64_t* start, int64_t* stop,
                              int64_t* step);
// The same with Python ints (CPython's _PySlice_GetLongIndices): any length,
// bounds and step; __index__ errors propagate.
Status slice_long_indices(Slice* s, Value length, Value* start, Value* stop, Value* step);
// Normalise an index for a sequence of `length`: negative from the end;
// IndexError "<what> index out of range" when outside.
Result<int64_t> seq_index(Value key, int64_t length, const char* what);
// For mutable sequences: *length is read after key's __index__ ran.
Result<int64_t> seq_index(Value key, const int64_t* length, const char* what, const char* range_msg = nullptr);

}  // namespace gilpy
