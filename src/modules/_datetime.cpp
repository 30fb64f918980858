// _datetime: the native half of datetime.py (CPython's C module as a Python
// user sees it). datetime.py ends with `from _datetime import *`, so when this
// module imports, its types replace the pure-Python ones.
//
// This file holds what the types share: the proleptic Gregorian calendar
// (ordinals count days from 0001-01-01 = 1), argument parsing with the
// messages of CPython's getargs, the tzinfo protocol and its checks,
// strftime's %z/%Z/%f pre-pass and local-time conversions; plus module
// set-up. Each type lives in its own file (_datetime_delta.cpp, _date, _time,
// _datetime, _tz), the ISO 8601 parsers in _datetime_iso.cpp.
#include <climits>
#include <cmath>
#include <ctime>
#include <string>

#include "modules/_datetime_internal.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy::dtm {

Type* tp_delta;
Type* tp_date;
Type* tp_time;
Type* tp_datetime;
Type* tp_tzinfo;
Type* tp_timezone;
Type* tp_isocal;
Value g_utc;

const char* const kDayNames[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* const kMonthNames[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// ============================================================================
// calendar
// ============================================================================
static const int kDaysInMonth[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const int kDaysBeforeMonth[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

bool is_leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }
int days_in_month(int y, int m) { return m == 2 && is_leap(y) ? 29 : kDaysInMonth[m]; }
int days_before_month(int y, int m) { return kDaysBeforeMonth[m] + (m > 2 && is_leap(y)); }
int days_before_year(int y) {
  int y1 = y - 1;
  return y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400;
}
int ymd_to_ord(int y, int m, int d) { return days_before_year(y) + days_before_month(y, m) + d; }

// Ordinal -> date through the 400-, 100-, 4- and 1-year cycles (146097,
// 36524, 1461 and 365 days). The last year of a 4- or 400-year cycle has 366
// days, which shows up as n1 == 4 or n100 == 4: that day is December 31.
void ord_to_ymd(int ord, int* y, int* m, int* d) {
  int n = ord - 1;
  int n400 = n / 146097;
  n %= 146097;
  int n100 = n / 36524;
  n %= 36524;
  int n4 = n / 1461;
  n %= 1461;
  int n1 = n / 365;
  n %= 365;
  *y = n400 * 400 + 1 + n100 * 100 + n4 * 4 + n1;
  if (n1 == 4 || n100 == 4) {
    *y -= 1;
    *m = 12;
    *d = 31;
    return;
  }
  // n is now the 0-based day of the year; (n + 50) / 32 never undershoots the month.
  int mm = (n + 50) >> 5;
  int before = days_before_month(*y, mm);
  if (before > n) {
    mm -= 1;
    before -= days_in_month(*y, mm);
  }
  *m = mm;
  *d = n - before + 1;
}
int weekday_of(int y, int m, int d) { return (ymd_to_ord(y, m, d) + 6) % 7; }
int iso_week1_monday(int y) {
  int first = ymd_to_ord(y, 1, 1);
  int wd = (first + 6) % 7;
  int monday = first - wd;
  if (wd > 3) monday += 7;  // Jan 1 on Fri..Sun: week 1 starts the Monday after
  return monday;
}
static int floordiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
void iso_calendar(int y, int m, int d, int* iy, int* iw, int* iwd) {
  int today = ymd_to_ord(y, m, d);
  int year = y;
  int monday = iso_week1_monday(year);
  int diff = today - monday;
  int week = floordiv(diff, 7);
  int day = diff - week * 7;
  if (week < 0) {
    year--;
    monday = iso_week1_monday(year);
    diff = today - monday;
    week = floordiv(diff, 7);
    day = diff - week * 7;
  } else if (week >= 52 && today >= iso_week1_monday(year + 1)) {
    year++;
    week = 0;
  }
  *iy = year;
  *iw = week + 1;
  *iwd = day + 1;
}
int iso_to_ymd(int iy, int iw, int iwd, int* y, int* m, int* d) {
  if (iy < kMinYear || iy > kMaxYear) return -4;
  if (iw <= 0 || iw >= 53) {
    // Week 53 exists in years starting on Thursday, and leap years starting on Wednesday.
    int wd = weekday_of(iy, 1, 1);
    if (!(iw == 53 && (wd == 3 || (wd == 2 && is_leap(iy))))) return -2;
  }
  if (iwd <= 0 || iwd >= 8) return -3;
  ord_to_ymd(iso_week1_monday(iy) + (iw - 1) * 7 + iwd - 1, y, m, d);
  return 0;
}

Status normalize_date(int* y, int* m, int* d) {
  int dim = days_in_month(*y, *m);
  if (*d < 1 || *d > dim) {
    if (*d == 0) {  // one day back (what a time zone adjustment usually needs)
      if (--*m > 0) {
        *d = days_in_month(*y, *m);
      } else {
        --*y;
        *m = 12;
        *d = 31;
      }
    } else if (*d == dim + 1) {
      *d = 1;
      if (++*m > 12) {
        *m = 1;
        ++*y;
      }
    } else {
      int64_t ord = int64_t(ymd_to_ord(*y, *m, 1)) + *d - 1;
      if (ord < 1 || ord > kMaxOrdinal) return raise(tp_OverflowError, "date value out of range");
      ord_to_ymd(int(ord), y, m, d);
      return OK();
    }
  }
  if (*y < kMinYear || *y > kMaxYear) return raise(tp_OverflowError, "date value out of range");
  return OK();
}
// Floor-divide *lo by `factor`, carrying the quotient into *hi (0 <= *lo < factor after).
static void carry(int* hi, int* lo, int factor) {
  int q = floordiv(*lo, factor);
  *lo -= q * factor;
  *hi += q;
}
Status normalize_datetime(int* y, int* m, int* d, int* hh, int* mm, int* ss, int* us) {
  carry(ss, us, 1000000);
  carry(mm, ss, 60);
  carry(hh, mm, 60);
  carry(d, hh, 24);
  return normalize_date(y, m, d);
}
Status check_date_args(int y, int m, int d) {
  if (y < kMinYear || y > kMaxYear) return raise_fmt(tp_ValueError, "year %i is out of range", y);
  if (m < 1 || m > 12) return raise(tp_ValueError, "month must be in 1..12");
  if (d < 1 || d > days_in_month(y, m)) return raise(tp_ValueError, "day is out of range for month");
  return OK();
}
Status check_time_args(int h, int mi, int s, int us, int fold) {
  if (h < 0 || h > 23) return raise(tp_ValueError, "hour must be in 0..23");
  if (mi < 0 || mi > 59) return raise(tp_ValueError, "minute must be in 0..59");
  if (s < 0 || s > 59) return raise(tp_ValueError, "second must be in 0..59");
  if (us < 0 || us > 999999) return raise(tp_ValueError, "microsecond must be in 0..999999");
  if (fold != 0 && fold != 1) return raise(tp_ValueError, "fold must be either 0 or 1");
  return OK();
}

// ============================================================================
// arguments
// ============================================================================
// One argument through its getargs converter (see dt_parse).
static Status convert_arg(const char* fn, int i, char conv, Value v) {
  const char* want = nullptr;
  switch (conv) {
    case 'i': return int_arg(v).is_err() ? Status(ERR) : OK();
    case 'U': if (!is_str(v)) want = "str"; break;
    case 'C': if (!is_str(v) || as_str(v)->length != 1) want = "a unicode character"; break;
    case 'D': if (!is_date(v)) want = "datetime.date"; break;
    case 'T': if (!is_time(v)) want = "datetime.time"; break;
    case 'd': if (!is_delta(v)) want = "datetime.timedelta"; break;
    default: break;
  }
  if (!want) return OK();
  return raise_fmt(tp_TypeError, "%s() argument %d must be %s, not %s", fn, i + 1, want, arg_type_name(v).c_str());
}
// The order of checks is getargs': too many arguments; then parameter by
// parameter, conversion of a present one or "missing" for an absent required
// one; then a name given twice; then unknown keywords.
Status dt_parse(const char* fname, Value* args, int64_t nargs, Tuple* kwnames,
                std::initializer_list<const char*> names, const char* convs, int required, Value* out, int maxpos) {
  const char* fn = fname ? fname : "function";
  const char* paren = fname ? "()" : "";
  int n = int(names.size());
  int64_t nk = kwnames ? kwnames->size : 0;
  if (nargs + nk > n)
    return raise_fmt(tp_TypeError, "%s%s takes at most %d %sargument%s (%lld given)", fn, paren, n,
                     nargs == 0 ? "keyword " : "", n == 1 ? "" : "s", (long long)(nargs + nk));
  if (maxpos >= 0 && nargs > maxpos)
    return raise_fmt(tp_TypeError, "%s%s takes at most %d positional argument%s (%lld given)", fn, paren, maxpos,
                     maxpos == 1 ? "" : "s", (long long)nargs);
  auto kw_index = [&](const char* name) -> int64_t {
    for (int64_t j = 0; j < nk; j++)
      if (as_str(kwnames->items[j])->view() == name) return j;
    return -1;
  };
  int64_t used = 0;
  int i = 0;
  for (const char* nm : names) {
    out[i] = Value();
    if (i < nargs) {
      out[i] = args[i];
    } else if (int64_t j = kw_index(nm); j >= 0) {
      out[i] = args[nargs + j];
      used++;
    }
    if (out[i]) {
      TRY(convert_arg(fn, i, convs ? convs[i] : 'O', out[i]));
    } else if (i < required) {
      return raise_fmt(tp_TypeError, "%s%s missing required argument '%s' (pos %d)", fn, paren, nm, i + 1);
    }
    i++;
  }
  if (used == nk) return OK();
  i = 0;
  for (const char* nm : names) {
    if (i < nargs && kw_index(nm) >= 0)
      return raise_fmt(tp_TypeError, "argument for %s%s given by name ('%s') and position (%d)", fn, paren, nm, i + 1);
    i++;
  }
  for (int64_t j = 0; j < nk; j++) {
    Str* k = as_str(kwnames->items[j]);
    bool known = false;
    for (const char* nm : names) known = known || k->view() == nm;
    if (!known)
      return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for %s%s", k->data,
                       fname ? fname : "this function", paren);
  }
  return OK();
}
// operator.index(v), naming the module's own types as CPython does in the TypeError.
static Result<Value> index_arg(Value v) {
  if (!is_int(v) && !type_lookup(v.type(), N.__index__))
    return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_display_name(v).c_str());
  return index_value(v);
}
Result<int> int_arg(Value v) {
  Value iv = TRY(index_arg(v));
  int64_t x;
  if (!int_fits_i64(iv, &x)) return raise(tp_OverflowError, "Python int too large to convert to C long");
  if (x > INT_MAX) return raise(tp_OverflowError, "signed integer is greater than maximum");
  if (x < INT_MIN) return raise(tp_OverflowError, "signed integer is less than minimum");
  return int(x);
}
Status noargs(const char* qualname, int64_t nargs, Tuple* kw) {
  if (kw && kw->size) return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", qualname);
  if (nargs == 0) return OK();
  return raise_fmt(tp_TypeError, "%s() takes no arguments (%lld given)", qualname, (long long)nargs);
}
Status onearg(const char* qualname, int64_t nargs, Tuple* kw) {
  if (kw && kw->size) return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", qualname);
  if (nargs == 1) return OK();
  return raise_fmt(tp_TypeError, "%s() takes exactly one argument (%lld given)", qualname, (long long)nargs);
}
Status exact_args(const char* fname, int64_t nargs, Tuple* kw, int count) {
  if (kw && kw->size) return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", fname);
  if (nargs == count) return OK();
  return raise_fmt(tp_TypeError, "%s() takes exactly %d argument%s (%lld given)", fname, count, count == 1 ? "" : "s",
                   (long long)nargs);
}
Status slot_args(const char* name, int64_t nargs, Tuple* kw, int count) {
  if (kw && kw->size) return raise_fmt(tp_TypeError, "wrapper %s() takes no keyword arguments", name);
  if (nargs == count) return OK();
  return raise_fmt(tp_TypeError, "expected %d argument%s, got %lld", count, count == 1 ? "" : "s", (long long)nargs);
}
std::string arg_type_name(Value v) { return is_none(v) ? "None" : type_display_name(v); }
std::string type_display_name(Type* t) {
  if (t == tp_delta || t == tp_date || t == tp_time || t == tp_datetime || t == tp_tzinfo || t == tp_timezone || t == tp_isocal)
    return "datetime." + std::string(t->name->view());
  return std::string(t->name->view());
}
std::string type_display_name(Value self) { return type_display_name(self.type()); }
Status check_safe_new(Type* owner, Type* cls) {
  if (!(owner == tp_date && is_subtype(cls, tp_datetime)) && !(owner == tp_tzinfo && is_subtype(cls, tp_timezone)))
    return OK();
  std::string c = type_display_name(cls);
  return raise_fmt(tp_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type_display_name(owner).c_str(),
                   c.c_str(), c.c_str());
}
Status check_tzinfo(Value tz) {
  if (is_none(tz) || is_tzinfo(tz)) return OK();
  return raise_fmt(tp_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'",
                   type_display_name(tz).c_str());
}

Value cmp_result(int c, int op) {
  switch (op) {
    case bytecode::CMP_LT: return Bool(c < 0);
    case bytecode::CMP_LE: return Bool(c <= 0);
    case bytecode::CMP_EQ: return Bool(c == 0);
    case bytecode::CMP_NE: return Bool(c != 0);
    case bytecode::CMP_GT: return Bool(c > 0);
    default: return Bool(c >= 0);
  }
}
Value reduce_with_tz(Value self, Value state, Value tz) {
  Tuple* args = is_none(tz) ? tuple_of({state}) : tuple_of({state, tz});
  return Value(tuple_of({Value(self.type()), Value(args)}));
}

// ============================================================================
// the tzinfo protocol
// ============================================================================
static Result<Value> call_offset_method(Value tz, Value arg, const char* name) {
  if (is_none(tz)) return None();
  Value r = TRY(call_method1(tz, str_intern(name), arg));
  if (is_none(r)) return r;
  if (!is_delta(r))
    return raise_fmt(tp_TypeError, "tzinfo.%s() must return None or timedelta, not '%s'", name, type_display_name(r).c_str());
  Delta* o = DL(r);
  if ((o->days == -1 && o->seconds == 0 && o->us < 1) || o->days < -1 || o->days >= 1)
    return raise(tp_ValueError,
                 "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).");
  return r;
}
Result<Value> call_utcoffset(Value tz, Value arg) { return call_offset_method(tz, arg, "utcoffset"); }
Result<Value> call_dst(Value tz, Value arg) { return call_offset_method(tz, arg, "dst"); }
Result<Value> call_tzname(Value tz, Value arg) {
  if (is_none(tz)) return None();
  Value r = TRY(call_method1(tz, str_intern("tzname"), arg));
  if (!is_none(r) && !is_str(r))
    return raise_fmt(tp_TypeError, "tzinfo.tzname() must return None or a string, not '%s'", type_display_name(r).c_str());
  return r;
}
std::string format_offset(Value offset, const char* sep) {
  Delta* o = DL(offset);
  char sign = '+';
  int64_t total = (int64_t(o->days) * 86400 + o->seconds) * 1000000 + o->us;
  if (total < 0) {
    sign = '-';
    total = -total;
  }
  int us = int(total % 1000000);
  int secs = int(total / 1000000);
  int hh = secs / 3600, mm = secs / 60 % 60, ss = secs % 60;
  char buf[64];
  if (us)
    snprintf(buf, sizeof buf, "%c%02d%s%02d%s%02d.%06d", sign, hh, sep, mm, sep, ss, us);
  else if (ss)
    snprintf(buf, sizeof buf, "%c%02d%s%02d%s%02d", sign, hh, sep, mm, sep, ss);
  else
    snprintf(buf, sizeof buf, "%c%02d%s%02d", sign, hh, sep, mm);
  return buf;
}
bool format_time(std::string* out, int hh, int mi, int ss, int us, const char* spec) {
  char buf[64];
  std::string_view ts(spec);
  if (ts == "auto") ts = us ? "microseconds" : "seconds";
  if (ts == "hours")
    snprintf(buf, sizeof buf, "%02d", hh);
  else if (ts == "minutes")
    snprintf(buf, sizeof buf, "%02d:%02d", hh, mi);
  else if (ts == "seconds")
    snprintf(buf, sizeof buf, "%02d:%02d:%02d", hh, mi, ss);
  else if (ts == "milliseconds")
    snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", hh, mi, ss, us / 1000);
  else if (ts == "microseconds")
    snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", hh, mi, ss, us);
  else
    return false;
  *out += buf;
  return true;
}

// ============================================================================
// strftime: %z, %Z and %f are expanded here (time.strftime knows nothing of
// tzinfo or microseconds); everything else goes to time.strftime.
// ============================================================================
static Value tzinfo_member(Value obj) {
  if (is_datetime(obj)) return DT(obj)->tzinfo;
  if (is_time(obj)) return TM(obj)->tzinfo;
  return None();
}
Result<Value> wrap_strftime(Value obj, Value fmt, Value timetuple, Value tzinfoarg) {
  Str* f = as_str(fmt);
  std::string out, z, Z, fr;
  bool have_z = false, have_Z = false;
  const char* p = f->data;  // a NUL ends the format, as in C
  while (char ch = *p++) {
    if (ch != '%') {
      out += ch;
      continue;
    }
    ch = *p++;
    if (ch == '\0') {  // a lone trailing '%'
      p--;
      out += '%';
    } else if (ch == 'z') {
      if (!have_z) {
        Value tz = tzinfo_member(obj);
        if (!is_none(tz)) {
          Value off = TRY(call_utcoffset(tz, tzinfoarg));
          if (!is_none(off)) z = format_offset(off, "");
        }
        have_z = true;
      }
      out += z;
    } else if (ch == 'Z') {
      if (!have_Z) {
        Value tz = tzinfo_member(obj);
        if (!is_none(tz)) {
          Value name = TRY(call_tzname(tz, tzinfoarg));
          if (!is_none(name)) {
            for (char c : as_str(name)->view()) {  // the name must not read as a format code
              Z += c;
              if (c == '%') Z += '%';
            }
          }
        }
        have_Z = true;
      }
      out += Z;
    } else if (ch == 'f') {
      char buf[16];
      int us = is_datetime(obj) ? DT(obj)->us : is_time(obj) ? TM(obj)->us : 0;
      snprintf(buf, sizeof buf, "%06d", us);
      out += buf;
    } else {
      out += '%';
      out += ch;
    }
  }
  Value time_mod = TRY(import_module(str_intern("time")));
  Value strftime = TRY(getattr(time_mod, str_intern("strftime")));
  return call2(strftime, Value(str_new(out)), timetuple);
}
Result<Value> make_struct_time(int y, int m, int d, int hh, int mi, int ss, int dst) {
  Value time_mod = TRY(import_module(str_intern("time")));
  Value st = TRY(getattr(time_mod, str_intern("struct_time")));
  Tuple* t = tuple_of({Value::small(y), Value::small(m), Value::small(d), Value::small(hh), Value::small(mi),
                       Value::small(ss), Value::small(weekday_of(y, m, d)),
                       Value::small(days_before_month(y, m) + d), Value::small(dst)});
  return call1(st, Value(t));
}
Result<Value> call_format(Value self, Value* a, int64_t n, Tuple* kw) {
  TRY(exact_args("__format__", n - 1, kw, 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "__format__() argument 1 must be str, not %s", arg_type_name(a[1]).c_str());
  if (as_str(a[1])->length == 0) return Value(TRY(str(self)));
  return call_method1(self, str_intern("strftime"), a[1]);
}

// ============================================================================
// local time
// ============================================================================
int64_t utc_to_seconds(int y, int m, int d, int hh, int mi, int ss) {
  return ((int64_t(ymd_to_ord(y, m, d)) * 24 + hh) * 60 + mi) * 60 + ss;
}
Status tm_of(int64_t t, bool local, struct tm* out) {
  time_t tt = time_t(t);
  errno = 0;
  if (!(local ? localtime_r(&tt, out) : gmtime_r(&tt, out))) return raise_errno(errno ? errno : EINVAL);
  return OK();
}
Result<int64_t> local_seconds(int64_t u) {
  struct tm tm;
  TRY(tm_of(u - kEpochSeconds, true, &tm));
  int y = tm.tm_year + 1900;
  if (y < kMinYear || y > kMaxYear) return raise_fmt(tp_ValueError, "year %i is out of range", y);
  return utc_to_seconds(y, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}
// Solve local_seconds(u) == t for u. Around a transition there are two
// solutions (fold picks the later) or none (a gap: fold picks the earlier
// instant's reading). a and b are the two candidate UTC offsets.
Result<int64_t> local_to_seconds(int y, int m, int d, int hh, int mi, int ss, int fold) {
  const int64_t kMaxFold = 86400;
  int64_t t = utc_to_seconds(y, m, d, hh, mi, ss);
  int64_t a = TRY(local_seconds(t)) - t;
  int64_t u1 = t - a;
  int64_t t1 = TRY(local_seconds(u1));
  int64_t b;
  if (t1 == t) {
    int64_t u2 = fold ? u1 + kMaxFold : u1 - kMaxFold;
    b = TRY(local_seconds(u2)) - u2;
    if (a == b) return u1;
  } else {
    b = t1 - u1;
  }
  int64_t u2 = t - b;
  int64_t t2 = TRY(local_seconds(u2));
  if (t2 == t) return u2;
  if (t1 == t) return u1;
  return fold ? std::min(u1, u2) : std::max(u1, u2);
}
Result<Value> local_timezone_from_timestamp(int64_t ts) {
  struct tm tm;
  TRY(tm_of(ts, true, &tm));
  Value off = TRY(delta_make(0, tm.tm_gmtoff, 0));
  Value name = tm.tm_zone ? Value(str_new(tm.tm_zone)) : None();
  return timezone_make(off, name);
}
Status timestamp_split(Value ts, int64_t* sec, int* us) {
  if (is_float(ts)) {
    double d = float_val(ts);
    if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
    double ip;
    double frac = std::modf(d, &ip) * 1e6;
    double r = std::nearbyint(frac);  // the default rounding mode: half to even
    if (r >= 1e6) {
      r -= 1e6;
      ip += 1.0;
    } else if (r < 0) {
      r += 1e6;
      ip -= 1.0;
    }
    if (!(ip >= -9.2e18 && ip <= 9.2e18)) return raise(tp_OverflowError, "timestamp out of range for platform time_t");
    *sec = int64_t(ip);
    *us = int(r);
    return OK();
  }
  Value iv = TRY(index_arg(ts));
  if (!int_fits_i64(iv, sec)) return raise(tp_OverflowError, "timestamp out of range for platform time_t");
  *us = 0;
  return OK();
}

// ============================================================================
// the module
// ============================================================================
static Result<Value> init() {
  Module* m = native_module_new("_datetime", nullptr, "Fast implementation of the datetime type.");
  if (!tp_delta) {
    init_delta_type();
    init_tz_types();
    init_date_type();
    init_time_type();
    init_datetime_type();
  }
  Dict* md = m->dict;
  dict_set_str(md, str_intern("MINYEAR"), Value::small(kMinYear));
  dict_set_str(md, str_intern("MAXYEAR"), Value::small(kMaxYear));
  dict_set_str(md, str_intern("timedelta"), Value(tp_delta));
  dict_set_str(md, str_intern("date"), Value(tp_date));
  dict_set_str(md, str_intern("time"), Value(tp_time));
  dict_set_str(md, str_intern("datetime"), Value(tp_datetime));
  dict_set_str(md, str_intern("tzinfo"), Value(tp_tzinfo));
  dict_set_str(md, str_intern("timezone"), Value(tp_timezone));
  dict_set_str(md, str_intern("UTC"), g_utc);
  return Value(m);
}
GILPY_NATIVE_MODULE("_datetime", init);

}  // namespace gilpy::dtm
