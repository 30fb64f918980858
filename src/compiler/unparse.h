// Expression -> source text as CPython 3.11 regenerates it (unparse.cpp).
#pragma once
#include "parser/ast.h"
#include "runtime/object.h"

namespace gilpy {
struct Str;
}

namespace gilpy::compiler {

// The string an annotation is stored as under `from __future__ import
// annotations` (PEP 563). Raises RecursionError for absurdly deep trees.
Result<Str*> unparse_annotation(const ast::expr* e);
// The Python value of a literal constant (what LOAD_CONST pushes).
Value constant_to_value(const ast::ConstantValue& c);

}  // namespace gilpy::compiler
