// types.UnionType: the value of `int | str` (PEP 604). Flattens nested
// unions, drops duplicates, and supports isinstance/issubclass, ==, hash and
// the "int | str" repr.
#include <string>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
#include "objects/genericalias.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

struct Union : Object {
  Dict* dict;
  Tuple* args;
  Tuple* parameters;  // null until first asked for
};

// CPython's is_unionable: None, a type, a GenericAlias (subclasses too:
// collections.abc.Callable[...] is one), or a union.
static bool unionable(Value v) {
  return is_none(v) || is_type(v) || isinstance(v, tp_GenericAlias) || v.type() == tp_UnionType;
}

static Status add_arg(gc::Vector<Value>& out, Value v) {
  if (is_none(v)) v = Value(tp_NoneType);
  if (v.type() == tp_UnionType) {
    Tuple* a = v.as<Union>()->args;
    for (int64_t i = 0; i < a->size; i++) TRY(add_arg(out, a->items[i]));
    return OK();
  }
  for (Value x : out) {
    bool same = TRY(eq(x, v));
    if (same) return OK();
  }
  out.push_back(v);
  return OK();
}

// a | b for types; NotImplemented when either side cannot be in a union.
Result<Value> make_union(Value a, Value b) {
  if (!unionable(a) || !unionable(b)) return Value(g_NotImplemented);
  gc::Vector<Value> args;
  TRY(add_arg(args, a));
  TRY(add_arg(args, b));
  if (args.size() == 1) return args[0];
  Union* u = static_cast<Union*>(alloc_instance(tp_UnionType, sizeof(Union)));
  u->args = tuple_from(args.data(), int64_t(args.size()));
  u->parameters = nullptr;
  return Value(u);
}

static Result<Value> u_or(Value* a, int64_t, Tuple*) { return make_union(a[0], a[1]); }
static Result<Value> u_ror(Value* a, int64_t, Tuple*) { return make_union(a[1], a[0]); }
static Result<Value> u_repr(Value* a, int64_t, Tuple*) {
  Tuple* args = a[0].as<Union>()->args;
  std::string s;
  for (int64_t i = 0; i < args->size; i++) {
    if (i) s += " | ";
    Value v = args->items[i];
    if (v == Value(tp_NoneType)) {
      s += "None";
    } else if (is_type(v)) {
      Value m = dict_get_str(as_type(v)->dict, N.__module__);
      if (m && is_str(m) && std::string(as_str(m)->view()) != "builtins") s += std::string(as_str(m)->view()) + ".";
      s += as_type(v)->qualname->view();
    } else {
      Str* r = TRY(repr(v));
      s += r->view();
    }
  }
  return Value(str_new(s));
}
static Result<Value> u_instancecheck(Value* a, int64_t, Tuple*) {
  Tuple* args = a[0].as<Union>()->args;
  for (int64_t i = 0; i < args->size; i++) {
    if (isinstance(args->items[i], tp_GenericAlias))
      return raise(tp_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    if (TRY(isinstance_check(a[1], args->items[i]))) return True();
  }
  return False();
}
static Result<Value> u_subclasscheck(Value* a, int64_t, Tuple*) {
  Tuple* args = a[0].as<Union>()->args;
  for (int64_t i = 0; i < args->size; i++)
    if (TRY(issubclass_check(a[1], args->items[i]))) return True();
  return False();
}
static Result<Value> u_eq(Value* a, int64_t, Tuple*) {
  if (a[1].type() != tp_UnionType) return Value(g_NotImplemented);
  // Equal when they have the same members in any order.
  Tuple* x = a[0].as<Union>()->args;
  Tuple* y = a[1].as<Union>()->args;
  if (x->size != y->size) return False();
  for (int64_t i = 0; i < x->size; i++) {
    bool found = false;
    for (int64_t j = 0; j < y->size && !found; j++) found = TRY(eq(x->items[i], y->items[j]));
    if (!found) return False();
  }
  return True();
}
static Result<Value> u_hash(Value* a, int64_t, Tuple*) {
  // hash(frozenset(args)), as CPython's union_hash and typing.Union's.
  Value fs = TRY(call1(Value(tp_frozenset), Value(a[0].as<Union>()->args)));
  return int_from_i64(TRY(hash(fs)));
}
static Result<Value> u_args(Value s) { return Value(s.as<Union>()->args); }
static Result<Value> u_params(Value s) {
  Union* u = s.as<Union>();
  if (!u->parameters) u->parameters = TRY(make_parameters(u->args));
  return Value(u->parameters);
}
// (int | T)[str]: substitute as a generic alias does, then `|` the results.
static Result<Value> u_getitem(Value* a, int64_t, Tuple*) {
  Union* u = a[0].as<Union>();
  if (!u->parameters) u->parameters = TRY(make_parameters(u->args));
  Tuple* newargs = TRY(subs_parameters(a[0], u->args, u->parameters, a[1]));
  if (newargs->size == 0) return make_union(a[0], a[0]);
  Value res = newargs->items[0];
  for (int64_t i = 1; i < newargs->size; i++) res = TRY(binary_op(res, newargs->items[i], bytecode::NB_OR));
  return res;
}

static const MethodDef union_methods[] = {
    {"__or__", u_or}, {"__ror__", u_ror}, {"__repr__", u_repr}, {"__instancecheck__", u_instancecheck},
    {"__subclasscheck__", u_subclasscheck}, {"__eq__", u_eq}, {"__hash__", u_hash}, {"__getitem__", u_getitem},
    {nullptr, nullptr}};
static const GetSetDef union_getsets[] = {{"__args__", u_args}, {"__parameters__", u_params}, {nullptr, nullptr}};

void init_union_type() {
  type_add_methods(tp_UnionType, union_methods);
  type_add_getsets(tp_UnionType, union_getsets);
  type_set_attr_const(tp_UnionType, "__module__", Value(str_intern("types")));
}

size_t union_size() { return sizeof(Union); }

}  // namespace gilpy
