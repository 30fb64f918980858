// _sha1: SHA-1 (FIPS 180-4 sections 4.1.1, 4.2.1, 5.3.1, 6.1) for hashlib when
// there is no OpenSSL-backed _hashlib, as CPython's own _sha1.
#include "modules/_hash_common.h"

namespace gilpy {

using Sha1State = MDState<uint32_t, 64>;

static void compress(uint32_t h[8], const uint8_t* block) {
  static const uint32_t K[4] = {0x5a827999u, 0x6ed9eba1u, 0x8f1bbcdcu, 0xca62c1d6u};
  uint32_t w[80];
  for (int t = 0; t < 16; t++) w[t] = load_be<uint32_t>(block + 4 * t);
  for (int t = 16; t < 80; t++) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int t = 0; t < 80; t++) {
    uint32_t f = t < 20 ? (b & c) ^ (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) ^ (b & d) ^ (c & d) : b ^ c ^ d;
    uint32_t tmp = rotl(a, 5) + f + e + K[t / 20] + w[t];
    e = d;
    d = c;
    c = rotl(b, 30);
    b = a;
    a = tmp;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

static void sha1_update(void* st, const uint8_t* p, size_t n) {
  md_update(static_cast<Sha1State*>(st), p, n, compress);
}
static void sha1_final(const void* st, uint8_t* out, size_t n) {
  md_final(*static_cast<const Sha1State*>(st), compress, 8, true, out, n);
}
static void sha1_init(void* st) {
  static const uint32_t H0[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u};
  std::memcpy(static_cast<Sha1State*>(st)->h, H0, sizeof H0);
}

static const HashAlgo kSha1 = {"_sha1", "sha1", 20, 64, sizeof(Sha1State), sha1_update, sha1_final, true};
static Type* tp_sha1;

static Result<Value> f_sha1(Value* a, int64_t n, Tuple* kw) {
  return hash_construct(tp_sha1, &kSha1, sha1_init, a, n, kw);
}

static const MethodDef functions[] = {
    {"sha1", f_sha1, MethKind::Method, "Return a new SHA1 hash object; optionally initialized with a string."},
    {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_sha1", functions);
  if (!tp_sha1) tp_sha1 = hash_type_new(&kSha1, nullptr);
  dict_set_str(m->dict, str_intern("SHA1Type"), Value(tp_sha1));
  return Value(m);
}
GILPY_NATIVE_MODULE("_sha1", init);

}  // namespace gilpy
