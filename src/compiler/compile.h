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

struct CompileErrorInfo;

// Of compile()'s PyCF_* flags the compiler reads PyCF_ALLOW_TOP_LEVEL_AWAIT:
// module-level code may then use await, async for, async with and
// asynchronous comprehensions; a module that does gets CO_COROUTINE, so
// running it (eval, or a function made from it) gives a coroutine (asyncio's
// REPL relies on this).

// Compile a parsed tree. Raises SyntaxError (with file, line, column and the
// source line taken from `source`) on compile-time errors. `flags` are
// compile()'s: CO_FUTURE_* features already in force (inherited from the
// calling code or given) and PyCF_* options (bytecode/opcodes.h).
// `optimize` is compile()'s: -1 is the interpreter's level (-O,
// PYTHONOPTIMIZE); 1 drops assert statements and makes __debug__ False; 2
// also drops docstrings.
Result<Code*> compile_ast(const ast::Node* root, std::string_view source, Str* filename, parser::Mode mode,
                          uint32_t flags = 0, int optimize = -1);
// Parse and compile; SyntaxError on bad input.
Result<Code*> compile_source(std::string_view source, Str* filename, parser::Mode mode, uint32_t flags = 0,
                             int optimize = -1);
// Issue a parse's warnings through the warnings module; one that a filter
// turns into an error raises SyntaxError at its place (compile_warnings.cpp).
Status issue_warnings(const std::vector<parser::SyntaxErrorInfo>& warnings, Str* filename);
// Raise the Python SyntaxError/IndentationError/TabError for a parse error.
Err raise_syntax_error(const parser::SyntaxErrorInfo& e);
// Raise the SyntaxError (or RecursionError) for an error the future scan or
// the symbol table found in `source`, as compile() reports it.
Err raise_compile_error(const CompileErrorInfo& err, std::string_view source, Str* filename);
// True when a recursive pass over expressions nested `depth` deep must stop:
// beyond 3x the recursion limit (CPython's compiler limit) or near the end of
// the C stack. The pass then fails with RecursionError "maximum recursion
// depth exceeded during compilation" (long chains like a.b.b.b... or
// x+x+x... parse iteratively but nest in the tree).
bool compile_too_deep(int depth);

}  // namespace gilpy::compiler
