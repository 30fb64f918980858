// _pickle: shared declarations of the accelerator under CPython's pickle.py
// (module and functions in _pickle.cpp, the Pickler in _pickle_pickler.cpp,
// the Unpickler in _pickle_unpickler.cpp, PickleBuffer and the memo proxies
// in _pickle_buffer.cpp).
//
// The specification is pickle.py and the protocol PEPs (307, 3154, 574); the
// bytes written are CPython 3.11's C pickler's (which differs from pickle.py
// in a few batching details, noted where they occur), and every error is the
// C module's type and text.
#pragma once
#include <cstring>
#include <string>
#include <unordered_map>

#include "gc/heap.h"
#include "runtime/object.h"

namespace gilpy {

struct Tuple;
struct Str;

namespace pickle {

constexpr int kHighestProtocol = 5;
constexpr int kDefaultProtocol = 4;
constexpr int64_t kBatchSize = 1000;        // items per APPENDS/SETITEMS/ADDITEMS batch
constexpr int64_t kFrameSizeTarget = 64 * 1024;
constexpr int64_t kFrameSizeMin = 4;        // smaller frames are not worth their 9-byte header
constexpr int64_t kFrameHeaderSize = 9;     // FRAME opcode + 8-byte little-endian length
constexpr int64_t kPrefetch = 8192 * 16;    // bytes the Unpickler peeks ahead when the file can

// Pickle bytes hold no pointers: their memory is not scanned by the collector.
template <class T>
struct AtomicAllocator {
  using value_type = T;
  AtomicAllocator() noexcept = default;
  template <class U>
  AtomicAllocator(const AtomicAllocator<U>&) noexcept {}
  T* allocate(size_t n) { return static_cast<T*>(gc::alloc_atomic(n * sizeof(T))); }
  void deallocate(T*, size_t) noexcept {}
  template <class U>
  bool operator==(const AtomicAllocator<U>&) const noexcept { return true; }
};
using Buffer = std::basic_string<char, std::char_traits<char>, AtomicAllocator<char>>;

// Pickler memo: object identity -> (index, object), open addressing with
// linear probing over collector memory (the slot keeps the object alive, so its
// address, the key, cannot be reused while memoized). Entries are only added
// or all cleared. Invariant: used * 3 < capacity * 2, so a probe ends at an empty slot.
struct MemoEntry {
  int64_t index;
  Value obj;  // null: empty slot
};
class MemoMap {
 public:
  MemoMap() { reset(); }
  MemoMap(const MemoMap&) = delete;  // slots would be shared
  MemoMap& operator=(const MemoMap&) = delete;
  size_t size() const { return used_; }
  void clear() { reset(); }
  MemoEntry* find(Value obj) const {
    for (size_t i = slot(obj.bits());; i = (i + 1) & mask_) {
      MemoEntry* e = &slots_[i];
      if (e->obj == obj) return e;
      if (!e->obj) return nullptr;
    }
  }
  void set(Value obj, int64_t index) {
    if ((used_ + 1) * 3 >= (mask_ + 1) * 2) grow();
    for (size_t i = slot(obj.bits());; i = (i + 1) & mask_) {
      MemoEntry* e = &slots_[i];
      if (e->obj == obj) { e->index = index; return; }
      if (!e->obj) { *e = MemoEntry{index, obj}; used_++; return; }
    }
  }
  template <class F>
  void for_each(F f) const {
    for (size_t i = 0; i <= mask_; i++)
      if (slots_[i].obj) f(slots_[i]);
  }

 private:
  size_t slot(uintptr_t bits) const { return size_t((bits >> 3) * 0x9E3779B97F4A7C15ULL >> 20) & mask_; }
  static MemoEntry* alloc_slots(size_t n) {
    auto* s = static_cast<MemoEntry*>(gc::alloc(n * sizeof(MemoEntry)));
    std::memset(static_cast<void*>(s), 0, n * sizeof(MemoEntry));
    return s;
  }
  void reset() {
    mask_ = 63;
    used_ = 0;
    slots_ = alloc_slots(mask_ + 1);
  }
  void grow() {
    MemoEntry* old = slots_;
    size_t n = mask_ + 1;
    mask_ = n * 4 - 1;
    slots_ = alloc_slots(mask_ + 1);
    used_ = 0;
    for (size_t i = 0; i < n; i++)
      if (old[i].obj) set(old[i].obj, old[i].index);
  }
  MemoEntry* slots_;
  size_t mask_;
  size_t used_;
};

struct Pickler : Object {
  Dict* dict;             // subclass instances' __dict__
  MemoMap* memo;          // null until __init__ ran
  Buffer* out;            // the pickle being written (the current frame's part of it when framing)
  Value write;            // file.write, or null for dumps()
  Value pers_func;        // persistent_id, or null
  Value dispatch_table;   // instance dispatch_table, or null (copyreg.dispatch_table then)
  Value reducer_override; // or null
  Value buffer_callback;  // or null
  Dict* fast_memo;        // ids of containers being saved in fast mode past the nesting limit
  int64_t frame_start;    // offset of the reserved frame header in *out, -1 when no frame is open
  int proto;
  int fast_nesting;
  bool bin;
  bool fast;
  bool fix_imports;
  bool framing;
};

// Unpickler memo: index -> object. Small indexes live in the vector; a hostile
// pickle's huge PUT index goes to the map instead of a huge allocation.
using IndexMap = std::unordered_map<uint64_t, Value, std::hash<uint64_t>, std::equal_to<uint64_t>,
                                    gc::Allocator<std::pair<const uint64_t, Value>>>;

struct Unpickler : Object {
  Dict* dict;
  gc::Vector<Value>* stack;
  std::vector<int64_t, gc::Allocator<int64_t>>* marks;
  gc::Vector<Value>* memo;
  IndexMap* memo_big;
  int64_t memo_len;  // memo entries set (MEMOIZE's next index)
  Value input;       // the bytes object the input view lies in (kept alive)
  const char* buf;   // input bytes [0, len); next read at pos
  int64_t len;
  int64_t pos;
  int64_t prefetched;  // start of data peeked but not yet read from the file (== len: none)
  Value read, readline, readinto, peek;  // file methods (read null: loads() of a buffer)
  Value pers_load;   // persistent_load, or null
  Value buffers;     // iterator over out-of-band buffers, or null
  Str* encoding;
  Str* errors;
  int proto;
  bool fix_imports;
};

struct PickleBuffer : Object {
  Value view;  // the memoryview over the wrapped object; null once released
};

struct MemoProxy : Object {
  Value owner;  // the Pickler or Unpickler
};

// Module state, filled by init().
extern Value g_PickleError, g_PicklingError, g_UnpicklingError;
extern Type* tp_Pickler;
extern Type* tp_Unpickler;
extern Type* tp_PicklerMemoProxy;
extern Type* tp_UnpicklerMemoProxy;
extern Type* tp_PickleBuffer;

// Lazily imported helpers from copyreg, _compat_pickle, codecs, functools.
struct Helpers {
  Value dispatch_table, extension_registry, inverted_registry, extension_cache;
  Value name_mapping, import_mapping, reverse_name_mapping, reverse_import_mapping;
  Value codecs_encode, partial, getattr;
};
Result<Helpers*> helpers();

Err raise_pickling(std::string_view msg);
Err raise_unpickling(std::string_view msg);
Result<int> parse_protocol(Value protocol);  // None -> default, negative -> highest

Type* make_pickler_type();
Type* make_unpickler_type();
void make_buffer_types();

// Pickler pieces the module functions use.
Result<Value> pickler_new_raw(Type* t);
Status pickler_setup(Pickler* p, Value file, Value protocol, Value fix_imports, Value buffer_callback);
Status pickler_dump(Pickler* p, Value obj);
Value pickler_result(Pickler* p);  // dumps(): the pickle as bytes
Status pickler_flush(Pickler* p);  // dump(): write the pickle to the file
Result<Value> pickler_memo_copy(Pickler* p);
Result<Value> unpickler_memo_copy(Unpickler* u);

Result<Value> unpickler_new_raw(Type* t);
Status unpickler_setup(Unpickler* u, const char* fname, Value file, Value fix_imports, Value encoding, Value errors, Value buffers);
Status unpickler_set_data(Unpickler* u, Value data);  // loads(): the pickle in memory
Result<Value> unpickler_load(Unpickler* u);

// The bytes a PickleBuffer wraps and whether they are read-only; ERR when released.
Status picklebuffer_data(Value pb, std::string_view* data, bool* readonly, bool* contiguous);

}  // namespace pickle
}  // namespace gilpy
