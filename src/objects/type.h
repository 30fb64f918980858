// type objects: creation of builtin and user classes, the MRO, method tables.
#pragma once
#include <string>

#include "objects/function.h"
#include "runtime/object.h"

namespace gilpy {

// Declarative method tables for builtin types and modules.
// NoArgs and O are instance methods (like Method) that take no argument /
// exactly one positional argument: CPython's METH_NOARGS / METH_O, checked
// centrally (check_native_args) so the function may read a[1] unguarded.
enum class MethKind : uint8_t { Method, Class, Static, NoArgs, O };
struct MethodDef {
  const char* name;
  NativeFn fn;
  MethKind kind = MethKind::Method;
  const char* doc = nullptr;
};
struct GetSetDef {
  const char* name;
  Result<Value> (*get)(Value self);
  Status (*set)(Value self, Value v) = nullptr;  // v null: delete
  const char* doc = nullptr;
};

struct GetSet : Object {
  Str* name;
  Type* owner;
  Result<Value> (*get)(Value self);
  Status (*set)(Value self, Value v);
  const char* doc;
};
// A value at a fixed offset of the instance: a __slots__ entry, or a field of a
// native struct exposed as CPython exposes it through PyMemberDef
// (function.__globals__, method.__func__...), whose type is member_descriptor.
enum MemberFlags : uint8_t {
  MEMBER_READONLY = 1,  // setting or deleting raises AttributeError("readonly attribute")
  MEMBER_OBJECT = 2,    // CPython's T_OBJECT: an empty field reads as None, deleting empties it
  MEMBER_DOUBLE = 4,    // CPython's T_DOUBLE: the field is a C double, read as a float (with MEMBER_READONLY)
  MEMBER_INT32 = 8,     // CPython's T_INT: the field is an int32_t, read as an int (with MEMBER_READONLY)
};
struct Member : Object {
  Str* name;
  Type* owner;
  int32_t offset;
  uint8_t flags;  // MemberFlags; 0 for __slots__ (T_OBJECT_EX: empty raises AttributeError)
  const char* doc;  // __doc__, or null (None)
};
struct MemberDef {
  const char* name;
  int32_t offset;  // byte offset of the field: Value-sized (a Value or an Object pointer) unless MEMBER_DOUBLE/INT32
  uint8_t flags;
  const char* doc = nullptr;
};
void type_add_members(Type* t, const MemberDef* defs);
Result<Value> member_get(Member* m, Value obj);
Status member_set(Member* m, Value obj, Value v);  // v null: delete
// Instances of plain user classes: the dict (when present) then slot values.
struct Instance : Object {
  Dict* dict;
  Value slots[];
};

// Builtin type creation (bootstrap): instances of `layout`, `size` bytes each.
Type* type_new_static(Type* t, const char* name, Type* base, Layout layout, size_t size,
                      uint32_t flags = TF_BASETYPE);
void type_add_methods(Type* t, const MethodDef* defs);
void type_add_getsets(Type* t, const GetSetDef* defs);
void type_set_attr_const(Type* t, const char* name, Value v);
void type_ready(Type* t);  // compute MRO and version once bases and dict are set
// Whether CPython's collector tracks instances of t (classes of the program's own, the containers).
bool gc_tracked_kind(Type* t);
// CPython's compatible_for_assignment (__class__ / __bases__ assignment checks).
Status check_layout_compatible(Type* oldto, Type* newto, const char* attr);

// A native type defined by a native module (collections.deque, _io.FileIO...):
// allocated once, immortal, with its __module__ set. Instances use `layout`
// (Layout::Object-like native structs use Layout::Other) and `size` bytes.
Type* native_type_new(const char* module, const char* name, Type* base, Layout layout, size_t size,
                      const MethodDef* methods, const GetSetDef* getsets = nullptr, uint32_t flags = TF_BASETYPE);

// type(name, bases, dict) and class statements.
Result<Value> type_new(Type* meta, Str* name, Tuple* bases, Dict* ns, Dict* kwargs);
// A class name as CPython accepts it: no null character, encodable as UTF-8
// (ValueError / UnicodeEncodeError otherwise); type() and __name__ = check it.
Status check_type_name(Str* name);
Result<Value> type_call(Type* t, Value* args, int64_t nargs, Tuple* kwnames);
Status type_setattr(Type* t, Str* name, Value v);  // v null: delete
// The native iteration of t's nearest base that has one: what a native
// __next__ runs when a subclass overriding __next__ calls it through
// super() (the subclass itself then has no iternext of its own).
inline Status (*native_iternext(Type* t))(Value, Value*) {
  while (t && !t->iternext) t = t->base;
  return t ? t->iternext : nullptr;
}
Status type_set_bases(Type* t, Value bases);       // cls.__bases__ = bases (MROs recomputed)
Result<Tuple*> type_c3_mro(Type* t);              // type.mro(): C3 over the current bases
void type_modified(Type* t);                        // invalidate caches of t and subclasses
// The subclass links (weak: a subclass nobody else holds is collected and
// drops out). type_subclass_list returns the live ones, oldest first, as
// strong references.
void type_add_subclass(Type* base, Type* sub);
void type_remove_subclass(Type* base, Type* sub);
gc::Vector<Type*> type_subclass_list(Type* t);
Result<Type*> calculate_metaclass(Type* meta, Tuple* bases);
Str* type_qualname(Type* t);
Value type_module(Type* t);  // the __module__ string or null for builtins
// CPython's tp_name: "module.Name" for a native type outside builtins
// (collections.deque), the bare name for builtins' types and classes.
std::string type_tp_name(Type* t);
// t's `name` (looked up along its MRO) is the one `base` has: a subclass that does not
// override __new__/__init__ (CPython's `type->tp_init == PyTuple_Type.tp_init` tests).
bool type_inherits_slot(Type* t, Str* name, Type* base);

}  // namespace gilpy
