// The import system: finding, loading and caching modules (design.md
// section 6), and the helpers behind IMPORT_NAME / IMPORT_FROM / IMPORT_STAR.
#pragma once
#include <string>

#include "runtime/object.h"

namespace gilpy {

struct Dict;
struct Str;
struct Frame;

// __import__(name, globals, locals, fromlist, level)
Result<Value> import_module_level(Str* name, Dict* globals, Value fromlist, int64_t level);
Result<Value> import_name(Frame* f, Str* name, Value fromlist, Value level);
Result<Value> import_from(Value module, Str* name);
Status import_star(Frame* f, Value module);
// Import a module by absolute dotted name (importlib.import_module).
Result<Value> import_module(Str* name);
void init_import();
Status find_module_file(const std::string& fullname, std::string* file, bool* is_package);

}  // namespace gilpy
