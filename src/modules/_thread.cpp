// _thread: OS threads, locks and thread identity: what CPython's threading.py
// and queue.py run on.
//
// A lock is a flag guarded by its own pthread mutex and condition variable.
// Waiting for it happens without the GIL (gil::ReleaseGil). The main thread
// waits in short slices and leaves the wait when a signal is pending, runs
// the handlers with the GIL, and then waits again, so Ctrl-C reaches a main
// thread stuck in join() or a lock acquire (as in CPython).
#include <csignal>
#include <cstdio>
#include <gc/gc.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <ctime>
#include <string>

#include "objects/code.h"
#include "objects/dict.h"
#include "gc/heap.h"
#include "objects/frame.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/structseq.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/finalizers.h"
#include "runtime/gil.h"
#include "runtime/gil_events.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/gil_outputs.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"

namespace gilpy {

// CPython's _thread.TIMEOUT_MAX on Linux (PY_TIMEOUT_MAX / 1e6).
static constexpr double kTimeoutMax = 9223372036.0;

struct Lock : Object {
  Dict* dict;
  pthread_mutex_t mu;    // guards the fields below; zero bytes are PTHREAD_MUTEX_INITIALIZER
  pthread_cond_t cv;     // zero bytes are PTHREAD_COND_INITIALIZER (CLOCK_REALTIME)
  bool locked;
  int64_t owner;         // RLock: owning thread ident
  int64_t count;         // RLock: recursion count
};

static Type* tp_lock;
static Type* tp_rlock;
static int64_t g_stack_size = 0;  // threading.stack_size(); 0: the system default

static int64_t current_ident() { return int64_t(pthread_self()); }

static double monotonic_now() {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

static struct timespec to_timespec(double t) {
  struct timespec ts;
  ts.tv_sec = time_t(t);
  ts.tv_nsec = long((t - double(ts.tv_sec)) * 1e9);
  if (ts.tv_nsec >= 1000000000) {
    ts.tv_sec += 1;
    ts.tv_nsec -= 1000000000;
  }
  return ts;
}

static bool try_take(Lock* l) {
  pthread_mutex_lock(&l->mu);
  bool got = !l->locked;
  l->locked = true;
  pthread_mutex_unlock(&l->mu);
  return got;
}

enum class Wait { Acquired, TimedOut, Interrupted, Idle };

// A wait this long means the program may be idle, waiting for something
// only a collection would do (gc_idle_collect in runtime/finalizers.h).
constexpr double kIdleCollectAfter = 1.0;

// The wait proper, without the GIL: only the lock's own fields are touched.
// Returns Idle once `idle_at` has passed (never when it is negative).
static Wait wait_without_gil(Lock* l, double deadline, double idle_at, bool main, gil::Block what) {
  gil::ReleaseGil nogil(what);
  pthread_mutex_lock(&l->mu);
  Wait result = Wait::Acquired;
  while (l->locked) {
    double t = monotonic_now();
    if (deadline >= 0 && t >= deadline) {
      result = Wait::TimedOut;
      break;
    }
    if (idle_at >= 0 && t >= idle_at) {
      result = Wait::Idle;
      break;
    }
    if (main && (g_eval_breaker.load(std::memory_order_relaxed) & EB_SIGNALS)) {
      result = Wait::Interrupted;
      break;
    }
    // The main thread wakes every 20 ms to look for signals: a signal may be
    // delivered to another thread and never interrupt this wait.
    double until = main ? t + 0.02 : t + 3600;
    if (deadline >= 0 && deadline < until) until = deadline;
    if (idle_at >= 0 && idle_at < until) until = idle_at;
    struct timespec ts = to_timespec(until);
    gc::blocking_region([&] { pthread_cond_clockwait(&l->cv, &l->mu, CLOCK_MONOTONIC, &ts); });
  }
  if (result == Wait::Acquired) l->locked = true;
  pthread_mutex_unlock(&l->mu);
  return result;
}

// What a waiting thread is blocked in, for the GIL's statistics: a lock
// waited on by threading's join() or by queue's condition is reported as such.
static bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}
static gil::Block block_kind() {
  if (!gil::recording()) return gil::Block::Lock;  // only the recording looks at it
  int depth = 0;
  for (Frame* f = t_ts->frame; f && depth < 4; f = f->back, depth++) {
    std::string_view file = f->code->filename->view();
    std::string_view name = f->code->name->view();
    if (ends_with(file, "/threading.py") && (name == "_wait_for_tstate_lock" || name == "join")) return gil::Block::Join;
    if (ends_with(file, "/queue.py") || ends_with(file, "/multiprocessing/queues.py")) return gil::Block::Queue;
  }
  return gil::Block::Lock;
}

// Take the lock, waiting up to `timeout` seconds (forever when negative).
// Returns false on timeout; ERR if a signal handler raised while waiting.
static Result<bool> wait_acquire(Lock* l, bool blocking, double timeout) {
  if (try_take(l)) return true;
  if (!blocking) return false;
  const double start = monotonic_now();
  double deadline = timeout < 0 ? -1 : start + timeout;
  double idle_at = deadline >= 0 && deadline <= start + kIdleCollectAfter ? -1 : start + kIdleCollectAfter;
  const bool main = is_main_thread();
  gil::Block what = block_kind();
  for (;;) {
    switch (wait_without_gil(l, deadline, idle_at, main, what)) {
      case Wait::Acquired: return true;
      case Wait::TimedOut: return false;
      case Wait::Interrupted: TRY(check_signals()); break;
      case Wait::Idle:
        idle_at = -1;  // once per wait
        gc_idle_collect();
        TRY(check_signals());
        break;
    }
  }
}

static void release_raw(Lock* l) {
  pthread_mutex_lock(&l->mu);
  l->locked = false;
  pthread_cond_signal(&l->cv);
  pthread_mutex_unlock(&l->mu);
}

static bool is_locked(Lock* l) {
  pthread_mutex_lock(&l->mu);
  bool v = l->locked;
  pthread_mutex_unlock(&l->mu);
  return v;
}

static Result<std::pair<bool, double>> acquire_args(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("acquire", a + 1, n - 1, kw, {"blocking", "timeout"}, 0, out));
  bool blocking = out[0] ? TRY(truthy(out[0])) : true;
  double timeout = out[1] ? TRY(to_double(out[1])) : -1.0;
  if (!blocking && timeout != -1.0) return raise(tp_ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout != -1.0) return raise(tp_ValueError, "timeout value must be positive");
  if (timeout > kTimeoutMax) return raise(tp_OverflowError, "timeout value is too large");
  return std::make_pair(blocking, timeout);
}

static Result<Value> lock_new(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("lock", n - 1, 0, 0));
  return Value(alloc_instance(tp_lock, sizeof(Lock)));
}
static Result<Value> lock_acquire(Value* a, int64_t n, Tuple* kw) {
  auto args = TRY(acquire_args(a, n, kw));
  bool ok = TRY(wait_acquire(a[0].as<Lock>(), args.first, args.second));
  return Bool(ok);
}
static Result<Value> lock_release(Value* a, int64_t, Tuple*) {
  Lock* l = a[0].as<Lock>();
  pthread_mutex_lock(&l->mu);
  bool was = l->locked;
  l->locked = false;
  if (was) pthread_cond_signal(&l->cv);
  pthread_mutex_unlock(&l->mu);
  if (!was) return raise(tp_RuntimeError, "release unlocked lock");
  return None();
}
static Result<Value> lock_exit(Value* a, int64_t n, Tuple*) { return lock_release(a, 1, nullptr); }
static Result<Value> lock_locked(Value* a, int64_t, Tuple*) { return Bool(is_locked(a[0].as<Lock>())); }
static Result<Value> lock_at_fork(Value* a, int64_t, Tuple*) {
  Lock* l = a[0].as<Lock>();
  pthread_mutex_init(&l->mu, nullptr);
  pthread_cond_init(&l->cv, nullptr);
  l->locked = false;
  return None();
}
static Result<Value> lock_repr(Value* a, int64_t, Tuple*) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "<%s _thread.lock object at %#llx>", is_locked(a[0].as<Lock>()) ? "locked" : "unlocked",
                (unsigned long long)a[0].bits());
  return Value(str_new(buf));
}

static Result<Value> rlock_new(Value* a, int64_t n, Tuple*) {
  return Value(alloc_instance(as_type(a[0]), sizeof(Lock)));
}
static Result<Value> rlock_acquire(Value* a, int64_t n, Tuple* kw) {
  Lock* l = a[0].as<Lock>();
  auto args = TRY(acquire_args(a, n, kw));
  int64_t me = current_ident();
  if (l->count > 0 && l->owner == me) {
    l->count++;
    return True();
  }
  bool ok = TRY(wait_acquire(l, args.first, args.second));
  if (ok) {
    l->owner = me;
    l->count = 1;
  }
  return Bool(ok);
}
static Result<Value> rlock_release(Value* a, int64_t, Tuple*) {
  Lock* l = a[0].as<Lock>();
  if (l->count == 0 || l->owner != current_ident()) return raise(tp_RuntimeError, "cannot release un-acquired lock");
  if (--l->count == 0) {
    l->owner = 0;
    release_raw(l);
  }
  return None();
}
static Result<Value> rlock_exit(Value* a, int64_t, Tuple*) { return rlock_release(a, 1, nullptr); }
static Result<Value> rlock_is_owned(Value* a, int64_t, Tuple*) {
  Lock* l = a[0].as<Lock>();
  return Bool(l->count > 0 && l->owner == current_ident());
}
static Result<Value> rlock_release_save(Value* a, int64_t, Tuple*) {
  Lock* l = a[0].as<Lock>();
  if (l->count == 0) return raise(tp_RuntimeError, "cannot release un-acquired lock");
  Value state = Value(tuple_of({int_from_i64(l->count), int_from_i64(l->owner)}));
  l->count = 0;
  l->owner = 0;
  release_raw(l);
  return state;
}
static Result<Value> rlock_acquire_restore(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_acquire_restore", n - 1, 1, 1));
  Lock* l = a[0].as<Lock>();
  if (!is_tuple(a[1]) || as_tuple(a[1])->size != 2) return raise(tp_TypeError, "_acquire_restore expects a (count, owner) tuple");
  TRY(wait_acquire(l, true, -1));
  l->count = TRY(int_as_i64(as_tuple(a[1])->items[0]));
  l->owner = TRY(int_as_i64(as_tuple(a[1])->items[1]));
  return None();
}
static Result<Value> rlock_repr(Value* a, int64_t, Tuple*) {
  Lock* l = a[0].as<Lock>();
  char buf[160];
  std::snprintf(buf, sizeof buf, "<%s %s.%s object owner=%lld count=%lld at %#llx>", l->count ? "locked" : "unlocked",
                "_thread", "RLock", (long long)(l->count ? l->owner : 0), (long long)l->count,
                (unsigned long long)a[0].bits());
  return Value(str_new(buf));
}

// ---- module functions ----------------------------------------------------------------
static Result<Value> t_allocate_lock(Value*, int64_t, Tuple*) { return Value(alloc_instance(tp_lock, sizeof(Lock))); }
static Result<Value> t_get_ident(Value*, int64_t, Tuple*) { return int_from_u64(uint64_t(current_ident())); }
static Result<Value> t_get_native_id(Value*, int64_t, Tuple*) { return int_from_i64(int64_t(syscall(SYS_gettid))); }
static Result<Value> t_count(Value*, int64_t, Tuple*) { return Value::small(gil::thread_count() - 1); }
static Result<Value> t_stack_size(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("stack_size", n, 0, 1));
  int64_t old = g_stack_size;
  if (n == 1) {
    int64_t s = TRY(as_index(a[0]));
    if (s < 0) return raise(tp_ValueError, "size must be 0 or a positive value");
    if (s != 0 && s < 32768) return raise_fmt(tp_ValueError, "size not valid: %lld bytes", (long long)s);
    g_stack_size = s;
  }
  return int_from_i64(old);
}
// ---- threads ------------------------------------------------------------------------
// What a new thread needs; uncollectable so that the collector keeps the
// callable alive until the thread has copied it to its own stack.
struct Boot {
  ThreadState* ts;
  Value func;
  Tuple* args;
  Dict* kwargs;
};

static void drop_thread_locals(ThreadState* t);

static void* thread_main(void* p) {
  Boot* boot = static_cast<Boot*>(p);
  ThreadState* t = boot->ts;
  thread_state_attach(t, nullptr);
  gil::maybe_record(t, gil::Ev::Start);
  gil::acquire(t);
  Value func = boot->func;
  Tuple* args = boot->args;
  Dict* kwargs = boot->kwargs;
  GC_FREE(boot);
  Result<Value> r = call_ex(func, args, kwargs);
  if (r.is_err()) {
    Value exc = exc_fetch();
    // SystemExit ends the thread quietly; anything else is reported the way
    // CPython reports it (threading.Thread catches its own exceptions first).
    if (!isinstance(exc, tp_SystemExit)) report_unraisable("Exception ignored in thread started by: ", func, exc);
  }
  if (is_main_thread()) {
    // This thread forked, so in the child it is the main thread. In CPython
    // the child then lives until its last thread ends and exits with status
    // 0, without Python's atexit. Here returning would leave the collector's
    // helper threads running a process without a main thread: wait for the
    // other Python threads (without the GIL), then end the process.
    while (gil::thread_count() > 1) {
      gil::ReleaseGil nogil(gil::Block::Join);
      ::usleep(1000);
    }
    std::fflush(nullptr);
    write_gil_outputs();
    ::_exit(0);
  }
  drop_thread_locals(t);
  if (t->sentinel) release_raw(static_cast<Lock*>(t->sentinel));
  gil::thread_finished();
  if (gil::recording()) {
    gil::record(t, gil::Ev::Release, uint8_t(uint8_t(gil::Reason::ThreadEnd) << 4));
    gil::record(t, gil::Ev::End);
  }
  thread_state_delete(t);  // unlinks (GIL held) and frees; t is dead below
  gil::release(nullptr, gil::Reason::ThreadEnd);
  return nullptr;
}

// The name the GIL's records use for a new thread: threading starts its
// threads with the Thread's bound _bootstrap method, whose Thread has a name.
static std::string thread_name_for(Value func, ThreadState* t) {
  Value self, name;
  // Only a bound method has a __self__ worth asking for (asking a plain
  // function would make, and drop, an AttributeError holding it).
  if (func.type() == tp_method && getattr_opt(func, str_intern("__self__"), &self).is_err()) exc_clear();
  if (self && !is_none(self)) {
    if (getattr_opt(self, N.name, &name).is_err()) exc_clear();
    if (name && is_str(name)) return std::string(as_str(name)->view());
  }
  return "thread-" + std::to_string(t->serial);
}

static Result<Value> t_start_new_thread(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("start_new_thread", kw));
  TRY(check_nargs("start_new_thread", n, 2, 3));
  if (!is_callable(a[0])) return raise(tp_TypeError, "first arg must be callable");
  if (!is_tuple(a[1])) return raise(tp_TypeError, "2nd arg must be a tuple");
  if (n > 2 && !is_dict(a[2])) return raise(tp_TypeError, "optional 3rd arg must be a dictionary");
  Boot* boot = static_cast<Boot*>(gc::alloc_uncollectable(sizeof(Boot)));
  ThreadState* t = thread_state_new();
  t->set_name(thread_name_for(a[0], t));
  boot->ts = t;
  boot->func = a[0];
  boot->args = as_tuple(a[1]);
  boot->kwargs = n > 2 ? as_dict(a[2]) : nullptr;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (g_stack_size > 0) pthread_attr_setstacksize(&attr, size_t(g_stack_size));
  gil::thread_started();
  pthread_t tid;
  int e = GC_pthread_create(&tid, &attr, thread_main, boot);
  pthread_attr_destroy(&attr);
  if (e != 0) {
    gil::thread_finished();
    thread_state_delete(t);
    GC_FREE(boot);
    return raise(tp_RuntimeError, "can't start new thread");
  }
  // The new thread stores the same value in its state when it starts.
  return int_from_u64(uint64_t(tid));
}

static Result<Value> t_interrupt_main(Value* a, int64_t n, Tuple* kw) {
  extern void trip_signal(int);
  Value out[1];
  TRY(parse_args("interrupt_main", a, n, kw, {"signum"}, 0, out));
  int64_t sig = out[0] ? TRY(as_index(out[0])) : 2;
  if (sig < 1 || sig >= NSIG) return raise(tp_ValueError, "signal number out of range");
  trip_signal(int(sig));
  return None();
}
// A lock tied to the calling thread's state: threading acquires it at once
// and the runtime releases it when the thread's state goes away, which is
// what threading's join() waits for.
static Result<Value> t_set_sentinel(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("_set_sentinel", n, 0, 0));
  Lock* l = static_cast<Lock*>(alloc_instance(tp_lock, sizeof(Lock)));
  ts()->sentinel = l;
  return Value(l);
}
static Result<Value> t_daemon_threads_allowed(Value*, int64_t, Tuple*) { return True(); }
static Result<Value> t_excepthook(Value* a, int64_t n, Tuple*) {
  // threading.excepthook's native default: print "Exception in thread ..." via traceback.
  TRY(check_nargs("_excepthook", n, 1, 1));
  Value exc_type = TRY(getattr_str(a[0], "exc_type"));
  if (exc_type == Value(tp_SystemExit)) return None();
  Value exc = TRY(getattr_str(a[0], "exc_value"));
  Value thread = TRY(getattr_str(a[0], "thread"));
  Value err = sys_get(N.stderr);
  if (!err || is_none(err)) {
    // sys.stderr is gone: CPython writes to the stderr the Thread saved when
    // it was created, or nowhere.
    if (!is_none(thread)) TRY(getattr_opt(thread, str_intern("_stderr"), &err));
    if (!err || is_none(err)) return None();
  }
  std::string name = "<unknown>";
  if (!is_none(thread)) {
    Value nm;
    TRY(getattr_opt(thread, N.name, &nm));
    if (nm) name = std::string(TRY(str(nm))->view());
  } else {
    name = std::to_string(current_ident());
  }
  TRY(call_method1(err, N.write, str_value("Exception in thread " + name + ":\n")));
  extern std::string format_exception(Value exc);
  TRY(call_method1(err, N.write, str_value(format_exception(exc))));
  TRY(call_method0(err, N.flush));
  return None();
}

static const MethodDef lock_methods[] = {
    {"__new__", lock_new, MethKind::Static}, {"acquire", lock_acquire}, {"acquire_lock", lock_acquire},
    {"__enter__", lock_acquire}, {"release", lock_release}, {"release_lock", lock_release},
    {"__exit__", lock_exit}, {"locked", lock_locked}, {"locked_lock", lock_locked},
    {"_at_fork_reinit", lock_at_fork}, {"__repr__", lock_repr}, {nullptr, nullptr}};
static const MethodDef rlock_methods[] = {
    {"__new__", rlock_new, MethKind::Static}, {"acquire", rlock_acquire}, {"__enter__", rlock_acquire},
    {"release", rlock_release}, {"__exit__", rlock_exit}, {"_is_owned", rlock_is_owned},
    {"_release_save", rlock_release_save}, {"_acquire_restore", rlock_acquire_restore},
    {"_at_fork_reinit", lock_at_fork}, {"__repr__", rlock_repr}, {nullptr, nullptr}};
static const MethodDef functions[] = {
    {"allocate_lock", t_allocate_lock}, {"allocate", t_allocate_lock}, {"get_ident", t_get_ident},
    {"get_native_id", t_get_native_id}, {"_count", t_count}, {"stack_size", t_stack_size},
    {"start_new_thread", t_start_new_thread}, {"start_new", t_start_new_thread},
    {"interrupt_main", t_interrupt_main}, {"_set_sentinel", t_set_sentinel},
    {"daemon_threads_allowed", t_daemon_threads_allowed}, {"_excepthook", t_excepthook}, {nullptr, nullptr}};

// ---- _thread._local ------------------------------------------------------------------
// Each thread sees its own attribute dict. The object keeps one dict per
// thread (keyed by the never-reused ThreadState serial) and, before every
// attribute operation, points its __dict__ slot at the calling thread's dict;
// under the GIL nothing can run between the switch and the generic lookup's
// read of the slot. A thread's first access makes its dict and calls
// __init__ with the constructor's arguments, as CPython does. When a thread
// ends its dicts are dropped.
struct Local : Object {
  Dict* dict;        // the current thread's dict (the __dict__ slot)
  Dict* per_thread;  // serial -> dict
  Tuple* args;       // constructor arguments, replayed for each new thread
  Dict* kwargs;
};
static Type* tp_local;

static Result<Value> local_new(Value* a, int64_t n, Tuple* kw) {
  Type* t = as_type(a[0]);
  if ((n > 1 || (kw && kw->size)) && type_lookup(t, N.__init__) == dict_get_str(tp_object->dict, N.__init__))
    return raise(tp_TypeError, "Initialization arguments are not supported");
  Local* l = static_cast<Local*>(alloc_instance(t, sizeof(Local)));
  l->per_thread = dict_new();
  l->dict = dict_new();
  l->args = tuple_new(n - 1);
  for (int64_t i = 1; i < n; i++) l->args->items[i - 1] = a[i];
  l->kwargs = dict_new();
  if (kw)
    for (int64_t i = 0; i < kw->size; i++) TRY(dict_set(l->kwargs, kw->items[i], a[n + i]));
  // The creating thread's dict is the one __init__ (called by type_call) fills.
  TRY(dict_set(l->per_thread, int_from_u64(ts()->serial), Value(l->dict)));
  ThreadState* me = ts();
  if (!me->locals) me->locals = Value(list_new(0));
  TRY(list_append(as_list(me->locals), Value(l)));
  return Value(l);
}

// Point the __dict__ slot at this thread's dict, creating it (and running
// __init__) on the thread's first access.
static Status local_select(Local* l) {
  ThreadState* me = ts();
  Value key = int_from_u64(me->serial);
  Value d;
  TRY(dict_get2(l->per_thread, key, &d));
  if (d) {
    l->dict = as_dict(d);
    return OK();
  }
  Dict* nd = dict_new();
  TRY(dict_set(l->per_thread, key, Value(nd)));
  if (!me->locals) me->locals = Value(list_new(0));
  TRY(list_append(as_list(me->locals), Value(l)));
  l->dict = nd;
  Value init = type_lookup(Value(l).type(), N.__init__);
  if (init && init != dict_get_str(tp_object->dict, N.__init__)) {
    gc::Vector<Value> argv;
    argv.push_back(Value(l));
    for (int64_t i = 0; i < l->args->size; i++) argv.push_back(l->args->items[i]);
    Tuple* names = nullptr;
    if (l->kwargs->used) {
      names = tuple_new(l->kwargs->used);
      int64_t pos = 0, i = 0;
      Value k, v;
      while (dict_next(l->kwargs, &pos, &k, &v)) {
        names->items[i++] = k;
        argv.push_back(v);
      }
    }
    TRY(call(init, argv.data(), int64_t(argv.size()) - (names ? names->size : 0), names));
    l->dict = nd;  // __init__ may have run other threads' accesses
  }
  return OK();
}

static Result<Value> local_getattribute(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getattribute__", n - 1, 1, 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  TRY(local_select(a[0].as<Local>()));
  return generic_getattr(a[0], as_str(a[1]), false);
}
static Result<Value> local_setattr(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setattr__", n - 1, 2, 2));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  TRY(local_select(a[0].as<Local>()));
  TRY(generic_setattr(a[0], as_str(a[1]), a[2]));
  return None();
}
static Result<Value> local_delattr(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__delattr__", n - 1, 1, 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  TRY(local_select(a[0].as<Local>()));
  TRY(generic_setattr(a[0], as_str(a[1]), Value()));
  return None();
}
static const MethodDef local_methods[] = {{"__new__", local_new, MethKind::Static},
                                          {"__getattribute__", local_getattribute},
                                          {"__setattr__", local_setattr},
                                          {"__delattr__", local_delattr},
                                          {nullptr, nullptr}};

static void drop_thread_locals(ThreadState* t) {
  if (!t->locals) return;
  List* ls = as_list(t->locals);
  Value key = int_from_u64(t->serial);
  for (int64_t i = 0; i < ls->size; i++) {
    Local* l = ls->items[i].as<Local>();
    if (dict_del(l->per_thread, key).is_err()) exc_clear();
  }
  t->locals = Value();
}

static Result<Value> init() {
  Module* m = native_module_new("_thread", functions);
  tp_lock = native_type_new("_thread", "lock", tp_object, Layout::Other, sizeof(Lock), lock_methods, nullptr, 0);
  tp_rlock = native_type_new("_thread", "RLock", tp_object, Layout::Other, sizeof(Lock), rlock_methods, nullptr);
  Type* local = native_type_new("_thread", "_local", tp_object, Layout::Object, sizeof(Local), local_methods, nullptr);
  local->dict_offset = sizeof(Object);  // Local::dict comes first
  tp_local = local;
  extern const GetSetDef instance_dict_getset[];
  type_add_getsets(local, instance_dict_getset);
  dict_set_str(m->dict, str_intern("LockType"), Value(tp_lock));
  dict_set_str(m->dict, str_intern("lock"), Value(tp_lock));
  dict_set_str(m->dict, str_intern("RLock"), Value(tp_rlock));
  dict_set_str(m->dict, str_intern("_local"), Value(local));
  dict_set_str(m->dict, str_intern("error"), Value(tp_RuntimeError));
  dict_set_str(m->dict, str_intern("TIMEOUT_MAX"), float_new(kTimeoutMax));
  // _ExceptHookArgs: a struct sequence (exc_type, exc_value, exc_traceback, thread).
  Type* eha = structseq_new_type("_thread", "_ExceptHookArgs", {"exc_type", "exc_value", "exc_traceback", "thread"}, -1);
  dict_set_str(m->dict, str_intern("_ExceptHookArgs"), Value(eha));
  return Value(m);
}
GILPY_NATIVE_MODULE("_thread", init);

}  // namespace gilpy
