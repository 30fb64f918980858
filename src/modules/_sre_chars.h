// _sre character predicates, case mappings and charset membership.
//
// These are the definitions CPython's regex engine uses (documented behaviour of \d \s \w \b
// and IGNORECASE):
//   ASCII classes (bytes patterns, re.ASCII): \d = [0-9], \s = [ \t\n\r\f\v], \w = [a-zA-Z0-9_].
//   Unicode classes (str patterns): \d = str.isdecimal, \s = str.isspace,
//   \w = str.isalnum or '_' (isalnum = isalpha or isdecimal or isdigit or isnumeric).
//   LOCALE variants use the C library's classification of bytes; gilpy runs with the C/UTF-8
//   locale for LC_CTYPE, where bytes >= 0x80 are not letters, so they equal the ASCII ones.
//   Case-insensitive matching compares one-code-point lower-case mappings (uni_lower); the
//   _compiler.py side adds the extra equivalences (_casefix) as charsets.
#pragma once
#include <cstdint>

#include "common/unicode.h"
#include "modules/_sre_internal.h"

namespace gilpy::sre {

inline bool ascii_is_digit(uint32_t c) { return c - '0' < 10u; }
inline bool ascii_is_alpha(uint32_t c) { return (c | 0x20) - 'a' < 26u; }
inline bool ascii_is_alnum(uint32_t c) { return ascii_is_digit(c) || ascii_is_alpha(c); }
inline bool ascii_is_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool ascii_is_word(uint32_t c) { return c < 128 && (ascii_is_alnum(c) || c == '_'); }
inline uint32_t ascii_lower(uint32_t c) { return c - 'A' < 26u ? c + 32 : c; }
inline uint32_t ascii_upper(uint32_t c) { return c - 'a' < 26u ? c - 32 : c; }

inline bool uni_is_digit(uint32_t c) { return c < 128 ? ascii_is_digit(c) : unicode::is_decimal(c); }
inline bool uni_is_space(uint32_t c) {
  // str.isspace's ASCII set also has the information separators \x1c-\x1f.
  if (c < 128) return ascii_is_space(c) || (c >= 0x1c && c <= 0x1f);
  return unicode::is_space(c);
}
inline bool uni_is_alnum(uint32_t c) {
  if (c < 128) return ascii_is_alnum(c);
  return unicode::is_alpha(c) || unicode::is_decimal(c) || unicode::is_digit(c) || unicode::is_numeric(c);
}
inline bool uni_is_word(uint32_t c) { return c == '_' || uni_is_alnum(c); }
inline bool uni_is_linebreak(uint32_t c) { return c < 128 ? (c == '\n' || (c >= 0x0b && c <= 0x0d) || (c >= 0x1c && c <= 0x1e)) : unicode::is_linebreak(c); }
// CPython's regex case mapping (_PyUnicode_ToLowercase/_PyUnicode_ToUppercase) is the first code
// point of the full mapping: the simple mapping, except for characters with special casing
// (e.g. upper('ß') is 'S', so 'ß' counts as cased and matches 'ẞ' case-insensitively).
inline uint32_t uni_lower(uint32_t c) {
  if (c < 128) return ascii_lower(c);
  uint32_t out[3];
  unicode::to_lower(c, out);
  return out[0];
}
inline uint32_t uni_upper(uint32_t c) {
  if (c < 128) return ascii_upper(c);
  uint32_t out[3];
  unicode::to_upper(c, out);
  return out[0];
}

// LOCALE: bytes classified by the C locale, which for gilpy's LC_CTYPE is ASCII (header note).
inline bool loc_is_word(uint32_t c) { return c < 256 && ascii_is_word(c); }
inline uint32_t loc_lower(uint32_t c) { return c < 256 ? ascii_lower(c) : c; }
inline uint32_t loc_upper(uint32_t c) { return c < 256 ? ascii_upper(c) : c; }

inline bool in_category(Code cat, uint32_t c) {
  switch (cat) {
    case CAT_DIGIT: return ascii_is_digit(c);
    case CAT_NOT_DIGIT: return !ascii_is_digit(c);
    case CAT_SPACE: return ascii_is_space(c);
    case CAT_NOT_SPACE: return !ascii_is_space(c);
    case CAT_WORD: return ascii_is_word(c);
    case CAT_NOT_WORD: return !ascii_is_word(c);
    case CAT_LINEBREAK: return c == '\n';
    case CAT_NOT_LINEBREAK: return c != '\n';
    case CAT_LOC_WORD: return loc_is_word(c);
    case CAT_LOC_NOT_WORD: return !loc_is_word(c);
    case CAT_UNI_DIGIT: return uni_is_digit(c);
    case CAT_UNI_NOT_DIGIT: return !uni_is_digit(c);
    case CAT_UNI_SPACE: return uni_is_space(c);
    case CAT_UNI_NOT_SPACE: return !uni_is_space(c);
    case CAT_UNI_WORD: return uni_is_word(c);
    case CAT_UNI_NOT_WORD: return !uni_is_word(c);
    case CAT_UNI_LINEBREAK: return uni_is_linebreak(c);
    case CAT_UNI_NOT_LINEBREAK: return !uni_is_linebreak(c);
    default: return false;  // rejected by validate_code
  }
}

// Membership of c in the charset program starting at `set` (the words after IN's skip word,
// ending with FAILURE). Items: LITERAL c, RANGE lo hi, RANGE_UNI_IGNORE lo hi, CATEGORY cat,
// CHARSET (8 words: a 256-bit map), BIGCHARSET n (64 words of block numbers packed as bytes in
// native order, then n 256-bit blocks), NEGATE (inverts the answer). validate_code has checked
// the structure, including that every block number is < n.
inline bool in_charset(const Code* set, uint32_t c) {
  bool ok = true;
  for (;;) {
    switch (*set++) {
      case FAILURE:
        return !ok;
      case LITERAL:
        if (c == set[0]) return ok;
        set += 1;
        break;
      case CATEGORY:
        if (in_category(set[0], c)) return ok;
        set += 1;
        break;
      case CHARSET:
        if (c < 256 && (set[c >> 5] & (1u << (c & 31)))) return ok;
        set += 8;
        break;
      case RANGE:
        if (set[0] <= c && c <= set[1]) return ok;
        set += 2;
        break;
      case RANGE_UNI_IGNORE: {
        // c is already lower-cased (IN_UNI_IGNORE); the range came from the pattern as written.
        if (set[0] <= c && c <= set[1]) return ok;
        uint32_t u = uni_upper(c);
        if (set[0] <= u && u <= set[1]) return ok;
        set += 2;
        break;
      }
      case NEGATE:
        ok = !ok;
        break;
      case BIGCHARSET: {
        Code nblocks = *set++;
        if (c < 65536) {
          unsigned block = reinterpret_cast<const unsigned char*>(set)[c >> 8];
          const Code* bits = set + 64 + block * 8;
          if (bits[(c & 255) >> 5] & (1u << (c & 31))) return ok;
        }
        set += 64 + size_t(nblocks) * 8;
        break;
      }
      default:
        return false;  // rejected by validate_code
    }
  }
}

// IN_LOC_IGNORE: the set matches c, its lower or its upper case.
inline bool in_charset_loc_ignore(const Code* set, uint32_t c) {
  if (in_charset(set, c)) return true;
  uint32_t lo = loc_lower(c);
  if (lo != c && in_charset(set, lo)) return true;
  uint32_t up = loc_upper(c);
  return up != c && in_charset(set, up);
}
// LITERAL_LOC_IGNORE: the pattern character is stored as written.
inline bool char_loc_ignore(Code pat, uint32_t c) { return c == pat || loc_lower(c) == pat || loc_upper(c) == pat; }

}  // namespace gilpy::sre
