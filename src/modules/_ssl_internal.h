// Shared between the halves of the _ssl module:
//   _ssl.cpp         module assembly, constants, errors, certificate decoding, _SSLContext
//   _ssl_socket.cpp  _SSLSocket (the TLS connection), MemoryBIO, SSLSession
#pragma once
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <string>

#include "objects/type.h"
#include "runtime/object.h"

namespace gilpy {
struct Module;
}

namespace gilpy::ssl {

// A _SSLContext. Subclassable (ssl.SSLContext): __dict__ at offset 8.
struct CtxObj : Object {
  Dict* dict;
  SSL_CTX* ctx;
  int protocol;
  bool check_hostname;
  bool post_handshake_auth;
  unsigned host_flags;
  Value sni_callback;   // null or callable
  Value msg_callback;   // stored only
  Value keylog_filename;
  FILE* keylog;         // append-mode file, or null
  std::string alpn;     // wire format, for servers
};

// A _SSLSocket: one TLS connection over a socket or a pair of MemoryBIOs.
struct SockObj : Object {
  SSL* ssl;
  Value ctx;             // the CtxObj (it may change in an SNI callback)
  Value sock;            // the _socket.socket, or null for BIOs
  Value inbio, outbio;   // MemoryBIO objects, or null
  Value owner;           // ssl.SSLSocket / ssl.SSLObject, or None
  Value server_hostname; // str or None
  bool server_side;
  bool handshake_done;
  Value pending_exc;     // an exception raised in a callback during a call
};

struct BioObj : Object {
  BIO* bio;
  bool eof_written;
};

struct SessionObj : Object {
  SSL_SESSION* session;
  Value ctx;
};

extern Type* tp_Context;
extern Type* tp_Socket;
extern Type* tp_MemoryBIO;
extern Type* tp_Session;
extern Type* tp_SSLError;
extern Type* tp_SSLZeroReturnError;
extern Type* tp_SSLWantReadError;
extern Type* tp_SSLWantWriteError;
extern Type* tp_SSLSyscallError;
extern Type* tp_SSLEOFError;
extern Type* tp_SSLCertVerificationError;

// SSLError (or `type`) "[LIB: REASON] errstr (_ssl.cpp:line)" for OpenSSL's packed
// error code; errstr null: the reason's text. `sock` (may be null) adds the
// verification result for certificate errors.
Err raise_ssl(Type* type, long ssl_errno, const char* errstr, unsigned long errcode, int line, SockObj* sock);
// SSLError from OpenSSL's last error (the queue is cleared).
Err raise_last_ssl(int line);
// The error of an SSL call that returned `ret` with SSL_get_error() `err`.
Err raise_for_ssl_call(SockObj* s, int ret, int err, int saved_errno, unsigned long errcode, int line);

// CPython's dict form of a certificate.
Result<Value> decode_cert(X509* cert);
Result<Value> cert_der(X509* cert);
// The socket half's types, methods; _wrap_socket/_wrap_bio create sockets.
Result<Value> wrap(CtxObj* c, Value sock, bool server_side, Value hostname, Value inbio, Value outbio, Value owner,
                   Value session);
void init_socket_types(Module* m);
int ctx_index();  // SSL_CTX ex_data slot holding the CtxObj
int ssl_index();  // SSL ex_data slot holding the SockObj

}  // namespace gilpy::ssl
