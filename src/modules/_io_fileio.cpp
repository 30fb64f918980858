// _io.FileIO: raw, unbuffered I/O on a POSIX file descriptor. Every blocking
// call retries on EINTR (PEP 475); EAGAIN on a non-blocking descriptor makes
// read/write return None, as CPython does.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "modules/_io_internal.h"
#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/slice.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/protocols.h"

namespace gilpy::io {

Type* tp_FileIO;

static FileIO* F(Value v) { return v.as<FileIO>(); }

// Reads of standard input are what input() and sys.stdin wait in.
static gil::Block read_kind(int fd) { return fd == 0 ? gil::Block::Input : gil::Block::File; }

static Err fio_closed() { return raise(tp_ValueError, "I/O operation on closed file"); }

Result<Value> fileio_read_bytes(FileIO* f, int64_t n) {
  Bytes* b = bytes_new(n);
  if (!b) return ERR;
  int fd = f->fd;
  char* dst = b->data;  // private until returned: safe to fill without the GIL
  for (;;) {
    ssize_t r = gil::blocking(read_kind(fd), [&] { return ::read(fd, dst, size_t(n)); });
    if (r < 0) {
      if (errno == EINTR) {
        TRY(check_signals());
        continue;
      }
      if (errno == EAGAIN) return None();
      return raise_errno(errno);
    }
    if (r == n) return Value(b);
    return bytes_from(std::string_view(b->data, size_t(r)));
  }
}

Result<int64_t> fileio_write_bytes(FileIO* f, std::string_view data) {
  int fd = f->fd;
  for (;;) {
    // `data` is kept alive by this frame (the collector scans the stack of a
    // thread blocked here).
    ssize_t w = gil::blocking(gil::Block::File, [&] { return ::write(fd, data.data(), data.size()); });
    if (w < 0) {
      if (errno == EINTR) {
        TRY(check_signals());
        continue;
      }
      if (errno == EAGAIN) return int64_t(-1);
      return raise_errno(errno);
    }
    return int64_t(w);
  }
}

Result<int64_t> fileio_seek(FileIO* f, int64_t pos, int whence) {
  off_t r = ::lseek(f->fd, off_t(pos), whence);
  if (r < 0) return raise_errno(errno);
  return int64_t(r);
}

Status fileio_close_fd(FileIO* f) {
  int fd = f->fd;
  f->fd = -1;
  if (!f->closefd) return OK();
  // close() is not retried on EINTR: on Linux the descriptor is released anyway.
  if (::close(fd) < 0 && errno != EINTR) return raise_errno(errno);
  return OK();
}

static Result<Value> fileio_new(Value* a, int64_t n, Tuple*) {
  FileIO* f = static_cast<FileIO*>(alloc_io(a[0]));
  f->fd = -1;
  f->seekable = -1;
  return Value(f);
}

static Result<Value> fileio_init(Value* a, int64_t n, Tuple* kw) {
  Value v[4];
  TRY(parse_args("FileIO", a + 1, n - 1, kw, {"file", "mode", "closefd", "opener"}, 1, v));
  FileIO* f = F(a[0]);
  if (f->fd >= 0) {
    if (f->closefd) (void)::close(f->fd);
    f->fd = -1;
  }
  Value nameobj = v[0];
  int fd = -1;
  if (is_float(nameobj)) return raise(tp_TypeError, "integer argument expected, got float");
  if (is_int(nameobj)) {
    int64_t x = TRY(as_ssize(nameobj));
    if (x < 0) return raise(tp_ValueError, "negative file descriptor");
    fd = int(x);
  } else if (!is_str(nameobj) && !is_bytes(nameobj)) {
    Value fspath = lookup_special(nameobj, N.__fspath__);
    if (!fspath)
      return raise_fmt(tp_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(nameobj));
    Value p = TRY(call0(fspath));
    if (!is_str(p) && !is_bytes(p))
      return raise_fmt(tp_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                       type_name(nameobj), type_name(p));
    nameobj = p;
  }
  std::string_view mode = "r";
  if (v[1]) {
    if (!is_str(v[1])) return raise_fmt(tp_TypeError, "FileIO() argument 'mode' must be str, not %s", type_name(v[1]));
    mode = as_str(v[1])->view();
  }
  bool closefd = v[2] ? TRY(truthy(v[2])) : true;
  Value opener = v[3] && !is_none(v[3]) ? v[3] : Value();
  bool rwa = false, plus = false;
  f->readable = f->writable = f->appending = f->created = false;
  int flags = 0;
  auto bad_mode = [&]() -> Err {
    return raise_fmt(tp_ValueError, "invalid mode: %.*s", int(mode.size()), mode.data());
  };
  auto one_mode = []() -> Err {
    return raise(tp_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
  };
  for (char c : mode) {
    switch (c) {
      case 'x': if (rwa) return one_mode(); rwa = true; f->created = f->writable = true; flags |= O_EXCL | O_CREAT; break;
      case 'r': if (rwa) return one_mode(); rwa = true; f->readable = true; break;
      case 'w': if (rwa) return one_mode(); rwa = true; f->writable = true; flags |= O_CREAT | O_TRUNC; break;
      case 'a': if (rwa) return one_mode(); rwa = true; f->writable = f->appending = true; flags |= O_APPEND | O_CREAT; break;
      case 'b': break;
      case '+': if (plus) return one_mode(); f->readable = f->writable = plus = true; break;
      default: return bad_mode();
    }
  }
  if (!rwa) return one_mode();
  flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
  flags |= O_CLOEXEC;
  // A descriptor the caller passed in stays open when init fails, as in
  // CPython: only one this call opened is closed again.
  const bool fd_is_own = fd < 0;
  if (fd >= 0) {
    f->fd = fd;
    f->closefd = closefd;
  } else {
    f->closefd = true;
    if (!closefd) return raise(tp_ValueError, "Cannot use closefd=False with file name");
    if (opener) {
      Value r = TRY(call2(opener, nameobj, Value::small(flags)));
      if (!is_int(r)) return raise(tp_TypeError, "expected integer from opener");
      int64_t x = TRY(as_ssize(r));
      if (x < 0) return raise_fmt(tp_ValueError, "opener returned %lld", (long long)x);
      fd = int(x);
    } else {
      // A str path is encoded as os.fsencode does (UTF-8, surrogateescape): a name
      // read from the disk with undecodable bytes opens the same file.
      std::string path = is_str(nameobj) ? TRY(posix::fs_encode(as_str(nameobj))) : std::string(as_bytes(nameobj)->view());
      if (path.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null byte");
      for (;;) {
        fd = gil::blocking(gil::Block::File, [&] { return ::open(path.c_str(), flags, 0666); });
        if (fd >= 0) break;
        if (errno == EINTR) continue;
        return raise_errno(errno, nameobj);
      }
    }
    f->fd = fd;
  }
  f->blksize = kDefaultBufferSize;
  struct stat st;
  if (::fstat(f->fd, &st) < 0) {
    int e = errno;
    if (e == EBADF) {
      f->fd = -1;
      return raise_errno(e);
    }
  } else {
    if (S_ISDIR(st.st_mode)) {
      if (fd_is_own) (void)::close(f->fd);
      f->fd = -1;
      return raise_errno(EISDIR, nameobj);
    }
    if (st.st_blksize > 1) f->blksize = st.st_blksize;
  }
  TRY(setattr(a[0], N.name, nameobj));
  if (f->appending) (void)::lseek(f->fd, 0, SEEK_END);
  track_fileio(f);
  return None();
}

static Status live(FileIO* f) {
  if (f->fd < 0) return fio_closed();
  return OK();
}
static Status can_read(FileIO* f) {
  TRY(live(f));
  if (!f->readable) return unsupported("File not open for reading");
  return OK();
}
static Status can_write(FileIO* f) {
  TRY(live(f));
  if (!f->writable) return unsupported("File not open for writing");
  return OK();
}

static Result<Value> readall(FileIO* f) {
  std::string res;
  // Size hint: the bytes between the position and the end of a regular file.
  struct stat st;
  off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
  if (::fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode) && pos >= 0 && st.st_size >= pos)
    res.reserve(size_t(st.st_size - pos) + 1);
  char chunk[65536];
  int fd = f->fd;
  for (;;) {
    ssize_t r = gil::blocking(read_kind(fd), [&] { return ::read(fd, chunk, sizeof chunk); });
    if (r < 0) {
      if (errno == EINTR) {
        TRY(check_signals());
        continue;
      }
      if (errno == EAGAIN) {
        if (res.empty()) return None();
        break;
      }
      return raise_errno(errno);
    }
    if (r == 0) break;
    res.append(chunk, size_t(r));
  }
  return bytes_from(res);
}

static Result<Value> fileio_read(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("read", n - 1, 0, 1));
  FileIO* f = F(a[0]);
  TRY(can_read(f));
  int64_t size = TRY(size_arg(n > 1 ? a[1] : Value()));
  if (size < 0) return readall(f);
  return fileio_read_bytes(f, size);
}
static Result<Value> fileio_readall(Value* a, int64_t, Tuple*) {
  FileIO* f = F(a[0]);
  TRY(can_read(f));
  return readall(f);
}
static Result<Value> fileio_readinto(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("readinto", n - 1, 1, 1));
  FileIO* f = F(a[0]);
  TRY(can_read(f));
  if (is_bytearray(a[1])) {
    ByteArray* b = as_bytearray(a[1]);
    // Read into a private buffer: another thread may resize the bytearray
    // while this one waits without the GIL.
    std::string tmp(size_t(b->size), '\0');
    int fd = f->fd;
    for (;;) {
      ssize_t r = gil::blocking(read_kind(fd), [&] { return ::read(fd, tmp.data(), tmp.size()); });
      if (r < 0) {
        if (errno == EINTR) {
          TRY(check_signals());
          continue;
        }
        if (errno == EAGAIN) return None();
        return raise_errno(errno);
      }
      size_t copy = std::min(size_t(r), size_t(b->size));
      if (copy) std::memcpy(b->data, tmp.data(), copy);
      return Value::small(int64_t(copy));
    }
  }
  int64_t size = TRY(writable_size(a[1]));
  Value d = TRY(fileio_read_bytes(f, size));
  if (is_none(d)) return d;
  TRY(store_into_buffer(a[1], as_bytes(d)->view()));
  return Value::small(as_bytes(d)->size);
}
static Result<Value> fileio_write(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("write", n - 1, 1, 1));
  FileIO* f = F(a[0]);
  TRY(can_write(f));
  std::string_view data = TRY(buffer_view(a[1]));
  int64_t w = TRY(fileio_write_bytes(f, data));
  if (w < 0) return None();
  return Value::small(w);
}
static Result<Value> fileio_seek_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("seek", n - 1, 1, 2));
  FileIO* f = F(a[0]);
  TRY(live(f));
  if (is_float(a[1])) return raise(tp_TypeError, "an integer is required");
  int64_t pos = TRY(as_ssize(a[1]));
  int64_t whence = n > 2 ? TRY(as_ssize(a[2])) : 0;
  return int_from_i64(TRY(fileio_seek(f, pos, int(whence))));
}
static Result<Value> fileio_tell(Value* a, int64_t, Tuple*) {
  FileIO* f = F(a[0]);
  TRY(live(f));
  return int_from_i64(TRY(fileio_seek(f, 0, SEEK_CUR)));
}
static Result<Value> fileio_truncate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("truncate", n - 1, 0, 1));
  FileIO* f = F(a[0]);
  TRY(can_write(f));
  int64_t size;
  if (n < 2 || is_none(a[1])) size = TRY(fileio_seek(f, 0, SEEK_CUR));
  else size = TRY(as_ssize(a[1]));
  int fd = f->fd;
  for (;;) {
    if (gil::blocking(gil::Block::File, [&] { return ::ftruncate(fd, off_t(size)); }) == 0) break;
    if (errno == EINTR) {
      TRY(check_signals());
      continue;
    }
    return raise_errno(errno);
  }
  return int_from_i64(size);
}
static Result<Value> fileio_close(Value* a, int64_t, Tuple*) {
  FileIO* f = F(a[0]);
  // _IOBase.close semantics first (a subclass's flush runs), then release the descriptor
  // even when that flush failed.
  Value err;
  if (!f->iobase_closed && f->fd >= 0) {  // also for an exact FileIO: an instance attribute may replace flush
    Result<Value> r = call_method0(a[0], N.flush);
    if (r.is_err()) err = exc_fetch();
  }
  f->iobase_closed = true;
  if (f->fd >= 0) {
    Status s = fileio_close_fd(f);
    if (s.is_err()) return ERR;
  }
  if (err) {
    exc_restore(err);
    return ERR;
  }
  return None();
}
static Result<Value> fileio_seekable(Value* a, int64_t, Tuple*) {
  FileIO* f = F(a[0]);
  TRY(live(f));
  if (f->seekable < 0) f->seekable = ::lseek(f->fd, 0, SEEK_CUR) >= 0 ? 1 : 0;
  return Bool(f->seekable);
}
static Result<Value> fileio_readable(Value* a, int64_t, Tuple*) {
  TRY(live(F(a[0])));
  return Bool(F(a[0])->readable);
}
static Result<Value> fileio_writable(Value* a, int64_t, Tuple*) {
  TRY(live(F(a[0])));
  return Bool(F(a[0])->writable);
}
static Result<Value> fileio_fileno(Value* a, int64_t, Tuple*) {
  TRY(live(F(a[0])));
  return Value::small(F(a[0])->fd);
}
static Result<Value> fileio_isatty(Value* a, int64_t, Tuple*) {
  TRY(live(F(a[0])));
  return Bool(::isatty(F(a[0])->fd));
}

static std::string mode_string(FileIO* f) {
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

static Result<Value> fileio_repr(Value* a, int64_t, Tuple*) {
  FileIO* f = F(a[0]);
  std::string tn = a[0].type() == tp_FileIO ? "_io.FileIO" : std::string(a[0].type()->name->view());
  if (f->fd < 0) return str_value("<" + tn + " [closed]>");
  Value name;
  TRY(getattr_opt(a[0], N.name, &name));
  std::string s = "<" + tn;
  if (name) s += " name=" + std::string(TRY(repr(name))->view());
  else s += " fd=" + std::to_string(f->fd);
  s += " mode='" + mode_string(f) + "' closefd=" + (f->closefd ? "True" : "False") + ">";
  return str_value(s);
}
static Result<Value> fileio_getstate(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot pickle '%s' object", type_name(a[0]));
}

static Result<Value> get_closed(Value self) { return Bool(F(self)->fd < 0); }
static Result<Value> get_closefd(Value self) { return Bool(F(self)->closefd); }
static Result<Value> get_mode(Value self) { return str_value(mode_string(F(self))); }
static Result<Value> get_blksize(Value self) { return Value::small(F(self)->blksize); }

static const MethodDef fileio_methods[] = {
    {"__new__", fileio_new, MethKind::Static}, {"__init__", fileio_init}, {"read", fileio_read},
    {"readall", fileio_readall}, {"readinto", fileio_readinto}, {"write", fileio_write},
    {"seek", fileio_seek_m}, {"tell", fileio_tell}, {"truncate", fileio_truncate}, {"close", fileio_close},
    {"seekable", fileio_seekable}, {"readable", fileio_readable}, {"writable", fileio_writable},
    {"fileno", fileio_fileno}, {"isatty", fileio_isatty}, {"__repr__", fileio_repr},
    {"__getstate__", fileio_getstate}, {nullptr, nullptr}};
static const GetSetDef fileio_getsets[] = {
    {"closed", get_closed, nullptr, "True if the file is closed"},
    {"closefd", get_closefd, nullptr, "True if the file descriptor will be closed by close()."},
    {"mode", get_mode, nullptr, "String giving the file mode"},
    {"_blksize", get_blksize},
    {nullptr, nullptr}};

Type* make_fileio_type() {
  tp_FileIO = native_type_new("_io", "FileIO", tp_RawIOBase, Layout::Other, sizeof(FileIO), fileio_methods,
                              fileio_getsets);
  tp_FileIO->dict_offset = sizeof(Object);
  return tp_FileIO;
}

}  // namespace gilpy::io
