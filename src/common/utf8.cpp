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

InvalidRun invalid_run(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  int need;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range (Unicode's table 3-7)
  if (c >= 0xC2 && c <= 0xDF) need = 1;
  else if (c == 0xE0) { need = 2; lo = 0xA0; }
  else if (c == 0xED) { need = 2; hi = 0x9F; }
  else if (c >= 0xE1 && c <= 0xEF) need = 2;
  else if (c == 0xF0) { need = 3; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) need = 3;
  else if (c == 0xF4) { need = 3; hi = 0x8F; }
  else return {1, "invalid start byte"};
  size_t got = 0;
  while (got < size_t(need) && i + 1 + got < s.size()) {
    unsigned char cc = static_cast<unsigned char>(s[i + 1 + got]);
    if (cc < (got == 0 ? lo : 0x80) || cc > (got == 0 ? hi : 0xBF)) return {1 + got, "invalid continuation byte"};
    got++;
  }
  return {1 + got, "unexpected end of data"};
}

bool validate(std::string_view s, bool allow_surrogates) {
  return first_invalid(s, allow_surrogates) == s.size();
}

}  // namespace gilpy::utf8
