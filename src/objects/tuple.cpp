// tuple core: construction. Methods and protocols are in tuple_methods.cpp.
#include "objects/tuple.h"

#include <cstring>

namespace gilpy {

static Tuple* g_empty_tuple;

Tuple* tuple_new(int64_t n) {
  if (n == 0 && g_empty_tuple) return g_empty_tuple;
  Tuple* t = static_cast<Tuple*>(alloc_instance(tp_tuple, sizeof(Tuple) + size_t(n) * sizeof(Value)));
  t->size = n;
  t->hash = -1;
  if (n == 0) g_empty_tuple = t;
  return t;
}

Tuple* tuple_of(std::initializer_list<Value> items) {
  Tuple* t = tuple_new(int64_t(items.size()));
  int64_t i = 0;
  for (Value v : items) t->items[i++] = v;
  return t;
}

Tuple* tuple_from(const Value* items, int64_t n) {
  Tuple* t = tuple_new(n);
  if (n) std::memcpy(t->items, items, size_t(n) * sizeof(Value));
  return t;
}

Tuple* tuple_empty() { return tuple_new(0); }

Tuple* tuple_slice(Tuple* t, int64_t start, int64_t stop) {
  if (start <= 0 && stop >= t->size && t->type == tp_tuple) return t;
  if (start < 0) start = 0;
  if (stop > t->size) stop = t->size;
  if (stop < start) stop = start;
  return tuple_from(t->items + start, stop - start);
}

}  // namespace gilpy
