// Frozen modules as CPython 3.11 presents them (docs/decisions/0020-frozen-modules.md).
// CPython compiles a few library modules into its binary and imports them
// through FrozenImporter; gilpy keeps loading them from the library's .py
// files (through its bytecode cache) but gives them what CPython's frozen
// import gives: FrozenImporter as loader, origin 'frozen', code file names
// "<frozen NAME>", and _imp's frozen functions answer for them.
#pragma once
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilpy {

struct Code;
struct List;

struct FrozenModule {
  const char* name;
  const char* origname;  // CPython's "origname" (null: none); '<pkg' is the package's __init__
  bool ispkg;
  bool bootstrap;        // importlib's bootstrap and zipimport: frozen even with -X frozen_modules=off
  // Source for a module CPython freezes from a file Debian's library does not
  // ship (CPython's test modules); null: the library file.
  const char* source;
};

// The frozen module `name` if frozen modules are in use for it (the bootstrap
// ones always; the others per -X frozen_modules and
// _imp._override_frozen_modules_for_tests), else null.
const FrozenModule* frozen_find(std::string_view name);
// The names _imp._frozen_module_names() lists, in CPython's order.
Result<List*> frozen_names();
void frozen_set_override(int override);  // > 0 on, < 0 off, 0 per -X frozen_modules

// FrozenImporter._resolve_filename(origname, name, ispkg): the file CPython
// names for the module (spec.loader_state.filename, __file__; "" for none)
// and, for a package of its own name, its folder ("" otherwise).
void frozen_resolve_filename(const FrozenModule* m, std::string* filename, std::string* pkgdir);
// The module's code, compiled from the library file (or its built-in
// source) with every code object's co_filename "<frozen ORIGNAME>".
Result<Code*> frozen_code(const FrozenModule* m);

// _imp.init_frozen: imports the frozen module `name` (runtime/import.cpp).
Result<Value> import_frozen(Str* name);

// Sets co_filename of `code` and of the code objects nested in it.
void code_set_filename(Code* code, Str* filename);

}  // namespace gilpy
