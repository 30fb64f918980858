// pwd: the password database (getpwuid, getpwnam, getpwall) as pwd.struct_passwd records.
// Lookups use the reentrant libc calls so a lookup never sees another thread's static buffer;
// the scratch buffer grows on ERANGE because entries (and NSS back ends) have no fixed size.
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Type* g_struct_passwd;

static Value passwd_record(const struct passwd& p) {
  // CPython reports the all-ones id as -1 (it is (uid_t)-1, "no user").
  auto id = [](uid_t u) { return u == uid_t(-1) ? Value::small(-1) : int_from_i64(int64_t(u)); };
  Value v[7] = {str_value(p.pw_name ? p.pw_name : ""),   str_value(p.pw_passwd ? p.pw_passwd : ""),
                id(p.pw_uid),
                id(gid_t(p.pw_gid)),
                str_value(p.pw_gecos ? p.pw_gecos : ""), str_value(p.pw_dir ? p.pw_dir : ""),
                str_value(p.pw_shell ? p.pw_shell : "")};
  return structseq_from(g_struct_passwd, v, 7);
}

// Runs a *_r lookup with a buffer that doubles until it fits. Returns the errno-style result;
// *found is null when there is no such entry.
template <typename F>
static int lookup_r(F f, struct passwd* pw, struct passwd** found, std::string* buf) {
  long hint = ::sysconf(_SC_GETPW_R_SIZE_MAX);
  buf->resize(hint > 0 ? size_t(hint) : 1024);
  for (;;) {
    int r;
    do r = f(pw, buf->data(), buf->size(), found);
    while (r == EINTR);
    if (r != ERANGE) return r;
    if (buf->size() > (size_t(1) << 26)) return r;  // give up rather than eat memory forever
    buf->resize(buf->size() * 2);
  }
}

static Result<Value> pwd_getpwuid(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getpwuid", kw));
  TRY(check_nargs("getpwuid", n, 1, 1));
  if (!is_int(a[0]) && !(a[0].is_obj() && type_lookup(a[0].type(), N.__index__)))
    return raise_fmt(tp_TypeError, "uid should be integer, not %s", type_name(a[0]));
  Value iv = TRY(index_value(a[0]));
  int64_t u;
  // Ids that cannot be a uid_t are simply "not found", without the value (as CPython).
  if (!int_fits_i64(iv, &u) || u < -1 || u > int64_t(uint32_t(-1)))
    return raise(tp_KeyError, "getpwuid(): uid not found");
  uid_t uid = u == -1 ? uid_t(-1) : uid_t(u);
  struct passwd pw, *found = nullptr;
  std::string buf;
  int r = lookup_r([uid](struct passwd* p, char* b, size_t sz, struct passwd** out) {
    return ::getpwuid_r(uid, p, b, sz, out);
  }, &pw, &found, &buf);
  if (r == ENOMEM) return raise_memory_error();
  if (!found) {
    Str* s = TRY(str(iv));
    return raise_fmt(tp_KeyError, "getpwuid(): uid not found: %s", std::string(s->view()).c_str());
  }
  return passwd_record(pw);
}

static Result<Value> pwd_getpwnam(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getpwnam", kw));
  TRY(check_nargs("getpwnam", n, 1, 1));
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "getpwnam() argument must be str, not %s", type_name(a[0]));
  std::string name(as_str(a[0])->view());
  if (name.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null byte");
  struct passwd pw, *found = nullptr;
  std::string buf;
  int r = lookup_r([&name](struct passwd* p, char* b, size_t sz, struct passwd** out) {
    return ::getpwnam_r(name.c_str(), p, b, sz, out);
  }, &pw, &found, &buf);
  if (r == ENOMEM) return raise_memory_error();
  if (!found) {
    Str* rep = TRY(str_repr(as_str(a[0])));
    return raise_fmt(tp_KeyError, "getpwnam(): name not found: %s", std::string(rep->view()).c_str());
  }
  return passwd_record(pw);
}

static Result<Value> pwd_getpwall(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getpwall", kw));
  TRY(check_nargs("getpwall", n, 0, 0));
  List* out = list_new();
  // The enumeration API has no reentrant form in glibc that is portable; the GIL serialises
  // gilpy's own callers, which is what CPython relies on too.
  ::setpwent();
  while (struct passwd* p = ::getpwent()) {
    if (list_append(out, passwd_record(*p)).is_err()) { ::endpwent(); return Err{}; }
  }
  ::endpwent();
  return Value(out);
}

static const MethodDef pwd_functions[] = {
    {"getpwuid", pwd_getpwuid}, {"getpwnam", pwd_getpwnam}, {"getpwall", pwd_getpwall}, {nullptr, nullptr}};

static Result<Value> pwd_init() {
  Module* m = native_module_new("pwd", pwd_functions);
  g_struct_passwd = structseq_new_type("pwd", "struct_passwd",
                                       {"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"});
  dict_set_str(m->dict, str_intern("struct_passwd"), Value(g_struct_passwd));
  return Value(m);
}
GILPY_NATIVE_MODULE("pwd", pwd_init);

}  // namespace gilpy
