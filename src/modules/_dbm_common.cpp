// Shared by _gdbm and _dbm (see _dbm_common.h).
#include "modules/_dbm_common.h"

#include <cstring>

#include "modules/posix_impl.h"

namespace gilpy::dbm_common {

Status text_or_bytes(Value v, std::string_view* out, Value* keep) {
  if (is_str(v)) {
    Str* s = as_str(v);
    std::string_view t = s->view();
    // Stored as WTF-8: a surrogate is an 0xED lead byte followed by 0xA0-0xBF.
    if (!s->ascii) {
      for (size_t i = 0; i + 1 < t.size(); i++) {
        if (uint8_t(t[i]) == 0xED && uint8_t(t[i + 1]) >= 0xA0) {
          Value b = TRY(codec_encode(s, "utf-8", "strict"));  // raises UnicodeEncodeError
          *keep = b;
          *out = as_bytes(b)->view();
          return OK();
        }
      }
    }
    *keep = v;
    *out = t;
    return OK();
  }
  if (is_bytes(v)) {
    *keep = v;
    *out = as_bytes(v)->view();
    return OK();
  }
  std::string_view ignored;
  if (buffer_view_opt(v, &ignored))
    return raise_fmt(tp_TypeError, "argument must be read-only bytes-like object, not %s", type_name(v));
  exc_clear();
  return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
}

Status filename_arg(Value v, std::string* out) {
  Value p = TRY(posix::fspath(v));
  if (is_str(p)) {
    *out = TRY(posix::fs_encode(as_str(p)));
  } else {
    *out = std::string(as_bytes(p)->view());
  }
  if (out->find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null byte");
  return OK();
}

Result<Type*> make_error(const char* module) {
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, str_value(module));
  Value t = TRY(call3(Value(tp_type), str_value("error"), Value(tuple_of({Value(tp_OSError)})), Value(ns)));
  return as_type(t);
}

Err raise_errno_with_filename(Type* error, int err, std::string_view filename) {
  Result<Value> name = posix::fs_decode(filename);
  if (name.is_err()) return ERR;
  Value args[3] = {Value::small(err), str_value(std::strerror(err)), name.value()};
  return raise_with_args(error, args, 3);
}

}  // namespace gilpy::dbm_common
