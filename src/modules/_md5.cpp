// _md5: MD5 (RFC 1321) for hashlib.md5 when there is no OpenSSL-backed
// _hashlib, as CPython's own _md5. multiprocessing needs it: its connection
// handshake (Manager, Listener/Client with an authkey) is HMAC-MD5 in 3.11.
// Same object interface as _sha512: update, digest, hexdigest, copy, name,
// digest_size, block_size.
#include <cmath>
#include <cstring>
#include <string>

#include "gc/heap.h"
#include "objects/bytes.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static uint32_t K[64];
static const int kShift[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                               5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                               4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                               6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};

static void init_constants() {
  // RFC 1321: K[i] is the integer part of 2^32 * |sin(i + 1)|; a double's sin
  // is exact enough for all 64 (checked against the RFC's test suite).
  for (int i = 0; i < 64; i++) K[i] = uint32_t(std::floor(std::fabs(std::sin(double(i + 1))) * 4294967296.0));
}

struct Md5State {
  uint32_t h[4];
  uint8_t buf[64];
  uint64_t total;
  int buflen;
};
struct Md5 : Object {
  Md5State* st;  // atomic memory: no pointers inside
};

static inline uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

static void compress(uint32_t h[4], const uint8_t* block) {
  uint32_t m[16];
  for (int i = 0; i < 16; i++)
    m[i] = uint32_t(block[4 * i]) | uint32_t(block[4 * i + 1]) << 8 | uint32_t(block[4 * i + 2]) << 16 |
           uint32_t(block[4 * i + 3]) << 24;
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
  for (int i = 0; i < 64; i++) {
    uint32_t f;
    int g;
    if (i < 16) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (i < 32) {
      f = (d & b) | (~d & c);
      g = (5 * i + 1) % 16;
    } else if (i < 48) {
      f = b ^ c ^ d;
      g = (3 * i + 5) % 16;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) % 16;
    }
    f = f + a + K[i] + m[g];
    a = d;
    d = c;
    c = b;
    b = b + rotl(f, kShift[i]);
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
}

static void md5_update(Md5State* s, const uint8_t* p, size_t n) {
  s->total += n;
  if (s->buflen) {
    size_t take = std::min<size_t>(n, size_t(64 - s->buflen));
    std::memcpy(s->buf + s->buflen, p, take);
    s->buflen += int(take);
    p += take;
    n -= take;
    if (s->buflen < 64) return;
    compress(s->h, s->buf);
    s->buflen = 0;
  }
  while (n >= 64) {
    compress(s->h, p);
    p += 64;
    n -= 64;
  }
  std::memcpy(s->buf, p, n);
  s->buflen = int(n);
}

static std::string md5_final(const Md5State* src) {
  Md5State s = *src;
  uint64_t bits = s.total << 3;
  uint8_t pad[128] = {0x80};
  size_t padlen = (s.buflen < 56) ? size_t(56 - s.buflen) : size_t(120 - s.buflen);
  uint8_t len[8];
  for (int i = 0; i < 8; i++) len[i] = uint8_t(bits >> (8 * i));
  md5_update(&s, pad, padlen);
  md5_update(&s, len, 8);
  std::string out(16, '\0');
  for (int i = 0; i < 16; i++) out[size_t(i)] = char(s.h[i / 4] >> (8 * (i % 4)));
  return out;
}

static Type* tp_md5;

static Status feed(Md5State* st, Value data) {
  if (is_str(data)) return raise(tp_TypeError, "Strings must be encoded before hashing");
  std::string_view v = TRY(buffer_view(data));
  md5_update(st, reinterpret_cast<const uint8_t*>(v.data()), v.size());
  return OK();
}

static Md5* new_md5() {
  Md5* o = static_cast<Md5*>(alloc_instance(tp_md5, sizeof(Md5)));
  o->st = static_cast<Md5State*>(gc::alloc_atomic(sizeof(Md5State)));
  std::memset(o->st, 0, sizeof(Md5State));
  return o;
}

// md5(string=b'', *, usedforsecurity=True)
static Result<Value> f_md5(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("md5", a, n, kw, {"string", "usedforsecurity"}, 0, out, 0, 1));
  Md5* o = new_md5();
  static const uint32_t init[4] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u};
  std::memcpy(o->st->h, init, sizeof init);
  if (out[0]) TRY(feed(o->st, out[0]));
  return Value(o);
}

static Md5* M(Value v) { return v.as<Md5>(); }
static Result<Value> m_update(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("update", kw));
  TRY(check_nargs("update", n - 1, 1, 1));
  TRY(feed(M(a[0])->st, a[1]));
  return None();
}
static Result<Value> m_digest(Value* a, int64_t, Tuple*) { return bytes_from(md5_final(M(a[0])->st)); }
static Result<Value> m_hexdigest(Value* a, int64_t, Tuple*) {
  std::string d = md5_final(M(a[0])->st);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : d) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return Value(str_new(out));
}
static Result<Value> m_copy(Value* a, int64_t, Tuple*) {
  Md5* o = new_md5();
  *o->st = *M(a[0])->st;
  return Value(o);
}
static Result<Value> g_name(Value) { return str_value("md5"); }
static Result<Value> g_digest_size(Value) { return Value::small(16); }
static Result<Value> g_block_size(Value) { return Value::small(64); }

static const MethodDef md5_methods[] = {
    {"update", m_update}, {"digest", m_digest}, {"hexdigest", m_hexdigest}, {"copy", m_copy}, {nullptr, nullptr}};
static const GetSetDef md5_getsets[] = {
    {"name", g_name}, {"digest_size", g_digest_size}, {"block_size", g_block_size}, {nullptr, nullptr}};
static const MethodDef functions[] = {{"md5", f_md5}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_md5", functions);
  if (!tp_md5) {
    init_constants();
    tp_md5 = native_type_new("_md5", "md5", tp_object, Layout::Other, sizeof(Md5), md5_methods, md5_getsets, 0);
  }
  return Value(m);
}
GILPY_NATIVE_MODULE("_md5", init);

}  // namespace gilpy
