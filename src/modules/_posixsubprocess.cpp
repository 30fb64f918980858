// _posixsubprocess: fork_exec, the process-creation primitive under CPython's
// subprocess.py (Popen._execute_child calls it with 23 positional arguments).
//
// Everything the child needs (argv, envp, the executable candidates, the fds
// to keep) is converted to plain C arrays in the parent before fork(): the
// child may run while another thread of the parent held the allocator's or the
// collector's lock, so between fork() and exec() it only makes async-signal-
// safe system calls and touches no heap. The one exception is preexec_fn,
// which runs Python code in the child, as CPython does (and documents as
// unsafe with threads); only then do we run the at-fork protocol.
//
// A failure in the child travels to the parent through errpipe_write as
// "ExceptionName:hex_errno:message", the format _execute_child parses:
// message "noexec" means exec() was never attempted (cwd is then blamed),
// an empty one means exec() failed (the executable is blamed).
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <string>
#include <vector>

#include "gc/heap.h"
#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/signals.h"

namespace gilpy {

// Owned C strings plus the NULL-terminated pointer array exec*() takes.
struct CStrings {
  std::vector<std::string> store;
  std::vector<char*> ptrs;
  void finish() {
    ptrs.clear();
    for (auto& s : store) ptrs.push_back(s.data());
    ptrs.push_back(nullptr);
  }
};

// One filesystem-encoded item (PyUnicode_FSConverter's rules: str, bytes or os.PathLike).
static Result<std::string> fs_item(Value v) {
  Value p = TRY(posix::fspath(v));
  std::string out;
  if (is_str(p)) out = TRY(posix::fs_encode(as_str(p)));
  else out = std::string(as_bytes(p)->view());
  if (out.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null byte");
  return out;
}

static Status fs_sequence(Value seq, CStrings* out) {
  List* l = TRY(to_list(seq));
  for (int64_t i = 0; i < l->size; i++) out->store.push_back(TRY(fs_item(l->items[i])));
  out->finish();
  return OK();
}

static Result<bool> pflag(Value v) { return truthy(v); }

static Result<int> int_arg(Value v) {
  int64_t x = TRY(as_index(v));
  if (x < INT_MIN || x > INT_MAX) return raise(tp_OverflowError, "signed integer is greater than maximum");
  return int(x);
}

// Everything the child reads; filled before fork().
struct ChildSpec {
  char* const* argv;
  char* const* envp;  // null: execv (inherit the environment)
  const std::vector<char*>* exes;
  const int* keep;  // sorted ascending
  size_t nkeep;
  const char* cwd;  // null: stay
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
  bool close_fds, restore_signals, call_setsid;
  int pgid_to_set, child_umask;
  bool set_gid, set_uid, set_groups;
  gid_t gid;
  uid_t uid;
  const gid_t* groups;
  size_t ngroups;
  int max_fd;  // fallback upper bound for closing descriptors
  Value preexec_fn;
};

static void write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += w;
    n -= size_t(w);
  }
}

static size_t cstrlen(const char* s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

// Async-signal-safe: formats into a stack buffer.
[[noreturn]] static void child_fail(int errpipe, int err, bool noexec, const char* msg) {
  if (err) {
    char buf[64];
    size_t n = 0;
    const char* head = "OSError:";
    while (*head) buf[n++] = *head++;
    char hex[16];
    int h = 0;
    unsigned e = unsigned(err);
    while (e) {
      hex[h++] = "0123456789abcdef"[e % 16];
      e /= 16;
    }
    while (h) buf[n++] = hex[--h];
    buf[n++] = ':';
    write_all(errpipe, buf, n);
    if (noexec) write_all(errpipe, "noexec", 6);
  } else {
    write_all(errpipe, "SubprocessError:0:", 18);
    write_all(errpipe, msg, cstrlen(msg));
  }
  ::_exit(255);
}

static int set_inheritable_raw(int fd) {
  int f = ::fcntl(fd, F_GETFD);
  if (f < 0) return -1;
  if (f & FD_CLOEXEC) return ::fcntl(fd, F_SETFD, f & ~FD_CLOEXEC);
  return 0;
}

// Close every descriptor >= 3 except those in keep[] (sorted). close_range(2)
// closes each gap with one call; kernels without it get the plain loop.
static void close_other_fds(const ChildSpec& s) {
  int lo = 3;
  for (size_t i = 0; i <= s.nkeep; i++) {
    int hi = i < s.nkeep ? s.keep[i] - 1 : INT_MAX;  // close [lo, hi]
    if (hi >= lo) {
      bool done = false;
#ifdef SYS_close_range
      done = ::syscall(SYS_close_range, unsigned(lo), unsigned(hi), 0u) == 0;
#endif
      if (!done) {
        int top = hi < s.max_fd ? hi : s.max_fd;
        for (int fd = lo; fd <= top; fd++) ::close(fd);
      }
    }
    if (i < s.nkeep && s.keep[i] + 1 > lo) lo = s.keep[i] + 1;
  }
}

[[noreturn]] static void child_exec(const ChildSpec& s) {
  int ep = s.errpipe_write;
  // Descriptors to keep were created non-inheritable (PEP 446); exec must see them.
  for (size_t i = 0; i < s.nkeep; i++)
    if (s.keep[i] != ep && set_inheritable_raw(s.keep[i]) < 0) child_fail(ep, errno, true, nullptr);
  // The parent's ends of the pipes are not the child's business.
  if (s.p2cwrite != -1) ::close(s.p2cwrite);
  if (s.c2pread != -1) ::close(s.c2pread);
  if (s.errread != -1) ::close(s.errread);
  ::close(s.errpipe_read);

  // Move a source out of the way before a lower dup2 overwrites it
  // (e.g. stdout=0: dup2(p2cread, 0) would clobber it).
  int c2pwrite = s.c2pwrite, errwrite = s.errwrite;
  if (c2pwrite == 0) {
    c2pwrite = ::dup(c2pwrite);
    if (c2pwrite < 0) child_fail(ep, errno, true, nullptr);
  }
  while (errwrite == 0 || errwrite == 1) {
    errwrite = ::dup(errwrite);
    if (errwrite < 0) child_fail(ep, errno, true, nullptr);
  }
  // dup2 clears FD_CLOEXEC on the target; a descriptor already in place needs it cleared by hand.
  struct { int src, dst; } moves[3] = {{s.p2cread, 0}, {c2pwrite, 1}, {errwrite, 2}};
  for (auto& mv : moves) {
    if (mv.src == mv.dst) {
      if (set_inheritable_raw(mv.dst) < 0) child_fail(ep, errno, true, nullptr);
    } else if (mv.src != -1) {
      if (::dup2(mv.src, mv.dst) < 0) child_fail(ep, errno, true, nullptr);
    }
  }

  if (s.cwd && ::chdir(s.cwd) < 0) child_fail(ep, errno, true, nullptr);
  if (s.child_umask >= 0) ::umask(mode_t(s.child_umask));
  if (s.restore_signals) {
    // The interpreter ignores these (writes then fail with EPIPE/EFBIG); ignored
    // dispositions survive exec, so give the new program the defaults back.
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGXFSZ, SIG_DFL);
  }
  if (s.call_setsid && ::setsid() < 0) child_fail(ep, errno, true, nullptr);
  if (s.pgid_to_set >= 0 && ::setpgid(0, pid_t(s.pgid_to_set)) < 0) child_fail(ep, errno, true, nullptr);
  if (s.set_groups && ::setgroups(s.ngroups, s.groups) < 0) child_fail(ep, errno, true, nullptr);
  if (s.set_gid && ::setregid(s.gid, s.gid) < 0) child_fail(ep, errno, true, nullptr);
  if (s.set_uid && ::setreuid(s.uid, s.uid) < 0) child_fail(ep, errno, true, nullptr);

  if (s.preexec_fn) {
    Result<Value> r = call0(s.preexec_fn);
    if (r.is_err()) {
      exc_clear();
      child_fail(ep, 0, false, "Exception occurred in preexec_fn.");
    }
  }
  if (s.close_fds) close_other_fds(s);

  // Try each candidate path like os._execvpe: remember the first error that is
  // not "not found here" (EACCES on one PATH entry beats ENOENT on the last).
  int saved = 0;
  for (char* exe : *s.exes) {
    if (s.envp) ::execve(exe, s.argv, s.envp);
    else ::execv(exe, s.argv);
    if (errno != ENOENT && errno != ENOTDIR && saved == 0) saved = errno;
  }
  child_fail(ep, saved ? saved : errno, false, nullptr);
}

static Result<Value> ps_fork_exec(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("fork_exec", kw));
  if (nargs != 23) return raise_fmt(tp_TypeError, "fork_exec() takes exactly 23 arguments (%lld given)", (long long)nargs);
  Value* a = args;

  CStrings argv, envs, exes;
  if (!is_none(a[0])) TRY(fs_sequence(a[0], &argv));
  else argv.finish();
  TRY(fs_sequence(a[1], &exes));
  exes.ptrs.pop_back();  // iterated by count, no terminator
  bool close_fds = TRY(pflag(a[2]));
  if (!is_tuple(a[3])) return raise_fmt(tp_TypeError, "fork_exec() argument 4 must be tuple, not %s", type_name(a[3]));
  Tuple* keep_t = as_tuple(a[3]);
  std::vector<int> keep;
  for (int64_t i = 0; i < keep_t->size; i++) {
    Value v = keep_t->items[i];
    int64_t fd = -1;
    if (!is_int(v) || !int_fits_i64(v, &fd) || fd < 0 || fd > INT_MAX || (!keep.empty() && fd <= keep.back()))
      return raise(tp_ValueError, "bad value(s) in fds_to_keep");
    keep.push_back(int(fd));
  }
  std::string cwd;
  bool has_cwd = !is_none(a[4]);
  if (has_cwd) cwd = TRY(fs_item(a[4]));
  bool has_env = !is_none(a[5]);
  if (has_env) TRY(fs_sequence(a[5], &envs));

  ChildSpec s{};
  int* fds[8] = {&s.p2cread, &s.p2cwrite, &s.c2pread, &s.c2pwrite, &s.errread, &s.errwrite, &s.errpipe_read, &s.errpipe_write};
  for (int i = 0; i < 8; i++) *fds[i] = TRY(int_arg(a[6 + i]));
  s.restore_signals = TRY(pflag(a[14]));
  s.call_setsid = TRY(pflag(a[15]));
  s.pgid_to_set = TRY(int_arg(a[16]));
  std::vector<gid_t> groups;
  if (!is_none(a[17])) {
    s.set_gid = true;
    s.gid = TRY(posix::gid_convert(a[17]));
  }
  if (!is_none(a[18])) {
    s.set_groups = true;
    if (!is_list(a[18])) return raise(tp_TypeError, "setgroups argument must be a list");
    List* gl = as_list(a[18]);
    for (int64_t i = 0; i < gl->size; i++) {
      // As CPython: any unconvertible group id is a ValueError here.
      Result<gid_t> g = posix::gid_convert(gl->items[i]);
      if (g.is_err()) {
        exc_clear();
        return raise(tp_ValueError, "invalid group id");
      }
      groups.push_back(g.value());
    }
  }
  if (!is_none(a[19])) {
    s.set_uid = true;
    s.uid = TRY(posix::uid_convert(a[19]));
  }
  s.child_umask = TRY(int_arg(a[20]));
  Value preexec = a[21];
  if (close_fds && s.errpipe_write < 3) return raise(tp_ValueError, "errpipe_write must be >= 3");

  s.argv = argv.ptrs.data();
  s.envp = has_env ? envs.ptrs.data() : nullptr;
  s.exes = &exes.ptrs;
  s.keep = keep.data();
  s.nkeep = keep.size();
  s.cwd = has_cwd ? cwd.c_str() : nullptr;
  s.close_fds = close_fds;
  s.groups = groups.data();
  s.ngroups = groups.size();
  struct rlimit rl;
  s.max_fd = (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < INT_MAX)
                 ? int(rl.rlim_cur)
                 : 65536;
  s.preexec_fn = is_none(preexec) ? Value() : preexec;

  pid_t pid;
  if (s.preexec_fn) {
    // The child will run Python: the full os.fork() protocol (at-fork
    // callbacks, the collector's fork steps), as CPython does for preexec_fn.
    posix::fork_prepare();
    pid = ::fork();
    if (pid == 0) {
      posix::fork_child();
      child_exec(s);
    }
    int e = errno;
    posix::fork_parent();
    errno = e;
  } else {
    pid = ::fork();
    if (pid == 0) child_exec(s);
  }
  if (pid < 0) return raise_errno(errno);
  return Value::small(pid);
}

static const MethodDef functions[] = {{"fork_exec", ps_fork_exec}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_posixsubprocess", functions, "A POSIX helper for the subprocess module.");
  return Value(m);
}
GILPY_NATIVE_MODULE("_posixsubprocess", init);

}  // namespace gilpy
