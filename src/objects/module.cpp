// module objects and the None / NotImplemented / Ellipsis singletons' types.
#include "objects/module.h"

#include <string>

#include "objects/dict.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

Module* module_new(Str* name) {
  Module* m = static_cast<Module*>(alloc_instance(tp_module, sizeof(Module)));
  m->dict = dict_new();
  dict_set_str(m->dict, N.__name__, name);
  dict_set_str(m->dict, N.__doc__, None());
  dict_set_str(m->dict, N.__package__, None());
  dict_set_str(m->dict, N.__loader__, None());
  dict_set_str(m->dict, N.__spec__, None());
  return m;
}
Module* module_new(const char* name) { return module_new(str_intern(name)); }

static Result<Value> module_new_m(Value* a, int64_t n, Tuple*) {
  Module* m = static_cast<Module*>(alloc_instance(as_type(a[0]), sizeof(Module)));
  m->dict = dict_new();
  return Value(m);
}
static Result<Value> module_init_m(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("module", a + 1, n - 1, kw, {"name", "doc"}, 1, out));
  if (!is_str(out[0])) return raise_fmt(tp_TypeError, "module() argument 'name' must be str, not %s", type_name(out[0]));
  Dict* d = a[0].as<Module>()->dict;
  dict_set_str(d, N.__name__, out[0]);
  dict_set_str(d, N.__doc__, out[1] ? out[1] : None());
  dict_set_str(d, N.__package__, None());
  dict_set_str(d, N.__loader__, None());
  dict_set_str(d, N.__spec__, None());
  return None();
}
static Result<Value> module_repr(Value* a, int64_t, Tuple*) {
  Dict* d = a[0].as<Module>()->dict;
  Value name = dict_get_str(d, N.__name__);
  std::string n = name && is_str(name) ? std::string(as_str(name)->view()) : "?";
  // A frozen module's spec (origin 'frozen', no location) makes its repr, as
  // importlib's _module_repr_from_spec does, even with a __file__.
  Value fspec = dict_get_str(d, N.__spec__);
  if (fspec && !is_none(fspec)) {
    Value origin, has_location, sname;
    TRY(getattr_opt(fspec, str_intern("origin"), &origin));
    if (origin && is_str(origin) && as_str(origin)->view() == "frozen") {
      TRY(getattr_opt(fspec, str_intern("has_location"), &has_location));
      TRY(getattr_opt(fspec, N.name, &sname));
      if (has_location && !TRY(truthy(has_location)) && sname && is_str(sname))
        return Value(str_new("<module '" + std::string(as_str(sname)->view()) + "' (frozen)>"));
    }
  }
  Value file = dict_get_str(d, N.__file__);
  if (file && is_str(file)) return Value(str_new("<module '" + n + "' from '" + std::string(as_str(file)->view()) + "'>"));
  Value spec = dict_get_str(d, N.__spec__);
  Value loader = dict_get_str(d, N.__loader__);
  if (loader && !is_none(loader)) {
    Value origin;
    if (spec && !is_none(spec)) TRY(getattr_opt(spec, str_intern("origin"), &origin));
    if (origin && is_str(origin) && std::string(as_str(origin)->view()) == "built-in")
      return Value(str_new("<module '" + n + "' (built-in)>"));
    Str* lr = TRY(repr(loader));
    return Value(str_new("<module '" + n + "' (" + std::string(lr->view()) + ")>"));
  }
  // A native module imported before importlib was set up has no loader yet;
  // CPython's are built in from the start.
  if ((!loader || is_none(loader)) && (find_native_module(n) || n == "sys" || n == "builtins") &&
      g_interp.modules && dict_get_str(g_interp.modules, str_new(n)) == a[0])
    return Value(str_new("<module '" + n + "' (built-in)>"));
  return Value(str_new("<module '" + n + "'>"));
}
static Result<Value> module_dir(Value* a, int64_t, Tuple*) {
  // Through the attribute, as CPython: a subclass may shadow __dict__.
  Value dv = TRY(getattr(a[0], N.__dict__));
  if (!is_dict(dv)) return raise(tp_TypeError, "<module>.__dict__ is not a dictionary");
  Dict* d = as_dict(dv);
  Value hook = dict_get_str(d, N.__dir__);
  if (hook) return call0(hook);
  List* l = list_new(0);
  int64_t pos = 0;
  Value k;
  while (dict_next(d, &pos, &k, nullptr)) TRY(list_append(l, k));
  return Value(l);
}
static Result<Value> m_dict(Value s) { return Value(s.as<Module>()->dict); }
static const MethodDef module_methods[] = {{"__new__", module_new_m, MethKind::Static}, {"__init__", module_init_m},
                                           {"__repr__", module_repr}, {"__dir__", module_dir}, {nullptr, nullptr}};
// module.__annotations__ (3.10+): made empty on first read, so that every
// module has one without SETUP_ANNOTATIONS having run.
static Result<Value> m_annotations(Value s) {
  Dict* d = s.as<Module>()->dict;
  Value a = dict_get_str(d, N.__annotations__);
  if (a) return a;
  Value fresh = Value(dict_new());
  dict_set_str(d, N.__annotations__, fresh);
  return fresh;
}
static Status m_annotations_set(Value s, Value v) {
  Dict* d = s.as<Module>()->dict;
  if (v) {
    dict_set_str(d, N.__annotations__, v);
    return OK();
  }
  if (!dict_del_str(d, N.__annotations__)) return raise(tp_AttributeError, "__annotations__");
  return OK();
}
static const GetSetDef module_getsets[] = {
    {"__dict__", m_dict}, {"__annotations__", m_annotations, m_annotations_set}, {nullptr, nullptr}};

void init_module_type() {
  type_add_methods(tp_module, module_methods);
  type_add_getsets(tp_module, module_getsets);
}

// ---- singletons ------------------------------------------------------------------------
static Result<Value> none_repr(Value*, int64_t, Tuple*) { return Value(str_intern("None")); }
static Result<Value> none_bool(Value*, int64_t, Tuple*) { return False(); }
static Result<Value> none_new(Value* a, int64_t n, Tuple* kw) {
  if (n > 1 || (kw && kw->size)) return raise(tp_TypeError, "NoneType takes no arguments");
  return None();
}
static Result<Value> ni_repr(Value*, int64_t, Tuple*) { return Value(str_intern("NotImplemented")); }
static Result<Value> ni_new(Value* a, int64_t n, Tuple* kw) {
  if (n > 1 || (kw && kw->size)) return raise(tp_TypeError, "NotImplementedType takes no arguments");
  return Value(g_NotImplemented);
}
static Result<Value> ni_bool(Value*, int64_t, Tuple*) {  // deprecated since 3.9, still true
  TRY(warn(tp_DeprecationWarning, "NotImplemented should not be used in a boolean context"));
  return True();
}
static Result<Value> ni_reduce(Value*, int64_t, Tuple*) { return Value(str_intern("NotImplemented")); }
static Result<Value> ell_repr(Value*, int64_t, Tuple*) { return Value(str_intern("Ellipsis")); }
static Result<Value> ell_new(Value* a, int64_t n, Tuple* kw) {
  if (n > 1 || (kw && kw->size)) return raise(tp_TypeError, "ellipsis takes no arguments");
  return Value(g_Ellipsis);
}
static Result<Value> ell_reduce(Value*, int64_t, Tuple*) { return Value(str_intern("Ellipsis")); }
static const MethodDef none_methods[] = {{"__new__", none_new, MethKind::Static}, {"__repr__", none_repr},
                                         {"__bool__", none_bool}, {nullptr, nullptr}};
static const MethodDef ni_methods[] = {{"__new__", ni_new, MethKind::Static}, {"__repr__", ni_repr},
                                       {"__bool__", ni_bool}, {"__reduce__", ni_reduce}, {nullptr, nullptr}};
static const MethodDef ell_methods[] = {{"__new__", ell_new, MethKind::Static}, {"__repr__", ell_repr},
                                        {"__reduce__", ell_reduce}, {nullptr, nullptr}};

void init_singleton_types() {
  type_add_methods(tp_NoneType, none_methods);
  type_add_methods(tp_NotImplementedType, ni_methods);
  type_add_methods(tp_ellipsis, ell_methods);
}

}  // namespace gilpy
