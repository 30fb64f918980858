// Heap walks for the gc module's introspection (get_objects, get_referrers,
// get_referents). See docs/decisions/0016-gc-introspection.md.
//
// What is a Python object: a block of the collector's object kind
// (gc::object_kind(): alloc_instance allocates nothing else there) whose
// first word is a type, or a registered static object (the uncollectable
// builtin and native types). The object kind's other blocks are free-list
// entries (first word a link to another entry or null, the rest zero) and
// released frames (zeroed), which the type check rejects. Storage buffers
// (a list's items, a dict's entries, gc::Vector data) are of the normal
// kind and are never taken for objects, whatever their first word holds.
//
// The walks that list the heap (all_objects, referrers) run a full
// collection, then hold the allocator lock while they read the collector's
// marks: no other thread can allocate (or collect) meanwhile, and nothing
// in here allocates from the collected heap while the lock is held (plain
// std::vector only). Python values are built after the lock is released,
// with collections disabled until then so that nothing found is freed
// before it is referenced from a Python list.
#include "modules/gc_walk.h"

#include <gc/gc.h>
#include <gc/gc_inline.h>
#include <gc/gc_mark.h>

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "gc/heap.h"
#include "objects/dict.h"
#include "objects/frame.h"
#include "objects/code.h"
#include "objects/function.h"
#include "objects/instance_values.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/object.h"

namespace gilpy::gcwalk {

namespace {

// The kinds of uncollectable blocks, found by probing once.
int g_uncollectable_kind = -1;
int g_atomic_uncollectable_kind = -1;

void probe_kinds() {
  if (g_uncollectable_kind >= 0) return;
  void* p = GC_malloc_uncollectable(16);
  g_uncollectable_kind = GC_get_kind_and_size(p, nullptr);
  GC_free(p);
  void* q = GC_malloc_atomic_uncollectable(16);
  g_atomic_uncollectable_kind = GC_get_kind_and_size(q, nullptr);
  GC_free(q);
}

// `p` is the start of a collector block: its kind and size.
bool block_info(const void* p, int* kind, size_t* size) {
  if (!p || (reinterpret_cast<uintptr_t>(p) & 7)) return false;
  if (GC_base(const_cast<void*>(p)) != p) return false;
  *kind = GC_get_kind_and_size(p, size);
  return true;
}

// `t` is a type object: a registered static type, or an object-kind block
// at least as big as a Type whose own type is a type whose instances are
// types (bounded: metaclass chains are short, tp_type is static).
bool is_type_ptr(const void* t, int depth = 0) {
  if (gc::is_static_object(t)) return true;
  if (depth > 8) return false;
  int kind;
  size_t size;
  if (!block_info(t, &kind, &size) || kind != gc::object_kind() || size < sizeof(Type)) return false;
  const void* meta = static_cast<const Object*>(t)->type;
  if (!is_type_ptr(meta, depth + 1)) return false;
  return static_cast<const Type*>(meta)->layout == Layout::Type;
}

// The block `p` (of kind `kind`, `size` bytes) holds a Python object.
bool is_object_block(const void* p, int kind, size_t size) {
  if (kind == gc::object_kind()) {
    if (size < sizeof(Object) * 2) return false;
    const Type* t = static_cast<const Object*>(p)->type;
    if (!t || !is_type_ptr(t)) return false;
    return t->instance_size <= size;
  }
  if (kind == g_uncollectable_kind) return gc::is_static_object(p);
  return false;
}

// Untracked in CPython's sense: atoms that hold no references.
bool is_atom_type(const Type* t) {
  return t == tp_int || t == tp_bool || t == tp_float || t == tp_complex || t == tp_str || t == tp_bytes ||
         t == tp_NoneType || t == tp_NotImplementedType || t == tp_ellipsis;
}

// Validated object at word `w` (for conservative scans of layouts not known
// here): object-kind blocks, static types, and the atoms gilpy allocates
// pointer-free (str, int, bytes, complex) when their header says so.
bool word_is_object(uintptr_t w) {
  if (!w || (w & 7)) return false;
  const void* p = reinterpret_cast<const void*>(w);
  int kind;
  size_t size;
  if (gc::is_static_object(p)) return true;
  if (!block_info(p, &kind, &size)) return false;
  if (kind == gc::object_kind()) {
    if (!is_object_block(p, kind, size)) return false;
    return static_cast<const Object*>(p)->type != tp_instance_values;
  }
  if (kind == GC_I_PTRFREE) {
    const Type* t = static_cast<const Object*>(p)->type;
    if (t == tp_str) return size >= sizeof(Str) + 1 && static_cast<const Str*>(p)->nbytes >= 0 &&
                            size_t(static_cast<const Str*>(p)->nbytes) < size;
    return (t == tp_int || t == tp_bytes || t == tp_complex) && size >= t->instance_size;
  }
  return false;
}

struct Block {
  uintptr_t p;
  size_t size;
  int kind;
};

struct Gather {
  std::vector<Block> blocks;
  bool objects_only = false;  // keep only Python objects (get_objects)
};

void GC_CALLBACK gather_block(void* p, size_t bytes, void* data) {
  auto* g = static_cast<Gather*>(data);
  int kind = GC_get_kind_and_size(p, nullptr);
  if (kind == GC_I_PTRFREE || kind == g_atomic_uncollectable_kind) return;  // holds no references
  if (g->objects_only && !is_object_block(p, kind, bytes)) return;
  g->blocks.push_back(Block{reinterpret_cast<uintptr_t>(p), bytes, kind});
}

// Collections stay off while found objects are referenced only from plain
// memory (the std::vectors here), until they are in a Python list.
struct NoCollect {
  NoCollect() { GC_disable(); }
  ~NoCollect() { GC_enable(); }
  NoCollect(const NoCollect&) = delete;
  NoCollect& operator=(const NoCollect&) = delete;
};

struct ObjectsJob {
  std::vector<uintptr_t> out;
};

void* GC_CALLBACK objects_locked(void* data) {
  auto* job = static_cast<ObjectsJob*>(data);
  Gather g;
  g.objects_only = true;
  GC_enumerate_reachable_objects_inner(gather_block, &g);
  for (const Block& b : g.blocks) {
    const Type* t = reinterpret_cast<const Object*>(b.p)->type;
    if (t == tp_instance_values || !is_tracked(Value::from_bits(b.p))) continue;
    job->out.push_back(b.p);
  }
  return nullptr;
}

struct ReferrersJob {
  std::vector<uintptr_t> targets;  // sorted
  std::vector<uintptr_t> out;
};

constexpr int kMaxBufferDepth = 4;  // object -> buffer -> buffer -> ... -> target

bool holds_any(const Block& b, const std::vector<uintptr_t>& targets, uintptr_t lo, uintptr_t hi) {
  const uintptr_t* w = reinterpret_cast<const uintptr_t*>(b.p);
  size_t n = b.size / sizeof(uintptr_t);
  if (targets.size() == 1) {
    for (size_t i = 0; i < n; i++)
      if (w[i] == lo) return true;
    return false;
  }
  for (size_t i = 0; i < n; i++) {
    uintptr_t x = w[i];
    if (x < lo || x > hi) continue;
    if (std::binary_search(targets.begin(), targets.end(), x)) return true;
  }
  return false;
}

void* GC_CALLBACK referrers_locked(void* data) {
  auto* job = static_cast<ReferrersJob*>(data);
  Gather g;
  GC_enumerate_reachable_objects_inner(gather_block, &g);
  std::vector<uintptr_t> targets = job->targets;
  std::unordered_set<uintptr_t> expanded(targets.begin(), targets.end());
  std::unordered_set<uintptr_t> found;
  const uintptr_t float_type = reinterpret_cast<uintptr_t>(tp_float);
  for (int depth = 0; depth <= kMaxBufferDepth && !targets.empty(); depth++) {
    uintptr_t lo = targets.front(), hi = targets.back();
    std::vector<uintptr_t> next;
    for (const Block& b : g.blocks) {
      // Floats (16-byte normal blocks) hold only their type.
      if (b.kind == GC_I_NORMAL && b.size == 16 && *reinterpret_cast<const uintptr_t*>(b.p) == float_type) continue;
      if (!holds_any(b, targets, lo, hi)) continue;
      bool object = is_object_block(reinterpret_cast<const void*>(b.p), b.kind, b.size) &&
                    reinterpret_cast<const Object*>(b.p)->type != tp_instance_values;
      if (object) {
        if (found.insert(b.p).second) job->out.push_back(b.p);
      } else if (depth < kMaxBufferDepth && expanded.insert(b.p).second) {
        next.push_back(b.p);  // a buffer (or instance values): look for its owner
      }
    }
    std::sort(next.begin(), next.end());
    targets.swap(next);
  }
  return nullptr;
}

void push(std::vector<Value>& out, Value v) {
  if (v) out.push_back(v);
}

// Words of a block of unknown layout that are validated objects, and one
// level into the normal-kind buffers it points to.
void scan_conservative(const void* p, size_t from, std::vector<Value>& out, int depth) {
  int kind;
  size_t size;
  if (!block_info(p, &kind, &size)) return;
  if (kind == GC_I_PTRFREE || kind == g_atomic_uncollectable_kind) return;
  const uintptr_t* w = static_cast<const uintptr_t*>(p);
  size_t n = std::min<size_t>(size, size_t(1) << 20) / sizeof(uintptr_t);
  for (size_t i = from; i < n; i++) {
    uintptr_t x = w[i];
    if (!x || (x & 7)) continue;
    if (word_is_object(x)) {
      out.push_back(Value::from_bits(x));
      continue;
    }
    int k;
    size_t s;
    if (depth < 1 && block_info(reinterpret_cast<const void*>(x), &k, &s) && k == GC_I_NORMAL)
      scan_conservative(reinterpret_cast<const void*>(x), 0, out, depth + 1);
  }
}

// The solid (non-heap) base of t: its instance layout is the builtin part.
const Type* solid_base(const Type* t) {
  while (t && (t->flags & TF_HEAPTYPE)) t = t->base;
  return t;
}

void dict_referents(const Dict* d, std::vector<Value>& out) {
  if (!d->entries) return;
  bool str_keys = true;
  for (int64_t i = 0; i < d->nentries; i++) {
    const DictEntry& e = d->entries[i];
    if (e.key && e.value && e.key.type() != tp_str) {
      str_keys = false;
      break;
    }
  }
  // CPython visits only the values of a table of str keys.
  for (int64_t i = 0; i < d->nentries; i++) {
    const DictEntry& e = d->entries[i];
    if (!e.key || !e.value) continue;
    out.push_back(e.value);
    if (!str_keys) out.push_back(e.key);
  }
}

// The instance part of a heap type's instance: its __dict__ (or the values
// standing for it) and its __slots__.
void instance_referents(Object* o, Type* t, std::vector<Value>& out) {
  char* base = reinterpret_cast<char*>(o);
  Dict** slot = nullptr;
  if (t->dict_offset && uses_instance_slot(t)) slot = instance_dict_slot(o, t);
  if (slot && *slot) {
    Object* c = reinterpret_cast<Object*>(*slot);
    if (is_instance_values(c)) {
      auto* iv = static_cast<InstanceValues*>(c);
      for (uint32_t i = 0; i < iv->end && i < iv->capacity; i++) push(out, iv->items[i]);
    } else {
      out.push_back(Value(c));
    }
  }
  const Type* sb = solid_base(t);
  size_t from = sb ? sb->instance_size : sizeof(Object);
  from = (from + 7) & ~size_t(7);
  for (size_t off = from; off + sizeof(Value) <= t->instance_size; off += sizeof(Value)) {
    Value* v = reinterpret_cast<Value*>(base + off);
    if (reinterpret_cast<Dict**>(v) == slot) continue;
    push(out, *v);
  }
}

}  // namespace

bool is_tracked(Value v) {
  if (!v.is_obj()) return false;
  const Type* t = v.obj()->type;
  if (is_atom_type(t)) return false;
  // Also untracked in CPython: its static types, plain object() instances
  // and the other exact builtins without references to traverse.
  if (t->layout == Layout::Type) return (v.as<Type>()->flags & TF_HEAPTYPE) != 0;
  return t != tp_object && t != tp_bytearray && t != tp_range && t != tp_code;
}

void expose(Value v) {
  if (v.is_obj() && v.obj()->type->layout == Layout::Frame) frame_mark_escaped(v.as<Frame>());
}

// A list of the found objects, built with collections off: until they are
// in it, they are referenced only from plain memory.
static List* to_list(const std::vector<uintptr_t>& found) {
  NoCollect no_collect;
  List* l = list_new(int64_t(found.size()));
  for (size_t i = 0; i < found.size(); i++) {
    Value v = Value::from_bits(found[i]);
    expose(v);
    l->items[i] = v;
  }
  return l;
}

List* all_objects() {
  probe_kinds();
  precise_collect();
  ObjectsJob job;
  GC_call_with_alloc_lock(objects_locked, &job);
  return to_list(job.out);
}

List* referrers(const Value* targets, int64_t n) {
  probe_kinds();
  ReferrersJob job;
  for (int64_t i = 0; i < n; i++) job.targets.push_back(targets[i].bits());
  std::sort(job.targets.begin(), job.targets.end());
  job.targets.erase(std::unique(job.targets.begin(), job.targets.end()), job.targets.end());
  if (!job.targets.empty()) {
    precise_collect();
    GC_call_with_alloc_lock(referrers_locked, &job);
  }
  return to_list(job.out);
}

void referents(Value v, std::vector<Value>& out) {
  probe_kinds();
  if (!v.is_obj()) return;
  Object* o = v.obj();
  Type* t = o->type;
  if (t->flags & TF_HEAPTYPE) out.push_back(Value(t));
  switch (t->layout) {
    case Layout::Int:
    case Layout::Float:
    case Layout::Complex:
    case Layout::Str:
    case Layout::Bytes:
    case Layout::ByteArray:
    case Layout::Range:
    case Layout::Code:
      break;  // no references CPython's traverse would report
    case Layout::Object:
      break;  // a user class's instance: its instance part, below
    case Layout::List: {
      List* l = static_cast<List*>(o);
      // Last item first, as CPython's list and tuple traversals go.
      for (int64_t i = l->items ? l->size - 1 : -1; i >= 0; i--) push(out, l->items[i]);
      break;
    }
    case Layout::Tuple: {
      Tuple* tu = static_cast<Tuple*>(o);
      for (int64_t i = tu->size - 1; i >= 0; i--) push(out, tu->items[i]);
      break;
    }
    case Layout::Dict:
      dict_referents(static_cast<Dict*>(o), out);
      break;
    case Layout::Set:
    case Layout::FrozenSet: {
      Set* s = static_cast<Set*>(o);
      for (int64_t i = 0; s->table && i <= s->mask; i++) {
        Value k = s->table[i].key;
        // The deleted-slot marker is a static object with no type.
        if (!k || (k.is_obj() && !k.obj()->type)) continue;
        out.push_back(k);
      }
      break;
    }
    case Layout::Function: {
      Function* f = static_cast<Function*>(o);
      push(out, Value(f->code));
      push(out, Value(f->globals));
      push(out, Value(f->builtins));
      push(out, f->module);
      push(out, Value(f->defaults));
      push(out, Value(f->kwdefaults));
      push(out, f->doc);
      push(out, Value(f->name));
      push(out, Value(f->dict));
      push(out, Value(f->closure));
      push(out, f->annotations);
      push(out, Value(f->qualname));
      break;
    }
    case Layout::Cell:
      push(out, static_cast<Cell*>(o)->ref);
      break;
    case Layout::BoundMethod:
      push(out, static_cast<BoundMethod*>(o)->func);
      push(out, static_cast<BoundMethod*>(o)->self);
      break;
    case Layout::Module:
      push(out, Value(static_cast<Module*>(o)->dict));
      break;
    case Layout::Frame: {
      Frame* f = static_cast<Frame*>(o);
      // Its locals may now be seen elsewhere: no more in-place str appends.
      f->builder = nullptr;
      push(out, Value(f->back));
      push(out, f->trace);
      push(out, f->locals);
      push(out, Value(f->func));
      push(out, Value(f->code));
      push(out, Value(f->globals));
      if (f->code)
        for (int i = 0; i < code_nlocalsplus(f->code); i++) push(out, f->slots[i]);
      break;
    }
    case Layout::Type: {
      Type* ty = static_cast<Type*>(o);
      if (!(ty->flags & TF_HEAPTYPE)) break;  // static types are not tracked in CPython
      push(out, Value(ty->dict));
      push(out, Value(ty->mro));
      push(out, Value(ty->bases));
      push(out, Value(ty->base));
      break;
    }
    default: {
      // Layouts not described here (exceptions, generators, descriptors,
      // iterators, native modules' objects): their words that are objects.
      std::vector<Value> found;
      scan_conservative(o, 1, found, 0);
      std::unordered_set<uintptr_t> seen;
      for (Value x : found)
        if (x.obj() != o && seen.insert(x.bits()).second) out.push_back(x);
      if (t->flags & TF_HEAPTYPE) {
        // The scan saw the instance part too: what the precise reading
        // reports again is left out.
        std::vector<Value> inst;
        instance_referents(o, t, inst);
        for (Value x : inst)
          if (!seen.count(x.bits())) out.push_back(x);
      }
      return;
    }
  }
  if (t->flags & TF_HEAPTYPE && t->layout != Layout::Type && t->layout != Layout::Module &&
      t->layout != Layout::Function)
    instance_referents(o, t, out);
}

}  // namespace gilpy::gcwalk
