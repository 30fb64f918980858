// _asyncio.Future and its iterator FutureIter (what `await fut` drives). Behaviour and
// messages follow CPython 3.11's C Future, which differs from futures.py in places: "Result
// is not set.", "invalid state", an explicit context=None stored as None, a callback list
// read back as None when empty, and the stored traceback given to the first result() only.
#include <gc/gc.h>

#include "modules/_asyncio_internal.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/genericalias.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy::aio {

Type* tp_Future;
Type* tp_FutureIter;

Tuple* g_context_kw;  // ("context",)

Status ensure_alive(FutureObj* f) {
  if (!f->loop) return raise(tp_RuntimeError, "Future object is not initialized.");
  return OK();
}

Value state_name(uint8_t state) {
  static const char* const names[] = {"PENDING", "CANCELLED", "FINISHED"};
  return Value(str_intern(names[state]));
}

Err raise_invalid_state(const char* msg) {
  if (deps().is_err()) return ERR;
  Result<Value> e = call1(g_deps->invalid_state_error, str_value(msg));
  if (e.is_err()) return ERR;
  return raise_value(e.value());
}

// loop.<name>(*args[1:n], **kw): a plain Python method of the loop's class is called unbound
// with the loop as args[0] (no bound method made for each call); anything else (an instance
// attribute shadowing it, a custom __getattribute__, a native method) goes through getattr.
Result<Value> call_loop_method(Value loop, Str* name, Value* args, int64_t n, Tuple* kw) {
  Type* t = loop.type();
  if (!(t->flags & (TF_HAS_GETATTRIBUTE | TF_HAS_GETATTR))) {
    Value m = type_lookup(t, name);
    if (m && m.type() == tp_function && !instance_attr_lookup(loop, name)) {
      args[0] = loop;
      return call(m, args, n, kw);
    }
  }
  Value bound = TRY(getattr(loop, name));
  return call(bound, args + 1, n - 1, kw);
}

Status call_soon(Value loop, Value fn, Value arg, Value ctx) {
  Value args[4];
  int64_t n = 1;
  args[n++] = fn;
  if (arg) args[n++] = arg;
  if (!ctx) {
    TRY(call_loop_method(loop, AN.call_soon, args, n, nullptr));
    return OK();
  }
  args[n++] = ctx;
  TRY(call_loop_method(loop, AN.call_soon, args, n - 1, g_context_kw));
  return OK();
}

// Whether f needs its __del__ run by the collector: an exception nobody retrieved, or a
// Task still pending that would log "destroyed but it is pending". Heap subclasses always
// have the finalizer (registered at allocation); exact natives get it only while needed.
void fut_want_finalizer(FutureObj* f, bool want) {
  if (f->type->flags & TF_HEAPTYPE) return;
  if (want && !f->finalizer) {
    register_del_finalizer(f);
    f->finalizer = true;
  } else if (!want && f->finalizer) {
    GC_register_finalizer_no_order(f, nullptr, nullptr, nullptr, nullptr);
    f->finalizer = false;
  }
}

static void update_finalizer(FutureObj* f) {
  bool want = f->log_tb;
  if (!want && isinstance(Value(f), tp_Task)) {
    TaskObj* t = static_cast<TaskObj*>(f);
    want = f->state == PENDING && t->log_destroy_pending;
  }
  fut_want_finalizer(f, want);
}

static Status schedule_callbacks(FutureObj* f) {
  if (f->callback0) {
    Value cb = f->callback0, ctx = f->context0;
    f->callback0 = Value();
    f->context0 = Value();
    TRY(call_soon(f->loop, cb, Value(f), ctx));
  }
  if (!f->callbacks) return OK();
  List* l = f->callbacks;
  f->callbacks = nullptr;
  for (int64_t i = 0; i < l->size; i++) {
    Tuple* item = as_tuple(l->items[i]);
    TRY(call_soon(f->loop, item->items[0], Value(f), item->items[1]));
  }
  return OK();
}

Status future_init(FutureObj* f, Value loop) {
  if (f->loop) {  // __init__ called again: start over
    f->callback0 = f->context0 = Value();
    f->callbacks = nullptr;
    f->result = f->exception = f->exception_tb = Value();
    f->source_tb = f->cancel_msg = f->cancelled_exc = Value();
  }
  f->state = PENDING;
  f->log_tb = false;
  f->blocking = false;
  if (!loop || is_none(loop)) loop = TRY(get_event_loop());
  f->loop = loop;
  Value args[1];
  Value dbg = TRY(call_loop_method(loop, AN.get_debug, args, 1, nullptr));
  if (TRY(truthy(dbg))) {
    TRY(deps());
    f->source_tb = TRY(call0(g_deps->extract_stack));
  }
  return OK();
}

Status future_set_result(FutureObj* f, Value res) {
  TRY(ensure_alive(f));
  if (f->state != PENDING) return raise_invalid_state("invalid state");
  f->result = res;
  f->state = FINISHED;
  update_finalizer(f);
  return schedule_callbacks(f);
}

Status future_set_exception(FutureObj* f, Value exc) {
  TRY(ensure_alive(f));
  if (f->state != PENDING) return raise_invalid_state("invalid state");
  Value val = exc;
  if (is_type(exc) && is_subtype(as_type(exc), tp_BaseException)) {
    val = TRY(call0(exc));
    if (!is_exception(val)) return raise(tp_TypeError, "invalid exception object");
  }
  if (!is_exception(val)) return raise(tp_TypeError, "invalid exception object");
  if (val.type() == tp_StopIteration)
    return raise(tp_TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
  f->exception = val;
  f->exception_tb = as_exc(val)->traceback;
  f->state = FINISHED;
  TRY(schedule_callbacks(f));
  f->log_tb = true;
  update_finalizer(f);
  return OK();
}

Result<bool> future_cancel(FutureObj* f, Value msg) {
  f->log_tb = false;
  if (f->state != PENDING) {
    update_finalizer(f);
    return false;
  }
  f->state = CANCELLED;
  f->cancel_msg = msg && !is_none(msg) ? msg : Value();
  update_finalizer(f);
  TRY(schedule_callbacks(f));
  return true;
}

Status future_add_done_callback(FutureObj* f, Value fn, Value ctx) {
  if (!f->loop) return raise(tp_RuntimeError, "uninitialized Future object");
  if (f->state != PENDING) return call_soon(f->loop, fn, Value(f), ctx);
  if (!f->callback0 && (!f->callbacks || f->callbacks->size == 0)) {
    f->callback0 = fn;
    f->context0 = ctx;
    return OK();
  }
  if (!f->callbacks) f->callbacks = list_new();
  return list_append(f->callbacks, Value(tuple_of({fn, ctx})));
}

Value future_make_cancelled_error(FutureObj* f) {
  if (f->cancelled_exc) {
    Value e = f->cancelled_exc;
    f->cancelled_exc = Value();
    return e;
  }
  Result<Value> e = f->cancel_msg ? call1(g_deps->cancelled_error, f->cancel_msg) : call0(g_deps->cancelled_error);
  return e.is_err() ? Value() : e.value();
}

Result<bool> future_outcome(FutureObj* f, Value* res) {
  if (f->state == CANCELLED) {
    TRY(deps());
    Value e = future_make_cancelled_error(f);
    if (!e) return ERR;
    *res = e;
    return false;
  }
  if (f->state != FINISHED) return raise_invalid_state("Result is not set.");
  if (f->log_tb) {
    f->log_tb = false;
    update_finalizer(f);
  }
  if (f->exception) {
    as_exc(f->exception)->traceback = f->exception_tb;
    f->exception_tb = Value();
    *res = f->exception;
    return false;
  }
  *res = f->result;
  return true;
}

// ---- Future methods ---------------------------------------------------------------------------
static Result<Value> fut_new(Value* a, int64_t, Tuple*) {
  Type* t = as_type(a[0]);
  auto* f = static_cast<FutureObj*>(alloc_instance(t, sizeof(FutureObj)));
  f->finalizer = (t->flags & TF_HEAPTYPE) && (t->flags & TF_HAS_DEL);
  return Value(f);
}

static Result<Value> fut_init(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(clinic_args("Future", a + 1, n - 1, kw, {"loop"}, 0, 0, 0, out));
  TRY(future_init(FUT(a[0]), out[0]));
  return None();
}

static Result<Value> fut_repr(Value* a, int64_t, Tuple*) {
  TRY(ensure_alive(FUT(a[0])));
  TRY(deps());
  return call1(g_deps->future_repr, a[0]);
}

static Result<Value> fut_result(Value* a, int64_t, Tuple*) {
  FutureObj* f = FUT(a[0]);
  if (!f->loop) return raise_invalid_state("Future object is not initialized.");
  Value r;
  if (TRY(future_outcome(f, &r))) return r;
  return raise_value(r);
}

static Result<Value> fut_exception(Value* a, int64_t, Tuple*) {
  FutureObj* f = FUT(a[0]);
  if (!f->loop) return raise_invalid_state("Future object is not initialized.");
  if (f->state == CANCELLED) {
    TRY(deps());
    Value e = future_make_cancelled_error(f);
    if (!e) return ERR;
    return raise_value(e);
  }
  if (f->state != FINISHED) return raise_invalid_state("Exception is not set.");
  if (f->log_tb) {
    f->log_tb = false;
    update_finalizer(f);
  }
  return f->exception ? f->exception : None();
}

static Result<Value> fut_set_result(Value* a, int64_t, Tuple*) {
  TRY(future_set_result(FUT(a[0]), a[1]));
  return None();
}
static Result<Value> fut_set_exception(Value* a, int64_t, Tuple*) {
  TRY(future_set_exception(FUT(a[0]), a[1]));
  return None();
}

static Result<Value> fut_add_done_callback(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(clinic_args("add_done_callback", a + 1, n - 1, kw, {"fn", "context"}, 1, 1, 1, out));
  Value ctx = out[1];
  if (!ctx) {
    TRY(deps());
    ctx = TRY(call0(g_deps->copy_context));
  }
  TRY(future_add_done_callback(FUT(a[0]), out[0], ctx));
  return None();
}

static Result<bool> same_callback(Value cb, Value fn) {
  if (cb == fn) return true;
  return richcompare_bool(cb, fn, 2 /* CMP_EQ */);
}

static Result<Value> fut_remove_done_callback(Value* a, int64_t, Tuple*) {
  FutureObj* f = FUT(a[0]);
  Value fn = a[1];
  TRY(ensure_alive(f));
  int64_t cleared = 0;
  if (f->callback0) {
    Value cb = f->callback0;
    if (TRY(same_callback(cb, fn))) {
      f->callback0 = f->context0 = Value();
      cleared = 1;
    }
  }
  if (!f->callbacks) return Value::small(cleared);
  // __eq__ may change the list under us (even empty or replace it): re-read it each round
  // and keep only what compared unequal.
  int64_t len = f->callbacks->size;
  List* keep = list_new();
  for (int64_t j = 0; f->callbacks && j < f->callbacks->size; j++) {
    Value item = f->callbacks->items[j];
    if (TRY(same_callback(as_tuple(item)->items[0], fn))) continue;
    TRY(list_append(keep, item));
  }
  if (f->callbacks && keep->size != f->callbacks->size) f->callbacks = keep->size ? keep : nullptr;
  return Value::small(len - keep->size + cleared);
}

static Result<Value> fut_cancel(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(clinic_args("cancel", a + 1, n - 1, kw, {"msg"}, 0, 0, -1, out));
  FutureObj* f = FUT(a[0]);
  TRY(ensure_alive(f));
  return Bool(TRY(future_cancel(f, out[0])));
}

static Result<Value> fut_cancelled(Value* a, int64_t, Tuple*) { return Bool(FUT(a[0])->state == CANCELLED); }
static Result<Value> fut_done(Value* a, int64_t, Tuple*) { return Bool(FUT(a[0])->state != PENDING); }
static Result<Value> fut_get_loop(Value* a, int64_t, Tuple*) {
  TRY(ensure_alive(FUT(a[0])));
  return FUT(a[0])->loop;
}
static Result<Value> fut_make_cancelled_error_m(Value* a, int64_t, Tuple*) {
  TRY(deps());
  Value e = future_make_cancelled_error(FUT(a[0]));
  if (!e) return ERR;
  return e;
}

struct FutureIter : Object {
  FutureObj* fut;  // null once exhausted, thrown into or closed
};

static Result<Value> fut_iter(Value* a, int64_t, Tuple*) {
  TRY(ensure_alive(FUT(a[0])));
  auto* it = static_cast<FutureIter*>(alloc_instance(tp_FutureIter, sizeof(FutureIter)));
  it->fut = FUT(a[0]);
  return Value(it);
}

// __del__: log an exception nobody retrieved through the loop's exception handler.
Result<Value> fut_del(Value* a, int64_t, Tuple*) {
  FutureObj* f = FUT(a[0]);
  if (!f->log_tb) return None();
  f->log_tb = false;
  Value saved = exc_fetch();
  Status st = [&]() -> Status {
    Dict* ctx = dict_new();
    std::string msg = std::string(f->type->name->view()) + " exception was never retrieved";
    TRY(dict_set(ctx, Value(AN.message), str_value(msg)));
    TRY(dict_set(ctx, Value(AN.exception), f->exception ? f->exception : None()));
    TRY(dict_set(ctx, Value(AN.future), a[0]));
    if (f->source_tb) TRY(dict_set(ctx, Value(AN.source_traceback), f->source_tb));
    Value h = TRY(getattr(f->loop, AN.call_exception_handler));
    if (call1(h, Value(ctx)).is_err()) report_unraisable("Exception ignored in: ", h, exc_fetch());
    return OK();
  }();
  if (st.is_err()) exc_clear();  // as CPython: only a failing handler is reported
  exc_restore(saved);
  return None();
}

// ---- attributes -------------------------------------------------------------------------------
static Value or_none(Value v) { return v ? v : None(); }
static Err not_writable(const char* name, Value self) {
  return raise_fmt(tp_AttributeError, "attribute '%s' of '_asyncio.%s' objects is not writable", name,
                   isinstance(self, tp_Task) ? "Task" : "Future");
}
static Err cannot_delete() { return raise(tp_AttributeError, "cannot delete attribute"); }

static Result<Value> g_state(Value s) {
  TRY(ensure_alive(FUT(s)));
  return state_name(FUT(s)->state);
}
static Result<Value> g_blocking(Value s) { return Bool(FUT(s)->blocking); }
static Status s_blocking(Value s, Value v) {
  if (!v) return cannot_delete();
  FUT(s)->blocking = TRY(truthy(v));
  return OK();
}
static Result<Value> g_loop(Value s) { return or_none(FUT(s)->loop); }
static Result<Value> g_callbacks(Value s) {
  FutureObj* f = FUT(s);
  TRY(ensure_alive(f));
  if (!f->callback0 && (!f->callbacks || f->callbacks->size == 0)) return None();
  List* l = list_new();
  if (f->callback0) TRY(list_append(l, Value(tuple_of({f->callback0, f->context0}))));
  if (f->callbacks)
    for (int64_t i = 0; i < f->callbacks->size; i++) TRY(list_append(l, f->callbacks->items[i]));
  return Value(l);
}
static Result<Value> g_result(Value s) {
  TRY(ensure_alive(FUT(s)));
  return or_none(FUT(s)->result);
}
static Result<Value> g_exception(Value s) {
  TRY(ensure_alive(FUT(s)));
  return or_none(FUT(s)->exception);
}
static Result<Value> g_log_traceback(Value s) {
  TRY(ensure_alive(FUT(s)));
  return Bool(FUT(s)->log_tb);
}
static Status s_log_traceback(Value s, Value v) {
  if (!v) return cannot_delete();
  if (TRY(truthy(v))) return raise(tp_ValueError, "_log_traceback can only be set to False");
  FUT(s)->log_tb = false;
  update_finalizer(FUT(s));
  return OK();
}
static Result<Value> g_source_traceback(Value s) { return or_none(FUT(s)->source_tb); }
static Result<Value> g_cancel_message(Value s) { return or_none(FUT(s)->cancel_msg); }
static Status s_cancel_message(Value s, Value v) {
  if (!v) return cannot_delete();
  FUT(s)->cancel_msg = is_none(v) ? Value() : v;
  return OK();
}
#define AIO_READONLY(field) \
  static Status s_##field(Value s, Value) { return not_writable(#field, s); }
AIO_READONLY(_state)
AIO_READONLY(_loop)
AIO_READONLY(_callbacks)
AIO_READONLY(_result)
AIO_READONLY(_exception)
AIO_READONLY(_source_traceback)
#undef AIO_READONLY

// ---- FutureIter -------------------------------------------------------------------------------
static Result<Value> fi_step(FutureIter* it, bool* exhausted) {
  FutureObj* f = it->fut;
  *exhausted = false;
  if (!f) {
    *exhausted = true;
    return ERR;
  }
  if (f->state == PENDING) {
    if (!f->blocking) {
      f->blocking = true;
      return Value(f);
    }
    return raise(tp_RuntimeError, "await wasn't used with future");
  }
  it->fut = nullptr;
  if (!f->loop) return raise_invalid_state("Future object is not initialized.");
  Value r;
  if (!TRY(future_outcome(f, &r))) return raise_value(r);
  return raise_stop_iteration(r);
}

static Result<Value> fi_next(Value* a, int64_t, Tuple*) {
  bool exhausted;
  Result<Value> r = fi_step(a[0].as<FutureIter>(), &exhausted);
  if (exhausted) return raise_stop_iteration(Value());
  return r;
}
static Result<Value> fi_send(Value* a, int64_t, Tuple*) {
  bool exhausted;
  Result<Value> r = fi_step(a[0].as<FutureIter>(), &exhausted);
  if (exhausted) return raise(tp_SystemError, "error return without exception set");
  return r;
}
static Result<Value> fi_throw(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("throw", kw));
  TRY(check_nargs("throw", n - 1, 1, 3));
  Value type = a[1];
  Value val = n > 2 && !is_none(a[2]) ? a[2] : Value();
  Value tb = n > 3 && !is_none(a[3]) ? a[3] : Value();
  if (tb && tb.type() != tp_traceback) return raise(tp_TypeError, "throw() third argument must be a traceback");
  Value exc;
  if (is_type(type) && is_subtype(as_type(type), tp_BaseException)) {
    if (val && isinstance(val, as_type(type))) {
      exc = val;
    } else {
      Result<Value> r = !val ? call0(type) : is_tuple(val) ? call(type, as_tuple(val)->items, as_tuple(val)->size)
                                                           : call1(type, val);
      if (r.is_err()) return ERR;
      exc = r.value();
      if (!is_exception(exc))
        return raise_fmt(tp_TypeError,
                         "calling %s should have returned an instance of BaseException, not %s",
                         TRY(repr(type))->data, type_name(exc));
    }
    if (tb) as_exc(exc)->traceback = tb;
  } else if (is_exception(type)) {
    if (val) return raise(tp_TypeError, "instance exception may not have a separate value");
    exc = type;
    if (tb) as_exc(exc)->traceback = tb;
  } else {
    return raise(tp_TypeError, "exceptions must be classes deriving BaseException or instances of such a class");
  }
  a[0].as<FutureIter>()->fut = nullptr;
  return raise_value(exc);
}
static Result<Value> fi_close(Value* a, int64_t, Tuple*) {
  a[0].as<FutureIter>()->fut = nullptr;
  return None();
}
static Result<Value> fi_iter(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> fi_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create '_asyncio.FutureIter' instances");
}

// ---- type tables ------------------------------------------------------------------------------
static const MethodDef fut_methods[] = {
    {"__new__", fut_new, MethKind::Static},
    {"__init__", fut_init},
    {"__repr__", fut_repr},
    {"__iter__", fut_iter},
    {"__await__", fut_iter},
    {"__del__", fut_del},
    {"result", fut_result, MethKind::NoArgs,
     "Return the result this future represents.\n\nIf the future has been cancelled, raises CancelledError.  If the\n"
     "future's result isn't yet available, raises InvalidStateError.  If\nthe future is done and has an exception "
     "set, this exception is raised."},
    {"exception", fut_exception, MethKind::NoArgs,
     "Return the exception that was set on this future.\n\nThe exception (or None if no exception was set) is "
     "returned only if\nthe future is done.  If the future has been cancelled, raises\nCancelledError.  If the "
     "future isn't done yet, raises\nInvalidStateError."},
    {"set_result", fut_set_result, MethKind::O,
     "Mark the future done and set its result.\n\nIf the future is already done when this method is called, "
     "raises\nInvalidStateError."},
    {"set_exception", fut_set_exception, MethKind::O,
     "Mark the future done and set an exception.\n\nIf the future is already done when this method is called, "
     "raises\nInvalidStateError."},
    {"add_done_callback", fut_add_done_callback, MethKind::Method,
     "Add a callback to be run when the future becomes done.\n\nThe callback is called with a single argument - the "
     "future object. If\nthe future is already done when this is called, the callback is\nscheduled with call_soon."},
    {"remove_done_callback", fut_remove_done_callback, MethKind::O,
     "Remove all instances of a callback from the \"call when done\" list.\n\nReturns the number of callbacks "
     "removed."},
    {"cancel", fut_cancel, MethKind::Method,
     "Cancel the future and schedule callbacks.\n\nIf the future is already done or cancelled, return False.  "
     "Otherwise,\nchange the future's state to cancelled, schedule the callbacks and\nreturn True."},
    {"cancelled", fut_cancelled, MethKind::NoArgs, "Return True if the future was cancelled."},
    {"done", fut_done, MethKind::NoArgs,
     "Return True if the future is done.\n\nDone means either that a result / exception are available, or that the\n"
     "future was cancelled."},
    {"get_loop", fut_get_loop, MethKind::NoArgs, "Return the event loop the Future is bound to."},
    {"_make_cancelled_error", fut_make_cancelled_error_m, MethKind::NoArgs,
     "Create the CancelledError to raise if the Future is cancelled.\n\nThis should only be called once when "
     "handling a cancellation since\nit erases the context exception value."},
    {"__class_getitem__", generic_class_getitem, MethKind::Class, "See PEP 585"},
    {nullptr, nullptr}};

static const GetSetDef fut_getsets[] = {
    {"_state", g_state, s__state},
    {"_asyncio_future_blocking", g_blocking, s_blocking},
    {"_loop", g_loop, s__loop},
    {"_callbacks", g_callbacks, s__callbacks},
    {"_result", g_result, s__result},
    {"_exception", g_exception, s__exception},
    {"_log_traceback", g_log_traceback, s_log_traceback},
    {"_source_traceback", g_source_traceback, s__source_traceback},
    {"_cancel_message", g_cancel_message, s_cancel_message},
    {nullptr, nullptr}};

static const MethodDef fi_methods[] = {{"__new__", fi_new, MethKind::Static},
                                       {"__iter__", fi_iter},
                                       {"__next__", fi_next},
                                       {"send", fi_send, MethKind::O},
                                       {"throw", fi_throw},
                                       {"close", fi_close, MethKind::NoArgs},
                                       {nullptr, nullptr}};

void init_future_types() {
  g_context_kw = tuple_of({Value(AN.context)});
  static Value* root = static_cast<Value*>(gc::alloc_uncollectable(sizeof(Value)));
  *root = Value(g_context_kw);
  tp_Future = native_type_new("_asyncio", "Future", tp_object, Layout::Other, sizeof(FutureObj), fut_methods,
                              fut_getsets);
  tp_Future->dict_offset = sizeof(Object);  // FutureObj::dict
  type_set_attr_const(
      tp_Future, "__doc__",
      str_value("This class is *almost* compatible with concurrent.futures.Future.\n\n    Differences:\n\n"
                "    - result() and exception() do not take a timeout argument and\n      raise an exception when "
                "the future isn't done yet.\n\n    - Callbacks registered with add_done_callback() are always "
                "called\n      via the event loop's call_soon_threadsafe().\n\n    - This class is not compatible "
                "with the wait() and as_completed()\n      methods in the concurrent.futures package."));
  type_modified(tp_Future);
  tp_FutureIter = native_type_new("_asyncio", "FutureIter", tp_object, Layout::Other, sizeof(FutureIter), fi_methods,
                                  nullptr, 0);
  type_modified(tp_FutureIter);
}

}  // namespace gilpy::aio
