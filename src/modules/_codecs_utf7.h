// UTF-7 (RFC 2152) as CPython 3.11's codec does it; _codecs.cpp wraps these
// as _codecs.utf_7_encode / utf_7_decode.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilpy::utf7 {

// Appends the UTF-7 form of `wtf8` (str storage: WTF-8, lone surrogates
// allowed). Encoding never fails.
void encode(std::string_view wtf8, std::string& out);

// Called for each malformed stretch data[start, end): appends the error
// handler's replacement (WTF-8) to `out` and returns where decoding resumes.
using ErrorFn = Result<int64_t> (*)(void* ctx, const char* reason, int64_t start, int64_t end, std::string& out);

// Decodes `data` into `out` (WTF-8). With `final` false an unfinished shift
// sequence at the end is left undecoded. Returns the number of bytes
// consumed.
Result<int64_t> decode(std::string_view data, bool final, std::string& out, ErrorFn on_error, void* ctx);

}  // namespace gilpy::utf7
