// SipHash-1-3 (one compression round, three finalization rounds), the hash
// CPython 3.11 uses for str, bytes and memoryview (sys.hash_info.algorithm
// "siphash13"), written from the SipHash paper (Aumasson and Bernstein). With
// the keys CPython derives from PYTHONHASHSEED, gilpy's hashes of the same
// data equal CPython's, so programs and tests that print or compare hashes
// under a fixed seed see the same numbers.
#pragma once
#include <cstddef>
#include <cstdint>

namespace gilpy {

// Incremental: feed bytes in any pieces, then finish() once.
class SipHash13 {
 public:
  SipHash13(uint64_t k0, uint64_t k1);
  void update(const unsigned char* p, size_t n);
  void update_byte(unsigned char b);
  uint64_t finish();

 private:
  void compress(uint64_t m);
  uint64_t v0_, v1_, v2_, v3_;
  uint64_t tail_ = 0;  // pending bytes of the current 8-byte word, little-endian
  size_t ntail_ = 0;
  uint64_t total_ = 0;
};

}  // namespace gilpy
