// set and frozenset: hash sets (open addressing, linear probing), insertion
// order not preserved (like CPython).
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct SetEntry {
  Value key;  // null empty; g_dummy for deleted
  int64_t hash;
};

struct Set : Object {
  Dict* dict;
  int64_t used;
  int64_t fill;  // used + deleted
  int64_t mask;
  SetEntry* table;
  int64_t hash;  // frozenset hash cache, -1
};

Set* set_new(Type* t = nullptr);  // tp_set by default
Status set_add(Set* s, Value key);
Result<bool> set_contains(Set* s, Value key);
Result<bool> set_discard(Set* s, Value key);
Status set_update(Set* s, Value iterable);
bool set_next(Set* s, int64_t* pos, Value* key);
bool set_next_hashed(Set* s, int64_t* pos, Value* key, int64_t* hash);  // with the stored hash
inline bool is_anyset(Value v) { return has_layout(v, Layout::Set) || has_layout(v, Layout::FrozenSet); }

}  // namespace gilpy
