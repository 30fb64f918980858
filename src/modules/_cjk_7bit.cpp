// hz, iso2022_jp_1 and iso2022_jp_ext (see _cjk_7bit.h).
#include "modules/_cjk_7bit.h"

#include <iconv.h>

#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace gilpy::cjk7 {

namespace {

constexpr unsigned char ESC = 0x1B;
constexpr int kCells = 94 * 94;

// A 94x94 character set: row/column bytes 0x21..0x7E.
struct Charset {
  std::vector<char32_t> dec;                     // [(row-0x21)*94 + col-0x21] -> code point, 0: none
  std::vector<char32_t> dec2;                    // the second code point of a pair (JIS X 0213), else 0
  std::unordered_map<char32_t, uint16_t> enc;    // code point -> row << 8 | col (single characters)
  uint16_t lookup(char32_t ch) const {
    auto it = enc.find(ch);
    return it == enc.end() ? 0 : it->second;
  }
  size_t index(unsigned r, unsigned c) const {
    if (r < 0x21 || r > 0x7E || c < 0x21 || c > 0x7E) return size_t(-1);
    return (r - 0x21) * 94 + (c - 0x21);
  }
  char32_t get(unsigned r, unsigned c) const {
    size_t i = index(r, c);
    return i == size_t(-1) ? 0 : dec[i];
  }
  char32_t get2(unsigned r, unsigned c) const {
    size_t i = index(r, c);
    return i == size_t(-1) ? 0 : dec2[i];
  }
  void set(unsigned r, unsigned c, char32_t ch) { dec[index(r, c)] = ch; }
};

Charset g_gb2312, g_jisx0208, g_jisx0212, g_jisx0213_1, g_jisx0213_2, g_ksx1001;
char32_t g_iso8859_7[96];  // 0xA0..0xFF, 0: undefined
std::once_flag g_tables_once;

// Reads a set out of a glibc EUC converter: the bytes prefix, row|0x80, col|0x80 for each cell.
void load(Charset& cs, const char* euc, const char* prefix) {
  cs.dec.assign(kCells, 0);
  cs.dec2.assign(kCells, 0);
  iconv_t cd = iconv_open("UTF-32LE", euc);
  if (cd == iconv_t(-1)) return;
  size_t plen = std::strlen(prefix);
  for (unsigned r = 0x21; r <= 0x7E; r++) {
    for (unsigned c = 0x21; c <= 0x7E; c++) {
      char in[3];
      std::memcpy(in, prefix, plen);
      in[plen] = char(r | 0x80);
      in[plen + 1] = char(c | 0x80);
      unsigned char out[8];
      char* ip = in;
      char* op = reinterpret_cast<char*>(out);
      size_t il = plen + 2, ol = sizeof out;
      size_t res = iconv(cd, &ip, &il, &op, &ol);
      // EUC-JISX0213 holds back a base character until it sees whether a combining mark
      // follows: flush to get it.
      if (res != size_t(-1) && il == 0) res = iconv(cd, nullptr, nullptr, &op, &ol);
      size_t got = sizeof out - ol;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
      if (res == size_t(-1) || il != 0 || (got != 4 && got != 8)) continue;
      auto cp_at = [&](int k) {
        return uint32_t(out[k]) | uint32_t(out[k + 1]) << 8 | uint32_t(out[k + 2]) << 16 | uint32_t(out[k + 3]) << 24;
      };
      uint32_t cp = cp_at(0);
      if (cp == 0 || cp > 0x10FFFF) continue;
      cs.dec[(r - 0x21) * 94 + (c - 0x21)] = char32_t(cp);
      if (got == 8) cs.dec2[(r - 0x21) * 94 + (c - 0x21)] = char32_t(cp_at(4));
    }
  }
  iconv_close(cd);
}

void build_encoder(Charset& cs) {
  for (int i = 0; i < kCells; i++) {
    char32_t cp = cs.dec[size_t(i)];
    if (cp && !cs.dec2[size_t(i)]) cs.enc.emplace(cp, uint16_t(((i / 94 + 0x21) << 8) | (i % 94 + 0x21)));
  }
}

void load_tables() {
  load(g_gb2312, "EUC-CN", "");
  load(g_jisx0208, "EUC-JP", "");
  load(g_jisx0212, "EUC-JP", "\x8f");
  // CPython's JIS X 0212 has TILDE where glibc has FULLWIDTH TILDE.
  g_jisx0212.set(0x22, 0x37, U'~');
  load(g_jisx0213_1, "EUC-JISX0213", "");
  load(g_jisx0213_2, "EUC-JISX0213", "\x8f");
  // CPython's JIS X 0213 plane 1 where glibc's differs.
  g_jisx0213_1.set(0x21, 0x3D, 0x2015);
  g_jisx0213_1.set(0x22, 0x32, U'~');
  g_jisx0213_1.set(0x22, 0x56, 0x2985);
  g_jisx0213_1.set(0x22, 0x57, 0x2986);
  load(g_ksx1001, "EUC-KR", "");
  iconv_t cd = iconv_open("UTF-32LE", "ISO-8859-7");
  if (cd != iconv_t(-1)) {
    for (int b = 0xA0; b <= 0xFF; b++) {
      char in = char(b);
      unsigned char out[4];
      char* ip = &in;
      char* op = reinterpret_cast<char*>(out);
      size_t il = 1, ol = 4;
      if (iconv(cd, &ip, &il, &op, &ol) != size_t(-1) && ol == 0)
        g_iso8859_7[b - 0xA0] = char32_t(out[0] | out[1] << 8 | out[2] << 16 | out[3] << 24);
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    iconv_close(cd);
  }
  // CPython's table is ISO-8859-7:1987: no EURO SIGN, DRACHMA SIGN, YPOGEGRAMMENI.
  g_iso8859_7[0xA4 - 0xA0] = g_iso8859_7[0xA5 - 0xA0] = g_iso8859_7[0xAA - 0xA0] = 0;
  build_encoder(g_ksx1001);
  // CIRCLED HANGUL IEUNG U (0x2268, added to KS X 1001 in 1998) is not in CPython's table.
  g_ksx1001.set(0x22, 0x68, 0);
  g_ksx1001.enc.erase(0x327E);
  build_encoder(g_gb2312);
  build_encoder(g_jisx0208);
  build_encoder(g_jisx0212);
  build_encoder(g_jisx0213_1);
  build_encoder(g_jisx0213_2);
}

void tables() { std::call_once(g_tables_once, load_tables); }

DecodeStep ok(int n) { return {Step::Ok, n, false, 0, 0}; }
DecodeStep ok_char(int n, char32_t ch, char32_t ch2 = 0) { return {Step::Ok, n, true, ch, ch2}; }
DecodeStep illegal(int n) { return {Step::Illegal, n, false, 0, 0}; }
DecodeStep incomplete() { return {Step::Incomplete, 0, false, 0, 0}; }

// ---- HZ ----------------------------------------------------------------------------------------
DecodeStep hz_decode(uint8_t* c, const unsigned char* p, size_t avail) {
  unsigned char b = p[0];
  bool gb = c[0] & 1;
  if (b == '~') {
    if (avail < 2) return incomplete();
    unsigned char b2 = p[1];
    if (!gb && b2 == '~') return ok_char(2, U'~');
    if (!gb && b2 == '{') {
      c[0] = 1;
      return ok(2);
    }
    if (!gb && b2 == '\n') return ok(2);  // line continuation
    if (gb && b2 == '}') {
      c[0] = 0;
      return ok(2);
    }
    return illegal(1);
  }
  if (b & 0x80) return illegal(1);
  if (!gb) return ok_char(1, b);
  if (avail < 2) return incomplete();
  char32_t ch = g_gb2312.get(b, p[1]);
  if (!ch) return illegal(1);
  return ok_char(2, ch);
}

Enc hz_encode(uint8_t* c, char32_t ch, std::string& out, size_t room) {
  if (ch < 0x80) {
    if (c[0] & 1) {
      if (room < 2) return Enc::TooSmall;
      out += "~}";
      room -= 2;
      c[0] = 0;
    }
    if (room < 1) return Enc::TooSmall;
    out += char(ch);
    room -= 1;
    if (ch == '~') {
      if (room < 1) return Enc::TooSmallTaken;
      out += '~';
    }
    return Enc::Ok;
  }
  uint16_t code = g_gb2312.lookup(ch);
  if (!code) return Enc::Unencodable;
  if (!(c[0] & 1)) {
    if (room < 4) return Enc::TooSmall;
    out += "~{";
    c[0] = 1;
  } else if (room < 2) {
    return Enc::TooSmall;
  }
  out += char(code >> 8);
  out += char(code & 0xFF);
  return Enc::Ok;
}

// ---- ISO-2022-JP-1 / -EXT ----------------------------------------------------------------------
constexpr uint8_t kAscii = 'B', kRoman = 'J', kKatakana = 'I';
constexpr uint8_t kJis0208 = 'B' | 0x80, kJis0208_1978 = '@' | 0x80, kJis0212 = 'D' | 0x80;
constexpr uint8_t kJis0213_1 = 'Q' | 0x80, kJis0213_2 = 'P' | 0x80;
constexpr uint8_t kKsx1001 = 'C' | 0x80, kGb2312 = 'A' | 0x80;
constexpr uint8_t kLatin1 = 'A', kGreek = 'F';  // G2 of iso2022_jp_2

bool knows(Kind k, uint8_t set) {
  if (k == Kind::Jp2004) return set == kAscii || set == kJis0208 || set == kJis0213_1 || set == kJis0213_2;
  switch (set) {
    case kAscii: case kRoman: case kJis0208: case kJis0208_1978: return true;
    case kJis0212: return k != Kind::Jp;
    case kKsx1001: case kGb2312: return k == Kind::Jp2;
    // ISO-8859-1/-7 are G2 sets, but CPython accepts them in G0/G1 too (where no byte decodes).
    case kLatin1: case kGreek: return k == Kind::Jp2;
    case kKatakana: return k == Kind::JpExt;
    default: return false;
  }
}

bool escape_final(unsigned char b) { return (b >= 'A' && b <= 'Z') || b == '@'; }

// An escape sequence at p (p[1] is one of $ & ( ) .). Its length runs to the first final
// byte (A-Z or @) within 16 bytes; an "&@" on the way is stepped over whole, so that
// JIS X 0208-1990's announcer ESC & @ ESC $ B reads as one sequence (the byte after
// the "@" is not looked at), as CPython's decoders read it.
DecodeStep jp_escape(Kind k, uint8_t* c, const unsigned char* p, size_t avail) {
  constexpr size_t kMaxEscape = 16;
  size_t len = 0;
  for (size_t i = 1; i < kMaxEscape; i++) {
    if (i >= avail) return incomplete();
    if (escape_final(p[i])) {
      len = i + 1;
      break;
    }
    if (p[i] == '&' && i + 1 < avail && p[i + 1] == '@') i += 2;
  }
  if (!len) return illegal(1);
  int n = int(len);
  if (len == 6) {
    // Only the last three bytes are looked at (ESC $ B): CPython's test.
    if (std::memcmp(p + 3, "\x1b$B", 3) != 0) return illegal(n);
    c[0] = kJis0208;
    return ok(6);
  }
  int g;
  uint8_t set;
  if (len == 3) {
    switch (p[1]) {
      case '$': g = 0; set = uint8_t(p[2] | 0x80); break;
      case '(': g = 0; set = p[2]; break;
      case ')': g = 1; set = p[2]; break;
      case '.':
        if (k != Kind::Jp2) return illegal(n);
        g = 2;
        set = p[2];
        break;
      default: return illegal(n);
    }
  } else if (len == 4 && p[1] == '$') {
    switch (p[2]) {
      case '(': g = 0; break;
      case ')': g = 1; break;
      default: return illegal(n);
    }
    set = uint8_t(p[3] | 0x80);
  } else {
    return illegal(n);
  }
  if (!knows(k, set)) return illegal(n);
  c[g] = set;
  return ok(n);
}

constexpr uint8_t kEscThrough = 2;

// ESC N b: b read in G2 (iso2022_jp_2), as CPython reads it.
DecodeStep jp_single_shift(uint8_t* c, const unsigned char* p, size_t avail) {
  if (avail < 3) return incomplete();
  unsigned char b = p[2];
  switch (c[2]) {
    case kLatin1:
      if (b >= 0x80) return illegal(3);
      return ok_char(3, char32_t(b | 0x80));
    case kGreek: {
      if (b >= 0x80) return ok_char(3, char32_t(b & 0x7F));
      unsigned t = b | 0x80;
      if (t < 0xA0) return ok_char(3, char32_t(t));
      char32_t ch = g_iso8859_7[t - 0xA0];
      if (!ch) return illegal(3);
      return ok_char(3, ch);
    }
    case kAscii:
      if (b >= 0x80) return illegal(3);
      return ok_char(3, char32_t(b));
    default:  // JIS X 0201 Roman in G2: CPython's decoder has no single shift for it
      return {Step::Internal, 0, false, 0, 0};
  }
}  // c[4]: after an ESC that starts no ISO 2022 sequence

DecodeStep jp_decode(Kind k, uint8_t* c, const unsigned char* p, size_t avail) {
  unsigned char b = p[0];
  if (c[4] & kEscThrough) {
    // The bytes of a foreign escape sequence pass through (as Latin-1) up to its final byte.
    if (escape_final(b)) c[4] &= uint8_t(~kEscThrough);
    return ok_char(1, b);
  }
  if (b == ESC) {
    if (avail < 2) return incomplete();
    switch (p[1]) {
      case '$': case '&': case '(': case ')': case '.': return jp_escape(k, c, p, avail);
      case 'N':
        if (k == Kind::Jp2) return jp_single_shift(c, p, avail);
        [[fallthrough]];
      default:
        c[4] |= kEscThrough;
        return ok_char(1, ESC);
    }
  }
  if (b < 0x20) return ok_char(1, b);
  if (b >= 0x80) return illegal(1);
  switch (c[0]) {
    case kAscii: return ok_char(1, b);
    case kRoman:
      if (b == 0x5C) return ok_char(1, 0xA5);
      if (b == 0x7E) return ok_char(1, 0x203E);
      return ok_char(1, b);
    case kKatakana:
      if (b >= 0x21 && b <= 0x5F) return ok_char(1, 0xFF61 + (b - 0x21));
      return illegal(1);
    case kLatin1:
    case kGreek:
      return illegal(1);
    default: break;
  }
  if (avail < 2) return incomplete();
  char32_t ch = 0, ch2 = 0;
  if (c[0] == kJis0208 || c[0] == kJis0208_1978) {
    ch = g_jisx0208.get(b, p[1]);
  } else if (c[0] == kJis0212) {
    ch = g_jisx0212.get(b, p[1]);
  } else if (c[0] == kJis0213_1) {
    ch = g_jisx0213_1.get(b, p[1]);
    ch2 = g_jisx0213_1.get2(b, p[1]);
  } else if (c[0] == kJis0213_2) {
    ch = g_jisx0213_2.get(b, p[1]);
  } else if (c[0] == kKsx1001) {
    ch = g_ksx1001.get(b, p[1]);
  } else if (c[0] == kGb2312) {
    ch = g_gb2312.get(b, p[1]);
  }
  if (!ch) return illegal(2);
  return ok_char(2, ch, ch2);
}

// The escape sequence that designates `set` to G0.
std::string designation(uint8_t set) {
  std::string e(1, char(ESC));
  if (set & 0x80) {
    uint8_t f = set & 0x7F;
    e += (f == '@' || f == 'B') ? "$" : "$(";  // CPython writes GB 2312 as ESC $ ( A
    e += char(f);
  } else {
    e += '(';
    e += char(set);
  }
  return e;
}

Enc jp_encode(Kind k, uint8_t* c, char32_t ch, std::string& out, size_t room) {
  uint8_t set;
  uint16_t code;
  if (ch < 0x80) {
    set = kAscii;
    code = uint16_t(ch);
  } else if ((code = g_jisx0208.lookup(ch))) {
    set = kJis0208;
  } else if (k == Kind::Jp2004) {
    if ((code = g_jisx0213_1.lookup(ch))) set = kJis0213_1;
    else if ((code = g_jisx0213_2.lookup(ch))) set = kJis0213_2;
    else return Enc::Unencodable;
  } else if (k != Kind::Jp && (code = g_jisx0212.lookup(ch))) {
    set = kJis0212;
  } else if (k == Kind::Jp2 && (code = g_ksx1001.lookup(ch))) {
    set = kKsx1001;
  } else if (k == Kind::Jp2 && (code = g_gb2312.lookup(ch))) {
    set = kGb2312;
  } else if (ch == 0xA5 || ch == 0x203E) {
    set = kRoman;
    code = ch == 0xA5 ? 0x5C : 0x7E;
  } else if (k == Kind::JpExt && ch >= 0xFF61 && ch <= 0xFF9F) {
    set = kKatakana;
    code = uint16_t(0x21 + (ch - 0xFF61));
  } else {
    return Enc::Unencodable;
  }
  std::string esc = c[0] == set ? std::string() : designation(set);
  size_t width = (set & 0x80) ? 2 : 1;
  if (room < esc.size() + width) return Enc::TooSmall;
  out += esc;
  c[0] = set;
  if (width == 2) out += char(code >> 8);
  out += char(code & 0xFF);
  return Enc::Ok;
}

}  // namespace

DecodeStep decode_step(Kind k, uint8_t* c, const unsigned char* p, size_t avail) {
  tables();
  return k == Kind::Hz ? hz_decode(c, p, avail) : jp_decode(k, c, p, avail);
}

Enc encode_char(Kind k, uint8_t* c, char32_t ch, std::string& out, size_t room) {
  tables();
  return k == Kind::Hz ? hz_encode(c, ch, out, room) : jp_encode(k, c, ch, out, room);
}

size_t reset_size(Kind k, const uint8_t* c) {
  if (k == Kind::Hz) return (c[0] & 1) ? 2 : 0;
  return c[0] == kAscii ? 0 : 3;
}

void encode_reset(Kind k, uint8_t* c, std::string& out) {
  if (k == Kind::Hz) {
    if (c[0] & 1) out += "~}";
    c[0] = 0;
  } else if (c[0] != kAscii) {
    out += designation(kAscii);
    c[0] = kAscii;
  }
}

}  // namespace gilpy::cjk7
