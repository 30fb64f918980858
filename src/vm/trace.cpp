// sys.settrace / sys.setprofile events (see trace.h for the design).
//
// CPython 3.11's rules, as observed from Python:
// - 'call' when a frame starts or a generator/coroutine resumes; the global
//   trace function's result becomes the frame's f_trace (None: no local
//   events for that frame). Profile functions get 'call' too.
// - 'line' before an instruction that starts a new line: its line differs
//   from the line of the instruction executed before it in this frame, or
//   it is the target of a backward jump (except the loop back to SEND of a
//   `yield from`/`await`). Instructions without a line give no event. The
//   first instruction a frame runs (after a closure's prologue) starts a line.
// - 'opcode' before every instruction when f_trace_opcodes is set.
// - 'exception' with (type, value, traceback) where an exception is raised
//   in or propagates into a frame (not where a handler re-raises it).
// - 'return' when a frame returns or yields (the value), or is left by an
//   exception (None).
// - A local trace function's non-None result replaces f_trace.
// - Trace functions see the frame's locals in f_locals, and what they store
//   there is written back to the frame's variables afterwards.
#include "vm/trace.h"

#include "bytecode/opcodes.h"
#include "objects/code.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "vm/vm_helpers.h"

namespace gilpy {

bool trace_wanted(const ThreadState* ts) { return (ts->trace_fn || ts->profile_fn) && ts->tracing == 0; }

// g_eval_hooks' trace bit: set while any thread has a trace or profile
// function (recounted when one changes).
static void update_hooks_bit() {
  bool any = false;
  for (ThreadState* t = g_interp.threads; t && !any; t = t->next) any = t->trace_fn || t->profile_fn;
  if (any) g_eval_hooks.fetch_or(EH_TRACE, std::memory_order_relaxed);
  else g_eval_hooks.fetch_and(~uint32_t(EH_TRACE), std::memory_order_relaxed);
  // The frame that called settrace (and its callers, as they resume)
  // switch loops at their next safe point.
  g_eval_breaker.fetch_or(EB_TRACE, std::memory_order_relaxed);
}

void trace_set(Value fn) {
  t_ts->trace_fn = fn && !is_none(fn) ? fn : Value();
  t_ts->trace_recheck = true;
  update_hooks_bit();
}
void profile_set(Value fn) {
  t_ts->profile_fn = fn && !is_none(fn) ? fn : Value();
  t_ts->profile_native = nullptr;
  update_hooks_bit();
}
void trace_set_all(Value fn, bool profile) {
  Value v = fn && !is_none(fn) ? fn : Value();
  for (ThreadState* t = g_interp.threads; t; t = t->next) {
    t->trace_recheck = true;
    if (profile) {
      t->profile_fn = v;
      t->profile_native = nullptr;
    } else {
      t->trace_fn = v;
    }
  }
  update_hooks_bit();  // every running thread re-checks at its next safe point
}
void profile_set_native(NativeProfileFn fn, Value obj) {
  t_ts->profile_fn = fn ? (obj ? obj : None()) : Value();
  t_ts->profile_native = fn ? reinterpret_cast<void*>(fn) : nullptr;
  update_hooks_bit();
}
Value trace_get() { return t_ts->trace_fn; }
Value profile_get() { return t_ts->profile_fn; }

// Calls fn(frame, what, arg) with events off and any pending exception put
// aside (restored when fn returns normally; replaced when it raises). A
// trace function's locals writes go back into the frame.
static Result<Value> call_hook(Frame* f, Value fn, const char* what, Value arg, bool is_trace) {
  ThreadState* ts = t_ts;
  frame_mark_escaped(f);
  Value pending = ts->exc;
  ts->exc = Value();
  ts->tracing++;
  TraceWhat outer = ts->trace_what;
  switch (what[0]) {
    case 'c': ts->trace_what = what[1] == 'a' ? TraceWhat::Call : TraceWhat::Other; break;
    case 'l': ts->trace_what = TraceWhat::Line; break;
    case 'r': ts->trace_what = TraceWhat::Return; break;
    case 'e': ts->trace_what = TraceWhat::Exception; break;
    case 'o': ts->trace_what = TraceWhat::Opcode; break;
    default: ts->trace_what = TraceWhat::Other;
  }
  f->locals_read = false;
  Value args[3] = {Value(f), Value(str_intern(what)), arg ? arg : None()};
  Result<Value> r = call(fn, args, 3);
  ts->trace_what = outer;
  ts->tracing--;
  if (is_trace && f->locals_read) frame_locals_to_fast(f);
  if (r.is_err()) return ERR;
  ts->exc = pending;
  return r;
}

// A trace event for frame f: 'call' goes to the thread's trace function,
// the others to f_trace. A raising trace function turns tracing off.
static Status trace_event(Frame* f, const char* what, Value arg) {
  ThreadState* ts = t_ts;
  bool is_call = what[0] == 'c';
  Value fn = is_call ? ts->trace_fn : f->trace;
  if (!fn) return OK();
  Result<Value> r = call_hook(f, fn, what, arg, true);
  if (r.is_err()) {
    f->trace = Value();
    trace_set(Value());
    return ERR;
  }
  if (!is_none(r.value())) f->trace = r.value();
  return OK();
}

static Status native_profile_event(Frame* f, const char* what, Value arg) {
  ThreadState* ts = t_ts;
  ProfileWhat w = what[0] == 'r'   ? ProfileWhat::Return
                  : what[0] != 'c' ? ProfileWhat::Call
                  : what[1] == 'a' ? ProfileWhat::Call
                  : what[2] == 'c' ? ProfileWhat::CCall
                  : what[2] == 'r' ? ProfileWhat::CReturn
                                   : ProfileWhat::CException;
  auto fn = reinterpret_cast<NativeProfileFn>(ts->profile_native);
  Value pending = ts->exc;
  ts->exc = Value();
  ts->tracing++;
  Status s = fn(ts->profile_fn, f, w, arg);
  ts->tracing--;
  if (s.is_err()) {
    profile_set(Value());
    return ERR;
  }
  ts->exc = pending;
  return OK();
}

static Status profile_event(Frame* f, const char* what, Value arg) {
  Value fn = t_ts->profile_fn;
  if (!fn) return OK();
  if (t_ts->profile_native) return native_profile_event(f, what, arg);
  Result<Value> r = call_hook(f, fn, what, arg, false);
  if (r.is_err()) {
    profile_set(Value());
    return ERR;
  }
  return OK();
}

Status trace_call_event(Frame* f) {
  if (t_ts->tracing) return OK();
  TRY(trace_event(f, "call", Value()));
  return profile_event(f, "call", Value());
}

Status trace_return_event(Frame* f, Value retval) {
  if (t_ts->tracing) return OK();
  if (t_ts->trace_fn) TRY(trace_event(f, "return", retval));
  return profile_event(f, "return", retval);
}

Status trace_exception_event(Frame* f) {
  ThreadState* ts = t_ts;
  if (ts->tracing || !ts->trace_fn || !f->trace) return OK();
  Value exc = ts->exc;
  Value tb = exc.is_obj() && is_exception(exc) ? as_exc(exc)->traceback : Value();
  Value info = Value(tuple_of({Value(exc.type()), exc, tb ? tb : None()}));
  return trace_event(f, "exception", info);
}

Status trace_instruction(Frame* f, int at, int* prev) {
  ThreadState* ts = t_ts;
  Code* co = f->code;
  int p = *prev;
  // A closure's prologue (COPY_FREE_VARS) runs before the first traceable
  // instruction, as CPython's runs before its RESUME.
  if (p < 0 && bytecode::Op(co->insns[at] & 0xFF) == bytecode::COPY_FREE_VARS) return OK();
  *prev = at;
  if (ts->tracing || !ts->trace_fn || !f->trace) return OK();
  int line = code_line_of(co, at);
  if (line > 0 && !f->no_trace_lines) {
    // The first traced instruction of a frame always starts a line.
    int lastline = p < 0 ? -1 : code_line_of(co, p);
    bool backward = p >= 0 && at < p && bytecode::Op(co->insns[at] & 0xFF) != bytecode::SEND;
    if (line != lastline || backward) TRY(trace_event(f, "line", Value()));
  }
  if (f->trace_opcodes && f->trace) TRY(trace_event(f, "opcode", Value()));
  return OK();
}

// A for loop's next() while tracing. CPython reports the StopIteration that
// ends a loop as an 'exception' event in the looping frame when one was
// actually raised: a generator that returned a value, or a __next__
// written in Python. Native iterators and generators returning None end
// without one, and without an event.
Status trace_iter_next(Frame* f, Value it, Value* out) {
  ThreadState* ts = t_ts;
  Type* t = it.type();
  Value stop;
  if (t == tp_generator) {
    bool done = false;
    Value r = TRY(gen_resume(it.as<Generator>(), None(), Value(), &done));
    *out = done ? Value() : r;
    if (!done || is_none(r)) return OK();
    stop = exc_new(tp_StopIteration, tuple_of({r}));
  } else if (t->iternext || ts->tracing || !ts->trace_fn || !f->trace) {
    return iter_next(it, out);
  } else {
    if (!type_lookup(t, str_intern("__next__"))) return iter_next(it, out);  // its TypeError
    Result<Value> r = call_method0(it, str_intern("__next__"));
    if (r.ok()) {
      *out = r.value();
      return OK();
    }
    if (!exc_matches(tp_StopIteration)) return ERR;
    stop = ts->exc;
    *out = Value();
  }
  ts->exc = stop;
  Status s = trace_exception_event(f);
  if (s.is_err()) return ERR;  // the trace function's exception
  ts->exc = Value();
  return OK();
}

// SEND in a traced frame found its receiver finished. CPython's traced SEND
// goes through next()/send(), which raise StopIteration (reported as an
// 'exception' event) unless the receiver is an iterator sent None that
// returned None.
Status trace_send_returned(Frame* f, Value receiver, Value sent, Value result) {
  ThreadState* ts = t_ts;
  if (ts->tracing || !ts->trace_fn || !f->trace) return OK();
  Type* t = receiver.type();
  bool iterator = t->iternext || type_lookup(t, str_intern("__next__"));
  if (iterator && is_none(sent) && (!result || is_none(result))) return OK();
  ts->exc = exc_new(tp_StopIteration, result && !is_none(result) ? tuple_of({result}) : tuple_new(0));
  Status s = trace_exception_event(f);
  if (s.is_err()) return ERR;
  ts->exc = Value();
  return OK();
}

bool trace_wants_c_events() { return t_ts->profile_fn && t_ts->tracing == 0; }

// c_call, then the call, then c_return or c_exception (shown: the builtin).
template <class Call>
static Result<Value> around_c_call(Frame* f, Value shown, Call&& run) {
  TRY(profile_event(f, "c_call", shown));
  Result<Value> r = run();
  if (r.is_err()) {
    TRY(profile_event(f, "c_exception", shown));
    return ERR;
  }
  TRY(profile_event(f, "c_return", shown));
  return r;
}

// CPython reports calls of builtin functions and of method descriptors (as
// the method bound to its first argument), not of slot wrappers or types.
Result<Value> trace_c_call(Value callable, Value* args, int64_t nargs, Tuple* kwnames) {
  ThreadState* ts = t_ts;
  Value shown;
  Type* t = callable.type();
  if (t == tp_builtin_function_or_method) {
    shown = callable;
  } else if (t == tp_method_descriptor && nargs > 0) {
    Result<Value> bound = descr_get(callable, args[0], Value(args[0].type()));
    if (bound.ok()) shown = bound.value();
    else ts->exc = Value();  // the call itself reports the mismatch
  }
  if (!shown || !ts->frame) return call(callable, args, nargs, kwnames);
  return around_c_call(ts->frame, shown, [&] { return call(callable, args, nargs, kwnames); });
}

// f(*args, **kwargs) of a builtin function: the same events (CPython reports
// only builtin_function_or_method objects there).
Result<Value> trace_c_call_ex(Value callable, Value self_or_null, Value args, Value kwargs) {
  ThreadState* ts = t_ts;
  auto run = [&] { return call_function_ex(callable, self_or_null, args, kwargs); };
  if (callable.type() != tp_builtin_function_or_method || !ts->frame) return run();
  return around_c_call(ts->frame, callable, run);
}

}  // namespace gilpy
