// _operator: the operator module's functions as natives (operator.py imports
// everything from here and keeps its pure-Python versions as the fallback),
// plus itemgetter / attrgetter / methodcaller and _compare_digest.
#include <string>

#include "bytecode/opcodes.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
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

using namespace bytecode;

static Status nargs_exact(const char* name, int64_t n, Tuple* kw, int64_t want) {
  TRY(no_kwargs(name, kw));
  if (n != want) {
    if (want == 1) return raise_fmt(tp_TypeError, "%s() takes exactly one argument (%lld given)", name, (long long)n);
    return raise_fmt(tp_TypeError, "%s expected %lld arguments, got %lld", name, (long long)want, (long long)n);
  }
  return OK();
}

// ---- arithmetic and bitwise operators ----
#define OP_BIN(fname, op)                                              \
  static Result<Value> op_##fname(Value* a, int64_t n, Tuple* kw) {  \
    TRY(nargs_exact(#fname, n, kw, 2));                               \
    return binary_op(a[0], a[1], op);                                 \
  }
OP_BIN(add, NB_ADD)
OP_BIN(sub, NB_SUBTRACT)
OP_BIN(mul, NB_MULTIPLY)
OP_BIN(matmul, NB_MATRIX_MULTIPLY)
OP_BIN(truediv, NB_TRUE_DIVIDE)
OP_BIN(floordiv, NB_FLOOR_DIVIDE)
OP_BIN(mod, NB_REMAINDER)
OP_BIN(pow, NB_POWER)
OP_BIN(lshift, NB_LSHIFT)
OP_BIN(rshift, NB_RSHIFT)
OP_BIN(and_, NB_AND)
OP_BIN(or_, NB_OR)
OP_BIN(xor, NB_XOR)
OP_BIN(iadd, NB_INPLACE_ADD)
OP_BIN(isub, NB_INPLACE_SUBTRACT)
OP_BIN(imul, NB_INPLACE_MULTIPLY)
OP_BIN(imatmul, NB_INPLACE_MATRIX_MULTIPLY)
OP_BIN(itruediv, NB_INPLACE_TRUE_DIVIDE)
OP_BIN(ifloordiv, NB_INPLACE_FLOOR_DIVIDE)
OP_BIN(imod, NB_INPLACE_REMAINDER)
OP_BIN(ipow, NB_INPLACE_POWER)
OP_BIN(ilshift, NB_INPLACE_LSHIFT)
OP_BIN(irshift, NB_INPLACE_RSHIFT)
OP_BIN(iand, NB_INPLACE_AND)
OP_BIN(ior, NB_INPLACE_OR)
OP_BIN(ixor, NB_INPLACE_XOR)

#define OP_CMP(fname, op)                                             \
  static Result<Value> op_##fname(Value* a, int64_t n, Tuple* kw) { \
    TRY(nargs_exact(#fname, n, kw, 2));                              \
    return richcompare(a[0], a[1], op);                              \
  }
OP_CMP(lt, CMP_LT)
OP_CMP(le, CMP_LE)
OP_CMP(eq, CMP_EQ)
OP_CMP(ne, CMP_NE)
OP_CMP(gt, CMP_GT)
OP_CMP(ge, CMP_GE)

static Result<Value> op_neg(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("neg", n, kw, 1));
  return unary_neg(a[0]);
}
static Result<Value> op_pos(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("pos", n, kw, 1));
  return unary_pos(a[0]);
}
static Result<Value> op_inv(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("inv", n, kw, 1));
  return unary_invert(a[0]);
}
static Result<Value> op_invert(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("invert", n, kw, 1));
  return unary_invert(a[0]);
}
static Result<Value> op_abs(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("abs", n, kw, 1));
  return abs_value(a[0]);
}
static Result<Value> op_index(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("index", n, kw, 1));
  return index_value(a[0]);
}
static Result<Value> op_not_(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("not_", n, kw, 1));
  bool b = TRY(truthy(a[0]));
  return Bool(!b);
}
static Result<Value> op_truth(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("truth", n, kw, 1));
  bool b = TRY(truthy(a[0]));
  return Bool(b);
}
static Result<Value> op_is_(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("is_", n, kw, 2));
  return Bool(a[0] == a[1]);
}
static Result<Value> op_is_not(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("is_not", n, kw, 2));
  return Bool(a[0] != a[1]);
}

// ---- sequences ----
static bool is_sequence(Value v) {
  if (is_dict(v)) return false;
  return bool(type_lookup(v.type(), N.__getitem__));
}
static Result<Value> op_concat(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("concat", n, kw, 2));
  if (!is_sequence(a[0])) return raise_fmt(tp_TypeError, "'%s' object can't be concatenated", type_name(a[0]));
  return binary_op(a[0], a[1], NB_ADD);
}
static Result<Value> op_iconcat(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("iconcat", n, kw, 2));
  if (!is_sequence(a[0])) return raise_fmt(tp_TypeError, "'%s' object can't be concatenated", type_name(a[0]));
  return binary_op(a[0], a[1], NB_INPLACE_ADD);
}
static Result<Value> op_contains(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("contains", n, kw, 2));
  bool b = TRY(contains(a[0], a[1]));
  return Bool(b);
}
static Result<Value> op_countOf(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("countOf", n, kw, 2));
  Value it = TRY(get_iter(a[0]));
  int64_t c = 0;
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    bool same = x == a[1];
    if (!same) same = TRY(richcompare_bool(x, a[1], CMP_EQ));
    if (same) c++;
  }
  return int_from_i64(c);
}
static Result<Value> op_indexOf(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("indexOf", n, kw, 2));
  Value it = TRY(get_iter(a[0]));
  for (int64_t i = 0;; i++) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    bool same = x == a[1];
    if (!same) same = TRY(richcompare_bool(x, a[1], CMP_EQ));
    if (same) return int_from_i64(i);
  }
  return raise(tp_ValueError, "sequence.index(x): x not in sequence");
}
static Result<Value> op_getitem(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("getitem", n, kw, 2));
  return getitem(a[0], a[1]);
}
static Result<Value> op_setitem(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("setitem", n, kw, 3));
  TRY(setitem(a[0], a[1], a[2]));
  return None();
}
static Result<Value> op_delitem(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("delitem", n, kw, 2));
  TRY(delitem(a[0], a[1]));
  return None();
}
static Result<Value> op_length_hint(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("length_hint", kw));
  TRY(check_nargs("length_hint", n, 1, 2));
  int64_t dflt = 0;
  if (n > 1) {
    if (!is_int(a[1]))
      return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[1]));
    dflt = TRY(as_index(a[1]));
  }
  int64_t r = TRY(length_hint(a[0], dflt));
  if (r < 0) return raise(tp_ValueError, "__length_hint__() should return >= 0");
  return int_from_i64(r);
}
static Result<Value> op_call(Value* a, int64_t n, Tuple* kw) {
  if (n < 1) return raise(tp_TypeError, "call() missing required argument 'obj' (pos 1)");
  return call(a[0], a + 1, n - 1, kw);
}

// _compare_digest(a, b): comparison whose time depends only on len(b).
static Result<Value> op_compare_digest(Value* a, int64_t n, Tuple* kw) {
  TRY(nargs_exact("_compare_digest", n, kw, 2));
  std::string_view x, y;
  if (is_str(a[0]) && is_str(a[1])) {
    if (!as_str(a[0])->ascii || !as_str(a[1])->ascii)
      return raise(tp_TypeError, "comparing strings with non-ASCII characters is not supported");
    x = as_str(a[0])->view();
    y = as_str(a[1])->view();
  } else {
    // The buffer protocol decides, as in CPython: neither a buffer -> "unsupported";
    // otherwise each must be bytes-like.
    bool bx = buffer_view_opt(a[0], &x), by = buffer_view_opt(a[1], &y);
    if (!bx && !by)
      return raise_fmt(tp_TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                       type_name(a[0]), type_name(a[1]));
    if (!bx) return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(a[0]));
    if (!by) return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(a[1]));
  }
  // Walk all of b whatever a holds; the length mismatch is folded in at the end.
  const unsigned char* left = reinterpret_cast<const unsigned char*>(x.size() == y.size() ? x.data() : y.data());
  const unsigned char* right = reinterpret_cast<const unsigned char*>(y.data());
  unsigned result = x.size() == y.size() ? 0 : 1;
  for (size_t i = 0; i < y.size(); i++) result |= unsigned(left[i] ^ right[i]);
  return Bool(result == 0);
}

// ============================================================================
// itemgetter, attrgetter, methodcaller
// ============================================================================
struct Getter : Object {
  Dict* dict;
  Tuple* items;   // itemgetter: keys; attrgetter: each attr split on '.' into a tuple of names
  Tuple* orig;    // attrgetter: the original dotted strings (repr, reduce)
  Value name;     // methodcaller
  Tuple* args;    // methodcaller positional arguments
  Dict* kwargs;   // methodcaller keyword arguments (may be empty)
};
static Type* tp_itemgetter;
static Type* tp_attrgetter;
static Type* tp_methodcaller;

static Result<Value> itemgetter_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("itemgetter", kw));
  if (n - 1 < 1) return raise(tp_TypeError, "itemgetter expected 1 argument, got 0");
  Getter* g = static_cast<Getter*>(alloc_instance(as_type(a[0]), sizeof(Getter)));
  g->items = tuple_from(a + 1, n - 1);
  return Value(g);
}
static Result<Value> itemgetter_call(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("itemgetter", kw));
  if (n - 1 != 1) return raise_fmt(tp_TypeError, "itemgetter expected 1 argument, got %lld", (long long)(n - 1));
  Getter* g = a[0].as<Getter>();
  Value obj = a[1];
  if (g->items->size == 1) return getitem(obj, g->items->items[0]);
  Tuple* r = tuple_new(g->items->size);
  for (int64_t i = 0; i < g->items->size; i++) r->items[i] = TRY(getitem(obj, g->items->items[i]));
  return Value(r);
}
static Result<std::string> join_reprs(Tuple* t) {
  std::string s;
  for (int64_t i = 0; i < t->size; i++) {
    if (i) s += ", ";
    Str* r = TRY(repr(t->items[i]));
    s += r->view();
  }
  return s;
}
static bool repr_enter_guard(Value self);
static void repr_leave_guard();
static Result<Value> getter_repr_common(Value self, const char* name, Tuple* t) {
  std::string head = std::string("operator.") + name;
  if (!repr_enter_guard(self)) return Value(str_new(head + "(...)"));
  Result<std::string> body = join_reprs(t);
  repr_leave_guard();
  if (body.is_err()) return ERR;
  return Value(str_new(head + "(" + body.value() + ")"));
}
static Result<Value> itemgetter_repr(Value* a, int64_t, Tuple*) {
  return getter_repr_common(a[0], "itemgetter", a[0].as<Getter>()->items);
}
static Result<Value> itemgetter_reduce(Value* a, int64_t, Tuple*) {
  return Value(tuple_of({Value(a[0].type()), Value(a[0].as<Getter>()->items)}));
}

static Result<Value> attrgetter_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("attrgetter", kw));
  if (n - 1 < 1) return raise(tp_TypeError, "attrgetter expected 1 argument, got 0");
  Tuple* orig = tuple_from(a + 1, n - 1);
  Tuple* parts = tuple_new(n - 1);
  for (int64_t i = 0; i < orig->size; i++) {
    Value s = orig->items[i];
    if (!is_str(s)) return raise(tp_TypeError, "attribute name must be a string");
    std::string_view v = as_str(s)->view();
    gc::Vector<Value> names;
    size_t start = 0;
    for (;;) {
      size_t dot = v.find('.', start);
      names.push_back(Value(str_intern(v.substr(start, dot == std::string_view::npos ? v.npos : dot - start))));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    parts->items[i] = Value(tuple_from(names.data(), int64_t(names.size())));
  }
  Getter* g = static_cast<Getter*>(alloc_instance(as_type(a[0]), sizeof(Getter)));
  g->items = parts;
  g->orig = orig;
  return Value(g);
}
static Result<Value> dotted_getattr(Value obj, Tuple* names) {
  for (int64_t i = 0; i < names->size; i++) obj = TRY(getattr(obj, as_str(names->items[i])));
  return obj;
}
static Result<Value> attrgetter_call(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("attrgetter", kw));
  if (n - 1 != 1) return raise_fmt(tp_TypeError, "attrgetter expected 1 argument, got %lld", (long long)(n - 1));
  Getter* g = a[0].as<Getter>();
  if (g->items->size == 1) return dotted_getattr(a[1], as_tuple(g->items->items[0]));
  Tuple* r = tuple_new(g->items->size);
  for (int64_t i = 0; i < g->items->size; i++) r->items[i] = TRY(dotted_getattr(a[1], as_tuple(g->items->items[i])));
  return Value(r);
}
static Result<Value> attrgetter_repr(Value* a, int64_t, Tuple*) {
  return getter_repr_common(a[0], "attrgetter", a[0].as<Getter>()->orig);
}
static Result<Value> attrgetter_reduce(Value* a, int64_t, Tuple*) {
  return Value(tuple_of({Value(a[0].type()), Value(a[0].as<Getter>()->orig)}));
}

static Result<Value> methodcaller_new(Value* a, int64_t n, Tuple* kw) {
  if (n - 1 < 1) return raise(tp_TypeError, "methodcaller needs at least one argument, the method name");
  if (!is_str(a[1])) return raise(tp_TypeError, "method name must be a string");
  Getter* g = static_cast<Getter*>(alloc_instance(as_type(a[0]), sizeof(Getter)));
  g->name = Value(str_intern(as_str(a[1])));
  g->args = tuple_from(a + 2, n - 2);
  g->kwargs = dict_new();
  if (kw)
    for (int64_t i = 0; i < kw->size; i++) TRY(dict_set(g->kwargs, kw->items[i], a[n + i]));
  return Value(g);
}
static Result<Value> methodcaller_call(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("methodcaller", kw));
  if (n - 1 != 1) return raise_fmt(tp_TypeError, "methodcaller expected 1 argument, got %lld", (long long)(n - 1));
  Getter* g = a[0].as<Getter>();
  Value m = TRY(getattr(a[1], as_str(g->name)));
  return call_ex(m, g->args, g->kwargs);
}
static Result<Value> methodcaller_repr(Value* a, int64_t, Tuple*) {
  Getter* g = a[0].as<Getter>();
  if (!repr_enter_guard(a[0])) return Value(str_new("operator.methodcaller(...)"));
  std::string s = "operator.methodcaller(";
  Result<Str*> nr = repr(g->name);
  if (nr.is_err()) { repr_leave_guard(); return ERR; }
  s += nr.value()->view();
  for (int64_t i = 0; i < g->args->size; i++) {
    Result<Str*> r = repr(g->args->items[i]);
    if (r.is_err()) { repr_leave_guard(); return ERR; }
    s += ", ";
    s += r.value()->view();
  }
  int64_t pos = 0;
  Value k, v;
  while (dict_next(g->kwargs, &pos, &k, &v)) {
    Result<Str*> r = repr(v);
    if (r.is_err()) { repr_leave_guard(); return ERR; }
    s += ", ";
    s += as_str(k)->view();
    s += "=";
    s += r.value()->view();
  }
  repr_leave_guard();
  s += ")";
  return Value(str_new(s));
}
static Result<Value> methodcaller_reduce(Value* a, int64_t, Tuple*) {
  Getter* g = a[0].as<Getter>();
  if (g->kwargs->used == 0) {
    Tuple* args = tuple_new(g->args->size + 1);
    args->items[0] = g->name;
    for (int64_t i = 0; i < g->args->size; i++) args->items[i + 1] = g->args->items[i];
    return Value(tuple_of({Value(a[0].type()), Value(args)}));
  }
  // With keywords: (functools.partial(methodcaller, name, **kwargs), args), as CPython.
  Value ft = TRY(import_module(str_intern("functools")));
  Value partial = TRY(getattr(ft, str_intern("partial")));
  Value pa[2] = {Value(a[0].type()), g->name};
  Tuple* pargs = tuple_from(pa, 2);
  Value p = TRY(call_ex(partial, pargs, g->kwargs));
  return Value(tuple_of({p, Value(g->args)}));
}

bool repr_enter(Value self);  // objects/list_methods.cpp
void repr_leave();
static bool repr_enter_guard(Value self) { return repr_enter(self); }
static void repr_leave_guard() { repr_leave(); }

static const MethodDef itemgetter_methods[] = {{"__new__", itemgetter_new, MethKind::Static},
                                               {"__call__", itemgetter_call},
                                               {"__repr__", itemgetter_repr},
                                               {"__reduce__", itemgetter_reduce},
                                               {nullptr, nullptr}};
static const MethodDef attrgetter_methods[] = {{"__new__", attrgetter_new, MethKind::Static},
                                               {"__call__", attrgetter_call},
                                               {"__repr__", attrgetter_repr},
                                               {"__reduce__", attrgetter_reduce},
                                               {nullptr, nullptr}};
static const MethodDef methodcaller_methods[] = {{"__new__", methodcaller_new, MethKind::Static},
                                                 {"__call__", methodcaller_call},
                                                 {"__repr__", methodcaller_repr},
                                                 {"__reduce__", methodcaller_reduce},
                                                 {nullptr, nullptr}};

#define F(name) {#name, op_##name}
static const MethodDef functions[] = {
    F(add), F(sub), F(mul), F(matmul), F(truediv), F(floordiv), F(mod), F(pow), F(lshift), F(rshift),
    F(and_), F(or_), F(xor), F(iadd), F(isub), F(imul), F(imatmul), F(itruediv), F(ifloordiv), F(imod),
    F(ipow), F(ilshift), F(irshift), F(iand), F(ior), F(ixor), F(lt), F(le), F(eq), F(ne), F(gt), F(ge),
    F(neg), F(pos), F(inv), F(invert), F(abs), F(index), F(not_), F(truth), F(is_), F(is_not), F(concat),
    F(iconcat), F(contains), F(countOf), F(indexOf), F(getitem), F(setitem), F(delitem), F(length_hint),
    F(call), {"_compare_digest", op_compare_digest}, {nullptr, nullptr}};
#undef F

static const char kDoc[] =
    "Operator interface.\n\n"
    "This module exports a set of functions implemented in C corresponding\n"
    "to the intrinsic operators of Python.  For example, operator.add(x, y)\n"
    "is equivalent to the expression x+y.  The function names are those\n"
    "used for special methods; variants without leading and trailing\n"
    "'__' are also provided for convenience.";

static Result<Value> init() {
  Module* m = native_module_new("_operator", functions, kDoc);
  if (!tp_itemgetter) {
    tp_itemgetter = native_type_new("operator", "itemgetter", tp_object, Layout::Other, sizeof(Getter),
                                    itemgetter_methods, nullptr, 0);
    tp_attrgetter = native_type_new("operator", "attrgetter", tp_object, Layout::Other, sizeof(Getter),
                                    attrgetter_methods, nullptr, 0);
    tp_methodcaller = native_type_new("operator", "methodcaller", tp_object, Layout::Other, sizeof(Getter),
                                      methodcaller_methods, nullptr, 0);
  }
  dict_set_str(m->dict, str_intern("itemgetter"), Value(tp_itemgetter));
  dict_set_str(m->dict, str_intern("attrgetter"), Value(tp_attrgetter));
  dict_set_str(m->dict, str_intern("methodcaller"), Value(tp_methodcaller));
  return Value(m);
}
GILPY_NATIVE_MODULE("_operator", init);

}  // namespace gilpy
