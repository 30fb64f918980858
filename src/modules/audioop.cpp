// audioop: operations on raw audio fragments (CPython 3.11's deprecated C
// module, which aifc, sunau and wave's users still import).
//
// A fragment is any C-contiguous bytes-like object holding signed samples of
// `width` bytes (1, 2, 3 or 4) in native byte order; the 3-byte samples are
// little-endian, which is native on every platform gilpy builds for. Stereo
// fragments interleave left and right.
//
// Every result must equal CPython's bit for bit, so the arithmetic follows the
// documented rules exactly, including where they are quirky:
//  - scaling (mul, tomono, tostereo) computes in double, clamps to the
//    width's range (anything below min+1 becomes min), then rounds toward
//    minus infinity; a NaN lands as INT_MIN, what the x86 truncating
//    conversion CPython relies on produces, and narrower widths keep its low
//    bytes (0);
//  - "32-bit" conversions (lin2lin, the codecs, ratecv) scale a sample to the
//    top of an int32 and back with an arithmetic shift, truncating;
//  - bias wraps modulo 2**(8*width); add saturates;
//  - avg, rms and the findfit family accumulate in double, in sample order.
// Argument conversion mirrors argument clinic's converters (`int` for widths,
// Py_ssize_t for index/length, double for factors, PyArg_ParseTuple's "i" for
// state tuples) so that every TypeError/OverflowError reads like CPython's.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "modules/_compress_common.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/frame.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

static Value g_error;  // audioop.error (an Exception subclass)

static Err audio_error(const char* msg) {
  Result<Value> e = call1(g_error, str_value(msg));
  if (e.is_err()) return ERR;
  return raise_value(e.value());
}

// ---- argument conversion ----

// Positional-only functions: keywords are refused before the count is checked.
static Status positional(const char* fname, int64_t nargs, Tuple* kw, int64_t min, int64_t max) {
  if (kw && kw->size) return raise_fmt(tp_TypeError, "audioop.%s() takes no keyword arguments", fname);
  return check_nargs(fname, nargs, min, max);
}

// A fragment argument: C-contiguous bytes-like. Converting a later argument
// can run Python code (__index__, __float__) that resizes a bytearray, so
// callers fetch the view again once every argument is converted.
static Result<std::string_view> fragment(Value v) {
  if (v.is_obj() && v.type() == tp_memoryview) {
    Value c = TRY(getattr(v, str_intern("c_contiguous")));
    if (!TRY(truthy(c))) return raise(tp_BufferError, "memoryview: underlying buffer is not C-contiguous");
  }
  return buffer_view(v);
}

static Status check_width(int width) {
  if (width < 1 || width > 4) return audio_error("Size should be 1, 2, 3 or 4");
  return OK();
}

static Status check_frames(size_t len, int width) {
  TRY(check_width(width));
  if (len % size_t(width) != 0) return audio_error("not a whole number of frames");
  return OK();
}

// ---- samples ----

using u8 = unsigned char;

static inline int32_t get_raw(const u8* p, int w) {
  switch (w) {
    case 1:
      return int8_t(p[0]);
    case 2: {
      int16_t v;
      std::memcpy(&v, p, 2);
      return v;
    }
    case 3:
      return int32_t((uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16) << 8) >> 8;
    default: {
      int32_t v;
      std::memcpy(&v, p, 4);
      return v;
    }
  }
}

// Stores the low 8*w bits of v.
static inline void put_raw(u8* p, int w, int32_t v) {
  switch (w) {
    case 1:
      p[0] = u8(v);
      break;
    case 2: {
      int16_t s = int16_t(v);
      std::memcpy(p, &s, 2);
      break;
    }
    case 3:
      p[0] = u8(v);
      p[1] = u8(v >> 8);
      p[2] = u8(v >> 16);
      break;
    default:
      std::memcpy(p, &v, 4);
  }
}

// A sample scaled to the top of an int32, and back (arithmetic shift).
static inline int32_t get32(const u8* p, int w) { return int32_t(uint32_t(get_raw(p, w)) << (32 - 8 * w)); }
static inline void put32(u8* p, int w, int32_t v) { put_raw(p, w, v >> (32 - 8 * w)); }

static inline int64_t min_of(int w) { return -(int64_t(1) << (8 * w - 1)); }
static inline int64_t max_of(int w) { return (int64_t(1) << (8 * w - 1)) - 1; }

// C's (int) conversion of a double as x86 performs it: truncation toward
// zero, and INT_MIN for a NaN or a value outside the int range.
static inline int32_t c_int(double d) {
  if (!(d > -2147483649.0 && d < 2147483648.0)) return INT32_MIN;
  return int32_t(d);
}

// A scaled sample clamped to width w and rounded toward minus infinity.
static inline int32_t clamp_floor(double v, int w) {
  double lo = double(min_of(w)), hi = double(max_of(w));
  if (v > hi) return int32_t(max_of(w));
  if (v < lo + 1.0) return int32_t(min_of(w));
  return c_int(std::floor(v));  // NaN included
}

static Result<Bytes*> new_bytes(int64_t n) {
  Bytes* b = bytes_new(n);
  if (!b) return ERR;
  return b;
}

static inline const u8* up(std::string_view v) { return reinterpret_cast<const u8*>(v.data()); }
static inline u8* out_ptr(Bytes* b) { return reinterpret_cast<u8*>(b->data); }

// ---- simple measurements ----

// Common shape of the (fragment, width) functions: converted and checked.
static Status frag_width(const char* fname, Value* a, int64_t n, Tuple* kw, int64_t nmax, std::string_view* v,
                         int* width) {
  TRY(positional(fname, n, kw, nmax, nmax));
  TRY(fragment(a[0]));
  *width = TRY(as_c_int(a[1]));
  return OK();
}

static Result<Value> m_getsample(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("getsample", a, n, kw, 3, &v, &w));
  int64_t index = TRY(as_ssize(a[2]));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  if (index < 0 || index >= int64_t(v.size() / w)) return audio_error("Index out of range");
  return int_from_i64(get_raw(up(v) + index * w, w));
}

static Result<Value> m_max(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("max", a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  uint32_t best = 0;
  for (size_t i = 0; i < v.size(); i += w) {
    int64_t s = get_raw(up(v) + i, w);
    uint32_t m = uint32_t(s < 0 ? -s : s);
    if (m > best) best = m;
  }
  return int_from_u64(best);
}

static Result<Value> m_minmax(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("minmax", a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  // An empty fragment reports the untouched starting values.
  int32_t lo = INT32_MAX, hi = INT32_MIN;
  for (size_t i = 0; i < v.size(); i += w) {
    int32_t s = get_raw(up(v) + i, w);
    if (s > hi) hi = s;
    if (s < lo) lo = s;
  }
  return Value(tuple_of({int_from_i64(lo), int_from_i64(hi)}));
}

static Result<Value> m_avg(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("avg", a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  if (v.empty()) return int_from_i64(0);
  double sum = 0.0;
  for (size_t i = 0; i < v.size(); i += w) sum += get_raw(up(v) + i, w);
  return int_from_i64(c_int(std::floor(sum / double(v.size() / w))));
}

static Result<Value> m_rms(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("rms", a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  if (v.empty()) return int_from_i64(0);
  double sum = 0.0;
  for (size_t i = 0; i < v.size(); i += w) {
    double s = get_raw(up(v) + i, w);
    sum += s * s;
  }
  // At most 2**31: fits the unsigned int CPython converts to.
  return int_from_u64(uint32_t(std::sqrt(sum / double(v.size() / w))));
}

// Zero crossings: changes of sign (negative / not negative) between
// neighbouring samples; -1 for an empty fragment.
static Result<Value> m_cross(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("cross", a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  int64_t crossings = -1;
  int prev = -1;  // neither 0 nor 1: the first sample always counts as a change
  for (size_t i = 0; i < v.size(); i += w) {
    int neg = get_raw(up(v) + i, w) < 0;
    if (neg != prev) crossings++;
    prev = neg;
  }
  return int_from_i64(crossings);
}

// Peak-to-peak statistics over the local extremes. A sample is an extreme
// when the direction of change (ignoring flat runs) flips right after it;
// the first direction seen is never a flip. Each extreme after the first
// contributes its distance to the previous extreme.
static Result<Value> peak_to_peak(const char* fname, Value* a, int64_t n, Tuple* kw, bool average) {
  std::string_view v;
  int w;
  TRY(frag_width(fname, a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  if (v.size() <= size_t(w)) return int_from_i64(0);
  int32_t prev = get_raw(up(v), w);
  int prev_falling = -1;  // unknown
  bool have_extreme = false;
  int32_t extreme = 0;
  double sum = 0.0;
  int64_t count = 0;
  uint32_t best = 0;
  for (size_t i = w; i < v.size(); i += w) {
    int32_t s = get_raw(up(v) + i, w);
    if (s == prev) continue;
    int falling = s < prev;
    if (prev_falling == !falling) {
      if (have_extreme) {
        uint32_t d = prev < extreme ? uint32_t(extreme) - uint32_t(prev) : uint32_t(prev) - uint32_t(extreme);
        sum += double(d);
        count++;
        if (d > best) best = d;
      }
      have_extreme = true;
      extreme = prev;
    }
    prev = s;
    prev_falling = falling;
  }
  if (!average) return int_from_u64(best);
  if (count == 0) return int_from_i64(0);
  return int_from_u64(uint32_t(sum / double(count)));
}
static Result<Value> m_avgpp(Value* a, int64_t n, Tuple* kw) { return peak_to_peak("avgpp", a, n, kw, true); }
static Result<Value> m_maxpp(Value* a, int64_t n, Tuple* kw) { return peak_to_peak("maxpp", a, n, kw, false); }

// ---- 16-bit matching (findfit, findfactor, findmax) ----

static inline double s16(const u8* p, int64_t i) {
  int16_t s;
  std::memcpy(&s, p + 2 * i, 2);
  return s;
}

// Sum of a[i]*b[i] over n 16-bit samples, accumulated in order.
static double dot16(const u8* a, const u8* b, int64_t n) {
  double sum = 0.0;
  for (int64_t i = 0; i < n; i++) sum = sum + s16(a, i) * s16(b, i);
  return sum;
}

static Status two_fragments(const char* fname, Value* a, int64_t n, Tuple* kw, std::string_view* f,
                            std::string_view* r) {
  TRY(positional(fname, n, kw, 2, 2));
  *f = TRY(fragment(a[0]));
  *r = TRY(fragment(a[1]));
  if (f->size() % 2 || r->size() % 2) return audio_error("Strings should be even-sized");
  return OK();
}

// The offset j where reference best matches fragment[j:j+len(reference)] in
// the least-squares sense, and the factor that scales reference onto it.
// Division by zero gives NaN/inf as in C, never an exception.
static Result<Value> m_findfit(Value* a, int64_t n, Tuple* kw) {
  std::string_view f, r;
  TRY(two_fragments("findfit", a, n, kw, &f, &r));
  int64_t len1 = f.size() / 2, len2 = r.size() / 2;
  if (len1 < len2) return audio_error("First sample should be longer");
  const u8* fp = up(f);
  const u8* rp = up(r);
  double ref2 = dot16(rp, rp, len2);
  double win2 = dot16(fp, fp, len2);  // energy of the current window, updated incrementally
  double cross = dot16(fp, rp, len2);
  double best = (ref2 * win2 - cross * cross) / win2;
  int64_t best_j = 0;
  for (int64_t j = 1; j <= len1 - len2; j++) {
    double leaving = s16(fp, j - 1), entering = s16(fp, j + len2 - 1);
    win2 = win2 + entering * entering - leaving * leaving;
    cross = dot16(fp + 2 * j, rp, len2);
    double res = (ref2 * win2 - cross * cross) / win2;
    if (res < best) {
      best = res;
      best_j = j;
    }
  }
  double factor = dot16(fp + 2 * best_j, rp, len2) / ref2;
  return Value(tuple_of({int_from_i64(best_j), float_new(factor)}));
}

static Result<Value> m_findfactor(Value* a, int64_t n, Tuple* kw) {
  std::string_view f, r;
  TRY(two_fragments("findfactor", a, n, kw, &f, &r));
  if (f.size() != r.size()) return audio_error("Samples should be same size");
  int64_t len = f.size() / 2;
  double ref2 = dot16(up(r), up(r), len);
  double cross = dot16(up(f), up(r), len);
  return float_new(cross / ref2);
}

// The start of the `length`-sample window with the most energy (the first
// one on ties).
static Result<Value> m_findmax(Value* a, int64_t n, Tuple* kw) {
  TRY(positional("findmax", n, kw, 2, 2));
  TRY(fragment(a[0]));
  int64_t length = TRY(as_ssize(a[1]));
  std::string_view f = TRY(fragment(a[0]));
  if (f.size() % 2) return audio_error("Strings should be even-sized");
  int64_t len1 = f.size() / 2;
  if (length < 0 || len1 < length) return audio_error("Input sample should be longer");
  const u8* fp = up(f);
  double energy = dot16(fp, fp, length);
  double best = energy;
  int64_t best_j = 0;
  for (int64_t j = 1; j <= len1 - length; j++) {
    double leaving = s16(fp, j - 1), entering = s16(fp, j + length - 1);
    energy = energy + entering * entering - leaving * leaving;
    if (energy > best) {
      best = energy;
      best_j = j;
    }
  }
  return int_from_i64(best_j);
}

// ---- transformations ----

static Result<Value> m_mul(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("mul", a, n, kw, 3, &v, &w));
  double factor = TRY(to_double(a[2]));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  Bytes* out = TRY(new_bytes(v.size()));
  for (size_t i = 0; i < v.size(); i += w)
    put_raw(out_ptr(out) + i, w, clamp_floor(double(get_raw(up(v) + i, w)) * factor, w));
  return Value(out);
}

static Result<Value> m_tomono(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("tomono", a, n, kw, 4, &v, &w));
  double lf = TRY(to_double(a[2]));
  double rf = TRY(to_double(a[3]));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  if ((v.size() / w) % 2) return audio_error("not a whole number of frames");
  Bytes* out = TRY(new_bytes(v.size() / 2));
  for (size_t i = 0, o = 0; i < v.size(); i += 2 * w, o += w) {
    double l = get_raw(up(v) + i, w), r = get_raw(up(v) + i + w, w);
    put_raw(out_ptr(out) + o, w, clamp_floor(l * lf + r * rf, w));
  }
  return Value(out);
}

static Result<Value> m_tostereo(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("tostereo", a, n, kw, 4, &v, &w));
  double lf = TRY(to_double(a[2]));
  double rf = TRY(to_double(a[3]));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  Bytes* out = TRY(new_bytes(int64_t(v.size()) * 2));
  for (size_t i = 0; i < v.size(); i += w) {
    double s = get_raw(up(v) + i, w);
    put_raw(out_ptr(out) + 2 * i, w, clamp_floor(s * lf, w));
    put_raw(out_ptr(out) + 2 * i + w, w, clamp_floor(s * rf, w));
  }
  return Value(out);
}

static Result<Value> m_add(Value* a, int64_t n, Tuple* kw) {
  TRY(positional("add", n, kw, 3, 3));
  TRY(fragment(a[0]));
  TRY(fragment(a[1]));
  int w = TRY(as_c_int(a[2]));
  std::string_view f1 = TRY(fragment(a[0]));
  std::string_view f2 = TRY(fragment(a[1]));
  TRY(check_frames(f1.size(), w));
  if (f1.size() != f2.size()) return audio_error("Lengths should be the same");
  Bytes* out = TRY(new_bytes(f1.size()));
  int64_t lo = min_of(w), hi = max_of(w);
  for (size_t i = 0; i < f1.size(); i += w) {
    int64_t s = int64_t(get_raw(up(f1) + i, w)) + get_raw(up(f2) + i, w);
    put_raw(out_ptr(out) + i, w, int32_t(s > hi ? hi : s < lo ? lo : s));
  }
  return Value(out);
}

// Adds bias modulo 2**(8*width): the sum's low bytes are what is stored.
static Result<Value> m_bias(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("bias", a, n, kw, 3, &v, &w));
  int bias = TRY(as_c_int(a[2]));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  Bytes* out = TRY(new_bytes(v.size()));
  for (size_t i = 0; i < v.size(); i += w)
    put_raw(out_ptr(out) + i, w, int32_t(uint32_t(get_raw(up(v) + i, w)) + uint32_t(bias)));
  return Value(out);
}

static Result<Value> m_reverse(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("reverse", a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  Bytes* out = TRY(new_bytes(v.size()));
  for (size_t i = 0; i < v.size(); i += w) std::memcpy(out_ptr(out) + (v.size() - w - i), up(v) + i, w);
  return Value(out);
}

static Result<Value> m_byteswap(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("byteswap", a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  Bytes* out = TRY(new_bytes(v.size()));
  for (size_t i = 0; i < v.size(); i += w)
    for (int k = 0; k < w; k++) out_ptr(out)[i + k] = up(v)[i + w - 1 - k];
  return Value(out);
}

static Result<Value> m_lin2lin(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("lin2lin", a, n, kw, 3, &v, &w));
  int nw = TRY(as_c_int(a[2]));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  TRY(check_width(nw));
  int64_t count = v.size() / w;
  Bytes* out = TRY(new_bytes(count * nw));
  for (int64_t i = 0; i < count; i++) put32(out_ptr(out) + i * nw, nw, get32(up(v) + i * w, w));
  return Value(out);
}

// ---- G.711 u-law and A-law ----
// The classic segment/quantisation encoders: u-law takes 14-bit and A-law
// 13-bit linear input (a sample's top bits), decoders yield 16-bit values.

// The first segment whose upper bound is >= x (8 when none is).
static int segment_of(int x, const int* ends) {
  for (int i = 0; i < 8; i++)
    if (x <= ends[i]) return i;
  return 8;
}

static u8 ulaw_encode(int pcm14) {
  static const int ends[8] = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
  int mask = 0xFF;  // u-law codes are stored with every bit inverted
  if (pcm14 < 0) {
    pcm14 = -pcm14;
    mask = 0x7F;  // ... and the sign bit clear for negative values
  }
  if (pcm14 > 8159) pcm14 = 8159;
  pcm14 += 0x84 >> 2;  // the bias that makes segment boundaries powers of two
  int seg = segment_of(pcm14, ends);
  if (seg >= 8) return u8(0x7F ^ mask);
  return u8(((seg << 4) | ((pcm14 >> (seg + 1)) & 0xF)) ^ mask);
}

static int ulaw_decode(u8 code) {
  int u = ~code & 0xFF;
  int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
  return (u & 0x80) ? 0x84 - t : t - 0x84;
}

static u8 alaw_encode(int pcm13) {
  static const int ends[8] = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
  int mask;  // A-law codes toggle the even bits; the sign bit is set for non-negative values
  if (pcm13 >= 0) {
    mask = 0xD5;
  } else {
    mask = 0x55;
    pcm13 = -pcm13 - 1;
  }
  int seg = segment_of(pcm13, ends);
  if (seg >= 8) return u8(0x7F ^ mask);
  int code = seg << 4;
  code |= (seg < 2 ? pcm13 >> 1 : pcm13 >> seg) & 0xF;
  return u8(code ^ mask);
}

static int alaw_decode(u8 code) {
  int x = code ^ 0x55;
  int t = (x & 0x0F) << 4;
  int seg = (x & 0x70) >> 4;
  if (seg == 0) {
    t += 8;
  } else {
    t += 0x108;
    if (seg > 1) t <<= seg - 1;
  }
  return (x & 0x80) ? t : -t;
}

static Result<Value> encode_law(const char* fname, Value* a, int64_t n, Tuple* kw, bool ulaw) {
  std::string_view v;
  int w;
  TRY(frag_width(fname, a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  int64_t count = v.size() / w;
  Bytes* out = TRY(new_bytes(count));
  for (int64_t i = 0; i < count; i++) {
    int32_t s = get32(up(v) + i * w, w);
    out_ptr(out)[i] = ulaw ? ulaw_encode(s >> 18) : alaw_encode(s >> 19);
  }
  return Value(out);
}

static Result<Value> decode_law(const char* fname, Value* a, int64_t n, Tuple* kw, bool ulaw) {
  std::string_view v;
  int w;
  TRY(frag_width(fname, a, n, kw, 2, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_width(w));
  Bytes* out = TRY(new_bytes(int64_t(v.size()) * w));
  for (size_t i = 0; i < v.size(); i++) {
    int s = ulaw ? ulaw_decode(up(v)[i]) : alaw_decode(up(v)[i]);
    put32(out_ptr(out) + i * w, w, int32_t(uint32_t(s) << 16));
  }
  return Value(out);
}

static Result<Value> m_lin2ulaw(Value* a, int64_t n, Tuple* kw) { return encode_law("lin2ulaw", a, n, kw, true); }
static Result<Value> m_lin2alaw(Value* a, int64_t n, Tuple* kw) { return encode_law("lin2alaw", a, n, kw, false); }
static Result<Value> m_ulaw2lin(Value* a, int64_t n, Tuple* kw) { return decode_law("ulaw2lin", a, n, kw, true); }
static Result<Value> m_alaw2lin(Value* a, int64_t n, Tuple* kw) { return decode_law("alaw2lin", a, n, kw, false); }

// ---- Intel/DVI (IMA) ADPCM ----
// 4-bit codes, two per byte with the first in the high nibble; the state is
// (predicted 16-bit value, index into the step table).

static const int kIndexAdjust[16] = {-1, -1, -1, -1, 2, 4, 6, 8, -1, -1, -1, -1, 2, 4, 6, 8};
static const int kStepSizes[] = {
    7,     8,     9,     10,    11,    12,    13,    14,    16,    17,    19,    21,    23,    25,    28,
    31,    34,    37,    41,    45,    50,    55,    60,    66,    73,    80,    88,    97,    107,   118,
    130,   143,   157,   173,   190,   209,   230,   253,   279,   307,   337,   371,   408,   449,   494,
    544,   598,   658,   724,   796,   876,   963,   1060,  1166,  1282,  1411,  1552,  1707,  1878,  2066,
    2272,  2499,  2749,  3024,  3327,  3660,  4026,  4428,  4871,  5358,  5894,  6484,  7132,  7845,  8630,
    9493,  10442, 11487, 12635, 13899, 15289, 16818, 18500, 20350, 22385, 24623, 27086, 29794, 32767};
static constexpr int kMaxIndex = int(sizeof kStepSizes / sizeof kStepSizes[0]) - 1;
static_assert(kMaxIndex == 88, "the IMA step table has 89 entries");

// The state argument: None for (0, 0), else a 2-tuple of C ints in range.
static Status adpcm_state(const char* fname, Value state, int* pred, int* index) {
  *pred = 0;
  *index = 0;
  if (is_none(state)) return OK();
  if (!is_tuple(state)) return raise(tp_TypeError, "state must be a tuple or None");
  Tuple* t = as_tuple(state);
  if (t->size != 2) return raise_fmt(tp_TypeError, "%s(): illegal state argument", fname);
  *pred = TRY(compress::pyarg_int(t->items[0]));
  *index = TRY(compress::pyarg_int(t->items[1]));
  if (*pred < -0x8000 || *pred > 0x7FFF || *index < 0 || *index > kMaxIndex) return raise(tp_ValueError, "bad state");
  return OK();
}

static inline int clamp_index(int i) { return i < 0 ? 0 : i > kMaxIndex ? kMaxIndex : i; }
static inline int clamp16(int v) { return v > 32767 ? 32767 : v < -32768 ? -32768 : v; }

static Result<Value> m_lin2adpcm(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("lin2adpcm", a, n, kw, 3, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_frames(v.size(), w));
  int pred, index;
  TRY(adpcm_state("lin2adpcm", a[2], &pred, &index));
  int64_t count = v.size() / w;
  Bytes* out = TRY(new_bytes(count / 2));  // an odd final code is dropped
  int step = kStepSizes[index];
  int high = 0;
  for (int64_t i = 0; i < count; i++) {
    int s = get32(up(v) + i * w, w) >> 16;
    int sign = s < pred ? 8 : 0;
    int diff = sign ? pred - s : s - pred;
    // Quantise diff/step to three bits, accumulating the value the decoder
    // will reconstruct so that encoder and decoder predict alike.
    int code = 0;
    int recon = step >> 3;
    if (diff >= step) {
      code = 4;
      diff -= step;
      recon += step;
    }
    if (diff >= step >> 1) {
      code |= 2;
      diff -= step >> 1;
      recon += step >> 1;
    }
    if (diff >= step >> 2) {
      code |= 1;
      recon += step >> 2;
    }
    pred = clamp16(sign ? pred - recon : pred + recon);
    code |= sign;
    index = clamp_index(index + kIndexAdjust[code]);
    step = kStepSizes[index];
    if (i % 2 == 0) high = code << 4;
    else out_ptr(out)[i / 2] = u8(high | code);
  }
  return Value(tuple_of({Value(out), Value(tuple_of({int_from_i64(pred), int_from_i64(index)}))}));
}

static Result<Value> m_adpcm2lin(Value* a, int64_t n, Tuple* kw) {
  std::string_view v;
  int w;
  TRY(frag_width("adpcm2lin", a, n, kw, 3, &v, &w));
  v = TRY(fragment(a[0]));
  TRY(check_width(w));
  int pred, index;
  TRY(adpcm_state("adpcm2lin", a[2], &pred, &index));
  int64_t count = int64_t(v.size()) * 2;
  Bytes* out = TRY(new_bytes(count * w));
  int step = kStepSizes[index];
  for (int64_t i = 0; i < count; i++) {
    u8 byte = up(v)[i / 2];
    int code = i % 2 == 0 ? byte >> 4 : byte & 0xF;
    index = clamp_index(index + kIndexAdjust[code]);
    int recon = step >> 3;
    if (code & 4) recon += step;
    if (code & 2) recon += step >> 1;
    if (code & 1) recon += step >> 2;
    pred = clamp16(code & 8 ? pred - recon : pred + recon);
    step = kStepSizes[index];
    put32(out_ptr(out) + i * w, w, int32_t(uint32_t(pred) << 16));
  }
  return Value(tuple_of({Value(out), Value(tuple_of({int_from_i64(pred), int_from_i64(index)}))}));
}

// ---- ratecv ----
// Linear interpolation between consecutive input frames. `d` counts, in
// units of 1/(inrate*outrate) after both are divided by their gcd, how far
// the next output frame lies before the current input frame: while d < 0 an
// input frame is consumed (d += outrate), while d >= 0 a frame is emitted
// between the previous and current input values (d -= inrate). Inputs first
// pass through a one-pole filter weighted by weightA (new) and weightB
// (previous). The state (d, ((prev, cur), ...)) lets a stream be converted
// in pieces.

static const char kIllegalState[] = "ratecv(): illegal state argument";

static Result<Value> m_ratecv(Value* a, int64_t n, Tuple* kw) {
  TRY(positional("ratecv", n, kw, 6, 8));
  TRY(fragment(a[0]));
  int w = TRY(as_c_int(a[1]));
  int nch = TRY(as_c_int(a[2]));
  int inrate = TRY(as_c_int(a[3]));
  int outrate = TRY(as_c_int(a[4]));
  Value state = a[5];
  int wa = n > 6 ? TRY(as_c_int(a[6])) : 1;
  int wb = n > 7 ? TRY(as_c_int(a[7])) : 0;
  std::string_view v = TRY(fragment(a[0]));

  TRY(check_width(w));
  if (nch < 1) return audio_error("# of channels should be >= 1");
  if (w > INT32_MAX / nch) return raise(tp_OverflowError, "width * nchannels too big for a C int");
  int64_t frame = int64_t(w) * nch;
  if (wa < 1 || wb < 0) return audio_error("weightA should be >= 1, weightB should be >= 0");
  if (v.size() % frame != 0) return audio_error("not a whole number of frames");
  if (inrate <= 0 || outrate <= 0) return audio_error("sampling rate not > 0");
  int g = std::gcd(inrate, outrate);
  inrate /= g;
  outrate /= g;
  g = std::gcd(wa, wb);
  wa /= g;
  wb /= g;

  std::vector<int32_t> prev(nch, 0), cur(nch, 0);  // plain ints: no collector needed
  int d;
  if (is_none(state)) {
    d = -outrate;
  } else {
    if (!is_tuple(state)) return raise(tp_TypeError, "state must be a tuple or None");
    Tuple* st = as_tuple(state);
    if (st->size != 2) return raise(tp_TypeError, kIllegalState);
    d = TRY(compress::pyarg_int(st->items[0]));
    if (!is_tuple(st->items[1])) return raise(tp_TypeError, kIllegalState);
    Tuple* samps = as_tuple(st->items[1]);
    if (samps->size != nch) return audio_error("illegal state argument");
    for (int c = 0; c < nch; c++) {
      Value pair = samps->items[c];
      if (!is_tuple(pair) || as_tuple(pair)->size != 2) return raise(tp_TypeError, kIllegalState);
      prev[c] = TRY(compress::pyarg_int(as_tuple(pair)->items[0]));
      cur[c] = TRY(compress::pyarg_int(as_tuple(pair)->items[1]));
    }
  }

  int64_t frames = v.size() / frame;
  // CPython sizes its output for ceil(frames/inrate)*outrate frames up front
  // and fails with MemoryError when that overflows; keep the same refusal.
  if (frames > 0) {
    int64_t q = 1 + (frames - 1) / inrate;
    if (outrate > INT64_MAX / q / frame) return raise(tp_MemoryError, "not enough memory for output buffer");
  }
  // Output frames: those owed before the first input frame (a state's d >= 0)
  // plus, per input frame, at most ceil(outrate/inrate). (CPython's buffer
  // ignores the first term, and a state with a large d overruns it.)
  int64_t per_frame = (int64_t(outrate) - 1) / inrate + 1;
  int64_t owed = d >= 0 ? int64_t(d) / inrate + 1 : 0;
  const int64_t limit = INT64_MAX / 4;
  if (frames > 0 && per_frame > (limit - owed) / frames) return raise(tp_MemoryError, "not enough memory for output buffer");
  int64_t bound = owed + frames * per_frame;
  if (bound > limit / frame) return raise(tp_MemoryError, "not enough memory for output buffer");
  Bytes* buf = TRY(new_bytes(bound * frame));
  u8* out = out_ptr(buf);
  const u8* in = up(v);
  for (;;) {
    while (d < 0) {
      if (frames == 0) {
        Tuple* samps = tuple_new(nch);
        for (int c = 0; c < nch; c++)
          samps->items[c] = Value(tuple_of({int_from_i64(prev[c]), int_from_i64(cur[c])}));
        Value data = bytes_from(std::string_view(buf->data, size_t(out - out_ptr(buf))));
        return Value(tuple_of({data, Value(tuple_of({int_from_i64(d), Value(samps)}))}));
      }
      for (int c = 0; c < nch; c++) {
        prev[c] = cur[c];
        double x = get32(in, w);
        in += w;
        cur[c] = c_int((double(wa) * x + double(wb) * double(prev[c])) / (double(wa) + double(wb)));
      }
      frames--;
      d += outrate;
    }
    while (d >= 0) {
      for (int c = 0; c < nch; c++) {
        int32_t o = c_int((double(prev[c]) * double(d) + double(cur[c]) * double(outrate - d)) / double(outrate));
        put32(out, w, o);
        out += w;
      }
      d -= inrate;
    }
  }
}

// ---- the module ----

#define SIG(name, params, doc) name "($module, " params ")\n--\n\n" doc

static const MethodDef functions[] = {
    {"add", m_add, MethKind::Method,
     SIG("add", "fragment1, fragment2, width, /",
         "Return a fragment which is the addition of the two samples passed as parameters.")},
    {"adpcm2lin", m_adpcm2lin, MethKind::Method,
     SIG("adpcm2lin", "fragment, width, state, /", "Decode an Intel/DVI ADPCM coded fragment to a linear fragment.")},
    {"alaw2lin", m_alaw2lin, MethKind::Method,
     SIG("alaw2lin", "fragment, width, /",
         "Convert sound fragments in a-LAW encoding to linearly encoded sound fragments.")},
    {"avg", m_avg, MethKind::Method,
     SIG("avg", "fragment, width, /", "Return the average over all samples in the fragment.")},
    {"avgpp", m_avgpp, MethKind::Method,
     SIG("avgpp", "fragment, width, /", "Return the average peak-peak value over all samples in the fragment.")},
    {"bias", m_bias, MethKind::Method,
     SIG("bias", "fragment, width, bias, /",
         "Return a fragment that is the original fragment with a bias added to each sample.")},
    {"byteswap", m_byteswap, MethKind::Method,
     SIG("byteswap", "fragment, width, /", "Convert big-endian samples to little-endian and vice versa.")},
    {"cross", m_cross, MethKind::Method,
     SIG("cross", "fragment, width, /", "Return the number of zero crossings in the fragment passed as an argument.")},
    {"findfactor", m_findfactor, MethKind::Method,
     SIG("findfactor", "fragment, reference, /",
         "Return a factor F such that rms(add(fragment, mul(reference, -F))) is minimal.")},
    {"findfit", m_findfit, MethKind::Method,
     SIG("findfit", "fragment, reference, /", "Try to match reference as well as possible to a portion of fragment.")},
    {"findmax", m_findmax, MethKind::Method,
     SIG("findmax", "fragment, length, /",
         "Search fragment for a slice of specified number of samples with maximum energy.")},
    {"getsample", m_getsample, MethKind::Method,
     SIG("getsample", "fragment, width, index, /", "Return the value of sample index from the fragment.")},
    {"lin2adpcm", m_lin2adpcm, MethKind::Method,
     SIG("lin2adpcm", "fragment, width, state, /", "Convert samples to 4 bit Intel/DVI ADPCM encoding.")},
    {"lin2alaw", m_lin2alaw, MethKind::Method,
     SIG("lin2alaw", "fragment, width, /", "Convert samples in the audio fragment to a-LAW encoding.")},
    {"lin2lin", m_lin2lin, MethKind::Method,
     SIG("lin2lin", "fragment, width, newwidth, /", "Convert samples between 1-, 2-, 3- and 4-byte formats.")},
    {"lin2ulaw", m_lin2ulaw, MethKind::Method,
     SIG("lin2ulaw", "fragment, width, /", "Convert samples in the audio fragment to u-LAW encoding.")},
    {"max", m_max, MethKind::Method,
     SIG("max", "fragment, width, /", "Return the maximum of the absolute value of all samples in a fragment.")},
    {"maxpp", m_maxpp, MethKind::Method,
     SIG("maxpp", "fragment, width, /", "Return the maximum peak-peak value in the sound fragment.")},
    {"minmax", m_minmax, MethKind::Method,
     SIG("minmax", "fragment, width, /",
         "Return the minimum and maximum values of all samples in the sound fragment.")},
    {"mul", m_mul, MethKind::Method,
     SIG("mul", "fragment, width, factor, /",
         "Return a fragment that has all samples in the original fragment multiplied by the floating-point value "
         "factor.")},
    {"ratecv", m_ratecv, MethKind::Method,
     SIG("ratecv", "fragment, width, nchannels, inrate, outrate, state,\n       weightA=1, weightB=0, /",
         "Convert the frame rate of the input fragment.")},
    {"reverse", m_reverse, MethKind::Method,
     SIG("reverse", "fragment, width, /", "Reverse the samples in a fragment and returns the modified fragment.")},
    {"rms", m_rms, MethKind::Method,
     SIG("rms", "fragment, width, /", "Return the root-mean-square of the fragment, i.e. sqrt(sum(S_i^2)/n).")},
    {"tomono", m_tomono, MethKind::Method,
     SIG("tomono", "fragment, width, lfactor, rfactor, /", "Convert a stereo fragment to a mono fragment.")},
    {"tostereo", m_tostereo, MethKind::Method,
     SIG("tostereo", "fragment, width, lfactor, rfactor, /", "Generate a stereo fragment from a mono fragment.")},
    {"ulaw2lin", m_ulaw2lin, MethKind::Method,
     SIG("ulaw2lin", "fragment, width, /",
         "Convert sound fragments in u-LAW encoding to linearly encoded sound fragments.")},
    {nullptr, nullptr}};

#undef SIG

static Result<Value> audioop_init() {
  // Like CPython 3.11, every fresh import warns; a filter that turns the
  // warning into an error makes the import fail. gilpy's own import path
  // calls this from the importing frame; through importlib (import_module,
  // custom finders) the caller is a bootstrap frame, and CPython's stack
  // level of 7 then lands where its warning does.
  Frame* f = t_ts->frame;
  std::string_view file = f ? f->code->filename->view() : std::string_view();
  bool via_importlib = file.find("importlib") != std::string_view::npos && file.find("_bootstrap") != std::string_view::npos;
  TRY(warn(tp_DeprecationWarning, "'audioop' is deprecated and slated for removal in Python 3.13", via_importlib ? 7 : 1));
  Module* m = native_module_new("audioop", functions);
  if (!g_error) {
    Dict* ns = dict_new();
    dict_set_str(ns, N.__module__, str_value("audioop"));
    g_error = TRY(call3(Value(tp_type), str_value("error"), Value(tuple_of({Value(tp_Exception)})), Value(ns)));
  }
  dict_set_str(m->dict, str_intern("error"), g_error);
  return Value(m);
}
GILPY_NATIVE_MODULE("audioop", audioop_init);

}  // namespace gilpy
