// zlib: DEFLATE compression through Debian's zlib (libz). One-shot
// compress/decompress, streaming Compress/Decompress objects and the crc32 and
// adler32 checksums; gzip, zipfile, tarfile and shutil's archives build on it.
//
// Behaviour and messages follow CPython 3.11's module: the same errors for the
// same zlib return codes, the same unused_data/unconsumed_tail/eof bookkeeping,
// and the stream is ended (further use reports "inconsistent stream state")
// after Compress.flush(Z_FINISH) and after Decompress.flush() reached the end.
//
// Threads. As in CPython, each Compress/Decompress object has a lock held for
// the whole of a method call, so two threads sharing one object take turns,
// and the zlib calls run with the GIL released (NoGil) when the work is big
// enough to be worth a hand-over: input of kNoGilMin bytes or more (CPython's
// threshold for the checksums; it releases for every (de)compression call),
// decompression whose output passes kNoGilOut bytes, and Compress.flush().
// While the GIL is released no Python object is touched: the input is a bytes
// object, a pinned bytearray or a private copy (compress::InputData), the
// output grows in malloc memory, and zlib's own allocations (a lazily made
// inflate window) come from the collector, which serves threads without the
// GIL.
#include <zlib.h>

#include <climits>
#include <initializer_list>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <gc/gc.h>

#include "modules/_compress_common.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Value g_error;  // zlib.error
static Type* tp_Compress;
static Type* tp_Decompress;

static constexpr int kDefMemLevel = 8;      // DEF_MEM_LEVEL (zlib's own default for memLevel)
static constexpr int kDefBufSize = 16384;   // DEF_BUF_SIZE: decompress()'s initial output size
static constexpr size_t kMaxChunk = UINT_MAX;  // zlib counts bytes in `unsigned int`
// Work below these sizes is done holding the GIL: quicker than handing it over.
static constexpr size_t kNoGilMin = 5 * 1024;    // input bytes
static constexpr size_t kNoGilOut = 64 * 1024;   // decompressed output bytes

// The GIL given up for the zlib calls of one function (when `now`, or later
// through release()); hold() takes it back for work on Python objects.
class NoGil {
 public:
  explicit NoGil(bool now) {
    if (now) release();
  }
  void release() {
    if (!g_) g_.emplace(gil::Block::Other);
  }
  void hold() { g_.reset(); }
  bool released() const { return g_.has_value(); }

 private:
  std::optional<gil::ReleaseGil> g_;
};

// ---- zlib's memory comes from the collector ----
//
// zlib keeps its working state in memory obtained through zalloc. Taking it
// from the collector means a Compress/Decompress object needs no finalizer
// (an abandoned stream is reclaimed with its object) and that the collector
// sees the memory it costs, so a loop that creates many streams triggers
// collections. The first allocation of deflateInit2/inflateInit2/*Copy is the
// stream's state struct, the only block holding pointers (to the window and
// buffers): it is scanned; the large windows and buffers are pointer-free and
// allocated atomic so their data is never mistaken for pointers.
static thread_local bool t_state_alloc = false;

static voidpf z_alloc(voidpf, uInt items, uInt size) {
  size_t n = size_t(items) * size_t(size);  // both are 32-bit: no overflow in 64-bit size_t
  if (t_state_alloc) {
    t_state_alloc = false;
    return gc::try_alloc(n);
  }
  return gc::try_alloc_atomic(n);
}
// zlib frees only on deflateEnd/inflateEnd (or a failed init), after which it
// never touches the block again: give the memory back at once.
static void z_free(voidpf, voidpf p) { gc::free(p); }

static void stream_prepare(z_stream* zs) {
  std::memset(zs, 0, sizeof(*zs));
  zs->zalloc = z_alloc;
  zs->zfree = z_free;
  zs->opaque = Z_NULL;
}

// Brackets a zlib call that allocates the state struct first.
struct StateAlloc {
  StateAlloc() { t_state_alloc = true; }
  ~StateAlloc() { t_state_alloc = false; }
};

// ---- errors ----

static Err zlib_error_msg(const std::string& msg) {
  Result<Value> e = call1(g_error, str_value(msg));
  if (e.is_err()) return ERR;
  return raise_value(e.value());
}

// "Error <code> <context>: <zlib's message>", with a fixed description for
// codes that zlib reports without a message.
static Err zlib_error(const z_stream& zs, int err, const char* context) {
  const char* zmsg = nullptr;
  if (err == Z_VERSION_ERROR) zmsg = "library version mismatch";
  if (!zmsg) zmsg = zs.msg;
  if (!zmsg) {
    switch (err) {
      case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
      case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
      case Z_DATA_ERROR: zmsg = "invalid input data"; break;
      default: break;
    }
  }
  std::string m = "Error " + std::to_string(err) + " " + context;
  if (zmsg) {
    // CPython limits zlib's message to 200 characters.
    m += ": ";
    m += std::string_view(zmsg).substr(0, 200);
  }
  return zlib_error_msg(m);
}

// ---- argument conversion ----

static Result<bool> strided_memoryview(Value v) {
  if (!v.is_obj() || v.type() != tp_memoryview) return false;
  Value c = TRY(getattr(v, str_intern("c_contiguous")));
  return !TRY(truthy(c));
}

// Any C-contiguous bytes-like object (CPython asks for a simple buffer).
static Result<std::string_view> data_arg(Value v) {
  if (TRY(strided_memoryview(v))) return raise(tp_BufferError, "memoryview: underlying buffer is not C-contiguous");
  return buffer_view(v);
}

// A C `int` argument, `dflt` when absent.
static Result<int> c_int_arg(Value v, int dflt) {
  if (!v) return dflt;
  return as_c_int(v);
}

// A Py_ssize_t (argument clinic's `Py_ssize_t` converter).
static Result<int64_t> ssize_arg(Value v, int64_t dflt) {
  if (!v) return dflt;
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return x;
}

// An `unsigned int` with bitwise conversion: reduced modulo 2**32, as
// CPython's checksum start values are.
static Result<uint32_t> u32_mask_arg(Value v) {
  Value iv = TRY(index_value(v));
  int64_t x;
  if (int_fits_i64(iv, &x)) return uint32_t(uint64_t(x));
  mpz_t z;
  mpz_init(z);
  int_to_mpz(iv, z);
  mpz_fdiv_r_2exp(z, z, 32);  // floor remainder: the low 32 bits of the two's complement
  uint32_t r = uint32_t(mpz_get_ui(z));
  mpz_clear(z);
  return r;
}

// Argument counts and keyword names checked in the order and wording of
// CPython's argument clinic (which differ from parse_args'): too many
// arguments, then a missing positional-only one, then an unknown keyword
// (positional-only names count as unknown).
static Status clinic_check(const char* fname, int64_t nargs, Tuple* kwnames, int minpos, int maxpos, int maxargs,
                           std::initializer_list<const char*> keywords) {
  int64_t nkwargs = nkw(kwnames);
  if (nargs + nkwargs > maxargs) {
    if (maxargs == 0) return raise_fmt(tp_TypeError, "%s() takes no arguments", fname);
    return raise_fmt(tp_TypeError, "%s() takes at most %d argument%s (%lld given)", fname, maxargs,
                     maxargs == 1 ? "" : "s", (long long)(nargs + nkwargs));
  }
  if (nargs < minpos)
    return raise_fmt(tp_TypeError, "%s() takes %s %d positional argument%s (%lld given)", fname,
                     minpos < maxpos ? "at least" : "exactly", minpos, minpos == 1 ? "" : "s", (long long)nargs);
  for (int64_t i = 0; i < nkwargs; i++) {
    std::string_view k = as_str(kwnames->items[i])->view();
    bool ok = false;
    for (const char* a : keywords) ok = ok || k == a;
    if (!ok)
      return raise_fmt(tp_TypeError, "'%.*s' is an invalid keyword argument for %s()", int(k.size()), k.data(), fname);
  }
  return OK();
}

// ---- output buffer ----
//
// Output grows by doubling in malloc memory (plain bytes, nothing for the
// collector to scan) and is copied into a bytes object at the end. `limit`
// (0: none) caps the total, for Decompress.decompress(max_length=...).
struct OutBuf {
  char* data = nullptr;
  size_t size = 0;
  size_t cap = 0;
  size_t limit = 0;
  ~OutBuf() { std::free(data); }

  // Point zs->next_out/avail_out at free space, growing first when full.
  // Returns false with MemoryError pending when the buffer cannot grow; true
  // with avail_out == 0 only when the limit is reached.
  bool arrange(z_stream* zs, size_t first) {
    if (size == cap) {
      size_t want = cap ? cap * 2 : (first ? first : 1);
      if (limit && want > limit) want = limit;
      if (want > cap) {
        char* p = static_cast<char*>(std::realloc(data, want));
        if (!p) return false;
        data = p;
        cap = want;
      }
    }
    size_t room = cap - size;
    if (room > kMaxChunk) room = kMaxChunk;
    zs->next_out = reinterpret_cast<Bytef*>(data + size);
    zs->avail_out = uInt(room);
    return true;
  }
  // Account for what zlib wrote since arrange().
  void commit(z_stream* zs) { size = size_t(reinterpret_cast<char*>(zs->next_out) - data); }
  bool full() const { return limit && size >= limit; }
};

static Result<Value> outbuf_bytes(const OutBuf& ob) {
  Bytes* b = bytes_new(int64_t(ob.size));
  if (!b) return ERR;
  if (ob.size) std::memcpy(b->data, ob.data, ob.size);
  return Value(b);
}

// First output size for compressing n bytes: about half of the input, but at
// most 1 MiB so a huge input does not reserve a huge buffer up front.
static size_t initial_out(size_t n) { return n / 2 + 64 < (1u << 20) ? n / 2 + 64 : (1u << 20); }

static Err no_memory(const char* msg) { return raise(tp_MemoryError, msg); }
// Growing the output failed (as opposed to zlib's own Z_MEM_ERROR).
static const char kNoOutBuf[] = "Unable to allocate output buffer.";

// Input fed to zlib at most 4 GiB - 1 at a time. `rest` is what has not yet
// been handed to zlib.
static void arrange_input(z_stream* zs, const char*& next, size_t& rest) {
  size_t n = rest > kMaxChunk ? kMaxChunk : rest;
  zs->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(next));
  zs->avail_in = uInt(n);
  next += n;
  rest -= n;
}

// After a call the stream must not keep pointers into the caller's buffers
// (they would keep garbage alive and dangle once it is freed).
static void clear_io(z_stream* zs) {
  zs->next_in = Z_NULL;
  zs->next_out = Z_NULL;
  zs->avail_out = 0;
}

// ---- one-shot functions ----

static Result<Value> m_compress(Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[3];
  TRY(clinic_check("compress", nargs, kwnames, 1, 3, 3, {"level", "wbits"}));
  TRY(parse_args("compress", args, nargs, kwnames, {"data", "level", "wbits"}, 1, a, 1));
  compress::InputData in;
  TRY(in.set(a[0]));
  std::string_view data = in.view();
  int level = TRY(c_int_arg(a[1], Z_DEFAULT_COMPRESSION));
  int wbits = TRY(c_int_arg(a[2], MAX_WBITS));
  z_stream zs;
  stream_prepare(&zs);
  int err;
  {
    StateAlloc sa;
    err = deflateInit2(&zs, level, Z_DEFLATED, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
  }
  if (err == Z_MEM_ERROR) return no_memory("Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) return zlib_error_msg("Bad compression level");
  if (err != Z_OK) {
    deflateEnd(&zs);
    return zlib_error(zs, err, "while compressing data");
  }
  OutBuf ob;
  const char* next = data.data();
  size_t rest = data.size();
  int flush;
  bool nomem = false;
  {
    NoGil ng(data.size() >= kNoGilMin);
    do {
      arrange_input(&zs, next, rest);
      flush = rest == 0 ? Z_FINISH : Z_NO_FLUSH;
      do {
        if (!ob.arrange(&zs, initial_out(data.size()))) {
          nomem = true;
          goto done;
        }
        err = deflate(&zs, flush);
        ob.commit(&zs);
        if (err == Z_STREAM_ERROR) goto done;
      } while (zs.avail_out == 0);
    } while (flush != Z_FINISH);
  done:;
  }
  if (nomem) {
    deflateEnd(&zs);
    return no_memory(kNoOutBuf);
  }
  if (err == Z_STREAM_ERROR) {
    deflateEnd(&zs);
    return zlib_error(zs, err, "while compressing data");
  }
  err = deflateEnd(&zs);
  if (err != Z_OK) return zlib_error(zs, err, "while finishing compression");
  return outbuf_bytes(ob);
}

static Result<Value> m_decompress(Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[3];
  TRY(clinic_check("decompress", nargs, kwnames, 1, 3, 3, {"wbits", "bufsize"}));
  TRY(parse_args("decompress", args, nargs, kwnames, {"data", "wbits", "bufsize"}, 1, a, 1));
  compress::InputData in;
  TRY(in.set(a[0]));
  std::string_view data = in.view();
  int wbits = TRY(c_int_arg(a[1], MAX_WBITS));
  int64_t bufsize = TRY(ssize_arg(a[2], kDefBufSize));
  if (bufsize < 0) return raise(tp_ValueError, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;
  z_stream zs;
  stream_prepare(&zs);
  int err;
  {
    StateAlloc sa;
    err = inflateInit2(&zs, wbits);
  }
  if (err == Z_MEM_ERROR) return no_memory("Out of memory while decompressing data");
  if (err != Z_OK) {
    inflateEnd(&zs);
    return zlib_error(zs, err, "while preparing to decompress data");
  }
  OutBuf ob;
  const char* next = data.data();
  size_t rest = data.size();
  bool nomem = false;
  {
    NoGil ng(data.size() >= kNoGilMin);
    do {
      arrange_input(&zs, next, rest);
      int flush = rest == 0 ? Z_FINISH : Z_NO_FLUSH;
      do {
        if (!ob.arrange(&zs, size_t(bufsize))) {
          nomem = true;
          goto done;
        }
        err = inflate(&zs, flush);
        ob.commit(&zs);
        if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) goto done;
        if (ob.size >= kNoGilOut) ng.release();
      } while (zs.avail_out == 0);
    } while (err != Z_STREAM_END && rest != 0);
  done:;
  }
  if (nomem) {
    inflateEnd(&zs);
    return no_memory(kNoOutBuf);
  }
  if (err == Z_MEM_ERROR) {
    inflateEnd(&zs);
    return no_memory("Out of memory while decompressing data");
  }
  if (err != Z_STREAM_END) {
    inflateEnd(&zs);
    return zlib_error(zs, err, "while decompressing data");
  }
  err = inflateEnd(&zs);
  if (err != Z_OK) return zlib_error(zs, err, "while finishing decompression");
  return outbuf_bytes(ob);
}

// ---- Compress objects ----

struct CompObj : Object {
  z_stream zs;
  std::mutex mu;  // held for the whole of a method call
  bool inited;    // false once flush(Z_FINISH) ended the stream
};
static CompObj* comp_alloc() {
  CompObj* co = static_cast<CompObj*>(alloc_instance(tp_Compress, sizeof(CompObj)));
  new (&co->mu) std::mutex();
  return co;
}
static CompObj* CO(Value v) { return v.as<CompObj>(); }

static Result<Value> m_compressobj(Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[6];
  TRY(clinic_check("compressobj", nargs, kwnames, 0, 6, 6,
                   {"level", "method", "wbits", "memLevel", "strategy", "zdict"}));
  TRY(parse_args("compressobj", args, nargs, kwnames, {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0,
                 a));
  int level = TRY(c_int_arg(a[0], Z_DEFAULT_COMPRESSION));
  int method = TRY(c_int_arg(a[1], Z_DEFLATED));
  int wbits = TRY(c_int_arg(a[2], MAX_WBITS));
  int memlevel = TRY(c_int_arg(a[3], kDefMemLevel));
  int strategy = TRY(c_int_arg(a[4], Z_DEFAULT_STRATEGY));
  std::string_view zdict;
  bool has_zdict = a[5] && a[5] != None();
  if (has_zdict) {
    zdict = TRY(data_arg(a[5]));
    if (zdict.size() > kMaxChunk) return raise(tp_OverflowError, "zdict length does not fit in an unsigned int");
  }
  CompObj* co = comp_alloc();
  stream_prepare(&co->zs);
  int err;
  {
    StateAlloc sa;
    err = deflateInit2(&co->zs, level, method, wbits, memlevel, strategy);
  }
  switch (err) {
    case Z_OK:
      co->inited = true;
      if (has_zdict) {
        err = deflateSetDictionary(&co->zs, reinterpret_cast<const Bytef*>(zdict.data()), uInt(zdict.size()));
        if (err != Z_OK) return raise(tp_ValueError, "Invalid dictionary");
      }
      return Value(co);
    case Z_MEM_ERROR:
      return no_memory("Can't allocate memory for compression object");
    case Z_STREAM_ERROR:
      return raise(tp_ValueError, "Invalid initialization option");
    default:
      return zlib_error(co->zs, err, "while creating compression object");
  }
}

static Result<Value> c_compress(Value* a, int64_t n, Tuple* kw) {
  TRY(clinic_check("compress", n - 1, kw, 1, 1, 1, {}));
  CompObj* co = CO(a[0]);
  compress::InputData in;
  TRY(in.set(a[1]));
  std::string_view data = in.view();
  compress::Held held(co->mu);
  if (!co->inited) return zlib_error_msg("Error -2 while compressing data: inconsistent stream state");
  OutBuf ob;
  const char* next = data.data();
  size_t rest = data.size();
  int err = Z_OK;
  bool nomem = false;
  {
    NoGil ng(data.size() >= kNoGilMin);
    do {
      arrange_input(&co->zs, next, rest);
      do {
        if (!ob.arrange(&co->zs, initial_out(data.size()))) {
          nomem = true;
          goto done;
        }
        err = deflate(&co->zs, Z_NO_FLUSH);
        ob.commit(&co->zs);
        if (err == Z_STREAM_ERROR) goto done;
      } while (co->zs.avail_out == 0);
    } while (rest != 0);
  done:;
  }
  clear_io(&co->zs);
  if (nomem) return no_memory(kNoOutBuf);
  if (err == Z_STREAM_ERROR) return zlib_error(co->zs, err, "while compressing data");
  return outbuf_bytes(ob);
}

static Result<Value> c_flush(Value* a, int64_t n, Tuple* kw) {
  TRY(clinic_check("flush", n - 1, kw, 0, 1, 1, {}));
  CompObj* co = CO(a[0]);
  int mode = TRY(c_int_arg(n > 1 ? a[1] : Value(), Z_FINISH));
  // Nothing to do for Z_NO_FLUSH, even on an ended stream.
  if (mode == Z_NO_FLUSH) return Value(bytes_empty());
  compress::Held held(co->mu);
  if (!co->inited) return zlib_error_msg("Error -2 while flushing: inconsistent stream state");
  OutBuf ob;
  co->zs.avail_in = 0;
  int err;
  bool nomem = false;
  {
    // How much buffered input is left to compress is not known: release always.
    NoGil ng(true);
    do {
      if (!ob.arrange(&co->zs, kDefBufSize)) {
        nomem = true;
        break;
      }
      err = deflate(&co->zs, mode);
      ob.commit(&co->zs);
      if (err == Z_STREAM_ERROR) break;
    } while (co->zs.avail_out == 0);
  }
  clear_io(&co->zs);
  if (nomem) return no_memory(kNoOutBuf);
  if (err == Z_STREAM_ERROR) return zlib_error(co->zs, err, "while flushing");
  if (err == Z_STREAM_END && mode == Z_FINISH) {
    err = deflateEnd(&co->zs);
    co->inited = false;
    if (err != Z_OK) return zlib_error(co->zs, err, "while finishing compression");
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlib_error(co->zs, err, "while flushing");
  }
  return outbuf_bytes(ob);
}

static Result<Value> compress_copy(CompObj* co) {
  compress::Held held(co->mu);
  if (!co->inited) return raise(tp_ValueError, "Inconsistent stream state");
  CompObj* c = comp_alloc();
  stream_prepare(&c->zs);
  int err;
  {
    StateAlloc sa;
    err = deflateCopy(&c->zs, &co->zs);
  }
  switch (err) {
    case Z_OK:
      c->inited = true;
      return Value(c);
    case Z_STREAM_ERROR:
      return raise(tp_ValueError, "Inconsistent stream state");
    case Z_MEM_ERROR:
      return no_memory("Can't allocate memory for compression object");
    default:
      return zlib_error(co->zs, err, "while copying compression object");
  }
}
static Result<Value> c_copy(Value* a, int64_t n, Tuple* kw) {
  TRY(clinic_check("copy", n - 1, kw, 0, 0, 0, {}));
  return compress_copy(CO(a[0]));
}
static Result<Value> c_copy_dunder(Value* a, int64_t n, Tuple* kw) {
  TRY(clinic_check("__copy__", n - 1, kw, 0, 0, 0, {}));
  return compress_copy(CO(a[0]));
}
static Result<Value> c_deepcopy(Value* a, int64_t n, Tuple* kw) {
  TRY(clinic_check("__deepcopy__", n - 1, kw, 1, 1, 1, {}));
  return compress_copy(CO(a[0]));
}

// ---- Decompress objects ----

struct DecompObj : Object {
  z_stream zs;
  std::mutex mu;  // held for the whole of a method call
  bool inited;    // false once flush() reached the end of the stream
  bool eof;
  Value unused_data;      // bytes after the end of the compressed stream
  Value unconsumed_tail;  // input not yet processed because of max_length
  Value zdict;            // null: none given
};
static DecompObj* DO(Value v) { return v.as<DecompObj>(); }
static DecompObj* decomp_alloc() {
  DecompObj* d = static_cast<DecompObj*>(alloc_instance(tp_Decompress, sizeof(DecompObj)));
  new (&d->mu) std::mutex();
  return d;
}

static Status set_inflate_zdict(DecompObj* d) {
  std::string_view zd = TRY(data_arg(d->zdict));
  if (zd.size() > kMaxChunk) return raise(tp_OverflowError, "zdict length does not fit in an unsigned int");
  int err = inflateSetDictionary(&d->zs, reinterpret_cast<const Bytef*>(zd.data()), uInt(zd.size()));
  if (err != Z_OK) return zlib_error(d->zs, err, "while setting zdict");
  return OK();
}

static Result<Value> m_decompressobj(Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[2];
  TRY(clinic_check("decompressobj", nargs, kwnames, 0, 2, 2, {"wbits", "zdict"}));
  TRY(parse_args("decompressobj", args, nargs, kwnames, {"wbits", "zdict"}, 0, a));
  int wbits = TRY(c_int_arg(a[0], MAX_WBITS));
  if (a[1]) {
    std::string_view ignored;
    if (!buffer_view_opt(a[1], &ignored))
      return raise(tp_TypeError, "zdict argument must support the buffer protocol");
  }
  DecompObj* d = decomp_alloc();
  d->unused_data = Value(bytes_empty());
  d->unconsumed_tail = Value(bytes_empty());
  d->zdict = a[1];
  stream_prepare(&d->zs);
  int err;
  {
    StateAlloc sa;
    err = inflateInit2(&d->zs, wbits);
  }
  switch (err) {
    case Z_OK:
      d->inited = true;
      // A raw stream has no header to ask for the dictionary: set it now.
      if (d->zdict && wbits < 0) TRY(set_inflate_zdict(d));
      return Value(d);
    case Z_STREAM_ERROR:
      return raise(tp_ValueError, "Invalid initialization option");
    case Z_MEM_ERROR:
      return no_memory("Can't allocate memory for decompression object");
    default:
      return zlib_error(d->zs, err, "while creating decompression object");
  }
}

static Result<Value> concat_bytes(Value a, std::string_view b) {
  std::string_view av = as_bytes(a)->view();
  Bytes* r = bytes_new(int64_t(av.size() + b.size()));
  if (!r) return ERR;
  if (!av.empty()) std::memcpy(r->data, av.data(), av.size());
  if (!b.empty()) std::memcpy(r->data + av.size(), b.data(), b.size());
  return Value(r);
}

// Input left over after a decompress()/flush() call: past the end of the
// stream it is added to unused_data; otherwise, with a max_length cut short,
// it is the unconsumed_tail. Like CPython, a tail that was non-empty is
// replaced by all the leftover input even at the end of the stream (so the
// same bytes can show in both attributes).
static Status save_unconsumed_input(DecompObj* d, int err, size_t rest) {
  size_t left = size_t(d->zs.avail_in) + rest;  // next_in's bytes are followed by the rest
  const char* p = reinterpret_cast<const char*>(d->zs.next_in);
  bool pending = left > 0;
  if (err == Z_STREAM_END && left > 0) {
    d->unused_data = TRY(concat_bytes(d->unused_data, std::string_view(p, left)));
    pending = false;
  }
  if (pending || as_bytes(d->unconsumed_tail)->size > 0) {
    Bytes* t = bytes_new(int64_t(left));
    if (!t) return ERR;
    if (left) std::memcpy(t->data, p, left);
    d->unconsumed_tail = Value(t);
  }
  return OK();
}

static Result<Value> d_decompress(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(clinic_check("decompress", n - 1, kw, 1, 2, 2, {"max_length"}));
  TRY(parse_args("decompress", a + 1, n - 1, kw, {"data", "max_length"}, 1, v, 1));
  DecompObj* d = DO(a[0]);
  compress::InputData in;
  TRY(in.set(v[0]));
  std::string_view data = in.view();
  int64_t max_length = TRY(ssize_arg(v[1], 0));
  if (max_length < 0) return raise(tp_ValueError, "max_length must be non-negative");
  compress::Held held(d->mu);
  if (!d->inited) return zlib_error_msg("Error -2 while decompressing data: inconsistent stream state");
  OutBuf ob;
  ob.limit = size_t(max_length);
  size_t first = kDefBufSize;
  if (max_length && size_t(max_length) < first) first = size_t(max_length);
  const char* next = data.data();
  size_t rest = data.size();
  int err = Z_OK;
  bool nomem = false, failed = false;
  {
    NoGil ng(data.size() >= kNoGilMin);
    do {
      arrange_input(&d->zs, next, rest);
      do {
        if (ob.full()) goto done;  // max_length reached: the rest is the unconsumed_tail
        if (!ob.arrange(&d->zs, first)) {
          nomem = true;
          goto done;
        }
        err = inflate(&d->zs, Z_SYNC_FLUSH);
        ob.commit(&d->zs);
        if (err == Z_NEED_DICT && d->zdict) {
          bool was = ng.released();
          ng.hold();  // the dictionary is a Python object
          if (set_inflate_zdict(d).is_err()) {
            failed = true;
            goto done;
          }
          if (was) ng.release();
          continue;  // resume inflating now that the dictionary is known
        }
        if (ob.size >= kNoGilOut) ng.release();
      } while (d->zs.avail_out == 0 || (err == Z_NEED_DICT && d->zdict));
    } while (err == Z_OK && rest != 0);
  done:;
  }
  if (nomem || failed) {
    clear_io(&d->zs);
    return nomem ? no_memory(kNoOutBuf) : ERR;
  }
  {
    Status s = save_unconsumed_input(d, err, rest);
    clear_io(&d->zs);
    d->zs.avail_in = 0;
    TRY(s);
  }
  if (err == Z_STREAM_END) {
    d->eof = true;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlib_error(d->zs, err, "while decompressing data");
  }
  return outbuf_bytes(ob);
}

static Result<Value> d_flush(Value* a, int64_t n, Tuple* kw) {
  TRY(clinic_check("flush", n - 1, kw, 0, 1, 1, {}));
  DecompObj* d = DO(a[0]);
  int64_t length = TRY(ssize_arg(n > 1 ? a[1] : Value(), kDefBufSize));
  if (length <= 0) return raise(tp_ValueError, "length must be greater than zero");
  compress::Held held(d->mu);
  // An ended stream has nothing more to give.
  if (!d->inited) return Value(bytes_empty());
  Value tail = d->unconsumed_tail;  // keeps the input alive while zlib reads it
  std::string_view data = as_bytes(tail)->view();
  OutBuf ob;
  const char* next = data.data();
  size_t rest = data.size();
  int err = Z_OK;
  bool nomem = false, failed = false;
  {
    NoGil ng(data.size() >= kNoGilMin);
    do {
      arrange_input(&d->zs, next, rest);
      int flush = rest == 0 ? Z_FINISH : Z_NO_FLUSH;
      do {
        if (!ob.arrange(&d->zs, size_t(length))) {
          nomem = true;
          goto done;
        }
        err = inflate(&d->zs, flush);
        ob.commit(&d->zs);
        if (err == Z_NEED_DICT && d->zdict) {
          bool was = ng.released();
          ng.hold();
          if (set_inflate_zdict(d).is_err()) {
            failed = true;
            goto done;
          }
          if (was) ng.release();
          continue;
        }
        if (err == Z_NEED_DICT) break;
        if (ob.size >= kNoGilOut) ng.release();
      } while (d->zs.avail_out == 0 || (err == Z_NEED_DICT && d->zdict));
    } while (err != Z_STREAM_END && rest != 0 && err != Z_NEED_DICT);
  done:;
  }
  if (nomem || failed) {
    clear_io(&d->zs);
    return nomem ? no_memory(kNoOutBuf) : ERR;
  }
  {
    Status s = save_unconsumed_input(d, err, rest);
    clear_io(&d->zs);
    d->zs.avail_in = 0;
    TRY(s);
  }
  if (err == Z_STREAM_END) {
    // At the end of the stream zlib's memory is released right away.
    d->eof = true;
    d->inited = false;
    err = inflateEnd(&d->zs);
    if (err != Z_OK) return zlib_error(d->zs, err, "while finishing decompression");
  }
  return outbuf_bytes(ob);
}

static Result<Value> decompress_copy(DecompObj* d) {
  compress::Held held(d->mu);
  if (!d->inited) return raise(tp_ValueError, "Inconsistent stream state");
  DecompObj* c = decomp_alloc();
  stream_prepare(&c->zs);
  int err;
  {
    // inflateCopy allocates through the source's allocator, state first.
    StateAlloc sa;
    err = inflateCopy(&c->zs, &d->zs);
  }
  switch (err) {
    case Z_OK:
      break;
    case Z_STREAM_ERROR:
      return raise(tp_ValueError, "Inconsistent stream state");
    case Z_MEM_ERROR:
      return no_memory("Can't allocate memory for decompression object");
    default:
      return zlib_error(d->zs, err, "while copying decompression object");
  }
  c->inited = true;
  c->eof = d->eof;
  c->unused_data = d->unused_data;
  c->unconsumed_tail = d->unconsumed_tail;
  c->zdict = d->zdict;
  return Value(c);
}
static Result<Value> d_copy(Value* a, int64_t n, Tuple* kw) {
  TRY(clinic_check("copy", n - 1, kw, 0, 0, 0, {}));
  return decompress_copy(DO(a[0]));
}
static Result<Value> d_copy_dunder(Value* a, int64_t n, Tuple* kw) {
  TRY(clinic_check("__copy__", n - 1, kw, 0, 0, 0, {}));
  return decompress_copy(DO(a[0]));
}
static Result<Value> d_deepcopy(Value* a, int64_t n, Tuple* kw) {
  TRY(clinic_check("__deepcopy__", n - 1, kw, 1, 1, 1, {}));
  return decompress_copy(DO(a[0]));
}

// Members are read-only, with CPython's wording for read-only members.
static Status readonly_set(Value, Value) { return raise(tp_AttributeError, "readonly attribute"); }
static Result<Value> d_get_unused_data(Value self) { return DO(self)->unused_data; }
static Result<Value> d_get_unconsumed_tail(Value self) { return DO(self)->unconsumed_tail; }
static Result<Value> d_get_eof(Value self) { return Bool(DO(self)->eof); }

// ---- checksums ----

// Both checksums take the data in pieces of at most 4 GiB - 1 (zlib's length
// is an unsigned int).
static Result<Value> checksum(const char* fname, const char* qualname, Value* args, int64_t nargs, Tuple* kwnames, uint32_t start,
                              bool is_crc) {
  TRY(no_kwargs(qualname, kwnames));
  TRY(check_nargs(fname, nargs, 1, 2));
  std::string_view d = TRY(data_arg(args[0]));
  uLong v = nargs > 1 ? TRY(u32_mask_arg(args[1])) : start;
  // Above 5 KiB (CPython's threshold) without the GIL, on bytes, a pinned
  // bytearray or a copy.
  compress::InputData in;
  if (d.size() > kNoGilMin) {
    TRY(in.set(args[0]));
    d = in.view();
  }
  const Bytef* p = reinterpret_cast<const Bytef*>(d.data());
  size_t rest = d.size();
  {
    NoGil ng(d.size() > kNoGilMin);
    do {
      uInt n = uInt(rest > kMaxChunk ? kMaxChunk : rest);
      v = is_crc ? crc32(v, p, n) : adler32(v, p, n);
      p += n;
      rest -= n;
    } while (rest);
  }
  return int_from_u64(v & 0xffffffffu);
}
static Result<Value> m_crc32(Value* args, int64_t nargs, Tuple* kwnames) {
  return checksum("crc32", "zlib.crc32", args, nargs, kwnames, 0, true);
}
static Result<Value> m_adler32(Value* args, int64_t nargs, Tuple* kwnames) {
  return checksum("adler32", "zlib.adler32", args, nargs, kwnames, 1, false);
}

// ---- module ----

// Instances come only from compressobj()/decompressobj().
static Result<Value> compress_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create 'zlib.Compress' instances");
}
static Result<Value> decompress_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create 'zlib.Decompress' instances");
}

static const MethodDef compress_methods[] = {{"__new__", compress_new, MethKind::Static},
                                             {"compress", c_compress},
                                             {"flush", c_flush},
                                             {"copy", c_copy},
                                             {"__copy__", c_copy_dunder},
                                             {"__deepcopy__", c_deepcopy},
                                             {nullptr, nullptr}};
static const MethodDef decompress_methods[] = {{"__new__", decompress_new, MethKind::Static},
                                               {"decompress", d_decompress},
                                               {"flush", d_flush},
                                               {"copy", d_copy},
                                               {"__copy__", d_copy_dunder},
                                               {"__deepcopy__", d_deepcopy},
                                               {nullptr, nullptr}};
static const GetSetDef decompress_getsets[] = {{"unused_data", d_get_unused_data, readonly_set},
                                               {"unconsumed_tail", d_get_unconsumed_tail, readonly_set},
                                               {"eof", d_get_eof, readonly_set},
                                               {nullptr, nullptr}};

static const MethodDef functions[] = {{"adler32", m_adler32},
                                      {"compress", m_compress},
                                      {"compressobj", m_compressobj},
                                      {"crc32", m_crc32},
                                      {"decompress", m_decompress},
                                      {"decompressobj", m_decompressobj},
                                      {nullptr, nullptr}};

static const char kDoc[] =
    "The functions in this module allow compression and decompression using the\n"
    "zlib library, which is based on GNU zip.\n"
    "\n"
    "adler32(string[, start]) -- Compute an Adler-32 checksum.\n"
    "compress(data[, level]) -- Compress data, with compression level 0-9 or -1.\n"
    "compressobj([level[, ...]]) -- Return a compressor object.\n"
    "crc32(string[, start]) -- Compute a CRC-32 checksum.\n"
    "decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\n"
    "decompressobj([wbits[, zdict]]) -- Return a decompressor object.\n"
    "\n"
    "'wbits' is window buffer size and container format.\n"
    "Compressor objects support compress() and flush() methods; decompressor\n"
    "objects support decompress() and flush().";

static Result<Value> zlib_init() {
  Module* m = native_module_new("zlib", functions, kDoc);
  if (!g_error) {
    Dict* ns = dict_new();
    dict_set_str(ns, N.__module__, str_value("zlib"));
    g_error = TRY(call3(Value(tp_type), str_value("error"), Value(tuple_of({Value(tp_Exception)})), Value(ns)));
    // Not subclassable and created only by compressobj()/decompressobj(), as in CPython.
    tp_Compress = native_type_new("zlib", "Compress", tp_object, Layout::Other, sizeof(CompObj), compress_methods,
                                  nullptr, 0);
    tp_Decompress = native_type_new("zlib", "Decompress", tp_object, Layout::Other, sizeof(DecompObj),
                                    decompress_methods, decompress_getsets, 0);
  }
  Dict* d = m->dict;
  dict_set_str(d, str_intern("error"), g_error);
  auto set_int = [d](const char* name, int64_t v) { dict_set_str(d, str_intern(name), Value::small(v)); };
  set_int("MAX_WBITS", MAX_WBITS);
  set_int("DEFLATED", Z_DEFLATED);
  set_int("DEF_MEM_LEVEL", kDefMemLevel);
  set_int("DEF_BUF_SIZE", kDefBufSize);
  set_int("Z_NO_COMPRESSION", Z_NO_COMPRESSION);
  set_int("Z_BEST_SPEED", Z_BEST_SPEED);
  set_int("Z_BEST_COMPRESSION", Z_BEST_COMPRESSION);
  set_int("Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION);
  set_int("Z_FILTERED", Z_FILTERED);
  set_int("Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY);
  set_int("Z_RLE", Z_RLE);
  set_int("Z_FIXED", Z_FIXED);
  set_int("Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY);
  set_int("Z_NO_FLUSH", Z_NO_FLUSH);
  set_int("Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH);
  set_int("Z_SYNC_FLUSH", Z_SYNC_FLUSH);
  set_int("Z_FULL_FLUSH", Z_FULL_FLUSH);
  set_int("Z_FINISH", Z_FINISH);
  set_int("Z_BLOCK", Z_BLOCK);
  set_int("Z_TREES", Z_TREES);
  dict_set_str(d, str_intern("ZLIB_VERSION"), str_value(ZLIB_VERSION));
  dict_set_str(d, str_intern("ZLIB_RUNTIME_VERSION"), str_value(zlibVersion()));
  return Value(m);
}
GILPY_NATIVE_MODULE("zlib", zlib_init);

}  // namespace gilpy
