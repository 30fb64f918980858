// binascii: conversions between binary data and ASCII encodings (hex, base64,
// quoted-printable, uuencode) plus the CRC-32 and CRC-CCITT checksums. The
// pure-Python base64, quopri, uu, email and the hex/base64 codecs build on it.
//
// Behaviour and messages follow CPython 3.11's module exactly, including its
// lenient decoders: non-strict base64 skips characters outside the alphabet,
// quoted-printable keeps malformed '=' escapes literally, and uudecode pads a
// short line with zero bytes.
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Value g_error;       // binascii.Error (ValueError subclass)
static Value g_incomplete;  // binascii.Incomplete (never raised here; kept for API compatibility)

static Err binascii_error(const std::string& msg) {
  Result<Value> e = call1(g_error, str_value(msg));
  if (e.is_err()) return ERR;
  return raise_value(e.value());
}

// ---- argument conversion ----

// True for a memoryview whose elements are not laid out contiguously (a
// stepped slice): CPython's converters ask for a C-contiguous buffer.
static Result<bool> strided_memoryview(Value v) {
  if (!v.is_obj() || v.type() != tp_memoryview) return false;
  Value c = TRY(getattr(v, str_intern("c_contiguous")));
  return !TRY(truthy(c));
}

// Input of the b2a_* functions and checksums: any C-contiguous bytes-like object.
static Result<std::string_view> binary_arg(Value v) {
  if (TRY(strided_memoryview(v))) return raise(tp_BufferError, "memoryview: underlying buffer is not C-contiguous");
  return buffer_view(v);
}

// Input of the a2b_* functions: bytes-like, or a str restricted to ASCII
// (ASCII text decodes to the same bytes, which is why CPython allows it).
static Result<std::string_view> ascii_arg(Value v) {
  if (is_str(v)) {
    Str* s = as_str(v);
    if (!s->ascii) return raise(tp_ValueError, "string argument should contain only ASCII characters");
    return s->view();
  }
  std::string_view out;
  if (TRY(strided_memoryview(v)) || !buffer_view_opt(v, &out))
    return raise_fmt(tp_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'", type_name(v));
  return out;
}


// Functions with one positional-only parameter and keyword-only flags report
// a wrong positional count in the wording of CPython's argument clinic.
static Status one_positional(const char* fname, int64_t nargs) {
  if (nargs == 1) return OK();
  return raise_fmt(tp_TypeError, "%s() takes exactly 1 positional argument (%lld given)", fname, (long long)nargs);
}

// Unknown keyword names, reported before anything else is checked and in the
// argument clinic's wording rather than parse_args' "unexpected keyword".
static Status check_keywords(const char* fname, Tuple* kwnames, std::initializer_list<const char*> allowed) {
  if (!kwnames) return OK();
  for (int64_t i = 0; i < kwnames->size; i++) {
    std::string_view k = as_str(kwnames->items[i])->view();
    bool ok = false;
    for (const char* a : allowed) ok = ok || k == a;
    if (!ok) return raise_fmt(tp_TypeError, "'%.*s' is an invalid keyword argument for %s()", int(k.size()), k.data(), fname);
  }
  return OK();
}

// A flag given as an integer; a missing argument takes `dflt`.
static Result<bool> flag_arg(Value v, bool dflt) {
  if (!v) return dflt;
  return TRY(as_c_int(v)) != 0;
}

// An `unsigned int` with bitwise conversion: the integer is reduced modulo
// 2**32 (negative values wrap), as CPython's crc arguments are.
static Result<uint32_t> u32_mask_arg(Value v) {
  Value iv = TRY(index_value(v));
  int64_t x;
  if (int_fits_i64(iv, &x)) return uint32_t(uint64_t(x));
  mpz_t z;
  mpz_init(z);
  int_to_mpz(iv, z);
  mpz_fdiv_r_2exp(z, z, 32);  // floor remainder: non-negative, two's complement low bits
  uint32_t r = uint32_t(mpz_get_ui(z));
  mpz_clear(z);
  return r;
}

static Value make_bytes(const std::string& s) { return bytes_from(s); }

// ---- hex ----
static const char kHexLower[] = "0123456789abcdef";

static int hex_digit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// hexlify(data, sep=<absent>, bytes_per_sep=1). A positive bytes_per_sep
// groups bytes counting from the right end, a negative one from the left.
static Result<Value> hexlify_impl(const char* fname, Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[3];
  TRY(check_keywords(fname, kwnames, {"data", "sep", "bytes_per_sep"}));
  TRY(parse_args(fname, args, nargs, kwnames, {"data", "sep", "bytes_per_sep"}, 1, a));
  std::string_view data = TRY(binary_arg(a[0]));
  char sep = 0;
  int64_t per = 0;  // 0: no separators
  if (a[1]) {
    int64_t seplen = TRY(len(a[1]));
    if (seplen != 1) return raise(tp_ValueError, "sep must be length 1.");
    if (is_str(a[1])) {
      // Any code point below 256 is accepted (the result is bytes), as CPython does.
      uint32_t cp = str_char_at(as_str(a[1]), 0);
      if (cp > 255) return raise(tp_ValueError, "sep must be ASCII.");
      sep = char(cp);
    } else if (is_bytes(a[1])) {
      sep = as_bytes(a[1])->data[0];
    } else {
      return raise(tp_TypeError, "sep must be str or bytes.");
    }
    per = a[2] ? TRY(as_c_int(a[2])) : 1;
  } else if (a[2]) {
    TRY(as_c_int(a[2]));  // still type-checked when no separator is given
  }
  std::string out;
  size_t n = data.size();
  out.reserve(n * 3);
  size_t group = size_t(per < 0 ? -per : per);
  for (size_t i = 0; i < n; i++) {
    if (group && i > 0) {
      // Separator before byte i when i starts a group.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out.push_back(sep);
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out.push_back(kHexLower[c >> 4]);
    out.push_back(kHexLower[c & 15]);
  }
  return make_bytes(out);
}
static Result<Value> m_hexlify(Value* args, int64_t nargs, Tuple* kwnames) {
  return hexlify_impl("hexlify", args, nargs, kwnames);
}
static Result<Value> m_b2a_hex(Value* args, int64_t nargs, Tuple* kwnames) {
  return hexlify_impl("b2a_hex", args, nargs, kwnames);
}

// `qualname` is "binascii.<name>": CPython's messages for these one-argument
// functions name the module.
static Result<Value> unhexlify_impl(const char* qualname, Value* args, int64_t nargs, Tuple* kwnames) {
  TRY(no_kwargs(qualname, kwnames));
  TRY(check_nargs(qualname, nargs, 1, 1));
  std::string_view s = TRY(ascii_arg(args[0]));
  if (s.size() % 2) return binascii_error("Odd-length string");
  std::string out(s.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); i++) {
    int hi = hex_digit(static_cast<unsigned char>(s[2 * i]));
    int lo = hex_digit(static_cast<unsigned char>(s[2 * i + 1]));
    if (hi < 0 || lo < 0) return binascii_error("Non-hexadecimal digit found");
    out[i] = char(hi << 4 | lo);
  }
  return make_bytes(out);
}
static Result<Value> m_unhexlify(Value* args, int64_t nargs, Tuple* kwnames) {
  return unhexlify_impl("binascii.unhexlify", args, nargs, kwnames);
}
static Result<Value> m_a2b_hex(Value* args, int64_t nargs, Tuple* kwnames) {
  return unhexlify_impl("binascii.a2b_hex", args, nargs, kwnames);
}

// ---- base64 ----
static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Decoding works on quads of 6-bit values; `pos` is the index within the
// current quad. Padding ends the input once it completes a quad that holds at
// least two data characters; non-strict mode ignores every other stray '='
// and every character outside the alphabet.
static Result<Value> m_a2b_base64(Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[2];
  TRY(one_positional("a2b_base64", nargs));
  TRY(check_keywords("a2b_base64", kwnames, {"strict_mode"}));
  TRY(parse_args("a2b_base64", args, nargs, kwnames, {"data", "strict_mode"}, 1, a, 1, 1));
  std::string_view s = TRY(ascii_arg(a[0]));
  bool strict = TRY(flag_arg(a[1], false));
  if (strict && !s.empty() && s[0] == '=') return binascii_error("Leading padding not allowed");
  std::string out;
  out.reserve(s.size() / 4 * 3 + 3);
  int pos = 0;
  unsigned bits = 0;  // leftover bits of the previous character
  int pads = 0;
  bool padding_started = false;
  for (size_t i = 0; i < s.size(); i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '=') {
      padding_started = true;
      if (pos >= 2 && pos + ++pads >= 4) {
        if (strict && i + 1 < s.size()) return binascii_error("Excess data after padding");
        return make_bytes(out);
      }
      continue;
    }
    int v = b64_value(c);
    if (v < 0) {
      if (strict) return binascii_error("Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return binascii_error("Discontinuous padding not allowed");
    pads = 0;
    switch (pos) {
      case 0: bits = unsigned(v); pos = 1; break;
      case 1: out.push_back(char(bits << 2 | unsigned(v) >> 4)); bits = unsigned(v) & 0x0f; pos = 2; break;
      case 2: out.push_back(char(bits << 4 | unsigned(v) >> 2)); bits = unsigned(v) & 0x03; pos = 3; break;
      default: out.push_back(char(bits << 6 | unsigned(v))); bits = 0; pos = 0; break;
    }
  }
  if (pos == 1) {
    // One data character past a whole number of quads: no input encodes to that.
    long long chars = (long long)(out.size() / 3 * 4 + 1);
    return binascii_error("Invalid base64-encoded string: number of data characters (" + std::to_string(chars) +
                          ") cannot be 1 more than a multiple of 4");
  }
  if (pos != 0) return binascii_error("Incorrect padding");
  return make_bytes(out);
}

static Result<Value> m_b2a_base64(Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[2];
  TRY(one_positional("b2a_base64", nargs));
  TRY(check_keywords("b2a_base64", kwnames, {"newline"}));
  TRY(parse_args("b2a_base64", args, nargs, kwnames, {"data", "newline"}, 1, a, 1, 1));
  std::string_view d = TRY(binary_arg(a[0]));
  bool newline = TRY(flag_arg(a[1], true));
  std::string out;
  out.reserve((d.size() + 2) / 3 * 4 + 1);
  size_t i = 0;
  for (; i + 3 <= d.size(); i += 3) {
    uint32_t v = uint32_t(uint8_t(d[i])) << 16 | uint32_t(uint8_t(d[i + 1])) << 8 | uint8_t(d[i + 2]);
    out.push_back(kB64[v >> 18]);
    out.push_back(kB64[(v >> 12) & 63]);
    out.push_back(kB64[(v >> 6) & 63]);
    out.push_back(kB64[v & 63]);
  }
  size_t rest = d.size() - i;
  if (rest) {
    uint32_t v = uint32_t(uint8_t(d[i])) << 16 | (rest == 2 ? uint32_t(uint8_t(d[i + 1])) << 8 : 0);
    out.push_back(kB64[v >> 18]);
    out.push_back(kB64[(v >> 12) & 63]);
    out.push_back(rest == 2 ? kB64[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  if (newline) out.push_back('\n');
  return make_bytes(out);
}

// ---- checksums ----
static uint32_t g_crc32_table[256];
static uint16_t g_hqx_table[256];

static void init_tables() {
  // CRC-32 as in zlib/PNG: reflected polynomial 0xEDB88320.
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    g_crc32_table[n] = c;
  }
  // CRC-CCITT as used by binhex: polynomial 0x1021, most significant bit first.
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n << 8;
    for (int k = 0; k < 8; k++) c = (c & 0x8000) ? (c << 1) ^ 0x1021 : c << 1;
    g_hqx_table[n] = uint16_t(c);
  }
}

static Result<Value> m_crc32(Value* args, int64_t nargs, Tuple* kwnames) {
  TRY(no_kwargs("binascii.crc32", kwnames));
  TRY(check_nargs("crc32", nargs, 1, 2));
  std::string_view d = TRY(binary_arg(args[0]));
  uint32_t crc = nargs > 1 ? TRY(u32_mask_arg(args[1])) : 0;
  crc = ~crc;
  for (unsigned char c : d) crc = g_crc32_table[(crc ^ c) & 0xff] ^ (crc >> 8);
  return int_from_u64(~crc);
}

static Result<Value> m_crc_hqx(Value* args, int64_t nargs, Tuple* kwnames) {
  TRY(no_kwargs("binascii.crc_hqx", kwnames));
  TRY(check_nargs("crc_hqx", nargs, 2, 2));
  std::string_view d = TRY(binary_arg(args[0]));
  uint32_t crc = TRY(u32_mask_arg(args[1])) & 0xffff;  // only the low 16 bits take part
  for (unsigned char c : d) crc = ((crc << 8) & 0xff00) ^ g_hqx_table[((crc >> 8) ^ c) & 0xff];
  return Value::small(crc);
}

// ---- uuencode ----

// One uuencoded line: a length character, then the 6-bit groups (space-based,
// tolerating '`' for zero), then optional trailing whitespace. A line shorter
// than its declared length is completed with zero bytes.
static Result<Value> m_a2b_uu(Value* args, int64_t nargs, Tuple* kwnames) {
  TRY(no_kwargs("binascii.a2b_uu", kwnames));
  TRY(check_nargs("binascii.a2b_uu", nargs, 1, 1));
  std::string_view s = TRY(ascii_arg(args[0]));
  size_t i = 0;
  // An empty line reads as a NUL length byte: (0 - ' ') & 63 = 32 bytes.
  unsigned char first = s.empty() ? 0 : static_cast<unsigned char>(s[i++]);
  int64_t want = (first - ' ') & 077;
  std::string out;
  out.reserve(size_t(want));
  uint32_t acc = 0;
  int nbits = 0;
  while (int64_t(out.size()) < want) {
    unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
    unsigned v;
    if (i >= s.size() || c == '\n' || c == '\r') {
      v = 0;  // spaces eaten at the end of the line
    } else {
      if (c < ' ' || c > ' ' + 64) return binascii_error("Illegal char");
      v = (c - ' ') & 077;
    }
    i++;
    acc = (acc << 6) | v;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      out.push_back(char((acc >> nbits) & 0xff));
      acc &= (1u << nbits) - 1;
    }
  }
  for (; i < s.size(); i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') return binascii_error("Trailing garbage");
  }
  return make_bytes(out);
}

static Result<Value> m_b2a_uu(Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[2];
  TRY(one_positional("b2a_uu", nargs));
  TRY(check_keywords("b2a_uu", kwnames, {"backtick"}));
  TRY(parse_args("b2a_uu", args, nargs, kwnames, {"data", "backtick"}, 1, a, 1, 1));
  std::string_view d = TRY(binary_arg(a[0]));
  bool backtick = TRY(flag_arg(a[1], false));
  if (d.size() > 45) return binascii_error("At most 45 bytes at once");
  auto enc = [backtick](unsigned v) { return backtick && v == 0 ? '`' : char(' ' + v); };
  std::string out;
  out.push_back(enc(unsigned(d.size())));
  for (size_t i = 0; i < d.size(); i += 3) {
    // Groups of three bytes, the last one zero-padded.
    uint32_t v = uint32_t(uint8_t(d[i])) << 16;
    if (i + 1 < d.size()) v |= uint32_t(uint8_t(d[i + 1])) << 8;
    if (i + 2 < d.size()) v |= uint8_t(d[i + 2]);
    for (int sh = 18; sh >= 0; sh -= 6) out.push_back(enc((v >> sh) & 63));
  }
  out.push_back('\n');
  return make_bytes(out);
}

// ---- quoted-printable ----
static constexpr int kMaxLineSize = 76;  // RFC 1521's limit on encoded line length
static const char kHexUpper[] = "0123456789ABCDEF";

static Result<Value> m_a2b_qp(Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[2];
  TRY(check_keywords("a2b_qp", kwnames, {"data", "header"}));
  TRY(parse_args("a2b_qp", args, nargs, kwnames, {"data", "header"}, 1, a));
  std::string_view s = TRY(ascii_arg(a[0]));
  bool header = TRY(flag_arg(a[1], false));
  std::string out;
  out.reserve(s.size());
  size_t i = 0, n = s.size();
  while (i < n) {
    char c = s[i];
    if (c == '=') {
      i++;
      if (i >= n) break;  // a lone '=' at the very end is a soft break with nothing after it
      if (s[i] == '\n' || s[i] == '\r') {
        // Soft line break: drop everything up to and including the newline.
        while (i < n && s[i] != '\n') i++;
        if (i < n) i++;
      } else if (s[i] == '=') {
        out.push_back('=');  // "==" written by old broken encoders
        i++;
      } else if (i + 1 < n && hex_digit(static_cast<unsigned char>(s[i])) >= 0 &&
                 hex_digit(static_cast<unsigned char>(s[i + 1])) >= 0) {
        out.push_back(char(hex_digit(static_cast<unsigned char>(s[i])) << 4 |
                           hex_digit(static_cast<unsigned char>(s[i + 1]))));
        i += 2;
      } else {
        out.push_back('=');  // not an escape: keep it, the next character is read normally
      }
    } else if (header && c == '_') {
      out.push_back(' ');
      i++;
    } else {
      out.push_back(c);
      i++;
    }
  }
  return make_bytes(out);
}

static Result<Value> m_b2a_qp(Value* args, int64_t nargs, Tuple* kwnames) {
  Value a[4];
  TRY(check_keywords("b2a_qp", kwnames, {"data", "quotetabs", "istext", "header"}));
  TRY(parse_args("b2a_qp", args, nargs, kwnames, {"data", "quotetabs", "istext", "header"}, 1, a));
  std::string_view d = TRY(binary_arg(a[0]));
  bool quotetabs = TRY(flag_arg(a[1], false));
  bool istext = TRY(flag_arg(a[2], true));
  bool header = TRY(flag_arg(a[3], false));
  // The line ending of the output follows the input's first newline (CRLF or LF).
  size_t nl = d.find('\n');
  bool crlf = nl != std::string_view::npos && nl > 0 && d[nl - 1] == '\r';
  auto soft_break = [crlf](std::string& o) {
    o.push_back('=');
    if (crlf) o.push_back('\r');
    o.push_back('\n');
  };
  std::string out;
  out.reserve(d.size() * 2);
  size_t i = 0, n = d.size();
  int linelen = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(d[i]);
    bool at_end = i + 1 == n;
    unsigned char next = at_end ? 0 : static_cast<unsigned char>(d[i + 1]);
    bool encode = c > 126 || c == '=' || (header && c == '_') ||
                  // a lone '.' on a line would end an SMTP message
                  (c == '.' && linelen == 0 && (at_end || next == '\n' || next == '\r' || next == 0)) ||
                  (!istext && (c == '\r' || c == '\n')) ||
                  ((c == '\t' || c == ' ') && at_end) ||
                  (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
    if (encode) {
      if (linelen + 3 >= kMaxLineSize) {
        soft_break(out);
        linelen = 0;
      }
      out.push_back('=');
      out.push_back(kHexUpper[c >> 4]);
      out.push_back(kHexUpper[c & 15]);
      i++;
      linelen += 3;
    } else if (istext && (c == '\n' || (!at_end && c == '\r' && next == '\n'))) {
      linelen = 0;
      // Whitespace before a hard line break would be stripped in transit: encode it.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char w = static_cast<unsigned char>(out.back());
        out.back() = '=';
        out.push_back(kHexUpper[w >> 4]);
        out.push_back(kHexUpper[w & 15]);
      }
      if (crlf) out.push_back('\r');
      out.push_back('\n');
      i += c == '\r' ? 2 : 1;
    } else {
      if (!at_end && next != '\n' && linelen + 1 >= kMaxLineSize) {
        soft_break(out);
        linelen = 0;
      }
      linelen++;
      out.push_back(header && c == ' ' ? '_' : char(c));
      i++;
    }
  }
  return make_bytes(out);
}

static const MethodDef functions[] = {{"a2b_uu", m_a2b_uu},
                                      {"b2a_uu", m_b2a_uu},
                                      {"a2b_base64", m_a2b_base64},
                                      {"b2a_base64", m_b2a_base64},
                                      {"crc_hqx", m_crc_hqx},
                                      {"crc32", m_crc32},
                                      {"b2a_hex", m_b2a_hex},
                                      {"hexlify", m_hexlify},
                                      {"a2b_hex", m_a2b_hex},
                                      {"unhexlify", m_unhexlify},
                                      {"a2b_qp", m_a2b_qp},
                                      {"b2a_qp", m_b2a_qp},
                                      {nullptr, nullptr}};

static const char kDoc[] = "Conversion between binary data and ASCII";

static Result<Value> binascii_init() {
  Module* m = native_module_new("binascii", functions, kDoc);
  if (!g_error) {
    init_tables();
    Dict* ns = dict_new();
    dict_set_str(ns, N.__module__, str_value("binascii"));
    g_error = TRY(call3(Value(tp_type), str_value("Error"), Value(tuple_of({Value(tp_ValueError)})), Value(ns)));
    Dict* ns2 = dict_new();
    dict_set_str(ns2, N.__module__, str_value("binascii"));
    g_incomplete =
        TRY(call3(Value(tp_type), str_value("Incomplete"), Value(tuple_of({Value(tp_Exception)})), Value(ns2)));
  }
  dict_set_str(m->dict, str_intern("Error"), g_error);
  dict_set_str(m->dict, str_intern("Incomplete"), g_incomplete);
  return Value(m);
}
GILPY_NATIVE_MODULE("binascii", binascii_init);

}  // namespace gilpy
