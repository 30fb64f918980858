// posix, part 8: user and group ids, process priorities, the scheduler, and the
// waits that report more than waitpid (waitid, wait3, wait4). See posix_impl.h.
#include <grp.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "modules/posix_impl.h"
#include "objects/float.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/import.h"
#include "runtime/protocols.h"

namespace gilpy::posix {

static Type* g_sched_param;
static Type* g_waitid_result;

// ---- setting ids ------------------------------------------------------------------------------
static Result<Value> px_setuid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setuid", kw));
  TRY(check_nargs("setuid", nargs, 1, 1));
  uid_t u = TRY(uid_convert(args[0]));
  if (::setuid(u) < 0) return raise_errno(errno);
  return None();
}
static Result<Value> px_seteuid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("seteuid", kw));
  TRY(check_nargs("seteuid", nargs, 1, 1));
  uid_t u = TRY(uid_convert(args[0]));
  if (::seteuid(u) < 0) return raise_errno(errno);
  return None();
}
static Result<Value> px_setgid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setgid", kw));
  TRY(check_nargs("setgid", nargs, 1, 1));
  gid_t g = TRY(gid_convert(args[0]));
  if (::setgid(g) < 0) return raise_errno(errno);
  return None();
}
static Result<Value> px_setegid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setegid", kw));
  TRY(check_nargs("setegid", nargs, 1, 1));
  gid_t g = TRY(gid_convert(args[0]));
  if (::setegid(g) < 0) return raise_errno(errno);
  return None();
}
static Result<Value> px_setreuid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setreuid", kw));
  TRY(check_nargs("setreuid", nargs, 2, 2));
  uid_t r = TRY(uid_convert(args[0]));
  uid_t e = TRY(uid_convert(args[1]));
  if (::setreuid(r, e) < 0) return raise_errno(errno);
  return None();
}
static Result<Value> px_setregid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setregid", kw));
  TRY(check_nargs("setregid", nargs, 2, 2));
  gid_t r = TRY(gid_convert(args[0]));
  gid_t e = TRY(gid_convert(args[1]));
  if (::setregid(r, e) < 0) return raise_errno(errno);
  return None();
}
static Result<Value> px_setresuid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setresuid", kw));
  TRY(check_nargs("setresuid", nargs, 3, 3));
  uid_t r = TRY(uid_convert(args[0]));
  uid_t e = TRY(uid_convert(args[1]));
  uid_t s = TRY(uid_convert(args[2]));
  if (::setresuid(r, e, s) < 0) return raise_errno(errno);
  return None();
}
static Result<Value> px_setresgid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setresgid", kw));
  TRY(check_nargs("setresgid", nargs, 3, 3));
  gid_t r = TRY(gid_convert(args[0]));
  gid_t e = TRY(gid_convert(args[1]));
  gid_t s = TRY(gid_convert(args[2]));
  if (::setresgid(r, e, s) < 0) return raise_errno(errno);
  return None();
}
static Result<Value> px_getresuid(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("getresuid", nargs, 0, 0));
  uid_t r, e, s;
  if (::getresuid(&r, &e, &s) < 0) return raise_errno(errno);
  return Value(tuple_of({int_from_u64(r), int_from_u64(e), int_from_u64(s)}));
}
static Result<Value> px_getresgid(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("getresgid", nargs, 0, 0));
  gid_t r, e, s;
  if (::getresgid(&r, &e, &s) < 0) return raise_errno(errno);
  return Value(tuple_of({int_from_u64(r), int_from_u64(e), int_from_u64(s)}));
}

// ---- groups -----------------------------------------------------------------------------------
static Result<Value> px_setgroups(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setgroups", kw));
  TRY(check_nargs("setgroups", nargs, 1, 1));
  Value seq = args[0];
  if (!is_list(seq) && !is_tuple(seq) && (is_dict(seq) || !lookup_special(seq, N.__getitem__))) {
    if (exc_pending()) return ERR;
    return raise(tp_TypeError, "setgroups argument must be a sequence");
  }
  Tuple* items = TRY(to_tuple(seq));
  if (items->size > NGROUPS_MAX) return raise(tp_ValueError, "too many groups");
  std::vector<gid_t> groups;
  for (int64_t i = 0; i < items->size; i++) {
    if (!is_int(items->items[i])) return raise(tp_TypeError, "groups must be integers");
    groups.push_back(TRY(gid_convert(items->items[i])));
  }
  if (::setgroups(groups.size(), groups.data()) < 0) return raise_errno(errno);
  return None();
}

// A user name argument (PyUnicode_FSConverter: str or bytes-like, no NUL).
static Result<std::string> name_arg(const char* fname, Value v) {
  Path p;
  TRY(path_convert(fname, v, &p));
  return p.bytes;
}

static Result<Value> px_getgrouplist(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("getgrouplist", kw));
  TRY(check_nargs("getgrouplist", nargs, 2, 2));
  if (!is_str(args[0])) return raise_fmt(tp_TypeError, "getgrouplist() argument 1 must be str, not %s", type_name(args[0]));
  std::string user = TRY(fs_encode(as_str(args[0])));
  if (user.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null character");
  gid_t base = TRY(gid_convert(args[1]));
  int n = 64;
  std::vector<gid_t> groups;
  for (;;) {
    groups.resize(size_t(n));
    int got = n;
    int r = gil::blocking(gil::Block::Other, [&] { return ::getgrouplist(user.c_str(), base, groups.data(), &got); });
    if (r >= 0) {
      n = got;
      break;
    }
    if (n > (1 << 20)) return raise_errno(EINVAL);
    n = got > n ? got : n * 2;
  }
  List* l = list_new();
  for (int i = 0; i < n; i++) TRY(list_append(l, int_from_u64(groups[size_t(i)])));
  return Value(l);
}

static Result<Value> px_initgroups(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("initgroups", kw));
  TRY(check_nargs("initgroups", nargs, 2, 2));
  std::string user = TRY(name_arg("initgroups", args[0]));
  gid_t g = TRY(gid_convert(args[1]));
  int r = gil::blocking(gil::Block::Other, [&] { return ::initgroups(user.c_str(), g); });
  if (r < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_setpgrp(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("setpgrp", nargs, 0, 0));
  if (::setpgid(0, 0) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_ctermid(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("ctermid", nargs, 0, 0));
  char buf[L_ctermid];
  char* r = ::ctermid(buf);
  if (!r) return raise_errno(errno);
  return fs_decode(r);
}

static Result<Value> px_chroot(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("chroot", args, nargs, kw, {"path"}, 1, o));
  Path p;
  TRY(path_convert("chroot", o[0], &p));
  int r = gil::blocking(gil::Block::File, [&] { return ::chroot(p.c()); });
  if (r < 0) return raise_path_error(errno, p);
  return None();
}

// ---- priorities -------------------------------------------------------------------------------
static Result<Value> px_getpriority(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("getpriority", kw));
  TRY(check_nargs("getpriority", nargs, 2, 2));
  int which = TRY(as_c_int(args[0]));
  int who = TRY(as_c_int(args[1]));
  errno = 0;
  int r = ::getpriority(__priority_which_t(which), id_t(who));
  if (r == -1 && errno) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_setpriority(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setpriority", kw));
  TRY(check_nargs("setpriority", nargs, 3, 3));
  int which = TRY(as_c_int(args[0]));
  int who = TRY(as_c_int(args[1]));
  int prio = TRY(as_c_int(args[2]));
  if (::setpriority(__priority_which_t(which), id_t(who), prio) < 0) return raise_errno(errno);
  return None();
}

// ---- the scheduler ----------------------------------------------------------------------------
static Result<pid_t> pid_arg(Value v) {
  int64_t pid = TRY(as_index(v));
  if (pid < INT_MIN || pid > INT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
  return pid_t(pid);
}

static Result<Value> px_sched_get_priority_max(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("sched_get_priority_max", args, nargs, kw, {"policy"}, 1, o));
  int policy = TRY(as_c_int(o[0]));
  int r = ::sched_get_priority_max(policy);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_sched_get_priority_min(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("sched_get_priority_min", args, nargs, kw, {"policy"}, 1, o));
  int policy = TRY(as_c_int(o[0]));
  int r = ::sched_get_priority_min(policy);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

static Result<Value> px_sched_getscheduler(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sched_getscheduler", kw));
  TRY(check_nargs("sched_getscheduler", nargs, 1, 1));
  pid_t pid = TRY(pid_arg(args[0]));
  int r = ::sched_getscheduler(pid);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

// A sched_param argument: an instance of posix.sched_param whose priority fits a C int.
static Result<struct sched_param> sched_param_arg(Value v) {
  if (v.type() != g_sched_param) return raise(tp_TypeError, "must have a sched_param object");
  Value prio = TRY(index_value(v.as<Tuple>()->items[0]));
  int64_t x;
  if (!int_fits_i64(prio, &x)) return raise(tp_OverflowError, "Python int too large to convert to C long");
  if (x < INT_MIN || x > INT_MAX) return raise(tp_OverflowError, "sched_priority out of range");
  struct sched_param sp;
  std::memset(&sp, 0, sizeof sp);
  sp.sched_priority = int(x);
  return sp;
}

Result<int> sched_priority_convert(Value v) {
  struct sched_param sp = TRY(sched_param_arg(v));
  return sp.sched_priority;
}

static Result<Value> px_sched_setscheduler(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sched_setscheduler", kw));
  TRY(check_nargs("sched_setscheduler", nargs, 3, 3));
  pid_t pid = TRY(pid_arg(args[0]));
  int policy = TRY(as_c_int(args[1]));
  struct sched_param sp = TRY(sched_param_arg(args[2]));
  if (::sched_setscheduler(pid, policy, &sp) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_sched_getparam(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sched_getparam", kw));
  TRY(check_nargs("sched_getparam", nargs, 1, 1));
  pid_t pid = TRY(pid_arg(args[0]));
  struct sched_param sp;
  if (::sched_getparam(pid, &sp) < 0) return raise_errno(errno);
  return structseq_new(g_sched_param, {Value::small(sp.sched_priority)});
}

static Result<Value> px_sched_setparam(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sched_setparam", kw));
  TRY(check_nargs("sched_setparam", nargs, 2, 2));
  pid_t pid = TRY(pid_arg(args[0]));
  struct sched_param sp = TRY(sched_param_arg(args[1]));
  if (::sched_setparam(pid, &sp) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> px_sched_rr_get_interval(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sched_rr_get_interval", kw));
  TRY(check_nargs("sched_rr_get_interval", nargs, 1, 1));
  pid_t pid = TRY(pid_arg(args[0]));
  struct timespec ts;
  if (::sched_rr_get_interval(pid, &ts) < 0) return raise_errno(errno);
  return float_new(double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec));
}

static Result<Value> px_sched_setaffinity(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sched_setaffinity", kw));
  TRY(check_nargs("sched_setaffinity", nargs, 2, 2));
  pid_t pid = TRY(pid_arg(args[0]));
  std::vector<int> cpus;
  int max_cpu = -1;
  Value it = TRY(get_iter(args[1]));
  for (;;) {
    Value item;
    TRY(iter_next(it, &item));
    if (!item) break;
    if (!is_int(item)) {
      Str* tr = TRY(repr(Value(item.type())));
      return raise_fmt(tp_TypeError, "expected an iterator of ints, but iterator yielded %s", tr->data);
    }
    int64_t cpu;
    if (!int_fits_i64(item, &cpu)) {
      if (int_sign(item) < 0) return raise(tp_ValueError, "negative CPU number");
      return raise(tp_OverflowError, "Python int too large to convert to C long");
    }
    if (cpu < 0) return raise(tp_ValueError, "negative CPU number");
    if (cpu > INT_MAX - 1) return raise(tp_OverflowError, "unsupported CPU number");
    cpus.push_back(int(cpu));
    if (cpu > max_cpu) max_cpu = int(cpu);
  }
  int ncpus = max_cpu + 1 > CPU_SETSIZE ? max_cpu + 1 : CPU_SETSIZE;
  cpu_set_t* set = CPU_ALLOC(ncpus);
  if (!set) return raise(tp_MemoryError, "");
  size_t setsize = CPU_ALLOC_SIZE(ncpus);
  CPU_ZERO_S(setsize, set);
  for (int c : cpus) CPU_SET_S(c, setsize, set);
  int r = ::sched_setaffinity(pid, setsize, set);
  int e = errno;
  CPU_FREE(set);
  if (r < 0) return raise_errno(e);
  return None();
}

// sched_param(sched_priority): the struct sequence's constructor takes the
// field by name or position (CPython's sched_param.__new__).
static Result<Value> sp_new(Value* a, int64_t n, Tuple* kw) {
  Value o[1];
  TRY(parse_args("sched_param", a + 1, n - 1, kw, {"sched_priority"}, 1, o));
  return structseq_from(as_type(a[0]), o, 1);
}

// ---- waitid, wait3, wait4 ---------------------------------------------------------------------
static Result<Value> px_waitid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("waitid", kw));
  TRY(check_nargs("waitid", nargs, 3, 3));
  int idtype = TRY(as_c_int(args[0]));
  int64_t id = TRY(as_index(args[1]));
  int options = TRY(as_c_int(args[2]));
  siginfo_t si;
  std::memset(&si, 0, sizeof si);
  int r;
  while ((r = gil::blocking(gil::Block::Process,
                            [&] { return ::waitid(idtype_t(idtype), id_t(id), &si, options); })) < 0 &&
         errno == EINTR)
    TRY(check_signals_after_eintr());
  if (r < 0) return raise_errno(errno);
  if (si.si_pid == 0) return None();  // WNOHANG and no child ready
  Value v[5] = {Value::small(si.si_pid), int_from_u64(si.si_uid), Value::small(si.si_signo),
                Value::small(si.si_status), Value::small(si.si_code)};
  return structseq_from(g_waitid_result, v, 5);
}

// resource.struct_rusage from a struct rusage (the resource module is imported
// on first use, as CPython does).
static Result<Value> rusage_value(const struct rusage& ru) {
  Value mod = TRY(import_module(str_intern("resource")));
  Value type = TRY(getattr_str(mod, "struct_rusage"));
  auto tv = [](const struct timeval& t) { return float_new(double(t.tv_sec) + double(t.tv_usec) * 1e-6); };
  Tuple* t = tuple_of({tv(ru.ru_utime), tv(ru.ru_stime), int_from_i64(ru.ru_maxrss), int_from_i64(ru.ru_ixrss),
                       int_from_i64(ru.ru_idrss), int_from_i64(ru.ru_isrss), int_from_i64(ru.ru_minflt),
                       int_from_i64(ru.ru_majflt), int_from_i64(ru.ru_nswap), int_from_i64(ru.ru_inblock),
                       int_from_i64(ru.ru_oublock), int_from_i64(ru.ru_msgsnd), int_from_i64(ru.ru_msgrcv),
                       int_from_i64(ru.ru_nsignals), int_from_i64(ru.ru_nvcsw), int_from_i64(ru.ru_nivcsw)});
  Value arg = Value(t);
  return call(type, &arg, 1);
}

static Result<Value> wait_rusage(pid_t pid, int options, bool any) {
  int status = 0;
  struct rusage ru;
  std::memset(&ru, 0, sizeof ru);
  pid_t r;
  while ((r = gil::blocking(gil::Block::Process, [&] {
            return any ? ::wait3(&status, options, &ru) : ::wait4(pid, &status, options, &ru);
          })) < 0 &&
         errno == EINTR)
    TRY(check_signals_after_eintr());
  if (r < 0) return raise_errno(errno);
  Value usage = TRY(rusage_value(ru));
  return Value(tuple_of({Value::small(r), Value::small(status), usage}));
}

static Result<Value> px_wait3(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("wait3", args, nargs, kw, {"options"}, 1, o));
  int options = TRY(as_c_int(o[0]));
  return wait_rusage(-1, options, true);
}

static Result<Value> px_wait4(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("wait4", args, nargs, kw, {"pid", "options"}, 2, o));
  pid_t pid = TRY(pid_arg(o[0]));
  int options = TRY(as_c_int(o[1]));
  return wait_rusage(pid, options, false);
}

const MethodDef ids_functions[] = {
    {"setuid", px_setuid},
    {"seteuid", px_seteuid},
    {"setgid", px_setgid},
    {"setegid", px_setegid},
    {"setreuid", px_setreuid},
    {"setregid", px_setregid},
    {"setresuid", px_setresuid},
    {"setresgid", px_setresgid},
    {"getresuid", px_getresuid},
    {"getresgid", px_getresgid},
    {"setgroups", px_setgroups},
    {"getgrouplist", px_getgrouplist},
    {"initgroups", px_initgroups},
    {"setpgrp", px_setpgrp},
    {"ctermid", px_ctermid},
    {"chroot", px_chroot},
    {"getpriority", px_getpriority},
    {"setpriority", px_setpriority},
    {"sched_get_priority_max", px_sched_get_priority_max},
    {"sched_get_priority_min", px_sched_get_priority_min},
    {"sched_getscheduler", px_sched_getscheduler},
    {"sched_setscheduler", px_sched_setscheduler},
    {"sched_getparam", px_sched_getparam},
    {"sched_setparam", px_sched_setparam},
    {"sched_rr_get_interval", px_sched_rr_get_interval},
    {"sched_setaffinity", px_sched_setaffinity},
    {"waitid", px_waitid},
    {"wait3", px_wait3},
    {"wait4", px_wait4},
    {nullptr, nullptr},
};

void init_ids(Module* m) {
  g_sched_param = structseq_new_type("posix", "sched_param", {"sched_priority"});
  static const MethodDef sp_methods[] = {
      {"__new__", sp_new, MethKind::Static}, {nullptr, nullptr}};
  type_add_methods(g_sched_param, sp_methods);
  add_value(m, "sched_param", Value(g_sched_param));
  g_waitid_result = structseq_new_type("posix", "waitid_result", {"si_pid", "si_uid", "si_signo", "si_status", "si_code"});
  add_value(m, "waitid_result", Value(g_waitid_result));
  add_int(m, "SCHED_RESET_ON_FORK", SCHED_RESET_ON_FORK);
  add_int(m, "P_PIDFD", 3);  // P_PIDFD from <linux/wait.h>
}

}  // namespace gilpy::posix
