// The builtin exception hierarchy: BaseException's behaviour (args, str and
// repr forms, __traceback__/__cause__/__context__, add_note) and the extra
// attributes of the subclasses that have them (StopIteration.value,
// SystemExit.code, OSError.errno/strerror/filename, ImportError.name/path,
// SyntaxError.msg/filename/lineno/offset/text, KeyError's str, ...).
#include "objects/exceptions.h"
#include "objects/bytes.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "compiler/compile.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "objects/genericalias.h"
#include "runtime/errors.h"
#include "runtime/thread_state.h"
#include "runtime/protocols.h"

namespace gilpy {

Value exc_new(Type* t, Tuple* args) {
  BaseExc* e = static_cast<BaseExc*>(alloc_instance(t, sizeof(BaseExc)));
  e->args = args;
  return Value(e);
}

static Status set_attr(Value self, const char* name, Value v) {
  return generic_setattr(self, str_intern(name), v);
}
// Store a field the way CPython's C struct member is written by __init__:
// straight into its storage (the instance dict here), not through setattr,
// so a subclass's read-only property of that name (importlib.metadata's
// PackageNotFoundError.name) does not get in the way.
static Status store_field(Value self, const char* name, Value v) {
  Dict** dp = instance_dict_ptr(self);
  if (!dp) return set_attr(self, name, v);
  if (!*dp) *dp = dict_new();
  dict_set_str(*dp, str_intern(name), v);
  return OK();
}
static Value get_attr_or_none(Value self, const char* name) {
  Value v;
  if (getattr_opt(self, str_intern(name), &v).is_err()) {
    exc_clear();
    return None();
  }
  return v ? v : None();
}

// ---- BaseException ----------------------------------------------------------------
static Result<Value> be_new(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || !is_type(a[0]) || !is_subtype(as_type(a[0]), tp_BaseException))
    return raise(tp_TypeError, "BaseException.__new__(X): X is not a subtype of BaseException");
  BaseExc* e = static_cast<BaseExc*>(alloc_instance(as_type(a[0]), sizeof(BaseExc)));
  e->args = tuple_from(a + 1, n - 1);
  return Value(e);
}
static Result<Value> be_init(Value* a, int64_t n, Tuple* kw) {
  if (kw && kw->size)
    return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", type_name(a[0]));
  as_exc(a[0])->args = tuple_from(a + 1, n - 1);
  return None();
}

Result<Str*> exc_str(Value exc) { return str(exc); }

static bool is_anyset_like(Value v) {
  return has_layout(v, Layout::Set) || has_layout(v, Layout::FrozenSet) || has_layout(v, Layout::Dict);
}
static Value args_item_for_group(Value self) {
  Tuple* a = as_exc(self)->args;
  return a && a->size > 0 ? a->items[0] : None();
}

static Result<Value> be_str(Value* a, int64_t, Tuple*) {
  Tuple* args = as_exc(a[0])->args;
  if (!args || args->size == 0) return Value(str_empty());
  if (args->size == 1) return Value(TRY(str(args->items[0])));
  return Value(TRY(str(Value(args))));
}
static Result<Value> be_repr(Value* a, int64_t, Tuple*) {
  Tuple* args = as_exc(a[0])->args;
  std::string s(a[0].type()->name->view());
  if (!args || args->size == 0) return Value(str_new(s + "()"));
  if (args->size == 1) {
    Str* r = TRY(repr(args->items[0]));
    return Value(str_new(s + "(" + std::string(r->view()) + ")"));
  }
  Str* r = TRY(repr(Value(args)));
  return Value(str_new(s + std::string(r->view())));
}
static Result<Value> be_with_traceback(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("with_traceback", n - 1, 1, 1));
  if (!is_none(a[1]) && a[1].type() != tp_traceback)
    return raise(tp_TypeError, "__traceback__ must be a traceback or None");
  as_exc(a[0])->traceback = is_none(a[1]) ? Value() : a[1];
  return a[0];
}
static Result<Value> be_add_note(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("add_note", n - 1, 1, 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "note must be a str, not '%s'", type_name(a[1]));
  Value notes;
  TRY(getattr_opt(a[0], str_intern("__notes__"), &notes));
  if (!notes) {
    notes = Value(list_new(0));
    TRY(set_attr(a[0], "__notes__", notes));
  } else if (!is_list(notes)) {
    return raise(tp_TypeError, "Cannot add note: __notes__ is not a list");
  }
  TRY(list_append(as_list(notes), a[1]));
  return None();
}
static Result<Value> be_reduce(Value* a, int64_t, Tuple*) {
  Dict** dp = instance_dict_ptr(a[0]);
  Tuple* args = as_exc(a[0])->args;
  if (dp && *dp && (*dp)->used) return Value(tuple_of({Value(a[0].type()), Value(args), Value(*dp)}));
  return Value(tuple_of({Value(a[0].type()), Value(args)}));
}
static Result<Value> be_setstate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setstate__", n - 1, 1, 1));
  if (!is_none(a[1])) {
    if (!is_dict(a[1])) return raise(tp_TypeError, "state is not a dictionary");
    int64_t pos = 0;
    Value k, v;
    while (dict_next(as_dict(a[1]), &pos, &k, &v)) TRY(setattr(a[0], as_str(k), v));
  }
  return None();
}

static Result<Value> get_args(Value s) { return Value(as_exc(s)->args ? as_exc(s)->args : tuple_empty()); }
static Status set_args(Value s, Value v) {
  if (!v) return raise(tp_TypeError, "args may not be deleted");
  as_exc(s)->args = TRY(to_tuple(v));
  return OK();
}
static Result<Value> get_tb(Value s) { return as_exc(s)->traceback ? as_exc(s)->traceback : None(); }
static Status set_tb(Value s, Value v) {
  if (!v) return raise(tp_TypeError, "__traceback__ may not be deleted");
  if (!is_none(v) && v.type() != tp_traceback) return raise(tp_TypeError, "__traceback__ must be a traceback or None");
  as_exc(s)->traceback = is_none(v) ? Value() : v;
  return OK();
}
static Result<Value> get_cause(Value s) { return as_exc(s)->cause ? as_exc(s)->cause : None(); }
static Status set_cause(Value s, Value v) {
  if (!v) return raise(tp_TypeError, "__cause__ may not be deleted");
  if (!is_none(v) && !is_exception(v))
    return raise(tp_TypeError, "exception cause must be None or derive from BaseException");
  as_exc(s)->cause = is_none(v) ? Value() : v;
  as_exc(s)->suppress_context = true;
  return OK();
}
static Result<Value> get_context(Value s) { return as_exc(s)->context ? as_exc(s)->context : None(); }
static Status set_context(Value s, Value v) {
  if (!v) return raise(tp_TypeError, "__context__ may not be deleted");
  if (!is_none(v) && !is_exception(v))
    return raise(tp_TypeError, "exception context must be None or derive from BaseException");
  as_exc(s)->context = is_none(v) ? Value() : v;
  return OK();
}
static Result<Value> get_suppress(Value s) { return Bool(as_exc(s)->suppress_context); }
static Status set_suppress(Value s, Value v) {
  if (!v) return raise(tp_TypeError, "__suppress_context__ may not be deleted");
  as_exc(s)->suppress_context = TRY(truthy(v));
  return OK();
}

static const MethodDef be_methods[] = {
    {"__new__", be_new, MethKind::Static}, {"__init__", be_init}, {"__str__", be_str}, {"__repr__", be_repr},
    {"with_traceback", be_with_traceback}, {"add_note", be_add_note}, {"__reduce__", be_reduce},
    {"__setstate__", be_setstate}, {nullptr, nullptr}};
// __dict__ as CPython's PyObject_GenericGetDict / PyObject_GenericSetDict:
// replaceable by a dict, never deleted.
extern const GetSetDef instance_dict_getset[];  // objects/object.cpp
static Result<Value> get_exc_dict(Value s) { return instance_dict_getset[0].get(s); }
static Status set_exc_dict(Value s, Value v) {
  if (!v) return raise(tp_TypeError, "cannot delete __dict__");
  if (!is_dict(v)) return raise_fmt(tp_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
  return instance_dict_getset[0].set(s, v);
}
static const GetSetDef be_getsets[] = {{"args", get_args, set_args}, {"__traceback__", get_tb, set_tb},
                                       {"__cause__", get_cause, set_cause}, {"__context__", get_context, set_context},
                                       {"__suppress_context__", get_suppress, set_suppress},
                                       {"__dict__", get_exc_dict, set_exc_dict}, {nullptr, nullptr}};

// ---- subclasses with extra state ----------------------------------------------------------
static Result<Value> keyerror_str(Value* a, int64_t n, Tuple* kw) {
  Tuple* args = as_exc(a[0])->args;
  if (args && args->size == 1) return Value(TRY(repr(args->items[0])));
  return be_str(a, n, kw);
}
static Result<Value> import_init(Value* a, int64_t n, Tuple* kw) {
  for (int64_t i = 0; kw && i < kw->size; i++) {
    std::string_view k = as_str(kw->items[i])->view();
    if (k != "name" && k != "path")
      return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for ImportError()", as_str(kw->items[i])->data);
  }
  Value out[2];
  TRY(parse_args("ImportError", a + n, 0, kw, {"name", "path"}, 0, out, 0, 0));
  as_exc(a[0])->args = tuple_from(a + 1, n - 1);
  // Every call sets all three (a second __init__ resets what it does not give).
  TRY(store_field(a[0], "msg", n - 1 == 1 ? a[1] : None()));
  TRY(store_field(a[0], "name", out[0] ? out[0] : None()));
  TRY(store_field(a[0], "path", out[1] ? out[1] : None()));
  return None();
}
static Result<Value> import_str(Value* a, int64_t n, Tuple* kw) {
  Value msg = get_attr_or_none(a[0], "msg");
  if (!is_none(msg)) return Value(TRY(str(msg)));
  return be_str(a, n, kw);
}
static Result<Value> attr_init(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(parse_args("AttributeError", a + n, 0, kw, {"name", "obj"}, 0, out, 0, 0));
  as_exc(a[0])->args = tuple_from(a + 1, n - 1);
  TRY(store_field(a[0], "name", out[0] ? out[0] : None()));
  TRY(store_field(a[0], "obj", out[1] ? out[1] : None()));
  return None();
}
static Result<Value> name_init(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("NameError", a + n, 0, kw, {"name"}, 0, out, 0, 0));
  as_exc(a[0])->args = tuple_from(a + 1, n - 1);
  TRY(set_attr(a[0], "name", out[0] ? out[0] : None()));
  return None();
}

// errno -> OSError subclass, as CPython maps them.
static Type* oserror_subclass(int err) {
  switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return tp_BlockingIOError;
    case ECHILD: return tp_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return tp_BrokenPipeError;
    case ECONNABORTED: return tp_ConnectionAbortedError;
    case ECONNREFUSED: return tp_ConnectionRefusedError;
    case ECONNRESET: return tp_ConnectionResetError;
    case EEXIST: return tp_FileExistsError;
    case ENOENT: return tp_FileNotFoundError;
    case EISDIR: return tp_IsADirectoryError;
    case ENOTDIR: return tp_NotADirectoryError;
    case EINTR: return tp_InterruptedError;
    case EACCES: case EPERM: return tp_PermissionError;
    case ESRCH: return tp_ProcessLookupError;
    case ETIMEDOUT: return tp_TimeoutError;
    default: return nullptr;
  }
}

static Result<Value> oserror_new(Value* a, int64_t n, Tuple* kw) {
  Type* t = as_type(a[0]);
  if (t == tp_OSError && n >= 3 && is_int(a[1])) {
    int64_t e;
    if (int_fits_i64(a[1], &e)) {
      Type* sub = oserror_subclass(int(e));
      if (sub) t = sub;
    }
  }
  BaseExc* e = static_cast<BaseExc*>(alloc_instance(t, sizeof(BaseExc)));
  e->args = tuple_from(a + 1, n - 1);
  return Value(e);
}
// characters_written as CPython's Py_ssize_t field: a ValueError when out of range.
static Result<int64_t> written_count(Value v) {
  Result<int64_t> r = as_index(v);
  if (r.is_err() && exc_matches(tp_OverflowError)) {
    exc_clear();
    return raise(tp_ValueError, "cannot fit 'int' into an index-sized integer");
  }
  return r;
}
static Result<Value> oserror_init(Value* a, int64_t n, Tuple* kw) {
  int64_t np = n - 1;
  Value* p = a + 1;
  Value err = None(), strerror = None(), filename = None(), filename2 = None();
  if (np >= 2 && np <= 5) {
    err = p[0];
    strerror = p[1];
    if (np >= 3) filename = p[2];
    if (np >= 5) filename2 = p[4];
    // BlockingIOError(errno, strerror, n): a number in the filename's place
    // is how many characters were written before the stream would block.
    if (np == 3 && a[0].type() == tp_BlockingIOError && !is_none(filename) &&
        (is_int(filename) || type_lookup(filename.type(), N.__index__))) {
      TRY(store_field(a[0], "characters_written", int_from_i64(TRY(written_count(filename)))));
      filename = None();
    }
    // args keeps only (errno, strerror) when a filename is given.
    as_exc(a[0])->args = np >= 3 && !is_none(filename) ? tuple_of({p[0], p[1]}) : tuple_from(p, np);
  } else {
    as_exc(a[0])->args = tuple_from(p, np);
  }
  TRY(set_attr(a[0], "errno", err));
  TRY(set_attr(a[0], "strerror", strerror));
  TRY(set_attr(a[0], "filename", filename));
  TRY(set_attr(a[0], "filename2", filename2));
  return None();
}
static Result<Value> oserror_str(Value* a, int64_t n, Tuple* kw) {
  Value err = get_attr_or_none(a[0], "errno");
  Value se = get_attr_or_none(a[0], "strerror");
  Value fn = get_attr_or_none(a[0], "filename");
  Value fn2 = get_attr_or_none(a[0], "filename2");
  if (!is_none(fn)) {
    Str* es = TRY(str(err));
    Str* ss = TRY(str(se));
    Str* fr = TRY(repr(fn));
    std::string s = "[Errno " + std::string(es->view()) + "] " + std::string(ss->view()) + ": " + std::string(fr->view());
    if (!is_none(fn2)) {
      Str* f2 = TRY(repr(fn2));
      s += " -> " + std::string(f2->view());
    }
    return Value(str_new(s));
  }
  if (!is_none(err) && !is_none(se)) {
    Str* es = TRY(str(err));
    Str* ss = TRY(str(se));
    return Value(str_new("[Errno " + std::string(es->view()) + "] " + std::string(ss->view())));
  }
  return be_str(a, n, kw);
}

static Result<Value> syntax_init(Value* a, int64_t n, Tuple* kw) {
  as_exc(a[0])->args = tuple_from(a + 1, n - 1);
  Value msg = n > 1 ? a[1] : None();
  TRY(set_attr(a[0], "msg", msg));
  const char* fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
  Tuple* info = nullptr;
  if (n > 2) {
    // CPython: PySequence_Tuple, then PyArg_ParseTuple(info, "OOOO|OO").
    info = is_tuple(a[2]) ? as_tuple(a[2]) : TRY(to_tuple(a[2]));
    if (info->size < 4)
      return raise_fmt(tp_TypeError, "function takes at least 4 arguments (%lld given)", (long long)info->size);
    if (info->size > 6)
      return raise_fmt(tp_TypeError, "function takes at most 6 arguments (%lld given)", (long long)info->size);
    if (info->size == 5) return raise(tp_TypeError, "end_offset must be provided when end_lineno is provided");
  }
  for (int i = 0; i < 6; i++) TRY(set_attr(a[0], fields[i], info && i < info->size ? info->items[i] : None()));
  TRY(set_attr(a[0], "print_file_and_line", None()));
  return None();
}
static Result<Value> syntax_str(Value* a, int64_t n, Tuple* kw) {
  Value msg = get_attr_or_none(a[0], "msg");
  Value fn = get_attr_or_none(a[0], "filename");
  Value ln = get_attr_or_none(a[0], "lineno");
  Str* ms = TRY(str(msg));
  std::string s(ms->view());
  std::string file;
  if (is_str(fn)) {
    std::string_view f = as_str(fn)->view();
    size_t slash = f.rfind('/');
    file = std::string(slash == std::string_view::npos ? f : f.substr(slash + 1));
  }
  if (!file.empty() && is_int(ln)) return Value(str_new(s + " (" + file + ", line " + int_to_string(ln) + ")"));
  if (!file.empty()) return Value(str_new(s + " (" + file + ")"));
  if (is_int(ln)) return Value(str_new(s + " (line " + int_to_string(ln) + ")"));
  return Value(ms);
}

// UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError. str()
// reads the attributes as they are now (a handler may have changed them), as
// CPython's UnicodeError *_str functions do; an instance made by __new__ alone
// (no object) is "".
enum class UniKind { Encode, Decode, Translate };
static UniKind uni_kind(Value e) {
  if (isinstance(e, tp_UnicodeDecodeError)) return UniKind::Decode;
  if (isinstance(e, tp_UnicodeTranslateError)) return UniKind::Translate;
  return UniKind::Encode;
}
static Result<Value> unicode_str(Value* a, int64_t n, Tuple* kw) {
  UniKind kind = uni_kind(a[0]);
  Value obj = get_attr_or_none(a[0], "object");
  if (is_none(obj)) return Value(str_new(""));
  Str* reason = TRY(str(get_attr_or_none(a[0], "reason")));
  std::string enc;
  if (kind != UniKind::Translate) enc = "'" + std::string(TRY(str(get_attr_or_none(a[0], "encoding")))->view()) + "' codec ";
  int64_t start = TRY(as_index(get_attr_or_none(a[0], "start")));
  int64_t end = TRY(as_index(get_attr_or_none(a[0], "end")));
  const char* verb = kind == UniKind::Encode ? "encode" : kind == UniKind::Decode ? "decode" : "translate";
  char buf[128];
  if (kind == UniKind::Decode) {
    std::string_view b = TRY(buffer_view(obj));
    if (start >= 0 && start < int64_t(b.size()) && end == start + 1) {
      std::snprintf(buf, sizeof buf, "byte 0x%02x in position %lld: ", static_cast<unsigned char>(b[size_t(start)]),
                    (long long)start);
      return Value(str_new(enc + "can't decode " + buf + std::string(reason->view())));
    }
  } else if (is_str(obj) && start >= 0 && start < as_str(obj)->length && end == start + 1) {
    uint32_t cp = str_char_at(as_str(obj), start);
    const char* fmt = cp < 0x100 ? "character '\\x%02x' in position %lld: "
                      : cp < 0x10000 ? "character '\\u%04x' in position %lld: "
                                     : "character '\\U%08x' in position %lld: ";
    std::snprintf(buf, sizeof buf, fmt, cp, (long long)start);
    return Value(str_new(enc + "can't " + verb + " " + buf + std::string(reason->view())));
  }
  std::snprintf(buf, sizeof buf, "%s in position %lld-%lld: ", kind == UniKind::Decode ? "bytes" : "characters",
                (long long)start, (long long)end - 1);
  return Value(str_new(enc + "can't " + verb + " " + buf + std::string(reason->view())));
}
// __init__(encoding, object, start, end, reason) (Translate: no encoding),
// with CPython's argument checks ("UOnnU"); a decode error's object is kept
// as bytes (a bytearray or other buffer is copied).
static Result<Value> unicode_init(Value* a, int64_t n, Tuple* kw) {
  TRY(be_init(a, n, kw));
  UniKind kind = uni_kind(a[0]);
  int64_t want = kind == UniKind::Translate ? 4 : 5;
  if (n - 1 != want)
    return raise_fmt(tp_TypeError, "function takes exactly %lld arguments (%lld given)", (long long)want, (long long)(n - 1));
  Value* v = a + 1;
  int i = 0;
  auto need_str = [&](int pos) -> Status {
    if (!is_str(v[pos]))
      return raise_fmt(tp_TypeError, "argument %d must be str, not %s", pos + 1, type_name(v[pos]));
    return OK();
  };
  Value encoding = None();
  if (kind != UniKind::Translate) {
    TRY(need_str(0));
    encoding = v[0];
    i = 1;
  }
  Value object = v[i];
  if (kind == UniKind::Decode) {
    if (!is_bytes(object)) object = Value(bytes_from(TRY(buffer_view(object))));
  } else {
    TRY(need_str(i));
  }
  int64_t start = TRY(as_index(v[i + 1]));
  int64_t end = TRY(as_index(v[i + 2]));
  TRY(need_str(i + 3));
  TRY(set_attr(a[0], "encoding", encoding));  // None for a translate error
  TRY(set_attr(a[0], "object", object));
  TRY(set_attr(a[0], "start", Value::small(start)));
  TRY(set_attr(a[0], "end", Value::small(end)));
  TRY(set_attr(a[0], "reason", v[i + 3]));
  return None();
}

// ---- BaseExceptionGroup / ExceptionGroup (PEP 654) ------------------------------------------
static Result<Value> beg_new(Value* a, int64_t n, Tuple* kw) {
  if (kw && kw->size) return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", as_type(a[0])->name->data);
  if (n != 3) return raise_fmt(tp_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%lld given)", (long long)(n - 1));
  Type* cls = as_type(a[0]);
  if (!is_str(a[1])) return raise(tp_TypeError, "argument 1 must be str, not " + std::string(type_name(a[1])));
  Value seqv = a[2];
  if (is_anyset_like(seqv) || is_none(seqv) || !type_lookup(seqv.type(), N.__getitem__))
    return raise(tp_TypeError, "second argument (exceptions) must be a sequence");
  Tuple* excs = TRY(to_tuple(seqv));
  if (excs->size == 0) return raise(tp_ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool all_exception = true;
  for (int64_t i = 0; i < excs->size; i++) {
    if (!is_exception(excs->items[i]))
      return raise_fmt(tp_ValueError, "Item %lld of second argument (exceptions) is not an exception", (long long)i);
    if (!isinstance(excs->items[i], tp_Exception)) all_exception = false;
  }
  if (cls == tp_BaseExceptionGroup) {
    if (all_exception) cls = tp_ExceptionGroup;
  } else if (is_subtype(cls, tp_Exception) && !all_exception) {
    if (cls == tp_ExceptionGroup) return raise(tp_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    return raise_fmt(tp_TypeError, "Cannot nest BaseExceptions in '%s'", type_name_of(cls));
  }
  BaseExc* e = static_cast<BaseExc*>(alloc_instance(cls, sizeof(BaseExc)));
  e->args = tuple_of({a[1], seqv});
  TRY(generic_setattr(Value(e), str_intern("_exceptions"), Value(excs)));
  return Value(e);
}
static Result<Value> beg_init(Value*, int64_t, Tuple*) { return None(); }
static Result<Value> beg_message(Value s) { return args_item_for_group(s); }
static Result<Value> beg_exceptions(Value s) {
  Dict** dp = instance_dict_ptr(s);
  Value v = dp && *dp ? dict_get_str(*dp, str_intern("_exceptions")) : Value();
  return v ? v : Value(tuple_empty());
}
static Result<Value> beg_str(Value* a, int64_t, Tuple*) {
  Value msg = TRY(beg_message(a[0]));
  Tuple* excs = as_tuple(TRY(beg_exceptions(a[0])));
  Str* m = TRY(str(msg));
  return Value(str_new(std::string(m->view()) + " (" + std::to_string(excs->size) + " sub-exception" +
                       (excs->size == 1 ? "" : "s") + ")"));
}
static Result<Value> beg_derive(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("derive", n - 1, 1, 1));
  Value msg = TRY(beg_message(a[0]));
  return call2(Value(tp_BaseExceptionGroup), msg, a[1]);
}
// Copy the metadata CPython copies onto split/subgroup results; the parts
// get their own copy of a __notes__ sequence.
static Status copy_group_meta(Value from, Value to) {
  as_exc(to)->traceback = as_exc(from)->traceback;
  as_exc(to)->cause = as_exc(from)->cause;
  as_exc(to)->context = as_exc(from)->context;
  Value notes;
  TRY(getattr_opt(from, str_intern("__notes__"), &notes));
  if (notes && type_lookup(notes.type(), N.__getitem__) && !is_dict(notes))
    TRY(setattr(to, str_intern("__notes__"), Value(TRY(list_from_iterable(notes)))));
  return OK();
}
// Does exception e match the condition (a type, tuple of types, or predicate)?
static Result<bool> group_cond(Value cond, Value e) {
  if (is_type(cond) || is_tuple(cond)) return isinstance_check(e, cond);
  Value r = TRY(call1(cond, e));
  return truthy(r);
}
// Split `eg` by `matches` into (match, rest); either may be null (empty).
template <class Matches>
static Status group_split(Value eg, const Matches& matches, bool want_rest, Value* match, Value* rest) {
  *match = Value();
  *rest = Value();
  if (TRY(matches(eg))) {
    *match = eg;
    return OK();
  }
  if (!isinstance(eg, tp_BaseExceptionGroup)) {
    if (want_rest) *rest = eg;
    return OK();
  }
  Tuple* excs = as_tuple(TRY(beg_exceptions(eg)));
  gc::Vector<Value> ms, rs;
  for (int64_t i = 0; i < excs->size; i++) {
    Value m, r;
    // Nested groups recurse: bounded like any Python recursion (CPython's
    // RecursionError, named after its C function, for a group nested deep).
    if (!enter_recursion(" in exceptiongroup_split_recursive")) return ERR;
    Status st = group_split(excs->items[i], matches, want_rest, &m, &r);
    leave_recursion();
    TRY(st);
    if (m) ms.push_back(m);
    if (r) rs.push_back(r);
  }
  auto derive = [&](gc::Vector<Value>& v, Value* out) -> Status {
    if (v.empty()) return OK();
    Value lst = Value(list_from(v.data(), int64_t(v.size())));
    Value d = TRY(call_method1(eg, str_intern("derive"), lst));
    TRY(copy_group_meta(eg, d));
    *out = d;
    return OK();
  };
  TRY(derive(ms, match));
  if (want_rest) TRY(derive(rs, rest));
  return OK();
}
static Status group_split(Value eg, Value cond, bool want_rest, Value* match, Value* rest) {
  return group_split(eg, [cond](Value e) { return group_cond(cond, e); }, want_rest, match, rest);
}

// ---- except* (PEP 654): the result of a try-except* statement ---------------------------------
static void collect_leaves(Value exc, std::vector<Value>& leaves) {
  if (!isinstance(exc, tp_BaseExceptionGroup)) {
    leaves.push_back(exc);
    return;
  }
  Dict** dp = instance_dict_ptr(exc);
  Value v = dp && *dp ? dict_get_str(*dp, str_intern("_exceptions")) : Value();
  if (!v || !is_tuple(v)) return;
  for (int64_t i = 0; i < as_tuple(v)->size; i++) collect_leaves(as_tuple(v)->items[i], leaves);
}
static bool same_exception_metadata(Value a, Value b) {
  BaseExc* x = as_exc(a);
  BaseExc* y = as_exc(b);
  return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}
Result<Value> exc_prep_reraise_star(Value orig, List* excs) {
  if (excs->size == 0) return None();
  // A naked exception was caught and wrapped: at most one clause ran.
  if (!isinstance(orig, tp_BaseExceptionGroup)) return excs->items[0];
  gc::Vector<Value> raised;
  std::vector<Value> leaves;  // of the re-raised parts: keep them in orig's structure
  for (int64_t i = 0; i < excs->size; i++) {
    Value e = excs->items[i];
    if (is_none(e)) continue;
    if (same_exception_metadata(e, orig)) collect_leaves(e, leaves);
    else raised.push_back(e);
  }
  Value reraised, unused;
  if (!leaves.empty()) {
    auto kept = [&leaves](Value e) -> Result<bool> {
      for (Value l : leaves)
        if (l == e) return true;
      return false;
    };
    TRY(group_split(orig, kept, false, &reraised, &unused));
  }
  if (raised.empty()) return reraised ? reraised : None();
  if (reraised) raised.push_back(reraised);
  return call2(Value(tp_BaseExceptionGroup), Value(str_intern("")), Value(list_from(raised.data(), int64_t(raised.size()))));
}

static Result<Value> beg_split(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("split", n - 1, 1, 1));
  Value m, r;
  TRY(group_split(a[0], a[1], true, &m, &r));
  return Value(tuple_of({m ? m : None(), r ? r : None()}));
}
static Result<Value> beg_subgroup(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("subgroup", n - 1, 1, 1));
  Value m, r;
  TRY(group_split(a[0], a[1], false, &m, &r));
  return m ? m : None();
}

// ---- attributes stored in the instance dict, with defaults ------------------------------------
// Subclass attributes (StopIteration.value, ImportError.name, ...) live in the
// instance dict when set; the getters supply CPython's defaults so that an
// exception created without running __init__ (exc_new) still has them.
static Value args_item(Value self, int64_t i) {
  Tuple* a = as_exc(self)->args;
  return a && a->size > i ? a->items[i] : None();
}
#define EXC_ATTR(fn, attr, default_expr)                                      \
  static Result<Value> fn##_get(Value self) {                                 \
    Dict** dp = instance_dict_ptr(self);                                      \
    if (dp && *dp) {                                                          \
      Value v = dict_get_str(*dp, str_intern(attr));                          \
      if (v) return v;                                                        \
    }                                                                         \
    return default_expr;                                                      \
  }                                                                           \
  static Status fn##_set(Value self, Value v) {                               \
    Dict** dp = instance_dict_ptr(self);                                      \
    if (!*dp) *dp = dict_new();                                               \
    if (v) dict_set_str(*dp, str_intern(attr), v);                            \
    else dict_del_str(*dp, str_intern(attr));                                 \
    return OK();                                                              \
  }
static Value sysexit_default(Value self) {
  Tuple* a = as_exc(self)->args;
  if (!a || a->size == 0) return None();
  return a->size == 1 ? a->items[0] : Value(a);
}
static Value importmsg_default(Value self) {
  Tuple* a = as_exc(self)->args;
  return a && a->size == 1 ? a->items[0] : None();
}
EXC_ATTR(stop_value, "value", args_item(self, 0))
EXC_ATTR(sysexit_code, "code", sysexit_default(self))
EXC_ATTR(import_name, "name", None())
EXC_ATTR(import_path, "path", None())
EXC_ATTR(import_msg, "msg", importmsg_default(self))
EXC_ATTR(attr_name, "name", None())
EXC_ATTR(attr_obj, "obj", None())
EXC_ATTR(os_errno, "errno", None())
EXC_ATTR(os_strerror, "strerror", None())
EXC_ATTR(os_filename, "filename", None())
EXC_ATTR(os_filename2, "filename2", None())
EXC_ATTR(syn_msg, "msg", args_item(self, 0))
EXC_ATTR(syn_filename, "filename", None())
EXC_ATTR(syn_lineno, "lineno", None())
EXC_ATTR(syn_offset, "offset", None())
EXC_ATTR(syn_text, "text", None())
EXC_ATTR(syn_end_lineno, "end_lineno", None())
EXC_ATTR(syn_end_offset, "end_offset", None())
EXC_ATTR(syn_pfl, "print_file_and_line", None())
#define EXC_GETSET(fn, attr) {attr, fn##_get, fn##_set}
// OSError.characters_written: only once set (by BlockingIOError's third
// argument or by assignment); reading or deleting it otherwise is an
// AttributeError naming just the attribute, as CPython's.
static Result<Value> os_written_get(Value self) {
  Dict** dp = instance_dict_ptr(self);
  Value v = dp && *dp ? dict_get_str(*dp, str_intern("characters_written")) : Value();
  if (!v) return raise(tp_AttributeError, "characters_written");
  return v;
}
static Status os_written_set(Value self, Value v) {
  Dict** dp = instance_dict_ptr(self);
  if (!*dp) *dp = dict_new();
  if (!v) {
    if (!dict_del_str(*dp, str_intern("characters_written"))) return raise(tp_AttributeError, "characters_written");
    return OK();
  }
  dict_set_str(*dp, str_intern("characters_written"), int_from_i64(TRY(written_count(v))));
  return OK();
}

// ---- creation ---------------------------------------------------------------------------------
#define GILPY_DEFINE_EXC(n, base) Type* tp_##n;
GILPY_EXCEPTION_TYPES(GILPY_DEFINE_EXC)
#undef GILPY_DEFINE_EXC

void init_exception_types() {
  type_add_methods(tp_BaseException, be_methods);
  type_add_getsets(tp_BaseException, be_getsets);
  static const MethodDef key_m[] = {{"__str__", keyerror_str}, {nullptr, nullptr}};
  type_add_methods(tp_KeyError, key_m);
  static const MethodDef import_m[] = {{"__init__", import_init}, {"__str__", import_str}, {nullptr, nullptr}};
  type_add_methods(tp_ImportError, import_m);
  static const MethodDef attr_m[] = {{"__init__", attr_init}, {nullptr, nullptr}};
  type_add_methods(tp_AttributeError, attr_m);
  static const MethodDef name_m[] = {{"__init__", name_init}, {nullptr, nullptr}};
  type_add_methods(tp_NameError, name_m);
  static const MethodDef os_m[] = {{"__new__", oserror_new, MethKind::Static}, {"__init__", oserror_init},
                                   {"__str__", oserror_str}, {nullptr, nullptr}};
  type_add_methods(tp_OSError, os_m);
  static const MethodDef syn_m[] = {{"__init__", syntax_init}, {"__str__", syntax_str}, {nullptr, nullptr}};
  type_add_methods(tp_SyntaxError, syn_m);
  static const GetSetDef stop_gs[] = {EXC_GETSET(stop_value, "value"), {nullptr, nullptr}};
  type_add_getsets(tp_StopIteration, stop_gs);
  static const GetSetDef sysexit_gs[] = {EXC_GETSET(sysexit_code, "code"), {nullptr, nullptr}};
  type_add_getsets(tp_SystemExit, sysexit_gs);
  static const GetSetDef import_gs[] = {EXC_GETSET(import_name, "name"), EXC_GETSET(import_path, "path"),
                                        EXC_GETSET(import_msg, "msg"), {nullptr, nullptr}};
  type_add_getsets(tp_ImportError, import_gs);
  static const GetSetDef attr_gs[] = {EXC_GETSET(attr_name, "name"), EXC_GETSET(attr_obj, "obj"), {nullptr, nullptr}};
  type_add_getsets(tp_AttributeError, attr_gs);
  static const GetSetDef name_gs[] = {EXC_GETSET(attr_name, "name"), {nullptr, nullptr}};
  type_add_getsets(tp_NameError, name_gs);
  static const GetSetDef os_gs[] = {EXC_GETSET(os_errno, "errno"), EXC_GETSET(os_strerror, "strerror"),
                                    EXC_GETSET(os_filename, "filename"), EXC_GETSET(os_filename2, "filename2"),
                                    {"characters_written", os_written_get, os_written_set}, {nullptr, nullptr}};
  type_add_getsets(tp_OSError, os_gs);
  static const GetSetDef syn_gs[] = {EXC_GETSET(syn_msg, "msg"), EXC_GETSET(syn_filename, "filename"),
                                     EXC_GETSET(syn_lineno, "lineno"), EXC_GETSET(syn_offset, "offset"),
                                     EXC_GETSET(syn_text, "text"), EXC_GETSET(syn_end_lineno, "end_lineno"),
                                     EXC_GETSET(syn_end_offset, "end_offset"),
                                     EXC_GETSET(syn_pfl, "print_file_and_line"), {nullptr, nullptr}};
  type_add_getsets(tp_SyntaxError, syn_gs);
  static const MethodDef beg_m[] = {{"__new__", beg_new, MethKind::Static}, {"__init__", beg_init},
                                    {"__str__", beg_str}, {"derive", beg_derive}, {"split", beg_split},
                                    {"subgroup", beg_subgroup},
                                    {"__class_getitem__", generic_class_getitem, MethKind::Class}, {nullptr, nullptr}};
  type_add_methods(tp_BaseExceptionGroup, beg_m);
  static const GetSetDef beg_gs[] = {{"message", beg_message}, {"exceptions", beg_exceptions}, {nullptr, nullptr}};
  type_add_getsets(tp_BaseExceptionGroup, beg_gs);
  static const MethodDef uni_m[] = {{"__init__", unicode_init}, {"__str__", unicode_str}, {nullptr, nullptr}};
  type_add_methods(tp_UnicodeDecodeError, uni_m);
  type_add_methods(tp_UnicodeEncodeError, uni_m);
  type_add_methods(tp_UnicodeTranslateError, uni_m);
}

namespace compiler {
Err raise_syntax_error(const parser::SyntaxErrorInfo& e) {
  Type* t = e.type == "IndentationError" ? tp_IndentationError : e.type == "TabError" ? tp_TabError : tp_SyntaxError;
  if (e.bare) {
    Value msg = str_value(e.msg);
    return raise_with_args(t, &msg, 1);
  }
  Value text = e.text.empty() ? None() : str_value(e.text);
  // Errors of the source's decoding stage (line 0) carry no end position:
  // CPython's args are then (filename, 0, -1, None).
  Tuple* info = e.lineno == 0 && e.end_lineno == 0
                    ? tuple_of({str_value(e.filename), Value::small(e.lineno), Value::small(e.offset), text})
                    : tuple_of({str_value(e.filename), Value::small(e.lineno), Value::small(e.offset), text,
                                Value::small(e.end_lineno), Value::small(e.end_offset)});
  Value args[2] = {str_value(e.msg), Value(info)};
  return raise_with_args(t, args, 2);
}
}  // namespace compiler

}  // namespace gilpy
