// posix: the operating-system interface under os.py (module assembly, argument
// conversion shared by all parts, environ, and the constants). See posix_impl.h
// for how the module is split.
#include <fcntl.h>
#include <dlfcn.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <vector>

#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

extern char** environ;

namespace gilpy::posix {

// ---- filesystem encoding ----------------------------------------------------------------------
// str is stored as WTF-8, so a lone surrogate U+DC80..U+DCFF (what surrogateescape
// made of an undecodable byte) appears as ED B2 80 .. ED B3 BF. Anything else
// with a surrogate goes through the codec, which raises UnicodeEncodeError.
Result<std::string> fs_encode(Str* s) {
  std::string_view v = s->view();
  if (s->ascii || v.find('\xED') == std::string_view::npos) return std::string(v);
  Value b = TRY(codec_encode(s, "utf-8", "surrogateescape"));
  return std::string(as_bytes(b)->view());
}

Result<Value> fs_decode(std::string_view b) {
  bool ascii = true;
  for (unsigned char c : b)
    if (c >= 0x80) { ascii = false; break; }
  if (ascii) return Value(str_new_ascii(b));
  return codec_decode(b, "utf-8", "surrogateescape");
}

Result<Value> path_result(std::string_view b, bool as_bytes) {
  if (as_bytes) return bytes_from(b);
  return fs_decode(b);
}

// ---- argument conversion ----------------------------------------------------------------------
Result<Value> fspath(Value v) {
  if (is_str(v) || is_bytes(v)) return v;
  Value m = lookup_special(v, N.__fspath__);
  if (!m) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(v));
  }
  Value r = TRY(call0(m));
  if (!is_str(r) && !is_bytes(r))
    return raise_fmt(tp_TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(v),
                     type_name(r));
  return r;
}

static Err path_type_error(const char* fname, Value v, bool allow_fd, bool nullable, const char* argname) {
  const char* allowed = allow_fd && nullable ? "string, bytes, os.PathLike, integer or None"
                        : allow_fd           ? "string, bytes, os.PathLike or integer"
                        : nullable           ? "string, bytes, os.PathLike or None"
                                             : "string, bytes or os.PathLike";
  return raise_fmt(tp_TypeError, "%s: %s should be %s, not %s", fname, argname, allowed, type_name(v));
}

Status path_convert(const char* fname, Value v, Path* out, bool allow_fd, bool nullable, const char* argname) {
  if (nullable && (!v || is_none(v))) {
    out->absent = true;
    out->obj = None();
    return OK();
  }
  if (!v) return path_type_error(fname, None(), allow_fd, nullable, argname);
  if (allow_fd && is_int(v)) {
    out->fd = TRY(fd_convert(v));
    out->obj = v;
    return OK();
  }
  Value p = v;
  if (!is_str(v) && !is_bytes(v)) {
    Value m = lookup_special(v, N.__fspath__);
    if (!m) {
      if (exc_pending()) return ERR;
      // CPython 3.11 still takes other bytes-like objects (bytearray,
      // memoryview...) as a bytes path, with a DeprecationWarning.
      std::string_view buf;
      if (buffer_view_opt(v, &buf)) {
        std::string copy(buf);
        const char* allowed = allow_fd && nullable ? "string, bytes, os.PathLike, integer or None"
                              : allow_fd           ? "string, bytes, os.PathLike or integer"
                              : nullable           ? "string, bytes, os.PathLike or None"
                                                   : "string, bytes or os.PathLike";
        char msg[300];
        std::snprintf(msg, sizeof msg, "%s: %s should be %s, not %.200s", fname, argname, allowed, type_name(v));
        TRY(warn(tp_DeprecationWarning, msg));
        out->obj = v;
        out->is_bytes = true;
        out->bytes = std::move(copy);
        if (out->bytes.find('\0') != std::string::npos)
          return raise_fmt(tp_ValueError, "%s: embedded null character in path", fname);
        return OK();
      }
      return path_type_error(fname, v, allow_fd, nullable, argname);
    }
    p = TRY(call0(m));
    if (!is_str(p) && !is_bytes(p))
      return raise_fmt(tp_TypeError, "expected %s.__fspath__() to return str or bytes, not %s", type_name(v),
                       type_name(p));
  }
  out->obj = p;
  if (is_str(p)) {
    out->bytes = TRY(fs_encode(as_str(p)));
    if (out->bytes.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null byte");
  } else {
    out->is_bytes = true;
    out->bytes = std::string(as_bytes(p)->view());
    if (out->bytes.find('\0') != std::string::npos)
      return raise_fmt(tp_ValueError, "%s: embedded null character in path", fname);
  }
  return OK();
}

Result<int> fd_convert(Value v) {
  int64_t fd = TRY(as_index(v));
  if (fd > INT32_MAX) return raise(tp_OverflowError, "fd is greater than maximum");
  if (fd < INT32_MIN) return raise(tp_OverflowError, "fd is less than minimum");
  return int(fd);
}

Result<int> dir_fd_convert(Value v) {
  if (!v || is_none(v)) return int(AT_FDCWD);
  if (!is_int(v)) {
    if (!lookup_special(v, N.__index__)) {
      if (exc_pending()) return ERR;
      return raise_fmt(tp_TypeError, "argument should be integer or None, not %s", type_name(v));
    }
    Value iv = TRY(index_value(v));
    return fd_convert(iv);
  }
  return fd_convert(v);
}

static Result<uint32_t> id_convert(Value v, const char* what) {
  if (!is_int(v) && !lookup_special(v, N.__index__)) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError, "%s should be integer, not %s", what, type_name(v));
  }
  Value iv = TRY(index_value(v));
  // CPython's wording, quirks included: a C long that does not fit the id
  // type is "less than minimum", an int past a C long "greater than maximum"
  // (unless negative); 2**32-1 is accepted and means (uid_t)-1, like -1.
  int64_t x;
  if (!int_fits_i64(iv, &x)) {
    if (int_sign(iv) < 0) return raise_fmt(tp_OverflowError, "%s is less than minimum", what);
    return raise_fmt(tp_OverflowError, "%s is greater than maximum", what);
  }
  if (x == -1) return uint32_t(-1);
  if (x < 0 || x > int64_t(UINT32_MAX)) return raise_fmt(tp_OverflowError, "%s is less than minimum", what);
  return uint32_t(x);
}
Result<uid_t> uid_convert(Value v) { return id_convert(v, "uid"); }
Result<gid_t> gid_convert(Value v) { return id_convert(v, "gid"); }

Result<bool> flag_arg(Value v, bool dflt) {
  if (!v) return dflt;
  return truthy(v);
}

// ---- errors -----------------------------------------------------------------------------------
Err raise_path_error(int err, const Path& p) {
  if (p.absent || !p.obj) return raise_errno(err);
  return raise_errno(err, p.obj);
}

Err raise_path_error2(int err, const Path& a, const Path& b) {
  Value args[5] = {Value::small(err), str_value(std::strerror(err)), a.obj ? a.obj : None(), None(),
                   b.obj ? b.obj : None()};
  return raise_with_args(tp_OSError, args, 5);
}

Status check_signals_after_eintr() {
  if (eval_breaker_set()) return handle_eval_breaker();
  return OK();
}

void add_int(Module* m, const char* name, int64_t v) { dict_set_str(m->dict, str_intern(name), int_from_i64(v)); }
void add_value(Module* m, const char* name, Value v) { dict_set_str(m->dict, str_intern(name), v); }

// ---- environ ----------------------------------------------------------------------------------
// posix.environ is a snapshot of the process environment at import time with
// bytes keys and values (os.py wraps it in os.environ / os.environb and keeps
// it in sync through putenv/unsetenv).
static Value make_environ() {
  Dict* d = dict_new();
  for (char** e = environ; e && *e; e++) {
    const char* eq = std::strchr(*e, '=');
    if (!eq || eq == *e) continue;  // CPython skips entries without a name
    Value k = bytes_from(std::string_view(*e, size_t(eq - *e)));
    Value present;
    if (dict_get2(d, k, &present).is_err()) { exc_clear(); continue; }
    if (present) continue;  // the first definition wins, as getenv() sees it
    if (dict_set(d, k, bytes_from(eq + 1)).is_err()) exc_clear();
  }
  return Value(d);
}

// A putenv/unsetenv argument: str (fs-encoded) or bytes-like via fspath rules.
static Result<std::string> env_arg(Value v) {
  if (is_str(v)) return fs_encode(as_str(v));
  if (is_bytes(v)) return std::string(as_bytes(v)->view());
  Value p = TRY(fspath(v));
  if (is_str(p)) return fs_encode(as_str(p));
  return std::string(as_bytes(p)->view());
}

static Result<Value> px_putenv(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("putenv", kw));
  TRY(check_nargs("putenv", nargs, 2, 2));
  std::string k = TRY(env_arg(args[0]));
  std::string v = TRY(env_arg(args[1]));
  if (k.find('\0') != std::string::npos || v.find('\0') != std::string::npos)
    return raise(tp_ValueError, "embedded null byte");
  // An empty name is left to setenv(), which fails with EINVAL (as in CPython).
  if (k.find('=') != std::string::npos) return raise(tp_ValueError, "illegal environment variable name");
  if (setenv(k.c_str(), v.c_str(), 1) != 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_unsetenv(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("unsetenv", kw));
  TRY(check_nargs("unsetenv", nargs, 1, 1));
  std::string k = TRY(env_arg(args[0]));
  if (k.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null byte");
  if (unsetenv(k.c_str()) != 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_fspath(Value* args, int64_t nargs, Tuple* kw) {
  Value out[1];
  TRY(parse_args("fspath", args, nargs, kw, {"path"}, 1, out));
  return fspath(out[0]);
}

static Result<Value> px_strerror(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("strerror", kw));
  TRY(check_nargs("strerror", nargs, 1, 1));
  int64_t code = TRY(as_index(args[0]));
  return str_value(std::strerror(int(code)));
}

static const MethodDef core_functions[] = {
    {"putenv", px_putenv},
    {"unsetenv", px_unsetenv},
    {"fspath", px_fspath},
    {"strerror", px_strerror},
    {nullptr, nullptr},
};

// ---- constants --------------------------------------------------------------------------------
static void add_constants(Module* m) {
#define C(name) add_int(m, #name, name)
  C(F_OK); C(R_OK); C(W_OK); C(X_OK);
  C(O_RDONLY); C(O_WRONLY); C(O_RDWR); C(O_APPEND); C(O_CREAT); C(O_EXCL); C(O_TRUNC);
  C(O_NONBLOCK); C(O_NDELAY); C(O_SYNC); C(O_DSYNC); C(O_RSYNC); C(O_NOCTTY); C(O_CLOEXEC);
  C(O_DIRECTORY); C(O_NOFOLLOW); C(O_ACCMODE); C(O_ASYNC); C(O_DIRECT); C(O_LARGEFILE);
  C(O_NOATIME); C(O_PATH); C(O_TMPFILE);
  add_int(m, "O_FSYNC", O_SYNC);
  C(SEEK_SET); C(SEEK_CUR); C(SEEK_END); C(SEEK_DATA); C(SEEK_HOLE);
  C(EX_OK); C(EX_USAGE); C(EX_DATAERR); C(EX_NOINPUT); C(EX_NOUSER); C(EX_NOHOST);
  C(EX_UNAVAILABLE); C(EX_SOFTWARE); C(EX_OSERR); C(EX_OSFILE); C(EX_CANTCREAT); C(EX_IOERR);
  C(EX_TEMPFAIL); C(EX_PROTOCOL); C(EX_NOPERM); C(EX_CONFIG);
  C(WNOHANG); C(WUNTRACED); C(WCONTINUED); C(WEXITED); C(WSTOPPED); C(WNOWAIT);
  C(P_PID); C(P_PGID); C(P_ALL);
  C(CLD_EXITED); C(CLD_KILLED); C(CLD_DUMPED); C(CLD_TRAPPED); C(CLD_STOPPED); C(CLD_CONTINUED);
  C(F_LOCK); C(F_TLOCK); C(F_ULOCK); C(F_TEST);
  C(PRIO_PROCESS); C(PRIO_PGRP); C(PRIO_USER);
  C(SCHED_OTHER); C(SCHED_FIFO); C(SCHED_RR); C(SCHED_BATCH); C(SCHED_IDLE);
  C(RTLD_LAZY); C(RTLD_NOW); C(RTLD_GLOBAL); C(RTLD_LOCAL); C(RTLD_NODELETE); C(RTLD_NOLOAD);
  C(RTLD_DEEPBIND);
  C(NGROUPS_MAX); C(TMP_MAX);
  C(ST_RDONLY); C(ST_NOSUID); C(ST_NODEV); C(ST_NOEXEC); C(ST_SYNCHRONOUS); C(ST_MANDLOCK);
  C(ST_WRITE); C(ST_APPEND); C(ST_NOATIME); C(ST_NODIRATIME); C(ST_RELATIME);
  C(POSIX_FADV_NORMAL); C(POSIX_FADV_SEQUENTIAL); C(POSIX_FADV_RANDOM); C(POSIX_FADV_NOREUSE);
  C(POSIX_FADV_WILLNEED); C(POSIX_FADV_DONTNEED);
#undef C
}

// The HAVE_* names os.py reads to build supports_dir_fd / supports_fd /
// supports_follow_symlinks: only the variants this module really implements.
static const char* const kHaveFunctions[] = {
    "HAVE_EVENTFD",   "HAVE_FPATHCONF", "HAVE_MEMFD_CREATE",
    "HAVE_FACCESSAT", "HAVE_FCHDIR",    "HAVE_FEXECVE",    "HAVE_FCHMOD",    "HAVE_FCHMODAT",   "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",  "HAVE_FDOPENDIR", "HAVE_FSTATAT",   "HAVE_FSTATVFS",   "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",  "HAVE_LCHOWN",    "HAVE_LINKAT",    "HAVE_LSTAT",      "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",  "HAVE_MKNODAT",
    "HAVE_OPENAT",    "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT",  "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
};

static Result<Value> init() {
  // One function table for native_module_new: the parts' tables concatenated.
  static std::vector<MethodDef> table;
  if (table.empty()) {
    for (const MethodDef* part : {core_functions, fs_functions, dir_functions, fd_functions, proc_functions,
                                  linux_functions, xattr_functions, ids_functions, spawn_functions})
      for (const MethodDef* d = part; d->name; d++) table.push_back(*d);
    table.push_back(MethodDef{nullptr, nullptr});
  }
  Module* m = native_module_new("posix", table.data(),
                                "This module provides access to operating system functionality that is\n"
                                "standardized by the C Standard and the POSIX standard (a thinly\n"
                                "disguised Unix interface).  Refer to the library manual and\n"
                                "corresponding Unix manual entries for more information on calls.");
  add_constants(m);
  add_value(m, "environ", make_environ());
  add_value(m, "error", Value(tp_OSError));
  List* have = list_new();
  for (const char* h : kHaveFunctions) TRY(list_append(have, Value(str_intern(h))));
  add_value(m, "_have_functions", Value(have));
  init_fs(m);
  init_dir(m);
  init_fd(m);
  init_proc(m);
  init_linux(m);
  init_xattr(m);
  init_ids(m);
  init_spawn(m);
  return Value(m);
}
GILPY_NATIVE_MODULE("posix", init);

}  // namespace gilpy::posix
