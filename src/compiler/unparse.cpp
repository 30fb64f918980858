// Expression -> source text, for `from __future__ import annotations`
// (PEP 563), which stores every annotation as the string of its expression.
//
// The text must be what CPython 3.11 stores, character for character, since
// programs compare and eval these strings: CPython does not keep the source
// but regenerates it from the tree with its own rules (Python/ast_unparse.c's
// behaviour, observed through the oracle), which differ in places from the
// pure-Python ast.unparse:
//  * parentheses only where the precedence needs them (`(a + b) * c`,
//    `a ** (-b)`, `(-a) ** 2`), a top-level tuple keeps its parentheses;
//  * constants are the repr of their value (`0x10` -> `16`, `"""s"""` ->
//    `'s'`), with infinities as `1e309`; an int constant before `.` gets a
//    space (`1 .real`);
//  * `lambda` has a space after it only when there are positional
//    parameters (`lambda*, k: k`, a CPython quirk kept for fidelity);
//  * a subscript's tuple is written without parentheses and a one-element
//    one with a trailing comma (`x[*a,]`);
//  * f-strings are rebuilt: the body (literal braces doubled, `{expr!c:spec}`
//    fields, `{a=}` already expanded by the parser) then the repr of that
//    body after an `f`.
// Invariant: the result, parsed again, gives an equal tree.
#include <cmath>
#include <string>

#include "compiler/unparse.h"
#include "compiler/compile.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::compiler {

using namespace ast;

namespace {

// Precedence levels, lowest first; an expression printed where a higher
// level is required gets parentheses.
enum Prec : int {
  PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR, PR_BAND,
  PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

class Unparser {
 public:
  bool failed = false;
  int depth = 0;

  void expr(const ast::expr* e, int level, std::string& out);

 private:
  void repr_of(Value v, std::string& out) {
    Result<Str*> r = repr(v);
    if (r.is_err()) { failed = true; return; }
    out += r.value()->view();
  }
  void constant(const Constant* c, std::string& out);
  void comprehensions(const std::vector<comprehension*>& gens, std::string& out);
  void arguments_of(const arguments* a, std::string& out);
  void fstring_body(const std::vector<ast::expr*>& values, std::string& out);
  void fstring_element(const ast::expr* e, std::string& out);
  void formatted_value(const FormattedValue* f, std::string& out);
};

void Unparser::constant(const Constant* c, std::string& out) {
  using K = ConstantValue::Kind;
  if (c->value.kind == K::Ellipsis) { out += "..."; return; }
  if (c->value.kind == K::Str && c->str_kind && *c->str_kind == "u") out += "u";
  std::string text;
  repr_of(constant_to_value(c->value), text);
  // inf is not a literal: write a float literal that overflows to it.
  bool infinite = (c->value.kind == K::Float || c->value.kind == K::Complex) && std::isinf(c->value.number);
  if (infinite) {
    for (size_t p; (p = text.find("inf")) != std::string::npos;) text.replace(p, 3, "1e309");
  }
  out += text;
}

void Unparser::comprehensions(const std::vector<comprehension*>& gens, std::string& out) {
  for (const comprehension* g : gens) {
    out += g->is_async ? " async for " : " for ";
    expr(g->target, PR_TUPLE, out);
    out += " in ";
    expr(g->iter, PR_TEST + 1, out);
    for (const ast::expr* i : g->ifs) {
      out += " if ";
      expr(i, PR_TEST + 1, out);
    }
  }
}

// Parameters of a lambda (no annotations can occur there).
void Unparser::arguments_of(const arguments* a, std::string& out) {
  bool first = true;
  auto sep = [&] {
    if (!first) out += ", ";
    first = false;
  };
  size_t npos = a->posonlyargs.size() + a->args.size();
  size_t ndef = a->defaults.size();
  for (size_t i = 0; i < npos; i++) {
    const arg* p = i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
    sep();
    out += p->arg;
    if (i + ndef >= npos) {
      out += "=";
      expr(a->defaults[i + ndef - npos], PR_TEST, out);
    }
    if (i + 1 == a->posonlyargs.size()) out += ", /";
  }
  if (a->vararg || !a->kwonlyargs.empty()) {
    sep();
    out += "*";
    if (a->vararg) out += a->vararg->arg;
  }
  for (size_t i = 0; i < a->kwonlyargs.size(); i++) {
    sep();
    out += a->kwonlyargs[i]->arg;
    if (i < a->kw_defaults.size() && a->kw_defaults[i]) {
      out += "=";
      expr(a->kw_defaults[i], PR_TEST, out);
    }
  }
  if (a->kwarg) {
    sep();
    out += "**";
    out += a->kwarg->arg;
  }
}

void Unparser::formatted_value(const FormattedValue* f, std::string& out) {
  std::string inner;
  expr(f->value, PR_TEST + 1, inner);
  // "{{" would read as an escaped brace: a dict or set display gets a space.
  out += inner.rfind('{', 0) == 0 ? "{ " : "{";
  out += inner;
  if (f->conversion > 0) {
    out += '!';
    out += char(f->conversion);
  }
  if (f->format_spec) {
    out += ':';
    fstring_element(f->format_spec, out);
  }
  out += '}';
}

// One part of an f-string's body: literal text with its braces doubled, a
// field, or (in a format spec) a nested body.
void Unparser::fstring_element(const ast::expr* e, std::string& out) {
  if (auto* c = as<Constant>(e)) {
    for (char ch : c->value.text) {
      out += ch;
      if (ch == '{' || ch == '}') out += ch;
    }
  } else if (auto* j = as<JoinedStr>(e)) {
    fstring_body(j->values, out);
  } else if (auto* f = as<FormattedValue>(e)) {
    formatted_value(f, out);
  }
}

void Unparser::fstring_body(const std::vector<ast::expr*>& values, std::string& out) {
  for (const ast::expr* v : values) fstring_element(v, out);
}

void Unparser::expr(const ast::expr* e, int level, std::string& out) {
  if (failed) return;
  if (compile_too_deep(depth)) { failed = true; return; }
  struct Nest {
    int& d;
    explicit Nest(int& x) : d(x) { d++; }
    ~Nest() { d--; }
  } nest(depth);
  auto open = [&](int pr) { if (level > pr) out += '('; };
  auto close = [&](int pr) { if (level > pr) out += ')'; };
  auto join = [&](const std::vector<ast::expr*>& xs, int pr) {
    for (size_t i = 0; i < xs.size(); i++) {
      if (i) out += ", ";
      expr(xs[i], pr, out);
    }
  };
  switch (e->kind) {
    case Kind::BoolOp: {
      auto* b = static_cast<const BoolOp*>(e);
      int pr = b->op == boolop::And ? PR_AND : PR_OR;
      open(pr);
      for (size_t i = 0; i < b->values.size(); i++) {
        if (i) out += b->op == boolop::And ? " and " : " or ";
        expr(b->values[i], pr + 1, out);
      }
      close(pr);
      return;
    }
    case Kind::BinOp: {
      auto* b = static_cast<const BinOp*>(e);
      static const struct { const char* text; int pr; } ops[] = {
          {" + ", PR_ARITH}, {" - ", PR_ARITH}, {" * ", PR_TERM}, {" @ ", PR_TERM}, {" / ", PR_TERM},
          {" % ", PR_TERM}, {" ** ", PR_POWER}, {" << ", PR_SHIFT}, {" >> ", PR_SHIFT}, {" | ", PR_BOR},
          {" ^ ", PR_BXOR}, {" & ", PR_BAND}, {" // ", PR_TERM}};
      const auto& op = ops[int(b->op)];
      int rassoc = b->op == operator_t::Pow;  // ** groups to the right
      open(op.pr);
      expr(b->left, op.pr + rassoc, out);
      out += op.text;
      expr(b->right, op.pr + 1 - rassoc, out);
      close(op.pr);
      return;
    }
    case Kind::UnaryOp: {
      auto* u = static_cast<const UnaryOp*>(e);
      static const char* text[] = {"~", "not ", "+", "-"};
      int pr = u->op == unaryop::Not ? PR_NOT : PR_FACTOR;
      open(pr);
      out += text[int(u->op)];
      expr(u->operand, pr, out);
      close(pr);
      return;
    }
    case Kind::Lambda: {
      auto* l = static_cast<const Lambda*>(e);
      open(PR_TEST);
      bool positional = !l->args->posonlyargs.empty() || !l->args->args.empty();
      out += positional ? "lambda " : "lambda";
      arguments_of(l->args, out);
      out += ": ";
      expr(l->body, PR_TEST, out);
      close(PR_TEST);
      return;
    }
    case Kind::IfExp: {
      auto* i = static_cast<const IfExp*>(e);
      open(PR_TEST);
      expr(i->body, PR_TEST + 1, out);
      out += " if ";
      expr(i->test, PR_TEST + 1, out);
      out += " else ";
      expr(i->orelse, PR_TEST, out);
      close(PR_TEST);
      return;
    }
    case Kind::Dict: {
      auto* d = static_cast<const ast::Dict*>(e);
      out += '{';
      for (size_t i = 0; i < d->values.size(); i++) {
        if (i) out += ", ";
        if (d->keys[i]) {
          expr(d->keys[i], PR_TEST, out);
          out += ": ";
          expr(d->values[i], PR_TEST, out);
        } else {
          out += "**";
          expr(d->values[i], PR_EXPR, out);
        }
      }
      out += '}';
      return;
    }
    case Kind::Set: {
      auto* s = static_cast<const ast::Set*>(e);
      if (s->elts.empty()) { out += "{*()}"; return; }
      out += '{';
      join(s->elts, PR_TEST);
      out += '}';
      return;
    }
    case Kind::ListComp: case Kind::SetComp: case Kind::GeneratorExp: {
      const ast::expr* elt;
      const std::vector<comprehension*>* gens;
      const char* brackets;
      if (auto* c = as<ListComp>(e)) { elt = c->elt; gens = &c->generators; brackets = "[]"; }
      else if (auto* s = as<SetComp>(e)) { elt = s->elt; gens = &s->generators; brackets = "{}"; }
      else {
        auto* g = static_cast<const GeneratorExp*>(e);
        elt = g->elt; gens = &g->generators; brackets = "()";
      }
      out += brackets[0];
      expr(elt, PR_TEST, out);
      comprehensions(*gens, out);
      out += brackets[1];
      return;
    }
    case Kind::DictComp: {
      auto* d = static_cast<const DictComp*>(e);
      out += '{';
      expr(d->key, PR_TEST, out);
      out += ": ";
      expr(d->value, PR_TEST, out);
      comprehensions(d->generators, out);
      out += '}';
      return;
    }
    case Kind::Await: {
      open(PR_AWAIT);
      out += "await ";
      expr(static_cast<const Await*>(e)->value, PR_ATOM, out);
      close(PR_AWAIT);
      return;
    }
    case Kind::Yield: {
      auto* y = static_cast<const Yield*>(e);
      if (!y->value) { out += "(yield)"; return; }
      out += "(yield ";
      expr(y->value, PR_TEST, out);
      out += ')';
      return;
    }
    case Kind::YieldFrom: {
      out += "(yield from ";
      expr(static_cast<const YieldFrom*>(e)->value, PR_TEST, out);
      out += ')';
      return;
    }
    case Kind::Compare: {
      auto* c = static_cast<const Compare*>(e);
      static const char* text[] = {" == ", " != ", " < ", " <= ", " > ", " >= ", " is ", " is not ", " in ",
                                   " not in "};
      open(PR_CMP);
      expr(c->left, PR_CMP + 1, out);
      for (size_t i = 0; i < c->ops.size() && i < c->comparators.size(); i++) {
        out += text[int(c->ops[i])];
        expr(c->comparators[i], PR_CMP + 1, out);
      }
      close(PR_CMP);
      return;
    }
    case Kind::Call: {
      auto* c = static_cast<const Call*>(e);
      expr(c->func, PR_ATOM, out);
      // A lone generator argument needs no parentheses of its own.
      if (c->args.size() == 1 && c->keywords.empty() && c->args[0]->kind == Kind::GeneratorExp) {
        expr(c->args[0], PR_TEST, out);
        return;
      }
      out += '(';
      bool first = true;
      for (const ast::expr* a : c->args) {
        if (!first) out += ", ";
        first = false;
        expr(a, PR_TEST, out);
      }
      for (const keyword* k : c->keywords) {
        if (!first) out += ", ";
        first = false;
        if (k->arg) {
          out += *k->arg;
          out += '=';
          expr(k->value, PR_TEST, out);
        } else {
          out += "**";
          expr(k->value, PR_EXPR, out);
        }
      }
      out += ')';
      return;
    }
    case Kind::JoinedStr: case Kind::FormattedValue: {
      std::string body;
      if (auto* j = as<JoinedStr>(e)) fstring_body(j->values, body);
      else formatted_value(static_cast<const FormattedValue*>(e), body);
      out += 'f';
      repr_of(str_value(body), out);
      return;
    }
    case Kind::Constant: constant(static_cast<const Constant*>(e), out); return;
    case Kind::Attribute: {
      auto* a = static_cast<const Attribute*>(e);
      expr(a->value, PR_ATOM, out);
      // `1.real` would lex as a float: an int constant takes a space.
      auto* c = as<Constant>(a->value);
      out += c && c->value.kind == ConstantValue::Kind::Int ? " ." : ".";
      out += a->attr;
      return;
    }
    case Kind::Subscript: {
      auto* s = static_cast<const Subscript*>(e);
      expr(s->value, PR_ATOM, out);
      out += '[';
      auto* t = as<ast::Tuple>(s->slice);
      if (t && !t->elts.empty()) {
        join(t->elts, PR_TEST);
        if (t->elts.size() == 1) out += ',';
      } else {
        expr(s->slice, PR_TUPLE, out);
      }
      out += ']';
      return;
    }
    case Kind::Starred:
      out += '*';
      expr(static_cast<const Starred*>(e)->value, PR_EXPR, out);
      return;
    case Kind::Name: out += static_cast<const Name*>(e)->id; return;
    case Kind::List:
      out += '[';
      join(static_cast<const ast::List*>(e)->elts, PR_TEST);
      out += ']';
      return;
    case Kind::Tuple: {
      auto* t = static_cast<const ast::Tuple*>(e);
      if (t->elts.empty()) { out += "()"; return; }
      open(PR_TUPLE);
      join(t->elts, PR_TEST);
      if (t->elts.size() == 1) out += ',';
      close(PR_TUPLE);
      return;
    }
    case Kind::Slice: {
      auto* s = static_cast<const Slice*>(e);
      if (s->lower) expr(s->lower, PR_TEST, out);
      out += ':';
      if (s->upper) expr(s->upper, PR_TEST, out);
      if (s->step) {
        out += ':';
        expr(s->step, PR_TEST, out);
      }
      return;
    }
    case Kind::NamedExpr: {
      auto* n = static_cast<const NamedExpr*>(e);
      open(PR_TUPLE);
      expr(n->target, PR_ATOM, out);
      out += " := ";
      expr(n->value, PR_ATOM, out);
      close(PR_TUPLE);
      return;
    }
    default:
      failed = true;  // not an expression node
      return;
  }
}

}  // namespace

Result<Str*> unparse_annotation(const ast::expr* e) {
  Unparser u;
  std::string out;
  u.expr(e, PR_TEST, out);
  if (u.failed) {
    if (exc_pending()) return ERR;
    return raise(tp_RecursionError, "maximum recursion depth exceeded during compilation");
  }
  return str_new(out);
}

}  // namespace gilpy::compiler
