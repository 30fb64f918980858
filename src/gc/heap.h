// The heap: gilpy's only interface to the Boehm-Demers-Weiser collector.
//
// Rules (design.md section 3), enforced by review:
//  * Every container holding Values allocates through gc::Allocator / gc::Vector,
//    never plain new/malloc/std::allocator (those are not scanned).
//  * Pointer-free payloads (string bytes, float values, bigint limbs) use
//    alloc_atomic: the collector does not scan them.
//  * Threads that run Python are registered (runtime/thread.cpp does it).
//  * No heap pointer lives only in thread_local storage.
// The collector scans stacks, registers and static data conservatively, so
// native code needs no root handles.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <vector>

#include <gc/gc.h>

namespace gilpy::gc {

// Set by the first explicit collection (gc.collect()): from then on the eval
// loop keeps dead values out of what the conservative collector scans (fresh
// eval_loop frames zeroed, suspended generators' dead stack slots cleared),
// so that later collections free what the program dropped. Programs that
// never ask for a collection do not pay for it (docs/decisions/0014).
extern bool g_precise_collect;

void init();  // once, from the main thread, before any allocation

// Runs `f`, a wait that allocates nothing from the collector and hides no
// pointer from it (a pthread condition wait on a mutex inside an object the
// caller's frame keeps alive), in the collector's "inactive" state: a
// collection does not stop this thread and scans its stack only from this
// call up. A thread stopped by a signal is scanned from inside the signal
// handler, through the signal frame, whose register-save area the kernel
// does not always write in full (XSAVE skips components in their initial
// state): stale words there, left by calls the thread finished long ago,
// kept objects alive for as long as the thread waited (an executor whose
// worker threads wait forever for the weakref callback that would wake them,
// test_concurrent_futures' test_del_shutdown). Needs a registered thread.
template <class F>
void blocking_region(F&& f) {
  using Fn = std::remove_reference_t<F>;
  GC_do_blocking(
      [](void* p) -> void* {
        (*static_cast<Fn*>(p))();
        return nullptr;
      },
      static_cast<void*>(&f));
}

// Requests of kLargeAlloc bytes and more go through alloc_large (heap.cpp):
// when one of them finds no room, the heap grows by little more than the
// request instead of a third of its size.
constexpr size_t kLargeAlloc = size_t(128) << 10;
void* alloc_large(size_t n, bool atomic);  // nullptr on exhaustion

// ---- tracemalloc (modules/_tracemalloc.cpp, docs/decisions/0019) ---------
// While tracemalloc traces, every block handed out for Python objects and
// their buffers is reported with trace_new: the allocation paths below,
// alloc_object, alloc_instance's free lists (objects/object.cpp), floats
// (objects/float.cpp) and GMP's limbs (heap.cpp). Off, the cost is one load
// of g_tracing and a branch predicted not taken. A block leaves the traces
// when the collector reclaims it (or when freed explicitly through free()).
// Set and cleared with tracemalloc's lock held; read here without it, as a
// relaxed atomic (a plain byte compare; the slow path takes the lock and
// checks again).
extern std::atomic<bool> g_tracing;
inline bool tracing() { return __builtin_expect(g_tracing.load(std::memory_order_relaxed), 0); }
void trace_new(void* p);               // p: the base of a block just allocated
void* traced_realloc(void* p, size_t n);  // GC_REALLOC, its trace moved to the result
void trace_forget(void* p);            // p is about to be freed explicitly

// Zeroed, scanned memory.
inline void* alloc(size_t n) {
  void* p = __builtin_expect(n >= kLargeAlloc, 0) ? alloc_large(n, false) : GC_MALLOC(n);
  if (__builtin_expect(!p, 0)) throw std::bad_alloc();
  if (tracing()) trace_new(p);
  return p;
}
// Not zeroed beyond what GC gives; never scanned: only for pointer-free data.
inline void* alloc_atomic(size_t n) {
  void* p = __builtin_expect(n >= kLargeAlloc, 0) ? alloc_large(n, true) : GC_MALLOC_ATOMIC(n);
  if (__builtin_expect(!p, 0)) throw std::bad_alloc();
  if (tracing()) trace_new(p);
  return p;
}
// Like alloc but returns nullptr on exhaustion (for user-sized requests that
// should become MemoryError instead of aborting).
inline void* try_alloc(size_t n) {
  void* p = __builtin_expect(n >= kLargeAlloc, 0) ? alloc_large(n, false) : GC_MALLOC(n);
  if (tracing() && p) trace_new(p);
  return p;
}
inline void* try_alloc_atomic(size_t n) {
  void* p = __builtin_expect(n >= kLargeAlloc, 0) ? alloc_large(n, true) : GC_MALLOC_ATOMIC(n);
  if (tracing() && p) trace_new(p);
  return p;
}
inline void* realloc(void* p, size_t n) {
  if (tracing()) return traced_realloc(p, n);
  return GC_REALLOC(p, n);
}
// Give a block back at once (only where nothing else can still refer to it).
inline void free(void* p) {
  if (tracing() && p) trace_forget(p);
  GC_FREE(p);
}
// Memory the collector scans but never frees (interpreter-lifetime tables).
// Not traced by tracemalloc (interpreter structures, like CPython's static ones).
inline void* alloc_uncollectable(size_t n) { return GC_MALLOC_UNCOLLECTABLE(n); }

// Construct a T in collected, scanned memory. T's destructor never runs.
template <class T, class... A>
T* make(A&&... args) {
  return new (alloc(sizeof(T))) T(static_cast<A&&>(args)...);
}

// STL allocator over the collected heap, for containers that hold Values.
template <class T>
struct Allocator {
  using value_type = T;
  Allocator() noexcept = default;
  template <class U>
  Allocator(const Allocator<U>&) noexcept {}
  T* allocate(size_t n) { return static_cast<T*>(alloc(n * sizeof(T))); }
  // Never GC_FREE: a buffer may still be referenced from a conservative
  // root (e.g. a copy of its pointer on the stack); the collector reclaims it.
  void deallocate(T*, size_t) noexcept {}
  template <class U>
  bool operator==(const Allocator<U>&) const noexcept { return true; }
};
template <class T>
using Vector = std::vector<T, Allocator<T>>;

// A list of new zeroed objects of exactly `bytes` each (a multiple of 16),
// linked through their first word, scanned in full by the collector. (libgc's
// GC_malloc_many adds a byte to every request and leaves an object's last
// word unscanned, so a 32-byte tuple would take 48 bytes.) nullptr when the
// heap is exhausted.
void* alloc_many(size_t bytes);

size_t heap_size();
void collect();

// ---- Python objects as the collector sees them (gc.get_objects and friends,
// modules/gc_walk.cpp; docs/decisions/0016) ---------------------------------
// Every collected Python object that can hold references lives in blocks of
// one collector kind of its own: alloc_many serves the small ones and
// alloc_object the rest; nothing else is allocated in that kind. Its other
// blocks are free-list entries (first word a link, the rest zero).
int object_kind();
// A zeroed, fully scanned block of the object kind (sizes above
// alloc_many's); nullptr on exhaustion. Traced (alloc_many's lists are traced
// object by object where they are handed out).
void* alloc_object(size_t n);
// Objects allocated uncollectable (the builtin and native types) are
// registered here so that the heap walk can tell them from the other
// uncollectable blocks (thread states, roots). Called with the GIL held.
void register_static_object(void* p);
bool is_static_object(const void* p);
const std::vector<void*>& static_objects();

}  // namespace gilpy::gc
