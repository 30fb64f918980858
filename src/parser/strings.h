// Internal helpers shared by strings.cpp and fstring.cpp (private to src/parser).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parser/parser_internal.h"

namespace gilpy::parser {

struct StrPrefix {
  bool raw = false, bytes = false, fmt = false, u = false;
  int body_offset = 0;  // bytes from token start to the first body character
};

// Splits a STRING token into prefix flags and the text between the quotes.
StrPrefix split_prefix(std::string_view tok, std::string_view& body);

// Appends the value of a non-raw literal body to out (UTF-8 / raw bytes).
// Returns false with err set to CPython's message on a bad escape. An
// invalid escape (kept verbatim) or an octal escape above 0o377 sets *warning
// to CPython 3.11's DeprecationWarning message for the first of them.
bool decode_escapes(std::string_view body, bool bytes, std::string& out, std::string& err,
                    std::string* warning = nullptr);

// Accumulates the pieces of one JoinedStr: adjacent literal text is merged
// into a single Constant, empty text is dropped. Every piece gets the span
// of the whole (concatenated) literal, as CPython 3.11 does.
class FStringBuilder {
 public:
  FStringBuilder(Parser& p, Pos s, Pos e, bool u) : p_(p), s_(s), e_(e), u_(u) {}
  void literal(std::string_view text) { lit_ += text; }
  void value(ast::expr* v) {
    flush();
    values_.push_back(v);
  }
  ast::JoinedStr* finish() {
    flush();
    auto* j = p_.mk<ast::JoinedStr>(s_, e_);
    j->values = std::move(values_);
    return j;
  }
  Pos start() const { return s_; }
  Pos end() const { return e_; }
  bool u() const { return u_; }

 private:
  void flush() {
    if (lit_.empty()) return;
    auto* c = p_.mk<ast::Constant>(s_, e_);
    c->value.kind = ast::ConstantValue::Kind::Str;
    c->value.text = std::move(lit_);
    if (u_) c->str_kind = "u";
    lit_.clear();
    values_.push_back(c);
  }
  Parser& p_;
  Pos s_, e_;
  bool u_;
  std::string lit_;
  std::vector<ast::expr*> values_;
};

}  // namespace gilpy::parser
