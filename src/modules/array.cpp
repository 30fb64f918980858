// array: compact arrays of C numbers (array.array), the C-typed sequence that multiprocessing
// and socket's sendmsg/recvmsg helpers build on.
//
// Items live packed in native byte order inside a private bytearray (`buf`), so the array can
// export its memory the same way bytearray does: memoryview, bytes(), struct.pack_into and the
// other bytes-like consumers find that storage through the g_buffer_export hook (objects/bytes.h)
// and re-read its data pointer on every access, so growing the array never leaves them dangling.
// Item sizes are x86-64 Linux's: l/L/q/Q/d are 8 bytes, 'u' is a 4-byte wchar_t code point.
#include <cstring>
#include <string>

#include <gmp.h>

#include "bytecode/opcodes.h"

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

struct Array : Object {
  Dict* dict;      // subclass instances only
  ByteArray* buf;  // the packed items
  char typecode;
  int64_t itemsize;
};

struct ArrayIter : Object {
  Array* arr;  // null once exhausted
  int64_t index;
};

Type* tp_array;
Type* tp_array_iter;

const char kTypecodes[] = "bBuhHiIlLqQfd";

int64_t typecode_size(char c) {
  switch (c) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': case 'u': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
  }
}

Array* AR(Value v) { return v.as<Array>(); }
bool is_array(Value v) { return v.is_obj() && (v.type() == tp_array || is_subtype(v.type(), tp_array)); }
int64_t ar_len(Array* a) { return a->buf->size / a->itemsize; }
char* ar_ptr(Array* a, int64_t i) { return a->buf->data + i * a->itemsize; }

Array* ar_alloc(Type* t, char tc) {
  Array* a = static_cast<Array*>(alloc_instance(t, sizeof(Array)));
  a->buf = bytearray_new();
  a->typecode = tc;
  a->itemsize = typecode_size(tc);
  return a;
}

// While a memoryview made from the array is alive (counted in buf->exports), its size is fixed,
// as in CPython. A view dropped without release() is only noticed by a collection (the
// collector scans conservatively and frees lazily), so a collection runs before the refusal is
// final; arrays nobody views never pay for it.
Status check_resizable(Array* a) {
  if (a->buf->exports <= 0) return OK();
  Value gcmod = TRY(import_module(str_intern("gc")));
  TRY(call_method0(gcmod, str_intern("collect")));
  if (a->buf->exports <= 0) return OK();
  return raise(tp_BufferError, "cannot resize an array that is exporting buffers");
}
// ---- item conversion ---------------------------------------------------------------------------

Result<Value> get_item(Array* a, int64_t i) {
  const char* p = ar_ptr(a, i);
  auto get = [p](auto x) { std::memcpy(&x, p, sizeof x); return x; };
  switch (a->typecode) {
    case 'b': return Value::small(get(int8_t()));
    case 'B': return Value::small(get(uint8_t()));
    case 'h': return Value::small(get(int16_t()));
    case 'H': return Value::small(get(uint16_t()));
    case 'i': return Value::small(get(int32_t()));
    case 'I': return Value::small(get(uint32_t()));
    case 'l': case 'q': return int_from_i64(get(int64_t()));
    case 'L': case 'Q': return int_from_u64(get(uint64_t()));
    case 'f': return float_new(get(float()));
    case 'd': return float_new(get(double()));
    case 'u': {
      uint32_t cp = get(uint32_t());
      if (cp > 0x10FFFF)
        return raise_fmt(tp_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", unsigned(cp));
      return Value(str_from_cp(cp));
    }
  }
  return raise(tp_SystemError, "array: bad typecode");
}

// Whether an int is in [0, 2**64).
bool fits_u64(Value iv, uint64_t* out) {
  int64_t s;
  if (int_fits_i64(iv, &s)) {
    if (s < 0) return false;
    *out = uint64_t(s);
    return true;
  }
  if (int_sign(iv) < 0) return false;
  mpz_t z;
  int_to_mpz(iv, z);
  bool ok = mpz_sizeinbase(z, 2) <= 64;
  if (ok) {
    // Two 32-bit halves: mpz_get_ui is only as wide as unsigned long, which is 64 bits here,
    // but going through halves keeps the intent obvious.
    mpz_t hi;
    mpz_init(hi);
    mpz_tdiv_q_2exp(hi, z, 32);
    uint64_t h = mpz_get_ui(hi), l = mpz_get_ui(z) & 0xFFFFFFFFu;
    *out = (h << 32) | l;
    mpz_clear(hi);
  }
  mpz_clear(z);
  return ok;
}

// Packs v into p (one item of typecode tc), with CPython's messages for each C type: they differ
// because CPython converts each code through a different C API.
Status pack_item(char tc, Value v, char* p) {
  auto put = [p](auto x) { std::memcpy(p, &x, sizeof x); };
  if (tc == 'u') {
    if (!is_str(v) || as_str(v)->length != 1) return raise(tp_TypeError, "array item must be unicode character");
    put(uint32_t(str_char_at(as_str(v), 0)));
    return OK();
  }
  if (tc == 'f' || tc == 'd') {
    if (!is_float(v) && !is_int(v) && !lookup_special(v, N.__float__) && !lookup_special(v, N.__index__))
      return raise_fmt(tp_TypeError, "must be real number, not %s", type_name(v));
    double d = TRY(to_double(v));
    if (tc == 'f') put(float(d));
    else put(d);
    return OK();
  }
  if (!is_int(v) && !lookup_special(v, N.__index__))
    return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
  Value iv = TRY(index_value(v));
  int64_t s = 0;
  uint64_t u = 0;
  bool small = int_fits_i64(iv, &s);
  auto range = [&](int64_t lo, int64_t hi, const char* what) -> Status {
    if (!small) return raise(tp_OverflowError, "Python int too large to convert to C long");
    if (s < lo) return raise_fmt(tp_OverflowError, "%s is less than minimum", what);
    if (s > hi) return raise_fmt(tp_OverflowError, "%s is greater than maximum", what);
    return OK();
  };
  switch (tc) {
    case 'b': TRY(range(-128, 127, "signed char")); put(int8_t(s)); return OK();
    case 'B': TRY(range(0, 255, "unsigned byte integer")); put(uint8_t(s)); return OK();
    case 'h': TRY(range(-32768, 32767, "signed short integer")); put(int16_t(s)); return OK();
    case 'H': TRY(range(0, 65535, "unsigned short")); put(uint16_t(s)); return OK();
    case 'i': TRY(range(INT32_MIN, INT32_MAX, "signed integer")); put(int32_t(s)); return OK();
    case 'l':
      if (!small) return raise(tp_OverflowError, "Python int too large to convert to C long");
      put(s);
      return OK();
    case 'q':
      if (!small) return raise(tp_OverflowError, "int too big to convert");
      put(s);
      return OK();
    case 'I': case 'L':
      if (int_sign(iv) < 0) return raise(tp_OverflowError, "can't convert negative value to unsigned int");
      if (!fits_u64(iv, &u)) return raise(tp_OverflowError, "Python int too large to convert to C unsigned long");
      if (tc == 'I') {
        if (u > UINT32_MAX) return raise(tp_OverflowError, "unsigned int is greater than maximum");
        put(uint32_t(u));
      } else {
        put(u);
      }
      return OK();
    case 'Q':
      if (int_sign(iv) < 0) return raise(tp_OverflowError, "can't convert negative int to unsigned");
      if (!fits_u64(iv, &u)) return raise(tp_OverflowError, "int too big to convert");
      put(u);
      return OK();
  }
  return raise(tp_SystemError, "array: bad typecode");
}

Status ar_append(Array* a, Value v) {
  char tmp[8];
  TRY(pack_item(a->typecode, v, tmp));
  TRY(check_resizable(a));
  return bytearray_append(a->buf, std::string_view(tmp, size_t(a->itemsize)));
}

// Appends every item of an iterable; on failure the array keeps the items appended so far
// (CPython's extend behaves the same way).
Status ar_extend_iter(Array* a, Value iterable) {
  Value it = TRY(get_iter(iterable));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) return OK();
    TRY(ar_append(a, x));
  }
}

Status ar_frombytes(Array* a, std::string_view data) {
  if (data.size() % size_t(a->itemsize)) return raise(tp_ValueError, "bytes length not a multiple of item size");
  if (data.empty()) return OK();
  TRY(check_resizable(a));
  std::string copy(data);  // data may be this array's own storage
  return bytearray_append(a->buf, copy);
}

// Code points of a str (stored as WTF-8), appended as 'u' items.
Status ar_fromunicode(Array* a, Str* s) {
  std::string out;
  out.reserve(size_t(s->length) * 4);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s->data);
  const unsigned char* end = p + s->nbytes;
  while (p < end) {
    uint32_t cp;
    if (*p < 0x80) cp = *p++;
    else if (*p < 0xE0) { cp = (uint32_t(p[0] & 0x1F) << 6) | (p[1] & 0x3F); p += 2; }
    else if (*p < 0xF0) { cp = (uint32_t(p[0] & 0x0F) << 12) | (uint32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F); p += 3; }
    else {
      cp = (uint32_t(p[0] & 0x07) << 18) | (uint32_t(p[1] & 0x3F) << 12) | (uint32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      p += 4;
    }
    out.append(reinterpret_cast<const char*>(&cp), 4);
  }
  if (out.empty()) return OK();
  TRY(check_resizable(a));
  return bytearray_append(a->buf, out);
}

Result<Value> ar_tounicode_value(Array* a) {
  std::string out;
  int64_t n = ar_len(a);
  for (int64_t i = 0; i < n; i++) {
    uint32_t cp;
    std::memcpy(&cp, ar_ptr(a, i), 4);
    if (cp > 0x10FFFF)
      return raise_fmt(tp_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", unsigned(cp));
    char b[4];
    out.append(b, size_t(str_encode_cp(cp, b)));
  }
  return str_value(out);
}

Result<List*> ar_tolist(Array* a) {
  int64_t n = ar_len(a);
  List* l = list_new();
  TRY(list_reserve(l, n));
  for (int64_t i = 0; i < n; i++) TRY(list_append(l, TRY(get_item(a, i))));
  return l;
}

Array* ar_copy_range(Array* a, int64_t start, int64_t n) {
  Array* r = ar_alloc(tp_array, a->typecode);
  (void)bytearray_append(r->buf, std::string_view(ar_ptr(a, start), size_t(n * a->itemsize)));
  return r;
}

Err bad_argument() { return raise(tp_TypeError, "bad argument type for built-in operation"); }

// ---- construction ------------------------------------------------------------------------------

Result<Value> array_new(Value* a, int64_t n, Tuple* kw) {
  Type* t = as_type(a[0]);
  // (A subclass's own __init__ may take keywords, as in CPython.)
  if (kw && kw->size && t == tp_array) return raise(tp_TypeError, "array.array() takes no keyword arguments");
  if (n - 1 < 1) return raise(tp_TypeError, "array() takes at least 1 argument (0 given)");
  if (n - 1 > 2) return raise_fmt(tp_TypeError, "array() takes at most 2 arguments (%lld given)", (long long)(n - 1));
  Value tcv = a[1];
  if (!is_str(tcv) || as_str(tcv)->length != 1)
    return raise_fmt(tp_TypeError, "array() argument 1 must be a unicode character, not %s", type_name(tcv));
  uint32_t tc = str_char_at(as_str(tcv), 0);
  if (tc > 127 || !typecode_size(char(tc)))
    return raise(tp_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  Array* arr = ar_alloc(t, char(tc));
  if (n - 1 < 2 || is_none(a[2])) {
    if (n - 1 == 2 && is_none(a[2])) {
      // array('i', None) is iterating None in CPython too: TypeError from iter().
      TRY(ar_extend_iter(arr, a[2]));
    }
    return Value(arr);
  }
  Value init = a[2];
  if (is_str(init)) {
    if (arr->typecode != 'u')
      return raise_fmt(tp_TypeError, "cannot use a str to initialize an array with typecode '%c'", arr->typecode);
    TRY(ar_fromunicode(arr, as_str(init)));
  } else if (is_bytes(init) || is_bytearray(init)) {
    TRY(ar_frombytes(arr, TRY(buffer_view(init))));
  } else if (is_array(init) && AR(init)->typecode == 'u' && arr->typecode != 'u') {
    return raise_fmt(tp_TypeError, "cannot use a unicode array to initialize an array with typecode '%c'",
                     arr->typecode);
  } else if (is_array(init) && AR(init)->typecode == arr->typecode) {
    TRY(bytearray_append(arr->buf, AR(init)->buf->view()));
  } else {
    TRY(ar_extend_iter(arr, init));
  }
  return Value(arr);
}

// ---- sequence protocol -------------------------------------------------------------------------

Result<Value> array_len(Value* a, int64_t, Tuple*) { return Value::small(ar_len(AR(a[0]))); }

Result<int64_t> item_index(Array* arr, Value key, const char* msg) {
  int64_t i = TRY(as_index(key));
  int64_t n = ar_len(arr);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(tp_IndexError, msg);
  return i;
}

// The length read after a slice's __index__ calls, which may resize arr.
static int64_t ar_len_fn(void* a) { return ar_len(static_cast<Array*>(a)); }

bool index_like(Value v) { return is_int(v) || lookup_special(v, N.__index__); }

// An index argument of insert()/pop(): CPython converts these as Py_ssize_t, hence its wording.
Result<int64_t> ssize_arg(Value v) {
  Value iv = TRY(index_value(v));
  int64_t i;
  if (!int_fits_i64(iv, &i)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return i;
}

Result<Value> array_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getitem__", n - 1, 1, 1));
  Array* arr = AR(a[0]);
  Value key = a[1];
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t cnt = TRY(slice_indices(key.as<Slice>(), ar_len_fn, arr, &start, &stop, &step));
    if (step == 1) return Value(ar_copy_range(arr, start, cnt));
    Array* r = ar_alloc(tp_array, arr->typecode);
    TRY(bytearray_resize(r->buf, cnt * arr->itemsize));
    for (int64_t k = 0; k < cnt; k++)
      std::memcpy(ar_ptr(r, k), ar_ptr(arr, start + k * step), size_t(arr->itemsize));
    return Value(r);
  }
  if (!index_like(key)) return raise(tp_TypeError, "array indices must be integers");
  int64_t i = TRY(item_index(arr, key, "array index out of range"));
  return get_item(arr, i);
}

// Deletes the items at start, start+step, ... (cnt of them), keeping the rest in order.
Status delete_slice(Array* arr, int64_t start, int64_t step, int64_t cnt) {
  if (cnt <= 0) return OK();
  TRY(check_resizable(arr));
  int64_t n = ar_len(arr), isz = arr->itemsize;
  if (step < 0) {  // the same set of items, walked forwards
    start = start + (cnt - 1) * step;
    step = -step;
  }
  std::string kept;
  kept.reserve(size_t((n - cnt) * isz));
  int64_t next = start, removed = 0;
  for (int64_t i = 0; i < n; i++) {
    if (removed < cnt && i == next) {
      removed++;
      next += step;
      continue;
    }
    kept.append(ar_ptr(arr, i), size_t(isz));
  }
  TRY(bytearray_resize(arr->buf, 0));
  return bytearray_append(arr->buf, kept);
}

Status assign_slice(Array* arr, Value key, Value v) {
  int64_t start, stop, step;
  int64_t cnt = TRY(slice_indices(key.as<Slice>(), ar_len_fn, arr, &start, &stop, &step));
  if (v && !is_array(v))
    return raise_fmt(tp_TypeError, "can only assign array (not \"%s\") to array slice", type_name(v));
  if (v && AR(v)->typecode != arr->typecode) return bad_argument();
  int64_t needed = v ? ar_len(AR(v)) : 0;
  // CPython refuses early (issue 4509) when the assignment may change the size: any deletion,
  // even of nothing, and any size mismatch.
  if (needed == 0 || needed != cnt) TRY(check_resizable(arr));
  if (!v) return delete_slice(arr, start, step, cnt);
  Array* src = AR(v);
  std::string data(src->buf->view());  // a copy: src may be arr itself
  int64_t isz = arr->itemsize, m = int64_t(data.size()) / isz;
  if (step == 1) {
    if (stop < start) stop = start;
    if (stop - start == m) {  // same size: in place (the storage may be exported)
      if (m) std::memcpy(ar_ptr(arr, start), data.data(), data.size());
      return OK();
    }
    std::string whole(arr->buf->view());
    std::string out = whole.substr(0, size_t(start * isz)) + data + whole.substr(size_t(stop * isz));
    TRY(bytearray_resize(arr->buf, 0));
    return bytearray_append(arr->buf, out);
  }
  if (m == 0) return delete_slice(arr, start, step, cnt);
  if (m != cnt)
    return raise_fmt(tp_ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
                     (long long)m, (long long)cnt);
  for (int64_t k = 0; k < cnt; k++)
    std::memcpy(ar_ptr(arr, start + k * step), data.data() + k * isz, size_t(isz));
  return OK();
}

Result<Value> array_setitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setitem__", n - 1, 2, 2));
  Array* arr = AR(a[0]);
  if (is_slice(a[1])) {
    TRY(assign_slice(arr, a[1], a[2]));
    return None();
  }
  if (!index_like(a[1])) return raise(tp_TypeError, "array indices must be integers");
  int64_t i = TRY(item_index(arr, a[1], "array assignment index out of range"));
  char tmp[8];
  TRY(pack_item(arr->typecode, a[2], tmp));
  // The value's __index__ may have shrunk arr.
  if (i >= ar_len(arr)) return raise(tp_IndexError, "array assignment index out of range");
  std::memcpy(ar_ptr(arr, i), tmp, size_t(arr->itemsize));
  return None();
}

Result<Value> array_delitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__delitem__", n - 1, 1, 1));
  Array* arr = AR(a[0]);
  if (is_slice(a[1])) {
    TRY(assign_slice(arr, a[1], Value()));
    return None();
  }
  if (!index_like(a[1])) return raise(tp_TypeError, "array indices must be integers");
  int64_t i = TRY(item_index(arr, a[1], "array assignment index out of range"));
  TRY(delete_slice(arr, i, 1, 1));
  return None();
}

// Index of the first item equal to v in [lo, hi), or -1.
Result<int64_t> find_item(Array* arr, Value v, int64_t lo, int64_t hi) {
  for (int64_t i = lo; i < hi && i < ar_len(arr); i++) {
    Value x = TRY(get_item(arr, i));
    if (TRY(eq(x, v))) return i;
  }
  return int64_t(-1);
}

Result<Value> array_contains(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__contains__", n - 1, 1, 1));
  Array* arr = AR(a[0]);
  return Bool(TRY(find_item(arr, a[1], 0, ar_len(arr))) >= 0);
}

Result<Value> array_iter(Value* a, int64_t, Tuple*) {
  ArrayIter* it = static_cast<ArrayIter*>(alloc_instance(tp_array_iter, sizeof(ArrayIter)));
  it->arr = AR(a[0]);
  it->index = 0;
  return Value(it);
}

Status arrayiter_next(Value self, Value* out) {
  ArrayIter* it = self.as<ArrayIter>();
  *out = Value();
  // Live like CPython's: items appended during iteration are seen.
  if (!it->arr || it->index >= ar_len(it->arr)) {
    it->arr = nullptr;
    return OK();
  }
  *out = TRY(get_item(it->arr, it->index++));
  return OK();
}

Result<Value> arrayiter_self(Value* a, int64_t, Tuple*) { return a[0]; }

// Pickled as iter(array) plus the position, or iter(()) once exhausted, as CPython does.
Result<Value> arrayiter_reduce(Value* a, int64_t, Tuple*) {
  ArrayIter* it = a[0].as<ArrayIter>();
  if (!it->arr) return Value(tuple_of({builtin_iter(), Value(tuple_of({Value(tuple_new(0))}))}));
  return Value(tuple_of({builtin_iter(), Value(tuple_of({Value(it->arr)})), Value::small(it->index)}));
}
Result<Value> arrayiter_setstate(Value* a, int64_t, Tuple*) {
  ArrayIter* it = a[0].as<ArrayIter>();
  if (!is_int(a[1])) return raise(tp_TypeError, "an integer is required");
  int64_t i;
  if (!int_fits_i64(a[1], &i)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  if (!it->arr) return None();
  if (i < 0) i = 0;
  if (i > ar_len(it->arr)) i = ar_len(it->arr);
  it->index = i;
  return None();
}
Result<Value> arrayiter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(arrayiter_next(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}

// ---- text forms --------------------------------------------------------------------------------

Result<Value> array_repr(Value* a, int64_t, Tuple*) {
  Array* arr = AR(a[0]);
  std::string s(a[0].type()->name->view());
  s += "('";
  s += arr->typecode;
  s += "'";
  if (ar_len(arr)) {
    Value body = arr->typecode == 'u' ? TRY(ar_tounicode_value(arr)) : Value(TRY(ar_tolist(arr)));
    Str* r = TRY(repr(body));
    s += ", ";
    s += r->view();
  }
  s += ")";
  return str_value(s);
}

// ---- operators ---------------------------------------------------------------------------------

Result<Value> array_add(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__add__", n - 1, 1, 1));
  Array* x = AR(a[0]);
  if (!is_array(a[1]))
    return raise_fmt(tp_TypeError, "can only append array (not \"%s\") to array", type_name(a[1]));
  Array* y = AR(a[1]);
  if (y->typecode != x->typecode) return bad_argument();
  Array* r = ar_copy_range(x, 0, ar_len(x));
  TRY(bytearray_append(r->buf, y->buf->view()));
  return Value(r);
}

Result<Value> array_iadd(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__iadd__", n - 1, 1, 1));
  Array* x = AR(a[0]);
  if (!is_array(a[1]))
    return raise_fmt(tp_TypeError, "can only extend array with array (not \"%s\")", type_name(a[1]));
  Array* y = AR(a[1]);
  if (y->typecode != x->typecode) return raise(tp_TypeError, "can only extend with array of same kind");
  if (ar_len(y)) TRY(check_resizable(x));
  TRY(bytearray_append(x->buf, y->buf->view()));
  return a[0];
}

Result<int64_t> repeat_count(Value v) {
  if (!index_like(v)) return raise_fmt(tp_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(v));
  int64_t k = TRY(as_index(v));
  return k < 0 ? 0 : k;
}

Status repeat_into(Array* dst, std::string_view unit, int64_t k) {
  if (unit.empty()) k = 0;  // an empty array times 2**63 - 1: nothing to append
  if (k && unit.size() && int64_t(unit.size()) > INT64_MAX / 2 / k) return raise_memory_error();
  std::string out;
  out.reserve(unit.size() * size_t(k));
  for (int64_t i = 0; i < k; i++) out.append(unit);
  TRY(bytearray_resize(dst->buf, 0));
  return bytearray_append(dst->buf, out);
}

Result<Value> array_mul(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__mul__", n - 1, 1, 1));
  Array* x = AR(a[0]);
  int64_t k = TRY(repeat_count(a[1]));
  Array* r = ar_alloc(tp_array, x->typecode);
  TRY(repeat_into(r, std::string(x->buf->view()), k));
  return Value(r);
}

Result<Value> array_imul(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__imul__", n - 1, 1, 1));
  Array* x = AR(a[0]);
  int64_t k = TRY(repeat_count(a[1]));
  if (ar_len(x) == 0 || k == 1) return a[0];
  TRY(check_resizable(x));
  TRY(repeat_into(x, std::string(x->buf->view()), k));
  return a[0];
}

// Lexicographic comparison item by item, as Python values (arrays of different typecodes
// compare by value too).
Result<Value> compare(Value* a, int64_t n, int op) {
  if (n != 2 || !is_array(a[1])) return Value(g_NotImplemented);
  Array* x = AR(a[0]);
  Array* y = AR(a[1]);
  int64_t nx = ar_len(x), ny = ar_len(y);
  if (nx != ny && (op == bytecode::CMP_EQ || op == bytecode::CMP_NE)) return Bool(op == bytecode::CMP_NE);
  int64_t i = 0;
  for (; i < nx && i < ny; i++) {
    Value vx = TRY(get_item(x, i)), vy = TRY(get_item(y, i));
    if (!TRY(eq(vx, vy))) break;
  }
  if (i < nx && i < ny) {
    if (op == bytecode::CMP_EQ) return Bool(false);
    if (op == bytecode::CMP_NE) return Bool(true);
    return richcompare(TRY(get_item(x, i)), TRY(get_item(y, i)), op);
  }
  bool r = false;
  switch (op) {
    case bytecode::CMP_LT: r = nx < ny; break;
    case bytecode::CMP_LE: r = nx <= ny; break;
    case bytecode::CMP_EQ: r = nx == ny; break;
    case bytecode::CMP_NE: r = nx != ny; break;
    case bytecode::CMP_GT: r = nx > ny; break;
    case bytecode::CMP_GE: r = nx >= ny; break;
  }
  return Bool(r);
}
Result<Value> array_lt(Value* a, int64_t n, Tuple*) { return compare(a, n, bytecode::CMP_LT); }
Result<Value> array_le(Value* a, int64_t n, Tuple*) { return compare(a, n, bytecode::CMP_LE); }
Result<Value> array_eq(Value* a, int64_t n, Tuple*) { return compare(a, n, bytecode::CMP_EQ); }
Result<Value> array_ne(Value* a, int64_t n, Tuple*) { return compare(a, n, bytecode::CMP_NE); }
Result<Value> array_gt(Value* a, int64_t n, Tuple*) { return compare(a, n, bytecode::CMP_GT); }
Result<Value> array_ge(Value* a, int64_t n, Tuple*) { return compare(a, n, bytecode::CMP_GE); }

// ---- methods -----------------------------------------------------------------------------------

Result<Value> array_append(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("append", kw));
  TRY(check_nargs("append", n - 1, 1, 1));
  TRY(ar_append(AR(a[0]), a[1]));
  return None();
}

Result<Value> array_extend(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("extend", kw));
  TRY(check_nargs("extend", n - 1, 1, 1));
  Array* arr = AR(a[0]);
  if (is_array(a[1])) {
    if (AR(a[1])->typecode != arr->typecode) return raise(tp_TypeError, "can only extend with array of same kind");
    std::string data(AR(a[1])->buf->view());
    if (!data.empty()) TRY(check_resizable(arr));
    TRY(bytearray_append(arr->buf, data));
    return None();
  }
  TRY(ar_extend_iter(arr, a[1]));
  return None();
}

Result<Value> array_insert(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("insert", kw));
  TRY(check_nargs("insert", n - 1, 2, 2));
  Array* arr = AR(a[0]);
  int64_t i = TRY(ssize_arg(a[1]));
  int64_t len = ar_len(arr);
  if (i < 0) i = std::max<int64_t>(0, i + len);
  if (i > len) i = len;
  char tmp[8];
  TRY(pack_item(arr->typecode, a[2], tmp));
  TRY(check_resizable(arr));
  len = ar_len(arr);  // a collection may have run
  if (i > len) i = len;
  TRY(bytearray_resize(arr->buf, (len + 1) * arr->itemsize));
  std::memmove(ar_ptr(arr, i + 1), ar_ptr(arr, i), size_t((len - i) * arr->itemsize));
  std::memcpy(ar_ptr(arr, i), tmp, size_t(arr->itemsize));
  return None();
}

Result<Value> array_pop(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("pop", kw));
  TRY(check_nargs("pop", n - 1, 0, 1));
  Array* arr = AR(a[0]);
  int64_t i = n > 1 ? TRY(ssize_arg(a[1])) : -1;
  int64_t len = ar_len(arr);
  if (len == 0) return raise(tp_IndexError, "pop from empty array");
  if (i < 0) i += len;
  if (i < 0 || i >= len) return raise(tp_IndexError, "pop index out of range");
  Value v = TRY(get_item(arr, i));
  TRY(delete_slice(arr, i, 1, 1));
  return v;
}

Result<Value> array_remove(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("remove", kw));
  TRY(check_nargs("remove", n - 1, 1, 1));
  Array* arr = AR(a[0]);
  int64_t i = TRY(find_item(arr, a[1], 0, ar_len(arr)));
  if (i < 0) return raise(tp_ValueError, "array.remove(x): x not in array");
  TRY(delete_slice(arr, i, 1, 1));
  return None();
}

// A start/stop bound of index(): negative counts from the end, then clamped to [0, len].
Result<int64_t> clamp_bound(Value v, int64_t len) {
  int64_t i;
  Value iv = TRY(index_value(v));
  if (!int_fits_i64(iv, &i)) i = int_sign(iv) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  if (i < 0) i = std::max<int64_t>(0, i + len);
  return std::min(i, len);
}

Result<Value> array_index(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("index", kw));
  TRY(check_nargs("index", n - 1, 1, 3));
  Array* arr = AR(a[0]);
  int64_t len = ar_len(arr);
  int64_t lo = n > 2 ? TRY(clamp_bound(a[2], len)) : 0;
  int64_t hi = n > 3 ? TRY(clamp_bound(a[3], len)) : len;
  int64_t i = TRY(find_item(arr, a[1], lo, hi));
  if (i < 0) return raise(tp_ValueError, "array.index(x): x not in array");
  return Value::small(i);
}

Result<Value> array_count(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("count", kw));
  TRY(check_nargs("count", n - 1, 1, 1));
  Array* arr = AR(a[0]);
  int64_t c = 0;
  for (int64_t i = 0; i < ar_len(arr); i++)
    if (TRY(eq(TRY(get_item(arr, i)), a[1]))) c++;
  return Value::small(c);
}

Result<Value> array_reverse(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("reverse", kw));
  TRY(check_nargs("reverse", n - 1, 0, 0));
  Array* arr = AR(a[0]);
  int64_t len = ar_len(arr), isz = arr->itemsize;
  char tmp[8];
  for (int64_t i = 0, j = len - 1; i < j; i++, j--) {
    std::memcpy(tmp, ar_ptr(arr, i), size_t(isz));
    std::memcpy(ar_ptr(arr, i), ar_ptr(arr, j), size_t(isz));
    std::memcpy(ar_ptr(arr, j), tmp, size_t(isz));
  }
  return None();
}

Result<Value> array_buffer_info(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("buffer_info", kw));
  TRY(check_nargs("buffer_info", n - 1, 0, 0));
  Array* arr = AR(a[0]);
  // The address is only valid until the array next grows, as in CPython.
  return Value(tuple_of({int_from_u64(uint64_t(reinterpret_cast<uintptr_t>(arr->buf->data))),
                         Value::small(ar_len(arr))}));
}

Result<Value> array_byteswap(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("byteswap", kw));
  TRY(check_nargs("byteswap", n - 1, 0, 0));
  Array* arr = AR(a[0]);
  int64_t isz = arr->itemsize;
  for (int64_t i = 0; i < ar_len(arr); i++) {
    char* p = ar_ptr(arr, i);
    for (int64_t x = 0, y = isz - 1; x < y; x++, y--) std::swap(p[x], p[y]);
  }
  return None();
}

Result<Value> array_tobytes(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tobytes", kw));
  TRY(check_nargs("tobytes", n - 1, 0, 0));
  return bytes_from(AR(a[0])->buf->view());
}

Result<Value> array_frombytes(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("frombytes", kw));
  TRY(check_nargs("frombytes", n - 1, 1, 1));
  TRY(ar_frombytes(AR(a[0]), TRY(buffer_view(a[1]))));
  return None();
}

Result<Value> array_tolist(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tolist", kw));
  TRY(check_nargs("tolist", n - 1, 0, 0));
  return Value(TRY(ar_tolist(AR(a[0]))));
}

Result<Value> array_fromlist(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("fromlist", kw));
  TRY(check_nargs("fromlist", n - 1, 1, 1));
  if (!is_list(a[1])) return raise(tp_TypeError, "arg must be list");
  Array* arr = AR(a[0]);
  // All or nothing: convert into scratch first, so a bad item leaves the array unchanged.
  List* l = as_list(a[1]);
  if (l->size) TRY(check_resizable(arr));  // CPython resizes before converting
  std::string packed;
  char tmp[8];
  for (int64_t i = 0; i < l->size; i++) {
    TRY(pack_item(arr->typecode, l->items[i], tmp));
    packed.append(tmp, size_t(arr->itemsize));
  }
  TRY(bytearray_append(arr->buf, packed));
  return None();
}

Result<Value> array_tounicode(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tounicode", kw));
  TRY(check_nargs("tounicode", n - 1, 0, 0));
  Array* arr = AR(a[0]);
  if (arr->typecode != 'u') return raise(tp_ValueError, "tounicode() may only be called on unicode type arrays");
  return ar_tounicode_value(arr);
}

Result<Value> array_fromunicode(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("fromunicode", kw));
  TRY(check_nargs("fromunicode", n - 1, 1, 1));
  Array* arr = AR(a[0]);
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "fromunicode() argument must be str, not %s", type_name(a[1]));
  if (arr->typecode != 'u') return raise(tp_ValueError, "fromunicode() may only be called on unicode type arrays");
  TRY(ar_fromunicode(arr, as_str(a[1])));
  return None();
}

Result<Value> array_tofile(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tofile", kw));
  TRY(check_nargs("tofile", n - 1, 1, 1));
  Array* arr = AR(a[0]);
  Value write = TRY(getattr(a[1], str_intern("write")));
  // Written in 64 KiB blocks like CPython, so a huge array never needs one huge bytes copy.
  const int64_t block = 64 * 1024;
  std::string_view all = arr->buf->view();
  if (all.empty()) return None();
  for (size_t off = 0; off < all.size(); off += size_t(block)) {
    std::string_view chunk = arr->buf->view().substr(off, size_t(block));
    TRY(call1(write, bytes_from(chunk)));
  }
  return None();
}

Result<Value> array_fromfile(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("fromfile", kw));
  TRY(check_nargs("fromfile", n - 1, 2, 2));
  Array* arr = AR(a[0]);
  int64_t count = TRY(as_index(a[2]));
  if (count < 0) return raise(tp_ValueError, "negative count");
  if (count > INT64_MAX / arr->itemsize) return raise_memory_error();
  int64_t want = count * arr->itemsize;
  Value data = TRY(call_method1(a[1], str_intern("read"), Value::small(want)));
  if (!is_bytes(data)) return raise(tp_TypeError, "read() didn't return bytes");
  std::string_view d = as_bytes(data)->view();
  // Keep every whole item that did arrive, then complain about the short read.
  size_t whole = d.size() - d.size() % size_t(arr->itemsize);
  TRY(ar_frombytes(arr, d.substr(0, whole)));
  if (int64_t(d.size()) != want) return raise(tp_EOFError, "read() didn't return enough bytes");
  return None();
}

Result<Value> array_copy(Value* a, int64_t n, Tuple*) {
  Array* arr = AR(a[0]);
  return Value(ar_copy_range(arr, 0, ar_len(arr)));
}
static Result<Value> array_deepcopy(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("array.__deepcopy__", n - 1, 1, 1));  // METH_O: the memo, unused
  return array_copy(a, n, nullptr);
}

// The machine-independent format codes of pickles made by protocol 3 and later: each names a
// size, a signedness, a byte order and a kind, so an array pickled on another platform (or
// with another item size) can be rebuilt here. Numbering is CPython's, since it is on disk.
struct MFormat {
  int size;
  bool is_signed;
  bool big_endian;
  char kind;  // 'i' integer, 'f' IEEE float, 'u' UTF-16/32 text
};
const MFormat kMFormats[] = {
    {1, false, false, 'i'}, {1, true, false, 'i'},                           // 0, 1
    {2, false, false, 'i'}, {2, false, true, 'i'}, {2, true, false, 'i'}, {2, true, true, 'i'},  // 2-5
    {4, false, false, 'i'}, {4, false, true, 'i'}, {4, true, false, 'i'}, {4, true, true, 'i'},  // 6-9
    {8, false, false, 'i'}, {8, false, true, 'i'}, {8, true, false, 'i'}, {8, true, true, 'i'},  // 10-13
    {4, false, false, 'f'}, {4, false, true, 'f'}, {8, false, false, 'f'}, {8, false, true, 'f'},  // 14-17
    // CPython's table gives the text formats twice their unit size (4 for UTF-16, 8 for UTF-32),
    // and the length check of a foreign pickle uses it.
    {4, false, false, 'u'}, {4, false, true, 'u'}, {8, false, false, 'u'}, {8, false, true, 'u'},  // 18-21
};

int native_mformat(char tc) {
  switch (tc) {
    case 'B': return 0;
    case 'b': return 1;
    case 'H': return 2;
    case 'h': return 4;
    case 'I': return 6;
    case 'i': return 8;
    case 'L': case 'Q': return 10;
    case 'l': case 'q': return 12;
    case 'f': return 14;
    case 'd': return 16;
    case 'u': return 20;
  }
  return -1;
}

Result<Value> array_reduce_ex(Value* a, int64_t n, Tuple*) {
  // Argument clinic's wording for `value, /` with a defining class.
  if (n - 1 < 1) return raise(tp_TypeError, "__reduce_ex__() takes exactly 1 positional argument (0 given)");
  if (n - 1 > 1)
    return raise_fmt(tp_TypeError, "__reduce_ex__() takes at most 1 argument (%lld given)", (long long)(n - 1));
  Array* arr = AR(a[0]);
  int64_t protocol = TRY(as_index(a[1]));
  Value state = None();
  if (instance_dict_ptr(a[0])) TRY(getattr_opt(a[0], str_intern("__dict__"), &state));
  if (!state) state = None();
  Value cls(a[0].type());
  if (protocol < 3) {
    // Older protocols cannot carry bytes portably: rebuild from the list of items.
    Value tc = str_value(std::string(1, arr->typecode));
    return Value(tuple_of({cls, Value(tuple_of({tc, Value(TRY(ar_tolist(arr)))})), state}));
  }
  Value mv = TRY(import_module(str_intern("array")));
  Value recon = TRY(getattr(mv, str_intern("_array_reconstructor")));
  Value args(tuple_of({cls, str_value(std::string(1, arr->typecode)), Value::small(native_mformat(arr->typecode)),
                       bytes_from(arr->buf->view())}));
  return Value(tuple_of({recon, args, state}));
}

Result<Value> get_typecode(Value self) { return str_value(std::string(1, AR(self)->typecode)); }
Result<Value> get_itemsize(Value self) { return Value::small(AR(self)->itemsize); }

// _array_reconstructor(arraytype, typecode, mformat_code, items): the unpickler's half of
// __reduce_ex__ for protocol 3 and later.
Result<Value> array_reconstructor(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_array_reconstructor", kw));
  TRY(check_nargs("_array_reconstructor", n, 4, 4));
  if (!a[0].is_obj() || !is_type(a[0]))
    return raise_fmt(tp_TypeError, "first argument must be a type object, not %s", type_name(a[0]));
  Type* t = as_type(a[0]);
  if (t != tp_array && !is_subtype(t, tp_array))
    return raise_fmt(tp_TypeError, "%s is not a subtype of array.array", std::string(t->name->view()).c_str());
  if (!is_str(a[1]) || as_str(a[1])->length != 1)
    return raise_fmt(tp_TypeError, "_array_reconstructor() argument 2 must be a unicode character, not %s",
                     type_name(a[1]));
  uint32_t tcp = str_char_at(as_str(a[1]), 0);
  if (tcp > 127 || !typecode_size(char(tcp))) return raise(tp_ValueError, "second argument must be a valid type code");
  char tc = char(tcp);
  int64_t code = TRY(as_index(a[2]));
  if (code < 0 || code >= int64_t(std::size(kMFormats)))
    return raise(tp_ValueError, "third argument must be a valid machine format code.");
  if (!is_bytes(a[3])) return raise_fmt(tp_TypeError, "fourth argument should be bytes, not %s", type_name(a[3]));
  std::string_view data = as_bytes(a[3])->view();
  Array* arr = ar_alloc(t, tc);
  if (code == native_mformat(tc)) {
    TRY(ar_frombytes(arr, data));
    return Value(arr);
  }
  // Another layout: decode each item to a Python value, then store it as this typecode.
  const MFormat& f = kMFormats[code];
  if (data.size() % size_t(f.size)) return raise(tp_ValueError, "string length not a multiple of item size");
  if (f.kind == 'u') {
    // Text is decoded as a whole (UTF-16 pairs surrogates), then built like array(tc, text).
    const char* enc = code <= 19 ? (f.big_endian ? "utf-16-be" : "utf-16-le")
                                  : (f.big_endian ? "utf-32-be" : "utf-32-le");
    Value text = TRY(call_method1(a[3], str_intern("decode"), str_value(enc)));
    if (tc != 'u')
      return raise_fmt(tp_TypeError, "cannot use a str to initialize an array with typecode '%c'", tc);
    TRY(ar_fromunicode(arr, as_str(text)));
    return Value(arr);
  }
  if (f.kind == 'i') {
    // Integers land in the native integer typecode of the pickled size and signedness (the
    // last such in typecode order), whatever typecode was asked for, as in CPython.
    for (char c : std::string_view("bBhHiIlLqQ")) {
      bool sgn = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q';
      if (typecode_size(c) == f.size && sgn == f.is_signed) tc = c;
    }
    arr = ar_alloc(t, tc);
  }
  for (size_t off = 0; off < data.size(); off += size_t(f.size)) {
    unsigned char b[8];
    for (int k = 0; k < f.size; k++) b[k] = uint8_t(data[off + size_t(f.big_endian ? f.size - 1 - k : k)]);
    uint64_t u = 0;
    for (int k = f.size - 1; k >= 0; k--) u = (u << 8) | b[k];
    Value v;
    if (f.kind == 'f') {
      if (f.size == 4) {
        float x;
        uint32_t u32 = uint32_t(u);
        std::memcpy(&x, &u32, 4);
        v = float_new(x);
      } else {
        double x;
        std::memcpy(&x, &u, 8);
        v = float_new(x);
      }
    } else if (f.is_signed) {
      int shift = 64 - 8 * f.size;
      v = int_from_i64(int64_t(u << shift) >> shift);
    } else {
      v = int_from_u64(u);
    }
    TRY(ar_append(arr, v));
  }
  return Value(arr);
}

// The hook through which bytes-like consumers (memoryview, bytes(), struct.pack_into) reach an
// array's storage.
bool array_export(Value v, BufferExport* out) {
  if (!tp_array || !is_array(v)) return false;
  Array* arr = AR(v);
  out->storage = arr->buf;
  // memoryview has no wchar_t format; 'u' items are exposed as the 4-byte code points they are.
  out->format = arr->typecode == 'u' ? 'I' : arr->typecode;
  out->itemsize = arr->itemsize;
  out->owner = v;
  out->counted = true;  // memoryview(a) fixes the array's size until it is released
  return true;
}

const MethodDef array_methods[] = {
    {"__new__", array_new, MethKind::Static},
    {"__len__", array_len},
    {"__getitem__", array_getitem},
    {"__setitem__", array_setitem},
    {"__delitem__", array_delitem},
    {"__contains__", array_contains},
    {"__iter__", array_iter},
    {"__repr__", array_repr},
    {"__add__", array_add},
    {"__iadd__", array_iadd},
    {"__mul__", array_mul},
    {"__rmul__", array_mul},
    {"__imul__", array_imul},
    {"__lt__", array_lt},
    {"__le__", array_le},
    {"__eq__", array_eq},
    {"__ne__", array_ne},
    {"__gt__", array_gt},
    {"__ge__", array_ge},
    {"__copy__", array_copy},
    {"__deepcopy__", array_deepcopy},
    {"__reduce_ex__", array_reduce_ex},
    {"append", array_append},
    {"extend", array_extend},
    {"insert", array_insert},
    {"pop", array_pop},
    {"remove", array_remove},
    {"index", array_index},
    {"count", array_count},
    {"reverse", array_reverse},
    {"buffer_info", array_buffer_info},
    {"byteswap", array_byteswap},
    {"tobytes", array_tobytes},
    {"frombytes", array_frombytes},
    {"tolist", array_tolist},
    {"fromlist", array_fromlist},
    {"tounicode", array_tounicode},
    {"fromunicode", array_fromunicode},
    {"tofile", array_tofile},
    {"fromfile", array_fromfile},
    {nullptr, nullptr}};

const GetSetDef array_getsets[] = {{"typecode", get_typecode}, {"itemsize", get_itemsize}, {nullptr, nullptr}};

const MethodDef arrayiter_methods[] = {
    {"__iter__", arrayiter_self},
    {"__next__", arrayiter_next_m},
    {"__reduce__", arrayiter_reduce, MethKind::NoArgs, "Return state information for pickling."},
    {"__setstate__", arrayiter_setstate, MethKind::O, "Set state information for unpickling."},
    {nullptr, nullptr}};

const MethodDef module_functions[] = {{"_array_reconstructor", array_reconstructor}, {nullptr, nullptr}};

}  // namespace

static Result<Value> array_module_init() {
  Module* m = native_module_new("array", module_functions);
  if (!tp_array) {
    tp_array = native_type_new("array", "array", tp_object, Layout::Other, sizeof(Array), array_methods,
                               array_getsets);
    type_set_attr_const(tp_array, "__hash__", None());
    tp_array->flags |= TF_SEQUENCE;  // a sequence for match statements, as in CPython
    tp_array_iter = native_type_new("array", "arrayiterator", tp_object, Layout::Other, sizeof(ArrayIter),
                                    arrayiter_methods, nullptr, 0);
    tp_array_iter->iternext = arrayiter_next;
    register_buffer_export(array_export);
  }
  dict_set_str(m->dict, str_intern("array"), Value(tp_array));
  dict_set_str(m->dict, str_intern("ArrayType"), Value(tp_array));
  dict_set_str(m->dict, str_intern("typecodes"), str_value(kTypecodes));
  // An array is a MutableSequence, registered as CPython's module does it.
  Value abc = TRY(import_module(str_intern("collections.abc")));
  Value ms = TRY(getattr(abc, str_intern("MutableSequence")));
  TRY(call_method1(ms, str_intern("register"), Value(tp_array)));
  return Value(m);
}
GILPY_NATIVE_MODULE("array", array_module_init);

}  // namespace gilpy
