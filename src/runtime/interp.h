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
  // ---- paths (cli/startup_paths.cpp) ----
  std::string executable;          // sys.executable: the path the user ran (not resolved)
  std::string base_executable;     // sys._base_executable: the base interpreter of a venv
  std::string prefix;              // sys.prefix / exec_prefix (site.py moves them into a venv)
  std::string exec_prefix;         // sys.exec_prefix (differs only with PYTHONHOME=a:b)
  std::string base_prefix;         // sys.base_prefix
  std::string install_dir;         // gilpy's own install tree (dist/): found via the real path
  std::string stdlib_dir;          // CPython's library, used in place
  std::string gilpy_lib_dir;       // gilpy's own Python modules
  std::string platlibdir = "lib";  // sys.platlibdir (PYTHONPLATLIBDIR)
  std::string pycache_prefix;      // -X pycache_prefix / PYTHONPYCACHEPREFIX ("" = None)
  std::vector<std::string> orig_argv;
  int exit_code = 0;
  // ---- sys.flags and the other start-up options (cli/options.cpp) ----
  bool inspect = false;            // -i or PYTHONINSPECT
  bool interactive = false;        // -i only (sys.flags.interactive)
  bool unbuffered = false;         // -u or PYTHONUNBUFFERED
  bool no_site = false;            // -S
  bool no_user_site = false;       // -s, -I, PYTHONNOUSERSITE
  bool dont_write_bytecode = false;
  bool isolated = false;
  bool ignore_environment = false;
  bool safe_path = false;          // -P, -I, PYTHONSAFEPATH
  bool quiet = false;              // -q
  bool dev_mode = false;           // -X dev, PYTHONDEVMODE
  bool warn_default_encoding = false;
  bool importtime = false;         // -X importtime, PYTHONPROFILEIMPORTTIME
  bool skip_first_line = false;    // -x
  bool no_debug_ranges = false;    // -X no_debug_ranges, PYTHONNODEBUGRANGES: co_positions has no columns
  bool frozen_modules = true;      // -X frozen_modules=on|off (runtime/frozen.cpp, decision 0020)
  int utf8_mode = -1;  // -1 until options are read: then 0 or 1 (C/POSIX locale: 1, PEP 540)
  int optimize = 0;                // -O count, PYTHONOPTIMIZE
  int verbose = 0;                 // -v count, PYTHONVERBOSE
  int debug = 0;                   // -d, PYTHONDEBUG
  int bytes_warning = 0;           // -b count
  int int_max_str_digits = -1;     // -1: not set (sys.flags shows -1, the limit is the default)
  int tracemalloc = 0;             // -X tracemalloc[=N], PYTHONTRACEMALLOC: frames to trace with (0: off)
  bool hash_randomization = true;  // false when PYTHONHASHSEED=0
  std::string io_encoding, io_errors;  // PYTHONIOENCODING
  std::vector<std::string> xoptions;
  std::vector<std::string> warnoptions;
};
extern Interp g_interp;

// sys.version (modules/sys.cpp); -VV and the interactive banner print it too.
extern const char* kSysVersion;

// A PYTHON* environment variable, or null when unset, empty, or ignored
// because of -E/-I (CPython's Py_GETENV).
const char* python_env_value(const char* name);

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
Result<Value> exec_source(std::string_view source, Str* filename, Dict* globals, Value locals, int mode,
                          uint32_t flags = 0);
// Print the pending exception like CPython's default sys.excepthook does.
void print_exception_and_clear();
// Handle SystemExit: returns the exit status and clears it.
int handle_system_exit();

// builtins.__import__ and the builtins module (modules/builtins.cpp).
Result<Value> make_builtins_module();
Result<Value> make_sys_module(const std::vector<std::string>& argv);
Value sys_get(Str* name);

}  // namespace gilpy
