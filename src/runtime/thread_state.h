// Per-thread interpreter state.
//
// Invariant: a ThreadState is reachable from the interpreter's thread list
// (static data, scanned by the collector), never only from thread_local
// storage, so the Values it holds stay alive.
#pragma once
#include <string_view>

#include "runtime/object.h"

namespace gilpy {

struct Frame;
namespace gil {
struct EventLog;
}

enum class TraceWhat : uint8_t { None, Call, Line, Return, Exception, Opcode, Other };
struct ThreadState {
  Value exc;            // exception being raised/propagated; null when none
  Value handled;        // innermost exception being handled (sys.exc_info())
  // Inside a running generator: what it inherited from its caller as
  // `handled`, and whether `handled` is still that inherited value rather
  // than an exception the generator's own code is handling (see g_exc_inherit).
  Value exc_base;
  bool handled_inherited = false;
  Frame* frame = nullptr;  // innermost executing Python frame
  int depth = 0;        // Python-level recursion depth (calls through eval)
  int native_depth = 0; // nesting of native calls that may re-enter Python
  char* stack_limit = nullptr;  // below this the C stack is nearly exhausted
  int64_t ident = 0;    // threading.get_ident() (pthread_t; reused after a thread ends)
  uint64_t serial = 0;  // never reused: keys per-thread data such as _thread._local
  ThreadState* next = nullptr;  // interpreter's list of thread states
  Object* sentinel = nullptr;   // _thread._set_sentinel() lock, released when the thread ends
  Value locals;         // list of the _thread._local objects this thread has a dict in (or null)
  uint64_t gil_acquisitions = 0;  // times this thread took the GIL (runtime/gil.cpp)
  int64_t native_id = 0;          // threading.get_native_id()
  // The Python thread's name, for the GIL's records. A fixed array, not a
  // std::string: the state lives in collector memory, which leak checkers
  // do not scan, and daemon threads' states are never freed.
  char name[64] = {};
  void set_name(std::string_view n) {
    size_t k = n.size() < sizeof name - 1 ? n.size() : sizeof name - 1;
    n.copy(name, k);
    name[k] = '\0';
  }
  // Where this thread stands with the GIL, for debuggers (_gil.thread_states):
  // 0 holds it (or runs), 1 waits for it, 2 released it for a blocking call
  // of kind gil_block (gil::Block). Plain stores by the thread itself, read
  // under the GIL by another.
  uint8_t gil_state = 0;
  uint8_t gil_block = 0;
  gil::EventLog* gil_log = nullptr;  // this thread's GIL events (runtime/gil_events.cpp), while recording
  // Containers whose repr is in progress on this thread (Py_ReprEnter):
  // objects/list_methods.cpp repr_enter/repr_leave. Per thread, as a repr
  // calling Python code may let another thread repr the same container.
  Object* repr_stack = nullptr;
  Value context;        // _contextvars: the current Context, null until first used
  // sys.set_coroutine_origin_tracking_depth(): how many calling frames a new
  // coroutine records as its cr_origin (0: none).
  int coroutine_origin_depth = 0;
  // sys.settrace / sys.setprofile of this thread (null: none; vm/trace.h),
  // and the nesting of trace/profile calls running (no events meanwhile).
  Value trace_fn;
  Value profile_fn;
  void* profile_native = nullptr;
  bool trace_recheck = false;  // its trace/profile function changed: its loop re-checks at the next safe point  // a NativeProfileFn (vm/trace.h) receiving the events for profile_fn, or null
  int tracing = 0;
  TraceWhat trace_what = TraceWhat::None;  // the event being delivered (what f_lineno jumps allow)
  // Set by an eval loop that returns only to be re-entered in another mode
  // (the traced loop, or back to the default one); vm/eval.cpp.
  uint8_t loop_switch = 0;  // 1: re-enter; 2: re-enter raising the pending exception
};

// An except block ends (POP_EXCEPT, or an f_lineno jump out of it): the
// exception handled before it, saved on the stack by PUSH_EXC_INFO, is
// handled again ("inherited" marks a generator's caller's, g_exc_inherit).
inline void restore_handled(ThreadState* ts, Value prev) {
  if (prev == Value(g_exc_inherit)) {
    ts->handled = ts->exc_base;
    ts->handled_inherited = true;
  } else {
    ts->handled = !prev || is_none(prev) ? Value() : prev;
    ts->handled_inherited = false;
  }
}

// Free lists of small collector objects, one per size in 16-byte granules
// (index 1 = 16 bytes ... kSmallGranules = 256 bytes), refilled in batches
// with GC_malloc_many, and of released frames (objects/frame.cpp). Objects on
// a list are linked through their first word (frames through Frame::back).
// One set for the whole interpreter, guarded by the GIL: only the thread
// that holds it allocates objects. (Per-thread lists would each hold up to a
// heap block per size class, so many live threads would inflate the heap.)
// Static data, so the collector sees the listed objects.
struct AllocCache {
  static constexpr int kSmallGranules = 16;
  void* free_lists[kSmallGranules + 1];
  void* free_floats;  // exact 16-byte objects (objects/float.cpp): never for other types
  void* free_frames[65];
};
extern constinit AllocCache g_alloc_cache;

extern thread_local constinit ThreadState* t_ts;  // constinit: direct TLS access, no init-function check
inline ThreadState* ts() { return t_ts; }

ThreadState* thread_state_new();  // allocate, link into the interpreter list
// The two halves of thread_state_new, for a thread that must take the GIL
// before it may link itself (a ctypes callback arriving on a thread gilpy
// did not start): allocate without the GIL, link with it held.
ThreadState* thread_state_alloc();
void thread_state_link(ThreadState* t);
void thread_state_attach(ThreadState* t, char* stack_base_hint);
// Unlink from the interpreter list and free. Called with the GIL held; the
// state must not be used afterwards (its thread is ending).
void thread_state_delete(ThreadState* t);
// After fork() in the child: `t` is the only thread left.
void thread_state_after_fork(ThreadState* t);

// C-stack guard used by every path that can recurse (eval, repr, compare...).
// Raises RecursionError and returns false when the stack or the recursion
// limit is exhausted.
extern int g_recursion_limit;
bool check_recursion_slow();
inline bool enter_recursion() {
  ThreadState* t = t_ts;
  char probe;
  if (GILPY_UNLIKELY(++t->depth > g_recursion_limit || &probe < t->stack_limit)) return check_recursion_slow();
  return true;
}
// The same, naming where in the message ("maximum recursion depth exceeded
// in __instancecheck__"), as CPython's Py_EnterRecursiveCall(where).
bool check_recursion_slow(const char* where);
inline bool enter_recursion(const char* where) {
  ThreadState* t = t_ts;
  char probe;
  if (GILPY_UNLIKELY(++t->depth > g_recursion_limit || &probe < t->stack_limit)) return check_recursion_slow(where);
  return true;
}
inline void leave_recursion() { --t_ts->depth; }
// The C-stack half of the guard alone, for hot native paths that can nest
// without Python frames (iterators wrapping iterators, hashing nested
// tuples): no depth count, one compare. Raises RecursionError when false.
bool c_stack_exhausted();
inline bool c_stack_ok() {
  char probe;
  if (GILPY_LIKELY(&probe >= t_ts->stack_limit)) return true;
  return !c_stack_exhausted();
}

}  // namespace gilpy
