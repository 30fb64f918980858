// _blake2: BLAKE2b and BLAKE2s (RFC 7693) with the full parameter block
// (key, salt, personalisation, tree hashing parameters), as CPython's own
// _blake2: the types are callable, blake2b(data=b'', /, *, digest_size=64,
// key=b'', salt=b'', person=b'', fanout=1, depth=1, leaf_size=0,
// node_offset=0, node_depth=0, inner_size=0, last_node=False,
// usedforsecurity=True). The initial values are SHA-512's and SHA-256's,
// derived like theirs from the square roots of the first 8 primes.
#include "modules/_hash_common.h"

namespace gilpy {

static const uint8_t SIGMA[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}};

// The two variants (RFC 7693 2.1): word type, rounds, rotations, sizes.
template <class W>
struct B2;
template <>
struct B2<uint64_t> {
  static constexpr int kRounds = 12, R1 = 32, R2 = 24, R3 = 16, R4 = 63;
  static constexpr int kOut = 64, kKey = 64, kSalt = 16, kPerson = 16, kNodeOffsetBytes = 8;
  static constexpr const char* kName = "blake2b";
};
template <>
struct B2<uint32_t> {
  static constexpr int kRounds = 10, R1 = 16, R2 = 12, R3 = 8, R4 = 7;
  static constexpr int kOut = 32, kKey = 32, kSalt = 8, kPerson = 8, kNodeOffsetBytes = 6;
  static constexpr const char* kName = "blake2s";
};

template <class W>
struct B2State {
  static constexpr size_t kBlock = 16 * sizeof(W);
  W h[8];
  W t[2];  // byte counter, low word first
  uint8_t buf[kBlock];
  uint32_t buflen;
  uint32_t outlen;
  bool last_node;
};

static uint64_t IV64[8];
static uint32_t IV32[8];
template <class W>
static const W* iv();
template <>
const uint64_t* iv<uint64_t>() { return IV64; }
template <>
const uint32_t* iv<uint32_t>() { return IV32; }

template <class W>
static void b2_compress(B2State<W>* s, const uint8_t* block, bool last) {
  using T = B2<W>;
  W m[16], v[16];
  for (int i = 0; i < 16; i++) m[i] = load_le<W>(block + i * sizeof(W));
  for (int i = 0; i < 8; i++) {
    v[i] = s->h[i];
    v[i + 8] = iv<W>()[i];
  }
  v[12] ^= s->t[0];
  v[13] ^= s->t[1];
  if (last) {
    v[14] = W(~v[14]);
    if (s->last_node) v[15] = W(~v[15]);
  }
  auto g = [&](int a, int b, int c, int d, W x, W y) {
    v[a] = W(v[a] + v[b] + x);
    v[d] = rotr(W(v[d] ^ v[a]), T::R1);
    v[c] = W(v[c] + v[d]);
    v[b] = rotr(W(v[b] ^ v[c]), T::R2);
    v[a] = W(v[a] + v[b] + y);
    v[d] = rotr(W(v[d] ^ v[a]), T::R3);
    v[c] = W(v[c] + v[d]);
    v[b] = rotr(W(v[b] ^ v[c]), T::R4);
  };
  for (int r = 0; r < T::kRounds; r++) {
    const uint8_t* sg = SIGMA[r % 10];
    g(0, 4, 8, 12, m[sg[0]], m[sg[1]]);
    g(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
    g(2, 6, 10, 14, m[sg[4]], m[sg[5]]);
    g(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
    g(0, 5, 10, 15, m[sg[8]], m[sg[9]]);
    g(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
    g(2, 7, 8, 13, m[sg[12]], m[sg[13]]);
    g(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
  }
  for (int i = 0; i < 8; i++) s->h[i] ^= v[i] ^ v[i + 8];
}

template <class W>
static void b2_count(B2State<W>* s, size_t n) {
  s->t[0] = W(s->t[0] + n);
  if (s->t[0] < W(n)) s->t[1]++;
}
template <class W>
static void b2_update(void* st, const uint8_t* p, size_t n) {
  auto* s = static_cast<B2State<W>*>(st);
  absorb_blocks(s->buf, s->buflen, B2State<W>::kBlock, p, n, true, [&](const uint8_t* b) {
    b2_count(s, B2State<W>::kBlock);
    b2_compress(s, b, false);
  });
}
template <class W>
static void b2_final(const void* st, uint8_t* out, size_t n) {
  B2State<W> s = *static_cast<const B2State<W>*>(st);
  b2_count(&s, s.buflen);
  std::memset(s.buf + s.buflen, 0, B2State<W>::kBlock - s.buflen);
  b2_compress(&s, s.buf, true);
  for (size_t i = 0; i < n; i++) out[i] = word_byte(s.h, i, false);
}

static const HashAlgo kBlake2b = {"_blake2", "blake2b", 64, 128, sizeof(B2State<uint64_t>), b2_update<uint64_t>,
                                  b2_final<uint64_t>};
static const HashAlgo kBlake2s = {"_blake2", "blake2s", 32, 64, sizeof(B2State<uint32_t>), b2_update<uint32_t>,
                                  b2_final<uint32_t>};
static Type* tp_blake2b;
static Type* tp_blake2s;

template <class W>
static Result<Value> b2_new(Value* a, int64_t n, Tuple* kw) {
  using T = B2<W>;
  const HashAlgo* algo = sizeof(W) == 8 ? &kBlake2b : &kBlake2s;
  Value o_[13];
#define B2_PARAMS                                                                                                  \
  {"data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", \
   "inner_size", "last_node", "usedforsecurity"}
  TRY(hash_check_args(T::kName, n - 1, kw, B2_PARAMS, 1, 1));
  TRY(parse_args(T::kName, a + 1, n - 1, kw, B2_PARAMS, 0, o_, 1, 1));
#undef B2_PARAMS
  // Conversions in signature order, then the checks in CPython's order.
  int64_t digest_size = o_[1] ? TRY(as_c_int(o_[1])) : T::kOut;
  std::string_view key, salt, person;
  if (o_[2]) key = TRY(buffer_view(o_[2]));
  if (o_[3]) salt = TRY(buffer_view(o_[3]));
  if (o_[4]) person = TRY(buffer_view(o_[4]));
  int64_t fanout = o_[5] ? TRY(as_c_int(o_[5])) : 1;
  int64_t depth = o_[6] ? TRY(as_c_int(o_[6])) : 1;
  uint64_t leaf_size = o_[7] ? TRY(hash_as_ulong(o_[7])) : 0;
  uint64_t node_offset = o_[8] ? TRY(hash_as_unsigned(o_[8], "int too big to convert")) : 0;
  int64_t node_depth = o_[9] ? TRY(as_c_int(o_[9])) : 0;
  int64_t inner_size = o_[10] ? TRY(as_c_int(o_[10])) : 0;
  bool last_node = o_[11] ? TRY(truthy(o_[11])) : false;
  if (o_[12]) TRY(truthy(o_[12]));

  if (digest_size <= 0 || digest_size > T::kOut)
    return raise_fmt(tp_ValueError, "digest_size must be between 1 and %d bytes", T::kOut);
  if (salt.size() > size_t(T::kSalt)) return raise_fmt(tp_ValueError, "maximum salt length is %d bytes", T::kSalt);
  if (person.size() > size_t(T::kPerson))
    return raise_fmt(tp_ValueError, "maximum person length is %d bytes", T::kPerson);
  if (fanout < 0 || fanout > 255) return raise(tp_ValueError, "fanout must be between 0 and 255");
  if (depth <= 0 || depth > 255) return raise(tp_ValueError, "depth must be between 1 and 255");
  if (leaf_size > 0xFFFFFFFFu) return raise(tp_OverflowError, "leaf_size is too large");
  if constexpr (T::kNodeOffsetBytes < 8) {
    if (node_offset >> (8 * T::kNodeOffsetBytes)) return raise(tp_OverflowError, "node_offset is too large");
  }
  if (node_depth < 0 || node_depth > 255) return raise(tp_ValueError, "node_depth must be between 0 and 255");
  if (inner_size < 0 || inner_size > T::kOut)
    return raise_fmt(tp_ValueError, "inner_size must be between 0 and is %d", T::kOut);
  if (key.size() > size_t(T::kKey)) return raise_fmt(tp_ValueError, "maximum key length is %d bytes", T::kKey);

  // The parameter block (RFC 7693 2.5; BLAKE2 paper 2.8 for the tree fields).
  uint8_t param[8 * sizeof(W)] = {0};
  param[0] = uint8_t(digest_size);
  param[1] = uint8_t(key.size());
  param[2] = uint8_t(fanout);
  param[3] = uint8_t(depth);
  for (int i = 0; i < 4; i++) param[4 + i] = uint8_t(leaf_size >> (8 * i));
  for (int i = 0; i < T::kNodeOffsetBytes; i++) param[8 + i] = uint8_t(node_offset >> (8 * i));
  param[8 + T::kNodeOffsetBytes] = uint8_t(node_depth);
  param[9 + T::kNodeOffsetBytes] = uint8_t(inner_size);
  if (!salt.empty()) std::memcpy(param + sizeof(param) / 2, salt.data(), salt.size());
  if (!person.empty()) std::memcpy(param + sizeof(param) / 2 + T::kSalt, person.data(), person.size());

  HashObj* o = hash_alloc(as_type(a[0]), algo);
  o->digest_size = digest_size;
  auto* s = static_cast<B2State<W>*>(o->st);
  for (int i = 0; i < 8; i++) s->h[i] = iv<W>()[i] ^ load_le<W>(param + i * sizeof(W));
  s->outlen = uint32_t(digest_size);
  s->last_node = last_node;
  if (!key.empty()) {
    uint8_t block[B2State<W>::kBlock] = {0};
    std::memcpy(block, key.data(), key.size());
    b2_update<W>(s, block, sizeof block);
  }
  if (o_[0]) TRY(hash_feed(o, o_[0]));
  return Value(o);
}

template <class W>
static Type* make_type(const HashAlgo* algo) {
  using T = B2<W>;
  Type* t = hash_type_new(algo, b2_new<W>);
  type_set_attr_const(t, "SALT_SIZE", Value::small(T::kSalt));
  type_set_attr_const(t, "PERSON_SIZE", Value::small(T::kPerson));
  type_set_attr_const(t, "MAX_KEY_SIZE", Value::small(T::kKey));
  type_set_attr_const(t, "MAX_DIGEST_SIZE", Value::small(T::kOut));
  type_modified(t);
  return t;
}

static Result<Value> init() {
  Module* m = native_module_new("_blake2", nullptr);
  if (!tp_blake2b) {
    unsigned long primes[8];
    first_primes(primes, 8);
    for (int i = 0; i < 8; i++) {
      IV64[i] = frac_root_bits(primes[i], 2);
      IV32[i] = uint32_t(IV64[i] >> 32);
    }
    tp_blake2b = make_type<uint64_t>(&kBlake2b);
    tp_blake2s = make_type<uint32_t>(&kBlake2s);
  }
  dict_set_str(m->dict, str_intern("blake2b"), Value(tp_blake2b));
  dict_set_str(m->dict, str_intern("blake2s"), Value(tp_blake2s));
  const struct {
    const char* name;
    int value;
  } consts[] = {{"BLAKE2B_SALT_SIZE", 16},      {"BLAKE2B_PERSON_SIZE", 16}, {"BLAKE2B_MAX_KEY_SIZE", 64},
                {"BLAKE2B_MAX_DIGEST_SIZE", 64}, {"BLAKE2S_SALT_SIZE", 8},    {"BLAKE2S_PERSON_SIZE", 8},
                {"BLAKE2S_MAX_KEY_SIZE", 32},    {"BLAKE2S_MAX_DIGEST_SIZE", 32}};
  for (const auto& c : consts) dict_set_str(m->dict, str_intern(c.name), Value::small(c.value));
  return Value(m);
}
GILPY_NATIVE_MODULE("_blake2", init);

}  // namespace gilpy
