// Inline caches for attribute and global-variable access (design.md section
// 5). Each cacheable instruction owns one InlineCache (objects/code.h); the
// fast paths below re-validate it with one or two compares and fall back to
// the generic protocol (and refill the cache) when the check fails.
//
// Validity: a type's `version` changes whenever its dict or any base's dict
// changes (type_modified), and a dict's `version` whenever its set of keys
// or their positions change. A cached entry index into a dict is therefore
// valid as long as the dict and its version match; values are always read
// from the dict, never cached.
#pragma once
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/instance_values.h"
#include "objects/str.h"
#include "runtime/object.h"

namespace gilpy {

enum CacheKind : uint8_t {
  IC_EMPTY = 0,
  IC_INSTANCE = 1,   // attribute lives in the instance dict (index = entry hint)
  IC_SLOT = 2,       // __slots__ member (index = byte offset)
  IC_MODULE = 3,     // module attribute (key1 = module dict, version = its version)
  IC_METHOD = 4,     // LOAD_METHOD: plain function/method descriptor on the type
  IC_CLASS = 5,      // attribute of a class object: version = metatype's version,
                     // key1 = the class, version2 = the class's version, value cached
  IC_VALUES = 6,     // attribute in the instance's values (objects/instance_values.h):
                     // key1 = the values' keys dict, index = the attribute's index there
};

Result<Value> load_attr_slow(Value obj, Str* name, InlineCache* c);
Status store_attr_slow(Value obj, Str* name, Value v, InlineCache* c);
bool load_method_slow(Value obj, Str* name, InlineCache* c, Value* meth);
Result<Value> load_global_slow(Dict* globals, Value builtins, Str* name, InlineCache* c);

// What obj's dict slot holds: null, a Dict or an InstanceValues.
inline Object* inline_instance_storage(Value obj) {
  Type* t = obj.obj()->type;
  return uses_instance_slot(t) ? reinterpret_cast<Object*>(*instance_dict_slot(obj.obj(), t)) : nullptr;
}
inline Dict* storage_dict(Object* s) { return s && s->type == tp_dict ? static_cast<Dict*>(s) : nullptr; }

// Value of the dict entry `hint` if it holds exactly `name`, else null.
inline Value dict_hint_value(Dict* d, int32_t hint, Str* name) {
  if (d && hint >= 0 && hint < d->nentries && d->entries[hint].key == Value(name)) return d->entries[hint].value;
  return Value();
}
// The value slot the cache names, if obj's values have it, else null. Keys
// only grow, so (keys, index) names one attribute for good.
inline Value* cached_values_slot(Object* s, InlineCache* c) {
  if (!is_instance_values(s)) return nullptr;
  auto* iv = static_cast<InstanceValues*>(s);
  if (iv->keys != c->key1 || uint32_t(c->index) >= iv->end || !iv->items[c->index]) return nullptr;
  return &iv->items[c->index];
}

inline Result<Value> load_attr_cached(Value obj, Str* name, InlineCache* c) {
  if (obj.is_obj()) {
    Type* t = obj.obj()->type;
    if (t->version == c->version) {
      switch (c->kind) {
        case IC_VALUES:
          if (Value* slot = cached_values_slot(inline_instance_storage(obj), c)) return *slot;
          break;
        case IC_INSTANCE: {
          Value v = dict_hint_value(storage_dict(inline_instance_storage(obj)), c->index, name);
          if (v) return v;
          break;
        }
        case IC_SLOT: {
          Value v = *reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.obj()) + c->index);
          if (v) return v;
          break;
        }
        case IC_MODULE: {
          Dict* d = *reinterpret_cast<Dict**>(reinterpret_cast<char*>(obj.obj()) + sizeof(Object));
          if (c->key1 == d && c->version2 == d->version) return d->entries[c->index].value;
          break;
        }
        case IC_CLASS:
          if (c->key1 == obj.obj() && c->version2 == obj.as<Type>()->version) return c->value;
          break;
        default: break;
      }
    }
  }
  return load_attr_slow(obj, name, c);
}

inline Status store_attr_cached(Value obj, Str* name, Value v, InlineCache* c) {
  if (obj.is_obj() && obj.obj()->type->version == c->version) {
    if (c->kind == IC_VALUES) {
      if (Value* slot = cached_values_slot(inline_instance_storage(obj), c)) {
        *slot = v;
        return OK();
      }
    } else if (c->kind == IC_INSTANCE) {
      Dict* d = storage_dict(inline_instance_storage(obj));
      if (d && c->index >= 0 && c->index < d->nentries && d->entries[c->index].key == Value(name)) {
        d->entries[c->index].value = v;
        return OK();
      }
    }
  }
  return store_attr_slow(obj, name, v, c);
}

}  // namespace gilpy
