// The two pieces of the runtime that runtime/gil.cpp uses, for the
// ThreadSanitizer build of the GIL's unit tests (target gil_tsan_tests),
// which links gil.cpp alone instead of the whole interpreter.
#include <atomic>
#include <cstdint>

#include "runtime/eval_breaker.h"
#include "runtime/thread_state.h"

namespace gilpy {
std::atomic<uint32_t> g_eval_breaker{0};
std::atomic<uint32_t> g_eval_hooks{0};
thread_local constinit ThreadState* t_ts = nullptr;
Status handle_eval_breaker() { return OK(); }
}  // namespace gilpy
