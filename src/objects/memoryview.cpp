// memoryview: one-dimensional views over the bytes of a bytes or bytearray object.
//
// A view is (exporter, byte offset of item 0, item count, byte stride, format). Item i lives at
// exporter_data + start + i * step; step is a multiple of the item size and negative for
// reversed slices. Slicing makes a new view of the same exporter (no copy); cast() reinterprets
// a C-contiguous view with another native single-character format.
//
// Deliberate difference from CPython: views do not pin a bytearray's size (CPython counts
// exports and refuses to resize with BufferError). gilpy's collector cannot release a dropped
// view promptly, so pinning would make `bytes(memoryview(ba)); ba.append(1)` fail at random.
// Instead the data pointer is re-read from the exporter on every access and every access is
// bounds-checked against the exporter's current size (IndexError "memoryview: underlying buffer
// has been resized"), so a view never touches freed or foreign memory.
//
// Exporters registered through register_buffer_export (objects/bytes.h) may ask to be counted:
// then a view made from the exporter itself (memoryview(m)) adds one to the storage's `exports`
// while it is alive, until release(), the end of a `with` block, or its collection (a collector
// finalizer). mmap.mmap uses that to refuse close() and resize() while views exist. Views derived
// from a view (slices, casts, copies) are not counted: the collector scans frames conservatively,
// so a temporary like the slice in `bytes(shm.buf[:5])` can look alive long after its statement,
// and counting it would make a later close() fail. They stay safe without counting: every access
// re-reads the exporter's (then empty) storage and raises instead of touching unmapped memory.
#include <cstdio>
#include <cstring>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "gc/heap.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

struct MemoryView : Object {
  Value obj;         // the exporter (bytes or bytearray); kept after release for repr only
  Value owner;       // what .obj reports when that is not `obj` (array.array, mmap.mmap)
  ByteArray* counted;  // storage whose `exports` counts this view while it is unreleased
  bool pinned;       // the exporter's storage moves only on close/resize: direct access is fine
  int64_t start;     // byte offset of item 0
  int64_t length;    // number of items
  int64_t step;      // byte distance between items (multiple of itemsize, may be negative)
  int64_t itemsize;
  char format;       // struct format character: B b c h H i I l L q Q n N f d ?
  bool readonly;
  bool released;
  bool hashed;       // `hash` holds hash(tobytes()), kept after release as CPython keeps it
  int64_t hash;
  Tuple* shape;      // null: one-dimensional; else a C-contiguous N-dimensional view (from cast)
};

MemoryView* MV(Value v) { return v.as<MemoryView>(); }

int64_t format_size(char f) {
  switch (f) {
    case 'B': case 'b': case 'c': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': return 8;
    default: return 0;
  }
}

Err released_error() { return raise(tp_ValueError, "operation forbidden on released memoryview object"); }

Status check_live(MemoryView* m) {
  if (m->released) return released_error();
  return OK();
}

// The exporter's current bytes.
std::string_view exporter_data(Value obj) {
  if (is_bytes(obj)) return as_bytes(obj)->view();
  return as_bytearray(obj)->view();
}

// Pointer to item i, after checking that the whole view still fits the exporter.
Result<char*> item_ptr(MemoryView* m, int64_t i) {
  std::string_view d = exporter_data(m->obj);
  int64_t lo = m->start, hi = m->start;
  if (m->length > 0) {
    int64_t last = m->start + (m->length - 1) * m->step;
    lo = std::min(lo, last);
    hi = std::max(hi, last);
  }
  if (m->length > 0 && (lo < 0 || hi + m->itemsize > int64_t(d.size())))
    return raise(tp_IndexError, "memoryview: underlying buffer has been resized");
  return const_cast<char*>(d.data()) + m->start + i * m->step;
}

Result<Value> unpack(MemoryView* m, const char* p) {
  auto get = [p](auto x) { std::memcpy(&x, p, sizeof x); return x; };
  switch (m->format) {
    case 'B': return Value::small(get(uint8_t()));
    case 'b': return Value::small(get(int8_t()));
    case 'c': return bytes_from(std::string_view(p, 1));
    case '?': return Bool(get(uint8_t()) != 0);
    case 'h': return Value::small(get(int16_t()));
    case 'H': return Value::small(get(uint16_t()));
    case 'i': return Value::small(get(int32_t()));
    case 'I': return Value::small(get(uint32_t()));
    case 'l': case 'q': case 'n': return int_from_i64(get(int64_t()));
    case 'L': case 'Q': case 'N': return int_from_u64(get(uint64_t()));
    case 'f': return float_new(get(float()));
    case 'd': return float_new(get(double()));
  }
  return raise_fmt(tp_NotImplementedError, "memoryview: format %c not supported", m->format);
}

Status pack(MemoryView* m, char* p, Value v) {
  char f = m->format;
  auto invalid_type = [f]() { return raise_fmt(tp_TypeError, "memoryview: invalid type for format '%c'", f); };
  auto invalid_value = [f]() { return raise_fmt(tp_ValueError, "memoryview: invalid value for format '%c'", f); };
  auto put = [p](auto x) { std::memcpy(p, &x, sizeof x); };
  if (f == 'c') {
    if (!is_bytes(v) || as_bytes(v)->size != 1) return invalid_value();
    *p = as_bytes(v)->data[0];
    return OK();
  }
  if (f == 'f' || f == 'd') {
    // PyFloat_AsDouble: floats, ints and objects with __float__ or __index__.
    if (!is_float(v) && !is_int(v) && !type_lookup(v.type(), N.__float__) && !type_lookup(v.type(), N.__index__))
      return invalid_type();
    double d = TRY(to_double(v));
    if (f == 'f') put(float(d));
    else put(d);
    return OK();
  }
  if (f == '?') {
    bool b = TRY(truthy(v));
    put(uint8_t(b));
    return OK();
  }
  if (!is_int(v)) {  // PyNumber_Index: an object with __index__ packs as that int
    if (is_float(v) || !type_lookup(v.type(), N.__index__)) return invalid_type();
    v = TRY(index_value(v));
  }
  int64_t x;
  bool unsigned_fmt = f == 'B' || f == 'H' || f == 'I' || f == 'L' || f == 'Q' || f == 'N';
  if (unsigned_fmt && (f == 'L' || f == 'Q' || f == 'N')) {
    if (int_sign(v) < 0) return invalid_value();
    std::string s = int_to_string(v, 10);
    errno = 0;
    unsigned long long u = std::strtoull(s.c_str(), nullptr, 10);
    if (errno) return invalid_value();
    put(uint64_t(u));
    return OK();
  }
  if (!int_fits_i64(v, &x)) return invalid_value();
  auto in = [x](int64_t lo, int64_t hi) { return x >= lo && x <= hi; };
  switch (f) {
    case 'B': if (!in(0, 255)) return invalid_value(); put(uint8_t(x)); break;
    case 'b': if (!in(-128, 127)) return invalid_value(); put(int8_t(x)); break;
    case 'h': if (!in(INT16_MIN, INT16_MAX)) return invalid_value(); put(int16_t(x)); break;
    case 'H': if (!in(0, UINT16_MAX)) return invalid_value(); put(uint16_t(x)); break;
    case 'i': if (!in(INT32_MIN, INT32_MAX)) return invalid_value(); put(int32_t(x)); break;
    case 'I': if (!in(0, UINT32_MAX)) return invalid_value(); put(uint32_t(x)); break;
    default: put(x); break;  // l q n
  }
  return OK();
}

void release_view(MemoryView* m) {
  if (m->released) return;
  m->released = true;
  if (m->counted) {
    if (m->counted->exports > 0) m->counted->exports--;
    m->counted = nullptr;
  }
}

void mv_finalizer(void* obj, void*) { release_view(static_cast<MemoryView*>(obj)); }

// `like`: the view this one derives from (its owner and pinning carry over, not its counting).
MemoryView* mv_alloc(Value obj, int64_t start, int64_t length, int64_t step, int64_t itemsize, char format,
                     bool readonly, const MemoryView* like = nullptr) {
  auto* m = static_cast<MemoryView*>(alloc_instance(tp_memoryview, sizeof(MemoryView)));
  m->obj = obj;
  m->start = start;
  m->length = length;
  m->step = step;
  m->itemsize = itemsize;
  m->format = format;
  m->readonly = readonly;
  if (like) {
    m->owner = like->owner;
    m->pinned = like->pinned;
  }
  return m;
}

// A view made from a counting exporter itself counts in its storage's exports until released.
void count_view(MemoryView* m, ByteArray* storage) {
  m->counted = storage;
  storage->exports++;
  GC_register_finalizer(m, mv_finalizer, nullptr, nullptr, nullptr);
}

bool contiguous(MemoryView* m) { return m->length <= 1 || m->step == m->itemsize; }

// The view's bytes in logical order.
Result<std::string> gather(MemoryView* m) {
  TRY(check_live(m));
  std::string out;
  if (m->length == 0) return out;
  char* p0 = TRY(item_ptr(m, 0));
  if (contiguous(m)) return std::string(p0, size_t(m->length * m->itemsize));
  out.reserve(size_t(m->length * m->itemsize));
  for (int64_t i = 0; i < m->length; i++) out.append(p0 + i * m->step, size_t(m->itemsize));
  return out;
}

// ---- construction ----------------------------------------------------------------------------
Result<Value> mv_new(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("memoryview", a + 1, n - 1, kw, {"object"}, 1, out));
  Value o = out[0];
  if (o.type() == tp_memoryview) {
    MemoryView* s = MV(o);
    TRY(check_live(s));
    return Value(mv_alloc(s->obj, s->start, s->length, s->step, s->itemsize, s->format, s->readonly, s));
  }
  if (is_bytes(o)) return Value(mv_alloc(o, 0, as_bytes(o)->size, 1, 1, 'B', true));
  if (is_bytearray(o)) return Value(mv_alloc(o, 0, as_bytearray(o)->size, 1, 1, 'B', false));
  // Other exporters (array.array) hand over the bytearray holding their items; the view then
  // behaves like a typed view of that bytearray.
  BufferExport ex;
  if (buffer_export(o, &ex)) {
    if (ex.invalid) return raise(tp_ValueError, ex.invalid);
    MemoryView like{};
    like.owner = ex.owner;
    like.pinned = ex.counted;
    MemoryView* m = mv_alloc(Value(ex.storage), 0, ex.storage->size / ex.itemsize, ex.itemsize, ex.itemsize,
                             ex.format, ex.readonly, &like);
    if (ex.counted) count_view(m, ex.storage);
    return Value(m);
  }
  return raise_fmt(tp_TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(o));
}

// ---- sequence protocol -----------------------------------------------------------------------
bool is_index_like(Value v) { return is_int(v) || lookup_special(v, N.__index__); }

Result<Value> mv_len(Value* a, int64_t, Tuple*) {
  TRY(check_live(MV(a[0])));
  MemoryView* m = MV(a[0]);
  return m->shape ? m->shape->items[0] : Value::small(m->length);
}

// A subscript too large for an index is an IndexError here (CPython's
// PyNumber_AsSsize_t(key, PyExc_IndexError)), not as_index's OverflowError.
static Result<int64_t> subscript_index(Value key) {
  Result<int64_t> i = as_index(key);
  if (i.is_err() && exc_matches(tp_OverflowError)) {
    exc_clear();
    return raise(tp_IndexError, "cannot fit 'int' into an index-sized integer");
  }
  return i;
}

// The flat item index of a full tuple key on an N-dimensional view.
Result<int64_t> nd_index(MemoryView* m, Value key) {
  Tuple* k = as_tuple(key);
  if (k->size < m->shape->size) return raise(tp_NotImplementedError, "sub-views are not implemented");
  if (k->size > m->shape->size)
    return raise_fmt(tp_TypeError, "cannot index %lld-dimension view with %lld-element tuple",
                     (long long)m->shape->size, (long long)k->size);
  int64_t flat = 0;
  for (int64_t d = 0; d < k->size; d++) {
    int64_t dim = m->shape->items[d].as_small();
    if (!is_index_like(k->items[d])) return raise(tp_TypeError, "memoryview: invalid slice key");
    int64_t i = TRY(subscript_index(k->items[d]));
    if (i < 0) i += dim;
    if (i < 0 || i >= dim) return raise_fmt(tp_IndexError, "index out of bounds on dimension %lld", (long long)d + 1);
    flat = flat * dim + i;
  }
  return flat;
}

Result<int64_t> item_index(MemoryView* m, Value key) {
  int64_t i = TRY(subscript_index(key));
  if (i < 0) i += m->length;
  if (i < 0 || i >= m->length) return raise(tp_IndexError, "index out of bounds on dimension 1");
  return i;
}

// A tuple of slices only (CPython's is_multislice): a multi-dimensional slice.
bool is_multislice(Value key) {
  if (!is_tuple(key) || as_tuple(key)->size == 0) return false;
  for (int64_t i = 0; i < as_tuple(key)->size; i++)
    if (!is_slice(as_tuple(key)->items[i])) return false;
  return true;
}

// A tuple of indices on a one-dimensional view: (i,) is item i, as CPython's
// ptr_from_tuple allows; more indices than dimensions is a TypeError.
Result<Value> one_dim_index(Value key) {
  if (!is_tuple(key) || as_tuple(key)->size == 0) return key;
  Tuple* t = as_tuple(key);
  for (int64_t i = 0; i < t->size; i++)
    if (!is_index_like(t->items[i])) return key;
  if (t->size > 1)
    return raise_fmt(tp_TypeError, "cannot index 1-dimension view with %lld-element tuple", (long long)t->size);
  return t->items[0];
}

Result<Value> mv_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getitem__", n - 1, 1, 1));
  MemoryView* m = MV(a[0]);
  TRY(check_live(m));
  Value key = a[1];
  if (m->shape) {
    if (is_tuple(key)) {
      int64_t i = TRY(nd_index(m, key));
      TRY(check_live(m));  // an index's __index__ may have released the view
      char* p = TRY(item_ptr(m, i));
      return unpack(m, p);
    }
    if (key.obj() == g_Ellipsis) return a[0];
    if (is_slice(key)) return raise(tp_NotImplementedError, "multi-dimensional slicing is not implemented");
    return raise(tp_NotImplementedError, "multi-dimensional sub-views are not implemented");
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t cnt = TRY(slice_indices(key.as<Slice>(), m->length, &start, &stop, &step));
    return Value(mv_alloc(m->obj, m->start + start * m->step, cnt, m->step * step, m->itemsize, m->format,
                          m->readonly, m));
  }
  if (key.obj() == g_Ellipsis) return a[0];
  if (is_multislice(key)) return raise(tp_NotImplementedError, "multi-dimensional slicing is not implemented");
  key = TRY(one_dim_index(key));
  if (!is_index_like(key)) {
    if (exc_pending()) return ERR;
    return raise(tp_TypeError, "memoryview: invalid slice key");
  }
  int64_t i = TRY(item_index(m, key));
  TRY(check_live(m));  // __index__ may have released the view (gh-92888)
  char* p = TRY(item_ptr(m, i));
  return unpack(m, p);
}

Result<Value> mv_setitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setitem__", n - 1, 2, 2));
  MemoryView* m = MV(a[0]);
  TRY(check_live(m));
  if (m->readonly) return raise(tp_TypeError, "cannot modify read-only memory");
  Value key = a[1];
  if (m->shape) {
    if (!is_tuple(key)) return raise(tp_NotImplementedError, "memoryview assignments are currently restricted to ndim = 1");
    int64_t i = TRY(nd_index(m, key));
    char tmp[8];
    TRY(pack(m, tmp, a[2]));
    TRY(check_live(m));  // the conversions may have released the view
    char* p = TRY(item_ptr(m, i));
    std::memcpy(p, tmp, size_t(m->itemsize));
    return None();
  }
  if (is_multislice(key))
    return raise(tp_NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
  key = TRY(one_dim_index(key));
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t cnt = TRY(slice_indices(key.as<Slice>(), m->length, &start, &stop, &step));
    std::string src;
    if (a[2].type() == tp_memoryview) {
      MemoryView* s = MV(a[2]);
      if (s->format != m->format && !(format_size(s->format) == 1 && format_size(m->format) == 1 &&
                                      s->format != 'c' && m->format != 'c'))
        return raise(tp_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      src = TRY(gather(s));
    } else {
      std::string_view sv;
      if (!buffer_view_opt(a[2], &sv))
        return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(a[2]));
      src = std::string(sv);  // copy first: the source may alias the destination
    }
    TRY(check_live(m));  // the slice's __index__ may have released the view
    if (int64_t(src.size()) != cnt * m->itemsize)
      return raise(tp_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
    if (cnt == 0) return None();
    char* p0 = TRY(item_ptr(m, 0));
    for (int64_t i = 0; i < cnt; i++)
      std::memcpy(p0 + (start + i * step) * m->step, src.data() + i * m->itemsize, size_t(m->itemsize));
    return None();
  }
  if (!is_index_like(key)) {
    if (exc_pending()) return ERR;
    return raise(tp_TypeError, "memoryview: invalid slice key");
  }
  int64_t i = TRY(item_index(m, key));
  // Pack into a scratch item first so a failed conversion leaves the buffer
  // untouched; the conversions (__index__, __float__, __bool__) may release
  // the view, so it is checked again before the write (gh-92888).
  char tmp[8];
  TRY(pack(m, tmp, a[2]));
  TRY(check_live(m));
  char* p = TRY(item_ptr(m, i));
  std::memcpy(p, tmp, size_t(m->itemsize));
  return None();
}

Result<Value> mv_delitem(Value*, int64_t, Tuple*) { return raise(tp_TypeError, "cannot delete memory"); }

Result<Value> mv_tolist(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tolist", kw));
  TRY(check_nargs("tolist", n - 1, 0, 0));
  MemoryView* m = MV(a[0]);
  TRY(check_live(m));
  List* l = list_new(0);
  if (m->length == 0) return Value(l);
  char* p0 = TRY(item_ptr(m, 0));
  TRY(list_reserve(l, m->length));
  for (int64_t i = 0; i < m->length; i++) TRY(list_append(l, TRY(unpack(m, p0 + i * m->step))));
  if (!m->shape) return Value(l);
  // Nest the flat items by the shape, innermost dimension first.
  Value cur = Value(l);
  for (int64_t d = m->shape->size - 1; d > 0; d--) {
    int64_t dim = m->shape->items[d].as_small();
    List* flat = as_list(cur);
    List* outer = list_new(0);
    for (int64_t i = 0; i < flat->size; i += dim) TRY(list_append(outer, Value(list_from(flat->items + i, dim))));
    cur = Value(outer);
  }
  return cur;
}

Result<Value> mv_iter(Value* a, int64_t n, Tuple* kw) {
  if (MV(a[0])->shape) return raise(tp_NotImplementedError, "multi-dimensional sub-views are not implemented");
  Value l = TRY(mv_tolist(a, n, kw));
  return get_iter(l);
}

// ---- conversions -----------------------------------------------------------------------------
Result<Value> mv_tobytes(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("tobytes", a + 1, n - 1, kw, {"order"}, 0, out));
  std::string s = TRY(gather(MV(a[0])));
  return bytes_from(s);
}

Result<Value> mv_hex(Value* a, int64_t n, Tuple* kw) {
  std::string s = TRY(gather(MV(a[0])));
  // bytes.hex does the formatting (sep and bytes_per_sep handling) on the gathered copy.
  Value b = bytes_from(s);
  Value hexm = TRY(getattr(b, str_intern("hex")));
  return call(hexm, a + 1, n - 1, kw);
}

Result<Value> mv_toreadonly(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("toreadonly", kw));
  MemoryView* m = MV(a[0]);
  TRY(check_live(m));
  return Value(mv_alloc(m->obj, m->start, m->length, m->step, m->itemsize, m->format, true, m));
}

Result<Value> mv_release(Value* a, int64_t, Tuple*) {
  release_view(MV(a[0]));
  return None();
}
Result<Value> mv_enter(Value* a, int64_t, Tuple*) {
  TRY(check_live(MV(a[0])));
  return a[0];
}
Result<Value> mv_exit(Value* a, int64_t, Tuple*) {
  release_view(MV(a[0]));
  return False();
}

// cast(format[, shape]): one side must be a byte format; a shape makes a
// C-contiguous N-dimensional view (1D -> ND or ND -> 1D, as CPython allows).
Result<Value> mv_cast(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("cast", a + 1, n - 1, kw, {"format", "shape"}, 1, out));
  MemoryView* m = MV(a[0]);
  TRY(check_live(m));
  if (!is_str(out[0])) return raise_fmt(tp_TypeError, "memoryview: format argument must be a string");
  std::string_view f = as_str(out[0])->view();
  if (f.size() == 2 && f[0] == '@') f.remove_prefix(1);
  if (f.size() != 1 || format_size(f[0]) == 0)
    return raise(tp_ValueError,
                 "memoryview: destination format must be a native single character format prefixed with an "
                 "optional '@'");
  char nf = f[0];
  if (!contiguous(m)) return raise(tp_TypeError, "memoryview: casts are restricted to C-contiguous views");
  auto byte_fmt = [](char c) { return c == 'B' || c == 'b' || c == 'c'; };
  if (!byte_fmt(m->format) && !byte_fmt(nf))
    return raise(tp_TypeError, "memoryview: cannot cast between two non-byte formats");
  int64_t nbytes = m->length * m->itemsize;
  int64_t isz = format_size(nf);
  if (nbytes % isz) return raise(tp_TypeError, "memoryview: length is not a multiple of itemsize");
  int64_t count = nbytes / isz;
  Tuple* nd = nullptr;
  if (out[1] && !is_none(out[1])) {
    if (!is_list(out[1]) && !is_tuple(out[1])) return raise(tp_TypeError, "shape must be a list or a tuple");
    Tuple* shape = TRY(to_tuple(out[1]));
    if (m->shape && shape->size != 1) return raise(tp_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    if (shape->size > 64) return raise(tp_ValueError, "memoryview: number of dimensions must not exceed 64");
    if (shape->size == 0) return raise(tp_NotImplementedError, "memoryview: gilpy has no zero-dimensional views");
    int64_t prod = 1;
    for (int64_t i = 0; i < shape->size; i++) {
      Value d = shape->items[i];
      int64_t x = is_int(d) ? TRY(as_index(d)) : 0;
      if (x <= 0) return raise(tp_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      if (prod > INT64_MAX / x) return raise(tp_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
      prod *= x;
    }
    if (prod * isz != nbytes) return raise(tp_TypeError, "memoryview: product(shape) * itemsize != buffer size");
    if (shape->size > 1) {
      nd = tuple_new(shape->size);
      for (int64_t i = 0; i < shape->size; i++) nd->items[i] = Value::small(TRY(as_index(shape->items[i])));
    }
  }
  MemoryView* r = mv_alloc(m->obj, m->start, count, isz, isz, nf, m->readonly, m);
  r->shape = nd;
  return Value(r);
}

// ---- comparison, hashing, repr ----------------------------------------------------------------
Result<Value> mv_eq_impl(Value self, Value other, bool* equal) {
  MemoryView* m = MV(self);
  if (m->released || (other.type() == tp_memoryview && MV(other)->released)) {
    *equal = self == other;
    return None();
  }
  Value mine = TRY(mv_tolist(&self, 1, nullptr));
  Value theirs;
  if (other.type() == tp_memoryview) {
    theirs = TRY(mv_tolist(&other, 1, nullptr));
  } else {
    std::string_view sv;
    if (other.type() == tp_bytes || other.type() == tp_bytearray) {
      if (!buffer_view_opt(other, &sv)) return Value(g_NotImplemented);
      List* l = list_new(0);
      for (unsigned char c : sv) TRY(list_append(l, Value::small(c)));
      theirs = l;
    } else {
      // Any other exporter (array.array, mmap, ...) is compared item by item
      // in its own format, through a view of it.
      Result<Value> view = call1(Value(tp_memoryview), other);
      if (view.is_err()) {
        if (!exc_matches(tp_TypeError)) return ERR;
        exc_clear();
        return Value(g_NotImplemented);
      }
      Value v = view.value();
      theirs = TRY(mv_tolist(&v, 1, nullptr));
    }
  }
  *equal = TRY(eq(mine, theirs));
  return None();
}
Result<Value> mv_eq(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__eq__", n - 1, 1, 1));
  bool e = false;
  Value r = TRY(mv_eq_impl(a[0], a[1], &e));
  if (r.obj() == g_NotImplemented) return r;
  return Bool(e);
}
Result<Value> mv_ne(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__ne__", n - 1, 1, 1));
  bool e = false;
  Value r = TRY(mv_eq_impl(a[0], a[1], &e));
  if (r.obj() == g_NotImplemented) return r;
  return Bool(!e);
}

Result<Value> mv_hash(Value* a, int64_t, Tuple*) {
  MemoryView* m = MV(a[0]);
  if (m->hashed) return int_from_i64(m->hash);
  TRY(check_live(m));
  if (!m->readonly) return raise(tp_ValueError, "cannot hash writable memoryview object");
  if (m->format != 'B' && m->format != 'b' && m->format != 'c')
    return raise(tp_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  std::string s = TRY(gather(m));
  int64_t h = TRY(hash(bytes_from(s)));
  m->hash = h;
  m->hashed = true;
  return int_from_i64(h);
}

Result<Value> mv_repr(Value* a, int64_t, Tuple*) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%smemory at %#llx>", MV(a[0])->released ? "released " : "",
                (unsigned long long)a[0].bits());
  return str_value(buf);
}

// ---- attributes ---------------------------------------------------------------------------------
// C-contiguous strides: each dimension's step is the size of everything after it.
Value nd_strides(MemoryView* m) {
  if (!m->shape) return Value(tuple_of({int_from_i64(m->step)}));
  Tuple* t = tuple_new(m->shape->size);
  int64_t stride = m->itemsize;
  for (int64_t d = m->shape->size - 1; d >= 0; d--) {
    t->items[d] = int_from_i64(stride);
    stride *= m->shape->items[d].as_small();
  }
  return Value(t);
}
#define MV_GETTER(fname, expr)                        \
  Result<Value> fname(Value self) {                   \
    MemoryView* m = MV(self);                         \
    TRY(check_live(m));                               \
    return (expr);                                    \
  }
MV_GETTER(get_obj, m->owner ? m->owner : m->obj)
MV_GETTER(get_nbytes, Value::small(m->length * m->itemsize))
MV_GETTER(get_readonly, Bool(m->readonly))
MV_GETTER(get_itemsize, Value::small(m->itemsize))
MV_GETTER(get_format, Value(str_new_ascii(std::string_view(&m->format, 1))))
MV_GETTER(get_ndim, Value::small(m->shape ? m->shape->size : 1))
MV_GETTER(get_shape, m->shape ? Value(m->shape) : Value(tuple_of({Value::small(m->length)})))
MV_GETTER(get_strides, nd_strides(m))
MV_GETTER(get_suboffsets, Value(tuple_empty()))
MV_GETTER(get_contiguous, Bool(contiguous(m)))
#undef MV_GETTER
Result<Value> get_released(Value self) { return Bool(MV(self)->released); }

const MethodDef mv_methods[] = {
    {"__new__", mv_new, MethKind::Static},
    {"__len__", mv_len},
    {"__getitem__", mv_getitem},
    {"__setitem__", mv_setitem},
    {"__delitem__", mv_delitem},
    {"__iter__", mv_iter},
    {"__eq__", mv_eq},
    {"__ne__", mv_ne},
    {"__hash__", mv_hash},
    {"__repr__", mv_repr},
    {"__enter__", mv_enter},
    {"__exit__", mv_exit},
    {"tobytes", mv_tobytes},
    {"tolist", mv_tolist, MethKind::NoArgs},
    {"hex", mv_hex, MethKind::Method,
     "Return the bytes of this buffer as a string of hexadecimal digits, two per byte.\n\n  sep\n    An optional single character or byte put between groups of hex digits.\n  bytes_per_sep\n    How many bytes go in a group.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = memoryview(b'\\xb9\\x01\\xef')\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'"},
    {"toreadonly", mv_toreadonly, MethKind::NoArgs},
    {"release", mv_release},
    {"cast", mv_cast},
    {nullptr, nullptr},
};
const GetSetDef mv_getsets[] = {
    {"obj", get_obj},
    {"nbytes", get_nbytes},
    {"readonly", get_readonly},
    {"itemsize", get_itemsize},
    {"format", get_format},
    {"ndim", get_ndim},
    {"shape", get_shape},
    {"strides", get_strides},
    {"suboffsets", get_suboffsets},
    {"c_contiguous", get_contiguous},
    {"f_contiguous", get_contiguous},
    {"contiguous", get_contiguous},
    {"released", get_released},
    {nullptr, nullptr},
};

// The view's bytes in place when they are contiguous and still inside the exporter.
bool direct_span(Value v, char** data, int64_t* size) {
  if (!v.is_obj() || v.type() != tp_memoryview) return false;
  MemoryView* m = MV(v);
  if (m->released || !contiguous(m)) return false;
  std::string_view d = exporter_data(m->obj);
  int64_t n = m->length * m->itemsize;
  if (m->start < 0 || m->start + n > int64_t(d.size())) return false;
  *data = const_cast<char*>(d.data()) + m->start;
  *size = n;
  return true;
}

}  // namespace

bool memoryview_direct_view(Value v, std::string_view* out) {
  // Only views over counted exporters: their storage cannot be resized or unmapped while the
  // view lives. A bytearray's view is copied, as before (the caller may resize the bytearray).
  if (!v.is_obj() || v.type() != tp_memoryview || !MV(v)->pinned) return false;
  char* p;
  int64_t n;
  if (!direct_span(v, &p, &n)) return false;
  *out = std::string_view(p, size_t(n));
  return true;
}

bool memoryview_writable_span(Value v, char** data, int64_t* size) {
  if (!v.is_obj() || v.type() != tp_memoryview || MV(v)->readonly) return false;
  return direct_span(v, data, size);
}

size_t memoryview_size() { return sizeof(MemoryView); }

void init_memoryview_type() {
  type_add_methods(tp_memoryview, mv_methods);
  type_add_getsets(tp_memoryview, mv_getsets);
  type_set_attr_const(tp_memoryview, "__doc__", str_value("Create a new memoryview object which references the given object."));
}

}  // namespace gilpy
