// _lzma's filter specifications: Python dicts such as
// {"id": FILTER_LZMA2, "preset": 9 | PRESET_EXTREME, "dict_size": 1 << 24}
// turned into liblzma's lzma_filter entries and, for
// _decode_filter_properties, back into dicts. The checks and their errors
// follow CPython 3.11: the spec must be a mapping with an "id" entry; the
// options of each filter kind must be a dict holding only that kind's option
// names with values in 0..2**32-1 (any problem there is reported as
// "Invalid filter specifier for ... filter"), except "preset", which is read
// first and reports its own conversion errors. Also the module's docstrings.
#include <cstring>

#include "modules/_compress_common.h"
#include "modules/_lzma_internal.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::lzmamod {

using compress::uint32_arg;
using compress::ulonglong_arg;

namespace {

// spec[key], or null (no error) when the mapping has no such key.
Status lookup(Value spec, const char* key, Value* out) {
  *out = Value();
  Result<Value> r = getitem(spec, Value(str_intern(key)));
  if (r.is_err()) {
    if (!exc_matches(tp_KeyError)) return ERR;
    exc_clear();
    return OK();
  }
  *out = r.value();
  return OK();
}

// Calls set(name, value) for every entry of `spec` (a dict whose keys are all
// in `names`); false (nothing raised) when the spec is not such a dict or a
// value is not a valid uint32.
template <class F>
bool each_option(Value spec, std::initializer_list<const char*> names, F set) {
  if (!is_dict(spec)) return false;
  Dict* d = as_dict(spec);
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) {
    if (!k.is_obj() || !is_str(k)) return false;
    std::string_view name = as_str(k)->view();
    bool known = false;
    for (const char* n : names) known = known || name == n;
    if (!known) return false;
    if (name == "id" || name == "preset") continue;
    Result<uint32_t> x = uint32_arg(v);
    if (x.is_err()) {
      exc_clear();
      return false;
    }
    set(name, x.value());
  }
  return true;
}

Status parse_lzma_options(Value spec, lzma_options_lzma* o) {
  uint32_t preset = LZMA_PRESET_DEFAULT;
  Value p;
  TRY(lookup(spec, "preset", &p));
  if (p) preset = TRY(uint32_arg(p));
  if (lzma_lzma_preset(o, preset)) return lzma_error("Invalid compression preset: " + std::to_string(preset));
  bool ok = each_option(spec, {"id", "preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"},
                        [o](std::string_view name, uint32_t x) {
                          if (name == "dict_size") o->dict_size = x;
                          else if (name == "lc") o->lc = x;
                          else if (name == "lp") o->lp = x;
                          else if (name == "pb") o->pb = x;
                          else if (name == "mode") o->mode = lzma_mode(x);
                          else if (name == "nice_len") o->nice_len = x;
                          else if (name == "mf") o->mf = lzma_match_finder(x);
                          else if (name == "depth") o->depth = x;
                        });
  if (!ok) return raise(tp_ValueError, "Invalid filter specifier for LZMA filter");
  return OK();
}

Status parse_delta_options(Value spec, lzma_options_delta* o) {
  std::memset(o, 0, sizeof *o);
  o->type = LZMA_DELTA_TYPE_BYTE;
  o->dist = 1;
  if (!each_option(spec, {"id", "dist"}, [o](std::string_view, uint32_t x) { o->dist = x; }))
    return raise(tp_ValueError, "Invalid filter specifier for delta filter");
  return OK();
}

Status parse_bcj_options(Value spec, lzma_options_bcj* o) {
  std::memset(o, 0, sizeof *o);
  if (!each_option(spec, {"id", "start_offset"}, [o](std::string_view, uint32_t x) { o->start_offset = x; }))
    return raise(tp_ValueError, "Invalid filter specifier for BCJ filter");
  return OK();
}

bool is_bcj(uint64_t id) {
  return id == LZMA_FILTER_X86 || id == LZMA_FILTER_POWERPC || id == LZMA_FILTER_IA64 || id == LZMA_FILTER_ARM ||
         id == LZMA_FILTER_ARMTHUMB || id == LZMA_FILTER_SPARC;
}

}  // namespace

Status parse_filter_spec(Value spec, FilterChain* out, int i) {
  // Any mapping (an object whose type has __getitem__, as PyMapping_Check).
  if (!type_lookup(spec.type(), str_intern("__getitem__")))
    return raise(tp_TypeError, "Filter specifier must be a dict or dict-like object");
  Value idv;
  TRY(lookup(spec, "id", &idv));
  if (!idv) return raise(tp_ValueError, "Filter specifier must have an \"id\" entry");
  uint64_t id = TRY(ulonglong_arg(idv));
  FilterChain::Options* o = &out->options[i];
  if (id == LZMA_FILTER_LZMA1 || id == LZMA_FILTER_LZMA2) {
    TRY(parse_lzma_options(spec, &o->lzma));
  } else if (id == LZMA_FILTER_DELTA) {
    TRY(parse_delta_options(spec, &o->delta));
  } else if (is_bcj(id)) {
    TRY(parse_bcj_options(spec, &o->bcj));
  } else {
    return raise_fmt(tp_ValueError, "Invalid filter ID: %llu", (unsigned long long)id);
  }
  out->filters[i].id = id;
  out->filters[i].options = o;
  out->filters[i + 1].id = LZMA_VLI_UNKNOWN;
  out->filters[i + 1].options = nullptr;
  return OK();
}

Status parse_filter_chain(Value specs, FilterChain* out) {
  // As PySequence_Size / PySequence_GetItem: builtin mappings (dict,
  // OrderedDict) have a length but are not sequences.
  Type* t = specs.type();
  if (is_dict(specs) && !(t->flags & TF_HEAPTYPE)) return raise_fmt(tp_TypeError, "%s is not a sequence", type_name(specs));
  int64_t n = TRY(len(specs));
  if (n > LZMA_FILTERS_MAX)
    return raise_fmt(tp_ValueError, "Too many filters - liblzma supports a maximum of %d", LZMA_FILTERS_MAX);
  out->filters[0].id = LZMA_VLI_UNKNOWN;
  out->filters[0].options = nullptr;
  if (n > 0 && !type_lookup(t, str_intern("__getitem__")))
    return raise_fmt(tp_TypeError, "'%s' object does not support indexing", type_name(specs));
  for (int64_t i = 0; i < n; i++) {
    Value spec = TRY(getitem(specs, Value::small(i)));
    TRY(parse_filter_spec(spec, out, int(i)));
  }
  return OK();
}

Result<Value> build_filter_spec(const lzma_filter* f) {
  Dict* d = dict_new();
  auto put = [d](const char* k, uint64_t v) { dict_set_str(d, str_intern(k), int_from_u64(v)); };
  put("id", f->id);
  if (f->id == LZMA_FILTER_LZMA1) {
    auto* o = static_cast<const lzma_options_lzma*>(f->options);
    put("lc", o->lc);
    put("lp", o->lp);
    put("pb", o->pb);
    put("dict_size", o->dict_size);
  } else if (f->id == LZMA_FILTER_LZMA2) {
    put("dict_size", static_cast<const lzma_options_lzma*>(f->options)->dict_size);
  } else if (f->id == LZMA_FILTER_DELTA) {
    put("dist", static_cast<const lzma_options_delta*>(f->options)->dist);
  } else if (is_bcj(f->id)) {
    // liblzma gives no options for a zero start offset: the dict has only "id".
    if (f->options) put("start_offset", static_cast<const lzma_options_bcj*>(f->options)->start_offset);
  } else {
    return raise_fmt(tp_ValueError, "Invalid filter ID: %llu", (unsigned long long)f->id);
  }
  return Value(d);
}

const char kCompDoc[] =
    "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)\n"
    "\n"
    "Create a compressor object for compressing data incrementally.\n"
    "\n"
    "format specifies the container format to use for the output. This can\n"
    "be FORMAT_XZ (default), FORMAT_ALONE, or FORMAT_RAW.\n"
    "\n"
    "check specifies the integrity check to use. For FORMAT_XZ, the default\n"
    "is CHECK_CRC64. FORMAT_ALONE and FORMAT_RAW do not support integrity\n"
    "checks; for these formats, check must be omitted, or be CHECK_NONE.\n"
    "\n"
    "The settings used by the compressor can be specified either as a\n"
    "preset compression level (with the 'preset' argument), or in detail\n"
    "as a custom filter chain (with the 'filters' argument). For FORMAT_XZ\n"
    "and FORMAT_ALONE, the default is to use the PRESET_DEFAULT preset\n"
    "level. For FORMAT_RAW, the caller must always specify a filter chain;\n"
    "the raw compressor does not support preset compression levels.\n"
    "\n"
    "preset (if provided) should be an integer in the range 0-9, optionally\n"
    "OR-ed with the constant PRESET_EXTREME.\n"
    "\n"
    "filters (if provided) should be a sequence of dicts. Each dict should\n"
    "have an entry for \"id\" indicating the ID of the filter, plus\n"
    "additional entries for options to the filter.\n"
    "\n"
    "For one-shot compression, use the compress() function instead.\n";

const char kDecompDoc[] =
    "Create a decompressor object for decompressing data incrementally.\n"
    "\n"
    "  format\n"
    "    Specifies the container format of the input stream.  If this is\n"
    "    FORMAT_AUTO (the default), the decompressor will automatically detect\n"
    "    whether the input is FORMAT_XZ or FORMAT_ALONE.  Streams created with\n"
    "    FORMAT_RAW cannot be autodetected.\n"
    "  memlimit\n"
    "    Limit the amount of memory used by the decompressor.  This will cause\n"
    "    decompression to fail if the input cannot be decompressed within the\n"
    "    given limit.\n"
    "  filters\n"
    "    A custom filter chain.  This argument is required for FORMAT_RAW, and\n"
    "    not accepted with any other format.  When provided, this should be a\n"
    "    sequence of dicts, each indicating the ID and options for a single\n"
    "    filter.\n"
    "\n"
    "For one-shot decompression, use the decompress() function instead.";

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

const char kIsCheckSupportedDoc[] =
    "Test whether the given integrity check is supported.\n"
    "\n"
    "Always returns True for CHECK_NONE and CHECK_CRC32.";

// CPython 3.11 gives _decode_filter_properties the same docstring.
const char kEncodeDoc[] =
    "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).\n"
    "\n"
    "The result does not include the filter ID itself, only the options.";
const char kDecodeDoc[] =
    "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).\n"
    "\n"
    "The result does not include the filter ID itself, only the options.";

}  // namespace gilpy::lzmamod
