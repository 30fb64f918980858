// list: the Python-visible methods (append, sort, __getitem__, ...) and the
// list iterators (the sort itself: objects/list_sort.cpp).
#include <algorithm>
#include <cstring>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
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

static List* L(Value v) { return v.as<List>(); }

// ---- methods -------------------------------------------------------------------------------
static Result<Value> list_new_m(Value* a, int64_t n, Tuple*) {
  List* l = static_cast<List*>(alloc_instance(as_type(a[0]), sizeof(List)));
  return Value(l);
}
static Result<Value> list_init_m(Value* a, int64_t n, Tuple* kw) {
  // A subclass with its own __new__ may pass __init__ keywords it does not take.
  if (type_inherits_slot(a[0].type(), N.__new__, tp_list)) TRY(no_kwargs("list", kw));
  TRY(check_nargs("list", n - 1, 0, 1));
  List* l = L(a[0]);
  l->size = 0;
  if (n > 1) TRY(list_extend(l, a[1]));
  return None();
}
static Result<Value> list_append_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("list.append", n - 1, 1, 1));
  TRY(list_append(L(a[0]), a[1]));
  return None();
}
static Result<Value> list_extend_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("list.extend", n - 1, 1, 1));
  TRY(list_extend(L(a[0]), a[1]));
  return None();
}
static Result<Value> list_insert_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("insert", n - 1, 2, 2));
  int64_t i = TRY(as_ssize(a[1]));
  TRY(list_insert(L(a[0]), i, a[2]));
  return None();
}
static Result<Value> list_pop_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("pop", n - 1, 0, 1));
  int64_t i = n > 1 ? TRY(as_ssize(a[1])) : -1;
  return list_pop(L(a[0]), i);
}
static Result<int64_t> find_index(List* l, Value x, int64_t start, int64_t stop) {
  for (int64_t i = start; i < stop && i < l->size; i++) {
    bool same = TRY(eq(l->items[i], x));
    if (same) return i;
  }
  return int64_t(-1);
}
static Result<Value> list_remove_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("list.remove", n - 1, 1, 1));
  List* l = L(a[0]);
  int64_t i = TRY(find_index(l, a[1], 0, l->size));
  if (i < 0) return raise(tp_ValueError, "list.remove(x): x not in list");
  TRY(list_pop(l, i));
  return None();
}
static void clamp_range(int64_t size, int64_t* start, int64_t* stop) {
  if (*start < 0) { *start += size; if (*start < 0) *start = 0; }
  if (*stop < 0) { *stop += size; if (*stop < 0) *stop = 0; }
  if (*stop > size) *stop = size;
}
static Result<Value> list_index_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("index", n - 1, 1, 3));
  List* l = L(a[0]);
  int64_t start = 0, stop = l->size;
  if (n > 2) TRY(text::slice_index_not_none(a[2], &start));
  if (n > 3) TRY(text::slice_index_not_none(a[3], &stop));
  clamp_range(l->size, &start, &stop);
  int64_t i = TRY(find_index(l, a[1], start, stop));
  if (i < 0) {
    Str* r = TRY(repr(a[1]));
    return raise(tp_ValueError, std::string(r->view()) + " is not in list");
  }
  return Value::small(i);
}
static Result<Value> list_count_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("count", n - 1, 1, 1));
  List* l = L(a[0]);
  int64_t c = 0;
  for (int64_t i = 0; i < l->size; i++) {
    bool same = TRY(eq(l->items[i], a[1]));
    if (same) c++;
  }
  return Value::small(c);
}
static Result<Value> list_clear_m(Value* a, int64_t, Tuple*) {
  List* l = L(a[0]);
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
  return None();
}
static Result<Value> list_copy_m(Value* a, int64_t, Tuple*) { return Value(list_from(L(a[0])->items, L(a[0])->size)); }
static Result<Value> list_reverse_m(Value* a, int64_t, Tuple*) {
  List* l = L(a[0]);
  std::reverse(l->items, l->items + l->size);
  return None();
}
static Result<Value> list_sort_m(Value* a, int64_t n, Tuple* kw) {
  if (n > 1) return raise(tp_TypeError, "sort() takes no positional arguments");
  Value out[2];
  TRY(parse_args("sort", a + 1, 0, kw, {"key", "reverse"}, 0, out, 0, 0));
  bool rev = out[1] ? TRY(truthy(out[1])) : false;
  TRY(list_sort(L(a[0]), out[0] ? out[0] : None(), rev));
  return None();
}
static Result<Value> list_len(Value* a, int64_t, Tuple*) { return Value::small(L(a[0])->size); }

static Result<Value> list_getitem(Value* a, int64_t n, Tuple*) {
  List* l = L(a[0]);
  if (is_slice(a[1])) {
    int64_t start, stop, step;
    int64_t cnt = TRY(slice_indices(a[1].as<Slice>(), &l->size, &start, &stop, &step));
    List* r = list_new(cnt);
    for (int64_t i = 0, j = start; i < cnt; i++, j += step) r->items[i] = l->items[j];
    return Value(r);
  }
  int64_t i = TRY(seq_index(a[1], &l->size, "list"));
  return l->items[i];
}

static Status assign_slice(List* l, Slice* s, Value v) {
  int64_t start, stop, step;
  // Iterating v and the slice's __index__ may run Python code that resizes
  // l: both happen before l's size is used.
  List* src = v.type() == tp_list && L(v) != l ? L(v) : TRY(list_from_iterable(v));
  int64_t cnt = TRY(slice_indices(s, &l->size, &start, &stop, &step));
  if (step == 1) {
    if (stop < start) stop = start;
    int64_t delta = src->size - (stop - start);
    TRY(list_reserve(l, l->size + delta));
    if (l->size > stop) std::memmove(l->items + stop + delta, l->items + stop, size_t(l->size - stop) * sizeof(Value));
    if (src->size) std::memcpy(l->items + start, src->items, size_t(src->size) * sizeof(Value));
    l->size += delta;
    return OK();
  }
  if (src->size != cnt)
    return raise_fmt(tp_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                     (long long)src->size, (long long)cnt);
  for (int64_t i = 0, j = start; i < cnt; i++, j += step) l->items[j] = src->items[i];
  return OK();
}
static Status delete_slice(List* l, Slice* s) {
  int64_t start, stop, step;
  int64_t cnt = TRY(slice_indices(s, &l->size, &start, &stop, &step));
  if (cnt == 0) return OK();
  if (step < 0) {
    start = start + step * (cnt - 1);
    step = -step;
  }
  int64_t w = start;
  for (int64_t r = start; r < l->size; r++) {
    if (r >= start && (r - start) % step == 0 && (r - start) / step < cnt) continue;
    l->items[w++] = l->items[r];
  }
  for (int64_t i = w; i < l->size; i++) l->items[i] = Value();
  l->size = w;
  return OK();
}
static Result<Value> list_setitem(Value* a, int64_t n, Tuple*) {
  List* l = L(a[0]);
  if (is_slice(a[1])) {
    TRY(assign_slice(l, a[1].as<Slice>(), a[2]));
    return None();
  }
  int64_t i = TRY(seq_index(a[1], &l->size, "list", "list assignment index out of range"));
  l->items[i] = a[2];
  return None();
}
static Result<Value> list_delitem(Value* a, int64_t n, Tuple*) {
  List* l = L(a[0]);
  if (is_slice(a[1])) {
    TRY(delete_slice(l, a[1].as<Slice>()));
    return None();
  }
  int64_t i = TRY(seq_index(a[1], &l->size, "list", "list assignment index out of range"));
  TRY(list_pop(l, i));
  return None();
}
static Result<Value> list_contains(Value* a, int64_t, Tuple*) {
  List* l = L(a[0]);
  for (int64_t i = 0; i < l->size; i++) {
    bool same = TRY(eq(l->items[i], a[1]));
    if (same) return True();
  }
  return False();
}
static Result<Value> list_add(Value* a, int64_t, Tuple*) {
  if (!is_list(a[1]))
    return raise_fmt(tp_TypeError, "can only concatenate list (not \"%s\") to list", type_name(a[1]));
  List* x = L(a[0]);
  List* y = L(a[1]);
  List* r = list_new(x->size + y->size);
  // An empty list may have no item array: memcpy's pointers must not be null.
  if (x->size) std::memcpy(r->items, x->items, size_t(x->size) * sizeof(Value));
  if (y->size) std::memcpy(r->items + x->size, y->items, size_t(y->size) * sizeof(Value));
  return Value(r);
}
static Result<Value> list_iadd(Value* a, int64_t, Tuple*) {
  TRY(list_extend(L(a[0]), a[1]));
  return a[0];
}
Result<int64_t> repeat_count(Value n, int64_t item_size);
static Result<Value> list_mul(Value* a, int64_t, Tuple*) {
  if (!is_int(a[1]) && !type_lookup(a[1].type(), N.__index__)) return Value(g_NotImplemented);
  List* l = L(a[0]);
  int64_t k = TRY(repeat_count(a[1], l->size));
  if (l->size == 0) k = 0;  // [] * (2**63 - 1) is [] at once, not 2**63 empty copies
  int64_t total = l->size * k;
  void* mem = total != 0 ? gc::try_alloc(size_t(total) * sizeof(Value)) : nullptr;
  if (total != 0 && !mem) return raise_memory_error();
  List* r = list_new(0);
  r->items = static_cast<Value*>(mem);
  r->capacity = r->size = l->size * k;
  for (int64_t i = 0; i < k; i++) std::memcpy(r->items + i * l->size, l->items, size_t(l->size) * sizeof(Value));
  return Value(r);
}
static Result<Value> list_imul(Value* a, int64_t, Tuple*) {
  if (!is_int(a[1]) && !type_lookup(a[1].type(), N.__index__)) return Value(g_NotImplemented);
  List* l = L(a[0]);
  int64_t k = TRY(repeat_count(a[1], l->size));
  int64_t n0 = l->size;
  if (k <= 0) { l->size = 0; return a[0]; }
  if (n0 == 0 || k == 1) return a[0];
  TRY(list_reserve(l, n0 * k));
  for (int64_t i = 1; i < k; i++) std::memcpy(l->items + i * n0, l->items, size_t(n0) * sizeof(Value));
  l->size = n0 * k;
  return a[0];
}

// Sequence comparison shared by list and tuple.
// Lexicographic comparison of two lists or tuples, given as where their item
// pointer and size live: an item's __eq__ may resize either list, so both are
// read again after every comparison (as CPython's list_richcompare does).
Result<Value> seq_compare(Value* const* xitems, const int64_t* xsize, Value* const* yitems, const int64_t* ysize,
                          int op) {
  int64_t i = 0;
  for (; i < *xsize && i < *ysize; i++) {
    Value x = (*xitems)[i], y = (*yitems)[i];
    if (x == y) continue;
    bool same = TRY(eq(x, y));
    if (!same) break;
  }
  int64_t xn = *xsize, yn = *ysize;
  if (i >= xn || i >= yn) {
    bool r;
    switch (op) {
      case CMP_LT: r = xn < yn; break;
      case CMP_LE: r = xn <= yn; break;
      case CMP_EQ: r = xn == yn; break;
      case CMP_NE: r = xn != yn; break;
      case CMP_GT: r = xn > yn; break;
      default: r = xn >= yn; break;
    }
    return Bool(r);
  }
  if (op == CMP_EQ) return False();
  if (op == CMP_NE) return True();
  return richcompare((*xitems)[i], (*yitems)[i], op);
}
static Result<Value> list_cmp(Value* a, int op) {
  if (!is_list(a[1])) return Value(g_NotImplemented);
  // Lists of different lengths differ (tuples compare items first: CPython's order).
  if ((op == CMP_EQ || op == CMP_NE) && L(a[0])->size != L(a[1])->size) return Bool(op == CMP_NE);
  if (!enter_recursion()) return ERR;
  Result<Value> r = seq_compare(&L(a[0])->items, &L(a[0])->size, &L(a[1])->items, &L(a[1])->size, op);
  leave_recursion();
  return r;
}
static Result<Value> list_lt(Value* a, int64_t, Tuple*) { return list_cmp(a, CMP_LT); }
static Result<Value> list_le(Value* a, int64_t, Tuple*) { return list_cmp(a, CMP_LE); }
static Result<Value> list_eq(Value* a, int64_t, Tuple*) { return list_cmp(a, CMP_EQ); }
static Result<Value> list_ne(Value* a, int64_t, Tuple*) { return list_cmp(a, CMP_NE); }
static Result<Value> list_gt(Value* a, int64_t, Tuple*) { return list_cmp(a, CMP_GT); }
static Result<Value> list_ge(Value* a, int64_t, Tuple*) { return list_cmp(a, CMP_GE); }

// Recursion detection for reprs ("[...]"): the containers whose repr is in
// progress on this thread, innermost last. A popped entry is zeroed first: the
// vector's spare capacity is scanned by the collector, and a stale entry kept
// the last container repr'd alive.
using ReprStack = gc::Vector<Value>;
bool repr_enter(Value self) {
  ThreadState* ts = t_ts;
  if (!ts->repr_stack) ts->repr_stack = reinterpret_cast<Object*>(gc::make<ReprStack>());
  ReprStack* st = reinterpret_cast<ReprStack*>(ts->repr_stack);
  for (Value v : *st)
    if (v == self) return false;
  st->push_back(self);
  return true;
}
void repr_leave() {
  ReprStack* st = reinterpret_cast<ReprStack*>(t_ts->repr_stack);
  st->back() = Value();
  // The store must survive: GCC drops stores to an element whose lifetime
  // pop_back ends (-flifetime-dse), and the collector still scans the slot.
  __asm__ __volatile__("" : : "r"(&st->back()) : "memory");
  st->pop_back();
}

// repr of list and tuple.
Result<Str*> seq_repr(Value self, const char* open, const char* close, Value* items, int64_t n) {
  if (!repr_enter(self)) return str_new(std::string(open) + "..." + close);
  std::string s = open;
  Status st = OK();
  for (int64_t i = 0; i < n; i++) {
    if (i) s += ", ";
    Result<Str*> r = repr(items[i]);
    if (r.is_err()) { st = ERR; break; }
    s += r.value()->view();
  }
  repr_leave();
  if (st.is_err()) return ERR;
  if (n == 1 && std::strcmp(open, "(") == 0) s += ",";
  s += close;
  return str_new(s);
}

static Result<Value> list_repr(Value* a, int64_t, Tuple*) {
  Str* s = TRY(seq_repr(a[0], "[", "]", L(a[0])->items, L(a[0])->size));
  return Value(s);
}

// ---- iterators ----------------------------------------------------------------------------
struct ListIter : Object {
  Value seq;     // null when exhausted
  int64_t index;
};
static Status listiter_next(Value self, Value* out) {
  ListIter* it = self.as<ListIter>();
  if (it->seq) {
    List* l = L(it->seq);
    if (it->index < l->size) {
      *out = l->items[it->index++];
      return OK();
    }
    it->seq = Value();
  }
  *out = Value();
  return OK();
}
static Status listrev_next(Value self, Value* out) {
  ListIter* it = self.as<ListIter>();
  if (it->seq) {
    List* l = L(it->seq);
    if (it->index >= 0 && it->index < l->size) {
      *out = l->items[it->index--];
      return OK();
    }
    it->seq = Value();
  }
  *out = Value();
  return OK();
}
static Result<Value> list_iter(Value* a, int64_t, Tuple*) {
  ListIter* it = static_cast<ListIter*>(alloc_instance(tp_list_iterator, sizeof(ListIter)));
  it->seq = a[0];
  return Value(it);
}
static Result<Value> list_reversed(Value* a, int64_t, Tuple*) {
  ListIter* it = static_cast<ListIter*>(alloc_instance(tp_list_reverseiterator, sizeof(ListIter)));
  it->seq = a[0];
  it->index = L(a[0])->size - 1;
  return Value(it);
}
static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(native_iternext(a[0].type())(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
static Result<Value> listiter_len(Value* a, int64_t, Tuple*) {
  ListIter* it = a[0].as<ListIter>();
  if (!it->seq) return Value::small(0);
  int64_t n = a[0].type() == tp_list_reverseiterator ? it->index + 1 : L(it->seq)->size - it->index;
  return Value::small(n < 0 ? 0 : n);
}
static Result<Value> listiter_reduce(Value* a, int64_t, Tuple*) {
  ListIter* it = a[0].as<ListIter>();
  if (!it->seq) return iter_reduce_exhausted(Value(list_new(0)));
  bool rev = a[0].type() == tp_list_reverseiterator;
  return iter_reduce_at(rev ? Value(tp_reversed) : builtin_iter(), it->seq, it->index);
}
static Result<Value> listiter_setstate(Value* a, int64_t, Tuple*) {
  ListIter* it = a[0].as<ListIter>();
  if (!it->seq) return None();
  int64_t size = L(it->seq)->size;
  if (a[0].type() == tp_list_reverseiterator) it->index = TRY(iter_state_index(a[1], -1, size - 1));
  else it->index = TRY(iter_state_index(a[1], 0, size));
  return None();
}
static const MethodDef listiter_methods[] = {{"__iter__", iter_self}, {"__next__", iter_next_m},
                                             {"__length_hint__", listiter_len}, {"__reduce__", listiter_reduce},
                                             {"__setstate__", listiter_setstate}, {nullptr, nullptr}};

static Result<Value> list_class_getitem(Value* a, int64_t n, Tuple*) {
  extern Result<Value> generic_alias_new(Value origin, Value args);
  return generic_alias_new(a[0], a[1]);
}
static Result<Value> list_sizeof(Value* a, int64_t, Tuple*) {
  return Value::small(int64_t(sizeof(List) + size_t(L(a[0])->capacity) * sizeof(Value)));
}

static const MethodDef list_methods[] = {
    {"__new__", list_new_m, MethKind::Static}, {"__init__", list_init_m}, {"append", list_append_m, MethKind::O},
    {"extend", list_extend_m, MethKind::O}, {"insert", list_insert_m}, {"pop", list_pop_m}, {"remove", list_remove_m, MethKind::O},
    {"index", list_index_m}, {"count", list_count_m, MethKind::O}, {"clear", list_clear_m, MethKind::NoArgs}, {"copy", list_copy_m, MethKind::NoArgs},
    {"reverse", list_reverse_m, MethKind::NoArgs}, {"sort", list_sort_m}, {"__len__", list_len}, {"__getitem__", list_getitem},
    {"__setitem__", list_setitem}, {"__delitem__", list_delitem}, {"__contains__", list_contains},
    {"__add__", list_add}, {"__iadd__", list_iadd}, {"__mul__", list_mul}, {"__rmul__", list_mul},
    {"__imul__", list_imul}, {"__lt__", list_lt}, {"__le__", list_le}, {"__eq__", list_eq}, {"__ne__", list_ne},
    {"__gt__", list_gt}, {"__ge__", list_ge}, {"__repr__", list_repr}, {"__iter__", list_iter},
    {"__reversed__", list_reversed}, {"__class_getitem__", list_class_getitem, MethKind::Class},
    {"__sizeof__", list_sizeof}, {nullptr, nullptr}};

void init_list_type() {
  type_add_methods(tp_list, list_methods);
  type_set_attr_const(tp_list, "__hash__", None());
  type_add_methods(tp_list_iterator, listiter_methods);
  type_add_methods(tp_list_reverseiterator, listiter_methods);
  tp_list_iterator->iternext = listiter_next;
  tp_list_reverseiterator->iternext = listrev_next;
}

size_t list_iter_size() { return sizeof(ListIter); }

}  // namespace gilpy
