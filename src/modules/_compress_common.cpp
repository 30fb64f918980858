// Shared pieces of _bz2 and _lzma; see _compress_common.h.
#include "modules/_compress_common.h"

#include <gmp.h>

#include <atomic>
#include <cstdlib>
#include <cstring>

#include "gc/heap.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/protocols.h"

namespace gilpy::compress {

// ---- library memory ----
//
// Each block carries its size in a 16-byte header (keeping the libraries'
// alignment) so that frees can be counted without the GIL.
static std::atomic<int64_t> g_lib_bytes{0};
// The libraries' total after the last collection asked for by
// note_stream_created (or a lower total seen since).
static std::atomic<int64_t> g_lib_base{0};
static constexpr int64_t kCollectStep = int64_t(128) << 20;
static constexpr size_t kHeader = 16;

void* lib_alloc(size_t n) {
  if (n > SIZE_MAX - kHeader) return nullptr;
  char* p = static_cast<char*>(std::malloc(n + kHeader));
  if (!p) return nullptr;
  std::memcpy(p, &n, sizeof n);
  g_lib_bytes.fetch_add(int64_t(n), std::memory_order_relaxed);
  return p + kHeader;
}

void lib_free(void* q) {
  if (!q) return;
  char* p = static_cast<char*>(q) - kHeader;
  size_t n;
  std::memcpy(&n, p, sizeof n);
  int64_t now = g_lib_bytes.fetch_sub(int64_t(n), std::memory_order_relaxed) - int64_t(n);
  int64_t base = g_lib_base.load(std::memory_order_relaxed);
  while (now < base && !g_lib_base.compare_exchange_weak(base, now, std::memory_order_relaxed)) {
  }
  std::free(p);
}

void note_stream_created() {
  int64_t now = g_lib_bytes.load(std::memory_order_relaxed);
  if (now - g_lib_base.load(std::memory_order_relaxed) < kCollectStep) return;
  // Streams of unreachable objects are ended by their finalizers, which run
  // at the next safe point after this collection finds them.
  gc::collect();
  g_lib_base.store(g_lib_bytes.load(std::memory_order_relaxed), std::memory_order_relaxed);
}

// ---- lock ----

Held::Held(std::mutex& m) : m_(m) {
  if (!m_.try_lock()) {
    gil::ReleaseGil nogil(gil::Block::Lock);
    m_.lock();
  }
}

// ---- input ----

InputData::~InputData() {
  if (pinned_) pinned_->exports--;
}

Status InputData::set(Value v) {
  if (v.is_obj() && v.type() == tp_memoryview) {
    Value c = TRY(getattr(v, str_intern("c_contiguous")));
    if (!TRY(truthy(c))) return raise(tp_BufferError, "memoryview: underlying buffer is not C-contiguous");
  }
  std::string_view s = TRY(buffer_view(v));
  if (is_bytes(v)) {
    view_ = s;
  } else if (is_bytearray(v)) {
    pinned_ = as_bytearray(v);
    pinned_->exports++;
    view_ = s;
  } else {
    copy_.assign(s.data(), s.size());
    view_ = copy_;
  }
  return OK();
}

// ---- output ----

char OutBuf::dummy[1];

OutBuf::~OutBuf() { std::free(data); }

bool OutBuf::grow() {
  size_t want;
  if (cap == 0) want = size_t(32) << 10;
  else if (cap < (size_t(64) << 20)) want = cap * 2;
  else want = cap + (size_t(64) << 20);
  if (limit >= 0 && want > size_t(limit)) want = size_t(limit);
  if (want <= cap) return true;
  char* p = static_cast<char*>(std::realloc(data, want));
  if (!p) return false;
  data = p;
  cap = want;
  return true;
}

Result<Value> outbuf_bytes(const OutBuf& ob) {
  if (ob.size == 0) return Value(bytes_empty());
  Bytes* b = bytes_new(int64_t(ob.size));
  if (!b) return ERR;
  std::memcpy(b->data, ob.data, ob.size);
  return Value(b);
}

// ---- arguments ----

Status check_call(const char* fname, int64_t nargs, Tuple* kwnames, int maxargs,
                  std::initializer_list<const char*> keywords) {
  int64_t nk = nkw(kwnames);
  if (nargs + nk > maxargs) {
    if (maxargs == 0) return raise_fmt(tp_TypeError, "%s() takes no arguments", fname);
    return raise_fmt(tp_TypeError, "%s() takes at most %d argument%s (%lld given)", fname, maxargs,
                     maxargs == 1 ? "" : "s", (long long)(nargs + nk));
  }
  for (int64_t i = 0; i < nk; i++) {
    std::string_view k = as_str(kwnames->items[i])->view();
    bool ok = false;
    for (const char* a : keywords) ok = ok || k == a;
    if (!ok)
      return raise_fmt(tp_TypeError, "'%.*s' is an invalid keyword argument for %s()", int(k.size()), k.data(), fname);
  }
  return OK();
}

Result<int> pyarg_int(Value v) {
  if (v.is_obj() && v.type() == tp_float) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x)) {
    if (int_sign(iv) > 0) return raise(tp_OverflowError, "signed integer is greater than maximum");
    return raise(tp_OverflowError, "signed integer is less than minimum");
  }
  if (x > INT32_MAX) return raise(tp_OverflowError, "signed integer is greater than maximum");
  if (x < INT32_MIN) return raise(tp_OverflowError, "signed integer is less than minimum");
  return int(x);
}

Result<uint64_t> ulonglong_arg(Value v) {
  if (!is_int(v)) return raise(tp_TypeError, "an integer is required");
  int64_t x;
  if (int_fits_i64(v, &x)) {
    if (x < 0) return raise(tp_OverflowError, "can't convert negative int to unsigned");
    return uint64_t(x);
  }
  if (int_sign(v) < 0) return raise(tp_OverflowError, "can't convert negative int to unsigned");
  mpz_t z;
  int_to_mpz(v, z);
  bool fits = mpz_sizeinbase(z, 2) <= 64;
  uint64_t r = fits ? uint64_t(mpz_get_ui(z)) : 0;
  mpz_clear(z);
  if (!fits) return raise(tp_OverflowError, "int too big to convert");
  return r;
}

Result<uint32_t> uint32_arg(Value v) {
  uint64_t x = TRY(ulonglong_arg(v));
  if (x > UINT32_MAX) return raise(tp_OverflowError, "Value too large for uint32_t type");
  return uint32_t(x);
}

Result<int64_t> ssize_arg(Value v, int64_t dflt) {
  if (!v) return dflt;
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return x;
}

Err not_initialized(const char* tname) {
  return raise_fmt(tp_ValueError, "%s object has not been initialized (its __init__ never ran)", tname);
}

}  // namespace gilpy::compress
