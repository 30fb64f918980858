// _warnings: the native half of the warnings machinery (CPython's builtin
// _warnings). warnings.py imports filters, _defaultaction, _onceregistry, warn,
// warn_explicit and _filters_mutated from here; gilpy's own C++ warnings
// (runtime/errors.h warn() and warn_explicit()) come through the same code, so
// Python and native warnings share the filters and the registries.
//
// State is per interpreter, not per module object: a fresh import of _warnings
// (test.support.import_fresh_module) sees the same filters list. Once the
// warnings module is imported, its attributes win: filters, onceregistry and
// defaultaction are read from it on every warning (catch_warnings replaces
// warnings.filters with a copy), and showing goes through warnings._showwarnmsg
// so that showwarning() replacements and catch_warnings(record=True) apply.
// Without the warnings module (a warning from native code before anything
// imported it) the warning is written to sys.stderr here.
#include <string>

#include "objects/dict.h"
#include "objects/frame.h"
#include "objects/code.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

std::string source_line(const std::string& file, int lineno);         // runtime/traceback.cpp

// Static data is scanned by the collector, so these stay alive.
static Value g_filters;         // list of 5-tuples (action, message, category, module, lineno)
static Value g_once_registry;   // dict
static Value g_default_action;  // str
static int64_t g_filters_version = 0;

static Value entry(const char* action, Type* category, Value module) {
  return Value(tuple_of({Value(str_intern(action)), None(), Value(category), module, Value::small(0)}));
}

// CPython 3.11's filters for a release build; -X dev, -W, PYTHONWARNINGS and
// -b arrive through sys.warnoptions, which warnings.py applies at import.
static void ensure_state() {
  if (g_filters) return;
  Value items[5] = {
      entry("default", tp_DeprecationWarning, Value(str_intern("__main__"))),
      entry("ignore", tp_DeprecationWarning, None()),
      entry("ignore", tp_PendingDeprecationWarning, None()),
      entry("ignore", tp_ImportWarning, None()),
      entry("ignore", tp_ResourceWarning, None()),
  };
  g_filters = Value(list_from(items, 5));
  g_once_registry = Value(dict_new());
  g_default_action = Value(str_intern("default"));
}

static bool str_is(Value v, const char* s) { return is_str(v) && as_str(v)->view() == s; }

// An attribute of the warnings module, or null (no error) when the module or
// the attribute is missing. try_import imports the module first; an
// ImportError then just means "no Python implementation".
static Status warnings_attr(const char* name, bool try_import, Value* out) {
  *out = Value();
  Value mod;
  if (try_import) {
    Result<Value> r = import_module(str_intern("warnings"));
    if (r.is_err()) {
      if (exc_matches(tp_ImportError)) {
        exc_clear();
        return OK();
      }
      return ERR;
    }
    mod = r.value();
  } else {
    if (!g_interp.modules) return OK();
    mod = dict_get_str(g_interp.modules, str_intern("warnings"));
    if (!mod) return OK();
  }
  return getattr_opt(mod, str_intern(name), out);
}

static Result<List*> get_filters() {
  ensure_state();
  Value f;
  TRY(warnings_attr("filters", false, &f));
  if (f) g_filters = f;
  if (!is_list(g_filters)) return raise(tp_ValueError, "_warnings.filters must be a list");
  return as_list(g_filters);
}

static Result<Dict*> get_once_registry() {
  ensure_state();
  Value r;
  TRY(warnings_attr("onceregistry", false, &r));
  if (r) {
    if (!is_dict(r))
      return raise_fmt(tp_TypeError, "_warnings.onceregistry must be a dict, not '%.200s'", type_name(r));
    g_once_registry = r;
  }
  return as_dict(g_once_registry);
}

static Result<Value> get_default_action() {
  ensure_state();
  Value a;
  TRY(warnings_attr("defaultaction", false, &a));
  if (a) {
    if (!is_str(a))
      return raise_fmt(tp_TypeError, "_warnings.defaultaction must be a string, not '%.200s'", type_name(a));
    g_default_action = a;
  }
  return g_default_action;
}

// A filter's message or module field against the warning's text or module:
// None matches everything, an exact str compares equal, anything else is a
// compiled pattern whose match() decides.
static Result<bool> check_matched(Value pattern, Value arg) {
  if (is_none(pattern)) return true;
  if (pattern.type() == tp_str) {
    if (!is_str(arg)) return raise_fmt(tp_TypeError, "Can't compare %.100s and %.100s", type_name(pattern), type_name(arg));
    return str_eq(as_str(pattern), as_str(arg));
  }
  Value r = TRY(call_method1(pattern, str_intern("match"), arg));
  return TRY(truthy(r));
}

// The action of the first filter that matches, and that filter (None when the
// default action applies).
static Result<Value> get_filter(Value category, Value text, int64_t lineno, Value module, Value* item) {
  List* filters = TRY(get_filters());
  for (int64_t i = 0; i < filters->size; i++) {
    Value it = filters->items[i];
    if (!is_tuple(it) || as_tuple(it)->size != 5)
      return raise_fmt(tp_ValueError, "_warnings.filters item %lld isn't a 5-tuple", (long long)i);
    Tuple* t = as_tuple(it);
    Value action = t->items[0];
    if (!is_str(action)) return raise_fmt(tp_TypeError, "action must be a string, not '%.200s'", type_name(action));
    bool good_msg = TRY(check_matched(t->items[1], text));
    bool good_mod = TRY(check_matched(t->items[3], module));
    bool is_sub = TRY(issubclass_check(category, t->items[2]));
    int64_t ln = TRY(as_index(t->items[4]));
    if (good_msg && is_sub && good_mod && (ln == 0 || ln == lineno)) {
      *item = it;
      return action;
    }
  }
  Value action = TRY(get_default_action());
  *item = None();
  return action;
}

// Whether registry records `key` as already warned; should_set records it.
// A registry whose "version" is not the current filters version is stale and
// starts again empty.
static Result<bool> already_warned(Dict* registry, Value key, bool should_set) {
  Str* vkey = str_intern("version");
  Value version;
  TRY(dict_get2(registry, Value(vkey), &version));
  bool current = version && version.type() == tp_int && TRY(int_as_i64(version)) == g_filters_version;
  if (!current) {
    dict_clear(registry);
    TRY(dict_set(registry, Value(vkey), Value::small(g_filters_version)));
  }
  Value seen;
  TRY(dict_get2(registry, key, &seen));
  if (seen) return TRY(truthy(seen));
  if (should_set) TRY(dict_set(registry, key, True()));
  return false;
}

static Result<bool> update_registry(Dict* registry, Value text, Value category) {
  return already_warned(registry, Value(tuple_of({text, category})), true);
}

// The module name warn_explicit() uses when none is given: the file name
// without ".py", or "<unknown>" for an empty one.
static Value normalize_module(Str* filename) {
  std::string_view v = filename->view();
  if (v.empty()) return Value(str_intern("<unknown>"));
  if (v.size() >= 3 && v.substr(v.size() - 3) == ".py") return Value(str_new(v.substr(0, v.size() - 3)));
  return Value(filename);
}

static Status write_obj(Value file, Value obj) {
  Value s = Value(TRY(str(obj)));
  TRY(call_method1(file, str_intern("write"), s));
  return OK();
}

static Status write_text(Value file, std::string_view s) { return write_obj(file, Value(str_new(s))); }

static Status write_warning(Value file, Value filename, int64_t lineno, Value text, Value category, Value sourceline) {
  Value name = TRY(getattr(category, str_intern("__name__")));
  TRY(write_obj(file, filename));
  TRY(write_text(file, ":" + std::to_string(lineno) + ": "));
  TRY(write_obj(file, name));
  TRY(write_text(file, ": "));
  TRY(write_obj(file, text));
  TRY(write_text(file, "\n"));
  // With a source line from module_globals CPython 3.11's C code writes
  // nothing more; otherwise it shows the line from the file.
  if (sourceline) return OK();
  if (!is_str(filename)) return OK();
  std::string line = source_line(std::string(as_str(filename)->view()), int(lineno));
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) i++;
  if (i == line.size()) return OK();
  TRY(write_text(file, "  " + line.substr(i) + "\n"));
  return OK();
}

// The warnings module is not available: "file:line: Category: text" and the
// source line on sys.stderr. Errors while writing are dropped.
static void show_warning_native(Value filename, int64_t lineno, Value text, Value category, Value sourceline) {
  Value err = sys_get(str_intern("stderr"));
  if (!err) {
    std::fprintf(stderr, "lost sys.stderr\n");
    return;
  }
  if (write_warning(err, filename, lineno, text, category, sourceline).is_err()) exc_clear();
}

static Status call_show_warning(Value category, Value text, Value message, Value filename, int64_t lineno,
                                Value lineno_obj, Value sourceline, Value source) {
  // A source (even None, as warn() passes) asks for the Python implementation,
  // which can show where the source object was allocated.
  Value show;
  TRY(warnings_attr("_showwarnmsg", bool(source), &show));
  if (!show) {
    show_warning_native(filename, lineno, text, category, sourceline);
    return OK();
  }
  if (!is_callable(show)) return raise(tp_TypeError, "warnings._showwarnmsg() must be set to a callable");
  Value cls;
  TRY(warnings_attr("WarningMessage", false, &cls));
  if (!cls) return raise(tp_RuntimeError, "unable to get warnings.WarningMessage");
  Value args[7] = {message, category, filename, lineno_obj, None(), None(), source};
  Value msg = TRY(call(cls, args, source ? 7 : 6));
  TRY(call1(show, msg));
  return OK();
}

// The core of warn_explicit(). module: null when not given (derived from the
// file name); None (a warning late at shutdown) ignores the warning.
// registry: null, None or a dict. sourceline, source: null when not given.
static Status do_warn_explicit(Value category, Value message, Value filename, int64_t lineno, Value module,
                               Value registry, Value sourceline, Value source) {
  if (module && is_none(module)) return OK();
  if (registry && !is_none(registry) && !is_dict(registry))
    return raise(tp_TypeError, "'registry' must be a dict or None");
  Dict* reg = registry && is_dict(registry) ? as_dict(registry) : nullptr;
  if (!module) module = normalize_module(as_str(filename));

  Value text;
  if (TRY(isinstance_check(message, Value(tp_Warning)))) {
    text = Value(TRY(str(message)));
    category = Value(message.type());
  } else {
    text = message;
    message = TRY(call1(category, message));
  }
  Value lineno_obj = Value::small(lineno);
  Value key = Value(tuple_of({text, category, lineno_obj}));
  if (reg && TRY(already_warned(reg, key, false))) return OK();

  Value item;
  Value action = TRY(get_filter(category, text, lineno, module, &item));
  if (str_is(action, "error")) {
    if (is_type(category) && isinstance(message, as_type(category))) return raise_value(message);
    if (is_type(category)) return raise_with_args(as_type(category), &message, 1);
    return raise_value(message);
  }
  if (str_is(action, "ignore")) return OK();

  bool seen = false;
  if (!str_is(action, "always")) {
    if (reg) TRY(dict_set(reg, key, True()));
    if (str_is(action, "once")) {
      Dict* once = reg ? reg : TRY(get_once_registry());
      seen = TRY(update_registry(once, text, category));
    } else if (str_is(action, "module")) {
      if (reg) seen = TRY(update_registry(reg, text, category));
    } else if (!str_is(action, "default")) {
      Str* ar = TRY(repr(action));
      Str* ir = TRY(repr(item));
      return raise_fmt(tp_RuntimeError, "Unrecognized action (%s) in warnings.filters:\n %s", ar->data, ir->data);
    }
  }
  if (seen) return OK();
  return call_show_warning(category, text, message, filename, lineno, lineno_obj, sourceline, source);
}

// importlib's bootstrap frames do not count towards stacklevel.
static bool is_internal_frame(Frame* f) {
  if (!f) return false;
  std::string_view fn = f->code->filename->view();
  return fn.find("importlib") != std::string_view::npos && fn.find("_bootstrap") != std::string_view::npos;
}

static Frame* next_external_frame(Frame* f) {
  do {
    f = f->back;
  } while (f && is_internal_frame(f));
  return f;
}

// Where the warning is attributed: the file, line, module name and
// __warningregistry__ of the frame `stacklevel` levels up (1: the caller).
static Status setup_context(int64_t stacklevel, Value* filename, int64_t* lineno, Value* module, Value* registry) {
  Frame* f = t_ts->frame;
  if (stacklevel <= 0 || is_internal_frame(f)) {
    while (--stacklevel > 0 && f) f = f->back;
  } else {
    while (--stacklevel > 0 && f) f = next_external_frame(f);
  }
  Dict* globals;
  if (!f) {
    globals = g_interp.sys->dict;
    *filename = Value(str_intern("sys"));
    *lineno = 1;
  } else {
    globals = f->globals;
    *filename = Value(f->code->filename);
    *lineno = frame_lineno(f);
  }
  Str* regname = str_intern("__warningregistry__");
  Value reg;
  TRY(dict_get2(globals, Value(regname), &reg));
  if (!reg) {
    reg = Value(dict_new());
    TRY(dict_set(globals, Value(regname), reg));
  }
  *registry = reg;
  Value name;
  TRY(dict_get2(globals, Value(str_intern("__name__")), &name));
  *module = name && (is_none(name) || is_str(name)) ? name : Value(str_intern("<string>"));
  return OK();
}

static Status do_warn(Value message, Value category, int64_t stacklevel, Value source) {
  Value filename, module, registry;
  int64_t lineno;
  TRY(setup_context(stacklevel, &filename, &lineno, &module, &registry));
  return do_warn_explicit(category, message, filename, lineno, module, registry, Value(), source);
}

// A Warning instance gives its own class; otherwise category (None: UserWarning)
// must be a Warning subclass.
static Result<Value> get_category(Value message, Value category) {
  if (TRY(isinstance_check(message, Value(tp_Warning)))) {
    category = Value(message.type());
  } else if (!category || is_none(category)) {
    category = Value(tp_UserWarning);
  }
  Result<bool> sub = issubclass_check(category, Value(tp_Warning));
  if (sub.is_err() || !sub.value()) {
    if (sub.is_err()) exc_clear();
    return raise_fmt(tp_TypeError, "category must be a Warning subclass, not '%s'", type_name(category));
  }
  return category;
}

static Result<Value> w_warn(Value* args, int64_t nargs, Tuple* kw) {
  Value a[4];
  TRY(parse_args("warn", args, nargs, kw, {"message", "category", "stacklevel", "source"}, 1, a));
  Value category = TRY(get_category(a[0], a[1]));
  int64_t stacklevel = a[2] ? TRY(as_index(a[2])) : 1;
  TRY(do_warn(a[0], category, stacklevel, a[3] ? a[3] : None()));
  return None();
}

// module_globals' loader gives the source line, None when there is none
// (CPython 3.11 splits the source with str's own splitlines, whatever the
// object's class says).
static Result<Value> get_source_line(Dict* globals, int64_t lineno) {
  Value loader, name, get_source;
  TRY(dict_get2(globals, Value(str_intern("__loader__")), &loader));
  if (!loader) return None();
  TRY(dict_get2(globals, Value(str_intern("__name__")), &name));
  if (!name) return None();
  TRY(getattr_opt(loader, str_intern("get_source"), &get_source));
  if (!get_source) return None();
  Value source = TRY(call1(get_source, name));
  if (is_none(source)) return None();
  if (!is_str(source)) return raise(tp_TypeError, "bad argument type for built-in operation");
  Value splitlines = type_lookup(tp_str, str_intern("splitlines"));
  Value lines = TRY(call(splitlines, &source, 1));
  List* l = as_list(lines);
  if (lineno - 1 < 0 || lineno - 1 >= l->size) return raise(tp_IndexError, "list index out of range");
  return l->items[lineno - 1];
}

static Result<Value> w_warn_explicit(Value* args, int64_t nargs, Tuple* kw) {
  Value a[8];
  TRY(parse_args("warn_explicit", args, nargs, kw,
                 {"message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"}, 4,
                 a, 0, 7));
  if (!is_str(a[2])) {
    if (nargs >= 3)
      return raise_fmt(tp_TypeError, "warn_explicit() argument 3 must be str, not %s", type_name(a[2]));
    return raise_fmt(tp_TypeError, "warn_explicit() argument 'filename' must be str, not %s", type_name(a[2]));
  }
  int lineno = TRY(as_c_int(a[3]));
  Value sourceline;
  if (a[6] && !is_none(a[6])) {
    if (!is_dict(a[6]))
      return raise_fmt(tp_TypeError, "module_globals must be a dict, not '%.200s'", type_name(a[6]));
    sourceline = TRY(get_source_line(as_dict(a[6]), lineno));
    if (is_none(sourceline)) sourceline = Value();
  }
  TRY(do_warn_explicit(a[1], a[0], a[2], lineno, a[4], a[5] ? a[5] : None(), sourceline, a[7] ? a[7] : None()));
  return None();
}

static Result<Value> w_filters_mutated(Value*, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("_filters_mutated", kw));
  TRY(check_nargs("_filters_mutated", nargs, 0, 0));
  g_filters_version++;
  return None();
}

// ---- the C++ interface (runtime/errors.h) ---------------------------------------------------

// CPython's PyErr_WarnEx: the frame stacklevel levels up, no source.
Status warnings_warn_native(Type* category, std::string_view msg, int stacklevel) {
  ensure_state();
  return do_warn(Value(str_new(msg)), Value(category), stacklevel, Value());
}

// CPython's PyErr_WarnExplicitObject with no module and no registry.
Status warnings_warn_explicit_native(Type* category, std::string_view msg, Str* filename, int lineno) {
  ensure_state();
  return do_warn_explicit(Value(category), Value(str_new(msg)), Value(filename), lineno, Value(), Value(), Value(),
                          Value());
}

static const MethodDef functions[] = {
    {"warn", w_warn, MethKind::Method,
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", w_warn_explicit, MethKind::Method, "Low-level interface to warnings functionality."},
    {"_filters_mutated", w_filters_mutated, MethKind::Method, nullptr},
    {nullptr, nullptr},
};

static Result<Value> warnings_init() {
  ensure_state();
  Module* m = native_module_new("_warnings", functions,
                                "_warnings provides basic warning filtering support.\n"
                                "It is a helper module to speed up interpreter start-up.");
  dict_set_str(m->dict, str_intern("filters"), g_filters);
  dict_set_str(m->dict, str_intern("_onceregistry"), g_once_registry);
  dict_set_str(m->dict, str_intern("_defaultaction"), g_default_action);
  return Value(m);
}
GILPY_NATIVE_MODULE("_warnings", warnings_init);

}  // namespace gilpy
