// The eval-breaker word (design.md section 4): one atomic the eval loop polls
// at safe points (function entry, backward jumps, after calls). Any bit set
// sends the loop into handle_eval_breaker(), off the fast path.
#pragma once
#include <atomic>
#include <cstdint>

#include "runtime/object.h"

namespace gilpy {

enum EvalBreakerBits : uint32_t {
  EB_SIGNALS = 1,        // a signal arrived (runtime/signals.cpp)
  EB_GIL_DROP = 2,       // another thread asked for the GIL (the GIL issue)
  EB_ASYNC_EXC = 4,      // an asynchronous exception is pending for this thread
  EB_FINALIZERS = 8,     // __del__ methods are queued (runtime/finalizers.cpp)
  EB_TRACE = 16,         // tracing started or stopped: running frames re-check their loop (vm/trace.h)
};

// Why eval_frame() must leave its default loop: a GIL mode that polls before
// every instruction, or some thread tracing. Zero on the default path, so
// entering a frame costs one load and test.
enum EvalHookBits : uint32_t {
  EH_EVERY = 1,  // gil::Mode::Every
  EH_TRACE = 2,  // some thread has a trace or profile function (vm/trace.cpp)
};
extern std::atomic<uint32_t> g_eval_hooks;

extern std::atomic<uint32_t> g_eval_breaker;
inline bool eval_breaker_set() { return g_eval_breaker.load(std::memory_order_relaxed) != 0; }
Status handle_eval_breaker();
// For native code that waited (EINTR, a wait slice): run what is pending at
// this point, as the eval loop would (signal handlers may raise).
inline Status check_signals() { return eval_breaker_set() ? handle_eval_breaker() : OK(); }

}  // namespace gilpy
