// _tracemalloc: entry points for the rest of the interpreter (the module
// itself, and the allocation hooks declared in gc/heap.h, are in
// modules/_tracemalloc.cpp; docs/decisions/0019).
#pragma once

#include <cstdint>

namespace gilpy {

// tracemalloc.start(nframe) for the command line (-X tracemalloc[=N],
// PYTHONTRACEMALLOC=N): false when nframe is out of range (the caller
// reports it as CPython's init_interp_main does).
bool tracemalloc_start_at_startup(int64_t nframe);

// os.fork() and friends: tracemalloc's lock is held across fork() (taken
// before the collector's, which trace_new takes inside it), so the child
// never inherits it locked by a thread that no longer exists.
void tracemalloc_fork_prepare();
void tracemalloc_fork_parent();
void tracemalloc_fork_child();

}  // namespace gilpy
