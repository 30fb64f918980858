// Source decoding for the tokenizer: strips a UTF-8 BOM, honours a PEP 263
// coding cookie (utf-8 and latin-1 families), validates UTF-8 and optionally
// translates \r\n / \r newlines to \n. Also owns the identifier-character
// predicates (see the TODO in tokenizer.h).
#include "common/unicode.h"
#include <cctype>
#include <cstdio>

#include "common/utf8.h"
#include "tokenizer/tokenizer.h"

namespace gilpy::tokenizer {

namespace {

// Returns the encoding named by a coding cookie on `line`, or "".
std::string find_cookie(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) i++;
  if (i >= line.size() || line[i] != '#') return "";
  size_t p = line.find("coding", i);
  while (p != std::string_view::npos) {
    size_t q = p + 6;
    if (q < line.size() && (line[q] == ':' || line[q] == '=')) {
      q++;
      while (q < line.size() && (line[q] == ' ' || line[q] == '\t')) q++;
      size_t b = q;
      while (q < line.size() && (std::isalnum(static_cast<unsigned char>(line[q])) ||
                                 line[q] == '-' || line[q] == '_' || line[q] == '.'))
        q++;
      if (q > b) return std::string(line.substr(b, q - b));
    }
    p = line.find("coding", p + 1);
  }
  return "";
}

// CPython normalises names: lower case, '_' -> '-'; "utf-8-*" and
// "latin-1-*" style suffixes are accepted too.
std::string normalize_encoding(std::string e) {
  for (auto& c : e) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto starts = [&](const char* p) {
    std::string_view sv(p);
    return e == sv || (e.size() > sv.size() && e.compare(0, sv.size(), sv) == 0 && e[sv.size()] == '-');
  };
  if (starts("utf-8") || e == "utf8") return "utf-8";
  if (starts("latin-1") || starts("iso-8859-1") || starts("iso-latin-1") || e == "latin1" ||
      e == "iso8859-1" || e == "l1" || e == "cp819" || e == "iso-ir-100")
    return "iso-8859-1";
  return e;
}

// The name the BOM check compares with "utf-8": CPython's tokenizer folds
// only the spellings utf-8[-*] and latin-1/iso-8859-1/iso-latin-1[-*]
// (case and '_' ignored, first 12 characters), and keeps any other name as
// written, so "utf8" after a BOM is an "encoding problem: utf8 with BOM".
std::string declared_name(const std::string& e) {
  std::string b;
  for (size_t i = 0; i < e.size() && i < 12; i++)
    b += e[i] == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(e[i])));
  auto is = [&](std::string_view p) { return b == p || (b.size() > p.size() && b.compare(0, p.size(), p) == 0 && b[p.size()] == '-'); };
  if (is("utf-8")) return "utf-8";
  if (is("latin-1") || is("iso-8859-1") || is("iso-latin-1")) return "iso-8859-1";
  return e;
}

}  // namespace

SourceDecoder g_source_decoder = nullptr;

// A script file whose declared encoding cannot decode it: CPython's file
// reader says only "encoding problem: NAME" (NAME as declared); compile()
// and import give the codec's own message.
std::string Tokenizer::script_decoding_error(const std::string& enc, std::string codec_message) const {
  return opts_.script_path.empty() ? codec_message : "encoding problem: " + enc;
}

bool Tokenizer::decode(std::string_view raw) {
  bool bom = raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) raw.remove_prefix(3);
  if (opts_.source_is_utf8) return finish_decode(std::string(raw));

  // The cookie may sit on line 1, or on line 2 if line 1 is a comment/blank.
  std::string enc;
  size_t nl1 = raw.find('\n');
  std::string_view l1 = raw.substr(0, nl1);
  enc = find_cookie(l1);
  if (enc.empty() && nl1 != std::string_view::npos) {
    size_t k = 0;
    while (k < l1.size() && (l1[k] == ' ' || l1[k] == '\t' || l1[k] == '\f' || l1[k] == '\r')) k++;
    if (k == l1.size() || l1[k] == '#') {
      std::string_view rest = raw.substr(nl1 + 1);
      enc = find_cookie(rest.substr(0, rest.find('\n')));
    }
  }
  std::string norm = enc.empty() ? "utf-8" : normalize_encoding(enc);
  // Problems with the declaration itself are reported at "line 0" with no
  // offset, as CPython's decoding stage reports them.
  if (bom && !enc.empty() && declared_name(enc) != "utf-8") {
    fail("SyntaxError", "encoding problem: " + declared_name(enc) + " with BOM", 0, -1, 0, -1);
    return false;
  }

  if (!enc.empty()) encoding_ = norm;
  std::string decoded;
  if (norm == "iso-8859-1") {
    decoded.reserve(raw.size() + raw.size() / 8);
    for (unsigned char c : raw) utf8::encode(c, decoded);
  } else if (norm == "utf-8") {
    size_t bad = utf8::first_invalid(raw);
    if (bad != raw.size()) {
      std::string error;
      // Declared as utf-8 in CPython's own spelling: decoded where used, as
      // when nothing is declared (the decoding then reports the bytes).
      bool lenient = enc.empty() ? opts_.script_path.empty() : declared_name(enc) == "utf-8";
      if (!lenient && !enc.empty() && g_source_decoder && !g_source_decoder(norm, raw, &decoded, &error)) {
        fail("SyntaxError", script_decoding_error(enc, error), 0, -1, 0, -1);  // the codec's own message
        return false;
      }
      if (lenient) {
        if (!finish_decode(std::string(raw))) return false;
        mark_invalid_utf8();
        return true;
      }
      int line = 1;
      for (size_t i = 0; i < bad; i++) line += raw[i] == '\n';
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(raw[bad]));
      std::string where = opts_.script_path.empty()
                              ? std::string("in file")
                              : "in file " + std::string(opts_.script_path) + " on line " + std::to_string(line);
      fail("SyntaxError",
           std::string("Non-UTF-8 code starting with '") + buf + "' " + where +
               ", but no encoding declared; see https://peps.python.org/pep-0263/ for details",
           line, 0, line, 0);
      return false;
    }
    decoded.assign(raw);
  } else if (g_source_decoder) {
    // Any other codec Python knows (cp1252, koi8-r, euc-jp, utf-16, ...).
    std::string error;
    if (!g_source_decoder(norm, raw, &decoded, &error)) {
      fail("SyntaxError", script_decoding_error(enc, error), 0, -1, 0, -1);
      return false;
    }
  } else if (utf8::first_invalid(raw) == raw.size()) {
    decoded.assign(raw);  // no codec registry (unit tests): valid UTF-8 passes
  } else {
    fail("SyntaxError", "unknown encoding: " + enc, 0, -1, 0, -1);
    return false;
  }
  return finish_decode(std::move(decoded));
}

// Newline translation, shared by every way in.
bool Tokenizer::finish_decode(std::string decoded) {
  if (opts_.translate_newlines && decoded.find('\r') != std::string::npos) {
    src_.reserve(decoded.size());
    for (size_t i = 0; i < decoded.size(); i++) {
      if (decoded[i] == '\r') {
        src_ += '\n';
        if (i + 1 < decoded.size() && decoded[i + 1] == '\n') i++;
      } else {
        src_ += decoded[i];
      }
    }
  } else {
    src_ = std::move(decoded);
  }
  return true;
}

// Each maximal invalid subpart becomes one U+FFFD (as decoding with
// errors='replace' shows it in SyntaxError.text), remembered in bad_.
void Tokenizer::mark_invalid_utf8() {
  std::string out;
  out.reserve(src_.size() + 16);
  for (size_t i = 0; i < src_.size();) {
    if (static_cast<unsigned char>(src_[i]) < 0x80) {
      out += src_[i++];
      continue;
    }
    utf8::Decoded d = utf8::decode(src_, i);
    if (d.ok) {
      out.append(src_, i, size_t(d.len));
      i += size_t(d.len);
      continue;
    }
    size_t len = utf8::invalid_run(src_, i).len;
    int next = i + len < src_.size() ? static_cast<unsigned char>(src_[i + len]) : -1;
    bad_.push_back({static_cast<uint32_t>(out.size()), src_.substr(i, len), next});
    out += "\xEF\xBF\xBD";
    i += len;
  }
  src_ = std::move(out);
}

const BadBytes* Tokenizer::bad_bytes_in(uint32_t b, uint32_t e) const {
  for (const BadBytes& x : bad_)
    if (x.pos >= b && x.pos < e) return &x;
  return nullptr;
}

std::string BadBytes::message(int64_t position, bool data_ends) const {
  std::string probe = bytes;
  if (!data_ends && next >= 0) probe += static_cast<char>(next);
  const char* reason = utf8::invalid_run(probe, 0).reason;
  char buf[160];
  if (bytes.size() == 1)
    std::snprintf(buf, sizeof buf, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %lld: %s",
                  static_cast<unsigned char>(bytes[0]), static_cast<long long>(position), reason);
  else
    std::snprintf(buf, sizeof buf, "(unicode error) 'utf-8' codec can't decode bytes in position %lld-%lld: %s",
                  static_cast<long long>(position), static_cast<long long>(position + int64_t(bytes.size()) - 1), reason);
  return buf;
}

// PEP 3131: identifiers start with XID_Start (or '_') and continue with
// XID_Continue. (NFKC normalisation of identifiers is not applied yet.)
bool is_identifier_start(uint32_t cp) {
  if (cp < 128) return std::isalpha(static_cast<int>(cp)) || cp == '_';
  return unicode::is_xid_start(cp);
}

bool is_identifier_continue(uint32_t cp) {
  if (cp < 128) return std::isalnum(static_cast<int>(cp)) || cp == '_';
  return unicode::is_xid_continue(cp);
}

}  // namespace gilpy::tokenizer
