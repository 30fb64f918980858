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

// The main module's loader (CPython: BuiltinImporter for -c, stdin and the
// REPL; SourceFileLoader / SourcelessFileLoader for a script file). A stand-in
// until importlib is set up, then the real one (import.cpp explains why).
enum class MainLoader { None = 0, Builtin = 1, Source = 2, Sourceless = 3 };
struct Module;
void set_main_loader(Module* main, MainLoader kind, Value path);
// Before main-program code runs (the script, -c, stdin, a REPL input): if it
// names __loader__ while __main__ still holds a stand-in, set importlib up.
struct Code;
Status ensure_main_loader(Code* code);

}  // namespace gilpy
