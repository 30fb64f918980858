// types.GenericAlias: the value of `list[int]`, `dict[str, T]`, `tuple[*Ts]`
// (PEP 585, PEP 646), as CPython 3.11 defines it.
//
// An alias is (origin, args, starred). Everything typing needs comes from
// a few rules:
//  * __parameters__: the type variables among the args, in first-seen order:
//    an arg with `__typing_subst__` (TypeVar, ParamSpec, TypeVarTuple) is
//    one, other args contribute their own __parameters__; computed once.
//  * alias[item] substitutes them (subs_parameters, shared with
//    types.UnionType): typing's `__typing_prepare_subst__` hooks adjust the
//    item first, then each arg is replaced through its `__typing_subst__`
//    or, for a nested generic, by subscripting it with the matching items.
//  * `*alias` (iteration) gives the starred alias once; a starred
//    tuple[...] exposes its args as `__typing_unpacked_tuple_args__`.
//  * attribute reads other than the alias's own go to the origin
//    (`list[int].append`, `list[int].__name__`), through __getattribute__.
#include <string>

#include "objects/dict.h"
#include "objects/genericalias.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "objects/int.h"
#include "objects/module.h"
#include "runtime/protocols.h"

namespace gilpy {

struct GenericAlias : Object {
  Dict* dict;
  Value origin;
  Tuple* args;
  Tuple* parameters;  // null until first asked for
  bool starred;
};

size_t generic_alias_size() { return sizeof(GenericAlias); }

static GenericAlias* GA(Value v) { return v.as<GenericAlias>(); }

static Result<Value> alias_make(Type* t, Value origin, Value args, bool starred) {
  GenericAlias* g = static_cast<GenericAlias*>(alloc_instance(t, sizeof(GenericAlias)));
  g->origin = origin;
  g->args = is_tuple(args) ? as_tuple(args) : tuple_of({args});
  g->parameters = nullptr;
  g->starred = starred;
  return Value(g);
}

Result<Value> generic_alias_new(Value origin, Value args) { return alias_make(tp_GenericAlias, origin, args, false); }

// cls[args] for builtin generic types (PEP 585): a classmethod in their tables.
Result<Value> generic_class_getitem(Value* a, int64_t n, Tuple*) {
  if (n != 2) return raise_fmt(tp_TypeError, "__class_getitem__() takes exactly one argument (%lld given)", (long long)(n - 1));
  return generic_alias_new(a[0], a[1]);
}

// ---- parameters and substitution (shared with types.UnionType) ----

// The attribute, or a null Value when o has none. (A Result<Value> cannot
// carry null: that is its error state.)
static Status attr_opt(Value o, const char* name, Value* out) { return getattr_opt(o, str_intern(name), out); }

static Result<int64_t> index_of(const gc::Vector<Value>& xs, Value v) {
  for (size_t i = 0; i < xs.size(); i++)
    if (xs[i] == v || TRY(eq(xs[i], v))) return int64_t(i);
  return int64_t(-1);
}

Result<Tuple*> make_parameters(Tuple* args) {
  gc::Vector<Value> params;
  for (int64_t i = 0; i < args->size; i++) {
    Value t = args->items[i];
    if (is_type(t)) continue;  // a class is never a parameter, even one with such attributes
    Value subst;
    TRY(attr_opt(t, "__typing_subst__", &subst));
    if (subst) {
      if (TRY(index_of(params, t)) < 0) params.push_back(t);
      continue;
    }
    Value sub;
    TRY(attr_opt(t, "__parameters__", &sub));
    if (sub && is_tuple(sub)) {
      Tuple* st = as_tuple(sub);
      for (int64_t j = 0; j < st->size; j++)
        if (TRY(index_of(params, st->items[j])) < 0) params.push_back(st->items[j]);
    }
  }
  return tuple_from(params.data(), int64_t(params.size()));
}

// The item of alias[item] as a list of arguments: a starred tuple[...]
// contributes its own args (tuple[int, *tuple[str, bool]] has three).
static Result<gc::Vector<Value>> unpack_args(Value item) {
  gc::Vector<Value> out;
  auto add = [&](Value v) -> Status {
    if (!is_type(v)) {
      Value sub;
      TRY(attr_opt(v, "__typing_unpacked_tuple_args__", &sub));
      if (sub && is_tuple(sub)) {
        Tuple* st = as_tuple(sub);
        // `*tuple[int, ...]` stays as it is: its length is unknown.
        bool open = st->size > 0 && st->items[st->size - 1] == Value(g_Ellipsis);
        if (!open) {
          for (int64_t j = 0; j < st->size; j++) out.push_back(st->items[j]);
          return OK();
        }
      }
    }
    out.push_back(v);
    return OK();
  };
  if (is_tuple(item)) {
    Tuple* t = as_tuple(item);
    for (int64_t i = 0; i < t->size; i++) TRY(add(t->items[i]));
  } else {
    TRY(add(item));
  }
  return out;
}

static Result<bool> is_unpacked_typevartuple(Value arg) {
  if (is_type(arg)) return false;
  Value v;
  TRY(attr_opt(arg, "__typing_is_unpacked_typevartuple__", &v));
  return v ? truthy(v) : Result<bool>(false);
}

// A nested generic arg with its own parameters, substituted by subscripting
// it with the items that match them (a TypeVarTuple's items spread out).
static Result<Value> subs_tvars(Value obj, Tuple* params, Tuple* items) {
  Value sub;
  TRY(attr_opt(obj, "__parameters__", &sub));
  if (!sub || !is_tuple(sub) || as_tuple(sub)->size == 0) return obj;
  Tuple* sp = as_tuple(sub);
  gc::Vector<Value> subargs;
  for (int64_t i = 0; i < sp->size; i++) {
    Value arg = sp->items[i];
    for (int64_t k = 0; k < params->size; k++) {
      if (params->items[k] != arg && !TRY(eq(params->items[k], arg))) continue;
      Value param = params->items[k];
      arg = items->items[k];
      Value it = type_lookup(param.type(), N.__iter__);
      if (it && is_tuple(arg)) {
        Tuple* at = as_tuple(arg);
        for (int64_t j = 0; j < at->size; j++) subargs.push_back(at->items[j]);
        arg = Value();
      }
      break;
    }
    if (arg) subargs.push_back(arg);
  }
  Tuple* key = tuple_from(subargs.data(), int64_t(subargs.size()));
  return getitem(obj, Value(key));
}

Result<Tuple*> subs_parameters(Value self, Tuple* args, Tuple* params, Value item) {
  if (params->size == 0) {
    Str* r = TRY(repr(self));
    return raise_fmt(tp_TypeError, "%s is not a generic class", std::string(r->view()).c_str());
  }
  gc::Vector<Value> unpacked = TRY(unpack_args(item));
  Value items_v = Value(tuple_from(unpacked.data(), int64_t(unpacked.size())));
  for (int64_t i = 0; i < params->size; i++) {
    Value prepare;
    TRY(attr_opt(params->items[i], "__typing_prepare_subst__", &prepare));
    if (!prepare) continue;
    Value argv[2] = {self, items_v};
    items_v = TRY(call(prepare, argv, 2));
    if (!is_tuple(items_v)) items_v = Value(tuple_of({items_v}));
  }
  Tuple* items = as_tuple(items_v);
  if (items->size != params->size) {
    Str* r = TRY(repr(self));
    return raise_fmt(tp_TypeError, "Too %s arguments for %s; actual %lld, expected %lld",
                     items->size > params->size ? "many" : "few", std::string(r->view()).c_str(),
                     (long long)items->size, (long long)params->size);
  }
  gc::Vector<Value> out;
  for (int64_t i = 0; i < args->size; i++) {
    Value arg = args->items[i];
    if (is_type(arg)) {
      out.push_back(arg);
      continue;
    }
    bool unpack = TRY(is_unpacked_typevartuple(arg));
    Value subst;
    TRY(attr_opt(arg, "__typing_subst__", &subst));
    if (subst) {
      int64_t k = -1;
      for (int64_t j = 0; j < params->size && k < 0; j++)
        if (params->items[j] == arg || TRY(eq(params->items[j], arg))) k = j;
      if (k < 0) return raise(tp_SystemError, "type variable not among the parameters");
      Value a1 = items->items[k];
      arg = TRY(call(subst, &a1, 1));
    } else {
      arg = TRY(subs_tvars(arg, params, items));
    }
    if (unpack && is_tuple(arg)) {
      Tuple* at = as_tuple(arg);
      for (int64_t j = 0; j < at->size; j++) out.push_back(at->items[j]);
    } else {
      out.push_back(arg);
    }
  }
  return tuple_from(out.data(), int64_t(out.size()));
}

// ---- repr ----

// One argument as CPython writes it: `...`, a nested alias by its repr, a
// class as module.qualname (bare for builtins), anything else by repr.
Result<std::string> alias_item_repr(Value v) {
  if (v == Value(g_Ellipsis)) return std::string("...");
  Value origin, args;
  TRY(attr_opt(v, "__origin__", &origin));
  if (origin) TRY(attr_opt(v, "__args__", &args));
  if (origin && args) {
    Str* r = TRY(repr(v));
    return std::string(r->view());
  }
  Value qn, mod;
  TRY(attr_opt(v, "__qualname__", &qn));
  if (qn) TRY(attr_opt(v, "__module__", &mod));
  if (!qn || !mod || is_none(mod) || !is_str(qn) || !is_str(mod)) {
    Str* r = TRY(repr(v));
    return std::string(r->view());
  }
  if (as_str(mod)->view() == "builtins") return std::string(as_str(qn)->view());
  return std::string(as_str(mod)->view()) + "." + std::string(as_str(qn)->view());
}

static Result<Value> ga_repr(Value* a, int64_t, Tuple*) {
  GenericAlias* g = GA(a[0]);
  std::string s = g->starred ? "*" : "";
  s += TRY(alias_item_repr(g->origin));
  s += "[";
  if (g->args->size == 0) s += "()";
  for (int64_t i = 0; i < g->args->size; i++) {
    if (i) s += ", ";
    Value p = g->args->items[i];
    if (p.type() == tp_list) {  // a ParamSpec's substitution: [int, str]
      List* l = as_list(p);
      s += "[";
      for (int64_t j = 0; j < l->size; j++) {
        if (j) s += ", ";
        s += TRY(alias_item_repr(l->items[j]));
      }
      s += "]";
    } else {
      s += TRY(alias_item_repr(p));
    }
  }
  return Value(str_new(s + "]"));
}

// ---- methods ----

static Result<Value> ga_new(Value* a, int64_t n, Tuple* kw) {
  // Keywords are refused unless a subclass brings its own __init__ to take them.
  if (kw && kw->size &&
      (as_type(a[0]) == tp_GenericAlias || type_lookup(as_type(a[0]), N.__init__) == type_lookup(tp_GenericAlias, N.__init__)))
    return raise(tp_TypeError, "GenericAlias() takes no keyword arguments");
  TRY(check_nargs("GenericAlias", n - 1, 2, 2));
  return alias_make(as_type(a[0]), a[1], a[2], false);
}

static Result<Value> ga_call(Value* a, int64_t n, Tuple* kw) {
  Value obj = TRY(call(GA(a[0])->origin, a + 1, n - 1, kw));
  // Instances remember the alias that made them (typing relies on it);
  // objects that cannot take the attribute are left alone.
  if (setattr(obj, str_intern("__orig_class__"), a[0]).is_err()) {
    if (!exc_matches(tp_AttributeError) && !exc_matches(tp_TypeError)) return ERR;
    exc_clear();
  }
  return obj;
}

// The names an alias answers itself; every other attribute is the origin's.
static bool own_attribute(std::string_view n) {
  static const char* own[] = {"__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
                              "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
                              "__reduce__", "__copy__", "__deepcopy__"};
  for (const char* o : own)
    if (n == o) return true;
  return false;
}

static Result<Value> ga_getattribute(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getattribute__", n - 1, 1, 1));
  if (!is_str(a[1]))
    return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  Str* name = str_intern(as_str(a[1]));
  if (!own_attribute(name->view())) return getattr(GA(a[0])->origin, name);
  return generic_getattr(a[0], name, false);
}

static Result<Value> ga_getitem(Value* a, int64_t, Tuple*) {
  GenericAlias* g = GA(a[0]);
  if (!g->parameters) g->parameters = TRY(make_parameters(g->args));
  Tuple* newargs = TRY(subs_parameters(a[0], g->args, g->parameters, a[1]));
  return alias_make(tp_GenericAlias, g->origin, Value(newargs), g->starred);
}

static Result<Value> ga_eq(Value* a, int64_t, Tuple*) {
  if (!is_subtype(a[1].type(), tp_GenericAlias)) return Value(g_NotImplemented);
  GenericAlias* x = GA(a[0]);
  GenericAlias* y = GA(a[1]);
  if (x->starred != y->starred) return False();
  if (!TRY(eq(x->origin, y->origin))) return False();
  return Bool(TRY(eq(Value(x->args), Value(y->args))));
}

static Result<Value> ga_ne(Value* a, int64_t n, Tuple* kw) {
  Value r = TRY(ga_eq(a, n, kw));
  if (r == Value(g_NotImplemented)) return r;
  return Bool(r != True());
}

static Result<Value> ga_hash(Value* a, int64_t, Tuple*) {
  int64_t h1 = TRY(hash(GA(a[0])->origin));
  int64_t h2 = TRY(hash(Value(GA(a[0])->args)));
  return int_from_i64(h1 ^ h2);
}

static Result<Value> ga_mro_entries(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__mro_entries__", n - 1, 1, 1));
  return Value(tuple_of({GA(a[0])->origin}));
}

static Result<Value> ga_instancecheck(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
static Result<Value> ga_subclasscheck(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

// Pickled as GenericAlias(origin, args); a starred one as next(iter(alias)).
static Result<Value> ga_reduce(Value* a, int64_t, Tuple*) {
  GenericAlias* g = GA(a[0]);
  if (g->starred) {
    Value plain = TRY(alias_make(tp_GenericAlias, g->origin, Value(g->args), false));
    Value it = TRY(get_iter(plain));
    Value next_fn = dict_get_str(g_interp.builtins->dict, str_intern("next"));
    return Value(tuple_of({next_fn, Value(tuple_of({it}))}));
  }
  return Value(tuple_of({Value(a[0].type()), Value(tuple_of({g->origin, Value(g->args)}))}));
}

static Result<Value> ga_dir(Value* a, int64_t, Tuple*) {
  Value dir_fn = dict_get_str(g_interp.builtins->dict, str_intern("dir"));
  Value d = TRY(call1(dir_fn, GA(a[0])->origin));
  List* out = TRY(to_list(d));
  static const char* own[] = {"__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
                              "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
                              "__reduce__", "__copy__", "__deepcopy__"};
  for (const char* o : own) {
    Value s = Value(str_intern(o));
    bool has = false;
    for (int64_t i = 0; i < out->size && !has; i++) has = TRY(eq(out->items[i], s));
    if (!has) TRY(list_append(out, s));
  }
  return Value(out);
}

// `*list[int]`: iterating an alias gives its starred form, once. The
// iterator (CPython's generic_alias_iterator) pickles as iter(alias) of the
// plain alias, so copying a starred alias does not recurse through itself.
struct AliasIter : Object {
  Dict* dict;
  Value obj;  // the plain alias, null once iterated
};
static Type* tp_alias_iter;
static Result<Value> gai_next(Value* a, int64_t, Tuple*) {
  AliasIter* it = a[0].as<AliasIter>();
  if (!it->obj) return raise_stop_iteration(Value());
  GenericAlias* g = GA(it->obj);
  it->obj = Value();
  return alias_make(tp_GenericAlias, g->origin, Value(g->args), true);
}
static Result<Value> gai_iter(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> gai_reduce(Value* a, int64_t, Tuple*) {
  AliasIter* it = a[0].as<AliasIter>();
  Value iter_fn = dict_get_str(g_interp.builtins->dict, str_intern("iter"));
  Value arg = it->obj ? it->obj : Value(tuple_empty());
  return Value(tuple_of({iter_fn, Value(tuple_of({arg}))}));
}
static const MethodDef gai_methods[] = {{"__next__", gai_next}, {"__iter__", gai_iter}, {"__reduce__", gai_reduce},
                                        {nullptr, nullptr}};
static Result<Value> ga_iter(Value* a, int64_t, Tuple*) {
  if (!tp_alias_iter)
    tp_alias_iter = native_type_new("builtins", "generic_alias_iterator", tp_object, Layout::Other, sizeof(AliasIter),
                                    gai_methods, nullptr, 0);
  GenericAlias* g = GA(a[0]);
  AliasIter* it = static_cast<AliasIter*>(alloc_instance(tp_alias_iter, sizeof(AliasIter)));
  it->obj = g->starred ? TRY(alias_make(tp_GenericAlias, g->origin, Value(g->args), false)) : a[0];
  return Value(it);
}

Result<Value> make_union(Value a, Value b);
static Result<Value> ga_or(Value* a, int64_t, Tuple*) { return make_union(a[0], a[1]); }
static Result<Value> ga_ror(Value* a, int64_t, Tuple*) { return make_union(a[1], a[0]); }

static Result<Value> ga_origin(Value s) { return GA(s)->origin; }
static Result<Value> ga_args(Value s) { return Value(GA(s)->args); }
static Result<Value> ga_params(Value s) {
  GenericAlias* g = GA(s);
  if (!g->parameters) g->parameters = TRY(make_parameters(g->args));
  return Value(g->parameters);
}
static Result<Value> ga_unpacked(Value s) { return Bool(GA(s)->starred); }
static Result<Value> ga_unpacked_args(Value s) {
  GenericAlias* g = GA(s);
  if (g->starred && g->origin == Value(tp_tuple)) return Value(g->args);
  return None();
}

static const MethodDef ga_methods[] = {
    {"__new__", ga_new, MethKind::Static}, {"__repr__", ga_repr}, {"__call__", ga_call},
    {"__getattribute__", ga_getattribute}, {"__getitem__", ga_getitem}, {"__eq__", ga_eq}, {"__ne__", ga_ne},
    {"__hash__", ga_hash}, {"__mro_entries__", ga_mro_entries}, {"__instancecheck__", ga_instancecheck},
    {"__subclasscheck__", ga_subclasscheck}, {"__reduce__", ga_reduce}, {"__dir__", ga_dir},
    {"__iter__", ga_iter}, {"__or__", ga_or}, {"__ror__", ga_ror}, {nullptr, nullptr}};
static const GetSetDef ga_getsets[] = {{"__origin__", ga_origin},
                                       {"__args__", ga_args},
                                       {"__parameters__", ga_params},
                                       {"__unpacked__", ga_unpacked},
                                       {"__typing_unpacked_tuple_args__", ga_unpacked_args},
                                       {nullptr, nullptr}};

void init_generic_alias_type() {
  type_add_methods(tp_GenericAlias, ga_methods);
  type_add_getsets(tp_GenericAlias, ga_getsets);
  type_set_attr_const(tp_GenericAlias, "__module__", Value(str_intern("types")));
}

}  // namespace gilpy
