// _ssl: the C half of CPython's ssl module, on Debian's OpenSSL 3 (libssl-dev).
// This file: the module (constants, exception hierarchy, RAND_*, txt2obj,
// nid2obj, get_default_verify_paths, _test_decode_cert), OpenSSL's errors as
// SSLError, CPython's dict form of certificates, and _SSLContext.
// _ssl_socket.cpp has the connection (_SSLSocket), MemoryBIO and SSLSession.
//
// OpenSSL's objects are malloc'ed; each Python object owning one frees it in a
// collector finalizer (OpenSSL counts references among its own objects, so the
// finalizers need no order). OpenSSL never holds the only reference to a Python
// object: callbacks find theirs through ex_data slots, and the Python objects
// they point to are kept alive by the objects that own the OpenSSL ones.
#include <gc/gc.h>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/conf.h>
#include <openssl/dh.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

#include "modules/_ssl_errors.h"
#include "modules/_ssl_internal.h"
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
#include "runtime/finalizers.h"
#include "runtime/gil.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/thread_state.h"
#include "modules/_socket_internal.h"
#include "runtime/protocols.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"  // DH params, as CPython 3.11

namespace gilpy::ssl {

Type* tp_Context;
Type* tp_SSLError;
Type* tp_SSLZeroReturnError;
Type* tp_SSLWantReadError;
Type* tp_SSLWantWriteError;
Type* tp_SSLSyscallError;
Type* tp_SSLEOFError;
Type* tp_SSLCertVerificationError;

static Dict* g_lib_names;  // lib code -> name
static Dict* g_err_names;  // (lib, reason) -> name

enum PyProto { kProtoSSLv23 = 2, kProtoTLSv1 = 3, kProtoTLSv1_1 = 4, kProtoTLSv1_2 = 5, kProtoClient = 16, kProtoServer = 17 };
constexpr int kProtoMin = -2, kProtoMax = -1;
constexpr const char* kDefaultCiphers =
    "@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM";

int ctx_index() {
  static int i = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return i;
}
int ssl_index() {
  static int i = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return i;
}

// ---- errors ----------------------------------------------------------------------------------
Err raise_ssl(Type* type, long ssl_errno, const char* errstr, unsigned long errcode, int line, SockObj* sock) {
  Value lib, reason;
  if (errcode) {
    int l = ERR_GET_LIB(errcode), r = ERR_GET_REASON(errcode);
    Value key = Value(tuple_of({Value::small(l), Value::small(r)}));
    Value v;
    if (dict_get2(g_err_names, key, &v).is_err() == false && v) reason = v;
    exc_clear();
    if (dict_get2(g_lib_names, Value::small(l), &v).is_err() == false && v) lib = v;
    exc_clear();
    if (!errstr) errstr = ERR_reason_error_string(errcode);
  }
  if (!errstr) errstr = "unknown error";
  std::string verify_msg;
  long verify_code = 0;
  bool verify = type == tp_SSLCertVerificationError && sock && sock->ssl;
  if (verify) {
    verify_code = SSL_get_verify_result(sock->ssl);
    std::string host = sock->server_hostname && is_str(sock->server_hostname)
                           ? std::string(as_str(sock->server_hostname)->view())
                           : std::string("None");
    if (verify_code == X509_V_ERR_HOSTNAME_MISMATCH)
      verify_msg = "Hostname mismatch, certificate is not valid for '" + host + "'.";
    else if (verify_code == X509_V_ERR_IP_ADDRESS_MISMATCH)
      verify_msg = "IP address mismatch, certificate is not valid for '" + host + "'.";
    else
      verify_msg = X509_verify_cert_error_string(verify_code);
  }
  std::string msg;
  auto sv = [](Value v) { return std::string(as_str(v)->view()); };
  std::string where = " (_ssl.cpp:" + std::to_string(line) + ")";
  if (verify && reason && lib)
    msg = "[" + sv(lib) + ": " + sv(reason) + "] " + errstr + ": " + verify_msg + where;
  else if (reason && lib)
    msg = "[" + sv(lib) + ": " + sv(reason) + "] " + errstr + where;
  else if (lib)
    msg = "[" + sv(lib) + "] " + errstr + where;
  else
    msg = std::string(errstr) + where;
  Result<Value> exc = call2(Value(type), int_from_i64(ssl_errno), str_value(msg));
  if (!exc.is_err() == false) return ERR;
  Value e = exc.value();
  if (!setattr(e, str_intern("reason"), reason ? reason : None()).is_err() == false) return ERR;
  if (!setattr(e, str_intern("library"), lib ? lib : None()).is_err() == false) return ERR;
  if (verify) {
    if (!setattr(e, str_intern("verify_code"), int_from_i64(verify_code)).is_err() == false) return ERR;
    if (!setattr(e, str_intern("verify_message"), str_value(verify_msg)).is_err() == false) return ERR;
  }
  return raise_value(e);
}

Err raise_last_ssl(int line) {
  unsigned long e = ERR_peek_last_error();
  ERR_clear_error();
  return raise_ssl(tp_SSLError, long(e), nullptr, e, line, nullptr);
}

// A message of our own as SSLError (errno 0, no library).
static Err raise_ssl_msg(const char* msg, int) {
  ERR_clear_error();
  return raise(tp_SSLError, msg);
}

Err raise_for_ssl_call(SockObj* s, int ret, int err, int saved_errno, unsigned long e, int line) {
  Type* type = tp_SSLError;
  const char* errstr = nullptr;
  long p = err;
  switch (err) {
    case SSL_ERROR_ZERO_RETURN:
      type = tp_SSLZeroReturnError;
      errstr = "TLS/SSL connection has been closed (EOF)";
      p = 6;
      break;
    case SSL_ERROR_WANT_READ:
      type = tp_SSLWantReadError;
      errstr = "The operation did not complete (read)";
      p = 2;
      break;
    case SSL_ERROR_WANT_WRITE:
      type = tp_SSLWantWriteError;
      errstr = "The operation did not complete (write)";
      p = 3;
      break;
    case SSL_ERROR_WANT_X509_LOOKUP:
      errstr = "The operation did not complete (X509 lookup)";
      p = 4;
      break;
    case SSL_ERROR_WANT_CONNECT:
      errstr = "The operation did not complete (connect)";
      p = 7;
      break;
    case SSL_ERROR_SYSCALL:
      if (e == 0) {
        if (ret == 0 || (s && s->sock && false)) {
          p = 8;
          type = tp_SSLEOFError;
          errstr = "EOF occurred in violation of protocol";
        } else if (ret == -1 && saved_errno != 0) {
          ERR_clear_error();
          return raise_errno(saved_errno);
        } else {
          p = 8;
          type = tp_SSLEOFError;
          errstr = "EOF occurred in violation of protocol";
        }
      } else {
        p = 5;
        type = tp_SSLSyscallError;
        errstr = "Some I/O error occurred";
      }
      break;
    case SSL_ERROR_SSL:
      p = 1;
      if (e == 0) errstr = "A failure in the SSL library occurred";
      if (ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_CERTIFICATE_VERIFY_FAILED)
        type = tp_SSLCertVerificationError;
      if (ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
        p = 8;
        type = tp_SSLEOFError;
        errstr = "EOF occurred in violation of protocol";
      }
      break;
    default:
      p = 10;
      errstr = "Invalid error code";
  }
  ERR_clear_error();
  return raise_ssl(type, p, errstr, e, line, s);
}

// ---- helpers ----------------------------------------------------------------------------------
static std::string bio_text(BIO* b) {
  char* data = nullptr;
  long n = BIO_get_mem_data(b, &data);
  return std::string(data ? data : "", n > 0 ? size_t(n) : 0);
}

static Value asn1_str_value(const ASN1_STRING* s) {
  unsigned char* out = nullptr;
  int n = ASN1_STRING_to_UTF8(&out, s);
  if (n < 0) {
    ERR_clear_error();
    return str_value(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                                      size_t(ASN1_STRING_length(s))));
  }
  Value v = str_value(std::string_view(reinterpret_cast<char*>(out), size_t(n)));
  OPENSSL_free(out);
  return v;
}

static std::string obj_txt(const ASN1_OBJECT* o, bool no_name) {
  char buf[256];
  int n = OBJ_obj2txt(buf, sizeof buf, o, no_name ? 1 : 0);
  if (n < 0) return "";
  if (n >= int(sizeof buf)) {
    std::string big(size_t(n) + 1, '\0');
    OBJ_obj2txt(big.data(), n + 1, o, no_name ? 1 : 0);
    big.resize(size_t(n));
    return big;
  }
  return std::string(buf, size_t(n));
}

// An X509_NAME as a tuple of RDNs, each a tuple of (name, value) pairs.
static Value name_tuple(const X509_NAME* name) {
  List* rdns = list_new(0);
  List* cur = nullptr;
  int last_set = -1;
  int n = X509_NAME_entry_count(name);
  for (int i = 0; i < n; i++) {
    const X509_NAME_ENTRY* e = X509_NAME_get_entry(name, i);
    int set = X509_NAME_ENTRY_set(e);
    if (set != last_set && cur) {
      Tuple* t = tuple_new(cur->size);
      for (int64_t k = 0; k < cur->size; k++) t->items[k] = cur->items[k];
      (void)list_append(rdns, Value(t));
      cur = nullptr;
    }
    last_set = set;
    if (!cur) cur = list_new(0);
    Value attr = Value(tuple_of({str_value(obj_txt(X509_NAME_ENTRY_get_object(e), false)),
                                 asn1_str_value(X509_NAME_ENTRY_get_data(e))}));
    (void)list_append(cur, attr);
  }
  if (cur) {
    Tuple* t = tuple_new(cur->size);
    for (int64_t k = 0; k < cur->size; k++) t->items[k] = cur->items[k];
    (void)list_append(rdns, Value(t));
  }
  Tuple* out = tuple_new(rdns->size);
  for (int64_t k = 0; k < rdns->size; k++) out->items[k] = rdns->items[k];
  return Value(out);
}

static Value list_to_tuple(List* l) {
  Tuple* t = tuple_new(l->size);
  for (int64_t k = 0; k < l->size; k++) t->items[k] = l->items[k];
  return Value(t);
}

static Value general_name(const GENERAL_NAME* g) {
  auto pair = [](const char* k, Value v) { return Value(tuple_of({str_value(k), v})); };
  auto raw = [](const ASN1_STRING* s) {
    return str_value(
        std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), size_t(ASN1_STRING_length(s))));
  };
  switch (g->type) {
    case GEN_DNS:
      return pair("DNS", raw(g->d.dNSName));
    case GEN_EMAIL:
      return pair("email", raw(g->d.rfc822Name));
    case GEN_URI:
      return pair("URI", raw(g->d.uniformResourceIdentifier));
    case GEN_DIRNAME:
      return pair("DirName", name_tuple(g->d.directoryName));
    case GEN_RID:
      return pair("Registered ID", str_value(obj_txt(g->d.registeredID, false)));
    case GEN_IPADD: {
      const unsigned char* p = ASN1_STRING_get0_data(g->d.iPAddress);
      int n = ASN1_STRING_length(g->d.iPAddress);
      char buf[64];
      if (n == 4) {
        std::snprintf(buf, sizeof buf, "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
      } else if (n == 16) {
        std::snprintf(buf, sizeof buf, "%X:%X:%X:%X:%X:%X:%X:%X", p[0] << 8 | p[1], p[2] << 8 | p[3], p[4] << 8 | p[5],
                      p[6] << 8 | p[7], p[8] << 8 | p[9], p[10] << 8 | p[11], p[12] << 8 | p[13], p[14] << 8 | p[15]);
      } else {
        std::snprintf(buf, sizeof buf, "<invalid>");
      }
      return pair("IP Address", str_value(buf));
    }
    default: {
      BIO* b = BIO_new(BIO_s_mem());
      GENERAL_NAME_print(b, const_cast<GENERAL_NAME*>(g));
      std::string s = bio_text(b);
      BIO_free(b);
      size_t colon = s.find(':');
      if (colon == std::string::npos) return pair("unknown", str_value(s));
      return Value(tuple_of({str_value(s.substr(0, colon)), str_value(s.substr(colon + 1))}));
    }
  }
}

Result<Value> decode_cert(X509* cert) {
  Dict* d = dict_new();
  auto set = [&](const char* k, Value v) { dict_set_str(d, str_intern(k), v); };
  set("subject", name_tuple(X509_get_subject_name(cert)));
  set("issuer", name_tuple(X509_get_issuer_name(cert)));
  set("version", Value::small(X509_get_version(cert) + 1));
  BIO* b = BIO_new(BIO_s_mem());
  i2a_ASN1_INTEGER(b, X509_get0_serialNumber(cert));
  set("serialNumber", str_value(bio_text(b)));
  BIO_free(b);
  b = BIO_new(BIO_s_mem());
  ASN1_TIME_print(b, X509_get0_notBefore(cert));
  set("notBefore", str_value(bio_text(b)));
  BIO_free(b);
  b = BIO_new(BIO_s_mem());
  ASN1_TIME_print(b, X509_get0_notAfter(cert));
  set("notAfter", str_value(bio_text(b)));
  BIO_free(b);
  GENERAL_NAMES* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (names) {
    List* l = list_new(0);
    for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) (void)list_append(l, general_name(sk_GENERAL_NAME_value(names, i)));
    GENERAL_NAMES_free(names);
    if (l->size) set("subjectAltName", list_to_tuple(l));
  }
  AUTHORITY_INFO_ACCESS* aia =
      static_cast<AUTHORITY_INFO_ACCESS*>(X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr));
  if (aia) {
    List* ocsp = list_new(0);
    List* issuers = list_new(0);
    for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(aia); i++) {
      ACCESS_DESCRIPTION* ad = sk_ACCESS_DESCRIPTION_value(aia, i);
      if (ad->location->type != GEN_URI) continue;
      const ASN1_STRING* u = ad->location->d.uniformResourceIdentifier;
      Value v = str_value(
          std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(u)), size_t(ASN1_STRING_length(u))));
      int nid = OBJ_obj2nid(ad->method);
      if (nid == NID_ad_OCSP) list_append(ocsp, v);
      if (nid == NID_ad_ca_issuers) list_append(issuers, v);
    }
    AUTHORITY_INFO_ACCESS_free(aia);
    if (ocsp->size) set("OCSP", list_to_tuple(ocsp));
    if (issuers->size) set("caIssuers", list_to_tuple(issuers));
  }
  STACK_OF(DIST_POINT)* dps =
      static_cast<STACK_OF(DIST_POINT)*>(X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr));
  if (dps) {
    List* l = list_new(0);
    for (int i = 0; i < sk_DIST_POINT_num(dps); i++) {
      DIST_POINT* dp = sk_DIST_POINT_value(dps, i);
      if (!dp->distpoint || dp->distpoint->type != 0) continue;
      GENERAL_NAMES* gns = dp->distpoint->name.fullname;
      for (int j = 0; j < sk_GENERAL_NAME_num(gns); j++) {
        GENERAL_NAME* g = sk_GENERAL_NAME_value(gns, j);
        if (g->type != GEN_URI) continue;
        const ASN1_STRING* u = g->d.uniformResourceIdentifier;
        list_append(l, str_value(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(u)),
                                                  size_t(ASN1_STRING_length(u)))));
      }
    }
    sk_DIST_POINT_pop_free(dps, DIST_POINT_free);
    if (l->size) set("crlDistributionPoints", list_to_tuple(l));
  }
  ERR_clear_error();
  return Value(d);
}

Result<Value> cert_der(X509* cert) {
  unsigned char* out = nullptr;
  int n = i2d_X509(cert, &out);
  if (n < 0) return raise_last_ssl(__LINE__);
  Value v = bytes_from(std::string_view(reinterpret_cast<char*>(out), size_t(n)));
  OPENSSL_free(out);
  return v;
}

// A filesystem path argument (str, bytes or os.PathLike); TypeError `msg` otherwise.
static Result<std::string> fs_path(Value v, const char* msg) {
  if (is_str(v)) return std::string(as_str(v)->view());
  if (is_bytes(v)) {
    std::string_view s;
    buffer_view_opt(v, &s);
    return std::string(s);
  }
  Value fn;
  Result<Value> r = getattr(Value(v.type()), str_intern("__fspath__"));
  if (!r.is_err() == false) {
    exc_clear();
    return raise(tp_TypeError, msg);
  }
  Value p = TRY(call1(r.value(), v));
  if (is_str(p)) return std::string(as_str(p)->view());
  if (is_bytes(p)) {
    std::string_view s;
    buffer_view_opt(p, &s);
    return std::string(s);
  }
  return raise(tp_TypeError, msg);
}

// ---- module functions -------------------------------------------------------------------------
static Result<Value> f_test_decode_cert(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("_test_decode_cert", a, n, kw, {"path"}, 1, out, 1));
  std::string path = TRY(fs_path(out[0], "expected str, bytes or os.PathLike object"));
  BIO* b = BIO_new(BIO_s_file());
  if (BIO_read_filename(b, path.c_str()) <= 0) {
    BIO_free(b);
    return raise_ssl_msg("Can't open file", __LINE__);
  }
  X509* x = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
  BIO_free(b);
  if (!x) return raise_ssl_msg("Error decoding PEM-encoded file", __LINE__);
  Result<Value> r = decode_cert(x);
  X509_free(x);
  return r;
}

static Result<Value> f_rand_bytes(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("RAND_bytes", kw));
  TRY(check_nargs("RAND_bytes", n, 1, 1));
  int num = TRY(as_c_int(a[0]));
  if (num < 0) return raise(tp_ValueError, "num must be positive");
  std::string buf(size_t(num), '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(buf.data()), num) != 1) return raise_last_ssl(__LINE__);
  return bytes_from(buf);
}
static Result<Value> f_rand_pseudo_bytes(Value* a, int64_t n, Tuple* kw) {
  Value b = TRY(f_rand_bytes(a, n, kw));
  return Value(tuple_of({b, True()}));
}
static Result<Value> f_rand_status(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("RAND_status", kw));
  TRY(check_nargs("RAND_status", n, 0, 0));
  return Bool(RAND_status() == 1);
}
static Result<Value> f_rand_add(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("RAND_add", kw));
  TRY(check_nargs("RAND_add", n, 2, 2));
  std::string_view v;
  if (is_str(a[0])) {
    v = as_str(a[0])->view();
  } else if (!buffer_view_opt(a[0], &v)) {
    return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", a[0].type()->name->data);
  }
  double entropy = TRY(to_double(a[1]));
  RAND_add(v.data(), int(v.size()), entropy);
  return None();
}

static Result<Value> obj_tuple(ASN1_OBJECT* o) {
  int nid = OBJ_obj2nid(o);
  if (nid == NID_undef) return raise_fmt(tp_ValueError, "Unknown object");
  const char* sn = OBJ_nid2sn(nid);
  const char* ln = OBJ_nid2ln(nid);
  return Value(tuple_of({Value::small(nid), sn ? str_value(sn) : None(), ln ? str_value(ln) : None(),
                         str_value(obj_txt(o, true))}));
}

static Result<Value> f_txt2obj(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("txt2obj", a, n, kw, {"txt", "name"}, 1, out));
  if (!is_str(out[0]))
    return raise_fmt(tp_TypeError, "txt2obj() argument 'txt' must be str, not %s", out[0].type()->name->data);
  bool name = out[1] ? TRY(truthy(out[1])) : false;
  std::string txt(as_str(out[0])->view());
  ASN1_OBJECT* o = OBJ_txt2obj(txt.c_str(), name ? 0 : 1);
  if (!o) {
    ERR_clear_error();
    return raise_fmt(tp_ValueError, "unknown object '%s'", txt.c_str());
  }
  Result<Value> r = obj_tuple(o);
  ASN1_OBJECT_free(o);
  return r;
}

static Result<Value> f_nid2obj(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("nid2obj", kw));
  TRY(check_nargs("nid2obj", n, 1, 1));
  int nid = TRY(as_c_int(a[0]));
  if (nid < NID_undef) return raise(tp_ValueError, "NID must be positive.");
  ASN1_OBJECT* o = OBJ_nid2obj(nid);
  if (!o || nid == NID_undef) {
    ERR_clear_error();
    return raise_fmt(tp_ValueError, "unknown NID %i", nid);
  }
  Result<Value> r = obj_tuple(o);
  ASN1_OBJECT_free(o);
  return r;
}

static Result<Value> f_get_default_verify_paths(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("get_default_verify_paths", kw));
  TRY(check_nargs("get_default_verify_paths", n, 0, 0));
  return Value(tuple_of({str_value(X509_get_default_cert_file_env()), str_value(X509_get_default_cert_file()),
                         str_value(X509_get_default_cert_dir_env()), str_value(X509_get_default_cert_dir())}));
}

// ---- _SSLContext ------------------------------------------------------------------------------
static CtxObj* C(Value v) { return v.as<CtxObj>(); }

static void ctx_finalizer(void* obj, void*) {
  CtxObj* c = static_cast<CtxObj*>(obj);
  if (c->ctx) SSL_CTX_free(c->ctx);
  c->ctx = nullptr;
  if (c->keylog) std::fclose(c->keylog);
  c->keylog = nullptr;
  c->alpn.~basic_string();
}

static Result<Value> ctx_new(Value* a, int64_t n, Tuple* kw) {
  Type* t = as_type(a[0]);
  Value out[1];
  TRY(parse_args("_SSLContext", a + 1, n - 1, kw, {"protocol"}, 1, out, 1));
  int proto = TRY(as_c_int(out[0]));
  const SSL_METHOD* method = nullptr;
  switch (proto) {
    case kProtoTLSv1:
    case kProtoTLSv1_1:
    case kProtoTLSv1_2:
    case kProtoSSLv23:
      method = TLS_method();
      break;
    case kProtoClient:
      method = TLS_client_method();
      break;
    case kProtoServer:
      method = TLS_server_method();
      break;
    default:
      return raise_fmt(tp_ValueError, "invalid or unsupported protocol version %i", proto);
  }
  if (proto != kProtoClient && proto != kProtoServer) {
    const char* pname = proto == kProtoTLSv1     ? "ssl.PROTOCOL_TLSv1 is deprecated"
                        : proto == kProtoTLSv1_1 ? "ssl.PROTOCOL_TLSv1_1 is deprecated"
                        : proto == kProtoTLSv1_2 ? "ssl.PROTOCOL_TLSv1_2 is deprecated"
                                                 : "ssl.PROTOCOL_TLS is deprecated";
    TRY(warn(tp_DeprecationWarning, pname, 2));
  }
  SSL_CTX* ctx = SSL_CTX_new(method);
  if (!ctx) return raise_last_ssl(__LINE__);
  if (proto == kProtoTLSv1 || proto == kProtoTLSv1_1 || proto == kProtoTLSv1_2) {
    int v = proto == kProtoTLSv1 ? TLS1_VERSION : proto == kProtoTLSv1_1 ? TLS1_1_VERSION : TLS1_2_VERSION;
    SSL_CTX_set_min_proto_version(ctx, v);
    SSL_CTX_set_max_proto_version(ctx, v);
  }
  CtxObj* c = static_cast<CtxObj*>(alloc_instance(t));
  c->ctx = ctx;
  new (&c->alpn) std::string();
  GC_register_finalizer_no_order(c, ctx_finalizer, nullptr, nullptr, nullptr);
  c->protocol = proto;
  c->host_flags = X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
  c->keylog_filename = None();
  c->msg_callback = None();
  if (proto == kProtoClient) {
    c->check_hostname = true;
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  } else {
    c->check_hostname = false;
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  }
  uint64_t opts = SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS;
  opts |= SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE |
          SSL_OP_SINGLE_DH_USE | SSL_OP_SINGLE_ECDH_USE | SSL_OP_IGNORE_UNEXPECTED_EOF;
  SSL_CTX_set_options(ctx, opts);
  if (!SSL_CTX_set_cipher_list(ctx, kDefaultCiphers)) {
    return raise_ssl_msg("No cipher can be selected.", __LINE__);
  }
  SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
  SSL_CTX_set_session_id_context(ctx, reinterpret_cast<const unsigned char*>("Python"), 6);
  X509_VERIFY_PARAM* param = SSL_CTX_get0_param(ctx);
  X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_TRUSTED_FIRST);
  X509_VERIFY_PARAM_set_hostflags(param, c->host_flags);
  SSL_CTX_set_ex_data(ctx, ctx_index(), c);
  SSL_CTX_set_post_handshake_auth(ctx, 0);
  return Value(c);
}

#define CTX_GET(name) static Result<Value> name(Value self)
CTX_GET(ctx_g_protocol) { return Value::small(C(self)->protocol); }
CTX_GET(ctx_g_options) { return int_from_u64(SSL_CTX_get_options(C(self)->ctx)); }
static Status ctx_s_options(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "cannot delete attribute");
  if (!is_int(v)) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", v.type()->name->data);
  mpz_t z;
  int_to_mpz(v, z);
  bool neg = mpz_sgn(z) < 0;
  bool big = mpz_sizeinbase(z, 2) > 64;
  uint64_t nv = 0;
  if (!neg && !big) {
    size_t count = 0;
    unsigned char buf[8] = {0};
    mpz_export(buf, &count, -1, 1, 0, 0, z);
    for (size_t i = 0; i < count; i++) nv |= uint64_t(buf[i]) << (8 * i);
  }
  mpz_clear(z);
  if (neg) return raise(tp_OverflowError, "can't convert negative int to unsigned");
  if (big) return raise(tp_OverflowError, "int too big to convert");
  SSL_CTX* ctx = C(self)->ctx;
  uint64_t cur = SSL_CTX_get_options(ctx);
  uint64_t clear = cur & ~nv, set = ~cur & nv;
  const uint64_t deprecated = SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 |
                              SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3;
  if (set & deprecated) TRY(warn(tp_DeprecationWarning, "ssl.OP_NO_SSL*/ssl.OP_NO_TLS* options are deprecated", 2));
  if (clear) SSL_CTX_clear_options(ctx, clear);
  if (set) SSL_CTX_set_options(ctx, set);
  return OK();
}
CTX_GET(ctx_g_verify_mode) {
  int m = SSL_CTX_get_verify_mode(C(self)->ctx);
  if (m == SSL_VERIFY_NONE) return Value::small(0);
  if (m == SSL_VERIFY_PEER) return Value::small(1);
  return Value::small(2);
}
static Status set_verify_mode(CtxObj* c, int n) {
  int mode;
  switch (n) {
    case 0:
      mode = SSL_VERIFY_NONE;
      break;
    case 1:
      mode = SSL_VERIFY_PEER;
      break;
    case 2:
      mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
      break;
    default:
      return raise(tp_ValueError, "invalid value for verify_mode");
  }
  if (c->post_handshake_auth && mode != SSL_VERIFY_NONE) mode |= SSL_VERIFY_POST_HANDSHAKE;
  SSL_CTX_set_verify(c->ctx, mode, nullptr);
  return OK();
}
static Status ctx_s_verify_mode(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "cannot delete attribute");
  int n = TRY(as_c_int(v));
  CtxObj* c = C(self);
  if (n == 0 && c->check_hostname)
    return raise(tp_ValueError, "Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
  return set_verify_mode(c, n);
}
CTX_GET(ctx_g_check_hostname) { return Bool(C(self)->check_hostname); }
static Status ctx_s_check_hostname(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "cannot delete attribute");
  bool b = TRY(truthy(v));
  CtxObj* c = C(self);
  if (b && SSL_CTX_get_verify_mode(c->ctx) == SSL_VERIFY_NONE) TRY(set_verify_mode(c, 2));
  c->check_hostname = b;
  return OK();
}
CTX_GET(ctx_g_verify_flags) {
  return int_from_u64(X509_VERIFY_PARAM_get_flags(SSL_CTX_get0_param(C(self)->ctx)));
}
static Status ctx_s_verify_flags(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "cannot delete attribute");
  int64_t nv = TRY(as_index(v));
  X509_VERIFY_PARAM* p = SSL_CTX_get0_param(C(self)->ctx);
  unsigned long cur = X509_VERIFY_PARAM_get_flags(p);
  unsigned long clear = cur & ~uint64_t(nv), set = ~cur & uint64_t(nv);
  if (clear && !X509_VERIFY_PARAM_clear_flags(p, clear)) return raise_last_ssl(__LINE__);
  if (set && !X509_VERIFY_PARAM_set_flags(p, set)) return raise_last_ssl(__LINE__);
  return OK();
}
CTX_GET(ctx_g_host_flags) { return Value::small(C(self)->host_flags); }
static Status ctx_s_host_flags(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "cannot delete attribute");
  int64_t nv = TRY(as_index(v));
  CtxObj* c = C(self);
  c->host_flags = unsigned(nv);
  X509_VERIFY_PARAM_set_hostflags(SSL_CTX_get0_param(c->ctx), c->host_flags);
  return OK();
}
static int proto_get(int v, bool is_min) {
  if (v == 0) return is_min ? kProtoMin : kProtoMax;
  return v;
}
CTX_GET(ctx_g_min_version) { return Value::small(proto_get(SSL_CTX_get_min_proto_version(C(self)->ctx), true)); }
CTX_GET(ctx_g_max_version) { return Value::small(proto_get(SSL_CTX_get_max_proto_version(C(self)->ctx), false)); }
static Status set_version(Value self, Value v, bool is_min) {
  if (!v) return raise(tp_TypeError, "cannot delete attribute");
  int n = TRY(as_c_int(v));
  CtxObj* c = C(self);
  if (c->protocol != kProtoSSLv23 && c->protocol != kProtoClient && c->protocol != kProtoServer)
    return raise(tp_ValueError, "The context's protocol doesn't support modification of highest and lowest version.");
  int ver = n;
  switch (n) {
    case kProtoMin:
      ver = is_min ? 0 : SSL3_VERSION;
      if (!is_min) ver = SSL3_VERSION;
      if (is_min) ver = 0;
      break;
    case kProtoMax:
      ver = is_min ? TLS1_3_VERSION : 0;
      break;
    case SSL3_VERSION:
    case TLS1_VERSION:
    case TLS1_1_VERSION:
    case TLS1_2_VERSION:
    case TLS1_3_VERSION:
      break;
    default:
      return raise_fmt(tp_ValueError, "Unsupported TLS/SSL version 0x%x", unsigned(n));
  }
  int ok = is_min ? SSL_CTX_set_min_proto_version(c->ctx, ver) : SSL_CTX_set_max_proto_version(c->ctx, ver);
  if (!ok) {
    ERR_clear_error();
    return raise_fmt(tp_ValueError, "Unsupported protocol version 0x%x", unsigned(n));
  }
  return OK();
}
static Status ctx_s_min_version(Value self, Value v) { return set_version(self, v, true); }
static Status ctx_s_max_version(Value self, Value v) { return set_version(self, v, false); }
CTX_GET(ctx_g_security_level) { return Value::small(SSL_CTX_get_security_level(C(self)->ctx)); }
CTX_GET(ctx_g_num_tickets) { return int_from_u64(SSL_CTX_get_num_tickets(C(self)->ctx)); }
static Status ctx_s_num_tickets(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "cannot delete attribute");
  int64_t n = TRY(as_index(v));
  if (n < 0) return raise(tp_ValueError, "value must be non-negative");
  CtxObj* c = C(self);
  if (c->protocol != kProtoServer) return raise(tp_ValueError, "SSLContext is not a server context.");
  if (!SSL_CTX_set_num_tickets(c->ctx, size_t(n))) return raise(tp_ValueError, "failed to set num tickets.");
  return OK();
}
CTX_GET(ctx_g_pha) { return Bool(C(self)->post_handshake_auth); }
static Status ctx_s_pha(Value self, Value v) {
  if (!v) return raise(tp_AttributeError, "cannot delete attribute");
  bool b = TRY(truthy(v));
  C(self)->post_handshake_auth = b;
  return OK();
}
CTX_GET(ctx_g_sni_callback) {
  Value v = C(self)->sni_callback;
  return v ? v : None();
}

static int sni_cb(SSL* s, int* alert, void*);

static Status ctx_s_sni_callback(Value self, Value v) {
  CtxObj* c = C(self);
  if (c->protocol == kProtoClient)
    return raise(tp_ValueError, "sni_callback cannot be set on TLS_CLIENT context");
  if (!v || is_none(v)) {
    c->sni_callback = Value();
    SSL_CTX_set_tlsext_servername_callback(c->ctx, nullptr);
    return OK();
  }
  if (!is_callable(v)) {
    SSL_CTX_set_tlsext_servername_callback(c->ctx, nullptr);
    return raise(tp_TypeError, "not a callable object");
  }
  c->sni_callback = v;
  SSL_CTX_set_tlsext_servername_callback(c->ctx, sni_cb);
  SSL_CTX_set_tlsext_servername_arg(c->ctx, nullptr);
  return OK();
}
CTX_GET(ctx_g_msg_callback) { return C(self)->msg_callback; }
static Status ctx_s_msg_callback(Value self, Value v) {
  C(self)->msg_callback = v ? v : None();
  return OK();
}
CTX_GET(ctx_g_keylog) { return C(self)->keylog_filename; }

static void keylog_cb(const SSL* s, const char* line) {
  SSL_CTX* ctx = SSL_get_SSL_CTX(s);
  CtxObj* c = static_cast<CtxObj*>(SSL_CTX_get_ex_data(ctx, ctx_index()));
  if (!c || !c->keylog) return;
  std::fprintf(c->keylog, "%s\n", line);
  std::fflush(c->keylog);
}

static Status ctx_s_keylog(Value self, Value v) {
  CtxObj* c = C(self);
  if (c->keylog) {
    std::fclose(c->keylog);
    c->keylog = nullptr;
  }
  if (!v || is_none(v)) {
    c->keylog_filename = None();
    SSL_CTX_set_keylog_callback(c->ctx, nullptr);
    return OK();
  }
  std::string path = TRY(fs_path(v, "expected str, bytes or os.PathLike object"));
  FILE* f = std::fopen(path.c_str(), "a");
  if (!f) return raise_errno(errno, v);
  bool empty = std::ftell(f) == 0;
  std::fseek(f, 0, SEEK_END);
  if (std::ftell(f) == 0 || empty) {
    std::fputs("# TLS secrets log file, generated by OpenSSL / Python\n", f);
    std::fflush(f);
  }
  c->keylog = f;
  c->keylog_filename = v;
  SSL_CTX_set_keylog_callback(c->ctx, keylog_cb);
  return OK();
}

// Password callback data for load_cert_chain.
struct PwInfo {
  Value password;    // str/bytes/bytearray or callable
  std::string value;
  bool failed = false;
  Value exc;
};

static Status pw_value(PwInfo* pi, Value v, const char* bad) {
  if (is_str(v)) {
    pi->value = std::string(as_str(v)->view());
  } else if (is_bytes(v) || has_layout(v, Layout::ByteArray)) {
    std::string_view s;
    buffer_view_opt(v, &s);
    pi->value = std::string(s);
  } else {
    return raise(tp_TypeError, bad);
  }
  if (pi->value.size() > INT_MAX) return raise(tp_ValueError, "password cannot be longer than 2147483647 bytes");
  return OK();
}

static int pw_cb(char* buf, int size, int, void* ud) {
  PwInfo* pi = static_cast<PwInfo*>(ud);
  if (pi->failed) return -1;
  if (is_callable(pi->password)) {
    Result<Value> r = call0(pi->password);
    if (!r.is_err() == false) {
      pi->failed = true;
      pi->exc = exc_fetch();
      return -1;
    }
    if (!pw_value(pi, r.value(), "password callback must return a string").is_err() == false) {
      pi->failed = true;
      pi->exc = exc_fetch();
      return -1;
    }
  }
  if (int(pi->value.size()) > size) {
    raise_fmt(tp_ValueError, "password cannot be longer than %d bytes", size);
    pi->failed = true;
    pi->exc = exc_fetch();
    return -1;
  }
  std::memcpy(buf, pi->value.data(), pi->value.size());
  return int(pi->value.size());
}

static Result<Value> ctx_load_cert_chain(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(parse_args("load_cert_chain", a + 1, n - 1, kw, {"certfile", "keyfile", "password"}, 1, out));
  CtxObj* c = C(a[0]);
  std::string certfile = TRY(fs_path(out[0], "certfile should be a valid filesystem path"));
  std::string keyfile = certfile;
  if (out[1] && !is_none(out[1])) keyfile = TRY(fs_path(out[1], "keyfile should be a valid filesystem path"));
  PwInfo pi;
  if (out[2] && !is_none(out[2])) {
    pi.password = out[2];
    if (!is_callable(out[2])) TRY(pw_value(&pi, out[2], "password should be a string or callable"));
  }
  pem_password_cb* orig_cb = SSL_CTX_get_default_passwd_cb(c->ctx);
  void* orig_ud = SSL_CTX_get_default_passwd_cb_userdata(c->ctx);
  if (pi.password) {
    SSL_CTX_set_default_passwd_cb(c->ctx, pw_cb);
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, &pi);
  }
  auto restore = [&] {
    SSL_CTX_set_default_passwd_cb(c->ctx, orig_cb);
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, orig_ud);
  };
  auto fail = [&](int line) -> Err {
    restore();
    if (pi.failed && pi.exc) {
      ERR_clear_error();
      return raise_value(pi.exc);
    }
    if (errno != 0) {
      int e = errno;
      ERR_clear_error();
      return raise_errno(e);
    }
    return raise_last_ssl(line);
  };
  errno = 0;
  if (SSL_CTX_use_certificate_chain_file(c->ctx, certfile.c_str()) != 1) return fail(__LINE__);
  errno = 0;
  if (SSL_CTX_use_PrivateKey_file(c->ctx, keyfile.c_str(), SSL_FILETYPE_PEM) != 1) return fail(__LINE__);
  if (SSL_CTX_check_private_key(c->ctx) != 1) {
    restore();
    return raise_last_ssl(__LINE__);
  }
  restore();
  return None();
}

static Status load_cadata(CtxObj* c, std::string_view data, bool pem) {
  BIO* b = BIO_new_mem_buf(data.data(), int(data.size()));
  X509_STORE* store = SSL_CTX_get_cert_store(c->ctx);
  int loaded = 0;
  for (;;) {
    X509* x = pem ? PEM_read_bio_X509(b, nullptr, nullptr, nullptr) : d2i_X509_bio(b, nullptr);
    if (!x) break;
    int r = X509_STORE_add_cert(store, x);
    X509_free(x);
    if (!r) {
      unsigned long e = ERR_peek_last_error();
      if (ERR_GET_LIB(e) == ERR_LIB_X509 && ERR_GET_REASON(e) == X509_R_CERT_ALREADY_IN_HASH_TABLE) {
        ERR_clear_error();
      } else {
        BIO_free(b);
        return raise_last_ssl(__LINE__);
      }
    }
    loaded++;
  }
  BIO_free(b);
  unsigned long e = ERR_peek_last_error();
  if (loaded == 0) {
    ERR_clear_error();
    return raise_ssl(tp_SSLError, 0,
                     pem ? "no start line: cadata does not contain a certificate"
                         : "not enough data: cadata does not contain a certificate",
                     0, __LINE__, nullptr);
  }
  if (pem && ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE) {
    ERR_clear_error();
  } else if (!pem && ERR_GET_LIB(e) == ERR_LIB_ASN1 && ERR_GET_REASON(e) == ASN1_R_HEADER_TOO_LONG) {
    ERR_clear_error();
  } else if (e) {
    return raise_last_ssl(__LINE__);
  }
  return OK();
}

static Result<Value> ctx_load_verify_locations(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(parse_args("load_verify_locations", a + 1, n - 1, kw, {"cafile", "capath", "cadata"}, 0, out));
  CtxObj* c = C(a[0]);
  bool has_file = out[0] && !is_none(out[0]), has_path = out[1] && !is_none(out[1]),
       has_data = out[2] && !is_none(out[2]);
  if (!has_file && !has_path && !has_data)
    return raise(tp_TypeError, "cafile, capath and cadata cannot be all omitted");
  std::string cafile, capath;
  if (has_file) cafile = TRY(fs_path(out[0], "cafile should be a valid filesystem path"));
  if (has_path) capath = TRY(fs_path(out[1], "capath should be a valid filesystem path"));
  if (has_data) {
    if (is_str(out[2])) {
      std::string_view s = as_str(out[2])->view();
      for (unsigned char ch : s)
        if (ch >= 0x80) {
          Value enc = TRY(call_method1(out[2], str_intern("encode"), str_value("ascii")));
          (void)enc;
        }
      TRY(load_cadata(c, s, true));
    } else {
      std::string_view s;
      if (!buffer_view_opt(out[2], &s))
        return raise(tp_TypeError, "cadata should be an ASCII string or a bytes-like object");
      TRY(load_cadata(c, s, false));
    }
  }
  if (has_file || has_path) {
    errno = 0;
    if (SSL_CTX_load_verify_locations(c->ctx, has_file ? cafile.c_str() : nullptr,
                                      has_path ? capath.c_str() : nullptr) != 1) {
      if (errno != 0) {
        int e = errno;
        ERR_clear_error();
        return raise_errno(e);
      }
      return raise_last_ssl(__LINE__);
    }
  }
  return None();
}

static Result<Value> ctx_load_dh_params(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("load_dh_params", kw));
  TRY(check_nargs("load_dh_params", n - 1, 1, 1));
  std::string path = TRY(fs_path(a[1], "expected str, bytes or os.PathLike object"));
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return raise_errno(errno, a[1]);
  DH* dh = PEM_read_DHparams(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  if (!dh) return raise_last_ssl(__LINE__);
  int ok = SSL_CTX_set_tmp_dh(C(a[0])->ctx, dh);
  DH_free(dh);
  if (!ok) return raise_last_ssl(__LINE__);
  return None();
}

static Result<Value> ctx_set_default_verify_paths(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("set_default_verify_paths", kw));
  TRY(check_nargs("set_default_verify_paths", n - 1, 0, 0));
  if (!SSL_CTX_set_default_verify_paths(C(a[0])->ctx)) return raise_last_ssl(__LINE__);
  return None();
}

static Result<Value> ctx_set_ciphers(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("set_ciphers", kw));
  TRY(check_nargs("set_ciphers", n - 1, 1, 1));
  if (!is_str(a[1]))
    return raise_fmt(tp_TypeError, "set_ciphers() argument must be str, not %s", a[1].type()->name->data);
  std::string s(as_str(a[1])->view());
  if (!SSL_CTX_set_cipher_list(C(a[0])->ctx, s.c_str())) return raise_ssl_msg("No cipher can be selected.", __LINE__);
  return None();
}

static Value cipher_dict(const SSL_CIPHER* ci) {
  Dict* d = dict_new();
  auto set = [&](const char* k, Value v) { dict_set_str(d, str_intern(k), v); };
  auto nid_name = [](int nid) -> Value {
    if (nid == NID_undef) return None();
    const char* ln = OBJ_nid2ln(nid);
    return ln ? str_value(ln) : None();
  };
  set("id", int_from_u64(SSL_CIPHER_get_id(ci)));
  const char* name = SSL_CIPHER_get_name(ci);
  set("name", name ? str_value(name) : None());
  const char* ver = SSL_CIPHER_get_version(ci);
  set("protocol", ver ? str_value(ver) : None());
  char buf[512];
  SSL_CIPHER_description(ci, buf, sizeof buf - 1);
  size_t len = std::strlen(buf);
  if (len && buf[len - 1] == '\n') buf[len - 1] = '\0';
  set("description", str_value(buf));
  int alg_bits = 0;
  int bits = SSL_CIPHER_get_bits(ci, &alg_bits);
  set("strength_bits", Value::small(bits));
  set("alg_bits", Value::small(alg_bits));
  set("aead", Bool(SSL_CIPHER_is_aead(ci)));
  set("symmetric", nid_name(SSL_CIPHER_get_cipher_nid(ci)));
  set("digest", nid_name(SSL_CIPHER_get_digest_nid(ci)));
  set("kea", nid_name(SSL_CIPHER_get_kx_nid(ci)));
  set("auth", nid_name(SSL_CIPHER_get_auth_nid(ci)));
  return Value(d);
}

static Result<Value> ctx_get_ciphers(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("get_ciphers", kw));
  TRY(check_nargs("get_ciphers", n - 1, 0, 0));
  SSL* ssl = SSL_new(C(a[0])->ctx);
  if (!ssl) return raise_last_ssl(__LINE__);
  STACK_OF(SSL_CIPHER)* sk = SSL_get_ciphers(ssl);
  List* l = list_new(0);
  for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++) list_append(l, cipher_dict(sk_SSL_CIPHER_value(sk, i)));
  SSL_free(ssl);
  return Value(l);
}

// The server's ALPN choice among the client's protocols (the context's order wins).
static int alpn_cb(SSL*, const unsigned char** out, unsigned char* outlen, const unsigned char* client,
                   unsigned int client_len, void* arg) {
  CtxObj* c = static_cast<CtxObj*>(arg);
  const std::string& mine = c->alpn;
  unsigned char* sel = nullptr;
  int r = SSL_select_next_proto(&sel, outlen, reinterpret_cast<const unsigned char*>(mine.data()),
                                unsigned(mine.size()), client, client_len);
  if (r != OPENSSL_NPN_NEGOTIATED || mine.empty()) return SSL_TLSEXT_ERR_NOACK;
  *out = sel;
  return SSL_TLSEXT_ERR_OK;
}

static Result<Value> ctx_set_alpn_protocols(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_set_alpn_protocols", kw));
  TRY(check_nargs("_set_alpn_protocols", n - 1, 1, 1));
  std::string_view s;
  if (!buffer_view_opt(a[1], &s))
    return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", a[1].type()->name->data);
  if (s.size() > UINT_MAX) return raise(tp_OverflowError, "protocols longer than 4294967295 bytes");
  CtxObj* c = C(a[0]);
  c->alpn = std::string(s);
  if (SSL_CTX_set_alpn_protos(c->ctx, reinterpret_cast<const unsigned char*>(c->alpn.data()), unsigned(c->alpn.size())))
    return raise_memory_error();
  SSL_CTX_set_alpn_select_cb(c->ctx, alpn_cb, c);
  return None();
}

static Result<Value> ctx_set_ecdh_curve(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("set_ecdh_curve", kw));
  TRY(check_nargs("set_ecdh_curve", n - 1, 1, 1));
  std::string name;
  if (is_str(a[1])) {
    name = std::string(as_str(a[1])->view());
  } else if (is_bytes(a[1])) {
    std::string_view s;
    buffer_view_opt(a[1], &s);
    name = std::string(s);
  } else {
    return raise_fmt(tp_TypeError, "expected str, bytes or os.PathLike object, not %s", a[1].type()->name->data);
  }
  int nid = OBJ_sn2nid(name.c_str());
  if (nid == 0) {
    Str* r = TRY(repr(a[1]));
    return raise_fmt(tp_ValueError, "unknown elliptic curve name %s", std::string(r->view()).c_str());
  }
  if (!SSL_CTX_set1_groups(C(a[0])->ctx, &nid, 1)) return raise_last_ssl(__LINE__);
  return None();
}

static Result<Value> ctx_session_stats(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("session_stats", kw));
  TRY(check_nargs("session_stats", n - 1, 0, 0));
  SSL_CTX* ctx = C(a[0])->ctx;
  Dict* d = dict_new();
  auto set = [&](const char* k, long v) { dict_set_str(d, str_intern(k), int_from_i64(v)); };
  set("number", SSL_CTX_sess_number(ctx));
  set("connect", SSL_CTX_sess_connect(ctx));
  set("connect_good", SSL_CTX_sess_connect_good(ctx));
  set("connect_renegotiate", SSL_CTX_sess_connect_renegotiate(ctx));
  set("accept", SSL_CTX_sess_accept(ctx));
  set("accept_good", SSL_CTX_sess_accept_good(ctx));
  set("accept_renegotiate", SSL_CTX_sess_accept_renegotiate(ctx));
  set("hits", SSL_CTX_sess_hits(ctx));
  set("misses", SSL_CTX_sess_misses(ctx));
  set("timeouts", SSL_CTX_sess_timeouts(ctx));
  set("cache_full", SSL_CTX_sess_cache_full(ctx));
  return Value(d);
}

static Result<Value> ctx_cert_store_stats(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("cert_store_stats", kw));
  TRY(check_nargs("cert_store_stats", n - 1, 0, 0));
  X509_STORE* store = SSL_CTX_get_cert_store(C(a[0])->ctx);
  STACK_OF(X509_OBJECT)* objs = X509_STORE_get0_objects(store);
  long x509 = 0, crl = 0, ca = 0;
  for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
    X509_OBJECT* o = sk_X509_OBJECT_value(objs, i);
    switch (X509_OBJECT_get_type(o)) {
      case X509_LU_X509:
        x509++;
        if (X509_check_ca(X509_OBJECT_get0_X509(o))) ca++;
        break;
      case X509_LU_CRL:
        crl++;
        break;
      default:
        break;
    }
  }
  Dict* d = dict_new();
  dict_set_str(d, str_intern("x509"), int_from_i64(x509));
  dict_set_str(d, str_intern("crl"), int_from_i64(crl));
  dict_set_str(d, str_intern("x509_ca"), int_from_i64(ca));
  return Value(d);
}

static Result<Value> ctx_get_ca_certs(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("get_ca_certs", a + 1, n - 1, kw, {"binary_form"}, 0, out));
  bool binary = out[0] ? TRY(truthy(out[0])) : false;
  X509_STORE* store = SSL_CTX_get_cert_store(C(a[0])->ctx);
  STACK_OF(X509_OBJECT)* objs = X509_STORE_get0_objects(store);
  List* l = list_new(0);
  for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
    X509_OBJECT* o = sk_X509_OBJECT_value(objs, i);
    if (X509_OBJECT_get_type(o) != X509_LU_X509) continue;
    X509* x = X509_OBJECT_get0_X509(o);
    if (!X509_check_ca(x)) continue;
    Result<Value> v = binary ? cert_der(x) : decode_cert(x);
    if (!v.is_err() == false) {
          return ERR;
    }
    list_append(l, v.value());
  }
  return Value(l);
}

static Result<Value> ctx_wrap_socket(Value* a, int64_t n, Tuple* kw) {
  Value out[5];
  TRY(parse_args("_wrap_socket", a + 1, n - 1, kw, {"sock", "server_side", "server_hostname", "owner", "session"}, 2,
                 out, 0, 3));
  if (!out[0].is_obj() || !sock::tp_socket || !is_subtype(out[0].type(), sock::tp_socket))
    return raise_fmt(tp_TypeError, "_wrap_socket() argument 'sock' must be _socket.socket, not %s",
                     out[0].type()->name->data);
  bool server = TRY(truthy(out[1]));
  return wrap(C(a[0]), out[0], server, out[2] ? out[2] : None(), Value(), Value(), out[3] ? out[3] : None(),
              out[4] ? out[4] : None());
}

static Result<Value> ctx_wrap_bio(Value* a, int64_t n, Tuple* kw) {
  Value out[6];
  TRY(parse_args("_wrap_bio", a + 1, n - 1, kw,
                 {"incoming", "outgoing", "server_side", "server_hostname", "owner", "session"}, 3, out, 0, 4));
  for (int i = 0; i < 2; i++)
    if (!out[i].is_obj() || out[i].type() != tp_MemoryBIO)
      return raise_fmt(tp_TypeError, "_wrap_bio() argument '%s' must be _ssl.MemoryBIO, not %s",
                       i ? "outgoing" : "incoming", out[i].type()->name->data);
  bool server = TRY(truthy(out[2]));
  return wrap(C(a[0]), Value(), server, out[3] ? out[3] : None(), out[0], out[1], out[4] ? out[4] : None(),
              out[5] ? out[5] : None());
}

// SNI: call the context's sni_callback(owner, server_name, context) with the GIL.
static int sni_cb(SSL* s, int* alert, void*) {
  SockObj* so = static_cast<SockObj*>(SSL_get_ex_data(s, ssl_index()));
  CtxObj* c = static_cast<CtxObj*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(s), ctx_index()));
  if (!so || !c || !c->sni_callback) return SSL_TLSEXT_ERR_OK;
  ThreadState* t = ts();
  bool take = !gil::holds(t);
  if (take) gil::acquire(t);
  int ret = SSL_TLSEXT_ERR_OK;
  const char* name = SSL_get_servername(s, TLSEXT_NAMETYPE_host_name);
  Value target = so->owner && !is_none(so->owner) ? so->owner : Value(so);
  Value cb = c->sni_callback;
  Result<Value> sname = name ? Result<Value>(str_value(name)) : Result<Value>(None());
  Result<Value> r = call3(cb, target, sname.value(), Value(c));
  if (!r.is_err() == false) {
    Value e = exc_fetch();
    report_unraisable("Exception ignored in: ", cb, e);
    *alert = SSL_AD_HANDSHAKE_FAILURE;
    ret = SSL_TLSEXT_ERR_ALERT_FATAL;
  } else if (!is_none(r.value())) {
    Result<int64_t> code = as_index(r.value());
    if (!code.is_err() == false) {
      Value e = exc_fetch();
      report_unraisable("Exception ignored in: ", cb, e);
      *alert = SSL_AD_INTERNAL_ERROR;
    } else {
      *alert = int(code.value());
    }
    ret = SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  if (take) gil::release(t, gil::Reason::Blocking, gil::Block::Socket);
  return ret;
}

static const MethodDef ctx_methods[] = {
    {"__new__", ctx_new, MethKind::Static},
    {"load_cert_chain", ctx_load_cert_chain},
    {"load_verify_locations", ctx_load_verify_locations},
    {"load_dh_params", ctx_load_dh_params},
    {"set_default_verify_paths", ctx_set_default_verify_paths},
    {"set_ciphers", ctx_set_ciphers},
    {"get_ciphers", ctx_get_ciphers},
    {"_set_alpn_protocols", ctx_set_alpn_protocols},
    {"set_ecdh_curve", ctx_set_ecdh_curve},
    {"session_stats", ctx_session_stats},
    {"cert_store_stats", ctx_cert_store_stats},
    {"get_ca_certs", ctx_get_ca_certs},
    {"_wrap_socket", ctx_wrap_socket},
    {"_wrap_bio", ctx_wrap_bio},
    {nullptr, nullptr}};

static const GetSetDef ctx_getsets[] = {
    {"protocol", ctx_g_protocol},
    {"options", ctx_g_options, ctx_s_options},
    {"verify_mode", ctx_g_verify_mode, ctx_s_verify_mode},
    {"check_hostname", ctx_g_check_hostname, ctx_s_check_hostname},
    {"verify_flags", ctx_g_verify_flags, ctx_s_verify_flags},
    {"_host_flags", ctx_g_host_flags, ctx_s_host_flags},
    {"minimum_version", ctx_g_min_version, ctx_s_min_version},
    {"maximum_version", ctx_g_max_version, ctx_s_max_version},
    {"security_level", ctx_g_security_level},
    {"num_tickets", ctx_g_num_tickets, ctx_s_num_tickets},
    {"post_handshake_auth", ctx_g_pha, ctx_s_pha},
    {"sni_callback", ctx_g_sni_callback, ctx_s_sni_callback},
    {"_msg_callback", ctx_g_msg_callback, ctx_s_msg_callback},
    {"keylog_filename", ctx_g_keylog, ctx_s_keylog},
    {nullptr, nullptr}};

// ---- module -----------------------------------------------------------------------------------
static const MethodDef functions[] = {
    {"_test_decode_cert", f_test_decode_cert},
    {"RAND_bytes", f_rand_bytes},
    {"RAND_pseudo_bytes", f_rand_pseudo_bytes},
    {"RAND_status", f_rand_status},
    {"RAND_add", f_rand_add},
    {"txt2obj", f_txt2obj},
    {"nid2obj", f_nid2obj},
    {"get_default_verify_paths", f_get_default_verify_paths},
    {nullptr, nullptr}};

static const char kPrelude[] = R"PY(
class SSLError(OSError):
    """An error occurred in the SSL implementation."""
    def __str__(self):
        if isinstance(self.strerror, str):
            return self.strerror
        return str(self.args)

class SSLCertVerificationError(SSLError, ValueError):
    """A certificate could not be verified."""

class SSLZeroReturnError(SSLError):
    """SSL/TLS session closed cleanly."""

class SSLWantReadError(SSLError):
    """Non-blocking SSL socket needs to read more data
before the requested operation can be completed."""

class SSLWantWriteError(SSLError):
    """Non-blocking SSL socket needs to write more data
before the requested operation can be completed."""

class SSLSyscallError(SSLError):
    """System error when attempting SSL operation."""

class SSLEOFError(SSLError):
    """SSL/TLS connection terminated abruptly."""
)PY";

struct IntConst {
  const char* name;
  int64_t value;
};

static Result<Value> init() {
  Module* m = native_module_new("_ssl", functions);
  Dict* md = m->dict;
  TRY(import_module(str_intern("_socket")));
  if (!tp_Context) {
    OPENSSL_init_ssl(0, nullptr);
    Dict* g = dict_new();
    dict_set_str(g, str_intern("__name__"), str_value("ssl"));
    dict_set_str(g, str_intern("__builtins__"), Value(TRY(import_module(str_intern("builtins")))));
    TRY(exec_source(kPrelude, str_intern("<_ssl>"), g, Value(), 0));
    auto get = [&](const char* n) { return as_type(dict_get_str(g, str_intern(n))); };
    tp_SSLError = get("SSLError");
    tp_SSLCertVerificationError = get("SSLCertVerificationError");
    tp_SSLZeroReturnError = get("SSLZeroReturnError");
    tp_SSLWantReadError = get("SSLWantReadError");
    tp_SSLWantWriteError = get("SSLWantWriteError");
    tp_SSLSyscallError = get("SSLSyscallError");
    tp_SSLEOFError = get("SSLEOFError");
    tp_Context = native_type_new("_ssl", "_SSLContext", tp_object, Layout::Other, sizeof(CtxObj), ctx_methods,
                                 ctx_getsets, TF_BASETYPE);
    g_lib_names = dict_new();
    g_err_names = dict_new();
  }
  dict_set_str(md, str_intern("SSLError"), Value(tp_SSLError));
  dict_set_str(md, str_intern("SSLCertVerificationError"), Value(tp_SSLCertVerificationError));
  dict_set_str(md, str_intern("SSLZeroReturnError"), Value(tp_SSLZeroReturnError));
  dict_set_str(md, str_intern("SSLWantReadError"), Value(tp_SSLWantReadError));
  dict_set_str(md, str_intern("SSLWantWriteError"), Value(tp_SSLWantWriteError));
  dict_set_str(md, str_intern("SSLSyscallError"), Value(tp_SSLSyscallError));
  dict_set_str(md, str_intern("SSLEOFError"), Value(tp_SSLEOFError));
  dict_set_str(md, str_intern("_SSLContext"), Value(tp_Context));
  init_socket_types(m);

  static const IntConst consts[] = {
      {"SSL_ERROR_ZERO_RETURN", 6}, {"SSL_ERROR_WANT_READ", 2}, {"SSL_ERROR_WANT_WRITE", 3},
      {"SSL_ERROR_WANT_X509_LOOKUP", 4}, {"SSL_ERROR_SYSCALL", 5}, {"SSL_ERROR_SSL", 1},
      {"SSL_ERROR_WANT_CONNECT", 7}, {"SSL_ERROR_EOF", 8}, {"SSL_ERROR_INVALID_ERROR_CODE", 10},
      {"CERT_NONE", 0}, {"CERT_OPTIONAL", 1}, {"CERT_REQUIRED", 2},
      {"VERIFY_DEFAULT", 0}, {"VERIFY_CRL_CHECK_LEAF", X509_V_FLAG_CRL_CHECK},
      {"VERIFY_CRL_CHECK_CHAIN", X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL},
      {"VERIFY_X509_STRICT", X509_V_FLAG_X509_STRICT}, {"VERIFY_ALLOW_PROXY_CERTS", X509_V_FLAG_ALLOW_PROXY_CERTS},
      {"VERIFY_X509_TRUSTED_FIRST", X509_V_FLAG_TRUSTED_FIRST}, {"VERIFY_X509_PARTIAL_CHAIN", X509_V_FLAG_PARTIAL_CHAIN},
      {"ALERT_DESCRIPTION_CLOSE_NOTIFY", SSL_AD_CLOSE_NOTIFY},
      {"ALERT_DESCRIPTION_UNEXPECTED_MESSAGE", SSL_AD_UNEXPECTED_MESSAGE},
      {"ALERT_DESCRIPTION_BAD_RECORD_MAC", SSL_AD_BAD_RECORD_MAC},
      {"ALERT_DESCRIPTION_RECORD_OVERFLOW", SSL_AD_RECORD_OVERFLOW},
      {"ALERT_DESCRIPTION_DECOMPRESSION_FAILURE", SSL_AD_DECOMPRESSION_FAILURE},
      {"ALERT_DESCRIPTION_HANDSHAKE_FAILURE", SSL_AD_HANDSHAKE_FAILURE},
      {"ALERT_DESCRIPTION_BAD_CERTIFICATE", SSL_AD_BAD_CERTIFICATE},
      {"ALERT_DESCRIPTION_UNSUPPORTED_CERTIFICATE", SSL_AD_UNSUPPORTED_CERTIFICATE},
      {"ALERT_DESCRIPTION_CERTIFICATE_REVOKED", SSL_AD_CERTIFICATE_REVOKED},
      {"ALERT_DESCRIPTION_CERTIFICATE_EXPIRED", SSL_AD_CERTIFICATE_EXPIRED},
      {"ALERT_DESCRIPTION_CERTIFICATE_UNKNOWN", SSL_AD_CERTIFICATE_UNKNOWN},
      {"ALERT_DESCRIPTION_ILLEGAL_PARAMETER", SSL_AD_ILLEGAL_PARAMETER},
      {"ALERT_DESCRIPTION_UNKNOWN_CA", SSL_AD_UNKNOWN_CA},
      {"ALERT_DESCRIPTION_ACCESS_DENIED", SSL_AD_ACCESS_DENIED},
      {"ALERT_DESCRIPTION_DECODE_ERROR", SSL_AD_DECODE_ERROR},
      {"ALERT_DESCRIPTION_DECRYPT_ERROR", SSL_AD_DECRYPT_ERROR},
      {"ALERT_DESCRIPTION_PROTOCOL_VERSION", SSL_AD_PROTOCOL_VERSION},
      {"ALERT_DESCRIPTION_INSUFFICIENT_SECURITY", SSL_AD_INSUFFICIENT_SECURITY},
      {"ALERT_DESCRIPTION_INTERNAL_ERROR", SSL_AD_INTERNAL_ERROR},
      {"ALERT_DESCRIPTION_USER_CANCELLED", SSL_AD_USER_CANCELLED},
      {"ALERT_DESCRIPTION_NO_RENEGOTIATION", SSL_AD_NO_RENEGOTIATION},
      {"ALERT_DESCRIPTION_UNSUPPORTED_EXTENSION", SSL_AD_UNSUPPORTED_EXTENSION},
      {"ALERT_DESCRIPTION_CERTIFICATE_UNOBTAINABLE", SSL_AD_CERTIFICATE_UNOBTAINABLE},
      {"ALERT_DESCRIPTION_UNRECOGNIZED_NAME", SSL_AD_UNRECOGNIZED_NAME},
      {"ALERT_DESCRIPTION_BAD_CERTIFICATE_STATUS_RESPONSE", SSL_AD_BAD_CERTIFICATE_STATUS_RESPONSE},
      {"ALERT_DESCRIPTION_BAD_CERTIFICATE_HASH_VALUE", SSL_AD_BAD_CERTIFICATE_HASH_VALUE},
      {"ALERT_DESCRIPTION_UNKNOWN_PSK_IDENTITY", SSL_AD_UNKNOWN_PSK_IDENTITY},
      {"PROTOCOL_SSLv23", kProtoSSLv23}, {"PROTOCOL_TLS", kProtoSSLv23}, {"PROTOCOL_TLS_CLIENT", kProtoClient},
      {"PROTOCOL_TLS_SERVER", kProtoServer}, {"PROTOCOL_TLSv1", kProtoTLSv1}, {"PROTOCOL_TLSv1_1", kProtoTLSv1_1},
      {"PROTOCOL_TLSv1_2", kProtoTLSv1_2},
      {"OP_ALL", int64_t(SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS)}, {"OP_NO_SSLv2", 0},
      {"OP_NO_SSLv3", int64_t(SSL_OP_NO_SSLv3)}, {"OP_NO_TLSv1", int64_t(SSL_OP_NO_TLSv1)},
      {"OP_NO_TLSv1_1", int64_t(SSL_OP_NO_TLSv1_1)}, {"OP_NO_TLSv1_2", int64_t(SSL_OP_NO_TLSv1_2)},
      {"OP_NO_TLSv1_3", int64_t(SSL_OP_NO_TLSv1_3)},
      {"OP_CIPHER_SERVER_PREFERENCE", int64_t(SSL_OP_CIPHER_SERVER_PREFERENCE)}, {"OP_SINGLE_DH_USE", 0},
      {"OP_NO_TICKET", int64_t(SSL_OP_NO_TICKET)}, {"OP_SINGLE_ECDH_USE", 0},
      {"OP_NO_COMPRESSION", int64_t(SSL_OP_NO_COMPRESSION)},
      {"OP_ENABLE_MIDDLEBOX_COMPAT", int64_t(SSL_OP_ENABLE_MIDDLEBOX_COMPAT)},
      {"OP_NO_RENEGOTIATION", int64_t(SSL_OP_NO_RENEGOTIATION)},
      {"OP_IGNORE_UNEXPECTED_EOF", int64_t(SSL_OP_IGNORE_UNEXPECTED_EOF)},
      {"HOSTFLAG_ALWAYS_CHECK_SUBJECT", X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT},
      {"HOSTFLAG_NEVER_CHECK_SUBJECT", X509_CHECK_FLAG_NEVER_CHECK_SUBJECT},
      {"HOSTFLAG_NO_WILDCARDS", X509_CHECK_FLAG_NO_WILDCARDS},
      {"HOSTFLAG_NO_PARTIAL_WILDCARDS", X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS},
      {"HOSTFLAG_MULTI_LABEL_WILDCARDS", X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS},
      {"HOSTFLAG_SINGLE_LABEL_SUBDOMAINS", X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS},
      {"PROTO_MINIMUM_SUPPORTED", kProtoMin}, {"PROTO_MAXIMUM_SUPPORTED", kProtoMax},
      {"PROTO_SSLv3", SSL3_VERSION}, {"PROTO_TLSv1", TLS1_VERSION}, {"PROTO_TLSv1_1", TLS1_1_VERSION},
      {"PROTO_TLSv1_2", TLS1_2_VERSION}, {"PROTO_TLSv1_3", TLS1_3_VERSION},
      {"ENCODING_PEM", 1}, {"ENCODING_DER", 2},
  };
  for (const IntConst& c : consts) dict_set_str(md, str_intern(c.name), int_from_i64(c.value));
  static const char* const trues[] = {"HAS_SNI", "HAS_TLS_UNIQUE", "HAS_ECDH", "HAS_ALPN", "HAS_TLSv1",
                                      "HAS_TLSv1_1", "HAS_TLSv1_2", "HAS_TLSv1_3"};
  for (const char* t : trues) dict_set_str(md, str_intern(t), True());
  static const char* const falses[] = {"HAS_NPN", "HAS_SSLv2", "HAS_SSLv3"};
  for (const char* f : falses) dict_set_str(md, str_intern(f), False());
  dict_set_str(md, str_intern("_DEFAULT_CIPHERS"), str_value(kDefaultCiphers));

  unsigned long v = OpenSSL_version_num();
  dict_set_str(md, str_intern("OPENSSL_VERSION_NUMBER"), int_from_u64(v));
  dict_set_str(md, str_intern("OPENSSL_VERSION"), str_value(OpenSSL_version(OPENSSL_VERSION)));
  auto vinfo = [](unsigned long n) {
    return Value(tuple_of({Value::small(int64_t(n >> 28)), Value::small(int64_t((n >> 20) & 0xff)),
                           Value::small(int64_t((n >> 12) & 0xff)), Value::small(int64_t((n >> 4) & 0xff)),
                           Value::small(int64_t(n & 0xf))}));
  };
  dict_set_str(md, str_intern("OPENSSL_VERSION_INFO"), vinfo(v));
  dict_set_str(md, str_intern("_OPENSSL_API_VERSION"), vinfo(OPENSSL_VERSION_NUMBER));

  Dict* err_codes = dict_new();
  Dict* err_names = dict_new();
  Dict* lib_codes = dict_new();
  for (const SslLibName* l = kSslLibNames; l->name; l++) TRY(dict_set(lib_codes, Value::small(l->code), str_value(l->name)));
  for (const SslReasonName* r = kSslReasonNames; r->name; r++) {
    int lib = 0;
    for (const SslLibName* l = kSslLibNames; l->name; l++)
      if (std::strcmp(l->name, r->lib) == 0) lib = l->code;
    Value key = Value(tuple_of({Value::small(lib), Value::small(r->code)}));
    TRY(dict_set(err_codes, key, str_value(r->name)));
    TRY(dict_set(err_names, str_value(r->name), key));
  }
  g_lib_names = lib_codes;
  g_err_names = err_codes;
  dict_set_str(md, str_intern("err_codes_to_names"), Value(err_codes));
  dict_set_str(md, str_intern("err_names_to_codes"), Value(err_names));
  dict_set_str(md, str_intern("lib_codes_to_names"), Value(lib_codes));
  return Value(m);
}
GILPY_NATIVE_MODULE("_ssl", init);

}  // namespace gilpy::ssl
