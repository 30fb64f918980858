// The match statement (PEP 634): subject, case blocks and the pattern
// grammar, following CPython 3.11's rules (match_stmt ... class_pattern,
// plus the invalid_* rules that give its specific messages).
//
// `match` and `case` are soft keywords, so a line starting with `match` is
// first tried as `match <subject>:` NEWLINE; anything else is re-read as an
// ordinary statement (`match = 1`, `match(x)`, `print(match)`).
//
// PEG reports a generic "invalid syntax" at the furthest token it looked at.
// Where a rule fails only after a lookahead (e.g. a capture name followed by
// '.'), the code below steps onto the token the lookahead examined before
// failing, so the caret lands where CPython puts it.
#include "parser/parser_internal.h"

namespace gilpy::parser {

using namespace ast;

namespace {

bool is_imaginary(const expr* e) {
  auto* c = as<Constant>(e);
  return c && c->value.kind == ConstantValue::Kind::Complex;
}

template <class T>
void set_span(T* n, Pos s, Pos e) {
  n->lineno = s.line, n->col_offset = s.col, n->end_lineno = e.line, n->end_col_offset = e.col;
}

}  // namespace

// A NAME usable as a capture target: not `_`, and not followed by '.', '('
// or '=' (which would make it a value/class pattern or a keyword pattern).
bool Parser::at_capture_target() const {
  return tok().is_ident() && text(tok()) != "_" && !peek().is(Op::DOT) && !peek().is(Op::LPAR) &&
         !peek().is(Op::EQUAL);
}

int Parser::match_stmt(std::vector<stmt*>& out) {
  const size_t save = pos_, save_max = max_pos_;
  const Token& kw = tok();
  advance();
  expr* subject = nullptr;
  if (starts_expression(tok()) || at(Op::STAR)) subject = match_subject();
  const bool colon = at(Op::COLON) && peek().kind == TokKind::Newline;
  if (!subject || failed() || !(colon || at(TokKind::Newline))) {
    err_.reset();
    pos_ = save, max_pos_ = save_max;
    return 0;
  }
  if (!colon) {
    // `match <subject>` NEWLINE: an ordinary statement if it reads as one
    // (`match (x)`), else CPython's second pass reports the missing colon.
    const Token& nl = tok();
    pos_ = save, max_pos_ = save_max;
    if (simple_stmts(out)) return 1;
    err_.reset();
    error_at(nl, "expected ':'");
    return -1;
  }
  advance();  // ':'
  advance();  // NEWLINE
  if (!at(TokKind::Indent)) {
    if (at(TokKind::Error) || has_tokenizer_error()) return error_tokenizer(), -1;
    indentation_error_at(tok(), "expected an indented block after 'match' statement on line " +
                                    std::to_string(kw.lineno));
    return -1;
  }
  advance();
  auto* m = arena_.make<Match>();
  m->subject = subject;
  while (!at(TokKind::Dedent)) {
    if (!at_soft("case")) return fail(), -1;
    match_case* c = case_block();
    if (!c) return -1;
    m->cases.push_back(c);
  }
  advance();  // DEDENT
  if (!version_ok(10, "Pattern matching is", true)) return -1;
  set_span(m, start(kw), last_token_end());
  out.push_back(m);
  return 1;
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
expr* Parser::match_subject() {
  const Pos s = start(tok());
  expr* first = star_named_expression();
  if (!first) return nullptr;
  if (!at(Op::COMMA)) return first->kind == Kind::Starred ? nullptr : first;
  auto* t = arena_.make<Tuple>();
  t->ctx = expr_context::Load;
  t->elts.push_back(first);
  while (accept(Op::COMMA)) {
    if (!starts_expression(tok()) && !at(Op::STAR)) break;
    expr* e = star_named_expression();
    if (!e) return nullptr;
    t->elts.push_back(e);
  }
  set_span(t, s, end(prev()));
  return t;
}

match_case* Parser::case_block() {
  const Token& kw = tok();
  advance();
  pattern* p = patterns();
  if (!p) return nullptr;
  expr* guard = nullptr;
  if (accept(Kw::If) && !(guard = named_expression())) return nullptr;
  if (!at(Op::COLON)) {
    if (at(TokKind::Newline)) return error_at(tok(), "expected ':'");
    return fail();
  }
  advance();
  auto* c = arena_.make<match_case>();
  c->pattern = p;
  c->guard = guard;
  if (!block(c->body, kw, "'case' statement")) return nullptr;
  return c;
}

// patterns: open_sequence_pattern (a bare `a, b`) | pattern
pattern* Parser::patterns() {
  const Pos s = start(tok());
  pattern* first = maybe_star_pattern();
  if (!first) return nullptr;
  if (!at(Op::COMMA)) {
    if (first->kind == Kind::MatchStar) return fail();  // a lone `*x` needs a comma
    return first;
  }
  auto* seq = arena_.make<MatchSequence>();
  seq->patterns.push_back(first);
  while (accept(Op::COMMA)) {
    if (at(Op::COLON) || at(Kw::If)) break;  // trailing comma
    pattern* p = maybe_star_pattern();
    if (!p) return nullptr;
    seq->patterns.push_back(p);
  }
  set_span(seq, s, end(prev()));
  return seq;
}

pattern* Parser::maybe_star_pattern() { return at(Op::STAR) ? star_pattern() : pattern_(); }

pattern* Parser::star_pattern() {
  const Pos s = start(tok());
  advance();  // '*'
  if (!tok().is_ident()) return fail();
  auto* m = arena_.make<MatchStar>();
  if (text(tok()) != "_") {
    if (!at_capture_target()) return advance(), fail();
    m->name = std::string(text(tok()));
  }
  advance();
  set_span(m, s, end(prev()));
  return m;
}

// pattern: or_pattern ['as' NAME]
pattern* Parser::pattern_() {
  const Pos s = start(tok());
  pattern* p = or_pattern();
  if (!p || !at(Kw::As)) return p;
  advance();
  if (at_soft("_")) return error_at(tok(), "cannot use '_' as a target");
  if (tok().is_ident()) {
    if (!at_capture_target()) return advance(), fail();
    auto* a = arena_.make<MatchAs>();
    a->pattern = p;
    a->name = std::string(text(tok()));
    advance();
    set_span(a, s, end(prev()));
    return a;
  }
  // invalid_as_pattern: `or_pattern 'as' !NAME expression`
  if (starts_expression(tok())) {
    const size_t save = pos_;
    expr* e = expression();
    if (e && !failed()) return error_node(e, "invalid pattern target");
    err_.reset();
    pos_ = save;
  }
  return fail();
}

pattern* Parser::or_pattern() {
  const Pos s = start(tok());
  pattern* first = closed_pattern();
  if (!first || !at(Op::VBAR)) return first;
  auto* o = arena_.make<MatchOr>();
  o->patterns.push_back(first);
  while (accept(Op::VBAR)) {
    pattern* p = closed_pattern();
    if (!p) return nullptr;
    o->patterns.push_back(p);
  }
  set_span(o, s, end(prev()));
  return o;
}

// name_or_attr: NAME ('.' NAME)*, as a Load expression.
expr* Parser::name_or_attr() {
  const Token& t = tok();
  const Pos s = start(t);
  auto* n = mk<Name>(s, end(t));
  n->id = std::string(text(t));
  n->ctx = expr_context::Load;
  advance();
  expr* e = n;
  while (at(Op::DOT)) {
    advance();
    if (!tok().is_ident()) return fail();
    auto* a = mk<Attribute>(s, end(tok()));
    a->value = e, a->attr = std::string(text(tok())), a->ctx = expr_context::Load;
    advance();
    e = a;
  }
  return e;
}

// signed_number !('+' | '-') | complex_number. The real part of a complex
// literal must be real and the imaginary part imaginary.
expr* Parser::literal_number() {
  const Pos s = start(tok());
  const bool neg = at(Op::MINUS);
  if (neg) advance();
  if (!at(TokKind::Number)) return fail();
  const Token& nt = tok();
  expr* v = number(nt);
  expr* real = v;
  if (neg) {
    auto* u = mk<UnaryOp>(s);
    u->op = unaryop::USub, u->operand = v;
    real = u;
  }
  if (!at(Op::PLUS) && !at(Op::MINUS)) return real;
  if (is_imaginary(v)) return error_at(nt, "real number required in complex literal");
  const operator_t op = at(Op::PLUS) ? operator_t::Add : operator_t::Sub;
  advance();
  if (!at(TokKind::Number)) return fail();
  const Token& it = tok();
  expr* imag = number(it);
  if (!is_imaginary(imag)) return error_at(it, "imaginary number required in complex literal");
  auto* b = mk<BinOp>(s);
  b->left = real, b->op = op, b->right = imag;
  return b;
}

pattern* Parser::closed_pattern() {
  DepthGuard g(*this);
  if (!g.ok) return nullptr;
  const Token& t = tok();
  const Pos s = start(t);
  auto value = [&](expr* v) -> pattern* {
    if (!v) return nullptr;
    auto* m = arena_.make<MatchValue>();
    m->value = v;
    set_span(m, start(v), end(v));
    return m;
  };
  switch (t.kind) {
    case TokKind::Number:
      return value(literal_number());
    case TokKind::String:
      return value(strings());
    case TokKind::Name: {
      if (t.kw == Kw::None || t.kw == Kw::True || t.kw == Kw::False) {
        auto* m = mk<MatchSingleton>(s, end(t));
        m->value.kind = t.kw == Kw::None   ? ConstantValue::Kind::None
                        : t.kw == Kw::True ? ConstantValue::Kind::True
                                           : ConstantValue::Kind::False;
        advance();
        return m;
      }
      if (!t.is_ident()) return fail();
      if (text(t) == "_") {
        // wildcard_pattern has no lookahead: `_.x` and `_()` fail after it.
        advance();
        return mk<MatchAs>(s, end(t));
      }
      if (peek().is(Op::DOT) || peek().is(Op::LPAR)) {
        expr* e = name_or_attr();
        if (!e) return nullptr;
        if (at(Op::LPAR)) return class_pattern(e, s);
        if (at(Op::EQUAL)) return fail();  // value_pattern's !'=' lookahead
        return value(e);
      }
      if (peek().is(Op::EQUAL)) return advance(), fail();
      auto* m = mk<MatchAs>(s, end(t));
      m->name = std::string(text(t));
      advance();
      return m;
    }
    case TokKind::Op:
      switch (t.op) {
        case Op::MINUS:
          if (peek().kind == TokKind::Number) return value(literal_number());
          return advance(), fail();
        case Op::LPAR: {
          advance();
          if (accept(Op::RPAR)) return mk<MatchSequence>(s);
          pattern* first = maybe_star_pattern();
          if (!first) return nullptr;
          if (at(Op::COMMA)) {
            auto* seq = arena_.make<MatchSequence>();
            seq->patterns.push_back(first);
            while (accept(Op::COMMA)) {
              if (at(Op::RPAR)) break;
              pattern* p = maybe_star_pattern();
              if (!p) return nullptr;
              seq->patterns.push_back(p);
            }
            if (!expect(Op::RPAR)) return nullptr;
            set_span(seq, s, end(prev()));
            return seq;
          }
          // group_pattern: the inner pattern itself (a star needs a comma).
          if (!at(Op::RPAR) || first->kind == Kind::MatchStar) return fail();
          advance();
          return first;
        }
        case Op::LSQB: {
          advance();
          auto* seq = arena_.make<MatchSequence>();
          while (!at(Op::RSQB)) {
            pattern* p = maybe_star_pattern();
            if (!p) return nullptr;
            seq->patterns.push_back(p);
            if (!accept(Op::COMMA)) break;
          }
          if (!expect(Op::RSQB)) return nullptr;
          set_span(seq, s, end(prev()));
          return seq;
        }
        case Op::LBRACE: return mapping_pattern();
        default: return fail();
      }
    default:
      return fail();
  }
}

// key_value_pattern's key: literal_expr | attr (a dotted name).
expr* Parser::mapping_key() {
  const Token& t = tok();
  if (t.kind == TokKind::Number || t.is(Op::MINUS)) return literal_number();
  if (t.kind == TokKind::String) return strings();
  if (t.is(Kw::None) || t.is(Kw::True) || t.is(Kw::False)) {
    auto* c = mk<Constant>(start(t), end(t));
    c->value.kind = t.kw == Kw::None   ? ConstantValue::Kind::None
                    : t.kw == Kw::True ? ConstantValue::Kind::True
                                       : ConstantValue::Kind::False;
    advance();
    return c;
  }
  if (!t.is_ident()) return fail();
  expr* e = name_or_attr();
  if (e && e->kind == Kind::Name) return fail();  // a bare name is not a key
  return e;
}

pattern* Parser::mapping_pattern() {
  const Pos s = start(tok());
  advance();  // '{'
  auto* m = arena_.make<MatchMapping>();
  while (!at(Op::RBRACE)) {
    if (at(Op::DOUBLESTAR)) {
      advance();
      if (!at_capture_target()) {
        if (tok().is_ident() && text(tok()) != "_") advance();
        return fail();
      }
      m->rest = std::string(text(tok()));
      advance();
      accept(Op::COMMA);
      break;  // '**rest' must come last
    }
    expr* key = mapping_key();
    if (!key || !expect(Op::COLON)) return nullptr;
    pattern* p = pattern_();
    if (!p) return nullptr;
    m->keys.push_back(key);
    m->patterns.push_back(p);
    if (!accept(Op::COMMA)) break;
  }
  if (!expect(Op::RBRACE)) return nullptr;
  set_span(m, s, end(prev()));
  return m;
}

// At '(' after the class name: positional patterns, then NAME=pattern ones.
pattern* Parser::class_pattern(expr* cls, Pos s) {
  advance();  // '('
  auto* c = arena_.make<MatchClass>();
  c->cls = cls;
  while (!at(Op::RPAR)) {
    if (tok().is_ident() && peek().is(Op::EQUAL)) {
      std::string name(text(tok()));
      advance();
      advance();
      pattern* p = pattern_();
      if (!p) return nullptr;
      c->kwd_attrs.push_back(std::move(name));
      c->kwd_patterns.push_back(p);
    } else if (!c->kwd_patterns.empty()) {
      // invalid_class_argument_pattern: the run of positional patterns
      // after a keyword one is the error's range.
      pattern* first = pattern_();
      if (!first) return nullptr;
      pattern* last = first;
      while (at(Op::COMMA)) {
        const size_t save = pos_;
        advance();
        pattern* p = pattern_();
        if (!p || failed()) {
          err_.reset();
          pos_ = save;
          break;
        }
        last = p;
      }
      return error_range(start(first), end(last), "positional patterns follow keyword patterns");
    } else {
      pattern* p = pattern_();
      if (!p) return nullptr;
      c->patterns.push_back(p);
    }
    if (!accept(Op::COMMA)) break;
  }
  if (!expect(Op::RPAR)) return nullptr;
  set_span(c, s, end(prev()));
  return c;
}

}  // namespace gilpy::parser
