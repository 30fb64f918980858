// _locale: the C library's locale (setlocale, localeconv, nl_langinfo,
// collation) and message catalogs (gettext), under CPython's locale.py.
//
// Like CPython, gilpy sets LC_CTYPE from the environment at start-up
// (cli/run.cpp); every other category stays "C" until a program asks.
// Strings from the C library are decoded as UTF-8 when valid, else byte by
// byte as Latin-1, so no locale can produce an invalid str.
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>

#include <climits>
#include <cwchar>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Value g_locale_error;  // locale.Error (an Exception subclass)

static Err locale_error(const char* msg) { return raise(as_type(g_locale_error), msg); }

static Value c_text(const char* s) {
  std::string_view v = s ? s : "";
  if (utf8::validate(v)) return str_value(v);
  std::string out;
  for (unsigned char c : v) {
    if (c < 0x80) out += char(c);
    else {
      out += char(0xC0 | (c >> 6));
      out += char(0x80 | (c & 0x3F));
    }
  }
  return str_value(out);
}

// CPython's argument wording: "f() argument N must be str, not int" (just
// "argument" for a single-parameter function: argno 0).
static std::string arg_label(int argno) { return argno ? "argument " + std::to_string(argno) : "argument"; }

static Result<std::string> str_arg(const char* fname, Value v, int argno) {
  if (!is_str(v))
    return raise_fmt(tp_TypeError, "%s() %s must be str, not %s", fname, arg_label(argno).c_str(), type_name(v));
  std::string s(as_str(v)->view());
  if (s.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null character");
  return s;
}

// Optional str argument: None (or absent) gives null.
static Result<const char*> opt_str_arg(const char* fname, Value v, int argno, std::string& keep) {
  if (!v || is_none(v)) return static_cast<const char*>(nullptr);
  if (!is_str(v))
    return raise_fmt(tp_TypeError, "%s() %s must be str or None, not %s", fname, arg_label(argno).c_str(),
                     type_name(v));
  keep = TRY(str_arg(fname, v, argno));
  return keep.c_str();
}

static Result<Value> lc_setlocale(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setlocale", n, 1, 2));
  int64_t category = TRY(as_index(a[0]));
  std::string keep;
  const char* loc = TRY(opt_str_arg("setlocale", n > 1 ? a[1] : Value(), 2, keep));
  if (category < INT_MIN || category > INT_MAX) return locale_error(loc ? "unsupported locale setting" : "locale query failed");
  const char* r = ::setlocale(int(category), loc);
  if (!r) return locale_error(loc ? "unsupported locale setting" : "locale query failed");
  return c_text(r);
}

// A grouping string as CPython lists it: the group sizes up to and
// including the terminating 0 or CHAR_MAX; an empty string is [].
static Result<Value> grouping_list(const char* g) {
  List* l = list_new(0);
  if (!g || !*g) return Value(l);
  for (int i = 0;; i++) {
    int v = static_cast<signed char>(g[i]);
    TRY(list_append(l, Value::small(v)));
    if (v == 0 || v == CHAR_MAX) break;
  }
  return Value(l);
}

static Result<Value> lc_localeconv(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("localeconv", n, 0, 0));
  struct lconv* c = ::localeconv();
  Dict* d = dict_new();
  auto s = [&](const char* k, const char* v) { dict_set_str(d, str_intern(k), c_text(v)); };
  auto i = [&](const char* k, char v) { dict_set_str(d, str_intern(k), Value::small(static_cast<unsigned char>(v))); };
  s("int_curr_symbol", c->int_curr_symbol);
  s("currency_symbol", c->currency_symbol);
  s("mon_decimal_point", c->mon_decimal_point);
  s("mon_thousands_sep", c->mon_thousands_sep);
  dict_set_str(d, str_intern("mon_grouping"), TRY(grouping_list(c->mon_grouping)));
  s("positive_sign", c->positive_sign);
  s("negative_sign", c->negative_sign);
  i("int_frac_digits", c->int_frac_digits);
  i("frac_digits", c->frac_digits);
  i("p_cs_precedes", c->p_cs_precedes);
  i("p_sep_by_space", c->p_sep_by_space);
  i("n_cs_precedes", c->n_cs_precedes);
  i("n_sep_by_space", c->n_sep_by_space);
  i("p_sign_posn", c->p_sign_posn);
  i("n_sign_posn", c->n_sign_posn);
  s("decimal_point", c->decimal_point);
  s("thousands_sep", c->thousands_sep);
  dict_set_str(d, str_intern("grouping"), TRY(grouping_list(c->grouping)));
  return Value(d);
}

// The nl_langinfo keys CPython exposes on Linux.
#define GILPY_LANGINFO(X)                                                                                         \
  X(CODESET) X(D_T_FMT) X(D_FMT) X(T_FMT) X(T_FMT_AMPM) X(AM_STR) X(PM_STR) X(DAY_1) X(DAY_2) X(DAY_3) X(DAY_4) \
  X(DAY_5) X(DAY_6) X(DAY_7) X(ABDAY_1) X(ABDAY_2) X(ABDAY_3) X(ABDAY_4) X(ABDAY_5) X(ABDAY_6) X(ABDAY_7)      \
  X(MON_1) X(MON_2) X(MON_3) X(MON_4) X(MON_5) X(MON_6) X(MON_7) X(MON_8) X(MON_9) X(MON_10) X(MON_11)          \
  X(MON_12) X(ABMON_1) X(ABMON_2) X(ABMON_3) X(ABMON_4) X(ABMON_5) X(ABMON_6) X(ABMON_7) X(ABMON_8) X(ABMON_9) \
  X(ABMON_10) X(ABMON_11) X(ABMON_12) X(RADIXCHAR) X(THOUSEP) X(YESEXPR) X(NOEXPR) X(CRNCYSTR) X(ERA)          \
  X(ERA_D_FMT) X(ERA_D_T_FMT) X(ERA_T_FMT) X(ALT_DIGITS) X(_DATE_FMT)

static Result<Value> lc_nl_langinfo(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("nl_langinfo", n, 1, 1));
  int64_t key = TRY(as_index(a[0]));
  static const int64_t known[] = {
#define K(name) name,
      GILPY_LANGINFO(K)
#undef K
  };
  for (int64_t k : known)
    if (k == key) return c_text(::nl_langinfo(nl_item(key)));
  return raise(tp_ValueError, "unsupported langinfo constant");
}

// str <-> wchar_t (UTF-32 on Linux) for wcscoll/wcsxfrm.
static Result<std::wstring> to_wide(const char* fname, Value v, int argno) {
  std::string s = TRY(str_arg(fname, v, argno));
  std::wstring w;
  for (size_t i = 0; i < s.size();) {
    utf8::Decoded d = utf8::decode(s, i, true);
    w.push_back(wchar_t(d.cp));
    i += d.len;
  }
  return w;
}

static Result<Value> lc_strcoll(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("strcoll", n, 2, 2));
  std::wstring x = TRY(to_wide("strcoll", a[0], 1));
  std::wstring y = TRY(to_wide("strcoll", a[1], 2));
  return Value::small(::wcscoll(x.c_str(), y.c_str()));
}

static Result<Value> lc_strxfrm(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("strxfrm", n, 1, 1));
  std::wstring x = TRY(to_wide("strxfrm", a[0], 0));
  size_t need = ::wcsxfrm(nullptr, x.c_str(), 0);
  std::vector<wchar_t> buf(need + 1);
  ::wcsxfrm(buf.data(), x.c_str(), need + 1);
  std::string out;
  for (size_t i = 0; i < need; i++) utf8::encode(uint32_t(buf[i]) <= 0x10FFFF ? uint32_t(buf[i]) : 0xFFFD, out);
  return str_value(out);
}

static Result<Value> lc_getencoding(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("getencoding", n, 0, 0));
  const char* cs = ::nl_langinfo(CODESET);
  return c_text(cs && *cs ? cs : "UTF-8");
}

// ---- message catalogs -----------------------------------------------------------------------
static Result<Value> lc_gettext(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("gettext", n, 1, 1));
  std::string msg = TRY(str_arg("gettext", a[0], 0));
  return c_text(::gettext(msg.c_str()));
}

static Result<Value> lc_dgettext(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("dgettext", n, 2, 2));
  std::string keep;
  const char* domain = TRY(opt_str_arg("dgettext", a[0], 1, keep));
  std::string msg = TRY(str_arg("dgettext", a[1], 2));
  return c_text(::dgettext(domain, msg.c_str()));
}

static Result<Value> lc_dcgettext(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("dcgettext", n, 3, 3));
  std::string keep;
  const char* domain = TRY(opt_str_arg("dcgettext", a[0], 1, keep));
  std::string msg = TRY(str_arg("dcgettext", a[1], 2));
  int64_t category = TRY(as_index(a[2]));
  return c_text(::dcgettext(domain, msg.c_str(), int(category)));
}

static Result<Value> lc_textdomain(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("textdomain", n, 1, 1));
  std::string keep;
  const char* domain = TRY(opt_str_arg("textdomain", a[0], 0, keep));
  const char* r = ::textdomain(domain);
  if (!r) return raise_errno(errno);
  return c_text(r);
}

static Result<Value> lc_bindtextdomain(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("bindtextdomain", n, 2, 2));
  std::string domain = TRY(str_arg("bindtextdomain", a[0], 1));
  if (domain.empty()) return raise(tp_ValueError, "empty string");
  std::string keep;
  if (!is_none(a[1]) && !is_str(a[1]))
    return raise_fmt(tp_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(a[1]));
  const char* dir = TRY(opt_str_arg("bindtextdomain", a[1], 2, keep));
  const char* r = ::bindtextdomain(domain.c_str(), dir);
  if (!r) return raise_errno(errno ? errno : ENOMEM);
  return c_text(r);
}

static Result<Value> lc_bind_textdomain_codeset(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("bind_textdomain_codeset", n, 2, 2));
  std::string domain = TRY(str_arg("bind_textdomain_codeset", a[0], 1));
  std::string keep;
  const char* codeset = TRY(opt_str_arg("bind_textdomain_codeset", a[1], 2, keep));
  const char* r = ::bind_textdomain_codeset(domain.c_str(), codeset);
  if (!r) return None();
  return c_text(r);
}

static const MethodDef locale_functions[] = {
    {"setlocale", lc_setlocale},
    {"localeconv", lc_localeconv},
    {"nl_langinfo", lc_nl_langinfo},
    {"strcoll", lc_strcoll},
    {"strxfrm", lc_strxfrm},
    {"getencoding", lc_getencoding},
    {"gettext", lc_gettext},
    {"dgettext", lc_dgettext},
    {"dcgettext", lc_dcgettext},
    {"textdomain", lc_textdomain},
    {"bindtextdomain", lc_bindtextdomain},
    {"bind_textdomain_codeset", lc_bind_textdomain_codeset},
    {nullptr, nullptr}};

static Result<Value> locale_init() {
  Module* m = native_module_new("_locale", locale_functions, "Support for POSIX locales.");
  if (!g_locale_error) {
    Dict* ns = dict_new();
    dict_set_str(ns, N.__module__, str_value("locale"));
    g_locale_error = TRY(call3(Value(tp_type), str_value("Error"), Value(tuple_of({Value(tp_Exception)})), Value(ns)));
  }
  dict_set_str(m->dict, str_intern("Error"), g_locale_error);
  auto add = [&](const char* name, int64_t v) { dict_set_str(m->dict, str_intern(name), int_from_i64(v)); };
  add("LC_CTYPE", LC_CTYPE);
  add("LC_COLLATE", LC_COLLATE);
  add("LC_TIME", LC_TIME);
  add("LC_MONETARY", LC_MONETARY);
  add("LC_NUMERIC", LC_NUMERIC);
  add("LC_ALL", LC_ALL);
  add("LC_MESSAGES", LC_MESSAGES);
  add("CHAR_MAX", CHAR_MAX);
#define K(name) add(#name, name);
  GILPY_LANGINFO(K)
#undef K
  return Value(m);
}
GILPY_NATIVE_MODULE("_locale", locale_init);

}  // namespace gilpy
