// _io.BytesIO: an in-memory binary stream. The contents are a GcBuf; the
// position may lie beyond the end (a write there zero-fills the gap).
#include <string>

#include "modules/_io_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::io {

Type* tp_BytesIO;

static BytesIO* X(Value v) { return v.as<BytesIO>(); }

static Status live(BytesIO* b) {
  if (b->closed) return raise(tp_ValueError, "I/O operation on closed file.");
  return OK();
}
static Status resizable(BytesIO* b) {
  if (b->exports > 0) return raise(tp_BufferError, "Existing exports of data: object cannot be re-sized");
  return OK();
}

static Result<Value> bytesio_new(Value* a, int64_t, Tuple*) { return Value(alloc_io(a[0])); }
static Result<Value> bytesio_init(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("BytesIO", a + 1, n - 1, kw, {"initial_bytes"}, 0, v));
  BytesIO* b = X(a[0]);
  TRY(resizable(b));
  b->buf.clear();
  b->pos = 0;
  b->closed = false;
  if (v[0] && !is_none(v[0])) {
    std::string_view d = TRY(buffer_view(v[0]));
    b->buf.append(d);
  }
  return None();
}

static std::string_view rest(BytesIO* b) {
  if (b->pos >= b->buf.len) return {};
  return b->buf.view().substr(size_t(b->pos));
}

static Result<Value> bytesio_getvalue(Value* a, int64_t, Tuple*) {
  TRY(live(X(a[0])));
  return bytes_from(X(a[0])->buf.view());
}
static Result<Value> read_impl(Value* a, int64_t n, const char* name) {
  TRY(check_nargs(name, n - 1, 0, 1));
  BytesIO* b = X(a[0]);
  TRY(live(b));
  int64_t size = TRY(size_arg(n > 1 ? a[1] : Value()));
  std::string_view r = rest(b);
  if (size >= 0 && size < int64_t(r.size())) r = r.substr(0, size_t(size));
  b->pos += int64_t(r.size());
  return bytes_from(r);
}
static Result<Value> bytesio_read(Value* a, int64_t n, Tuple*) { return read_impl(a, n, "read"); }
static Result<Value> bytesio_read1(Value* a, int64_t n, Tuple*) { return read_impl(a, n, "read1"); }
static Result<Value> readline_impl(BytesIO* b, int64_t limit) {
  std::string_view r = rest(b);
  size_t nl = r.find('\n');
  size_t take = nl == std::string_view::npos ? r.size() : nl + 1;
  if (limit >= 0 && size_t(limit) < take) take = size_t(limit);
  b->pos += int64_t(take);
  return bytes_from(r.substr(0, take));
}
static Result<Value> bytesio_readline(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("readline", n - 1, 0, 1));
  BytesIO* b = X(a[0]);
  TRY(live(b));
  return readline_impl(b, TRY(size_arg(n > 1 ? a[1] : Value())));
}
static Result<Value> bytesio_readlines(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("readlines", n - 1, 0, 1));
  BytesIO* b = X(a[0]);
  TRY(live(b));
  int64_t hint = TRY(size_arg(n > 1 ? a[1] : Value()));
  List* l = list_new(0);
  int64_t total = 0;
  for (;;) {
    Value line = TRY(readline_impl(b, -1));
    if (as_bytes(line)->size == 0) break;
    TRY(list_append(l, line));
    total += as_bytes(line)->size;
    if (hint > 0 && total >= hint) break;
  }
  return Value(l);
}
static Result<Value> bytesio_next(Value* a, int64_t, Tuple*) {
  BytesIO* b = X(a[0]);
  TRY(live(b));
  Value line = TRY(readline_impl(b, -1));
  if (as_bytes(line)->size == 0) return raise_stop_iteration(Value());
  return line;
}
static Result<Value> bytesio_readinto(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("readinto", n - 1, 1, 1));
  BytesIO* b = X(a[0]);
  TRY(live(b));
  int64_t size = TRY(writable_size(a[1]));
  std::string_view r = rest(b);
  if (int64_t(r.size()) > size) r = r.substr(0, size_t(size));
  TRY(store_into_buffer(a[1], r));
  b->pos += int64_t(r.size());
  return Value::small(int64_t(r.size()));
}
static Result<Value> bytesio_write(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("write", n - 1, 1, 1));
  BytesIO* b = X(a[0]);
  TRY(live(b));
  std::string_view d = TRY(buffer_view(a[1]));
  if (d.empty()) return Value::small(0);
  TRY(resizable(b));
  int64_t end = b->pos + int64_t(d.size());
  if (end > b->buf.len) {
    b->buf.reserve(end);
    if (b->pos > b->buf.len) std::memset(b->buf.data + b->buf.len, 0, size_t(b->pos - b->buf.len));
    b->buf.len = end;
  }
  std::memcpy(b->buf.data + b->pos, d.data(), d.size());
  b->pos = end;
  return Value::small(int64_t(d.size()));
}
static Result<Value> bytesio_writelines(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("writelines", n - 1, 1, 1));
  TRY(live(X(a[0])));
  Value it = TRY(get_iter(a[1]));
  for (;;) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) break;
    Value args[2] = {a[0], x};
    TRY(bytesio_write(args, 2, nullptr));
  }
  return None();
}
static Result<Value> bytesio_seek(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("seek", n - 1, 1, 2));
  BytesIO* b = X(a[0]);
  TRY(live(b));
  if (is_float(a[1])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
  int64_t pos = TRY(as_ssize(a[1]));
  int64_t whence = n > 2 ? TRY(as_ssize(a[2])) : 0;
  if (whence == 0) {
    if (pos < 0) return raise_fmt(tp_ValueError, "negative seek value %lld", (long long)pos);
  } else if (whence == 1) {
    pos = std::max<int64_t>(0, b->pos + pos);
  } else if (whence == 2) {
    pos = std::max<int64_t>(0, b->buf.len + pos);
  } else {
    return raise_fmt(tp_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  }
  b->pos = pos;
  return int_from_i64(pos);
}
static Result<Value> bytesio_tell(Value* a, int64_t, Tuple*) {
  TRY(live(X(a[0])));
  return int_from_i64(X(a[0])->pos);
}
static Result<Value> bytesio_truncate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("truncate", n - 1, 0, 1));
  BytesIO* b = X(a[0]);
  TRY(live(b));
  int64_t size = b->pos;
  if (n > 1 && !is_none(a[1])) {
    size = TRY(as_ssize(a[1]));
    if (size < 0) return raise_fmt(tp_ValueError, "negative size value %lld", (long long)size);
  }
  if (size < b->buf.len) {
    TRY(resizable(b));
    b->buf.len = size;
  }
  return int_from_i64(size);
}
static Result<Value> bytesio_true(Value* a, int64_t, Tuple*) {
  TRY(live(X(a[0])));
  return True();
}
static Result<Value> bytesio_close(Value* a, int64_t, Tuple*) {
  BytesIO* b = X(a[0]);
  TRY(resizable(b));
  b->closed = true;
  b->iobase_closed = true;
  b->buf = GcBuf{};
  return None();
}
static Result<Value> bytesio_flush(Value* a, int64_t, Tuple*) {
  TRY(live(X(a[0])));
  return None();
}
static Result<Value> bytesio_isatty(Value* a, int64_t, Tuple*) {
  TRY(live(X(a[0])));
  return False();
}
static Result<Value> bytesio_getbuffer(Value* a, int64_t, Tuple*) {
  TRY(live(X(a[0])));
  // A memoryview over a copy: writes through the view do not reach the BytesIO.
  return call1(Value(tp_memoryview), bytes_from(X(a[0])->buf.view()));
}
static Result<Value> bytesio_getstate(Value* a, int64_t, Tuple*) {
  BytesIO* b = X(a[0]);
  TRY(live(b));
  Dict** d = instance_dict_ptr(a[0]);
  Value dv = d && *d ? Value(dict_copy(*d)) : None();
  return Value(tuple_of({bytes_from(b->buf.view()), int_from_i64(b->pos), dv}));
}
static Result<Value> bytesio_setstate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setstate__", n - 1, 1, 1));
  if (!is_tuple(a[1]) || as_tuple(a[1])->size != 3)
    return raise_fmt(tp_TypeError, "%s.__setstate__ argument should be 3-tuple, got %s", type_name(a[0]), type_name(a[1]));
  Tuple* t = as_tuple(a[1]);
  BytesIO* b = X(a[0]);
  if (b->closed) return raise(tp_ValueError, "I/O operation on closed file.");
  // Checked before anything changes, as CPython's bytesio_setstate does.
  if (!is_int(t->items[1]))
    return raise_fmt(tp_TypeError, "second item of state must be an integer, not %s", type_name(t->items[1]));
  int64_t pos = TRY(as_ssize(t->items[1]));
  if (pos < 0) return raise(tp_ValueError, "position value cannot be negative");
  if (!is_none(t->items[2]) && !is_dict(t->items[2]))
    return raise_fmt(tp_TypeError, "third item of state should be a dict, got a %s", type_name(t->items[2]));
  std::string_view d = TRY(buffer_view(t->items[0]));
  b->buf.assign(d);
  b->pos = pos;
  if (is_dict(t->items[2])) {
    Dict** dp = instance_dict_ptr(a[0]);
    if (dp) {
      if (!*dp) *dp = dict_new();
      TRY(dict_update(*dp, t->items[2]));
    }
  }
  return None();
}
static Result<Value> get_closed(Value self) { return Bool(X(self)->closed); }

static const MethodDef bytesio_methods[] = {
    {"__new__", bytesio_new, MethKind::Static}, {"__init__", bytesio_init}, {"getvalue", bytesio_getvalue},
    {"read", bytesio_read}, {"read1", bytesio_read1}, {"readline", bytesio_readline},
    {"readlines", bytesio_readlines}, {"__next__", bytesio_next}, {"readinto", bytesio_readinto},
    {"write", bytesio_write}, {"writelines", bytesio_writelines}, {"seek", bytesio_seek}, {"tell", bytesio_tell},
    {"truncate", bytesio_truncate}, {"readable", bytesio_true}, {"writable", bytesio_true},
    {"seekable", bytesio_true}, {"close", bytesio_close}, {"flush", bytesio_flush}, {"isatty", bytesio_isatty},
    {"getbuffer", bytesio_getbuffer}, {"__getstate__", bytesio_getstate}, {"__setstate__", bytesio_setstate},
    {nullptr, nullptr}};
static const GetSetDef bytesio_getsets[] = {{"closed", get_closed, nullptr, "True if the file is closed."},
                                            {nullptr, nullptr}};

Type* make_bytesio_type() {
  tp_BytesIO = native_type_new("_io", "BytesIO", tp_BufferedIOBase, Layout::Other, sizeof(BytesIO), bytesio_methods,
                               bytesio_getsets);
  tp_BytesIO->dict_offset = sizeof(Object);
  return tp_BytesIO;
}

}  // namespace gilpy::io
