// dict core: the compact ordered hash table. Python-visible methods and views
// are in dict_methods.cpp.
#include "objects/dict.h"

#include <cstring>

#include "objects/str.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

static constexpr int32_t kEmpty = -1;
static constexpr int32_t kDeleted = -2;
static constexpr int64_t kMinIndex = 8;

static void alloc_tables(Dict* d, int64_t index_size) {
  d->mask = index_size - 1;
  d->index = static_cast<int32_t*>(gc::alloc_atomic(size_t(index_size) * sizeof(int32_t)));
  std::memset(d->index, 0xFF, size_t(index_size) * sizeof(int32_t));  // all kEmpty
  d->capacity = index_size * 2 / 3;
  d->entries = static_cast<DictEntry*>(gc::alloc(size_t(d->capacity) * sizeof(DictEntry)));
}

Dict* dict_new() {
  Dict* d = static_cast<Dict*>(alloc_instance(tp_dict, sizeof(Dict)));
  alloc_tables(d, kMinIndex);
  return d;
}

// Rebuild with room for at least `need` live entries, dropping deleted ones.
static void resize(Dict* d, int64_t need) {
  int64_t size = kMinIndex;
  while (size * 2 / 3 < need + 1) size <<= 1;
  DictEntry* old = d->entries;
  int64_t n = d->nentries;
  alloc_tables(d, size);
  int64_t j = 0;
  for (int64_t i = 0; i < n; i++) {
    if (!old[i].key) continue;
    d->entries[j] = old[i];
    uint64_t h = uint64_t(old[i].hash);
    uint64_t perturb = h;
    for (uint64_t p = h & d->mask;; p = (p * 5 + 1 + (perturb >>= 5)) & d->mask) {
      if (d->index[p] == kEmpty) { d->index[p] = int32_t(j); break; }
    }
    j++;
  }
  d->nentries = j;
  d->version++;
}

// Probe for key; returns the index-table slot holding it, or -1 with
// *insert_slot set to where it would go. ERR if __eq__ raised.
static Result<int64_t> probe(Dict* d, Value key, int64_t hash, int64_t* insert_slot) {
  uint64_t h = uint64_t(hash);
  uint64_t perturb = h;
  int64_t first_free = -1;
  for (uint64_t p = h & d->mask;; p = (p * 5 + 1 + (perturb >>= 5)) & d->mask) {
    int32_t ix = d->index[p];
    if (ix == kEmpty) {
      if (insert_slot) *insert_slot = first_free >= 0 ? first_free : int64_t(p);
      return int64_t(-1);
    }
    if (ix == kDeleted) {
      if (first_free < 0) first_free = int64_t(p);
      continue;
    }
    DictEntry& e = d->entries[ix];
    if (e.key == key) return int64_t(p);
    if (e.hash != hash) continue;
    // Exact strs compare by value; a str subclass may override __eq__.
    if (e.key.type() == tp_str && key.type() == tp_str) {
      if (str_eq(as_str(e.key), as_str(key))) return int64_t(p);
      continue;
    }
    Value ek = e.key;
    DictEntry* before = d->entries;
    bool same = TRY(eq(ek, key));
    if (d->entries != before || d->index[p] != ix) {
      // The table changed under a user __eq__: restart the probe.
      return probe(d, key, hash, insert_slot);
    }
    if (same) return int64_t(p);
  }
}

Status dict_get2(Dict* d, Value key, Value* out) {
  int64_t hash = TRY(gilpy::hash(key));
  return dict_get_hashed(d, key, hash, out);
}

Status dict_get_hashed(Dict* d, Value key, int64_t hash, Value* out) {
  int64_t slot = TRY(probe(d, key, hash, nullptr));
  *out = slot < 0 ? Value() : d->entries[d->index[slot]].value;
  return OK();
}


// A str-keyed lookup that met a key of another type with the same hash:
// equality is then the key's own __eq__, which may run Python code (and
// change the dict), as in CPython. An error it raises counts as "not found"
// (CPython's _PyType_Lookup clears it too); an exception pending before the
// lookup is kept.
static int64_t lookup_str_slow(Dict* d, Str* key, int64_t hash) {
  Value pending = exc_pending() ? exc_fetch() : Value();
  Result<int64_t> slot = probe(d, Value(key), hash, nullptr);
  int64_t ix = -1;
  if (slot.is_err()) exc_clear();
  else if (slot.value() >= 0) ix = d->index[slot.value()];
  if (pending) exc_restore(pending);
  return ix;
}

template <bool kCallEq>
static inline int64_t lookup_str_index(Dict* d, Str* key) {
  int64_t hash = str_hash(key);
  uint64_t h = uint64_t(hash);
  uint64_t perturb = h;
  for (uint64_t p = h & d->mask;; p = (p * 5 + 1 + (perturb >>= 5)) & d->mask) {
    int32_t ix = d->index[p];
    if (ix == kEmpty) return -1;
    if (ix == kDeleted) continue;
    DictEntry& e = d->entries[ix];
    if (e.key == Value(key)) return ix;
    if (e.hash == hash) {
      if (is_str(e.key)) {
        if (str_eq(as_str(e.key), key)) return ix;
      } else {
        return kCallEq ? lookup_str_slow(d, key, hash) : -1;
      }
    }
  }
}
int64_t dict_lookup_str_index(Dict* d, Str* key) { return lookup_str_index<true>(d, key); }
int64_t dict_lookup_str_index_quiet(Dict* d, Str* key) { return lookup_str_index<false>(d, key); }

Value dict_get_str(Dict* d, Str* key) {
  int64_t ix = dict_lookup_str_index(d, key);
  return ix < 0 ? Value() : d->entries[ix].value;
}

static void insert_new(Dict* d, int64_t slot, Value key, Value value, int64_t hash) {
  if (d->nentries >= d->capacity) {
    resize(d, d->used + 1);
    int64_t s2;
    // Find the free slot again in the new table (key known absent).
    uint64_t h = uint64_t(hash), perturb = h;
    for (uint64_t p = h & d->mask;; p = (p * 5 + 1 + (perturb >>= 5)) & d->mask)
      if (d->index[p] == kEmpty) { s2 = int64_t(p); break; }
    slot = s2;
  }
  int64_t ix = d->nentries++;
  d->entries[ix] = {key, value, hash};
  d->index[slot] = int32_t(ix);
  d->used++;
  d->version++;
}

Status dict_set(Dict* d, Value key, Value value) {
  int64_t hash = TRY(gilpy::hash(key));
  return dict_set_hashed(d, key, value, hash);
}

Status dict_set_hashed(Dict* d, Value key, Value value, int64_t hash) {
  int64_t ins;
  int64_t slot = TRY(probe(d, key, hash, &ins));
  if (slot >= 0) {
    d->entries[d->index[slot]].value = value;
    return OK();
  }
  insert_new(d, ins, key, value, hash);
  return OK();
}

Result<Value> dict_setdefault(Dict* d, Value key, Value dflt) {
  int64_t hash = TRY(gilpy::hash(key));  // once: the key's __hash__ may count calls
  int64_t ins;
  int64_t slot = TRY(probe(d, key, hash, &ins));
  if (slot >= 0) return d->entries[d->index[slot]].value;
  insert_new(d, ins, key, dflt, hash);
  return dflt;
}

void dict_set_str(Dict* d, Str* key, Value value) {
  int64_t hash = str_hash(key);
  int64_t ins;
  Result<int64_t> r = probe(d, Value(key), hash, &ins);  // str keys never run user code... 
  if (r.is_err()) { exc_clear(); return; }
  if (r.value() >= 0) {
    d->entries[d->index[r.value()]].value = value;
    return;
  }
  insert_new(d, ins, Value(key), value, hash);
}

static void delete_slot(Dict* d, int64_t slot) {
  int32_t ix = d->index[slot];
  d->index[slot] = kDeleted;
  d->entries[ix].key = Value();
  d->entries[ix].value = Value();
  d->used--;
  d->version++;
}

Result<bool> dict_del(Dict* d, Value key) {
  int64_t hash = TRY(gilpy::hash(key));
  int64_t slot = TRY(probe(d, key, hash, nullptr));
  if (slot < 0) return false;
  delete_slot(d, slot);
  return true;
}

bool dict_del_str(Dict* d, Str* key) {
  Result<bool> r = dict_del(d, Value(key));
  return r.ok() && r.value();
}

Dict* dict_copy(Dict* src) {
  Dict* d = dict_new();
  resize(d, src->used);
  for (int64_t i = 0; i < src->nentries; i++) {
    DictEntry& e = src->entries[i];
    if (!e.key) continue;
    int64_t ins = -1;
    uint64_t h = uint64_t(e.hash), perturb = h;
    for (uint64_t p = h & d->mask;; p = (p * 5 + 1 + (perturb >>= 5)) & d->mask)
      if (d->index[p] == kEmpty) { ins = int64_t(p); break; }
    insert_new(d, ins, e.key, e.value, e.hash);
  }
  return d;
}

void dict_clear(Dict* d) {
  alloc_tables(d, kMinIndex);
  d->used = 0;
  d->nentries = 0;
  d->version++;
}

bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value) {
  while (*pos < d->nentries) {
    DictEntry& e = d->entries[(*pos)++];
    if (e.key) {
      if (key) *key = e.key;
      if (value) *value = e.value;
      return true;
    }
  }
  return false;
}

Status dict_update(Dict* d, Value other) {
  // A dict whose iteration is dict's own merges from its entries with their
  // stored hashes (CPython's dict_merge); a subclass overriding __iter__
  // (OrderedDict) goes through keys() and [] like any mapping.
  if (is_dict(other) && type_inherits_slot(other.type(), N.__iter__, tp_dict)) {
    Dict* o = as_dict(other);
    int64_t n = o->nentries;
    for (int64_t i = 0; i < o->nentries; i++) {
      DictEntry e = o->entries[i];
      if (!e.key) continue;
      TRY(dict_set_hashed(d, e.key, e.value, e.hash));
      if (o->nentries != n) return raise(tp_RuntimeError, "dict mutated during update");
    }
    return OK();
  }
  Value keys;
  TRY(getattr_opt(other, N.keys, &keys));
  if (keys) {
    Value ks = TRY(call0(keys));
    Value it = TRY(get_iter(ks));
    for (;;) {
      Value k;
      TRY(iter_next(it, &k));
      if (!k) break;
      Value v = TRY(getitem(other, k));
      TRY(dict_set(d, k, v));
    }
    return OK();
  }
  Value it = TRY(get_iter(other));
  for (int64_t n = 0;; n++) {
    Value item;
    TRY(iter_next(it, &item));
    if (!item) break;
    Result<Tuple*> tr = to_tuple(item);
    if (tr.is_err()) {
      if (!exc_matches(tp_TypeError)) return ERR;
      exc_clear();
      return raise_fmt(tp_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                       (long long)n);
    }
    Value seq = Value(reinterpret_cast<Object*>(tr.value()));
    int64_t sz = TRY(len(seq));
    if (sz != 2)
      return raise_fmt(tp_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                       (long long)n, (long long)sz);
    Value k = TRY(getitem(seq, Value::small(0)));
    Value v = TRY(getitem(seq, Value::small(1)));
    TRY(dict_set(d, k, v));
  }
  return OK();
}

}  // namespace gilpy
