// _sha512: SHA-512 and SHA-384 (FIPS 180-4), used by random.seed() for str
// and bytes seeds and by hashlib when no OpenSSL-backed _hashlib exists.
//
// The round constants and initial hash values are derived at start-up from
// their definitions in FIPS 180-4 section 4.2.3 / 5.3 (the first 64 bits of
// the fractional parts of the cube roots of the first 80 primes, and of the
// square roots of the first 16 primes) with exact integer roots from GMP,
// instead of being transcribed as 96 hex literals.
#include "modules/_hash_common.h"

namespace gilpy {

using Sha512State = MDState<uint64_t, 128>;

static uint64_t K[80];
static uint64_t H512[8], H384[8];
static bool g_constants_ready;

static void init_constants() {
  if (g_constants_ready) return;
  unsigned long primes[80];
  first_primes(primes, 80);
  for (int i = 0; i < 80; i++) K[i] = frac_root_bits(primes[i], 3);
  for (int i = 0; i < 8; i++) H512[i] = frac_root_bits(primes[i], 2);
  for (int i = 0; i < 8; i++) H384[i] = frac_root_bits(primes[i + 8], 2);
  g_constants_ready = true;
}

static void compress(uint64_t h[8], const uint8_t* block) {
  static const Sha2Rotations r = {{28, 34, 39}, {14, 18, 41}, {1, 8, 7}, {19, 61, 6}};
  sha2_compress<uint64_t, 80>(h, block, K, r);
}

static void sha_update(void* st, const uint8_t* p, size_t n) {
  md_update(static_cast<Sha512State*>(st), p, n, compress);
}
static void sha_final(const void* st, uint8_t* out, size_t n) {
  md_final(*static_cast<const Sha512State*>(st), compress, 16, true, out, n);
}
static void init512(void* st) { std::memcpy(static_cast<Sha512State*>(st)->h, H512, sizeof H512); }
static void init384(void* st) { std::memcpy(static_cast<Sha512State*>(st)->h, H384, sizeof H384); }

static const HashAlgo kSha512 = {"_sha512", "sha512", 64, 128, sizeof(Sha512State), sha_update, sha_final, true};
static const HashAlgo kSha384 = {"_sha512", "sha384", 48, 128, sizeof(Sha512State), sha_update, sha_final, true};
static Type* tp_sha512;
static Type* tp_sha384;

static Result<Value> f_sha512(Value* a, int64_t n, Tuple* kw) {
  init_constants();
  return hash_construct(tp_sha512, &kSha512, init512, a, n, kw);
}
static Result<Value> f_sha384(Value* a, int64_t n, Tuple* kw) {
  init_constants();
  return hash_construct(tp_sha384, &kSha384, init384, a, n, kw);
}

static const MethodDef functions[] = {
    {"sha512", f_sha512, MethKind::Method, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", f_sha384, MethKind::Method, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {nullptr, nullptr}};

static Result<Value> init() {
  init_constants();
  Module* m = native_module_new("_sha512", functions);
  if (!tp_sha512) {
    tp_sha512 = hash_type_new(&kSha512, nullptr);
    tp_sha384 = hash_type_new(&kSha384, nullptr);
  }
  // As in CPython 3.11, whose _sha512 adds one type attribute: SHA384Type, bound to the sha512 type.
  dict_set_str(m->dict, str_intern("SHA384Type"), Value(tp_sha512));
  return Value(m);
}
GILPY_NATIVE_MODULE("_sha512", init);

}  // namespace gilpy
