// _socket.socket: a socket descriptor with CPython's timeout model.
//
// A socket is blocking (timeout None), non-blocking (timeout 0.0) or has a
// timeout: then the descriptor itself is O_NONBLOCK and every operation first
// waits with poll(2) for readiness until the deadline, raising TimeoutError
// "timed out" when it passes. Every call retries on EINTR after running signal
// handlers (PEP 475). New descriptors are close-on-exec (PEP 446).
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "gc/heap.h"
#include "modules/_socket_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy::sock {

Type* tp_socket;

static SockObj* S(Value v) { return v.as<SockObj>(); }

static double now_mono() {
  struct timespec t;
  ::clock_gettime(CLOCK_MONOTONIC, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

// Milliseconds left until `deadline`, rounded up so a wait never ends early; -1 for none.
static int ms_left(double deadline) {
  if (deadline < 0) return -1;
  double left = (deadline - now_mono()) * 1000.0;
  if (left <= 0) return 0;
  if (left >= double(INT_MAX)) return INT_MAX;
  return int(std::ceil(left));
}

static Err raise_timeout() { return raise(tp_TimeoutError, "timed out"); }

Status set_blocking(int fd, bool blocking) {
  int fl = ::fcntl(fd, F_GETFL);
  if (fl < 0) return raise_errno(errno);
  int nfl = blocking ? (fl & ~O_NONBLOCK) : (fl | O_NONBLOCK);
  if (nfl != fl && ::fcntl(fd, F_SETFL, nfl) < 0) return raise_errno(errno);
  return OK();
}

// An unclosed socket that becomes garbage closes its descriptor, as CPython's
// deallocator does (without the ResourceWarning). Types defining __del__ are
// left alone: their own finalizer owns the object's collection.
static void sock_finalizer(Object* obj) {
  SockObj* s = static_cast<SockObj*>(obj);
  if (s->fd >= 0) {
    int fd = s->fd;
    s->fd = -1;
    ::close(fd);
  }
}

static SockObj* alloc_sock(Type* t) {
  SockObj* s = static_cast<SockObj*>(alloc_instance(t));
  s->fd = -1;
  // Closed after the __del__ methods of its collection (an event loop's
  // __del__ still unregisters its self-pipe socket).
  if (!(t->flags & TF_HAS_DEL)) register_native_finalizer_after_del(s, sock_finalizer);
  return s;
}

static Status init_common(SockObj* s, int fd, int family, int type, int proto) {
  s->fd = fd;
  s->family = family;
  // The creation flags are not part of the type (since CPython 3.7).
  s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  if (type & SOCK_NONBLOCK) {
    s->timeout = 0.0;
  } else {
    s->timeout = g_default_timeout;
    if (g_default_timeout >= 0) TRY(set_blocking(fd, false));
  }
  return OK();
}

Result<Value> socket_wrap(int fd, int family, int type, int proto) {
  SockObj* s = alloc_sock(tp_socket);
  TRY(init_common(s, fd, family, type, proto));
  return Value(s);
}

// Wait until `fd` is ready for reading/writing or `deadline` passes.
// Returns false on timeout.
static Result<bool> wait_ready(int fd, bool writing, double deadline) {
  for (;;) {
    struct pollfd p = {fd, short(writing ? POLLOUT : POLLIN), 0};
    int r = gil::blocking(gil::Block::Socket, [&] { return ::poll(&p, 1, ms_left(deadline)); });
    if (r > 0) return true;
    if (r == 0) return false;
    if (errno != EINTR) return raise_errno(errno);
    TRY(after_eintr());
  }
}

// Run `fn` (a system call returning -1 with errno on failure) with the socket's
// timeout semantics. `deadline` < 0 means "from the socket's timeout now".
// `fn` runs without the GIL: it may touch only the socket's descriptor and
// memory private to the caller.
template <class F>
static Result<ssize_t> sock_call(SockObj* s, bool writing, F fn, double deadline = -1) {
  bool timed = s->timeout > 0;
  if (timed && deadline < 0) deadline = now_mono() + s->timeout;
  for (;;) {
    if (timed) {
      bool ready = TRY(wait_ready(s->fd, writing, deadline));
      if (!ready) return raise_timeout();
    }
    ssize_t r = gil::blocking(gil::Block::Socket, fn);
    if (r >= 0) return r;
    int err = errno;
    if (err == EINTR) {
      TRY(after_eintr());
      continue;
    }
    // Readiness can be spurious (another reader won the data): wait again.
    if (timed && (err == EAGAIN || err == EWOULDBLOCK)) continue;
    return raise_errno(err);
  }
}

// ---- construction ------------------------------------------------------------------------------
static Result<Value> sock_new(Value* a, int64_t n, Tuple*) {
  SockObj* s = alloc_sock(as_type(a[0]));
  s->family = AF_INET;
  s->type = SOCK_STREAM;
  s->proto = 0;
  s->timeout = -1.0;
  return Value(s);
}

static Result<int> int_opt(Value v, int dflt) {
  if (!v || is_none(v)) return dflt;
  return int(TRY(as_index(v)));
}

static Result<Value> sock_init(Value* a, int64_t n, Tuple* kw) {
  Value o[4];
  TRY(parse_args("socket", a + 1, n - 1, kw, {"family", "type", "proto", "fileno"}, 0, o));
  SockObj* s = S(a[0]);
  int family = TRY(int_opt(o[0], -1));
  int type = TRY(int_opt(o[1], -1));
  int proto = TRY(int_opt(o[2], -1));
  int fd;
  if (o[3] && !is_none(o[3])) {
    if (is_float(o[3])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t f = TRY(as_index(o[3]));
    if (f < 0) return raise(tp_ValueError, "negative file descriptor");
    if (f > INT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
    fd = int(f);
    // Adopting a descriptor: ask the kernel what it is, for what was not given.
    SockAddr sa;
    std::memset(&sa, 0, sizeof(sa));
    socklen_t len = sizeof(sa);
    if (::getsockname(fd, &sa.sa, &len) == 0) {
      if (family == -1) family = sa.sa.sa_family;
    } else if (errno == EBADF || errno == ENOTSOCK) {
      return raise_errno(errno);
    }
    if (family == -1) {
      int v = 0;
      socklen_t l = sizeof(v);
      if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &v, &l) < 0) return raise_errno(errno);
      family = v;
    }
    if (type == -1) {
      int v = 0;
      socklen_t l = sizeof(v);
      if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &l) < 0) return raise_errno(errno);
      type = v;
    }
    if (proto == -1) {
      int v = 0;
      socklen_t l = sizeof(v);
      if (::getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &v, &l) < 0) return raise_errno(errno);
      proto = v;
    }
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = ::socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) return raise_errno(errno);
  }
  Status st = init_common(s, fd, family, type, proto);
  if (st.is_err()) return ERR;
  return None();
}

// ---- attributes --------------------------------------------------------------------------------
static Result<Value> get_family(Value self) { return Value::small(S(self)->family); }
static Result<Value> get_type(Value self) { return Value::small(S(self)->type); }
static Result<Value> get_proto(Value self) { return Value::small(S(self)->proto); }
static Value timeout_value(double t) { return t < 0 ? None() : float_new(t); }
static Result<Value> get_timeout(Value self) { return timeout_value(S(self)->timeout); }

static Result<Value> sock_repr(Value* a, int64_t, Tuple*) {
  SockObj* s = S(a[0]);
  char buf[128];
  std::snprintf(buf, sizeof(buf), "<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family, s->type,
                s->proto);
  return str_value(buf);
}

static Result<Value> sock_fileno(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("fileno", n - 1, 0, 0));
  return Value::small(S(a[0])->fd);
}

static Result<Value> sock_close(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("close", n - 1, 0, 0));
  SockObj* s = S(a[0]);
  if (s->fd >= 0) {
    int fd = s->fd;
    s->fd = -1;
    // The peer may already have reset the connection: not an error (bpo-30319).
    // EINTR is not retried: Linux releases the descriptor anyway.
    if (::close(fd) < 0 && errno != ECONNRESET && errno != EINTR) return raise_errno(errno);
  }
  return None();
}

static Result<Value> sock_detach(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("detach", n - 1, 0, 0));
  SockObj* s = S(a[0]);
  int fd = s->fd;
  s->fd = -1;
  return Value::small(fd);
}

static Result<Value> sock_dup(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("dup", n - 1, 0, 0));
  SockObj* s = S(a[0]);
  int fd = ::fcntl(s->fd, F_DUPFD_CLOEXEC, 0);
  if (fd < 0) return raise_errno(errno);
  Result<Value> r = socket_wrap(fd, s->family, s->type, s->proto);
  if (r.is_err()) ::close(fd);
  return r;
}

// ---- blocking mode -------------------------------------------------------------------------------
static Result<Value> sock_setblocking(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("setblocking", kw));
  TRY(check_nargs("setblocking", n - 1, 1, 1));
  SockObj* s = S(a[0]);
  bool block = TRY(truthy(a[1]));
  s->timeout = block ? -1.0 : 0.0;
  TRY(set_blocking(s->fd, block));
  return None();
}
static Result<Value> sock_getblocking(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("getblocking", n - 1, 0, 0));
  return Bool(S(a[0])->timeout != 0.0);
}
static Result<Value> sock_settimeout(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("settimeout", kw));
  TRY(check_nargs("settimeout", n - 1, 1, 1));
  SockObj* s = S(a[0]);
  s->timeout = TRY(timeout_arg(a[1]));
  // With any timeout the descriptor is non-blocking; waits are done with poll.
  TRY(set_blocking(s->fd, s->timeout < 0));
  return None();
}
static Result<Value> sock_gettimeout(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("gettimeout", n - 1, 0, 0));
  return timeout_value(S(a[0])->timeout);
}

// ---- connection set-up ---------------------------------------------------------------------------
static Result<Value> sock_bind(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("bind", kw));
  TRY(check_nargs("bind", n - 1, 1, 1));
  SockObj* s = S(a[0]);
  SockAddr sa;
  socklen_t len;
  TRY(sockaddr_from(s->family, a[1], "bind", &sa, &len));
  if (::bind(s->fd, &sa.sa, len) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> sock_listen(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("listen", kw));
  TRY(check_nargs("listen", n - 1, 0, 1));
  SockObj* s = S(a[0]);
  int64_t backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
  if (n > 1) backlog = TRY(as_index(a[1]));
  // A negative backlog means zero, as in CPython.
  if (backlog < 0) backlog = 0;
  if (backlog > INT_MAX) backlog = INT_MAX;
  if (::listen(s->fd, int(backlog)) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> sock_accept(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("_accept", n - 1, 0, 0));
  SockObj* s = S(a[0]);
  SockAddr sa;
  std::memset(&sa, 0, sizeof(sa));
  socklen_t len = sizeof(sa);
  ssize_t fd = TRY(sock_call(s, false, [&]() -> ssize_t {
    len = sizeof(sa);
    return ::accept4(s->fd, &sa.sa, &len, SOCK_CLOEXEC);
  }));
  Result<Value> addr = sockaddr_to(&sa.sa, len);
  if (addr.is_err()) {
    ::close(int(fd));
    return ERR;
  }
  return Value(tuple_of({Value::small(fd), addr.value()}));
}

// connect(2) with the timeout model; returns 0 or the errno of the failure.
// A timeout is EWOULDBLOCK for connect_ex and TimeoutError for connect.
static Result<int> do_connect(SockObj* s, Value addr, bool* timed_out) {
  SockAddr sa;
  socklen_t len;
  TRY(sockaddr_from(s->family, addr, "connect", &sa, &len));
  *timed_out = false;
  int r = ::connect(s->fd, &sa.sa, len);
  if (r == 0) return 0;
  int err = errno;
  if (err == EINTR) {
    TRY(after_eintr());
    // The connection goes on asynchronously: a non-blocking socket reports it as in progress.
    if (s->timeout == 0) return EINPROGRESS;
    err = EINPROGRESS;
  }
  if (err != EINPROGRESS || s->timeout == 0) return err;
  double deadline = s->timeout > 0 ? now_mono() + s->timeout : -1;
  bool ready = TRY(wait_ready(s->fd, true, deadline));
  if (!ready) {
    *timed_out = true;
    return EWOULDBLOCK;
  }
  int soerr = 0;
  socklen_t l = sizeof(soerr);
  if (::getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &soerr, &l) < 0) return errno;
  return soerr;
}

static Result<Value> sock_connect(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("connect", kw));
  TRY(check_nargs("connect", n - 1, 1, 1));
  bool timed_out;
  int err = TRY(do_connect(S(a[0]), a[1], &timed_out));
  if (timed_out) return raise_timeout();
  if (err) return raise_errno(err);
  return None();
}

static Result<Value> sock_connect_ex(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("connect_ex", kw));
  TRY(check_nargs("connect_ex", n - 1, 1, 1));
  bool timed_out;
  int err = TRY(do_connect(S(a[0]), a[1], &timed_out));
  return Value::small(err);
}

static Result<Value> sock_shutdown(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("shutdown", kw));
  TRY(check_nargs("shutdown", n - 1, 1, 1));
  int how = int(TRY(as_index(a[1])));
  if (::shutdown(S(a[0])->fd, how) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> sock_getsockname(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("getsockname", n - 1, 0, 0));
  SockAddr sa;
  std::memset(&sa, 0, sizeof(sa));
  socklen_t len = sizeof(sa);
  if (::getsockname(S(a[0])->fd, &sa.sa, &len) < 0) return raise_errno(errno);
  return sockaddr_to(&sa.sa, len);
}

static Result<Value> sock_getpeername(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("getpeername", n - 1, 0, 0));
  SockAddr sa;
  std::memset(&sa, 0, sizeof(sa));
  socklen_t len = sizeof(sa);
  if (::getpeername(S(a[0])->fd, &sa.sa, &len) < 0) return raise_errno(errno);
  return sockaddr_to(&sa.sa, len);
}

// ---- options -------------------------------------------------------------------------------------
static Result<Value> sock_setsockopt(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("setsockopt", kw));
  TRY(check_nargs("setsockopt", n - 1, 3, 4));
  SockObj* s = S(a[0]);
  int level = int(TRY(as_index(a[1])));
  int opt = int(TRY(as_index(a[2])));
  int r;
  if (n == 5) {
    // setsockopt(level, opt, None, optlen): a NULL value of the given length.
    if (!is_none(a[3])) return raise(tp_TypeError, "setsockopt() takes 3 or 4 arguments with None as the third");
    int64_t optlen = TRY(as_index(a[4]));
    r = ::setsockopt(s->fd, level, opt, nullptr, socklen_t(optlen));
  } else if (is_int(a[3])) {
    int v = int(TRY(as_index(a[3])));
    r = ::setsockopt(s->fd, level, opt, &v, sizeof(v));
  } else {
    std::string_view b = TRY(buffer_view(a[3]));
    r = ::setsockopt(s->fd, level, opt, b.data(), socklen_t(b.size()));
  }
  if (r < 0) return raise_errno(errno);
  return None();
}

static Result<Value> sock_getsockopt(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getsockopt", kw));
  TRY(check_nargs("getsockopt", n - 1, 2, 3));
  SockObj* s = S(a[0]);
  int level = int(TRY(as_index(a[1])));
  int opt = int(TRY(as_index(a[2])));
  int64_t buflen = n > 3 ? TRY(as_index(a[3])) : 0;
  if (buflen == 0) {
    int v = 0;
    socklen_t l = sizeof(v);
    if (::getsockopt(s->fd, level, opt, &v, &l) < 0) return raise_errno(errno);
    return Value::small(v);
  }
  if (buflen < 0 || buflen > 1024) return raise(tp_OSError, "getsockopt buflen out of range");
  std::string buf(size_t(buflen), '\0');
  socklen_t l = socklen_t(buflen);
  if (::getsockopt(s->fd, level, opt, buf.data(), &l) < 0) return raise_errno(errno);
  return bytes_from(std::string_view(buf.data(), l));
}

// ---- data transfer -------------------------------------------------------------------------------
static Result<int> flags_arg(Value v) { return v ? int(TRY(as_index(v))) : 0; }

static Result<Value> sock_recv(Value* a, int64_t n, Tuple* kw) {
  Value o[2];
  TRY(parse_args("recv", a + 1, n - 1, kw, {"bufsize", "flags"}, 1, o));
  SockObj* s = S(a[0]);
  int64_t size = TRY(as_index(o[0]));
  int flags = TRY(flags_arg(o[1]));
  if (size < 0) return raise(tp_ValueError, "negative buffersize in recv");
  Bytes* b = bytes_new(size);
  if (!b) return ERR;
  ssize_t r = TRY(sock_call(s, false, [&]() -> ssize_t {
    return ::recv(s->fd, b->data, size_t(size), flags);
  }));
  if (r == size) return Value(b);
  return bytes_from(std::string_view(b->data, size_t(r)));
}

// The writable area of a recv_into-style buffer argument: a bytearray is written
// in place; anything else (memoryview) receives through a copy and slice assignment.
static Result<int64_t> writable_len(Value buf, const char* fname) {
  std::string_view v;
  if (is_bytes(buf) || !buffer_view_opt(buf, &v))
    return raise_fmt(tp_TypeError, "%s() argument 1 must be read-write bytes-like object, not %s", fname,
                     type_name(buf));
  return int64_t(v.size());
}

static Status store_into(Value buf, std::string_view data) { return store_into_buffer(buf, data); }

// recv into `buf` (up to `size` bytes); with `sa` also the sender's address.
static Result<ssize_t> recv_into_buf(SockObj* s, Value buf, int64_t size, int flags, SockAddr* sa, socklen_t* len) {
  // Receive into private memory, then copy: the call runs without the GIL,
  // and another thread may resize a bytearray meanwhile.
  std::string tmp(size_t(size), '\0');
  ssize_t r = TRY(sock_call(s, false, [&]() -> ssize_t {
    if (sa) {
      *len = sizeof(*sa);
      return ::recvfrom(s->fd, tmp.data(), size_t(size), flags, &sa->sa, len);
    }
    return ::recv(s->fd, tmp.data(), size_t(size), flags);
  }));
  if (r > 0) TRY(store_into(buf, std::string_view(tmp.data(), size_t(r))));
  return r;
}

static Result<Value> sock_recv_into(Value* a, int64_t n, Tuple* kw) {
  Value o[3];
  TRY(parse_args("recv_into", a + 1, n - 1, kw, {"buffer", "nbytes", "flags"}, 1, o));
  SockObj* s = S(a[0]);
  int64_t buflen = TRY(writable_len(o[0], "recv_into"));
  int64_t size = o[1] ? TRY(as_index(o[1])) : 0;
  int flags = TRY(flags_arg(o[2]));
  if (size < 0) return raise(tp_ValueError, "negative buffersize in recv_into");
  if (size == 0) size = buflen;
  if (size > buflen) return raise(tp_ValueError, "buffer too small for requested bytes");
  ssize_t r = TRY(recv_into_buf(s, o[0], size, flags, nullptr, nullptr));
  return Value::small(r);
}

static Result<Value> sock_recvfrom(Value* a, int64_t n, Tuple* kw) {
  Value o[2];
  TRY(parse_args("recvfrom", a + 1, n - 1, kw, {"bufsize", "flags"}, 1, o));
  SockObj* s = S(a[0]);
  int64_t size = TRY(as_index(o[0]));
  int flags = TRY(flags_arg(o[1]));
  if (size < 0) return raise(tp_ValueError, "negative buffersize in recvfrom");
  std::string buf(size_t(size), '\0');
  SockAddr sa;
  std::memset(&sa, 0, sizeof(sa));
  socklen_t len = sizeof(sa);
  ssize_t r = TRY(sock_call(s, false, [&]() -> ssize_t {
    len = sizeof(sa);
    return ::recvfrom(s->fd, buf.data(), size_t(size), flags, &sa.sa, &len);
  }));
  Value addr = TRY(sockaddr_to(&sa.sa, len));
  return Value(tuple_of({bytes_from(std::string_view(buf.data(), size_t(r))), addr}));
}

static Result<Value> sock_recvfrom_into(Value* a, int64_t n, Tuple* kw) {
  Value o[3];
  TRY(parse_args("recvfrom_into", a + 1, n - 1, kw, {"buffer", "nbytes", "flags"}, 1, o));
  SockObj* s = S(a[0]);
  int64_t buflen = TRY(writable_len(o[0], "recvfrom_into"));
  int64_t size = o[1] ? TRY(as_index(o[1])) : 0;
  int flags = TRY(flags_arg(o[2]));
  if (size < 0) return raise(tp_ValueError, "negative buffersize in recvfrom_into");
  if (size == 0) size = buflen;
  if (size > buflen) return raise(tp_ValueError, "nbytes is greater than the length of the buffer");
  SockAddr sa;
  std::memset(&sa, 0, sizeof(sa));
  socklen_t len = sizeof(sa);
  ssize_t r = TRY(recv_into_buf(s, o[0], size, flags, &sa, &len));
  Value addr = TRY(sockaddr_to(&sa.sa, len));
  return Value(tuple_of({Value::small(r), addr}));
}

// The bytes of a send-style argument. Mutable buffers are copied: a signal
// handler run between retries could resize a bytearray under a raw view.
static Result<std::string_view> send_data(Value v, std::string* copy) {
  std::string_view d = TRY(buffer_view(v));
  if (is_bytes(v)) return d;
  copy->assign(d);
  return std::string_view(*copy);
}

static Result<Value> sock_send(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("send", kw));
  TRY(check_nargs("send", n - 1, 1, 2));
  SockObj* s = S(a[0]);
  std::string copy;
  std::string_view data = TRY(send_data(a[1], &copy));
  int flags = n > 2 ? int(TRY(as_index(a[2]))) : 0;
  ssize_t r = TRY(sock_call(s, true, [&]() -> ssize_t {
    return ::send(s->fd, data.data(), data.size(), flags);
  }));
  return Value::small(r);
}

static Result<Value> sock_sendall(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("sendall", kw));
  TRY(check_nargs("sendall", n - 1, 1, 2));
  SockObj* s = S(a[0]);
  // Keep our own copy: signal handlers run between chunks may change a bytearray.
  std::string data(TRY(buffer_view(a[1])));
  int flags = n > 2 ? int(TRY(as_index(a[2]))) : 0;
  // The timeout bounds the whole transfer, not each chunk (CPython 3.5+).
  double deadline = s->timeout > 0 ? now_mono() + s->timeout : -1;
  size_t off = 0;
  while (off < data.size()) {
    if (s->timeout > 0 && now_mono() >= deadline) return raise_timeout();
    ssize_t r = TRY(sock_call(s, true, [&]() -> ssize_t {
        return ::send(s->fd, data.data() + off, data.size() - off, flags);
    }, deadline));
    off += size_t(r);
    // As CPython's sock_sendall: signal handlers run between chunks, and an
    // exception from one ends the call.
    TRY(check_signals());
  }
  return None();
}

static Result<Value> sock_sendto(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("sendto", kw));
  if (n - 1 < 2 || n - 1 > 3)
    return raise_fmt(tp_TypeError, "sendto() takes 2 or 3 arguments (%lld given)", (long long)(n - 1));
  SockObj* s = S(a[0]);
  std::string copy;
  std::string_view data = TRY(send_data(a[1], &copy));
  int flags = n > 3 ? int(TRY(as_index(a[2]))) : 0;
  Value addr = a[n - 1];
  SockAddr sa;
  socklen_t len;
  TRY(sockaddr_from(s->family, addr, "sendto", &sa, &len));
  ssize_t r = TRY(sock_call(s, true, [&]() -> ssize_t {
    return ::sendto(s->fd, data.data(), data.size(), flags, &sa.sa, len);
  }));
  return Value::small(r);
}

// sendmsg(buffers[, ancdata[, flags[, address]]]): ancdata is an iterable of
// (level, type, data) triples, each packed as one control message.
static Result<Value> sock_sendmsg(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("sendmsg", kw));
  TRY(check_nargs("sendmsg", n - 1, 1, 4));
  SockObj* s = S(a[0]);
  List* bufs = TRY(to_list(a[1]));
  std::vector<std::string> parts;
  for (int64_t i = 0; i < bufs->size; i++) parts.emplace_back(TRY(buffer_view(bufs->items[i])));
  std::vector<struct iovec> iov;
  for (auto& p : parts) iov.push_back({p.data(), p.size()});
  struct Anc { int level, type; std::string data; };
  std::vector<Anc> anc;
  if (n > 2 && !is_none(a[2])) {
    List* l = TRY(to_list(a[2]));
    for (int64_t i = 0; i < l->size; i++) {
      Value item = l->items[i];
      if (!is_tuple(item) || as_tuple(item)->size != 3)
        return raise(tp_TypeError, "[sendmsg() ancillary data items]() argument must be sequence of length 3");
      Tuple* t = as_tuple(item);
      int lv = int(TRY(as_index(t->items[0])));
      int ty = int(TRY(as_index(t->items[1])));
      std::string d(TRY(buffer_view(t->items[2])));
      anc.push_back({lv, ty, std::move(d)});
    }
  }
  int flags = n > 3 ? int(TRY(as_index(a[3]))) : 0;
  SockAddr sa;
  socklen_t salen = 0;
  if (n > 4 && !is_none(a[4])) TRY(sockaddr_from(s->family, a[4], "sendmsg", &sa, &salen));
  size_t space = 0;
  for (auto& c : anc) space += CMSG_SPACE(c.data.size());
  std::vector<char> control(space ? space : 1, 0);
  struct msghdr msg {};
  msg.msg_name = salen ? &sa : nullptr;
  msg.msg_namelen = salen;
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  if (space) {
    msg.msg_control = control.data();
    msg.msg_controllen = space;
    struct cmsghdr* c = CMSG_FIRSTHDR(&msg);
    for (auto& x : anc) {
      c->cmsg_level = x.level;
      c->cmsg_type = x.type;
      c->cmsg_len = CMSG_LEN(x.data.size());
      std::memcpy(CMSG_DATA(c), x.data.data(), x.data.size());
      c = CMSG_NXTHDR(&msg, c);
    }
  }
  ssize_t r = TRY(sock_call(s, true, [&]() -> ssize_t {
    return ::sendmsg(s->fd, &msg, flags);
  }));
  return Value::small(r);
}

// The shared part of recvmsg and recvmsg_into: one recvmsg(2) into `buf`,
// then the ancillary list, the reported flags and the sender's address.
static Result<ssize_t> recvmsg_core(SockObj* s, char* buf, size_t size, int64_t ancsize, int flags, Value* anc_out,
                                    int* mflags_out, Value* addr_out) {
  std::vector<char> control(size_t(ancsize) + 1, 0);
  SockAddr sa;
  struct iovec iov = {buf, size};
  struct msghdr msg {};
  ssize_t r = TRY(sock_call(s, false, [&]() -> ssize_t {
    std::memset(&sa, 0, sizeof(sa));
    msg = {};
    msg.msg_name = &sa;
    msg.msg_namelen = sizeof(sa);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ancsize ? control.data() : nullptr;
    msg.msg_controllen = size_t(ancsize);
    // Received descriptors are close-on-exec too (PEP 446).
    return ::recvmsg(s->fd, &msg, flags | MSG_CMSG_CLOEXEC);
  }));
  List* anc = list_new();
  if (ancsize) {
    for (struct cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
      // A truncated last message carries only what fits in the buffer.
      char* end = static_cast<char*>(msg.msg_control) + msg.msg_controllen;
      char* d = reinterpret_cast<char*>(CMSG_DATA(c));
      size_t dl = c->cmsg_len > CMSG_LEN(0) ? c->cmsg_len - CMSG_LEN(0) : 0;
      if (d + dl > end) dl = d < end ? size_t(end - d) : 0;
      TRY(list_append(anc, Value(tuple_of({Value::small(c->cmsg_level), Value::small(c->cmsg_type),
                                            bytes_from(std::string_view(d, dl))}))));
    }
  }
  *anc_out = Value(anc);
  *addr_out = TRY(sockaddr_to(&sa.sa, msg.msg_namelen));
  // Linux echoes MSG_CMSG_CLOEXEC in msg_flags: report it only when the caller asked for it.
  int mflags = msg.msg_flags;
  if (!(flags & MSG_CMSG_CLOEXEC)) mflags &= ~MSG_CMSG_CLOEXEC;
  *mflags_out = mflags;
  return r;
}

// recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address).
static Result<Value> sock_recvmsg(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("recvmsg", kw));
  TRY(check_nargs("recvmsg", n - 1, 1, 3));
  SockObj* s = S(a[0]);
  int64_t size = TRY(as_index(a[1]));
  int64_t ancsize = n > 2 ? TRY(as_index(a[2])) : 0;
  int flags = n > 3 ? int(TRY(as_index(a[3]))) : 0;
  if (size < 0) return raise(tp_ValueError, "negative buffer size in recvmsg()");
  if (ancsize < 0) return raise(tp_ValueError, "negative buffer size in recvmsg()");
  std::string buf(size_t(size), '\0');
  Value anc, addr;
  int mflags;
  ssize_t r = TRY(recvmsg_core(s, buf.data(), buf.size(), ancsize, flags, &anc, &mflags, &addr));
  return Value(tuple_of({bytes_from(std::string_view(buf.data(), size_t(r))), anc, Value::small(mflags), addr}));
}

// recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address):
// the data is received once, then spread over the buffers in order.
static Result<Value> sock_recvmsg_into(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("recvmsg_into", kw));
  TRY(check_nargs("recvmsg_into", n - 1, 1, 3));
  SockObj* s = S(a[0]);
  List* bufs = TRY(to_list(a[1]));
  int64_t ancsize = n > 2 ? TRY(as_index(a[2])) : 0;
  int flags = n > 3 ? int(TRY(as_index(a[3]))) : 0;
  if (ancsize < 0) return raise(tp_ValueError, "negative buffer size in recvmsg_into()");
  std::vector<int64_t> lens;
  int64_t total = 0;
  for (int64_t i = 0; i < bufs->size; i++) {
    int64_t l = TRY(writable_len(bufs->items[i], "recvmsg_into"));
    lens.push_back(l);
    total += l;
  }
  std::string tmp(size_t(total), '\0');
  Value anc, addr;
  int mflags;
  ssize_t r = TRY(recvmsg_core(s, tmp.data(), tmp.size(), ancsize, flags, &anc, &mflags, &addr));
  int64_t off = 0;
  for (size_t i = 0; i < lens.size() && off < r; i++) {
    int64_t k = std::min<int64_t>(lens[i], r - off);
    TRY(store_into(bufs->items[int64_t(i)], std::string_view(tmp.data() + off, size_t(k))));
    off += k;
  }
  return Value(tuple_of({Value::small(r), anc, Value::small(mflags), addr}));
}

const MethodDef socket_methods[] = {{"__new__", sock_new, MethKind::Static},
                                    {"__init__", sock_init},
                                    {"__repr__", sock_repr},
                                    {"fileno", sock_fileno},
                                    {"close", sock_close},
                                    {"detach", sock_detach},
                                    {"dup", sock_dup},
                                    {"setblocking", sock_setblocking},
                                    {"getblocking", sock_getblocking},
                                    {"settimeout", sock_settimeout},
                                    {"gettimeout", sock_gettimeout},
                                    {"bind", sock_bind},
                                    {"listen", sock_listen},
                                    {"_accept", sock_accept},
                                    {"connect", sock_connect},
                                    {"connect_ex", sock_connect_ex},
                                    {"shutdown", sock_shutdown},
                                    {"getsockname", sock_getsockname},
                                    {"getpeername", sock_getpeername},
                                    {"setsockopt", sock_setsockopt},
                                    {"getsockopt", sock_getsockopt},
                                    {"recv", sock_recv},
                                    {"recv_into", sock_recv_into},
                                    {"recvfrom", sock_recvfrom},
                                    {"recvfrom_into", sock_recvfrom_into},
                                    {"send", sock_send},
                                    {"sendall", sock_sendall},
                                    {"sendto", sock_sendto},
                                    {"sendmsg", sock_sendmsg},
                                    {"recvmsg", sock_recvmsg},
                                    {"recvmsg_into", sock_recvmsg_into},
                                    {nullptr, nullptr}};
const GetSetDef socket_getsets[] = {{"family", get_family},
                                    {"type", get_type},
                                    {"proto", get_proto},
                                    {"timeout", get_timeout},
                                    {nullptr, nullptr}};

}  // namespace gilpy::sock
