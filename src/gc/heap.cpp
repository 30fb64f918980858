// Collector set-up. GMP's memory functions are routed here so that big
// integer limbs live in the collected heap (atomic: limbs hold no pointers).
#include "gc/heap.h"

#include <gmp.h>

namespace gilpy::gc {

static void* gmp_alloc(size_t n) { return alloc_atomic(n); }
static void* gmp_realloc(void* p, size_t, size_t n) { return GC_REALLOC(p, n); }
static void gmp_free(void*, size_t) {}  // the collector reclaims limbs

// The collector's own warnings ("Out of Memory! Returning NULL") would be
// noise: a failed allocation becomes a Python MemoryError instead.
static void quiet_warn(char*, GC_word) {}

void init() {
  GC_set_warn_proc(quiet_warn);
  GC_INIT();
  GC_allow_register_threads();
  // A modest initial heap avoids a burst of tiny collections at start-up
  // without inflating the resident size of small programs.
  GC_expand_hp(8 << 20);
  mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

size_t heap_size() { return GC_get_heap_size(); }
void collect() { GC_gcollect(); }

}  // namespace gilpy::gc
