// Descriptor objects: property, staticmethod, classmethod, super, and the
// getset/member descriptors that expose native attributes and __slots__.
#include "objects/descriptors.h"

#include <cstddef>
#include <cstring>
#include <string>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

// ---- staticmethod / classmethod ----------------------------------------------------
static StaticMethod* SM(Value v) { return v.as<StaticMethod>(); }
static Result<Value> sm_init(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs(type_name(a[0]), kw));
  TRY(check_nargs(type_name(a[0]), n - 1, 1, 1));
  SM(a[0])->func = a[1];
  // Copy the wrapped function's metadata, as CPython 3.10+ does.
  for (Str* attr : {N.__module__, N.__name__, N.__qualname__, N.__doc__, str_intern("__annotations__")}) {
    Value v;
    TRY(getattr_opt(a[1], attr, &v));
    if (v) {
      Dict** dp = instance_dict_ptr(a[0]);
      if (!*dp) *dp = dict_new();
      dict_set_str(*dp, attr, v);
    }
  }
  Value w;
  TRY(getattr_opt(a[1], N.__dict__, &w));
  return None();
}
static Result<Value> sm_get(Value* a, int64_t n, Tuple*) { return SM(a[0])->func; }
static Result<Value> cm_get(Value* a, int64_t n, Tuple*) {
  Value type = n > 2 && !is_none(a[2]) ? a[2] : Value(a[1].type());
  Value f = SM(a[0])->func;
  Value get = type_lookup(f.type(), N.__get__);
  if (get && f.type() != tp_function && !is_builtin_type(f.type())) {
    Value args[3] = {f, type, type};
    return call(get, args, 3);
  }
  return method_new(f, type);
}
static Result<Value> sm_func(Value s) { return SM(s)->func; }
static Result<Value> sm_isabstract(Value s) {
  Value v;
  TRY(getattr_opt(SM(s)->func, N.__isabstractmethod__, &v));
  if (!v) return False();
  return Bool(TRY(truthy(v)));
}
static Result<Value> sm_call(Value* a, int64_t n, Tuple* kw) { return call(SM(a[0])->func, a + 1, n - 1, kw); }
static Result<Value> sm_repr(Value* a, int64_t, Tuple*) {
  Str* r = TRY(repr(SM(a[0])->func));
  return Value(str_new("<" + std::string(type_name(a[0])) + "(" + std::string(r->view()) + ")>"));
}
static Result<Value> sm_new(Value* a, int64_t n, Tuple*) {
  if (n < 1 || !is_type(a[0])) return raise(tp_TypeError, "staticmethod.__new__(X): X is not a type");
  return Value(alloc_instance(as_type(a[0]), sizeof(StaticMethod)));
}
static const MethodDef sm_methods[] = {{"__new__", sm_new, MethKind::Static}, {"__init__", sm_init},
                                       {"__get__", sm_get}, {"__call__", sm_call}, {"__repr__", sm_repr},
                                       {nullptr, nullptr}};
static const MethodDef cm_methods[] = {{"__new__", sm_new, MethKind::Static}, {"__init__", sm_init},
                                       {"__get__", cm_get}, {"__repr__", sm_repr}, {nullptr, nullptr}};
static const GetSetDef sm_getsets[] = {{"__func__", sm_func}, {"__wrapped__", sm_func},
                                       {"__isabstractmethod__", sm_isabstract}, {nullptr, nullptr}};

// ---- property --------------------------------------------------------------------------
static Property* PR(Value v) { return v.as<Property>(); }
static Result<Value> prop_new(Value* a, int64_t n, Tuple*) {
  if (n < 1 || !is_type(a[0])) return raise(tp_TypeError, "property.__new__(X): X is not a type");
  Property* p = static_cast<Property*>(alloc_instance(as_type(a[0]), sizeof(Property)));
  p->fget = p->fset = p->fdel = p->doc = None();
  return Value(p);
}
static Result<Value> prop_init(Value* a, int64_t n, Tuple* kw) {
  Value out[4];
  TRY(parse_args("property", a + 1, n - 1, kw, {"fget", "fset", "fdel", "doc"}, 0, out));
  Property* p = PR(a[0]);
  p->fget = out[0] ? out[0] : None();
  p->fset = out[1] ? out[1] : None();
  p->fdel = out[2] ? out[2] : None();
  Value doc = out[3] ? out[3] : None();
  p->getter_doc = false;
  if (is_none(doc) && !is_none(p->fget)) {
    Value d;
    TRY(getattr_opt(p->fget, N.__doc__, &d));
    if (d) {
      doc = d;
      p->getter_doc = true;
    }
  }
  if (a[0].type() == tp_property) {
    p->doc = doc;
  } else {
    // A subclass stores __doc__ as an instance attribute, or the class's
    // __doc__ would shadow it; one without a __dict__ (__slots__) fails
    // here, as in CPython.
    p->doc = None();
    TRY(setattr(a[0], N.__doc__, doc));
  }
  return None();
}
// CPython 3.11's wording: the property's name (its repr) when __set_name__
// gave it one, and the owner's __qualname__ (repr).
static Err prop_missing(Property* p, Value obj, const char* what) {
  Type* t = obj.type();
  std::string qual = "'" + std::string(t->qualname->view()) + "'";
  if (p->name && !is_none(p->name)) {
    Result<Str*> r = repr(p->name);
    if (r.is_err()) return ERR;
    return raise_fmt(tp_AttributeError, "property %s of %s object has no %s", r.value()->data, qual.c_str(), what);
  }
  return raise_fmt(tp_AttributeError, "property of %s object has no %s", qual.c_str(), what);
}
static Result<Value> prop_get(Value* a, int64_t n, Tuple*) {
  Property* p = PR(a[0]);
  if (n < 2 || is_none(a[1])) return a[0];
  if (is_none(p->fget)) return prop_missing(p, a[1], "getter");
  return call1(p->fget, a[1]);
}
static Result<Value> prop_set(Value* a, int64_t n, Tuple*) {
  Property* p = PR(a[0]);
  if (is_none(p->fset)) return prop_missing(p, a[1], "setter");
  TRY(call2(p->fset, a[1], a[2]));
  return None();
}
static Result<Value> prop_delete(Value* a, int64_t n, Tuple*) {
  Property* p = PR(a[0]);
  if (is_none(p->fdel)) return prop_missing(p, a[1], "deleter");
  TRY(call1(p->fdel, a[1]));
  return None();
}
static Result<Value> prop_copy(Value self, Value fget, Value fset, Value fdel) {
  Property* p = PR(self);
  // A doc taken from the old getter is taken afresh from the new one.
  Value doc = p->getter_doc && !is_none(fget) ? None() : p->doc;
  Value args[4] = {fget, fset, fdel, doc};
  Value np = TRY(call(Value(self.type()), args, 4));
  if (has_layout(np, Layout::Property)) PR(np)->name = p->name;
  return np;
}
static Result<Value> prop_getter(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("getter", n - 1, 1, 1));
  return prop_copy(a[0], a[1], PR(a[0])->fset, PR(a[0])->fdel);
}
static Result<Value> prop_setter(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setter", n - 1, 1, 1));
  return prop_copy(a[0], PR(a[0])->fget, a[1], PR(a[0])->fdel);
}
static Result<Value> prop_deleter(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("deleter", n - 1, 1, 1));
  return prop_copy(a[0], PR(a[0])->fget, PR(a[0])->fset, a[1]);
}
static Result<Value> prop_set_name(Value* a, int64_t n, Tuple*) {
  if (n - 1 != 2)
    return raise_fmt(tp_TypeError, "__set_name__() takes 2 positional arguments but %lld were given", (long long)(n - 1));
  PR(a[0])->name = a[2];
  return None();
}
static Result<Value> p_doc(Value s) { return PR(s)->doc; }
static Status p_doc_set(Value s, Value v) { PR(s)->doc = v ? v : None(); return OK(); }
static Result<Value> p_isabstract(Value s) {
  for (Value f : {PR(s)->fget, PR(s)->fset, PR(s)->fdel}) {
    Value v;
    TRY(getattr_opt(f, N.__isabstractmethod__, &v));
    if (v && TRY(truthy(v))) return True();
  }
  return False();
}
static const MethodDef prop_methods[] = {
    {"__new__", prop_new, MethKind::Static}, {"__init__", prop_init}, {"__get__", prop_get}, {"__set__", prop_set},
    {"__delete__", prop_delete}, {"getter", prop_getter}, {"setter", prop_setter}, {"deleter", prop_deleter},
    {"__set_name__", prop_set_name}, {nullptr, nullptr}};
// fget/fset/fdel are read-only members in CPython ("readonly attribute").
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
static const MemberDef prop_members[] = {
    {"fget", int32_t(offsetof(Property, fget)), MEMBER_READONLY | MEMBER_OBJECT},
    {"fset", int32_t(offsetof(Property, fset)), MEMBER_READONLY | MEMBER_OBJECT},
    {"fdel", int32_t(offsetof(Property, fdel)), MEMBER_READONLY | MEMBER_OBJECT},
    {nullptr, 0, 0}};
#pragma GCC diagnostic pop
static const GetSetDef prop_getsets[] = {{"__doc__", p_doc, p_doc_set}, {"__isabstractmethod__", p_isabstract},
                                         {nullptr, nullptr}};

// ---- super --------------------------------------------------------------------------------
struct Super : Object {
  Dict* dict;
  Type* type;      // the class after which to search
  Value obj;       // the instance or class bound
  Type* obj_type;  // type(obj), or obj itself when obj is a class
};

static Result<Type*> super_check(Type* type, Value obj) {
  if (is_type(obj) && is_subtype(as_type(obj), type)) return as_type(obj);
  if (is_subtype(obj.type(), type)) return obj.type();
  Value cls;
  TRY(getattr_opt(obj, N.__class__, &cls));
  if (cls && is_type(cls) && cls != Value(obj.type()) && is_subtype(as_type(cls), type)) return as_type(cls);
  return raise(tp_TypeError, "super(type, obj): obj must be an instance or subtype of type");
}

static Result<Value> super_new(Value* a, int64_t n, Tuple*) {
  return Value(alloc_instance(as_type(a[0]), sizeof(Super)));
}
static Result<Value> super_init(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("super", kw));
  Super* s = a[0].as<Super>();
  Value type, obj;
  if (n == 1) {
    // Zero-argument form: the __class__ cell and the first argument of the caller.
    Frame* f = t_ts->frame;
    if (!f) return raise(tp_RuntimeError, "super(): no current frame");
    Code* co = f->code;
    if (co->argcount == 0 && !(co->flags & 4)) return raise(tp_RuntimeError, "super(): no arguments");
    obj = f->slots[0];
    if (obj.is_obj() && obj.obj() == f->builder) f->builder = nullptr;  // now shared (INPLACE_ADD_FAST)
    if (co->cell2arg) {
      for (int32_t i = 0; i < co->ncells; i++)
        if (co->cell2arg[i] == 0) obj = f->slots[co->nlocals + i].as<Cell>()->ref;
    }
    if (!obj) return raise(tp_RuntimeError, "super(): arg[0] deleted");
    for (int32_t i = 0; i < co->nfrees; i++) {
      if (std::strcmp(as_str(co->freevars->items[i])->data, "__class__") == 0) {
        Value cell = f->slots[co->nlocals + co->ncells + i];
        type = cell.as<Cell>()->ref;
        if (!type) return raise(tp_RuntimeError, "super(): empty __class__ cell");
        break;
      }
    }
    if (!type) return raise(tp_RuntimeError, "super(): __class__ cell not found");
  } else {
    TRY(check_nargs("super", n - 1, 1, 2));
    type = a[1];
    obj = n > 2 ? a[2] : Value();
  }
  if (!is_type(type)) return raise_fmt(tp_TypeError, "super() argument 1 must be a type, not %s", type_name(type));
  s->type = as_type(type);
  if (obj && !is_none(obj)) {
    s->obj = obj;
    s->obj_type = TRY(super_check(s->type, obj));
  }
  return None();
}

static Result<Value> super_getattribute(Value* a, int64_t n, Tuple*) {
  Super* s = a[0].as<Super>();
  if (!is_str(a[1])) return raise(tp_TypeError, "attribute name must be string");
  Str* name = str_intern(as_str(a[1]));
  // (No MRO yet: the class is still being created; plain attribute lookup.)
  if (s->obj_type && s->obj_type->mro && std::strcmp(name->data, "__class__") != 0) {
    Tuple* mro = s->obj_type->mro;
    int64_t i = 0;
    for (; i < mro->size; i++)
      if (mro->items[i].obj() == s->type) break;
    for (i++; i < mro->size; i++) {
      Type* t = as_type(mro->items[i]);
      Value d = dict_get_str(t->dict, name);
      if (!d) continue;
      Value inst = s->obj == Value(s->obj_type) ? Value() : s->obj;
      Type* dt = d.type();
      if (dt == tp_staticmethod) return SM(d)->func;
      if (dt == tp_classmethod) return method_new(SM(d)->func, Value(s->obj_type));
      if (dt == tp_function) return inst ? method_new(d, inst) : d;
      return descr_get(d, inst, Value(s->obj_type));
    }
  }
  return generic_getattr(a[0], name, false);
}
static Result<Value> super_get(Value* a, int64_t n, Tuple*) {
  Super* s = a[0].as<Super>();
  if (n < 2 || is_none(a[1]) || s->obj) return a[0];
  Value args[2] = {Value(s->type), a[1]};
  return call(Value(a[0].type()), args, 2);
}
static Result<Value> super_repr(Value* a, int64_t, Tuple*) {
  Super* s = a[0].as<Super>();
  std::string r = "<super: <class '" + std::string(s->type ? s->type->name->view() : "NULL") + "'>, ";
  if (s->obj_type) r += "<" + std::string(s->obj_type->name->view()) + " object>>";
  else r += "NULL>";
  return Value(str_new(r));
}
static Result<Value> super_thisclass(Value s) { return s.as<Super>()->type ? Value(s.as<Super>()->type) : None(); }
static Result<Value> super_self(Value s) { return s.as<Super>()->obj ? s.as<Super>()->obj : None(); }
static Result<Value> super_self_class(Value s) { return s.as<Super>()->obj_type ? Value(s.as<Super>()->obj_type) : None(); }
static const MethodDef super_methods[] = {{"__new__", super_new, MethKind::Static}, {"__init__", super_init},
                                          {"__getattribute__", super_getattribute}, {"__get__", super_get},
                                          {"__repr__", super_repr}, {nullptr, nullptr}};
static const GetSetDef super_getsets[] = {{"__thisclass__", super_thisclass}, {"__self__", super_self},
                                          {"__self_class__", super_self_class}, {nullptr, nullptr}};

// ---- getset and member descriptors ------------------------------------------------------------
// CPython's descr_check: the instance must be of the descriptor's owner type
// (the getter/setter reads the owner's native layout).
static Status gs_check(Value descr, Value obj) {
  bool gs = descr.type() == tp_getset_descriptor;
  Type* owner = gs ? descr.as<GetSet>()->owner : descr.as<Member>()->owner;
  if (isinstance(obj, owner)) return OK();
  Str* name = gs ? descr.as<GetSet>()->name : descr.as<Member>()->name;
  return raise_fmt(tp_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name->data,
                   owner->name->data, type_name(obj));
}
static Result<Value> gs_get(Value* a, int64_t n, Tuple*) {
  if (n < 2 || is_none(a[1])) return a[0];
  TRY(gs_check(a[0], a[1]));
  return descr_get(a[0], a[1], n > 2 ? a[2] : Value());
}
static Result<Value> gs_set(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__set__", n - 1, 2, 2));
  TRY(gs_check(a[0], a[1]));
  if (a[0].type() == tp_getset_descriptor) {
    GetSet* g = a[0].as<GetSet>();
    if (!g->set)
      return raise_fmt(tp_AttributeError, "attribute '%s' of '%s' objects is not writable", g->name->data,
                                         type_tp_name(g->owner).c_str());
    TRY(g->set(a[1], a[2]));
  } else {
    TRY(member_set(a[0].as<Member>(), a[1], a[2]));
  }
  return None();
}
static Result<Value> gs_delete(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__delete__", n - 1, 1, 1));
  TRY(gs_check(a[0], a[1]));
  if (a[0].type() == tp_getset_descriptor) {
    GetSet* g = a[0].as<GetSet>();
    if (!g->set) return raise_fmt(tp_AttributeError, "attribute '%s' of '%s' objects is not writable", g->name->data,
                                         type_tp_name(g->owner).c_str());
    TRY(g->set(a[1], Value()));
  } else {
    TRY(member_set(a[0].as<Member>(), a[1], Value()));
  }
  return None();
}
static Result<Value> gs_repr(Value* a, int64_t, Tuple*) {
  Str* name = a[0].type() == tp_getset_descriptor ? a[0].as<GetSet>()->name : a[0].as<Member>()->name;
  Type* owner = a[0].type() == tp_getset_descriptor ? a[0].as<GetSet>()->owner : a[0].as<Member>()->owner;
  const char* kind = a[0].type() == tp_getset_descriptor ? "attribute" : "member";
  return Value(str_new("<" + std::string(kind) + " '" + std::string(name->view()) + "' of '" +
                       type_tp_name(owner) + "' objects>"));
}
static Result<Value> gs_name(Value s) {
  return Value(s.type() == tp_getset_descriptor ? s.as<GetSet>()->name : s.as<Member>()->name);
}
static Result<Value> gs_qualname(Value s) {  // "<owner's qualname>.<name>", as CPython's descr_get_qualname
  Type* owner = s.type() == tp_getset_descriptor ? s.as<GetSet>()->owner : s.as<Member>()->owner;
  Str* name = s.type() == tp_getset_descriptor ? s.as<GetSet>()->name : s.as<Member>()->name;
  return Value(str_new(std::string(owner->qualname ? owner->qualname->view() : owner->name->view()) + "." +
                       std::string(name->view())));
}
static Result<Value> gs_objclass(Value s) {
  return Value(s.type() == tp_getset_descriptor ? s.as<GetSet>()->owner : s.as<Member>()->owner);
}
static Result<Value> gs_doc(Value s) {
  const char* doc = s.type() == tp_getset_descriptor ? s.as<GetSet>()->doc : s.as<Member>()->doc;
  return doc ? str_value(doc) : None();
}
static const MethodDef gs_methods[] = {{"__get__", gs_get}, {"__set__", gs_set}, {"__delete__", gs_delete},
                                       {"__repr__", gs_repr}, {nullptr, nullptr}};
static const GetSetDef gs_getsets[] = {{"__name__", gs_name}, {"__qualname__", gs_qualname}, {"__objclass__", gs_objclass},
                                       {"__doc__", gs_doc}, {nullptr, nullptr}};

void init_descriptor_types() {
  extern const GetSetDef instance_dict_getset[];
  type_add_methods(tp_staticmethod, sm_methods);
  type_add_getsets(tp_staticmethod, sm_getsets);
  type_add_getsets(tp_staticmethod, instance_dict_getset);
  type_add_methods(tp_classmethod, cm_methods);
  type_add_getsets(tp_classmethod, sm_getsets);
  type_add_getsets(tp_classmethod, instance_dict_getset);
  type_add_methods(tp_property, prop_methods);
  type_add_getsets(tp_property, prop_getsets);
  type_add_members(tp_property, prop_members);
  type_add_methods(tp_super, super_methods);
  type_add_getsets(tp_super, super_getsets);
  type_add_methods(tp_getset_descriptor, gs_methods);
  type_add_getsets(tp_getset_descriptor, gs_getsets);
  type_add_methods(tp_member_descriptor, gs_methods);
  type_add_getsets(tp_member_descriptor, gs_getsets);
}

size_t super_size() { return sizeof(Super); }

}  // namespace gilpy
