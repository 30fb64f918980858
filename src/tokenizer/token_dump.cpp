// dump_tokens(): reproduces `python3.11 -m tokenize -e FILE` byte for byte
// for valid sources, plus py_repr() (Python's str repr) which the AST dumper
// shares. The pure-Python tokenize module differs from the C tokenizer in a
// few placements (ENCODING token, implicit NEWLINE, character columns); the
// tokenizer's comments_and_nl mode produces the module's token sequence and
// this file only formats it.
#include <cstdio>

#include "common/utf8.h"
#include "common/unicode.h"
#include "tokenizer/tokenizer.h"

namespace gilpy::tokenizer {

bool is_printable(uint32_t cp) { return unicode::is_printable(cp); }

std::string py_repr(std::string_view s) {
  bool has_sq = s.find('\'') != std::string_view::npos;
  bool has_dq = s.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out;
  out.reserve(s.size() + 2);
  out += q;
  for (size_t i = 0; i < s.size();) {
    utf8::Decoded d = utf8::decode(s, i, true);
    uint32_t cp = d.ok ? d.cp : static_cast<unsigned char>(s[i]);
    if (cp == static_cast<uint32_t>(q) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (!is_printable(cp)) {
      char buf[16];
      if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
      out += buf;
    } else {
      out.append(s.substr(i, d.len));
    }
    i += d.len;
  }
  out += q;
  return out;
}

namespace {

const char* kind_name(const Token& t) {
  switch (t.kind) {
    case TokKind::EndMarker: return "ENDMARKER";
    case TokKind::Name: return "NAME";
    case TokKind::Number: return "NUMBER";
    case TokKind::String: return "STRING";
    case TokKind::Newline: return "NEWLINE";
    case TokKind::Indent: return "INDENT";
    case TokKind::Dedent: return "DEDENT";
    case TokKind::Op: return op_name(t.op);
    case TokKind::Comment: return "COMMENT";
    case TokKind::NL: return "NL";
    case TokKind::ErrorTok: return "ERRORTOKEN";
    case TokKind::Error: return "ERRORTOKEN";
    case TokKind::TypeComment: return "TYPE_COMMENT";
  }
  return "?";
}

// printf("%-20s%-15s%-15r") as tokenize's main() does.
void emit(std::string& out, int l1, int c1, int l2, int c2, const char* type, std::string_view text) {
  char range[64];
  std::snprintf(range, sizeof range, "%d,%d-%d,%d:", l1, c1, l2, c2);
  std::string r = py_repr(text);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%-20s%-15s", range, type);
  out += buf;
  out += r;
  size_t width = utf8::count(r);
  if (width < 15) out.append(15 - width, ' ');
  out += '\n';
}

}  // namespace

std::string dump_tokens(std::string_view source, std::string_view filename, std::string* error) {
  Options opts;
  opts.comments_and_nl = true;
  opts.translate_newlines = false;
  Tokenizer tz(source, opts);
  std::string out;
  emit(out, 0, 0, 0, 0, "ENCODING", tz.encoding());
  const std::string& src = tz.source();
  // The module stops at a whitespace-only final line without a newline and
  // puts the EOF tokens on that line rather than the one after it.
  int eof_line = -1;
  {
    size_t k = src.size();
    while (k > 0 && (src[k - 1] == ' ' || src[k - 1] == '\t' || src[k - 1] == '\f')) k--;
    if (k < src.size() && (k == 0 || src[k - 1] == '\n')) eof_line = tz.line_count();
  }
  for (const Token& t : tz.tokens()) {
    if (t.kind == TokKind::Error) break;
    int l1 = t.lineno, l2 = t.end_lineno;
    if ((t.kind == TokKind::EndMarker || (t.kind == TokKind::Dedent && t.start == src.size())) &&
        eof_line > 0)
      l1 = l2 = eof_line;
    int c1 = tz.char_col(l1, t.col), c2 = tz.char_col(l2, t.end_col);
    std::string_view text = tz.text(t);
    if (t.kind == TokKind::Dedent || t.kind == TokKind::EndMarker) text = {};
    emit(out, l1, c1, l2, c2, kind_name(t), text);
  }
  if (tz.error() && error) {
    const TokError& e = *tz.error();
    *error = std::string(filename) + ":" + std::to_string(e.lineno) + ":" +
             std::to_string(e.offset) + ": error: " + e.msg;
  }
  return out;
}

}  // namespace gilpy::tokenizer
