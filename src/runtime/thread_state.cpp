// Thread states and the recursion/C-stack guard.
#include "runtime/thread_state.h"

#include <string>

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "runtime/errors.h"
#include "runtime/interp.h"

namespace gilpy {

thread_local constinit ThreadState* t_ts = nullptr;
constinit AllocCache g_alloc_cache = {};
int g_recursion_limit = 1000;

static uint64_t g_next_serial = 1;  // guarded by the GIL

ThreadState* thread_state_alloc() {
  ThreadState* t = static_cast<ThreadState*>(gc::alloc_uncollectable(sizeof(ThreadState)));
  new (t) ThreadState();
  return t;
}

void thread_state_link(ThreadState* t) {
  t->serial = g_next_serial++;
  t->next = g_interp.threads;
  g_interp.threads = t;
}

ThreadState* thread_state_new() {
  ThreadState* t = thread_state_alloc();
  thread_state_link(t);
  return t;
}

void thread_state_delete(ThreadState* t) {
  for (ThreadState** p = &g_interp.threads; *p; p = &(*p)->next) {
    if (*p == t) {
      *p = t->next;
      break;
    }
  }
  if (t_ts == t) t_ts = nullptr;
  t->~ThreadState();
  GC_FREE(t);
}

void thread_state_after_fork(ThreadState* t) {
  // The other threads' states are unreachable now; the collector reclaims
  // what only they referenced once they are unlinked (they are uncollectable
  // blocks, so free them explicitly).
  ThreadState* p = g_interp.threads;
  while (p) {
    ThreadState* next = p->next;
    if (p != t) {
      p->~ThreadState();
      GC_FREE(p);
    }
    p = next;
  }
  t->next = nullptr;
  g_interp.threads = t;
  t->ident = int64_t(pthread_self());
  t->native_id = int64_t(syscall(SYS_gettid));
}

// Reserve this much C stack for native code below the guard line; the guard
// turns deep recursion into RecursionError long before the stack overflows.
static constexpr size_t kStackMargin = 256 * 1024;

void thread_state_attach(ThreadState* t, char*) {
  t_ts = t;
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* addr;
    size_t size;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0 && size > kStackMargin * 2)
      t->stack_limit = static_cast<char*>(addr) + kStackMargin;
    pthread_attr_destroy(&attr);
  }
  t->ident = int64_t(pthread_self());
}

bool c_stack_exhausted() {
  raise(tp_RecursionError, "maximum recursion depth exceeded");
  return true;
}

bool check_recursion_slow(const char* where) {
  // No headroom while a RecursionError is being handled: as in CPython 3.11,
  // an except clause that calls deeper fails again at the same limit
  // (otherwise recursion in handlers would branch further at every level).
  --t_ts->depth;
  raise(tp_RecursionError, std::string("maximum recursion depth exceeded") + where);
  return false;
}
bool check_recursion_slow() { return check_recursion_slow(""); }

}  // namespace gilpy
