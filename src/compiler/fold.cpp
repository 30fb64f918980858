// Constant folding: the compiler's version of CPython 3.11's AST optimiser
// (Python/ast_opt.c), so that `-1`, `2 ** 10`, `"ab" * 3`, `(1, (2, 3))` and
// `x in [1, 2]` compile to one LOAD_CONST as CPython's do, and dis shows the
// same instructions.
//
// What folds (CPython's rules):
//  * unary -, +, ~, not of a constant;
//  * a binary operator (not @) on two constants, unless the result could be
//    big: int results over 128 bits from *, ** and <<, sequences over 4096
//    characters / 256 items from *, and no `%` on str or bytes (formatting);
//  * a tuple of constants, a constant subscripted by a constant;
//  * the last operand of `in` / `not in`, and the iterable of `for` and of
//    comprehensions: a list display of constants becomes a tuple, a set
//    display a frozenset.
// An operation that raises (1/0, "a" + 1) is left for run time, where it
// raises in its place. The folded Value is made by the same runtime
// operations the eval loop would run, so it is exactly the run-time result.
//
// Cost: a subtree that does not fold is remembered (unfoldable_), so each
// node is examined once however deep the expression.
#include "compiler/codegen.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::compiler {

using namespace bytecode;
using namespace ast;

namespace {

constexpr int64_t kMaxIntBits = 128;
constexpr int64_t kMaxCollection = 256;
constexpr int64_t kMaxStr = 4096;
constexpr int kMaxDepth = 200;  // deeper constant expressions are left to run time

int64_t bit_length(Value v) {
  if (v.is_small()) {
    int64_t x = v.as_small();
    uint64_t m = x < 0 ? uint64_t(-(x + 1)) + 1 : uint64_t(x);
    return m ? 64 - __builtin_clzll(m) : 0;
  }
  mpz_t z;
  int_to_mpz(v, z);
  int64_t bits = mpz_sgn(z) ? int64_t(mpz_sizeinbase(z, 2)) : 0;
  mpz_clear(z);
  return bits;
}

bool exact_int(Value v) { return v.is_small() || v.type() == tp_int; }

// Length of a str, bytes or tuple constant; -1 for anything else.
int64_t seq_length(Value v, int64_t* limit) {
  if (v.type() == tp_str) { *limit = kMaxStr; return as_str(v)->length; }
  if (v.type() == tp_bytes) { *limit = kMaxStr; return as_bytes(v)->size; }
  if (v.type() == tp_tuple) { *limit = kMaxCollection; return v.as<gilpy::Tuple>()->size; }
  return -1;
}

// CPython's safe_multiply / safe_power / safe_lshift / safe_mod guards.
bool small_enough(int op, Value a, Value b) {
  switch (op) {
    case NB_MULTIPLY: {
      if (exact_int(a) && exact_int(b)) return bit_length(a) + bit_length(b) <= kMaxIntBits;
      if (exact_int(b)) std::swap(a, b);
      int64_t limit;
      int64_t n = exact_int(a) ? seq_length(b, &limit) : -1;
      if (n <= 0) return true;
      int64_t times;
      if (!int_fits_i64(a, &times)) return false;
      return times >= 0 && times <= limit / n;
    }
    case NB_POWER:
      if (exact_int(a) && exact_int(b) && int_sign(a) != 0 && int_sign(b) > 0) {
        int64_t e;
        if (!int_fits_i64(b, &e)) return false;
        return bit_length(a) <= kMaxIntBits / e;
      }
      return true;
    case NB_LSHIFT:
      if (exact_int(a) && exact_int(b) && int_sign(a) != 0 && int_sign(b) != 0) {
        int64_t s;
        if (!int_fits_i64(b, &s) || s > kMaxIntBits) return false;
        return bit_length(a) <= kMaxIntBits - s;
      }
      return true;
    case NB_REMAINDER: return a.type() != tp_str && a.type() != tp_bytes;
    case NB_MATRIX_MULTIPLY: return false;
    default: return true;
  }
}

// The result of a runtime operation, or null (and no pending exception) if
// it raised. KeyboardInterrupt stays pending, as CPython leaves it.
Value keep(Result<Value> r) {
  if (r.ok()) return r.value();
  if (!exc_matches(tp_KeyboardInterrupt)) exc_clear();
  return Value();
}

}  // namespace

Value Compiler::fold(ast::expr* e, int depth) {
  if (e->kind == Kind::Constant) return constant_value(static_cast<Constant*>(e)->value);
  // __debug__ is a constant, as in CPython's AST optimiser: False under -O.
  if (e->kind == Kind::Name) {
    auto* n = static_cast<Name*>(e);
    if (n->ctx == expr_context::Load && n->id == "__debug__") return Bool(optimize_ == 0);
    return Value();
  }
  if (e->kind != Kind::UnaryOp && e->kind != Kind::BinOp && e->kind != Kind::Tuple && e->kind != Kind::Subscript)
    return Value();  // nothing else folds
  if (depth > kMaxDepth || unfoldable_.count(e)) return Value();
  Value v;
  switch (e->kind) {
    case Kind::UnaryOp: {
      auto* un = static_cast<UnaryOp*>(e);
      Value x = fold(un->operand, depth + 1);
      if (!x) break;
      switch (un->op) {
        case unaryop::USub: v = keep(unary_neg(x)); break;
        case unaryop::UAdd: v = keep(unary_pos(x)); break;
        case unaryop::Invert: v = keep(unary_invert(x)); break;
        case unaryop::Not: {
          Result<bool> t = truthy(x);
          if (t.ok()) v = Bool(!t.value());
          else exc_clear();
          break;
        }
      }
      break;
    }
    case Kind::BinOp: {
      auto* b = static_cast<ast::BinOp*>(e);
      Value l = fold(b->left, depth + 1);
      Value r = l ? fold(b->right, depth + 1) : Value();
      int op = binop_arg_of(b->op);
      if (r && small_enough(op, l, r)) v = keep(binary_op(l, r, op));
      break;
    }
    case Kind::Tuple: {
      auto* t = static_cast<ast::Tuple*>(e);
      if (t->ctx == expr_context::Load) v = fold_sequence(t->elts, false, depth);
      break;
    }
    case Kind::Subscript: {
      auto* s = static_cast<Subscript*>(e);
      if (s->ctx != expr_context::Load || s->slice->kind == Kind::Slice) break;
      Value obj = fold(s->value, depth + 1);
      Value key = obj ? fold(s->slice, depth + 1) : Value();
      if (key) v = keep(getitem(obj, key));
      break;
    }
    default: break;
  }
  if (!v) unfoldable_.insert(e);
  return v;
}

Value Compiler::fold_sequence(const std::vector<ast::expr*>& elts, bool frozen, int depth) {
  gc::Vector<Value> items;
  for (ast::expr* x : elts) {
    if (x->kind == Kind::Starred) return Value();
    Value c = fold(x, depth + 1);
    if (!c) return Value();
    items.push_back(c);
  }
  if (!frozen) {
    gilpy::Tuple* t = tuple_new(int64_t(items.size()));
    for (size_t i = 0; i < items.size(); i++) t->items[i] = items[i];
    return Value(t);
  }
  gilpy::Set* s = set_new(tp_frozenset);
  for (Value x : items)
    if (set_add(s, x).is_err()) {  // an unhashable constant: leave it to run time
      exc_clear();
      return Value();
    }
  // CPython's compiler merges constants by rebuilding a frozenset from its
  // own iteration order; doing the same gives the same order when a set
  // display is built from it (which programs see when they print the set).
  gilpy::Set* merged = set_new(tp_frozenset);
  int64_t pos = 0;
  Value k;
  while (set_next(s, &pos, &k)) (void)set_add(merged, k);
  return Value(merged);
}

// The iterable of `for`, of a comprehension, or the right operand of `in`:
// a list or set display of constants is a tuple or frozenset constant.
Value Compiler::fold_iterable(ast::expr* e) {
  if (e->kind == Kind::List) return fold_sequence(static_cast<ast::List*>(e)->elts, false, 0);
  if (e->kind == Kind::Set) return fold_sequence(static_cast<ast::Set*>(e)->elts, true, 0);
  return Value();
}

}  // namespace gilpy::compiler
