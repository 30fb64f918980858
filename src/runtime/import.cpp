// The import system (C++ for now; docs/decisions/0003-import-system.md).
//
// Finding a module: sys.modules, then the native module registry (top-level
// names only), then each directory of the search path (sys.path for
// top-level modules, the parent's __path__ for submodules): NAME/__init__.py
// makes a package, NAME.py a module, and a bare directory NAME/ a namespace
// package if nothing else matches. The module is entered in sys.modules
// before its code runs (circular imports see the partial module) and removed
// again if the code raises.
#include "runtime/import.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "bytecode/opcodes.h"
#include "compiler/compile.h"
#include "gc/heap.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/function.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/frozen.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "vm/call.h"

namespace gilpy {

static bool is_file(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
static bool is_dir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

Result<std::string> read_file(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return raise_errno(errno, str_value(path));
  std::string data;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  std::fclose(f);
  return data;
}

static Err module_not_found(const std::string& name) {
  Value msg = str_value("No module named '" + name + "'");
  Value args[1] = {msg};
  Value e = TRY(call(Value(tp_ModuleNotFoundError), args, 1));
  TRY(setattr(e, N.name, str_value(name)));
  exc_restore(e);
  return ERR;
}

// ---- a native source loader -----------------------------------------------------------
// Until importlib is imported, modules get this loader: enough of the
// importlib.abc.SourceLoader interface for linecache, inspect and runpy.
struct NativeLoader : Object {
  Dict* dict;
  Str* name;
  Str* path;
};
static Type* tp_native_loader;

namespace posix {
Result<std::string> fs_encode(Str* s);  // modules/posix.cpp: UTF-8 with surrogateescape
}
using posix::fs_encode;
static Result<Value> nl_get_filename(Value* a, int64_t, Tuple*) { return Value(a[0].as<NativeLoader>()->path); }
static Result<Value> nl_get_source(Value* a, int64_t, Tuple*) {
  std::string src = TRY(read_file(TRY(fs_encode(a[0].as<NativeLoader>()->path))));
  return Value(str_new(src));
}
static Result<Value> nl_get_data(Value* a, int64_t n, Tuple*) {
  if (n < 2 || !is_str(a[1])) return raise(tp_TypeError, "get_data() argument must be str");
  std::string data = TRY(read_file(std::string(as_str(a[1])->view())));
  extern Value bytes_from(std::string_view);
  return bytes_from(data);
}
static Result<Value> nl_is_package(Value* a, int64_t, Tuple*) {
  std::string_view p = a[0].as<NativeLoader>()->path->view();
  return Bool(p.size() >= 12 && p.substr(p.size() - 12) == "/__init__.py");
}
Result<Code*> load_source_code(const std::string& path, bool force_write);
static Result<Value> nl_get_code(Value* a, int64_t, Tuple*) {
  NativeLoader* l = a[0].as<NativeLoader>();
  return Value(TRY(load_source_code(TRY(fs_encode(l->path)), false)));
}
static Result<Value> nl_create_module(Value*, int64_t, Tuple*) { return None(); }
static Result<Value> nl_exec_module(Value* a, int64_t n, Tuple*) {
  if (n < 2) return raise(tp_TypeError, "exec_module() missing module");
  Value code = TRY(nl_get_code(a, 1, nullptr));
  Dict** dp = instance_dict_ptr(a[1]);
  if (!dp || !*dp) return raise(tp_TypeError, "exec_module() needs a module");
  TRY(run_code(code.as<Code>(), *dp, Value(*dp)));
  return None();
}
static Result<Value> nl_repr(Value* a, int64_t, Tuple*) {
  return Value(str_new("<gilpy SourceLoader for '" + std::string(a[0].as<NativeLoader>()->name->view()) + "'>"));
}
static Result<Value> nl_name(Value s) { return Value(s.as<NativeLoader>()->name); }
static Result<Value> nl_path(Value s) { return Value(s.as<NativeLoader>()->path); }
static const MethodDef nl_methods[] = {
    {"get_filename", nl_get_filename}, {"get_source", nl_get_source}, {"get_data", nl_get_data},
    {"is_package", nl_is_package}, {"get_code", nl_get_code}, {"create_module", nl_create_module},
    {"exec_module", nl_exec_module}, {"__repr__", nl_repr}, {nullptr, nullptr}};
static const GetSetDef nl_getsets[] = {{"name", nl_name}, {"path", nl_path}, {nullptr, nullptr}};

static Value native_loader_for(Str* name, Str* path) {
  if (!tp_native_loader)
    tp_native_loader = native_type_new("_gilpy", "SourceLoader", tp_object, Layout::Other, sizeof(NativeLoader),
                                       nl_methods, nl_getsets, 0);
  NativeLoader* l = static_cast<NativeLoader*>(alloc_instance(tp_native_loader, sizeof(NativeLoader)));
  l->name = name;
  l->path = path;
  return Value(l);
}
Value native_loader_new(const std::string& name, const std::string& path) {
  return native_loader_for(str_new(name), str_new(path));
}

// importlib._bootstrap_external.spec_from_file_location, once importlib is set up.
static Value g_spec_from_file;
static Value g_namespace_spec;  // importlib-backed spec for a namespace package (install_importlib_finders)
static Value g_std_finders;     // the sys.meta_path entries gilpy's own search stands for
static Value g_find_and_load;   // importlib's find-and-load, for a customised sys.meta_path
static Value g_load_spec;       // importlib's _load_unlocked, for a spec a custom finder returned
static Value g_find_in_entry;   // a sys.path entry that is an archive: its path-entry finder loads
static Value g_is_std_hook;     // is a sys.path_hooks entry one gilpy's own search stands for?
static Value g_builtin_attrs;   // gives a native module its built-in __spec__ and __loader__
static Value g_std_entry_finders;  // path-entry finder types gilpy's own search stands for
static Value g_frozen_module;   // name -> the module FrozenImporter makes for it (once the bootstrap is loaded)
static Value g_external_ready;  // sets gilpy's patches up once _frozen_importlib_external is loaded

// True when a sys.path entry must be searched by its own path-entry finder
// (importlib's semantics) rather than by gilpy's folder search: the program
// added its own sys.path_hooks, or put a finder of its own for this entry in
// sys.path_importer_cache. The standard hooks (FileFinder, zipimporter) are
// what gilpy's search does already, so the common case stays fast.
static Result<bool> entry_needs_finder(Value entry) {
  Value hooks = sys_get(str_intern("path_hooks"));
  if (hooks && is_list(hooks)) {
    List* l = as_list(hooks);
    for (int64_t i = 0; i < l->size; i++) {
      Value h = l->items[i];
      if (!g_is_std_hook) return true;  // hooks before importlib is set up are the program's
      if (!TRY(truthy(TRY(call1(g_is_std_hook, h))))) return true;
    }
  }
  Value cache = sys_get(str_intern("path_importer_cache"));
  if (cache && is_dict(cache)) {
    Value f = is_str(entry) ? dict_get_str(as_dict(cache), as_str(entry)) : Value();
    if (f && !is_none(f) && g_std_entry_finders && !TRY(isinstance_check(f, g_std_entry_finders))) return true;
  }
  return false;
}
static bool g_importlib_bootstrapping = false;

static Value make_spec(const std::string& name, Value origin, Value search_locations, bool has_location) {
  if (g_spec_from_file && has_location) {
    Value args[2] = {str_value(name), origin};
    Tuple* kw = nullptr;
    Value all[3] = {args[0], args[1], search_locations ? search_locations : None()};
    kw = tuple_of({Value(str_intern("submodule_search_locations"))});
    Result<Value> r = call(g_spec_from_file, all, 2, kw);
    if (r.ok()) return r.value();
    exc_clear();
  }
  std::string parent = search_locations && !is_none(search_locations) ? name
                       : name.rfind('.') == std::string::npos ? "" : name.substr(0, name.rfind('.'));
  Value loader = has_location && is_str(origin) ? native_loader_new(name, std::string(as_str(origin)->view())) : None();
  return namespace_new({{"name", str_value(name)},
                        {"origin", origin},
                        {"submodule_search_locations", search_locations ? search_locations : None()},
                        {"loader", loader},
                        {"loader_state", None()},
                        {"cached", None()},
                        {"parent", str_value(parent)},
                        {"has_location", Bool(has_location)}});
}

// ---- the bytecode cache -----------------------------------------------------------------
// X.py caches as __pycache__/X.gilpy-01.pyc next to it, except CPython's
// library (read-only by policy), which caches under dist/lib/pycache/<dir>/.
// File layout: "GILPYC01", the instruction-set signature, source mtime (ns)
// and size as 8-byte little-endian integers, then the marshalled code object. A stale or unreadable cache is
// ignored and rewritten; writes go to a temporary file renamed into place.
Status marshal_dump_value(std::string& out, Value v);
Result<Value> marshal_load_value(std::string_view data);
static constexpr char kCacheMagic[8] = {'G', 'I', 'L', 'P', 'Y', 'C', '0', '1'};

std::string cache_path_for(const std::string& source) {
  size_t slash = source.rfind('/');
  std::string dir = slash == std::string::npos ? "." : source.substr(0, slash);
  std::string base = slash == std::string::npos ? source : source.substr(slash + 1);
  if (base.size() > 3 && base.compare(base.size() - 3, 3, ".py") == 0) base.resize(base.size() - 3);
  // -O and -OO compile different code: their caches are NAME.gilpy-01.opt-N.pyc, as CPython's.
  std::string name = base + ".gilpy-01" + (g_interp.optimize ? ".opt-" + std::to_string(g_interp.optimize) : "") + ".pyc";
  const std::string& lib = g_interp.stdlib_dir;
  if (!lib.empty() && source.compare(0, lib.size() + 1, lib + "/") == 0)
    return g_interp.install_dir + "/lib/pycache" + dir.substr(lib.size()) + "/" + name;
  // sys.pycache_prefix (-X pycache_prefix, PYTHONPYCACHEPREFIX): a parallel
  // tree mirroring the source's absolute folder, read at each use as importlib does.
  static Str* prefix_name = str_intern("pycache_prefix");
  Value prefix = sys_get(prefix_name);
  if (prefix && is_str(prefix) && as_str(prefix)->nbytes) {
    std::string absdir = dir;
    if (absdir.empty() || absdir[0] != '/') {
      char buf[4096];
      if (::getcwd(buf, sizeof buf)) absdir = std::string(buf) + (dir == "." ? "" : "/" + dir);
    }
    std::string p(as_str(prefix)->view());
    if (!p.empty() && p[0] != '/') {
      char buf[4096];
      if (::getcwd(buf, sizeof buf)) p = std::string(buf) + "/" + p;
    }
    return p + absdir + "/" + name;
  }
  return dir + "/__pycache__/" + name;
}

static void put64(std::string& o, uint64_t v) {
  for (int i = 0; i < 8; i++) o.push_back(char((v >> (8 * i)) & 0xFF));
}
static uint64_t get64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) v |= uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

static bool make_dirs(const std::string& dir) {
  if (dir.empty() || is_dir(dir)) return true;
  size_t slash = dir.rfind('/');
  if (slash != std::string::npos && slash > 0 && !make_dirs(dir.substr(0, slash))) return false;
  return ::mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST;
}

// sys.dont_write_bytecode (set from -B or PYTHONDONTWRITEBYTECODE at start-up,
// changeable at run time as in CPython) turns cache writing off.
static bool writing_bytecode() {
  static Str* name = str_intern("dont_write_bytecode");
  Value flag = sys_get(name);
  if (!flag) return !g_interp.dont_write_bytecode;
  Result<bool> t = truthy(flag);
  if (!t.ok()) {
    exc_clear();
    return false;
  }
  return !t.value();
}

// The code object for `path`: from a valid cache, else compiled (and cached).
// `force_write` (--precompile) writes the cache even under -B or
// PYTHONDONTWRITEBYTECODE, as CPython's compileall does.
Result<Code*> load_source_code(const std::string& path, bool force_write) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return raise_errno(errno, str_value(path));
  uint64_t mtime = uint64_t(st.st_mtim.tv_sec) * 1000000000ull + uint64_t(st.st_mtim.tv_nsec);
  uint64_t size = uint64_t(st.st_size);
  std::string cpath = cache_path_for(path);
  FILE* f = std::fopen(cpath.c_str(), "rb");
  if (f) {
    std::string data;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    std::fclose(f);
    if (data.size() > 32 && std::memcmp(data.data(), kCacheMagic, 8) == 0 &&
        get64(data.data() + 8) == bytecode::bytecode_signature() && get64(data.data() + 16) == mtime &&
        get64(data.data() + 24) == size) {
      Result<Value> v = marshal_load_value(std::string_view(data).substr(32));
      if (v.ok() && is_code(v.value())) return v.value().as<Code>();
      exc_clear();
    }
  }
  std::string src = TRY(read_file(path));
  Code* code = TRY(compiler::compile_source(src, str_new(path), parser::Mode::Exec));
  if (force_write || writing_bytecode()) {
    std::string out(kCacheMagic, 8);
    put64(out, bytecode::bytecode_signature());
    put64(out, mtime);
    put64(out, size);
    if (marshal_dump_value(out, Value(code)).ok()) {
      size_t slash = cpath.rfind('/');
      if (make_dirs(cpath.substr(0, slash))) {
        std::string tmp = cpath + "." + std::to_string(::getpid()) + ".tmp";
        FILE* w = std::fopen(tmp.c_str(), "wb");
        if (w) {
          bool ok = std::fwrite(out.data(), 1, out.size(), w) == out.size();
          ok = std::fclose(w) == 0 && ok;
          if (!ok || ::rename(tmp.c_str(), cpath.c_str()) != 0) ::unlink(tmp.c_str());
        }
      }
    } else {
      exc_clear();
    }
  }
  return code;
}

// Run a source file as module `name` (already created and registered).
Status exec_module_file(Module* m, const std::string& path) {
  Code* code = TRY(load_source_code(path, false));
  TRY(run_code(code, m->dict, Value(m->dict)));
  return OK();
}

// ---- the main module's loader -----------------------------------------------------------
// CPython's __main__ carries a loader from importlib's bootstrap, which CPython
// has frozen and loaded before anything runs: BuiltinImporter for -c, stdin
// and the REPL, SourceFileLoader or SourcelessFileLoader for a script file.
// gilpy loads importlib's bootstrap only when it is needed (loading it would
// add 1 to 2.5 ms to a start-up of about 10 ms: decision 0018), so until then
// the main module holds a stand-in (None, or the native source loader for a
// script), replaced by the real loader as soon as the bootstrap is loaded:
// when importlib is imported (install_importlib_finders), or before a main
// program that names __loader__ runs (ensure_main_loader), which loads just
// the bootstrap modules, as CPython has them at start-up (_frozen_importlib,
// _frozen_importlib_external: importlib/__init__.py adopts them when it is
// imported).
static MainLoader g_main_kind = MainLoader::None;  // still a stand-in: the real loader's kind
static Value g_main_stand_in;                      // what __main__.__loader__ holds until then
static Value g_main_path;                          // the script's path (str)
static Module* g_main_module;

// The real loader in *out, if the bootstrap modules are loaded (else *out
// stays null).
static Status real_main_loader(MainLoader kind, Value path, Value* out) {
  Value boot = dict_get_str(g_interp.modules, str_intern("_frozen_importlib"));
  Value ext = dict_get_str(g_interp.modules, str_intern("_frozen_importlib_external"));
  if (kind == MainLoader::Builtin) {
    if (boot) *out = TRY(getattr(boot, str_intern("BuiltinImporter")));
    return OK();
  }
  if (!ext) return OK();
  Value cls = TRY(getattr(ext, str_intern(kind == MainLoader::Source ? "SourceFileLoader" : "SourcelessFileLoader")));
  *out = TRY(call2(cls, Value(str_intern("__main__")), path ? path : None()));
  return OK();
}

static void fix_main_loader() {
  if (g_main_kind == MainLoader::None || !g_main_module) return;
  Value now = dict_get_str(g_main_module->dict, N.__loader__);
  if (!now || now != g_main_stand_in) {  // the program (or runpy) set its own
    g_main_kind = MainLoader::None;
    return;
  }
  Value real;
  if (real_main_loader(g_main_kind, g_main_path, &real).is_err()) exc_clear();
  if (!real) return;
  g_main_kind = MainLoader::None;
  dict_set_str(g_main_module->dict, N.__loader__, real);
}

void set_main_loader(Module* main, MainLoader kind, Value path) {
  g_main_module = main;
  g_main_path = path;
  g_main_kind = kind;
  g_main_stand_in = kind == MainLoader::Source && path && is_str(path)
                        ? native_loader_for(str_intern("__main__"), as_str(path))
                        : None();
  dict_set_str(main->dict, N.__loader__, g_main_stand_in);
  fix_main_loader();  // at once if the bootstrap is loaded
}

static Result<Value> load_frozen(const std::string& fullname, const FrozenModule* fm);

// Python helpers around importlib's bootstrap, run once it is loaded.
static const char* kBootHelpers =
    "import sys, _imp\n"
    "_ns = type(sys.implementation)\n"
    // A frozen module imported after the bootstrap: FrozenImporter's spec and
    // module (create_module sets __file__), as _bootstrap._load_unlocked
    // makes it; gilpy runs its code.
    "def frozen_module(name, _b=_bootstrap):\n"
    "    return _b.module_from_spec(_b.FrozenImporter.find_spec(name))\n"
    // Frozen modules imported before it hold a stand-in spec (a namespace
    // with the same values): now FrozenImporter's.
    "def upgrade_frozen(_b=_bootstrap):\n"
    "    for name, mod in list(sys.modules.items()):\n"
    "        try:\n"
    "            spec = mod.__dict__.get('__spec__')\n"
    "        except AttributeError:\n"
    "            continue\n"
    "        if type(spec) is _ns and getattr(spec, 'origin', None) == 'frozen':\n"
    "            new = _b.ModuleSpec(spec.name, _b.FrozenImporter, origin='frozen')\n"
    "            new.loader_state = spec.loader_state\n"
    "            new.submodule_search_locations = spec.submodule_search_locations\n"
    "            mod.__spec__ = new\n"
    "            mod.__loader__ = _b.FrozenImporter\n"
    // Once the external half is loaded: its source loader takes code from
    // gilpy's cache (importlib's own pyc handling knows CPython's header,
    // not gilpy's), and modules imported from files so far get its specs.
    "def external_ready(ext):\n"
    "    def _gilpy_get_code(self, fullname, _load=_imp._gilpy_source_code):\n"
    "        return _load(self.get_filename(fullname))\n"
    "    ext.SourceFileLoader.get_code = _gilpy_get_code\n"
    "    for name, mod in list(sys.modules.items()):\n"
    "        try:\n"
    "            spec = mod.__dict__.get('__spec__')\n"
    "            file = mod.__dict__.get('__file__')\n"
    "        except AttributeError:\n"
    "            continue\n"
    "        if type(spec) is _ns and file and getattr(spec, 'origin', None) != 'frozen':\n"
    "            new = ext.spec_from_file_location(name, file,\n"
    "                submodule_search_locations=spec.submodule_search_locations)\n"
    "            mod.__spec__ = new\n"
    "            mod.__loader__ = new.loader\n"
    "    return ext.spec_from_file_location\n";

// importlib's bootstrap as CPython has it from start-up, loaded here when
// first needed: _frozen_importlib (importlib/_bootstrap.py as a frozen
// module, set up by its _setup(sys, _imp), which gives it and the other
// frozen and built-in modules imported so far their specs); with `external`,
// _frozen_importlib_external too, imported through FrozenImporter and told
// about the first. importlib/__init__.py adopts both when it is imported.
static Status load_bootstrap(bool external) {
  Value boot = dict_get_str(g_interp.modules, str_intern("_frozen_importlib"));
  if (!boot) {
    const FrozenModule* fm = frozen_find("_frozen_importlib");
    Code* code = TRY(frozen_code(fm));
    // As CPython's PyImport_ImportFrozenModuleObject leaves it: _setup gives
    // it its spec, loader and __file__ (from __origname__).
    Module* m = module_new(str_intern("_frozen_importlib"));
    dict_set_str(m->dict, str_intern("__origname__"), Value(str_new(fm->origname)));
    dict_set_str(m->dict, N.__builtins__, Value(g_interp.builtins->dict));
    boot = Value(m);
    TRY(dict_set(g_interp.modules, Value(str_intern("_frozen_importlib")), boot));
    Status st = run_code(code, m->dict, Value(m->dict)).is_err() ? Status(ERR) : OK();
    Dict* g = dict_new();
    if (st.ok()) {
      dict_set_str(g, N.__builtins__, Value(g_interp.builtins));
      dict_set_str(g, N.__name__, Value(str_intern("_gilpy_bootstrap_helpers")));
      dict_set_str(g, str_intern("_bootstrap"), boot);
      Result<Value> r = exec_source(kBootHelpers, str_intern("<gilpy bootstrap helpers>"), g, Value(),
                                    int(parser::Mode::Exec));
      if (r.is_err()) st = ERR;
    }
    if (st.ok() && call0(dict_get_str(g, str_intern("upgrade_frozen"))).is_err()) st = ERR;
    if (st.ok()) {
      Result<Value> imp = import_module(str_intern("_imp"));
      Value args[2] = {Value(g_interp.sys), imp.ok() ? imp.value() : Value()};
      if (imp.is_err() || call_method(boot, str_intern("_setup"), args, 2).is_err()) st = ERR;
    }
    if (st.is_err()) {
      Value e = exc_fetch();
      (void)dict_del_str(g_interp.modules, str_intern("_frozen_importlib"));
      exc_restore(e);
      return ERR;
    }
    g_frozen_module = dict_get_str(g, str_intern("frozen_module"));
    g_external_ready = dict_get_str(g, str_intern("external_ready"));
  }
  if (!external || dict_get_str(g_interp.modules, str_intern("_frozen_importlib_external"))) return OK();
  Value ext = TRY(load_frozen("_frozen_importlib_external", frozen_find("_frozen_importlib_external")));
  TRY(call_method1(ext, str_intern("_set_bootstrap_module"), boot));
  TRY(setattr(boot, str_intern("_bootstrap_external"), ext));
  g_spec_from_file = TRY(call1(g_external_ready, ext));
  return OK();
}

// Does the code name __loader__ or __spec__ (a variable, an attribute, or a
// string such as globals()['__loader__'])?
static bool names_loader(Code* c, int depth) {
  static Str* loader = str_intern("__loader__");
  static Str* spec = str_intern("__spec__");
  for (int64_t i = 0; i < c->names->size; i++)
    if (c->names->items[i] == Value(loader) || c->names->items[i] == Value(spec)) return true;
  for (int64_t i = 0; i < c->consts->size; i++) {
    Value k = c->consts->items[i];
    if (is_str(k) && (as_str(k)->view() == loader->view() || as_str(k)->view() == spec->view())) return true;
    if (is_code(k) && depth < 100 && names_loader(k.as<Code>(), depth + 1)) return true;
  }
  return false;
}

// The loaders and specs a program may look at (__main__'s, and those of the
// modules start-up imported: FrozenImporter's, SourceFileLoader's) are
// importlib's own from here on.
Status ensure_main_loader(Code* code) {
  if (g_main_kind == MainLoader::None && g_external_ready &&
      dict_get_str(g_interp.modules, str_intern("_frozen_importlib_external")))
    return OK();
  if (!names_loader(code, 0)) return OK();
  TRY(load_bootstrap(true));
  fix_main_loader();
  return OK();
}

// Once importlib is imported, give its API (import_module, util.find_spec,
// runpy) the finders CPython installs at start-up: builtin modules, frozen
// modules and the path finder. `import` statements keep using this file's loader.
static Status install_importlib_finders() {
  static const char* kSetup =
      "import sys, _imp\n"
      "from importlib import _bootstrap, _bootstrap_external\n"
      "if _bootstrap.BuiltinImporter not in sys.meta_path:\n"
      "    sys.meta_path.append(_bootstrap.BuiltinImporter)\n"
      "    sys.meta_path.append(_bootstrap.FrozenImporter)\n"
      "    _bootstrap_external._install(_bootstrap)\n"
      "for _name, _mod in list(sys.modules.items()):\n"
      "    _spec = getattr(_mod, '__spec__', None)\n"
      "    _file = getattr(_mod, '__file__', None)\n"
      "    if type(_spec).__name__ == 'SimpleNamespace' and _file and getattr(_spec, 'origin', None) != 'frozen':\n"
      "        _new = _bootstrap_external.spec_from_file_location(_name, _file,\n"
      "            submodule_search_locations=_spec.submodule_search_locations)\n"
      "        _mod.__spec__ = _new\n"
      "        _mod.__loader__ = _new.loader\n"
      "def builtin_attrs(name, mod):\n"
      "    _bootstrap._init_module_attrs(\n"
      "        _bootstrap.ModuleSpec(name, _bootstrap.BuiltinImporter, origin='built-in'), mod)\n"
      "spec_from_file_location = _bootstrap_external.spec_from_file_location\n"
      // importlib's own pyc reading/writing knows CPython's header, not
      // gilpy's bytecode signature: its source loader takes code from gilpy's
      // cache instead (load_source_code), so every cache file has one format.
      "def _gilpy_get_code(self, fullname, _load=_imp._gilpy_source_code):\n"
      "    return _load(self.get_filename(fullname))\n"
      "_bootstrap_external.SourceFileLoader.get_code = _gilpy_get_code\n"
      // A namespace package's __path__ is importlib's _NamespacePath, which
      // recomputes itself when sys.path changes.
      "def namespace_spec(name, paths):\n"
      "    find = _bootstrap_external.PathFinder._get_spec\n"
      "    path = _bootstrap_external._NamespacePath(name, paths, find)\n"
      "    loader = _bootstrap_external.NamespaceLoader(name, path, find)\n"
      "    spec = _bootstrap.ModuleSpec(name, loader, is_package=True)\n"
      "    spec.submodule_search_locations = path\n"
      "    return spec\n"
      // gilpy's own search does what these finders do; any other finder in
      // sys.meta_path sends imports through importlib (find_and_load).
      "std_finders = (_bootstrap.BuiltinImporter, _bootstrap.FrozenImporter, _bootstrap_external.PathFinder)\n"
      "def find_and_load(name, path):\n"
      "    spec = _bootstrap._find_spec(name, path)\n"
      "    return None if spec is None else _bootstrap._load_unlocked(spec)\n"
      "load_spec = _bootstrap._load_unlocked\n"
      // As in CPython, where they are frozen: zipimport imports them by these names.
      "sys.modules.setdefault('_frozen_importlib', _bootstrap)\n"
      "sys.modules.setdefault('_frozen_importlib_external', _bootstrap_external)\n"
      // Archives on sys.path (wheels, eggs, zip files): zipimport's hook
      // first, as CPython installs it; gilpy's own search asks the path
      // entry's finder for entries that are not folders (find_in_entry).
      "import zipimport\n"
      "if zipimport.zipimporter not in sys.path_hooks:\n"
      "    sys.path_hooks.insert(0, zipimport.zipimporter)\n"
      "def is_std_hook(h):\n"
      "    return h is zipimport.zipimporter or getattr(h, '__qualname__', '').startswith('FileFinder.path_hook.')\n"
      "std_entry_finders = (_bootstrap_external.FileFinder, zipimport.zipimporter)\n"
      "def find_in_entry(name, entry):\n"
      "    finder = _bootstrap_external.PathFinder._path_importer_cache(entry)\n"
      "    spec = None if finder is None else finder.find_spec(name)\n"
      "    if spec is None or spec.loader is None:\n"
      "        return None\n"
      "    return _bootstrap._load_unlocked(spec)\n"
      // Native modules imported so far (this set-up's own imports included)
      // get what CPython's _bootstrap._setup gives them: a built-in spec and
      // loader. Later ones get it as they are imported (load_native).
      "for _name, _mod in list(sys.modules.items()):\n"
      "    if _name in sys.builtin_module_names and getattr(_mod, '__spec__', None) is None:\n"
      "        builtin_attrs(_name, _mod)\n";
  Dict* g = dict_new();
  dict_set_str(g, N.__builtins__, Value(g_interp.builtins));
  dict_set_str(g, N.__name__, Value(str_intern("_gilpy_importlib_setup")));
  // The set-up's own imports (zipimport) use gilpy's search: sys.meta_path
  // is half-built meanwhile.
  bool was = g_importlib_bootstrapping;
  g_importlib_bootstrapping = true;
  Result<Value> r = exec_source(kSetup, str_intern("<gilpy importlib setup>"), g, Value(), int(parser::Mode::Exec));
  g_importlib_bootstrapping = was;
  if (r.is_err()) return ERR;
  g_spec_from_file = dict_get_str(g, str_intern("spec_from_file_location"));
  g_namespace_spec = dict_get_str(g, str_intern("namespace_spec"));
  g_std_finders = dict_get_str(g, str_intern("std_finders"));
  g_find_and_load = dict_get_str(g, str_intern("find_and_load"));
  g_load_spec = dict_get_str(g, str_intern("load_spec"));
  g_find_in_entry = dict_get_str(g, str_intern("find_in_entry"));
  g_is_std_hook = dict_get_str(g, str_intern("is_std_hook"));
  g_builtin_attrs = dict_get_str(g, str_intern("builtin_attrs"));
  g_std_entry_finders = dict_get_str(g, str_intern("std_entry_finders"));
  fix_main_loader();
  return OK();
}

static Result<Value> import_one(const std::string& fullname);

// True when `dir` is not a folder but a file or a path inside one (a zip
// archive on sys.path such as pip's wheel, or its subfolder pip-X.whl/pip).
static bool in_archive(std::string dir) {
  while (!dir.empty() && dir != "/") {
    struct stat st;
    if (::stat(dir.c_str(), &st) == 0) return S_ISREG(st.st_mode);
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos) return false;
    dir.resize(slash);
  }
  return false;
}

// Import importlib (which sets up g_find_in_entry) unless it is being
// imported right now: its own imports then use gilpy's search, or an entry
// needing a path-entry finder would import importlib again, endlessly.
static Status ensure_find_in_entry() {
  static bool importing = false;  // finding importlib itself meets the same entries
  if (g_find_in_entry || g_importlib_bootstrapping || importing) return OK();
  if (dict_get_str(g_interp.modules, str_intern("importlib"))) return OK();
  importing = true;
  Result<Value> r = import_one("importlib");
  importing = false;
  return r.is_err() ? Status(ERR) : OK();
}

// Find and load fullname from the directories in path_list. *out stays null
// when nothing matches (no exception).
static Status load_from_path(const std::string& fullname, const std::string& shortname, Value path_list, Value* out) {
  Value it = TRY(get_iter(path_list));
  std::vector<std::string> namespace_dirs;
  for (;;) {
    Value entry;
    TRY(iter_next(it, &entry));
    if (!entry) break;
    if (!is_str(entry)) continue;
    std::string dir(as_str(entry)->view());
    if (dir.empty()) dir = ".";
    // The entry's own path-entry finder (importlib's find_in_entry): true
    // when it was asked, with *out set if it loaded the module.
    auto by_entry_finder = [&]() -> Result<bool> {
      TRY(ensure_find_in_entry());
      if (!g_find_in_entry) return false;
      Value m = TRY(call2(g_find_in_entry, str_value(fullname), entry));
      if (!is_none(m)) *out = m;
      return true;
    };
    if (TRY(entry_needs_finder(entry)) && TRY(by_entry_finder())) {
      if (*out) return OK();
      continue;
    }
    std::string base = dir + "/" + shortname;
    std::string file;
    bool package = false;
    if (is_file(base + "/__init__.py")) {
      file = base + "/__init__.py";
      package = true;
    } else if (is_file(base + ".py")) {
      file = base + ".py";
    } else {
      bool folder = is_dir(base);
      // Compiled files without their source (NAME/__init__.pyc, NAME.pyc)
      // import as importlib's FileFinder finds them: its SourcelessFileLoader
      // loads them (or reports a bad one: "bad magic number").
      if ((folder && is_file(base + "/__init__.pyc")) || is_file(base + ".pyc")) {
        if (TRY(by_entry_finder()) && *out) return OK();
        continue;
      }
      if (folder) namespace_dirs.push_back(base);
      else if (in_archive(dir)) {
        // A zip file (or a folder inside one): zipimport finds and loads it.
        if (TRY(by_entry_finder()) && *out) return OK();
      }
      continue;
    }
    Module* m = module_new(str_new(fullname));
    Dict* d = m->dict;
    dict_set_str(d, N.__file__, str_value(file));
    dict_set_str(d, N.__builtins__, Value(g_interp.builtins->dict));  // a dict outside __main__, as CPython
    Value search = Value();
    if (package) {
      List* p = list_new(0);
      TRY(list_append(p, str_value(base)));
      search = Value(p);
      dict_set_str(d, N.__path__, search);
      dict_set_str(d, N.__package__, str_value(fullname));
    } else {
      size_t dot = fullname.rfind('.');
      dict_set_str(d, N.__package__, str_value(dot == std::string::npos ? "" : fullname.substr(0, dot)));
    }
    Value spec = make_spec(fullname, str_value(file), search, true);
    dict_set_str(d, N.__spec__, spec);
    Value loader;
    TRY(getattr_opt(spec, str_intern("loader"), &loader));
    dict_set_str(d, N.__loader__, loader ? loader : None());
    dict_set_str(d, N.__cached__, None());
    TRY(dict_set(g_interp.modules, str_value(fullname), Value(m)));
    // spec._initializing marks a module whose code is still running (used by
    // importlib and by the "partially initialized module" import error).
    Status mark = setattr(spec, str_intern("_initializing"), True());
    if (mark.is_err()) exc_clear();
    if (g_interp.verbose) std::fprintf(stderr, "# code object from '%s'\n", file.c_str());
    Status st = exec_module_file(m, file);
    if (g_interp.verbose && st.ok())
      std::fprintf(stderr, "import '%s' # <_frozen_importlib_external.SourceFileLoader object>\n", fullname.c_str());
    mark = setattr(spec, str_intern("_initializing"), False());
    if (mark.is_err()) exc_clear();
    if (st.is_err()) {
      Value e = exc_fetch();
      Result<bool> r = dict_del(g_interp.modules, str_value(fullname));
      (void)r;
      exc_restore(e);
      return ERR;
    }
    if (fullname == "importlib") TRY(install_importlib_finders());
    // gilpy's additions to a CPython library module, applied once it has
    // loaded (the module's file stays CPython's): pdb's threads commands.
    if (fullname == "pdb") {
      Value ext = TRY(import_module(str_intern("_gilpy_pdb")));
      Value extend = TRY(getattr(ext, str_intern("_extend")));
      Value mod(m);
      TRY(call(extend, &mod, 1));
    }
    // The module may have replaced itself in sys.modules.
    Value final = dict_get_str(g_interp.modules, str_new(fullname));
    if (!final) return raise_fmt(tp_KeyError, "'%s'", fullname.c_str());
    *out = final;
    return OK();
  }
  if (!namespace_dirs.empty()) {
    List* p = list_new(0);
    for (auto& nd : namespace_dirs) TRY(list_append(p, str_value(nd)));
    // The spec comes from importlib (imported now if need be: namespace
    // packages are rare enough for that to cost nothing overall).
    if (!g_namespace_spec) TRY(import_one("importlib"));
    Value spec = TRY(call2(g_namespace_spec, str_value(fullname), Value(p)));
    Value path = TRY(getattr(spec, str_intern("submodule_search_locations")));
    Value loader = TRY(getattr(spec, str_intern("loader")));
    Module* m = module_new(str_new(fullname));
    dict_set_str(m->dict, N.__path__, path);
    dict_set_str(m->dict, N.__package__, str_value(fullname));
    dict_set_str(m->dict, N.__file__, None());  // CPython 3.11: None, not absent
    dict_set_str(m->dict, N.__loader__, loader);
    dict_set_str(m->dict, N.__spec__, spec);
    TRY(dict_set(g_interp.modules, str_value(fullname), Value(m)));
    *out = Value(m);
  }
  return OK();
}

// True while sys.meta_path holds only what gilpy's own search implements:
// nothing before importlib is imported, then importlib's standard finders
// including PathFinder (removing it must stop path imports, as in CPython).
static bool meta_path_is_standard() {
  Value mp = sys_get(str_intern("meta_path"));
  if (!mp || !is_list(mp)) return true;
  List* l = as_list(mp);
  if (!g_std_finders) return l->size == 0;
  Tuple* std = as_tuple(g_std_finders);
  bool has_path_finder = false;
  for (int64_t i = 0; i < l->size; i++) {
    bool known = false;
    for (int64_t k = 0; k < std->size; k++) known = known || l->items[i] == std->items[k];
    if (!known) return false;
    has_path_finder = has_path_finder || l->items[i] == std->items[std->size - 1];
  }
  return has_path_finder;
}

// Import through importlib (a custom finder is in sys.meta_path); path_list
// is the parent's __path__, or null for a top-level module.
static Result<Value> import_via_importlib(const std::string& fullname, Value path_list) {
  if (!g_find_and_load) {
    g_importlib_bootstrapping = true;  // importlib itself loads the gilpy way
    Result<Value> r = import_one("importlib");
    g_importlib_bootstrapping = false;
    if (r.is_err()) return ERR;
    if (!g_find_and_load) return raise(tp_ImportError, "importlib is not available");
  }
  Value m = TRY(call2(g_find_and_load, str_value(fullname), path_list ? path_list : None()));
  if (is_none(m)) return module_not_found(fullname);
  return m;
}

static Result<Value> import_one_uncached(const std::string& fullname);

// -X importtime: one line per module loaded, as CPython prints them (self and
// cumulative microseconds, nested imports indented), after a header line.
struct ImportTimer {
  static inline int depth = 0;
  static inline bool header = false;
  static inline int64_t child_us = 0;  // time spent in nested imports of the current one
  static int64_t now_us() {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
  }
};

static bool is_std_finder(Value finder) {
  if (!g_std_finders) return false;
  Tuple* std = as_tuple(g_std_finders);
  for (int64_t k = 0; k < std->size; k++)
    if (finder == std->items[k]) return true;
  return false;
}

// sys.meta_path with finders of the program's own (setuptools' .pth file puts
// _distutils_hack's in front at every start-up): walked in order as importlib
// does. A custom finder's find_spec is asked directly; the first standard
// finder stands for gilpy's own search (builtins, then the path), so imports
// the custom finders decline cost what they cost without them. Only a spec a
// custom finder returns is loaded through importlib. *done is false when a
// finder has no find_spec (then importlib handles the whole import).
// A native module: made, registered, and (once importlib is set up) given
// its built-in __spec__ and __loader__.
static Result<Value> load_native(const std::string& fullname, ModuleInit init) {
  Value m = TRY(init());
  TRY(dict_set(g_interp.modules, str_value(fullname), m));
  if (g_builtin_attrs) TRY(call2(g_builtin_attrs, str_value(fullname), m));
  return m;
}

// The frozen module for fullname, unless frozen modules are off for it or
// the program took FrozenImporter out of sys.meta_path.
static const FrozenModule* frozen_importable(const std::string& fullname) {
  const FrozenModule* fm = frozen_find(fullname);
  if (!fm || !g_std_finders) return fm;
  Value mp = sys_get(str_intern("meta_path"));
  if (!mp || !is_list(mp)) return fm;
  Value importer = as_tuple(g_std_finders)->items[1];
  List* l = as_list(mp);
  for (int64_t i = 0; i < l->size; i++)
    if (l->items[i] == importer) return fm;
  return nullptr;
}

// A frozen module (runtime/frozen.h): its code from the library's file, its
// attributes as CPython's FrozenImporter gives them. Before importlib's
// bootstrap is loaded its spec is a stand-in namespace holding the same
// values, and __loader__ None; load_bootstrap makes them FrozenImporter's.
static Result<Value> load_frozen(const std::string& fullname, const FrozenModule* fm) {
  Code* code = TRY(frozen_code(fm));
  Value mod, spec;
  if (g_frozen_module) {
    mod = TRY(call1(g_frozen_module, str_value(fullname)));
    spec = TRY(getattr(mod, N.__spec__));
  } else {
    std::string filename, pkgdir;
    frozen_resolve_filename(fm, &filename, &pkgdir);
    Module* m = module_new(str_new(fullname));
    Dict* d = m->dict;
    if (!filename.empty()) dict_set_str(d, N.__file__, str_value(filename));
    Value search = None();
    if (fm->ispkg) {
      List* p = list_new(0);
      if (!pkgdir.empty()) TRY(list_append(p, str_value(pkgdir)));
      search = Value(p);
      dict_set_str(d, N.__path__, search);
    }
    size_t dot = fullname.rfind('.');
    std::string parent = fm->ispkg ? fullname : dot == std::string::npos ? "" : fullname.substr(0, dot);
    dict_set_str(d, N.__package__, str_value(parent));
    Value state = namespace_new({{"filename", filename.empty() ? None() : str_value(filename)},
                                 {"origname", fm->origname ? Value(str_new(fm->origname)) : None()}});
    spec = namespace_new({{"name", str_value(fullname)},
                          {"loader", None()},
                          {"origin", Value(str_intern("frozen"))},
                          {"loader_state", state},
                          {"submodule_search_locations", search},
                          {"cached", None()},
                          {"parent", str_value(parent)},
                          {"has_location", False()}});
    dict_set_str(d, N.__spec__, spec);
    dict_set_str(d, N.__loader__, None());
    mod = Value(m);
  }
  Dict** dp = instance_dict_ptr(mod);
  if (!dp || !*dp) return raise(tp_TypeError, "frozen module has no __dict__");
  Dict* d = *dp;
  dict_set_str(d, N.__builtins__, Value(g_interp.builtins->dict));
  TRY(dict_set(g_interp.modules, str_value(fullname), mod));
  Status mark = setattr(spec, str_intern("_initializing"), True());
  if (mark.is_err()) exc_clear();
  Status st = run_code(code, d, Value(d)).is_err() ? Status(ERR) : OK();
  mark = setattr(spec, str_intern("_initializing"), False());
  if (mark.is_err()) exc_clear();
  if (st.is_err()) {
    Value e = exc_fetch();
    (void)dict_del_str(g_interp.modules, str_new(fullname));
    exc_restore(e);
    return ERR;
  }
  if (g_interp.verbose) std::fprintf(stderr, "import '%s' # <class '_frozen_importlib.FrozenImporter'>\n", fullname.c_str());
  Value final = dict_get_str(g_interp.modules, str_new(fullname));
  if (!final) return raise_fmt(tp_KeyError, "'%s'", fullname.c_str());
  return final;
}

Result<Value> import_frozen(Str* name) {
  Value have = dict_get_str(g_interp.modules, name);
  if (have) return have;
  const FrozenModule* fm = frozen_find(name->view());
  if (!fm) return None();
  return load_frozen(std::string(name->view()), fm);
}

static Status import_with_custom_finders(const std::string& fullname, const std::string& shortname,
                                         Value path_list, bool toplevel, Value* out, bool* done) {
  *done = true;
  List* mp = as_list(sys_get(str_intern("meta_path")));
  gc::Vector<Value> finders(mp->items, mp->items + mp->size);
  // Until importlib is imported sys.meta_path does not list the standard
  // finders, but they are there in effect, after everything else (where
  // CPython has them when a finder is inserted at 0).
  if (!g_std_finders) finders.push_back(Value());
  bool searched = false;
  for (Value finder : finders) {
    if (!finder || is_std_finder(finder)) {
      if (searched) continue;
      searched = true;
      if (toplevel) {
        if (ModuleInit init = find_native_module(fullname)) {
          *out = TRY(load_native(fullname, init));
          return OK();
        }
      }
      if (const FrozenModule* fm = frozen_importable(fullname)) {
        *out = TRY(load_frozen(fullname, fm));
        return OK();
      }
      TRY(load_from_path(fullname, shortname, path_list, out));
      if (*out) return OK();
      continue;
    }
    Value find_spec;
    TRY(getattr_opt(finder, str_intern("find_spec"), &find_spec));
    if (!find_spec) {
      *done = false;
      return OK();
    }
    Value args[3] = {str_value(fullname), toplevel ? None() : path_list, None()};
    Value spec = TRY(call(find_spec, args, 3));
    if (is_none(spec)) continue;
    if (!g_load_spec) TRY(import_one("importlib"));
    if (!g_load_spec) return raise(tp_ImportError, "importlib is not available");
    *out = TRY(call1(g_load_spec, spec));
    return OK();
  }
  return OK();
}

// Import one fully-qualified module whose parent (if any) is already imported.
static Result<Value> import_one(const std::string& fullname) {
  Value cached = dict_get_str(g_interp.modules, str_new(fullname));
  if (cached) {
    if (is_none(cached)) return module_not_found(fullname);
    return cached;
  }
  if (!g_interp.importtime) return import_one_uncached(fullname);
  if (!ImportTimer::header) {
    ImportTimer::header = true;
    std::fputs("import time: self [us] | cumulative | imported package\n", stderr);
  }
  int64_t saved_child = ImportTimer::child_us;
  ImportTimer::child_us = 0;
  ImportTimer::depth++;
  int64_t t0 = ImportTimer::now_us();
  Result<Value> r = import_one_uncached(fullname);
  int64_t total = ImportTimer::now_us() - t0;
  ImportTimer::depth--;
  if (r.ok())
    std::fprintf(stderr, "import time: %9lld | %10lld | %*s%s\n", (long long)(total - ImportTimer::child_us),
                 (long long)total, ImportTimer::depth * 2, "", fullname.c_str());
  ImportTimer::child_us = saved_child + total;
  return r;
}

static Result<Value> import_one_uncached(const std::string& fullname) {
  // CPython's frozen importlib bootstrap, which it has loaded from start-up:
  // loaded and set up here when first imported (importlib/__init__.py,
  // zipimport and the main program's loader import it).
  if (fullname == "_frozen_importlib" || fullname == "_frozen_importlib_external") {
    TRY(load_bootstrap(fullname == "_frozen_importlib_external"));
    Value m = dict_get_str(g_interp.modules, str_new(fullname));
    if (!m) return module_not_found(fullname);
    return m;
  }
  size_t dot = fullname.rfind('.');
  Value path_list;
  Value parent;
  bool custom = !g_importlib_bootstrapping && !meta_path_is_standard();
  if (dot == std::string::npos) {
    if (custom) {
      Value m;
      bool done;
      path_list = sys_get(N.path);
      if (!path_list) return raise(tp_ImportError, "sys.path is lost");
      TRY(import_with_custom_finders(fullname, fullname, path_list, true, &m, &done));
      if (!done) return import_via_importlib(fullname, Value());
      if (!m) return module_not_found(fullname);
      return m;
    }
    ModuleInit init = find_native_module(fullname);
    if (init) {
      Value m = TRY(load_native(fullname, init));
      if (g_interp.verbose) std::fprintf(stderr, "import '%s' # <class '_frozen_importlib.BuiltinImporter'>\n", fullname.c_str());
      return m;
    }
    path_list = sys_get(N.path);
    if (!path_list) return raise(tp_ImportError, "sys.path is lost");
  } else {
    parent = dict_get_str(g_interp.modules, str_new(fullname.substr(0, dot)));
    if (!parent) return module_not_found(fullname);
    TRY(getattr_opt(parent, N.__path__, &path_list));
    if (!path_list) {
      std::string pn = fullname.substr(0, dot);
      Value msg = str_value("No module named '" + fullname + "'; '" + pn + "' is not a package");
      Value args[1] = {msg};
      Value e = TRY(call(Value(tp_ModuleNotFoundError), args, 1));
      TRY(setattr(e, N.name, str_value(fullname)));
      exc_restore(e);
      return ERR;
    }
  }
  std::string shortname = dot == std::string::npos ? fullname : fullname.substr(dot + 1);
  Value m;
  if (custom) {
    bool done;
    TRY(import_with_custom_finders(fullname, shortname, path_list, false, &m, &done));
    if (!done) m = TRY(import_via_importlib(fullname, path_list));
  } else if (const FrozenModule* fm = frozen_importable(fullname)) {
    m = TRY(load_frozen(fullname, fm));  // FrozenImporter comes before the path, as in sys.meta_path
  } else {
    TRY(load_from_path(fullname, shortname, path_list, &m));
  }
  if (!m) return module_not_found(fullname);
  if (parent) {
    Result<bool> dummy = true;
    (void)dummy;
    Status s = setattr(parent, str_intern(shortname), m);
    if (s.is_err()) exc_clear();
  }
  return m;
}

// Import `name` and all its parents; returns the module for `name`.
static Result<Value> import_chain(const std::string& name) {
  Value cached = dict_get_str(g_interp.modules, str_new(name));
  if (cached && !is_none(cached)) return cached;
  size_t pos = 0;
  Value m;
  for (;;) {
    size_t dot = name.find('.', pos);
    std::string prefix = dot == std::string::npos ? name : name.substr(0, dot);
    m = TRY(import_one(prefix));
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  return m;
}

static Result<std::string> resolve_relative(Str* name, Dict* globals, int64_t level) {
  if (!globals) return raise(tp_KeyError, "'__name__' not in globals");
  // The package comes from __package__ (checked against __spec__.parent),
  // else __spec__.parent, else, with an ImportWarning, __name__ (and __path__).
  Value pkg = dict_get_str(globals, N.__package__);
  Value spec = dict_get_str(globals, N.__spec__);
  if (spec && is_none(spec)) spec = Value();
  std::string package;
  if (pkg && !is_none(pkg)) {
    if (!is_str(pkg)) return raise(tp_TypeError, "package must be a string");
    if (spec) {
      Value parent = TRY(getattr_str(spec, "parent"));
      if (!TRY(eq(pkg, parent))) TRY(warn(tp_ImportWarning, "__package__ != __spec__.parent"));
    }
    package = std::string(as_str(pkg)->view());
  } else if (spec) {
    Value parent = TRY(getattr_str(spec, "parent"));
    if (!is_str(parent)) return raise(tp_TypeError, "__spec__.parent must be a string");
    package = std::string(as_str(parent)->view());
  } else {
    TRY(warn(tp_ImportWarning,
             "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__"));
    Value mn = dict_get_str(globals, N.__name__);
    if (!mn) return raise(tp_KeyError, "'__name__' not in globals");
    if (!is_str(mn)) return raise(tp_TypeError, "__name__ must be a string");
    package = std::string(as_str(mn)->view());
    if (!dict_get_str(globals, N.__path__)) {
      size_t dot = package.rfind('.');
      package = dot == std::string::npos ? "" : package.substr(0, dot);
    }
  }
  if (package.empty()) return raise(tp_ImportError, "attempted relative import with no known parent package");
  std::string base = package;
  for (int64_t i = 1; i < level; i++) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) return raise(tp_ImportError, "attempted relative import beyond top-level package");
    base = base.substr(0, dot);
  }
  if (name->nbytes == 0) return base;
  return base + "." + std::string(name->view());
}

static Status handle_fromlist(Value module, Value fromlist, const std::string& modname) {
  Value path;
  TRY(getattr_opt(module, N.__path__, &path));
  if (!path) return OK();
  Value it = TRY(get_iter(fromlist));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    if (!is_str(x)) return raise_fmt(tp_TypeError, "Item in %s.__all__ must be str, not %s", modname.c_str(), type_name(x));
    std::string item(as_str(x)->view());
    if (item == "*") {
      Value all;
      TRY(getattr_opt(module, N.__all__, &all));
      if (all) TRY(handle_fromlist(module, all, modname));
      continue;
    }
    Value existing;
    TRY(getattr_opt(module, str_intern(item), &existing));
    if (existing) continue;
    Result<Value> r = import_chain(modname + "." + item);
    if (r.is_err()) {
      // A missing submodule named in fromlist is not an error here (IMPORT_FROM reports it).
      if (exc_matches(tp_ModuleNotFoundError)) {
        Value e = exc_fetch();
        Value en;
        Result<Value> nm = getattr(e, N.name);
        if (nm.ok()) en = nm.value(); else exc_clear();
        if (en && is_str(en) && std::string(as_str(en)->view()) == modname + "." + item) continue;
        exc_restore(e);
      }
      return ERR;
    }
  }
  return OK();
}

Result<Value> import_module_level(Str* name, Dict* globals, Value fromlist, int64_t level) {
  std::string full;
  if (level > 0) full = TRY(resolve_relative(name, globals, level));
  else {
    if (name->nbytes == 0) return raise(tp_ValueError, "Empty module name");
    full = std::string(name->view());
  }
  Value m = TRY(import_chain(full));
  bool has_from = fromlist && !is_none(fromlist) && TRY(truthy(fromlist));
  if (!has_from) {
    if (level == 0 || name->nbytes == 0) {
      size_t dot = full.find('.');
      if (level == 0 && dot != std::string::npos) {
        Value top = dict_get_str(g_interp.modules, str_new(full.substr(0, dot)));
        if (top) return top;
      }
      return m;
    }
    // `import .a.b` style (only via __import__): return the top of the relative name.
    std::string rel(name->view());
    size_t dot = rel.find('.');
    if (dot == std::string::npos) return m;
    std::string top = full.substr(0, full.size() - (rel.size() - dot));
    Value t = dict_get_str(g_interp.modules, str_new(top));
    return t ? t : m;
  }
  TRY(handle_fromlist(m, fromlist, full));
  return m;
}

Result<Value> import_name(Frame* f, Str* name, Value fromlist, Value level) {
  // CPython 3.11's IMPORT_NAME looks __import__ up at the dict level
  // (PyDict_GetItem: a dict subclass's __getitem__ is not called), and its
  // check rejects builtins that are no dict with this SystemError, worded as
  // Debian's CPython 3.11 words it.
  if (!is_dict(f->builtins)) return raise(tp_SystemError, "../Objects/dictobject.c:1756: bad argument to internal function");
  Value imp = dict_get_str(as_dict(f->builtins), N.__import__);
  if (!imp) return raise(tp_ImportError, "__import__ not found");
  int64_t lvl = level.is_small() ? level.as_small() : 0;
  if (imp.type() == tp_builtin_function_or_method) return import_module_level(name, f->globals, fromlist, lvl);
  Value args[5] = {Value(name), Value(f->globals), f->locals ? f->locals : None(), fromlist, level};
  return call(imp, args, 5);
}

Result<Value> import_from(Value module, Str* name) {
  Value v;
  TRY(getattr_opt(module, name, &v));
  if (v) return v;
  Value mn;
  TRY(getattr_opt(module, N.__name__, &mn));
  if (mn && is_str(mn)) {
    std::string full = std::string(as_str(mn)->view()) + "." + std::string(name->view());
    Value sub = dict_get_str(g_interp.modules, str_new(full));
    if (sub) return sub;
  }
  std::string modname = mn && is_str(mn) ? std::string(as_str(mn)->view()) : "<unknown module name>";
  Value file;
  TRY(getattr_opt(module, N.__file__, &file));
  bool initializing = false;
  Value spec;
  TRY(getattr_opt(module, N.__spec__, &spec));
  if (spec && !is_none(spec)) {
    Value init;
    TRY(getattr_opt(spec, str_intern("_initializing"), &init));
    if (init) initializing = TRY(truthy(init));
  }
  std::string msg = "cannot import name '" + std::string(name->view()) + "' from " +
                    (initializing ? "partially initialized module '" + modname +
                                        "' (most likely due to a circular import)"
                                  : "'" + modname + "'");
  if (file && is_str(file)) msg += " (" + std::string(as_str(file)->view()) + ")";
  else msg += " (unknown location)";
  Value args[1] = {str_value(msg)};
  Value e = TRY(call(Value(tp_ImportError), args, 1));
  TRY(setattr(e, N.name, mn ? mn : None()));
  exc_restore(e);
  return ERR;
}

Status import_star(Frame* f, Value module) {
  Value locals = f->locals;
  if (!locals) return raise(tp_SystemError, "no locals found during 'import *'");
  Value all;
  TRY(getattr_opt(module, N.__all__, &all));
  bool skip_private = !all;
  if (!all) {
    Value d;
    TRY(getattr_opt(module, N.__dict__, &d));
    if (!d) return raise(tp_ImportError, "from-import-* object has no __dict__ and no __all__");
    all = TRY(call_method0(d, N.keys));
  }
  Value it = TRY(get_iter(all));
  for (;;) {
    Value n;
    TRY(iter_next(it, &n));
    if (!n) break;
    if (!is_str(n)) {
      Value mn;
      TRY(getattr_opt(module, N.__name__, &mn));
      return raise_fmt(tp_TypeError, "%s in %s.%s must be str, not %s", skip_private ? "Key" : "Item",
                       mn && is_str(mn) ? as_str(mn)->data : "?", skip_private ? "__dict__" : "__all__", type_name(n));
    }
    if (skip_private && as_str(n)->nbytes && as_str(n)->data[0] == '_') continue;
    Value v = TRY(getattr(module, str_intern(as_str(n))));
    TRY(setitem(locals, n, v));
  }
  return OK();
}

Result<Value> import_module(Str* name) { return import_chain(std::string(name->view())); }

// For `-m NAME`: the file that would be imported for NAME (parents are
// imported first, as runpy does). *file is empty when it does not exist.
void init_import() {}

}  // namespace gilpy
