// posix, part 2: stat and the operations on paths (see posix_impl.h).
// Functions taking dir_fd use the *at() system calls (AT_FDCWD when dir_fd is
// None), which is what lets os.py advertise them in supports_dir_fd and
// shutil.rmtree use its fd-based, symlink-attack-safe walk.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>

#include "bytecode/opcodes.h"
#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/protocols.h"

namespace gilpy::posix {

// EINTR-retrying call: evaluates `call` until it does not fail with EINTR,
// running signal handlers between attempts (an exception from one aborts).
#define RETRY_EINTR(res, call)                                          \
  do {                                                                  \
    res = gil::blocking(gil::Block::File, [&] { return (call); });     \
    if (!(res < 0 && errno == EINTR)) break;                            \
    TRY(check_signals_after_eintr());                                   \
  } while (true)

static Type* g_stat_result;
static Type* g_statvfs_result;
Type* stat_result_type() { return g_stat_result; }

// ---- stat -------------------------------------------------------------------------------------
static Value ts_float(const struct timespec& t) { return float_new(double(t.tv_sec) + double(t.tv_nsec) * 1e-9); }
static Value ts_ns(const struct timespec& t) {
  // sec * 10**9 + nsec, exactly (fits a small int for any realistic date).
  __int128 ns = __int128(t.tv_sec) * 1000000000 + t.tv_nsec;
  if (ns >= Value::kSmallMin && ns <= Value::kSmallMax) return Value::small(int64_t(ns));
  Value s = int_from_i64(t.tv_sec);
  Result<Value> r = int_binary(s, Value::small(1000000000), bytecode::NB_MULTIPLY);
  if (r.is_err()) { exc_clear(); return Value::small(0); }
  Result<Value> r2 = int_binary(r.value(), Value::small(t.tv_nsec), bytecode::NB_ADD);
  if (r2.is_err()) { exc_clear(); return Value::small(0); }
  return r2.value();
}

Value stat_result_from(const struct stat& st) {
  // Fields 7..9 are the integer times (the tuple items); st_atime etc. as
  // attributes are the float times stored past the visible fields, which the
  // instance dict serves before the tuple-item lookup.
  Value v[19] = {
      int_from_i64(st.st_mode),          int_from_u64(st.st_ino),       int_from_u64(st.st_dev),
      int_from_u64(st.st_nlink),         int_from_u64(st.st_uid),       int_from_u64(st.st_gid),
      int_from_i64(st.st_size),          int_from_i64(st.st_atim.tv_sec), int_from_i64(st.st_mtim.tv_sec),
      int_from_i64(st.st_ctim.tv_sec),   ts_float(st.st_atim),          ts_float(st.st_mtim),
      ts_float(st.st_ctim),              ts_ns(st.st_atim),             ts_ns(st.st_mtim),
      ts_ns(st.st_ctim),                 int_from_i64(st.st_blksize),   int_from_i64(st.st_blocks),
      int_from_u64(st.st_rdev),
  };
  return structseq_from(g_stat_result, v, 19);
}

// os.stat_result(seq, dict): the struct sequence's constructor, then (as
// CPython) a float time left None falls back to the integer time at 7..9.
static Result<Value> sr_new(Value* a, int64_t n, Tuple* kw) {
  Value base_new = type_lookup(tp_structseq, N.__new__);
  Value r = TRY(call(base_new, a, n, kw));
  if (!is_tuple(r) || !r.as<Tuple>()->dict || r.as<Tuple>()->size < 10) return r;
  Tuple* t = r.as<Tuple>();
  static const char* const names[3] = {"st_atime", "st_mtime", "st_ctime"};
  for (int i = 0; i < 3; i++) {
    Str* k = str_intern(names[i]);
    Value v = dict_get_str(t->dict, k);
    if (!v || is_none(v)) dict_set_str(t->dict, k, t->items[7 + i]);
  }
  return r;
}

// stat/lstat core: p may be an fd (fstat), a path relative to dir_fd.
static Result<Value> do_stat(const char* fname, Path& p, int dir_fd, bool follow) {
  struct stat st;
  int r;
  if (p.fd >= 0) {
    if (dir_fd != AT_FDCWD || !follow)
      return raise_fmt(tp_ValueError, "%s: cannot use fd and %s together", fname,
                       dir_fd != AT_FDCWD ? "dir_fd" : "follow_symlinks");
    RETRY_EINTR(r, ::fstat(p.fd, &st));
  } else {
    RETRY_EINTR(r, ::fstatat(dir_fd, p.c(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW));
  }
  if (r < 0) return raise_path_error(errno, p);
  return stat_result_from(st);
}

static Result<Value> px_stat(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("stat", args, nargs, kw, {"path", "dir_fd", "follow_symlinks"}, 1, o, 0, 1));
  Path p;
  TRY(path_convert("stat", o[0], &p, true));
  int dfd = TRY(dir_fd_convert(o[1]));
  bool follow = TRY(flag_arg(o[2], true));
  return do_stat("stat", p, dfd, follow);
}

static Result<Value> px_lstat(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("lstat", args, nargs, kw, {"path", "dir_fd"}, 1, o, 0, 1));
  Path p;
  TRY(path_convert("lstat", o[0], &p));
  int dfd = TRY(dir_fd_convert(o[1]));
  return do_stat("lstat", p, dfd, false);
}

static Result<Value> px_fstat(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("fstat", args, nargs, kw, {"fd"}, 1, o));
  int fd = TRY(fd_convert(o[0]));
  struct stat st;
  int r;
  RETRY_EINTR(r, ::fstat(fd, &st));
  if (r < 0) return raise_errno(errno);
  return stat_result_from(st);
}

static Result<Value> px_access(Value* args, int64_t nargs, Tuple* kw) {
  Value o[5];
  TRY(parse_args("access", args, nargs, kw, {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, o, 0,
                 2));
  Path p;
  TRY(path_convert("access", o[0], &p));
  int64_t mode = TRY(as_index(o[1]));
  int dfd = TRY(dir_fd_convert(o[2]));
  bool eff = TRY(flag_arg(o[3], false));
  bool follow = TRY(flag_arg(o[4], true));
  int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
  return Bool(::faccessat(dfd, p.c(), int(mode), flags) == 0);
}

// ---- working directory ------------------------------------------------------------------------
static Result<std::string> cwd_bytes() {
  std::string buf(PATH_MAX, '\0');
  while (true) {
    if (::getcwd(buf.data(), buf.size())) return std::string(buf.c_str());
    if (errno != ERANGE) return raise_errno(errno);
    buf.resize(buf.size() * 2);
  }
}

static Result<Value> px_getcwd(Value* args, int64_t nargs, Tuple* kw) {
  TRY(check_nargs("getcwd", nargs, 0, 0));
  std::string c = TRY(cwd_bytes());
  return fs_decode(c);
}

static Result<Value> px_getcwdb(Value* args, int64_t nargs, Tuple* kw) {
  TRY(check_nargs("getcwdb", nargs, 0, 0));
  std::string c = TRY(cwd_bytes());
  return bytes_from(c);
}

static Result<Value> px_chdir(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("chdir", args, nargs, kw, {"path"}, 1, o));
  Path p;
  TRY(path_convert("chdir", o[0], &p, true));
  int r;
  if (p.fd >= 0) RETRY_EINTR(r, ::fchdir(p.fd));
  else RETRY_EINTR(r, ::chdir(p.c()));
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

static Result<Value> px_fchdir(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("fchdir", args, nargs, kw, {"fd"}, 1, o));
  int fd = TRY(fd_convert(o[0]));
  int r;
  RETRY_EINTR(r, ::fchdir(fd));
  if (r < 0) return raise_errno(errno);
  return None();
}

// ---- creating and removing --------------------------------------------------------------------
static Result<Value> px_mkdir(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("mkdir", args, nargs, kw, {"path", "mode", "dir_fd"}, 1, o, 0, 2));
  Path p;
  TRY(path_convert("mkdir", o[0], &p));
  int64_t mode = o[1] ? TRY(as_index(o[1])) : 0777;
  int dfd = TRY(dir_fd_convert(o[2]));
  int r;
  RETRY_EINTR(r, ::mkdirat(dfd, p.c(), mode_t(mode)));
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

static Result<Value> px_mkfifo(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("mkfifo", args, nargs, kw, {"path", "mode", "dir_fd"}, 1, o, 0, 2));
  Path p;
  TRY(path_convert("mkfifo", o[0], &p));
  int64_t mode = o[1] ? TRY(as_index(o[1])) : 0666;
  int dfd = TRY(dir_fd_convert(o[2]));
  int r;
  RETRY_EINTR(r, ::mkfifoat(dfd, p.c(), mode_t(mode)));
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

static Result<Value> unlink_common(const char* fname, Value* args, int64_t nargs, Tuple* kw, int flags) {
  Value o[2];
  TRY(parse_args(fname, args, nargs, kw, {"path", "dir_fd"}, 1, o, 0, 1));
  Path p;
  TRY(path_convert(fname, o[0], &p));
  int dfd = TRY(dir_fd_convert(o[1]));
  int r;
  RETRY_EINTR(r, ::unlinkat(dfd, p.c(), flags));
  if (r < 0) return raise_path_error(errno, p);
  return None();
}
static Result<Value> px_rmdir(Value* a, int64_t n, Tuple* kw) { return unlink_common("rmdir", a, n, kw, AT_REMOVEDIR); }
static Result<Value> px_unlink(Value* a, int64_t n, Tuple* kw) { return unlink_common("unlink", a, n, kw, 0); }
static Result<Value> px_remove(Value* a, int64_t n, Tuple* kw) { return unlink_common("remove", a, n, kw, 0); }

// Two-path operations: (src, dst, *, src_dir_fd, dst_dir_fd).
static Status two_paths(const char* fname, Value* o, Path* a, Path* b, int* adfd, int* bdfd) {
  TRY(path_convert(fname, o[0], a));
  TRY(path_convert(fname, o[1], b));
  *adfd = TRY(dir_fd_convert(o[2]));
  *bdfd = TRY(dir_fd_convert(o[3]));
  return OK();
}

static Result<Value> rename_common(const char* fname, Value* args, int64_t nargs, Tuple* kw) {
  Value o[4];
  TRY(parse_args(fname, args, nargs, kw, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, o, 0, 2));
  Path a, b;
  int adfd, bdfd;
  TRY(two_paths(fname, o, &a, &b, &adfd, &bdfd));
  int r;
  RETRY_EINTR(r, ::renameat(adfd, a.c(), bdfd, b.c()));
  if (r < 0) return raise_path_error2(errno, a, b);
  return None();
}
static Result<Value> px_rename(Value* a, int64_t n, Tuple* kw) { return rename_common("rename", a, n, kw); }
static Result<Value> px_replace(Value* a, int64_t n, Tuple* kw) { return rename_common("replace", a, n, kw); }

static Result<Value> px_link(Value* args, int64_t nargs, Tuple* kw) {
  Value o[5];
  TRY(parse_args("link", args, nargs, kw, {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"}, 2, o, 0, 2));
  Path a, b;
  int adfd, bdfd;
  TRY(two_paths("link", o, &a, &b, &adfd, &bdfd));
  bool follow = TRY(flag_arg(o[4], true));
  int r;
  RETRY_EINTR(r, ::linkat(adfd, a.c(), bdfd, b.c(), follow ? AT_SYMLINK_FOLLOW : 0));
  if (r < 0) return raise_path_error2(errno, a, b);
  return None();
}

static Result<Value> px_symlink(Value* args, int64_t nargs, Tuple* kw) {
  Value o[4];
  TRY(parse_args("symlink", args, nargs, kw, {"src", "dst", "target_is_directory", "dir_fd"}, 2, o, 0, 3));
  Path a, b;
  TRY(path_convert("symlink", o[0], &a));
  TRY(path_convert("symlink", o[1], &b));
  int dfd = TRY(dir_fd_convert(o[3]));
  int r;
  RETRY_EINTR(r, ::symlinkat(a.c(), dfd, b.c()));
  if (r < 0) return raise_path_error2(errno, a, b);
  return None();
}

static Result<Value> px_readlink(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("readlink", args, nargs, kw, {"path", "dir_fd"}, 1, o, 0, 1));
  Path p;
  TRY(path_convert("readlink", o[0], &p));
  int dfd = TRY(dir_fd_convert(o[1]));
  std::string buf(PATH_MAX, '\0');
  while (true) {
    ssize_t n;
    RETRY_EINTR(n, ::readlinkat(dfd, p.c(), buf.data(), buf.size()));
    if (n < 0) return raise_path_error(errno, p);
    if (size_t(n) < buf.size()) return path_result(std::string_view(buf.data(), size_t(n)), p.is_bytes);
    buf.resize(buf.size() * 2);  // possibly truncated: try again with more room
  }
}

// ---- permissions and ownership ---------------------------------------------------------------
static Result<Value> px_chmod(Value* args, int64_t nargs, Tuple* kw) {
  Value o[4];
  TRY(parse_args("chmod", args, nargs, kw, {"path", "mode", "dir_fd", "follow_symlinks"}, 2, o, 0, 2));
  Path p;
  TRY(path_convert("chmod", o[0], &p, true));
  int64_t mode = TRY(as_index(o[1]));
  int dfd = TRY(dir_fd_convert(o[2]));
  bool follow = TRY(flag_arg(o[3], true));
  int r;
  if (p.fd >= 0) {
    RETRY_EINTR(r, ::fchmod(p.fd, mode_t(mode)));
  } else {
    RETRY_EINTR(r, ::fchmodat(dfd, p.c(), mode_t(mode), follow ? 0 : AT_SYMLINK_NOFOLLOW));
    if (r < 0 && !follow && (errno == ENOTSUP || errno == EOPNOTSUPP))
      return raise(tp_NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
  }
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

static Result<Value> px_fchmod(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("fchmod", args, nargs, kw, {"fd", "mode"}, 2, o));
  int fd = TRY(fd_convert(o[0]));
  int64_t mode = TRY(as_index(o[1]));
  int r;
  RETRY_EINTR(r, ::fchmod(fd, mode_t(mode)));
  if (r < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_chown(Value* args, int64_t nargs, Tuple* kw) {
  Value o[5];
  TRY(parse_args("chown", args, nargs, kw, {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 3, o, 0, 3));
  Path p;
  TRY(path_convert("chown", o[0], &p, true));
  uid_t uid = TRY(uid_convert(o[1]));
  gid_t gid = TRY(gid_convert(o[2]));
  int dfd = TRY(dir_fd_convert(o[3]));
  bool follow = TRY(flag_arg(o[4], true));
  int r;
  if (p.fd >= 0) RETRY_EINTR(r, ::fchown(p.fd, uid_t(uid), gid_t(gid)));
  else RETRY_EINTR(r, ::fchownat(dfd, p.c(), uid_t(uid), gid_t(gid), follow ? 0 : AT_SYMLINK_NOFOLLOW));
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

static Result<Value> px_lchown(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("lchown", args, nargs, kw, {"path", "uid", "gid"}, 3, o));
  Path p;
  TRY(path_convert("lchown", o[0], &p));
  uid_t uid = TRY(uid_convert(o[1]));
  gid_t gid = TRY(gid_convert(o[2]));
  int r;
  RETRY_EINTR(r, ::lchown(p.c(), uid_t(uid), gid_t(gid)));
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

static Result<Value> px_fchown(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("fchown", args, nargs, kw, {"fd", "uid", "gid"}, 3, o));
  int fd = TRY(fd_convert(o[0]));
  uid_t uid = TRY(uid_convert(o[1]));
  gid_t gid = TRY(gid_convert(o[2]));
  int r;
  RETRY_EINTR(r, ::fchown(fd, uid_t(uid), gid_t(gid)));
  if (r < 0) return raise_errno(errno);
  return None();
}

// ---- utime -------------------------------------------------------------------------------------
// A time in seconds (int or float) as a timespec, rounded toward -inf as
// CPython's utime does (_PyTime_ROUND_FLOOR).
static Status seconds_to_ts(Value v, struct timespec* ts) {
  if (is_float(v)) {
    double d = float_val(v);
    if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
    double sec = std::floor(d);
    if (sec < -9.2e18 || sec > 9.2e18) return raise(tp_OverflowError, "timestamp out of range for platform time_t");
    double ns = std::floor((d - sec) * 1e9);
    if (ns >= 1e9) { ns -= 1e9; sec += 1; }
    ts->tv_sec = time_t(sec);
    ts->tv_nsec = long(ns);
    return OK();
  }
  int64_t s = TRY(as_index(v));
  ts->tv_sec = time_t(s);
  ts->tv_nsec = 0;
  return OK();
}

static Status ns_to_ts(Value v, struct timespec* ts) {
  Value iv = TRY(index_value(v));
  Result<Value> qr = int_divmod(iv, Value::small(1000000000));
  if (qr.is_err()) return ERR;
  Tuple* q = as_tuple(qr.value());
  int64_t sec = TRY(int_as_i64(q->items[0]));
  int64_t ns = TRY(int_as_i64(q->items[1]));
  ts->tv_sec = time_t(sec);
  ts->tv_nsec = long(ns);
  return OK();
}

static Result<Value> px_utime(Value* args, int64_t nargs, Tuple* kw) {
  Value o[5];
  TRY(parse_args("utime", args, nargs, kw, {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, o, 0, 2));
  Path p;
  TRY(path_convert("utime", o[0], &p, true));
  Value times = o[1] && !is_none(o[1]) ? o[1] : Value();
  Value ns = o[2];
  if (times && ns) return raise(tp_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  struct timespec tv[2];
  if (times) {
    if (!is_tuple(times) || as_tuple(times)->size != 2)
      return raise(tp_TypeError, "utime: 'times' must be either a tuple of two ints or None");
    TRY(seconds_to_ts(as_tuple(times)->items[0], &tv[0]));
    TRY(seconds_to_ts(as_tuple(times)->items[1], &tv[1]));
  } else if (ns) {
    if (!is_tuple(ns) || as_tuple(ns)->size != 2) return raise(tp_TypeError, "utime: 'ns' must be a tuple of two ints");
    TRY(ns_to_ts(as_tuple(ns)->items[0], &tv[0]));
    TRY(ns_to_ts(as_tuple(ns)->items[1], &tv[1]));
  } else {
    tv[0].tv_sec = tv[1].tv_sec = 0;
    tv[0].tv_nsec = tv[1].tv_nsec = UTIME_NOW;
  }
  int dfd = TRY(dir_fd_convert(o[3]));
  bool follow = TRY(flag_arg(o[4], true));
  int r;
  if (p.fd >= 0) RETRY_EINTR(r, ::futimens(p.fd, tv));
  else RETRY_EINTR(r, ::utimensat(dfd, p.c(), tv, follow ? 0 : AT_SYMLINK_NOFOLLOW));
  if (r < 0) return raise_errno(errno);  // CPython's utime() reports no filename
  return None();
}

// ---- sizes -------------------------------------------------------------------------------------
static Result<Value> px_truncate(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("truncate", args, nargs, kw, {"path", "length"}, 2, o));
  Path p;
  TRY(path_convert("truncate", o[0], &p, true));
  int64_t len = TRY(as_index(o[1]));
  int r;
  if (p.fd >= 0) RETRY_EINTR(r, ::ftruncate(p.fd, off_t(len)));
  else RETRY_EINTR(r, ::truncate(p.c(), off_t(len)));
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

static Value statvfs_result_from(const struct statvfs& s) {
  Value v[11] = {int_from_u64(s.f_bsize),  int_from_u64(s.f_frsize), int_from_u64(s.f_blocks),
                 int_from_u64(s.f_bfree),  int_from_u64(s.f_bavail), int_from_u64(s.f_files),
                 int_from_u64(s.f_ffree),  int_from_u64(s.f_favail), int_from_u64(s.f_flag),
                 int_from_u64(s.f_namemax), int_from_u64(s.f_fsid)};
  return structseq_from(g_statvfs_result, v, 11);
}

static Result<Value> px_statvfs(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("statvfs", args, nargs, kw, {"path"}, 1, o));
  Path p;
  TRY(path_convert("statvfs", o[0], &p, true));
  struct statvfs s;
  int r;
  if (p.fd >= 0) RETRY_EINTR(r, ::fstatvfs(p.fd, &s));
  else RETRY_EINTR(r, ::statvfs(p.c(), &s));
  if (r < 0) return raise_path_error(errno, p);
  return statvfs_result_from(s);
}

static Result<Value> px_fstatvfs(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("fstatvfs", args, nargs, kw, {"fd"}, 1, o));
  int fd = TRY(fd_convert(o[0]));
  struct statvfs s;
  int r;
  RETRY_EINTR(r, ::fstatvfs(fd, &s));
  if (r < 0) return raise_errno(errno);
  return statvfs_result_from(s);
}

static Result<Value> px_umask(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("umask", args, nargs, kw, {"mask"}, 1, o));
  int64_t m = TRY(as_index(o[0]));
  return Value::small(int64_t(::umask(mode_t(m))));
}

static Result<Value> px_sync(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("sync", nargs, 0, 0));
  ::sync();
  return None();
}

static Result<Value> px_mknod(Value* args, int64_t nargs, Tuple* kw) {
  Value o[4];
  TRY(parse_args("mknod", args, nargs, kw, {"path", "mode", "device", "dir_fd"}, 1, o, 0, 3));
  Path p;
  TRY(path_convert("mknod", o[0], &p));
  int64_t mode = o[1] ? TRY(as_index(o[1])) : 0600;
  int64_t dev = o[2] ? TRY(as_index(o[2])) : 0;
  int dfd = TRY(dir_fd_convert(o[3]));
  int r;
  RETRY_EINTR(r, ::mknodat(dfd, p.c(), mode_t(mode), dev_t(dev)));
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

// Device numbers (tarfile uses them for character and block devices).
static Result<uint64_t> dev_arg(Value v) {
  Value iv = TRY(index_value(v));
  if (int_sign(iv) < 0) return raise(tp_OverflowError, "can't convert negative int to unsigned");
  int64_t x = TRY(int_as_i64(iv));
  return uint64_t(x);
}
static Result<Value> px_major(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("major", nargs, 1, 1));
  uint64_t d = TRY(dev_arg(args[0]));
  return int_from_u64(major(dev_t(d)));
}
static Result<Value> px_minor(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("minor", nargs, 1, 1));
  uint64_t d = TRY(dev_arg(args[0]));
  return int_from_u64(minor(dev_t(d)));
}
static Result<Value> px_makedev(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("makedev", nargs, 2, 2));
  int64_t ma = TRY(as_index(args[0]));
  int64_t mi = TRY(as_index(args[1]));
  return int_from_u64(makedev(unsigned(ma), unsigned(mi)));
}

const MethodDef fs_functions[] = {
    {"mknod", px_mknod},       {"major", px_major},     {"minor", px_minor},       {"makedev", px_makedev},
    {"stat", px_stat},         {"lstat", px_lstat},     {"fstat", px_fstat},       {"access", px_access},
    {"getcwd", px_getcwd},     {"getcwdb", px_getcwdb}, {"chdir", px_chdir},       {"fchdir", px_fchdir},
    {"mkdir", px_mkdir},       {"mkfifo", px_mkfifo},   {"rmdir", px_rmdir},       {"unlink", px_unlink},
    {"remove", px_remove},     {"rename", px_rename},   {"replace", px_replace},   {"link", px_link},
    {"symlink", px_symlink},   {"readlink", px_readlink}, {"chmod", px_chmod},     {"fchmod", px_fchmod},
    {"chown", px_chown},       {"lchown", px_lchown},   {"fchown", px_fchown},     {"utime", px_utime},
    {"truncate", px_truncate}, {"statvfs", px_statvfs}, {"fstatvfs", px_fstatvfs}, {"umask", px_umask},
    {"sync", px_sync},         {nullptr, nullptr},
};

void init_fs(Module* m) {
  g_stat_result = structseq_new_type(
      "os", "stat_result",
      {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime",
       "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks",
       "st_rdev"},
      10);
  g_statvfs_result = structseq_new_type("os", "statvfs_result",
                                        {"f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
                                         "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid"},
                                        10);
  static const MethodDef sr_methods[] = {{"__new__", sr_new, MethKind::Static}, {nullptr, nullptr}};
  type_add_methods(g_stat_result, sr_methods);
  add_value(m, "stat_result", Value(g_stat_result));
  add_value(m, "statvfs_result", Value(g_statvfs_result));
}

}  // namespace gilpy::posix
