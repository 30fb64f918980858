// slice: construction, indices(), and the normalisation helpers.
#include "objects/slice.h"

#include <string>

#include "bytecode/opcodes.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

Value slice_new(Value start, Value stop, Value step) {
  Slice* s = static_cast<Slice*>(alloc_instance(tp_slice, sizeof(Slice)));
  s->start = start ? start : None();
  s->stop = stop ? stop : None();
  s->step = step ? step : None();
  return Value(s);
}

// An index value clamped into int64 range (huge ints saturate, as CPython's
// _PyEval_SliceIndex does).
static Result<int64_t> clamp_index(Value v) {
  if (v.is_small()) return v.as_small();
  Result<Value> r = index_value(v);
  if (r.is_err()) {
    exc_clear();
    return raise(tp_TypeError, "slice indices must be integers or None or have an __index__ method");
  }
  Value iv = r.value();
  int64_t x;
  if (int_fits_i64(iv, &x)) return x;
  return int_sign(iv) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
}

// All conversions (__index__ may run Python code that resizes the sequence)
// happen before *length is read, as CPython's PySlice_Unpack then
// PySlice_AdjustIndices do.
Result<int64_t> slice_indices(Slice* s, const int64_t* length_ptr, int64_t* start, int64_t* stop, int64_t* step) {
  return slice_indices(s, [](void* p) { return *static_cast<const int64_t*>(p); }, const_cast<int64_t*>(length_ptr),
                       start, stop, step);
}

Result<int64_t> slice_indices(Slice* s, int64_t (*length_fn)(void*), void* ctx, int64_t* start, int64_t* stop,
                              int64_t* step) {
  int64_t st = 1;
  if (!is_none(s->step)) {
    st = TRY(clamp_index(s->step));
    if (st == 0) return raise(tp_ValueError, "slice step cannot be zero");
  }
  bool has_lo = !is_none(s->start), has_hi = !is_none(s->stop);
  int64_t lo = has_lo ? TRY(clamp_index(s->start)) : 0;
  int64_t hi = has_hi ? TRY(clamp_index(s->stop)) : 0;
  const int64_t length = length_fn(ctx);
  if (!has_lo) {
    lo = st < 0 ? length - 1 : 0;
  } else if (lo < 0) {
    lo += length;
    if (lo < 0) lo = st < 0 ? -1 : 0;
  } else if (lo >= length) {
    lo = st < 0 ? length - 1 : length;
  }
  if (!has_hi) {
    hi = st < 0 ? -1 : length;
  } else if (hi < 0) {
    hi += length;
    if (hi < 0) hi = st < 0 ? -1 : 0;
  } else if (hi >= length) {
    hi = st < 0 ? length - 1 : length;
  }
  *start = lo;
  *stop = hi;
  *step = st;
  if (st < 0) return hi < lo ? (lo - hi - 1) / (-st) + 1 : 0;
  return lo < hi ? (hi - lo - 1) / st + 1 : 0;
}

Result<int64_t> slice_indices(Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step) {
  return slice_indices(s, &length, start, stop, step);
}

Result<int64_t> seq_index(Value key, int64_t length, const char* what) { return seq_index(key, &length, what); }

// range_msg: the IndexError for an index out of range, when not "WHAT index
// out of range" (list assignment words it its own way).
Result<int64_t> seq_index(Value key, const int64_t* length_ptr, const char* what, const char* range_msg) {
  int64_t i;
  if (key.is_small()) {
    i = key.as_small();
  } else {
    Result<Value> iv = index_value(key);
    if (iv.is_err()) {
      exc_clear();
      return raise_fmt(tp_TypeError, "%s indices must be integers or slices, not %s", what, type_name(key));
    }
    if (!int_fits_i64(iv.value(), &i))
      return raise_fmt(tp_IndexError, "cannot fit 'int' into an index-sized integer");
  }
  const int64_t length = *length_ptr;  // read after __index__ ran
  if (i < 0) i += length;
  if (i < 0 || i >= length) {
    if (range_msg) return raise(tp_IndexError, range_msg);
    return raise_fmt(tp_IndexError, "%s index out of range", what);
  }
  return i;
}

static Slice* S(Value v) { return v.as<Slice>(); }
static Result<Value> slice_new_m(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("slice", kw));
  TRY(check_nargs("slice", n - 1, 1, 3));
  if (n == 2) return slice_new(None(), a[1], None());
  return slice_new(a[1], a[2], n > 3 ? a[3] : None());
}
static Result<Value> slice_repr(Value* a, int64_t, Tuple*) {
  Str* x = TRY(repr(S(a[0])->start));
  Str* y = TRY(repr(S(a[0])->stop));
  Str* z = TRY(repr(S(a[0])->step));
  return Value(str_new("slice(" + std::string(x->view()) + ", " + std::string(y->view()) + ", " +
                       std::string(z->view()) + ")"));
}
// A slice bound as a Python int (CPython's evaluate_slice_index: __index__ errors propagate).
static Result<Value> slice_bound(Value v) {
  if (!is_int(v) && !type_lookup(v.type(), N.__index__))
    return raise(tp_TypeError, "slice indices must be integers or None or have an __index__ method");
  return index_value(v);
}
// `v` (or its default when None) resolved against `length` and clamped to [lower, upper].
static Result<Value> clamp_bound(Value v, Value dflt, Value length, Value lower, Value upper) {
  if (is_none(v)) return dflt;
  Value i = TRY(slice_bound(v));
  if (int_sign(i) < 0) {
    i = TRY(int_binary(i, length, NB_ADD));
    if (TRY(int_compare(i, lower, CMP_LT)) == True()) return lower;
  } else if (TRY(int_compare(i, upper, CMP_GT)) == True()) {
    return upper;
  }
  return i;
}
Status slice_long_indices(Slice* sl, Value length, Value* start, Value* stop, Value* step) {
  *step = Value::small(1);
  if (!is_none(sl->step)) {
    *step = TRY(slice_bound(sl->step));
    if (int_sign(*step) == 0) return raise(tp_ValueError, "slice step cannot be zero");
  }
  bool back = int_sign(*step) < 0;
  Value lower = back ? Value::small(-1) : Value::small(0);
  Value upper = back ? TRY(int_binary(length, Value::small(1), NB_SUBTRACT)) : length;
  *start = TRY(clamp_bound(sl->start, back ? upper : lower, length, lower, upper));
  *stop = TRY(clamp_bound(sl->stop, back ? lower : upper, length, lower, upper));
  return OK();
}

static Result<Value> slice_indices_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("indices", n - 1, 1, 1));
  Value length = TRY(index_value(a[1]));
  if (int_sign(length) < 0) return raise(tp_ValueError, "length should not be negative");
  Value start, stop, step;
  TRY(slice_long_indices(S(a[0]), length, &start, &stop, &step));
  return Value(tuple_of({start, stop, step}));
}
static Result<Value> slice_eq(Value* a, int64_t, Tuple*) {
  if (a[1].type() != tp_slice) return Value(g_NotImplemented);
  Tuple* x = tuple_of({S(a[0])->start, S(a[0])->stop, S(a[0])->step});
  Tuple* y = tuple_of({S(a[1])->start, S(a[1])->stop, S(a[1])->step});
  return richcompare(Value(x), Value(y), 2);
}
static Result<Value> slice_reduce(Value* a, int64_t, Tuple*) {
  return Value(tuple_of({Value(tp_slice), Value(tuple_of({S(a[0])->start, S(a[0])->stop, S(a[0])->step}))}));
}
static Result<Value> sl_start(Value s) { return S(s)->start; }
static Result<Value> sl_stop(Value s) { return S(s)->stop; }
static Result<Value> sl_step(Value s) { return S(s)->step; }
static const MethodDef slice_methods[] = {{"__new__", slice_new_m, MethKind::Static}, {"__repr__", slice_repr},
                                          {"indices", slice_indices_m, MethKind::O}, {"__eq__", slice_eq},
                                          {"__reduce__", slice_reduce}, {nullptr, nullptr}};
static const GetSetDef slice_getsets[] = {{"start", sl_start}, {"stop", sl_stop}, {"step", sl_step}, {nullptr, nullptr}};

void init_slice_type() {
  type_add_methods(tp_slice, slice_methods);
  type_add_getsets(tp_slice, slice_getsets);
  type_set_attr_const(tp_slice, "__hash__", None());
}

}  // namespace gilpy
