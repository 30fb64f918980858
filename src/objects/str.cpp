// str core: construction, interning, hashing, comparison, indexing.
// The method set (str.split, str.format, ...) is in str_methods.cpp.
#include "objects/str.h"

#include <cstring>

#include "common/utf8.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "runtime/errors.h"

namespace gilpy {

Names N;
static Dict* g_interned;       // interned str -> itself
static Str* g_empty;
static Str* g_latin1[256];     // one-code-point strings below 256, shared

// Encode one code point (surrogates allowed, WTF-8 style) into buf; returns length.
int str_encode_cp(uint32_t cp, char* buf) {
  if (cp < 0x80) { buf[0] = char(cp); return 1; }
  if (cp < 0x800) { buf[0] = char(0xC0 | (cp >> 6)); buf[1] = char(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    buf[0] = char(0xE0 | (cp >> 12)); buf[1] = char(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = char(0x80 | (cp & 0x3F)); return 3;
  }
  buf[0] = char(0xF0 | (cp >> 18)); buf[1] = char(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = char(0x80 | ((cp >> 6) & 0x3F)); buf[3] = char(0x80 | (cp & 0x3F)); return 4;
}

Dict** str_dict_slot(Object* o) {
  Str* s = static_cast<Str*>(o);
  return reinterpret_cast<Dict**>(reinterpret_cast<char*>(s) + str_dict_offset(s->nbytes));
}

static Str* alloc_str(int64_t nbytes, int64_t capacity = 0) {
  if (capacity < nbytes) capacity = nbytes;
  Str* s = static_cast<Str*>(alloc_atomic_instance(tp_str, str_alloc_size(size_t(capacity))));
  s->hash = -1;
  s->nbytes = nbytes;
  s->data[nbytes] = 0;
  s->interned = false;
  return s;
}

static int64_t count_cps(const char* p, int64_t n, bool* ascii) {
  int64_t cps = 0;
  bool a = true;
  for (int64_t i = 0; i < n; i++) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80) a = false;
    if ((c & 0xC0) != 0x80) cps++;
  }
  *ascii = a;
  return cps;
}

Str* str_new(std::string_view u) {
  if (u.empty() && g_empty) return g_empty;
  if (u.size() == 1 && static_cast<unsigned char>(u[0]) < 0x80 && g_latin1[static_cast<unsigned char>(u[0])])
    return g_latin1[static_cast<unsigned char>(u[0])];
  Str* s = alloc_str(int64_t(u.size()));
  std::memcpy(s->data, u.data(), u.size());
  bool ascii;
  s->length = count_cps(u.data(), int64_t(u.size()), &ascii);
  s->ascii = ascii;
  return s;
}

Str* str_new_ascii(std::string_view u) {
  Str* s = alloc_str(int64_t(u.size()));
  std::memcpy(s->data, u.data(), u.size());
  s->length = int64_t(u.size());
  s->ascii = true;
  return s;
}

Str* str_from_cp(uint32_t cp) {
  if (cp < 256 && g_latin1[cp]) return g_latin1[cp];
  char buf[4];
  int n = str_encode_cp(cp, buf);
  return str_new(std::string_view(buf, size_t(n)));
}

Str* str_empty() { return g_empty; }
Value str_value(std::string_view u) { return Value(str_new(u)); }

Str* str_intern(Str* s) {
  if (s->interned) return s;
  if (s->type != tp_str) s = str_new(s->view());
  Value v = dict_get_str(g_interned, s);
  if (v) return as_str(v);
  s->interned = true;
  dict_set_str(g_interned, s, s);
  return s;
}

Str* str_intern(std::string_view u) {
  Str* tmp = str_new(u);
  if (tmp->interned) return tmp;
  return str_intern(tmp);
}

// FNV-1a over the bytes from a per-process starting state, finished with a
// multiply-xorshift mix. The state comes from PYTHONHASHSEED (random unless
// fixed, as in CPython, so set iteration orders differ between runs); seed 0
// is the unseeded hash. It is set once, before the first string is hashed.
// Empty strings hash to 0, as in CPython. Equal strings hash equal; -1 is
// reserved as "not computed".
static uint64_t g_hash_start = 1469598103934665603ull;
static uint64_t g_hash_final = 0;
void str_set_hash_seed(uint64_t seed) {
  uint64_t x = seed * 0x9E3779B97F4A7C15ull;
  g_hash_start = 1469598103934665603ull ^ x;
  g_hash_final = seed ? (x ^ (x >> 31)) * 0xD6E8FEB86659FD93ull : 0;
}
int64_t hash_bytes(const char* data, int64_t n) {
  if (n == 0) return 0;
  uint64_t h = g_hash_start;
  for (int64_t i = 0; i < n; i++) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 1099511628211ull;
  }
  h ^= g_hash_final;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  int64_t r = int64_t(h >> 1);  // non-negative, so never the -1 marker
  return r;
}

int64_t str_hash(Str* s) {
  if (s->hash != -1) return s->hash;
  s->hash = hash_bytes(s->data, s->nbytes);
  return s->hash;
}

bool str_eq(Str* a, Str* b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return std::memcmp(a->data, b->data, size_t(a->nbytes)) == 0;
}

int64_t str_offset(Str* s, int64_t i) {
  if (s->ascii) return i;
  const char* p = s->data;
  int64_t off = 0;
  while (i > 0 && off < s->nbytes) {
    off++;
    while (off < s->nbytes && (static_cast<unsigned char>(p[off]) & 0xC0) == 0x80) off++;
    i--;
  }
  return off;
}

uint32_t str_char_at(Str* s, int64_t i) {
  if (s->ascii) return static_cast<unsigned char>(s->data[i]);
  int64_t off = str_offset(s, i);
  return utf8::decode(s->view(), size_t(off), true).cp;
}

Str* str_substr(Str* s, int64_t start, int64_t stop) {
  if (start >= stop) return g_empty;
  if (start == 0 && stop == s->length) return s;
  if (s->ascii) {
    if (stop - start == 1) return str_from_cp(static_cast<unsigned char>(s->data[start]));
    return str_new_ascii(std::string_view(s->data + start, size_t(stop - start)));
  }
  int64_t a = str_offset(s, start);
  int64_t b = a;
  const char* p = s->data;
  for (int64_t k = start; k < stop && b < s->nbytes; k++) {
    b++;
    while (b < s->nbytes && (static_cast<unsigned char>(p[b]) & 0xC0) == 0x80) b++;
  }
  return str_new(std::string_view(p + a, size_t(b - a)));
}

Str* str_concat(Str* a, Str* b) {
  if (a->nbytes == 0 && b->type == tp_str) return b;
  if (b->nbytes == 0 && a->type == tp_str) return a;
  Str* s = alloc_str(a->nbytes + b->nbytes);
  std::memcpy(s->data, a->data, size_t(a->nbytes));
  std::memcpy(s->data + a->nbytes, b->data, size_t(b->nbytes));
  s->length = a->length + b->length;
  s->ascii = a->ascii && b->ascii;
  return s;
}

// Bytes the block of s can hold (the collector rounds allocations up).
static int64_t str_capacity(Str* s) {
  size_t header = size_t(reinterpret_cast<char*>(s->data) - reinterpret_cast<char*>(s));
  return int64_t(GC_size(s) - header) - 1;
}

Str* str_builder_concat(Str* a, Str* b, bool extend) {
  int64_t n = a->nbytes + b->nbytes;
  if (extend && n <= str_capacity(a)) {
    std::memcpy(a->data + a->nbytes, b->data, size_t(b->nbytes));
    a->nbytes = n;
    a->data[n] = 0;
    a->length += b->length;
    a->ascii = a->ascii && b->ascii;
    a->hash = -1;
    return a;
  }
  // A builder that outgrew its block grows geometrically; a first
  // concatenation gets no slack (most `x += y` run once, not in a loop).
  Str* s = alloc_str(n, extend ? n + n / 2 + 32 : n);
  std::memcpy(s->data, a->data, size_t(a->nbytes));
  std::memcpy(s->data + a->nbytes, b->data, size_t(b->nbytes));
  s->length = a->length + b->length;
  s->ascii = a->ascii && b->ascii;
  return s;
}

void init_names() {
  g_interned = dict_new();
  g_empty = alloc_str(0);
  g_empty->length = 0;
  g_empty->ascii = true;
  for (uint32_t c = 0; c < 256; c++) {
    char buf[4];
    int n = str_encode_cp(c, buf);
    Str* s = alloc_str(n);
    std::memcpy(s->data, buf, size_t(n));
    s->length = 1;
    s->ascii = c < 0x80;
    g_latin1[c] = s;
  }
  g_empty = str_intern(g_empty);
  for (uint32_t c = 0; c < 128; c++) g_latin1[c] = str_intern(g_latin1[c]);
#define GILPY_INIT_NAME(n) N.n = str_intern(#n);
  GILPY_NAMES(GILPY_INIT_NAME)
#undef GILPY_INIT_NAME
#define GILPY_INIT_NAME2(f, text) N.f = str_intern(text);
  GILPY_NAMES_RENAMED(GILPY_INIT_NAME2)
#undef GILPY_INIT_NAME2
}

}  // namespace gilpy
