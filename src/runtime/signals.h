// Signal bookkeeping shared by the eval breaker and the _signal module.
#pragma once
#include "runtime/object.h"

namespace gilpy {

constexpr int kNumSignals = 65;
void install_default_signal_handlers();       // SIGINT -> KeyboardInterrupt
// While the GIL is recorded: SIGTERM unwinds the main thread with SystemExit
// so that the recording is written, then kills the process (gil_outputs.h).
void install_sigterm_unwinding();
void trip_signal(int signum);                  // async-signal-safe
Status run_pending_signal_handlers();          // main thread, GIL held
bool is_main_thread();
void set_main_thread();
// Python-level handler table (the _signal module reads and writes it).
extern Value g_signal_handlers[kNumSignals];
extern Value g_default_int_handler;

}  // namespace gilpy
