// faulthandler: dump Python tracebacks on a crash, on a timeout, on a user
// signal or on request (CPython 3.11's module and behaviour).
//
// The dumps run where nothing may be allocated or locked: in signal
// handlers (SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL; register()'s signals)
// and in the dump_traceback_later() watchdog, a plain thread that never
// takes the GIL, so that it can report a thread spinning with the GIL held.
// They only read memory: the interpreter's list of thread states, each
// state's innermost frame and the frames' `back` chains, the code objects'
// names, file names and position tables, and write(2) the text to a file
// descriptor through a small stack buffer. Reading another thread's frames
// while it runs is racy exactly as in CPython (a frame may be popped under
// us); depth and thread counts are bounded, so a torn chain ends the dump
// early rather than looping.
//
// The fatal handlers run on an alternate signal stack (sigaltstack, set up
// for the thread that calls enable()/register()), so that a stack overflow
// can still be reported. A fatal handler puts the previous disposition of
// its signal back and raises the signal again, so the process dies of it
// with the status it would have had without faulthandler. register() with
// chain=True calls the previous handler (a Python-level handler installed
// by the signal module included) after the dump. disable() and unregister()
// restore what was installed before.
#include "modules/faulthandler.h"

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/finalizers.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/signals.h"
#include "runtime/thread_state.h"

// gc.h (GC_THREADS) redirects pthread_create to the collector's wrapper. The
// watchdog and the fatal-error test thread hold no heap pointers the
// collector must see, and the watchdog must never be stopped by it (it has to
// fire while the process is stuck anywhere), so they are plain threads.
#undef pthread_create
#undef pthread_join

namespace gilpy {

namespace {

// ---- async-signal-safe output ------------------------------------------------------------------
// Text goes out through a buffer on the stack, flushed at every newline, so
// a crash inside a dump loses at most the current line.
struct Out {
  int fd;
  size_t n = 0;
  char buf[256];
  explicit Out(int f) : fd(f) {}
  ~Out() { flush(); }
  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;

  void flush() {
    const char* p = buf;
    size_t left = n;
    n = 0;
    while (left > 0) {
      ssize_t w = ::write(fd, p, left);
      if (w < 0) {
        if (errno == EINTR) continue;
        return;  // nothing to do about it here
      }
      p += w;
      left -= size_t(w);
    }
  }
  void put(char c) {
    if (n == sizeof buf) flush();
    buf[n++] = c;
    if (c == '\n') flush();
  }
  void puts(const char* s) {
    while (*s) put(*s++);
  }
  void write(const char* s, size_t k) {
    for (size_t i = 0; i < k; i++) put(s[i]);
  }
  void dec(uint64_t v) {
    char tmp[24];
    int k = 0;
    do {
      tmp[k++] = char('0' + v % 10);
      v /= 10;
    } while (v);
    while (k) put(tmp[--k]);
  }
  // At least `width` lowercase hex digits.
  void hex(uint64_t v, int width) {
    char tmp[16];
    int k = 0;
    do {
      tmp[k++] = "0123456789abcdef"[v & 15];
      v >>= 4;
    } while (v);
    while (k < width && k < 16) tmp[k++] = '0';
    while (k) put(tmp[--k]);
  }
};

constexpr int kMaxStringLength = 500;  // longer names end in "..."
constexpr int kMaxFrameDepth = 100;    // deeper stacks end in "  ..."
constexpr int kMaxThreads = 100;       // more threads end in "..."

// A str as printable ASCII: other code points as \xHH, \uHHHH or \UHHHHHHHH,
// at most kMaxStringLength of them. The text is UTF-8 (WTF-8 for lone
// surrogates); bytes that do not decode are shown as \x escapes.
void dump_ascii(Out& o, const Str* s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s->data);
  const unsigned char* end = p + s->nbytes;
  int count = 0;
  bool truncated = false;
  while (p < end) {
    if (count == kMaxStringLength) {
      truncated = true;
      break;
    }
    uint32_t cp = *p;
    int len = 1;
    if (cp >= 0xF0 && cp < 0xF5 && end - p >= 4) {
      cp = ((cp & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
      len = 4;
    } else if (cp >= 0xE0 && cp < 0xF0 && end - p >= 3) {
      cp = ((cp & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
      len = 3;
    } else if (cp >= 0xC0 && cp < 0xE0 && end - p >= 2) {
      cp = ((cp & 0x1F) << 6) | (p[1] & 0x3Fu);
      len = 2;
    }
    p += len;
    count++;
    if (cp >= ' ' && cp <= 126) {
      o.put(char(cp));
    } else if (cp <= 0xFF) {
      o.puts("\\x");
      o.hex(cp, 2);
    } else if (cp <= 0xFFFF) {
      o.puts("\\u");
      o.hex(cp, 4);
    } else {
      o.puts("\\U");
      o.hex(cp, 8);
    }
  }
  if (truncated) o.puts("...");
}

bool plain_is_str(const Object* p) { return p && p->type && p->type->layout == Layout::Str; }

int frame_line(const Frame* f) {
  const Code* c = f->code;
  if (f->state == FrameState::Created) return c->firstlineno;
  int ip = f->ip - 1;
  if (ip < 0) ip = 0;
  if (ip >= c->ninsns) ip = c->ninsns - 1;
  if (ip < 0 || !c->positions) return c->firstlineno;
  return c->positions[ip].line;
}

void dump_frame(Out& o, const Frame* f) {
  const Code* c = f->code;
  o.puts("  File ");
  if (plain_is_str(c->filename)) {
    o.put('"');
    dump_ascii(o, c->filename);
    o.put('"');
  } else {
    o.puts("???");
  }
  o.puts(", line ");
  int line = frame_line(f);
  if (line >= 0) o.dec(uint64_t(line));
  else o.puts("???");
  o.puts(" in ");
  if (plain_is_str(c->name)) dump_ascii(o, c->name);
  else o.puts("???");
  o.put('\n');
}

void dump_frames(Out& o, const ThreadState* t) {
  const Frame* f = t->frame;
  if (!f || !f->code) {
    o.puts("  <no Python frame>\n");
    return;
  }
  for (int depth = 0;; depth++) {
    if (depth >= kMaxFrameDepth) {
      o.puts("  ...\n");
      break;
    }
    dump_frame(o, f);
    f = f->back;
    if (!f || !f->code) break;
  }
}

// "Stack (most recent call first):" and the frames of one thread.
void dump_one(Out& o, const ThreadState* t) {
  o.puts("Stack (most recent call first):\n");
  dump_frames(o, t);
}

// Every thread, newest first (the interpreter list's order, as CPython's);
// `current` is labelled "Current thread". Returns an error message or null.
const char* dump_all(Out& o, const ThreadState* current) {
  const ThreadState* t = g_interp.threads;
  if (!t) return "unable to get the interpreter state";
  for (int n = 0; t; t = t->next, n++) {
    if (n) o.put('\n');
    if (n >= kMaxThreads) {
      o.puts("...\n");
      break;
    }
    o.puts(t == current ? "Current thread 0x" : "Thread 0x");
    o.hex(uint64_t(t->ident), int(sizeof(unsigned long) * 2));
    o.puts(" (most recent call first):\n");
    if (t == current && g_gc_collecting) o.puts("  Garbage-collecting\n");
    dump_frames(o, t);
  }
  return nullptr;
}

// gilpy extra, after a fatal error's tracebacks: who held the GIL and where
// every other thread stood with it (waiting for it, or released for a
// blocking call and which kind), so a crash or a hang killed with SIGABRT
// shows at a glance whether threads were stuck behind the GIL. Reads only
// plain per-thread bytes and the holder's atomic: safe in a signal handler.
// CPython's tests match its lines with patterns anchored at the start of the
// tracebacks, so this block comes after them.
void dump_gil_states(Out& o, const ThreadState* current) {
  static const char* const kBlockNames[] = {"a blocking call", "sleep", "a lock", "join", "a queue",
                                           "file I/O", "a socket", "select", "a child process", "input"};
  const ThreadState* holder = nullptr;
  int n = 0;
  for (const ThreadState* t = g_interp.threads; t && n < kMaxThreads; t = t->next, n++)
    if (gil::holds(t)) holder = t;
  o.puts("\nGIL: ");
  if (!holder) {
    o.puts("not held\n");
  } else if (holder == current) {
    o.puts("held by the current thread\n");
  } else {
    o.puts("held by thread 0x");
    o.hex(uint64_t(holder->ident), int(sizeof(unsigned long) * 2));
    o.puts("\n");
  }
  n = 0;
  for (const ThreadState* t = g_interp.threads; t && n < kMaxThreads; t = t->next, n++) {
    if (t == holder) continue;
    o.puts(t == current ? "  current thread 0x" : "  thread 0x");
    o.hex(uint64_t(t->ident), int(sizeof(unsigned long) * 2));
    if (t->gil_state == 1) {
      o.puts(": waiting for the GIL\n");
    } else if (t->gil_state == 2) {
      o.puts(": released it, blocked in ");
      unsigned k = t->gil_block;
      o.puts(k < sizeof kBlockNames / sizeof kBlockNames[0] ? kBlockNames[k] : kBlockNames[0]);
      o.puts("\n");
    } else {
      o.puts(": running without it\n");
    }
  }
}

// ---- "Extension modules: ..." -------------------------------------------------------------------
// CPython lists the extension modules in sys.modules that are not in
// sys.stdlib_module_names. gilpy's extension modules are its native
// modules: their names are copied into plain memory when faulthandler is
// first set up, so the crash path only compares bytes.
char* g_native_names = nullptr;  // NUL-separated, ends with an empty name

void collect_native_names() {
  if (g_native_names) return;
  std::string all;
  std::vector<std::string> names = native_module_names();
  names.push_back("builtins");  // made by the start-up, not by the registry
  names.push_back("sys");
  for (const std::string& n : names) {
    all += n;
    all += '\0';
  }
  all += '\0';
  char* p = static_cast<char*>(std::malloc(all.size()));  // never freed: read by signal handlers
  if (!p) return;
  std::memcpy(p, all.data(), all.size());
  g_native_names = p;
}

bool str_equals(const Str* s, const char* c, size_t len) {
  return size_t(s->nbytes) == len && std::memcmp(s->data, c, len) == 0;
}

bool is_native_name(const Str* s) {
  if (!g_native_names) return false;
  for (const char* p = g_native_names; *p; p += std::strlen(p) + 1)
    if (str_equals(s, p, std::strlen(p))) return true;
  return false;
}

bool plain_has_layout(Value v, Layout l) { return v.is_obj() && v.obj()->type && v.obj()->type->layout == l; }

// sys.stdlib_module_names when it is a frozenset, else null (then nothing is
// excluded, as in CPython).
const Set* stdlib_names() {
  const Module* sys = g_interp.sys;
  if (!sys || !sys->dict) return nullptr;
  const Dict* d = sys->dict;
  static const char kName[] = "stdlib_module_names";
  for (int64_t i = 0; i < d->nentries; i++) {
    const DictEntry& e = d->entries[i];
    if (!plain_has_layout(e.key, Layout::Str) || !str_equals(e.key.as<Str>(), kName, sizeof kName - 1)) continue;
    return plain_has_layout(e.value, Layout::FrozenSet) ? e.value.as<Set>() : nullptr;
  }
  return nullptr;
}

bool set_has_str(const Set* s, const Str* name) {
  for (int64_t i = 0; i <= s->mask; i++) {
    Value k = s->table[i].key;
    if (plain_has_layout(k, Layout::Str) && str_equals(k.as<Str>(), name->data, size_t(name->nbytes))) return true;
  }
  return false;
}

void dump_extension_modules(Out& o) {
  const Dict* mods = g_interp.modules;
  if (!mods || !g_native_names) return;
  const Set* stdlib = stdlib_names();
  uint64_t count = 0;
  for (int64_t i = 0; i < mods->nentries; i++) {
    const DictEntry& e = mods->entries[i];
    if (!plain_has_layout(e.key, Layout::Str) || !plain_has_layout(e.value, Layout::Module)) continue;
    const Str* name = e.key.as<Str>();
    if (!is_native_name(name)) continue;
    if (stdlib && set_has_str(stdlib, name)) continue;
    o.puts(count ? ", " : "\nExtension modules: ");
    dump_ascii(o, name);
    count++;
  }
  if (count) {
    o.puts(" (total: ");
    o.dec(count);
    o.puts(")\n");
  }
}

// The traceback written by a fatal handler or a user signal: all threads
// (this one labelled current) or this thread's stack. Not reentrant: a
// fault inside a dump must not start another one.
volatile sig_atomic_t g_dumping = 0;

void dump_for_signal(Out& o, bool all_threads) {
  if (g_dumping) return;
  g_dumping = 1;
  // Synchronous signals are delivered to the thread that caused them: its
  // own state (thread-local), whether or not it holds the GIL.
  const ThreadState* self = t_ts;
  if (all_threads) (void)dump_all(o, self);
  else if (self) dump_one(o, self);
  g_dumping = 0;
}

// ---- alternate signal stack ---------------------------------------------------------------------
bool g_onstack = false;  // some thread has an alternate stack: handlers ask for SA_ONSTACK

// An alternate signal stack for the calling thread (the fatal handlers run
// on it, so a stack overflow can be reported), unless it has one already.
// Each thread that calls enable() or register() gets its own; it is never
// freed (a signal may arrive at any time).
void ensure_altstack() {
  stack_t old{};
  if (sigaltstack(nullptr, &old) == 0 && !(old.ss_flags & SS_DISABLE)) {
    g_onstack = true;
    return;
  }
  size_t size = size_t(SIGSTKSZ) * 2;
  if (size < 64 * 1024) size = 64 * 1024;
  void* p = std::malloc(size);
  if (!p) return;
  stack_t ss{};
  ss.ss_sp = p;
  ss.ss_size = size;
  ss.ss_flags = 0;
  if (sigaltstack(&ss, nullptr) == 0) g_onstack = true;
  else std::free(p);
}

// ---- fatal signals -------------------------------------------------------------------------------
struct FatalHandler {
  int signum;
  const char* name;
  bool enabled;
  struct sigaction previous;
};
FatalHandler g_fatal_handlers[] = {
    {SIGBUS, "Bus error", false, {}},
    {SIGILL, "Illegal instruction", false, {}},
    {SIGFPE, "Floating point exception", false, {}},
    {SIGABRT, "Aborted", false, {}},
    {SIGSEGV, "Segmentation fault", false, {}},
};

struct {
  volatile bool enabled;
  volatile int fd;
  volatile bool all_threads;
} g_fatal = {false, 2, true};
Value g_fatal_file;  // the file object enable() was given (kept alive), or null

void restore_fatal_handler(FatalHandler& h) {
  if (!h.enabled) return;
  h.enabled = false;
  sigaction(h.signum, &h.previous, nullptr);
}

void fatal_signal_handler(int signum) {
  int saved_errno = errno;
  if (!g_fatal.enabled) return;
  FatalHandler* h = nullptr;
  for (FatalHandler& x : g_fatal_handlers)
    if (x.signum == signum) h = &x;
  if (!h) return;
  // First put the previous disposition back: a fault inside the dump then
  // kills the process instead of coming back here.
  restore_fatal_handler(*h);
  {
    Out o(g_fatal.fd);
    o.puts("Fatal Python error: ");
    o.puts(h->name);
    o.puts("\n\n");
    dump_for_signal(o, g_fatal.all_threads);
    if (g_fatal.all_threads) dump_gil_states(o, t_ts);
    dump_extension_modules(o);
  }
  errno = saved_errno;
  // SA_NODEFER: the previous handler (by default: death by this signal)
  // runs right now.
  ::raise(signum);
}

Status install_fatal_handlers() {
  if (g_fatal.enabled) return OK();
  g_fatal.enabled = true;
  ensure_altstack();
  for (FatalHandler& h : g_fatal_handlers) {
    struct sigaction sa {};
    sa.sa_handler = fatal_signal_handler;
    sigemptyset(&sa.sa_mask);
    // The handler re-raises its signal from inside itself.
    sa.sa_flags = SA_NODEFER | (g_onstack ? SA_ONSTACK : 0);
    if (sigaction(h.signum, &sa, &h.previous) != 0) {
      int e = errno;
      Value args[2] = {Value::small(e), str_value(std::strerror(e))};
      return raise_with_args(tp_RuntimeError, args, 2);
    }
    h.enabled = true;
  }
  return OK();
}

void uninstall_fatal_handlers() {
  if (g_fatal.enabled) {
    g_fatal.enabled = false;
    for (FatalHandler& h : g_fatal_handlers) restore_fatal_handler(h);
  }
  g_fatal_file = Value();
}

// ---- register(): user signals -----------------------------------------------------------------
struct UserSignal {
  volatile bool enabled;
  bool chain;
  bool all_threads;
  int fd;
  struct sigaction previous;
};
UserSignal g_user[kNumSignals];
Value g_user_file[kNumSignals];  // kept alive while registered

int install_user_handler(int signum, bool chain, struct sigaction* previous);

void user_signal_handler(int signum) {
  int saved_errno = errno;
  if (signum <= 0 || signum >= kNumSignals) return;
  UserSignal& u = g_user[signum];
  if (!u.enabled) return;
  {
    Out o(u.fd);
    dump_for_signal(o, u.all_threads);
  }
  if (u.chain) {
    // Call the previous handler: put it back, raise (SA_NODEFER: it runs
    // now), then install ours again.
    sigaction(signum, &u.previous, nullptr);
    errno = saved_errno;
    ::raise(signum);
    saved_errno = errno;
    install_user_handler(signum, u.chain, nullptr);
  }
  errno = saved_errno;
}

int install_user_handler(int signum, bool chain, struct sigaction* previous) {
  struct sigaction sa {};
  sa.sa_handler = user_signal_handler;
  sigemptyset(&sa.sa_mask);
  // Without chaining, a system call interrupted by the dump resumes; with
  // it the previous handler decides, and ours must let the re-raised
  // signal through.
  sa.sa_flags = chain ? SA_NODEFER : SA_RESTART;
  if (g_onstack) sa.sa_flags |= SA_ONSTACK;
  return sigaction(signum, &sa, previous);
}

// ---- dump_traceback_later(): the watchdog -----------------------------------------------------
// One watchdog thread at a time. It waits on a condition variable (the
// cancel event) with a timeout; on timeout it writes the header and the
// tracebacks of all threads without the GIL. cancel_dump_traceback_later()
// sets `cancel` and joins it.
struct Watchdog {
  pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t cv;
  bool cv_ready = false;
  bool running = false;  // a thread exists and has not been joined
  bool cancel = false;
  pthread_t thread{};
  int fd = 2;
  int64_t timeout_us = 0;
  bool repeat = false;
  bool exit = false;
  char header[100] = {};
};
Watchdog g_wd;
Value g_wd_file;

void watchdog_init_cv() {
  if (g_wd.cv_ready) return;
  pthread_condattr_t a;
  pthread_condattr_init(&a);
  pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
  pthread_cond_init(&g_wd.cv, &a);
  pthread_condattr_destroy(&a);
  g_wd.cv_ready = true;
}

void* watchdog_main(void*) {
  // Signals are for the Python threads: this one must not take them.
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, nullptr);
  pthread_mutex_lock(&g_wd.mu);
  while (true) {
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += time_t(g_wd.timeout_us / 1000000);
    deadline.tv_nsec += long(g_wd.timeout_us % 1000000) * 1000;
    if (deadline.tv_nsec >= 1000000000L) {
      deadline.tv_sec++;
      deadline.tv_nsec -= 1000000000L;
    }
    bool timed_out = false;
    while (!g_wd.cancel && !timed_out)
      timed_out = pthread_cond_timedwait(&g_wd.cv, &g_wd.mu, &deadline) == ETIMEDOUT;
    if (g_wd.cancel) break;
    const char* err;
    {
      Out o(g_wd.fd);
      o.puts(g_wd.header);
      err = dump_all(o, nullptr);  // no thread of this one's is "current"
    }
    if (g_wd.exit) _exit(1);
    if (err || !g_wd.repeat) break;
  }
  pthread_mutex_unlock(&g_wd.mu);
  return nullptr;
}

void cancel_watchdog() {
  if (g_wd.running) {
    pthread_mutex_lock(&g_wd.mu);
    g_wd.cancel = true;
    pthread_cond_signal(&g_wd.cv);
    pthread_mutex_unlock(&g_wd.mu);
    pthread_join(g_wd.thread, nullptr);
    g_wd.running = false;
    g_wd.cancel = false;
  }
  g_wd_file = Value();
}

// In a forked child the watchdog thread does not exist: forget it (its
// mutex may have been held at the fork).
void watchdog_after_fork_child() {
  pthread_mutex_init(&g_wd.mu, nullptr);
  g_wd.cv_ready = false;
  g_wd.running = false;
  g_wd.cancel = false;
}

// ---- arguments ---------------------------------------------------------------------------------
// A C `int` argument as PyArg_Parse's "i" converts it.
Result<int> int_arg(Value v) {
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x)) {
    return raise(tp_OverflowError, int_sign(iv) < 0 ? "signed integer is less than minimum"
                                                     : "signed integer is greater than maximum");
  }
  if (x > INT32_MAX) return raise(tp_OverflowError, "signed integer is greater than maximum");
  if (x < INT32_MIN) return raise(tp_OverflowError, "signed integer is less than minimum");
  return int(x);
}

Result<bool> flag_arg(Value v, bool dflt) {
  if (!v) return dflt;
  return TRY(int_arg(v)) != 0;
}

// The file descriptor to write to: `file` (None or missing: sys.stderr) is
// an int fd, or an object whose fileno() gives one (it is flushed first).
// *keep is the object to keep alive while the descriptor is in use.
Result<int> get_fileno(Value file, Value* keep) {
  *keep = Value();
  if (!file || is_none(file)) {
    file = sys_get(N.stderr);
    if (!file) return raise(tp_RuntimeError, "unable to get sys.stderr");
    if (is_none(file)) return raise(tp_RuntimeError, "sys.stderr is None");
  } else if (is_int(file)) {
    int fd = TRY(as_c_int(file));
    if (fd < 0) return raise(tp_ValueError, "file is not a valid file descripter");  // sic, CPython's text
    return fd;
  }
  Value r = TRY(call_method0(file, str_intern("fileno")));
  int64_t fd = -1, v;
  if (is_int(r) && int_fits_i64(r, &v) && v >= 0 && v < INT32_MAX) fd = v;
  if (fd == -1) return raise(tp_RuntimeError, "file.fileno() is not a valid file descriptor");
  Result<Value> fl = call_method0(file, N.flush);
  if (fl.is_err()) exc_clear();  // a failing flush() is ignored
  *keep = file;
  return int(fd);
}

// PyArg_ParseTupleAndKeywords' wording for an unknown keyword (parse_args
// words it like a Python function), checked first.
Status check_keywords(const char* fname, Tuple* kw, std::initializer_list<const char*> names) {
  if (!kw) return OK();
  for (int64_t i = 0; i < kw->size; i++) {
    Value k = kw->items[i];
    if (!is_str(k)) continue;
    bool known = false;
    for (const char* n : names)
      if (as_str(k)->view() == n) known = true;
    if (!known) {
      std::string name(as_str(k)->view());
      return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for %s()", name.c_str(), fname);
    }
  }
  return OK();
}

Status check_signum(int signum) {
  for (const FatalHandler& h : g_fatal_handlers)
    if (h.signum == signum)
      return raise_fmt(tp_RuntimeError, "signal %d cannot be registered, use enable() instead", signum);
  if (signum < 1 || signum >= kNumSignals) return raise(tp_ValueError, "signal number out of range");
  return OK();
}

Status no_args(const char* name, int64_t nargs, Tuple* kw) {
  if (kw && kw->size) return raise_fmt(tp_TypeError, "faulthandler.%s() takes no keyword arguments", name);
  if (nargs) return raise_fmt(tp_TypeError, "faulthandler.%s() takes no arguments (%lld given)", name, (long long)nargs);
  return OK();
}

// The timeout in microseconds as CPython converts it (_PyTime_FromSecondsObject,
// rounded up to nanoseconds, then to microseconds).
Result<int64_t> timeout_us_arg(Value v) {
  int64_t ns;
  if (is_float(v)) {
    double d = float_val(v);
    if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
    volatile double x = d * 1e9;
    double r = x >= 0 ? std::ceil(x) : std::floor(x);
    if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0))
      return raise(tp_OverflowError, "timestamp out of range for platform time_t");
    ns = int64_t(r);
  } else {
    Value iv = TRY(index_value(v));
    int64_t sec;
    if (!int_fits_i64(iv, &sec) || __builtin_mul_overflow(sec, int64_t(1000000000), &ns))
      return raise(tp_OverflowError, "timestamp too large to convert to C _PyTime_t");
  }
  // Microseconds, rounded away from zero.
  int64_t us = ns / 1000;
  if (ns % 1000 > 0) us++;
  else if (ns % 1000 < 0) us--;
  return us;
}

// ---- module functions ---------------------------------------------------------------------------
Result<Value> fh_enable(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(check_keywords("enable", kw, {"file", "all_threads"}));
  TRY(parse_args("enable", args, nargs, kw, {"file", "all_threads"}, 0, o));
  bool all_threads = TRY(flag_arg(o[1], true));
  Value keep;
  int fd = TRY(get_fileno(o[0], &keep));
  collect_native_names();
  g_fatal_file = keep;
  g_fatal.fd = fd;
  g_fatal.all_threads = all_threads;
  TRY(install_fatal_handlers());
  return None();
}

Result<Value> fh_disable(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_args("disable", nargs, kw));
  if (!g_fatal.enabled) return False();
  uninstall_fatal_handlers();
  return True();
}

Result<Value> fh_is_enabled(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_args("is_enabled", nargs, kw));
  return Bool(g_fatal.enabled);
}

Result<Value> fh_dump_traceback(Value* args, int64_t nargs, Tuple* kw) {
  Value o[2];
  TRY(check_keywords("dump_traceback", kw, {"file", "all_threads"}));
  TRY(parse_args("dump_traceback", args, nargs, kw, {"file", "all_threads"}, 0, o));
  bool all_threads = TRY(flag_arg(o[1], true));
  Value keep;
  int fd = TRY(get_fileno(o[0], &keep));
  const char* err = nullptr;
  {
    Out out(fd);
    if (all_threads) err = dump_all(out, t_ts);
    else dump_one(out, t_ts);
  }
  if (err) return raise(tp_RuntimeError, err);
  TRY(check_signals());
  return None();
}

Result<Value> fh_dump_traceback_later(Value* args, int64_t nargs, Tuple* kw) {
  Value o[4];
  TRY(check_keywords("dump_traceback_later", kw, {"timeout", "repeat", "file", "exit"}));
  TRY(parse_args("dump_traceback_later", args, nargs, kw, {"timeout", "repeat", "file", "exit"}, 1, o));
  int64_t us = TRY(timeout_us_arg(o[0]));
  bool repeat = TRY(flag_arg(o[1], false));
  bool exit = TRY(flag_arg(o[3], false));
  if (us <= 0) return raise(tp_ValueError, "timeout must be greater than 0");
  if (us > INT64_MAX / 1000) return raise(tp_OverflowError, "timeout value is too large");
  Value keep;
  int fd = TRY(get_fileno(o[2], &keep));

  cancel_watchdog();
  watchdog_init_cv();
  // "Timeout (H:MM:SS)!" or "Timeout (H:MM:SS.ffffff)!", as str(timedelta).
  uint64_t sec = uint64_t(us / 1000000), frac = uint64_t(us % 1000000);
  uint64_t min = sec / 60, hour = min / 60;
  sec %= 60;
  min %= 60;
  if (frac)
    std::snprintf(g_wd.header, sizeof g_wd.header, "Timeout (%llu:%02llu:%02llu.%06llu)!\n", (unsigned long long)hour,
                  (unsigned long long)min, (unsigned long long)sec, (unsigned long long)frac);
  else
    std::snprintf(g_wd.header, sizeof g_wd.header, "Timeout (%llu:%02llu:%02llu)!\n", (unsigned long long)hour,
                  (unsigned long long)min, (unsigned long long)sec);
  g_wd_file = keep;
  g_wd.fd = fd;
  g_wd.timeout_us = us;
  g_wd.repeat = repeat;
  g_wd.exit = exit;
  g_wd.cancel = false;
  static bool hooks = false;
  if (!hooks) {
    hooks = true;
    pthread_atfork(nullptr, nullptr, watchdog_after_fork_child);
    // Like CPython's finalization: no watchdog dump while the process exits.
    std::atexit([] { cancel_watchdog(); });
  }
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  int e = pthread_create(&g_wd.thread, &attr, watchdog_main, nullptr);
  pthread_attr_destroy(&attr);
  if (e != 0) {
    g_wd_file = Value();
    return raise(tp_RuntimeError, "unable to start watchdog thread");
  }
  g_wd.running = true;
  return None();
}

Result<Value> fh_cancel_dump_traceback_later(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_args("cancel_dump_traceback_later", nargs, kw));
  cancel_watchdog();
  return None();
}

Result<Value> fh_register(Value* args, int64_t nargs, Tuple* kw) {
  Value o[4];
  TRY(check_keywords("register", kw, {"signum", "file", "all_threads", "chain"}));
  TRY(parse_args("register", args, nargs, kw, {"signum", "file", "all_threads", "chain"}, 1, o));
  int signum = TRY(int_arg(o[0]));
  bool all_threads = TRY(flag_arg(o[2], true));
  bool chain = TRY(flag_arg(o[3], false));
  TRY(check_signum(signum));
  Value keep;
  int fd = TRY(get_fileno(o[1], &keep));
  collect_native_names();
  UserSignal& u = g_user[signum];
  if (!u.enabled) {
    ensure_altstack();
    struct sigaction prev {};
    // Filled in before the handler can run.
    u.fd = fd;
    u.all_threads = all_threads;
    u.chain = chain;
    if (install_user_handler(signum, chain, &prev) != 0) return raise_errno(errno);
    u.previous = prev;
  }
  g_user_file[signum] = keep;
  u.fd = fd;
  u.all_threads = all_threads;
  u.chain = chain;
  u.enabled = true;
  return None();
}

Result<Value> fh_unregister(Value* args, int64_t nargs, Tuple*) {
  // Like CPython's, keyword arguments are accepted and ignored.
  if (nargs != 1)
    return raise_fmt(tp_TypeError, "unregister() takes exactly 1 argument (%lld given)", (long long)nargs);
  int signum = TRY(int_arg(args[0]));
  TRY(check_signum(signum));
  UserSignal& u = g_user[signum];
  bool was = u.enabled;
  if (was) {
    u.enabled = false;
    sigaction(signum, &u.previous, nullptr);
    u.fd = -1;
  }
  g_user_file[signum] = Value();
  return Bool(was);
}

// ---- deliberate crashes (test helpers; CPython's test_faulthandler runs them in a child) ------
// No core file for a crash made on purpose.
void suppress_crash_report() {
  struct rlimit rl;
  if (getrlimit(RLIMIT_CORE, &rl) == 0) {
    rl.rlim_cur = 0;
    setrlimit(RLIMIT_CORE, &rl);
  }
}

// _read_null and _sigfpe do on purpose what UBSan reports (a null load, a
// division by zero): the sanitizer build must let the fault happen.
__attribute__((no_sanitize("undefined"))) Result<Value> fh_read_null(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_args("_read_null", nargs, kw));
  suppress_crash_report();
  int* volatile p = nullptr;  // volatile: the compiler cannot see it is null
  int v = *p;
  return Value::small(v);
}

Result<Value> fh_sigsegv(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_sigsegv", kw));
  if (nargs > 1) return raise_fmt(tp_TypeError, "_sigsegv() takes at most 1 argument (%lld given)", (long long)nargs);
  bool release = nargs ? TRY(int_arg(args[0])) != 0 : false;
  suppress_crash_report();
  if (release) {
    gil::ReleaseGil g;
    ::raise(SIGSEGV);
  } else {
    ::raise(SIGSEGV);
  }
  return None();
}

Result<Value> fh_sigabrt(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_args("_sigabrt", nargs, kw));
  suppress_crash_report();
  abort();
}

__attribute__((no_sanitize("undefined"))) Result<Value> fh_sigfpe(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_args("_sigfpe", nargs, kw));
  suppress_crash_report();
  // An integer division by zero traps on x86; raise it by hand where it does not.
  volatile int x = 1, y = 0;
  volatile int z = x / y;
  ::raise(SIGFPE);
  return Value::small(z);
}

// Each call takes at least 4 KiB of stack; the volatile buffer used after
// the recursive call keeps it from becoming a loop.
__attribute__((noinline)) uintptr_t grow_stack(uintptr_t lo, uintptr_t hi, size_t* depth) {
  volatile unsigned char buffer[4096];
  uintptr_t sp = reinterpret_cast<uintptr_t>(&buffer[0]);
  ++*depth;
  if (sp < lo || sp > hi) return sp;
  buffer[0] = 1;
  buffer[4095] = 0;
  uintptr_t r = grow_stack(lo, hi, depth);
  buffer[1] = buffer[0];
  return r;
}

Result<Value> fh_stack_overflow(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_args("_stack_overflow", nargs, kw));
  constexpr uintptr_t kMax = uintptr_t(100) << 20;  // give up after 100 MiB
  size_t depth = 0;
  uintptr_t sp = reinterpret_cast<uintptr_t>(&depth);
  suppress_crash_report();
  uintptr_t lo = sp > kMax ? sp - kMax : 0;
  uintptr_t hi = UINTPTR_MAX - kMax >= sp ? sp + kMax : UINTPTR_MAX;
  uintptr_t stop = grow_stack(lo, hi, &depth);
  size_t size = sp < stop ? stop - sp : sp - stop;
  return raise_fmt(tp_RuntimeError, "unable to raise a stack overflow (allocated %zu bytes on the stack, %zu recursive calls)",
                   size, depth);
}

void* fatal_error_thread(void*) { fatal_error("faulthandler_fatal_error_thread", "in new thread"); }

Result<Value> fh_fatal_error_c_thread(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_args("_fatal_error_c_thread", nargs, kw));
  pthread_t th;
  if (pthread_create(&th, nullptr, fatal_error_thread, nullptr) != 0)
    return raise(tp_RuntimeError, "unable to start the C thread");
  // The thread never comes back: fatal_error() aborts the process.
  gil::ReleaseGil g;
  pthread_join(th, nullptr);
  return None();
}

const MethodDef functions[] = {
    {"enable", fh_enable, MethKind::Method,
     "enable(file=sys.stderr, all_threads=True): enable the fault handler"},
    {"disable", fh_disable, MethKind::Method, "disable(): disable the fault handler"},
    {"is_enabled", fh_is_enabled, MethKind::Method, "is_enabled()->bool: check if the handler is enabled"},
    {"dump_traceback", fh_dump_traceback, MethKind::Method,
     "dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current thread, or of all "
     "threads if all_threads is True, into file"},
    {"dump_traceback_later", fh_dump_traceback_later, MethKind::Method,
     "dump_traceback_later(timeout, repeat=False, file=sys.stderrn, exit=False):\n"
     "dump the traceback of all threads in timeout seconds,\n"
     "or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe."},
    {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later, MethKind::Method,
     "cancel_dump_traceback_later():\ncancel the previous call to dump_traceback_later()."},
    {"register", fh_register, MethKind::Method,
     "register(signum, file=sys.stderr, all_threads=True, chain=False): register a handler for the signal "
     "'signum': dump the traceback of the current thread, or of all threads if all_threads is True, into file"},
    {"unregister", fh_unregister, MethKind::Method,
     "unregister(signum): unregister the handler of the signal 'signum' registered by register()"},
    {"_read_null", fh_read_null, MethKind::Method,
     "_read_null(): read from NULL, raise a SIGSEGV or SIGBUS signal depending on the platform"},
    {"_sigsegv", fh_sigsegv, MethKind::Method, "_sigsegv(release_gil=False): raise a SIGSEGV signal"},
    {"_fatal_error_c_thread", fh_fatal_error_c_thread, MethKind::Method,
     "fatal_error_c_thread(): call Py_FatalError() in a new C thread."},
    {"_sigabrt", fh_sigabrt, MethKind::Method, "_sigabrt(): raise a SIGABRT signal"},
    {"_sigfpe", fh_sigfpe, MethKind::Method, "_sigfpe(): raise a SIGFPE signal"},
    {"_stack_overflow", fh_stack_overflow, MethKind::Method,
     "_stack_overflow(): recursive call to raise a stack overflow"},
    {nullptr, nullptr},
};

Result<Value> faulthandler_init() {
  collect_native_names();
  Module* m = native_module_new("faulthandler", functions, "faulthandler module.");
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("faulthandler", faulthandler_init);

void fatal_error(const char* func, const char* msg) {
  static volatile sig_atomic_t reentrant = 0;
  if (reentrant) abort();
  reentrant = 1;
  {
    Out o(2);
    o.puts("Fatal Python error: ");
    if (func) {
      o.puts(func);
      o.puts(": ");
    }
    o.puts(msg ? msg : "<message not set>");
    o.puts("\nPython runtime state: initialized\n\n");
    if (!g_dumping) {
      g_dumping = 1;
      (void)dump_all(o, t_ts);
      g_dumping = 0;
    }
    dump_extension_modules(o);
  }
  // The tracebacks are written: faulthandler's SIGABRT handler must not
  // write them again.
  if (g_fatal.enabled) {
    g_fatal.enabled = false;
    for (FatalHandler& h : g_fatal_handlers) restore_fatal_handler(h);
  }
  abort();
}

void faulthandler_enable_at_startup() {
  bool want = false;
  for (const std::string& x : g_interp.xoptions)
    if (x == "faulthandler" || x.rfind("faulthandler=", 0) == 0 || x == "dev" || x.rfind("dev=", 0) == 0) want = true;
  if (!g_interp.ignore_environment && !g_interp.isolated) {
    const char* e = std::getenv("PYTHONFAULTHANDLER");
    if (e && *e) want = true;
    e = std::getenv("PYTHONDEVMODE");
    if (e && *e) want = true;
  }
  if (!want) return;
  collect_native_names();
  Result<Value> r = fh_enable(nullptr, 0, nullptr);
  if (r.is_err()) {
    print_exception_and_clear();
    // Still report crashes, on the process's standard error.
    g_fatal.fd = 2;
    g_fatal.all_threads = true;
    if (install_fatal_handlers().is_err()) print_exception_and_clear();
  }
}

}  // namespace gilpy
