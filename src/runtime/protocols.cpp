// The abstract object protocols (see protocols.h): lookup order, operator
// dispatch with reflected operands, and CPython's error messages.
#include "runtime/protocols.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/thread_state.h"
#include "vm/call.h"

namespace gilpy {

using namespace bytecode;

// ---- calling special methods without binding ----------------------------------------
// `descr` was found on type(self): call it as an unbound method.
static Result<Value> call_unbound(Value descr, Value self, Value* args, int64_t nargs) {
  Type* dt = descr.type();
  Value buf[8];
  gc::Vector<Value> big;
  Value* a = buf;
  if (nargs + 1 > 8) { big.resize(size_t(nargs) + 1); a = big.data(); }
  if (dt == tp_function || is_method_descr_type(dt)) {
    a[0] = self;
    for (int64_t i = 0; i < nargs; i++) a[i + 1] = args[i];
    if (dt == tp_function) return call_function(descr.as<Function>(), a, nargs + 1, nullptr);
    // A native method taken from another class (`__eq__ = str.__eq__` in an
    // int subclass) must not run on a layout it does not know: call() words
    // the TypeError.
    Builtin* b = descr.as<Builtin>();
    if (GILPY_UNLIKELY(b->owner && !isinstance(self, b->owner))) return call(descr, a, nargs + 1);
    return b->fn(a, nargs + 1, nullptr);
  }
  Value bound = TRY(descr_get(descr, self, Value(self.type())));
  return call(bound, args, nargs);
}

Value lookup_special(Value o, Str* name) {
  Value d = type_lookup(o.type(), name);
  if (!d) return d;
  Result<Value> r = descr_get(d, o, Value(o.type()));
  return r.ok() ? r.value() : Value();
}

Status lookup_special_r(Value o, Str* name, Value* out) {
  *out = Value();
  Value d = type_lookup(o.type(), name);
  if (!d) return OK();
  *out = TRY(descr_get(d, o, Value(o.type())));
  return OK();
}

// ---- attributes ------------------------------------------------------------------------
static Result<Value> type_getattr(Type* t, Str* name) {
  Type* meta = t->type;
  Value md = type_lookup(meta, name);
  if (md) {
    Type* mdt = md.type();
    if (mdt == tp_getset_descriptor || mdt == tp_member_descriptor || mdt == tp_property)
      return descr_get(md, Value(t), Value(meta));
    // A metaclass's own data descriptor (with __get__) wins over the class's
    // attribute, as in CPython's type_getattro.
    if (GILPY_UNLIKELY(meta->flags & TF_HEAPTYPE) && mdt != tp_function && !is_method_descr_type(mdt) &&
        is_data_descriptor_value(md) && has_descr_get(md))
      return descr_get(md, Value(t), Value(meta));
  }
  Value d = type_lookup(t, name);
  if (d) {
    Type* dt = d.type();
    if (dt == tp_function || is_method_descr_type(dt) || dt->layout == Layout::Str || is_int(d)) return d;
    if (dt == tp_staticmethod) return d.as<StaticMethod>()->func;
    if (dt == tp_classmethod) return method_new(d.as<StaticMethod>()->func, Value(t));
    return descr_get(d, Value(), Value(t));
  }
  if (md) return descr_get(md, Value(t), Value(meta));
  return raise_attribute_error(Value(t), name);
}

static Result<Value> module_getattr(Value m, Str* name) {
  Dict* d = m.as<Module>()->dict;
  Value v = dict_get_str(d, name);
  if (v) return v;
  Result<Value> r = generic_getattr(m, name, true);
  if (r.ok() || exc_pending()) return r;
  Value hook = dict_get_str(d, N.__getattr__);
  if (hook) return call1(hook, Value(name));
  Value mn = dict_get_str(d, N.__name__);
  if (mn && is_str(mn)) {
    raise_fmt(tp_AttributeError, "module '%s' has no attribute '%s'", as_str(mn)->data, name->data);
    Value e = t_ts->exc;
    Dict** dp = instance_dict_ptr(e);
    if (dp) {
      if (!*dp) *dp = dict_new();
      dict_set_str(*dp, N.name, Value(name));
      dict_set_str(*dp, N.obj, m);
    }
    return ERR;
  }
  return raise_fmt(tp_AttributeError, "module has no attribute '%s'", name->data);
}

// The lookup object.__getattribute__ (or type's / module's) performs.
static Result<Value> default_getattr(Value o, Str* name) {
  switch (o.type()->layout) {
    case Layout::Type: return type_getattr(o.as<Type>(), name);
    case Layout::Module: return module_getattr(o, name);
    default: return generic_getattr(o, name, false);
  }
}

// CPython 3.11's set_attribute_error_context: an AttributeError raised while
// looking up `name` on `o` (by __getattr__, a property, ...) that does not
// say which attribute yet gets name and obj, so suggestions can be offered.
static Err attribute_error_context(Value o, Str* name) {
  Value e = t_ts->exc;
  if (!e || !isinstance(e, tp_AttributeError)) return ERR;
  Dict** dp = instance_dict_ptr(e);
  if (!dp) return ERR;
  if (*dp) {
    Value n = dict_get_str(*dp, str_intern("name")), ob = dict_get_str(*dp, str_intern("obj"));
    if ((n && !is_none(n)) || (ob && !is_none(ob))) return ERR;
  } else {
    *dp = dict_new();
  }
  dict_set_str(*dp, str_intern("name"), Value(name));
  dict_set_str(*dp, str_intern("obj"), o);
  return ERR;
}

static Result<Value> getattr_impl(Value o, Str* name);
Result<Value> getattr(Value o, Str* name) {
  Result<Value> r = getattr_impl(o, name);
  if (GILPY_UNLIKELY(r.is_err())) return attribute_error_context(o, name);
  return r;
}

static Result<Value> getattr_impl(Value o, Str* name) {
  Type* t = o.type();
  if (GILPY_UNLIKELY(t->flags & (TF_HAS_GETATTRIBUTE | TF_HAS_GETATTR))) {
    Result<Value> r = ERR;
    if (t->flags & TF_HAS_GETATTRIBUTE) {
      Value ga = type_lookup(t, N.__getattribute__);
      Value nm = name;
      r = call_unbound(ga, o, &nm, 1);
    } else if (t->layout == Layout::Object || t->layout == Layout::Exception) {
      r = generic_getattr(o, name, true);
      if (r.is_err() && !exc_pending()) {
        Value ga = type_lookup(t, N.__getattr__);
        Value nm = name;
        return call_unbound(ga, o, &nm, 1);
      }
      return r;
    } else {
      r = default_getattr(o, name);
    }
    if (r.is_err() && (t->flags & TF_HAS_GETATTR) && exc_matches(tp_AttributeError)) {
      exc_clear();
      Value ga = type_lookup(t, N.__getattr__);
      Value nm = name;
      return call_unbound(ga, o, &nm, 1);
    }
    return r;
  }
  if (t->layout == Layout::Type) return type_getattr(o.as<Type>(), name);
  if (t->layout == Layout::Module) return module_getattr(o, name);
  return generic_getattr(o, name, false);
}

Status getattr_opt(Value o, Str* name, Value* out) {
  Type* t = o.type();
  if (!(t->flags & (TF_HAS_GETATTRIBUTE | TF_HAS_GETATTR)) && t->layout != Layout::Type &&
      t->layout != Layout::Module) {
    Result<Value> r = generic_getattr(o, name, true);
    if (r.ok()) { *out = r.value(); return OK(); }
    if (exc_pending()) {
      if (!exc_matches(tp_AttributeError)) return ERR;
      exc_clear();
    }
    *out = Value();
    return OK();
  }
  Result<Value> r = getattr(o, name);
  if (r.ok()) { *out = r.value(); return OK(); }
  if (!exc_matches(tp_AttributeError)) return ERR;
  exc_clear();
  *out = Value();
  return OK();
}

Result<Value> getattr_str(Value o, const char* name) { return getattr(o, str_intern(name)); }

Status setattr(Value o, Str* name, Value v) {
  Type* t = o.type();
  if (GILPY_UNLIKELY(t->flags & TF_HAS_SETATTR)) {
    if (v) {
      Value sa = type_lookup(t, N.__setattr__);
      Value a[2] = {name, v};
      TRY(call_unbound(sa, o, a, 2));
    } else {
      Value da = type_lookup(t, N.__delattr__);
      Value a[1] = {name};
      TRY(call_unbound(da, o, a, 1));
    }
    return OK();
  }
  if (t->layout == Layout::Type) return type_setattr(o.as<Type>(), name, v);
  return generic_setattr(o, name, v);
}

Status delattr(Value o, Str* name) { return setattr(o, name, Value()); }

// ---- calls --------------------------------------------------------------------------------
static Result<Value> call_prepend(Value f, Value self, Value* args, int64_t nargs, Tuple* kw) {
  int64_t total = nargs + (kw ? kw->size : 0);
  Value buf[10];
  gc::Vector<Value> big;
  Value* a = buf;
  if (total + 1 > 10) { big.resize(size_t(total) + 1); a = big.data(); }
  a[0] = self;
  for (int64_t i = 0; i < total; i++) a[i + 1] = args[i];
  return call(f, a, nargs + 1, kw);
}

Result<Value> call(Value f, Value* args, int64_t nargs, Tuple* kw) {
  Type* t = f.type();
  if (t == tp_function) return call_function(f.as<Function>(), args, nargs, kw);
  if (is_builtin_type(t)) {
    Builtin* b = f.as<Builtin>();
    if (b->self) return call_builtin_bound(b, args, nargs, kw);
    if (GILPY_UNLIKELY(b->owner && b->name == N.__new__)) {
      // T.__new__(X): X must be a subtype of T (CPython's tp_new wrapper check).
      if (nargs < 1) return raise_fmt(tp_TypeError, "%s.__new__(): not enough arguments", b->owner->name->data);
      if (!is_type(args[0]))
        return raise_fmt(tp_TypeError, "%s.__new__(X): X is not a type object (%s)", b->owner->name->data,
                         type_name(args[0]));
      if (!is_subtype(as_type(args[0]), b->owner))
        return raise_fmt(tp_TypeError, "%s.__new__(%s): %s is not a subtype of %s", b->owner->name->data,
                         as_type(args[0])->name->data, as_type(args[0])->name->data, b->owner->name->data);
    }
    // A module function declared METH_NOARGS / METH_O checks its count here.
    if (GILPY_UNLIKELY(b->arity != Arity::Unchecked || kw)) TRY(check_native_args(b, Value(), nargs, kw));
    return b->fn(args, nargs, kw);
  }
  if (t == tp_method) {
    BoundMethod* m = f.as<BoundMethod>();
    return call_prepend(m->func, m->self, args, nargs, kw);
  }
  if (is_method_descr_type(t)) {
    Builtin* b = f.as<Builtin>();
    bool wrapper = t == tp_wrapper_descriptor;  // a slot wrapper words these errors differently
    if (nargs < 1) {
      if (wrapper)
        return raise_fmt(tp_TypeError, "descriptor '%s' of '%s' object needs an argument", b->name->data,
                         b->owner->name->data);
      return raise_fmt(tp_TypeError, "unbound method %s.%s() needs an argument", b->owner->name->data, b->name->data);
    }
    if (!isinstance(args[0], b->owner)) {
      if (wrapper)
        return raise_fmt(tp_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", b->name->data,
                         b->owner->name->data, type_name(args[0]));
      return raise_fmt(tp_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                       b->name->data, b->owner->name->data, type_name(args[0]));
    }
    TRY(check_native_args(b, args[0], nargs - 1, kw));
    return b->fn(args, nargs, kw);
  }
  if (t == tp_type) return type_call(f.as<Type>(), args, nargs, kw);
  Value c = type_lookup(t, N.__call__);
  if (!c) return raise_fmt(tp_TypeError, "'%s' object is not callable", type_name_of(t));
  if (t->layout == Layout::Type && c == dict_get_str(tp_type->dict, N.__call__))
    return type_call(f.as<Type>(), args, nargs, kw);
  if (c.type() == tp_function) return call_prepend(c, f, args, nargs, kw);
  Value bound = TRY(descr_get(c, f, Value(t)));
  // __call__ may itself be an object whose type's __call__ is an object...:
  // each level counts against the recursion limit (A.__call__ = A()).
  if (!enter_recursion()) return ERR;
  Result<Value> r = call(bound, args, nargs, kw);
  leave_recursion();
  return r;
}

Result<Value> call_builtin_bound(Builtin* b, Value* args, int64_t nargs, Tuple* kw) {
  TRY(check_native_args(b, b->self, nargs, kw));
  int64_t total = nargs + (kw ? kw->size : 0);
  Value buf[10];
  gc::Vector<Value> big;
  Value* a = buf;
  if (total + 1 > 10) { big.resize(size_t(total) + 1); a = big.data(); }
  a[0] = b->self;
  for (int64_t i = 0; i < total; i++) a[i + 1] = args[i];
  return b->fn(a, nargs + 1, kw);
}

Result<Value> call0(Value f) { return call(f, nullptr, 0); }
Result<Value> call1(Value f, Value a) { return call(f, &a, 1); }
Result<Value> call2(Value f, Value a, Value b) { Value v[2] = {a, b}; return call(f, v, 2); }
Result<Value> call3(Value f, Value a, Value b, Value c) { Value v[3] = {a, b, c}; return call(f, v, 3); }

Result<Value> call_method(Value o, Str* name, Value* args, int64_t nargs) {
  Type* t = o.type();
  if (!(t->flags & (TF_HAS_GETATTRIBUTE | TF_HAS_GETATTR)) && t->layout != Layout::Type &&
      t->layout != Layout::Module) {
    Value d = type_lookup(t, name);
    if (d && (d.type() == tp_function || is_method_descr_type(d.type()))) {
      if (!instance_attr_lookup(o, name)) return call_unbound(d, o, args, nargs);
    }
  }
  Value m = TRY(getattr(o, name));
  return call(m, args, nargs);
}
Result<Value> call_method0(Value o, Str* name) { return call_method(o, name, nullptr, 0); }
Result<Value> call_method1(Value o, Str* name, Value a) { return call_method(o, name, &a, 1); }

Result<Value> call_ex(Value f, Tuple* args, Dict* kwargs) {
  if (!kwargs || kwargs->used == 0) return call(f, args->items, args->size);
  int64_t n = args->size, k = kwargs->used;
  gc::Vector<Value> a(size_t(n + k));
  for (int64_t i = 0; i < n; i++) a[size_t(i)] = args->items[i];
  Tuple* names = tuple_new(k);
  int64_t pos = 0, i = 0;
  Value key, val;
  while (dict_next(kwargs, &pos, &key, &val)) {
    if (!is_str(key)) return raise(tp_TypeError, "keywords must be strings");
    names->items[i] = Value(str_intern(as_str(key)));
    a[size_t(n + i)] = val;
    i++;
  }
  return call(f, a.data(), n, names);
}

bool is_callable(Value v) {
  Type* t = v.type();
  return t == tp_function || is_builtin_type(t) || t == tp_method || t->layout == Layout::Type ||
         bool(type_lookup(t, N.__call__));
}

// ---- repr / str / hash / truth ----------------------------------------------------------------
// repr() and str() call the type's slot unbound (no bound-method object), as
// CPython calls tp_repr/tp_str; small ints, the commonest case, go direct.
Result<Str*> repr(Value v) {
  if (v.is_small()) return int_decimal_str(v);
  Value r = type_lookup(v.type(), N.__repr__);
  if (!r) return raise_fmt(tp_TypeError, "'%s' object has no __repr__", type_name(v));
  if (!enter_recursion()) return ERR;
  Result<Value> res = call_unbound(r, v, nullptr, 0);
  leave_recursion();
  if (res.is_err()) return ERR;
  if (!is_str(res.value()))
    return raise_fmt(tp_TypeError, "__repr__ returned non-string (type %s)", type_name(res.value()));
  return as_str(res.value());
}

Result<Str*> str(Value v) {
  if (v.type() == tp_str) return as_str(v);
  if (v.is_small()) return int_decimal_str(v);
  Value r = type_lookup(v.type(), N.__str__);
  if (!r) return raise_fmt(tp_TypeError, "'%s' object has no __str__", type_name(v));
  if (!enter_recursion()) return ERR;
  Result<Value> res = call_unbound(r, v, nullptr, 0);
  leave_recursion();
  if (res.is_err()) return ERR;
  if (!is_str(res.value()))
    return raise_fmt(tp_TypeError, "__str__ returned non-string (type %s)", type_name(res.value()));
  return as_str(res.value());
}

Result<int64_t> hash(Value v) {
  if (v.is_small()) return int_hash(v);
  Type* t = v.type();
  if (t == tp_str) return str_hash(as_str(v));
  if (t == tp_float && !std::isnan(float_val(v))) return float_hash(float_val(v));  // (a NaN: by identity, below)
  Value h = type_lookup(t, N.__hash__);
  if (!h || is_none(h)) return raise_fmt(tp_TypeError, "unhashable type: '%s'", type_name_of(t));
  // A tuple's hash hashes its items: nested tuples recurse in C.
  if (!c_stack_ok()) return ERR;
  Value r = TRY(call_unbound(h, v, nullptr, 0));
  if (!is_int(r)) return raise(tp_TypeError, "__hash__ method should return an integer");
  if (r.is_small()) {
    int64_t x = r.as_small();
    return x == -1 ? int64_t(-2) : x;
  }
  int64_t x;
  if (!int_fits_i64(r, &x)) x = int_hash(r);  // outside the hash range: hash the int
  return x == -1 ? int64_t(-2) : x;
}

Result<bool> truthy(Value v) {
  if (v == True()) return true;
  if (v == False() || is_none(v)) return false;
  if (v.is_small()) return v.as_small() != 0;
  Type* t = v.type();
  Value b = type_lookup(t, N.__bool__);
  if (b) {
    Value r = TRY(call_unbound(b, v, nullptr, 0));
    if (r == True()) return true;
    if (r == False()) return false;
    return raise_fmt(tp_TypeError, "__bool__ should return bool, returned %s", type_name(r));
  }
  Value l = type_lookup(t, N.__len__);
  if (l) {
    Value r = TRY(call_unbound(l, v, nullptr, 0));
    Value iv = TRY(index_value(r));
    if (int_sign(iv) < 0) return raise(tp_ValueError, "__len__() should return >= 0");
    return int_sign(iv) != 0;
  }
  return true;
}

// ---- comparisons ---------------------------------------------------------------------------------
static const int swapped_op[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static Str* cmp_name(int op) {
  switch (op) {
    case CMP_LT: return N.__lt__;
    case CMP_LE: return N.__le__;
    case CMP_EQ: return N.__eq__;
    case CMP_NE: return N.__ne__;
    case CMP_GT: return N.__gt__;
    default: return N.__ge__;
  }
}

// Calls a comparison dunder found on self's type. As CPython's slot does, an
// error while binding it (a property whose getter raises) counts as
// NotImplemented, not as the comparison's error.
Result<Value> call_cmp_dunder(Value m, Value self, Value other) {
  Type* mt = m.type();
  if (mt == tp_function || is_method_descr_type(mt)) return call_unbound(m, self, &other, 1);
  Result<Value> bound = descr_get(m, self, Value(self.type()));
  if (bound.is_err()) {
    exc_clear();
    return Value(g_NotImplemented);
  }
  return call(bound.value(), &other, 1);
}

Result<Value> richcompare(Value a, Value b, int op) {
  if (a.is_small() && b.is_small()) {
    int64_t x = a.as_small(), y = b.as_small();
    bool r;
    switch (op) {
      case CMP_LT: r = x < y; break;
      case CMP_LE: r = x <= y; break;
      case CMP_EQ: r = x == y; break;
      case CMP_NE: r = x != y; break;
      case CMP_GT: r = x > y; break;
      default: r = x >= y; break;
    }
    return Bool(r);
  }
  Type* ta = a.type();
  Type* tb = b.type();
  if (!enter_recursion()) return ERR;
  bool checked_reverse = false;
  if (ta != tb && is_subtype(tb, ta)) {
    Value m = type_lookup(tb, cmp_name(swapped_op[op]));
    if (m) {
      checked_reverse = true;
      Result<Value> r = call_cmp_dunder(m, b, a);
      if (r.is_err()) { leave_recursion(); return ERR; }
      if (r.value() != Value(g_NotImplemented)) { leave_recursion(); return r; }
    }
  }
  Value m = type_lookup(ta, cmp_name(op));
  if (m) {
    Result<Value> r = call_cmp_dunder(m, a, b);
    if (r.is_err()) { leave_recursion(); return ERR; }
    if (r.value() != Value(g_NotImplemented)) { leave_recursion(); return r; }
  }
  if (!checked_reverse) {
    Value m2 = type_lookup(tb, cmp_name(swapped_op[op]));
    if (m2) {
      Result<Value> r = call_cmp_dunder(m2, b, a);
      if (r.is_err()) { leave_recursion(); return ERR; }
      if (r.value() != Value(g_NotImplemented)) { leave_recursion(); return r; }
    }
  }
  leave_recursion();
  if (op == CMP_EQ) return Bool(a == b);
  if (op == CMP_NE) return Bool(a != b);
  return raise_fmt(tp_TypeError, "'%s' not supported between instances of '%s' and '%s'", cmp_symbol[op],
                   type_name_of(ta), type_name_of(tb));
}

Result<bool> richcompare_bool(Value a, Value b, int op) {
  if (a == b) {
    if (op == CMP_EQ) return true;
    if (op == CMP_NE) return false;
  }
  Value r = TRY(richcompare(a, b, op));
  if (r == True()) return true;
  if (r == False()) return false;
  return truthy(r);
}

Result<bool> eq(Value a, Value b) {
  if (a == b) return true;
  if (a.is_small() && b.is_small()) return false;
  Type* ta = a.type();
  if (ta == tp_str && b.type() == tp_str) return str_eq(as_str(a), as_str(b));
  return richcompare_bool(a, b, CMP_EQ);
}

// ---- binary operators ------------------------------------------------------------------------------
static Str* g_binop_names[NB_INPLACE_ADD][3];  // dunder, reflected, in-place

static void init_binop_names() {
  for (int i = 0; i < NB_INPLACE_ADD; i++) {
    g_binop_names[i][0] = str_intern(binop_dunder[i]);
    g_binop_names[i][1] = str_intern(binop_rdunder[i]);
    g_binop_names[i][2] = str_intern(binop_idunder[i]);
  }
}

static Result<Value> binary_dispatch(Value a, Value b, int op) {
  Type* ta = a.type();
  Type* tb = b.type();
  Value ma = type_lookup(ta, g_binop_names[op][0]);
  Value mb = ta != tb ? type_lookup(tb, g_binop_names[op][1]) : Value();
  // The builtin sequences concatenate and repeat through CPython's sq_concat /
  // sq_repeat, which it tries only after both operands' number slots: a class
  // with __radd__ / __rmul__ on the right goes first ([1] + EmptyNodeList()).
  if (mb && ma && (op == NB_ADD || op == NB_MULTIPLY) && (tb->flags & TF_HEAPTYPE)) {
    Type* seq = nullptr;
    switch (ta->layout) {
      case Layout::List: seq = tp_list; break;
      case Layout::Tuple: seq = tp_tuple; break;
      case Layout::Str: seq = tp_str; break;
      case Layout::Bytes: seq = tp_bytes; break;
      case Layout::ByteArray: seq = tp_bytearray; break;
      default: break;
    }
    if (seq && ma == type_lookup(seq, g_binop_names[op][0])) {
      Value r = TRY(call_unbound(mb, b, &a, 1));
      if (r != Value(g_NotImplemented)) return r;
      r = TRY(call_unbound(ma, a, &b, 1));
      if (r != Value(g_NotImplemented) || op != NB_ADD) return r;
      // Both declined: the concatenation's own error.
      if (seq == tp_bytes || seq == tp_bytearray)
        return raise_fmt(tp_TypeError, "can't concat %s to %s", type_name(b), type_name_of(seq));
      return raise_fmt(tp_TypeError, "can only concatenate %s (not \"%s\") to %s", type_name_of(seq),
                       type_name(b), type_name_of(seq));
    }
  }
  if (mb && ma && is_subtype(tb, ta) && mb != type_lookup(ta, g_binop_names[op][1])) {
    Value r = TRY(call_unbound(mb, b, &a, 1));
    if (r != Value(g_NotImplemented)) return r;
    mb = Value();
  }
  if (ma) {
    Value r = TRY(call_unbound(ma, a, &b, 1));
    if (r != Value(g_NotImplemented)) return r;
  }
  if (mb) {
    Value r = TRY(call_unbound(mb, b, &a, 1));
    if (r != Value(g_NotImplemented)) return r;
  }
  return Value(g_NotImplemented);
}

Result<Value> binary_op(Value a, Value b, int op) {
  if (!g_binop_names[0][0]) init_binop_names();
  bool inplace = op >= NB_INPLACE_ADD;
  int base = inplace ? op - NB_INPLACE_OFFSET : op;
  Type* ta = a.type();
  Type* tb = b.type();
  if ((ta == tp_int || ta == tp_bool) && (tb == tp_int || tb == tp_bool)) {
    Value r = TRY(int_binary(a, b, base));
    if (r != Value(g_NotImplemented)) return r;
  } else if (ta == tp_float && (tb == tp_float || tb == tp_int)) {
    double y = tb == tp_float ? float_val(b) : 0.0;
    if (tb == tp_float || b.is_small()) {
      if (b.is_small()) y = double(b.as_small());
      Value r = TRY(float_binary(float_val(a), y, base));
      if (r != Value(g_NotImplemented)) return r;
    }
  }
  if (inplace) {
    Value m = type_lookup(a.type(), g_binop_names[base][2]);
    if (m) {
      Value r = TRY(call_unbound(m, a, &b, 1));
      if (r != Value(g_NotImplemented)) return r;
    }
  }
  auto is_seq = [](Value v) {
    Layout l = v.type()->layout;
    return l == Layout::List || l == Layout::Tuple || l == Layout::Str || l == Layout::Bytes || l == Layout::ByteArray;
  };
  // Two builtin sequences: CPython repeats the left one (its sq_repeat comes
  // before the right one's), so the count it rejects is the right operand.
  if (base == NB_MULTIPLY && is_seq(a) && is_seq(b) && !(ta->flags & TF_HEAPTYPE) && !(tb->flags & TF_HEAPTYPE))
    return raise_fmt(tp_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(b));
  Value r = TRY(binary_dispatch(a, b, base));
  if (r != Value(g_NotImplemented)) return r;
  if (base == NB_MULTIPLY) {
    if (is_seq(a) && !is_int(b))
      return raise_fmt(tp_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(b));
    if (is_seq(b) && !is_int(a))
      return raise_fmt(tp_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(a));
  }
  // Both sides declined '+': CPython then tries str's sequence concatenation,
  // which words the error (the right operand's __radd__ may have declined).
  if (base == NB_ADD && ta->layout == Layout::Str && !is_str(b))
    return raise_fmt(tp_TypeError, "can only concatenate str (not \"%s\") to str", type_name(b));
  if (base == NB_RSHIFT && a.type() == tp_builtin_function_or_method && a.as<Builtin>()->name &&
      std::strcmp(a.as<Builtin>()->name->data, "print") == 0)
    return raise_fmt(tp_TypeError,
                     "unsupported operand type(s) for >>: 'builtin_function_or_method' and '%s'. Did you mean "
                     "\"print(<message>, file=<output_stream>)\"?",
                     type_name(b));
  return raise_fmt(tp_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                   op == NB_POWER ? "** or pow()" : binop_symbol[op], type_name(a), type_name(b));
}

static Result<Value> unary(Value v, Str* name, const char* sym) {
  Value m = type_lookup(v.type(), name);
  if (!m) return raise_fmt(tp_TypeError, "bad operand type for %s: '%s'", sym, type_name(v));
  return call_unbound(m, v, nullptr, 0);
}
Result<Value> unary_neg(Value v) {
  if (v.is_small()) return int_neg(v);
  if (v.type() == tp_float) return float_new(-float_val(v));
  return unary(v, N.__neg__, "unary -");
}
Result<Value> unary_pos(Value v) {
  if (v.is_small()) return v;
  return unary(v, N.__pos__, "unary +");
}
Result<Value> unary_invert(Value v) {
  if (v.is_small()) return Value::small(~v.as_small());
  return unary(v, N.__invert__, "unary ~");
}
Result<Value> abs_value(Value v) {
  if (v.is_small()) {
    int64_t x = v.as_small();
    return x < 0 ? int_neg(v) : v;
  }
  return unary(v, N.__abs__, "abs()");
}

// ---- containers -------------------------------------------------------------------------------------
Result<Value> getitem(Value o, Value key) {
  Type* t = o.type();
  Value m = type_lookup(t, N.__getitem__);
  if (m) return call_unbound(m, o, &key, 1);
  if (t->layout == Layout::Type) {
    // type[int] is a GenericAlias (CPython special-cases `type` itself).
    if (o == Value(tp_type)) {
      extern Result<Value> generic_alias_new(Value origin, Value args);
      return generic_alias_new(o, key);
    }
    Value cg;
    TRY(getattr_opt(o, N.__class_getitem__, &cg));
    if (cg) return call1(cg, key);
    return raise_fmt(tp_TypeError, "type '%s' is not subscriptable", type_name_of(o.as<Type>()));
  }
  return raise_fmt(tp_TypeError, "'%s' object is not subscriptable", type_name_of(t));
}

Status setitem(Value o, Value key, Value v) {
  Value m = type_lookup(o.type(), N.__setitem__);
  if (!m) return raise_fmt(tp_TypeError, "'%s' object does not support item assignment", type_name(o));
  Value a[2] = {key, v};
  TRY(call_unbound(m, o, a, 2));
  return OK();
}

Status delitem(Value o, Value key) {
  Value m = type_lookup(o.type(), N.__delitem__);
  if (!m) {
    // CPython's two wordings: a sequence-like type (a class, or a builtin
    // with sequence slots) asked with an index goes through
    // PySequence_DelItem ("doesn't"); anything else is PyObject_DelItem's
    // own "does not".
    Type* t = o.type();
    bool seq_like = (t->flags & TF_HEAPTYPE) || type_lookup(t, N.__getitem__) || type_lookup(t, N.__len__) ||
                    type_lookup(t, N.__contains__);
    bool index_key = key.is_small() || is_int(key) || type_lookup(key.type(), N.__index__);
    return raise_fmt(tp_TypeError, seq_like && index_key ? "'%s' object doesn't support item deletion"
                                                         : "'%s' object does not support item deletion",
                     type_name(o));
  }
  TRY(call_unbound(m, o, &key, 1));
  return OK();
}

Result<bool> contains(Value c, Value item) {
  Value m = type_lookup(c.type(), N.__contains__);
  if (m) {
    Value r = TRY(call_unbound(m, c, &item, 1));
    return truthy(r);
  }
  Result<Value> itr = get_iter(c);
  if (itr.is_err()) {
    if (exc_matches(tp_TypeError)) {
      exc_clear();
      return raise_fmt(tp_TypeError, "argument of type '%s' is not iterable", type_name(c));
    }
    return ERR;
  }
  for (;;) {
    Value x;
    TRY(iter_next(itr.value(), &x));
    if (!x) return false;
    bool same = TRY(eq(x, item));
    if (same) return true;
  }
}

Result<int64_t> len(Value o) {
  Type* t = o.type();
  switch (t->layout) {
    case Layout::List: if (t == tp_list) return o.as<List>()->size; break;
    case Layout::Tuple: if (t == tp_tuple) return o.as<Tuple>()->size; break;
    case Layout::Str: if (t == tp_str) return o.as<Str>()->length; break;
    case Layout::Dict: if (t == tp_dict) return o.as<Dict>()->used; break;
    default: break;
  }
  Value m = type_lookup(t, N.__len__);
  if (!m) return raise_fmt(tp_TypeError, "object of type '%s' has no len()", type_name_of(t));
  Value r = TRY(call_unbound(m, o, nullptr, 0));
  if (!is_int(r)) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r));
  int64_t n;
  if (int_sign(r) < 0) return raise(tp_ValueError, "__len__() should return >= 0");
  if (!int_fits_i64(r, &n)) return raise(tp_OverflowError, "cannot fit 'int' into an index-sized integer");
  return n;
}

Result<int64_t> length_hint(Value o, int64_t dflt) {
  // len() only for a type with __len__ (CPython's _PyObject_HasLen): an
  // iterator would otherwise raise and clear a TypeError on every list(it).
  if (type_lookup(o.type(), N.__len__)) {
    Result<int64_t> r = len(o);
    if (r.ok()) return r;
    if (!exc_matches(tp_TypeError)) return ERR;
    exc_clear();
  }
  Value m;
  TRY(lookup_special_r(o, N.__length_hint__, &m));
  if (!m) return dflt;
  Result<Value> rv = call0(m);
  if (rv.is_err()) {
    // A hint that raises TypeError (repeat(x).__length_hint__: "len() of unsized object")
    // means "no hint", as in CPython's PyObject_LengthHint.
    if (!exc_matches(tp_TypeError)) return ERR;
    exc_clear();
    return dflt;
  }
  Value v = rv.value();
  if (v == Value(g_NotImplemented)) return dflt;
  return as_index(v);
}

// ---- iteration ------------------------------------------------------------------------------------------
Result<Value> seq_iter_new(Value seq);  // objects/iterators.cpp

Result<Value> get_iter(Value o) {
  Type* t = o.type();
  Value m = type_lookup(t, N.__iter__);
  if (m && !is_none(m)) {
    Value it = TRY(call_unbound(m, o, nullptr, 0));
    Type* it_t = it.type();
    if (!it_t->iternext && !type_lookup(it_t, N.__next__))
      return raise_fmt(tp_TypeError, "iter() returned non-iterator of type '%s'", type_name_of(it_t));
    return it;
  }
  if (!m && type_lookup(t, N.__getitem__)) return seq_iter_new(o);
  return raise_fmt(tp_TypeError, "'%s' object is not iterable", type_name_of(t));
}

Status iter_next(Value it, Value* out) {
  Type* t = it.type();
  if (t->iternext) {
    // Iterators wrap iterators (map(f, map(g, ...)), chain, zip...): a deep
    // stack of them recurses in C, so this is a recursion point.
    if (!c_stack_ok()) return ERR;
    return t->iternext(it, out);
  }
  Value m = type_lookup(t, N.__next__);
  if (!m) return raise_fmt(tp_TypeError, "'%s' object is not an iterator", type_name_of(t));
  Result<Value> r = call_unbound(m, it, nullptr, 0);
  if (r.ok()) { *out = r.value(); return OK(); }
  if (exc_matches(tp_StopIteration)) {
    exc_clear();
    *out = Value();
    return OK();
  }
  return ERR;
}

Result<List*> to_list(Value iterable) { return list_from_iterable(iterable); }

Result<Tuple*> to_tuple(Value iterable) {
  if (iterable.type() == tp_tuple) return iterable.as<Tuple>();
  if (iterable.type() == tp_list) return tuple_from(as_list(iterable)->items, as_list(iterable)->size);
  List* l = TRY(list_from_iterable(iterable));
  return tuple_from(l->items, l->size);
}

// ---- isinstance / issubclass ---------------------------------------------------------------------------
// CPython's rules (Objects/abstract.c): besides types, any object with a
// tuple __bases__ acts as a class ("abstract classes"), and an instance is
// whatever its __class__ says. Errors other than AttributeError from those
// lookups propagate; walking __bases__ counts as recursion.

// cls.__bases__ if it is a tuple, else null (AttributeError swallowed).
static Result<Tuple*> abstract_bases(Value cls) {
  Value bases;
  TRY(getattr_opt(cls, N.__bases__, &bases));
  return bases && is_tuple(bases) ? as_tuple(bases) : nullptr;
}
static Status check_class(Value cls, const char* msg) {
  Tuple* b = TRY(abstract_bases(cls));
  if (!b) return raise(tp_TypeError, msg);
  return OK();
}
static Result<bool> abstract_issubclass(Value derived, Value cls) {
  for (;;) {
    if (derived == cls) return true;
    Tuple* bt = TRY(abstract_bases(derived));
    if (!bt || bt->size == 0) return false;
    if (bt->size == 1) {  // single inheritance: a loop, but still bounded
      if (!enter_recursion(" in __issubclass__")) return ERR;
      Result<bool> r = abstract_issubclass(bt->items[0], cls);
      leave_recursion();
      return r;
    }
    for (int64_t i = 0; i < bt->size; i++) {
      if (!enter_recursion(" in __issubclass__")) return ERR;
      Result<bool> r = abstract_issubclass(bt->items[i], cls);
      leave_recursion();
      if (r.is_err() || r.value()) return r;
    }
    return false;
  }
}

static Result<bool> object_isinstance(Value obj, Value cls) {
  Value icls;
  if (is_type(cls)) {
    if (isinstance(obj, as_type(cls))) return true;
    TRY(getattr_opt(obj, N.__class__, &icls));
    if (icls && icls != Value(obj.type()) && is_type(icls)) return is_subtype(as_type(icls), as_type(cls));
    return false;
  }
  TRY(check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"));
  TRY(getattr_opt(obj, N.__class__, &icls));
  if (!icls) return false;
  return abstract_issubclass(icls, cls);
}

static Result<bool> recursive_issubclass(Value derived, Value cls) {
  if (is_type(cls) && is_type(derived)) return is_subtype(as_type(derived), as_type(cls));
  TRY(check_class(derived, "issubclass() arg 1 must be a class"));
  if (cls.type() != tp_UnionType)
    TRY(check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"));
  return abstract_issubclass(derived, cls);
}

// type.__instancecheck__ / type.__subclasscheck__ (objects/type_methods.cpp).
Result<bool> real_isinstance(Value obj, Value cls) { return object_isinstance(obj, cls); }
Result<bool> real_issubclass(Value derived, Value cls) { return recursive_issubclass(derived, cls); }

Result<bool> isinstance_check(Value obj, Value cls) {
  if (obj.type() == cls.obj()) return true;
  if (cls.type() == tp_type) return object_isinstance(obj, cls);
  if (is_tuple(cls)) {
    Tuple* t = as_tuple(cls);
    for (int64_t i = 0; i < t->size; i++) {
      if (!enter_recursion(" in __instancecheck__")) return ERR;
      Result<bool> r = isinstance_check(obj, t->items[i]);
      leave_recursion();
      if (r.is_err() || r.value()) return r;
    }
    return false;
  }
  Value chk = type_lookup(cls.type(), N.__instancecheck__);
  if (chk) {
    if (!enter_recursion(" in __instancecheck__")) return ERR;
    Result<Value> r = call_unbound(chk, cls, &obj, 1);
    leave_recursion();
    if (r.is_err()) return ERR;
    return truthy(r.value());
  }
  return object_isinstance(obj, cls);
}

Result<bool> issubclass_check(Value derived, Value cls) {
  if (cls.type() == tp_type) {
    if (derived == cls) return true;
    return recursive_issubclass(derived, cls);
  }
  if (is_tuple(cls)) {
    Tuple* t = as_tuple(cls);
    for (int64_t i = 0; i < t->size; i++) {
      if (!enter_recursion(" in __subclasscheck__")) return ERR;
      Result<bool> r = issubclass_check(derived, t->items[i]);
      leave_recursion();
      if (r.is_err() || r.value()) return r;
    }
    return false;
  }
  Value chk = type_lookup(cls.type(), N.__subclasscheck__);
  if (chk) {
    if (!enter_recursion(" in __subclasscheck__")) return ERR;
    Result<Value> r = call_unbound(chk, cls, &derived, 1);
    leave_recursion();
    if (r.is_err()) return ERR;
    return truthy(r.value());
  }
  return recursive_issubclass(derived, cls);
}

}  // namespace gilpy

namespace gilpy {

// ascii(): repr() with every non-ASCII code point escaped.
Result<Str*> ascii(Value v) {
  Str* r = TRY(repr(v));
  if (r->ascii) return r;
  std::string out;
  for (int64_t i = 0; i < r->length; i++) {
    uint32_t c = str_char_at(r, i);
    char buf[16];
    if (c < 0x80) out += char(c);
    else if (c < 0x100) { std::snprintf(buf, sizeof buf, "\\x%02x", c); out += buf; }
    else if (c < 0x10000) { std::snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; }
    else { std::snprintf(buf, sizeof buf, "\\U%08x", c); out += buf; }
  }
  return str_new(out);
}

// format(v, spec): type(v).__format__(v, spec), which must return a str.
Result<Value> format(Value v, Str* spec) {
  if (spec->nbytes == 0 && v.type() == tp_str) return v;
  Value m = type_lookup(v.type(), N.__format__);
  if (!m) return raise_fmt(tp_TypeError, "Type %s doesn't define __format__", type_name(v));
  Value s = spec;
  Value r = TRY(call_unbound(m, v, &s, 1));
  if (!is_str(r)) return raise_fmt(tp_TypeError, "__format__ must return a str, not %s", type_name(r));
  return r;
}

}  // namespace gilpy
