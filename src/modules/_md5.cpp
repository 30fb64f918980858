// _md5: MD5 (RFC 1321) for hashlib.md5 when there is no OpenSSL-backed
// _hashlib, as CPython's own _md5. multiprocessing needs it: its connection
// handshake (Manager, Listener/Client with an authkey) is HMAC-MD5 in 3.11.
// The object interface is the shared one of modules/_hash_common.h.
#include <cmath>

#include "modules/_hash_common.h"

namespace gilpy {

using Md5State = MDState<uint32_t, 64>;

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

static void compress(uint32_t h[8], const uint8_t* block) {
  uint32_t m[16];
  for (int i = 0; i < 16; i++) m[i] = load_le<uint32_t>(block + 4 * i);
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

static void md5_update(void* st, const uint8_t* p, size_t n) { md_update(static_cast<Md5State*>(st), p, n, compress); }
static void md5_final(const void* st, uint8_t* out, size_t n) {
  md_final(*static_cast<const Md5State*>(st), compress, 8, false, out, n);
}
static void md5_init(void* st) {
  static const uint32_t H0[4] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u};
  std::memcpy(static_cast<Md5State*>(st)->h, H0, sizeof H0);
}

static const HashAlgo kMd5 = {"_md5", "md5", 16, 64, sizeof(Md5State), md5_update, md5_final, true};
static Type* tp_md5;

// md5(string=b'', *, usedforsecurity=True)
static Result<Value> f_md5(Value* a, int64_t n, Tuple* kw) { return hash_construct(tp_md5, &kMd5, md5_init, a, n, kw); }

static const MethodDef functions[] = {
    {"md5", f_md5, MethKind::Method, "Return a new MD5 hash object; optionally initialized with a string."},
    {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_md5", functions);
  if (!tp_md5) {
    init_constants();
    tp_md5 = hash_type_new(&kMd5, nullptr);
  }
  dict_set_str(m->dict, str_intern("MD5Type"), Value(tp_md5));
  return Value(m);
}
GILPY_NATIVE_MODULE("_md5", init);

}  // namespace gilpy
