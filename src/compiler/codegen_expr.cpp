// Code generation for expressions.
#include <algorithm>
#include <cstring>

#include "compiler/codegen.h"
#include "compiler/compile.h"
#include "objects/code.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::compiler {

using namespace bytecode;
using namespace ast;

static int binop_arg(operator_t op) {
  switch (op) {
    case operator_t::Add: return NB_ADD;
    case operator_t::Sub: return NB_SUBTRACT;
    case operator_t::Mult: return NB_MULTIPLY;
    case operator_t::MatMult: return NB_MATRIX_MULTIPLY;
    case operator_t::Div: return NB_TRUE_DIVIDE;
    case operator_t::Mod: return NB_REMAINDER;
    case operator_t::Pow: return NB_POWER;
    case operator_t::LShift: return NB_LSHIFT;
    case operator_t::RShift: return NB_RSHIFT;
    case operator_t::BitOr: return NB_OR;
    case operator_t::BitXor: return NB_XOR;
    case operator_t::BitAnd: return NB_AND;
    case operator_t::FloorDiv: return NB_FLOOR_DIVIDE;
  }
  return NB_ADD;
}
int binop_arg_of(operator_t op) { return binop_arg(op); }  // codegen.h

// The ARG_TEMP_* hint (bytecode/opcodes.h) for an operand: set when the
// operand's code ends in the BINARY_OP or UNARY_NEGATIVE that computes it, so
// its value is a temporary the consuming instruction alone sees. (A folded
// constant in its place is harmless: the eval loop reuses only floats it has
// just made.)
uint32_t temp_hint(const ast::expr* e, uint32_t bit) {
  if (e->kind == Kind::BinOp) return bit;
  if (e->kind == Kind::UnaryOp && static_cast<const UnaryOp*>(e)->op == unaryop::USub) return bit;
  return 0;
}

// Private name mangling: inside a class body (or its methods), an identifier
// __x (not ending in __; the two underscores may overlap the prefix) becomes _Class__x, with leading underscores of the
// class name stripped.
std::string Compiler::mangle(const std::string& name) {
  if (name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
  // Ends in "__" (the check overlaps the prefix, as CPython's: "___" is not mangled).
  if (name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
  if (name.find('.') != std::string::npos) return name;
  for (auto it = units_.rbegin(); it != units_.rend(); ++it) {
    if ((*it)->scope->kind != ScopeKind::Class) continue;
    const std::string& cls = (*it)->name;
    size_t p = cls.find_first_not_of('_');
    if (p == std::string::npos) return name;
    return "_" + cls.substr(p) + name;
  }
  return name;
}

bool Compiler::name_op(const std::string& name, expr_context ctx, const Node* n) {
  // CPython's forbidden_name: __debug__ is a constant (assignments, deletions,
  // imports, def/class names, walrus and for targets all come here).
  if (ctx != expr_context::Load && name == "__debug__")
    return error(n, ctx == expr_context::Del ? "cannot delete __debug__" : "cannot assign to __debug__");
  CodeUnit& cu = u();
  Scope* sc = cu.scope;
  const std::string mangled = mangle(name);
  Binding b = sc->lookup(mangled);  // the symbol table keys private names mangled
  bool fast = sc->kind == ScopeKind::Function || sc->kind == ScopeKind::Lambda || sc->kind == ScopeKind::Comprehension;
  auto deref_index = [&](const std::string& nm) -> int {
    auto c = cu.cell_index.find(nm);
    // A class body's __class__ is the enclosing method's (a free variable),
    // never the class's own cell (that one is for the class's methods).
    if (c != cu.cell_index.end() && !(sc->kind == ScopeKind::Class && nm == "__class__")) return c->second;
    auto f = cu.free_index.find(nm);
    if (f != cu.free_index.end()) return int(cu.cellvars.size()) + f->second;
    return -1;
  };
  Op op;
  uint32_t arg;
  switch (b) {
    case Binding::Local:
      if (fast) {
        auto it = cu.var_index.find(mangled);
        if (it == cu.var_index.end()) return error(n, "internal error: no slot for local '" + mangled + "'");
        op = ctx == expr_context::Load ? LOAD_FAST : ctx == expr_context::Store ? STORE_FAST : DELETE_FAST;
        arg = uint32_t(it->second);
        // A `+=` target's other reads share its value, so they must use
        // LOAD_FAST_SHARE (the frame's string builder lets go of it).
        if (op == LOAD_FAST && !cu.aug_add_load) {
          auto sym = sc->symbols.find(mangled);
          if (sym != sc->symbols.end() && (sym->second & AUG_ADD)) op = LOAD_FAST_SHARE;
        }
      } else {
        op = ctx == expr_context::Load ? LOAD_NAME : ctx == expr_context::Store ? STORE_NAME : DELETE_NAME;
        arg = uint32_t(add_name(mangled));
      }
      break;
    case Binding::Cell:
    case Binding::Free: {
      int idx = deref_index(mangled);
      if (idx < 0) return error(n, "internal error: no cell for '" + name + "'");
      if (ctx == expr_context::Load) op = sc->kind == ScopeKind::Class ? LOAD_CLASSDEREF : LOAD_DEREF;
      else op = ctx == expr_context::Store ? STORE_DEREF : DELETE_DEREF;
      arg = uint32_t(idx);
      break;
    }
    case Binding::GlobalExplicit:
      op = ctx == expr_context::Load ? LOAD_GLOBAL : ctx == expr_context::Store ? STORE_GLOBAL : DELETE_GLOBAL;
      arg = uint32_t(add_name(mangled));
      break;
    default:  // implicit global
      if (fast) op = ctx == expr_context::Load ? LOAD_GLOBAL : ctx == expr_context::Store ? STORE_GLOBAL : DELETE_GLOBAL;
      else op = ctx == expr_context::Load ? LOAD_NAME : ctx == expr_context::Store ? STORE_NAME : DELETE_NAME;
      arg = uint32_t(add_name(mangled));
      break;
  }
  emit(op, arg);
  return true;
}

bool Compiler::expr(ast::expr* e) {
  if (failed_) return false;
  if (compile_too_deep(++expr_depth_)) {
    error(e, "maximum recursion depth exceeded during compilation");
    err_.recursion = true;
    --expr_depth_;
    return false;
  }
  bool ok = expr_inner(e);
  --expr_depth_;
  return ok;
}

bool Compiler::expr_inner(ast::expr* e) {
  Position saved = u().cur_pos;
  set_pos(e);
  bool ok = true;
  if (e->kind != Kind::Constant) {
    if (Value c = fold(e)) {
      load_const(c);
      u().cur_pos = saved;
      return !failed_;
    }
  }
  switch (e->kind) {
    case Kind::BoolOp: ok = boolop(static_cast<BoolOp*>(e)); break;
    case Kind::NamedExpr: {
      auto* n = static_cast<NamedExpr*>(e);
      if (!expr(n->value)) return false;
      emit(COPY, 1);
      ok = store(n->target);
      break;
    }
    case Kind::BinOp: {
      auto* b = static_cast<ast::BinOp*>(e);
      if (!expr(b->left) || !expr(b->right)) return false;
      set_pos(e);
      emit(BINARY_OP, uint32_t(binop_arg(b->op)) | temp_hint(b->left, ARG_TEMP_LEFT) |
                          temp_hint(b->right, ARG_TEMP_RIGHT));
      break;
    }
    case Kind::UnaryOp: {
      auto* un = static_cast<UnaryOp*>(e);
      if (!expr(un->operand)) return false;
      set_pos(e);
      switch (un->op) {
        case unaryop::Invert: emit(UNARY_INVERT); break;
        case unaryop::Not: {
          // `not (a is b)` / `not (a in b)`: the inverted test, as CPython's
          // peephole pass makes it (no UNARY_NOT).
          auto* c = as<Compare>(un->operand);
          CodeUnit& cu = u();
          if (c && c->ops.size() == 1 && !cu.code.empty() &&
              (cu.code.back().op == IS_OP || cu.code.back().op == CONTAINS_OP)) {
            cu.code.back().arg ^= 1;
            break;
          }
          emit(UNARY_NOT);
          break;
        }
        case unaryop::UAdd: emit(UNARY_POSITIVE); break;
        case unaryop::USub: emit(UNARY_NEGATIVE, temp_hint(un->operand, ARG_TEMP_LEFT)); break;
      }
      break;
    }
    case Kind::Lambda: ok = lambda(static_cast<Lambda*>(e)); break;
    case Kind::IfExp: {
      auto* i = static_cast<IfExp*>(e);
      Label orelse = new_label(), end = new_label();
      if (!jump_if(i->test, false, orelse)) return false;
      if (!expr(i->body)) return false;
      emit_jump(JUMP_FORWARD, end);
      bind(orelse);
      if (!expr(i->orelse)) return false;
      bind(end);
      break;
    }
    case Kind::Dict: ok = dict_display(static_cast<ast::Dict*>(e)); break;
    case Kind::Set: ok = sequence_display(static_cast<ast::Set*>(e)->elts, BUILD_SET, SET_ADD, SET_UPDATE, false); break;
    case Kind::List: {
      auto* l = static_cast<ast::List*>(e);
      if (l->ctx != expr_context::Load) return error(e, "internal error: list in store context");
      ok = sequence_display(l->elts, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false);
      break;
    }
    case Kind::Tuple: {
      auto* t = static_cast<ast::Tuple*>(e);
      ok = sequence_display(t->elts, BUILD_TUPLE, LIST_APPEND, LIST_EXTEND, true);
      break;
    }
    case Kind::ListComp:
    case Kind::SetComp:
    case Kind::DictComp:
    case Kind::GeneratorExp: ok = comprehension(e); break;
    case Kind::Await: {
      Scope* sc = u().scope;
      if (!sc->is_coroutine) {
        if (sc->kind == ScopeKind::Comprehension) return error(e, "asynchronous comprehension outside of an asynchronous function");
        return error(e, "'await' outside async function");
      }
      if (!expr(static_cast<Await*>(e)->value)) return false;
      set_pos(e);
      emit(GET_AWAITABLE, 0);
      load_none();
      ok = yield_from_loop(true);
      break;
    }
    case Kind::Yield: {
      auto* y = static_cast<Yield*>(e);
      if (y->value) { if (!expr(y->value)) return false; }
      else load_none();
      set_pos(e);
      if (u().flags & CO_ASYNC_GENERATOR) emit(ASYNC_GEN_WRAP);
      emit(YIELD_VALUE);
      break;
    }
    case Kind::YieldFrom: {
      if (u().scope->is_coroutine) return error(e, "'yield from' inside async function");
      if (!expr(static_cast<YieldFrom*>(e)->value)) return false;
      set_pos(e);
      emit(GET_YIELD_FROM_ITER);
      load_none();
      ok = yield_from_loop(false);
      break;
    }
    case Kind::Compare: ok = compare(static_cast<Compare*>(e)); break;
    case Kind::Call: ok = call(static_cast<Call*>(e)); break;
    case Kind::FormattedValue: ok = formatted_value(static_cast<FormattedValue*>(e)); break;
    case Kind::JoinedStr: ok = joined_str(static_cast<JoinedStr*>(e)); break;
    case Kind::Constant: load_const(constant_value(static_cast<Constant*>(e)->value)); break;
    case Kind::Attribute: {
      auto* a = static_cast<Attribute*>(e);
      if (a->ctx != expr_context::Load) return error(e, "internal error: attribute context");
      if (!expr(a->value)) return false;
      set_attr_pos(a);
      emit(LOAD_ATTR, uint32_t(add_name(mangle(a->attr))));
      break;
    }
    case Kind::Subscript: ok = subscript(static_cast<Subscript*>(e)); break;
    case Kind::Starred: return error(e, "can't use starred expression here");
    case Kind::Name: {
      auto* n = static_cast<Name*>(e);
      ok = name_op(n->id, n->ctx, n);
      break;
    }
    case Kind::Slice: ok = slice(static_cast<ast::Slice*>(e)); break;
    default: return error(e, "unsupported expression");
  }
  u().cur_pos = saved;
  return ok && !failed_;
}

// A list display here is never seen by the program, so it is built as a
// tuple (CPython's AST optimiser rewrites it so), or loaded as a constant.
bool Compiler::iterable(ast::expr* e) {
  Value c = fold_iterable(e);
  auto* l = as<ast::List>(e);
  bool starred = l && std::any_of(l->elts.begin(), l->elts.end(), [](ast::expr* x) { return x->kind == Kind::Starred; });
  if (!c && (!l || starred)) return expr(e);
  Position saved = u().cur_pos;
  set_pos(e);
  bool ok = true;
  if (c) load_const(c);
  else ok = sequence_display(l->elts, BUILD_TUPLE, LIST_APPEND, LIST_EXTEND, true);
  u().cur_pos = saved;
  return ok;
}

bool Compiler::subscript(Subscript* s) {
  if (s->ctx == expr_context::Load && !check_subscript(s)) return false;
  if (!expr(s->value)) return false;
  if (!expr(s->slice)) return false;
  set_pos(s);
  if (s->ctx == expr_context::Load) emit(BINARY_SUBSCR);
  else if (s->ctx == expr_context::Del) emit(DELETE_SUBSCR);
  else return error(s, "internal error: subscript context");
  return true;
}

bool Compiler::slice(ast::Slice* s) {
  if (s->lower) { if (!expr(s->lower)) return false; } else load_none();
  if (s->upper) { if (!expr(s->upper)) return false; } else load_none();
  int n = 2;
  if (s->step) { if (!expr(s->step)) return false; n = 3; }
  emit(BUILD_SLICE, uint32_t(n));
  return true;
}

// ---- stores ----------------------------------------------------------------------------
bool Compiler::store(ast::expr* t) {
  Position saved = u().cur_pos;
  set_pos(t);
  bool ok = true;
  switch (t->kind) {
    case Kind::Name: ok = name_op(static_cast<Name*>(t)->id, expr_context::Store, t); break;
    case Kind::Attribute: {
      auto* a = static_cast<Attribute*>(t);
      if (a->attr == "__debug__") return error(t, "cannot assign to __debug__");
      if (!expr(a->value)) return false;
      set_attr_pos(a);
      emit(STORE_ATTR, uint32_t(add_name(mangle(a->attr))));
      break;
    }
    case Kind::Subscript: {
      auto* s = static_cast<Subscript*>(t);
      if (!expr(s->value) || !expr(s->slice)) return false;
      set_pos(t);
      emit(STORE_SUBSCR);
      break;
    }
    case Kind::Tuple: ok = unpack_target(static_cast<ast::Tuple*>(t)->elts, t); break;
    case Kind::List: ok = unpack_target(static_cast<ast::List*>(t)->elts, t); break;
    case Kind::Starred: return error(t, "starred assignment target must be in a list or tuple");
    default: return error(t, "cannot assign to expression");
  }
  u().cur_pos = saved;
  return ok;
}

bool Compiler::unpack_target(const std::vector<ast::expr*>& elts, const Node* n) {
  int star = -1;
  for (size_t i = 0; i < elts.size(); i++) {
    if (elts[i]->kind == Kind::Starred) {
      if (star >= 0) return error(elts[i], "multiple starred expressions in assignment");
      star = int(i);
    }
  }
  if (star < 0) {
    emit(UNPACK_SEQUENCE, uint32_t(elts.size()));
  } else {
    size_t after = elts.size() - size_t(star) - 1;
    if (star > 255 || after > 255) return error(n, "too many expressions in star-unpacking assignment");
    emit(UNPACK_EX, uint32_t(star) | uint32_t(after << 8));
  }
  for (ast::expr* e : elts) {
    if (e->kind == Kind::Starred) {
      if (!store(static_cast<Starred*>(e)->value)) return false;
    } else if (!store(e)) {
      return false;
    }
  }
  return true;
}

// ---- boolean logic and jumps --------------------------------------------------------------
// A constant operand before the last decides at compile time, as CPython's
// optimiser does it: one that does not end the chain (true for `and`, false
// for `or`) leaves no code but a NOP for its line; one that does is the
// result, and the operands after it are unreachable (dropped on assembly).
bool Compiler::boolop(BoolOp* b) {
  Label end = new_label();
  bool is_and = b->op == boolop::And;
  Op jump = is_and ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
  for (size_t i = 0; i < b->values.size(); i++) {
    ast::expr* v = b->values[i];
    if (i + 1 < b->values.size()) {
      if (Value c = fold(v)) {
        Result<bool> t = truthy(c);
        if (t.ok()) {
          Position saved = u().cur_pos;
          set_pos(v);
          if (t.value() == is_and) {
            emit(NOP);
          } else {
            load_const(c);
            emit_jump(JUMP_FORWARD, end);
          }
          u().cur_pos = saved;
          continue;
        }
        exc_clear();
      }
    }
    if (!expr(v)) return false;
    if (i + 1 < b->values.size()) emit_jump(jump, end);
  }
  bind(end);
  return true;
}

// Jump to `target` when truth(e) == cond; fall through otherwise.
bool Compiler::jump_if(ast::expr* e, bool cond, Label target) {
  if (auto* un = as<UnaryOp>(e); un && un->op == unaryop::Not) return jump_if(un->operand, !cond, target);
  if (auto* b = as<BoolOp>(e)) {
    bool is_and = b->op == boolop::And;
    if (is_and != cond) {
      // and/jump-if-false or or/jump-if-true: every operand jumps straight to target.
      for (ast::expr* v : b->values)
        if (!jump_if(v, cond, target)) return false;
      return true;
    }
    Label skip = new_label();
    for (size_t i = 0; i + 1 < b->values.size(); i++)
      if (!jump_if(b->values[i], !cond, skip)) return false;
    if (!jump_if(b->values.back(), cond, target)) return false;
    bind(skip);
    return true;
  }
  // A constant test: an unconditional jump or nothing (a NOP keeps its line).
  if (Value c = fold(e)) {
    Result<bool> t = truthy(c);
    if (t.ok()) {
      Position saved = u().cur_pos;
      set_pos(e);
      if (t.value() == cond) emit_jump(JUMP_FORWARD, target);
      else emit(NOP);
      u().cur_pos = saved;
      return true;
    }
    exc_clear();
  }
  if (!expr(e)) return false;
  emit_jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, target);
  return true;
}

bool Compiler::compare(Compare* c) {
  if (!check_compare(c)) return false;
  if (!expr(c->left)) return false;
  size_t n = c->ops.size();
  // Only a single comparison consumes its operands directly (a chain copies them).
  uint32_t hints = n == 1 ? temp_hint(c->left, ARG_TEMP_LEFT) | temp_hint(c->comparators[0], ARG_TEMP_RIGHT) : 0;
  auto emit_cmp = [&](cmpop op) {
    switch (op) {
      case cmpop::Eq: emit(COMPARE_OP, CMP_EQ | hints); break;
      case cmpop::NotEq: emit(COMPARE_OP, CMP_NE | hints); break;
      case cmpop::Lt: emit(COMPARE_OP, CMP_LT | hints); break;
      case cmpop::LtE: emit(COMPARE_OP, CMP_LE | hints); break;
      case cmpop::Gt: emit(COMPARE_OP, CMP_GT | hints); break;
      case cmpop::GtE: emit(COMPARE_OP, CMP_GE | hints); break;
      case cmpop::Is: emit(IS_OP, 0); break;
      case cmpop::IsNot: emit(IS_OP, 1); break;
      case cmpop::In: emit(CONTAINS_OP, 0); break;
      case cmpop::NotIn: emit(CONTAINS_OP, 1); break;
    }
  };
  // The last operand of `in` / `not in` may fold to a tuple or frozenset.
  auto operand = [&](size_t i) {
    bool contains = c->ops[i] == cmpop::In || c->ops[i] == cmpop::NotIn;
    return i + 1 == n && contains ? iterable(c->comparators[i]) : expr(c->comparators[i]);
  };
  if (n == 1) {
    if (!operand(0)) return false;
    set_pos(c);
    emit_cmp(c->ops[0]);
    return true;
  }
  Label cleanup = new_label(), end = new_label();
  for (size_t i = 0; i < n; i++) {
    if (!operand(i)) return false;
    set_pos(c);
    if (i + 1 < n) {
      emit(SWAP, 2);
      emit(COPY, 2);
      emit_cmp(c->ops[i]);
      emit_jump(JUMP_IF_FALSE_OR_POP, cleanup);
    } else {
      emit_cmp(c->ops[i]);
    }
  }
  emit_jump(JUMP_FORWARD, end);
  bind(cleanup);
  emit(SWAP, 2);
  emit(POP_TOP);
  bind(end);
  return true;
}

// ---- displays ---------------------------------------------------------------------------------
// CPython's STACK_USE_GUIDELINE: a display or a call with more items than
// this is built one item at a time (BUILD_LIST 0 + LIST_APPEND, BUILD_MAP 0 +
// MAP_ADD, CALL_FUNCTION_EX), so the value stack stays small (co_stacksize
// is O(1), not O(n), for a 1000-element literal).
static constexpr size_t kStackUseGuideline = 30;

bool Compiler::sequence_display(const std::vector<ast::expr*>& elts, Op build, Op append, Op extend, bool to_tuple) {
  // A set display of more than two constants updates an empty set from a
  // frozenset constant, as CPython compiles it: the set's iteration order
  // then matches CPython's (it comes from re-inserting the frozenset's order).
  if (build == BUILD_SET && elts.size() > 2) {
    if (Value fs = fold_sequence(elts, true, 0)) {
      emit(BUILD_SET, 0);
      load_const(fs);
      emit(SET_UPDATE, 1);
      return true;
    }
  }
  bool has_star = false;
  for (ast::expr* x : elts) if (x->kind == Kind::Starred) has_star = true;
  bool big = elts.size() > kStackUseGuideline;
  if (!has_star && !big) {
    if (!exprs(elts)) return false;
    emit(build, uint32_t(elts.size()));
    return true;
  }
  Op b = to_tuple ? BUILD_LIST : build;
  size_t i = 0;
  while (!big && i < elts.size() && elts[i]->kind != Kind::Starred) {
    if (!expr(elts[i])) return false;
    i++;
  }
  emit(b, uint32_t(i));
  for (; i < elts.size(); i++) {
    if (elts[i]->kind == Kind::Starred) {
      if (!expr(static_cast<Starred*>(elts[i])->value)) return false;
      emit(extend, 1);
    } else {
      if (!expr(elts[i])) return false;
      emit(append, 1);
    }
  }
  if (to_tuple) emit(LIST_TO_TUPLE);
  return true;
}

bool Compiler::dict_display(ast::Dict* d) {
  size_t n = d->keys.size();
  bool has_unpack = false;
  for (ast::expr* k : d->keys) if (!k) has_unpack = true;
  if (!has_unpack && 2 * n <= kStackUseGuideline) {
    for (size_t i = 0; i < n; i++) {
      if (!expr(d->keys[i]) || !expr(d->values[i])) return false;
    }
    emit(BUILD_MAP, uint32_t(n));
    return true;
  }
  emit(BUILD_MAP, 0);
  for (size_t i = 0; i < n; i++) {
    if (!d->keys[i]) {
      if (!expr(d->values[i])) return false;
      emit(DICT_UPDATE, 1);
    } else {
      if (!expr(d->keys[i]) || !expr(d->values[i])) return false;
      emit(MAP_ADD, 1);
    }
  }
  return true;
}

bool Compiler::joined_str(JoinedStr* j) {
  if (j->values.size() == 1 && j->values[0]->kind == Kind::Constant) return expr(j->values[0]);
  for (ast::expr* v : j->values)
    if (!expr(v)) return false;
  if (j->values.size() != 1) emit(BUILD_STRING, uint32_t(j->values.size()));
  else if (j->values.empty()) load_const(str_empty());
  return true;
}

bool Compiler::formatted_value(FormattedValue* f) {
  if (!expr(f->value)) return false;
  uint32_t flags = 0;
  switch (f->conversion) {
    case 's': flags = FVC_STR; break;
    case 'r': flags = FVC_REPR; break;
    case 'a': flags = FVC_ASCII; break;
    default: flags = FVC_NONE; break;
  }
  if (f->format_spec) {
    if (!expr(f->format_spec)) return false;
    flags |= FVS_HAVE_SPEC;
  }
  emit(FORMAT_VALUE, flags);
  return true;
}

// ---- calls --------------------------------------------------------------------------------------
// A call's arguments are pushed one by one (CALL) when they fit within
// CPython's guideline, else collected in a tuple and a dict (CALL_FUNCTION_EX).
static bool args_fit_on_stack(const std::vector<ast::expr*>& args, const std::vector<keyword*>& kws) {
  return args.size() + 2 * kws.size() <= kStackUseGuideline;
}

bool Compiler::call(Call* c) {
  if (!check_caller(c)) return false;
  bool simple = true;
  for (ast::expr* a : c->args) if (a->kind == Kind::Starred) simple = false;
  for (keyword* k : c->keywords) if (!k->arg) simple = false;
  if (auto* a = as<Attribute>(c->func); a && simple && args_fit_on_stack(c->args, c->keywords)) {
    if (!expr(a->value)) return false;
    set_attr_pos(a);
    emit(LOAD_METHOD, uint32_t(add_name(mangle(a->attr))));
    if (!call_args(c->args, c->keywords, 0, c)) return false;
    // The call of a method starts where its name does (CPython 3.11).
    for (size_t i = u().code.size(); i-- > 0;) {
      Instr& in = u().code[i];
      in.pos = attr_position(in.pos, a);
      if (in.op != CACHE) break;
    }
    return true;
  } else {
    if (!expr(c->func)) return false;
    emit(PUSH_NULL);
  }
  return call_args(c->args, c->keywords, 0, c);
}

// With the callable and self-or-NULL pushed, push the arguments and call.
bool Compiler::call_args(const std::vector<ast::expr*>& args, const std::vector<keyword*>& kws, int extra_pos,
                         const Node* n) {
  for (keyword* kw : kws)
    if (kw->arg && *kw->arg == "__debug__") return error(n, "cannot assign to __debug__");
  for (size_t i = 0; i < kws.size(); i++)
    for (size_t j = 0; kws[i]->arg && j < i; j++)
      if (kws[j]->arg && *kws[j]->arg == *kws[i]->arg)
        return error(kws[i], "keyword argument repeated: " + *kws[i]->arg);
  bool simple = true;
  for (ast::expr* a : args) if (a->kind == Kind::Starred) simple = false;
  for (keyword* k : kws) if (!k->arg) simple = false;
  if (simple && args_fit_on_stack(args, kws)) {
    if (!exprs(args)) return false;
    gilpy::Tuple* names = nullptr;
    if (!kws.empty()) {
      names = tuple_new(int64_t(kws.size()));
      for (size_t i = 0; i < kws.size(); i++) {
        names->items[i] = Value(str_intern(*kws[i]->arg));
        if (!expr(kws[i]->value)) return false;
      }
    }
    set_pos(n);
    if (names) emit(KW_NAMES, uint32_t(add_const(names)));
    emit(CALL, uint32_t(extra_pos + args.size() + kws.size()));
    return true;
  }
  // General case: build a tuple of positionals (and a dict of keywords). A
  // lone *iterable goes to CALL_FUNCTION_EX as is, so a non-iterable is
  // reported as "f() argument after * must be an iterable" (as CPython does).
  if (extra_pos) {
    // The extra positionals (a class's function and name) are already on the
    // stack: collect them and the arguments into one list, then a tuple.
    emit(BUILD_LIST, uint32_t(extra_pos));
    for (ast::expr* a : args) {
      bool star = a->kind == Kind::Starred;
      if (!expr(star ? static_cast<Starred*>(a)->value : a)) return false;
      emit(star ? LIST_EXTEND : LIST_APPEND, 1);
    }
    emit(LIST_TO_TUPLE);
  } else if (args.size() == 1 && args[0]->kind == Kind::Starred) {
    if (!expr(static_cast<Starred*>(args[0])->value)) return false;
  } else if (!sequence_display(args, BUILD_TUPLE, LIST_APPEND, LIST_EXTEND, true)) {
    return false;
  }
  bool have_kw = !kws.empty();
  if (have_kw) {
    // Named keywords before the first **mapping go straight into the dict
    // (the compiler has rejected repeats among them); later ones are
    // gathered in a dict of their own and merged, so that a name the
    // mapping also gave is reported ("got multiple values").
    emit(BUILD_MAP, 0);
    bool merged = false;
    for (size_t i = 0; i < kws.size(); i++) {
      keyword* k = kws[i];
      if (!k->arg) {
        if (!expr(k->value)) return false;
        emit(DICT_MERGE, 1);
        merged = true;
      } else if (!merged) {
        load_const(Value(str_intern(*k->arg)));
        if (!expr(k->value)) return false;
        emit(MAP_ADD, 1);
      } else {
        emit(BUILD_MAP, 0);
        for (; i < kws.size() && kws[i]->arg; i++) {
          load_const(Value(str_intern(*kws[i]->arg)));
          if (!expr(kws[i]->value)) return false;
          emit(MAP_ADD, 1);
        }
        i--;
        emit(DICT_MERGE, 1);
      }
    }
  }
  set_pos(n);
  emit(CALL_FUNCTION_EX, have_kw ? 1 : 0);
  return true;
}

// ---- yield from / await --------------------------------------------------------------------------
// Stack on entry: [receiver, value]. Leaves the final result.
bool Compiler::yield_from_loop(bool await) {
  Label loop = new_label(), exit = new_label();
  bind(loop);
  emit_jump(SEND, exit);
  emit(YIELD_VALUE);
  emit_jump(JUMP_BACKWARD, loop);
  bind(exit);
  (void)await;
  return true;
}

}  // namespace gilpy::compiler
