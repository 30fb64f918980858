// The 7-bit CJK codecs glibc's iconv has no converter for, written out here
// and plugged into _multibytecodec.cpp's codec objects:
//
//   hz              RFC 1843: GB 2312 between "~{" and "~}", "~~" for a tilde,
//                   "~\n" a line continuation
//   iso2022_jp      RFC 1468: ASCII, JIS X 0201 Roman, JIS X 0208-1978/-1983
//                   (glibc has this one, but its corner cases differ from
//                   CPython's: unknown escapes, incomplete input, state)
//   iso2022_jp_1    RFC 2237: ISO-2022-JP (ASCII, JIS X 0201 Roman, JIS X 0208
//                   -1978/-1983) plus JIS X 0212 (ESC $ ( D)
//   iso2022_jp_ext  ISO-2022-JP-1 plus JIS X 0201 Katakana (ESC ( I)
//   iso2022_jp_2    RFC 1554: ISO-2022-JP-1 plus KS X 1001 (ESC $ ( C) and
//                   GB 2312 (ESC $ A) in G0, ISO-8859-1/-7 in G2 (ESC . A,
//                   ESC . F) read through single shifts (ESC N); CPython's
//                   encoder never writes G2 (every such character is found
//                   in an earlier set) and writes GB 2312 as ESC $ ( A
//   iso2022_jp_2004 ASCII, JIS X 0208 (ESC $ B) and JIS X 0213:2004 planes 1
//                   and 2 (ESC $ ( Q, ESC $ ( P). Like CPython's, its encoder
//                   writes no base + combining pair as one code: the base is
//                   written alone and the combining mark is unencodable.
//
// The character sets' tables are read from glibc's EUC-CN, EUC-JP and
// EUC-JISX0213 converters at first use (they agree with CPython's tables
// everywhere except JIS X 0212 0x2237 and four JIS X 0213 plane 1 codes,
// set here as CPython has them). Escape sequences, error
// lengths and state follow CPython 3.11's codecs, measured against it.
//
// State: the 8 bytes of CPython's codec state (what getstate() exposes).
// hz: c[0] is 1 inside "~{".."~}". iso2022: c[0] the charset in G0 ('B'
// ASCII, 'J' Roman, 'I' Katakana, F|0x80 for a double-byte set with final
// byte F), c[1] G1, c[2] G2 (decoder).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace gilpy::cjk7 {

enum class Kind : uint8_t { Hz, Jp, Jp1, JpExt, Jp2, Jp2004 };

enum class Step : uint8_t { Ok, Illegal, Incomplete, Internal };  // Internal: CPython's "internal codec error"

struct DecodeStep {
  Step status;
  int length;       // Ok: bytes consumed; Illegal: bytes the error covers
  bool has_char;    // Ok: a character came out (escape sequences give none)
  char32_t ch;
  char32_t ch2;     // a second one (JIS X 0213's base + combining pairs), else 0
};

// One decoding step at p[0, avail) (avail > 0). The state changes only on Ok.
DecodeStep decode_step(Kind k, uint8_t* c, const unsigned char* p, size_t avail);

enum class Enc : uint8_t {
  Ok,              // written
  Unencodable,     // nothing written or changed
  TooSmall,        // nothing written or changed: more room, then again
  TooSmallTaken,   // HZ's "~" that filled the room: taken, its second "~" never written
};

// Encodes one character, appending its bytes (with any escape sequence it
// needs) to out, given `room` bytes left in CPython's output buffer (see
// encode_native in _multibytecodec.cpp: CPython's HZ encoder consumes a "~"
// before it writes the second "~" of its escape, and drops that byte when the
// buffer is full at that point; the same input gives the same bytes here).
Enc encode_char(Kind k, uint8_t* c, char32_t ch, std::string& out, size_t room);

// The bytes encode_reset would write now.
size_t reset_size(Kind k, const uint8_t* c);
// Back to the initial state, writing what that takes ("~}", ESC ( B).
void encode_reset(Kind k, uint8_t* c, std::string& out);

}  // namespace gilpy::cjk7
