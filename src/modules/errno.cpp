// errno: the symbolic error codes of the platform and errorcode (code -> name).
#include <cerrno>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/interp.h"

namespace gilpy {

// The names CPython 3.11 exposes on Linux (all defined by glibc).
#define GILPY_ERRNO_NAMES(E) \
  E(E2BIG) E(EACCES) E(EADDRINUSE) E(EADDRNOTAVAIL) E(EADV) E(EAFNOSUPPORT) E(EAGAIN) E(EALREADY) \
  E(EBADE) E(EBADF) E(EBADFD) E(EBADMSG) E(EBADR) E(EBADRQC) E(EBADSLT) E(EBFONT) \
  E(EBUSY) E(ECANCELED) E(ECHILD) E(ECHRNG) E(ECOMM) E(ECONNABORTED) E(ECONNREFUSED) E(ECONNRESET) \
  E(EDEADLK) E(EDEADLOCK) E(EDESTADDRREQ) E(EDOM) E(EDOTDOT) E(EDQUOT) E(EEXIST) E(EFAULT) \
  E(EFBIG) E(EHOSTDOWN) E(EHOSTUNREACH) E(EIDRM) E(EILSEQ) E(EINPROGRESS) E(EINTR) E(EINVAL) \
  E(EIO) E(EISCONN) E(EISDIR) E(EISNAM) E(EKEYEXPIRED) E(EKEYREJECTED) E(EKEYREVOKED) E(EL2HLT) \
  E(EL2NSYNC) E(EL3HLT) E(EL3RST) E(ELIBACC) E(ELIBBAD) E(ELIBEXEC) E(ELIBMAX) E(ELIBSCN) \
  E(ELNRNG) E(ELOOP) E(EMEDIUMTYPE) E(EMFILE) E(EMLINK) E(EMSGSIZE) E(EMULTIHOP) E(ENAMETOOLONG) \
  E(ENAVAIL) E(ENETDOWN) E(ENETRESET) E(ENETUNREACH) E(ENFILE) E(ENOANO) E(ENOBUFS) E(ENOCSI) \
  E(ENODATA) E(ENODEV) E(ENOENT) E(ENOEXEC) E(ENOKEY) E(ENOLCK) E(ENOLINK) E(ENOMEDIUM) \
  E(ENOMEM) E(ENOMSG) E(ENONET) E(ENOPKG) E(ENOPROTOOPT) E(ENOSPC) E(ENOSR) E(ENOSTR) \
  E(ENOSYS) E(ENOTBLK) E(ENOTCONN) E(ENOTDIR) E(ENOTEMPTY) E(ENOTNAM) E(ENOTRECOVERABLE) E(ENOTSOCK) \
  E(ENOTSUP) E(ENOTTY) E(ENOTUNIQ) E(ENXIO) E(EOPNOTSUPP) E(EOVERFLOW) E(EOWNERDEAD) E(EPERM) \
  E(EPFNOSUPPORT) E(EPIPE) E(EPROTO) E(EPROTONOSUPPORT) E(EPROTOTYPE) E(ERANGE) E(EREMCHG) E(EREMOTE) \
  E(EREMOTEIO) E(ERESTART) E(ERFKILL) E(EROFS) E(ESHUTDOWN) E(ESOCKTNOSUPPORT) E(ESPIPE) E(ESRCH) \
  E(ESRMNT) E(ESTALE) E(ESTRPIPE) E(ETIME) E(ETIMEDOUT) E(ETOOMANYREFS) E(ETXTBSY) E(EUCLEAN) \
  E(EUNATCH) E(EUSERS) E(EWOULDBLOCK) E(EXDEV) E(EXFULL)

static Result<Value> errno_init() {
  static const MethodDef no_functions[] = {{nullptr, nullptr}};
  Module* m = native_module_new("errno", no_functions,
                                "This module makes available standard errno system symbols.");
  Dict* codes = dict_new();
  auto add = [&](const char* name, int code) {
    dict_set_str(m->dict, str_intern(name), Value::small(code));
    return dict_set(codes, Value::small(code), Value(str_intern(name)));
  };
#define E(name) TRY(add(#name, name));
  GILPY_ERRNO_NAMES(E)
#undef E
  // Aliases sharing a code: errorcode names the one CPython names.
  TRY(add("EAGAIN", EAGAIN));
  TRY(add("ENOTSUP", ENOTSUP));
  TRY(add("EDEADLOCK", EDEADLOCK));
  dict_set_str(m->dict, str_intern("errorcode"), Value(codes));
  return Value(m);
}
GILPY_NATIVE_MODULE("errno", errno_init);

}  // namespace gilpy
