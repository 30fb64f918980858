// Assembly: turn a CodeUnit into a Code object. Steps: compute the stack depth
// at every instruction (worklist over the flow graph, including edges into
// exception handlers), drop pseudo-instructions, resolve labels to absolute
// instruction indices, and compress per-instruction handlers into ranges.
#include <cstring>

#include "compiler/codegen.h"
#include "objects/code.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace gilpy::compiler {

using namespace bytecode;

static bool is_terminal(uint8_t op) {
  return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE || op == JUMP_FORWARD || op == JUMP_BACKWARD;
}

static Tuple* str_tuple(const std::vector<std::string>& v) {
  Tuple* t = tuple_new(int64_t(v.size()));
  for (size_t i = 0; i < v.size(); i++) t->items[i] = Value(str_intern(v[i]));
  return t;
}

// An exit block without a location of its own (an implicit `return None`,
// marked kInheritPosition) takes its predecessor's, as CPython's assembler
// does it (duplicate_exits_without_lineno, then propagate_line_numbers): every
// jump to it gets a private copy at the end of the code with the jump's
// position, and the original takes the position of the instruction that falls
// into it (or, reached by no fall-through, becomes unreachable and is dropped).
// So a frame returning through it reports the line it came from, and tracing
// sees no line event for a line that has no code.
static void place_exit_positions(CodeUnit& cu) {
  std::vector<Instr>& code = cu.code;
  const size_t n = code.size();
  auto inherits = [&](size_t i) { return code[i].pos.line == kInheritPosition.line; };
  for (size_t s = 0; s < n; s++) {
    if (!inherits(s) || (s > 0 && inherits(s - 1))) continue;
    size_t e = s;
    while (e < n && inherits(e)) e++;  // the block is [s, e)
    for (size_t j = 0; j < n; j++) {
      Instr& jump = code[j];
      if (jump.target < 0 || jump.op == PSEUDO_SETUP || cu.labels[size_t(jump.target)] != int(s)) continue;
      int label = int(cu.labels.size());
      cu.labels.push_back(int(code.size()));
      Position where = jump.pos;
      jump.target = label;  // (jump may dangle once code grows: not used below)
      for (size_t k = s; k < e; k++) {
        Instr copy = code[k];
        copy.pos = where;
        code.push_back(copy);
      }
    }
    // First in the body: the definition's line (CPython's RESUME has it).
    Position from{cu.firstlineno, cu.firstlineno, 0, 0};
    for (size_t p = s; p-- > 0;) {
      if (code[p].op == CACHE || code[p].op == PSEUDO_SETUP) continue;
      if (!is_terminal(code[p].op)) from = code[p].pos;
      break;
    }
    for (size_t k = s; k < e; k++) code[k].pos = from;
  }
}

// A jump to an unconditional forward jump goes straight to that one's
// target, as CPython's optimizer threads jumps: an `if` nested in an `if`
// leaves both at once (and returns from the line it ran last). Only forward
// targets: every backward edge stays a JUMP_BACKWARD, the loop's safe point.
static void thread_jumps(CodeUnit& cu) {
  std::vector<Instr>& code = cu.code;
  for (size_t j = 0; j < code.size(); j++) {
    Instr& in = code[j];
    if (in.target < 0 || in.op == PSEUDO_SETUP) continue;
    for (int hops = 0; hops < 16; hops++) {
      int t = cu.labels[size_t(in.target)];
      // Artificial NOPs (a try body's end) and set-up markers run nothing.
      while (t >= 0 && size_t(t) < code.size() &&
             (code[size_t(t)].op == PSEUDO_SETUP ||
              (code[size_t(t)].op == NOP && code[size_t(t)].pos.line == kArtificialPosition.line)))
        t++;
      if (t < 0 || size_t(t) >= code.size() || code[size_t(t)].op != JUMP_FORWARD) break;
      // As CPython: only to a jump of the same line or of none (yet), so a
      // `break` that lands on another `break` still reports that line.
      int tl = code[size_t(t)].pos.line;
      if (tl != in.pos.line && tl != kArtificialPosition.line) break;
      int next = code[size_t(t)].target;
      if (next < 0 || cu.labels[size_t(next)] <= int(j)) break;
      in.target = next;
    }
  }
}

// A jump to a small exit block without a location of its own (an implicit
// `return None`, a class body's return) is replaced by a copy of the block,
// as CPython's optimizer extends blocks (extend_block): the copy takes the
// jump's location and handler. One jump fewer at run time, and the return
// stays on the line the jump came from, inside that line's code, so that
// f_lineno jumps (vm/trace_jump.cpp) do not see a line starting there.
static void inline_exits(CodeUnit& cu) {
  std::vector<Instr>& code = cu.code;
  auto inherits = [&](size_t i) { return code[i].pos.line == kInheritPosition.line; };
  for (size_t j = 0; j < code.size(); j++) {
    const Instr jump = code[j];
    if ((jump.op != JUMP_FORWARD && jump.op != JUMP_BACKWARD) || jump.target < 0) continue;
    int t = cu.labels[size_t(jump.target)];
    if (t < 0 || size_t(t) >= code.size() || !inherits(size_t(t)) || (t > 0 && inherits(size_t(t) - 1))) continue;
    size_t e = size_t(t);
    while (e < code.size() && inherits(e)) e++;
    if (e - size_t(t) > 4 || code[e - 1].op != RETURN_VALUE) continue;
    bool plain = true;
    for (size_t k = size_t(t); k < e; k++) plain &= code[k].target < 0 && code[k].op != PSEUDO_SETUP;
    if (!plain) continue;
    std::vector<Instr> copy(code.begin() + t, code.begin() + long(e));
    for (Instr& c : copy) {
      c.pos = jump.pos;
      c.handler = jump.handler;
    }
    const int grow = int(copy.size()) - 1;
    code.erase(code.begin() + long(j));
    code.insert(code.begin() + long(j), copy.begin(), copy.end());
    for (int& l : cu.labels)
      if (l > int(j)) l += grow;
    for (HandlerDef& h : cu.handlers)
      if (h.setup_index > int(j)) h.setup_index += grow;
    j += size_t(grow);
  }
}

// A loop's closing jump or an `if`'s jump over its `else` (kArtificialPosition) continues the line of the
// instruction before it, so that tracing reports no extra line event between
// the last statement of the body and the loop's head; when a jump lands on it
// (the body ended in an `if`), it has no line, as in CPython.
static void place_artificial_positions(CodeUnit& cu) {
  std::vector<Instr>& code = cu.code;
  std::vector<char> is_target(code.size() + 1, 0);
  for (const Instr& in : code) {
    int at = in.target >= 0 ? cu.labels[size_t(in.target)] : -1;
    if (at >= 0 && size_t(at) <= code.size()) is_target[size_t(at)] = 1;
  }
  for (const HandlerDef& h : cu.handlers) {
    int at = cu.labels[size_t(h.label)];
    if (at >= 0 && size_t(at) <= code.size()) is_target[size_t(at)] = 1;
  }
  for (size_t i = 0; i < code.size(); i++) {
    if (code[i].pos.line != kArtificialPosition.line) continue;
    Position none{-1, -1, -1, -1};
    Position from = none;
    if (!is_target[i]) {
      for (size_t p = i; p-- > 0;) {
        if (code[p].op == CACHE || code[p].op == PSEUDO_SETUP) continue;
        if (!is_terminal(code[p].op) && code[p].pos.line > 0) from = code[p].pos;
        break;
      }
    }
    code[i].pos = from;
  }
}

// CPython turns a try statement's set-up into a NOP when that alone carries
// the statement's line (`try:` has no code of its own), so tracing and
// coverage see the line. The same here, for a reachable set-up whose line
// differs from the instructions around it.
static void keep_setup_lines(CodeUnit& cu, const std::vector<int>& depth) {
  std::vector<Instr>& code = cu.code;
  auto real = [&](size_t i) { return code[i].op != CACHE && code[i].op != PSEUDO_SETUP && depth[i] >= 0; };
  for (size_t i = 0; i < code.size(); i++) {
    Instr& in = code[i];
    if (in.op != PSEUDO_SETUP || depth[i] < 0 || in.pos.line <= 0 || !cu.handlers[in.arg].is_try) continue;
    int prev = -1, next = -1;
    for (size_t p = i; p-- > 0;)
      if (real(p)) {
        prev = code[p].pos.line;
        break;
      }
    for (size_t q = i + 1; q < code.size(); q++)
      if (real(q)) {
        next = code[q].pos.line;
        break;
      }
    if (prev == in.pos.line || next <= 0 || next == in.pos.line) continue;
    in.op = NOP;
    in.arg = 0;
    in.target = -1;
  }
}

// The prologue: a NOP first in every code object, where CPython 3.11 has
// RESUME (after RETURN_GENERATOR, POP_TOP in generator code), with its
// location: the definition's line, or line 0 in module code, so co_lines()
// and co_positions() start as CPython's do. A frame starts after it
// (frame_new), so it costs no dispatch.
static void add_prologue(CodeUnit& cu) {
  bool module = cu.scope && cu.scope->kind == ScopeKind::Module;
  Instr nop{NOP, 0};
  nop.pos = Position{module ? 0 : cu.firstlineno, cu.firstlineno, 0, 0};
  cu.code.insert(cu.code.begin(), nop);
  for (int& l : cu.labels)
    if (l >= 0) l++;
  for (HandlerDef& h : cu.handlers)
    if (h.setup_index >= 0) h.setup_index++;
}

Result<Code*> Compiler::leave_unit() {
  CodeUnit& cu = u();
  std::vector<Instr>& code = cu.code;
  thread_jumps(cu);
  inline_exits(cu);
  place_artificial_positions(cu);
  add_prologue(cu);
  place_exit_positions(cu);
  size_t n = code.size();
  // ---- stack depths ----
  std::vector<int> depth(n + 1, -1);
  std::vector<int> handler_depth(cu.handlers.size(), -1);
  std::vector<size_t> work;
  int maxdepth = 0;
  auto push = [&](size_t i, int d) {
    if (i > n) return;
    if (depth[i] < 0) {
      depth[i] = d;
      work.push_back(i);
    }
  };
  push(0, 0);
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    int d = depth[i];
    while (i < n) {
      Instr& in = code[i];
      if (d > maxdepth) maxdepth = d;
      if (in.op == PSEUDO_SETUP) {
        int hd = d + cu.handlers[in.arg].adjust;
        handler_depth[in.arg] = hd;
        int target = cu.labels[size_t(cu.handlers[in.arg].label)];
        push(size_t(target), hd + 1 + int(cu.handlers[in.arg].lasti));
      } else if (in.op != CACHE) {
        Op op = Op(in.op);
        if (in.target >= 0) {
          int t = cu.labels[size_t(in.target)];
          int dj = d + stack_effect_jump(op, int(in.arg));
          if (dj > maxdepth) maxdepth = dj;
          push(size_t(t), dj);
        }
        d += stack_effect(op, int(in.arg));
        if (d > maxdepth) maxdepth = d;
        if (is_terminal(in.op)) break;
      }
      i++;
      if (i < n && depth[i] >= 0) break;  // joined an already-visited path
      if (i < n) depth[i] = d;
    }
  }
  // ---- drop pseudo-instructions and unreachable code; map old -> new indices ----
  // An instruction the walk above never reached (code after a return, a
  // raise, a break or an unconditional jump) is dropped as CPython's
  // compiler drops it: no jump or handler of reachable code can target it
  // (every target of a reached jump or set-up was pushed), so the remaining
  // labels stay valid.
  keep_setup_lines(cu, depth);
  std::vector<char> keep(n + 1, 0);
  for (size_t i = 0; i < n; i++) keep[i] = code[i].op != PSEUDO_SETUP && depth[i] >= 0;
  auto kept = [&](size_t i) { return keep[i] != 0; };
  auto next_kept = [&](size_t i) {
    size_t j = i + 1;
    while (j < n && !(keep[j] && code[j].op != CACHE)) j++;
    return j;
  };
  // A jump to the next instruction that remains (the code between was
  // unreachable, e.g. a constant test's) does nothing: it becomes a NOP.
  for (size_t i = 0; i < n; i++) {
    if (!keep[i] || code[i].op != JUMP_FORWARD || code[i].target < 0) continue;
    size_t t = size_t(cu.labels[size_t(code[i].target)]);
    size_t j = i + 1;
    while (j < t && !keep[j]) j++;
    if (j == t) {
      code[i].op = NOP;
      code[i].target = -1;
    }
  }
  // NOPs (constant tests, the above) stay only to give a line that would
  // otherwise have no instruction, as CPython's remove_redundant_nops: a
  // NOP goes when it has no line, when the instruction falling into it has
  // its line, or when the next one has it (or none, and takes it).
  int prev_line = -3;
  for (size_t i = 1; i < n; i++) {  // code[0] is the prologue: kept
    if (!keep[i] || code[i].op == CACHE) continue;
    if (code[i].op != NOP) {
      prev_line = is_terminal(code[i].op) ? -3 : code[i].pos.line;
      continue;
    }
    int line = code[i].pos.line;
    bool drop = line < 0 || line == prev_line;
    if (!drop) {
      size_t j = next_kept(i);
      if (j < n && code[j].op != NOP && (code[j].pos.line == line || code[j].pos.line < 0)) {
        if (code[j].pos.line < 0) code[j].pos = code[i].pos;
        drop = true;
      }
    }
    if (drop) keep[i] = 0;
    else prev_line = line;
  }
  std::vector<int> newidx(n + 1, 0);
  int k = 0;
  for (size_t i = 0; i < n; i++) {
    newidx[i] = k;
    if (kept(i)) k++;
  }
  newidx[n] = k;
  // A jump to a dropped instruction lands on the next one kept. (A NOP kept
  // there carries a line of its own: jumping past it would lose the line's
  // trace event. `while True:` loops back past its NOP by construction.)
  auto jump_dest = [&](size_t t) { return newidx[t]; };
  int ninsns = k;
  Code* c = static_cast<Code*>(alloc_instance(tp_code, sizeof(Code)));
  c->insns = static_cast<uint32_t*>(gc::alloc_atomic(size_t(ninsns) * sizeof(uint32_t) + 4));
  c->positions = static_cast<Position*>(gc::alloc_atomic(size_t(ninsns) * sizeof(Position) + sizeof(Position)));
  c->ninsns = ninsns;
  std::vector<ExcEntry> table;
  int j = 0;
  int cur_handler = -2;
  int ncaches = 0;
  for (size_t i = 0; i < n; i++) {
    Instr& in = code[i];
    if (!kept(i)) continue;
    uint32_t arg = in.arg;
    if (in.target >= 0) arg = uint32_t(jump_dest(size_t(cu.labels[size_t(in.target)])));
    if (arg > kMaxArg) {
      error(nullptr, "too many instructions or arguments in one code object");
      return raise(tp_SystemError, "code object too large");
    }
    if (in.op == CACHE) arg = uint32_t(ncaches++);
    c->insns[j] = encode(Op(in.op), arg);
    c->positions[j] = in.pos;
    // Exception ranges: consecutive instructions with the same handler.
    int h = in.handler;
    if (h >= 0 && handler_depth[size_t(h)] < 0) h = -1;  // unreachable set-up: no handler
    if (h != cur_handler) {
      if (!table.empty() && table.back().end == 0xFFFFFFFFu) table.back().end = uint32_t(j);
      if (h >= 0) {
        ExcEntry e;
        e.start = uint32_t(j);
        e.end = 0xFFFFFFFFu;
        e.target = uint32_t(newidx[size_t(cu.labels[size_t(cu.handlers[size_t(h)].label)])]);
        e.depth = uint16_t(handler_depth[size_t(h)]);
        e.lasti = cu.handlers[size_t(h)].lasti;
        table.push_back(e);
      }
      cur_handler = h;
    }
    j++;
  }
  if (!table.empty() && table.back().end == 0xFFFFFFFFu) table.back().end = uint32_t(j);
  c->ncaches = ncaches;
  c->caches = nullptr;  // allocated when the code first runs (code_alloc_caches)
  c->nexc = int32_t(table.size());
  c->exctable = static_cast<ExcEntry*>(gc::alloc_atomic(table.size() * sizeof(ExcEntry) + sizeof(ExcEntry)));
  if (!table.empty()) std::memcpy(c->exctable, table.data(), table.size() * sizeof(ExcEntry));
  c->argcount = cu.argcount;
  c->posonlyargcount = cu.posonlyargcount;
  c->kwonlyargcount = cu.kwonlyargcount;
  c->nlocals = int32_t(cu.varnames.size());
  c->ncells = int32_t(cu.cellvars.size());
  c->nfrees = int32_t(cu.freevars.size());
  c->stacksize = maxdepth + 1;
  // Every code object carries the module's future features, so that
  // compile()/exec()/eval() called from it inherit them. (CPython 3.11 no
  // longer sets CO_NOFREE.)
  c->flags = cu.flags | (flags_ & CO_FUTURE_MASK);
  c->firstlineno = cu.firstlineno;
  c->consts = tuple_from(cu.consts.data(), int64_t(cu.consts.size()));
  c->names = str_tuple(cu.names);
  c->varnames = str_tuple(cu.varnames);
  c->cellvars = str_tuple(cu.cellvars);
  c->freevars = str_tuple(cu.freevars);
  c->filename = filename_;
  c->name = str_intern(cu.name);
  c->qualname = str_new(cu.qualname);
  c->docstring = cu.docstring;
  // Cells that start as arguments (a parameter captured by an inner function).
  bool any = false;
  std::vector<int32_t> c2a(cu.cellvars.size(), -1);
  for (size_t ci = 0; ci < cu.cellvars.size(); ci++) {
    auto it = cu.var_index.find(cu.cellvars[ci]);
    if (it != cu.var_index.end()) { c2a[ci] = it->second; any = true; }
  }
  if (any) {
    c->cell2arg = static_cast<int32_t*>(gc::alloc_atomic(c2a.size() * sizeof(int32_t)));
    std::memcpy(c->cell2arg, c2a.data(), c2a.size() * sizeof(int32_t));
  }
  units_.pop_back();
  return c;
}

}  // namespace gilpy::compiler
