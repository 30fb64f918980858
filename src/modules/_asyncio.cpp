// _asyncio: CPython 3.11's C accelerator of asyncio. asyncio/futures.py, tasks.py and events.py
// take Future, Task, the running-loop functions and the task registry from it when it exists.
// This file holds the module itself: the per-thread running loop, get_event_loop, the task
// registry (_all_tasks, _current_tasks and the functions over them) and the helpers shared by
// _asyncio_future.cpp and _asyncio_task.cpp (see _asyncio_internal.h for the object layout).
//
// The running loop is kept per OS thread in a LoopSlot: collector memory reachable from
// g_slots (so the loop stays alive), found through a thread_local cache keyed by the thread
// state's never-reused serial. The process id is cached and refreshed in a fork child, so
// the pid check CPython makes (a loop set before fork() is not running in the child) costs
// a compare instead of a system call.
#include "modules/_asyncio_internal.h"

#include <pthread.h>
#include <unistd.h>

#include <cstring>

#include "gc/heap.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy::aio {

Deps* g_deps;
Value g_all_tasks;
Value g_current_tasks;
AioNames AN;

// ---- argument parsing with Argument Clinic's messages ------------------------------------
Status clinic_args(const char* fname, Value* args, int64_t nargs, Tuple* kwnames,
                   std::initializer_list<const char*> names, int posonly, int required, int kwonly, Value* out) {
  int n = int(names.size());
  int maxpos = kwonly < 0 ? n : kwonly;
  int64_t nk = kwnames ? kwnames->size : 0;
  for (int i = 0; i < n; i++) out[i] = Value();
  if (nargs + nk > n)
    return raise_fmt(tp_TypeError, "%s() takes at most %d %sargument%s (%lld given)", fname, n,
                     nargs == 0 ? "keyword " : "", n == 1 ? "" : "s", (long long)(nargs + nk));
  if (nargs > maxpos) {
    if (maxpos == 0) return raise_fmt(tp_TypeError, "%s() takes no positional arguments", fname);
    int minpos = required < maxpos ? required : maxpos;
    return raise_fmt(tp_TypeError, "%s() takes %s %d positional argument%s (%lld given)", fname,
                     minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", (long long)nargs);
  }
  if (nargs < posonly && nargs < required) {
    int minpos = required < posonly ? required : posonly;
    return raise_fmt(tp_TypeError, "%s() takes %s %d positional argument%s (%lld given)", fname,
                     minpos < maxpos ? "at least" : "exactly", minpos, minpos == 1 ? "" : "s", (long long)nargs);
  }
  for (int64_t i = 0; i < nargs; i++) out[i] = args[i];
  for (int64_t k = 0; k < nk; k++) {
    Str* kn = as_str(kwnames->items[k]);
    int idx = 0;
    bool found = false;
    for (const char* nm : names) {
      if (idx >= posonly && std::strcmp(nm, kn->data) == 0) {
        found = true;
        break;
      }
      idx++;
    }
    if (!found) return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for %s()", kn->data, fname);
    if (out[idx])
      return raise_fmt(tp_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, kn->data,
                       idx + 1);
    out[idx] = args[nargs + k];
  }
  int idx = 0;
  for (const char* nm : names) {
    if (idx < required && !out[idx])
      return raise_fmt(tp_TypeError, "%s() missing required argument '%s' (pos %d)", fname, nm, idx + 1);
    idx++;
  }
  return OK();
}

// ---- lazily resolved Python dependencies ----------------------------------------------------
static Result<Value> attr_of(const char* module, const char* name) {
  Value m = TRY(import_module(str_intern(module)));
  return getattr(m, str_intern(name));
}

Status load_deps() {
  Deps d{};
  d.get_event_loop_policy = TRY(attr_of("asyncio.events", "get_event_loop_policy"));
  d.future_repr = TRY(attr_of("asyncio.base_futures", "_future_repr"));
  d.task_repr = TRY(attr_of("asyncio.base_tasks", "_task_repr"));
  d.task_get_stack = TRY(attr_of("asyncio.base_tasks", "_task_get_stack"));
  d.task_print_stack = TRY(attr_of("asyncio.base_tasks", "_task_print_stack"));
  d.invalid_state_error = TRY(attr_of("asyncio.exceptions", "InvalidStateError"));
  d.cancelled_error = TRY(attr_of("asyncio.exceptions", "CancelledError"));
  d.iscoroutine = TRY(attr_of("asyncio.coroutines", "iscoroutine"));
  d.extract_stack = TRY(attr_of("traceback", "extract_stack"));
  d.copy_context = TRY(attr_of("_contextvars", "copy_context"));
  d.ready = true;
  *g_deps = d;
  return OK();
}

// ---- the running loop -----------------------------------------------------------------------
struct LoopSlot {
  uint64_t serial;  // owning thread's ThreadState::serial
  Value loop;       // null: none
  pid_t pid;
};
static gc::Vector<LoopSlot*>* g_slots;  // static data: the slots and their loops stay alive
static pid_t g_pid;
static thread_local LoopSlot* t_slot;    // also in g_slots
static thread_local uint64_t t_slot_key;  // serial + 1 of the thread t_slot was found for; 0: none

static void after_fork_child() { g_pid = getpid(); }

static LoopSlot* find_slot(ThreadState* t) {
  uint64_t key = t->serial + 1;
  if (t_slot_key == key && (!t_slot || t_slot->serial == t->serial)) return t_slot;
  LoopSlot* found = nullptr;
  for (LoopSlot* s : *g_slots)
    if (s->serial == t->serial && s->loop) {
      found = s;
      break;
    }
  t_slot = found;
  t_slot_key = key;
  return found;
}

static Value running_loop() {
  LoopSlot* s = find_slot(t_ts);
  if (s && s->loop && s->pid == g_pid) return s->loop;
  return Value();
}

static void set_running_loop(Value loop) {
  ThreadState* t = t_ts;
  LoopSlot* s = find_slot(t);
  if (!s) {
    if (!loop) return;
    for (LoopSlot* c : *g_slots)
      if (!c->loop) {  // free: its thread set None (or ended after doing so)
        s = c;
        break;
      }
    if (!s) {
      s = gc::make<LoopSlot>();
      g_slots->push_back(s);
    }
    s->serial = t->serial;
  }
  s->loop = loop;
  s->pid = g_pid;
  t_slot = loop ? s : nullptr;
  t_slot_key = t->serial + 1;
}

Result<Value> get_event_loop() {
  Value loop = running_loop();
  if (loop) return loop;
  TRY(deps());
  Value policy = TRY(call0(g_deps->get_event_loop_policy));
  return call_method0(policy, str_intern("get_event_loop"));
}

static Result<Value> m_get_running_loop(Value*, int64_t, Tuple*) {
  Value loop = running_loop();
  if (!loop) return raise(tp_RuntimeError, "no running event loop");
  return loop;
}
static Result<Value> m__get_running_loop(Value*, int64_t, Tuple*) {
  Value loop = running_loop();
  return loop ? loop : None();
}
static Result<Value> m__set_running_loop(Value* a, int64_t, Tuple*) {
  set_running_loop(is_none(a[0]) ? Value() : a[0]);
  return None();
}
static Result<Value> m_get_event_loop(Value*, int64_t, Tuple*) { return get_event_loop(); }
static Result<Value> m__get_event_loop(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(clinic_args("_get_event_loop", a, n, kw, {"stacklevel"}, 0, 0, -1, out));
  if (out[0]) TRY(as_c_int(out[0]));  // accepted and ignored, as in CPython 3.11.1+
  return get_event_loop();
}

// ---- the task registry ----------------------------------------------------------------------
Status register_task(Value task) {
  TRY(call_method1(g_all_tasks, AN.add, task));
  return OK();
}

Status enter_task(Value loop, Value task) {
  Dict* cur = as_dict(g_current_tasks);
  Value item;
  TRY(dict_get2(cur, loop, &item));
  if (item) {
    Str* tr = TRY(repr(task));
    Str* ir = TRY(repr(item));
    return raise_fmt(tp_RuntimeError, "Cannot enter into task %s while another task %s is being executed.", tr->data,
                     ir->data);
  }
  return dict_set(cur, loop, task);
}

Status leave_task(Value loop, Value task) {
  Dict* cur = as_dict(g_current_tasks);
  Value item;
  TRY(dict_get2(cur, loop, &item));
  if (item != task) {
    Str* tr = TRY(repr(task));
    Str* ir = TRY(repr(item ? item : None()));
    return raise_fmt(tp_RuntimeError, "Leaving task %s does not match the current task %s.", tr->data, ir->data);
  }
  TRY(dict_del(cur, loop));
  return OK();
}

static Result<Value> m__register_task(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(clinic_args("_register_task", a, n, kw, {"task"}, 0, 1, -1, out));
  TRY(register_task(out[0]));
  return None();
}
static Result<Value> m__unregister_task(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(clinic_args("_unregister_task", a, n, kw, {"task"}, 0, 1, -1, out));
  TRY(call_method1(g_all_tasks, AN.discard, out[0]));
  return None();
}
static Result<Value> m__enter_task(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(clinic_args("_enter_task", a, n, kw, {"loop", "task"}, 0, 2, -1, out));
  TRY(enter_task(out[0], out[1]));
  return None();
}
static Result<Value> m__leave_task(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(clinic_args("_leave_task", a, n, kw, {"loop", "task"}, 0, 2, -1, out));
  TRY(leave_task(out[0], out[1]));
  return None();
}

static const MethodDef functions[] = {
    {"get_running_loop", m_get_running_loop, MethKind::NoArgs,
     "Return the running event loop.  Raise a RuntimeError if there is none.\n\nThis function is thread-specific."},
    {"_get_running_loop", m__get_running_loop, MethKind::NoArgs,
     "Return the running event loop or None.\n\nThis is a low-level function intended to be used by event loops.\n"
     "This function is thread-specific."},
    {"_set_running_loop", m__set_running_loop, MethKind::O,
     "Set the running event loop.\n\nThis is a low-level function intended to be used by event loops.\n"
     "This function is thread-specific."},
    {"get_event_loop", m_get_event_loop, MethKind::NoArgs,
     "Return an asyncio event loop.\n\nWhen called from a coroutine or a callback (e.g. scheduled with\n"
     "call_soon or similar API), this function will always return the\nrunning event loop.\n\n"
     "If there is no running event loop set, the function will return\nthe result of "
     "`get_event_loop_policy().get_event_loop()` call."},
    {"_get_event_loop", m__get_event_loop},
    {"_register_task", m__register_task, MethKind::Method,
     "Register a new task in asyncio as executed by loop.\n\nReturns None."},
    {"_unregister_task", m__unregister_task, MethKind::Method, "Unregister a task.\n\nReturns None."},
    {"_enter_task", m__enter_task, MethKind::Method,
     "Enter into task execution or resume suspended task.\n\nTask belongs to loop.\n\nReturns None."},
    {"_leave_task", m__leave_task, MethKind::Method,
     "Leave task execution or suspend a task.\n\nTask belongs to loop.\n\nReturns None."},
    {nullptr, nullptr}};

static Result<Value> init() {
  static bool once = false;
  if (!once) {
    once = true;
    g_deps = static_cast<Deps*>(gc::alloc_uncollectable(sizeof(Deps)));
    g_slots = gc::make<gc::Vector<LoopSlot*>>();
    g_pid = getpid();
    pthread_atfork(nullptr, nullptr, after_fork_child);
#define AIO_NAME(f) AN.f = str_intern(#f);
    AIO_NAME(call_soon) AIO_NAME(context) AIO_NAME(get_debug) AIO_NAME(get_loop) AIO_NAME(_loop)
    AIO_NAME(add_done_callback) AIO_NAME(cancel) AIO_NAME(result) AIO_NAME(_asyncio_future_blocking)
    AIO_NAME(call_exception_handler) AIO_NAME(message) AIO_NAME(exception) AIO_NAME(future) AIO_NAME(task)
    AIO_NAME(source_traceback) AIO_NAME(send) AIO_NAME(add) AIO_NAME(discard)
#undef AIO_NAME
    init_future_types();
    init_task_types();
  }
  Module* m = native_module_new("_asyncio", functions, "Accelerator module for asyncio");
  // _all_tasks is a weakref.WeakSet, as tasks.py's own; _current_tasks a plain dict.
  Value weakset = TRY(attr_of("_weakrefset", "WeakSet"));
  g_all_tasks = TRY(call0(weakset));
  g_current_tasks = Value(dict_new());
  dict_set_str(m->dict, str_intern("Future"), Value(tp_Future));
  dict_set_str(m->dict, str_intern("Task"), Value(tp_Task));
  dict_set_str(m->dict, str_intern("_all_tasks"), g_all_tasks);
  dict_set_str(m->dict, str_intern("_current_tasks"), g_current_tasks);
  return Value(m);
}

}  // namespace gilpy::aio

namespace gilpy {
GILPY_NATIVE_MODULE("_asyncio", aio::init);
}
