// list.sort() and sorted(): CPython 3.11's algorithm (timsort with the
// powersort merge policy, as described in CPython's Objects/listsort.txt),
// written for gilpy's lists. Matching it step for step matters beyond speed:
// a program sees which pairs are compared and in what order (a key object's
// __lt__ with side effects, the TypeError for the first incomparable pair,
// a comparison that raises part way), so the same runs, binary insertion
// sorts, galloping searches and merges as CPython's are performed.
//
// Invariants: keys[0..n) are compared; vals[0..n) move with them (vals is
// the list's items, and is keys itself when there is no key function). A
// failed comparison stops the sort with every element still present once
// (the merges copy their scratch back before returning), as in CPython.
#include <algorithm>
#include <cstring>

#include "bytecode/opcodes.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {
namespace {

using namespace bytecode;

constexpr int kMinGallop = 7;
constexpr int kMaxPending = 85;  // enough for 2**64 elements (listsort.txt)

// Three-way comparison of two elements whose order has no visible side
// effects (small ints, exact floats, exact strs): -1, 0 or 1 (equal or
// unordered: 0), or 2 when they are of other kinds.
int quiet_compare(Value a, Value b) {
  if (a.is_small() && b.is_small()) return a.as_small() < b.as_small() ? -1 : a.as_small() > b.as_small();
  if (!a.is_obj() || !b.is_obj()) return 2;
  Type* t = a.type();
  if (t != b.type()) return 2;
  if (t == tp_str) {
    Str* x = as_str(a);
    Str* y = as_str(b);
    int c = std::memcmp(x->data, y->data, size_t(std::min(x->nbytes, y->nbytes)));
    if (c) return c < 0 ? -1 : 1;
    return x->nbytes < y->nbytes ? -1 : x->nbytes > y->nbytes;
  }
  if (t == tp_float) {
    double x = a.as<Float>()->v, y = b.as<Float>()->v;
    return x < y ? -1 : x > y;
  }
  return 2;
}

// key < other, with the shortcuts whose outcome equals the rich comparison
// and that call no Python code (CPython's pre-sort type checks do the same):
// small ints, exact floats and strs, and exact tuples whose elements up to
// the first difference are such (a tuple compares its first unequal pair).
Result<bool> less_than(Value a, Value b) {
  int c = quiet_compare(a, b);
  if (c != 2) return c < 0;
  if (a.is_obj() && b.is_obj() && a.type() == tp_tuple && b.type() == tp_tuple) {
    Tuple* x = a.as<Tuple>();
    Tuple* y = b.as<Tuple>();
    int64_t n = std::min(x->size, y->size), i = 0;
    for (; i < n; i++) {
      Value u = x->items[i], v = y->items[i];
      if (u == v) continue;
      int e = quiet_compare(u, v);
      if (e == 2 || (e == 0 && u.is_obj() && u.type() == tp_float)) break;  // not quiet, or NaN-like: generic
      if (e) return e < 0;
    }
    if (i == n) return x->size < y->size;
  }
  return richcompare_bool(a, b, CMP_LT);
}

// A run of elements: keys and, when sorting by a key function, the items.
struct Slice {
  Value* keys;
  Value* vals;  // null when the keys are the items
  Slice at(int64_t i) const { return {keys + i, vals ? vals + i : nullptr}; }
};

struct Run {
  Slice base;
  int64_t len;
  int power;
};

class Sorter {
 public:
  Sorter(Value* keys, Value* vals, int64_t n) : base_keys_(keys), has_vals_(vals != nullptr), n_(n) {
    tmp_keys_.resize(size_t(n / 2 + 1));
    if (has_vals_) tmp_vals_.resize(size_t(n / 2 + 1));
  }

  Status sort(Slice lo) {
    int64_t remaining = n_;
    if (remaining < 2) return OK();
    const int64_t minrun = compute_minrun(remaining);
    do {
      bool descending = false;
      int64_t n = TRY(count_run(lo.keys, lo.keys + remaining, &descending));
      if (descending) reverse(lo, n);
      if (n < minrun) {
        const int64_t force = remaining <= minrun ? remaining : minrun;
        TRY(binary_insertion_sort(lo, force, n));
        n = force;
      }
      TRY(found_new_run(n));
      pending_[npending_++] = Run{lo, n, 0};
      lo = lo.at(n);
      remaining -= n;
    } while (remaining);
    // Merge what is left, smaller neighbours first.
    while (npending_ > 1) {
      int i = npending_ - 2;
      if (i > 0 && pending_[i - 1].len < pending_[i + 1].len) --i;
      TRY(merge_at(i));
    }
    return OK();
  }

 private:
  // The run length below which short runs are extended by binary insertion:
  // n itself below 64, else a value in [32, 64] making n/minrun a power of 2
  // or just below one.
  static int64_t compute_minrun(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  static void reverse(Slice s, int64_t n) {
    std::reverse(s.keys, s.keys + n);
    if (s.vals) std::reverse(s.vals, s.vals + n);
  }

  // Length of the run starting at lo: non-descending, or strictly
  // descending (then *descending is set; strictness keeps the sort stable
  // when the run is reversed).
  static Result<int64_t> count_run(Value* lo, Value* hi, bool* descending) {
    *descending = false;
    ++lo;
    if (lo == hi) return int64_t(1);
    int64_t n = 2;
    if (TRY(less_than(lo[0], lo[-1]))) {
      *descending = true;
      for (lo = lo + 1; lo < hi; ++lo, ++n)
        if (!TRY(less_than(lo[0], lo[-1]))) break;
    } else {
      for (lo = lo + 1; lo < hi; ++lo, ++n)
        if (TRY(less_than(lo[0], lo[-1]))) break;
    }
    return n;
  }

  // Sorts lo[0..hi) given that lo[0..start) is sorted: each next element is
  // placed after the equal ones before it, found by binary search.
  static Status binary_insertion_sort(Slice lo, int64_t hi, int64_t start) {
    if (start == 0) ++start;
    for (; start < hi; ++start) {
      int64_t l = 0, r = start;
      Value pivot = lo.keys[r];
      do {
        int64_t p = l + ((r - l) >> 1);
        if (TRY(less_than(pivot, lo.keys[p]))) r = p;
        else l = p + 1;
      } while (l < r);
      std::memmove(lo.keys + l + 1, lo.keys + l, size_t(start - l) * sizeof(Value));
      lo.keys[l] = pivot;
      if (lo.vals) {
        Value pv = lo.vals[start];
        std::memmove(lo.vals + l + 1, lo.vals + l, size_t(start - l) * sizeof(Value));
        lo.vals[l] = pv;
      }
    }
    return OK();
  }

  // The "power" of the boundary between the last pending run (starting at
  // s1, n1 long) and a new one n2 long: the depth at which the boundary's
  // midpoint splits [0, n) in a binary subdivision (powersort).
  int power_of(int64_t s1, int64_t n1, int64_t n2) const {
    int result = 0;
    int64_t a = 2 * s1 + n1;  // twice the midpoint of run 1
    int64_t b = a + n1 + n2;  // twice the midpoint of run 2
    for (;;) {
      ++result;
      if (a >= n_) {
        a -= n_;
        b -= n_;
      } else if (b >= n_) {
        break;
      }
      a <<= 1;
      b <<= 1;
    }
    return result;
  }

  Status found_new_run(int64_t n2) {
    if (npending_ == 0) return OK();
    Run& last = pending_[npending_ - 1];
    int power = power_of(last.base.keys - base_keys_, last.len, n2);
    while (npending_ > 1 && pending_[npending_ - 2].power > power) TRY(merge_at(npending_ - 2));
    pending_[npending_ - 1].power = power;
    return OK();
  }

  // Where key goes in the sorted a[0..n): the leftmost position (a[k-1] <
  // key <= a[k]), searched outward from a[hint] by galloping, then by
  // binary search.
  static Result<int64_t> gallop_left(Value key, Value* a, int64_t n, int64_t hint) {
    Value* p = a + hint;
    int64_t lastofs = 0, ofs = 1;
    if (TRY(less_than(*p, key))) {
      const int64_t maxofs = n - hint;
      while (ofs < maxofs) {
        if (!TRY(less_than(p[ofs], key))) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      const int64_t maxofs = hint + 1;
      while (ofs < maxofs) {
        if (TRY(less_than(*(p - ofs), key))) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      if (TRY(less_than(a[m], key))) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  // The rightmost position for key in a[0..n) (a[k-1] <= key < a[k]).
  static Result<int64_t> gallop_right(Value key, Value* a, int64_t n, int64_t hint) {
    Value* p = a + hint;
    int64_t lastofs = 0, ofs = 1;
    if (TRY(less_than(key, *p))) {
      const int64_t maxofs = hint + 1;
      while (ofs < maxofs) {
        if (!TRY(less_than(key, *(p - ofs)))) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      const int64_t maxofs = n - hint;
      while (ofs < maxofs) {
        if (TRY(less_than(key, p[ofs]))) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      if (TRY(less_than(key, a[m]))) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  }

  // Merges pending runs i and i+1.
  Status merge_at(int i) {
    Slice a = pending_[i].base, b = pending_[i + 1].base;
    int64_t na = pending_[i].len, nb = pending_[i + 1].len;
    pending_[i].len = na + nb;
    if (i == npending_ - 3) pending_[i + 1] = pending_[i + 2];
    --npending_;
    // Elements of a before b[0]'s place are already in position.
    int64_t k = TRY(gallop_right(b.keys[0], a.keys, na, 0));
    a = a.at(k);
    na -= k;
    if (na == 0) return OK();
    // So are those of b after a's last element's place.
    nb = TRY(gallop_left(a.keys[na - 1], b.keys, nb, nb - 1));
    if (nb <= 0) return OK();
    return na <= nb ? merge_lo(a, na, b, nb) : merge_hi(a, na, b, nb);
  }

  // Scratch space for n elements (at most half the list: the smaller run).
  Slice scratch(int64_t n) {
    if (size_t(n) > tmp_keys_.size()) {
      tmp_keys_.resize(size_t(n));
      if (has_vals_) tmp_vals_.resize(size_t(n));
    }
    return {tmp_keys_.data(), has_vals_ ? tmp_vals_.data() : nullptr};
  }

  static void copy(Slice dst, int64_t di, Slice src, int64_t si, int64_t n) {
    std::memmove(dst.keys + di, src.keys + si, size_t(n) * sizeof(Value));
    if (dst.vals) std::memmove(dst.vals + di, src.vals + si, size_t(n) * sizeof(Value));
  }
  static void put(Slice dst, int64_t di, Slice src, int64_t si) {
    dst.keys[di] = src.keys[si];
    if (dst.vals) dst.vals[di] = src.vals[si];
  }

  // Merges a (na) with the run b (nb) right after it, na <= nb: a is moved
  // to scratch and the merge fills from the left. While one side wins
  // min_gallop times in a row, it gallops instead of comparing one by one.
  Status merge_lo(Slice a_in, int64_t na, Slice b, int64_t nb) {
    Slice a = scratch(na);
    copy(a, 0, a_in, 0, na);
    Slice dest = a_in;
    Status result = OK();
    int64_t min_gallop = min_gallop_;
    put(dest, 0, b, 0);
    dest = dest.at(1);
    b = b.at(1);
    if (--nb == 0) goto done;
    if (na == 1) goto copy_b;
    for (;;) {
      int64_t acount = 0, bcount = 0;
      for (;;) {
        Result<bool> lt = less_than(b.keys[0], a.keys[0]);
        if (lt.is_err()) { result = ERR; goto done; }
        if (lt.value()) {
          put(dest, 0, b, 0);
          dest = dest.at(1);
          b = b.at(1);
          ++bcount;
          acount = 0;
          if (--nb == 0) goto done;
          if (bcount >= min_gallop) break;
        } else {
          put(dest, 0, a, 0);
          dest = dest.at(1);
          a = a.at(1);
          ++acount;
          bcount = 0;
          if (--na == 1) goto copy_b;
          if (acount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        Result<int64_t> k = gallop_right(b.keys[0], a.keys, na, 0);
        if (k.is_err()) { result = ERR; goto done; }
        acount = k.value();
        if (acount) {
          copy(dest, 0, a, 0, acount);
          dest = dest.at(acount);
          a = a.at(acount);
          na -= acount;
          if (na == 1) goto copy_b;
          if (na == 0) goto done;  // only with an inconsistent comparison
        }
        put(dest, 0, b, 0);
        dest = dest.at(1);
        b = b.at(1);
        if (--nb == 0) goto done;
        k = gallop_left(a.keys[0], b.keys, nb, 0);
        if (k.is_err()) { result = ERR; goto done; }
        bcount = k.value();
        if (bcount) {
          copy(dest, 0, b, 0, bcount);
          dest = dest.at(bcount);
          b = b.at(bcount);
          nb -= bcount;
          if (nb == 0) goto done;
        }
        put(dest, 0, a, 0);
        dest = dest.at(1);
        a = a.at(1);
        if (--na == 1) goto copy_b;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;  // leaving galloping mode costs
      min_gallop_ = min_gallop;
    }
  done:
    if (na) copy(dest, 0, a, 0, na);
    return result;
  copy_b:
    // a's last element belongs after all of b's remaining ones.
    copy(dest, 0, b, 0, nb);
    put(dest, nb, a, 0);
    return OK();
  }

  // The mirror image, na > nb: b is moved to scratch and the merge fills
  // from the right.
  Status merge_hi(Slice a_in, int64_t na, Slice b_in, int64_t nb) {
    Slice base_b = scratch(nb);
    copy(base_b, 0, b_in, 0, nb);
    Slice base_a = a_in;
    Slice dest = b_in.at(nb - 1);
    Slice b = base_b.at(nb - 1);
    Slice a = a_in.at(na - 1);
    Status result = OK();
    int64_t min_gallop = min_gallop_;
    put(dest, 0, a, 0);
    dest = dest.at(-1);
    a = a.at(-1);
    if (--na == 0) goto done;
    if (nb == 1) goto copy_a;
    for (;;) {
      int64_t acount = 0, bcount = 0;
      for (;;) {
        Result<bool> lt = less_than(b.keys[0], a.keys[0]);
        if (lt.is_err()) { result = ERR; goto done; }
        if (lt.value()) {
          put(dest, 0, a, 0);
          dest = dest.at(-1);
          a = a.at(-1);
          ++acount;
          bcount = 0;
          if (--na == 0) goto done;
          if (acount >= min_gallop) break;
        } else {
          put(dest, 0, b, 0);
          dest = dest.at(-1);
          b = b.at(-1);
          ++bcount;
          acount = 0;
          if (--nb == 1) goto copy_a;
          if (bcount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        Result<int64_t> k = gallop_right(b.keys[0], base_a.keys, na, na - 1);
        if (k.is_err()) { result = ERR; goto done; }
        acount = na - k.value();
        if (acount) {
          dest = dest.at(-acount);
          a = a.at(-acount);
          copy(dest, 1, a, 1, acount);
          na -= acount;
          if (na == 0) goto done;
        }
        put(dest, 0, b, 0);
        dest = dest.at(-1);
        b = b.at(-1);
        if (--nb == 1) goto copy_a;
        k = gallop_left(a.keys[0], base_b.keys, nb, nb - 1);
        if (k.is_err()) { result = ERR; goto done; }
        bcount = nb - k.value();
        if (bcount) {
          dest = dest.at(-bcount);
          b = b.at(-bcount);
          copy(dest, 1, b, 1, bcount);
          nb -= bcount;
          if (nb == 1) goto copy_a;
          if (nb == 0) goto done;  // only with an inconsistent comparison
        }
        put(dest, 0, a, 0);
        dest = dest.at(-1);
        a = a.at(-1);
        if (--na == 0) goto done;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  done:
    if (nb) copy(dest, -(nb - 1), base_b, 0, nb);
    return result;
  copy_a:
    // b's first element belongs before all of a's remaining ones.
    dest = dest.at(-na);
    a = a.at(-na);
    copy(dest, 1, a, 1, na);
    put(dest, 0, b, 0);
    return OK();
  }

  Value* base_keys_;
  bool has_vals_;
  int64_t n_;
  int64_t min_gallop_ = kMinGallop;
  Run pending_[kMaxPending];
  int npending_ = 0;
  gc::Vector<Value> tmp_keys_, tmp_vals_;  // collector memory: they hold the only copies mid-merge
};

}  // namespace

Status list_sort(List* l, Value key, bool reverse) {
  int64_t n = l->size;
  const bool keyed = key && !is_none(key);
  // One element is sorted, but its key is still computed (and may raise).
  if (n == 0 || (n == 1 && !keyed)) return OK();
  // While sorting, the list appears empty (CPython's rule), so mutation is
  // detectable; the items are sorted in a copy held by the collector.
  gc::Vector<Value> vals(l->items, l->items + n);
  gc::Vector<Value> keys;
  Value* saved = l->items;
  int64_t saved_cap = l->capacity;
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
  auto restore = [&] {
    bool mutated = l->size != 0 || l->items != nullptr;
    l->items = saved;
    l->capacity = saved_cap;
    l->size = n;
    return mutated;
  };
  if (keyed) {
    // All keys first, in the list's order; a key that raises leaves the
    // list as it was.
    keys.resize(size_t(n));
    for (int64_t i = 0; i < n; i++) {
      Result<Value> r = call1(key, vals[size_t(i)]);
      if (r.is_err()) {
        restore();
        return ERR;
      }
      keys[size_t(i)] = r.value();
    }
  }
  Value* kp = keyed ? keys.data() : vals.data();
  Value* vp = keyed ? vals.data() : nullptr;
  // Stability of a reverse sort: reverse, sort forward, reverse back.
  if (reverse) {
    std::reverse(kp, kp + n);
    if (vp) std::reverse(vp, vp + n);
  }
  Status st = OK();
  if (n > 1) {
    Sorter sorter(kp, vp, n);
    st = sorter.sort(Slice{kp, vp});
  }
  if (reverse) std::reverse(vals.begin(), vals.end());
  // Whatever order the sort reached, even when a comparison failed, is the
  // list's (CPython sorts its items in place).
  bool mutated = restore();
  std::memcpy(l->items, vals.data(), size_t(n) * sizeof(Value));
  if (st.is_err()) return ERR;
  if (mutated) return raise(tp_ValueError, "list modified during sort");
  return OK();
}

}  // namespace gilpy
