// Runtime support for structural pattern matching (PEP 634), with CPython
// 3.11's semantics and error messages.
//
// A subject is a sequence / mapping for a pattern when its type carries
// TF_SEQUENCE / TF_MAPPING (CPython's Py_TPFLAGS_SEQUENCE / MAPPING): builtins
// statically, classes by inheritance, and classes registered with (or
// defined with __abc_tpflags__ by) collections.abc.Sequence / Mapping
// through _abc.
#include "vm/vm_match.h"

#include "objects/dict.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

// Types whose single positional sub-pattern matches the whole subject
// (CPython's _Py_TPFLAGS_MATCH_SELF), inherited by subclasses.
bool match_self(Type* t) {
  for (Type* b : {tp_bool, tp_bytearray, tp_bytes, tp_dict, tp_float, tp_frozenset, tp_int, tp_list, tp_set, tp_str,
                  tp_tuple})
    if (t == b || is_subtype(t, b)) return true;
  return false;
}

// One attribute for a class pattern; *out null (no error) when absent.
Status match_class_attr(Value subject, Type* cls, Value name, Set* seen, Value* out) {
  *out = Value();
  Result<bool> dup = set_contains(seen, name);
  TRY(dup);
  if (dup.value()) {
    Result<Str*> r = repr(name);
    TRY(r);
    return raise_fmt(tp_TypeError, "%s() got multiple sub-patterns for attribute %s", cls->name->data,
                     r.value()->data);
  }
  TRY(set_add(seen, name));
  return getattr_opt(subject, as_str(name), out);
}

}  // namespace

Result<bool> match_is_mapping(Value v) { return (v.type()->flags & TF_MAPPING) != 0; }

Result<bool> match_is_sequence(Value v) { return (v.type()->flags & TF_SEQUENCE) != 0; }

Status match_keys(Value map, Tuple* keys, Value* values) {
  *values = Value();
  const int64_t n = keys->size;
  if (n == 0) {
    *values = Value(tuple_empty());
    return OK();
  }
  // An exact dict answers directly; anything else goes through its own
  // .get(key, sentinel), which (unlike []) never triggers __missing__.
  const bool exact = map.type() == tp_dict;
  Value get;
  if (!exact) {
    Result<Value> g = getattr(map, str_intern("get"));
    TRY(g);
    get = g.value();
  }
  Set* seen = set_new();
  Value sentinel(alloc_instance(tp_object));
  Tuple* out = tuple_new(n);
  for (int64_t i = 0; i < n; i++) {
    Value key = keys->items[i];
    Result<bool> dup = set_contains(seen, key);
    TRY(dup);
    if (dup.value()) {
      Result<Str*> r = repr(key);
      TRY(r);
      return raise_fmt(tp_ValueError, "mapping pattern checks duplicate key (%s)", r.value()->data);
    }
    TRY(set_add(seen, key));
    Value v;
    if (exact) {
      TRY(dict_get2(as_dict(map), key, &v));
      if (!v) return OK();
    } else {
      Result<Value> r = call2(get, key, sentinel);
      TRY(r);
      v = r.value();
      if (v == sentinel) return OK();
    }
    out->items[i] = v;
  }
  *values = Value(out);
  return OK();
}

Status match_class(Value subject, Value cls, int64_t nargs, Tuple* names, Value* attrs) {
  *attrs = Value();
  if (!is_type(cls)) return raise(tp_TypeError, "called match pattern must be a type");
  Result<bool> inst = isinstance_check(subject, cls);
  TRY(inst);
  if (!inst.value()) return OK();
  Type* t = as_type(cls);
  Set* seen = set_new();
  Tuple* out = tuple_new(nargs + names->size);
  for (int64_t i = 0; i < out->size; i++) out->items[i] = None();  // keep the tuple scannable
  if (nargs) {
    Value match_args;
    TRY(getattr_opt(cls, str_intern("__match_args__"), &match_args));
    bool self = false;
    if (match_args) {
      if (match_args.type() != tp_tuple)
        return raise_fmt(tp_TypeError, "%s.__match_args__ must be a tuple (got %s)", type_name_of(t),
                         type_name(match_args));
    } else {
      // MATCH_SELF counts only when the class does not define __match_args__.
      match_args = Value(tuple_empty());
      self = match_self(t);
    }
    Tuple* ma = match_args.as<Tuple>();
    const int64_t allowed = self ? 1 : ma->size;
    if (allowed < nargs)
      return raise_fmt(tp_TypeError, "%s() accepts %lld positional sub-pattern%s (%lld given)", type_name_of(t),
                       static_cast<long long>(allowed), allowed == 1 ? "" : "s", static_cast<long long>(nargs));
    if (self) {
      out->items[0] = subject;
    } else {
      for (int64_t i = 0; i < nargs; i++) {
        Value name = ma->items[i];
        if (name.type() != tp_str)
          return raise_fmt(tp_TypeError, "__match_args__ elements must be strings (got %s)", type_name(name));
        Value v;
        TRY(match_class_attr(subject, t, name, seen, &v));
        if (!v) return OK();
        out->items[i] = v;
      }
    }
  }
  for (int64_t i = 0; i < names->size; i++) {
    Value v;
    TRY(match_class_attr(subject, t, names->items[i], seen, &v));
    if (!v) return OK();
    out->items[nargs + i] = v;
  }
  *attrs = Value(out);
  return OK();
}

}  // namespace gilpy
