// The interpreter state: module registry, builtins, sys, and the entry
// points the command line uses to run code.
#pragma once
#include <string>
#include <vector>

#include "runtime/object.h"

namespace gilpy {

struct Dict;
struct Module;
struct Str;
struct ThreadState;

struct Interp {
  Dict* modules = nullptr;      // sys.modules
  Module* builtins = nullptr;
  Module* sys = nullptr;
  ThreadState* threads = nullptr;  // all thread states (scanned: static data)
  std::string executable;          // absolute path of the gilpy binary
  std::string prefix;              // install prefix (dist/)
  std::string stdlib_dir;          // CPython's library, used in place
  std::string gilpy_lib_dir;       // gilpy's own Python modules
  int exit_code = 0;
  bool inspect = false;            // -i
  bool unbuffered = false;         // -u
  bool no_site = false;
  bool dont_write_bytecode = false;
  bool isolated = false;
  bool ignore_environment = false;
  std::vector<std::string> xoptions;
  std::vector<std::string> warnoptions;
};
extern Interp g_interp;

// Native module registry: name -> init function returning the module. Each
// modules/<name>.cpp registers itself with GILPY_NATIVE_MODULE("name", init)
// at static-initialisation time (the core library is linked whole-archive so
// these registrations are never dropped).
using ModuleInit = Result<Value> (*)();
void register_native_module(const char* name, ModuleInit init);
struct ModuleRegistrar {
  ModuleRegistrar(const char* name, ModuleInit init) { register_native_module(name, init); }
};
#define GILPY_NATIVE_MODULE(name, init) static ::gilpy::ModuleRegistrar gilpy_module_registrar_(name, init)

struct MethodDef;
// A module object named `name` whose functions come from `functions`
// (module-level builtins bound to the module, __module__ set).
Module* native_module_new(const char* name, const MethodDef* functions, const char* doc = nullptr);
ModuleInit find_native_module(std::string_view name);
std::vector<std::string> native_module_names();

// Execute source text as the __main__ module (or in `globals`).
Result<Value> exec_source(std::string_view source, Str* filename, Dict* globals, Value locals, int mode);
// Print the pending exception like CPython's default sys.excepthook does.
void print_exception_and_clear();
// Handle SystemExit: returns the exit status and clears it.
int handle_system_exit();

// builtins.__import__ and the builtins module (modules/builtins.cpp).
Result<Value> make_builtins_module();
Result<Value> make_sys_module(const std::vector<std::string>& argv);
Value sys_get(Str* name);

}  // namespace gilpy
