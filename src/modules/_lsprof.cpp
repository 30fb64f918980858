// _lsprof: the deterministic profiler behind cProfile. A Profiler installs
// itself as the thread's native profile hook (vm/trace.h) and, for every
// function entered and left, accumulates per function: call count, recursive
// call count, total time (counted once for the outermost of recursive
// activations) and inline time (total minus time spent in callees); with
// `subcalls`, the same per (caller, callee) pair; with `builtins`, builtin
// functions count as functions of their own ("<built-in method builtins.len>",
// "<method 'append' of 'list' objects>", the strings pstats shows).
//
// Times are integers: nanoseconds of CLOCK_MONOTONIC (perf_counter) by
// default; with a user timer, its result as seconds (converted to ns) when
// timeunit is 0, else its integer value, scaled by timeunit in getstats().
// A timer that raises or returns something unusable is reported as
// unraisable and reads as 0, as CPython does.
//
// Memory: entries, sub-entries and the call stack live in collector memory
// (gc::make / gc::Allocator), so the code objects and labels they hold stay
// alive and nothing needs freeing.
#include <time.h>

#include <cmath>
#include <string>
#include <unordered_map>

#include "gc/heap.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "vm/trace.h"

namespace gilpy {

namespace {

enum : uint32_t { F_SUBCALLS = 1, F_BUILTINS = 2, F_ENABLED = 4 };

struct Entry;

// Statistics of one (caller, callee) pair, kept in the caller's entry.
struct SubEntry {
  Entry* callee;
  int64_t tt = 0, it = 0, callcount = 0, reccallcount = 0, depth = 0;
};

template <class K, class V, class H = std::hash<K>>
using GcMap = std::unordered_map<K, V, H, std::equal_to<K>, gc::Allocator<std::pair<const K, V>>>;

struct Entry {
  Value obj;  // the code object, or the builtin's label string
  int64_t tt = 0, it = 0, callcount = 0, reccallcount = 0, depth = 0;
  GcMap<Entry*, SubEntry*>* calls = nullptr;  // by callee
  gc::Vector<SubEntry*>* order = nullptr;     // the same, in first-call order
};

// What identifies a function: a code object {code}, or a builtin by its
// native function, its (interned) name and its receiver's type: one native
// function may serve several types (set.copy and frozenset.copy), which
// CPython profiles apart. Builtins whose labels are equal share one entry
// (list.append called on a list subclass is still list's append).
struct Key {
  const void* a;
  const void* b = nullptr;
  const void* c = nullptr;
  bool operator==(const Key& o) const { return a == o.a && b == o.b && c == o.c; }
};
struct KeyHash {
  size_t operator()(const Key& k) const {
    std::hash<const void*> h;
    return (h(k.a) * 31 + h(k.b)) * 31 + h(k.c);
  }
};

// One running call: its entry, when it started and how long its callees took.
struct Ctx {
  Entry* entry;
  int64_t t0;
  int64_t subt;
};

struct Profiler : Object {
  Dict* dict;
  Value timer;  // null: the built-in clock
  double timeunit;
  uint32_t flags;
  GcMap<Key, Entry*, KeyHash>* entries;
  GcMap<std::string_view, Entry*>* by_label;  // builtins' entries; the views are their labels' bytes
  gc::Vector<Entry*>* order;  // entries in creation order (getstats' order)
  gc::Vector<Ctx>* stack;     // running calls, innermost last
};

Type* tp_Profiler;
Type* tp_entry;
Type* tp_subentry;

Profiler* P(Value v) { return v.as<Profiler>(); }

void reset(Profiler* p) {
  p->entries = gc::make<GcMap<Key, Entry*, KeyHash>>();
  p->by_label = gc::make<GcMap<std::string_view, Entry*>>();
  p->order = gc::make<gc::Vector<Entry*>>();
  p->stack = gc::make<gc::Vector<Ctx>>();
}

int64_t mono_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// A timer's result as an integer count: seconds (float or int) converted to
// nanoseconds when timeunit is 0, else an int taken as is.
Result<int64_t> timer_value(Profiler* p, Value v) {
  if (p->timeunit > 0.0) {
    if (!is_int(v)) return raise_fmt(tp_TypeError, "expect int, got %s", v.type()->name->data);
    int64_t r;
    if (!int_fits_i64(v, &r)) return raise(tp_OverflowError, "timestamp too large to convert to C _PyTime_t");
    return r;
  }
  if (is_float(v)) {
    double d = TRY(to_double(v));
    if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
    d = std::floor(d * 1e9);
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
      return raise(tp_OverflowError, "timestamp too large to convert to C _PyTime_t");
    return int64_t(d);
  }
  Value i = TRY(index_value(v));
  int64_t s;
  if (!int_fits_i64(i, &s) || s > INT64_MAX / 1000000000 || s < INT64_MIN / 1000000000)
    return raise(tp_OverflowError, "timestamp too large to convert to C _PyTime_t");
  return s * 1000000000;
}

int64_t now(Profiler* p) {
  if (!p->timer) return mono_ns();
  Result<Value> r = call0(p->timer);
  if (!r.is_err()) {
    Result<int64_t> t = timer_value(p, r.value());
    if (!t.is_err()) return t.value();
  }
  report_unraisable("Exception ignored in: ", p->timer, exc_fetch());
  return 0;
}

// The string CPython's profiler shows for a builtin: the repr of what the
// receiver's type holds under that name ("<method 'append' of 'list'
// objects>"), else "<built-in method module.name>" for a bound function
// (module functions are bound to their module), else "<module.name>".
Value builtin_label(Builtin* b) {
  std::string name(b->name->view());
  Value self = b->self ? b->self : b->module_obj;
  std::string mod;
  bool has_mod = b->module && is_str(b->module);
  if (has_mod) mod = std::string(as_str(b->module)->view());
  if (!self) {
    if (has_mod && mod != "builtins") return str_value("<" + mod + "." + name + ">");
    return str_value("<" + name + ">");
  }
  Value found = type_lookup(self.type(), b->name);
  if (found) {
    Result<Str*> r = repr(found);
    if (!r.is_err()) return Value(r.value());
    exc_fetch();
  }
  if (has_mod) return str_value("<built-in method " + mod + "." + name + ">");
  return str_value("<built-in method " + name + ">");
}

Entry* find_entry(Profiler* p, Key k) {
  auto it = p->entries->find(k);
  return it == p->entries->end() ? nullptr : it->second;
}

SubEntry* find_sub(Entry* caller, Entry* callee, bool create) {
  if (caller->calls) {
    auto it = caller->calls->find(callee);
    if (it != caller->calls->end()) return it->second;
  }
  if (!create) return nullptr;
  if (!caller->calls) {
    caller->calls = gc::make<GcMap<Entry*, SubEntry*>>();
    caller->order = gc::make<gc::Vector<SubEntry*>>();
  }
  SubEntry* s = gc::make<SubEntry>();
  s->callee = callee;
  caller->calls->emplace(callee, s);
  caller->order->push_back(s);
  return s;
}

Entry* new_entry(Profiler* p, Key k, Value obj) {
  Entry* e = gc::make<Entry>();
  e->obj = obj;
  p->entries->emplace(k, e);
  p->order->push_back(e);
  return e;
}

// The entry of a builtin, labelled on first sight of its key.
Entry* builtin_entry(Profiler* p, Key k, Builtin* b) {
  Value lab = builtin_label(b);
  std::string_view v = as_str(lab)->view();
  auto it = p->by_label->find(v);
  if (it != p->by_label->end()) {
    p->entries->emplace(k, it->second);
    return it->second;
  }
  Entry* e = new_entry(p, k, lab);
  p->by_label->emplace(v, e);
  return e;
}

// A call starts: `obj` is the code object, or the builtin.
void enter(Profiler* p, Key k, Value obj) {
  Entry* e = find_entry(p, k);
  if (!e) e = is_code(obj) ? new_entry(p, k, obj) : builtin_entry(p, k, obj.as<Builtin>());
  e->depth++;
  if ((p->flags & F_SUBCALLS) && !p->stack->empty()) find_sub(p->stack->back().entry, e, true)->depth++;
  // Push before reading the clock: the timer may be slow Python code.
  p->stack->push_back(Ctx{e, 0, 0});
  int64_t t = now(p);
  if (!p->stack->empty() && p->stack->back().entry == e) p->stack->back().t0 = t;
}

// The innermost running call ends, accounted to `e` (normally its own entry).
void stop(Profiler* p, Entry* e) {
  Ctx c = p->stack->back();
  int64_t tt = now(p) - c.t0;
  int64_t it = tt - c.subt;
  if (p->stack->empty()) return;  // cleared by the timer
  p->stack->pop_back();
  Ctx* caller = p->stack->empty() ? nullptr : &p->stack->back();
  if (caller) caller->subt += tt;
  if (--e->depth == 0) e->tt += tt;
  else e->reccallcount++;
  e->it += it;
  e->callcount++;
  if ((p->flags & F_SUBCALLS) && caller) {
    SubEntry* s = find_sub(caller->entry, e, false);
    if (s) {
      if (--s->depth == 0) s->tt += tt;
      else s->reccallcount++;
      s->it += it;
      s->callcount++;
    }
  }
}

void leave(Profiler* p, Key k) {
  if (p->stack->empty()) return;  // a call that started before enable()
  Entry* e = find_entry(p, k);
  if (e) stop(p, e);
  else p->stack->pop_back();
}

// disable(): the calls still running end now.
void flush(Profiler* p) {
  while (!p->stack->empty()) stop(p, p->stack->back().entry);
}

bool is_cfunction(Value arg) {
  return arg && arg.is_obj() && arg.type() == tp_builtin_function_or_method;
}
Key builtin_key(Value arg) {
  Builtin* b = arg.as<Builtin>();
  Value self = b->self ? b->self : b->module_obj;
  return Key{reinterpret_cast<const void*>(b->fn), b->name, self ? self.type() : nullptr};
}

Status on_event(Value obj, Frame* f, ProfileWhat what, Value arg) {
  Profiler* p = P(obj);
  switch (what) {
    case ProfileWhat::Call: enter(p, Key{f->code}, Value(f->code)); break;
    case ProfileWhat::Return: leave(p, Key{f->code}); break;
    case ProfileWhat::CCall:
      if ((p->flags & F_BUILTINS) && is_cfunction(arg)) enter(p, builtin_key(arg), arg);
      break;
    case ProfileWhat::CReturn:
    case ProfileWhat::CException:
      if ((p->flags & F_BUILTINS) && is_cfunction(arg)) leave(p, builtin_key(arg));
      break;
  }
  return OK();
}

// Old-style keyword parsing (PyArg_ParseTupleAndKeywords' wording).
Status parse_old(const char* fname, Value* a, int64_t n, Tuple* kw, std::initializer_list<const char*> names,
                 Value* out) {
  int64_t nk = kw ? kw->size : 0;
  int64_t max = int64_t(names.size());
  if (n + nk > max)
    return raise_fmt(tp_TypeError, "%s() takes at most %lld argument%s (%lld given)", fname, (long long)max,
                     max == 1 ? "" : "s", (long long)(n + nk));
  for (int64_t i = 0; i < n; i++) out[i] = a[i];
  for (int64_t j = 0; j < nk; j++) {
    std::string_view k = as_str(kw->items[j])->view();
    int64_t idx = 0;
    for (const char* nm : names) {
      if (k == nm) break;
      idx++;
    }
    if (idx == max)
      return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for %s()", std::string(k).c_str(), fname);
    if (idx < n)
      return raise_fmt(tp_TypeError, "argument for %s() given by name ('%s') and position (%lld)", fname,
                       std::string(k).c_str(), (long long)(idx + 1));
    out[idx] = a[n + j];
  }
  return OK();
}

// An `i` argument: -1 (unchanged) when absent.
Result<int> flag_arg(Value v) {
  if (!v) return -1;
  if (is_float(v)) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
  return as_c_int(v);
}

void set_flag(Profiler* p, uint32_t bit, int v) {
  if (v == 0) p->flags &= ~bit;
  else if (v > 0) p->flags |= bit;
}

Result<Value> prof_new(Value* a, int64_t, Tuple*) {
  Profiler* p = static_cast<Profiler*>(alloc_instance(as_type(a[0]), sizeof(Profiler)));
  p->flags = F_SUBCALLS | F_BUILTINS;
  reset(p);
  return Value(p);
}

Result<Value> prof_init(Value* a, int64_t n, Tuple* kw) {
  Value out[4];
  TRY(parse_old("Profiler", a + 1, n - 1, kw, {"timer", "timeunit", "subcalls", "builtins"}, out));
  Profiler* p = P(a[0]);
  double unit = 0.0;
  if (out[1]) {
    if (!is_float(out[1]) && !is_int(out[1]) && !type_lookup(out[1].type(), str_intern("__float__")) &&
        !type_lookup(out[1].type(), str_intern("__index__")))
      return raise_fmt(tp_TypeError, "must be real number, not %s", out[1].type()->name->data);
    unit = TRY(to_double(out[1]));
  }
  int sub = TRY(flag_arg(out[2]));
  int bi = TRY(flag_arg(out[3]));
  set_flag(p, F_SUBCALLS, sub < 0 ? 1 : sub);
  set_flag(p, F_BUILTINS, bi < 0 ? 1 : bi);
  p->timeunit = unit;
  p->timer = out[0];
  return None();
}

Result<Value> prof_enable(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_old("enable", a + 1, n - 1, kw, {"subcalls", "builtins"}, out));
  Profiler* p = P(a[0]);
  int sub = TRY(flag_arg(out[0]));
  int bi = TRY(flag_arg(out[1]));
  set_flag(p, F_SUBCALLS, sub);
  set_flag(p, F_BUILTINS, bi);
  profile_set_native(on_event, a[0]);
  p->flags |= F_ENABLED;
  return None();
}

Result<Value> prof_disable(Value* a, int64_t, Tuple*) {
  Profiler* p = P(a[0]);
  profile_set(Value());
  p->flags &= ~F_ENABLED;
  flush(p);
  return None();
}

Result<Value> prof_clear(Value* a, int64_t, Tuple*) {
  reset(P(a[0]));
  return None();
}

Result<Value> prof_getstats(Value* a, int64_t, Tuple*) {
  Profiler* p = P(a[0]);
  double factor = p->timer && p->timeunit != 0.0 ? p->timeunit : 1e-9;
  List* out = list_new();
  for (Entry* e : *p->order) {
    if (e->callcount == 0) continue;
    Value calls = None();
    if (e->order && !e->order->empty()) {
      List* l = list_new();
      for (SubEntry* s : *e->order) {
        Value sv = structseq_new(tp_subentry, {s->callee->obj, int_from_i64(s->callcount),
                                               int_from_i64(s->reccallcount), float_new(factor * double(s->tt)),
                                               float_new(factor * double(s->it))});
        TRY(list_append(l, sv));
      }
      calls = Value(l);
    }
    Value ev = structseq_new(tp_entry, {e->obj, int_from_i64(e->callcount), int_from_i64(e->reccallcount),
                                        float_new(factor * double(e->tt)), float_new(factor * double(e->it)), calls});
    TRY(list_append(out, ev));
  }
  return Value(out);
}

const MethodDef prof_methods[] = {
    {"__new__", prof_new, MethKind::Static},
    {"__init__", prof_init},
    {"getstats", prof_getstats, MethKind::NoArgs,
     "list of profiler_entry objects.\n\ngetstats() -> list of profiler_entry objects\n\nReturn all information "
     "collected by the profiler.\nEach profiler_entry is a tuple-like object with the\nfollowing attributes:\n\n"
     "    code          code object\n    callcount     how many times this was called\n    reccallcount  how many "
     "times called recursively\n    totaltime     total time in this entry\n    inlinetime    inline time in this "
     "entry (not in subcalls)\n    calls         details of the calls\n\nThe calls attribute is either None or a "
     "list of\nprofiler_subentry objects:\n\n    code          called code object\n    callcount     how many "
     "times this is called\n    reccallcount  how many times this is called recursively\n    totaltime     total "
     "time spent in this call\n    inlinetime    inline time (not in further subcalls)"},
    {"enable", prof_enable, MethKind::Method,
     "enable(subcalls=True, builtins=True)\n\nStart collecting profiling information.\nIf 'subcalls' is True, also "
     "records for each function\nstatistics separated according to its current caller.\nIf 'builtins' is True, "
     "records the time spent in\nbuilt-in functions separately from their caller.\n"},
    {"disable", prof_disable, MethKind::NoArgs, "disable()\n\nStop collecting profiling information.\n"},
    {"clear", prof_clear, MethKind::NoArgs, "clear()\n\nClear all profiling information collected so far.\n"},
    {nullptr, nullptr}};

const MethodDef functions[] = {{nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_lsprof", functions, "Fast profiler");
  if (!tp_Profiler) {
    tp_Profiler = native_type_new("_lsprof", "Profiler", tp_object, Layout::Other, sizeof(Profiler), prof_methods);
    type_set_attr_const(
        tp_Profiler, "__doc__",
        str_value("Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n    Builds a profiler "
                  "object using the specified timer function.\n    The default timer is a fast built-in one based "
                  "on real time.\n    For custom timer functions returning integers, timeunit can\n    be a float "
                  "specifying a scale (i.e. how long each integer unit\n    is, in seconds).\n"));
    tp_entry = structseq_new_type("_lsprof", "profiler_entry",
                                  {"code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"});
    tp_subentry = structseq_new_type("_lsprof", "profiler_subentry",
                                     {"code", "callcount", "reccallcount", "totaltime", "inlinetime"});
  }
  dict_set_str(m->dict, str_intern("Profiler"), Value(tp_Profiler));
  dict_set_str(m->dict, str_intern("profiler_entry"), Value(tp_entry));
  dict_set_str(m->dict, str_intern("profiler_subentry"), Value(tp_subentry));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_lsprof", init);

}  // namespace gilpy
