// _io.StringIO: an in-memory text stream. The text is kept as an array of code
// points (atomic collector memory) so positions, seeks and overwrites are O(1)
// per character, like CPython's UCS-4 buffer. Newline handling follows
// CPython: newline=None translates \r\n and \r to \n on write; '' keeps text as
// is but splits lines on all three; '\r' and '\r\n' translate \n on write.
#include <string>

#include "modules/_io_internal.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::io {

Type* tp_StringIO;

static StringIO* SI(Value v) { return v.as<StringIO>(); }

static Status live(StringIO* s) {
  if (!s->ok) return raise(tp_ValueError, "I/O operation on uninitialized object");
  if (s->closed) return raise(tp_ValueError, "I/O operation on closed file");
  return OK();
}

static void reserve(StringIO* s, int64_t n) {
  if (n <= s->cap) return;
  int64_t nc = s->cap ? s->cap : 16;
  while (nc < n) nc *= 2;
  uint32_t* nd = static_cast<uint32_t*>(gc::alloc_atomic(size_t(nc) * 4));
  if (s->len) std::memcpy(nd, s->cps, size_t(s->len) * 4);
  s->cps = nd;
  s->cap = nc;
}

static std::string to_utf8(const uint32_t* p, int64_t n) {
  std::string out;
  out.reserve(size_t(n));
  for (int64_t i = 0; i < n; i++) {
    if (p[i] < 0x80) out += char(p[i]);
    else text::put_cp(out, p[i]);
  }
  return out;
}

// Write UTF-8 text at the position (after newline translation); returns nothing.
static void write_text(StringIO* s, std::string_view utf8) {
  int64_t ncp = text::count_cps(utf8.data(), int64_t(utf8.size()));
  if (ncp == 0) return;
  int64_t end = s->pos + ncp;
  reserve(s, end);
  if (s->pos > s->len) std::memset(s->cps + s->len, 0, size_t(s->pos - s->len) * 4);
  int64_t k = s->pos;
  for (int64_t i = 0; i < int64_t(utf8.size());) s->cps[k++] = text::next_cp(utf8.data(), &i);
  if (end > s->len) s->len = end;
  s->pos = end;
}

static Status write_str(StringIO* s, Str* str) {
  std::string_view v = str->view();
  std::string tmp;
  if (s->readuniversal) {
    bool pcr = false;
    newline_step(v, s->readtranslate, true, &pcr, &s->seennl, tmp);
    v = tmp;
  }
  std::string tmp2;
  if (s->writenl && v.find('\n') != std::string_view::npos) {
    int64_t cnt;
    tmp2 = text::replace(v, "\n", s->writenl->view(), -1, &cnt);
    v = tmp2;
  }
  write_text(s, v);
  return OK();
}

static Result<Value> stringio_new(Value* a, int64_t, Tuple*) { return Value(alloc_io(a[0])); }

static Result<Value> stringio_init(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("StringIO", a + 1, n - 1, kw, {"initial_value", "newline"}, 0, v));
  StringIO* s = SI(a[0]);
  Value nl = v[1] ? v[1] : Value(str_intern("\n"));
  if (!is_none(nl)) {
    if (!is_str(nl)) return raise_fmt(tp_TypeError, "newline must be str or None, not %s", type_name(nl));
    std::string_view x = as_str(nl)->view();
    if (x != "" && x != "\n" && x != "\r" && x != "\r\n") {
      Str* r = TRY(repr(nl));
      return raise_fmt(tp_ValueError, "illegal newline value: %s", r->data);
    }
  }
  Value init = v[0];
  if (init && !is_none(init) && !is_str(init))
    return raise_fmt(tp_TypeError, "initial_value must be str or None, not %s", type_name(init));
  s->readuniversal = is_none(nl) || as_str(nl)->nbytes == 0;
  s->readtranslate = is_none(nl);
  s->readnl = is_none(nl) || as_str(nl)->nbytes == 0 ? nullptr : as_str(nl);
  s->writenl = !is_none(nl) && as_str(nl)->nbytes && as_str(nl)->view() != "\n" ? as_str(nl) : nullptr;
  s->len = 0;
  s->pos = 0;
  s->seennl = 0;
  s->closed = false;
  s->ok = true;
  if (init && !is_none(init)) {
    TRY(write_str(s, as_str(init)));
    s->pos = 0;
  }
  return None();
}

static Result<Value> stringio_getvalue(Value* a, int64_t, Tuple*) {
  StringIO* s = SI(a[0]);
  TRY(live(s));
  return text_value(to_utf8(s->cps, s->len));
}
static Result<Value> stringio_read(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("read", n - 1, 0, 1));
  StringIO* s = SI(a[0]);
  TRY(live(s));
  int64_t size = TRY(size_arg(n > 1 ? a[1] : Value()));
  int64_t avail = s->len > s->pos ? s->len - s->pos : 0;
  if (size < 0 || size > avail) size = avail;
  Value r = text_value(to_utf8(s->cps + s->pos, size));
  s->pos += size;
  return r;
}
static Result<Value> readline_impl(StringIO* s, int64_t limit) {
  int64_t start = s->pos;
  int64_t end = s->len;
  if (start >= end) return Value(str_empty());
  if (limit >= 0 && start + limit < end) end = start + limit;
  int64_t i = start;
  bool universal = s->readuniversal && !s->readtranslate;
  const uint32_t* p = s->cps;
  if (universal) {
    for (; i < end; i++) {
      if (p[i] == '\n') { i++; break; }
      if (p[i] == '\r') {
        i++;
        if (i < end && p[i] == '\n') i++;
        break;
      }
    }
  } else if (s->readnl && s->readnl->nbytes == 2) {  // "\r\n"
    for (; i < end; i++)
      if (p[i] == '\r' && i + 1 < end && p[i + 1] == '\n') { i += 2; break; }
  } else {
    uint32_t nl = s->readnl ? uint32_t(s->readnl->data[0]) : '\n';
    for (; i < end; i++)
      if (p[i] == nl) { i++; break; }
  }
  s->pos = i;
  return text_value(to_utf8(p + start, i - start));
}
static Result<Value> stringio_readline(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("readline", n - 1, 0, 1));
  StringIO* s = SI(a[0]);
  TRY(live(s));
  return readline_impl(s, TRY(size_arg(n > 1 ? a[1] : Value())));
}
static Result<Value> stringio_next(Value* a, int64_t, Tuple*) {
  StringIO* s = SI(a[0]);
  TRY(live(s));
  Value line = TRY(readline_impl(s, -1));
  if (as_str(line)->nbytes == 0) return raise_stop_iteration(Value());
  return line;
}
static Result<Value> stringio_write(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("write", n - 1, 1, 1));
  StringIO* s = SI(a[0]);
  TRY(live(s));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "string argument expected, got '%s'", type_name(a[1]));
  TRY(write_str(s, as_str(a[1])));
  return Value::small(as_str(a[1])->length);
}
static Result<Value> stringio_seek(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("seek", n - 1, 1, 2));
  StringIO* s = SI(a[0]);
  TRY(live(s));
  if (is_float(a[1])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
  int64_t pos = TRY(as_ssize(a[1]));
  int64_t whence = n > 2 ? TRY(as_ssize(a[2])) : 0;
  if (whence < 0 || whence > 2)
    return raise_fmt(tp_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  if (pos < 0 && whence == 0) return raise_fmt(tp_ValueError, "Negative seek position %lld", (long long)pos);
  if (whence != 0 && pos != 0) return raise(tp_OSError, "Can't do nonzero cur-relative seeks");
  if (whence == 1) pos = s->pos;
  else if (whence == 2) pos = s->len;
  s->pos = pos;
  return int_from_i64(pos);
}
static Result<Value> stringio_tell(Value* a, int64_t, Tuple*) {
  TRY(live(SI(a[0])));
  return int_from_i64(SI(a[0])->pos);
}
static Result<Value> stringio_truncate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("truncate", n - 1, 0, 1));
  StringIO* s = SI(a[0]);
  TRY(live(s));
  int64_t size = s->pos;
  if (n > 1 && !is_none(a[1])) {
    size = TRY(as_ssize(a[1]));
    if (size < 0) return raise_fmt(tp_ValueError, "Negative size value %lld", (long long)size);
  }
  if (size < s->len) s->len = size;
  return int_from_i64(size);
}
static Result<Value> stringio_true(Value* a, int64_t, Tuple*) {
  TRY(live(SI(a[0])));
  return True();
}
static Result<Value> stringio_close(Value* a, int64_t, Tuple*) {
  StringIO* s = SI(a[0]);
  s->closed = true;
  s->iobase_closed = true;
  s->cps = nullptr;
  s->len = s->cap = 0;
  return None();
}
static Result<Value> stringio_getstate(Value* a, int64_t, Tuple*) {
  StringIO* s = SI(a[0]);
  TRY(live(s));
  Dict** d = instance_dict_ptr(a[0]);
  Value nl = s->readtranslate ? None() : s->readuniversal ? Value(str_empty()) : Value(s->readnl);
  return Value(tuple_of({text_value(to_utf8(s->cps, s->len)), nl, int_from_i64(s->pos),
                         d && *d ? Value(dict_copy(*d)) : None()}));
}
static Result<Value> stringio_setstate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setstate__", n - 1, 1, 1));
  if (!is_tuple(a[1]) || as_tuple(a[1])->size != 4)
    return raise_fmt(tp_TypeError, "%s.__setstate__ argument should be 4-tuple, got %s", type_name(a[0]), type_name(a[1]));
  Tuple* t = as_tuple(a[1]);
  if (SI(a[0])->closed) return raise(tp_ValueError, "I/O operation on closed file");
  // Checked before anything changes, as CPython's stringio_setstate does.
  if (!is_str(t->items[0]))
    return raise_fmt(tp_TypeError, "initial_value must be str or None, not %s", type_name(t->items[0]));
  if (!is_int(t->items[2]))
    return raise_fmt(tp_TypeError, "third item of state must be an integer, got %s", type_name(t->items[2]));
  if (TRY(as_ssize(t->items[2])) < 0) return raise(tp_ValueError, "position value cannot be negative");
  if (!is_none(t->items[3]) && !is_dict(t->items[3]))
    return raise_fmt(tp_TypeError, "fourth item of state should be a dict, got a %s", type_name(t->items[3]));
  Value args[3] = {a[0], None(), t->items[1]};
  TRY(stringio_init(args, 3, nullptr));
  StringIO* s = SI(a[0]);
  if (is_str(t->items[0])) {
    // The stored text is already translated: restored as is. The newline
    // kinds it shows are recorded as __init__ would have (CPython runs
    // __init__ on it, then replaces the buffer).
    std::string_view v = as_str(t->items[0])->view();
    if (s->readuniversal) {
      std::string scratch;
      bool pcr = false;
      newline_step(v, false, true, &pcr, &s->seennl, scratch);
    }
    write_text(s, v);
  }
  s->pos = TRY(as_ssize(t->items[2]));
  if (is_dict(t->items[3])) {
    Dict** dp = instance_dict_ptr(a[0]);
    if (dp) {
      if (!*dp) *dp = dict_new();
      TRY(dict_update(*dp, t->items[3]));
    }
  }
  return None();
}
static Result<Value> stringio_repr(Value* a, int64_t, Tuple*) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(a[0].obj()));
  std::string tn = a[0].type() == tp_StringIO ? "_io.StringIO" : std::string(a[0].type()->name->view());
  return str_value("<" + tn + buf);
}

static Result<Value> get_closed(Value self) { return Bool(SI(self)->closed); }
static Result<Value> get_line_buffering(Value self) {
  TRY(live(SI(self)));
  return False();
}
static Result<Value> get_newlines(Value self) {
  StringIO* s = SI(self);
  TRY(live(s));
  if (!s->readuniversal) return None();
  return newlines_value(s->seennl);
}

static const MethodDef stringio_methods[] = {
    {"__new__", stringio_new, MethKind::Static}, {"__init__", stringio_init}, {"getvalue", stringio_getvalue},
    {"read", stringio_read}, {"readline", stringio_readline}, {"__next__", stringio_next},
    {"write", stringio_write}, {"seek", stringio_seek}, {"tell", stringio_tell}, {"truncate", stringio_truncate},
    {"readable", stringio_true}, {"writable", stringio_true}, {"seekable", stringio_true},
    {"close", stringio_close}, {"__getstate__", stringio_getstate}, {"__setstate__", stringio_setstate},
    {"__repr__", stringio_repr}, {nullptr, nullptr}};
static const GetSetDef stringio_getsets[] = {{"closed", get_closed}, {"line_buffering", get_line_buffering},
                                             {"newlines", get_newlines}, {nullptr, nullptr}};

Type* make_stringio_type() {
  tp_StringIO = native_type_new("_io", "StringIO", tp_TextIOBase, Layout::Other, sizeof(StringIO), stringio_methods,
                                stringio_getsets);
  tp_StringIO->dict_offset = sizeof(Object);
  return tp_StringIO;
}

}  // namespace gilpy::io
