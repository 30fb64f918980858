// time: clocks, sleeping, and conversions between timestamps, struct_time and
// text (strftime; strptime is _strptime.py, imported on first use as in CPython).
#include <time.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "runtime/signals.h"

namespace gilpy {

static Type* g_struct_time;
static Module* g_time_module;

// ---- clocks -----------------------------------------------------------------------------------
static Result<struct timespec> now(clockid_t clk) {
  struct timespec ts;
  if (::clock_gettime(clk, &ts) < 0) return raise_errno(errno);
  return ts;
}
static Value ts_to_float(const struct timespec& t) { return float_new(double(t.tv_sec) + double(t.tv_nsec) * 1e-9); }
static Value ts_to_ns(const struct timespec& t) {
  // 10**9 * sec + nsec fits in a small int until the year 2116 and beyond.
  __int128 ns = __int128(t.tv_sec) * 1000000000 + t.tv_nsec;
  return int_from_i64(int64_t(ns));
}

#define CLOCK_FN(pyname, clk)                                             \
  static Result<Value> tm_##pyname(Value*, int64_t nargs, Tuple*) {       \
    TRY(check_nargs(#pyname, nargs, 0, 0));                               \
    struct timespec t = TRY(now(clk));                                    \
    return ts_to_float(t);                                                \
  }                                                                       \
  static Result<Value> tm_##pyname##_ns(Value*, int64_t nargs, Tuple*) {  \
    TRY(check_nargs(#pyname "_ns", nargs, 0, 0));                         \
    struct timespec t = TRY(now(clk));                                    \
    return ts_to_ns(t);                                                   \
  }
CLOCK_FN(time, CLOCK_REALTIME)
CLOCK_FN(monotonic, CLOCK_MONOTONIC)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FN(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef CLOCK_FN

static Result<clockid_t> clk_arg(Value v) {
  int64_t c = TRY(as_index(v));
  return clockid_t(c);
}

static Result<Value> tm_clock_gettime(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("clock_gettime", kw));
  TRY(check_nargs("clock_gettime", nargs, 1, 1));
  clockid_t c = TRY(clk_arg(args[0]));
  struct timespec t = TRY(now(c));
  return ts_to_float(t);
}
static Result<Value> tm_clock_gettime_ns(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("clock_gettime_ns", kw));
  TRY(check_nargs("clock_gettime_ns", nargs, 1, 1));
  clockid_t c = TRY(clk_arg(args[0]));
  struct timespec t = TRY(now(c));
  return ts_to_ns(t);
}
static Result<Value> tm_clock_getres(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("clock_getres", kw));
  TRY(check_nargs("clock_getres", nargs, 1, 1));
  clockid_t c = TRY(clk_arg(args[0]));
  struct timespec t;
  if (::clock_getres(c, &t) < 0) return raise_errno(errno);
  return ts_to_float(t);
}

static Result<Value> tm_get_clock_info(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("get_clock_info", args, nargs, kw, {"name"}, 1, o));
  if (!is_str(o[0])) return raise_fmt(tp_TypeError, "get_clock_info() argument must be str, not %s", type_name(o[0]));
  std::string_view n = as_str(o[0])->view();
  const char* impl;
  clockid_t clk;
  bool monotonic = true, adjustable = false;
  if (n == "time") {
    impl = "clock_gettime(CLOCK_REALTIME)", clk = CLOCK_REALTIME, monotonic = false, adjustable = true;
  } else if (n == "monotonic" || n == "perf_counter") {
    impl = "clock_gettime(CLOCK_MONOTONIC)", clk = CLOCK_MONOTONIC;
  } else if (n == "process_time") {
    impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", clk = CLOCK_PROCESS_CPUTIME_ID;
  } else if (n == "thread_time") {
    impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", clk = CLOCK_THREAD_CPUTIME_ID;
  } else {
    return raise(tp_ValueError, "unknown clock");
  }
  struct timespec res;
  if (::clock_getres(clk, &res) < 0) return raise_errno(errno);
  return namespace_new({{"implementation", str_value(impl)},
                        {"monotonic", Bool(monotonic)},
                        {"adjustable", Bool(adjustable)},
                        {"resolution", ts_to_float(res)}});
}

// clock_settime(clk_id, time): seconds as int or float, held as int64
// nanoseconds like CPython's _PyTime_t (floor rounding), then set.
static Status ns_to_timespec(int64_t ns, struct timespec* out) {
  int64_t sec = ns / 1000000000, rem = ns % 1000000000;
  if (rem < 0) {
    rem += 1000000000;
    sec -= 1;
  }
  out->tv_sec = time_t(sec);
  out->tv_nsec = long(rem);
  return OK();
}

static Result<Value> tm_clock_settime(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("clock_settime", kw));
  if (nargs != 2)
    return raise_fmt(tp_TypeError, "clock_settime() takes exactly 2 arguments (%lld given)", (long long)nargs);
  clockid_t c = TRY(clk_arg(args[0]));
  int64_t ns;
  if (is_float(args[1])) {
    double d = float_val(args[1]);
    if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
    double x = std::floor(d * 1e9);
    if (!(x >= -9.223372036854775808e18 && x < 9.223372036854775808e18))
      return raise(tp_OverflowError, "timestamp too large to convert to C _PyTime_t");
    ns = int64_t(x);
  } else {
    Value iv = TRY(index_value(args[1]));
    int64_t secs;
    if (!int_fits_i64(iv, &secs) || __builtin_mul_overflow(secs, int64_t(1000000000), &ns))
      return raise(tp_OverflowError, "timestamp too large to convert to C _PyTime_t");
  }
  struct timespec t;
  TRY(ns_to_timespec(ns, &t));
  if (::clock_settime(c, &t) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> tm_clock_settime_ns(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("clock_settime_ns", kw));
  if (nargs != 2)
    return raise_fmt(tp_TypeError, "clock_settime_ns() takes exactly 2 arguments (%lld given)", (long long)nargs);
  clockid_t c = TRY(clk_arg(args[0]));
  if (!is_int(args[1])) return raise_fmt(tp_TypeError, "expect int, got %s", type_name(args[1]));
  int64_t ns;
  if (!int_fits_i64(args[1], &ns)) return raise(tp_OverflowError, "timestamp too large to convert to C _PyTime_t");
  struct timespec t;
  TRY(ns_to_timespec(ns, &t));
  if (::clock_settime(c, &t) < 0) return raise_errno(errno);
  return None();
}

// pthread_getcpuclockid(thread_id): the CPU-time clock of a thread named by
// threading.get_ident() (a pthread_t).
static Result<Value> tm_pthread_getcpuclockid(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pthread_getcpuclockid", kw));
  TRY(check_nargs("pthread_getcpuclockid", nargs, 1, 1));
  Value v = args[0];
  if (!is_int(v))
    return raise_fmt(tp_TypeError, "pthread_getcpuclockid() argument 1 must be int, not %s", type_name(v));
  // CPython keeps the low bits of the int (PyLong_AsUnsignedLongMask); a
  // negative id is refused here instead of being handed to the C library as a
  // garbage pthread_t.
  if (int_sign(v) < 0) return raise(tp_OverflowError, "can't convert negative int to unsigned");
  mpz_t z;
  int_to_mpz(v, z);
  uint64_t id = uint64_t(mpz_get_ui(z));
  mpz_clear(z);
  if (id == 0) return raise_errno(ESRCH);  // no thread has the null pthread_t
  clockid_t clk;
  int e = ::pthread_getcpuclockid(pthread_t(id), &clk);
  if (e) return raise_errno(e);
  return Value::small(int64_t(clk));
}

// ---- sleep ------------------------------------------------------------------------------------
// A duration or timestamp argument: int (any size, via __index__) or float.
static Result<double> seconds_arg(Value v) {
  if (is_float(v)) {
    double d = float_val(v);
    if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
    return d;
  }
  Value iv = TRY(index_value(v));
  return int_as_double(iv);
}

static Result<Value> tm_sleep(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sleep", kw));
  TRY(check_nargs("sleep", nargs, 1, 1));
  double secs = TRY(seconds_arg(args[0]));
  if (secs < 0) return raise(tp_ValueError, "sleep length must be non-negative");
  if (secs > 9.2e9) return raise(tp_OverflowError, "sleep length is too large");
  // Sleep until an absolute monotonic deadline, so that signal handlers run
  // on EINTR do not stretch the total time (PEP 475).
  struct timespec deadline = TRY(now(CLOCK_MONOTONIC));
  double whole = std::floor(secs);
  deadline.tv_sec += time_t(whole);
  deadline.tv_nsec += long((secs - whole) * 1e9);
  if (deadline.tv_nsec >= 1000000000) {
    deadline.tv_sec += 1;
    deadline.tv_nsec -= 1000000000;
  }
  if (secs == 0) {
    // sleep(0) is the idiom for "let another thread run": hand the GIL to a
    // waiting thread, if there is one, instead of taking it straight back.
    gil::yield_for_waiter(ts());
    TRY(check_signals());
    return None();
  }
  // Without the GIL. The main thread sleeps in slices while other threads
  // exist: a signal delivered to one of them must still end its sleep.
  const bool main = is_main_thread();
  while (true) {
    struct timespec until = deadline;
    if (main && gil::thread_count() > 1) {
      struct timespec slice = TRY(now(CLOCK_MONOTONIC));
      slice.tv_nsec += 50 * 1000000;
      if (slice.tv_nsec >= 1000000000) {
        slice.tv_sec += 1;
        slice.tv_nsec -= 1000000000;
      }
      if (slice.tv_sec < until.tv_sec || (slice.tv_sec == until.tv_sec && slice.tv_nsec < until.tv_nsec)) until = slice;
    }
    int e = gil::blocking(gil::Block::Sleep,
                          [&] { return ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nullptr); });
    if (e != 0 && e != EINTR) return raise_errno(e);
    TRY(check_signals());
    if (e == 0 && until.tv_sec == deadline.tv_sec && until.tv_nsec == deadline.tv_nsec) break;
  }
  return None();
}

// ---- struct_time ------------------------------------------------------------------------------
static Value tm_to_struct(const struct tm& t) {
  Value v[11] = {
      Value::small(t.tm_year + 1900LL), Value::small(t.tm_mon + 1), Value::small(t.tm_mday),
      Value::small(t.tm_hour),          Value::small(t.tm_min),     Value::small(t.tm_sec),
      Value::small((t.tm_wday + 6) % 7), Value::small(t.tm_yday + 1), Value::small(t.tm_isdst),
      t.tm_zone ? str_value(t.tm_zone) : None(), Value::small(t.tm_gmtoff),
  };
  return structseq_from(g_struct_time, v, 11);
}

// A timestamp argument (None: now) as time_t, rounded toward -inf.
static Result<time_t> timestamp_arg(Value v) {
  if (!v || is_none(v)) {
    struct timespec t = TRY(now(CLOCK_REALTIME));
    return t.tv_sec;
  }
  if (is_float(v)) {
    double d = float_val(v);
    if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
    d = std::floor(d);
    if (!(d >= -9.223372036854775808e18 && d < 9.223372036854775808e18))
      return raise(tp_OverflowError, "timestamp out of range for platform time_t");
    return time_t(d);
  }
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x)) return raise(tp_OverflowError, "timestamp out of range for platform time_t");
  return time_t(x);
}

static Result<Value> tm_gmtime(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("gmtime", kw));
  TRY(check_nargs("gmtime", nargs, 0, 1));
  time_t t = TRY(timestamp_arg(nargs ? args[0] : Value()));
  struct tm r;
  errno = 0;
  if (!::gmtime_r(&t, &r)) return raise_errno(errno ? errno : EOVERFLOW);
  return tm_to_struct(r);
}

static Result<Value> tm_localtime(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("localtime", kw));
  TRY(check_nargs("localtime", nargs, 0, 1));
  time_t t = TRY(timestamp_arg(nargs ? args[0] : Value()));
  struct tm r;
  errno = 0;
  if (!::localtime_r(&t, &r)) return raise_errno(errno ? errno : EOVERFLOW);
  return tm_to_struct(r);
}

// A time tuple (9 items, or a struct_time) as struct tm, without range
// checks: CPython's gettmarg. `zone` keeps the tm_zone text alive.
static Status tuple_to_tm(const char* fname, Value v, struct tm* out, std::string* zone) {
  if (!is_tuple(v)) return raise(tp_TypeError, "Tuple or struct_time argument required");
  Tuple* t = as_tuple(v);
  if (t->size != 9) return raise_fmt(tp_TypeError, "%s(): illegal time tuple argument", fname);
  int f[9];
  for (int i = 0; i < 9; i++) {
    if (is_float(t->items[i])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t x = TRY(as_index(t->items[i]));
    if (x > INT32_MAX) return raise(tp_OverflowError, "signed integer is greater than maximum");
    if (x < INT32_MIN) return raise(tp_OverflowError, "signed integer is less than minimum");
    f[i] = int(x);
  }
  std::memset(out, 0, sizeof *out);
  if (f[0] < INT32_MIN + 1900) return raise(tp_OverflowError, "year out of range");
  out->tm_year = f[0] - 1900;
  out->tm_mon = f[1] - 1;
  out->tm_mday = f[2];
  out->tm_hour = f[3];
  out->tm_min = f[4];
  out->tm_sec = f[5];
  out->tm_wday = (f[6] + 1) % 7;  // Python's Monday=0 to C's Sunday=0
  out->tm_yday = f[7] - 1;
  out->tm_isdst = f[8];
  if (v.type() == g_struct_time) {
    // A struct_time carries its zone: %Z and %z of strftime use it.
    Value z, off;
    TRY(getattr_opt(v, str_intern("tm_zone"), &z));
    TRY(getattr_opt(v, str_intern("tm_gmtoff"), &off));
    if (z && is_str(z)) {
      *zone = std::string(as_str(z)->view());
      out->tm_zone = zone->c_str();
    }
    if (off && is_int(off)) {
      int64_t g;
      if (int_fits_i64(off, &g)) out->tm_gmtoff = long(g);
    }
  }
  return OK();
}

// Range checks on a struct tm (CPython's checktm). Zero for the month, the
// day of the month and the day of the year (the "not given" value of a time
// tuple) is accepted and replaced by the lowest valid value.
static Status check_tm(struct tm& t) {
  if (t.tm_mon == -1) t.tm_mon = 0;
  else if (t.tm_mon < 0 || t.tm_mon > 11) return raise(tp_ValueError, "month out of range");
  if (t.tm_mday == 0) t.tm_mday = 1;
  else if (t.tm_mday < 0 || t.tm_mday > 31) return raise(tp_ValueError, "day of month out of range");
  if (t.tm_hour < 0 || t.tm_hour > 23) return raise(tp_ValueError, "hour out of range");
  if (t.tm_min < 0 || t.tm_min > 59) return raise(tp_ValueError, "minute out of range");
  if (t.tm_sec < 0 || t.tm_sec > 61) return raise(tp_ValueError, "seconds out of range");
  if (t.tm_wday < 0) return raise(tp_ValueError, "day of week out of range");
  if (t.tm_yday == -1) t.tm_yday = 0;
  else if (t.tm_yday < 0 || t.tm_yday > 365) return raise(tp_ValueError, "day of year out of range");
  return OK();
}

// The argument of strftime/asctime/mktime: a tuple, or localtime() when absent.
static Status time_arg(const char* fname, Value v, struct tm* out, std::string* zone) {
  if (!v) {
    time_t t = TRY(timestamp_arg(Value()));
    if (!::localtime_r(&t, out)) return raise_errno(errno);
    return OK();
  }
  return tuple_to_tm(fname, v, out, zone);
}

static Result<Value> tm_strftime(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("strftime", kw));
  TRY(check_nargs("strftime", nargs, 1, 2));
  if (!is_str(args[0]))
    return raise_fmt(tp_TypeError, "strftime() argument 1 must be str, not %s", type_name(args[0]));
  struct tm t;
  std::string zone;
  TRY(time_arg("strftime", nargs > 1 ? args[1] : Value(), &t, &zone));
  if (nargs > 1) {
    TRY(check_tm(t));  // the DST flag is clamped rather than checked
    if (t.tm_isdst < -1) t.tm_isdst = -1;
    else if (t.tm_isdst > 1) t.tm_isdst = 1;
  }
  std::string fmt(as_str(args[0])->view());
  if (fmt.empty()) return Value(str_empty());
  if (fmt.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null character");
  // strftime() returns 0 both for "buffer too small" and for an empty result:
  // grow the buffer up to a bound, as CPython does.
  for (size_t cap = 1024; cap <= 256 * fmt.size() + 1024; cap *= 2) {
    std::string buf(cap, '\0');
    size_t n = ::strftime(buf.data(), cap, fmt.c_str(), &t);
    if (n > 0 || cap > 256 * fmt.size()) {
      buf.resize(n);
      Result<Value> r = codec_decode(buf, "utf-8", "surrogateescape");
      return r;
    }
  }
  return Value(str_empty());
}

static const char* const kDays[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char* const kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static Value asctime_of(const struct tm& t) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %lld", kDays[t.tm_wday], kMonths[t.tm_mon], t.tm_mday,
                t.tm_hour, t.tm_min, t.tm_sec, (long long)t.tm_year + 1900);
  return str_value(buf);
}

static Result<Value> tm_asctime(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("asctime", kw));
  TRY(check_nargs("asctime", nargs, 0, 1));
  struct tm t;
  std::string zone;
  TRY(time_arg("asctime", nargs ? args[0] : Value(), &t, &zone));
  TRY(check_tm(t));
  return asctime_of(t);
}

static Result<Value> tm_ctime(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("ctime", kw));
  TRY(check_nargs("ctime", nargs, 0, 1));
  time_t tt = TRY(timestamp_arg(nargs ? args[0] : Value()));
  struct tm t;
  errno = 0;
  if (!::localtime_r(&tt, &t)) return raise_errno(errno ? errno : EOVERFLOW);
  return asctime_of(t);
}

static Result<Value> tm_mktime(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("mktime", kw));
  TRY(check_nargs("mktime", nargs, 1, 1));
  struct tm t;
  std::string zone;
  TRY(tuple_to_tm("mktime", args[0], &t, &zone));
  t.tm_wday = -1;  // sentinel: mktime() sets it on success (-1 is also a valid result)
  time_t r = ::mktime(&t);
  if (r == time_t(-1) && t.tm_wday == -1) return raise(tp_OverflowError, "mktime argument out of range");
  return float_new(double(r));
}

static Result<Value> tm_strptime(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("strptime", kw));
  Value mod = TRY(import_module(str_intern("_strptime")));
  Value fn = TRY(getattr(mod, str_intern("_strptime_time")));
  return call(fn, args, nargs);
}

// ---- time zone --------------------------------------------------------------------------------
// timezone/altzone/daylight/tzname from the local offsets in January and July
// of the current year (so southern-hemisphere DST is recognised), like CPython.
static void set_timezone_attrs(Module* m) {
  ::tzset();
  time_t t = ::time(nullptr);
  struct tm now_tm;
  ::localtime_r(&t, &now_tm);
  struct tm jan {}, jul {};
  time_t year_start = t - (time_t(now_tm.tm_yday) * 86400);
  time_t jan_t = year_start, jul_t = year_start + 183 * 86400;
  ::localtime_r(&jan_t, &jan);
  ::localtime_r(&jul_t, &jul);
  long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
  std::string janname = jan.tm_zone ? jan.tm_zone : "", julname = jul.tm_zone ? jul.tm_zone : "";
  long tz, alt;
  Value names;
  if (janzone < julzone) {  // DST is reversed in the southern hemisphere
    tz = julzone, alt = janzone;
    names = Value(tuple_of({str_value(julname), str_value(janname)}));
  } else {
    tz = janzone, alt = julzone;
    names = Value(tuple_of({str_value(janname), str_value(julname)}));
  }
  dict_set_str(m->dict, str_intern("timezone"), int_from_i64(tz));
  dict_set_str(m->dict, str_intern("altzone"), int_from_i64(alt));
  dict_set_str(m->dict, str_intern("daylight"), Value::small(janzone != julzone));
  dict_set_str(m->dict, str_intern("tzname"), names);
}

static Result<Value> tm_tzset(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("tzset", nargs, 0, 0));
  set_timezone_attrs(g_time_module);
  return None();
}

static const MethodDef functions[] = {
    {"time", tm_time},
    {"time_ns", tm_time_ns},
    {"monotonic", tm_monotonic},
    {"monotonic_ns", tm_monotonic_ns},
    {"perf_counter", tm_perf_counter},
    {"perf_counter_ns", tm_perf_counter_ns},
    {"process_time", tm_process_time},
    {"process_time_ns", tm_process_time_ns},
    {"thread_time", tm_thread_time},
    {"thread_time_ns", tm_thread_time_ns},
    {"clock_gettime", tm_clock_gettime},
    {"clock_gettime_ns", tm_clock_gettime_ns},
    {"clock_getres", tm_clock_getres},
    {"clock_settime", tm_clock_settime},
    {"clock_settime_ns", tm_clock_settime_ns},
    {"pthread_getcpuclockid", tm_pthread_getcpuclockid},
    {"get_clock_info", tm_get_clock_info},
    {"sleep", tm_sleep},
    {"gmtime", tm_gmtime},
    {"localtime", tm_localtime},
    {"mktime", tm_mktime},
    {"asctime", tm_asctime},
    {"ctime", tm_ctime},
    {"strftime", tm_strftime},
    {"strptime", tm_strptime},
    {"tzset", tm_tzset},
    {nullptr, nullptr},
};

static Result<Value> time_init() {
  Module* m = native_module_new("time", functions, "This module provides various functions to manipulate time values.");
  g_time_module = m;
  if (!g_struct_time)
    g_struct_time = structseq_new_type("time", "struct_time",
                                       {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday",
                                        "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"},
                                       9);
  // A struct_time built from a 9-tuple has no zone fields: they read as None
  // (class attributes, shadowed by the instance values when present).
  type_set_attr_const(g_struct_time, "tm_zone", None());
  type_set_attr_const(g_struct_time, "tm_gmtoff", None());
  type_modified(g_struct_time);
  dict_set_str(m->dict, str_intern("struct_time"), Value(g_struct_time));
  dict_set_str(m->dict, str_intern("_STRUCT_TM_ITEMS"), Value::small(11));
#define CLK(name) dict_set_str(m->dict, str_intern(#name), Value::small(name))
  CLK(CLOCK_REALTIME);
  CLK(CLOCK_MONOTONIC);
  CLK(CLOCK_MONOTONIC_RAW);
  CLK(CLOCK_PROCESS_CPUTIME_ID);
  CLK(CLOCK_THREAD_CPUTIME_ID);
  CLK(CLOCK_BOOTTIME);
  CLK(CLOCK_TAI);
#undef CLK
  set_timezone_attrs(m);
  return Value(m);
}
GILPY_NATIVE_MODULE("time", time_init);

}  // namespace gilpy
