// _thread: locks and thread identity, enough for CPython's threading.py,
// queue.py and logging to import and work in a single thread. Starting new
// threads comes with the GIL (the GIL issue): start_new_thread raises
// RuntimeError until then.
//
// Lock waits never block signal delivery: a blocking acquire waits in short
// slices and runs pending signal handlers between them, so Ctrl-C reaches a
// main thread stuck on a lock (as in CPython).
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <ctime>
#include <string>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/structseq.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
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

static int64_t current_ident() { return int64_t(pthread_self()); }

// Wait until the lock can be taken (or the deadline passes). Returns false on
// timeout; ERR if a signal handler raised while waiting.
static Result<bool> wait_acquire(Lock* l, bool blocking, double timeout) {
  pthread_mutex_lock(&l->mu);
  if (!l->locked) {
    l->locked = true;
    pthread_mutex_unlock(&l->mu);
    return true;
  }
  if (!blocking) {
    pthread_mutex_unlock(&l->mu);
    return false;
  }
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  double deadline = timeout < 0 ? -1 : double(now.tv_sec) + double(now.tv_nsec) / 1e9 + timeout;
  while (l->locked) {
    clock_gettime(CLOCK_REALTIME, &now);
    double t = double(now.tv_sec) + double(now.tv_nsec) / 1e9;
    if (deadline >= 0 && t >= deadline) {
      pthread_mutex_unlock(&l->mu);
      return false;
    }
    double until = t + 0.02;  // wake up to look at signals every 20 ms
    if (deadline >= 0 && deadline < until) until = deadline;
    struct timespec ts;
    ts.tv_sec = time_t(until);
    ts.tv_nsec = long((until - double(ts.tv_sec)) * 1e9);
    pthread_cond_timedwait(&l->cv, &l->mu, &ts);
    if (eval_breaker_set() && l->locked) {
      pthread_mutex_unlock(&l->mu);
      TRY(handle_eval_breaker());
      pthread_mutex_lock(&l->mu);
    }
  }
  l->locked = true;
  pthread_mutex_unlock(&l->mu);
  return true;
}

static void release_raw(Lock* l) {
  pthread_mutex_lock(&l->mu);
  l->locked = false;
  pthread_cond_signal(&l->cv);
  pthread_mutex_unlock(&l->mu);
}

static Result<std::pair<bool, double>> acquire_args(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("acquire", a + 1, n - 1, kw, {"blocking", "timeout"}, 0, out));
  bool blocking = out[0] ? TRY(truthy(out[0])) : true;
  double timeout = out[1] ? TRY(to_double(out[1])) : -1.0;
  if (!blocking && timeout != -1.0) return raise(tp_ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout != -1.0) return raise(tp_ValueError, "timeout value must be a non-negative number");
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
  if (!l->locked) return raise(tp_RuntimeError, "release unlocked lock");
  release_raw(l);
  return None();
}
static Result<Value> lock_exit(Value* a, int64_t n, Tuple*) { return lock_release(a, 1, nullptr); }
static Result<Value> lock_locked(Value* a, int64_t, Tuple*) { return Bool(a[0].as<Lock>()->locked); }
static Result<Value> lock_at_fork(Value* a, int64_t, Tuple*) {
  Lock* l = a[0].as<Lock>();
  pthread_mutex_init(&l->mu, nullptr);
  pthread_cond_init(&l->cv, nullptr);
  l->locked = false;
  return None();
}
static Result<Value> lock_repr(Value* a, int64_t, Tuple*) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "<%s _thread.lock object at %#llx>", a[0].as<Lock>()->locked ? "locked" : "unlocked",
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
  if (l->locked && l->owner == me) {
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
  if (!l->locked || l->owner != current_ident()) return raise(tp_RuntimeError, "cannot release un-acquired lock");
  if (--l->count == 0) {
    l->owner = 0;
    release_raw(l);
  }
  return None();
}
static Result<Value> rlock_exit(Value* a, int64_t, Tuple*) { return rlock_release(a, 1, nullptr); }
static Result<Value> rlock_is_owned(Value* a, int64_t, Tuple*) {
  Lock* l = a[0].as<Lock>();
  return Bool(l->locked && l->owner == current_ident());
}
static Result<Value> rlock_release_save(Value* a, int64_t, Tuple*) {
  Lock* l = a[0].as<Lock>();
  if (!l->locked || l->count == 0) return raise(tp_RuntimeError, "cannot release un-acquired lock");
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
  std::snprintf(buf, sizeof buf, "<%s %s.%s object owner=%lld count=%lld at %#llx>", l->locked ? "locked" : "unlocked",
                "_thread", "RLock", (long long)(l->locked ? l->owner : 0), (long long)l->count,
                (unsigned long long)a[0].bits());
  return Value(str_new(buf));
}

// ---- module functions ----------------------------------------------------------------
static Result<Value> t_allocate_lock(Value*, int64_t, Tuple*) { return Value(alloc_instance(tp_lock, sizeof(Lock))); }
static Result<Value> t_get_ident(Value*, int64_t, Tuple*) { return int_from_u64(uint64_t(current_ident())); }
static Result<Value> t_get_native_id(Value*, int64_t, Tuple*) { return int_from_i64(int64_t(syscall(SYS_gettid))); }
static Result<Value> t_count(Value*, int64_t, Tuple*) { return Value::small(0); }
static int64_t g_stack_size = 0;
static Result<Value> t_stack_size(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("stack_size", n, 0, 1));
  int64_t old = g_stack_size;
  if (n == 1) {
    int64_t s = TRY(as_index(a[0]));
    if (s != 0 && s < 32768) return raise(tp_ValueError, "size not valid: 32768 bytes");
    g_stack_size = s;
  }
  return int_from_i64(old);
}
static Result<Value> t_start_new_thread(Value*, int64_t, Tuple*) {
  return raise(tp_RuntimeError, "can't start new thread: threads arrive with gilpy's GIL (not implemented yet)");
}
static Result<Value> t_interrupt_main(Value* a, int64_t n, Tuple* kw) {
  extern void trip_signal(int);
  Value out[1];
  TRY(parse_args("interrupt_main", a, n, kw, {"signum"}, 0, out));
  int64_t sig = out[0] ? TRY(as_index(out[0])) : 2;
  trip_signal(int(sig));
  return None();
}
static Result<Value> t_set_sentinel(Value*, int64_t, Tuple*) { return Value(alloc_instance(tp_lock, sizeof(Lock))); }
static Result<Value> t_daemon_threads_allowed(Value*, int64_t, Tuple*) { return True(); }
static Result<Value> t_excepthook(Value* a, int64_t n, Tuple*) {
  // threading.excepthook's native default: print "Exception in thread ..." via traceback.
  TRY(check_nargs("_excepthook", n, 1, 1));
  Value exc_type = TRY(getattr_str(a[0], "exc_type"));
  if (exc_type == Value(tp_SystemExit)) return None();
  Value exc = TRY(getattr_str(a[0], "exc_value"));
  Value thread = TRY(getattr_str(a[0], "thread"));
  Value err = sys_get(N.stderr);
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

// _thread._local: with a single thread, one attribute dict per object.
struct Local : Object {
  Dict* dict;
};
static Result<Value> local_new(Value* a, int64_t n, Tuple* kw) {
  Type* t = as_type(a[0]);
  if ((n > 1 || (kw && kw->size)) && type_lookup(t, N.__init__) == dict_get_str(tp_object->dict, N.__init__))
    return raise(tp_TypeError, "Initialization arguments are not supported");
  Local* l = static_cast<Local*>(alloc_instance(t, sizeof(Local)));
  l->dict = dict_new();
  return Value(l);
}
static const MethodDef local_methods[] = {{"__new__", local_new, MethKind::Static}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_thread", functions);
  tp_lock = native_type_new("_thread", "lock", tp_object, Layout::Other, sizeof(Lock), lock_methods, nullptr, 0);
  tp_rlock = native_type_new("_thread", "RLock", tp_object, Layout::Other, sizeof(Lock), rlock_methods, nullptr);
  Type* local = native_type_new("_thread", "_local", tp_object, Layout::Object, sizeof(Local), local_methods, nullptr);
  local->dict_offset = sizeof(Object);
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
