// _curses: the C half of CPython's curses package, on ncursesw (Debian's
// libncurses-dev). The module functions (initscr, newwin, the terminal modes,
// colours, terminfo queries, mouse) and the window type with the drawing,
// input and refresh methods, their optional "y, x" first arguments included.
// str text goes through the wide-character calls; bytes through the narrow
// ones. Blocking input (getch, get_wch, getkey, getstr) runs with the GIL
// released, as in CPython.
//
// Linking: libncursesw is bound lazily (decision 0021); its data objects that
// gilpy reads (COLORS, COLOR_PAIRS) are looked up with dlsym instead of being
// referenced. The terminfo layer, libtinfo (stdscr, LINES, COLS, acs_map,
// setupterm, tigetstr, ...), is linked the ordinary way: readline already
// loads it at every start, so it costs nothing more.
#include <dlfcn.h>
#include <langinfo.h>
#include <unistd.h>

#include <gc/gc.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#define NCURSES_NOMACROS 1  // functions, not macros that expand to ERR/OK
#include <ncursesw/curses.h>

// curses.h's OK and ERR macros would rewrite gilpy's OK() and ERR.
constexpr int kOk = OK;
constexpr int kErr = ERR;
#undef OK
#undef ERR

extern "C" int setupterm(const char* term, int fd, int* err);  // <term.h> would define many macros

namespace gilpy {

namespace {

Type* g_error;
Type* tp_Window;
Module* g_module;
bool g_initscr_called, g_setupterm_called, g_color_initialized;

// libncursesw's own data objects, read through dlsym (see the top).
int* ncurses_int(const char* name) {
  static void* handle = dlopen("libncursesw.so.6", RTLD_NOW | RTLD_GLOBAL);
  return handle ? static_cast<int*>(dlsym(handle, name)) : nullptr;
}
int colors_count() {
  static int* p = ncurses_int("COLORS");
  return p ? *p : 0;
}
int color_pairs_count() {
  static int* p = ncurses_int("COLOR_PAIRS");
  return p ? *p : 0;
}

Status need_initscr() {
  if (!g_initscr_called) return raise(g_error, "must call initscr() first");
  return OK();
}
Status need_setupterm() {
  if (!g_setupterm_called) return raise(g_error, "must call (at least) setupterm() first");
  return OK();
}
Status need_color() {
  if (!g_color_initialized) return raise(g_error, "must call start_color() first");
  return OK();
}

Result<Value> check_rc(int rc, const char* fname) {
  if (rc == kErr) return raise_fmt(g_error, "%s() returned ERR", fname);
  return None();
}

Result<long> long_arg(Value v) {
  if (!is_int(v)) return raise_fmt(tp_TypeError, "an integer is required (got type %s)", type_name(v));
  int64_t x;
  if (!int_fits_i64(v, &x)) return raise(tp_OverflowError, "Python int too large to convert to C long");
  return long(x);
}
Result<int> int_arg(Value v) { return as_c_int(v); }
Result<bool> flag_arg(Value v) { return truthy(v); }

void set_int(Dict* d, const char* name, int64_t v) { dict_set_str(d, str_intern(name), int_from_i64(v)); }

// ---- windows -----------------------------------------------------------------------------------
struct Win : Object {
  WINDOW* win;
  Value parent;   // keeps the parent of a subwindow alive
  Str* encoding;
};
Win* WO(Value v) { return v.as<Win>(); }

void win_finalizer(void* obj, void*) {
  Win* w = static_cast<Win*>(obj);
  if (w->win && w->win != stdscr) delwin(w->win);
  w->win = nullptr;
}

Str* default_encoding() {
  const char* cs = nl_langinfo(CODESET);
  return str_intern((cs && *cs) ? cs : "utf-8");
}

Value win_new(WINDOW* win, Value parent, Str* encoding) {
  Win* w = static_cast<Win*>(alloc_instance(tp_Window, sizeof(Win)));
  w->win = win;
  w->parent = parent;
  w->encoding = encoding ? encoding : default_encoding();
  GC_register_finalizer(w, win_finalizer, nullptr, nullptr, nullptr);
  return Value(w);
}

// A character argument as a chtype: int, or bytes/str of length 1.
Status chtype_arg(Win* w, Value v, chtype* out) {
  if (is_int(v)) {
    long x = TRY(long_arg(v));
    *out = chtype(x);
    return OK();
  }
  if (is_bytes(v)) {
    Bytes* b = as_bytes(v);
    if (b->size != 1)
      return raise_fmt(tp_TypeError, "expect bytes or str of length 1, or int, got a bytes of length %lld",
                       (long long)b->size);
    *out = chtype(uint8_t(b->data[0]));
    return OK();
  }
  if (is_str(v)) {
    Str* s = as_str(v);
    if (s->length != 1)
      return raise_fmt(tp_TypeError, "expect bytes or str of length 1, or int, got a str of length %lld",
                       (long long)s->length);
    int64_t i = 0;
    uint32_t cp = text::next_cp(s->data, &i);
    if (cp < 128) {
      *out = cp;
      return OK();
    }
    Value enc = TRY(codec_encode(s, w ? w->encoding->view() : std::string_view("utf-8"), "strict"));
    if (as_bytes(enc)->size != 1) return raise(tp_OverflowError, "byte doesn't fit in chtype");
    *out = chtype(uint8_t(as_bytes(enc)->data[0]));
    return OK();
  }
  return raise_fmt(tp_TypeError, "expect bytes or str of length 1, or int, got %s", type_name(v));
}

std::wstring to_wide(Str* s) {
  std::wstring r;
  for (int64_t i = 0; i < s->nbytes;) r.push_back(wchar_t(text::next_cp(s->data, &i)));
  return r;
}

// Text for addstr/insstr: a str (wide) or bytes.
struct Text {
  bool wide = false;
  std::wstring w;
  std::string b;
};
Status text_arg(Value v, Text* t) {
  if (is_str(v)) {
    t->wide = true;
    t->w = to_wide(as_str(v));
    if (t->w.find(L'\0') != std::wstring::npos) return raise(tp_ValueError, "embedded null character");
    return OK();
  }
  if (is_bytes(v)) {
    t->b = std::string(as_bytes(v)->view());
    if (t->b.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null byte");
    return OK();
  }
  return raise_fmt(tp_TypeError, "expect bytes or str, got %s", type_name(v));
}

Result<Win*> self_win(Value self) {
  Win* w = WO(self);
  if (!w->win) return raise(g_error, "window has been deleted");
  return w;
}

// The arguments after an optional (y, x) pair: `with_yx` when n is one of the counts with it.
struct YX {
  bool given = false;
  int y = 0, x = 0;
};
Status take_yx(Value* a, int64_t n, int64_t with_min, int64_t with_max, YX* yx, Value** rest, int64_t* nrest) {
  if (n >= with_min && n <= with_max) {
    yx->given = true;
    yx->y = TRY(int_arg(a[0]));
    yx->x = TRY(int_arg(a[1]));
    *rest = a + 2;
    *nrest = n - 2;
  } else {
    *rest = a;
    *nrest = n;
  }
  return OK();
}

// CPython's message for the optional argument groups: "_curses.window.addch requires 1 to 4
// arguments" (fname is the qualified name).
Status arity(const char* fname, int64_t n, std::initializer_list<int64_t> counts) {
  for (int64_t c : counts)
    if (n == c) return OK();
  return raise_fmt(tp_TypeError, "%s requires %lld to %lld arguments", fname, (long long)*counts.begin(),
                   (long long)*(counts.end() - 1));
}

Status move_to(Win* w, const YX& yx, const char* fname) {
  if (yx.given && wmove(w->win, yx.y, yx.x) == kErr) return raise_fmt(g_error, "%s() returned ERR", fname);
  return OK();
}

// ---- window methods ----------------------------------------------------------------------------
Result<Value> w_addch(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("addch", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(arity("_curses.window.addch", n - 1, {1, 2, 3, 4}));
  YX yx;
  Value* r;
  int64_t nr;
  TRY(take_yx(a + 1, n - 1, 3, 4, &yx, &r, &nr));
  attr_t attr = nr > 1 ? attr_t(TRY(long_arg(r[1]))) : A_NORMAL;
  int rc;
  if (is_str(r[0]) && as_str(r[0])->length == 1 && !as_str(r[0])->ascii) {
    int64_t i = 0;
    wchar_t wch[2] = {wchar_t(text::next_cp(as_str(r[0])->data, &i)), 0};
    cchar_t cc;
    setcchar(&cc, wch, attr, PAIR_NUMBER(attr), nullptr);
    rc = yx.given ? mvwadd_wch(w->win, yx.y, yx.x, &cc) : wadd_wch(w->win, &cc);
  } else {
    chtype ch;
    TRY(chtype_arg(w, r[0], &ch));
    rc = yx.given ? mvwaddch(w->win, yx.y, yx.x, ch | attr) : waddch(w->win, ch | attr);
  }
  return check_rc(rc, yx.given ? "mvwaddch" : "waddch");
}

// addstr/addnstr/insstr/insnstr: (text[, n][, attr]) after an optional (y, x).
Result<Value> put_text(Value* a, int64_t n, Tuple* kw, const char* name, bool with_n, bool insert) {
  TRY(no_kwargs(name, kw));
  Win* w = TRY(self_win(a[0]));
  int64_t base = with_n ? 2 : 1;
  std::string qual = std::string("_curses.window.") + name;
  TRY(arity(qual.c_str(), n - 1, {base, base + 1, base + 2, base + 3}));
  YX yx;
  Value* r;
  int64_t nr;
  TRY(take_yx(a + 1, n - 1, base + 2, base + 3, &yx, &r, &nr));
  Text t;
  TRY(text_arg(r[0], &t));
  int count = with_n ? TRY(int_arg(r[1])) : -1;
  bool has_attr = nr > base;
  attr_t old_attr = 0;
  if (has_attr) {
    attr_t attr = attr_t(TRY(long_arg(r[base])));
    old_attr = getattrs(w->win);
    wattrset(w->win, attr);
  }
  int rc;
  const char* fn;
  if (yx.given) {
    rc = wmove(w->win, yx.y, yx.x);
    if (rc == kErr) {
      if (has_attr) wattrset(w->win, old_attr);
      return raise_fmt(g_error, "%s() returned ERR", insert ? "mvwins_nwstr" : "mvwaddnwstr");
    }
  }
  if (t.wide) {
    rc = insert ? wins_nwstr(w->win, t.w.c_str(), count) : waddnwstr(w->win, t.w.c_str(), count);
    fn = insert ? "wins_nwstr" : "waddnwstr";
  } else {
    rc = insert ? winsnstr(w->win, t.b.c_str(), count) : waddnstr(w->win, t.b.c_str(), count);
    fn = insert ? "winsnstr" : "waddnstr";
  }
  if (has_attr) wattrset(w->win, old_attr);
  return check_rc(rc, fn);
}
Result<Value> w_addstr(Value* a, int64_t n, Tuple* kw) { return put_text(a, n, kw, "addstr", false, false); }
Result<Value> w_addnstr(Value* a, int64_t n, Tuple* kw) { return put_text(a, n, kw, "addnstr", true, false); }
Result<Value> w_insstr(Value* a, int64_t n, Tuple* kw) { return put_text(a, n, kw, "insstr", false, true); }
Result<Value> w_insnstr(Value* a, int64_t n, Tuple* kw) { return put_text(a, n, kw, "insnstr", true, true); }

Result<Value> w_insch(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("insch", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(arity("_curses.window.insch", n - 1, {1, 2, 3, 4}));
  YX yx;
  Value* r;
  int64_t nr;
  TRY(take_yx(a + 1, n - 1, 3, 4, &yx, &r, &nr));
  chtype ch;
  TRY(chtype_arg(w, r[0], &ch));
  attr_t attr = nr > 1 ? attr_t(TRY(long_arg(r[1]))) : A_NORMAL;
  int rc = yx.given ? mvwinsch(w->win, yx.y, yx.x, ch | attr) : winsch(w->win, ch | attr);
  return check_rc(rc, "insch");
}

Result<Value> w_delch(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("delch", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(arity("_curses.window.delch", n - 1, {0, 2}));
  if (n - 1 == 2) return check_rc(mvwdelch(w->win, TRY(int_arg(a[1])), TRY(int_arg(a[2]))), "mvwdelch");
  return check_rc(wdelch(w->win), "wdelch");
}

Result<Value> w_echochar(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("echochar", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("echochar", n - 1, 1, 2));
  chtype ch;
  TRY(chtype_arg(w, a[1], &ch));
  attr_t attr = n > 2 ? attr_t(TRY(long_arg(a[2]))) : A_NORMAL;
  return check_rc(is_pad(w->win) ? pechochar(w->win, ch | attr) : wechochar(w->win, ch | attr), "echochar");
}

// hline/vline: ([y, x,] ch, n[, attr]).
Result<Value> line_common(Value* a, int64_t n, Tuple* kw, bool horizontal) {
  const char* name = horizontal ? "hline" : "vline";
  TRY(no_kwargs(name, kw));
  Win* w = TRY(self_win(a[0]));
  std::string qual = std::string("_curses.window.") + name;
  TRY(arity(qual.c_str(), n - 1, {2, 3, 4, 5}));
  YX yx;
  Value* r;
  int64_t nr;
  TRY(take_yx(a + 1, n - 1, 4, 5, &yx, &r, &nr));
  chtype ch;
  TRY(chtype_arg(w, r[0], &ch));
  int count = TRY(int_arg(r[1]));
  attr_t attr = nr > 2 ? attr_t(TRY(long_arg(r[2]))) : A_NORMAL;
  TRY(move_to(w, yx, "wmove"));
  int rc = horizontal ? whline(w->win, ch | attr, count) : wvline(w->win, ch | attr, count);
  return check_rc(rc, name);
}
Result<Value> w_hline(Value* a, int64_t n, Tuple* kw) { return line_common(a, n, kw, true); }
Result<Value> w_vline(Value* a, int64_t n, Tuple* kw) { return line_common(a, n, kw, false); }

Result<Value> w_border(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("border", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("border", n - 1, 0, 8));
  chtype ch[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  for (int64_t i = 0; i < n - 1; i++) TRY(chtype_arg(w, a[1 + i], &ch[i]));
  wborder(w->win, ch[0], ch[1], ch[2], ch[3], ch[4], ch[5], ch[6], ch[7]);
  return None();
}

Result<Value> w_box(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("box", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(arity("_curses.window.box", n - 1, {0, 2}));
  chtype v = 0, h = 0;
  if (n - 1 == 2) {
    TRY(chtype_arg(w, a[1], &v));
    TRY(chtype_arg(w, a[2], &h));
  }
  box(w->win, v, h);
  return None();
}

Result<Value> w_chgat(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("chgat", kw));
  Win* w = TRY(self_win(a[0]));
  if (n - 1 < 1 || n - 1 > 4) return raise(tp_TypeError, "chgat requires 1 to 4 arguments");
  int64_t k = n - 1;
  int count = -1;
  YX yx;
  attr_t attr;
  if (k == 1) {
    attr = attr_t(TRY(long_arg(a[1])));
  } else if (k == 2) {
    count = TRY(int_arg(a[1]));
    attr = attr_t(TRY(long_arg(a[2])));
  } else {
    yx.given = true;
    yx.y = TRY(int_arg(a[1]));
    yx.x = TRY(int_arg(a[2]));
    if (k == 4) count = TRY(int_arg(a[3]));
    attr = attr_t(TRY(long_arg(a[k])));
  }
  short color = short(PAIR_NUMBER(attr));
  attr &= ~A_COLOR;
  int rc;
  if (yx.given) {
    rc = mvwchgat(w->win, yx.y, yx.x, count, attr, color, nullptr);
    touchline(w->win, yx.y, 1);
  } else {
    int y = getcury(w->win);
    rc = wchgat(w->win, count, attr, color, nullptr);
    touchline(w->win, y, 1);
  }
  return check_rc(rc, "chgat");
}

Result<Value> attr_call(Value* a, int64_t n, Tuple* kw, const char* name, int (*fn)(WINDOW*, int)) {
  TRY(no_kwargs(name, kw));
  Win* w = TRY(self_win(a[0]));
  std::string qual = std::string("window.") + name;
  TRY(check_nargs(qual.c_str(), n - 1, 1, 1));
  long attr = TRY(long_arg(a[1]));
  return check_rc(fn(w->win, int(attr)), name);
}
int c_wattron(WINDOW* w, int a) { return wattron(w, a); }
int c_wattroff(WINDOW* w, int a) { return wattroff(w, a); }
int c_wattrset(WINDOW* w, int a) { return wattrset(w, a); }
Result<Value> w_attron(Value* a, int64_t n, Tuple* kw) { return attr_call(a, n, kw, "attron", c_wattron); }
Result<Value> w_attroff(Value* a, int64_t n, Tuple* kw) { return attr_call(a, n, kw, "attroff", c_wattroff); }
Result<Value> w_attrset(Value* a, int64_t n, Tuple* kw) { return attr_call(a, n, kw, "attrset", c_wattrset); }

Result<Value> w_bkgd(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("bkgd", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("bkgd", n - 1, 1, 2));
  chtype ch;
  TRY(chtype_arg(w, a[1], &ch));
  attr_t attr = n > 2 ? attr_t(TRY(long_arg(a[2]))) : A_NORMAL;
  return check_rc(wbkgd(w->win, ch | attr), "bkgd");
}
Result<Value> w_bkgdset(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("bkgdset", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("bkgdset", n - 1, 1, 2));
  chtype ch;
  TRY(chtype_arg(w, a[1], &ch));
  attr_t attr = n > 2 ? attr_t(TRY(long_arg(a[2]))) : A_NORMAL;
  wbkgdset(w->win, ch | attr);
  return None();
}
Result<Value> w_getbkgd(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("window.getbkgd", n - 1, 0, 0));
  chtype c = getbkgd(w->win);
  if (c == chtype(kErr)) return raise(g_error, "getbkgd() returned ERR");
  return int_from_i64(int64_t(c));
}

// The no-argument window calls that return OK/kErr.
template <int (*Fn)(WINDOW*)>
Result<Value> w_plain(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  if (n > 1) return raise(tp_TypeError, "function takes no arguments");
  return check_rc(Fn(w->win), "window method");
}
int c_wclear(WINDOW* w) { return wclear(w); }
int c_werase(WINDOW* w) { return werase(w); }
int c_wclrtobot(WINDOW* w) { return wclrtobot(w); }
int c_wclrtoeol(WINDOW* w) { return wclrtoeol(w); }
int c_wdeleteln(WINDOW* w) { return wdeleteln(w); }
int c_winsertln(WINDOW* w) { return winsertln(w); }
int c_wstandout(WINDOW* w) { return wstandout(w); }
int c_wstandend(WINDOW* w) { return wstandend(w); }
int c_redrawwin(WINDOW* w) { return redrawwin(w); }
int c_touchwin(WINDOW* w) { return touchwin(w); }
int c_untouchwin(WINDOW* w) { return untouchwin(w); }
int c_syncup(WINDOW* w) {
  wsyncup(w);
  return kOk;
}
int c_syncdown(WINDOW* w) {
  wsyncdown(w);
  return kOk;
}
int c_cursyncup(WINDOW* w) {
  wcursyncup(w);
  return kOk;
}

// The window calls taking one boolean flag.
template <int (*Fn)(WINDOW*, bool)>
Result<Value> w_flag(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  if (n - 1 != 1) return raise(tp_TypeError, "True(1) or False(0)");
  bool f = TRY(flag_arg(a[1]));
  return check_rc(Fn(w->win, f), "window flag method");
}
int c_keypad(WINDOW* w, bool f) { return keypad(w, f); }
int c_nodelay(WINDOW* w, bool f) { return nodelay(w, f); }
int c_notimeout(WINDOW* w, bool f) { return notimeout(w, f); }
int c_scrollok(WINDOW* w, bool f) { return scrollok(w, f); }
int c_idlok(WINDOW* w, bool f) { return idlok(w, f); }
int c_leaveok(WINDOW* w, bool f) { return leaveok(w, f); }
int c_clearok(WINDOW* w, bool f) { return clearok(w, f); }
int c_idcok(WINDOW* w, bool f) {
  idcok(w, f);
  return kOk;
}
int c_immedok(WINDOW* w, bool f) {
  immedok(w, f);
  return kOk;
}
int c_syncok(WINDOW* w, bool f) { return syncok(w, f); }

Result<Value> w_getyx(Value* a, int64_t, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  int y = getcury(w->win), x = getcurx(w->win);
  return Value(tuple_of({Value::small(y), Value::small(x)}));
}
Result<Value> w_getbegyx(Value* a, int64_t, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  int y = getbegy(w->win), x = getbegx(w->win);
  return Value(tuple_of({Value::small(y), Value::small(x)}));
}
Result<Value> w_getmaxyx(Value* a, int64_t, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  int y = getmaxy(w->win), x = getmaxx(w->win);
  return Value(tuple_of({Value::small(y), Value::small(x)}));
}
Result<Value> w_getparyx(Value* a, int64_t, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  int y = getpary(w->win), x = getparx(w->win);
  return Value(tuple_of({Value::small(y), Value::small(x)}));
}

Result<Value> w_move(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("move", kw));
  Win* w = TRY(self_win(a[0]));
  if (n - 1 != 2) return raise(tp_TypeError, "y,x");
  return check_rc(wmove(w->win, TRY(int_arg(a[1])), TRY(int_arg(a[2]))), "wmove");
}

Result<Value> w_refresh_common(Value* a, int64_t n, Tuple* kw, bool out) {
  const char* name = out ? "noutrefresh" : "refresh";
  TRY(no_kwargs(name, kw));
  Win* w = TRY(self_win(a[0]));
  if (n - 1 != 0 && n - 1 != 6)
    return raise_fmt(tp_TypeError, "_curses.window.%s requires 0 to 6 arguments", name);
  if (is_pad(w->win)) {
    if (n - 1 != 6) return raise(tp_TypeError, "noutrefresh() called for a pad requires 6 arguments");
    int v[6];
    for (int i = 0; i < 6; i++) v[i] = TRY(int_arg(a[1 + i]));
    int rc;
    {
      gil::ReleaseGil nogil(gil::Block::Other);
      rc = out ? pnoutrefresh(w->win, v[0], v[1], v[2], v[3], v[4], v[5])
               : prefresh(w->win, v[0], v[1], v[2], v[3], v[4], v[5]);
    }
    return check_rc(rc, out ? "pnoutrefresh" : "prefresh");
  }
  if (n - 1 != 0) return raise_fmt(tp_TypeError, "%s() takes no arguments (6 given)", name);
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    rc = out ? wnoutrefresh(w->win) : wrefresh(w->win);
  }
  return check_rc(rc, out ? "wnoutrefresh" : "wrefresh");
}
Result<Value> w_refresh(Value* a, int64_t n, Tuple* kw) { return w_refresh_common(a, n, kw, false); }
Result<Value> w_noutrefresh(Value* a, int64_t n, Tuple* kw) { return w_refresh_common(a, n, kw, true); }

Result<Value> w_redrawln(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("redrawln", n - 1, 2, 2));
  return check_rc(wredrawln(w->win, TRY(int_arg(a[1])), TRY(int_arg(a[2]))), "redrawln");
}
Result<Value> w_touchline(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  if (n - 1 < 2 || n - 1 > 3) return raise(tp_TypeError, "_curses.window.touchline requires 2 to 3 arguments");
  int start = TRY(int_arg(a[1])), count = TRY(int_arg(a[2]));
  if (n > 3) return check_rc(wtouchln(w->win, start, count, TRY(flag_arg(a[3])) ? 1 : 0), "wtouchln");
  return check_rc(touchline(w->win, start, count), "touchline");
}
Result<Value> w_is_wintouched(Value* a, int64_t, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  return Bool(is_wintouched(w->win));
}
Result<Value> w_is_linetouched(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("is_linetouched", n - 1, 1, 1));
  int line = TRY(int_arg(a[1]));
  if (line < 0 || line >= getmaxy(w->win)) return raise(tp_TypeError, "is_linetouched: line number outside of boundaries");
  return Bool(is_linetouched(w->win, line));
}
Result<Value> w_scroll(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  if (n - 1 > 1) return raise(tp_TypeError, "_curses.window.scroll requires 0 to 1 arguments");
  if (n == 1) return check_rc(scroll(w->win), "scroll");
  return check_rc(wscrl(w->win, TRY(int_arg(a[1]))), "scroll");
}
Result<Value> w_setscrreg(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("setscrreg", n - 1, 2, 2));
  return check_rc(wsetscrreg(w->win, TRY(int_arg(a[1])), TRY(int_arg(a[2]))), "wsetscrreg");
}
Result<Value> w_insdelln(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("insdelln", n - 1, 1, 1));
  return check_rc(winsdelln(w->win, TRY(int_arg(a[1]))), "winsdelln");
}
Result<Value> w_timeout(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("timeout", n - 1, 1, 1));
  wtimeout(w->win, TRY(int_arg(a[1])));
  return None();
}
Result<Value> w_mvwin(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  if (n - 1 != 2) return raise(tp_TypeError, "y,x");
  return check_rc(mvwin(w->win, TRY(int_arg(a[1])), TRY(int_arg(a[2]))), "mvwin");
}
Result<Value> w_mvderwin(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  if (n - 1 != 2) return raise(tp_TypeError, "y,x");
  return check_rc(mvderwin(w->win, TRY(int_arg(a[1])), TRY(int_arg(a[2]))), "mvderwin");
}
Result<Value> w_resize(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("resize", n - 1, 2, 2));
  return check_rc(wresize(w->win, TRY(int_arg(a[1])), TRY(int_arg(a[2]))), "wresize");
}
Result<Value> w_enclose(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("enclose", n - 1, 2, 2));
  return Bool(wenclose(w->win, TRY(int_arg(a[1])), TRY(int_arg(a[2]))));
}

// subwin/derwin/subpad: ([nlines, ncols,] begin_y, begin_x).
Result<Value> sub_common(Value* a, int64_t n, const char* name, bool derived) {
  Win* w = TRY(self_win(a[0]));
  std::string qual = std::string("_curses.window.") + name;
  TRY(arity(qual.c_str(), n - 1, {2, 3, 4}));
  if (n - 1 == 3) return raise_fmt(tp_TypeError, "%s requires 2 to 4 arguments", qual.c_str());
  int nl = 0, nc = 0, by, bx;
  if (n - 1 == 4) {
    nl = TRY(int_arg(a[1]));
    nc = TRY(int_arg(a[2]));
    by = TRY(int_arg(a[3]));
    bx = TRY(int_arg(a[4]));
  } else {
    by = TRY(int_arg(a[1]));
    bx = TRY(int_arg(a[2]));
  }
  WINDOW* win;
  if (is_pad(w->win)) win = subpad(w->win, nl, nc, by, bx);
  else win = derived ? derwin(w->win, nl, nc, by, bx) : subwin(w->win, nl, nc, by, bx);
  if (!win) return raise(g_error, "curses function returned NULL");
  return win_new(win, a[0], w->encoding);
}
Result<Value> w_subwin(Value* a, int64_t n, Tuple*) { return sub_common(a, n, "subwin", false); }
Result<Value> w_derwin(Value* a, int64_t n, Tuple*) { return sub_common(a, n, "derwin", true); }

Result<Value> over_common(Value* a, int64_t n, bool overlay_) {
  const char* name = overlay_ ? "overlay" : "overwrite";
  Win* w = TRY(self_win(a[0]));
  std::string qual = std::string("_curses.window.") + name;
  TRY(arity(qual.c_str(), n - 1, {1, 7}));
  if (!isinstance(a[1], tp_Window)) return raise_fmt(tp_TypeError, "%s() argument 1 must be _curses.window", name);
  Win* d = TRY(self_win(a[1]));
  if (n - 1 == 7) {
    int v[6];
    for (int i = 0; i < 6; i++) v[i] = TRY(int_arg(a[2 + i]));
    return check_rc(copywin(w->win, d->win, v[0], v[1], v[2], v[3], v[4], v[5], overlay_ ? TRUE : FALSE), "copywin");
  }
  return check_rc(overlay_ ? overlay(w->win, d->win) : overwrite(w->win, d->win), name);
}
Result<Value> w_overlay(Value* a, int64_t n, Tuple*) { return over_common(a, n, true); }
Result<Value> w_overwrite(Value* a, int64_t n, Tuple*) { return over_common(a, n, false); }

// ---- input -------------------------------------------------------------------------------------
Status yx_only(Win* w, Value* a, int64_t n, const char* name) {
  std::string qual = std::string("_curses.window.") + name;
  TRY(arity(qual.c_str(), n, {0, 2}));
  if (n == 2) {
    int y = TRY(int_arg(a[0])), x = TRY(int_arg(a[1]));
    if (wmove(w->win, y, x) == kErr) return raise_fmt(g_error, "%s() returned ERR", "wmove");
  }
  return OK();
}

Result<Value> w_getch(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getch", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(yx_only(w, a + 1, n - 1, "getch"));
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Input);
    rc = wgetch(w->win);
  }
  return Value::small(rc);
}

Result<Value> w_get_wch(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("get_wch", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(yx_only(w, a + 1, n - 1, "get_wch"));
  wint_t ch;
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    rc = wget_wch(w->win, &ch);
  }
  if (rc == kErr) return raise(g_error, "no input");
  if (rc == KEY_CODE_YES) return Value::small(int64_t(ch));
  return Value(str_from_cp(uint32_t(ch)));
}

Result<Value> w_getkey(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getkey", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(yx_only(w, a + 1, n - 1, "getkey"));
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Input);
    rc = wgetch(w->win);
  }
  if (rc == kErr) return raise(g_error, "no input");
  if (rc <= 255) return Value(str_from_cp(uint32_t(rc)));
  const char* kn = keyname(rc);
  return str_value(kn ? kn : "");
}

// getstr/instr: ([y, x][, n]).
Result<Value> read_common(Value* a, int64_t n, Tuple* kw, bool get) {
  const char* name = get ? "getstr" : "instr";
  TRY(no_kwargs(name, kw));
  Win* w = TRY(self_win(a[0]));
  int64_t k = n - 1;
  if (k > 3) return raise_fmt(tp_TypeError, get ? "%s requires 0 to 3 arguments" : "%s requires 0 or 3 arguments", name);
  int count = 1023;
  if (k == 1 || k == 3) count = TRY(int_arg(a[k]));
  if (count < 0) return raise(tp_ValueError, "'n' must be nonnegative");
  if (k >= 2) {
    int y = TRY(int_arg(a[1])), x = TRY(int_arg(a[2]));
    if (wmove(w->win, y, x) == kErr) return raise(g_error, "wmove() returned ERR");
  }
  std::vector<char> buf(size_t(count) + 1, 0);
  int rc;
  if (get) {
    gil::ReleaseGil nogil(gil::Block::Other);
    rc = wgetnstr(w->win, buf.data(), count);
  } else {
    rc = winnstr(w->win, buf.data(), count);
  }
  if (rc == kErr) return Value(bytes_empty());
  return bytes_from(std::string_view(buf.data(), std::strlen(buf.data())));
}
Result<Value> w_getstr(Value* a, int64_t n, Tuple* kw) { return read_common(a, n, kw, true); }
Result<Value> w_instr(Value* a, int64_t n, Tuple* kw) { return read_common(a, n, kw, false); }

Result<Value> w_inch(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("inch", kw));
  Win* w = TRY(self_win(a[0]));
  TRY(arity("_curses.window.inch", n - 1, {0, 2}));
  chtype c = n - 1 == 2 ? mvwinch(w->win, TRY(int_arg(a[1])), TRY(int_arg(a[2]))) : winch(w->win);
  if (c == chtype(kErr)) return raise(g_error, "inch() returned ERR");
  return int_from_i64(int64_t(c));
}

// putwin(file): the window's dump, through a temporary file, written with file.write().
Result<Value> w_putwin(Value* a, int64_t n, Tuple*) {
  Win* w = TRY(self_win(a[0]));
  TRY(check_nargs("putwin", n - 1, 1, 1));
  FILE* f = std::tmpfile();
  if (!f) return raise_errno(errno);
  int rc = putwin(w->win, f);
  if (rc == kErr) {
    std::fclose(f);
    return raise(g_error, "putwin() returned ERR");
  }
  std::fflush(f);
  std::rewind(f);
  std::string data;
  char buf[4096];
  size_t k;
  while ((k = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, k);
  std::fclose(f);
  TRY(call_method1(a[1], str_intern("write"), bytes_from(data)));
  return None();
}

Result<Value> w_get_encoding(Value self) { return Value(WO(self)->encoding); }
Status w_set_encoding(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "can't delete encoding attribute");
  if (!is_str(v)) return raise(tp_TypeError, "setting encoding to a non-string");
  WO(self)->encoding = as_str(v);
  return OK();
}

Result<Value> win_new_forbidden(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot create '%s' instances", type_tp_name(as_type(a[0])).c_str());
}

const MethodDef window_methods[] = {
    {"__new__", win_new_forbidden, MethKind::Static},
    {"addch", w_addch, MethKind::Method,
     "addch([y, x,] ch, [attr=_curses.A_NORMAL])\n"
     "Paint the character.\n"
     "\n"
     "  y\n"
     "    Y-coordinate.\n"
     "  x\n"
     "    X-coordinate.\n"
     "  ch\n"
     "    Character to add.\n"
     "  attr\n"
     "    Attributes for the character.\n"
     "\n"
     "Paint character ch at (y, x) with attributes attr,\n"
     "overwriting any character previously painted at that location.\n"
     "By default, the character position and attributes are the\n"
     "current settings for the window object."},
    {"addnstr", w_addnstr},
    {"addstr", w_addstr},
    {"attroff", w_attroff},
    {"attron", w_attron},
    {"attrset", w_attrset},
    {"bkgd", w_bkgd},
    {"bkgdset", w_bkgdset},
    {"border", w_border},
    {"box", w_box},
    {"chgat", w_chgat},
    {"clear", w_plain<c_wclear>},
    {"clearok", w_flag<c_clearok>},
    {"clrtobot", w_plain<c_wclrtobot>},
    {"clrtoeol", w_plain<c_wclrtoeol>},
    {"cursyncup", w_plain<c_cursyncup>},
    {"delch", w_delch},
    {"deleteln", w_plain<c_wdeleteln>},
    {"derwin", w_derwin},
    {"echochar", w_echochar},
    {"enclose", w_enclose},
    {"erase", w_plain<c_werase>},
    {"get_wch", w_get_wch},
    {"getbegyx", w_getbegyx},
    {"getbkgd", w_getbkgd},
    {"getch", w_getch},
    {"getkey", w_getkey},
    {"getmaxyx", w_getmaxyx},
    {"getparyx", w_getparyx},
    {"getstr", w_getstr},
    {"getyx", w_getyx},
    {"hline", w_hline},
    {"idcok", w_flag<c_idcok>},
    {"idlok", w_flag<c_idlok>},
    {"immedok", w_flag<c_immedok>},
    {"inch", w_inch},
    {"insch", w_insch},
    {"insdelln", w_insdelln},
    {"insertln", w_plain<c_winsertln>},
    {"insnstr", w_insnstr},
    {"insstr", w_insstr},
    {"instr", w_instr},
    {"is_linetouched", w_is_linetouched},
    {"is_wintouched", w_is_wintouched},
    {"keypad", w_flag<c_keypad>},
    {"leaveok", w_flag<c_leaveok>},
    {"move", w_move},
    {"mvderwin", w_mvderwin},
    {"mvwin", w_mvwin},
    {"nodelay", w_flag<c_nodelay>},
    {"notimeout", w_flag<c_notimeout>},
    {"noutrefresh", w_noutrefresh},
    {"overlay", w_overlay},
    {"overwrite", w_overwrite},
    {"putwin", w_putwin},
    {"redrawln", w_redrawln},
    {"redrawwin", w_plain<c_redrawwin>},
    {"refresh", w_refresh},
    {"resize", w_resize},
    {"scroll", w_scroll},
    {"scrollok", w_flag<c_scrollok>},
    {"setscrreg", w_setscrreg},
    {"standend", w_plain<c_wstandend>},
    {"standout", w_plain<c_wstandout>},
    {"subpad", w_subwin},
    {"subwin", w_subwin},
    {"syncdown", w_plain<c_syncdown>},
    {"syncok", w_flag<c_syncok>},
    {"syncup", w_plain<c_syncup>},
    {"timeout", w_timeout},
    {"touchline", w_touchline},
    {"touchwin", w_plain<c_touchwin>},
    {"untouchwin", w_plain<c_untouchwin>},
    {"vline", w_vline},
    {nullptr, nullptr}};

const GetSetDef window_getsets[] = {{"encoding", w_get_encoding, w_set_encoding, "the encoding used for str text"},
                                    {nullptr, nullptr}};

// ---- module functions --------------------------------------------------------------------------
// A module function that calls a no-argument library function returning OK/kErr.
template <int (*Fn)(), bool NeedInit>
Result<Value> m_plain(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("function", kw));
  if (n) return raise(tp_TypeError, "function takes no arguments");
  if (NeedInit) TRY(need_initscr());
  return check_rc(Fn(), "function");
}
int c_beep() { return beep(); }
int c_flash() { return flash(); }
int c_doupdate() { return doupdate(); }
int c_def_prog_mode() { return def_prog_mode(); }
int c_def_shell_mode() { return def_shell_mode(); }
int c_reset_prog_mode() { return reset_prog_mode(); }
int c_reset_shell_mode() { return reset_shell_mode(); }
int c_savetty() { return savetty(); }
int c_resetty() { return resetty(); }
int c_endwin() { return endwin(); }
int c_use_default_colors() { return use_default_colors(); }

// cbreak([flag]) and its kin: flag false calls the "no" form.
template <int (*On)(), int (*Off)()>
Result<Value> m_mode(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("function", kw));
  TRY(check_nargs("function", n, 0, 1));
  TRY(need_initscr());
  bool f = n ? TRY(flag_arg(a[0])) : true;
  return check_rc(f ? On() : Off(), f ? "on" : "off");
}
int c_cbreak() { return cbreak(); }
int c_nocbreak() { return nocbreak(); }
int c_echo() { return echo(); }
int c_noecho() { return noecho(); }
int c_nl() { return nl(); }
int c_nonl() { return nonl(); }
int c_raw() { return raw(); }
int c_noraw() { return noraw(); }

Result<Value> m_qiflush(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("qiflush", n, 0, 1));
  TRY(need_initscr());
  bool f = n ? TRY(flag_arg(a[0])) : true;
  if (f) qiflush();
  else noqiflush();
  return None();
}
Result<Value> m_noqiflush(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("noqiflush", n, 0, 0));
  TRY(need_initscr());
  noqiflush();
  return None();
}
Result<Value> m_flushinp(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  flushinp();
  return None();
}
Result<Value> m_filter(Value*, int64_t, Tuple*) {
  filter();
  return None();
}

void set_lines_cols() {
  set_int(g_module->dict, "LINES", LINES);
  set_int(g_module->dict, "COLS", COLS);
}

// curses.LINES/COLS too, when the package is imported (update_lines_cols).
Status update_lines_cols() {
  set_lines_cols();
  Value mods = TRY(import_module(str_intern("sys")));
  Value modules = TRY(getattr_str(mods, "modules"));
  Value cur = dict_get_str(as_dict(modules), str_intern("curses"));
  if (cur) {
    TRY(setattr(cur, str_intern("LINES"), Value::small(LINES)));
    TRY(setattr(cur, str_intern("COLS"), Value::small(COLS)));
  }
  return OK();
}

Result<Value> m_initscr(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("initscr", n, 0, 0));
  if (g_initscr_called) {
    wrefresh(stdscr);
    return win_new(stdscr, Value(), nullptr);
  }
  WINDOW* win = initscr();
  if (!win) return raise(g_error, "initscr() returned NULL");
  g_initscr_called = g_setupterm_called = true;
  Dict* d = g_module->dict;
  struct {
    const char* name;
    char c;
  } acs[] = {{"ACS_ULCORNER", 'l'}, {"ACS_LLCORNER", 'm'}, {"ACS_URCORNER", 'k'}, {"ACS_LRCORNER", 'j'},
             {"ACS_LTEE", 't'},     {"ACS_RTEE", 'u'},     {"ACS_BTEE", 'v'},     {"ACS_TTEE", 'w'},
             {"ACS_HLINE", 'q'},    {"ACS_VLINE", 'x'},    {"ACS_PLUS", 'n'},     {"ACS_S1", 'o'},
             {"ACS_S9", 's'},       {"ACS_DIAMOND", '`'},  {"ACS_CKBOARD", 'a'},  {"ACS_DEGREE", 'f'},
             {"ACS_PLMINUS", 'g'},  {"ACS_BULLET", '~'},   {"ACS_LARROW", ','},   {"ACS_RARROW", '+'},
             {"ACS_DARROW", '.'},   {"ACS_UARROW", '-'},   {"ACS_BOARD", 'h'},    {"ACS_LANTERN", 'i'},
             {"ACS_BLOCK", '0'},    {"ACS_S3", 'p'},       {"ACS_S7", 'r'},       {"ACS_LEQUAL", 'y'},
             {"ACS_GEQUAL", 'z'},   {"ACS_PI", '{'},       {"ACS_NEQUAL", '|'},   {"ACS_STERLING", '}'}};
  for (auto& e : acs) set_int(d, e.name, int64_t(acs_map[uint8_t(e.c)]));
  const char* aliases[][2] = {{"ACS_BSSB", "ACS_ULCORNER"}, {"ACS_SSBB", "ACS_LLCORNER"}, {"ACS_BBSS", "ACS_URCORNER"},
                              {"ACS_SBBS", "ACS_LRCORNER"}, {"ACS_SBSS", "ACS_RTEE"},     {"ACS_SSSB", "ACS_LTEE"},
                              {"ACS_SSBS", "ACS_BTEE"},     {"ACS_BSSS", "ACS_TTEE"},     {"ACS_BSBS", "ACS_HLINE"},
                              {"ACS_SBSB", "ACS_VLINE"},    {"ACS_SSSS", "ACS_PLUS"}};
  for (auto& al : aliases) dict_set_str(d, str_intern(al[0]), dict_get_str(d, str_intern(al[1])));
  set_lines_cols();
  return win_new(win, Value(), nullptr);
}

Result<Value> m_setupterm(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("setupterm", a, n, kw, {"term", "fd"}, 0, v));
  std::string term;
  bool has_term = v[0] && !is_none(v[0]);
  if (has_term) {
    if (!is_str(v[0])) return raise_fmt(tp_TypeError, "setupterm() argument 'term' must be str or None, not %s", type_name(v[0]));
    term = std::string(as_str(v[0])->view());
  }
  int fd = v[1] ? TRY(int_arg(v[1])) : -1;
  if (fd == -1) {
    Value sys = TRY(import_module(str_intern("sys")));
    Value out = TRY(getattr_str(sys, "stdout"));
    if (is_none(out)) return raise(g_error, "lost sys.stdout");
    Value fno = TRY(call_method0(out, str_intern("fileno")));
    fd = TRY(int_arg(fno));
  }
  if (!g_setupterm_called) {
    int err = 0;
    if (setupterm(has_term ? term.c_str() : nullptr, fd, &err) == kErr) {
      const char* msg = err == 0 ? "setupterm: could not find terminal"
                        : err == -1 ? "setupterm: could not find terminfo database"
                                    : "setupterm: unknown error";
      return raise(g_error, msg);
    }
    g_setupterm_called = true;
  }
  return None();
}

Result<Value> m_isendwin(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  return Bool(isendwin());
}

Result<Value> m_newwin(Value* a, int64_t n, Tuple*) {
  TRY(arity("_curses.newwin", n, {2, 4}));
  TRY(need_initscr());
  int nl = TRY(int_arg(a[0])), nc = TRY(int_arg(a[1]));
  int by = n == 4 ? TRY(int_arg(a[2])) : 0, bx = n == 4 ? TRY(int_arg(a[3])) : 0;
  WINDOW* win = newwin(nl, nc, by, bx);
  if (!win) return raise(g_error, "curses function returned NULL");
  return win_new(win, Value(), nullptr);
}
Result<Value> m_newpad(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("newpad", n, 2, 2));
  TRY(need_initscr());
  WINDOW* win = newpad(TRY(int_arg(a[0])), TRY(int_arg(a[1])));
  if (!win) return raise(g_error, "curses function returned NULL");
  return win_new(win, Value(), nullptr);
}

Result<Value> m_getwin(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.getwin", n, 1, 1));
  TRY(need_initscr());
  Value data = TRY(call_method0(a[0], str_intern("read")));
  if (!is_bytes(data)) return raise_fmt(tp_TypeError, "f.read() returned %s instead of bytes", type_name(data));
  FILE* f = std::tmpfile();
  if (!f) return raise_errno(errno);
  std::fwrite(as_bytes(data)->data, 1, size_t(as_bytes(data)->size), f);
  std::fflush(f);
  std::rewind(f);
  WINDOW* win = getwin(f);
  std::fclose(f);
  if (!win) return raise(g_error, "getwin() returned NULL");
  return win_new(win, Value(), nullptr);
}

Result<Value> m_start_color(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("start_color", n, 0, 0));
  TRY(need_initscr());
  if (start_color() == kErr) return raise(g_error, "start_color() returned ERR");
  g_color_initialized = true;
  set_int(g_module->dict, "COLORS", colors_count());
  set_int(g_module->dict, "COLOR_PAIRS", color_pairs_count());
  return None();
}
Result<Value> m_has_colors(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  return Bool(has_colors());
}
Result<Value> m_can_change_color(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  return Bool(can_change_color());
}
Result<Value> m_has_extended_color_support(Value*, int64_t, Tuple*) { return True(); }

// An int argument that may be far out of range: its sign when it does not fit a C long.
Result<long> clamped_long(Value v) {
  if (!is_int(v)) return raise_fmt(tp_TypeError, "an integer is required (got type %s)", type_name(v));
  int64_t x;
  if (int_fits_i64(v, &x)) return long(x);
  return int_sign(v) < 0 ? long(INT64_MIN) : long(INT64_MAX);
}

Status color_number(Value v, int* out) {
  long c = TRY(clamped_long(v));
  if (c < 0) return raise(tp_ValueError, "Color number is less than 0.");
  if (c > colors_count() - 1 && colors_count() > 0)
    return raise_fmt(tp_ValueError, "Color number is greater than COLORS-1 (%d).", colors_count() - 1);
  *out = int(c);
  return OK();
}
Status pair_number_arg(Value v, int* out, bool allow0) {
  long p = TRY(clamped_long(v));
  if (p < (allow0 ? 0 : 1))
    return raise(tp_ValueError, allow0 ? "Color pair is less than 0." : "Color pair is less than 1.");
  if (p > color_pairs_count() - 1)
    return raise_fmt(tp_ValueError, "Color pair is greater than COLOR_PAIRS-1 (%d).", color_pairs_count() - 1);
  *out = int(p);
  return OK();
}

Result<Value> m_init_pair(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("init_pair", n, 3, 3));
  TRY(need_initscr());
  TRY(need_color());
  int p, fg, bg;
  TRY(pair_number_arg(a[0], &p, true));
  long f = TRY(clamped_long(a[1])), b = TRY(clamped_long(a[2]));
  for (long c : {f, b}) {
    if (c < -1) return raise(tp_ValueError, "Color number is less than -1.");
    if (c > colors_count() - 1)
      return raise_fmt(tp_ValueError, "Color number is greater than COLORS-1 (%d).", colors_count() - 1);
  }
  fg = int(f);
  bg = int(b);
  if (init_extended_pair(p, fg, bg) == kErr) return raise(g_error, "init_extended_pair() returned ERR");
  return None();
}
Result<Value> m_pair_content(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.pair_content", n, 1, 1));
  TRY(need_initscr());
  TRY(need_color());
  int p, f, b;
  TRY(pair_number_arg(a[0], &p, true));
  if (extended_pair_content(p, &f, &b) == kErr) {
    if (p >= color_pairs_count()) return raise(tp_ValueError, "Color pair is greater than COLOR_PAIRS-1.");
    return raise(g_error, "extended_pair_content() returned ERR");
  }
  return Value(tuple_of({Value::small(f), Value::small(b)}));
}
Result<Value> m_init_color(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("init_color", n, 4, 4));
  TRY(need_initscr());
  TRY(need_color());
  int c;
  TRY(color_number(a[0], &c));
  int rgb[3];
  for (int i = 0; i < 3; i++) {
    long v = TRY(clamped_long(a[1 + i]));
    if (v < 0) return raise(tp_ValueError, "Color component is less than 0");
    if (v > 1000) return raise(tp_ValueError, "Color component is greater than 1000");
    rgb[i] = int(v);
  }
  if (init_extended_color(c, rgb[0], rgb[1], rgb[2]) == kErr) return raise(g_error, "init_extended_color() returned ERR");
  return None();
}
Result<Value> m_color_content(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.color_content", n, 1, 1));
  TRY(need_initscr());
  TRY(need_color());
  int c, r, g, b;
  TRY(color_number(a[0], &c));
  if (extended_color_content(c, &r, &g, &b) == kErr) return raise(g_error, "Argument 1 was out of range. Check value of COLORS.");
  return Value(tuple_of({Value::small(r), Value::small(g), Value::small(b)}));
}
Result<Value> m_color_pair(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.color_pair", n, 1, 1));
  TRY(need_initscr());
  TRY(need_color());
  int p = TRY(int_arg(a[0]));
  return int_from_i64(int64_t(COLOR_PAIR(p)));
}
Result<Value> m_pair_number(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.pair_number", n, 1, 1));
  TRY(need_initscr());
  TRY(need_color());
  long attr = TRY(long_arg(a[0]));
  return Value::small(PAIR_NUMBER(attr));
}

Result<Value> m_curs_set(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.curs_set", n, 1, 1));
  TRY(need_initscr());
  int r = curs_set(TRY(int_arg(a[0])));
  if (r == kErr) return raise(g_error, "curs_set() returned ERR");
  return Value::small(r);
}
Result<Value> m_napms(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.napms", n, 1, 1));
  TRY(need_initscr());
  int ms = TRY(int_arg(a[0]));
  int r;
  {
    gil::ReleaseGil nogil(gil::Block::Sleep);
    r = napms(ms);
  }
  return Value::small(r);
}
Result<Value> m_delay_output(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.delay_output", n, 1, 1));
  TRY(need_initscr());
  return check_rc(delay_output(TRY(int_arg(a[0]))), "delay_output");
}
Result<Value> m_halfdelay(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.halfdelay", n, 1, 1));
  TRY(need_initscr());
  return check_rc(halfdelay(TRY(int_arg(a[0]))), "halfdelay");
}
Result<Value> m_intrflush(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.intrflush", n, 1, 1));
  TRY(need_initscr());
  return check_rc(intrflush(nullptr, TRY(flag_arg(a[0]))), "intrflush");
}
Result<Value> m_meta(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.meta", n, 1, 1));
  TRY(need_initscr());
  return check_rc(meta(stdscr, TRY(flag_arg(a[0]))), "meta");
}
Result<Value> m_typeahead(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.typeahead", n, 1, 1));
  TRY(need_initscr());
  return check_rc(typeahead(TRY(int_arg(a[0]))), "typeahead");
}
Result<Value> m_use_env(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.use_env", n, 1, 1));
  use_env(TRY(flag_arg(a[0])));
  return None();
}
Result<Value> m_ungetch(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.ungetch", n, 1, 1));
  TRY(need_initscr());
  chtype ch;
  TRY(chtype_arg(nullptr, a[0], &ch));
  return check_rc(ungetch(int(ch)), "ungetch");
}
Result<Value> m_unget_wch(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.unget_wch", n, 1, 1));
  TRY(need_initscr());
  wchar_t wch;
  if (is_str(a[0])) {
    Str* s = as_str(a[0]);
    if (s->length != 1)
      return raise_fmt(tp_TypeError, "expect str of length 1 or int, got a str of length %lld", (long long)s->length);
    int64_t i = 0;
    wch = wchar_t(text::next_cp(s->data, &i));
  } else if (is_int(a[0])) {
    wch = wchar_t(TRY(long_arg(a[0])));
  } else {
    return raise_fmt(tp_TypeError, "expect str of length 1 or int, got %s", type_name(a[0]));
  }
  return check_rc(unget_wch(wch), "unget_wch");
}

Result<Value> m_keyname(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.keyname", n, 1, 1));
  int key = TRY(int_arg(a[0]));
  if (key < 0) return raise(tp_ValueError, "invalid key number");
  const char* s = keyname(key);
  return bytes_from(s ? s : "");
}
Result<Value> m_unctrl(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.unctrl", n, 1, 1));
  TRY(need_initscr());
  chtype ch;
  TRY(chtype_arg(nullptr, a[0], &ch));
  return bytes_from(unctrl(ch));
}
Result<Value> m_has_key(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.has_key", n, 1, 1));
  TRY(need_initscr());
  return Bool(has_key(TRY(int_arg(a[0]))));
}

Result<Value> m_baudrate(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  return Value::small(baudrate());
}
Result<Value> m_termattrs(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  return int_from_i64(int64_t(termattrs()));
}
Result<Value> m_erasechar(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  char c = erasechar();
  return bytes_from(std::string_view(&c, 1));
}
Result<Value> m_killchar(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  char c = killchar();
  return bytes_from(std::string_view(&c, 1));
}
Result<Value> m_longname(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  const char* s = longname();
  if (!s) return raise(g_error, "longname() returned NULL");
  return bytes_from(s);
}
Result<Value> m_termname(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  const char* s = termname();
  if (!s) return raise(g_error, "termname() returned NULL");
  return bytes_from(s);
}
Result<Value> m_has_ic(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  return Bool(has_ic());
}
Result<Value> m_has_il(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  return Bool(has_il());
}

Result<Value> m_tigetstr(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.tigetstr", n, 1, 1));
  TRY(need_setupterm());
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "tigetstr() argument must be str, not %s", type_name(a[0]));
  std::string cap(as_str(a[0])->view());
  char* s = tigetstr(cap.c_str());
  if (!s || s == reinterpret_cast<char*>(-1)) return None();
  return bytes_from(s);
}
Result<Value> m_tigetnum(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.tigetnum", n, 1, 1));
  TRY(need_setupterm());
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "tigetnum() argument must be str, not %s", type_name(a[0]));
  std::string cap(as_str(a[0])->view());
  return Value::small(tigetnum(cap.c_str()));
}
Result<Value> m_tigetflag(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.tigetflag", n, 1, 1));
  TRY(need_setupterm());
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "tigetflag() argument must be str, not %s", type_name(a[0]));
  std::string cap(as_str(a[0])->view());
  return Value::small(tigetflag(cap.c_str()));
}
Result<Value> m_tparm(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("tparm", n, 1, 10));
  TRY(need_setupterm());
  if (!is_bytes(a[0])) return raise_fmt(tp_TypeError, "tparm() argument 1 must be bytes, not %s", type_name(a[0]));
  std::string s(as_bytes(a[0])->view());
  long p[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
  for (int64_t i = 1; i < n; i++) p[i - 1] = TRY(long_arg(a[i]));
  char* r = tiparm(s.c_str(), p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
  if (!r) return raise(g_error, "tparm() returned NULL");
  return bytes_from(r);
}
Result<Value> m_putp(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.putp", n, 1, 1));
  if (!is_bytes(a[0])) return raise_fmt(tp_TypeError, "putp() argument must be bytes, not %s", type_name(a[0]));
  std::string s(as_bytes(a[0])->view());
  return check_rc(putp(s.c_str()), "putp");
}

Result<Value> m_getsyx(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  int y = 0, x = 0;
  if (newscr) {
    if (is_leaveok(newscr)) {
      y = x = -1;
    } else {
      y = getcury(newscr);
      x = getcurx(newscr);
    }
  }
  return Value(tuple_of({Value::small(y), Value::small(x)}));
}
Result<Value> m_setsyx(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setsyx", n, 2, 2));
  TRY(need_initscr());
  int y = TRY(int_arg(a[0])), x = TRY(int_arg(a[1]));
  if (newscr) {
    if (y == -1 && x == -1) {
      leaveok(newscr, TRUE);
    } else {
      leaveok(newscr, FALSE);
      wmove(newscr, y, x);
    }
  }
  return None();
}

Result<Value> m_resizeterm(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("resizeterm", n, 2, 2));
  TRY(need_initscr());
  TRY(check_rc(resizeterm(TRY(int_arg(a[0])), TRY(int_arg(a[1]))), "resizeterm"));
  TRY(update_lines_cols());
  return None();
}
Result<Value> m_resize_term(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("resize_term", n, 2, 2));
  TRY(need_initscr());
  TRY(check_rc(resize_term(TRY(int_arg(a[0])), TRY(int_arg(a[1]))), "resize_term"));
  TRY(update_lines_cols());
  return None();
}
Result<Value> m_is_term_resized(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("is_term_resized", n, 2, 2));
  TRY(need_initscr());
  return Bool(is_term_resized(TRY(int_arg(a[0])), TRY(int_arg(a[1]))));
}
Result<Value> m_update_lines_cols(Value*, int64_t, Tuple*) {
  TRY(update_lines_cols());
  return None();
}

Result<Value> m_get_escdelay(Value*, int64_t, Tuple*) { return Value::small(get_escdelay()); }
Result<Value> m_set_escdelay(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.set_escdelay", n, 1, 1));
  int ms = TRY(int_arg(a[0]));
  if (ms <= 0) return raise(tp_ValueError, "ms must be > 0");
  return check_rc(set_escdelay(ms), "set_escdelay");
}
Result<Value> m_get_tabsize(Value*, int64_t, Tuple*) { return Value::small(TABSIZE); }
Result<Value> m_set_tabsize(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.set_tabsize", n, 1, 1));
  int size = TRY(int_arg(a[0]));
  if (size <= 0) return raise(tp_ValueError, "size must be > 0");
  return check_rc(set_tabsize(size), "set_tabsize");
}

Result<Value> m_mousemask(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.mousemask", n, 1, 1));
  TRY(need_initscr());
  mmask_t old = 0;
  mmask_t avail = mousemask(mmask_t(TRY(long_arg(a[0]))), &old);
  return Value(tuple_of({int_from_i64(int64_t(avail)), int_from_i64(int64_t(old))}));
}
Result<Value> m_mouseinterval(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_curses.mouseinterval", n, 1, 1));
  TRY(need_initscr());
  return Value::small(mouseinterval(TRY(int_arg(a[0]))));
}
Result<Value> m_getmouse(Value*, int64_t, Tuple*) {
  TRY(need_initscr());
  MEVENT ev;
  if (getmouse(&ev) == kErr) return raise(g_error, "getmouse() returned ERR");
  return Value(tuple_of({Value::small(ev.id), Value::small(ev.x), Value::small(ev.y), Value::small(ev.z),
                         int_from_i64(int64_t(ev.bstate))}));
}
Result<Value> m_ungetmouse(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("ungetmouse", n, 5, 5));
  TRY(need_initscr());
  MEVENT ev;
  ev.id = short(TRY(int_arg(a[0])));
  ev.x = TRY(int_arg(a[1]));
  ev.y = TRY(int_arg(a[2]));
  ev.z = TRY(int_arg(a[3]));
  ev.bstate = mmask_t(TRY(long_arg(a[4])));
  return check_rc(ungetmouse(&ev), "ungetmouse");
}

const MethodDef functions[] = {
    {"baudrate", m_baudrate},
    {"beep", m_plain<c_beep, true>},
    {"can_change_color", m_can_change_color},
    {"cbreak", m_mode<c_cbreak, c_nocbreak>},
    {"color_content", m_color_content},
    {"color_pair", m_color_pair},
    {"curs_set", m_curs_set},
    {"def_prog_mode", m_plain<c_def_prog_mode, true>},
    {"def_shell_mode", m_plain<c_def_shell_mode, true>},
    {"delay_output", m_delay_output},
    {"doupdate", m_plain<c_doupdate, true>},
    {"echo", m_mode<c_echo, c_noecho>},
    {"endwin", m_plain<c_endwin, true>},
    {"erasechar", m_erasechar},
    {"filter", m_filter},
    {"flash", m_plain<c_flash, true>},
    {"flushinp", m_flushinp},
    {"get_escdelay", m_get_escdelay},
    {"get_tabsize", m_get_tabsize},
    {"getmouse", m_getmouse},
    {"getsyx", m_getsyx},
    {"getwin", m_getwin},
    {"halfdelay", m_halfdelay},
    {"has_colors", m_has_colors},
    {"has_extended_color_support", m_has_extended_color_support},
    {"has_ic", m_has_ic},
    {"has_il", m_has_il},
    {"has_key", m_has_key},
    {"init_color", m_init_color},
    {"init_pair", m_init_pair},
    {"initscr", m_initscr},
    {"intrflush", m_intrflush},
    {"is_term_resized", m_is_term_resized},
    {"isendwin", m_isendwin},
    {"keyname", m_keyname},
    {"killchar", m_killchar},
    {"longname", m_longname},
    {"meta", m_meta},
    {"mouseinterval", m_mouseinterval},
    {"mousemask", m_mousemask},
    {"napms", m_napms},
    {"newpad", m_newpad},
    {"newwin", m_newwin},
    {"nl", m_mode<c_nl, c_nonl>},
    {"nocbreak", m_plain<c_nocbreak, true>},
    {"noecho", m_plain<c_noecho, true>},
    {"nonl", m_plain<c_nonl, true>},
    {"noqiflush", m_noqiflush},
    {"noraw", m_plain<c_noraw, true>},
    {"pair_content", m_pair_content},
    {"pair_number", m_pair_number},
    {"putp", m_putp},
    {"qiflush", m_qiflush},
    {"raw", m_mode<c_raw, c_noraw>},
    {"reset_prog_mode", m_plain<c_reset_prog_mode, true>},
    {"reset_shell_mode", m_plain<c_reset_shell_mode, true>},
    {"resetty", m_plain<c_resetty, true>},
    {"resize_term", m_resize_term},
    {"resizeterm", m_resizeterm},
    {"savetty", m_plain<c_savetty, true>},
    {"set_escdelay", m_set_escdelay},
    {"set_tabsize", m_set_tabsize},
    {"setsyx", m_setsyx},
    {"setupterm", m_setupterm},
    {"start_color", m_start_color},
    {"termattrs", m_termattrs},
    {"termname", m_termname},
    {"tigetflag", m_tigetflag},
    {"tigetnum", m_tigetnum},
    {"tigetstr", m_tigetstr},
    {"tparm", m_tparm},
    {"typeahead", m_typeahead},
    {"unctrl", m_unctrl},
    {"unget_wch", m_unget_wch},
    {"ungetch", m_ungetch},
    {"ungetmouse", m_ungetmouse},
    {"update_lines_cols", m_update_lines_cols},
    {"use_default_colors", m_plain<c_use_default_colors, true>},
    {"use_env", m_use_env},
    {nullptr, nullptr}};

void add_constants(Dict* d) {
  set_int(d, "ERR", kErr);
  set_int(d, "OK", kOk);
  struct {
    const char* name;
    int64_t v;
  } consts[] = {
      {"A_ATTRIBUTES", int64_t(A_ATTRIBUTES)}, {"A_NORMAL", int64_t(A_NORMAL)}, {"A_STANDOUT", int64_t(A_STANDOUT)},
      {"A_UNDERLINE", int64_t(A_UNDERLINE)}, {"A_REVERSE", int64_t(A_REVERSE)}, {"A_BLINK", int64_t(A_BLINK)},
      {"A_DIM", int64_t(A_DIM)}, {"A_BOLD", int64_t(A_BOLD)}, {"A_ALTCHARSET", int64_t(A_ALTCHARSET)},
      {"A_INVIS", int64_t(A_INVIS)}, {"A_PROTECT", int64_t(A_PROTECT)}, {"A_CHARTEXT", int64_t(A_CHARTEXT)},
      {"A_COLOR", int64_t(A_COLOR)}, {"A_HORIZONTAL", int64_t(A_HORIZONTAL)}, {"A_LEFT", int64_t(A_LEFT)},
      {"A_LOW", int64_t(A_LOW)}, {"A_RIGHT", int64_t(A_RIGHT)}, {"A_TOP", int64_t(A_TOP)},
      {"A_VERTICAL", int64_t(A_VERTICAL)}, {"A_ITALIC", int64_t(A_ITALIC)},
      {"COLOR_BLACK", COLOR_BLACK}, {"COLOR_RED", COLOR_RED}, {"COLOR_GREEN", COLOR_GREEN},
      {"COLOR_YELLOW", COLOR_YELLOW}, {"COLOR_BLUE", COLOR_BLUE}, {"COLOR_MAGENTA", COLOR_MAGENTA},
      {"COLOR_CYAN", COLOR_CYAN}, {"COLOR_WHITE", COLOR_WHITE},
      {"BUTTON1_PRESSED", int64_t(BUTTON1_PRESSED)}, {"BUTTON1_RELEASED", int64_t(BUTTON1_RELEASED)},
      {"BUTTON1_CLICKED", int64_t(BUTTON1_CLICKED)}, {"BUTTON1_DOUBLE_CLICKED", int64_t(BUTTON1_DOUBLE_CLICKED)},
      {"BUTTON1_TRIPLE_CLICKED", int64_t(BUTTON1_TRIPLE_CLICKED)},
      {"BUTTON2_PRESSED", int64_t(BUTTON2_PRESSED)}, {"BUTTON2_RELEASED", int64_t(BUTTON2_RELEASED)},
      {"BUTTON2_CLICKED", int64_t(BUTTON2_CLICKED)}, {"BUTTON2_DOUBLE_CLICKED", int64_t(BUTTON2_DOUBLE_CLICKED)},
      {"BUTTON2_TRIPLE_CLICKED", int64_t(BUTTON2_TRIPLE_CLICKED)},
      {"BUTTON3_PRESSED", int64_t(BUTTON3_PRESSED)}, {"BUTTON3_RELEASED", int64_t(BUTTON3_RELEASED)},
      {"BUTTON3_CLICKED", int64_t(BUTTON3_CLICKED)}, {"BUTTON3_DOUBLE_CLICKED", int64_t(BUTTON3_DOUBLE_CLICKED)},
      {"BUTTON3_TRIPLE_CLICKED", int64_t(BUTTON3_TRIPLE_CLICKED)},
      {"BUTTON4_PRESSED", int64_t(BUTTON4_PRESSED)}, {"BUTTON4_RELEASED", int64_t(BUTTON4_RELEASED)},
      {"BUTTON4_CLICKED", int64_t(BUTTON4_CLICKED)}, {"BUTTON4_DOUBLE_CLICKED", int64_t(BUTTON4_DOUBLE_CLICKED)},
      {"BUTTON4_TRIPLE_CLICKED", int64_t(BUTTON4_TRIPLE_CLICKED)},
      {"BUTTON5_PRESSED", int64_t(BUTTON5_PRESSED)}, {"BUTTON5_RELEASED", int64_t(BUTTON5_RELEASED)},
      {"BUTTON5_CLICKED", int64_t(BUTTON5_CLICKED)}, {"BUTTON5_DOUBLE_CLICKED", int64_t(BUTTON5_DOUBLE_CLICKED)},
      {"BUTTON5_TRIPLE_CLICKED", int64_t(BUTTON5_TRIPLE_CLICKED)},
      {"BUTTON_SHIFT", int64_t(BUTTON_SHIFT)}, {"BUTTON_CTRL", int64_t(BUTTON_CTRL)},
      {"BUTTON_ALT", int64_t(BUTTON_ALT)}, {"ALL_MOUSE_EVENTS", int64_t(ALL_MOUSE_EVENTS)},
      {"REPORT_MOUSE_POSITION", int64_t(REPORT_MOUSE_POSITION)},
  };
  for (auto& c : consts) set_int(d, c.name, c.v);
  // The KEY_ names from keyname(): "KEY_F(5)" becomes KEY_F5.
  for (int key = KEY_MIN; key < KEY_MAX; key++) {
    const char* kn = keyname(key);
    if (!kn || std::strcmp(kn, "UNKNOWN KEY") == 0) continue;
    std::string name;
    if (std::strncmp(kn, "KEY_F(", 6) == 0) {
      name = "KEY_F";
      for (const char* p = kn + 6; *p && *p != ')'; p++) name += *p;
    } else {
      name = kn;
    }
    set_int(d, name.c_str(), key);
  }
  set_int(d, "KEY_MIN", KEY_MIN);
  set_int(d, "KEY_MAX", KEY_MAX);
}

Result<Value> init() {
  Module* m = native_module_new("_curses", functions);
  g_module = m;
  Dict* d = m->dict;
  if (!tp_Window) {
    Dict* ns = dict_new();
    dict_set_str(ns, N.__module__, str_value("_curses"));
    g_error = as_type(TRY(call3(Value(tp_type), str_value("error"), Value(tuple_of({Value(tp_Exception)})), Value(ns))));
    tp_Window = native_type_new("_curses", "window", tp_object, Layout::Other, sizeof(Win), window_methods,
                                window_getsets, 0);
  }
  dict_set_str(d, str_intern("error"), Value(g_error));
  dict_set_str(d, str_intern("window"), Value(tp_Window));
  dict_set_str(d, str_intern("version"), bytes_from("2.2"));
  dict_set_str(d, str_intern("__version__"), bytes_from("2.2"));
  static Type* tp_version;
  if (!tp_version) {
    tp_version = structseq_new_type("curses", "ncurses_version", {"major", "minor", "patch"});
    structseq_forbid_new(tp_version);
  }
  dict_set_str(d, str_intern("ncurses_version"),
               structseq_new(tp_version, {Value::small(NCURSES_VERSION_MAJOR), Value::small(NCURSES_VERSION_MINOR),
                                          Value::small(NCURSES_VERSION_PATCH)}));
  add_constants(d);
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_curses", init);

// For _curses_panel: the WINDOW of a window object (null if `v` is not one),
// and a window object for a WINDOW the panel library hands back.
WINDOW* curses_window_of(Value v) {
  if (!tp_Window || !isinstance(v, tp_Window)) return nullptr;
  return WO(v)->win;
}
Type* curses_window_type() { return tp_Window; }
Type* curses_error_type() { return g_error; }

}  // namespace gilpy
