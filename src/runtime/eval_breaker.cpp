// The eval breaker and signal delivery. A C signal handler only records the
// signal and sets a bit; the eval loop notices at its next safe point and
// runs the Python-level handling (KeyboardInterrupt for SIGINT by default)
// in the main thread with the GIL held.
#include "runtime/eval_breaker.h"

#include <csignal>

#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/gil.h"
#include "runtime/protocols.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"

namespace gilpy {

std::atomic<uint32_t> g_eval_breaker{0};
std::atomic<uint32_t> g_eval_hooks{0};

Status handle_eval_breaker() {
  uint32_t bits = g_eval_breaker.load(std::memory_order_acquire);
  // Only the main thread runs signal handlers; other threads leave the bit
  // set for it (it soon runs: a waiting main thread asks for the GIL).
  if ((bits & EB_SIGNALS) && is_main_thread()) {
    g_eval_breaker.fetch_and(~uint32_t(EB_SIGNALS), std::memory_order_acq_rel);
    TRY(run_pending_signal_handlers());
  }
  if (bits & EB_FINALIZERS) {
    g_eval_breaker.fetch_and(~uint32_t(EB_FINALIZERS), std::memory_order_acq_rel);
    run_pending_finalizers();
  }
  // The loop that polled checks whether it should change mode itself.
  // (A thread whose function changed while it waited for the GIL sets the
  // bit again when it takes the GIL: runtime/gil.cpp.)
  if (bits & EB_TRACE) {
    g_eval_breaker.fetch_and(~uint32_t(EB_TRACE), std::memory_order_acq_rel);
    t_ts->trace_recheck = false;
  }
  if (bits & EB_GIL_DROP) gil::yield_for_waiter(t_ts);
  return OK();
}

}  // namespace gilpy
