// sys.settrace / sys.setprofile: the events CPython 3.11 delivers to trace
// and profile functions (call, line, return, exception, opcode; c_call,
// c_return, c_exception for profilers), with its order and line rules.
//
// Cost when off: nothing on the default path. The eval loop has a separate
// instantiation for tracing (vm/eval.cpp, LoopMode::Trace), chosen when a
// frame is entered while the thread has a trace or profile function
// (g_eval_hooks says whether any thread might). A frame already running in
// the default loop when tracing starts moves to the traced loop at its next
// safe point or exception (EB_TRACE asks for that check), and back when
// tracing stops.
//
// Invariants: while a trace or profile function runs (ts->tracing > 0) no
// event is delivered on that thread. A trace function that raises turns
// tracing off for its thread (sys.settrace(None)) and its exception replaces
// whatever the frame was doing, as in CPython.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Frame;
struct ThreadState;

// True when frames of this thread should run in the traced loop.
bool trace_wanted(const ThreadState* ts);

// The events. Each returns an error when the trace or profile function
// raised (its exception is pending).
Status trace_call_event(Frame* f);                 // frame entered or generator resumed
Status trace_return_event(Frame* f, Value retval);  // retval null: leaving by an exception
Status trace_exception_event(Frame* f);             // ts->exc raised in (or through) f
// Before instruction `at` of f; *prev is the instruction executed before it
// in this frame (-1: none yet). May change f->ip (a trace function assigned
// f_lineno): the caller then continues at f->ip.
Status trace_instruction(Frame* f, int at, int* prev);
// FOR_ITER's next() in a traced frame: also the 'exception' event for a
// StopIteration that ends the loop (*out null when exhausted).
Status trace_iter_next(Frame* f, Value it, Value* out);
// SEND's receiver returned `result` (for the StopIteration event CPython's
// traced SEND reports).
Status trace_send_returned(Frame* f, Value receiver, Value sent, Value result);
// A call of a native function from a traced frame: c_call / c_return /
// c_exception around it when a profile function is set.
bool trace_wants_c_events();
Result<Value> trace_c_call(Value callable, Value* args, int64_t nargs, Tuple* kwnames);
Result<Value> trace_c_call_ex(Value callable, Value self_or_null, Value args, Value kwargs);  // CALL_FUNCTION_EX

// frame.f_lineno = n from a trace function: a jump (vm/trace_jump.cpp).
Status trace_set_lineno(Frame* f, Value v);

// A native profiler (CPython's PyEval_SetProfile with a C function; _lsprof):
// `fn(obj, frame, what, arg)` gets the profile events instead of a Python
// call; sys.getprofile() returns obj. Events are off while it runs. An error
// it returns turns profiling off and propagates, as a raising Python
// profile function does.
enum class ProfileWhat { Call, Return, CCall, CReturn, CException };
using NativeProfileFn = Status (*)(Value obj, Frame* f, ProfileWhat what, Value arg);
void profile_set_native(NativeProfileFn fn, Value obj);  // fn null: off

// sys.settrace / sys.setprofile for the current thread (None or null: off).
void trace_set(Value fn);
void profile_set(Value fn);
// The same for every thread of the interpreter (gil.settrace_all_threads).
void trace_set_all(Value fn, bool profile);
Value trace_get();    // null when off
Value profile_get();  // null when off

}  // namespace gilpy
