// _bz2: the C half of CPython's bz2 module, on Debian's libbz2 (libbz2-dev).
// bz2.py builds BZ2File, open(), compress() and decompress() on two types:
//
//   BZ2Compressor(compresslevel=9, /): compress(data), flush()
//   BZ2Decompressor(): decompress(data, max_length=-1), eof, unused_data,
//                      needs_input
//
// Behaviour, messages and exception types follow CPython 3.11 (Debian's
// build): the types are set up by __init__ (__new__ makes an empty object),
// are not subclassable and not picklable; a decompressor that hit a data
// error refuses further use ("Decompressor is unusable after a previous
// error"). Input left over when max_length stops decompression is kept and
// consumed before the next call's data.
//
// Each object has a lock held for the whole call and libbzip2 runs with the
// GIL released (see _compress_common.h). The library state is released as
// soon as the stream is finished (flush(), end of stream) and otherwise by a
// collector finalizer.
#include <bzlib.h>

#include <gc/gc.h>

#include <climits>
#include <cstring>
#include <new>

#include "modules/_compress_common.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interp.h"

namespace gilpy {

using namespace compress;

namespace {

Type* tp_Comp;
Type* tp_Decomp;

constexpr size_t kMaxChunk = UINT_MAX;  // libbzip2 counts in `unsigned int`

void* bz_alloc(void*, int items, int size) {
  if (items < 0 || size < 0) return nullptr;
  return lib_alloc(size_t(items) * size_t(size));
}
void bz_free(void*, void* p) { lib_free(p); }

void stream_prepare(bz_stream* s) {
  std::memset(s, 0, sizeof *s);
  s->bzalloc = bz_alloc;
  s->bzfree = bz_free;
}

// CPython's mapping of libbzip2's return codes; false with the exception set.
Status check_bz(int ret) {
  switch (ret) {
    case BZ_OK:
    case BZ_RUN_OK:
    case BZ_FLUSH_OK:
    case BZ_FINISH_OK:
    case BZ_STREAM_END:
      return OK();
    case BZ_CONFIG_ERROR:
      return raise(tp_SystemError, "libbzip2 was not compiled correctly");
    case BZ_PARAM_ERROR:
      return raise(tp_ValueError, "Internal error - invalid parameters passed to libbzip2");
    case BZ_MEM_ERROR:
      return raise_memory_error();
    case BZ_DATA_ERROR:
    case BZ_DATA_ERROR_MAGIC:
      return raise(tp_OSError, "Invalid data stream");
    case BZ_IO_ERROR:
      return raise(tp_OSError, "Unknown I/O error");
    case BZ_UNEXPECTED_EOF:
      return raise(tp_EOFError, "Compressed file ended before the logical end-of-stream was detected");
    case BZ_SEQUENCE_ERROR:
      return raise(tp_RuntimeError, "Internal error - Invalid sequence of commands sent to libbzip2");
    default:
      return raise_fmt(tp_OSError, "Unrecognized error from libbzip2: %d", ret);
  }
}

// For a code known to be an error.
Err bz_error(int ret) {
  if (check_bz(ret).is_err()) return ERR;
  return raise_fmt(tp_SystemError, "unexpected libbzip2 result %d", ret);
}

// Output space for the next library call, at most 4 GiB - 1.
void arrange_out(bz_stream* s, OutBuf& ob) {
  size_t room = ob.room();
  s->next_out = ob.next();
  s->avail_out = unsigned(room > kMaxChunk ? kMaxChunk : room);
}

// ---- BZ2Compressor ----

enum State : uint8_t { kUninit, kLive, kEnded };

struct Comp : Object {
  bz_stream bzs;
  std::mutex mu;
  State state;
  bool flushed;
};
Comp* CO(Value v) { return v.as<Comp>(); }

void comp_end(Comp* c) {
  if (c->state == kLive) BZ2_bzCompressEnd(&c->bzs);
  c->state = kEnded;
}
void comp_finalizer(void* obj, void*) { comp_end(static_cast<Comp*>(obj)); }

Result<Value> comp_new(Value* a, int64_t, Tuple*) {
  Comp* c = static_cast<Comp*>(alloc_instance(as_type(a[0]), sizeof(Comp)));
  new (&c->mu) std::mutex();
  GC_register_finalizer(c, comp_finalizer, nullptr, nullptr, nullptr);
  return Value(c);
}

Result<Value> comp_init(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("BZ2Compressor", kw));
  if (n - 1 > 1) return raise_fmt(tp_TypeError, "BZ2Compressor expected at most 1 argument, got %lld", (long long)(n - 1));
  int level = n > 1 ? TRY(as_c_int(a[1])) : 9;
  if (level < 1 || level > 9) return raise(tp_ValueError, "compresslevel must be between 1 and 9");
  Comp* c = CO(a[0]);
  note_stream_created();
  Held h(c->mu);
  comp_end(c);
  stream_prepare(&c->bzs);
  int ret = BZ2_bzCompressInit(&c->bzs, level, 0, 0);
  if (ret != BZ_OK) {
    c->state = kUninit;
    return bz_error(ret);
  }
  c->state = kLive;  // `flushed` stays: CPython's __init__ does not reset it
  return None();
}

// Run the compressor over `in` with `action` (BZ_RUN: until all input is
// taken; BZ_FINISH: until the end of the stream), without the GIL.
Result<Value> comp_run(Comp* c, std::string_view in, int action) {
  OutBuf ob;
  int ret = BZ_OK;
  bool nomem = false;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    bz_stream* s = &c->bzs;
    const char* next = in.data();
    size_t rest = in.size();
    s->avail_in = 0;
    for (;;) {
      if (s->avail_in == 0 && rest > 0) {
        size_t k = rest > kMaxChunk ? kMaxChunk : rest;
        s->next_in = const_cast<char*>(next);
        s->avail_in = unsigned(k);
        next += k;
        rest -= k;
      }
      if (action == BZ_RUN && s->avail_in == 0) break;
      if (ob.room() == 0 && !ob.grow()) {
        nomem = true;
        break;
      }
      arrange_out(s, ob);
      ret = BZ2_bzCompress(s, action);
      ob.size = size_t(s->next_out - ob.next()) + ob.size;
      if (ret < 0) break;  // an error
      if (action == BZ_FINISH && ret == BZ_STREAM_END) break;
    }
    s->next_in = nullptr;
    s->avail_in = 0;
    s->next_out = nullptr;
    s->avail_out = 0;
  }
  if (nomem) return raise_memory_error();
  TRY(check_bz(ret));
  return outbuf_bytes(ob);
}

Result<Value> comp_compress(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("BZ2Compressor.compress", kw));
  TRY(check_nargs("BZ2Compressor.compress", n - 1, 1, 1));
  Comp* c = CO(a[0]);
  InputData in;
  TRY(in.set(a[1]));
  Held h(c->mu);
  if (c->state == kUninit) return not_initialized("BZ2Compressor");
  if (c->flushed) return raise(tp_ValueError, "Compressor has been flushed");
  return comp_run(c, in.view(), BZ_RUN);
}

Result<Value> comp_flush(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("BZ2Compressor.flush", kw));
  TRY(check_nargs("BZ2Compressor.flush", n - 1, 0, 0));
  Comp* c = CO(a[0]);
  Held h(c->mu);
  if (c->state == kUninit) return not_initialized("BZ2Compressor");
  if (c->flushed) return raise(tp_ValueError, "Repeated call to flush()");
  c->flushed = true;
  Result<Value> r = comp_run(c, {}, BZ_FINISH);
  comp_end(c);  // nothing more can be done with the stream: release its memory now
  return r;
}

// ---- BZ2Decompressor ----

struct Decomp : Object {
  // Python-visible members (read-only member descriptors).
  Value eof;
  Value needs_input;
  Value unused_data;
  // Input left over when max_length stopped the last call: pending[off, off+len).
  Value pending;
  size_t pending_off;
  size_t pending_len;
  bz_stream bzs;
  std::mutex mu;
  State state;
  bool failed;  // a data error happened: the stream cannot be used again
};
Decomp* DO(Value v) { return v.as<Decomp>(); }

void decomp_end(Decomp* d) {
  if (d->state == kLive) BZ2_bzDecompressEnd(&d->bzs);
  d->state = kEnded;
}
void decomp_finalizer(void* obj, void*) { decomp_end(static_cast<Decomp*>(obj)); }

// What __init__ resets. As in CPython, it leaves `eof` (and a previous data
// error) alone: __init__ on a finished decompressor gives a new stream that
// still reports the end.
void decomp_reset(Decomp* d) {
  d->needs_input = True();
  d->unused_data = Value(bytes_empty());
  d->pending = Value();
  d->pending_off = d->pending_len = 0;
}

Result<Value> decomp_new(Value* a, int64_t, Tuple*) {
  Decomp* d = static_cast<Decomp*>(alloc_instance(as_type(a[0]), sizeof(Decomp)));
  new (&d->mu) std::mutex();
  d->eof = False();
  decomp_reset(d);
  GC_register_finalizer(d, decomp_finalizer, nullptr, nullptr, nullptr);
  return Value(d);
}

Result<Value> decomp_init(Value* a, int64_t n, Tuple* kw) {
  if (n > 1) return raise(tp_TypeError, "BZ2Decompressor() takes no positional arguments");
  TRY(no_kwargs("BZ2Decompressor", kw));
  Decomp* d = DO(a[0]);
  note_stream_created();
  Held h(d->mu);
  decomp_end(d);
  decomp_reset(d);
  stream_prepare(&d->bzs);
  int ret = BZ2_bzDecompressInit(&d->bzs, 0, 0);
  if (ret != BZ_OK) {
    d->state = kUninit;
    return bz_error(ret);
  }
  d->state = kLive;
  return None();
}

// One decompress() call's work without the GIL: feed `in` (at most
// `max_length` bytes of output, negative: no limit). Returns libbzip2's last
// code; *left is the input not consumed.
int decomp_run(Decomp* d, std::string_view in, OutBuf& ob, size_t* left, bool* nomem) {
  bz_stream* s = &d->bzs;
  const char* next = in.data();
  size_t rest = in.size();  // input not yet handed to the library
  int ret = BZ_OK;
  *nomem = false;
  if (!ob.grow()) {
    *nomem = true;
    *left = rest;
    return ret;
  }
  for (;;) {
    size_t k = rest > kMaxChunk ? kMaxChunk : rest;
    s->next_in = const_cast<char*>(next);
    s->avail_in = unsigned(k);
    arrange_out(s, ob);
    char* out0 = s->next_out;
    ret = BZ2_bzDecompress(s);
    ob.size += size_t(s->next_out - out0);
    size_t used = k - s->avail_in;
    next += used;
    rest -= used;
    if (ret < 0) break;
    if (ret == BZ_STREAM_END) break;
    if (rest == 0) break;
    if (s->avail_out == 0) {
      if (ob.at_limit()) break;
      if (ob.room() == 0 && !ob.grow()) {
        *nomem = true;
        break;
      }
    }
  }
  s->next_in = nullptr;
  s->avail_in = 0;
  s->next_out = nullptr;
  s->avail_out = 0;
  *left = rest;
  return ret;
}

Result<Value> concat(std::string_view a, std::string_view b) {
  Bytes* r = bytes_new(int64_t(a.size() + b.size()));
  if (!r) return ERR;
  if (!a.empty()) std::memcpy(r->data, a.data(), a.size());
  if (!b.empty()) std::memcpy(r->data + a.size(), b.data(), b.size());
  return Value(r);
}

Result<Value> decomp_decompress(Value* a, int64_t n, Tuple* kw) {
  TRY(check_call("decompress", n - 1, kw, 2, {"data", "max_length"}));
  Value v[2];
  TRY(parse_args("decompress", a + 1, n - 1, kw, {"data", "max_length"}, 1, v));
  Decomp* d = DO(a[0]);
  InputData data;
  TRY(data.set(v[0]));
  int64_t max_length = TRY(ssize_arg(v[1], -1));
  Held h(d->mu);
  if (d->state == kUninit) return not_initialized("BZ2Decompressor");
  if (d->eof == True()) return raise(tp_EOFError, "End of stream already reached");
  if (d->failed) return raise(tp_ValueError, "Decompressor is unusable after a previous error");
  // The input: what the last call left over, then this call's data.
  Value input;  // keeps a joined copy alive
  std::string_view in = data.view();
  if (d->pending) {
    std::string_view p = as_bytes(d->pending)->view().substr(d->pending_off, d->pending_len);
    if (in.empty()) {
      input = d->pending;
      in = p;
    } else {
      input = TRY(concat(p, in));
      in = as_bytes(input)->view();
    }
  }
  OutBuf ob(max_length);
  size_t left = 0;
  bool nomem = false;
  int ret;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    ret = decomp_run(d, in, ob, &left, &nomem);
  }
  if (nomem || ret < 0) {
    d->failed = ret < 0;
    if (ret < 0) d->needs_input = False();
    d->pending = Value();
    d->pending_len = d->pending_off = 0;
    if (nomem) return raise_memory_error();
    return bz_error(ret);
  }
  std::string_view rest = in.substr(in.size() - left);
  if (ret == BZ_STREAM_END) {
    d->eof = True();
    d->needs_input = False();
    if (!rest.empty()) d->unused_data = TRY(concat(rest, {}));
    d->pending = Value();
    d->pending_off = d->pending_len = 0;
    decomp_end(d);  // nothing more can be decompressed: release the library's memory now
  } else if (rest.empty()) {
    d->needs_input = True();
    d->pending = Value();
    d->pending_off = d->pending_len = 0;
  } else {
    d->needs_input = False();
    // Keep an immutable bytes object holding the rest instead of copying it.
    if (!input && v[0].type() == tp_bytes) input = v[0];
    if (input) {
      d->pending = input;
      d->pending_off = size_t(rest.data() - as_bytes(input)->data);
    } else {
      d->pending = TRY(concat(rest, {}));
      d->pending_off = 0;
    }
    d->pending_len = rest.size();
  }
  return outbuf_bytes(ob);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const MemberDef decomp_members[] = {{"eof", int32_t(offsetof(Decomp, eof)), MEMBER_READONLY},
                                    {"unused_data", int32_t(offsetof(Decomp, unused_data)), MEMBER_READONLY},
                                    {"needs_input", int32_t(offsetof(Decomp, needs_input)), MEMBER_READONLY},
                                    {nullptr, 0, 0}};
#pragma GCC diagnostic pop

const char kCompDoc[] =
    "Create a compressor object for compressing data incrementally.\n"
    "\n"
    "  compresslevel\n"
    "    Compression level, as a number between 1 and 9.\n"
    "\n"
    "For one-shot compression, use the compress() function instead.";
const char kCompressDoc[] =
    "Provide data to the compressor object.\n"
    "\n"
    "Returns a chunk of compressed data if possible, or b'' otherwise.\n"
    "\n"
    "When you have finished providing data to the compressor, call the\n"
    "flush() method to finish the compression process.";
const char kFlushDoc[] =
    "Finish the compression process.\n"
    "\n"
    "Returns the compressed data left in internal buffers.\n"
    "\n"
    "The compressor object may not be used after this method is called.";
const char kDecompDoc[] =
    "Create a decompressor object for decompressing data incrementally.\n"
    "\n"
    "For one-shot decompression, use the decompress() function instead.";
const char kDecompressDoc[] =
    "Decompress *data*, returning uncompressed data as bytes.\n"
    "\n"
    "If *max_length* is nonnegative, returns at most *max_length* bytes of\n"
    "decompressed data. If this limit is reached and further output can be\n"
    "produced, *self.needs_input* will be set to ``False``. In this case, the next\n"
    "call to *decompress()* may provide *data* as b'' to obtain more of the output.\n"
    "\n"
    "If all of the input data was decompressed and returned (either because this\n"
    "was less than *max_length* bytes, or because *max_length* was negative),\n"
    "*self.needs_input* will be set to True.\n"
    "\n"
    "Attempting to decompress data after the end of stream is reached raises an\n"
    "EOFError.  Any data found after the end of the stream is ignored and saved in\n"
    "the unused_data attribute.";

const MethodDef comp_methods[] = {{"__new__", comp_new, MethKind::Static},
                                  {"__init__", comp_init},
                                  {"compress", comp_compress, MethKind::Method, kCompressDoc},
                                  {"flush", comp_flush, MethKind::Method, kFlushDoc},
                                  {nullptr, nullptr}};
const MethodDef decomp_methods[] = {{"__new__", decomp_new, MethKind::Static},
                                    {"__init__", decomp_init},
                                    {"decompress", decomp_decompress, MethKind::Method, kDecompressDoc},
                                    {nullptr, nullptr}};

const MethodDef functions[] = {{nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_bz2", functions);
  if (!tp_Comp) {
    // Not subclassable, as in CPython.
    tp_Comp = native_type_new("_bz2", "BZ2Compressor", tp_object, Layout::Other, sizeof(Comp), comp_methods,
                              nullptr, 0);
    type_set_attr_const(tp_Comp, "__doc__", str_value(kCompDoc));
    tp_Decomp = native_type_new("_bz2", "BZ2Decompressor", tp_object, Layout::Other, sizeof(Decomp),
                                decomp_methods, nullptr, 0);
    type_add_members(tp_Decomp, decomp_members);
    type_set_attr_const(tp_Decomp, "__doc__", str_value(kDecompDoc));
  }
  dict_set_str(m->dict, str_intern("BZ2Compressor"), Value(tp_Comp));
  dict_set_str(m->dict, str_intern("BZ2Decompressor"), Value(tp_Decomp));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_bz2", init);

}  // namespace gilpy
