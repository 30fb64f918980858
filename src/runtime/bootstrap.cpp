// Interpreter start-up: allocate every builtin type object, create the
// interned names and singletons, fill each type (objects/*.cpp init
// functions), compute MROs, then build the builtins and sys modules.
#include "runtime/bootstrap.h"
#include "objects/genericalias.h"

#include "runtime/finalizers.h"

#include "objects/instance_values.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/gil.h"
#include "runtime/thread_state.h"

namespace gilpy {

#define GILPY_DEFINE_TYPE(n) Type* tp_##n;
GILPY_BUILTIN_TYPES(GILPY_DEFINE_TYPE)
#undef GILPY_DEFINE_TYPE

Object* g_None;
Object* g_NotImplemented;
Object* g_Ellipsis;
Object* g_exc_inherit;
Object* g_True;
Object* g_False;

size_t super_size();
size_t namespace_size();
size_t union_size();
size_t memoryview_size();
void init_memoryview_type();
void init_union_type();
void init_structseq_types();
size_t range_size();
size_t list_iter_size();
size_t dict_view_size();
size_t dict_iter_size();

void init_int_type();
void init_float_type();
void init_complex_type();

static void make_types() {
  constexpr uint32_t B = TF_BASETYPE;
  constexpr uint32_t F = 0;  // final: cannot be subclassed
  type_new_static(tp_object, "object", nullptr, Layout::Object, sizeof(Object), B);
  type_new_static(tp_type, "type", tp_object, Layout::Type, sizeof(Type), B);
  type_new_static(tp_int, "int", tp_object, Layout::Int, sizeof(Int), B);
  type_new_static(tp_bool, "bool", tp_int, Layout::Int, sizeof(Int), F);
  type_new_static(tp_float, "float", tp_object, Layout::Float, sizeof(Float), B);
  type_new_static(tp_complex, "complex", tp_object, Layout::Complex, sizeof(Complex), B);
  type_new_static(tp_str, "str", tp_object, Layout::Str, sizeof(Str), B);
  type_new_static(tp_bytes, "bytes", tp_object, Layout::Bytes, sizeof(Bytes), B);
  type_new_static(tp_bytearray, "bytearray", tp_object, Layout::ByteArray, sizeof(ByteArray), B);
  type_new_static(tp_tuple, "tuple", tp_object, Layout::Tuple, sizeof(Tuple), B);
  type_new_static(tp_list, "list", tp_object, Layout::List, sizeof(List), B);
  type_new_static(tp_dict, "dict", tp_object, Layout::Dict, sizeof(Dict), B);
  type_new_static(tp_set, "set", tp_object, Layout::Set, sizeof(Set), B);
  type_new_static(tp_frozenset, "frozenset", tp_object, Layout::FrozenSet, sizeof(Set), B);
  type_new_static(tp_range, "range", tp_object, Layout::Range, range_size(), F);
  type_new_static(tp_slice, "slice", tp_object, Layout::Slice, sizeof(Slice), F);
  type_new_static(tp_NoneType, "NoneType", tp_object, Layout::Other, sizeof(Object), F);
  type_new_static(tp_NotImplementedType, "NotImplementedType", tp_object, Layout::Other, sizeof(Object), F);
  type_new_static(tp_ellipsis, "ellipsis", tp_object, Layout::Other, sizeof(Object), F);
  type_new_static(tp_function, "function", tp_object, Layout::Function, sizeof(Function), F);
  type_new_static(tp_builtin_function_or_method, "builtin_function_or_method", tp_object, Layout::Builtin, sizeof(Builtin), F);
  type_new_static(tp_method_descriptor, "method_descriptor", tp_object, Layout::MethodDescr, sizeof(Builtin), F);
  type_new_static(tp_method, "method", tp_object, Layout::BoundMethod, sizeof(BoundMethod), F);
  type_new_static(tp_code, "code", tp_object, Layout::Code, sizeof(Code), F);
  type_new_static(tp_frame, "frame", tp_object, Layout::Frame, sizeof(Frame), F);
  type_new_static(tp_module, "module", tp_object, Layout::Module, sizeof(Module), B);
  type_new_static(tp_cell, "cell", tp_object, Layout::Cell, sizeof(Cell), F);
  type_new_static(tp_instance_values, "instance_values", tp_object, Layout::Other, sizeof(InstanceValues), F);
  type_new_static(tp_generator, "generator", tp_object, Layout::Generator, sizeof(Generator), F);
  type_new_static(tp_coroutine, "coroutine", tp_object, Layout::Coroutine, sizeof(Generator), F);
  type_new_static(tp_async_generator, "async_generator", tp_object, Layout::AsyncGenerator, sizeof(Generator), F);
  type_new_static(tp_property, "property", tp_object, Layout::Property, sizeof(Property), B);
  type_new_static(tp_staticmethod, "staticmethod", tp_object, Layout::StaticMethod, sizeof(StaticMethod), B);
  type_new_static(tp_classmethod, "classmethod", tp_object, Layout::ClassMethod, sizeof(StaticMethod), B);
  type_new_static(tp_getset_descriptor, "getset_descriptor", tp_object, Layout::GetSet, sizeof(GetSet), F);
  type_new_static(tp_member_descriptor, "member_descriptor", tp_object, Layout::Member, sizeof(Member), F);
  type_new_static(tp_super, "super", tp_object, Layout::Super, super_size(), B);
  type_new_static(tp_traceback, "traceback", tp_object, Layout::Traceback, sizeof(Traceback), F);
  type_new_static(tp_mappingproxy, "mappingproxy", tp_object, Layout::Other, 24, F);
  type_new_static(tp_dict_keys, "dict_keys", tp_object, Layout::DictView, dict_view_size(), F);
  type_new_static(tp_dict_values, "dict_values", tp_object, Layout::DictView, dict_view_size(), F);
  type_new_static(tp_dict_items, "dict_items", tp_object, Layout::DictView, dict_view_size(), F);
  type_new_static(tp_dict_keyiterator, "dict_keyiterator", tp_object, Layout::Iterator, dict_iter_size(), F);
  type_new_static(tp_dict_valueiterator, "dict_valueiterator", tp_object, Layout::Iterator, dict_iter_size(), F);
  type_new_static(tp_dict_itemiterator, "dict_itemiterator", tp_object, Layout::Iterator, dict_iter_size(), F);
  type_new_static(tp_list_iterator, "list_iterator", tp_object, Layout::Iterator, list_iter_size(), F);
  type_new_static(tp_list_reverseiterator, "list_reverseiterator", tp_object, Layout::Iterator, list_iter_size(), F);
  type_new_static(tp_tuple_iterator, "tuple_iterator", tp_object, Layout::Iterator, 24, F);
  type_new_static(tp_str_iterator, "str_ascii_iterator", tp_object, Layout::Iterator, 32, F);
  type_new_static(tp_bytes_iterator, "bytes_iterator", tp_object, Layout::Iterator, 24, F);
  type_new_static(tp_range_iterator, "range_iterator", tp_object, Layout::Iterator, 56, F);
  type_new_static(tp_set_iterator, "set_iterator", tp_object, Layout::Iterator, 40, F);
  type_new_static(tp_iterator, "iterator", tp_object, Layout::Iterator, 24, F);
  type_new_static(tp_callable_iterator, "callable_iterator", tp_object, Layout::Iterator, 24, F);
  // The builtin iterator classes can be subclassed; their structs start with the dict slot.
  type_new_static(tp_enumerate, "enumerate", tp_object, Layout::Iterator, 40, B);
  type_new_static(tp_zip, "zip", tp_object, Layout::Iterator, 32, B);
  type_new_static(tp_map, "map", tp_object, Layout::Iterator, 32, B);
  type_new_static(tp_filter, "filter", tp_object, Layout::Iterator, 32, B);
  type_new_static(tp_reversed, "reversed", tp_object, Layout::Iterator, 32, B);
  type_new_static(tp_coroutine_wrapper, "coroutine_wrapper", tp_object, Layout::Iterator, 24, F);
  type_new_static(tp_async_generator_asend, "async_generator_asend", tp_object, Layout::Iterator, 48, F);
  type_new_static(tp_async_generator_athrow, "async_generator_athrow", tp_object, Layout::Iterator, 48, F);
  // Slot wrappers (object.__init__, int.__add__...) and their bound form
  // behave exactly like method descriptors and bound builtins; only their
  // type (and repr) differ, as in CPython.
  type_new_static(tp_wrapper_descriptor, "wrapper_descriptor", tp_object, Layout::MethodDescr, sizeof(Builtin), F);
  type_new_static(tp_method_wrapper, "method-wrapper", tp_object, Layout::Builtin, sizeof(Builtin), F);
  type_new_static(tp_classmethod_descriptor, "classmethod_descriptor", tp_object, Layout::MethodDescr, sizeof(Builtin), F);
  type_new_static(tp_memoryview, "memoryview", tp_object, Layout::Other, memoryview_size(), F);
  type_new_static(tp_async_generator_wrapped_value, "async_generator_wrapped_value", tp_object, Layout::Other, 24, F);
  type_new_static(tp_seq_iterator, "seq_iterator", tp_object, Layout::Iterator, 24, F);
  type_new_static(tp_GenericAlias, "GenericAlias", tp_object, Layout::Other, generic_alias_size(), B);
  type_new_static(tp_SimpleNamespace, "SimpleNamespace", tp_object, Layout::Other, namespace_size(), B);
  type_new_static(tp_structseq, "structseq", tp_tuple, Layout::Tuple, sizeof(Tuple), B);
  type_new_static(tp_UnionType, "UnionType", tp_object, Layout::Other, union_size(), F);
  // Instances that carry a __dict__ (at offset 8, after the header).
  for (Type* t : {tp_function, tp_module, tp_staticmethod, tp_classmethod, tp_SimpleNamespace})
    t->dict_offset = sizeof(Object);
  for (Type* t : {tp_list, tp_tuple, tp_range, tp_memoryview, tp_structseq}) t->flags |= TF_SEQUENCE;
  for (Type* t : {tp_dict, tp_mappingproxy}) t->flags |= TF_MAPPING;
  // Exceptions.
#define GILPY_MAKE_EXC(n, base)                                                                   \
  type_new_static(tp_##n, #n, tp_##base == tp_##n ? tp_object : tp_##base, Layout::Exception, \
                  sizeof(BaseExc), TF_BASETYPE);                                                  \
  tp_##n->dict_offset = sizeof(Object);
  GILPY_EXCEPTION_TYPES(GILPY_MAKE_EXC)
#undef GILPY_MAKE_EXC
}

static void alloc_type_objects() {
#define GILPY_ALLOC_TYPE(n) \
  tp_##n = static_cast<Type*>(gc::alloc_uncollectable(sizeof(Type))); \
  gc::register_static_object(tp_##n);
  GILPY_BUILTIN_TYPES(GILPY_ALLOC_TYPE)
#undef GILPY_ALLOC_TYPE
#define GILPY_ALLOC_EXC(n, base) \
  tp_##n = static_cast<Type*>(gc::alloc_uncollectable(sizeof(Type))); \
  gc::register_static_object(tp_##n);
  GILPY_EXCEPTION_TYPES(GILPY_ALLOC_EXC)
#undef GILPY_ALLOC_EXC
}

static void make_singletons() {
  g_None = static_cast<Object*>(gc::alloc_uncollectable(16));
  g_None->type = tp_NoneType;
  g_NotImplemented = static_cast<Object*>(gc::alloc_uncollectable(16));
  g_NotImplemented->type = tp_NotImplementedType;
  g_Ellipsis = static_cast<Object*>(gc::alloc_uncollectable(16));
  g_Ellipsis->type = tp_ellipsis;
  g_exc_inherit = static_cast<Object*>(gc::alloc_uncollectable(16));
  g_exc_inherit->type = tp_object;
  Int* t = static_cast<Int*>(gc::alloc_uncollectable(sizeof(Int)));
  t->type = tp_bool;
  mpz_init_set_si(t->z, 1);
  Int* f = static_cast<Int*>(gc::alloc_uncollectable(sizeof(Int)));
  f->type = tp_bool;
  mpz_init_set_si(f->z, 0);
  g_True = t;
  g_False = f;
}

static void ready_all() {
  // ExceptionGroup(BaseExceptionGroup, Exception): the one builtin with two bases.
  tp_ExceptionGroup->bases = tuple_of({Value(tp_BaseExceptionGroup), Value(tp_Exception)});
#define GILPY_READY(n) type_ready(tp_##n);
  GILPY_BUILTIN_TYPES(GILPY_READY)
#undef GILPY_READY
#define GILPY_READY_EXC(n, base) type_ready(tp_##n);
  GILPY_EXCEPTION_TYPES(GILPY_READY_EXC)
#undef GILPY_READY_EXC
}

void bootstrap_runtime() {
  gc::init();
  init_finalizers();
  alloc_type_objects();
  init_names();
  make_singletons();
  make_types();
  ThreadState* ts = thread_state_new();
  thread_state_attach(ts, nullptr);
  gil::init(ts);  // the main thread holds the GIL from here on
  init_object_type();
  init_type_type();
  init_int_type();
  init_float_type();
  init_complex_type();
  init_str_type();
  init_bytes_type();
  init_tuple_type();
  init_list_type();
  init_dict_type();
  init_set_type();
  init_range_type();
  init_slice_type();
  init_function_types();
  init_descriptor_types();
  init_generator_types();
  init_iterator_types();
  init_module_type();
  init_singleton_types();
  init_exception_types();
  init_frame_types();
  init_structseq_types();
  init_union_type();
  init_generic_alias_type();
  init_memoryview_type();
  ready_all();
  // Every builtin type has __doc__ in its own dict, None when undocumented
  // (CPython's type_ready does this), so NoneType.__doc__ is None rather
  // than object's docstring through the MRO.
#define GILPY_DOC_NONE(n) if (!dict_get_str(tp_##n->dict, N.__doc__)) dict_set_str(tp_##n->dict, N.__doc__, None());
  GILPY_BUILTIN_TYPES(GILPY_DOC_NONE)
#undef GILPY_DOC_NONE
  init_spare_memory_error();
}

}  // namespace gilpy
