// Signal delivery: the OS handler trips a flag (async-signal-safe), and the
// main thread runs the Python handler at its next safe point.
#include "runtime/signals.h"

#include <pthread.h>

#include <atomic>
#include <csignal>

#include "objects/frame.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/gil_outputs.h"
#include "runtime/eval_breaker.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

Value g_signal_handlers[kNumSignals];
Value g_default_int_handler;
static std::atomic<bool> g_tripped[kNumSignals];
static pthread_t g_main_thread;

void set_main_thread() { g_main_thread = pthread_self(); }
bool is_main_thread() { return pthread_equal(pthread_self(), g_main_thread); }

void trip_signal(int signum) {
  if (signum <= 0 || signum >= kNumSignals) return;
  g_tripped[signum].store(true, std::memory_order_release);
  g_eval_breaker.fetch_or(EB_SIGNALS, std::memory_order_release);
}

static void os_handler(int signum) { trip_signal(signum); }

void install_default_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = os_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: blocking calls see EINTR and check for signals
  sigaction(SIGINT, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);  // CPython ignores SIGPIPE: writes fail with EPIPE instead
  signal(SIGXFSZ, SIG_IGN);  // and SIGXFSZ: writes past RLIMIT_FSIZE fail with EFBIG (OSError)
}

void install_sigterm_unwinding() {
  struct sigaction sa {};
  sa.sa_handler = os_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGTERM, &sa, nullptr);
  g_sigterm_unwinds = true;
}

Status run_pending_signal_handlers() {
  for (int s = 1; s < kNumSignals; s++) {
    if (!g_tripped[s].exchange(false, std::memory_order_acq_rel)) continue;
    Value h = g_signal_handlers[s];
    // No handler recorded: gilpy's own SIGINT handler (default_int_handler).
    // default_int_handler installed for any signal raises KeyboardInterrupt.
    if (!h && s != SIGINT) continue;
    if (!h || h == g_default_int_handler) return raise_value(Value(tp_KeyboardInterrupt));
    // SIG_DFL (0) for SIGTERM while recording: our handler is installed.
    if (s == SIGTERM && g_sigterm_unwinds && h == Value::small(0)) {
      g_terminated = true;
      Result<Value> e = call1(Value(tp_SystemExit), Value::small(128 + SIGTERM));
      return raise_value(e.ok() ? e.value() : Value(tp_SystemExit));
    }
    if (!is_callable(h)) continue;
    // The handler's second argument: the frame that was running (CPython's too).
    Value frame = None();
    if (Frame* f = t_ts ? t_ts->frame : nullptr) {
      frame_mark_escaped(f);
      frame = Value(f);
    }
    TRY(call2(h, Value::small(s), frame));
  }
  return OK();
}

}  // namespace gilpy
