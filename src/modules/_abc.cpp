// _abc: the accelerator abc.py imports for ABCMeta (abstract method
// bookkeeping, register(), and the cached isinstance/issubclass checks), the
// same algorithm as the pure-Python _py_abc, whose import it replaces.
//
// Per-class state lives in cls._abc_impl, an _abc._abc_data object: the
// registry, the positive cache and the negative cache, each a dict from a
// class's address to a weak reference to it (made lazily, with a callback
// that removes the entry once the class dies, so nothing keeps classes
// alive), plus the value of the global invalidation counter when the
// negative cache was last valid. A lookup is one dict probe and one check
// that the weakref still points at that class (an address can be reused
// after its class dies); _get_dump shows the weakrefs as sets, as CPython.
// register() bumps that counter (get_cache_token()), which empties every
// negative cache on its next use.
#include "gc/weakref.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

struct AbcData : Object {
  Dict* registry;        // address -> weakref: registered virtual subclasses, or null
  Dict* cache;           // address -> weakref: known subclasses, or null
  Dict* negative_cache;  // address -> weakref: known non-subclasses, or null
  int64_t negative_version;
};

Type* tp_abc_data;
int64_t g_counter;  // the invalidation counter (get_cache_token())

Str* s_abc_impl;
Str* s_abstractmethods;
Str* s_isabstractmethod;
Str* s_abc_tpflags;
Str* s_subclasscheck;
Str* s_subclasshook;
Str* s_subclasses;
Str* s_class;
Str* s_dict;
Str* s_bases;

Result<Value> data_new(Value* a, int64_t n, Tuple* kw) {
  if (n != 1 || (kw && kw->size)) return raise(tp_TypeError, "_abc_data() takes no arguments");
  AbcData* d = static_cast<AbcData*>(alloc_instance(as_type(a[0]), sizeof(AbcData)));
  d->negative_version = g_counter;
  return Value(d);
}

Result<AbcData*> get_impl(Value cls) {
  Value impl = TRY(getattr(cls, s_abc_impl));
  if (impl.type() != tp_abc_data) return raise(tp_TypeError, "_abc_impl is set to a wrong type");
  return impl.as<AbcData>();
}

Value addr_key(Value obj) { return int_from_i64(int64_t(reinterpret_cast<uintptr_t>(obj.obj()))); }

// The callback of a weakref in one of the dicts: self is (impl, key).
Result<Value> destroy_cb(Value* a, int64_t n, Tuple*) {
  if (n < 2 || !is_tuple(a[0])) return None();
  Tuple* t = as_tuple(a[0]);
  AbcData* impl = t->items[0].as<AbcData>();
  Value key = t->items[1];
  for (Dict* d : {impl->registry, impl->cache, impl->negative_cache}) {
    if (!d) continue;
    Value v;
    TRY(dict_get2(d, key, &v));
    if (v == a[1]) TRY(dict_del(d, key));
  }
  return None();
}

Result<bool> in_weak_set(Dict* d, Value obj) {
  if (!d || d->used == 0 || !obj.is_obj()) return false;
  Value ref;
  TRY(dict_get2(d, addr_key(obj), &ref));
  return ref && weakref_referent(ref) == obj;
}

Status add_to_weak_set(AbcData* impl, Dict** slot, Value obj) {
  if (!*slot) *slot = dict_new();
  Value key = addr_key(obj);
  Value cb = builtin_new("_destroy", destroy_cb, Value(tuple_of({Value(impl), key})));
  Value ref = TRY(weakref_new(obj, cb));
  return dict_set(*slot, key, ref);
}

Set* weak_set_copy(Dict* d) {
  Set* out = set_new();
  if (!d) return out;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    if (!weakref_referent(v)) continue;  // dead: its callback has not run yet
    if (set_add(out, v).is_err()) exc_clear();
  }
  return out;
}

// ---- _abc_init ----

Result<bool> is_abstract(Value v) {
  Value flag;
  TRY(getattr_opt(v, s_isabstractmethod, &flag));
  if (!flag) return false;
  return truthy(flag);
}

Status compute_abstract_methods(Value self) {
  Set* abstracts = set_new(tp_frozenset);
  // Abstract names defined in this class's namespace.
  Value ns = TRY(getattr(self, s_dict));
  Value items = TRY(call_method0(ns, str_intern("items")));
  Value it = TRY(get_iter(items));
  for (;;) {
    Value pair;
    TRY(iter_next(it, &pair));
    if (!pair) break;
    if (!is_tuple(pair) || as_tuple(pair)->size != 2)
      return raise(tp_TypeError, "items() returned item which is not a 2-tuple");
    Value key = as_tuple(pair)->items[0], value = as_tuple(pair)->items[1];
    if (TRY(is_abstract(value))) TRY(set_add(abstracts, key));
  }
  // Inherited abstract names that are still abstract here.
  Value bases = TRY(getattr(self, s_bases));
  if (!is_tuple(bases)) return raise(tp_TypeError, "__bases__ is not tuple");
  for (int64_t i = 0; i < as_tuple(bases)->size; i++) {
    Value base_abstracts;
    TRY(getattr_opt(as_tuple(bases)->items[i], s_abstractmethods, &base_abstracts));
    if (!base_abstracts) continue;
    Value bit = TRY(get_iter(base_abstracts));
    for (;;) {
      Value name;
      TRY(iter_next(bit, &name));
      if (!name) break;
      if (!is_str(name)) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(name));
      Value value;
      TRY(getattr_opt(self, as_str(name), &value));
      if (!value) continue;
      if (TRY(is_abstract(value))) TRY(set_add(abstracts, name));
    }
  }
  return setattr(self, s_abstractmethods, Value(abstracts));
}

Result<Value> abc_init(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("_abc._abc_init", n, 1, 1));
  TRY(no_kwargs("_abc_init", kw));
  Value self = a[0];
  TRY(compute_abstract_methods(self));
  AbcData* d = static_cast<AbcData*>(alloc_instance(tp_abc_data, sizeof(AbcData)));
  d->negative_version = g_counter;
  TRY(setattr(self, s_abc_impl, Value(d)));
  // Sequence / Mapping declare what a match statement treats them as.
  if (is_type(self)) {
    Type* t = as_type(self);
    Value flags = dict_get_str(t->dict, s_abc_tpflags);
    if (flags) {
      if (flags.type() == tp_int || flags.is_small()) {
        int64_t v = TRY(int_as_i64(flags));
        if ((v & (3 << 5)) == (3 << 5))
          return raise(tp_TypeError, "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
        if (v & (1 << 5)) t->flags |= TF_SEQUENCE;
        if (v & (1 << 6)) t->flags |= TF_MAPPING;
      }
      dict_del_str(t->dict, s_abc_tpflags);
      type_modified(t);
    }
  }
  return None();
}

// ---- _abc_register ----

// Registering with Sequence / Mapping makes the class (and its subclasses,
// unless they already are the same kind) a sequence / mapping for match.
void set_collection_flag_recursive(Type* t, uint32_t flag) {
  if ((t->flags & TF_IMMUTABLE) || (t->flags & TF_COLLECTION) == flag) return;
  t->flags = (t->flags & ~uint32_t(TF_COLLECTION)) | flag;
  for (Type* sub : type_subclass_list(t)) set_collection_flag_recursive(sub, flag);
}

Result<Value> abc_register(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("_abc_register", n, 2, 2));
  TRY(no_kwargs("_abc_register", kw));
  Value self = a[0], subclass = a[1];
  if (!is_type(subclass)) return raise(tp_TypeError, "Can only register classes");
  if (TRY(issubclass_check(subclass, self))) return subclass;  // already a subclass
  // Subtle: test for cycles *after* testing for "already a subclass";
  // this means we allow X.register(X) and interpret it as a no-op.
  if (TRY(issubclass_check(self, subclass)))
    return raise(tp_RuntimeError, "Refusing to create an inheritance cycle");
  AbcData* impl = TRY(get_impl(self));
  TRY(add_to_weak_set(impl, &impl->registry, subclass));
  g_counter++;  // invalidates every negative cache
  if (is_type(self)) {
    uint32_t flag = as_type(self)->flags & TF_COLLECTION;
    if (flag) set_collection_flag_recursive(as_type(subclass), flag);
  }
  return subclass;
}

// ---- the checks ----

Result<Value> abc_instancecheck(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("_abc_instancecheck", n, 2, 2));
  TRY(no_kwargs("_abc_instancecheck", kw));
  Value self = a[0], instance = a[1];
  AbcData* impl = TRY(get_impl(self));
  Value subclass = TRY(getattr(instance, s_class));
  // Inline the cache checking.
  if (TRY(in_weak_set(impl->cache, subclass))) return True();
  Value subtype = Value(instance.type());
  if (subtype == subclass) {
    if (impl->negative_version == g_counter && TRY(in_weak_set(impl->negative_cache, subclass))) return Bool(false);
    // Fall back to the subclass check.
    return call_method1(self, s_subclasscheck, subclass);
  }
  Value r = TRY(call_method1(self, s_subclasscheck, subclass));
  if (TRY(truthy(r))) return r;
  return call_method1(self, s_subclasscheck, subtype);
}

Result<Value> abc_subclasscheck(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("_abc_subclasscheck", n, 2, 2));
  TRY(no_kwargs("_abc_subclasscheck", kw));
  Value self = a[0], subclass = a[1];
  if (!is_type(subclass)) return raise(tp_TypeError, "issubclass() arg 1 must be a class");
  AbcData* impl = TRY(get_impl(self));
  // 1. The positive cache.
  if (TRY(in_weak_set(impl->cache, subclass))) return True();
  // 2. The negative cache; may have to invalidate it.
  if (impl->negative_version < g_counter) {
    impl->negative_cache = nullptr;
    impl->negative_version = g_counter;
  } else if (TRY(in_weak_set(impl->negative_cache, subclass))) {
    return Bool(false);
  }
  // 3. The subclass hook.
  Value ok = TRY(call_method1(self, s_subclasshook, subclass));
  if (ok == True()) {
    TRY(add_to_weak_set(impl, &impl->cache, subclass));
    return True();
  }
  if (ok == Bool(false)) {
    TRY(add_to_weak_set(impl, &impl->negative_cache, subclass));
    return Bool(false);
  }
  if (ok.obj() != g_NotImplemented)
    return raise(tp_AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
  // 4. A direct subclass.
  Tuple* mro = as_type(subclass)->mro;
  for (int64_t i = 0; mro && i < mro->size; i++) {
    if (mro->items[i] == self) {
      TRY(add_to_weak_set(impl, &impl->cache, subclass));
      return True();
    }
  }
  // 5. A subclass of a registered class (recursive).
  // A registered class itself is answered without caching it.
  if (TRY(in_weak_set(impl->registry, subclass))) return True();
  if (impl->registry && impl->registry->used) {
    // The registry may change while the checks run: walk a snapshot.
    Dict* snap = dict_copy(impl->registry);
    int64_t pos = 0;
    Value key, ref;
    while (dict_next(snap, &pos, &key, &ref)) {
      Value rcls = weakref_referent(ref);
      if (!rcls) continue;
      if (TRY(issubclass_check(subclass, rcls))) {
        TRY(add_to_weak_set(impl, &impl->cache, subclass));
        return True();
      }
    }
  }
  // 6. A subclass of a subclass (recursive).
  Value subs = TRY(call_method0(self, s_subclasses));
  if (!is_list(subs)) return raise(tp_TypeError, "__subclasses__() must return a list");
  List* sl = as_list(subs);
  for (int64_t i = 0; i < sl->size; i++) {
    if (TRY(issubclass_check(subclass, sl->items[i]))) {
      TRY(add_to_weak_set(impl, &impl->cache, subclass));
      return True();
    }
  }
  // 7. No: cache the answer.
  TRY(add_to_weak_set(impl, &impl->negative_cache, subclass));
  return Bool(false);
}

// ---- introspection and resets ----

Result<Value> abc_get_dump(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("_abc._get_dump", n, 1, 1));
  TRY(no_kwargs("_get_dump", kw));
  AbcData* impl = TRY(get_impl(a[0]));
  return Value(tuple_of({Value(weak_set_copy(impl->registry)), Value(weak_set_copy(impl->cache)),
                         Value(weak_set_copy(impl->negative_cache)), int_from_i64(impl->negative_version)}));
}

Result<Value> abc_reset_registry(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("_abc._reset_registry", n, 1, 1));
  TRY(no_kwargs("_reset_registry", kw));
  AbcData* impl = TRY(get_impl(a[0]));
  impl->registry = nullptr;
  return None();
}

Result<Value> abc_reset_caches(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("_abc._reset_caches", n, 1, 1));
  TRY(no_kwargs("_reset_caches", kw));
  AbcData* impl = TRY(get_impl(a[0]));
  impl->cache = nullptr;
  impl->negative_cache = nullptr;  // the version stays: a new entry is as valid as before
  return None();
}

Result<Value> abc_get_cache_token(Value*, int64_t n, Tuple* kw) {
  TRY(check_nargs("_abc.get_cache_token", n, 0, 0));
  TRY(no_kwargs("get_cache_token", kw));
  return int_from_i64(g_counter);
}

const MethodDef data_methods[] = {{"__new__", data_new, MethKind::Static}, {nullptr, nullptr}};

const MethodDef functions[] = {
    {"get_cache_token", abc_get_cache_token, MethKind::Method,
     "Returns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) "
     "identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\nwith every "
     "call to register() on any ABC."},
    {"_abc_init", abc_init, MethKind::Method, "Internal ABC helper for class set-up. Should be never used outside abc module."},
    {"_abc_register", abc_register, MethKind::Method,
     "Internal ABC helper for subclasss registration. Should be never used outside abc module."},
    {"_abc_instancecheck", abc_instancecheck, MethKind::Method,
     "Internal ABC helper for instance checks. Should be never used outside abc module."},
    {"_abc_subclasscheck", abc_subclasscheck, MethKind::Method,
     "Internal ABC helper for subclasss checks. Should be never used outside abc module."},
    {"_get_dump", abc_get_dump, MethKind::Method,
     "Internal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, of both caches, "
     "and\nnegative cache version. Don't call this function directly,\ninstead use ABC._dump_registry() for a "
     "nice repr."},
    {"_reset_registry", abc_reset_registry, MethKind::Method,
     "Internal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py"},
    {"_reset_caches", abc_reset_caches, MethKind::Method,
     "Internal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py"},
    {nullptr, nullptr}};

Result<Value> init() {
  s_abc_impl = str_intern("_abc_impl");
  s_abstractmethods = str_intern("__abstractmethods__");
  s_isabstractmethod = str_intern("__isabstractmethod__");
  s_abc_tpflags = str_intern("__abc_tpflags__");
  s_subclasscheck = str_intern("__subclasscheck__");
  s_subclasshook = str_intern("__subclasshook__");
  s_subclasses = str_intern("__subclasses__");
  s_class = str_intern("__class__");
  s_dict = str_intern("__dict__");
  s_bases = str_intern("__bases__");
  TRY(import_module(str_intern("_weakref")));  // creates the weakref type weakref_new makes
  Module* m = native_module_new("_abc", functions, "Module contains faster C implementation of abc.ABCMeta");
  if (!tp_abc_data) {
    tp_abc_data = native_type_new("_abc", "_abc_data", tp_object, Layout::Other, sizeof(AbcData), data_methods,
                                  nullptr, 0);
    type_set_attr_const(tp_abc_data, "__doc__", str_value("Internal state held by ABC machinery."));
  }
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_abc", init);

}  // namespace gilpy
