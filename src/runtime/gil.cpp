// The global interpreter lock.
//
// Design note (design.md section 4)
// ---------------------------------
// State, all guarded by `mu`:
//   locked    - some thread holds the GIL;
//   holder    - that thread's state (null when free);
//   waiters   - threads blocked in acquire();
//   switches  - how many times the GIL has been taken; a waiter compares it
//               before and after a timed wait to see whether the holder
//               changed while it waited.
// `holder` is also kept in an atomic so that holds() needs no lock.
//
// Hand-over protocol (CPython 3's "new GIL"):
//   1. A thread that wants the GIL waits on `free_cv` in slices of one switch
//      interval. When a whole interval passes with the same holder, it sets
//      EB_GIL_DROP in the eval breaker: a drop request. (It asks a twentieth
//      of an interval early, so that the hand-over fits in the slice.)
//   2. The holder sees the request at its next safe point and calls
//      yield_for_waiter(): it frees the GIL, wakes one waiter, and then waits
//      on `switch_cv` until `switches` has moved, so it cannot take the GIL
//      straight back while the requester is still waking up (the forced-
//      switch handshake). Then it queues for the GIL like any other thread;
//      its interval counts from the moment it dropped the GIL.
//   3. Whoever takes the GIL clears a pending drop request (it was meant for
//      the previous holder) and wakes a holder waiting in step 2.
// Blocking calls release the GIL voluntarily (ReleaseGil) and wake a waiter
// at once: no interval passes.
//
// Safe points are where the eval loop polls the eval breaker: function
// entry, backward jumps and after calls; in Mode::Every before every
// instruction (vm/eval.cpp). Nothing else gives the GIL up, so a builtin
// operation that does not call back into Python is atomic.
//
// The state is never destroyed: daemon threads may still wait on it while
// the process exits.
//
// Finalization (begin_finalizing): once the main thread starts tearing the
// interpreter down at exit, `finalizer` names it and no other thread can take
// the GIL again (they wait until the process ends, as CPython's daemon
// threads do), so none of them runs Python while module namespaces are being
// cleared. The finalizer never yields to them, and frees wake every waiter
// so that the finalizer itself is never the one left asleep.
#include "runtime/gil.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <new>
#include <vector>

#include "runtime/eval_breaker.h"
#include "runtime/gil_events.h"
#include "runtime/thread_state.h"

namespace gilpy::gil {

namespace {

struct State {
  std::mutex mu;
  std::condition_variable free_cv;    // the GIL became free
  std::condition_variable switch_cv;  // the GIL was taken (ends a forced drop)
  bool locked = false;
  ThreadState* holder = nullptr;
  int waiters = 0;
  uint64_t switches = 0;
  uint64_t forced = 0;
  uint64_t requests = 0;
  ThreadState* finalizer = nullptr;  // set once at exit; see the design note
  std::chrono::microseconds interval{5000};
  // Hand-over latency: from a drop request to the waiter holding the GIL.
  std::chrono::steady_clock::time_point request_time;
  bool request_pending = false;
  static constexpr int kLatencySamples = 4096;
  uint32_t latency_us[kLatencySamples] = {};  // ring buffer
  uint64_t latency_count = 0;
};

// Constructed in place once and never destroyed (see the design note).
alignas(State) unsigned char g_storage[sizeof(State)];
State& S() { return *std::launder(reinterpret_cast<State*>(g_storage)); }

std::atomic<ThreadState*> g_holder{nullptr};
std::atomic<int> g_threads{1};

using Clock = std::chrono::steady_clock;

// Take the GIL; `lk` holds `mu`. A waiter's interval runs from
// `waiting_since` (when it began waiting), and restarts whenever the GIL
// changes hands.
void take_locked(std::unique_lock<std::mutex>& lk, ThreadState* t, Clock::time_point waiting_since) {
  State& s = S();
  auto barred = [&] { return s.finalizer && s.finalizer != t; };
  if (s.locked || barred()) {
    ++s.waiters;
    Clock::time_point round_start = waiting_since;
    while (s.locked || barred()) {
      if (barred()) {
        s.free_cv.wait(lk);  // until the process exits
        continue;
      }
      uint64_t seen = s.switches;
      // The request goes out a twentieth of an interval early: the hand-
      // over (the holder reaching a safe point, waking this thread) is part
      // of the time slice, so that a slice lasts one switch interval, "the
      // ideal duration of the timeslices" in sys.setswitchinterval's words.
      bool timed_out = s.free_cv.wait_until(lk, round_start + s.interval - s.interval / 20) == std::cv_status::timeout;
      if (timed_out && s.locked && s.switches == seen) {
        // The holder kept the GIL for the interval while we waited.
        ++s.requests;
        maybe_record(t, Ev::Request);
        if (!s.request_pending) {
          s.request_pending = true;
          s.request_time = Clock::now();
        }
        g_eval_breaker.fetch_or(EB_GIL_DROP, std::memory_order_release);
      }
      if (timed_out || s.switches != seen) round_start = Clock::now();
    }
    --s.waiters;
  }
  s.locked = true;
  s.holder = t;
  ++s.switches;
  ++t->gil_acquisitions;
  if (s.request_pending) {
    s.request_pending = false;
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - s.request_time);
    s.latency_us[s.latency_count++ % State::kLatencySamples] = uint32_t(us.count());
  }
  g_holder.store(t, std::memory_order_release);
  // A pending request was meant for the previous holder; a waiter still
  // queued will ask again after its own interval.
  g_eval_breaker.fetch_and(~uint32_t(EB_GIL_DROP), std::memory_order_acq_rel);
  // Tracing was switched for this thread while another held the GIL (and
  // cleared the shared bit): its loop re-checks at its next safe point.
  if (GILPY_UNLIKELY(t->trace_recheck)) g_eval_breaker.fetch_or(EB_TRACE, std::memory_order_relaxed);
  s.switch_cv.notify_all();
}

void free_locked(ThreadState*) {
  State& s = S();
  s.locked = false;
  s.holder = nullptr;
  g_holder.store(nullptr, std::memory_order_release);
  if (s.finalizer)
    s.free_cv.notify_all();  // one woken waiter could be a barred thread
  else
    s.free_cv.notify_one();
}

}  // namespace

std::atomic<Mode> g_mode{Mode::SafePoints};
std::atomic<bool> g_finalizing{false};
static std::atomic<bool> g_ready{false};

void init(ThreadState* main_thread) {
  new (g_storage) State();
  g_ready.store(true, std::memory_order_release);
  main_thread->set_name("MainThread");
  maybe_record(main_thread, Ev::Start);
  std::unique_lock lk(S().mu);
  take_locked(lk, main_thread, Clock::now());
  maybe_record(main_thread, Ev::Acquire);
}

void reinit_after_fork(ThreadState* t) {
  // The parent's mutex and condition variables may have been in use by
  // threads that do not exist in the child: build fresh ones.
  new (g_storage) State();
  g_finalizing.store(false, std::memory_order_relaxed);
  g_threads.store(1, std::memory_order_relaxed);
  g_eval_breaker.fetch_and(~uint32_t(EB_GIL_DROP), std::memory_order_relaxed);
  {
    std::unique_lock lk(S().mu);
    take_locked(lk, t, Clock::now());
  }
  events_after_fork(t);
}

void acquire(ThreadState* t) {
  maybe_record(t, Ev::Want);
  if (t) t->gil_state = 1;
  {
    std::unique_lock lk(S().mu);
    take_locked(lk, t, Clock::now());
  }
  if (t) t->gil_state = 0;
  maybe_record(t, Ev::Acquire);
}

static uint8_t release_arg(Reason why, Block what) { return uint8_t(uint8_t(why) << 4 | uint8_t(what)); }

void release(ThreadState* t, Reason why, Block what) {
  if (t) {
    maybe_record(t, Ev::Release, release_arg(why, what));
    t->gil_state = 2;
    t->gil_block = uint8_t(what);
  }
  std::unique_lock lk(S().mu);
  free_locked(t);
}

void yield_for_waiter(ThreadState* t) {
  State& s = S();
  std::unique_lock lk(s.mu);
  if (s.waiters == 0 || s.finalizer) {
    // The requester is gone (it took the GIL through a voluntary release
    // in between, or the request is stale): nothing to hand over.
    g_eval_breaker.fetch_and(~uint32_t(EB_GIL_DROP), std::memory_order_acq_rel);
    return;
  }
  ++s.forced;
  maybe_record(t, Ev::Release, release_arg(Reason::Forced, Block::Other));
  maybe_record(t, Ev::Want);
  uint64_t seen = s.switches;
  // This thread is waiting from the moment it drops the GIL: its interval
  // starts now, not after the hand-over, so a CPU-bound pair alternates
  // about once per interval instead of once per interval plus two wake-ups.
  Clock::time_point dropped = Clock::now();
  free_locked(t);
  t->gil_state = 1;
  ++s.waiters;
  while (s.switches == seen) s.switch_cv.wait(lk);
  --s.waiters;
  take_locked(lk, t, dropped);
  t->gil_state = 0;
  lk.unlock();
  maybe_record(t, Ev::Acquire);
}

void begin_finalizing(ThreadState* t) {
  std::unique_lock lk(S().mu);
  S().finalizer = t;
  g_finalizing.store(true, std::memory_order_release);
}

bool holds(const ThreadState* t) { return g_holder.load(std::memory_order_acquire) == t; }

void assert_held(const char* where) {
  if (!g_ready.load(std::memory_order_acquire) || holds(t_ts)) return;
  std::fprintf(stderr, "gilpy: fatal: %s called by a thread that does not hold the GIL\n", where);
  std::abort();
}

int thread_count() { return g_threads.load(std::memory_order_relaxed); }
void thread_started() { g_threads.fetch_add(1, std::memory_order_relaxed); }
void thread_finished() { g_threads.fetch_sub(1, std::memory_order_relaxed); }

double switch_interval() {
  State& s = S();
  std::unique_lock lk(s.mu);
  return double(s.interval.count()) / 1e6;
}

void set_switch_interval(double seconds) {
  State& s = S();
  std::unique_lock lk(s.mu);
  // CPython keeps microseconds and never less than one.
  int64_t us = int64_t(seconds * 1e6);
  s.interval = std::chrono::microseconds(us < 1 ? 1 : us);
}

void set_mode(Mode m) {
  g_mode.store(m, std::memory_order_relaxed);
  if (m == Mode::Every) g_eval_hooks.fetch_or(EH_EVERY, std::memory_order_relaxed);
  else g_eval_hooks.fetch_and(~uint32_t(EH_EVERY), std::memory_order_relaxed);
}

std::vector<uint32_t> handover_latencies_us() {
  State& s = S();
  std::unique_lock lk(s.mu);
  uint64_t n = std::min<uint64_t>(s.latency_count, State::kLatencySamples);
  return std::vector<uint32_t>(s.latency_us, s.latency_us + n);
}

Counters counters() {
  State& s = S();
  std::unique_lock lk(s.mu);
  return Counters{s.switches, s.forced, s.requests};
}

ReleaseGil::ReleaseGil(Block what) : t_(t_ts), released_(g_threads.load(std::memory_order_relaxed) > 1) {
  if (released_) {
    release(t_, Reason::Blocking, what);
  } else if (recording()) {
    // Nobody can be waiting, so the GIL stays put, but the blocked time is
    // still the program's to see.
    record(t_, Ev::Release, release_arg(Reason::Blocking, what));
  }
}

ReleaseGil::~ReleaseGil() {
  int saved = errno;
  if (released_) {
    acquire(t_);
  } else if (recording()) {
    record(t_, Ev::Want);
    record(t_, Ev::Acquire);
  }
  errno = saved;
}

}  // namespace gilpy::gil
