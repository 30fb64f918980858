// type: builtin type set-up, class creation (type.__new__), the C3 MRO, the
// attribute cache, instantiation (type.__call__), and type attributes.
#include "objects/type.h"

#include <algorithm>
#include <cstring>
#include <string>

#include <gc/gc.h>

#include "common/unicode.h"
#include "common/utf8.h"
#include "gc/weakref.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

// ---- versions and the attribute cache --------------------------------------
// Each type has a version from a global counter; a change to a type's dict or
// bases gives it and all its subclasses fresh versions. The cache maps
// (version, interned name) -> lookup result, so a hit costs two compares.
static uint32_t g_next_version = 1;
struct CacheEntry {
  uint32_t version;
  Str* name;
  Value value;
};
static constexpr size_t kCacheSize = 4096;
static CacheEntry g_cache[kCacheSize];  // static data: scanned by the collector

static Value lookup_uncached(Type* t, Str* name) {
  Tuple* mro = t->mro;  // held here: the MRO may be replaced while it is searched
  if (!mro) return dict_get_str(t->dict, name);
  for (int64_t i = 0; i < mro->size; i++) {
    Type* b = as_type(mro->items[i]);
    Value v = dict_get_str(b->dict, name);
    if (v) return v;
  }
  return Value();
}

Value type_lookup(Type* t, Str* name) {
  if (GILPY_UNLIKELY(!name->interned)) return lookup_uncached(t, name);
  size_t h = ((t->version * 2654435761u) ^ (uintptr_t(name) >> 4)) & (kCacheSize - 1);
  CacheEntry& e = g_cache[h];
  if (e.version == t->version && e.name == name) return e.value;
  // The version before the lookup: a class dict with a non-str key whose
  // __eq__ runs (dict_get_str) may change the class while it is searched,
  // and the result then belongs to the old version.
  uint32_t version = t->version;
  Value v = lookup_uncached(t, name);
  e.version = version;
  e.name = name;
  e.value = v;
  return v;
}

static void update_flags(Type* t) {
  uint32_t f = t->flags & ~(TF_HAS_GETATTR | TF_HAS_GETATTRIBUTE | TF_HAS_SETATTR | TF_HAS_DEL);
  if (lookup_uncached(t, N.__getattr__)) f |= TF_HAS_GETATTR;
  Value ga = lookup_uncached(t, N.__getattribute__);
  if (ga && ga != dict_get_str(tp_object->dict, N.__getattribute__)) f |= TF_HAS_GETATTRIBUTE;
  // object's and type's own __setattr__/__delattr__ are what setattr() does
  // without the flag (type_setattr for classes).
  Value sa = lookup_uncached(t, N.__setattr__);
  Value da = lookup_uncached(t, N.__delattr__);
  auto native = [](Value m, Str* name) {
    return m == dict_get_str(tp_object->dict, name) || m == dict_get_str(tp_type->dict, name);
  };
  if ((sa && !native(sa, N.__setattr__)) || (da && !native(da, N.__delattr__))) f |= TF_HAS_SETATTR;
  if (lookup_uncached(t, N.__del__)) f |= TF_HAS_DEL;
  t->flags = f;
}

// ---- subclass links -------------------------------------------------------------
// A base lists its subclasses weakly, as CPython's tp_subclasses does: each
// link is a SubclassRef (atomic memory, so not scanned) holding the subclass
// disguised, with a collector disappearing link that zeroes it once the
// subclass is unreachable. Links are revealed under the allocation lock, so
// the collector cannot reclaim a subclass between the load and the moment
// its address sits in scanned memory.
void type_add_subclass(Type* base, Type* sub) {
  if (!base->subclasses) base->subclasses = gc::make<gc::Vector<SubclassRef*>>();
  SubclassRef* r = static_cast<SubclassRef*>(gc::alloc_atomic(sizeof(SubclassRef)));
  r->hidden = GC_HIDE_POINTER(sub);
  // Classes outside the collected heap (static builtin types) are immortal.
  if (GC_base(sub) == static_cast<void*>(sub))
    GC_general_register_disappearing_link(reinterpret_cast<void**>(&r->hidden), sub);
  base->subclasses->push_back(r);
}

namespace {
struct RevealSubclasses {
  gc::Vector<SubclassRef*>* refs;
  Type* sub;    // type_remove_subclass: the link to drop
  Type** out;   // type_subclass_list: room for refs->size() entries
  size_t n;
  SubclassRef* dropped;  // the link to `sub`, unregistered after (that takes the lock)
};
}  // namespace

// Under the allocation lock: drop cleared links (and the link to `sub`),
// copy the live subclasses out. Allocates nothing.
static void* reveal_subclasses(void* p) {
  RevealSubclasses* c = static_cast<RevealSubclasses*>(p);
  auto& v = *c->refs;
  size_t keep = 0;
  for (size_t i = 0; i < v.size(); i++) {
    SubclassRef* r = v[i];
    if (!r->hidden) continue;
    Type* t = static_cast<Type*>(GC_REVEAL_POINTER(r->hidden));
    if (t == c->sub) {
      r->hidden = 0;
      c->dropped = r;
      c->sub = nullptr;  // one link per listing
      continue;
    }
    if (c->out) c->out[c->n++] = t;
    v[keep++] = r;
  }
  v.resize(keep);
  return nullptr;
}

void type_remove_subclass(Type* base, Type* sub) {
  if (!base->subclasses) return;
  RevealSubclasses c{base->subclasses, sub, nullptr, 0, nullptr};
  GC_call_with_alloc_lock(reveal_subclasses, &c);
  if (c.dropped) GC_unregister_disappearing_link(reinterpret_cast<void**>(&c.dropped->hidden));
}

gc::Vector<Type*> type_subclass_list(Type* t) {
  gc::Vector<Type*> out;
  if (!t->subclasses || t->subclasses->empty()) return out;
  out.resize(t->subclasses->size());
  RevealSubclasses c{t->subclasses, nullptr, out.data(), 0, nullptr};
  GC_call_with_alloc_lock(reveal_subclasses, &c);
  out.resize(c.n);
  return out;
}

void type_modified(Type* t) {
  t->version = g_next_version++;
  update_flags(t);
  if (t->subclasses && !t->subclasses->empty())
    for (Type* s : type_subclass_list(t)) type_modified(s);
}

// ---- builtin types ------------------------------------------------------------
Type* type_new_static(Type* t, const char* name, Type* base, Layout layout, size_t size, uint32_t flags) {
  t->type = tp_type;
  t->name = str_intern(name);
  t->qualname = t->name;
  t->base = base;
  t->bases = base ? tuple_of({Value(base)}) : tuple_empty();
  t->dict = dict_new();
  t->flags = flags | TF_IMMUTABLE;
  t->instance_size = uint32_t(size);
  t->layout = layout;
  t->version = g_next_version++;
  return t;
}

void type_add_methods(Type* t, const MethodDef* defs) {
  for (; defs->name; defs++) {
    Builtin* b = method_descr_new(t, defs->name, defs->fn, defs->doc);
    Value v = b;
    if (defs->kind == MethKind::NoArgs) b->arity = Arity::NoArgs;
    if (defs->kind == MethKind::O) b->arity = Arity::O;
    if (defs->kind == MethKind::Class) {
      b->type = tp_classmethod_descriptor;
    } else if (defs->kind == MethKind::Static) {
      b->type = tp_builtin_function_or_method;  // owner kept: __new__ checks its cls argument
      // A static method in a type dict must not bind: wrap it like staticmethod().
      Object* sm = alloc_instance(tp_staticmethod, 24);
      reinterpret_cast<Value*>(sm)[2] = v;
      v = sm;
    }
    dict_set_str(t->dict, str_intern(defs->name), v);
  }
  t->version = g_next_version++;
}

bool type_inherits_slot(Type* t, Str* name, Type* base) {
  return t == base || type_lookup(t, name) == type_lookup(base, name);
}

void type_add_getsets(Type* t, const GetSetDef* defs) {
  for (; defs->name; defs++) {
    GetSet* g = static_cast<GetSet*>(alloc_instance(tp_getset_descriptor, sizeof(GetSet)));
    g->name = str_intern(defs->name);
    g->owner = t;
    g->get = defs->get;
    g->set = defs->set;
    g->doc = defs->doc;
    dict_set_str(t->dict, g->name, g);
  }
  t->version = g_next_version++;
}

void type_add_members(Type* t, const MemberDef* defs) {
  for (; defs->name; defs++) {
    Member* m = static_cast<Member*>(alloc_instance(tp_member_descriptor, sizeof(Member)));
    m->name = str_intern(defs->name);
    m->owner = t;
    m->offset = defs->offset;
    m->flags = defs->flags;
    m->doc = defs->doc;
    dict_set_str(t->dict, m->name, m);
  }
  t->version = g_next_version++;
}

static Value* member_slot(Member* m, Value obj) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.obj()) + m->offset);
}

Result<Value> member_get(Member* m, Value obj) {
  if (m->flags & MEMBER_DOUBLE) return float_new(*reinterpret_cast<double*>(reinterpret_cast<char*>(obj.obj()) + m->offset));
  if (m->flags & MEMBER_INT32) return Value::small(*reinterpret_cast<int32_t*>(reinterpret_cast<char*>(obj.obj()) + m->offset));
  Value v = *member_slot(m, obj);
  if (v) return v;
  if (m->flags & MEMBER_OBJECT) return None();
  return raise_fmt(tp_AttributeError, "'%s' object has no attribute '%s'", type_name(obj), m->name->data);
}

Status member_set(Member* m, Value obj, Value v) {
  if (m->flags & MEMBER_READONLY) return raise(tp_AttributeError, "readonly attribute");
  Value* slot = member_slot(m, obj);
  if (!v && !*slot && !(m->flags & MEMBER_OBJECT))
    return raise_fmt(tp_AttributeError, "'%s' object has no attribute '%s'", type_name(obj), m->name->data);
  *slot = v;
  return OK();
}

Type* native_type_new(const char* module, const char* name, Type* base, Layout layout, size_t size,
                      const MethodDef* methods, const GetSetDef* getsets, uint32_t flags) {
  Type* t = static_cast<Type*>(gc::alloc_uncollectable(sizeof(Type)));
  gc::register_static_object(t);
  type_new_static(t, name, base ? base : tp_object, layout, size, flags);
  t->flags |= t->base->flags & TF_COLLECTION;
  dict_set_str(t->dict, N.__module__, Value(str_intern(module)));
  dict_set_str(t->dict, N.__doc__, None());  // until the module sets one (CPython: tp_doc or None)
  if (methods) type_add_methods(t, methods);
  if (getsets) type_add_getsets(t, getsets);
  // Subclassable native types keep their dict pointer at offset 8, like builtins.
  type_ready(t);
  return t;
}

void type_set_attr_const(Type* t, const char* name, Value v) { dict_set_str(t->dict, str_intern(name), v); }

// ---- the C3 linearisation -----------------------------------------------------
static Result<Tuple*> c3_mro(Type* t) {
  Tuple* bases = t->bases;
  // seqs: the MRO of each base, then the list of bases; each with a cursor.
  std::vector<std::vector<Type*>> seqs;
  for (int64_t i = 0; i < bases->size; i++) {
    Tuple* m = as_type(bases->items[i])->mro;
    // A base still computing its first MRO (its metaclass's mro() is running).
    if (!m) return raise_fmt(tp_TypeError, "Cannot extend an incomplete type '%s'", type_name_of(as_type(bases->items[i])));
    std::vector<Type*> s;
    for (int64_t j = 0; j < m->size; j++) s.push_back(as_type(m->items[j]));
    seqs.push_back(std::move(s));
  }
  std::vector<Type*> bl;
  for (int64_t i = 0; i < bases->size; i++) {
    Type* b = as_type(bases->items[i]);
    for (Type* o : bl)
      if (o == b) return raise_fmt(tp_TypeError, "duplicate base class %s", type_name_of(b));
    bl.push_back(b);
  }
  seqs.push_back(bl);
  gc::Vector<Value> out;
  out.push_back(t);
  std::vector<size_t> pos(seqs.size(), 0);
  for (;;) {
    bool any = false;
    Type* cand = nullptr;
    for (size_t i = 0; i < seqs.size(); i++) {
      if (pos[i] >= seqs[i].size()) continue;
      any = true;
      Type* c = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; j++)
        for (size_t k = pos[j] + 1; k < seqs[j].size(); k++)
          if (seqs[j][k] == c) { in_tail = true; break; }
      if (!in_tail) { cand = c; break; }
    }
    if (!any) break;
    if (!cand) {
      // Name the classes that could not be placed: the distinct heads left.
      std::string msg = "Cannot create a consistent method resolution\norder (MRO) for bases";
      std::vector<Type*> heads;
      for (size_t i = 0; i < seqs.size(); i++) {
        if (pos[i] >= seqs[i].size()) continue;
        Type* h = seqs[i][pos[i]];
        if (std::find(heads.begin(), heads.end(), h) == heads.end()) heads.push_back(h);
      }
      for (size_t i = 0; i < heads.size(); i++) {
        msg += i ? ", " : " ";
        msg += heads[i]->name->data;
      }
      return raise(tp_TypeError, msg);
    }
    out.push_back(cand);
    for (size_t i = 0; i < seqs.size(); i++)
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == cand) pos[i]++;
  }
  return tuple_from(out.data(), int64_t(out.size()));
}

// type.mro(t): the C3 linearisation computed afresh (a custom mro() calls it
// through super()).
Result<Tuple*> type_c3_mro(Type* t) { return c3_mro(t); }

// The MRO of t from its current bases: the metaclass's own mro() when it
// overrides type.mro, else C3. While a custom mro() runs, t->mro stays what
// it was: null for a class being created (its __mro__ reads None), the old
// MRO for a class whose __bases__ are being assigned.
static Result<Tuple*> mro_for(Type* t) {
  Type* meta = t->type;
  if (meta != tp_type) {
    Value custom = type_lookup(meta, N.mro);
    if (custom && custom != dict_get_str(tp_type->dict, N.mro)) {
      Value r = TRY(call_method0(Value(t), N.mro));
      Tuple* m = TRY(to_tuple(r));
      // Instances are laid out for t: every class in the MRO must be one
      // whose methods can work on that layout (CPython's mro_check).
      for (int64_t i = 0; i < m->size; i++) {
        Value c = m->items[i];
        if (!is_type(c)) return raise_fmt(tp_TypeError, "mro() returned a non-class ('%s')", type_name(c));
        Type* ct = as_type(c);
        if (ct != t && ct->layout != Layout::Object && ct->layout != t->layout)
          return raise_fmt(tp_TypeError, "mro() returned base with unsuitable layout ('%s')", type_name_of(ct));
      }
      return m;
    }
  }
  return c3_mro(t);
}

// Recompute the MROs of t and everything below it, after t's bases changed;
// `log` records (class, previous MRO) pairs so that a failure can put them back.
static Status mro_hierarchy(Type* t, gc::Vector<Value>& log) {
  Tuple* old = t->mro;
  Tuple* m = TRY(mro_for(t));
  log.push_back(Value(t));
  log.push_back(old ? Value(old) : Value());
  t->mro = m;
  update_flags(t);
  for (Type* sub : type_subclass_list(t)) TRY(mro_hierarchy(sub, log));
  return OK();
}

static Result<Type*> best_base(Tuple* bases);

// cls.__bases__ = bases, as CPython's type_set_bases: checks, then the
// subclass links move and every MRO below is recomputed; on failure
// everything is put back.
Status type_set_bases(Type* t, Value v) {
  const char* name = type_name_of(t);
  if (!v) return raise_fmt(tp_TypeError, "cannot delete '__bases__' attribute of immutable type '%s'", name);
  if (!is_tuple(v)) return raise_fmt(tp_TypeError, "can only assign tuple to %s.__bases__, not %s", name, type_name(v));
  Tuple* nb = as_tuple(v);
  if (nb->size == 0) return raise_fmt(tp_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", name);
  for (int64_t i = 0; i < nb->size; i++) {
    if (!is_type(nb->items[i]))
      return raise_fmt(tp_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", name, type_name(nb->items[i]));
    Type* b = as_type(nb->items[i]);
    // Through the MRO, and through the base chain: an assignment made while
    // a metaclass's mro() runs sets the bases before the MROs are updated.
    bool cycle = is_subtype(b, t);
    for (Type* c = b; c && !cycle; c = c->base) cycle = c == t;
    if (cycle) return raise(tp_TypeError, "a __bases__ item causes an inheritance cycle");
  }
  // The instances' layout must stay what it is: the new bases' best base
  // (checked as for a class statement) must be compatible with the old one.
  Type* old_base = t->base;
  Type* new_base = TRY(best_base(nb));
  TRY(check_layout_compatible(old_base, new_base, "__bases__"));
  Tuple* old_bases = t->bases;
  // A class whose first MRO is still being computed (its metaclass's mro()
  // assigns __bases__) is not linked into its bases yet: type_new does that.
  bool linked = t->mro != nullptr;
  t->bases = nb;
  t->base = new_base;
  gc::Vector<Value> log;
  if (mro_hierarchy(t, log).is_err()) {
    // Put back the MROs recomputed so far, newest first; and the bases,
    // unless an assignment made while mro() ran replaced them meanwhile
    // (that one stands, as in CPython).
    for (size_t i = log.size(); i >= 2; i -= 2) as_type(log[i - 2])->mro = log[i - 1] ? as_tuple(log[i - 1]) : nullptr;
    if (t->bases == nb) {
      t->bases = old_bases;
      t->base = old_base;
    }
    Value exc = exc_fetch();
    type_modified(t);
    exc_restore(exc);
    return ERR;
  }
  // The subclass links move only if no reentrant assignment replaced the bases.
  if (linked && t->bases == nb) {
    for (int64_t i = 0; i < old_bases->size; i++) type_remove_subclass(as_type(old_bases->items[i]), t);
    for (int64_t i = 0; i < nb->size; i++) type_add_subclass(as_type(nb->items[i]), t);
  }
  type_modified(t);
  return OK();
}

void type_ready(Type* t) {
  if (t->base) {
    type_add_subclass(t->base, t);
    Result<Tuple*> m = c3_mro(t);
    GILPY_ASSERT(m.ok());
    t->mro = m.value();
  } else {
    t->mro = tuple_of({Value(t)});
  }
  update_flags(t);
}

// ---- instantiation ----------------------------------------------------------------
Result<Value> type_call(Type* t, Value* args, int64_t nargs, Tuple* kwnames) {
  if (!kwnames) {
    // Fast paths for the commonest calls of builtin types (which cannot be
    // patched, so these are exactly what __new__/__init__ would do).
    if (t == tp_type && nargs == 1) return Value(args[0].type());
  }
  if (t == tp_type) {
    // Not type(x): then exactly (name, bases, dict), as CPython's type_call checks
    // before type.__new__ runs.
    int64_t nkw = kwnames ? kwnames->size : 0;
    if (nargs == 1) {
      if (nkw) return raise(tp_TypeError, "type() takes no keyword arguments");
      return Value(args[0].type());
    }
    if (nargs != 3) return raise(tp_TypeError, "type() takes 1 or 3 arguments");
  }
  if (!kwnames) {
    if (t == tp_str && nargs == 1) return Value(TRY(str(args[0])));
    if (nargs == 0) {
      if (t == tp_set) return Value(set_new());
      if (t == tp_list) return Value(list_new());
      if (t == tp_dict) return Value(dict_new());
    }
  }
  // object's attributes are read-only, so its __new__/__init__ never change.
  static const Value object_new = dict_get_str(tp_object->dict, N.__new__);
  static const Value object_init = dict_get_str(tp_object->dict, N.__init__);
  Value newf = type_lookup(t, N.__new__);
  if (!newf) return raise_fmt(tp_TypeError, "cannot create '%s' instances", type_name_of(t));
  // __new__ is stored as a staticmethod (user classes) or a native taking cls first.
  if (newf.type() == tp_staticmethod) newf = reinterpret_cast<Value*>(newf.obj())[2];
  // Anything else is read as CPython's slot_tp_new reads it, through the
  // descriptor protocol on the class (a classmethod __new__ gets cls twice).
  else if (newf.type() != tp_function && newf.type() != tp_builtin_function_or_method && has_descr_get(newf))
    newf = TRY(descr_get(newf, Value(), Value(t)));
  int64_t total = nargs + (kwnames ? kwnames->size : 0);
  Value small[8];
  gc::Vector<Value> big;
  Value* a = small;
  if (total + 1 > 8) { big.resize(total + 1); a = big.data(); }
  a[0] = t;
  for (int64_t i = 0; i < total; i++) a[i + 1] = args[i];
  Value obj = TRY(call(newf, a, nargs + 1, kwnames));
  Type* ot = obj.type();
  if (ot != t && !is_subtype(ot, t)) return obj;
  Value init = type_lookup(ot, N.__init__);
  if (init && init != object_init) {
    a[0] = obj;
    Type* it = init.type();
    Value r;
    if (it == tp_function) r = TRY(call(init, a, nargs + 1, kwnames));
    else if (is_method_descr_type(it))  // (one from another class is refused by call())
      r = TRY(isinstance(obj, init.as<Builtin>()->owner) ? init.as<Builtin>()->fn(a, nargs + 1, kwnames)
                                                         : call(init, a, nargs + 1, kwnames));
    else r = TRY(call(TRY(descr_get(init, obj, Value(ot))), a + 1, nargs, kwnames));
    if (!is_none(r))
      return raise_fmt(tp_TypeError, "__init__() should return None, not '%s'", type_name(r));
  } else if (total && newf == object_new) {
    // object.__new__ already rejected excess args; nothing else to check.
  }
  return obj;
}

// ---- class creation ------------------------------------------------------------------
Result<Type*> calculate_metaclass(Type* meta, Tuple* bases) {
  Type* winner = meta;
  for (int64_t i = 0; i < bases->size; i++) {
    Type* bt = bases->items[i].type();
    if (is_subtype(winner, bt)) continue;
    if (is_subtype(bt, winner)) { winner = bt; continue; }
    return raise(tp_TypeError,
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                 "subclass of the metaclasses of all its bases");
  }
  return winner;
}

// The solid base: the base whose instance layout the new class extends.
// (A __dict__ does not count as a layout difference, as in CPython: only
// __slots__ and a different builtin layout do.)
static Type* solid_base(Type* t) {
  while (t->base && t->layout == t->base->layout && t->nslots == 0) t = t->base;
  return t;
}

static Result<Type*> best_base(Tuple* bases) {
  Type* best = nullptr;
  Type* best_solid = nullptr;
  for (int64_t i = 0; i < bases->size; i++) {
    if (!is_type(bases->items[i])) return raise(tp_TypeError, "bases must be types");
    Type* b = as_type(bases->items[i]);
    if (!(b->flags & TF_BASETYPE)) {
      // CPython names a native type by its tp_name: "module.Name" outside builtins.
      std::string full = b->name->data;
      Value m = dict_get_str(b->dict, N.__module__);
      if (m && is_str(m) && as_str(m)->view() != "builtins") full = std::string(as_str(m)->view()) + "." + full;
      return raise_fmt(tp_TypeError, "type '%s' is not an acceptable base type", full.c_str());
    }
    Type* s = solid_base(b);
    if (!best) { best = b; best_solid = s; continue; }
    if (is_subtype(best_solid, s)) continue;
    if (is_subtype(s, best_solid)) { best = b; best_solid = s; continue; }
    return raise(tp_TypeError, "multiple bases have instance lay-out conflict");
  }
  return best;
}

// The names of the slots a class adds itself (its own member descriptors), sorted.
static std::vector<std::string_view> own_slot_names(Type* t) {
  std::vector<std::string_view> names;
  for (int64_t i = 0; i < t->dict->nentries; i++) {
    const auto& e = t->dict->entries[i];
    if (!e.key || !e.value || e.value.type() != tp_member_descriptor) continue;
    if (e.value.as<Member>()->owner == t) names.push_back(as_str(e.key)->view());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Whether CPython frees instances of t with its collector's deallocator:
// classes of the program's own and the builtin containers are tracked, the
// other builtins not (their instances cannot become each other's).
bool gc_tracked_kind(Type* t) {
  if (t->flags & TF_HEAPTYPE) return true;
  switch (t->layout) {
    case Layout::List: case Layout::Dict: case Layout::Set: case Layout::FrozenSet: case Layout::Tuple:
    case Layout::Type: case Layout::Function: case Layout::Module: case Layout::Exception: case Layout::Cell:
    case Layout::Generator: case Layout::Coroutine: case Layout::AsyncGenerator: case Layout::Property:
    case Layout::StaticMethod: case Layout::ClassMethod: case Layout::BoundMethod: case Layout::Frame:
      return true;
    default:
      return false;
  }
}

// What a class adds to its base's instances as CPython lays them out: a
// __dict__ slot, a __weakref__ slot (gilpy keeps weak references outside the
// object, but CPython's layouts differ by it), __slots__ members.
static bool adds_dict(Type* t) { return t->base && t->dict_offset && !t->base->dict_offset; }
static bool adds_weakref(Type* t) {
  Value w = dict_get_str(t->dict, str_intern("__weakref__"));
  return w && w.type() == tp_getset_descriptor && w.as<GetSet>()->owner == t;
}
// The class whose instance layout t's instances have, for assignment: down
// the base chain past classes that add nothing to their base's layout.
static Type* assignment_base(Type* t) {
  while (t->base && t->layout == t->base->layout && t->nslots == 0 && !adds_dict(t) && !adds_weakref(t)) t = t->base;
  return t;
}

// CPython's compatible_for_assignment: instances made for `oldto` may be
// used as instances of `newto` (__class__ assignment, or `newto` replacing
// `oldto` as the base in a __bases__ assignment). Each walks down to the
// class that last changed its layout; those must be the same, or siblings
// adding the same things (dict, weakref, slot names) to the same base.
Status check_layout_compatible(Type* oldto, Type* newto, const char* attr) {
  if (gc_tracked_kind(newto) != gc_tracked_kind(oldto))
    return raise_fmt(tp_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr, type_name_of(newto),
                     type_name_of(oldto));
  Type* nb = assignment_base(newto);
  Type* ob = assignment_base(oldto);
  bool same = nb == ob ||
              (nb->base == ob->base && nb->layout == ob->layout && nb->instance_size == ob->instance_size &&
               nb->dict_offset == ob->dict_offset && adds_dict(nb) == adds_dict(ob) &&
               adds_weakref(nb) == adds_weakref(ob) && own_slot_names(nb) == own_slot_names(ob));
  if (!same)
    return raise_fmt(tp_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr, type_name_of(newto),
                     type_name_of(oldto));
  return OK();
}

Status check_type_name(Str* name) {
  std::string_view v = name->view();
  if (v.find('\0') != std::string_view::npos) return raise(tp_ValueError, "type name must not contain null characters");
  if (!utf8::validate(v)) return codec_encode(name, "utf-8", "strict").is_err() ? Status(ERR) : OK();
  return OK();
}

// str.isidentifier() of a slot name.
static bool is_identifier_text(std::string_view v) {
  if (v.empty()) return false;
  for (size_t i = 0; i < v.size();) {
    utf8::Decoded d = utf8::decode(v, i, true);
    if (!d.ok) return false;
    bool ok = i == 0 ? d.cp == '_' || unicode::is_xid_start(d.cp) : unicode::is_xid_continue(d.cp);
    if (!ok) return false;
    i += size_t(d.len);
  }
  return true;
}

// A private slot name (`__a`) is mangled with the class name as the compiler
// mangles attribute names (`_C__a`), as CPython's _Py_Mangle does.
static Str* mangle_slot(Str* cls, Str* slot) {
  std::string_view n = slot->view(), c = cls->view();
  if (n.size() < 3 || n.substr(0, 2) != "__" || n.substr(n.size() - 2) == "__" || n.find('.') != n.npos)
    return str_intern(slot);
  size_t skip = c.find_first_not_of('_');
  if (skip == c.npos) return str_intern(slot);
  return str_intern("_" + std::string(c.substr(skip)) + std::string(n));
}

static Status add_slots(Type* t, Value slots, Dict* ns, bool* want_dict, bool* want_weakref) {
  gc::Vector<Value> names;
  if (is_str(slots)) {
    names.push_back(slots);
  } else {
    Value it = TRY(get_iter(slots));
    for (;;) {
      Value x;
      TRY(iter_next(it, &x));
      if (!x) break;
      names.push_back(x);
    }
  }
  *want_dict = false;
  *want_weakref = false;
  int nslots = 0;
  // A base with a __dict__ (any ordinary class) has __weakref__ too.
  bool base_has_dict = t->base->dict_offset != 0;
  bool base_has_weakref = base_has_dict && (t->base->flags & TF_HEAPTYPE);
  bool seen_weakref = false;
  for (Value n : names) {
    if (!is_str(n))
      return raise_fmt(tp_TypeError, "__slots__ items must be strings, not '%s'", type_name(n));
    if (!is_identifier_text(as_str(n)->view())) return raise(tp_TypeError, "__slots__ must be identifiers");
    Str* s = mangle_slot(t->name, as_str(n));
    if (std::strcmp(s->data, "__dict__") == 0) {
      if (*want_dict || base_has_dict) return raise(tp_TypeError, "__dict__ slot disallowed: we already got one");
      *want_dict = true;
      continue;
    }
    if (std::strcmp(s->data, "__weakref__") == 0) {
      if (seen_weakref || base_has_weakref)
        return raise(tp_TypeError, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
      seen_weakref = *want_weakref = true;
      continue;
    }
    // (__classcell__ is taken out of the namespace later, so it does not conflict.)
    if (dict_get_str(ns, s) && std::strcmp(s->data, "__classcell__") != 0)
      return raise_fmt(tp_ValueError, "'%s' in __slots__ conflicts with class variable", s->data);
    nslots++;
  }
  if (nslots && (t->base->layout == Layout::Str || t->base->layout == Layout::Tuple ||
                 t->base->layout == Layout::Bytes || t->base->layout == Layout::Int))
    return raise_fmt(tp_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                     type_name_of(t->base));
  // Members are laid out (and enter the class dict) in sorted name order, as
  // CPython does: two classes whose __slots__ name the same attributes in any
  // order have the same layout, so __class__ can be assigned between them.
  std::vector<Str*> sorted;
  for (Value n : names) sorted.push_back(mangle_slot(t->name, as_str(n)));
  std::sort(sorted.begin(), sorted.end(), [](Str* a, Str* b) { return a->view() < b->view(); });
  uint32_t off = t->base->instance_size;
  for (Str* s : sorted) {
    if (std::strcmp(s->data, "__dict__") == 0 || std::strcmp(s->data, "__weakref__") == 0) continue;
    Member* m = static_cast<Member*>(alloc_instance(tp_member_descriptor, sizeof(Member)));
    m->name = s;
    m->owner = t;
    m->offset = int32_t(off);
    off += sizeof(Value);
    dict_set_str(t->dict, s, m);
  }
  t->instance_size = off;
  t->nslots = uint8_t(nslots);
  return OK();
}

Result<Value> type_new(Type* meta, Str* name, Tuple* bases, Dict* ns, Dict* kwargs) {
  TRY(check_type_name(name));
  if (bases->size == 0) bases = tuple_of({Value(tp_object)});
  Type* winner = TRY(calculate_metaclass(meta, bases));
  Type* base = TRY(best_base(bases));
  Type* t = static_cast<Type*>(alloc_instance(winner, std::max<size_t>(winner->instance_size, sizeof(Type))));
  t->name = name;
  t->qualname = name;
  t->base = base;
  t->bases = bases;
  if (Value(ns).type() == tp_dict) {
    t->dict = dict_copy(ns);
  } else {
    // A dict subclass (an OrderedDict after move_to_end) is merged in its own
    // iteration order, as CPython's PyDict_Copy -> PyDict_Merge does.
    t->dict = dict_new();
    TRY(dict_update(t->dict, Value(ns)));
  }
  if (Value doc = dict_get_str(t->dict, N.__doc__); doc && is_str(doc) && !utf8::validate(as_str(doc)->view()))
    TRY(codec_encode(as_str(doc), "utf-8", "strict"));  // CPython keeps a UTF-8 copy for tp_doc
  t->flags = TF_HEAPTYPE | TF_BASETYPE;
  t->layout = base->layout == Layout::Object ? Layout::Object : base->layout;
  t->instance_size = base->instance_size;
  t->dict_offset = base->dict_offset;
  t->version = g_next_version++;
  Value qn = dict_get_str(t->dict, N.__qualname__);
  if (qn) {
    if (!is_str(qn))
      return raise_fmt(tp_TypeError, "type __qualname__ must be a str, not %s", type_name(qn));
    t->qualname = as_str(qn);
    dict_del_str(t->dict, N.__qualname__);
  }
  Value classcell = dict_get_str(t->dict, N.__classcell__);
  Value slots = dict_get_str(t->dict, N.__slots__);
  bool want_dict = true, want_weakref = true;
  if (slots) {
    TRY(add_slots(t, slots, t->dict, &want_dict, &want_weakref));
    // Secondary bases may bring a __dict__ or __weakref__ that __slots__
    // leaves out (CPython's type_new_slots_impl).
    for (int64_t i = 0; i < bases->size; i++) {
      Type* b = as_type(bases->items[i]);
      if (b == base) continue;
      if (b->dict_offset && !base->dict_offset) want_dict = true;
      if (type_lookup(b, str_intern("__weakref__"))) want_weakref = true;
    }
  }
  // A class whose base offers no weak references gets the __weakref__
  // descriptor (unless __slots__ leaves it out), as CPython's type_new adds
  // it; variable-size builtin layouts (int, tuple, bytes) have none.
  bool var_sized = base->layout == Layout::Int || base->layout == Layout::Tuple || base->layout == Layout::Bytes;
  Type* native = base;
  while (native && (native->flags & TF_HEAPTYPE)) native = native->base;
  bool native_weakrefs = native && weakref_native_type(native);
  if (want_weakref && !var_sized && !native_weakrefs && !type_lookup(base, str_intern("__weakref__")) &&
      !dict_get_str(t->dict, str_intern("__weakref__"))) {
    extern const GetSetDef instance_weakref_getset[];
    GetSet* g = static_cast<GetSet*>(alloc_instance(tp_getset_descriptor, sizeof(GetSet)));
    g->name = str_intern("__weakref__");
    g->owner = t;
    g->get = instance_weakref_getset[0].get;
    g->set = nullptr;
    g->doc = instance_weakref_getset[0].doc;
    dict_set_str(t->dict, g->name, g);
  }
  if (want_dict && !t->dict_offset) {
    extern const GetSetDef subtype_dict_getset[];
    // (A metaclass keeps type's own __dict__, the read-only mappingproxy:
    // its instances are classes, whose dict must not be written behind the
    // attribute caches' back.)
    if (!dict_get_str(t->dict, N.__dict__) && t->layout != Layout::Type) {
      GetSet* g = static_cast<GetSet*>(alloc_instance(tp_getset_descriptor, sizeof(GetSet)));
      g->name = N.__dict__;
      g->owner = t;
      g->get = subtype_dict_getset[0].get;
      g->set = subtype_dict_getset[0].set;
      g->doc = subtype_dict_getset[0].doc;
      dict_set_str(t->dict, N.__dict__, g);
    }
    // Builtin layouts reserve the dict pointer at offset 8. Plain object
    // subclasses put it there too, unless a base already used that space
    // for __slots__: then it goes after the base's instance.
    // (float has no dict slot: its instances are one 16-byte granule; str
    // has none either: subclass instances keep it after the text.)
    if (t->layout == Layout::Str) {
      t->dict_offset = kDictAfterStrData;  // after the text: see str_dict_slot
    } else if ((t->layout != Layout::Object && t->layout != Layout::Float) || t->instance_size <= sizeof(Object)) {
      t->dict_offset = sizeof(Object);
      if (t->instance_size < sizeof(Instance)) t->instance_size = sizeof(Instance);
    } else {
      t->dict_offset = t->instance_size;
      t->instance_size += sizeof(Value);
    }
  }
  // Implicit staticmethod/classmethod wrapping, as CPython does.
  Value nf = dict_get_str(t->dict, N.__new__);
  if (nf && nf.type() == tp_function) {
    Object* sm = alloc_instance(tp_staticmethod, 24);
    reinterpret_cast<Value*>(sm)[2] = nf;
    dict_set_str(t->dict, N.__new__, sm);
  }
  for (Str* cm : {N.__init_subclass__, N.__class_getitem__}) {
    Value f = dict_get_str(t->dict, cm);
    if (f && f.type() == tp_function) {
      Object* c = alloc_instance(tp_classmethod, 24);
      reinterpret_cast<Value*>(c)[2] = f;
      dict_set_str(t->dict, cm, c);
    }
  }
  if (!dict_get_str(t->dict, N.__doc__)) dict_set_str(t->dict, N.__doc__, None());
  // Defining __eq__ without __hash__ makes instances unhashable.
  if (dict_get_str(t->dict, N.__eq__) && !dict_get_str(t->dict, N.__hash__)) dict_set_str(t->dict, N.__hash__, None());
  // The methods' __class__ cell is filled before the MRO is computed: a
  // metaclass's mro() may already call them (CPython's order).
  // (The namespace's value, read before __slots__ may have put a slot of
  // that name in the class dict, which then stays.)
  if (classcell) {
    if (classcell.type() != tp_cell)
      return raise_fmt(tp_TypeError, "__classcell__ must be a nonlocal cell, not %s", type_name(classcell));
    classcell.as<Cell>()->ref = t;
    if (dict_get_str(t->dict, N.__classcell__) == classcell) dict_del_str(t->dict, N.__classcell__);
  }
  // Compute the MRO, then link into every base's subclass list (the bases
  // as they are now: the metaclass's mro() may have assigned __bases__).
  t->mro = TRY(mro_for(t));
  update_flags(t);
  for (int64_t i = 0; i < t->bases->size; i++) type_add_subclass(as_type(t->bases->items[i]), t);
  // Sequence / mapping for match statements: the first class along the MRO
  // that is one decides (CPython's inherit_patma_flags).
  for (int64_t i = 1; i < t->mro->size; i++) {
    Type* b = as_type(t->mro->items[i]);
    if (b->flags & TF_COLLECTION) {
      t->flags |= b->flags & TF_COLLECTION;
      break;
    }
  }
  // Native iteration is inherited unless the class defines its own __next__.
  if (!dict_get_str(t->dict, N.__next__)) t->iternext = base->iternext;
  // __set_name__ on attributes, then the parent's __init_subclass__.
  int64_t pos = 0;
  Value k, v;
  gc::Vector<Value> items;
  while (dict_next(t->dict, &pos, &k, &v)) { items.push_back(k); items.push_back(v); }
  for (size_t i = 0; i < items.size(); i += 2) {
    Value sn = lookup_special(items[i + 1], N.__set_name__);
    if (!sn) { if (exc_pending()) return ERR; continue; }
    Value a[2] = {Value(t), items[i]};
    if (call(sn, a, 2).is_err()) {
      // CPython 3.11 reraises as RuntimeError, with the original as its cause
      // (and context).
      Value orig = exc_fetch();
      Result<Str*> name = repr(items[i]);
      if (name.is_err()) return ERR;
      raise_fmt(tp_RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'", type_name(items[i + 1]),
                name.value()->data, t->name->data);
      Value e = t_ts->exc;
      if (is_exception(e) && is_exception(orig)) {
        as_exc(e)->cause = orig;
        as_exc(e)->context = orig;
        as_exc(e)->suppress_context = true;
      }
      return ERR;
    }
  }
  Value sup = TRY(call2(Value(tp_super), Value(t), Value(t)));
  Value isc = TRY(getattr(sup, N.__init_subclass__));
  if (kwargs && kwargs->used) {
    TRY(call_ex(isc, tuple_empty(), kwargs));
  } else {
    TRY(call0(isc));
  }
  return Value(t);
}

Status type_setattr(Type* t, Str* name, Value v) {
  if (t->flags & TF_IMMUTABLE)
    return raise_fmt(tp_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data, type_name_of(t));
  name = str_intern(name);
  // Data descriptors on the metatype (e.g. __name__, __doc__ getsets) take priority.
  Value meta_attr = type_lookup(t->type, name);
  if (meta_attr && (meta_attr.type() == tp_getset_descriptor)) {
    GetSet* g = meta_attr.as<GetSet>();
    if (!g->set) return raise_fmt(tp_AttributeError, "attribute '%s' of 'type' objects is not writable", name->data);
    return g->set(Value(t), v);
  }
  if (v) {
    dict_set_str(t->dict, name, v);
  } else if (!dict_del_str(t->dict, name)) {
    return raise_fmt(tp_AttributeError, "type object '%s' has no attribute '%s'", type_name_of(t), name->data);
  }
  type_modified(t);
  return OK();
}

Str* type_qualname(Type* t) { return t->qualname; }

Value type_module(Type* t) {
  Value m = dict_get_str(t->dict, N.__module__);
  // A builtin type's own __module__ entry may be the descriptor its instances
  // use (function.__module__); the type itself then belongs to builtins.
  if (m && !(t->flags & TF_HEAPTYPE) && !is_str(m)) return Value();
  return m;
}

std::string type_tp_name(Type* t) {
  std::string name(t->name->view());
  if (t->flags & TF_HEAPTYPE) return name;
  Value m = type_module(t);
  if (!m || !is_str(m) || as_str(m)->view() == "builtins") return name;
  return std::string(as_str(m)->view()) + "." + name;
}

// As CPython's PyType_IsSubtype: along the MRO, which normally starts with t
// itself (a metaclass's mro() may leave t out: then t is not a subtype of
// itself); along the base chain while the first MRO is being computed.
bool is_subtype(Type* t, Type* base) {
  Tuple* mro = t->mro;
  if (!mro) {
    for (Type* b = t; b; b = b->base) if (b == base) return true;
    return false;
  }
  for (int64_t i = 0; i < mro->size; i++)
    if (mro->items[i].obj() == base) return true;
  return false;
}


}  // namespace gilpy
