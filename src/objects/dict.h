// dict: insertion-ordered hash table (compact layout: a dense entry array
// in insertion order plus a sparse index table of entry positions).
//
// Invariants: index capacity is a power of two and at least 3/2 of the entry
// capacity; deleted entries keep their slot with key == null until a resize
// compacts them; `version` changes whenever the set of keys or their
// positions change (not on a plain value store), which is what the VM's
// global-variable caches key on.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct DictEntry {
  Value key;    // null for a deleted entry
  Value value;
  int64_t hash;
};

struct Dict : Object {
  Dict* dict;  // subclass instances' __dict__
  int64_t used;        // live entries
  int64_t nentries;    // entries used incl. deleted
  int64_t capacity;    // entry capacity
  int64_t mask;        // index size - 1
  int32_t* index;      // -1 empty, -2 deleted, else entry position
  DictEntry* entries;
  uint64_t version;
};

Dict* dict_new();
// Lookup: *out is null (and no exception) for a missing key; ERR if hashing
// or __eq__ raised. (There is deliberately no Result<Value> form: the null
// Value is Result<Value>'s error marker, so "missing" could not be told apart.)
Status dict_get2(Dict* d, Value key, Value* out);
Status dict_get_hashed(Dict* d, Value key, int64_t hash, Value* out);  // hash: the key's
Value dict_get_str(Dict* d, Str* key);               // str key, never raises
int64_t dict_lookup_str_index(Dict* d, Str* key);     // entry position or -1
// The same without running code: -1 also when a key of another type has the
// same hash (what a cache looking for a plain entry wants).
int64_t dict_lookup_str_index_quiet(Dict* d, Str* key);
Status dict_set(Dict* d, Value key, Value value);
Status dict_set_hashed(Dict* d, Value key, Value value, int64_t hash);  // hash: the key's
// d.setdefault(key, dflt): the value now stored under key (hashing key once).
Result<Value> dict_setdefault(Dict* d, Value key, Value dflt);
void dict_set_str(Dict* d, Str* key, Value value);
Result<bool> dict_del(Dict* d, Value key);           // false when missing (no error set)
bool dict_del_str(Dict* d, Str* key);
Status dict_update(Dict* d, Value other);            // mapping or iterable of pairs
Dict* dict_copy(Dict* d);
void dict_clear(Dict* d);
// Iterate: pos starts at 0; returns false at the end.
bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value);
inline bool is_dict(Value v) { return has_layout(v, Layout::Dict); }
inline Dict* as_dict(Value v) { return v.as<Dict>(); }

}  // namespace gilpy
