// The sys module: interpreter-wide state programs read (argv, path, modules,
// version_info, implementation, flags, ...) and the functions they call
// (exit, exc_info, getrecursionlimit, _getframe, intern, ...).
#include <climits>
#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "vm/trace.h"
#include "vm/vm_helpers.h"

namespace gilpy {

Result<Value> io_make_std_stream(int fd, bool write);  // modules/_io.cpp
Value io_open_function();                               // modules/_io.cpp

const char* kSysVersion = "3.11.2 (gilpy 0.1) [GCC 12.2.0]";
static int64_t g_int_max_str_digits = 4300;
int64_t int_max_str_digits() { return g_int_max_str_digits; }

Value sys_get(Str* name) {
  if (!g_interp.sys) return Value();
  return dict_get_str(g_interp.sys->dict, name);
}

static Result<Value> sys_exit(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("exit", n, 0, 1));
  // Like PyErr_SetObject: None means no arguments, a tuple is the argument list.
  if (n == 0 || is_none(a[0])) return raise_value(Value(tp_SystemExit));
  if (a[0].type() == tp_tuple) return raise_with_args(tp_SystemExit, as_tuple(a[0])->items, size_t(as_tuple(a[0])->size));
  Value args[1] = {a[0]};
  return raise_with_args(tp_SystemExit, args, 1);
}
static Result<Value> sys_getrecursionlimit(Value*, int64_t, Tuple*) { return Value::small(g_recursion_limit); }
static Result<Value> sys_setrecursionlimit(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setrecursionlimit", n, 1, 1));
  if (is_float(a[0])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
  int64_t v = TRY(as_index(a[0]));
  if (v < 1) return raise(tp_ValueError, "recursion limit must be greater or equal than 1");
  if (v > INT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
  // CPython 3.11 counts the call to setrecursionlimit itself (a builtin call
  // enters the recursion counter), so the depth it checks is one more than
  // the caller's frame count.
  int depth = t_ts->depth + 1;
  if (v <= depth)
    return raise_fmt(tp_RecursionError, "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                     (long long)v, depth);
  g_recursion_limit = int(v);
  return None();
}
static Result<Value> sys_exc_info(Value*, int64_t, Tuple*) {
  Value e = t_ts->handled;
  if (!e || is_none(e)) return Value(tuple_of({None(), None(), None()}));
  return Value(tuple_of({Value(e.type()), e, exc_traceback_or_none(e)}));
}
static Result<Value> sys_exception(Value*, int64_t, Tuple*) {
  Value e = t_ts->handled;
  return e ? e : None();
}
static Result<Value> sys_intern(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("intern", n, 1, 1));
  if (a[0].type() != tp_str) return raise_fmt(tp_TypeError, "intern() argument must be str, not %s", type_name(a[0]));
  return Value(str_intern(as_str(a[0])));
}
static Result<Value> sys_getsizeof(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("getsizeof", n, 1, 2));
  Value m;
  TRY(lookup_special_r(a[0], N.__sizeof__, &m));
  if (!m) {
    if (n == 2) return a[1];
    return raise_fmt(tp_TypeError, "Type %s doesn't define __sizeof__", type_name(a[0]));
  }
  Value r = TRY(call0(m));
  int64_t v = TRY(as_index(r));
  if (v < 0) return raise(tp_ValueError, "__sizeof__() should return >= 0");
  // + the GC header CPython counts for the objects its collector tracks.
  return int_from_i64(v + (gc_tracked_kind(a[0].type()) ? 16 : 0));
}
// {thread ident: innermost frame} for every thread running Python (the
// others are blocked without the GIL, their frames unchanged meanwhile).
static Result<Value> sys_current_frames(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("_current_frames", n, 0, 0));
  Dict* d = dict_new();
  for (ThreadState* t = g_interp.threads; t; t = t->next) {
    if (!t->frame) continue;
    frame_mark_escaped(t->frame);
    TRY(dict_set(d, int_from_u64(uint64_t(t->ident)), Value(t->frame)));
  }
  return Value(d);
}
static Result<Value> sys_current_exceptions(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("_current_exceptions", n, 0, 0));
  // 3.11's form: every thread, as sys.exc_info() would give it there.
  Dict* d = dict_new();
  for (ThreadState* t = g_interp.threads; t; t = t->next) {
    Value h = t->handled;
    Value info;
    if (h && !is_none(h)) {
      Value tb = is_exception(h) && as_exc(h)->traceback ? as_exc(h)->traceback : None();
      info = Value(tuple_of({Value(h.type()), h, tb}));
    } else {
      info = Value(tuple_of({None(), None(), None()}));
    }
    TRY(dict_set(d, int_from_u64(uint64_t(t->ident)), info));
  }
  return Value(d);
}
static Result<Value> sys_getframe(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_getframe", n, 0, 1));
  int64_t depth = n ? TRY(as_index(a[0])) : 0;
  Frame* f = t_ts->frame;
  while (depth > 0 && f) {
    f = f->back;
    depth--;
  }
  if (!f) return raise(tp_ValueError, "call stack is not deep enough");
  frame_mark_escaped(f);
  return Value(f);
}
static Result<Value> sys_getdefaultencoding(Value*, int64_t, Tuple*) { return Value(str_intern("utf-8")); }
static Result<Value> sys_getfsencoding(Value*, int64_t, Tuple*) { return Value(str_intern("utf-8")); }
static Result<Value> sys_getfserrors(Value*, int64_t, Tuple*) { return Value(str_intern("surrogateescape")); }
static Result<Value> sys_getrefcount(Value*, int64_t, Tuple*) { return Value::small(2); }
static Result<Value> sys_audit(Value*, int64_t, Tuple*) { return None(); }
static Result<Value> sys_noop(Value*, int64_t, Tuple*) { return None(); }
static Result<Value> sys_getswitchinterval(Value*, int64_t, Tuple*) { return float_new(gil::switch_interval()); }
static Result<Value> sys_setswitchinterval(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setswitchinterval", n, 1, 1));
  double d = TRY(to_double(a[0]));
  if (d <= 0) return raise(tp_ValueError, "switch interval must be strictly positive");
  gil::set_switch_interval(d);
  return None();
}
static Result<Value> sys_is_finalizing(Value*, int64_t, Tuple*) {
  return Bool(gil::g_finalizing.load(std::memory_order_acquire));
}
static Result<Value> sys_get_int_max_str_digits(Value*, int64_t, Tuple*) { return Value::small(g_int_max_str_digits); }
static Result<Value> sys_set_int_max_str_digits(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("set_int_max_str_digits", a, n, kw, {"maxdigits"}, 1, out));
  int64_t v = TRY(as_index(out[0]));
  if (v != 0 && v < 640) return raise(tp_ValueError, "maxdigits must be 0 or larger than 640");
  g_int_max_str_digits = v;
  return None();
}
static Value g_asyncgen_first, g_asyncgen_final;
static Result<Value> sys_settrace(Value* a, int64_t n, Tuple*) {
  if (n != 1) return raise_fmt(tp_TypeError, "sys.settrace() takes exactly one argument (%d given)", int(n));
  trace_set(a[0]);
  return None();
}
static Result<Value> sys_gettrace(Value*, int64_t, Tuple*) { return trace_get() ? trace_get() : None(); }
static Result<Value> sys_setprofile(Value* a, int64_t n, Tuple*) {
  if (n != 1) return raise_fmt(tp_TypeError, "sys.setprofile() takes exactly one argument (%d given)", int(n));
  profile_set(a[0]);
  return None();
}
static Result<Value> sys_getprofile(Value*, int64_t, Tuple*) { return profile_get() ? profile_get() : None(); }
static Result<Value> sys_get_asyncgen_hooks(Value*, int64_t, Tuple*) {
  return Value(tuple_of({g_asyncgen_first ? g_asyncgen_first : None(), g_asyncgen_final ? g_asyncgen_final : None()}));
}
Value sys_asyncgen_firstiter() { return g_asyncgen_first; }
Value sys_asyncgen_finalizer() { return g_asyncgen_final; }
static Result<Value> sys_set_asyncgen_hooks(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("set_asyncgen_hooks", a, n, kw, {"firstiter", "finalizer"}, 0, out));
  if (out[1] && !is_none(out[1]) && !is_callable(out[1]))
    return raise_fmt(tp_TypeError, "callable finalizer expected, got %s", type_name(out[1]));
  if (out[0] && !is_none(out[0]) && !is_callable(out[0]))
    return raise_fmt(tp_TypeError, "callable firstiter expected, got %s", type_name(out[0]));
  if (out[0]) g_asyncgen_first = out[0];
  if (out[1]) g_asyncgen_final = out[1];
  return None();
}
static Result<Value> sys_displayhook(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("displayhook", n, 1, 1));
  if (is_none(a[0])) return None();
  Dict* b = g_interp.builtins->dict;
  dict_set_str(b, N._, None());
  Value out = sys_get(N.stdout);
  if (!out || is_none(out)) return raise(tp_RuntimeError, "lost sys.stdout");
  Str* r = TRY(repr(a[0]));
  TRY(call_method1(out, N.write, Value(r)));
  TRY(call_method1(out, N.write, Value(str_intern("\n"))));
  dict_set_str(b, N._, a[0]);
  return None();
}
void display_exception(Value value);  // runtime/traceback.cpp
Value sys_unraisablehook_object();     // runtime/finalizers.cpp
static Result<Value> sys_excepthook(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("excepthook", n, 3, 3));
  display_exception(a[1]);  // not print_exception_and_clear: a custom hook may be calling this one
  return None();
}
// A debugger calls this from inside its trace function (where events are
// off) to debug other code recursively: events are on again for the call.
static Result<Value> sys_call_tracing(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("call_tracing", n, 2, 2));
  if (a[1].type() != tp_tuple) return raise_fmt(tp_TypeError, "call_tracing() argument 2 must be tuple, not %s", type_name(a[1]));
  Tuple* args = a[1].as<Tuple>();
  ThreadState* ts = t_ts;
  int saved = ts->tracing;
  TraceWhat what = ts->trace_what;
  ts->tracing = 0;
  Result<Value> r = call(a[0], args->items, args->size);
  ts->tracing = saved;
  ts->trace_what = what;
  return r;
}
// sys.breakpointhook: calls what PYTHONBREAKPOINT names (pdb.set_trace by
// default; "0" disables breakpoint()), read at each call as CPython does. A
// name that cannot be imported is a RuntimeWarning, and the call does nothing.
static Result<Value> sys_breakpointhook(Value* a, int64_t n, Tuple* kw) {
  const char* env = python_env_value("PYTHONBREAKPOINT");
  std::string target = env ? env : "pdb.set_trace";
  if (target == "0") return None();
  size_t dot = target.rfind('.');
  std::string modname = dot == std::string::npos ? "builtins" : target.substr(0, dot);
  std::string attr = dot == std::string::npos ? target : target.substr(dot + 1);
  Value hook;
  if (dot != 0) {
    Result<Value> m = import_module(str_new(modname));
    if (m.is_err() && !exc_matches(tp_ImportError)) return ERR;
    if (m.ok()) {
      Result<Value> h = getattr(m.value(), str_new(attr));
      if (h.is_err() && !exc_matches(tp_AttributeError)) return ERR;
      if (h.ok()) hook = h.value();
    }
    if (!hook) exc_clear();
  }
  if (hook) return call(hook, a, n, kw);
  Value warnings = TRY(import_module(str_intern("warnings")));
  Value msg = str_value("Ignoring unimportable $PYTHONBREAKPOINT: \"" + target + "\"");
  Value wargs[2] = {msg, Value(tp_RuntimeWarning)};
  TRY(call_method(warnings, str_intern("warn"), wargs, 2));
  return None();
}
static Result<Value> sys_getallocatedblocks(Value*, int64_t, Tuple*) { return Value::small(0); }
static Result<Value> sys_set_coro_depth(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("set_coroutine_origin_tracking_depth", a, n, kw, {"depth"}, 1, out));
  int depth = TRY(as_c_int(out[0]));
  if (depth < 0) return raise(tp_ValueError, "depth must be >= 0");
  t_ts->coroutine_origin_depth = depth;
  return None();
}
static Result<Value> sys_get_coro_depth(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("get_coroutine_origin_tracking_depth", n, 0, 0));
  return Value::small(t_ts->coroutine_origin_depth);
}
// dlopen flags: kept for sys.setdlopenflags' callers; gilpy loads no
// extension modules, so nothing reads them. CPython's default is RTLD_NOW.
static int g_dlopenflags = 2;
static Result<Value> sys_getdlopenflags(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("getdlopenflags", n, 0, 0));
  return Value::small(g_dlopenflags);
}
static Result<Value> sys_setdlopenflags(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setdlopenflags", n, 1, 1));
  g_dlopenflags = TRY(as_c_int(a[0]));
  return None();
}
// CPython's allocator statistics and specialised-instruction count: gilpy has
// neither allocator arenas nor quickening.
static Result<Value> sys_getquickenedcount(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("_getquickenedcount", n, 0, 0));
  return Value::small(0);
}

static const MethodDef sys_functions[] = {
    {"exit", sys_exit}, {"getrecursionlimit", sys_getrecursionlimit, MethKind::NoArgs}, {"setrecursionlimit", sys_setrecursionlimit},
    {"exc_info", sys_exc_info, MethKind::NoArgs}, {"exception", sys_exception, MethKind::NoArgs}, {"intern", sys_intern}, {"getsizeof", sys_getsizeof},
    {"_getframe", sys_getframe}, {"getdefaultencoding", sys_getdefaultencoding, MethKind::NoArgs},
    {"getfilesystemencoding", sys_getfsencoding, MethKind::NoArgs}, {"getfilesystemencodeerrors", sys_getfserrors, MethKind::NoArgs},
    {"getrefcount", sys_getrefcount}, {"audit", sys_audit}, {"addaudithook", sys_noop},
    {"_current_frames", sys_current_frames}, {"_current_exceptions", sys_current_exceptions},
    {"getswitchinterval", sys_getswitchinterval, MethKind::NoArgs}, {"setswitchinterval", sys_setswitchinterval},
    {"is_finalizing", sys_is_finalizing, MethKind::NoArgs}, {"get_int_max_str_digits", sys_get_int_max_str_digits, MethKind::NoArgs},
    {"set_int_max_str_digits", sys_set_int_max_str_digits}, {"settrace", sys_settrace}, {"gettrace", sys_gettrace, MethKind::NoArgs},
    {"setprofile", sys_setprofile}, {"getprofile", sys_getprofile, MethKind::NoArgs}, {"get_asyncgen_hooks", sys_get_asyncgen_hooks, MethKind::NoArgs},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks}, {"displayhook", sys_displayhook},
    {"excepthook", sys_excepthook}, {"call_tracing", sys_call_tracing}, 
    {"getallocatedblocks", sys_getallocatedblocks, MethKind::NoArgs}, {"_clear_type_cache", sys_noop, MethKind::NoArgs},
    {"breakpointhook", sys_breakpointhook},
    {"set_coroutine_origin_tracking_depth", sys_set_coro_depth},
    {"get_coroutine_origin_tracking_depth", sys_get_coro_depth, MethKind::NoArgs}, {"getdlopenflags", sys_getdlopenflags, MethKind::NoArgs},
    {"setdlopenflags", sys_setdlopenflags}, {"_getquickenedcount", sys_getquickenedcount, MethKind::NoArgs},
    {"_debugmallocstats", sys_noop, MethKind::NoArgs}, {nullptr, nullptr}};

static const char* kStdlibModuleNames[] = {
#include "modules/sys_stdlib_names.inc"
};


namespace posix {
Result<Value> fs_decode(std::string_view b);  // posix.cpp
}
using posix::fs_decode;

// Command-line arguments decode as CPython's do on Linux: UTF-8 with
// surrogateescape (bytes that are not UTF-8 become U+DC80..U+DCFF).
static Value str_list(const std::vector<std::string>& v) {
  List* l = list_new(0);
  for (auto& s : v) {
    Result<Value> d = fs_decode(s);
    if (d.is_err()) exc_clear();
    (void)list_append(l, d.ok() ? d.value() : str_value(s));
  }
  return Value(l);
}

Result<Value> make_sys_module(const std::vector<std::string>& argv) {
  Module* m = module_new("sys");
  Dict* d = m->dict;
  auto set = [&](const char* k, Value v) { dict_set_str(d, str_intern(k), v); };
  for (const MethodDef* def = sys_functions; def->name; def++) {
    Builtin* b = builtin_new(def->name, def->fn, Value());
    if (def->kind == MethKind::NoArgs) b->arity = Arity::NoArgs;  // "sys.exc_info() takes no arguments"
    b->module_obj = Value(m);
    b->module = Value(str_intern("sys"));
    set(def->name, Value(b));
  }
  set("__displayhook__", dict_get_str(d, N.displayhook));
  set("__excepthook__", dict_get_str(d, N.excepthook));
  // The default unraisable hook lives with the reporting code (runtime/finalizers.cpp).
  set("unraisablehook", sys_unraisablehook_object());
  set("__unraisablehook__", sys_unraisablehook_object());
  set("__breakpointhook__", dict_get_str(d, str_intern("breakpointhook")));
  set("argv", str_list(argv.empty() ? std::vector<std::string>{""} : argv));
  set("orig_argv", str_list(g_interp.orig_argv));
  set("modules", Value(g_interp.modules));
  set("path", Value(list_new(0)));
  set("meta_path", Value(list_new(0)));
  set("path_hooks", Value(list_new(0)));
  set("path_importer_cache", Value(dict_new()));
  set("platform", Value(str_intern("linux")));
  // Build details CPython records: (implementation, git tag, git id); the
  // macOS framework name (empty elsewhere); the PYTHONHOME of the build.
  set("_git", Value(tuple_of({Value(str_intern("gilpy")), Value(str_intern("")), Value(str_intern(""))})));
  set("_framework", Value(str_intern("")));
  set("_home", None());
  set("byteorder", Value(str_intern("little")));
  set("maxsize", int_from_i64(INT64_MAX));
  set("maxunicode", Value::small(0x10FFFF));
  set("version", str_value(kSysVersion));
  set("hexversion", Value::small(0x030B02F0));
  set("api_version", Value::small(1013));
  set("copyright", str_value("Copyright (c) gilpy authors. Python compatibility: CPython 3.11."));
  set("float_repr_style", Value(str_intern("short")));
  set("abiflags", Value(str_intern("")));
  set("platlibdir", str_value(g_interp.platlibdir));
  set("executable", str_value(g_interp.executable));
  set("_base_executable", str_value(g_interp.base_executable));
  set("prefix", str_value(g_interp.prefix));
  set("exec_prefix", str_value(g_interp.exec_prefix));
  set("base_prefix", str_value(g_interp.base_prefix));
  set("base_exec_prefix", str_value(g_interp.exec_prefix));
  set("_stdlib_dir", str_value(g_interp.stdlib_dir));
  // CPython's: None unless -X pycache_prefix or PYTHONPYCACHEPREFIX. (The
  // caches of CPython's read-only library go under gilpy's install tree
  // whatever this says: runtime/import.cpp, cache_path_for.)
  set("pycache_prefix", g_interp.pycache_prefix.empty() ? None() : str_value(g_interp.pycache_prefix));
  {
    Set* names = set_new(tp_frozenset);
    for (const char* nm : kStdlibModuleNames) TRY(set_add(names, Value(str_intern(nm))));
    set("stdlib_module_names", Value(names));
  }
  set("dont_write_bytecode", Bool(g_interp.dont_write_bytecode));
  set("warnoptions", str_list(g_interp.warnoptions));
  Dict* xo = dict_new();
  for (auto& x : g_interp.xoptions) {
    size_t eq = x.find('=');
    if (eq == std::string::npos) dict_set_str(xo, str_intern(x), True());
    else dict_set_str(xo, str_intern(x.substr(0, eq)), str_value(x.substr(eq + 1)));
  }
  set("_xoptions", Value(xo));
  Type* vi = structseq_new_type("sys", "version_info", {"major", "minor", "micro", "releaselevel", "serial"});
  Value version_info = structseq_new(vi, {Value::small(3), Value::small(11), Value::small(2), Value(str_intern("final")), Value::small(0)});
  structseq_forbid_new(vi);
  set("version_info", version_info);
  set("implementation", namespace_new({{"name", Value(str_intern("gilpy"))},
                                       {"cache_tag", Value(str_intern("gilpy-01"))},
                                       {"version", version_info},
                                       {"hexversion", Value::small(0x030B02F0)},
                                       {"_multiarch", Value(str_intern("x86_64-linux-gnu"))}}));
  Type* flags_t = structseq_new_type("sys", "flags",
      {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
       "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
       "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"});
  {
    const Interp& I = g_interp;
    auto i = [](int64_t v) { return Value::small(v); };
    set("flags", structseq_new(flags_t, {i(I.debug), i(I.inspect), i(I.interactive), i(I.optimize),
                                         i(I.dont_write_bytecode), i(I.no_user_site), i(I.no_site),
                                         i(I.ignore_environment), i(I.verbose), i(I.bytes_warning), i(I.quiet),
                                         i(I.hash_randomization), i(I.isolated), Bool(I.dev_mode), i(I.utf8_mode > 0 ? 1 : 0),
                                         i(I.warn_default_encoding), Bool(I.safe_path), i(I.int_max_str_digits)}));
    structseq_forbid_new(flags_t);
    if (I.int_max_str_digits >= 0) g_int_max_str_digits = I.int_max_str_digits;
  }
  Type* fi_t = structseq_new_type("sys", "float_info",
      {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"});
  set("float_info", structseq_new(fi_t, {float_new(1.7976931348623157e308), Value::small(1024), Value::small(308),
                                         float_new(2.2250738585072014e-308), Value::small(-1021), Value::small(-307),
                                         Value::small(15), Value::small(53), float_new(2.220446049250313e-16),
                                         Value::small(2), Value::small(1)}));
  Type* ii_t = structseq_new_type("sys", "int_info",
      {"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"});
  set("int_info", structseq_new(ii_t, {Value::small(30), Value::small(4), Value::small(4300), Value::small(640)}));
  Type* hi_t = structseq_new_type("sys", "hash_info",
      {"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"});
  set("hash_info", structseq_new(hi_t, {Value::small(64), int_from_i64((int64_t(1) << 61) - 1), Value::small(314159),
                                        Value::small(0), Value::small(1000003), Value(str_intern("siphash13")),
                                        Value::small(64), Value::small(128), Value::small(0)}));
  Type* ti_t = structseq_new_type("sys", "thread_info", {"name", "lock", "version"});
  set("thread_info", structseq_new(ti_t, {Value(str_intern("pthread")), Value(str_intern("mutex+cond")), None()}));
  Value in = TRY(io_make_std_stream(0, false)), out = TRY(io_make_std_stream(1, true)),
        err = TRY(io_make_std_stream(2, true));
  // builtins.open is _io.open; set here because the streams need _io first anyway.
  if (g_interp.builtins) dict_set_str(g_interp.builtins->dict, str_intern("open"), io_open_function());
  set("stdin", in);
  set("stdout", out);
  set("stderr", err);
  set("__stdin__", in);
  set("__stdout__", out);
  set("__stderr__", err);
  std::vector<std::string> names = native_module_names();
  names.push_back("builtins");
  names.push_back("sys");
  Tuple* bn = tuple_new(int64_t(names.size()));
  for (size_t i = 0; i < names.size(); i++) bn->items[i] = str_value(names[i]);
  set("builtin_module_names", Value(bn));
  return Value(m);
}

}  // namespace gilpy
