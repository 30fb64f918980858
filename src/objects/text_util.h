// Helpers shared by the str and bytes/bytearray method implementations:
// index and slice argument handling with CPython's clamping rules, byte-level
// substring search, and UTF-8 walking over str storage (which is WTF-8: lone
// surrogates appear as 3-byte sequences, so decoding never fails).
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "objects/str.h"
#include "runtime/object.h"

namespace gilpy::text {

// ---- integer arguments -----------------------------------------------------------------------
// CPython's _PyEval_SliceIndex: ints (and __index__ objects) clamped to int64; None leaves
// *out unchanged. TypeError "slice indices must be integers or None or have an __index__ method".
Status slice_index(Value v, int64_t* out);
// _PyEval_SliceIndexNotNone (list/tuple index's start and stop): the same clamping, None refused.
Status slice_index_not_none(Value v, int64_t* out);
// Optional start/end arguments of find/count/startswith...: null or None means "absent".
// Result is normalised against len like CPython's ADJUST_INDICES (may yield start > end).
Status start_end(Value vstart, Value vend, int64_t len, int64_t* start, int64_t* end);
void adjust_indices(int64_t* start, int64_t* end, int64_t len);

// A slice object's components (None -> defaults) resolved against `len`; returns the
// slice length. ValueError "slice step cannot be zero".
Result<int64_t> slice_resolve(Value slice, int64_t len, int64_t* start, int64_t* stop, int64_t* step);
bool is_slice(Value v);

// An index-sized int argument (width, count...): TypeError "'str' object cannot be
// interpreted as an integer", OverflowError "Python int too large to convert to C ssize_t".
Result<int64_t> ssize_arg(Value v);

// True when `other` may handle `seq <op> other` through its reflected method: it defines
// `rname` and is not itself a builtin sequence (whose reflected repeat/concat would only
// re-raise). Used by str/bytes __add__/__mul__ to emulate CPython trying nb_* slots of
// both operands before the sequence slot raises.
bool defers_to_reflected(Value other, Str* rname);

// Type name as Argument Clinic's messages show it ("None" for None, else the type's name).
const char* clinic_type_name(Value v);

// ---- byte search (positions are byte offsets; -1 when absent) -------------------------------
int64_t find(std::string_view hay, std::string_view needle, int64_t start, int64_t end);
int64_t rfind(std::string_view hay, std::string_view needle, int64_t start, int64_t end);
int64_t count(std::string_view hay, std::string_view needle, int64_t start, int64_t end, int64_t maxcount);

// ---- splitting and replacing on bytes (sep non-empty); pieces are views into s -----------------
void split_sep(std::string_view s, std::string_view sep, int64_t maxsplit, std::vector<std::string_view>& out);
void rsplit_sep(std::string_view s, std::string_view sep, int64_t maxsplit, std::vector<std::string_view>& out);
// Split on runs of ASCII whitespace: bytes.split() (str_ws false: \t\n\v\f\r and space) or
// str.split() of an ASCII str (str_ws true: also \x1c-\x1f, which str counts as whitespace).
void split_ascii_ws(std::string_view s, int64_t maxsplit, std::vector<std::string_view>& out, bool str_ws = false);
void rsplit_ascii_ws(std::string_view s, int64_t maxsplit, std::vector<std::string_view>& out, bool str_ws = false);
// Replace up to `count` (negative: all) non-overlapping occurrences of old (non-empty).
// *n receives the number of replacements made.
std::string replace(std::string_view s, std::string_view old, std::string_view rep, int64_t count, int64_t* n);
inline bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// ---- WTF-8 walking over str storage ----------------------------------------------------------
// Decode the code point at p[*i] and advance *i. Precondition: well-formed WTF-8 (str data).
inline uint32_t next_cp(const char* p, int64_t* i) {
  unsigned char c = static_cast<unsigned char>(p[*i]);
  if (c < 0x80) { (*i)++; return c; }
  if (c < 0xE0) {
    uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(p[*i + 1]) & 0x3Fu);
    *i += 2;
    return cp;
  }
  if (c < 0xF0) {
    uint32_t cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(p[*i + 1]) & 0x3Fu) << 6) |
                  (static_cast<unsigned char>(p[*i + 2]) & 0x3Fu);
    *i += 3;
    return cp;
  }
  uint32_t cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(p[*i + 1]) & 0x3Fu) << 12) |
                ((static_cast<unsigned char>(p[*i + 2]) & 0x3Fu) << 6) |
                (static_cast<unsigned char>(p[*i + 3]) & 0x3Fu);
  *i += 4;
  return cp;
}
// Decode the code point ending just before p[*i] and move *i back to its first byte.
inline uint32_t prev_cp(const char* p, int64_t* i) {
  int64_t j = *i - 1;
  while (j > 0 && (static_cast<unsigned char>(p[j]) & 0xC0) == 0x80) j--;
  int64_t k = j;
  uint32_t cp = next_cp(p, &k);
  *i = j;
  return cp;
}
// True when every byte of p[0..n) is below 0x80 (checked a word at a time).
inline bool all_ascii(const char* p, size_t n) {
  size_t i = 0;
  uint64_t acc = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    acc |= w;
  }
  for (; i < n; i++) acc |= static_cast<unsigned char>(p[i]);
  return (acc & 0x8080808080808080ull) == 0;
}
inline void put_cp(std::string& out, uint32_t cp) {
  char buf[4];
  out.append(buf, size_t(str_encode_cp(cp, buf)));
}
// Code points in p[0..n).
inline int64_t count_cps(const char* p, int64_t n) {
  int64_t c = 0;
  for (int64_t i = 0; i < n; i++) c += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return c;
}
// Byte offset of the code point `cp_index` counted from byte offset `from` (cp_index >= 0).
inline int64_t skip_cps(const char* p, int64_t nbytes, int64_t from, int64_t cp_index) {
  int64_t off = from;
  while (cp_index > 0 && off < nbytes) {
    off++;
    while (off < nbytes && (static_cast<unsigned char>(p[off]) & 0xC0) == 0x80) off++;
    cp_index--;
  }
  return off;
}

// Byte offset of code point index i (0 <= i <= length) of s. O(1) for ASCII; otherwise it
// walks from the nearest of: the start, the end, or the position of the previous lookup
// (a one-entry cache), so sequential indexing of non-ASCII text is amortised O(1).
int64_t cp_offset(Str* s, int64_t i);

// New exact str from a buffer known to be ASCII (skips the scan).
inline Str* ascii_str(std::string_view s) { return str_new_ascii(s); }

// Allocate a str instance of subclass `cls` holding a copy of `src` (exact str when cls is str).
Str* str_new_subtype(Type* cls, Str* src);
// `s` itself when it is an exact str, else a fresh exact copy (methods never return
// subclass instances, as in CPython).
Str* exact_str(Str* s);

}  // namespace gilpy::text
