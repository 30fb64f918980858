// The GIL's event recording (see gil_events.h).
#include "runtime/gil_events.h"

#include <ctime>
#include <new>

#include "runtime/gil.h"
#include "runtime/thread_state.h"

namespace gilpy::gil {

std::atomic<bool> g_recording{false};

namespace {
// Every log ever made (ended threads' too), in creation order. Guarded by
// g_logs_mu; only log creation, snapshots and clearing take it.
std::mutex g_logs_mu;
std::vector<EventLog*>* g_logs = new std::vector<EventLog*>();  // never destroyed (daemon threads)
std::atomic<uint64_t> g_total{0};
std::atomic<uint64_t> g_max{kMaxEvents};

EventLog* log_of(ThreadState* t) {
  if (t->gil_log) return t->gil_log;
  EventLog* log = new EventLog();
  log->ident = t->ident;
  log->serial = t->serial;
  log->native_id = t->native_id;
  log->main = t->serial == 1;
  log->name = t->name;
  std::lock_guard g(g_logs_mu);
  g_logs->push_back(log);
  t->gil_log = log;
  return log;
}
}  // namespace

int64_t now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void record(ThreadState* t, Ev type, uint8_t arg) {
  if (!t) return;
  EventLog* log = log_of(t);
  Event e{now_ns(), type, arg};
  std::lock_guard g(log->mu);
  if (g_total.fetch_add(1, std::memory_order_relaxed) >= g_max.load(std::memory_order_relaxed)) {
    g_total.fetch_sub(1, std::memory_order_relaxed);
    ++log->dropped;
    return;
  }
  log->events.push_back(e);
}

void set_thread_name(ThreadState* t, std::string name) {
  t->set_name(name);
  if (!t->gil_log) return;
  std::lock_guard g(t->gil_log->mu);
  t->gil_log->name = std::move(name);
}

void start_recording(ThreadState* caller) {
  if (g_recording.exchange(true)) return;
  // The caller holds the GIL: it is running from now on. Other threads'
  // states become known at their next event.
  record(caller, Ev::Start);
  record(caller, Ev::Acquire);
}

void stop_recording() { g_recording.store(false); }

uint64_t max_events() { return g_max.load(); }
void set_max_events(uint64_t n) { g_max.store(n); }

void clear_events() {
  std::lock_guard g(g_logs_mu);
  for (EventLog* log : *g_logs) {
    std::lock_guard lg(log->mu);
    log->events.clear();
    log->dropped = 0;
  }
  g_total.store(0);
}

std::vector<LogCopy> snapshot() {
  std::vector<LogCopy> out;
  std::lock_guard g(g_logs_mu);
  for (EventLog* log : *g_logs) {
    std::lock_guard lg(log->mu);
    out.push_back(LogCopy{log->name, log->ident, log->native_id, log->serial, log->dropped, log->main, log->events});
  }
  return out;
}

void events_after_fork(ThreadState* t) {
  // The mutexes may have been held by threads that do not exist here: make
  // everything afresh (the old logs leak, once per fork).
  new (&g_logs_mu) std::mutex();
  g_logs = new std::vector<EventLog*>();
  g_total.store(0);
  t->gil_log = nullptr;
  if (recording()) {
    record(t, Ev::Start);
    record(t, Ev::Acquire);
    t->gil_log->main = true;
  }
}

}  // namespace gilpy::gil
