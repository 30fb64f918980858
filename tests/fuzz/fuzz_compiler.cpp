// libFuzzer target: compile arbitrary bytes as a module with the full
// runtime initialised. Every input must either produce a code object or
// leave exactly one pending exception, a SyntaxError (or subclass) or a
// RecursionError/MemoryError for pathological nesting; anything else (a
// crash, a different exception, no exception on failure) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "compiler/compile.h"
#include "objects/str.h"
#include "runtime/bootstrap.h"
#include "runtime/errors.h"
#include "runtime/interp.h"

using namespace gilpy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static bool ready = [] {
    bootstrap_runtime();
    return true;
  }();
  (void)ready;
  std::string_view src(reinterpret_cast<const char*>(data), size);
  Result<Code*> r = compiler::compile_source(src, str_intern("fuzz.py"), parser::Mode::Exec);
  if (r.ok()) {
    if (exc_pending()) __builtin_trap();
    return 0;
  }
  if (!exc_pending()) __builtin_trap();
  bool expected = exc_matches(tp_SyntaxError) || exc_matches(tp_RecursionError) || exc_matches(tp_MemoryError);
  if (!expected) __builtin_trap();
  exc_clear();
  return 0;
}
