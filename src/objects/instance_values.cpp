// Instance attributes kept as values indexed by per-class keys
// (objects/instance_values.h has the design and its invariants).
#include "objects/instance_values.h"

#include "objects/str.h"
#include "objects/type.h"
#include "runtime/errors.h"

namespace gilpy {

namespace {

// A class with more attribute names than this gives further instances real
// dicts: it is being used as a bag of arbitrary names.
constexpr int64_t kMaxKeys = 30;
constexpr uint32_t kMinCapacity = 4;

inline Dict** raw_slot(Object* o, Type* t) { return instance_dict_slot(o, t); }

InstanceValues* new_values(Dict* keys, uint32_t capacity) {
  auto* iv = static_cast<InstanceValues*>(alloc_instance(tp_instance_values, sizeof(InstanceValues) + capacity * sizeof(Value)));
  iv->keys = keys;
  iv->capacity = capacity;
  return iv;
}

// (keys, name) -> index memo in front of the keys dicts: attribute sites that
// see several classes miss their inline cache, and each miss would otherwise
// probe a keys dict twice (the lookup, then the cache refill). An index, once
// found, is valid forever (keys only grow); "absent" is valid while the keys
// dict has the same size. Static data: the collector sees (and keeps) the
// entries' keys and names, so a pointer cannot come to mean another object.
struct KeyMemo {
  Dict* keys;
  Str* name;
  int64_t ix;
  int64_t used;  // keys->used when ix was found to be -1
};
constexpr size_t kMemoSize = 512;
KeyMemo g_key_memo[kMemoSize];

// The index of name in keys, or -1.
inline int64_t key_index(Dict* keys, Str* name) {
  KeyMemo& m = g_key_memo[((uintptr_t(keys) >> 4) * 31 + (uintptr_t(name) >> 4)) & (kMemoSize - 1)];
  if (m.keys == keys && m.name == name && (m.ix >= 0 || m.used == keys->used)) return m.ix;
  Value ix = dict_get_str(keys, name);
  m = {keys, name, ix ? ix.as_small() : -1, keys->used};
  return m.ix;
}

}  // namespace

Dict* instance_values_to_dict(InstanceValues* iv) {
  Dict* d = dict_new();
  for (uint32_t i = 0; i < iv->end; i++)
    if (iv->items[i]) dict_set_str(d, as_str(iv->keys->entries[i].key), iv->items[i]);
  return d;
}

int32_t instance_values_index(InstanceValues* iv, Str* name) {
  int64_t ix = key_index(iv->keys, name);
  return ix >= 0 && ix < int64_t(iv->end) && iv->items[ix] ? int32_t(ix) : -1;
}

Value instance_attr_get(Object* o, Type* t, Str* name) {
  Object* s = reinterpret_cast<Object*>(*raw_slot(o, t));
  if (!s) return Value();
  if (is_instance_values(s)) {
    auto* iv = static_cast<InstanceValues*>(s);
    int64_t ix = key_index(iv->keys, name);
    return ix >= 0 && ix < int64_t(iv->end) ? iv->items[ix] : Value();
  }
  return dict_get_str(static_cast<Dict*>(s), name);
}

Result<bool> instance_attr_set(Object* o, Type* t, Str* name, Value v) {
  Dict** slot = raw_slot(o, t);
  Object* s = reinterpret_cast<Object*>(*slot);
  bool exact_name = name->type == tp_str;
  if (!s && v && exact_name && t->layout == Layout::Object) {
    // The first attribute: start with values unless the class has too many names.
    if (!t->attr_keys) t->attr_keys = dict_new();
    if (t->attr_keys->used < kMaxKeys || key_index(t->attr_keys, name) >= 0) {
      uint32_t cap = uint32_t(t->attr_keys->used) + 1;
      s = new_values(t->attr_keys, cap < kMinCapacity ? kMinCapacity : cap);
      *slot = reinterpret_cast<Dict*>(s);
    }
  }
  if (is_instance_values(s)) {
    auto* iv = static_cast<InstanceValues*>(s);
    if (exact_name) {
      int64_t ix = key_index(iv->keys, name);
      if (!v) {  // delete: order of the rest is unchanged
        if (ix < 0 || ix >= int64_t(iv->end) || !iv->items[ix]) return false;
        iv->items[ix] = Value();
        while (iv->end && !iv->items[iv->end - 1]) iv->end--;
        return true;
      }
      if (ix >= 0 && ix < int64_t(iv->end) && iv->items[ix]) {
        iv->items[ix] = v;
        return true;
      }
      if (ix < 0 && iv->keys->used < kMaxKeys) {
        ix = iv->keys->used;
        dict_set_str(iv->keys, name, Value::small(ix));
      }
      if (ix >= int64_t(iv->end)) {  // appending keeps insertion order
        if (ix >= int64_t(iv->capacity)) {
          uint32_t cap = iv->capacity * 2;
          while (int64_t(cap) <= ix) cap *= 2;
          InstanceValues* bigger = new_values(iv->keys, cap);
          for (uint32_t i = 0; i < iv->end; i++) bigger->items[i] = iv->items[i];
          bigger->end = iv->end;
          *slot = reinterpret_cast<Dict*>(bigger);
          iv = bigger;
        }
        iv->items[ix] = v;
        iv->end = uint32_t(ix) + 1;
        return true;
      }
    }
    // Out of order, too many names, or a str-subclass name: a real dict from now on.
    *slot = instance_values_to_dict(iv);
    s = reinterpret_cast<Object*>(*slot);
  }
  if (!s) {
    if (!v) return false;
    *slot = dict_new();
    s = reinterpret_cast<Object*>(*slot);
  }
  Dict* d = static_cast<Dict*>(s);
  if (v) {
    TRY(dict_set(d, Value(name), v));
    return true;
  }
  return dict_del(d, Value(name));
}

}  // namespace gilpy
