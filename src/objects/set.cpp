// set and frozenset: open-addressing hash table (linear probing with a
// deleted-entry marker) and the Python-visible methods and operators.
#include "objects/set.h"

#include <cstring>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

bool repr_enter(Value self);
void repr_leave();

static Object g_dummy_obj;  // marks deleted slots (never a Python value)
static Value dummy() { return Value(&g_dummy_obj); }

static void set_alloc(Set* s, int64_t size) {
  s->mask = size - 1;
  s->table = static_cast<SetEntry*>(gc::alloc(size_t(size) * sizeof(SetEntry)));
}

Set* set_new(Type* t) {
  Set* s = static_cast<Set*>(alloc_instance(t ? t : tp_set, sizeof(Set)));
  set_alloc(s, 8);
  s->hash = -1;
  return s;
}

// Probing follows CPython's set implementation exactly (a linear run of up
// to kLinearProbes slots, then perturbed jumps; tables start at 8 slots and
// grow to the next power of two above 4x (2x past 50,000) the live count
// when 3/5 full), so sets of ints print in the same order as in CPython.
static constexpr int64_t kLinearProbes = 9;

static Result<int64_t> find(Set* s, Value key, int64_t h, int64_t* free_slot) {
restart:  // an __eq__ changed the table: look again from the start, as CPython does
  uint64_t mask = uint64_t(s->mask);
  uint64_t perturb = uint64_t(h);
  uint64_t i = uint64_t(h) & mask;
  int64_t first_free = -1;
  for (;;) {
    int64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    uint64_t j = i;
    do {
      SetEntry& e = s->table[j];
      if (!e.key) {
        if (free_slot) *free_slot = first_free >= 0 ? first_free : int64_t(j);
        return int64_t(-1);
      }
      if (e.key == dummy()) {
        if (first_free < 0) first_free = int64_t(j);
      } else if (e.key == key) {
        return int64_t(j);
      } else if (e.hash == h) {
        if (is_str(e.key) && is_str(key)) {
          if (str_eq(as_str(e.key), as_str(key))) return int64_t(j);
        } else {
          SetEntry* before = s->table;
          Value ek = e.key;
          bool same = TRY(eq(ek, key));
          if (s->table != before || s->table[j].key != ek) goto restart;
          if (same) return int64_t(j);
        }
      }
      j++;
    } while (probes--);
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

static void insert_clean(Set* s, Value key, int64_t h) {
  uint64_t mask = uint64_t(s->mask);
  uint64_t perturb = uint64_t(h);
  uint64_t i = uint64_t(h) & mask;
  for (;;) {
    int64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    uint64_t j = i;
    do {
      if (!s->table[j].key) {
        s->table[j] = {key, h};
        return;
      }
      j++;
    } while (probes--);
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

static void resize(Set* s, int64_t minused) {
  int64_t size = 8;
  while (size <= minused) size <<= 1;
  SetEntry* old = s->table;
  int64_t oldsize = s->mask + 1;
  set_alloc(s, size);
  s->fill = s->used;
  for (int64_t i = 0; i < oldsize; i++)
    if (old[i].key && old[i].key != dummy()) insert_clean(s, old[i].key, old[i].hash);
}

static Status add_hashed(Set* s, Value key, int64_t h) {
  int64_t slot;
  int64_t found = TRY(find(s, key, h, &slot));
  if (found >= 0) return OK();
  bool was_empty = !s->table[slot].key;
  s->table[slot] = {key, h};
  s->used++;
  if (!was_empty) return OK();
  s->fill++;
  if (s->fill * 5 < s->mask * 3) return OK();
  resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
  return OK();
}

Status set_add(Set* s, Value key) {
  int64_t h = TRY(hash(key));
  return add_hashed(s, key, h);
}

// The *_hashed forms take the key's hash: elements moving between sets (and
// dicts) keep the hash stored with them, as CPython never rehashes them.
static Result<bool> contains_hashed(Set* s, Value key, int64_t h) {
  int64_t found = TRY(find(s, key, h, nullptr));
  return found >= 0;
}
Result<bool> set_contains(Set* s, Value key) {
  int64_t h = TRY(hash(key));
  return contains_hashed(s, key, h);
}

static Result<bool> discard_hashed(Set* s, Value key, int64_t h) {
  int64_t found = TRY(find(s, key, h, nullptr));
  if (found < 0) return false;
  s->table[found].key = dummy();
  s->used--;
  return true;
}
Result<bool> set_discard(Set* s, Value key) {
  int64_t h = TRY(hash(key));
  return discard_hashed(s, key, h);
}

static bool next_entry(Set* s, int64_t* pos, SetEntry* out) {
  while (*pos <= s->mask) {
    SetEntry& e = s->table[(*pos)++];
    if (e.key && e.key != dummy()) {
      *out = e;
      return true;
    }
  }
  return false;
}
bool set_next(Set* s, int64_t* pos, Value* key) {
  SetEntry e;
  if (!next_entry(s, pos, &e)) return false;
  *key = e.key;
  return true;
}
bool set_next_hashed(Set* s, int64_t* pos, Value* key, int64_t* hash) {
  SetEntry e;
  if (!next_entry(s, pos, &e)) return false;
  *key = e.key;
  *hash = e.hash;
  return true;
}

Status set_update(Set* s, Value iterable) {
  if (is_anyset(iterable)) {
    // CPython's set_merge: pre-size, then copy in table order.
    Set* o = iterable.as<Set>();
    if (o == s || o->used == 0) return OK();
    if ((s->fill + o->used) * 5 >= s->mask * 3) resize(s, (s->used + o->used) * 2);
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
      // Same size, no deleted slots: the table is copied slot for slot, so the
      // copy iterates in the original's order even where keys collided.
      for (int64_t i = 0; i <= o->mask; i++) s->table[i] = o->table[i];
      s->fill = s->used = o->used;
      return OK();
    }
    bool empty = s->fill == 0;
    for (int64_t i = 0; i <= o->mask; i++) {
      SetEntry e = o->table[i];
      if (!e.key || e.key == dummy()) continue;
      if (empty) {
        insert_clean(s, e.key, e.hash);
        s->used++;
        s->fill++;
      } else {
        TRY(add_hashed(s, e.key, e.hash));
      }
    }
    return OK();
  }
  if (iterable.type() == tp_dict) {  // a subclass may override __iter__
    Dict* d = as_dict(iterable);
    if ((s->fill + d->used) * 5 >= s->mask * 3) resize(s, (s->used + d->used) * 2);
    for (int64_t i = 0; i < d->nentries; i++)
      if (d->entries[i].key) TRY(add_hashed(s, d->entries[i].key, d->entries[i].hash));
    return OK();
  }
  Value it = TRY(get_iter(iterable));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    TRY(set_add(s, x));
  }
  return OK();
}

// ---- methods ---------------------------------------------------------------------------------
static Set* S(Value v) { return v.as<Set>(); }
static Type* result_type(Value self) { return has_layout(self, Layout::FrozenSet) ? tp_frozenset : tp_set; }
static Set* copy_of(Value self, Type* t) {
  Set* r = set_new(t);
  Status st = set_update(r, self);
  (void)st;  // copying from a set never compares keys
  return r;
}
static Result<Set*> as_set_arg(Value v) {
  if (is_anyset(v)) return S(v);
  Set* s = set_new();
  TRY(set_update(s, v));
  return s;
}

static Result<Value> set_new_m(Value* a, int64_t n, Tuple* kw) {
  Type* t = as_type(a[0]);
  if (has_layout(Value(t), Layout::Type) && t->layout == Layout::FrozenSet) {
    if (type_inherits_slot(t, N.__init__, tp_frozenset)) TRY(no_kwargs("frozenset", kw));
    TRY(check_nargs("frozenset", n - 1, 0, 1));
    if (n > 1 && a[1].type() == tp_frozenset && t == tp_frozenset) return a[1];
    Set* s = set_new(t);
    if (n > 1) TRY(set_update(s, a[1]));
    return Value(s);
  }
  if (type_inherits_slot(t, N.__init__, tp_set)) TRY(no_kwargs("set", kw));
  return Value(set_new(t));
}
static Result<Value> set_init_m(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("set", kw));
  TRY(check_nargs("set", n - 1, 0, 1));
  Set* s = S(a[0]);
  set_alloc(s, 8);
  s->used = s->fill = 0;
  if (n > 1) TRY(set_update(s, a[1]));
  return None();
}
static Result<Value> set_len(Value* a, int64_t, Tuple*) { return Value::small(S(a[0])->used); }
// `op` on a key; an unhashable set key is tried again as the equivalent
// frozenset (CPython's set_contains, set_discard and set_remove).
static Result<bool> with_set_key(Set* s, Value key, Result<bool> (*op)(Set*, Value)) {
  Result<bool> r = op(s, key);
  if (r.is_err() && is_anyset(key) && exc_matches(tp_TypeError)) {
    exc_clear();
    r = op(s, Value(copy_of(key, tp_frozenset)));
  }
  return r;
}
static Result<Value> set_contains_m(Value* a, int64_t, Tuple*) {
  bool r = TRY(with_set_key(S(a[0]), a[1], set_contains));
  return Bool(r);
}
static Result<Value> set_add_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("set.add", n - 1, 1, 1));
  TRY(set_add(S(a[0]), a[1]));
  return None();
}
static Result<Value> set_discard_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("set.discard", n - 1, 1, 1));
  TRY(with_set_key(S(a[0]), a[1], set_discard));
  return None();
}
static Result<Value> set_remove_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("set.remove", n - 1, 1, 1));
  bool found = TRY(with_set_key(S(a[0]), a[1], set_discard));
  if (!found) {
    Value args[1] = {a[1]};
    return raise_with_args(tp_KeyError, args, 1);
  }
  return None();
}
static Result<Value> set_pop_m(Value* a, int64_t, Tuple*) {
  Set* s = S(a[0]);
  int64_t pos = 0;
  Value k;
  if (!set_next(s, &pos, &k)) return raise(tp_KeyError, "pop from an empty set");
  s->table[pos - 1].key = dummy();
  s->used--;
  return k;
}
static Result<Value> set_clear_m(Value* a, int64_t, Tuple*) {
  Set* s = S(a[0]);
  set_alloc(s, 8);
  s->used = s->fill = 0;
  return None();
}
static Result<Value> set_copy_m(Value* a, int64_t, Tuple*) {
  if (a[0].type() == tp_frozenset) return a[0];
  return Value(copy_of(a[0], result_type(a[0])));
}
static Result<Value> set_update_m(Value* a, int64_t n, Tuple*) {
  for (int64_t i = 1; i < n; i++) TRY(set_update(S(a[0]), a[i]));
  return None();
}
static Result<Set*> union_of(Value self, Value* others, int64_t n) {
  Set* r = copy_of(self, result_type(self));
  for (int64_t i = 0; i < n; i++) TRY(set_update(r, others[i]));
  return r;
}
static Result<Set*> intersection_of(Value self, Value other) {
  Set* o = TRY(as_set_arg(other));
  Set* s = S(self);
  Set* r = set_new(result_type(self));
  if (s == o) {  // CPython copies (same iteration order)
    TRY(set_update(r, self));
    return r;
  }
  // CPython walks the other set unless it is the larger one (ties: the other).
  Set* small = o->used > s->used ? s : o;
  Set* big = small == s ? o : s;
  int64_t pos = 0;
  SetEntry e;
  while (next_entry(small, &pos, &e)) {
    bool in = TRY(contains_hashed(big, e.key, e.hash));
    if (in) TRY(add_hashed(r, e.key, e.hash));
  }
  return r;
}
static Result<Set*> difference_of(Value self, Value other) {
  Set* o = TRY(as_set_arg(other));
  Set* r = set_new(result_type(self));
  int64_t pos = 0;
  SetEntry e;
  if (S(self)->used == 0 || (S(self)->used >> 2) > o->used) {
    // CPython: a copy with the other's elements discarded (so the result keeps
    // the original's iteration order) when the other set is much smaller.
    TRY(set_update(r, self));
    while (next_entry(o, &pos, &e)) TRY(discard_hashed(r, e.key, e.hash));
    return r;
  }
  while (next_entry(S(self), &pos, &e)) {
    bool in = TRY(contains_hashed(o, e.key, e.hash));
    if (!in) TRY(add_hashed(r, e.key, e.hash));
  }
  return r;
}
// CPython: start from a copy of `other`, then toggle each element of self.
static Result<Set*> symdiff_of(Value self, Value other) {
  Set* r = set_new(result_type(self));
  TRY(set_update(r, other));
  int64_t pos = 0;
  SetEntry e;
  while (next_entry(S(self), &pos, &e)) {
    bool removed = TRY(discard_hashed(r, e.key, e.hash));
    if (!removed) TRY(add_hashed(r, e.key, e.hash));
  }
  return r;
}
static Result<Value> set_union_m(Value* a, int64_t n, Tuple*) { return Value(TRY(union_of(a[0], a + 1, n - 1))); }
static Result<Value> set_intersection_m(Value* a, int64_t n, Tuple*) {
  Value r = n == 1 ? Value(copy_of(a[0], result_type(a[0]))) : a[0];
  for (int64_t i = 1; i < n; i++) r = Value(TRY(intersection_of(r, a[i])));
  if (n > 1 && r.type() != result_type(a[0])) r = Value(copy_of(r, result_type(a[0])));
  return r;
}
static Result<Value> set_difference_m(Value* a, int64_t n, Tuple*) {
  Value r = Value(copy_of(a[0], result_type(a[0])));
  for (int64_t i = 1; i < n; i++) r = Value(TRY(difference_of(r, a[i])));
  return r;
}
static Result<Value> set_symdiff_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("symmetric_difference", n - 1, 1, 1));
  return Value(TRY(symdiff_of(a[0], a[1])));
}
static void replace_contents(Set* dst, Set* src) {
  dst->table = src->table;
  dst->mask = src->mask;
  dst->used = src->used;
  dst->fill = src->fill;
}
static Result<Value> set_intersection_update_m(Value* a, int64_t n, Tuple*) {
  Value r = TRY(set_intersection_m(a, n, nullptr));
  // CPython swaps in the intersection's table (its order), not a copy.
  replace_contents(S(a[0]), r == a[0] ? copy_of(r, tp_set) : S(r));
  return None();
}
static Result<Value> set_difference_update_m(Value* a, int64_t n, Tuple*) {
  for (int64_t i = 1; i < n; i++) {
    if (a[i] == a[0]) { TRY(set_clear_m(a, 1, nullptr)); continue; }
    Value it = TRY(get_iter(a[i]));
    for (;;) {
      Value x;
      TRY(iter_next(it, &x));
      if (!x) break;
      TRY(set_discard(S(a[0]), x));
    }
  }
  return None();
}
// CPython: toggle each element of the other set in place (the other one made
// a set first if it is not), so the result keeps this set's table order.
static Result<Value> set_symdiff_update_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("symmetric_difference_update", n - 1, 1, 1));
  Set* self = S(a[0]);
  if (a[1] == a[0]) return set_clear_m(a, 1, nullptr);
  Set* o = TRY(as_set_arg(a[1]));
  if (o == self) o = copy_of(a[1], tp_set);
  int64_t pos = 0;
  SetEntry e;
  while (next_entry(o, &pos, &e)) {
    bool removed = TRY(discard_hashed(self, e.key, e.hash));
    if (!removed) TRY(add_hashed(self, e.key, e.hash));
  }
  return None();
}
static Result<bool> is_subset(Set* x, Set* y) {
  if (x->used > y->used) return false;
  int64_t pos = 0;
  SetEntry e;
  while (next_entry(x, &pos, &e)) {
    bool in = TRY(contains_hashed(y, e.key, e.hash));
    if (!in) return false;
  }
  return true;
}
static Result<Value> set_issubset_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("issubset", n - 1, 1, 1));
  Set* o = TRY(as_set_arg(a[1]));
  return Bool(TRY(is_subset(S(a[0]), o)));
}
static Result<Value> set_issuperset_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("issuperset", n - 1, 1, 1));
  Set* o = TRY(as_set_arg(a[1]));
  return Bool(TRY(is_subset(o, S(a[0]))));
}
static Result<Value> set_isdisjoint_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("isdisjoint", n - 1, 1, 1));
  Value it = TRY(get_iter(a[1]));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) return True();
    bool in = TRY(set_contains(S(a[0]), x));
    if (in) return False();
  }
}
// Operators accept only sets (NotImplemented otherwise).
#define SET_BINOP(fname, impl)                                        \
  static Result<Value> fname(Value* a, int64_t, Tuple*) {             \
    if (!is_anyset(a[1])) return Value(g_NotImplemented);             \
    return Value(TRY(impl));                                          \
  }
SET_BINOP(set_or, union_of(a[0], a + 1, 1))
SET_BINOP(set_and, intersection_of(a[0], a[1]))
SET_BINOP(set_sub, difference_of(a[0], a[1]))
SET_BINOP(set_xor, symdiff_of(a[0], a[1]))
static Result<Value> set_rsub(Value* a, int64_t, Tuple*) {
  if (!is_anyset(a[1])) return Value(g_NotImplemented);
  return Value(TRY(difference_of(a[1], a[0])));
}
static Result<Value> set_ior(Value* a, int64_t, Tuple*) {
  if (!is_anyset(a[1])) return Value(g_NotImplemented);
  TRY(set_update(S(a[0]), a[1]));
  return a[0];
}
static Result<Value> set_iand(Value* a, int64_t n, Tuple*) {
  if (!is_anyset(a[1])) return Value(g_NotImplemented);
  TRY(set_intersection_update_m(a, 2, nullptr));
  return a[0];
}
static Result<Value> set_isub(Value* a, int64_t, Tuple*) {
  if (!is_anyset(a[1])) return Value(g_NotImplemented);
  TRY(set_difference_update_m(a, 2, nullptr));
  return a[0];
}
static Result<Value> set_ixor(Value* a, int64_t, Tuple*) {
  if (!is_anyset(a[1])) return Value(g_NotImplemented);
  TRY(set_symdiff_update_m(a, 2, nullptr));
  return a[0];
}
static Result<Value> set_cmp(Value* a, int op) {
  if (!is_anyset(a[1])) return Value(g_NotImplemented);
  Set* x = S(a[0]);
  Set* y = S(a[1]);
  switch (op) {
    case CMP_EQ: return Bool(x->used == y->used && TRY(is_subset(x, y)));
    case CMP_NE: return Bool(!(x->used == y->used && TRY(is_subset(x, y))));
    case CMP_LE: return Bool(TRY(is_subset(x, y)));
    case CMP_GE: return Bool(TRY(is_subset(y, x)));
    case CMP_LT: return Bool(x->used < y->used && TRY(is_subset(x, y)));
    default: return Bool(x->used > y->used && TRY(is_subset(y, x)));
  }
}
static Result<Value> set_eq(Value* a, int64_t, Tuple*) { return set_cmp(a, CMP_EQ); }
static Result<Value> set_ne(Value* a, int64_t, Tuple*) { return set_cmp(a, CMP_NE); }
static Result<Value> set_lt(Value* a, int64_t, Tuple*) { return set_cmp(a, CMP_LT); }
static Result<Value> set_le(Value* a, int64_t, Tuple*) { return set_cmp(a, CMP_LE); }
static Result<Value> set_gt(Value* a, int64_t, Tuple*) { return set_cmp(a, CMP_GT); }
static Result<Value> set_ge(Value* a, int64_t, Tuple*) { return set_cmp(a, CMP_GE); }
static Result<Value> set_repr(Value* a, int64_t, Tuple*) {
  Set* s = S(a[0]);
  std::string tn(a[0].type()->name->view());
  if (s->used == 0) return Value(str_new(tn + "()"));
  if (!repr_enter(a[0])) return Value(str_new(tn + "(...)"));
  std::string r = "{";
  int64_t pos = 0;
  Value k;
  bool first = true;
  while (set_next(s, &pos, &k)) {
    if (!first) r += ", ";
    first = false;
    Result<Str*> x = repr(k);
    if (x.is_err()) { repr_leave(); return ERR; }
    r += x.value()->view();
  }
  repr_leave();
  r += "}";
  if (a[0].type() != tp_set) r = tn + "(" + r + ")";
  return Value(str_new(r));
}
// frozenset hash: CPython's algorithm (shuffled, xor-combined entry hashes).
static Result<Value> frozenset_hash(Value* a, int64_t, Tuple*) {
  Set* s = S(a[0]);
  if (s->hash != -1) return int_from_i64(s->hash);
  uint64_t h = 0;
  int64_t pos = 0;
  Value k;
  while (set_next(s, &pos, &k)) {
    uint64_t x = uint64_t(s->table[pos - 1].hash);
    h ^= ((x ^ 89869747UL) ^ (x << 16)) * 3644798167UL;
  }
  h ^= (uint64_t(s->used) + 1) * 1927868237UL;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069U + 907133923UL;
  if (h == uint64_t(-1)) h = 590923713UL;
  s->hash = int64_t(h);
  return int_from_i64(int64_t(h));
}
static Result<Value> set_reduce(Value* a, int64_t, Tuple*) {
  List* l = TRY(to_list(a[0]));
  Value state = TRY(call_method0(a[0], N.__getstate__));  // the instance dict and __slots__ values
  return Value(tuple_of({Value(a[0].type()), Value(tuple_of({Value(l)})), state}));
}

struct SetIter : Object {
  Set* s;
  int64_t pos;
  int64_t used;
  int64_t remaining;
};
static Status setiter_next(Value self, Value* out) {
  SetIter* it = self.as<SetIter>();
  if (!it->s) { *out = Value(); return OK(); }
  if (it->s->used != it->used) {
    it->used = -1;
    return raise(tp_RuntimeError, "Set changed size during iteration");
  }
  Value k;
  if (set_next(it->s, &it->pos, &k)) {
    it->remaining--;
    *out = k;
    return OK();
  }
  it->s = nullptr;
  *out = Value();
  return OK();
}
static Result<Value> set_iter(Value* a, int64_t, Tuple*) {
  SetIter* it = static_cast<SetIter*>(alloc_instance(tp_set_iterator, sizeof(SetIter)));
  it->s = S(a[0]);
  it->used = it->s->used;
  it->remaining = it->used;
  return Value(it);
}
static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(setiter_next(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
static Result<Value> setiter_len(Value* a, int64_t, Tuple*) {
  SetIter* it = a[0].as<SetIter>();
  return Value::small(it->s ? it->remaining : 0);
}
static Result<Value> set_class_getitem(Value* a, int64_t n, Tuple*) {
  extern Result<Value> generic_alias_new(Value origin, Value args);
  return generic_alias_new(a[0], a[1]);
}

static const MethodDef common_methods[] = {
    {"__new__", set_new_m, MethKind::Static}, {"__len__", set_len}, {"__contains__", set_contains_m},
    {"__iter__", set_iter}, {"copy", set_copy_m, MethKind::NoArgs}, {"union", set_union_m}, {"intersection", set_intersection_m},
    {"difference", set_difference_m}, {"symmetric_difference", set_symdiff_m, MethKind::O}, {"issubset", set_issubset_m, MethKind::O},
    {"issuperset", set_issuperset_m, MethKind::O}, {"isdisjoint", set_isdisjoint_m, MethKind::O}, {"__or__", set_or}, {"__ror__", set_or},
    {"__and__", set_and}, {"__rand__", set_and}, {"__sub__", set_sub}, {"__rsub__", set_rsub},
    {"__xor__", set_xor}, {"__rxor__", set_xor}, {"__eq__", set_eq}, {"__ne__", set_ne}, {"__lt__", set_lt},
    {"__le__", set_le}, {"__gt__", set_gt}, {"__ge__", set_ge}, {"__repr__", set_repr},
    {"__reduce__", set_reduce}, {"__class_getitem__", set_class_getitem, MethKind::Class}, {nullptr, nullptr}};
static const MethodDef set_only_methods[] = {
    {"__init__", set_init_m}, {"add", set_add_m, MethKind::O}, {"discard", set_discard_m, MethKind::O}, {"remove", set_remove_m, MethKind::O},
    {"pop", set_pop_m, MethKind::NoArgs}, {"clear", set_clear_m, MethKind::NoArgs}, {"update", set_update_m},
    {"intersection_update", set_intersection_update_m}, {"difference_update", set_difference_update_m},
    {"symmetric_difference_update", set_symdiff_update_m, MethKind::O}, {"__ior__", set_ior}, {"__iand__", set_iand},
    {"__isub__", set_isub}, {"__ixor__", set_ixor}, {nullptr, nullptr}};
static const MethodDef frozenset_only[] = {{"__hash__", frozenset_hash}, {nullptr, nullptr}};
static Result<Value> setiter_reduce(Value* a, int64_t, Tuple*) { return iter_reduce_rest(a[0], sizeof(SetIter)); }
static const MethodDef setiter_methods[] = {{"__iter__", iter_self}, {"__next__", iter_next_m},
                                            {"__length_hint__", setiter_len}, {"__reduce__", setiter_reduce},
                                            {nullptr, nullptr}};

void init_set_type() {
  type_add_methods(tp_set, common_methods);
  type_add_methods(tp_set, set_only_methods);
  type_set_attr_const(tp_set, "__hash__", None());
  type_add_methods(tp_frozenset, common_methods);
  type_add_methods(tp_frozenset, frozenset_only);
  type_add_methods(tp_set_iterator, setiter_methods);
  tp_set_iterator->iternext = setiter_next;
}

}  // namespace gilpy
