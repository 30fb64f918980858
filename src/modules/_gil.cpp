// _gil: the GIL's settings and counters, for gilpy's own `gil` module
// (src/lib/gil.py). The switch interval is the same setting as
// sys.setswitchinterval; the switch mode is what `-X switch=` sets.
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

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

static const MethodDef functions[] = {{"acquisitions", g_acquisitions},
                                      {"handover_latencies", g_handover_latencies},
                                      {"get_switch_mode", g_get_switch_mode},
                                      {"set_switch_mode", g_set_switch_mode},
                                      {"counters", g_counters},
                                      {nullptr, nullptr}};

static Result<Value> init() { return Value(native_module_new("_gil", functions)); }
GILPY_NATIVE_MODULE("_gil", init);

}  // namespace gilpy
