// _asyncio.Task: a coroutine driven by the event loop through a Future. One step sends None
// (or throws an exception) into the coroutine and looks at what it yielded:
//  * a native Future/Task of exactly those types, yielded by its __await__ (blocking set):
//    the task waits for it (task_wakeup added as its done callback, no method lookups);
//  * another object with a non-None _asyncio_future_blocking (futures.py's Future, duck
//    futures, subclasses): the same through its get_loop/_loop, add_done_callback and cancel;
//  * None (a bare yield): step again on the next loop iteration;
//  * anything else: a RuntimeError thrown in at the next step, with CPython's messages.
// Coroutine and generator objects are resumed directly (gen_resume); other coroutine-likes
// through their send/throw methods. Steps are scheduled with loop.call_soon(wrapper,
// context=task_context), the wrapper being a TaskStepMethWrapper as in CPython.
#include <cstdio>

#include "modules/_asyncio_internal.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/genericalias.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy::aio {

Type* tp_Task;
Type* tp_TaskStepMethWrapper;
static uint64_t g_task_name_counter;

struct StepWrapper : Object {
  TaskObj* task;
  Value arg;  // exception to throw in, or null
};

Status task_schedule_step(TaskObj* t, Value exc) {
  auto* w = static_cast<StepWrapper*>(alloc_instance(tp_TaskStepMethWrapper, sizeof(StepWrapper)));
  w->task = t;
  w->arg = exc;
  return call_soon(t->loop, Value(w), Value(), t->context);
}

// Schedule a step that throws RuntimeError(fmt % (repr(a), repr(b))) into the coroutine.
static Status schedule_error(TaskObj* t, const char* fmt, Value a, Value b = Value()) {
  Str* ra = TRY(repr(a));
  std::string msg;
  if (b) {
    Str* rb = TRY(repr(b));
    int n = std::snprintf(nullptr, 0, fmt, ra->data, rb->data);
    msg.resize(size_t(n) + 1);
    std::snprintf(msg.data(), msg.size(), fmt, ra->data, rb->data);
  } else {
    int n = std::snprintf(nullptr, 0, fmt, ra->data);
    msg.resize(size_t(n) + 1);
    std::snprintf(msg.data(), msg.size(), fmt, ra->data);
  }
  msg.pop_back();
  Value e = TRY(call1(Value(tp_RuntimeError), str_value(msg)));
  return task_schedule_step(t, e);
}

static Value wakeup_of(TaskObj* t);

// asyncio.futures._get_loop(fut)
static Result<Value> future_loop_of(Value fut) {
  if (is_exact_future_or_task(fut)) return FUT(fut)->loop ? FUT(fut)->loop : None();
  Value getloop;
  TRY(getattr_opt(fut, AN.get_loop, &getloop));
  if (getloop) return call0(getloop);
  return getattr(fut, AN._loop);
}

// The coroutine yielded `result` (not done): arrange the next step.
static Status handle_yield(TaskObj* t, Value result) {
  Value self(t);
  if (is_exact_future_or_task(result)) {
    FutureObj* fut = FUT(result);
    if (fut->loop != t->loop) return schedule_error(t, "Task %s got Future %s attached to a different loop", self, result);
    if (!fut->blocking)
      return schedule_error(t, "yield was used instead of yield from in task %s with %s", self, result);
    if (result == self) return schedule_error(t, "Task cannot await on itself: %s", self);
    fut->blocking = false;
    TRY(future_add_done_callback(fut, wakeup_of(t), t->context));
    t->fut_waiter = result;
    if (t->must_cancel) {
      Value r = TRY(call_method1(result, AN.cancel, t->cancel_msg ? t->cancel_msg : None()));
      if (TRY(truthy(r))) t->must_cancel = false;
    }
    return OK();
  }
  if (is_none(result)) return task_schedule_step(t, Value());  // bare yield
  Value blocking;
  TRY(getattr_opt(result, AN._asyncio_future_blocking, &blocking));
  if (blocking && !is_none(blocking)) {
    Value loop = TRY(future_loop_of(result));
    if (loop != t->loop) return schedule_error(t, "Task %s got Future %s attached to a different loop", self, result);
    if (!TRY(truthy(blocking)))
      return schedule_error(t, "yield was used instead of yield from in task %s with %s", self, result);
    if (result == self) return schedule_error(t, "Task cannot await on itself: %s", self);
    TRY(setattr(result, AN._asyncio_future_blocking, False()));
    Value add = TRY(getattr(result, AN.add_done_callback));
    Value args[2] = {wakeup_of(t), t->context};
    TRY(call(add, args, 1, g_context_kw));
    t->fut_waiter = result;
    if (t->must_cancel) {
      Value r = TRY(call_method1(result, AN.cancel, t->cancel_msg ? t->cancel_msg : None()));
      if (TRY(truthy(r))) t->must_cancel = false;
    }
    return OK();
  }
  if (result.type() == tp_generator)
    return schedule_error(t, "yield was used instead of yield from for generator in task %s with %s", self, result);
  return schedule_error(t, "Task got bad yield: %s", result);
}

// The coroutine returned v.
static Result<Value> finish_result(TaskObj* t, Value v) {
  if (t->must_cancel) {  // cancelled right before the coroutine returned
    t->must_cancel = false;
    TRY(future_cancel(t, t->cancel_msg));
  } else {
    TRY(future_set_result(t, v));
  }
  return None();
}

// The coroutine ended with the pending exception (StopIteration: it returned).
static Result<Value> handle_end(TaskObj* t) {
  if (exc_matches(tp_StopIteration)) {
    Value e = exc_fetch();
    Tuple* args = as_exc(e)->args;
    return finish_result(t, args && args->size ? args->items[0] : None());
  }
  if (exc_matches(as_type(g_deps->cancelled_error))) {
    t->cancelled_exc = exc_fetch();  // chained into the CancelledError result() raises
    TRY(future_cancel(t, Value()));
    return None();
  }
  Value e = exc_fetch();
  TRY(future_set_exception(t, e));
  if (isinstance(e, tp_KeyboardInterrupt) || isinstance(e, tp_SystemExit)) return raise_value(e);
  return None();
}

static Result<Value> step_impl(TaskObj* t, Value exc) {
  if (t->state != PENDING) {
    Str* tr = TRY(repr(Value(t)));
    Str* er = TRY(repr(exc ? exc : None()));
    std::string msg = "_step(): already done: " + std::string(tr->view()) + ", " + std::string(er->view());
    return raise_invalid_state(msg.c_str());
  }
  if (t->must_cancel) {
    if (!exc || !isinstance(exc, as_type(g_deps->cancelled_error))) {
      exc = future_make_cancelled_error(t);
      if (!exc) return ERR;
    }
    t->must_cancel = false;
  }
  t->fut_waiter = Value();
  Value coro = t->coro;
  Result<Value> r = ERR;
  bool done = false;
  if (is_generator_like(coro) && coro.type() != tp_async_generator) {
    Generator* g = coro.as<Generator>();
    if (!exc) {
      r = gen_resume(g, None(), Value(), &done);
      if (r.ok() && done) return finish_result(t, r.value());
    } else {
      r = gen_throw(g, exc);
    }
  } else if (!exc) {
    r = call_method1(coro, AN.send, None());
  } else {
    r = call_method1(coro, N.throw_, exc);
  }
  if (r.is_err()) return handle_end(t);
  return handle_yield(t, r.value()).is_err() ? Result<Value>(ERR) : Result<Value>(None());
}

Result<Value> task_step(TaskObj* t, Value exc) {
  TRY(deps());
  Value loop = t->loop;
  TRY(enter_task(loop, Value(t)));
  Result<Value> r = step_impl(t, exc);
  if (r.is_err()) {
    Value saved = exc_fetch();
    if (leave_task(loop, Value(t)).is_err()) {
      Value e = exc_fetch();
      if (is_exception(e) && !as_exc(e)->context) as_exc(e)->context = saved;
      exc_restore(e);
    } else {
      exc_restore(saved);
    }
    return ERR;
  }
  TRY(leave_task(loop, Value(t)));
  return r;
}

// ---- wakeup and the step wrapper --------------------------------------------------------------
// task_wakeup(fut): the awaited future is done; step with its exception (cancellation
// included) or with nothing.
static Result<Value> task_wakeup(Value* a, int64_t n, Tuple* kw) {
  if ((kw && kw->size) || n != 2)
    return raise_fmt(tp_TypeError, "task_wakeup() takes exactly one argument (%lld given)", (long long)(n - 1));
  TaskObj* t = TASK(a[0]);
  Value o = a[1];
  TRY(deps());
  if (is_exact_future_or_task(o)) {
    Value r;
    Result<bool> ok = FUT(o)->state == PENDING ? Result<bool>(raise_invalid_state("Result is not set."))
                                               : future_outcome(FUT(o), &r);
    if (ok.ok()) return task_step(t, ok.value() ? Value() : r);
  } else {
    Result<Value> r = call_method0(o, AN.result);
    if (r.ok()) return task_step(t, Value());
  }
  return task_step(t, exc_fetch());
}

static Value wakeup_of(TaskObj* t) {
  if (!t->wakeup) t->wakeup = Value(builtin_new("task_wakeup", task_wakeup, Value(t)));
  return t->wakeup;
}

static Result<Value> sw_call(Value* a, int64_t n, Tuple* kw) {
  if (kw && kw->size) return raise(tp_TypeError, "function takes no keyword arguments");
  if (n > 1) return raise(tp_TypeError, "function takes no positional arguments");
  auto* w = a[0].as<StepWrapper>();
  return task_step(w->task, w->arg);
}
static Result<Value> sw_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create 'TaskStepMethWrapper' instances");
}
static Result<Value> sw_self(Value s) { return Value(s.as<StepWrapper>()->task); }

// ---- Task methods -----------------------------------------------------------------------------
static void task_update_finalizer(TaskObj* t) {
  fut_want_finalizer(t, t->log_tb || (t->state == PENDING && t->log_destroy_pending));
}

static Result<Value> task_new(Value* a, int64_t, Tuple*) {
  Type* tp = as_type(a[0]);
  auto* t = static_cast<TaskObj*>(alloc_instance(tp, sizeof(TaskObj)));
  t->finalizer = (tp->flags & TF_HEAPTYPE) && (tp->flags & TF_HAS_DEL);
  return Value(t);
}

static Result<bool> is_coroutine(Value coro) {
  if (coro.type() == tp_coroutine) return true;
  TRY(deps());
  Value r = TRY(call1(g_deps->iscoroutine, coro));
  return truthy(r);
}

static Status task_init_impl(TaskObj* t, Value coro, Value loop, Value name, Value context) {
  TRY(future_init(t, loop));
  if (!TRY(is_coroutine(coro))) {
    t->log_destroy_pending = false;
    Str* r = TRY(repr(coro));
    return raise_fmt(tp_TypeError, "a coroutine was expected, got %s", r->data);
  }
  if (!context || is_none(context)) {
    TRY(deps());
    context = TRY(call0(g_deps->copy_context));
  }
  t->context = context;
  t->must_cancel = false;
  t->log_destroy_pending = true;
  t->num_cancels = 0;
  t->coro = coro;
  t->fut_waiter = Value();
  t->wakeup = Value();
  if (!name || is_none(name)) {
    t->name = str_value("Task-" + std::to_string(++g_task_name_counter));
  } else if (name.type() == tp_str) {
    t->name = name;
  } else {
    t->name = Value(TRY(str(name)));
  }
  TRY(task_schedule_step(t, Value()));
  return register_task(Value(t));
}

static Result<Value> task_init(Value* a, int64_t n, Tuple* kw) {
  Value out[4];
  TRY(clinic_args("Task", a + 1, n - 1, kw, {"coro", "loop", "name", "context"}, 0, 1, 1, out));
  TaskObj* t = TASK(a[0]);
  Status st = task_init_impl(t, out[0], out[1], out[2], out[3]);
  task_update_finalizer(t);
  if (st.is_err()) return ERR;
  return None();
}

static Result<Value> task_repr(Value* a, int64_t, Tuple*) {
  TRY(deps());
  return call1(g_deps->task_repr, a[0]);
}

static Result<Value> task_get_coro(Value* a, int64_t, Tuple*) { return TASK(a[0])->coro ? TASK(a[0])->coro : None(); }
static Result<Value> task_get_name(Value* a, int64_t, Tuple*) { return TASK(a[0])->name ? TASK(a[0])->name : None(); }
static Result<Value> task_set_name(Value* a, int64_t, Tuple*) {
  Value v = a[1];
  if (v.type() != tp_str) v = Value(TRY(str(v)));
  TASK(a[0])->name = v;
  return None();
}

static Result<Value> task_cancel(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(clinic_args("cancel", a + 1, n - 1, kw, {"msg"}, 0, 0, -1, out));
  TaskObj* t = TASK(a[0]);
  Value msg = out[0] ? out[0] : None();
  t->log_tb = false;
  task_update_finalizer(t);
  if (t->state != PENDING) return False();
  t->num_cancels++;
  if (t->fut_waiter) {
    Value r = TRY(call_method1(t->fut_waiter, AN.cancel, msg));
    if (TRY(truthy(r))) return True();
  }
  t->must_cancel = true;
  t->cancel_msg = is_none(msg) ? Value() : msg;
  return True();
}

static Result<Value> task_cancelling(Value* a, int64_t, Tuple*) { return Value::small(TASK(a[0])->num_cancels); }
static Result<Value> task_uncancel(Value* a, int64_t, Tuple*) {
  TaskObj* t = TASK(a[0]);
  if (t->num_cancels > 0) t->num_cancels--;
  return Value::small(t->num_cancels);
}

static Result<Value> task_get_stack(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(clinic_args("get_stack", a + 1, n - 1, kw, {"limit"}, 0, 0, 0, out));
  TRY(deps());
  return call2(g_deps->task_get_stack, a[0], out[0] ? out[0] : None());
}
static Result<Value> task_print_stack(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(clinic_args("print_stack", a + 1, n - 1, kw, {"limit", "file"}, 0, 0, 0, out));
  TRY(deps());
  return call3(g_deps->task_print_stack, a[0], out[0] ? out[0] : None(), out[1] ? out[1] : None());
}

static Result<Value> task_set_result(Value*, int64_t, Tuple*) {
  return raise(tp_RuntimeError, "Task does not support set_result operation");
}
static Result<Value> task_set_exception(Value*, int64_t, Tuple*) {
  return raise(tp_RuntimeError, "Task does not support set_exception operation");
}

// __del__: a Task collected while still pending is reported, then Future's check runs.
static Result<Value> task_del(Value* a, int64_t n, Tuple* kw) {
  TaskObj* t = TASK(a[0]);
  if (t->state == PENDING && t->log_destroy_pending && t->loop) {
    Value saved = exc_fetch();
    Status st = [&]() -> Status {
      Dict* ctx = dict_new();
      TRY(dict_set(ctx, Value(AN.message), str_value("Task was destroyed but it is pending!")));
      TRY(dict_set(ctx, Value(AN.task), a[0]));
      if (t->source_tb) TRY(dict_set(ctx, Value(AN.source_traceback), t->source_tb));
      Value h = TRY(getattr(t->loop, AN.call_exception_handler));
      if (call1(h, Value(ctx)).is_err()) report_unraisable("Exception ignored in: ", h, exc_fetch());
      return OK();
    }();
    if (st.is_err()) exc_clear();  // as CPython: only a failing handler is reported
    exc_restore(saved);
  }
  return fut_del(a, n, kw);
}

// ---- attributes -------------------------------------------------------------------------------
static Result<Value> g_log_destroy_pending(Value s) { return Bool(TASK(s)->log_destroy_pending); }
static Status s_log_destroy_pending(Value s, Value v) {
  if (!v) return raise(tp_AttributeError, "cannot delete attribute");
  TASK(s)->log_destroy_pending = TRY(truthy(v));
  task_update_finalizer(TASK(s));
  return OK();
}
static Result<Value> g_must_cancel(Value s) { return Bool(TASK(s)->must_cancel); }
static Result<Value> g_coro(Value s) { return TASK(s)->coro ? TASK(s)->coro : None(); }
static Result<Value> g_fut_waiter(Value s) { return TASK(s)->fut_waiter ? TASK(s)->fut_waiter : None(); }
#define AIO_TASK_READONLY(field)                                                                           \
  static Status s_##field(Value, Value) {                                                                  \
    return raise(tp_AttributeError, "attribute '" #field "' of '_asyncio.Task' objects is not writable"); \
  }
AIO_TASK_READONLY(_must_cancel)
AIO_TASK_READONLY(_coro)
AIO_TASK_READONLY(_fut_waiter)
#undef AIO_TASK_READONLY

static const MethodDef task_methods[] = {
    {"__new__", task_new, MethKind::Static},
    {"__init__", task_init},
    {"__repr__", task_repr},
    {"__del__", task_del},
    {"set_result", task_set_result, MethKind::O},
    {"set_exception", task_set_exception, MethKind::O},
    {"cancel", task_cancel, MethKind::Method,
     "Request that this task cancel itself.\n\nThis arranges for a CancelledError to be thrown into the\nwrapped "
     "coroutine on the next cycle through the event loop.\nThe coroutine then has a chance to clean up or even "
     "deny\nthe request using try/except/finally.\n\nUnlike Future.cancel, this does not guarantee that the\ntask "
     "will be cancelled: the exception might be caught and\nacted upon, delaying cancellation of the task or "
     "preventing\ncancellation completely.  The task may also return a value or\nraise a different exception.\n\n"
     "Immediately after this method is called, Task.cancelled() will\nnot return True (unless the task was already "
     "cancelled).  A\ntask will be marked as cancelled when the wrapped coroutine\nterminates with a CancelledError "
     "exception (even if cancel()\nwas not called).\n\nThis also increases the task's count of cancellation "
     "requests."},
    {"cancelling", task_cancelling, MethKind::NoArgs,
     "Return the count of the task's cancellation requests.\n\nThis count is incremented when .cancel() is called\n"
     "and may be decremented using .uncancel()."},
    {"uncancel", task_uncancel, MethKind::NoArgs,
     "Decrement the task's count of cancellation requests.\n\nThis should be used by tasks that catch "
     "CancelledError\nand wish to continue indefinitely until they are cancelled again.\n\nReturns the remaining "
     "number of cancellation requests."},
    {"get_stack", task_get_stack, MethKind::Method,
     "Return the list of stack frames for this task's coroutine.\n\nIf the coroutine is not done, this returns the "
     "stack where it is\nsuspended.  If the coroutine has completed successfully or was\ncancelled, this returns an "
     "empty list.  If the coroutine was\nterminated by an exception, this returns the list of traceback\nframes.\n\n"
     "The frames are always ordered from oldest to newest.\n\nThe optional limit gives the maximum number of frames "
     "to\nreturn; by default all available frames are returned.  Its\nmeaning differs depending on whether a stack "
     "or a traceback is\nreturned: the newest frames of a stack are returned, but the\noldest frames of a traceback "
     "are returned.  (This matches the\nbehavior of the traceback module.)\n\nFor reasons beyond our control, only "
     "one stack frame is\nreturned for a suspended coroutine."},
    {"print_stack", task_print_stack, MethKind::Method,
     "Print the stack or traceback for this task's coroutine.\n\nThis produces output similar to that of the "
     "traceback module,\nfor the frames retrieved by get_stack().  The limit argument\nis passed to get_stack().  "
     "The file argument is an I/O stream\nto which the output is written; by default output is written\nto "
     "sys.stderr."},
    {"get_name", task_get_name, MethKind::NoArgs},
    {"set_name", task_set_name, MethKind::O},
    {"get_coro", task_get_coro, MethKind::NoArgs},
    {"__class_getitem__", generic_class_getitem, MethKind::Class, "See PEP 585"},
    {nullptr, nullptr}};

static const GetSetDef task_getsets[] = {
    {"_log_destroy_pending", g_log_destroy_pending, s_log_destroy_pending},
    {"_must_cancel", g_must_cancel, s__must_cancel},
    {"_coro", g_coro, s__coro},
    {"_fut_waiter", g_fut_waiter, s__fut_waiter},
    {nullptr, nullptr}};

static const MethodDef sw_methods[] = {{"__new__", sw_new, MethKind::Static}, {"__call__", sw_call}, {nullptr, nullptr}};
static const GetSetDef sw_getsets[] = {{"__self__", sw_self}, {nullptr, nullptr}};

void init_task_types() {
  tp_Task = native_type_new("_asyncio", "Task", tp_Future, Layout::Other, sizeof(TaskObj), task_methods,
                            task_getsets);
  tp_Task->dict_offset = sizeof(Object);
  type_set_attr_const(tp_Task, "__doc__", str_value("A coroutine wrapped in a Future."));
  type_modified(tp_Task);
  tp_TaskStepMethWrapper = native_type_new("builtins", "TaskStepMethWrapper", tp_object, Layout::Other,
                                           sizeof(StepWrapper), sw_methods, sw_getsets, 0);
  type_modified(tp_TaskStepMethWrapper);
}

}  // namespace gilpy::aio
