// _datetime.tzinfo (the abstract base of time zones) and timezone (a fixed
// offset from UTC with an optional name).
//
// Invariant: timezone.utc is the only timezone with a zero offset and no
// name: timezone(timedelta(0)) returns it, so `is` comparisons work.
#include <string>

#include "modules/_datetime_internal.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::dtm {

static TimeZone* TZ(Value v) { return v.as<TimeZone>(); }

// ============================================================================
// tzinfo
// ============================================================================
static Err not_implemented(const char* what) {
  return raise_fmt(tp_NotImplementedError, "a tzinfo subclass must implement %s()", what);
}
static Result<Value> tzinfo_tzname(Value*, int64_t n, Tuple* kw) {
  TRY(onearg("tzinfo.tzname", n - 1, kw));
  return not_implemented("tzname");
}
static Result<Value> tzinfo_utcoffset(Value*, int64_t n, Tuple* kw) {
  TRY(onearg("tzinfo.utcoffset", n - 1, kw));
  return not_implemented("utcoffset");
}
static Result<Value> tzinfo_dst(Value*, int64_t n, Tuple* kw) {
  TRY(onearg("tzinfo.dst", n - 1, kw));
  return not_implemented("dst");
}

// The argument checks every fromutc() starts with.
static Status fromutc_check(Value self, Value dt) {
  if (!is_datetime(dt)) return raise(tp_TypeError, "fromutc: argument must be a datetime");
  if (DT(dt)->tzinfo != self) return raise(tp_ValueError, "fromutc: dt.tzinfo is not self");
  return OK();
}
// The default fromutc: dt is UTC wall time carrying tzinfo self; move it by
// the standard offset, then by the dst() in effect at the result.
static Result<Value> tzinfo_fromutc(Value* a, int64_t n, Tuple* kw) {
  TRY(onearg("tzinfo.fromutc", n - 1, kw));
  Value self = a[0], dt = a[1];
  TRY(fromutc_check(self, dt));
  Value off = TRY(call_utcoffset(self, dt));
  if (is_none(off)) return raise(tp_ValueError, "fromutc: non-None utcoffset() result required");
  Value dst = TRY(call_dst(self, dt));
  if (is_none(dst)) return raise(tp_ValueError, "fromutc: non-None dst() result required");
  __int128 std_off = delta_us(off) - delta_us(dst);
  if (std_off != 0) {
    Value d = TRY(delta_from_us128(std_off));
    dt = TRY(datetime_add_delta(dt, d, false));
    dst = TRY(call_dst(self, dt));
    if (is_none(dst)) return raise(tp_ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert");
  }
  return datetime_add_delta(dt, dst, false);
}
// (type(self), self.__getinitargs__() or (), self.__getstate__())
static Result<Value> tzinfo_reduce(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("tzinfo.__reduce__", n - 1, kw));
  Value self = a[0];
  Value gia;
  TRY(getattr_opt(self, str_intern("__getinitargs__"), &gia));
  Value args = gia ? TRY(call0(gia)) : Value(tuple_empty());
  Value gs;
  TRY(getattr_opt(self, str_intern("__getstate__"), &gs));
  Value state = None();
  if (gs) {
    state = TRY(call0(gs));
  } else if (Dict** dp = instance_dict_ptr(self); dp && *dp && (*dp)->used) {
    state = Value(*dp);
  }
  return Value(tuple_of({Value(self.type()), args, state}));
}
// tzinfo() takes and ignores any arguments (subclasses' __init__ use them).
static Result<Value> tzinfo_new(Value* a, int64_t, Tuple*) {
  TRY(check_safe_new(tp_tzinfo, as_type(a[0])));
  return Value(alloc_instance(as_type(a[0]), sizeof(TzInfo)));
}
static const MethodDef tzinfo_methods[] = {
    {"__new__", tzinfo_new, MethKind::Static},
    {"tzname", tzinfo_tzname, MethKind::Method, "datetime -> string name of time zone."},
    {"utcoffset", tzinfo_utcoffset, MethKind::Method, "datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"},
    {"dst", tzinfo_dst, MethKind::Method, "datetime -> DST offset as timedelta positive east of UTC."},
    {"fromutc", tzinfo_fromutc, MethKind::Method, "datetime in UTC -> datetime in local time."},
    {"__reduce__", tzinfo_reduce, MethKind::Method, "-> (cls, state)"},
    {nullptr, nullptr}};

// ============================================================================
// timezone
// ============================================================================
static bool offset_in_range(Delta* o) {
  return !((o->days == -1 && o->seconds == 0 && o->us < 1) || o->days < -1 || o->days >= 1);
}
Result<Value> timezone_make(Value offset, Value name) {
  Delta* o = DL(offset);
  if (!name && g_utc && !o->days && !o->seconds && !o->us) return g_utc;
  if (!offset_in_range(o)) {
    Str* r = TRY(repr(offset));
    return raise_fmt(tp_ValueError,
                     "offset must be a timedelta strictly between -timedelta(hours=24) and "
                     "timedelta(hours=24), not %s.", r->data);
  }
  TimeZone* tz = static_cast<TimeZone*>(alloc_instance(tp_timezone, sizeof(TimeZone)));
  tz->offset = offset;
  tz->name = name;
  return Value(tz);
}
static Result<Value> timezone_new(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(dt_parse("timezone", a + 1, n - 1, kw, {"offset", "name"}, "dU", 1, v));
  return timezone_make(v[0], v[1]);
}
static Status check_dt_arg(Value dt, const char* meth) {
  if (is_none(dt) || is_datetime(dt)) return OK();
  return raise_fmt(tp_TypeError, "%s(dt) argument must be a datetime instance or None, not %s", meth, type_display_name(dt).c_str());
}
static Str* timezone_name(Value self) {
  TimeZone* tz = TZ(self);
  if (tz->name) return as_str(tz->name);
  Delta* o = DL(tz->offset);
  if (self == g_utc || (!o->days && !o->seconds && !o->us)) return str_intern("UTC");
  return str_new("UTC" + format_offset(tz->offset, ":"));
}
static Result<Value> timezone_utcoffset(Value* a, int64_t n, Tuple* kw) {
  TRY(onearg("timezone.utcoffset", n - 1, kw));
  TRY(check_dt_arg(a[1], "utcoffset"));
  return TZ(a[0])->offset;
}
static Result<Value> timezone_dst(Value* a, int64_t n, Tuple* kw) {
  TRY(onearg("timezone.dst", n - 1, kw));
  TRY(check_dt_arg(a[1], "dst"));
  return None();
}
static Result<Value> timezone_tzname(Value* a, int64_t n, Tuple* kw) {
  TRY(onearg("timezone.tzname", n - 1, kw));
  TRY(check_dt_arg(a[1], "tzname"));
  return Value(timezone_name(a[0]));
}
static Result<Value> timezone_fromutc(Value* a, int64_t n, Tuple* kw) {
  TRY(onearg("timezone.fromutc", n - 1, kw));
  TRY(fromutc_check(a[0], a[1]));
  return datetime_add_delta(a[1], TZ(a[0])->offset, false);
}
static Result<Value> timezone_getinitargs(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("timezone.__getinitargs__", n - 1, kw));
  TimeZone* tz = TZ(a[0]);
  return Value(tz->name ? tuple_of({tz->offset, tz->name}) : tuple_of({tz->offset}));
}
static Result<Value> timezone_repr(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__repr__", n - 1, kw, 0));
  if (a[0] == g_utc) return Value(str_new("datetime.timezone.utc"));
  TimeZone* tz = TZ(a[0]);
  std::string s = type_display_name(a[0]) + "(" + std::string(TRY(repr(tz->offset))->view());
  if (tz->name) s += ", " + std::string(TRY(repr(tz->name))->view());
  return Value(str_new(s + ")"));
}
static Result<Value> timezone_str(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__str__", n - 1, kw, 0));
  return Value(timezone_name(a[0]));
}
static Result<Value> timezone_eq(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__eq__", n - 1, kw, 1));
  if (a[1].type() != tp_timezone) return Value(g_NotImplemented);
  return Bool(delta_us(TZ(a[0])->offset) == delta_us(TZ(a[1])->offset));
}
static Result<Value> timezone_ne(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__ne__", n - 1, kw, 1));
  if (a[1].type() != tp_timezone) return Value(g_NotImplemented);
  return Bool(delta_us(TZ(a[0])->offset) != delta_us(TZ(a[1])->offset));
}
static Result<Value> timezone_hash(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__hash__", n - 1, kw, 0));
  return int_from_i64(TRY(hash(TZ(a[0])->offset)));
}
static const MethodDef timezone_methods[] = {
    {"__new__", timezone_new, MethKind::Static},
    {"tzname", timezone_tzname, MethKind::Method, "If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."},
    {"utcoffset", timezone_utcoffset, MethKind::Method, "Return fixed offset."},
    {"dst", timezone_dst, MethKind::Method, "Return None."},
    {"fromutc", timezone_fromutc, MethKind::Method, "datetime in UTC -> datetime in local time."},
    {"__getinitargs__", timezone_getinitargs, MethKind::Method, "pickle support"},
    {"__repr__", timezone_repr}, {"__str__", timezone_str}, {"__eq__", timezone_eq}, {"__ne__", timezone_ne},
    {"__hash__", timezone_hash},
    {nullptr, nullptr}};

void init_tz_types() {
  tp_tzinfo = native_type_new("datetime", "tzinfo", tp_object, Layout::Other, sizeof(TzInfo), tzinfo_methods);
  type_set_attr_const(tp_tzinfo, "__doc__", Value(str_new("Abstract base class for time zone info objects.")));
  tp_timezone = native_type_new("datetime", "timezone", tp_tzinfo, Layout::Other, sizeof(TimeZone), timezone_methods,
                                nullptr, 0);
  type_set_attr_const(tp_timezone, "__doc__", Value(str_new("Fixed offset from UTC implementation of tzinfo.")));
  g_utc = timezone_make(delta_raw(tp_delta, 0, 0, 0), Value()).value();
  type_set_attr_const(tp_timezone, "utc", g_utc);
  // timezone.min/max: -/+ 23:59.
  type_set_attr_const(tp_timezone, "min", timezone_make(delta_raw(tp_delta, -1, 60, 0), Value()).value());
  type_set_attr_const(tp_timezone, "max", timezone_make(delta_raw(tp_delta, 0, 86340, 0), Value()).value());
}

}  // namespace gilpy::dtm
