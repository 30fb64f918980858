#include "common/siphash.h"

namespace gilpy {

static inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// One SipRound over the four state words.
#define GILPY_SIPROUND(v0, v1, v2, v3) \
  do {                                 \
    v0 += v1;                          \
    v1 = rotl(v1, 13);                 \
    v1 ^= v0;                          \
    v0 = rotl(v0, 32);                 \
    v2 += v3;                          \
    v3 = rotl(v3, 16);                 \
    v3 ^= v2;                          \
    v0 += v3;                          \
    v3 = rotl(v3, 21);                 \
    v3 ^= v0;                          \
    v2 += v1;                          \
    v1 = rotl(v1, 17);                 \
    v1 ^= v2;                          \
    v2 = rotl(v2, 32);                 \
  } while (0)

// The initialisation constants are the ASCII of "somepseudorandomlygeneratedbytes".
SipHash13::SipHash13(uint64_t k0, uint64_t k1)
    : v0_(k0 ^ 0x736f6d6570736575ull),
      v1_(k1 ^ 0x646f72616e646f6dull),
      v2_(k0 ^ 0x6c7967656e657261ull),
      v3_(k1 ^ 0x7465646279746573ull) {}

void SipHash13::compress(uint64_t m) {
  v3_ ^= m;
  GILPY_SIPROUND(v0_, v1_, v2_, v3_);
  v0_ ^= m;
}

void SipHash13::update_byte(unsigned char b) {
  tail_ |= uint64_t(b) << (8 * ntail_);
  total_++;
  if (++ntail_ == 8) {
    compress(tail_);
    tail_ = 0;
    ntail_ = 0;
  }
}

void SipHash13::update(const unsigned char* p, size_t n) {
  while (n && ntail_) {
    update_byte(*p++);
    n--;
  }
  // Whole words straight from the input (little-endian, as the reference).
  while (n >= 8) {
    uint64_t m = 0;
    for (int i = 7; i >= 0; i--) m = (m << 8) | p[i];
    compress(m);
    p += 8;
    n -= 8;
    total_ += 8;
  }
  while (n--) update_byte(*p++);
}

uint64_t SipHash13::finish() {
  uint64_t b = (total_ << 56) | tail_;  // the length's low byte and the last bytes
  compress(b);
  v2_ ^= 0xff;
  for (int i = 0; i < 3; i++) GILPY_SIPROUND(v0_, v1_, v2_, v3_);
  return v0_ ^ v1_ ^ v2_ ^ v3_;
}

#undef GILPY_SIPROUND

}  // namespace gilpy
