// _imp: the primitives CPython's importlib/_bootstrap.py runs on. gilpy's
// imports are done in C++ (docs/decisions/0003-import-system.md), so these
// serve `import importlib`, importlib.util and importlib.machinery: builtin
// (native) modules are reported and created from the registry; frozen
// modules are CPython's, loaded from the library's files (runtime/frozen.h,
// decision 0020); there are no extension modules.
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
#include "runtime/frozen.h"
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
Status marshal_dump_value(std::string& out, Value v);  // modules/marshal.cpp
Result<Value> marshal_load_value(std::string_view data);

// ImportError("No such frozen object named 'NAME'", name=NAME), as CPython's.
static Err no_frozen(Value name) {
  Str* r = TRY(repr(name));
  Value msg = str_value("No such frozen object named " + std::string(r->view()));
  Value e = TRY(call1(Value(tp_ImportError), msg));
  TRY(setattr(e, N.name, name));
  exc_restore(e);
  return ERR;
}
static Result<const FrozenModule*> frozen_arg(const char* fname, Value name, bool required) {
  if (!is_str(name))
    return raise_fmt(tp_TypeError, "%s() argument%s must be str, not %s", fname,
                     std::string_view(fname) == "find_frozen" ? " 1" : "", type_name(name));
  const FrozenModule* m = frozen_find(as_str(name)->view());
  if (!m && required) return no_frozen(name);
  return m;
}
static Result<Value> imp_is_frozen(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("is_frozen", n, 1, 1));
  return Bool(TRY(frozen_arg("is_frozen", a[0], false)) != nullptr);
}
static Result<Value> imp_is_frozen_package(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("is_frozen_package", n, 1, 1));
  return Bool(TRY(frozen_arg("is_frozen_package", a[0], true))->ispkg);
}
// find_frozen(name, *, withdata=False): None, or (the marshalled code as a
// memoryview if withdata else None, ispkg, origname).
static Result<Value> imp_find_frozen(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("find_frozen", a, n, kw, {"", "withdata"}, 1, out));
  const FrozenModule* m = TRY(frozen_arg("find_frozen", out[0], false));
  if (!m) return None();
  Value data = None();
  if (out[1] && TRY(truthy(out[1]))) {
    Code* code = TRY(frozen_code(m));
    std::string bytes;
    TRY(marshal_dump_value(bytes, Value(code)));
    data = TRY(call1(Value(tp_memoryview), bytes_from(bytes)));
  }
  return Value(tuple_of({data, Bool(m->ispkg), m->origname ? Value(str_new(m->origname)) : None()}));
}
// get_frozen_object(name, data=None): the module's code object (from `data`,
// marshalled code, when given).
static Result<Value> imp_get_frozen_object(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("get_frozen_object", a, n, kw, {"", "data"}, 1, out));
  if (out[1] && !is_none(out[1])) {
    std::string_view data = TRY(buffer_view(out[1]));
    Value code = TRY(marshal_load_value(data));
    if (!is_code(code)) return raise(tp_TypeError, "frozen object is not a code object");
    return code;
  }
  const FrozenModule* m = TRY(frozen_arg("get_frozen_object", out[0], true));
  return Value(TRY(frozen_code(m)));
}
static Result<Value> imp_init_frozen(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("init_frozen", n, 1, 1));
  if (!TRY(frozen_arg("init_frozen", a[0], false))) return None();
  return import_frozen(as_str(a[0]));
}
static Result<Value> imp_frozen_names(Value*, int64_t, Tuple*) { return Value(TRY(frozen_names())); }
static Result<Value> imp_override_frozen(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_override_frozen_modules_for_tests", n, 1, 1));
  frozen_set_override(int(TRY(as_ssize(a[0]))));
  return None();
}
// _fix_co_filename(code, path): code objects named as `code` is get `path`
// instead (importlib calls it when a cached code object's file moved).
static void fix_co_filename(Code* c, Str* old_name, Str* new_name) {
  if (c->filename != old_name && !(c->filename && c->filename->view() == old_name->view())) return;
  c->filename = new_name;
  for (int64_t i = 0; i < c->consts->size; i++)
    if (is_code(c->consts->items[i])) fix_co_filename(c->consts->items[i].as<Code>(), old_name, new_name);
}
static Result<Value> imp_fix_co_filename(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_fix_co_filename", n, 2, 2));
  if (!is_code(a[0])) return raise_fmt(tp_TypeError, "_fix_co_filename() argument 1 must be code, not %s", type_name(a[0]));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "_fix_co_filename() argument 2 must be str, not %s", type_name(a[1]));
  Code* c = a[0].as<Code>();
  if (c->filename && c->filename->view() != as_str(a[1])->view()) fix_co_filename(c, c->filename, as_str(a[1]));
  return None();
}
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
    {"is_frozen", imp_is_frozen}, {"is_frozen_package", imp_is_frozen_package}, {"find_frozen", imp_find_frozen},
    {"init_frozen", imp_init_frozen}, {"get_frozen_object", imp_get_frozen_object},
    {"_frozen_module_names", imp_frozen_names}, {"acquire_lock", imp_none}, {"release_lock", imp_none},
    {"lock_held", imp_false}, {"extension_suffixes", imp_extension_suffixes}, {"_fix_co_filename", imp_fix_co_filename},
    {"source_hash", imp_source_hash}, {"create_dynamic", imp_none}, {"exec_dynamic", imp_exec_builtin},
    {"_override_frozen_modules_for_tests", imp_override_frozen}, {"_override_multi_interp_extensions_check", imp_none},
    {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_imp", functions);
  dict_set_str(m->dict, str_intern("check_hash_based_pycs"), Value(str_intern("never")));
  dict_set_str(m->dict, str_intern("pyc_magic_number_token"), Value::small(0));
  return Value(m);
}
GILPY_NATIVE_MODULE("_imp", init);

}  // namespace gilpy
