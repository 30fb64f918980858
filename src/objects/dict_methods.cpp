// dict: the Python-visible methods, the keys/values/items views and their
// iterators (which detect a dict changing size during iteration).
#include <cstring>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

using namespace bytecode;

bool repr_enter(Value self);
void repr_leave();

static Dict* D(Value v) { return v.as<Dict>(); }

static Err key_error(Value key) {
  Value args[1] = {key};
  return raise_with_args(tp_KeyError, args, 1);
}

static Result<Value> dict_new_m(Value* a, int64_t n, Tuple*) {
  Dict* d = static_cast<Dict*>(alloc_instance(as_type(a[0]), sizeof(Dict)));
  Dict* fresh = dict_new();
  d->mask = fresh->mask;
  d->index = fresh->index;
  d->capacity = fresh->capacity;
  d->entries = fresh->entries;
  return Value(d);
}
static Status update_common(Dict* d, Value* args, int64_t nargs, Tuple* kw, const char* fname) {
  if (nargs > 1) return raise_fmt(tp_TypeError, "%s expected at most 1 argument, got %lld", fname, (long long)nargs);
  if (nargs == 1) TRY(dict_update(d, args[0]));
  if (kw)
    for (int64_t i = 0; i < kw->size; i++) TRY(dict_set(d, kw->items[i], args[nargs + i]));
  return OK();
}
static Result<Value> dict_init_m(Value* a, int64_t n, Tuple* kw) {
  TRY(update_common(D(a[0]), a + 1, n - 1, kw, "dict"));
  return None();
}
static Result<Value> dict_update_m(Value* a, int64_t n, Tuple* kw) {
  TRY(update_common(D(a[0]), a + 1, n - 1, kw, "update"));
  return None();
}
static Result<Value> dict_getitem(Value* a, int64_t, Tuple*) {
  Value v;
  TRY(dict_get2(D(a[0]), a[1], &v));
  if (v) return v;
  if (a[0].type() != tp_dict) {
    Value missing = type_lookup(a[0].type(), N.__missing__);
    if (missing) {
      if (missing.type() == tp_function) return call2(missing, a[0], a[1]);
      TRY(lookup_special_r(a[0], N.__missing__, &missing));  // any other descriptor, bound
      if (missing) return call1(missing, a[1]);
    }
  }
  return key_error(a[1]);
}
static Result<Value> dict_setitem(Value* a, int64_t, Tuple*) {
  TRY(dict_set(D(a[0]), a[1], a[2]));
  return None();
}
static Result<Value> dict_delitem(Value* a, int64_t, Tuple*) {
  bool found = TRY(dict_del(D(a[0]), a[1]));
  if (!found) return key_error(a[1]);
  return None();
}
static Result<Value> dict_contains(Value* a, int64_t, Tuple*) {
  Value v;
  TRY(dict_get2(D(a[0]), a[1], &v));
  return Bool(bool(v));
}
static Result<Value> dict_len(Value* a, int64_t, Tuple*) { return Value::small(D(a[0])->used); }
static Result<Value> dict_get_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("get", n - 1, 1, 2));
  Value v;
  TRY(dict_get2(D(a[0]), a[1], &v));
  return v ? v : (n > 2 ? a[2] : None());
}
static Result<Value> dict_setdefault_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setdefault", n - 1, 1, 2));
  return dict_setdefault(D(a[0]), a[1], n > 2 ? a[2] : None());
}
static Result<Value> dict_pop_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("pop", n - 1, 1, 2));
  Value v;
  TRY(dict_get2(D(a[0]), a[1], &v));
  if (!v) {
    if (n > 2) return a[2];
    return key_error(a[1]);
  }
  TRY(dict_del(D(a[0]), a[1]));
  return v;
}
static Result<Value> dict_popitem_m(Value* a, int64_t, Tuple*) {
  Dict* d = D(a[0]);
  for (int64_t i = d->nentries - 1; i >= 0; i--) {
    DictEntry& e = d->entries[i];
    if (!e.key) continue;
    Value k = e.key, v = e.value;
    TRY(dict_del(d, k));
    return Value(tuple_of({k, v}));
  }
  return raise(tp_KeyError, "popitem(): dictionary is empty");
}
static Result<Value> dict_clear_m(Value* a, int64_t, Tuple*) {
  dict_clear(D(a[0]));
  return None();
}
static Result<Value> dict_copy_m(Value* a, int64_t, Tuple*) { return Value(dict_copy(D(a[0]))); }
// d[k] = v for each key of the exact dict or set `keys`, with its stored hash.
static Status dict_update_keys_hashed(Dict* d, Value keys, Value v) {
  Value k;
  int64_t h;
  if (is_dict(keys)) {
    Dict* src = D(keys);
    for (int64_t i = 0; i < src->nentries; i++)
      if (src->entries[i].key) TRY(dict_set_hashed(d, src->entries[i].key, v, src->entries[i].hash));
    return OK();
  }
  for (int64_t pos = 0; set_next_hashed(keys.as<Set>(), &pos, &k, &h);) TRY(dict_set_hashed(d, k, v, h));
  return OK();
}
static Result<Value> dict_fromkeys(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("fromkeys", n - 1, 1, 2));
  Value d = TRY(call0(a[0]));
  Value v = n > 2 ? a[2] : None();
  if (d.type() == tp_dict && (a[1].type() == tp_dict || a[1].type() == tp_set || a[1].type() == tp_frozenset)) {
    // Keys from an exact dict or set keep their stored hashes (CPython's _PyDict_FromKeys).
    TRY(dict_update_keys_hashed(D(d), a[1], v));
    return d;
  }
  Value it = TRY(get_iter(a[1]));
  for (;;) {
    Value k;
    TRY(iter_next(it, &k));
    if (!k) break;
    if (is_dict(d) && d.type() == tp_dict) TRY(dict_set(D(d), k, v));
    else TRY(setitem(d, k, v));
  }
  return d;
}
static Result<Value> dict_repr(Value* a, int64_t, Tuple*) {
  Dict* d = D(a[0]);
  if (d->used == 0) return Value(str_new("{}"));
  if (!repr_enter(a[0])) return Value(str_new("{...}"));
  std::string s = "{";
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(d, &pos, &k, &v)) {
    if (!first) s += ", ";
    first = false;
    Result<Str*> kr = repr(k);
    if (kr.is_err()) { repr_leave(); return ERR; }
    Result<Str*> vr = repr(v);
    if (vr.is_err()) { repr_leave(); return ERR; }
    s += kr.value()->view();
    s += ": ";
    s += vr.value()->view();
  }
  repr_leave();
  s += "}";
  return Value(str_new(s));
}
static Result<Value> dict_eq_impl(Dict* x, Dict* y) {
  if (x->used != y->used) return False();
  for (int64_t i = 0; i < x->nentries; i++) {
    DictEntry e = x->entries[i];  // (a copy: an __eq__ may change x)
    if (!e.key) continue;
    Value w;
    TRY(dict_get_hashed(y, e.key, e.hash, &w));  // the stored hash, as CPython's dict_equal
    if (!w) return False();
    bool same = TRY(eq(e.value, w));
    if (!same) return False();
  }
  return True();
}
static Result<Value> dict_eq(Value* a, int64_t, Tuple*) {
  if (!is_dict(a[1])) return Value(g_NotImplemented);
  return dict_eq_impl(D(a[0]), D(a[1]));
}
static Result<Value> dict_ne(Value* a, int64_t, Tuple*) {
  if (!is_dict(a[1])) return Value(g_NotImplemented);
  Value r = TRY(dict_eq_impl(D(a[0]), D(a[1])));
  return Bool(r == False());
}
static Result<Value> dict_or(Value* a, int64_t, Tuple*) {
  if (!is_dict(a[1])) return Value(g_NotImplemented);
  Dict* d = dict_copy(D(a[0]));
  TRY(dict_update(d, a[1]));
  if (a[0].type() != tp_dict) {
    Value r = TRY(call0(Value(a[0].type())));
    TRY(call_method1(r, str_intern("update"), Value(d)));
    return r;
  }
  return Value(d);
}
static Result<Value> dict_ror(Value* a, int64_t, Tuple*) {
  if (!is_dict(a[1])) return Value(g_NotImplemented);
  Dict* d = dict_copy(D(a[1]));
  TRY(dict_update(d, a[0]));
  return Value(d);
}
static Result<Value> dict_ior(Value* a, int64_t, Tuple*) {
  TRY(dict_update(D(a[0]), a[1]));
  return a[0];
}
static Result<Value> dict_sizeof(Value* a, int64_t, Tuple*) {
  return Value::small(int64_t(sizeof(Dict) + size_t(D(a[0])->capacity) * sizeof(DictEntry)));
}

// ---- views and iterators --------------------------------------------------------------------
struct DictView : Object {
  Dict* d;
};
struct DictIter : Object {
  Dict* d;          // null when exhausted
  int64_t pos;
  int64_t used;     // size when the iteration started
  int64_t remaining;
  bool reverse;
};

static Value view_new(Type* t, Dict* d) {
  DictView* v = static_cast<DictView*>(alloc_instance(t, sizeof(DictView)));
  v->d = d;
  return Value(v);
}
static Value iter_new(Type* t, Dict* d, bool reverse) {
  DictIter* it = static_cast<DictIter*>(alloc_instance(t, sizeof(DictIter)));
  it->d = d;
  it->used = d->used;
  it->remaining = d->used;
  it->reverse = reverse;
  it->pos = reverse ? d->nentries - 1 : 0;
  return Value(it);
}

// Advance; kind 0 keys, 1 values, 2 items.
static Status dictiter_step(Value self, Value* out, int kind) {
  DictIter* it = self.as<DictIter>();
  Dict* d = it->d;
  if (!d) { *out = Value(); return OK(); }
  if (d->used != it->used) {
    it->used = -1;
    return raise(tp_RuntimeError, "dictionary changed size during iteration");
  }
  if (!it->reverse) {
    while (it->pos < d->nentries) {
      DictEntry& e = d->entries[it->pos++];
      if (!e.key) continue;
      if (it->remaining == 0) {
        // Same size, yet more keys than it started with: deleted and re-added.
        it->d = nullptr;
        return raise(tp_RuntimeError, "dictionary keys changed during iteration");
      }
      it->remaining--;
      *out = kind == 0 ? e.key : kind == 1 ? e.value : Value(tuple_of({e.key, e.value}));
      return OK();
    }
  } else {
    while (it->pos >= 0 && it->pos < d->nentries) {
      DictEntry& e = d->entries[it->pos--];
      if (!e.key) continue;
      it->remaining--;
      *out = kind == 0 ? e.key : kind == 1 ? e.value : Value(tuple_of({e.key, e.value}));
      return OK();
    }
  }
  it->d = nullptr;
  *out = Value();
  return OK();
}
static Status keyiter_next(Value s, Value* o) { return dictiter_step(s, o, 0); }
static Status valueiter_next(Value s, Value* o) { return dictiter_step(s, o, 1); }
static Status itemiter_next(Value s, Value* o) { return dictiter_step(s, o, 2); }

static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(native_iternext(a[0].type())(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
static Result<Value> dictiter_len(Value* a, int64_t, Tuple*) {
  DictIter* it = a[0].as<DictIter>();
  return Value::small(it->d && it->d->used == it->used ? it->remaining : 0);
}
static Result<Value> dictiter_reduce(Value* a, int64_t, Tuple*) { return iter_reduce_rest(a[0], sizeof(DictIter)); }
static const MethodDef dictiter_methods[] = {{"__iter__", iter_self}, {"__next__", iter_next_m},
                                             {"__length_hint__", dictiter_len}, {"__reduce__", dictiter_reduce},
                                             {nullptr, nullptr}};

static Result<Value> dict_iter(Value* a, int64_t, Tuple*) { return iter_new(tp_dict_keyiterator, D(a[0]), false); }
static Result<Value> dict_reversed(Value* a, int64_t, Tuple*) { return iter_new(tp_dict_keyiterator, D(a[0]), true); }
static Result<Value> dict_keys(Value* a, int64_t, Tuple*) { return view_new(tp_dict_keys, D(a[0])); }
static Result<Value> dict_values(Value* a, int64_t, Tuple*) { return view_new(tp_dict_values, D(a[0])); }
static Result<Value> dict_items(Value* a, int64_t, Tuple*) { return view_new(tp_dict_items, D(a[0])); }

static Dict* VD(Value v) { return v.as<DictView>()->d; }
static Result<Value> view_len(Value* a, int64_t, Tuple*) { return Value::small(VD(a[0])->used); }
static Result<Value> keys_iter(Value* a, int64_t, Tuple*) { return iter_new(tp_dict_keyiterator, VD(a[0]), false); }
static Result<Value> values_iter(Value* a, int64_t, Tuple*) { return iter_new(tp_dict_valueiterator, VD(a[0]), false); }
static Result<Value> items_iter(Value* a, int64_t, Tuple*) { return iter_new(tp_dict_itemiterator, VD(a[0]), false); }
static Result<Value> keys_rev(Value* a, int64_t, Tuple*) { return iter_new(tp_dict_keyiterator, VD(a[0]), true); }
static Result<Value> values_rev(Value* a, int64_t, Tuple*) { return iter_new(tp_dict_valueiterator, VD(a[0]), true); }
static Result<Value> items_rev(Value* a, int64_t, Tuple*) { return iter_new(tp_dict_itemiterator, VD(a[0]), true); }
static Result<Value> keys_contains(Value* a, int64_t, Tuple*) {
  Value v;
  TRY(dict_get2(VD(a[0]), a[1], &v));
  return Bool(bool(v));
}
static Result<Value> items_contains(Value* a, int64_t, Tuple*) {
  if (!is_tuple(a[1]) || as_tuple(a[1])->size != 2) return False();
  Value v;
  TRY(dict_get2(VD(a[0]), as_tuple(a[1])->items[0], &v));
  if (!v) return False();
  return Bool(TRY(eq(v, as_tuple(a[1])->items[1])));
}
static Result<Value> values_contains(Value* a, int64_t, Tuple*) {
  Dict* d = VD(a[0]);
  int64_t pos = 0;
  Value v;
  while (dict_next(d, &pos, nullptr, &v)) {
    bool same = TRY(eq(v, a[1]));
    if (same) return True();
  }
  return False();
}
static Result<Value> view_repr(Value* a, int64_t, Tuple*) {
  Type* t = a[0].type();
  if (!repr_enter(a[0])) return Value(str_new("..."));
  Value it = t == tp_dict_keys ? keys_iter(a, 1, nullptr).value()
             : t == tp_dict_values ? values_iter(a, 1, nullptr).value() : items_iter(a, 1, nullptr).value();
  Result<List*> l = to_list(it);
  if (l.is_err()) { repr_leave(); return ERR; }
  Result<Str*> r = repr(Value(l.value()));
  repr_leave();
  if (r.is_err()) return ERR;
  return Value(str_new(std::string(t->name->view()) + "(" + std::string(r.value()->view()) + ")"));
}
static Result<Value> view_mapping(Value s) {
  extern Value mappingproxy_new(Value mapping);
  return mappingproxy_new(Value(VD(s)));
}
// Set operations on keys/items views produce sets.
static Result<Value> view_to_set(Value v) {
  Set* s = set_new();
  TRY(set_update(s, v));
  return Value(s);
}
static Result<Value> view_setop(Value* a, const char* op) {
  Value x = TRY(view_to_set(a[0]));
  return call_method1(x, str_intern(op), a[1]);
}
// The other operand may be any iterable (dict_keys - list works in CPython),
// so these use the set methods rather than the set operators.
static Result<Value> view_and(Value* a, int64_t, Tuple*) { return view_setop(a, "intersection"); }
static Result<Value> view_or(Value* a, int64_t, Tuple*) { return view_setop(a, "union"); }
static Result<Value> view_sub(Value* a, int64_t, Tuple*) { return view_setop(a, "difference"); }
static Result<Value> view_xor(Value* a, int64_t, Tuple*) { return view_setop(a, "symmetric_difference"); }
static Result<Value> view_rsub(Value* a, int64_t, Tuple*) {
  Value y = TRY(view_to_set(a[1]));
  Value x = TRY(view_to_set(a[0]));
  return call_method1(y, str_intern("__sub__"), x);
}
static Result<Value> view_isdisjoint(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs((std::string(type_name(a[0])) + ".isdisjoint").c_str(), n - 1, 1, 1));
  Value it = TRY(get_iter(a[1]));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) return True();
    bool in = TRY(contains(a[0], x));
    if (in) return False();
  }
}
// Every item of `x` is in `y` (membership through y's __contains__).
static Result<bool> all_contained_in(Value x, Value y) {
  Value it = TRY(get_iter(x));
  for (;;) {
    Value item;
    TRY(iter_next(it, &item));
    if (!item) return true;
    bool in = TRY(contains(y, item));
    if (!in) return false;
  }
}
// CPython's dictview_richcompare: sizes first, then containment of the smaller
// side's items (no hashing of values, so items views of unhashable values compare).
static Result<Value> view_cmp(Value* a, int op) {
  if (!is_anyset(a[1]) && a[1].type() != tp_dict_keys && a[1].type() != tp_dict_items) return Value(g_NotImplemented);
  int64_t nx = TRY(len(a[0])), ny = TRY(len(a[1]));
  bool ok = false;
  switch (op) {
    case CMP_EQ: case CMP_NE: if (nx == ny) ok = TRY(all_contained_in(a[0], a[1])); break;
    case CMP_LT: if (nx < ny) ok = TRY(all_contained_in(a[0], a[1])); break;
    case CMP_LE: if (nx <= ny) ok = TRY(all_contained_in(a[0], a[1])); break;
    case CMP_GT: if (nx > ny) ok = TRY(all_contained_in(a[1], a[0])); break;
    default: if (nx >= ny) ok = TRY(all_contained_in(a[1], a[0])); break;
  }
  return Bool(op == CMP_NE ? !ok : ok);
}
static Result<Value> view_eq(Value* a, int64_t, Tuple*) { return view_cmp(a, CMP_EQ); }
static Result<Value> view_ne(Value* a, int64_t, Tuple*) { return view_cmp(a, CMP_NE); }
static Result<Value> view_lt(Value* a, int64_t, Tuple*) { return view_cmp(a, CMP_LT); }
static Result<Value> view_le(Value* a, int64_t, Tuple*) { return view_cmp(a, CMP_LE); }
static Result<Value> view_gt(Value* a, int64_t, Tuple*) { return view_cmp(a, CMP_GT); }
static Result<Value> view_ge(Value* a, int64_t, Tuple*) { return view_cmp(a, CMP_GE); }

static Result<Value> dict_class_getitem(Value* a, int64_t n, Tuple*) {
  extern Result<Value> generic_alias_new(Value origin, Value args);
  return generic_alias_new(a[0], a[1]);
}

static const MethodDef dict_methods[] = {
    {"__new__", dict_new_m, MethKind::Static}, {"__init__", dict_init_m}, {"__getitem__", dict_getitem},
    {"__setitem__", dict_setitem}, {"__delitem__", dict_delitem}, {"__contains__", dict_contains},
    {"__len__", dict_len}, {"__iter__", dict_iter}, {"__reversed__", dict_reversed}, {"keys", dict_keys, MethKind::NoArgs},
    {"values", dict_values, MethKind::NoArgs}, {"items", dict_items, MethKind::NoArgs}, {"get", dict_get_m}, {"setdefault", dict_setdefault_m},
    {"pop", dict_pop_m}, {"popitem", dict_popitem_m, MethKind::NoArgs}, {"update", dict_update_m}, {"clear", dict_clear_m, MethKind::NoArgs},
    {"copy", dict_copy_m, MethKind::NoArgs}, {"fromkeys", dict_fromkeys, MethKind::Class}, {"__repr__", dict_repr},
    {"__eq__", dict_eq}, {"__ne__", dict_ne}, {"__or__", dict_or}, {"__ror__", dict_ror}, {"__ior__", dict_ior},
    {"__sizeof__", dict_sizeof}, {"__class_getitem__", dict_class_getitem, MethKind::Class}, {nullptr, nullptr}};
static const MethodDef keys_methods[] = {
    {"__len__", view_len}, {"__iter__", keys_iter}, {"__reversed__", keys_rev}, {"__contains__", keys_contains},
    {"__repr__", view_repr}, {"__and__", view_and}, {"__rand__", view_and}, {"__or__", view_or},
    {"__ror__", view_or}, {"__sub__", view_sub}, {"__rsub__", view_rsub}, {"__xor__", view_xor},
    {"__rxor__", view_xor}, {"isdisjoint", view_isdisjoint}, {"__eq__", view_eq}, {"__ne__", view_ne},
    {"__lt__", view_lt}, {"__le__", view_le}, {"__gt__", view_gt}, {"__ge__", view_ge}, {nullptr, nullptr}};
static const MethodDef items_methods[] = {
    {"__len__", view_len}, {"__iter__", items_iter}, {"__reversed__", items_rev}, {"__contains__", items_contains},
    {"__repr__", view_repr}, {"__and__", view_and}, {"__rand__", view_and}, {"__or__", view_or},
    {"__ror__", view_or}, {"__sub__", view_sub}, {"__rsub__", view_rsub}, {"__xor__", view_xor},
    {"__rxor__", view_xor}, {"isdisjoint", view_isdisjoint}, {"__eq__", view_eq}, {"__ne__", view_ne},
    {"__lt__", view_lt}, {"__le__", view_le}, {"__gt__", view_gt}, {"__ge__", view_ge}, {nullptr, nullptr}};
static const MethodDef values_methods[] = {{"__len__", view_len}, {"__iter__", values_iter},
                                           {"__reversed__", values_rev}, {"__contains__", values_contains},
                                           {"__repr__", view_repr}, {nullptr, nullptr}};
static const GetSetDef view_getsets[] = {{"mapping", view_mapping}, {nullptr, nullptr}};
// Views come only from dict.keys()/values()/items().
static Result<Value> view_no_new(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot create '%s' instances", type_name_of(as_type(a[0])));
}
static const MethodDef view_new_methods[] = {{"__new__", view_no_new, MethKind::Static}, {nullptr, nullptr}};

void init_dict_type() {
  type_add_methods(tp_dict, dict_methods);
  type_set_attr_const(tp_dict, "__hash__", None());
  type_add_methods(tp_dict_keys, keys_methods);
  type_add_methods(tp_dict_items, items_methods);
  type_add_methods(tp_dict_values, values_methods);
  for (Type* t : {tp_dict_keys, tp_dict_items, tp_dict_values}) {
    type_add_getsets(t, view_getsets);
    type_add_methods(t, view_new_methods);
  }
  type_set_attr_const(tp_dict_keys, "__hash__", None());
  type_set_attr_const(tp_dict_items, "__hash__", None());
  for (Type* t : {tp_dict_keyiterator, tp_dict_valueiterator, tp_dict_itemiterator}) type_add_methods(t, dictiter_methods);
  tp_dict_keyiterator->iternext = keyiter_next;
  tp_dict_valueiterator->iternext = valueiter_next;
  tp_dict_itemiterator->iternext = itemiter_next;
}

size_t dict_view_size() { return sizeof(DictView); }
size_t dict_iter_size() { return sizeof(DictIter); }

}  // namespace gilpy
