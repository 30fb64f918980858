// _functools: reduce, cmp_to_key and partial as natives. functools.py imports
// each name separately and keeps its pure-Python version when one is missing;
// _lru_cache_wrapper is deliberately not provided (functools.py's Python
// implementation is used), since a partial re-implementation of its cache
// statistics and re-entrancy rules would be worse than none.
#include <string>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
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

bool repr_enter(Value self);  // objects/list_methods.cpp
void repr_leave();

// ---- reduce(function, iterable[, initial]) ----
static Result<Value> ft_reduce(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("reduce", kw));
  if (n < 2) return raise_fmt(tp_TypeError, "reduce expected at least 2 arguments, got %lld", (long long)n);
  if (n > 3) return raise_fmt(tp_TypeError, "reduce expected at most 3 arguments, got %lld", (long long)n);
  Value it = TRY(get_iter(a[1]));
  Value acc = n > 2 ? a[2] : Value();
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    acc = acc ? TRY(call2(a[0], acc, x)) : x;
  }
  if (!acc) return raise(tp_TypeError, "reduce() of empty iterable with no initial value");
  return acc;
}

// ---- cmp_to_key ----
// KeyWrapper(cmp) is what cmp_to_key returns; calling it wraps one object.
struct KeyWrapper : Object {
  Value cmp;
  Value obj;  // null for the factory object itself
};
static Type* tp_keywrapper;

static Result<Value> ft_cmp_to_key(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("cmp_to_key", a, n, kw, {"mycmp"}, 1, out));
  KeyWrapper* k = static_cast<KeyWrapper*>(alloc_instance(tp_keywrapper, sizeof(KeyWrapper)));
  k->cmp = out[0];
  return Value(k);
}
static Result<Value> kw_call(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("K", a + 1, n - 1, kw, {"obj"}, 1, out));
  KeyWrapper* self = a[0].as<KeyWrapper>();
  KeyWrapper* k = static_cast<KeyWrapper*>(alloc_instance(tp_keywrapper, sizeof(KeyWrapper)));
  k->cmp = self->cmp;
  k->obj = out[0];
  return Value(k);
}
static Result<Value> kw_compare(Value* a, int op) {
  if (a[1].type() != tp_keywrapper) return raise(tp_TypeError, "other argument must be K instance");
  KeyWrapper* x = a[0].as<KeyWrapper>();
  KeyWrapper* y = a[1].as<KeyWrapper>();
  if (!x->obj || !y->obj) return raise(tp_AttributeError, "object");
  Value r = TRY(call2(x->cmp, x->obj, y->obj));
  return richcompare(r, Value::small(0), op);
}
static Result<Value> kw_lt(Value* a, int64_t, Tuple*) { return kw_compare(a, CMP_LT); }
static Result<Value> kw_le(Value* a, int64_t, Tuple*) { return kw_compare(a, CMP_LE); }
static Result<Value> kw_eq(Value* a, int64_t, Tuple*) { return kw_compare(a, CMP_EQ); }
static Result<Value> kw_ne(Value* a, int64_t, Tuple*) { return kw_compare(a, CMP_NE); }
static Result<Value> kw_gt(Value* a, int64_t, Tuple*) { return kw_compare(a, CMP_GT); }
static Result<Value> kw_ge(Value* a, int64_t, Tuple*) { return kw_compare(a, CMP_GE); }
static Result<Value> kw_get_obj(Value self) {
  Value o = self.as<KeyWrapper>()->obj;
  if (!o) return raise(tp_AttributeError, "obj");
  return o;
}
static Status kw_set_obj(Value self, Value v) {
  self.as<KeyWrapper>()->obj = v;
  return OK();
}

// ---- partial ----
// Invariants: fn is callable, args an exact tuple, kw an exact dict (possibly
// empty); `dict` is the instance __dict__ (null until first used).
struct Partial : Object {
  Dict* dict;
  Value fn;
  Tuple* args;
  Dict* kw;
};
static Type* tp_partial;
static Partial* PT(Value v) { return v.as<Partial>(); }

static bool uses_partial_call(Value f) {
  return isinstance(f, tp_partial) && type_lookup(f.type(), N.__call__) == dict_get_str(tp_partial->dict, N.__call__);
}

static Result<Value> partial_new(Value* a, int64_t n, Tuple* kw) {
  if (n < 2) return raise(tp_TypeError, "type 'partial' takes at least one argument");
  Value func = a[1];
  if (!is_callable(func)) return raise(tp_TypeError, "the first argument must be callable");
  Tuple* pargs = tuple_empty();
  Dict* pkw = nullptr;
  // Flatten partial(partial(f, 1), 2) into partial(f, 1, 2) unless the inner
  // one carries instance attributes.
  if (uses_partial_call(func)) {
    Partial* inner = PT(func);
    if (!inner->dict) {
      pargs = inner->args;
      pkw = inner->kw;
      func = inner->fn;
    }
  }
  Partial* p = static_cast<Partial*>(alloc_instance(as_type(a[0]), sizeof(Partial)));
  p->fn = func;
  int64_t extra = n - 2;
  Tuple* args = tuple_new(pargs->size + extra);
  for (int64_t i = 0; i < pargs->size; i++) args->items[i] = pargs->items[i];
  for (int64_t i = 0; i < extra; i++) args->items[pargs->size + i] = a[2 + i];
  p->args = args;
  p->kw = pkw ? dict_copy(pkw) : dict_new();
  if (kw)
    for (int64_t i = 0; i < kw->size; i++) TRY(dict_set(p->kw, kw->items[i], a[n + i]));
  return Value(p);
}

// The fast call: stored args then the new positional ones, keywords merged
// (call-time keywords override stored ones) without building a kwargs dict
// when the partial has none.
static Result<Value> partial_call(Value* a, int64_t n, Tuple* kw) {
  Partial* p = PT(a[0]);
  int64_t nstored = p->args->size, nnew = n - 1;
  int64_t nkwnew = kw ? kw->size : 0;
  if (p->kw->used == 0) {
    int64_t total = nstored + nnew + nkwnew;
    Value small[12];
    gc::Vector<Value> big;
    Value* buf = small;
    if (total > 12) {
      big.resize(size_t(total));
      buf = big.data();
    }
    for (int64_t i = 0; i < nstored; i++) buf[i] = p->args->items[i];
    for (int64_t i = 0; i < nnew + nkwnew; i++) buf[nstored + i] = a[1 + i];
    return call(p->fn, buf, nstored + nnew, kw);
  }
  Dict* merged = dict_copy(p->kw);
  for (int64_t i = 0; i < nkwnew; i++) TRY(dict_set(merged, kw->items[i], a[n + i]));
  Tuple* args = tuple_new(nstored + nnew);
  for (int64_t i = 0; i < nstored; i++) args->items[i] = p->args->items[i];
  for (int64_t i = 0; i < nnew; i++) args->items[nstored + i] = a[1 + i];
  return call_ex(p->fn, args, merged);
}

static Result<Value> partial_repr(Value* a, int64_t, Tuple*) {
  Partial* p = PT(a[0]);
  Type* t = a[0].type();
  std::string name = t == tp_partial ? "functools.partial" : std::string(t->name->view());
  if (!repr_enter(a[0])) return Value(str_new("..."));
  std::string s;
  Status st = [&]() -> Status {
    Str* fr = TRY(repr(p->fn));
    s += fr->view();
    for (int64_t i = 0; i < p->args->size; i++) {
      Str* r = TRY(repr(p->args->items[i]));
      s += ", ";
      s += r->view();
    }
    int64_t pos = 0;
    Value k, v;
    while (dict_next(p->kw, &pos, &k, &v)) {
      Str* ks = TRY(str(k));
      Str* r = TRY(repr(v));
      s += ", ";
      s += ks->view();
      s += "=";
      s += r->view();
    }
    return OK();
  }();
  repr_leave();
  if (st.is_err()) return ERR;
  return Value(str_new(name + "(" + s + ")"));
}

static Result<Value> partial_reduce(Value* a, int64_t, Tuple*) {
  Partial* p = PT(a[0]);
  Value kw = Value(p->kw);
  Value d = p->dict && p->dict->used ? Value(p->dict) : None();
  return Value(tuple_of({Value(a[0].type()), Value(tuple_of({p->fn})), Value(tuple_of({p->fn, Value(p->args), kw, d}))}));
}
static Result<Value> partial_setstate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setstate__", n - 1, 1, 1));
  Value state = a[1];
  if (!is_tuple(state)) return raise(tp_TypeError, "argument to __setstate__ must be a tuple");
  Tuple* t = as_tuple(state);
  if (t->size != 4) return raise_fmt(tp_TypeError, "expected 4 items in state, got %lld", (long long)t->size);
  Value fn = t->items[0], fnargs = t->items[1], kw = t->items[2], dict = t->items[3];
  if (!is_callable(fn) || !is_tuple(fnargs) || (!is_none(kw) && !is_dict(kw)))
    return raise(tp_TypeError, "invalid partial state");
  Partial* p = PT(a[0]);
  Tuple* args = as_tuple(fnargs);
  if (args->type != tp_tuple) args = tuple_from(args->items, args->size);
  Dict* kwd = is_none(kw) ? dict_new() : (kw.type() == tp_dict ? as_dict(kw) : dict_copy(as_dict(kw)));
  p->fn = fn;
  p->args = args;
  p->kw = kwd;
  if (is_none(dict)) p->dict = nullptr;
  else if (is_dict(dict)) p->dict = as_dict(dict);
  else return raise(tp_TypeError, "invalid partial state");
  return None();
}
static Result<Value> partial_get_func(Value self) { return PT(self)->fn; }
static Result<Value> partial_get_args(Value self) { return Value(PT(self)->args); }
static Result<Value> partial_get_keywords(Value self) { return Value(PT(self)->kw); }
static Result<Value> class_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__class_getitem__", n - 1, 1, 1));
  return call2(Value(tp_GenericAlias), a[0], a[1]);
}

static const MethodDef partial_methods[] = {{"__new__", partial_new, MethKind::Static},
                                            {"__call__", partial_call},
                                            {"__repr__", partial_repr},
                                            {"__reduce__", partial_reduce},
                                            {"__setstate__", partial_setstate},
                                            {"__class_getitem__", class_getitem, MethKind::Class},
                                            {nullptr, nullptr}};
static const GetSetDef partial_getsets[] = {{"func", partial_get_func},
                                            {"args", partial_get_args},
                                            {"keywords", partial_get_keywords},
                                            {nullptr, nullptr}};
static const MethodDef keywrapper_methods[] = {{"__call__", kw_call}, {"__lt__", kw_lt}, {"__le__", kw_le},
                                               {"__eq__", kw_eq},     {"__ne__", kw_ne}, {"__gt__", kw_gt},
                                               {"__ge__", kw_ge},     {nullptr, nullptr}};
static const GetSetDef keywrapper_getsets[] = {{"obj", kw_get_obj, kw_set_obj}, {nullptr, nullptr}};
static const MethodDef functions[] = {{"reduce", ft_reduce}, {"cmp_to_key", ft_cmp_to_key}, {nullptr, nullptr}};

extern const GetSetDef instance_dict_getset[];  // objects/object.cpp: the standard __dict__ descriptor

// partial.__dict__ as CPython's PyObject_GenericSetDict: replaceable by a
// dict, never deleted.
static Status partial_dict_set(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "cannot delete __dict__");
  if (!is_dict(v)) return raise_fmt(tp_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
  return instance_dict_getset[0].set(self, v);
}
static GetSetDef partial_dict_getset[] = {{"__dict__", nullptr, partial_dict_set}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_functools", functions, "Tools that operate on functions.");
  if (!tp_partial) {
    tp_partial = native_type_new("functools", "partial", tp_object, Layout::Other, sizeof(Partial), partial_methods,
                                 partial_getsets);
    tp_partial->dict_offset = sizeof(Object);  // Partial::dict: instances carry a __dict__
    partial_dict_getset[0].get = instance_dict_getset[0].get;
    type_add_getsets(tp_partial, partial_dict_getset);
    type_modified(tp_partial);
    tp_keywrapper = native_type_new("functools", "KeyWrapper", tp_object, Layout::Other, sizeof(KeyWrapper),
                                    keywrapper_methods, keywrapper_getsets, 0);
    type_set_attr_const(tp_keywrapper, "__hash__", None());
    type_modified(tp_keywrapper);
  }
  dict_set_str(m->dict, str_intern("partial"), Value(tp_partial));
  return Value(m);
}
GILPY_NATIVE_MODULE("_functools", init);

}  // namespace gilpy
