// _asyncio: the native Future and Task of asyncio (CPython 3.11's C accelerator), shared
// declarations of _asyncio.cpp (module, running loop, task registry), _asyncio_future.cpp
// (Future, FutureIter) and _asyncio_task.cpp (Task, its step and wakeup).
//
// Layout: a Future is a native struct (FutureObj) whose Python references are ordinary
// fields of collector memory, so the collector traces them; a Task extends it. Both are
// subclassable and carry an instance dict at offset 8 (like CPython's tp_dictoffset).
//
// Invariants:
//  * `loop` is null until Future.__init__ ran: methods that need it raise RuntimeError
//    "Future object is not initialized." (CPython's ENSURE_FUTURE_ALIVE).
//  * state PENDING (0, the zeroed default) <=> result, exception and cancel state unset;
//    callbacks exist only while PENDING (scheduling them empties the list).
//  * callback0/context0 hold the first callback inline (one await = one callback, no list);
//    `callbacks` holds the rest as (fn, context) tuples, or is null.
//  * A Future with `finalizer` set has a collector finalizer that runs its __del__; exact
//    native Futures get one only once an unretrieved exception could need logging, exact
//    Tasks while they may be destroyed pending (see fut_want_finalizer).
#pragma once
#include <initializer_list>

#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/object.h"

namespace gilpy::aio {

enum FutState : uint8_t { PENDING = 0, CANCELLED = 1, FINISHED = 2 };

struct FutureObj : Object {
  Dict* dict;
  Value loop;
  Value callback0, context0;
  List* callbacks;
  Value result;
  Value exception;
  Value exception_tb;
  Value source_tb;
  Value cancel_msg;
  Value cancelled_exc;
  uint8_t state;
  bool log_tb;
  bool blocking;
  bool finalizer;
};

struct TaskObj : FutureObj {
  Value coro;
  Value fut_waiter;
  Value name;
  Value context;
  Value wakeup;  // the bound task_wakeup builtin, made once
  int64_t num_cancels;
  bool must_cancel;
  bool log_destroy_pending;
};

extern Type* tp_Future;
extern Type* tp_Task;
extern Type* tp_FutureIter;
extern Type* tp_TaskStepMethWrapper;

// Python objects the module uses, resolved on first need (asyncio imports _asyncio while
// its own modules are still loading, so nothing of asyncio is looked up at import time).
struct Deps {
  Value get_event_loop_policy;  // asyncio.events.get_event_loop_policy
  Value future_repr;            // asyncio.base_futures._future_repr
  Value task_repr;              // asyncio.base_tasks._task_repr
  Value task_get_stack;         // asyncio.base_tasks._task_get_stack
  Value task_print_stack;       // asyncio.base_tasks._task_print_stack
  Value invalid_state_error;    // asyncio.exceptions.InvalidStateError
  Value cancelled_error;        // asyncio.exceptions.CancelledError
  Value iscoroutine;            // asyncio.coroutines.iscoroutine
  Value extract_stack;          // traceback.extract_stack
  Value copy_context;           // _contextvars.copy_context
  bool ready;
};
extern Deps* g_deps;
Status load_deps();
inline Status deps() { return g_deps->ready ? OK() : load_deps(); }

// Module state (_asyncio.cpp).
extern Value g_all_tasks;      // _asyncio._all_tasks: a weakref.WeakSet
extern Value g_current_tasks;  // _asyncio._current_tasks: {loop: task}
Result<Value> get_event_loop();  // the running loop, else the policy's loop
Status enter_task(Value loop, Value task);
Status leave_task(Value loop, Value task);
Status register_task(Value task);

// Interned names (_asyncio.cpp).
struct AioNames {
  Str *call_soon, *context, *get_debug, *get_loop, *_loop, *add_done_callback, *cancel, *result,
      *_asyncio_future_blocking, *call_exception_handler, *message, *exception, *future, *task,
      *source_traceback, *send, *add, *discard;
};
extern AioNames AN;

// Argument Clinic's parsing and wording: `posonly` leading parameters are positional-only,
// those from `kwonly` on keyword-only (-1: none); the first `required` are required.
Status clinic_args(const char* fname, Value* args, int64_t nargs, Tuple* kwnames,
                   std::initializer_list<const char*> names, int posonly, int required, int kwonly, Value* out);

// Future machinery shared with Task (_asyncio_future.cpp).
inline FutureObj* FUT(Value v) { return v.as<FutureObj>(); }
inline TaskObj* TASK(Value v) { return v.as<TaskObj>(); }
inline bool is_native_future(Value v) { return isinstance(v, tp_Future); }
inline bool is_exact_future_or_task(Value v) {
  Type* t = v.type();
  return t == tp_Future || t == tp_Task;
}
Status ensure_alive(FutureObj* f);
Status future_init(FutureObj* f, Value loop);
Status future_set_result(FutureObj* f, Value res);
Status future_set_exception(FutureObj* f, Value exc);
Result<bool> future_cancel(FutureObj* f, Value msg);
Status future_add_done_callback(FutureObj* f, Value fn, Value ctx);
Value future_make_cancelled_error(FutureObj* f);
// The outcome of a done future: *res the result (true returned) or the exception object
// (false returned, also for cancellation). ERR only when making the error failed.
Result<bool> future_outcome(FutureObj* f, Value* res);
void fut_want_finalizer(FutureObj* f, bool want);
Value state_name(uint8_t state);
// loop.call_soon(fn[, arg], context=ctx); arg null: none; ctx null: no context keyword.
Status call_soon(Value loop, Value fn, Value arg, Value ctx);
// loop.name(*args[1:n], **kw); args[0] is scratch space for the loop.
Result<Value> call_loop_method(Value loop, Str* name, Value* args, int64_t n, Tuple* kw);
extern Tuple* g_context_kw;  // ("context",)
Err raise_invalid_state(const char* msg);
Result<Value> fut_del(Value* a, int64_t n, Tuple* kw);  // Future.__del__

// Task machinery (_asyncio_task.cpp).
Result<Value> task_step(TaskObj* t, Value exc);
Status task_schedule_step(TaskObj* t, Value exc);
void init_task_types();
void init_future_types();

}  // namespace gilpy::aio
