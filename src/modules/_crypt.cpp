// _crypt: the C half of CPython's (deprecated) crypt module, on libxcrypt
// (Debian's libcrypt-dev).
//
//   crypt(word, salt, /) -> str
//
// Both arguments are str without NUL characters, passed as UTF-8; the result
// is decoded like a file name. libxcrypt answers an unusable salt with a
// failure token ("*0" or "*1") rather than an error; a null result raises
// OSError from errno, as in CPython 3.11. The hash runs with the GIL
// released (crypt_r keeps its state in the caller's buffer).
#include <crypt.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interp.h"

namespace gilpy {

namespace {

// A str argument as UTF-8 (CPython's "s" converter, with clinic's messages).
Status str_arg(Value v, int pos, std::string* out) {
  if (!is_str(v)) return raise_fmt(tp_TypeError, "crypt() argument %d must be str, not %s", pos, type_name(v));
  Str* s = as_str(v);
  std::string_view t = s->view();
  if (!s->ascii && t.find('\xED') != std::string_view::npos) {
    Value b = TRY(codec_encode(s, "utf-8", "strict"));  // a lone surrogate raises UnicodeEncodeError
    t = as_bytes(b)->view();
  }
  if (t.find('\0') != std::string_view::npos) return raise(tp_ValueError, "embedded null character");
  *out = std::string(t);
  return OK();
}

Result<Value> m_crypt(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_crypt.crypt", kw));
  TRY(check_nargs("crypt", n, 2, 2));
  std::string word, salt;
  TRY(str_arg(a[0], 1, &word));
  TRY(str_arg(a[1], 2, &salt));
  struct Free {
    void operator()(crypt_data* p) const { std::free(p); }
  };
  std::unique_ptr<crypt_data, Free> data(static_cast<crypt_data*>(std::calloc(1, sizeof(crypt_data))));
  if (!data) return raise_memory_error();
  const char* r;
  int err;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    errno = 0;
    r = crypt_r(word.c_str(), salt.c_str(), data.get());
    err = errno;
  }
  if (!r) return raise_errno(err);
  return posix::fs_decode(r);
}

const char kCryptDoc[] =
    "Hash a *word* with the given *salt* and return the hashed password.\n"
    "\n"
    "*word* will usually be a user's password.  *salt* (either a random 2 or 16\n"
    "character string, possibly prefixed with $digit$ to indicate the method)\n"
    "will be used to perturb the encryption algorithm and produce distinct\n"
    "results for a given *word*.";

const MethodDef functions[] = {{"crypt", m_crypt, MethKind::Method, kCryptDoc}, {nullptr, nullptr}};

Result<Value> init() { return Value(native_module_new("_crypt", functions)); }

}  // namespace

GILPY_NATIVE_MODULE("_crypt", init);

}  // namespace gilpy
