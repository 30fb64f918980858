// _socket: BSD sockets for CPython's socket.py (which subclasses _socket.socket
// and wraps families and types in enums). This half holds the module: constants,
// the exceptions, address conversion shared with the socket type, and the
// resolver and byte-order functions. _socket_object.cpp holds the socket type.
//
// Name resolution goes through getaddrinfo/getnameinfo and the reentrant
// gethostby*_r calls; a resolver failure is socket.gaierror (or socket.herror
// for the gethostby* family), with the C library's message, as CPython reports.
#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <linux/netlink.h>
#include <netpacket/packet.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <string>

#include "modules/_socket_internal.h"
#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/eval_breaker.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy::sock {

Type* tp_herror;
Type* tp_gaierror;
double g_default_timeout = -1.0;

Status after_eintr() {
  if (eval_breaker_set()) return handle_eval_breaker();
  return OK();
}

Err raise_gai(int code) {
  if (code == EAI_SYSTEM) return raise_errno(errno);
  Value args[2] = {Value::small(code), str_value(gai_strerror(code))};
  return raise_with_args(tp_gaierror, args, 2);
}

static Err raise_herror(int h) {
  Value args[2] = {Value::small(h), str_value(hstrerror(h))};
  return raise_with_args(tp_herror, args, 2);
}

Result<double> timeout_arg(Value v) {
  if (!v || is_none(v)) return -1.0;
  double d;
  if (is_float(v)) d = TRY(to_double(v));
  else d = double(TRY(as_index(v)));  // the int conversion's TypeError is CPython's message too
  if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
  if (d < 0) return raise(tp_ValueError, "Timeout value out of range");
  return d;
}

// A host name argument: str (IDNA-encoded when not ASCII, as CPython's "idna"
// converter does) or bytes. `fname` names the function in the TypeError; null
// for a host inside an address tuple.
static Result<std::string> host_arg(Value v, const char* fname) {
  if (is_str(v)) {
    std::string_view s = as_str(v)->view();
    bool ascii = true;
    for (unsigned char c : s) ascii &= c < 0x80;
    if (ascii) return std::string(s);
    Value enc = TRY(call_method1(v, str_intern("encode"), str_value("idna")));
    return std::string(as_bytes(enc)->view());
  }
  if (is_bytes(v) || is_bytearray(v)) {
    std::string_view b = TRY(buffer_view(v));
    return std::string(b);
  }
  if (!fname) return raise_fmt(tp_TypeError, "str, bytes or bytearray expected, not %s", type_name(v));
  return raise_fmt(tp_TypeError, "%s() argument 1 must be str, bytes or bytearray, not %s", fname, type_name(v));
}

// Host name -> address of `family` (AF_UNSPEC: whatever the resolver gives first).
// "" is the wildcard address, "<broadcast>" INADDR_BROADCAST, as in CPython.
static Status resolve_host(const std::string& name, int family, SockAddr* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  if (name.empty() || name == "<broadcast>") {
    if (family == AF_INET6) {
      if (!name.empty()) return raise(tp_OSError, "address family mismatched");
      out->in6.sin6_family = AF_INET6;
      out->in6.sin6_addr = in6addr_any;
      *len = sizeof(out->in6);
      return OK();
    }
    out->in4.sin_family = AF_INET;
    out->in4.sin_addr.s_addr = htonl(name.empty() ? INADDR_ANY : INADDR_BROADCAST);
    *len = sizeof(out->in4);
    return OK();
  }
  if (name.find('\0') != std::string::npos) return raise(tp_TypeError, "host name must not contain null character");
  // Numeric forms skip the resolver.
  if ((family == AF_INET || family == AF_UNSPEC) && inet_pton(AF_INET, name.c_str(), &out->in4.sin_addr) == 1) {
    out->in4.sin_family = AF_INET;
    *len = sizeof(out->in4);
    return OK();
  }
  if ((family == AF_INET6 || family == AF_UNSPEC) && inet_pton(AF_INET6, name.c_str(), &out->in6.sin6_addr) == 1) {
    out->in6.sin6_family = AF_INET6;
    *len = sizeof(out->in6);
    return OK();
  }
  struct addrinfo hints {};
  hints.ai_family = family;
  struct addrinfo* res = nullptr;
  int rc;
  rc = gil::blocking(gil::Block::Socket, [&] { return getaddrinfo(name.c_str(), nullptr, &hints, &res); });
  if (rc != 0) return raise_gai(rc);
  size_t n = res->ai_addrlen <= sizeof(*out) ? res->ai_addrlen : sizeof(*out);
  std::memcpy(out, res->ai_addr, n);
  *len = socklen_t(n);
  freeaddrinfo(res);
  return OK();
}

static Result<int> port_arg(Value v, const char* caller) {
  if (!is_int(v)) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
  int64_t p;
  if (!int_fits_i64(v, &p) || p < 0 || p > 0xFFFF) return raise_fmt(tp_OverflowError, "%s(): port must be 0-65535.", caller);
  return int(p);
}

Status sockaddr_from(int family, Value addr, const char* caller, SockAddr* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  switch (family) {
    case AF_UNIX: {
      std::string path;
      if (is_str(addr)) {
        path = TRY(posix::fs_encode(as_str(addr)));
      } else {
        std::string_view b;
        // Only str and bytes-like objects: CPython 3.11 takes no os.PathLike here.
        if (!buffer_view_opt(addr, &b))
          return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(addr));
        path = std::string(b);
      }
      // Linux abstract namespace: a leading NUL, the name is the exact bytes given.
      bool abstract = !path.empty() && path[0] == '\0';
      if (path.size() > sizeof(out->un.sun_path) - (abstract ? 0 : 1))
        return raise(tp_OSError, "AF_UNIX path too long");
      out->un.sun_family = AF_UNIX;
      std::memcpy(out->un.sun_path, path.data(), path.size());
      *len = socklen_t(offsetof(struct sockaddr_un, sun_path) + path.size() + (abstract ? 0 : 1));
      if (path.empty()) *len = sizeof(sa_family_t);
      return OK();
    }
    case AF_INET: {
      if (!is_tuple(addr))
        return raise_fmt(tp_TypeError, "%s(): AF_INET address must be tuple, not %s", caller, type_name(addr));
      Tuple* t = as_tuple(addr);
      if (t->size != 2) return raise(tp_TypeError, "AF_INET address must be a pair (host, port)");
      std::string host = TRY(host_arg(t->items[0], nullptr));
      int port = TRY(port_arg(t->items[1], caller));
      TRY(resolve_host(host, AF_INET, out, len));
      out->in4.sin_port = htons(uint16_t(port));
      return OK();
    }
    case AF_INET6: {
      if (!is_tuple(addr))
        return raise_fmt(tp_TypeError, "%s(): AF_INET6 address must be tuple, not %s", caller, type_name(addr));
      Tuple* t = as_tuple(addr);
      if (t->size < 2 || t->size > 4)
        return raise(tp_TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
      std::string host = TRY(host_arg(t->items[0], nullptr));
      int port = TRY(port_arg(t->items[1], caller));
      int64_t flowinfo = 0, scope = 0;
      if (t->size > 2) flowinfo = TRY(as_index(t->items[2]));
      if (t->size > 3) scope = TRY(as_index(t->items[3]));
      if (flowinfo < 0 || flowinfo > 0xfffff) return raise_fmt(tp_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
      TRY(resolve_host(host, AF_INET6, out, len));
      out->in6.sin6_port = htons(uint16_t(port));
      out->in6.sin6_flowinfo = htonl(uint32_t(flowinfo));
      out->in6.sin6_scope_id = uint32_t(scope);
      return OK();
    }
    default:
      return raise_fmt(tp_OSError, "%s(): bad family", caller);
  }
}

Result<Value> sockaddr_to(const struct sockaddr* sa, socklen_t len) {
  if (len == 0) return None();
  char buf[INET6_ADDRSTRLEN];
  switch (sa->sa_family) {
    case AF_INET: {
      auto* a = reinterpret_cast<const struct sockaddr_in*>(sa);
      inet_ntop(AF_INET, &a->sin_addr, buf, sizeof(buf));
      return Value(tuple_of({str_value(buf), Value::small(ntohs(a->sin_port))}));
    }
    case AF_INET6: {
      auto* a = reinterpret_cast<const struct sockaddr_in6*>(sa);
      inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof(buf));
      return Value(tuple_of({str_value(buf), Value::small(ntohs(a->sin6_port)),
                             int_from_u64(ntohl(a->sin6_flowinfo)), int_from_u64(a->sin6_scope_id)}));
    }
    case AF_UNIX: {
      auto* a = reinterpret_cast<const struct sockaddr_un*>(sa);
      size_t off = offsetof(struct sockaddr_un, sun_path);
      size_t n = len > off ? len - off : 0;
      if (n > sizeof(a->sun_path)) n = sizeof(a->sun_path);
      // Abstract names are bytes (they may hold anything); paths are text.
      if (n > 0 && a->sun_path[0] == '\0') return bytes_from(std::string_view(a->sun_path, n));
      size_t k = 0;
      while (k < n && a->sun_path[k]) k++;
      return posix::fs_decode(std::string_view(a->sun_path, k));
    }
    default: {
      // Families without a converter: (family, raw sa_data), as CPython does.
      size_t n = len > offsetof(struct sockaddr, sa_data) ? len - offsetof(struct sockaddr, sa_data) : 0;
      if (n > sizeof(sa->sa_data)) n = sizeof(sa->sa_data);
      return Value(tuple_of({Value::small(sa->sa_family), bytes_from(std::string_view(sa->sa_data, n))}));
    }
  }
}

// ---- resolver functions -------------------------------------------------------------------------
static Result<Value> so_getaddrinfo(Value* args, int64_t nargs, Tuple* kw) {
  Value o[6];
  TRY(parse_args("getaddrinfo", args, nargs, kw, {"host", "port", "family", "type", "proto", "flags"}, 2, o));
  std::string host, port;
  bool has_host = !is_none(o[0]), has_port = !is_none(o[1]);
  if (has_host && !is_str(o[0]) && !is_bytes(o[0]))
    return raise(tp_TypeError, "getaddrinfo() argument 1 must be string or None");
  if (has_host) host = TRY(host_arg(o[0], "getaddrinfo"));
  if (is_int(o[1])) {
    Str* s = TRY(int_decimal_str(o[1]));
    port = std::string(s->view());
  } else if (is_str(o[1])) {
    port = std::string(as_str(o[1])->view());
  } else if (is_bytes(o[1])) {
    port = std::string(as_bytes(o[1])->view());
  } else if (has_port) {
    return raise(tp_OSError, "Int or String expected");
  }
  struct addrinfo hints {};
  hints.ai_family = o[2] ? int(TRY(as_index(o[2]))) : AF_UNSPEC;
  hints.ai_socktype = o[3] ? int(TRY(as_index(o[3]))) : 0;
  hints.ai_protocol = o[4] ? int(TRY(as_index(o[4]))) : 0;
  hints.ai_flags = o[5] ? int(TRY(as_index(o[5]))) : 0;
  struct addrinfo* res = nullptr;
  int rc = gil::blocking(gil::Block::Socket, [&] {
    return getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, &hints, &res);
  });
  if (rc != 0) return raise_gai(rc);
  List* out = list_new();
  for (struct addrinfo* ai = res; ai; ai = ai->ai_next) {
    Result<Value> addr = sockaddr_to(ai->ai_addr, ai->ai_addrlen);
    if (addr.is_err()) {
      freeaddrinfo(res);
      return ERR;
    }
    Value canon = str_value(ai->ai_canonname ? ai->ai_canonname : "");
    Status s = list_append(out, Value(tuple_of({Value::small(ai->ai_family), Value::small(ai->ai_socktype),
                                                Value::small(ai->ai_protocol), canon, addr.value()})));
    if (s.is_err()) {
      freeaddrinfo(res);
      return ERR;
    }
  }
  freeaddrinfo(res);
  return Value(out);
}

static Result<Value> so_getnameinfo(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("getnameinfo", kw));
  TRY(check_nargs("getnameinfo", nargs, 2, 2));
  if (!is_tuple(args[0]))
    return raise_fmt(tp_TypeError, "getnameinfo() argument 1 must be a tuple");
  int flags = int(TRY(as_index(args[1])));
  Tuple* t = as_tuple(args[0]);
  if (t->size < 2 || t->size > 4 || !is_int(t->items[1]) || !is_str(t->items[0]))
    return raise(tp_TypeError, "getnameinfo(): illegal sockaddr argument");
  std::string host = TRY(host_arg(t->items[0], "getnameinfo"));
  int port = TRY(port_arg(t->items[1], "getnameinfo"));
  int64_t flowinfo = t->size > 2 ? TRY(as_index(t->items[2])) : 0;
  int64_t scope = t->size > 3 ? TRY(as_index(t->items[3])) : 0;
  if (flowinfo < 0 || flowinfo > 0xfffff) return raise(tp_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
  // The host must be numeric: resolve it without the resolver, then ask for names.
  struct addrinfo hints {};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  std::string pstr = std::to_string(port);
  struct addrinfo* res = nullptr;
  int rc = getaddrinfo(host.c_str(), pstr.c_str(), &hints, &res);
  if (rc != 0) return raise_gai(rc);
  if (res->ai_next) {
    freeaddrinfo(res);
    return raise(tp_OSError, "sockaddr resolved to multiple addresses");
  }
  SockAddr sa;
  std::memset(&sa, 0, sizeof(sa));
  socklen_t len = socklen_t(res->ai_addrlen);
  std::memcpy(&sa, res->ai_addr, res->ai_addrlen);
  freeaddrinfo(res);
  if (sa.sa.sa_family == AF_INET) {
    if (t->size != 2) return raise(tp_OSError, "IPv4 sockaddr must be 2 tuple");
  } else if (sa.sa.sa_family == AF_INET6) {
    sa.in6.sin6_flowinfo = htonl(uint32_t(flowinfo));
    sa.in6.sin6_scope_id = uint32_t(scope);
  }
  char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
  rc = gil::blocking(gil::Block::Socket,
                     [&] { return getnameinfo(&sa.sa, len, hbuf, sizeof(hbuf), sbuf, sizeof(sbuf), flags); });
  if (rc != 0) return raise_gai(rc);
  return Value(tuple_of({str_value(hbuf), str_value(sbuf)}));
}

static Result<Value> so_gethostname(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("gethostname", kw));
  TRY(check_nargs("gethostname", nargs, 0, 0));
  char buf[1024];
  if (::gethostname(buf, sizeof(buf) - 1) < 0) return raise_errno(errno);
  buf[sizeof(buf) - 1] = 0;
  return posix::fs_decode(buf);
}

static Result<Value> so_sethostname(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sethostname", kw));
  TRY(check_nargs("sethostname", nargs, 1, 1));
  std::string name = TRY(host_arg(args[0], "sethostname"));
  if (::sethostname(name.data(), name.size()) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> so_gethostbyname(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("gethostbyname", kw));
  TRY(check_nargs("gethostbyname", nargs, 1, 1));
  std::string name = TRY(host_arg(args[0], "gethostbyname"));
  SockAddr sa;
  socklen_t len;
  TRY(resolve_host(name, AF_INET, &sa, &len));
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &sa.in4.sin_addr, buf, sizeof(buf));
  return str_value(buf);
}

// (name, aliases, addresses) from a hostent, as gethostbyname_ex/gethostbyaddr return.
static Result<Value> hostent_tuple(const struct hostent* h) {
  List* aliases = list_new();
  for (char** p = h->h_aliases; p && *p; p++) TRY(list_append(aliases, str_value(*p)));
  List* addrs = list_new();
  char buf[INET6_ADDRSTRLEN];
  for (char** p = h->h_addr_list; p && *p; p++) {
    inet_ntop(h->h_addrtype, *p, buf, sizeof(buf));
    TRY(list_append(addrs, str_value(buf)));
  }
  return Value(tuple_of({str_value(h->h_name), Value(aliases), Value(addrs)}));
}

static Result<Value> so_gethostbyname_ex(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("gethostbyname_ex", kw));
  TRY(check_nargs("gethostbyname_ex", nargs, 1, 1));
  std::string name = TRY(host_arg(args[0], "gethostbyname_ex"));
  // Resolve first so an unknown name is gaierror, as in CPython.
  SockAddr sa;
  socklen_t len;
  TRY(resolve_host(name, AF_INET, &sa, &len));
  struct hostent he, *res = nullptr;
  std::string buf(16384, '\0');
  int herr = 0;
  gil::blocking(gil::Block::Socket,
                [&] { return gethostbyname_r(name.c_str(), &he, buf.data(), buf.size(), &res, &herr); });
  if (!res) return raise_herror(herr);
  return hostent_tuple(res);
}

static Result<Value> so_gethostbyaddr(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("gethostbyaddr", kw));
  TRY(check_nargs("gethostbyaddr", nargs, 1, 1));
  std::string name = TRY(host_arg(args[0], "gethostbyaddr"));
  SockAddr sa;
  socklen_t len;
  TRY(resolve_host(name, AF_UNSPEC, &sa, &len));
  const void* ap = sa.sa.sa_family == AF_INET6 ? static_cast<const void*>(&sa.in6.sin6_addr)
                                                : static_cast<const void*>(&sa.in4.sin_addr);
  socklen_t alen = sa.sa.sa_family == AF_INET6 ? sizeof(struct in6_addr) : sizeof(struct in_addr);
  struct hostent he, *res = nullptr;
  std::string buf(16384, '\0');
  int herr = 0;
  gil::blocking(gil::Block::Socket, [&] {
    return gethostbyaddr_r(ap, alen, sa.sa.sa_family, &he, buf.data(), buf.size(), &res, &herr);
  });
  if (!res) return raise_herror(herr);
  return hostent_tuple(res);
}

static Result<std::string> text_arg(Value v, const char* fname, int pos) {
  if (!is_str(v))
    return raise_fmt(tp_TypeError, "%s() argument %d must be str, not %s", fname, pos, type_name(v));
  return std::string(as_str(v)->view());
}

static Result<Value> so_getservbyname(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("getservbyname", kw));
  TRY(check_nargs("getservbyname", nargs, 1, 2));
  std::string name = TRY(text_arg(args[0], "getservbyname", 1));
  std::string proto;
  bool has_proto = nargs > 1 && !is_none(args[1]);
  if (has_proto) proto = TRY(text_arg(args[1], "getservbyname", 2));
  struct servent se, *res = nullptr;
  char buf[4096];
  getservbyname_r(name.c_str(), has_proto ? proto.c_str() : nullptr, &se, buf, sizeof(buf), &res);
  if (!res) return raise(tp_OSError, "service/proto not found");
  return Value::small(ntohs(uint16_t(res->s_port)));
}

static Result<Value> so_getservbyport(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("getservbyport", kw));
  TRY(check_nargs("getservbyport", nargs, 1, 2));
  int64_t port;
  if (!is_int(args[0])) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  if (!int_fits_i64(args[0], &port) || port < 0 || port > 0xffff)
    return raise(tp_OverflowError, "getservbyport: port must be 0-65535.");
  std::string proto;
  bool has_proto = nargs > 1 && !is_none(args[1]);
  if (has_proto) proto = TRY(text_arg(args[1], "getservbyport", 2));
  struct servent se, *res = nullptr;
  char buf[4096];
  getservbyport_r(int(htons(uint16_t(port))), has_proto ? proto.c_str() : nullptr, &se, buf, sizeof(buf), &res);
  if (!res) return raise(tp_OSError, "port/proto not found");
  return str_value(res->s_name);
}

static Result<Value> so_getprotobyname(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("getprotobyname", kw));
  TRY(check_nargs("getprotobyname", nargs, 1, 1));
  std::string name = TRY(text_arg(args[0], "getprotobyname", 1));
  struct protoent pe, *res = nullptr;
  char buf[4096];
  getprotobyname_r(name.c_str(), &pe, buf, sizeof(buf), &res);
  if (!res) return raise(tp_OSError, "protocol not found");
  return Value::small(res->p_proto);
}

// ---- descriptors ---------------------------------------------------------------------------------
static Result<Value> so_socketpair(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("socketpair", args, nargs, kw, {"family", "type", "proto"}, 0, o));
  int family = o[0] ? int(TRY(as_index(o[0]))) : AF_UNIX;
  int type = o[1] ? int(TRY(as_index(o[1]))) : SOCK_STREAM;
  int proto = o[2] ? int(TRY(as_index(o[2]))) : 0;
  int sv[2];
  // Close-on-exec from the start (PEP 446).
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, sv) < 0) return raise_errno(errno);
  Result<Value> a = socket_wrap(sv[0], family, type, proto);
  if (a.is_err()) {
    ::close(sv[0]);
    ::close(sv[1]);
    return ERR;
  }
  Value b = TRY(socket_wrap(sv[1], family, type, proto));
  return Value(tuple_of({a.value(), b}));
}

static Result<int> fd_arg(Value v) {
  int64_t fd = TRY(as_index(v));
  // Negative numbers go to the system call, which reports EBADF, as in CPython.
  if (fd < INT_MIN || fd > INT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
  return int(fd);
}

static Result<Value> so_dup(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("dup", kw));
  TRY(check_nargs("dup", nargs, 1, 1));
  int fd = TRY(fd_arg(args[0]));
  int nfd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (nfd < 0) return raise_errno(errno);
  return Value::small(nfd);
}

static Result<Value> so_close(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("close", kw));
  TRY(check_nargs("close", nargs, 1, 1));
  int fd = TRY(fd_arg(args[0]));
  // The peer may already have reset the connection: not an error for close (bpo-30319).
  if (::close(fd) < 0 && errno != ECONNRESET && errno != EINTR) return raise_errno(errno);
  return None();
}

// ---- address text <-> packed ---------------------------------------------------------------------
static Result<Value> so_inet_aton(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("inet_aton", kw));
  TRY(check_nargs("inet_aton", nargs, 1, 1));
  std::string s = TRY(text_arg(args[0], "inet_aton", 1));
  struct in_addr a;
  if (s.find('\0') != std::string::npos || inet_aton(s.c_str(), &a) == 0)
    return raise(tp_OSError, "illegal IP address string passed to inet_aton");
  return bytes_from(std::string_view(reinterpret_cast<const char*>(&a), 4));
}

static Result<Value> so_inet_ntoa(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("inet_ntoa", kw));
  TRY(check_nargs("inet_ntoa", nargs, 1, 1));
  std::string_view b = TRY(buffer_view(args[0]));
  if (b.size() != 4) return raise(tp_OSError, "packed IP wrong length for inet_ntoa");
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, b.data(), buf, sizeof(buf));
  return str_value(buf);
}

static Result<Value> so_inet_pton(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("inet_pton", kw));
  TRY(check_nargs("inet_pton", nargs, 2, 2));
  int af = int(TRY(as_index(args[0])));
  std::string s = TRY(text_arg(args[1], "inet_pton", 2));
  unsigned char buf[sizeof(struct in6_addr)];
  int r = inet_pton(af, s.c_str(), buf);
  if (r < 0) return raise_errno(errno);
  if (r == 0) return raise(tp_OSError, "illegal IP address string passed to inet_pton");
  return bytes_from(std::string_view(reinterpret_cast<const char*>(buf), af == AF_INET ? 4 : 16));
}

static Result<Value> so_inet_ntop(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("inet_ntop", kw));
  TRY(check_nargs("inet_ntop", nargs, 2, 2));
  int af = int(TRY(as_index(args[0])));
  std::string_view b = TRY(buffer_view(args[1]));
  if (af == AF_INET) {
    if (b.size() != 4) return raise(tp_ValueError, "invalid length of packed IP address string");
  } else if (af == AF_INET6) {
    if (b.size() != 16) return raise(tp_ValueError, "invalid length of packed IP address string");
  } else {
    return raise_fmt(tp_ValueError, "unknown address family %d", af);
  }
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(af, b.data(), buf, sizeof(buf))) return raise_errno(errno);
  return str_value(buf);
}

// ---- byte order --------------------------------------------------------------------------------
static Result<uint64_t> unsigned_arg(Value v, int bits, const char* fname) {
  if (!is_int(v)) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
  int64_t x;
  bool fits = int_fits_i64(v, &x);
  if (bits == 16) {
    if (int_sign(v) < 0)
      return raise_fmt(tp_OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer", fname);
    if (!fits || x > 0xffff)
      return raise_fmt(tp_OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", fname);
  } else {
    if (int_sign(v) < 0) return raise(tp_OverflowError, "can't convert negative value to unsigned int");
    if (!fits || x > 0xffffffffLL) return raise(tp_OverflowError, "int larger than 32 bits");
  }
  return uint64_t(x);
}

static Result<Value> so_htons(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("htons", kw));
  TRY(check_nargs("htons", n, 1, 1));
  return Value::small(htons(uint16_t(TRY(unsigned_arg(a[0], 16, "htons")))));
}
static Result<Value> so_ntohs(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("ntohs", kw));
  TRY(check_nargs("ntohs", n, 1, 1));
  return Value::small(ntohs(uint16_t(TRY(unsigned_arg(a[0], 16, "ntohs")))));
}
static Result<Value> so_htonl(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("htonl", kw));
  TRY(check_nargs("htonl", n, 1, 1));
  return int_from_u64(htonl(uint32_t(TRY(unsigned_arg(a[0], 32, "htonl")))));
}
static Result<Value> so_ntohl(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("ntohl", kw));
  TRY(check_nargs("ntohl", n, 1, 1));
  return int_from_u64(ntohl(uint32_t(TRY(unsigned_arg(a[0], 32, "ntohl")))));
}

// ---- default timeout, interfaces, control-message sizes ------------------------------------------
static Result<Value> so_getdefaulttimeout(Value*, int64_t n, Tuple* kw) {
  TRY(check_nargs("getdefaulttimeout", n, 0, 0));
  if (g_default_timeout < 0) return None();
  return float_new(g_default_timeout);
}
static Result<Value> so_setdefaulttimeout(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("setdefaulttimeout", kw));
  TRY(check_nargs("setdefaulttimeout", n, 1, 1));
  g_default_timeout = TRY(timeout_arg(a[0]));
  return None();
}

static Result<Value> so_if_nameindex(Value*, int64_t n, Tuple* kw) {
  TRY(check_nargs("if_nameindex", n, 0, 0));
  struct if_nameindex* ni = ::if_nameindex();
  if (!ni) return raise_errno(errno);
  List* out = list_new();
  for (struct if_nameindex* p = ni; p->if_index; p++) {
    Status s = list_append(out, Value(tuple_of({int_from_u64(p->if_index), str_value(p->if_name)})));
    if (s.is_err()) {
      if_freenameindex(ni);
      return ERR;
    }
  }
  if_freenameindex(ni);
  return Value(out);
}
static Result<Value> so_if_nametoindex(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("if_nametoindex", kw));
  TRY(check_nargs("if_nametoindex", n, 1, 1));
  std::string name;
  if (is_str(a[0])) name = TRY(posix::fs_encode(as_str(a[0])));
  else name = std::string(TRY(buffer_view(a[0])));
  unsigned idx = ::if_nametoindex(name.c_str());
  if (idx == 0) return raise(tp_OSError, "no interface with this name");
  return int_from_u64(idx);
}
static Result<Value> so_if_indextoname(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("if_indextoname", kw));
  TRY(check_nargs("if_indextoname", n, 1, 1));
  int64_t idx = TRY(as_index(a[0]));
  if (idx < 0 || idx > 0xffffffffLL) return raise(tp_OverflowError, "index must be 0-4294967295");
  char buf[IF_NAMESIZE + 1];
  if (!::if_indextoname(unsigned(idx), buf)) return raise_errno(errno);
  return posix::fs_decode(buf);
}

static Result<Value> so_cmsg_len(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("CMSG_LEN", kw));
  TRY(check_nargs("CMSG_LEN", n, 1, 1));
  int64_t len = TRY(as_index(a[0]));
  if (len < 0 || len > INT_MAX - int64_t(CMSG_LEN(0))) return raise(tp_OverflowError, "CMSG_LEN() argument out of range");
  return int_from_u64(CMSG_LEN(size_t(len)));
}
static Result<Value> so_cmsg_space(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("CMSG_SPACE", kw));
  TRY(check_nargs("CMSG_SPACE", n, 1, 1));
  int64_t len = TRY(as_index(a[0]));
  if (len < 0 || len > INT_MAX - int64_t(CMSG_SPACE(1))) return raise(tp_OverflowError, "CMSG_SPACE() argument out of range");
  return int_from_u64(CMSG_SPACE(size_t(len)));
}

static const MethodDef functions[] = {
    {"getaddrinfo", so_getaddrinfo}, {"getnameinfo", so_getnameinfo}, {"gethostname", so_gethostname},
    {"sethostname", so_sethostname}, {"gethostbyname", so_gethostbyname},
    {"gethostbyname_ex", so_gethostbyname_ex}, {"gethostbyaddr", so_gethostbyaddr},
    {"getservbyname", so_getservbyname}, {"getservbyport", so_getservbyport},
    {"getprotobyname", so_getprotobyname}, {"socketpair", so_socketpair}, {"dup", so_dup},
    {"close", so_close}, {"inet_aton", so_inet_aton}, {"inet_ntoa", so_inet_ntoa},
    {"inet_pton", so_inet_pton}, {"inet_ntop", so_inet_ntop}, {"htons", so_htons}, {"ntohs", so_ntohs},
    {"htonl", so_htonl}, {"ntohl", so_ntohl}, {"getdefaulttimeout", so_getdefaulttimeout},
    {"setdefaulttimeout", so_setdefaulttimeout}, {"if_nameindex", so_if_nameindex},
    {"if_nametoindex", so_if_nametoindex}, {"if_indextoname", so_if_indextoname},
    {"CMSG_LEN", so_cmsg_len}, {"CMSG_SPACE", so_cmsg_space}, {nullptr, nullptr}};

static Type* socket_exception(const char* name) {
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, Value(str_intern("socket")));
  Result<Value> t = type_new(tp_type, str_intern(name), tuple_of({Value(tp_OSError)}), ns, nullptr);
  GILPY_ASSERT(t.ok());
  return as_type(t.value());
}

static Result<Value> init() {
  Module* m = native_module_new("_socket", functions, "Implementation module for socket operations.");
  if (!tp_socket) {
    tp_socket = native_type_new("_socket", "socket", tp_object, Layout::Other, sizeof(SockObj), socket_methods,
                                socket_getsets);
    tp_herror = socket_exception("herror");
    tp_gaierror = socket_exception("gaierror");
  }
  auto add = [&](const char* name, int64_t v) { dict_set_str(m->dict, str_intern(name), int_from_i64(v)); };
#define C(n) add(#n, n);
  C(AF_ALG) C(AF_APPLETALK) C(AF_ASH) C(AF_ATMPVC) C(AF_ATMSVC) C(AF_AX25) C(AF_BRIDGE) C(AF_CAN)
  C(AF_DECnet) C(AF_ECONET) C(AF_INET) C(AF_INET6) C(AF_IPX) C(AF_IRDA) C(AF_KEY) C(AF_LLC) C(AF_NETBEUI)
  C(AF_NETLINK) C(AF_NETROM) C(AF_PACKET) C(AF_PPPOX) C(AF_QIPCRTR) C(AF_RDS) C(AF_ROSE) C(AF_ROUTE)
  C(AF_SECURITY) C(AF_SNA) C(AF_TIPC) C(AF_UNIX) C(AF_UNSPEC) C(AF_VSOCK) C(AF_WANPIPE) C(AF_X25)
  C(AI_ADDRCONFIG) C(AI_ALL) C(AI_CANONNAME) C(AI_NUMERICHOST) C(AI_NUMERICSERV) C(AI_PASSIVE) C(AI_V4MAPPED)
  C(EAI_ADDRFAMILY) C(EAI_AGAIN) C(EAI_BADFLAGS) C(EAI_FAIL) C(EAI_FAMILY) C(EAI_MEMORY) C(EAI_NODATA)
  C(EAI_NONAME) C(EAI_OVERFLOW) C(EAI_SERVICE) C(EAI_SOCKTYPE) C(EAI_SYSTEM) C(INADDR_ALLHOSTS_GROUP)
  C(INADDR_ANY) C(INADDR_BROADCAST) C(INADDR_LOOPBACK) C(INADDR_MAX_LOCAL_GROUP) C(INADDR_NONE)
  C(INADDR_UNSPEC_GROUP) C(IPPORT_RESERVED) C(IPPROTO_AH) C(IPPROTO_DSTOPTS) C(IPPROTO_EGP) C(IPPROTO_ESP)
  C(IPPROTO_FRAGMENT) C(IPPROTO_GRE) C(IPPROTO_HOPOPTS) C(IPPROTO_ICMP) C(IPPROTO_ICMPV6) C(IPPROTO_IDP)
  C(IPPROTO_IGMP) C(IPPROTO_IP) C(IPPROTO_IPIP) C(IPPROTO_IPV6) C(IPPROTO_MPTCP) C(IPPROTO_NONE)
  C(IPPROTO_PIM) C(IPPROTO_PUP) C(IPPROTO_RAW) C(IPPROTO_ROUTING) C(IPPROTO_RSVP) C(IPPROTO_SCTP)
  C(IPPROTO_TCP) C(IPPROTO_TP) C(IPPROTO_UDP) C(IPPROTO_UDPLITE) C(IPV6_CHECKSUM) C(IPV6_DONTFRAG)
  C(IPV6_DSTOPTS) C(IPV6_HOPLIMIT) C(IPV6_HOPOPTS) C(IPV6_JOIN_GROUP) C(IPV6_LEAVE_GROUP)
  C(IPV6_MULTICAST_HOPS) C(IPV6_MULTICAST_IF) C(IPV6_MULTICAST_LOOP) C(IPV6_NEXTHOP) C(IPV6_PATHMTU)
  C(IPV6_PKTINFO) C(IPV6_RECVDSTOPTS) C(IPV6_RECVHOPLIMIT) C(IPV6_RECVHOPOPTS) C(IPV6_RECVPATHMTU)
  C(IPV6_RECVPKTINFO) C(IPV6_RECVRTHDR) C(IPV6_RECVTCLASS) C(IPV6_RTHDR) C(IPV6_RTHDRDSTOPTS)
  C(IPV6_RTHDR_TYPE_0) C(IPV6_TCLASS) C(IPV6_UNICAST_HOPS) C(IPV6_V6ONLY) C(IP_ADD_MEMBERSHIP)
  C(IP_BIND_ADDRESS_NO_PORT) C(IP_DEFAULT_MULTICAST_LOOP) C(IP_DEFAULT_MULTICAST_TTL) C(IP_DROP_MEMBERSHIP)
  C(IP_HDRINCL) C(IP_MAX_MEMBERSHIPS) C(IP_MULTICAST_IF) C(IP_MULTICAST_LOOP) C(IP_MULTICAST_TTL)
  C(IP_OPTIONS) C(IP_RECVOPTS) C(IP_RECVRETOPTS) C(IP_RECVTOS) C(IP_RETOPTS) C(IP_TOS) C(IP_TRANSPARENT)
  C(IP_TTL) C(MSG_CMSG_CLOEXEC) C(MSG_CONFIRM) C(MSG_CTRUNC) C(MSG_DONTROUTE) C(MSG_DONTWAIT) C(MSG_EOR)
  C(MSG_ERRQUEUE) C(MSG_FASTOPEN) C(MSG_MORE) C(MSG_NOSIGNAL) C(MSG_OOB) C(MSG_PEEK) C(MSG_TRUNC)
  C(MSG_WAITALL) C(NETLINK_CRYPTO) C(NETLINK_DNRTMSG) C(NETLINK_FIREWALL) C(NETLINK_IP6_FW) C(NETLINK_NFLOG)
  C(NETLINK_ROUTE) C(NETLINK_USERSOCK) C(NETLINK_XFRM) C(NI_DGRAM) C(NI_MAXHOST) C(NI_MAXSERV) C(NI_NAMEREQD)
  C(NI_NOFQDN) C(NI_NUMERICHOST) C(NI_NUMERICSERV) C(PACKET_BROADCAST) C(PACKET_FASTROUTE) C(PACKET_HOST)
  C(PACKET_LOOPBACK) C(PACKET_MULTICAST) C(PACKET_OTHERHOST) C(PACKET_OUTGOING) C(PF_CAN) C(PF_PACKET)
  C(PF_RDS) C(SCM_CREDENTIALS) C(SCM_RIGHTS) C(SHUT_RD) C(SHUT_RDWR) C(SHUT_WR) C(SOCK_CLOEXEC) C(SOCK_DGRAM)
  C(SOCK_NONBLOCK) C(SOCK_RAW) C(SOCK_RDM) C(SOCK_SEQPACKET) C(SOCK_STREAM) C(SOL_ALG) C(SOL_IP) C(SOL_RDS)
  C(SOL_SOCKET) C(SOL_TCP) C(SOL_TIPC) C(SOL_UDP) C(SOMAXCONN) C(SO_ACCEPTCONN) C(SO_BINDTODEVICE)
  C(SO_BROADCAST) C(SO_DEBUG) C(SO_DOMAIN) C(SO_DONTROUTE) C(SO_ERROR) C(SO_INCOMING_CPU) C(SO_KEEPALIVE)
  C(SO_LINGER) C(SO_MARK) C(SO_OOBINLINE) C(SO_PASSCRED) C(SO_PASSSEC) C(SO_PEERCRED) C(SO_PEERSEC)
  C(SO_PRIORITY) C(SO_PROTOCOL) C(SO_RCVBUF) C(SO_RCVLOWAT) C(SO_RCVTIMEO) C(SO_REUSEADDR) C(SO_REUSEPORT)
  C(SO_SNDBUF) C(SO_SNDLOWAT) C(SO_SNDTIMEO) C(SO_TYPE) C(TCP_CONGESTION) C(TCP_CORK) C(TCP_DEFER_ACCEPT)
  C(TCP_FASTOPEN) C(TCP_INFO) C(TCP_KEEPCNT) C(TCP_KEEPIDLE) C(TCP_KEEPINTVL) C(TCP_LINGER2) C(TCP_MAXSEG)
  C(TCP_NODELAY) C(TCP_NOTSENT_LOWAT) C(TCP_QUICKACK) C(TCP_SYNCNT) C(TCP_USER_TIMEOUT) C(TCP_WINDOW_CLAMP)
#undef C
  // An enumerator in glibc, not a macro: the value is fixed by BSD tradition.
  add("IPPORT_USERRESERVED", 5000);
  dict_set_str(m->dict, str_intern("has_ipv6"), True());
  dict_set_str(m->dict, str_intern("socket"), Value(tp_socket));
  dict_set_str(m->dict, str_intern("SocketType"), Value(tp_socket));
  dict_set_str(m->dict, str_intern("error"), Value(tp_OSError));
  dict_set_str(m->dict, str_intern("timeout"), Value(tp_TimeoutError));
  dict_set_str(m->dict, str_intern("herror"), Value(tp_herror));
  dict_set_str(m->dict, str_intern("gaierror"), Value(tp_gaierror));
  return Value(m);
}
GILPY_NATIVE_MODULE("_socket", init);

}  // namespace gilpy::sock
