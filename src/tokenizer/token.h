// Token kinds and the Token record produced by the tokenizer. Tokens refer to
// the decoded (UTF-8, newline-normalised) source by byte offsets; columns are
// 0-based UTF-8 byte offsets within their line, as in CPython's AST.
#pragma once

#include <cstdint>
#include <string_view>

namespace gilpy::tokenizer {

enum class TokKind : uint8_t {
  EndMarker,
  Name,
  Number,
  String,
  Newline,
  Indent,
  Dedent,
  Op,
  Comment,  // only when Options::comments_and_nl
  NL,       // only when Options::comments_and_nl
  ErrorTok, // a stray character such as `$` or `?` (the parser rejects it)
  Error,    // last token of a stream whose tokenization failed
  TypeComment,  // `# type: X` (text: X) when Options::type_comments
};

enum class Op : uint8_t {
  None,
#define OP(name, text) name,
#include "tokenizer/operators.def"
#undef OP
};

enum class Kw : uint8_t {
  NotKw,  // an identifier or soft keyword
#define KW(name, text) name,
#include "tokenizer/keywords.def"
#undef KW
};

const char* op_name(Op op);  // "LPAR", ...
const char* op_text(Op op);  // "(", ...
const char* kw_text(Kw kw);  // "if", ...

struct Token {
  TokKind kind = TokKind::EndMarker;
  Op op = Op::None;  // kind == Op
  Kw kw = Kw::NotKw;  // kind == Name: which hard keyword, if any
  uint8_t level = 0;  // bracket nesting depth after this token
  uint32_t start = 0, end = 0;  // byte range in the decoded source
  int lineno = 0, col = 0, end_lineno = 0, end_col = 0;

  bool is(Op o) const { return kind == TokKind::Op && op == o; }
  bool is(Kw k) const { return kind == TokKind::Name && kw == k; }
  // A NAME that is not a hard keyword (an identifier or soft keyword).
  bool is_ident() const { return kind == TokKind::Name && kw == Kw::NotKw; }
};

}  // namespace gilpy::tokenizer
