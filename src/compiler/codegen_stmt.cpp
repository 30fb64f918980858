// Code generation for statements, including the exception-handling shapes
// (try/except/finally, with) and the unwinding that return/break/continue
// do through enclosing blocks.
//
// Handler conventions (the VM pushes the exception at a handler's target,
// after cutting the stack to the depth recorded at the handler's set-up):
//   except block:  PUSH_EXC_INFO  [.., exc] -> [.., prev, exc]; leaves with
//                  POP_EXCEPT restoring `prev` as the handled exception.
//   cleanup:       a handler around the except block itself, entered with
//                  [.., prev, lasti, exc2]: COPY 3; POP_EXCEPT; RERAISE 1.
//   lasti:         a handler set up with lasti (cleanups, a with's exit path)
//                  is entered with the failing instruction's index under the
//                  exception; RERAISE n > 0 re-raises and makes the value n
//                  below the exception the frame's last instruction again, so
//                  a frame an exception leaves through its cleanups reports
//                  the line that raised (f_lineno, PEP 626), as CPython.
#include "compiler/codegen.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::compiler {

using namespace bytecode;
using namespace ast;


bool Compiler::stmts(const std::vector<ast::stmt*>& body) {
  for (ast::stmt* s : body)
    if (!stmt(s)) return false;
  return true;
}

bool Compiler::body_with_docstring(const std::vector<ast::stmt*>& body, bool is_module) {
  size_t start = 0;
  if (!body.empty()) {
    if (auto* e = as<Expr>(body[0])) {
      if (auto* c = as<Constant>(e->value); c && c->value.kind == ConstantValue::Kind::Str) {
        // -OO drops the docstring: the expression statement is not even evaluated.
        if (optimize_ < 2) {
          set_pos(body[0]);
          load_const(constant_value(c->value));
          emit(STORE_NAME, uint32_t(add_name("__doc__")));
        }
        start = 1;
      }
    }
  }
  (void)is_module;
  for (size_t i = start; i < body.size(); i++)
    if (!stmt(body[i])) return false;
  return true;
}

bool Compiler::stmt(ast::stmt* s) {
  if (failed_) return false;
  set_pos(s);
  switch (s->kind) {
    case Kind::FunctionDef:
    case Kind::AsyncFunctionDef: return function_def(s);
    case Kind::ClassDef: return class_def(static_cast<ClassDef*>(s));
    case Kind::Return: return return_stmt(static_cast<Return*>(s));
    case Kind::Delete:
      for (ast::expr* t : static_cast<Delete*>(s)->targets)
        if (!delete_target(t)) return false;
      return true;
    case Kind::Assign: return assign(static_cast<Assign*>(s));
    case Kind::AugAssign: return aug_assign(static_cast<AugAssign*>(s));
    case Kind::AnnAssign: return ann_assign(static_cast<AnnAssign*>(s));
    case Kind::For: return for_stmt(static_cast<For*>(s), false);
    case Kind::AsyncFor: return for_stmt(reinterpret_cast<For*>(s), true);
    case Kind::While: return while_stmt(static_cast<While*>(s));
    case Kind::If: return if_stmt(static_cast<If*>(s));
    case Kind::With: return with_stmt(static_cast<With*>(s), 0, false);
    case Kind::AsyncWith: return with_stmt(reinterpret_cast<With*>(s), 0, true);
    case Kind::Raise: return raise_stmt(static_cast<Raise*>(s));
    case Kind::Try: return try_stmt(static_cast<Try*>(s), false);
    case Kind::TryStar: return try_stmt(reinterpret_cast<Try*>(s), true);
    case Kind::Assert: return assert_stmt(static_cast<Assert*>(s));
    case Kind::Import: return import_stmt(static_cast<Import*>(s));
    case Kind::ImportFrom: return import_from(static_cast<ImportFrom*>(s));
    case Kind::Global:
    case Kind::Nonlocal: return true;
    case Kind::Expr: {
      auto* e = static_cast<Expr*>(s);
      if (mode_ == parser::Mode::Single && units_.size() == 1) {
        if (!expr(e->value)) return false;
        emit(PRINT_EXPR);
        return true;
      }
      if (e->value->kind == Kind::Constant) {
        emit(NOP);  // a bare constant: keep the line for tracing, compute nothing
        return true;
      }
      if (!expr(e->value)) return false;
      {
        // The POP_TOP is "artificial" in CPython 3.11: it takes the location
        // of the instruction before it (a multi-line `(\n f()\n)` statement
        // reports the call's line, not the parenthesis').
        Position saved = u().cur_pos;
        if (!u().code.empty()) u().cur_pos = u().code.back().pos;
        emit(POP_TOP);
        u().cur_pos = saved;
      }
      return true;
    }
    case Kind::Pass: emit(NOP); return true;
    case Kind::Break: return break_continue(s, true);
    case Kind::Continue: return break_continue(s, false);
    case Kind::Match: return match_stmt(static_cast<Match*>(s));
    default: return error(s, "unsupported statement");
  }
}

// `a, b = x, y` and `a, b, c = x, y, z`: the values stay on the stack, put
// in store order by one SWAP, instead of going through a tuple (CPython 3.11
// compiles them the same way). Neither side may have a starred item.
static size_t swap_assign_size(Assign* a) {
  if (a->targets.size() != 1 || a->value->kind != Kind::Tuple) return 0;
  const auto& vals = static_cast<ast::Tuple*>(a->value)->elts;
  ast::expr* t = a->targets[0];
  const std::vector<ast::expr*>* tgts = t->kind == Kind::Tuple  ? &static_cast<ast::Tuple*>(t)->elts
                                        : t->kind == Kind::List ? &static_cast<ast::List*>(t)->elts
                                                                : nullptr;
  if (!tgts || tgts->size() != vals.size() || vals.size() < 2 || vals.size() > 3) return 0;
  for (size_t i = 0; i < vals.size(); i++)
    if (vals[i]->kind == Kind::Starred || (*tgts)[i]->kind == Kind::Starred) return 0;
  return vals.size();
}

bool Compiler::assign(Assign* a) {
  if (size_t n = swap_assign_size(a)) {
    for (ast::expr* v : static_cast<ast::Tuple*>(a->value)->elts)
      if (!expr(v)) return false;
    set_pos(a->targets[0]);
    emit(SWAP, uint32_t(n));
    ast::expr* t = a->targets[0];
    for (ast::expr* e : t->kind == Kind::Tuple ? static_cast<ast::Tuple*>(t)->elts : static_cast<ast::List*>(t)->elts)
      if (!store(e)) return false;
    return true;
  }
  if (!expr(a->value)) return false;
  for (size_t i = 0; i < a->targets.size(); i++) {
    if (i + 1 < a->targets.size()) emit(COPY, 1);
    if (!store(a->targets[i])) return false;
  }
  return true;
}

bool Compiler::aug_assign(AugAssign* a) {
  uint32_t op = uint32_t(binop_arg_of(a->op) + NB_INPLACE_OFFSET);
  switch (a->target->kind) {
    case Kind::Name: {
      auto* n = static_cast<Name*>(a->target);
      // `local += value` compiles to LOAD_FAST, value, INPLACE_ADD_FAST,
      // STORE_FAST so that str concatenation can extend in place (opcodes.def).
      u().aug_add_load = a->op == operator_t::Add;
      size_t at = u().code.size();
      bool ok = name_op(n->id, expr_context::Load, n);
      u().aug_add_load = false;
      if (!ok) return false;
      bool fast_add = a->op == operator_t::Add && u().code.size() == at + 1 && u().code[at].op == LOAD_FAST;
      if (!expr(a->value)) return false;
      set_pos(a);
      uint32_t hint = temp_hint(a->value, ARG_TEMP_RIGHT);
      if (fast_add && u().code[at].arg < ARG_TEMP_LEFT) emit(INPLACE_ADD_FAST, u().code[at].arg | hint);
      else emit(BINARY_OP, op | hint);
      return name_op(n->id, expr_context::Store, n);
    }
    case Kind::Attribute: {
      auto* at = static_cast<Attribute*>(a->target);
      // Positions as CPython 3.11's: the target's for COPY, the attribute
      // name's line for the load and the store (and the SWAP before it).
      if (!expr(at->value)) return false;
      set_pos(at);
      emit(COPY, 1);
      set_attr_pos(at);
      emit(LOAD_ATTR, uint32_t(add_name(mangle(at->attr))));
      if (!expr(a->value)) return false;
      set_pos(a);
      emit(BINARY_OP, op | temp_hint(a->value, ARG_TEMP_RIGHT));
      set_attr_pos(at);
      emit(SWAP, 2);
      emit(STORE_ATTR, uint32_t(add_name(mangle(at->attr))));
      return true;
    }
    case Kind::Subscript: {
      auto* sb = static_cast<Subscript*>(a->target);
      if (!expr(sb->value) || !expr(sb->slice)) return false;
      set_pos(sb);
      emit(COPY, 2);
      emit(COPY, 2);
      emit(BINARY_SUBSCR);
      if (!expr(a->value)) return false;
      set_pos(a);
      emit(BINARY_OP, op | temp_hint(a->value, ARG_TEMP_RIGHT));
      set_pos(sb);
      emit(SWAP, 3);
      emit(SWAP, 2);
      emit(STORE_SUBSCR);
      return true;
    }
    default: return error(a->target, "illegal expression for augmented assignment");
  }
}

bool Compiler::ann_assign(AnnAssign* a) {
  // Without a value CPython reports the whole statement (the target is not
  // stored, so its location is never set).
  const ast::Node* at_node = a->value ? static_cast<const ast::Node*>(a->target) : a;
  if (auto* at = as<Attribute>(a->target); at && at->attr == "__debug__")
    return error(at_node, "cannot assign to __debug__");
  if (auto* nm = as<Name>(a->target); nm && nm->id == "__debug__")  // even without a value
    return error(at_node, "cannot assign to __debug__");
  Scope* sc = u().scope;
  bool module_or_class = sc->kind == ScopeKind::Module || sc->kind == ScopeKind::Class;
  if (a->value) {
    if (!expr(a->value)) return false;
    if (!store(a->target)) return false;
  }
  auto* n = as<Name>(a->target);
  if (n && a->simple && module_or_class) {
    // __annotations__[name] = annotation
    if (!annotation_value(a->annotation)) return false;
    emit(LOAD_NAME, uint32_t(add_name("__annotations__")));
    load_const(Value(str_intern(mangle(n->id))));
    emit(STORE_SUBSCR);
  } else if (module_or_class && !future_annotations_) {
    // A complex target's annotation is evaluated and dropped (not stored).
    if (!expr(a->annotation)) return false;
    emit(POP_TOP);
  }
  return true;
}

// PEP 563 stores the annotation's text, regenerated from the tree as CPython
// does (unparse.cpp), instead of its value.
bool Compiler::annotation_value(ast::expr* e) {
  if (!future_annotations_) {
    // `*args: *Ts` (PEP 646) stores the one item the starred value unpacks to.
    if (auto* st = as<Starred>(e)) {
      if (!expr(st->value)) return false;
      set_pos(e);
      emit(UNPACK_SEQUENCE, 1);
      return true;
    }
    return expr(e);
  }
  Str* text = TRY_NULL(unparse_annotation(e));
  load_const(Value(text));
  return true;
}

bool Compiler::delete_target(ast::expr* t) {
  set_pos(t);
  switch (t->kind) {
    case Kind::Name: return name_op(static_cast<Name*>(t)->id, expr_context::Del, t);
    case Kind::Attribute: {
      auto* a = static_cast<Attribute*>(t);
      if (a->attr == "__debug__") return error(t, "cannot delete __debug__");
      if (!expr(a->value)) return false;
      set_attr_pos(a);
      emit(DELETE_ATTR, uint32_t(add_name(mangle(a->attr))));
      return true;
    }
    case Kind::Subscript: {
      auto* s = static_cast<Subscript*>(t);
      if (!expr(s->value) || !expr(s->slice)) return false;
      set_pos(t);
      emit(DELETE_SUBSCR);
      return true;
    }
    case Kind::Tuple:
      for (ast::expr* e : static_cast<ast::Tuple*>(t)->elts)
        if (!delete_target(e)) return false;
      return true;
    case Kind::List:
      for (ast::expr* e : static_cast<ast::List*>(t)->elts)
        if (!delete_target(e)) return false;
      return true;
    default: return error(t, "cannot delete expression");
  }
}

bool Compiler::if_stmt(If* i) {
  Label orelse = new_label(), end = new_label();
  if (!jump_if(i->test, false, i->orelse.empty() ? end : orelse)) return false;
  if (!stmts(i->body)) return false;
  if (!i->orelse.empty()) {
    u().cur_pos = kArtificialPosition;
    emit_jump(JUMP_FORWARD, end);
    bind(orelse);
    if (!stmts(i->orelse)) return false;
  }
  bind(end);
  return true;
}

bool Compiler::while_stmt(While* w) {
  Label start = new_label(), body_exit = new_label(), end = new_label();
  // `while True:` (any constant true test) loops back to its body, past the
  // NOP that keeps the test's line, as CPython's loop has no test to re-run.
  bool always = false;
  if (Value c = fold(w->test)) {
    Result<bool> t = truthy(c);
    if (t.ok()) always = t.value();
    else exc_clear();
  }
  if (!always) bind(start);
  if (!jump_if(w->test, false, body_exit)) return false;
  if (always) bind(start);
  u().fblocks.push_back({FBlockKind::WhileLoop, start, end, w, "", int(u().handler_stack.size())});
  if (!stmts(w->body)) return false;
  u().fblocks.pop_back();
  // CPython re-tests at the bottom, at the while's line: a constant test
  // becomes a jump of that line; otherwise the jump back to the test at the
  // top is artificial and the test reports the line.
  if (always) set_pos(w);
  else u().cur_pos = kArtificialPosition;
  emit_jump(JUMP_BACKWARD, start);
  bind(body_exit);
  if (!stmts(w->orelse)) return false;
  bind(end);
  return true;
}

bool Compiler::for_stmt(For* f, bool is_async) {
  Label start = new_label(), cleanup = new_label(), end = new_label();
  if (!iterable(f->iter)) return false;
  set_pos(f);
  emit(is_async ? GET_AITER : GET_ITER);
  bind(start);
  if (is_async) {
    if (!u().scope->is_coroutine) return error(f, "'async for' outside async function");
    push_handler(cleanup);
    emit(GET_ANEXT);
    load_none();
    if (!yield_from_loop(true)) return false;
    pop_handler();
  } else {
    emit_jump(FOR_ITER, cleanup);
  }
  if (!store(f->target)) return false;
  u().fblocks.push_back({is_async ? FBlockKind::AsyncForLoop : FBlockKind::ForLoop, start, end, f, "",
                         int(u().handler_stack.size())});
  if (!stmts(f->body)) return false;
  u().fblocks.pop_back();
  u().cur_pos = kArtificialPosition;
  emit_jump(JUMP_BACKWARD, start);
  bind(cleanup);
  set_pos(f->iter);  // END_ASYNC_FOR follows the `for`, not the body (CPython: the iterator's location)
  if (is_async) emit(END_ASYNC_FOR);
  if (!stmts(f->orelse)) return false;
  bind(end);
  return true;
}

// ---- unwinding for return / break / continue -----------------------------------------
bool Compiler::call_exit_with_nones() {
  // Stack: [.., exit] -> call exit(None, None, None) and drop the result.
  emit(PUSH_NULL);
  load_none();
  load_none();
  load_none();
  emit(CALL, 3);
  emit(POP_TOP);
  return true;
}

bool Compiler::unwind_fblock(FBlock& b, bool preserve_tos) {
  switch (b.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::TryExcept:
      return true;
    case FBlockKind::ForLoop:
    case FBlockKind::AsyncForLoop:
      if (preserve_tos) emit(SWAP, 2);
      emit(POP_TOP);
      return true;
    case FBlockKind::FinallyTry: {
      // Run the finally body inline; the enclosing blocks apply to it.
      auto* t = static_cast<const Try*>(b.node);
      if (preserve_tos) u().fblocks.push_back({FBlockKind::PopValue, {}, {}, nullptr, "", int(u().handler_stack.size())});
      bool ok = stmts(t->finalbody);
      if (preserve_tos) u().fblocks.pop_back();
      return ok;
    }
    case FBlockKind::FinallyEnd:
      // Inside a finally body on the exceptional path: [.., prev, exc (, value)].
      if (preserve_tos) emit(SWAP, 2);
      emit(POP_TOP);
      if (preserve_tos) emit(SWAP, 2);
      emit(POP_EXCEPT);
      return true;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
      if (b.node) set_pos(b.node);  // the __exit__ call is the with statement's
      if (preserve_tos) emit(SWAP, 2);
      if (b.kind == FBlockKind::AsyncWith) {
        emit(PUSH_NULL);
        load_none();
        load_none();
        load_none();
        emit(CALL, 3);
        emit(GET_AWAITABLE, 2);
        load_none();
        if (!yield_from_loop(true)) return false;
        emit(POP_TOP);
        return true;
      }
      return call_exit_with_nones();
    case FBlockKind::HandlerCleanup:
      // Inside an except block: [.., prev (, value)].
      if (!b.name.empty()) {
        load_none();
        if (!name_op(b.name, expr_context::Store, nullptr)) return false;
        if (!name_op(b.name, expr_context::Del, nullptr)) return false;
      }
      if (preserve_tos) emit(SWAP, 2);
      emit(POP_EXCEPT);
      return true;
    case FBlockKind::PopValue:
      if (preserve_tos) emit(SWAP, 2);
      emit(POP_TOP);
      return true;
  }
  return true;
}

// Unwind blocks from the innermost outwards; stop at the innermost loop when
// `loop` is non-null (break/continue) and return it there.
bool Compiler::unwind_fblock_stack(bool preserve_tos, FBlock** loop) {
  CodeUnit& cu = u();
  std::vector<FBlock> saved = cu.fblocks;
  std::vector<int> saved_handlers = cu.handler_stack;
  bool ok = true;
  while (!cu.fblocks.empty()) {
    FBlock b = cu.fblocks.back();
    if (loop && (b.kind == FBlockKind::WhileLoop || b.kind == FBlockKind::ForLoop || b.kind == FBlockKind::AsyncForLoop)) {
      *loop = &saved[cu.fblocks.size() - 1];
      break;
    }
    cu.fblocks.pop_back();
    // Code emitted while unwinding is covered only by the handlers outside this block.
    cu.handler_stack.resize(size_t(b.handler_depth));
    if (!unwind_fblock(b, preserve_tos)) { ok = false; break; }
  }
  cu.fblocks = saved;
  cu.handler_stack = saved_handlers;
  if (loop && *loop) {
    // Re-point into the restored vector.
    size_t idx = size_t(*loop - saved.data());
    *loop = &cu.fblocks[idx];
  }
  return ok;
}

bool Compiler::return_stmt(Return* r) {
  Scope* sc = u().scope;
  if (r->value) {
    if ((u().flags & CO_ASYNC_GENERATOR)) return error(r, "'return' with value in async generator");
    if (!expr(r->value)) return false;
  } else {
    load_none();
  }
  (void)sc;
  set_pos(r);
  bool preserve = true;
  // A finally body or a with statement's __exit__ run on the way out leave
  // their location to the RETURN_VALUE (CPython 3.11 does not reset it);
  // otherwise `return <constant>` has the constant's location (CPython loads
  // it after unwinding, at the value's position), any other return the
  // statement's.
  bool ran_code = false;
  for (const FBlock& b : u().fblocks)
    ran_code |= b.kind == FBlockKind::FinallyTry || b.kind == FBlockKind::With || b.kind == FBlockKind::AsyncWith;
  if (!unwind_fblock_stack(preserve, nullptr)) return false;
  if (ran_code) {
  } else if (r->value && r->value->kind == ast::Kind::Constant) {
    set_pos(r->value);
  } else {
    set_pos(r);
  }
  emit(RETURN_VALUE);
  return true;
}

bool Compiler::break_continue(ast::stmt* s, bool is_break) {
  FBlock* loop = nullptr;
  // Unwind down to (not including) the loop.
  CodeUnit& cu = u();
  std::vector<FBlock> saved = cu.fblocks;
  std::vector<int> saved_handlers = cu.handler_stack;
  size_t i = cu.fblocks.size();
  while (i > 0) {
    FBlock& b = cu.fblocks[i - 1];
    if (b.kind == FBlockKind::WhileLoop || b.kind == FBlockKind::ForLoop || b.kind == FBlockKind::AsyncForLoop) {
      loop = &b;
      break;
    }
    i--;
  }
  if (!loop) return error(s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
  FBlock target = *loop;
  // A with statement's __exit__ or a finally body run on the way out take
  // their own locations; the statement first gets a NOP of its own line (as
  // in CPython), and the jump keeps the location the unwinding left.
  bool ran_code = false;
  for (size_t k = i; k < cu.fblocks.size(); k++) {
    FBlockKind kind = cu.fblocks[k].kind;
    ran_code |= kind == FBlockKind::FinallyTry || kind == FBlockKind::With || kind == FBlockKind::AsyncWith;
  }
  if (ran_code) emit(NOP);
  while (cu.fblocks.size() > i) {
    FBlock b = cu.fblocks.back();
    cu.fblocks.pop_back();
    cu.handler_stack.resize(size_t(b.handler_depth));
    if (!unwind_fblock(b, false)) return false;
  }
  if (is_break) {
    cu.handler_stack.resize(size_t(target.handler_depth));
    if (!unwind_fblock(target, false)) return false;  // pops a for-loop's iterator
    if (!ran_code) set_pos(s);
    emit_jump(JUMP_FORWARD, target.exit);
  } else {
    if (!ran_code) set_pos(s);
    emit_jump(JUMP_BACKWARD, target.start);
  }
  cu.fblocks = saved;
  cu.handler_stack = saved_handlers;
  return true;
}

// ---- try -----------------------------------------------------------------------------------
bool Compiler::try_stmt(Try* t, bool star) {
  if (!t->finalbody.empty()) return try_finally(t, star);
  return try_except(t, star);
}

bool Compiler::try_finally(Try* t, bool star) {
  Label handler = new_label(), cleanup = new_label(), end = new_label();
  CodeUnit& cu = u();
  push_handler(handler);
  cu.handlers.back().is_try = true;
  cu.fblocks.push_back({FBlockKind::FinallyTry, {}, {}, t, "", int(cu.handler_stack.size()) - 1});
  bool ok = t->handlers.empty() ? stmts(t->body) && stmts(t->orelse) : try_except(t, star);
  if (!ok) return false;
  u().fblocks.pop_back();
  pop_handler();
  // Normal path: the finally body inline.
  if (!stmts(t->finalbody)) return false;
  u().cur_pos = kArtificialPosition;  // CPython: JUMP_NOLINE
  emit_jump(JUMP_FORWARD, end);
  // Exceptional path: [.., exc]. Its entry has no line (CPython: UNSET_LOC),
  // so an f_lineno jump to the finally's first line is a jump into the body.
  bind(handler);
  u().cur_pos = kArtificialPosition;
  push_handler(cleanup, 0, true);
  emit(PUSH_EXC_INFO);
  u().fblocks.push_back({FBlockKind::FinallyEnd, {}, {}, t, "", int(u().handler_stack.size()) - 1});
  if (!stmts(t->finalbody)) return false;
  u().fblocks.pop_back();
  emit(RERAISE, 0);
  pop_handler();
  bind(cleanup);
  u().cur_pos = kArtificialPosition;
  emit(COPY, 3);
  emit(POP_EXCEPT);
  emit(RERAISE, 1);
  bind(end);
  return true;
}

// try-except and try-except*: the body, then the handler entered with
// [.., prev, exc] under `cleanup`, which restores `prev` and re-raises what
// a clause raises. The clause emitters pop `cleanup` where it stops applying.
bool Compiler::try_except(Try* t, bool star) {
  Label handler = new_label(), cleanup = new_label(), end = new_label(), orelse = new_label();
  CodeUnit& cu = u();
  push_handler(handler);
  cu.handlers.back().is_try = true;
  cu.fblocks.push_back({FBlockKind::TryExcept, {}, {}, t, "", int(cu.handler_stack.size()) - 1});
  if (!stmts(t->body)) return false;
  u().fblocks.pop_back();
  pop_handler();
  // Leaving the body is artificial in CPython (POP_BLOCK, JUMP_NOLINE): no
  // line of its own, so no line event for the `except` line.
  u().cur_pos = kArtificialPosition;
  emit(NOP);
  emit_jump(JUMP_FORWARD, orelse);
  bind(handler);
  push_handler(cleanup, 0, true);
  u().cur_pos = kArtificialPosition;  // no line (CPython: UNSET_LOC); each clause has its own
  emit(PUSH_EXC_INFO);  // [.., prev, exc]
  if (!(star ? except_star_clauses(t, end) : except_clauses(t, end))) return false;
  bind(cleanup);
  u().cur_pos = kArtificialPosition;  // CPython's POP_EXCEPT_AND_RERAISE has no line
  emit(COPY, 3);
  emit(POP_EXCEPT);
  emit(RERAISE, 1);
  bind(orelse);
  if (!stmts(t->orelse)) return false;
  bind(end);
  return true;
}

bool Compiler::except_clauses(Try* t, Label end) {
  int outer_handlers = int(u().handler_stack.size()) - 1;  // excluding `cleanup`
  for (size_t i = 0; i < t->handlers.size(); i++) {
    auto* h = static_cast<ExceptHandler*>(t->handlers[i]);
    set_pos(h);
    if (!h->type && i + 1 < t->handlers.size()) return error(h, "default 'except:' must be last");
    Label next = new_label();
    if (h->type) {
      if (!expr(h->type)) return false;
      emit(CHECK_EXC_MATCH);
      emit_jump(POP_JUMP_IF_FALSE, next);
    }
    if (h->name) {
      if (!name_op(*h->name, expr_context::Store, h)) return false;
      // The body runs under a handler that clears the name, then re-raises.
      Label name_cleanup = new_label();
      push_handler(name_cleanup, 0, true);
      u().fblocks.push_back({FBlockKind::HandlerCleanup, {}, {}, h, *h->name, outer_handlers});
      if (!stmts(h->body)) return false;
      u().fblocks.pop_back();
      pop_handler();
      // The clean-up after the body is artificial (CPython: UNSET_LOC).
      u().cur_pos = kArtificialPosition;
      emit(POP_EXCEPT);
      load_none();
      name_op(*h->name, expr_context::Store, h);
      name_op(*h->name, expr_context::Del, h);
      emit_jump(JUMP_FORWARD, end);
      bind(name_cleanup);
      u().cur_pos = kArtificialPosition;
      load_none();
      name_op(*h->name, expr_context::Store, h);
      name_op(*h->name, expr_context::Del, h);
      emit(RERAISE, 1);
    } else {
      emit(POP_TOP);
      u().fblocks.push_back({FBlockKind::HandlerCleanup, {}, {}, h, "", outer_handlers});
      if (!stmts(h->body)) return false;
      u().fblocks.pop_back();
      u().cur_pos = kArtificialPosition;
      emit(POP_EXCEPT);
      emit_jump(JUMP_FORWARD, end);
    }
    bind(next);
  }
  // No clause matched: located at the last clause (its failed match jumps here).
  set_pos(t->handlers.back());
  emit(RERAISE, 0);
  pop_handler();
  return true;
}

// The clauses of try-except* (PEP 654), as CPython 3.11 compiles them. They keep
// [prev, orig, raised, rest]: orig the exception caught, raised the list of
// what the clauses raised or re-raised, rest what no clause matched yet.
// Each clause's CHECK_EG_MATCH splits rest; its body runs with the match
// bound (and handled) under a handler that appends what it raises to
// `raised`. PREP_RERAISE_STAR then computes what to re-raise, if anything.
// (The symbol table rejects break/continue/return leaving an except* clause.)
bool Compiler::except_star_clauses(Try* t, Label end) {
  Label reraise = new_label();
  emit(COPY, 1);
  emit(BUILD_LIST, 0);
  emit(SWAP, 2);  // [.., prev, orig, raised, exc]
  for (size_t i = 0; i < t->handlers.size(); i++) {
    auto* h = static_cast<ExceptHandler*>(t->handlers[i]);
    set_pos(h);
    Label no_match = new_label(), body_raised = new_label(), next = new_label();
    if (h->type) {
      if (!expr(h->type)) return false;
      emit(CHECK_EG_MATCH);  // [.., rest, match | None]
      emit(COPY, 1);
      emit_jump(POP_JUMP_IF_NONE, no_match);
    }
    if (h->name) {
      if (!name_op(*h->name, expr_context::Store, h)) return false;
    } else {
      emit(POP_TOP);
    }
    push_handler(body_raised);
    if (!stmts(h->body)) return false;
    pop_handler();
    // What follows the body (clearing the name, collecting what it raised,
    // the no-match path) is artificial in CPython: no line events of its own.
    u().cur_pos = kArtificialPosition;
    auto clear_name = [&] {
      if (!h->name) return;
      load_none();
      name_op(*h->name, expr_context::Store, h);
      name_op(*h->name, expr_context::Del, h);
    };
    clear_name();
    emit_jump(JUMP_FORWARD, next);
    bind(body_raised);  // [.., orig, raised, rest, exc2]
    clear_name();
    emit(LIST_APPEND, 2);
    emit_jump(JUMP_FORWARD, next);
    bind(no_match);
    emit(POP_TOP);
    bind(next);
  }
  u().cur_pos = kArtificialPosition;
  emit(LIST_APPEND, 1);     // the unhandled rest (None when everything matched)
  emit(PREP_RERAISE_STAR);  // [.., prev, exc | None]
  emit(COPY, 1);
  emit_jump(POP_JUMP_IF_NOT_NONE, reraise);
  pop_handler();
  emit(POP_TOP);
  emit(POP_EXCEPT);
  emit_jump(JUMP_FORWARD, end);
  bind(reraise);
  emit(SWAP, 2);
  emit(POP_EXCEPT);
  emit(RERAISE, 0);
  return true;
}

// ---- with ----------------------------------------------------------------------------------------
bool Compiler::with_stmt(With* w, size_t item, bool is_async) {
  if (is_async && !u().scope->is_coroutine) return error(w, "'async with' outside async function");
  withitem* it = w->items[item];
  Label handler = new_label(), cleanup = new_label(), end = new_label(), suppress = new_label();
  if (!expr(it->context_expr)) return false;
  set_pos(w);
  if (is_async) {
    emit(BEFORE_ASYNC_WITH);  // [exit, awaitable]
    emit(GET_AWAITABLE, 1);
    load_none();
    if (!yield_from_loop(true)) return false;
  } else {
    emit(BEFORE_WITH);  // [exit, enter_result]
  }
  push_handler(handler, -1, true);  // the enter result is consumed before the body runs
  u().fblocks.push_back({is_async ? FBlockKind::AsyncWith : FBlockKind::With, {}, {}, w, "",
                         int(u().handler_stack.size()) - 1});
  if (it->optional_vars) {
    if (!store(it->optional_vars)) return false;
  } else {
    emit(POP_TOP);
  }
  bool ok = item + 1 < w->items.size() ? with_stmt(w, item + 1, is_async) : stmts(w->body);
  if (!ok) return false;
  u().fblocks.pop_back();
  pop_handler();
  set_pos(w);
  if (is_async) {
    emit(PUSH_NULL);
    load_none();
    load_none();
    load_none();
    emit(CALL, 3);
    emit(GET_AWAITABLE, 2);
    load_none();
    if (!yield_from_loop(true)) return false;
    emit(POP_TOP);
  } else {
    call_exit_with_nones();
  }
  emit_jump(JUMP_FORWARD, end);
  // Exceptional exit: [exit, lasti, exc] -> [exit, lasti, prev, exc]
  bind(handler);
  push_handler(cleanup, 0, true);
  emit(PUSH_EXC_INFO);
  emit(WITH_EXCEPT_START);  // [exit, lasti, prev, exc, res]
  if (is_async) {
    emit(GET_AWAITABLE, 2);
    load_none();
    if (!yield_from_loop(true)) return false;
  }
  emit_jump(POP_JUMP_IF_TRUE, suppress);
  emit(RERAISE, 2);
  pop_handler();
  bind(suppress);
  emit(POP_TOP);     // exc
  emit(POP_EXCEPT);  // [exit, lasti]
  emit(POP_TOP);
  emit(POP_TOP);
  emit_jump(JUMP_FORWARD, end);
  bind(cleanup);     // [exit, lasti, prev, lasti2, exc2]
  emit(COPY, 3);
  emit(POP_EXCEPT);
  emit(RERAISE, 1);
  bind(end);
  return true;
}

// ---- raise / assert / import -------------------------------------------------------------------
bool Compiler::raise_stmt(Raise* r) {
  int n = 0;
  if (r->exc) {
    if (!expr(r->exc)) return false;
    n = 1;
    if (r->cause) {
      if (!expr(r->cause)) return false;
      n = 2;
    }
  }
  set_pos(r);
  emit(RAISE_VARARGS, uint32_t(n));
  return true;
}

bool Compiler::assert_stmt(Assert* a) {
  if (optimize_ > 0) return true;  // -O: no code, and no warning either (as CPython)
  if (auto* t = as<ast::Tuple>(a->test); t && !t->elts.empty()) {
    if (!warn(a, "assertion is always true, perhaps remove parentheses?")) return false;
  }
  Label end = new_label();
  if (!jump_if(a->test, true, end)) return false;
  // CPython attributes the raise to the test expression (traceback carets).
  set_pos(a->test);
  emit(LOAD_ASSERTION_ERROR);
  if (a->msg) {
    emit(PUSH_NULL);
    if (!expr(a->msg)) return false;
    set_pos(a->test);
    emit(CALL, 1);
  }
  emit(RAISE_VARARGS, 1);
  bind(end);
  return true;
}

bool Compiler::import_stmt(Import* im) {
  for (alias* a : im->names) {
    set_pos(a);
    load_const(Value::small(0));
    load_none();
    emit(IMPORT_NAME, uint32_t(add_name(a->name)));
    if (a->asname) {
      // `import a.b.c as d` binds the submodule: walk down with IMPORT_FROM.
      size_t dot = a->name.find('.');
      while (dot != std::string::npos) {
        size_t next = a->name.find('.', dot + 1);
        std::string part = a->name.substr(dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1);
        emit(IMPORT_FROM, uint32_t(add_name(part)));
        emit(SWAP, 2);
        emit(POP_TOP);
        dot = next;
      }
      if (!name_op(*a->asname, expr_context::Store, im)) return false;
    } else {
      std::string top = a->name.substr(0, a->name.find('.'));
      if (!name_op(top, expr_context::Store, im)) return false;
    }
  }
  return true;
}

bool Compiler::import_from(ImportFrom* im) {
  // Future imports are compiler directives: only the module's leading block
  // (future.cpp) may hold them; there they still run as ordinary imports.
  if (im->module && *im->module == "__future__" && im->lineno > future_lineno_)
    return error(im, "from __future__ imports must occur at the beginning of the file");
  load_const(Value::small(im->level));
  gilpy::Tuple* names = tuple_new(int64_t(im->names.size()));
  for (size_t i = 0; i < im->names.size(); i++) names->items[i] = Value(str_intern(im->names[i]->name));
  load_const(Value(names));
  emit(IMPORT_NAME, uint32_t(add_name(im->module ? *im->module : "")));
  if (im->names.size() == 1 && im->names[0]->name == "*") {
    emit(IMPORT_STAR);
    return true;
  }
  for (alias* a : im->names) {
    set_pos(a);
    emit(IMPORT_FROM, uint32_t(add_name(a->name)));
    if (!name_op(a->asname ? *a->asname : a->name, expr_context::Store, im)) return false;
  }
  emit(POP_TOP);
  return true;
}

}  // namespace gilpy::compiler
