// bytes and bytearray: allocation, construction, the sequence and comparison
// protocols, bytearray mutation, iterators, and type set-up. The text-like
// query methods shared by both types are in bytes_methods.cpp.
#include "objects/bytes.h"

#include <algorithm>
#include <cstring>

#include "bytecode/opcodes.h"
#include "objects/bytes_impl.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytesimpl;

// User-controlled sizes above this are refused with MemoryError rather than handed to the
// collector (which would abort on failure).
static constexpr int64_t kMaxAlloc = int64_t(1) << 40;

static Bytes* g_empty_bytes;

// Header initialised, payload left as the collector gives it (atomic memory is not
// zeroed); data[size] is the terminating NUL.
static Bytes* bytes_alloc_uninit(int64_t size) {
  if (size < 0 || size > kMaxAlloc) { raise_memory_error(); return nullptr; }
  void* mem = gc::try_alloc_atomic(sizeof(Bytes) + size_t(size) + 1);
  if (!mem) { raise_memory_error(); return nullptr; }
  Bytes* b = static_cast<Bytes*>(mem);
  b->type = tp_bytes;
  b->dict = nullptr;
  b->size = size;
  b->hash = -1;
  b->data[size] = 0;
  return b;
}

Bytes* bytes_new(int64_t size) {
  Bytes* b = bytes_alloc_uninit(size);
  if (b) std::memset(b->data, 0, size_t(size));
  return b;
}

Bytes* bytes_empty() {
  if (!g_empty_bytes) {
    g_empty_bytes = static_cast<Bytes*>(gc::alloc_uncollectable(sizeof(Bytes) + 1));
    g_empty_bytes->type = tp_bytes;
    g_empty_bytes->hash = -1;
  }
  return g_empty_bytes;
}

Value bytes_from(std::string_view s) {
  if (s.empty()) return Value(bytes_empty());
  Bytes* b = bytes_alloc_uninit(int64_t(s.size()));
  if (!b) return Value();
  std::memcpy(b->data, s.data(), s.size());
  return Value(b);
}

// A bytes instance of `cls` (a subclass of bytes, or bytes itself) holding s.
static Result<Value> bytes_subtype_new(Type* cls, std::string_view s) {
  if (cls == tp_bytes) {
    Value v = bytes_from(s);
    if (!v) return ERR;
    return v;
  }
  if (int64_t(s.size()) > kMaxAlloc) return raise_memory_error();
  Bytes* b = static_cast<Bytes*>(alloc_instance(cls, sizeof(Bytes) + s.size() + 1));
  b->size = int64_t(s.size());
  b->hash = -1;
  std::memcpy(b->data, s.data(), s.size());
  b->data[s.size()] = 0;
  return Value(b);
}

// The same seeded hash as str (hash(b'abc') == hash('abc'), as in CPython).
int64_t bytes_hash(Bytes* b) {
  if (b->hash != -1) return b->hash;
  b->hash = hash_bytes(b->data, b->size);
  return b->hash;
}

// ---- bytearray storage ----------------------------------------------------------------------
ByteArray* bytearray_new(std::string_view init) {
  ByteArray* b = static_cast<ByteArray*>(alloc_instance(tp_bytearray, sizeof(ByteArray)));
  if (!init.empty()) {
    b->data = static_cast<char*>(gc::alloc_atomic(init.size() + 1));
    std::memcpy(b->data, init.data(), init.size());
    b->data[init.size()] = 0;
    b->size = b->capacity = int64_t(init.size());
  }
  return b;
}

static Err raise_exported() {
  return raise(tp_BufferError, "Existing exports of data: object cannot be re-sized");
}

Status bytearray_reserve(ByteArray* b, int64_t n) {
  if (n <= b->capacity) return OK();
  if (n > kMaxAlloc) return raise_memory_error();
  if (b->exports) return raise_exported();
  // Over-allocate by 1/8 (as CPython) so appends are amortised O(1).
  int64_t cap = std::max<int64_t>(n, b->capacity + (b->capacity >> 3) + 8);
  char* nd = static_cast<char*>(gc::try_alloc_atomic(size_t(cap) + 1));
  if (!nd) return raise_memory_error();
  if (b->size) std::memcpy(nd, b->data, size_t(b->size));
  nd[b->size] = 0;
  b->data = nd;
  b->capacity = cap;
  return OK();
}

Status bytearray_resize(ByteArray* b, int64_t n) {
  if (n == b->size) return OK();
  if (b->exports) return raise_exported();
  TRY(bytearray_reserve(b, n));
  if (n > b->size) std::memset(b->data + b->size, 0, size_t(n - b->size));
  b->size = n;
  if (b->data) b->data[n] = 0;
  return OK();
}

Status bytearray_append(ByteArray* b, std::string_view s) {
  if (s.empty()) return OK();
  if (b->exports) return raise_exported();
  // s may point into b itself (ba += ba): copy before a reallocation can free it.
  std::string tmp;
  if (b->data && s.data() >= b->data && s.data() < b->data + b->capacity + 1) {
    tmp.assign(s);
    s = tmp;
  }
  TRY(bytearray_reserve(b, b->size + int64_t(s.size())));
  std::memcpy(b->data + b->size, s.data(), s.size());
  b->size += int64_t(s.size());
  b->data[b->size] = 0;
  return OK();
}

// Replace b[lo:hi] by s (simple slice assignment); s must not alias b.
static Status bytearray_splice(ByteArray* b, int64_t lo, int64_t hi, std::string_view s) {
  int64_t old = hi - lo;
  int64_t growth = int64_t(s.size()) - old;
  if (growth != 0 && b->exports) return raise_exported();
  if (growth > 0) TRY(bytearray_reserve(b, b->size + growth));
  if (growth != 0 && b->size - hi > 0)
    std::memmove(b->data + hi + growth, b->data + hi, size_t(b->size - hi));
  if (!s.empty()) std::memcpy(b->data + lo, s.data(), s.size());
  b->size += growth;
  if (b->data) b->data[b->size] = 0;
  return OK();
}

// ---- bytes-like arguments -------------------------------------------------------------------
static bool (*g_export_hooks[8])(Value v, BufferExport* out);
static int g_n_export_hooks;

void register_buffer_export(bool (*hook)(Value v, BufferExport* out)) {
  for (int i = 0; i < g_n_export_hooks; i++)
    if (g_export_hooks[i] == hook) return;
  GILPY_ASSERT(g_n_export_hooks < 8);
  g_export_hooks[g_n_export_hooks++] = hook;
}

bool buffer_export(Value v, BufferExport* out) {
  if (!v.is_obj()) return false;
  for (int i = 0; i < g_n_export_hooks; i++) {
    *out = BufferExport{};
    if (g_export_hooks[i](v, out)) return true;
  }
  return false;
}

bool writable_buffer(Value v, char** data, int64_t* size) {
  if (is_bytearray(v)) {
    *data = as_bytearray(v)->data;
    *size = as_bytearray(v)->size;
    return true;
  }
  BufferExport ex;
  if (buffer_export(v, &ex)) {
    if (ex.readonly || ex.invalid) return false;
    *data = ex.storage->data;
    *size = ex.storage->size;
    return true;
  }
  if (v.is_obj() && v.type() == tp_memoryview) return memoryview_writable_span(v, data, size);
  return false;
}

Result<int64_t> writable_size(Value v) {
  char* p;
  int64_t n;
  if (writable_buffer(v, &p, &n)) return n;
  return len(v);
}

Status store_into_buffer(Value v, std::string_view data) {
  char* p;
  int64_t n;
  if (writable_buffer(v, &p, &n)) {
    if (int64_t(data.size()) > n) return raise(tp_ValueError, "buffer too small");
    if (!data.empty()) std::memcpy(p, data.data(), data.size());
    return OK();
  }
  Value sl = slice_new(Value::small(0), Value::small(int64_t(data.size())), None());
  return setitem(v, sl, bytes_from(data));
}

bool buffer_view_opt(Value v, std::string_view* out) {
  if (is_bytes(v)) { *out = as_bytes(v)->view(); return true; }
  if (is_bytearray(v)) { *out = as_bytearray(v)->view(); return true; }
  BufferExport ex;
  if (buffer_export(v, &ex)) {
    if (ex.invalid) return false;
    *out = ex.storage->view();
    return true;
  }
  if (v.is_obj() && v.type() == tp_memoryview) {
    if (memoryview_direct_view(v, out)) return true;
    // memoryview's struct belongs to its own file; its contiguous contents come from tobytes().
    Result<Value> r = call_method0(v, str_intern("tobytes"));
    if (r.is_err()) { exc_clear(); return false; }
    if (!is_bytes(r.value())) return false;
    *out = as_bytes(r.value())->view();
    return true;
  }
  return false;
}

Result<std::string_view> buffer_view(Value v) {
  std::string_view s;
  if (buffer_view_opt(v, &s)) return s;
  BufferExport ex;
  if (buffer_export(v, &ex) && ex.invalid) return raise(tp_ValueError, ex.invalid);
  return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
}

namespace bytesimpl {

Result<int> byte_value(Value v) {
  int64_t x;
  if (v.is_small()) {
    x = v.as_small();
  } else {
    Value iv = TRY(index_value(v));
    if (!int_fits_i64(iv, &x)) x = -1;
  }
  if (x < 0 || x > 255) return raise(tp_ValueError, "byte must be in range(0, 256)");
  return int(x);
}

Status sub_arg(Value v, std::string* holder, std::string_view* out) {
  if (buffer_view_opt(v, out)) return OK();
  if (is_int(v) || (v.is_obj() && type_lookup(v.type(), N.__index__))) {
    int c = TRY(byte_value(v));
    *holder = std::string(1, char(c));
    *out = *holder;
    return OK();
  }
  return raise_fmt(tp_TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(v));
}

Result<char> fill_arg(const char* fname, Value v) {
  std::string_view s;
  if ((is_bytes(v) || is_bytearray(v)) && buffer_view_opt(v, &s) && s.size() == 1) return s[0];
  return raise_fmt(tp_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", fname,
                   text::clinic_type_name(v));
}

}  // namespace bytesimpl

std::string bytes_repr_text(std::string_view d) {
  bool has_sq = d.find('\'') != std::string_view::npos;
  bool has_dq = d.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out;
  out.reserve(d.size() + 3);
  out += 'b';
  out += q;
  static const char hex[] = "0123456789abcdef";
  for (char ch : d) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(q) || c == '\\') { out += '\\'; out += char(c); }
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) { out += "\\x"; out += hex[c >> 4]; out += hex[c & 15]; }
    else out += char(c);
  }
  out += q;
  return out;
}

// ---- construction -----------------------------------------------------------------------------
// Collect the bytes for bytes(x) / bytearray(x) from a non-str, non-int source.
static Status bytes_from_iterable(Value src, std::string* out) {
  std::string_view bv;
  if (buffer_view_opt(src, &bv)) { out->assign(bv); return OK(); }
  if (src.type() == tp_list || src.type() == tp_tuple) {
    Value* items = is_list(src) ? as_list(src)->items : as_tuple(src)->items;
    int64_t n = is_list(src) ? as_list(src)->size : as_tuple(src)->size;
    out->reserve(size_t(n));
    for (int64_t i = 0; i < (is_list(src) ? as_list(src)->size : n); i++) {
      Value x = items[i];
      int64_t c;
      if (x.is_small()) c = x.as_small();
      else {
        Value iv = TRY(index_value(x));
        if (!int_fits_i64(iv, &c)) c = -1;
      }
      if (c < 0 || c > 255) return raise(tp_ValueError, "bytes must be in range(0, 256)");
      *out += char(c);
      if (is_list(src)) items = as_list(src)->items;  // an __index__ may have mutated the list
    }
    return OK();
  }
  Result<Value> itr = get_iter(src);
  if (itr.is_err()) {
    if (exc_matches(tp_TypeError)) {
      exc_clear();
      return raise_fmt(tp_TypeError, "cannot convert '%s' object to bytes", type_name(src));
    }
    return ERR;
  }
  for (;;) {
    Value x;
    TRY(iter_next(itr.value(), &x));
    if (!x) break;
    int64_t c;
    if (x.is_small()) c = x.as_small();
    else {
      Value iv = TRY(index_value(x));
      if (!int_fits_i64(iv, &c)) c = -1;
    }
    if (c < 0 || c > 255) return raise(tp_ValueError, "bytes must be in range(0, 256)");
    *out += char(c);
  }
  return OK();
}

static Result<Str*> str_arg(const char* fname, const char* argname, Value v) {
  if (!is_str(v))
    return raise_fmt(tp_TypeError, "%s() argument '%s' must be str, not %s", fname, argname, text::clinic_type_name(v));
  return as_str(v);
}

// Shared by bytes.__new__ and bytearray.__init__: the contents for (source, encoding, errors).
static Status bytes_source(const char* fname, Value src, Value enc, Value errs, std::string* out) {
  if (!src) {
    if (enc) return raise(tp_TypeError, "encoding without a string argument");
    if (errs) return raise(tp_TypeError, "errors without a string argument");
    return OK();
  }
  if (is_str(src)) {
    if (!enc) return raise(tp_TypeError, "string argument without an encoding");
    Str* e = TRY(str_arg(fname, "encoding", enc));
    std::string_view ev = "strict";
    if (errs) ev = TRY(str_arg(fname, "errors", errs))->view();
    Value r = TRY(codec_encode(as_str(src), e->view(), ev));
    out->assign(as_bytes(r)->view());
    return OK();
  }
  if (enc) return raise(tp_TypeError, "encoding without a string argument");
  if (errs) return raise(tp_TypeError, "errors without a string argument");
  if (is_int(src) || (!is_bytes(src) && !is_bytearray(src) && type_lookup(src.type(), N.__index__))) {
    int64_t n;
    Result<Value> iv = index_value(src);
    if (iv.is_err()) return ERR;
    if (!int_fits_i64(iv.value(), &n))
      return raise(tp_OverflowError, "cannot fit 'int' into an index-sized integer");
    if (n < 0) return raise(tp_ValueError, "negative count");
    if (n > kMaxAlloc) return raise_memory_error();
    out->assign(size_t(n), '\0');
    return OK();
  }
  return bytes_from_iterable(src, out);
}

static Status bytes_kwargs(const char* fname, Value* args, int64_t nargs, Tuple* kw, Value out[3]) {
  out[0] = out[1] = out[2] = Value();
  if (nargs > 3)
    return raise_fmt(tp_TypeError, "%s() takes at most 3 arguments (%lld given)", fname, (long long)nargs);
  for (int64_t i = 0; i < nargs; i++) out[i] = args[i];
  for (int64_t k = 0; k < nkw(kw); k++) {
    Str* name = as_str(kw->items[k]);
    int idx = name->view() == "source" ? 0 : name->view() == "encoding" ? 1 : name->view() == "errors" ? 2 : -1;
    if (idx < 0)
      return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for %s()", name->data, fname);
    if (out[idx])
      return raise_fmt(tp_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                       name->data, idx + 1);
    out[idx] = args[nargs + k];
  }
  return OK();
}

static Result<Value> bytes_new_fn(Value* args, int64_t nargs, Tuple* kw) {
  if (nargs < 1 || !is_type(args[0])) return raise(tp_TypeError, "bytes.__new__(X): X is not a type object");
  Type* cls = as_type(args[0]);
  if (!is_subtype(cls, tp_bytes))
    return raise_fmt(tp_TypeError, "bytes.__new__(%s): %s is not a subtype of bytes", cls->name->data, cls->name->data);
  Value a[3];
  TRY(bytes_kwargs("bytes", args + 1, nargs - 1, kw, a));
  Value src = a[0];
  if (src && !a[1] && !a[2] && src.type() != tp_str) {  // a str subclass may define __bytes__
    if (src.type() == tp_bytes && cls == tp_bytes) return src;
    // __bytes__ takes precedence over the buffer and iterable paths.
    Value m;
    TRY(lookup_special_r(src, N.__bytes__, &m));
    if (m) {
      Value r = TRY(call0(m));
      if (!is_bytes(r))
        return raise_fmt(tp_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r));
      if (cls == tp_bytes) return r;
      return bytes_subtype_new(cls, as_bytes(r)->view());
    }
  }
  std::string data;
  TRY(bytes_source("bytes", src, a[1], a[2], &data));
  return bytes_subtype_new(cls, data);
}

static Result<Value> bytearray_new_fn(Value* args, int64_t nargs, Tuple* kw) {
  if (nargs < 1 || !is_type(args[0])) return raise(tp_TypeError, "bytearray.__new__(X): X is not a type object");
  Type* cls = as_type(args[0]);
  return Value(alloc_instance(cls, sizeof(ByteArray)));
}

static Result<Value> bytearray_init_fn(Value* args, int64_t nargs, Tuple* kw) {
  ByteArray* self = as_bytearray(args[0]);
  Value a[3];
  TRY(bytes_kwargs("bytearray", args + 1, nargs - 1, kw, a));
  std::string data;
  TRY(bytes_source("bytearray", a[0], a[1], a[2], &data));
  TRY(bytearray_resize(self, 0));
  TRY(bytearray_append(self, data));
  return None();
}

// ---- repr, hash, len ----------------------------------------------------------------------------
static Result<Value> bytes_repr(Value* args, int64_t nargs, Tuple* kw) {
  Value self = args[0];
  std::string r = bytes_repr_text(self_view(self));
  if (is_bytearray(self)) r = std::string(self.type()->name->view()) + "(" + r + ")";
  return Value(str_new_ascii(r));
}

static Result<Value> bytes_hash_fn(Value* args, int64_t, Tuple*) {
  return int_from_i64(bytes_hash(as_bytes(args[0])));
}

static Result<Value> bytes_len(Value* args, int64_t, Tuple*) {
  return Value::small(int64_t(self_view(args[0]).size()));
}

static Result<Value> bytes_sizeof(Value* args, int64_t, Tuple*) {
  if (is_bytes(args[0])) return Value::small(33 + as_bytes(args[0])->size);
  return Value::small(57 + as_bytearray(args[0])->capacity + (as_bytearray(args[0])->capacity ? 1 : 0));
}

static Result<Value> bytes_getnewargs(Value* args, int64_t, Tuple*) {
  return Value(tuple_of({bytes_from(as_bytes(args[0])->view())}));
}

static Result<Value> bytes_bytes(Value* args, int64_t, Tuple*) { return same_or_copy(args[0]); }

// ---- sequence protocol -------------------------------------------------------------------------
static Result<Value> bytes_getitem(Value* args, int64_t nargs, Tuple* kw) {
  TRY(check_nargs("__getitem__", nargs - 1, 1, 1));
  Value self = args[0], key = args[1];
  std::string_view d = self_view(self);
  int64_t n = int64_t(d.size());
  if (key.is_small() || is_int(key) || (!text::is_slice(key) && type_lookup(key.type(), N.__index__))) {
    int64_t i;
    if (key.is_small()) {
      i = key.as_small();
    } else {
      Value iv = TRY(index_value(key));
      if (!int_fits_i64(iv, &i))
        return raise_fmt(tp_IndexError, "cannot fit 'int' into an index-sized integer");
      d = self_view(self);  // __index__ may have resized a bytearray
      n = int64_t(d.size());
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n)
      return raise(tp_IndexError, is_bytearray(self) ? "bytearray index out of range" : "index out of range");
    return Value::small(static_cast<unsigned char>(d[size_t(i)]));
  }
  if (text::is_slice(key)) {
    int64_t start, stop, step;
    int64_t len = TRY(text::slice_resolve(key, n, &start, &stop, &step));
    if (step == 1) {
      if (len == n && self.type() == tp_bytes) return self;
      return make_like(self, d.substr(size_t(start), size_t(len)));
    }
    std::string out(size_t(len), '\0');
    for (int64_t k = 0, i = start; k < len; k++, i += step) out[size_t(k)] = d[size_t(i)];
    return make_like(self, out);
  }
  return raise_fmt(tp_TypeError, "%s indices must be integers or slices, not %s",
                   is_bytearray(self) ? "bytearray" : "byte", type_name(key));
}

static Result<Value> bytes_contains(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__contains__", nargs - 1, 1, 1));
  std::string holder;
  std::string_view sub;
  if (is_int(args[1])) {
    int c = TRY(byte_value(args[1]));
    holder.assign(1, char(c));
    sub = holder;
  } else {
    sub = TRY(buffer_view(args[1]));
  }
  std::string_view d = self_view(args[0]);
  return Bool(text::find(d, sub, 0, int64_t(d.size())) >= 0);
}

// Sequence-style concat: defer to the right operand's __radd__ when it has one (CPython
// tries nb_add of both operands before sq_concat raises).
static Result<Value> bytes_add(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__add__", nargs - 1, 1, 1));
  Value self = args[0], other = args[1];
  std::string_view b;
  if (!buffer_view_opt(other, &b)) {
    if (text::defers_to_reflected(other, N.__radd__)) return Value(g_NotImplemented);
    return raise_fmt(tp_TypeError, "can't concat %s to %s", type_name(other), kind_name(self));
  }
  std::string_view a = self_view(self);
  if (is_bytes(self)) {
    if (b.empty() && self.type() == tp_bytes) return self;
    Bytes* r = bytes_new(int64_t(a.size() + b.size()));
    if (!r) return ERR;
    std::memcpy(r->data, a.data(), a.size());
    std::memcpy(r->data + a.size(), b.data(), b.size());
    return Value(r);
  }
  ByteArray* r = bytearray_new(a);
  TRY(bytearray_append(r, b));
  return Value(r);
}

static Result<int64_t> repeat_count(Value v, bool* not_int) {
  *not_int = false;
  if (v.is_small()) return v.as_small();
  if (!is_int(v) && !type_lookup(v.type(), N.__index__)) { *not_int = true; return int64_t(0); }
  Value iv = TRY(index_value(v));
  int64_t n;
  if (!int_fits_i64(iv, &n))
    return raise_fmt(tp_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(v));
  return n;
}

static Result<std::string> repeat(std::string_view d, int64_t n, bool is_bytes_kind) {
  if (n <= 0 || d.empty()) return std::string();
  if (n > INT64_MAX / int64_t(d.size())) {
    if (is_bytes_kind) { raise(tp_OverflowError, "repeated bytes are too long"); return ERR; }
    raise_memory_error();
    return ERR;
  }
  if (n * int64_t(d.size()) > kMaxAlloc) { raise_memory_error(); return ERR; }
  std::string out;
  out.reserve(d.size() * size_t(n));
  if (d.size() == 1) {
    out.assign(size_t(n), d[0]);
  } else {
    out.append(d);
    while (out.size() * 2 <= d.size() * size_t(n)) out.append(out);
    out.append(out.data(), d.size() * size_t(n) - out.size());
  }
  return out;
}

// bytes/bytearray * n. As in CPython, an exact bytes whose repetition has
// its own length is returned itself, and any other result is a new object,
// an empty one too (`x * 0 is b''` is False at run time; tracemalloc's tests
// find the traceback of such an object).
static Result<Value> repeat_value(Value self, int64_t n) {
  std::string_view d = self_view(self);
  if (self.type() == tp_bytes && (n == 1 || d.empty())) return self;
  std::string out = TRY(repeat(d, n, is_bytes(self)));
  if (out.empty() && is_bytes(self)) {
    Bytes* b = bytes_new(0);
    if (!b) return ERR;
    return Value(b);
  }
  return make_like(self, out);
}

static Result<Value> bytes_mul(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__mul__", nargs - 1, 1, 1));
  Value self = args[0];
  bool not_int;
  int64_t n = TRY(repeat_count(args[1], &not_int));
  if (not_int) {
    if (text::defers_to_reflected(args[1], N.__rmul__)) return Value(g_NotImplemented);
    return raise_fmt(tp_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(args[1]));
  }
  return repeat_value(self, n);
}

static Result<Value> bytes_rmul(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__rmul__", nargs - 1, 1, 1));
  bool not_int;
  int64_t n = TRY(repeat_count(args[1], &not_int));
  if (not_int) return raise_fmt(tp_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(args[1]));
  return repeat_value(args[0], n);
}

static Result<Value> bytes_mod(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__mod__", nargs - 1, 1, 1));
  return bytes_percent_format(args[0], args[1]);
}

static Result<Value> bytes_rmod(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__rmod__", nargs - 1, 1, 1));
  return Value(g_NotImplemented);
}

// Comparisons: bytes and bytearray compare by content with each other; anything else is
// NotImplemented (so b'a' == 'a' is False and b'a' < 'a' a TypeError).
static Result<Value> bytes_compare(Value* args, int64_t nargs, int op) {
  if (nargs != 2) return raise(tp_TypeError, "expected 1 argument");
  Value other = args[1];
  if (!is_bytes(other) && !is_bytearray(other)) {
    if (!(other.is_obj() && other.type() == tp_memoryview && is_bytearray(args[0]))) return Value(g_NotImplemented);
  }
  std::string_view a = self_view(args[0]);
  std::string_view b;
  if (!buffer_view_opt(other, &b)) return Value(g_NotImplemented);
  using namespace bytecode;
  if (op == CMP_EQ || op == CMP_NE) {
    bool eqv = a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
    return Bool(op == CMP_EQ ? eqv : !eqv);
  }
  int c = a.compare(b);
  switch (op) {
    case CMP_LT: return Bool(c < 0);
    case CMP_LE: return Bool(c <= 0);
    case CMP_GT: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}
static Result<Value> bytes_lt(Value* a, int64_t n, Tuple*) { return bytes_compare(a, n, bytecode::CMP_LT); }
static Result<Value> bytes_le(Value* a, int64_t n, Tuple*) { return bytes_compare(a, n, bytecode::CMP_LE); }
static Result<Value> bytes_eq(Value* a, int64_t n, Tuple*) { return bytes_compare(a, n, bytecode::CMP_EQ); }
static Result<Value> bytes_ne(Value* a, int64_t n, Tuple*) { return bytes_compare(a, n, bytecode::CMP_NE); }
static Result<Value> bytes_gt(Value* a, int64_t n, Tuple*) { return bytes_compare(a, n, bytecode::CMP_GT); }
static Result<Value> bytes_ge(Value* a, int64_t n, Tuple*) { return bytes_compare(a, n, bytecode::CMP_GE); }

// ---- iteration -------------------------------------------------------------------------------------
struct BytesIter : Object {
  Value seq;  // bytes or bytearray; null once exhausted
  int64_t index;
};

static Status bytes_iternext(Value it, Value* out) {
  BytesIter* bi = it.as<BytesIter>();
  *out = Value();
  if (!bi->seq) return OK();
  std::string_view d = self_view(bi->seq);
  if (bi->index < int64_t(d.size())) {
    *out = Value::small(static_cast<unsigned char>(d[size_t(bi->index++)]));
    return OK();
  }
  bi->seq = Value();
  return OK();
}

static Result<Value> bytes_iter(Value* args, int64_t, Tuple*) {
  BytesIter* it = static_cast<BytesIter*>(alloc_instance(tp_bytes_iterator, sizeof(BytesIter)));
  it->seq = args[0];
  it->index = 0;
  return Value(it);
}

static Result<Value> bytesiter_next(Value* args, int64_t, Tuple*) {
  Value out;
  TRY(bytes_iternext(args[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}
static Result<Value> bytesiter_iter(Value* args, int64_t, Tuple*) { return args[0]; }
// Pickling: (iter, (seq,), index), or (iter, ((),)) once exhausted, as CPython's.
static Result<Value> bytesiter_reduce(Value* args, int64_t, Tuple*) {
  BytesIter* bi = args[0].as<BytesIter>();
  if (!bi->seq) return iter_reduce_exhausted(Value(tuple_empty()));
  return iter_reduce_at(builtin_iter(), bi->seq, bi->index);
}
static Result<Value> bytesiter_setstate(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__setstate__", nargs - 1, 1, 1));
  BytesIter* bi = args[0].as<BytesIter>();
  if (bi->seq) bi->index = TRY(iter_state_index(args[1], 0, int64_t(self_view(bi->seq).size())));
  return None();
}
static Result<Value> bytesiter_length_hint(Value* args, int64_t, Tuple*) {
  BytesIter* bi = args[0].as<BytesIter>();
  if (!bi->seq) return Value::small(0);
  return Value::small(std::max<int64_t>(0, int64_t(self_view(bi->seq).size()) - bi->index));
}

// ---- bytearray mutation -------------------------------------------------------------------------
static ByteArray* BA(Value v) { return as_bytearray(v); }

static Result<Value> ba_append(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("append", kw));
  TRY(check_nargs("append", nargs - 1, 1, 1));
  int c = TRY(byte_value(args[1]));
  char ch = char(c);
  TRY(bytearray_append(BA(args[0]), std::string_view(&ch, 1)));
  return None();
}

static Result<Value> ba_extend(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("extend", kw));
  TRY(check_nargs("extend", nargs - 1, 1, 1));
  Value src = args[1];
  std::string_view bv;
  if (buffer_view_opt(src, &bv)) {
    TRY(bytearray_append(BA(args[0]), bv));
    return None();
  }
  if (is_str(src)) return raise(tp_TypeError, "'str' object cannot be interpreted as an integer");
  Result<Value> itr = get_iter(src);
  if (itr.is_err()) {
    if (exc_matches(tp_TypeError)) {
      exc_clear();
      return raise_fmt(tp_TypeError, "can't extend bytearray with %s", type_name(src));
    }
    return ERR;
  }
  std::string data;
  for (;;) {
    Value x;
    TRY(iter_next(itr.value(), &x));
    if (!x) break;
    int c = TRY(byte_value(x));
    data += char(c);
  }
  TRY(bytearray_append(BA(args[0]), data));
  return None();
}

static Result<Value> ba_insert(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("insert", kw));
  TRY(check_nargs("insert", nargs - 1, 2, 2));
  ByteArray* b = BA(args[0]);
  int64_t i = TRY(text::ssize_arg(args[1]));
  int c = TRY(byte_value(args[2]));
  if (i < 0) { i += b->size; if (i < 0) i = 0; }
  if (i > b->size) i = b->size;
  char ch = char(c);
  TRY(bytearray_splice(b, i, i, std::string_view(&ch, 1)));
  return None();
}

static Result<Value> ba_pop(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pop", kw));
  TRY(check_nargs("pop", nargs - 1, 0, 1));
  ByteArray* b = BA(args[0]);
  int64_t i = -1;
  if (nargs > 1) i = TRY(text::ssize_arg(args[1]));
  if (b->size == 0) return raise(tp_IndexError, "pop from empty bytearray");
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) return raise(tp_IndexError, "pop index out of range");
  int c = static_cast<unsigned char>(b->data[i]);
  TRY(bytearray_splice(b, i, i + 1, {}));
  return Value::small(c);
}

static Result<Value> ba_remove(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("remove", kw));
  TRY(check_nargs("remove", nargs - 1, 1, 1));
  ByteArray* b = BA(args[0]);
  int c = TRY(byte_value(args[1]));
  const void* p = b->size ? std::memchr(b->data, c, size_t(b->size)) : nullptr;
  if (!p) return raise(tp_ValueError, "value not found in bytearray");
  int64_t i = static_cast<const char*>(p) - b->data;
  TRY(bytearray_splice(b, i, i + 1, {}));
  return None();
}

static Result<Value> ba_clear(Value* args, int64_t nargs, Tuple* kw) {
  TRY(check_nargs("clear", nargs - 1, 0, 0));
  TRY(bytearray_resize(BA(args[0]), 0));
  return None();
}

static Result<Value> ba_copy(Value* args, int64_t nargs, Tuple* kw) {
  TRY(check_nargs("copy", nargs - 1, 0, 0));
  return Value(bytearray_new(BA(args[0])->view()));
}

// bytearray.__reduce_ex__(proto): (type, args, state) with the contents as
// ('latin-1 text', 'latin-1') below protocol 3 and as bytes from 3 on (no
// argument when empty), and the instance's __getstate__() (its __dict__ and
// slots), as CPython's bytearray_reduce_ex.
static Result<Value> ba_reduce_common(Value self, int64_t proto) {
  std::string_view d = BA(self)->view();
  Value args;
  if (proto < 3) {
    Value text = d.empty() ? Value(str_new("")) : TRY(codec_decode(d, "latin-1", "strict"));
    args = Value(tuple_of({text, Value(str_intern("latin-1"))}));
  } else {
    args = d.empty() ? Value(tuple_empty()) : Value(tuple_of({Value(bytes_from(d))}));
  }
  Value getstate = TRY(getattr(self, str_intern("__getstate__")));
  Value state = TRY(call0(getstate));
  return Value(tuple_of({Value(self.type()), args, state}));
}
static Result<Value> ba_reduce(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__reduce__", nargs - 1, 0, 0));
  return ba_reduce_common(args[0], 0);
}
static Result<Value> ba_reduce_ex(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__reduce_ex__", nargs - 1, 0, 1));
  int64_t proto = nargs > 1 ? TRY(text::ssize_arg(args[1])) : 0;
  return ba_reduce_common(args[0], proto);
}

static Result<Value> ba_reverse(Value* args, int64_t nargs, Tuple* kw) {
  TRY(check_nargs("reverse", nargs - 1, 0, 0));
  ByteArray* b = BA(args[0]);
  if (b->size) std::reverse(b->data, b->data + b->size);
  return None();
}

// Bytes for the right-hand side of a slice assignment.
static Status assign_source(Value v, std::string* out) {
  std::string_view bv;
  if (buffer_view_opt(v, &bv)) { out->assign(bv); return OK(); }
  if (is_str(v) || is_int(v) || !type_lookup(v.type(), N.__iter__))
    return raise(tp_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  Value itr = TRY(get_iter(v));
  for (;;) {
    Value x;
    TRY(iter_next(itr, &x));
    if (!x) break;
    int c = TRY(byte_value(x));
    *out += char(c);
  }
  return OK();
}

static Status ba_ass_subscript(ByteArray* b, Value key, Value v) {
  if (key.is_small() || is_int(key) || (!text::is_slice(key) && type_lookup(key.type(), N.__index__))) {
    int64_t i;
    if (key.is_small()) {
      i = key.as_small();
    } else {
      Value iv = TRY(index_value(key));
      if (!int_fits_i64(iv, &i)) return raise(tp_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) return raise(tp_IndexError, "bytearray index out of range");
    if (!v) return bytearray_splice(b, i, i + 1, {});
    int c = TRY(byte_value(v));
    if (i >= b->size) return raise(tp_IndexError, "bytearray index out of range");  // v's __index__ shrank b
    b->data[i] = char(c);
    return OK();
  }
  if (!text::is_slice(key))
    return raise_fmt(tp_TypeError, "bytearray indices must be integers or slices, not %s", type_name(key));
  int64_t start, stop, step;
  int64_t len = TRY(text::slice_resolve(key, b->size, &start, &stop, &step));
  std::string src;
  if (v) TRY(assign_source(v, &src));
  if (step == 1) {
    if (stop < start) stop = start;
    return bytearray_splice(b, start, stop, src);
  }
  if (!v) {
    // Delete an extended slice: keep every byte not selected.
    if (len == 0) return OK();
    if (b->exports) return raise_exported();
    std::string keep;
    keep.reserve(size_t(b->size - len));
    int64_t lo = step > 0 ? start : start + (len - 1) * step;
    int64_t st = step > 0 ? step : -step;
    int64_t k = 0;
    for (int64_t i = 0; i < b->size; i++) {
      if (k < len && i == lo + k * st) { k++; continue; }
      keep += b->data[i];
    }
    std::memcpy(b->data, keep.data(), keep.size());
    b->size = int64_t(keep.size());
    b->data[b->size] = 0;
    return OK();
  }
  if (int64_t(src.size()) != len)
    return raise_fmt(tp_ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", src.size(),
                     (long long)len);
  for (int64_t k = 0, i = start; k < len; k++, i += step) b->data[i] = src[size_t(k)];
  return OK();
}

static Result<Value> ba_setitem(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__setitem__", nargs - 1, 2, 2));
  TRY(ba_ass_subscript(BA(args[0]), args[1], args[2]));
  return None();
}

static Result<Value> ba_delitem(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__delitem__", nargs - 1, 1, 1));
  TRY(ba_ass_subscript(BA(args[0]), args[1], Value()));
  return None();
}

static Result<Value> ba_iadd(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__iadd__", nargs - 1, 1, 1));
  std::string_view bv;
  if (!buffer_view_opt(args[1], &bv))
    return raise_fmt(tp_TypeError, "can't concat %s to %s", type_name(args[1]), type_name_of(args[0].type()));
  TRY(bytearray_append(BA(args[0]), bv));
  return args[0];
}

static Result<Value> ba_imul(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("__imul__", nargs - 1, 1, 1));
  bool not_int;
  int64_t n = TRY(repeat_count(args[1], &not_int));
  if (not_int) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
  ByteArray* b = BA(args[0]);
  std::string out = TRY(repeat(b->view(), n, false));
  TRY(bytearray_resize(b, 0));
  TRY(bytearray_append(b, out));
  return args[0];
}

static Result<Value> ba_alloc(Value* args, int64_t, Tuple*) {
  return Value::small(BA(args[0])->capacity + 1);
}

// ---- type set-up -------------------------------------------------------------------------------------
static const MethodDef bytes_core_methods[] = {
    {"__new__", bytes_new_fn, MethKind::Static},
    {"__repr__", bytes_repr},
    {"__str__", bytes_repr},
    {"__hash__", bytes_hash_fn},
    {"__len__", bytes_len},
    {"__getitem__", bytes_getitem},
    {"__contains__", bytes_contains},
    {"__iter__", bytes_iter},
    {"__add__", bytes_add},
    {"__mul__", bytes_mul},
    {"__rmul__", bytes_rmul},
    {"__mod__", bytes_mod},
    {"__rmod__", bytes_rmod},
    {"__lt__", bytes_lt},
    {"__le__", bytes_le},
    {"__eq__", bytes_eq},
    {"__ne__", bytes_ne},
    {"__gt__", bytes_gt},
    {"__ge__", bytes_ge},
    {"__sizeof__", bytes_sizeof},
    {"__getnewargs__", bytes_getnewargs},
    {"__bytes__", bytes_bytes},
    {nullptr, nullptr}};

static const MethodDef bytearray_core_methods[] = {
    {"__new__", bytearray_new_fn, MethKind::Static},
    {"__init__", bytearray_init_fn},
    {"__repr__", bytes_repr},
    {"__str__", bytes_repr},
    {"__len__", bytes_len},
    {"__getitem__", bytes_getitem},
    {"__setitem__", ba_setitem},
    {"__delitem__", ba_delitem},
    {"__contains__", bytes_contains},
    {"__iter__", bytes_iter},
    {"__add__", bytes_add},
    {"__iadd__", ba_iadd},
    {"__mul__", bytes_mul},
    {"__rmul__", bytes_rmul},
    {"__imul__", ba_imul},
    {"__mod__", bytes_mod},
    {"__rmod__", bytes_rmod},
    {"__lt__", bytes_lt},
    {"__le__", bytes_le},
    {"__eq__", bytes_eq},
    {"__ne__", bytes_ne},
    {"__gt__", bytes_gt},
    {"__ge__", bytes_ge},
    {"__sizeof__", bytes_sizeof},
    {"__alloc__", ba_alloc},
    {"append", ba_append, MethKind::O},
    {"extend", ba_extend, MethKind::O},
    {"insert", ba_insert},
    {"pop", ba_pop},
    {"remove", ba_remove},
    {"clear", ba_clear},
    {"copy", ba_copy, MethKind::NoArgs},
    {"reverse", ba_reverse, MethKind::NoArgs},
    {"__reduce__", ba_reduce},
    {"__reduce_ex__", ba_reduce_ex},
    {nullptr, nullptr}};

static const MethodDef bytes_iter_methods[] = {
    {"__next__", bytesiter_next},
    {"__reduce__", bytesiter_reduce},
    {"__setstate__", bytesiter_setstate},
    {"__iter__", bytesiter_iter},
    {"__length_hint__", bytesiter_length_hint},
    {nullptr, nullptr}};

void init_bytes_type() {
  bytes_empty();
  type_add_methods(tp_bytes, bytes_core_methods);
  type_add_methods(tp_bytearray, bytearray_core_methods);
  type_set_attr_const(tp_bytearray, "__hash__", None());
  init_bytes_methods(tp_bytes, false);
  init_bytes_methods(tp_bytearray, true);
  type_add_methods(tp_bytes_iterator, bytes_iter_methods);
  tp_bytes_iterator->iternext = bytes_iternext;
  type_set_attr_const(tp_bytes, "__doc__",
                      str_value("bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
                                "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
                                "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
                                "bytes() -> empty bytes object\n\n"
                                "Construct an immutable array of bytes from:\n"
                                "  - an iterable yielding integers in range(256)\n"
                                "  - a text string encoded using the specified encoding\n"
                                "  - any object implementing the buffer API.\n"
                                "  - an integer"));
  type_set_attr_const(tp_bytearray, "__doc__",
                      str_value("bytearray(iterable_of_ints) -> bytearray\n"
                                "bytearray(string, encoding[, errors]) -> bytearray\n"
                                "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
                                "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
                                "bytearray() -> empty bytes array\n\n"
                                "Construct a mutable bytearray object from:\n"
                                "  - an iterable yielding integers in range(256)\n"
                                "  - a text string encoded using the specified encoding\n"
                                "  - a bytes or a buffer object\n"
                                "  - any object implementing the buffer API.\n"
                                "  - an integer"));
}

}  // namespace gilpy
