// Shared state of the _ast module (modules/_ast.cpp) and the converters between the C++ AST
// and _ast objects (modules/ast_convert.cpp).
//
// Invariant: once `ast_state()` has succeeded, every Type* and Value here is a class or
// instance stored in the _ast module's dict (which sys.modules keeps alive), and the struct
// itself is static data, which the collector scans. The classes never change identity: the
// module is created once per process.
#pragma once
#include "parser/ast.h"
#include "runtime/object.h"

namespace gilpy {

struct Str;

namespace astpy {

// Counts of the ASDL enum sums (mirrors parser/ast.h's enums; names come from ast::enum_name).
inline constexpr int kNumCtx = 3, kNumBoolop = 2, kNumOperator = 13, kNumUnaryop = 4, kNumCmpop = 10;

struct State {
  Type* AST = nullptr;
  // The abstract sum classes.
  Type *mod, *stmt, *expr, *expr_context, *boolop, *operator_, *unaryop, *cmpop, *excepthandler,
      *pattern, *type_ignore;
  // One class per C++ node kind, indexed by ast::Kind.
  Type* node[ast::kNumKinds];
  // The enum classes and the shared instance of each the parser output uses (as CPython does).
  Type* ctx[kNumCtx];
  Value ctx_inst[kNumCtx];
  Type* boolop_t[kNumBoolop];
  Value boolop_inst[kNumBoolop];
  Type* operator_t[kNumOperator];
  Value operator_inst[kNumOperator];
  Type* unaryop_t[kNumUnaryop];
  Value unaryop_inst[kNumUnaryop];
  Type* cmpop_t[kNumCmpop];
  Value cmpop_inst[kNumCmpop];
  Str *lineno, *col_offset, *end_lineno, *end_col_offset;
};

// The state, importing _ast first if needed (ImportError etc. propagate).
Result<State*> ast_state();

}  // namespace astpy
}  // namespace gilpy
