// Expression rules, from `expressions` down to atoms: precedence climbing
// for binary operators, comparisons, comprehensions, displays, subscripts
// and targets. Positions follow CPython: a node spans its first to its last
// token; a parenthesised expression keeps the span of its contents, while
// tuples, displays and generator expressions include their brackets.
#include <charconv>
#include <cmath>
#include <system_error>

#include "parser/parser_internal.h"

namespace gilpy::parser {

using namespace ast;

bool Parser::starts_expression(const Token& t) const {
  switch (t.kind) {
    case TokKind::Name:
      return t.kw == Kw::NotKw || t.kw == Kw::None || t.kw == Kw::True || t.kw == Kw::False ||
             t.kw == Kw::Not || t.kw == Kw::Lambda || t.kw == Kw::Await;
    case TokKind::Number:
    case TokKind::String:
      return true;
    case TokKind::Op:
      return t.op == Op::LPAR || t.op == Op::LSQB || t.op == Op::LBRACE || t.op == Op::MINUS ||
             t.op == Op::PLUS || t.op == Op::TILDE || t.op == Op::ELLIPSIS;
    default:
      return false;
  }
}

// CPython's "Perhaps you forgot a comma?": inside brackets, an expression
// directly followed by another one.
// `first` is the index of the expression's first token: CPython's rule does
// not apply when it is a NAME followed by a STRING (`f"..."`-like prefixes),
// or a NAME its soft-keyword test accepts, which compares only the NAME's
// length of characters: any prefix of "match", "case" or "_" ("c", "ma").
// The second expression is read wherever the rule applies, also outside
// brackets and after print/exec, which only then make it no error: what
// reading it raises regardless of the invalid rules (a dict display's
// errors, see first_pass_error) stands.
bool Parser::comma_rule_applies(size_t first) const {
  const Token& ft = toks_[first];
  if (!ft.is_ident()) return true;
  if (toks_[first + 1].kind == TokKind::String) return false;
  std::string_view name = text(ft);
  for (std::string_view soft : {"match", "case", "_"})
    if (name.size() <= soft.size() && soft.substr(0, name.size()) == name) return false;
  return true;
}

expr* Parser::check_missing_comma(expr* a, size_t first) {
  if (!a || failed() || no_invalid_ || !starts_expression(tok()) || !comma_rule_applies(first)) return a;
  const size_t save = pos_, save_max = max_pos_;
  // b is CPython's expression_without_invalid: no nested comma check, so
  // `(a b c)` reports a and b.
  const bool saved_no_invalid = no_invalid_;
  no_invalid_ = true;
  DisjunctionMemo memo;
  DisjunctionMemo* saved_record = disjunction_record_;
  disjunction_record_ = &memo;
  expr* b = expression();
  disjunction_record_ = saved_record;
  no_invalid_ = saved_no_invalid;
  comma_memo_ = std::move(memo);
  comma_memo_at_ = save;
  if (b && !failed()) {
    const std::string* id = a->kind == Kind::Name ? &static_cast<Name*>(a)->id : nullptr;
    const bool legacy = id && (*id == "print" || *id == "exec");
    if (!legacy && prev().level > 0) return error_range(start(a), end(b), "invalid syntax. Perhaps you forgot a comma?");
  }
  if (first_pass_error()) return nullptr;
  err_.reset();
  pos_ = save, max_pos_ = std::max(max_pos_, save_max);
  return a;
}

// CPython's invalid_legacy_expression: an expression that is a NAME (not
// followed by '(') with more star_expressions after it. For print and exec
// that is "Missing parentheses in call to ..."; for any name, reading what
// follows with the invalid rules may raise an error of its own
// (`(a {1: *b})`), which CPython then reports.
expr* Parser::legacy_expression(expr* e, size_t first) {
  if (!e || failed() || no_invalid_ || e->kind != Kind::Name || pos_ != first + 1 || !toks_[first].is_ident() ||
      at(Op::LPAR) || !(starts_expression(tok()) || at(Op::STAR)))
    return e;
  if (auto it = legacy_memo_.find(first); it != legacy_memo_.end()) {
    if (!it->second) return e;
    err_ = it->second;
    return nullptr;
  }
  const size_t save = pos_, save_max = max_pos_;
  // The comma rule read the expression after the name without the invalid
  // rules, and CPython's memo keeps its disjunctions: what they hold is not
  // read again (`a b.c(d e)` is no missing comma).
  DisjunctionMemo memo;
  if (comma_memo_at_ == save) memo = std::move(comma_memo_);
  comma_memo_at_ = SIZE_MAX;
  disjunction_replay_.push_back(&memo);
  expr* rest = star_expressions();
  disjunction_replay_.pop_back();
  std::optional<SyntaxErrorInfo> found;
  if (failed()) {
    if (!generic_error() && err_->msg != kTooDeep) found = err_;
    // A chain `print print ...` too deep for the parser (CPython runs out of
    // memory) is no error of this rule at any of its levels.
    if (err_->msg == kTooDeep) legacy_too_deep_ = true;
  } else if (rest) {
    const std::string& id = static_cast<Name*>(e)->id;
    if (id == "print" || id == "exec") {
      error_range(start(e), end(rest), "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
      found = err_;
    }
  }
  if (legacy_too_deep_) found.reset();
  err_.reset();
  pos_ = save, max_pos_ = std::max(max_pos_, save_max);
  legacy_memo_[first] = found;
  if (!found) return e;
  err_ = std::move(found);
  return nullptr;
}

expr* Parser::expressions() {
  const Pos s = start(tok());
  expr* first = expression();
  if (!first || !at(Op::COMMA)) return first;
  return tuple_tail(first, s, &Parser::expression);
}

// After the first element of an unparenthesised tuple, at ','.
expr* Parser::tuple_tail(expr* first, Pos s, expr* (Parser::*elem)()) {
  auto* t = arena_.make<Tuple>();
  t->elts.push_back(first);
  while (accept(Op::COMMA)) {
    if (!starts_expression(tok()) && !at(Op::STAR)) break;
    const size_t elem_at = pos_;
    expr* e = (this->*elem)();
    if (!e) {
      // As a PEG parser does: the comma before it ends the tuple.
      if (!peg() || !generic_error()) return nullptr;
      err_.reset();
      pos_ = elem_at;
      break;
    }
    t->elts.push_back(e);
  }
  Pos e = end(prev());
  t->lineno = s.line, t->col_offset = s.col, t->end_lineno = e.line, t->end_col_offset = e.col;
  return t;
}

expr* Parser::expression() {
  DepthGuard g(*this);
  if (!g.ok) return nullptr;
  if (at(Kw::Lambda)) return lambdef();
  const Pos s = start(tok());
  const size_t first = pos_;
  expr* body = disjunction();
  if (!body) return nullptr;
  if (!at(Kw::If)) return legacy_expression(check_missing_comma(body, first), first);
  const size_t if_at = pos_;
  advance();
  // Without CPython's invalid rules (expression_without_invalid) an
  // incomplete conditional leaves just the part before 'if'.
  auto only_body = [&]() -> expr* {
    if (first_pass_error()) return nullptr;
    err_.reset();
    pos_ = if_at;
    return body;
  };
  expr* test = disjunction();
  if (!test) return no_invalid_ || (peg_backtrack_ && generic_error()) ? only_body() : nullptr;
  if (!accept(Kw::Else)) {
    if (no_invalid_) return only_body();
    // CPython's rule names the missing 'else' unless a ':' follows.
    if (at(Op::COLON)) return peg_backtrack_ ? only_body() : fail();
    return error_range(start(body), end(test), "expected 'else' after 'if' expression");
  }
  expr* orelse = expression();
  if (!orelse) return no_invalid_ || (peg_backtrack_ && generic_error()) ? only_body() : nullptr;
  auto* n = mk<IfExp>(s);
  n->test = test, n->body = body, n->orelse = orelse;
  return n;
}

expr* Parser::named_expression(bool in_args) {
  if (tok().is_ident() && peek().is(Op::COLONEQUAL)) {
    const Token& nt = tok();
    auto* target = mk<Name>(start(nt), end(nt));
    target->id = std::string(text(nt));
    target->ctx = expr_context::Store;
    advance();
    advance();
    expr* v = expression();
    if (!v || !version_ok(8, "Assignment expressions are")) return nullptr;
    auto* n = mk<NamedExpr>(start(nt));
    n->target = target, n->value = v;
    return n;
  }
  expr* e = expression();
  if (e && at(Op::COLONEQUAL))
    return error_node(e, std::string("cannot use assignment expressions with ") + expr_name(e));
  if (e && at(Op::EQUAL) && !no_invalid_ && !in_args) return invalid_assignment_in_expression(e);
  return e;
}
// Expressions CPython's "cannot assign to X here" rule does not apply to
// (comparisons, boolean operations, displays, `not x`, True/False/None...):
// they get the generic error instead.
static bool not_an_assign_target_rule(const expr* e) {
  using K = Kind;
  switch (e->kind) {
    case K::Compare: case K::BoolOp: case K::IfExp: case K::Lambda: case K::List: case K::Tuple:
    case K::GeneratorExp: case K::NamedExpr: case K::Yield: case K::YieldFrom:
      return true;
    case K::UnaryOp:
      return static_cast<const UnaryOp*>(e)->op == unaryop::Not;
    case K::Constant: {
      auto ck = static_cast<const Constant*>(e)->value.kind;
      return ck == ConstantValue::Kind::True || ck == ConstantValue::Kind::False || ck == ConstantValue::Kind::None;
    }
    default:
      return false;
  }
}


// CPython's invalid_named_expression: `target = value` where an expression
// belongs (a condition, a display element, a decorator). Valid code never has
// '=' after a named expression; the value is parsed only to check it is a
// bitwise_or not followed by another '=' or ':=' (else the ordinary error).
expr* Parser::invalid_assignment_in_expression(expr* e) {
  using K = Kind;
  const size_t save = pos_, save_max = max_pos_;
  const Token& target_tok = toks_[save - 1];
  const bool name = e->kind == K::Name && target_tok.is_ident() && start(target_tok).col == e->col_offset;
  // Other targets are a bitwise_or directly before the '=': for anything
  // else CPython's rule does not read the value at all.
  if (!name && not_an_assign_target_rule(e)) return e;
  advance();  // '='
  const bool saved_no_invalid = no_invalid_;
  no_invalid_ = true;
  expr* b = starts_expression(tok()) ? bitwise_or() : nullptr;
  no_invalid_ = saved_no_invalid;
  const bool matched = b && !failed() && !at(Op::EQUAL) && !at(Op::COLONEQUAL);
  if (first_pass_error()) return nullptr;
  err_.reset();
  pos_ = save, max_pos_ = std::max(max_pos_, save_max);
  if (!matched) return e;
  if (name)
    return error_range(start(target_tok), Pos{b->end_lineno, b->end_col_offset},
                       "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  if (not_an_assign_target_rule(e)) return e;
  return error_node(e, std::string("cannot assign to ") + expr_name(e) + " here. Maybe you meant '==' instead of '='?");
}

expr* Parser::star_expressions() {
  const Pos s = start(tok());
  expr* first = star_expression();
  if (!first || !at(Op::COMMA)) return first;
  return tuple_tail(first, s, &Parser::star_expression);
}

expr* Parser::star_expression() {
  if (!at(Op::STAR)) return expression();
  const Pos s = start(tok());
  advance();
  expr* v = bitwise_or();
  if (!v) return nullptr;
  auto* n = mk<Starred>(s);
  n->value = v;
  return n;
}

expr* Parser::star_named_expression() {
  if (!at(Op::STAR)) return named_expression();
  return star_expression();
}

// CPython memoizes disjunctions: what a parse without its invalid rules
// found (check_missing_comma's second expression) is what later parses of
// the same tokens get (legacy_expression replays it).
expr* Parser::disjunction() {
  for (auto it = disjunction_replay_.rbegin(); it != disjunction_replay_.rend(); ++it) {
    auto f = (*it)->find(pos_);
    if (f == (*it)->end()) continue;
    if (!f->second.e) return fail();
    pos_ = f->second.end;
    if (pos_ > max_pos_) max_pos_ = pos_;
    return f->second.e;
  }
  if (!disjunction_record_) return disjunction_parse();
  const size_t at = pos_;
  expr* e = disjunction_parse();
  disjunction_record_->try_emplace(at, MemoDisjunction{failed() ? nullptr : e, pos_});
  return e;
}

expr* Parser::disjunction_parse() {
  const Pos s = start(tok());
  expr* first = conjunction();
  if (!first || !at(Kw::Or)) return first;
  auto* n = arena_.make<BoolOp>();
  n->op = boolop::Or;
  n->values.push_back(first);
  while (accept(Kw::Or)) {
    expr* e = conjunction();
    if (!e) return nullptr;
    n->values.push_back(e);
  }
  Pos e = end(prev());
  n->lineno = s.line, n->col_offset = s.col, n->end_lineno = e.line, n->end_col_offset = e.col;
  return n;
}

expr* Parser::conjunction() {
  const Pos s = start(tok());
  expr* first = inversion();
  if (!first || !at(Kw::And)) return first;
  auto* n = arena_.make<BoolOp>();
  n->op = boolop::And;
  n->values.push_back(first);
  while (accept(Kw::And)) {
    expr* e = inversion();
    if (!e) return nullptr;
    n->values.push_back(e);
  }
  Pos e = end(prev());
  n->lineno = s.line, n->col_offset = s.col, n->end_lineno = e.line, n->end_col_offset = e.col;
  return n;
}

expr* Parser::inversion() {
  if (!at(Kw::Not)) return comparison();
  DepthGuard g(*this);
  if (!g.ok) return nullptr;
  const Pos s = start(tok());
  advance();
  expr* v = inversion();
  if (!v) return nullptr;
  auto* n = mk<UnaryOp>(s);
  n->op = unaryop::Not, n->operand = v;
  return n;
}

expr* Parser::comparison() {
  const Pos s = start(tok());
  expr* left = bitwise_or();
  if (!left) return nullptr;
  Compare* cmp = nullptr;
  for (;;) {
    const Token& t = tok();
    cmpop op;
    int ntok = 1;
    if (t.kind == TokKind::Op) {
      switch (t.op) {
        case Op::EQEQUAL: op = cmpop::Eq; break;
        case Op::NOTEQUAL: op = cmpop::NotEq; break;
        case Op::LESS: op = cmpop::Lt; break;
        case Op::LESSEQUAL: op = cmpop::LtE; break;
        case Op::GREATER: op = cmpop::Gt; break;
        case Op::GREATEREQUAL: op = cmpop::GtE; break;
        default: goto done;
      }
    } else if (t.is(Kw::In)) {
      op = cmpop::In;
    } else if (t.is(Kw::Not) && peek().is(Kw::In)) {
      op = cmpop::NotIn, ntok = 2;
    } else if (t.is(Kw::Is)) {
      if (peek().is(Kw::Not)) op = cmpop::IsNot, ntok = 2;
      else op = cmpop::Is;
    } else {
      break;
    }
    const size_t op_at = pos_;
    while (ntok--) advance();
    expr* right = bitwise_or();
    if (!right) {
      // As a PEG parser does: the comparison ends before an operator
      // whose operand does not parse (see invalid_for_target).
      if (!peg() || !generic_error()) return nullptr;
      err_.reset();
      pos_ = op_at;
      break;
    }
    if (!cmp) {
      cmp = arena_.make<Compare>();
      cmp->left = left;
    }
    cmp->ops.push_back(op);
    cmp->comparators.push_back(right);
  }
done:
  if (!cmp) return left;
  Pos e = end(prev());
  cmp->lineno = s.line, cmp->col_offset = s.col, cmp->end_lineno = e.line, cmp->end_col_offset = e.col;
  return cmp;
}

expr* Parser::bitwise_or() { return binary(0); }

// Binary operator levels, loosest first: | ^ & (<< >>) (+ -) (* / // % @).
expr* Parser::binary(int level) {
  const Pos s = start(tok());
  expr* left = level == 5 ? factor() : binary(level + 1);
  if (!left) return nullptr;
  for (;;) {
    const Token& t = tok();
    if (t.kind != TokKind::Op) break;
    operator_t op;
    bool match = true;
    switch (level) {
      case 0: match = t.op == Op::VBAR, op = operator_t::BitOr; break;
      case 1: match = t.op == Op::CIRCUMFLEX, op = operator_t::BitXor; break;
      case 2: match = t.op == Op::AMPER, op = operator_t::BitAnd; break;
      case 3:
        if (t.op == Op::LEFTSHIFT) op = operator_t::LShift;
        else if (t.op == Op::RIGHTSHIFT) op = operator_t::RShift;
        else match = false;
        break;
      case 4:
        if (t.op == Op::PLUS) op = operator_t::Add;
        else if (t.op == Op::MINUS) op = operator_t::Sub;
        else match = false;
        break;
      default:
        switch (t.op) {
          case Op::STAR: op = operator_t::Mult; break;
          case Op::SLASH: op = operator_t::Div; break;
          case Op::DOUBLESLASH: op = operator_t::FloorDiv; break;
          case Op::PERCENT: op = operator_t::Mod; break;
          case Op::AT: op = operator_t::MatMult; break;
          default: match = false; break;
        }
    }
    if (!match) break;
    advance();
    expr* right = level == 5 ? factor() : binary(level + 1);
    if (!right) return nullptr;
    if (op == operator_t::MatMult && !version_ok(5, "The '@' operator is")) return nullptr;
    auto* b = mk<BinOp>(s);
    b->left = left, b->op = op, b->right = right;
    left = b;
  }
  return left;
}

expr* Parser::factor() {
  const Token& t = tok();
  unaryop op;
  if (t.is(Op::PLUS)) op = unaryop::UAdd;
  else if (t.is(Op::MINUS)) op = unaryop::USub;
  else if (t.is(Op::TILDE)) op = unaryop::Invert;
  else return power();
  DepthGuard g(*this);
  if (!g.ok) return nullptr;
  const Pos s = start(t);
  advance();
  expr* v = factor();
  if (!v) return nullptr;
  auto* n = mk<UnaryOp>(s);
  n->op = op, n->operand = v;
  return n;
}

expr* Parser::power() {
  const Pos s = start(tok());
  expr* base = await_primary();
  if (!base || !at(Op::DOUBLESTAR)) return base;
  advance();
  expr* ex = factor();
  if (!ex) return nullptr;
  auto* b = mk<BinOp>(s);
  b->left = base, b->op = operator_t::Pow, b->right = ex;
  return b;
}

expr* Parser::await_primary() {
  if (!at(Kw::Await)) return primary();
  DepthGuard g(*this);
  if (!g.ok) return nullptr;
  const Pos s = start(tok());
  advance();
  expr* v = primary();
  if (!v || !version_ok(5, "Await expressions are")) return nullptr;
  auto* n = mk<Await>(s);
  n->value = v;
  return n;
}

expr* Parser::primary() {
  const Pos s = start(tok());
  expr* e = atom();
  while (e) {
    const size_t trailer = pos_;
    // Where a PEG parse is wanted, a trailer that does not parse leaves the
    // primary before it (`f(a b)` is `f` followed by more).
    auto before_trailer = [&]() -> expr* {
      if (!peg() || !generic_error()) return nullptr;
      err_.reset();
      pos_ = trailer;
      return e;
    };
    if (at(Op::DOT)) {
      advance();
      if (!tok().is_ident()) {
        fail();
        return before_trailer();
      }
      auto* a = mk<Attribute>(s, end(tok()));
      a->value = e, a->attr = std::string(text(tok())), a->ctx = expr_context::Load;
      advance();
      e = a;
    } else if (at(Op::LPAR)) {
      expr* c = call(e, s);
      if (!c) return before_trailer();
      e = c;
    } else if (at(Op::LSQB)) {
      advance();
      expr* sl = slices();
      if (!sl || !expect(Op::RSQB)) return before_trailer();
      auto* sub = mk<Subscript>(s);
      sub->value = e, sub->slice = sl, sub->ctx = expr_context::Load;
      e = sub;
    } else {
      break;
    }
  }
  return e;
}

expr* Parser::atom() {
  const Token& t = tok();
  const Pos s = start(t);
  switch (t.kind) {
    case TokKind::Name: {
      if (t.kw == Kw::NotKw) {
        auto* n = mk<Name>(s, end(t));
        n->id = std::string(text(t));
        n->ctx = expr_context::Load;
        advance();
        return n;
      }
      ConstantValue::Kind k;
      if (t.kw == Kw::None) k = ConstantValue::Kind::None;
      else if (t.kw == Kw::True) k = ConstantValue::Kind::True;
      else if (t.kw == Kw::False) k = ConstantValue::Kind::False;
      else return fail();
      auto* c = mk<Constant>(s, end(t));
      c->value.kind = k;
      advance();
      return c;
    }
    case TokKind::Number:
      return number(t);
    case TokKind::String:
      return strings();
    case TokKind::Op:
      switch (t.op) {
        case Op::LPAR: return paren_atom();
        case Op::LSQB: return list_atom();
        case Op::LBRACE: return brace_atom();
        case Op::ELLIPSIS: {
          auto* c = mk<Constant>(s, end(t));
          c->value.kind = ConstantValue::Kind::Ellipsis;
          advance();
          return c;
        }
        default: return fail();
      }
    default:
      return fail();
  }
}

expr* Parser::number(const Token& t) {
  std::string_view raw = text(t);
  std::string clean;
  clean.reserve(raw.size());
  for (char c : raw)
    if (c != '_') clean += c;
  if (clean.size() != raw.size() && !version_ok(6, "Underscores in numeric literals are")) return nullptr;
  auto* c = mk<Constant>(start(t), end(t));
  advance();
  ConstantValue& v = c->value;
  const char last = clean.back();
  auto to_double = [](std::string_view s) {
    double d = 0;
    // Correctly rounded and locale-free. Out of range: overflow gives inf,
    // underflow (a negative exponent) gives 0.0, as float() would.
    auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    if (r.ec == std::errc::result_out_of_range) {
      size_t e = s.find_first_of("eE");
      bool tiny = e != std::string_view::npos && e + 1 < s.size() && s[e + 1] == '-';
      d = tiny ? 0.0 : HUGE_VAL;
    }
    return d;
  };
  if (last == 'j' || last == 'J') {
    v.kind = ConstantValue::Kind::Complex;
    v.number = to_double(std::string_view(clean).substr(0, clean.size() - 1));
  } else if (clean.size() > 1 && clean[0] == '0' &&
             (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' || clean[1] == 'O' ||
              clean[1] == 'b' || clean[1] == 'B')) {
    v.kind = ConstantValue::Kind::Int;
    char b = static_cast<char>(clean[1] | 0x20);
    v.base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
    v.text = clean.substr(2);
  } else if (clean.find_first_of(".eE") != std::string::npos) {
    v.kind = ConstantValue::Kind::Float;
    v.number = to_double(clean);
  } else {
    v.kind = ConstantValue::Kind::Int;
    v.base = 10;
    // CPython refuses a decimal literal longer than the int/str conversion
    // limit at parse time (reported at the line, offset 0).
    int64_t limit = clean.size() > 640 && g_int_literal_digit_limit ? g_int_literal_digit_limit() : 0;
    if (limit > 0 && int64_t(clean.size()) > limit)
      return error_range(Pos{t.lineno, -1}, Pos{t.lineno, -1},
                         "Exceeds the limit (" + std::to_string(limit) +
                             " digits) for integer string conversion: value has " + std::to_string(clean.size()) +
                             " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                             "hexadecimal for huge integer literals to avoid decimal conversion limits.");
    v.text = std::move(clean);
  }
  return c;
}

expr* Parser::paren_atom() {
  DepthGuard g(*this);
  if (!g.ok) return nullptr;
  const Pos s = start(tok());
  advance();
  if (accept(Op::RPAR)) {
    auto* t = mk<Tuple>(s);
    t->ctx = expr_context::Load;
    return t;
  }
  if (at(Kw::Yield)) {
    expr* y = yield_expr();
    if (!y || !expect(Op::RPAR)) return nullptr;
    return y;
  }
  if (at(Op::DOUBLESTAR) && !no_invalid_) {
    // CPython's invalid_group: `(**expr)` names the '**'; anything else
    // after it is the ordinary error at the '**'.
    const Token& dstar = tok();
    const size_t save = pos_, save_max = max_pos_;
    advance();
    expr* e = starts_expression(tok()) ? expression() : nullptr;
    bool closed = e && !failed() && at(Op::RPAR);
    if (first_pass_error()) return nullptr;
    err_.reset();
    pos_ = save, max_pos_ = std::max(max_pos_, save_max);
    if (closed) return error_range(start(dstar), end(dstar), "cannot use double starred expression here");
    return fail();
  }
  expr* first = star_named_expression();
  if (!first) return nullptr;
  if (at(Kw::For) || (at(Kw::Async) && peek().is(Kw::For))) {
    if (first->kind == Kind::Starred) return error_node(first, "iterable unpacking cannot be used in comprehension");
    auto* gen = arena_.make<GeneratorExp>();
    gen->elt = first;
    if (!comprehension_clauses(gen->generators) || !expect(Op::RPAR)) return nullptr;
    Pos e = end(prev());
    gen->lineno = s.line, gen->col_offset = s.col, gen->end_lineno = e.line, gen->end_col_offset = e.col;
    return gen;
  }
  if (at(Op::COMMA)) {
    auto* t = arena_.make<Tuple>();
    t->ctx = expr_context::Load;
    t->elts.push_back(first);
    while (accept(Op::COMMA)) {
      if (at(Op::RPAR)) break;
      expr* e = star_named_expression();
      if (!e) return nullptr;
      t->elts.push_back(e);
    }
    if (!expect(Op::RPAR)) return nullptr;
    Pos e = end(prev());
    t->lineno = s.line, t->col_offset = s.col, t->end_lineno = e.line, t->end_col_offset = e.col;
    return t;
  }
  if (!expect(Op::RPAR)) return nullptr;
  if (first->kind == Kind::Starred) return error_node(first, "cannot use starred expression here");
  return first;
}

expr* Parser::list_atom() {
  DepthGuard g(*this);
  if (!g.ok) return nullptr;
  const Pos s = start(tok());
  advance();
  std::vector<expr*> elts;
  if (!at(Op::RSQB)) {
    expr* first = star_named_expression();
    if (!first) return nullptr;
    if (at(Kw::For) || (at(Kw::Async) && peek().is(Kw::For))) {
      if (first->kind == Kind::Starred) return error_node(first, "iterable unpacking cannot be used in comprehension");
      auto* lc = arena_.make<ListComp>();
      lc->elt = first;
      if (!comprehension_clauses(lc->generators) || !expect(Op::RSQB)) return nullptr;
      Pos e = end(prev());
      lc->lineno = s.line, lc->col_offset = s.col, lc->end_lineno = e.line, lc->end_col_offset = e.col;
      return lc;
    }
    elts.push_back(first);
    while (accept(Op::COMMA)) {
      if (at(Op::RSQB)) break;
      expr* e = star_named_expression();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    if (elts.size() > 1 && starts_comprehension()) return unparenthesized_target(elts);
  }
  if (!expect(Op::RSQB)) return nullptr;
  auto* l = mk<List>(s);
  l->elts = std::move(elts);
  l->ctx = expr_context::Load;
  return l;
}

expr* Parser::brace_atom() {
  DepthGuard g(*this);
  if (!g.ok) return nullptr;
  const Pos s = start(tok());
  advance();
  if (accept(Op::RBRACE)) return mk<Dict>(s);
  expr* first_key = nullptr;
  expr* first_val = nullptr;
  bool is_dict;
  if (at(Op::DOUBLESTAR)) {
    const Pos star_at = start(tok());
    advance();
    is_dict = true;
    if (!(first_val = bitwise_or())) return nullptr;
    if (at(Kw::For) || (at(Kw::Async) && peek().is(Kw::For)))
      return error_range(star_at, Pos{star_at.line, star_at.col + 2}, "dict unpacking cannot be used in dict comprehension");
  } else {
    expr* first = star_named_expression();
    if (!first) return nullptr;
    if (first->kind == Kind::Starred && at(Op::COLON)) return fail();
    if (accept(Op::COLON)) {
      is_dict = true;
      first_key = first;
      if (at(Op::RBRACE) || at(Op::COMMA))
        return error_at(prev(), "expression expected after dictionary key and ':'");
      if (at(Op::STAR) && first->kind != Kind::Starred) return starred_dict_value(), nullptr;
      if (!(first_val = expression())) return nullptr;
      if (at(Kw::For) || (at(Kw::Async) && peek().is(Kw::For))) {
        auto* dc = arena_.make<DictComp>();
        dc->key = first_key, dc->value = first_val;
        if (!comprehension_clauses(dc->generators) || !expect(Op::RBRACE)) return nullptr;
        Pos e = end(prev());
        dc->lineno = s.line, dc->col_offset = s.col, dc->end_lineno = e.line, dc->end_col_offset = e.col;
        return dc;
      }
    } else {
      is_dict = false;
      if (at(Kw::For) || (at(Kw::Async) && peek().is(Kw::For))) {
        if (first->kind == Kind::Starred) return error_node(first, "iterable unpacking cannot be used in comprehension");
        auto* sc = arena_.make<SetComp>();
        sc->elt = first;
        if (!comprehension_clauses(sc->generators) || !expect(Op::RBRACE)) return nullptr;
        Pos e = end(prev());
        sc->lineno = s.line, sc->col_offset = s.col, sc->end_lineno = e.line, sc->end_col_offset = e.col;
        return sc;
      }
      first_key = first;
    }
  }
  if (is_dict) {
    auto* d = arena_.make<Dict>();
    d->keys.push_back(first_key);
    d->values.push_back(first_val);
    while (accept(Op::COMMA)) {
      if (at(Op::RBRACE)) break;
      expr* k = nullptr;
      expr* v;
      if (accept(Op::DOUBLESTAR)) {
        if (!(v = bitwise_or())) return nullptr;
      } else {
        // CPython reads a later key without its invalid rules first (its
        // memo then keeps that reading): `{1: 2, f(a b)}` is a key `f`
        // without ':'; only a key that does not parse so is read again with
        // them, which reports `{1: 2, (a b)}`'s missing comma.
        const size_t key_at = pos_, key_max = max_pos_;
        const bool saved_no_invalid = no_invalid_;
        no_invalid_ = true;
        k = expression();
        no_invalid_ = saved_no_invalid;
        if ((!k || failed()) && !no_invalid_ && !first_pass_error()) {
          err_.reset();
          pos_ = key_at, max_pos_ = std::max(max_pos_, key_max);
          k = expression();
        }
        if (!k || failed()) return nullptr;
        if (!at(Op::COLON)) {
          // CPython's invalid_kvpair reports the key's end (its column is
          // taken on the key's first line) and no end column.
          if (at(TokKind::Error) || has_tokenizer_error()) return fail();
          error_range(start(k), end(k), "':' expected after dictionary key");
          if (err_ && !err_->from_tokenizer) {
            err_->offset = tz_.char_col(k->lineno, k->end_col_offset);
            err_->end_offset = 0;
          }
          return nullptr;
        }
        advance();
        if (at(Op::RBRACE) || at(Op::COMMA))
          return error_at(prev(), "expression expected after dictionary key and ':'");
        if (at(Op::STAR)) return starred_dict_value(), nullptr;
        if (!(v = expression())) return nullptr;
      }
      d->keys.push_back(k);
      d->values.push_back(v);
    }
    if (!expect(Op::RBRACE)) return nullptr;
    Pos e = end(prev());
    d->lineno = s.line, d->col_offset = s.col, d->end_lineno = e.line, d->end_col_offset = e.col;
    return d;
  }
  auto* st = arena_.make<Set>();
  st->elts.push_back(first_key);
  while (accept(Op::COMMA)) {
    if (at(Op::RBRACE)) break;
    expr* e = star_named_expression();
    if (!e) return nullptr;
    st->elts.push_back(e);
  }
  if (st->elts.size() > 1 && starts_comprehension()) return unparenthesized_target(st->elts);
  if (!expect(Op::RBRACE)) return nullptr;
  Pos e = end(prev());
  st->lineno = s.line, st->col_offset = s.col, st->end_lineno = e.line, st->end_col_offset = e.col;
  return st;
}

// (A bitwise_or that does not parse after the '*' is the error; CPython's
// generic one is there too, its rule having read that far.)
void Parser::starred_dict_value() {
  const Token& star = tok();
  advance();
  if (bitwise_or()) error_starting_from(start(star), "cannot use a starred expression in a dictionary value");
}

bool Parser::starts_comprehension() { return at(Kw::For) || (at(Kw::Async) && peek().is(Kw::For)); }

// `[a, b for ...]`: CPython's invalid_comprehension message, over the elements.
std::nullptr_t Parser::unparenthesized_target(const std::vector<expr*>& elts) {
  return error_range(start(elts.front()), end(elts.back()), "did you forget parentheses around the comprehension target?");
}

bool Parser::comprehension_clauses(std::vector<comprehension*>& out) {
  while (at(Kw::For) || (at(Kw::Async) && peek().is(Kw::For))) {
    auto* c = arena_.make<comprehension>();
    c->is_async = accept(Kw::Async) ? 1 : 0;
    advance();  // 'for'
    const size_t targets = pos_;
    expr* target = star_targets();
    if (!target || !at(Kw::In) || invalid_target(target, expr_context::Store))
      return invalid_for_target(targets), false;
    set_context(target, expr_context::Store);
    advance();
    c->target = target;
    if (!(c->iter = disjunction())) return false;
    while (accept(Kw::If)) {
      expr* cond = disjunction();
      if (!cond) return false;
      c->ifs.push_back(cond);
    }
    if (c->is_async && !version_ok(6, "Async comprehensions are")) return false;
    out.push_back(c);
  }
  return true;
}

expr* Parser::yield_expr() {
  const Pos s = start(tok());
  advance();
  if (accept(Kw::From)) {
    expr* v = expression();
    if (!v) return nullptr;
    auto* y = mk<YieldFrom>(s);
    y->value = v;
    return y;
  }
  expr* v = nullptr;
  if (starts_expression(tok()) || at(Op::STAR)) {
    if (!(v = star_expressions())) return nullptr;
  }
  auto* y = mk<Yield>(s);
  y->value = v;
  return y;
}

expr* Parser::lambdef() {
  const Pos s = start(tok());
  advance();
  arguments* args = parameters(true);
  if (!args || !expect(Op::COLON)) return nullptr;
  expr* body = expression();
  if (!body) return nullptr;
  auto* l = mk<Lambda>(s);
  l->args = args, l->body = body;
  return l;
}

// After '[': the subscript, a Tuple when there are commas.
expr* Parser::slices() {
  const Pos s = start(tok());
  expr* first = slice();
  // A lone starred subscript (`a[*b]`) still makes a tuple.
  if (!first || (!at(Op::COMMA) && first->kind != Kind::Starred)) return first;
  auto* t = arena_.make<Tuple>();
  t->ctx = expr_context::Load;
  t->elts.push_back(first);
  while (accept(Op::COMMA)) {
    if (at(Op::RSQB)) break;
    expr* e = slice();
    if (!e) return nullptr;
    t->elts.push_back(e);
  }
  Pos e = end(prev());
  t->lineno = s.line, t->col_offset = s.col, t->end_lineno = e.line, t->end_col_offset = e.col;
  return t;
}

expr* Parser::slice() {
  if (at(Op::STAR)) return star_expression();
  const Pos s = start(tok());
  expr* lower = nullptr;
  if (!at(Op::COLON)) {
    lower = named_expression();
    if (!lower || !at(Op::COLON)) return lower;
  }
  advance();  // ':'
  auto* sl = arena_.make<Slice>();
  sl->lower = lower;
  if (!at(Op::COLON) && !at(Op::RSQB) && !at(Op::COMMA)) {
    if (!(sl->upper = expression())) return nullptr;
  }
  if (accept(Op::COLON)) {
    if (!at(Op::RSQB) && !at(Op::COMMA)) {
      if (!(sl->step = expression())) return nullptr;
    }
  }
  Pos e = end(prev());
  sl->lineno = s.line, sl->col_offset = s.col, sl->end_lineno = e.line, sl->end_col_offset = e.col;
  return sl;
}

expr* Parser::star_targets() {
  const Pos s = start(tok());
  expr* first = star_target();
  if (!first || !at(Op::COMMA)) return first;
  auto* t = arena_.make<Tuple>();
  t->ctx = expr_context::Store;
  t->elts.push_back(first);
  while (accept(Op::COMMA)) {
    if (!starts_expression(tok()) && !at(Op::STAR)) break;
    expr* e = star_target();
    if (!e) return nullptr;
    t->elts.push_back(e);
  }
  Pos e = end(prev());
  t->lineno = s.line, t->col_offset = s.col, t->end_lineno = e.line, t->end_col_offset = e.col;
  return t;
}

expr* Parser::star_target() {
  if (at(Op::STAR)) {
    DepthGuard g(*this);
    if (!g.ok) return nullptr;
    const Pos s = start(tok());
    advance();
    expr* v = star_target();
    if (!v) return nullptr;
    auto* n = mk<Starred>(s);
    n->value = v;
    return n;
  }
  return primary();
}

}  // namespace gilpy::parser
