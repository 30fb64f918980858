// function, method (bound method), cell, builtin_function_or_method and
// method_descriptor objects and their Python-visible attributes.
#include "objects/function.h"

#include <cstdio>
#include <string>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
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
  Value b = dict_get_str(globals, N.__builtins__);
  if (b && is_dict(b)) f->builtins = as_dict(b);
  else if (b && has_layout(b, Layout::Module)) f->builtins = *reinterpret_cast<Dict**>(reinterpret_cast<char*>(b.obj()) + 8);
  return f;
}

Cell* cell_new(Value v) {
  Cell* c = static_cast<Cell*>(alloc_instance(tp_cell, sizeof(Cell)));
  c->ref = v;
  return c;
}

Value method_new(Value func, Value self) {
  BoundMethod* m = static_cast<BoundMethod*>(alloc_instance(tp_method, sizeof(BoundMethod)));
  m->func = func;
  m->self = self;
  return Value(m);
}

Builtin* builtin_new(const char* name, NativeFn fn, Value self, const char* doc) {
  Builtin* b = static_cast<Builtin*>(alloc_instance(tp_builtin_function_or_method, sizeof(Builtin)));
  b->fn = fn;
  b->name = str_intern(name);
  b->self = self;
  b->doc = doc;
  return b;
}

// The dunders CPython implements as type slots: their descriptors are "slot
// wrappers" (wrapper_descriptor), the others plain method_descriptors.
static bool is_slot_name(std::string_view n) {
  static const char* const slots[] = {
      "__abs__", "__add__", "__aiter__", "__and__", "__anext__", "__await__", "__bool__", "__call__",
      "__contains__", "__del__", "__delattr__", "__delete__", "__delitem__", "__divmod__", "__eq__", "__float__",
      "__floordiv__", "__ge__", "__get__", "__getattribute__", "__getitem__", "__gt__", "__hash__", "__iadd__",
      "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imod__", "__imul__", "__index__", "__init__",
      "__int__", "__invert__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__iter__", "__itruediv__",
      "__ixor__", "__le__", "__len__", "__lshift__", "__lt__", "__matmul__", "__mod__", "__mul__", "__ne__",
      "__neg__", "__next__", "__or__", "__pos__", "__pow__", "__radd__", "__rand__", "__rdivmod__", "__repr__",
      "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmod__", "__rmul__", "__ror__", "__rpow__", "__rrshift__",
      "__rshift__", "__rsub__", "__rtruediv__", "__rxor__", "__set__", "__setattr__", "__setitem__", "__str__",
      "__sub__", "__truediv__", "__xor__"};
  if (n.size() < 5 || n[0] != '_' || n[1] != '_') return false;
  for (const char* s : slots)
    if (n == s) return true;
  return false;
}

Builtin* method_descr_new(Type* owner, const char* name, NativeFn fn, const char* doc) {
  Builtin* b = builtin_new(name, fn, Value(), doc);
  std::string_view n = name;
  // CPython keeps these few as method_descriptors (defined alongside the slot).
  bool coexist = ((owner == tp_list || owner == tp_dict) && n == "__getitem__") ||
                 ((owner == tp_dict || owner == tp_set || owner == tp_frozenset) && n == "__contains__");
  b->type = is_slot_name(n) && !coexist ? tp_wrapper_descriptor : tp_method_descriptor;
  b->owner = owner;
  return b;
}

// ---- function attributes ----
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
static Result<Value> fn_doc(Value s) { return FN(s)->doc ? FN(s)->doc : None(); }
static Status fn_doc_set(Value s, Value v) { FN(s)->doc = v ? v : None(); return OK(); }
static Result<Value> fn_module(Value s) { return FN(s)->module ? FN(s)->module : None(); }
static Status fn_module_set(Value s, Value v) { FN(s)->module = v ? v : None(); return OK(); }
static Result<Value> fn_code(Value s) { return Value(FN(s)->code); }
static Status fn_code_set(Value s, Value v) {
  if (!v || v.type() != tp_code) return raise(tp_TypeError, "__code__ must be set to a code object");
  FN(s)->code = v.as<Code>();
  return OK();
}
static Result<Value> fn_globals(Value s) { return Value(FN(s)->globals); }
static Result<Value> fn_builtins(Value s) { return Value(FN(s)->builtins); }
static Result<Value> fn_closure(Value s) { return FN(s)->closure ? Value(FN(s)->closure) : None(); }
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
  if (!v || !is_dict(v)) return raise(tp_TypeError, "__dict__ must be set to a dictionary");
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
    {"__doc__", fn_doc, fn_doc_set}, {"__module__", fn_module, fn_module_set},
    {"__code__", fn_code, fn_code_set}, {"__globals__", fn_globals}, {"__builtins__", fn_builtins},
    {"__closure__", fn_closure}, {"__defaults__", fn_defaults, fn_defaults_set},
    {"__kwdefaults__", fn_kwdefaults, fn_kwdefaults_set},
    {"__annotations__", fn_annotations, fn_annotations_set}, {"__dict__", fn_dict, fn_dict_set},
    {nullptr, nullptr}};
static const MethodDef function_methods[] = {
    {"__get__", fn_get}, {"__repr__", fn_repr}, {"__call__", fn_call}, {nullptr, nullptr}};

// ---- bound methods ----
static BoundMethod* BM(Value v) { return v.as<BoundMethod>(); }
static Result<Value> m_func(Value s) { return BM(s)->func; }
static Result<Value> m_self(Value s) { return BM(s)->self; }
static Result<Value> m_name(Value s) { return getattr(BM(s)->func, N.__name__); }
static Result<Value> m_qualname(Value s) { return getattr(BM(s)->func, N.__qualname__); }
static Result<Value> m_doc(Value s) { return getattr(BM(s)->func, N.__doc__); }
static Result<Value> m_module(Value s) { return getattr(BM(s)->func, N.__module__); }
static Result<Value> m_repr(Value* a, int64_t, Tuple*) {
  Value qn;
  TRY(getattr_opt(BM(a[0])->func, N.__qualname__, &qn));
  if (!qn) TRY(getattr_opt(BM(a[0])->func, N.__name__, &qn));
  Str* self_r = TRY(repr(BM(a[0])->self));
  std::string q = qn && is_str(qn) ? std::string(as_str(qn)->view()) : "?";
  return Value(str_new("<bound method " + q + " of " + std::string(self_r->view()) + ">"));
}
static Result<Value> m_eq(Value* a, int64_t, Tuple*) {
  if (a[1].type() != tp_method) return Value(g_NotImplemented);
  bool same = BM(a[0])->self == BM(a[1])->self;
  if (!same) return False();
  return richcompare(BM(a[0])->func, BM(a[1])->func, 2);
}
static Result<Value> m_hash(Value* a, int64_t, Tuple*) {
  int64_t h1 = TRY(hash(BM(a[0])->func));
  return Value::small((h1 ^ int64_t(BM(a[0])->self.bits() >> 4)) & Value::kSmallMax);
}
static Result<Value> m_call(Value* a, int64_t n, Tuple* kw) { return call(a[0], a + 1, n - 1, kw); }
static Result<Value> m_getattribute(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getattribute__", n - 1, 1, 1));
  if (!is_str(a[1])) return raise(tp_TypeError, "attribute name must be string");
  Str* name = str_intern(as_str(a[1]));
  Result<Value> r = generic_getattr(a[0], name, true);
  if (r.ok() || exc_pending()) return r;
  return getattr(BM(a[0])->func, name);
}
static const GetSetDef method_getsets[] = {
    {"__func__", m_func}, {"__self__", m_self}, {"__name__", m_name}, {"__qualname__", m_qualname},
    {"__doc__", m_doc}, {"__module__", m_module}, {nullptr, nullptr}};
static Result<Value> m_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("method", kw));
  TRY(check_nargs("method", n - 1, 2, 2));
  if (!is_callable(a[1])) return raise(tp_TypeError, "first argument must be callable");
  if (is_none(a[2])) return raise(tp_TypeError, "instance must not be None");
  return method_new(a[1], a[2]);
}
static const MethodDef method_methods[] = {{"__new__", m_new, MethKind::Static}, {"__repr__", m_repr}, {"__eq__", m_eq}, {"__hash__", m_hash},
                                           {"__call__", m_call}, {"__getattribute__", m_getattribute},
                                           {nullptr, nullptr}};

// ---- cells ----
static Result<Value> cell_contents(Value s) {
  Value v = s.as<Cell>()->ref;
  if (!v) return raise(tp_ValueError, "Cell is empty");
  return v;
}
static Status cell_contents_set(Value s, Value v) {
  s.as<Cell>()->ref = v;
  return OK();
}
static const GetSetDef cell_getsets[] = {{"cell_contents", cell_contents, cell_contents_set}, {nullptr, nullptr}};

// ---- builtins and method descriptors ----
static Builtin* BI(Value v) { return v.as<Builtin>(); }
static Result<Value> b_name(Value s) { return Value(BI(s)->name); }
static Result<Value> b_qualname(Value s) {
  Builtin* b = BI(s);
  if (b->owner) return Value(str_new(std::string(b->owner->name->view()) + "." + std::string(b->name->view())));
  if (b->self && !is_none(b->self) && !has_layout(b->self, Layout::Module)) {
    Type* t = is_type(b->self) ? as_type(b->self) : b->self.type();
    return Value(str_new(std::string(t->name->view()) + "." + std::string(b->name->view())));
  }
  return Value(b->name);
}
static Result<Value> b_self(Value s) {
  if (BI(s)->self) return BI(s)->self;
  return BI(s)->module_obj ? BI(s)->module_obj : None();
}
static Result<Value> b_doc(Value s) { return BI(s)->doc ? str_value(BI(s)->doc) : None(); }
static Result<Value> b_module(Value s) { return BI(s)->module ? BI(s)->module : None(); }
static Status b_module_set(Value s, Value v) { BI(s)->module = v; return OK(); }
static Result<Value> b_objclass(Value s) { return BI(s)->owner ? Value(BI(s)->owner) : None(); }
static Result<Value> b_text_signature(Value) { return None(); }
static Result<Value> b_repr(Value* a, int64_t, Tuple*) {
  Builtin* b = BI(a[0]);
  if (a[0].type() == tp_method_descriptor)
    return Value(str_new("<method '" + std::string(b->name->view()) + "' of '" +
                         std::string(b->owner->name->view()) + "' objects>"));
  if (a[0].type() == tp_wrapper_descriptor)
    return Value(str_new("<slot wrapper '" + std::string(b->name->view()) + "' of '" +
                         std::string(b->owner->name->view()) + "' objects>"));
  if (a[0].type() == tp_classmethod_descriptor)
    return Value(str_new("<method '" + std::string(b->name->view()) + "' of '" +
                         std::string(b->owner->name->view()) + "' objects>"));
  if (!b->self || has_layout(b->self, Layout::Module))
    return Value(str_new("<built-in function " + std::string(b->name->view()) + ">"));
  char buf[48];
  if (a[0].type() == tp_method_wrapper) {
    std::snprintf(buf, sizeof buf, " object at %#llx>", (unsigned long long)b->self.bits());
    return Value(str_new("<method-wrapper '" + std::string(b->name->view()) + "' of " + type_name(b->self) + buf));
  }
  std::snprintf(buf, sizeof buf, " object at %#llx>", (unsigned long long)b->self.bits());
  return Value(str_new("<built-in method " + std::string(b->name->view()) + " of " + type_name(b->self) + buf));
}
static Result<Value> descr_get_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__get__", n - 1, 1, 2));
  Value obj = is_none(a[1]) ? Value() : a[1];
  Value type = n > 2 && !is_none(a[2]) ? a[2] : Value();
  return descr_get(a[0], obj, type);
}
static Result<Value> b_call(Value* a, int64_t n, Tuple* kw) { return call(a[0], a + 1, n - 1, kw); }
static Result<Value> b_eq(Value* a, int64_t, Tuple*) {
  if (a[1].type() != a[0].type()) return Value(g_NotImplemented);
  return Bool(BI(a[0])->fn == BI(a[1])->fn && BI(a[0])->self == BI(a[1])->self);
}
static Result<Value> b_hash(Value* a, int64_t, Tuple*) {
  return Value::small(int64_t((reinterpret_cast<uintptr_t>(BI(a[0])->fn) >> 4) ^ (BI(a[0])->self.bits() >> 4)) &
                      Value::kSmallMax);
}
static const GetSetDef builtin_getsets[] = {
    {"__name__", b_name}, {"__qualname__", b_qualname}, {"__self__", b_self}, {"__doc__", b_doc},
    {"__module__", b_module, b_module_set}, {"__text_signature__", b_text_signature}, {nullptr, nullptr}};
static const GetSetDef descr_getsets[] = {{"__name__", b_name}, {"__qualname__", b_qualname}, {"__doc__", b_doc},
                                          {"__objclass__", b_objclass}, {"__text_signature__", b_text_signature},
                                          {nullptr, nullptr}};
static const GetSetDef method_wrapper_getsets[] = {
    {"__name__", b_name}, {"__qualname__", b_qualname}, {"__self__", b_self}, {"__doc__", b_doc},
    {"__objclass__", b_objclass}, {"__text_signature__", b_text_signature}, {nullptr, nullptr}};
// pickle saves a module-level builtin by name (the string form of __reduce__ means "a global",
// found again through __module__ and __qualname__); a bound one as getattr(self, name).
static Result<Value> b_reduce(Value* a, int64_t, Tuple*) {
  Builtin* b = BI(a[0]);
  if (!b->self || has_layout(b->self, Layout::Module)) return b_qualname(a[0]);
  Value builtins = TRY(import_module(str_intern("builtins")));
  Value ga = TRY(getattr(builtins, str_intern("getattr")));
  return Value(tuple_of({ga, Value(tuple_of({b->self, Value(b->name)}))}));
}
static const MethodDef builtin_methods[] = {{"__repr__", b_repr}, {"__call__", b_call}, {"__eq__", b_eq},
                                            {"__hash__", b_hash}, {"__reduce__", b_reduce}, {nullptr, nullptr}};
static const MethodDef descr_methods[] = {{"__repr__", b_repr}, {"__get__", descr_get_m}, {"__call__", b_call},
                                          {nullptr, nullptr}};

void init_code_type();

void init_function_types() {
  type_add_getsets(tp_function, function_getsets);
  type_add_methods(tp_function, function_methods);
  type_add_getsets(tp_method, method_getsets);
  type_add_methods(tp_method, method_methods);
  type_add_getsets(tp_cell, cell_getsets);
  type_add_getsets(tp_builtin_function_or_method, builtin_getsets);
  type_add_methods(tp_builtin_function_or_method, builtin_methods);
  type_add_getsets(tp_method_descriptor, descr_getsets);
  type_add_methods(tp_method_descriptor, descr_methods);
  type_add_getsets(tp_wrapper_descriptor, descr_getsets);
  type_add_methods(tp_wrapper_descriptor, descr_methods);
  type_add_getsets(tp_method_wrapper, method_wrapper_getsets);
  type_add_methods(tp_method_wrapper, builtin_methods);
  type_add_getsets(tp_classmethod_descriptor, descr_getsets);
  type_add_methods(tp_classmethod_descriptor, descr_methods);
  init_code_type();
}

}  // namespace gilpy
