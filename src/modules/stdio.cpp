// The standard streams until the full _io module exists: a minimal text
// stream over a file descriptor (UTF-8, strict), buffered for stdout when not
// a terminal, line-buffered for stderr and terminals, as CPython does.
// Blocking reads and writes retry on EINTR (PEP 475).
#include <cerrno>
#include <cstring>
#include <string>

#include <unistd.h>

#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

struct StdStream : Object {
  Dict* dict;
  int fd;
  bool line_buffered;
  bool closed;
  bool readable;
  std::string* wbuf;  // pending output (malloc'd: holds no Values)
  std::string* rbuf;  // read-ahead
};
size_t stdstream_size() { return sizeof(StdStream); }

static StdStream* SS(Value v) { return v.as<StdStream>(); }

static Status write_all(int fd, const char* p, size_t n) {
  while (n) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return raise_errno(errno);
    }
    p += w;
    n -= size_t(w);
  }
  return OK();
}

static Status flush_stream(StdStream* s) {
  if (!s->wbuf->empty()) {
    std::string data;
    data.swap(*s->wbuf);
    TRY(write_all(s->fd, data.data(), data.size()));
  }
  return OK();
}

Value stdstream_new(int fd, bool readable) {
  StdStream* s = static_cast<StdStream*>(alloc_instance(tp_stdstream, sizeof(StdStream)));
  s->fd = fd;
  s->readable = readable;
  s->line_buffered = fd == 2 || isatty(fd);
  s->wbuf = new std::string();
  s->rbuf = new std::string();
  s->dict = dict_new();
  dict_set_str(s->dict, str_intern("encoding"), Value(str_intern("utf-8")));
  dict_set_str(s->dict, str_intern("errors"), Value(str_intern(fd == 2 ? "backslashreplace" : "strict")));
  dict_set_str(s->dict, str_intern("name"), Value(str_intern(fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>")));
  dict_set_str(s->dict, str_intern("mode"), Value(str_intern(readable ? "r" : "w")));
  return Value(s);
}

static Result<Value> ss_write(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("write", n - 1, 1, 1));
  StdStream* s = SS(a[0]);
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "write() argument must be str, not %s", type_name(a[1]));
  if (s->closed) return raise(tp_ValueError, "I/O operation on closed file.");
  Str* str = as_str(a[1]);
  s->wbuf->append(str->data, size_t(str->nbytes));
  bool has_nl = std::memchr(str->data, '\n', size_t(str->nbytes)) != nullptr;
  if ((s->line_buffered && has_nl) || s->wbuf->size() >= 8192) TRY(flush_stream(s));
  return Value::small(str->length);
}
static Result<Value> ss_flush(Value* a, int64_t, Tuple*) {
  TRY(flush_stream(SS(a[0])));
  return None();
}
static Result<Value> ss_fileno(Value* a, int64_t, Tuple*) { return Value::small(SS(a[0])->fd); }
static Result<Value> ss_isatty(Value* a, int64_t, Tuple*) { return Bool(isatty(SS(a[0])->fd)); }
static Result<Value> ss_readable(Value* a, int64_t, Tuple*) { return Bool(SS(a[0])->readable); }
static Result<Value> ss_writable(Value* a, int64_t, Tuple*) { return Bool(!SS(a[0])->readable); }
static Result<Value> ss_close(Value* a, int64_t, Tuple*) {
  TRY(flush_stream(SS(a[0])));
  SS(a[0])->closed = true;
  return None();
}
static Result<Value> ss_closed(Value s) { return Bool(SS(s)->closed); }
static Result<Value> ss_line_buffering(Value s) { return Bool(SS(s)->line_buffered); }

// Read more input into rbuf; false at end of file.
static Result<bool> fill(StdStream* s) {
  char buf[4096];
  for (;;) {
    ssize_t r = ::read(s->fd, buf, sizeof buf);
    if (r < 0) {
      if (errno == EINTR) continue;
      return raise_errno(errno);
    }
    if (r == 0) return false;
    s->rbuf->append(buf, size_t(r));
    return true;
  }
}
static Result<Value> ss_readline(Value* a, int64_t n, Tuple*) {
  StdStream* s = SS(a[0]);
  Value out = None();
  extern Value sys_get(Str*);
  // Flush stdout first so prompts appear (CPython flushes interactive stdout).
  for (;;) {
    size_t nl = s->rbuf->find('\n');
    if (nl != std::string::npos) {
      std::string line = s->rbuf->substr(0, nl + 1);
      s->rbuf->erase(0, nl + 1);
      return Value(str_new(line));
    }
    bool more = TRY(fill(s));
    if (!more) {
      std::string line;
      line.swap(*s->rbuf);
      return Value(str_new(line));
    }
  }
  (void)out;
}
static Result<Value> ss_read(Value* a, int64_t n, Tuple*) {
  StdStream* s = SS(a[0]);
  int64_t want = n > 1 && !is_none(a[1]) ? TRY(as_ssize(a[1])) : -1;
  while (want < 0 || int64_t(s->rbuf->size()) < want) {
    bool more = TRY(fill(s));
    if (!more) break;
  }
  std::string data;
  if (want < 0 || size_t(want) >= s->rbuf->size()) data.swap(*s->rbuf);
  else { data = s->rbuf->substr(0, size_t(want)); s->rbuf->erase(0, size_t(want)); }
  return Value(str_new(data));
}
static Result<Value> ss_iter(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> ss_next(Value* a, int64_t, Tuple*) {
  Value line = TRY(ss_readline(a, 1, nullptr));
  if (as_str(line)->nbytes == 0) return raise_stop_iteration(Value());
  return line;
}
static Result<Value> ss_repr(Value* a, int64_t, Tuple*) {
  int fd = SS(a[0])->fd;
  const char* name = fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>";
  return Value(str_new(std::string("<_io.TextIOWrapper name='") + name + "' mode='" + (fd ? "w" : "r") +
                       "' encoding='utf-8'>"));
}
static Result<Value> ss_enter(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> ss_exit(Value* a, int64_t, Tuple*) { return ss_close(a, 1, nullptr); }

static const MethodDef ss_methods[] = {
    {"write", ss_write}, {"flush", ss_flush}, {"fileno", ss_fileno}, {"isatty", ss_isatty},
    {"readable", ss_readable}, {"writable", ss_writable}, {"close", ss_close}, {"readline", ss_readline},
    {"read", ss_read}, {"__iter__", ss_iter}, {"__next__", ss_next}, {"__repr__", ss_repr},
    {"__enter__", ss_enter}, {"__exit__", ss_exit}, {nullptr, nullptr}};
static const GetSetDef ss_getsets[] = {{"closed", ss_closed}, {"line_buffering", ss_line_buffering},
                                       {nullptr, nullptr}};

void init_stdstream_type() {
  type_add_methods(tp_stdstream, ss_methods);
  type_add_getsets(tp_stdstream, ss_getsets);
  tp_stdstream->dict_offset = sizeof(Object);
}

}  // namespace gilpy
