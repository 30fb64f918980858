// Parser core: the public parse() entry point, token/error helpers, and the
// CPython-style SyntaxError formatter. Grammar rules live in
// parser_stmt.cpp, parser_expr.cpp, parser_args.cpp, parser_targets.cpp,
// strings.cpp and fstring.cpp.
#include "parser/parser.h"

#include <functional>

#include "common/utf8.h"
#include "parser/parser_internal.h"

namespace gilpy {
std::string unicode_nfkc(std::string_view s);  // modules/unicodedata.cpp
}

namespace gilpy::parser {

Parser::Parser(const tokenizer::Tokenizer& tz, ast::Arena& arena, std::string_view filename)
    : tz_(tz), toks_(tz.tokens()), arena_(arena), filename_(filename) {}

std::nullptr_t Parser::error_range(Pos s, Pos e, std::string msg, const char* type) {
  if (err_) return nullptr;
  // CPython re-tokenizes the rest of the file after a parser error and
  // reports a tokenizer error instead if it finds one. An unclosed bracket at
  // EOF only wins if the parser already reached EOF or the bracket opened on
  // an earlier line than this error.
  if (const auto& te = tz_.error(); te && (!te->deferred || toks_[max_pos_].kind == TokKind::Error)) {
    // (CPython compares the bracket's line with the last token the parser
    // fetched, which may lie past the error's own start.)
    int last_line = std::max(s.line, toks_[max_pos_].lineno);
    if (!te->unclosed_at_eof || toks_[max_pos_].kind == TokKind::Error || last_line > te->lineno)
      return error_tokenizer();
  }
  err_ = info_at(s, e, std::move(msg), type);
  return nullptr;
}

SyntaxErrorInfo Parser::info_at(Pos s, Pos e, std::string msg, const char* type) const {
  SyntaxErrorInfo info;
  info.type = type;
  info.msg = std::move(msg);
  info.filename = filename_;
  info.lineno = s.line;
  info.offset = tz_.char_col(s.line, s.col) + 1;
  info.end_lineno = e.line;
  info.end_offset = tz_.char_col(e.line, e.col) + 1;
  info.text = std::string(tz_.line(s.line));
  // In exec mode CPython's tokenizer ends the source with a newline, and the
  // line it reports keeps it.
  if (mode_ == Mode::Exec && !info.text.empty() && info.text.back() != '\n') info.text += '\n';
  // When the parser had already read past the error's line, CPython takes the
  // line from its buffers without the newline, and an end on a later line is
  // measured against this first line (so it ends at most just past it).
  const Token& furthest = toks_[std::min(max_pos_, toks_.size() - 1)];
  if (!toks_.empty() && furthest.lineno > s.line && !info.text.empty() && info.text.back() == '\n') {
    info.text.pop_back();
    if (!info.text.empty() && info.text.back() == '\r') info.text.pop_back();
  }
  if (fstring_col_shift_) {  // see Parser::fstring_expr
    if (s.line > 1) info.offset -= fstring_col_shift_;
    if (e.line > 1) info.end_offset -= fstring_col_shift_;
  }
  if (e.line != s.line && info.end_offset > 0) {
    int first_len = tz_.char_col(s.line, int(info.text.size()));
    if (info.end_offset > first_len + 1) info.end_offset = first_len + 1;
  }
  return info;
}

std::string_view Parser::normalized_name(const Token& t, std::string_view raw) const {
  auto it = normalized_.find(t.start);
  if (it == normalized_.end()) it = normalized_.emplace(t.start, unicode_nfkc(raw)).first;
  return it->second;
}

std::nullptr_t Parser::error_at(const Token& t, std::string msg, const char* type) {
  // Decoding errors of a literal's text point at the token after the
  // literal(s) (the parser has read it), as CPython's do.
  if ((msg.rfind("(unicode error)", 0) == 0 || msg == "bytes can only contain ASCII literal characters") &&
      &t != &tok())
    return error_at(tok(), std::move(msg), type);
  // A NEWLINE token ends where the line break starts in CPython's reports.
  if (t.kind == TokKind::Newline) return error_range(newline_error_start(t), start(t), std::move(msg), type);
  return error_range(start(t), end(t), std::move(msg), type);
}

// CPython's tokenizer starts a NEWLINE token at the '#' of a comment before
// the line break, so errors at it span the comment.
Pos Parser::newline_error_start(const Token& nl) const {
  Pos p = start(nl);
  // (Only a token of this parser's stream has a comment to look for.)
  const std::less<const Token*> before;
  if (toks_.empty() || before(&nl, toks_.data()) || !before(&nl, toks_.data() + toks_.size())) return p;
  const size_t i = static_cast<size_t>(&nl - toks_.data());
  if (i == 0) return p;
  const Token& last = toks_[i - 1];
  const int from = last.end_lineno == nl.lineno ? std::max(last.end_col, 0) : 0;
  std::string_view line = tz_.line(nl.lineno);
  size_t hash = line.find('#', static_cast<size_t>(from));
  if (hash != std::string_view::npos && static_cast<int>(hash) < nl.col) p.col = static_cast<int>(hash);
  return p;
}

bool Parser::first_pass_error() const {
  return err_ && !err_->from_tokenizer &&
         (err_->msg == "':' expected after dictionary key" ||
          err_->msg == "cannot use a starred expression in a dictionary value" ||
          err_->msg == "expression expected after dictionary key and ':'");
}

bool Parser::generic_error() const {
  return err_ && !err_->from_tokenizer && err_->type == "SyntaxError" && err_->msg == "invalid syntax";
}

// CPython's RAISE_SYNTAX_ERROR_STARTING_FROM: from s to where its tokenizer
// stands, the end of the furthest token read, given as that column itself
// (other end positions count one more).
std::nullptr_t Parser::error_starting_from(Pos s, std::string msg) {
  if (err_) return nullptr;
  const Token& last = toks_[std::min(max_pos_, toks_.size() - 1)];
  error_range(s, end(last), std::move(msg));
  if (err_ && !err_->from_tokenizer && err_->end_offset > 0) err_->end_offset--;
  return nullptr;
}

bool Parser::version_ok(int minor, const char* what, bool ends_block) {
  if (feature_version_ < 0 || feature_version_ >= minor || failed()) return !failed();
  error_at_furthest(std::string(what) + " only supported in Python 3." + std::to_string(minor) + " and greater",
                    ends_block);
  return false;
}

std::nullptr_t Parser::error_at_furthest(std::string msg, bool ends_block) {
  if (err_) return nullptr;
  size_t i = std::min(max_pos_, toks_.size() - 1);
  if (ends_block && max_pos_ == pos_ && pos_ > 0) {
    // CPython's furthest token is the block's last: positions and the line
    // shown are as if this parser had read no further.
    const size_t saved = max_pos_;
    max_pos_ = pos_ - 1;
    error_at_furthest(std::move(msg));
    max_pos_ = saved;
    return nullptr;
  }
  const Token& t = toks_[i];
  if (t.kind != TokKind::Dedent && t.kind != TokKind::EndMarker) return error_at(t, std::move(msg));
  while (i < toks_.size() && toks_[i].kind == TokKind::Dedent) i++;
  Pos p;
  int offset;
  bool at_end = false;
  if (i < toks_.size() && toks_[i].kind != TokKind::EndMarker && toks_[i].kind != TokKind::Error) {
    // Dedented to the next token: the tokenizer stands after its indentation.
    p = start(toks_[i]);
    offset = tz_.char_col(p.line, p.col);
  } else {
    // At the end: after the last line and its newline (one is added if missing).
    const std::string& src = tz_.source();
    size_t last = src.empty() ? 0 : src.size() - 1;
    size_t ls = last == 0 ? 0 : src.rfind('\n', last - 1);
    ls = ls == std::string::npos || last == 0 ? 0 : ls + 1;
    int line = 1;
    for (size_t k = 0; k < ls; k++) line += src[k] == '\n';
    size_t len = src.size() - ls - (!src.empty() && src.back() == '\n' ? 1 : 0);
    p = {line, int(len)};
    offset = tz_.char_col(line, int(len)) + 1;
    at_end = true;
  }
  error_range(p, p, std::move(msg));
  if (err_ && !err_->from_tokenizer) {
    err_->offset = offset, err_->end_offset = -1;
    // (The last line is shown with its newline, one added if missing.)
    if (at_end) {
      err_->text = std::string(tz_.line(p.line));
      if (err_->text.empty() || err_->text.back() != '\n') err_->text += '\n';
    }
  }
  return nullptr;
}

void Parser::warn_at(const Token& t, std::string msg, const char* category) {
  SyntaxErrorInfo info = info_at(start(t), end(t), std::move(msg), category);
  for (const SyntaxErrorInfo& w : warnings_)
    if (w.lineno == info.lineno && w.offset == info.offset && w.msg == info.msg) return;
  warnings_.push_back(std::move(info));
}

std::nullptr_t Parser::error_tokenizer() {
  if (err_ || !tz_.error()) return nullptr;
  const tokenizer::TokError& te = *tz_.error();
  SyntaxErrorInfo info = info_from_tokenizer(te);
  if (te.unclosed_at_eof && mode_ == Mode::Exec && !info.text.empty() && info.text.back() != '\n') info.text += '\n';
  err_ = std::move(info);
  return nullptr;
}

// The tokenizer's warnings, converted like its errors, ahead of the
// parser's own (the tokenizer meets them first).
void Parser::take_tokenizer_warnings() {
  std::vector<SyntaxErrorInfo> tw;
  for (const tokenizer::TokError& te : tz_.warnings()) tw.push_back(info_from_tokenizer(te));
  warnings_.insert(warnings_.begin(), tw.begin(), tw.end());
}

// A tokenizer error or warning as a SyntaxErrorInfo: byte offsets become
// character offsets (non-positive ones pass through).
SyntaxErrorInfo Parser::info_from_tokenizer(const tokenizer::TokError& te) const {
  SyntaxErrorInfo info;
  info.from_tokenizer = true;
  info.bare = te.bare;
  info.type = te.type;
  info.msg = te.msg;
  info.filename = filename_;
  info.lineno = te.lineno;
  info.end_lineno = te.end_lineno;
  info.offset = te.offset > 0 ? tz_.char_col(te.lineno, te.offset - 1) + 1 : te.offset;
  info.end_offset = te.end_offset > 0 ? tz_.char_col(te.end_lineno, te.end_offset - 1) + 1 : te.end_offset;
  info.text = std::string(tz_.line(te.lineno));
  // A name that is not UTF-8 fails where CPython decodes it, which reports
  // the line with its newline (the tokenizer's own errors do not add one).
  if (te.msg.rfind("(unicode error)", 0) == 0 && !info.text.empty() && info.text.back() != '\n') info.text += '\n';
  if (te.reached_line > te.lineno && !info.text.empty() && info.text.back() == '\n') info.text.pop_back();
  return info;
}

bool Parser::has_tokenizer_error() const {
  const auto& te = tz_.error();
  return te.has_value() && !te->unclosed_at_eof && (!te->deferred || toks_[max_pos_].kind == TokKind::Error);
}

std::nullptr_t Parser::fail() {
  if (err_) return nullptr;
  const Token& t = tok();
  if (t.kind == TokKind::Error) return error_tokenizer();
  if (t.kind == TokKind::Indent) {
    // CPython reports the end of the indentation, without a caret range.
    Pos p = end(t);
    error_range(p, p, "unexpected indent", "IndentationError");
    err_->offset = tz_.char_col(p.line, p.col);
    err_->end_offset = -1;
    return nullptr;
  }
  if (has_tokenizer_error()) return error_tokenizer();
  if (t.kind == TokKind::Dedent) {
    error_at(t, "unexpected unindent", "IndentationError");
    return nullptr;
  }
  if (t.kind == TokKind::Newline) {
    // CPython's NEWLINE token is zero-width in error positions. In eval
    // mode a source without a final newline has none at all: the error is
    // at ENDMARKER, which CPython reports at offset 0.
    bool implicit = t.start == t.end;
    error_range(newline_error_start(t), start(t), "invalid syntax");
    if (implicit && mode_ == Mode::Eval) err_->offset = err_->end_offset = 0;
    return nullptr;
  }
  return error_at(t, "invalid syntax");
}

void Parser::too_deep() {
  // CPython raises MemoryError/RecursionError here; a SyntaxError keeps the
  // front end's contract of never crashing and always explaining.
  error_at(tok(), kTooDeep);
}

bool Parser::expect(Op o, const char* msg) {
  if (accept(o)) return true;
  if (msg && tok().kind != TokKind::Error && !has_tokenizer_error()) {
    // Like CPython's location-less errors: the last token looked at.
    error_at(tok(), msg);
    return false;
  }
  fail();
  return false;
}

// The ':' ending an if/elif/while/for/with/class/except header: CPython's
// invalid_*_stmt rules say "expected ':'" only when the header ends the line;
// anything else there is plain invalid syntax. (def, try, else and finally
// require the ':' outright: expect(Op::COLON, "expected ':'").)
bool Parser::expect_header_colon() {
  if (accept(Op::COLON)) return true;
  if (at(TokKind::Newline)) return expect(Op::COLON, "expected ':'");
  fail();
  return false;
}

static bool is_compound_statement(ast::Kind k) {
  using ast::Kind;
  switch (k) {
    case Kind::If: case Kind::While: case Kind::For: case Kind::AsyncFor: case Kind::Try: case Kind::TryStar:
    case Kind::With: case Kind::AsyncWith: case Kind::FunctionDef: case Kind::AsyncFunctionDef:
    case Kind::ClassDef: case Kind::Match:
      return true;
    default:
      return false;
  }
}

ast::Node* Parser::run(Mode mode) {
  mode_ = mode;
  Pos s{1, 0};
  switch (mode) {
    case Mode::Exec: {
      std::vector<ast::stmt*> body;
      if (!statements_until_end(body)) return nullptr;
      auto* m = mk<ast::Module>(s, s);
      m->body = std::move(body);
      for (const tokenizer::TypeIgnore& ti : tz_.type_ignores()) {
        auto* t = arena_.make<ast::TypeIgnore>();
        t->lineno = ti.lineno;
        t->tag = ti.tag;
        m->type_ignores.push_back(t);
      }
      return m;
    }
    case Mode::FuncType: return func_type();
    case Mode::Eval: {
      while (at(TokKind::NL) || at(TokKind::Newline)) advance();
      ast::expr* e = expressions();
      if (!e) return fail();
      while (at(TokKind::Newline)) advance();
      if (!at(TokKind::EndMarker)) {
        if (legacy_call(e)) return nullptr;
        return fail();
      }
      auto* m = mk<ast::Expression>(s, s);
      m->body = e;
      return m;
    }
    case Mode::Single: {
      std::vector<ast::stmt*> body;
      while (at(TokKind::Newline)) advance();
      if (!at(TokKind::EndMarker) && !statement(body)) return nullptr;
      size_t newline = pos_ > 0 ? pos_ - 1 : 0;  // the NEWLINE that ended a simple statement
      while (at(TokKind::Newline)) advance();
      if (!at(TokKind::EndMarker)) {
        // CPython's bad_single_statement: more after a simple statement is
        // reported at that statement's NEWLINE; after a compound statement
        // it is plain invalid syntax.
        bool compound = !body.empty() && is_compound_statement(body.back()->kind);
        if (!compound && toks_[newline].kind == TokKind::Newline) {
          const Token& nl = toks_[newline];
          return error_range(newline_error_start(nl), end(nl),
                             "multiple statements found while compiling a single statement");
        }
        return fail();
      }
      // A compound statement whose last block sits on its header line needs
      // the source's final newline in this mode (CPython: "compound_stmt
      // NEWLINE"); an indented block ends with DEDENT and does not.
      if (!body.empty() && is_compound_statement(body.back()->kind) && toks_[newline].kind == TokKind::Newline) {
        const std::string& src = tz_.source();
        if (!src.empty() && src.back() != '\n') return error_range(Pos{toks_[newline].lineno, -1}, Pos{toks_[newline].lineno, -1}, "invalid syntax");
      }
      auto* m = mk<ast::Interactive>(s, s);
      m->body = std::move(body);
      return m;
    }
  }
  return nullptr;
}

// CPython's func_type rule: '(' [type_expressions] ')' '->' expression,
// where the argument types are expressions separated by commas, then
// optionally `*X` and `**X` (whose X are listed like the others).
ast::Node* Parser::func_type() {
  const Pos s{1, 0};
  if (!accept(Op::LPAR)) return fail();
  auto* f = mk<ast::FunctionType>(s, s);
  if (!at(Op::RPAR)) {
    int stage = 0;  // 1 after `*X`, 2 after `**X`
    for (;;) {
      const int kind = at(Op::STAR) ? 1 : at(Op::DOUBLESTAR) ? 2 : 0;
      if (stage > 0 && kind <= stage) return fail();
      if (kind) {
        advance();
        stage = kind;
      }
      ast::expr* e = expression();
      if (!e) return nullptr;
      f->argtypes.push_back(e);
      if (!at(Op::COMMA)) break;
      if (stage == 2) return fail();  // nothing follows `**X`, not even a comma
      advance();
    }
  }
  if (!expect(Op::RPAR) || !expect(Op::RARROW)) return nullptr;
  if (!(f->returns = expression())) return nullptr;
  while (at(TokKind::Newline)) advance();
  if (!at(TokKind::EndMarker)) return fail();
  return f;
}

std::optional<std::string> Parser::type_comment() {
  if (!at(TokKind::TypeComment)) return std::nullopt;
  std::string t(tz_.text(tok()));
  advance();
  return t;
}

int64_t (*g_int_literal_digit_limit)() = nullptr;

ParseResult parse(std::string_view source, std::string_view filename, Mode mode, bool source_is_utf8,
                  bool script_file, bool type_comments, int feature_version) {
  ParseResult r;
  r.arena = std::make_unique<ast::Arena>();
  tokenizer::Options opts;
  opts.source_is_utf8 = source_is_utf8;
  opts.type_comments = type_comments;
  opts.async_hacks = feature_version >= 0 && feature_version < 7;
  if (script_file) opts.script_path = filename;
  tokenizer::Tokenizer tz(source, opts);
  Parser p(tz, *r.arena, filename);
  p.feature_version_ = feature_version;
  ast::Node* root = p.run(mode);
  if (p.failed() || !root) {
    if (!p.failed()) p.fail();
    r.error = std::move(p.error());
    // The tokenizer warns as it reads (an invalid decimal literal), before
    // the error stops it: the warnings up to the error's line still go out.
    p.take_tokenizer_warnings();
    for (SyntaxErrorInfo& w : p.warnings())
      if (w.lineno <= r.error->lineno) r.warnings.push_back(std::move(w));
    return r;
  }
  r.root = root;
  p.take_tokenizer_warnings();
  r.warnings = std::move(p.warnings());
  return r;
}

std::string format_syntax_error(const SyntaxErrorInfo& e) {
  std::string out = "  File \"" + e.filename + "\", line " + std::to_string(e.lineno) + "\n";
  if (!e.text.empty()) {
    std::string_view text = e.text;
    // Work in code points: offsets count characters.
    int offset = e.offset - 1;
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) {
      i++;
      offset--;
    }
    text.remove_prefix(i);
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    const int len = static_cast<int>(utf8::count(text));
    if (offset > len) offset = len;
    out += "    ";
    out += text;
    out += '\n';
    if (offset >= 0) {
      int end;
      // (CPython's printer underlines a range for SyntaxError only, not
      // for IndentationError or TabError.)
      if (e.type != "SyntaxError") end = offset + 1;
      else if (e.end_lineno > e.lineno) end = len;
      else if (e.end_lineno == e.lineno && e.end_offset > 0) end = e.end_offset - 1 - static_cast<int>(i);
      else end = offset + 1;
      if (end > len) end = len;
      int carets = end - offset;
      if (carets < 1) carets = 1;
      out += "    ";
      out.append(offset, ' ');
      out.append(carets, '^');
      out += '\n';
    }
  }
  out += e.type + ": " + e.msg + "\n";
  return out;
}

}  // namespace gilpy::parser
