// posix, part 7: extended attributes (see posix_impl.h).
//
// Each function takes a path or an open descriptor and follow_symlinks
// (False selects the l*xattr call); the attribute name is a str or bytes path-
// like argument. The calls touch the file system and run without the GIL.
#include <sys/xattr.h>
#include <linux/limits.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/protocols.h"

namespace gilpy::posix {

// CPython refuses an fd together with follow_symlinks=False (testing fd > 0,
// so descriptor 0 slips through to the f*xattr call).
static Status fd_and_follow_check(const char* fname, const Path& p, bool follow) {
  if (p.fd > 0 && !follow)
    return raise_fmt(tp_ValueError, "%s: cannot use fd and follow_symlinks together", fname);
  return OK();
}

template <class F>
static auto run_blocking(F&& f) {
  return gil::blocking(gil::Block::File, std::forward<F>(f));
}

static Result<Value> px_getxattr(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("getxattr", args, nargs, kw, {"path", "attribute", "follow_symlinks"}, 2, o, 0, 2));
  Path p, a;
  TRY(path_convert("getxattr", o[0], &p, true));
  TRY(path_convert("getxattr", o[1], &a, false, false, "attribute"));
  bool follow = TRY(flag_arg(o[2], true));
  TRY(fd_and_follow_check("getxattr", p, follow));
  // A small buffer first, then the largest value the kernel allows.
  for (size_t size : {size_t(128), size_t(XATTR_SIZE_MAX)}) {
    std::string buf(size, '\0');
    ssize_t r = run_blocking([&] {
      if (p.fd >= 0) return ::fgetxattr(p.fd, a.c(), buf.data(), size);
      if (follow) return ::getxattr(p.c(), a.c(), buf.data(), size);
      return ::lgetxattr(p.c(), a.c(), buf.data(), size);
    });
    if (r >= 0) return bytes_from(std::string_view(buf.data(), size_t(r)));
    if (errno != ERANGE || size == XATTR_SIZE_MAX) return raise_path_error(errno, p);
  }
  return raise_path_error(ERANGE, p);
}

static Result<Value> px_setxattr(Value* args, int64_t nargs, Tuple* kw) {
  Value o[5];
  TRY(parse_args("setxattr", args, nargs, kw, {"path", "attribute", "value", "flags", "follow_symlinks"}, 3, o, 0,
                 4));
  Path p, a;
  TRY(path_convert("setxattr", o[0], &p, true));
  TRY(path_convert("setxattr", o[1], &a, false, false, "attribute"));
  std::string value(TRY(buffer_view(o[2])));
  int flags = o[3] ? TRY(as_c_int(o[3])) : 0;
  bool follow = TRY(flag_arg(o[4], true));
  TRY(fd_and_follow_check("setxattr", p, follow));
  int r = run_blocking([&] {
    if (p.fd >= 0) return ::fsetxattr(p.fd, a.c(), value.data(), value.size(), flags);
    if (follow) return ::setxattr(p.c(), a.c(), value.data(), value.size(), flags);
    return ::lsetxattr(p.c(), a.c(), value.data(), value.size(), flags);
  });
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

static Result<Value> px_removexattr(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("removexattr", args, nargs, kw, {"path", "attribute", "follow_symlinks"}, 2, o, 0, 2));
  Path p, a;
  TRY(path_convert("removexattr", o[0], &p, true));
  TRY(path_convert("removexattr", o[1], &a, false, false, "attribute"));
  bool follow = TRY(flag_arg(o[2], true));
  TRY(fd_and_follow_check("removexattr", p, follow));
  int r = run_blocking([&] {
    if (p.fd >= 0) return ::fremovexattr(p.fd, a.c());
    if (follow) return ::removexattr(p.c(), a.c());
    return ::lremovexattr(p.c(), a.c());
  });
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

// listxattr(path=None): the names as str (filesystem decoding), "." by default.
static Result<Value> px_listxattr(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("listxattr", args, nargs, kw, {"path", "follow_symlinks"}, 0, o, 0, 1));
  Path p;
  TRY(path_convert("listxattr", o[0], &p, true, true));
  bool follow = TRY(flag_arg(o[1], true));
  TRY(fd_and_follow_check("listxattr", p, follow));
  const char* name = p.absent ? "." : p.c();
  // The list's size can change between two calls: retry with the reported
  // size while the buffer turns out too small.
  for (int attempt = 0; attempt < 16; attempt++) {
    ssize_t need = run_blocking([&] {
      if (p.fd >= 0) return ::flistxattr(p.fd, nullptr, 0);
      if (follow) return ::listxattr(name, nullptr, 0);
      return ::llistxattr(name, nullptr, 0);
    });
    if (need < 0) return raise_path_error(errno, p);
    std::string buf(size_t(need) + 1, '\0');
    ssize_t r = run_blocking([&] {
      if (p.fd >= 0) return ::flistxattr(p.fd, buf.data(), buf.size());
      if (follow) return ::listxattr(name, buf.data(), buf.size());
      return ::llistxattr(name, buf.data(), buf.size());
    });
    if (r < 0) {
      if (errno == ERANGE) continue;
      return raise_path_error(errno, p);
    }
    List* l = list_new();
    size_t start = 0;
    for (size_t i = 0; i < size_t(r); i++) {
      if (buf[i] != '\0') continue;
      if (i > start) TRY(list_append(l, TRY(fs_decode(std::string_view(buf.data() + start, i - start)))));
      start = i + 1;
    }
    return Value(l);
  }
  return raise_path_error(ERANGE, p);
}

const MethodDef xattr_functions[] = {
    {"getxattr", px_getxattr},
    {"setxattr", px_setxattr},
    {"removexattr", px_removexattr},
    {"listxattr", px_listxattr},
    {nullptr, nullptr},
};

void init_xattr(Module* m) {
  add_int(m, "XATTR_CREATE", XATTR_CREATE);
  add_int(m, "XATTR_REPLACE", XATTR_REPLACE);
  add_int(m, "XATTR_SIZE_MAX", XATTR_SIZE_MAX);
}

}  // namespace gilpy::posix
