// itertools: the iterator building blocks (count, cycle, repeat, accumulate,
// chain, compress, dropwhile, filterfalse, groupby, islice, pairwise, starmap,
// takewhile, tee, zip_longest and the combinatoric iterators).
//
// Every type sets Type::iternext, so `for` loops and other natives call the
// C++ step directly; the Python-visible __next__ wraps the same function.
// Each struct starts with Object then `Dict* dict` (offset 8) so that user
// subclasses get their __dict__ there, as every subclassable layout does.
// Iterators drop their source when it ends exactly where CPython's do (cycle,
// chain, islice, pairwise), so that pickling (itertools_pickle.cpp) sees the
// same state; the others keep asking an exhausted source, as CPython's do.
#include <string>

#include "bytecode/opcodes.h"
#include "gc/weakref.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
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
#include "modules/itertools_internal.h"

namespace gilpy {

using namespace bytecode;

namespace itertools_impl {
Type* tp_count;
Type* tp_cycle;
Type* tp_repeat;
Type* tp_accumulate;
Type* tp_chain;
Type* tp_compress;
Type* tp_dropwhile;
Type* tp_takewhile;
Type* tp_filterfalse;
Type* tp_groupby;
Type* tp_grouper;
Type* tp_islice;
Type* tp_pairwise;
Type* tp_starmap;
Type* tp_tee;
Type* tp_teedata;
Type* tp_zip_longest;
Type* tp_product;
Type* tp_permutations;
Type* tp_combinations;
Type* tp_cwr;
}  // namespace itertools_impl


template <class T>
static T* it_alloc(Value cls) {
  return static_cast<T*>(alloc_instance(as_type(cls), sizeof(T)));
}

static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(native_iternext(a[0].type())(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
static Status next_item(Value it, Value* out) { return iter_next(it, out); }

// CPython's "f expected N arguments" checks for positional-only constructors.
// A subclass that defines its own __init__ may be called with keywords (they
// are for that __init__), as CPython checks `tp_init == base's tp_init`.
static Status no_kw_for(const char* name, Tuple* kw, Value cls = Value()) {
  if (!kw || !kw->size) return OK();
  if (cls && is_type(cls) && (as_type(cls)->flags & TF_HEAPTYPE) &&
      type_lookup(as_type(cls), N.__init__) != type_lookup(tp_object, N.__init__))
    return OK();
  return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", name);
}


// ============================================================================
// count(start=0, step=1)
// ============================================================================
// While `fast` the value lives in `cur` as an int64 and steps by `istep`
// (both small ints); on the first overflow it switches to generic `+`.
static bool is_number(Value v) {
  if (is_int(v) || is_float(v)) return true;
  Type* t = v.type();
  return type_lookup(t, N.__index__) || type_lookup(t, N.__float__) || type_lookup(t, N.__int__) ||
         type_lookup(t, N.complex_);
}
static Result<Value> count_new(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("count", a + 1, n - 1, kw, {"start", "step"}, 0, out));
  Value start = out[0] ? out[0] : Value::small(0);
  Value step = out[1] ? out[1] : Value::small(1);
  if (!is_number(start) || !is_number(step)) return raise(tp_TypeError, "a number is required");
  Count* c = it_alloc<Count>(a[0]);
  c->value = start;
  c->step = step;
  int64_t s0;
  if (is_int(start) && int_fits_i64(start, &s0) && s0 != INT64_MAX) {
    // CPython reads the step with PyLong_AsLong (so through __index__) to decide.
    if (is_int(step) || type_lookup(step.type(), N.__index__)) {
      Result<Value> sv = index_value(step);
      if (sv.is_err()) exc_clear();
      else if (sv.value().is_small() && sv.value().as_small() == 1) c->cpy_fast = true;
    }
  }
  if (start.is_small() && step.is_small()) {
    c->fast = true;
    c->cur = start.as_small();
    c->istep = step.as_small();
  }
  return Value(c);
}
static Status count_next(Value self, Value* out) {
  Count* c = self.as<Count>();
  if (c->fast) {
    int64_t nx = c->cur + c->istep;
    if (Value::fits_small(nx)) {
      *out = Value::small(c->cur);
      c->cur = nx;
      return OK();
    }
    c->fast = false;
    c->value = Value::small(c->cur);
  }
  Value v = c->value;
  c->value = TRY(binary_op(v, c->step, NB_ADD));
  *out = v;
  return OK();
}
static Value count_current(Count* c) { return c->fast ? Value::small(c->cur) : c->value; }
static bool step_is_int_one(Value step) { return step.is_small() && step.as_small() == 1; }
static Result<Value> count_repr(Value* a, int64_t, Tuple*) {
  Count* c = a[0].as<Count>();
  Str* v = TRY(repr(count_current(c)));
  std::string s(a[0].type()->name->view());
  s += "(";
  s += v->view();
  if (!step_is_int_one(c->step)) {
    Str* st = TRY(repr(c->step));
    s += ", ";
    s += st->view();
  }
  s += ")";
  return Value(str_new(s));
}
static Result<Value> count_reduce(Value* a, int64_t, Tuple*) {
  Count* c = a[0].as<Count>();
  Value cur = count_current(c);
  int64_t ci;
  bool fast = c->cpy_fast && int_fits_i64(cur, &ci) && ci != INT64_MAX;
  Tuple* args = fast ? tuple_of({cur}) : tuple_of({cur, c->step});
  return Value(tuple_of({Value(a[0].type()), Value(args)}));
}

// ============================================================================
// cycle(iterable)
// ============================================================================
static Result<Value> cycle_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kw_for("cycle", kw, a[0]));
  if (n - 1 != 1) return raise_fmt(tp_TypeError, "cycle expected 1 argument, got %lld", (long long)(n - 1));
  Value it = TRY(get_iter(a[1]));
  Cycle* c = it_alloc<Cycle>(a[0]);
  c->it = it;
  c->saved = list_new(0);
  return Value(c);
}
static Status cycle_next(Value self, Value* out) {
  Cycle* c = self.as<Cycle>();
  *out = Value();
  if (c->it) {
    Value x;
    TRY(iter_next(c->it, &x));
    if (x) {
      if (!c->firstpass) TRY(list_append(c->saved, x));
      *out = x;
      return OK();
    }
    c->it = Value();
    c->firstpass = true;
  }
  if (c->saved->size == 0) return OK();
  if (c->index >= c->saved->size) c->index = 0;
  *out = c->saved->items[c->index];
  c->index = (c->index + 1) % c->saved->size;
  return OK();
}

// ============================================================================
// repeat(object[, times])
// ============================================================================
static Result<Value> repeat_new(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("repeat", a + 1, n - 1, kw, {"object", "times"}, 1, out));
  int64_t cnt = -1;
  if (out[1]) {
    cnt = TRY(as_index(out[1]));
    if (cnt < 0) cnt = 0;
  }
  Repeat* r = it_alloc<Repeat>(a[0]);
  r->elem = out[0];
  r->cnt = cnt;
  return Value(r);
}
static Status repeat_next(Value self, Value* out) {
  Repeat* r = self.as<Repeat>();
  *out = Value();
  if (r->cnt == 0) return OK();
  if (r->cnt > 0) r->cnt--;
  *out = r->elem;
  return OK();
}
static Result<Value> repeat_repr(Value* a, int64_t, Tuple*) {
  Repeat* r = a[0].as<Repeat>();
  Str* e = TRY(repr(r->elem));
  std::string s(a[0].type()->name->view());
  s += "(";
  s += e->view();
  if (r->cnt >= 0) s += ", " + std::to_string(r->cnt);
  s += ")";
  return Value(str_new(s));
}
static Result<Value> repeat_length_hint(Value* a, int64_t, Tuple*) {
  Repeat* r = a[0].as<Repeat>();
  if (r->cnt < 0) return raise(tp_TypeError, "len() of unsized object");
  return Value::small(r->cnt);
}
static Result<Value> repeat_reduce(Value* a, int64_t, Tuple*) {
  Repeat* r = a[0].as<Repeat>();
  Tuple* args = r->cnt >= 0 ? tuple_of({r->elem, Value::small(r->cnt)}) : tuple_of({r->elem});
  return Value(tuple_of({Value(a[0].type()), Value(args)}));
}

// ============================================================================
// accumulate(iterable, func=None, *, initial=None)
// ============================================================================
static Result<Value> accumulate_new(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(parse_args("accumulate", a + 1, n - 1, kw, {"iterable", "func", "initial"}, 1, out, 0, 2));
  Value it = TRY(get_iter(out[0]));
  Accumulate* acc = it_alloc<Accumulate>(a[0]);
  acc->it = it;
  if (out[1] && !is_none(out[1])) acc->func = out[1];
  if (out[2] && !is_none(out[2])) acc->initial = out[2];
  return Value(acc);
}
static Status accumulate_next(Value self, Value* out) {
  Accumulate* acc = self.as<Accumulate>();
  *out = Value();
  if (acc->initial) {
    acc->total = acc->initial;
    acc->initial = Value();
    *out = acc->total;
    return OK();
  }
  Value x;
  TRY(iter_next(acc->it, &x));
  if (!x) return OK();
  if (!acc->total) {
    acc->total = x;
  } else if (acc->func) {
    acc->total = TRY(call2(acc->func, acc->total, x));
  } else {
    acc->total = TRY(binary_op(acc->total, x, NB_ADD));
  }
  *out = acc->total;
  return OK();
}

// ============================================================================
// chain(*iterables), chain.from_iterable(iterable)
// ============================================================================
static Result<Value> chain_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kw_for("chain", kw, a[0]));
  Tuple* t = tuple_from(a + 1, n - 1);
  Chain* c = it_alloc<Chain>(a[0]);
  c->source = TRY(get_iter(Value(t)));
  return Value(c);
}
static Result<Value> chain_from_iterable(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("from_iterable", n - 1, 1, 1));
  Value src = TRY(get_iter(a[1]));
  Chain* c = it_alloc<Chain>(a[0]);
  c->source = src;
  return Value(c);
}
static Status chain_next(Value self, Value* out) {
  Chain* c = self.as<Chain>();
  *out = Value();
  while (c->source) {
    if (!c->active) {
      Value iterable;
      TRY(iter_next(c->source, &iterable));
      if (!iterable) {
        c->source = Value();
        return OK();
      }
      c->active = TRY(get_iter(iterable));
    }
    Value x;
    TRY(iter_next(c->active, &x));
    if (x) {
      *out = x;
      return OK();
    }
    c->active = Value();
  }
  return OK();
}
static Result<Value> class_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__class_getitem__", n - 1, 1, 1));
  return call2(Value(tp_GenericAlias), a[0], a[1]);
}

// ============================================================================
// compress(data, selectors)
// ============================================================================
static Result<Value> compress_new(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("compress", a + 1, n - 1, kw, {"data", "selectors"}, 2, out));
  Value d = TRY(get_iter(out[0]));
  Value s = TRY(get_iter(out[1]));
  Compress* c = it_alloc<Compress>(a[0]);
  c->data = d;
  c->selectors = s;
  return Value(c);
}
static Status compress_next(Value self, Value* out) {
  Compress* c = self.as<Compress>();
  *out = Value();
  for (;;) {
    Value d, s;
    TRY(iter_next(c->data, &d));
    if (!d) return OK();
    TRY(iter_next(c->selectors, &s));
    if (!s) return OK();
    bool ok = TRY(truthy(s));
    if (ok) {
      *out = d;
      return OK();
    }
  }
}

// ============================================================================
// dropwhile / takewhile / filterfalse(predicate, iterable)
// ============================================================================
static Result<Value> prediter_new(const char* name, Value* a, int64_t n, Tuple* kw) {
  TRY(no_kw_for(name, kw, a[0]));
  if (n - 1 != 2) return raise_fmt(tp_TypeError, "%s expected 2 arguments, got %lld", name, (long long)(n - 1));
  Value it = TRY(get_iter(a[2]));
  PredIter* p = it_alloc<PredIter>(a[0]);
  p->func = a[1];
  p->it = it;
  return Value(p);
}
static Result<Value> dropwhile_new(Value* a, int64_t n, Tuple* kw) { return prediter_new("dropwhile", a, n, kw); }
static Result<Value> takewhile_new(Value* a, int64_t n, Tuple* kw) { return prediter_new("takewhile", a, n, kw); }
static Result<Value> filterfalse_new(Value* a, int64_t n, Tuple* kw) { return prediter_new("filterfalse", a, n, kw); }
static Status dropwhile_next(Value self, Value* out) {
  PredIter* p = self.as<PredIter>();
  *out = Value();
  for (;;) {
    Value x;
    TRY(iter_next(p->it, &x));
    if (!x) return OK();
    if (p->flag) { *out = x; return OK(); }
    Value r = TRY(call1(p->func, x));
    bool keep_dropping = TRY(truthy(r));
    if (!keep_dropping) {
      p->flag = true;
      *out = x;
      return OK();
    }
  }
  return OK();
}
static Status takewhile_next(Value self, Value* out) {
  PredIter* p = self.as<PredIter>();
  *out = Value();
  if (p->flag) return OK();
  Value x;
  TRY(iter_next(p->it, &x));
  if (!x) return OK();
  Value r = TRY(call1(p->func, x));
  bool ok = TRY(truthy(r));
  if (ok) { *out = x; return OK(); }
  p->flag = true;
  return OK();
}
static Status filterfalse_next(Value self, Value* out) {
  PredIter* p = self.as<PredIter>();
  *out = Value();
  for (;;) {
    Value x;
    TRY(iter_next(p->it, &x));
    if (!x) return OK();
    bool ok;
    if (is_none(p->func)) {
      ok = TRY(truthy(x));
    } else {
      Value r = TRY(call1(p->func, x));
      ok = TRY(truthy(r));
    }
    if (!ok) { *out = x; return OK(); }
  }
  return OK();
}

// ============================================================================
// groupby(iterable, key=None) and _grouper
// ============================================================================
// The shared state lives in the groupby object: `currkey`/`currvalue` is the
// last item read from the source (currvalue null once a grouper consumed it),
// `tgtkey` the key of the group being produced. Only the grouper created last
// (`currgrouper`) may advance; older ones are finished, as in CPython.
static Result<Value> groupby_new(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("groupby", a + 1, n - 1, kw, {"iterable", "key"}, 1, out));
  Value it = TRY(get_iter(out[0]));
  GroupBy* g = it_alloc<GroupBy>(a[0]);
  g->it = it;
  g->keyfunc = out[1] && !is_none(out[1]) ? out[1] : Value();
  return Value(g);
}
// Read the next item; false (no exception) when the source is exhausted.
static Result<bool> groupby_step(GroupBy* g) {
  Value v;
  TRY(iter_next(g->it, &v));
  if (!v) return false;
  Value k = v;
  if (g->keyfunc) k = TRY(call1(g->keyfunc, v));
  g->currvalue = v;
  g->currkey = k;
  return true;
}
static Status groupby_next(Value self, Value* out) {
  GroupBy* g = self.as<GroupBy>();
  *out = Value();
  g->currgrouper = Value();
  for (;;) {
    if (!g->currkey) {
      // nothing read yet
    } else if (!g->tgtkey) {
      break;
    } else {
      bool same = TRY(eq(g->tgtkey, g->currkey));
      if (!same) break;
    }
    bool more = TRY(groupby_step(g));
    if (!more) return OK();
  }
  g->tgtkey = g->currkey;
  Grouper* gr = static_cast<Grouper*>(alloc_instance(tp_grouper, sizeof(Grouper)));
  gr->parent = self;
  gr->tgtkey = g->tgtkey;
  g->currgrouper = Value(gr);
  *out = Value(tuple_of({g->currkey, Value(gr)}));
  return OK();
}
static Status grouper_next(Value self, Value* out) {
  Grouper* gr = self.as<Grouper>();
  *out = Value();
  GroupBy* g = gr->parent.as<GroupBy>();
  if (g->currgrouper != self) return OK();
  if (!g->currvalue) {
    bool more = TRY(groupby_step(g));
    if (!more) return OK();
  }
  bool same = TRY(eq(gr->tgtkey, g->currkey));
  if (!same) return OK();
  *out = g->currvalue;
  g->currvalue = Value();
  return OK();
}
static Result<Value> grouper_new(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_grouper", n - 1, 2, 2));
  if (!isinstance(a[1], tp_groupby))
    return raise_fmt(tp_TypeError, "_grouper() argument 1 must be itertools.groupby, not %s", type_name(a[1]));
  Grouper* gr = it_alloc<Grouper>(a[0]);
  gr->parent = a[1];
  gr->tgtkey = a[2];
  a[1].as<GroupBy>()->currgrouper = Value(gr);  // a rebuilt grouper is the current one (CPython)
  return Value(gr);
}

// ============================================================================
// islice(iterable, stop) / islice(iterable, start, stop[, step])
// ============================================================================
// An index argument: None (-> dflt) or an int in [0, sys.maxsize]; -2 flags an error.
static Result<int64_t> islice_arg(Value v, int64_t dflt, const char* msg) {
  if (is_none(v)) return dflt;
  if (is_int(v) || type_lookup(v.type(), N.__index__)) {
    Result<Value> iv = index_value(v);
    if (iv.is_err()) return ERR;
    int64_t x;
    if (int_fits_i64(iv.value(), &x) && x >= 0) return x;
    if (!int_fits_i64(iv.value(), &x) && int_sign(iv.value()) > 0) return INT64_MAX;
  }
  return raise(tp_ValueError, msg);
}
static Result<Value> islice_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kw_for("islice", kw, a[0]));
  int64_t nargs = n - 1;
  if (nargs < 2) return raise_fmt(tp_TypeError, "islice expected at least 2 arguments, got %lld", (long long)nargs);
  if (nargs > 4) return raise_fmt(tp_TypeError, "islice expected at most 4 arguments, got %lld", (long long)nargs);
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    stop = TRY(islice_arg(a[2], -1, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."));
  } else {
    const char* msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    start = TRY(islice_arg(a[2], 0, msg));
    stop = TRY(islice_arg(a[3], -1, msg));
    if (nargs == 4 && !is_none(a[4])) {
      Result<int64_t> s = islice_arg(a[4], 1, "Step for islice() must be a positive integer or None.");
      if (s.is_err() || s.value() < 1) {
        exc_clear();
        return raise(tp_ValueError, "Step for islice() must be a positive integer or None.");
      }
      step = s.value();
    }
  }
  Value it = TRY(get_iter(a[1]));
  ISlice* s = it_alloc<ISlice>(a[0]);
  s->it = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return Value(s);
}
static Status islice_next(Value self, Value* out) {
  ISlice* s = self.as<ISlice>();
  *out = Value();
  if (!s->it) return OK();
  while (s->cnt < s->next) {
    Value x;
    TRY(iter_next(s->it, &x));
    if (!x) { s->it = Value(); return OK(); }
    s->cnt++;
  }
  if (s->stop != -1 && s->cnt >= s->stop) { s->it = Value(); return OK(); }
  Value x;
  TRY(iter_next(s->it, &x));
  if (!x) { s->it = Value(); return OK(); }
  s->cnt++;
  int64_t old = s->next;
  if (__builtin_add_overflow(s->next, s->step, &s->next) || (s->stop != -1 && s->next > s->stop))
    s->next = s->stop == -1 ? INT64_MAX : s->stop;
  (void)old;
  *out = x;
  return OK();
}

// ============================================================================
// pairwise(iterable)
// ============================================================================
static Result<Value> pairwise_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kw_for("pairwise", kw, a[0]));
  if (n - 1 != 1) return raise_fmt(tp_TypeError, "pairwise expected 1 argument, got %lld", (long long)(n - 1));
  Value it = TRY(get_iter(a[1]));
  Pairwise* p = it_alloc<Pairwise>(a[0]);
  p->it = it;
  return Value(p);
}
static Status pairwise_next(Value self, Value* out) {
  Pairwise* p = self.as<Pairwise>();
  *out = Value();
  if (!p->it) return OK();
  if (!p->old) {
    Value x;
    TRY(iter_next(p->it, &x));
    if (!x) { p->it = Value(); return OK(); }
    p->old = x;
  }
  Value nw;
  TRY(iter_next(p->it, &nw));
  if (!nw) { p->it = Value(); p->old = Value(); return OK(); }
  *out = Value(tuple_of({p->old, nw}));
  p->old = nw;
  return OK();
}

// ============================================================================
// starmap(function, iterable)
// ============================================================================
static Result<Value> starmap_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kw_for("starmap", kw, a[0]));
  if (n - 1 != 2) return raise_fmt(tp_TypeError, "starmap expected 2 arguments, got %lld", (long long)(n - 1));
  Value it = TRY(get_iter(a[2]));
  Starmap* s = it_alloc<Starmap>(a[0]);
  s->func = a[1];
  s->it = it;
  return Value(s);
}
static Status starmap_next(Value self, Value* out) {
  Starmap* s = self.as<Starmap>();
  *out = Value();
  Value x;
  TRY(iter_next(s->it, &x));
  if (!x) return OK();
  Tuple* args = TRY(to_tuple(x));
  *out = TRY(call(s->func, args->items, args->size));
  return OK();
}

// ============================================================================
// tee(iterable, n=2), _tee, _tee_dataobject
// ============================================================================
// The source is read once into a chain of fixed-size blocks shared by every
// _tee made from it; each _tee holds (block, index). A block links to the next
// block only once it is full, so blocks no _tee points at any more are freed.
static TeeData* teedata_new(Value it) {
  TeeData* d = static_cast<TeeData*>(alloc_instance(tp_teedata, sizeof(TeeData)));
  d->it = it;
  return d;
}
static Status tee_next(Value self, Value* out) {
  Tee* t = self.as<Tee>();
  *out = Value();
  if (t->index >= kTeeCells) {
    if (!t->data->next) t->data->next = teedata_new(t->data->it);
    t->data = t->data->next;
    t->index = 0;
  }
  TeeData* d = t->data;
  if (t->index < d->numread) {
    *out = d->values[t->index++];
    return OK();
  }
  if (d->running) return raise(tp_RuntimeError, "cannot re-enter the tee iterator");
  d->running = true;
  Value x;
  Status st = iter_next(d->it, &x);
  d->running = false;
  if (st.is_err()) return ERR;
  if (!x) return OK();
  d->values[d->numread++] = x;
  t->index++;
  *out = x;
  return OK();
}
static Tee* tee_copy_of(Tee* src) {
  Tee* t = static_cast<Tee*>(alloc_instance(tp_tee, sizeof(Tee)));
  t->data = src->data;
  t->index = src->index;
  return t;
}
static Result<Value> tee_fromiterable(Value iterable) {
  Value it = TRY(get_iter(iterable));
  if (it.type() == tp_tee) return Value(tee_copy_of(it.as<Tee>()));
  Tee* t = static_cast<Tee*>(alloc_instance(tp_tee, sizeof(Tee)));
  t->data = teedata_new(it);
  return Value(t);
}
static Result<Value> tee_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kw_for("_tee", kw));
  if (n - 1 != 1) return raise_fmt(tp_TypeError, "_tee expected 1 argument, got %lld", (long long)(n - 1));
  return tee_fromiterable(a[1]);
}
static Result<Value> tee_copy_m(Value* a, int64_t, Tuple*) { return Value(tee_copy_of(a[0].as<Tee>())); }
// _tee_dataobject(iterable, values, next): the unpickler's way back to a block (its
// __reduce__ is in itertools_pickle.cpp). Only a full block may link to a next one.
static Result<Value> teedata_new_m(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kw_for("_tee_dataobject", kw));
  if (n - 1 != 3) return raise_fmt(tp_TypeError, "teedataobject expected 3 arguments, got %lld", (long long)(n - 1));
  if (!is_list(a[2]))
    return raise_fmt(tp_TypeError, "teedataobject() argument 2 must be list, not %s", type_name(a[2]));
  List* values = as_list(a[2]);
  Value nx = a[3];
  bool ok = values->size <= kTeeCells;
  if (ok && values->size == kTeeCells) ok = is_none(nx) || nx.type() == tp_teedata;
  else if (ok) ok = is_none(nx);
  if (!ok) return raise(tp_ValueError, "Invalid arguments");
  TeeData* d = teedata_new(a[1]);
  for (int64_t i = 0; i < values->size; i++) d->values[i] = values->items[i];
  d->numread = int(values->size);
  if (!is_none(nx)) d->next = nx.as<TeeData>();
  return Value(d);
}
static Result<Value> tee_func(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kw_for("tee", kw));
  if (n < 1 || n > 2) return raise_fmt(tp_TypeError, "tee expected at most 2 arguments, got %lld", (long long)n);
  int64_t cnt = 2;
  if (n > 1) cnt = TRY(as_index(a[1]));
  if (cnt < 0) return raise(tp_ValueError, "n must be >= 0");
  Tuple* res = tuple_new(cnt);
  if (cnt == 0) return Value(res);
  Value it = TRY(get_iter(a[0]));
  Value copier;
  TRY(getattr_opt(it, N.__copy__, &copier));
  Value first;
  if (copier) first = it;
  else first = TRY(tee_fromiterable(it));
  res->items[0] = first;
  for (int64_t i = 1; i < cnt; i++) {
    Value prev = res->items[i - 1];
    res->items[i] = TRY(call_method0(prev, N.__copy__));
  }
  return Value(res);
}

// ============================================================================
// zip_longest(*iterables, fillvalue=None)
// ============================================================================
static Result<Value> zip_longest_new(Value* a, int64_t n, Tuple* kw) {
  Value fill = None();
  if (kw) {
    for (int64_t i = 0; i < kw->size; i++) {
      if (as_str(kw->items[i])->view() != "fillvalue")
        return raise(tp_TypeError, "zip_longest() got an unexpected keyword argument");
      fill = a[n + i];
    }
  }
  Tuple* its = tuple_new(n - 1);
  for (int64_t i = 1; i < n; i++) its->items[i - 1] = TRY(get_iter(a[i]));
  ZipLongest* z = it_alloc<ZipLongest>(a[0]);
  z->its = its;
  z->active = its->size;
  z->fill = fill;
  return Value(z);
}
static Status zip_longest_next(Value self, Value* out) {
  ZipLongest* z = self.as<ZipLongest>();
  *out = Value();
  if (z->done || z->its->size == 0) return OK();
  Tuple* r = tuple_new(z->its->size);
  for (int64_t i = 0; i < z->its->size; i++) {
    Value x;
    if (!z->its->items[i]) {
      x = z->fill;
    } else {
      TRY(iter_next(z->its->items[i], &x));
      if (!x) {
        if (--z->active == 0) {
          z->done = true;
          return OK();
        }
        z->its->items[i] = Value();
        x = z->fill;
      }
    }
    r->items[i] = x;
  }
  *out = Value(r);
  return OK();
}

// ============================================================================
// Combinatorics: product, permutations, combinations, combinations_with_replacement
// ============================================================================
// Each keeps its pool(s) as tuples and an index vector in collector memory;
// `result` is the previous output (null before the first), `stopped` is set
// once the sequence is over.
static Result<Value> product_new(Value* a, int64_t n, Tuple* kw) {
  int64_t repeat = 1;
  if (kw) {
    for (int64_t i = 0; i < kw->size; i++) {
      if (as_str(kw->items[i])->view() != "repeat")
        return raise(tp_TypeError, "product() got an unexpected keyword argument");
      repeat = TRY(as_index(a[n + i]));
    }
    if (repeat < 0) return raise(tp_ValueError, "repeat argument cannot be negative");
  }
  int64_t npools = n - 1;
  if (repeat && npools > INT64_MAX / 16 / repeat) return raise(tp_OverflowError, "repeat argument too large");
  Tuple* base = tuple_new(npools);
  for (int64_t i = 0; i < npools; i++) base->items[i] = TRY(to_tuple(a[i + 1]));
  Tuple* pools = tuple_new(npools * repeat);
  for (int64_t r = 0; r < repeat; r++)
    for (int64_t i = 0; i < npools; i++) pools->items[r * npools + i] = base->items[i];
  Product* p = it_alloc<Product>(a[0]);
  p->pools = pools;
  p->indices = static_cast<int64_t*>(gc::alloc_atomic(size_t(pools->size + 1) * sizeof(int64_t)));
  for (int64_t i = 0; i < pools->size; i++) p->indices[i] = 0;
  return Value(p);
}
static Status product_next(Value self, Value* out) {
  Product* p = self.as<Product>();
  *out = Value();
  if (p->stopped) return OK();
  int64_t np = p->pools->size;
  if (!p->started) {
    for (int64_t i = 0; i < np; i++)
      if (as_tuple(p->pools->items[i])->size == 0) { p->stopped = true; return OK(); }
    p->started = true;
  } else {
    // Odometer: advance the rightmost index that can move, reset those after it.
    int64_t i = np - 1;
    for (; i >= 0; i--) {
      Tuple* pool = as_tuple(p->pools->items[i]);
      if (++p->indices[i] < pool->size) break;
      p->indices[i] = 0;
    }
    if (i < 0) { p->stopped = true; return OK(); }
  }
  Tuple* r = tuple_new(np);
  for (int64_t i = 0; i < np; i++) r->items[i] = as_tuple(p->pools->items[i])->items[p->indices[i]];
  *out = Value(r);
  return OK();
}

static Result<Value> combin_common(const char* name, Value* a, int64_t n, Tuple* kw, bool r_optional) {
  Value out[2];
  TRY(parse_args(name, a + 1, n - 1, kw, {"iterable", "r"}, r_optional ? 1 : 2, out));
  Tuple* pool = TRY(to_tuple(out[0]));
  int64_t r = pool->size;
  if (out[1] && (!r_optional || !is_none(out[1]))) {
    r = TRY(as_index(out[1]));
    if (r < 0) return raise(tp_ValueError, "r must be non-negative");
  }
  Combin* c = it_alloc<Combin>(a[0]);
  c->pool = pool;
  c->r = r;
  int64_t nidx = std::max(r, pool->size) + 1;
  c->indices = static_cast<int64_t*>(gc::alloc_atomic(size_t(nidx) * sizeof(int64_t)));
  c->cycles = static_cast<int64_t*>(gc::alloc_atomic(size_t(r + 1) * sizeof(int64_t)));
  return Value(c);
}
static Tuple* combin_result(Combin* c, int64_t count) {
  Tuple* t = tuple_new(count);
  for (int64_t i = 0; i < count; i++) t->items[i] = c->pool->items[c->indices[i]];
  return t;
}

static Result<Value> permutations_new(Value* a, int64_t n, Tuple* kw) {
  Value v = TRY(combin_common("permutations", a, n, kw, true));
  Combin* c = v.as<Combin>();
  int64_t np = c->pool->size;
  for (int64_t i = 0; i < np; i++) c->indices[i] = i;
  for (int64_t i = 0; i < c->r; i++) c->cycles[i] = np - i;
  return v;
}
// The itertools documentation's algorithm: cycles[i] counts down the choices
// left for position i; indices is the current arrangement of the whole pool.
static Status permutations_next(Value self, Value* out) {
  Combin* c = self.as<Combin>();
  *out = Value();
  if (c->stopped) return OK();
  int64_t n = c->pool->size, r = c->r;
  if (!c->started) {
    if (r > n) { c->stopped = true; return OK(); }
    c->started = true;
    *out = Value(combin_result(c, r));
    return OK();
  }
  if (n == 0) { c->stopped = true; return OK(); }
  for (int64_t i = r - 1; i >= 0; i--) {
    c->cycles[i]--;
    if (c->cycles[i] == 0) {
      // Rotate indices[i:] left by one.
      int64_t first = c->indices[i];
      for (int64_t j = i; j < n - 1; j++) c->indices[j] = c->indices[j + 1];
      c->indices[n - 1] = first;
      c->cycles[i] = n - i;
    } else {
      int64_t j = c->cycles[i];
      std::swap(c->indices[i], c->indices[n - j]);
      *out = Value(combin_result(c, r));
      return OK();
    }
  }
  c->stopped = true;
  return OK();
}

static Result<Value> combinations_new(Value* a, int64_t n, Tuple* kw) {
  Value v = TRY(combin_common("combinations", a, n, kw, false));
  Combin* c = v.as<Combin>();
  for (int64_t i = 0; i < c->r; i++) c->indices[i] = i;
  return v;
}
static Status combinations_next(Value self, Value* out) {
  Combin* c = self.as<Combin>();
  *out = Value();
  if (c->stopped) return OK();
  int64_t n = c->pool->size, r = c->r;
  if (!c->started) {
    if (r > n) { c->stopped = true; return OK(); }
    c->started = true;
    *out = Value(combin_result(c, r));
    return OK();
  }
  int64_t i = r - 1;
  while (i >= 0 && c->indices[i] == i + n - r) i--;
  if (i < 0) { c->stopped = true; return OK(); }
  c->indices[i]++;
  for (int64_t j = i + 1; j < r; j++) c->indices[j] = c->indices[j - 1] + 1;
  *out = Value(combin_result(c, r));
  return OK();
}

static Result<Value> cwr_new(Value* a, int64_t n, Tuple* kw) {
  Value v = TRY(combin_common("combinations_with_replacement", a, n, kw, false));
  Combin* c = v.as<Combin>();
  for (int64_t i = 0; i < c->r; i++) c->indices[i] = 0;
  return v;
}
static Status cwr_next(Value self, Value* out) {
  Combin* c = self.as<Combin>();
  *out = Value();
  if (c->stopped) return OK();
  int64_t n = c->pool->size, r = c->r;
  if (!c->started) {
    if (n == 0 && r > 0) { c->stopped = true; return OK(); }
    c->started = true;
    *out = Value(combin_result(c, r));
    return OK();
  }
  int64_t i = r - 1;
  while (i >= 0 && c->indices[i] == n - 1) i--;
  if (i < 0) { c->stopped = true; return OK(); }
  int64_t v = c->indices[i] + 1;
  for (int64_t j = i; j < r; j++) c->indices[j] = v;
  *out = Value(combin_result(c, r));
  return OK();
}

// ============================================================================
// type set-up
// ============================================================================
#define ITER_METHODS(name, newfn, ...)                                                             \
  static const MethodDef name##_methods[] = {{"__new__", newfn, MethKind::Static},                  \
                                             {"__iter__", iter_self},                               \
                                             {"__next__", iter_next_m},                             \
                                             __VA_ARGS__{nullptr, nullptr}};

ITER_METHODS(count, count_new, {"__repr__", count_repr}, {"__reduce__", count_reduce}, )
ITER_METHODS(cycle, cycle_new, )
ITER_METHODS(repeat, repeat_new, {"__repr__", repeat_repr}, {"__length_hint__", repeat_length_hint},
             {"__reduce__", repeat_reduce}, )
ITER_METHODS(accumulate, accumulate_new, )
ITER_METHODS(chain, chain_new, {"from_iterable", chain_from_iterable, MethKind::Class},
             {"__class_getitem__", class_getitem, MethKind::Class}, )
ITER_METHODS(compress, compress_new, )
ITER_METHODS(dropwhile, dropwhile_new, )
ITER_METHODS(takewhile, takewhile_new, )
ITER_METHODS(filterfalse, filterfalse_new, )
ITER_METHODS(groupby, groupby_new, )
ITER_METHODS(grouper, grouper_new, )
ITER_METHODS(islice, islice_new, )
ITER_METHODS(pairwise, pairwise_new, )
ITER_METHODS(starmap, starmap_new, )
ITER_METHODS(tee, tee_new, {"__copy__", tee_copy_m}, )
ITER_METHODS(zip_longest, zip_longest_new, )
ITER_METHODS(product, product_new, )
ITER_METHODS(permutations, permutations_new, )
ITER_METHODS(combinations, combinations_new, )
ITER_METHODS(cwr, cwr_new, )
static const MethodDef teedata_methods[] = {{"__new__", teedata_new_m, MethKind::Static}, {nullptr, nullptr}};

static Type* make_type(Module* m, const char* name, size_t size, const MethodDef* methods,
                       Status (*next)(Value, Value*), uint32_t flags = TF_BASETYPE) {
  Type* t = native_type_new("itertools", name, tp_object, Layout::Other, size, methods, nullptr, flags);
  t->iternext = next;
  dict_set_str(m->dict, str_intern(name), Value(t));
  if (std::string_view(name) != "_tee") weakref_deny_type(t);  // CPython: only _tee takes weak references
  return t;
}

static const MethodDef functions[] = {{"tee", tee_func}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("itertools", functions, "Functional tools for creating and using iterators.");
  if (!tp_count) {
    tp_count = make_type(m, "count", sizeof(Count), count_methods, count_next);
    tp_cycle = make_type(m, "cycle", sizeof(Cycle), cycle_methods, cycle_next);
    tp_repeat = make_type(m, "repeat", sizeof(Repeat), repeat_methods, repeat_next);
    tp_accumulate = make_type(m, "accumulate", sizeof(Accumulate), accumulate_methods, accumulate_next);
    tp_chain = make_type(m, "chain", sizeof(Chain), chain_methods, chain_next);
    tp_compress = make_type(m, "compress", sizeof(Compress), compress_methods, compress_next);
    tp_dropwhile = make_type(m, "dropwhile", sizeof(PredIter), dropwhile_methods, dropwhile_next);
    tp_takewhile = make_type(m, "takewhile", sizeof(PredIter), takewhile_methods, takewhile_next);
    tp_filterfalse = make_type(m, "filterfalse", sizeof(PredIter), filterfalse_methods, filterfalse_next);
    tp_groupby = make_type(m, "groupby", sizeof(GroupBy), groupby_methods, groupby_next);
    tp_grouper = make_type(m, "_grouper", sizeof(Grouper), grouper_methods, grouper_next, 0);
    tp_islice = make_type(m, "islice", sizeof(ISlice), islice_methods, islice_next);
    tp_pairwise = make_type(m, "pairwise", sizeof(Pairwise), pairwise_methods, pairwise_next);
    tp_starmap = make_type(m, "starmap", sizeof(Starmap), starmap_methods, starmap_next);
    tp_tee = make_type(m, "_tee", sizeof(Tee), tee_methods, tee_next, 0);
    tp_teedata = native_type_new("itertools", "_tee_dataobject", tp_object, Layout::Other, sizeof(TeeData),
                                 teedata_methods, nullptr, 0);
    tp_zip_longest = make_type(m, "zip_longest", sizeof(ZipLongest), zip_longest_methods, zip_longest_next);
    tp_product = make_type(m, "product", sizeof(Product), product_methods, product_next);
    tp_permutations = make_type(m, "permutations", sizeof(Combin), permutations_methods, permutations_next);
    tp_combinations = make_type(m, "combinations", sizeof(Combin), combinations_methods, combinations_next);
    tp_cwr = make_type(m, "combinations_with_replacement", sizeof(Combin), cwr_methods, cwr_next);
    add_pickle_methods();
  } else {
    for (Type* t : {tp_count, tp_cycle, tp_repeat, tp_accumulate, tp_chain, tp_compress, tp_dropwhile,
                    tp_takewhile, tp_filterfalse, tp_groupby, tp_grouper, tp_islice, tp_pairwise, tp_starmap,
                    tp_tee, tp_zip_longest, tp_product, tp_permutations, tp_combinations, tp_cwr})
      dict_set_str(m->dict, t->name, Value(t));
  }
  dict_set_str(m->dict, str_intern("_tee_dataobject"), Value(tp_teedata));
  (void)next_item;
  return Value(m);
}
GILPY_NATIVE_MODULE("itertools", init);

}  // namespace gilpy
