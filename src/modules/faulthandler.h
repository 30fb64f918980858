// faulthandler: entry points for the rest of the interpreter (the module
// itself is modules/faulthandler.cpp).
#pragma once

namespace gilpy {

// -X faulthandler, PYTHONFAULTHANDLER=<non-empty> (ignored under -E/-I),
// -X dev and PYTHONDEVMODE: enable the fault handler on sys.stderr, as
// CPython does at start-up. A no-op when none of them asks for it. The
// command line calls this once, after sys.stderr exists and before the
// program runs. An error (sys.stderr unusable) is reported on fd 2 and the
// handler then writes to fd 2.
void faulthandler_enable_at_startup();

// CPython's Py_FatalError: "Fatal Python error: <func>: <msg>", the runtime
// state, the tracebacks of all threads (async-signal-safe, usable from any
// thread, with or without the GIL), then abort() with faulthandler's own
// SIGABRT handler removed so that the tracebacks are not written twice.
[[noreturn]] void fatal_error(const char* func, const char* msg);

}  // namespace gilpy
