// _hashlib: hashlib's OpenSSL back-end, on Debian's OpenSSL 3 (libssl-dev).
//
//   new(name, string=b'', *, usedforsecurity=True), openssl_<algo>(string=b'', ...)
//   HASH / HASHXOF objects: update, digest, hexdigest, copy, name, digest_size, block_size
//   hmac_new(key, msg=b'', digestmod=None) -> HMAC, hmac_digest(key, msg, digest)
//   pbkdf2_hmac, scrypt, compare_digest, get_fips_mode, openssl_md_meth_names,
//   UnsupportedDigestmodError, _constructors (constructor function -> name, for hmac.py)
//
// Digests are named the Python way (sha3_256, shake_128, blake2b, sha512_256) and
// OpenSSL's names are accepted too. OpenSSL's errors become ValueError (or
// UnsupportedDigestmodError) "[library] reason". Each object has its own mutex;
// updates of more than 2 KiB from an immutable bytes object run without the GIL,
// as the back-ends of _hash_common.h do. The OpenSSL contexts are malloc'ed and
// freed by a collector finalizer.
#include <gc/gc.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/objects.h>
#include <openssl/crypto.h>

#include <gmp.h>

#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "modules/_hash_common.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"  // HMAC_CTX: CPython 3.11's semantics

namespace gilpy {

namespace {

Type* tp_HASH;
Type* tp_HASHXOF;
Type* tp_HMAC;
Type* tp_Unsupported;
Dict* g_constructors;

constexpr size_t kGilMinSize = 2048;

// ---- names -----------------------------------------------------------------------------------
struct PyName {
  const char* py;
  const char* ossl;
  int nid;
};
const PyName kNames[] = {
    {"md5", "MD5", NID_md5},
    {"sha1", "SHA1", NID_sha1},
    {"sha224", "SHA224", NID_sha224},
    {"sha256", "SHA256", NID_sha256},
    {"sha384", "SHA384", NID_sha384},
    {"sha512", "SHA512", NID_sha512},
    {"sha512_224", "SHA512-224", NID_sha512_224},
    {"sha512_256", "SHA512-256", NID_sha512_256},
    {"sha3_224", "SHA3-224", NID_sha3_224},
    {"sha3_256", "SHA3-256", NID_sha3_256},
    {"sha3_384", "SHA3-384", NID_sha3_384},
    {"sha3_512", "SHA3-512", NID_sha3_512},
    {"shake_128", "SHAKE128", NID_shake128},
    {"shake_256", "SHAKE256", NID_shake256},
    {"blake2s", "BLAKE2S256", NID_blake2s256},
    {"blake2b", "BLAKE2B512", NID_blake2b512},
};

std::string md_py_name(const EVP_MD* md) {
  int nid = EVP_MD_get_type(md);
  for (const PyName& n : kNames)
    if (n.nid == nid) return n.py;
  const char* ln = nid != NID_undef ? OBJ_nid2ln(nid) : nullptr;
  if (!ln) ln = EVP_MD_get0_name(md);
  return ln ? ln : "";
}

}  // namespace

// "[library] reason" of OpenSSL's last error (clearing the queue), raised as `type`.
Err hashlib_openssl_error(Type* type) {
  unsigned long e = ERR_peek_last_error();
  ERR_clear_error();
  const char* lib = e ? ERR_lib_error_string(e) : nullptr;
  const char* reason = e ? ERR_reason_error_string(e) : nullptr;
  if (lib && reason) return raise_fmt(type, "[%s] %s", lib, reason);
  if (reason) return raise(type, reason);
  return raise(type, "no reason supplied");
}

namespace {

// The digest named `name` (a str), fetched from the default provider.
Result<EVP_MD*> md_by_name(std::string_view name, Type* err_type) {
  std::string n(name);
  const char* ossl = n.c_str();
  for (const PyName& p : kNames)
    if (n == p.py) ossl = p.ossl;
  EVP_MD* md = EVP_MD_fetch(nullptr, ossl, nullptr);
  if (!md) return hashlib_openssl_error(err_type);
  return md;
}

// A digestmod argument of hmac_new/hmac_digest: a name or one of the module's constructors.
Result<EVP_MD*> md_by_digestmod(Value dm) {
  if (is_str(dm)) return md_by_name(as_str(dm)->view(), tp_ValueError);
  Value name;
  if (g_constructors) {
    Status st = dict_get2(g_constructors, dm, &name);
    if (st.is_err()) {
      exc_clear();
      name = Value();
    }
  }
  if (!name || !is_str(name)) {
    Str* r = TRY(repr(dm));
    return raise_fmt(tp_Unsupported, "Unsupported digestmod %s", std::string(r->view()).c_str());
  }
  return md_by_name(as_str(name)->view(), tp_ValueError);
}

// A bytes-like argument ("a bytes-like object is required, not 'str'").
Result<std::string_view> bytes_arg(Value v) {
  std::string_view out;
  if (is_str(v) || !buffer_view_opt(v, &out))
    return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", v.type()->name->data);
  return out;
}

std::string str_printf(const char* fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

std::string to_hex(const std::string& d) {
  static const char hex[] = "0123456789abcdef";
  std::string out(2 * d.size(), '\0');
  for (size_t i = 0; i < d.size(); i++) {
    out[2 * i] = hex[uint8_t(d[i]) >> 4];
    out[2 * i + 1] = hex[uint8_t(d[i]) & 15];
  }
  return out;
}

// Holds `mu`; waits for it without the GIL when a GIL-free update has it.
class Locked {
 public:
  explicit Locked(std::mutex& mu) : mu_(mu) {
    if (!mu_.try_lock()) {
      gil::ReleaseGil g;
      mu_.lock();
    }
  }
  ~Locked() { mu_.unlock(); }

 private:
  std::mutex& mu_;
};

// ---- HASH / HASHXOF ----------------------------------------------------------------------------
struct HashObj : Object {
  EVP_MD_CTX* ctx;
  std::mutex mu;
};
HashObj* H(Value v) { return v.as<HashObj>(); }

void hash_finalizer(void* obj, void*) {
  HashObj* h = static_cast<HashObj*>(obj);
  if (h->ctx) EVP_MD_CTX_free(h->ctx);
  h->ctx = nullptr;
  h->mu.~mutex();
}

HashObj* hash_alloc(Type* t) {
  HashObj* h = static_cast<HashObj*>(alloc_instance(t, sizeof(HashObj)));
  new (&h->mu) std::mutex();
  h->ctx = EVP_MD_CTX_new();
  GC_register_finalizer(h, hash_finalizer, nullptr, nullptr, nullptr);
  return h;
}

Status hash_update(HashObj* h, Value data) {
  std::string_view v = TRY(hash_data(data));
  int ok;
  if (v.size() > kGilMinSize && is_bytes(data)) {
    gil::ReleaseGil g;
    std::lock_guard<std::mutex> l(h->mu);
    ok = EVP_DigestUpdate(h->ctx, v.data(), v.size());
  } else {
    Locked l(h->mu);
    ok = EVP_DigestUpdate(h->ctx, v.data(), v.size());
  }
  if (!ok) return hashlib_openssl_error(tp_ValueError);
  return OK();
}

// A new HASH (or HASHXOF) object for `md`, fed with `data` (may be null).
Result<Value> hash_new_md(EVP_MD* md, Value data) {
  bool xof = EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF;
  HashObj* h = hash_alloc(xof ? tp_HASHXOF : tp_HASH);
  int ok = h->ctx && EVP_DigestInit_ex(h->ctx, md, nullptr);
  EVP_MD_free(md);
  if (!ok) return hashlib_openssl_error(tp_ValueError);
  if (data) TRY(hash_update(h, data));
  return Value(h);
}

Result<Value> hash_m_update(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("HASH.update", kw));
  TRY(check_nargs("HASH.update", n - 1, 1, 1));
  TRY(hash_update(H(a[0]), a[1]));
  return None();
}

// A copy of the context (under the lock); null with the error set.
Result<EVP_MD_CTX*> ctx_copy(HashObj* h) {
  EVP_MD_CTX* c = EVP_MD_CTX_new();
  int ok;
  {
    Locked l(h->mu);
    ok = c && EVP_MD_CTX_copy_ex(c, h->ctx);
  }
  if (!ok) {
    EVP_MD_CTX_free(c);
    return hashlib_openssl_error(tp_ValueError);
  }
  return c;
}

Result<std::string> hash_final(HashObj* h, size_t xof_len, bool xof) {
  EVP_MD_CTX* c = TRY(ctx_copy(h));
  std::string out;
  int ok;
  if (xof) {
    out.assign(xof_len, '\0');
    ok = xof_len == 0 || EVP_DigestFinalXOF(c, reinterpret_cast<unsigned char*>(out.data()), xof_len);
  } else {
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    ok = EVP_DigestFinal_ex(c, buf, &len);
    out.assign(reinterpret_cast<char*>(buf), len);
  }
  EVP_MD_CTX_free(c);
  if (!ok) return hashlib_openssl_error(tp_ValueError);
  return out;
}

Result<Value> hash_m_digest(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("HASH.digest", kw));
  TRY(check_nargs("HASH.digest", n - 1, 0, 0));
  return bytes_from(TRY(hash_final(H(a[0]), 0, false)));
}
Result<Value> hash_m_hexdigest(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("HASH.hexdigest", kw));
  TRY(check_nargs("HASH.hexdigest", n - 1, 0, 0));
  return str_value(to_hex(TRY(hash_final(H(a[0]), 0, false))));
}

// HASHXOF.digest(length) / hexdigest(length).
Result<size_t> xof_length(const char* fname, Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args(fname, a + 1, n - 1, kw, {"length"}, 1, out));
  if (!is_int(out[0]))
    return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", out[0].type()->name->data);
  int64_t len = TRY(as_index(out[0]));
  if (len < 0) return raise(tp_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
  if (len >= (int64_t(1) << 40)) return raise_memory_error();
  return size_t(len);
}
Result<Value> xof_m_digest(Value* a, int64_t n, Tuple* kw) {
  size_t len = TRY(xof_length("digest", a, n, kw));
  return bytes_from(TRY(hash_final(H(a[0]), len, true)));
}
Result<Value> xof_m_hexdigest(Value* a, int64_t n, Tuple* kw) {
  size_t len = TRY(xof_length("hexdigest", a, n, kw));
  return str_value(to_hex(TRY(hash_final(H(a[0]), len, true))));
}

Result<Value> hash_m_copy(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("HASH.copy", kw));
  TRY(check_nargs("HASH.copy", n - 1, 0, 0));
  HashObj* src = H(a[0]);
  HashObj* h = hash_alloc(a[0].type());
  EVP_MD_CTX_free(h->ctx);
  h->ctx = TRY(ctx_copy(src));
  return Value(h);
}

Result<Value> hash_m_repr(Value* a, int64_t, Tuple*) {
  std::string name = md_py_name(EVP_MD_CTX_get0_md(H(a[0])->ctx));
  return str_value(
      str_printf("<%s %s object @ %p>", name.c_str(), a[0].type() == tp_HASHXOF ? "_hashlib.HASHXOF" : "_hashlib.HASH",
                 static_cast<void*>(a[0].as<Object>())));
}

Result<Value> hash_g_name(Value self) { return str_value(md_py_name(EVP_MD_CTX_get0_md(H(self)->ctx))); }
Result<Value> hash_g_digest_size(Value self) { return Value::small(EVP_MD_CTX_get_size(H(self)->ctx)); }
Result<Value> hash_g_block_size(Value self) { return Value::small(EVP_MD_CTX_get_block_size(H(self)->ctx)); }

Result<Value> no_new(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot create '_hashlib.%s' instances", as_type(a[0])->name->data);
}

// new(name, string=b'', *, usedforsecurity=True)
Result<Value> f_new(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(hash_check_args("new", n, kw, {"name", "string", "usedforsecurity"}, 0, 2));
  TRY(parse_args("new", a, n, kw, {"name", "string", "usedforsecurity"}, 1, out, 0, 2));
  if (!is_str(out[0])) return raise(tp_TypeError, "name must be a string");
  if (out[1]) TRY(hash_data(out[1]));
  EVP_MD* md = TRY(md_by_name(as_str(out[0])->view(), tp_ValueError));
  return hash_new_md(md, out[1]);
}

Result<Value> named_new(const char* fname, const char* algo, Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(hash_check_args(fname, n, kw, {"string", "usedforsecurity"}, 0, 1));
  TRY(parse_args(fname, a, n, kw, {"string", "usedforsecurity"}, 0, out, 0, 1));
  if (out[0]) TRY(hash_data(out[0]));
  EVP_MD* md = TRY(md_by_name(algo, tp_ValueError));
  return hash_new_md(md, out[0]);
}

#define NAMED(fn, algo) \
  Result<Value> f_##fn(Value* a, int64_t n, Tuple* kw) { return named_new(#fn, algo, a, n, kw); }
NAMED(openssl_md5, "md5")
NAMED(openssl_sha1, "sha1")
NAMED(openssl_sha224, "sha224")
NAMED(openssl_sha256, "sha256")
NAMED(openssl_sha384, "sha384")
NAMED(openssl_sha512, "sha512")
NAMED(openssl_sha3_224, "sha3_224")
NAMED(openssl_sha3_256, "sha3_256")
NAMED(openssl_sha3_384, "sha3_384")
NAMED(openssl_sha3_512, "sha3_512")
NAMED(openssl_shake_128, "shake_128")
NAMED(openssl_shake_256, "shake_256")
#undef NAMED

// ---- HMAC ------------------------------------------------------------------------------------
struct HmacObj : Object {
  HMAC_CTX* ctx;
  std::mutex mu;
};
HmacObj* M(Value v) { return v.as<HmacObj>(); }

void hmac_finalizer(void* obj, void*) {
  HmacObj* h = static_cast<HmacObj*>(obj);
  if (h->ctx) HMAC_CTX_free(h->ctx);
  h->ctx = nullptr;
  h->mu.~mutex();
}

HmacObj* hmac_alloc() {
  HmacObj* h = static_cast<HmacObj*>(alloc_instance(tp_HMAC, sizeof(HmacObj)));
  new (&h->mu) std::mutex();
  h->ctx = HMAC_CTX_new();
  GC_register_finalizer(h, hmac_finalizer, nullptr, nullptr, nullptr);
  return h;
}

Status hmac_update(HmacObj* h, Value data) {
  std::string_view v = TRY(hash_data(data));
  int ok;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(v.data());
  if (v.size() > kGilMinSize && is_bytes(data)) {
    gil::ReleaseGil g;
    std::lock_guard<std::mutex> l(h->mu);
    ok = HMAC_Update(h->ctx, p, v.size());
  } else {
    Locked l(h->mu);
    ok = HMAC_Update(h->ctx, p, v.size());
  }
  if (!ok) return hashlib_openssl_error(tp_ValueError);
  return OK();
}

// hmac_new(key, msg=b'', digestmod=None)
Result<Value> f_hmac_new(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(parse_args("hmac_new", a, n, kw, {"key", "msg", "digestmod"}, 1, out));
  std::string_view key = TRY(bytes_arg(out[0]));
  if (!out[2]) return raise(tp_TypeError, "Missing required parameter 'digestmod'.");
  if (key.size() > INT_MAX) return raise(tp_OverflowError, "key is too long.");
  EVP_MD* md = TRY(md_by_digestmod(out[2]));
  HmacObj* h = hmac_alloc();
  int ok = h->ctx && HMAC_Init_ex(h->ctx, key.data(), int(key.size()), md, nullptr);
  EVP_MD_free(md);
  if (!ok) return hashlib_openssl_error(tp_ValueError);
  if (out[1] && !is_none(out[1])) TRY(hmac_update(h, out[1]));
  return Value(h);
}

// hmac_digest(key, msg, digest)
Result<Value> f_hmac_digest(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(parse_args("hmac_digest", a, n, kw, {"key", "msg", "digest"}, 3, out));
  std::string_view key = TRY(bytes_arg(out[0]));
  std::string_view msg = TRY(bytes_arg(out[1]));
  if (key.size() > INT_MAX) return raise(tp_OverflowError, "key is too long.");
  EVP_MD* md = TRY(md_by_digestmod(out[2]));
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  unsigned char* r;
  if (msg.size() > kGilMinSize && is_bytes(out[1]) && is_bytes(out[0])) {
    gil::ReleaseGil g;
    r = HMAC(md, key.data(), int(key.size()), reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), buf,
             &len);
  } else {
    r = HMAC(md, key.data(), int(key.size()), reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), buf,
             &len);
  }
  EVP_MD_free(md);
  if (!r) return hashlib_openssl_error(tp_ValueError);
  return bytes_from(std::string_view(reinterpret_cast<char*>(buf), len));
}

Result<Value> hmac_m_update(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("update", a + 1, n - 1, kw, {"msg"}, 1, out));
  TRY(hmac_update(M(a[0]), out[0]));
  return None();
}

Result<HMAC_CTX*> hmac_ctx_copy(HmacObj* h) {
  HMAC_CTX* c = HMAC_CTX_new();
  int ok;
  {
    Locked l(h->mu);
    ok = c && HMAC_CTX_copy(c, h->ctx);
  }
  if (!ok) {
    HMAC_CTX_free(c);
    return hashlib_openssl_error(tp_ValueError);
  }
  return c;
}

Result<std::string> hmac_final(HmacObj* h) {
  HMAC_CTX* c = TRY(hmac_ctx_copy(h));
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  int ok = HMAC_Final(c, buf, &len);
  HMAC_CTX_free(c);
  if (!ok) return hashlib_openssl_error(tp_ValueError);
  return std::string(reinterpret_cast<char*>(buf), len);
}

Result<Value> hmac_m_digest(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("HMAC.digest", kw));
  TRY(check_nargs("HMAC.digest", n - 1, 0, 0));
  return bytes_from(TRY(hmac_final(M(a[0]))));
}
Result<Value> hmac_m_hexdigest(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("HMAC.hexdigest", kw));
  TRY(check_nargs("HMAC.hexdigest", n - 1, 0, 0));
  return str_value(to_hex(TRY(hmac_final(M(a[0])))));
}
Result<Value> hmac_m_copy(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("HMAC.copy", kw));
  TRY(check_nargs("HMAC.copy", n - 1, 0, 0));
  HmacObj* h = hmac_alloc();
  HMAC_CTX_free(h->ctx);
  h->ctx = nullptr;
  h->ctx = TRY(hmac_ctx_copy(M(a[0])));
  return Value(h);
}
std::string hmac_md_name(Value self) {
  const EVP_MD* md = HMAC_CTX_get_md(M(self)->ctx);
  return md ? md_py_name(md) : std::string("unknown");
}
Result<Value> hmac_m_repr(Value* a, int64_t, Tuple*) {
  return str_value(
      str_printf("<%s HMAC object @ %p>", hmac_md_name(a[0]).c_str(), static_cast<void*>(a[0].as<Object>())));
}
Result<Value> hmac_g_name(Value self) { return str_value("hmac-" + hmac_md_name(self)); }
Result<Value> hmac_g_digest_size(Value self) {
  const EVP_MD* md = HMAC_CTX_get_md(M(self)->ctx);
  return Value::small(md ? EVP_MD_get_size(md) : 0);
}
Result<Value> hmac_g_block_size(Value self) {
  const EVP_MD* md = HMAC_CTX_get_md(M(self)->ctx);
  return Value::small(md ? EVP_MD_get_block_size(md) : 0);
}

// ---- key derivation ------------------------------------------------------------------------------
// A C long argument (TypeError for non-integers, OverflowError past 64 bits).
Result<int64_t> long_arg(Value v) {
  if (!is_int(v))
    return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", v.type()->name->data);
  int64_t out = 0;
  if (!int_fits_i64(v, &out)) return raise(tp_OverflowError, "Python int too large to convert to C long");
  return out;
}

// An int that fits 64 unsigned bits.
bool fits_u64(Value v, uint64_t* out) {
  mpz_t z;
  int_to_mpz(v, z);
  bool fits = mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= 64;
  if (fits) {
    size_t count = 0;
    unsigned char buf[8] = {0};
    mpz_export(buf, &count, -1, 1, 0, 0, z);
    *out = 0;
    for (size_t i = 0; i < count; i++) *out |= uint64_t(buf[i]) << (8 * i);
  }
  mpz_clear(z);
  return fits;
}

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
Result<Value> f_pbkdf2_hmac(Value* a, int64_t n, Tuple* kw) {
  Value out[5];
  TRY(parse_args("pbkdf2_hmac", a, n, kw, {"hash_name", "password", "salt", "iterations", "dklen"}, 4, out));
  if (!is_str(out[0]))
    return raise_fmt(tp_TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %s",
                     out[0].type()->name->data);
  std::string_view pw = TRY(bytes_arg(out[1]));
  std::string_view salt = TRY(bytes_arg(out[2]));
  int64_t iters = TRY(long_arg(out[3]));
  EVP_MD* md = TRY(md_by_name(as_str(out[0])->view(), tp_ValueError));
  struct Free {
    EVP_MD* md;
    ~Free() { EVP_MD_free(md); }
  } f{md};
  if (iters < 1) return raise(tp_ValueError, "iteration value must be greater than 0.");
  if (iters > INT_MAX) return raise(tp_OverflowError, "iteration value is too great.");
  int64_t dklen;
  if (!out[4] || is_none(out[4])) {
    dklen = EVP_MD_get_size(md);
  } else {
    dklen = TRY(long_arg(out[4]));
  }
  if (dklen < 1) return raise(tp_ValueError, "key length must be greater than 0.");
  if (dklen > INT_MAX) return raise(tp_OverflowError, "key length is too great.");
  if (pw.size() > INT_MAX) return raise(tp_OverflowError, "password is too long.");
  if (salt.size() > INT_MAX) return raise(tp_OverflowError, "salt is too long.");
  std::string key(size_t(dklen), '\0');
  std::string pws(pw), salts(salt);
  int ok = gil::blocking(gil::Block::Other, [&] {
    return PKCS5_PBKDF2_HMAC(pws.data(), int(pws.size()), reinterpret_cast<const unsigned char*>(salts.data()),
                             int(salts.size()), int(iters), md, int(dklen), reinterpret_cast<unsigned char*>(key.data()));
  });
  if (!ok) return hashlib_openssl_error(tp_ValueError);
  return bytes_from(key);
}

// An unsigned long argument of scrypt: TypeError "<name> is required and must be an unsigned int".
Result<uint64_t> scrypt_ulong(Value v, const char* name) {
  uint64_t out = 0;
  if (!v || !is_int(v) || !fits_u64(v, &out))
    return raise_fmt(tp_TypeError, "%s is required and must be an unsigned int", name);
  return out;
}

// scrypt(password, *, salt=None, n=None, r=None, p=None, maxmem=0, dklen=64)
Result<Value> f_scrypt(Value* a, int64_t n, Tuple* kw) {
  Value out[7];
  if (n > 1)
    return raise_fmt(tp_TypeError, "scrypt() takes exactly 1 positional argument (%lld given)", (long long)n);
  TRY(parse_args("scrypt", a, n, kw, {"password", "salt", "n", "r", "p", "maxmem", "dklen"}, 1, out, 0, 1));
  std::string_view pw = TRY(bytes_arg(out[0]));
  if (!out[1] || is_none(out[1])) return raise(tp_TypeError, "salt is required");
  std::string_view salt = TRY(bytes_arg(out[1]));
  if (pw.size() > INT_MAX) return raise(tp_OverflowError, "password is too long.");
  if (salt.size() > INT_MAX) return raise(tp_OverflowError, "salt is too long.");
  uint64_t N = TRY(scrypt_ulong(out[2] && !is_none(out[2]) ? out[2] : Value(), "n"));
  if (N < 2 || (N & (N - 1))) return raise(tp_ValueError, "n must be a power of 2.");
  uint64_t r = TRY(scrypt_ulong(out[3] && !is_none(out[3]) ? out[3] : Value(), "r"));
  uint64_t p = TRY(scrypt_ulong(out[4] && !is_none(out[4]) ? out[4] : Value(), "p"));
  int64_t maxmem = out[5] ? TRY(long_arg(out[5])) : 0;
  if (maxmem < 0 || maxmem > INT_MAX)
    return raise(tp_ValueError, "maxmem must be positive and smaller than 2147483647");
  int64_t dklen = out[6] ? TRY(long_arg(out[6])) : 64;
  if (dklen < 1 || dklen > INT_MAX)
    return raise(tp_ValueError, "dklen must be greater than 0 and smaller than 2147483647");
  // Parameters OpenSSL rejects outright, before any work.
  if (!EVP_PBE_scrypt(nullptr, 0, nullptr, 0, N, r, p, uint64_t(maxmem), nullptr, 0)) {
    if (ERR_peek_last_error()) return hashlib_openssl_error(tp_ValueError);
    return raise(tp_ValueError, "Invalid parameter combination for n, r, p, maxmem.");
  }
  std::string key(size_t(dklen), '\0');
  std::string pws(pw), salts(salt);
  int ok = gil::blocking(gil::Block::Other, [&] {
    return EVP_PBE_scrypt(pws.data(), pws.size(), reinterpret_cast<const unsigned char*>(salts.data()), salts.size(),
                          N, r, p, uint64_t(maxmem), reinterpret_cast<unsigned char*>(key.data()), key.size());
  });
  if (!ok) return hashlib_openssl_error(tp_ValueError);
  return bytes_from(key);
}

// ---- the rest ----------------------------------------------------------------------------------
Result<Value> f_get_fips_mode(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("get_fips_mode", kw));
  TRY(check_nargs("get_fips_mode", n, 0, 0));
  return Value::small(EVP_default_properties_is_fips_enabled(nullptr) ? 1 : 0);
}

Result<Value> f_compare_digest(Value* a, int64_t n, Tuple* kw) {
  Value op = TRY(import_module(str_intern("_operator")));
  Value fn = TRY(getattr(op, str_intern("_compare_digest")));
  Value out[2];
  TRY(parse_args("compare_digest", a, n, kw, {"a", "b"}, 2, out, 2));
  return call2(fn, out[0], out[1]);
}

void collect_md(EVP_MD* md, void* arg) {
  auto* names = static_cast<std::vector<std::string>*>(arg);
  if (EVP_MD_get_type(md) == NID_undef) return;
  std::string n = md_py_name(md);
  if (!n.empty()) names->push_back(n);
}

const MethodDef functions[] = {
    {"new", f_new, MethKind::Method, "Return a new hash object using the named algorithm."},
    {"openssl_md5", f_openssl_md5, MethKind::Method, "Returns a md5 hash object; optionally initialized with a string"},
    {"openssl_sha1", f_openssl_sha1, MethKind::Method, "Returns a sha1 hash object; optionally initialized with a string"},
    {"openssl_sha224", f_openssl_sha224, MethKind::Method, "Returns a sha224 hash object; optionally initialized with a string"},
    {"openssl_sha256", f_openssl_sha256, MethKind::Method, "Returns a sha256 hash object; optionally initialized with a string"},
    {"openssl_sha384", f_openssl_sha384, MethKind::Method, "Returns a sha384 hash object; optionally initialized with a string"},
    {"openssl_sha512", f_openssl_sha512, MethKind::Method, "Returns a sha512 hash object; optionally initialized with a string"},
    {"openssl_sha3_224", f_openssl_sha3_224, MethKind::Method, "Returns a sha3-224 hash object; optionally initialized with a string"},
    {"openssl_sha3_256", f_openssl_sha3_256, MethKind::Method, "Returns a sha3-256 hash object; optionally initialized with a string"},
    {"openssl_sha3_384", f_openssl_sha3_384, MethKind::Method, "Returns a sha3-384 hash object; optionally initialized with a string"},
    {"openssl_sha3_512", f_openssl_sha3_512, MethKind::Method, "Returns a sha3-512 hash object; optionally initialized with a string"},
    {"openssl_shake_128", f_openssl_shake_128, MethKind::Method, "Returns a shake-128 variable hash object; optionally initialized with a string"},
    {"openssl_shake_256", f_openssl_shake_256, MethKind::Method, "Returns a shake-256 variable hash object; optionally initialized with a string"},
    {"hmac_new", f_hmac_new, MethKind::Method, "Return a new hmac object."},
    {"hmac_digest", f_hmac_digest, MethKind::Method, "Single-shot HMAC."},
    {"pbkdf2_hmac", f_pbkdf2_hmac, MethKind::Method, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"scrypt", f_scrypt, MethKind::Method, "scrypt password-based key derivation function."},
    {"get_fips_mode", f_get_fips_mode, MethKind::Method, "Determine the OpenSSL FIPS mode of operation."},
    {"compare_digest", f_compare_digest, MethKind::Method, "Return 'a == b'."},
    {nullptr, nullptr}};

const char* const kConstructorNames[][2] = {
    {"openssl_md5", "md5"},           {"openssl_sha1", "sha1"},         {"openssl_sha224", "sha224"},
    {"openssl_sha256", "sha256"},     {"openssl_sha384", "sha384"},     {"openssl_sha512", "sha512"},
    {"openssl_sha3_224", "sha3_224"}, {"openssl_sha3_256", "sha3_256"}, {"openssl_sha3_384", "sha3_384"},
    {"openssl_sha3_512", "sha3_512"}, {"openssl_shake_128", "shake_128"}, {"openssl_shake_256", "shake_256"}};

Result<Value> init() {
  Module* m = native_module_new("_hashlib", functions);
  Dict* md = m->dict;
  if (!tp_HASH) {
    static const MethodDef hash_methods[] = {
        {"__new__", no_new, MethKind::Static},
        {"__repr__", hash_m_repr},
        {"update", hash_m_update, MethKind::Method, "Update this hash object's state with the provided string."},
        {"digest", hash_m_digest, MethKind::Method, "Return the digest value as a bytes object."},
        {"hexdigest", hash_m_hexdigest, MethKind::Method, "Return the digest value as a string of hexadecimal digits."},
        {"copy", hash_m_copy, MethKind::Method, "Return a copy of the hash object."},
        {nullptr, nullptr}};
    static const GetSetDef hash_getsets[] = {{"name", hash_g_name},
                                             {"digest_size", hash_g_digest_size},
                                             {"block_size", hash_g_block_size},
                                             {nullptr, nullptr}};
    tp_HASH = native_type_new("_hashlib", "HASH", tp_object, Layout::Other, sizeof(HashObj), hash_methods,
                              hash_getsets, 0);
    static const MethodDef xof_methods[] = {
        {"digest", xof_m_digest, MethKind::Method, "Return the digest value as a bytes object."},
        {"hexdigest", xof_m_hexdigest, MethKind::Method, "Return the digest value as a string of hexadecimal digits."},
        {nullptr, nullptr}};
    static const GetSetDef xof_getsets[] = {{"digest_size", [](Value) -> Result<Value> { return Value::small(0); }},
                                            {nullptr, nullptr}};
    tp_HASHXOF = native_type_new("_hashlib", "HASHXOF", tp_HASH, Layout::Other, sizeof(HashObj), xof_methods,
                                 xof_getsets, 0);
    static const MethodDef hmac_methods[] = {
        {"__new__", no_new, MethKind::Static},
        {"__repr__", hmac_m_repr},
        {"update", hmac_m_update, MethKind::Method, "Update the HMAC object with msg."},
        {"digest", hmac_m_digest, MethKind::Method, "Return the digest of the bytes passed to the update() method so far."},
        {"hexdigest", hmac_m_hexdigest, MethKind::Method, "Return hexadecimal digest of the bytes passed to the update() method so far."},
        {"copy", hmac_m_copy, MethKind::Method, "Return a copy (\"clone\") of the HMAC object."},
        {nullptr, nullptr}};
    static const GetSetDef hmac_getsets[] = {{"name", hmac_g_name},
                                             {"digest_size", hmac_g_digest_size},
                                             {"block_size", hmac_g_block_size},
                                             {nullptr, nullptr}};
    tp_HMAC = native_type_new("_hashlib", "HMAC", tp_object, Layout::Other, sizeof(HmacObj), hmac_methods,
                              hmac_getsets, 0);
    Dict* ns = dict_new();
    dict_set_str(ns, str_intern("__module__"), str_value("_hashlib"));
    Value t = TRY(call3(Value(tp_type), str_value("UnsupportedDigestmodError"), Value(tuple_of({Value(tp_ValueError)})),
                        Value(ns)));
    tp_Unsupported = as_type(t);
  }
  dict_set_str(md, str_intern("HASH"), Value(tp_HASH));
  dict_set_str(md, str_intern("HASHXOF"), Value(tp_HASHXOF));
  dict_set_str(md, str_intern("HMAC"), Value(tp_HMAC));
  dict_set_str(md, str_intern("UnsupportedDigestmodError"), Value(tp_Unsupported));

  std::vector<std::string> names;
  EVP_MD_do_all_provided(nullptr, collect_md, &names);
  Set* s = set_new(tp_frozenset);
  for (const std::string& n : names) TRY(set_add(s, str_value(n)));
  dict_set_str(md, str_intern("openssl_md_meth_names"), Value(s));

  Dict* ctors = dict_new();
  for (auto& c : kConstructorNames) {
    Value fn = dict_get_str(md, str_intern(c[0]));
    if (fn) TRY(dict_set(ctors, fn, str_value(c[1])));
  }
  g_constructors = ctors;
  dict_set_str(md, str_intern("_constructors"), Value(ctors));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_hashlib", init);

}  // namespace gilpy
