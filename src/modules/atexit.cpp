// atexit: functions to run at interpreter exit, last registered first.
// cli/run.cpp calls run_atexit_callbacks() once the main program has ended
// (after its exception, if any, was reported) and before the standard
// streams are flushed, which is where CPython's Py_FinalizeEx runs them.
#include <unistd.h>

#include <string>

#include "objects/dict.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {


// Each entry is a tuple (func, args tuple, kwargs dict or None), oldest first,
// or None where unregister() removed one: like CPython, _ncallbacks() counts
// registrations since the last run or clear, removed ones included.
// Collector memory: the vector's buffer is scanned, so the callbacks stay alive.
static gc::Vector<Value> g_callbacks;

void run_atexit_callbacks() {
  // Run the callbacks registered so far, newest first, then forget all of
  // them: like CPython, callbacks registered while these run are not called.
  gc::Vector<Value> todo;
  todo.swap(g_callbacks);
  for (size_t i = todo.size(); i-- > 0;) {
    if (is_none(todo[i])) continue;
    Tuple* t = as_tuple(todo[i]);
    Value func = t->items[0];
    Dict* kwargs = is_none(t->items[2]) ? nullptr : as_dict(t->items[2]);
    Result<Value> r = call_ex(func, as_tuple(t->items[1]), kwargs);
    if (r.is_err()) report_unraisable("Exception ignored in atexit callback: ", func, exc_fetch());
  }
  g_callbacks.clear();
}

static Result<Value> ax_register(Value* args, int64_t nargs, Tuple* kw) {
  if (nargs < 1) return raise(tp_TypeError, "register() takes at least 1 argument (0 given)");
  Value func = args[0];
  if (!is_callable(func)) return raise(tp_TypeError, "the first argument must be callable");
  Tuple* pos = tuple_from(args + 1, nargs - 1);
  Value kwargs = None();
  if (kw && kw->size) {
    Dict* d = dict_new();
    for (int64_t i = 0; i < kw->size; i++) TRY(dict_set(d, kw->items[i], args[nargs + i]));
    kwargs = Value(d);
  }
  g_callbacks.push_back(Value(tuple_of({func, Value(pos), kwargs})));
  return func;
}

static Result<Value> ax_unregister(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("unregister", kw));
  TRY(check_nargs("unregister", nargs, 1, 1));
  // Remove every registration of func (compared with ==, as CPython does).
  // Indexed: an __eq__ may register callbacks and reallocate the vector.
  for (size_t i = 0; i < g_callbacks.size(); i++) {
    Value e = g_callbacks[i];
    if (is_none(e)) continue;
    bool same = TRY(eq(as_tuple(e)->items[0], args[0]));
    if (same && i < g_callbacks.size()) g_callbacks[i] = None();
  }
  return None();
}

static Result<Value> ax_run_exitfuncs(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("_run_exitfuncs", nargs, 0, 0));
  run_atexit_callbacks();
  return None();
}

static Result<Value> ax_clear(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("_clear", nargs, 0, 0));
  g_callbacks.clear();
  return None();
}

static Result<Value> ax_ncallbacks(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("_ncallbacks", nargs, 0, 0));
  return Value::small(int64_t(g_callbacks.size()));
}

static const MethodDef functions[] = {
    {"register", ax_register},     {"unregister", ax_unregister},   {"_run_exitfuncs", ax_run_exitfuncs},
    {"_clear", ax_clear},          {"_ncallbacks", ax_ncallbacks},  {nullptr, nullptr},
};

static Result<Value> atexit_init() {
  Module* m = native_module_new("atexit", functions, "allow programmer to define multiple exit functions to be "
                                                     "executed\nupon normal program termination.\n\nTwo public "
                                                     "functions, register and unregister, are defined.\n");
  return Value(m);
}
GILPY_NATIVE_MODULE("atexit", atexit_init);

}  // namespace gilpy
