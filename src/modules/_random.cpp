// _random: the Mersenne Twister MT19937 generator under random.Random.
//
// Written from Matsumoto & Nishimura's description of MT19937 (init_genrand,
// init_by_array, the twist and tempering) and CPython's documented seeding
// rules, so that seeded sequences equal CPython's bit for bit:
//  * seed(int): init_by_array over the 32-bit words of abs(n), least
//    significant word first (one zero word for 0);
//  * seed(None): 624 words from the OS entropy source (time and pid if that fails);
//  * seed(other): its hash() taken as an unsigned 64-bit number;
//  * random(): 53 bits from two outputs, (a*2^26 + b) / 2^53 with a = x>>5, b = y>>6;
//  * getrandbits(k): 32-bit words least significant first, the last one
//    keeping its top k%32 bits.
#include <gmp.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <string>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static constexpr int kN = 624;
static constexpr int kM = 397;
static constexpr uint32_t kMatrixA = 0x9908b0dfu;
static constexpr uint32_t kUpper = 0x80000000u;
static constexpr uint32_t kLower = 0x7fffffffu;

// Invariant: 0 <= index <= kN; index == kN means the next output twists first.
struct MTState {
  uint32_t mt[kN];
  int index;
};
struct RandomObj : Object {
  Dict* dict;   // random.Random instances keep gauss_next here
  MTState* st;  // atomic memory
};

static Type* tp_Random;

static void init_genrand(MTState* s, uint32_t seed) {
  s->mt[0] = seed;
  for (int i = 1; i < kN; i++) s->mt[i] = 1812433253u * (s->mt[i - 1] ^ (s->mt[i - 1] >> 30)) + uint32_t(i);
  s->index = kN;
}
static void init_by_array(MTState* s, const uint32_t* key, size_t len) {
  init_genrand(s, 19650218u);
  uint32_t* mt = s->mt;
  size_t i = 1, j = 0;
  for (size_t k = kN > len ? kN : len; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + uint32_t(j);
    i++;
    j++;
    if (i >= size_t(kN)) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (size_t k = kN - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
    i++;
    if (i >= size_t(kN)) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;  // non-zero initial state is guaranteed
}
static uint32_t genrand_uint32(MTState* s) {
  static const uint32_t mag01[2] = {0, kMatrixA};
  uint32_t* mt = s->mt;
  if (s->index >= kN) {
    int kk = 0;
    for (; kk < kN - kM; kk++) {
      uint32_t y = (mt[kk] & kUpper) | (mt[kk + 1] & kLower);
      mt[kk] = mt[kk + kM] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; kk < kN - 1; kk++) {
      uint32_t y = (mt[kk] & kUpper) | (mt[kk + 1] & kLower);
      mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 1];
    }
    uint32_t y = (mt[kN - 1] & kUpper) | (mt[0] & kLower);
    mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ mag01[y & 1];
    s->index = 0;
  }
  uint32_t y = mt[s->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

static RandomObj* R(Value v) { return v.as<RandomObj>(); }

static void seed_from_os(MTState* s) {
  uint32_t key[kN];
  size_t got = 0;
  char* p = reinterpret_cast<char*>(key);
  while (got < sizeof(key)) {
    ssize_t r = getrandom(p + got, sizeof(key) - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      break;
    }
    got += size_t(r);
  }
  if (got == sizeof(key)) {
    init_by_array(s, key, kN);
    return;
  }
  // No entropy source: time and pid, as CPython's fallback does.
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint32_t k2[5] = {uint32_t(ts.tv_sec), uint32_t(uint64_t(ts.tv_sec) >> 32), uint32_t(ts.tv_nsec),
                    uint32_t(getpid()), uint32_t(clock())};
  init_by_array(s, k2, 5);
}

// Seed from a non-negative int: its 32-bit words, least significant first.
static void seed_from_int(MTState* s, Value n) {
  mpz_t z;
  int_to_mpz(n, z);
  mpz_abs(z, z);
  size_t words = (mpz_sizeinbase(z, 2) + 31) / 32;
  if (words == 0) words = 1;
  uint32_t* key = static_cast<uint32_t*>(gc::alloc_atomic(words * sizeof(uint32_t)));
  for (size_t i = 0; i < words; i++) key[i] = 0;
  size_t count = 0;
  if (mpz_sgn(z) != 0) mpz_export(key, &count, -1, 4, 0, 0, z);
  mpz_clear(z);
  init_by_array(s, key, words);
}

static Status do_seed(RandomObj* r, Value arg) {
  if (!arg || is_none(arg)) {
    seed_from_os(r->st);
    return OK();
  }
  if (is_int(arg)) {
    seed_from_int(r->st, arg);
    return OK();
  }
  int64_t h = TRY(hash(arg));
  seed_from_int(r->st, int_from_u64(uint64_t(h)));
  return OK();
}

static Result<Value> random_new(Value* a, int64_t n, Tuple* kw) {
  Type* t = as_type(a[0]);
  if (t == tp_Random && kw && kw->size) return raise(tp_TypeError, "Random() takes no keyword arguments");
  RandomObj* r = static_cast<RandomObj*>(alloc_instance(t, sizeof(RandomObj)));
  r->st = static_cast<MTState*>(gc::alloc_atomic(sizeof(MTState)));
  // A subclass's __init__ normally seeds; until then the state is a valid fixed one.
  init_genrand(r->st, 5489u);
  if (t == tp_Random) {
    if (n - 1 > 1) return raise(tp_TypeError, "Random() requires 0 or 1 argument");
    TRY(do_seed(r, n > 1 ? a[1] : Value()));
  }
  return Value(r);
}
static Result<Value> random_init(Value* a, int64_t n, Tuple* kw) {
  // _random.Random.__init__: seeding already happened in __new__ for the exact
  // type; a subclass that calls it explicitly gets seeded here.
  if (a[0].type() != tp_Random) {
    if (n - 1 > 1) return raise(tp_TypeError, "Random() requires 0 or 1 argument");
    TRY(do_seed(R(a[0]), n > 1 ? a[1] : Value()));
  }
  return None();
}
static Result<Value> random_seed(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("seed", kw));
  TRY(check_nargs("seed", n - 1, 0, 1));
  TRY(do_seed(R(a[0]), n > 1 ? a[1] : Value()));
  return None();
}
static Result<Value> random_random(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("random", n - 1, 0, 0));
  MTState* s = R(a[0])->st;
  uint32_t x = genrand_uint32(s) >> 5, y = genrand_uint32(s) >> 6;
  return float_new((x * 67108864.0 + y) * (1.0 / 9007199254740992.0));
}
static Result<Value> random_getrandbits(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getrandbits", kw));
  TRY(check_nargs("getrandbits", n - 1, 1, 1));
  int64_t k = TRY(as_index(a[1]));
  if (k < 0) return raise(tp_ValueError, "number of bits must be non-negative");
  MTState* s = R(a[0])->st;
  if (k == 0) return Value::small(0);
  if (k <= 32) return Value::small(int64_t(genrand_uint32(s) >> (32 - k)));
  int64_t words = (k - 1) / 32 + 1;
  uint32_t* w = static_cast<uint32_t*>(gc::alloc_atomic(size_t(words) * sizeof(uint32_t)));
  int64_t left = k;
  for (int64_t i = 0; i < words; i++, left -= 32) {
    uint32_t r = genrand_uint32(s);
    if (left < 32) r >>= (32 - left);
    w[i] = r;
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, size_t(words), -1, 4, 0, 0, w);
  Value v = int_from_mpz(z);
  mpz_clear(z);
  return v;
}
static Result<Value> random_getstate(Value* a, int64_t, Tuple*) {
  MTState* s = R(a[0])->st;
  Tuple* t = tuple_new(kN + 1);
  for (int i = 0; i < kN; i++) t->items[i] = Value::small(s->mt[i]);
  t->items[kN] = Value::small(s->index);
  return Value(t);
}
static Result<Value> random_setstate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setstate", n - 1, 1, 1));
  if (!is_tuple(a[1])) return raise(tp_TypeError, "state vector must be a tuple");
  Tuple* t = as_tuple(a[1]);
  if (t->size != kN + 1) return raise(tp_ValueError, "state vector is the wrong size");
  MTState tmp;
  for (int i = 0; i < kN; i++) {
    Value v = t->items[i];
    if (!is_int(v)) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    if (int_sign(v) < 0) return raise(tp_OverflowError, "can't convert negative int to unsigned");
    int64_t x;
    if (!int_fits_i64(v, &x)) {
      // Values up to 2**64 are accepted and truncated to 32 bits, like CPython.
      std::string hex = int_to_string(v, 16);
      if (hex.size() > 16) return raise(tp_OverflowError, "Python int too large to convert to C unsigned long");
      x = int64_t(std::stoull(hex, nullptr, 16));
    }
    tmp.mt[i] = uint32_t(uint64_t(x));
  }
  int64_t idx = TRY(as_index(t->items[kN]));
  if (idx < 0 || idx > kN) return raise(tp_ValueError, "invalid state");
  tmp.index = int(idx);
  *R(a[0])->st = tmp;
  return None();
}

static const MethodDef random_methods[] = {{"__new__", random_new, MethKind::Static},
                                           {"__init__", random_init},
                                           {"seed", random_seed},
                                           {"random", random_random},
                                           {"getrandbits", random_getrandbits},
                                           {"getstate", random_getstate},
                                           {"setstate", random_setstate},
                                           {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_random", nullptr, "Module implements the Mersenne Twister random number generator.");
  if (!tp_Random)
    tp_Random = native_type_new("_random", "Random", tp_object, Layout::Other, sizeof(RandomObj), random_methods);
  dict_set_str(m->dict, str_intern("Random"), Value(tp_Random));
  return Value(m);
}
GILPY_NATIVE_MODULE("_random", init);

}  // namespace gilpy
