// tuple: immutable fixed-size array of Values, stored inline.
#pragma once
#include <initializer_list>

#include "runtime/object.h"

namespace gilpy { struct Dict; }

namespace gilpy {

struct Tuple : Object {
  Dict* dict;  // subclass instances only (every subclassable layout has it at offset 8)
  int64_t size;
  int64_t hash;  // cached; -1 until computed
  Value items[];
};

Tuple* tuple_new(int64_t n);  // items are null until filled (callers fill all)
Tuple* tuple_of(std::initializer_list<Value> items);
Tuple* tuple_from(const Value* items, int64_t n);
Tuple* tuple_empty();
Tuple* tuple_slice(Tuple* t, int64_t start, int64_t stop);
inline bool is_tuple(Value v) { return has_layout(v, Layout::Tuple); }
inline Tuple* as_tuple(Value v) { return v.as<Tuple>(); }

}  // namespace gilpy
