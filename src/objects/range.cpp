// range: a lazy arithmetic sequence. Fast path for bounds that fit in a
// machine word (iteration allocates nothing); big bounds go through int ops.
#include <string>

#include "bytecode/opcodes.h"
#include "objects/int.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

struct Range : Object {
  Value start, stop, step, length;  // all ints
};
static Range* R(Value v) { return v.as<Range>(); }

static Result<Value> compute_length(Value lo, Value hi, Value step) {
  // len = max(0, (hi - lo + step - sign(step)) // step)
  int64_t a, b, c;
  if (int_fits_i64(lo, &a) && int_fits_i64(hi, &b) && int_fits_i64(step, &c) && Value::fits_small(a) &&
      Value::fits_small(b) && Value::fits_small(c)) {
    int64_t n;
    if (c > 0) n = a < b ? (b - a - 1) / c + 1 : 0;
    else n = a > b ? (a - b - 1) / (-c) + 1 : 0;
    return int_from_i64(n);
  }
  int sgn = int_sign(step);
  Value diff = TRY(int_binary(hi, lo, NB_SUBTRACT));
  Value adj = TRY(int_binary(diff, step, NB_ADD));
  adj = TRY(int_binary(adj, Value::small(sgn), NB_SUBTRACT));
  Value n = TRY(int_binary(adj, step, NB_FLOOR_DIVIDE));
  if (int_sign(n) < 0) return Value::small(0);
  return n;
}

static Result<Value> range_new_m(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("range", kw));
  if (n < 2) return raise(tp_TypeError, "range expected at least 1 argument, got 0");
  if (n > 4) return raise_fmt(tp_TypeError, "range expected at most 3 arguments, got %lld", (long long)(n - 1));
  Value lo = Value::small(0), hi, step = Value::small(1);
  if (n == 2) {
    hi = TRY(index_value(a[1]));
  } else {
    lo = TRY(index_value(a[1]));
    hi = TRY(index_value(a[2]));
    if (n == 4) {
      step = TRY(index_value(a[3]));
      if (int_sign(step) == 0) return raise(tp_ValueError, "range() arg 3 must not be zero");
    }
  }
  Range* r = static_cast<Range*>(alloc_instance(tp_range, sizeof(Range)));
  r->start = lo;
  r->stop = hi;
  r->step = step;
  r->length = TRY(compute_length(lo, hi, step));
  return Value(r);
}

static Result<Value> item_at(Range* r, Value i) {
  Value off = TRY(int_binary(i, r->step, NB_MULTIPLY));
  return int_binary(r->start, off, NB_ADD);
}

static Result<Value> range_len(Value* a, int64_t, Tuple*) {
  int64_t n;
  if (!int_fits_i64(R(a[0])->length, &n))
    return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return int_from_i64(n);
}
// range[slice] with Python-int arithmetic (CPython's compute_slice): lengths
// and steps beyond a machine word work.
static Result<Value> range_slice(Range* r, Slice* sl) {
  Value start, stop, step;
  TRY(slice_long_indices(sl, r->length, &start, &stop, &step));
  Value args[3] = {TRY(item_at(r, start)), TRY(item_at(r, stop)), TRY(int_binary(r->step, step, NB_MULTIPLY))};
  return call(Value(tp_range), args, 3);
}
static Result<Value> range_getitem(Value* a, int64_t, Tuple*) {
  Range* r = R(a[0]);
  if (is_slice(a[1])) return range_slice(r, a[1].as<Slice>());
  Result<Value> iv = index_value(a[1]);
  if (iv.is_err()) {
    exc_clear();
    return raise_fmt(tp_TypeError, "range indices must be integers or slices, not %s", type_name(a[1]));
  }
  Value i = iv.value();
  if (int_sign(i) < 0) i = TRY(int_binary(i, r->length, NB_ADD));
  Value lt = TRY(int_compare(i, r->length, CMP_LT));
  if (int_sign(i) < 0 || lt == False()) return raise(tp_IndexError, "range object index out of range");
  return item_at(r, i);
}
static Result<bool> range_has(Range* r, Value x) {
  if (!is_int(x)) return false;
  if (int_sign(r->length) == 0) return false;
  Value lo_ok, hi_ok;
  if (int_sign(r->step) > 0) {
    lo_ok = TRY(int_compare(x, r->start, CMP_GE));
    hi_ok = TRY(int_compare(x, r->stop, CMP_LT));
  } else {
    lo_ok = TRY(int_compare(x, r->start, CMP_LE));
    hi_ok = TRY(int_compare(x, r->stop, CMP_GT));
  }
  if (lo_ok == False() || hi_ok == False()) return false;
  Value diff = TRY(int_binary(x, r->start, NB_SUBTRACT));
  Value rem = TRY(int_binary(diff, r->step, NB_REMAINDER));
  return int_sign(rem) == 0;
}
// CPython's _PySequence_IterSearch: values other than exact ints and bools are
// compared with each item through __eq__ (an int subclass may define its own).
enum class Search { Contains, Count, Index };
static Result<Value> range_search(Value self, Value x, Search how) {
  Value it = TRY(get_iter(self));
  int64_t n = 0;
  for (int64_t i = 0;; i++) {
    Value v;
    TRY(iter_next(it, &v));
    if (!v) break;
    if (!TRY(eq(v, x))) continue;
    if (how == Search::Contains) return True();
    if (how == Search::Index) return Value::small(i);
    n++;
  }
  if (how == Search::Contains) return False();
  if (how == Search::Index) return raise(tp_ValueError, "sequence.index(x): x not in sequence");
  return Value::small(n);
}
static bool exact_int(Value v) { return v.is_small() || v.type() == tp_int || v.type() == tp_bool; }
static Result<Value> range_contains(Value* a, int64_t, Tuple*) {
  Range* r = R(a[0]);
  if (exact_int(a[1])) return Bool(TRY(range_has(r, a[1])));
  return range_search(a[0], a[1], Search::Contains);
}
static Result<Value> range_index(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("index", n - 1, 1, 1));
  Range* r = R(a[0]);
  if (!exact_int(a[1])) return range_search(a[0], a[1], Search::Index);
  if (TRY(range_has(r, a[1]))) {
    Value diff = TRY(int_binary(a[1], r->start, NB_SUBTRACT));
    return int_binary(diff, r->step, NB_FLOOR_DIVIDE);
  }
  Str* s = TRY(repr(a[1]));
  return raise(tp_ValueError, std::string(s->view()) + " is not in range");
}
static Result<Value> range_count(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("count", n - 1, 1, 1));
  if (exact_int(a[1])) return Value::small(TRY(range_has(R(a[0]), a[1])) ? 1 : 0);
  return range_search(a[0], a[1], Search::Count);
}
static Result<Value> range_repr(Value* a, int64_t, Tuple*) {
  Range* r = R(a[0]);
  std::string s = "range(" + int_to_string(r->start) + ", " + int_to_string(r->stop);
  if (!(r->step.is_small() && r->step.as_small() == 1)) s += ", " + int_to_string(r->step);
  return Value(str_new(s + ")"));
}
static Result<Value> range_eq_impl(Range* x, Range* y) {
  if (x == y) return True();
  if (!TRY(eq(x->length, y->length))) return False();
  if (int_sign(x->length) == 0) return True();
  if (!TRY(eq(x->start, y->start))) return False();
  if (x->length.is_small() && x->length.as_small() == 1) return True();
  return Bool(TRY(eq(x->step, y->step)));
}
static Result<Value> range_eq(Value* a, int64_t, Tuple*) {
  if (a[1].type() != tp_range) return Value(g_NotImplemented);
  return range_eq_impl(R(a[0]), R(a[1]));
}
static Result<Value> range_ne(Value* a, int64_t, Tuple*) {
  if (a[1].type() != tp_range) return Value(g_NotImplemented);
  return Bool(TRY(range_eq_impl(R(a[0]), R(a[1]))) == False());
}
static Result<Value> range_hash(Value* a, int64_t, Tuple*) {
  Range* r = R(a[0]);
  Tuple* t;
  if (int_sign(r->length) == 0) t = tuple_of({r->length, None(), None()});
  else if (r->length.is_small() && r->length.as_small() == 1) t = tuple_of({r->length, r->start, None()});
  else t = tuple_of({r->length, r->start, r->step});
  return int_from_i64(TRY(hash(Value(t))));
}
static Result<Value> range_bool(Value* a, int64_t, Tuple*) { return Bool(int_sign(R(a[0])->length) != 0); }
static Result<Value> range_reduce(Value* a, int64_t, Tuple*) {
  Range* r = R(a[0]);
  return Value(tuple_of({Value(tp_range), Value(tuple_of({r->start, r->stop, r->step}))}));
}
static Result<Value> r_start(Value s) { return R(s)->start; }
static Result<Value> r_stop(Value s) { return R(s)->stop; }
static Result<Value> r_step(Value s) { return R(s)->step; }

// Iterator: machine-word fast path; big ranges iterate with int objects.
struct RangeIter : Object {
  int64_t next, step, remaining;
  Value big_next, big_step, big_remaining;  // used when the range does not fit in words
  Value start, length;  // where the iteration began, for pickling (CPython's index = length - remaining)
};
static Status rangeiter_next(Value self, Value* out) {
  RangeIter* it = self.as<RangeIter>();
  if (!it->big_remaining) {
    if (it->remaining <= 0) { *out = Value(); return OK(); }
    *out = Value::small(it->next);
    it->next += it->step;
    it->remaining--;
    return OK();
  }
  if (int_sign(it->big_remaining) <= 0) { *out = Value(); return OK(); }
  *out = it->big_next;
  it->big_next = TRY(int_binary(it->big_next, it->big_step, NB_ADD));
  it->big_remaining = TRY(int_binary(it->big_remaining, Value::small(1), NB_SUBTRACT));
  return OK();
}
// Position `it` at `start`, with `length` values still to produce.
static void iter_position(RangeIter* it, Value start, Value step, Value length) {
  int64_t a, c, n;
  // The fast path needs every produced value to stay a small int.
  Value last = Value();
  if (int_fits_i64(start, &a) && int_fits_i64(step, &c) && int_fits_i64(length, &n) && Value::fits_small(a) &&
      Value::fits_small(c) && n >= 0 && n < (int64_t(1) << 61)) {
    __int128 end = __int128(a) + __int128(c) * n;
    if (end >= Value::kSmallMin && end <= Value::kSmallMax) {
      it->next = a;
      it->step = c;
      it->remaining = n;
      it->big_next = it->big_step = it->big_remaining = Value();
      return;
    }
  }
  (void)last;
  it->big_next = start;
  it->big_step = step;
  it->big_remaining = length;
}
static Value make_iter(Value start, Value step, Value length) {
  RangeIter* it = static_cast<RangeIter*>(alloc_instance(tp_range_iterator, sizeof(RangeIter)));
  iter_position(it, start, step, length);
  it->start = start;
  it->length = length;
  return Value(it);
}
static Result<Value> range_iter(Value* a, int64_t, Tuple*) {
  Range* r = R(a[0]);
  return make_iter(r->start, r->step, r->length);
}
static Result<Value> range_reversed(Value* a, int64_t, Tuple*) {
  Range* r = R(a[0]);
  Value last = TRY(item_at(r, TRY(int_binary(r->length, Value::small(1), NB_SUBTRACT))));
  Value nstep = TRY(int_binary(Value::small(0), r->step, NB_SUBTRACT));
  return make_iter(last, nstep, r->length);
}
static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(rangeiter_next(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
static Result<Value> rangeiter_len(Value* a, int64_t, Tuple*) {
  RangeIter* it = a[0].as<RangeIter>();
  return it->big_remaining ? it->big_remaining : Value::small(it->remaining);
}

static const MethodDef range_methods[] = {
    {"__new__", range_new_m, MethKind::Static}, {"__len__", range_len}, {"__getitem__", range_getitem},
    {"__contains__", range_contains}, {"index", range_index, MethKind::O}, {"count", range_count, MethKind::O}, {"__repr__", range_repr},
    {"__eq__", range_eq}, {"__ne__", range_ne}, {"__hash__", range_hash}, {"__bool__", range_bool},
    {"__iter__", range_iter}, {"__reversed__", range_reversed}, {"__reduce__", range_reduce}, {nullptr, nullptr}};
static const GetSetDef range_getsets[] = {{"start", r_start}, {"stop", r_stop}, {"step", r_step}, {nullptr, nullptr}};
// CPython 3.11's rangeiter_reduce: (iter, (range(start, start + length * step, step),), index).
static Result<Value> rangeiter_reduce(Value* a, int64_t, Tuple*) {
  RangeIter* it = a[0].as<RangeIter>();
  Value step = it->big_remaining ? it->big_step : Value::small(it->step);
  Value remaining = TRY(rangeiter_len(a, 1, nullptr));
  Value stop = TRY(int_binary(it->start, TRY(int_binary(it->length, step, NB_MULTIPLY)), NB_ADD));
  Value args[3] = {it->start, stop, step};
  Value r = TRY(call(Value(tp_range), args, 3));
  Value index = TRY(int_binary(it->length, remaining, NB_SUBTRACT));
  return Value(tuple_of({builtin_iter(), Value(tuple_of({r})), index}));
}
// __setstate__(index): resume at start + index * step, index clamped to [0, length].
static Result<Value> rangeiter_setstate(Value* a, int64_t, Tuple*) {
  RangeIter* it = a[0].as<RangeIter>();
  Value index = TRY(index_value(a[1]));
  int64_t i, n;
  // CPython's iterator over a machine-word range reads the index as a C long.
  if (int_fits_i64(it->start, &i) && int_fits_i64(it->length, &n) && !int_fits_i64(index, &i))
    return raise(tp_OverflowError, "Python int too large to convert to C long");
  if (int_sign(index) < 0) index = Value::small(0);
  Value over = TRY(int_compare(index, it->length, CMP_GT));
  if (over == True()) index = it->length;
  Value step = it->big_remaining ? it->big_step : Value::small(it->step);
  Value next = TRY(int_binary(it->start, TRY(int_binary(index, step, NB_MULTIPLY)), NB_ADD));
  iter_position(it, next, step, TRY(int_binary(it->length, index, NB_SUBTRACT)));
  return None();
}
static const MethodDef rangeiter_methods[] = {{"__iter__", iter_self}, {"__next__", iter_next_m},
                                              {"__length_hint__", rangeiter_len}, {"__reduce__", rangeiter_reduce},
                                              {"__setstate__", rangeiter_setstate}, {nullptr, nullptr}};

void init_range_type() {
  type_add_methods(tp_range, range_methods);
  type_add_getsets(tp_range, range_getsets);
  type_add_methods(tp_range_iterator, rangeiter_methods);
  tp_range_iterator->iternext = rangeiter_next;
}

size_t range_size() { return sizeof(Range); }

}  // namespace gilpy
