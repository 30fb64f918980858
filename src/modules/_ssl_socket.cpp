// _ssl's connection half: _SSLSocket (a TLS connection over a _socket.socket or
// a pair of MemoryBIOs), MemoryBIO and SSLSession.
//
// Over a socket the connection follows the socket's timeout as CPython does:
// blocking sockets block inside OpenSSL without the GIL; sockets with a timeout
// are non-blocking underneath, and each WANT_READ/WANT_WRITE waits with poll(2)
// (without the GIL) until the deadline, then raises TimeoutError "The read
// operation timed out" (write, handshake); non-blocking sockets raise
// SSLWantReadError / SSLWantWriteError. Over MemoryBIOs nothing blocks.
// Callbacks OpenSSL makes while the GIL is released (SNI) take it back first.
#include <gc/gc.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <arpa/inet.h>
#include <poll.h>
#include <time.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>

#include "modules/_socket_internal.h"
#include "modules/_ssl_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy::ssl {

Type* tp_Socket;
Type* tp_MemoryBIO;
Type* tp_Session;

static SockObj* S(Value v) { return v.as<SockObj>(); }
static BioObj* B(Value v) { return v.as<BioObj>(); }

// ---- MemoryBIO --------------------------------------------------------------------------------
static void bio_finalizer(void* obj, void*) {
  BioObj* b = static_cast<BioObj*>(obj);
  if (b->bio) BIO_free(b->bio);
  b->bio = nullptr;
}

static Result<Value> bio_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("MemoryBIO", kw));
  if (n > 1) return raise(tp_TypeError, "MemoryBIO() takes no arguments");
  BioObj* b = static_cast<BioObj*>(alloc_instance(as_type(a[0]), sizeof(BioObj)));
  b->bio = BIO_new(BIO_s_mem());
  if (!b->bio) return raise_memory_error();
  // Reads from an empty BIO say "retry" rather than EOF until write_eof().
  BIO_set_retry_read(b->bio);
  BIO_set_mem_eof_return(b->bio, -1);
  GC_register_finalizer_no_order(b, bio_finalizer, nullptr, nullptr, nullptr);
  return Value(b);
}

static Result<Value> bio_g_pending(Value self) { return int_from_i64(int64_t(BIO_ctrl_pending(B(self)->bio))); }
static Result<Value> bio_g_eof(Value self) {
  BioObj* b = B(self);
  return Bool(BIO_ctrl_pending(b->bio) == 0 && b->eof_written);
}

static Result<Value> bio_read(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("read", kw));
  TRY(check_nargs("read", n - 1, 0, 1));
  BioObj* b = B(a[0]);
  int64_t avail = int64_t(BIO_ctrl_pending(b->bio));
  int64_t len = n > 1 ? TRY(as_c_int(a[1])) : -1;
  if (len < 0 || len > avail) len = avail;
  if (len > INT_MAX) len = INT_MAX;
  std::string buf(size_t(len), '\0');
  if (len > 0) {
    int r = BIO_read(b->bio, buf.data(), int(len));
    if (r < 0) return raise_last_ssl(__LINE__);
    buf.resize(size_t(r));
  }
  return bytes_from(buf);
}

static Result<Value> bio_write(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("write", kw));
  TRY(check_nargs("write", n - 1, 1, 1));
  std::string_view s;
  if (is_str(a[1]) || !buffer_view_opt(a[1], &s))
    return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", a[1].type()->name->data);
  if (s.size() > INT_MAX) return raise_fmt(tp_OverflowError, "string longer than %d bytes", INT_MAX);
  BioObj* b = B(a[0]);
  if (b->eof_written) return raise_ssl(tp_SSLError, 0, "cannot write() after write_eof()", 0, __LINE__, nullptr);
  int r = BIO_write(b->bio, s.data(), int(s.size()));
  if (r < 0) return raise_last_ssl(__LINE__);
  return Value::small(r);
}

static Result<Value> bio_write_eof(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("write_eof", kw));
  TRY(check_nargs("write_eof", n - 1, 0, 0));
  BioObj* b = B(a[0]);
  b->eof_written = true;
  BIO_clear_retry_flags(b->bio);
  BIO_set_mem_eof_return(b->bio, 0);
  return None();
}

// ---- SSLSession -------------------------------------------------------------------------------
static void session_finalizer(void* obj, void*) {
  SessionObj* s = static_cast<SessionObj*>(obj);
  if (s->session) SSL_SESSION_free(s->session);
  s->session = nullptr;
}
static SessionObj* SE(Value v) { return v.as<SessionObj>(); }
static Result<Value> sess_no_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create '_ssl.SSLSession' instances");
}
static Result<Value> sess_g_time(Value self) { return int_from_i64(SSL_SESSION_get_time(SE(self)->session)); }
static Result<Value> sess_g_timeout(Value self) { return int_from_i64(SSL_SESSION_get_timeout(SE(self)->session)); }
static Result<Value> sess_g_hint(Value self) {
  return int_from_u64(SSL_SESSION_get_ticket_lifetime_hint(SE(self)->session));
}
static Result<Value> sess_g_id(Value self) {
  unsigned len = 0;
  const unsigned char* id = SSL_SESSION_get_id(SE(self)->session, &len);
  return bytes_from(std::string_view(reinterpret_cast<const char*>(id), len));
}
static Result<Value> sess_g_has_ticket(Value self) { return Bool(SSL_SESSION_has_ticket(SE(self)->session)); }
static Result<Value> sess_richcompare(Value* a, int64_t n, Tuple*, bool eq) {
  if (n < 2 || !a[1].is_obj() || a[1].type() != tp_Session) return Value(g_NotImplemented);
  bool same;
  if (a[0].as<Object>() == a[1].as<Object>()) {
    same = true;
  } else {
    unsigned l1 = 0, l2 = 0;
    const unsigned char* i1 = SSL_SESSION_get_id(SE(a[0])->session, &l1);
    const unsigned char* i2 = SSL_SESSION_get_id(SE(a[1])->session, &l2);
    same = l1 == l2 && std::memcmp(i1, i2, l1) == 0;
  }
  return Bool(eq ? same : !same);
}
static Result<Value> sess_eq(Value* a, int64_t n, Tuple* kw) { return sess_richcompare(a, n, kw, true); }
static Result<Value> sess_ne(Value* a, int64_t n, Tuple* kw) { return sess_richcompare(a, n, kw, false); }

// ---- _SSLSocket -------------------------------------------------------------------------------
static void sock_finalizer(void* obj, void*) {
  SockObj* s = static_cast<SockObj*>(obj);
  if (s->ssl) SSL_free(s->ssl);
  s->ssl = nullptr;
}

static bool is_ip_literal(const std::string& h) {
  unsigned char buf[16];
  return inet_pton(AF_INET, h.c_str(), buf) == 1 || inet_pton(AF_INET6, h.c_str(), buf) == 1;
}

Result<Value> wrap(CtxObj* c, Value sock, bool server_side, Value hostname, Value inbio, Value outbio, Value owner,
                   Value session) {
  if (server_side && c->protocol == 16)
    return raise_ssl(tp_SSLError, 0, "Cannot create a server socket with a PROTOCOL_TLS_CLIENT context", 0,
                     __LINE__, nullptr);
  if (!server_side && c->protocol == 17)
    return raise_ssl(tp_SSLError, 0, "Cannot create a client socket with a PROTOCOL_TLS_SERVER context", 0,
                     __LINE__, nullptr);
  std::string host;
  if (!is_none(hostname)) {
    if (server_side) return raise(tp_ValueError, "server_hostname can only be specified in client mode");
    if (is_str(hostname)) {
      if (as_str(hostname)->view().find('\0') != std::string_view::npos)
        return raise(tp_TypeError, "embedded null character");
      Value enc = TRY(call_method1(hostname, str_intern("encode"), str_value("idna")));
      std::string_view s;
      buffer_view_opt(enc, &s);
      host = std::string(s);
      hostname = TRY(call_method1(enc, str_intern("decode"), str_value("ascii")));
    } else if (is_bytes(hostname) || has_layout(hostname, Layout::ByteArray)) {
      std::string_view s;
      buffer_view_opt(hostname, &s);
      host = std::string(s);
      hostname = str_value(host);
    } else {
      return raise_fmt(tp_TypeError, "server_hostname must be str or bytes, not %s", hostname.type()->name->data);
    }
    if (host.find('\0') != std::string::npos) return raise(tp_TypeError, "embedded null character");
    if (host.empty() || host[0] == '.')
      return raise(tp_ValueError, "server_hostname cannot be an empty string or start with a leading dot.");
  }
  SockObj* s = static_cast<SockObj*>(alloc_instance(tp_Socket, sizeof(SockObj)));
  s->ssl = SSL_new(c->ctx);
  if (!s->ssl) return raise_last_ssl(__LINE__);
  GC_register_finalizer_no_order(s, sock_finalizer, nullptr, nullptr, nullptr);
  s->ctx = Value(c);
  s->sock = sock;
  s->inbio = inbio;
  s->outbio = outbio;
  s->owner = owner;
  s->server_hostname = is_none(hostname) ? None() : hostname;
  s->server_side = server_side;
  SSL_set_ex_data(s->ssl, ssl_index(), s);
  SSL_clear_mode(s->ssl, SSL_MODE_AUTO_RETRY);
  SSL_set_mode(s->ssl, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY);
  if (c->post_handshake_auth && !server_side) {
    int mode = SSL_get_verify_mode(s->ssl);
    if (mode & SSL_VERIFY_PEER) {
      SSL_set_verify(s->ssl, mode | SSL_VERIFY_POST_HANDSHAKE, SSL_get_verify_callback(s->ssl));
    }
    SSL_set_post_handshake_auth(s->ssl, 1);
  }
  if (sock) {
    SSL_set_fd(s->ssl, sock.as<sock::SockObj>()->fd);
  } else {
    BIO* in = B(inbio)->bio;
    BIO* out = B(outbio)->bio;
    BIO_up_ref(in);
    BIO_up_ref(out);
    SSL_set_bio(s->ssl, in, out);
  }
  if (!host.empty()) {
    bool ip = is_ip_literal(host);
    if (!ip && !SSL_set_tlsext_host_name(s->ssl, host.c_str())) return raise_last_ssl(__LINE__);
    if (c->check_hostname) {
      X509_VERIFY_PARAM* param = SSL_get0_param(s->ssl);
      int ok = ip ? X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str())
                  : X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size());
      if (!ok) return raise_last_ssl(__LINE__);
    }
  }
  if (server_side)
    SSL_set_accept_state(s->ssl);
  else
    SSL_set_connect_state(s->ssl);
  if (!is_none(session)) {
    if (!session.is_obj() || session.type() != tp_Session) return raise(tp_TypeError, "Value is not a SSLSession.");
    if (!SSL_set_session(s->ssl, SE(session)->session)) return raise_last_ssl(__LINE__);
  }
  return Value(s);
}

static double now_mono() {
  struct timespec t;
  ::clock_gettime(CLOCK_MONOTONIC, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

enum class Op { Handshake, Read, Write, Shutdown };

// Runs `fn` (an SSL call returning its result; err gets SSL_get_error) until it
// completes, waiting on the socket as its timeout says. ERR with the exception
// set on failure. `done(ret)` decides success.
struct CallResult {
  int ret;
  int err;
  int saved_errno;
  unsigned long errcode;
};

static Err timeout_error(Op op) {
  const char* what = op == Op::Read ? "The read operation timed out"
                     : op == Op::Write ? "The write operation timed out"
                     : op == Op::Handshake ? "The handshake operation timed out"
                                           : "The read operation timed out";
  return raise(tp_TimeoutError, what);
}

template <class F>
static Result<CallResult> ssl_call(SockObj* s, Op op, F fn) {
  double timeout = -1;
  int fd = -1;
  if (s->sock) {
    sock::SockObj* so = s->sock.as<sock::SockObj>();
    if (so->fd < 0) return raise_ssl(tp_SSLError, 0, "Underlying socket has been closed.", 0, __LINE__, nullptr);
    timeout = so->timeout;
    fd = so->fd;
    SSL_set_fd(s->ssl, fd);  // the socket's descriptor may have changed (dup2)
  }
  double deadline = timeout > 0 ? now_mono() + timeout : -1;
  for (;;) {
    CallResult r;
    auto run = [&] {
      ERR_clear_error();
      errno = 0;
      r.ret = fn();
      r.saved_errno = errno;
      r.err = SSL_get_error(s->ssl, r.ret);
      r.errcode = ERR_peek_last_error();
    };
    if (fd >= 0) {
      gil::ReleaseGil g(gil::Block::Socket);
      run();
    } else {
      run();
    }
    if (s->pending_exc) {
      Value e = s->pending_exc;
      s->pending_exc = Value();
      return raise_value(e);
    }
    if (r.err == SSL_ERROR_NONE) return r;
    if (fd < 0 || (r.err != SSL_ERROR_WANT_READ && r.err != SSL_ERROR_WANT_WRITE)) return r;
    if (r.err == SSL_ERROR_SYSCALL && r.saved_errno == EINTR) {
      TRY(sock::after_eintr());
      continue;
    }
    if (timeout == 0) return r;  // non-blocking: the caller raises SSLWant*Error
    // Blocking or timed: wait for the descriptor.
    struct pollfd p = {fd, short(r.err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
    for (;;) {
      int ms = -1;
      if (deadline >= 0) {
        double left = (deadline - now_mono()) * 1000.0;
        ms = left <= 0 ? 0 : left >= double(INT_MAX) ? INT_MAX : int(std::ceil(left));
      }
      int pr = gil::blocking(gil::Block::Socket, [&] { return ::poll(&p, 1, ms); });
      if (pr > 0) break;
      if (pr == 0) return timeout_error(op);
      if (errno != EINTR) return raise_errno(errno);
      TRY(sock::after_eintr());
    }
  }
}

static Status check_ssl(SockObj* s, const CallResult& r, int line) {
  if (r.err == SSL_ERROR_NONE) return OK();
  return raise_for_ssl_call(s, r.ret, r.err, r.saved_errno, r.errcode, line);
}

static Result<Value> s_do_handshake(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("do_handshake", kw));
  TRY(check_nargs("do_handshake", n - 1, 0, 0));
  SockObj* s = S(a[0]);
  CallResult r = TRY(ssl_call(s, Op::Handshake, [&] { return SSL_do_handshake(s->ssl); }));
  TRY(check_ssl(s, r, __LINE__));
  s->handshake_done = true;
  return None();
}

static Result<Value> s_read(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("read", kw));
  TRY(check_nargs("read", n - 1, 1, 2));
  SockObj* s = S(a[0]);
  int64_t len = TRY(as_index(a[1]));
  Value buffer = n > 2 ? a[2] : Value();
  char* dst = nullptr;
  int64_t cap = 0;
  if (buffer) {
    if (!writable_buffer(buffer, &dst, &cap))
      return raise_fmt(tp_TypeError, "read() argument 2 must be read-write bytes-like object, not %s",
                       buffer.type()->name->data);
    if (len <= 0 || len > cap) len = cap;
  } else if (len < 0) {
    return raise(tp_ValueError, "size should not be negative");
  }
  if (len == 0) return buffer ? Value::small(0) : bytes_from("");
  if (len > INT_MAX) len = INT_MAX;
  std::string tmp(size_t(len), '\0');
  size_t got = 0;
  CallResult r = TRY(ssl_call(s, Op::Read, [&] { return SSL_read_ex(s->ssl, tmp.data(), size_t(len), &got) ? 1 : 0; }));
  if (r.err == SSL_ERROR_ZERO_RETURN && SSL_get_shutdown(s->ssl) == SSL_RECEIVED_SHUTDOWN) {
    got = 0;
  } else {
    TRY(check_ssl(s, r, __LINE__));
  }
  if (buffer) {
    if (!writable_buffer(buffer, &dst, &cap) || int64_t(got) > cap) return raise(tp_ValueError, "buffer too small");
    std::memcpy(dst, tmp.data(), got);
    return int_from_i64(int64_t(got));
  }
  tmp.resize(got);
  return bytes_from(tmp);
}

static Result<Value> s_write(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("write", kw));
  TRY(check_nargs("write", n - 1, 1, 1));
  SockObj* s = S(a[0]);
  std::string_view v;
  if (is_str(a[1]) || !buffer_view_opt(a[1], &v))
    return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", a[1].type()->name->data);
  if (v.size() > INT_MAX) return raise_fmt(tp_OverflowError, "string longer than %d bytes", INT_MAX);
  std::string data(v);
  size_t written = 0;
  CallResult r =
      TRY(ssl_call(s, Op::Write, [&] { return SSL_write_ex(s->ssl, data.data(), data.size(), &written) ? 1 : 0; }));
  TRY(check_ssl(s, r, __LINE__));
  return int_from_i64(int64_t(written));
}

static Result<Value> s_pending(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("pending", kw));
  TRY(check_nargs("pending", n - 1, 0, 0));
  return Value::small(SSL_pending(S(a[0])->ssl));
}

static Result<Value> s_shutdown(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("shutdown", kw));
  TRY(check_nargs("shutdown", n - 1, 0, 0));
  SockObj* s = S(a[0]);
  if (s->sock && s->sock.as<sock::SockObj>()->fd < 0)
    return raise_ssl(tp_SSLError, 0, "Underlying socket has been closed.", 0, __LINE__, nullptr);
  SSL_set_read_ahead(s->ssl, 0);
  int zeros = 0;
  for (;;) {
    CallResult r = TRY(ssl_call(s, Op::Shutdown, [&] { return SSL_shutdown(s->ssl); }));
    if (r.ret > 0) break;
    if (r.ret == 0) {
      if (++zeros > 1) break;
      continue;
    }
    return raise_for_ssl_call(s, r.ret, r.err, r.saved_errno, r.errcode, __LINE__);
  }
  if (s->sock) return s->sock;
  return None();
}

static Result<Value> s_getpeercert(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("getpeercert", a + 1, n - 1, kw, {"der"}, 0, out, 1));
  SockObj* s = S(a[0]);
  bool binary = out[0] ? TRY(truthy(out[0])) : false;
  if (!SSL_is_init_finished(s->ssl)) return raise(tp_ValueError, "handshake not done yet");
  X509* cert = SSL_get1_peer_certificate(s->ssl);
  if (!cert) return None();
  Result<Value> r = binary ? cert_der(cert)
                   : (SSL_get_verify_mode(s->ssl) & SSL_VERIFY_PEER) == 0 ? Result<Value>(Value(dict_new()))
                                                                          : decode_cert(cert);
  X509_free(cert);
  return r;
}

// ---- Certificate (the items of get_verified_chain / get_unverified_chain) ----------------------
struct CertObj : Object {
  X509* cert;
};
static Type* tp_Certificate;
static CertObj* CE(Value v) { return v.as<CertObj>(); }
static void cert_finalizer(void* obj, void*) {
  CertObj* c = static_cast<CertObj*>(obj);
  if (c->cert) X509_free(c->cert);
  c->cert = nullptr;
}
static Value cert_wrap(X509* x) {
  CertObj* c = static_cast<CertObj*>(alloc_instance(tp_Certificate, sizeof(CertObj)));
  X509_up_ref(x);
  c->cert = x;
  GC_register_finalizer_no_order(c, cert_finalizer, nullptr, nullptr, nullptr);
  return Value(c);
}
static Result<Value> cert_get_info(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("get_info", kw));
  TRY(check_nargs("get_info", n - 1, 0, 0));
  return decode_cert(CE(a[0])->cert);
}
static Result<Value> cert_public_bytes(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("public_bytes", a + 1, n - 1, kw, {"format"}, 0, out));
  int fmt = out[0] ? TRY(as_c_int(out[0])) : 1;
  if (fmt == 2) return cert_der(CE(a[0])->cert);
  if (fmt != 1) return raise(tp_ValueError, "Unsupported format");
  BIO* b = BIO_new(BIO_s_mem());
  if (!PEM_write_bio_X509(b, CE(a[0])->cert)) {
    BIO_free(b);
    return raise_last_ssl(__LINE__);
  }
  char* data = nullptr;
  long len = BIO_get_mem_data(b, &data);
  Value v = str_value(std::string_view(data, size_t(len)));
  BIO_free(b);
  return v;
}
static Result<Value> cert_cmp(Value* a, int64_t n, bool eq) {
  if (n < 2 || !a[1].is_obj() || a[1].type() != tp_Certificate) return Value(g_NotImplemented);
  bool same = X509_cmp(CE(a[0])->cert, CE(a[1])->cert) == 0;
  return Bool(eq ? same : !same);
}
static Result<Value> cert_eq(Value* a, int64_t n, Tuple*) { return cert_cmp(a, n, true); }
static Result<Value> cert_ne(Value* a, int64_t n, Tuple*) { return cert_cmp(a, n, false); }
static Result<Value> cert_hash(Value* a, int64_t, Tuple*) {
  unsigned long h = X509_subject_name_hash(CE(a[0])->cert);
  return int_from_i64(int64_t(h & 0x7fffffffffffffffULL));
}
static Result<Value> cert_repr(Value* a, int64_t, Tuple*) {
  BIO* b = BIO_new(BIO_s_mem());
  X509_NAME_print_ex(b, X509_get_subject_name(CE(a[0])->cert), 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  long len = BIO_get_mem_data(b, &data);
  std::string s = "<Certificate '" + std::string(data, size_t(len)) + "'>";
  BIO_free(b);
  return str_value(s);
}

static Result<Value> chain_list(STACK_OF(X509) * chain) {
  if (!chain) return None();
  List* l = list_new(0);
  for (int i = 0; i < sk_X509_num(chain); i++) (void)list_append(l, cert_wrap(sk_X509_value(chain, i)));
  return Value(l);
}
static Result<Value> s_get_verified_chain(Value* a, int64_t, Tuple*) {
  return chain_list(SSL_get0_verified_chain(S(a[0])->ssl));
}
static Result<Value> s_get_unverified_chain(Value* a, int64_t, Tuple*) {
  return chain_list(SSL_get_peer_cert_chain(S(a[0])->ssl));
}

static Value cipher_tuple(const SSL_CIPHER* c) {
  const char* name = SSL_CIPHER_get_name(c);
  const char* ver = SSL_CIPHER_get_version(c);
  return Value(tuple_of({name ? str_value(name) : None(), ver ? str_value(ver) : None(),
                         Value::small(SSL_CIPHER_get_bits(c, nullptr))}));
}

static Result<Value> s_cipher(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("cipher", kw));
  TRY(check_nargs("cipher", n - 1, 0, 0));
  const SSL_CIPHER* c = SSL_get_current_cipher(S(a[0])->ssl);
  if (!c) return None();
  return cipher_tuple(c);
}

static Result<Value> s_shared_ciphers(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("shared_ciphers", kw));
  TRY(check_nargs("shared_ciphers", n - 1, 0, 0));
  SSL* ssl = S(a[0])->ssl;
  STACK_OF(SSL_CIPHER)* server = SSL_get_ciphers(ssl);
  STACK_OF(SSL_CIPHER)* client = SSL_get_client_ciphers(ssl);
  if (!server || !client) return None();
  List* l = list_new(0);
  for (int i = 0; i < sk_SSL_CIPHER_num(client); i++) {
    const SSL_CIPHER* c = sk_SSL_CIPHER_value(client, i);
    if (sk_SSL_CIPHER_find(server, c) < 0) continue;
    (void)list_append(l, cipher_tuple(c));
  }
  return Value(l);
}

static Result<Value> s_version(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("version", kw));
  TRY(check_nargs("version", n - 1, 0, 0));
  SSL* ssl = S(a[0])->ssl;
  if (!SSL_is_init_finished(ssl)) return None();
  const char* v = SSL_get_version(ssl);
  if (!v || std::strcmp(v, "unknown") == 0) return None();
  return str_value(v);
}

static Result<Value> s_selected_alpn(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("selected_alpn_protocol", kw));
  TRY(check_nargs("selected_alpn_protocol", n - 1, 0, 0));
  const unsigned char* out = nullptr;
  unsigned len = 0;
  SSL_get0_alpn_selected(S(a[0])->ssl, &out, &len);
  if (!out) return None();
  return str_value(std::string_view(reinterpret_cast<const char*>(out), len));
}

static Result<Value> s_compression(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("compression", kw));
  TRY(check_nargs("compression", n - 1, 0, 0));
  return None();
}

static Result<Value> s_channel_binding(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("get_channel_binding", a + 1, n - 1, kw, {"cb_type"}, 0, out));
  std::string type = "tls-unique";
  if (out[0]) {
    if (!is_str(out[0]))
      return raise_fmt(tp_TypeError, "get_channel_binding() argument 'cb_type' must be str, not %s",
                       out[0].type()->name->data);
    type = std::string(as_str(out[0])->view());
  }
  if (type != "tls-unique") return raise_fmt(tp_ValueError, "'%s' channel binding type not implemented", type.c_str());
  SockObj* s = S(a[0]);
  char buf[256];
  size_t len;
  if (bool(SSL_session_reused(s->ssl)) ^ !s->server_side)
    len = SSL_get_finished(s->ssl, buf, sizeof buf);
  else
    len = SSL_get_peer_finished(s->ssl, buf, sizeof buf);
  if (len == 0) return None();
  return bytes_from(std::string_view(buf, len));
}

static Result<Value> s_verify_client_pha(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("verify_client_post_handshake", kw));
  TRY(check_nargs("verify_client_post_handshake", n - 1, 0, 0));
  if (!SSL_verify_client_post_handshake(S(a[0])->ssl)) return raise_last_ssl(__LINE__);
  return None();
}

static Result<Value> s_g_context(Value self) { return S(self)->ctx; }
static Status s_s_context(Value self, Value v) {
  if (!v || !v.is_obj() || !is_subtype(v.type(), tp_Context))
    return raise(tp_TypeError, "The value must be a SSLContext");
  SockObj* s = S(self);
  s->ctx = v;
  SSL_set_SSL_CTX(s->ssl, v.as<CtxObj>()->ctx);
  return OK();
}
static Result<Value> s_g_server_side(Value self) { return Bool(S(self)->server_side); }
static Result<Value> s_g_server_hostname(Value self) {
  Value v = S(self)->server_hostname;
  return v ? v : None();
}
static Result<Value> s_g_owner(Value self) {
  Value v = S(self)->owner;
  return v ? v : None();
}
static Status s_s_owner(Value self, Value v) {
  S(self)->owner = v ? v : None();
  return OK();
}
static Result<Value> s_g_session(Value self) {
  SockObj* s = S(self);
  SSL_SESSION* sess = SSL_get1_session(s->ssl);
  if (!sess) return None();
  SessionObj* o = static_cast<SessionObj*>(alloc_instance(tp_Session, sizeof(SessionObj)));
  o->session = sess;
  o->ctx = s->ctx;
  GC_register_finalizer_no_order(o, session_finalizer, nullptr, nullptr, nullptr);
  return Value(o);
}
static Status s_s_session(Value self, Value v) {
  SockObj* s = S(self);
  if (!v || !v.is_obj() || v.type() != tp_Session) return raise(tp_TypeError, "Value is not a SSLSession.");
  if (SE(v)->ctx.as<Object>() != s->ctx.as<Object>())
    return raise(tp_ValueError, "Session refers to a different SSLContext.");
  if (s->server_side) return raise(tp_ValueError, "Cannot set session for server-side SSLSocket.");
  if (SSL_is_init_finished(s->ssl)) return raise(tp_ValueError, "Cannot set session after handshake.");
  if (!SSL_set_session(s->ssl, SE(v)->session)) return raise_last_ssl(__LINE__);
  return OK();
}
static Result<Value> s_g_session_reused(Value self) { return Bool(SSL_session_reused(S(self)->ssl)); }

static Result<Value> no_new(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot create '_ssl.%s' instances", as_type(a[0])->name->data);
}

void init_socket_types(Module* m) {
  if (!tp_Socket) {
    static const MethodDef sock_methods[] = {
        {"__new__", no_new, MethKind::Static},
        {"do_handshake", s_do_handshake},
        {"read", s_read},
        {"write", s_write},
        {"pending", s_pending},
        {"shutdown", s_shutdown},
        {"getpeercert", s_getpeercert},
        {"get_verified_chain", s_get_verified_chain},
        {"get_unverified_chain", s_get_unverified_chain},
        {"cipher", s_cipher},
        {"shared_ciphers", s_shared_ciphers},
        {"version", s_version},
        {"selected_alpn_protocol", s_selected_alpn},
        {"compression", s_compression},
        {"get_channel_binding", s_channel_binding},
        {"verify_client_post_handshake", s_verify_client_pha},
        {nullptr, nullptr}};
    static const GetSetDef sock_getsets[] = {{"context", s_g_context, s_s_context},
                                             {"server_side", s_g_server_side},
                                             {"server_hostname", s_g_server_hostname},
                                             {"owner", s_g_owner, s_s_owner},
                                             {"session", s_g_session, s_s_session},
                                             {"session_reused", s_g_session_reused},
                                             {nullptr, nullptr}};
    tp_Socket = native_type_new("_ssl", "_SSLSocket", tp_object, Layout::Other, sizeof(SockObj), sock_methods,
                                sock_getsets, 0);
    static const MethodDef bio_methods[] = {{"__new__", bio_new, MethKind::Static},
                                            {"read", bio_read},
                                            {"write", bio_write},
                                            {"write_eof", bio_write_eof},
                                            {nullptr, nullptr}};
    static const GetSetDef bio_getsets[] = {{"pending", bio_g_pending}, {"eof", bio_g_eof}, {nullptr, nullptr}};
    tp_MemoryBIO = native_type_new("_ssl", "MemoryBIO", tp_object, Layout::Other, sizeof(BioObj), bio_methods,
                                   bio_getsets, 0);
    static const MethodDef sess_methods[] = {{"__new__", sess_no_new, MethKind::Static},
                                             {"__eq__", sess_eq},
                                             {"__ne__", sess_ne},
                                             {nullptr, nullptr}};
    static const GetSetDef sess_getsets[] = {{"time", sess_g_time},
                                             {"timeout", sess_g_timeout},
                                             {"ticket_lifetime_hint", sess_g_hint},
                                             {"id", sess_g_id},
                                             {"has_ticket", sess_g_has_ticket},
                                             {nullptr, nullptr}};
    tp_Session = native_type_new("_ssl", "SSLSession", tp_object, Layout::Other, sizeof(SessionObj), sess_methods,
                                 sess_getsets, 0);
    type_set_attr_const(tp_Session, "__hash__", None());
  }
  if (!tp_Certificate) {
    static const MethodDef cert_methods[] = {{"__new__", no_new, MethKind::Static},
                                             {"get_info", cert_get_info},
                                             {"public_bytes", cert_public_bytes},
                                             {"__eq__", cert_eq},
                                             {"__ne__", cert_ne},
                                             {"__hash__", cert_hash},
                                             {"__repr__", cert_repr},
                                             {nullptr, nullptr}};
    tp_Certificate = native_type_new("_ssl", "Certificate", tp_object, Layout::Other, sizeof(CertObj), cert_methods,
                                     nullptr, 0);
  }
  dict_set_str(m->dict, str_intern("Certificate"), Value(tp_Certificate));
  dict_set_str(m->dict, str_intern("_SSLSocket"), Value(tp_Socket));
  dict_set_str(m->dict, str_intern("MemoryBIO"), Value(tp_MemoryBIO));
  dict_set_str(m->dict, str_intern("SSLSession"), Value(tp_Session));
}

}  // namespace gilpy::ssl
