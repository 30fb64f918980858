// _datetime.datetime: a date plus a time of day (a subclass of date whose
// struct extends Date, so the inherited date methods read the same fields).
//
// Naive and aware values: arithmetic between two datetimes with the same
// tzinfo object ignores the offsets; otherwise both offsets are asked (with
// the datetime itself as argument) and must be both None or both present.
// Local-time conversions (fromtimestamp, timestamp, astimezone) go through
// the C library's localtime_r, with the fold found by probing a day back.
#include <cmath>
#include <ctime>
#include <string>

#include "bytecode/opcodes.h"
#include "modules/_datetime_internal.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/protocols.h"

namespace gilpy::dtm {

using namespace bytecode;

static Value g_epoch;  // datetime(1970, 1, 1, tzinfo=timezone.utc)

Value datetime_raw(Type* t, int y, int m, int d, int hh, int mi, int ss, int us, Value tz, int fold) {
  DateTime* o = static_cast<DateTime*>(alloc_instance(t, sizeof(DateTime)));
  o->hash = -1;
  o->year = y;
  o->month = uint8_t(m);
  o->day = uint8_t(d);
  o->hour = uint8_t(hh);
  o->minute = uint8_t(mi);
  o->second = uint8_t(ss);
  o->us = us;
  o->fold = uint8_t(fold);
  o->tzinfo = tz;
  return Value(o);
}
Result<Value> datetime_new_sub(Type* cls, int y, int m, int d, int hh, int mi, int ss, int us, Value tz, int fold) {
  if (cls == tp_datetime) {
    TRY(check_date_args(y, m, d));
    TRY(check_time_args(hh, mi, ss, us, fold));
    TRY(check_tzinfo(tz));
    return datetime_raw(cls, y, m, d, hh, mi, ss, us, tz, fold);
  }
  Value args[9] = {Value::small(y),  Value::small(m),  Value::small(d), Value::small(hh), Value::small(mi),
                   Value::small(ss), Value::small(us), tz,              Value::small(1)};
  if (!fold) return call(Value(cls), args, 8);
  return call(Value(cls), args, 8, tuple_of({Value(str_intern("fold"))}));
}

static bool month_sane(uint32_t c) { return (c & 0x7F) >= 1 && (c & 0x7F) <= 12; }
static Result<Value> datetime_new(Value* a, int64_t n, Tuple* kw) {
  Type* cls = as_type(a[0]);
  Value st, tz;
  TRY(pickle_state_tz(a, n, 10, 2, month_sane, "datetime", &st, &tz));
  if (st) {
    const uint8_t* b = reinterpret_cast<const uint8_t*>(as_bytes(st)->data);
    return datetime_raw(cls, b[0] << 8 | b[1], b[2] & 0x7F, b[3], b[4], b[5], b[6], b[7] << 16 | b[8] << 8 | b[9], tz,
                        b[2] >> 7);
  }
  Value v[9];
  TRY(dt_parse(nullptr, a + 1, n - 1, kw,
               {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}, "iiiiiiiOi", 3,
               v, 8));
  int f[7] = {0, 0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 7; i++)
    if (v[i]) f[i] = TRY(int_arg(v[i]));
  int fold = v[8] ? TRY(int_arg(v[8])) : 0;
  tz = v[7] ? v[7] : None();
  TRY(check_date_args(f[0], f[1], f[2]));
  TRY(check_time_args(f[3], f[4], f[5], f[6], fold));
  TRY(check_tzinfo(tz));
  return datetime_raw(cls, f[0], f[1], f[2], f[3], f[4], f[5], f[6], tz, fold);
}

// ---- from timestamps -----------------------------------------------------------------------
// The datetime of POSIX time `t` + us: local wall time (with the fold found
// by probing for a transition up to a day earlier), or UTC.
static Result<Value> from_timet(Type* cls, bool local, int64_t t, int us, Value tz) {
  struct tm tm;
  TRY(tm_of(t, local, &tm));
  int y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
  int hh = tm.tm_hour, mi = tm.tm_min, ss = std::min(59, tm.tm_sec);  // no leap seconds
  int fold = 0;
  if (local && is_none(tz)) {
    if (y < kMinYear || y > kMaxYear) return raise_fmt(tp_ValueError, "year %i is out of range", y);
    const int64_t kMaxFold = 86400;
    int64_t result = utc_to_seconds(y, m, d, hh, mi, ss);
    int64_t probe = TRY(local_seconds(kEpochSeconds + t - kMaxFold));
    int64_t transition = result - probe - kMaxFold;
    if (transition < 0) {
      probe = TRY(local_seconds(kEpochSeconds + t + transition));
      if (probe == result) fold = 1;
    }
  }
  return datetime_new_sub(cls, y, m, d, hh, mi, ss, us, tz, fold);
}
static Result<Value> from_timestamp(Type* cls, Value ts, Value tz) {
  int64_t sec;
  int us;
  TRY(timestamp_split(ts, &sec, &us));
  Value r = TRY(from_timet(cls, is_none(tz), sec, us, tz));
  if (!is_none(tz)) return call_method1(tz, str_intern("fromutc"), r);
  return r;
}
static Result<Value> dt_fromtimestamp(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(dt_parse("fromtimestamp", a + 1, n - 1, kw, {"timestamp", "tz"}, nullptr, 1, v));
  Value tz = v[1] ? v[1] : None();
  TRY(check_tzinfo(tz));
  return from_timestamp(as_type(a[0]), v[0], tz);
}
static Result<Value> dt_utcfromtimestamp(Value* a, int64_t n, Tuple* kw) {
  TRY(exact_args("utcfromtimestamp", n - 1, kw, 1));
  int64_t sec;
  int us;
  TRY(timestamp_split(a[1], &sec, &us));
  return from_timet(as_type(a[0]), false, sec, us, None());
}
static void now_timet(int64_t* sec, int* us) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  *sec = ts.tv_sec;
  *us = int(ts.tv_nsec / 1000);
}
static Result<Value> dt_now(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(dt_parse("now", a + 1, n - 1, kw, {"tz"}, nullptr, 0, v));
  Value tz = v[0] ? v[0] : None();
  TRY(check_tzinfo(tz));
  int64_t sec;
  int us;
  now_timet(&sec, &us);
  Value r = TRY(from_timet(as_type(a[0]), is_none(tz), sec, us, tz));
  if (!is_none(tz)) return call_method1(tz, str_intern("fromutc"), r);
  return r;
}
static Result<Value> dt_utcnow(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.utcnow", n - 1, kw));
  int64_t sec;
  int us;
  now_timet(&sec, &us);
  return from_timet(as_type(a[0]), false, sec, us, None());
}
static Result<Value> dt_strptime(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("strptime", kw));
  if (n - 1 != 2)
    return raise_fmt(tp_TypeError, "strptime() takes exactly 2 arguments (%lld given)", (long long)(n - 1));
  for (int i = 1; i <= 2; i++)
    if (!is_str(a[i]))
      return raise_fmt(tp_TypeError, "strptime() argument %d must be str, not %s", i, arg_type_name(a[i]).c_str());
  Value mod = TRY(import_module(str_intern("_strptime")));
  Value fn = TRY(getattr(mod, str_intern("_strptime_datetime")));
  return call3(fn, a[0], a[1], a[2]);
}
static Result<Value> dt_combine(Value* a, int64_t n, Tuple* kw) {
  Value v[3];
  TRY(dt_parse("combine", a + 1, n - 1, kw, {"date", "time", "tzinfo"}, "DTO", 2, v));
  Date* d = DA(v[0]);
  Time* t = TM(v[1]);
  Value tz = v[2] ? v[2] : t->tzinfo;
  return datetime_new_sub(as_type(a[0]), d->year, d->month, d->day, t->hour, t->minute, t->second, t->us, tz,
                          t->fold);
}
static Result<Value> dt_fromisoformat(Value* a, int64_t n, Tuple* kw) {
  TRY(onearg("datetime.fromisoformat", n - 1, kw));
  if (!is_str(a[1])) return raise(tp_TypeError, "fromisoformat: argument must be str");
  Str* s = as_str(a[1]);
  std::string text(s->view());
  if (!s->ascii) {
    // Any character may separate date and time: a non-ASCII one (at the
    // separator positions 7, 8 or 10 only) is read as 'T'.
    if (s->length < 7) return invalid_isoformat(a[1]);
    for (int64_t pos : {7, 8, 10}) {
      if (pos >= s->length) break;
      if (str_char_at(s, pos) > 127) {
        int64_t b = str_offset(s, pos), e = str_offset(s, pos + 1);
        text.replace(size_t(b), size_t(e - b), "T");
        break;
      }
    }
  }
  const char* p = text.c_str();
  int64_t len = int64_t(text.size());
  int64_t sep = find_iso_separator(p, len);
  if (sep < 0) return invalid_isoformat(a[1]);
  int y = 0, m = 0, d = 0, hh = 0, mi = 0, ss = 0, us = 0, tzoff = 0, tzus = 0;
  int rv = parse_iso_date(p, sep, &y, &m, &d);
  if (!rv && len > sep) rv = parse_iso_time(p + sep + 1, len - sep - 1, &hh, &mi, &ss, &us, &tzoff, &tzus);
  if (rv < 0) return invalid_isoformat(a[1]);
  Value tz = TRY(tzinfo_from_iso(rv, tzoff, tzus));
  return datetime_new_sub(as_type(a[0]), y, m, d, hh, mi, ss, us, tz, 0);
}

// ---- accessors and conversions ---------------------------------------------------------------
static Result<Value> dt_date(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.date", n - 1, kw));
  DateTime* o = DT(a[0]);
  return date_raw(tp_date, o->year, o->month, o->day);
}
static Result<Value> dt_time(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.time", n - 1, kw));
  DateTime* o = DT(a[0]);
  return time_raw(tp_time, o->hour, o->minute, o->second, o->us, None(), o->fold);
}
static Result<Value> dt_timetz(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.timetz", n - 1, kw));
  DateTime* o = DT(a[0]);
  return time_raw(tp_time, o->hour, o->minute, o->second, o->us, o->tzinfo, o->fold);
}
static Result<Value> dt_utcoffset(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.utcoffset", n - 1, kw));
  return call_utcoffset(DT(a[0])->tzinfo, a[0]);
}
static Result<Value> dt_dst(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.dst", n - 1, kw));
  return call_dst(DT(a[0])->tzinfo, a[0]);
}
static Result<Value> dt_tzname(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.tzname", n - 1, kw));
  return call_tzname(DT(a[0])->tzinfo, a[0]);
}

static Result<Value> dt_replace(Value* a, int64_t n, Tuple* kw) {
  DateTime* o = DT(a[0]);
  Value v[9];
  TRY(dt_parse("replace", a + 1, n - 1, kw,
               {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}, "iiiiiiiOi", 0,
               v, 8));
  int f[7] = {o->year, o->month, o->day, o->hour, o->minute, o->second, o->us};
  for (int i = 0; i < 7; i++)
    if (v[i]) f[i] = TRY(int_arg(v[i]));
  int fold = v[8] ? TRY(int_arg(v[8])) : o->fold;
  Value tz = v[7] ? v[7] : o->tzinfo;
  TRY(check_date_args(f[0], f[1], f[2]));
  TRY(check_time_args(f[3], f[4], f[5], f[6], fold));
  TRY(check_tzinfo(tz));
  return datetime_raw(a[0].type(), f[0], f[1], f[2], f[3], f[4], f[5], f[6], tz, fold);
}

static Result<Value> dt_repr(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__repr__", n - 1, kw, 0));
  DateTime* o = DT(a[0]);
  char buf[96];
  int k = snprintf(buf, sizeof buf, "(%d, %d, %d, %d, %d", o->year, o->month, o->day, o->hour, o->minute);
  if (o->second || o->us) k += snprintf(buf + k, sizeof buf - size_t(k), ", %d", o->second);
  if (o->us) snprintf(buf + k, sizeof buf - size_t(k), ", %d", o->us);
  std::string s = type_display_name(a[0]) + buf;
  if (o->fold) s += ", fold=1";
  if (!is_none(o->tzinfo)) s += ", tzinfo=" + std::string(TRY(repr(o->tzinfo))->view());
  return Value(str_new(s + ")"));
}
static Result<Value> dt_isoformat(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(dt_parse("isoformat", a + 1, n - 1, kw, {"sep", "timespec"}, "CU", 0, v));
  std::string sep = "T";
  if (v[0]) sep = as_str(v[0])->view();
  DateTime* o = DT(a[0]);
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", o->year, o->month, o->day);
  std::string s = buf + sep;
  if (!format_time(&s, o->hour, o->minute, o->second, o->us, v[1] ? as_str(v[1])->data : "auto"))
    return raise(tp_ValueError, "Unknown timespec value");
  Value off = TRY(call_utcoffset(o->tzinfo, a[0]));
  if (!is_none(off)) s += format_offset(off, ":");
  return Value(str_new(s));
}
static Result<Value> dt_str(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__str__", n - 1, kw, 0));
  return call_method1(a[0], str_intern("isoformat"), Value(str_intern(" ")));
}
static Result<Value> dt_ctime(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.ctime", n - 1, kw));
  DateTime* o = DT(a[0]);
  char buf[64];
  snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d", kDayNames[weekday_of(o->year, o->month, o->day)],
           kMonthNames[o->month - 1], o->day, o->hour, o->minute, o->second, o->year);
  return Value(str_new(buf));
}
static Result<Value> dt_timetuple(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.timetuple", n - 1, kw));
  DateTime* o = DT(a[0]);
  int dstflag = -1;
  if (!is_none(o->tzinfo)) {
    Value dst = TRY(call_dst(o->tzinfo, a[0]));
    if (!is_none(dst)) dstflag = delta_us(dst) != 0;
  }
  return make_struct_time(o->year, o->month, o->day, o->hour, o->minute, o->second, dstflag);
}
static Result<Value> dt_utctimetuple(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.utctimetuple", n - 1, kw));
  Value u = a[0];
  Value off = TRY(call_utcoffset(DT(u)->tzinfo, u));
  if (!is_none(off)) u = TRY(datetime_add_delta(u, off, true));
  DateTime* o = DT(u);
  return make_struct_time(o->year, o->month, o->day, o->hour, o->minute, o->second, 0);
}

// ---- arithmetic ------------------------------------------------------------------------------
Result<Value> datetime_add_delta(Value dt, Value delta, bool negate) {
  DateTime* o = DT(dt);
  Delta* x = DL(delta);
  int k = negate ? -1 : 1;
  int y = o->year, m = o->month, d = o->day + x->days * k, hh = o->hour, mi = o->minute;
  int ss = o->second + x->seconds * k, us = o->us + x->us * k;
  TRY(normalize_datetime(&y, &m, &d, &hh, &mi, &ss, &us));
  return datetime_new_sub(dt.type(), y, m, d, hh, mi, ss, us, o->tzinfo, 0);
}
static Result<Value> dt_add(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__add__", n - 1, kw, 1));
  if (!is_delta(a[1])) return Value(g_NotImplemented);
  return datetime_add_delta(a[0], a[1], false);
}
static __int128 naive_us(DateTime* o) {
  int64_t secs = utc_to_seconds(o->year, o->month, o->day, o->hour, o->minute, o->second);
  return __int128(secs) * 1000000 + o->us;
}
static Result<Value> dt_sub_impl(Value l, Value r) {
  if (!is_datetime(l)) return Value(g_NotImplemented);
  if (is_delta(r)) return datetime_add_delta(l, r, true);
  if (!is_datetime(r)) return Value(g_NotImplemented);
  DateTime* x = DT(l);
  DateTime* y = DT(r);
  __int128 diff = naive_us(x) - naive_us(y);
  if (x->tzinfo != y->tzinfo) {
    Value o1 = TRY(call_utcoffset(x->tzinfo, l));
    Value o2 = TRY(call_utcoffset(y->tzinfo, r));
    if (is_none(o1) != is_none(o2)) return raise(tp_TypeError, "can't subtract offset-naive and offset-aware datetimes");
    if (!is_none(o1)) diff -= delta_us(o1) - delta_us(o2);
  }
  return delta_from_us128(diff);
}
static Result<Value> dt_sub(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__sub__", n - 1, kw, 1));
  return dt_sub_impl(a[0], a[1]);
}
static Result<Value> dt_rsub(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__rsub__", n - 1, kw, 1));
  return dt_sub_impl(a[1], a[0]);
}

// ---- comparison and hashing ------------------------------------------------------------------
static int sign128(__int128 v) { return v < 0 ? -1 : v > 0; }
// The utcoffset of dt read with the other fold, or null if it is not aware.
static Result<Value> flip_fold_offset(Value dt) {
  DateTime* o = DT(dt);
  Value flip = datetime_raw(dt.type(), o->year, o->month, o->day, o->hour, o->minute, o->second, o->us, o->tzinfo,
                            !o->fold);
  return call_utcoffset(o->tzinfo, flip);
}
// PEP 495: a datetime in a fold or gap (its offset depends on fold) is never
// equal to one in another time zone.
static Result<bool> pep495_unequal(Value x, Value y, Value o1, Value o2) {
  Value f1 = TRY(flip_fold_offset(x));
  if (f1 != o1 && !is_none(f1) && !is_none(o1) && delta_us(f1) != delta_us(o1)) return true;
  Value f2 = TRY(flip_fold_offset(y));
  if (f2 != o2 && !is_none(f2) && !is_none(o2) && delta_us(f2) != delta_us(o2)) return true;
  return false;
}
static Result<Value> dt_cmp(Value* a, int op) {
  Value l = a[0], r = a[1];
  if (!is_datetime(r)) {
    if (is_date(r)) {  // a plain date: never equal, not ordered
      if (op == CMP_EQ) return False();
      if (op == CMP_NE) return True();
      return raise_fmt(tp_TypeError, "can't compare %s to %s", type_display_name(l).c_str(),
                       type_display_name(r).c_str());
    }
    return Value(g_NotImplemented);
  }
  DateTime* x = DT(l);
  DateTime* y = DT(r);
  if (x->tzinfo == y->tzinfo) return cmp_result(sign128(naive_us(x) - naive_us(y)), op);
  Value o1 = TRY(call_utcoffset(x->tzinfo, l));
  Value o2 = TRY(call_utcoffset(y->tzinfo, r));
  int c;
  if (o1 == o2 || (!is_none(o1) && !is_none(o2) && delta_us(o1) == delta_us(o2))) {
    c = sign128(naive_us(x) - naive_us(y));
  } else if (!is_none(o1) && !is_none(o2)) {
    c = sign128(naive_us(x) - delta_us(o1) - (naive_us(y) - delta_us(o2)));
  } else {
    if (op == CMP_EQ) return False();
    if (op == CMP_NE) return True();
    return raise(tp_TypeError, "can't compare offset-naive and offset-aware datetimes");
  }
  if ((op == CMP_EQ || op == CMP_NE) && c == 0 && TRY(pep495_unequal(l, r, o1, o2))) c = 1;
  return cmp_result(c, op);
}

// Aware datetimes hash as the timedelta (days=ordinal, ...) - offset, read
// with fold=0, so equal instants hash equal; naive ones by their fields.
static Result<Value> dt_hash(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__hash__", n - 1, kw, 0));
  DateTime* o = DT(a[0]);
  if (o->hash != -1) return int_from_i64(o->hash);
  Value self0 = o->fold ? datetime_raw(a[0].type(), o->year, o->month, o->day, o->hour, o->minute, o->second, o->us,
                                       o->tzinfo, 0)
                        : a[0];
  Value off = TRY(call_utcoffset(o->tzinfo, self0));
  if (is_none(off)) {  // naive: the 10 bytes of CPython's packed form, fold left out
    char b[10] = {char(o->year >> 8), char(o->year & 0xFF), char(o->month), char(o->day), char(o->hour),
                  char(o->minute), char(o->second), char(o->us >> 16), char((o->us >> 8) & 0xFF), char(o->us & 0xFF)};
    o->hash = hash_bytes(b, 10);
    return int_from_i64(o->hash);
  }
  __int128 us = naive_us(o);
  if (!is_none(off)) us -= delta_us(off);
  Value d = TRY(delta_from_us128(us));
  o->hash = TRY(hash(d));
  return int_from_i64(o->hash);
}

// ---- local time and time zones ----------------------------------------------------------------
static Result<Value> dt_timestamp(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("datetime.timestamp", n - 1, kw));
  DateTime* o = DT(a[0]);
  if (!is_none(o->tzinfo)) {
    Value d = TRY(dt_sub_impl(a[0], g_epoch));
    return int_true_divide(int_from_i64(int64_t(delta_us(d))), Value::small(1000000));
  }
  int64_t secs = TRY(local_to_seconds(o->year, o->month, o->day, o->hour, o->minute, o->second, o->fold));
  return float_new(double(secs - kEpochSeconds) + o->us / 1e6);
}
static Result<Value> dt_astimezone(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(dt_parse("astimezone", a + 1, n - 1, kw, {"tz"}, nullptr, 0, v));
  Value tz = v[0] ? v[0] : None();
  TRY(check_tzinfo(tz));
  Value self = a[0];
  DateTime* o = DT(self);
  Value self_tz = o->tzinfo;
  Value off;
  if (!is_none(self_tz)) {
    if (self_tz == tz) return self;  // conversion to its own zone is a no-op
    off = TRY(call_utcoffset(self_tz, self));
  }
  if (!off || is_none(off)) {  // naive (or utcoffset() None): self is local time
    int64_t secs = TRY(local_to_seconds(o->year, o->month, o->day, o->hour, o->minute, o->second, o->fold));
    self_tz = TRY(local_timezone_from_timestamp(secs - kEpochSeconds));
    if (self_tz == tz) return self;
    off = TRY(call_utcoffset(self_tz, self));
  }
  Value utc = TRY(datetime_add_delta(self, off, true));
  DateTime* u = DT(utc);
  if (is_none(tz)) {
    __int128 since = naive_us(u) - naive_us(DT(g_epoch));
    __int128 secs = since / 1000000 - (since % 1000000 < 0);
    tz = TRY(local_timezone_from_timestamp(int64_t(secs)));
  }
  u->tzinfo = tz;  // utc is a fresh object nobody else has seen yet
  u->hash = -1;
  return call_method1(tz, str_intern("fromutc"), utc);
}

static Value dt_state(DateTime* o, int proto) {
  char b[10] = {char(o->year >> 8),   char(o->year & 0xFF), char(o->month | (o->fold && proto > 3 ? 0x80 : 0)),
                char(o->day),         char(o->hour),        char(o->minute),
                char(o->second),      char(o->us >> 16),    char((o->us >> 8) & 0xFF),
                char(o->us & 0xFF)};
  return bytes_from(std::string_view(b, 10));
}
using DateTimeReduce = TzReduce<DateTime, dt_state>;

static const MethodDef dt_methods[] = {
    {"__new__", datetime_new, MethKind::Static},
    {"now", dt_now, MethKind::Class, "Returns new datetime object representing current time local to tz.\n\n  tz\n    Timezone object.\n\nIf no tz is specified, uses local timezone."},
    {"utcnow", dt_utcnow, MethKind::Class, "Return a new datetime representing UTC day and time."},
    {"fromtimestamp", dt_fromtimestamp, MethKind::Class, "timestamp[, tz] -> tz's local time from POSIX timestamp."},
    {"utcfromtimestamp", dt_utcfromtimestamp, MethKind::Class, "Construct a naive UTC datetime from a POSIX timestamp."},
    {"strptime", dt_strptime, MethKind::Class, "string, format -> new datetime parsed from a string (like time.strptime())."},
    {"combine", dt_combine, MethKind::Class, "date, time -> datetime with same date and time fields"},
    {"fromisoformat", dt_fromisoformat, MethKind::Class, "string -> datetime from a string in most ISO 8601 formats"},
    {"date", dt_date, MethKind::Method, "Return date object with same year, month and day."},
    {"time", dt_time, MethKind::Method, "Return time object with same time but with tzinfo=None."},
    {"timetz", dt_timetz, MethKind::Method, "Return time object with same time and tzinfo."},
    {"ctime", dt_ctime, MethKind::Method, "Return ctime() style string."},
    {"timetuple", dt_timetuple, MethKind::Method, "Return time tuple, compatible with time.localtime()."},
    {"timestamp", dt_timestamp, MethKind::Method, "Return POSIX timestamp as float."},
    {"utctimetuple", dt_utctimetuple, MethKind::Method, "Return UTC time tuple, compatible with time.localtime()."},
    {"isoformat", dt_isoformat, MethKind::Method, "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\nsep is used to separate the year from the time, and defaults to 'T'.\n"},
    {"utcoffset", dt_utcoffset, MethKind::Method, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", dt_tzname, MethKind::Method, "Return self.tzinfo.tzname(self)."},
    {"dst", dt_dst, MethKind::Method, "Return self.tzinfo.dst(self)."},
    {"replace", dt_replace, MethKind::Method, "Return datetime with new specified fields."},
    {"astimezone", dt_astimezone, MethKind::Method, "tz -> convert to local time in new timezone tz\n"},
    {"__reduce_ex__", DateTimeReduce::reduce_ex, MethKind::Method, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", DateTimeReduce::reduce, MethKind::Method, "__reduce__() -> (cls, state)"},
    {"__repr__", dt_repr}, {"__str__", dt_str}, {"__hash__", dt_hash},
    DTM_CMP_METHODS(dt_cmp),
    {"__add__", dt_add}, {"__radd__", dt_add}, {"__sub__", dt_sub}, {"__rsub__", dt_rsub},
    {nullptr, nullptr}};

void init_datetime_type() {
  tp_datetime = native_type_new("datetime", "datetime", tp_date, Layout::Other, sizeof(DateTime), dt_methods,
                                TimeGetters<DateTime>::defs);
  type_set_attr_const(tp_datetime, "__doc__",
                      Value(str_new("datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\n"
                                    "The year, month and day arguments are required. tzinfo may be None, or an\n"
                                    "instance of a tzinfo subclass. The remaining arguments may be ints.\n")));
  type_set_attr_const(tp_datetime, "min", datetime_raw(tp_datetime, 1, 1, 1, 0, 0, 0, 0, None(), 0));
  type_set_attr_const(tp_datetime, "max", datetime_raw(tp_datetime, kMaxYear, 12, 31, 23, 59, 59, 999999, None(), 0));
  type_set_attr_const(tp_datetime, "resolution", delta_raw(tp_delta, 0, 0, 1));
  g_epoch = datetime_raw(tp_datetime, 1970, 1, 1, 0, 0, 0, 0, g_utc, 0);
}

}  // namespace gilpy::dtm
