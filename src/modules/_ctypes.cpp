// _ctypes_native: the machine half of ctypes (docs/decisions/0022-ctypes.md).
//
// CPython's ctypes package imports `_ctypes`. In gilpy that module is Python
// (src/lib/_ctypes.py): the metaclasses, Structure layout, arrays, pointers,
// argument conversion and the keep-alive bookkeeping (`_objects`) are written
// there. This native module gives it what Python cannot do:
//   * `CDataBase`, the base of every ctypes instance: a pointer to its memory
//     (a zeroed, atomic collector block it owns, or memory it only points
//     into), `_objects`, `_b_base_`, and the buffer export (memoryview,
//     bytes(), from_buffer of a ctypes instance reach that memory);
//   * typed loads and stores at raw addresses (mem_get/mem_set, bit fields,
//     swapped byte order), memmove/memset/string_at;
//   * dlopen/dlsym, foreign calls through libffi (the GIL is released around
//     calls unless the function is a PYFUNCTYPE/PyDLL one) and callbacks
//     (libffi closures that take the GIL, attaching a thread gilpy did not
//     start when needed);
//   * the C functions ctypes/__init__.py calls by address (_cast_addr,
//     _string_at_addr, _wstring_at_addr, _memmove_addr, _memset_addr).
//
// Type codes are CPython's _type_ letters: c b B h H i I l L q Q f d g ? u z Z P O.
#include <dlfcn.h>
#include <ffi.h>
#include <pthread.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <gmp.h>

#include "common/utf8.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

namespace {

// ---- ctypes instances -----------------------------------------------------------------------
struct CData : Object {
  Dict* dict;       // instance attributes (every ctypes class has a __dict__)
  char* ptr;        // the memory: an owned atomic block, or someone else's
  int64_t size;
  Value objects;    // _objects: null reads as None
  Value base;       // _b_base_: the instance whose memory this one points into
  ByteArray* hdr;   // buffer-export header over ptr/size, made on first export
  int64_t index;    // where in _b_base_ (the key of _objects entries)
  bool needsfree;   // _b_needsfree_: ptr is our own block
};

Type* tp_cdata;

bool is_cdata(Value v) { return v.is_obj() && isinstance(v, tp_cdata); }
CData* CD(Value v) { return v.as<CData>(); }

Result<CData*> self_cdata(Value v) {
  if (!is_cdata(v)) return raise(tp_TypeError, "expected a ctypes instance");
  return CD(v);
}

Result<uintptr_t> as_address(Value v) {
  if (is_none(v)) return uintptr_t(0);
  if (!is_int(v)) return raise_fmt(tp_TypeError, "integer address expected, not %s", type_name(v));
  if (v.is_small()) return uintptr_t(v.as_small());
  mpz_t z, r;
  int_to_mpz(v, z);
  mpz_init(r);
  mpz_fdiv_r_2exp(r, z, 64);
  uintptr_t u = mpz_get_ui(r);
  mpz_clear(z);
  mpz_clear(r);
  return u;
}

Value addr_value(const void* p) { return int_from_u64(uint64_t(uintptr_t(p))); }

Result<Value> cdata_new(Value* a, int64_t n, Tuple*) {
  if (n < 1 || !is_type(a[0])) return raise(tp_TypeError, "CDataBase.__new__(X): X is not a type object");
  CData* c = static_cast<CData*>(alloc_instance(as_type(a[0]), sizeof(CData)));
  return Value(c);
}

// cd_alloc(obj, size): own a fresh zeroed block (at least one byte, 16-aligned).
Result<Value> cdata_alloc(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("cd_alloc", n - 1, 1, 1));
  CData* c = TRY(self_cdata(a[0]));
  int64_t size = TRY(as_index(a[1]));
  if (size < 0) return raise(tp_ValueError, "negative size");
  void* p = gc::alloc_atomic(size_t(size ? size : 1));
  std::memset(p, 0, size_t(size ? size : 1));
  c->ptr = static_cast<char*>(p);
  c->size = size;
  c->needsfree = true;
  c->hdr = nullptr;
  return None();
}

// cd_at(obj, address, size, base, index): point into memory owned elsewhere.
Result<Value> cdata_at(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("cd_at", n - 1, 4, 4));
  CData* c = TRY(self_cdata(a[0]));
  c->ptr = reinterpret_cast<char*>(TRY(as_address(a[1])));
  c->size = TRY(as_index(a[2]));
  c->base = is_none(a[3]) ? Value() : a[3];
  c->index = TRY(as_index(a[4]));
  c->needsfree = false;
  c->hdr = nullptr;
  return None();
}

// cd_resize(obj, size): a larger owned block with the old contents (ctypes.resize).
Result<Value> cdata_resize(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("cd_resize", n - 1, 1, 1));
  CData* c = TRY(self_cdata(a[0]));
  int64_t size = TRY(as_index(a[1]));
  if (size <= c->size) {
    c->size = size;  // (callers only shrink back to at least the type's size)
  } else {
    char* p = static_cast<char*>(gc::alloc_atomic(size_t(size)));
    std::memset(p, 0, size_t(size));
    std::memcpy(p, c->ptr, size_t(c->size));
    c->ptr = p;
    c->size = size;
    c->needsfree = true;
  }
  if (c->hdr) {
    c->hdr->data = c->ptr;
    c->hdr->size = c->hdr->capacity = c->size;
  }
  return None();
}

Result<Value> cdata_setobjects(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("cd_setobjects", n - 1, 1, 1));
  CData* c = TRY(self_cdata(a[0]));
  c->objects = is_none(a[1]) ? Value() : a[1];
  return None();
}

Result<Value> get_objects(Value self) { return CD(self)->objects ? CD(self)->objects : None(); }
Result<Value> get_b_base(Value self) { return CD(self)->base ? CD(self)->base : None(); }
Result<Value> get_needsfree(Value self) { return Value::small(CD(self)->needsfree ? 1 : 0); }

// install(name, value): the Python half of _ctypes adds its methods to _CData.
Result<Value> m_install(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("install", n, 2, 2));
  if (!is_str(a[0])) return raise(tp_TypeError, "name must be a str");
  dict_set_str(tp_cdata->dict, str_intern(as_str(a[0])), a[1]);
  type_modified(tp_cdata);
  return None();
}

// memoryview(x), bytes(x), struct.pack_into(..., x, ...) and friends: the
// instance's memory as unsigned bytes. The header never reallocates (exports
// stays nonzero), like mmap's.
bool cdata_export(Value v, BufferExport* out) {
  if (!tp_cdata || !is_cdata(v)) return false;
  CData* c = CD(v);
  if (!c->hdr) {
    ByteArray* h = bytearray_new();
    h->exports = 1;
    c->hdr = h;
  }
  c->hdr->data = c->ptr;
  c->hdr->size = c->hdr->capacity = c->size;
  out->storage = c->hdr;
  out->format = 'B';
  out->itemsize = 1;
  out->owner = v;
  return true;
}

const MethodDef cdata_methods[] = {{"__new__", cdata_new, MethKind::Static}, {nullptr, nullptr}};
const GetSetDef cdata_getsets[] = {
    {"_objects", get_objects}, {"_b_base_", get_b_base}, {"_b_needsfree_", get_needsfree}, {nullptr, nullptr}};

// address(obj), size(obj), index(obj): the instance's memory, its size, its
// index in _b_base_ (functions, so that instances show only CPython's attributes).
Result<Value> m_address(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("address", n, 1, 1));
  return addr_value(TRY(self_cdata(a[0]))->ptr);
}
Result<Value> m_size(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("size", n, 1, 1));
  return int_from_i64(TRY(self_cdata(a[0]))->size);
}
Result<Value> m_index(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("index", n, 1, 1));
  return int_from_i64(TRY(self_cdata(a[0]))->index);
}

// ---- typed loads and stores ------------------------------------------------------------------
int64_t code_size(char c) {
  switch (c) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'v': return 2;
    case 'i': case 'I': case 'f': case 'u': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': case 'z': case 'Z': case 'P': case 'O': return 8;
    case 'g': return 16;
    default: return 0;
  }
}
bool code_signed(char c) { return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q'; }

Result<char> code_of(Value v) {
  if (!is_str(v) || as_str(v)->nbytes != 1) return raise(tp_ValueError, "bad type code");
  char c = as_str(v)->data[0];
  if (!code_size(c)) return raise_fmt(tp_ValueError, "bad type code '%c'", c);
  return c;
}

void swap_bytes(char* p, int64_t n) {
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) std::swap(p[i], p[j]);
}

uint64_t load_uint(const char* p, int64_t n) {
  switch (n) {
    case 1: { uint8_t v; std::memcpy(&v, p, 1); return v; }
    case 2: { uint16_t v; std::memcpy(&v, p, 2); return v; }
    case 4: { uint32_t v; std::memcpy(&v, p, 4); return v; }
    default: { uint64_t v; std::memcpy(&v, p, 8); return v; }
  }
}
void store_uint(char* p, int64_t n, uint64_t v) {
  switch (n) {
    case 1: { uint8_t x = uint8_t(v); std::memcpy(p, &x, 1); break; }
    case 2: { uint16_t x = uint16_t(v); std::memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = uint32_t(v); std::memcpy(p, &x, 4); break; }
    default: std::memcpy(p, &v, 8); break;
  }
}
int64_t sign_extend(uint64_t v, int bits) {
  if (bits >= 64) return int64_t(v);
  uint64_t m = uint64_t(1) << (bits - 1);
  v &= (uint64_t(1) << bits) - 1;
  return int64_t((v ^ m) - m);
}

// The low 64 bits of an integer-like value, as CPython's integer setters take
// them (no overflow check: c_byte(256).value == 0).
Result<uint64_t> int_mask(Value v) {
  Value i = TRY(index_value(v));
  if (i.is_small()) return uint64_t(i.as_small());
  mpz_t z, r;
  int_to_mpz(i, z);
  mpz_init(r);
  mpz_fdiv_r_2exp(r, z, 64);
  uint64_t u = mpz_get_ui(r);
  mpz_clear(z);
  mpz_clear(r);
  return u;
}

Value int_for(char code, uint64_t raw) {
  int64_t n = code_size(code);
  if (code_signed(code)) return int_from_i64(sign_extend(raw, int(n * 8)));
  return int_from_u64(raw);
}

Result<Value> load(const char* p, char code, bool swap) {
  char tmp[16];
  int64_t n = code_size(code);
  if (swap && n > 1) {
    std::memcpy(tmp, p, size_t(n));
    swap_bytes(tmp, n);
    p = tmp;
  }
  switch (code) {
    case 'c': return bytes_from(std::string_view(p, 1));
    case '?': return Bool(*p != 0);
    case 'v': return Bool(load_uint(p, 2) != 0);
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l': case 'L': case 'q': case 'Q':
      return int_for(code, load_uint(p, n));
    case 'f': { float f; std::memcpy(&f, p, 4); return float_new(double(f)); }
    case 'd': { double d; std::memcpy(&d, p, 8); return float_new(d); }
    case 'g': { long double d; std::memcpy(&d, p, sizeof d); return float_new(double(d)); }
    case 'u': {
      uint32_t cp;
      std::memcpy(&cp, p, 4);
      if (cp > 0x10FFFF) return raise_fmt(tp_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", cp);
      return Value(str_from_cp(cp));
    }
    case 'z': {
      const char* s;
      std::memcpy(&s, p, 8);
      if (!s) return None();
      return bytes_from(std::string_view(s, std::strlen(s)));
    }
    case 'Z': {
      const wchar_t* s;
      std::memcpy(&s, p, 8);
      if (!s) return None();
      std::string u;
      for (; *s; s++) {
        char buf[4];
        u.append(buf, size_t(str_encode_cp(uint32_t(*s), buf)));
      }
      return str_value(u);
    }
    case 'P': {
      uintptr_t a;
      std::memcpy(&a, p, 8);
      if (!a) return None();
      return int_from_u64(a);
    }
    case 'O': {
      uintptr_t a;
      std::memcpy(&a, p, 8);
      if (!a) return raise(tp_ValueError, "PyObject is NULL");
      return Value::from_bits(a);
    }
  }
  return raise(tp_SystemError, "bad type code");
}

// A NUL-terminated wchar_t copy of a str, in an atomic block held by the returned bytes.
Value wide_copy(Str* s, const wchar_t** out) {
  std::u32string w;
  std::string_view v = s->view();
  w.reserve(size_t(s->length) + 1);
  for (size_t pos = 0; pos < v.size();) {
    utf8::Decoded d = utf8::decode(v, pos, true);
    w.push_back(d.cp);
    pos += size_t(d.len);
  }
  w.push_back(0);
  Value b = bytes_from(std::string_view(reinterpret_cast<const char*>(w.data()), w.size() * 4));
  *out = reinterpret_cast<const wchar_t*>(static_cast<Bytes*>(b.obj())->data);
  return b;
}

// Store v; returns what must be kept alive for the stored pointer (or None).
Result<Value> store(char* p, char code, Value v, bool swap) {
  char tmp[16];
  int64_t n = code_size(code);
  char* dst = p;
  if (swap && n > 1) dst = tmp;
  Value keep = None();
  switch (code) {
    case 'c': {
      if (has_layout(v, Layout::Bytes) || has_layout(v, Layout::ByteArray)) {
        std::string_view bv = TRY(buffer_view(v));
        if (bv.size() != 1) return raise(tp_TypeError, "one character bytes, bytearray or integer expected");
        *dst = bv[0];
      } else if (is_int(v)) {
        int64_t x;
        if (!int_fits_i64(v, &x) || x < 0 || x > 255)
          return raise(tp_TypeError, "one character bytes, bytearray or integer expected");
        *dst = char(x);
      } else {
        return raise(tp_TypeError, "one character bytes, bytearray or integer expected");
      }
      break;
    }
    case '?': {
      bool b = TRY(truthy(v));
      *dst = b ? 1 : 0;
      break;
    }
    case 'v': {  // VARIANT_BOOL: -1 for true
      bool b = TRY(truthy(v));
      store_uint(dst, 2, b ? 0xFFFF : 0);
      break;
    }
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l': case 'L': case 'q': case 'Q':
      store_uint(dst, n, TRY(int_mask(v)));
      break;
    case 'f': case 'd': case 'g': {
      if (!is_float(v) && !is_int(v) && !lookup_special(v, N.__float__)) {
        if (exc_pending()) return ERR;
        if (!lookup_special(v, N.__index__))
          return raise_fmt(tp_TypeError, "must be real number, not %s", type_name(v));
      }
      double d = TRY(to_double(v));
      if (code == 'f') { float f = float(d); std::memcpy(dst, &f, 4); }
      else if (code == 'd') std::memcpy(dst, &d, 8);
      else { long double ld = d; std::memset(dst, 0, 16); std::memcpy(dst, &ld, 10); }
      break;
    }
    case 'u': {
      if (!is_str(v)) return raise_fmt(tp_TypeError, "unicode string expected instead of %s instance", type_name(v));
      if (as_str(v)->length != 1) return raise(tp_TypeError, "one character unicode string expected");
      uint32_t cp = str_char_at(as_str(v), 0);
      std::memcpy(dst, &cp, 4);
      break;
    }
    case 'z': {
      const char* s = nullptr;
      if (is_none(v)) {
      } else if (has_layout(v, Layout::Bytes)) {
        s = static_cast<Bytes*>(v.obj())->data;
        keep = v;
      } else if (is_int(v)) {
        s = reinterpret_cast<const char*>(TRY(as_address(v)));
      } else {
        return raise_fmt(tp_TypeError, "bytes or integer address expected instead of %s instance", type_name(v));
      }
      std::memcpy(dst, &s, 8);
      break;
    }
    case 'Z': {
      const wchar_t* s = nullptr;
      if (is_none(v)) {
      } else if (is_str(v)) {
        keep = wide_copy(as_str(v), &s);
      } else if (is_int(v)) {
        s = reinterpret_cast<const wchar_t*>(TRY(as_address(v)));
      } else {
        return raise_fmt(tp_TypeError, "unicode string or integer address expected instead of %s instance",
                         type_name(v));
      }
      std::memcpy(dst, &s, 8);
      break;
    }
    case 'P': {
      uintptr_t a;
      if (is_none(v)) a = 0;
      else if (is_int(v)) a = TRY(as_address(v));
      else return raise(tp_TypeError, "cannot be converted to pointer");
      std::memcpy(dst, &a, 8);
      break;
    }
    case 'O': {
      uintptr_t a = v.bits();
      std::memcpy(dst, &a, 8);
      keep = v;
      break;
    }
    default:
      return raise(tp_SystemError, "bad type code");
  }
  if (dst != p) {
    swap_bytes(tmp, n);
    std::memcpy(p, tmp, size_t(n));
  }
  return keep;
}

// mem_get(address, code, swapped=False)
Result<Value> m_mem_get(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("mem_get", n, 2, 3));
  uintptr_t addr = TRY(as_address(a[0]));
  char code = TRY(code_of(a[1]));
  bool swap = n > 2 && TRY(truthy(a[2]));
  return load(reinterpret_cast<const char*>(addr), code, swap);
}

// mem_set(address, code, value, swapped=False) -> object to keep alive, or None
Result<Value> m_mem_set(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("mem_set", n, 3, 4));
  uintptr_t addr = TRY(as_address(a[0]));
  char code = TRY(code_of(a[1]));
  bool swap = n > 3 && TRY(truthy(a[3]));
  return store(reinterpret_cast<char*>(addr), code, a[2], swap);
}

// mem_get_bits(address, code, bit_offset, bit_count, swapped)
Result<Value> m_mem_get_bits(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("mem_get_bits", n, 5, 5));
  char* p = reinterpret_cast<char*>(TRY(as_address(a[0])));
  char code = TRY(code_of(a[1]));
  int64_t off = TRY(as_index(a[2])), bits = TRY(as_index(a[3]));
  bool swap = TRY(truthy(a[4]));
  int64_t sz = code_size(code);
  if (sz > 8 || off < 0 || off >= 64 || bits < 1 || bits > 64) return raise(tp_ValueError, "bad bit field");
  char tmp[8] = {};
  std::memcpy(tmp, p, size_t(sz));
  if (swap) swap_bytes(tmp, sz);
  uint64_t raw = load_uint(tmp, sz) >> off;
  if (bits < 64) raw &= (uint64_t(1) << bits) - 1;
  if (code == '?') return Bool(raw != 0);
  if (code_signed(code) || code == 'c') return int_from_i64(sign_extend(raw, int(bits)));
  return int_from_u64(raw);
}

// mem_set_bits(address, code, value, bit_offset, bit_count, swapped)
Result<Value> m_mem_set_bits(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("mem_set_bits", n, 6, 6));
  char* p = reinterpret_cast<char*>(TRY(as_address(a[0])));
  char code = TRY(code_of(a[1]));
  uint64_t v;
  if (code == '?') v = TRY(truthy(a[2])) ? 1 : 0;
  else v = TRY(int_mask(a[2]));
  int64_t off = TRY(as_index(a[3])), bits = TRY(as_index(a[4]));
  bool swap = TRY(truthy(a[5]));
  int64_t sz = code_size(code);
  if (sz > 8 || off < 0 || off >= 64 || bits < 1 || bits > 64) return raise(tp_ValueError, "bad bit field");
  char tmp[8] = {};
  std::memcpy(tmp, p, size_t(sz));
  if (swap) swap_bytes(tmp, sz);
  uint64_t raw = load_uint(tmp, sz);
  uint64_t mask = (bits < 64 ? ((uint64_t(1) << bits) - 1) : ~uint64_t(0)) << off;
  raw = (raw & ~mask) | ((v << off) & mask);
  store_uint(tmp, sz, raw);
  if (swap) swap_bytes(tmp, sz);
  std::memcpy(p, tmp, size_t(sz));
  return None();
}

// string_at(address, size=-1) -> bytes
Result<Value> m_string_at(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("string_at", n, 1, 2));
  const char* p = reinterpret_cast<const char*>(TRY(as_address(a[0])));
  int64_t size = n > 1 ? TRY(as_index(a[1])) : -1;
  if (!p) return raise(tp_ValueError, "NULL pointer access");
  if (size < 0) size = int64_t(std::strlen(p));
  return bytes_from(std::string_view(p, size_t(size)));
}

Result<Value> wstring_value(const wchar_t* p, int64_t size) {
  if (size < 0) size = int64_t(wcslen(p));
  std::string u;
  for (int64_t i = 0; i < size; i++) {
    uint32_t cp = uint32_t(p[i]);
    if (cp > 0x10FFFF) return raise_fmt(tp_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", cp);
    char buf[4];
    u.append(buf, size_t(str_encode_cp(cp, buf)));
  }
  return str_value(u);
}

Result<Value> m_wstring_at(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("wstring_at", n, 1, 2));
  const wchar_t* p = reinterpret_cast<const wchar_t*>(TRY(as_address(a[0])));
  int64_t size = n > 1 ? TRY(as_index(a[1])) : -1;
  if (!p) return raise(tp_ValueError, "NULL pointer access");
  return wstring_value(p, size);
}

// memmove(dst, src, n) / memset(dst, byte, n) on addresses (the Python layer's own use).
Result<Value> m_memmove(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("memmove", n, 3, 3));
  void* d = reinterpret_cast<void*>(TRY(as_address(a[0])));
  const void* s = reinterpret_cast<const void*>(TRY(as_address(a[1])));
  int64_t k = TRY(as_index(a[2]));
  if (k > 0) std::memmove(d, s, size_t(k));
  return None();
}

Result<Value> m_memset(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("memset", n, 3, 3));
  void* d = reinterpret_cast<void*>(TRY(as_address(a[0])));
  int64_t c = TRY(as_index(a[1])), k = TRY(as_index(a[2]));
  if (k > 0) std::memset(d, int(c), size_t(k));
  return None();
}

// buffer_address(obj, writable) -> (address, size): the memory of a bytes-like object.
Result<Value> m_buffer_address(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("buffer_address", n, 2, 2));
  bool writable = TRY(truthy(a[1]));
  if (is_cdata(a[0])) return Value(tuple_of({addr_value(CD(a[0])->ptr), int_from_i64(CD(a[0])->size)}));
  if (writable) {
    char* p;
    int64_t size;
    if (!writable_buffer(a[0], &p, &size)) {
      std::string_view sv;
      if (buffer_view_opt(a[0], &sv)) return raise(tp_TypeError, "underlying buffer is not writable");
      return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(a[0]));
    }
    return Value(tuple_of({addr_value(p), int_from_i64(size)}));
  }
  std::string_view sv = TRY(buffer_view(a[0]));
  return Value(tuple_of({addr_value(sv.data()), int_from_i64(int64_t(sv.size()))}));
}

// Address of a bytes object's data (c_char_p from bytes, byref of bytes arguments).
Result<Value> m_bytes_address(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("bytes_address", n, 1, 1));
  if (!has_layout(a[0], Layout::Bytes)) return raise(tp_TypeError, "bytes expected");
  return addr_value(static_cast<Bytes*>(a[0].obj())->data);
}

// wide_buffer(str) -> (keep, address): a NUL-terminated wchar_t copy.
Result<Value> m_wide_buffer(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("wide_buffer", n, 1, 1));
  if (!is_str(a[0])) return raise(tp_TypeError, "str expected");
  const wchar_t* p;
  Value keep = wide_copy(as_str(a[0]), &p);
  return Value(tuple_of({keep, addr_value(p)}));
}

// object_address(obj) / object_at(address): py_object storage is the object's Value word.
Result<Value> m_object_word(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("object_word", n, 1, 1));
  return int_from_u64(a[0].bits());
}
Result<Value> m_object_at(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("object_at", n, 1, 1));
  uintptr_t w = TRY(as_address(a[0]));
  if (!w) return raise(tp_ValueError, "PyObject is NULL");
  return Value::from_bits(w);
}

// ---- errno --------------------------------------------------------------------------------
thread_local int t_ctypes_errno = 0;

Result<Value> m_get_errno(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("get_errno", n, 0, 0));
  return Value::small(t_ctypes_errno);
}
Result<Value> m_set_errno(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("set_errno", n, 1, 1));
  int v = TRY(as_c_int(a[0]));
  int old = t_ctypes_errno;
  t_ctypes_errno = v;
  return Value::small(old);
}

// ---- dlopen / dlsym ---------------------------------------------------------------------------
Result<Value> m_dlopen(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("dlopen", n, 0, 2));
  std::string name;
  bool null_name = n < 1 || is_none(a[0]);
  if (!null_name) {
    if (!is_str(a[0])) {
      Value fs = TRY(call_method0(a[0], str_intern("__fspath__")));
      if (!is_str(fs)) return raise(tp_TypeError, "expected str");
      name = std::string(as_str(fs)->view());
    } else {
      name = std::string(as_str(a[0])->view());
    }
  }
  int mode = n > 1 ? TRY(as_c_int(a[1])) : (RTLD_NOW | RTLD_LOCAL);
  if (!(mode & (RTLD_NOW | RTLD_LAZY))) mode |= RTLD_NOW;
  void* h;
  {
    gil::ReleaseGil nogil(gil::Block::File);
    h = ::dlopen(null_name ? nullptr : name.c_str(), mode);
  }
  if (!h) {
    const char* e = ::dlerror();
    return raise(tp_OSError, e ? e : "dlopen() error");
  }
  return addr_value(h);
}

Result<Value> m_dlclose(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("dlclose", n, 1, 1));
  void* h = reinterpret_cast<void*>(TRY(as_address(a[0])));
  if (::dlclose(h)) {
    const char* e = ::dlerror();
    return raise(tp_OSError, e ? e : "dlclose() error");
  }
  return None();
}

// dlsym(handle, name) -> address; OSError with dlerror()'s text when missing.
Result<Value> m_dlsym(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("dlsym", n, 2, 2));
  void* h = reinterpret_cast<void*>(TRY(as_address(a[0])));
  if (!is_str(a[1])) return raise(tp_TypeError, "dlsym() argument 2 must be str");
  std::string name(as_str(a[1])->view());
  ::dlerror();
  void* p = ::dlsym(h ? h : RTLD_DEFAULT, name.c_str());
  if (!p) {
    const char* e = ::dlerror();
    return raise(tp_OSError, e ? e : (name + ": symbol not found").c_str());
  }
  return addr_value(p);
}

// ---- libffi types ---------------------------------------------------------------------------
// gilpy's own descriptions of the scalar types (the same contents as libffi's
// ffi_type_sint32 and friends): the lazily bound library exports those as data
// objects, which the lazy-binding stubs cannot reach (decision 0021).
ffi_type t_void = {1, 1, FFI_TYPE_VOID, nullptr};
ffi_type t_u8 = {1, 1, FFI_TYPE_UINT8, nullptr};
ffi_type t_s8 = {1, 1, FFI_TYPE_SINT8, nullptr};
ffi_type t_u16 = {2, 2, FFI_TYPE_UINT16, nullptr};
ffi_type t_s16 = {2, 2, FFI_TYPE_SINT16, nullptr};
ffi_type t_u32 = {4, 4, FFI_TYPE_UINT32, nullptr};
ffi_type t_s32 = {4, 4, FFI_TYPE_SINT32, nullptr};
ffi_type t_u64 = {8, 8, FFI_TYPE_UINT64, nullptr};
ffi_type t_s64 = {8, 8, FFI_TYPE_SINT64, nullptr};
ffi_type t_float = {4, 4, FFI_TYPE_FLOAT, nullptr};
ffi_type t_double = {8, 8, FFI_TYPE_DOUBLE, nullptr};
ffi_type t_ldouble = {16, 16, FFI_TYPE_LONGDOUBLE, nullptr};
ffi_type t_pointer = {8, 8, FFI_TYPE_POINTER, nullptr};

ffi_type* scalar_ffi(char c) {
  switch (c) {
    case 'c': case 'b': return &t_s8;
    case 'B': case '?': return &t_u8;
    case 'h': return &t_s16;
    case 'H': return &t_u16;
    case 'i': case 'u': return &t_s32;
    case 'I': return &t_u32;
    case 'l': case 'q': return &t_s64;
    case 'L': case 'Q': return &t_u64;
    case 'f': return &t_float;
    case 'd': return &t_double;
    case 'g': return &t_ldouble;
    case 'z': case 'Z': case 'P': case 'O': return &t_pointer;
    case 'V': return &t_void;
    case 'v': return &t_s16;
    default: return nullptr;
  }
}

// A type spec is a one-letter str (scalar, 'V' for void) or a tuple
// (size, alignment, (element specs...)) for a structure passed by value.
// The ffi_type blocks are collector memory: the caller keeps them reachable.
Result<ffi_type*> ffi_for(Value spec) {
  if (is_str(spec)) {
    ffi_type* t = as_str(spec)->nbytes == 1 ? scalar_ffi(as_str(spec)->data[0]) : nullptr;
    if (!t) return raise(tp_TypeError, "bad ffi type spec");
    return t;
  }
  if (!is_tuple(spec) || as_tuple(spec)->size != 3 || !is_tuple(as_tuple(spec)->items[2]))
    return raise(tp_TypeError, "bad ffi type spec");
  Tuple* t = as_tuple(spec);
  Tuple* el = as_tuple(t->items[2]);
  ffi_type* ft = static_cast<ffi_type*>(gc::alloc(sizeof(ffi_type)));
  ffi_type** elems = static_cast<ffi_type**>(gc::alloc(sizeof(ffi_type*) * size_t(el->size + 1)));
  for (int64_t i = 0; i < el->size; i++) elems[i] = TRY(ffi_for(el->items[i]));
  elems[el->size] = nullptr;
  ft->size = size_t(TRY(as_index(t->items[0])));
  ft->alignment = (unsigned short)TRY(as_index(t->items[1]));
  ft->type = FFI_TYPE_STRUCT;
  ft->elements = elems;
  return ft;
}

constexpr int FUNCFLAG_PYTHONAPI = 0x4, FUNCFLAG_USE_ERRNO = 0x8;

// The GIL around foreign code: released unless the function is a Python API
// one (PyDLL, PYFUNCTYPE). Released for real even with one Python thread, so
// that a callback arriving on a thread gilpy did not start can take it.
struct ForeignCallGil {
  ThreadState* t;
  bool released;
  explicit ForeignCallGil(bool release) : t(t_ts), released(release) {
    if (released) gil::release(t, gil::Reason::Blocking, gil::Block::Other);
  }
  ~ForeignCallGil() {
    if (released) {
      int saved = errno;
      gil::acquire(t);
      errno = saved;
    }
  }
};

// call(address, argspecs, kinds, values, restype_spec, result_address, flags)
// Argument i is values[i] stored as type specs[i] when kinds[i] is 'v' (a
// Python value, converted here as mem_set would), or is read from the
// address values[i] when kinds[i] is 'a' (the memory of a ctypes instance).
// With result_address None the result of a scalar restype is returned
// converted (None for 'V'); otherwise it is stored at result_address (16+
// bytes) and None is returned. A 'O' result is always returned: the object
// must not sit unreferenced in memory the collector does not scan.
Result<Value> m_call(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("call", n, 7, 7));
  void* fn = reinterpret_cast<void*>(TRY(as_address(a[0])));
  if (!is_tuple(a[1]) || !is_str(a[2]) || !is_tuple(a[3]) || as_tuple(a[1])->size != as_tuple(a[3])->size ||
      as_str(a[2])->nbytes != as_tuple(a[1])->size)
    return raise(tp_TypeError, "call: bad arguments");
  Tuple* specs = as_tuple(a[1]);
  const char* kinds = as_str(a[2])->data;
  Tuple* vals = as_tuple(a[3]);
  int64_t nargs = specs->size;
  ffi_type* rtype = TRY(ffi_for(a[4]));
  bool own_result = is_none(a[5]);
  void* rbuf = own_result ? nullptr : reinterpret_cast<void*>(TRY(as_address(a[5])));
  int flags = TRY(as_c_int(a[6]));
  gc::Vector<ffi_type*> atypes(size_t(nargs) + 1);
  gc::Vector<void*> avalues(size_t(nargs) + 1);
  // Slots for converted values; what they point to (bytes data, wide
  // copies) is kept alive by `vals` and `keep` until the call returns.
  gc::Vector<uint64_t> slots(size_t(nargs) * 2 + 2);
  gc::Vector<Value> keep;
  for (int64_t i = 0; i < nargs; i++) {
    atypes[size_t(i)] = TRY(ffi_for(specs->items[i]));
    if (kinds[i] == 'v') {
      char* slot = reinterpret_cast<char*>(&slots[size_t(i) * 2]);
      Value code = specs->items[i];
      if (!is_str(code) || as_str(code)->nbytes != 1) return raise(tp_TypeError, "call: bad value spec");
      Value k = TRY(store(slot, as_str(code)->data[0], vals->items[i], false));
      if (!is_none(k)) keep.push_back(k);
      avalues[size_t(i)] = slot;
    } else {
      avalues[size_t(i)] = reinterpret_cast<void*>(TRY(as_address(vals->items[i])));
    }
  }
  ffi_cif cif;
  if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, unsigned(nargs), rtype, atypes.data()) != FFI_OK)
    return raise(tp_RuntimeError, "ffi_prep_cif failed");
  alignas(16) char local[32] = {};
  void* out = (own_result || rtype == &t_void) ? local : rbuf;
  if (own_result && rtype->size > sizeof local) return raise(tp_TypeError, "call: result needs a buffer");
  bool pyapi = flags & FUNCFLAG_PYTHONAPI;
  {
    ForeignCallGil g(!pyapi);
    if (flags & FUNCFLAG_USE_ERRNO) std::swap(errno, t_ctypes_errno);
    ffi_call(&cif, FFI_FN(fn), out, avalues.data());
    if (flags & FUNCFLAG_USE_ERRNO) std::swap(errno, t_ctypes_errno);
  }
  if (pyapi && exc_pending()) return ERR;
  char rcode = is_str(a[4]) ? as_str(a[4])->data[0] : 0;
  if (rcode == 'O') {
    uintptr_t w;
    std::memcpy(&w, out, 8);
    if (!w) {
      if (exc_pending()) return ERR;
      return raise(tp_ValueError, "PyObject is NULL");
    }
    return Value::from_bits(w);
  }
  if (own_result && rcode && rcode != 'V') return load(static_cast<const char*>(out), rcode, false);
  return None();
}

// ---- callbacks ----------------------------------------------------------------------------
struct Thunk : Object {
  Value converter;    // converter(*argument_addresses) -> the Python arguments
  Value callable;     // the Python function
  Value setter;       // setter(result_address, result) for a swapped-byte-order result, else null
  Value last;         // the last py_object result, kept alive
  ffi_cif* cif;       // collector memory, reachable from here (the closure is not scanned)
  ffi_type** atypes;
  ffi_closure* closure;
  void* code;
  int64_t nargs;
  char rcode;         // restype letter, 0 for a structure, 'V' for void
};
Type* tp_thunk;

void thunk_finalizer(void* obj, void*) {
  Thunk* t = static_cast<Thunk*>(obj);
  if (t->closure) ffi_closure_free(t->closure);
  t->closure = nullptr;
}

void run_callback(Thunk* th, void* ret, void** args) {
  Tuple* addrs = tuple_new(th->nargs);
  for (int64_t i = 0; i < th->nargs; i++) addrs->items[i] = addr_value(args[i]);
  int64_t rs = th->rcode && th->rcode != 'V' ? code_size(th->rcode) : 0;
  if (rs && rs < 8) std::memset(ret, 0, 8);
  // As CPython's _CallPythonObject: convert the arguments, call, store the
  // result; a failure is reported (sys.unraisablehook), never raised into C.
  Result<Value> cargs = call(th->converter, addrs->items, addrs->size);
  Result<Value> r = cargs.is_err() ? Result<Value>(ERR)
                                   : call(th->callable, as_tuple(cargs.value())->items, as_tuple(cargs.value())->size);
  if (r.is_err()) {
    Value exc = exc_fetch();
    report_unraisable("Exception ignored on calling ctypes callback function: ", th->callable, exc);
    return;
  }
  Status stored = OK();
  if (th->setter) {
    Value a2[2] = {addr_value(ret), r.value()};
    stored = call(th->setter, a2, 2).is_err() ? Status(ERR) : Status(OK());
  } else if (rs) {
    Result<Value> keep = store(static_cast<char*>(ret), th->rcode, r.value(), false);
    if (keep.is_err()) stored = ERR;
    else if (th->rcode == 'O') th->last = keep.value();  // CPython leaks a reference instead
  }
  {
    if (stored.is_err()) {
      Value exc = exc_fetch();
      report_unraisable("Exception ignored on converting result of ctypes callback function: ", th->callable, exc);
      return;
    }
  }
  // Widen small integer results to a full ffi_arg, as libffi expects.
  if (rs && rs < 8 && th->rcode != 'f') {
    uint64_t raw = load_uint(static_cast<char*>(ret), rs);
    uint64_t wide = code_signed(th->rcode) || th->rcode == 'c' ? uint64_t(sign_extend(raw, int(rs * 8))) : raw;
    std::memcpy(ret, &wide, 8);
  }
}

void thunk_handler(ffi_cif*, void* ret, void** args, void* user) {
  Thunk* th = static_cast<Thunk*>(user);
  int saved_errno = errno;
  ThreadState* t = t_ts;
  if (!t) {
    // A thread gilpy did not start: register it with the collector, give it a
    // thread state for the duration of the call (as PyGILState_Ensure does).
    GC_stack_base sb;
    GC_get_stack_base(&sb);
    GC_register_my_thread(&sb);
    t = thread_state_alloc();
    thread_state_attach(t, nullptr);
    gil::thread_started();
    gil::acquire(t);
    thread_state_link(t);
    run_callback(th, ret, args);
    thread_state_delete(t);
    gil::thread_finished();
    gil::release(nullptr, gil::Reason::ThreadEnd);
    t_ts = nullptr;
    GC_unregister_my_thread();
  } else if (!gil::holds(t)) {
    gil::acquire(t);
    run_callback(th, ret, args);
    gil::release(t, gil::Reason::Blocking, gil::Block::Other);
  } else {
    run_callback(th, ret, args);
  }
  errno = saved_errno;
}

// make_thunk(restype_spec, argspecs, converter, callable, setter) -> thunk (with .address)
Result<Value> m_make_thunk(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("make_thunk", n, 5, 5));
  if (!is_tuple(a[1])) return raise(tp_TypeError, "argspecs must be a tuple");
  Tuple* specs = as_tuple(a[1]);
  Thunk* th = static_cast<Thunk*>(alloc_instance(tp_thunk, sizeof(Thunk)));
  th->converter = a[2];
  th->callable = a[3];
  th->setter = is_none(a[4]) ? Value() : a[4];
  th->nargs = specs->size;
  th->rcode = is_str(a[0]) ? as_str(a[0])->data[0] : 0;
  th->atypes = static_cast<ffi_type**>(gc::alloc(sizeof(ffi_type*) * size_t(specs->size + 1)));
  for (int64_t i = 0; i < specs->size; i++) th->atypes[i] = TRY(ffi_for(specs->items[i]));
  ffi_type* rtype = TRY(ffi_for(a[0]));
  th->cif = static_cast<ffi_cif*>(gc::alloc(sizeof(ffi_cif)));
  if (ffi_prep_cif(th->cif, FFI_DEFAULT_ABI, unsigned(specs->size), rtype, th->atypes) != FFI_OK)
    return raise(tp_RuntimeError, "ffi_prep_cif failed");
  void* code = nullptr;
  th->closure = static_cast<ffi_closure*>(ffi_closure_alloc(sizeof(ffi_closure), &code));
  if (!th->closure) return raise_memory_error();
  GC_register_finalizer_no_order(th, thunk_finalizer, nullptr, nullptr, nullptr);  // it sits in cycles (callable -> owner -> thunk)
  if (ffi_prep_closure_loc(th->closure, th->cif, thunk_handler, th, code) != FFI_OK)
    return raise(tp_RuntimeError, "ffi_prep_closure failed");
  th->code = code;
  return Value(th);
}

Result<Value> thunk_address(Value self) { return addr_value(self.as<Thunk>()->code); }
const GetSetDef thunk_getsets[] = {{"address", thunk_address}, {nullptr, nullptr}};
const MethodDef thunk_methods[] = {{nullptr, nullptr}};

// ---- the C functions ctypes calls by address --------------------------------------------------
Value g_cast_helper;  // _ctypes._cast_helper(address, source, type)

extern "C" uintptr_t gilpy_ctypes_cast(void* p, uintptr_t src, uintptr_t ctype) {
  if (!g_cast_helper) {
    raise(tp_SystemError, "ctypes cast helper missing");
    return 0;
  }
  Result<Value> r = call3(g_cast_helper, addr_value(p), Value::from_bits(src), Value::from_bits(ctype));
  return r.is_err() ? 0 : r.value().bits();
}
extern "C" uintptr_t gilpy_ctypes_string_at(const char* p, int size) {
  Value a[2] = {addr_value(p), Value::small(size)};
  Result<Value> r = m_string_at(a, 2, nullptr);
  return r.is_err() ? 0 : r.value().bits();
}
extern "C" uintptr_t gilpy_ctypes_wstring_at(const wchar_t* p, int size) {
  if (!p) {
    raise(tp_ValueError, "NULL pointer access");
    return 0;
  }
  Result<Value> r = wstring_value(p, size);
  return r.is_err() ? 0 : r.value().bits();
}

Result<Value> m_set_cast_helper(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("set_cast_helper", n, 1, 1));
  g_cast_helper = a[0];
  return None();
}

const MethodDef functions[] = {
    {"mem_get", m_mem_get},
    {"mem_set", m_mem_set},
    {"mem_get_bits", m_mem_get_bits},
    {"mem_set_bits", m_mem_set_bits},
    {"string_at", m_string_at},
    {"wstring_at", m_wstring_at},
    {"memmove", m_memmove},
    {"memset", m_memset},
    {"buffer_address", m_buffer_address},
    {"bytes_address", m_bytes_address},
    {"wide_buffer", m_wide_buffer},
    {"object_word", m_object_word},
    {"object_at", m_object_at},
    {"get_errno", m_get_errno},
    {"set_errno", m_set_errno},
    {"dlopen", m_dlopen},
    {"dlclose", m_dlclose},
    {"dlsym", m_dlsym},
    {"call", m_call},
    {"make_thunk", m_make_thunk},
    {"set_cast_helper", m_set_cast_helper},
    {"install", m_install},
    {"address", m_address},
    {"size", m_size},
    {"index", m_index},
    {"cd_alloc", cdata_alloc},
    {"cd_at", cdata_at},
    {"cd_resize", cdata_resize},
    {"cd_setobjects", cdata_setobjects},
    {nullptr, nullptr}};

void set_int(Module* m, const char* name, int64_t v) { dict_set_str(m->dict, str_intern(name), int_from_i64(v)); }

Result<Value> init() {
  Module* m = native_module_new("_ctypes_native", functions);
  if (!tp_cdata) {
    tp_cdata = native_type_new("_ctypes", "_CData", tp_object, Layout::Other, sizeof(CData), cdata_methods,
                               cdata_getsets);
    tp_thunk = native_type_new("_ctypes", "CThunkObject", tp_object, Layout::Other, sizeof(Thunk), thunk_methods,
                               thunk_getsets, 0);
    register_buffer_export(cdata_export);
    GC_allow_register_threads();
  }
  g_cast_helper = Value();
  dict_set_str(m->dict, str_intern("CDataBase"), Value(tp_cdata));
  set_int(m, "RTLD_LOCAL", RTLD_LOCAL);
  set_int(m, "RTLD_GLOBAL", RTLD_GLOBAL);
  set_int(m, "RTLD_NOW", RTLD_NOW);
  set_int(m, "RTLD_LAZY", RTLD_LAZY);
  dict_set_str(m->dict, str_intern("cast_addr"), addr_value(reinterpret_cast<void*>(&gilpy_ctypes_cast)));
  dict_set_str(m->dict, str_intern("string_at_addr"), addr_value(reinterpret_cast<void*>(&gilpy_ctypes_string_at)));
  dict_set_str(m->dict, str_intern("wstring_at_addr"), addr_value(reinterpret_cast<void*>(&gilpy_ctypes_wstring_at)));
  dict_set_str(m->dict, str_intern("memmove_addr"), addr_value(reinterpret_cast<void*>(&::memmove)));
  dict_set_str(m->dict, str_intern("memset_addr"), addr_value(reinterpret_cast<void*>(&::memset)));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_ctypes_native", init);

}  // namespace gilpy

// ---- symbols for Debian's _ctypes_test library ---------------------------------------------
// CPython's test_ctypes loads the C functions it calls from the _ctypes_test
// extension module of Debian's python3.11 (lib-dynload), as a plain shared
// library (CDLL(_ctypes_test.__file__); src/lib/_ctypes_test.py names that
// file). The library also holds the module's CPython entry point, whose
// references to CPython's API must resolve when it is loaded (RTLD_NOW): the
// gilpy executable exports these four names (CMakeLists.txt) and nothing
// calls them.
extern "C" {
__attribute__((visibility("default"), used)) char _Py_NoneStruct[16];
__attribute__((visibility("default"), used)) int PyArg_ParseTuple(void*, const char*, ...) { return 0; }
__attribute__((visibility("default"), used)) int PyList_Append(void*, void*) { return -1; }
__attribute__((visibility("default"), used)) void* PyModuleDef_Init(void*) { return nullptr; }
}
