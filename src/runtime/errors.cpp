#include <new>
// Raising and inspecting the pending exception (thread state), see errors.h.
#include "runtime/errors.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <vector>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {

void fatal(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::fputs("Fatal Python error: ", stderr);
  std::vfprintf(stderr, fmt, ap);
  std::fputc('\n', stderr);
  va_end(ap);
  std::abort();
}

void null_success() { fatal("a null Value was returned as a successful Result<Value>"); }

Err raise(Type* type, std::string_view msg) {
  Value e = exc_new(type, tuple_of({str_value(msg)}));
  t_ts->exc = e;
  return ERR;
}

Err raise_fmt(Type* type, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n >= int(sizeof buf)) {
    std::vector<char> big(size_t(n) + 1);
    va_start(ap, fmt);
    std::vsnprintf(big.data(), big.size(), fmt, ap);
    va_end(ap);
    return raise(type, std::string_view(big.data(), size_t(n)));
  }
  return raise(type, std::string_view(buf, size_t(n < 0 ? 0 : n)));
}

Err raise_value(Value exc) {
  if (is_type(exc)) {
    Type* t = exc.as<Type>();
    Result<Value> inst = call0(exc);
    if (inst.is_err()) return ERR;
    exc = inst.value();
    (void)t;
  }
  t_ts->exc = exc;
  return ERR;
}

Err raise_with_args(Type* type, Value* args, size_t n) {
  Result<Value> inst = call(Value(type), args, int64_t(n));
  if (inst.is_err()) return ERR;
  t_ts->exc = inst.value();
  return ERR;
}

// A MemoryError made while memory was still plentiful, for when making a new
// one fails too (its traceback then accumulates, as CPython's last-resort
// instances do).
static Value g_spare_memory_error;
void init_spare_memory_error() {
  static Value* root = static_cast<Value*>(gc::alloc_uncollectable(sizeof(Value)));
  *root = exc_new(tp_MemoryError, tuple_empty());
  g_spare_memory_error = *root;
}

Err raise_memory_error() {
  try {
    t_ts->exc = exc_new(tp_MemoryError, tuple_empty());
  } catch (const std::bad_alloc&) {
    t_ts->exc = g_spare_memory_error;
  }
  return ERR;
}

Err raise_stop_iteration(Value v) {
  if (!v || is_none(v)) {
    t_ts->exc = exc_new(tp_StopIteration, tuple_empty());
    return ERR;
  }
  Value args[1] = {v};
  return raise_with_args(tp_StopIteration, args, 1);
}

Err raise_errno(int err, Value filename) {
  Value args[3] = {Value::small(err), str_value(std::strerror(err)), filename};
  return raise_with_args(tp_OSError, args, filename ? 3 : 2);
}

static void set_exc_attr(Value e, const char* attr, Value v) {
  Dict** dp = instance_dict_ptr(e);
  if (!dp) return;
  if (!*dp) *dp = dict_new();
  dict_set_str(*dp, str_intern(attr), v);
}

Err raise_name_error(Str* name) {
  raise_fmt(tp_NameError, "name '%s' is not defined", name->data);
  set_exc_attr(t_ts->exc, "name", Value(name));
  return ERR;
}

Err raise_attribute_error(Value obj, Str* name) {
  if (is_type(obj))
    raise_fmt(tp_AttributeError, "type object '%s' has no attribute '%s'", type_name_of(obj.as<Type>()), name->data);
  else
    raise_fmt(tp_AttributeError, "'%s' object has no attribute '%s'", type_name(obj), name->data);
  set_exc_attr(t_ts->exc, "name", Value(name));
  set_exc_attr(t_ts->exc, "obj", obj);
  return ERR;
}

bool exc_pending() { return bool(t_ts->exc); }
bool exc_matches(Type* t) { return t_ts->exc && isinstance(t_ts->exc, t); }
Value exc_fetch() {
  Value e = t_ts->exc;
  t_ts->exc = Value();
  return e;
}
void exc_clear() { t_ts->exc = Value(); }
void exc_restore(Value e) { t_ts->exc = e; }

Err exc_chain_pending(Value prev) {
  Value cur = t_ts->exc;
  if (!cur) {
    t_ts->exc = prev;
    return ERR;
  }
  if (prev && cur != prev && is_exception(cur)) as_exc(cur)->context = prev;
  return ERR;
}

const char* type_name_of(Type* t) {
  if (t->flags & TF_HEAPTYPE) return t->name->data;
  if (!t->tp_name) {
    Value m = dict_get_str(t->dict, N.__module__);
    if (m && is_str(m) && as_str(m)->view() != "builtins")
      t->tp_name = str_new(std::string(as_str(m)->view()) + "." + std::string(t->name->view()));
    else
      t->tp_name = t->name;
  }
  return t->tp_name->data;
}

const char* type_name(Value v) { return type_name_of(v.type()); }

// Both go through the native _warnings module (modules/_warnings.cpp), as
// CPython's PyErr_WarnEx and PyErr_WarnExplicitObject do.
Status warnings_warn_native(Type* category, std::string_view msg, int stacklevel);
Status warnings_warn_explicit_native(Type* category, std::string_view msg, Str* filename, int lineno);

Status warn(Type* category, std::string_view msg, int stacklevel) {
  return warnings_warn_native(category, msg, stacklevel);
}

Status warn_explicit(Type* category, std::string_view msg, Str* filename, int lineno) {
  if (!g_interp.modules || !g_interp.sys) {
    // No import system yet (a bare runtime, as in the fuzz targets): print
    // the warning the way its default filter would.
    std::fprintf(stderr, "%s:%d: %s: %.*s\n", filename->data, lineno, category->name->data, int(msg.size()), msg.data());
    return OK();
  }
  return warnings_warn_explicit_native(category, msg, filename, lineno);
}

}  // namespace gilpy
