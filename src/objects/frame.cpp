// Frames and tracebacks: allocation and the Python-visible attributes
// (f_code, f_lineno, f_locals, f_globals, f_back; tb_frame, tb_lineno, ...).
#include "objects/frame.h"
#include "objects/list.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>
#include <algorithm>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "runtime/interp.h"
#include "vm/trace.h"
#include "bytecode/opcodes.h"

namespace gilpy {

// Released frames, by size in 16-byte granules (kept in the thread state so
// the collector sees them; linked through `back`).
static constexpr size_t kMaxFrameGranules = 64;

void frame_mark_escaped(Frame* f) {
  if (!f || f->escaped) return;
  f->escaped = true;
  // Callers already pinned (or escaped) have their own callers pinned.
  for (Frame* c = f->back; c && !c->pinned && !c->escaped; c = c->back) c->pinned = true;
}

void frame_drop_variables(Frame* f) {
  Value* s = f->slots;
  for (int i = 0, n = code_nlocalsplus(f->code) + f->code->stacksize; i < n; i++) s[i] = Value();
  f->locals_snapshot = nullptr;
  f->builder = nullptr;
  // The function too: a finished frame never reads it again (only
  // COPY_FREE_VARS does, at the start), and its closure's cells would keep
  // what the enclosing call had (a comprehension's function holds the cell
  // of the method's `self`: a ThreadPoolExecutor kept alive that way never
  // let its workers exit, test_concurrent_futures' test_del_shutdown).
  f->func = nullptr;
}

void frame_release(Frame* f) {
  if (f->escaped || f->pinned || f->gen) return;
  size_t nslots = size_t(code_nlocalsplus(f->code) + f->code->stacksize);
  size_t g = (sizeof(Frame) + nslots * sizeof(Value) + 15) >> 4;
  if (g > kMaxFrameGranules) return;
  // Zero by 16-byte granules in a loop: frames are small, and GCC expands a
  // variable-size memset here into `rep stos`, whose start-up cost dominated.
  uint64_t* w = reinterpret_cast<uint64_t*>(f);
  for (size_t i = 0; i < g; i++) {
    w[2 * i] = 0;
    w[2 * i + 1] = 0;
  }
  f->back = reinterpret_cast<Frame*>(g_alloc_cache.free_frames[g]);
  g_alloc_cache.free_frames[g] = f;
}

Frame* frame_new(Code* code, Dict* globals, Value locals, Function* func) {
  size_t nslots = size_t(code_nlocalsplus(code) + code->stacksize);
  size_t bytes = sizeof(Frame) + nslots * sizeof(Value);
  size_t g = (bytes + 15) >> 4;
  Frame* f;
  if (g <= kMaxFrameGranules && g_alloc_cache.free_frames[g]) {
    f = static_cast<Frame*>(g_alloc_cache.free_frames[g]);
    g_alloc_cache.free_frames[g] = f->back;
    f->back = nullptr;
    f->type = tp_frame;
  } else {
    f = static_cast<Frame*>(alloc_instance(tp_frame, bytes));
  }
  f->code = code;
  f->globals = globals;
  f->locals = locals;
  f->func = func;
  f->state = FrameState::Created;
  // Execution starts after a leading NOP (the compiler's prologue, where
  // CPython has RESUME: compiler/assemble.cpp): f_lasti and f_lineno then
  // read it as done, and no call dispatches it.
  f->ip = code->ninsns > 0 && bytecode::op_of(code->insns[0]) == bytecode::NOP ? 1 : 0;
  return f;
}

// gc.collect() frees what a program dropped, as CPython's would. The
// collector scans whole frames, and a running frame's value-stack slots
// above its live depth still hold what was popped from them (STORE_FAST
// leaves its operand there), which would keep it alive. Each thread's
// running frames are between instructions or inside one (a call, a
// switch), so the live depth is at most the depth before the current
// instruction plus what it pushes (with one slot to spare, except for
// calls); the rest of the stack is zeroed. Suspended and finished frames clear theirs in the
// eval loop (vm/eval.cpp: clear_dead_stack).
static void clear_dead_slots(Frame* f, std::vector<int>& depth) {
  Code* co = f->code;
  Value* stack = f->slots + code_nlocalsplus(co);
  int live = 0;
  if (f->state == FrameState::Running) {
    if (f->ip < 0) return;  // a jump a trace function just set (vm/trace_jump.cpp): keep all
    int i = f->ip - 1;
    if (i >= co->ninsns) return;
    if (i >= 0) {
      if (code_stack_depths(co, depth).is_err()) {
        exc_clear();
        return;
      }
      if (depth[size_t(i)] < 0) return;
      bytecode::Op op = bytecode::op_of(co->insns[i]);
      int arg = int(bytecode::arg_of(co->insns[i]));
      int grow = std::max(0, bytecode::stack_effect(op, arg));
      if (bytecode::op_info[op].flags & bytecode::OPF_JUMP) grow = std::max(grow, bytecode::stack_effect_jump(op, arg));
      // A call keeps its operands on the stack until it returns and pushes
      // nothing before (vm/eval.cpp: CALL, CALL_FUNCTION_EX), so every
      // frame waiting on a call has exactly the depth before it live.
      bool is_call = op == bytecode::CALL || op == bytecode::CALL_FUNCTION_EX;
      live = depth[size_t(i)] + (is_call ? 0 : grow + 1);
    }
  } else if (f->state == FrameState::Suspended) {
    live = f->sp;
  } else {
    return;  // not started, or finished (cleared when it finished)
  }
  for (int k = live; k < co->stacksize; k++) stack[k] = Value();
}

void frames_clear_dead_slots() {
  std::vector<int> depth;
  for (ThreadState* t = g_interp.threads; t; t = t->next)
    for (Frame* f = t->frame; f; f = f->back) clear_dead_slots(f, depth);
}

int frame_lineno(Frame* f) {
  if (f->ip < 0) return code_line_of(f->code, -1 - f->ip);  // a pending jump (vm/trace_jump.cpp)
  int ip = f->ip - 1;
  if (f->state == FrameState::Created) return f->code->firstlineno;
  // Entered, no instruction run yet (a trace function's 'call' event): the
  // def line, 0 for module code, where CPython's RESUME instruction stands.
  if (f->ip == 0) return f->code->name->view() == "<module>" ? 0 : f->code->firstlineno;
  return code_line_of(f->code, ip < 0 ? 0 : ip);
}

// f_locals of a function frame is a snapshot dict (CPython 3.11 semantics:
// writes to it do not write back, except through the dict itself).
Result<Dict*> frame_locals(Frame* f) {
  if (f->locals) {
    if (is_dict(f->locals)) return as_dict(f->locals);
  }
  Code* co = f->code;
  f->builder = nullptr;  // the snapshot shares every local's value
  Dict* d = f->locals_snapshot ? f->locals_snapshot : dict_new();
  f->locals_snapshot = d;
  f->locals_read = true;
  for (int32_t i = 0; i < co->nlocals; i++) {
    Str* name = as_str(co->varnames->items[i]);
    if (f->slots[i]) dict_set_str(d, name, f->slots[i]);
    else dict_del_str(d, name);
  }
  for (int32_t i = 0; i < co->ncells + co->nfrees; i++) {
    Value cell = f->slots[co->nlocals + i];
    Str* name = as_str(i < co->ncells ? co->cellvars->items[i] : co->freevars->items[i - co->ncells]);
    Value v = cell && cell.type() == tp_cell ? cell.as<Cell>()->ref : Value();
    if (v) dict_set_str(d, name, v);
    else dict_del_str(d, name);
  }
  return d;
}

// After a trace function ran (CPython's PyFrame_LocalsToFast with clear):
// the snapshot's values become the variables' values, and a name missing
// from it unbinds the variable. Module and class frames use their mapping
// directly and need nothing.
void frame_locals_to_fast(Frame* f) {
  Dict* d = f->locals_snapshot;
  if (!d || f->locals) return;
  Code* co = f->code;
  for (int32_t i = 0; i < co->nlocals; i++) f->slots[i] = dict_get_str(d, as_str(co->varnames->items[i]));
  for (int32_t i = 0; i < co->ncells + co->nfrees; i++) {
    Value cell = f->slots[co->nlocals + i];
    if (!cell || cell.type() != tp_cell) continue;
    Str* name = as_str(i < co->ncells ? co->cellvars->items[i] : co->freevars->items[i - co->ncells]);
    cell.as<Cell>()->ref = dict_get_str(d, name);
  }
}

static Frame* F(Value v) { return v.as<Frame>(); }
static Result<Value> f_code(Value s) { return Value(F(s)->code); }
static Result<Value> f_globals(Value s) { return Value(F(s)->globals); }
static Result<Value> f_builtins(Value s) { return Value(F(s)->builtins); }
// An instruction without line information (a replaced co_linetable) reads as None.
static Result<Value> f_lineno(Value s) {
  int line = frame_lineno(F(s));
  return line < 0 ? None() : Value::small(line);
}
static Status f_lineno_set(Value s, Value v) { return trace_set_lineno(F(s), v); }
static Result<Value> f_lasti(Value s) { return Value::small(F(s)->ip > 0 ? (F(s)->ip - 1) * 2 : 0); }
static Result<Value> f_back(Value s) {
  frame_mark_escaped(F(s));
  Frame* b = F(s)->back;
  frame_mark_escaped(b);  // handed out now
  return b ? Value(b) : None();
}
static Result<Value> f_locals(Value s) {
  if (F(s)->locals && !is_dict(F(s)->locals)) return F(s)->locals;
  Dict* d = TRY(frame_locals(F(s)));
  return Value(d);
}
static Result<Value> f_trace(Value s) { return F(s)->trace ? F(s)->trace : None(); }
static Status f_trace_set(Value s, Value v) {
  F(s)->trace = v && !is_none(v) ? v : Value();
  return OK();
}
static Result<Value> f_trace_lines(Value s) { return Bool(!F(s)->no_trace_lines); }
static Status f_trace_lines_set(Value s, Value v) {
  if (!v || v.type() != tp_bool) return raise(tp_TypeError, "attribute value type must be bool");
  F(s)->no_trace_lines = !(v.obj() == g_True);
  return OK();
}
static Result<Value> f_trace_opcodes(Value s) { return Bool(F(s)->trace_opcodes); }
static Status f_trace_opcodes_set(Value s, Value v) {
  if (!v || v.type() != tp_bool) return raise(tp_TypeError, "attribute value type must be bool");
  F(s)->trace_opcodes = (v.obj() == g_True);
  return OK();
}

static const GetSetDef frame_getsets[] = {
    {"f_code", f_code}, {"f_globals", f_globals}, {"f_builtins", f_builtins}, {"f_lineno", f_lineno, f_lineno_set},
    {"f_lasti", f_lasti}, {"f_back", f_back}, {"f_locals", f_locals}, {"f_trace", f_trace, f_trace_set},
    {"f_trace_lines", f_trace_lines, f_trace_lines_set}, {"f_trace_opcodes", f_trace_opcodes, f_trace_opcodes_set},
    {nullptr, nullptr}};

static Result<Value> frame_repr(Value* a, int64_t, Tuple*) {
  Frame* f = F(a[0]);
  char buf[64];
  std::snprintf(buf, sizeof buf, "<frame at %#llx, file '", (unsigned long long)a[0].bits());
  std::string s = std::string(buf) + std::string(f->code->filename->view()) + "', line " +
                  std::to_string(frame_lineno(f)) + ", code " + std::string(f->code->name->view()) + ">";
  return Value(str_new(s));
}
// frame.clear(): a finished frame (a traceback's) forgets its variables; a
// generator's frame finalizes the generator first (closing it, or warning
// that a coroutine was never awaited); a frame still on a thread's stack or
// a generator that is running refuses, as in CPython 3.11.
static Result<Value> frame_clear(Value* a, int64_t, Tuple*) {
  Frame* f = F(a[0]);
  if (f->gen) {
    Generator* g = f->gen.as<Generator>();
    if (g->running || f->state == FrameState::Running) return raise(tp_RuntimeError, "cannot clear an executing frame");
    gen_finalize_now(g);
  } else if (f->state == FrameState::Running) {
    return raise(tp_RuntimeError, "cannot clear an executing frame");
  }
  frame_drop_variables(f);
  f->trace = Value();
  return None();
}
static const MethodDef frame_methods[] = {{"__repr__", frame_repr}, {"clear", frame_clear}, {nullptr, nullptr}};

// ---- tracebacks ----
Traceback* traceback_new(Value next, Frame* f, int lasti, int lineno) {
  Traceback* tb = static_cast<Traceback*>(alloc_instance(tp_traceback, sizeof(Traceback)));
  tb->next = next;
  tb->frame = f;
  tb->lasti = lasti;
  tb->lineno = lineno;
  return tb;
}

void exc_add_traceback(Value exc, Frame* f, int ip) {
  if (!is_exception(exc)) return;
  frame_mark_escaped(f);
  BaseExc* e = as_exc(exc);
  e->traceback = traceback_new(e->traceback, f, ip * 2, code_line_of(f->code, ip));
}

static Traceback* TB(Value v) { return v.as<Traceback>(); }
static Result<Value> tb_next(Value s) { return TB(s)->next ? TB(s)->next : None(); }
static Status tb_next_set(Value s, Value v) {
  if (!v) return raise(tp_TypeError, "can't delete tb_next attribute");
  if (!is_none(v) && v.type() != tp_traceback)
    return raise_fmt(tp_TypeError, "expected traceback object or None, got '%s'", type_name(v));
  // No cycles: the new chain must not lead back to this traceback.
  for (Value c = is_none(v) ? Value() : v; c; c = TB(c)->next)
    if (c == s) return raise(tp_ValueError, "traceback loop detected");
  TB(s)->next = is_none(v) ? Value() : v;
  return OK();
}
static Result<Value> tb_frame(Value s) { return Value(TB(s)->frame); }
static Result<Value> tb_lineno(Value s) { return Value::small(TB(s)->lineno); }
static Result<Value> tb_lasti(Value s) { return Value::small(TB(s)->lasti); }
// TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno): tb_lasti is an offset
// (2 per instruction), stored as the instruction index.
static Result<Value> tb_new(Value* a, int64_t n, Tuple* kw) {
  Value arg[4];
  TRY(parse_args("TracebackType", a + 1, n - 1, kw, {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"}, 4, arg));
  if (!is_none(arg[0]) && arg[0].type() != tp_traceback)
    return raise_fmt(tp_TypeError, "expected traceback object or None, got '%s'", type_name(arg[0]));
  if (arg[1].type() != tp_frame)
    return raise_fmt(tp_TypeError, "TracebackType() argument 'tb_frame' must be frame, not %s", type_name(arg[1]));
  int lasti = TRY(as_c_int(arg[2]));
  int lineno = TRY(as_c_int(arg[3]));
  frame_mark_escaped(F(arg[1]));
  return Value(traceback_new(is_none(arg[0]) ? Value() : arg[0], F(arg[1]), lasti, lineno));
}
// dir(tb): its four attributes only, as CPython's tb_dir.
static Result<Value> tb_dir(Value*, int64_t, Tuple*) {
  List* l = list_new(0);
  for (const char* n : {"tb_frame", "tb_next", "tb_lasti", "tb_lineno"}) TRY(list_append(l, Value(str_intern(n))));
  return Value(l);
}
static const MethodDef tb_methods[] = {{"__new__", tb_new, MethKind::Static}, {"__dir__", tb_dir}, {nullptr, nullptr}};
static const GetSetDef tb_getsets[] = {{"tb_next", tb_next, tb_next_set}, {"tb_frame", tb_frame},
                                       {"tb_lineno", tb_lineno}, {"tb_lasti", tb_lasti}, {nullptr, nullptr}};

void init_frame_types() {
  type_add_getsets(tp_frame, frame_getsets);
  type_add_methods(tp_frame, frame_methods);
  type_add_getsets(tp_traceback, tb_getsets);
  type_add_methods(tp_traceback, tb_methods);
}

}  // namespace gilpy
