// Collector set-up. GMP's memory functions are routed here so that big
// integer limbs live in the collected heap (scanned in their first word only,
// see gmp_alloc).
#include "gc/heap.h"

#include <gc/gc_inline.h>
#include <gc/gc_mark.h>
#include <gmp.h>

#include <algorithm>
#include <cstdlib>

namespace gilpy::gc {

bool g_precise_collect = false;
std::atomic<bool> g_tracing{false};


// The collector's own warnings ("Out of Memory! Returning NULL") would be
// noise: a failed allocation becomes a Python MemoryError instead.
static void quiet_warn(char*, GC_word) {}

// Heap growth policy (measured on benchmarks/dict_str.py, whose peak RSS was
// 1.3x CPython's; see docs/decisions/0001). libgc grows the heap when an
// allocation finds no room and less than (2*pointerful + atomic/4 + roots)
// / divisor bytes were allocated since the last collection; it then adds
// heap/divisor bytes (at most 8 MB) plus the request. The default divisor 3
// let the heap reach 1.6x the live data:
//  * kDivisor 5: collect sooner, grow in smaller steps (dict_str: +1 to +4%
//    time, -1.5 MB; programs whose heap does not grow are unaffected);
//  * large requests (list buffers, joined strings) that find no contiguous
//    room right after a collection grew the heap by a third each time; with
//    kLargeDivisor in force during them the step is the request plus 1/16.
//  * 1.5 MB initial heap: a small program collects only when its heap is
//    full, so it touches all of it; gilpy's start-up heap is about 0.4 MB.
//    1.5 MB keeps the benchmark set's peak RSS at 0.8x CPython's and costs
//    no measurable time, now that float temporaries are reused (vm/eval.cpp);
//    1 MB made allocation-heavy programs up to 25% slower (a collection
//    re-marks the interpreter's own objects each time). See docs/decisions/0009.
//  * kDivisor 4 since site.py runs at start-up (session 4): it leaves about
//    1.3 MB of live objects, which every collection re-marks; with 5 the
//    benchmark set's time went from 1.11x to 1.33x CPython's, with 4 it is
//    1.21x (geometric means, tools/bench.py --runs 3) for 4% more peak RSS.
//  * at least kMinBytesAllocd allocated between two collections (session 10):
//    with about 2 MB live after start-up, the divisor alone collected every
//    0.5-0.6 MB, re-marking the interpreter's own objects each time (1,300
//    collections in closures.py, 1,600 in permutations.py). Over the 30
//    benchmarks, CPU time (user+sys, best of 2) against no minimum:
//    1 MB -7%, 2 MB -13% (bigint -58%, permutations -38%, fannkuch -37%,
//    exceptions -32%); peak RSS +1.8% and +7.9% (geometric means). libgc's
//    own minimum is about twice the pointer-holding live data over the
//    divisor, so the floor only matters below about 4 MB of live objects. GILPY_GC_MIN_BYTES=N overrides it (0: libgc's default).
constexpr GC_word kDivisor = 4;
constexpr size_t kMinBytesAllocd = size_t(2) << 20;  // 2 MB
static GC_word g_divisor = kDivisor;  // libgc's GC_FREE_SPACE_DIVISOR overrides it
constexpr GC_word kLargeDivisor = 16;
constexpr size_t kInitialHeap = size_t(3) << 19;  // 1.5 MB

// Objects scanned to their last word: the descriptor is the object's size.
static int g_exact_kind;

// GMP's memory: limbs, and the scratch blocks of its TMP_ALLOC, which chain
// to each other through their first word (Debian's libgmp keeps large
// temporaries on the heap, not the stack). Those blocks must stay alive while
// GMP works: a collection triggered by the next allocation inside GMP freed
// the older blocks of the chain when they were atomic, and GMP then freed
// (walked) freed memory (a crash seen with threads computing 10**3200000).
// So GMP's objects are scanned in their first word only: the chain is kept,
// and a limb array pins at most what one word of digits happens to name.
static int g_gmp_kind;
static void* gmp_alloc(size_t n) {
  if (n >= kLargeAlloc) GC_set_free_space_divisor(kLargeDivisor);
  void* p = GC_generic_malloc(n, g_gmp_kind);
  if (n >= kLargeAlloc) GC_set_free_space_divisor(g_divisor);
  if (__builtin_expect(!p, 0)) throw std::bad_alloc();
  if (tracing()) trace_new(p);  // limbs: the buffers of ints
  return p;
}
static void* gmp_realloc(void* p, size_t, size_t n) { return gc::realloc(p, n); }
static void gmp_free(void*, size_t) {}  // the collector reclaims limbs

void init() {
  GC_set_warn_proc(quiet_warn);
  GC_INIT();
  GC_allow_register_threads();
  if (const char* d = getenv("GC_FREE_SPACE_DIVISOR"); d && atoi(d) > 0) g_divisor = GC_word(atoi(d));
  GC_set_free_space_divisor(g_divisor);
  // libgc's own GC_INITIAL_HEAP_SIZE (read by GC_INIT) overrides ours.
  if (!getenv("GC_INITIAL_HEAP_SIZE")) GC_expand_hp(kInitialHeap);
  size_t min_allocd = kMinBytesAllocd;
  if (const char* m = getenv("GILPY_GC_MIN_BYTES"); m && *m) min_allocd = size_t(std::max(0L, atol(m)));
  if (min_allocd) GC_set_min_bytes_allocd(min_allocd);  // 0: libgc's own minimum
  g_gmp_kind = int(GC_new_kind(GC_new_free_list(), GC_DS_LENGTH | sizeof(void*), 0, 0));
  mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
  g_exact_kind = int(GC_new_kind(GC_new_free_list(), GC_DS_LENGTH, 1, 1));
}

void* alloc_many(size_t bytes) {
  void* list = nullptr;
  GC_generic_malloc_many(bytes, g_exact_kind, &list);
  return list;
}

// The divisor is one global: a thread allocating meanwhile (without the GIL)
// may see the large-request value, which only makes its growth step smaller.
void* alloc_large(size_t n, bool atomic) {
  GC_set_free_space_divisor(kLargeDivisor);
  void* p = atomic ? GC_MALLOC_ATOMIC(n) : GC_MALLOC(n);
  GC_set_free_space_divisor(g_divisor);
  return p;
}

int object_kind() { return g_exact_kind; }

void* alloc_object(size_t n) {
  if (n >= kLargeAlloc) GC_set_free_space_divisor(kLargeDivisor);
  void* p = GC_generic_malloc(n, g_exact_kind);
  if (n >= kLargeAlloc) GC_set_free_space_divisor(g_divisor);
  if (tracing() && p) trace_new(p);
  return p;
}

// Plain memory: the registered objects are uncollectable, so this list need
// not be scanned. Sorted on insertion (registration is rare; lookups are
// binary searches, safe under the allocator lock since they allocate nothing).
static std::vector<void*>* g_static_objects;

void register_static_object(void* p) {
  if (!g_static_objects) g_static_objects = new std::vector<void*>();
  auto it = std::lower_bound(g_static_objects->begin(), g_static_objects->end(), p);
  if (it == g_static_objects->end() || *it != p) g_static_objects->insert(it, p);
}

bool is_static_object(const void* p) {
  if (!g_static_objects) return false;
  return std::binary_search(g_static_objects->begin(), g_static_objects->end(), const_cast<void*>(p));
}

const std::vector<void*>& static_objects() {
  if (!g_static_objects) g_static_objects = new std::vector<void*>();
  return *g_static_objects;
}

size_t heap_size() { return GC_get_heap_size(); }
void collect() { GC_gcollect(); }

}  // namespace gilpy::gc
