// posix, part 5: processes, users and system information (see posix_impl.h).
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "gc/heap.h"
#include "modules/_tracemalloc.h"
#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/gil_outputs.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"

namespace gilpy {
std::string format_exception(Value exc);  // runtime/traceback.cpp
}

namespace gilpy::io {
extern uint32_t g_io_fork_epoch;  // modules/_io_buffered.cpp: buffered-object locks taken before a fork
}

namespace gilpy::posix {

static Type* g_uname_result;
static Type* g_times_result;

// ---- ids --------------------------------------------------------------------------------------
#define SIMPLE_ID(pyname, expr)                                          \
  static Result<Value> px_##pyname(Value*, int64_t nargs, Tuple*) {     \
    TRY(check_nargs(#pyname, nargs, 0, 0));                              \
    return int_from_i64(int64_t(expr));                                  \
  }
SIMPLE_ID(getpid, ::getpid())
SIMPLE_ID(getppid, ::getppid())
SIMPLE_ID(getuid, ::getuid())
SIMPLE_ID(geteuid, ::geteuid())
SIMPLE_ID(getgid, ::getgid())
SIMPLE_ID(getegid, ::getegid())
SIMPLE_ID(getpgrp, ::getpgrp())
#undef SIMPLE_ID

static Result<Value> px_getpgid(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("getpgid", args, nargs, kw, {"pid"}, 1, o));
  int64_t pid = TRY(as_index(o[0]));
  pid_t r = ::getpgid(pid_t(pid));
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_getsid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(check_nargs("getsid", nargs, 1, 1));
  int64_t pid = TRY(as_index(args[0]));
  pid_t r = ::getsid(pid_t(pid));
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_setsid(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("setsid", nargs, 0, 0));
  if (::setsid() < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_setpgid(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("setpgid", nargs, 2, 2));
  int64_t pid = TRY(as_index(args[0]));
  int64_t pg = TRY(as_index(args[1]));
  if (::setpgid(pid_t(pid), pid_t(pg)) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_getgroups(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("getgroups", nargs, 0, 0));
  int n = ::getgroups(0, nullptr);
  if (n < 0) return raise_errno(errno);
  std::string buf(size_t(n) * sizeof(gid_t), '\0');
  gid_t* g = reinterpret_cast<gid_t*>(buf.data());
  n = ::getgroups(n, g);
  if (n < 0) return raise_errno(errno);
  List* l = list_new();
  for (int i = 0; i < n; i++) TRY(list_append(l, int_from_u64(g[i])));
  return Value(l);
}

static Result<Value> px_getlogin(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("getlogin", nargs, 0, 0));
  errno = 0;
  char* name = ::getlogin();
  if (!name) {
    if (errno) return raise_errno(errno);
    return raise(tp_OSError, "unable to determine login name");
  }
  return fs_decode(name);
}

// ---- signals to processes -----------------------------------------------------------------
static Result<Value> px_kill(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("kill", kw));
  TRY(check_nargs("kill", nargs, 2, 2));
  int64_t pid = TRY(as_index(args[0]));
  int64_t sig = TRY(as_index(args[1]));
  if (::kill(pid_t(pid), int(sig)) < 0) return raise_errno(errno);
  // A signal sent to ourselves has been delivered before kill() returns: run
  // its Python handler now, so the effect is visible right after os.kill().
  TRY(check_signals_after_eintr());
  return None();
}

static Result<Value> px_killpg(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("killpg", kw));
  TRY(check_nargs("killpg", nargs, 2, 2));
  int64_t pg = TRY(as_index(args[0]));
  int64_t sig = TRY(as_index(args[1]));
  if (::killpg(pid_t(pg), int(sig)) < 0) return raise_errno(errno);
  TRY(check_signals_after_eintr());
  return None();
}

static Result<Value> px_abort(Value*, int64_t, Tuple*) { ::abort(); }

static Result<Value> px__exit(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("_exit", args, nargs, kw, {"status"}, 1, o));
  int64_t st = TRY(as_index(o[0]));
  write_gil_outputs();  // a recording is never lost, not even to os._exit (forked workers use it)
  ::_exit(int(st));
}

// ---- fork and at-fork callbacks -------------------------------------------------------------
// Registered callables (collector memory: static vectors are scanned through
// their heap buffers, which come from gc::Allocator).
static gc::Vector<Value> g_before_fork, g_after_child, g_after_parent;

static void run_fork_callbacks(const gc::Vector<Value>& v, bool reverse) {
  // Copy first: a callback may register more.
  gc::Vector<Value> cbs(v);
  size_t n = cbs.size();
  for (size_t i = 0; i < n; i++) {
    Value f = cbs[reverse ? n - 1 - i : i];
    Result<Value> r = call0(f);
    if (r.is_err()) {
      Value e = exc_fetch();
      Result<Str*> fr = repr(f);
      std::string head = "Exception ignored in: ";
      head += fr.ok() ? std::string(fr.value()->view()) : "<callback>";
      if (fr.is_err()) exc_clear();
      std::string msg = head + "\n" + format_exception(e);
      ssize_t w = ::write(2, msg.data(), msg.size());
      (void)w;
    }
  }
}

static Result<Value> px_register_at_fork(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("register_at_fork", args, nargs, kw, {"before", "after_in_child", "after_in_parent"}, 0, o, 0, 0));
  if (!o[0] && !o[1] && !o[2]) return raise(tp_TypeError, "At least one argument is required.");
  const char* names[3] = {"before", "after_in_child", "after_in_parent"};
  for (int i = 0; i < 3; i++)
    if (o[i] && !is_callable(o[i]))
      return raise_fmt(tp_TypeError, "'%s' must be callable, not %s", names[i], type_name(o[i]));
  if (o[0]) g_before_fork.push_back(o[0]);
  if (o[1]) g_after_child.push_back(o[1]);
  if (o[2]) g_after_parent.push_back(o[2]);
  return None();
}

void fork_prepare() {
  run_fork_callbacks(g_before_fork, true);
  // tracemalloc's lock, then the collector's (the order tracing takes them).
  tracemalloc_fork_prepare();
  // The collector's own fork protocol (no-ops when it installed pthread_atfork
  // handlers itself): its lock is held across fork(), and the child resets
  // the collector's thread table to the one surviving thread.
  GC_atfork_prepare();
}

void fork_parent() {
  GC_atfork_parent();
  tracemalloc_fork_parent();
  run_fork_callbacks(g_after_parent, false);
}

void fork_child() {
  ++gilpy::io::g_io_fork_epoch;
  GC_atfork_child();
  tracemalloc_fork_child();
  // The child has one thread, the one that forked: it is the main thread now,
  // with a fresh GIL that it holds.
  set_main_thread();
  thread_state_after_fork(ts());
  gil::reinit_after_fork(ts());
  gil_outputs_after_fork();
  run_fork_callbacks(g_after_child, false);
}

static Result<Value> px_fork(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("fork", nargs, 0, 0));
  fork_prepare();
  pid_t pid = ::fork();
  if (pid < 0) {
    int e = errno;
    fork_parent();
    return raise_errno(e);
  }
  if (pid == 0) fork_child();
  else fork_parent();
  return Value::small(pid);
}

// ---- exec ---------------------------------------------------------------------------------
// argv / env conversion: the strings live in `store`, pointers in `out`.
static Status to_cstrings(const char* fname, Value seq, std::vector<std::string>* store) {
  Value v = seq;
  int64_t n;
  Value* items;
  if (is_tuple(v)) {
    n = as_tuple(v)->size;
    items = as_tuple(v)->items;
  } else if (is_list(v)) {
    n = as_list(v)->size;
    items = as_list(v)->items;
  } else {
    return raise_fmt(tp_TypeError, "%s() arg 2 must be a tuple or list", fname);
  }
  if (n == 0) return raise_fmt(tp_ValueError, "%s() arg 2 must not be empty", fname);
  for (int64_t i = 0; i < n; i++) {
    Path p;
    TRY(path_convert(fname, items[i], &p));
    if (i == 0 && p.bytes.empty()) return raise_fmt(tp_ValueError, "%s() arg 2 first element cannot be empty", fname);
    store->push_back(p.bytes);
  }
  return OK();
}

Status env_to_cstrings(const char* fname, Value env, std::vector<std::string>* store) {
  Value keys = TRY(call_method0(env, N.keys));
  List* kl = TRY(to_list(keys));
  for (int64_t i = 0; i < kl->size; i++) {
    Value k = kl->items[i];
    Value v = TRY(getitem(env, k));
    Path pk, pv;
    TRY(path_convert(fname, k, &pk));
    TRY(path_convert(fname, v, &pv));
    if (pk.bytes.empty() || pk.bytes.find('=') != std::string::npos)
      return raise(tp_ValueError, "illegal environment variable name");
    store->push_back(pk.bytes + "=" + pv.bytes);
  }
  return OK();
}

static std::vector<char*> ptrs(std::vector<std::string>& s) {
  std::vector<char*> p;
  for (auto& x : s) p.push_back(x.data());
  p.push_back(nullptr);
  return p;
}

static Result<Value> px_execv(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("execv", kw));
  TRY(check_nargs("execv", nargs, 2, 2));
  Path p;
  TRY(path_convert("execv", args[0], &p));
  std::vector<std::string> argv;
  TRY(to_cstrings("execv", args[1], &argv));
  std::vector<char*> av = ptrs(argv);
  ::execv(p.c(), av.data());
  return raise_errno(errno);
}

static Result<Value> px_execve(Value* args, int64_t nargs, Tuple* kw) {
  Value o[3];
  TRY(parse_args("execve", args, nargs, kw, {"path", "argv", "env"}, 3, o));
  Path p;
  TRY(path_convert("execve", o[0], &p, true));
  std::vector<std::string> argv, env;
  TRY(to_cstrings("execve", o[1], &argv));
  if (!is_dict(o[2])) {
    Value k;
    TRY(getattr_opt(o[2], N.keys, &k));
    if (!k) return raise(tp_TypeError, "execve: environment must be a mapping object");
  }
  TRY(env_to_cstrings("execve", o[2], &env));
  std::vector<char*> av = ptrs(argv), ev = ptrs(env);
  if (p.fd >= 0) ::fexecve(p.fd, av.data(), ev.data());
  else ::execve(p.c(), av.data(), ev.data());
  return raise_path_error(errno, p);
}

// ---- wait -----------------------------------------------------------------------------------
static Result<Value> px_waitpid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("waitpid", kw));
  TRY(check_nargs("waitpid", nargs, 2, 2));
  int64_t pid = TRY(as_index(args[0]));
  int64_t options = TRY(as_index(args[1]));
  int status = 0;
  pid_t r;
  while ((r = gil::blocking(gil::Block::Process, [&] { return ::waitpid(pid_t(pid), &status, int(options)); })) < 0 &&
         errno == EINTR)
    TRY(check_signals_after_eintr());
  if (r < 0) return raise_errno(errno);
  return Value(tuple_of({Value::small(r), Value::small(status)}));
}

static Result<Value> px_wait(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("wait", nargs, 0, 0));
  int status = 0;
  pid_t r;
  while ((r = gil::blocking(gil::Block::Process, [&] { return ::wait(&status); })) < 0 && errno == EINTR)
    TRY(check_signals_after_eintr());
  if (r < 0) return raise_errno(errno);
  return Value(tuple_of({Value::small(r), Value::small(status)}));
}

static Result<int> status_arg(const char* fname, Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args(fname, args, nargs, kw, {"status"}, 1, o));
  int64_t s = TRY(as_index(o[0]));
  return int(s);
}
#define WMACRO(name, conv)                                                 \
  static Result<Value> px_##name(Value* a, int64_t n, Tuple* kw) {        \
    int st = TRY(status_arg(#name, a, n, kw));                             \
    return conv(name(st));                                                 \
  }
static Value as_bool(int v) { return Bool(v != 0); }
static Value as_int(int v) { return Value::small(v); }
WMACRO(WIFEXITED, as_bool)
WMACRO(WEXITSTATUS, as_int)
WMACRO(WIFSIGNALED, as_bool)
WMACRO(WTERMSIG, as_int)
WMACRO(WIFSTOPPED, as_bool)
WMACRO(WSTOPSIG, as_int)
WMACRO(WIFCONTINUED, as_bool)
WMACRO(WCOREDUMP, as_bool)
#undef WMACRO

static Result<Value> px_waitstatus_to_exitcode(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("waitstatus_to_exitcode", args, nargs, kw, {"status"}, 1, o));
  int64_t s = TRY(as_index(o[0]));
  if (s < INT32_MIN || s > INT32_MAX) return raise(tp_OverflowError, "signed integer is greater than maximum");
  int st = int(s);
  if (WIFEXITED(st)) return Value::small(WEXITSTATUS(st));
  if (WIFSIGNALED(st)) return Value::small(-WTERMSIG(st));
  if (WIFSTOPPED(st)) return raise_fmt(tp_ValueError, "process stopped by delivery of signal %i", WSTOPSIG(st));
  return raise_fmt(tp_ValueError, "invalid wait status: %i", st);
}

static Result<Value> px_system(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("system", args, nargs, kw, {"command"}, 1, o));
  Path p;
  TRY(path_convert("system", o[0], &p));
  int r = gil::blocking(gil::Block::Process, [&] { return ::system(p.c()); });
  return Value::small(r);
}

// ---- system information ------------------------------------------------------------------------
static Result<Value> px_uname(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("uname", nargs, 0, 0));
  struct utsname u;
  if (::uname(&u) < 0) return raise_errno(errno);
  Value v[5];
  const char* f[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
  for (int i = 0; i < 5; i++) v[i] = TRY(fs_decode(f[i]));
  return structseq_from(g_uname_result, v, 5);
}

static Result<Value> px_times(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("times", nargs, 0, 0));
  struct tms t;
  clock_t c = ::times(&t);
  if (c == clock_t(-1)) return raise_errno(errno);
  double tick = double(::sysconf(_SC_CLK_TCK));
  Value v[5] = {float_new(double(t.tms_utime) / tick), float_new(double(t.tms_stime) / tick),
                float_new(double(t.tms_cutime) / tick), float_new(double(t.tms_cstime) / tick),
                float_new(double(c) / tick)};
  return structseq_from(g_times_result, v, 5);
}

static Result<Value> px_cpu_count(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("cpu_count", nargs, 0, 0));
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return None();
  return Value::small(n);
}

static Result<Value> px_getloadavg(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("getloadavg", nargs, 0, 0));
  double l[3];
  if (::getloadavg(l, 3) != 3) return raise(tp_OSError, "Load averages are unobtainable");
  return Value(tuple_of({float_new(l[0]), float_new(l[1]), float_new(l[2])}));
}

static Result<Value> px_sched_getaffinity(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("sched_getaffinity", nargs, 1, 1));
  int64_t pid = TRY(as_index(args[0]));
  cpu_set_t cs;
  CPU_ZERO(&cs);
  if (::sched_getaffinity(pid_t(pid), sizeof cs, &cs) < 0) return raise_errno(errno);
  Set* s = set_new();
  for (int i = 0; i < CPU_SETSIZE; i++)
    if (CPU_ISSET(i, &cs)) TRY(set_add(s, Value::small(i)));
  return Value(s);
}

static Result<Value> px_sched_yield(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("sched_yield", nargs, 0, 0));
  ::sched_yield();
  return None();
}

static Result<Value> px_nice(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("nice", nargs, 1, 1));
  int64_t inc = TRY(as_index(args[0]));
  errno = 0;
  int r = ::nice(int(inc));
  if (r == -1 && errno) return raise_errno(errno);
  return Value::small(r);
}

// sysconf / confstr / pathconf: a name is an int or a key of the *_names table.
struct NamedConst {
  const char* name;
  int value;
};
static const NamedConst kSysconf[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX}, {"SC_CHILD_MAX", _SC_CHILD_MAX}, {"SC_CLK_TCK", _SC_CLK_TCK},
    {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX}, {"SC_OPEN_MAX", _SC_OPEN_MAX}, {"SC_STREAM_MAX", _SC_STREAM_MAX},
    {"SC_TZNAME_MAX", _SC_TZNAME_MAX}, {"SC_JOB_CONTROL", _SC_JOB_CONTROL}, {"SC_SAVED_IDS", _SC_SAVED_IDS},
    {"SC_VERSION", _SC_VERSION}, {"SC_PAGESIZE", _SC_PAGESIZE}, {"SC_PAGE_SIZE", _SC_PAGE_SIZE},
    {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF}, {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
    {"SC_PHYS_PAGES", _SC_PHYS_PAGES}, {"SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES}, {"SC_IOV_MAX", _SC_IOV_MAX},
    {"SC_LINE_MAX", _SC_LINE_MAX}, {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX},
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX}, {"SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX},
    {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX}, {"SC_THREAD_STACK_MIN", _SC_THREAD_STACK_MIN},
    {"SC_THREADS", _SC_THREADS}, {"SC_SEMAPHORES", _SC_SEMAPHORES}, {"SC_GETPW_R_SIZE_MAX", _SC_GETPW_R_SIZE_MAX},
    {"SC_GETGR_R_SIZE_MAX", _SC_GETGR_R_SIZE_MAX}, {"SC_RTSIG_MAX", _SC_RTSIG_MAX},
    {"SC_SIGQUEUE_MAX", _SC_SIGQUEUE_MAX}, {"SC_MINSIGSTKSZ", _SC_MINSIGSTKSZ},
};
static const NamedConst kConfstr[] = {
    {"CS_PATH", _CS_PATH},
    {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
};
static const NamedConst kPathconf[] = {
    {"PC_LINK_MAX", _PC_LINK_MAX}, {"PC_MAX_CANON", _PC_MAX_CANON}, {"PC_MAX_INPUT", _PC_MAX_INPUT},
    {"PC_NAME_MAX", _PC_NAME_MAX}, {"PC_PATH_MAX", _PC_PATH_MAX}, {"PC_PIPE_BUF", _PC_PIPE_BUF},
    {"PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED}, {"PC_NO_TRUNC", _PC_NO_TRUNC}, {"PC_VDISABLE", _PC_VDISABLE},
    {"PC_FILESIZEBITS", _PC_FILESIZEBITS}, {"PC_SYNC_IO", _PC_SYNC_IO}, {"PC_ASYNC_IO", _PC_ASYNC_IO},
    {"PC_PRIO_IO", _PC_PRIO_IO}, {"PC_SOCK_MAXBUF", _PC_SOCK_MAXBUF},
};

template <size_t N>
static Result<int> conf_name(Value v, const NamedConst (&table)[N]) {
  if (is_int(v)) {
    int64_t x = TRY(as_index(v));
    return int(x);
  }
  if (!is_str(v)) return raise(tp_TypeError, "configuration names must be strings or integers");
  for (const NamedConst& c : table)
    if (as_str(v)->view() == c.name) return c.value;
  return raise(tp_ValueError, "unrecognized configuration name");
}

template <size_t N>
static Value conf_table(const NamedConst (&table)[N]) {
  Dict* d = dict_new();
  for (const NamedConst& c : table) dict_set_str(d, str_intern(c.name), Value::small(c.value));
  return Value(d);
}

static Result<Value> px_sysconf(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("sysconf", nargs, 1, 1));
  int name = TRY(conf_name(args[0], kSysconf));
  errno = 0;
  long r = ::sysconf(name);
  if (r == -1 && errno) return raise_errno(errno);
  return int_from_i64(r);
}

static Result<Value> px_confstr(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("confstr", nargs, 1, 1));
  int name = TRY(conf_name(args[0], kConfstr));
  errno = 0;
  size_t n = ::confstr(name, nullptr, 0);
  if (n == 0) {
    if (errno) return raise_errno(errno);
    return None();
  }
  std::string buf(n, '\0');
  ::confstr(name, buf.data(), n);
  return fs_decode(std::string_view(buf.data(), n - 1));
}

static Result<Value> px_pathconf(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("pathconf", args, nargs, kw, {"path", "name"}, 2, o));
  Path p;
  TRY(path_convert("pathconf", o[0], &p, true));
  int name = TRY(conf_name(o[1], kPathconf));
  errno = 0;
  long r = p.fd >= 0 ? ::fpathconf(p.fd, name) : ::pathconf(p.c(), name);
  if (r == -1 && errno) return raise_path_error(errno, p);
  return int_from_i64(r);
}

static Result<Value> px_fpathconf(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("fpathconf", nargs, 2, 2));
  int fd = TRY(fd_convert(args[0]));
  int name = TRY(conf_name(args[1], kPathconf));
  errno = 0;
  long r = ::fpathconf(fd, name);
  if (r == -1 && errno) return raise_errno(errno);
  return int_from_i64(r);
}

const MethodDef proc_functions[] = {
    {"getpid", px_getpid},
    {"getppid", px_getppid},
    {"getuid", px_getuid},
    {"geteuid", px_geteuid},
    {"getgid", px_getgid},
    {"getegid", px_getegid},
    {"getpgrp", px_getpgrp},
    {"getpgid", px_getpgid},
    {"getsid", px_getsid},
    {"setsid", px_setsid},
    {"setpgid", px_setpgid},
    {"getgroups", px_getgroups},
    {"getlogin", px_getlogin},
    {"kill", px_kill},
    {"killpg", px_killpg},
    {"abort", px_abort},
    {"_exit", px__exit},
    {"register_at_fork", px_register_at_fork},
    {"fork", px_fork},
    {"execv", px_execv},
    {"execve", px_execve},
    {"waitpid", px_waitpid},
    {"wait", px_wait},
    {"WIFEXITED", px_WIFEXITED},
    {"WEXITSTATUS", px_WEXITSTATUS},
    {"WIFSIGNALED", px_WIFSIGNALED},
    {"WTERMSIG", px_WTERMSIG},
    {"WIFSTOPPED", px_WIFSTOPPED},
    {"WSTOPSIG", px_WSTOPSIG},
    {"WIFCONTINUED", px_WIFCONTINUED},
    {"WCOREDUMP", px_WCOREDUMP},
    {"waitstatus_to_exitcode", px_waitstatus_to_exitcode},
    {"system", px_system},
    {"uname", px_uname},
    {"times", px_times},
    {"cpu_count", px_cpu_count},
    {"getloadavg", px_getloadavg},
    {"sched_getaffinity", px_sched_getaffinity},
    {"sched_yield", px_sched_yield},
    {"nice", px_nice},
    {"sysconf", px_sysconf},
    {"confstr", px_confstr},
    {"pathconf", px_pathconf},
    {"fpathconf", px_fpathconf},
    {nullptr, nullptr},
};

void init_proc(Module* m) {
  g_uname_result = structseq_new_type("posix", "uname_result", {"sysname", "nodename", "release", "version", "machine"});
  g_times_result = structseq_new_type("posix", "times_result",
                                      {"user", "system", "children_user", "children_system", "elapsed"});
  add_value(m, "uname_result", Value(g_uname_result));
  add_value(m, "times_result", Value(g_times_result));
  add_value(m, "sysconf_names", conf_table(kSysconf));
  add_value(m, "confstr_names", conf_table(kConfstr));
  add_value(m, "pathconf_names", conf_table(kPathconf));
}

}  // namespace gilpy::posix
