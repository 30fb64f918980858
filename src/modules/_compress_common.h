// Shared pieces of the streaming (de)compressor modules _bz2 and _lzma
// (_compress_common.cpp): library memory, the per-object lock, input and
// output buffers and the argument conversions both modules need.
//
// Threads. Each compressor/decompressor carries its own lock, taken for the
// whole of a method call (as CPython does), and the library call itself runs
// with the GIL released. While the GIL is released no Python object is
// touched: the input is an immutable bytes object, a pinned bytearray or a
// private copy (InputData), the output grows in malloc memory (OutBuf), and
// libbzip2/liblzma allocate through lib_alloc (malloc, counted).
//
// Memory. The libraries' state (up to hundreds of MiB for an lzma preset 9
// encoder) lives in malloc memory, released when the stream is finished
// (flush(), end of stream) or, for abandoned objects, by a collector
// finalizer. The collector does not see that memory, so creating streams
// while much of it is held by unreachable objects triggers a collection
// (note_stream_created).
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>

#include "objects/bytes.h"
#include "runtime/object.h"

namespace gilpy {

struct Tuple;

namespace compress {

// ---- library memory ----
void* lib_alloc(size_t n);  // nullptr on failure
void lib_free(void* p);     // p may be null
// Call when a new stream is about to be set up (GIL held): collects when the
// libraries hold much more memory than after the last such collection.
void note_stream_created();

// ---- the per-object lock ----
// Taken without the GIL when another thread holds it (that thread may need
// the GIL to finish).
class Held {
 public:
  explicit Held(std::mutex& m);
  ~Held() { m_.unlock(); }
  Held(const Held&) = delete;
  Held& operator=(const Held&) = delete;

 private:
  std::mutex& m_;
};

// ---- input ----
// The bytes of a C-contiguous bytes-like argument, kept valid while the GIL is
// released: bytes are immutable, a bytearray is pinned (a buffer export, so
// resizing it raises BufferError as in CPython), anything else is copied.
// Construct and destroy with the GIL held.
class InputData {
 public:
  InputData() = default;
  ~InputData();
  InputData(const InputData&) = delete;
  InputData& operator=(const InputData&) = delete;
  Status set(Value v);
  std::string_view view() const { return view_; }

 private:
  std::string_view view_;
  ByteArray* pinned_ = nullptr;
  std::string copy_;
};

// ---- output ----
// Grows in malloc memory; `limit` (negative: none) caps the total size
// (max_length).
struct OutBuf {
  char* data = nullptr;
  size_t size = 0;  // bytes produced so far
  size_t cap = 0;
  int64_t limit = -1;
  OutBuf() = default;
  explicit OutBuf(int64_t lim) : limit(lim) {}
  ~OutBuf();
  OutBuf(const OutBuf&) = delete;
  OutBuf& operator=(const OutBuf&) = delete;
  // Room for more output (no GIL needed). False when malloc failed.
  bool grow();
  bool at_limit() const { return limit >= 0 && size >= size_t(limit); }
  size_t room() const { return cap - size; }
  char* next() { return data ? data + size : dummy; }
  static char dummy[1];
};
Result<Value> outbuf_bytes(const OutBuf& ob);  // a new bytes object (GIL held)

// ---- arguments ----
// Argument clinic's checks for a (self-less) call: at most `maxargs` in all,
// every keyword one of `keywords` ("'k' is an invalid keyword argument for
// f()").
Status check_call(const char* fname, int64_t nargs, Tuple* kwnames, int maxargs,
                  std::initializer_list<const char*> keywords);
// A C int with PyArg_Parse's "i" wording ("signed integer is greater than
// maximum"); clinic's `int` converter is as_c_int (runtime/args.h).
Result<int> pyarg_int(Value v);
// PyLong_AsUnsignedLongLong: an int (no __index__), TypeError "an integer is
// required", OverflowError for negative and >= 2**64 values.
Result<uint64_t> ulonglong_arg(Value v);
// The above, then OverflowError "Value too large for uint32_t type".
Result<uint32_t> uint32_arg(Value v);
// A Py_ssize_t (max_length), default `dflt` when absent.
Result<int64_t> ssize_arg(Value v, int64_t dflt);
// Raised when a method is called on an object whose __init__ never ran
// (created through T.__new__(T) alone).
Err not_initialized(const char* tname);

}  // namespace compress
}  // namespace gilpy
