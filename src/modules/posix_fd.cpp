// posix, part 4: file-descriptor I/O (see posix_impl.h).
//
// New descriptors are non-inheritable (O_CLOEXEC), as PEP 446 specifies for
// os.open, os.dup and os.pipe. Reads and writes retry on EINTR (PEP 475).
// Each call runs without the GIL (RETRY_EINTR wraps it in gil::blocking).
#include <fcntl.h>
#include <sys/ioctl.h>
#include <pty.h>
#include <utmp.h>
#include <sys/random.h>
#include <sys/sendfile.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/protocols.h"

namespace gilpy::posix {

#define RETRY_EINTR(res, call)                \
  do {                                        \
    res = gil::blocking(gil::Block::File, [&] { return (call); });                             \
    if (!(res < 0 && errno == EINTR)) break;  \
    TRY(check_signals_after_eintr());         \
  } while (true)

static Type* g_terminal_size;

// An fd or an object with fileno() (PyObject_AsFileDescriptor).
static Result<int> fileno_arg(Value v) {
  if (is_int(v)) {
    int fd = TRY(fd_convert(v));
    if (fd < 0) return raise_fmt(tp_ValueError, "file descriptor cannot be a negative integer (%d)", fd);
    return fd;
  }
  Value m;
  TRY(getattr_opt(v, N.fileno, &m));
  if (!m) return raise(tp_TypeError, "argument must be an int, or have a fileno() method.");
  Value r = TRY(call0(m));
  if (!is_int(r)) return raise(tp_TypeError, "fileno() returned a non-integer");
  int fd = TRY(fd_convert(r));
  if (fd < 0) return raise_fmt(tp_ValueError, "file descriptor cannot be a negative integer (%d)", fd);
  return fd;
}

static Result<int> one_fd(const char* fname, Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args(fname, args, nargs, kw, {"fd"}, 1, o));
  return fd_convert(o[0]);
}

static Result<Value> px_open(Value* args, int64_t nargs, Tuple* kw) {
  Value o[4];
  TRY(parse_args("open", args, nargs, kw, {"path", "flags", "mode", "dir_fd"}, 2, o, 0, 3));
  Path p;
  TRY(path_convert("open", o[0], &p));
  int64_t flags = TRY(as_index(o[1]));
  int64_t mode = o[2] ? TRY(as_index(o[2])) : 0777;
  int dfd = TRY(dir_fd_convert(o[3]));
  int fd;
  RETRY_EINTR(fd, ::openat(dfd, p.c(), int(flags) | O_CLOEXEC, mode_t(mode)));
  if (fd < 0) return raise_path_error(errno, p);
  return Value::small(fd);
}

static Result<Value> px_close(Value* args, int64_t nargs, Tuple* kw) {
  int fd = TRY(one_fd("close", args, nargs, kw));
  // close() is not retried on EINTR: on Linux the descriptor is released anyway.
  if (::close(fd) < 0 && errno != EINTR) return raise_errno(errno);
  return None();
}

static Result<Value> px_closerange(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("closerange", kw));
  TRY(check_nargs("closerange", nargs, 2, 2));
  int lo = TRY(fd_convert(args[0]));
  int hi = TRY(fd_convert(args[1]));
  if (lo < 0) lo = 0;
  for (int fd = lo; fd < hi; fd++) ::close(fd);  // errors ignored, as documented
  return None();
}

static Result<Value> px_read(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("read", kw));
  TRY(check_nargs("read", nargs, 2, 2));
  int fd = TRY(fd_convert(args[0]));
  int64_t n = TRY(as_ssize(args[1]));
  if (n < 0) return raise_errno(EINVAL);
  std::string buf(size_t(n), '\0');
  ssize_t r;
  RETRY_EINTR(r, ::read(fd, buf.data(), size_t(n)));
  if (r < 0) return raise_errno(errno);
  return bytes_from(std::string_view(buf.data(), size_t(r)));
}

static Result<Value> px_write(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("write", kw));
  TRY(check_nargs("write", nargs, 2, 2));
  int fd = TRY(fd_convert(args[0]));
  std::string_view data = TRY(buffer_view(args[1]));
  // Copy: the buffer (a bytearray) could be resized by a signal handler run on EINTR.
  std::string copy(data);
  ssize_t r;
  RETRY_EINTR(r, ::write(fd, copy.data(), copy.size()));
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_pread(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pread", kw));
  TRY(check_nargs("pread", nargs, 3, 3));
  int fd = TRY(fd_convert(args[0]));
  int64_t n = TRY(as_ssize(args[1]));
  int64_t off = TRY(as_index(args[2]));
  if (n < 0) return raise_errno(EINVAL);
  std::string buf(size_t(n), '\0');
  ssize_t r;
  RETRY_EINTR(r, ::pread(fd, buf.data(), size_t(n), off_t(off)));
  if (r < 0) return raise_errno(errno);
  return bytes_from(std::string_view(buf.data(), size_t(r)));
}

static Result<Value> px_pwrite(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pwrite", kw));
  TRY(check_nargs("pwrite", nargs, 3, 3));
  int fd = TRY(fd_convert(args[0]));
  std::string copy(TRY(buffer_view(args[1])));
  int64_t off = TRY(as_index(args[2]));
  ssize_t r;
  RETRY_EINTR(r, ::pwrite(fd, copy.data(), copy.size(), off_t(off)));
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_lseek(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("lseek", kw));
  TRY(check_nargs("lseek", nargs, 3, 3));
  int fd = TRY(fd_convert(args[0]));
  int64_t pos = TRY(as_index(args[1]));
  int64_t how = TRY(as_index(args[2]));
  off_t r = ::lseek(fd, off_t(pos), int(how));
  if (r < 0) return raise_errno(errno);
  return int_from_i64(r);
}

static Result<Value> px_fsync(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("fsync", args, nargs, kw, {"fd"}, 1, o));
  int fd = TRY(fileno_arg(o[0]));
  int r;
  RETRY_EINTR(r, ::fsync(fd));
  if (r < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_fdatasync(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("fdatasync", args, nargs, kw, {"fd"}, 1, o));
  int fd = TRY(fileno_arg(o[0]));
  int r;
  RETRY_EINTR(r, ::fdatasync(fd));
  if (r < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_ftruncate(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("ftruncate", kw));
  TRY(check_nargs("ftruncate", nargs, 2, 2));
  int fd = TRY(fd_convert(args[0]));
  int64_t len = TRY(as_index(args[1]));
  int r;
  RETRY_EINTR(r, ::ftruncate(fd, off_t(len)));
  if (r < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_dup(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("dup", kw));
  TRY(check_nargs("dup", nargs, 1, 1));
  int fd = TRY(fd_convert(args[0]));
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_dup2(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("dup2", args, nargs, kw, {"fd", "fd2", "inheritable"}, 2, o));
  int fd = TRY(fd_convert(o[0]));
  int fd2 = TRY(fd_convert(o[1]));
  bool inheritable = TRY(flag_arg(o[2], true));
  int r;
  if (inheritable || fd == fd2) RETRY_EINTR(r, ::dup2(fd, fd2));
  else RETRY_EINTR(r, ::dup3(fd, fd2, O_CLOEXEC));
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> pipe_common(int flags) {
  int fds[2];
  if (::pipe2(fds, flags) < 0) return raise_errno(errno);
  return Value(tuple_of({Value::small(fds[0]), Value::small(fds[1])}));
}
static Result<Value> px_pipe(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("pipe", nargs, 0, 0));
  return pipe_common(O_CLOEXEC);
}
static Result<Value> px_pipe2(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pipe2", kw));
  TRY(check_nargs("pipe2", nargs, 1, 1));
  int64_t flags = TRY(as_index(args[0]));
  return pipe_common(int(flags));
}

static Result<Value> px_isatty(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("isatty", kw));
  TRY(check_nargs("isatty", nargs, 1, 1));
  int fd = TRY(fd_convert(args[0]));
  return Bool(::isatty(fd) == 1);
}

static Result<Value> px_ttyname(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("ttyname", kw));
  TRY(check_nargs("ttyname", nargs, 1, 1));
  int fd = TRY(fd_convert(args[0]));
  char buf[256];
  int e = ::ttyname_r(fd, buf, sizeof buf);
  if (e) return raise_errno(e);
  return fs_decode(buf);
}

static Result<Value> px_get_inheritable(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("get_inheritable", kw));
  TRY(check_nargs("get_inheritable", nargs, 1, 1));
  int fd = TRY(fd_convert(args[0]));
  int f = ::fcntl(fd, F_GETFD);
  if (f < 0) return raise_errno(errno);
  return Bool(!(f & FD_CLOEXEC));
}

static Result<Value> px_set_inheritable(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("set_inheritable", kw));
  TRY(check_nargs("set_inheritable", nargs, 2, 2));
  int fd = TRY(fd_convert(args[0]));
  bool inh = TRY(truthy(args[1]));
  int f = ::fcntl(fd, F_GETFD);
  if (f < 0) return raise_errno(errno);
  int nf = inh ? (f & ~FD_CLOEXEC) : (f | FD_CLOEXEC);
  if (nf != f && ::fcntl(fd, F_SETFD, nf) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_get_blocking(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("get_blocking", kw));
  TRY(check_nargs("get_blocking", nargs, 1, 1));
  int fd = TRY(fd_convert(args[0]));
  int f = ::fcntl(fd, F_GETFL);
  if (f < 0) return raise_errno(errno);
  return Bool(!(f & O_NONBLOCK));
}

static Result<Value> px_set_blocking(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("set_blocking", kw));
  TRY(check_nargs("set_blocking", nargs, 2, 2));
  int fd = TRY(fd_convert(args[0]));
  bool blocking = TRY(truthy(args[1]));
  int f = ::fcntl(fd, F_GETFL);
  if (f < 0) return raise_errno(errno);
  int nf = blocking ? (f & ~O_NONBLOCK) : (f | O_NONBLOCK);
  if (nf != f && ::fcntl(fd, F_SETFL, nf) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_device_encoding(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("device_encoding", args, nargs, kw, {"fd"}, 1, o));
  int fd = TRY(fd_convert(o[0]));
  // gilpy runs in UTF-8 mode (like CPython's -X utf8): terminals are UTF-8.
  if (::isatty(fd) != 1) return None();
  return Value(str_intern("UTF-8"));
}

static Result<Value> px_get_terminal_size(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("get_terminal_size", kw));
  TRY(check_nargs("get_terminal_size", nargs, 0, 1));
  int fd = nargs ? TRY(fd_convert(args[0])) : 1;
  struct winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) < 0) return raise_errno(errno);
  return structseq_new(g_terminal_size, {Value::small(w.ws_col), Value::small(w.ws_row)});
}

static Result<Value> px_urandom(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("urandom", args, nargs, kw, {"size"}, 1, o));
  int64_t n = TRY(as_ssize(o[0]));
  if (n < 0) return raise(tp_ValueError, "negative argument not allowed");
  Bytes* b = bytes_new(n);
  if (!b) return ERR;
  int64_t got = 0;
  while (got < n) {
    ssize_t r = ::getrandom(b->data + got, size_t(n - got), 0);
    if (r < 0) {
      if (errno == EINTR) {
        TRY(check_signals_after_eintr());
        continue;
      }
      return raise_errno(errno);
    }
    got += r;
  }
  return Value(b);
}

// sendfile(out_fd, in_fd, offset, count): offset None uses and advances in_fd's position.
static Result<Value> px_sendfile(Value* args, int64_t nargs, Tuple* kw) {
  Value o[4];
  TRY(parse_args("sendfile", args, nargs, kw, {"out_fd", "in_fd", "offset", "count"}, 4, o));
  int out_fd = TRY(fd_convert(o[0]));
  int in_fd = TRY(fd_convert(o[1]));
  int64_t count = TRY(as_ssize(o[3]));
  if (count < 0) return raise_errno(EINVAL);
  ssize_t r;
  if (is_none(o[2])) {
    RETRY_EINTR(r, ::sendfile(out_fd, in_fd, nullptr, size_t(count)));
  } else {
    int64_t off64 = TRY(as_index(o[2]));
    off_t off = off_t(off64);
    RETRY_EINTR(r, ::sendfile(out_fd, in_fd, &off, size_t(count)));
  }
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_openpty(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("openpty", nargs, 0, 0));
  int master, slave;
  if (::openpty(&master, &slave, nullptr, nullptr, nullptr) < 0) return raise_errno(errno);
  // PEP 446: both ends are non-inheritable.
  ::fcntl(master, F_SETFD, FD_CLOEXEC);
  ::fcntl(slave, F_SETFD, FD_CLOEXEC);
  return Value(tuple_of({Value::small(master), Value::small(slave)}));
}

// forkpty(): fork with the child on a new pseudo-terminal; (pid, master fd)
// in the parent, (0, -1) in the child. The fork protocol of os.fork runs
// around it (at-fork callbacks, the collector, the child's fresh GIL).
static Result<Value> px_forkpty(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("forkpty", nargs, 0, 0));
  int master = -1;
  fork_prepare();
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) {
    int e = errno;
    fork_parent();
    return raise_errno(e);
  }
  if (pid == 0) fork_child();
  else fork_parent();
  return Value(tuple_of({Value::small(pid), Value::small(master)}));
}

// login_tty(fd): make fd the controlling terminal and standard streams of a
// new session.
static Result<Value> px_login_tty(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("login_tty", kw));
  TRY(check_nargs("login_tty", nargs, 1, 1));
  int fd = TRY(fileno_arg(args[0]));
  if (::login_tty(fd) < 0) return raise_errno(errno);
  return None();
}

const MethodDef fd_functions[] = {
    {"forkpty", px_forkpty},
    {"login_tty", px_login_tty},
    {"sendfile", px_sendfile},
    {"openpty", px_openpty},
    {"open", px_open},
    {"close", px_close},
    {"closerange", px_closerange},
    {"read", px_read},
    {"write", px_write},
    {"pread", px_pread},
    {"pwrite", px_pwrite},
    {"lseek", px_lseek},
    {"fsync", px_fsync},
    {"fdatasync", px_fdatasync},
    {"ftruncate", px_ftruncate},
    {"dup", px_dup},
    {"dup2", px_dup2},
    {"pipe", px_pipe},
    {"pipe2", px_pipe2},
    {"isatty", px_isatty},
    {"ttyname", px_ttyname},
    {"get_inheritable", px_get_inheritable},
    {"set_inheritable", px_set_inheritable},
    {"get_blocking", px_get_blocking},
    {"set_blocking", px_set_blocking},
    {"device_encoding", px_device_encoding},
    {"get_terminal_size", px_get_terminal_size},
    {"urandom", px_urandom},
    {nullptr, nullptr},
};

void init_fd(Module* m) {
  g_terminal_size = structseq_new_type("os", "terminal_size", {"columns", "lines"});
  add_value(m, "terminal_size", Value(g_terminal_size));
}

}  // namespace gilpy::posix
