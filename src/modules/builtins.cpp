// The builtins module: the builtin functions (print, len, sorted, ...) and
// the builtin names (types, exceptions, constants).
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

#include "bytecode/opcodes.h"
#include "compiler/compile.h"
#include "objects/bytes.h"
#include "objects/code.h"
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
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/line_reader.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "modules/posix_impl.h"
#include "vm/call.h"

namespace gilpy {

using namespace bytecode;

Value callable_iter_new(Value fn, Value sentinel);
void frame_init_cells(Frame* fr, Function* fn);

static Frame* caller_frame() { return t_ts->frame; }

Value caller_module_name() {
  Frame* f = caller_frame();
  if (!f) return Value();
  return dict_get_str(f->globals, N.__name__);
}

// ---- class creation --------------------------------------------------------------------------
static Result<Value> b_build_class(Value* a, int64_t n, Tuple* kw) {
  if (n < 2) return raise(tp_TypeError, "__build_class__: not enough arguments");
  if (a[0].type() != tp_function) return raise(tp_TypeError, "__build_class__: func must be a function");
  if (!is_str(a[1])) return raise(tp_TypeError, "__build_class__: name is not a string");
  Function* body = a[0].as<Function>();
  Str* name = as_str(a[1]);
  Tuple* orig_bases = tuple_from(a + 2, n - 2);
  // PEP 560: non-class bases may substitute themselves via __mro_entries__.
  gc::Vector<Value> bases_v;
  bool changed = false;
  for (int64_t i = 0; i < orig_bases->size; i++) {
    Value b = orig_bases->items[i];
    if (!is_type(b)) {
      Value me;
      TRY(getattr_opt(b, N.__mro_entries__, &me));
      if (me) {
        Value r = TRY(call1(me, Value(orig_bases)));
        if (!is_tuple(r)) return raise(tp_TypeError, "__mro_entries__ must return a tuple");
        for (int64_t j = 0; j < as_tuple(r)->size; j++) bases_v.push_back(as_tuple(r)->items[j]);
        changed = true;
        continue;
      }
    }
    bases_v.push_back(b);
  }
  Tuple* bases = changed ? tuple_from(bases_v.data(), int64_t(bases_v.size())) : orig_bases;
  Value meta;
  Dict* kwds = dict_new();
  if (kw) {
    for (int64_t i = 0; i < kw->size; i++) {
      if (std::strcmp(as_str(kw->items[i])->data, "metaclass") == 0) meta = a[n + i];
      else TRY(dict_set(kwds, kw->items[i], a[n + i]));
    }
  }
  bool is_class = false;
  if (!meta) {
    meta = bases->size ? Value(bases->items[0].type()) : Value(tp_type);
    is_class = true;
  } else {
    is_class = is_type(meta);
  }
  if (is_class) meta = Value(TRY(calculate_metaclass(as_type(meta), bases)));
  Value ns;
  Value prep;
  TRY(getattr_opt(meta, N.__prepare__, &prep));
  if (prep) {
    Value pargs[2] = {Value(name), Value(bases)};
    ns = TRY(call_ex(prep, tuple_from(pargs, 2), kwds));
    Value gi;
    if (!is_dict(ns)) {
      TRY(getattr_opt(ns, N.__getitem__, &gi));
      if (!gi)
        return raise_fmt(tp_TypeError, "%s.__prepare__() must return a mapping, not %s",
                         is_type(meta) ? as_type(meta)->name->data : "<metaclass>", type_name(ns));
    }
  } else {
    ns = Value(dict_new());
  }
  // Run the class body with the namespace as its locals.
  Frame* fr = frame_new(body->code, body->globals, ns, nullptr);
  fr->builtins = body->builtins;
  if (body->code->ncells || body->code->nfrees) frame_init_cells(fr, body);
  Value cell = TRY(eval_frame(fr));
  if (changed) TRY(setitem(ns, Value(N.__orig_bases__), Value(orig_bases)));
  Value margs[3] = {Value(name), Value(bases), ns};
  Value cls = TRY(call_ex(meta, tuple_from(margs, 3), kwds));
  if (is_type(cls) && cell.type() == tp_cell) {
    Value inner = cell.as<Cell>()->ref;
    if (inner != cls) {
      if (!inner)
        return raise_fmt(tp_RuntimeError,
                         "__class__ not set defining '%s' as %s. Was __classcell__ propagated to type.__new__?",
                         name->data, as_type(cls)->name->data);
      return raise_fmt(tp_TypeError, "__class__ set to %s defining '%s' as %s", TRY(repr(inner))->data, name->data,
                       TRY(repr(cls))->data);
    }
  }
  return cls;
}

static Result<Value> b_import(Value* a, int64_t n, Tuple* kw) {
  Value out[5];
  TRY(parse_args("__import__", a, n, kw, {"name", "globals", "locals", "fromlist", "level"}, 1, out));
  if (!is_str(out[0])) return raise_fmt(tp_TypeError, "__import__() argument 1 must be str, not %s", type_name(out[0]));
  Dict* globals = out[1] && is_dict(out[1]) ? as_dict(out[1]) : nullptr;
  int64_t level = out[4] ? TRY(as_ssize(out[4])) : 0;
  if (level < 0) return raise(tp_ValueError, "level must be >= 0");
  return import_module_level(as_str(out[0]), globals, out[3] ? out[3] : None(), level);
}

// ---- output and input -------------------------------------------------------------------------
static Result<Value> b_print(Value* a, int64_t n, Tuple* kw) {
  Value sep, end, file, flush;
  if (kw) {
    for (int64_t i = 0; i < kw->size; i++) {
      std::string_view k = as_str(kw->items[i])->view();
      Value v = a[n + i];
      if (k == "sep") sep = v;
      else if (k == "end") end = v;
      else if (k == "file") file = v;
      else if (k == "flush") flush = v;
      else return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for print()", as_str(kw->items[i])->data);
    }
  }
  if (sep && !is_none(sep) && !is_str(sep))
    return raise_fmt(tp_TypeError, "sep must be None or a string, not %s", type_name(sep));
  if (end && !is_none(end) && !is_str(end))
    return raise_fmt(tp_TypeError, "end must be None or a string, not %s", type_name(end));
  if (!file || is_none(file)) {
    file = sys_get(N.stdout);
    if (!file || is_none(file)) return None();
  }
  Value write = TRY(getattr(file, N.write));
  for (int64_t i = 0; i < n; i++) {
    if (i) TRY(call1(write, sep && !is_none(sep) ? sep : Value(str_intern(" "))));
    Str* s = TRY(str(a[i]));
    TRY(call1(write, Value(s)));
  }
  TRY(call1(write, end && !is_none(end) ? end : Value(str_intern("\n"))));
  if (flush && TRY(truthy(flush))) TRY(call_method0(file, N.flush));
  return None();
}

// The file descriptor behind sys.stdin / sys.stdout when it is a terminal, else -1.
static int std_stream_fd(Value f) {
  Result<Value> r = call_method0(f, str_intern("fileno"));
  if (r.is_err()) {
    exc_clear();
    return -1;
  }
  if (!is_int(r.value())) return -1;
  Result<int> fd = as_c_int(r.value());
  if (fd.is_err()) {
    exc_clear();
    return -1;
  }
  return isatty(fd.value()) ? fd.value() : -1;
}

static Result<Value> b_input(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("input", kw));
  TRY(check_nargs("input", n, 0, 1));
  Value out = sys_get(N.stdout);
  Value in = sys_get(N.stdin);
  Value err = sys_get(N.stderr);
  if (!in || is_none(in)) return raise(tp_RuntimeError, "input(): lost sys.stdin");
  if (!out || is_none(out)) return raise(tp_RuntimeError, "input(): lost sys.stdout");
  if (!err || is_none(err)) return raise(tp_RuntimeError, "input(): lost sys.stderr");
  // As CPython's builtin_input: stderr and stdout are flushed, and a stream
  // that cannot flush (no flush method, or it raises) is not an error.
  if (call_method0(err, N.flush).is_err()) exc_clear();
  // On a terminal, once the readline module is imported, the line is read
  // with line editing (CPython's PyOS_Readline): only when sys.stdin and
  // sys.stdout are still the process's stdin and stdout.
  if (line_reader_usable() && std_stream_fd(in) == 0 && std_stream_fd(out) == 1) {
    std::string prompt;
    if (n == 1) {
      Str* p = TRY(str(a[0]));
      prompt = std::string(p->view());
      if (prompt.find('\0') != std::string::npos) return raise(tp_ValueError, "input: prompt string cannot contain null characters");
    }
    if (call_method0(out, N.flush).is_err()) exc_clear();
    std::string got;
    if (!TRY(g_line_reader(prompt.c_str(), &got))) return raise_value(Value(tp_EOFError));  // no message, as CPython
    return codec_decode(got, "utf-8", "surrogateescape");
  }
  if (n == 1) {
    Str* p = TRY(str(a[0]));
    TRY(call_method1(out, N.write, Value(p)));
  }
  if (call_method0(out, N.flush).is_err()) exc_clear();
  Value line = TRY(call_method0(in, N.readline));
  if (!is_str(line)) return raise(tp_TypeError, "object.readline() returned non-string");
  Str* s = as_str(line);
  if (s->nbytes == 0) return raise(tp_EOFError, "EOF when reading a line");
  if (s->data[s->nbytes - 1] == '\n') return Value(str_substr(s, 0, s->length - 1));
  return line;
}

// ---- attribute access --------------------------------------------------------------------------
static Result<Value> b_getattr(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getattr", kw));
  TRY(check_nargs("getattr", n, 2, 3));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  Str* name = str_intern(as_str(a[1]));
  if (n == 2) return getattr(a[0], name);
  Value v;
  TRY(getattr_opt(a[0], name, &v));
  return v ? v : a[2];
}
static Result<Value> b_setattr(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("setattr", kw));
  TRY(check_nargs("setattr", n, 3, 3));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  TRY(setattr(a[0], str_intern(as_str(a[1])), a[2]));
  return None();
}
static Result<Value> b_delattr(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("delattr", kw));
  TRY(check_nargs("delattr", n, 2, 2));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  TRY(delattr(a[0], str_intern(as_str(a[1]))));
  return None();
}
static Result<Value> b_hasattr(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("hasattr", kw));
  TRY(check_nargs("hasattr", n, 2, 2));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(a[1]));
  Value v;
  TRY(getattr_opt(a[0], str_intern(as_str(a[1])), &v));
  return Bool(bool(v));
}

// ---- introspection ------------------------------------------------------------------------------
static Result<Value> b_globals(Value*, int64_t n, Tuple*) {
  Frame* f = caller_frame();
  if (!f) return raise(tp_SystemError, "globals(): no current frame");
  return Value(f->globals);
}
static Result<Value> b_locals(Value*, int64_t, Tuple*) {
  Frame* f = caller_frame();
  if (!f) return raise(tp_SystemError, "locals(): no current frame");
  if (f->locals) return f->locals;
  Dict* d = TRY(frame_locals(f));
  return Value(d);
}
static Result<Value> b_vars(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("vars", n, 0, 1));
  if (n == 0) return b_locals(a, 0, kw);
  Value d;
  TRY(getattr_opt(a[0], N.__dict__, &d));
  if (!d) return raise(tp_TypeError, "vars() argument must have __dict__ attribute");
  return d;
}
static Result<Value> b_dir(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("dir", n, 0, 1));
  List* l;
  if (n == 0) {
    Value loc = TRY(b_locals(a, 0, kw));
    l = TRY(to_list(TRY(call_method0(loc, N.keys))));
  } else {
    Value m;
    TRY(lookup_special_r(a[0], N.__dir__, &m));
    if (!m) return raise(tp_TypeError, "object does not provide __dir__");
    l = TRY(to_list(TRY(call0(m))));
  }
  TRY(list_sort(l, Value(), false));
  return Value(l);
}
static Result<Value> b_id(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("id", n, 1, 1));
  return int_from_u64(uint64_t(a[0].bits()));
}
static Result<Value> b_hash(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("hash", n, 1, 1));
  return int_from_i64(TRY(hash(a[0])));
}
static Result<Value> b_len(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("len", n, 1, 1));
  return int_from_i64(TRY(len(a[0])));
}
static Result<Value> b_repr(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("repr", n, 1, 1));
  return Value(TRY(repr(a[0])));
}
static Result<Value> b_ascii(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("ascii", n, 1, 1));
  return Value(TRY(ascii(a[0])));
}
static Result<Value> b_format(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("format", n, 1, 2));
  if (n == 2 && !is_str(a[1])) return raise_fmt(tp_TypeError, "format() argument 2 must be str, not %s", type_name(a[1]));
  return format(a[0], n == 2 ? as_str(a[1]) : str_empty());
}
static Result<Value> b_callable(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("callable", n, 1, 1));
  return Bool(is_callable(a[0]));
}
static Result<Value> b_isinstance(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("isinstance", kw));
  TRY(check_nargs("isinstance", n, 2, 2));
  return Bool(TRY(isinstance_check(a[0], a[1])));
}
static Result<Value> b_issubclass(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("issubclass", kw));
  TRY(check_nargs("issubclass", n, 2, 2));
  return Bool(TRY(issubclass_check(a[0], a[1])));
}

// ---- iteration ----------------------------------------------------------------------------------
static Result<Value> b_iter(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("iter", kw));
  TRY(check_nargs("iter", n, 1, 2));
  if (n == 1) return get_iter(a[0]);
  if (!is_callable(a[0])) return raise(tp_TypeError, "iter(v, w): v must be callable");
  return callable_iter_new(a[0], a[1]);
}
static Result<Value> b_next(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("next", kw));
  TRY(check_nargs("next", n, 1, 2));
  Type* t = a[0].type();
  if (!t->iternext && !type_lookup(t, N.__next__))
    return raise_fmt(tp_TypeError, "'%s' object is not an iterator", type_name_of(t));
  if (t == tp_generator) {
    // next() must report a generator's return value in StopIteration.
    extern Result<Value> gen_send_public(Value g, Value v);
    Result<Value> r = gen_send_public(a[0], None());
    if (r.is_err() && n == 2 && exc_matches(tp_StopIteration)) {
      exc_clear();
      return a[1];
    }
    return r;
  }
  if (t->iternext) {
    Value out;
    TRY(t->iternext(a[0], &out));
    if (out) return out;
    if (n == 2) return a[1];
    return raise_stop_iteration(Value());
  }
  Result<Value> r = call_method0(a[0], N.__next__);
  if (r.is_err() && n == 2 && exc_matches(tp_StopIteration)) {
    exc_clear();
    return a[1];
  }
  return r;
}
static Result<Value> b_aiter(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("aiter", n, 1, 1));
  Value m = type_lookup(a[0].type(), N.__aiter__);
  if (!m) return raise_fmt(tp_TypeError, "'%s' object is not an async iterable", type_name(a[0]));
  return call_method0(a[0], N.__aiter__);
}
static Result<Value> b_anext(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("anext", n, 1, 2));
  Value m = type_lookup(a[0].type(), N.__anext__);
  if (!m) return raise_fmt(tp_TypeError, "'%s' object is not an async iterator", type_name(a[0]));
  Value aw = TRY(call_method0(a[0], N.__anext__));
  if (n == 1) return aw;
  extern Result<Value> anext_awaitable_new(Value awaitable, Value dflt);  // objects/anext_awaitable.cpp
  return anext_awaitable_new(aw, a[1]);
}
static Result<Value> b_all(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("all", n, 1, 1));
  Value it = TRY(get_iter(a[0]));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) return True();
    if (!TRY(truthy(x))) return False();
  }
}
static Result<Value> b_any(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("any", n, 1, 1));
  Value it = TRY(get_iter(a[0]));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) return False();
    if (TRY(truthy(x))) return True();
  }
}
static Result<Value> b_sum(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("sum", a, n, kw, {"iterable", "start"}, 1, out, 1));
  Value acc = out[1] ? out[1] : Value::small(0);
  if (is_str(acc)) return raise(tp_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (has_layout(acc, Layout::Bytes)) return raise(tp_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (has_layout(acc, Layout::ByteArray)) return raise(tp_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  Value it = TRY(get_iter(out[0]));
  // Float sums use compensated (Neumaier) summation, as CPython 3.12 does not
  // but 3.11 does not either: plain left-to-right addition keeps 3.11's results.
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) return acc;
    acc = TRY(binary_op(acc, x, NB_ADD));
  }
}
static Result<Value> minmax(Value* a, int64_t n, Tuple* kw, int op, const char* name) {
  Value key, dflt;
  if (kw) {
    for (int64_t i = 0; i < kw->size; i++) {
      std::string_view k = as_str(kw->items[i])->view();
      if (k == "key") key = a[n + i];
      else if (k == "default") dflt = a[n + i];
      else return raise_fmt(tp_TypeError, "%s() got an unexpected keyword argument '%s'", name, as_str(kw->items[i])->data);
    }
  }
  if (n == 0) return raise_fmt(tp_TypeError, "%s expected at least 1 argument, got 0", name);
  Value it;
  if (n == 1) {
    it = TRY(get_iter(a[0]));
  } else {
    if (dflt) return raise_fmt(tp_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
    it = TRY(get_iter(Value(tuple_from(a, n))));
  }
  if (key && is_none(key)) key = Value();
  Value best, best_key;
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    Value k = key ? TRY(call1(key, x)) : x;
    if (!best) {
      best = x;
      best_key = k;
    } else if (TRY(richcompare_bool(k, best_key, op))) {
      best = x;
      best_key = k;
    }
  }
  if (!best) {
    if (dflt) return dflt;
    return raise_fmt(tp_ValueError, "%s() arg is an empty sequence", name);
  }
  return best;
}
static Result<Value> b_min(Value* a, int64_t n, Tuple* kw) { return minmax(a, n, kw, CMP_LT, "min"); }
static Result<Value> b_max(Value* a, int64_t n, Tuple* kw) { return minmax(a, n, kw, CMP_GT, "max"); }
static Result<Value> b_sorted(Value* a, int64_t n, Tuple* kw) {
  if (n != 1) return raise_fmt(tp_TypeError, "sorted expected 1 argument, got %lld", (long long)n);
  Value out[2];
  TRY(parse_args("sort", a + 1, 0, kw, {"key", "reverse"}, 0, out, 0, 0));
  List* l = TRY(list_from_iterable(a[0]));
  bool rev = out[1] ? TRY(truthy(out[1])) : false;
  TRY(list_sort(l, out[0] ? out[0] : None(), rev));
  return Value(l);
}

// ---- numbers -------------------------------------------------------------------------------------
static Result<Value> b_abs(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("abs", n, 1, 1));
  return abs_value(a[0]);
}
static Result<Value> b_divmod(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("divmod", n, 2, 2));
  Value x = a[0], y = a[1];
  Value m = type_lookup(x.type(), N.__divmod__);
  Value rm = x.type() != y.type() ? type_lookup(y.type(), N.__rdivmod__) : Value();
  if (m) {
    Value r = TRY(call_method1(x, N.__divmod__, y));
    if (r != Value(g_NotImplemented)) return r;
  }
  if (rm) {
    Value r = TRY(call_method1(y, N.__rdivmod__, x));
    if (r != Value(g_NotImplemented)) return r;
  }
  return raise_fmt(tp_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_name(x), type_name(y));
}
static Result<Value> b_pow(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(parse_args("pow", a, n, kw, {"base", "exp", "mod"}, 2, out));
  if (!out[2] || is_none(out[2])) return binary_op(out[0], out[1], NB_POWER);
  // Ternary pow, as CPython's ternary slot dispatch: the base's __pow__;
  // then the power slot of the exponent's type and of the modulus's type
  // when they differ. Three-argument pow never calls __rpow__; of the
  // builtin number types met there, int declines (NotImplemented unless all
  // three are ints, the base's case), float refuses any modulus and complex
  // any modular power.
  Value m = type_lookup(out[0].type(), N.__pow__);
  if (m) {
    Value args[2] = {out[1], out[2]};
    Value r = TRY(call_method(out[0], N.__pow__, args, 2));
    if (r != Value(g_NotImplemented)) return r;
  }
  auto builtin_slot = [&](Value x) -> Status {
    if (is_float(x)) return raise(tp_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    if (isinstance(x, tp_complex)) return raise(tp_ValueError, "complex modulo");
    return OK();
  };
  Type* tv = out[0].type();
  Type* tw = out[1].type();
  Type* tz = out[2].type();
  if (tw != tv) TRY(builtin_slot(out[1]));
  if (tz != tv && tz != tw) TRY(builtin_slot(out[2]));
  return raise_fmt(tp_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", type_name(out[0]),
                   type_name(out[1]), type_name(out[2]));
}
static Result<Value> b_round(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("round", a, n, kw, {"number", "ndigits"}, 1, out));
  Value m;
  TRY(lookup_special_r(out[0], N.__round__, &m));
  if (!m) return raise_fmt(tp_TypeError, "type %s doesn't define __round__ method", type_name(out[0]));
  if (!out[1] || is_none(out[1])) return call0(m);
  return call1(m, out[1]);
}
static Result<Value> int_text(Value v, int base, const char* prefix) {
  Value iv = TRY(index_value(v));
  std::string s = int_to_string(iv, base);
  if (!s.empty() && s[0] == '-') return Value(str_new("-" + std::string(prefix) + s.substr(1)));
  return Value(str_new(prefix + s));
}
static Result<Value> b_bin(Value* a, int64_t n, Tuple*) { TRY(check_nargs("bin", n, 1, 1)); return int_text(a[0], 2, "0b"); }
static Result<Value> b_oct(Value* a, int64_t n, Tuple*) { TRY(check_nargs("oct", n, 1, 1)); return int_text(a[0], 8, "0o"); }
static Result<Value> b_hex(Value* a, int64_t n, Tuple*) { TRY(check_nargs("hex", n, 1, 1)); return int_text(a[0], 16, "0x"); }
static Result<Value> b_chr(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("chr", n, 1, 1));
  if (is_float(a[0])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
  Value iv = TRY(index_value(a[0]));
  int64_t c;
  if (!int_fits_i64(iv, &c)) return raise(tp_OverflowError, "Python int too large to convert to C int");
  if (c < 0 || c > 0x10FFFF) return raise(tp_ValueError, "chr() arg not in range(0x110000)");
  return Value(str_from_cp(uint32_t(c)));
}
static Result<Value> b_ord(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("ord", n, 1, 1));
  if (is_str(a[0])) {
    Str* s = as_str(a[0]);
    if (s->length != 1)
      return raise_fmt(tp_TypeError, "ord() expected a character, but string of length %lld found", (long long)s->length);
    return Value::small(str_char_at(s, 0));
  }
  if (has_layout(a[0], Layout::Bytes) || has_layout(a[0], Layout::ByteArray)) {
    std::string_view b = TRY(buffer_view(a[0]));
    if (b.size() != 1)
      return raise_fmt(tp_TypeError, "ord() expected a character, but string of length %zu found", b.size());
    return Value::small(static_cast<unsigned char>(b[0]));
  }
  return raise_fmt(tp_TypeError, "ord() expected string of length 1, but %s found", type_name(a[0]));
}

// ---- code execution -------------------------------------------------------------------------------
// The future features of the calling code, which compile(), exec() and eval()
// of source text inherit (CPython's PyEval_MergeCompilerFlags).
static uint32_t inherited_future_flags() {
  Frame* f = caller_frame();
  return f && f->code ? f->code->flags & bytecode::CO_FUTURE_MASK : 0;
}
// The text of compile()/exec()/eval()'s source argument: a str (UTF-8, its
// coding cookie ignored: *is_str set) or any bytes-like object (decoded by its
// cookie). Null bytes are refused up front with CPython 3.11.2's ValueError.
// (Also _symtable.symtable's.)
Result<std::string> source_text(Value src, const char* fname, const char* what, bool* is_str_src) {
  std::string text;
  std::string_view b;
  if (is_str(src)) {
    text.assign(as_str(src)->view());
    *is_str_src = true;
  } else if (buffer_view_opt(src, &b)) {
    text.assign(b);
    *is_str_src = false;
  } else {
    return raise_fmt(tp_TypeError, "%s() arg 1 must be a string, bytes or %s object", fname, what);
  }
  if (text.find('\0') != std::string::npos) return raise(tp_ValueError, "source code string cannot contain null bytes");
  return text;
}
static bool is_source(Value v) {
  std::string_view b;
  return is_str(v) || buffer_view_opt(v, &b);
}
// compile()'s filename, converted as CPython's PyUnicode_FSDecoder does: str,
// bytes, an os.PathLike, or (deprecated) another bytes-like object. (Also
// _symtable.symtable's.)
Result<Str*> compile_filename(Value v) {
  if (is_str(v)) return as_str(v);
  std::string_view b;
  if (!has_layout(v, Layout::Bytes) && buffer_view_opt(v, &b)) {
    std::string copy(b);  // the warning may run code that changes the buffer
    TRY(warn(tp_DeprecationWarning,
             std::string("path should be string, bytes, or os.PathLike, not ") + type_name(v)));
    return as_str(TRY(posix::fs_decode(copy)));
  }
  Value p = v;
  if (!has_layout(v, Layout::Bytes)) p = TRY(posix::fspath(v));
  if (is_str(p)) return as_str(p);
  return as_str(TRY(posix::fs_decode(TRY(buffer_view(p)))));
}
static Result<Value> b_compile(Value* a, int64_t n, Tuple* kw) {
  Value out[7];  // _feature_version: ast.parse's feature_version minor, for an AST only (as CPython)
  TRY(parse_args("compile", a, n, kw,
                 {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"}, 3, out));
  Str* filename = TRY(compile_filename(out[1]));
  if (!is_str(out[2])) return raise(tp_TypeError, "compile() mode must be str");
  std::string_view mode = as_str(out[2])->view();
  parser::Mode m;
  if (mode == "exec") m = parser::Mode::Exec;
  else if (mode == "eval") m = parser::Mode::Eval;
  else if (mode == "single") m = parser::Mode::Single;
  else if (mode == "func_type") m = parser::Mode::FuncType;
  else return raise(tp_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  int64_t flags = out[3] ? TRY(as_ssize(out[3])) : 0;
  constexpr int64_t kKnown = bytecode::CO_FUTURE_MASK | bytecode::CO_NESTED | bytecode::PyCF_ONLY_AST |
                             bytecode::PyCF_ALLOW_TOP_LEVEL_AWAIT | bytecode::PyCF_TYPE_COMMENTS |
                             bytecode::PyCF_DONT_IMPLY_DEDENT | bytecode::PyCF_ALLOW_INCOMPLETE_INPUT |
                             bytecode::PyCF_SOURCE_IS_UTF8;
  if (flags & ~kKnown) return raise(tp_ValueError, "compile(): unrecognised flags");
  // optimize: -1 (the default) is the interpreter's level (-O); 0, 1, 2 force one.
  int64_t optimize = out[5] ? TRY(as_ssize(out[5])) : -1;
  if (optimize < -1 || optimize > 2) return raise(tp_ValueError, "compile(): invalid optimize value");
  bool dont_inherit = out[4] ? TRY(truthy(out[4])) : false;
  int64_t feature_version = out[6] ? TRY(as_ssize(out[6])) : -1;
  if (feature_version < -1 || feature_version > INT32_MAX) feature_version = -1;
  if (!dont_inherit) flags |= inherited_future_flags();
  if (m == parser::Mode::FuncType && !(flags & bytecode::PyCF_ONLY_AST))
    return raise(tp_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
  if (flags & bytecode::PyCF_ONLY_AST) {
    extern Result<Value> ast_from_source(std::string_view src, Str* filename, parser::Mode mode, bool utf8,
                                         bool type_comments, int feature_version);
    extern Result<Value> ast_check_object(Value tree, parser::Mode mode);
    if (!is_source(out[0])) return ast_check_object(out[0], m);  // an AST stays as it is
    bool utf8 = false;
    std::string text = TRY(source_text(out[0], "compile", "AST", &utf8));
    return ast_from_source(text, filename, m, utf8, (flags & bytecode::PyCF_TYPE_COMMENTS) != 0, feature_version);
  }
  if (is_code(out[0])) return out[0];
  if (!is_source(out[0])) {
    extern Result<Value> compile_ast_object(Value tree, Str* filename, parser::Mode mode, uint32_t flags,
                                            int optimize);
    return compile_ast_object(out[0], filename, m, uint32_t(flags), int(optimize));
  }
  bool utf8 = false;
  std::string text = TRY(source_text(out[0], "compile", "AST", &utf8));
  if (utf8) flags |= bytecode::PyCF_SOURCE_IS_UTF8;
  Code* c = TRY(compiler::compile_source(text, filename, m, uint32_t(flags), int(optimize)));
  return Value(c);
}
static Result<Dict*> resolve_globals(Value g, const char* fname) {
  if (!g || is_none(g)) {
    Frame* f = caller_frame();
    if (!f) return raise_fmt(tp_SystemError, "%s(): no current frame", fname);
    return f->globals;
  }
  if (!is_dict(g)) return raise_fmt(tp_TypeError, "%s() globals must be a dict, not %s", fname, type_name(g));
  Dict* d = as_dict(g);
  // As CPython, the globals get the caller's builtins namespace: a dict.
  if (!dict_get_str(d, N.__builtins__)) {
    Frame* f = caller_frame();
    dict_set_str(d, N.__builtins__, f && f->builtins ? f->builtins : Value(g_interp.builtins->dict));
  }
  return d;
}
static Result<Value> run_exec_eval(Value* a, int64_t n, Tuple* kw, bool is_eval) {
  const char* fname = is_eval ? "eval" : "exec";
  Value out[4];
  if (is_eval) TRY(parse_args(fname, a, n, kw, {"source", "globals", "locals"}, 1, out));
  else TRY(parse_args(fname, a, n, kw, {"source", "globals", "locals", "closure"}, 1, out));
  Value closure = out[3] && !is_none(out[3]) ? out[3] : Value();
  Value g = out[1], l = out[2];
  Dict* globals = TRY(resolve_globals(g, fname));
  Value locals;
  if (l && !is_none(l)) {
    Value gi;
    TRY(getattr_opt(l, N.__getitem__, &gi));
    if (!gi) return raise_fmt(tp_TypeError, "locals must be a mapping");
    locals = l;
  } else if (!g || is_none(g)) {
    Frame* f = caller_frame();
    locals = f->locals ? f->locals : Value(TRY(frame_locals(f)));
  } else {
    locals = Value(globals);
  }
  Code* code;
  if (is_code(out[0])) {
    code = out[0].as<Code>();
    if (code->nfrees && is_eval) return raise(tp_TypeError, "code object passed to eval() may not contain free variables");
    if (closure) {
      // exec(code, globals, locals, closure=cells) (3.11): the code runs with
      // those cells as its free variables, like a call of a function made
      // from it (a code object with free variables is a function body, whose
      // locals are its own fast locals).
      if (!code->nfrees) return raise(tp_TypeError, "cannot use a closure with this code object");
      bool ok = is_tuple(closure) && as_tuple(closure)->size == code->nfrees;
      for (int64_t i = 0; ok && i < as_tuple(closure)->size; i++) ok = as_tuple(closure)->items[i].type() == tp_cell;
      if (!ok) return raise_fmt(tp_TypeError, "code object requires a closure of exactly length %d", int(code->nfrees));
      Tuple* cells = as_tuple(closure);
      Function* fn = function_new(code, globals, code->qualname);
      fn->closure = cells;
      TRY(call(Value(fn), nullptr, 0));
      return None();
    }
    if (code->nfrees)
      return raise_fmt(tp_TypeError, "code object requires a closure of exactly length %d", int(code->nfrees));
  } else {
    if (closure) return raise(tp_TypeError, "closure can only be used when source is a code object");
    bool utf8 = false;
    std::string text = TRY(source_text(out[0], fname, "code", &utf8));
    if (is_eval) {
      size_t i = 0;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) i++;
      text = text.substr(i);
    }
    code = TRY(compiler::compile_source(text, str_intern("<string>"), is_eval ? parser::Mode::Eval : parser::Mode::Exec,
                                        inherited_future_flags() | (utf8 ? bytecode::PyCF_SOURCE_IS_UTF8 : 0)));
  }
  Value r = TRY(run_code(code, globals, locals));
  return is_eval ? r : None();
}
static Result<Value> b_exec(Value* a, int64_t n, Tuple* kw) { return run_exec_eval(a, n, kw, false); }
static Result<Value> b_eval(Value* a, int64_t n, Tuple* kw) { return run_exec_eval(a, n, kw, true); }

// breakpoint(*args, **kws): whatever sys.breakpointhook is now (PYTHONBREAKPOINT
// is read there). exit() and quit() come from site.py, as in CPython (none under -S).
static Result<Value> b_breakpoint(Value* a, int64_t n, Tuple* kw) {
  Value hook = sys_get(str_intern("breakpointhook"));
  if (!hook) return raise(tp_RuntimeError, "lost sys.breakpointhook");
  return call(hook, a, n, kw);
}

static const MethodDef builtin_functions[] = {
    {"__build_class__", b_build_class}, {"__import__", b_import}, {"print", b_print}, {"input", b_input},
    {"getattr", b_getattr}, {"setattr", b_setattr}, {"delattr", b_delattr}, {"hasattr", b_hasattr},
    {"globals", b_globals}, {"locals", b_locals}, {"vars", b_vars}, {"dir", b_dir}, {"id", b_id},
    {"hash", b_hash}, {"len", b_len}, {"repr", b_repr}, {"ascii", b_ascii}, {"format", b_format},
    {"callable", b_callable}, {"isinstance", b_isinstance}, {"issubclass", b_issubclass}, {"iter", b_iter},
    {"next", b_next}, {"aiter", b_aiter}, {"anext", b_anext}, {"all", b_all}, {"any", b_any}, {"sum", b_sum},
    {"min", b_min}, {"max", b_max}, {"sorted", b_sorted}, {"abs", b_abs}, {"divmod", b_divmod}, {"pow", b_pow},
    {"round", b_round}, {"bin", b_bin, MethKind::Method,
     "Return the binary representation of an integer, prefixed with '0b'.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'"}, {"oct", b_oct, MethKind::Method,
     "Return the octal representation of an integer, prefixed with '0o'.\n\n   >>> oct(342391)\n   '0o1234567'"}, {"hex", b_hex, MethKind::Method,
     "Return the hexadecimal representation of an integer, prefixed with '0x'.\n\n   >>> hex(12648430)\n   '0xc0ffee'"}, {"chr", b_chr}, {"ord", b_ord},
    {"compile", b_compile}, {"exec", b_exec}, {"eval", b_eval}, {"breakpoint", b_breakpoint}, {nullptr, nullptr}};

Result<Value> make_builtins_module() {
  Module* m = module_new("builtins");
  Dict* d = m->dict;
  for (const MethodDef* def = builtin_functions; def->name; def++) {
    Builtin* b = builtin_new(def->name, def->fn, Value(), def->doc);
    b->module_obj = Value(m);
    b->module = Value(str_intern("builtins"));
    dict_set_str(d, str_intern(def->name), b);
  }
  struct { const char* name; Type* t; } types[] = {
      {"object", tp_object}, {"type", tp_type}, {"int", tp_int}, {"bool", tp_bool}, {"float", tp_float},
      {"complex", tp_complex}, {"str", tp_str}, {"bytes", tp_bytes}, {"bytearray", tp_bytearray},
      {"tuple", tp_tuple}, {"list", tp_list}, {"dict", tp_dict}, {"set", tp_set}, {"frozenset", tp_frozenset},
      {"range", tp_range}, {"slice", tp_slice}, {"property", tp_property}, {"staticmethod", tp_staticmethod},
      {"classmethod", tp_classmethod}, {"super", tp_super}, {"enumerate", tp_enumerate}, {"zip", tp_zip},
      {"map", tp_map}, {"filter", tp_filter}, {"reversed", tp_reversed}, {"memoryview", tp_memoryview}};
  for (auto& e : types) dict_set_str(d, str_intern(e.name), Value(e.t));
#define GILPY_EXPORT_EXC(n, base) dict_set_str(d, str_intern(#n), Value(tp_##n));
  GILPY_EXCEPTION_TYPES(GILPY_EXPORT_EXC)
#undef GILPY_EXPORT_EXC
  dict_set_str(d, str_intern("EnvironmentError"), Value(tp_OSError));
  dict_set_str(d, str_intern("IOError"), Value(tp_OSError));
  dict_set_str(d, str_intern("None"), None());
  dict_set_str(d, str_intern("Ellipsis"), Value(g_Ellipsis));
  dict_set_str(d, str_intern("NotImplemented"), Value(g_NotImplemented));
  dict_set_str(d, str_intern("True"), True());
  dict_set_str(d, str_intern("False"), False());
  dict_set_str(d, N.__debug__, True());
  dict_set_str(d, N.__doc__, str_value("Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis represents `...' in slices."));
  return Value(m);
}

}  // namespace gilpy
