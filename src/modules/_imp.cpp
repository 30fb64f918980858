// _imp: the primitives CPython's importlib/_bootstrap.py runs on. gilpy's
// imports are done in C++ (docs/decisions/0003-import-system.md), so these
// serve `import importlib`, importlib.util and importlib.machinery: builtin
// (native) modules are reported and created from the registry; nothing is
// frozen; there are no extension modules.
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Result<Value> imp_is_builtin(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("is_builtin", n, 1, 1));
  if (!is_str(a[0])) return raise(tp_TypeError, "is_builtin() argument must be str");
  std::string_view name = as_str(a[0])->view();
  if (name == "sys" || name == "builtins") return Value::small(-1);
  return Value::small(find_native_module(name) ? 1 : 0);
}
static Result<Value> imp_create_builtin(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("create_builtin", n, 1, 1));
  Value name = TRY(getattr(a[0], N.name));
  if (!is_str(name)) return raise(tp_TypeError, "spec.name must be a string");
  Value existing = dict_get_str(g_interp.modules, as_str(name));
  if (existing) return existing;
  ModuleInit init = find_native_module(as_str(name)->view());
  if (!init) return raise_fmt(tp_ImportError, "no built-in module named %s", as_str(name)->data);
  return init();
}
static Result<Value> imp_exec_builtin(Value*, int64_t, Tuple*) { return Value::small(0); }
static Result<Value> imp_false(Value*, int64_t, Tuple*) { return False(); }
static Result<Value> imp_none(Value*, int64_t, Tuple*) { return None(); }
static Result<Value> imp_extension_suffixes(Value*, int64_t, Tuple*) { return Value(list_new(0)); }
static Result<Value> imp_get_frozen_object(Value* a, int64_t n, Tuple*) {
  return raise_fmt(tp_ImportError, "No such frozen object named %s", n && is_str(a[0]) ? as_str(a[0])->data : "?");
}
static Result<Value> imp_frozen_names(Value*, int64_t, Tuple*) { return Value(tuple_empty()); }
// source_hash: a stable 64-bit hash of the source for hash-based pycs (the
// value differs from CPython's SipHash; gilpy does not read CPython's pycs).
static Result<Value> imp_source_hash(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("source_hash", a, n, kw, {"key", "source"}, 2, out));
  std::string_view src = TRY(buffer_view(out[1]));
  uint64_t h = 1469598103934665603ull ^ uint64_t(TRY(as_index(out[0])));
  for (unsigned char c : src) {
    h ^= c;
    h *= 1099511628211ull;
  }
  std::string b(8, '\0');
  for (int i = 0; i < 8; i++) b[size_t(i)] = char((h >> (8 * i)) & 0xFF);
  return bytes_from(b);
}

Result<Code*> load_source_code(const std::string& path, bool force_write);  // runtime/import.cpp

// The code of a source file through gilpy's bytecode cache (importlib's
// SourceFileLoader.get_code, patched by runtime/import.cpp, calls this).
static Result<Value> imp_gilpy_source_code(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_gilpy_source_code", n, 1, 1));
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "expected str, not %s", type_name(a[0]));
  return Value(TRY(load_source_code(std::string(as_str(a[0])->view()), false)));
}

static const MethodDef functions[] = {
    {"_gilpy_source_code", imp_gilpy_source_code},
    {"is_builtin", imp_is_builtin}, {"create_builtin", imp_create_builtin}, {"exec_builtin", imp_exec_builtin},
    {"is_frozen", imp_false}, {"is_frozen_package", imp_false}, {"find_frozen", imp_none},
    {"init_frozen", imp_none}, {"get_frozen_object", imp_get_frozen_object},
    {"_frozen_module_names", imp_frozen_names}, {"acquire_lock", imp_none}, {"release_lock", imp_none},
    {"lock_held", imp_false}, {"extension_suffixes", imp_extension_suffixes}, {"_fix_co_filename", imp_none},
    {"source_hash", imp_source_hash}, {"create_dynamic", imp_none}, {"exec_dynamic", imp_exec_builtin},
    {"_override_frozen_modules_for_tests", imp_none}, {"_override_multi_interp_extensions_check", imp_none},
    {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_imp", functions);
  dict_set_str(m->dict, str_intern("check_hash_based_pycs"), Value(str_intern("never")));
  dict_set_str(m->dict, str_intern("pyc_magic_number_token"), Value::small(0));
  return Value(m);
}
GILPY_NATIVE_MODULE("_imp", init);

}  // namespace gilpy
