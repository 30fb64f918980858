// UTF-8 decoding/encoding (see utf8.h for the contract).
#include "common/utf8.h"

namespace gilpy::utf8 {

Decoded decode(std::string_view s, size_t pos, bool allow_surrogates) {
  const unsigned char c0 = static_cast<unsigned char>(s[pos]);
  if (c0 < 0x80) return {c0, 1, true};
  int need;
  uint32_t cp, min;
  if (c0 >= 0xC2 && c0 <= 0xDF) { need = 1; cp = c0 & 0x1F; min = 0x80; }
  else if (c0 >= 0xE0 && c0 <= 0xEF) { need = 2; cp = c0 & 0x0F; min = 0x800; }
  else if (c0 >= 0xF0 && c0 <= 0xF4) { need = 3; cp = c0 & 0x07; min = 0x10000; }
  else return {c0, 1, false};
  if (pos + need >= s.size()) return {c0, 1, false};  // truncated sequence
  for (int i = 1; i <= need; i++) {
    const unsigned char c = static_cast<unsigned char>(s[pos + i]);
    if (!is_continuation(c)) return {c0, 1, false};
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF) return {c0, 1, false};
  if (!allow_surrogates && cp >= 0xD800 && cp <= 0xDFFF) return {c0, 1, false};
  return {cp, need + 1, true};
}

void encode(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(uint32_t cp) {
  std::string s;
  encode(cp, s);
  return s;
}

size_t count(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); n++) i += decode(s, i, true).len;
  return n;
}

size_t first_invalid(std::string_view s, bool allow_surrogates) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { i++; continue; }
    Decoded d = decode(s, i, allow_surrogates);
    if (!d.ok) return i;
    i += d.len;
  }
  return s.size();
}

bool validate(std::string_view s, bool allow_surrogates) {
  return first_invalid(s, allow_surrogates) == s.size();
}

}  // namespace gilpy::utf8
