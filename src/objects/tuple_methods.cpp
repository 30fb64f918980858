// tuple: the Python-visible methods, hashing (CPython's xxHash-based tuple
// hash, so hash((1, 2)) matches CPython), and the tuple iterator.
#include <cstring>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

using namespace bytecode;

Result<Value> seq_compare(Value* const* xitems, const int64_t* xsize, Value* const* yitems, const int64_t* ysize,
                          int op);
Result<Str*> seq_repr(Value self, const char* open, const char* close, Value* items, int64_t n);

static Tuple* T(Value v) { return v.as<Tuple>(); }

// How many times to repeat a sequence of item_size items for `seq * n`.
Result<int64_t> repeat_count(Value n, int64_t item_size) {
  Value iv = TRY(index_value(n));
  int64_t k;
  // As CPython's sequence protocol: the count must fit a Py_ssize_t, whatever its sign.
  if (!int_fits_i64(iv, &k))
    return raise_fmt(tp_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(n));
  if (k <= 0) return int64_t(0);
  if (item_size && k > (int64_t(1) << 60) / item_size) return raise_memory_error();
  return k;
}

static Result<Value> tuple_new_m(Value* a, int64_t n, Tuple* kw) {
  Type* cls = as_type(a[0]);
  // A subclass with its own __init__ may pass keywords that __init__ takes.
  if (type_inherits_slot(cls, N.__init__, tp_tuple)) TRY(no_kwargs("tuple", kw));
  TRY(check_nargs("tuple", n - 1, 0, 1));
  Tuple* items = n > 1 ? TRY(to_tuple(a[1])) : tuple_empty();
  if (cls == tp_tuple) return Value(items);
  Tuple* t = static_cast<Tuple*>(alloc_instance(cls, sizeof(Tuple) + size_t(items->size) * sizeof(Value)));
  t->size = items->size;
  t->hash = -1;
  std::memcpy(t->items, items->items, size_t(items->size) * sizeof(Value));
  return Value(t);
}
static Result<Value> tuple_len(Value* a, int64_t, Tuple*) { return Value::small(T(a[0])->size); }
static Result<Value> tuple_getitem(Value* a, int64_t, Tuple*) {
  Tuple* t = T(a[0]);
  if (is_slice(a[1])) {
    int64_t start, stop, step;
    int64_t cnt = TRY(slice_indices(a[1].as<Slice>(), t->size, &start, &stop, &step));
    if (step == 1) return Value(tuple_slice(t, start, start + cnt));
    Tuple* r = tuple_new(cnt);
    for (int64_t i = 0, j = start; i < cnt; i++, j += step) r->items[i] = t->items[j];
    return Value(r);
  }
  int64_t i = TRY(seq_index(a[1], t->size, "tuple"));
  return t->items[i];
}
static Result<Value> tuple_contains(Value* a, int64_t, Tuple*) {
  Tuple* t = T(a[0]);
  for (int64_t i = 0; i < t->size; i++) {
    bool same = TRY(eq(t->items[i], a[1]));
    if (same) return True();
  }
  return False();
}
static Result<Value> tuple_index(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("index", n - 1, 1, 3));
  Tuple* t = T(a[0]);
  int64_t start = 0, stop = t->size;
  if (n > 2) TRY(text::slice_index_not_none(a[2], &start));
  if (n > 3) TRY(text::slice_index_not_none(a[3], &stop));
  if (start < 0) { start += t->size; if (start < 0) start = 0; }
  if (stop < 0) { stop += t->size; if (stop < 0) stop = 0; }
  for (int64_t i = start; i < stop && i < t->size; i++) {
    bool same = TRY(eq(t->items[i], a[1]));
    if (same) return Value::small(i);
  }
  return raise(tp_ValueError, "tuple.index(x): x not in tuple");
}
static Result<Value> tuple_count(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("count", n - 1, 1, 1));
  Tuple* t = T(a[0]);
  int64_t c = 0;
  for (int64_t i = 0; i < t->size; i++) {
    bool same = TRY(eq(t->items[i], a[1]));
    if (same) c++;
  }
  return Value::small(c);
}
static Result<Value> tuple_add(Value* a, int64_t, Tuple*) {
  if (!is_tuple(a[1]))
    return raise_fmt(tp_TypeError, "can only concatenate tuple (not \"%s\") to tuple", type_name(a[1]));
  Tuple* x = T(a[0]);
  Tuple* y = T(a[1]);
  Tuple* r = tuple_new(x->size + y->size);
  std::memcpy(r->items, x->items, size_t(x->size) * sizeof(Value));
  std::memcpy(r->items + x->size, y->items, size_t(y->size) * sizeof(Value));
  return Value(r);
}
static Result<Value> tuple_mul(Value* a, int64_t, Tuple*) {
  if (!is_int(a[1]) && !type_lookup(a[1].type(), N.__index__)) return Value(g_NotImplemented);
  Tuple* t = T(a[0]);
  int64_t k = TRY(repeat_count(a[1], t->size));
  if (t->size == 0) k = 0;  // () * (2**63 - 1): no copies to make
  if (k == 1 && t->type == tp_tuple) return a[0];
  Tuple* r = tuple_new(t->size * k);
  for (int64_t i = 0; i < k; i++) std::memcpy(r->items + i * t->size, t->items, size_t(t->size) * sizeof(Value));
  return Value(r);
}

// CPython's tuple hash (xxHash64 round constants over the item hashes).
static Result<Value> tuple_hash(Value* a, int64_t, Tuple*) {
  Tuple* t = T(a[0]);
  if (t->hash != -1) return int_from_i64(t->hash);
  const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
  uint64_t acc = P5;
  for (int64_t i = 0; i < t->size; i++) {
    int64_t h = TRY(hash(t->items[i]));
    acc += uint64_t(h) * P2;
    acc = (acc << 31) | (acc >> 33);
    acc *= P1;
  }
  acc += uint64_t(t->size) ^ (P5 ^ 3527539UL);
  if (acc == uint64_t(-1)) acc = 1546275796;
  int64_t r = int64_t(acc);
  t->hash = r;
  return int_from_i64(r);
}
static Result<Value> tuple_cmp(Value* a, int op) {
  if (!is_tuple(a[1])) return Value(g_NotImplemented);
  if (!enter_recursion()) return ERR;
  Value *xi = T(a[0])->items, *yi = T(a[1])->items;
  Result<Value> r = seq_compare(&xi, &T(a[0])->size, &yi, &T(a[1])->size, op);
  leave_recursion();
  return r;
}
static Result<Value> tuple_lt(Value* a, int64_t, Tuple*) { return tuple_cmp(a, CMP_LT); }
static Result<Value> tuple_le(Value* a, int64_t, Tuple*) { return tuple_cmp(a, CMP_LE); }
static Result<Value> tuple_eq(Value* a, int64_t, Tuple*) { return tuple_cmp(a, CMP_EQ); }
static Result<Value> tuple_ne(Value* a, int64_t, Tuple*) { return tuple_cmp(a, CMP_NE); }
static Result<Value> tuple_gt(Value* a, int64_t, Tuple*) { return tuple_cmp(a, CMP_GT); }
static Result<Value> tuple_ge(Value* a, int64_t, Tuple*) { return tuple_cmp(a, CMP_GE); }
static Result<Value> tuple_repr(Value* a, int64_t, Tuple*) {
  Str* s = TRY(seq_repr(a[0], "(", ")", T(a[0])->items, T(a[0])->size));
  return Value(s);
}
static Result<Value> tuple_getnewargs(Value* a, int64_t, Tuple*) {
  return Value(tuple_of({Value(tuple_from(T(a[0])->items, T(a[0])->size))}));
}

struct TupleIter : Object {
  Value seq;
  int64_t index;
};
static Status tupleiter_next(Value self, Value* out) {
  TupleIter* it = self.as<TupleIter>();
  if (it->seq && it->index < T(it->seq)->size) {
    *out = T(it->seq)->items[it->index++];
    return OK();
  }
  it->seq = Value();
  *out = Value();
  return OK();
}
static Result<Value> tuple_iter(Value* a, int64_t, Tuple*) {
  TupleIter* it = static_cast<TupleIter*>(alloc_instance(tp_tuple_iterator, sizeof(TupleIter)));
  it->seq = a[0];
  return Value(it);
}
static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(native_iternext(a[0].type())(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
static Result<Value> tupleiter_len(Value* a, int64_t, Tuple*) {
  TupleIter* it = a[0].as<TupleIter>();
  return Value::small(it->seq ? T(it->seq)->size - it->index : 0);
}
static Result<Value> tuple_class_getitem(Value* a, int64_t n, Tuple*) {
  extern Result<Value> generic_alias_new(Value origin, Value args);
  return generic_alias_new(a[0], a[1]);
}

static const MethodDef tuple_methods[] = {
    {"__new__", tuple_new_m, MethKind::Static}, {"__len__", tuple_len}, {"__getitem__", tuple_getitem},
    {"__contains__", tuple_contains}, {"index", tuple_index}, {"count", tuple_count, MethKind::O}, {"__add__", tuple_add},
    {"__mul__", tuple_mul}, {"__rmul__", tuple_mul}, {"__hash__", tuple_hash}, {"__lt__", tuple_lt},
    {"__le__", tuple_le}, {"__eq__", tuple_eq}, {"__ne__", tuple_ne}, {"__gt__", tuple_gt}, {"__ge__", tuple_ge},
    {"__repr__", tuple_repr}, {"__iter__", tuple_iter}, {"__getnewargs__", tuple_getnewargs},
    {"__class_getitem__", tuple_class_getitem, MethKind::Class}, {nullptr, nullptr}};
static Result<Value> tupleiter_reduce(Value* a, int64_t, Tuple*) {
  TupleIter* it = a[0].as<TupleIter>();
  if (!it->seq) return iter_reduce_exhausted(Value(tuple_empty()));
  return iter_reduce_at(builtin_iter(), it->seq, it->index);
}
static Result<Value> tupleiter_setstate(Value* a, int64_t, Tuple*) {
  TupleIter* it = a[0].as<TupleIter>();
  if (it->seq) it->index = TRY(iter_state_index(a[1], 0, T(it->seq)->size));
  return None();
}
static const MethodDef tupleiter_methods[] = {{"__iter__", iter_self}, {"__next__", iter_next_m},
                                              {"__length_hint__", tupleiter_len}, {"__reduce__", tupleiter_reduce},
                                              {"__setstate__", tupleiter_setstate}, {nullptr, nullptr}};

void init_tuple_type() {
  type_add_methods(tp_tuple, tuple_methods);
  type_add_methods(tp_tuple_iterator, tupleiter_methods);
  tp_tuple_iterator->iternext = tupleiter_next;
}

}  // namespace gilpy
