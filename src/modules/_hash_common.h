// What the hashlib back-ends (_md5, _sha1, _sha256, _sha512, _sha3, _blake2)
// share: the hash object and its type (update, digest, hexdigest, copy, name,
// digest_size, block_size), feeding input through a block buffer, the
// Merkle-Damgard padding of MD5/SHA-1/SHA-2, word loads, the FIPS 180-4
// constants derived from roots of primes, and CPython's integer converters.
//
// A module describes each algorithm with a HashAlgo (a state of fixed size
// without pointers, an update and a non-destructive final) and creates its
// type with hash_type_new. Updates of more than kHashGilMinSize bytes from an
// immutable bytes object run without the GIL, as CPython's do; a per-object
// mutex keeps concurrent updates, digests and copies of one object apart.
#pragma once
#include <gmp.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <string>

#include "gc/heap.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

// ---- words ----------------------------------------------------------------------------------
template <class W>
inline W rotr(W x, int n) {
  return W((x >> n) | (x << (int(sizeof(W)) * 8 - n)));
}
template <class W>
inline W rotl(W x, int n) {
  return W((x << n) | (x >> (int(sizeof(W)) * 8 - n)));
}
template <class W>
inline W load_be(const uint8_t* p) {
  W v = 0;
  for (size_t i = 0; i < sizeof(W); i++) v = W(v << 8) | p[i];
  return v;
}
template <class W>
inline W load_le(const uint8_t* p) {
  W v = 0;
  for (size_t i = sizeof(W); i-- > 0;) v = W(v << 8) | p[i];
  return v;
}
// Byte i of the word array h, serialised big- or little-endian.
template <class W>
inline uint8_t word_byte(const W* h, size_t i, bool big_endian) {
  size_t k = i % sizeof(W);
  int shift = int(8 * (big_endian ? sizeof(W) - 1 - k : k));
  return uint8_t(h[i / sizeof(W)] >> shift);
}

// ---- FIPS 180-4 constants -------------------------------------------------------------------
// The first n primes.
inline void first_primes(unsigned long* out, int n) {
  int k = 0;
  for (unsigned long c = 2; k < n; c++) {
    bool prime = true;
    for (unsigned long d = 2; d * d <= c; d++)
      if (c % d == 0) {
        prime = false;
        break;
      }
    if (prime) out[k++] = c;
  }
}
// floor(frac(root_n(p)) * 2^64): the low 64 bits of floor(root_n(p * 2^(64 n))),
// with exact integer roots from GMP (FIPS 180-4 4.2 and 5.3 define the SHA-2
// constants this way; the 32-bit ones are the top halves).
inline uint64_t frac_root_bits(unsigned long p, unsigned long n) {
  mpz_t x, m;
  mpz_init_set_ui(x, p);
  mpz_mul_2exp(x, x, 64 * n);
  mpz_root(x, x, n);
  mpz_init(m);
  mpz_fdiv_r_2exp(m, x, 64);
  size_t count = 0;
  unsigned char buf[8] = {0};
  mpz_export(buf, &count, -1, 1, 0, 0, m);
  uint64_t low = 0;
  for (size_t i = 0; i < count; i++) low |= uint64_t(buf[i]) << (8 * i);
  mpz_clear(m);
  mpz_clear(x);
  return low;
}

// ---- block buffering ------------------------------------------------------------------------
// Feed n bytes through `buf` (buflen bytes waiting, fewer than `block` unless
// keep_last): `compress` gets each full block in order. With keep_last (BLAKE2,
// whose last block is compressed differently) a full block stays buffered until
// more input shows it is not the last.
template <class F>
inline void absorb_blocks(uint8_t* buf, uint32_t& buflen, size_t block, const uint8_t* p, size_t n, bool keep_last,
                          F&& compress) {
  if (n == 0) return;
  if (buflen) {
    size_t take = std::min(n, block - buflen);
    std::memcpy(buf + buflen, p, take);
    buflen += uint32_t(take);
    p += take;
    n -= take;
    if (buflen < block || (keep_last && n == 0)) return;
    compress(buf);
    buflen = 0;
  }
  while (n > block || (!keep_last && n == block)) {
    compress(p);
    p += block;
    n -= block;
  }
  std::memcpy(buf, p, n);
  buflen = uint32_t(n);
}

// Merkle-Damgard state of MD5, SHA-1 and SHA-2: chaining words, the block
// buffer and the number of bytes hashed.
template <class W, size_t Block>
struct MDState {
  W h[8];
  uint8_t buf[Block];
  uint64_t total;
  uint32_t buflen;
};
template <class S, class C>
inline void md_update(S* s, const uint8_t* p, size_t n, C compress) {
  s->total += n;
  absorb_blocks(s->buf, s->buflen, sizeof(s->buf), p, n, false, [&](const uint8_t* b) { compress(s->h, b); });
}
// The padding of RFC 1321 3.1-3.2 / FIPS 180-4 5.1 on a copy of the state: 0x80,
// zeros, then the bit length in `lenbytes` bytes (8 or 16); out gets n bytes of
// the chaining words, in the same byte order as the length.
template <class S, class C>
inline void md_final(S s, C compress, size_t lenbytes, bool big_endian, uint8_t* out, size_t n) {
  const size_t block = sizeof(s.buf);
  uint64_t bits = s.total << 3, bits_hi = s.total >> 61;
  uint8_t pad[2 * sizeof(s.buf)] = {0x80};
  size_t used = s.buflen + 1 + lenbytes;
  size_t padlen = 1 + (used <= block ? block - used : 2 * block - used);
  uint8_t len[16] = {0};
  for (size_t i = 0; i < 8; i++) {
    len[big_endian ? lenbytes - 1 - i : i] = uint8_t(bits >> (8 * i));
    if (lenbytes == 16) len[big_endian ? 7 - i : 8 + i] = uint8_t(bits_hi >> (8 * i));
  }
  md_update(&s, pad, padlen, compress);
  md_update(&s, len, lenbytes, compress);
  for (size_t i = 0; i < n; i++) out[i] = word_byte(s.h, i, big_endian);
}

// The SHA-2 compression function (FIPS 180-4 6.2.2 / 6.4.2): the same
// steps for SHA-256 (32-bit words, 64 rounds) and SHA-512 (64-bit, 80), with
// their own rotation amounts: big sigma 0 and 1, then small sigma 0 and 1
// (two rotations and a shift each).
struct Sha2Rotations {
  int S0[3], S1[3], s0[3], s1[3];
};
template <class W, int Rounds>
inline void sha2_compress(W h[8], const uint8_t* block, const W* K, const Sha2Rotations& r) {
  W w[Rounds];
  for (int t = 0; t < 16; t++) w[t] = load_be<W>(block + sizeof(W) * t);
  for (int t = 16; t < Rounds; t++) {
    W s0 = rotr(w[t - 15], r.s0[0]) ^ rotr(w[t - 15], r.s0[1]) ^ (w[t - 15] >> r.s0[2]);
    W s1 = rotr(w[t - 2], r.s1[0]) ^ rotr(w[t - 2], r.s1[1]) ^ (w[t - 2] >> r.s1[2]);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  W a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int t = 0; t < Rounds; t++) {
    W t1 = hh + (rotr(e, r.S1[0]) ^ rotr(e, r.S1[1]) ^ rotr(e, r.S1[2])) + ((e & f) ^ (~e & g)) + K[t] + w[t];
    W t2 = (rotr(a, r.S0[0]) ^ rotr(a, r.S0[1]) ^ rotr(a, r.S0[2])) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  const W v[8] = {a, b, c, d, e, f, g, hh};
  for (int i = 0; i < 8; i++) h[i] += v[i];
}

// ---- the hash object ------------------------------------------------------------------------
struct HashAlgo {
  const char* module;  // "_sha256"
  const char* name;    // "sha224": the type's name and the object's .name
  int digest_size;     // 0: variable length, given to digest()/hexdigest() (SHAKE)
  int block_size;
  size_t state_size;   // bytes of state, no pointers inside (atomic memory)
  void (*update)(void* st, const uint8_t* p, size_t n);
  void (*final)(const void* st, uint8_t* out, size_t n);  // n bytes of digest; st unchanged
  // CPython's MD5/SHA-1/SHA-2 copy() (defining-class calling convention) says
  // "copy() takes no arguments" and ignores keywords; the others check both.
  bool plain_copy = false;
};

struct HashObj : Object {
  const HashAlgo* algo;
  void* st;
  int64_t digest_size;  // algo->digest_size, or BLAKE2's digest_size parameter
  std::mutex mu;
};

constexpr size_t kHashGilMinSize = 2048;  // CPython's HASHLIB_GIL_MINSIZE

// Holds o->mu; waits for it without the GIL when a GIL-free update has it.
class HashLock {
 public:
  explicit HashLock(HashObj* o) : o_(o) {
    if (!o_->mu.try_lock()) {
      gil::ReleaseGil g;
      o_->mu.lock();
    }
  }
  ~HashLock() { o_->mu.unlock(); }
  HashLock(const HashLock&) = delete;
  HashLock& operator=(const HashLock&) = delete;

 private:
  HashObj* o_;
};

inline HashObj* hash_alloc(Type* t, const HashAlgo* algo) {
  HashObj* o = static_cast<HashObj*>(alloc_instance(t, sizeof(HashObj)));
  new (&o->mu) std::mutex();
  o->algo = algo;
  o->digest_size = algo->digest_size;
  o->st = gc::alloc_atomic(algo->state_size);
  std::memset(o->st, 0, algo->state_size);
  return o;
}
inline HashObj* hash_self(Value v) { return v.as<HashObj>(); }

// The bytes-like contents of `data` ("Strings must be encoded before hashing").
inline Result<std::string_view> hash_data(Value data) {
  if (is_str(data)) return raise(tp_TypeError, "Strings must be encoded before hashing");
  std::string_view v;
  if (!buffer_view_opt(data, &v)) return raise(tp_TypeError, "object supporting the buffer API required");
  return v;
}

inline Status hash_feed(HashObj* o, Value data) {
  std::string_view v = TRY(hash_data(data));
  const uint8_t* p = reinterpret_cast<const uint8_t*>(v.data());
  if (v.size() > kHashGilMinSize && is_bytes(data)) {
    // bytes cannot change under us, and `data` is kept alive by the caller.
    gil::ReleaseGil g;
    std::lock_guard<std::mutex> l(o->mu);
    o->algo->update(o->st, p, v.size());
  } else {
    HashLock l(o);
    o->algo->update(o->st, p, v.size());
  }
  return OK();
}

inline std::string hash_method_name(Value self, const char* method) {
  return std::string(hash_self(self)->algo->name) + "." + method;
}

inline Result<Value> hash_m_update(Value* a, int64_t n, Tuple* kw) {
  std::string fname = hash_method_name(a[0], "update");
  TRY(no_kwargs(fname.c_str(), kw));
  TRY(check_nargs(fname.c_str(), n - 1, 1, 1));
  TRY(hash_feed(hash_self(a[0]), a[1]));
  return None();
}

// CPython's unsigned long / unsigned long long argument converters.
inline Result<uint64_t> hash_as_unsigned(Value v, const char* overflow_msg) {
  if (!is_int(v)) return raise(tp_TypeError, "an integer is required");
  if (int_sign(v) < 0) return raise(tp_ValueError, "value must be positive");
  mpz_t z;
  int_to_mpz(v, z);
  bool fits = mpz_sizeinbase(z, 2) <= 64;
  uint64_t out = 0;
  if (fits) {
    size_t count = 0;
    unsigned char buf[8] = {0};
    mpz_export(buf, &count, -1, 1, 0, 0, z);
    for (size_t i = 0; i < count; i++) out |= uint64_t(buf[i]) << (8 * i);
  }
  mpz_clear(z);
  if (!fits) return raise(tp_OverflowError, overflow_msg);
  return out;
}
inline Result<uint64_t> hash_as_ulong(Value v) {
  return hash_as_unsigned(v, "Python int too large to convert to C unsigned long");
}

// The digest length: fixed, or digest(length) for SHAKE.
inline Result<size_t> hash_out_len(Value* a, int64_t n, Tuple* kw, const char* method) {
  HashObj* o = hash_self(a[0]);
  std::string fname = hash_method_name(a[0], method);
  TRY(no_kwargs(fname.c_str(), kw));
  if (o->algo->digest_size) {
    TRY(check_nargs(fname.c_str(), n - 1, 0, 0));
    return size_t(o->digest_size);
  }
  TRY(check_nargs(fname.c_str(), n - 1, 1, 1));
  uint64_t len = TRY(hash_as_ulong(a[1]));
  if (len >= (uint64_t(1) << 29)) return raise(tp_ValueError, "length is too large");
  return size_t(len);
}
inline std::string hash_digest_bytes(HashObj* o, size_t len) {
  std::string out(len, '\0');
  HashLock l(o);
  o->algo->final(o->st, reinterpret_cast<uint8_t*>(out.data()), len);
  return out;
}
inline Result<Value> hash_m_digest(Value* a, int64_t n, Tuple* kw) {
  size_t len = TRY(hash_out_len(a, n, kw, "digest"));
  return bytes_from(hash_digest_bytes(hash_self(a[0]), len));
}
inline Result<Value> hash_m_hexdigest(Value* a, int64_t n, Tuple* kw) {
  size_t len = TRY(hash_out_len(a, n, kw, "hexdigest"));
  std::string d = hash_digest_bytes(hash_self(a[0]), len);
  static const char hex[] = "0123456789abcdef";
  std::string out(2 * d.size(), '\0');
  for (size_t i = 0; i < d.size(); i++) {
    out[2 * i] = hex[uint8_t(d[i]) >> 4];
    out[2 * i + 1] = hex[uint8_t(d[i]) & 15];
  }
  return str_value(out);
}
inline Result<Value> hash_m_copy(Value* a, int64_t n, Tuple* kw) {
  HashObj* src = hash_self(a[0]);
  if (src->algo->plain_copy) {
    if (n > 1) return raise(tp_TypeError, "copy() takes no arguments");
  } else {
    std::string fname = hash_method_name(a[0], "copy");
    TRY(no_kwargs(fname.c_str(), kw));
    TRY(check_nargs(fname.c_str(), n - 1, 0, 0));
  }
  HashObj* o = hash_alloc(a[0].type(), src->algo);
  HashLock l(src);
  std::memcpy(o->st, src->st, src->algo->state_size);
  o->digest_size = src->digest_size;
  return Value(o);
}
inline Result<Value> hash_g_name(Value self) { return str_value(hash_self(self)->algo->name); }
inline Result<Value> hash_g_digest_size(Value self) { return Value::small(hash_self(self)->digest_size); }
inline Result<Value> hash_g_block_size(Value self) { return Value::small(hash_self(self)->algo->block_size); }

// __new__ of the types that only the module's functions create.
inline Result<Value> hash_no_new(Value* a, int64_t, Tuple*) {
  Type* t = as_type(a[0]);
  Value mod = type_module(t);
  std::string name = mod && is_str(mod) ? std::string(as_str(mod)->view()) + "." : std::string();
  name += std::string(t->name->view());
  return raise_fmt(tp_TypeError, "cannot create '%s' instances", name.c_str());
}

// The type of `algo`'s objects (not subclassable, as in CPython). `new_fn`
// (MethKind::Static, cls first) makes it callable; null: "cannot create".
// `extra` getsets (e.g. SHA-3's _rate_bits) come on top of the common ones.
inline Type* hash_type_new(const HashAlgo* algo, NativeFn new_fn, const GetSetDef* extra = nullptr) {
  const MethodDef methods[] = {{"__new__", new_fn ? new_fn : hash_no_new, MethKind::Static},
                               {"update", hash_m_update},
                               {"digest", hash_m_digest},
                               {"hexdigest", hash_m_hexdigest},
                               {"copy", hash_m_copy},
                               {nullptr, nullptr}};
  static const GetSetDef getsets[] = {{"name", hash_g_name},
                                      {"digest_size", hash_g_digest_size},
                                      {"block_size", hash_g_block_size},
                                      {nullptr, nullptr}};
  Type* t = native_type_new(algo->module, algo->name, tp_object, Layout::Other, sizeof(HashObj), methods, getsets, 0);
  if (extra) {
    type_add_getsets(t, extra);
    type_modified(t);
  }
  return t;
}

// Argument Clinic's wording for a constructor's argument errors (parse_args
// words them like a Python function's): `names` are all the parameters, the
// first `posonly` of them positional-only, at most `maxpos` positional.
inline Status hash_check_args(const char* fname, int64_t nargs, Tuple* kw, std::initializer_list<const char*> names,
                              int posonly, int maxpos) {
  int64_t maxargs = int64_t(names.size()), nk = kw ? kw->size : 0;
  if (nargs + nk > maxargs)
    return raise_fmt(tp_TypeError, "%s() takes at most %lld %sargument%s (%lld given)", fname, (long long)maxargs,
                     nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", (long long)(nargs + nk));
  if (nargs > maxpos)
    return raise_fmt(tp_TypeError, "%s() takes at most %d positional argument%s (%lld given)", fname, maxpos,
                     maxpos == 1 ? "" : "s", (long long)nargs);
  auto named = [&](const char* name) {
    for (int64_t k = 0; k < nk; k++)
      if (as_str(kw->items[k])->view() == name) return true;
    return false;
  };
  int i = 0;
  for (const char* name : names) {
    if (i >= posonly && i < nargs && named(name))
      return raise_fmt(tp_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, name, i + 1);
    i++;
  }
  for (int64_t k = 0; k < nk; k++) {
    std::string_view given = as_str(kw->items[k])->view();
    bool ok = false;
    i = 0;
    for (const char* name : names) ok |= i++ >= posonly && given == name;
    if (!ok)
      return raise_fmt(tp_TypeError, "'%.*s' is an invalid keyword argument for %s()", int(given.size()), given.data(),
                       fname);
  }
  return OK();
}

// A module-level constructor `name(string=b'', *, usedforsecurity=True)` (MD5, SHA-1, SHA-2).
inline Result<Value> hash_construct(Type* t, const HashAlgo* algo, void (*init)(void* st), Value* a, int64_t n,
                                    Tuple* kw) {
  Value out[2];
  TRY(hash_check_args(algo->name, n, kw, {"string", "usedforsecurity"}, 0, 1));
  TRY(parse_args(algo->name, a, n, kw, {"string", "usedforsecurity"}, 0, out, 0, 1));
  HashObj* o = hash_alloc(t, algo);
  init(o->st);
  if (out[0]) TRY(hash_feed(o, out[0]));
  return Value(o);
}

}  // namespace gilpy
