// mmap: memory-mapped files and anonymous shared memory (mmap.mmap), with CPython 3.11's
// interface and messages on Linux. multiprocessing's heap (Value, Array, Barrier),
// multiprocessing.shared_memory and pip's cachecontrol build on it.
//
// A map is (data, size, pos, offset, fd, access). The descriptor is a dup() of the caller's,
// so the map survives the file's closing; anonymous maps (fileno -1) are MAP_ANONYMOUS and,
// with the default MAP_SHARED, shared with forked children.
//
// Buffer protocol: the object keeps a ByteArray header (`storage`) whose data and size mirror
// the mapping and registers it through register_buffer_export (objects/bytes.h), so
// memoryview(m), bytes(m), struct.pack_into and every bytes-like argument reach the mapped
// memory in place. The storage's `exports` is 1 for the map itself (nothing may ever resize
// that header) plus one per live memoryview(m) (views of views are not counted: see
// objects/memoryview.cpp); close() and resize() refuse with CPython's BufferError while such
// views exist. Views that were dropped without release() are only found by a collection, so
// before refusing, close() and resize() run one (gc.collect()).
//
// After close() the storage is emptied, so views that outlive the mapping see an empty exporter
// (IndexError) instead of unmapped memory; every method raises ValueError "mmap closed or
// invalid". flush() (msync) runs without the GIL.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

#include <gc/gc.h>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

enum Access : int { ACCESS_DEFAULT = 0, ACCESS_READ = 1, ACCESS_WRITE = 2, ACCESS_COPY = 3 };

struct MmapObj : Object {
  Dict* dict;          // subclass instances
  char* data;          // null once closed
  int64_t size;
  int64_t pos;
  int64_t offset;
  int fd;              // our dup() of the file's descriptor, -1 for anonymous or closed maps
  int access;
  bool shared_anon;    // MAP_SHARED | MAP_ANONYMOUS: its shmem object cannot grow
  ByteArray* storage;  // the exported header; see the file comment
};

Type* tp_mmap;

MmapObj* MM(Value v) { return v.as<MmapObj>(); }
bool is_mmap(Value v) { return tp_mmap && v.is_obj() && isinstance(v, tp_mmap); }

const char kClosed[] = "mmap closed or invalid";

Result<MmapObj*> valid(Value self) {
  MmapObj* m = MM(self);
  if (!m->data) return raise(tp_ValueError, kClosed);
  return m;
}

void sync_storage(MmapObj* m) {
  m->storage->data = m->data;
  m->storage->size = m->data ? m->size : 0;
  m->storage->capacity = m->storage->size;
}

void unmap(MmapObj* m) {
  if (m->fd >= 0) {
    ::close(m->fd);
    m->fd = -1;
  }
  if (m->data) {
    ::munmap(m->data, size_t(m->size));
    m->data = nullptr;
  }
  if (m->storage) sync_storage(m);
}

// An unclosed map that becomes garbage is unmapped and its descriptor closed, as CPython's
// deallocator does. Subclasses defining __del__ keep their own finalizer (as sockets do).
void mmap_finalizer(void* obj, void*) { unmap(static_cast<MmapObj*>(obj)); }

bool mmap_export(Value v, BufferExport* out) {
  if (!is_mmap(v)) return false;
  MmapObj* m = MM(v);
  out->storage = m->storage;
  out->format = 'B';
  out->itemsize = 1;
  out->owner = v;
  out->readonly = m->access == ACCESS_READ;
  out->counted = true;
  if (!m->data) out->invalid = kClosed;
  return true;
}

// Live memoryviews of the map. Views dropped without release() are only noticed by a
// collection, so one runs before the answer is taken as final.
Result<int64_t> live_exports(MmapObj* m) {
  if (m->storage->exports <= 1) return 0;
  Value gcmod = TRY(import_module(str_intern("gc")));
  TRY(call_method0(gcmod, str_intern("collect")));
  return m->storage->exports - 1;
}

// ---- argument helpers (PyArg_ParseTuple's converters and messages) --------------------------------

Err arity_error(const char* fname, int64_t given, int64_t min, int64_t max) {
  const char* how = min == max ? "exactly" : given < min ? "at least" : "at most";
  int64_t k = given < min ? min : max;
  return raise_fmt(tp_TypeError, "%s() takes %s %lld argument%s (%lld given)", fname, how, (long long)k,
                   k == 1 ? "" : "s", (long long)given);
}

Status positional(const char* fname, int64_t nargs, Tuple* kw, int64_t min, int64_t max) {
  if (nkw(kw)) return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", fname);
  if (nargs < min || nargs > max) return arity_error(fname, nargs, min, max);
  return OK();
}

// 'n': Py_ssize_t.
Result<int64_t> ssize_arg(Value v) {
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return x;
}

// 'i': C int.
Result<int> int_arg(Value v) {
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x) || x > INT_MAX) return raise(tp_OverflowError, "signed integer is greater than maximum");
  if (x < INT_MIN) return raise(tp_OverflowError, "signed integer is less than minimum");
  return int(x);
}

bool index_like(Value v) { return is_int(v) || (v.is_obj() && lookup_special(v, N.__index__)); }

// PyNumber_AsSsize_t(v, exc): overflow raises `exc` with "cannot fit ...".
Result<int64_t> as_ssize_exc(Value v, Type* exc) {
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x))
    return raise_fmt(exc, "cannot fit '%s' into an index-sized integer", type_name(v));
  return x;
}

Status check_writable(MmapObj* m) {
  if (m->access != ACCESS_READ) return OK();
  return raise(tp_TypeError, "mmap can't modify a readonly memory map.");
}

Status check_resizeable(MmapObj* m) {
  if (TRY(live_exports(m)) > 0)
    return raise(tp_BufferError, "mmap can't resize with extant buffers exported.");
  if (m->access == ACCESS_WRITE || m->access == ACCESS_DEFAULT) return OK();
  return raise(tp_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
}

// ---- construction ---------------------------------------------------------------------------------

// mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT, offset=0)
Result<Value> mmap_new(Value* a, int64_t n, Tuple* kw) {
  static const char* const names[] = {"fileno", "length", "flags", "prot", "access", "offset"};
  Type* t = as_type(a[0]);
  a++;
  n--;
  Value o[6] = {};
  int64_t nk = nkw(kw);
  if (n + nk > 6) return raise_fmt(tp_TypeError, "function takes at most 6 arguments (%lld given)", (long long)(n + nk));
  for (int64_t i = 0; i < n; i++) o[i] = a[i];
  for (int64_t k = 0; k < nk; k++) {
    Str* kn = as_str(kw->items[k]);
    int idx = -1;
    for (int i = 0; i < 6; i++)
      if (kn->view() == names[i]) idx = i;
    if (idx < 0) return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for this function", kn->data);
    if (o[idx])
      return raise_fmt(tp_TypeError, "argument for function given by name ('%s') and position (%d)", kn->data,
                       idx + 1);
    o[idx] = a[n + k];
  }
  for (int i = 0; i < 2; i++)
    if (!o[i]) return raise_fmt(tp_TypeError, "function missing required argument '%s' (pos %d)", names[i], i + 1);
  int fd = TRY(int_arg(o[0]));
  int64_t map_size = TRY(ssize_arg(o[1]));
  int flags = o[2] ? TRY(int_arg(o[2])) : MAP_SHARED;
  int prot = o[3] ? TRY(int_arg(o[3])) : PROT_WRITE | PROT_READ;
  int access = o[4] ? TRY(int_arg(o[4])) : ACCESS_DEFAULT;
  int64_t offset = 0;
  if (o[5]) {
    Value iv = TRY(index_value(o[5]));
    if (!int_fits_i64(iv, &offset)) return raise(tp_OverflowError, "Python int too large to convert to C long");
  }
  if (map_size < 0) return raise(tp_OverflowError, "memory mapped length must be positive");
  if (offset < 0) return raise(tp_OverflowError, "memory mapped offset must be positive");
  if (access != ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ)))
    return raise(tp_ValueError, "mmap can't specify both access and flags, prot.");
  switch (access) {
    case ACCESS_READ: flags = MAP_SHARED; prot = PROT_READ; break;
    case ACCESS_WRITE: flags = MAP_SHARED; prot = PROT_READ | PROT_WRITE; break;
    case ACCESS_COPY: flags = MAP_PRIVATE; prot = PROT_READ | PROT_WRITE; break;
    case ACCESS_DEFAULT:
      if ((prot & PROT_READ) && (prot & PROT_WRITE)) break;
      access = (prot & PROT_WRITE) ? ACCESS_WRITE : ACCESS_READ;
      break;
    default: return raise(tp_ValueError, "mmap invalid access parameter.");
  }
  struct stat st;
  if (fd != -1 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    if (map_size == 0) {
      if (st.st_size == 0) return raise(tp_ValueError, "cannot mmap an empty file");
      if (offset >= st.st_size) return raise(tp_ValueError, "mmap offset is greater than file size");
      map_size = st.st_size - offset;
    } else if (offset > st.st_size || st.st_size - offset < map_size) {
      return raise(tp_ValueError, "mmap length is greater than file size");
    }
  }
  MmapObj* m = static_cast<MmapObj*>(alloc_instance(t));
  m->fd = -1;
  m->size = map_size;
  m->offset = offset;
  m->access = access;
  m->storage = bytearray_new();
  m->storage->exports = 1;
  if (!(t->flags & TF_HAS_DEL)) GC_register_finalizer(m, mmap_finalizer, nullptr, nullptr, nullptr);
  if (fd == -1) {
    flags |= MAP_ANONYMOUS;
    m->shared_anon = (flags & MAP_SHARED) != 0;
  } else {
    int d = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (d < 0) return raise_errno(errno);
    m->fd = d;
  }
  void* p = ::mmap(nullptr, size_t(map_size), prot, flags, fd, off_t(offset));
  if (p == MAP_FAILED) {
    int e = errno;
    unmap(m);
    return raise_errno(e);
  }
  m->data = static_cast<char*>(p);
  sync_storage(m);
  return Value(m);
}

// ---- methods --------------------------------------------------------------------------------------

Result<Value> mmap_close(Value* a, int64_t, Tuple*) {
  MmapObj* m = MM(a[0]);
  if (m->data && TRY(live_exports(m)) > 0) return raise(tp_BufferError, "cannot close exported pointers exist");
  unmap(m);
  return None();
}

Result<Value> mmap_get_closed(Value self) { return Bool(MM(self)->data == nullptr); }

Result<Value> mmap_enter(Value* a, int64_t, Tuple*) {
  TRY(valid(a[0]));
  return a[0];
}

Result<Value> mmap_exit(Value* a, int64_t, Tuple*) { return mmap_close(a, 1, nullptr); }

Result<Value> mmap_read_byte(Value* a, int64_t, Tuple*) {
  MmapObj* m = TRY(valid(a[0]));
  if (m->pos >= m->size) return raise(tp_ValueError, "read byte out of range");
  return Value::small(uint8_t(m->data[m->pos++]));
}

Result<Value> mmap_readline(Value* a, int64_t, Tuple*) {
  MmapObj* m = TRY(valid(a[0]));
  int64_t remaining = m->pos < m->size ? m->size - m->pos : 0;
  if (remaining == 0) return bytes_from("");
  const char* start = m->data + m->pos;
  const char* eol = static_cast<const char*>(std::memchr(start, '\n', size_t(remaining)));
  int64_t len = eol ? eol - start + 1 : remaining;
  Value r = bytes_from(std::string_view(start, size_t(len)));
  m->pos += len;
  return r;
}

Result<Value> mmap_read(Value* a, int64_t n, Tuple* kw) {
  TRY(valid(a[0]));
  TRY(positional("read", n - 1, kw, 0, 1));
  int64_t want = INT64_MAX;
  if (n > 1 && !is_none(a[1])) {
    if (!index_like(a[1]))
      return raise_fmt(tp_TypeError, "argument should be integer or None, not '%s'", type_name(a[1]));
    want = TRY(as_ssize_exc(a[1], tp_OverflowError));
  }
  MmapObj* m = TRY(valid(a[0]));
  int64_t remaining = m->pos < m->size ? m->size - m->pos : 0;
  if (want < 0 || want > remaining) want = remaining;
  Value r = bytes_from(std::string_view(m->data + m->pos, size_t(want)));
  m->pos += want;
  return r;
}

Result<Value> gfind(Value* a, int64_t n, Tuple* kw, bool reverse) {
  const char* fname = reverse ? "rfind" : "find";
  MmapObj* m = TRY(valid(a[0]));
  TRY(positional(fname, n - 1, kw, 1, 3));
  std::string_view needle = TRY(buffer_view(a[1]));
  std::string needle_copy(needle);  // the start/end conversions below may run Python
  int64_t start = m->pos, end = m->size;
  if (n > 2) start = TRY(ssize_arg(a[2]));
  if (n > 3) end = TRY(ssize_arg(a[3]));
  m = TRY(valid(a[0]));
  auto clamp = [m](int64_t& x) {
    if (x < 0) x += m->size;
    if (x < 0) x = 0;
    else if (x > m->size) x = m->size;
  };
  clamp(start);
  clamp(end);
  // CPython's stringlib answers an empty needle before looking at the range: find gives start,
  // rfind gives end, even when end < start.
  if (needle_copy.empty()) return int_from_i64(reverse ? end : start);
  if (end < start) return Value::small(-1);
  std::string_view hay(m->data + start, size_t(end - start));
  size_t at = reverse ? hay.rfind(needle_copy) : hay.find(needle_copy);
  if (at == std::string_view::npos) return Value::small(-1);
  return int_from_i64(start + int64_t(at));
}
Result<Value> mmap_find(Value* a, int64_t n, Tuple* kw) { return gfind(a, n, kw, false); }
Result<Value> mmap_rfind(Value* a, int64_t n, Tuple* kw) { return gfind(a, n, kw, true); }

Result<Value> mmap_write(Value* a, int64_t n, Tuple* kw) {
  TRY(valid(a[0]));
  TRY(positional("write", n - 1, kw, 1, 1));
  std::string_view data = TRY(buffer_view(a[1]));
  MmapObj* m = MM(a[0]);
  TRY(check_writable(m));
  int64_t len = int64_t(data.size());
  if (m->pos > m->size || m->size - m->pos < len) return raise(tp_ValueError, "data out of range");
  std::memmove(m->data + m->pos, data.data(), size_t(len));
  m->pos += len;
  return int_from_i64(len);
}

Result<Value> mmap_write_byte(Value* a, int64_t n, Tuple* kw) {
  TRY(valid(a[0]));
  TRY(positional("write_byte", n - 1, kw, 1, 1));
  // 'b': an unsigned char, range-checked.
  Value iv = TRY(index_value(a[1]));
  int64_t v;
  if (!int_fits_i64(iv, &v)) return raise(tp_OverflowError, "Python int too large to convert to C long");
  if (v < 0) return raise(tp_OverflowError, "unsigned byte integer is less than minimum");
  if (v > 255) return raise(tp_OverflowError, "unsigned byte integer is greater than maximum");
  MmapObj* m = TRY(valid(a[0]));
  TRY(check_writable(m));
  if (m->pos >= m->size) return raise(tp_ValueError, "write byte out of range");
  m->data[m->pos++] = char(v);
  return None();
}

Result<Value> mmap_size(Value* a, int64_t, Tuple*) {
  MmapObj* m = TRY(valid(a[0]));
  struct stat st;
  if (::fstat(m->fd, &st) < 0) return raise_errno(errno);
  return int_from_i64(st.st_size);
}

Result<Value> mmap_tell(Value* a, int64_t, Tuple*) {
  MmapObj* m = TRY(valid(a[0]));
  return int_from_i64(m->pos);
}

Result<Value> mmap_seek(Value* a, int64_t n, Tuple* kw) {
  TRY(valid(a[0]));
  TRY(positional("seek", n - 1, kw, 1, 2));
  int64_t dist = TRY(ssize_arg(a[1]));
  int how = n > 2 ? TRY(int_arg(a[2])) : 0;
  MmapObj* m = TRY(valid(a[0]));
  int64_t where;
  switch (how) {
    case 0:
      if (dist < 0) goto out_of_range;
      where = dist;
      break;
    case 1:
      if (__builtin_add_overflow(m->pos, dist, &where)) goto out_of_range;
      break;
    case 2:
      if (__builtin_add_overflow(m->size, dist, &where)) goto out_of_range;
      break;
    default: return raise(tp_ValueError, "unknown seek type");
  }
  if (where > m->size || where < 0) goto out_of_range;
  m->pos = where;
  return None();
out_of_range:
  return raise(tp_ValueError, "seek out of range");
}

Result<Value> mmap_move(Value* a, int64_t n, Tuple* kw) {
  TRY(valid(a[0]));
  TRY(positional("move", n - 1, kw, 3, 3));
  int64_t dest = TRY(ssize_arg(a[1]));
  int64_t src = TRY(ssize_arg(a[2]));
  int64_t cnt = TRY(ssize_arg(a[3]));
  MmapObj* m = TRY(valid(a[0]));
  TRY(check_writable(m));
  if (dest < 0 || src < 0 || cnt < 0 || m->size - dest < cnt || m->size - src < cnt)
    return raise(tp_ValueError, "source, destination, or count out of range");
  std::memmove(m->data + dest, m->data + src, size_t(cnt));
  return None();
}

Result<Value> mmap_flush(Value* a, int64_t n, Tuple* kw) {
  MmapObj* m = TRY(valid(a[0]));
  TRY(positional("flush", n - 1, kw, 0, 2));
  int64_t offset = 0, size = m->size;
  if (n > 1) offset = TRY(ssize_arg(a[1]));
  if (n > 2) size = TRY(ssize_arg(a[2]));
  m = TRY(valid(a[0]));
  if (size < 0 || offset < 0 || m->size - offset < size) return raise(tp_ValueError, "flush values out of range");
  if (m->access == ACCESS_READ || m->access == ACCESS_COPY) return None();
  char* p = m->data + offset;
  int r = gil::blocking(gil::Block::File, [&] { return ::msync(p, size_t(size), MS_SYNC); });
  if (r < 0) return raise_errno(errno);
  return None();
}

Result<Value> mmap_madvise(Value* a, int64_t n, Tuple* kw) {
  TRY(valid(a[0]));
  TRY(positional("madvise", n - 1, kw, 1, 3));
  int option = TRY(int_arg(a[1]));
  int64_t start = 0;
  MmapObj* m = MM(a[0]);
  int64_t length = m->size;
  if (n > 2) start = TRY(ssize_arg(a[2]));
  if (n > 3) length = TRY(ssize_arg(a[3]));
  m = TRY(valid(a[0]));
  if (start < 0 || start >= m->size) return raise(tp_ValueError, "madvise start out of bounds");
  if (length < 0) return raise(tp_ValueError, "madvise length invalid");
  if (INT64_MAX - start < length) return raise(tp_OverflowError, "madvise length too large");
  if (start + length > m->size) length = m->size - start;
  if (::madvise(m->data + start, size_t(length), option) != 0) return raise_errno(errno);
  return None();
}

Result<Value> mmap_resize(Value* a, int64_t n, Tuple* kw) {
  TRY(valid(a[0]));
  TRY(positional("resize", n - 1, kw, 1, 1));
  int64_t new_size = TRY(ssize_arg(a[1]));
  MmapObj* m = TRY(valid(a[0]));
  TRY(check_resizeable(m));
  m = TRY(valid(a[0]));
  if (new_size < 0 || INT64_MAX - new_size < m->offset) return raise(tp_ValueError, "new size out of range");
  // mremap would grow the mapping but not the shared memory object behind it: touching the new
  // pages raises SIGBUS (kernel bug 8691; CPython 3.11 crashes there, later versions refuse).
  if (m->shared_anon && new_size > m->size)
    return raise(tp_ValueError, "mmap: can't expand a shared anonymous mapping on Linux");
  if (m->fd != -1 && ::ftruncate(m->fd, off_t(m->offset + new_size)) < 0) return raise_errno(errno);
  void* p = ::mremap(m->data, size_t(m->size), size_t(new_size), MREMAP_MAYMOVE);
  if (p == MAP_FAILED) return raise_errno(errno);
  m->data = static_cast<char*>(p);
  m->size = new_size;
  sync_storage(m);
  return None();
}

Result<Value> mmap_repr(Value* a, int64_t, Tuple*) {
  MmapObj* m = MM(a[0]);
  std::string tn = type_name(a[0]);
  if (!m->data) return str_value("<" + tn + " closed=True>");
  static const char* const names[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"};
  char buf[160];
  std::snprintf(buf, sizeof buf, " closed=False, access=%s, length=%lld, pos=%lld, offset=%lld>",
                names[m->access & 3], (long long)m->size, (long long)m->pos, (long long)m->offset);
  return str_value("<" + tn + buf);
}

Result<Value> mmap_sizeof(Value* a, int64_t, Tuple*) {
  return Value::small(int64_t(a[0].type()->instance_size));
}

// ---- sequence and mapping protocol --------------------------------------------------------------

Result<Value> mmap_len(Value* a, int64_t, Tuple*) {
  MmapObj* m = TRY(valid(a[0]));
  return int_from_i64(m->size);
}

Result<Value> mmap_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getitem__", n - 1, 1, 1));
  TRY(valid(a[0]));
  Value key = a[1];
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t cnt = TRY(slice_indices(key.as<Slice>(), MM(a[0])->size, &start, &stop, &step));
    MmapObj* m = TRY(valid(a[0]));
    if (cnt <= 0) return bytes_from("");
    if (start + (cnt - 1) * step >= m->size) cnt = 0;  // the map shrank during __index__
    if (step == 1) return bytes_from(std::string_view(m->data + start, size_t(cnt)));
    Bytes* b = bytes_new(cnt);
    if (!b) return ERR;
    for (int64_t i = 0, cur = start; i < cnt; i++, cur += step) b->data[i] = m->data[cur];
    return Value(b);
  }
  if (!index_like(key)) return raise(tp_TypeError, "mmap indices must be integers");
  int64_t i = TRY(as_ssize_exc(key, tp_IndexError));
  MmapObj* m = TRY(valid(a[0]));
  if (i < 0) i += m->size;
  if (i < 0 || i >= m->size) return raise(tp_IndexError, "mmap index out of range");
  return Value::small(uint8_t(m->data[i]));
}

// value null: deletion.
Result<Value> ass_subscript(Value self, Value key, Value value) {
  MmapObj* m = TRY(valid(self));
  TRY(check_writable(m));
  if (is_slice(key)) {
    int64_t start, stop, step;
    int64_t cnt = TRY(slice_indices(key.as<Slice>(), m->size, &start, &stop, &step));
    if (!value) return raise(tp_TypeError, "mmap object doesn't support slice deletion");
    std::string src(TRY(buffer_view(value)));  // a copy: the source may be this map
    m = TRY(valid(self));
    if (int64_t(src.size()) != cnt) return raise(tp_IndexError, "mmap slice assignment is wrong size");
    if (cnt <= 0) return None();
    if (start + (cnt - 1) * step >= m->size || start + (cnt - 1) * step < 0)
      return raise(tp_IndexError, "mmap index out of range");
    if (step == 1) {
      std::memcpy(m->data + start, src.data(), size_t(cnt));
    } else {
      for (int64_t i = 0, cur = start; i < cnt; i++, cur += step) m->data[cur] = src[size_t(i)];
    }
    return None();
  }
  if (!index_like(key)) return raise(tp_TypeError, "mmap indices must be integer");
  int64_t i = TRY(as_ssize_exc(key, tp_IndexError));
  m = TRY(valid(self));
  if (i < 0) i += m->size;
  if (i < 0 || i >= m->size) return raise(tp_IndexError, "mmap index out of range");
  if (!value) return raise(tp_TypeError, "mmap doesn't support item deletion");
  if (!index_like(value)) return raise(tp_TypeError, "mmap item value must be an int");
  int64_t v = TRY(as_ssize_exc(value, tp_TypeError));
  if (v < 0 || v > 255) return raise(tp_ValueError, "mmap item value must be in range(0, 256)");
  m = TRY(valid(self));
  if (i >= m->size) return raise(tp_IndexError, "mmap index out of range");
  m->data[i] = char(v);
  return None();
}

Result<Value> mmap_setitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setitem__", n - 1, 2, 2));
  return ass_subscript(a[0], a[1], a[2]);
}

Result<Value> mmap_delitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__delitem__", n - 1, 1, 1));
  return ass_subscript(a[0], a[1], Value());
}

// CPython's mmap has no __iter__: iteration goes through its sequence item slot, which yields
// one-byte bytes objects (unlike m[i], an int). gilpy spells that as __iter__ over a snapshot.
Result<Value> mmap_iter(Value* a, int64_t, Tuple*) {
  MmapObj* m = TRY(valid(a[0]));
  Tuple* t = tuple_new(m->size);
  for (int64_t i = 0; i < m->size; i++) t->items[i] = bytes_from(std::string_view(m->data + i, 1));
  return get_iter(Value(t));
}

const MethodDef mmap_methods[] = {
    {"__new__", mmap_new, MethKind::Static},
    {"close", mmap_close, MethKind::NoArgs},
    {"find", mmap_find},
    {"rfind", mmap_rfind},
    {"flush", mmap_flush},
    {"madvise", mmap_madvise},
    {"move", mmap_move},
    {"read", mmap_read},
    {"read_byte", mmap_read_byte, MethKind::NoArgs},
    {"readline", mmap_readline, MethKind::NoArgs},
    {"resize", mmap_resize},
    {"seek", mmap_seek},
    {"size", mmap_size, MethKind::NoArgs},
    {"tell", mmap_tell, MethKind::NoArgs},
    {"write", mmap_write},
    {"write_byte", mmap_write_byte},
    {"__enter__", mmap_enter, MethKind::NoArgs},
    {"__exit__", mmap_exit},
    {"__repr__", mmap_repr},
    {"__sizeof__", mmap_sizeof},
    {"__len__", mmap_len},
    {"__getitem__", mmap_getitem},
    {"__setitem__", mmap_setitem},
    {"__delitem__", mmap_delitem},
    {"__iter__", mmap_iter},
    {nullptr, nullptr},
};

const GetSetDef mmap_getsets[] = {{"closed", mmap_get_closed}, {nullptr, nullptr}};

const char kMmapDoc[] =
    "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\n"
    "Maps length bytes from the file specified by the file handle fileno,\n"
    "and returns a mmap object.  If length is larger than the current size\n"
    "of the file, the file is extended to contain length bytes.  If length\n"
    "is 0, the maximum length of the map is the current size of the file,\n"
    "except that if the file is empty Windows raises an exception (you cannot\n"
    "create an empty mapping on Windows).\n\n"
    "Unix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])\n\n"
    "Maps length bytes from the file specified by the file descriptor fileno,\n"
    "and returns a mmap object.  If length is 0, the maximum length of the map\n"
    "will be the current size of the file when mmap is called.\n"
    "flags specifies the nature of the mapping. MAP_PRIVATE creates a\n"
    "private copy-on-write mapping, so changes to the contents of the mmap\n"
    "object will be private to this process, and MAP_SHARED creates a mapping\n"
    "that's shared with all other processes mapping the same areas of the file.\n"
    "The default value is MAP_SHARED.\n\n"
    "To map anonymous memory, pass -1 as the fileno (both versions).";

}  // namespace

static Result<Value> mmap_module_init() {
  Module* m = native_module_new("mmap", nullptr);
  if (!tp_mmap) {
    tp_mmap = native_type_new("mmap", "mmap", tp_object, Layout::Other, sizeof(MmapObj), mmap_methods, mmap_getsets);
    type_set_attr_const(tp_mmap, "__doc__", str_value(kMmapDoc));
    register_buffer_export(mmap_export);
  }
  auto add = [&](const char* name, int64_t v) { dict_set_str(m->dict, str_intern(name), int_from_i64(v)); };
  dict_set_str(m->dict, str_intern("mmap"), Value(tp_mmap));
  dict_set_str(m->dict, str_intern("error"), Value(tp_OSError));
#define C(n) add(#n, n);
  C(PROT_EXEC) C(PROT_READ) C(PROT_WRITE)
  C(MAP_SHARED) C(MAP_PRIVATE) C(MAP_DENYWRITE) C(MAP_EXECUTABLE) C(MAP_ANON) C(MAP_ANONYMOUS)
  C(MAP_POPULATE) C(MAP_STACK)
  C(MADV_NORMAL) C(MADV_RANDOM) C(MADV_SEQUENTIAL) C(MADV_WILLNEED) C(MADV_DONTNEED) C(MADV_REMOVE)
  C(MADV_DONTFORK) C(MADV_DOFORK) C(MADV_HWPOISON) C(MADV_MERGEABLE) C(MADV_UNMERGEABLE)
  C(MADV_HUGEPAGE) C(MADV_NOHUGEPAGE) C(MADV_DONTDUMP) C(MADV_DODUMP) C(MADV_FREE)
#undef C
  long page = ::sysconf(_SC_PAGESIZE);
  add("PAGESIZE", page);
  add("ALLOCATIONGRANULARITY", page);
  add("ACCESS_DEFAULT", ACCESS_DEFAULT);
  add("ACCESS_READ", ACCESS_READ);
  add("ACCESS_WRITE", ACCESS_WRITE);
  add("ACCESS_COPY", ACCESS_COPY);
  return Value(m);
}
GILPY_NATIVE_MODULE("mmap", mmap_module_init);

}  // namespace gilpy
