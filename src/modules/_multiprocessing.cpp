// _multiprocessing: the native half of multiprocessing on Linux, as in
// CPython 3.11: SemLock (a lock or semaphore shared between processes, over
// a POSIX named semaphore), sem_unlink and the `flags` dict.
//
// multiprocessing/synchronize.py builds Lock, RLock, Semaphore, Condition,
// Event and Barrier on SemLock. With the fork start method the semaphore is
// unlinked at once (name None) and children inherit the mapping, so `handle`
// (the sem_t address) stays valid in them; with spawn/forkserver the name is
// kept and `_rebuild` re-opens it by name in the child.
//
// A blocked acquire does not hold the GIL. The main thread waits in 20 ms
// slices and leaves the wait when a signal is pending, runs the handlers with
// the GIL (KeyboardInterrupt is raised from acquire) and then waits again,
// as _thread's locks do.
#include <fcntl.h>
#include <gc/gc.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <string>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/signals.h"

namespace gilpy {

enum { RECURSIVE_MUTEX = 0, SEMAPHORE = 1 };

struct SemLock : Object {
  Dict* dict;
  sem_t* handle;     // SEM_FAILED until opened
  int64_t last_tid;  // the thread that last acquired it
  int64_t count;     // acquisitions by this process not yet released
  int64_t maxvalue;
  int64_t kind;
  Str* name;         // null when unlinked at creation
};

static Type* tp_semlock;

static int64_t current_ident() { return int64_t(pthread_self()); }
static bool is_mine(SemLock* s) { return s->count > 0 && s->last_tid == current_ident(); }

// Deadlines are CLOCK_MONOTONIC nanoseconds (sem_clockwait), so a change of
// the wall clock does not stretch or cut a timed acquire.
static int64_t now_ns() {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return int64_t(now.tv_sec) * 1000000000 + now.tv_nsec;
}

static void semlock_finalizer(Object* obj) {
  SemLock* s = static_cast<SemLock*>(obj);
  if (s->handle != SEM_FAILED && s->handle != nullptr) {
    sem_close(s->handle);
    s->handle = SEM_FAILED;
  }
}

// Defensive: a semaphore closed by its finalizer is never used again (see
// register_native_finalizer_after_del), but a stale handle must not crash.
static Status check_open(SemLock* s) {
  if (s->handle == SEM_FAILED || s->handle == nullptr) return raise(tp_ValueError, "semaphore is closed");
  return OK();
}

static Result<SemLock*> semlock_make(Type* t, sem_t* handle, int64_t kind, int64_t maxvalue, Str* name) {
  SemLock* s = static_cast<SemLock*>(alloc_instance(t, sizeof(SemLock)));
  s->handle = handle;
  s->last_tid = 0;
  s->count = 0;
  s->maxvalue = maxvalue;
  s->kind = kind;
  s->name = name;
  // Closed after the __del__ methods of the collection that finds it dead
  // (a dying Pool's __del__ still takes its queue's lock).
  register_native_finalizer_after_del(s, semlock_finalizer);
  return s;
}

static Result<std::string> name_arg(Value v, const char* fname, int argn) {
  if (!is_str(v)) return raise_fmt(tp_TypeError, "%s() argument %d must be str, not %s", fname, argn, type_name(v));
  std::string n(as_str(v)->view());
  if (n.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null character");
  return n;
}

static Result<int> int_arg(Value v) {
  int64_t x = TRY(as_index(v));
  if (x > INT_MAX) return raise(tp_OverflowError, "signed integer is greater than maximum");
  if (x < INT_MIN) return raise(tp_OverflowError, "signed integer is less than minimum");
  return int(x);
}

// SemLock(kind, value, maxvalue, name, unlink)
static Result<Value> semlock_new(Value* a, int64_t n, Tuple* kw) {
  Value out[5];
  TRY(parse_args("SemLock", a + 1, n - 1, kw, {"kind", "value", "maxvalue", "name", "unlink"}, 5, out));
  int kind = TRY(int_arg(out[0]));
  int value = TRY(int_arg(out[1]));
  int maxvalue = TRY(int_arg(out[2]));
  std::string name = TRY(name_arg(out[3], "SemLock", 4));
  int64_t unlink_i = TRY(as_index(out[4]));
  if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) return raise(tp_ValueError, "unrecognized kind");
  sem_t* h = sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, unsigned(value));
  if (h == SEM_FAILED) return raise_errno(errno);
  if (unlink_i) {
    if (sem_unlink(name.c_str()) < 0) {
      int e = errno;
      sem_close(h);
      return raise_errno(e);
    }
  }
  SemLock* s = TRY(semlock_make(as_type(a[0]), h, kind, maxvalue, unlink_i ? nullptr : str_new(name)));
  return Value(s);
}

enum class Wait { Acquired, TimedOut, Interrupted, Failed };

// The blocking wait proper, without the GIL: touches no Python object.
// deadline < 0: no deadline. *err receives errno on Failed.
static Wait wait_without_gil(sem_t* h, int64_t deadline, bool main, int* err) {
  gil::ReleaseGil nogil(gil::Block::Lock);
  for (;;) {
    if (main && (g_eval_breaker.load(std::memory_order_relaxed) & EB_SIGNALS)) return Wait::Interrupted;
    int r;
    if (!main && deadline < 0) {
      r = sem_wait(h);
    } else {
      int64_t t = now_ns();
      if (deadline >= 0 && t >= deadline) {
        // One last try: the deadline may have passed while the value rose.
        if (sem_trywait(h) == 0) return Wait::Acquired;
        return Wait::TimedOut;
      }
      // The main thread wakes every 20 ms to look for signals: a signal may
      // be delivered to another thread and never interrupt this wait.
      int64_t until = main ? t + 20000000 : deadline;
      if (deadline >= 0 && deadline < until) until = deadline;
      struct timespec ts = {time_t(until / 1000000000), long(until % 1000000000)};
      r = sem_clockwait(h, CLOCK_MONOTONIC, &ts);
    }
    if (r == 0) return Wait::Acquired;
    int e = errno;
    if (e == EINTR || e == ETIMEDOUT) continue;  // the loop head decides
    *err = e;
    return Wait::Failed;
  }
}

static Result<Value> semlock_acquire(Value* a, int64_t n, Tuple* kw) {
  SemLock* s = a[0].as<SemLock>();
  Value out[2];
  TRY(parse_args("acquire", a + 1, n - 1, kw, {"block", "timeout"}, 0, out));
  bool blocking = out[0] ? TRY(truthy(out[0])) : true;
  int64_t deadline = -1;
  if (out[1] && !is_none(out[1])) {
    double timeout = TRY(to_double(out[1]));
    if (!(timeout > 0)) timeout = 0;  // negative and NaN: do not wait
    if (timeout > 9e9) timeout = 9e9;  // ~285 years: keeps the nanoseconds in range
    deadline = now_ns() + int64_t(timeout * 1e9);
  }
  if (s->kind == RECURSIVE_MUTEX && is_mine(s)) {
    s->count++;
    return True();
  }
  TRY(check_open(s));
  sem_t* h = s->handle;
  // Without blocking first: most acquires succeed at once.
  int r, err = 0;
  for (;;) {
    r = sem_trywait(h);
    err = errno;
    if (r == 0 || err != EINTR) break;
    TRY(check_signals());
  }
  if (r < 0) {
    if (err != EAGAIN) return raise_errno(err);
    if (!blocking) return False();
    const bool main = is_main_thread();
    for (;;) {
      Wait w = wait_without_gil(h, deadline, main, &err);
      if (w == Wait::Acquired) break;
      if (w == Wait::TimedOut) return False();
      if (w == Wait::Failed) return raise_errno(err);
      TRY(check_signals());  // Interrupted: run the handlers, then wait again
    }
  }
  s->count++;
  s->last_tid = current_ident();
  return True();
}

static Result<Value> semlock_release(Value* a, int64_t, Tuple*) {
  SemLock* s = a[0].as<SemLock>();
  if (s->kind == RECURSIVE_MUTEX) {
    if (!is_mine(s)) return raise(tp_AssertionError, "attempt to release recursive lock not owned by thread");
    if (s->count > 1) {
      s->count--;
      return None();
    }
  } else {
    // Not an absolute guarantee that the value stays <= maxvalue (another
    // process may post in between), as in CPython.
    int sval;
    TRY(check_open(s));
    if (sem_getvalue(s->handle, &sval) < 0) return raise_errno(errno);
    if (sval >= s->maxvalue) return raise(tp_ValueError, "semaphore or lock released too many times");
  }
  TRY(check_open(s));
  if (sem_post(s->handle) < 0) return raise_errno(errno);
  s->count--;
  return None();
}

static Result<Value> semlock_exit(Value* a, int64_t, Tuple*) { return semlock_release(a, 1, nullptr); }

static Result<Value> semlock_count(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_count", n - 1, 0, 0));
  return int_from_i64(a[0].as<SemLock>()->count);
}
static Result<Value> semlock_is_mine(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_is_mine", n - 1, 0, 0));
  return Bool(is_mine(a[0].as<SemLock>()));
}
static Result<Value> semlock_get_value(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_get_value", n - 1, 0, 0));
  int sval;
  TRY(check_open(a[0].as<SemLock>()));
  if (sem_getvalue(a[0].as<SemLock>()->handle, &sval) < 0) return raise_errno(errno);
  if (sval < 0) sval = 0;  // some systems report minus the number of waiters
  return int_from_i64(sval);
}
static Result<Value> semlock_is_zero(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_is_zero", n - 1, 0, 0));
  int sval;
  TRY(check_open(a[0].as<SemLock>()));
  if (sem_getvalue(a[0].as<SemLock>()->handle, &sval) < 0) return raise_errno(errno);
  return Bool(sval == 0);
}
static Result<Value> semlock_after_fork(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_after_fork", n - 1, 0, 0));
  a[0].as<SemLock>()->count = 0;
  return None();
}

// SemLock._rebuild(handle, kind, maxvalue, name): the unpickling side. With a
// name the semaphore is opened again by name; without one the handle is an
// address inherited through fork.
static Result<Value> semlock_rebuild(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_rebuild", kw));
  TRY(check_nargs("_rebuild", n - 1, 4, 4));
  uint64_t hbits = uint64_t(TRY(int_as_i64(a[1])));
  int kind = TRY(int_arg(a[2]));
  int maxvalue = TRY(int_arg(a[3]));
  sem_t* h = reinterpret_cast<sem_t*>(uintptr_t(hbits));
  Str* name = nullptr;
  if (!is_none(a[4])) {
    std::string nm = TRY(name_arg(a[4], "_rebuild", 4));
    h = sem_open(nm.c_str(), 0);
    if (h == SEM_FAILED) return raise_errno(errno);
    name = str_new(nm);
  }
  SemLock* s = TRY(semlock_make(as_type(a[0]), h, kind, maxvalue, name));
  if (!name) {
    // An inherited mapping is not ours to close.
    GC_register_finalizer(s, nullptr, nullptr, nullptr, nullptr);
  }
  return Value(s);
}

static Result<Value> get_handle(Value self) { return int_from_i64(int64_t(uintptr_t(self.as<SemLock>()->handle))); }
static Result<Value> get_kind(Value self) { return int_from_i64(self.as<SemLock>()->kind); }
static Result<Value> get_maxvalue(Value self) { return int_from_i64(self.as<SemLock>()->maxvalue); }
static Result<Value> get_name(Value self) {
  Str* nm = self.as<SemLock>()->name;
  return nm ? Value(nm) : None();
}

static Result<Value> mp_sem_unlink(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("sem_unlink", a, n, kw, {"name"}, 1, out));
  std::string nm = TRY(name_arg(out[0], "sem_unlink", 1));
  if (sem_unlink(nm.c_str()) < 0) return raise_errno(errno);
  return None();
}

static const MethodDef semlock_methods[] = {
    {"__new__", semlock_new, MethKind::Static},
    {"acquire", semlock_acquire, MethKind::Method, "Acquire the semaphore/lock."},
    {"release", semlock_release, MethKind::Method, "Release the semaphore/lock."},
    {"__enter__", semlock_acquire, MethKind::Method, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, MethKind::Method, "Exit the semaphore/lock."},
    {"_count", semlock_count, MethKind::Method, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine, MethKind::Method, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, MethKind::Method, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, MethKind::Method, "Return whether semaphore has value zero."},
    {"_rebuild", semlock_rebuild, MethKind::Class},
    {"_after_fork", semlock_after_fork, MethKind::Method, "Rezero the net acquisition count after fork()."},
    {nullptr, nullptr}};
static const GetSetDef semlock_getsets[] = {
    {"handle", get_handle}, {"kind", get_kind}, {"maxvalue", get_maxvalue}, {"name", get_name}, {nullptr, nullptr}};

static const MethodDef functions[] = {{"sem_unlink", mp_sem_unlink}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_multiprocessing", functions);
  tp_semlock = native_type_new("_multiprocessing", "SemLock", tp_object, Layout::Other, sizeof(SemLock), semlock_methods,
                               semlock_getsets);
  long vmax = sysconf(_SC_SEM_VALUE_MAX);
  if (vmax <= 0 || vmax > INT_MAX) vmax = INT_MAX;
  type_set_attr_const(tp_semlock, "SEM_VALUE_MAX", int_from_i64(vmax));
  dict_set_str(m->dict, str_intern("SemLock"), Value(tp_semlock));
  Dict* flags = dict_new();
  dict_set_str(flags, str_intern("HAVE_SEM_OPEN"), Value::small(1));
  dict_set_str(flags, str_intern("HAVE_SEM_TIMEDWAIT"), Value::small(1));
  dict_set_str(m->dict, str_intern("flags"), Value(flags));
  return Value(m);
}
GILPY_NATIVE_MODULE("_multiprocessing", init);

}  // namespace gilpy
