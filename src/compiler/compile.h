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

// compile()'s flags the compiler itself reads (CPython's values).
// PyCF_ALLOW_TOP_LEVEL_AWAIT: module-level code may use await, async for,
// async with and asynchronous comprehensions; a module that does gets
// CO_COROUTINE, so running it (eval, or a function made from it) gives a
// coroutine (asyncio's REPL relies on this).
constexpr int kAllowTopLevelAwait = 0x2000;

// Compile a parsed tree. Raises SyntaxError (with file, line, column and the
// source line taken from `source`) on compile-time errors.
Result<Code*> compile_ast(const ast::Node* root, std::string_view source, Str* filename, parser::Mode mode,
                          int flags = 0);
// Parse and compile; SyntaxError on bad input.
Result<Code*> compile_source(std::string_view source, Str* filename, parser::Mode mode, int flags = 0);
// Issue a parse's warnings through the warnings module; one that a filter
// turns into an error raises SyntaxError at its place (compile_warnings.cpp).
Status issue_warnings(const std::vector<parser::SyntaxErrorInfo>& warnings, Str* filename);
// Raise the Python SyntaxError/IndentationError/TabError for a parse error.
Err raise_syntax_error(const parser::SyntaxErrorInfo& e);
// True when a recursive pass over expressions nested `depth` deep must stop:
// beyond 3x the recursion limit (CPython's compiler limit) or near the end of
// the C stack. The pass then fails with RecursionError "maximum recursion
// depth exceeded during compilation" (long chains like a.b.b.b... or
// x+x+x... parse iteratively but nest in the tree).
bool compile_too_deep(int depth);

}  // namespace gilpy::compiler
