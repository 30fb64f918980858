// Interpreter start-up: creating the builtin types and modules.
//
// Contract for builtin types: runtime/bootstrap.cpp creates every type object
// listed in GILPY_BUILTIN_TYPES / GILPY_EXCEPTION_TYPES (name, base, layout,
// instance size) before anything else runs. Each objects/<type>.cpp then
// exports one `void init_<type>_type()` that fills the type's dict with its
// methods and attributes (type_add_methods / type_add_getsets with static
// MethodDef/GetSetDef tables) and sets native slots (Type::iternext). The
// init functions are called in the order listed in bootstrap.cpp, after the
// interned names (objects/str.h: N) exist.
#pragma once

namespace gilpy {

void bootstrap_runtime();  // collector, types, names, builtins, sys

void init_object_type();
void init_type_type();
void init_int_type();      // int and bool (objects/int.cpp)
void init_float_type();    // float (objects/float.cpp)
void init_complex_type();  // complex (objects/complex.cpp)
void init_str_type();      // str methods (objects/str_methods.cpp)
void init_bytes_type();    // bytes and bytearray (objects/bytes.cpp)
void init_tuple_type();
void init_list_type();
void init_dict_type();     // dict, its views and iterators
void init_set_type();      // set, frozenset
void init_range_type();
void init_slice_type();
void init_function_types();  // function, builtin, method, cell, code
void init_descriptor_types();  // property, staticmethod, classmethod, super, getset/member
void init_generator_types();
void init_iterator_types();  // seq iterator, callable iterator, enumerate, zip, map, filter, reversed
void init_module_type();
void init_singleton_types(); // None, NotImplemented, Ellipsis
void init_exception_types();
void init_frame_types();     // frame, traceback

}  // namespace gilpy
