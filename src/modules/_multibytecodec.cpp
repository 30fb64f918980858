// _multibytecodec: CPython 3.11's interface to the CJK codecs (MultibyteCodec,
// the incremental encoder/decoder and the stream reader/writer that
// encodings/shift_jis.py and its siblings subclass), with glibc's iconv(3)
// doing the conversion (docs/decisions/0012-cjk-codecs-on-iconv.md).
//
// Conversion goes through UTF-32 in native byte order on the Unicode side, so
// that iconv's input pointer after a failure names the exact character (one
// UTF-32 unit) or byte where it stopped: encode errors cover one character and
// decode errors one byte ("illegal multibyte sequence"), or the incomplete
// tail ("incomplete multibyte sequence"), which is what CPython reports.
//
// Invariants:
// - iconv descriptors never live in Python objects (nothing would close them):
//   a pool per (codec, direction) lends them out for one call. A descriptor
//   is handed back reset, and lent to one caller at a time, so an error
//   handler that encodes with the same codec gets its own.
// - The state of a stateful codec (ISO-2022) between calls is ours, in
//   CPython's layout (c[0] G0, c[1] G1, c[2] G2, c[4] bit 0: shifted out), read
//   off the escape sequences written (encoder) or consumed (decoder); a
//   borrowed descriptor is brought into that state first ("priming").
// - ASCII-compatible codecs pass bytes/characters below 0x80 through
//   themselves: glibc's SHIFT_JIS reads 0x5C/0x7E as YEN SIGN/OVERLINE and
//   JOHAB 0x5C as WON SIGN, CPython's codecs as ASCII.
#include "modules/_multibytecodec.h"

#include "modules/_cjk_7bit.h"

#include <gmp.h>
#include <iconv.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

enum Flags : unsigned {
  kAscii = 1,      // bytes/characters < 0x80 are ASCII, bypassing iconv
  kIso2022 = 2,    // stateful: escape sequences, state kept between calls, flushed at the end
  kKr = 4,         // ISO-2022-KR: the designation header is written once, before the first SO
  kCombining = 8,  // a base character may combine with the next one (JIS X 0213, HKSCS)
  kNoC1 = 16,      // glibc maps single bytes 0x80..0x9F to U+0080..U+009F; CPython has no such bytes
  kNative = 64,    // converted by _cjk_7bit.cpp, not iconv (stateful: flushed at the end)
};

// Characters where CPython's table and glibc's disagree on one code, CPython's first.
struct Subst {
  char32_t cpython, glibc;
};
// JIS X 0213 (both glibc converters): EM DASH vs HORIZONTAL BAR, the white parentheses.
const Subst kJisx0213Subst[] = {{0x2015, 0x2014}, {0x2985, 0xFF5F}, {0x2986, 0xFF60}, {0, 0}};
// Shift_JIS X 0213 also has 0x5C/0x7E as YEN SIGN/OVERLINE, so CPython gives REVERSE SOLIDUS
// and TILDE the fullwidth codes glibc gives to their fullwidth forms.
const Subst kSjisx0213Subst[] = {{0x2015, 0x2014}, {0x2985, 0xFF5F}, {0x2986, 0xFF60},
                                 {0x5C, 0xFF3C}, {0x7E, 0xFF5E}, {0, 0}};

struct CodecDef {
  const char* module;  // the _codecs_xx module that serves it
  const char* name;    // CPython's name, as its exceptions report it
  const char* iconv;   // glibc's name (`iconv -l`)
  unsigned flags;
  const Subst* subst = nullptr;
  cjk7::Kind native = cjk7::Kind::Hz;  // with kNative
};

// glibc has no converter for hz (HZ-GB-2312), iso2022_jp_1, iso2022_jp_2004 and iso2022_jp_ext:
// they are written out in _cjk_7bit.cpp (kNative).
const CodecDef kCodecs[] = {
    {"_codecs_jp", "shift_jis", "SHIFT_JIS", kAscii},
    {"_codecs_jp", "cp932", "CP932", kAscii},
    {"_codecs_jp", "euc_jp", "EUC-JP", kAscii | kNoC1},
    {"_codecs_jp", "shift_jis_2004", "SHIFT_JISX0213", kCombining, kSjisx0213Subst},
    {"_codecs_jp", "shift_jisx0213", "SHIFT_JISX0213", kCombining, kSjisx0213Subst},
    {"_codecs_jp", "euc_jis_2004", "EUC-JISX0213", kCombining, kJisx0213Subst},
    {"_codecs_jp", "euc_jisx0213", "EUC-JISX0213", kCombining, kJisx0213Subst},
    {"_codecs_cn", "gb2312", "EUC-CN", kAscii},
    {"_codecs_cn", "gbk", "GBK", kAscii},
    {"_codecs_cn", "gb18030", "GB18030", kAscii},
    {"_codecs_cn", "hz", nullptr, kNative, nullptr, cjk7::Kind::Hz},
    {"_codecs_tw", "big5", "BIG5", kAscii | kNoC1},
    {"_codecs_tw", "cp950", "CP950", kAscii | kNoC1},
    {"_codecs_hk", "big5hkscs", "BIG5-HKSCS", kCombining | kNoC1},
    {"_codecs_kr", "euc_kr", "EUC-KR", kAscii | kNoC1},
    {"_codecs_kr", "cp949", "CP949", kAscii},
    {"_codecs_kr", "johab", "JOHAB", kAscii},
    {"_codecs_iso2022", "iso2022_jp", nullptr, kIso2022 | kNative, nullptr, cjk7::Kind::Jp},
    {"_codecs_iso2022", "iso2022_jp_1", nullptr, kIso2022 | kNative, nullptr, cjk7::Kind::Jp1},
    {"_codecs_iso2022", "iso2022_jp_ext", nullptr, kIso2022 | kNative, nullptr, cjk7::Kind::JpExt},
    {"_codecs_iso2022", "iso2022_jp_2004", nullptr, kIso2022 | kNative | kCombining, nullptr, cjk7::Kind::Jp2004},
    {"_codecs_iso2022", "iso2022_jp_2", nullptr, kIso2022 | kNative, nullptr, cjk7::Kind::Jp2},
    {"_codecs_iso2022", "iso2022_jp_3", "ISO-2022-JP-3", kIso2022},
    {"_codecs_iso2022", "iso2022_kr", "ISO-2022-KR", kIso2022 | kKr},
};
constexpr int kNumCodecs = int(sizeof kCodecs / sizeof kCodecs[0]);

constexpr size_t kMaxPending = 8;  // CPython's MAXDECPENDING / pending encoder bytes
constexpr unsigned char ESC = 0x1B, SO = 0x0E, SI = 0x0F;
constexpr uint8_t kKrG1 = 'C' | 0x80;  // KS C 5601 designated to G1: the header was written

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
const char* const kUtf32 = "UTF-32LE";
#else
const char* const kUtf32 = "UTF-32BE";
#endif

// ---- objects -------------------------------------------------------------------------------
struct MbCodec : Object {
  Dict* dict;
  int64_t index;  // into kCodecs
};

// One layout for the incremental encoder/decoder and the stream reader/writer.
struct MbObject : Object {
  Dict* dict;
  MbCodec* codec;
  Str* errors;
  Value stream;  // reader/writer only
  uint8_t c[8];  // ISO-2022 state, CPython's layout; opaque bytes for other codecs
  int64_t npending;
  char pending[16];  // decoder: undecoded bytes; encoder: UTF-8 of held-back characters
};

Type* tp_codec;
Type* tp_ienc;
Type* tp_idec;
Type* tp_reader;
Type* tp_writer;
Value g_lookup_error;  // _codecs.lookup_error

const CodecDef& def_of(MbCodec* c) { return kCodecs[c->index]; }

void initial_state(const CodecDef& d, uint8_t* c, bool decoder) {
  std::memset(c, 0, 8);
  if (d.flags & kIso2022) {
    c[0] = 'B';
    c[1] = 'B';
    if (decoder) c[2] = 'B';
  }
}

// ---- the iconv descriptor pool ---------------------------------------------------------------
std::vector<iconv_t> g_pool[kNumCodecs][2];  // [codec][0 decode, 1 encode]; plain handles, no Values

iconv_t open_conv(int codec, bool enc) {
  return enc ? iconv_open(kCodecs[codec].iconv, kUtf32) : iconv_open(kUtf32, kCodecs[codec].iconv);
}

struct Conv {
  int codec;
  bool enc;
  iconv_t cd;
  Conv(int c, bool e) : codec(c), enc(e) {
    if (kCodecs[c].flags & kNative) {
      cd = iconv_t(-1);
      return;
    }
    auto& pool = g_pool[c][e];
    if (pool.empty()) {
      cd = open_conv(c, e);
    } else {
      cd = pool.back();
      pool.pop_back();
    }
  }
  ~Conv() {
    if (cd == iconv_t(-1)) return;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
    g_pool[codec][enc].push_back(cd);
  }
  bool ok() const { return cd != iconv_t(-1); }
  Conv(const Conv&) = delete;
  Conv& operator=(const Conv&) = delete;
};

// Runs iconv over in[0, n), appending its output to `out` (grown as needed; std::bad_alloc
// becomes MemoryError in the eval loop). `max_out` > 0 bounds the output to that many bytes
// (one UTF-32 unit: exactly one character). Null `in` flushes the shift state. Returns 0
// or iconv's errno; *used is the input consumed.
int run_iconv(iconv_t cd, const char* in, size_t n, size_t* used, std::string& out, size_t max_out = 0) {
  char* ip = const_cast<char*>(in);
  size_t left = n;
  for (;;) {
    size_t room = max_out ? max_out : std::max<size_t>(64, left * 4 + 16);
    size_t base = out.size();
    out.resize(base + room);
    char* op = out.data() + base;
    size_t oleft = room;
    size_t r = in ? iconv(cd, &ip, &left, &op, &oleft) : iconv(cd, nullptr, nullptr, &op, &oleft);
    int err = r == size_t(-1) ? errno : 0;
    out.resize(base + (room - oleft));
    if (err == E2BIG && !max_out) continue;
    *used = n - left;
    return err;
  }
}

// ---- ISO-2022 state --------------------------------------------------------------------------
// Follow designations and shifts through bytes written or read: ESC ( F, ESC $ F, ESC $ ( F
// designate G0; ESC $ ) F and ESC ) F G1; ESC . F G2; SO/SI shift G1 in and out. Data bytes of
// these encodings are 0x21..0x7E, so ESC, SO and SI are never data.
void iso_scan(uint8_t* c, const unsigned char* p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (p[i] == SO) { c[4] |= 1; continue; }
    if (p[i] == SI) { c[4] &= uint8_t(~1); continue; }
    if (p[i] != ESC) continue;
    size_t j = i + 1;
    std::string inter;
    while (j < n && p[j] >= 0x20 && p[j] <= 0x2F) inter += char(p[j++]);
    if (j >= n) return;
    uint8_t f = p[j];
    if (inter == "(") c[0] = f;
    else if (inter == "$" || inter == "$(") c[0] = uint8_t(f | 0x80);
    else if (inter == "$)") c[1] = uint8_t(f | 0x80);
    else if (inter == ")") c[1] = f;
    else if (inter == ".") c[2] = f;
    i = j;
  }
}

// The escape sequence that designates G0 = c0 (CPython's coding of c[0]).
std::string g0_escape(uint8_t c0) {
  std::string s(1, char(ESC));
  if (c0 & 0x80) {
    uint8_t f = c0 & 0x7F;
    s += (f == '@' || f == 'A' || f == 'B') ? "$" : "$(";
    s += char(f);
  } else {
    s += '(';
    s += char(c0);
  }
  return s;
}

// A decoder descriptor is primed by reading the sequences that lead to state c.
void prime_decoder(Conv& cv, const CodecDef& d, const uint8_t* c) {
  if (!(d.flags & kIso2022)) return;
  std::string seq;
  if (c[1] == kKrG1) seq += "\x1b$)C";
  if (c[2] && c[2] != 'B') seq += std::string("\x1b.") + char(c[2]);
  if (c[0] && c[0] != 'B') seq += g0_escape(c[0]);
  if (c[4] & 1) seq += char(SO);
  if (seq.empty()) return;
  std::string sink;
  size_t used;
  run_iconv(cv.cd, seq.data(), seq.size(), &used, sink);
}

// An encoder descriptor is primed by writing (and dropping) one character of the set in G0:
// glibc then continues in that set without repeating its escape sequence.
void prime_encoder(Conv& cv, const CodecDef& d, const uint8_t* c) {
  if (!(d.flags & kIso2022)) return;
  char32_t ch = 0;
  if (d.flags & kKr) {
    if (c[4] & 1) ch = 0xAC00;  // HANGUL SYLLABLE GA: shifted into KS C 5601
  } else {
    switch (c[0]) {
      case 'J': ch = 0xA5; break;                        // JIS X 0201 Roman
      case 'I': ch = 0xFF71; break;                      // JIS X 0201 Katakana
      case '@' | 0x80: case 'B' | 0x80: ch = 0x3042; break;  // JIS X 0208
      case 'A' | 0x80: ch = 0x4EEC; break;               // GB 2312 (not in JIS X 0208)
      case 'C' | 0x80: ch = 0xAC00; break;               // KS C 5601
      case 'D' | 0x80: ch = 0xE9; break;                 // JIS X 0212
      case 'O' | 0x80: case 'Q' | 0x80: ch = 0x2460; break;  // JIS X 0213 plane 1
      default: break;
    }
  }
  if (!ch) return;
  std::string sink;
  size_t used;
  run_iconv(cv.cd, reinterpret_cast<const char*>(&ch), 4, &used, sink);
}

// Bytes iconv wrote for an ISO-2022 encoder, as they go out: the KR header (glibc writes it
// at the start of every conversion) only once per stream, before the first SO, as CPython
// does; and the state follows what was written.
void iso_emit(const CodecDef& d, uint8_t* c, std::string_view bytes, std::string& out) {
  std::string b(bytes);
  if (d.flags & kKr) {
    for (size_t p; (p = b.find("\x1b$)C")) != std::string::npos;) b.erase(p, 4);
    size_t so = b.find(char(SO));
    if (so != std::string::npos && c[1] != kKrG1) {
      b.insert(so, "\x1b$)C");
      c[1] = kKrG1;
    }
  }
  iso_scan(c, reinterpret_cast<const unsigned char*>(b.data()), b.size());
  out += b;
}

// JIS X 0213 and HKSCS code some base+combining pairs as one character; an encoder that is
// not at its end holds back a trailing base character until it sees what follows.
bool combining_base(const CodecDef& d, uint32_t cp) {
  if (!(d.flags & kCombining)) return false;
  if (d.iconv && d.iconv[0] == 'B') return cp == 0xCA || cp == 0xEA;  // Ê/ê + U+0304/U+030C
  switch (cp) {
    case 0x304B: case 0x304D: case 0x304F: case 0x3051: case 0x3053:  // ka..ko + U+309A
    case 0x30AB: case 0x30AD: case 0x30AF: case 0x30B1: case 0x30B3:
    case 0x30BB: case 0x30C4: case 0x30C8: case 0x31F7:
    case 0xE6: case 0x254: case 0x28C: case 0x259: case 0x25A:      // + U+0300/U+0301
    case 0x2E9: case 0x2E5:                                          // tone letters
      return true;
    default: return false;
  }
}

// ---- EUC-KR make-up sequences -----------------------------------------------------------------
// KS X 1001:1998 Annex 3, which CPython's euc_kr follows and glibc's does not: a Hangul
// syllable outside the 2,350 of KS X 1001 is written as eight bytes, FILLER (A4 D4) then its
// initial, medial and final jamo (A4 xx each; FILLER for no final). Jamo are given as
// Hangul Compatibility Jamo, which KS X 1001 row 4 holds in order from A4 A1 (U+3131).
const char16_t kInitials[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142, 0x3143, 0x3145,
                                0x3146, 0x3147, 0x3148, 0x3149, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
const char16_t kFinals[28] = {0x3164, 0x3131, 0x3132, 0x3133, 0x3134, 0x3135, 0x3136, 0x3137, 0x3139, 0x313A,
                              0x313B, 0x313C, 0x313D, 0x313E, 0x313F, 0x3140, 0x3141, 0x3142, 0x3144, 0x3145,
                              0x3146, 0x3147, 0x3148, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
constexpr unsigned char kFiller = 0xD4;  // A4 D4: HANGUL FILLER U+3164

bool is_euc_kr(const CodecDef& d) { return std::strcmp(d.name, "euc_kr") == 0; }
unsigned char jamo_byte(char16_t cp) { return static_cast<unsigned char>(0xA1 + (cp - 0x3131)); }

std::string makeup_encode(char32_t cp) {
  uint32_t s = uint32_t(cp - 0xAC00);
  std::string r = "\xa4\xd4";
  r += '\xa4';
  r += char(jamo_byte(kInitials[s / (21 * 28)]));
  r += '\xa4';
  r += char(jamo_byte(char16_t(0x314F + (s / 28) % 21)));
  r += '\xa4';
  r += char(jamo_byte(kFinals[s % 28]));
  return r;
}

// At a FILLER: the syllable of a complete make-up sequence (> 0), 0 when the bytes so far
// can still become one (incomplete), -1 when they cannot (the A4 is then illegal alone).
int64_t makeup_decode(const unsigned char* p, int64_t avail) {
  int idx[3] = {-1, -1, -1};
  for (int k = 0; k < 3; k++) {
    int64_t at = 2 + 2 * k;
    if (at >= avail) return 0;
    if (p[at] != 0xA4) return -1;
    if (at + 1 >= avail) return 0;
    unsigned char b = p[at + 1];
    if (k == 0) {
      for (int i = 0; i < 19; i++) if (jamo_byte(kInitials[i]) == b) idx[0] = i;
    } else if (k == 1) {
      if (b >= jamo_byte(0x314F) && b <= jamo_byte(0x3163)) idx[1] = b - jamo_byte(0x314F);
    } else {
      for (int i = 0; i < 28; i++) if (jamo_byte(kFinals[i]) == b) idx[2] = i;
    }
    if (idx[k] < 0) return -1;
  }
  return 0xAC00 + (idx[0] * 21 + idx[1]) * 28 + idx[2];
}

// ---- error handlers --------------------------------------------------------------------------
Result<Value> lookup_error(Str* name) {
  if (!g_lookup_error) {
    Value m = TRY(import_module(str_intern("_codecs")));
    g_lookup_error = TRY(getattr_str(m, "lookup_error"));
  }
  return call1(g_lookup_error, Value(name));
}

bool is_strict(Str* errors) { return !errors || errors->view() == "strict"; }

// The resume position a handler returned: negative counts from the end (once); outside
// [0, len] is IndexError, as is an int too big for an index.
Result<int64_t> handler_position(Value v, int64_t len) {
  int64_t pos;
  if (!int_fits_i64(v, &pos)) return raise_fmt(tp_IndexError, "position %s from error handler out of bounds", int_to_string(v).c_str());
  if (pos < 0) pos += len;
  if (pos < 0 || pos > len) return raise_fmt(tp_IndexError, "position %lld from error handler out of bounds", (long long)pos);
  return pos;
}

// ---- decoding --------------------------------------------------------------------------------
struct DecodeJob {
  const CodecDef& def;
  uint8_t* c;         // state, updated as input is consumed
  std::string_view data;
  Value obj;          // the bytes the exceptions show (made on first need)
  Str* errors;
  std::string& out;   // UTF-8
};

void put_utf32(const CodecDef& d, std::string& out, std::string_view u32) {
  for (size_t i = 0; i + 4 <= u32.size(); i += 4) {
    char32_t cp;
    std::memcpy(&cp, u32.data() + i, 4);
    if (d.subst)
      for (const Subst* s = d.subst; s->cpython; s++)
        if (cp == s->glibc) {
          cp = s->cpython;
          break;
        }
    text::put_cp(out, uint32_t(cp));
  }
}

// A character glibc decodes that CPython's codec does not have: C1 controls as single
// bytes, and GBK's single-byte EURO SIGN (0x80).
bool foreign_single_byte(const CodecDef& d, std::string_view u32, size_t used, unsigned char b) {
  if (used != 1 || u32.size() != 4) return false;
  char32_t cp;
  std::memcpy(&cp, u32.data(), 4);
  if (d.flags & kNoC1) return cp >= 0x80 && cp < 0xA0;
  return b == 0x80 && cp == 0x20AC && std::strcmp(d.name, "gbk") == 0;
}

Result<int64_t> decode_error(DecodeJob& j, int64_t start, int64_t end, const char* reason) {
  if (!j.obj) j.obj = bytes_from(j.data);
  Value args[5] = {str_value(j.def.name), j.obj, Value::small(start), Value::small(end), str_value(reason)};
  if (is_strict(j.errors)) return raise_with_args(tp_UnicodeDecodeError, args, 5);
  Value h = TRY(lookup_error(j.errors));
  Value exc = TRY(call(Value(tp_UnicodeDecodeError), args, 5));
  Value r = TRY(call1(h, exc));
  if (!is_tuple(r) || as_tuple(r)->size != 2 || !is_str(as_tuple(r)->items[0]) || !is_int(as_tuple(r)->items[1]))
    return raise(tp_TypeError, "decoding error handler must return (str, int) tuple");
  j.out.append(as_str(as_tuple(r)->items[0])->view());
  return handler_position(as_tuple(r)->items[1], int64_t(j.data.size()));
}

// How many bytes an illegal sequence at p covers: one byte, except in ISO-2022, where a
// bad escape sequence is dropped whole and a bad pair of a double-byte set as a pair.
int64_t illegal_length(const DecodeJob& j, int64_t p) {
  int64_t n = int64_t(j.data.size());
  auto at = [&](int64_t i) { return static_cast<unsigned char>(j.data[size_t(i)]); };
  if (!(j.def.flags & kIso2022)) return 1;
  if (at(p) == ESC) {
    int64_t q = p + 1;
    while (q < n && at(q) >= 0x20 && at(q) <= 0x2F) q++;
    return std::min(q + 1, n) - p;
  }
  bool dbcs = (j.def.flags & kKr) ? (j.c[4] & 1) : (j.c[0] & 0x80);
  if (dbcs && at(p) >= 0x21 && at(p) <= 0x7E && p + 1 < n) return 2;
  return 1;
}

// Decodes j.data from the start, calling error handlers; returns where undecoded input
// begins (an incomplete sequence at the end when !final; j.data.size() otherwise).
// decode() for the codecs of _cjk_7bit.cpp.
Result<int64_t> decode_native(DecodeJob& j, bool final) {
  int64_t n = int64_t(j.data.size());
  const unsigned char* p = reinterpret_cast<const unsigned char*>(j.data.data());
  int64_t pos = 0;
  while (pos < n) {
    cjk7::DecodeStep r = cjk7::decode_step(j.def.native, j.c, p + pos, size_t(n - pos));
    if (r.status == cjk7::Step::Ok) {
      if (r.has_char) text::put_cp(j.out, uint32_t(r.ch));
      if (r.ch2) text::put_cp(j.out, uint32_t(r.ch2));
      pos += r.length;
    } else if (r.status == cjk7::Step::Internal) {
      return raise(tp_RuntimeError, "internal codec error");
    } else if (r.status == cjk7::Step::Incomplete) {
      if (!final) return pos;
      pos = TRY(decode_error(j, pos, n, "incomplete multibyte sequence"));
    } else {
      pos = TRY(decode_error(j, pos, std::min<int64_t>(pos + r.length, n), "illegal multibyte sequence"));
    }
  }
  return n;
}

Result<int64_t> decode(DecodeJob& j, bool final) {
  if (j.def.flags & kNative) return decode_native(j, final);
  int64_t n = int64_t(j.data.size());
  Conv cv(int(&j.def - kCodecs), false);
  if (!cv.ok()) return raise(tp_LookupError, "no such codec is supported.");
  prime_decoder(cv, j.def, j.c);
  const bool ascii = j.def.flags & kAscii;
  const bool iso = j.def.flags & kIso2022;
  std::string u32;
  int64_t pos = 0;
  while (pos < n) {
    unsigned char b = static_cast<unsigned char>(j.data[size_t(pos)]);
    if (ascii && b < 0x80) {
      j.out += char(b);
      pos++;
      continue;
    }
    if (b == 0xA4 && pos + 1 < n && static_cast<unsigned char>(j.data[size_t(pos + 1)]) == kFiller && is_euc_kr(j.def)) {
      int64_t avail = std::min<int64_t>(n - pos, 8);
      int64_t syl = makeup_decode(reinterpret_cast<const unsigned char*>(j.data.data() + pos), avail);
      if (syl > 0) {
        text::put_cp(j.out, uint32_t(syl));
        pos += 8;
      } else if (syl == 0) {
        if (!final) return pos;
        pos = TRY(decode_error(j, pos, n, "incomplete multibyte sequence"));
      } else {
        pos = TRY(decode_error(j, pos, pos + 1, "illegal multibyte sequence"));
      }
      continue;
    }
    // ASCII-compatible codecs convert one character per call, so that the ASCII bytes
    // after it come back here.
    size_t used = 0;
    u32.clear();
    // ISO-2022 too, so that a literal ESC glibc passes through is caught where it is.
    int err = run_iconv(cv.cd, j.data.data() + pos, size_t(n - pos), &used, u32, ascii || iso ? 4 : 0);
    if (err == E2BIG && used == 0 && u32.empty()) err = run_iconv(cv.cd, j.data.data() + pos, size_t(n - pos), &used, u32);
    if (ascii && foreign_single_byte(j.def, u32, used, b)) {
      err = EILSEQ;
      used = 0;
      u32.clear();
    }
    // Some glibc converters step over an unmapped pair before failing; one character per
    // call means the failure belongs to the character at pos.
    if (ascii && err == EILSEQ && u32.empty()) used = 0;
    if (iso && u32.size() == 4 && used > 0 && u32[0] == ESC && !u32[1] && !u32[2] && !u32[3] &&
        pos + int64_t(used) < n && (j.data[size_t(pos) + used] & 0xF0) == 0x20) {
      // glibc keeps an escape sequence it does not know as text; CPython's decoders take an
      // ESC followed by an intermediate byte (0x20..0x2F) for one, and drop everything from
      // it on as one illegal sequence. A lone ESC stays text in both.
      iso_scan(j.c, reinterpret_cast<const unsigned char*>(j.data.data() + pos), used - 1);
      pos = TRY(decode_error(j, pos + int64_t(used) - 1, n, "illegal multibyte sequence"));
      continue;
    }
    put_utf32(j.def, j.out, u32);
    if (iso) iso_scan(j.c, reinterpret_cast<const unsigned char*>(j.data.data() + pos), used);
    pos += int64_t(used);
    if (err == 0 || err == E2BIG) continue;
    // CPython's decoders see any non-ASCII byte at the very end as the start of a
    // sequence still to come; glibc rejects a lead byte it knows to be invalid.
    if (err == EILSEQ && pos == n - 1 && static_cast<unsigned char>(j.data[size_t(pos)]) >= 0x80 &&
        !(j.def.flags & kIso2022))
      err = EINVAL;
    if (err == EINVAL) {
      if (!final) return pos;
      pos = TRY(decode_error(j, pos, n, "incomplete multibyte sequence"));
    } else {
      pos = TRY(decode_error(j, pos, pos + illegal_length(j, pos), "illegal multibyte sequence"));
    }
  }
  return n;
}

// ---- encoding --------------------------------------------------------------------------------
struct EncodeJob {
  const CodecDef& def;
  uint8_t* c;
  const std::u32string& cps;  // the text the exceptions show
  Str* obj;                   // the same as a str (made on first need)
  Str* errors;
  std::string& out;
};

Str* u32_to_str(std::u32string_view cps) {
  std::string s;
  for (char32_t cp : cps) text::put_cp(s, uint32_t(cp));
  return str_new(s);
}

std::u32string str_to_u32(Str* s) {
  std::u32string cps;
  cps.reserve(size_t(s->length));
  for (int64_t i = 0; i < s->nbytes;) cps.push_back(text::next_cp(s->data, &i));
  return cps;
}

// Converts cps[from, to) with cv; returns the index of the first character it could not
// convert (to when all were).
// The character iconv should see for cp: CPython's code for it where the tables disagree,
// and an invalid one (iconv stops there) for what CPython's codec cannot encode.
char32_t to_glibc(const CodecDef& d, char32_t cp) {
  if ((d.flags & kNoC1) && cp >= 0x80 && cp < 0xA0) return 0xFFFFFFFF;
  if (cp == 0x20AC && std::strcmp(d.name, "gbk") == 0) return 0xFFFFFFFF;
  if (!d.subst) return cp;
  char32_t r = cp;
  for (const Subst* s = d.subst; s->cpython; s++) {
    if (cp == s->cpython) return s->glibc;
    if (cp == s->glibc) r = 0xFFFFFFFF;
  }
  return r;
}

int64_t encode_run(EncodeJob& j, Conv& cv, std::u32string_view cps_in, int64_t from, int64_t to) {
  const bool ascii = j.def.flags & kAscii;
  std::u32string mapped;
  std::u32string_view cps = cps_in;
  if (j.def.subst || (j.def.flags & kNoC1) || std::strcmp(j.def.name, "gbk") == 0) {
    mapped.assign(cps_in.substr(size_t(from), size_t(to - from)));
    for (char32_t& cp : mapped) cp = to_glibc(j.def, cp);
    mapped.insert(0, size_t(from), U' ');  // keep indices those of cps_in
    cps = mapped;
  }
  std::string tmp;
  int64_t pos = from;
  while (pos < to) {
    if (ascii && cps[size_t(pos)] < 0x80) {
      j.out += char(cps[size_t(pos)]);
      pos++;
      continue;
    }
    int64_t r = pos;
    if (ascii) {
      while (r < to && cps[size_t(r)] >= 0x80) r++;
    } else {
      r = to;
    }
    size_t used = 0;
    tmp.clear();
    int err = run_iconv(cv.cd, reinterpret_cast<const char*>(cps.data() + pos), size_t(r - pos) * 4, &used, tmp);
    if (j.def.flags & kIso2022) iso_emit(j.def, j.c, tmp, j.out);
    else j.out += tmp;
    pos += int64_t(used / 4);
    if (err) return pos;
  }
  return pos;
}

void encode_flush(EncodeJob& j, Conv& cv) {
  std::string tmp;
  size_t used;
  run_iconv(cv.cd, nullptr, 0, &used, tmp);
  if (j.def.flags & kIso2022) iso_emit(j.def, j.c, tmp, j.out);
  else j.out += tmp;
}

Result<int64_t> encode_error(EncodeJob& j, Conv& cv, int64_t pos) {
  int64_t len = int64_t(j.cps.size());
  if (!j.obj) j.obj = u32_to_str(j.cps);
  Value args[5] = {str_value(j.def.name), Value(j.obj), Value::small(pos), Value::small(pos + 1),
                   str_value("illegal multibyte sequence")};
  if (is_strict(j.errors)) return raise_with_args(tp_UnicodeEncodeError, args, 5);
  Value h = TRY(lookup_error(j.errors));
  Value exc = TRY(call(Value(tp_UnicodeEncodeError), args, 5));
  Value r = TRY(call1(h, exc));
  if (!is_tuple(r) || as_tuple(r)->size != 2 || !is_int(as_tuple(r)->items[1]) ||
      !(is_str(as_tuple(r)->items[0]) || is_bytes(as_tuple(r)->items[0])))
    return raise(tp_TypeError, "encoding error handler must return (str, int) tuple");
  Value rep = as_tuple(r)->items[0];
  if (is_bytes(rep)) {
    j.out.append(as_bytes(rep)->view());
  } else {
    // A str replacement is encoded by the codec, in the stream's current state.
    std::u32string rc = str_to_u32(as_str(rep));
    int64_t bad = encode_run(j, cv, rc, 0, int64_t(rc.size()));
    if (bad < int64_t(rc.size())) {
      Value a2[5] = {str_value(j.def.name), Value(as_str(rep)), Value::small(bad), Value::small(bad + 1),
                     str_value("illegal multibyte sequence")};
      return raise_with_args(tp_UnicodeEncodeError, a2, 5);
    }
  }
  return handler_position(as_tuple(r)->items[1], len);
}

// encode() for the codecs of _cjk_7bit.cpp. CPython's encoders write into an output buffer
// of 2 * (characters) + 16 bytes that grows by half (plus one) when a write does not fit,
// or by a replacement's size when that is more; its HZ encoder drops the second "~" of an
// escaped tilde that meets the end of that buffer. The buffer is modelled (cap) so that
// the bytes are CPython's, that loss included.
Status encode_native(EncodeJob& j, int64_t upto, bool flush) {
  size_t cap = j.cps.size() * 2 + 16;
  const size_t base = j.out.size();
  auto room = [&]() { return cap - (j.out.size() - base); };
  auto grow = [&](size_t need) {  // CPython's expand_encodebuffer (need 0: by half)
    size_t half = (cap >> 1) | 1;
    cap += (need == 0 || need < (cap >> 1)) ? half : need;
  };
  const cjk7::Kind kind = j.def.native;
  int64_t len = int64_t(j.cps.size());
  int64_t pos = 0;
  while (pos < upto) {
    cjk7::Enc r = cjk7::encode_char(kind, j.c, j.cps[size_t(pos)], j.out, room());
    if (r == cjk7::Enc::Ok) {
      pos++;
      continue;
    }
    if (r == cjk7::Enc::TooSmall || r == cjk7::Enc::TooSmallTaken) {
      grow(0);
      if (r == cjk7::Enc::TooSmallTaken) pos++;
      continue;
    }
    // An unencodable character: CPython handles "ignore" and "replace" itself.
    std::string_view errors = j.errors ? j.errors->view() : std::string_view("strict");
    if (errors == "ignore") {
      pos++;
      continue;
    }
    if (errors == "replace") {
      for (;;) {
        cjk7::Enc q = cjk7::encode_char(kind, j.c, U'?', j.out, room());
        if (q == cjk7::Enc::TooSmall) {
          grow(0);
          continue;
        }
        break;
      }
      pos++;
      continue;
    }
    if (!j.obj) j.obj = u32_to_str(j.cps);
    Value args[5] = {str_value(j.def.name), Value(j.obj), Value::small(pos), Value::small(pos + 1),
                     str_value("illegal multibyte sequence")};
    if (is_strict(j.errors)) return raise_with_args(tp_UnicodeEncodeError, args, 5);
    Value h = TRY(lookup_error(j.errors));
    Value exc = TRY(call(Value(tp_UnicodeEncodeError), args, 5));
    Value res = TRY(call1(h, exc));
    if (!is_tuple(res) || as_tuple(res)->size != 2 || !is_int(as_tuple(res)->items[1]) ||
        !(is_str(as_tuple(res)->items[0]) || is_bytes(as_tuple(res)->items[0])))
      return raise(tp_TypeError, "encoding error handler must return (str, int) tuple");
    Value repl = as_tuple(res)->items[0];
    std::string bytes;
    if (is_bytes(repl)) {
      bytes = std::string(as_bytes(repl)->view());
    } else {
      // A str replacement is encoded strictly in the current state, and flushed.
      std::u32string rc = str_to_u32(as_str(repl));
      EncodeJob sub{j.def, j.c, rc, as_str(repl), nullptr, bytes};
      TRY(encode_native(sub, int64_t(rc.size()), true));
    }
    if (bytes.size() > room()) grow(bytes.size());
    j.out += bytes;
    pos = TRY(handler_position(as_tuple(res)->items[1], len));
  }
  if (flush) {
    size_t need = cjk7::reset_size(kind, j.c);
    while (need > room()) grow(0);
    cjk7::encode_reset(kind, j.c, j.out);
  }
  return OK();
}

// Encodes j.cps[0, upto) (error handlers may move the position anywhere in the whole text),
// then, with `flush`, returns a stateful encoder to its initial state.
Status encode(EncodeJob& j, int64_t upto, bool flush) {
  if (j.def.flags & kNative) return encode_native(j, upto, flush);
  Conv cv(int(&j.def - kCodecs), true);
  if (!cv.ok()) return raise(tp_LookupError, "no such codec is supported.");
  prime_encoder(cv, j.def, j.c);
  int64_t pos = 0;
  while (pos < upto) {
    pos = encode_run(j, cv, j.cps, pos, upto);
    if (pos >= upto) break;
    char32_t cp = j.cps[size_t(pos)];
    if (cp >= 0xAC00 && cp <= 0xD7A3 && is_euc_kr(j.def)) {
      j.out += makeup_encode(cp);
      pos++;
      continue;
    }
    pos = TRY(encode_error(j, cv, pos));
  }
  if (flush || !(j.def.flags & kIso2022)) encode_flush(j, cv);
  return OK();
}

// ---- argument helpers ------------------------------------------------------------------------
Result<Str*> errors_arg(Value v, const char* fname) {
  if (!v || is_none(v)) return static_cast<Str*>(nullptr);
  if (!is_str(v)) return raise_fmt(tp_TypeError, "%s() argument 'errors' must be str or None, not %s", fname, type_name(v));
  return as_str(v);
}

Result<Str*> text_arg(Value v) {
  if (is_str(v)) return as_str(v);
  Str* s = TRY(str(v));  // CPython converts with str(), as PyObject_Str does
  return s;
}

Value pair(Value a, int64_t n) { return Value(tuple_of({a, int_from_i64(n)})); }

// ---- MultibyteCodec --------------------------------------------------------------------------
Result<Value> mbcodec_encode(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("encode", a + 1, n - 1, kw, {"input", "errors"}, 1, v));
  Str* errors = TRY(errors_arg(v[1], "encode"));
  Str* s = TRY(text_arg(v[0]));
  MbCodec* c = a[0].as<MbCodec>();
  uint8_t st[8];
  initial_state(def_of(c), st, false);
  std::u32string cps = str_to_u32(s);
  std::string out;
  EncodeJob j{def_of(c), st, cps, s, errors, out};
  TRY(encode(j, int64_t(cps.size()), true));
  return pair(bytes_from(out), int64_t(cps.size()));
}

Result<Value> mbcodec_decode(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("decode", a + 1, n - 1, kw, {"input", "errors"}, 1, v));
  std::string_view data = TRY(buffer_view(v[0]));
  Str* errors = TRY(errors_arg(v[1], "decode"));
  MbCodec* c = a[0].as<MbCodec>();
  uint8_t st[8];
  initial_state(def_of(c), st, true);
  std::string keep(data);  // a handler may resize a bytearray under us
  std::string out;
  DecodeJob j{def_of(c), st, keep, is_bytes(v[0]) ? v[0] : Value(), errors, out};
  TRY(decode(j, true));
  return pair(str_value(out), int64_t(keep.size()));
}

// ---- shared by the incremental and stream objects ----------------------------------------------
MbObject* O(Value v) { return v.as<MbObject>(); }

Result<MbObject*> new_object(Type* t, Value errors, const char* fname, bool decoder) {
  Value cv = TRY(getattr_str(Value(t), "codec"));
  if (!isinstance(cv, tp_codec)) return raise(tp_TypeError, "codec is unexpected type");
  Str* e = TRY(errors_arg(errors, fname));
  MbObject* o = static_cast<MbObject*>(alloc_instance(t, sizeof(MbObject)));
  o->codec = cv.as<MbCodec>();
  o->errors = e ? e : str_intern("strict");
  initial_state(def_of(o->codec), o->c, decoder);
  return o;
}

// Encode pending + text. Not final: keep a trailing combining base back, and leave a
// stateful encoder's shift state as it is. Returns the bytes.
Result<Value> encode_stateful(MbObject* o, Str* text, bool final) {
  const CodecDef& d = def_of(o->codec);
  std::u32string cps = str_to_u32(str_new(std::string_view(o->pending, size_t(o->npending))));
  std::u32string more = str_to_u32(text);
  cps += more;
  int64_t upto = int64_t(cps.size());
  if (!final && upto > 0 && combining_base(d, uint32_t(cps.back()))) upto--;
  std::string out;
  EncodeJob j{d, o->c, cps, nullptr, o->errors, out};
  // On an error the held-back characters stay as they were, but the state keeps what the
  // characters encoded before the failing one did to it (CPython's codecs change it in place:
  // after "\u4e9c\u20ac" fails, iso2022_jp's G0 is JIS X 0208).
  TRY(encode(j, upto, final));
  std::string rest;
  for (size_t i = size_t(upto); i < cps.size(); i++) text::put_cp(rest, uint32_t(cps[i]));
  if (rest.size() > kMaxPending) return raise(tp_UnicodeError, "pending buffer overflow");
  std::memcpy(o->pending, rest.data(), rest.size());
  o->npending = int64_t(rest.size());
  return bytes_from(out);
}

// Decode pending + data; not final: an incomplete tail stays pending.
Result<Value> decode_stateful(MbObject* o, std::string_view data, bool final) {
  std::string buf(o->pending, size_t(o->npending));
  buf += data;
  std::string out;
  DecodeJob j{def_of(o->codec), o->c, buf, Value(), o->errors, out};
  int64_t done = TRY(decode(j, final));
  size_t rest = buf.size() - size_t(done);
  if (rest > kMaxPending) return raise(tp_UnicodeError, "pending buffer overflow");
  std::memcpy(o->pending, buf.data() + done, rest);
  o->npending = int64_t(rest);
  return str_value(out);
}

Result<Value> get_errors(Value self) { return Value(O(self)->errors); }
Status set_errors(Value self, Value v) {
  if (!v) return raise(tp_AttributeError, "cannot delete attribute");
  if (!is_str(v)) return raise(tp_TypeError, "errors must be a string");
  O(self)->errors = as_str(v);
  return OK();
}
Result<Value> get_stream(Value self) { return O(self)->stream ? O(self)->stream : None(); }

Result<Value> any_init(Value*, int64_t, Tuple*) { return None(); }

const GetSetDef errors_getset[] = {{"errors", get_errors, set_errors, "how to treat errors"}, {nullptr, nullptr}};
const GetSetDef stream_getsets[] = {{"errors", get_errors, set_errors, "how to treat errors"},
                                    {"stream", get_stream}, {nullptr, nullptr}};

Result<int64_t> size_arg(Value v) {
  if (!v || is_none(v)) return int64_t(-1);
  if (!is_int(v)) return raise(tp_TypeError, "arg 1 must be an integer");
  return as_ssize(v);
}

// ---- MultibyteIncrementalEncoder -------------------------------------------------------------
Result<Value> ienc_new(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("MultibyteIncrementalEncoder", a + 1, n - 1, kw, {"errors"}, 0, v));
  return Value(TRY(new_object(as_type(a[0]), v[0], "MultibyteIncrementalEncoder", false)));
}
Result<Value> ienc_encode(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("encode", a + 1, n - 1, kw, {"input", "final"}, 1, v));
  Str* s = TRY(text_arg(v[0]));
  bool final = v[1] ? TRY(truthy(v[1])) : false;
  return encode_stateful(O(a[0]), s, final);
}
Result<Value> ienc_reset(Value* a, int64_t, Tuple*) {
  MbObject* o = O(a[0]);
  initial_state(def_of(o->codec), o->c, false);
  o->npending = 0;
  return None();
}
// The state as an int: little-endian bytes [npending][pending...][c0..c7].
Result<Value> ienc_getstate(Value* a, int64_t, Tuple*) {
  MbObject* o = O(a[0]);
  unsigned char buf[1 + kMaxPending + 8];
  size_t k = 0;
  buf[k++] = uint8_t(o->npending);
  std::memcpy(buf + k, o->pending, size_t(o->npending));
  k += size_t(o->npending);
  std::memcpy(buf + k, o->c, 8);
  k += 8;
  mpz_t z;
  mpz_init(z);
  mpz_import(z, k, -1, 1, 0, 0, buf);
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}
Result<Value> ienc_setstate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setstate", n - 1, 1, 1));
  Value st = a[1];
  if (!is_int(st)) return raise_fmt(tp_TypeError, "setstate() argument must be int, not %s", type_name(st));
  mpz_t z;
  int_to_mpz(st, z);
  unsigned char buf[1 + 8 + 8] = {};
  bool fits = mpz_sgn(z) >= 0 && (mpz_sizeinbase(z, 256) <= sizeof buf);
  if (fits) mpz_export(buf, nullptr, -1, 1, 0, 0, z);
  mpz_clear(z);
  if (!fits) return raise(tp_OverflowError, "int too big to convert");
  size_t np = buf[0];
  if (np > kMaxPending) return raise(tp_UnicodeError, "pending buffer too large");
  std::string_view pend(reinterpret_cast<char*>(buf + 1), np);
  TRY(codec_decode(pend, "utf-8", "strict"));  // the pending text must be UTF-8
  MbObject* o = O(a[0]);
  std::memcpy(o->pending, pend.data(), np);
  o->npending = int64_t(np);
  std::memcpy(o->c, buf + 1 + np, 8);
  return None();
}

// ---- MultibyteIncrementalDecoder -------------------------------------------------------------
Result<Value> idec_new(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("MultibyteIncrementalDecoder", a + 1, n - 1, kw, {"errors"}, 0, v));
  return Value(TRY(new_object(as_type(a[0]), v[0], "MultibyteIncrementalDecoder", true)));
}
Result<Value> idec_decode(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("decode", a + 1, n - 1, kw, {"input", "final"}, 1, v));
  std::string_view data = TRY(buffer_view(v[0]));
  bool final = v[1] ? TRY(truthy(v[1])) : false;
  return decode_stateful(O(a[0]), std::string(data), final);
}
Result<Value> idec_reset(Value* a, int64_t, Tuple*) {
  MbObject* o = O(a[0]);
  initial_state(def_of(o->codec), o->c, true);
  o->npending = 0;
  return None();
}
Result<Value> idec_getstate(Value* a, int64_t, Tuple*) {
  MbObject* o = O(a[0]);
  mpz_t z;
  mpz_init(z);
  mpz_import(z, 8, -1, 1, 0, 0, o->c);
  Value flags = int_from_mpz(z);
  mpz_clear(z);
  return Value(tuple_of({bytes_from(std::string_view(o->pending, size_t(o->npending))), flags}));
}
Result<Value> idec_setstate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setstate", n - 1, 1, 1));
  Value st = a[1];
  if (!is_tuple(st)) return raise_fmt(tp_TypeError, "setstate() argument must be tuple, not %s", type_name(st));
  Tuple* t = as_tuple(st);
  if (t->size != 2 || !is_bytes(t->items[0]) || !is_int(t->items[1]))
    return raise(tp_TypeError, "setstate(): illegal state argument");
  std::string_view pend = as_bytes(t->items[0])->view();
  if (pend.size() > kMaxPending) return raise(tp_UnicodeError, "pending buffer too large");
  mpz_t z;
  int_to_mpz(t->items[1], z);
  unsigned char buf[8] = {};
  bool fits = mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 256) <= 8;
  if (fits) mpz_export(buf, nullptr, -1, 1, 0, 0, z);
  mpz_clear(z);
  if (!fits) return raise(tp_OverflowError, "int too big to convert");
  MbObject* o = O(a[0]);
  std::memcpy(o->pending, pend.data(), pend.size());
  o->npending = int64_t(pend.size());
  std::memcpy(o->c, buf, 8);
  return None();
}

// ---- MultibyteStreamReader -------------------------------------------------------------------
Result<Value> reader_new(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("MultibyteStreamReader", a + 1, n - 1, kw, {"stream", "errors"}, 1, v));
  MbObject* o = TRY(new_object(as_type(a[0]), v[1], "MultibyteStreamReader", true));
  o->stream = v[0];
  return Value(o);
}

// Read with stream.<method>(size) (no argument when size < 0) and decode. With a size, keep
// reading one byte at a time until a character comes out or the stream ends; at its end an
// incomplete sequence goes to the error handler.
Result<Value> reader_iread(MbObject* o, const char* method, int64_t size) {
  if (size == 0) return Value(str_empty());
  std::string out;
  for (;;) {
    Value args[1] = {Value::small(size)};
    Value got = TRY(call_method(o->stream, str_intern(method), args, size < 0 ? 0 : 1));
    if (!is_bytes(got))
      return raise_fmt(tp_TypeError, "stream function returned a non-bytes object (%s)", type_name(got));
    bool eof = as_bytes(got)->size == 0;
    std::string buf(o->pending, size_t(o->npending));
    buf += as_bytes(got)->view();
    DecodeJob j{def_of(o->codec), o->c, buf, Value(), o->errors, out};
    int64_t done = TRY(decode(j, eof || size < 0));
    size_t rest = buf.size() - size_t(done);
    if (rest > kMaxPending) return raise(tp_UnicodeError, "pending buffer overflow");
    std::memcpy(o->pending, buf.data() + done, rest);
    o->npending = int64_t(rest);
    if (size < 0 || eof || !out.empty()) break;
    size = 1;
  }
  return str_value(out);
}
Result<Value> reader_read(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("read", a + 1, n - 1, kw, {"sizeobj"}, 0, v));
  return reader_iread(O(a[0]), "read", TRY(size_arg(v[0])));
}
Result<Value> reader_readline(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("readline", a + 1, n - 1, kw, {"sizeobj"}, 0, v));
  return reader_iread(O(a[0]), "readline", TRY(size_arg(v[0])));
}
Result<Value> reader_readlines(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("readlines", a + 1, n - 1, kw, {"sizehintobj"}, 0, v));
  Value text = TRY(reader_iread(O(a[0]), "read", TRY(size_arg(v[0]))));
  return call_method1(text, str_intern("splitlines"), True());
}
Result<Value> reader_reset(Value* a, int64_t, Tuple*) { return idec_reset(a, 1, nullptr); }

// ---- MultibyteStreamWriter -------------------------------------------------------------------
Result<Value> writer_new(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("MultibyteStreamWriter", a + 1, n - 1, kw, {"stream", "errors"}, 1, v));
  MbObject* o = TRY(new_object(as_type(a[0]), v[1], "MultibyteStreamWriter", false));
  o->stream = v[0];
  return Value(o);
}
Status writer_iwrite(MbObject* o, Value text) {
  Str* s = TRY(text_arg(text));
  Value b = TRY(encode_stateful(o, s, false));
  TRY(call_method1(o->stream, str_intern("write"), b));
  return OK();
}
Result<Value> writer_write(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("write", n - 1, 1, 1));
  TRY(writer_iwrite(O(a[0]), a[1]));
  return None();
}
Result<Value> writer_writelines(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("writelines", n - 1, 1, 1));
  Value it = TRY(get_iter(a[1]));
  for (;;) {
    Value line;
    TRY(iter_next(it, &line));
    if (!line) break;
    TRY(writer_iwrite(O(a[0]), line));
  }
  return None();
}
// Writes what the encoder still holds and returns it to its initial state.
Result<Value> writer_reset(Value* a, int64_t, Tuple*) {
  MbObject* o = O(a[0]);
  Value b = TRY(encode_stateful(o, str_empty(), true));
  if (as_bytes(b)->size > 0) TRY(call_method1(o->stream, str_intern("write"), b));
  return None();
}

// ---- module ----------------------------------------------------------------------------------
const MethodDef codec_methods[] = {{"encode", mbcodec_encode}, {"decode", mbcodec_decode}, {nullptr, nullptr}};
const MethodDef ienc_methods[] = {{"__new__", ienc_new, MethKind::Static}, {"__init__", any_init},
                                  {"encode", ienc_encode}, {"reset", ienc_reset, MethKind::NoArgs},
                                  {"getstate", ienc_getstate, MethKind::NoArgs}, {"setstate", ienc_setstate},
                                  {nullptr, nullptr}};
const MethodDef idec_methods[] = {{"__new__", idec_new, MethKind::Static}, {"__init__", any_init},
                                  {"decode", idec_decode}, {"reset", idec_reset, MethKind::NoArgs},
                                  {"getstate", idec_getstate, MethKind::NoArgs}, {"setstate", idec_setstate},
                                  {nullptr, nullptr}};
const MethodDef reader_methods[] = {{"__new__", reader_new, MethKind::Static}, {"__init__", any_init},
                                    {"read", reader_read}, {"readline", reader_readline},
                                    {"readlines", reader_readlines}, {"reset", reader_reset, MethKind::NoArgs},
                                    {nullptr, nullptr}};
const MethodDef writer_methods[] = {{"__new__", writer_new, MethKind::Static}, {"__init__", any_init},
                                    {"write", writer_write}, {"writelines", writer_writelines},
                                    {"reset", writer_reset, MethKind::NoArgs}, {nullptr, nullptr}};

Result<Value> create_codec(Value*, int64_t, Tuple*) {
  // CPython's takes a capsule from a _codecs_xx module; gilpy's modules build codecs directly.
  return raise(tp_ValueError, "argument type invalid");
}
const MethodDef functions[] = {{"__create_codec", create_codec}, {nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_multibytecodec", functions);
  tp_codec = native_type_new("_multibytecodec", "MultibyteCodec", tp_object, Layout::Other, sizeof(MbCodec),
                             codec_methods, nullptr, 0);
  tp_ienc = native_type_new("_multibytecodec", "MultibyteIncrementalEncoder", tp_object, Layout::Other,
                            sizeof(MbObject), ienc_methods, errors_getset);
  tp_idec = native_type_new("_multibytecodec", "MultibyteIncrementalDecoder", tp_object, Layout::Other,
                            sizeof(MbObject), idec_methods, errors_getset);
  tp_reader = native_type_new("_multibytecodec", "MultibyteStreamReader", tp_object, Layout::Other,
                              sizeof(MbObject), reader_methods, stream_getsets);
  tp_writer = native_type_new("_multibytecodec", "MultibyteStreamWriter", tp_object, Layout::Other,
                              sizeof(MbObject), writer_methods, stream_getsets);
  for (Type* t : {tp_ienc, tp_idec, tp_reader, tp_writer}) dict_set_str(m->dict, str_intern(t->name), Value(t));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_multibytecodec", init);

Result<Value> mbc_getcodec(const char* module, Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("getcodec", a, n, kw, {"encoding"}, 1, v));
  if (!is_str(v[0])) return raise(tp_TypeError, "encoding name must be a string.");
  if (!tp_codec) TRY(import_module(str_intern("_multibytecodec")));
  std::string_view name = as_str(v[0])->view();
  for (int i = 0; i < kNumCodecs; i++) {
    if (name != kCodecs[i].name || std::strcmp(module, kCodecs[i].module) != 0) continue;
    if (!(kCodecs[i].flags & kNative)) {
      iconv_t cd = open_conv(i, true);
      if (cd == iconv_t(-1)) break;  // this glibc lacks the converter
      g_pool[i][1].push_back(cd);
    }
    MbCodec* c = static_cast<MbCodec*>(alloc_instance(tp_codec, sizeof(MbCodec)));
    c->index = i;
    return Value(c);
  }
  return raise(tp_LookupError, "no such codec is supported.");
}

}  // namespace gilpy
