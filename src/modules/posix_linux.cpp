// posix, part 6: Linux descriptor calls beyond plain read/write (see posix_impl.h):
// getrandom, splice, copy_file_range, eventfd, memfd_create, pidfd_open,
// scatter/gather I/O (readv, writev, preadv, pwritev), lockf, posix_fadvise,
// posix_fallocate and the terminal process group.
//
// Calls that can block run without the GIL and retry on EINTR after running
// the signal handlers (PEP 475), like the rest of the module.
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/protocols.h"

namespace gilpy::posix {

#define RETRY_EINTR(res, call)                                        \
  do {                                                                \
    res = gil::blocking(gil::Block::File, [&] { return (call); });   \
    if (!(res < 0 && errno == EINTR)) break;                          \
    TRY(check_signals_after_eintr());                                 \
  } while (true)

// A Py_ssize_t count that must not be negative (argument clinic's wording).
static Result<int64_t> count_arg(Value v, const char* name) {
  int64_t n = TRY(as_ssize(v));
  if (n < 0) return raise_fmt(tp_ValueError, "negative value for '%s' not allowed", name);
  return n;
}

// An optional file offset: None (absent) or an integer.
static Result<bool> offset_arg(Value v, off_t* out) {
  if (!v || is_none(v)) return false;
  int64_t x = TRY(as_index(v));
  *out = off_t(x);
  return true;
}

// ---- getrandom --------------------------------------------------------------------------------
static Result<Value> px_getrandom(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("getrandom", args, nargs, kw, {"size", "flags"}, 1, o));
  int64_t size = TRY(as_ssize(o[0]));
  int flags = o[1] ? TRY(as_c_int(o[1])) : 0;
  if (size < 0) return raise_errno(EINVAL);
  std::string buf(size_t(size), '\0');
  ssize_t n;
  RETRY_EINTR(n, ::getrandom(buf.data(), size_t(size), unsigned(flags)));
  if (n < 0) return raise_errno(errno);
  return bytes_from(std::string_view(buf.data(), size_t(n)));
}

// ---- splice and copy_file_range ---------------------------------------------------------------
static Result<Value> px_splice(Value* args, int64_t nargs, Tuple* kw) {
  Value o[6];
  TRY(parse_args("splice", args, nargs, kw, {"src", "dst", "count", "offset_src", "offset_dst", "flags"}, 3, o));
  int src = TRY(fd_convert(o[0]));
  int dst = TRY(fd_convert(o[1]));
  int64_t count = TRY(count_arg(o[2], "count"));
  off_t off_in = 0, off_out = 0;
  bool has_in = TRY(offset_arg(o[3], &off_in));
  bool has_out = TRY(offset_arg(o[4], &off_out));
  unsigned flags = o[5] ? unsigned(TRY(as_c_int(o[5]))) : 0;
  ssize_t r;
  RETRY_EINTR(r, ::splice(src, has_in ? &off_in : nullptr, dst, has_out ? &off_out : nullptr, size_t(count), flags));
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

static Result<Value> px_copy_file_range(Value* args, int64_t nargs, Tuple* kw) {
  Value o[5];
  TRY(parse_args("copy_file_range", args, nargs, kw, {"src", "dst", "count", "offset_src", "offset_dst"}, 3, o));
  int src = TRY(fd_convert(o[0]));
  int dst = TRY(fd_convert(o[1]));
  int64_t count = TRY(count_arg(o[2], "count"));
  off_t off_in = 0, off_out = 0;
  bool has_in = TRY(offset_arg(o[3], &off_in));
  bool has_out = TRY(offset_arg(o[4], &off_out));
  ssize_t r;
  RETRY_EINTR(r, ::copy_file_range(src, has_in ? &off_in : nullptr, dst, has_out ? &off_out : nullptr,
                                   size_t(count), 0u));
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

// ---- eventfd ----------------------------------------------------------------------------------
// CPython's unsigned converters: ValueError for a negative int, OverflowError
// past the C type's range.
static Result<uint64_t> unsigned_arg(Value v, int bits, const char* ctype) {
  Value iv = TRY(index_value(v));
  if (int_sign(iv) < 0) return raise(tp_ValueError, "value must be positive");
  int64_t x;
  if (!int_fits_i64(iv, &x)) {
    if (bits == 64) {
      // 2**63 .. 2**64-1: through the decimal text (rare; exact).
      std::string s = int_to_string(iv, 10);
      if (s.size() <= 20) {
        errno = 0;
        unsigned long long u = std::strtoull(s.c_str(), nullptr, 10);
        if (errno != ERANGE && std::to_string(u) == s) return uint64_t(u);
      }
    }
    return raise_fmt(tp_OverflowError, "Python int too large for C %s", ctype);
  }
  if (bits < 64 && uint64_t(x) >> bits) return raise_fmt(tp_OverflowError, "Python int too large for C %s", ctype);
  return uint64_t(x);
}

static Result<Value> px_eventfd(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("eventfd", args, nargs, kw, {"initval", "flags"}, 1, o));
  uint64_t init = TRY(unsigned_arg(o[0], 32, "unsigned int"));
  int flags = o[1] ? TRY(as_c_int(o[1])) : EFD_CLOEXEC;
  int fd = gil::blocking(gil::Block::File, [&] { return ::eventfd(unsigned(init), flags); });
  if (fd < 0) return raise_errno(errno);
  return Value::small(fd);
}

static Result<Value> px_eventfd_read(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("eventfd_read", args, nargs, kw, {"fd"}, 1, o));
  int fd = TRY(fd_convert(o[0]));
  eventfd_t value = 0;
  int r;
  RETRY_EINTR(r, ::eventfd_read(fd, &value));
  if (r < 0) return raise_errno(errno);
  return int_from_u64(value);
}

static Result<Value> px_eventfd_write(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("eventfd_write", args, nargs, kw, {"fd", "value"}, 2, o));
  int fd = TRY(fd_convert(o[0]));
  uint64_t value = TRY(unsigned_arg(o[1], 64, "unsigned long long"));
  int r;
  RETRY_EINTR(r, ::eventfd_write(fd, eventfd_t(value)));
  if (r < 0) return raise_errno(errno);
  return None();
}

// ---- memfd_create, pidfd_open -----------------------------------------------------------------
static Result<Value> px_memfd_create(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("memfd_create", args, nargs, kw, {"name", "flags"}, 1, o));
  // The name is a path-like argument converted with the filesystem encoding.
  Path p;
  TRY(path_convert("memfd_create", o[0], &p));
  unsigned flags = o[1] ? unsigned(TRY(unsigned_arg(o[1], 32, "unsigned int"))) : unsigned(MFD_CLOEXEC);
  int fd = gil::blocking(gil::Block::File, [&] { return ::memfd_create(p.c(), flags); });
  if (fd < 0) return raise_errno(errno);
  return Value::small(fd);
}

static Result<Value> px_pidfd_open(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("pidfd_open", args, nargs, kw, {"pid", "flags"}, 1, o));
  int64_t pid = TRY(as_index(o[0]));
  if (pid < INT_MIN || pid > INT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
  uint64_t flags = o[1] ? TRY(unsigned_arg(o[1], 32, "unsigned int")) : 0;
  long fd = ::syscall(SYS_pidfd_open, pid_t(pid), unsigned(flags));
  if (fd < 0) return raise_errno(errno);
  return Value::small(fd);
}

// ---- scatter/gather I/O -----------------------------------------------------------------------
// The items of a `buffers` argument: a sequence (list, tuple or anything with
// __getitem__ and __len__), as CPython's PySequence_Fast.
static Result<Tuple*> buffers_seq(Value v, const char* fname, int argn) {
  if (is_tuple(v)) return as_tuple(v);
  if (is_list(v)) return tuple_from(as_list(v)->items, as_list(v)->size);
  Value gi = lookup_special(v, N.__getitem__);
  if (!gi || is_dict(v)) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError, "%s() arg %d must be a sequence", fname, argn);
  }
  return to_tuple(v);
}

static Status check_iov_count(int64_t n) {
  if (n > IOV_MAX) return raise_errno(EINVAL);
  return OK();
}

// readv / preadv: read into one private buffer (the targets may be resized by
// another thread while this one waits without the GIL), then copy into each
// target in order.
static Result<Value> read_vectored(int fd, Tuple* bufs, bool positioned, off_t off, int flags) {
  TRY(check_iov_count(bufs->size));
  std::vector<int64_t> sizes;
  int64_t total = 0;
  for (int64_t i = 0; i < bufs->size; i++) {
    char* data;
    int64_t size;
    if (!writable_buffer(bufs->items[i], &data, &size)) {
      std::string_view ro;
      if (buffer_view_opt(bufs->items[i], &ro)) return raise(tp_BufferError, "Object is not writable.");
      return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(bufs->items[i]));
    }
    sizes.push_back(size);
    total += size;
  }
  std::string tmp(size_t(total), '\0');
  std::vector<struct iovec> iov(sizes.size());
  int64_t at = 0;
  for (size_t i = 0; i < sizes.size(); i++) {
    iov[i].iov_base = tmp.data() + at;
    iov[i].iov_len = size_t(sizes[i]);
    at += sizes[i];
  }
  ssize_t r;
  int cnt = int(iov.size());
  if (positioned) RETRY_EINTR(r, ::preadv2(fd, iov.data(), cnt, off, flags));
  else RETRY_EINTR(r, ::readv(fd, iov.data(), cnt));
  if (r < 0) return raise_errno(errno);
  // Distribute what was read.
  int64_t left = r, pos = 0;
  for (int64_t i = 0; i < bufs->size && left > 0; i++) {
    int64_t take = std::min<int64_t>(left, sizes[size_t(i)]);
    char* data;
    int64_t size;
    if (writable_buffer(bufs->items[i], &data, &size)) {
      std::memcpy(data, tmp.data() + pos, size_t(std::min(take, size)));
    }
    pos += take;
    left -= take;
  }
  return int_from_i64(r);
}

static Result<Value> write_vectored(int fd, Tuple* bufs, bool positioned, off_t off, int flags) {
  TRY(check_iov_count(bufs->size));
  // Copies: a bytearray could change while the GIL is out.
  std::vector<std::string> data;
  data.reserve(size_t(bufs->size));
  for (int64_t i = 0; i < bufs->size; i++) {
    std::string_view v = TRY(buffer_view(bufs->items[i]));
    data.emplace_back(v);
  }
  std::vector<struct iovec> iov(data.size());
  for (size_t i = 0; i < data.size(); i++) {
    iov[i].iov_base = data[i].data();
    iov[i].iov_len = data[i].size();
  }
  ssize_t r;
  int cnt = int(iov.size());
  if (positioned) RETRY_EINTR(r, ::pwritev2(fd, iov.data(), cnt, off, flags));
  else RETRY_EINTR(r, ::writev(fd, iov.data(), cnt));
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

static Result<Value> px_readv(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("readv", kw));
  TRY(check_nargs("readv", nargs, 2, 2));
  int fd = TRY(fd_convert(args[0]));
  Tuple* bufs = TRY(buffers_seq(args[1], "readv", 2));
  return read_vectored(fd, bufs, false, 0, 0);
}

static Result<Value> px_preadv(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("preadv", kw));
  TRY(check_nargs("preadv", nargs, 3, 4));
  int fd = TRY(fd_convert(args[0]));
  Tuple* bufs = TRY(buffers_seq(args[1], "preadv", 2));
  int64_t off = TRY(as_index(args[2]));
  int flags = nargs > 3 ? TRY(as_c_int(args[3])) : 0;
  return read_vectored(fd, bufs, true, off_t(off), flags);
}

static Result<Value> px_writev(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("writev", kw));
  TRY(check_nargs("writev", nargs, 2, 2));
  int fd = TRY(fd_convert(args[0]));
  Tuple* bufs = TRY(buffers_seq(args[1], "writev", 2));
  return write_vectored(fd, bufs, false, 0, 0);
}

static Result<Value> px_pwritev(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pwritev", kw));
  TRY(check_nargs("pwritev", nargs, 3, 4));
  int fd = TRY(fd_convert(args[0]));
  Tuple* bufs = TRY(buffers_seq(args[1], "pwritev", 2));
  int64_t off = TRY(as_index(args[2]));
  int flags = nargs > 3 ? TRY(as_c_int(args[3])) : 0;
  return write_vectored(fd, bufs, true, off_t(off), flags);
}

// ---- locking and allocation -------------------------------------------------------------------
static Result<Value> px_lockf(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("lockf", kw));
  TRY(check_nargs("lockf", nargs, 3, 3));
  int fd = TRY(fd_convert(args[0]));
  int cmd = TRY(as_c_int(args[1]));
  int64_t len = TRY(as_index(args[2]));
  // F_LOCK waits for the lock: the GIL is released, and EINTR is reported
  // (CPython does not retry lockf either).
  int r = gil::blocking(gil::Block::File, [&] { return ::lockf(fd, cmd, off_t(len)); });
  if (r < 0) return raise_errno(errno);
  return None();
}

// posix_fadvise / posix_fallocate return the error number instead of setting errno.
static Result<Value> px_posix_fadvise(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("posix_fadvise", kw));
  TRY(check_nargs("posix_fadvise", nargs, 4, 4));
  int fd = TRY(fd_convert(args[0]));
  int64_t off = TRY(as_index(args[1]));
  int64_t len = TRY(as_index(args[2]));
  int advice = TRY(as_c_int(args[3]));
  int e;
  while ((e = gil::blocking(gil::Block::File, [&] { return ::posix_fadvise(fd, off_t(off), off_t(len), advice); })) ==
         EINTR)
    TRY(check_signals_after_eintr());
  if (e) return raise_errno(e);
  return None();
}

static Result<Value> px_posix_fallocate(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("posix_fallocate", kw));
  TRY(check_nargs("posix_fallocate", nargs, 3, 3));
  int fd = TRY(fd_convert(args[0]));
  int64_t off = TRY(as_index(args[1]));
  int64_t len = TRY(as_index(args[2]));
  int e;
  while ((e = gil::blocking(gil::Block::File, [&] { return ::posix_fallocate(fd, off_t(off), off_t(len)); })) ==
         EINTR)
    TRY(check_signals_after_eintr());
  if (e) return raise_errno(e);
  return None();
}

// ---- terminal process group -------------------------------------------------------------------
static Result<Value> px_tcgetpgrp(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("tcgetpgrp", kw));
  TRY(check_nargs("tcgetpgrp", nargs, 1, 1));
  int fd = TRY(fd_convert(args[0]));
  pid_t r = ::tcgetpgrp(fd);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_tcsetpgrp(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("tcsetpgrp", kw));
  TRY(check_nargs("tcsetpgrp", nargs, 2, 2));
  int fd = TRY(fd_convert(args[0]));
  int64_t pg = TRY(as_index(args[1]));
  if (::tcsetpgrp(fd, pid_t(pg)) < 0) return raise_errno(errno);
  return None();
}

const MethodDef linux_functions[] = {
    {"getrandom", px_getrandom},
    {"splice", px_splice},
    {"copy_file_range", px_copy_file_range},
    {"eventfd", px_eventfd},
    {"eventfd_read", px_eventfd_read},
    {"eventfd_write", px_eventfd_write},
    {"memfd_create", px_memfd_create},
    {"pidfd_open", px_pidfd_open},
    {"readv", px_readv},
    {"preadv", px_preadv},
    {"writev", px_writev},
    {"pwritev", px_pwritev},
    {"lockf", px_lockf},
    {"posix_fadvise", px_posix_fadvise},
    {"posix_fallocate", px_posix_fallocate},
    {"tcgetpgrp", px_tcgetpgrp},
    {"tcsetpgrp", px_tcsetpgrp},
    {nullptr, nullptr},
};

void init_linux(Module* m) {
#define C(name) add_int(m, #name, name)
  C(GRND_NONBLOCK); C(GRND_RANDOM);
  C(SPLICE_F_MOVE); C(SPLICE_F_NONBLOCK); C(SPLICE_F_MORE);
  C(EFD_CLOEXEC); C(EFD_NONBLOCK); C(EFD_SEMAPHORE);
  C(MFD_CLOEXEC); C(MFD_ALLOW_SEALING); C(MFD_HUGETLB);
  C(RWF_DSYNC); C(RWF_HIPRI); C(RWF_SYNC); C(RWF_NOWAIT); C(RWF_APPEND);
#undef C
  // The MFD_HUGE_* sizes: log2(page size) << MFD_HUGE_SHIFT (26), as in <linux/memfd.h>.
  add_int(m, "MFD_HUGE_SHIFT", 26);
  add_int(m, "MFD_HUGE_MASK", 0x3f);
  static const struct { const char* name; int log2; } huge[] = {
      {"MFD_HUGE_64KB", 16}, {"MFD_HUGE_512KB", 19}, {"MFD_HUGE_1MB", 20},   {"MFD_HUGE_2MB", 21},
      {"MFD_HUGE_8MB", 23},  {"MFD_HUGE_16MB", 24},  {"MFD_HUGE_32MB", 25},  {"MFD_HUGE_256MB", 28},
      {"MFD_HUGE_512MB", 29}, {"MFD_HUGE_1GB", 30},  {"MFD_HUGE_2GB", 31},   {"MFD_HUGE_16GB", 34},
  };
  for (const auto& h : huge) add_int(m, h.name, int64_t(h.log2) << 26);
}

}  // namespace gilpy::posix
