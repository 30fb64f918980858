// The eval loop: runs one frame's bytecode until it returns, yields or
// raises. Dispatch is computed goto (GILPY_COMPUTED_GOTO) or a switch; the
// handler set is derived from bytecode/opcodes.def, so an opcode without an
// implementation does not compile.
//
// Invariants: `sp` points one past the top of the value stack; between
// instructions the stack holds only Values (or null for PUSH_NULL /
// "absent"). On error the pending exception is in the thread state; the
// handler lookup (code_find_handler) cuts the stack to the handler's depth,
// pushes the exception and jumps, or the frame returns ERR to its caller.
#include <cmath>
#include <new>
#include <stdexcept>
#include <cstring>

#include "bytecode/opcodes.h"
#include "gc/heap.h"
#include "objects/code.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/import.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "vm/call.h"
#include "vm/inline_cache.h"
#include "vm/trace.h"
#include "vm/vm_helpers.h"
#include "vm/vm_match.h"

namespace gilpy {

using namespace bytecode;

// ---- fresh floats ------------------------------------------------------------
// CPython frees a float temporary the moment the next operation consumes it
// and reuses its memory at once; here it would stay garbage until the next
// collection, so `x*x + y*y` would leave three floats behind where CPython
// leaves none, and the collector would run three times as often. Instead the
// loop remembers the last two floats its fast paths made (FreshFloats). An
// operand the compiler marked as a temporary (ARG_TEMP_*, bytecode/opcodes.h)
// that is one of them is referenced by nothing but the value stack slot being
// consumed, so the instruction may overwrite it with its result or return it
// to the free list.
// Why that holds: a marked operand was pushed by the instruction that
// computed it (BINARY_OP or UNARY_NEGATIVE) and nothing in between can read
// below its own operands (the compiler copies no such slot). Those two
// instructions put their fast-path result in the set and clear the set on
// their general path, whose result may be any object, even one that the set
// holds but that a name captured since. A float leaves the set when reused or
// freed. A folded constant in a marked slot is never in the set: the set holds
// only floats made while this frame ran. The set is per loop invocation (a
// resumed generator starts empty) and is cleared on error.
struct FreshFloats {
  Object* last = nullptr;
  Object* prev = nullptr;
  // Removes v from the set; true if it was there.
  bool take(Value v) {
    if (v.obj() == last && last) { last = nullptr; return true; }
    if (v.obj() == prev && prev) { prev = nullptr; return true; }
    return false;
  }
  void add(Object* o) {
    if (last) prev = last;
    last = o;
  }
  void clear() { last = prev = nullptr; }
};

template <class T>
static inline bool compare_holds(T x, T y, uint32_t op) {
  switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y;
    case CMP_NE: return x != y;
    case CMP_GT: return x > y;
    default: return x >= y;
  }
}

// A float result for an instruction whose operands may be fresh temporaries:
// reuses the first one that is, frees the second.
static inline Value fresh_result(FreshFloats& fresh, double r, Value a, Value b, uint32_t arg) {
  Object* out = nullptr;
  if ((arg & ARG_TEMP_LEFT) && fresh.take(a)) out = a.obj();
  if ((arg & ARG_TEMP_RIGHT) && fresh.take(b)) {
    if (out) float_release(b.obj());
    else out = b.obj();
  }
  Value v;
  if (out) {
    static_cast<Float*>(out)->v = r;
    v = Value(out);
  } else {
    v = float_new(r);
  }
  fresh.add(v.obj());
  return v;
}

// kEvery: the race-hunting mode (gil::Mode::Every) polls the eval breaker
// before every instruction, so a thread switch can happen between any two
// bytecodes. It is a separate instantiation so that the default loop pays
// nothing for it.
// The collector scans whole frames. A frame that outlives this run of the
// loop (a suspended generator, a frame a traceback keeps) must not keep the
// values its stack held: zero the slots from `from` to the stack's end.
static inline void clear_dead_stack(Value* from, Value* end) {
  for (; from < end; ++from) *from = Value();
}

// The loop's instantiations (see eval_frame): kDefault; kEvery, which
// polls the eval breaker before every instruction; kTrace, which delivers
// sys.settrace/setprofile events (vm/trace.h). A loop leaves early, to be
// re-entered in another mode at the same point (`switched`), by returning
// ERR with ts->loop_switch set (switch_loop below): checked only on errors.
enum LoopMode { kDefault, kEveryMode, kTraceMode };
// GILPY_NO_TRACE_HOOKS (for measuring what tracing support costs only; see
// `make bench-tracing`): the default loop never checks for tracing, so
// sys.settrace reaches only frames entered after it.
#ifdef GILPY_NO_TRACE_HOOKS
constexpr bool kTraceHooks = false;
#else
constexpr bool kTraceHooks = true;
#endif

// A frame leaving the eval loop for good (completed) or until resumed
// (suspended) gives its caller back the thread. It keeps the link to its
// caller only if something may still read f_back: a frame that escaped
// (a traceback, sys._getframe()) or is pinned (a caller of one) and
// completed, as CPython's frame objects keep theirs. A suspended generator has no caller (f_back is None), and a
// completed frame nobody can reach must not hold a stale link: a conservative
// word naming it would otherwise keep its caller chain, and every local those
// frames held, alive after they returned.
static inline void leave_frame(ThreadState* ts, Frame* f) {
  ts->frame = f->back;
  if (GILPY_UNLIKELY(f->pinned) && !f->escaped && f->state == FrameState::Completed) {
    // Only reachable as a finished caller of an escaped frame (see frame.h):
    // keep the frame and its link, drop what it held.
    frame_drop_variables(f);
    return;
  }
  if (!f->escaped || f->state == FrameState::Suspended) f->back = nullptr;
}

template <int kMode>
static Result<Value> eval_loop(Frame* f, bool throwing, bool switched) {
  constexpr bool kEvery = kMode == kEveryMode;
  constexpr bool kTrace = kMode == kTraceMode;
  ThreadState* ts = t_ts;
  if (GILPY_UNLIKELY(!f->code->caches) && f->code->ncaches && !code_alloc_caches(f->code)) {
    f->state = FrameState::Completed;
    raise_memory_error();
    return ERR;
  }
  if (!enter_recursion()) {
    f->state = FrameState::Completed;
    return ERR;
  }
  f->back = ts->frame;
  ts->frame = f;
  const bool entering = f->state == FrameState::Created;
  f->state = FrameState::Running;
  Code* co = f->code;
  const uint32_t* insns = co->insns;
  Value* const fast = f->slots;
  Value* const stack_base = fast + code_nlocalsplus(co);
  Value* sp = stack_base + f->sp;
  Value* const consts = co->consts->items;
  Value* const names = co->names->items;
  int ip = f->ip;
  uint32_t insn = 0;
  uint32_t arg = 0;
  Tuple* kwnames = nullptr;
  bool reraise = false;
  int restore_lasti = -1;  // set by RERAISE n>0, consumed at `error`
  Value retval;
  FreshFloats fresh;
  // kTrace: the instruction executed before the current one (-1: none yet;
  // a new frame starts after its prologue NOP, which does not count).
  int trace_prev = entering ? -1 : ip - 1;

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-int(n)])
#define NAME(i) (names[i].as<Str>())
#define GOTO_ERROR() goto error
// A safe point (function entry, backward jumps, after calls): where another
// thread's drop request, signals and finalizers are served. The
// GILPY_NO_SAFEPOINT_CHECKS build (for measuring what the checks cost only;
// it cannot switch threads) compiles them out.
#ifdef GILPY_NO_SAFEPOINT_CHECKS
#define SAFE_POINT() \
  do {               \
  } while (0)
#else
// A loop other than kTrace also checks there whether the thread has started
// tracing (sys.settrace asks for the check with EB_TRACE).
#define SAFE_POINT()                                                                 \
  do {                                                                               \
    if (GILPY_UNLIKELY(eval_breaker_set())) {                                        \
      if (handle_eval_breaker().is_err()) goto error;                                \
      if constexpr (!kTrace && kTraceHooks) {                                        \
        if (GILPY_UNLIKELY(trace_wanted(ts))) goto switch_loop;                      \
      }                                                                              \
    }                                                                                \
  } while (0)
#endif
#define CHECK(r) \
  if (GILPY_UNLIKELY((r).is_err())) goto error
// After a with statement's __enter__, which may have started profiling
// (`with cProfile.Profile():`): CPython delivers events from the next
// instruction on, so the default loop moves to the traced one here. Not a
// safe point for the GIL (CPython 3.11 does not check its breaker there).
#define TRACE_SWITCH_POINT()                                                                   \
  do {                                                                                         \
    if constexpr (!kTrace && kTraceHooks) {                                                    \
      if (GILPY_UNLIKELY(g_eval_breaker.load(std::memory_order_relaxed) & EB_TRACE) &&          \
          trace_wanted(ts))                                                                    \
        goto switch_loop;                                                                      \
    }                                                                                          \
  } while (0)

#if GILPY_COMPUTED_GOTO
  static void* const targets[NUM_OPCODES] = {
#define OP(name, flags, pop, push) &&L_##name,
#include "bytecode/opcodes.def"
#undef OP
  };
#define TARGET(name) L_##name:
// f->ip is kept current (one store per instruction) so that f_lineno and
// tracebacks of frames further up the stack are right while they wait on a call.
// In the Every mode the poll comes after the fetch: an exception raised
// there (KeyboardInterrupt) belongs to the instruction about to run.
#define DISPATCH()                                                                 \
  do {                                                                             \
    insn = insns[ip++];                                                            \
    f->ip = ip;                                                                    \
    arg = insn >> 8;                                                               \
    if constexpr (kEvery) {                                                        \
      if (eval_breaker_set() && handle_eval_breaker().is_err()) goto error;        \
    }                                                                              \
    if constexpr (kTrace) {                                                        \
      TRACE_INSTRUCTION();                                                         \
    }                                                                              \
    goto* targets[insn & 0xFF];                                                    \
  } while (0)
#else
#define TARGET(name) case name:
#define DISPATCH() goto dispatch
#endif

// kTrace, before each instruction (already fetched): the GIL's Every mode,
// whether tracing stopped (back to the default loop, unless a KW_NAMES has
// just set kwnames for the CALL that follows), then line/opcode events. A
// trace function that assigned f_lineno set a jump (f->ip < 0): continue there.
#define TRACE_INSTRUCTION()                                                                      \
  do {                                                                                           \
    if (GILPY_UNLIKELY(gil::mode() == gil::Mode::Every) && eval_breaker_set() &&                 \
        handle_eval_breaker().is_err())                                                          \
      goto error;                                                                                \
    if (GILPY_UNLIKELY(!trace_wanted(ts)) && !kwnames) {                                         \
      ip--;                                                                                      \
      goto switch_loop;                                                                          \
    }                                                                                            \
    f->sp = int32_t(sp - stack_base);                                                            \
    if (trace_instruction(f, ip - 1, &trace_prev).is_err()) {                                    \
      if (f->ip < 0) f->ip = ip; /* a jump set before the raise is not taken */                  \
      goto error;                                                                                \
    }                                                                                            \
    if (GILPY_UNLIKELY(f->ip < 0)) { /* a jump: f->ip is -1 - target (objects/frame.cpp) */      \
      ip = -1 - f->ip;                                                                           \
      sp = stack_base + f->sp;                                                                   \
      trace_prev = ip;                                                                           \
      insn = insns[ip++];                                                                        \
      f->ip = ip;                                                                                \
      arg = insn >> 8;                                                                           \
    }                                                                                            \
  } while (0)

  if constexpr (kTrace) {
    if (!switched && trace_call_event(f).is_err()) {
      // The frame never ran: leave it as if its first instruction raised.
      exc_add_traceback(ts->exc, f, ip > 0 ? ip - 1 : 0);
      f->state = FrameState::Completed;
      leave_frame(ts, f);
      leave_recursion();
      return ERR;
    }
  }
  if (throwing) goto error;
  // Function entry is a safe point.
  if (!switched) SAFE_POINT();

#if GILPY_COMPUTED_GOTO
  DISPATCH();
#else
dispatch:
  insn = insns[ip++];
  f->ip = ip;
  arg = insn >> 8;
  if constexpr (kEvery) {
    if (eval_breaker_set() && handle_eval_breaker().is_err()) goto error;
  }
  if constexpr (kTrace) {
    TRACE_INSTRUCTION();
  }
  switch (Op(insn & 0xFF)) {
#endif

  TARGET(CACHE) { DISPATCH(); }
  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) {
    // Clear the slot: the collector scans whole frames, and a discarded
    // expression result left above sp would stay alive (no __del__, no
    // weakref callback) for as long as the frame runs.
    *--sp = Value();
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(Value());
    DISPATCH();
  }
  TARGET(COPY) {
    Value v = PEEK(arg);
    PUSH(v);
    DISPATCH();
  }
  TARGET(SWAP) {
    Value t = TOP();
    TOP() = PEEK(arg);
    PEEK(arg) = t;
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(consts[arg]);
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    Value v = fast[arg];
    if (GILPY_UNLIKELY(!v)) goto unbound_local;
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_FAST_SHARE) {
    Value v = fast[arg];
    if (GILPY_UNLIKELY(!v)) goto unbound_local;
    if (v.is_obj() && v.obj() == f->builder) f->builder = nullptr;
    PUSH(v);
    DISPATCH();
  }
  unbound_local:  // shared cold path of the LOAD_FAST family (arg: the local)
    raise_fmt(tp_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
              as_str(co->varnames->items[arg])->data);
    goto error;
  TARGET(STORE_FAST) {
    fast[arg] = POP();
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    if (!fast[arg]) {
      raise_fmt(tp_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                as_str(co->varnames->items[arg])->data);
      goto error;
    }
    fast[arg] = Value();
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    Result<Value> r = load_name(f, NAME(arg));
    CHECK(r);
    PUSH(r.value());
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    Value v = POP();
    if (!f->locals) {
      raise_fmt(tp_SystemError, "no locals found when storing '%s'", NAME(arg)->data);
      goto error;
    }
    if (is_dict(f->locals) && f->locals.type() == tp_dict) dict_set_str(as_dict(f->locals), NAME(arg), v);
    else { Status s = setitem(f->locals, Value(NAME(arg)), v); CHECK(s); }
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    Status s = delete_name(f, NAME(arg));
    CHECK(s);
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    InlineCache* c = &co->caches[arg_of(insns[ip++])];
    Dict* g = f->globals;
    if (c->key1 == g && c->version == g->version) {
      if (c->kind == 0) {
        PUSH(g->entries[c->index].value);
        DISPATCH();
      }
      // (key2 is only ever an exact dict: a builtins of another kind never matches.)
      Dict* b = f->builtins.as<Dict>();
      if (c->key2 == b && c->version2 == b->version) {
        PUSH(b->entries[c->index].value);
        DISPATCH();
      }
    }
    Result<Value> r = load_global_slow(g, f->builtins, NAME(arg), c);
    CHECK(r);
    PUSH(r.value());
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    dict_set_str(f->globals, NAME(arg), POP());
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    if (!dict_del_str(f->globals, NAME(arg))) {
      raise_fmt(tp_NameError, "name '%s' is not defined", NAME(arg)->data);
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Value v = fast[co->nlocals + int(arg)].as<Cell>()->ref;
    if (GILPY_UNLIKELY(!v)) {
      unbound_deref(co, int(arg));
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    Str* name = deref_name(co, int(arg));
    Value v;
    if (f->locals && is_dict(f->locals)) v = dict_get_str(as_dict(f->locals), name);
    if (!v) {
      v = fast[co->nlocals + int(arg)].as<Cell>()->ref;
      if (!v) {
        unbound_deref(co, int(arg));
        goto error;
      }
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    fast[co->nlocals + int(arg)].as<Cell>()->ref = POP();
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    Cell* c = fast[co->nlocals + int(arg)].as<Cell>();
    if (!c->ref) {
      unbound_deref(co, int(arg));
      goto error;
    }
    c->ref = Value();
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    Tuple* closure = f->func ? f->func->closure : nullptr;
    for (int i = 0; closure && i < int(arg) && i < co->nfrees && i < closure->size; i++)
      fast[co->nlocals + co->ncells + i] = closure->items[i];
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(fast[co->nlocals + int(arg)]);
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    InlineCache* c = &co->caches[arg_of(insns[ip++])];
    Result<Value> r = load_attr_cached(TOP(), NAME(arg), c);
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    InlineCache* c = &co->caches[arg_of(insns[ip++])];
    Value obj = POP();
    Value v = POP();
    Status s = store_attr_cached(obj, NAME(arg), v, c);
    CHECK(s);
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    Value obj = POP();
    Status s = delattr(obj, NAME(arg));
    CHECK(s);
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    InlineCache* c = &co->caches[arg_of(insns[ip++])];
    Value obj = TOP();
    Value meth;
    if (obj.is_obj() && obj.obj()->type->version == c->version && c->kind == IC_METHOD) {
      Object* s = inline_instance_storage(obj);
      if (!s || !instance_attr_get(obj.obj(), obj.obj()->type, NAME(arg))) {
        TOP() = c->value;
        PUSH(obj);
        DISPATCH();
      }
    }
    if (load_method_slow(obj, NAME(arg), c, &meth)) {
      TOP() = meth;
      PUSH(obj);
    } else {
      Result<Value> r = getattr(obj, NAME(arg));
      CHECK(r);
      TOP() = r.value();
      PUSH(Value());
    }
    DISPATCH();
  }
  TARGET(INPLACE_ADD_FAST) {
    Value b = TOP();
    Value a = SECOND();
    if (a.is_obj() && b.is_obj() && a.obj()->type == tp_str && b.obj()->type == tp_str &&
        as_str(a)->nbytes && as_str(b)->nbytes) {
      Str* r = str_builder_concat(as_str(a), as_str(b), a.obj() == f->builder);
      f->builder = r;
      (void)POP();
      TOP() = Value(r);
      DISPATCH();
    }
    arg = NB_INPLACE_ADD | (arg & ARG_TEMP_RIGHT);
    goto binary_op;
  }
  TARGET(BINARY_OP) {
  binary_op:
    Value b = POP();
    Value a = TOP();
    uint32_t nb = arg & ~ARG_TEMP_MASK;
    if (a.is_small() && b.is_small()) {
      Value r;
      if (small_int_binop(a.as_small(), b.as_small(), int(nb), &r)) {
        TOP() = r;
        DISPATCH();
      }
    } else {
      // Float fast path: float op float/int for + - * / and ** of a positive
      // base (division by zero, overflow and everything else take the
      // general route).
      double x, y;
      if (a.is_obj() && a.obj()->type == tp_float) {
        x = a.as<Float>()->v;
        if (b.is_small()) y = double(b.as_small());
        else if (b.is_obj() && b.obj()->type == tp_float) y = b.as<Float>()->v;
        else goto binop_slow;
      } else if (b.is_obj() && b.obj()->type == tp_float && a.is_small()) {
        x = double(a.as_small());
        y = b.as<Float>()->v;
      } else {
        goto binop_slow;
      }
      double r;
      switch (nb) {
        case NB_ADD: case NB_INPLACE_ADD: r = x + y; break;
        case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: r = x - y; break;
        case NB_MULTIPLY: case NB_INPLACE_MULTIPLY: r = x * y; break;
        case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE:
          if (y == 0.0) goto binop_slow;
          r = x / y;
          break;
        case NB_POWER: case NB_INPLACE_POWER:
          if (!(x > 0.0 && std::isfinite(x) && std::isfinite(y))) goto binop_slow;
          r = std::pow(x, y);
          if (std::isinf(r)) goto binop_slow;  // OverflowError
          break;
        default: goto binop_slow;
      }
      TOP() = fresh_result(fresh, r, a, b, arg);
      DISPATCH();
    }
  binop_slow:
    fresh.clear();
    Result<Value> r = binary_op(a, b, int(nb));
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(UNARY_POSITIVE) {
    Result<Value> r = unary_pos(TOP());
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    Value v = TOP();
    if (v.is_obj() && v.obj()->type == tp_float) {
      TOP() = fresh_result(fresh, -v.as<Float>()->v, v, Value(), arg);
      DISPATCH();
    }
    fresh.clear();
    Result<Value> r = unary_neg(v);
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    Result<bool> r = truthy(TOP());
    CHECK(r);
    TOP() = Bool(!r.value());
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    Result<Value> r = unary_invert(TOP());
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    Value b = POP();
    Value a = TOP();
    uint32_t op = arg & ~ARG_TEMP_MASK;
    if (a.is_small() && b.is_small()) {
      TOP() = Bool(compare_holds(a.as_small(), b.as_small(), op));
      DISPATCH();
    }
    // Floats, and a float against an int that a double holds exactly.
    double x, y;
    constexpr int64_t kExact = int64_t(1) << 53;
    if (a.is_obj() && a.obj()->type == tp_float) {
      x = a.as<Float>()->v;
      if (b.is_obj() && b.obj()->type == tp_float) y = b.as<Float>()->v;
      else if (b.is_small() && b.as_small() <= kExact && b.as_small() >= -kExact) y = double(b.as_small());
      else goto compare_slow;
    } else if (b.is_obj() && b.obj()->type == tp_float && a.is_small() && a.as_small() <= kExact &&
               a.as_small() >= -kExact) {
      x = double(a.as_small());
      y = b.as<Float>()->v;
    } else {
      goto compare_slow;
    }
    TOP() = Bool(compare_holds(x, y, op));
    // A temporary operand is dead now (see FreshFloats).
    if ((arg & ARG_TEMP_LEFT) && fresh.take(a)) float_release(a.obj());
    if ((arg & ARG_TEMP_RIGHT) && fresh.take(b)) float_release(b.obj());
    DISPATCH();
  compare_slow:
    Result<Value> r = richcompare(a, b, int(op));
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }

  TARGET(IS_OP) {
    Value b = POP();
    bool res = (TOP() == b) ^ (arg != 0);
    TOP() = Bool(res);
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    Value container = POP();
    Result<bool> r = contains(container, TOP());
    CHECK(r);
    TOP() = Bool(r.value() ^ (arg != 0));
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    Value key = POP();
    Value obj = TOP();
    if (key.is_small()) {
      int64_t i = key.as_small();
      if (obj.type() == tp_list) {
        List* l = obj.as<List>();
        if (i < 0) i += l->size;
        if (uint64_t(i) < uint64_t(l->size)) {
          TOP() = l->items[i];
          DISPATCH();
        }
      } else if (obj.type() == tp_tuple) {
        Tuple* t = obj.as<Tuple>();
        if (i < 0) i += t->size;
        if (uint64_t(i) < uint64_t(t->size)) {
          TOP() = t->items[i];
          DISPATCH();
        }
      }
    }
    Result<Value> r = getitem(obj, key);
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    Value key = POP();
    Value obj = POP();
    Value v = POP();
    if (key.is_small() && obj.type() == tp_list) {
      List* l = obj.as<List>();
      int64_t i = key.as_small();
      if (i < 0) i += l->size;
      if (uint64_t(i) < uint64_t(l->size)) {
        l->items[i] = v;
        DISPATCH();
      }
    }
    Status s = setitem(obj, key, v);
    CHECK(s);
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    Value key = POP();
    Value obj = POP();
    Status s = delitem(obj, key);
    CHECK(s);
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Value step = arg == 3 ? POP() : None();
    Value stop = POP();
    Value start = TOP();
    TOP() = slice_new(start, stop, step);
    DISPATCH();
  }
  TARGET(BUILD_TUPLE) {
    Tuple* t = tuple_from(sp - arg, arg);
    sp -= arg;
    PUSH(Value(t));
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    List* l = list_from(sp - arg, arg);
    sp -= arg;
    PUSH(Value(l));
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    Set* s = set_new();
    for (uint32_t i = 0; i < arg; i++) {
      Status st = set_add(s, sp[-int(arg) + int(i)]);
      CHECK(st);
    }
    sp -= arg;
    PUSH(Value(s));
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    Dict* d = dict_new();
    Value* base = sp - 2 * arg;
    for (uint32_t i = 0; i < arg; i++) {
      Status st = dict_set(d, base[2 * i], base[2 * i + 1]);
      CHECK(st);
    }
    sp = base;
    PUSH(Value(d));
    DISPATCH();
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    Tuple* keys = POP().as<Tuple>();
    Dict* d = dict_new();
    Value* base = sp - arg;
    for (uint32_t i = 0; i < arg; i++) {
      Status st = dict_set(d, keys->items[i], base[i]);
      CHECK(st);
    }
    sp = base;
    PUSH(Value(d));
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    Result<Value> r = build_string(sp - arg, int(arg));
    CHECK(r);
    sp -= arg;
    PUSH(r.value());
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Value v = POP();
    Status s = list_append(PEEK(arg).as<List>(), v);
    CHECK(s);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Value v = POP();
    Status s = set_add(PEEK(arg).as<Set>(), v);
    CHECK(s);
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Value v = POP();
    Value k = POP();
    Status s = dict_set(PEEK(arg).as<Dict>(), k, v);
    CHECK(s);
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Value it = POP();
    Status s = list_extend_for_display(PEEK(arg).as<List>(), it);
    CHECK(s);
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Value it = POP();
    Status s = set_update(PEEK(arg).as<Set>(), it);
    CHECK(s);
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Value m = POP();
    Status s = dict_update_for_display(PEEK(arg).as<Dict>(), m);
    CHECK(s);
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Value m = POP();
    // PEEK(arg) is the dict; below it: the args tuple, NULL, the callable.
    Status s = dict_merge_kwargs(PEEK(arg).as<Dict>(), m, PEEK(arg + 3));
    CHECK(s);
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    List* l = TOP().as<List>();
    TOP() = Value(tuple_from(l->items, l->size));
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    Value seq = POP();
    Status s = unpack_sequence(seq, int(arg), sp);
    CHECK(s);
    sp += arg;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    Value seq = POP();
    int before = int(arg & 0xFF), after = int(arg >> 8);
    Status s = unpack_ex(seq, before, after, sp);
    CHECK(s);
    sp += before + after + 1;
    DISPATCH();
  }
  TARGET(JUMP_FORWARD) {
    ip = int(arg);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    ip = int(arg);
    SAFE_POINT();
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    if (v == False()) { ip = int(arg); DISPATCH(); }
    if (v == True()) DISPATCH();
    Result<bool> r = truthy(v);
    CHECK(r);
    if (!r.value()) ip = int(arg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    if (v == True()) { ip = int(arg); DISPATCH(); }
    if (v == False()) DISPATCH();
    Result<bool> r = truthy(v);
    CHECK(r);
    if (r.value()) ip = int(arg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    if (is_none(POP())) ip = int(arg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    if (!is_none(POP())) ip = int(arg);
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    Result<bool> r = truthy(TOP());
    CHECK(r);
    if (!r.value()) ip = int(arg);
    else --sp;
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    Result<bool> r = truthy(TOP());
    CHECK(r);
    if (r.value()) ip = int(arg);
    else --sp;
    DISPATCH();
  }
  TARGET(GET_ITER) {
    Result<Value> r = get_iter(TOP());
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    Value it = TOP();
    Value next;
    Status s = kTrace ? trace_iter_next(f, it, &next) : iter_next(it, &next);
    CHECK(s);
    if (next) {
      PUSH(next);
    } else {
      // Clear the slot (as POP_TOP does): the collector scans whole frames,
      // and the finished iterator would keep its container alive.
      *--sp = Value();
      ip = int(arg);
    }
    DISPATCH();
  }
  TARGET(KW_NAMES) {
    kwnames = consts[arg].as<Tuple>();
    DISPATCH();
  }
  TARGET(CALL) {
    int total = int(arg);
    int nkw = kwnames ? int(kwnames->size) : 0;
    Value* args = sp - total;
    Value callable = args[-2];
    int64_t npos = total - nkw;
    if (args[-1]) {
      --args;
      ++npos;
    } else if (callable.type() == tp_method) {
      BoundMethod* m = callable.as<BoundMethod>();
      args[-1] = m->self;
      callable = m->func;
      --args;
      ++npos;
    }
    Tuple* kw = kwnames;
    kwnames = nullptr;
    Result<Value> r = callable.type() == tp_function       ? call_function(callable.as<Function>(), args, npos, kw)
                      : (kTrace && trace_wants_c_events()) ? trace_c_call(callable, args, npos, kw)
                                                           : call(callable, args, npos, kw);
    // The arguments' slots are cleared (the collector scans whole frames): an
    // argument the callee dropped, e.g. the container an iterator finished
    // with, must not stay alive until the slot is reused.
    for (Value* p = sp - total - 1; p < sp; ++p) *p = Value();
    sp -= total + 2;
    CHECK(r);
    PUSH(r.value());
    SAFE_POINT();
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_EX) {
    Value kwargs = (arg & 1) ? POP() : Value();
    Value posargs = POP();
    Value self_or_null = POP();
    sp[0] = sp[1] = Value();  // see CALL
    if (arg & 1) sp[2] = Value();
    Value callable = TOP();
    Result<Value> r = (kTrace && trace_wants_c_events()) ? trace_c_call_ex(callable, self_or_null, posargs, kwargs)
                                                         : call_function_ex(callable, self_or_null, posargs, kwargs);
    CHECK(r);
    TOP() = r.value();
    SAFE_POINT();  // after a call, as CPython 3.11's CALL_FUNCTION_EX checks
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    Code* code = POP().as<Code>();
    Function* fn = function_new(code, f->globals, code->qualname);
    fn->builtins = f->builtins;
    if (arg & MF_CLOSURE) fn->closure = POP().as<Tuple>();
    if (arg & MF_ANNOTATIONS) fn->annotations = POP();
    if (arg & MF_KWDEFAULTS) fn->kwdefaults = POP().as<Dict>();
    if (arg & MF_DEFAULTS) fn->defaults = POP().as<Tuple>();
    PUSH(Value(fn));
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    retval = POP();
    f->state = FrameState::Completed;
    if (f->escaped) clear_dead_stack(sp, stack_base + co->stacksize);
    goto exit_frame;
  }
  TARGET(LOAD_BUILD_CLASS) {
    Value bc;
    if (f->builtins.type() == tp_dict) {
      bc = dict_get_str(as_dict(f->builtins), N.__build_class__);
      if (!bc) {
        raise(tp_NameError, "__build_class__ not found");
        goto error;
      }
    } else {
      // Builtins of any other kind: their __getitem__, a KeyError reworded (as CPython 3.11).
      Result<Value> r = getitem(f->builtins, Value(N.__build_class__));
      if (r.is_err()) {
        if (exc_matches(tp_KeyError)) raise(tp_NameError, "__build_class__ not found");
        goto error;
      }
      bc = r.value();
    }
    PUSH(bc);
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    Value fromlist = POP();
    Value level = TOP();
    Result<Value> r = import_name(f, NAME(arg), fromlist, level);
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    Result<Value> r = import_from(TOP(), NAME(arg));
    CHECK(r);
    PUSH(r.value());
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Value m = POP();
    Status s = import_star(f, m);
    CHECK(s);
    DISPATCH();
  }
  TARGET(RAISE_VARARGS) {
    Value cause = arg == 2 ? POP() : Value();
    Value exc = arg >= 1 ? POP() : Value();
    if (do_raise(exc, cause, &reraise).is_err()) goto error;
    goto error;  // do_raise always leaves an exception pending
  }
  TARGET(RERAISE) {
    Value exc = POP();
    // RERAISE n>0 (cleanup handlers): the lasti pushed at the handler's entry
    // lies n below; it becomes the frame's last instruction if the exception
    // leaves the frame, and the lasti of an enclosing cleanup handler.
    if (arg) {
      Value l = PEEK(arg);
      if (l.is_small()) restore_lasti = int(l.as_small());
    }
    exc_restore(exc);
    reraise = true;
    goto error;
  }
  TARGET(PUSH_EXC_INFO) {
    Value exc = TOP();
    Value prev = ts->handled;
    // While a generator still shows its caller's exception, "inherited" is
    // saved instead of that exception, which may be stale when the block
    // ends after the generator was resumed elsewhere (g_exc_inherit).
    if (ts->handled_inherited) prev = Value(g_exc_inherit);
    TOP() = prev ? prev : None();
    PUSH(exc);
    ts->handled = exc;
    ts->handled_inherited = false;
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    restore_handled(ts, POP());
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    Value type = TOP();
    Result<bool> r = exception_matches(SECOND(), type);
    CHECK(r);
    TOP() = Bool(r.value());
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    Value match, rest;
    Status s = exception_group_match(SECOND(), TOP(), &match, &rest);
    CHECK(s);
    if (!match) {
      TOP() = None();
    } else {
      SECOND() = rest;
      TOP() = match;
      ts->handled = match;
      ts->handled_inherited = false;
    }
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    Value excs = POP();
    Result<Value> r = exc_prep_reraise_star(TOP(), excs.as<List>());
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    Value exc = TOP();
    Value exit = PEEK(4);  // [exit, lasti, prev, exc]
    Value args[3] = {Value(exc.type()), exc, exc_traceback_or_none(exc)};
    Result<Value> r = call(exit, args, 3);
    // The array lives in this loop's native frame, which later instructions
    // may not overwrite: a suppressed exception (and all its traceback's
    // frames) would stay reachable from it until the function returns. The
    // barrier keeps the otherwise dead stores.
    args[0] = args[1] = args[2] = Value();
    __asm__ __volatile__("" : : "r"(args) : "memory");
    CHECK(r);
    PUSH(r.value());
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    Value mgr = TOP();
    Value enter_res, exit;
    Status s = before_with(mgr, &exit, &enter_res);
    CHECK(s);
    TOP() = exit;
    PUSH(enter_res);
    TRACE_SWITCH_POINT();
    DISPATCH();
  }
  TARGET(BEFORE_ASYNC_WITH) {
    Value mgr = TOP();
    Value enter_res, exit;
    Status s = before_async_with(mgr, &exit, &enter_res);
    CHECK(s);
    TOP() = exit;
    PUSH(enter_res);
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    Value spec = (arg & FVS_HAVE_SPEC) ? POP() : Value();
    Result<Value> r = format_value(TOP(), int(arg & FVC_MASK), spec);
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    retval = POP();
    f->ip = ip;
    f->sp = int32_t(sp - stack_base);
    if (GILPY_UNLIKELY(gc::g_precise_collect)) clear_dead_stack(sp, stack_base + co->stacksize);
    f->state = FrameState::Suspended;
    goto exit_frame;
  }
  TARGET(SEND) {
    Value v = POP();
    Value receiver = TOP();
    bool done = false;
    Result<Value> r = send_to(receiver, v, &done);
    CHECK(r);
    if constexpr (kTrace) {
      if (done && trace_send_returned(f, receiver, v, r.value()).is_err()) goto error;
    }
    if (done) {
      TOP() = r.value();
      ip = int(arg);
    } else {
      PUSH(r.value());
    }
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Result<Value> r = get_yield_from_iter(TOP(), co->flags);
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    Result<Value> r = get_awaitable(TOP(), int(arg));
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(GET_AITER) {
    Result<Value> r = get_aiter(TOP());
    CHECK(r);
    TOP() = r.value();
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    Result<Value> r = get_anext(TOP());
    CHECK(r);
    PUSH(r.value());
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Value exc = POP();
    if (isinstance(exc, tp_StopAsyncIteration)) {
      --sp;  // the async iterator
      DISPATCH();
    }
    exc_restore(exc);
    reraise = true;
    goto error;
  }
  TARGET(ASYNC_GEN_WRAP) {
    TOP() = async_gen_wrap(TOP());
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    Status s = setup_annotations(f);
    CHECK(s);
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value(tp_AssertionError));
    DISPATCH();
  }
  TARGET(PRINT_EXPR) {
    Value v = POP();
    Status s = print_expr(v);
    CHECK(s);
    DISPATCH();
  }
  TARGET(LOAD_LOCALS) {
    if (!f->locals) {
      raise(tp_SystemError, "no locals found");
      goto error;
    }
    PUSH(f->locals);
    DISPATCH();
  }
  TARGET(GET_LEN) {
    Result<int64_t> n = len(TOP());
    CHECK(n);
    PUSH(int_from_i64(n.value()));
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    Result<bool> r = match_is_mapping(TOP());
    CHECK(r);
    PUSH(Bool(r.value()));
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    Result<bool> r = match_is_sequence(TOP());
    CHECK(r);
    PUSH(Bool(r.value()));
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    Value values;
    Status s = match_keys(SECOND(), TOP().as<Tuple>(), &values);
    CHECK(s);
    PUSH(values ? values : None());
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    Tuple* kwnames_ = POP().as<Tuple>();
    Value cls = POP();
    Value attrs;
    Status s = match_class(TOP(), cls, int64_t(arg), kwnames_, &attrs);
    CHECK(s);
    TOP() = attrs ? attrs : None();
    DISPATCH();
  }

#if !GILPY_COMPUTED_GOTO
  default:
    fatal("unknown opcode %u", insn & 0xFF);
  }
#endif

error : {
  fresh.clear();
  // ip points past the failing instruction.
  int at = ip - 1;
  if constexpr (!kTrace && kTraceHooks) {
    // Tracing started meanwhile: let the traced loop raise this (its
    // 'exception' event), unless a handler's re-raise state would be lost.
    if (GILPY_UNLIKELY(ts->trace_fn) && !reraise && restore_lasti < 0 && trace_wanted(ts)) {
      f->ip = ip;
      f->sp = int32_t(sp - stack_base);
      ts->loop_switch = 2;
      ts->frame = f->back;
      leave_recursion();
      return ERR;
    }
  }
  if (GILPY_UNLIKELY(!ts->exc)) {
    // A native function returned ERR without raising: a bug in that function.
#ifdef GILPY_DEBUG
    fatal("error return without exception set (%s, instruction %d of %s)", bytecode::op_info[insn & 0xFF].name, at,
          co->qualname->data);
#endif
    raise(tp_SystemError, "error return without exception set");
  }
  Value exc = ts->exc;
  if (!reraise) {
    if (ts->handled && exc != ts->handled) chain_context(exc, ts->handled);
    exc_add_traceback(exc, f, at);
    // A raising trace function's exception replaces this one.
    if constexpr (kTrace) (void)trace_exception_event(f);
  }
  reraise = false;
  kwnames = nullptr;
  const ExcEntry* h = code_find_handler(co, at);
  int lasti = restore_lasti;
  restore_lasti = -1;
  if (h) {
    sp = stack_base + h->depth;
    if (h->lasti) PUSH(Value::small(lasti >= 0 ? lasti : at));
    PUSH(ts->exc);
    ts->exc = Value();
    ip = int(h->target);
    DISPATCH();
  }
  if (lasti >= 0) f->ip = lasti + 1;
  if (f->escaped) clear_dead_stack(stack_base, stack_base + co->stacksize);
  f->state = FrameState::Completed;
  if constexpr (kTrace) {
    (void)trace_return_event(f, Value());  // a raising profiler's exception replaces this one
    // The caller may still be in the default loop: its next safe point
    // checks. (Set after the event: the trace function's own calls poll and
    // clear the bit.)
    g_eval_breaker.fetch_or(EB_TRACE, std::memory_order_relaxed);
  }
  leave_frame(ts, f);
  leave_recursion();
  return ERR;
}

exit_frame:
  if constexpr (kTrace) {
    Status s = trace_return_event(f, retval);
    g_eval_breaker.fetch_or(EB_TRACE, std::memory_order_relaxed);  // see above
    if (s.is_err()) {
      f->state = FrameState::Completed;
      leave_frame(ts, f);
      leave_recursion();
      return ERR;
    }
  }
  leave_frame(ts, f);
  leave_recursion();
  return retval;

switch_loop:
  // Leave this loop to be re-entered in the other mode at instruction ip,
  // with the stack as it is (eval_frame does the re-entry).
  f->ip = ip;
  f->sp = int32_t(sp - stack_base);
  ts->loop_switch = 1;
  ts->frame = f->back;
  leave_recursion();
  return ERR;
}

// Native code reports an allocation it cannot make (a size a program asked
// for: 'a' * 2**40, bytes(2**40), a format width) by throwing std::bad_alloc
// (gc::alloc, std::string) or std::length_error. No C++ exception may reach
// std::terminate: the frame running the instruction that failed resumes in
// its error path with MemoryError, as if the instruction had raised it. Only
// native frames lie between the throw and here (each Python frame has its
// own guard), and the unwinding undoes what they hold through RAII.
// The collector scans the C stack conservatively, and a native frame keeps
// whatever earlier, deeper calls left in the slots it has not written yet.
// eval_loop's frame is large and most of its slots are written only by some
// instructions, so a function that calls gc.collect() would keep alive an
// object its caller just dropped (made by calls that ran where this frame
// now sits). scrub_loop_frame zeroes the bytes below its own return address
// (where eval_loop's return address and frame will be: same caller, same
// stack pointer) first, so `x = None; gc.collect()` frees x's object as in
// CPython. Plain vector stores: memset here became `rep stos`, whose start-up
// cost showed in call-heavy benchmarks. The bytes lie below the stack
// pointer; nothing reads them before eval_loop's frame is written there.
static constexpr int kLoopFrameBytes = 320;  // eval_loop<*>'s frame is 296 bytes (x86-64, GCC 12 -O2)
#if defined(__x86_64__)
extern "C" void gilpy_scrub_loop_frame();
__asm__(
    ".text\n"
    ".p2align 4\n"
    ".type gilpy_scrub_loop_frame,@function\n"
    "gilpy_scrub_loop_frame:\n"
    "  pxor %xmm0, %xmm0\n"
    "  lea -320(%rsp), %rax\n"
    "  and $-16, %rax\n"
    "  movaps %xmm0, 0(%rax)\n  movaps %xmm0, 16(%rax)\n  movaps %xmm0, 32(%rax)\n  movaps %xmm0, 48(%rax)\n"
    "  movaps %xmm0, 64(%rax)\n  movaps %xmm0, 80(%rax)\n  movaps %xmm0, 96(%rax)\n  movaps %xmm0, 112(%rax)\n"
    "  movaps %xmm0, 128(%rax)\n  movaps %xmm0, 144(%rax)\n  movaps %xmm0, 160(%rax)\n  movaps %xmm0, 176(%rax)\n"
    "  movaps %xmm0, 192(%rax)\n  movaps %xmm0, 208(%rax)\n  movaps %xmm0, 224(%rax)\n  movaps %xmm0, 240(%rax)\n"
    "  movaps %xmm0, 256(%rax)\n  movaps %xmm0, 272(%rax)\n  movaps %xmm0, 288(%rax)\n  movaps %xmm0, 304(%rax)\n"
    "  ret\n"
    ".size gilpy_scrub_loop_frame, .-gilpy_scrub_loop_frame\n");
static inline void scrub_loop_frame() { gilpy_scrub_loop_frame(); }
#else
static void __attribute__((noinline)) scrub_loop_frame() {
  char buf[kLoopFrameBytes];
  std::memset(buf, 0, sizeof buf);
  __asm__ __volatile__("" : : "r"(buf) : "memory");
}
#endif

template <int kMode>
static Result<Value> eval_guarded(Frame* f, bool throwing, bool switched) {
  for (;;) {
    try {
      // Only once the program has asked for a collection, and not on
      // generator resumption, the hottest way into the loop (a generator
      // body calling gc.collect() is rare). A call costs a few ns more.
      if (GILPY_UNLIKELY(gc::g_precise_collect) && f->state == FrameState::Created) scrub_loop_frame();
      return eval_loop<kMode>(f, throwing, switched);
    } catch (const std::bad_alloc&) {
    } catch (const std::length_error&) {
    }
    // eval_loop had entered the frame; undo that before re-entering it with
    // the error pending (f->ip still names the failing instruction).
    ThreadState* ts = t_ts;
    ts->frame = f->back;
    leave_recursion();
    raise_memory_error();
    throwing = true;
    switched = true;  // no second 'call' event
  }
}

// Runs f in the loop the thread needs now, again each time a loop leaves to
// change mode (tracing started or stopped).
static Result<Value> __attribute__((noinline)) eval_hooked(Frame* f, bool throwing, bool switched) {
  ThreadState* ts = t_ts;
  for (;;) {
    Result<Value> r = trace_wanted(ts)                         ? eval_guarded<kTraceMode>(f, throwing, switched)
                      : gil::mode() == gil::Mode::Every ? eval_guarded<kEveryMode>(f, throwing, switched)
                                                        : eval_guarded<kDefault>(f, throwing, switched);
    if (GILPY_LIKELY(r.ok() || !ts->loop_switch)) return r;
    throwing = ts->loop_switch == 2;
    ts->loop_switch = 0;
    switched = true;
  }
}

Result<Value> eval_frame(Frame* f, bool throwing) {
  GILPY_ASSERT_GIL();
  if constexpr (!kTraceHooks) {
    if (GILPY_UNLIKELY(gil::mode() == gil::Mode::Every)) return eval_guarded<kEveryMode>(f, throwing, false);
    return eval_guarded<kDefault>(f, throwing, false);
  }
  if (GILPY_UNLIKELY(g_eval_hooks.load(std::memory_order_relaxed))) return eval_hooked(f, throwing, false);
  Result<Value> r = eval_guarded<kDefault>(f, throwing, false);
  if (GILPY_LIKELY(r.ok() || !t_ts->loop_switch)) return r;
  // The default loop left to switch mode (settrace from inside this frame).
  bool again_throwing = t_ts->loop_switch == 2;
  t_ts->loop_switch = 0;
  return eval_hooked(f, again_throwing, true);
}

}  // namespace gilpy
