// termios: POSIX terminal control (tcgetattr, tcsetattr, tcdrain, ...), as
// CPython's module on Linux. An attribute list is [iflag, oflag, cflag, lflag,
// ispeed, ospeed, cc]; cc holds one-byte bytes objects, except VMIN and VTIME,
// which are ints when ICANON is off (what the C struct means then).
// Calls that may wait (tcdrain, tcsendbreak) run without the GIL.
#include <sys/ioctl.h>
#include <sys/ttydefaults.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Value g_termios_error;  // termios.error (an Exception subclass)

// termios.error(errno, strerror), as CPython raises it.
static Err raise_termios(int e) {
  Result<Value> exc = call2(g_termios_error, Value::small(e), str_value(std::strerror(e)));
  if (exc.is_err()) return ERR;
  return raise_value(exc.value());
}

// A descriptor: an int, or an object with fileno() (PyObject_AsFileDescriptor).
static Result<int> fd_arg(Value v) {
  Value fdv = v;
  if (!is_int(v)) {
    Value meth;
    TRY(getattr_opt(v, str_intern("fileno"), &meth));
    if (!meth) return raise(tp_TypeError, "argument must be an int, or have a fileno() method.");
    fdv = TRY(call0(meth));
    if (!is_int(fdv)) return raise(tp_TypeError, "fileno() returned a non-integer");
  }
  int64_t fd;
  if (!int_fits_i64(fdv, &fd) || fd > INT32_MAX || fd < INT32_MIN)
    return raise(tp_OverflowError, "Python int too large to convert to C int");
  if (fd < 0) return raise_fmt(tp_ValueError, "file descriptor cannot be a negative integer (%d)", int(fd));
  return int(fd);
}

static Result<Value> t_tcgetattr(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tcgetattr", kw));
  TRY(check_nargs("tcgetattr", n, 1, 1));
  int fd = TRY(fd_arg(a[0]));
  struct termios t;
  if (::tcgetattr(fd, &t) < 0) return raise_termios(errno);
  List* cc = list_new(NCCS);
  for (int i = 0; i < NCCS; i++) {
    char c = char(t.c_cc[i]);
    cc->items[i] = bytes_from(std::string_view(&c, 1));
  }
  if (!(t.c_lflag & ICANON)) {
    cc->items[VMIN] = Value::small(t.c_cc[VMIN]);
    cc->items[VTIME] = Value::small(t.c_cc[VTIME]);
  }
  List* out = list_new(7);
  out->items[0] = int_from_u64(t.c_iflag);
  out->items[1] = int_from_u64(t.c_oflag);
  out->items[2] = int_from_u64(t.c_cflag);
  out->items[3] = int_from_u64(t.c_lflag);
  out->items[4] = int_from_u64(cfgetispeed(&t));
  out->items[5] = int_from_u64(cfgetospeed(&t));
  out->items[6] = Value(cc);
  return Value(out);
}

// A flag word: any int that fits in the C type (CPython takes a C long and truncates).
static Result<tcflag_t> flag_arg(Value v) {
  Value iv = TRY(index_value(v));
  int64_t x;
  if (int_fits_i64(iv, &x)) return tcflag_t(x);
  return raise(tp_OverflowError, "Python int too large to convert to C long");
}

static Result<Value> t_tcsetattr(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tcsetattr", kw));
  TRY(check_nargs("tcsetattr", n, 3, 3));
  int fd = TRY(fd_arg(a[0]));
  int when = TRY(as_c_int(a[1]));
  Value attrs = a[2];
  if (!is_list(attrs) || as_list(attrs)->size != 7)
    return raise(tp_TypeError, "tcsetattr, arg 3: must be 7 element list");
  List* l = as_list(attrs);
  struct termios t;
  if (::tcgetattr(fd, &t) < 0) return raise_termios(errno);
  t.c_iflag = TRY(flag_arg(l->items[0]));
  t.c_oflag = TRY(flag_arg(l->items[1]));
  t.c_cflag = TRY(flag_arg(l->items[2]));
  t.c_lflag = TRY(flag_arg(l->items[3]));
  speed_t ispeed = speed_t(TRY(flag_arg(l->items[4])));
  speed_t ospeed = speed_t(TRY(flag_arg(l->items[5])));
  Value ccv = l->items[6];
  if (!is_list(ccv) || as_list(ccv)->size != NCCS)
    return raise_fmt(tp_TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
  List* cc = as_list(ccv);
  for (int i = 0; i < NCCS; i++) {
    Value v = cc->items[i];
    if (is_bytes(v) && as_bytes(v)->size == 1) t.c_cc[i] = cc_t(as_bytes(v)->data[0]);
    else if (is_int(v)) t.c_cc[i] = cc_t(TRY(as_c_int(v)));
    else return raise(tp_TypeError, "tcsetattr: elements of attributes must be characters or integers");
  }
  if (cfsetispeed(&t, ispeed) < 0 || cfsetospeed(&t, ospeed) < 0) return raise_termios(errno);
  if (::tcsetattr(fd, when, &t) < 0) return raise_termios(errno);
  return None();
}

static Result<Value> t_tcsendbreak(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tcsendbreak", kw));
  TRY(check_nargs("tcsendbreak", n, 2, 2));
  int fd = TRY(fd_arg(a[0]));
  int duration = TRY(as_c_int(a[1]));
  int r = gil::blocking(gil::Block::File, [&] { return ::tcsendbreak(fd, duration); });
  if (r < 0) return raise_termios(errno);
  return None();
}

static Result<Value> t_tcdrain(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tcdrain", kw));
  TRY(check_nargs("tcdrain", n, 1, 1));
  int fd = TRY(fd_arg(a[0]));
  int r = gil::blocking(gil::Block::File, [&] { return ::tcdrain(fd); });
  if (r < 0) return raise_termios(errno);
  return None();
}

static Result<Value> t_tcflush(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tcflush", kw));
  TRY(check_nargs("tcflush", n, 2, 2));
  int fd = TRY(fd_arg(a[0]));
  int queue = TRY(as_c_int(a[1]));
  if (::tcflush(fd, queue) < 0) return raise_termios(errno);
  return None();
}

static Result<Value> t_tcflow(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tcflow", kw));
  TRY(check_nargs("tcflow", n, 2, 2));
  int fd = TRY(fd_arg(a[0]));
  int action = TRY(as_c_int(a[1]));
  if (::tcflow(fd, action) < 0) return raise_termios(errno);
  return None();
}

static Result<Value> t_tcgetwinsize(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tcgetwinsize", kw));
  TRY(check_nargs("tcgetwinsize", n, 1, 1));
  int fd = TRY(fd_arg(a[0]));
  struct winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) < 0) return raise_termios(errno);
  return Value(tuple_of({Value::small(w.ws_row), Value::small(w.ws_col)}));
}

static Result<Value> t_tcsetwinsize(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("tcsetwinsize", kw));
  TRY(check_nargs("tcsetwinsize", n, 2, 2));
  int fd = TRY(fd_arg(a[0]));
  Value ws = a[1];
  Result<int64_t> len_r = len(ws);
  if (len_r.is_err() || len_r.value() != 2) {
    if (len_r.is_err()) exc_clear();
    return raise(tp_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
  }
  Value rows = TRY(getitem(ws, Value::small(0)));
  Value cols = TRY(getitem(ws, Value::small(1)));
  int64_t r = TRY(as_index(rows)), c = TRY(as_index(cols));
  struct winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) < 0) return raise_termios(errno);
  if (r < 0 || r > 0xFFFF || c < 0 || c > 0xFFFF) return raise(tp_OverflowError, "winsize value(s) out of range.");
  w.ws_row = (unsigned short)r;
  w.ws_col = (unsigned short)c;
  if (::ioctl(fd, TIOCSWINSZ, &w) < 0) return raise_termios(errno);
  return None();
}

static const MethodDef functions[] = {
    {"tcgetattr", t_tcgetattr}, {"tcsetattr", t_tcsetattr},     {"tcsendbreak", t_tcsendbreak},
    {"tcdrain", t_tcdrain},     {"tcflush", t_tcflush},         {"tcflow", t_tcflow},
    {"tcgetwinsize", t_tcgetwinsize}, {"tcsetwinsize", t_tcsetwinsize}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("termios", functions,
                                "This module provides an interface to the Posix calls for tty I/O control.");
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, str_value("termios"));
  g_termios_error = TRY(call3(Value(tp_type), str_value("error"), Value(tuple_of({Value(tp_Exception)})), Value(ns)));
  dict_set_str(m->dict, str_intern("error"), g_termios_error);
  auto add = [m](const char* name, long long v) { dict_set_str(m->dict, str_intern(name), int_from_i64(int64_t(v))); };
#include "modules/termios_consts.inc"
#if !defined(VSWTCH) && defined(VSWTC)
  add("VSWTCH", VSWTC);  // glibc spells it VSWTC; CPython exports both
#endif
  return Value(m);
}
GILPY_NATIVE_MODULE("termios", init);

}  // namespace gilpy
