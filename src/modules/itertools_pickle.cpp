// itertools pickling: the __reduce__ / __setstate__ pairs (and tee's __copy__ helpers) through
// which copy.copy, copy.deepcopy and pickle handle CPython 3.11's itertools objects.
//
// Each reduce value has the shape CPython 3.11 gives (the class, its constructor arguments, then
// the state that __setstate__ takes back), so pickles move between gilpy and CPython, and the
// state checks raise CPython's exceptions with its messages ("state is not a tuple", "invalid
// arguments", the PyArg_ParseTuple wordings). pairwise has no __reduce__ in 3.11 and stays
// unpicklable. (CPython 3.12 deprecates all of this and 3.14 removes it.)
#include "modules/itertools_internal.h"

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {
namespace itertools_impl {

namespace {

Value cls_of(Value self) { return Value(self.type()); }
Value tup(std::initializer_list<Value> items) { return Value(tuple_of(items)); }
Value empty_tuple() { return Value(tuple_new(0)); }
Value or_none(Value v) { return v ? v : None(); }

// ---- argument conversions with CPython's wording ------------------------------------------------

Status need_state_tuple(Value state) {
  if (!is_tuple(state)) return raise(tp_TypeError, "state is not a tuple");
  return OK();
}

// PyArg_ParseTuple's arity message when no function name is given.
Status check_arity(Tuple* t, int64_t min, int64_t max) {
  int64_t n = t->size;
  if (n >= min && n <= max) return OK();
  const char* how = min == max ? "exactly" : n < min ? "at least" : "at most";
  int64_t k = n < min ? min : max;
  return raise_fmt(tp_TypeError, "function takes %s %lld argument%s (%lld given)", how, (long long)k,
                   k == 1 ? "" : "s", (long long)n);
}

// PyArg_ParseTuple's "O!" for argument number `pos` (1-based).
Status check_arg_type(Value v, Type* t, int pos) {
  if (isinstance(v, t)) return OK();
  return raise_fmt(tp_TypeError, "argument %d must be %s, not %s", pos, type_name_of(t), type_name(v));
}

// PyArg_ParseTuple's "i" (a C int, through __index__).
Result<int64_t> c_int(Value v) {
  if (!is_int(v) && !type_lookup(v.type(), N.__index__))
    return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x)) return raise(tp_OverflowError, "Python int too large to convert to C long");
  if (x > INT32_MAX) return raise(tp_OverflowError, "signed integer is greater than maximum");
  if (x < INT32_MIN) return raise(tp_OverflowError, "signed integer is less than minimum");
  return x;
}

// PyLong_AsSsize_t: an int (no __index__), within Py_ssize_t.
Result<int64_t> ssize(Value v) {
  if (!is_int(v)) return raise(tp_TypeError, "an integer is required");
  int64_t x;
  if (!int_fits_i64(v, &x)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return x;
}

bool is_iterator(Value v) {
  Type* t = v.type();
  return t->iternext || type_lookup(t, N.__next__);
}

Value indices_tuple(const int64_t* idx, int64_t n) {
  Tuple* t = tuple_new(n);
  for (int64_t i = 0; i < n; i++) t->items[i] = Value::small(idx[i]);
  return Value(t);
}


// ---- cycle ---------------------------------------------------------------------------------------

Result<Value> cycle_reduce(Value* a, int64_t, Tuple*) {
  Cycle* c = a[0].as<Cycle>();
  if (!c->it) {
    // The source is done: an iterator over `saved` at the current position stands in for it.
    Value it = TRY(get_iter(Value(c->saved)));
    if (c->index != 0) TRY(call_method1(it, N.__setstate__, Value::small(c->index)));
    return tup({cls_of(a[0]), tup({it}), tup({Value(c->saved), Bool(true)})});
  }
  return tup({cls_of(a[0]), tup({c->it}), tup({Value(c->saved), Bool(c->firstpass)})});
}
Result<Value> cycle_setstate(Value* a, int64_t, Tuple*) {
  Cycle* c = a[0].as<Cycle>();
  TRY(need_state_tuple(a[1]));
  Tuple* st = as_tuple(a[1]);
  TRY(check_arity(st, 2, 2));
  TRY(check_arg_type(st->items[0], tp_list, 1));
  int64_t firstpass = TRY(c_int(st->items[1]));  // 1/0 in old pickles, True/False in new ones
  c->saved = as_list(st->items[0]);
  c->firstpass = firstpass != 0;
  c->index = 0;
  return None();
}

// ---- accumulate ----------------------------------------------------------------------------------

Result<Value> accumulate_reduce(Value* a, int64_t, Tuple*) {
  Accumulate* acc = a[0].as<Accumulate>();
  Value func = or_none(acc->func);
  Value it = acc->it ? acc->it : TRY(get_iter(empty_tuple()));
  if (acc->initial) {
    // Not started: the initial value goes back in front of the source.
    Value ch = TRY(call2(Value(tp_chain), tup({acc->initial}), it));
    return tup({cls_of(a[0]), tup({ch, func}), None()});
  }
  if (acc->total && is_none(acc->total)) {
    // A None state would not be restored (pickle skips it), so replay the None total
    // through the source and skip it with islice.
    Value ch = TRY(call2(Value(tp_chain), tup({acc->total}), it));
    Value again = TRY(call2(cls_of(a[0]), ch, func));
    return tup({Value(tp_islice), tup({again, Value::small(1), None()})});
  }
  return tup({cls_of(a[0]), tup({it, func}), or_none(acc->total)});
}
Result<Value> accumulate_setstate(Value* a, int64_t, Tuple*) {
  a[0].as<Accumulate>()->total = a[1];
  return None();
}

// ---- chain ---------------------------------------------------------------------------------------

Result<Value> chain_reduce(Value* a, int64_t, Tuple*) {
  Chain* c = a[0].as<Chain>();
  // Built empty, then given its source (and current iterator) by __setstate__.
  if (!c->source) return tup({cls_of(a[0]), empty_tuple()});
  if (c->active) return tup({cls_of(a[0]), empty_tuple(), tup({c->source, c->active})});
  return tup({cls_of(a[0]), empty_tuple(), tup({c->source})});
}
Result<Value> chain_setstate(Value* a, int64_t, Tuple*) {
  Chain* c = a[0].as<Chain>();
  TRY(need_state_tuple(a[1]));
  Tuple* st = as_tuple(a[1]);
  TRY(check_arity(st, 1, 2));
  Value source = st->items[0];
  Value active = st->size > 1 ? st->items[1] : Value();
  if (!is_iterator(source) || (active && !is_iterator(active)))
    return raise(tp_TypeError, "Arguments must be iterators.");
  c->source = source;
  c->active = active;
  return None();
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap ----------------------------------------

Result<Value> compress_reduce(Value* a, int64_t, Tuple*) {
  Compress* c = a[0].as<Compress>();
  return tup({cls_of(a[0]), tup({c->data, c->selectors})});
}
// dropwhile and takewhile: the flag (done dropping / stopped) is the state, as an int.
Result<Value> prediter_flag_reduce(Value* a, int64_t, Tuple*) {
  PredIter* p = a[0].as<PredIter>();
  return tup({cls_of(a[0]), tup({p->func, p->it}), Value::small(p->flag ? 1 : 0)});
}
Result<Value> prediter_flag_setstate(Value* a, int64_t, Tuple*) {
  bool flag = TRY(truthy(a[1]));
  a[0].as<PredIter>()->flag = flag;
  return None();
}
Result<Value> filterfalse_reduce(Value* a, int64_t, Tuple*) {
  PredIter* p = a[0].as<PredIter>();
  return tup({cls_of(a[0]), tup({p->func, p->it})});
}
Result<Value> starmap_reduce(Value* a, int64_t, Tuple*) {
  Starmap* s = a[0].as<Starmap>();
  return tup({cls_of(a[0]), tup({s->func, s->it})});
}

// ---- groupby and _grouper ------------------------------------------------------------------------

Result<Value> groupby_reduce(Value* a, int64_t, Tuple*) {
  GroupBy* g = a[0].as<GroupBy>();
  Value args = tup({g->it, or_none(g->keyfunc)});
  if (g->tgtkey && g->currkey && g->currvalue)
    return tup({cls_of(a[0]), args, tup({g->currkey, g->currvalue, g->tgtkey})});
  return tup({cls_of(a[0]), args});
}
Result<Value> groupby_setstate(Value* a, int64_t, Tuple*) {
  GroupBy* g = a[0].as<GroupBy>();
  TRY(need_state_tuple(a[1]));
  Tuple* st = as_tuple(a[1]);
  TRY(check_arity(st, 3, 3));
  g->currkey = st->items[0];
  g->currvalue = st->items[1];
  g->tgtkey = st->items[2];
  return None();
}
Result<Value> grouper_reduce(Value* a, int64_t, Tuple*) {
  Grouper* gr = a[0].as<Grouper>();
  // A grouper that is no longer its groupby's current one is finished: an empty iterator.
  if (gr->parent.as<GroupBy>()->currgrouper != a[0]) return tup({builtin_iter(), tup({empty_tuple()})});
  return tup({cls_of(a[0]), tup({gr->parent, gr->tgtkey})});
}

// ---- islice --------------------------------------------------------------------------------------

Result<Value> islice_reduce(Value* a, int64_t, Tuple*) {
  ISlice* s = a[0].as<ISlice>();
  if (!s->it) {
    Value empty = TRY(get_iter(Value(list_new(0))));
    return tup({cls_of(a[0]), tup({empty, Value::small(0)}), Value::small(0)});
  }
  Value stop = s->stop == -1 ? None() : Value(int_from_i64(s->stop));
  Value next = int_from_i64(s->next);
  Value args = tup({s->it, next, stop, int_from_i64(s->step)});
  return tup({cls_of(a[0]), args, int_from_i64(s->cnt)});
}
Result<Value> islice_setstate(Value* a, int64_t, Tuple*) {
  int64_t cnt = TRY(ssize(a[1]));
  a[0].as<ISlice>()->cnt = cnt;
  return None();
}

// ---- tee and _tee_dataobject ---------------------------------------------------------------------

Result<Value> tee_reduce(Value* a, int64_t, Tuple*) {
  Tee* t = a[0].as<Tee>();
  return tup({cls_of(a[0]), tup({empty_tuple()}), tup({Value(t->data), Value::small(t->index)})});
}
Result<Value> tee_setstate(Value* a, int64_t, Tuple*) {
  Tee* t = a[0].as<Tee>();
  TRY(need_state_tuple(a[1]));
  Tuple* st = as_tuple(a[1]);
  TRY(check_arity(st, 2, 2));
  TRY(check_arg_type(st->items[0], tp_teedata, 1));
  int64_t index = TRY(c_int(st->items[1]));
  if (index < 0 || index > kTeeCells) return raise(tp_ValueError, "Index out of range");
  t->data = st->items[0].as<TeeData>();
  t->index = int(index);
  return None();
}
Result<Value> teedata_reduce(Value* a, int64_t, Tuple*) {
  TeeData* d = a[0].as<TeeData>();
  List* values = list_new(0);
  for (int i = 0; i < d->numread; i++) TRY(list_append(values, d->values[i]));
  return tup({cls_of(a[0]), tup({d->it, Value(values), d->next ? Value(d->next) : None()})});
}

// ---- zip_longest ---------------------------------------------------------------------------------

Result<Value> zip_longest_reduce(Value* a, int64_t, Tuple*) {
  ZipLongest* z = a[0].as<ZipLongest>();
  // Finished sources come back as empty tuples; the fill value is the state.
  Tuple* args = tuple_new(z->its->size);
  for (int64_t i = 0; i < z->its->size; i++) args->items[i] = z->its->items[i] ? z->its->items[i] : empty_tuple();
  return tup({cls_of(a[0]), Value(args), z->fill});
}
Result<Value> zip_longest_setstate(Value* a, int64_t, Tuple*) {
  a[0].as<ZipLongest>()->fill = a[1];
  return None();
}

// ---- product -------------------------------------------------------------------------------------

Result<Value> product_reduce(Value* a, int64_t, Tuple*) {
  Product* p = a[0].as<Product>();
  if (p->stopped) return tup({cls_of(a[0]), tup({empty_tuple()})});
  if (!p->started) return tup({cls_of(a[0]), Value(p->pools)});
  return tup({cls_of(a[0]), Value(p->pools), indices_tuple(p->indices, p->pools->size)});
}
Result<Value> product_setstate(Value* a, int64_t, Tuple*) {
  Product* p = a[0].as<Product>();
  int64_t n = p->pools->size;
  if (!is_tuple(a[1]) || as_tuple(a[1])->size != n) return raise(tp_ValueError, "invalid arguments");
  Tuple* st = as_tuple(a[1]);
  for (int64_t i = 0; i < n; i++) {
    int64_t index = TRY(ssize(st->items[i]));
    int64_t size = as_tuple(p->pools->items[i])->size;
    if (size == 0) {
      p->stopped = true;
      return None();
    }
    p->indices[i] = index < 0 ? 0 : index > size - 1 ? size - 1 : index;
  }
  p->started = true;
  return None();
}

// ---- combinations, combinations_with_replacement, permutations -----------------------------------

// Shared shape: (cls, (pool, r)) before the first result, (cls, ((), r)) once stopped, else the
// indices (and for permutations the cycles) as state.
Result<Value> combin_reduce(Value* a, bool perm) {
  Combin* c = a[0].as<Combin>();
  Value r = int_from_i64(c->r);
  if (!c->started) return tup({cls_of(a[0]), tup({Value(c->pool), r})});
  if (c->stopped) return tup({cls_of(a[0]), tup({empty_tuple(), r})});
  if (!perm) return tup({cls_of(a[0]), tup({Value(c->pool), r}), indices_tuple(c->indices, c->r)});
  return tup({cls_of(a[0]), tup({Value(c->pool), r}),
              tup({indices_tuple(c->indices, c->pool->size), indices_tuple(c->cycles, c->r)})});
}
Result<Value> combinations_reduce(Value* a, int64_t, Tuple*) { return combin_reduce(a, false); }
Result<Value> cwr_reduce(Value* a, int64_t, Tuple*) { return combin_reduce(a, false); }
Result<Value> permutations_reduce(Value* a, int64_t, Tuple*) { return combin_reduce(a, true); }

Result<Value> combinations_setstate(Value* a, int64_t, Tuple*) {
  Combin* c = a[0].as<Combin>();
  int64_t n = c->pool->size;
  if (!is_tuple(a[1]) || as_tuple(a[1])->size != c->r) return raise(tp_ValueError, "invalid arguments");
  Tuple* st = as_tuple(a[1]);
  for (int64_t i = 0; i < c->r; i++) {
    int64_t index = TRY(ssize(st->items[i]));
    int64_t max = i + n - c->r;
    if (index > max) index = max;
    if (index < 0) index = 0;
    c->indices[i] = index;
  }
  // (A pool shorter than r leaves nothing to produce; CPython would read past the pool.)
  if (c->r > n) c->stopped = true;
  c->started = true;
  return None();
}
Result<Value> cwr_setstate(Value* a, int64_t, Tuple*) {
  Combin* c = a[0].as<Combin>();
  int64_t n = c->pool->size;
  if (!is_tuple(a[1]) || as_tuple(a[1])->size != c->r) return raise(tp_ValueError, "invalid arguments");
  Tuple* st = as_tuple(a[1]);
  for (int64_t i = 0; i < c->r; i++) {
    int64_t index = TRY(ssize(st->items[i]));
    if (index < 0) index = 0;
    else if (index > n - 1) index = n - 1;
    c->indices[i] = index < 0 ? 0 : index;
  }
  if (n == 0 && c->r > 0) c->stopped = true;  // (CPython would read past the empty pool)
  c->started = true;
  return None();
}
Result<Value> permutations_setstate(Value* a, int64_t, Tuple*) {
  Combin* c = a[0].as<Combin>();
  TRY(need_state_tuple(a[1]));
  Tuple* st = as_tuple(a[1]);
  TRY(check_arity(st, 2, 2));
  TRY(check_arg_type(st->items[0], tp_tuple, 1));
  TRY(check_arg_type(st->items[1], tp_tuple, 2));
  Tuple* indices = as_tuple(st->items[0]);
  Tuple* cycles = as_tuple(st->items[1]);
  int64_t n = c->pool->size;
  if (indices->size != n || cycles->size != c->r) return raise(tp_ValueError, "invalid arguments");
  for (int64_t i = 0; i < n; i++) {
    int64_t index = TRY(ssize(indices->items[i]));
    if (index < 0) index = 0;
    else if (index > n - 1) index = n - 1;
    c->indices[i] = index;
  }
  for (int64_t i = 0; i < c->r; i++) {
    int64_t index = TRY(ssize(cycles->items[i]));
    if (index < 1) index = 1;
    else if (index > n - i) index = n - i;
    c->cycles[i] = index;
  }
  if (c->r > n) c->stopped = true;  // (CPython would read past the pool)
  c->started = true;
  return None();
}

constexpr const char* kReduceDoc = "Return state information for pickling.";
constexpr const char* kSetstateDoc = "Set state information for unpickling.";

#define PICKLE_METHODS(name, reduce, setstate)                                        \
  const MethodDef name##_pickle[] = {{"__reduce__", reduce, MethKind::NoArgs, kReduceDoc}, \
                                     {"__setstate__", setstate, MethKind::O, kSetstateDoc}, \
                                     {nullptr, nullptr}};
#define REDUCE_ONLY(name, reduce) \
  const MethodDef name##_pickle[] = {{"__reduce__", reduce, MethKind::NoArgs, kReduceDoc}, {nullptr, nullptr}};

PICKLE_METHODS(cycle, cycle_reduce, cycle_setstate)
PICKLE_METHODS(accumulate, accumulate_reduce, accumulate_setstate)
PICKLE_METHODS(chain, chain_reduce, chain_setstate)
REDUCE_ONLY(compress, compress_reduce)
PICKLE_METHODS(dropwhile, prediter_flag_reduce, prediter_flag_setstate)
PICKLE_METHODS(takewhile, prediter_flag_reduce, prediter_flag_setstate)
REDUCE_ONLY(filterfalse, filterfalse_reduce)
REDUCE_ONLY(starmap, starmap_reduce)
PICKLE_METHODS(groupby, groupby_reduce, groupby_setstate)
REDUCE_ONLY(grouper, grouper_reduce)
PICKLE_METHODS(islice, islice_reduce, islice_setstate)
PICKLE_METHODS(tee, tee_reduce, tee_setstate)
REDUCE_ONLY(teedata, teedata_reduce)
PICKLE_METHODS(zip_longest, zip_longest_reduce, zip_longest_setstate)
PICKLE_METHODS(product, product_reduce, product_setstate)
PICKLE_METHODS(combinations, combinations_reduce, combinations_setstate)
PICKLE_METHODS(cwr, cwr_reduce, cwr_setstate)
PICKLE_METHODS(permutations, permutations_reduce, permutations_setstate)

}  // namespace

void add_pickle_methods() {
  type_add_methods(tp_cycle, cycle_pickle);
  type_add_methods(tp_accumulate, accumulate_pickle);
  type_add_methods(tp_chain, chain_pickle);
  type_add_methods(tp_compress, compress_pickle);
  type_add_methods(tp_dropwhile, dropwhile_pickle);
  type_add_methods(tp_takewhile, takewhile_pickle);
  type_add_methods(tp_filterfalse, filterfalse_pickle);
  type_add_methods(tp_starmap, starmap_pickle);
  type_add_methods(tp_groupby, groupby_pickle);
  type_add_methods(tp_grouper, grouper_pickle);
  type_add_methods(tp_islice, islice_pickle);
  type_add_methods(tp_tee, tee_pickle);
  type_add_methods(tp_teedata, teedata_pickle);
  type_add_methods(tp_zip_longest, zip_longest_pickle);
  type_add_methods(tp_product, product_pickle);
  type_add_methods(tp_combinations, combinations_pickle);
  type_add_methods(tp_cwr, cwr_pickle);
  type_add_methods(tp_permutations, permutations_pickle);
}

}  // namespace itertools_impl
}  // namespace gilpy
