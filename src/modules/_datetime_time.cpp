// _datetime.time: a time of day, naive or aware (with a tzinfo whose
// utcoffset() is asked with None, since a time has no date). `fold`
// disambiguates repeated wall times; it takes no part in comparisons.
#include <string>

#include "bytecode/opcodes.h"
#include "modules/_datetime_internal.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::dtm {

using namespace bytecode;

Value time_raw(Type* t, int hh, int mi, int ss, int us, Value tz, int fold) {
  Time* o = static_cast<Time*>(alloc_instance(t, sizeof(Time)));
  o->hash = -1;
  o->hour = uint8_t(hh);
  o->minute = uint8_t(mi);
  o->second = uint8_t(ss);
  o->us = us;
  o->fold = uint8_t(fold);
  o->tzinfo = tz;
  return Value(o);
}

static bool hour_sane(uint32_t c) { return (c & 0x7F) < 24; }
static Result<Value> time_new(Value* a, int64_t n, Tuple* kw) {
  Type* cls = as_type(a[0]);
  Value st, tz;
  TRY(pickle_state_tz(a, n, 6, 0, hour_sane, "time", &st, &tz));
  if (st) {
    const uint8_t* b = reinterpret_cast<const uint8_t*>(as_bytes(st)->data);
    return time_raw(cls, b[0] & 0x7F, b[1], b[2], b[3] << 16 | b[4] << 8 | b[5], tz, b[0] >> 7);
  }
  Value v[6];
  TRY(dt_parse(nullptr, a + 1, n - 1, kw, {"hour", "minute", "second", "microsecond", "tzinfo", "fold"}, "iiiiOi", 0, v, 5));
  int f[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; i++)
    if (v[i]) f[i] = TRY(int_arg(v[i]));
  int fold = v[5] ? TRY(int_arg(v[5])) : 0;
  tz = v[4] ? v[4] : None();
  TRY(check_time_args(f[0], f[1], f[2], f[3], fold));
  TRY(check_tzinfo(tz));
  return time_raw(cls, f[0], f[1], f[2], f[3], tz, fold);
}

static Result<Value> time_utcoffset(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("time.utcoffset", n - 1, kw));
  return call_utcoffset(TM(a[0])->tzinfo, None());
}
static Result<Value> time_dst(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("time.dst", n - 1, kw));
  return call_dst(TM(a[0])->tzinfo, None());
}
static Result<Value> time_tzname(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("time.tzname", n - 1, kw));
  return call_tzname(TM(a[0])->tzinfo, None());
}

static Result<Value> time_isoformat(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(dt_parse("isoformat", a + 1, n - 1, kw, {"timespec"}, "U", 0, v));
  Time* o = TM(a[0]);
  std::string s;
  if (!format_time(&s, o->hour, o->minute, o->second, o->us, v[0] ? as_str(v[0])->data : "auto"))
    return raise(tp_ValueError, "Unknown timespec value");
  Value off = TRY(call_utcoffset(o->tzinfo, None()));
  if (!is_none(off)) s += format_offset(off, ":");
  return Value(str_new(s));
}
static Result<Value> time_str(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__str__", n - 1, kw, 0));
  return call_method0(a[0], str_intern("isoformat"));
}
static Result<Value> time_repr(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__repr__", n - 1, kw, 0));
  Time* o = TM(a[0]);
  char buf[64];
  if (o->us)
    snprintf(buf, sizeof buf, "(%d, %d, %d, %d", o->hour, o->minute, o->second, o->us);
  else if (o->second)
    snprintf(buf, sizeof buf, "(%d, %d, %d", o->hour, o->minute, o->second);
  else
    snprintf(buf, sizeof buf, "(%d, %d", o->hour, o->minute);
  std::string s = type_display_name(a[0]) + buf;
  // Unlike datetime's repr, time's names tzinfo before fold.
  if (!is_none(o->tzinfo)) s += ", tzinfo=" + std::string(TRY(repr(o->tzinfo))->view());
  if (o->fold) s += ", fold=1";
  return Value(str_new(s + ")"));
}
static Result<Value> time_strftime(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(dt_parse("strftime", a + 1, n - 1, kw, {"format"}, "U", 1, v));
  Time* o = TM(a[0]);
  // A time has no date: CPython formats it as 1900-01-01.
  Tuple* tt = tuple_of({Value::small(1900), Value::small(1), Value::small(1), Value::small(o->hour),
                        Value::small(o->minute), Value::small(o->second), Value::small(0), Value::small(1),
                        Value::small(-1)});
  return wrap_strftime(a[0], v[0], Value(tt), None());
}
static Result<Value> time_format(Value* a, int64_t n, Tuple* kw) { return call_format(a[0], a, n, kw); }

static Result<Value> time_replace(Value* a, int64_t n, Tuple* kw) {
  Time* o = TM(a[0]);
  Value v[6];
  TRY(dt_parse("replace", a + 1, n - 1, kw, {"hour", "minute", "second", "microsecond", "tzinfo", "fold"}, "iiiiOi", 0, v, 5));
  int f[4] = {o->hour, o->minute, o->second, o->us};
  for (int i = 0; i < 4; i++)
    if (v[i]) f[i] = TRY(int_arg(v[i]));
  int fold = v[5] ? TRY(int_arg(v[5])) : o->fold;
  Value tz = v[4] ? v[4] : o->tzinfo;
  TRY(check_time_args(f[0], f[1], f[2], f[3], fold));
  TRY(check_tzinfo(tz));
  return time_raw(a[0].type(), f[0], f[1], f[2], f[3], tz, fold);
}
static Result<Value> time_fromisoformat(Value* a, int64_t n, Tuple* kw) {
  TRY(onearg("time.fromisoformat", n - 1, kw));
  if (!is_str(a[1])) return raise(tp_TypeError, "fromisoformat: argument must be str");
  Str* s = as_str(a[1]);
  const char* p = s->data;
  int64_t len = s->nbytes;
  if (*p == 'T') {  // ISO 8601 time-only strings may start with T
    p++;
    len--;
  }
  int hh = 0, mi = 0, ss = 0, us = 0, tzoff = 0, tzus = 0;
  int rv = parse_iso_time(p, len, &hh, &mi, &ss, &us, &tzoff, &tzus);
  if (rv < 0) return invalid_isoformat(a[1]);
  Value tz = TRY(tzinfo_from_iso(rv, tzoff, tzus));
  Type* cls = as_type(a[0]);
  if (cls == tp_time) {
    TRY(check_time_args(hh, mi, ss, us, 0));
    return time_raw(cls, hh, mi, ss, us, tz, 0);
  }
  Value args[5] = {Value::small(hh), Value::small(mi), Value::small(ss), Value::small(us), tz};
  return call(Value(cls), args, 5);
}

static Value time_state(Time* o, int proto) {
  char b[6] = {char(o->hour | (o->fold && proto > 3 ? 0x80 : 0)), char(o->minute), char(o->second),
               char(o->us >> 16), char((o->us >> 8) & 0xFF), char(o->us & 0xFF)};
  return bytes_from(std::string_view(b, 6));
}
using TimeReduce = TzReduce<Time, time_state>;

// Aware times compare and hash by their UTC reading; the microseconds of the
// offsets do not count in comparisons (as in CPython).
static Result<Value> time_hash(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__hash__", n - 1, kw, 0));
  Time* o = TM(a[0]);
  if (o->hash != -1) return int_from_i64(o->hash);
  Value off = TRY(call_utcoffset(o->tzinfo, None()));  // asked with None: fold cannot matter
  int64_t secs = o->hour * 3600 + o->minute * 60 + o->second;
  if (is_none(off)) {  // naive: the 6 bytes of CPython's packed form, fold left out
    char b[6] = {char(o->hour), char(o->minute), char(o->second), char(o->us >> 16), char((o->us >> 8) & 0xFF),
                 char(o->us & 0xFF)};
    o->hash = hash_bytes(b, 6);
  } else {
    Value d = TRY(delta_from_us128(__int128(secs) * 1000000 + o->us - delta_us(off)));
    o->hash = TRY(hash(d));
  }
  return int_from_i64(o->hash);
}
static int fields_cmp(Time* x, Time* y) {
  int64_t a = ((int64_t(x->hour) * 60 + x->minute) * 60 + x->second) * 1000000 + x->us;
  int64_t b = ((int64_t(y->hour) * 60 + y->minute) * 60 + y->second) * 1000000 + y->us;
  return a < b ? -1 : a > b ? 1 : 0;
}
static Result<Value> time_cmp(Value* a, int op) {
  if (!is_time(a[1])) return Value(g_NotImplemented);
  Time* x = TM(a[0]);
  Time* y = TM(a[1]);
  if (x->tzinfo == y->tzinfo) return cmp_result(fields_cmp(x, y), op);
  Value o1 = TRY(call_utcoffset(x->tzinfo, None()));
  Value o2 = TRY(call_utcoffset(y->tzinfo, None()));
  if (o1 == o2 || (!is_none(o1) && !is_none(o2) && delta_us(o1) == delta_us(o2)))
    return cmp_result(fields_cmp(x, y), op);
  if (!is_none(o1) && !is_none(o2)) {
    int64_t s1 = x->hour * 3600 + x->minute * 60 + x->second - int64_t(DL(o1)->days) * 86400 - DL(o1)->seconds;
    int64_t s2 = y->hour * 3600 + y->minute * 60 + y->second - int64_t(DL(o2)->days) * 86400 - DL(o2)->seconds;
    int64_t diff = s1 != s2 ? s1 - s2 : int64_t(x->us) - y->us;
    return cmp_result(diff < 0 ? -1 : diff > 0, op);
  }
  if (op == CMP_EQ) return False();
  if (op == CMP_NE) return True();
  return raise(tp_TypeError, "can't compare offset-naive and offset-aware times");
}

static const MethodDef time_methods[] = {
    {"__new__", time_new, MethKind::Static},
    {"isoformat", time_isoformat, MethKind::Method, "Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\n\ntimespec specifies what components of the time to include.\n"},
    {"strftime", time_strftime, MethKind::Method, "format -> strftime() style string."},
    {"__format__", time_format, MethKind::Method, "Formats self with strftime."},
    {"utcoffset", time_utcoffset, MethKind::Method, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", time_tzname, MethKind::Method, "Return self.tzinfo.tzname(self)."},
    {"dst", time_dst, MethKind::Method, "Return self.tzinfo.dst(self)."},
    {"replace", time_replace, MethKind::Method, "Return time with new specified fields."},
    {"fromisoformat", time_fromisoformat, MethKind::Class, "string -> time from a string in ISO 8601 format"},
    {"__reduce_ex__", TimeReduce::reduce_ex, MethKind::Method, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", TimeReduce::reduce, MethKind::Method, "__reduce__() -> (cls, state)"},
    {"__repr__", time_repr}, {"__str__", time_str}, {"__hash__", time_hash},
    DTM_CMP_METHODS(time_cmp),
    {nullptr, nullptr}};

void init_time_type() {
  tp_time = native_type_new("datetime", "time", tp_object, Layout::Other, sizeof(Time), time_methods, TimeGetters<Time>::defs);
  type_set_attr_const(tp_time, "__doc__",
                      Value(str_new("time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\n"
                                    "All arguments are optional. tzinfo may be None, or an instance of\n"
                                    "a tzinfo subclass. The remaining arguments may be ints.\n")));
  type_set_attr_const(tp_time, "min", time_raw(tp_time, 0, 0, 0, 0, None(), 0));
  type_set_attr_const(tp_time, "max", time_raw(tp_time, 23, 59, 59, 999999, None(), 0));
  type_set_attr_const(tp_time, "resolution", delta_raw(tp_delta, 0, 0, 1));
}

}  // namespace gilpy::dtm
