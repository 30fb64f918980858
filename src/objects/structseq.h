// Struct sequences (sys.version_info, os.stat_result, time.struct_time...):
// tuple subclasses whose items also have names. And types.SimpleNamespace.
#pragma once
#include <initializer_list>

#include "runtime/object.h"

namespace gilpy {

struct Tuple;
// Create a struct-sequence type `module.name` with the given field names; the
// first `n_visible` fields are the tuple items (the rest are attributes only).
Type* structseq_new_type(const char* module, const char* name, std::initializer_list<const char*> fields,
                         int n_visible = -1);
// Make `t()` and `t.__new__(t, ...)` raise "cannot create 'module.name' instances".
void structseq_forbid_new(Type* t);
// An instance of `t` from values (one per field).
Value structseq_new(Type* t, std::initializer_list<Value> values);
Value structseq_from(Type* t, const Value* values, int64_t n);
// A types.SimpleNamespace with the given attributes.
Value namespace_new(std::initializer_list<std::pair<const char*, Value>> attrs);
void init_structseq_types();

}  // namespace gilpy
