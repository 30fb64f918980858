// The builtin text codecs behind str.encode, bytes.decode and str(bytes, enc):
// utf-8, ascii, latin-1, utf-16/32 (with and without BOM) and cp1252, with the
// standard error handlers (strict, ignore, replace, backslashreplace,
// xmlcharrefreplace, namereplace, surrogateescape, surrogatepass).
//
// str storage is WTF-8, so a decoded lone surrogate (surrogateescape,
// surrogatepass) is stored as its 3-byte form and encoding sees it as a code
// point in U+D800..U+DFFF. Error positions and reasons follow CPython 3.11, and
// the UnicodeError is built with the standard 5 arguments
// (encoding, object, start, end, reason).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "common/unicode.h"
#include "common/utf8.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/text_util.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

enum class Codec { Utf8, Ascii, Latin1, Utf16, Utf16LE, Utf16BE, Utf32, Utf32LE, Utf32BE, Cp1252, UnicodeEscape,
                   RawUnicodeEscape, Unknown };

Codec lookup_codec(std::string_view enc) {
  std::string n;
  n.reserve(enc.size());
  for (char c : enc) {
    if (c == '-' || c == ' ') c = '_';
    else if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    n += c;
  }
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001" || n == "utf8_ucs2" ||
      n == "utf8_ucs4")
    return Codec::Utf8;
  if (n == "ascii" || n == "us_ascii" || n == "646" || n == "us" || n == "ansi_x3.4_1968" || n == "cp367")
    return Codec::Ascii;
  if (n == "latin_1" || n == "latin1" || n == "latin" || n == "l1" || n == "iso_8859_1" || n == "iso8859_1" ||
      n == "8859" || n == "cp819" || n == "iso_ir_100" || n == "iso8859")
    return Codec::Latin1;
  if (n == "utf_16" || n == "utf16" || n == "u16") return Codec::Utf16;
  if (n == "utf_16_le" || n == "utf_16le" || n == "utf16le") return Codec::Utf16LE;
  if (n == "utf_16_be" || n == "utf_16be" || n == "utf16be") return Codec::Utf16BE;
  if (n == "utf_32" || n == "utf32" || n == "u32") return Codec::Utf32;
  if (n == "utf_32_le" || n == "utf_32le" || n == "utf32le") return Codec::Utf32LE;
  if (n == "utf_32_be" || n == "utf_32be" || n == "utf32be") return Codec::Utf32BE;
  if (n == "cp1252" || n == "windows_1252" || n == "1252") return Codec::Cp1252;
  if (n == "unicode_escape" || n == "unicodeescape") return Codec::UnicodeEscape;
  if (n == "raw_unicode_escape" || n == "rawunicodeescape") return Codec::RawUnicodeEscape;
  return Codec::Unknown;
}

const char* codec_name(Codec c) {
  switch (c) {
    case Codec::Utf8: return "utf-8";
    case Codec::Ascii: return "ascii";
    case Codec::Latin1: return "latin-1";
    case Codec::Utf16: return "utf-16";
    case Codec::Utf16LE: return "utf-16-le";
    case Codec::Utf16BE: return "utf-16-be";
    case Codec::Utf32: return "utf-32";
    case Codec::Utf32LE: return "utf-32-le";
    case Codec::Utf32BE: return "utf-32-be";
    case Codec::Cp1252: return "charmap";
    case Codec::UnicodeEscape: return "unicodeescape";
    case Codec::RawUnicodeEscape: return "rawunicodeescape";
    default: return "unknown";
  }
}

// cp1252's 0x80..0x9F block; 0 marks an undefined byte. Other bytes map to themselves.
const uint16_t kCp1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

enum class Handler { Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace, NameReplace, SurrogateEscape,
                     SurrogatePass, Unknown };

Handler lookup_handler(std::string_view h) {
  if (h == "strict") return Handler::Strict;
  if (h == "ignore") return Handler::Ignore;
  if (h == "replace") return Handler::Replace;
  if (h == "backslashreplace") return Handler::BackslashReplace;
  if (h == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
  if (h == "namereplace") return Handler::NameReplace;
  if (h == "surrogateescape") return Handler::SurrogateEscape;
  if (h == "surrogatepass") return Handler::SurrogatePass;
  return Handler::Unknown;
}

Err unknown_handler(std::string_view h) {
  return raise_fmt(tp_LookupError, "unknown error handler name '%.*s'", int(h.size()), h.data());
}

void append_hex(std::string& out, const char* prefix, uint32_t v, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%0*x", prefix, digits, v);
  out += buf;
}

void backslash_cp(std::string& out, uint32_t cp) {
  if (cp < 0x100) append_hex(out, "\\x", cp, 2);
  else if (cp < 0x10000) append_hex(out, "\\u", cp, 4);
  else append_hex(out, "\\U", cp, 8);
}

// ---- encoding ----------------------------------------------------------------------------------
struct Encoder {
  Codec codec;
  bool big_endian = false;  // utf-16/32 byte order

  // Appends the encoding of cp; false when the codec cannot represent it.
  bool put(uint32_t cp, std::string& out) const {
    switch (codec) {
      case Codec::Utf8:
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        text::put_cp(out, cp);
        return true;
      case Codec::Ascii:
        if (cp >= 0x80) return false;
        out += char(cp);
        return true;
      case Codec::Latin1:
        if (cp >= 0x100) return false;
        out += char(cp);
        return true;
      case Codec::Cp1252:
        if (cp < 0x80 || (cp >= 0xA0 && cp < 0x100)) { out += char(cp); return true; }
        for (int i = 0; i < 32; i++)
          if (kCp1252High[i] && kCp1252High[i] == cp) { out += char(0x80 + i); return true; }
        return false;
      case Codec::Utf16: case Codec::Utf16LE: case Codec::Utf16BE:
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        if (cp >= 0x10000) {
          uint32_t v = cp - 0x10000;
          unit16(out, 0xD800 | (v >> 10));
          unit16(out, 0xDC00 | (v & 0x3FF));
        } else {
          unit16(out, cp);
        }
        return true;
      default:  // utf-32
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        unit32(out, cp);
        return true;
    }
  }
  void unit16(std::string& out, uint32_t u) const {
    if (big_endian) { out += char(u >> 8); out += char(u & 0xFF); }
    else { out += char(u & 0xFF); out += char(u >> 8); }
  }
  void unit32(std::string& out, uint32_t u) const {
    if (big_endian) { out += char(u >> 24); out += char((u >> 16) & 0xFF); out += char((u >> 8) & 0xFF); out += char(u & 0xFF); }
    else { out += char(u & 0xFF); out += char((u >> 8) & 0xFF); out += char((u >> 16) & 0xFF); out += char(u >> 24); }
  }
  const char* reason() const {
    switch (codec) {
      case Codec::Ascii: return "ordinal not in range(128)";
      case Codec::Latin1: return "ordinal not in range(256)";
      case Codec::Cp1252: return "character maps to <undefined>";
      default: return "surrogates not allowed";
    }
  }
  bool is_unicode_codec() const { return codec != Codec::Ascii && codec != Codec::Latin1 && codec != Codec::Cp1252; }
};

Err raise_encode_error(Codec c, Str* s, int64_t start, int64_t end, const char* reason) {
  Value args[5] = {str_value(codec_name(c)), Value(s), Value::small(start), Value::small(end), str_value(reason)};
  return raise_with_args(tp_UnicodeEncodeError, args, 5);
}

Err raise_decode_error(const char* enc, Value obj, std::string_view data, int64_t start, int64_t end,
                       const char* reason) {
  if (!obj) obj = bytes_from(data);
  Value args[5] = {str_value(enc), obj, Value::small(start), Value::small(end), str_value(reason)};
  return raise_with_args(tp_UnicodeDecodeError, args, 5);
}

// unicode_escape / raw_unicode_escape: every code point is representable, so no handler runs.
Value encode_escape(Str* s, bool raw) {
  std::string out;
  out.reserve(size_t(s->nbytes) + 8);
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t cp = text::next_cp(s->data, &i);
    if (raw) {
      if (cp < 0x100) out += char(cp);
      else backslash_cp(out, cp);
      continue;
    }
    if (cp == '\\') out += "\\\\";
    else if (cp == '\t') out += "\\t";
    else if (cp == '\n') out += "\\n";
    else if (cp == '\r') out += "\\r";
    else if (cp < 0x20 || cp >= 0x7F) backslash_cp(out, cp);
    else out += char(cp);
  }
  return bytes_from(out);
}

Result<Value> encode(Str* s, Codec codec, std::string_view errors) {
  if (codec == Codec::UnicodeEscape || codec == Codec::RawUnicodeEscape)
    return encode_escape(s, codec == Codec::RawUnicodeEscape);
  // Fast paths: utf-8 without surrogates is the storage itself; ASCII text is itself in
  // every ASCII-compatible codec.
  if (codec == Codec::Utf8 || codec == Codec::Ascii || codec == Codec::Latin1 || codec == Codec::Cp1252) {
    if (s->ascii) return bytes_from(s->view());
  }
  if (codec == Codec::Utf8) {
    bool surrogates = false;
    for (int64_t i = 0; i + 1 < s->nbytes; i++)
      if (static_cast<unsigned char>(s->data[i]) == 0xED && static_cast<unsigned char>(s->data[i + 1]) >= 0xA0) {
        surrogates = true;
        break;
      }
    if (!surrogates) return bytes_from(s->view());
  }
  Encoder enc{codec};
  std::string out;
  out.reserve(size_t(s->nbytes) + 4);
  if (codec == Codec::Utf16BE || codec == Codec::Utf32BE) enc.big_endian = true;
  if (codec == Codec::Utf16) enc.unit16(out, 0xFEFF);
  if (codec == Codec::Utf32) enc.unit32(out, 0xFEFF);
  // Decode the whole string once: error ranges need code point positions.
  std::vector<uint32_t> cps;
  cps.reserve(size_t(s->length));
  for (int64_t i = 0; i < s->nbytes;) cps.push_back(text::next_cp(s->data, &i));
  Handler h = Handler::Strict;
  bool handler_known = false;
  int64_t n = int64_t(cps.size());
  for (int64_t i = 0; i < n;) {
    if (enc.put(cps[size_t(i)], out)) { i++; continue; }
    // A run of unencodable code points forms one error range, as in CPython.
    int64_t j = i + 1;
    std::string tmp;
    while (j < n && !enc.put(cps[size_t(j)], tmp)) j++;
    if (!handler_known) {
      h = lookup_handler(errors);
      if (h == Handler::Unknown) return unknown_handler(errors);
      handler_known = true;
    }
    std::string repl;  // ASCII replacement text, encoded with the codec below
    switch (h) {
      case Handler::Strict:
      case Handler::Unknown:
        return raise_encode_error(codec, s, i, j, enc.reason());
      case Handler::Ignore:
        break;
      case Handler::Replace:
        for (int64_t k = i; k < j; k++) repl += '?';
        break;
      case Handler::BackslashReplace:
        for (int64_t k = i; k < j; k++) backslash_cp(repl, cps[size_t(k)]);
        break;
      case Handler::XmlCharRefReplace:
        for (int64_t k = i; k < j; k++) {
          uint32_t cp = cps[size_t(k)];
          repl += "&#" + std::to_string(cp) + ";";
        }
        break;
      case Handler::NameReplace:
        for (int64_t k = i; k < j; k++) {
          uint32_t cp = cps[size_t(k)];
          std::string nm = unicode::name(cp);
          if (!nm.empty()) repl += "\\N{" + nm + "}";
          else backslash_cp(repl, cp);
        }
        break;
      case Handler::SurrogateEscape:
        for (int64_t k = i; k < j; k++) {
          uint32_t cp = cps[size_t(k)];
          if (cp < 0xDC80 || cp > 0xDCFF) return raise_encode_error(codec, s, k, k + 1, enc.reason());
        }
        for (int64_t k = i; k < j; k++) out += char(cps[size_t(k)] - 0xDC00);
        i = j;
        continue;
      case Handler::SurrogatePass:
        if (!enc.is_unicode_codec()) return raise_encode_error(codec, s, i, j, enc.reason());
        for (int64_t k = i; k < j; k++) {
          uint32_t cp = cps[size_t(k)];
          if (cp < 0xD800 || cp > 0xDFFF) return raise_encode_error(codec, s, k, k + 1, enc.reason());
          if (codec == Codec::Utf8) text::put_cp(out, cp);
          else if (codec == Codec::Utf16 || codec == Codec::Utf16LE || codec == Codec::Utf16BE) enc.unit16(out, cp);
          else enc.unit32(out, cp);
        }
        i = j;
        continue;
    }
    for (char c : repl) enc.put(static_cast<unsigned char>(c), out);
    i = j;
  }
  return bytes_from(out);
}

// ---- decoding ----------------------------------------------------------------------------------
struct DecodeState {
  const char* enc = nullptr;
  std::string_view data;
  Value obj;
  std::string_view errors;
  Handler h = Handler::Strict;
  bool known = false;
  std::string out;

  // Handle the undecodable bytes data[start, end); returns ERR for strict.
  Status error(int64_t start, int64_t end, const char* reason) {
    if (!known) {
      h = lookup_handler(errors);
      if (h == Handler::Unknown) return unknown_handler(errors);
      known = true;
    }
    switch (h) {
      case Handler::Ignore: return OK();
      case Handler::Replace: text::put_cp(out, 0xFFFD); return OK();
      case Handler::BackslashReplace:
        for (int64_t k = start; k < end; k++) append_hex(out, "\\x", static_cast<unsigned char>(data[size_t(k)]), 2);
        return OK();
      case Handler::SurrogateEscape: {
        for (int64_t k = start; k < end; k++)
          if (static_cast<unsigned char>(data[size_t(k)]) < 0x80) return raise_decode_error(enc, obj, data, start, end, reason);
        for (int64_t k = start; k < end; k++) text::put_cp(out, 0xDC00 + static_cast<unsigned char>(data[size_t(k)]));
        return OK();
      }
      default:
        return raise_decode_error(enc, obj, data, start, end, reason);
    }
  }
};

Result<Value> decode_utf8(DecodeState& st) {
  std::string_view d = st.data;
  if (text::all_ascii(d.data(), d.size())) return Value(str_new_ascii(d));
  size_t bad = utf8::first_invalid(d);
  if (bad == d.size()) return Value(str_new(d));
  bool surrogatepass = st.errors == "surrogatepass";
  std::string& out = st.out;
  out.reserve(d.size());
  out.append(d.data(), bad);
  int64_t n = int64_t(d.size());
  int64_t i = int64_t(bad);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(d.data());
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { out += char(c); i++; continue; }
    int need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) { need = 2; lo = 0xA0; }
    else if (c == 0xED) { need = 2; if (!surrogatepass) hi = 0x9F; }
    else if (c >= 0xE1 && c <= 0xEF) need = 2;
    else if (c == 0xF0) { need = 3; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else if (c == 0xF4) { need = 3; hi = 0x8F; }
    else {
      TRY(st.error(i, i + 1, "invalid start byte"));
      i++;
      continue;
    }
    // Count the valid continuation bytes: that prefix is the error range.
    int got = 0;
    bool bad_cont = false;
    while (got < need) {
      int64_t k = i + 1 + got;
      if (k >= n) break;
      unsigned char cc = p[k];
      unsigned char l = got == 0 ? lo : 0x80, hh = got == 0 ? hi : 0xBF;
      if (cc < l || cc > hh) { bad_cont = true; break; }
      got++;
    }
    if (got == need) {
      out.append(d.data() + i, size_t(need + 1));
      i += need + 1;
      continue;
    }
    if (bad_cont || i + 1 + got < n) {
      TRY(st.error(i, i + 1 + got, "invalid continuation byte"));
    } else {
      TRY(st.error(i, i + 1 + got, "unexpected end of data"));
    }
    i += 1 + got;
  }
  return Value(str_new(out));
}

Result<Value> decode_single_byte(DecodeState& st, Codec codec) {
  std::string_view d = st.data;
  if (text::all_ascii(d.data(), d.size())) return Value(str_new_ascii(d));
  std::string& out = st.out;
  out.reserve(d.size() + d.size() / 2);
  int64_t n = int64_t(d.size());
  for (int64_t i = 0; i < n; i++) {
    unsigned char c = static_cast<unsigned char>(d[size_t(i)]);
    if (c < 0x80) { out += char(c); continue; }
    if (codec == Codec::Latin1) { text::put_cp(out, c); continue; }
    if (codec == Codec::Cp1252) {
      uint32_t cp = c >= 0xA0 ? c : kCp1252High[c - 0x80];
      if (cp) { text::put_cp(out, cp); continue; }
      TRY(st.error(i, i + 1, "character maps to <undefined>"));
      continue;
    }
    TRY(st.error(i, i + 1, "ordinal not in range(128)"));
  }
  return Value(str_new(out));
}

Result<Value> decode_utf16(DecodeState& st, int order) {  // order: 0 detect, 1 LE, 2 BE
  std::string_view d = st.data;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(d.data());
  int64_t n = int64_t(d.size());
  int64_t i = 0;
  if (order == 0) {
    order = 1;
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) i = 2;
    else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) { order = 2; i = 2; }
  }
  auto unit = [&](int64_t k) -> uint32_t {
    return order == 1 ? uint32_t(p[k]) | (uint32_t(p[k + 1]) << 8) : (uint32_t(p[k]) << 8) | uint32_t(p[k + 1]);
  };
  bool pass = st.errors == "surrogatepass";
  while (i < n) {
    if (n - i < 2) {
      TRY(st.error(i, n, "truncated data"));
      break;
    }
    uint32_t u = unit(i);
    if (u < 0xD800 || u > 0xDFFF) { text::put_cp(st.out, u); i += 2; continue; }
    if (u >= 0xDC00) {
      if (pass) { text::put_cp(st.out, u); i += 2; continue; }
      TRY(st.error(i, i + 2, "illegal encoding"));
      i += 2;
      continue;
    }
    if (n - i < 4) {
      if (pass && n - i >= 2) { text::put_cp(st.out, u); i += 2; continue; }
      TRY(st.error(i, n, "unexpected end of data"));
      break;
    }
    uint32_t u2 = unit(i + 2);
    if (u2 < 0xDC00 || u2 > 0xDFFF) {
      if (pass) { text::put_cp(st.out, u); i += 2; continue; }
      TRY(st.error(i, i + 2, "illegal UTF-16 surrogate"));
      i += 2;
      continue;
    }
    text::put_cp(st.out, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
    i += 4;
  }
  return Value(str_new(st.out));
}

Result<Value> decode_utf32(DecodeState& st, int order) {
  std::string_view d = st.data;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(d.data());
  int64_t n = int64_t(d.size());
  int64_t i = 0;
  if (order == 0) {
    order = 1;
    if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) i = 4;
    else if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) { order = 2; i = 4; }
  }
  bool pass = st.errors == "surrogatepass";
  while (i < n) {
    if (n - i < 4) {
      TRY(st.error(i, n, "truncated data"));
      break;
    }
    uint32_t u = order == 1 ? uint32_t(p[i]) | (uint32_t(p[i + 1]) << 8) | (uint32_t(p[i + 2]) << 16) | (uint32_t(p[i + 3]) << 24)
                            : (uint32_t(p[i]) << 24) | (uint32_t(p[i + 1]) << 16) | (uint32_t(p[i + 2]) << 8) | uint32_t(p[i + 3]);
    if (u > 0x10FFFF) {
      TRY(st.error(i, i + 4, "code point not in range(0x110000)"));
    } else if (u >= 0xD800 && u <= 0xDFFF && !pass) {
      TRY(st.error(i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)"));
    } else {
      text::put_cp(st.out, u);
    }
    i += 4;
  }
  return Value(str_new(st.out));
}

int hex_digit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// \xXX / \uXXXX / \UXXXXXXXX starting at the backslash d[i]; `digits` hex digits follow
// d[i + 1]. Advances *i past the escape (or the error range) and appends the code point.
Status hex_escape(DecodeState& st, int64_t* i, int digits, const char* what) {
  std::string_view d = st.data;
  int64_t n = int64_t(d.size());
  int64_t start = *i, k = *i + 2;
  uint32_t v = 0;
  int got = 0;
  while (got < digits && k < n) {
    int h = hex_digit(static_cast<unsigned char>(d[size_t(k)]));
    if (h < 0) break;
    v = v * 16 + uint32_t(h);
    k++;
    got++;
  }
  *i = k;
  if (got < digits) return st.error(start, k, what);
  if (v > 0x10FFFF) return st.error(start, k, "illegal Unicode character");
  text::put_cp(st.out, v);
  return OK();
}

Result<Value> decode_unicode_escape(DecodeState& st) {
  std::string_view d = st.data;
  int64_t n = int64_t(d.size());
  for (int64_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(d[size_t(i)]);
    if (c != '\\') { text::put_cp(st.out, c); i++; continue; }
    if (i + 1 >= n) {
      TRY(st.error(i, i + 1, "\\ at end of string"));
      i++;
      continue;
    }
    unsigned char e = static_cast<unsigned char>(d[size_t(i + 1)]);
    switch (e) {
      case '\n': i += 2; break;
      case '\\': st.out += '\\'; i += 2; break;
      case '\'': st.out += '\''; i += 2; break;
      case '"': st.out += '"'; i += 2; break;
      case 'a': st.out += '\a'; i += 2; break;
      case 'b': st.out += '\b'; i += 2; break;
      case 'f': st.out += '\f'; i += 2; break;
      case 'n': st.out += '\n'; i += 2; break;
      case 'r': st.out += '\r'; i += 2; break;
      case 't': st.out += '\t'; i += 2; break;
      case 'v': st.out += '\v'; i += 2; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = 0;
        int64_t k = i + 1;
        for (int m = 0; m < 3 && k < n && d[size_t(k)] >= '0' && d[size_t(k)] <= '7'; m++, k++)
          v = v * 8 + uint32_t(d[size_t(k)] - '0');
        text::put_cp(st.out, v);
        i = k;
        break;
      }
      case 'x': TRY(hex_escape(st, &i, 2, "truncated \\xXX escape")); break;
      case 'u': TRY(hex_escape(st, &i, 4, "truncated \\uXXXX escape")); break;
      case 'U': TRY(hex_escape(st, &i, 8, "truncated \\UXXXXXXXX escape")); break;
      case 'N': {
        int64_t k = i + 2;
        if (k >= n || d[size_t(k)] != '{') {
          TRY(st.error(i, std::min(k, n), "malformed \\N character escape"));
          i = std::min(k, n);
          break;
        }
        int64_t close = k + 1;
        while (close < n && d[size_t(close)] != '}') close++;
        if (close >= n || close == k + 1) {
          TRY(st.error(i, std::min(close + (close < n ? 1 : 0), n), "malformed \\N character escape"));
          i = std::min(close + 1, n);
          break;
        }
        uint32_t cp;
        if (unicode::lookup_name(d.substr(size_t(k + 1), size_t(close - k - 1)), &cp)) {
          text::put_cp(st.out, cp);
        } else {
          TRY(st.error(i, close + 1, "unknown Unicode character name"));
        }
        i = close + 1;
        break;
      }
      default:  // unknown escapes stay as written
        st.out += '\\';
        i++;
        break;
    }
  }
  return Value(str_new(st.out));
}

Result<Value> decode_raw_unicode_escape(DecodeState& st) {
  std::string_view d = st.data;
  int64_t n = int64_t(d.size());
  for (int64_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(d[size_t(i)]);
    if (c != '\\') { text::put_cp(st.out, c); i++; continue; }
    // Only a backslash preceded by an even run of backslashes can start \u or \U.
    int64_t j = i;
    while (j < n && d[size_t(j)] == '\\') j++;
    int64_t run = j - i;
    if ((run & 1) && j < n && (d[size_t(j)] == 'u' || d[size_t(j)] == 'U')) {
      st.out.append(size_t(run - 1), '\\');
      int64_t k = j - 1;
      bool big = d[size_t(j)] == 'U';
      TRY(hex_escape(st, &k, big ? 8 : 4, big ? "truncated \\UXXXXXXXX escape" : "truncated \\uXXXX escape"));
      i = k;
    } else {
      st.out.append(size_t(run), '\\');
      i = j;
    }
  }
  return Value(str_new(st.out));
}

}  // namespace

// Installed by modules/_codecs.cpp: encodings this file does not know, and error handlers
// registered from Python (codecs.register_error), go through the codec registry. `known`
// says the encoding is one of the codecs above (only the handler is unknown then).
Result<Value> (*g_codec_encode_hook)(Str*, std::string_view, std::string_view, bool) = nullptr;
Result<Value> (*g_codec_decode_hook)(std::string_view, std::string_view, std::string_view, Value, bool) = nullptr;

// True when the registry should handle the call; imports _codecs on first need.
static Result<bool> use_registry(Codec c, std::string_view errors, bool encode) {
  if (c != Codec::Unknown && lookup_handler(errors) != Handler::Unknown) return false;
  if (!(encode ? (void*)g_codec_encode_hook : (void*)g_codec_decode_hook)) TRY(import_module(str_intern("_codecs")));
  return bool(encode ? (void*)g_codec_encode_hook : (void*)g_codec_decode_hook);
}

// In development mode (-X dev) an unknown error handler name is an error
// even when nothing needs handling (CPython's unicode_check_encoding_errors):
// names other than the built-in handlers are looked up in the registry.
static Status check_errors_dev_mode(std::string_view errors) {
  if (!g_interp.dev_mode || lookup_handler(errors) != Handler::Unknown) return OK();
  Value m = TRY(import_module(str_intern("_codecs")));
  Value f = TRY(getattr_str(m, "lookup_error"));
  TRY(call1(f, Value(str_new(errors))));
  return OK();
}

Result<Value> codec_encode(Str* s, std::string_view encoding, std::string_view errors) {
  TRY(check_errors_dev_mode(errors));
  Codec c = lookup_codec(encoding);
  if (TRY(use_registry(c, errors, true))) return g_codec_encode_hook(s, encoding, errors, c != Codec::Unknown);
  if (c == Codec::Unknown)
    return raise_fmt(tp_LookupError, "unknown encoding: %.*s", int(encoding.size()), encoding.data());
  return encode(s, c, errors);
}

Result<Value> codec_decode(std::string_view data, std::string_view encoding, std::string_view errors, Value obj) {
  TRY(check_errors_dev_mode(errors));
  Codec c = lookup_codec(encoding);
  if (TRY(use_registry(c, errors, false))) return g_codec_decode_hook(data, encoding, errors, obj, c != Codec::Unknown);
  if (c == Codec::Unknown)
    return raise_fmt(tp_LookupError, "unknown encoding: %.*s", int(encoding.size()), encoding.data());
  DecodeState st;
  st.enc = codec_name(c);
  st.data = data;
  st.obj = obj;
  st.errors = errors;
  switch (c) {
    case Codec::Utf8: return decode_utf8(st);
    case Codec::Ascii: case Codec::Latin1: case Codec::Cp1252: return decode_single_byte(st, c);
    case Codec::Utf16: return decode_utf16(st, 0);
    case Codec::Utf16LE: return decode_utf16(st, 1);
    case Codec::Utf16BE: return decode_utf16(st, 2);
    case Codec::Utf32: return decode_utf32(st, 0);
    case Codec::Utf32LE: return decode_utf32(st, 1);
    case Codec::UnicodeEscape: return decode_unicode_escape(st);
    case Codec::RawUnicodeEscape: return decode_raw_unicode_escape(st);
    default: return decode_utf32(st, 2);
  }
}

}  // namespace gilpy
