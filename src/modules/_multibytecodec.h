// Shared between _multibytecodec.cpp (the codec objects and the iconv-based
// conversion) and _codecs_cjk.cpp (the six _codecs_xx modules that hand out
// codecs by name).
#pragma once
#include <cstdint>

#include "runtime/object.h"

namespace gilpy {

struct Tuple;

// getcodec(name) of the module `module` ("_codecs_jp", ...): a MultibyteCodec for
// a name that module serves and glibc's iconv can convert, else LookupError
// "no such codec is supported.".
Result<Value> mbc_getcodec(const char* module, Value* args, int64_t nargs, Tuple* kwnames);

}  // namespace gilpy
