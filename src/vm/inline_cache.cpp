// Slow paths of the inline caches: do the generic lookup, and when the
// result has a cacheable shape, record it (see inline_cache.h).
#include "vm/inline_cache.h"

#include "objects/descriptors.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

static bool plain_attribute_type(Type* t) {
  return !(t->flags & (TF_HAS_GETATTRIBUTE | TF_HAS_GETATTR));
}

static bool is_data_descr(Value d) {
  Type* dt = d.type();
  if (dt == tp_function || is_method_descr_type(dt) || dt->layout == Layout::Str || d.is_small()) return false;
  if (dt == tp_getset_descriptor || dt == tp_member_descriptor || dt == tp_property) return true;
  return type_lookup(dt, N.__set__) || type_lookup(dt, N.__delete__);
}

// Point the cache at `name` in obj's own attributes (values or dict), if there.
static void cache_instance_attr(Value obj, Type* t, Str* name, InlineCache* c) {
  Object* s = inline_instance_storage(obj);
  if (is_instance_values(s)) {
    auto* iv = static_cast<InstanceValues*>(s);
    int32_t ix = instance_values_index(iv, name);
    if (ix < 0) return;
    c->kind = IC_VALUES;
    c->key1 = iv->keys;
    c->version = t->version;
    c->index = ix;
  } else if (Dict* idict = storage_dict(s)) {
    int64_t ix = dict_lookup_str_index_quiet(idict, name);
    if (ix < 0) return;
    c->kind = IC_INSTANCE;
    c->version = t->version;
    c->index = int32_t(ix);
  }
}

Result<Value> load_attr_slow(Value obj, Str* name, InlineCache* c) {
  Value r = TRY(getattr(obj, name));
  if (!obj.is_obj()) return r;
  Type* t = obj.obj()->type;
  c->kind = IC_EMPTY;
  c->version = 0;
  if (!name->interned) return r;
  if (t->layout == Layout::Module && plain_attribute_type(t)) {
    Dict* d = obj.as<Module>()->dict;
    int64_t ix = dict_lookup_str_index_quiet(d, name);
    if (ix >= 0 && d->entries[ix].value == r) {
      c->kind = IC_MODULE;
      c->version = t->version;
      c->key1 = d;
      c->version2 = d->version;
      c->index = int32_t(ix);
    }
    return r;
  }
  if (t->layout == Layout::Type) {
    // Cache plain class attributes (not produced by a descriptor's __get__).
    Type* cls = obj.as<Type>();
    if (!plain_attribute_type(t) || type_lookup(t, name)) return r;
    Value raw = type_lookup(cls, name);
    if (raw && raw == r) {
      c->kind = IC_CLASS;
      c->version = t->version;
      c->key1 = cls;
      c->version2 = cls->version;
      c->value = r;
    }
    return r;
  }
  if (!plain_attribute_type(t)) return r;
  Value d = type_lookup(t, name);
  if (d && d.type() == tp_member_descriptor && !(d.as<Member>()->flags & (MEMBER_DOUBLE | MEMBER_INT32))) {
    c->kind = IC_SLOT;
    c->version = t->version;
    c->index = d.as<Member>()->offset;
    return r;
  }
  if (d && is_data_descr(d)) return r;
  if (uses_instance_slot(t)) cache_instance_attr(obj, t, name, c);
  return r;
}

Status store_attr_slow(Value obj, Str* name, Value v, InlineCache* c) {
  TRY(setattr(obj, name, v));
  c->kind = IC_EMPTY;
  c->version = 0;
  if (!obj.is_obj() || !name->interned) return OK();
  Type* t = obj.obj()->type;
  if ((t->flags & TF_HAS_SETATTR) || t->layout == Layout::Type || t->layout == Layout::Module || !t->dict_offset)
    return OK();
  Value d = type_lookup(t, name);
  if (d && is_data_descr(d)) return OK();
  cache_instance_attr(obj, t, name, c);
  return OK();
}

bool load_method_slow(Value obj, Str* name, InlineCache* c, Value* meth) {
  c->kind = IC_EMPTY;
  c->version = 0;
  Type* t = obj.type();
  if (!plain_attribute_type(t) || t->layout == Layout::Type || t->layout == Layout::Module) return false;
  Value d = type_lookup(t, name);
  if (!d) return false;
  Type* dt = d.type();
  if (dt != tp_function && !is_method_descr_type(dt)) return false;
  if (obj.is_obj() && uses_instance_slot(t) && instance_attr_get(obj.obj(), t, name)) return false;
  if (name->interned) {
    c->kind = IC_METHOD;
    c->version = t->version;
    c->value = d;
  }
  *meth = d;
  return true;
}

Result<Value> load_global_slow(Dict* globals, Value builtins_v, Str* name, InlineCache* c) {
  // Globals of a dict subclass, or builtins that are not an exact dict (a
  // subclass, any mapping, any object at all): read through __getitem__ (a
  // KeyError is a miss; anything else, "'int' object is not subscriptable"
  // included, propagates), uncached, as CPython's LOAD_GLOBAL does.
  if (globals->type != tp_dict || builtins_v.type() != tp_dict) {
    for (Value d : {Value(globals), builtins_v}) {
      if (d.type() == tp_dict) {
        if (Value v = dict_get_str(as_dict(d), name)) return v;
        continue;
      }
      Result<Value> r = getitem(d, Value(name));
      if (r.ok()) return r;
      if (!exc_matches(tp_KeyError)) return ERR;
      exc_clear();
    }
    return raise_name_error(name);
  }
  Dict* builtins = as_dict(builtins_v);
  int64_t ix = dict_lookup_str_index(globals, name);
  if (ix >= 0) {
    c->key1 = globals;
    c->version = globals->version;
    c->kind = 0;
    c->index = int32_t(ix);
    return globals->entries[ix].value;
  }
  ix = dict_lookup_str_index(builtins, name);
  if (ix >= 0) {
    c->key1 = globals;
    c->version = globals->version;
    c->key2 = builtins;
    c->version2 = builtins->version;
    c->kind = 1;
    c->index = int32_t(ix);
    return builtins->entries[ix].value;
  }
  return raise_name_error(name);
}

}  // namespace gilpy
