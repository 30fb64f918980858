// _struct: conversion between Python values and C structs packed as bytes
// (pack, unpack, calcsize, pack_into, unpack_from, iter_unpack, Struct, error).
//
// A format is compiled once into a list of items (code, offset, size) and
// cached per format string, as CPython does. Byte orders: '@' native sizes
// and alignment, '=' native order with standard sizes, '<' little, '>' and
// '!' big endian. Out-of-range messages reproduce CPython 3.11's exactly,
// including its differences between the little- and big-endian tables.
#include <cmath>
#include <cstring>
#include <string>

#include "objects/bytes.h"
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

namespace gilpy {

static Type* tp_Struct;
static Type* tp_unpack_iter;
static Value g_struct_error;
static Dict* g_cache;
static constexpr int64_t kMaxCache = 100;

enum class Mode : uint8_t { Native, Little, Big };  // '=' is Little on every supported host

struct Item {
  char code;
  int64_t offset;
  int64_t size;  // bytes taken ('s'/'p': the whole field)
};

// Invariant: items/nitems describe every value-carrying field in order
// ('x' pads produce no item); `size` is the total byte size.
struct StructObj : Object {
  Dict* dict;
  Value format;  // str
  int64_t size;
  int64_t nitems;
  Item* items;   // atomic memory
  Mode mode;
};

static Err struct_error(const std::string& msg) {
  Result<Value> e = call1(g_struct_error, str_value(msg));
  if (e.is_err()) return ERR;
  return raise_value(e.value());
}

// ---- format compilation ----
static int64_t native_size(char c) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'P': case 'd': return 8;
    default: return 0;
  }
}
static int64_t std_size(char c) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;  // n, N, P: native only
  }
}

static Status compile_format(StructObj* so, std::string_view fmt) {
  size_t i = 0;
  Mode mode = Mode::Native;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': i = 1; break;
      case '=': case '<': mode = Mode::Little; i = 1; break;
      case '>': case '!': mode = Mode::Big; i = 1; break;
      default: break;
    }
  }
  bool native = mode == Mode::Native && (fmt.empty() || fmt[0] != '=');
  // '=' keeps native byte order but standard sizes and no alignment.
  bool std_sizes = !(fmt.empty() || fmt[0] == '@' || (fmt[0] != '=' && fmt[0] != '<' && fmt[0] != '>' && fmt[0] != '!'));
  (void)native;
  gc::Vector<Item> items;  // plain data; a gc vector keeps the allocation simple
  int64_t offset = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') { i++; continue; }
    int64_t num = 1;
    bool has_num = false;
    if (c >= '0' && c <= '9') {
      num = 0;
      has_num = true;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        if (num > (INT64_MAX / 16 - (fmt[i] - '0')) / 10) return struct_error("total struct size too long");
        num = num * 10 + (fmt[i] - '0');
        i++;
      }
      if (i >= fmt.size()) return struct_error("repeat count given without format specifier");
      c = fmt[i];
    }
    (void)has_num;
    i++;
    int64_t sz = std_sizes ? std_size(c) : native_size(c);
    if (!sz) return struct_error("bad char in struct format");
    if (!std_sizes && sz > 1) offset = (offset + sz - 1) / sz * sz;  // native alignment
    if (c == 's' || c == 'p') {
      items.push_back(Item{c, offset, num});
      offset += num;
    } else if (c == 'x') {
      offset += num;
    } else {
      for (int64_t k = 0; k < num; k++) {
        items.push_back(Item{c, offset, sz});
        offset += sz;
      }
    }
    if (offset > INT64_MAX / 16) return struct_error("total struct size too long");
  }
  so->mode = mode;
  so->size = offset;
  so->nitems = int64_t(items.size());
  so->items = static_cast<Item*>(gc::alloc_atomic(sizeof(Item) * (items.size() + 1)));
  if (!items.empty()) std::memcpy(so->items, items.data(), sizeof(Item) * items.size());
  return OK();
}

// ---- integers ----
static void store_uint(char* p, uint64_t v, int64_t size, Mode mode) {
  bool big = mode == Mode::Big;
  for (int64_t k = 0; k < size; k++) {
    int64_t idx = big ? size - 1 - k : k;
    p[idx] = char(v & 0xff);
    v >>= 8;
  }
}
static uint64_t load_uint(const char* p, int64_t size, Mode mode) {
  bool big = mode == Mode::Big;
  uint64_t v = 0;
  for (int64_t k = 0; k < size; k++) {
    int64_t idx = big ? k : size - 1 - k;
    v = (v << 8) | uint8_t(p[idx]);
  }
  return v;
}

static bool is_signed_code(char c) { return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n'; }

static Err range_error(const Item& it, Mode mode, Value v) {
  char c = it.code;
  bool sign = is_signed_code(c);
  int64_t i64;
  bool fits64 = int_fits_i64(v, &i64);
  bool neg = int_sign(v) < 0;
  bool fitsu64 = !neg && (fits64 || int_to_string(v, 16).size() <= 16);
  if (mode == Mode::Native && c == 'P') return struct_error("int too large to convert");
  if (mode == Mode::Big && it.size == 8) return struct_error("int too large to convert");
  bool named = c == 'b' || c == 'B' || ((c == 'h' || c == 'H') && mode != Mode::Big);
  if (named) {
    if (!fits64) return struct_error("argument out of range");
    switch (c) {
      case 'b': return struct_error("byte format requires -128 <= number <= 127");
      case 'B': return struct_error("ubyte format requires 0 <= number <= 255");
      case 'h': return struct_error("short format requires -32768 <= number <= 32767");
      default: return struct_error("ushort format requires 0 <= number <= 65535");
    }
  }
  if (sign) {
    if (!fits64 || it.size == 8) return struct_error("argument out of range");
    int64_t lo = -(int64_t(1) << (it.size * 8 - 1)), hi = (int64_t(1) << (it.size * 8 - 1)) - 1;
    return struct_error("'" + std::string(1, c) + "' format requires " + std::to_string(lo) + " <= number <= " +
                        std::to_string(hi));
  }
  if (neg || !fitsu64 || it.size == 8) return struct_error("argument out of range");
  uint64_t hi = (uint64_t(1) << (it.size * 8)) - 1;
  return struct_error("'" + std::string(1, c) + "' format requires 0 <= number <= " + std::to_string(hi));
}

static Status pack_int(const Item& it, Mode mode, Value v, char* p) {
  if (!is_int(v)) {
    if (!type_lookup(v.type(), N.__index__)) return struct_error("required argument is not an integer");
    v = TRY(index_value(v));
  }
  bool sign = is_signed_code(it.code) || (it.code == 'P');
  int bits = int(it.size * 8);
  uint64_t raw;
  int64_t x;
  if (int_fits_i64(v, &x)) {
    bool ok;
    if (is_signed_code(it.code)) {
      ok = bits == 64 || (x >= -(int64_t(1) << (bits - 1)) && x < (int64_t(1) << (bits - 1)));
    } else if (it.code == 'P') {
      ok = true;  // native pointers accept negative values (two's complement), like PyLong_AsVoidPtr
    } else {
      ok = x >= 0 && (bits == 64 || x < (int64_t(1) << bits));
    }
    if (!ok) return range_error(it, mode, v);
    raw = uint64_t(x);
  } else {
    // Beyond int64: only unsigned 64-bit codes (and P) can hold it.
    if (int_sign(v) < 0 || bits != 64 || (is_signed_code(it.code) && it.code != 'P')) return range_error(it, mode, v);
    std::string hex = int_to_string(v, 16);
    if (hex.size() > 16) return range_error(it, mode, v);
    raw = std::stoull(hex, nullptr, 16);
  }
  (void)sign;
  store_uint(p, raw, it.size, mode);
  return OK();
}
static Value unpack_int(const Item& it, Mode mode, const char* p) {
  uint64_t raw = load_uint(p, it.size, mode);
  if (is_signed_code(it.code)) {
    int bits = int(it.size * 8);
    int64_t x;
    if (bits == 64) {
      x = int64_t(raw);
    } else {
      uint64_t signbit = uint64_t(1) << (bits - 1);
      x = int64_t(raw ^ signbit) - int64_t(signbit);
    }
    return int_from_i64(x);
  }
  return int_from_u64(raw);
}

// ---- IEEE half precision (binary16), round-half-even ----
static Status pack_half(double x, char* p, Mode mode) {
  uint16_t bits;
  int sign = std::signbit(x) ? 1 : 0;
  if (x == 0.0) {
    bits = uint16_t(sign << 15);
  } else if (std::isinf(x)) {
    bits = uint16_t((sign << 15) | (0x1f << 10));
  } else if (std::isnan(x)) {
    bits = uint16_t((sign << 15) | (0x1f << 10) | 512);
  } else {
    if (sign) x = -x;
    int e;
    double f = std::frexp(x, &e);  // 0.5 <= f < 1
    f *= 2.0;
    e--;
    if (e >= 16) return raise(tp_OverflowError, "float too large to pack with e format");
    if (e < -25) {
      f = 0.0;
      e = 0;
    } else if (e < -14) {
      f = std::ldexp(f, 14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    unsigned m = unsigned(f);
    if (f - m > 0.5 || (f - m == 0.5 && (m & 1))) {
      if (++m == 1024) {
        m = 0;
        if (++e == 31) return raise(tp_OverflowError, "float too large to pack with e format");
      }
    }
    bits = uint16_t((sign << 15) | (e << 10) | m);
  }
  store_uint(p, bits, 2, mode);
  return OK();
}
static double unpack_half(const char* p, Mode mode) {
  uint16_t bits = uint16_t(load_uint(p, 2, mode));
  int sign = bits >> 15;
  int e = (bits >> 10) & 0x1f;
  int f = bits & 0x3ff;
  double x;
  if (e == 0x1f) {
    x = f == 0 ? INFINITY : NAN;
  } else if (e == 0) {
    x = std::ldexp(f / 1024.0, -14);
  } else {
    x = std::ldexp(1.0 + f / 1024.0, e - 15);
  }
  return sign ? -x : x;
}

// ---- one item ----
static Status pack_item(const Item& it, Mode mode, Value v, char* p) {
  switch (it.code) {
    case 'c': {
      if (!is_bytes(v) || as_bytes(v)->size != 1) return struct_error("char format requires a bytes object of length 1");
      *p = as_bytes(v)->data[0];
      return OK();
    }
    case 's':
    case 'p': {
      std::string_view data;
      if (!(is_bytes(v) || is_bytearray(v)) || !buffer_view_opt(v, &data))
        return struct_error(std::string("argument for '") + it.code + "' must be a bytes object");
      int64_t n = int64_t(data.size());
      if (it.code == 's') {
        if (n > it.size) n = it.size;
        std::memcpy(p, data.data(), size_t(n));
      } else {
        if (it.size == 0) return OK();
        if (n > it.size - 1) n = it.size - 1;
        std::memcpy(p + 1, data.data(), size_t(n));
        *p = char(n > 255 ? 255 : n);
      }
      return OK();
    }
    case '?': {
      bool b = TRY(truthy(v));
      *p = b ? 1 : 0;
      return OK();
    }
    case 'e':
    case 'f':
    case 'd': {
      Result<double> r = to_double(v);
      if (r.is_err()) {
        if (!exc_matches(tp_TypeError)) return ERR;
        exc_clear();
        return struct_error("required argument is not a float");
      }
      double x = r.value();
      if (it.code == 'e') return pack_half(x, p, mode);
      if (it.code == 'f') {
        float y = float(x);
        if (mode != Mode::Native && std::isinf(y) && !std::isinf(x))
          return raise(tp_OverflowError, "float too large to pack with f format");
        uint32_t u;
        std::memcpy(&u, &y, 4);
        store_uint(p, u, 4, mode);
      } else {
        uint64_t u;
        std::memcpy(&u, &x, 8);
        store_uint(p, u, 8, mode);
      }
      return OK();
    }
    default:
      return pack_int(it, mode, v, p);
  }
}
static Value unpack_item(const Item& it, Mode mode, const char* p) {
  switch (it.code) {
    case 'c': return bytes_from(std::string_view(p, 1));
    case 's': return bytes_from(std::string_view(p, size_t(it.size)));
    case 'p': {
      if (it.size == 0) return bytes_from("");
      int64_t n = uint8_t(*p);
      if (n > it.size - 1) n = it.size - 1;
      return bytes_from(std::string_view(p + 1, size_t(n)));
    }
    case '?': return Bool(*p != 0);
    case 'e': return float_new(unpack_half(p, mode));
    case 'f': {
      uint32_t u = uint32_t(load_uint(p, 4, mode));
      float y;
      std::memcpy(&y, &u, 4);
      return float_new(double(y));
    }
    case 'd': {
      uint64_t u = load_uint(p, 8, mode);
      double x;
      std::memcpy(&x, &u, 8);
      return float_new(x);
    }
    default: return unpack_int(it, mode, p);
  }
}

static Status pack_to(StructObj* so, Value* args, int64_t nargs, char* buf) {
  if (nargs != so->nitems)
    return struct_error("pack expected " + std::to_string(so->nitems) + " items for packing (got " +
                        std::to_string(nargs) + ")");
  std::memset(buf, 0, size_t(so->size));
  for (int64_t i = 0; i < so->nitems; i++) TRY(pack_item(so->items[i], so->mode, args[i], buf + so->items[i].offset));
  return OK();
}
static Tuple* unpack_from_ptr(StructObj* so, const char* p) {
  Tuple* t = tuple_new(so->nitems);
  for (int64_t i = 0; i < so->nitems; i++) t->items[i] = unpack_item(so->items[i], so->mode, p + so->items[i].offset);
  return t;
}

// ---- Struct objects ----
static StructObj* SO(Value v) { return v.as<StructObj>(); }
static Status struct_set_format(StructObj* so, Value fmt) {
  std::string_view f;
  Value fs;
  if (is_str(fmt)) {
    f = as_str(fmt)->view();
    fs = fmt;
  } else if (is_bytes(fmt)) {
    f = as_bytes(fmt)->view();
    fs = str_value(f);
  } else {
    return raise_fmt(tp_TypeError, "Struct() argument 1 must be a str or bytes object, not %s", type_name(fmt));
  }
  if (f.find('\0') != std::string_view::npos) return struct_error("embedded null character");
  TRY(compile_format(so, f));
  so->format = fs;
  return OK();
}
static Result<Value> struct_new(Value* a, int64_t n, Tuple* kw) {
  StructObj* so = static_cast<StructObj*>(alloc_instance(as_type(a[0]), sizeof(StructObj)));
  so->format = str_value("");
  so->items = static_cast<Item*>(gc::alloc_atomic(sizeof(Item)));
  return Value(so);
}
static Result<Value> struct_init(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("Struct", a + 1, n - 1, kw, {"format"}, 1, out));
  TRY(struct_set_format(SO(a[0]), out[0]));
  return None();
}
static Result<StructObj*> cached_struct(Value fmt) {
  if (isinstance(fmt, tp_Struct)) return SO(fmt);
  if (!g_cache) g_cache = dict_new();
  Value s;
  TRY(dict_get2(g_cache, fmt, &s));
  if (s) return SO(s);
  Value so = TRY(call1(Value(tp_Struct), fmt));
  if (g_cache->used >= kMaxCache) dict_clear(g_cache);
  TRY(dict_set(g_cache, fmt, so));
  return SO(so);
}

static Result<Value> do_pack(StructObj* so, Value* args, int64_t nargs) {
  Bytes* b = bytes_new(so->size);
  if (!b) return ERR;
  TRY(pack_to(so, args, nargs, b->data));
  return Value(b);
}
static Result<Value> do_unpack(StructObj* so, Value buffer) {
  std::string_view data = TRY(buffer_view(buffer));
  if (int64_t(data.size()) != so->size)
    return struct_error("unpack requires a buffer of " + std::to_string(so->size) + " bytes");
  return Value(unpack_from_ptr(so, data.data()));
}
static Result<Value> do_unpack_from(StructObj* so, Value buffer, Value off) {
  std::string_view data = TRY(buffer_view(buffer));
  int64_t offset = 0;
  if (off) offset = TRY(as_index(off));
  int64_t len = int64_t(data.size());
  if (offset < 0) {
    if (offset + so->size > 0)
      return struct_error("not enough data to unpack " + std::to_string(so->size) + " bytes at offset " +
                          std::to_string(offset));
    if (offset + len < 0)
      return struct_error("offset " + std::to_string(offset) + " out of range for " + std::to_string(len) +
                          "-byte buffer");
    offset += len;
  }
  if (len - offset < so->size)
    return struct_error("unpack_from requires a buffer of at least " + std::to_string(uint64_t(so->size) + uint64_t(offset)) +
                        " bytes for unpacking " + std::to_string(so->size) + " bytes at offset " +
                        std::to_string(offset) + " (actual buffer size is " + std::to_string(len) + ")");
  return Value(unpack_from_ptr(so, data.data() + offset));
}
static Result<Value> do_pack_into(StructObj* so, Value* args, int64_t nargs) {
  // args: buffer, offset, values...
  if (nargs < 2) {
    if (nargs == 0) return raise(tp_TypeError, "pack_into expected buffer argument");
    return raise(tp_TypeError, "pack_into expected offset argument");
  }
  if (nargs - 2 != so->nitems)
    return struct_error("pack_into expected " + std::to_string(so->nitems) + " items for packing (got " +
                        std::to_string(nargs - 2) + ")");
  // bytearray, array.array, mmap.mmap, writable contiguous memoryviews of those.
  char* data;
  int64_t len;
  if (!writable_buffer(args[0], &data, &len)) {
    return raise_fmt(tp_TypeError, "argument must be read-write bytes-like object, not %s", type_name(args[0]));
  }
  int64_t offset = TRY(as_index(args[1]));
  if (offset < 0) {
    if (offset + so->size > 0)
      return struct_error("no space to pack " + std::to_string(so->size) + " bytes at offset " +
                          std::to_string(offset));
    if (offset + len < 0)
      return struct_error("offset " + std::to_string(offset) + " out of range for " + std::to_string(len) +
                          "-byte buffer");
    offset += len;
  }
  if (len - offset < so->size)
    return struct_error("pack_into requires a buffer of at least " + std::to_string(uint64_t(so->size) + uint64_t(offset)) +
                        " bytes for packing " + std::to_string(so->size) + " bytes at offset " +
                        std::to_string(offset) + " (actual buffer size is " + std::to_string(len) + ")");
  // CPython zeroes the record first (pad bytes, short 's'/'p' fields), then packs item by item
  // (items before a failing one stay written).
  std::memset(data + offset, 0, size_t(so->size));
  // An item's __index__ may run Python that resizes the buffer: re-read its address per item.
  for (int64_t i = 0; i < so->nitems; i++) {
    char tmp[64] = {};
    char* dst = so->items[i].size <= int64_t(sizeof tmp) ? tmp : nullptr;
    std::string big;
    if (!dst) {
      big.resize(size_t(so->items[i].size));
      dst = big.data();
    }
    TRY(pack_item(so->items[i], so->mode, args[2 + i], dst));
    if (!writable_buffer(args[0], &data, &len) || len < offset + so->items[i].offset + so->items[i].size)
      return raise(tp_BufferError, "pack_into: buffer changed size while packing");
    std::memcpy(data + offset + so->items[i].offset, dst, size_t(so->items[i].size));
  }
  return None();
}

// Unpack iterator over consecutive records of a buffer.
struct UnpackIter : Object {
  StructObj* so;
  Value buffer;  // null when exhausted
  int64_t index;
};
static Status unpackiter_next(Value self, Value* out) {
  UnpackIter* it = self.as<UnpackIter>();
  *out = Value();
  if (!it->buffer) return OK();
  std::string_view data = TRY(buffer_view(it->buffer));
  if (it->index + it->so->size > int64_t(data.size())) {
    it->buffer = Value();
    return OK();
  }
  *out = Value(unpack_from_ptr(it->so, data.data() + it->index));
  it->index += it->so->size;
  return OK();
}
static Result<Value> do_iter_unpack(StructObj* so, Value buffer) {
  if (so->size == 0) return struct_error("cannot iteratively unpack with a struct of length 0");
  std::string_view data = TRY(buffer_view(buffer));
  if (int64_t(data.size()) % so->size != 0)
    return struct_error("iterative unpacking requires a buffer of a multiple of " + std::to_string(so->size) +
                        " bytes");
  UnpackIter* it = static_cast<UnpackIter*>(alloc_instance(tp_unpack_iter, sizeof(UnpackIter)));
  it->so = so;
  it->buffer = buffer;
  return Value(it);
}
static Result<Value> unpackiter_length_hint(Value* a, int64_t, Tuple*) {
  UnpackIter* it = a[0].as<UnpackIter>();
  if (!it->buffer) return Value::small(0);
  std::string_view data = TRY(buffer_view(it->buffer));
  return Value::small((int64_t(data.size()) - it->index) / it->so->size);
}
static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(native_iternext(a[0].type())(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}

// Struct methods.
static Result<Value> s_pack(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("pack", kw));
  return do_pack(SO(a[0]), a + 1, n - 1);
}
static Result<Value> s_unpack(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("unpack", kw));
  TRY(check_nargs("unpack", n - 1, 1, 1));
  return do_unpack(SO(a[0]), a[1]);
}
static Result<Value> s_unpack_from(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("unpack_from", a + 1, n - 1, kw, {"buffer", "offset"}, 1, out));
  return do_unpack_from(SO(a[0]), out[0], out[1]);
}
static Result<Value> s_pack_into(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("pack_into", kw));
  return do_pack_into(SO(a[0]), a + 1, n - 1);
}
static Result<Value> s_iter_unpack(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("iter_unpack", kw));
  TRY(check_nargs("iter_unpack", n - 1, 1, 1));
  return do_iter_unpack(SO(a[0]), a[1]);
}
static Result<Value> s_sizeof(Value* a, int64_t, Tuple*) {
  return Value::small(int64_t(sizeof(StructObj)) + SO(a[0])->nitems * int64_t(sizeof(Item)));
}
static Result<Value> s_get_format(Value self) { return SO(self)->format; }
static Result<Value> s_get_size(Value self) { return Value::small(SO(self)->size); }

// Module functions: the first argument is the format (cached Struct).
static Result<Value> m_pack(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("pack", kw));
  if (n < 1) return raise(tp_TypeError, "pack expected at least 1 argument, got 0");
  StructObj* so = TRY(cached_struct(a[0]));
  return do_pack(so, a + 1, n - 1);
}
static Result<Value> m_unpack(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("unpack", kw));
  TRY(check_nargs("unpack", n, 2, 2));
  StructObj* so = TRY(cached_struct(a[0]));
  return do_unpack(so, a[1]);
}
static Result<Value> m_unpack_from(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(parse_args("unpack_from", a, n, kw, {"format", "buffer", "offset"}, 2, out, 1));
  StructObj* so = TRY(cached_struct(out[0]));
  return do_unpack_from(so, out[1], out[2]);
}
static Result<Value> m_pack_into(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("pack_into", kw));
  if (n < 1) return raise(tp_TypeError, "pack_into expected format argument");
  StructObj* so = TRY(cached_struct(a[0]));
  return do_pack_into(so, a + 1, n - 1);
}
static Result<Value> m_iter_unpack(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("iter_unpack", kw));
  TRY(check_nargs("iter_unpack", n, 2, 2));
  StructObj* so = TRY(cached_struct(a[0]));
  return do_iter_unpack(so, a[1]);
}
static Result<Value> m_calcsize(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("calcsize", kw));
  TRY(check_nargs("calcsize", n, 1, 1));
  StructObj* so = TRY(cached_struct(a[0]));
  return Value::small(so->size);
}
static Result<Value> m_clearcache(Value*, int64_t, Tuple*) {
  if (g_cache) dict_clear(g_cache);
  return None();
}

static const MethodDef struct_methods[] = {{"__new__", struct_new, MethKind::Static},
                                           {"__init__", struct_init},
                                           {"pack", s_pack},
                                           {"unpack", s_unpack},
                                           {"unpack_from", s_unpack_from},
                                           {"pack_into", s_pack_into},
                                           {"iter_unpack", s_iter_unpack},
                                           {"__sizeof__", s_sizeof},
                                           {nullptr, nullptr}};
static const GetSetDef struct_getsets[] = {{"format", s_get_format}, {"size", s_get_size}, {nullptr, nullptr}};
// Only Struct.iter_unpack makes these (CPython's message, typo included).
static Result<Value> unpackiter_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "Cannot create 'unpack_iterator objects");
}
static const MethodDef unpackiter_methods[] = {{"__new__", unpackiter_new, MethKind::Static},
                                               {"__iter__", iter_self},
                                               {"__next__", iter_next_m},
                                               {"__length_hint__", unpackiter_length_hint},
                                               {nullptr, nullptr}};
static const MethodDef functions[] = {{"pack", m_pack},
                                      {"unpack", m_unpack},
                                      {"unpack_from", m_unpack_from},
                                      {"pack_into", m_pack_into},
                                      {"iter_unpack", m_iter_unpack},
                                      {"calcsize", m_calcsize},
                                      {"_clearcache", m_clearcache},
                                      {nullptr, nullptr}};

static const char kDoc[] =
    "Functions to convert between Python values and C structs.\n"
    "Python bytes objects are used to hold the data representing the C struct\n"
    "and also as format strings (explained below) to describe the layout of data\n"
    "in the C struct.\n";

static Result<Value> init() {
  Module* m = native_module_new("_struct", functions, kDoc);
  if (!tp_Struct) {
    tp_Struct = native_type_new("_struct", "Struct", tp_object, Layout::Other, sizeof(StructObj), struct_methods,
                                struct_getsets);
    tp_unpack_iter = native_type_new("_struct", "unpack_iterator", tp_object, Layout::Other, sizeof(UnpackIter),
                                     unpackiter_methods, nullptr, 0);
    tp_unpack_iter->iternext = unpackiter_next;
    Dict* ns = dict_new();
    dict_set_str(ns, N.__module__, str_value("struct"));
    g_struct_error = TRY(call3(Value(tp_type), str_value("error"), Value(tuple_of({Value(tp_Exception)})), Value(ns)));
  }
  dict_set_str(m->dict, str_intern("Struct"), Value(tp_Struct));
  dict_set_str(m->dict, str_intern("error"), g_struct_error);
  return Value(m);
}
GILPY_NATIVE_MODULE("_struct", init);

}  // namespace gilpy
