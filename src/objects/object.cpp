// object: the root type. Instance allocation, object.__new__/__init__, the
// generic attribute protocol (object.__getattribute__/__setattr__), and the
// default __repr__/__str__/__eq__/__hash__/__format__/__dir__...
#include <cstdio>
#include <cstring>

#include "objects/descriptors.h"
#include "gc/weakref.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/instance_values.h"
#include "runtime/finalizers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

Object* alloc_instance(Type* t, size_t size) {
  GILPY_ASSERT_GIL();  // the free lists below are guarded by the GIL
  if (size < t->instance_size) size = t->instance_size;
  if (GILPY_LIKELY(size <= size_t(AllocCache::kSmallGranules) * 16)) {
    size_t g = (size + 15) >> 4;
    void* p = g_alloc_cache.free_lists[g];
    if (GILPY_UNLIKELY(!p)) {
      p = gc::alloc_many(g * 16);
      if (!p) throw std::bad_alloc();
    }
    g_alloc_cache.free_lists[g] = GC_NEXT(p);
    std::memset(p, 0, g * 16);
    if (gc::tracing()) gc::trace_new(p);  // tracemalloc (alloc_object traces the others)
    Object* o = static_cast<Object*>(p);
    o->type = t;
    if (GILPY_UNLIKELY(t->flags & TF_HAS_DEL) && (t->flags & TF_HEAPTYPE)) register_del_finalizer(o);
    return o;
  }
  void* p = gc::alloc_object(size);
  if (!p) throw std::bad_alloc();
  Object* o = static_cast<Object*>(p);
  o->type = t;
  if (GILPY_UNLIKELY(t->flags & TF_HAS_DEL) && (t->flags & TF_HEAPTYPE)) register_del_finalizer(o);
  return o;
}

Object* alloc_atomic_instance(Type* t, size_t size) {
  Object* o;
  if (t->flags & TF_HEAPTYPE) {
    if (size < t->instance_size) size = t->instance_size;
    // Subclass instances can hold references (a __dict__, slots): scanned,
    // in the object kind like every other tracked object.
    void* p = gc::alloc_object(size);
    if (!p) throw std::bad_alloc();
    o = static_cast<Object*>(p);
    if (GILPY_UNLIKELY(t->flags & TF_HAS_DEL)) register_del_finalizer(o);
  } else {
    o = static_cast<Object*>(gc::alloc_atomic(size));
    std::memset(o, 0, sizeof(Object) + sizeof(void*));  // header and first word
  }
  o->type = t;
  return o;
}

Dict** instance_dict_ptr(Value o) {
  if (!o.is_obj()) return nullptr;
  Type* t = o.obj()->type;
  if (t->layout == Layout::Type) return &o.as<Type>()->dict;
  if (t->layout == Layout::Module || t->layout == Layout::Function) return reinterpret_cast<Dict**>(reinterpret_cast<char*>(o.obj()) + sizeof(Object));
  if (!t->dict_offset) return nullptr;
  Dict** slot = instance_dict_slot(o.obj(), t);
  // Whoever asks for the dict gets one: values become a dict for good.
  if (is_instance_values(reinterpret_cast<Object*>(*slot)))
    *slot = instance_values_to_dict(reinterpret_cast<InstanceValues*>(*slot));
  return slot;
}

Value instance_attr_lookup(Value o, Str* name) {
  if (!o.is_obj()) return Value();
  Type* t = o.obj()->type;
  if (uses_instance_slot(t)) return instance_attr_get(o.obj(), t, name);
  Dict** dp = instance_dict_ptr(o);
  return dp && *dp ? dict_get_str(*dp, name) : Value();
}

static bool is_data_descriptor(Value d) {
  Type* dt = d.type();
  if (dt == tp_getset_descriptor || dt == tp_member_descriptor || dt == tp_property) return true;
  if (dt == tp_function || is_method_descr_type(dt) || dt->layout == Layout::Str) return false;
  return type_lookup(dt, N.__set__) || type_lookup(dt, N.__delete__);
}

bool has_descr_get(Value d) {
  Type* dt = d.type();
  if (dt == tp_getset_descriptor || dt == tp_member_descriptor || dt == tp_property) return true;
  return bool(type_lookup(dt, N.__get__));
}
bool is_data_descriptor_value(Value d) { return is_data_descriptor(d); }

Result<Value> descr_get(Value descr, Value obj, Value type) {
  Type* dt = descr.type();
  if (dt == tp_function) {
    if (!obj) return descr;
    return method_new(descr, obj);
  }
  if (is_method_descr_type(dt)) {
    if (!obj) return descr;
    Builtin* m = descr.as<Builtin>();
    Builtin* b = builtin_new(m->name->data, m->fn, obj, m->doc);
    b->name = m->name;
    b->arity = m->arity;
    if (dt == tp_wrapper_descriptor) {
      b->type = tp_method_wrapper;
      b->owner = m->owner;  // its __objclass__
    }
    return Value(b);
  }
  if (dt == tp_classmethod_descriptor) {
    Builtin* m = descr.as<Builtin>();
    Value cls = type ? type : Value(obj.type());
    Builtin* b = builtin_new(m->name->data, m->fn, cls, m->doc);
    b->name = m->name;
    return Value(b);
  }
  if (dt == tp_getset_descriptor) {
    if (!obj) return descr;
    return descr.as<GetSet>()->get(obj);
  }
  if (dt == tp_staticmethod) return descr.as<StaticMethod>()->func;
  if (dt == tp_classmethod && descr.as<StaticMethod>()->func.type() == tp_function)
    return method_new(descr.as<StaticMethod>()->func, type ? type : Value(obj.type()));
  if (dt == tp_property) {
    if (!obj) return descr;
    Property* p = descr.as<Property>();
    if (!is_none(p->fget)) return call1(p->fget, obj);
  }
  if (dt == tp_member_descriptor) {
    if (!obj) return descr;
    return member_get(descr.as<Member>(), obj);
  }
  Value get = type_lookup(dt, N.__get__);
  if (!get) return descr;
  Value args[3] = {descr, obj ? obj : None(), type ? type : None()};
  return call(get, args, 3);
}

Result<Value> generic_getattr(Value o, Str* name, bool suppress) {
  Type* t = o.type();
  Value d = type_lookup(t, name);
  // A data descriptor wins over the instance's own attribute only when it
  // can get (one with __set__ alone leaves reads to the instance dict).
  if (d && is_data_descriptor(d) && has_descr_get(d)) {
    return descr_get(d, o, Value(t));
  }
  if (Value v = instance_attr_lookup(o, name)) return v;
  if (d) return descr_get(d, o, Value(t));
  if (suppress) return ERR;  // "missing" with no exception pending (see protocols.h)
  return raise_attribute_error(o, name);
}

Status generic_setattr(Value o, Str* name, Value v) {
  Type* t = o.type();
  Value d = type_lookup(t, name);
  if (d) {
    Type* dt = d.type();
    if (dt == tp_getset_descriptor) {
      GetSet* g = d.as<GetSet>();
      if (!g->set)
        return raise_fmt(tp_AttributeError, "attribute '%s' of '%s' objects is not writable", name->data,
                         type_tp_name(g->owner).c_str());
      return g->set(o, v);
    }
    if (dt == tp_member_descriptor) {
      return member_set(d.as<Member>(), o, v);
    }
    if (dt != tp_function) {
      Value setter = type_lookup(dt, v ? N.__set__ : N.__delete__);
      if (setter) {
        if (v) {
          Value args[3] = {d, o, v};
          TRY(call(setter, args, 3));
        } else {
          Value args[2] = {d, o};
          TRY(call(setter, args, 2));
        }
        return OK();
      }
      if (dt == tp_property) {
        return raise_fmt(tp_AttributeError, "can't %s attribute", v ? "set" : "delete");
      }
    }
  }
  if (o.is_obj() && uses_instance_slot(t)) {
    bool done = TRY(instance_attr_set(o.obj(), t, name, v));
    if (!done) return raise_fmt(tp_AttributeError, "'%s' object has no attribute '%s'", type_name_of(t), name->data);
    return OK();
  }
  Dict** dp = instance_dict_ptr(o);
  if (!dp) {
    if (d)
      return raise_fmt(tp_AttributeError, "'%s' object attribute '%s' is read-only", type_name_of(t), name->data);
    return raise_fmt(tp_AttributeError, "'%s' object has no attribute '%s'", type_name_of(t), name->data);
  }
  if (!*dp) {
    if (!v) return raise_fmt(tp_AttributeError, "'%s' object has no attribute '%s'", type_name_of(t), name->data);
    *dp = dict_new();
  }
  if (v) {
    TRY(dict_set(*dp, Value(name), v));
  } else {
    bool found = TRY(dict_del(*dp, Value(name)));
    if (!found) return raise_fmt(tp_AttributeError, "'%s' object has no attribute '%s'", type_name_of(t), name->data);
  }
  return OK();
}

// ---- object's methods ------------------------------------------------------------
static Result<Value> object_new(Value* args, int64_t nargs, Tuple* kw) {
  if (nargs < 1 || !is_type(args[0])) return raise(tp_TypeError, "object.__new__(X): X is not a type object");
  Type* t = as_type(args[0]);
  // The builtin iterator types (list_iterator, str_ascii_iterator, ...) are
  // made only by iter(), as in CPython, where they have no tp_new.
  if (t->layout == Layout::Iterator && !(t->flags & TF_HEAPTYPE))
    return raise_fmt(tp_TypeError, "cannot create '%s' instances", type_name_of(t));
  if (nargs > 1 || (kw && kw->size)) {
    Value init = type_lookup(t, N.__init__);
    Value newf = type_lookup(t, N.__new__);
    if (newf != dict_get_str(tp_object->dict, N.__new__))
      return raise(tp_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (init == dict_get_str(tp_object->dict, N.__init__))
      return raise_fmt(tp_TypeError, "%s() takes no arguments", type_name_of(t));
  }
  if (t->flags & TF_ABSTRACT) {
    Value am = dict_get_str(t->dict, N.__abstractmethods__);
    if (!am) { Value a; TRY(getattr_opt(Value(t), N.__abstractmethods__, &a)); am = a; }
    if (am) {
      List* names = TRY(to_list(am));
      TRY(list_sort(names, Value(), false));
      std::string s;
      for (int64_t i = 0; i < names->size; i++) {
        if (i) s += ", ";
        Str* n = TRY(str(names->items[i]));
        s += n->view();
      }
      if (names->size)
        return raise_fmt(tp_TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                         type_name_of(t), names->size > 1 ? "s" : "", s.c_str());
    }
  }
  // Safe unless a base below object has its own __new__ (its instances need
  // that constructor's set-up), as CPython's tp_new check decides.
  Value object_new_fn = dict_get_str(tp_object->dict, N.__new__);
  for (int64_t i = 0; t->mro && i < t->mro->size; i++) {
    Type* b = as_type(t->mro->items[i]);
    Value nf = dict_get_str(b->dict, N.__new__);
    if (!nf) continue;
    if (nf == object_new_fn) break;
    if (b->flags & TF_HEAPTYPE) continue;  // a Python __new__ that delegated here
    return raise_fmt(tp_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", type_name_of(t), type_name_of(b));
  }
  return Value(alloc_instance(t));
}

static Result<Value> object_init(Value* args, int64_t nargs, Tuple* kw) {
  if (nargs > 1 || (kw && kw->size)) {
    Type* t = args[0].type();
    Value init = type_lookup(t, N.__init__);
    Value newf = type_lookup(t, N.__new__);
    if (init != dict_get_str(tp_object->dict, N.__init__))
      return raise(tp_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    if (newf == dict_get_str(tp_object->dict, N.__new__))
      return raise_fmt(tp_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                       type_name_of(t));
  }
  return None();
}

Result<Str*> default_repr(Value self) {
  Type* t = self.type();
  Value mod = type_module(t);  // native types too: CPython shows their tp_name "module.Name"
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %#llx>", (unsigned long long)self.bits());
  std::string s = "<";
  if (mod && is_str(mod) && std::strcmp(as_str(mod)->data, "builtins") != 0) {
    s += as_str(mod)->view();
    s += ".";
  }
  s += t->qualname->view();
  s += buf;
  return str_new(s);
}

static Result<Value> object_repr(Value* args, int64_t nargs, Tuple*) {
  Str* s = TRY(default_repr(args[0]));
  return Value(s);
}
static Result<Value> object_str(Value* args, int64_t nargs, Tuple*) {
  Str* s = TRY(repr(args[0]));
  return Value(s);
}
static Result<Value> object_hash(Value* args, int64_t, Tuple*) {
  return Value::small(int64_t(args[0].bits() >> 4));
}
static Result<Value> object_eq(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__eq__", nargs - 1, 1, 1));
  return args[0] == args[1] ? True() : Value(g_NotImplemented);
}
static Result<Value> object_ne(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__ne__", nargs - 1, 1, 1));
  Value eq = type_lookup(args[0].type(), N.__eq__);
  if (!eq) return Value(g_NotImplemented);
  Value r = TRY(call_cmp_dunder(eq, args[0], args[1]));
  if (r == Value(g_NotImplemented)) return r;
  bool b = TRY(truthy(r));
  return Bool(!b);
}
static Result<Value> object_cmp_ni(Value* args, int64_t nargs, Tuple*) { return Value(g_NotImplemented); }
static Result<Value> object_getattribute(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__getattribute__", nargs - 1, 1, 1));
  if (!is_str(args[1]))
    return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
  return generic_getattr(args[0], str_intern(as_str(args[1])), false);
}
// Carlo Verre's hack (CPython's hackcheck): object.__setattr__ and
// __delattr__ may only be applied to an object whose attribute assignment is
// object's own. Walking down from its class through the solid bases, Python
// classes are passed over (whatever __setattr__ they define, their instances
// keep a native layout); the first native class that assigns attributes its
// own way (type, a weakref proxy, _thread._local...) must be called instead.
static Status setattr_hackcheck(Value self, const char* what) {
  Type* t = self.type();
  static const Value object_sa = dict_get_str(tp_object->dict, N.__setattr__);
  static const Value object_da = dict_get_str(tp_object->dict, N.__delattr__);
  for (Type* b = t; b && b != tp_object; b = b->base) {
    if (b->flags & TF_HEAPTYPE) continue;
    Value sa = dict_get_str(b->dict, N.__setattr__);
    Value da = dict_get_str(b->dict, N.__delattr__);
    if ((sa && sa != object_sa) || (da && da != object_da))
      return raise_fmt(tp_TypeError, "can't apply this %s to %s object", what, type_name_of(t));
  }
  return OK();
}
static Result<Value> object_setattr(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__setattr__", nargs - 1, 2, 2));
  if (!is_str(args[1]))
    return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
  TRY(setattr_hackcheck(args[0], "__setattr__"));
  TRY(generic_setattr(args[0], str_intern(as_str(args[1])), args[2]));
  return None();
}
static Result<Value> object_delattr(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__delattr__", nargs - 1, 1, 1));
  if (!is_str(args[1]))
    return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
  TRY(setattr_hackcheck(args[0], "__delattr__"));
  TRY(generic_setattr(args[0], str_intern(as_str(args[1])), Value()));
  return None();
}
static Result<Value> object_format(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__format__", nargs - 1, 1, 1));
  if (!is_str(args[1])) return raise_fmt(tp_TypeError, "__format__() argument must be str, not %s", type_name(args[1]));
  if (as_str(args[1])->nbytes)
    return raise_fmt(tp_TypeError, "unsupported format string passed to %s.__format__", type_name(args[0]));
  Str* s = TRY(str(args[0]));
  return Value(s);
}
static Result<Value> object_init_subclass(Value* args, int64_t nargs, Tuple* kw) {
  if (nargs > 1 || (kw && kw->size))
    return raise_fmt(tp_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                     is_type(args[0]) ? as_type(args[0])->name->data : "object");
  return None();
}
static Result<Value> object_subclasshook(Value*, int64_t, Tuple*) { return Value(g_NotImplemented); }
static Result<Value> object_dir(Value* args, int64_t nargs, Tuple*) {
  Dict* names = dict_new();
  Dict** dp = instance_dict_ptr(args[0]);
  if (dp && *dp) {
    TRY(dict_update(names, Value(*dp)));
  } else if (!dp) {
    // CPython reads the __dict__ attribute: objects that forward it (a bound
    // method shows its function's attributes) list those names too.
    Value d;
    TRY(getattr_opt(args[0], N.__dict__, &d));
    if (d && is_dict(d)) TRY(dict_update(names, d));
  }
  // The class's attributes come from the __class__ attribute, as CPython's
  // object.__dir__ reads it (a __class__ slot left unset hides them).
  Value cls;
  TRY(getattr_opt(args[0], N.__class__, &cls));
  if (cls && is_type(cls)) {
    Type* t = as_type(cls);
    for (int64_t i = 0; t->mro && i < t->mro->size; i++) TRY(dict_update(names, Value(as_type(t->mro->items[i])->dict)));
  }
  List* l = list_new(0);
  int64_t pos = 0;
  Value k;
  while (dict_next(names, &pos, &k, nullptr)) TRY(list_append(l, k));
  return Value(l);
}
static Result<Value> object_sizeof(Value* args, int64_t, Tuple*) {
  return Value::small(args[0].is_small() ? 28 : int64_t(args[0].type()->instance_size));
}
// ---- pickling support: __reduce_ex__, __reduce__, __getstate__ -----------------------------
static Result<Value> copyreg_attr(const char* name);

// object.__getstate__ (3.11): the instance dict (None when empty), plus a dict
// of the slot values that are set when the class has slots: (dict_or_None,
// slots). The slot names are the class's own __slotnames__ if it has one,
// else copyreg._slotnames(cls) (which computes and caches them); each is
// read with getattr, so a missing one is skipped and __getattr__ may supply it.
static Result<Value> object_getstate(Value* a, int64_t n, Tuple*) {
  Value self = a[0];
  Value state = None();
  Dict** dp = instance_dict_ptr(self);
  if (dp && *dp && (*dp)->used) state = Value(*dp);
  Type* t = self.type();
  Dict* slots = nullptr;
  static Str* s_slotnames = str_intern("__slotnames__");
  Value names = dict_get_str(t->dict, s_slotnames);
  if (names) {
    if (!is_none(names) && !is_list(names))
      return raise_fmt(tp_TypeError, "%s.__slotnames__ should be a list or None, not %s", type_name_of(t),
                       type_name(names));
  } else {
    Value fn = TRY(copyreg_attr("_slotnames"));
    names = TRY(call1(fn, Value(t)));
    if (!is_none(names) && !is_list(names)) return raise(tp_TypeError, "copyreg._slotnames didn't return a list or None");
  }
  if (is_list(names)) {
    List* l = as_list(names);
    int64_t size = l->size;
    for (int64_t i = 0; i < l->size; i++) {
      Value name = l->items[i];
      if (!is_str(name))
        return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(name));
      Value v;
      TRY(getattr_opt(self, str_intern(as_str(name)), &v));
      if (v) {
        if (!slots) slots = dict_new();
        TRY(dict_set(slots, name, v));
      }
      // The list is the class's: the attribute lookups may change it.
      if (l->size != size) return raise(tp_RuntimeError, "__slotsname__ changed size during iteration");
    }
  }
  if (!dp && !slots && t->layout == Layout::Object && t->instance_size > sizeof(Object) && !(t->flags & TF_HEAPTYPE))
    return raise_fmt(tp_TypeError, "cannot pickle '%s' object", type_name_of(t));
  if (slots) return Value(tuple_of({state, Value(slots)}));
  return state;
}

static Result<Value> copyreg_attr(const char* name) {
  extern Result<Value> import_module(Str* name);
  Value m = TRY(import_module(str_intern("copyreg")));
  return getattr(m, str_intern(name));
}

static Result<Value> reduce_newobj(Value self) {
  Type* t = self.type();
  // A native layout pickles only when its type says how: its own
  // __getstate__ (io.StringIO, io.BytesIO), as CPython's types with state.
  if (t->layout != Layout::Object && !(t->flags & TF_HEAPTYPE)) {
    Value gs = type_lookup(t, N.__getstate__);
    Value base_gs = type_lookup(tp_object, N.__getstate__);
    if (!gs || gs == base_gs) return raise_fmt(tp_TypeError, "cannot pickle '%s' object", type_name_of(t));
  }
  Value newobj, newargs;
  Value gnex = lookup_special(self, N.__getnewargs_ex__);
  if (gnex) {
    Value r = TRY(call0(gnex));
    if (!is_tuple(r))
      return raise_fmt(tp_TypeError, "__getnewargs_ex__ should return a tuple, not '%s'", type_name(r));
    if (as_tuple(r)->size != 2)
      return raise_fmt(tp_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %lld",
                       (long long)as_tuple(r)->size);
    Value args = as_tuple(r)->items[0], kwargs = as_tuple(r)->items[1];
    if (!is_tuple(args))
      return raise_fmt(tp_TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                       type_name(args));
    if (!is_dict(kwargs))
      return raise_fmt(tp_TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                       type_name(kwargs));
    if (as_dict(kwargs)->used == 0) {
      // No keyword arguments: the plain __newobj__ form, as CPython.
      newobj = TRY(copyreg_attr("__newobj__"));
      Tuple* a = as_tuple(args);
      Tuple* na = tuple_new(a->size + 1);
      na->items[0] = Value(t);
      for (int64_t i = 0; i < a->size; i++) na->items[i + 1] = a->items[i];
      newargs = Value(na);
    } else {
      newobj = TRY(copyreg_attr("__newobj_ex__"));
      newargs = Value(tuple_of({Value(t), args, kwargs}));
    }
  } else {
    Tuple* args = tuple_empty();
    Value gn = lookup_special(self, N.__getnewargs__);
    if (gn) {
      Value r = TRY(call0(gn));
      if (!is_tuple(r)) return raise_fmt(tp_TypeError, "__getnewargs__ should return a tuple, not '%s'", type_name(r));
      args = as_tuple(r);
    }
    newobj = TRY(copyreg_attr("__newobj__"));
    Tuple* na = tuple_new(args->size + 1);
    na->items[0] = Value(t);
    for (int64_t i = 0; i < args->size; i++) na->items[i + 1] = args->items[i];
    newargs = Value(na);
  }
  Value state = TRY(call_method0(self, N.__getstate__));
  Value listitems = None(), dictitems = None();
  if (t->layout == Layout::List) listitems = TRY(get_iter(self));
  if (t->layout == Layout::Dict) dictitems = TRY(get_iter(TRY(call_method0(self, N.items))));
  return Value(tuple_of({newobj, newargs, state, listitems, dictitems}));
}

static Result<Value> object_reduce_ex(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__reduce_ex__", n - 1, 1, 1));
  int64_t proto = TRY(as_index(a[1]));
  Value reduce = type_lookup(a[0].type(), N.__reduce__);
  if (reduce && reduce != dict_get_str(tp_object->dict, N.__reduce__)) return call_method0(a[0], N.__reduce__);
  if (proto >= 2) return reduce_newobj(a[0]);
  Value fn = TRY(copyreg_attr("_reduce_ex"));
  return call2(fn, a[0], Value::small(proto));
}
static Result<Value> object_reduce(Value* a, int64_t, Tuple*) {
  Value fn = TRY(copyreg_attr("_reduce_ex"));
  return call2(fn, a[0], Value::small(0));
}

static Result<Value> get_class(Value self) { return Value(self.type()); }
static Status set_class(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "can't delete __class__ attribute");
  if (!is_type(v)) return raise_fmt(tp_TypeError, "__class__ must be set to a class, not '%s' object", type_name(v));
  Type* nt = as_type(v);
  Type* ot = self.type();
  // Only between classes of the program's own, except that a module may
  // become an instance of a ModuleType subclass and back (importlib's
  // LazyLoader), as CPython allows.
  bool modules = is_subtype(nt, tp_module) && is_subtype(ot, tp_module);
  if (!modules && (!(nt->flags & TF_HEAPTYPE) || !(ot->flags & TF_HEAPTYPE)))
    return raise(tp_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
  if (nt->instance_size != ot->instance_size || nt->layout != ot->layout || nt->dict_offset != ot->dict_offset)
    return raise_fmt(tp_TypeError, "__class__ assignment: '%s' object layout differs from '%s'", type_name_of(nt),
                     type_name_of(ot));
  TRY(check_layout_compatible(ot, nt, "__class__"));
  self.obj()->type = nt;
  return OK();
}
static Result<Value> get_dict(Value self) {
  Dict** dp = instance_dict_ptr(self);
  if (!dp) return raise_fmt(tp_AttributeError, "'%s' object has no attribute '__dict__'", type_name(self));
  if (!*dp) *dp = dict_new();
  return Value(*dp);
}
static Status set_dict(Value self, Value v) {
  Dict** dp = instance_dict_ptr(self);
  if (!dp) return raise_fmt(tp_AttributeError, "'%s' object has no attribute '__dict__'", type_name(self));
  if (!v) { *dp = nullptr; return OK(); }
  if (!is_dict(v)) return raise_fmt(tp_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
  *dp = as_dict(v);
  return OK();
}
// The __dict__ descriptor a class statement adds (CPython's subtype_dict):
// when a native class below self's class has a __dict__ descriptor of its
// own (type's read-only mappingproxy, through a metaclass that also derives
// from a plain class), that one owns the dict and is used instead.
static Value native_dict_descr(Value self) {
  for (Type* b = self.type(); b; b = b->base) {
    if (b->flags & TF_HEAPTYPE) continue;
    if (Value d = dict_get_str(b->dict, N.__dict__)) return d;
  }
  return Value();
}
static Result<Value> subtype_get_dict(Value self) {
  if (Value d = native_dict_descr(self)) return descr_get(d, self, Value(self.type()));
  return get_dict(self);
}
static Status subtype_set_dict(Value self, Value v) {
  if (Value d = native_dict_descr(self)) {
    Type* dt = d.type();
    if (dt == tp_getset_descriptor) {
      GetSet* g = d.as<GetSet>();
      if (!g->set)
        return raise_fmt(tp_AttributeError, "attribute '__dict__' of '%s' objects is not writable", g->owner->name->data);
      return g->set(self, v);
    }
    if (dt == tp_member_descriptor) return member_set(d.as<Member>(), self, v);
  }
  return set_dict(self, v);
}

static const MethodDef object_methods[] = {
    {"__new__", object_new, MethKind::Static},
    {"__init__", object_init},
    {"__repr__", object_repr},
    {"__str__", object_str},
    {"__hash__", object_hash},
    {"__eq__", object_eq},
    {"__ne__", object_ne},
    {"__lt__", object_cmp_ni},
    {"__le__", object_cmp_ni},
    {"__gt__", object_cmp_ni},
    {"__ge__", object_cmp_ni},
    {"__getattribute__", object_getattribute},
    {"__setattr__", object_setattr},
    {"__delattr__", object_delattr},
    {"__format__", object_format},
    {"__init_subclass__", object_init_subclass, MethKind::Class},
    {"__subclasshook__", object_subclasshook, MethKind::Class},
    {"__dir__", object_dir},
    {"__sizeof__", object_sizeof},
    {"__reduce_ex__", object_reduce_ex},
    {"__reduce__", object_reduce},
    {"__getstate__", object_getstate},
    {nullptr, nullptr}};
static const GetSetDef object_getsets[] = {{"__class__", get_class, set_class}, {nullptr, nullptr}};

// __dict__ is offered by every user class that has an instance dict.
static Result<Value> get_weakref(Value self) { return weakref_first(self); }
extern const GetSetDef instance_dict_getset[];
const GetSetDef instance_dict_getset[] = {{"__dict__", get_dict, set_dict}, {nullptr, nullptr}};
extern const GetSetDef subtype_dict_getset[];
const GetSetDef subtype_dict_getset[] = {
    {"__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables (if defined)"}, {nullptr, nullptr}};
// The __weakref__ descriptor a class statement adds (see type_new).
extern const GetSetDef instance_weakref_getset[];
const GetSetDef instance_weakref_getset[] = {
    {"__weakref__", get_weakref, nullptr, "list of weak references to the object (if defined)"}, {nullptr, nullptr}};

void init_object_type() {
  type_add_methods(tp_object, object_methods);
  type_add_getsets(tp_object, object_getsets);
  type_set_attr_const(tp_object, "__doc__", str_value("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"));
}

}  // namespace gilpy
