// Unicode character database lookups over the generated tables in unicode_db.inc (properties,
// case mappings) and unicode_names.inc (names). See tools/gen_unicode.py for how the tables are
// derived and encoded.
#include "common/unicode.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace gilpy::unicode {
namespace {

// One deduplicated property record; several hundred distinct ones cover all code points because
// case mappings are stored as deltas (cp + delta), which neighbouring letters share.
struct Record {
  int32_t upper, lower, title;  // simple case mapping deltas
  uint16_t flags;               // Flag bits below
  uint16_t numeric;             // index into kNumeric (0: none; test kNumericFlag)
  uint16_t special;             // index into kSpecial (0: full mappings equal simple ones)
  uint8_t category;             // index into kCategoryNames
  int8_t digit;                 // digit value, -1 if none (decimal implies digit, same value)
};

#include "common/unicode_db.inc"

// Must match FLAGS in gen_unicode.py.
enum : uint16_t {
  kAlpha = 1 << 0, kDecimal = 1 << 1, kDigit = 1 << 2, kNumericFlag = 1 << 3, kSpace = 1 << 4,
  kPrintable = 1 << 5, kUpper = 1 << 6, kLower = 1 << 7, kTitle = 1 << 8, kCased = 1 << 9,
  kCaseIgnorable = 1 << 10, kXidStart = 1 << 11, kXidContinue = 1 << 12, kLinebreak = 1 << 13,
};

constexpr uint32_t kMaxCp = 0x10FFFF;

const Record& rec(uint32_t cp) noexcept {
  // U+10FFFF is a noncharacter: category Cn, no flags, zero deltas, so it doubles as the record
  // for out-of-range input (mappings then return the input unchanged).
  if (cp > kMaxCp) cp = kMaxCp;
  unsigned block = kIndex1[cp >> kShift];
  return kRecords[kIndex2[(block << kShift) | (cp & ((1u << kShift) - 1))]];
}

bool has(uint32_t cp, uint16_t flag) noexcept { return (rec(cp).flags & flag) != 0; }

// kSpecial rows: {len, cp, cp, cp} x {upper, lower, title, fold}.
enum Mapping { kUpperMap = 0, kLowerMap = 1, kTitleMap = 2, kFoldMap = 3 };

int full_mapping(uint32_t cp, Mapping which, int32_t simple_delta, uint32_t out[3]) noexcept {
  const Record& r = rec(cp);
  if (r.special == 0) {
    out[0] = static_cast<uint32_t>(static_cast<int32_t>(cp) + simple_delta);
    return 1;
  }
  const uint32_t* row = &kSpecial[r.special * 16 + which * 4];
  for (uint32_t i = 0; i < row[0]; ++i) out[i] = row[1 + i];
  return static_cast<int>(row[0]);
}

}  // namespace

const char* version() noexcept { return kVersion; }
const char* category(uint32_t cp) noexcept { return kCategoryNames[rec(cp).category]; }

bool is_alpha(uint32_t cp) noexcept { return has(cp, kAlpha); }
bool is_decimal(uint32_t cp) noexcept { return has(cp, kDecimal); }
bool is_digit(uint32_t cp) noexcept { return has(cp, kDigit); }
bool is_numeric(uint32_t cp) noexcept { return has(cp, kNumericFlag); }
bool is_space(uint32_t cp) noexcept { return has(cp, kSpace); }
bool is_printable(uint32_t cp) noexcept { return has(cp, kPrintable); }
bool is_upper(uint32_t cp) noexcept { return has(cp, kUpper); }
bool is_lower(uint32_t cp) noexcept { return has(cp, kLower); }
bool is_title(uint32_t cp) noexcept { return has(cp, kTitle); }
bool is_cased(uint32_t cp) noexcept { return has(cp, kCased); }
bool is_case_ignorable(uint32_t cp) noexcept { return has(cp, kCaseIgnorable); }
bool is_xid_start(uint32_t cp) noexcept { return has(cp, kXidStart); }
bool is_xid_continue(uint32_t cp) noexcept { return has(cp, kXidContinue); }
bool is_linebreak(uint32_t cp) noexcept { return has(cp, kLinebreak); }

int decimal_value(uint32_t cp) noexcept {
  const Record& r = rec(cp);
  return (r.flags & kDecimal) ? r.digit : -1;
}

int digit_value(uint32_t cp) noexcept {
  const Record& r = rec(cp);
  return (r.flags & kDigit) ? r.digit : -1;
}

bool numeric_value(uint32_t cp, double* out) noexcept {
  const Record& r = rec(cp);
  if (!(r.flags & kNumericFlag)) return false;
  *out = kNumeric[r.numeric];
  return true;
}

int to_upper(uint32_t cp, uint32_t out[3]) noexcept {
  return full_mapping(cp, kUpperMap, rec(cp).upper, out);
}
int to_lower(uint32_t cp, uint32_t out[3]) noexcept {
  return full_mapping(cp, kLowerMap, rec(cp).lower, out);
}
int to_title(uint32_t cp, uint32_t out[3]) noexcept {
  return full_mapping(cp, kTitleMap, rec(cp).title, out);
}
// Without a special row, case folding equals the simple lowercase mapping (the generator
// emits a row whenever CaseFolding.txt says otherwise).
int casefold(uint32_t cp, uint32_t out[3]) noexcept {
  return full_mapping(cp, kFoldMap, rec(cp).lower, out);
}

uint32_t upper_simple(uint32_t cp) noexcept {
  return static_cast<uint32_t>(static_cast<int32_t>(cp) + rec(cp).upper);
}
uint32_t lower_simple(uint32_t cp) noexcept {
  return static_cast<uint32_t>(static_cast<int32_t>(cp) + rec(cp).lower);
}
uint32_t title_simple(uint32_t cp) noexcept {
  return static_cast<uint32_t>(static_cast<int32_t>(cp) + rec(cp).title);
}

// ---- Names ------------------------------------------------------------------------------------
namespace {

#include "common/unicode_names.inc"

constexpr uint32_t kHangulFirst = 0xAC00, kHangulLast = 0xD7A3;
constexpr int kJamoVCount = 21, kJamoTCount = 28;
constexpr std::string_view kHangulPrefix = "HANGUL SYLLABLE ";
constexpr std::string_view kIdeographPrefix = "CJK UNIFIED IDEOGRAPH-";
constexpr size_t kMaxNameLen = 128;  // longest UnicodeData name is under 90 characters

bool is_ideograph(uint32_t cp) noexcept {
  for (const auto& r : kIdeographRanges)
    if (cp >= r[0] && cp <= r[1]) return true;
  return false;
}

char ascii_upper(char c) noexcept { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

uint32_t name_hash(std::string_view s) noexcept {  // FNV-1a over the upper-cased name
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(ascii_upper(c))) * 16777619u;
  return h;
}

// Decoded view of unicode_names.inc, built once. Entry i is named code point cps[i]; its encoded
// text starts at kNameStream[offsets[i]] and runs to the next '!' or '#'.
class NameIndex {
 public:
  NameIndex() {
    for (int i = 0; i < 128; ++i) lead_[i] = alpha_[i] = -1;
    for (int i = 0; kNameLeads[i]; ++i) lead_[static_cast<int>(kNameLeads[i])] = static_cast<int8_t>(i);
    for (int i = 0; kNameAlphabet[i]; ++i) alpha_[static_cast<int>(kNameAlphabet[i])] = static_cast<int8_t>(i);
    lead_count_ = static_cast<int>(std::strlen(kNameLeads));
    alphabet_size_ = static_cast<int>(std::strlen(kNameAlphabet));
    words_.reserve(kLexiconCount);
    for (const char* p = kLexicon; *p;) {
      const char* e = std::strchr(p, ' ');
      words_.emplace_back(p, static_cast<size_t>(e - p));
      p = e + 1;
    }
    cps_.reserve(kNameCount);
    offsets_.reserve(kNameCount);
    uint32_t cp = static_cast<uint32_t>(-1);
    const char* s = kNameStream;
    size_t i = 0;
    while (s[i]) {
      if (s[i] == '!') {
        ++cp;
        ++i;
      } else {  // '#' hex '#'
        uint32_t gap = 0;
        for (++i; s[i] != '#'; ++i) gap = gap * 16 + static_cast<uint32_t>(s[i] <= '9' ? s[i] - '0' : s[i] - 'A' + 10);
        cp += gap;
        ++i;
      }
      cps_.push_back(cp);
      offsets_.push_back(static_cast<uint32_t>(i));
      while (s[i] && s[i] != '!' && s[i] != '#') ++i;
    }
    // block_first_[b]: first entry whose code point is >= b * 256.
    block_first_.resize((kMaxCp >> 8) + 2);
    size_t e = 0;
    for (uint32_t b = 0; b < block_first_.size(); ++b) {
      while (e < cps_.size() && cps_[e] < (b << 8)) ++e;
      block_first_[b] = static_cast<uint32_t>(e);
    }
    // Open addressing over names and aliases; slot value k+1 for entry k, or
    // kAliasTag|alias for aliases, 0 for empty. Load factor stays below 0.5.
    size_t n = cps_.size() + std::size(kAliases);
    size_t cap = 1;
    while (cap < 2 * n) cap <<= 1;
    slots_.assign(cap, 0);
    char buf[kMaxNameLen];
    for (size_t k = 0; k < cps_.size(); ++k)
      insert(name_hash(std::string_view(buf, decode(k, buf))), static_cast<uint32_t>(k + 1));
    for (size_t k = 0; k < std::size(kAliases); ++k)
      insert(name_hash(kAliases[k].name), kAliasTag | static_cast<uint32_t>(k));
  }

  // Writes entry k's name into buf (kMaxNameLen bytes), returns its length.
  size_t decode(size_t k, char* buf) const noexcept {
    const char* s = kNameStream + offsets_[k];
    size_t n = 0;
    bool last_token = false;
    while (*s && *s != '!' && *s != '#') {
      char c = *s;
      bool literal = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-';
      if (literal) {
        if (last_token && c != ' ' && c != '-') buf[n++] = ' ';
        buf[n++] = c;
        last_token = false;
        ++s;
        continue;
      }
      int t = lead_[static_cast<int>(c)];
      if (t == lead_count_ - 1) {  // three-character token
        t = two_char_limit() + alpha_[static_cast<int>(s[1])] * alphabet_size_ + alpha_[static_cast<int>(s[2])];
        s += 3;
      } else if (t >= kNameOneCharTokens) {
        t = kNameOneCharTokens + (t - kNameOneCharTokens) * alphabet_size_ + alpha_[static_cast<int>(s[1])];
        s += 2;
      } else {
        s += 1;
      }
      // Words are alphanumeric, so a preceding word needs a space; '-' or ' ' already separate.
      if (n > 0 && buf[n - 1] != ' ' && buf[n - 1] != '-') buf[n++] = ' ';
      std::string_view w = words_[static_cast<size_t>(t)];
      std::memcpy(buf + n, w.data(), w.size());
      n += w.size();
      last_token = true;
    }
    return n;
  }

  // Entry index of cp, or -1.
  long find_cp(uint32_t cp) const noexcept {
    auto first = cps_.begin() + block_first_[cp >> 8];
    auto last = cps_.begin() + block_first_[(cp >> 8) + 1];
    auto it = std::lower_bound(first, last, cp);
    return it != last && *it == cp ? it - cps_.begin() : -1;
  }

  bool find_name(std::string_view name, uint32_t* cp) const noexcept {
    if (name.size() >= kMaxNameLen) return false;
    size_t mask = slots_.size() - 1;
    char buf[kMaxNameLen];
    for (size_t i = name_hash(name) & mask; slots_[i] != 0; i = (i + 1) & mask) {
      uint32_t v = slots_[i];
      std::string_view cand;
      uint32_t cand_cp;
      if (v & kAliasTag) {
        cand = kAliases[v & ~kAliasTag].name;
        cand_cp = kAliases[v & ~kAliasTag].cp;
      } else {
        cand = std::string_view(buf, decode(v - 1, buf));
        cand_cp = cps_[v - 1];
      }
      if (cand.size() == name.size() &&
          std::equal(cand.begin(), cand.end(), name.begin(),
                     [](char a, char b) { return a == ascii_upper(b); })) {
        *cp = cand_cp;
        return true;
      }
    }
    return false;
  }

 private:
  static constexpr uint32_t kAliasTag = 0x80000000u;
  int two_char_limit() const noexcept {
    return kNameOneCharTokens + (lead_count_ - 1 - kNameOneCharTokens) * alphabet_size_;
  }
  void insert(uint32_t hash, uint32_t value) {
    size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = value;
  }

  int8_t lead_[128], alpha_[128];
  int lead_count_ = 0, alphabet_size_ = 0;
  std::vector<std::string_view> words_;
  std::vector<uint32_t> cps_, offsets_, block_first_, slots_;
};

const NameIndex& name_index() noexcept {
  static const NameIndex index;  // thread-safe initialisation
  return index;
}

// Longest jamo short name in table[0..n) that prefixes s; returns its index or -1 (the empty
// name, where the table has one, matches with length 0).
int match_jamo(std::string_view s, const char* const* table, int n, size_t* len) noexcept {
  int best = -1;
  size_t best_len = 0;
  for (int i = 0; i < n; ++i) {
    size_t l = std::strlen(table[i]);
    if (s.substr(0, l) == table[i] && (best < 0 || l > best_len)) {
      best = i;
      best_len = l;
    }
  }
  *len = best_len;
  return best;
}

bool lookup_hangul(std::string_view s, uint32_t* cp) noexcept {
  size_t l1, l2, l3;
  int L = match_jamo(s, kJamoL, static_cast<int>(std::size(kJamoL)), &l1);
  if (L < 0) return false;
  s.remove_prefix(l1);
  int V = match_jamo(s, kJamoV, static_cast<int>(std::size(kJamoV)), &l2);
  if (V < 0) return false;
  s.remove_prefix(l2);
  int T = match_jamo(s, kJamoT, static_cast<int>(std::size(kJamoT)), &l3);
  if (T < 0 || l3 != s.size()) return false;
  *cp = kHangulFirst + static_cast<uint32_t>((L * kJamoVCount + V) * kJamoTCount + T);
  return true;
}

bool lookup_ideograph(std::string_view hex, uint32_t* cp) noexcept {
  if (hex.size() != 4 && hex.size() != 5) return false;
  uint32_t v = 0;
  for (char c : hex) {
    if (c >= '0' && c <= '9') v = v * 16 + static_cast<uint32_t>(c - '0');
    else if (c >= 'A' && c <= 'F') v = v * 16 + static_cast<uint32_t>(c - 'A' + 10);
    else return false;
  }
  if (!is_ideograph(v)) return false;
  *cp = v;
  return true;
}

}  // namespace

std::string name(uint32_t cp) noexcept {
  if (cp >= kHangulFirst && cp <= kHangulLast) {
    uint32_t s = cp - kHangulFirst;
    std::string out(kHangulPrefix);
    out += kJamoL[s / (kJamoVCount * kJamoTCount)];
    out += kJamoV[(s / kJamoTCount) % kJamoVCount];
    out += kJamoT[s % kJamoTCount];
    return out;
  }
  if (is_ideograph(cp)) {
    char hex[8];
    int n = 0;
    for (int shift = cp > 0xFFFF ? 16 : 12; shift >= 0; shift -= 4)
      hex[n++] = "0123456789ABCDEF"[(cp >> shift) & 0xF];
    return std::string(kIdeographPrefix) + std::string(hex, static_cast<size_t>(n));
  }
  if (cp > kMaxCp) return {};
  const NameIndex& idx = name_index();
  long k = idx.find_cp(cp);
  if (k < 0) return {};
  char buf[kMaxNameLen];
  return std::string(buf, idx.decode(static_cast<size_t>(k), buf));
}

bool lookup_name(std::string_view name, uint32_t* cp) noexcept {
  if (name.substr(0, kHangulPrefix.size()) == kHangulPrefix &&
      lookup_hangul(name.substr(kHangulPrefix.size()), cp))
    return true;
  if (name.substr(0, kIdeographPrefix.size()) == kIdeographPrefix)
    return lookup_ideograph(name.substr(kIdeographPrefix.size()), cp);
  return name_index().find_name(name, cp);
}

std::string decimal_and_space_to_ascii(std::string_view s) noexcept {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    // Lenient decode: a lead byte and its continuation bytes; anything malformed is one '?'.
    int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    uint32_t cp = len == 4 ? (b & 0x07u) : len == 3 ? (b & 0x0Fu) : (b & 0x1Fu);
    bool ok = len > 1 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      unsigned char c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if (!ok) {
      out += '?';
      ++i;
      continue;
    }
    i += len;
    int d = decimal_value(cp);
    out += is_space(cp) ? ' ' : d >= 0 ? static_cast<char>('0' + d) : '?';
  }
  return out;
}

}  // namespace gilpy::unicode
