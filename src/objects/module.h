// module objects: a namespace dict with a name.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Dict;
struct Module : Object {
  Dict* dict;
};
Module* module_new(Str* name);
Module* module_new(const char* name);
inline bool is_module(Value v) { return has_layout(v, Layout::Module); }

}  // namespace gilpy
