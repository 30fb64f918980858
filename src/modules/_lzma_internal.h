// Shared between _lzma.cpp (the module and its types) and _lzma_filters.cpp
// (filter specifications and docstrings).
#pragma once
#include <lzma.h>

#include <string>

#include "runtime/object.h"

namespace gilpy::lzmamod {

extern Value g_error;  // _lzma.LZMAError
extern const lzma_allocator kAllocator;
Err lzma_error(const std::string& msg);
// CPython's mapping of liblzma's return codes to exceptions.
Status check_lzma(lzma_ret ret);

// A filter chain parsed from Python: liblzma's array (ended by
// LZMA_VLI_UNKNOWN) and the option structs it points to.
struct FilterChain {
  lzma_filter filters[LZMA_FILTERS_MAX + 1];
  union Options {
    lzma_options_lzma lzma;
    lzma_options_delta delta;
    lzma_options_bcj bcj;
  } options[LZMA_FILTERS_MAX];
};
// A sequence of filter specifier dicts.
Status parse_filter_chain(Value specs, FilterChain* out);
// One filter specifier (a dict with an "id" entry) into out->filters[i]; the
// chain is ended after it.
Status parse_filter_spec(Value spec, FilterChain* out, int i);
// A decoded filter back into a dict ({"id": ..., options...}).
Result<Value> build_filter_spec(const lzma_filter* f);

extern const char kCompDoc[];
extern const char kDecompDoc[];
extern const char kCompressDoc[];
extern const char kFlushDoc[];
extern const char kDecompressDoc[];
extern const char kIsCheckSupportedDoc[];
extern const char kEncodeDoc[];
extern const char kDecodeDoc[];

}  // namespace gilpy::lzmamod
