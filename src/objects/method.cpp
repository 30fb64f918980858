// Bound methods (types.MethodType): a callable and the object it is bound to.
// Calling one calls func(self, *args); attribute reads the method itself
// lacks are forwarded to the function (CPython's method_getattro).
#include <cstddef>
#include <string>

#include "objects/function.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "objects/module.h"
#include "runtime/interp.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

Value method_new(Value func, Value self) {
  BoundMethod* m = static_cast<BoundMethod*>(alloc_instance(tp_method, sizeof(BoundMethod)));
  m->func = func;
  m->self = self;
  return Value(m);
}

static BoundMethod* BM(Value v) { return v.as<BoundMethod>(); }
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
    {"__name__", m_name}, {"__qualname__", m_qualname},
    {"__doc__", m_doc}, {"__module__", m_module}, {nullptr, nullptr}};
static Result<Value> m_new(Value* a, int64_t n, Tuple* kw) {
  if (kw && kw->size) return raise(tp_TypeError, "method() takes no keyword arguments");
  if (n - 1 != 2) return raise_fmt(tp_TypeError, "method expected 2 arguments, got %lld", (long long)(n - 1));
  if (!is_callable(a[1])) return raise(tp_TypeError, "first argument must be callable");
  if (is_none(a[2])) return raise(tp_TypeError, "instance must not be None");
  return method_new(a[1], a[2]);
}
// A bound method pickles as getattr(self, name), as CPython's method_reduce.
static Result<Value> m_reduce(Value* a, int64_t, Tuple*) {
  BoundMethod* m = a[0].as<BoundMethod>();
  Value name = TRY(getattr(m->func, N.__name__));
  Value ga = TRY(getattr(Value(g_interp.builtins), str_intern("getattr")));
  return Value(tuple_of({ga, Value(tuple_of({m->self, name}))}));
}
static const MethodDef method_methods[] = {{"__new__", m_new, MethKind::Static}, {"__repr__", m_repr}, {"__eq__", m_eq}, {"__hash__", m_hash},
                                           {"__call__", m_call}, {"__getattribute__", m_getattribute},
                                           {"__reduce__", m_reduce},
                                           {nullptr, nullptr}};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
static const MemberDef method_members[] = {
    {"__func__", int32_t(offsetof(BoundMethod, func)), MEMBER_READONLY},
    {"__self__", int32_t(offsetof(BoundMethod, self)), MEMBER_READONLY},
    {nullptr, 0, 0}};
#pragma GCC diagnostic pop

void init_method_type() {
  type_add_getsets(tp_method, method_getsets);
  type_add_members(tp_method, method_members);
  type_add_methods(tp_method, method_methods);
}

}  // namespace gilpy
