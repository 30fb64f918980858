// f-strings (PEP 498 as of Python 3.11): the whole literal is one STRING
// token; here its body is split into literal text and replacement fields
// `{expr[=][!conv][:spec]}`. Each expression is parsed by a sub-parser over
// "(" + text + ")" sharing the arena, then its positions are moved to where
// the text sits in the real source.
#include "parser/strings.h"

namespace gilpy::parser {

using namespace ast;

namespace {

bool all_space(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  return true;
}

// Moves a sub-parse's positions: line 1 of the sub-source starts one column
// before `at` (the inserted '('), later lines map line-for-line.
void shift_positions(Node* n, Pos at) {
  auto fix = [&](int& line, int& col) {
    if (line == 1) col += at.col - 1;
    line += at.line - 1;
  };
  fix(n->lineno, n->col_offset);
  fix(n->end_lineno, n->end_col_offset);
  for_each_child(n, [&](Node* c) { shift_positions(c, at); });
}

}  // namespace

// CPython 3.11 reports f-string errors at the end of the literal's token.
std::nullptr_t Parser::ferror(const Token& t, std::string msg) {
  return error_range(end(t), end(t), std::move(msg));
}

bool Parser::fstring_body(FStringBuilder& fb, const Token& t, std::string_view body, const StrPrefix& p,
                          int depth) {
  size_t i = 0;
  return fstring_scan(fb, t, body, i, p, depth);
}

bool Parser::fstring_scan(FStringBuilder& fb, const Token& t, std::string_view body, size_t& i,
                          const StrPrefix& p, int depth) {
  std::string lit;
  auto flush = [&]() -> bool {
    if (lit.empty()) return true;
    if (p.raw) {
      fb.literal(lit);
    } else {
      std::string v, err, warning;
      if (!decode_escapes(lit, false, v, err, &warning)) return error_at(t, err), false;
      if (!warning.empty()) warn_at(t, warning, "DeprecationWarning");
      fb.literal(v);
    }
    lit.clear();
    return true;
  };
  while (i < body.size()) {
    const char c = body[i];
    if (c == '{') {
      // Doubled braces are an escape only at the top level: in a format
      // spec '{' always opens a nested field (CPython 3.11).
      if (depth == 0 && i + 1 < body.size() && body[i + 1] == '{') {
        lit += '{';
        i += 2;
        continue;
      }
      if (!flush()) return false;
      if (!fstring_field(fb, t, body, i, p, depth)) return false;
      continue;
    }
    if (c == '}') {
      if (depth > 0) break;  // closes the enclosing replacement field
      if (i + 1 < body.size() && body[i + 1] == '}') {
        lit += '}';
        i += 2;
        continue;
      }
      ferror(t, "f-string: single '}' is not allowed");
      return false;
    }
    if (c == '\\' && !p.raw && i + 2 < body.size() && body[i + 1] == 'N' && body[i + 2] == '{') {
      // \N{NAME}: the braces belong to the escape.
      size_t close = body.find('}', i);
      if (close == std::string_view::npos) close = body.size() - 1;
      lit.append(body.substr(i, close + 1 - i));
      i = close + 1;
      continue;
    }
    if (c == '\\' && !p.raw && i + 1 < body.size() && (body[i + 1] == '{' || body[i + 1] == '}')) {
      // The backslash stays literal; the brace keeps its meaning.
      warn_at(t, std::string("invalid escape sequence '\\") + body[i + 1] + "'", "DeprecationWarning");
    }
    if (c == '\\' && !p.raw && i + 1 < body.size() && body[i + 1] != '{' && body[i + 1] != '}') {
      lit.append(body.substr(i, 2));  // keep an escape such as \\ together
      i += 2;
      continue;
    }
    lit += c;
    i++;
  }
  return flush();
}

// At '{' (not doubled): parses one replacement field through its '}'.
bool Parser::fstring_field(FStringBuilder& fb, const Token& t, std::string_view body, size_t& i,
                           const StrPrefix& p, int depth) {
  const size_t n = body.size();
  // CPython 3.11: a field may sit in a field's format spec, and that inner
  // field may have a (literal) spec, but no field goes deeper.
  if (depth >= 2) return ferror(t, "f-string: expressions nested too deeply"), false;
  i++;  // '{'
  const size_t expr_start = i;
  std::vector<char> nest;
  char quote = 0;
  bool triple = false;
  for (; i < n; i++) {
    const char ch = body[i];
    // No backslash anywhere in the expression part, strings included (3.11).
    if (ch == '\\') return ferror(t, "f-string expression part cannot include a backslash"), false;
    if (quote) {
      if (ch == quote) {
        if (!triple) {
          quote = 0;
        } else if (i + 2 < n && body[i + 1] == quote && body[i + 2] == quote) {
          quote = 0;
          i += 2;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      quote = ch;
      triple = i + 2 < n && body[i + 1] == ch && body[i + 2] == ch;
      if (triple) i += 2;
      continue;
    }
    if (ch == '(' || ch == '[' || ch == '{') {
      if (nest.size() >= 200) return ferror(t, "f-string: too many nested parenthesis"), false;
      nest.push_back(ch);
      continue;
    }
    if (ch == ')' || ch == ']' || ch == '}') {
      if (nest.empty()) {
        if (ch == '}') break;
        return ferror(t, std::string("f-string: unmatched '") + ch + "'"), false;
      }
      char open = nest.back();
      char want = open == '(' ? ')' : open == '[' ? ']' : '}';
      if (ch != want)
        return ferror(t, std::string("f-string: closing parenthesis '") + ch +
                               "' does not match opening parenthesis '" + open + "'"),
               false;
      nest.pop_back();
      continue;
    }
    if (ch == '#') return ferror(t, "f-string expression part cannot include '#'"), false;
    if (!nest.empty()) continue;
    const char nx = i + 1 < n ? body[i + 1] : '\0';
    if (ch == '!' || ch == '=' || ch == '<' || ch == '>') {
      if (nx == '=') {  // != == <= >=
        i++;
        continue;
      }
      if (ch == '!' || ch == '=') break;
      continue;
    }
    if (ch == ':') break;
  }
  if (quote) return ferror(t, "f-string: unterminated string"), false;
  if (i >= n) {
    if (!nest.empty()) return ferror(t, "f-string: unmatched '" + std::string(1, nest.back()) + "'"), false;
    return ferror(t, "f-string: expecting '}'"), false;
  }
  std::string_view code = body.substr(expr_start, i - expr_start);
  if (all_space(code)) {
    if (body[i] == '!' || body[i] == ':' || body[i] == '=')
      return ferror(t, std::string("f-string: expression required before '") + body[i] + "'"), false;
    return ferror(t, "f-string: empty expression not allowed"), false;
  }

  // Source position of the expression text.
  const size_t src_off = t.start + p.body_offset + expr_start;
  Pos at = start(t);
  {
    const std::string& src = tz_.source();
    for (size_t k = t.start; k < src_off; k++) {
      if (src[k] == '\n') at.line++, at.col = 0;
      else at.col++;
    }
  }
  expr* value = fstring_expr(code, t, at);
  if (!value) return false;

  std::string doc;
  if (body[i] == '=') {
    if (!version_ok(8, "f-string: self documenting expressions are")) return false;
    i++;
    while (i < n && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n')) i++;
    doc = std::string(body.substr(expr_start, i - expr_start));
  }
  int conversion = -1;
  if (i < n && body[i] == '!') {
    i++;
    if (i >= n) return ferror(t, "f-string: expecting '}'"), false;
    char cv = body[i];
    if (cv != 's' && cv != 'r' && cv != 'a')
      return ferror(t, "f-string: invalid conversion character: expected 's', 'r', or 'a'"), false;
    conversion = cv;
    i++;
  }
  JoinedStr* spec = nullptr;
  if (i < n && body[i] == ':') {
    i++;
    // A format spec spans its own token, not the whole concatenation.
    FStringBuilder sb(*this, start(t), end(t), false);
    if (!fstring_scan(sb, t, body, i, p, depth + 1)) return false;
    spec = sb.finish();
  }
  if (i >= n || body[i] != '}') return ferror(t, "f-string: expecting '}'"), false;
  i++;
  if (!doc.empty()) {
    fb.literal(doc);
    if (conversion == -1 && !spec) conversion = 'r';
  }
  auto* fv = mk<FormattedValue>(fb.start(), fb.end());
  fv->value = value;
  fv->conversion = conversion;
  fv->format_spec = spec;
  fb.value(fv);
  return true;
}

expr* Parser::fstring_expr(std::string_view code, const Token& t, Pos at) {
  std::string src;
  src.reserve(code.size() + 2);
  src += '(';
  src += code;
  src += ')';
  // CPython 3.11 reports an error inside the expression where its own
  // sub-parser of "(" + code + ")" saw it: lines counted from the line of
  // the '{', columns within the sub-source's lines (whose text is the line
  // shown). A parser error also gets the "f-string: " prefix and CPython's
  // column shift on lines after the first (minus the column its tokens were
  // moved by: the '{' column, or the token's when a newline follows the '{'
  // on the token's first line); a tokenizer error keeps both raw.
  const int lines = at.line - t.lineno;
  size_t k = 0;
  while (k < code.size() && (code[k] == ' ' || code[k] == '\t' || code[k] == '\f')) k++;
  const bool newline_after_brace = k < code.size() && (code[k] == '\n' || code[k] == '\r');
  tokenizer::Options sub_opts;
  sub_opts.async_hacks = feature_version_ >= 0 && feature_version_ < 7;
  tokenizer::Tokenizer sub(src, sub_opts);
  Parser sp(sub, arena_, filename_);
  sp.depth_ = depth_ + 1;
  sp.feature_version_ = feature_version_;
  sp.fstring_col_shift_ = newline_after_brace ? (lines == 0 ? t.col : 0) : at.col - 1;
  expr* e = sp.atom();
  if (e && !sp.failed() && !sp.at(TokKind::Newline) && !sp.at(TokKind::EndMarker)) sp.fail();
  if (sp.failed() || !e) {
    if (!sp.failed()) sp.fail();
    SyntaxErrorInfo info = *sp.err_;
    if (info.from_tokenizer) {
      if (!info.text.empty() && info.text.back() == '\n') info.text.pop_back();
    } else if (info.msg.rfind("f-string", 0) != 0 || info.msg.find(" only supported in Python 3.") != std::string::npos) {
      info.msg = "f-string: " + info.msg;
    }
    const int line_base = t.lineno + lines - 1;
    if (info.lineno > 0) info.lineno += line_base;
    if (info.end_lineno > 0) info.end_lineno += line_base;
    if (!err_) err_ = std::move(info);
    return nullptr;
  }
  shift_positions(e, at);
  return e;
}

}  // namespace gilpy::parser
