// _io: the native core of the io module (CPython's Modules/_io). This file
// holds the module itself, open()/open_code()/text_encoding(), the abstract
// bases _IOBase/_RawIOBase/_BufferedIOBase/_TextIOBase with their default
// methods (which work on any object through the attribute protocol, so Python
// subclasses override them freely), UnsupportedOperation, and the exit-time
// flush of buffered writers. The concrete classes live in _io_*.cpp.
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <unordered_set>

#include "modules/_io_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/finalizers.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {
extern const GetSetDef instance_dict_getset[];  // objects/object.cpp: the standard __dict__ descriptor
namespace io {

Type* tp_IOBase;
Type* tp_RawIOBase;
Type* tp_BufferedIOBase;
Type* tp_TextIOBase;
Type* tp_UnsupportedOperation;

Err unsupported(const char* msg) {
  Value a[1] = {str_value(msg)};
  return raise_with_args(tp_UnsupportedOperation, a, 1);
}
Err err_closed() { return raise(tp_ValueError, "I/O operation on closed file."); }

Result<bool> is_closed(Value self) {
  if (self.is_obj() && (self.type() == tp_FileIO)) return self.as<FileIO>()->fd < 0;
  Value c = TRY(getattr_str(self, "closed"));
  return truthy(c);
}
Status check_closed(Value self) {
  if (TRY(is_closed(self))) return err_closed();
  return OK();
}
static Status check_flag(Value self, const char* meth, const char* msg) {
  Value r = TRY(call_method0(self, str_intern(meth)));
  if (!TRY(truthy(r))) return unsupported(msg);
  return OK();
}
Status check_readable(Value self) { return check_flag(self, "readable", "File or stream is not readable."); }
Status check_writable(Value self) { return check_flag(self, "writable", "File or stream is not writable."); }
Status check_seekable(Value self) { return check_flag(self, "seekable", "File or stream is not seekable."); }

Result<int64_t> size_arg(Value v) {
  if (!v || is_none(v)) return int64_t(-1);
  if (!is_int(v) && !type_lookup(v.type(), N.__index__))
    return raise_fmt(tp_TypeError, "argument should be integer or None, not '%s'", type_name(v));
  return as_ssize(v);
}

Object* alloc_io(Value cls) { return alloc_instance(as_type(cls)); }

// ---- exit-time flushing -------------------------------------------------------------------
// Buffered writers over an exact FileIO are tracked in malloc memory, which the
// collector does not scan: the entries are weak. A collector finalizer flushes
// the buffer and drops the entry before the object is reclaimed, so the set never
// holds a dangling pointer; at exit the survivors are flushed.
static std::unordered_set<Buffered*>* g_writers;

static void flush_raw(Buffered* b) {
  if (!b->fast || !b->raw || b->wbuf.len == 0) return;
  FileIO* f = b->raw.as<FileIO>();
  if (f->fd < 0) return;
  Result<int64_t> r = fileio_write_bytes(f, b->wbuf.view());
  if (r.is_err()) exc_clear();
  b->wbuf.clear();
}

static void writer_finalizer(void* obj, void*) {
  Buffered* b = static_cast<Buffered*>(obj);
  if (g_writers) g_writers->erase(b);
  flush_raw(b);
}

static void fileio_finalizer(Object* obj) {
  FileIO* f = static_cast<FileIO*>(obj);
  if (f->fd >= 0 && f->closefd) {
    Status s = fileio_close_fd(f);
    if (s.is_err()) exc_clear();
  }
}

// Every FileIO that owns its descriptor is closed when collected unclosed
// (CPython closes it in its deallocator), or `open(p).read()` in a loop would
// run out of descriptors. Python subclasses are closed by _IOBase.__del__.
void track_fileio(FileIO* f) {
  if (f->closefd && !(f->type->flags & TF_HEAPTYPE))
    register_native_finalizer_after_del(f, fileio_finalizer);
}

void track_writer(Buffered* b) {
  if (!g_writers) g_writers = new std::unordered_set<Buffered*>();
  if (!g_writers->insert(b).second) return;
  GC_register_finalizer(b, writer_finalizer, nullptr, nullptr, nullptr);
  if (b->raw.as<FileIO>()->closefd)
    register_native_finalizer_after_del(b->raw.obj(), fileio_finalizer);
}

void flush_all_writers() {
  if (!g_writers) return;
  for (Buffered* b : *g_writers) flush_raw(b);
}

// Text wrappers over a tracked writer (same weak-set scheme as g_writers).
static std::unordered_set<TextIO*>* g_texts;

static void move_text_pending(TextIO* t) {
  if (!t->wpending.len || !t->buffer || !t->ok) return;
  Buffered* b = t->buffer.as<Buffered>();
  if (!b->ok || !b->fast) return;
  b->wbuf.append(t->wpending.view());
  t->wpending.clear();
}
static void text_finalizer(void* obj, void*) {
  TextIO* t = static_cast<TextIO*>(obj);
  if (g_texts) g_texts->erase(t);
  move_text_pending(t);
}
void track_text(TextIO* t) {
  if (!g_texts) g_texts = new std::unordered_set<TextIO*>();
  if (g_texts->insert(t).second) GC_register_finalizer(t, text_finalizer, nullptr, nullptr, nullptr);
}

static void at_exit() {
  if (g_texts)
    for (TextIO* t : *g_texts) move_text_pending(t);
  flush_all_writers();
}

// ---- _IOBase ---------------------------------------------------------------------------------
static IOBase* IOB(Value v) { return v.as<IOBase>(); }

static Result<Value> iobase_seek(Value*, int64_t, Tuple*) { return unsupported("seek"); }
static Result<Value> iobase_truncate(Value*, int64_t, Tuple*) { return unsupported("truncate"); }
static Result<Value> iobase_fileno(Value*, int64_t, Tuple*) { return unsupported("fileno"); }
static Result<Value> iobase_tell(Value* a, int64_t, Tuple*) {
  Value args[2] = {Value::small(0), Value::small(1)};
  return call_method(a[0], str_intern("seek"), args, 2);
}
static Result<Value> iobase_flush(Value* a, int64_t, Tuple*) {
  if (IOB(a[0])->iobase_closed) return err_closed();
  return None();
}
static Result<Value> iobase_close(Value* a, int64_t, Tuple*) {
  if (IOB(a[0])->iobase_closed) return None();
  Result<Value> r = call_method0(a[0], N.flush);
  IOB(a[0])->iobase_closed = true;
  if (r.is_err()) return ERR;
  return None();
}
static Result<Value> iobase_closed(Value self) { return Bool(IOB(self)->iobase_closed); }
// __del__ (CPython's iobase_finalize): an object still open is closed, with
// `_finalizing` set so close() knows; errors are dropped (reported only in
// dev mode), since a traceback from a collection helps nobody. Python
// subclasses of the io classes get it as their finalizer.
static Result<Value> iobase_del(Value* a, int64_t, Tuple*) {
  Value self = a[0];
  Value closed;
  if (getattr_opt(self, str_intern("closed"), &closed).is_err() || !closed) {
    exc_clear();
    return None();
  }
  Result<bool> c = truthy(closed);
  if (c.is_err()) {
    exc_clear();
    return None();
  }
  if (c.value()) return None();
  if (setattr(self, str_intern("_finalizing"), True()).is_err()) exc_clear();
  if (call_method0(self, N.close).is_err()) {
    Value exc = exc_fetch();
    if (g_interp.dev_mode) report_unraisable("Exception ignored in: ", self, exc);
  }
  return None();
}
static Result<Value> iobase_false(Value*, int64_t, Tuple*) { return False(); }
static Result<Value> iobase_check_closed(Value* a, int64_t, Tuple*) {
  TRY(check_closed(a[0]));
  return True();
}
static Result<Value> iobase_check_readable(Value* a, int64_t, Tuple*) {
  TRY(check_readable(a[0]));
  return True();
}
static Result<Value> iobase_check_writable(Value* a, int64_t, Tuple*) {
  TRY(check_writable(a[0]));
  return True();
}
static Result<Value> iobase_check_seekable(Value* a, int64_t, Tuple*) {
  TRY(check_seekable(a[0]));
  return True();
}
static Result<Value> iobase_isatty(Value* a, int64_t, Tuple*) {
  TRY(check_closed(a[0]));
  return False();
}
static Result<Value> iobase_enter(Value* a, int64_t, Tuple*) {
  TRY(check_closed(a[0]));
  return a[0];
}
static Result<Value> iobase_exit(Value* a, int64_t, Tuple*) { return call_method0(a[0], N.close); }
static Result<Value> iobase_iter(Value* a, int64_t, Tuple*) {
  TRY(check_closed(a[0]));
  return a[0];
}
static Result<Value> iobase_next(Value* a, int64_t, Tuple*) {
  Value line = TRY(call_method0(a[0], N.readline));
  int64_t n = TRY(len(line));
  if (n == 0) return raise_stop_iteration(Value());
  return line;
}
// readline() over read(1) (or peek() when the object has it), as CPython's default does.
static Result<Value> iobase_readline(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("readline", a + 1, n - 1, kw, {"size"}, 0, out));
  int64_t limit = TRY(size_arg(out[0]));
  Value peek;
  TRY(getattr_opt(a[0], str_intern("peek"), &peek));
  std::string res;
  Str* read = N.read;
  while (limit < 0 || int64_t(res.size()) < limit) {
    int64_t nread = 1;
    if (peek) {
      Value ahead = TRY(call1(peek, Value::small(1)));
      std::string_view v = TRY(buffer_view(ahead));
      if (!v.empty()) {
        size_t nl = v.find('\n');
        nread = nl == std::string_view::npos ? int64_t(v.size()) : int64_t(nl) + 1;
        if (limit >= 0 && nread > limit - int64_t(res.size())) nread = limit - int64_t(res.size());
      }
    }
    Value b = TRY(call_method1(a[0], read, Value::small(nread)));
    if (is_none(b)) break;
    if (!is_bytes(b))
      return raise_fmt(tp_OSError, "read() should have returned a bytes object, not '%s'", type_name(b));
    std::string_view v = as_bytes(b)->view();
    if (v.empty()) break;
    res.append(v);
    if (res.back() == '\n') break;
  }
  return bytes_from(res);
}
static Result<Value> iobase_readlines(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("readlines", a + 1, n - 1, kw, {"hint"}, 0, out));
  int64_t hint = TRY(size_arg(out[0]));
  List* res = list_new(0);
  Value it = TRY(get_iter(a[0]));
  int64_t total = 0;
  for (;;) {
    Value line;
    TRY(iter_next(it, &line));
    if (!line) break;
    TRY(list_append(res, line));
    if (hint > 0) {
      total += TRY(len(line));
      if (total >= hint) break;
    }
  }
  return Value(res);
}
static Result<Value> iobase_writelines(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("writelines", n - 1, 1, 1));
  TRY(check_closed(a[0]));
  Value it = TRY(get_iter(a[1]));
  for (;;) {
    Value line;
    TRY(iter_next(it, &line));
    if (!line) break;
    TRY(call_method1(a[0], N.write, line));
  }
  return None();
}

static const MethodDef iobase_methods[] = {
    {"seek", iobase_seek}, {"tell", iobase_tell}, {"truncate", iobase_truncate}, {"flush", iobase_flush},
    {"close", iobase_close}, {"seekable", iobase_false}, {"readable", iobase_false},
    {"writable", iobase_false}, {"_checkClosed", iobase_check_closed}, {"_checkReadable", iobase_check_readable},
    {"_checkWritable", iobase_check_writable}, {"_checkSeekable", iobase_check_seekable},
    {"fileno", iobase_fileno}, {"isatty", iobase_isatty}, {"__enter__", iobase_enter}, {"__exit__", iobase_exit},
    {"__iter__", iobase_iter}, {"__next__", iobase_next}, {"readline", iobase_readline},
    {"readlines", iobase_readlines}, {"writelines", iobase_writelines}, {"__del__", iobase_del}, {nullptr, nullptr}};
static const GetSetDef iobase_getsets[] = {{"closed", iobase_closed}, {nullptr, nullptr}};

// ---- _RawIOBase -----------------------------------------------------------------------------
static Result<Value> rawiobase_read(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("read", a + 1, n - 1, kw, {"size"}, 0, out));
  int64_t size = TRY(size_arg(out[0]));
  if (size < 0) return call_method0(a[0], str_intern("readall"));
  ByteArray* b = bytearray_new();
  TRY(bytearray_resize(b, size));
  Value r = TRY(call_method1(a[0], str_intern("readinto"), Value(b)));
  if (is_none(r)) return r;
  int64_t got = TRY(as_ssize(r));
  if (got < 0 || got > size)
    return raise_fmt(tp_ValueError, "readinto returned %lld outside buffer size %lld", (long long)got, (long long)size);
  return bytes_from(b->view().substr(0, size_t(got)));
}
static Result<Value> rawiobase_readall(Value* a, int64_t, Tuple*) {
  std::string res;
  for (;;) {
    Value d = TRY(call_method1(a[0], N.read, Value::small(kDefaultBufferSize)));
    if (is_none(d)) {
      if (res.empty()) return d;
      break;
    }
    if (!is_bytes(d)) return raise(tp_TypeError, "read() should return bytes");
    if (as_bytes(d)->size == 0) break;
    res.append(as_bytes(d)->view());
  }
  return bytes_from(res);
}
static const MethodDef rawiobase_methods[] = {{"read", rawiobase_read}, {"readall", rawiobase_readall},
                                              {nullptr, nullptr}};

// ---- _BufferedIOBase ------------------------------------------------------------------------
static Result<Value> bufbase_read(Value*, int64_t, Tuple*) { return unsupported("read"); }
static Result<Value> bufbase_read1(Value*, int64_t, Tuple*) { return unsupported("read1"); }
static Result<Value> bufbase_write(Value*, int64_t, Tuple*) { return unsupported("write"); }
static Result<Value> bufbase_detach(Value*, int64_t, Tuple*) { return unsupported("detach"); }

static Result<Value> readinto_via(Value* a, int64_t n, const char* name, const char* meth) {
  TRY(check_nargs(name, n - 1, 1, 1));
  int64_t size = TRY(writable_size(a[1]));
  Value d = TRY(call_method1(a[0], str_intern(meth), Value::small(size)));
  std::string_view v = TRY(buffer_view(d));
  if (int64_t(v.size()) > size) return raise(tp_ValueError, "read() returned too much data");
  TRY(store_into_buffer(a[1], v));
  return Value::small(int64_t(v.size()));
}
static Result<Value> bufbase_readinto(Value* a, int64_t n, Tuple*) { return readinto_via(a, n, "readinto", "read"); }
static Result<Value> bufbase_readinto1(Value* a, int64_t n, Tuple*) { return readinto_via(a, n, "readinto1", "read1"); }
static const MethodDef bufbase_methods[] = {
    {"read", bufbase_read}, {"read1", bufbase_read1}, {"write", bufbase_write}, {"detach", bufbase_detach},
    {"readinto", bufbase_readinto}, {"readinto1", bufbase_readinto1}, {nullptr, nullptr}};

// ---- _TextIOBase ----------------------------------------------------------------------------
static Result<Value> textbase_read(Value*, int64_t, Tuple*) { return unsupported("read"); }
static Result<Value> textbase_readline(Value*, int64_t, Tuple*) { return unsupported("readline"); }
static Result<Value> textbase_write(Value*, int64_t, Tuple*) { return unsupported("write"); }
static Result<Value> textbase_detach(Value*, int64_t, Tuple*) { return unsupported("detach"); }
static Result<Value> textbase_none(Value) { return None(); }
static const MethodDef textbase_methods[] = {{"read", textbase_read}, {"readline", textbase_readline},
                                             {"write", textbase_write}, {"detach", textbase_detach},
                                             {nullptr, nullptr}};
static const GetSetDef textbase_getsets[] = {
    {"encoding", textbase_none, nullptr, "Encoding of the text stream.\n\nSubclasses should override.\n"},
    {"newlines", textbase_none, nullptr,
     "Line endings translated so far.\n\nOnly line endings translated during reading are considered.\n\n"
     "Subclasses should override.\n"},
    {"errors", textbase_none, nullptr, "The error setting of the decoder or encoder.\n\nSubclasses should override.\n"},
    {nullptr, nullptr}};

// ---- type creation ----------------------------------------------------------------------------
static Type* base_type(const char* name, Type* base, const MethodDef* m, const GetSetDef* g) {
  Type* t = native_type_new("_io", name, base, Layout::Other, sizeof(IOBase), m, g);
  t->dict_offset = sizeof(Object);
  return t;
}

void ensure_types() {
  if (tp_IOBase) return;
  tp_IOBase = base_type("_IOBase", tp_object, iobase_methods, iobase_getsets);
  // Every io object has an instance dict (test_io's test_types_have_dict).
  type_add_getsets(tp_IOBase, ::gilpy::instance_dict_getset);
  tp_RawIOBase = base_type("_RawIOBase", tp_IOBase, rawiobase_methods, nullptr);
  tp_BufferedIOBase = base_type("_BufferedIOBase", tp_IOBase, bufbase_methods, nullptr);
  tp_TextIOBase = base_type("_TextIOBase", tp_IOBase, textbase_methods, textbase_getsets);
  // UnsupportedOperation is a heap type (io.py sets its __module__), like CPython's.
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, Value(str_intern("io")));
  Result<Value> uo = type_new(tp_type, str_intern("UnsupportedOperation"),
                              tuple_of({Value(tp_OSError), Value(tp_ValueError)}), ns, nullptr);
  GILPY_ASSERT(uo.ok());
  tp_UnsupportedOperation = as_type(uo.value());
  make_fileio_type();
  make_buffered_types();
  make_text_types();
  make_bytesio_type();
  make_stringio_type();
  std::atexit(at_exit);
}

// ---- open() ---------------------------------------------------------------------------------
// -X warn_default_encoding / PYTHONWARNDEFAULTENCODING: text opened without an
// encoding warns (EncodingWarning, PEP 597), from open() and io.text_encoding().
static Status warn_default_encoding(int64_t stacklevel) {
  if (!g_interp.warn_default_encoding) return OK();
  Value warnings = TRY(import_module(str_intern("warnings")));
  Value args[3] = {Value(str_intern("'encoding' argument not specified")), Value(tp_EncodingWarning),
                   Value::small(stacklevel)};
  TRY(call_method(warnings, str_intern("warn"), args, 3));
  return OK();
}

static Result<Value> io_open(Value* a, int64_t n, Tuple* kw) {
  Value v[8];
  TRY(parse_args("open", a, n, kw,
                 {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1, v));
  ensure_types();
  Value file = v[0];
  std::string_view mode = "r";
  if (v[1]) {
    if (!is_str(v[1])) return raise_fmt(tp_TypeError, "open() argument 'mode' must be str, not %s", type_name(v[1]));
    mode = as_str(v[1])->view();
  }
  int64_t buffering = -1;
  if (v[2]) {
    if (is_float(v[2])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
    buffering = TRY(as_ssize(v[2]));
  }
  for (int i = 3; i <= 5; i++)
    if (v[i] && !is_none(v[i]) && !is_str(v[i]))
      return raise_fmt(tp_TypeError, "open() argument '%s' must be str or None, not %s",
                       i == 3 ? "encoding" : i == 4 ? "errors" : "newline", type_name(v[i]));
  Value encoding = v[3] ? v[3] : None(), errors = v[4] ? v[4] : None(), newline = v[5] ? v[5] : None();
  bool closefd = v[6] ? TRY(truthy(v[6])) : true;
  Value opener = v[7] ? v[7] : None();
  if (!is_int(file) && !is_str(file) && !is_bytes(file)) {
    Value fspath = lookup_special(file, N.__fspath__);
    if (!fspath)
      return raise_fmt(tp_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(file));
    file = TRY(call0(fspath));
    if (!is_str(file) && !is_bytes(file))
      return raise_fmt(tp_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                       type_name(v[0]), type_name(file));
  }
  bool creating = false, reading = false, writing = false, appending = false, updating = false, text = false,
       binary = false;
  std::string seen;
  for (char c : mode) {
    if (seen.find(c) != std::string::npos || std::string_view("xrwabt+").find(c) == std::string_view::npos)
      return raise_fmt(tp_ValueError, "invalid mode: '%.*s'", int(mode.size()), mode.data());
    seen += c;
    switch (c) {
      case 'x': creating = true; break;
      case 'r': reading = true; break;
      case 'w': writing = true; break;
      case 'a': appending = true; break;
      case '+': updating = true; break;
      case 't': text = true; break;
      case 'b': binary = true; break;
    }
  }
  if (text && binary) return raise(tp_ValueError, "can't have text and binary mode at once");
  if (!binary && is_none(encoding)) TRY(warn_default_encoding(1));
  if (int(creating) + int(reading) + int(writing) + int(appending) != 1)
    return raise(tp_ValueError, "must have exactly one of create/read/write/append mode");
  if (binary && !is_none(encoding)) return raise(tp_ValueError, "binary mode doesn't take an encoding argument");
  if (binary && !is_none(errors)) return raise(tp_ValueError, "binary mode doesn't take an errors argument");
  if (binary && !is_none(newline)) return raise(tp_ValueError, "binary mode doesn't take a newline argument");
  if (binary && buffering == 1)
    TRY(warn(tp_RuntimeWarning,
             "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used"));
  std::string rawmode = creating ? "x" : reading ? "r" : writing ? "w" : "a";
  if (updating) rawmode += '+';
  Value fargs[4] = {file, str_value(rawmode), Bool(closefd), opener};
  Tuple* fkw = tuple_of({Value(str_intern("closefd")), Value(str_intern("opener"))});
  Value raw = TRY(call(Value(tp_FileIO), fargs, 2, fkw));
  // From here on, failures close the raw file before propagating.
  auto fail = [&]() -> Err {
    Value e = exc_fetch();
    Result<Value> r = call_method0(raw, N.close);
    if (r.is_err()) exc_clear();
    exc_restore(e);
    return ERR;
  };
  bool line_buffering = false;
  if (buffering == 1 || buffering < 0) {
    Result<Value> tty = call_method0(raw, str_intern("isatty"));
    if (tty.is_err()) return fail();
    Result<bool> t = truthy(tty.value());
    if (t.is_err()) return fail();
    if (buffering == 1 || t.value()) line_buffering = true;
  }
  if (buffering == 1 || buffering < 0) {
    FileIO* f = raw.as<FileIO>();
    buffering = f->blksize > 1 ? f->blksize : kDefaultBufferSize;
  }
  if (buffering == 0) {
    if (binary) return raw;
    (void)raise(tp_ValueError, "can't have unbuffered text I/O");
    return fail();
  }
  Type* bt = updating ? tp_BufferedRandom : (creating || writing || appending) ? tp_BufferedWriter : tp_BufferedReader;
  Value bargs[2] = {raw, Value::small(buffering)};
  Result<Value> buf = call(Value(bt), bargs, 2);
  if (buf.is_err()) return fail();
  if (binary) return buf.value();
  Value targs[5] = {buf.value(), encoding, errors, newline, Bool(line_buffering)};
  Result<Value> txt = call(Value(tp_TextIOWrapper), targs, 5);
  if (txt.is_err()) return fail();
  Status s = setattr(txt.value(), str_intern("mode"), v[1] ? v[1] : Value(str_intern("r")));
  if (s.is_err()) return fail();
  return txt.value();
}

static Result<Value> io_open_code(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("open_code", a, n, kw, {"path"}, 1, v));
  if (!is_str(v[0])) return raise_fmt(tp_TypeError, "open_code() argument 'path' must be str, not %s", type_name(v[0]));
  Value args[2] = {v[0], Value(str_intern("rb"))};
  return io_open(args, 2, nullptr);
}

static Result<Value> io_text_encoding(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("text_encoding", a, n, kw, {"encoding", "stacklevel"}, 1, v));
  if (!is_none(v[0])) return v[0];
  TRY(warn_default_encoding(v[1] ? TRY(as_ssize(v[1])) : 2));
  // PEP 686's forerunner in 3.11: UTF-8 mode makes the default "utf-8".
  return Value(str_intern(g_interp.utf8_mode > 0 ? "utf-8" : "locale"));
}

static const MethodDef io_functions[] = {
    {"open", io_open}, {"open_code", io_open_code}, {"text_encoding", io_text_encoding}, {nullptr, nullptr}};

static Value g_open;  // the one open() object shared by _io and builtins (static data: scanned)

Value io_open_builtin() {
  if (!g_open) {
    Builtin* b = builtin_new("open", io_open);
    b->module = Value(str_intern("io"));
    g_open = Value(b);
  }
  return g_open;
}

static Result<Value> init() {
  ensure_types();
  Module* m = native_module_new("_io", io_functions + 1);
  Dict* d = m->dict;
  auto set = [&](const char* k, Value v) { dict_set_str(d, str_intern(k), v); };
  set("open", io_open_builtin());
  g_open.as<Builtin>()->module_obj = Value(m);  // open.__self__ is _io, as CPython's
  set("DEFAULT_BUFFER_SIZE", Value::small(kDefaultBufferSize));
  set("BlockingIOError", Value(tp_BlockingIOError));
  set("UnsupportedOperation", Value(tp_UnsupportedOperation));
  for (Type* t : {tp_IOBase, tp_RawIOBase, tp_BufferedIOBase, tp_TextIOBase, tp_FileIO, tp_BufferedReader,
                  tp_BufferedWriter, tp_BufferedRandom, tp_BufferedRWPair, tp_BytesIO, tp_StringIO,
                  tp_TextIOWrapper, tp_IncrementalNewlineDecoder})
    dict_set_str(d, t->name, Value(t));
  return Value(m);
}
GILPY_NATIVE_MODULE("_io", init);

}  // namespace io

Value io_open_function() {
  io::ensure_types();
  return io::io_open_builtin();
}

// The standard streams, built like CPython's create_stdio(): FileIO(fd, closefd=False)
// under a BufferedReader/Writer under a TextIOWrapper (utf-8). Terminals and stderr are
// line-buffered; -u makes stdout/stderr write-through. The errors handler follows the
// LC_CTYPE locale as CPython does: surrogateescape under the C/POSIX locale (or its
// C.UTF-8 coercion target), strict otherwise; stderr always uses backslashreplace.
Result<Value> io_make_std_stream(int fd, bool write) {
  io::ensure_types();
  // A descriptor that is not open gives None, as in CPython (e.g. started with stdin closed).
  if (fcntl(fd, F_GETFD) < 0) return None();
  Value fargs[3] = {Value::small(fd), Value(str_intern(write ? "wb" : "rb")), False()};
  Tuple* fkw = tuple_of({Value(str_intern("closefd"))});
  Value raw = TRY(call(Value(io::tp_FileIO), fargs, 2, fkw));
  bool tty = isatty(fd);
  // -u: stdout/stderr write straight to the FileIO, and the text layer writes through.
  bool unbuffered = write && g_interp.unbuffered;
  Value buf = raw;
  if (!unbuffered) {
    Value bargs[1] = {raw};
    buf = TRY(call(Value(write ? io::tp_BufferedWriter : io::tp_BufferedReader), bargs, 1));
  }
  const char* loc = std::getenv("LC_ALL");
  if (!loc || !*loc) loc = std::getenv("LC_CTYPE");
  if (!loc || !*loc) loc = std::getenv("LANG");
  std::string l = loc ? loc : "C";
  bool c_locale = l.empty() || l == "C" || l == "POSIX" || l.rfind("C.", 0) == 0;
  // PYTHONIOENCODING=encoding[:errors] (either part may be empty); stderr
  // keeps backslashreplace whatever it says, as in CPython. A named encoding
  // without errors means strict, the locale's default errors apply only to UTF-8.
  std::string encoding = g_interp.io_encoding.empty() ? "utf-8" : g_interp.io_encoding;
  std::string errors = fd == 2 ? "backslashreplace"
                       : !g_interp.io_errors.empty() ? g_interp.io_errors
                       : !g_interp.io_encoding.empty() ? "strict"
                       : c_locale ? "surrogateescape" : "strict";
  Value targs[6] = {buf, str_value(encoding), str_value(errors), None(),
                    Bool(fd == 2 || (write && tty)), Bool(unbuffered)};
  Value t = TRY(call(Value(io::tp_TextIOWrapper), targs, 6));
  TRY(setattr(t, str_intern("mode"), Value(str_intern(write ? "w" : "r"))));
  const char* name = fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>";
  TRY(setattr(raw, N.name, Value(str_intern(name))));
  return t;
}

}  // namespace gilpy
