// The compiler's entry point: AST -> code object.
#pragma once
#include <string_view>

#include "parser/ast.h"
#include "parser/parser.h"
#include "runtime/object.h"

namespace gilpy {
struct Code;
struct Str;
}

namespace gilpy::compiler {

// Compile a parsed tree. Raises SyntaxError (with file, line, column and the
// source line taken from `source`) on compile-time errors.
Result<Code*> compile_ast(const ast::Node* root, std::string_view source, Str* filename, parser::Mode mode);
// Parse and compile; SyntaxError on bad input.
Result<Code*> compile_source(std::string_view source, Str* filename, parser::Mode mode);
// Raise the Python SyntaxError/IndentationError/TabError for a parse error.
Err raise_syntax_error(const parser::SyntaxErrorInfo& e);

}  // namespace gilpy::compiler
