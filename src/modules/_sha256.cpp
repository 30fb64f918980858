// _sha256: SHA-256 and SHA-224 (FIPS 180-4 sections 4.1.2, 4.2.2, 5.3.2-5.3.3,
// 6.2-6.3) for hashlib when there is no OpenSSL-backed _hashlib, as CPython's
// own _sha256. The round constants and initial values are derived at start-up
// from their definitions (fractional parts of roots of the first primes).
#include "modules/_hash_common.h"

namespace gilpy {

using Sha256State = MDState<uint32_t, 64>;

static uint32_t K[64];
static uint32_t H256[8], H224[8];

static void init_constants() {
  unsigned long primes[64];
  first_primes(primes, 64);
  for (int i = 0; i < 64; i++) K[i] = uint32_t(frac_root_bits(primes[i], 3) >> 32);
  // SHA-256: the first 32 bits of the square roots' fractional parts of the
  // first 8 primes; SHA-224: the second 32 bits of those of the 9th to 16th.
  for (int i = 0; i < 8; i++) H256[i] = uint32_t(frac_root_bits(primes[i], 2) >> 32);
  for (int i = 0; i < 8; i++) H224[i] = uint32_t(frac_root_bits(primes[i + 8], 2));
}

static void compress(uint32_t h[8], const uint8_t* block) {
  static const Sha2Rotations r = {{2, 13, 22}, {6, 11, 25}, {7, 18, 3}, {17, 19, 10}};
  sha2_compress<uint32_t, 64>(h, block, K, r);
}

static void sha_update(void* st, const uint8_t* p, size_t n) {
  md_update(static_cast<Sha256State*>(st), p, n, compress);
}
static void sha_final(const void* st, uint8_t* out, size_t n) {
  md_final(*static_cast<const Sha256State*>(st), compress, 8, true, out, n);
}
static void init256(void* st) { std::memcpy(static_cast<Sha256State*>(st)->h, H256, sizeof H256); }
static void init224(void* st) { std::memcpy(static_cast<Sha256State*>(st)->h, H224, sizeof H224); }

static const HashAlgo kSha256 = {"_sha256", "sha256", 32, 64, sizeof(Sha256State), sha_update, sha_final, true};
static const HashAlgo kSha224 = {"_sha256", "sha224", 28, 64, sizeof(Sha256State), sha_update, sha_final, true};
static Type* tp_sha256;
static Type* tp_sha224;

static Result<Value> f_sha256(Value* a, int64_t n, Tuple* kw) {
  return hash_construct(tp_sha256, &kSha256, init256, a, n, kw);
}
static Result<Value> f_sha224(Value* a, int64_t n, Tuple* kw) {
  return hash_construct(tp_sha224, &kSha224, init224, a, n, kw);
}

static const MethodDef functions[] = {
    {"sha256", f_sha256, MethKind::Method, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {"sha224", f_sha224, MethKind::Method, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_sha256", functions);
  if (!tp_sha256) {
    init_constants();
    tp_sha256 = hash_type_new(&kSha256, nullptr);
    tp_sha224 = hash_type_new(&kSha224, nullptr);
  }
  dict_set_str(m->dict, str_intern("SHA256Type"), Value(tp_sha256));
  dict_set_str(m->dict, str_intern("SHA224Type"), Value(tp_sha224));
  return Value(m);
}
GILPY_NATIVE_MODULE("_sha256", init);

}  // namespace gilpy
