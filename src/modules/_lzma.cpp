// _lzma: the C half of CPython's lzma module, on Debian's liblzma
// (liblzma-dev). lzma.py builds LZMAFile, open(), compress() and decompress()
// on:
//
//   LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None):
//       compress(data), flush()
//   LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None):
//       decompress(data, max_length=-1), check, eof, unused_data, needs_input
//   LZMAError, is_check_supported(), _encode_filter_properties(),
//   _decode_filter_properties() and the FORMAT_/CHECK_/FILTER_/MF_/MODE_/
//   PRESET_ constants.
//
// Filter chains are sequences of dicts ({"id": FILTER_LZMA2, "preset": 9,
// ...}); _lzma_filters.cpp turns them into liblzma's lzma_filter arrays and
// back. Behaviour, messages and exception types follow CPython 3.11 (set up
// by __init__, not subclassable, not picklable). Threads, the per-object lock
// and the library's memory: see _compress_common.h.
#include <gc/gc.h>

#include <cstring>
#include <new>

#include "modules/_compress_common.h"
#include "modules/_lzma_internal.h"
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

using namespace compress;

namespace lzmamod {

Value g_error;  // _lzma.LZMAError

static void* lz_alloc(void*, size_t nmemb, size_t size) {
  if (size && nmemb > SIZE_MAX / size) return nullptr;
  return lib_alloc(nmemb * size);
}
static void lz_free(void*, void* p) { lib_free(p); }
const lzma_allocator kAllocator = {lz_alloc, lz_free, nullptr};

Status check_lzma(lzma_ret ret) {
  switch (ret) {
    case LZMA_OK:
    case LZMA_GET_CHECK:
    case LZMA_NO_CHECK:
    case LZMA_STREAM_END:
      return OK();
    case LZMA_UNSUPPORTED_CHECK:
      return lzma_error("Unsupported integrity check");
    case LZMA_MEM_ERROR:
      return raise_memory_error();
    case LZMA_MEMLIMIT_ERROR:
      return lzma_error("Memory usage limit exceeded");
    case LZMA_FORMAT_ERROR:
      return lzma_error("Input format not supported by decoder");
    case LZMA_OPTIONS_ERROR:
      return lzma_error("Invalid or unsupported options");
    case LZMA_DATA_ERROR:
      return lzma_error("Corrupt input data");
    case LZMA_BUF_ERROR:
      return lzma_error("Insufficient buffer space");
    case LZMA_PROG_ERROR:
      return lzma_error("Internal error");
    default:
      return lzma_error("Unrecognized error from liblzma: " + std::to_string(int(ret)));
  }
}

Err lzma_error(const std::string& msg) {
  Result<Value> e = call1(g_error, str_value(msg));
  if (e.is_err()) return ERR;
  return raise_value(e.value());
}

}  // namespace lzmamod

using namespace lzmamod;

namespace {

Type* tp_Comp;
Type* tp_Decomp;

constexpr int kFormatAuto = 0, kFormatXz = 1, kFormatAlone = 2, kFormatRaw = 3;
// CPython's CHECK_UNKNOWN: the check of a stream whose header has not been read yet.
constexpr int kCheckUnknown = LZMA_CHECK_ID_MAX + 1;

void stream_prepare(lzma_stream* s) {
  *s = LZMA_STREAM_INIT;
  s->allocator = &kAllocator;
}

void arrange_out(lzma_stream* s, OutBuf& ob) {
  s->next_out = reinterpret_cast<uint8_t*>(ob.next());
  s->avail_out = ob.room();
}

enum State : uint8_t { kUninit, kLive, kEnded };

// ---- LZMACompressor ----

struct Comp : Object {
  lzma_stream lzs;
  std::mutex mu;
  State state;
  bool flushed;
};
Comp* CO(Value v) { return v.as<Comp>(); }

void comp_end(Comp* c) {
  if (c->state == kLive) lzma_end(&c->lzs);
  c->state = kEnded;
}
void comp_finalizer(void* obj, void*) { comp_end(static_cast<Comp*>(obj)); }

Result<Value> comp_new(Value* a, int64_t, Tuple*) {
  Comp* c = static_cast<Comp*>(alloc_instance(as_type(a[0]), sizeof(Comp)));
  new (&c->mu) std::mutex();
  GC_register_finalizer(c, comp_finalizer, nullptr, nullptr, nullptr);
  return Value(c);
}

// Set up the encoder of c->lzs for `format` (stream already prepared). `fc`
// is the parsed filter chain, null when none was given.
Status comp_setup(Comp* c, int format, int check, uint32_t preset, FilterChain* fc) {
  lzma_stream* s = &c->lzs;
  switch (format) {
    case kFormatXz: {
      if (check == -1) check = LZMA_CHECK_CRC64;
      if (!fc) return check_lzma(lzma_easy_encoder(s, preset, lzma_check(check)));
      return check_lzma(lzma_stream_encoder(s, fc->filters, lzma_check(check)));
    }
    case kFormatAlone: {
      if (!fc) {
        lzma_options_lzma opts;
        if (lzma_lzma_preset(&opts, preset)) return lzma_error("Invalid compression preset: " + std::to_string(preset));
        return check_lzma(lzma_alone_encoder(s, &opts));
      }
      if (fc->filters[0].id != LZMA_FILTER_LZMA1 || fc->filters[1].id != LZMA_VLI_UNKNOWN)
        return raise(tp_ValueError, "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
      return check_lzma(lzma_alone_encoder(s, static_cast<lzma_options_lzma*>(fc->filters[0].options)));
    }
    case kFormatRaw: {
      if (!fc) return raise(tp_ValueError, "Must specify filters for FORMAT_RAW");
      return check_lzma(lzma_raw_encoder(s, fc->filters));
    }
    default:
      return raise_fmt(tp_ValueError, "Invalid container format: %d", format);
  }
}

Result<Value> comp_init(Value* a, int64_t n, Tuple* kw) {
  TRY(check_call("LZMACompressor", n - 1, kw, 4, {"format", "check", "preset", "filters"}));
  Value v[4];
  TRY(parse_args("LZMACompressor", a + 1, n - 1, kw, {"format", "check", "preset", "filters"}, 0, v));
  int format = v[0] ? TRY(pyarg_int(v[0])) : kFormatXz;
  int check = v[1] ? TRY(pyarg_int(v[1])) : -1;
  Value preset_obj = v[2] ? v[2] : None();
  Value filters = v[3] ? v[3] : None();
  if (format != kFormatXz && check != -1 && check != LZMA_CHECK_NONE)
    return raise(tp_ValueError, "Integrity checks are only supported by FORMAT_XZ");
  if (!is_none(preset_obj) && !is_none(filters))
    return raise(tp_ValueError, "Cannot specify both preset and filter chain");
  uint32_t preset = LZMA_PRESET_DEFAULT;
  if (!is_none(preset_obj)) preset = TRY(uint32_arg(preset_obj));
  // The chain is parsed before the lock is taken: parsing may run Python code
  // (a mapping's __getitem__), which might use this very object.
  FilterChain fc;
  bool valid_format = format == kFormatXz || format == kFormatAlone || format == kFormatRaw;
  bool have_chain = valid_format && !is_none(filters);
  if (have_chain) TRY(parse_filter_chain(filters, &fc));
  Comp* c = CO(a[0]);
  note_stream_created();
  Held h(c->mu);
  comp_end(c);
  stream_prepare(&c->lzs);
  c->state = kLive;  // lzma_end is harmless on a stream whose setup failed
  c->flushed = false;
  Status st = comp_setup(c, format, check, preset, have_chain ? &fc : nullptr);
  if (st.is_err()) {
    comp_end(c);
    c->state = kUninit;
    return ERR;
  }
  return None();
}

// Run the encoder over `in` with `action` (LZMA_RUN: until all input is
// taken; LZMA_FINISH: until the end of the stream), without the GIL.
Result<Value> comp_run(Comp* c, std::string_view in, lzma_action action) {
  OutBuf ob;
  lzma_ret ret = LZMA_OK;
  bool nomem = false;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    lzma_stream* s = &c->lzs;
    s->next_in = reinterpret_cast<const uint8_t*>(in.data());
    s->avail_in = in.size();
    if (!ob.grow()) {
      nomem = true;
    } else {
      for (;;) {
        arrange_out(s, ob);
        uint8_t* out0 = s->next_out;
        ret = lzma_code(s, action);
        ob.size += size_t(s->next_out - out0);
        if (ret == LZMA_BUF_ERROR && s->avail_in == 0 && s->avail_out > 0) ret = LZMA_OK;
        if (ret != LZMA_OK && ret != LZMA_STREAM_END) break;  // an error
        if ((action == LZMA_RUN && s->avail_in == 0) || (action == LZMA_FINISH && ret == LZMA_STREAM_END)) break;
        if (s->avail_out == 0 && !ob.grow()) {
          nomem = true;
          break;
        }
      }
    }
    s->next_in = nullptr;
    s->avail_in = 0;
    s->next_out = nullptr;
    s->avail_out = 0;
  }
  if (nomem) return raise_memory_error();
  TRY(check_lzma(ret));
  return outbuf_bytes(ob);
}

Result<Value> comp_compress(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("LZMACompressor.compress", kw));
  TRY(check_nargs("LZMACompressor.compress", n - 1, 1, 1));
  Comp* c = CO(a[0]);
  InputData in;
  TRY(in.set(a[1]));
  Held h(c->mu);
  if (c->state == kUninit) return not_initialized("LZMACompressor");
  if (c->flushed) return raise(tp_ValueError, "Compressor has been flushed");
  return comp_run(c, in.view(), LZMA_RUN);
}

Result<Value> comp_flush(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("LZMACompressor.flush", kw));
  TRY(check_nargs("LZMACompressor.flush", n - 1, 0, 0));
  Comp* c = CO(a[0]);
  Held h(c->mu);
  if (c->state == kUninit) return not_initialized("LZMACompressor");
  if (c->flushed) return raise(tp_ValueError, "Repeated call to flush()");
  c->flushed = true;
  Result<Value> r = comp_run(c, {}, LZMA_FINISH);
  comp_end(c);  // the stream is over: release the encoder's memory now
  return r;
}

// ---- LZMADecompressor ----

struct Decomp : Object {
  // Python-visible members (read-only member descriptors).
  Value check;
  Value eof;
  Value needs_input;
  Value unused_data;
  // Input left over when max_length stopped the last call: pending[off, off+len).
  Value pending;
  size_t pending_off;
  size_t pending_len;
  lzma_stream lzs;
  std::mutex mu;
  State state;
};
Decomp* DO(Value v) { return v.as<Decomp>(); }

void decomp_end(Decomp* d) {
  if (d->state == kLive) lzma_end(&d->lzs);
  d->state = kEnded;
}
void decomp_finalizer(void* obj, void*) { decomp_end(static_cast<Decomp*>(obj)); }

// What __init__ resets (decomp_setup sets `check`). As in CPython, `eof`
// stays: __init__ on a finished decompressor gives a new stream that still
// reports the end.
void decomp_reset(Decomp* d) {
  d->needs_input = True();
  d->unused_data = Value(bytes_empty());
  d->pending = Value();
  d->pending_off = d->pending_len = 0;
}

Result<Value> decomp_new(Value* a, int64_t, Tuple*) {
  Decomp* d = static_cast<Decomp*>(alloc_instance(as_type(a[0]), sizeof(Decomp)));
  new (&d->mu) std::mutex();
  d->check = Value::small(LZMA_CHECK_NONE);
  d->eof = False();
  decomp_reset(d);
  GC_register_finalizer(d, decomp_finalizer, nullptr, nullptr, nullptr);
  return Value(d);
}

// `fc`: the parsed filter chain (FORMAT_RAW only).
Status decomp_setup(Decomp* d, int format, uint64_t memlimit, FilterChain* fc) {
  lzma_stream* s = &d->lzs;
  const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
  switch (format) {
    case kFormatAuto:
      d->check = Value::small(kCheckUnknown);
      return check_lzma(lzma_auto_decoder(s, memlimit, flags));
    case kFormatXz:
      d->check = Value::small(kCheckUnknown);
      return check_lzma(lzma_stream_decoder(s, memlimit, flags));
    case kFormatAlone:
      d->check = Value::small(LZMA_CHECK_NONE);
      return check_lzma(lzma_alone_decoder(s, memlimit));
    case kFormatRaw: {
      d->check = Value::small(LZMA_CHECK_NONE);
      return check_lzma(lzma_raw_decoder(s, fc->filters));
    }
    default:
      return raise_fmt(tp_ValueError, "Invalid container format: %d", format);
  }
}

Result<Value> decomp_init(Value* a, int64_t n, Tuple* kw) {
  TRY(check_call("LZMADecompressor", n - 1, kw, 3, {"format", "memlimit", "filters"}));
  Value v[3];
  TRY(parse_args("LZMADecompressor", a + 1, n - 1, kw, {"format", "memlimit", "filters"}, 0, v));
  int format = v[0] ? TRY(as_c_int(v[0])) : kFormatAuto;
  Value memlimit_obj = v[1] ? v[1] : None();
  Value filters = v[2] ? v[2] : None();
  if (!is_none(memlimit_obj) && format == kFormatRaw)
    return raise(tp_ValueError, "Cannot specify memory limit with FORMAT_RAW");
  if (format == kFormatRaw && is_none(filters)) return raise(tp_ValueError, "Must specify filters for FORMAT_RAW");
  if (format != kFormatRaw && !is_none(filters))
    return raise(tp_ValueError, "Cannot specify filters except with FORMAT_RAW");
  uint64_t memlimit = UINT64_MAX;
  if (!is_none(memlimit_obj)) memlimit = TRY(ulonglong_arg(memlimit_obj));
  // Parsed before the lock is taken (see comp_init).
  FilterChain fc;
  if (format == kFormatRaw) TRY(parse_filter_chain(filters, &fc));
  Decomp* d = DO(a[0]);
  note_stream_created();
  Held h(d->mu);
  decomp_end(d);
  decomp_reset(d);
  stream_prepare(&d->lzs);
  d->state = kLive;
  Status st = decomp_setup(d, format, memlimit, &fc);
  if (st.is_err()) {
    decomp_end(d);
    d->state = kUninit;
    return ERR;
  }
  return None();
}

// One decompress() call's work without the GIL. Returns liblzma's last code;
// *left is the input not consumed, *check the stream's check once known.
lzma_ret decomp_run(Decomp* d, std::string_view in, OutBuf& ob, size_t* left, int* check, bool* nomem) {
  lzma_stream* s = &d->lzs;
  s->next_in = reinterpret_cast<const uint8_t*>(in.data());
  s->avail_in = in.size();
  lzma_ret ret = LZMA_OK;
  *nomem = false;
  if (!ob.grow()) {
    *nomem = true;
  } else {
    for (;;) {
      arrange_out(s, ob);
      uint8_t* out0 = s->next_out;
      ret = lzma_code(s, LZMA_RUN);
      ob.size += size_t(s->next_out - out0);
      if (ret == LZMA_BUF_ERROR && s->avail_in == 0 && s->avail_out > 0) ret = LZMA_OK;
      if (ret == LZMA_GET_CHECK || ret == LZMA_NO_CHECK) {
        *check = int(lzma_get_check(s));
        ret = LZMA_OK;
      }
      if (ret != LZMA_OK && ret != LZMA_STREAM_END) break;  // an error
      if (ret == LZMA_STREAM_END) break;
      if (s->avail_out == 0) {
        if (ob.at_limit()) break;
        if (!ob.grow()) {
          *nomem = true;
          break;
        }
      } else if (s->avail_in == 0) {
        break;
      }
    }
  }
  *left = s->avail_in;
  s->next_in = nullptr;
  s->avail_in = 0;
  s->next_out = nullptr;
  s->avail_out = 0;
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
  if (d->state == kUninit) return not_initialized("LZMADecompressor");
  if (d->eof == True()) return raise(tp_EOFError, "Already at end of stream");
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
  int check = -1;
  lzma_ret ret;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    ret = decomp_run(d, in, ob, &left, &check, &nomem);
  }
  if (check >= 0) d->check = Value::small(check);
  if (nomem || (ret != LZMA_OK && ret != LZMA_STREAM_END)) {
    d->pending = Value();
    d->pending_len = d->pending_off = 0;
    if (nomem) return raise_memory_error();
    TRY(check_lzma(ret));
    return raise_fmt(tp_SystemError, "unexpected liblzma result %d", int(ret));
  }
  std::string_view rest = in.substr(in.size() - left);
  if (ret == LZMA_STREAM_END) {
    d->eof = True();
    d->needs_input = False();
    if (!rest.empty()) d->unused_data = TRY(concat(rest, {}));
    d->pending = Value();
    d->pending_off = d->pending_len = 0;
    decomp_end(d);  // nothing more can be decompressed: release the decoder's memory now
  } else if (rest.empty()) {
    // All input taken. With the output full the decoder may still hold
    // output: ask for no input before it has been given out.
    d->needs_input = Bool(!(max_length >= 0 && ob.at_limit() && ob.size == ob.cap));
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

// ---- module functions ----

Result<Value> m_is_check_supported(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_lzma.is_check_supported", kw));
  TRY(check_nargs("_lzma.is_check_supported", n, 1, 1));
  int id = TRY(as_c_int(a[0]));
  return Bool(lzma_check_is_supported(lzma_check(id)));
}

Result<Value> m_encode_filter_properties(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_lzma._encode_filter_properties", kw));
  TRY(check_nargs("_lzma._encode_filter_properties", n, 1, 1));
  FilterChain fc;
  TRY(parse_filter_spec(a[0], &fc, 0));
  uint32_t size;
  TRY(check_lzma(lzma_properties_size(&size, &fc.filters[0])));
  Bytes* b = bytes_new(int64_t(size));
  if (!b) return ERR;
  TRY(check_lzma(lzma_properties_encode(&fc.filters[0], reinterpret_cast<uint8_t*>(b->data))));
  return Value(b);
}

Result<Value> m_decode_filter_properties(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_lzma._decode_filter_properties", kw));
  TRY(check_nargs("_decode_filter_properties", n, 2, 2));
  uint64_t id = TRY(ulonglong_arg(a[0]));
  InputData props;
  TRY(props.set(a[1]));
  lzma_filter f;
  f.id = id;
  f.options = nullptr;
  std::string_view p = props.view();
  TRY(check_lzma(lzma_properties_decode(&f, &kAllocator, reinterpret_cast<const uint8_t*>(p.data()), p.size())));
  Result<Value> r = build_filter_spec(&f);
  lib_free(f.options);
  return r;
}

const MethodDef comp_methods[] = {{"__new__", comp_new, MethKind::Static},
                                  {"__init__", comp_init},
                                  {"compress", comp_compress, MethKind::Method, kCompressDoc},
                                  {"flush", comp_flush, MethKind::Method, kFlushDoc},
                                  {nullptr, nullptr}};
const MethodDef decomp_methods[] = {{"__new__", decomp_new, MethKind::Static},
                                    {"__init__", decomp_init},
                                    {"decompress", decomp_decompress, MethKind::Method, kDecompressDoc},
                                    {nullptr, nullptr}};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const MemberDef decomp_members[] = {{"check", int32_t(offsetof(Decomp, check)), MEMBER_READONLY},
                                    {"eof", int32_t(offsetof(Decomp, eof)), MEMBER_READONLY},
                                    {"unused_data", int32_t(offsetof(Decomp, unused_data)), MEMBER_READONLY},
                                    {"needs_input", int32_t(offsetof(Decomp, needs_input)), MEMBER_READONLY},
                                    {nullptr, 0, 0}};
#pragma GCC diagnostic pop

const MethodDef functions[] = {
    {"is_check_supported", m_is_check_supported, MethKind::Method, kIsCheckSupportedDoc},
    {"_encode_filter_properties", m_encode_filter_properties, MethKind::Method, kEncodeDoc},
    {"_decode_filter_properties", m_decode_filter_properties, MethKind::Method, kDecodeDoc},
    {nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_lzma", functions);
  if (!tp_Comp) {
    Dict* ns = dict_new();
    dict_set_str(ns, N.__module__, str_value("_lzma"));
    dict_set_str(ns, N.__doc__, str_value("Call to liblzma failed."));
    g_error = TRY(call3(Value(tp_type), str_value("LZMAError"), Value(tuple_of({Value(tp_Exception)})), Value(ns)));
    // Not subclassable, as in CPython.
    tp_Comp = native_type_new("_lzma", "LZMACompressor", tp_object, Layout::Other, sizeof(Comp), comp_methods,
                              nullptr, 0);
    type_set_attr_const(tp_Comp, "__doc__", str_value(kCompDoc));
    tp_Decomp = native_type_new("_lzma", "LZMADecompressor", tp_object, Layout::Other, sizeof(Decomp),
                                decomp_methods, nullptr, 0);
    type_add_members(tp_Decomp, decomp_members);
    type_set_attr_const(tp_Decomp, "__doc__", str_value(kDecompDoc));
  }
  Dict* d = m->dict;
  dict_set_str(d, str_intern("LZMAError"), g_error);
  dict_set_str(d, str_intern("LZMACompressor"), Value(tp_Comp));
  dict_set_str(d, str_intern("LZMADecompressor"), Value(tp_Decomp));
  auto set_int = [d](const char* name, uint64_t v) { dict_set_str(d, str_intern(name), int_from_u64(v)); };
  set_int("FORMAT_AUTO", kFormatAuto);
  set_int("FORMAT_XZ", kFormatXz);
  set_int("FORMAT_ALONE", kFormatAlone);
  set_int("FORMAT_RAW", kFormatRaw);
  set_int("CHECK_NONE", LZMA_CHECK_NONE);
  set_int("CHECK_CRC32", LZMA_CHECK_CRC32);
  set_int("CHECK_CRC64", LZMA_CHECK_CRC64);
  set_int("CHECK_SHA256", LZMA_CHECK_SHA256);
  set_int("CHECK_ID_MAX", LZMA_CHECK_ID_MAX);
  set_int("CHECK_UNKNOWN", kCheckUnknown);
  set_int("FILTER_LZMA1", LZMA_FILTER_LZMA1);
  set_int("FILTER_LZMA2", LZMA_FILTER_LZMA2);
  set_int("FILTER_DELTA", LZMA_FILTER_DELTA);
  set_int("FILTER_X86", LZMA_FILTER_X86);
  set_int("FILTER_IA64", LZMA_FILTER_IA64);
  set_int("FILTER_ARM", LZMA_FILTER_ARM);
  set_int("FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB);
  set_int("FILTER_SPARC", LZMA_FILTER_SPARC);
  set_int("FILTER_POWERPC", LZMA_FILTER_POWERPC);
  set_int("MF_HC3", LZMA_MF_HC3);
  set_int("MF_HC4", LZMA_MF_HC4);
  set_int("MF_BT2", LZMA_MF_BT2);
  set_int("MF_BT3", LZMA_MF_BT3);
  set_int("MF_BT4", LZMA_MF_BT4);
  set_int("MODE_FAST", LZMA_MODE_FAST);
  set_int("MODE_NORMAL", LZMA_MODE_NORMAL);
  set_int("PRESET_DEFAULT", LZMA_PRESET_DEFAULT);
  set_int("PRESET_EXTREME", LZMA_PRESET_EXTREME);
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_lzma", init);

}  // namespace gilpy
