// select: waiting for I/O readiness (select.select, select.poll, select.epoll),
// what selectors.py and subprocess.Popen.communicate() build on.
//
// select.select() is implemented with poll(2): same results for the caller,
// and no FD_SETSIZE ceiling on descriptor numbers. Every wait retries on EINTR
// after running signal handlers, with the timeout shrunk to what is left of
// the original deadline (PEP 475).
#include <poll.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>


#include <cerrno>
#include <climits>
#include <cmath>
#include <vector>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/gil.h"
#include "runtime/eval_breaker.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Type* tp_poll;
static Type* tp_epoll;

static Status after_eintr() {
  if (eval_breaker_set()) return handle_eval_breaker();
  return OK();
}

static double now_mono() {
  struct timespec t;
  ::clock_gettime(CLOCK_MONOTONIC, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

// Milliseconds left until `deadline` (seconds, monotonic), rounded up so a
// wait never ends early; -1 for no deadline.
static int ms_left(double deadline) {
  if (deadline < 0) return -1;
  double left = (deadline - now_mono()) * 1000.0;
  if (left <= 0) return 0;
  if (left >= double(INT_MAX)) return INT_MAX;
  return int(std::ceil(left));
}

// PyObject_AsFileDescriptor: an int, or an object whose fileno() returns one.
static Result<int> fd_of(Value v) {
  Value f = v;
  if (!is_int(v)) {
    Value m;
    TRY(getattr_opt(v, N.fileno, &m));
    if (!m) return raise(tp_TypeError, "argument must be an int, or have a fileno() method.");
    f = TRY(call0(m));
    if (!is_int(f)) return raise(tp_TypeError, "fileno() returned a non-integer");
  }
  int64_t fd = TRY(as_index(f));
  if (fd < 0) return raise_fmt(tp_ValueError, "file descriptor cannot be a negative integer (%lld)", (long long)fd);
  if (fd > INT_MAX) return raise(tp_OverflowError, "Python int too large to convert to C int");
  return int(fd);
}

// A timeout in seconds: None -> -1 (forever). `what` is the TypeError text.
static Result<double> seconds_arg(Value v, const char* what) {
  if (!v || is_none(v)) return -1.0;
  if (!is_int(v) && !is_float(v)) return raise(tp_TypeError, what);
  double d = TRY(to_double(v));
  if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
  return d;
}

// ---- select.select ----------------------------------------------------------------------------
static Result<List*> seq_arg(Value v) {
  if (!is_list(v) && !is_tuple(v)) {
    Result<List*> r = to_list(v);
    if (r.is_err()) {
      if (!exc_matches(tp_TypeError)) return ERR;
      exc_clear();
      return raise(tp_TypeError, "arguments 1-3 must be sequences");
    }
    return r;
  }
  return to_list(v);
}

static Result<Value> sel_select(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("select", kw));
  TRY(check_nargs("select", nargs, 3, 4));
  double timeout = TRY(seconds_arg(nargs > 3 ? args[3] : Value(), "timeout must be a float or None"));
  if (nargs > 3 && !is_none(args[3]) && timeout < 0) return raise(tp_ValueError, "timeout must be non-negative");
  List* lists[3];
  for (int i = 0; i < 3; i++) lists[i] = TRY(seq_arg(args[i]));
  // One pollfd per list entry, in order: results keep the caller's objects and order.
  std::vector<struct pollfd> pfds;
  const short ev[3] = {POLLIN, POLLOUT, POLLPRI};
  for (int i = 0; i < 3; i++)
    for (int64_t j = 0; j < lists[i]->size; j++) {
      int fd = TRY(fd_of(lists[i]->items[j]));
      pfds.push_back({fd, ev[i], short(0)});
    }
  double deadline = timeout < 0 ? -1.0 : now_mono() + timeout;
  int r;
  while (true) {
    r = gil::blocking(gil::Block::Select,
                      [&] { return ::poll(pfds.data(), nfds_t(pfds.size()), ms_left(deadline)); });
    if (r >= 0 || errno != EINTR) break;
    TRY(after_eintr());
  }
  if (r < 0) return raise_errno(errno);
  // select(2) reports a closed descriptor as EBADF; poll marks it POLLNVAL.
  for (auto& p : pfds)
    if (p.revents & POLLNVAL) return raise_errno(EBADF);
  // What select(2) would report: hang-up and error count as readable/writable.
  const short hit[3] = {POLLIN | POLLHUP | POLLERR, POLLOUT | POLLHUP | POLLERR, POLLPRI};
  Value out[3];
  size_t k = 0;
  for (int i = 0; i < 3; i++) {
    List* l = list_new();
    for (int64_t j = 0; j < lists[i]->size; j++, k++)
      if (pfds[k].revents & hit[i]) TRY(list_append(l, lists[i]->items[j]));
    out[i] = Value(l);
  }
  return Value(tuple_of({out[0], out[1], out[2]}));
}

// ---- select.poll ------------------------------------------------------------------------------
struct PollObj : Object {
  Dict* fds;  // fd -> event mask, in registration order
  bool polling;
};
static PollObj* P(Value v) { return v.as<PollObj>(); }

static Result<int> mask_arg(Value v, int dflt) {
  if (!v) return dflt;
  int64_t m = TRY(as_index(v));
  if (m < 0 || m > 0xFFFF) return raise(tp_OverflowError, "Python int too large for C unsigned short");
  return int(m);
}

static Result<Value> poll_register(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("register", kw));
  TRY(check_nargs("register", n - 1, 1, 2));
  int fd = TRY(fd_of(a[1]));
  int mask = TRY(mask_arg(n > 2 ? a[2] : Value(), POLLIN | POLLPRI | POLLOUT));
  TRY(dict_set(P(a[0])->fds, Value::small(fd), Value::small(mask)));
  return None();
}

static Result<Value> poll_modify(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("modify", kw));
  TRY(check_nargs("modify", n - 1, 2, 2));
  int fd = TRY(fd_of(a[1]));
  int mask = TRY(mask_arg(a[2], 0));
  Value cur;
  TRY(dict_get2(P(a[0])->fds, Value::small(fd), &cur));
  if (!cur) return raise_errno(ENOENT);
  TRY(dict_set(P(a[0])->fds, Value::small(fd), Value::small(mask)));
  return None();
}

static Result<Value> poll_unregister(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("unregister", kw));
  TRY(check_nargs("unregister", n - 1, 1, 1));
  int fd = TRY(fd_of(a[1]));
  bool had = TRY(dict_del(P(a[0])->fds, Value::small(fd)));
  if (!had) {
    Value k = Value::small(fd);
    return raise_with_args(tp_KeyError, &k, 1);
  }
  return None();
}

static Result<Value> poll_poll(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("poll", kw));
  TRY(check_nargs("poll", n - 1, 0, 1));
  PollObj* p = P(a[0]);
  // Milliseconds; None or negative waits forever; fractions round up.
  double ms = -1;
  if (n > 1 && !is_none(a[1])) {
    if (!is_int(a[1]) && !is_float(a[1])) return raise(tp_TypeError, "timeout must be an integer or None");
    ms = TRY(to_double(a[1]));
    if (ms > 9.2e15) return raise(tp_OverflowError, "timestamp too large to convert to C _PyTime_t");
  }
  if (p->polling) return raise(tp_RuntimeError, "concurrent poll() invocation");
  std::vector<struct pollfd> pfds;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(p->fds, &pos, &k, &v)) pfds.push_back({int(k.as_small()), short(v.as_small()), short(0)});
  double deadline = ms < 0 ? -1.0 : now_mono() + std::ceil(ms) / 1000.0;
  int r;
  p->polling = true;
  while (true) {
    r = gil::blocking(gil::Block::Select,
                      [&] { return ::poll(pfds.data(), nfds_t(pfds.size()), ms_left(deadline)); });
    if (r >= 0 || errno != EINTR) break;
    Status s = after_eintr();
    if (s.is_err()) {
      p->polling = false;
      return ERR;
    }
  }
  p->polling = false;
  if (r < 0) return raise_errno(errno);
  List* out = list_new();
  for (auto& f : pfds)
    if (f.revents)
      TRY(list_append(out, Value(tuple_of({Value::small(f.fd), Value::small(f.revents & 0xFFFF)}))));
  return Value(out);
}

static const MethodDef poll_methods[] = {{"register", poll_register},
                                         {"modify", poll_modify},
                                         {"unregister", poll_unregister},
                                         {"poll", poll_poll},
                                         {nullptr, nullptr}};

static Result<Value> sel_poll(Value*, int64_t nargs, Tuple*) {
  TRY(check_nargs("poll", nargs, 0, 0));
  PollObj* p = static_cast<PollObj*>(alloc_instance(tp_poll, sizeof(PollObj)));
  p->fds = dict_new();
  p->polling = false;
  return Value(p);
}

// ---- select.epoll -----------------------------------------------------------------------------
struct EpollObj : Object {
  Dict* dict;  // subclass instance dict (offset 8)
  int fd;      // -1 once closed
};
static EpollObj* E(Value v) { return v.as<EpollObj>(); }

static Result<EpollObj*> open_epoll(Value self) {
  EpollObj* e = E(self);
  if (e->fd < 0) return raise(tp_ValueError, "I/O operation on closed epoll object");
  return e;
}

static void epoll_finalizer(Object* obj) {
  EpollObj* e = static_cast<EpollObj*>(obj);
  if (e->fd >= 0) {
    (void)::close(e->fd);
    e->fd = -1;
  }
}

static Result<Value> epoll_new(Value* a, int64_t n, Tuple* kw) {
  Value o[2];
  TRY(parse_args("epoll", a + 1, n - 1, kw, {"sizehint", "flags"}, 0, o));
  int64_t sizehint = o[0] ? TRY(as_index(o[0])) : -1;
  int64_t flags = o[1] ? TRY(as_index(o[1])) : 0;
  if (sizehint == 0 || sizehint < -1) return raise(tp_ValueError, "negative sizehint");
  if (flags && flags != EPOLL_CLOEXEC) return raise(tp_OSError, "invalid flags");
  EpollObj* e = static_cast<EpollObj*>(alloc_instance(as_type(a[0]), sizeof(EpollObj)));
  // Always close-on-exec (PEP 446), whatever flags said.
  e->fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (e->fd < 0) return raise_errno(errno);
  // Closed when collected unclosed (an event loop never closed), as CPython's
  // deallocator does; a subclass with its own __del__ keeps that finalizer.
  if (!(e->type->flags & TF_HAS_DEL)) register_native_finalizer_after_del(e, epoll_finalizer);
  return Value(e);
}

static Result<Value> epoll_close(Value* a, int64_t, Tuple*) {
  EpollObj* e = E(a[0]);
  if (e->fd >= 0) {
    int fd = e->fd;
    e->fd = -1;
    if (::close(fd) < 0 && errno != EINTR) return raise_errno(errno);
  }
  return None();
}

static Result<Value> epoll_closed(Value self) { return Bool(E(self)->fd < 0); }

static Result<Value> epoll_fileno(Value* a, int64_t, Tuple*) {
  EpollObj* e = TRY(open_epoll(a[0]));
  return Value::small(e->fd);
}

static Result<Value> epoll_fromfd(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("fromfd", kw));
  TRY(check_nargs("fromfd", n - 1, 1, 1));
  int64_t fd = TRY(as_index(a[1]));
  EpollObj* e = static_cast<EpollObj*>(alloc_instance(as_type(a[0]), sizeof(EpollObj)));
  e->fd = int(fd);
  return Value(e);
}

static Status epoll_ctl_common(const char* fname, int op, Value* a, int64_t n, Tuple* kw, bool has_mask,
                               bool mask_required) {
  Value o[2];
  if (has_mask) TRY(parse_args(fname, a + 1, n - 1, kw, {"fd", "eventmask"}, mask_required ? 2 : 1, o));
  else TRY(parse_args(fname, a + 1, n - 1, kw, {"fd"}, 1, o));
  EpollObj* e = TRY(open_epoll(a[0]));
  int fd = TRY(fd_of(o[0]));
  struct epoll_event ev {};
  int64_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (o[1]) mask = TRY(as_index(o[1]));
  ev.events = uint32_t(mask);
  ev.data.fd = fd;
  if (::epoll_ctl(e->fd, op, fd, &ev) < 0) return raise_errno(errno);
  return OK();
}

static Result<Value> epoll_register(Value* a, int64_t n, Tuple* kw) {
  TRY(epoll_ctl_common("register", EPOLL_CTL_ADD, a, n, kw, true, false));
  return None();
}
static Result<Value> epoll_modify(Value* a, int64_t n, Tuple* kw) {
  TRY(epoll_ctl_common("modify", EPOLL_CTL_MOD, a, n, kw, true, true));
  return None();
}
static Result<Value> epoll_unregister(Value* a, int64_t n, Tuple* kw) {
  TRY(epoll_ctl_common("unregister", EPOLL_CTL_DEL, a, n, kw, false, false));
  return None();
}

static Result<Value> epoll_poll(Value* a, int64_t n, Tuple* kw) {
  Value o[2];
  TRY(parse_args("poll", a + 1, n - 1, kw, {"timeout", "maxevents"}, 0, o));
  EpollObj* e = TRY(open_epoll(a[0]));
  // Seconds; None or negative waits forever.
  double timeout = TRY(seconds_arg(o[0], "timeout must be an integer or None"));
  int64_t maxevents = o[1] ? TRY(as_index(o[1])) : -1;
  if (maxevents == -1) maxevents = 1023;  // FD_SETSIZE - 1, CPython's default batch
  else if (maxevents < 1) return raise_fmt(tp_ValueError, "maxevents must be greater than 0, got %lld", (long long)maxevents);
  std::vector<struct epoll_event> evs;
  evs.resize(size_t(maxevents));
  // Round the timeout up to whole milliseconds so the wait never ends early.
  double deadline = timeout < 0 ? -1.0 : now_mono() + std::ceil(timeout * 1000.0) / 1000.0;
  int r;
  while (true) {
    r = gil::blocking(gil::Block::Select,
                      [&] { return ::epoll_wait(e->fd, evs.data(), int(maxevents), ms_left(deadline)); });
    if (r >= 0 || errno != EINTR) break;
    TRY(after_eintr());
  }
  if (r < 0) return raise_errno(errno);
  List* out = list_new();
  for (int i = 0; i < r; i++)
    TRY(list_append(out, Value(tuple_of({Value::small(evs[size_t(i)].data.fd), int_from_u64(evs[size_t(i)].events)}))));
  return Value(out);
}

static Result<Value> epoll_enter(Value* a, int64_t, Tuple*) {
  TRY(open_epoll(a[0]));
  return a[0];
}
static Result<Value> epoll_exit(Value* a, int64_t, Tuple*) { return epoll_close(a, 1, nullptr); }

static const MethodDef epoll_methods[] = {{"__new__", epoll_new, MethKind::Static},
                                          {"close", epoll_close},
                                          {"fileno", epoll_fileno},
                                          {"fromfd", epoll_fromfd, MethKind::Class},
                                          {"register", epoll_register},
                                          {"modify", epoll_modify},
                                          {"unregister", epoll_unregister},
                                          {"poll", epoll_poll},
                                          {"__enter__", epoll_enter},
                                          {"__exit__", epoll_exit},
                                          {nullptr, nullptr}};
static const GetSetDef epoll_getsets[] = {{"closed", epoll_closed}, {nullptr, nullptr}};

static const MethodDef functions[] = {{"select", sel_select}, {"poll", sel_poll}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("select", functions, "This module supports asynchronous I/O on multiple file descriptors.");
  if (!tp_poll) {
    tp_poll = native_type_new("select", "poll", tp_object, Layout::Other, sizeof(PollObj), poll_methods, nullptr, 0);
    tp_epoll = native_type_new("select", "epoll", tp_object, Layout::Other, sizeof(EpollObj), epoll_methods,
                               epoll_getsets);
  }
  auto add = [&](const char* name, int64_t v) { dict_set_str(m->dict, str_intern(name), int_from_i64(v)); };
  add("POLLIN", POLLIN);
  add("POLLPRI", POLLPRI);
  add("POLLOUT", POLLOUT);
  add("POLLERR", POLLERR);
  add("POLLHUP", POLLHUP);
  add("POLLNVAL", POLLNVAL);
  add("POLLRDNORM", POLLRDNORM);
  add("POLLRDBAND", POLLRDBAND);
  add("POLLWRNORM", POLLWRNORM);
  add("POLLWRBAND", POLLWRBAND);
  add("POLLMSG", POLLMSG);
  add("POLLRDHUP", POLLRDHUP);
  add("EPOLLIN", EPOLLIN);
  add("EPOLLOUT", EPOLLOUT);
  add("EPOLLPRI", EPOLLPRI);
  add("EPOLLERR", EPOLLERR);
  add("EPOLLHUP", EPOLLHUP);
  add("EPOLLET", EPOLLET);
  add("EPOLLONESHOT", EPOLLONESHOT);
  add("EPOLLEXCLUSIVE", EPOLLEXCLUSIVE);
  add("EPOLLRDHUP", EPOLLRDHUP);
  add("EPOLLRDNORM", EPOLLRDNORM);
  add("EPOLLRDBAND", EPOLLRDBAND);
  add("EPOLLWRNORM", EPOLLWRNORM);
  add("EPOLLWRBAND", EPOLLWRBAND);
  add("EPOLLMSG", EPOLLMSG);
  add("EPOLL_CLOEXEC", EPOLL_CLOEXEC);
  add("PIPE_BUF", PIPE_BUF);
  dict_set_str(m->dict, str_intern("error"), Value(tp_OSError));
  dict_set_str(m->dict, str_intern("epoll"), Value(tp_epoll));
  return Value(m);
}
GILPY_NATIVE_MODULE("select", init);

}  // namespace gilpy
