// _weakref: weak references (ref / ReferenceType, proxy / ProxyType /
// CallableProxyType), getweakrefcount, getweakrefs, _remove_dead_weakref.
// The mechanism and the callback policy are described in gc/weakref.h.
//
// Registry invariants:
//  * g_registry maps a referent's address to Nodes for the weak references
//    made to it (oldest first). Neither the map (malloc memory) nor a Node
//    (atomic uncollectable memory) is scanned, so neither keeps anything alive.
//  * Node::wr is the weak reference object, disguised, with a disappearing
//    link: it reads 0 once that weakref object has been collected.
//  * WeakRef::hidden is the referent, disguised, with a disappearing link
//    (unless the referent is not a collector object, i.e. immortal); it reads
//    0 once the referent has been collected. An address can then be reused by
//    a new object, so lookups skip Nodes whose weakref reads as dead.
//  * Revealing a disguised pointer happens under the allocation lock, so the
//    collector cannot reclaim the object between the load and the moment the
//    pointer sits in a register or on the stack (a conservative root).
#include "gc/weakref.h"

#include <gc/gc.h>

#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

struct WeakRef : Object {
  Dict* dict;               // subclass instances only (offset 8)
  GC_hidden_pointer hidden; // the referent, disguised; 0 once collected
  Value callback;           // null when none
  int64_t hash;             // -1 until computed
  bool handled;             // referent death noticed (callback queued if any)
};

struct Node {
  GC_hidden_pointer wr;  // the WeakRef, disguised; 0 once the weakref is collected
};

static Type* tp_ref;
static Type* tp_proxy;
static Type* tp_cproxy;

static std::unordered_map<uintptr_t, std::vector<Node*>>* g_registry;
static std::unordered_set<Type*>* g_denied;
static GC_word g_last_gc_no = ~GC_word(0);
static gc::Vector<Value>* g_pending;  // weakrefs whose callbacks are due (static pointer: scanned)
static bool g_running_callbacks;

static void* reveal_fn(void* p) {
  GC_hidden_pointer h = *static_cast<GC_hidden_pointer*>(p);
  return h ? GC_REVEAL_POINTER(h) : nullptr;
}
static Object* reveal(GC_hidden_pointer* slot) {
  if (!*slot) return nullptr;
  return static_cast<Object*>(GC_call_with_alloc_lock(reveal_fn, slot));
}
static WeakRef* W(Value v) { return v.as<WeakRef>(); }
static Value referent(WeakRef* w) {
  Object* o = reveal(&w->hidden);
  return o ? Value(o) : Value();
}

static std::unordered_map<uintptr_t, std::vector<Node*>>& registry() {
  if (!g_registry) g_registry = new std::unordered_map<uintptr_t, std::vector<Node*>>();
  return *g_registry;
}
static void free_node(Node* n) {
  if (n->wr) GC_unregister_disappearing_link(reinterpret_cast<void**>(&n->wr));
  GC_FREE(n);
}

// Drop dead entries; queue callbacks of weakrefs whose referent is gone.
static void sweep_list(std::vector<Node*>& v) {
  size_t out = 0;
  for (size_t i = 0; i < v.size(); i++) {
    Node* n = v[i];
    Object* o = reveal(&n->wr);
    if (!o) {
      free_node(n);
      continue;
    }
    WeakRef* w = static_cast<WeakRef*>(o);
    if (!w->hidden) {
      if (!w->handled) {
        w->handled = true;
        if (w->callback) g_pending->push_back(Value(w));
      }
      free_node(n);
      continue;
    }
    v[out++] = n;
  }
  v.resize(out);
}
static void sweep_all() {
  if (!g_pending) g_pending = gc::make<gc::Vector<Value>>();
  auto& reg = registry();
  for (auto it = reg.begin(); it != reg.end();) {
    sweep_list(it->second);
    if (it->second.empty()) it = reg.erase(it);
    else ++it;
  }
}

static void run_callbacks() {
  if (g_running_callbacks || !g_pending || g_pending->empty()) return;
  g_running_callbacks = true;
  // Callbacks may create or drop weakrefs: take the batch first.
  while (!g_pending->empty()) {
    gc::Vector<Value> batch;
    batch.swap(*g_pending);
    // CPython calls the most recently created weakref's callback first.
    for (size_t i = batch.size(); i-- > 0;) {
      Value w = batch[i];
      Value cb = W(w)->callback;
      W(w)->callback = Value();
      if (!cb) continue;
      Value saved = exc_pending() ? exc_fetch() : Value();
      Result<Value> r = call1(cb, w);
      if (r.is_err()) {
        Result<Str*> rs = repr(cb);
        Value e = exc_fetch();
        if (rs.ok()) std::fprintf(stderr, "Exception ignored in: %s\n", rs.value()->data);
        else exc_clear();
        exc_restore(e);
        print_exception_and_clear();
      }
      if (saved) exc_restore(saved);
    }
  }
  g_running_callbacks = false;
}

static void poll() {
  GC_word n = GC_get_gc_no();
  if (n != g_last_gc_no) {
    g_last_gc_no = n;
    sweep_all();
  }
  run_callbacks();
}

void weakref_run_pending() {
  g_last_gc_no = ~GC_word(0);
  poll();
}
void weakref_deny_type(Type* t) {
  if (!g_denied) g_denied = new std::unordered_set<Type*>();
  g_denied->insert(t);
}

// ---- which objects accept weak references ----
static bool builtin_weakrefable(Type* t) {
  return t == tp_function || t == tp_type || t == tp_method || t == tp_builtin_function_or_method ||
         t == tp_set || t == tp_frozenset || t == tp_module || t == tp_generator || t == tp_coroutine ||
         t == tp_async_generator || t == tp_code || t == tp_GenericAlias || t == tp_memoryview;
}
static bool is_core_builtin(Type* t) {
#define GILPY_IS_T(n) if (t == tp_##n) return true;
  GILPY_BUILTIN_TYPES(GILPY_IS_T)
#undef GILPY_IS_T
#define GILPY_IS_E(n, base) if (t == tp_##n) return true;
  GILPY_EXCEPTION_TYPES(GILPY_IS_E)
#undef GILPY_IS_E
  return false;
}
bool weakref_native_type(Type* t) {
  if (builtin_weakrefable(t)) return true;
  if (is_core_builtin(t)) return false;
  return !(g_denied && g_denied->count(t));
}
static bool slots_have_weakref(Value slots) {
  if (is_str(slots)) return as_str(slots)->view() == "__weakref__";
  if (is_tuple(slots) || is_list(slots)) {
    Value* items = is_tuple(slots) ? as_tuple(slots)->items : as_list(slots)->items;
    int64_t n = is_tuple(slots) ? as_tuple(slots)->size : as_list(slots)->size;
    for (int64_t i = 0; i < n; i++)
      if (is_str(items[i]) && as_str(items[i])->view() == "__weakref__") return true;
    return false;
  }
  return true;  // an unusual __slots__ iterable: be permissive
}
static bool weakrefable(Value v) {
  if (!v.is_obj()) return false;
  Tuple* mro = v.type()->mro;
  int64_t n = mro ? mro->size : 0;
  for (int64_t i = 0; i < n; i++) {
    Type* c = as_type(mro->items[i]);
    if (c->flags & TF_HEAPTYPE) {
      if (c->layout == Layout::Int || c->layout == Layout::Tuple || c->layout == Layout::Bytes) return false;
      Value slots = dict_get_str(c->dict, N.__slots__);
      if (!slots || slots_have_weakref(slots)) return true;
      continue;
    }
    if (builtin_weakrefable(c)) return true;
    if (is_core_builtin(c)) continue;
    if (g_denied && g_denied->count(c)) continue;
    return true;  // a native module's type (deque, partial, Struct, io objects, locks, ...)
  }
  return false;
}

// ---- creation ----
static Result<Value> new_weakref(Type* t, Value obj, Value callback) {
  if (!weakrefable(obj)) return raise_fmt(tp_TypeError, "cannot create weak reference to '%s' object", type_name(obj));
  poll();
  if (callback && is_none(callback)) callback = Value();
  auto& reg = registry();
  uintptr_t key = reinterpret_cast<uintptr_t>(obj.obj());
  auto found = reg.find(key);
  // The basic ref (exact type, no callback) is shared, as in CPython.
  bool basic = !callback && (t == tp_ref || t == tp_proxy || t == tp_cproxy);
  if (found != reg.end()) {
    sweep_list(found->second);
    if (basic) {
      for (Node* n : found->second) {
        Object* o = reveal(&n->wr);
        if (!o) continue;
        WeakRef* w = static_cast<WeakRef*>(o);
        if (w->type == t && !w->callback && w->hidden) return Value(w);
      }
    }
  }
  WeakRef* w = static_cast<WeakRef*>(alloc_instance(t, sizeof(WeakRef)));
  w->hash = -1;
  w->callback = callback;
  w->hidden = GC_HIDE_POINTER(obj.obj());
  void* base = GC_base(obj.obj());
  if (base == obj.obj()) GC_general_register_disappearing_link(reinterpret_cast<void**>(&w->hidden), base);
  Node* n = static_cast<Node*>(GC_MALLOC_ATOMIC_UNCOLLECTABLE(sizeof(Node)));
  n->wr = GC_HIDE_POINTER(w);
  GC_general_register_disappearing_link(reinterpret_cast<void**>(&n->wr), w);
  reg[key].push_back(n);
  run_callbacks();
  return Value(w);
}

Result<Value> weakref_new(Value obj, Value callback) { return new_weakref(tp_ref, obj, callback); }
Value weakref_referent(Value ref) { return referent(W(ref)); }

// ---- ReferenceType ----
static Result<Value> ref_new(Value* a, int64_t n, Tuple* kw) {
  Type* t = as_type(a[0]);
  if (n < 2) return raise_fmt(tp_TypeError, "__new__ expected at least 1 argument, got %lld", (long long)(n - 1));
  // Subclasses may take more arguments (KeyedRef(ob, callback, key)); only the first two matter here.
  if (t == tp_ref && n > 3) return raise_fmt(tp_TypeError, "__new__ expected at most 2 arguments, got %lld", (long long)(n - 1));
  if (t == tp_ref && kw && kw->size) return raise(tp_TypeError, "ref() takes no keyword arguments");
  return new_weakref(t, a[1], n > 2 ? a[2] : Value());
}
static Result<Value> ref_init(Value*, int64_t, Tuple*) { return None(); }
static Result<Value> ref_call(Value* a, int64_t n, Tuple* kw) {
  if (n > 1 || (kw && kw->size)) return raise(tp_TypeError, "weakref() takes no arguments");
  Value r = referent(W(a[0]));
  if (!r) {
    poll();
    return None();
  }
  return r;
}
static Result<Value> ref_hash(Value* a, int64_t, Tuple*) {
  WeakRef* w = W(a[0]);
  if (w->hash != -1) return int_from_i64(w->hash);
  Value r = referent(w);
  if (!r) return raise(tp_TypeError, "weak object has gone away");
  w->hash = TRY(hash(r));
  return int_from_i64(w->hash);
}
static Result<Value> ref_compare(Value* a, int op) {
  if (!isinstance(a[1], tp_ref)) return Value(g_NotImplemented);
  Value x = referent(W(a[0])), y = referent(W(a[1]));
  if (!x || !y) {
    bool same = a[0] == a[1];
    return Bool(op == CMP_EQ ? same : !same);
  }
  return richcompare(x, y, op);
}
static Result<Value> ref_eq(Value* a, int64_t, Tuple*) { return ref_compare(a, CMP_EQ); }
static Result<Value> ref_ne(Value* a, int64_t, Tuple*) { return ref_compare(a, CMP_NE); }
static std::string addr(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}
static Result<Value> ref_repr(Value* a, int64_t, Tuple*) {
  WeakRef* w = W(a[0]);
  Value r = referent(w);
  std::string s = "<weakref at " + addr(w) + "; ";
  if (!r) {
    s += "dead>";
    return Value(str_new(s));
  }
  s += "to '" + std::string(type_name_of(r.type())) + "' at " + addr(r.obj());
  Value name;
  Result<Value> nr = getattr(r, N.__name__);
  if (nr.ok()) name = nr.value();
  else exc_clear();
  if (name && is_str(name)) s += " (" + std::string(as_str(name)->view()) + ")";
  s += ">";
  return Value(str_new(s));
}
static Result<Value> ref_get_callback(Value self) {
  Value c = W(self)->callback;
  return c ? c : None();
}
static Result<Value> class_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__class_getitem__", n - 1, 1, 1));
  return call2(Value(tp_GenericAlias), a[0], a[1]);
}

// ---- proxies: every operation applies to the referent ----
static Result<Value> unwrap(Value v) {
  if (v.is_obj() && (v.type() == tp_proxy || v.type() == tp_cproxy)) {
    Value r = referent(W(v));
    if (!r) return raise(tp_ReferenceError, "weakly-referenced object no longer exists");
    return r;
  }
  return v;
}
static Result<Value> proxy_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("proxy", kw));
  TRY(check_nargs("proxy", n, 1, 2));
  Type* t = is_callable(a[0]) ? tp_cproxy : tp_proxy;
  return new_weakref(t, a[0], n > 1 ? a[1] : Value());
}
static Result<Value> px_getattribute(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  return getattr(r, str_intern(as_str(a[1])));
}
static Result<Value> px_setattr(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  TRY(setattr(r, str_intern(as_str(a[1])), a[2]));
  return None();
}
static Result<Value> px_delattr(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  TRY(delattr(r, str_intern(as_str(a[1]))));
  return None();
}
static Result<Value> px_repr(Value* a, int64_t, Tuple*) {
  WeakRef* w = W(a[0]);
  Value r = referent(w);
  std::string s = "<weakproxy at " + addr(w) + "; ";
  if (!r) s += "dead>";
  else s += "to '" + std::string(type_name_of(r.type())) + "' at " + addr(r.obj()) + ">";
  return Value(str_new(s));
}
static Result<Value> px_str(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  Str* s = TRY(str(r));
  return Value(s);
}
static Result<Value> px_bool(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  bool b = TRY(truthy(r));
  return Bool(b);
}
static Result<Value> px_len(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  int64_t n = TRY(len(r));
  return Value::small(n);
}
static Result<Value> px_getitem(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  return getitem(r, a[1]);
}
static Result<Value> px_setitem(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  TRY(setitem(r, a[1], a[2]));
  return None();
}
static Result<Value> px_delitem(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  TRY(delitem(r, a[1]));
  return None();
}
static Result<Value> px_contains(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  bool b = TRY(contains(r, a[1]));
  return Bool(b);
}
static Result<Value> px_iter(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  return get_iter(r);
}
static Result<Value> px_next(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  Type* t = r.type();
  if (!t->iternext && !type_lookup(t, N.__next__))
    return raise_fmt(tp_TypeError, "Weakref proxy referenced a non-iterator '%s' object", type_name(r));
  Value out;
  TRY(iter_next(r, &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
static Result<Value> px_call(Value* a, int64_t n, Tuple* kw) {
  Value r = TRY(unwrap(a[0]));
  return call(r, a + 1, n - 1, kw);
}
static Result<Value> px_method0(Value self, Str* name) {
  Value r = TRY(unwrap(self));
  return call_method0(r, name);
}
static Result<Value> px_reversed(Value* a, int64_t, Tuple*) { return px_method0(a[0], N.__reversed__); }
static Result<Value> px_bytes(Value* a, int64_t, Tuple*) { return px_method0(a[0], N.__bytes__); }
static Result<Value> px_index(Value* a, int64_t, Tuple*) { return px_method0(a[0], N.__index__); }
static Result<Value> px_int(Value* a, int64_t, Tuple*) { return px_method0(a[0], N.__int__); }
static Result<Value> px_float(Value* a, int64_t, Tuple*) { return px_method0(a[0], N.__float__); }
static Result<Value> px_neg(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  return unary_neg(r);
}
static Result<Value> px_pos(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  return unary_pos(r);
}
static Result<Value> px_invert(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  return unary_invert(r);
}
static Result<Value> px_abs(Value* a, int64_t, Tuple*) {
  Value r = TRY(unwrap(a[0]));
  return abs_value(r);
}
static Result<Value> px_cmp(Value* a, int op) {
  Value x = TRY(unwrap(a[0]));
  Value y = TRY(unwrap(a[1]));
  return richcompare(x, y, op);
}
static Result<Value> px_lt(Value* a, int64_t, Tuple*) { return px_cmp(a, CMP_LT); }
static Result<Value> px_le(Value* a, int64_t, Tuple*) { return px_cmp(a, CMP_LE); }
static Result<Value> px_eq(Value* a, int64_t, Tuple*) { return px_cmp(a, CMP_EQ); }
static Result<Value> px_ne(Value* a, int64_t, Tuple*) { return px_cmp(a, CMP_NE); }
static Result<Value> px_gt(Value* a, int64_t, Tuple*) { return px_cmp(a, CMP_GT); }
static Result<Value> px_ge(Value* a, int64_t, Tuple*) { return px_cmp(a, CMP_GE); }

// Binary operators: (proxy op other), (other op proxy) and in-place forms, all
// computed on the unwrapped operands in their original order.
template <int OP>
static Result<Value> px_binop(Value* a, int64_t, Tuple*) {
  Value x = TRY(unwrap(a[0]));
  Value y = TRY(unwrap(a[1]));
  return binary_op(x, y, OP);
}
template <int OP>
static Result<Value> px_rbinop(Value* a, int64_t, Tuple*) {
  Value x = TRY(unwrap(a[0]));
  Value y = TRY(unwrap(a[1]));
  return binary_op(y, x, OP);
}
#define PX_BIN(name, op)                                        \
  {"__" name "__", px_binop<op>}, {"__r" name "__", px_rbinop<op>}, \
      {"__i" name "__", px_binop<op + NB_INPLACE_OFFSET>},

static const MethodDef proxy_methods[] = {
    {"__getattribute__", px_getattribute}, {"__setattr__", px_setattr}, {"__delattr__", px_delattr},
    {"__repr__", px_repr}, {"__str__", px_str}, {"__bool__", px_bool}, {"__len__", px_len},
    {"__getitem__", px_getitem}, {"__setitem__", px_setitem}, {"__delitem__", px_delitem},
    {"__contains__", px_contains}, {"__iter__", px_iter}, {"__next__", px_next},
    {"__reversed__", px_reversed}, {"__bytes__", px_bytes}, {"__index__", px_index}, {"__int__", px_int},
    {"__float__", px_float}, {"__neg__", px_neg}, {"__pos__", px_pos}, {"__invert__", px_invert},
    {"__abs__", px_abs}, {"__lt__", px_lt}, {"__le__", px_le}, {"__eq__", px_eq}, {"__ne__", px_ne},
    {"__gt__", px_gt}, {"__ge__", px_ge},
    PX_BIN("add", NB_ADD) PX_BIN("sub", NB_SUBTRACT) PX_BIN("mul", NB_MULTIPLY)
    PX_BIN("matmul", NB_MATRIX_MULTIPLY) PX_BIN("truediv", NB_TRUE_DIVIDE) PX_BIN("floordiv", NB_FLOOR_DIVIDE)
    PX_BIN("mod", NB_REMAINDER) PX_BIN("pow", NB_POWER) PX_BIN("lshift", NB_LSHIFT) PX_BIN("rshift", NB_RSHIFT)
    PX_BIN("and", NB_AND) PX_BIN("xor", NB_XOR) PX_BIN("or", NB_OR)
    {nullptr, nullptr}};

// ---- module functions ----
static Result<Value> f_getweakrefcount(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getweakrefcount", kw));
  TRY(check_nargs("getweakrefcount", n, 1, 1));
  poll();
  if (!a[0].is_obj() || !g_registry) return Value::small(0);
  auto it = g_registry->find(reinterpret_cast<uintptr_t>(a[0].obj()));
  if (it == g_registry->end()) return Value::small(0);
  sweep_list(it->second);
  return Value::small(int64_t(it->second.size()));
}
Value weakref_first(Value obj) {
  poll();
  if (!obj.is_obj() || !g_registry) return None();
  auto it = g_registry->find(reinterpret_cast<uintptr_t>(obj.obj()));
  if (it == g_registry->end()) return None();
  sweep_list(it->second);
  for (Node* node : it->second)
    if (Object* o = reveal(&node->wr)) return Value(o);
  return None();
}
static Result<Value> f_getweakrefs(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getweakrefs", kw));
  TRY(check_nargs("getweakrefs", n, 1, 1));
  poll();
  List* out = list_new(0);
  if (!a[0].is_obj() || !g_registry) return Value(out);
  auto it = g_registry->find(reinterpret_cast<uintptr_t>(a[0].obj()));
  if (it == g_registry->end()) return Value(out);
  sweep_list(it->second);
  for (Node* node : it->second) {
    Object* o = reveal(&node->wr);
    if (o) TRY(list_append(out, Value(o)));
  }
  return Value(out);
}
static Result<Value> f_remove_dead_weakref(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_remove_dead_weakref", kw));
  TRY(check_nargs("_remove_dead_weakref", n, 2, 2));
  if (!is_dict(a[0])) return raise_fmt(tp_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s", type_name(a[0]));
  Value v;
  TRY(dict_get2(as_dict(a[0]), a[1], &v));
  if (!v) return None();  // already gone: fine (another removal won the race)
  if (!isinstance(v, tp_ref) && v.type() != tp_proxy && v.type() != tp_cproxy) return raise(tp_TypeError, "not a weakref");
  if (!W(v)->hidden) TRY(dict_del(as_dict(a[0]), a[1]));
  return None();
}

static const MethodDef ref_methods[] = {{"__new__", ref_new, MethKind::Static},
                                        {"__init__", ref_init},
                                        {"__call__", ref_call},
                                        {"__hash__", ref_hash},
                                        {"__eq__", ref_eq},
                                        {"__ne__", ref_ne},
                                        {"__repr__", ref_repr},
                                        {"__class_getitem__", class_getitem, MethKind::Class},
                                        {nullptr, nullptr}};
static const GetSetDef ref_getsets[] = {{"__callback__", ref_get_callback}, {nullptr, nullptr}};
static const MethodDef cproxy_extra[] = {{"__call__", px_call}, {nullptr, nullptr}};
static const MethodDef functions[] = {{"getweakrefcount", f_getweakrefcount},
                                      {"getweakrefs", f_getweakrefs},
                                      {"proxy", proxy_new},
                                      {"_remove_dead_weakref", f_remove_dead_weakref},
                                      {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_weakref", functions, "Weak-reference support module.");
  if (!tp_ref) {
    tp_ref = native_type_new("weakref", "ReferenceType", tp_object, Layout::Other, sizeof(WeakRef), ref_methods,
                             ref_getsets);
    tp_proxy = native_type_new("weakref", "ProxyType", tp_object, Layout::Other, sizeof(WeakRef), proxy_methods,
                               nullptr, 0);
    type_set_attr_const(tp_proxy, "__hash__", None());
    tp_cproxy = native_type_new("weakref", "CallableProxyType", tp_object, Layout::Other, sizeof(WeakRef),
                                proxy_methods, nullptr, 0);
    type_add_methods(tp_cproxy, cproxy_extra);
    type_set_attr_const(tp_cproxy, "__hash__", None());
    type_modified(tp_proxy);
    type_modified(tp_cproxy);
    for (Type* t : {tp_ref, tp_proxy, tp_cproxy}) weakref_deny_type(t);
  }
  dict_set_str(m->dict, str_intern("ref"), Value(tp_ref));
  dict_set_str(m->dict, str_intern("ReferenceType"), Value(tp_ref));
  dict_set_str(m->dict, str_intern("ProxyType"), Value(tp_proxy));
  dict_set_str(m->dict, str_intern("CallableProxyType"), Value(tp_cproxy));
  return Value(m);
}
GILPY_NATIVE_MODULE("_weakref", init);

}  // namespace gilpy
