// _curses_panel: the C half of curses.panel, on ncursesw's panel library
// (libpanelw, bound lazily like libncursesw: decision 0021).
//
//   new_panel(win), top_panel(), bottom_panel(), update_panels(), error, version
//   panel: above, below, bottom, hidden, hide, move, replace, set_userptr,
//          show, top, userptr, window
//
// A panel object keeps its window alive; the library's PANEL is deleted by
// the object's finalizer. The PANEL -> object table that above()/below()/
// top_panel() need is kept outside the collected heap, so that it does not
// keep panels alive (a panel nobody references leaves the stack at the next
// collection, where CPython removes it at once).
#include <gc/gc.h>

#include <algorithm>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#define NCURSES_NOMACROS 1  // functions, not macros that expand to ERR/OK
#include <ncursesw/curses.h>
#include <ncursesw/panel.h>

// curses.h's OK and ERR macros would rewrite gilpy's OK() and ERR.
constexpr int kErr = ERR;
#undef OK
#undef ERR

namespace gilpy {

WINDOW* curses_window_of(Value v);
Type* curses_window_type();

namespace {

Type* g_error;
Type* tp_Panel;

struct Pan : Object {
  PANEL* pan;
  Value win;      // the window object
  Value userptr;  // set_userptr's object
};
Pan* PO(Value v) { return v.as<Pan>(); }

// PANEL -> object, not scanned by the collector (see the top).
std::vector<std::pair<PANEL*, Pan*>> g_live;

Pan* lookup(PANEL* p) {
  for (auto& e : g_live)
    if (e.first == p) return e.second;
  return nullptr;
}

void pan_finalizer(void* obj, void*) {
  Pan* p = static_cast<Pan*>(obj);
  if (!p->pan) return;
  g_live.erase(std::remove_if(g_live.begin(), g_live.end(), [p](auto& e) { return e.second == p; }), g_live.end());
  del_panel(p->pan);
  p->pan = nullptr;
}

Result<Value> check_rc(int rc, const char* fname) {
  if (rc == kErr) return raise_fmt(g_error, "%s() returned ERR", fname);
  return None();
}

Value panel_or_none(PANEL* p) {
  if (!p) return None();
  Pan* o = lookup(p);
  return o ? Value(o) : None();
}

Result<Value> p_above(Value* a, int64_t, Tuple*) { return panel_or_none(panel_above(PO(a[0])->pan)); }
Result<Value> p_below(Value* a, int64_t, Tuple*) { return panel_or_none(panel_below(PO(a[0])->pan)); }
Result<Value> p_bottom(Value* a, int64_t, Tuple*) { return check_rc(bottom_panel(PO(a[0])->pan), "bottom"); }
Result<Value> p_top(Value* a, int64_t, Tuple*) { return check_rc(top_panel(PO(a[0])->pan), "top"); }
Result<Value> p_show(Value* a, int64_t, Tuple*) { return check_rc(show_panel(PO(a[0])->pan), "show"); }
Result<Value> p_hide(Value* a, int64_t, Tuple*) { return check_rc(hide_panel(PO(a[0])->pan), "hide"); }
Result<Value> p_hidden(Value* a, int64_t, Tuple*) { return Bool(panel_hidden(PO(a[0])->pan)); }
Result<Value> p_move(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("move", n - 1, 2, 2));
  int y = TRY(as_c_int(a[1])), x = TRY(as_c_int(a[2]));
  return check_rc(move_panel(PO(a[0])->pan, y, x), "move_panel");
}
Result<Value> p_window(Value* a, int64_t, Tuple*) { return PO(a[0])->win; }
Result<Value> p_replace(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("replace", n - 1, 1, 1));
  WINDOW* w = curses_window_of(a[1]);
  if (!w) return raise_fmt(tp_TypeError, "replace() argument must be _curses.window, not %s", type_name(a[1]));
  Pan* p = PO(a[0]);
  if (replace_panel(p->pan, w) == kErr) return raise(g_error, "replace_panel: can't find Panel");
  p->win = a[1];
  return None();
}
Result<Value> p_set_userptr(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("set_userptr", n - 1, 1, 1));
  PO(a[0])->userptr = a[1];
  return None();
}
Result<Value> p_userptr(Value* a, int64_t, Tuple*) {
  Pan* p = PO(a[0]);
  if (!p->userptr) return raise(g_error, "no userptr set");
  return p->userptr;
}
Result<Value> p_new_forbidden(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot create '%s' instances", type_tp_name(as_type(a[0])).c_str());
}

Result<Value> m_new_panel(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("new_panel", n, 1, 1));
  WINDOW* w = curses_window_of(a[0]);
  if (!w) return raise_fmt(tp_TypeError, "new_panel() argument must be _curses.window, not %s", type_name(a[0]));
  PANEL* pan = new_panel(w);
  if (!pan) return raise(g_error, "new_panel() returned NULL");
  Pan* p = static_cast<Pan*>(alloc_instance(tp_Panel, sizeof(Pan)));
  p->pan = pan;
  p->win = a[0];
  g_live.emplace_back(pan, p);
  GC_register_finalizer(p, pan_finalizer, nullptr, nullptr, nullptr);
  return Value(p);
}
Result<Value> m_top_panel(Value*, int64_t, Tuple*) { return panel_or_none(panel_below(nullptr)); }
Result<Value> m_bottom_panel(Value*, int64_t, Tuple*) { return panel_or_none(panel_above(nullptr)); }
Result<Value> m_update_panels(Value*, int64_t, Tuple*) {
  update_panels();
  return None();
}

const MethodDef panel_methods[] = {{"__new__", p_new_forbidden, MethKind::Static},
                                   {"above", p_above},
                                   {"below", p_below},
                                   {"bottom", p_bottom},
                                   {"hidden", p_hidden},
                                   {"hide", p_hide},
                                   {"move", p_move},
                                   {"replace", p_replace},
                                   {"set_userptr", p_set_userptr},
                                   {"show", p_show},
                                   {"top", p_top},
                                   {"userptr", p_userptr},
                                   {"window", p_window},
                                   {nullptr, nullptr}};

const MethodDef functions[] = {{"bottom_panel", m_bottom_panel},
                               {"new_panel", m_new_panel},
                               {"top_panel", m_top_panel},
                               {"update_panels", m_update_panels},
                               {nullptr, nullptr}};

Result<Value> init() {
  TRY(import_module(str_intern("_curses")));  // the window type
  Module* m = native_module_new("_curses_panel", functions);
  if (!tp_Panel) {
    Dict* ns = dict_new();
    dict_set_str(ns, N.__module__, str_value("_curses_panel"));
    g_error = as_type(TRY(call3(Value(tp_type), str_value("error"), Value(tuple_of({Value(tp_Exception)})), Value(ns))));
    tp_Panel = native_type_new("_curses_panel", "panel", tp_object, Layout::Other, sizeof(Pan), panel_methods,
                               nullptr, 0);
  }
  Dict* d = m->dict;
  dict_set_str(d, str_intern("error"), Value(g_error));
  dict_set_str(d, str_intern("panel"), Value(tp_Panel));
  dict_set_str(d, str_intern("version"), bytes_from("2.1"));
  dict_set_str(d, str_intern("__version__"), bytes_from("2.1"));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_curses_panel", init);

}  // namespace gilpy
