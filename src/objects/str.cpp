// str core: construction, interning, hashing, comparison, indexing.
// The method set (str.split, str.format, ...) is in str_methods.cpp.
#include "objects/str.h"

#include <cstring>

#include "common/siphash.h"
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

// Hashes are CPython's: SipHash-1-3 (common/siphash.h) keyed by the first 16
// bytes of the hash secret, which PYTHONHASHSEED=N fills with CPython's linear
// congruential generator (x = x * 214013 + 2531011, one byte (x >> 16) & 0xff
// per step), all zero for N = 0, and random bytes otherwise. A str hashes the
// code units CPython stores it in (PEP 393: one byte per character when all
// are below U+0100, two below U+10000, else four, little-endian), so the
// values equal CPython's for the same seed. Empty data hashes to 0; -1 (the
// "not computed" marker) becomes -2, as in CPython.
static uint64_t g_k0 = 0, g_k1 = 0;
void str_set_hash_seed(uint64_t seed, bool from_env) {
  if (!from_env) {  // a random 64-bit value: spread it over both keys
    g_k0 = seed;
    uint64_t x = seed + 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    g_k1 = x ^ (x >> 31);
    return;
  }
  unsigned char secret[16] = {};
  if (seed) {
    uint32_t x = uint32_t(seed);
    for (unsigned char& b : secret) {
      x = x * 214013u + 2531011u;
      b = static_cast<unsigned char>((x >> 16) & 0xff);
    }
  }
  g_k0 = g_k1 = 0;
  for (int i = 7; i >= 0; i--) g_k0 = (g_k0 << 8) | secret[i];
  for (int i = 15; i >= 8; i--) g_k1 = (g_k1 << 8) | secret[i];
}
static int64_t finish_hash(SipHash13& h) {
  int64_t r = int64_t(h.finish());
  return r == -1 ? -2 : r;
}
int64_t hash_bytes(const char* data, int64_t n) {
  if (n == 0) return 0;
  SipHash13 h(g_k0, g_k1);
  h.update(reinterpret_cast<const unsigned char*>(data), size_t(n));
  return finish_hash(h);
}
int64_t hash_text(const char* data, int64_t n) {
  if (n == 0) return 0;
  uint32_t maxcp = 0;
  for (int64_t i = 0; i < n; i++)
    if (static_cast<unsigned char>(data[i]) >= 0x80) { maxcp = 0x80; break; }
  if (maxcp == 0) return hash_bytes(data, n);  // ASCII: UTF-8 is the latin-1 form
  std::string_view v(data, size_t(n));
  for (size_t i = 0; i < v.size();) {
    utf8::Decoded d = utf8::decode(v, i, true);
    if (d.cp > maxcp) maxcp = d.cp;
    i += size_t(d.len > 0 ? d.len : 1);
  }
  int width = maxcp < 0x100 ? 1 : maxcp < 0x10000 ? 2 : 4;
  SipHash13 h(g_k0, g_k1);
  for (size_t i = 0; i < v.size();) {
    utf8::Decoded d = utf8::decode(v, i, true);
    uint32_t cp = d.cp;
    for (int b = 0; b < width; b++) h.update_byte(static_cast<unsigned char>(cp >> (8 * b)));
    i += size_t(d.len > 0 ? d.len : 1);
  }
  return finish_hash(h);
}

int64_t str_hash(Str* s) {
  if (s->hash != -1) return s->hash;
  s->hash = s->ascii ? hash_bytes(s->data, s->nbytes) : hash_text(s->data, s->nbytes);
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
