// _tracemalloc: the native half of CPython's tracemalloc module (whose
// Python half, /usr/lib/python3.11/tracemalloc.py, runs in place): traces
// of the blocks the interpreter allocates for Python objects and their
// buffers, each with the Python traceback where it was allocated.
//
// Design (docs/decisions/0019):
//  * The allocation paths call gc::trace_new(block) while gc::g_tracing is
//    set (gc/heap.h lists them); off, they pay one load and a branch.
//  * A trace's size is the collector's size of the block (GC_size).
//  * gilpy frees nothing explicitly: a block is freed when a collection finds
//    it unreachable. The trace table is plain (malloc) memory, which the
//    collector does not scan, keyed by the block's address disguised, so it
//    keeps nothing alive; each trace registers a long link (Boehm's weak
//    pointer that is cleared only once the block can no longer be
//    resurrected by a finalizer). The first traced operation after a
//    collection (GC_get_gc_no() moved) drops the traces whose link was
//    cleared: "current" is the sum of the remaining traces, "peak" the
//    largest current seen when a trace was added.
//  * Tracebacks (most recent call first, as CPython stores them) are
//    interned, like their filenames; the filename strs are kept alive by an
//    uncollectable block of their own.
//  * One mutex guards the tables: allocation may happen without the GIL
//    (zlib inflates with it released). Nothing done under it allocates from
//    the traced paths, and a thread-local flag makes any such allocation
//    (and the objects _get_traces() builds, as CPython's) untraced: tracing
//    never recurses. Lock order: this mutex, then the collector's lock.
#include "modules/_tracemalloc.h"

#include <gc/gc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "objects/code.h"
#include "objects/frame.h"
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
#include "runtime/thread_state.h"

namespace gilpy {

namespace {

// CPython's limit (traceback_t counts frames in 16 bits).
constexpr int64_t kMaxNframe = 65535;
constexpr uint32_t kUnknownFile = UINT32_MAX;  // "<unknown>"
constexpr size_t kScrubBytes = 2048;           // native stack zeroed after recording a trace

struct FrameRec {
  uint32_t file;  // index into Files::by_id, or kUnknownFile
  int32_t line;
};

struct Traceback {
  size_t hash;
  uint32_t nframe;
  uint32_t total;     // frames on the stack when captured (saturates at 65535)
  FrameRec frames[];  // most recent call first
};

struct TracebackHash {
  size_t operator()(const Traceback* t) const { return t->hash; }
};
struct TracebackEq {
  bool operator()(const Traceback* a, const Traceback* b) const {
    return a->hash == b->hash && a->nframe == b->nframe && a->total == b->total &&
           std::memcmp(a->frames, b->frames, a->nframe * sizeof(FrameRec)) == 0;
  }
};

// One traced block. Records live in chunks that never move (the collector
// holds the address of each record's link), reused through a free list.
struct Trace {
  // The block's address, disguised; registered as a long link, so the
  // collector zeroes it (and forgets the link) when it reclaims the block.
  void* link;
  uintptr_t key;  // the block's address disguised, kept after link is zeroed; 0: a free record
  size_t size;
  Traceback* tb;
};

// The traces: records in fixed chunks, found by address through an
// open-addressing index (linear probing, backward-shift deletion). Plain
// malloc memory, which the collector does not scan.
class TraceTable {
 public:
  size_t size() const { return count_; }

  Trace* find(uintptr_t key) const {
    if (!slots_) return nullptr;
    for (size_t i = home(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return &rec(slots_[i].rec);
      if (slots_[i].key == 0) return nullptr;
    }
  }

  // A fresh record for key (not present), or null when out of memory.
  Trace* insert(uintptr_t key) {
    if ((count_ + 1) * 2 > cap_ && !grow()) return nullptr;
    uint32_t r;
    if (free_ != kNone) {
      r = free_;
      free_ = uint32_t(rec(r).size);
    } else {
      if (used_ == chunks_.size() * kChunk) {
        Trace* c = static_cast<Trace*>(std::calloc(kChunk, sizeof(Trace)));
        if (!c) return nullptr;
        chunks_.push_back(c);
      }
      r = uint32_t(used_++);
    }
    size_t i = home(key);
    while (slots_[i].key) i = (i + 1) & mask_;
    slots_[i] = Slot{key, r};
    count_++;
    Trace& t = rec(r);
    t = Trace{nullptr, key, 0, nullptr};
    return &t;
  }

  // Drop t (its link already unregistered or cleared by the collector).
  // Allocates nothing.
  void erase(Trace* t) {
    size_t i = home(t->key);
    while (slots_[i].key != t->key) i = (i + 1) & mask_;
    uint32_t r = slots_[i].rec;
    // Backward-shift deletion: move up each later entry of the run that
    // may sit at or before the hole.
    for (size_t j = (i + 1) & mask_; slots_[j].key; j = (j + 1) & mask_) {
      size_t h = home(slots_[j].key);
      bool movable = i <= j ? (h <= i || h > j) : (h <= i && h > j);
      if (movable) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = Slot{0, 0};
    count_--;
    *t = Trace{nullptr, 0, free_, nullptr};  // a free record links to the next one through size
    free_ = r;
  }

  // f(Trace&) for every record in use, in memory order (erase allowed).
  template <class F>
  void each(F f) {
    for (size_t r = 0; r < used_; r++) {
      Trace& t = rec(uint32_t(r));
      if (t.key) f(t);
    }
  }

  void clear() {
    for (Trace* c : chunks_) std::free(c);
    std::free(slots_);
    this->~TraceTable();
    new (this) TraceTable();
  }

  size_t memory() const {
    return chunks_.size() * kChunk * sizeof(Trace) + chunks_.capacity() * sizeof(Trace*) + cap_ * sizeof(Slot);
  }

 private:
  static constexpr size_t kChunk = 1024;
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Slot {
    uintptr_t key;  // 0: empty
    uint32_t rec;
  };
  Trace& rec(uint32_t r) const { return chunks_[r / kChunk][r % kChunk]; }
  size_t home(uintptr_t key) const { return size_t((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  bool grow() {
    size_t cap = cap_ ? cap_ * 2 : 1024;
    Slot* slots = static_cast<Slot*>(std::calloc(cap, sizeof(Slot)));
    if (!slots) return false;
    Slot* old = slots_;
    size_t old_cap = cap_;
    slots_ = slots;
    cap_ = cap;
    mask_ = cap - 1;
    shift_ = 64 - __builtin_ctzll(cap);
    for (size_t i = 0; i < old_cap; i++) {
      if (!old[i].key) continue;
      size_t j = home(old[i].key);
      while (slots_[j].key) j = (j + 1) & mask_;
      slots_[j] = old[i];
    }
    std::free(old);
    return true;
  }

  Slot* slots_ = nullptr;
  size_t cap_ = 0, mask_ = 0, count_ = 0;
  int shift_ = 64;
  std::vector<Trace*> chunks_;
  size_t used_ = 0;             // records handed out so far (in use or free)
  uint32_t free_ = kNone;       // first free record (erase allocates nothing)
};

// Filenames, interned by text. Every distinct str object seen is kept in
// `roots` (uncollectable, scanned), so that the pointer keys of by_ptr never
// name a freed and reused str.
struct Files {
  Str** roots = nullptr;
  size_t nroots = 0, cap = 0;
  std::unordered_map<Str*, uint32_t> by_ptr;
  std::unordered_map<std::string, uint32_t> by_text;
  std::vector<Str*> by_id;
};

std::mutex g_mu;
thread_local bool t_busy = false;  // inside tracemalloc's own code: allocations are not traced

bool g_on = false;
int g_nframe = 1;
size_t g_current = 0, g_peak = 0;
GC_word g_gc_seen = 0;  // GC_get_gc_no() when the dead traces were last dropped
// The tables live in one heap object that is never destroyed: static
// destructors run before a leak checker looks at exit, and would leave the
// records they point to unreachable.
using TracebackSet = std::unordered_set<Traceback*, TracebackHash, TracebackEq>;
struct Tables {
  TraceTable traces;
  TracebackSet tracebacks;
  size_t traceback_bytes = 0;
  Files files;
};
Tables& g_tables = *new Tables();
TraceTable& g_traces = g_tables.traces;
TracebackSet& g_tracebacks = g_tables.tracebacks;
size_t& g_traceback_bytes = g_tables.traceback_bytes;
Files& g_files = g_tables.files;
Traceback* g_scratch = nullptr;  // room for g_nframe frames
Traceback* g_unknown = nullptr;  // (("<unknown>", 0),), total 1: no Python frame

// Holds the lock, with this thread's own allocations untraced meanwhile.
struct Locked {
  bool was_busy;
  Locked() : was_busy(t_busy) {
    t_busy = true;
    g_mu.lock();
  }
  ~Locked() {
    g_mu.unlock();
    t_busy = was_busy;
  }
  Locked(const Locked&) = delete;
  Locked& operator=(const Locked&) = delete;
};

inline uintptr_t hide(void* p) { return uintptr_t(GC_HIDE_POINTER(p)); }

Traceback* tb_alloc(uint32_t nframe) {
  size_t bytes = sizeof(Traceback) + size_t(nframe) * sizeof(FrameRec);
  void* p = std::malloc(bytes);
  if (!p) throw std::bad_alloc();
  return static_cast<Traceback*>(p);
}

void tb_hash(Traceback* t) {
  size_t h = 0x345678 ^ (size_t(t->nframe) << 32) ^ t->total;
  for (uint32_t i = 0; i < t->nframe; i++) {
    h = (h ^ t->frames[i].file) * 1000003u;
    h = (h ^ uint32_t(t->frames[i].line)) * 1000003u;
  }
  t->hash = h;
}

uint32_t file_id(Str* s) {
  if (!s) return kUnknownFile;
  Files& F = g_files;
  auto it = F.by_ptr.find(s);
  if (it != F.by_ptr.end()) return it->second;
  if (F.nroots == F.cap) {
    size_t cap = F.cap ? F.cap * 2 : 64;
    Str** roots = static_cast<Str**>(GC_MALLOC_UNCOLLECTABLE(cap * sizeof(Str*)));
    if (!roots) throw std::bad_alloc();
    if (F.roots) {
      std::memcpy(roots, F.roots, F.nroots * sizeof(Str*));
      GC_FREE(F.roots);
    }
    F.roots = roots;
    F.cap = cap;
  }
  F.roots[F.nroots++] = s;
  std::string text(s->view());
  auto jt = F.by_text.find(text);
  uint32_t id;
  if (jt != F.by_text.end()) {
    id = jt->second;
  } else {
    id = uint32_t(F.by_id.size());
    F.by_id.push_back(s);
    F.by_text.emplace(std::move(text), id);
  }
  F.by_ptr.emplace(s, id);
  return id;
}

// The calling thread's Python traceback, interned. Under the lock.
Traceback* capture() {
  ThreadState* t = t_ts;
  uint32_t n = 0, total = 0;
  for (Frame* f = t ? t->frame : nullptr; f; f = f->back) {
    if (n < uint32_t(g_nframe)) {
      int line = frame_lineno(f);
      g_scratch->frames[n++] = FrameRec{file_id(f->code->filename), line < 0 ? 0 : line};
    }
    if (total < kMaxNframe) total++;
  }
  if (n == 0) return g_unknown;
  g_scratch->nframe = n;
  g_scratch->total = total;
  tb_hash(g_scratch);
  auto it = g_tracebacks.find(g_scratch);
  if (it != g_tracebacks.end()) return *it;
  Traceback* tb = tb_alloc(n);
  std::memcpy(tb, g_scratch, sizeof(Traceback) + n * sizeof(FrameRec));
  try {
    g_tracebacks.insert(tb);
  } catch (const std::bad_alloc&) {
    std::free(tb);
    throw;
  }
  g_traceback_bytes += sizeof(Traceback) + n * sizeof(FrameRec);
  return tb;
}

// Drop the traces of blocks a collection reclaimed since the last call.
void prune() {
  GC_word n = GC_get_gc_no();
  if (n == g_gc_seen) return;
  g_gc_seen = n;
  g_traces.each([](Trace& t) {
    // The collector zeroes the link (and forgets it) with the world
    // stopped; read it afresh.
    if (*static_cast<void* volatile*>(&t.link) == nullptr) {
      g_current -= t.size;
      g_traces.erase(&t);
    }
  });
}

void add_trace(void* p, Traceback* tb) {
  uintptr_t key = hide(p);
  Trace* t = g_traces.find(key);
  if (t) {
    g_current -= t->size;  // the same block again (a recycled one), or a dead one's address reused
  } else {
    t = g_traces.insert(key);
    if (!t) return;  // out of memory: the block goes untraced
  }
  if (!t->link) {
    // Fresh, or the old block was reclaimed (its link cleared and forgotten
    // by the collector): register for this one.
    t->link = reinterpret_cast<void*>(key);
    if (GC_register_long_link(&t->link, p) != GC_SUCCESS) {
      t->link = nullptr;
      g_traces.erase(t);
      return;
    }
  }
  t->size = GC_size(p);
  t->tb = tb;
  g_current += t->size;
  if (g_current > g_peak) g_peak = g_current;
}

void forget_trace(void* p) {
  Trace* t = g_traces.find(hide(p));
  if (!t) return;
  if (t->link) GC_unregister_long_link(&t->link);
  g_current -= t->size;
  g_traces.erase(t);
}

// Every trace, traceback and filename goes; counters to zero. Under the lock.
void clear_all() {
  g_traces.each([](Trace& t) {
    if (t.link) GC_unregister_long_link(&t.link);
  });
  g_traces.clear();
  for (Traceback* tb : g_tracebacks) std::free(tb);
  TracebackSet().swap(g_tracebacks);
  g_traceback_bytes = 0;
  if (g_files.roots) GC_FREE(g_files.roots);
  g_files.~Files();
  new (&g_files) Files();
  g_current = g_peak = 0;
}

size_t own_memory() {
  // An estimate of what the tables take (node-based hash tables: a node
  // per entry, a malloc header per node, a pointer per bucket), plus the
  // collector's record of each long link (three words in a 32-byte
  // granule, and its hash table's slot).
  constexpr size_t kMallocHeader = 16;
  size_t n = 0;
  n += g_traces.memory() + g_traces.size() * (32 + sizeof(void*));
  n += g_tracebacks.bucket_count() * sizeof(void*) +
       g_tracebacks.size() * (2 * sizeof(void*) + 2 * kMallocHeader) + g_traceback_bytes;
  const Files& F = g_files;
  n += F.cap * sizeof(Str*) + F.by_ptr.bucket_count() * sizeof(void*) +
       F.by_ptr.size() * (3 * sizeof(void*) + kMallocHeader) + F.by_text.bucket_count() * sizeof(void*) +
       F.by_text.size() * (sizeof(std::string) + 3 * sizeof(void*) + kMallocHeader) +
       F.by_id.capacity() * sizeof(Str*);
  if (g_scratch) n += sizeof(Traceback) + size_t(g_nframe) * sizeof(FrameRec);
  return n;
}

// Start tracing (the caller checked the range). Under no lock.
void start(int nframe) {
  Locked l;
  if (g_on) return;  // already tracing: CPython keeps the limit it has
  if (!g_unknown) {
    g_unknown = tb_alloc(1);
    g_unknown->nframe = 1;
    g_unknown->total = 1;
    g_unknown->frames[0] = FrameRec{kUnknownFile, 0};
    tb_hash(g_unknown);
  }
  std::free(g_scratch);
  g_scratch = tb_alloc(uint32_t(nframe));
  g_nframe = nframe;
  g_gc_seen = GC_get_gc_no();
  g_on = true;
  gc::g_tracing.store(true, std::memory_order_relaxed);
}

// Python objects are built from copies taken under the lock, after it.
Value filename_value(uint32_t id, const std::vector<Str*>& files) {
  if (id == kUnknownFile || id >= files.size()) return Value(str_intern("<unknown>"));
  return Value(files[id]);
}

Value frames_tuple(const FrameRec* frames, uint32_t n, const std::vector<Str*>& files) {
  Tuple* t = tuple_new(n);
  for (uint32_t i = 0; i < n; i++)
    t->items[i] = Value(tuple_of({filename_value(frames[i].file, files), Value::small(frames[i].line)}));
  return Value(t);
}

// ---- the module's functions ------------------------------------------------

Result<Value> tm_is_tracing(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc.is_tracing", kw));
  TRY(check_nargs("_tracemalloc.is_tracing", nargs, 0, 0));
  Locked l;
  return Bool(g_on);
}

Result<Value> tm_clear_traces(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc.clear_traces", kw));
  TRY(check_nargs("_tracemalloc.clear_traces", nargs, 0, 0));
  Locked l;
  if (g_on) clear_all();
  return None();
}

Result<Value> tm_get_traces(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc._get_traces", kw));
  TRY(check_nargs("_tracemalloc._get_traces", nargs, 0, 0));
  std::vector<std::pair<size_t, Traceback*>> copy;
  std::vector<Str*> files;
  {
    Locked l;
    if (!g_on) return Value(list_new());
    prune();
    copy.reserve(g_traces.size());
    g_traces.each([&](Trace& t) {
      if (t.link) copy.emplace_back(t.size, t.tb);
    });
    files = g_files.by_id;
  }
  // Tracebacks are freed only by clear_traces()/stop(), which need the GIL
  // this thread holds: the pointers stay valid while the objects are built.
  // The filename strs are kept alive by the roots until then too. As in
  // CPython, the objects built here are not traced themselves (a snapshot
  // would otherwise report the previous snapshot's tuples).
  struct Untraced {
    bool was = t_busy;
    Untraced() { t_busy = true; }
    ~Untraced() { t_busy = was; }
  } untraced;
  std::unordered_map<Traceback*, uint32_t> index;  // traceback -> position in tuples
  gc::Vector<Value> tuples;                        // one tuple per distinct traceback (identical ones shared)
  List* out = list_new();
  TRY(list_reserve(out, int64_t(copy.size())));
  for (auto& [size, tb] : copy) {
    auto [it, fresh] = index.try_emplace(tb, uint32_t(tuples.size()));
    if (fresh) tuples.push_back(frames_tuple(tb->frames, tb->nframe, files));
    Value frames = tuples[it->second];
    TRY(list_append(out, Value(tuple_of({Value::small(0), int_from_u64(size), frames, Value::small(tb->total)}))));
  }
  return Value(out);
}

Result<Value> tm_get_object_traceback(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc._get_object_traceback", kw));
  TRY(check_nargs("_tracemalloc._get_object_traceback", nargs, 1, 1));
  Value obj = args[0];
  std::vector<std::pair<Str*, int32_t>> frames;  // filename (null: unknown), line
  {
    Locked l;
    if (!g_on || !obj.is_obj()) return None();
    const Trace* t = g_traces.find(hide(obj.obj()));
    if (!t || !t->link) return None();
    const Traceback* tb = t->tb;
    for (uint32_t i = 0; i < tb->nframe; i++) {
      uint32_t id = tb->frames[i].file;
      frames.emplace_back(id < g_files.by_id.size() ? g_files.by_id[id] : nullptr, tb->frames[i].line);
    }
  }
  Tuple* t = tuple_new(int64_t(frames.size()));
  for (size_t i = 0; i < frames.size(); i++) {
    Value file = frames[i].first ? Value(frames[i].first) : Value(str_intern("<unknown>"));
    t->items[i] = Value(tuple_of({file, Value::small(frames[i].second)}));
  }
  return Value(t);
}

Result<Value> tm_start(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc.start", kw));
  TRY(check_nargs("start", nargs, 0, 1));
  int nframe = 1;
  if (nargs == 1) nframe = TRY(as_c_int(args[0]));
  if (nframe < 1 || nframe > kMaxNframe)
    return raise_fmt(tp_ValueError, "the number of frames must be in range [1; %lld]", (long long)kMaxNframe);
  start(nframe);
  return None();
}

Result<Value> tm_stop(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc.stop", kw));
  TRY(check_nargs("_tracemalloc.stop", nargs, 0, 0));
  Locked l;
  if (g_on) {
    g_on = false;
    gc::g_tracing.store(false, std::memory_order_relaxed);
    clear_all();
  }
  return None();
}

Result<Value> tm_get_traceback_limit(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc.get_traceback_limit", kw));
  TRY(check_nargs("_tracemalloc.get_traceback_limit", nargs, 0, 0));
  Locked l;
  return Value::small(g_nframe);
}

Result<Value> tm_get_tracemalloc_memory(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc.get_tracemalloc_memory", kw));
  TRY(check_nargs("_tracemalloc.get_tracemalloc_memory", nargs, 0, 0));
  size_t n;
  {
    Locked l;
    if (g_on) prune();
    n = own_memory();
  }
  return int_from_u64(n);
}

Result<Value> tm_get_traced_memory(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc.get_traced_memory", kw));
  TRY(check_nargs("_tracemalloc.get_traced_memory", nargs, 0, 0));
  size_t cur = 0, peak = 0;
  {
    Locked l;
    if (g_on) {
      prune();
      cur = g_current;
      peak = g_peak;
    }
  }
  return Value(tuple_of({int_from_u64(cur), int_from_u64(peak)}));
}

Result<Value> tm_reset_peak(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_tracemalloc.reset_peak", kw));
  TRY(check_nargs("_tracemalloc.reset_peak", nargs, 0, 0));
  Locked l;
  if (g_on) {
    prune();
    g_peak = g_current;
  }
  return None();
}

const MethodDef functions[] = {
    {"is_tracing", tm_is_tracing, MethKind::Method,
     "is_tracing($module, /)\n--\n\nReturn True if the tracemalloc module is tracing Python memory allocations."},
    {"clear_traces", tm_clear_traces, MethKind::Method,
     "clear_traces($module, /)\n--\n\nClear traces of memory blocks allocated by Python."},
    {"_get_traces", tm_get_traces, MethKind::Method,
     "_get_traces($module, /)\n--\n\nGet traces of all memory blocks allocated by Python.\n\nReturn a list of "
     "(size: int, traceback: tuple) tuples.\ntraceback is a tuple of (filename: str, lineno: int) tuples.\n\n"
     "Return an empty list if the tracemalloc module is disabled."},
    {"_get_object_traceback", tm_get_object_traceback, MethKind::Method,
     "_get_object_traceback($module, obj, /)\n--\n\nGet the traceback where the Python object obj was "
     "allocated.\n\nReturn a tuple of (filename: str, lineno: int) tuples.\nReturn None if the tracemalloc "
     "module is disabled or did not\ntrace the allocation of the object."},
    {"start", tm_start, MethKind::Method,
     "start($module, nframe=1, /)\n--\n\nStart tracing Python memory allocations.\n\nAlso set the maximum number "
     "of frames stored in the traceback of a\ntrace to nframe."},
    {"stop", tm_stop, MethKind::Method,
     "stop($module, /)\n--\n\nStop tracing Python memory allocations.\n\nAlso clear traces of memory blocks "
     "allocated by Python."},
    {"get_traceback_limit", tm_get_traceback_limit, MethKind::Method,
     "get_traceback_limit($module, /)\n--\n\nGet the maximum number of frames stored in the traceback of a "
     "trace.\n\nBy default, a trace of an allocated memory block only stores\nthe most recent frame: the limit "
     "is 1."},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory, MethKind::Method,
     "get_tracemalloc_memory($module, /)\n--\n\nGet the memory usage in bytes of the tracemalloc module.\n\nThis "
     "memory is used internally to trace memory allocations."},
    {"get_traced_memory", tm_get_traced_memory, MethKind::Method,
     "get_traced_memory($module, /)\n--\n\nGet the current size and peak size of memory blocks traced by "
     "tracemalloc.\n\nReturns a tuple: (current: int, peak: int)."},
    {"reset_peak", tm_reset_peak, MethKind::Method,
     "reset_peak($module, /)\n--\n\nSet the peak size of memory blocks traced by tracemalloc to the current "
     "size.\n\nDo nothing if the tracemalloc module is not tracing memory allocations."},
    {nullptr, nullptr},
};

Result<Value> tracemalloc_init() {
  Module* m = native_module_new("_tracemalloc", functions, "Debug module to trace memory blocks allocated by Python.");
  return Value(m);
}

}  // namespace

// ---- the allocation hooks (gc/heap.h) -----------------------------------------

// Never throws: the allocation it reports succeeded, and some callers are
// C code (zlib, GMP) or expect nullptr rather than an exception. A trace
// that cannot be recorded (malloc failing) is left out.
[[gnu::noinline]] static void record_new(void* p) {
  Locked l;
  if (!g_on) return;
  try {
    prune();
    add_trace(p, capture());
  } catch (const std::bad_alloc&) {
  }
}

// The native stack below the caller, where recording ran (and the
// collector's link registration under it), is zeroed afterwards: the block's
// address left in those dead slots would be seen by a later conservative
// scan through the frames of calls that do not overwrite them, and keep the
// block alive past the gc.collect() that should free it (decision 0014).
[[gnu::noinline]] static void scrub_stack() {
  char buf[kScrubBytes];
  explicit_bzero(buf, sizeof buf);
}

void gc::trace_new(void* p) {
  if (t_busy) return;
  record_new(p);
  scrub_stack();
}

void gc::trace_forget(void* p) {
  if (t_busy) return;
  Locked l;
  if (g_on) forget_trace(p);  // allocates nothing
}

// A reallocated block is traced anew where it was reallocated (as CPython
// does), at whatever address it ends up. Its old trace goes first, before
// GC_REALLOC can free it for another thread to get.
void* gc::traced_realloc(void* p, size_t n) {
  if (p) trace_forget(p);
  void* q = GC_REALLOC(p, n);
  if (q) trace_new(q);
  else if (p && n) trace_new(p);  // failed: p is still there
  return q;
}

bool tracemalloc_start_at_startup(int64_t nframe) {
  if (nframe < 1 || nframe > kMaxNframe) return false;
  start(int(nframe));
  return true;
}

void tracemalloc_fork_prepare() { g_mu.lock(); }
void tracemalloc_fork_parent() { g_mu.unlock(); }
void tracemalloc_fork_child() {
  // The child's only thread is the one that took the lock.
  g_mu.unlock();
}

GILPY_NATIVE_MODULE("_tracemalloc", tracemalloc_init);

}  // namespace gilpy
