// Statement rules: simple statements, compound statements and blocks.
#include "parser/parser_internal.h"

namespace gilpy::parser {

using namespace ast;

namespace {

bool aug_op(Op o, operator_t& out) {
  switch (o) {
    case Op::PLUSEQUAL: out = operator_t::Add; return true;
    case Op::MINEQUAL: out = operator_t::Sub; return true;
    case Op::STAREQUAL: out = operator_t::Mult; return true;
    case Op::ATEQUAL: out = operator_t::MatMult; return true;
    case Op::SLASHEQUAL: out = operator_t::Div; return true;
    case Op::PERCENTEQUAL: out = operator_t::Mod; return true;
    case Op::AMPEREQUAL: out = operator_t::BitAnd; return true;
    case Op::VBAREQUAL: out = operator_t::BitOr; return true;
    case Op::CIRCUMFLEXEQUAL: out = operator_t::BitXor; return true;
    case Op::LEFTSHIFTEQUAL: out = operator_t::LShift; return true;
    case Op::RIGHTSHIFTEQUAL: out = operator_t::RShift; return true;
    case Op::DOUBLESTAREQUAL: out = operator_t::Pow; return true;
    case Op::DOUBLESLASHEQUAL: out = operator_t::FloorDiv; return true;
    default: return false;
  }
}



}  // namespace

bool Parser::statements_until_end(std::vector<stmt*>& out) {
  while (!at(TokKind::EndMarker)) {
    if (at(TokKind::Newline)) {
      advance();
      continue;
    }
    if (!statement(out)) return false;
  }
  return true;
}

bool Parser::statement(std::vector<stmt*>& out) {
  DepthGuard g(*this);
  if (!g.ok) return false;
  const Token& t = tok();
  bool compound = false;
  if (t.kind == TokKind::Name) {
    switch (t.kw) {
      case Kw::Def: case Kw::If: case Kw::Class: case Kw::With: case Kw::For:
      case Kw::Try: case Kw::While:
        compound = true;
        break;
      case Kw::Async:
        compound = peek().is(Kw::Def) || peek().is(Kw::For) || peek().is(Kw::With);
        // No statement starts with `async` otherwise: CPython's parser fails
        // at the token after it (`async = 1`), which it read looking for those.
        if (!compound) {
          advance();
          return fail(), false;
        }
        break;
      default:
        break;
    }
  } else if (t.is(Op::AT)) {
    compound = true;
  }
  if (compound) {
    stmt* s = compound_stmt();
    if (!s) return false;
    out.push_back(s);
    return true;
  }
  if (at_soft("match")) {
    if (int r = match_stmt(out)) return r > 0;
  }
  return simple_stmts(out);
}

bool Parser::simple_stmts(std::vector<stmt*>& out) {
  for (;;) {
    stmt* s = simple_stmt();
    if (!s) return false;
    out.push_back(s);
    if (accept(Op::SEMI)) {
      if (at(TokKind::Newline)) break;
      continue;
    }
    break;
  }
  if (!at(TokKind::Newline)) return fail(), false;
  advance();
  return true;
}

stmt* Parser::simple_stmt() {
  const Token& t = tok();
  const Pos s = start(t);
  if (t.kind == TokKind::Error) return error_tokenizer();
  if (t.kind != TokKind::Name || t.kw == Kw::NotKw) return expr_stmt();
  switch (t.kw) {
    case Kw::Pass: advance(); return mk<Pass>(s);
    case Kw::Break: advance(); return mk<Break>(s);
    case Kw::Continue: advance(); return mk<Continue>(s);
    case Kw::Return: {
      advance();
      expr* v = nullptr;
      if (!at(TokKind::Newline) && !at(Op::SEMI)) {
        v = star_expressions();
        if (!v) return nullptr;
      }
      auto* r = mk<Return>(s);
      r->value = v;
      return r;
    }
    case Kw::Raise: {
      advance();
      auto* r = mk<Raise>(s);
      if (!at(TokKind::Newline) && !at(Op::SEMI)) {
        if (!(r->exc = expression())) return nullptr;
        if (accept(Kw::From) && !(r->cause = expression())) return nullptr;
      }
      Pos e = end(prev());
      r->end_lineno = e.line, r->end_col_offset = e.col;
      return r;
    }
    case Kw::Global:
    case Kw::Nonlocal: {
      advance();
      std::vector<std::string> names;
      do {
        if (!tok().is_ident()) return fail();
        names.emplace_back(text(tok()));
        advance();
      } while (accept(Op::COMMA));
      if (t.kw == Kw::Global) {
        auto* g = mk<Global>(s);
        g->names = std::move(names);
        return g;
      }
      auto* g = mk<Nonlocal>(s);
      g->names = std::move(names);
      return g;
    }
    case Kw::Del: {
      advance();
      const size_t save = pos_, save_max = max_pos_;
      std::vector<expr*> targets;
      bool ok = true;
      for (;;) {
        expr* e = star_target();
        if (!e) { ok = false; break; }
        targets.push_back(e);
        if (!accept(Op::COMMA)) break;
        if (at(TokKind::Newline) || at(Op::SEMI)) break;
      }
      if (!ok || failed() || (!at(TokKind::Newline) && !at(Op::SEMI))) {
        // CPython's invalid_del_stmt: what follows `del` read as expressions
        // names the part that cannot be deleted ("cannot delete expression").
        const size_t fail_max = max_pos_;
        std::optional<SyntaxErrorInfo> first = err_;
        err_.reset();
        pos_ = save, max_pos_ = save_max;
        expr* all = star_expressions();
        if (all && !failed()) {
          if (const expr* bad = invalid_target(all, expr_context::Del))
            return error_node(bad, std::string("cannot delete ") + expr_name(bad));
        }
        err_ = first;
        max_pos_ = std::max(max_pos_, fail_max);
        if (!err_) return fail();
        return nullptr;
      }
      for (expr* e : targets)
        if (!set_context(e, expr_context::Del)) return nullptr;
      auto* d = mk<Delete>(s);
      d->targets = std::move(targets);
      return d;
    }
    case Kw::Assert: {
      advance();
      auto* a = mk<Assert>(s);
      if (!(a->test = expression())) return nullptr;
      if (accept(Op::COMMA) && !(a->msg = expression())) return nullptr;
      Pos e = end(prev());
      a->end_lineno = e.line, a->end_col_offset = e.col;
      return a;
    }
    case Kw::Import: return import_name();
    case Kw::From: return import_from();
    default: return expr_stmt();
  }
}

// Python 2 style `print x` / `exec code`: e is a name followed by the start
// of an expression (not '('). Records CPython's error and returns true.
bool Parser::legacy_call(ast::expr* e) {
  if (e->kind != Kind::Name || !starts_expression(tok()) || tok().is(Op::LPAR)) return false;
  const std::string& id = static_cast<Name*>(e)->id;
  if (id != "print" && id != "exec") return false;
  size_t save = pos_;
  expr* arg = star_expressions();
  if (arg && !failed()) {
    error_range(start(e), end(arg), "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
    return true;
  }
  if (first_pass_error()) return true;
  err_.reset();
  pos_ = save;
  return false;
}

stmt* Parser::expr_stmt() {
  const Token& first = tok();
  const Pos s = start(first);
  expr* e = at(Kw::Yield) ? yield_expr() : star_expressions();
  if (!e) return nullptr;

  if (at(Op::COLON)) {  // annotated assignment
    int simple = 0;
    if (e->kind == Kind::Name) {
      simple = first.is(Op::LPAR) ? 0 : 1;
    } else if (e->kind == Kind::Tuple || e->kind == Kind::List) {
      // CPython names a tuple in parentheses (or a list) itself, a tuple
      // without them by its first element.
      const expr* bad = e;
      if (e->kind == Kind::Tuple && !static_cast<Tuple*>(e)->elts.empty()) {
        // In parentheses: the '(' it starts with closes at its last token.
        size_t i = static_cast<size_t>(&first - toks_.data()), depth = 0;
        const size_t last = pos_ - 1;
        if (first.is(Op::LPAR)) {
          for (; i < last; i++) {
            const Token& k = toks_[i];
            if (k.is(Op::LPAR) || k.is(Op::LSQB) || k.is(Op::LBRACE)) depth++;
            else if ((k.is(Op::RPAR) || k.is(Op::RSQB) || k.is(Op::RBRACE)) && --depth == 0) break;
          }
        }
        if (!first.is(Op::LPAR) || i != last) bad = static_cast<Tuple*>(e)->elts.front();
      }
      return error_node(bad, e->kind == Kind::Tuple ? "only single target (not tuple) can be annotated"
                                                    : "only single target (not list) can be annotated");
    } else if (e->kind != Kind::Attribute && e->kind != Kind::Subscript) {
      return error_node(e, "illegal target for annotation");
    }
    if (!set_context(e, expr_context::Store)) return nullptr;
    advance();
    auto* a = arena_.make<AnnAssign>();
    if (!(a->annotation = expression())) return nullptr;
    if (accept(Op::EQUAL)) {
      a->value = at(Kw::Yield) ? yield_expr() : star_expressions();
      if (!a->value) return nullptr;
    }
    // (CPython's message for a target other than a plain name says "annotations".)
    if (!version_ok(6, simple ? "Variable annotation syntax is" : "Variable annotations syntax is"))
      return nullptr;
    a->target = e;
    a->simple = simple;
    Pos en = end(prev());
    a->lineno = s.line, a->col_offset = s.col, a->end_lineno = en.line, a->end_col_offset = en.col;
    return a;
  }

  if (at(Op::EQUAL)) {
    std::vector<expr*> targets{e};
    expr* value = nullptr;
    for (;;) {
      advance();  // '='
      expr* v = at(Kw::Yield) ? yield_expr() : star_expressions();
      if (!v) return nullptr;
      if (at(Op::EQUAL)) {
        targets.push_back(v);
        continue;
      }
      value = v;
      break;
    }
    for (size_t i = 0; i < targets.size(); i++) {
      expr* t = targets[i];
      const expr* bad = invalid_target(t, expr_context::Store);
      if (!bad) continue;
      // CPython's invalid_assignment tries `yield_expr '='` before the rest.
      // (Only a bare one: `(yield) = x` is the generic case below.)
      if (t->kind == Kind::Yield || t->kind == Kind::YieldFrom) {
        std::string_view ln = tz_.line(t->lineno).substr(0, size_t(t->col_offset));
        size_t k = ln.find_last_not_of(" \t\f");
        if (k == std::string_view::npos || ln[k] != '(')
          return error_node(t, "assignment to yield expression not possible");
      }
      // An invalid target directly followed by '=' and a plain value reads
      // like a mistyped comparison; CPython then suggests '=='. That needs
      // `bad` to be a bitwise_or-level expression ending the target, and the
      // value to start with one and not be followed by another '='.
      bool here = targets.size() == 1 && bad->end_lineno == t->end_lineno &&
                  bad->end_col_offset == t->end_col_offset;
      switch (bad->kind) {
        case Kind::Tuple: case Kind::List: case Kind::GeneratorExp: case Kind::Compare:
        case Kind::BoolOp: case Kind::IfExp: case Kind::Lambda: case Kind::NamedExpr:
          here = false;
          break;
        case Kind::UnaryOp:
          if (static_cast<const UnaryOp*>(bad)->op == unaryop::Not) here = false;
          break;
        case Kind::Constant: {
          auto ck = static_cast<const Constant*>(bad)->value.kind;
          if (ck == ConstantValue::Kind::True || ck == ConstantValue::Kind::False ||
              ck == ConstantValue::Kind::None)
            here = false;
          break;
        }
        default: break;
      }
      switch (value->kind) {
        case Kind::Yield: case Kind::YieldFrom: case Kind::Starred: case Kind::Lambda: here = false; break;
        case Kind::UnaryOp:
          if (static_cast<const UnaryOp*>(value)->op == unaryop::Not) here = false;
          break;
        default: break;
      }
      if (!here && (t->kind == Kind::Yield || t->kind == Kind::YieldFrom))
        return error_node(t, "assignment to yield expression not possible");
      if (here)
        return error_node(bad, std::string("cannot assign to ") + expr_name(bad) +
                                   " here. Maybe you meant '==' instead of '='?");
      return set_context(t, expr_context::Store), nullptr;
    }
    for (expr* t : targets) set_context(t, expr_context::Store);
    std::optional<std::string> tc = type_comment();  // (the statement then ends after it, as CPython's)
    auto* a = mk<Assign>(s);
    a->targets = std::move(targets);
    a->value = value;
    a->type_comment = std::move(tc);
    return a;
  }

  operator_t op;
  if (tok().kind == TokKind::Op && aug_op(tok().op, op)) {
    // (CPython's augassign rule checks the version as it reads '@=', before the target.)
    if (op == operator_t::MatMult && !version_ok(5, "The '@' operator is")) return nullptr;
    if (e->kind != Kind::Name && e->kind != Kind::Attribute && e->kind != Kind::Subscript)
      return error_node(e, std::string("'") + expr_name(e) +
                               "' is an illegal expression for augmented assignment");
    set_context(e, expr_context::Store);
    advance();
    expr* v = at(Kw::Yield) ? yield_expr() : star_expressions();
    if (!v) return nullptr;
    auto* a = mk<AugAssign>(s);
    a->target = e;
    a->op = op;
    a->value = v;
    return a;
  }

  if (legacy_call(e)) return nullptr;
  auto* x = mk<Expr>(s, end(e));
  x->value = e;
  return x;
}

stmt* Parser::import_name() {
  const Pos s = start(tok());
  advance();
  auto* imp = arena_.make<Import>();
  do {
    if (!tok().is_ident()) return fail();
    const Pos as = start(tok());
    std::string name(text(tok()));
    advance();
    while (at(Op::DOT)) {
      advance();
      if (!tok().is_ident()) return fail();
      name += '.';
      name += text(tok());
      advance();
    }
    auto* a = mk<alias>(as);
    a->name = std::move(name);
    if (accept(Kw::As)) {
      if (!tok().is_ident()) return fail();
      a->asname = std::string(text(tok()));
      advance();
      a->end_lineno = prev().end_lineno, a->end_col_offset = prev().end_col;
    }
    imp->names.push_back(a);
  } while (accept(Op::COMMA));
  Pos e = end(prev());
  imp->lineno = s.line, imp->col_offset = s.col, imp->end_lineno = e.line, imp->end_col_offset = e.col;
  return imp;
}

stmt* Parser::import_from() {
  const Pos s = start(tok());
  advance();
  int level = 0;
  for (;;) {
    if (accept(Op::DOT)) level++;
    else if (accept(Op::ELLIPSIS)) level += 3;
    else break;
  }
  std::optional<std::string> module;
  if (tok().is_ident()) {
    std::string name(text(tok()));
    advance();
    while (at(Op::DOT)) {
      advance();
      if (!tok().is_ident()) return fail();
      name += '.';
      name += text(tok());
      advance();
    }
    module = std::move(name);
  } else if (level == 0) {
    return fail();
  }
  if (!accept(Kw::Import)) return fail();
  auto* imp = arena_.make<ImportFrom>();
  imp->module = std::move(module);
  imp->level = level;
  if (at(Op::STAR)) {
    auto* a = mk<alias>(start(tok()), end(tok()));
    a->name = "*";
    advance();
    imp->names.push_back(a);
  } else {
    const bool paren = accept(Op::LPAR);
    for (;;) {
      if (!tok().is_ident()) return fail();
      auto* a = mk<alias>(start(tok()), end(tok()));
      a->name = std::string(text(tok()));
      advance();
      if (accept(Kw::As)) {
        if (!tok().is_ident()) return fail();
        a->asname = std::string(text(tok()));
        advance();
        a->end_lineno = prev().end_lineno, a->end_col_offset = prev().end_col;
      }
      imp->names.push_back(a);
      if (!accept(Op::COMMA)) break;
      if (paren && at(Op::RPAR)) break;
      if (!paren && (at(TokKind::Newline) || at(Op::SEMI)))
        return error_at(tok(), "trailing comma not allowed without surrounding parentheses");
    }
    if (paren && !expect(Op::RPAR)) return nullptr;
  }
  Pos e = end(prev());
  imp->lineno = s.line, imp->col_offset = s.col, imp->end_lineno = e.line, imp->end_col_offset = e.col;
  return imp;
}

// ---------------------------------------------------------------- compound

// CPython's RAISE_INDENTATION_ERROR: at the last token its parser read,
// whose range a token has; an INDENT or DEDENT is reported at the column
// its line's text starts, without an end.
std::nullptr_t Parser::indentation_error_at(const Token& t, std::string msg) {
  // The DEDENTs that end the source are where its ENDMARKER is.
  const bool at_end = t.kind == TokKind::EndMarker || (t.kind == TokKind::Dedent && t.start >= tz_.source().size());
  switch (at_end ? TokKind::EndMarker : t.kind) {
    case TokKind::Indent:
    case TokKind::Dedent: {
      const Pos p = end(t);
      error_range(p, p, std::move(msg), "IndentationError");
      if (err_ && !err_->from_tokenizer) err_->offset = tz_.char_col(p.line, p.col), err_->end_offset = -1;
      return nullptr;
    }
    case TokKind::EndMarker: {
      // At the end of the source: CPython's tokenizer stands after the last
      // line (which always ends with a newline there).
      const int line = std::max(tz_.line_count(), 1);
      std::string_view text = tz_.line(line);
      const Pos p{line, static_cast<int>(text.size())};
      error_range(p, p, std::move(msg), "IndentationError");
      if (err_ && !err_->from_tokenizer) {
        err_->offset = tz_.char_col(line, static_cast<int>(text.size())) +
                       (mode_ == Mode::Exec && (text.empty() || text.back() != '\n'));
        err_->end_offset = -1;
      }
      return nullptr;
    }
    case TokKind::Newline:
      return error_range(start(t), start(t), std::move(msg), "IndentationError");
    default:
      return error_at(t, std::move(msg), "IndentationError");
  }
}

bool Parser::block(std::vector<stmt*>& out, const Token& header, const char* what, size_t furthest) {
  if (!at(TokKind::Newline)) {
    if (at(TokKind::Error)) return error_tokenizer(), false;
    return simple_stmts(out);
  }
  advance();
  if (!at(TokKind::Indent)) {
    if (at(TokKind::Error) || has_tokenizer_error()) return error_tokenizer(), false;
    // (After a type comment on the header's line, CPython's rule for the
    // header does not apply: its message names no statement.)
    std::string msg = what ? std::string("expected an indented block after ") + what + " on line " +
                                 std::to_string(header.lineno)
                           : std::string("expected an indented block");
    indentation_error_at(furthest > pos_ ? toks_[furthest] : tok(), std::move(msg));
    return false;
  }
  advance();
  while (!at(TokKind::Dedent)) {
    if (at(TokKind::EndMarker) || at(TokKind::Error)) return fail(), false;
    if (!statement(out)) return false;
  }
  advance();
  return true;
}

stmt* Parser::compound_stmt() {
  const Token& t = tok();
  if (t.is(Op::AT)) return decorated();
  switch (t.kw) {
    case Kw::If: return if_stmt(t);
    case Kw::While: return while_stmt();
    case Kw::For: return for_stmt(start(t), false);
    case Kw::With: return with_stmt(start(t), false);
    case Kw::Try: return try_stmt();
    case Kw::Def: return funcdef(start(t), {}, false);
    case Kw::Class: return classdef(start(t), {});
    case Kw::Async: {
      Pos s = start(t);
      advance();
      if (at(Kw::Def)) return funcdef(s, {}, true);
      if (at(Kw::For)) return for_stmt(s, true);
      if (at(Kw::With)) return with_stmt(s, true);
      return fail();
    }
    default: return fail();
  }
}

stmt* Parser::if_stmt(const Token& kw) {
  const Pos s = start(kw);
  const bool is_elif = kw.is(Kw::Elif);
  advance();
  expr* test = named_expression();
  if (!test || !expect_header_colon()) return nullptr;
  auto* n = arena_.make<If>();
  n->test = test;
  if (!block(n->body, kw, is_elif ? "'elif' statement" : "'if' statement")) return nullptr;
  if (at(Kw::Elif)) {
    stmt* e = if_stmt(tok());
    if (!e) return nullptr;
    n->orelse.push_back(e);
  } else if (at(Kw::Else)) {
    const Token& et = tok();
    advance();
    if (!expect(Op::COLON, "expected ':'") || !block(n->orelse, et, "'else' statement")) return nullptr;
  }
  Pos e = last_token_end();
  n->lineno = s.line, n->col_offset = s.col, n->end_lineno = e.line, n->end_col_offset = e.col;
  return n;
}

stmt* Parser::while_stmt() {
  const Token& kw = tok();
  const Pos s = start(kw);
  advance();
  auto* n = arena_.make<While>();
  if (!(n->test = named_expression()) || !expect_header_colon()) return nullptr;
  if (!block(n->body, kw, "'while' statement")) return nullptr;
  if (at(Kw::Else)) {
    const Token& et = tok();
    advance();
    if (!expect(Op::COLON, "expected ':'") || !block(n->orelse, et, "'else' statement")) return nullptr;
  }
  Pos e = last_token_end();
  n->lineno = s.line, n->col_offset = s.col, n->end_lineno = e.line, n->end_col_offset = e.col;
  return n;
}

// CPython's invalid_for_target: the tokens after `for` read as
// star_expressions name the part that cannot be assigned ("cannot assign to
// function call"). The first error stands when they do not parse, name no
// such part, or an error of the ordinary parse is more specific.
std::nullptr_t Parser::invalid_for_target(size_t targets) {
  if (!failed()) fail();  // where the targets ended (the token that is not 'in')
  if (!generic_error() || no_invalid_) return nullptr;
  if (auto it = for_target_memo_.find(targets); it != for_target_memo_.end()) {
    if (it->second) err_ = it->second;
    return nullptr;
  }
  std::optional<SyntaxErrorInfo> first = std::move(err_);
  err_.reset();
  const size_t save = pos_, save_max = max_pos_;
  pos_ = targets;
  const bool saved_backtrack = peg_backtrack_;
  peg_backtrack_ = true;
  expr* e = star_expressions();
  peg_backtrack_ = saved_backtrack;
  if (e && !failed()) {
    if (const expr* bad = invalid_target(e, expr_context::Store, true))
      error_node(bad, std::string("cannot assign to ") + expr_name(bad));
  }
  if (generic_error()) err_.reset();
  for_target_memo_[targets] = err_;
  if (!err_) err_ = std::move(first);
  pos_ = save, max_pos_ = std::max(max_pos_, save_max);
  return nullptr;
}

stmt* Parser::for_stmt(Pos s, bool is_async) {
  const Token& kw = tok();
  advance();
  const size_t targets = pos_;
  expr* target = star_targets();
  if (!target || !at(Kw::In) || invalid_target(target, expr_context::Store)) return invalid_for_target(targets);
  set_context(target, expr_context::Store);
  advance();
  expr* iter = star_expressions();
  if (!iter || !expect_header_colon()) return nullptr;
  std::optional<std::string> tc = type_comment();
  std::vector<stmt*> body, orelse;
  if (!block(body, kw, tc ? nullptr : "'for' statement")) return nullptr;
  if (at(Kw::Else)) {
    const Token& et = tok();
    advance();
    if (!expect(Op::COLON, "expected ':'") || !block(orelse, et, "'else' statement")) return nullptr;
  }
  Pos e = last_token_end();
  if (is_async) {
    if (!version_ok(5, "Async for loops are", !orelse.empty())) return nullptr;
    auto* n = mk<AsyncFor>(s, e);
    n->target = target, n->iter = iter, n->body = std::move(body), n->orelse = std::move(orelse);
    n->type_comment = std::move(tc);
    return n;
  }
  auto* n = mk<For>(s, e);
  n->target = target, n->iter = iter, n->body = std::move(body), n->orelse = std::move(orelse);
  n->type_comment = std::move(tc);
  return n;
}

bool Parser::withitem_list(std::vector<withitem*>& items, bool in_parens) {
  for (;;) {
    expr* ctx = expression();
    if (!ctx) return false;
    auto* w = arena_.make<withitem>();
    w->context_expr = ctx;
    if (accept(Kw::As)) {
      expr* t = star_target();
      if (!t) return false;
      // The target must end the item; otherwise CPython reports it as a
      // generic syntax error at the following token. Unparenthesised items
      // ending the line are its invalid_with_stmt (the ':' is missing, as
      // the caller reports) if the target is one.
      if (!at(Op::COMMA) && !at(Op::COLON) && !(in_parens && at(Op::RPAR)) &&
          !(!in_parens && at(TokKind::Newline) && !invalid_target(t, expr_context::Store)))
        return fail(), false;
      if (!set_context(t, expr_context::Store)) return false;
      w->optional_vars = t;
    }
    items.push_back(w);
    if (!accept(Op::COMMA)) return true;
    if (in_parens && at(Op::RPAR)) return true;
  }
}

// CPython's invalid_with_stmt for `with (...)` ending the line: items of
// expressions (tuples allowed), each with an optional `as` target, in
// parentheses. True if it recorded an error ("expected ':'", or a specific
// one met on the way); false leaves the position and error to the caller.
bool Parser::with_parens_missing_colon(size_t lpar) {
  if (!toks_[lpar].is(Op::LPAR)) return false;
  std::optional<SyntaxErrorInfo> first = std::move(err_);
  err_.reset();
  const size_t save = pos_;
  pos_ = lpar;
  advance();
  bool matched = false;
  for (;;) {
    if (!expressions()) break;
    if (accept(Kw::As)) {
      expr* t = star_target();
      if (!t || failed() || invalid_target(t, expr_context::Store)) break;
    }
    if (!accept(Op::COMMA) || at(Op::RPAR)) {
      matched = accept(Op::RPAR) && at(TokKind::Newline);
      break;
    }
  }
  if (failed() && !generic_error()) return true;
  err_.reset();
  if (matched) {
    error_at(tok(), "expected ':'");
    return true;
  }
  err_ = std::move(first);
  pos_ = save;
  return false;
}

stmt* Parser::with_stmt(Pos s, bool is_async) {
  const Token& kw = tok();
  advance();
  std::vector<withitem*> items;
  bool done = false;
  const size_t lpar = pos_;
  size_t paren_reach = 0;  // where the parenthesised form stopped
  if (at(Op::LPAR)) {
    // Try the parenthesised form `with (a as b, c):` first, as CPython does.
    // An error of its own (a target that cannot be assigned, an
    // expression's) is CPython's too.
    advance();
    if (withitem_list(items, true) && accept(Op::RPAR) && at(Op::COLON)) {
      done = true;
    } else {
      if (failed() && !generic_error()) return nullptr;
      paren_reach = pos_;
      err_.reset();
      items.clear();
      pos_ = lpar;
    }
  }
  if (done) {
    advance();  // ':'
  } else if (!withitem_list(items, false) || !expect_header_colon()) {
    // The generic error is where the form that got further stopped.
    if (generic_error() && !with_parens_missing_colon(lpar) && paren_reach > pos_) {
      err_.reset();
      pos_ = paren_reach;
      fail();
    }
    return nullptr;
  }
  // (Only the unparenthesised form takes a type comment.)
  std::optional<std::string> tc = done ? std::nullopt : type_comment();
  std::vector<stmt*> body;
  if (!block(body, kw, tc ? nullptr : "'with' statement")) return nullptr;
  Pos e = last_token_end();
  // (CPython checks `async with` for 3.5 only, parenthesised or not.)
  if (!version_ok(is_async ? 5 : done ? 9 : 0, is_async ? "Async with statements are" : "Parenthesized context managers are",
                  true))
    return nullptr;
  if (is_async) {
    auto* n = mk<AsyncWith>(s, e);
    n->items = std::move(items), n->body = std::move(body), n->type_comment = std::move(tc);
    return n;
  }
  auto* n = mk<With>(s, e);
  n->items = std::move(items), n->body = std::move(body), n->type_comment = std::move(tc);
  return n;
}

stmt* Parser::try_stmt() {
  const Token& kw = tok();
  const Pos s = start(kw);
  advance();
  if (!expect(Op::COLON, "expected ':'")) return nullptr;
  std::vector<stmt*> body, orelse, finalbody;
  std::vector<excepthandler*> handlers;
  if (!block(body, kw, "'try' statement")) return nullptr;
  int star_kind = -1;  // -1 unknown, 0 except, 1 except*
  while (at(Kw::Except)) {
    const Token& et = tok();
    const Pos hs = start(et);
    advance();
    const bool star = accept(Op::STAR);
    if (star_kind >= 0 && star_kind != static_cast<int>(star))  // marks `except*` with its star
      return error_range(start(et), end(star ? prev() : et), "cannot have both 'except' and 'except*' on the same 'try'");
    star_kind = star;
    auto* h = arena_.make<ExceptHandler>();
    if (!at(Op::COLON)) {
      // CPython's invalid_except_stmt: a bare `except` ending the line misses its ':'.
      if (at(TokKind::Newline) && !has_tokenizer_error())
        return error_at(tok(), star ? "expected one or more exception types" : "expected ':'");
      if (!(h->type = expression())) return nullptr;
      if (at(Op::COMMA)) {
        // `except A, B [as c]:` (expressions after the comma, the whole
        // header) asks for parentheses; anything else fails at the comma.
        const Token& comma = tok();
        advance();
        bool header = expressions() != nullptr && !failed();
        if (header && accept(Kw::As)) {
          header = tok().is_ident();
          if (header) advance();
        }
        if (header && at(Op::COLON))
          return error_starting_from(start(h->type), "multiple exception types must be parenthesized");
        if (failed() && !generic_error()) return nullptr;
        err_.reset();
        return error_at(comma, "invalid syntax");
      }
      if (accept(Kw::As)) {
        if (!tok().is_ident()) return fail();
        h->name = std::string(text(tok()));
        advance();
      }
    } else if (star) {
      return error_at(tok(), "expected one or more exception types");
    }
    if (!expect_header_colon()) return nullptr;
    if (!block(h->body, et, star ? "'except*' statement" : "'except' statement")) return nullptr;
    Pos he = last_token_end();
    h->lineno = hs.line, h->col_offset = hs.col, h->end_lineno = he.line, h->end_col_offset = he.col;
    handlers.push_back(h);
  }
  if (at(Kw::Else) && !handlers.empty()) {
    const Token& et = tok();
    advance();
    if (!expect(Op::COLON, "expected ':'") || !block(orelse, et, "'else' statement")) return nullptr;
  }
  if (at(Kw::Finally)) {
    const Token& ft = tok();
    advance();
    if (!expect(Op::COLON, "expected ':'") || !block(finalbody, ft, "'finally' statement")) return nullptr;
  }
  if (handlers.empty() && finalbody.empty()) return error_at(tok(), "expected 'except' or 'finally' block");
  Pos e = last_token_end();
  if (star_kind == 1) {
    if (!version_ok(11, "Exception groups are", !finalbody.empty())) return nullptr;
    auto* n = mk<TryStar>(s, e);
    n->body = std::move(body), n->handlers = std::move(handlers), n->orelse = std::move(orelse),
    n->finalbody = std::move(finalbody);
    return n;
  }
  auto* n = mk<Try>(s, e);
  n->body = std::move(body), n->handlers = std::move(handlers), n->orelse = std::move(orelse),
  n->finalbody = std::move(finalbody);
  return n;
}

stmt* Parser::decorated() {
  std::vector<expr*> decorators;
  while (accept(Op::AT)) {
    expr* d = named_expression();
    if (!d) return nullptr;
    if (!at(TokKind::Newline)) return fail();
    advance();
    decorators.push_back(d);
  }
  const Token& t = tok();
  if (t.is(Kw::Def)) return funcdef(start(t), std::move(decorators), false);
  if (t.is(Kw::Class)) return classdef(start(t), std::move(decorators));
  if (t.is(Kw::Async) && peek().is(Kw::Def)) {
    Pos s = start(t);
    advance();
    return funcdef(s, std::move(decorators), true);
  }
  return fail();
}

stmt* Parser::funcdef(Pos s, std::vector<expr*> decorators, bool is_async) {
  const Token& kw = tok();  // 'def'
  advance();
  if (!tok().is_ident()) return fail();
  std::string name(text(tok()));
  advance();
  if (!expect(Op::LPAR, "expected '('")) return nullptr;
  arguments* args = parameters(false);
  if (!args || !expect(Op::RPAR)) return nullptr;
  expr* returns = nullptr;
  if (accept(Op::RARROW) && !(returns = expression())) return nullptr;
  if (!expect(Op::COLON, "expected ':'")) return nullptr;
  // CPython's func_type_comment: on the header's line, or alone on the
  // line after it, before the block's indentation; not both.
  std::optional<std::string> tc;
  size_t furthest = 0;  // the lookahead for a type comment on a line of its own read up to here
  if (at(TokKind::Newline) && peek(1).kind == TokKind::TypeComment)
    furthest = pos_ + (peek(2).kind == TokKind::Newline ? 3 : 2);
  const bool header_tc = at(TokKind::TypeComment);
  if (at(TokKind::TypeComment)) {
    if (peek(1).kind == TokKind::Newline && peek(2).kind == TokKind::TypeComment &&
        peek(3).kind == TokKind::Newline && peek(4).kind == TokKind::Indent) {
      // Reported at the block's INDENT: its indentation width, no end.
      const Pos p = end(peek(4));
      error_range(p, p, "Cannot have two type comments on def");
      if (err_ && !err_->from_tokenizer) err_->offset = tz_.char_col(p.line, p.col), err_->end_offset = -1;
      return nullptr;
    }
    tc = type_comment();
  } else if (at(TokKind::Newline) && peek(1).kind == TokKind::TypeComment && peek(2).kind == TokKind::Newline &&
             peek(3).kind == TokKind::Indent) {
    advance();
    tc = type_comment();
  }
  std::vector<stmt*> body;
  if (!block(body, kw, header_tc ? nullptr : "function definition", furthest)) return nullptr;
  Pos e = last_token_end();
  if (is_async) {
    if (!version_ok(5, "Async functions are", true)) return nullptr;
    auto* f = mk<AsyncFunctionDef>(s, e);
    f->name = std::move(name), f->args = args, f->body = std::move(body),
    f->decorator_list = std::move(decorators), f->returns = returns, f->type_comment = std::move(tc);
    return f;
  }
  auto* f = mk<FunctionDef>(s, e);
  f->name = std::move(name), f->args = args, f->body = std::move(body),
  f->decorator_list = std::move(decorators), f->returns = returns, f->type_comment = std::move(tc);
  return f;
}

stmt* Parser::classdef(Pos s, std::vector<expr*> decorators) {
  const Token& kw = tok();
  advance();
  if (!tok().is_ident()) return fail();
  auto* c = arena_.make<ClassDef>();
  c->name = std::string(text(tok()));
  advance();
  if (at(Op::LPAR)) {
    // A class's bases are arguments, but never a bare generator expression.
    class_bases_ = true;
    bool ok = call_arguments(c->bases, c->keywords, start(tok()));
    class_bases_ = false;
    if (!ok) return nullptr;
  }
  if (!expect_header_colon()) return nullptr;
  if (!block(c->body, kw, "class definition")) return nullptr;
  c->decorator_list = std::move(decorators);
  Pos e = last_token_end();
  c->lineno = s.line, c->col_offset = s.col, c->end_lineno = e.line, c->end_col_offset = e.col;
  return c;
}

}  // namespace gilpy::parser
