// list: growable array of Values. `items` is collector memory of `capacity`
// slots, of which the first `size` are live.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct List : Object {
  Dict* dict;  // only for subclass instances (dict_offset points here)
  int64_t size;
  int64_t capacity;
  Value* items;
};

List* list_new(int64_t size = 0);      // size slots, all None-initialised? no: null; callers fill
List* list_from(const Value* items, int64_t n);
Status list_append(List* l, Value v);
Status list_reserve(List* l, int64_t n);
Status list_insert(List* l, int64_t i, Value v);
Result<Value> list_pop(List* l, int64_t i);
Result<List*> list_from_iterable(Value iterable);
Status list_extend(List* l, Value iterable);
Status list_sort(List* l, Value key, bool reverse);
inline bool is_list(Value v) { return has_layout(v, Layout::List); }
inline List* as_list(Value v) { return v.as<List>(); }

}  // namespace gilpy
