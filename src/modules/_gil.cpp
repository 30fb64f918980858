// _gil: the GIL's settings and counters, for gilpy's own `gil` module
// (src/lib/gil.py). The switch interval is the same setting as
// sys.setswitchinterval; the switch mode is what `-X switch=` sets.
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/gil_events.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "vm/trace.h"

namespace gilpy {

static Result<Value> g_get_switch_mode(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("get_switch_mode", n, 0, 0));
  return Value(str_intern(gil::mode() == gil::Mode::Every ? "every" : "safepoints"));
}

static Result<Value> g_set_switch_mode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("set_switch_mode", n, 1, 1));
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "switch mode must be a str, not %s", type_name(a[0]));
  std::string_view v = as_str(a[0])->view();
  if (v == "every") gil::set_mode(gil::Mode::Every);
  else if (v == "safepoints") gil::set_mode(gil::Mode::SafePoints);
  else return raise(tp_ValueError, "switch mode must be 'every' or 'safepoints'");
  return None();
}

static Result<Value> g_counters(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("counters", n, 0, 0));
  gil::Counters c = gil::counters();
  Dict* d = dict_new();
  dict_set_str(d, str_intern("switches"), int_from_u64(c.switches));
  dict_set_str(d, str_intern("forced_switches"), int_from_u64(c.forced));
  dict_set_str(d, str_intern("drop_requests"), int_from_u64(c.drop_requests));
  dict_set_str(d, str_intern("threads"), Value::small(gil::thread_count()));
  return Value(d);
}

// Times the calling thread has taken the GIL.
static Result<Value> g_acquisitions(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("acquisitions", n, 0, 0));
  return int_from_u64(ts()->gil_acquisitions);
}

// Recent hand-over latencies in seconds (a drop request to the waiter running).
static Result<Value> g_handover_latencies(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("handover_latencies", n, 0, 0));
  std::vector<uint32_t> v = gil::handover_latencies_us();
  List* out = list_new(int64_t(v.size()));
  for (size_t i = 0; i < v.size(); i++) out->items[i] = float_new(double(v[i]) / 1e6);
  return Value(out);
}

// ---- recording (runtime/gil_events.h) ------------------------------------------------
static Result<Value> g_start(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("start_recording", n, 0, 0));
  gil::start_recording(ts());
  return None();
}
static Result<Value> g_stop(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("stop_recording", n, 0, 0));
  gil::stop_recording();
  return None();
}
static Result<Value> g_is_recording(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("is_recording", n, 0, 0));
  return Bool(gil::recording());
}
static Result<Value> g_clear(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("clear_events", n, 0, 0));
  gil::clear_events();
  return None();
}
static Result<Value> g_now(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("now", n, 0, 0));
  return int_from_i64(gil::now_ns());
}

// One dict per thread that has events: name, ident, native_id, serial,
// main, dropped, and events as a list of (time_ns, type, arg) tuples.
static Result<Value> g_events(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("events", n, 0, 0));
  std::vector<gil::LogCopy> logs = gil::snapshot();
  List* out = list_new(0);
  for (const gil::LogCopy& l : logs) {
    Dict* d = dict_new();
    dict_set_str(d, str_intern("name"), str_value(l.name));
    dict_set_str(d, str_intern("ident"), int_from_u64(uint64_t(l.ident)));
    dict_set_str(d, str_intern("native_id"), int_from_i64(l.native_id));
    dict_set_str(d, str_intern("serial"), int_from_u64(l.serial));
    dict_set_str(d, str_intern("main"), Bool(l.main));
    dict_set_str(d, str_intern("dropped"), int_from_u64(l.dropped));
    List* evs = list_new(int64_t(l.events.size()));
    for (size_t i = 0; i < l.events.size(); i++) {
      const gil::Event& e = l.events[i];
      evs->items[i] = Value(tuple_of({int_from_i64(e.t_ns), Value::small(int(e.type)), Value::small(e.arg)}));
    }
    dict_set_str(d, str_intern("events"), Value(evs));
    TRY(list_append(out, Value(d)));
  }
  return Value(out);
}

// thread_states(): {thread ident: (state, blocking call or None)} for every
// Python thread, state "holds" (the caller), "waiting" (for the GIL) or
// "released" (in a blocking call: its index in BLOCK_KINDS).
static Result<Value> g_thread_states(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("thread_states", n, 0, 0));
  Dict* out = dict_new();
  for (ThreadState* t = g_interp.threads; t; t = t->next) {
    const char* state = t->gil_state == 1 ? "waiting" : t->gil_state == 2 ? "released" : "holds";
    if (t == t_ts) state = "holds";
    Value block = t->gil_state == 2 && t != t_ts ? Value::small(t->gil_block) : None();
    TRY(dict_set(out, int_from_i64(t->ident), Value(tuple_of({Value(str_intern(state)), block}))));
  }
  return Value(out);
}

// settrace_all_threads(fn) / setprofile_all_threads(fn): every running
// thread's trace (profile) function; gil.py adds threading's hook for new ones.
static Result<Value> g_settrace_all(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("settrace_all_threads", n, 1, 1));
  trace_set_all(a[0], false);
  return None();
}
static Result<Value> g_setprofile_all(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setprofile_all_threads", n, 1, 1));
  trace_set_all(a[0], true);
  return None();
}

// The cap on recorded events: max_events() or set_max_events(n).
static Result<Value> g_max_events(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("max_events", n, 0, 0));
  return int_from_u64(gil::max_events());
}
static Result<Value> g_set_max_events(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("set_max_events", n, 1, 1));
  int64_t v = TRY(as_index(a[0]));
  if (v < 0) return raise(tp_ValueError, "max_events must be >= 0");
  gil::set_max_events(uint64_t(v));
  return None();
}

static const MethodDef functions[] = {{"start_recording", g_start},
                                      {"max_events", g_max_events},
                                      {"set_max_events", g_set_max_events},
                                      {"stop_recording", g_stop},
                                      {"is_recording", g_is_recording},
                                      {"clear_events", g_clear},
                                      {"events", g_events},
                                      {"now", g_now},{"acquisitions", g_acquisitions},
                                      {"handover_latencies", g_handover_latencies},
                                      {"get_switch_mode", g_get_switch_mode},
                                      {"set_switch_mode", g_set_switch_mode},
                                      {"settrace_all_threads", g_settrace_all},
                                      {"thread_states", g_thread_states},
                                      {"setprofile_all_threads", g_setprofile_all},
                                      {"counters", g_counters},
                                      {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_gil", functions);
  // The codes in events(): types, release reasons (arg >> 4) and what a
  // thread blocked in (arg & 15), by number.
  auto names = [](std::initializer_list<const char*> ns) {
    Tuple* t = tuple_new(int64_t(ns.size()));
    int64_t i = 0;
    for (const char* s : ns) t->items[i++] = Value(str_intern(s));
    return Value(t);
  };
  dict_set_str(m->dict, str_intern("EVENT_TYPES"), names({"start", "end", "want", "acquire", "release", "request"}));
  dict_set_str(m->dict, str_intern("RELEASE_REASONS"), names({"blocking", "forced", "thread end"}));
  dict_set_str(m->dict, str_intern("BLOCK_KINDS"),
               names({"other", "sleep", "lock", "join", "queue", "file", "socket", "select", "process", "input"}));
  return Value(m);
}
GILPY_NATIVE_MODULE("_gil", init);

}  // namespace gilpy
