// _sha512: SHA-512 and SHA-384 (FIPS 180-4), used by random.seed() for str
// and bytes seeds and by hashlib when no OpenSSL-backed _hashlib exists.
//
// The round constants and initial hash values are derived at start-up from
// their definitions in FIPS 180-4 section 4.2.3 / 5.3 (the first 64 bits of
// the fractional parts of the cube roots of the first 80 primes, and of the
// square roots of the first 16 primes) with exact integer roots from GMP,
// instead of being transcribed as 96 hex literals.
#include <gmp.h>

#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static uint64_t K[80];
static uint64_t H512[8], H384[8];
static bool g_constants_ready;

// floor(frac(root_n(p)) * 2^64): the low 64 bits of floor(root_n(p * 2^(64 n))).
static uint64_t frac_root_bits(unsigned long p, unsigned long n) {
  mpz_t x;
  mpz_init_set_ui(x, p);
  mpz_mul_2exp(x, x, 64 * n);
  mpz_root(x, x, n);
  uint64_t low = 0;
  // Export the low 64 bits portably (mpz_get_ui is 64-bit on LP64 but be explicit).
  mpz_t m;
  mpz_init(m);
  mpz_fdiv_r_2exp(m, x, 64);
  size_t count = 0;
  unsigned char buf[8] = {0};
  mpz_export(buf, &count, -1, 1, 0, 0, m);
  for (size_t i = 0; i < count; i++) low |= uint64_t(buf[i]) << (8 * i);
  mpz_clear(m);
  mpz_clear(x);
  return low;
}
static void init_constants() {
  if (g_constants_ready) return;
  unsigned long primes[80];
  int n = 0;
  for (unsigned long c = 2; n < 80; c++) {
    bool prime = true;
    for (unsigned long d = 2; d * d <= c; d++)
      if (c % d == 0) { prime = false; break; }
    if (prime) primes[n++] = c;
  }
  for (int i = 0; i < 80; i++) K[i] = frac_root_bits(primes[i], 3);
  for (int i = 0; i < 8; i++) H512[i] = frac_root_bits(primes[i], 2);
  for (int i = 0; i < 8; i++) H384[i] = frac_root_bits(primes[i + 8], 2);
  g_constants_ready = true;
}

// Hash state. Invariant: `buflen` < 128 bytes are waiting in `buf`; `total`
// counts every byte hashed so far (the 128-bit length field's low part; inputs
// beyond 2^64 bytes are not a practical concern).
struct ShaState {
  uint64_t h[8];
  uint8_t buf[128];
  uint64_t total;
  int buflen;
  int digest_size;  // 64 (sha512) or 48 (sha384)
};
struct Sha : Object {
  ShaState* st;  // atomic memory: no pointers inside
};

static inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void compress(uint64_t h[8], const uint8_t* block) {
  uint64_t w[80];
  for (int t = 0; t < 16; t++) {
    uint64_t v = 0;
    for (int b = 0; b < 8; b++) v = (v << 8) | block[t * 8 + b];
    w[t] = v;
  }
  for (int t = 16; t < 80; t++) {
    uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
    uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int t = 0; t < 80; t++) {
    uint64_t S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
    uint64_t ch = (e & f) ^ (~e & g);
    uint64_t t1 = hh + S1 + ch + K[t] + w[t];
    uint64_t S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
    uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint64_t t2 = S0 + maj;
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d;
  h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha_update(ShaState* s, const uint8_t* p, size_t n) {
  s->total += n;
  if (s->buflen) {
    size_t take = std::min<size_t>(n, size_t(128 - s->buflen));
    std::memcpy(s->buf + s->buflen, p, take);
    s->buflen += int(take);
    p += take;
    n -= take;
    if (s->buflen < 128) return;
    compress(s->h, s->buf);
    s->buflen = 0;
  }
  while (n >= 128) {
    compress(s->h, p);
    p += 128;
    n -= 128;
  }
  std::memcpy(s->buf, p, n);
  s->buflen = int(n);
}

// Padding (FIPS 180-4 5.1.2) on a copy, so the object can keep being updated.
static std::string sha_final(const ShaState* src) {
  ShaState s = *src;
  uint64_t bits_lo = s.total << 3, bits_hi = s.total >> 61;
  uint8_t pad[256] = {0x80};
  size_t padlen = (s.buflen < 112) ? size_t(112 - s.buflen) : size_t(240 - s.buflen);
  uint8_t len[16];
  for (int i = 0; i < 8; i++) {
    len[i] = uint8_t(bits_hi >> (56 - 8 * i));
    len[8 + i] = uint8_t(bits_lo >> (56 - 8 * i));
  }
  uint64_t keep = s.total;
  sha_update(&s, pad, padlen);
  sha_update(&s, len, 16);
  (void)keep;
  std::string out(size_t(s.digest_size), '\0');
  for (int i = 0; i < s.digest_size; i++) out[size_t(i)] = char(s.h[i / 8] >> (56 - 8 * (i % 8)));
  return out;
}

static Type* tp_sha512;
static Type* tp_sha384;

static Status feed(ShaState* st, Value data) {
  if (is_str(data)) return raise(tp_TypeError, "Strings must be encoded before hashing");
  std::string_view v = TRY(buffer_view(data));
  sha_update(st, reinterpret_cast<const uint8_t*>(v.data()), v.size());
  return OK();
}

static Result<Value> make(Type* t, bool is512, Value* a, int64_t n, Tuple* kw) {
  init_constants();
  Value out[2];
  TRY(parse_args(is512 ? "sha512" : "sha384", a, n, kw, {"string", "usedforsecurity"}, 0, out, 0, 1));
  Sha* o = static_cast<Sha*>(alloc_instance(t, sizeof(Sha)));
  o->st = static_cast<ShaState*>(gc::alloc_atomic(sizeof(ShaState)));
  std::memset(o->st, 0, sizeof(ShaState));
  std::memcpy(o->st->h, is512 ? H512 : H384, sizeof(H512));
  o->st->digest_size = is512 ? 64 : 48;
  if (out[0]) TRY(feed(o->st, out[0]));
  return Value(o);
}
static Result<Value> f_sha512(Value* a, int64_t n, Tuple* kw) { return make(tp_sha512, true, a, n, kw); }
static Result<Value> f_sha384(Value* a, int64_t n, Tuple* kw) { return make(tp_sha384, false, a, n, kw); }

static Sha* S(Value v) { return v.as<Sha>(); }
static Result<Value> m_update(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("update", kw));
  TRY(check_nargs("update", n - 1, 1, 1));
  TRY(feed(S(a[0])->st, a[1]));
  return None();
}
static Result<Value> m_digest(Value* a, int64_t, Tuple*) { return bytes_from(sha_final(S(a[0])->st)); }
static Result<Value> m_hexdigest(Value* a, int64_t, Tuple*) {
  std::string d = sha_final(S(a[0])->st);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : d) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return Value(str_new(out));
}
static Result<Value> m_copy(Value* a, int64_t, Tuple*) {
  Sha* o = static_cast<Sha*>(alloc_instance(a[0].type(), sizeof(Sha)));
  o->st = static_cast<ShaState*>(gc::alloc_atomic(sizeof(ShaState)));
  *o->st = *S(a[0])->st;
  return Value(o);
}
static Result<Value> g_name(Value self) { return str_value(S(self)->st->digest_size == 64 ? "sha512" : "sha384"); }
static Result<Value> g_digest_size(Value self) { return Value::small(S(self)->st->digest_size); }
static Result<Value> g_block_size(Value) { return Value::small(128); }

static const MethodDef sha_methods[] = {{"update", m_update},
                                        {"digest", m_digest},
                                        {"hexdigest", m_hexdigest},
                                        {"copy", m_copy},
                                        {nullptr, nullptr}};
static const GetSetDef sha_getsets[] = {
    {"name", g_name}, {"digest_size", g_digest_size}, {"block_size", g_block_size}, {nullptr, nullptr}};
static const MethodDef functions[] = {{"sha512", f_sha512}, {"sha384", f_sha384}, {nullptr, nullptr}};

static Result<Value> init() {
  init_constants();
  Module* m = native_module_new("_sha512", functions);
  if (!tp_sha512) {
    tp_sha512 = native_type_new("_sha512", "sha512", tp_object, Layout::Other, sizeof(Sha), sha_methods, sha_getsets, 0);
    tp_sha384 = native_type_new("_sha512", "sha384", tp_object, Layout::Other, sizeof(Sha), sha_methods, sha_getsets, 0);
  }
  return Value(m);
}
GILPY_NATIVE_MODULE("_sha512", init);

}  // namespace gilpy
