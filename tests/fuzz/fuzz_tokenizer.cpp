// libFuzzer target: the tokenizer and the tokenize-module dump must accept
// any byte string without crashing, hanging or leaking.
//   clang++ -std=gnu++20 -g -O1 -fsanitize=fuzzer,address -Isrc src/common/utf8.cpp \
//     src/tokenizer/*.cpp tests/fuzz/fuzz_tokenizer.cpp -o fuzz_tokenizer
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tokenizer/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  gilpy::tokenizer::Tokenizer tz(src);
  // Invariants: the stream is never empty and ends with ENDMARKER or an error.
  const auto& toks = tz.tokens();
  if (toks.empty()) __builtin_trap();
  auto last = toks.back().kind;
  if (last != gilpy::tokenizer::TokKind::EndMarker && last != gilpy::tokenizer::TokKind::Error)
    __builtin_trap();
  if ((last == gilpy::tokenizer::TokKind::Error) != tz.error().has_value()) __builtin_trap();
  std::string err;
  (void)gilpy::tokenizer::dump_tokens(src, "fuzz.py", &err);
  return 0;
}
