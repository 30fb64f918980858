// _bisect: binary search over sorted sequences (the accelerator behind
// bisect.py): bisect_left/right and insort_left/right, with lo/hi and key.
// Exact lists are read directly; any other sequence goes through __getitem__.
// Each comparison can run Python code that shrinks the list, so a list index
// is re-checked against the current size before every read.
#include "bytecode/opcodes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

static Result<Value> item_at(Value seq, int64_t i) {
  if (seq.type() == tp_list) {
    List* l = as_list(seq);
    if (i < l->size) return l->items[i];
    return raise(tp_IndexError, "list index out of range");
  }
  return getitem(seq, int_from_i64(i));
}

// The insertion point for x in seq[lo:hi]; `right` selects bisect_right.
static Result<int64_t> search(Value seq, Value x, int64_t lo, int64_t hi, Value key, bool right) {
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    Value item = TRY(item_at(seq, mid));
    if (key) item = TRY(call1(key, item));
    bool go_left;
    if (right) {
      go_left = TRY(richcompare_bool(x, item, CMP_LT));
    } else {
      bool lt = TRY(richcompare_bool(item, x, CMP_LT));
      go_left = !lt;
    }
    if (go_left) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

static Status parse_bounds(const char* fname, Value* a, int64_t n, Tuple* kw, Value* out, int64_t* lo, int64_t* hi) {
  TRY(parse_args(fname, a, n, kw, {"a", "x", "lo", "hi", "key"}, 2, out, 0, 4));
  *lo = 0;
  if (out[2]) *lo = TRY(as_index(out[2]));
  if (*lo < 0) return raise(tp_ValueError, "lo must be non-negative");
  if (out[3] && !is_none(out[3])) {
    *hi = TRY(as_index(out[3]));
  } else {
    *hi = TRY(len(out[0]));
  }
  if (out[4] && is_none(out[4])) out[4] = Value();
  return OK();
}

static Result<Value> bisect_common(const char* fname, Value* a, int64_t n, Tuple* kw, bool right) {
  Value out[5];
  int64_t lo, hi;
  TRY(parse_bounds(fname, a, n, kw, out, &lo, &hi));
  int64_t r = TRY(search(out[0], out[1], lo, hi, out[4], right));
  return int_from_i64(r);
}
static Result<Value> insort_common(const char* fname, Value* a, int64_t n, Tuple* kw, bool right) {
  Value out[5];
  int64_t lo, hi;
  TRY(parse_bounds(fname, a, n, kw, out, &lo, &hi));
  Value k = out[1];
  if (out[4]) k = TRY(call1(out[4], out[1]));
  int64_t i = TRY(search(out[0], k, lo, hi, out[4], right));
  if (out[0].type() == tp_list) {
    TRY(list_insert(as_list(out[0]), i, out[1]));
  } else {
    Value args[2] = {int_from_i64(i), out[1]};
    TRY(call_method(out[0], str_intern("insert"), args, 2));
  }
  return None();
}
static Result<Value> b_bisect_right(Value* a, int64_t n, Tuple* kw) { return bisect_common("bisect_right", a, n, kw, true); }
static Result<Value> b_bisect_left(Value* a, int64_t n, Tuple* kw) { return bisect_common("bisect_left", a, n, kw, false); }
static Result<Value> b_insort_right(Value* a, int64_t n, Tuple* kw) { return insort_common("insort_right", a, n, kw, true); }
static Result<Value> b_insort_left(Value* a, int64_t n, Tuple* kw) { return insort_common("insort_left", a, n, kw, false); }

static const MethodDef functions[] = {{"bisect_right", b_bisect_right},
                                      {"bisect_left", b_bisect_left},
                                      {"insort_right", b_insort_right},
                                      {"insort_left", b_insort_left},
                                      {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_bisect", functions, "Bisection algorithms.");
  return Value(m);
}
GILPY_NATIVE_MODULE("_bisect", init);

}  // namespace gilpy
