// The recursive-descent parser's shared declarations (private to
// src/parser). One Parser object parses one token stream; it has no global
// state, so any number of threads may parse concurrently.
//
// Error convention: parsing functions return nullptr / false on failure after
// recording the first error in err_; once an error is recorded every caller
// unwinds immediately. The grammar is Python 3.11's (docs: "Full Grammar
// specification"), written by hand: look-ahead is by token, and a few
// ambiguous spots (parenthesised with-items, targets) re-parse after saving
// the position.
#pragma once
#include <cstdint>
#include <unordered_map>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.h"
#include "parser/parser.h"
#include "tokenizer/tokenizer.h"

namespace gilpy::parser {

using tokenizer::Kw;
using tokenizer::Op;
using tokenizer::Token;
using tokenizer::TokKind;

struct Pos {
  int line, col;
};
struct StrPrefix;
class FStringBuilder;

// Nesting limit for recursive constructs (expressions, blocks); past it the
// parse fails with a SyntaxError instead of overflowing the C stack.
inline constexpr int kMaxNesting = 1000;
inline constexpr const char* kTooDeep = "too many nested expressions or blocks";

class Parser {
 public:
  Parser(const tokenizer::Tokenizer& tz, ast::Arena& arena, std::string_view filename);
  ast::Node* run(Mode mode);
  Mode mode_ = Mode::Exec;  // set by run(); error positions depend on it
  std::optional<SyntaxErrorInfo>& error() { return err_; }

  // ---- tokens
  const Token& tok() const { return toks_[pos_]; }
  const Token& peek(int k = 1) const {
    size_t i = pos_ + k;
    return toks_[i < toks_.size() ? i : toks_.size() - 1];
  }
  const Token& prev() const { return toks_[pos_ > 0 ? pos_ - 1 : 0]; }
  void advance() {
    if (pos_ + 1 < toks_.size()) pos_++;
    if (pos_ > max_pos_) max_pos_ = pos_;
  }
  bool at(Op o) const { return tok().is(o); }
  bool at(Kw k) const { return tok().is(k); }
  bool at(TokKind k) const { return tok().kind == k; }
  bool accept(Op o) {
    if (!at(o)) return false;
    advance();
    return true;
  }
  bool accept(Kw k) {
    if (!at(k)) return false;
    advance();
    return true;
  }
  // A token's text; a NAME with non-ASCII characters in NFKC form, as
  // PEP 3131 compares identifiers (`𝔘𝔫𝔦𝔠𝔬𝔡𝔢` is the name `Unicode`).
  std::string_view text(const Token& t) const {
    std::string_view raw = tz_.text(t);
    if (t.kind != TokKind::Name) return raw;
    for (char c : raw)
      if (static_cast<unsigned char>(c) >= 0x80) return normalized_name(t, raw);
    return raw;
  }
  std::string_view normalized_name(const Token& t, std::string_view raw) const;
  bool at_soft(std::string_view kw) const { return tok().is_ident() && text(tok()) == kw; }
  // Consumes `o` or records "expected '<o>'"-style failure (generic when msg is null).
  bool expect(Op o, const char* msg = nullptr);
  bool expect_header_colon();

  // ---- positions
  static Pos start(const Token& t) { return {t.lineno, t.col}; }
  static Pos start(const ast::Node* n) { return {n->lineno, n->col_offset}; }
  static Pos end(const Token& t) { return {t.end_lineno, t.end_col}; }
  static Pos end(const ast::Node* n) { return {n->end_lineno, n->end_col_offset}; }
  template <class T>
  T* mk(Pos s, Pos e) {
    T* n = arena_.make<T>();
    n->lineno = s.line;
    n->col_offset = s.col;
    n->end_lineno = e.line;
    n->end_col_offset = e.col;
    return n;
  }
  // End of the last consumed token that is not NEWLINE/INDENT/DEDENT: a
  // compound statement ends there (a trailing ';' included), as in CPython.
  Pos last_token_end() const {
    size_t i = pos_;
    while (i > 0) {
      const Token& t = toks_[--i];
      if (t.kind != TokKind::Newline && t.kind != TokKind::Indent && t.kind != TokKind::Dedent)
        return end(t);
    }
    return end(toks_[0]);
  }
  // Node spanning from s to the end of the last consumed token.
  template <class T>
  T* mk(Pos s) { return mk<T>(s, end(prev())); }

  // ---- errors
  bool failed() const { return err_.has_value(); }
  std::nullptr_t error_range(Pos s, Pos e, std::string msg, const char* type = "SyntaxError");
  std::nullptr_t error_at(const Token& t, std::string msg, const char* type = "SyntaxError");
  std::nullptr_t error_node(const ast::Node* n, std::string msg) {
    return error_range(start(n), end(n), std::move(msg));
  }
  std::nullptr_t error_tokenizer();
  bool starts_comprehension();  // at `for` or `async for`
  std::nullptr_t unparenthesized_target(const std::vector<ast::expr*>& elts);
  void take_tokenizer_warnings();
  SyntaxErrorInfo info_from_tokenizer(const tokenizer::TokError& te) const;
  bool legacy_call(ast::expr* e);  // `print x`: CPython's "Missing parentheses" error
  SyntaxErrorInfo info_at(Pos s, Pos e, std::string msg, const char* type) const;
  // Record a warning at token t, once however often backtracking re-parses it.
  void warn_at(const Token& t, std::string msg, const char* category);
  std::vector<SyntaxErrorInfo>& warnings() { return warnings_; }
  // Generic failure at the current token: "invalid syntax", or the error CPython
  // would prefer there (tokenizer errors, unexpected indent, unclosed brackets).
  std::nullptr_t fail();
  bool has_tokenizer_error() const;
  // The error recorded is the generic "invalid syntax" (no tokenizer error,
  // none of CPython's specific messages): where CPython's second pass would
  // try one of its invalid_* rules, the caller may try it now.
  bool generic_error() const;
  // The error recorded is one CPython raises even without its invalid rules
  // (its dict display's are not behind that switch, so they fire in its first
  // pass and inside expression_without_invalid): a tentative parse keeps it.
  bool first_pass_error() const;
  // Where CPython's tokenizer starts a NEWLINE token: at a trailing comment.
  Pos newline_error_start(const Token& nl) const;
  // CPython's RAISE_SYNTAX_ERROR_STARTING_FROM: from s to the end of the
  // furthest token read.
  std::nullptr_t error_starting_from(Pos s, std::string msg);
  // CPython's CHECK_VERSION under ast.parse(..., feature_version=(3, N)):
  // true when the construct is allowed (N >= minor, or no feature version);
  // else records "<what> only supported in Python 3.<minor> and greater" at
  // the furthest token read (error_at_furthest) and returns false.
  // `ends_block`: the construct ends with a block its rule reads nothing
  // after (a def, a with, a finally): CPython read up to the block's last
  // token (NEWLINE or DEDENT), where this parser stands one token further.
  bool version_ok(int minor, const char* what, bool ends_block = false);
  // CPython's RAISE_SYNTAX_ERROR: an error at the last token its parser
  // fetched. A DEDENT or ENDMARKER there has no column of its own: the error
  // then starts where the tokenizer stands (the next token's indentation, or
  // past the last line at the end) with no end column.
  std::nullptr_t error_at_furthest(std::string msg, bool ends_block = false);

  struct DepthGuard {
    Parser& p;
    bool ok;
    explicit DepthGuard(Parser& pp) : p(pp), ok(++pp.depth_ <= kMaxNesting) {
      if (!ok) p.too_deep();
    }
    ~DepthGuard() { --p.depth_; }
  };
  void too_deep();

  ast::Node* func_type();  // Mode::FuncType's input: `(argument types) -> return type`
  // At a TypeComment token: its text, consumed (else nothing).
  std::optional<std::string> type_comment();

  // ---- statements (parser_stmt.cpp)
  bool statements_until_end(std::vector<ast::stmt*>& out);
  bool statement(std::vector<ast::stmt*>& out);
  bool simple_stmts(std::vector<ast::stmt*>& out);
  ast::stmt* simple_stmt();
  ast::stmt* compound_stmt();
  // what: the statement named by "expected an indented block after ..."
  // (null: none); furthest: a token a lookahead read, where that error is.
  bool block(std::vector<ast::stmt*>& out, const Token& header, const char* what, size_t furthest = 0);
  std::nullptr_t indentation_error_at(const Token& t, std::string msg);
  ast::stmt* if_stmt(const Token& kw);
  ast::stmt* while_stmt();
  ast::stmt* for_stmt(Pos s, bool is_async);
  ast::stmt* with_stmt(Pos s, bool is_async);
  ast::stmt* try_stmt();
  ast::stmt* funcdef(Pos s, std::vector<ast::expr*> decorators, bool is_async);
  ast::stmt* classdef(Pos s, std::vector<ast::expr*> decorators);
  ast::stmt* decorated();
  ast::stmt* import_name();
  ast::stmt* import_from();
  ast::stmt* expr_stmt();
  bool withitem_list(std::vector<ast::withitem*>& items, bool in_parens);
  bool with_parens_missing_colon(size_t lpar);
  // CPython's invalid_for_target, for `for` statements and comprehension
  // clauses whose targets (from token index `targets`) are not followed by
  // 'in' or cannot be assigned. Records the error; always returns nullptr.
  std::nullptr_t invalid_for_target(size_t targets);

  // ---- match statements (parser_match.cpp)
  // At a `match` NAME starting a statement: 1 = parsed a match statement (or
  // the ordinary statement it turned out to be) into out, 0 = not a match
  // statement (nothing consumed), -1 = error recorded.
  int match_stmt(std::vector<ast::stmt*>& out);
  ast::expr* match_subject();
  ast::match_case* case_block();
  ast::pattern* patterns();
  ast::pattern* maybe_star_pattern();
  ast::pattern* star_pattern();
  ast::pattern* pattern_();
  ast::pattern* or_pattern();
  ast::pattern* closed_pattern();
  ast::pattern* mapping_pattern();
  ast::pattern* class_pattern(ast::expr* cls, Pos s);
  ast::expr* name_or_attr();
  ast::expr* literal_number();
  ast::expr* mapping_key();
  bool at_capture_target() const;

  // ---- expressions (parser_expr.cpp)
  ast::expr* expressions();
  ast::expr* expression();
  // in_args: a call's positional argument, whose '=' the argument parser reports itself.
  ast::expr* named_expression(bool in_args = false);
  ast::expr* invalid_assignment_in_expression(ast::expr* e);
  ast::expr* star_expressions();
  ast::expr* star_expression();
  ast::expr* star_named_expression();
  ast::expr* disjunction();
  ast::expr* disjunction_parse();
  ast::expr* conjunction();
  ast::expr* inversion();
  ast::expr* comparison();
  ast::expr* bitwise_or();
  ast::expr* binary(int level);
  ast::expr* factor();
  ast::expr* power();
  ast::expr* await_primary();
  ast::expr* primary();
  ast::expr* atom();
  ast::expr* paren_atom();
  ast::expr* list_atom();
  ast::expr* brace_atom();
  ast::expr* lambdef();
  ast::expr* yield_expr();
  ast::expr* slices();
  ast::expr* slice();
  ast::expr* number(const Token& t);
  ast::expr* star_targets();
  ast::expr* star_target();
  bool comprehension_clauses(std::vector<ast::comprehension*>& out);
  bool starts_expression(const Token& t) const;
  ast::expr* check_missing_comma(ast::expr* a, size_t first);
  ast::expr* legacy_expression(ast::expr* e, size_t first);
  // CPython's invalid_expression applies at the expression starting at
  // token `first` (not a NAME followed by a STRING, nor a soft keyword).
  bool comma_rule_applies(size_t first) const;
  // At '*' after a dictionary key and ':' (CPython's invalid_kvpair): records
  // "cannot use a starred expression in a dictionary value", or the error of
  // the bitwise_or that should follow.
  void starred_dict_value();
  ast::expr* tuple_tail(ast::expr* first, Pos s, ast::expr* (Parser::*elem)());

  // ---- calls and parameters (parser_args.cpp)
  ast::expr* call(ast::expr* func, Pos s);
  // At '(' : parses call arguments through the matching ')'.
  bool call_arguments(std::vector<ast::expr*>& args, std::vector<ast::keyword*>& kws,
                      Pos lpar);
  ast::arguments* parameters(bool is_lambda);
  ast::arg* param(bool is_lambda, bool star_annotation);
  // At '(' where a parameter belongs: CPython's "... parameters cannot be
  // parenthesized" when names (def: with annotations) and a ')' follow.
  bool parenthesized_params(bool is_lambda);

  // ---- targets (parser_targets.cpp)
  // Sets ctx on a target tree; on an invalid target records the CPython
  // error ("cannot assign to ...") and returns false.
  bool set_context(ast::expr* e, ast::expr_context ctx);
  // for_targets: CPython's FOR_TARGETS, where `x in y` (a comparison whose
  // first operator is `in`) stands for its left side and other comparisons
  // are no target error at all.
  static const ast::expr* invalid_target(const ast::expr* e, ast::expr_context ctx, bool for_targets = false);
  static const char* expr_name(const ast::expr* e);

  // ---- string literals (strings.cpp, fstring.cpp)
  ast::expr* strings();
  // Splits an f-string token body into literal text and replacement fields.
  bool fstring_body(FStringBuilder& fb, const Token& t, std::string_view body, const StrPrefix& p,
                    int depth);
  // Scans from body[i] until the end of body, or (depth > 0, a format spec)
  // until the '}' closing the enclosing field, leaving i there.
  bool fstring_scan(FStringBuilder& fb, const Token& t, std::string_view body, size_t& i,
                    const StrPrefix& p, int depth);
  bool fstring_field(FStringBuilder& fb, const Token& t, std::string_view body, size_t& i,
                     const StrPrefix& p, int depth);
  // Parses the expression text of a replacement field located at source
  // position (line, col); nullptr (error recorded) on failure.
  ast::expr* fstring_expr(std::string_view code, const Token& t, Pos at);
  std::nullptr_t ferror(const Token& t, std::string msg);

  const tokenizer::Tokenizer& tz_;
  const std::vector<Token>& toks_;
  ast::Arena& arena_;
  mutable std::unordered_map<uint32_t, std::string> normalized_;  // token start -> NFKC name (stable nodes)
  std::string filename_;
  size_t pos_ = 0;
  size_t max_pos_ = 0;  // furthest token the parser has looked at
  int depth_ = 0;
  std::optional<SyntaxErrorInfo> err_;
  bool class_bases_ = false;   // parsing a class statement's arguments (no generator expression)
  int fstring_col_shift_ = 0;  // an f-string expression's sub-parser: CPython's column shift (fstring_expr)
  bool no_invalid_ = false;  // parsing CPython's expression_without_invalid (see check_missing_comma)
  std::vector<SyntaxErrorInfo> warnings_;
  int feature_version_ = -1;  // ast.parse's feature_version minor (-1: none, the current version)
  // invalid_for_target's outcome per position of the targets (the error it
  // recorded, or none): nested failing comprehensions re-parse each other's
  // tokens, and this keeps that linear instead of exponential.
  std::unordered_map<size_t, std::optional<SyntaxErrorInfo>> for_target_memo_;
  std::unordered_map<size_t, std::optional<SyntaxErrorInfo>> legacy_memo_;  // legacy_expression's, likewise
  bool legacy_too_deep_ = false;  // a legacy_expression chain hit the nesting limit
  // Disjunctions found by a parse without the invalid rules, by first token
  // (e null: it failed; end: the token after it). See disjunction().
  struct MemoDisjunction {
    ast::expr* e;
    size_t end;
  };
  using DisjunctionMemo = std::unordered_map<size_t, MemoDisjunction>;
  DisjunctionMemo* disjunction_record_ = nullptr;               // filled while set
  std::vector<const DisjunctionMemo*> disjunction_replay_;      // consulted, innermost last
  DisjunctionMemo comma_memo_;  // check_missing_comma's, for the expression from token comma_memo_at_
  size_t comma_memo_at_ = SIZE_MAX;
  // Parsing as CPython's PEG parser backtracks, where the caller only wants
  // the part that parses (invalid_for_target): a comparison ends before an
  // operand that does not parse, a conditional without its 'else' is the
  // part before 'if', a tuple ends at a comma before what does not parse.
  bool peg_backtrack_ = false;
  // Parses without the invalid rules (no_invalid_) backtrack so too.
  bool peg() const { return peg_backtrack_ || no_invalid_; }
};

}  // namespace gilpy::parser
