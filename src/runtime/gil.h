// The global interpreter lock. See the design note at the top of gil.cpp.
//
// Rules for the rest of the runtime:
//  * A thread touches heap objects only while it holds the GIL (is attached).
//  * Blocking calls run inside a ReleaseGil scope: copy out what the call
//    needs, block without the GIL, and touch objects again only after the
//    scope ends. Nothing else releases the GIL.
//  * The eval loop gives the GIL up only at safe points, through the
//    eval breaker (EB_GIL_DROP): see handle_eval_breaker().
#pragma once
#include <atomic>
#include <cstdint>
#include <vector>

namespace gilpy {

struct ThreadState;

namespace gil {

// Where the eval loop may switch threads. SafePoints: function entry,
// backward jumps and after calls, like CPython 3.10+. Every: between any
// two bytecodes (the race-hunting mode, `-X switch=every`).
enum class Mode : uint8_t { SafePoints, Every };

// What a thread is blocked in while it does not hold the GIL. Recorded with
// each release so that statistics can split blocked time by call.
enum class Block : uint8_t { Other, Sleep, Lock, Join, Queue, File, Socket, Select, Process, Input };

// Why the holder gave the GIL up.
enum class Reason : uint8_t { Blocking, Forced, ThreadEnd };

// The main thread holds the GIL from start-up; called once from bootstrap.
void init(ThreadState* main_thread);
// After fork() in the child: only the calling thread exists and holds the GIL.
void reinit_after_fork(ThreadState* t);

// Take the GIL for `t` (waiting as long as needed; asks the holder to drop
// it after each switch interval that passes without a switch).
void acquire(ThreadState* t);
// Give the GIL up. `t` must hold it (null: a thread whose state is gone).
void release(ThreadState* t, Reason why, Block what = Block::Other);
// Called by the holder at a safe point when EB_GIL_DROP is set: hand the GIL
// to a waiter and take it back only after another thread has run.
void yield_for_waiter(ThreadState* t);

// At exit: from now on only `t` (the thread tearing the interpreter down)
// takes the GIL; every other thread waits for it until the process ends.
// sys.is_finalizing() is true from here on.
void begin_finalizing(ThreadState* t);
extern std::atomic<bool> g_finalizing;

bool holds(const ThreadState* t);
// Debug builds check the rule "only the GIL holder touches objects" where
// objects are made and where code is run; a violation aborts with a message.
void assert_held(const char* where);
#ifdef GILPY_DEBUG
#define GILPY_ASSERT_GIL() ::gilpy::gil::assert_held(__func__)
#else
#define GILPY_ASSERT_GIL() ((void)0)
#endif
// Threads that run Python (the main thread included). Changed under the GIL.
int thread_count();
void thread_started();
void thread_finished();

double switch_interval();  // seconds
void set_switch_interval(double seconds);
extern std::atomic<Mode> g_mode;
inline Mode mode() { return g_mode.load(std::memory_order_relaxed); }
void set_mode(Mode m);

// Counters since start-up (for tests and `gil` statistics).
struct Counters {
  uint64_t switches;        // times the GIL changed hands
  uint64_t forced;          // drops made because a waiter asked
  uint64_t drop_requests;   // requests made by waiters
};
Counters counters();
// Recent hand-over latencies (drop request to the waiter holding the GIL),
// in microseconds; at most the last 4096.
std::vector<uint32_t> handover_latencies_us();

// RAII: release the GIL for a blocking call, take it back at scope end
// (errno survives the re-acquisition). With a single Python thread nobody
// can be waiting, so the mutex is skipped.
class ReleaseGil {
 public:
  explicit ReleaseGil(Block what = Block::Other);
  ~ReleaseGil();
  ReleaseGil(const ReleaseGil&) = delete;
  ReleaseGil& operator=(const ReleaseGil&) = delete;

 private:
  ThreadState* t_;
  bool released_;
};

// Run `f` (typically one system call) without the GIL and return its result.
template <class F>
auto blocking(Block what, F&& f) {
  ReleaseGil g(what);
  return f();
}

}  // namespace gil
}  // namespace gilpy
