// resource: process resource usage (getrusage) and limits (getrlimit,
// setrlimit, prlimit). Benchmarks and memory-conscious programs read
// ru_maxrss from here, so the values are the kernel's, unconverted (KiB).
//
// Limits cross into Python as C `long long`, as CPython does: RLIM_INFINITY
// (all ones) is -1 in Python, and -1 passed in means "unlimited".
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"

namespace gilpy {

static Type* g_struct_rusage;

static Value timeval_seconds(const struct timeval& tv) { return float_new(double(tv.tv_sec) + double(tv.tv_usec) * 1e-6); }

static Result<Value> rs_getrusage(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("getrusage", n, 1, 1));
  int64_t who = TRY(as_index(a[0]));
  struct rusage ru;
  if (::getrusage(int(who), &ru) != 0) {
    if (errno == EINVAL) return raise(tp_ValueError, "invalid who parameter");
    return raise_errno(errno);
  }
  Value v[16] = {timeval_seconds(ru.ru_utime), timeval_seconds(ru.ru_stime), int_from_i64(ru.ru_maxrss),
                 int_from_i64(ru.ru_ixrss),    int_from_i64(ru.ru_idrss),      int_from_i64(ru.ru_isrss),
                 int_from_i64(ru.ru_minflt),   int_from_i64(ru.ru_majflt),     int_from_i64(ru.ru_nswap),
                 int_from_i64(ru.ru_inblock),  int_from_i64(ru.ru_oublock),    int_from_i64(ru.ru_msgsnd),
                 int_from_i64(ru.ru_msgrcv),   int_from_i64(ru.ru_nsignals),   int_from_i64(ru.ru_nvcsw),
                 int_from_i64(ru.ru_nivcsw)};
  return structseq_from(g_struct_rusage, v, 16);
}

static Result<int> resource_arg(Value v) {
  int64_t r = TRY(as_index(v));
  if (r < 0 || r >= RLIM_NLIMITS) return raise(tp_ValueError, "invalid resource specified");
  return int(r);
}

static Value limits_tuple(const struct rlimit& rl) {
  return Value(tuple_of({int_from_i64(static_cast<long long>(rl.rlim_cur)),
                         int_from_i64(static_cast<long long>(rl.rlim_max))}));
}

// (soft, hard) from any iterable of exactly two integers.
static Result<struct rlimit> limits_arg(Value v) {
  List* items = TRY(list_from_iterable(v));
  if (items->size != 2) return raise(tp_ValueError, "expected a tuple of 2 integers");
  struct rlimit rl;
  rl.rlim_cur = static_cast<rlim_t>(static_cast<long long>(TRY(int_as_i64(items->items[0]))));
  rl.rlim_max = static_cast<rlim_t>(static_cast<long long>(TRY(int_as_i64(items->items[1]))));
  return rl;
}

static Err setrlimit_error() {
  if (errno == EINVAL) return raise(tp_ValueError, "current limit exceeds maximum limit");
  if (errno == EPERM) return raise(tp_ValueError, "not allowed to raise maximum limit");
  return raise_errno(errno);
}

static Result<Value> rs_getrlimit(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("getrlimit", n, 1, 1));
  int r = TRY(resource_arg(a[0]));
  struct rlimit rl;
  if (::getrlimit(__rlimit_resource(r), &rl) != 0) return raise_errno(errno);
  return limits_tuple(rl);
}

static Result<Value> rs_setrlimit(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setrlimit", n, 2, 2));
  int r = TRY(resource_arg(a[0]));
  struct rlimit rl = TRY(limits_arg(a[1]));
  if (::setrlimit(__rlimit_resource(r), &rl) != 0) return setrlimit_error();
  return None();
}

static Result<Value> rs_prlimit(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("prlimit", n, 2, 3));
  int64_t pid = TRY(as_index(a[0]));
  int r = TRY(resource_arg(a[1]));
  struct rlimit old, nw;
  bool set = n == 3;
  if (set) nw = TRY(limits_arg(a[2]));
  if (::prlimit(pid_t(pid), __rlimit_resource(r), set ? &nw : nullptr, &old) != 0) {
    if (set) return setrlimit_error();
    return raise_errno(errno);
  }
  return limits_tuple(old);
}

static Result<Value> rs_getpagesize(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("getpagesize", n, 0, 0));
  return int_from_i64(::sysconf(_SC_PAGESIZE));
}

static const MethodDef rs_functions[] = {
    {"getrusage", rs_getrusage}, {"getrlimit", rs_getrlimit}, {"setrlimit", rs_setrlimit},
    {"prlimit", rs_prlimit},     {"getpagesize", rs_getpagesize}, {nullptr, nullptr}};

static Result<Value> resource_init() {
  Module* m = native_module_new("resource", rs_functions);
  g_struct_rusage = structseq_new_type(
      "resource", "struct_rusage",
      {"ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap",
       "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"});
  dict_set_str(m->dict, str_intern("struct_rusage"), Value(g_struct_rusage));
  dict_set_str(m->dict, str_intern("error"), Value(tp_OSError));
  struct Const {
    const char* name;
    long long value;
  };
  static const Const consts[] = {
      {"RLIMIT_CPU", RLIMIT_CPU},         {"RLIMIT_FSIZE", RLIMIT_FSIZE},     {"RLIMIT_DATA", RLIMIT_DATA},
      {"RLIMIT_STACK", RLIMIT_STACK},     {"RLIMIT_CORE", RLIMIT_CORE},       {"RLIMIT_RSS", RLIMIT_RSS},
      {"RLIMIT_NPROC", RLIMIT_NPROC},     {"RLIMIT_NOFILE", RLIMIT_NOFILE},   {"RLIMIT_OFILE", RLIMIT_OFILE},
      {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_AS", RLIMIT_AS},           {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
      {"RLIMIT_NICE", RLIMIT_NICE},       {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},   {"RLIMIT_RTTIME", RLIMIT_RTTIME},
      {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
      {"RUSAGE_SELF", RUSAGE_SELF},       {"RUSAGE_CHILDREN", RUSAGE_CHILDREN}, {"RUSAGE_THREAD", RUSAGE_THREAD},
      {"RLIM_INFINITY", static_cast<long long>(RLIM_INFINITY)}};
  for (const Const& c : consts) dict_set_str(m->dict, str_intern(c.name), int_from_i64(c.value));
  return Value(m);
}
GILPY_NATIVE_MODULE("resource", resource_init);

}  // namespace gilpy
