// What the GIL did, event by event: the recording behind `-X gilstats`,
// `-X giltrace`, `-X gilreport` and the `gil` module (docs/decisions/0008).
//
// Each thread appends to its own log (allocated on its first event), so
// recording needs no global lock; a per-log mutex, uncontended except while
// a snapshot is taken, keeps a reader from racing a writer that runs without
// the GIL. Events carry a CLOCK_MONOTONIC time in nanoseconds. When
// recording is off, every hook is one relaxed load and a branch.
//
// A thread's state over time follows from its events:
//   Acquire ... Release          running (holds the GIL)
//   Release(Blocking, kind) ... Want   blocked in a call of that kind
//   Want ... Acquire             waiting for the GIL
// Request marks a drop request made by a waiting thread; Release(Forced)
// a forced switch.
#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace gilpy {

struct ThreadState;

namespace gil {

enum class Ev : uint8_t { Start, End, Want, Acquire, Release, Request };

struct Event {
  int64_t t_ns;
  Ev type;
  uint8_t arg;  // Release: reason << 4 | block kind (gil::Reason, gil::Block)
};

struct EventLog {
  std::mutex mu;             // guards everything below
  std::vector<Event> events;
  uint64_t dropped = 0;      // events lost to the cap
  std::string name;          // the Python thread's name
  int64_t ident = 0;         // threading.get_ident()
  int64_t native_id = 0;
  uint64_t serial = 0;
  bool main = false;
};

extern std::atomic<bool> g_recording;
inline bool recording() { return g_recording.load(std::memory_order_relaxed); }

int64_t now_ns();
// Append an event to t's log (creating it). Call only when recording().
void record(ThreadState* t, Ev type, uint8_t arg = 0);
inline void maybe_record(ThreadState* t, Ev type, uint8_t arg = 0) {
  if (recording()) record(t, type, arg);
}
// Name a thread's log (threading's name for it).
void set_thread_name(ThreadState* t, std::string name);

// Start recording: threads that exist now are marked as running or blocked
// from this moment on. Stopping keeps the events; clear_events drops them.
void start_recording(ThreadState* caller);
void stop_recording();
void clear_events();
// Events kept in all; events are dropped past this many (about 16 bytes each).
constexpr uint64_t kMaxEvents = 4u << 20;
uint64_t max_events();
void set_max_events(uint64_t n);  // tests lower the cap to see the "dropped" note

// A copy of every log (threads that ended included), taken under each log's lock.
struct LogCopy {
  std::string name;
  int64_t ident, native_id;
  uint64_t serial, dropped;
  bool main;
  std::vector<Event> events;
};
std::vector<LogCopy> snapshot();

// After fork() in the child: the parent's logs describe other threads; start
// over with an empty log for the surviving thread.
void events_after_fork(ThreadState* t);

}  // namespace gil
}  // namespace gilpy
