// _io.BufferedReader, BufferedWriter, BufferedRandom (one layout, Buffered)
// and BufferedRWPair: buffering over a raw stream.
//
// Invariants: rbuf[rpos..len) is read-ahead data that lies *after* the logical
// position; wbuf holds written bytes that lie *at* the logical position. The
// two are never both non-empty: reading flushes wbuf first, and writing drops
// the read-ahead after moving the raw position back to the logical one. When
// raw is an exact FileIO (`fast`), the descriptor is used directly.
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <mutex>
#include <string>

#include "modules/_io_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/thread_state.h"
#include "runtime/protocols.h"

namespace gilpy::io {

Type* tp_BufferedReader;
Type* tp_BufferedWriter;
Type* tp_BufferedRandom;
Type* tp_BufferedRWPair;

static Buffered* B(Value v) { return v.as<Buffered>(); }

// ---- the object lock ----------------------------------------------------------------------
// Waiters block on one process-wide condition variable (contention on a
// stream is rare; a per-object one would need memory the collector cannot
// see into). Taking and releasing happen with the GIL held; the mutex only
// orders a release against a waiter going to sleep.
static std::mutex g_lock_mu;
static std::condition_variable g_lock_cv;
static std::atomic<int> g_lock_waiters{0};
uint32_t g_io_fork_epoch = 0;  // bumped in a forked child (io_after_fork)

static Status buffer_enter(Buffered* b) {
  uint64_t me = ts()->serial;
  for (;;) {
    uint64_t owner = b->owner.load(std::memory_order_acquire);
    if (owner != 0 && b->epoch != g_io_fork_epoch) owner = 0;  // taken before a fork by a thread now gone
    if (owner == 0) {
      b->owner.store(me, std::memory_order_release);
      b->depth = 1;
      b->epoch = g_io_fork_epoch;
      return OK();
    }
    if (owner == me) {
      ++b->depth;
      return OK();
    }
    {
      gil::ReleaseGil nogil(gil::Block::File);
      std::unique_lock lk(g_lock_mu);
      g_lock_waiters.fetch_add(1);  // before the check: a releaser that misses it sees owner 0 here
      g_lock_cv.wait(lk, [b] { return b->owner.load() == 0; });
      g_lock_waiters.fetch_sub(1);
    }
    TRY(check_signals());
  }
}

// The common case, nobody waiting, costs one store and one load: the
// mutex and the wake-up are only for waiters (both sides use sequentially
// consistent operations, so either the releaser sees the waiter's count or
// the waiter sees the lock free).
static void buffer_leave(Buffered* b) {
  if (--b->depth > 0) return;
  b->owner.store(0);
  if (g_lock_waiters.load() == 0) return;
  { std::lock_guard lk(g_lock_mu); }
  g_lock_cv.notify_all();
}

// A method run while holding the object's lock.
template <Result<Value> (*F)(Value*, int64_t, Tuple*)>
static Result<Value> locked(Value* a, int64_t n, Tuple* kw) {
  Buffered* b = B(a[0]);
  TRY(buffer_enter(b));
  Result<Value> r = F(a, n, kw);
  buffer_leave(b);
  return r;
}

// ---- raw access ---------------------------------------------------------------------------
static Result<bool> raw_closed(Buffered* b) {
  if (b->fast) return b->raw.as<FileIO>()->fd < 0;
  Value c = TRY(getattr_str(b->raw, "closed"));
  return truthy(c);
}
// Bytes from one raw read of up to n bytes; None when it would block.
// As CPython's, through raw.readinto() (a raw stream's readinto is what
// RawIOBase subclasses implement); a result that is not a length becomes
// OSError("raw readinto() failed") caused by the conversion's error.
static Result<Value> raw_read(Buffered* b, int64_t n) {
  if (b->fast) return fileio_read_bytes(b->raw.as<FileIO>(), n);
  // As CPython's, the buffer is n bytes left uninitialised: a raw stream
  // with less to give (b'X\xff\xff\xff\xff' asks pickle for 4 GiB) must
  // not cost n bytes of zeroing, let alone a second copy of them.
  ByteArray* buf = bytearray_new();
  if (n > 0) {
    buf->data = static_cast<char*>(gc::alloc_atomic(size_t(n) + 1));
    buf->data[n] = 0;
    buf->size = buf->capacity = n;
  }
  Value r = TRY(call_method1(b->raw, str_intern("readinto"), Value(buf)));
  if (is_none(r)) return r;
  Result<int64_t> got = is_int(r) || type_lookup(r.type(), N.__index__)
                            ? as_ssize(r)
                            : Result<int64_t>(raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer",
                                                        type_name(r)));
  if (got.is_err()) {
    Value cause = exc_fetch();
    raise(tp_OSError, "raw readinto() failed");
    as_exc(t_ts->exc)->cause = cause;
    as_exc(t_ts->exc)->context = cause;
    return ERR;
  }
  if (got.value() < 0 || got.value() > n)
    return raise_fmt(tp_OSError, "raw readinto() returned invalid length %lld (should have been between 0 and %lld)",
                     (long long)got.value(), (long long)n);
  return bytes_from(buf->view().substr(0, size_t(got.value())));
}
static Result<int64_t> raw_write(Buffered* b, std::string_view data) {
  if (b->fast) return fileio_write_bytes(b->raw.as<FileIO>(), data);
  Value r = TRY(call_method1(b->raw, N.write, bytes_from(data)));
  if (is_none(r)) return int64_t(-1);
  int64_t n = TRY(as_ssize(r));
  if (n < 0 || n > int64_t(data.size()))
    return raise_fmt(tp_OSError, "raw write() returned invalid length %lld (should have been between 0 and %lld)",
                     (long long)n, (long long)data.size());
  return n;
}
static Result<int64_t> raw_seek(Buffered* b, int64_t pos, int whence) {
  if (b->fast) return fileio_seek(b->raw.as<FileIO>(), pos, whence);
  Value args[2] = {int_from_i64(pos), Value::small(whence)};
  Value r = TRY(call_method(b->raw, str_intern("seek"), args, 2));
  int64_t n = TRY(as_ssize(r));
  if (n < 0) return raise_fmt(tp_OSError, "Raw stream returned invalid position %lld", (long long)n);
  return n;
}
static Result<int64_t> raw_tell(Buffered* b) {
  if (b->fast) return fileio_seek(b->raw.as<FileIO>(), 0, SEEK_CUR);
  Value r = TRY(call_method0(b->raw, str_intern("tell")));
  int64_t n = TRY(as_ssize(r));
  if (n < 0) return raise_fmt(tp_OSError, "Raw stream returned invalid position %lld", (long long)n);
  return n;
}

static Status live(Buffered* b) {
  if (!b->ok) {
    if (b->detached) return raise(tp_ValueError, "raw stream has been detached");
    return raise(tp_ValueError, "I/O operation on uninitialized object");
  }
  return OK();
}
static Status live_open(Buffered* b, const char* msg) {
  TRY(live(b));
  if (TRY(raw_closed(b))) return raise(tp_ValueError, msg);
  return OK();
}
static bool can_read(Buffered* b) { return b->kind != BufKind::Writer; }
static bool can_write(Buffered* b) { return b->kind != BufKind::Reader; }

// Write all of wbuf to raw.
static Status flush_wbuf(Buffered* b) {
  int64_t done = 0;
  while (done < b->wbuf.len) {
    int64_t w = TRY(raw_write(b, b->wbuf.view().substr(size_t(done))));
    if (w < 0) {
      b->wbuf.consume(done);
      Value args[3] = {Value::small(EAGAIN), str_value("write could not complete without blocking"), Value::small(0)};
      return raise_with_args(tp_BlockingIOError, args, 3);
    }
    done += w;
    // A signal may have cut the write short: its handler runs now, and an
    // exception from it stops the flush (what was written stays written).
    if (done < b->wbuf.len && check_signals().is_err()) {
      b->wbuf.consume(done);
      return ERR;
    }
  }
  b->wbuf.clear();
  return OK();
}
// Drop unread read-ahead, moving raw back to the logical position.
static Status drop_readahead(Buffered* b) {
  int64_t unread = b->rbuf.len - b->rpos;
  if (unread > 0) TRY(raw_seek(b, -unread, SEEK_CUR));
  b->rbuf.clear();
  b->rpos = 0;
  return OK();
}
// Prepare for reading: written data goes out first.
static Status to_read_mode(Buffered* b) {
  if (b->wbuf.len) TRY(flush_wbuf(b));
  return OK();
}
// One raw read of up to n bytes appended to the read-ahead; false at EOF (or would block).
static Result<bool> fill(Buffered* b, int64_t n) {
  if (b->rpos == b->rbuf.len) {
    b->rbuf.clear();
    b->rpos = 0;
  } else if (b->rpos > 0 && b->rpos >= b->rbuf.len / 2) {
    b->rbuf.consume(b->rpos);
    b->rpos = 0;
  }
  Value d = TRY(raw_read(b, n));
  if (is_none(d) || as_bytes(d)->size == 0) return false;
  b->rbuf.append(as_bytes(d)->view());
  return true;
}

// ---- construction ---------------------------------------------------------------------------
static Result<Value> buffered_new(Value* a, int64_t, Tuple*) {
  Buffered* b = static_cast<Buffered*>(alloc_io(a[0]));
  return Value(b);
}

static Result<Value> buffered_init(Value* a, int64_t n, Tuple* kw) {
  Buffered* b = B(a[0]);
  Type* t = a[0].type();
  BufKind kind = is_subtype(t, tp_BufferedRandom) || t == tp_BufferedRandom ? BufKind::Random
                 : (t == tp_BufferedWriter || is_subtype(t, tp_BufferedWriter)) ? BufKind::Writer
                                                                                 : BufKind::Reader;
  const char* fname = kind == BufKind::Random ? "BufferedRandom" : kind == BufKind::Writer ? "BufferedWriter" : "BufferedReader";
  Value v[2];
  TRY(parse_args(fname, a + 1, n - 1, kw, {"raw", "buffer_size"}, 1, v));
  b->ok = false;
  Value raw = v[0];
  if (kind == BufKind::Random) TRY(check_seekable(raw));
  if (kind != BufKind::Writer) TRY(check_readable(raw));
  if (kind != BufKind::Reader) TRY(check_writable(raw));
  int64_t size = v[1] ? TRY(as_ssize(v[1])) : kDefaultBufferSize;
  if (size <= 0) return raise(tp_ValueError, "buffer size must be strictly positive");
  // CPython allocates the buffer here, and a size no machine can give
  // (sys.maxsize) fails with MemoryError; gilpy's buffer grows as it is
  // used, so such a size is refused here (256 TiB and beyond).
  if (size >= (int64_t(1) << 48)) return raise_memory_error();
  b->raw = raw;
  b->kind = kind;
  b->buffer_size = size;
  b->fast = raw.type() == tp_FileIO;
  b->detached = false;
  b->rbuf.clear();
  b->rpos = 0;
  b->wbuf.clear();
  b->ok = true;
  if (b->fast && kind != BufKind::Reader) track_writer(b);
  return None();
}

// ---- reading --------------------------------------------------------------------------------
static Result<Value> read_all(Buffered* b) {
  std::string res(b->rbuf.view().substr(size_t(b->rpos)));
  b->rbuf.clear();
  b->rpos = 0;
  if (b->fast) {
    for (;;) {
      Value d = TRY(fileio_read_bytes(b->raw.as<FileIO>(), 65536));
      if (is_none(d)) {
        if (res.empty()) return d;
        break;
      }
      if (as_bytes(d)->size == 0) break;
      res.append(as_bytes(d)->view());
    }
    return bytes_from(res);
  }
  Value readall;
  TRY(getattr_opt(b->raw, str_intern("readall"), &readall));
  if (readall) {
    Value d = TRY(call0(readall));
    if (is_none(d)) return res.empty() ? d : bytes_from(res);
    std::string_view v = TRY(buffer_view(d));
    res.append(v);
    return bytes_from(res);
  }
  for (;;) {
    Value d = TRY(raw_read(b, b->buffer_size));
    if (is_none(d)) {
      if (res.empty()) return d;
      break;
    }
    if (as_bytes(d)->size == 0) break;
    res.append(as_bytes(d)->view());
  }
  return bytes_from(res);
}

static Result<Value> read_n(Buffered* b, int64_t n) {
  int64_t avail = b->rbuf.len - b->rpos;
  if (n <= avail) {
    Value r = bytes_from(b->rbuf.view().substr(size_t(b->rpos), size_t(n)));
    b->rpos += n;
    return r;
  }
  std::string res(b->rbuf.view().substr(size_t(b->rpos)));
  b->rbuf.clear();
  b->rpos = 0;
  while (int64_t(res.size()) < n) {
    int64_t want = n - int64_t(res.size());
    if (want >= b->buffer_size) {
      Value d = TRY(raw_read(b, want));
      if (is_none(d)) {
        if (res.empty()) return d;
        break;
      }
      if (as_bytes(d)->size == 0) break;
      res.append(as_bytes(d)->view());
      continue;
    }
    bool more = TRY(fill(b, b->buffer_size));
    if (!more) break;
    int64_t take = std::min<int64_t>(want, b->rbuf.len - b->rpos);
    res.append(b->rbuf.view().substr(size_t(b->rpos), size_t(take)));
    b->rpos += take;
  }
  return bytes_from(res);
}

static Status reader_prep(Buffered* b, const char* closed_msg) {
  TRY(live_open(b, closed_msg));
  if (!can_read(b)) return unsupported("read");
  return to_read_mode(b);
}

static Result<Value> buffered_read(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("read", a + 1, n - 1, kw, {"size"}, 0, v));
  Buffered* b = B(a[0]);
  int64_t size = TRY(size_arg(v[0]));
  if (size < -1) return raise(tp_ValueError, "read length must be non-negative or -1");
  TRY(reader_prep(b, "read of closed file"));
  if (size < 0) return read_all(b);
  return read_n(b, size);
}

static Result<Value> buffered_read1(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("read1", n - 1, 0, 1));
  Buffered* b = B(a[0]);
  int64_t size = TRY(size_arg(n > 1 ? a[1] : Value()));
  TRY(reader_prep(b, "read of closed file"));
  if (size < 0) size = b->buffer_size;
  if (size == 0) return bytes_from("");
  int64_t avail = b->rbuf.len - b->rpos;
  if (avail == 0) {
    if (size > b->buffer_size) {
      Value d = TRY(raw_read(b, size));
      return is_none(d) ? bytes_from("") : d;
    }
    (void)TRY(fill(b, b->buffer_size));
    avail = b->rbuf.len - b->rpos;
  }
  int64_t take = std::min(size, avail);
  Value r = bytes_from(b->rbuf.view().substr(size_t(b->rpos), size_t(take)));
  b->rpos += take;
  return r;
}

static Result<Value> buffered_peek(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("peek", n - 1, 0, 1));
  Buffered* b = B(a[0]);
  TRY(reader_prep(b, "peek of closed file"));
  if (b->rpos == b->rbuf.len) (void)TRY(fill(b, b->buffer_size));
  return bytes_from(b->rbuf.view().substr(size_t(b->rpos)));
}

// The bytes readinto1(buffer of `size`) stores, as CPython's: what is
// buffered first; then, if that is not all, at most one raw read: straight
// into the result when more than a buffer's worth is missing, else a refill
// of the buffer, but only when nothing was buffered (None when that read has
// nothing to give yet and nothing was copied).
static Result<Value> readinto1_bytes(Buffered* b, int64_t size) {
  std::string out;
  int64_t avail = b->rbuf.len - b->rpos;
  if (avail > 0) {
    int64_t take = std::min(avail, size);
    out.append(b->rbuf.view().substr(size_t(b->rpos), size_t(take)));
    b->rpos += take;
    if (take == size) return bytes_from(out);
  }
  b->rbuf.clear();
  b->rpos = 0;
  int64_t remaining = size - int64_t(out.size());
  while (remaining > 0) {
    if (remaining > b->buffer_size) {
      Value d = TRY(raw_read(b, remaining));
      if (is_none(d)) {
        if (out.empty()) return d;
      } else {
        out.append(as_bytes(d)->view());
      }
      break;
    }
    if (!out.empty()) break;
    Value d = TRY(raw_read(b, b->buffer_size));
    if (is_none(d)) return d;
    if (as_bytes(d)->size == 0) break;
    b->rbuf.append(as_bytes(d)->view());
    int64_t take = std::min(remaining, b->rbuf.len);
    out.append(b->rbuf.view().substr(0, size_t(take)));
    b->rpos = take;
    remaining -= take;
  }
  return bytes_from(out);
}

static Result<Value> readinto_impl(Value* a, int64_t n, bool one) {
  TRY(check_nargs(one ? "readinto1" : "readinto", n - 1, 1, 1));
  Buffered* b = B(a[0]);
  int64_t size = TRY(writable_size(a[1]));
  TRY(reader_prep(b, "readinto of closed file"));
  Value d;
  if (one) {
    d = TRY(readinto1_bytes(b, size));
  } else {
    d = TRY(read_n(b, size));
  }
  if (is_none(d)) return d;
  TRY(store_into_buffer(a[1], as_bytes(d)->view()));
  return Value::small(as_bytes(d)->size);
}
static Result<Value> buffered_readinto(Value* a, int64_t n, Tuple*) { return readinto_impl(a, n, false); }
static Result<Value> buffered_readinto1(Value* a, int64_t n, Tuple*) { return readinto_impl(a, n, true); }

static Result<Value> readline_impl(Buffered* b, int64_t limit) {
  TRY(reader_prep(b, "readline of closed file"));
  std::string res;
  for (;;) {
    std::string_view avail = b->rbuf.view().substr(size_t(b->rpos));
    size_t room = limit < 0 ? avail.size() : std::min(avail.size(), size_t(limit) - res.size());
    size_t nl = avail.substr(0, room).find('\n');
    if (nl != std::string_view::npos) {
      res.append(avail.substr(0, nl + 1));
      b->rpos += int64_t(nl + 1);
      break;
    }
    res.append(avail.substr(0, room));
    b->rpos += int64_t(room);
    if (limit >= 0 && int64_t(res.size()) >= limit) break;
    bool more = TRY(fill(b, b->buffer_size));
    if (!more) break;
  }
  return bytes_from(res);
}
static Result<Value> buffered_readline(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("readline", a + 1, n - 1, kw, {"size"}, 0, v));
  int64_t limit = TRY(size_arg(v[0]));
  return readline_impl(B(a[0]), limit);
}
static Result<Value> buffered_next(Value* a, int64_t, Tuple*) {
  Value line = TRY(readline_impl(B(a[0]), -1));
  if (as_bytes(line)->size == 0) return raise_stop_iteration(Value());
  return line;
}

// ---- writing --------------------------------------------------------------------------------
static Result<Value> buffered_write(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("write", n - 1, 1, 1));
  Buffered* b = B(a[0]);
  TRY(live(b));
  std::string_view data = TRY(buffer_view(a[1]));
  if (TRY(raw_closed(b))) return raise(tp_ValueError, "write to closed file");
  if (!can_write(b)) return unsupported("write");
  if (b->rbuf.len) TRY(drop_readahead(b));
  int64_t len = int64_t(data.size());
  if (b->wbuf.len + len <= b->buffer_size) {
    b->wbuf.append(data);
    return Value::small(len);
  }
  // As CPython's BufferedWriter: what is buffered goes out first. A raw
  // stream that would block (write() gives None) keeps the rest buffered;
  // the new data joins it if it fits, else as much as fits is buffered and
  // BlockingIOError says how much of this write was taken.
  auto would_block = [](int64_t taken) {
    Value args[3] = {Value::small(EAGAIN), str_value("write could not complete without blocking"),
                     Value::small(taken)};
    return raise_with_args(tp_BlockingIOError, args, 3);
  };
  if (flush_wbuf(b).is_err()) {
    if (!exc_matches(tp_BlockingIOError)) return ERR;
    int64_t avail = b->buffer_size - b->wbuf.len;
    if (len <= avail) {
      exc_clear();
      b->wbuf.append(data);
      return Value::small(len);
    }
    exc_clear();
    if (avail > 0) b->wbuf.append(data.substr(0, size_t(avail)));
    return would_block(std::max<int64_t>(avail, 0));
  }
  // The buffer is empty: more than a buffer's worth goes straight through,
  // the tail is buffered.
  int64_t written = 0;
  while (len - written > b->buffer_size) {
    int64_t w = TRY(raw_write(b, data.substr(size_t(written))));
    if (w < 0) {
      b->wbuf.append(data.substr(size_t(written), size_t(b->buffer_size)));
      return would_block(written + b->buffer_size);
    }
    written += w;
    TRY(check_signals());  // a partial write: signal handlers run (and may raise)
  }
  if (written < len) b->wbuf.append(data.substr(size_t(written)));
  return Value::small(len);
}

static Result<Value> buffered_flush(Value* a, int64_t, Tuple*) {
  Buffered* b = B(a[0]);
  TRY(live_open(b, "flush of closed file"));
  if (b->wbuf.len) TRY(flush_wbuf(b));
  // BufferedRandom drops its read-ahead and puts the raw stream back at the
  // logical position, as CPython's does: a read after flush() sees what was
  // written to the raw stream meanwhile.
  if (can_read(b) && can_write(b) && b->rbuf.len) TRY(drop_readahead(b));
  if (!b->fast) {  // BufferedReader.flush() too: it forwards to raw.flush()
    Value f;
    TRY(getattr_opt(b->raw, N.flush, &f));
    if (f) TRY(call0(f));
  }
  return None();
}

// ---- positioning ------------------------------------------------------------------------------
static Result<int64_t> logical_tell(Buffered* b) {
  int64_t pos = TRY(raw_tell(b));
  pos -= b->rbuf.len - b->rpos;
  pos += b->wbuf.len;
  return pos < 0 ? 0 : pos;
}
static Result<Value> buffered_tell(Value* a, int64_t, Tuple*) {
  Buffered* b = B(a[0]);
  TRY(live(b));
  if (b->fast && b->raw.as<FileIO>()->fd < 0) return raise(tp_ValueError, "I/O operation on closed file");
  return int_from_i64(TRY(logical_tell(b)));
}
static Result<Value> buffered_seek(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("seek", n - 1, 1, 2));
  Buffered* b = B(a[0]);
  TRY(live(b));
  if (!is_int(a[1]) && !type_lookup(a[1].type(), N.__index__))
    return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[1]));
  int64_t pos = TRY(as_ssize(a[1]));
  int64_t whence = n > 2 ? TRY(as_ssize(a[2])) : 0;
  if (whence < 0 || whence > 2) return raise_fmt(tp_ValueError, "whence value %lld unsupported", (long long)whence);
  if (TRY(raw_closed(b))) return raise(tp_ValueError, "seek of closed file");
  TRY(check_seekable(b->raw));
  if (b->wbuf.len) TRY(flush_wbuf(b));
  // Seeks inside the read-ahead only move rpos.
  if (whence != 2 && b->rbuf.len) {
    int64_t rawpos = TRY(raw_tell(b));
    int64_t start = rawpos - b->rbuf.len;
    int64_t target = whence == 0 ? pos : rawpos - (b->rbuf.len - b->rpos) + pos;
    if (target >= start && target <= rawpos) {
      b->rpos = target - start;
      return int_from_i64(target);
    }
    if (whence == 1) pos = target, whence = 0;
  }
  b->rbuf.clear();
  b->rpos = 0;
  return int_from_i64(TRY(raw_seek(b, pos, int(whence))));
}
static Result<Value> buffered_truncate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("truncate", n - 1, 0, 1));
  Buffered* b = B(a[0]);
  TRY(live_open(b, "truncate of closed file"));
  if (!can_write(b)) return unsupported("truncate");
  int64_t logical = TRY(logical_tell(b));
  if (b->wbuf.len) TRY(flush_wbuf(b));
  if (b->rbuf.len) {
    TRY(raw_seek(b, logical, SEEK_SET));
    b->rbuf.clear();
    b->rpos = 0;
  }
  Value pos = n > 1 && !is_none(a[1]) ? a[1] : int_from_i64(logical);
  return call_method1(b->raw, str_intern("truncate"), pos);
}

// ---- closing and delegation ---------------------------------------------------------------
static Result<Value> buffered_close(Value* a, int64_t, Tuple*) {
  Buffered* b = B(a[0]);
  TRY(live(b));
  if (TRY(raw_closed(b))) return None();
  // Flush through the method so subclasses see it; close raw even when it fails.
  Result<Value> fr = call_method0(a[0], N.flush);
  Value err = fr.is_err() ? exc_fetch() : Value();
  Result<Value> cr = call_method0(b->raw, N.close);
  b->rbuf.clear();
  b->rpos = 0;
  if (cr.is_err()) return exc_chain_pending(err);
  if (err) {
    b->wbuf.clear();
    exc_restore(err);
    return ERR;
  }
  return None();
}
static Result<Value> buffered_detach(Value* a, int64_t, Tuple*) {
  Buffered* b = B(a[0]);
  TRY(live(b));
  TRY(call_method0(a[0], N.flush));
  Value raw = b->raw;
  b->raw = Value();
  b->ok = false;
  b->detached = true;
  return raw;
}
static Result<Value> delegate(Value self, const char* meth) {
  Buffered* b = B(self);
  TRY(live(b));
  return call_method0(b->raw, str_intern(meth));
}
static Result<Value> buffered_fileno(Value* a, int64_t, Tuple*) { return delegate(a[0], "fileno"); }
static Result<Value> buffered_isatty(Value* a, int64_t, Tuple*) { return delegate(a[0], "isatty"); }
static Result<Value> buffered_seekable(Value* a, int64_t, Tuple*) { return delegate(a[0], "seekable"); }
static Result<Value> buffered_readable(Value* a, int64_t, Tuple*) { return delegate(a[0], "readable"); }
static Result<Value> buffered_writable(Value* a, int64_t, Tuple*) { return delegate(a[0], "writable"); }
// BufferedReader is not writable and BufferedWriter not readable whatever
// their raw stream is: CPython's types inherit IOBase's answer (False).
static Result<Value> buffered_no(Value*, int64_t, Tuple*) { return Bool(false); }
static Result<Value> buffered_sizeof(Value* a, int64_t, Tuple*) {
  Buffered* b = B(a[0]);
  return Value::small(int64_t(a[0].type()->instance_size) + b->buffer_size);
}
static Result<Value> buffered_getstate(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot pickle '%s' object", type_name(a[0]));
}
static Result<Value> buffered_repr(Value* a, int64_t, Tuple*) {
  Type* t = a[0].type();
  std::string tn = (t == tp_BufferedReader || t == tp_BufferedWriter || t == tp_BufferedRandom)
                       ? "_io." + std::string(t->name->view())
                       : std::string(t->name->view());
  Value name;
  Status s = getattr_opt(a[0], N.name, &name);
  if (s.is_err()) {
    if (!exc_matches(tp_ValueError)) return ERR;
    exc_clear();
  }
  if (!name) return str_value("<" + tn + ">");
  Str* r = TRY(repr(name));
  return str_value("<" + tn + " name=" + std::string(r->view()) + ">");
}

static Result<Value> get_raw(Value self) {
  Buffered* b = B(self);
  TRY(live(b));
  return b->raw;
}
static Result<Value> get_closed(Value self) {
  Buffered* b = B(self);
  TRY(live(b));
  return Bool(TRY(raw_closed(b)));
}
static Result<Value> get_name(Value self) {
  Buffered* b = B(self);
  TRY(live(b));
  return getattr(b->raw, N.name);
}
static Result<Value> get_mode(Value self) {
  Buffered* b = B(self);
  TRY(live(b));
  return getattr_str(b->raw, "mode");
}

static const MethodDef reader_methods[] = {
    {"__new__", buffered_new, MethKind::Static}, {"__init__", buffered_init}, {"read", locked<buffered_read>},
    {"read1", locked<buffered_read1>}, {"peek", locked<buffered_peek>}, {"readinto", locked<buffered_readinto>},
    {"readinto1", locked<buffered_readinto1>}, {"readline", locked<buffered_readline>},
    {"__next__", locked<buffered_next>}, {"flush", locked<buffered_flush>}, {"tell", locked<buffered_tell>},
    {"seek", locked<buffered_seek>}, {"truncate", locked<buffered_truncate>}, {"close", locked<buffered_close>},
    {"detach", locked<buffered_detach>}, {"fileno", buffered_fileno},
    {"isatty", buffered_isatty}, {"seekable", buffered_seekable}, {"readable", buffered_readable},
    {"writable", buffered_no}, {"__sizeof__", buffered_sizeof}, {"__getstate__", buffered_getstate},
    {"__repr__", buffered_repr}, {nullptr, nullptr}};
static const MethodDef writer_methods[] = {
    {"__new__", buffered_new, MethKind::Static}, {"__init__", buffered_init}, {"write", locked<buffered_write>},
    {"flush", locked<buffered_flush>}, {"tell", locked<buffered_tell>}, {"seek", locked<buffered_seek>},
    {"truncate", locked<buffered_truncate>}, {"close", locked<buffered_close>}, {"detach", locked<buffered_detach>},
    {"fileno", buffered_fileno},
    {"isatty", buffered_isatty}, {"seekable", buffered_seekable}, {"readable", buffered_no},
    {"writable", buffered_writable}, {"__sizeof__", buffered_sizeof}, {"__getstate__", buffered_getstate},
    {"__repr__", buffered_repr}, {nullptr, nullptr}};
static const MethodDef random_methods[] = {{"write", locked<buffered_write>}, {"readable", buffered_readable},
                                           {"writable", buffered_writable}, {nullptr, nullptr}};
static const GetSetDef buffered_getsets[] = {{"raw", get_raw}, {"closed", get_closed}, {"name", get_name},
                                             {"mode", get_mode}, {nullptr, nullptr}};

// ---- BufferedRWPair -----------------------------------------------------------------------
static BufferedRWPair* P(Value v) { return v.as<BufferedRWPair>(); }
static Result<Value> pair_new(Value* a, int64_t, Tuple*) { return Value(alloc_io(a[0])); }
static Result<Value> pair_init(Value* a, int64_t n, Tuple* kw) {
  Value v[3];
  TRY(parse_args("BufferedRWPair", a + 1, n - 1, kw, {"reader", "writer", "buffer_size"}, 2, v));
  TRY(check_readable(v[0]));
  TRY(check_writable(v[1]));
  Value size = v[2] ? v[2] : Value::small(kDefaultBufferSize);
  BufferedRWPair* p = P(a[0]);
  p->reader = TRY(call2(Value(tp_BufferedReader), v[0], size));
  p->writer = TRY(call2(Value(tp_BufferedWriter), v[1], size));
  return None();
}
static Status pair_live(BufferedRWPair* p) {
  if (!p->reader || !p->writer) return raise(tp_ValueError, "I/O operation on uninitialized object");
  return OK();
}
static Result<Value> pair_forward(Value* a, int64_t n, Value target, const char* meth) {
  TRY(pair_live(P(a[0])));
  return call_method(target, str_intern(meth), a + 1, n - 1);
}
#define PAIR_FWD(fn, side, meth) \
  static Result<Value> fn(Value* a, int64_t n, Tuple*) { \
    TRY(pair_live(P(a[0]))); \
    return pair_forward(a, n, P(a[0])->side, meth); \
  }
PAIR_FWD(pair_read, reader, "read")
PAIR_FWD(pair_peek, reader, "peek")
PAIR_FWD(pair_read1, reader, "read1")
PAIR_FWD(pair_readinto, reader, "readinto")
PAIR_FWD(pair_readinto1, reader, "readinto1")
PAIR_FWD(pair_readline, reader, "readline")
PAIR_FWD(pair_write, writer, "write")
PAIR_FWD(pair_flush, writer, "flush")
PAIR_FWD(pair_readable, reader, "readable")
PAIR_FWD(pair_writable, writer, "writable")
#undef PAIR_FWD
static Result<Value> pair_isatty(Value* a, int64_t, Tuple*) {
  TRY(pair_live(P(a[0])));
  Value r = TRY(call_method0(P(a[0])->writer, str_intern("isatty")));
  if (TRY(truthy(r))) return r;
  return call_method0(P(a[0])->reader, str_intern("isatty"));
}
static Result<Value> pair_close(Value* a, int64_t, Tuple*) {
  TRY(pair_live(P(a[0])));
  Result<Value> w = call_method0(P(a[0])->writer, N.close);
  Value err = w.is_err() ? exc_fetch() : Value();
  Result<Value> r = call_method0(P(a[0])->reader, N.close);
  if (r.is_err() || err) return exc_chain_pending(err);
  return None();
}
static Result<Value> pair_closed(Value self) {
  TRY(pair_live(P(self)));
  return getattr_str(P(self)->writer, "closed");
}
static const MethodDef pair_methods[] = {
    {"__new__", pair_new, MethKind::Static}, {"__init__", pair_init}, {"read", pair_read}, {"peek", pair_peek},
    {"read1", pair_read1}, {"readinto", pair_readinto}, {"readinto1", pair_readinto1},
    {"readline", pair_readline}, {"write", pair_write}, {"flush", pair_flush}, {"readable", pair_readable},
    {"writable", pair_writable}, {"isatty", pair_isatty}, {"close", pair_close}, {nullptr, nullptr}};
static const GetSetDef pair_getsets[] = {{"closed", pair_closed}, {nullptr, nullptr}};

void make_buffered_types() {
  auto mk = [](const char* name, Type* base, const MethodDef* m, const GetSetDef* g, size_t size) {
    Type* t = native_type_new("_io", name, base, Layout::Other, size, m, g);
    t->dict_offset = sizeof(Object);
    return t;
  };
  tp_BufferedReader = mk("BufferedReader", tp_BufferedIOBase, reader_methods, buffered_getsets, sizeof(Buffered));
  tp_BufferedWriter = mk("BufferedWriter", tp_BufferedIOBase, writer_methods, buffered_getsets, sizeof(Buffered));
  // BufferedRandom: the reader's methods plus write (CPython lists them all on the type;
  // inheriting from BufferedReader is how the method table is shared here).
  tp_BufferedRandom = mk("BufferedRandom", tp_BufferedIOBase, reader_methods, buffered_getsets, sizeof(Buffered));
  type_add_methods(tp_BufferedRandom, random_methods);
  tp_BufferedRWPair = mk("BufferedRWPair", tp_BufferedIOBase, pair_methods, pair_getsets, sizeof(BufferedRWPair));
}

}  // namespace gilpy::io
