// The builtin iterator types that are classes in builtins: enumerate, zip,
// map, filter, reversed; and the two iter() iterators (over a __getitem__
// sequence, and iter(callable, sentinel)).
#include <algorithm>
#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "objects/genericalias.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(native_iternext(a[0].type())(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}

// ---- pickling support shared by the builtin iterators ----
Value builtin_iter() {
  Value f = dict_get_str(g_interp.builtins->dict, str_intern("iter"));
  return f ? f : None();
}
Result<Value> iter_reduce_at(Value callable, Value seq, int64_t index) {
  return Value(tuple_of({callable, Value(tuple_of({seq})), Value::small(index)}));
}
Result<Value> iter_reduce_exhausted(Value empty) {
  return Value(tuple_of({builtin_iter(), Value(tuple_of({empty}))}));
}
Result<Value> iter_reduce_rest(Value it, size_t size) {
  // Drain a copy, so the original keeps its position.
  Object* copy = alloc_instance(it.type(), size);
  std::memcpy(reinterpret_cast<char*>(copy) + sizeof(Object), reinterpret_cast<char*>(it.obj()) + sizeof(Object),
              size - sizeof(Object));
  List* rest = TRY(to_list(Value(copy)));
  return iter_reduce_exhausted(Value(rest));
}
Result<int64_t> iter_state_index(Value state, int64_t lo, int64_t hi) {
  if (!is_int(state)) return raise(tp_TypeError, "an integer is required");  // PyLong_AsSsize_t
  int64_t i = TRY(text::ssize_arg(state));
  return i > hi ? std::max(lo, hi) : i < lo ? lo : i;
}

// ---- iteration over a __getitem__ sequence ----
struct SeqIter : Object {
  Value seq;  // null when exhausted
  int64_t index;
};
static Status seqiter_next(Value self, Value* out) {
  SeqIter* it = self.as<SeqIter>();
  *out = Value();
  if (!it->seq) return OK();
  Result<Value> r = getitem(it->seq, int_from_i64(it->index));
  if (r.ok()) {
    it->index++;
    *out = r.value();
    return OK();
  }
  if (exc_matches(tp_IndexError) || exc_matches(tp_StopIteration)) {
    exc_clear();
    it->seq = Value();
    return OK();
  }
  return ERR;
}
Result<Value> seq_iter_new(Value seq) {
  SeqIter* it = static_cast<SeqIter*>(alloc_instance(tp_iterator, sizeof(SeqIter)));
  it->seq = seq;
  return Value(it);
}

// ---- iter(callable, sentinel) ----
struct CallIter : Object {
  Value fn, sentinel;  // fn null when exhausted
};
static Status calliter_next(Value self, Value* out) {
  CallIter* it = self.as<CallIter>();
  *out = Value();
  if (!it->fn) return OK();
  Result<Value> r = call0(it->fn);
  if (r.is_err()) {
    if (exc_matches(tp_StopIteration)) {
      exc_clear();
      it->fn = Value();
      return OK();
    }
    return ERR;
  }
  bool same = TRY(eq(r.value(), it->sentinel));
  if (same) {
    it->fn = Value();
    return OK();
  }
  *out = r.value();
  return OK();
}
Value callable_iter_new(Value fn, Value sentinel) {
  CallIter* it = static_cast<CallIter*>(alloc_instance(tp_callable_iterator, sizeof(CallIter)));
  it->fn = fn;
  it->sentinel = sentinel;
  return Value(it);
}

// ---- enumerate ----
struct Enumerate : Object {
  Dict* dict;
  Value it;
  int64_t count;
  Value big_count;  // used once count leaves the small-int range
};
static Result<Value> enumerate_new(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("enumerate", a + 1, n - 1, kw, {"iterable", "start"}, 1, out));
  Enumerate* e = static_cast<Enumerate*>(alloc_instance(as_type(a[0]), sizeof(Enumerate)));
  e->it = TRY(get_iter(out[0]));
  if (out[1]) {
    Value s = TRY(index_value(out[1]));
    int64_t c;
    if (int_fits_i64(s, &c) && Value::fits_small(c)) e->count = c;
    else e->big_count = s;
  }
  return Value(e);
}
static Status enumerate_next(Value self, Value* out) {
  Enumerate* e = self.as<Enumerate>();
  Value x;
  TRY(iter_next(e->it, &x));
  if (!x) { *out = Value(); return OK(); }
  Value idx;
  if (e->big_count) {
    idx = e->big_count;
    e->big_count = TRY(int_binary(idx, Value::small(1), 0));
  } else {
    idx = Value::small(e->count);
    if (e->count == Value::kSmallMax) e->big_count = TRY(int_binary(idx, Value::small(1), 0));
    else e->count++;
  }
  *out = Value(tuple_of({idx, x}));
  return OK();
}

// ---- zip ----
struct Zip : Object {
  Dict* dict;
  Tuple* its;
  bool strict;
  bool done;
};
static Result<Value> zip_new(Value* a, int64_t n, Tuple* kw) {
  bool strict = false;
  if (kw) {
    for (int64_t i = 0; i < kw->size; i++) {
      if (std::string(as_str(kw->items[i])->view()) != "strict")
        return raise_fmt(tp_TypeError, "zip() got an unexpected keyword argument '%s'", as_str(kw->items[i])->data);
      strict = TRY(truthy(a[n + i]));
    }
  }
  Zip* z = static_cast<Zip*>(alloc_instance(as_type(a[0]), sizeof(Zip)));
  z->its = tuple_new(n - 1);
  // (iter()'s own error propagates, as in CPython 3.11.)
  for (int64_t i = 1; i < n; i++) z->its->items[i - 1] = TRY(get_iter(a[i]));
  z->strict = strict;
  return Value(z);
}
static Status zip_next(Value self, Value* out) {
  Zip* z = self.as<Zip>();
  *out = Value();
  int64_t n = z->its->size;
  if (z->done || n == 0) return OK();
  Tuple* t = tuple_new(n);
  for (int64_t i = 0; i < n; i++) {
    Value x;
    TRY(iter_next(z->its->items[i], &x));
    if (!x) {
      z->done = true;
      if (z->strict) {
        if (i > 0)
          return raise_fmt(tp_ValueError, "zip() argument %lld is shorter than argument%s%lld", (long long)(i + 1),
                           i == 1 ? " " : "s 1-", (long long)i);
        for (int64_t j = 1; j < n; j++) {
          Value y;
          TRY(iter_next(z->its->items[j], &y));
          if (y)
            return raise_fmt(tp_ValueError, "zip() argument %lld is longer than argument%s%lld", (long long)(j + 1),
                             j == 1 ? " " : "s 1-", (long long)j);
        }
      }
      return OK();
    }
    t->items[i] = x;
  }
  *out = Value(t);
  return OK();
}

// ---- map ----
struct Map : Object {
  Dict* dict;
  Value fn;
  Tuple* its;
};
static Result<Value> map_new(Value* a, int64_t n, Tuple* kw) {
  // Keywords only for a subclass with its own __init__ (CPython's tp_init check).
  if (kw && kw->size && (as_type(a[0]) == tp_map || type_lookup(as_type(a[0]), N.__init__) == type_lookup(tp_object, N.__init__)))
    TRY(no_kwargs("map", kw));
  if (n < 3) return raise(tp_TypeError, "map() must have at least two arguments.");
  Map* m = static_cast<Map*>(alloc_instance(as_type(a[0]), sizeof(Map)));
  m->fn = a[1];
  m->its = tuple_new(n - 2);
  for (int64_t i = 2; i < n; i++) m->its->items[i - 2] = TRY(get_iter(a[i]));
  return Value(m);
}
static Status map_next(Value self, Value* out) {
  Map* m = self.as<Map>();
  int64_t n = m->its->size;
  Value buf[8];
  gc::Vector<Value> big;
  Value* args = buf;
  if (n > 8) { big.resize(size_t(n)); args = big.data(); }
  for (int64_t i = 0; i < n; i++) {
    TRY(iter_next(m->its->items[i], &args[i]));
    if (!args[i]) { *out = Value(); return OK(); }
  }
  *out = TRY(call(m->fn, args, n));
  return OK();
}

// ---- filter ----
struct Filter : Object {
  Dict* dict;
  Value fn, it;
};
static Result<Value> filter_new(Value* a, int64_t n, Tuple* kw) {
  // Keywords only for a subclass with its own __init__ (CPython's tp_init check).
  if (kw && kw->size && (as_type(a[0]) == tp_filter || type_lookup(as_type(a[0]), N.__init__) == type_lookup(tp_object, N.__init__)))
    TRY(no_kwargs("filter", kw));
  TRY(check_nargs("filter", n - 1, 2, 2));
  Filter* f = static_cast<Filter*>(alloc_instance(as_type(a[0]), sizeof(Filter)));
  f->fn = a[1];
  f->it = TRY(get_iter(a[2]));
  return Value(f);
}
static Status filter_next(Value self, Value* out) {
  Filter* f = self.as<Filter>();
  for (;;) {
    Value x;
    TRY(iter_next(f->it, &x));
    if (!x) { *out = Value(); return OK(); }
    bool keep;
    if (is_none(f->fn) || f->fn == Value(tp_bool)) {
      keep = TRY(truthy(x));
    } else {
      Value r = TRY(call1(f->fn, x));
      keep = TRY(truthy(r));
    }
    if (keep) { *out = x; return OK(); }
  }
}

// ---- reversed ----
struct Reversed : Object {
  Dict* dict;
  Value seq;  // null when exhausted
  int64_t index;
};
static Result<Value> reversed_new(Value* a, int64_t n, Tuple* kw) {
  if (as_type(a[0]) == tp_reversed) TRY(no_kwargs("reversed", kw));
  TRY(check_nargs("reversed", n - 1, 1, 1));
  Value rev = type_lookup(a[1].type(), N.__reversed__);
  if (rev) {
    if (is_none(rev)) return raise_fmt(tp_TypeError, "'%s' object is not reversible", type_name(a[1]));
    // A special method: bound through the type, never the instance's __getattribute__.
    Value m;
    TRY(lookup_special_r(a[1], N.__reversed__, &m));
    return call0(m);
  }
  if (!type_lookup(a[1].type(), N.__getitem__) || !type_lookup(a[1].type(), N.__len__) || is_dict(a[1]))
    return raise_fmt(tp_TypeError, "'%s' object is not reversible", type_name(a[1]));
  int64_t len = TRY(gilpy::len(a[1]));
  Reversed* r = static_cast<Reversed*>(alloc_instance(as_type(a[0]), sizeof(Reversed)));
  r->seq = a[1];
  r->index = len - 1;
  return Value(r);
}
static Status reversed_next(Value self, Value* out) {
  Reversed* r = self.as<Reversed>();
  *out = Value();
  if (!r->seq || r->index < 0) { r->seq = Value(); return OK(); }
  Result<Value> v = getitem(r->seq, Value::small(r->index));
  if (v.is_err()) {
    if (exc_matches(tp_IndexError) || exc_matches(tp_StopIteration)) {
      exc_clear();
      r->seq = Value();
      return OK();
    }
    return ERR;
  }
  r->index--;
  *out = v.value();
  return OK();
}
static Result<Value> reversed_len(Value* a, int64_t, Tuple*) {
  Reversed* r = a[0].as<Reversed>();
  if (!r->seq) return Value::small(0);
  int64_t n = TRY(gilpy::len(r->seq));  // the sequence may have shrunk (or its __len__ raise)
  return Value::small(n < r->index + 1 ? 0 : r->index + 1);
}

static const MethodDef iter_methods[] = {{"__iter__", iter_self}, {"__next__", iter_next_m}, {nullptr, nullptr}};
// iter(seq)'s iterator: (iter, (seq,), index); __setstate__ only raises a negative index to 0.
static Result<Value> seqiter_reduce(Value* a, int64_t, Tuple*) {
  SeqIter* it = a[0].as<SeqIter>();
  if (!it->seq) return iter_reduce_exhausted(Value(tuple_empty()));
  return iter_reduce_at(builtin_iter(), it->seq, it->index);
}
static Result<Value> seqiter_setstate(Value* a, int64_t, Tuple*) {
  SeqIter* it = a[0].as<SeqIter>();
  if (it->seq) it->index = TRY(iter_state_index(a[1], 0, INT64_MAX));
  return None();
}
static const MethodDef seqiter_methods[] = {{"__reduce__", seqiter_reduce}, {"__setstate__", seqiter_setstate},
                                            {nullptr, nullptr}};
// iter(callable, sentinel)'s iterator: (iter, (callable, sentinel)).
static Result<Value> calliter_reduce(Value* a, int64_t, Tuple*) {
  CallIter* it = a[0].as<CallIter>();
  if (!it->fn) return iter_reduce_exhausted(Value(tuple_empty()));
  return Value(tuple_of({builtin_iter(), Value(tuple_of({it->fn, it->sentinel}))}));
}
static const MethodDef calliter_methods[] = {{"__reduce__", calliter_reduce}, {nullptr, nullptr}};
static Result<Value> enumerate_reduce(Value* a, int64_t, Tuple*) {
  Enumerate* e = a[0].as<Enumerate>();
  Value count = e->big_count ? e->big_count : Value::small(e->count);
  return Value(tuple_of({Value(a[0].type()), Value(tuple_of({e->it, count}))}));
}
static const MethodDef enumerate_methods[] = {{"__new__", enumerate_new, MethKind::Static}, {"__iter__", iter_self},
                                              {"__next__", iter_next_m}, {"__reduce__", enumerate_reduce},
                                              {"__class_getitem__", generic_class_getitem, MethKind::Class},
                                              {nullptr, nullptr}};
// Pickling, as CPython's: (type, (iterators...)[, strict]) for zip (strict
// restored by __setstate__), (type, (function, iterators...)) for map and
// (type, (function, iterator)) for filter.
static Result<Value> zip_reduce(Value* a, int64_t, Tuple*) {
  Zip* z = a[0].as<Zip>();
  if (z->strict) return Value(tuple_of({Value(a[0].type()), Value(z->its), True()}));
  return Value(tuple_of({Value(a[0].type()), Value(z->its)}));
}
static Result<Value> zip_setstate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setstate__", n - 1, 1, 1));
  a[0].as<Zip>()->strict = TRY(truthy(a[1]));
  return None();
}
static Result<Value> map_reduce(Value* a, int64_t, Tuple*) {
  Map* m = a[0].as<Map>();
  Tuple* args = tuple_new(m->its->size + 1);
  args->items[0] = m->fn;
  for (int64_t i = 0; i < m->its->size; i++) args->items[i + 1] = m->its->items[i];
  return Value(tuple_of({Value(a[0].type()), Value(args)}));
}
static Result<Value> filter_reduce(Value* a, int64_t, Tuple*) {
  Filter* f = a[0].as<Filter>();
  return Value(tuple_of({Value(a[0].type()), Value(tuple_of({f->fn, f->it}))}));
}
static const MethodDef zip_methods[] = {{"__new__", zip_new, MethKind::Static}, {"__iter__", iter_self},
                                        {"__next__", iter_next_m}, {"__reduce__", zip_reduce},
                                        {"__setstate__", zip_setstate}, {nullptr, nullptr}};
static const MethodDef map_methods[] = {{"__new__", map_new, MethKind::Static}, {"__iter__", iter_self},
                                        {"__next__", iter_next_m}, {"__reduce__", map_reduce}, {nullptr, nullptr}};
static const MethodDef filter_methods[] = {{"__new__", filter_new, MethKind::Static}, {"__iter__", iter_self},
                                           {"__next__", iter_next_m}, {"__reduce__", filter_reduce},
                                           {nullptr, nullptr}};
static Result<Value> reversed_reduce(Value* a, int64_t, Tuple*) {
  Reversed* r = a[0].as<Reversed>();
  if (!r->seq) return Value(tuple_of({Value(a[0].type()), Value(tuple_of({Value(tuple_empty())}))}));
  return iter_reduce_at(Value(a[0].type()), r->seq, r->index);
}
static Result<Value> reversed_setstate(Value* a, int64_t, Tuple*) {
  Reversed* r = a[0].as<Reversed>();
  if (!r->seq) return None();
  int64_t n = TRY(gilpy::len(r->seq));
  r->index = TRY(iter_state_index(a[1], -1, n - 1));
  return None();
}
static const MethodDef reversed_methods[] = {{"__new__", reversed_new, MethKind::Static}, {"__iter__", iter_self},
                                             {"__next__", iter_next_m}, {"__length_hint__", reversed_len},
                                             {"__reduce__", reversed_reduce}, {"__setstate__", reversed_setstate},
                                             {nullptr, nullptr}};

void init_iterator_types() {
  type_add_methods(tp_iterator, iter_methods);
  type_add_methods(tp_iterator, seqiter_methods);
  tp_iterator->iternext = seqiter_next;
  type_add_methods(tp_callable_iterator, iter_methods);
  type_add_methods(tp_callable_iterator, calliter_methods);
  tp_callable_iterator->iternext = calliter_next;
  type_add_methods(tp_enumerate, enumerate_methods);
  tp_enumerate->iternext = enumerate_next;
  type_add_methods(tp_zip, zip_methods);
  tp_zip->iternext = zip_next;
  type_set_attr_const(tp_zip, "__doc__",
                      str_value("zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
                                "   >>> list(zip('abcdefg', range(3), range(4)))\n"
                                "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
                                "Each tuple holds the next item of every iterable, in order, so the i-th\n"
                                "element of a tuple comes from the i-th argument.  Iteration stops when\n"
                                "the shortest iterable is exhausted.\n\n"
                                "With strict=True, an iterable that runs out before the others raises\n"
                                "ValueError."));
  type_add_methods(tp_map, map_methods);
  tp_map->iternext = map_next;
  type_add_methods(tp_filter, filter_methods);
  tp_filter->iternext = filter_next;
  type_add_methods(tp_reversed, reversed_methods);
  tp_reversed->iternext = reversed_next;
}

}  // namespace gilpy
