// `from __future__` statements (future.cpp).
#pragma once
#include <cstdint>

#include "compiler/symtable.h"
#include "parser/ast.h"

namespace gilpy::compiler {

struct FutureFeatures {
  uint32_t flags = 0;    // CO_FUTURE_* code flags the module's future block turns on
  int last_lineno = -1;  // line of the block's last future import (-1: no block)
};

// Reads the future block of a Module or Interactive tree into *out. On a bad
// feature returns false with *err set (CPython's message and the statement's
// position).
bool scan_future(const ast::Node* root, FutureFeatures* out, CompileErrorInfo* err);

}  // namespace gilpy::compiler
