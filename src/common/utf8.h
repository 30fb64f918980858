// UTF-8 helpers shared by every stage: decode/encode one code point,
// validate a buffer, count code points. Decoding is strict (no overlongs,
// no code points above U+10FFFF); surrogates are rejected by `decode` unless
// the caller asks for WTF-8 leniency, because gilpy's str objects may carry
// lone surrogates (produced by "\ud800" escapes) encoded as 3-byte sequences.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gilpy::utf8 {

// Result of decoding one code point. `len` is the number of bytes consumed
// (always >= 1 so that callers can skip past invalid bytes); `ok` is false
// for malformed input, in which case `cp` is the offending byte value.
struct Decoded {
  uint32_t cp;
  int len;
  bool ok;
};

// Decodes the code point starting at s[pos]. Precondition: pos < s.size().
// allow_surrogates: accept U+D800..U+DFFF encoded as 3 bytes (WTF-8).
Decoded decode(std::string_view s, size_t pos, bool allow_surrogates = false);

// Appends the UTF-8 encoding of cp (cp <= 0x10FFFF; surrogates are encoded
// as plain 3-byte sequences, WTF-8 style).
void encode(uint32_t cp, std::string& out);
std::string encode(uint32_t cp);

// Number of code points; invalid bytes count as one each.
size_t count(std::string_view s);

// True iff s is well-formed UTF-8 (surrogates only if allow_surrogates).
bool validate(std::string_view s, bool allow_surrogates = false);

// Byte offset of the first invalid sequence, or s.size() if valid.
size_t first_invalid(std::string_view s, bool allow_surrogates = false);

// The maximal invalid subpart at s[i] (where no valid sequence starts): its
// length (the start byte and the continuation bytes that could still have
// completed it) and the reason CPython's utf-8 codec gives for it.
struct InvalidRun {
  size_t len;
  const char* reason;  // "invalid start byte", "invalid continuation byte" or "unexpected end of data"
};
InvalidRun invalid_run(std::string_view s, size_t i);

inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace gilpy::utf8
