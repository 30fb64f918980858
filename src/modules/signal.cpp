// _signal: Python-level signal handling (signal.py wraps it in enums).
//
// The C handler installed for a Python handler only records the signal
// (runtime/signals.h: trip_signal, async-signal-safe) and writes the signal
// number to the wakeup fd if one is set; the main thread then calls the
// Python handler from g_signal_handlers at its next safe point. Handlers are
// installed without SA_RESTART so blocking calls return EINTR, run the
// handlers and retry (PEP 475); siginterrupt(sig, False) turns SA_RESTART on.
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/structseq.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/gil.h"
#include "runtime/gil_outputs.h"
#include "runtime/signals.h"

namespace gilpy {

static std::atomic<int> g_wakeup_fd{-1};
static Type* g_itimer_error;

static void py_signal_handler(int signum) {
  int saved = errno;  // a handler must not disturb the interrupted code's errno
  trip_signal(signum);
  int fd = g_wakeup_fd.load(std::memory_order_relaxed);
  if (fd >= 0) {
    unsigned char b = static_cast<unsigned char>(signum);
    ssize_t w = ::write(fd, &b, 1);
    (void)w;
  }
  errno = saved;
}

static Status run_signals_now() {
  if (eval_breaker_set()) return handle_eval_breaker();
  return OK();
}

static Result<int> signum_arg(Value v) {
  int64_t s = TRY(as_index(v));
  if (s < 1 || s >= kNumSignals) return raise(tp_ValueError, "signal number out of range");
  return int(s);
}

static Err main_thread_only(const char* what) {
  return raise_fmt(tp_ValueError, "%s only works in main thread of the main interpreter", what);
}

// ---- signal / getsignal -------------------------------------------------------------------------
static Result<Value> sg_signal(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("signal", kw));
  TRY(check_nargs("signal", nargs, 2, 2));
  int sig = TRY(signum_arg(args[0]));
  Value handler = args[1];
  if (!is_main_thread()) return main_thread_only("signal");
  struct sigaction sa {};
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  int64_t h = -1;
  if (is_int(handler) && int_fits_i64(handler, &h) && (h == 0 || h == 1)) {
    sa.sa_handler = h == 0 ? SIG_DFL : SIG_IGN;
  } else if (!is_int(handler) && is_callable(handler)) {
    sa.sa_handler = py_signal_handler;
  } else {
    return raise(tp_TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  // Keep SA_RESTART if siginterrupt() asked for it earlier.
  struct sigaction old {};
  if (sigaction(sig, nullptr, &old) == 0) sa.sa_flags |= old.sa_flags & SA_RESTART;
  if (sigaction(sig, &sa, nullptr) < 0) return raise_errno(errno);
  Value prev = g_signal_handlers[sig];
  g_signal_handlers[sig] = handler;
  return prev ? prev : None();
}

static Result<Value> sg_getsignal(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("getsignal", kw));
  TRY(check_nargs("getsignal", nargs, 1, 1));
  int sig = TRY(signum_arg(args[0]));
  Value h = g_signal_handlers[sig];
  return h ? h : None();
}

static Result<Value> sg_default_int_handler(Value*, int64_t, Tuple*) {
  return raise_value(Value(tp_KeyboardInterrupt));
}

static Result<Value> sg_raise_signal(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("raise_signal", kw));
  TRY(check_nargs("raise_signal", nargs, 1, 1));
  int sig = TRY(signum_arg(args[0]));
  if (::raise(sig) != 0) return raise_errno(errno);
  TRY(run_signals_now());
  return None();
}

static Result<Value> sg_strsignal(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("strsignal", kw));
  TRY(check_nargs("strsignal", nargs, 1, 1));
  int sig = TRY(signum_arg(args[0]));
  errno = 0;
  const char* s = ::strsignal(sig);
  if (errno || !s || std::strstr(s, "Unknown signal")) return None();
  return str_value(s);
}

static Result<Value> sigset_to_set(const sigset_t& ss) {
  Set* s = set_new();
  for (int i = 1; i < kNumSignals; i++)
    if (sigismember(&ss, i) == 1) TRY(set_add(s, Value::small(i)));
  return Value(s);
}

static Result<Value> sg_valid_signals(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("valid_signals", nargs, 0, 0));
  sigset_t ss;
  sigfillset(&ss);  // glibc leaves out the two signals it reserves for threads
  return sigset_to_set(ss);
}

static Status set_from_iterable(Value it, sigset_t* out) {
  sigemptyset(out);
  Value iter = TRY(get_iter(it));
  while (true) {
    Value v;
    TRY(iter_next(iter, &v));
    if (!v) break;
    Value iv = TRY(index_value(v));
    int64_t s = -1;  // a number too large for a C long reads as -1, as in CPython
    if (!int_fits_i64(iv, &s)) s = -1;
    if (s < 1 || s >= kNumSignals) return raise_fmt(tp_ValueError, "signal number %lld out of range [1; %d]", (long long)s, kNumSignals - 1);
    sigaddset(out, int(s));
  }
  return OK();
}

static Result<Value> sg_pthread_sigmask(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pthread_sigmask", kw));
  TRY(check_nargs("pthread_sigmask", nargs, 2, 2));
  int64_t how = TRY(as_index(args[0]));
  sigset_t ss, old;
  TRY(set_from_iterable(args[1], &ss));
  int e = pthread_sigmask(int(how), &ss, &old);
  if (e) return raise_errno(e);
  TRY(run_signals_now());  // unblocked signals that were pending are delivered now
  return sigset_to_set(old);
}

static Result<Value> sg_sigpending(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("sigpending", nargs, 0, 0));
  sigset_t ss;
  if (sigpending(&ss) < 0) return raise_errno(errno);
  return sigset_to_set(ss);
}

static Result<Value> sg_pthread_kill(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pthread_kill", kw));
  TRY(check_nargs("pthread_kill", nargs, 2, 2));
  Value tid = TRY(index_value(args[0]));
  mpz_t z;
  int_to_mpz(tid, z);
  unsigned long t = mpz_get_ui(z);
  mpz_clear(z);
  int64_t sig = TRY(as_index(args[1]));
  int e = pthread_kill(pthread_t(t), int(sig));
  if (e) return raise_errno(e);
  TRY(run_signals_now());
  return None();
}

// ---- alarm, pause, siginterrupt, wakeup fd ----------------------------------------------------
static Result<Value> sg_alarm(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("alarm", kw));
  TRY(check_nargs("alarm", nargs, 1, 1));
  int64_t secs = TRY(as_index(args[0]));
  return Value::small(::alarm(unsigned(secs)));
}

static Result<Value> sg_pause(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("pause", nargs, 0, 0));
  // Without the GIL, until a signal arrives; its handler runs here (and may raise).
  gil::blocking(gil::Block::Sleep, [] { return ::pause(); });
  TRY(run_signals_now());
  return None();
}

static Result<Value> sg_siginterrupt(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("siginterrupt", kw));
  TRY(check_nargs("siginterrupt", nargs, 2, 2));
  int sig = TRY(signum_arg(args[0]));
  bool flag = TRY(truthy(args[1]));
  struct sigaction sa {};
  if (sigaction(sig, nullptr, &sa) < 0) return raise_errno(errno);
  if (flag) sa.sa_flags &= ~SA_RESTART;
  else sa.sa_flags |= SA_RESTART;
  if (sigaction(sig, &sa, nullptr) < 0) return raise_errno(errno);
  return None();
}

static Result<Value> sg_set_wakeup_fd(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(parse_args("set_wakeup_fd", args, nargs, kw, {"fd", "warn_on_full_buffer"}, 1, o, 0, 1));
  int64_t fd = TRY(as_index(o[0]));
  if (!is_main_thread()) return main_thread_only("set_wakeup_fd");
  if (fd != -1) {
    struct stat st;
    if (::fstat(int(fd), &st) != 0) return raise_errno(errno);
    int fl = ::fcntl(int(fd), F_GETFL);
    if (fl >= 0 && !(fl & O_NONBLOCK))
      return raise_fmt(tp_ValueError, "the fd %lld must be in non-blocking mode", (long long)fd);
  }
  int old = g_wakeup_fd.exchange(int(fd));
  return Value::small(old);
}


// ---- waiting for signals: sigwait, sigwaitinfo, sigtimedwait, pidfd_send_signal ----------------
static Type* g_struct_siginfo;

static Value siginfo_value(const siginfo_t& si) {
  Value v[7] = {Value::small(si.si_signo), Value::small(si.si_code),   Value::small(si.si_errno),
                Value::small(si.si_pid),   Value::small(si.si_uid),    Value::small(si.si_status),
                Value::small(si.si_band)};
  return structseq_from(g_struct_siginfo, v, 7);
}

static Result<Value> sg_sigwait(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sigwait", kw));
  TRY(check_nargs("sigwait", nargs, 1, 1));
  sigset_t ss;
  TRY(set_from_iterable(args[0], &ss));
  int sig = 0;
  // sigwait() reports errors as its result, not in errno; it is not
  // interrupted by handlers (the waited-for signals must be blocked).
  int e = gil::blocking(gil::Block::Sleep, [&] { return ::sigwait(&ss, &sig); });
  if (e) return raise_errno(e);
  return Value::small(sig);
}

static Result<Value> sg_sigwaitinfo(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sigwaitinfo", kw));
  TRY(check_nargs("sigwaitinfo", nargs, 1, 1));
  sigset_t ss;
  TRY(set_from_iterable(args[0], &ss));
  siginfo_t si;
  while (true) {  // PEP 475: run the handlers of other signals and wait again
    int r = gil::blocking(gil::Block::Sleep, [&] { return ::sigwaitinfo(&ss, &si); });
    if (r >= 0) break;
    if (errno != EINTR) return raise_errno(errno);
    TRY(run_signals_now());
  }
  return siginfo_value(si);
}

static Result<Value> sg_sigtimedwait(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("sigtimedwait", kw));
  TRY(check_nargs("sigtimedwait", nargs, 2, 2));
  sigset_t ss;
  TRY(set_from_iterable(args[0], &ss));
  double secs;
  if (is_float(args[1])) secs = float_val(args[1]);
  else secs = TRY(int_as_double(TRY(index_value(args[1]))));
  if (std::isnan(secs)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) return raise(tp_ValueError, "timeout must be non-negative");
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  double deadline = double(start.tv_sec) + double(start.tv_nsec) * 1e-9 + secs;
  siginfo_t si;
  while (true) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double left = std::max(0.0, deadline - (double(now.tv_sec) + double(now.tv_nsec) * 1e-9));
    struct timespec ts;
    ts.tv_sec = time_t(left);
    ts.tv_nsec = long(std::ceil((left - double(ts.tv_sec)) * 1e9));
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    int r = gil::blocking(gil::Block::Sleep, [&] { return ::sigtimedwait(&ss, &si, &ts); });
    if (r >= 0) break;
    if (errno == EAGAIN) return None();  // timed out
    if (errno != EINTR) return raise_errno(errno);
    TRY(run_signals_now());
  }
  return siginfo_value(si);
}

static Result<Value> sg_pidfd_send_signal(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("pidfd_send_signal", kw));
  TRY(check_nargs("pidfd_send_signal", nargs, 2, 4));
  int64_t fd = TRY(as_index(args[0]));
  int64_t sig = TRY(as_index(args[1]));
  if (nargs > 2 && !is_none(args[2])) return raise(tp_TypeError, "siginfo must be None");
  int64_t flags = nargs > 3 ? TRY(as_index(args[3])) : 0;
  if (::syscall(SYS_pidfd_send_signal, int(fd), int(sig), nullptr, unsigned(flags)) < 0) return raise_errno(errno);
  TRY(run_signals_now());  // a signal sent to this process is handled before returning
  return None();
}

// ---- interval timers --------------------------------------------------------------------------
static Value tv_float(const struct timeval& tv) { return float_new(double(tv.tv_sec) + double(tv.tv_usec) * 1e-6); }
static Value itimer_tuple(const struct itimerval& v) {
  return Value(tuple_of({tv_float(v.it_value), tv_float(v.it_interval)}));
}
static Status seconds_to_tv(Value v, struct timeval* tv) {
  double d = TRY(to_double(v));
  if (d < 0 || std::isnan(d)) d = 0;  // setitimer treats negatives as 0 (disarm) like CPython
  double whole = std::floor(d);
  tv->tv_sec = time_t(whole);
  tv->tv_usec = suseconds_t((d - whole) * 1e6);
  if (tv->tv_usec == 0 && d > 0 && whole == 0) tv->tv_usec = 1;  // do not disarm a tiny positive timer
  return OK();
}
static Err itimer_error(int e) {
  Value args[2] = {Value::small(e), str_value(std::strerror(e))};
  return raise_with_args(g_itimer_error, args, 2);
}

static Result<Value> sg_setitimer(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("setitimer", kw));
  TRY(check_nargs("setitimer", nargs, 2, 3));
  int64_t which = TRY(as_index(args[0]));
  struct itimerval nv {}, old {};
  TRY(seconds_to_tv(args[1], &nv.it_value));
  if (nargs > 2) TRY(seconds_to_tv(args[2], &nv.it_interval));
  if (::setitimer(int(which), &nv, &old) != 0) return itimer_error(errno);
  return itimer_tuple(old);
}

static Result<Value> sg_getitimer(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("getitimer", kw));
  TRY(check_nargs("getitimer", nargs, 1, 1));
  int64_t which = TRY(as_index(args[0]));
  struct itimerval v {};
  if (::getitimer(int(which), &v) != 0) return itimer_error(errno);
  return itimer_tuple(v);
}

static const MethodDef functions[] = {
    {"signal", sg_signal},
    {"getsignal", sg_getsignal},
    {"default_int_handler", sg_default_int_handler},
    {"raise_signal", sg_raise_signal},
    {"strsignal", sg_strsignal},
    {"valid_signals", sg_valid_signals},
    {"pthread_sigmask", sg_pthread_sigmask},
    {"pthread_kill", sg_pthread_kill},
    {"sigpending", sg_sigpending},
    {"alarm", sg_alarm},
    {"pause", sg_pause},
    {"siginterrupt", sg_siginterrupt},
    {"set_wakeup_fd", sg_set_wakeup_fd},
    {"setitimer", sg_setitimer},
    {"getitimer", sg_getitimer},
    {"sigwait", sg_sigwait},
    {"sigwaitinfo", sg_sigwaitinfo},
    {"sigtimedwait", sg_sigtimedwait},
    {"pidfd_send_signal", sg_pidfd_send_signal},
    {nullptr, nullptr},
};

static Result<Value> signal_init() {
  Module* m = native_module_new("_signal", functions, "This module provides mechanisms to use signal handlers in Python.");
  auto add = [&](const char* n, int64_t v) { dict_set_str(m->dict, str_intern(n), Value::small(v)); };
#define S(name) add(#name, name)
  S(SIGHUP); S(SIGINT); S(SIGQUIT); S(SIGILL); S(SIGTRAP); S(SIGABRT); S(SIGIOT); S(SIGBUS);
  S(SIGFPE); S(SIGKILL); S(SIGUSR1); S(SIGSEGV); S(SIGUSR2); S(SIGPIPE); S(SIGALRM); S(SIGTERM);
  S(SIGSTKFLT); S(SIGCHLD); S(SIGCONT); S(SIGSTOP); S(SIGTSTP); S(SIGTTIN); S(SIGTTOU); S(SIGURG);
  S(SIGXCPU); S(SIGXFSZ); S(SIGVTALRM); S(SIGPROF); S(SIGWINCH); S(SIGIO); S(SIGPOLL); S(SIGPWR);
  S(SIGSYS); S(SIGRTMIN); S(SIGRTMAX);
  S(SIG_BLOCK); S(SIG_UNBLOCK); S(SIG_SETMASK);
  S(ITIMER_REAL); S(ITIMER_VIRTUAL); S(ITIMER_PROF);
#undef S
  add("SIG_DFL", 0);
  add("SIG_IGN", 1);
  add("NSIG", kNumSignals);

  Value dih = dict_get_str(m->dict, str_intern("default_int_handler"));
  g_default_int_handler = dih;
  // The initial table mirrors the OS dispositions: SIG_DFL -> 0, SIG_IGN -> 1,
  // gilpy's own SIGINT handler -> default_int_handler, anything else -> None.
  for (int s = 1; s < kNumSignals; s++) {
    if (g_signal_handlers[s]) continue;
    struct sigaction sa {};
    if (sigaction(s, nullptr, &sa) != 0) continue;
    if (sa.sa_handler == SIG_DFL) g_signal_handlers[s] = Value::small(0);
    else if (sa.sa_handler == SIG_IGN) g_signal_handlers[s] = Value::small(1);
    else if (s == SIGINT) g_signal_handlers[s] = dih;
    else if (s == SIGTERM && g_sigterm_unwinds) g_signal_handlers[s] = Value::small(0);  // shows as SIG_DFL
    else g_signal_handlers[s] = None();
  }

  g_struct_siginfo = structseq_new_type("signal", "struct_siginfo",
                                        {"si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band"}, 7);
  dict_set_str(g_struct_siginfo->dict, N.__doc__, str_value(
                                        "struct_siginfo: Result from sigwaitinfo or sigtimedwait.\n\n"
                                        "This object may be accessed either as a tuple of\n"
                                        "(si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band),\n"
                                        "or via the attributes si_signo, si_code, and so on."));
  dict_set_str(m->dict, str_intern("struct_siginfo"), Value(g_struct_siginfo));
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, Value(str_intern("signal")));
  Value t = TRY(type_new(tp_type, str_intern("itimer_error"), tuple_of({Value(tp_OSError)}), ns, nullptr));
  g_itimer_error = as_type(t);
  dict_set_str(m->dict, str_intern("ItimerError"), t);
  return Value(m);
}
GILPY_NATIVE_MODULE("_signal", signal_init);

}  // namespace gilpy
