// _sha3: SHA3-224/256/384/512 and SHAKE128/256 (FIPS 202) for hashlib when
// there is no OpenSSL-backed _hashlib, as CPython's own _sha3. The types are
// callable (sha3_256(data=b'', /, *, usedforsecurity=True)); SHAKE objects
// take the output length in digest(length) and hexdigest(length).
//
// Keccak-f[1600]'s round constants and rotation offsets are computed at
// start-up from their definitions (FIPS 202 3.2.2 and 3.2.5).
#include "modules/_hash_common.h"

namespace gilpy {

static uint64_t RC[24];
static int RHO[25];
static int PI_DST[25];  // where pi moves lane x + 5y: y + 5 ((2x + 3y) mod 5)

static void init_constants() {
  // rc(t): the LFSR x^8 + x^6 + x^5 + x^4 + 1 of algorithm 5, one bit per step.
  uint8_t r = 1;
  for (int round = 0; round < 24; round++) {
    uint64_t c = 0;
    for (int j = 0; j < 7; j++) {
      if (r & 1) c ^= uint64_t(1) << ((1 << j) - 1);
      r = (r & 0x80) ? uint8_t((r << 1) ^ 0x71) : uint8_t(r << 1);
    }
    RC[round] = c;
  }
  // rho: lane (x, y) rotates by (t + 1)(t + 2) / 2 along the walk from (1, 0).
  RHO[0] = 0;
  int x = 1, y = 0;
  for (int t = 0; t < 24; t++) {
    RHO[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
    int nx = y, ny = (2 * x + 3 * y) % 5;
    x = nx;
    y = ny;
  }
  for (x = 0; x < 5; x++)
    for (y = 0; y < 5; y++) PI_DST[x + 5 * y] = y + 5 * ((2 * x + 3 * y) % 5);
}

static void keccak_f(uint64_t a[25]) {
  for (int round = 0; round < 24; round++) {
    uint64_t c[5], b[25];
    for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; x++) {
      uint64_t d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
    }
    // rho and pi: B[y, 2x + 3y] = rot(A[x, y], rho[x, y]).
    for (int i = 0; i < 25; i++) b[PI_DST[i]] = RHO[i] ? rotl(a[i], RHO[i]) : a[i];
    for (int y = 0; y < 25; y += 5)
      for (int x = 0; x < 5; x++) a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
    a[0] ^= RC[round];
  }
}

struct Sha3State {
  uint64_t a[25];
  uint8_t buf[200];
  uint32_t buflen;
  uint32_t rate;   // bytes
  uint8_t suffix;  // domain separation bits and the first padding bit: 0x06 SHA-3, 0x1f SHAKE
};

static void absorb(Sha3State* s, const uint8_t* block) {
  for (uint32_t i = 0; i < s->rate / 8; i++) s->a[i] ^= load_le<uint64_t>(block + 8 * i);
  keccak_f(s->a);
}
static void sha3_update(void* st, const uint8_t* p, size_t n) {
  Sha3State* s = static_cast<Sha3State*>(st);
  absorb_blocks(s->buf, s->buflen, s->rate, p, n, false, [&](const uint8_t* b) { absorb(s, b); });
}
static void sha3_final(const void* st, uint8_t* out, size_t n) {
  Sha3State s = *static_cast<const Sha3State*>(st);
  std::memset(s.buf + s.buflen, 0, s.rate - s.buflen);
  s.buf[s.buflen] ^= s.suffix;
  s.buf[s.rate - 1] ^= 0x80;
  absorb(&s, s.buf);
  for (size_t done = 0;;) {
    for (size_t i = 0; i < s.rate && done < n; i++) out[done++] = word_byte(s.a, i, false);
    if (done == n) break;
    keccak_f(s.a);
  }
}

#define SHA3_ALGO(var, name, digest, rate) \
  static const HashAlgo var = {"_sha3", name, digest, rate, sizeof(Sha3State), sha3_update, sha3_final}
SHA3_ALGO(kSha3_224, "sha3_224", 28, 144);
SHA3_ALGO(kSha3_256, "sha3_256", 32, 136);
SHA3_ALGO(kSha3_384, "sha3_384", 48, 104);
SHA3_ALGO(kSha3_512, "sha3_512", 64, 72);
SHA3_ALGO(kShake128, "shake_128", 0, 168);
SHA3_ALGO(kShake256, "shake_256", 0, 136);
#undef SHA3_ALGO
static const HashAlgo* const kAlgos[] = {&kSha3_224, &kSha3_256, &kSha3_384, &kSha3_512, &kShake128, &kShake256};
static Type* g_types[6];

static Sha3State* S(Value self) { return static_cast<Sha3State*>(hash_self(self)->st); }

// sha3_256(data=b'', /, *, usedforsecurity=True): __new__ of each type.
static Result<Value> sha3_new(Value* a, int64_t n, Tuple* kw) {
  Type* t = as_type(a[0]);
  int k = 0;
  while (k < 6 && g_types[k] != t) k++;
  if (k == 6) return raise(tp_TypeError, "sha3 type expected");
  const HashAlgo* algo = kAlgos[k];
  Value out[2];
  // CPython names every SHA-3 and SHAKE constructor sha3_224 in these errors.
  TRY(hash_check_args("sha3_224", n - 1, kw, {"data", "usedforsecurity"}, 1, 1));
  TRY(parse_args(algo->name, a + 1, n - 1, kw, {"data", "usedforsecurity"}, 0, out, 1, 1));
  HashObj* o = hash_alloc(t, algo);
  Sha3State* s = static_cast<Sha3State*>(o->st);
  s->rate = uint32_t(algo->block_size);
  s->suffix = algo->digest_size ? 0x06 : 0x1f;
  if (out[0]) TRY(hash_feed(o, out[0]));
  return Value(o);
}

static Result<Value> g_capacity_bits(Value self) { return Value::small(1600 - 8 * int64_t(S(self)->rate)); }
static Result<Value> g_rate_bits(Value self) { return Value::small(8 * int64_t(S(self)->rate)); }
static Result<Value> g_suffix(Value self) {
  char c = char(S(self)->suffix);
  return bytes_from(std::string_view(&c, 1));
}
static const GetSetDef sha3_getsets[] = {{"_capacity_bits", g_capacity_bits},
                                         {"_rate_bits", g_rate_bits},
                                         {"_suffix", g_suffix},
                                         {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_sha3", nullptr);
  if (!g_types[0]) {
    init_constants();
    for (int k = 0; k < 6; k++) g_types[k] = hash_type_new(kAlgos[k], sha3_new, sha3_getsets);
  }
  for (int k = 0; k < 6; k++) dict_set_str(m->dict, str_intern(kAlgos[k]->name), Value(g_types[k]));
  dict_set_str(m->dict, str_intern("implementation"), str_value("gilpy"));
  dict_set_str(m->dict, str_intern("keccakopt"), Value::small(64));
  return Value(m);
}
GILPY_NATIVE_MODULE("_sha3", init);

}  // namespace gilpy
