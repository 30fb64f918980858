// Call arguments and function/lambda parameter lists.
#include "parser/parser_internal.h"

namespace gilpy::parser {

using namespace ast;

// `s` is where the primary began: for `(f)(x)` that is the '(' before f.
expr* Parser::call(expr* func, Pos s) {
  auto* c = arena_.make<Call>();
  if (!call_arguments(c->args, c->keywords, start(tok()))) return nullptr;
  Pos e = end(prev());
  c->func = func;
  c->lineno = s.line, c->col_offset = s.col, c->end_lineno = e.line, c->end_col_offset = e.col;
  return c;
}

bool Parser::call_arguments(std::vector<expr*>& args, std::vector<keyword*>& kws, Pos lpar) {
  // Only this level is a class's bases (not calls nested in them).
  const bool in_class = class_bases_;
  class_bases_ = false;
  DepthGuard g(*this);
  if (!g.ok) return false;
  advance();  // '('
  bool seen_kw = false, seen_kw_unpack = false;
  Pos first_arg{}, before = start(tok());  // the arguments so far span first_arg..before
  while (!at(Op::RPAR)) {
    const Pos s = start(tok());
    if (args.empty() && kws.empty()) first_arg = s;
    if (accept(Op::STAR)) {
      expr* v = expression();
      if (!v) return false;
      if (seen_kw_unpack)  // CPython 3.11 underlines the arguments before the '*'
        return error_range(first_arg, before, "iterable argument unpacking follows keyword argument unpacking"), false;
      auto* st = mk<Starred>(s);
      st->value = v, st->ctx = expr_context::Load;
      args.push_back(st);
    } else if (accept(Op::DOUBLESTAR)) {
      expr* v = expression();
      if (!v) return false;
      auto* k = mk<keyword>(s);
      k->value = v;
      kws.push_back(k);
      seen_kw_unpack = true;
    } else if (tok().is_ident() && peek().is(Op::EQUAL)) {
      std::string name(text(tok()));
      const Pos name_at = start(tok());
      advance();
      const Pos eq_end = end(tok());
      advance();
      expr* v = expression();
      if (!v) return false;
      // CPython's invalid_kwarg: `f(a = x for x in y)`.
      if (at(Kw::For) || (at(Kw::Async) && peek().is(Kw::For))) {
        // Only when the clauses parse; otherwise the ordinary error.
        const size_t save = pos_, save_max = max_pos_;
        const bool saved_no_invalid = no_invalid_;
        no_invalid_ = true;
        std::vector<comprehension*> gens;
        const bool clauses = comprehension_clauses(gens) && !failed();
        no_invalid_ = saved_no_invalid;
        if (first_pass_error()) return false;
        err_.reset();
        pos_ = save, max_pos_ = std::max(max_pos_, save_max);
        if (clauses)
          return error_range(name_at, eq_end, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"), false;
      }
      auto* k = mk<keyword>(s);
      k->arg = std::move(name), k->value = v;
      kws.push_back(k);
      seen_kw = true;
    } else {
      expr* e = named_expression(true);
      if (!e) return false;
      if (at(Kw::For) || (at(Kw::Async) && peek().is(Kw::For))) {
        if (in_class) return fail(), false;
        auto* gen = arena_.make<GeneratorExp>();
        gen->elt = e;
        if (!comprehension_clauses(gen->generators)) return false;
        const bool sole = args.empty() && kws.empty() && at(Op::RPAR);
        // A sole generator argument borrows the call's parentheses.
        Pos gs = sole ? lpar : s;
        Pos ge = sole ? end(tok()) : end(prev());
        gen->lineno = gs.line, gen->col_offset = gs.col, gen->end_lineno = ge.line, gen->end_col_offset = ge.col;
        // Only a generator followed by more arguments, or after others, is
        // "must be parenthesized"; any other token after it is a plain error.
        if (!sole && (!args.empty() || !kws.empty() || at(Op::COMMA)))
          return error_range(s, end(prev()), "Generator expression must be parenthesized"), false;
        if (!sole) return fail(), false;
        args.push_back(gen);
        continue;
      }
      if (at(Op::EQUAL)) {
        // CPython's invalid_kwarg: True/False/None before '=' are named.
        if (auto* c = e->kind == Kind::Constant ? static_cast<Constant*>(e) : nullptr;
            c && prev().kind == TokKind::Name && pos_ >= 1 && start(prev()).col == e->col_offset &&
            (c->value.kind == ConstantValue::Kind::True || c->value.kind == ConstantValue::Kind::False ||
             c->value.kind == ConstantValue::Kind::None))
          return error_range(s, end(tok()), "cannot assign to " + std::string(text(prev()))), false;
        return error_range(Pos{e->lineno, e->col_offset}, end(tok()),
                           "expression cannot contain assignment, perhaps you meant \"==\"?"), false;
      }
      // CPython reports these at the token after the argument.
      if (seen_kw_unpack)
        return error_at(tok(), "positional argument follows keyword argument unpacking"), false;
      if (seen_kw) return error_at(tok(), "positional argument follows keyword argument"), false;
      args.push_back(e);
    }
    before = end(prev());
    if (!accept(Op::COMMA)) break;
  }
  return expect(Op::RPAR);
}

arg* Parser::param(bool is_lambda, bool star_annotation) {
  if (!tok().is_ident()) return fail();
  const Token& nt = tok();
  advance();
  auto* a = mk<arg>(start(nt), end(nt));
  a->arg = std::string(text(nt));
  if (!is_lambda && accept(Op::COLON)) {
    expr* ann = (star_annotation && at(Op::STAR)) ? star_expression() : expression();
    if (!ann) return nullptr;
    a->annotation = ann;
    a->end_lineno = ann->end_lineno, a->end_col_offset = ann->end_col_offset;
  }
  return a;
}

// CPython's invalid_parameters / invalid_lambda_parameters: `def f((a, b))`,
// a Python 2 tuple parameter. Matches '(' then names separated by commas
// (for def each may have an annotation and be followed by a comma, and one
// more comma may follow) and ')'. True if it recorded an error (its own, or
// one met in an annotation); false leaves the position and error as they were.
bool Parser::parenthesized_params(bool is_lambda) {
  const size_t save = pos_, save_max = max_pos_;
  const Token& lpar = tok();
  advance();
  bool matched = false;
  while (tok().is_ident()) {
    advance();
    if (!is_lambda && accept(Op::COLON) && (!expression() || failed())) break;
    if (accept(Op::COMMA)) {
      if (!is_lambda && at(Op::COMMA)) advance();  // the rule's optional ',' after `param ','`: then ')'
      else if (!at(Op::RPAR)) continue;
    }
    matched = at(Op::RPAR);
    break;
  }
  if (failed() && !generic_error()) return true;
  err_.reset();
  if (matched)
    return error_range(start(lpar), end(tok()), is_lambda ? "Lambda expression parameters cannot be parenthesized"
                                                          : "Function parameters cannot be parenthesized"),
           true;
  pos_ = save, max_pos_ = std::max(max_pos_, save_max);
  return false;
}

// Parses a parameter list up to (not including) ')' for def, ':' for lambda.
arguments* Parser::parameters(bool is_lambda) {
  auto* A = arena_.make<arguments>();
  const Op close = is_lambda ? Op::COLON : Op::RPAR;
  bool seen_slash = false, seen_star = false;
  std::vector<arg*> args;
  while (!at(close)) {
    const Token& t = tok();
    arg* last = nullptr;  // the parameter a type comment after it annotates
    if (t.is(Op::SLASH)) {
      if (seen_slash) return error_at(t, "/ may appear only once");
      if (seen_star) return error_at(t, "/ must be ahead of *");
      if (args.empty()) {
        if (!peek().is(Op::COMMA)) return fail();
        return error_at(t, "at least one argument must precede /");
      }
      advance();
      seen_slash = true;
      A->posonlyargs = std::move(args);
      args.clear();
      if (at(Op::STAR)) return error_at(tok(), "expected comma between / and *");
    } else if (t.is(Op::LPAR) && !seen_slash && !seen_star && A->defaults.empty()) {
      // Only after parameters without defaults, as CPython's rule has it.
      if (parenthesized_params(is_lambda)) return nullptr;
      return fail();
    } else if (t.is(Op::STAR)) {
      if (seen_star) {
        // Only a parameter or ',' after the second '*' makes it this error.
        if (!peek().is_ident() && !peek().is(Op::COMMA)) return fail();
        return error_at(t, "* argument may appear only once");
      }
      advance();
      seen_star = true;
      if (at(Op::COMMA) || at(close)) {
        // A bare * needs a keyword-only parameter after it (not just **kw).
        // (A lambda's error is at the last token its rule read.)
        if (at(close) || peek().is(close) || peek().is(Op::DOUBLESTAR))
          return error_at(is_lambda ? (at(close) ? tok() : peek()) : t, "named arguments must follow bare *");
        if (at(Op::COMMA) && peek().kind == TokKind::TypeComment)
          return error_at(peek(), "bare * has associated type comment");
      } else {
        if (!(A->vararg = param(is_lambda, true))) return nullptr;
        if (at(Op::EQUAL)) return error_at(tok(), "var-positional argument cannot have default value");
        last = A->vararg;
      }
    } else if (t.is(Op::DOUBLESTAR)) {
      advance();
      if (!(A->kwarg = param(is_lambda, false))) return nullptr;
      if (at(Op::EQUAL)) return error_at(tok(), "var-keyword argument cannot have default value");
      // After `**kw,` another parameter, '*', '**' or '/' is this error;
      // anything else is the generic one.
      const bool comma = accept(Op::COMMA);
      if (!is_lambda && at(TokKind::TypeComment)) A->kwarg->type_comment = type_comment();
      if (comma && !at(close)) {
        if (tok().is_ident()) {
          arg* after = param(is_lambda, false);
          return after ? error_node(after, "arguments cannot follow var-keyword argument") : nullptr;
        }
        if (at(Op::STAR) || at(Op::DOUBLESTAR) || at(Op::SLASH))
          return error_at(tok(), "arguments cannot follow var-keyword argument");
      }
      if (!at(close)) return fail();
      break;
    } else {
      arg* a = param(is_lambda, false);
      if (!a) return nullptr;
      expr* def = nullptr;
      if (accept(Op::EQUAL)) {
        if (at(Op::RPAR) || at(Op::COMMA)) return error_at(prev(), "expected default value expression");
        if (!(def = expression())) return nullptr;
      }
      if (seen_star) {
        A->kwonlyargs.push_back(a);
        A->kw_defaults.push_back(def);
      } else {
        if (def) {
          A->defaults.push_back(def);
        } else if (!A->defaults.empty()) {
          return error_node(a, "non-default argument follows default argument");
        }
        args.push_back(a);
      }
      last = a;
    }
    // A parameter's type comment follows its comma, or it if ')' is next.
    const bool comma = accept(Op::COMMA);
    if (last && !is_lambda && at(TokKind::TypeComment)) last->type_comment = type_comment();
    if (!comma) break;
  }
  if (!A->posonlyargs.empty() && !version_ok(8, "Positional-only parameters are")) return nullptr;
  A->args = std::move(args);
  return A;
}

}  // namespace gilpy::parser
