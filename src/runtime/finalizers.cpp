// User __del__ methods run at safe points (see finalizers.h).
#include "runtime/finalizers.h"

#include <gc/gc.h>
#include <unistd.h>

#include <string>

#include "objects/str.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

std::string format_exception(Value exc);  // runtime/traceback.cpp

// Objects whose __del__ is due. The vector's buffer is collector memory, so
// queued objects stay alive until their __del__ has run.
static gc::Vector<Value> g_pending;

// Runs inside GC_invoke_finalizers only (finalize-on-demand), so its
// allocation cannot re-enter it.
static void queue_del(void* obj, void*) {
  g_pending.push_back(Value(static_cast<Object*>(obj)));
  g_eval_breaker.fetch_or(EB_FINALIZERS, std::memory_order_acq_rel);
}

// The collector calls this (from any allocation) when finalizers are ready;
// they run at the eval loop's next safe point (handle_eval_breaker).
static void finalizers_ready() { g_eval_breaker.fetch_or(EB_FINALIZERS, std::memory_order_acq_rel); }

void init_finalizers() {
  GC_set_finalize_on_demand(1);
  GC_set_finalizer_notifier(finalizers_ready);
}

void register_del_finalizer(Object* o) { GC_register_finalizer_no_order(o, queue_del, nullptr, nullptr, nullptr); }

void report_unraisable(std::string_view prefix, Value obj, Value exc) {
  std::string text(prefix);
  Result<Str*> r = repr(obj);
  if (r.ok()) text += r.value()->view();
  else exc_clear();
  text += "\n" + format_exception(exc);
  Value err = sys_get(N.stderr);
  if (err && !is_none(err)) {
    Result<Value> w = call_method1(err, N.write, str_value(text));
    if (w.ok()) {
      Result<Value> f = call_method0(err, N.flush);
      if (f.is_err()) exc_clear();
      return;
    }
    exc_clear();
  }
  ssize_t n = ::write(2, text.data(), text.size());
  (void)n;
}

int run_pending_finalizers() {
  static bool running = false;  // a __del__ that triggers a collection queues more, run by this loop
  if (running) return 0;
  running = true;
  Value saved = exc_fetch();
  int ran = GC_invoke_finalizers();  // native finalizers (files, sockets) run; __del__ ones queue
  while (!g_pending.empty()) {
    gc::Vector<Value> todo;
    todo.swap(g_pending);
    for (Value obj : todo) {
      Value del = type_lookup(obj.type(), N.__del__);
      if (!del) continue;  // __del__ was removed from the class since
      Result<Value> bound = descr_get(del, obj, Value(obj.type()));
      Result<Value> r = bound.ok() ? call0(bound.value()) : bound;
      // CPython: "Exception ignored in: <function C.__del__ at 0x...>".
      if (r.is_err()) report_unraisable("Exception ignored in: ", del, exc_fetch());
    }
    ran += GC_invoke_finalizers();
  }
  exc_restore(saved);
  running = false;
  return ran;
}

}  // namespace gilpy
