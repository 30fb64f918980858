// Struct sequences and types.SimpleNamespace (see structseq.h).
//
// A struct-sequence type is a heap subclass of `structseq` (itself a tuple
// subclass). Its dict holds `_fields` (all names) and `n_sequence_fields`;
// field access goes through structseq.__getattr__, which finds the index.
// Fields past the visible ones live in the instance dict.
#include "objects/structseq.h"

#include <cstddef>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

Type* structseq_new_type(const char* module, const char* name, std::initializer_list<const char*> fields,
                         int n_visible) {
  Tuple* names = tuple_new(int64_t(fields.size()));
  int64_t i = 0;
  for (const char* f : fields) names->items[i++] = Value(str_intern(f));
  Dict* ns = dict_new();
  dict_set_str(ns, str_intern("_fields"), Value(names));
  int nv = n_visible < 0 ? int(fields.size()) : n_visible;
  dict_set_str(ns, str_intern("n_sequence_fields"), Value::small(nv));
  dict_set_str(ns, str_intern("n_fields"), Value::small(int64_t(fields.size())));
  // A visible field whose name a later field takes again is CPython's
  // "unnamed" field (os.stat_result's integer st_atime/st_mtime/st_ctime at
  // 7-9, the float ones come after); __match_args__ lists the named ones.
  int n_unnamed = 0;
  gc::Vector<Value> match_args;
  for (int64_t a = 0; a < nv && a < names->size; a++) {
    bool later = false;
    for (int64_t b = a + 1; b < names->size && !later; b++) later = str_eq(as_str(names->items[a]), as_str(names->items[b]));
    if (later) n_unnamed++;
    else match_args.push_back(names->items[a]);
  }
  dict_set_str(ns, str_intern("n_unnamed_fields"), Value::small(n_unnamed));
  dict_set_str(ns, str_intern("__match_args__"), Value(tuple_from(match_args.data(), int64_t(match_args.size()))));
  dict_set_str(ns, N.__module__, Value(str_intern(module)));
  Result<Value> t = type_new(tp_type, str_intern(name), tuple_of({Value(tp_structseq)}), ns, nullptr);
  GILPY_ASSERT(t.ok());
  // Each named visible field is a read-only member descriptor on the type, as
  // in CPython: dir() lists it and assigning to it raises AttributeError.
  std::vector<MemberDef> members;
  for (int64_t a = 0; a < nv && a < names->size; a++) {
    bool later = false;
    for (int64_t b = a + 1; b < names->size && !later; b++) later = str_eq(as_str(names->items[a]), as_str(names->items[b]));
    if (later) continue;
    members.push_back(MemberDef{as_str(names->items[a])->data, int32_t(offsetof(Tuple, items) + a * sizeof(Value)),
                                MEMBER_READONLY});
  }
  members.push_back(MemberDef{nullptr, 0, 0});
  type_add_members(as_type(t.value()), members.data());
  return as_type(t.value());
}

// sys.flags and sys.version_info cannot be instantiated by programs (their
// CPython types have no tp_new).
static Result<Value> ss_no_new(Value* a, int64_t, Tuple*) {
  Type* t = is_type(a[0]) ? as_type(a[0]) : a[0].type();
  Value mod = dict_get_str(t->dict, N.__module__);
  std::string name = mod && is_str(mod) ? std::string(as_str(mod)->view()) + "." : "";
  name += t->name->view();
  return raise_fmt(tp_TypeError, "cannot create '%s' instances", name.c_str());
}
void structseq_forbid_new(Type* t) {
  static const MethodDef no_new[] = {{"__new__", ss_no_new, MethKind::Static}, {nullptr, nullptr}};
  type_add_methods(t, no_new);
}

static int64_t visible_of(Type* t) {
  Value n = type_lookup(t, str_intern("n_sequence_fields"));
  return n && n.is_small() ? n.as_small() : 0;
}
static Tuple* fields_of(Type* t) {
  Value f = type_lookup(t, str_intern("_fields"));
  return f && is_tuple(f) ? as_tuple(f) : tuple_empty();
}

Value structseq_from(Type* t, const Value* values, int64_t n) {
  int64_t nv = visible_of(t);
  if (nv > n) nv = n;
  Tuple* r = static_cast<Tuple*>(alloc_instance(t, sizeof(Tuple) + size_t(nv) * sizeof(Value)));
  r->size = nv;
  r->hash = -1;
  for (int64_t i = 0; i < nv; i++) r->items[i] = values[i];
  Tuple* f = fields_of(t);
  if (n > nv) {
    Dict* d = dict_new();
    for (int64_t i = nv; i < n && i < f->size; i++) dict_set_str(d, as_str(f->items[i]), values[i]);
    r->dict = d;
  }
  return Value(r);
}

Value structseq_new(Type* t, std::initializer_list<Value> values) {
  gc::Vector<Value> v(values.begin(), values.end());
  return structseq_from(t, v.data(), int64_t(v.size()));
}

static Result<Value> ss_getattr(Value* a, int64_t n, Tuple*) {
  if (!is_str(a[1])) return raise(tp_TypeError, "attribute name must be string");
  Tuple* f = fields_of(a[0].type());
  Tuple* self = a[0].as<Tuple>();
  for (int64_t i = 0; i < f->size && i < self->size; i++)
    if (str_eq(as_str(f->items[i]), as_str(a[1]))) return self->items[i];
  return raise_fmt(tp_AttributeError, "'%s' object has no attribute '%s'", type_name(a[0]), as_str(a[1])->data);
}
// Instances are immutable: every field (visible or not) is read-only and no
// other attribute can be added (CPython's struct sequences have no __dict__).
static Result<Value> ss_setattr_common(Value self, Value name) {
  if (!is_str(name)) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(name));
  Tuple* f = fields_of(self.type());
  for (int64_t i = 0; i < f->size; i++)
    if (str_eq(as_str(f->items[i]), as_str(name))) return raise(tp_AttributeError, "readonly attribute");
  Type* t = self.type();
  Value mod = dict_get_str(t->dict, N.__module__);
  std::string full = (mod && is_str(mod) && as_str(mod)->view() != "builtins" ? std::string(as_str(mod)->view()) + "." : "") +
                     std::string(t->name->view());
  return raise_fmt(tp_AttributeError, "'%s' object has no attribute '%s'", full.c_str(), as_str(name)->data);
}
static Result<Value> ss_setattr(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setattr__", n - 1, 2, 2));
  return ss_setattr_common(a[0], a[1]);
}
static Result<Value> ss_delattr(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__delattr__", n - 1, 1, 1));
  return ss_setattr_common(a[0], a[1]);
}
static Result<Value> ss_new(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("structseq", a + 1, n - 1, kw, {"sequence", "dict"}, 1, out));
  Type* t = as_type(a[0]);
  // CPython's messages name the type with its module (tp_name "time.struct_time").
  Value mod = dict_get_str(t->dict, N.__module__);
  std::string full = (mod && is_str(mod) && as_str(mod)->view() != "builtins" ? std::string(as_str(mod)->view()) + "." : "") +
                     std::string(t->name->view());
  Result<Tuple*> seq = to_tuple(out[0]);
  if (seq.is_err()) {
    if (!exc_matches(tp_TypeError)) return ERR;
    exc_clear();
    return raise(tp_TypeError, "constructor requires a sequence");
  }
  Tuple* items = seq.value();
  if (out[1] && !is_dict(out[1]))
    return raise_fmt(tp_TypeError, "%s() takes a dict as second arg, if any", full.c_str());
  int64_t nv = visible_of(t);
  int64_t nf = fields_of(t)->size;
  if (items->size < nv)
    return raise_fmt(tp_TypeError, "%s() takes an at least %lld-sequence (%lld-sequence given)", full.c_str(),
                     (long long)nv, (long long)items->size);
  if (items->size > nf)
    return raise_fmt(tp_TypeError, "%s() takes an at most %lld-sequence (%lld-sequence given)", full.c_str(),
                     (long long)nf, (long long)items->size);
  Value r = structseq_from(t, items->items, items->size);
  // Invisible fields not in the sequence come from the dict, else None.
  Tuple* f = fields_of(t);
  if (items->size < nf) {
    Tuple* self = r.as<Tuple>();
    if (!self->dict) self->dict = dict_new();
    for (int64_t i = items->size; i < nf; i++) {
      Value v = out[1] ? dict_get_str(as_dict(out[1]), as_str(f->items[i])) : Value();
      dict_set_str(self->dict, as_str(f->items[i]), v ? v : None());
    }
  }
  return r;
}
static Result<Value> ss_repr(Value* a, int64_t, Tuple*) {
  Type* t = a[0].type();
  Tuple* f = fields_of(t);
  Tuple* self = a[0].as<Tuple>();
  Value mod = dict_get_str(t->dict, N.__module__);
  std::string s;
  if (mod && is_str(mod) && std::string(as_str(mod)->view()) != "builtins") s = std::string(as_str(mod)->view()) + ".";
  s += std::string(t->name->view()) + "(";
  for (int64_t i = 0; i < self->size; i++) {
    if (i) s += ", ";
    if (i < f->size) s += std::string(as_str(f->items[i])->view()) + "=";
    Str* r = TRY(repr(self->items[i]));
    s += r->view();
  }
  return Value(str_new(s + ")"));
}
static Result<Value> ss_reduce(Value* a, int64_t, Tuple*) {
  Tuple* self = a[0].as<Tuple>();
  Dict* d = self->dict ? self->dict : dict_new();
  return Value(tuple_of({Value(a[0].type()), Value(tuple_of({Value(tuple_from(self->items, self->size)), Value(d)}))}));
}
static const MethodDef ss_methods[] = {{"__new__", ss_new, MethKind::Static}, {"__getattr__", ss_getattr},
                                       {"__setattr__", ss_setattr}, {"__delattr__", ss_delattr},
                                       {"__repr__", ss_repr}, {"__reduce__", ss_reduce}, {nullptr, nullptr}};

// ---- SimpleNamespace ----------------------------------------------------------------------
struct Namespace : Object {
  Dict* dict;
};
Value namespace_new(std::initializer_list<std::pair<const char*, Value>> attrs) {
  Namespace* ns = static_cast<Namespace*>(alloc_instance(tp_SimpleNamespace, sizeof(Namespace)));
  ns->dict = dict_new();
  for (auto& [k, v] : attrs) dict_set_str(ns->dict, str_intern(k), v);
  return Value(ns);
}
static Result<Value> ns_new(Value* a, int64_t n, Tuple* kw) {
  Namespace* ns = static_cast<Namespace*>(alloc_instance(as_type(a[0]), sizeof(Namespace)));
  ns->dict = dict_new();
  return Value(ns);
}
static Result<Value> ns_init(Value* a, int64_t n, Tuple* kw) {
  // 3.11 takes keywords only (a positional mapping is 3.13's).
  if (n > 1) return raise(tp_TypeError, "no positional arguments expected");
  Namespace* ns = a[0].as<Namespace>();
  if (kw)
    for (int64_t i = 0; i < kw->size; i++) TRY(dict_set(ns->dict, kw->items[i], a[n + i]));
  return None();
}
bool repr_enter(Value self);
void repr_leave();
static Result<Value> ns_repr(Value* a, int64_t, Tuple*) {
  Type* t = a[0].type();
  std::string name = t == tp_SimpleNamespace ? "namespace" : std::string(t->name->view());
  if (!repr_enter(a[0])) return Value(str_new(name + "(...)"));
  std::string s = name + "(";
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  Dict* d = a[0].as<Namespace>()->dict;
  while (dict_next(d, &pos, &k, &v)) {
    if (!is_str(k)) continue;
    if (!first) s += ", ";
    first = false;
    Result<Str*> r = repr(v);
    if (r.is_err()) { repr_leave(); return ERR; }
    s += std::string(as_str(k)->view()) + "=" + std::string(r.value()->view());
  }
  repr_leave();
  return Value(str_new(s + ")"));
}
static Result<Value> ns_eq(Value* a, int64_t, Tuple*) {
  if (!isinstance(a[1], tp_SimpleNamespace)) return Value(g_NotImplemented);
  return richcompare(Value(a[0].as<Namespace>()->dict), Value(a[1].as<Namespace>()->dict), 2);
}
static Result<Value> ns_reduce(Value* a, int64_t, Tuple*) {
  return Value(tuple_of({Value(a[0].type()), Value(tuple_empty()), Value(a[0].as<Namespace>()->dict)}));
}
static const MethodDef ns_methods[] = {{"__new__", ns_new, MethKind::Static}, {"__init__", ns_init},
                                       {"__repr__", ns_repr}, {"__eq__", ns_eq}, {"__reduce__", ns_reduce},
                                       {nullptr, nullptr}};

void init_structseq_types() {
  type_add_methods(tp_structseq, ss_methods);
  type_add_methods(tp_SimpleNamespace, ns_methods);
  type_set_attr_const(tp_SimpleNamespace, "__module__", Value(str_intern("types")));
  extern const GetSetDef instance_dict_getset[];
  type_add_getsets(tp_SimpleNamespace, instance_dict_getset);
}

size_t namespace_size() { return sizeof(Namespace); }

}  // namespace gilpy
