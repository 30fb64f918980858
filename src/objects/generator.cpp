// Generators, coroutines and async generators (see generator.h).
//
// A generator owns a heap frame. gen_resume runs it until it yields
// (frame state Suspended) or finishes (Completed). While suspended inside
// `yield from`/`await` (a YIELD_VALUE right after SEND), the delegate is on
// top of the frame's stack; throw() and close() are forwarded to it first.
#include "objects/generator.h"

#include <cstdio>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/code.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include <gc/gc.h>

#include "objects/dict.h"
#include "runtime/args.h"
#include "objects/genericalias.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "vm/call.h"

namespace gilpy {

using namespace bytecode;

static void gen_finalizer(void* obj, void*);
Value sys_asyncgen_firstiter();  // modules/sys.cpp
Value sys_asyncgen_finalizer();
// cr_origin: the frames that were running when the coroutine was made (its own
// frame has not started yet), innermost first, at most `depth` of them.
static Value coroutine_origin(int depth) {
  gc::Vector<Value> items;
  for (Frame* f = t_ts->frame; f && int(items.size()) < depth; f = f->back)
    items.push_back(Value(tuple_of({Value(f->code->filename), Value::small(frame_lineno(f)), Value(f->code->name)})));
  return Value(tuple_from(items.data(), int64_t(items.size())));
}

Generator* generator_new(Frame* f, Function* fn) {
  uint32_t flags = f->code->flags;
  Type* t = (flags & CO_COROUTINE) ? tp_coroutine : (flags & CO_ASYNC_GENERATOR) ? tp_async_generator : tp_generator;
  Generator* g = static_cast<Generator*>(alloc_instance(t, sizeof(Generator)));
  g->frame = f;
  g->name = fn ? fn->name : f->code->name;
  g->qualname = fn ? fn->qualname : f->code->qualname;
  f->gen = g;
  // What CPython does when the last reference goes (_PyGen_Finalize) is
  // done when the collector finds it garbage: a coroutine never awaited
  // warns, and a suspended frame is closed so that its finally blocks and
  // with statements run. A plain generator without handlers has nothing to
  // run, and is spared the finalizer's cost.
  if (t != tp_generator || f->code->nexc > 0) {
    GC_register_finalizer_no_order(g, gen_finalizer, nullptr, nullptr, nullptr);
    g->finalizable = true;
  }
  if (t == tp_coroutine && t_ts->coroutine_origin_depth > 0) g->origin = coroutine_origin(t_ts->coroutine_origin_depth);
  return g;
}

static const char* kind_name(Generator* g) {
  if (g->type == tp_coroutine) return "coroutine";
  if (g->type == tp_async_generator) return "async generator";
  return "generator";
}

static Value* frame_tos(Frame* f) { return f->slots + code_nlocalsplus(f->code) + f->sp - 1; }

static bool delegating(Frame* f) {
  return f->state == FrameState::Suspended && f->ip >= 2 && op_of(f->code->insns[f->ip - 1]) == YIELD_VALUE &&
         op_of(f->code->insns[f->ip - 2]) == SEND;
}
bool gen_is_delegating(Generator* g) { return delegating(g->frame); }

// The generator finished (or was closed unstarted): gi_frame is None from
// now on, and an exhausted iterator must not keep alive what it iterated (as
// CPython clears a finished generator's frame). A frame nobody else saw drops
// its variables; one that escaped (a traceback of an exception it handled or
// raised holds it, with its f_locals) is left to its holders, and the
// generator keeps a slotless stand-in that answers code and state.
static void let_go_of_frame(Generator* g) {
  Frame* f = g->frame;
  if (!f->escaped) {
    frame_drop_variables(f);
    return;
  }
  Frame* husk = static_cast<Frame*>(alloc_instance(tp_frame, sizeof(Frame)));
  husk->code = f->code;
  husk->func = f->func;
  husk->globals = f->globals;
  husk->builtins = f->builtins;
  husk->gen = f->gen;
  husk->ip = f->ip;
  husk->state = FrameState::Completed;
  g->frame = husk;
}

// Run the frame once (the caller has pushed the sent value or set the
// pending exception) and do the exc_info and PEP 479 bookkeeping.
static Result<Value> run(Generator* g, bool throwing, bool* done) {
  ThreadState* ts = t_ts;
  Frame* f = g->frame;
  Value outer = ts->handled;
  Value saved_base = ts->exc_base;
  bool saved_inherited = ts->handled_inherited;
  ts->exc_base = outer;
  ts->handled_inherited = !g->handled;
  ts->handled = g->handled ? g->handled : outer;
  g->running = true;
  Result<Value> r = eval_frame(f, throwing);
  g->running = false;
  bool own = !ts->handled_inherited;
  ts->exc_base = saved_base;
  ts->handled_inherited = saved_inherited;
  if (f->state == FrameState::Suspended) {
    // Suspended inside an except block: that exception is the generator's
    // own (even when it is the very object its caller was handling).
    g->handled = own ? ts->handled : Value();
    ts->handled = outer;
    *done = false;
    return r;
  }
  ts->handled = outer;
  g->handled = Value();
  *done = true;
  if (g->finalizable) {
    // Finished: nothing left to finalize, and the collector can free it in
    // one cycle instead of two.
    GC_register_finalizer_no_order(g, nullptr, nullptr, nullptr, nullptr);
    g->finalizable = false;
  }
  let_go_of_frame(g);
  if (r.is_err()) {
    // PEP 479: StopIteration escaping a generator becomes RuntimeError.
    bool stop = exc_matches(tp_StopIteration);
    bool astop = g->type == tp_async_generator && exc_matches(tp_StopAsyncIteration);
    if (stop || astop) {
      Value cause = exc_fetch();
      std::string msg = std::string(kind_name(g)) + " raised " + (stop ? "StopIteration" : "StopAsyncIteration");
      raise(tp_RuntimeError, msg);
      as_exc(ts->exc)->cause = cause;
      as_exc(ts->exc)->context = cause;
    }
  }
  return r;
}

Result<Value> gen_resume(Generator* g, Value v, Value exc, bool* done) {
  Frame* f = g->frame;
  if (g->running) return raise_fmt(tp_ValueError, "%s already executing", kind_name(g));
  if (f->state == FrameState::Completed) {
    *done = true;
    // An exhausted coroutine refuses send() and throw() alike (close() never
    // gets here); a generator re-raises what is thrown into it.
    if (g->type == tp_coroutine) return raise(tp_RuntimeError, "cannot reuse already awaited coroutine");
    if (exc) {
      exc_restore(exc);
      return ERR;
    }
    return None();
  }
  if (exc) {
    exc_restore(exc);
    return run(g, true, done);
  }
  if (f->state == FrameState::Created) {
    if (v && !is_none(v))
      return raise_fmt(tp_TypeError, "can't send non-None value to a just-started %s", kind_name(g));
  } else {
    f->slots[code_nlocalsplus(f->code) + f->sp++] = v ? v : None();
  }
  return run(g, false, done);
}

// The delegate finished with `value`: leave the SEND loop as if SEND had
// returned it, and keep running the frame.
static Result<Value> resume_after_delegate(Generator* g, Value value, bool* done) {
  Frame* f = g->frame;
  *frame_tos(f) = value;
  f->ip = int32_t(arg_of(f->code->insns[f->ip - 2]));
  return run(g, false, done);
}

Value exc_traceback_or_none_g(Value exc);

static Result<Value> throw_impl(Generator* g, Value exc, bool* done) {
  Frame* f = g->frame;
  if (delegating(f) && !g->running) {
    Value yf = *frame_tos(f);
    if (isinstance(exc, tp_GeneratorExit)) {
      // Close the delegate first, then throw GeneratorExit into this frame.
      g->running = true;
      Status s = OK();
      if (is_generator_like(yf)) {
        s = gen_close(yf.as<Generator>());
      } else {
        Value close;
        s = getattr_opt(yf, N.close, &close);
        if (s.ok() && close) s = call0(close).is_err() ? Status(ERR) : OK();
      }
      g->running = false;
      if (s.is_err()) return run(g, true, done);
      return gen_resume(g, Value(), exc, done);
    }
    Result<Value> r = ERR;
    bool sub_done = false;
    if (is_generator_like(yf)) {
      // This frame is the delegate's caller while the exception goes in
      // (its f_back, the traceback's frames), as CPython does.
      ThreadState* ts = t_ts;
      Frame* prev = ts->frame;
      f->back = prev;
      ts->frame = f;
      g->running = true;
      r = throw_impl(yf.as<Generator>(), exc, &sub_done);
      g->running = false;
      ts->frame = prev;
      f->back = nullptr;  // suspended again (or resumed below, which links it anew)
      if (r.ok() && !sub_done) { *done = false; return r; }
      if (r.ok()) return resume_after_delegate(g, r.value(), done);
      return run(g, true, done);
    }
    Value thr;
    TRY(getattr_opt(yf, N.throw_, &thr));
    if (!thr) return gen_resume(g, Value(), exc, done);
    g->running = true;
    Value a[3] = {Value(exc.type()), exc, exc_traceback_or_none_g(exc)};
    r = call(thr, a, 3);
    g->running = false;
    if (r.ok()) { *done = false; return r; }
    if (exc_matches(tp_StopIteration)) {
      Value e = exc_fetch();
      Tuple* args = as_exc(e)->args;
      return resume_after_delegate(g, args && args->size ? args->items[0] : None(), done);
    }
    return run(g, true, done);
  }
  return gen_resume(g, Value(), exc, done);
}

Value exc_traceback_or_none_g(Value exc) {
  if (is_exception(exc) && as_exc(exc)->traceback) return as_exc(exc)->traceback;
  return None();
}

Result<Value> gen_send(Generator* g, Value v) {
  bool done;
  Value r = TRY(gen_resume(g, v, Value(), &done));
  if (done) {
    if (g->type == tp_async_generator) return raise_value(Value(tp_StopAsyncIteration));
    return raise_stop_iteration(r);
  }
  return r;
}

// Normalise throw(type[, value[, tb]]) into an exception instance.
static Result<Value> make_throw_exc(Value* a, int64_t n) {
  Value typ = a[0];
  Value val = n > 1 ? a[1] : Value();
  Value tb = n > 2 ? a[2] : Value();
  if (tb && !is_none(tb) && tb.type() != tp_traceback)
    return raise(tp_TypeError, "throw() third argument must be a traceback object");
  Value exc;
  if (is_type(typ) && is_subtype(as_type(typ), tp_BaseException)) {
    if (val && is_exception(val) && isinstance(val, as_type(typ))) {
      exc = val;
    } else {
      // As in CPython, the class is instantiated "inside" the generator: an
      // error doing so is what gets thrown in.
      Result<Value> r = !val || is_none(val) ? call0(typ)
                        : is_tuple(val)      ? call(typ, as_tuple(val)->items, as_tuple(val)->size)
                                             : call1(typ, val);
      if (r.ok() && !is_exception(r.value())) {
        Str* tr = TRY(repr(typ));
        raise_fmt(tp_TypeError, "calling %s should have returned an instance of BaseException, not %s", tr->data,
                  type_name(r.value()));
      }
      exc = exc_pending() ? exc_fetch() : r.value();
    }
  } else if (is_exception(typ)) {
    if (val && !is_none(val)) return raise(tp_TypeError, "instance exception may not have a separate value");
    exc = typ;
  } else {
    return raise_fmt(tp_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                     type_name(typ));
  }
  if (tb && !is_none(tb)) as_exc(exc)->traceback = tb;
  return exc;
}

Result<Value> gen_throw(Generator* g, Value exc) {
  bool done;
  Value r = TRY(throw_impl(g, exc, &done));
  if (done) {
    if (g->type == tp_async_generator) return raise_value(Value(tp_StopAsyncIteration));
    return raise_stop_iteration(r);
  }
  return r;
}

Result<Value> gen_send_public(Value g, Value v) { return gen_send(g.as<Generator>(), v); }

Status gen_close(Generator* g) {
  Frame* f = g->frame;
  if (f->state == FrameState::Created || f->state == FrameState::Completed) {
    if (f->state == FrameState::Created) {
      f->state = FrameState::Completed;
      let_go_of_frame(g);
    }
    return OK();
  }
  Value ge = exc_new(tp_GeneratorExit, tuple_empty());
  bool done;
  Result<Value> r = throw_impl(g, ge, &done);
  if (r.ok()) {
    if (!done) return raise_fmt(tp_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
    return OK();
  }
  if (exc_matches(tp_GeneratorExit) || exc_matches(tp_StopIteration)) {
    exc_clear();
    return OK();
  }
  return ERR;
}

// The collector's finalizer for generators, coroutines and async generators.
// Finalizers run at safe points (runtime/finalizers.h), so Python code may
// run here; its errors are reported as unraisable, as CPython does.
static void gen_finalizer(void* obj, void*) {
  Generator* g = static_cast<Generator*>(obj);
  Frame* f = g->frame;
  if (g->running) return;
  Value saved = exc_fetch();
  Result<Value> r = None();
  if (f->state == FrameState::Created) {
    if (g->type == tp_coroutine) {
      // warnings._warn_unawaited_coroutine adds where it was created. As in
      // CPython, warnings is imported for it; if that hook fails (other than by
      // a RuntimeWarning made an error), its exception is reported and the
      // warning is issued natively instead.
      bool warned = false;
      Result<Value> wr = import_module(str_intern("warnings"));
      Value fn;
      if (wr.ok() && getattr_opt(wr.value(), str_intern("_warn_unawaited_coroutine"), &fn).ok() && fn) {
        Result<Value> res = call1(fn, Value(g));
        if (res.ok() || exc_matches(tp_RuntimeWarning)) warned = true;
      }
      if (exc_pending()) report_unraisable("Exception ignored in: ", Value(g), exc_fetch());
      if (!warned) {
        std::string msg = "coroutine '" + std::string(g->qualname->view()) + "' was never awaited";
        r = warn(tp_RuntimeWarning, msg).is_err() ? Result<Value>(ERR) : Result<Value>(None());
      }
    }
  } else if (f->state == FrameState::Suspended) {
    if (g->type == tp_async_generator && g->ag_finalizer && !is_none(g->ag_finalizer)) {
      r = call1(g->ag_finalizer, Value(g));  // asyncio schedules aclose()
    } else {
      Status st = gen_close(g);
      r = st.is_err() ? Result<Value>(ERR) : Result<Value>(None());
    }
  }
  if (r.is_err()) report_unraisable("Exception ignored in: ", Value(g), exc_fetch());
  if (saved) exc_restore(saved);
}

void gen_finalize_now(Generator* g) {
  if (g->finalizable) {
    GC_register_finalizer_no_order(g, nullptr, nullptr, nullptr, nullptr);
    g->finalizable = false;
  }
  gen_finalizer(g, nullptr);
}

// An async generator's first iteration calls sys's firstiter hook and keeps
// its finalizer hook (asyncio uses them to close generators at shutdown).
static Status agen_init_hooks(Generator* g) {
  if (g->hooks_inited) return OK();
  g->hooks_inited = true;
  Value firstiter = sys_asyncgen_firstiter();
  g->ag_finalizer = sys_asyncgen_finalizer();
  if (firstiter && !is_none(firstiter)) TRY(call1(firstiter, Value(g)));
  return OK();
}

// ---- Python-visible methods ----------------------------------------------------------
static Generator* G(Value v) { return v.as<Generator>(); }

static Status gen_iternext(Value self, Value* out) {
  bool done;
  Result<Value> r = gen_resume(G(self), None(), Value(), &done);
  if (r.is_err()) return ERR;
  // Exhausted: a for loop ignores the return value (next() reports it, below).
  *out = done ? Value() : r.value();
  return OK();
}
static Result<Value> gen_next_m(Value* a, int64_t, Tuple*) { return gen_send(G(a[0]), None()); }
static Result<Value> gen_send_m(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("send", n - 1, 1, 1));
  return gen_send(G(a[0]), a[1]);
}
static Result<Value> gen_throw_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("throw", n - 1, 1, 3));
  Value exc = TRY(make_throw_exc(a + 1, n - 1));
  return gen_throw(G(a[0]), exc);
}
static Result<Value> gen_close_m(Value* a, int64_t, Tuple*) {
  TRY(gen_close(G(a[0])));
  return None();
}
static Result<Value> gen_iter_m(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> gen_repr(Value* a, int64_t, Tuple*) {
  char buf[48];
  std::snprintf(buf, sizeof buf, " at %#llx>", (unsigned long long)a[0].bits());
  std::string k = a[0].type() == tp_coroutine ? "coroutine" : a[0].type() == tp_async_generator ? "async_generator" : "generator";
  return Value(str_new("<" + k + " object " + std::string(G(a[0])->qualname->view()) + buf));
}
static Result<Value> g_frame(Value s) {
  Frame* f = G(s)->frame;
  return f->state == FrameState::Completed ? None() : Value(f);
}
static Result<Value> g_running(Value s) { return Bool(G(s)->running); }
static Result<Value> g_suspended(Value s) { return Bool(G(s)->frame->state == FrameState::Suspended); }
static Result<Value> g_code(Value s) { return Value(G(s)->frame->code); }
static Result<Value> g_yieldfrom(Value s) {
  Frame* f = G(s)->frame;
  return delegating(f) ? *frame_tos(f) : None();
}
static Result<Value> g_name(Value s) { return Value(G(s)->name); }
static Status g_name_set(Value s, Value v) {
  if (!v || !is_str(v)) return raise(tp_TypeError, "__name__ must be set to a string object");
  G(s)->name = as_str(v);
  return OK();
}
static Result<Value> g_qualname(Value s) { return Value(G(s)->qualname); }
static Status g_qualname_set(Value s, Value v) {
  if (!v || !is_str(v)) return raise(tp_TypeError, "__qualname__ must be set to a string object");
  G(s)->qualname = as_str(v);
  return OK();
}

// CPython's docstrings (tests and help() read them).
static const MethodDef gen_methods[] = {
    {"__iter__", gen_iter_m}, {"__next__", gen_next_m},
    {"send", gen_send_m, MethKind::Method,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw_m, MethKind::Method,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\n"
     "StopIteration."},
    {"close", gen_close_m, MethKind::Method, "close() -> raise GeneratorExit inside generator."},
    {"__repr__", gen_repr}, {nullptr, nullptr}};
static const GetSetDef gen_getsets[] = {{"gi_frame", g_frame}, {"gi_running", g_running}, {"gi_code", g_code},
                                        {"gi_yieldfrom", g_yieldfrom}, {"gi_suspended", g_suspended},
                                        {"__name__", g_name, g_name_set}, {"__qualname__", g_qualname, g_qualname_set},
                                        {nullptr, nullptr}};

// ---- coroutines ----
// coro.__await__() returns a wrapper iterator driving the coroutine.
struct CoroWrapper : Object {
  Dict* dict;
  Generator* coro;
};
static Result<Value> coro_await(Value* a, int64_t, Tuple*) {
  CoroWrapper* w = static_cast<CoroWrapper*>(alloc_instance(tp_coroutine_wrapper, sizeof(CoroWrapper)));
  w->coro = G(a[0]);
  return Value(w);
}
static Result<Value> cw_next(Value* a, int64_t, Tuple*) { return gen_send(a[0].as<CoroWrapper>()->coro, None()); }
static Result<Value> cw_send(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("send", n - 1, 1, 1));
  return gen_send(a[0].as<CoroWrapper>()->coro, a[1]);
}
static Result<Value> cw_throw(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("throw", n - 1, 1, 3));
  Value exc = TRY(make_throw_exc(a + 1, n - 1));
  return gen_throw(a[0].as<CoroWrapper>()->coro, exc);
}
static Result<Value> cw_close(Value* a, int64_t, Tuple*) {
  TRY(gen_close(a[0].as<CoroWrapper>()->coro));
  return None();
}
static const MethodDef cw_methods[] = {{"__iter__", gen_iter_m}, {"__next__", cw_next}, {"send", cw_send},
                                       {"throw", cw_throw}, {"close", cw_close}, {nullptr, nullptr}};
static const MethodDef coro_methods[] = {
    {"send", gen_send_m, MethKind::Method,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_throw_m, MethKind::Method,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or "
     "raise\nStopIteration."},
    {"close", gen_close_m, MethKind::Method, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_await, MethKind::Method, "Return an iterator to be used in await expression."},
    {"__repr__", gen_repr}, {nullptr, nullptr}};
static Result<Value> cr_origin(Value s) { return G(s)->origin ? G(s)->origin : None(); }
static const GetSetDef coro_getsets[] = {{"cr_origin", cr_origin}, {"cr_frame", g_frame}, {"cr_running", g_running},
                                         {"cr_code", g_code},
                                         {"cr_await", g_yieldfrom, nullptr, "object being awaited on, or None"},
                                         {"cr_suspended", g_suspended},
                                         {"__name__", g_name, g_name_set, "name of the coroutine"},
                                         {"__qualname__", g_qualname, g_qualname_set, "qualified name of the coroutine"},
                                         {nullptr, nullptr}};

// ---- async generators ----
// asend/athrow awaitables. State: 0 not started, 1 running, 2 done.
struct AsyncOp : Object {
  Dict* dict;
  Generator* gen;
  Value value;    // asend: value to send; athrow: exception to throw (null: aclose)
  int state;
  bool is_close;
};

static Value unwrap_async(Value v, bool* wrapped) {
  if (v.type() == tp_async_generator_wrapped_value) {
    *wrapped = true;
    return reinterpret_cast<Value*>(v.obj())[2];
  }
  *wrapped = false;
  return v;
}

// Resume the async generator with (v, exc) on behalf of an awaitable; turn
// its outcome into what the awaitable's send() must produce.
static Result<Value> async_step(AsyncOp* op, Value v, Value exc) {
  Generator* g = op->gen;
  bool done;
  Result<Value> r = exc ? throw_impl(g, exc, &done) : gen_resume(g, v, Value(), &done);
  if (r.is_err()) {
    op->state = 2;
    if (op->is_close && (exc_matches(tp_StopAsyncIteration) || exc_matches(tp_GeneratorExit))) {
      exc_clear();
      return raise_stop_iteration(None());
    }
    return ERR;
  }
  if (done) {
    op->state = 2;
    if (op->is_close) return raise_stop_iteration(None());
    return raise_value(Value(tp_StopAsyncIteration));
  }
  bool wrapped;
  Value y = unwrap_async(r.value(), &wrapped);
  if (wrapped) {
    op->state = 2;
    if (op->is_close) return raise(tp_RuntimeError, "async generator ignored GeneratorExit");
    return raise_stop_iteration(y);  // the awaitable completes with the yielded value
  }
  return y;  // an await inside the async generator: pass the value to the event loop
}

static Err reuse_error(Value op) {
  return raise(tp_RuntimeError, op.type() == tp_async_generator_athrow
                                    ? "cannot reuse already awaited aclose()/athrow()"
                                    : "cannot reuse already awaited __anext__()/asend()");
}
static Result<Value> aop_send(Value* a, int64_t n, Tuple*) {
  AsyncOp* op = a[0].as<AsyncOp>();
  Value v = n > 1 ? a[1] : None();
  if (op->state == 2) return reuse_error(a[0]);
  if (op->state == 0) {
    op->state = 1;
    if (a[0].type() == tp_async_generator_athrow) {
      Value exc = op->value ? op->value : exc_new(tp_GeneratorExit, tuple_empty());
      return async_step(op, Value(), exc);
    }
    if (op->gen->frame->state == FrameState::Completed) {
      op->state = 2;
      return raise_value(Value(tp_StopAsyncIteration));
    }
    return async_step(op, is_none(v) ? op->value : v, Value());
  }
  return async_step(op, v, Value());
}
static Result<Value> aop_next(Value* a, int64_t, Tuple*) {
  Value b[2] = {a[0], None()};
  return aop_send(b, 2, nullptr);
}
static Result<Value> aop_throw(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("throw", n - 1, 1, 3));
  AsyncOp* op = a[0].as<AsyncOp>();
  Value exc = TRY(make_throw_exc(a + 1, n - 1));
  if (op->state == 2) return reuse_error(a[0]);
  op->state = 1;
  return async_step(op, Value(), exc);
}
static Result<Value> aop_close(Value* a, int64_t, Tuple*) {
  a[0].as<AsyncOp>()->state = 2;
  return None();
}
static const MethodDef aop_methods[] = {{"__iter__", gen_iter_m}, {"__await__", gen_iter_m}, {"__next__", aop_next},
                                        {"send", aop_send}, {"throw", aop_throw}, {"close", aop_close},
                                        {nullptr, nullptr}};

static AsyncOp* aop_new(Type* t, Generator* g, Value v, bool is_close) {
  AsyncOp* op = static_cast<AsyncOp*>(alloc_instance(t, sizeof(AsyncOp)));
  op->gen = g;
  op->value = v;
  op->is_close = is_close;
  return op;
}
static Result<Value> ag_anext(Value* a, int64_t, Tuple*) {
  TRY(agen_init_hooks(G(a[0])));
  return Value(aop_new(tp_async_generator_asend, G(a[0]), None(), false));
}
static Result<Value> ag_asend(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("asend", n - 1, 1, 1));
  TRY(agen_init_hooks(G(a[0])));
  return Value(aop_new(tp_async_generator_asend, G(a[0]), a[1], false));
}
static Result<Value> ag_athrow(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("athrow", n - 1, 1, 3));
  TRY(agen_init_hooks(G(a[0])));
  Value exc = TRY(make_throw_exc(a + 1, n - 1));
  return Value(aop_new(tp_async_generator_athrow, G(a[0]), exc, false));
}
static Result<Value> ag_aclose(Value* a, int64_t, Tuple*) {
  TRY(agen_init_hooks(G(a[0])));
  return Value(aop_new(tp_async_generator_athrow, G(a[0]), Value(), true));
}
static const MethodDef agen_methods[] = {{"__aiter__", gen_iter_m}, {"__anext__", ag_anext}, {"asend", ag_asend},
                                         {"athrow", ag_athrow}, {"aclose", ag_aclose}, {"__repr__", gen_repr},
                                         {"__class_getitem__", generic_class_getitem, MethKind::Class},
                                         {nullptr, nullptr}};
static const GetSetDef agen_getsets[] = {{"ag_frame", g_frame}, {"ag_running", g_running}, {"ag_code", g_code},
                                         {"ag_await", g_yieldfrom}, {"__name__", g_name, g_name_set},
                                         {"__qualname__", g_qualname, g_qualname_set}, {nullptr, nullptr}};

void init_generator_types() {
  type_add_methods(tp_generator, gen_methods);
  type_add_getsets(tp_generator, gen_getsets);
  tp_generator->iternext = gen_iternext;
  type_add_methods(tp_coroutine, coro_methods);
  type_add_getsets(tp_coroutine, coro_getsets);
  type_add_methods(tp_coroutine_wrapper, cw_methods);
  type_add_methods(tp_async_generator, agen_methods);
  type_add_getsets(tp_async_generator, agen_getsets);
  type_add_methods(tp_async_generator_asend, aop_methods);
  type_add_methods(tp_async_generator_athrow, aop_methods);
}

}  // namespace gilpy
