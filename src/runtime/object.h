// Object header, type objects, and the builtin type registry.
//
// Every heap value starts with `Type* type`. A type's `layout` names the
// builtin C++ struct its instances use; a user subclass inherits its base's
// layout, so `v.type()->layout == Layout::List` is the fast "is a list
// (or subclass)" test. Instances of user classes (and of user subclasses of
// builtins) carry a `Dict*` at `type->dict_offset` unless `__slots__` says not.
#pragma once
#include <cstddef>
#include <cstdint>

#include "gc/heap.h"
#include "runtime/value.h"

namespace gilpy {

struct Str;
struct Tuple;
struct Dict;
// A base's weak reference to one of its subclasses (objects/type.cpp): the
// subclass's address, disguised, cleared by the collector once the subclass
// is unreachable, so a base does not keep its subclasses alive.
struct SubclassRef {
  uintptr_t hidden;
};

struct Object {
  Type* type;
};

enum class Layout : uint8_t {
  Object, Type, Int, Float, Complex, Str, Bytes, ByteArray, Tuple, List, Dict, Set, FrozenSet,
  Range, Slice, Function, Builtin, MethodDescr, BoundMethod, Code, Frame, Module, Cell,
  Generator, Coroutine, AsyncGenerator, Exception, Property, StaticMethod, ClassMethod,
  GetSet, Member, Super, Traceback, Iterator, DictView, Other,
};

enum TypeFlags : uint32_t {
  TF_HEAPTYPE = 1u << 0,        // created by a class statement / type(): attributes settable
  TF_BASETYPE = 1u << 1,        // may be subclassed
  TF_HAS_GETATTR = 1u << 2,     // defines __getattr__ somewhere in the MRO
  TF_HAS_GETATTRIBUTE = 1u << 3,  // overrides object.__getattribute__
  TF_HAS_SETATTR = 1u << 4,     // overrides object.__setattr__ or __delattr__
  TF_ABSTRACT = 1u << 5,        // has __abstractmethods__
  TF_IMMUTABLE = 1u << 6,       // builtin type: attribute assignment is a TypeError
  TF_HAS_DEL = 1u << 7,         // defines __del__ (finalizer registered at allocation)
  // CPython's Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING: what a match statement
  // treats as a sequence / mapping. Builtins carry them statically; a class
  // inherits the first one found along its MRO; _abc sets them from
  // __abc_tpflags__ and when registering with collections.abc.Sequence/Mapping.
  TF_SEQUENCE = 1u << 8,
  TF_MAPPING = 1u << 9,
  TF_COLLECTION = TF_SEQUENCE | TF_MAPPING,
};

struct Type : Object {
  Str* name;        // __name__
  Str* qualname;    // __qualname__
  Type* base;       // __base__: the solid base whose layout instances share
  Tuple* bases;     // __bases__
  Tuple* mro;       // __mro__
  Dict* dict;       // __dict__ (a real dict; exposed read-only as mappingproxy)
  // Weak links to the classes naming this one in their __bases__, oldest first
  // (cache invalidation when a base changes, __subclasses__); read them
  // through type_subclass_list (objects/type.h).
  gc::Vector<SubclassRef*>* subclasses;
  Dict* attr_keys;  // instance attribute names -> index (objects/instance_values.h), or null
  Str* tp_name;     // the name error messages use (type_name in runtime/errors.cpp), made on first use
  uint32_t flags;
  uint32_t version;        // bumped (with all subclasses') when an attribute changes
  uint32_t instance_size;  // bytes allocated per instance
  uint32_t dict_offset;    // byte offset of the instance Dict*, 0 if none, kDictAfterStrData
  Layout layout;
  uint8_t nslots;          // __slots__ members in this type's own instances beyond the base
  // Native fast path for __next__ of builtin iterators and generators: *out
  // null (no exception) when exhausted. Null for types whose __next__ is Python.
  Status (*iternext)(Value it, Value* out);
};

// ---- builtin types (created by runtime/bootstrap.cpp) ---------------------
#define GILPY_BUILTIN_TYPES(X)                                                      \
  X(object) X(type) X(int) X(bool) X(float) X(complex) X(str) X(bytes) X(bytearray) \
  X(tuple) X(list) X(dict) X(set) X(frozenset) X(range) X(slice) X(NoneType)        \
  X(NotImplementedType) X(ellipsis) X(function) X(builtin_function_or_method)       \
  X(method_descriptor) X(method) X(code) X(frame) X(module) X(cell) X(generator)    \
  X(coroutine) X(async_generator) X(property) X(staticmethod) X(classmethod)        \
  X(getset_descriptor) X(member_descriptor) X(super) X(traceback)                   \
  X(mappingproxy) X(dict_keys) X(dict_values) X(dict_items)                         \
  X(dict_keyiterator) X(dict_valueiterator) X(dict_itemiterator)                    \
  X(list_iterator) X(list_reverseiterator) X(tuple_iterator) X(str_iterator)        \
  X(bytes_iterator) X(range_iterator) X(set_iterator) X(iterator)                   \
  X(callable_iterator) X(enumerate) X(zip) X(map) X(filter) X(reversed)             \
  X(coroutine_wrapper) X(async_generator_asend) X(async_generator_athrow)           \
  X(wrapper_descriptor) X(classmethod_descriptor) X(memoryview) X(async_generator_wrapped_value) \
  X(method_wrapper) X(seq_iterator) X(GenericAlias) X(SimpleNamespace) X(structseq) X(UnionType) \
  X(instance_values)

#define GILPY_DECLARE_TYPE(n) extern Type* tp_##n;
GILPY_BUILTIN_TYPES(GILPY_DECLARE_TYPE)
#undef GILPY_DECLARE_TYPE

inline Type* Value::type() const { return is_small() ? tp_int : obj()->type; }

// The three singletons (objects of their own types).
extern Object* g_None;
extern Object* g_NotImplemented;
extern Object* g_Ellipsis;
// Pushed by PUSH_EXC_INFO in a generator's frame in place of the exception
// the generator inherited from its caller ("whatever the caller is handling
// when this except block ends"), so a generator suspended inside an except
// block and resumed elsewhere restores its new caller's state, not the old
// one (CPython keeps a per-generator exc_state linked to the caller's).
// Never visible to Python code.
extern Object* g_exc_inherit;
inline Value None() { return Value(g_None); }
extern Object* g_True;   // bool instances (objects/int.h layout)
extern Object* g_False;
inline Value True() { return Value(g_True); }
inline Value False() { return Value(g_False); }
inline Value Bool(bool b) { return b ? Value(g_True) : Value(g_False); }
inline bool is_none(Value v) { return v.obj() == g_None; }

// Type::dict_offset of str subclasses: exact strs carry no dict slot (that
// would cost most short strings a granule), so a subclass instance keeps its
// Dict* in the 8-aligned word after the text's NUL (str_dict_slot).
constexpr uint32_t kDictAfterStrData = UINT32_MAX;
Dict** str_dict_slot(Object* s);
// The instance dict slot of `o`, whose type has a nonzero dict_offset.
inline Dict** instance_dict_slot(Object* o, Type* t) {
  if (__builtin_expect(t->dict_offset == kDictAfterStrData, 0)) return str_dict_slot(o);
  return reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + t->dict_offset);
}

// Allocate a zeroed instance of `t` (size t->instance_size, or `size` when larger).
Object* alloc_instance(Type* t, size_t size = 0);
// Allocate `size` bytes for a builtin-typed object whose payload is pointer-free
// beyond the header (str, float, bytes): atomic memory when `t` is a builtin type,
// because builtin types are immortal and need not be traced through the header.
Object* alloc_atomic_instance(Type* t, size_t size);

// Type tests through the layout (true for subclasses too).
inline bool has_layout(Value v, Layout l) { return v.is_obj() && v.obj()->type->layout == l; }
bool is_subtype(Type* t, Type* base);
inline bool is_type(Value v) { return has_layout(v, Layout::Type); }
inline Type* as_type(Value v) { return v.as<Type>(); }
inline bool isinstance_exact(Value v, Type* t) { return v.type() == t; }
inline bool isinstance(Value v, Type* t) { Type* vt = v.type(); return vt == t || is_subtype(vt, t); }

}  // namespace gilpy
