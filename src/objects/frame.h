// Frames: the activation record of Python code. Allocated in the collected
// heap (generators keep theirs; tracebacks and sys._getframe refer to them).
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Code;
struct Function;
struct Dict;

enum class FrameState : uint8_t { Created, Running, Suspended, Completed };

struct Frame : Object {
  Code* code;
  Frame* back;
  Function* func;    // null for module, class-body and exec frames
  Dict* globals;
  // The builtins namespace: the dict of the interpreter's builtins module in
  // the common case, else whatever the globals' __builtins__ held (a mapping,
  // or any object: LOAD_GLOBAL and LOAD_NAME then use its __getitem__).
  Value builtins;
  Value locals;      // mapping for module/class/exec frames (LOAD_NAME), else null
  Dict* locals_snapshot;  // f_locals of an optimized frame, refreshed on access
  Value gen;         // owning generator/coroutine or null
  Str* builder;      // INPLACE_ADD_FAST's last str, referenced only by its local, or null
  Value trace;       // f_trace: the local trace function, or null (vm/trace.h)
  int32_t ip;        // next instruction (when suspended), current one while it runs
  int32_t sp;        // value-stack depth while suspended
  FrameState state;
  bool escaped;      // handed out: a reference may outlive the call (traceback, _getframe, f_back)
  // A caller of an escaped frame: reachable through f_back, so never recycled
  // (its identity must hold), but nothing holds it directly: when it completes
  // without having escaped itself, its variables are dropped (f_locals of such
  // a finished caller then reads empty, where CPython keeps the last values).
  bool pinned;
  bool no_trace_lines;  // f_trace_lines is False (stored inverted: frames start zeroed)
  bool trace_opcodes;   // f_trace_opcodes
  bool locals_read;     // f_locals was refreshed (trace calls write it back after)
  Value slots[];     // localsplus (see code.h) followed by the value stack
};

// Frame reuse: a function frame that finished without escaping goes back to
// a per-thread free list (frames are the largest per-call allocation). A
// frame escapes when something may keep it after its call returns: a
// traceback, sys._getframe(), f_back, a generator (which owns its frame).
// Marking a frame escaped pins its callers (f_back reaches them).
void frame_mark_escaped(Frame* f);
void frame_release(Frame* f);
// A finished frame kept for its identity only (a pinned caller, an exhausted
// generator's): forget its variables and value stack.
void frame_drop_variables(Frame* f);
// Before gc.collect(): zero the dead value-stack slots of every thread's running frames.
void frames_clear_dead_slots();

Frame* frame_new(Code* code, Dict* globals, Value locals, Function* func);
int frame_lineno(Frame* f);
Result<Dict*> frame_locals(Frame* f);  // f_locals / locals()
void frame_locals_to_fast(Frame* f);   // f_locals' snapshot back into the variables (after a trace call)

}  // namespace gilpy
