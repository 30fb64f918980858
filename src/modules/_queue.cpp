// _queue: SimpleQueue, the unbounded FIFO queue.SimpleQueue and
// concurrent.futures' thread pools use (the pure-Python fallback builds it
// from a lock and a deque, several times slower), and the Empty exception.
//
// The items live in collector memory and are touched only with the GIL
// held. `avail` mirrors their count under `mu`, so a getter can wait for it
// without the GIL (a blocking get releases the GIL, like every blocking
// call). Invariant: avail == items.size() - head whenever mu is unlocked
// and the GIL is held.
#include <pthread.h>
#include <time.h>

#include <cmath>

#include "gc/heap.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/genericalias.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/signals.h"

namespace gilpy {

namespace {

constexpr double kTimeoutMax = 9223372036.0;  // _thread.TIMEOUT_MAX on Linux

struct SimpleQueue : Object {
  Dict* dict;
  gc::Vector<Value>* items;  // FIFO from `head` on; compacted when half is consumed
  size_t head;
  pthread_mutex_t mu;  // zero bytes are PTHREAD_MUTEX_INITIALIZER
  pthread_cond_t cv;   // zero bytes are PTHREAD_COND_INITIALIZER
  int64_t avail;
};

Type* tp_simplequeue;
Value g_empty;  // _queue.Empty

SimpleQueue* Q(Value v) { return v.as<SimpleQueue>(); }

double monotonic_now() {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

size_t size_of(SimpleQueue* q) { return q->items ? q->items->size() - q->head : 0; }

Result<Value> sq_new(Value* a, int64_t n, Tuple* kw) {
  if (kw && kw->size) return raise(tp_TypeError, "SimpleQueue() takes no keyword arguments");
  if (n > 1) return raise(tp_TypeError, "SimpleQueue() takes no positional arguments");
  SimpleQueue* q = static_cast<SimpleQueue*>(alloc_instance(as_type(a[0]), sizeof(SimpleQueue)));
  q->items = gc::make<gc::Vector<Value>>();
  return Value(q);
}

void push(SimpleQueue* q, Value item) {
  q->items->push_back(item);
  pthread_mutex_lock(&q->mu);
  q->avail++;
  pthread_cond_signal(&q->cv);
  pthread_mutex_unlock(&q->mu);
}

Value pop(SimpleQueue* q) {
  Value v = (*q->items)[q->head];
  (*q->items)[q->head++] = Value();
  if (q->head == q->items->size()) {
    q->items->clear();
    q->head = 0;
  } else if (q->head > 64 && q->head * 2 > q->items->size()) {
    q->items->erase(q->items->begin(), q->items->begin() + long(q->head));
    q->head = 0;
  }
  pthread_mutex_lock(&q->mu);
  q->avail--;
  pthread_mutex_unlock(&q->mu);
  return v;
}

enum class Wait { Ready, TimedOut, Interrupted };

// Wait (without the GIL) until an item may be there, the deadline passes,
// or, on the main thread, a signal arrives (checked every 20 ms: a signal
// may be delivered to another thread and never wake this one).
Wait wait_for_item(SimpleQueue* q, double deadline, bool main) {
  gil::ReleaseGil nogil(gil::Block::Queue);
  pthread_mutex_lock(&q->mu);
  Wait r = Wait::Ready;
  while (q->avail == 0) {
    double t = monotonic_now();
    if (deadline >= 0 && t >= deadline) {
      r = Wait::TimedOut;
      break;
    }
    if (main && (g_eval_breaker.load(std::memory_order_relaxed) & EB_SIGNALS)) {
      r = Wait::Interrupted;
      break;
    }
    double until = main ? t + 0.02 : t + 3600;
    if (deadline >= 0 && deadline < until) until = deadline;
    struct timespec ts;
    ts.tv_sec = time_t(until);
    ts.tv_nsec = long((until - double(ts.tv_sec)) * 1e9);
    gc::blocking_region([&] { pthread_cond_clockwait(&q->cv, &q->mu, CLOCK_MONOTONIC, &ts); });
  }
  pthread_mutex_unlock(&q->mu);
  return r;
}

Result<Value> get_impl(SimpleQueue* q, bool block, double timeout) {
  if (size_of(q)) return pop(q);
  if (!block) return raise_value(g_empty);
  double deadline = timeout < 0 ? -1 : monotonic_now() + timeout;
  const bool main = is_main_thread();
  for (;;) {
    // Another getter may win the item between the wake-up and the GIL.
    if (size_of(q)) return pop(q);
    switch (wait_for_item(q, deadline, main)) {
      case Wait::Ready: break;
      case Wait::TimedOut:
        if (size_of(q)) return pop(q);
        return raise_value(g_empty);
      case Wait::Interrupted: TRY(check_signals()); break;
    }
  }
}

Result<Value> sq_get(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("get", a + 1, n - 1, kw, {"block", "timeout"}, 0, out));
  bool block = out[0] ? TRY(truthy(out[0])) : true;
  double timeout = -1;
  if (block && out[1] && !is_none(out[1])) {
    timeout = TRY(to_double(out[1]));
    if (timeout < 0) return raise(tp_ValueError, "'timeout' must be a non-negative number");
    if (timeout > kTimeoutMax || std::isnan(timeout)) return raise(tp_OverflowError, "timeout value is too large");
  }
  return get_impl(Q(a[0]), block, timeout);
}
Result<Value> sq_get_nowait(Value* a, int64_t, Tuple*) { return get_impl(Q(a[0]), false, -1); }
Result<Value> sq_put(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(parse_args("put", a + 1, n - 1, kw, {"item", "block", "timeout"}, 1, out));
  push(Q(a[0]), out[0]);  // never blocks: block and timeout exist for queue.Queue compatibility
  return None();
}
Result<Value> sq_put_nowait(Value* a, int64_t, Tuple*) {
  push(Q(a[0]), a[1]);
  return None();
}
Result<Value> sq_empty(Value* a, int64_t, Tuple*) { return Bool(size_of(Q(a[0])) == 0); }
Result<Value> sq_qsize(Value* a, int64_t, Tuple*) { return Value::small(int64_t(size_of(Q(a[0])))); }

const MethodDef sq_methods[] = {
    {"__new__", sq_new, MethKind::Static},
    {"get", sq_get, MethKind::Method,
     "Remove and return an item from the queue.\n\nIf optional args 'block' is true and 'timeout' is None (the "
     "default),\nblock if necessary until an item is available. If 'timeout' is\na non-negative number, it blocks "
     "at most 'timeout' seconds and raises\nthe Empty exception if no item was available within that time.\n"
     "Otherwise ('block' is false), return an item if one is immediately\navailable, else raise the Empty exception "
     "('timeout' is ignored\nin that case)."},
    {"get_nowait", sq_get_nowait, MethKind::NoArgs,
     "Remove and return an item from the queue without blocking.\n\nOnly get an item if one is immediately "
     "available. Otherwise\nraise the Empty exception."},
    {"put", sq_put, MethKind::Method,
     "Put the item on the queue.\n\nThe optional 'block' and 'timeout' arguments are ignored, as this method\nnever "
     "blocks.  They are provided for compatibility with the Queue class."},
    {"put_nowait", sq_put_nowait, MethKind::O,
     "Put an item into the queue without blocking.\n\nThis is exactly equivalent to `put(item, block=False)` and "
     "is only provided\nfor compatibility with the Queue class."},
    {"empty", sq_empty, MethKind::NoArgs, "Return True if the queue is empty, False otherwise (not reliable!)."},
    {"qsize", sq_qsize, MethKind::NoArgs, "Return the approximate size of the queue (not reliable!)."},
    {"__class_getitem__", generic_class_getitem, MethKind::Class},
    {nullptr, nullptr}};

const MethodDef functions[] = {{nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_queue", functions,
                                "C implementation of the Python queue module.\nThis module is an implementation "
                                "detail, please do not use it directly.");
  tp_simplequeue = native_type_new("_queue", "SimpleQueue", tp_object, Layout::Other, sizeof(SimpleQueue),
                                   sq_methods);
  type_set_attr_const(tp_simplequeue, "__doc__",
                      str_value("Simple, unbounded, reentrant FIFO queue."));
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, str_value("_queue"));
  dict_set_str(ns, N.__doc__, str_value("Exception raised by Queue.get(block=0)/get_nowait()."));
  g_empty = TRY(call3(Value(tp_type), str_value("Empty"), Value(tuple_of({Value(tp_Exception)})), Value(ns)));
  dict_set_str(m->dict, str_intern("SimpleQueue"), Value(tp_simplequeue));
  dict_set_str(m->dict, str_intern("Empty"), g_empty);
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_queue", init);

}  // namespace gilpy
