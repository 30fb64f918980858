// Interpreter state, the native-module registry, and running code.
#include "runtime/interp.h"

#include "bytecode/opcodes.h"
#include "objects/generator.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "compiler/compile.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/type.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "vm/call.h"

namespace gilpy {

Interp g_interp;

const char* python_env_value(const char* name) {
  if (g_interp.ignore_environment) return nullptr;
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

static std::map<std::string, ModuleInit>& registry() {
  static std::map<std::string, ModuleInit> r;
  return r;
}
void register_native_module(const char* name, ModuleInit init) { registry()[name] = init; }
ModuleInit find_native_module(std::string_view name) {
  auto it = registry().find(std::string(name));
  return it == registry().end() ? nullptr : it->second;
}
std::vector<std::string> native_module_names() {
  std::vector<std::string> v;
  for (auto& [k, _] : registry()) v.push_back(k);
  return v;
}

Module* native_module_new(const char* name, const MethodDef* functions, const char* doc) {
  Module* m = module_new(name);
  if (doc) dict_set_str(m->dict, N.__doc__, str_value(doc));
  Value mn = Value(str_intern(name));
  for (const MethodDef* d = functions; d && d->name; d++) {
    Builtin* b = builtin_new(d->name, d->fn, Value(), d->doc);
    // METH_NOARGS / METH_O: the call checks the count ("sys.exc_info() takes no arguments (1 given)").
    if (d->kind == MethKind::NoArgs) b->arity = Arity::NoArgs;
    if (d->kind == MethKind::O) b->arity = Arity::O;
    b->module_obj = Value(m);
    b->module = mn;
    dict_set_str(m->dict, str_intern(d->name), Value(b));
  }
  return m;
}

Result<Value> run_code(Code* code, Dict* globals, Value locals) {
  Value builtins = builtins_from_globals(globals);
  Frame* f = frame_new(code, globals, locals, nullptr);
  f->builtins = builtins;
  // Module code compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT that awaits is a
  // coroutine: exec/eval give the coroutine object, unstarted.
  if (code->flags & (bytecode::CO_COROUTINE | bytecode::CO_GENERATOR | bytecode::CO_ASYNC_GENERATOR)) {
    return Value(generator_new(f, nullptr));  // it owns the frame
  }
  return eval_frame(f);
}

Result<Value> exec_source(std::string_view source, Str* filename, Dict* globals, Value locals, int mode,
                          uint32_t flags) {
  Code* code = TRY(compiler::compile_source(source, filename, parser::Mode(mode), flags));
  return run_code(code, globals, locals ? locals : Value(globals));
}

// SystemExit: None -> 0, an int -> that status, anything else printed to stderr -> 1.
int handle_system_exit() {
  Value exc = exc_fetch();
  Value code = None();
  Result<Value> c = getattr(exc, N.code);
  if (c.ok()) code = c.value();
  else exc_clear();
  if (is_none(code)) return 0;
  int64_t v;
  if (is_int(code) && int_fits_i64(code, &v)) return int(v);
  Value err = sys_get(N.stderr);
  Result<Str*> s = str(code);
  if (s.ok() && err && !is_none(err)) {
    Result<Value> r = call_method1(err, N.write, Value(s.value()));
    if (r.ok()) r = call_method1(err, N.write, Value(str_intern("\n")));
    if (r.is_err()) exc_clear();
  } else {
    exc_clear();
  }
  return 1;
}

}  // namespace gilpy
