// The lexer proper: indentation, newlines, names, numbers, strings and
// operators, following CPython 3.11's C tokenizer (positions and error
// messages included). Source decoding lives in source.cpp.
#include "tokenizer/tokenizer.h"

#include <cctype>
#include <cstdio>
#include <cstring>

#include "common/utf8.h"

namespace gilpy::tokenizer {

namespace {

const char* const kOpNames[] = {
    "OP",
#define OP(name, text) #name,
#include "tokenizer/operators.def"
#undef OP
};
const char* const kOpTexts[] = {
    "",
#define OP(name, text) text,
#include "tokenizer/operators.def"
#undef OP
};
const char* const kKwTexts[] = {
    "",
#define KW(name, text) text,
#include "tokenizer/keywords.def"
#undef KW
};

bool is_dec(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_dec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_oct(char c) { return c >= '0' && c <= '7'; }
bool is_bin(char c) { return c == '0' || c == '1'; }
bool is_ascii_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_dec(c) || c == '_';
}

Kw lookup_keyword(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return Kw::NotKw;
  // Linear scan over 35 entries is fast enough: names are short and the
  // first-character check rejects almost everything.
  for (int i = 1; i < static_cast<int>(sizeof kKwTexts / sizeof kKwTexts[0]); i++) {
    const char* k = kKwTexts[i];
    if (k[0] == s[0] && s == k) return static_cast<Kw>(i);
  }
  return Kw::NotKw;
}

// A valid string prefix (case-insensitive): r u b f br rb fr rf.
bool is_string_prefix(std::string_view s) {
  if (s.empty() || s.size() > 2) return false;
  auto low = [](char c) { return static_cast<char>(c | 0x20); };
  if (s.size() == 1) {
    char c = low(s[0]);
    return c == 'r' || c == 'u' || c == 'b' || c == 'f';
  }
  char a = low(s[0]), b = low(s[1]);
  if (a > b) std::swap(a, b);
  return (a == 'b' && b == 'r') || (a == 'f' && b == 'r');
}

}  // namespace

const char* op_name(Op op) { return kOpNames[static_cast<int>(op)]; }
const char* op_text(Op op) { return kOpTexts[static_cast<int>(op)]; }
const char* kw_text(Kw kw) { return kKwTexts[static_cast<int>(kw)]; }

Tokenizer::Tokenizer(std::string_view raw, Options opts) : opts_(opts) {
  if (!decode(raw)) {
    if (!opts_.script_path.empty() && err_) err_->bare = true;
    push(TokKind::Error, 0, 0, 1, 0, 1, 0);
    return;
  }
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < src_.size(); i++) {
    if (src_[i] == '\n' && i + 1 < src_.size()) line_starts_.push_back(i + 1);
  }
  toks_.reserve(src_.size() / 4 + 16);
  run();
  if (opts_.async_hacks) apply_async_hacks();
}

// Options::async_hacks, as CPython's tokenizer does it for feature versions
// below 3.7: `async` is a keyword right before `def`, which opens an async
// function; inside one, `async` and `await` are keywords; everywhere else
// they are names. The function closes at the first token (outside brackets,
// past its signature's NEWLINE) on a line indented no deeper than the
// `async def` itself.
void Tokenizer::apply_async_hacks() {
  int indent = 0, def_indent = 0;
  bool in_def = false, def_nl = false;
  uint8_t level = 0;  // bracket depth before the token
  for (size_t i = 0; i < toks_.size(); i++) {
    Token& t = toks_[i];
    if (t.kind == TokKind::Indent) { indent++; continue; }
    if (t.kind == TokKind::Dedent) { indent--; continue; }
    if (in_def && def_nl && level == 0 && indent <= def_indent && t.kind != TokKind::Newline &&
        t.kind != TokKind::TypeComment && t.kind != TokKind::NL && t.kind != TokKind::Comment)
      in_def = def_nl = false;
    if (t.kind == TokKind::Name && (t.kw == Kw::Async || t.kw == Kw::Await) && !in_def) {
      if (t.kw == Kw::Async && i + 1 < toks_.size() && toks_[i + 1].kind == TokKind::Name && toks_[i + 1].kw == Kw::Def) {
        in_def = true;
        def_indent = indent;
      } else {
        t.kw = Kw::NotKw;
      }
    }
    if (t.kind == TokKind::Newline && in_def) def_nl = true;
    level = t.level;
  }
}

std::string_view Tokenizer::line(int lineno) const {
  if (lineno < 1 || lineno > static_cast<int>(line_starts_.size())) return {};
  uint32_t b = line_starts_[lineno - 1];
  size_t e = src_.find('\n', b);
  e = e == std::string::npos ? src_.size() : e + 1;
  return std::string_view(src_).substr(b, e - b);
}

int Tokenizer::char_col(int lineno, int byte_col) const {
  std::string_view l = line(lineno);
  if (byte_col <= 0) return byte_col;
  if (!bad_.empty() && !l.empty()) {
    // A line that is not UTF-8 gets columns in its original bytes, as
    // CPython's conversion to characters gives up on it.
    uint32_t b = static_cast<uint32_t>(l.data() - src_.data());
    int shift = 0;
    bool any = false;
    for (const BadBytes& x : bad_) {
      if (x.pos < b || x.pos >= b + l.size()) continue;
      any = true;
      if (x.pos < b + uint32_t(byte_col)) shift += 3 - int(x.bytes.size());
    }
    if (any) return byte_col - shift;
  }
  if (static_cast<size_t>(byte_col) > l.size()) return byte_col - static_cast<int>(l.size()) + static_cast<int>(utf8::count(l));
  return static_cast<int>(utf8::count(l.substr(0, byte_col)));
}

void Tokenizer::push(TokKind k, uint32_t start, uint32_t end, int line, int col, int eline,
                     int ecol, Op op) {
  Token t;
  t.kind = k;
  t.op = op;
  t.start = start;
  t.end = end;
  t.lineno = line;
  t.col = col;
  t.end_lineno = eline;
  t.end_col = ecol;
  t.level = static_cast<uint8_t>(brackets_.size());
  if (k == TokKind::Name) t.kw = lookup_keyword(std::string_view(src_).substr(start, end - start));
  toks_.push_back(t);
}

bool Tokenizer::fail(const char* type, std::string msg, int line, int offset, int eline,
                     int eoffset) {
  TokError e;
  e.type = type;
  e.msg = std::move(msg);
  e.lineno = line;
  e.offset = offset;
  e.end_lineno = eline;
  e.end_offset = eoffset;
  err_ = std::move(e);
  push(TokKind::Error, pos_, pos_, lineno_, col_of(pos_), lineno_, col_of(pos_));
  return false;
}

bool Tokenizer::fail_deferred(const char* type, std::string msg, int line, int offset, int eline, int eoffset) {
  fail(type, std::move(msg), line, offset, eline, eoffset);
  err_->deferred = true;
  return false;
}

bool Tokenizer::fail_at(std::string msg, int offset, int end_offset) {
  return fail("SyntaxError", std::move(msg), lineno_, offset, lineno_,
              end_offset == -3 ? offset : end_offset);
}

int Tokenizer::newline_len(uint32_t p) const {
  if (p >= src_.size()) return 0;
  if (src_[p] == '\n') return 1;
  if (src_[p] == '\r') return (p + 1 < src_.size() && src_[p + 1] == '\n') ? 2 : 1;
  return 0;
}

void Tokenizer::start_new_line(uint32_t next) {
  cur_line_start_ = next;
  lineno_++;
}

void Tokenizer::run() {
  const uint32_t n = static_cast<uint32_t>(src_.size());
  for (;;) {
    if (at_bol_ && !at_line_start()) return;
    while (pos_ < n && (src_[pos_] == ' ' || src_[pos_] == '\t' || src_[pos_] == '\f')) pos_++;
    if (pos_ >= n) {
      finish_eof();
      return;
    }
    const char c = src_[pos_];
    if (c == '#') {
      uint32_t b = pos_;
      while (pos_ < n && src_[pos_] != '\n' && src_[pos_] != '\r') pos_++;
      if (opts_.comments_and_nl)
        push(TokKind::Comment, b, pos_, lineno_, col_of(b), lineno_, col_of(pos_));
      if (opts_.type_comments) type_comment(b);
      continue;
    }
    if (int nl = newline_len(pos_)) {
      bool logical = brackets_.empty() && line_has_tokens_;
      if (logical || opts_.comments_and_nl)
        push(logical ? TokKind::Newline : TokKind::NL, pos_, pos_ + nl, lineno_, col_of(pos_),
             lineno_, col_of(pos_) + nl);
      pos_ += nl;
      start_new_line(pos_);
      if (logical) line_has_tokens_ = false;
      at_bol_ = brackets_.empty();
      continue;
    }
    if (c == '\\') {
      int nl = newline_len(pos_ + 1);
      if (nl == 0) {
        if (pos_ + 1 >= n) {
          // EOF inside a bracket reports the bracket, as at any other EOF.
          if (!brackets_.empty()) return eof_after_continuation();
          return fail_at("unexpected EOF while parsing", col_of(pos_) + 1, -1), void();
        }
        fail_deferred("SyntaxError", "unexpected character after line continuation character", lineno_,
             col_of(pos_) + 2, lineno_, 0);
        return;
      }
      pos_ += 1 + nl;
      start_new_line(pos_);
      if (pos_ >= n) {
        if (!brackets_.empty()) return eof_after_continuation();
        fail_at("unexpected EOF while parsing", 0, -1);
        return;
      }
      continue;
    }
    bool ok;
    if (is_dec(c) || (c == '.' && pos_ + 1 < n && is_dec(src_[pos_ + 1])))
      ok = lex_number();
    else if (is_ascii_ident(c) || static_cast<unsigned char>(c) >= 0x80)
      ok = lex_name_or_string();
    else if (c == '"' || c == '\'')
      ok = lex_string(pos_, lineno_, col_of(pos_));
    else
      ok = lex_operator();
    if (!ok) return;
    line_has_tokens_ = true;
  }
}

// CPython's test: the comment starts with "# type: " where each space
// matches any run of spaces and tabs (none included); "ignore" then the
// comment's end or an ASCII character that is not alphanumeric makes it a
// type ignore, whose tag is the rest.
bool Tokenizer::type_comment(uint32_t b) {
  const uint32_t e = pos_;  // the comment's end (its line break, or EOF)
  static constexpr std::string_view kPrefix = "# type: ";
  uint32_t p = b;
  for (char want : kPrefix) {
    if (want == ' ') {
      while (p < e && (src_[p] == ' ' || src_[p] == '\t')) p++;
    } else if (p < e && src_[p] == want) {
      p++;
    } else {
      return false;
    }
  }
  std::string_view rest(src_.data() + p, e - p);
  if (rest.substr(0, 6) == "ignore") {
    const unsigned char after = rest.size() > 6 ? static_cast<unsigned char>(rest[6]) : 0;
    if (rest.size() == 6 || (after < 0x80 && !std::isalnum(after))) {
      type_ignores_.push_back(TypeIgnore{lineno_, std::string(rest.substr(6))});
      return false;
    }
  }
  push(TokKind::TypeComment, p, e, lineno_, col_of(p), lineno_, col_of(e));
  return true;
}

// Handles the start of a physical line outside brackets: blank and comment
// lines, then the indentation bookkeeping (INDENT/DEDENT, TabError).
bool Tokenizer::at_line_start() {
  const uint32_t n = static_cast<uint32_t>(src_.size());
  for (;;) {
    int col = 0, alt = 0;
    while (pos_ < n) {
      char c = src_[pos_];
      if (c == ' ') {
        col++, alt++;
      } else if (c == '\t') {
        col = (col / 8 + 1) * 8;
        alt++;
      } else if (c == '\f') {
        col = alt = 0;
      } else {
        break;
      }
      pos_++;
    }
    if (pos_ >= n) return true;  // whitespace-only tail: run() handles EOF
    char c = src_[pos_];
    if (c == '#' || newline_len(pos_)) {
      // Blank or comment-only line: no indentation processing, NL token only.
      if (c == '#') {
        uint32_t b = pos_;
        while (pos_ < n && src_[pos_] != '\n' && src_[pos_] != '\r') pos_++;
        if (opts_.comments_and_nl)
          push(TokKind::Comment, b, pos_, lineno_, col_of(b), lineno_, col_of(pos_));
        // A type comment on a line of its own is a logical line: NEWLINE
        // follows, without indentation processing (the next line does it).
        if (opts_.type_comments && type_comment(b)) {
          if (int nl = newline_len(pos_)) {
            push(TokKind::Newline, pos_, pos_ + nl, lineno_, col_of(pos_), lineno_, col_of(pos_) + nl);
            pos_ += nl;
            start_new_line(pos_);
            continue;
          }
          line_has_tokens_ = true;  // at EOF: the implicit NEWLINE follows
          return true;
        }
      }
      int nl = newline_len(pos_);
      if (nl == 0) {  // comment at EOF: the tokenize module still emits an empty NL
        if (opts_.comments_and_nl && c == '#')
          push(TokKind::NL, pos_, pos_, lineno_, col_of(pos_), lineno_, col_of(pos_));
        return true;
      }
      if (opts_.comments_and_nl)
        push(TokKind::NL, pos_, pos_ + nl, lineno_, col_of(pos_), lineno_, col_of(pos_) + nl);
      pos_ += nl;
      start_new_line(pos_);
      continue;
    }
    if (c == '\\' && newline_len(pos_ + 1)) {
      // Whitespace then a line continuation joined to a blank or comment
      // line: the logical line is blank (CPython, bpo-40847). Joined to text, the
      // indentation is this line's, as usual.
      // A backslash in column 0 sets no indentation (CPython takes a
      // continuation's column 0 for "none yet"): the next line's counts.
      uint32_t q = pos_ + 1 + uint32_t(newline_len(pos_ + 1));
      uint32_t r = q;
      while (r < n && (src_[r] == ' ' || src_[r] == '\t' || src_[r] == '\f')) r++;
      if (col == 0 || r >= n || newline_len(r) || src_[r] == '#') {
        pos_ = q;
        start_new_line(pos_);
        continue;
      }
    }
    at_bol_ = false;
    const int line = lineno_, pcol = col_of(pos_);
    if (col == indents_.back()) {
      if (alt != alt_indents_.back())
        return fail_deferred("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, line, 0);
    } else if (col > indents_.back()) {
      if (static_cast<int>(indents_.size()) >= kMaxIndentDepth)
        return fail_deferred("IndentationError", "too many levels of indentation", line, 1, line, 0);
      if (alt <= alt_indents_.back())
        return fail_deferred("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, line, 0);
      indents_.push_back(col);
      alt_indents_.push_back(alt);
      push(TokKind::Indent, cur_line_start_, pos_, line, 0, line, pcol);
    } else {
      while (indents_.size() > 1 && col < indents_.back()) {
        indents_.pop_back();
        alt_indents_.pop_back();
        push(TokKind::Dedent, pos_, pos_, line, pcol, line, pcol);
      }
      if (col != indents_.back()) {
        // CPython points just past the end of the line's text.
        uint32_t e = pos_;
        while (e < n && !newline_len(e)) e++;
        return fail_deferred("IndentationError", "unindent does not match any outer indentation level",
                    line, col_of(e) + 1, line, -1);
      }
      if (alt != alt_indents_.back())
        return fail_deferred("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, line, 0);
    }
    return true;
  }
}

// EOF right after a line continuation inside brackets: the tokenizer itself
// fails (not the parser at EOF), and names the bracket left open.
void Tokenizer::eof_after_continuation() {
  finish_eof();
  err_->unclosed_at_eof = false;
  err_->reached_line = lineno_;
}

void Tokenizer::finish_eof() {
  const uint32_t n = static_cast<uint32_t>(src_.size());
  if (!brackets_.empty()) {
    const Bracket& b = brackets_.back();
    std::string msg = std::string("'") + b.ch + "' was never closed";
    fail("SyntaxError", std::move(msg), b.lineno, b.col + 1, b.lineno, 0);
    err_->unclosed_at_eof = true;
    return;
  }
  // The line holding the last character; EOF tokens go on the line after.
  const bool ends_nl = n > 0 && (src_[n - 1] == '\n' || src_[n - 1] == '\r');
  int last_line = ends_nl ? lineno_ - 1 : lineno_;
  if (line_has_tokens_) {
    // Implicit NEWLINE, placed where the tokenize module puts it.
    int c = col_of(n);
    push(TokKind::Newline, n, n, lineno_, c, lineno_, c + 1);
    line_has_tokens_ = false;
  }
  int eline = last_line + 1;
  if (n == 0) eline = 1;
  while (indents_.size() > 1) {
    indents_.pop_back();
    push(TokKind::Dedent, n, n, eline, 0, eline, 0);
  }
  push(TokKind::EndMarker, n, n, eline, 0, eline, 0);
}

bool Tokenizer::lex_name_or_string() {
  const uint32_t n = static_cast<uint32_t>(src_.size());
  const uint32_t b = pos_;
  const int col = col_of(b);
  bool first = true;
  while (pos_ < n) {
    unsigned char c = static_cast<unsigned char>(src_[pos_]);
    if (c < 0x80) {
      if (!is_ascii_ident(static_cast<char>(c))) break;
      pos_++;
    } else {
      utf8::Decoded d = utf8::decode(src_, pos_);
      if (d.cp == 0xFFFD && !bad_.empty()) {
        // CPython's tokenizer takes every byte >= 0x80 for part of a name,
        // and decoding that name fails here.
        if (const BadBytes* bb = bad_bytes_in(pos_, pos_ + 1)) {
          bool ends = !(bb->next >= 0x80 || (bb->next >= 0 && is_ascii_ident(static_cast<char>(bb->next))));
          return fail_at(bb->message(pos_ - b, ends), col_of(pos_) + 1, -1);
        }
      }
      bool ok = first ? is_identifier_start(d.cp) : is_identifier_continue(d.cp);
      if (!ok) {
        if (!first) break;  // let the next token report the character
        char buf[64];
        std::string ch = src_.substr(pos_, d.len);
        if (d.cp < 0xA0 || d.cp == 0xAD || d.cp == 0xFEFF || (d.cp >= 0x2000 && d.cp <= 0x200F) ||
            (d.cp >= 0x2028 && d.cp <= 0x202F) || d.cp == 0x3000 || d.cp == 0xA0) {
          std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", d.cp);
          return fail_at(buf, col + 1);
        }
        std::snprintf(buf, sizeof buf, "' (U+%04X)", d.cp);
        return fail_at("invalid character '" + ch + buf, col + 1);
      }
      pos_ += d.len;
    }
    first = false;
  }
  if (pos_ < n && (src_[pos_] == '"' || src_[pos_] == '\'') &&
      is_string_prefix(std::string_view(src_).substr(b, pos_ - b)))
    return lex_string(b, lineno_, col);
  push(TokKind::Name, b, pos_, lineno_, col, lineno_, col_of(pos_));
  return true;
}

bool Tokenizer::lex_string(uint32_t tok_start, int tok_line, int tok_col) {
  const uint32_t n = static_cast<uint32_t>(src_.size());
  const uint32_t line_start0 = cur_line_start_;
  const char q = src_[pos_];
  const bool triple = pos_ + 2 < n && src_[pos_ + 1] == q && src_[pos_ + 2] == q;
  pos_ += triple ? 3 : 1;
  for (;;) {
    if (pos_ >= n) {
      int detected = lineno_;
      if (n > 0 && src_[n - 1] == '\n' && pos_ == cur_line_start_) detected--;
      std::string msg = triple ? "unterminated triple-quoted string literal (detected at line "
                               : "unterminated string literal (detected at line ";
      msg += std::to_string(detected) + ")";
      return fail("SyntaxError", msg, tok_line, tok_col + 1, tok_line, tok_col + 1);
    }
    char c = src_[pos_];
    if (c == '\\') {
      pos_++;
      if (int nl = newline_len(pos_)) {
        pos_ += nl;
        start_new_line(pos_);
      } else if (pos_ < n) {
        pos_++;
      }
      continue;
    }
    if (int nl = newline_len(pos_)) {
      if (!triple) {
        std::string msg = "unterminated string literal (detected at line " + std::to_string(lineno_) + ")";
        return fail("SyntaxError", msg, tok_line, tok_col + 1, tok_line, tok_col + 1);
      }
      pos_ += nl;
      start_new_line(pos_);
      continue;
    }
    pos_++;
    if (c == q) {
      if (!triple) break;
      if (pos_ + 1 < n + 0 && src_[pos_] == q && src_[pos_ + 1] == q) {
        pos_ += 2;
        break;
      }
    }
  }
  (void)line_start0;
  push(TokKind::String, tok_start, pos_, tok_line, tok_col, lineno_, col_of(pos_));
  return true;
}

// Reads digits of one class with single underscores between them. On entry
// pos_ is at the first digit (already known to be valid).
bool Tokenizer::read_digits(bool (*digit)(char), const char* what) {
  const uint32_t n = static_cast<uint32_t>(src_.size());
  for (;;) {
    while (pos_ < n && digit(src_[pos_])) pos_++;
    if (pos_ < n && src_[pos_] == '_') {
      pos_++;
      if (pos_ >= n || !digit(src_[pos_])) {
        // 0b1_2: a decimal digit where a binary/octal one belongs is named.
        if (pos_ < n && is_dec(src_[pos_]) && digit != is_hex && digit != is_dec)
          return fail_at(std::string("invalid digit '") + src_[pos_] + "' in " + what + " literal",
                         col_of(pos_) + 1);
        return fail_at(std::string("invalid ") + what + " literal", col_of(pos_));
      }
      continue;
    }
    return true;
  }
}

// After a number: an identifier character directly following is an error,
// unless it starts one of the keywords CPython 3.11 tolerates there ("1if").
bool Tokenizer::check_number_end(const char* what) {
  const uint32_t n = static_cast<uint32_t>(src_.size());
  if (pos_ >= n) return true;
  char c = src_[pos_];
  if (!(is_ascii_ident(c) || static_cast<unsigned char>(c) >= 0x80)) return true;
  std::string_view rest = std::string_view(src_).substr(pos_);
  static const char* const kOk[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
  for (const char* k : kOk) {
    const size_t len = std::strlen(k);
    if (rest.substr(0, len) != k) continue;
    // CPython checks that the keyword ends there, except for the two-letter
    // ones starting with 'i' ("1ifx" is accepted, "1andy" is not).
    if (k[0] != 'i' && len < rest.size() &&
        (is_ascii_ident(rest[len]) || static_cast<unsigned char>(rest[len]) >= 0x80))
      continue;
    // Accepted, with the SyntaxWarning that announces it will become an error.
    TokError w;
    w.type = "SyntaxWarning";
    w.msg = std::string("invalid ") + what + " literal";
    w.lineno = w.end_lineno = lineno_;
    w.offset = w.end_offset = col_of(pos_);
    warnings_.push_back(std::move(w));
    return true;
  }
  return fail_at(std::string("invalid ") + what + " literal", col_of(pos_));
}

bool Tokenizer::lex_number() {
  const uint32_t n = static_cast<uint32_t>(src_.size());
  const uint32_t b = pos_;
  const int col = col_of(b);
  auto done = [&]() {
    push(TokKind::Number, b, pos_, lineno_, col, lineno_, col_of(pos_));
    return true;
  };
  if (src_[pos_] == '0' && pos_ + 1 < n) {
    char x = static_cast<char>(src_[pos_ + 1] | 0x20);
    bool (*digit)(char) = nullptr;
    const char* what = nullptr;
    if (x == 'x') digit = is_hex, what = "hexadecimal";
    if (x == 'o') digit = is_oct, what = "octal";
    if (x == 'b') digit = is_bin, what = "binary";
    if (digit) {
      pos_ += 2;
      if (pos_ < n && src_[pos_] == '_') pos_++;
      if (pos_ >= n || !digit(src_[pos_])) {
        if (pos_ < n && is_dec(src_[pos_]) && digit != is_hex)
          return fail_at(std::string("invalid digit '") + src_[pos_] + "' in " + what + " literal",
                         col_of(pos_) + 1);
        return fail_at(std::string("invalid ") + what + " literal", col_of(pos_));
      }
      if (!read_digits(digit, what)) return false;
      if (pos_ < n && is_dec(src_[pos_]) && digit != is_hex)
        return fail_at(std::string("invalid digit '") + src_[pos_] + "' in " + what + " literal",
                       col_of(pos_) + 1);
      if (!check_number_end(what)) return false;
      return done();
    }
  }
  bool is_float = false;
  if (src_[pos_] != '.') {
    if (!read_digits(is_dec, "decimal")) return false;
  }
  const uint32_t int_end = pos_;
  if (pos_ < n && src_[pos_] == '.') {
    is_float = true;
    pos_++;
    if (pos_ < n && is_dec(src_[pos_]) && !read_digits(is_dec, "decimal")) return false;
  }
  if (pos_ < n && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
    uint32_t save = pos_;
    pos_++;
    bool sign = pos_ < n && (src_[pos_] == '+' || src_[pos_] == '-');
    if (sign) pos_++;
    if (pos_ < n && is_dec(src_[pos_])) {
      is_float = true;
      if (!read_digits(is_dec, "decimal")) return false;
    } else if (sign) {
      return fail_at("invalid decimal literal", col_of(pos_));
    } else {
      // "1else": the 'e' starts the next token. As in CPython, this ends the
      // number before any leading-zeros check ("08else" is accepted, "08e"
      // is an invalid decimal literal).
      pos_ = save;
      if (!check_number_end("decimal")) return false;
      return done();
    }
  }
  bool imag = pos_ < n && (src_[pos_] == 'j' || src_[pos_] == 'J');
  if (imag) pos_++;
  if (!is_float && !imag && src_[b] == '0') {
    // Leading zeros: only all-zero integers ("00", "0_0") are allowed.
    uint32_t i = b;
    while (i < int_end && (src_[i] == '0' || src_[i] == '_')) i++;
    if (i < int_end)
      return fail_at("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                     col + 1, col_of(i) + 1);
  }
  if (!check_number_end(imag ? "imaginary" : "decimal")) return false;
  return done();
}

bool Tokenizer::lex_operator() {
  const uint32_t n = static_cast<uint32_t>(src_.size());
  const uint32_t b = pos_;
  const int col = col_of(b);
  char c0 = src_[b], c1 = b + 1 < n ? src_[b + 1] : '\0', c2 = b + 2 < n ? src_[b + 2] : '\0';
  Op op = Op::None;
  int len = 1;
  // Longest match first.
  if (c0 == '.' && c1 == '.' && c2 == '.') op = Op::ELLIPSIS, len = 3;
  else if (c0 == '*' && c1 == '*' && c2 == '=') op = Op::DOUBLESTAREQUAL, len = 3;
  else if (c0 == '/' && c1 == '/' && c2 == '=') op = Op::DOUBLESLASHEQUAL, len = 3;
  else if (c0 == '<' && c1 == '<' && c2 == '=') op = Op::LEFTSHIFTEQUAL, len = 3;
  else if (c0 == '>' && c1 == '>' && c2 == '=') op = Op::RIGHTSHIFTEQUAL, len = 3;
  else {
    len = 2;
    switch (c0) {
      case '=': op = c1 == '=' ? Op::EQEQUAL : Op::None; break;
      case '!': op = c1 == '=' ? Op::NOTEQUAL : Op::None; break;
      case '<': op = c1 == '=' ? Op::LESSEQUAL : c1 == '<' ? Op::LEFTSHIFT : Op::None; break;
      case '>': op = c1 == '=' ? Op::GREATEREQUAL : c1 == '>' ? Op::RIGHTSHIFT : Op::None; break;
      case '*': op = c1 == '*' ? Op::DOUBLESTAR : c1 == '=' ? Op::STAREQUAL : Op::None; break;
      case '/': op = c1 == '/' ? Op::DOUBLESLASH : c1 == '=' ? Op::SLASHEQUAL : Op::None; break;
      case '+': op = c1 == '=' ? Op::PLUSEQUAL : Op::None; break;
      case '-': op = c1 == '=' ? Op::MINEQUAL : c1 == '>' ? Op::RARROW : Op::None; break;
      case '%': op = c1 == '=' ? Op::PERCENTEQUAL : Op::None; break;
      case '&': op = c1 == '=' ? Op::AMPEREQUAL : Op::None; break;
      case '|': op = c1 == '=' ? Op::VBAREQUAL : Op::None; break;
      case '^': op = c1 == '=' ? Op::CIRCUMFLEXEQUAL : Op::None; break;
      case '@': op = c1 == '=' ? Op::ATEQUAL : Op::None; break;
      case ':': op = c1 == '=' ? Op::COLONEQUAL : Op::None; break;
      default: break;
    }
    if (op == Op::None) {
      len = 1;
      switch (c0) {
        case '(': op = Op::LPAR; break;
        case ')': op = Op::RPAR; break;
        case '[': op = Op::LSQB; break;
        case ']': op = Op::RSQB; break;
        case '{': op = Op::LBRACE; break;
        case '}': op = Op::RBRACE; break;
        case ':': op = Op::COLON; break;
        case ',': op = Op::COMMA; break;
        case ';': op = Op::SEMI; break;
        case '+': op = Op::PLUS; break;
        case '-': op = Op::MINUS; break;
        case '*': op = Op::STAR; break;
        case '/': op = Op::SLASH; break;
        case '|': op = Op::VBAR; break;
        case '&': op = Op::AMPER; break;
        case '<': op = Op::LESS; break;
        case '>': op = Op::GREATER; break;
        case '=': op = Op::EQUAL; break;
        case '.': op = Op::DOT; break;
        case '%': op = Op::PERCENT; break;
        case '~': op = Op::TILDE; break;
        case '^': op = Op::CIRCUMFLEX; break;
        case '@': op = Op::AT; break;
        default: break;
      }
    }
  }
  if (op == Op::None) {
    // Stray ASCII character ($, ?, !, `, control characters).
    unsigned char uc = static_cast<unsigned char>(c0);
    if (uc < 0x20 || uc == 0x7F) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", uc);
      return fail_at(buf, col + 1);
    }
    pos_ = b + 1;
    push(TokKind::ErrorTok, b, pos_, lineno_, col, lineno_, col + 1);
    return true;
  }
  pos_ = b + len;
  if (op == Op::LPAR || op == Op::LSQB || op == Op::LBRACE) {
    if (static_cast<int>(brackets_.size()) >= kMaxParenDepth)
      return fail_at("too many nested parentheses", col + 1);
    brackets_.push_back({c0, lineno_, col});
  } else if (op == Op::RPAR || op == Op::RSQB || op == Op::RBRACE) {
    if (brackets_.empty())
      return fail_at(std::string("unmatched '") + c0 + "'", col + 1);
    Bracket open = brackets_.back();
    char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
    if (c0 != want) {
      std::string msg = std::string("closing parenthesis '") + c0 +
                        "' does not match opening parenthesis '" + open.ch + "'";
      if (open.lineno != lineno_) msg += " on line " + std::to_string(open.lineno);
      return fail_at(msg, col + 1);
    }
    brackets_.pop_back();
  }
  push(TokKind::Op, b, pos_, lineno_, col, lineno_, col + len, op);
  return true;
}

}  // namespace gilpy::tokenizer
