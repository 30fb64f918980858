// User __del__ methods run at safe points (see finalizers.h).
#include "runtime/finalizers.h"

#include <gc/gc.h>
#include <unistd.h>

#include <string>

#include "objects/structseq.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/tuple.h"
#include "gc/heap.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/thread_state.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

std::string format_exception(Value exc);  // runtime/traceback.cpp

// Objects whose __del__ is due. The vector's buffer is collector memory, so
// queued objects stay alive until their __del__ has run.
static gc::Vector<Value> g_pending;

// Runs inside GC_invoke_finalizers only (finalize-on-demand), so its
// allocation cannot re-enter it.
// Objects registered for __del__ whose finalizer has not been queued yet.
static int64_t g_del_live = 0;
int64_t del_finalizers_registered() { return g_del_live; }

static void queue_del(void* obj, void*) {
  g_del_live--;
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

void register_del_finalizer(Object* o) {
  g_del_live++;
  GC_register_finalizer_no_order(o, queue_del, nullptr, nullptr, nullptr);
}

// Deferred native finalizers: (object, function) pairs queued by the
// collector, run after the batch's __del__ methods. The object stays alive
// (referenced from this collector-memory vector) until its function has run.
struct DeferredFinalizer {
  Value obj;
  void (*fn)(Object*);
};
static gc::Vector<DeferredFinalizer> g_deferred;
static void run_native(void* obj, void* fn) { reinterpret_cast<void (*)(Object*)>(fn)(static_cast<Object*>(obj)); }
static void queue_native(void* obj, void* fn) {
  g_deferred.push_back({Value(static_cast<Object*>(obj)), reinterpret_cast<void (*)(Object*)>(fn)});
  g_eval_breaker.fetch_or(EB_FINALIZERS, std::memory_order_acq_rel);
}
void register_native_finalizer_after_del(Object* o, void (*fn)(Object*)) {
  GC_register_finalizer(o, queue_native, reinterpret_cast<void*>(fn), nullptr, nullptr);
}

// The default unraisable hook's text: "<err_msg>: <repr(obj)>" (or just
// err_msg when obj is None) and the exception's traceback, on sys.stderr
// (fd 2 when that is unusable).
static void write_unraisable(std::string_view err_msg, Value obj, Value exc) {
  std::string text(err_msg);
  if (obj && !is_none(obj)) {
    text += ": ";
    Result<Str*> r = repr(obj);
    if (r.ok()) text += r.value()->view();
    else {
      exc_clear();
      text += "<object repr() failed>";
    }
  }
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

static Type* g_unraisable_args;
static Value unraisable_hook_default();

// CPython's _PyErr_WriteUnraisableMsg: sys.unraisablehook gets an
// UnraisableHookArgs(exc_type, exc_value, exc_traceback, err_msg, object); a
// hook that raises is itself reported by the default hook.
void report_unraisable(std::string_view prefix, Value obj, Value exc) {
  std::string_view msg = prefix;
  while (!msg.empty() && (msg.back() == ' ' || msg.back() == ':')) msg.remove_suffix(1);
  Value hook = sys_get(str_intern("unraisablehook"));
  if (!hook || is_none(hook) || hook == unraisable_hook_default() || !exc) {
    write_unraisable(msg, obj, exc ? exc : None());
    return;
  }
  if (!g_unraisable_args)
    g_unraisable_args = structseq_new_type("builtins", "UnraisableHookArgs",
                                           {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"});
  Value tb = is_exception(exc) && as_exc(exc)->traceback ? as_exc(exc)->traceback : None();
  Value args = structseq_new(g_unraisable_args,
                             {Value(exc.type()), exc, tb, str_value(std::string(msg)), obj ? obj : None()});
  Result<Value> r = call1(hook, args);
  if (r.is_err()) write_unraisable("Exception ignored in sys.unraisablehook", hook, exc_fetch());
}

// sys.unraisablehook / sys.__unraisablehook__.
static Result<Value> sys_unraisablehook(Value* a, int64_t n, Tuple*) {
  if (n != 1) return raise_fmt(tp_TypeError, "unraisablehook() takes exactly one argument (%lld given)", (long long)n);
  Value fields[5];
  const char* names[5] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"};
  for (int i = 0; i < 5; i++) fields[i] = TRY(getattr(a[0], str_intern(names[i])));
  std::string msg = "Exception ignored in";
  if (!is_none(fields[3])) msg = std::string(TRY(str(fields[3]))->view());
  Value exc = fields[1];
  if (is_none(exc) && is_type(fields[0])) exc = TRY(call0(fields[0]));
  write_unraisable(msg, fields[4], exc);
  return None();
}
static Value unraisable_hook_default() {
  static Value* root = nullptr;
  if (!root) {
    root = static_cast<Value*>(gc::alloc_uncollectable(sizeof(Value)));
    Builtin* b = builtin_new("unraisablehook", sys_unraisablehook, Value());
    b->module = Value(str_intern("sys"));
    *root = Value(b);
  }
  return *root;
}
Value sys_unraisablehook_object() { return unraisable_hook_default(); }

void finalize_now(Value obj) {
  if (!obj.is_obj()) return;
  // Unregistered first, so the collector will not call __del__ a second time.
  // Only an object still waiting for its __del__ has queue_del registered:
  // one already finalized (or queued to be) is left alone, so an object held
  // in two places is finalized once.
  GC_finalization_proc old_fn = nullptr;
  void* old_cd = nullptr;
  GC_register_finalizer_no_order(obj.obj(), nullptr, nullptr, &old_fn, &old_cd);
  if (old_fn != queue_del) {
    if (old_fn) GC_register_finalizer_no_order(obj.obj(), old_fn, old_cd, nullptr, nullptr);
    return;
  }
  g_del_live--;
  Value del = type_lookup(obj.type(), N.__del__);
  if (!del) return;
  Value saved = exc_fetch();
  Result<Value> bound = descr_get(del, obj, Value(obj.type()));
  Result<Value> r = bound.ok() ? call0(bound.value()) : bound;
  if (r.is_err()) report_unraisable("Exception ignored in: ", del, exc_fetch());
  exc_restore(saved);
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
  // The deferred native finalizers of this batch are registered again, to
  // run directly when the collector next finds their objects unreachable:
  // by then the __del__ methods above are done, and an object one of them
  // resurrected is not closed under it.
  if (!g_deferred.empty()) {
    gc::Vector<DeferredFinalizer> todo;
    todo.swap(g_deferred);
    for (const DeferredFinalizer& d : todo)
      GC_register_finalizer(d.obj.obj(), run_native, reinterpret_cast<void*>(d.fn), nullptr, nullptr);
  }
  exc_restore(saved);
  running = false;
  return ran;
}

// --- Finalizing modules at exit --------------------------------------------
// CPython's Py_FinalizeEx takes the modules out of sys.modules, collects,
// then clears each surviving module's namespace in reverse import order:
// objects a program left in its globals get their __del__ then. A tracing
// collector sees none of that, so gilpy finalizes, when objects with a __del__
// are alive (programs without them pay nothing):
//   1. __main__'s: the __del__ objects its namespace holds, directly or in a
//      list, tuple, set or dict value there, in namespace order (what CPython's
//      first collection finds in the usual case, the namespace being a cycle
//      through its functions' globals);
//   2. every other module's the same way, newest module first (sys and
//      builtins excepted), as CPython's clearing reaches them.
// Namespaces are not cleared and no collection runs: an object the program
// no longer reaches but a stale stack word still keeps (CPython would have
// finalized it long before) would be finalized after the atexit callbacks
// tore down what its __del__ needs (a multiprocessing Pool whose pipes
// atexit closed), and report errors CPython never shows. Deeper objects
// (an attribute of an attribute) are not finalized at exit; CPython does not
// promise that either. From step 1 on no other thread can take the GIL
// (gil::begin_finalizing).

// Values a namespace holds that have a __del__: directly, or as items of a
// list, tuple, set or dict there.
static void finalize_held(Dict* d) {
  gc::Vector<Value> todo;
  int64_t pos = 0;
  Value k, v;
  auto add = [&](Value x) {
    if (x.is_obj() && (x.type()->flags & TF_HAS_DEL)) todo.push_back(x);
  };
  while (dict_next(d, &pos, &k, &v)) {
    if (!v.is_obj()) continue;
    add(v);
    Type* t = v.type();
    if (t == tp_list) {
      List* l = v.as<List>();
      for (int64_t i = 0; i < l->size; i++) add(l->items[i]);
    } else if (t == tp_tuple) {
      Tuple* tu = v.as<Tuple>();
      for (int64_t i = 0; i < tu->size; i++) add(tu->items[i]);
    } else if (t == tp_dict) {
      int64_t p2 = 0;
      Value k2, v2;
      while (dict_next(v.as<Dict>(), &p2, &k2, &v2)) add(v2);
    } else if (t == tp_set || t == tp_frozenset) {
      int64_t p2 = 0;
      Value item;
      while (set_next(v.as<Set>(), &p2, &item)) add(item);
    }
  }
  for (Value o : todo) finalize_now(o);
}

void finalize_modules_at_exit() {
  if (g_del_live <= 0 || !g_interp.modules) return;
  gil::begin_finalizing(t_ts);
  run_pending_finalizers();
  gc::Vector<Value> names, mods;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(g_interp.modules, &pos, &k, &v)) {
    if (is_str(k) && is_module(v)) {
      names.push_back(k);
      mods.push_back(v);
    }
  }
  Value mainv = dict_get_str(g_interp.modules, str_intern("__main__"));
  if (mainv && is_module(mainv)) finalize_held(mainv.as<Module>()->dict);
  for (size_t i = mods.size(); i-- > 0 && g_del_live > 0;) {
    std::string_view name = names[i].as<Str>()->view();
    if (name == "__main__" || name == "sys" || name == "builtins") continue;
    finalize_held(mods[i].as<Module>()->dict);
  }
}

}  // namespace gilpy
