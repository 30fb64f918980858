// fcntl: the fcntl(2), ioctl(2), flock(2) and lockf-style (fcntl record lock)
// calls on file descriptors, with the constants the callers pass.
//
// A buffer argument is copied into a 1024-byte scratch area and the (possibly
// modified) copy returned, as CPython documents: the kernel may write up to
// the structure size it expects, so it must never write into a Python object
// smaller than that. ioctl with a mutable buffer (bytearray) and mutate_flag
// writes the result back into it.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/type.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/eval_breaker.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static constexpr size_t kArgBuf = 1024;

static Status after_eintr() {
  if (eval_breaker_set()) return handle_eval_breaker();
  return OK();
}

// PyObject_AsFileDescriptor.
static Result<int> fd_of(Value v) {
  Value f = v;
  if (!is_int(v)) {
    Value m;
    TRY(getattr_opt(v, N.fileno, &m));
    if (!m) return raise(tp_TypeError, "argument must be an int, or have a fileno() method.");
    f = TRY(call0(m));
    if (!is_int(f)) return raise(tp_TypeError, "fileno() returned a non-integer");
  }
  int64_t fd = TRY(as_index(f));
  if (fd < 0) return raise_fmt(tp_ValueError, "file descriptor cannot be a negative integer (%lld)", (long long)fd);
  if (fd > INT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
  return int(fd);
}

static Result<unsigned long> request_arg(Value v) {
  // Requests are unsigned on Linux; a negative literal wraps, as in C.
  int64_t r = TRY(as_index(v));
  return static_cast<unsigned long>(r);
}

static Result<Value> fc_fcntl(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("fcntl", kw));
  TRY(check_nargs("fcntl", nargs, 2, 3));
  int fd = TRY(fd_of(args[0]));
  int64_t cmd = TRY(as_index(args[1]));
  Value arg = nargs > 2 ? args[2] : Value::small(0);
  std::string_view data;
  bool is_buf = buffer_view_opt(arg, &data);
  std::string text;
  if (!is_buf && is_str(arg)) {
    text = std::string(as_str(arg)->view());
    data = text;
    is_buf = true;
  }
  if (is_buf) {
    if (data.size() > kArgBuf) return raise(tp_ValueError, "fcntl string arg too long");
    char buf[kArgBuf];
    std::memcpy(buf, data.data(), data.size());
    int r;
    while (true) {
      r = gil::blocking(gil::Block::File, [&] { return ::fcntl(fd, int(cmd), buf); });
      if (r >= 0 || errno != EINTR) break;
      TRY(after_eintr());
    }
    if (r < 0) return raise_errno(errno);
    return bytes_from(std::string_view(buf, data.size()));
  }
  int64_t iv = TRY(as_index(arg));
  if (iv < INT_MIN || iv > UINT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
  int r;
  while (true) {
    r = gil::blocking(gil::Block::File, [&] { return ::fcntl(fd, int(cmd), int(iv)); });
    if (r >= 0 || errno != EINTR) break;
    TRY(after_eintr());
  }
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> fc_ioctl(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("ioctl", kw));
  TRY(check_nargs("ioctl", nargs, 2, 4));
  int fd = TRY(fd_of(args[0]));
  unsigned long req = TRY(request_arg(args[1]));
  Value arg = nargs > 2 ? args[2] : Value::small(0);
  bool mutate = nargs > 3 ? TRY(truthy(args[3])) : true;
  if (is_bytearray(arg) && mutate) {
    // In place: through the scratch copy when small (the kernel may expect more
    // room than the bytearray has), directly otherwise.
    ByteArray* ba = as_bytearray(arg);
    size_t n = size_t(ba->size);
    int r;
    if (n <= kArgBuf) {
      char buf[kArgBuf];
      std::memcpy(buf, ba->view().data(), n);
      r = ::ioctl(fd, req, buf);
      int e = errno;
      if (r >= 0 && ba->data) std::memcpy(ba->data, buf, std::min(n, size_t(ba->size)));
      errno = e;
    } else {
      r = ::ioctl(fd, req, ba->data);
    }
    if (r < 0) return raise_errno(errno);
    return Value::small(r);
  }
  std::string_view data;
  bool is_buf = buffer_view_opt(arg, &data);
  std::string text;
  if (!is_buf && is_str(arg)) {
    text = std::string(as_str(arg)->view());
    data = text;
    is_buf = true;
  }
  if (is_buf) {
    if (data.size() > kArgBuf) return raise(tp_ValueError, "ioctl string arg too long");
    char buf[kArgBuf];
    std::memcpy(buf, data.data(), data.size());
    int r = ::ioctl(fd, req, buf);
    if (r < 0) return raise_errno(errno);
    return bytes_from(std::string_view(buf, data.size()));
  }
  int64_t iv = TRY(as_index(arg));
  if (iv < INT_MIN || iv > UINT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
  int r = ::ioctl(fd, req, int(iv));
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> fc_flock(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("flock", kw));
  TRY(check_nargs("flock", nargs, 2, 2));
  int fd = TRY(fd_of(args[0]));
  int64_t op = TRY(as_index(args[1]));
  int r;
  while (true) {
    r = gil::blocking(gil::Block::File, [&] { return ::flock(fd, int(op)); });
    if (r >= 0 || errno != EINTR) break;
    TRY(after_eintr());
  }
  if (r < 0) return raise_errno(errno);
  return None();
}

// lockf(fd, cmd, len=0, start=0, whence=0): a POSIX record lock taken with
// fcntl, cmd given as LOCK_* flags (LOCK_NB: don't wait).
static Result<Value> fc_lockf(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("lockf", kw));
  TRY(check_nargs("lockf", nargs, 2, 5));
  int fd = TRY(fd_of(args[0]));
  int64_t code = TRY(as_index(args[1]));
  int64_t len = nargs > 2 ? TRY(as_index(args[2])) : 0;
  int64_t start = nargs > 3 ? TRY(as_index(args[3])) : 0;
  int64_t whence = nargs > 4 ? TRY(as_index(args[4])) : 0;
  struct flock fl {};
  if (code == LOCK_UN) fl.l_type = F_UNLCK;
  else if (code & LOCK_SH) fl.l_type = F_RDLCK;
  else if (code & LOCK_EX) fl.l_type = F_WRLCK;
  else return raise(tp_ValueError, "unrecognized lockf argument");
  fl.l_start = off_t(start);
  fl.l_len = off_t(len);
  fl.l_whence = short(whence);
  int cmd = (code & LOCK_NB) ? F_SETLK : F_SETLKW;
  int r;
  while (true) {
    r = gil::blocking(gil::Block::File, [&] { return ::fcntl(fd, cmd, &fl); });
    if (r >= 0 || errno != EINTR) break;
    TRY(after_eintr());
  }
  if (r < 0) return raise_errno(errno);
  return None();
}

static const MethodDef functions[] = {{"fcntl", fc_fcntl},
                                      {"ioctl", fc_ioctl},
                                      {"flock", fc_flock},
                                      {"lockf", fc_lockf},
                                      {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("fcntl", functions,
                                "This module performs file control and I/O control on file\n"
                                "descriptors.  It is an interface to the fcntl() and ioctl() Unix\n"
                                "routines.  File descriptors can be obtained with the fileno() method of\n"
                                "a file or socket object.");
  struct C {
    const char* name;
    int64_t v;
  };
  static const C consts[] = {
      {"FD_CLOEXEC", FD_CLOEXEC}, {"F_DUPFD", F_DUPFD}, {"F_DUPFD_CLOEXEC", F_DUPFD_CLOEXEC},
      {"F_GETFD", F_GETFD}, {"F_SETFD", F_SETFD}, {"F_GETFL", F_GETFL}, {"F_SETFL", F_SETFL},
      {"F_GETLK", F_GETLK}, {"F_SETLK", F_SETLK}, {"F_SETLKW", F_SETLKW}, {"F_GETLK64", F_GETLK64},
      {"F_SETLK64", F_SETLK64}, {"F_SETLKW64", F_SETLKW64}, {"F_GETOWN", F_GETOWN}, {"F_SETOWN", F_SETOWN},
      {"F_GETSIG", F_GETSIG}, {"F_SETSIG", F_SETSIG}, {"F_GETLEASE", F_GETLEASE}, {"F_SETLEASE", F_SETLEASE},
      {"F_NOTIFY", F_NOTIFY}, {"F_RDLCK", F_RDLCK}, {"F_WRLCK", F_WRLCK}, {"F_UNLCK", F_UNLCK},
      // Historical values Linux accepts but never defines for user space.
      {"F_EXLCK", 4}, {"F_SHLCK", 8},
      {"F_OFD_GETLK", F_OFD_GETLK}, {"F_OFD_SETLK", F_OFD_SETLK}, {"F_OFD_SETLKW", F_OFD_SETLKW},
      {"F_GETPIPE_SZ", F_GETPIPE_SZ}, {"F_SETPIPE_SZ", F_SETPIPE_SZ}, {"F_ADD_SEALS", F_ADD_SEALS},
      {"F_GET_SEALS", F_GET_SEALS}, {"F_SEAL_SEAL", F_SEAL_SEAL}, {"F_SEAL_SHRINK", F_SEAL_SHRINK},
      {"F_SEAL_GROW", F_SEAL_GROW}, {"F_SEAL_WRITE", F_SEAL_WRITE}, {"FASYNC", FASYNC},
      {"DN_ACCESS", DN_ACCESS}, {"DN_MODIFY", DN_MODIFY}, {"DN_CREATE", DN_CREATE}, {"DN_DELETE", DN_DELETE},
      {"DN_RENAME", DN_RENAME}, {"DN_ATTRIB", DN_ATTRIB}, {"DN_MULTISHOT", DN_MULTISHOT},
      {"LOCK_SH", LOCK_SH}, {"LOCK_EX", LOCK_EX}, {"LOCK_NB", LOCK_NB}, {"LOCK_UN", LOCK_UN},
      // Linux's removed mandatory-locking flags, still exported by CPython.
      {"LOCK_MAND", 32}, {"LOCK_READ", 64}, {"LOCK_WRITE", 128}, {"LOCK_RW", 192},
  };
  for (const C& c : consts) dict_set_str(m->dict, str_intern(c.name), int_from_i64(c.v));
  return Value(m);
}
GILPY_NATIVE_MODULE("fcntl", init);

}  // namespace gilpy
