// list core: storage management and the operations the VM uses directly.
// Python-visible methods are in list_methods.cpp.
#include "objects/list.h"

#include <cstring>

#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

List* list_new(int64_t size) {
  List* l = static_cast<List*>(alloc_instance(tp_list, sizeof(List)));
  if (size > 0) {
    l->items = static_cast<Value*>(gc::alloc(size_t(size) * sizeof(Value)));
    l->capacity = size;
  }
  l->size = size;
  return l;
}

List* list_from(const Value* items, int64_t n) {
  List* l = list_new(n);
  if (n) std::memcpy(l->items, items, size_t(n) * sizeof(Value));
  return l;
}

Status list_reserve(List* l, int64_t n) {
  if (n <= l->capacity) return OK();
  int64_t cap = l->capacity < 4 ? 4 : l->capacity + (l->capacity >> 1);
  if (cap < n) cap = n;
  if (cap > (int64_t(1) << 58)) return raise_memory_error();
  void* p = gc::try_alloc(size_t(cap) * sizeof(Value));
  if (!p) return raise_memory_error();
  if (l->size) std::memcpy(p, l->items, size_t(l->size) * sizeof(Value));
  l->items = static_cast<Value*>(p);
  l->capacity = cap;
  return OK();
}

Status list_append(List* l, Value v) {
  if (GILPY_UNLIKELY(l->size >= l->capacity)) TRY(list_reserve(l, l->size + 1));
  l->items[l->size++] = v;
  return OK();
}

Status list_insert(List* l, int64_t i, Value v) {
  if (i < 0) { i += l->size; if (i < 0) i = 0; }
  if (i > l->size) i = l->size;
  TRY(list_reserve(l, l->size + 1));
  std::memmove(l->items + i + 1, l->items + i, size_t(l->size - i) * sizeof(Value));
  l->items[i] = v;
  l->size++;
  return OK();
}

Result<Value> list_pop(List* l, int64_t i) {
  if (l->size == 0) return raise(tp_IndexError, "pop from empty list");
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) return raise(tp_IndexError, "pop index out of range");
  Value v = l->items[i];
  std::memmove(l->items + i, l->items + i + 1, size_t(l->size - i - 1) * sizeof(Value));
  l->size--;
  l->items[l->size] = Value();
  return v;
}

Status list_extend(List* l, Value iterable) {
  // Only exact lists and tuples: a subclass may override __iter__ (PySequence_Fast).
  if (iterable.type() == tp_list || iterable.type() == tp_tuple) {
    int64_t n;
    Value* src;
    if (iterable.type() == tp_list) { n = as_list(iterable)->size; src = as_list(iterable)->items; }
    else { n = iterable.as<Tuple>()->size; src = iterable.as<Tuple>()->items; }
    TRY(list_reserve(l, l->size + n));
    if (n) std::memmove(l->items + l->size, src, size_t(n) * sizeof(Value));  // src may alias l
    l->size += n;
    return OK();
  }
  if (iterable == Value(l)) {
    // A subclass extending itself: iterate it to the end first (CPython's
    // PySequence_Fast), or the loop would chase its own appends forever.
    List* copy = list_new(0);
    TRY(list_extend(copy, iterable));
    return list_extend(l, Value(copy));
  }
  Value it = TRY(get_iter(iterable));
  // An iterable with __length_hint__ (most iterators) sizes the list first,
  // as CPython's list.extend does; an error from the hint propagates.
  if (iterable.is_obj() && type_lookup(iterable.type(), N.__length_hint__)) {
    int64_t hint = TRY(length_hint(iterable, 8));
    if (hint > 0 && hint < (int64_t(1) << 24)) TRY(list_reserve(l, l->size + hint));
  }
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    TRY(list_append(l, x));
  }
  return OK();
}

Result<List*> list_from_iterable(Value iterable) {
  List* l = list_new(0);
  TRY(list_extend(l, iterable));
  return l;
}

}  // namespace gilpy
