// User __del__ methods and the "Exception ignored in" report.
//
// The collector decides when an object is garbage, possibly in the middle of
// an allocation inside native code, where running Python would be unsafe. So
// an instance of a class with __del__ gets a collector finalizer that only
// queues it (keeping it alive) and sets EB_FINALIZERS; the eval loop runs the
// queued __del__ methods at its next safe point, and gc.collect() runs them
// before it returns. Each __del__ runs once (PEP 442); objects in cycles are
// finalized too, in no particular order.
#pragma once
#include <string_view>

#include "runtime/object.h"

namespace gilpy {

// Puts the collector in finalize-on-demand mode: every finalizer (native
// ones too) runs from run_pending_finalizers at a safe point.
void init_finalizers();
// Called for every new instance of a heap type with __del__.
void register_del_finalizer(Object* o);
// How many objects with a __del__ are alive (registered, not yet finalized);
// an estimate (a resurrected object that registers again counts twice).
int64_t del_finalizers_registered();
// Run obj's __del__ now (at exit), instead of when the collector finds it.
// Does nothing if obj's __del__ has run or is queued.
void finalize_now(Value obj);
// At exit, after atexit callbacks: run the __del__ of objects the program
// left in module namespaces, as CPython's finalization does (see the comment
// in finalizers.cpp). Bars other threads from the GIL from then on.
void finalize_modules_at_exit();
// A native finalizer (releasing an OS resource) that runs only after the
// __del__ methods of the same collection: a Python object dying with it may
// still use the resource in its __del__ (multiprocessing.Pool.__del__ puts
// into a queue whose lock is such a semaphore). The collector does not order
// __del__ objects before what they reference, so without this the resource
// could be closed first.
void register_native_finalizer_after_del(Object* o, void (*fn)(Object*));
// Run ready finalizers and the queued __del__ methods (safe point only).
// Keeps any pending exception.
// Returns how many finalizers ran.
int run_pending_finalizers();
// True while gc.collect() runs (modules/gc.cpp), finalizers included:
// faulthandler reports "Garbage-collecting" for the thread then, as CPython
// does while its collector runs. Read from signal handlers.
extern volatile bool g_gc_collecting;
// A collection for a program that may have gone idle (modules/gc.cpp): a
// thread that waited a second for a lock runs one (once per wait), so
// objects dropped before the wait are freed and their finalizers and weak
// reference callbacks run. CPython frees them at once; code that waits for
// that (a thread pool dropped without shutdown(), whose workers exit on the
// executor's weakref callback) would otherwise wait forever. The collector's
// own collections do not clear dead value-stack slots, so this one runs even
// if one of them ran meanwhile. Needs the GIL; does not turn on
// gc.collect()'s precise mode.
void gc_idle_collect();
// CPython's default unraisable hook: "<prefix><repr(obj)>" and the traceback
// of exc on sys.stderr (fd 2 when that is unusable).
void report_unraisable(std::string_view prefix, Value obj, Value exc);

}  // namespace gilpy
