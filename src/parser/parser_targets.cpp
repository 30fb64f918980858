// Assignment/deletion targets: validation with CPython's messages
// ("cannot assign to function call", ...) and setting expr_context.
#include "parser/parser_internal.h"

namespace gilpy::parser {

using namespace ast;

const char* Parser::expr_name(const expr* e) {
  switch (e->kind) {
    case Kind::Attribute: return "attribute";
    case Kind::Subscript: return "subscript";
    case Kind::Starred: return "starred";
    case Kind::Name: return "name";
    case Kind::List: return "list";
    case Kind::Tuple: return "tuple";
    case Kind::Lambda: return "lambda";
    case Kind::Call: return "function call";
    case Kind::BoolOp: case Kind::BinOp: case Kind::UnaryOp: return "expression";
    case Kind::GeneratorExp: return "generator expression";
    case Kind::Yield: case Kind::YieldFrom: return "yield expression";
    case Kind::Await: return "await expression";
    case Kind::ListComp: return "list comprehension";
    case Kind::SetComp: return "set comprehension";
    case Kind::DictComp: return "dict comprehension";
    case Kind::Dict: return "dict literal";
    case Kind::Set: return "set display";
    case Kind::JoinedStr: case Kind::FormattedValue: return "f-string expression";
    case Kind::Compare: return "comparison";
    case Kind::IfExp: return "conditional expression";
    case Kind::NamedExpr: return "named expression";
    case Kind::Slice: return "slice";
    case Kind::Constant:
      switch (static_cast<const Constant*>(e)->value.kind) {
        case ConstantValue::Kind::None: return "None";
        case ConstantValue::Kind::True: return "True";
        case ConstantValue::Kind::False: return "False";
        case ConstantValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    default: return "expression";
  }
}

const expr* Parser::invalid_target(const expr* e, expr_context ctx, bool for_targets) {
  // Iterative along the left side of `in` comparisons (`for a in b in c in ...`).
  for (;;) {
    switch (e->kind) {
      case Kind::Name:
      case Kind::Attribute:
      case Kind::Subscript:
        return nullptr;
      case Kind::Starred:
        if (ctx == expr_context::Del) return e;
        return invalid_target(static_cast<const Starred*>(e)->value, ctx, for_targets);
      case Kind::Tuple:
        for (const expr* x : static_cast<const Tuple*>(e)->elts)
          if (const expr* bad = invalid_target(x, ctx, for_targets)) return bad;
        return nullptr;
      case Kind::List:
        for (const expr* x : static_cast<const List*>(e)->elts)
          if (const expr* bad = invalid_target(x, ctx, for_targets)) return bad;
        return nullptr;
      case Kind::Compare: {
        if (!for_targets) return e;
        auto* c = static_cast<const Compare*>(e);
        if (c->ops.empty() || c->ops[0] != cmpop::In) return nullptr;
        e = c->left;
        continue;
      }
      default:
        return e;
    }
  }
}

bool Parser::set_context(expr* e, expr_context ctx) {
  if (const expr* bad = invalid_target(e, ctx)) {
    error_node(bad, std::string(ctx == expr_context::Del ? "cannot delete " : "cannot assign to ") +
                        expr_name(bad));
    return false;
  }
  // Iterative over the (valid) tree: only containers recurse, and their
  // depth is bounded by the bracket limit.
  switch (e->kind) {
    case Kind::Name: static_cast<Name*>(e)->ctx = ctx; break;
    case Kind::Attribute: static_cast<Attribute*>(e)->ctx = ctx; break;
    case Kind::Subscript: static_cast<Subscript*>(e)->ctx = ctx; break;
    case Kind::Starred:
      static_cast<Starred*>(e)->ctx = ctx;
      set_context(static_cast<Starred*>(e)->value, ctx);
      break;
    case Kind::Tuple:
      static_cast<Tuple*>(e)->ctx = ctx;
      for (expr* x : static_cast<Tuple*>(e)->elts) set_context(x, ctx);
      break;
    case Kind::List:
      static_cast<List*>(e)->ctx = ctx;
      for (expr* x : static_cast<List*>(e)->elts) set_context(x, ctx);
      break;
    default: break;
  }
  return true;
}

}  // namespace gilpy::parser
