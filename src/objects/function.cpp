// Python function objects: creation (MAKE_FUNCTION and types.FunctionType)
// and their Python-visible attributes.
//
// Invariants the VM relies on (vm/call.cpp reads them on every call, nothing
// caches them, so assigning an attribute changes the next call):
//   - `code` is a code object whose co_freevars count equals the closure's
//     length (checked by the constructor and by the __code__ setter);
//   - `closure` is null or a tuple of cells;
//   - `defaults` is null or a tuple, `kwdefaults` null or a dict;
//   - `builtins` is the globals' __builtins__ (a module stands for its dict:
//     usually a dict, but any object, as in CPython), or the interpreter's.
#include "objects/function.h"

#include <cstddef>
#include <cstdio>
#include <string>

#include "objects/code.h"
#include "objects/frame.h"
#include "runtime/thread_state.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

Function* function_new(Code* code, Dict* globals, Str* qualname) {
  Function* f = static_cast<Function*>(alloc_instance(tp_function, sizeof(Function)));
  f->code = code;
  f->globals = globals;
  f->name = code->name;
  f->qualname = qualname ? qualname : code->name;
  f->doc = code->docstring ? code->docstring : None();
  Value mod = dict_get_str(globals, N.__name__);
  f->module = mod ? mod : None();
  // CPython's _PyEval_BuiltinsFromGlobals: the globals' __builtins__ (a module
  // stands for its dict), else the running frame's builtins (bpo-42990), else
  // the interpreter's.
  f->builtins = builtins_from_globals(globals);
  return f;
}

Value builtins_from_globals(Dict* globals) {
  Value b = dict_get_str(globals, N.__builtins__);
  if (b && has_layout(b, Layout::Module)) {
    Dict** d = instance_dict_ptr(b);
    if (d && *d) return Value(*d);
  }
  if (b) return b;
  if (t_ts && t_ts->frame && t_ts->frame->builtins) return t_ts->frame->builtins;
  return Value(g_interp.builtins->dict);
}

// function(code, globals, name=None, argdefs=None, closure=None): checks and
// messages as CPython 3.11's func_new_impl.
static Result<Value> fn_new(Value* a, int64_t n, Tuple* kw) {
  Value arg[5];
  TRY(parse_args("function", a + 1, n - 1, kw, {"code", "globals", "name", "argdefs", "closure"}, 2, arg));
  if (!is_code(arg[0]))
    return raise_fmt(tp_TypeError, "function() argument 'code' must be code, not %s", type_name(arg[0]));
  if (!is_dict(arg[1]))
    return raise_fmt(tp_TypeError, "function() argument 'globals' must be dict, not %s", type_name(arg[1]));
  Code* code = arg[0].as<Code>();
  Value name = arg[2] ? arg[2] : None(), defaults = arg[3] ? arg[3] : None(), closure = arg[4] ? arg[4] : None();
  if (!is_none(name) && !is_str(name)) return raise(tp_TypeError, "arg 3 (name) must be None or string");
  if (!is_none(defaults) && !is_tuple(defaults)) return raise(tp_TypeError, "arg 4 (defaults) must be None or tuple");
  if (!is_tuple(closure)) {
    if (code->nfrees && is_none(closure)) return raise(tp_TypeError, "arg 5 (closure) must be tuple");
    if (!is_none(closure)) return raise(tp_TypeError, "arg 5 (closure) must be None or tuple");
  }
  int64_t nclosure = is_none(closure) ? 0 : as_tuple(closure)->size;
  if (code->nfrees != nclosure)
    return raise_fmt(tp_ValueError, "%s requires closure of length %d, not %lld", code->name->data, code->nfrees,
                     (long long)nclosure);
  for (int64_t i = 0; i < nclosure; i++) {
    Value c = as_tuple(closure)->items[i];
    if (c.type() != tp_cell)
      return raise_fmt(tp_TypeError, "arg 5 (closure) expected cell, found %s", type_name(c));
  }
  Function* f = function_new(code, as_dict(arg[1]), code->qualname);
  if (!is_none(name)) f->name = as_str(name);
  if (!is_none(defaults)) f->defaults = as_tuple(defaults);
  if (!is_none(closure)) f->closure = as_tuple(closure);
  return Value(f);
}

// ---- attributes ----
static Function* FN(Value v) { return v.as<Function>(); }
static Result<Value> fn_name(Value s) { return Value(FN(s)->name); }
static Status fn_name_set(Value s, Value v) {
  if (!v || !is_str(v)) return raise(tp_TypeError, "__name__ must be set to a string object");
  FN(s)->name = as_str(v);
  return OK();
}
static Result<Value> fn_qualname(Value s) { return Value(FN(s)->qualname); }
static Status fn_qualname_set(Value s, Value v) {
  if (!v || !is_str(v)) return raise(tp_TypeError, "__qualname__ must be set to a string object");
  FN(s)->qualname = as_str(v);
  return OK();
}
static Result<Value> fn_code(Value s) { return Value(FN(s)->code); }
static Status fn_code_set(Value s, Value v) {
  if (!v || v.type() != tp_code) return raise(tp_TypeError, "__code__ must be set to a code object");
  Code* c = v.as<Code>();
  int64_t nclosure = FN(s)->closure ? FN(s)->closure->size : 0;
  if (c->nfrees != nclosure)
    return raise_fmt(tp_ValueError, "%s() requires a code object with %lld free vars, not %d", FN(s)->name->data,
                     (long long)nclosure, c->nfrees);
  FN(s)->code = c;
  return OK();
}
static Result<Value> fn_defaults(Value s) { return FN(s)->defaults ? Value(FN(s)->defaults) : None(); }
static Status fn_defaults_set(Value s, Value v) {
  if (!v || is_none(v)) { FN(s)->defaults = nullptr; return OK(); }
  if (!is_tuple(v)) return raise(tp_TypeError, "__defaults__ must be set to a tuple object");
  FN(s)->defaults = as_tuple(v);
  return OK();
}
static Result<Value> fn_kwdefaults(Value s) { return FN(s)->kwdefaults ? Value(FN(s)->kwdefaults) : None(); }
static Status fn_kwdefaults_set(Value s, Value v) {
  if (!v || is_none(v)) { FN(s)->kwdefaults = nullptr; return OK(); }
  if (!is_dict(v)) return raise(tp_TypeError, "__kwdefaults__ must be set to a dict object");
  FN(s)->kwdefaults = as_dict(v);
  return OK();
}
// __annotations__: made (empty) on first read, as CPython's func_get_annotations.
static Result<Value> fn_annotations(Value s) {
  if (!FN(s)->annotations || is_none(FN(s)->annotations)) FN(s)->annotations = dict_new();
  return FN(s)->annotations;
}
static Status fn_annotations_set(Value s, Value v) {
  if (v && !is_none(v) && !is_dict(v)) return raise(tp_TypeError, "__annotations__ must be set to a dict object");
  FN(s)->annotations = v && !is_none(v) ? v : Value();
  return OK();
}
static Result<Value> fn_dict(Value s) {
  if (!FN(s)->dict) FN(s)->dict = dict_new();
  return Value(FN(s)->dict);
}
static Status fn_dict_set(Value s, Value v) {
  if (!v) return raise(tp_TypeError, "cannot delete __dict__");
  if (!is_dict(v)) return raise_fmt(tp_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
  FN(s)->dict = as_dict(v);
  return OK();
}

static Result<Value> fn_get(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__get__", n - 1, 1, 2));
  if (is_none(a[1])) return a[0];
  return method_new(a[0], a[1]);
}
static Result<Value> fn_repr(Value* a, int64_t, Tuple*) {
  char buf[48];
  std::snprintf(buf, sizeof buf, " at %#llx>", (unsigned long long)a[0].bits());
  return Value(str_new("<function " + std::string(FN(a[0])->qualname->view()) + buf));
}
static Result<Value> fn_call(Value* a, int64_t n, Tuple* kw) { return call(a[0], a + 1, n - 1, kw); }

static const GetSetDef function_getsets[] = {
    {"__name__", fn_name, fn_name_set}, {"__qualname__", fn_qualname, fn_qualname_set},
    {"__code__", fn_code, fn_code_set}, {"__defaults__", fn_defaults, fn_defaults_set},
    {"__kwdefaults__", fn_kwdefaults, fn_kwdefaults_set},
    {"__annotations__", fn_annotations, fn_annotations_set}, {"__dict__", fn_dict, fn_dict_set},
    {nullptr, nullptr}};
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
// CPython's func_memberlist: plain fields, read-only except __doc__ and __module__.
static const MemberDef function_members[] = {
    {"__closure__", int32_t(offsetof(Function, closure)), MEMBER_READONLY | MEMBER_OBJECT},
    {"__doc__", int32_t(offsetof(Function, doc)), MEMBER_OBJECT},
    {"__globals__", int32_t(offsetof(Function, globals)), MEMBER_READONLY | MEMBER_OBJECT},
    {"__module__", int32_t(offsetof(Function, module)), MEMBER_OBJECT},
    {"__builtins__", int32_t(offsetof(Function, builtins)), MEMBER_READONLY | MEMBER_OBJECT},
    {nullptr, 0, 0}};
#pragma GCC diagnostic pop
static const MethodDef function_methods[] = {{"__new__", fn_new, MethKind::Static},
                                             {"__get__", fn_get},
                                             {"__repr__", fn_repr},
                                             {"__call__", fn_call},
                                             {nullptr, nullptr}};

void init_method_type();
void init_cell_type();
void init_builtin_function_types();
void init_code_type();

void init_function_types() {
  type_add_getsets(tp_function, function_getsets);
  type_add_members(tp_function, function_members);
  type_add_methods(tp_function, function_methods);
  init_method_type();
  init_cell_type();
  init_builtin_function_types();
  init_code_type();
}

}  // namespace gilpy
