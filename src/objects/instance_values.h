// Instance attributes without a dict (CPython 3.11's "shared keys and inline
// values" idea, in gilpy's own form).
//
// An instance of a user class stores its attributes in an InstanceValues
// object, referenced from the instance's dict slot, until something asks for
// its __dict__. The attribute names live once per class, in Type::attr_keys:
// a dict from name to index that only ever grows, so an index stays valid
// forever. An instance keeps only the values, by index. Two attributes cost
// 48 bytes instead of a 256-byte dict.
//
// Invariants:
//  * keys is the attr_keys of the class the instance had when its values were
//    made. It stays correct after a __class__ assignment.
//  * Present attributes were added in increasing index order, so walking the
//    indices gives insertion order, which is dict order. An attribute whose
//    index is below `end`, while its own slot is empty, would break that
//    order: it converts the instance to a real dict instead.
//  * Anything that needs the dict itself calls instance_dict_ptr (object.cpp).
//    That replaces the values with an equal dict, for good. Only the hot
//    attribute paths read values in place: generic get/set/del attr, method
//    lookup and the inline caches.
#pragma once
#include "objects/dict.h"
#include "runtime/object.h"

namespace gilpy {

struct InstanceValues : Object {  // type tp_instance_values, never seen by Python code
  Dict* keys;
  uint32_t capacity;  // slots in items
  uint32_t end;       // 1 + the highest index holding a value (0 when empty)
  Value items[];      // null: absent
};

// True when t's instances keep their attributes in the slot at dict_offset
// (types, modules and functions keep their dict elsewhere: instance_dict_ptr).
inline bool uses_instance_slot(Type* t) {
  return t->dict_offset && t->layout != Layout::Type && t->layout != Layout::Module && t->layout != Layout::Function;
}

inline bool is_instance_values(Object* slot_content) {
  return slot_content && slot_content->type == tp_instance_values;
}

// The value of attribute `name` in the instance's storage (values or dict), or
// null. Never raises, never converts.
Value instance_attr_get(Object* o, Type* t, Str* name);
// Set (v non-null) or delete (v null) attribute `name`: 1 done, 0 absent (for
// a delete), ERR if a dict operation raised.
Result<bool> instance_attr_set(Object* o, Type* t, Str* name, Value v);
// Replace values by the equivalent dict (called by instance_dict_ptr).
Dict* instance_values_to_dict(InstanceValues* iv);
// Index of `name` in iv's keys if that slot holds a value, else -1 (the inline caches).
int32_t instance_values_index(InstanceValues* iv, Str* name);

}  // namespace gilpy
