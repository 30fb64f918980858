// libFuzzer target: parse arbitrary bytes as a module (Exec mode, also with
// type comments) and as a function type (func_type mode); a result is either
// a tree (which must dump) or a formatted SyntaxError.
//   clang++ -std=gnu++20 -g -O1 -fsanitize=fuzzer,address -Isrc src/common/utf8.cpp \
//     src/tokenizer/*.cpp src/parser/*.cpp tests/fuzz/fuzz_parser.cpp -o fuzz_parser
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parser/parser.h"

static void check(const gilpy::parser::ParseResult& r) {
  if (r.error) {
    if (r.root) __builtin_trap();
    (void)gilpy::parser::format_syntax_error(*r.error);
  } else {
    if (!r.root) __builtin_trap();
    (void)gilpy::parser::dump(r.root, true);
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using gilpy::parser::Mode;
  std::string_view src(reinterpret_cast<const char*>(data), size);
  check(gilpy::parser::parse(src, "fuzz.py", Mode::Exec));
  check(gilpy::parser::parse(src, "fuzz.py", Mode::Exec, false, false, /*type_comments=*/true));
  check(gilpy::parser::parse(src, "fuzz.py", Mode::FuncType));
  return 0;
}
