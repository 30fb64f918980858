// Public entry points of the front end: parse source text into an AST,
// dump an AST exactly like CPython 3.11's ast.dump(), and format syntax
// errors the way CPython's traceback printer does.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "parser/ast.h"

namespace gilpy::parser {

// FuncType: compile()'s 'func_type' (PEP 484 signature type comments, an
// AST only).
enum class Mode { Exec, Eval, Single, FuncType };

struct SyntaxErrorInfo {
  std::string type;  // "SyntaxError", "IndentationError" or "TabError"
  std::string msg, filename;
  std::string text;  // the offending source line, with its newline ("" if none)
  // offset/end_offset: 1-based columns in characters, like SyntaxError.offset;
  // 0 or -1 where CPython reports no column.
  int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
  bool from_tokenizer = false;  // raised by the tokenizer, not the parser (f-string positions differ)
  bool bare = false;  // a script's decoding error: raised with its message only (tokenizer::TokError::bare)
};

struct ParseResult {
  std::unique_ptr<ast::Arena> arena;
  ast::Node* root = nullptr;  // Module / Expression / Interactive; null on error
  std::optional<SyntaxErrorInfo> error;
  // Warnings to issue (in order) if the source compiles: `type` holds the
  // category ("DeprecationWarning" for invalid escapes), the rest the place
  // a SyntaxError would point at if the warning is turned into an error.
  std::vector<SyntaxErrorInfo> warnings;
};

// The interpreter's limit on decimal digits in an int literal
// (sys.get_int_max_str_digits(); 0 means none), installed by the compiler.
// Null (no limit) in the parser's unit tests.
extern int64_t (*g_int_literal_digit_limit)();

// `source_is_utf8`: the text came from a str (no coding cookie applies).
// `script_file`: the source is the script the command line runs (filename is its path).
// `type_comments`: PyCF_TYPE_COMMENTS (the type_comment fields and
// Module.type_ignores are filled; misplaced type comments are errors).
// `feature_version`: ast.parse(..., feature_version=(3, N)) passes N (compile()'s
// _feature_version; -1 is the current version): constructs newer than 3.N are
// SyntaxErrors, with CPython 3.11's messages ("... are only supported in
// Python 3.8 and greater").
ParseResult parse(std::string_view source, std::string_view filename, Mode mode, bool source_is_utf8 = false,
                  bool script_file = false, bool type_comments = false, int feature_version = -1);

// CPython 3.11's ast.dump(node): no indentation, no attributes. With
// include_attributes, positions are appended as ast.dump(..., include_attributes=True) does.
std::string dump(const ast::Node* n, bool include_attributes = false);

// The block CPython prints for an uncaught SyntaxError:
//   File "x.py", line 1\n    text\n    ^^^\nSyntaxError: msg\n
std::string format_syntax_error(const SyntaxErrorInfo& e);

// Hook for \N{NAME} escapes: sets cp and returns true if NAME is a Unicode
// character name. TODO(unicode): back this with the Unicode name table.
bool lookup_unicode_name(std::string_view name, uint32_t& cp);

}  // namespace gilpy::parser
