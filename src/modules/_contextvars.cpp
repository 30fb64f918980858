// _contextvars: ContextVar, Token, Context and copy_context (PEP 567), the native half of
// contextvars.py that asyncio and decimal build on.
//
// Representation: a Context maps ContextVar -> value through a dict that is never mutated once
// a Context can see it (copy-on-write). Context.copy() and copy_context() therefore share the
// dict in O(1), and ContextVar.set() installs a fresh copy with the one entry changed. CPython
// uses a HAMT for O(log n) sets; programs keep few variables, so the copy is cheap in practice.
//
// The current context is per thread (ThreadState::context, null until first needed: then an
// empty Context is created, as CPython does lazily). Context.run() links the entered context to
// the previous one through `prev` and restores it on exit, even when the callable raises.
#include <cstdio>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

namespace {

Type* tp_Context;
Type* tp_ContextVar;
Type* tp_Token;
Type* tp_TokenMissing;
Object* g_missing;  // Token.MISSING

struct Context : Object {
  Dict* vars;      // immutable once shared (see the file comment)
  Context* prev;   // the context that was current when this one was entered
  bool entered;
};
struct ContextVar : Object {
  Str* name;
  Value dflt;      // null when the variable has no default
};
struct Token : Object {
  Context* ctx;    // the context the set() happened in
  ContextVar* var;
  Value old;       // previous value or Token.MISSING
  bool used;
};

Context* ctx_new(Dict* vars) {
  auto* c = static_cast<Context*>(alloc_instance(tp_Context, sizeof(Context)));
  c->vars = vars ? vars : dict_new();
  return c;
}

// The thread's current context, created on first use.
Context* current() {
  ThreadState* t = ts();
  if (!t->context) t->context = Value(ctx_new(nullptr));
  return t->context.as<Context>();
}

std::string addr(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%#llx", (unsigned long long)v.bits());
  return buf;
}

Result<Value> class_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__class_getitem__", n - 1, 1, 1));
  return call2(Value(tp_GenericAlias), a[0], a[1]);
}

// ---- ContextVar ----------------------------------------------------------------------------
Result<Value> cv_new(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("ContextVar", a + 1, n - 1, kw, {"name", "default"}, 1, out, 0, 1));
  if (!is_str(out[0])) return raise(tp_TypeError, "context variable name must be a str");
  auto* v = static_cast<ContextVar*>(alloc_instance(as_type(a[0]), sizeof(ContextVar)));
  v->name = as_str(out[0]);
  v->dflt = out[1];
  return Value(v);
}

Result<Value> cv_get(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("get", kw));
  TRY(check_nargs("get", n - 1, 0, 1));
  auto* v = a[0].as<ContextVar>();
  Value r;
  TRY(dict_get2(current()->vars, a[0], &r));
  if (r) return r;
  if (n > 1) return a[1];
  if (v->dflt) return v->dflt;
  return raise_with_args(tp_LookupError, &a[0], 1);
}

// Install vars' copy with var -> value (value null: removed) as the current context's mapping.
Status ctx_store(Context* c, Value var, Value value) {
  Dict* d = dict_copy(c->vars);
  if (value) TRY(dict_set(d, var, value));
  else TRY(dict_del(d, var));
  c->vars = d;
  return OK();
}

Result<Value> cv_set(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("set", kw));
  TRY(check_nargs("set", n - 1, 1, 1));
  Context* c = current();
  Value old;
  TRY(dict_get2(c->vars, a[0], &old));
  auto* t = static_cast<Token*>(alloc_instance(tp_Token, sizeof(Token)));
  t->ctx = c;
  t->var = a[0].as<ContextVar>();
  t->old = old ? old : Value(g_missing);
  TRY(ctx_store(c, a[0], a[1]));
  return Value(t);
}

Result<Value> cv_reset(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("reset", kw));
  TRY(check_nargs("reset", n - 1, 1, 1));
  if (a[1].type() != tp_Token)
    return raise_fmt(tp_TypeError, "expected an instance of Token, got '%s'", type_name(a[1]));
  auto* t = a[1].as<Token>();
  if (t->used) {
    Str* r = TRY(repr(a[1]));
    return raise_fmt(tp_RuntimeError, "%s has already been used once", r->data);
  }
  if (Value(t->var) != a[0]) {
    Str* r = TRY(repr(a[1]));
    return raise_fmt(tp_ValueError, "%s was created by a different ContextVar", r->data);
  }
  Context* c = current();
  if (t->ctx != c) {
    Str* r = TRY(repr(a[1]));
    return raise_fmt(tp_ValueError, "%s was created in a different Context", r->data);
  }
  t->used = true;
  if (t->old == Value(g_missing)) {
    Value cur;
    TRY(dict_get2(c->vars, a[0], &cur));
    if (cur) TRY(ctx_store(c, a[0], Value()));
  } else {
    TRY(ctx_store(c, a[0], t->old));
  }
  return None();
}

Result<Value> cv_repr(Value* a, int64_t, Tuple*) {
  auto* v = a[0].as<ContextVar>();
  Str* nr = TRY(repr(Value(v->name)));
  std::string s = "<ContextVar name=" + std::string(nr->view());
  if (v->dflt) {
    Str* dr = TRY(repr(v->dflt));
    s += " default=" + std::string(dr->view());
  }
  s += " at " + addr(a[0]) + ">";
  return str_value(s);
}

Result<Value> cv_name(Value self) { return Value(self.as<ContextVar>()->name); }

const MethodDef cv_methods[] = {
    {"__new__", cv_new, MethKind::Static},
    {"get", cv_get},
    {"set", cv_set},
    {"reset", cv_reset},
    {"__repr__", cv_repr},
    {"__class_getitem__", class_getitem, MethKind::Class},
    {nullptr, nullptr},
};
const GetSetDef cv_getsets[] = {{"name", cv_name}, {nullptr, nullptr}};

// ---- Token ---------------------------------------------------------------------------------
Result<Value> tok_new(Value*, int64_t, Tuple*) {
  return raise(tp_RuntimeError, "Tokens can only be created by ContextVars");
}
Result<Value> tok_repr(Value* a, int64_t, Tuple*) {
  auto* t = a[0].as<Token>();
  Str* vr = TRY(repr(Value(t->var)));
  std::string s = std::string("<Token") + (t->used ? " used" : "") + " var=" + std::string(vr->view()) + " at " +
                  addr(a[0]) + ">";
  return str_value(s);
}
Result<Value> tok_var(Value self) { return Value(self.as<Token>()->var); }
Result<Value> tok_old_value(Value self) { return self.as<Token>()->old; }

const MethodDef tok_methods[] = {
    {"__new__", tok_new, MethKind::Static},
    {"__repr__", tok_repr},
    {"__class_getitem__", class_getitem, MethKind::Class},
    {nullptr, nullptr},
};
const GetSetDef tok_getsets[] = {{"var", tok_var}, {"old_value", tok_old_value}, {nullptr, nullptr}};

Result<Value> missing_repr(Value*, int64_t, Tuple*) { return str_value("<Token.MISSING>"); }
const MethodDef missing_methods[] = {{"__repr__", missing_repr}, {nullptr, nullptr}};

// ---- Context -------------------------------------------------------------------------------
Result<Value> ctx_tp_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Context", kw));
  if (n > 1) return raise(tp_TypeError, "Context() does not accept any arguments");
  return Value(ctx_new(nullptr));
}

Status check_key(Value k) {
  if (k.type() != tp_ContextVar) {
    Str* r = TRY(repr(k));
    return raise_fmt(tp_TypeError, "a ContextVar key was expected, got %s", r->data);
  }
  return OK();
}

Result<Value> ctx_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getitem__", n - 1, 1, 1));
  TRY(check_key(a[1]));
  Value r;
  TRY(dict_get2(a[0].as<Context>()->vars, a[1], &r));
  if (!r) return raise_with_args(tp_KeyError, &a[1], 1);
  return r;
}
Result<Value> ctx_get(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("get", kw));
  TRY(check_nargs("get", n - 1, 1, 2));
  TRY(check_key(a[1]));
  Value r;
  TRY(dict_get2(a[0].as<Context>()->vars, a[1], &r));
  if (r) return r;
  return n > 2 ? a[2] : None();
}
Result<Value> ctx_contains(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__contains__", n - 1, 1, 1));
  TRY(check_key(a[1]));
  Value r;
  TRY(dict_get2(a[0].as<Context>()->vars, a[1], &r));
  return Bool(bool(r));
}
Result<Value> ctx_len(Value* a, int64_t, Tuple*) { return Value::small(a[0].as<Context>()->vars->used); }
Result<Value> ctx_iter(Value* a, int64_t, Tuple*) { return get_iter(Value(a[0].as<Context>()->vars)); }
Result<Value> ctx_keys(Value* a, int64_t, Tuple*) { return call_method0(Value(a[0].as<Context>()->vars), N.keys); }
Result<Value> ctx_values(Value* a, int64_t, Tuple*) { return call_method0(Value(a[0].as<Context>()->vars), N.values); }
Result<Value> ctx_items(Value* a, int64_t, Tuple*) { return call_method0(Value(a[0].as<Context>()->vars), N.items); }
Result<Value> ctx_copy(Value* a, int64_t, Tuple*) { return Value(ctx_new(a[0].as<Context>()->vars)); }

Result<Value> ctx_eq(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__eq__", n - 1, 1, 1));
  if (a[1].type() != tp_Context) return Value(g_NotImplemented);
  return richcompare(Value(a[0].as<Context>()->vars), Value(a[1].as<Context>()->vars), bytecode::CMP_EQ);
}

// Context.run(callable, *args, **kwargs): enter, call, and always leave.
Result<Value> ctx_run(Value* a, int64_t n, Tuple* kw) {
  if (n < 2) return raise(tp_TypeError, "run() missing 1 required positional argument");
  auto* c = a[0].as<Context>();
  if (c->entered) {
    Str* r = TRY(repr(a[0]));
    return raise_fmt(tp_RuntimeError, "cannot enter context: %s is already entered", r->data);
  }
  ThreadState* t = ts();
  c->prev = current();
  c->entered = true;
  t->context = Value(c);
  Result<Value> r = call(a[1], a + 2, n - 2, kw);
  t->context = Value(c->prev);
  c->prev = nullptr;
  c->entered = false;
  return r;
}

// CPython's static types print their module: <_contextvars.Context object at 0x...>.
Result<Value> ctx_repr(Value* a, int64_t, Tuple*) {
  return str_value("<_contextvars.Context object at " + addr(a[0]) + ">");
}

const MethodDef ctx_methods[] = {
    {"__new__", ctx_tp_new, MethKind::Static},
    {"__repr__", ctx_repr},
    {"run", ctx_run},
    {"copy", ctx_copy},
    {"get", ctx_get},
    {"keys", ctx_keys},
    {"values", ctx_values},
    {"items", ctx_items},
    {"__getitem__", ctx_getitem},
    {"__contains__", ctx_contains},
    {"__len__", ctx_len},
    {"__iter__", ctx_iter},
    {"__eq__", ctx_eq},
    {nullptr, nullptr},
};

Result<Value> copy_context(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("copy_context", kw));
  TRY(check_nargs("copy_context", n, 0, 0));
  return Value(ctx_new(current()->vars));
}

const MethodDef functions[] = {{"copy_context", copy_context}, {nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_contextvars", functions, "Context Variables");
  // None of the three can be subclassed (flags 0), as in CPython.
  tp_Context = native_type_new("_contextvars", "Context", tp_object, Layout::Other, sizeof(Context), ctx_methods,
                               nullptr, 0);
  type_set_attr_const(tp_Context, "__hash__", None());
  tp_ContextVar = native_type_new("_contextvars", "ContextVar", tp_object, Layout::Other, sizeof(ContextVar),
                                  cv_methods, cv_getsets, 0);
  tp_Token = native_type_new("_contextvars", "Token", tp_object, Layout::Other, sizeof(Token), tok_methods,
                             tok_getsets, 0);
  tp_TokenMissing = native_type_new("_contextvars", "Token.MISSING", tp_object, Layout::Other, sizeof(Object),
                                    missing_methods, nullptr, 0);
  dict_del_str(tp_TokenMissing->dict, N.__module__);  // CPython: <class 'Token.MISSING'>
  g_missing = alloc_instance(tp_TokenMissing, sizeof(Object));
  type_set_attr_const(tp_Token, "MISSING", Value(g_missing));
  for (Type* t : {tp_Context, tp_ContextVar, tp_Token}) {
    type_modified(t);
    dict_set_str(m->dict, t->name, Value(t));
  }
  type_modified(tp_TokenMissing);
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_contextvars", init);

}  // namespace gilpy
