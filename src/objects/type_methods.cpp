// The attributes and methods of `type` itself (__name__, __mro__, mro(),
// __subclasses__, __instancecheck__, __prepare__, ...) and mappingproxy,
// the read-only view that type.__dict__ returns.
#include <cstring>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "objects/genericalias.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

static Type* T(Value v) { return as_type(v); }

static Result<Value> type_new_m(Value* a, int64_t n, Tuple* kw) {
  // type.__new__(meta, name, bases, ns, **kwds)
  // (type(x) and type()'s own argument count are type_call's: type.cpp.)
  if (n != 4) return raise_fmt(tp_TypeError, "type.__new__() takes exactly 3 arguments (%lld given)", (long long)(n - 1));
  if (!is_type(a[0])) return raise(tp_TypeError, "type.__new__(X): X is not a type object");
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "type.__new__() argument 1 must be str, not %s", type_name(a[1]));
  if (!is_tuple(a[2])) return raise_fmt(tp_TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(a[2]));
  if (!is_dict(a[3])) return raise_fmt(tp_TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(a[3]));
  // The most derived metaclass of the bases wins; if it has its own __new__,
  // it builds the class (so type(name, (EnumSub,), ns) makes an Enum).
  Type* winner = TRY(calculate_metaclass(as_type(a[0]), as_tuple(a[2])));
  if (winner != as_type(a[0])) {
    Value wnew = type_lookup(winner, N.__new__);
    if (wnew && wnew != dict_get_str(tp_type->dict, N.__new__)) {
      Value fn = wnew.type() == tp_staticmethod ? reinterpret_cast<Value*>(wnew.obj())[2] : wnew;
      int64_t total = n + (kw ? kw->size : 0);
      gc::Vector<Value> args(a, a + total);
      args[0] = Value(winner);
      return call(fn, args.data(), n, kw);
    }
  }
  Dict* kwargs = nullptr;
  if (kw && kw->size) {
    kwargs = dict_new();
    for (int64_t i = 0; i < kw->size; i++) TRY(dict_set(kwargs, kw->items[i], a[n + i]));
  }
  Dict* ns = as_dict(a[3]);
  if (!dict_get_str(ns, N.__module__)) {
    // type(name, bases, dict) called directly: __module__ from the caller's globals.
    extern Value caller_module_name();
    Value m = caller_module_name();
    if (m) {
      // (A dict subclass is merged in its own iteration order, see type_new.)
      Dict* copy = Value(ns).type() == tp_dict ? dict_copy(ns) : dict_new();
      if (copy != ns && Value(ns).type() != tp_dict) TRY(dict_update(copy, Value(ns)));
      ns = copy;
      dict_set_str(ns, N.__module__, m);
    }
  }
  return type_new(as_type(a[0]), as_str(a[1]), as_tuple(a[2]), ns, kwargs);
}
static Result<Value> type_init_m(Value* a, int64_t n, Tuple* kw) {
  if (n != 2 && n != 4) return raise(tp_TypeError, "type.__init__() takes 1 or 3 arguments");
  return None();
}
static Result<Value> type_call_m(Value* a, int64_t n, Tuple* kw) {
  if (!is_type(a[0])) return raise(tp_TypeError, "descriptor '__call__' requires a 'type' object");
  return type_call(as_type(a[0]), a + 1, n - 1, kw);
}
static Result<Value> type_repr(Value* a, int64_t, Tuple*) {
  Type* t = T(a[0]);
  Value m = type_module(t);
  std::string s = "<class '";
  if (m && is_str(m) && std::strcmp(as_str(m)->data, "builtins") != 0) {
    s += as_str(m)->view();
    s += ".";
  }
  s += t->qualname->view();
  s += "'>";
  return Value(str_new(s));
}
static Result<Value> type_mro_m(Value* a, int64_t, Tuple*) {
  Tuple* m = TRY(type_c3_mro(T(a[0])));
  return Value(list_from(m->items, m->size));
}
static Result<Value> type_subclasses(Value* a, int64_t, Tuple*) {
  Type* t = T(a[0]);
  List* l = list_new(0);
  for (Type* s : type_subclass_list(t)) TRY(list_append(l, Value(s)));
  return Value(l);
}
Result<bool> real_isinstance(Value obj, Value cls);      // runtime/protocols.cpp
Result<bool> real_issubclass(Value derived, Value cls);
static Result<Value> type_instancecheck(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__instancecheck__", n - 1, 1, 1));
  return Bool(TRY(real_isinstance(a[1], a[0])));
}
static Result<Value> type_subclasscheck(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__subclasscheck__", n - 1, 1, 1));
  return Bool(TRY(real_issubclass(a[1], a[0])));
}
static Result<Value> type_prepare(Value*, int64_t, Tuple*) { return Value(dict_new()); }
static Result<Value> type_dir(Value* a, int64_t, Tuple*) {
  Dict* names = dict_new();
  Type* t = T(a[0]);
  for (int64_t i = t->mro ? t->mro->size - 1 : -1; i >= 0; i--) TRY(dict_update(names, Value(as_type(t->mro->items[i])->dict)));
  List* l = list_new(0);
  int64_t pos = 0;
  Value k;
  while (dict_next(names, &pos, &k, nullptr)) TRY(list_append(l, k));
  return Value(l);
}
// type.__setattr__ / __delattr__: class attributes go through type_setattr
// (which keeps the attribute caches right). They exist so that
// object.__setattr__ can refuse classes (object.cpp's hackcheck).
static Result<Value> type_setattr_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setattr__", n - 1, 2, 2));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  TRY(type_setattr(T(a[0]), as_str(a[1]), a[2]));
  return None();
}
static Result<Value> type_delattr_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__delattr__", n - 1, 1, 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  TRY(type_setattr(T(a[0]), as_str(a[1]), Value()));
  return None();
}
static Result<Value> type_sizeof(Value* a, int64_t, Tuple*) { return Value::small(int64_t(sizeof(Type))); }
// X | Y for types gives a types.UnionType (objects/union.cpp).
Result<Value> make_union(Value a, Value b);
static Result<Value> type_or(Value* a, int64_t n, Tuple*) { return make_union(a[0], a[1]); }
static Result<Value> type_ror(Value* a, int64_t n, Tuple*) { return make_union(a[1], a[0]); }

static Result<Value> t_name(Value s) { return Value(T(s)->name); }
static Status t_name_set(Value s, Value v) {
  if (!(T(s)->flags & TF_HEAPTYPE)) return raise_fmt(tp_TypeError, "cannot set '__name__' attribute of immutable type '%s'", type_name_of(T(s)));
  if (!v || !is_str(v)) return raise_fmt(tp_TypeError, "can only assign string to %s.__name__, not '%s'", type_name_of(T(s)), v ? type_name(v) : "NULL");
  TRY(check_type_name(as_str(v)));
  T(s)->name = as_str(v);
  return OK();
}
static Result<Value> t_qualname(Value s) { return Value(T(s)->qualname); }
static Status t_qualname_set(Value s, Value v) {
  if (!(T(s)->flags & TF_HEAPTYPE)) return raise_fmt(tp_TypeError, "cannot set '__qualname__' attribute of immutable type '%s'", type_name_of(T(s)));
  if (!v || !is_str(v)) return raise_fmt(tp_TypeError, "can only assign string to %s.__qualname__, not '%s'", type_name_of(T(s)), v ? type_name(v) : "NULL");
  T(s)->qualname = as_str(v);
  return OK();
}
static Result<Value> t_module(Value s) {
  Value m = type_module(T(s));
  if (m) return m;
  if (!(T(s)->flags & TF_HEAPTYPE)) return Value(str_intern("builtins"));
  return raise(tp_AttributeError, "__module__");
}
static Status t_module_set(Value s, Value v) {
  if (!(T(s)->flags & TF_HEAPTYPE)) return raise_fmt(tp_TypeError, "cannot set '__module__' attribute of immutable type '%s'", type_name_of(T(s)));
  dict_set_str(T(s)->dict, N.__module__, v ? v : None());
  type_modified(T(s));
  return OK();
}
// builtin_function.cpp: the "name(sig)\n--\n\n" docstring head, and CPython 3.11's signatures.
bool text_signature_split(std::string_view name, const char* doc, std::string_view* sig, const char** rest);
const char* text_signature_lookup(std::string_view key);
static Result<Value> t_doc(Value s) {
  Value d = dict_get_str(T(s)->dict, N.__doc__);
  if (!d) return None();
  if (T(s) == tp_type && d.type() == tp_getset_descriptor)  // type's own __doc__ getset
    return Value(str_intern("type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type"));
  if (d.type() != tp_str && type_lookup(d.type(), N.__get__)) return descr_get(d, Value(), s);
  std::string_view sig;
  const char* rest;
  if (is_str(d) && text_signature_split(T(s)->name->view(), as_str(d)->data, &sig, &rest))
    return *rest ? str_value(rest) : None();
  return d;
}
static Status t_doc_set(Value s, Value v) {
  if (!(T(s)->flags & TF_HEAPTYPE)) return raise_fmt(tp_TypeError, "cannot set '__doc__' attribute of immutable type '%s'", type_name_of(T(s)));
  // (CPython's check_set_special_type_attr words a deletion so for any type.)
  if (!v) return raise_fmt(tp_TypeError, "cannot delete '__doc__' attribute of immutable type '%s'", type_name_of(T(s)));
  dict_set_str(T(s)->dict, N.__doc__, v);
  type_modified(T(s));
  return OK();
}
Value mappingproxy_new(Value mapping);
static Result<Value> t_dict(Value s) { return mappingproxy_new(Value(T(s)->dict)); }
static Result<Value> t_bases(Value s) { return Value(T(s)->bases); }
static Status t_bases_set(Value s, Value v) {
  if (!(T(s)->flags & TF_HEAPTYPE)) return raise_fmt(tp_TypeError, "cannot set '__bases__' attribute of immutable type '%s'", type_name_of(T(s)));
  return type_set_bases(T(s), v);
}
static Result<Value> t_base(Value s) { return T(s)->base ? Value(T(s)->base) : None(); }
// None while the class's first MRO is being computed (its metaclass's mro() runs).
static Result<Value> t_mro(Value s) { return T(s)->mro ? Value(T(s)->mro) : None(); }
static Result<Value> t_flags(Value s) { return Value::small(int64_t(T(s)->flags & TF_ABSTRACT ? (1 << 20) : 0) | (T(s)->flags & TF_HEAPTYPE ? (1 << 9) : 0) | (T(s)->flags & TF_BASETYPE ? (1 << 10) : 0) | (T(s)->flags & TF_SEQUENCE ? (1 << 5) : 0) | (T(s)->flags & TF_MAPPING ? (1 << 6) : 0)); }
static Result<Value> t_abstract(Value s) {
  Value v = T(s)->flags & TF_HEAPTYPE ? dict_get_str(T(s)->dict, N.__abstractmethods__) : Value();
  if (!v) return raise(tp_AttributeError, "__abstractmethods__");
  return v;
}
static Status t_abstract_set(Value s, Value v) {
  Type* t = T(s);
  if (v) {
    dict_set_str(t->dict, N.__abstractmethods__, v);
    bool nonempty = TRY(truthy(v));
    if (nonempty) t->flags |= TF_ABSTRACT;
    else t->flags &= ~uint32_t(TF_ABSTRACT);
  } else {
    if (!dict_del_str(t->dict, N.__abstractmethods__)) return raise(tp_AttributeError, "__abstractmethods__");
    t->flags &= ~uint32_t(TF_ABSTRACT);
  }
  type_modified(t);
  if (v && TRY(truthy(v))) t->flags |= TF_ABSTRACT;
  return OK();
}
static Result<Value> t_annotations(Value s) {
  Type* t = T(s);
  Value a = dict_get_str(t->dict, N.__annotations__);
  if (a) return a;
  if (!(t->flags & TF_HEAPTYPE)) return raise_fmt(tp_AttributeError, "type object '%s' has no attribute '__annotations__'", type_name_of(t));
  Dict* d = dict_new();
  dict_set_str(t->dict, N.__annotations__, d);
  type_modified(t);
  return Value(d);
}
static Status t_annotations_set(Value s, Value v) {
  Type* t = T(s);
  if (!(t->flags & TF_HEAPTYPE)) return raise_fmt(tp_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'", type_name_of(t));
  if (v) dict_set_str(t->dict, N.__annotations__, v);
  else dict_del_str(t->dict, N.__annotations__);
  type_modified(t);
  return OK();
}
// CPython's type_get_text_signature: the "Name(sig)\n--\n\n" head of the type's
// doc; for gilpy's native types, CPython 3.11's (text_signatures.inc).
static Result<Value> t_text_signature(Value s) {
  Type* t = T(s);
  Value d = dict_get_str(t->dict, N.__doc__);
  std::string_view sig;
  const char* rest;
  if (d && is_str(d) && text_signature_split(t->name->view(), as_str(d)->data, &sig, &rest)) return str_value(sig);
  if (t->flags & TF_HEAPTYPE) return None();
  Value m = type_module(t);
  std::string key = (m && is_str(m) ? std::string(as_str(m)->view()) : std::string("builtins")) + "." +
                    std::string(t->qualname ? t->qualname->view() : t->name->view());
  if (const char* r = text_signature_lookup(key)) return str_value(r);
  return None();
}

static const MethodDef type_methods[] = {
    {"__new__", type_new_m, MethKind::Static}, {"__init__", type_init_m}, {"__call__", type_call_m},
    {"__repr__", type_repr}, {"mro", type_mro_m, MethKind::NoArgs}, {"__subclasses__", type_subclasses},
    {"__instancecheck__", type_instancecheck}, {"__subclasscheck__", type_subclasscheck},
    {"__prepare__", type_prepare, MethKind::Class}, {"__dir__", type_dir}, {"__sizeof__", type_sizeof},
    {"__or__", type_or}, {"__ror__", type_ror}, {"__setattr__", type_setattr_m}, {"__delattr__", type_delattr_m},
    {nullptr, nullptr}};
// The fixed part of an instance and the size of each inline item of the
// variable-size layouts (a tuple's values, a bytes object's bytes), as CPython's
// tp_basicsize / tp_itemsize; gilpy's ints and strs keep no inline items.
static Result<Value> t_basicsize(Value s) { return Value::small(int64_t(T(s)->instance_size)); }
static Result<Value> t_itemsize(Value s) {
  switch (T(s)->layout) {
    case Layout::Tuple: return Value::small(int64_t(sizeof(Value)));
    case Layout::Bytes: return Value::small(1);
    default: return Value::small(0);
  }
}

static const GetSetDef type_getsets[] = {
    {"__name__", t_name, t_name_set}, {"__qualname__", t_qualname, t_qualname_set},
    {"__module__", t_module, t_module_set}, {"__doc__", t_doc, t_doc_set}, {"__dict__", t_dict},
    {"__bases__", t_bases, t_bases_set}, {"__base__", t_base}, {"__mro__", t_mro}, {"__flags__", t_flags},
    {"__abstractmethods__", t_abstract, t_abstract_set}, {"__annotations__", t_annotations, t_annotations_set},
    {"__text_signature__", t_text_signature}, {"__basicsize__", t_basicsize}, {"__itemsize__", t_itemsize},
    {nullptr, nullptr}};

// ---- mappingproxy -------------------------------------------------------------------------------
struct MappingProxy : Object {
  Dict* dict;
  Value mapping;
};
Value mappingproxy_new(Value mapping) {
  MappingProxy* p = static_cast<MappingProxy*>(alloc_instance(tp_mappingproxy, sizeof(MappingProxy)));
  p->mapping = mapping;
  return Value(p);
}
static Value MP(Value v) { return v.as<MappingProxy>()->mapping; }
static Result<Value> mp_new(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("mappingproxy", n - 1, 1, 1));
  // CPython's test: any type with __getitem__ (PyMapping_Check) except lists and tuples.
  bool mapping = a[1].is_obj() && type_lookup(a[1].type(), N.__getitem__);
  if (!mapping || is_list(a[1]) || is_tuple(a[1]))
    return raise_fmt(tp_TypeError, "mappingproxy() argument must be a mapping, not %s", type_name(a[1]));
  return mappingproxy_new(a[1]);
}
static Result<Value> mp_getitem(Value* a, int64_t, Tuple*) { return getitem(MP(a[0]), a[1]); }
static Result<Value> mp_contains(Value* a, int64_t, Tuple*) { return Bool(TRY(contains(MP(a[0]), a[1]))); }
static Result<Value> mp_len(Value* a, int64_t, Tuple*) { return Value::small(TRY(len(MP(a[0])))); }
static Result<Value> mp_iter(Value* a, int64_t, Tuple*) { return get_iter(MP(a[0])); }
static Result<Value> mp_keys(Value* a, int64_t, Tuple*) { return call_method0(MP(a[0]), N.keys); }
static Result<Value> mp_values(Value* a, int64_t, Tuple*) { return call_method0(MP(a[0]), N.values); }
static Result<Value> mp_items(Value* a, int64_t, Tuple*) { return call_method0(MP(a[0]), N.items); }
static Result<Value> mp_get(Value* a, int64_t n, Tuple*) { return call_method(MP(a[0]), N.get, a + 1, n - 1); }
static Result<Value> mp_copy(Value* a, int64_t, Tuple*) { return call_method0(MP(a[0]), str_intern("copy")); }
static Result<Value> mp_repr(Value* a, int64_t, Tuple*) {
  Str* r = TRY(repr(MP(a[0])));
  return Value(str_new("mappingproxy(" + std::string(r->view()) + ")"));
}
// str() shows the mapping itself (CPython: print(proxy) prints a plain dict).
static Result<Value> mp_str(Value* a, int64_t, Tuple*) { return Value(TRY(str(MP(a[0])))); }
static Result<Value> mp_eq(Value* a, int64_t, Tuple*) { return richcompare(MP(a[0]), a[1], 2); }
// `|` works on the underlying mappings (CPython's mappingproxy_or), either
// side; `|=` is refused.
static Value mp_unwrap(Value v) { return v.type() == tp_mappingproxy ? MP(v) : v; }
static Result<Value> mp_or(Value* a, int64_t, Tuple*) {
  return binary_op(mp_unwrap(a[0]), mp_unwrap(a[1]), bytecode::NB_OR);
}
static Result<Value> mp_ror(Value* a, int64_t, Tuple*) {
  return binary_op(mp_unwrap(a[1]), mp_unwrap(a[0]), bytecode::NB_OR);
}
static Result<Value> mp_ior(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "'|=' is not supported by mappingproxy; use '|' instead");
}
static Result<Value> mp_reversed(Value* a, int64_t, Tuple*) { return call1(Value(tp_reversed), MP(a[0])); }
static const MethodDef mp_methods[] = {
    {"__new__", mp_new, MethKind::Static}, {"__getitem__", mp_getitem}, {"__contains__", mp_contains},
    {"__len__", mp_len}, {"__iter__", mp_iter}, {"keys", mp_keys, MethKind::NoArgs}, {"values", mp_values, MethKind::NoArgs}, {"items", mp_items, MethKind::NoArgs},
    {"get", mp_get}, {"copy", mp_copy, MethKind::NoArgs}, {"__repr__", mp_repr}, {"__str__", mp_str}, {"__eq__", mp_eq}, {"__or__", mp_or},
    {"__ror__", mp_ror}, {"__ior__", mp_ior}, {"__reversed__", mp_reversed},
    {"__class_getitem__", generic_class_getitem, MethKind::Class}, {nullptr, nullptr}};

void init_type_type() {
  type_add_methods(tp_type, type_methods);
  type_add_getsets(tp_type, type_getsets);
  type_add_methods(tp_mappingproxy, mp_methods);
}

}  // namespace gilpy
