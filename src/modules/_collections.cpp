// _collections: the native half of collections.py — deque (a ring buffer),
// defaultdict (a dict subclass with __missing__), the deque iterators,
// _count_elements (Counter's fast path) and _tuplegetter (namedtuple fields).
// OrderedDict is deliberately absent: collections/__init__.py falls back to
// its pure-Python OrderedDict when the import fails.
#include <string>

#include "bytecode/opcodes.h"
#include "gc/weakref.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

bool repr_enter(Value self);  // objects/list_methods.cpp: Py_ReprEnter
void repr_leave();

static Type* tp_deque;
static Type* tp_deque_iter;
static Type* tp_deque_riter;
static Type* tp_defaultdict;
static Type* tp_tuplegetter;

// ============================================================================
// deque
// ============================================================================
// Invariants: `buf` holds `cap` slots (cap a power of two, or 0 with buf
// null); the live items are buf[(head + i) & (cap - 1)] for 0 <= i < size;
// every other slot is null so popped items are not kept alive. maxlen is -1
// for an unbounded deque, otherwise size <= maxlen. `state` changes on every
// operation that adds, removes or reorders items (not on d[i] = x), which is
// what the iterators compare against to detect mutation.
struct Deque : Object {
  Dict* dict;  // subclass instances' __dict__ (offset 8, like every subclassable layout)
  Value* buf;
  int64_t cap;
  int64_t head;
  int64_t size;
  int64_t maxlen;
  uint64_t state;
};

static Deque* DQ(Value v) { return v.as<Deque>(); }
static inline Value& dq_at(Deque* d, int64_t i) { return d->buf[(d->head + i) & (d->cap - 1)]; }
static bool is_deque(Value v) { return isinstance(v, tp_deque); }

static void dq_grow(Deque* d) {
  int64_t ncap = d->cap ? d->cap * 2 : 8;
  Value* nb = static_cast<Value*>(gc::alloc(size_t(ncap) * sizeof(Value)));
  for (int64_t i = 0; i < d->size; i++) nb[i] = dq_at(d, i);
  d->buf = nb;
  d->cap = ncap;
  d->head = 0;
}
// Raw pushes/pops: no maxlen handling (callers do it), no state change.
static void dq_push_back(Deque* d, Value v) {
  if (d->size == d->cap) dq_grow(d);
  dq_at(d, d->size) = v;
  d->size++;
}
static void dq_push_front(Deque* d, Value v) {
  if (d->size == d->cap) dq_grow(d);
  d->head = (d->head - 1) & (d->cap - 1);
  d->buf[d->head] = v;
  d->size++;
}
static Value dq_pop_back(Deque* d) {
  Value& slot = dq_at(d, d->size - 1);
  Value v = slot;
  slot = Value();
  d->size--;
  return v;
}
static Value dq_pop_front(Deque* d) {
  Value v = d->buf[d->head];
  d->buf[d->head] = Value();
  d->head = (d->head + 1) & (d->cap - 1);
  d->size--;
  return v;
}
static void dq_clear(Deque* d) {
  // A fresh buffer rather than nulling slots: a large deque releases its memory.
  d->buf = nullptr;
  d->cap = 0;
  d->head = 0;
  d->size = 0;
  d->state++;
}
// append/appendleft with maxlen semantics (the opposite end drops out).
static void dq_append(Deque* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->maxlen) dq_pop_front(d);
  dq_push_back(d, v);
  d->state++;
}
static void dq_appendleft(Deque* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->maxlen) dq_pop_back(d);
  dq_push_front(d, v);
  d->state++;
}

static Deque* dq_alloc(Type* t) { return static_cast<Deque*>(alloc_instance(t, sizeof(Deque))); }

// Snapshot of the items (so that calls back into Python cannot invalidate a walk).
static gc::Vector<Value> dq_items(Deque* d) {
  gc::Vector<Value> v;
  v.reserve(size_t(d->size));
  for (int64_t i = 0; i < d->size; i++) v.push_back(dq_at(d, i));
  return v;
}

static Status dq_extend(Deque* d, Value iterable) {
  if (iterable == Value(d)) {  // d.extend(d): iterate over a copy
    gc::Vector<Value> items = dq_items(d);
    for (Value v : items) dq_append(d, v);
    return OK();
  }
  Value it = TRY(get_iter(iterable));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    dq_append(d, x);
  }
  return OK();
}
static Status dq_extendleft(Deque* d, Value iterable) {
  if (iterable == Value(d)) {
    gc::Vector<Value> items = dq_items(d);
    for (Value v : items) dq_appendleft(d, v);
    return OK();
  }
  Value it = TRY(get_iter(iterable));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    dq_appendleft(d, x);
  }
  return OK();
}

static Result<int64_t> parse_maxlen(Value v) {
  if (!v || is_none(v)) return int64_t(-1);
  if (!is_int(v)) return raise(tp_TypeError, "an integer is required");
  int64_t m;
  if (!int_fits_i64(v, &m)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  if (m < 0) return raise(tp_ValueError, "maxlen must be non-negative");
  return m;
}

static Result<Value> deque_new(Value* a, int64_t n, Tuple*) {
  Deque* d = dq_alloc(as_type(a[0]));
  d->maxlen = -1;
  return Value(d);
}
static Result<Value> deque_init(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("deque", a + 1, n - 1, kw, {"iterable", "maxlen"}, 0, out));
  Deque* d = DQ(a[0]);
  d->maxlen = TRY(parse_maxlen(out[1]));
  if (d->size) dq_clear(d);
  if (out[0]) TRY(dq_extend(d, out[0]));
  return None();
}

static Result<Value> deque_append(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("append", kw));
  TRY(check_nargs("append", n - 1, 1, 1));
  dq_append(DQ(a[0]), a[1]);
  return None();
}
static Result<Value> deque_appendleft(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("appendleft", kw));
  TRY(check_nargs("appendleft", n - 1, 1, 1));
  dq_appendleft(DQ(a[0]), a[1]);
  return None();
}
static Result<Value> deque_pop(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("pop", n - 1, 0, 0));
  Deque* d = DQ(a[0]);
  if (!d->size) return raise(tp_IndexError, "pop from an empty deque");
  d->state++;
  return dq_pop_back(d);
}
static Result<Value> deque_popleft(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("popleft", n - 1, 0, 0));
  Deque* d = DQ(a[0]);
  if (!d->size) return raise(tp_IndexError, "pop from an empty deque");
  d->state++;
  return dq_pop_front(d);
}
static Result<Value> deque_extend(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("extend", n - 1, 1, 1));
  TRY(dq_extend(DQ(a[0]), a[1]));
  return None();
}
static Result<Value> deque_extendleft(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("extendleft", n - 1, 1, 1));
  TRY(dq_extendleft(DQ(a[0]), a[1]));
  return None();
}
static Result<Value> deque_clear_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("clear", n - 1, 0, 0));
  dq_clear(DQ(a[0]));
  return None();
}

static void dq_rotate(Deque* d, int64_t k) {
  int64_t n = d->size;
  if (n <= 1) return;
  k %= n;
  if (k < 0) k += n;
  if (k == 0) return;
  d->state++;
  if (d->size == d->cap) {
    // Full ring: rotating is just moving the head.
    d->head = (d->head - k) & (d->cap - 1);
    return;
  }
  if (k <= n / 2) {
    for (int64_t i = 0; i < k; i++) dq_push_front(d, dq_pop_back(d));
  } else {
    for (int64_t i = 0; i < n - k; i++) dq_push_back(d, dq_pop_front(d));
  }
}
static Result<Value> deque_rotate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("rotate", n - 1, 0, 1));
  int64_t k = 1;
  if (n > 1) {
    Value iv = TRY(index_value(a[1]));
    if (!int_fits_i64(iv, &k)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  }
  dq_rotate(DQ(a[0]), k);
  return None();
}
static Result<Value> deque_reverse(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("reverse", n - 1, 0, 0));
  Deque* d = DQ(a[0]);
  for (int64_t i = 0, j = d->size - 1; i < j; i++, j--) std::swap(dq_at(d, i), dq_at(d, j));
  d->state++;
  return None();
}

static Result<Value> deque_count(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("count", n - 1, 1, 1));
  Deque* d = DQ(a[0]);
  uint64_t st = d->state;
  int64_t c = 0;
  for (int64_t i = 0; i < d->size; i++) {
    Value item = dq_at(d, i);
    bool same = TRY(eq(item, a[1]));
    if (d->state != st) return raise(tp_RuntimeError, "deque mutated during iteration");
    if (same) c++;
  }
  return Value::small(c);
}

static Result<int64_t> clamp_index(Value v, int64_t size) {
  int64_t x = 0;
  TRY(text::slice_index_not_none(v, &x));  // CPython's _PyEval_SliceIndexNotNone
  if (x < 0) {
    x += size;
    if (x < 0) x = 0;
  }
  return x;
}
static Result<Value> deque_index(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("index", n - 1, 1, 3));
  Deque* d = DQ(a[0]);
  int64_t start = 0, stop = d->size;
  if (n > 2) start = TRY(clamp_index(a[2], d->size));
  if (n > 3) stop = TRY(clamp_index(a[3], d->size));
  if (stop > d->size) stop = d->size;
  uint64_t st = d->state;
  for (int64_t i = start; i < stop; i++) {
    Value item = dq_at(d, i);
    bool same = TRY(eq(item, a[1]));
    if (d->state != st) return raise(tp_RuntimeError, "deque mutated during iteration");
    if (same) return Value::small(i);
  }
  Str* r = TRY(repr(a[1]));
  return raise_fmt(tp_ValueError, "%s is not in deque", r->data);
}

// Remove the item at logical index i (0 <= i < size), shifting the shorter side.
static void dq_del_at(Deque* d, int64_t i) {
  if (i < d->size / 2) {
    for (int64_t j = i; j > 0; j--) dq_at(d, j) = dq_at(d, j - 1);
    dq_pop_front(d);
  } else {
    for (int64_t j = i; j < d->size - 1; j++) dq_at(d, j) = dq_at(d, j + 1);
    dq_pop_back(d);
  }
  d->state++;
}
static Result<Value> deque_remove(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("remove", n - 1, 1, 1));
  Deque* d = DQ(a[0]);
  uint64_t st = d->state;
  for (int64_t i = 0; i < d->size; i++) {
    Value item = dq_at(d, i);
    bool same = TRY(eq(item, a[1]));
    if (d->state != st) return raise(tp_IndexError, "deque mutated during iteration");
    if (same) {
      dq_del_at(d, i);
      return None();
    }
  }
  Str* r = TRY(repr(a[1]));
  return raise_fmt(tp_ValueError, "%s is not in deque", r->data);
}
static Result<Value> deque_insert(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("insert", n - 1, 2, 2));
  Deque* d = DQ(a[0]);
  Value iv = TRY(index_value(a[1]));
  int64_t i;
  if (!int_fits_i64(iv, &i)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  if (d->maxlen == d->size) return raise(tp_IndexError, "deque already at its maximum size");
  if (i < 0) {
    i += d->size;
    if (i < 0) i = 0;
  }
  if (i > d->size) i = d->size;
  // Insert by growing at the end and shifting the tail right by one.
  dq_push_back(d, None());
  for (int64_t j = d->size - 1; j > i; j--) dq_at(d, j) = dq_at(d, j - 1);
  dq_at(d, i) = a[2];
  d->state++;
  return None();
}

static Result<int64_t> dq_index_arg(Deque* d, Value key) {
  if (!is_int(key) && !type_lookup(key.type(), N.__index__))
    return raise_fmt(tp_TypeError, "sequence index must be integer, not '%s'", type_name(key));
  Value iv = TRY(index_value(key));
  int64_t i;
  if (!int_fits_i64(iv, &i)) return raise(tp_IndexError, "cannot fit 'int' into an index-sized integer");
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) return raise(tp_IndexError, "deque index out of range");
  return i;
}
static Result<Value> deque_getitem(Value* a, int64_t, Tuple*) {
  Deque* d = DQ(a[0]);
  int64_t i = TRY(dq_index_arg(d, a[1]));
  return dq_at(d, i);
}
static Result<Value> deque_setitem(Value* a, int64_t, Tuple*) {
  Deque* d = DQ(a[0]);
  int64_t i = TRY(dq_index_arg(d, a[1]));
  dq_at(d, i) = a[2];
  return None();
}
static Result<Value> deque_delitem(Value* a, int64_t, Tuple*) {
  Deque* d = DQ(a[0]);
  int64_t i = TRY(dq_index_arg(d, a[1]));
  dq_del_at(d, i);
  return None();
}
static Result<Value> deque_len(Value* a, int64_t, Tuple*) { return Value::small(DQ(a[0])->size); }
static Result<Value> deque_contains(Value* a, int64_t, Tuple*) {
  Deque* d = DQ(a[0]);
  uint64_t st = d->state;
  for (int64_t i = 0; i < d->size; i++) {
    Value item = dq_at(d, i);
    bool same = TRY(eq(item, a[1]));
    if (d->state != st) return raise(tp_RuntimeError, "deque mutated during iteration");
    if (same) return True();
  }
  return False();
}

// A copy with the same maxlen: exact deques directly, subclasses through
// their constructor (type(d)(d) or type(d)(d, maxlen)), as CPython does.
static Result<Value> dq_copy(Value self) {
  Deque* d = DQ(self);
  if (self.type() == tp_deque) {
    Deque* c = dq_alloc(tp_deque);
    c->maxlen = d->maxlen;
    for (int64_t i = 0; i < d->size; i++) dq_push_back(c, dq_at(d, i));
    return Value(c);
  }
  if (d->maxlen < 0) return call1(Value(self.type()), self);
  return call2(Value(self.type()), self, int_from_i64(d->maxlen));
}
static Result<Value> deque_copy(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("copy", n - 1, 0, 0));
  return dq_copy(a[0]);
}

static Result<Value> deque_repr(Value* a, int64_t, Tuple*) {
  Deque* d = DQ(a[0]);
  if (!repr_enter(a[0])) return Value(str_new("[...]"));
  List* l = list_new(0);
  for (int64_t i = 0; i < d->size; i++) (void)list_append(l, dq_at(d, i));
  Result<Str*> r = repr(Value(l));
  repr_leave();
  if (r.is_err()) return ERR;
  std::string s(a[0].type()->name->view());
  s += "(";
  s += r.value()->view();
  if (d->maxlen >= 0) s += ", maxlen=" + std::to_string(d->maxlen);
  s += ")";
  return Value(str_new(s));
}

static Result<Value> deque_richcompare(Value self, Value other, int op) {
  if (!is_deque(self) || !is_deque(other)) return Value(g_NotImplemented);
  Deque* v = DQ(self);
  Deque* w = DQ(other);
  int64_t vs = v->size, ws = w->size;
  if ((op == CMP_EQ || op == CMP_NE) && vs != ws) return Bool(op == CMP_NE);
  gc::Vector<Value> vi = dq_items(v), wi = dq_items(w);
  size_t i = 0;
  for (; i < vi.size() && i < wi.size(); i++) {
    bool same = TRY(eq(vi[i], wi[i]));
    if (!same) break;
  }
  if (i >= vi.size() || i >= wi.size()) {
    int64_t a = int64_t(vi.size()), b = int64_t(wi.size());
    bool r = false;
    switch (op) {
      case CMP_LT: r = a < b; break;
      case CMP_LE: r = a <= b; break;
      case CMP_EQ: r = a == b; break;
      case CMP_NE: r = a != b; break;
      case CMP_GT: r = a > b; break;
      case CMP_GE: r = a >= b; break;
    }
    return Bool(r);
  }
  if (op == CMP_EQ) return False();
  if (op == CMP_NE) return True();
  return richcompare(vi[i], wi[i], op);
}
static Result<Value> deque_lt(Value* a, int64_t, Tuple*) { return deque_richcompare(a[0], a[1], CMP_LT); }
static Result<Value> deque_le(Value* a, int64_t, Tuple*) { return deque_richcompare(a[0], a[1], CMP_LE); }
static Result<Value> deque_eq(Value* a, int64_t, Tuple*) { return deque_richcompare(a[0], a[1], CMP_EQ); }
static Result<Value> deque_ne(Value* a, int64_t, Tuple*) { return deque_richcompare(a[0], a[1], CMP_NE); }
static Result<Value> deque_gt(Value* a, int64_t, Tuple*) { return deque_richcompare(a[0], a[1], CMP_GT); }
static Result<Value> deque_ge(Value* a, int64_t, Tuple*) { return deque_richcompare(a[0], a[1], CMP_GE); }

static Result<Value> deque_add(Value* a, int64_t, Tuple*) {
  if (!is_deque(a[1]))
    return raise_fmt(tp_TypeError, "can only concatenate deque (not \"%s\") to deque", type_name(a[1]));
  Value c = TRY(dq_copy(a[0]));
  if (!is_deque(c)) return c;
  TRY(dq_extend(DQ(c), a[1]));
  return c;
}
static Result<Value> deque_iadd(Value* a, int64_t, Tuple*) {
  TRY(dq_extend(DQ(a[0]), a[1]));
  return a[0];
}
// In-place repetition: d *= n keeps the last maxlen items of n copies.
static Status dq_inplace_repeat(Deque* d, Value nv) {
  if (!is_int(nv) && !type_lookup(nv.type(), N.__index__))
    return raise_fmt(tp_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(nv));
  Value iv = TRY(index_value(nv));
  int64_t n;
  // As CPython's sequence protocol: the count must fit a Py_ssize_t, whatever its sign.
  if (!int_fits_i64(iv, &n))
    return raise_fmt(tp_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(nv));
  if (n <= 0 || d->size == 0) {
    dq_clear(d);
    return OK();
  }
  if (n == 1) return OK();
  gc::Vector<Value> items = dq_items(d);
  int64_t total = int64_t(items.size());
  if (d->maxlen < 0 && total > (INT64_MAX / 16) / n) return raise_memory_error();
  // With a bound, only the last maxlen items survive: skip whole copies that would fall off.
  int64_t copies = n - 1;
  if (d->maxlen >= 0 && total > 0) {
    int64_t keep = (d->maxlen + total - 1) / total + 1;
    if (copies > keep) copies = keep;
  }
  for (int64_t c = 0; c < copies; c++)
    for (Value v : items) dq_append(d, v);
  d->state++;
  return OK();
}
static Result<Value> deque_imul(Value* a, int64_t, Tuple*) {
  TRY(dq_inplace_repeat(DQ(a[0]), a[1]));
  return a[0];
}
static Result<Value> deque_mul(Value* a, int64_t, Tuple*) {
  if (!is_int(a[1]) && !type_lookup(a[1].type(), N.__index__)) return Value(g_NotImplemented);
  Value c = TRY(dq_copy(a[0]));
  if (!is_deque(c)) return c;
  TRY(dq_inplace_repeat(DQ(c), a[1]));
  return c;
}

static Result<Value> deque_reduce(Value* a, int64_t, Tuple*) {
  Deque* d = DQ(a[0]);
  Value dict = TRY(call_method0(a[0], N.__getstate__));  // the instance dict and __slots__ values
  Value it = TRY(get_iter(a[0]));
  Value args = d->maxlen < 0 ? Value(tuple_empty())
                             : Value(tuple_of({Value(tuple_empty()), int_from_i64(d->maxlen)}));
  return Value(tuple_of({Value(a[0].type()), args, dict, it}));
}
static Result<Value> deque_sizeof(Value* a, int64_t, Tuple*) {
  return Value::small(int64_t(sizeof(Deque)) + DQ(a[0])->cap * int64_t(sizeof(Value)));
}
static Result<Value> deque_maxlen(Value self) {
  int64_t m = DQ(self)->maxlen;
  return m < 0 ? None() : int_from_i64(m);
}
static Result<Value> class_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__class_getitem__", n - 1, 1, 1));
  return call2(Value(tp_GenericAlias), a[0], a[1]);
}

// ---- deque iterators ----
// `index` counts items already produced (forward: from the left, reverse: from
// the right); `state` is the deque's state at creation.
struct DequeIter : Object {
  Deque* deque;
  int64_t index;
  uint64_t state;
  int64_t counter;  // items left; 0 once exhausted or invalidated
};
static Status dqiter_next_common(Value self, Value* out, bool rev) {
  DequeIter* it = self.as<DequeIter>();
  *out = Value();
  Deque* d = it->deque;
  if (d->state != it->state) {
    it->counter = 0;
    return raise(tp_RuntimeError, "deque mutated during iteration");
  }
  if (it->counter <= 0) return OK();
  int64_t i = rev ? d->size - 1 - it->index : it->index;
  *out = dq_at(d, i);
  it->index++;
  it->counter--;
  return OK();
}
static Status dqiter_next(Value self, Value* out) { return dqiter_next_common(self, out, false); }
static Status dqriter_next(Value self, Value* out) { return dqiter_next_common(self, out, true); }

static Value dqiter_make(Type* t, Deque* d, int64_t skip) {
  DequeIter* it = static_cast<DequeIter*>(alloc_instance(t, sizeof(DequeIter)));
  it->deque = d;
  it->state = d->state;
  it->index = skip;
  it->counter = d->size - skip;
  return Value(it);
}
static Result<Value> deque_iter(Value* a, int64_t, Tuple*) { return dqiter_make(tp_deque_iter, DQ(a[0]), 0); }
static Result<Value> deque_reversed(Value* a, int64_t, Tuple*) { return dqiter_make(tp_deque_riter, DQ(a[0]), 0); }

static Result<Value> dqiter_new_common(Type* t, Value* a, int64_t n) {
  TRY(check_nargs(t->name->data, n - 1, 1, 2));
  if (!is_deque(a[1])) return raise_fmt(tp_TypeError, "expected deque, got '%s'", type_name(a[1]));
  Deque* d = DQ(a[1]);
  Value it = dqiter_make(t, d, 0);
  if (n > 2) {
    int64_t k = TRY(as_index(a[2]));
    for (int64_t i = 0; i < k; i++) {
      Value x;
      TRY(t->iternext(it, &x));
      if (!x) break;
    }
  }
  return it;
}
static Result<Value> dqiter_new(Value* a, int64_t n, Tuple*) { return dqiter_new_common(tp_deque_iter, a, n); }
static Result<Value> dqriter_new(Value* a, int64_t n, Tuple*) { return dqiter_new_common(tp_deque_riter, a, n); }
static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(native_iternext(a[0].type())(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
static Result<Value> dqiter_length_hint(Value* a, int64_t, Tuple*) {
  return Value::small(a[0].as<DequeIter>()->counter);
}
static Result<Value> dqiter_reduce(Value* a, int64_t, Tuple*) {
  DequeIter* it = a[0].as<DequeIter>();
  return Value(tuple_of({Value(a[0].type()),
                         Value(tuple_of({Value(it->deque), Value::small(it->deque->size - it->counter)}))}));
}

static const MethodDef deque_methods[] = {
    {"__new__", deque_new, MethKind::Static},
    {"__init__", deque_init},
    {"append", deque_append, MethKind::O},
    {"appendleft", deque_appendleft, MethKind::O},
    {"pop", deque_pop},
    {"popleft", deque_popleft},
    {"extend", deque_extend, MethKind::O},
    {"extendleft", deque_extendleft, MethKind::O},
    {"clear", deque_clear_m},
    {"copy", deque_copy, MethKind::NoArgs},
    {"__copy__", deque_copy},
    {"count", deque_count, MethKind::O},
    {"index", deque_index},
    {"insert", deque_insert},
    {"remove", deque_remove},
    {"reverse", deque_reverse, MethKind::NoArgs},
    {"rotate", deque_rotate},
    {"__getitem__", deque_getitem},
    {"__setitem__", deque_setitem},
    {"__delitem__", deque_delitem},
    {"__len__", deque_len},
    {"__contains__", deque_contains},
    {"__iter__", deque_iter},
    {"__reversed__", deque_reversed},
    {"__repr__", deque_repr},
    {"__lt__", deque_lt},
    {"__le__", deque_le},
    {"__eq__", deque_eq},
    {"__ne__", deque_ne},
    {"__gt__", deque_gt},
    {"__ge__", deque_ge},
    {"__add__", deque_add},
    {"__iadd__", deque_iadd},
    {"__mul__", deque_mul},
    {"__rmul__", deque_mul},
    {"__imul__", deque_imul},
    {"__reduce__", deque_reduce},
    {"__sizeof__", deque_sizeof},
    {"__class_getitem__", class_getitem, MethKind::Class},
    {nullptr, nullptr}};
static const GetSetDef deque_getsets[] = {{"maxlen", deque_maxlen}, {nullptr, nullptr}};

static const MethodDef dqiter_methods[] = {{"__new__", dqiter_new, MethKind::Static},
                                           {"__iter__", iter_self},
                                           {"__next__", iter_next_m},
                                           {"__length_hint__", dqiter_length_hint},
                                           {"__reduce__", dqiter_reduce},
                                           {nullptr, nullptr}};
static const MethodDef dqriter_methods[] = {{"__new__", dqriter_new, MethKind::Static},
                                            {"__iter__", iter_self},
                                            {"__next__", iter_next_m},
                                            {"__length_hint__", dqiter_length_hint},
                                            {"__reduce__", dqiter_reduce},
                                            {nullptr, nullptr}};

// ============================================================================
// defaultdict
// ============================================================================
// A dict (same layout, so every dict fast path applies) plus the factory.
// dict's __getitem__ consults __missing__ for subclasses; that is the hook.
struct DefaultDict : Dict {
  Value factory;  // None or a callable
};
static DefaultDict* DD(Value v) { return static_cast<DefaultDict*>(v.as<Dict>()); }

static Result<Value> dd_init(Value* a, int64_t n, Tuple* kw) {
  DefaultDict* d = DD(a[0]);
  Value factory = None();
  int64_t rest = 0;
  if (n > 1) {
    factory = a[1];
    if (!is_none(factory) && !is_callable(factory))
      return raise(tp_TypeError, "first argument must be callable or None");
    rest = 1;
  }
  d->factory = factory;
  // The remaining arguments initialise the dict exactly like dict.__init__.
  Value dict_init = dict_get_str(tp_dict->dict, N.__init__);
  int64_t total = n - 1 - rest + (kw ? kw->size : 0);
  gc::Vector<Value> args(size_t(total + 1));
  args[0] = a[0];
  for (int64_t i = 0; i < total; i++) args[size_t(i + 1)] = a[1 + rest + i];
  TRY(call(dict_init, args.data(), n - rest, kw));
  return None();
}
static Result<Value> dd_missing(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__missing__", n - 1, 1, 1));
  DefaultDict* d = DD(a[0]);
  if (!d->factory || is_none(d->factory)) {
    Value k[1] = {a[1]};
    return raise_with_args(tp_KeyError, k, 1);
  }
  Value v = TRY(call0(d->factory));
  TRY(setitem(a[0], a[1], v));
  return v;
}
static Value dd_factory_or_none(Value self) {
  Value f = DD(self)->factory;
  return f ? f : None();
}
static Result<Value> dd_new_like(Value self, Value arg) {
  return call2(Value(self.type()), dd_factory_or_none(self), arg);
}
static Result<Value> dd_copy(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("copy", n - 1, 0, 0));
  return dd_new_like(a[0], a[0]);
}
static Result<Value> dd_repr(Value* a, int64_t, Tuple*) {
  Value dict_repr = dict_get_str(tp_dict->dict, N.__repr__);
  Value base = TRY(call1(dict_repr, a[0]));
  std::string fr;
  Value f = dd_factory_or_none(a[0]);
  if (is_none(f)) {
    fr = "None";
  } else if (!repr_enter(f)) {
    fr = "...";
  } else {
    Result<Str*> r = repr(f);
    repr_leave();
    if (r.is_err()) return ERR;
    fr = r.value()->view();
  }
  std::string s(a[0].type()->name->view());
  s += "(" + fr + ", ";
  s += as_str(base)->view();
  s += ")";
  return Value(str_new(s));
}
static Result<Value> dd_reduce(Value* a, int64_t, Tuple*) {
  Value f = dd_factory_or_none(a[0]);
  Value args = is_none(f) ? Value(tuple_empty()) : Value(tuple_of({f}));
  Value items = TRY(call_method0(a[0], N.items));
  Value it = TRY(get_iter(items));
  return Value(tuple_of({Value(a[0].type()), args, None(), None(), it}));
}
static Result<Value> dd_or_impl(Value left, Value right) {
  Value self, other;
  if (isinstance(left, tp_defaultdict)) { self = left; other = right; }
  else { self = right; other = left; }
  if (!is_dict(other)) return Value(g_NotImplemented);
  Value nd = TRY(dd_new_like(self, left));
  TRY(call_method1(nd, str_intern("update"), right));
  return nd;
}
static Result<Value> dd_or(Value* a, int64_t, Tuple*) { return dd_or_impl(a[0], a[1]); }
static Result<Value> dd_ror(Value* a, int64_t, Tuple*) { return dd_or_impl(a[1], a[0]); }
static Result<Value> dd_get_factory(Value self) { return dd_factory_or_none(self); }
static Status dd_set_factory(Value self, Value v) {
  DD(self)->factory = v ? v : None();
  return OK();
}

static const MethodDef dd_methods[] = {{"__init__", dd_init},
                                       {"__missing__", dd_missing},
                                       {"copy", dd_copy, MethKind::NoArgs},
                                       {"__copy__", dd_copy},
                                       {"__repr__", dd_repr},
                                       {"__reduce__", dd_reduce},
                                       {"__or__", dd_or},
                                       {"__ror__", dd_ror},
                                       {"__class_getitem__", class_getitem, MethKind::Class},
                                       {nullptr, nullptr}};
static const GetSetDef dd_getsets[] = {{"default_factory", dd_get_factory, dd_set_factory}, {nullptr, nullptr}};

// ============================================================================
// _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1
// ============================================================================
static Result<Value> count_elements(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_count_elements", kw));
  TRY(check_nargs("_count_elements", n, 2, 2));
  Value mapping = a[0];
  Value it = TRY(get_iter(a[1]));
  // Fast path for plain dicts (and Counter, whose get/__setitem__ are dict's).
  bool fast = false;
  if (is_dict(mapping)) {
    Value g = type_lookup(mapping.type(), N.get);
    Value s = type_lookup(mapping.type(), N.__setitem__);
    fast = g == dict_get_str(tp_dict->dict, N.get) && s == dict_get_str(tp_dict->dict, N.__setitem__);
  }
  Value getm;
  if (!fast) getm = TRY(getattr(mapping, N.get));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    if (fast) {
      Value old;
      TRY(dict_get2(as_dict(mapping), x, &old));
      Value nv = old ? TRY(binary_op(old, Value::small(1), NB_ADD)) : Value::small(1);
      TRY(dict_set(as_dict(mapping), x, nv));
    } else {
      Value old = TRY(call2(getm, x, Value::small(0)));
      Value nv = TRY(binary_op(old, Value::small(1), NB_ADD));
      TRY(setitem(mapping, x, nv));
    }
  }
  return None();
}

// ============================================================================
// _tuplegetter(index, doc): the descriptor behind namedtuple fields
// ============================================================================
struct TupleGetter : Object {
  int64_t index;
  Value doc;
};
static Result<Value> tg_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_tuplegetter", kw));
  TRY(check_nargs("_tuplegetter", n - 1, 2, 2));
  int64_t i = TRY(as_index(a[1]));
  TupleGetter* g = static_cast<TupleGetter*>(alloc_instance(as_type(a[0]), sizeof(TupleGetter)));
  g->index = i;
  g->doc = a[2];
  return Value(g);
}
static Result<Value> tg_get(Value* a, int64_t n, Tuple*) {
  TupleGetter* g = a[0].as<TupleGetter>();
  Value obj = n > 1 ? a[1] : None();
  if (is_none(obj)) return a[0];
  if (!is_tuple(obj))
    return raise_fmt(tp_TypeError, "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                     (long long)g->index, type_name(obj));
  Tuple* t = as_tuple(obj);
  if (g->index < 0 || g->index >= t->size) return raise(tp_IndexError, "tuple index out of range");
  return t->items[g->index];
}
static Result<Value> tg_set(Value* a, int64_t, Tuple*) { return raise(tp_AttributeError, "can't set attribute"); }
static Result<Value> tg_delete(Value* a, int64_t, Tuple*) { return raise(tp_AttributeError, "can't delete attribute"); }
static Result<Value> tg_reduce(Value* a, int64_t, Tuple*) {
  TupleGetter* g = a[0].as<TupleGetter>();
  return Value(tuple_of({Value(a[0].type()), Value(tuple_of({int_from_i64(g->index), g->doc}))}));
}
static Result<Value> tg_repr(Value* a, int64_t, Tuple*) {
  TupleGetter* g = a[0].as<TupleGetter>();
  Str* d = TRY(repr(g->doc ? g->doc : None()));
  std::string s(a[0].type()->name->view());
  s += "(" + std::to_string(g->index) + ", " + std::string(d->view()) + ")";
  return Value(str_new(s));
}
static Result<Value> tg_get_doc(Value self) {
  Value d = self.as<TupleGetter>()->doc;
  return d ? d : None();
}
static Status tg_set_doc(Value self, Value v) {
  self.as<TupleGetter>()->doc = v ? v : None();
  return OK();
}
static const MethodDef tg_methods[] = {{"__new__", tg_new, MethKind::Static},
                                       {"__get__", tg_get},
                                       {"__set__", tg_set},
                                       {"__delete__", tg_delete},
                                       {"__reduce__", tg_reduce},
                                       {"__repr__", tg_repr},
                                       {nullptr, nullptr}};
static const GetSetDef tg_getsets[] = {{"__doc__", tg_get_doc, tg_set_doc}, {nullptr, nullptr}};

// ============================================================================
static const MethodDef functions[] = {{"_count_elements", count_elements}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_collections", functions, "High performance data structures.");
  if (!tp_deque) {
    tp_deque = native_type_new("collections", "deque", tp_object, Layout::Other, sizeof(Deque), deque_methods,
                               deque_getsets);
    type_set_attr_const(tp_deque, "__hash__", None());
    tp_deque->flags |= TF_SEQUENCE;  // a sequence for match statements, as in CPython
    tp_deque_iter = native_type_new("_collections", "_deque_iterator", tp_object, Layout::Other,
                                    sizeof(DequeIter), dqiter_methods, nullptr, 0);
    tp_deque_iter->iternext = dqiter_next;
    tp_deque_riter = native_type_new("_collections", "_deque_reverse_iterator", tp_object, Layout::Other,
                                     sizeof(DequeIter), dqriter_methods, nullptr, 0);
    tp_deque_riter->iternext = dqriter_next;
    tp_defaultdict = native_type_new("collections", "defaultdict", tp_dict, Layout::Dict, sizeof(DefaultDict),
                                     dd_methods, dd_getsets);
    weakref_deny_type(tp_defaultdict);  // like CPython: defaultdict instances take no weak references
    tp_tuplegetter = native_type_new("_collections", "_tuplegetter", tp_object, Layout::Other,
                                     sizeof(TupleGetter), tg_methods, tg_getsets, 0);
  }
  Dict* md = m->dict;
  dict_set_str(md, str_intern("deque"), Value(tp_deque));
  dict_set_str(md, str_intern("defaultdict"), Value(tp_defaultdict));
  dict_set_str(md, str_intern("_deque_iterator"), Value(tp_deque_iter));
  dict_set_str(md, str_intern("_deque_reverse_iterator"), Value(tp_deque_riter));
  dict_set_str(md, str_intern("_tuplegetter"), Value(tp_tuplegetter));
  return Value(m);
}
GILPY_NATIVE_MODULE("_collections", init);

}  // namespace gilpy
