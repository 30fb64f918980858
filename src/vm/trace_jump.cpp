// Assigning frame.f_lineno from a trace function: a jump, with CPython
// 3.11's rules and messages (frame_setlineno).
//
// A jump is allowed from a 'line' event (or the 'return' event of a yield)
// to the first instruction of a line whose value stack is a prefix of the
// current one: what lies above is popped. To know that, the stack's shape
// before every instruction is computed by abstract interpretation, with each
// entry's kind: an iterator (a for loop's), the exception state saved by an
// except block, a re-raise location, a value, or a maybe-null slot. A target
// needs an entry the current stack lacks (the iterator of a for loop jumped
// into, the exception of an except block) is refused with the reason.
#include <vector>

#include "bytecode/opcodes.h"
#include "objects/code.h"
#include "objects/frame.h"
#include "objects/int.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/thread_state.h"
#include "vm/trace.h"

namespace gilpy {

using namespace bytecode;

namespace {

// A stack shape: one 3-bit kind per entry, the top in the low bits (at most
// 21 entries; deeper stacks are "overflowed" and cannot be jumped from).
enum Kind : int64_t { kIterator = 1, kExcept = 2, kObject = 3, kNull = 4, kLasti = 5 };
constexpr int64_t kUninitialized = -2;
constexpr int64_t kOverflowed = -1;
constexpr int kBits = 3;
constexpr int kMaxEntries = 63 / kBits;

int64_t push(int64_t s, Kind k) {
  if (s < 0) return s;
  if (uint64_t(s) >= (uint64_t(1) << ((kMaxEntries - 1) * kBits))) return kOverflowed;
  return (s << kBits) | k;
}
int64_t pop(int64_t s) { return s < 0 ? s : s >> kBits; }
Kind top(int64_t s) { return Kind(s & ((1 << kBits) - 1)); }
int depth_of(int64_t s) {
  int d = 0;
  for (; s > 0; s >>= kBits) d++;
  return d;
}
int64_t apply(int64_t s, int effect) {
  for (; effect < 0; effect++) s = pop(s);
  for (; effect > 0; effect--) s = push(s, kObject);
  return s;
}

// The shape before each instruction (kUninitialized where unreachable).
std::vector<int64_t> mark_stacks(const Code* co) {
  const int n = co->ninsns;
  std::vector<int64_t> st(size_t(n) + 1, kUninitialized);
  if (n == 0) return st;
  st[0] = 0;
  // A handler is entered with the stack cut to its depth, then the re-raise
  // location (lasti handlers), then the exception.
  auto enter_handler = [&](int i, int64_t s, bool* again) {
    const ExcEntry* h = code_find_handler(co, i);
    if (!h || s < 0) return;
    int64_t t = s;
    while (depth_of(t) > int(h->depth)) t = pop(t);
    if (h->lasti) t = push(t, kLasti);
    t = push(t, kExcept);
    if (st[h->target] == kUninitialized) {
      st[h->target] = t;
      if (int(h->target) < i) *again = true;
    }
  };
  bool again = true;
  while (again) {
    again = false;
    for (int i = 0; i < n; i++) {
      int64_t s = st[size_t(i)];
      if (s == kUninitialized) continue;
      Op op = op_of(co->insns[i]);
      int arg = int(arg_of(co->insns[i]));
      enter_handler(i, s, &again);
      auto set = [&](int j, int64_t v) {
        if (j < 0 || j > n || st[size_t(j)] != kUninitialized) return;
        st[size_t(j)] = v;
        if (j <= i) again = true;
      };
      switch (op) {
        case CACHE: set(i + 1, s); continue;
        case FOR_ITER:
          set(arg, pop(s));  // exhausted: the iterator is gone
          set(i + 1, push(s, kObject));
          continue;
        case GET_ITER:
        case GET_AITER: set(i + 1, push(pop(s), kIterator)); continue;
        case PUSH_NULL: set(i + 1, push(s, kNull)); continue;
        case LOAD_METHOD: set(i + 1, push(push(pop(s), kObject), kNull)); continue;  // [meth, self] or [attr, null]
        case PUSH_EXC_INFO: set(i + 1, push(push(pop(s), kExcept), kExcept)); continue;
        default: break;
      }
      if (op_info[op].flags & OPF_JUMP) set(arg, apply(s, stack_effect_jump(op, arg)));
      if (!is_terminal_op(op)) set(i + 1, apply(s, stack_effect(op, arg)));
    }
  }
  return st;
}

bool compatible_kind(Kind from, Kind to) {
  if (to == 0) return false;
  if (to == kObject) return from != kNull;
  if (to == kNull) return true;
  return from == to;
}

// The target's stack must be the current one with entries popped off.
bool compatible(int64_t from, int64_t to) {
  if (from < 0 || to < 0) return false;
  while (depth_of(from) > depth_of(to)) from = pop(from);
  for (; from; from = pop(from), to = pop(to))
    if (!compatible_kind(top(from), top(to))) return false;
  return to == 0;
}

const char* explain(int64_t to) {
  if (to == kOverflowed) return "stack is too deep to analyze";
  if (to == kUninitialized) return "can't jump into an exception handler, or code may be unreachable";
  switch (top(to)) {
    case kExcept: return "can't jump into an 'except' block as there's no exception";
    case kLasti: return "can't jump into a re-raising block as there's no location";
    case kIterator: return "can't jump into the body of a for loop";
    default: return "incompatible stacks";
  }
}

}  // namespace

Status trace_set_lineno(Frame* f, Value v) {
  if (!v) return raise(tp_AttributeError, "cannot delete attribute");
  if (v.type() != tp_int) return raise(tp_ValueError, "lineno must be an integer");
  ThreadState* ts = t_ts;
  bool suspended = f->state == FrameState::Suspended;
  switch (ts->tracing ? ts->trace_what : TraceWhat::None) {
    case TraceWhat::Line: break;
    case TraceWhat::Call: return raise(tp_ValueError, "can't jump from the 'call' trace event of a new frame");
    case TraceWhat::Return:
      if (suspended) break;
      [[fallthrough]];
    default: return raise(tp_ValueError, "can only jump from a 'line' trace event");
  }
  if (!f->trace) return raise(tp_ValueError, "f_lineno can only be set by a trace function");
  int64_t wanted = 0;
  if (!int_fits_i64(v, &wanted) || wanted > INT32_MAX || wanted < INT32_MIN)
    return raise(tp_ValueError, "lineno out of range");
  Code* co = f->code;
  if (wanted < co->firstlineno)
    return raise_fmt(tp_ValueError, "line %d comes before the current code block", int(wanted));
  // Line starts: an instruction whose line differs from the last one seen.
  const int n = co->ninsns;
  std::vector<int> starts(size_t(n), -1);
  int last = -1;
  for (int i = 0; i < n; i++) {
    if (op_of(co->insns[i]) == CACHE) continue;
    int line = co->positions[i].line;
    if (line > 0 && line != last) starts[size_t(i)] = last = line;
  }
  int line = -1;
  for (int l : starts)
    if (l >= wanted && (line < 0 || l < line)) line = l;
  if (line < 0) return raise_fmt(tp_ValueError, "line %d comes after the current code block", int(wanted));
  std::vector<int64_t> st = mark_stacks(co);
  // While a line event is delivered, f->ip is one past the instruction
  // about to run; a suspended frame resumes at f->ip.
  int at = suspended ? f->ip : f->ip - 1;
  int64_t from = at >= 0 && at < n ? st[size_t(at)] : kUninitialized;
  if (suspended) from = pop(from);  // the value a resumption sends is not there yet
  int64_t best = kOverflowed;
  int best_at = -1;
  const char* msg = "cannot find bytecode for specified line";
  bool found = false, explained = false;
  for (int i = 0; i < n; i++) {
    if (starts[size_t(i)] != line) continue;
    int64_t to = st[size_t(i)];
    if (compatible(from, to)) {
      found = true;
      if (to > best) {
        best = to;
        best_at = i;
      }
    } else if (!found && !explained) {
      if (from == kOverflowed) msg = "stack is too deep to analyze";
      else if (from == kUninitialized) msg = "can't jump from unreachable code";
      else {
        msg = explain(to);
        explained = true;
      }
    }
  }
  if (!found) return raise(tp_ValueError, msg);
  // The analysis must agree with the frame; if it does not, refuse rather
  // than corrupt the stack.
  Value* stack = f->slots + code_nlocalsplus(co);
  if (depth_of(from) != f->sp) return raise(tp_ValueError, "stack is too deep to analyze");
  while (depth_of(from) > depth_of(best)) {
    Value popped = stack[--f->sp];
    stack[f->sp] = Value();
    if (top(from) == kExcept) restore_handled(t_ts, popped);  // as the block's POP_EXCEPT would
    from = pop(from);
  }
  // A running frame continues at the target from its trace loop (which
  // sees the negative mark); a suspended one resumes there.
  f->ip = suspended ? best_at : -1 - best_at;
  return OK();
}

}  // namespace gilpy
