// UTF-7 (RFC 2152) with CPython 3.11's choices (see _codecs_utf7.h).
//
// Encoding. Printable ASCII other than '+', '\' and '~', and tab, LF, CR and
// space are written as themselves (RFC 2152's Set D, its optional Set O and
// white space); '+' is written "+-". Everything else goes into a shift
// sequence: '+', then the UTF-16 code units (an astral character as its
// surrogate pair; a lone surrogate as itself) as a stream of base64 digits,
// the last digit padded with zero bits. A directly written character ends
// the sequence; a '-' is put in between only when that character is a base64
// digit or '-' itself (otherwise the end is implicit). The end of the text
// ends an open sequence with '-'.
//
// Decoding. Any ASCII byte but '+' stands for itself; '+-' is '+'; '+'
// followed by a base64 digit (or at the end of the data) opens a shift
// sequence, which any non-base64 byte closes (a closing '-' is dropped, any
// other byte is decoded normally). Sixteen bits make a code unit; a high
// surrogate followed by a low one makes one astral character, an unpaired
// one is kept as itself (though a high surrogate pending when the sequence
// closes is dropped when the closing byte is not plain ASCII). Errors, with
// the range reported to the handler:
//   byte >= 0x80 outside a sequence      "unexpected special character" [i, i+1)
//   '+' then a byte that is no base64 digit and not '-'
//                                         "ill-formed sequence" ['+', byte+1)
//   a sequence closing with 6 or more bits left
//                                         "partial character in shift sequence"
//                                         ['+', closing byte+1)
//   ... with fewer bits left, not all zero "non-zero padding bits in shift sequence"
//                                         (same range)
//   the data ending inside a sequence with a pending surrogate or bits as
//   above, when final                     "unterminated shift sequence" ['+', end)
// When not final, an open sequence at the end is not consumed: its output is
// taken back and the count stops at its '+'.
#include "modules/_codecs_utf7.h"

#include "objects/str.h"
#include "objects/text_util.h"
#include "runtime/errors.h"

namespace gilpy::utf7 {

namespace {

constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The value of a base64 digit, -1 for any other byte.
int digit_value(unsigned c) {
  if (c >= 'A' && c <= 'Z') return int(c - 'A');
  if (c >= 'a' && c <= 'z') return int(c - 'a') + 26;
  if (c >= '0' && c <= '9') return int(c - '0') + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Written as itself by the encoder.
bool plain_on_encode(uint32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return true;
  if (c < 0x20 || c >= 0x7F) return false;
  return c != '+' && c != '\\' && c != '~';
}

// Decoded as itself.
bool plain_on_decode(unsigned c) { return c < 0x80 && c != '+'; }

bool is_high(uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low(uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// Base64 digits of a stream of 16-bit units; at most 5 bits wait between units.
struct BitWriter {
  std::string& out;
  uint32_t acc = 0;
  int nbits = 0;
  void unit(uint32_t u) {
    acc = (acc << 16) | u;
    nbits += 16;
    while (nbits >= 6) {
      nbits -= 6;
      out += kDigits[(acc >> nbits) & 63];
    }
    acc &= (1u << nbits) - 1;
  }
  // The last digit, zero-padded.
  void pad() {
    if (nbits) out += kDigits[(acc << (6 - nbits)) & 63];
    acc = 0;
    nbits = 0;
  }
};

}  // namespace

void encode(std::string_view wtf8, std::string& out) {
  const char* p = wtf8.data();
  int64_t n = int64_t(wtf8.size());
  BitWriter w{out};
  bool shifted = false;
  for (int64_t i = 0; i < n;) {
    uint32_t cp = text::next_cp(p, &i);
    if (plain_on_encode(cp)) {
      if (shifted) {
        w.pad();
        shifted = false;
        if (cp == '-' || digit_value(cp) >= 0) out += '-';
      }
      out += char(cp);
      continue;
    }
    if (!shifted && cp == '+') {
      out += "+-";
      continue;
    }
    if (!shifted) {
      out += '+';
      shifted = true;
    }
    if (cp >= 0x10000) {
      w.unit(0xD800 | ((cp - 0x10000) >> 10));
      w.unit(0xDC00 | ((cp - 0x10000) & 0x3FF));
    } else {
      w.unit(cp);
    }
  }
  w.pad();
  if (shifted) out += '-';
}

Result<int64_t> decode(std::string_view data, bool final, std::string& out, ErrorFn on_error, void* ctx) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
  const int64_t n = int64_t(data.size());
  bool shifted = false;
  int64_t plus = 0;      // where the open sequence's '+' is (or the last error began)
  size_t shift_out = 0;  // out.size() when the sequence opened
  uint32_t acc = 0;      // bits not yet making a unit
  int nbits = 0;
  uint32_t high = 0;     // a high surrogate waiting for its partner
  int64_t i = 0;
  for (;;) {
    while (i < n) {
      unsigned c = p[i];
      if (shifted) {
        int v = digit_value(c);
        if (v >= 0) {
          i++;
          acc = (acc << 6) | uint32_t(v);
          nbits += 6;
          if (nbits < 16) continue;
          nbits -= 16;
          uint32_t u = (acc >> nbits) & 0xFFFF;
          acc &= (1u << nbits) - 1;
          if (high) {
            if (is_low(u)) {
              text::put_cp(out, 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00));
              high = 0;
              continue;
            }
            text::put_cp(out, high);
            high = 0;
          }
          if (is_high(u)) high = u;
          else text::put_cp(out, u);
          continue;
        }
        // The sequence closes here.
        shifted = false;
        const char* bad = nbits >= 6                 ? "partial character in shift sequence"
                          : nbits > 0 && acc != 0 ? "non-zero padding bits in shift sequence"
                                                     : nullptr;
        if (bad) {
          i = TRY(on_error(ctx, bad, plus, i + 1, out));
          continue;
        }
        if (high && plain_on_decode(c)) text::put_cp(out, high);
        high = 0;
        if (c == '-') i++;
        continue;
      }
      if (c == '+') {
        plus = i++;
        if (i < n && p[i] == '-') {
          i++;
          out += '+';
        } else if (i < n && digit_value(p[i]) < 0) {
          i = TRY(on_error(ctx, "ill-formed sequence", plus, i + 1, out));
        } else {
          shifted = true;
          shift_out = out.size();
          acc = 0;
          nbits = 0;
          high = 0;
        }
        continue;
      }
      if (plain_on_decode(c)) {
        out += char(c);
        i++;
        continue;
      }
      i = TRY(on_error(ctx, "unexpected special character", i, i + 1, out));
    }
    if (!shifted || !final) break;
    // The data ends inside a sequence: fine when nothing is left over.
    shifted = false;
    if (!high && nbits < 6 && (nbits == 0 || acc == 0)) break;
    i = TRY(on_error(ctx, "unterminated shift sequence", plus, n, out));
    if (i >= n) break;
  }
  if (shifted) {  // not final: leave the sequence for the next call
    out.resize(shift_out);
    return plus;
  }
  return i;
}

}  // namespace gilpy::utf7
