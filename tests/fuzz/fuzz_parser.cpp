// libFuzzer target: parse arbitrary bytes as a module (Exec mode); a result
// is either a tree (which must dump) or a formatted SyntaxError.
//   clang++ -std=gnu++20 -g -O1 -fsanitize=fuzzer,address -Isrc src/common/utf8.cpp \
//     src/tokenizer/*.cpp src/parser/*.cpp tests/fuzz/fuzz_parser.cpp -o fuzz_parser
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  gilpy::parser::ParseResult r = gilpy::parser::parse(src, "fuzz.py", gilpy::parser::Mode::Exec);
  if (r.error) {
    if (r.root) __builtin_trap();
    (void)gilpy::parser::format_syntax_error(*r.error);
  } else {
    if (!r.root) __builtin_trap();
    (void)gilpy::parser::dump(r.root, true);
  }
  return 0;
}
