// String literals: prefixes, escape decoding, implicit concatenation of
// adjacent literals (str, bytes and f-strings) into Constant / JoinedStr.
// f-string bodies are split in fstring.cpp.
#include "common/unicode.h"
#include <cstdio>

#include "common/utf8.h"
#include "parser/parser_internal.h"
#include "parser/strings.h"

namespace gilpy::parser {

using namespace ast;

bool lookup_unicode_name(std::string_view name, uint32_t& cp) { return unicode::lookup_name(name, &cp); }

StrPrefix split_prefix(std::string_view tok, std::string_view& body) {
  StrPrefix p;
  size_t i = 0;
  while (i < tok.size() && tok[i] != '\'' && tok[i] != '"') {
    switch (tok[i] | 0x20) {
      case 'r': p.raw = true; break;
      case 'b': p.bytes = true; break;
      case 'f': p.fmt = true; break;
      case 'u': p.u = true; break;
      default: break;
    }
    i++;
  }
  std::string_view q = tok.substr(i);
  size_t ql = (q.size() >= 6 && q[0] == q[1] && q[1] == q[2]) ? 3 : 1;
  body = q.substr(ql, q.size() - 2 * ql);
  p.body_offset = static_cast<int>(i + ql);
  return p;
}

namespace {

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string codec_error(size_t from, size_t to, const char* what) {
  return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(from) +
         "-" + std::to_string(to) + ": " + what;
}

}  // namespace

bool decode_escapes(std::string_view s, bool bytes, std::string& out, std::string& err, std::string* warning) {
  auto invalid = [&](size_t at, bool octal) {
    if (!warning || !warning->empty()) return;
    if (octal) {
      *warning = "invalid octal escape sequence '\\" + std::string(s.substr(at, 3)) + "'";
    } else {
      // CPython formats the byte after the backslash as a code point (%c).
      std::string c;
      utf8::encode(static_cast<unsigned char>(s[at]), c);
      *warning = "invalid escape sequence '\\" + c + "'";
    }
  };
  out.reserve(out.size() + s.size());
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c != '\\') {
      if (bytes && static_cast<unsigned char>(c) >= 0x80) {
        err = "bytes can only contain ASCII literal characters";
        return false;
      }
      out += c;
      i++;
      continue;
    }
    const size_t esc = i;
    if (i + 1 >= s.size()) {  // cannot happen for tokenized literals
      out += '\\';
      break;
    }
    char e = s[i + 1];
    i += 2;
    switch (e) {
      case '\n': break;  // line continuation inside the literal
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = e - '0';
        for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + (s[i++] - '0');
        if (v > 0377) invalid(esc + 1, true);
        if (bytes) out += static_cast<char>(v & 0xFF);
        else utf8::encode(v, out);
        break;
      }
      case 'x': {
        int h1 = i < s.size() ? hexval(s[i]) : -1;
        int h2 = i + 1 < s.size() ? hexval(s[i + 1]) : -1;
        if (h1 < 0 || h2 < 0) {
          size_t end = i + (h1 >= 0 ? 1 : 0);
          err = bytes ? "(value error) invalid \\x escape at position " + std::to_string(esc)
                      : codec_error(esc, end > esc + 1 ? end - 1 : esc + 1, "truncated \\xXX escape");
          return false;
        }
        uint32_t v = static_cast<uint32_t>(h1 * 16 + h2);
        i += 2;
        if (bytes) out += static_cast<char>(v);
        else utf8::encode(v, out);
        break;
      }
      case 'u':
      case 'U':
      case 'N': {
        if (bytes) {  // not escapes in bytes literals: kept verbatim
          invalid(esc + 1, false);
          out += '\\';
          out += e;
          break;
        }
        uint32_t v = 0;
        if (e == 'N') {
          size_t close = s.find('}', i);
          if (i >= s.size() || s[i] != '{' || close == std::string_view::npos || close == i + 1) {
            err = codec_error(esc, (close == std::string_view::npos ? s.size() : close) - 1,
                              "malformed \\N character escape");
            return false;
          }
          if (!lookup_unicode_name(s.substr(i + 1, close - i - 1), v)) {
            err = codec_error(esc, close, "unknown Unicode character name");
            return false;
          }
          i = close + 1;
        } else {
          int n = e == 'u' ? 4 : 8;
          for (int k = 0; k < n; k++) {
            int h = i < s.size() ? hexval(s[i]) : -1;
            if (h < 0) {
              err = codec_error(esc, i > esc + 1 ? i - 1 : esc + 1,
                                e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
              return false;
            }
            v = v * 16 + static_cast<uint32_t>(h);
            i++;
          }
          if (v > 0x10FFFF) {
            err = codec_error(esc, i - 1, "illegal Unicode character");
            return false;
          }
        }
        utf8::encode(v, out);  // surrogates become WTF-8 3-byte sequences
        break;
      }
      default:
        // Invalid escapes are kept verbatim (3.11 only warns).
        invalid(esc + 1, false);
        out += '\\';
        i--;
        break;
    }
  }
  return true;
}

expr* Parser::strings() {
  const size_t first = pos_;
  while (at(TokKind::String)) advance();
  const size_t last = pos_;  // exclusive
  const Token& t0 = toks_[first];
  const Token& tn = toks_[last - 1];
  const Pos s = start(t0), e = end(tn);

  bool any_bytes = false, any_str = false, any_f = false;
  for (size_t i = first; i < last; i++) {
    std::string_view body;
    StrPrefix p = split_prefix(text(toks_[i]), body);
    (p.bytes ? any_bytes : any_str) = true;
    any_f |= p.fmt;
    if (!p.bytes) {
      // Source bytes that are not UTF-8 inside the literal: the error
      // CPython's decoding of its text gives.
      uint32_t b = toks_[i].start + uint32_t(p.body_offset), e = b + uint32_t(body.size());
      if (const tokenizer::BadBytes* bb = tz_.bad_bytes_in(b, e))
        return error_at(toks_[i], bb->message(bb->pos - b, bb->pos + 3 == e));
    }
  }
  if (any_f && !version_ok(6, "Format strings are")) return nullptr;
  if (any_bytes && any_str) return error_at(tok(), "cannot mix bytes and nonbytes literals");
  std::string body_u;
  StrPrefix p0;
  {
    std::string_view b;
    p0 = split_prefix(text(t0), b);
  }

  if (!any_f) {
    std::string value;
    for (size_t i = first; i < last; i++) {
      std::string_view body;
      StrPrefix p = split_prefix(text(toks_[i]), body);
      if (p.raw) {
        if (p.bytes) {
          for (char c : body)
            if (static_cast<unsigned char>(c) >= 0x80)
              return error_at(toks_[i], "bytes can only contain ASCII literal characters");
        }
        value.append(body);
      } else {
        std::string err, warning;
        if (!decode_escapes(body, p.bytes, value, err, &warning)) return error_at(toks_[i], err);
        if (!warning.empty()) warn_at(toks_[i], warning, "DeprecationWarning");
      }
    }
    auto* c = mk<Constant>(s, e);
    c->value.kind = any_bytes ? ConstantValue::Kind::Bytes : ConstantValue::Kind::Str;
    c->value.text = std::move(value);
    if (p0.u) c->str_kind = "u";
    return c;
  }

  FStringBuilder fb(*this, s, e, p0.u);
  for (size_t i = first; i < last; i++) {
    const Token& t = toks_[i];
    std::string_view body;
    StrPrefix p = split_prefix(text(t), body);
    if (p.fmt) {
      if (!fstring_body(fb, t, body, p, 0)) return nullptr;
    } else if (p.raw) {
      fb.literal(body);
    } else {
      std::string v, err, warning;
      if (!decode_escapes(body, false, v, err, &warning)) return error_at(t, err);
      if (!warning.empty()) warn_at(t, warning, "DeprecationWarning");
      fb.literal(v);
    }
  }
  return fb.finish();
}

}  // namespace gilpy::parser
