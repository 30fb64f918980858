// _datetime.date (a day of the proleptic Gregorian calendar) and
// IsoCalendarDate, the named tuple that date.isocalendar() returns.
//
// Results keep the caller's class as CPython does: the class methods and
// date + timedelta build instances of a subclass by calling it (so subclass
// __new__/__init__ run), while replace() allocates the subclass directly.
#include <cmath>
#include <string>

#include "bytecode/opcodes.h"
#include "modules/_datetime_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
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

Value date_raw(Type* t, int y, int m, int d) {
  Date* o = static_cast<Date*>(alloc_instance(t, sizeof(Date)));
  o->hash = -1;
  o->year = y;
  o->month = uint8_t(m);
  o->day = uint8_t(d);
  return Value(o);
}
Result<Value> date_new_sub(Type* cls, int y, int m, int d) {
  if (cls == tp_date) {
    TRY(check_date_args(y, m, d));
    return date_raw(cls, y, m, d);
  }
  if (cls == tp_datetime) return datetime_new_sub(cls, y, m, d, 0, 0, 0, 0, None(), 0);
  Value args[3] = {Value::small(y), Value::small(m), Value::small(d)};
  return call(Value(cls), args, 3);
}

// The pickled state: a `size`-byte string whose byte `idx` passes `sane`, or
// a str of that many latin-1 chars (Python 2 pickles). *out stays null when
// `state` is not one (then the arguments are ordinary constructor arguments).
Status pickle_state(Value state, int64_t size, int idx, bool (*sane)(uint32_t), const char* what, Value* out) {
  *out = Value();
  if (is_bytes(state)) {
    Bytes* b = as_bytes(state);
    if (b->size == size && sane(uint8_t(b->data[idx]))) *out = state;
    return OK();
  }
  if (!is_str(state) || as_str(state)->length != size || !sane(str_char_at(as_str(state), idx))) return OK();
  std::string raw;
  for (int64_t i = 0; i < size; i++) {
    uint32_t ch = str_char_at(as_str(state), i);
    if (ch > 255)
      return raise_fmt(tp_ValueError,
                       "Failed to encode latin1 string when unpickling a %s object. "
                       "pickle.load(data, encoding='latin1') is assumed.", what);
    raw += char(ch);
  }
  *out = bytes_from(raw);
  return OK();
}
Status pickle_state_tz(Value* a, int64_t n, int64_t size, int idx, bool (*sane)(uint32_t), const char* what,
                       Value* state, Value* tz) {
  *state = Value();
  *tz = None();
  if (n != 2 && n != 3) return OK();
  TRY(pickle_state(a[1], size, idx, sane, what, state));
  if (*state && n == 3) {
    *tz = a[2];
    if (!is_none(*tz) && !is_tzinfo(*tz)) return raise(tp_TypeError, "bad tzinfo state arg");
  }
  return OK();
}
static bool month_sane(uint32_t c) { return (c & 0x7F) >= 1 && (c & 0x7F) <= 12; }

static Result<Value> date_new(Value* a, int64_t n, Tuple* kw) {
  Type* cls = as_type(a[0]);
  TRY(check_safe_new(tp_date, cls));
  if (n == 2) {
    Value st;
    TRY(pickle_state(a[1], 4, 2, month_sane, "date", &st));
    if (st) {
      const uint8_t* b = reinterpret_cast<const uint8_t*>(as_bytes(st)->data);
      return date_raw(cls, b[0] << 8 | b[1], b[2], b[3]);
    }
  }
  Value v[3];
  TRY(dt_parse(nullptr, a + 1, n - 1, kw, {"year", "month", "day"}, "iii", 3, v));
  int y = TRY(int_arg(v[0])), m = TRY(int_arg(v[1])), d = TRY(int_arg(v[2]));
  TRY(check_date_args(y, m, d));
  return date_raw(cls, y, m, d);
}

// ---- class methods -------------------------------------------------------------------
static Result<Value> date_fromtimestamp(Value* a, int64_t n, Tuple* kw) {
  TRY(onearg("date.fromtimestamp", n - 1, kw));
  int64_t sec;
  if (is_float(a[1])) {  // a date rounds toward the past
    double d = float_val(a[1]);
    if (std::isnan(d)) return raise(tp_ValueError, "Invalid value NaN (not a number)");
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) return raise(tp_OverflowError, "timestamp out of range for platform time_t");
    sec = int64_t(d);
  } else {
    int us;
    TRY(timestamp_split(a[1], &sec, &us));
  }
  int64_t local = TRY(local_seconds(sec + kEpochSeconds));
  int y, m, d;
  ord_to_ymd(int(local / 86400), &y, &m, &d);
  return date_new_sub(as_type(a[0]), y, m, d);
}
static Result<Value> date_today(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("date.today", n - 1, kw));
  Value time_mod = TRY(import_module(str_intern("time")));
  Value now = TRY(call_method0(time_mod, str_intern("time")));
  return call_method1(a[0], str_intern("fromtimestamp"), now);
}
static Result<Value> date_fromordinal(Value* a, int64_t n, Tuple* kw) {
  TRY(exact_args("fromordinal", n - 1, kw, 1));
  int ord = TRY(int_arg(a[1]));
  if (ord < 1) return raise(tp_ValueError, "ordinal must be >= 1");
  int y, m, d;
  ord_to_ymd(ord, &y, &m, &d);
  return date_new_sub(as_type(a[0]), y, m, d);
}
static Result<Value> date_fromisoformat(Value* a, int64_t n, Tuple* kw) {
  TRY(onearg("date.fromisoformat", n - 1, kw));
  if (!is_str(a[1])) return raise(tp_TypeError, "fromisoformat: argument must be str");
  Str* s = as_str(a[1]);
  int y = 0, m = 0, d = 0, rv = -1;
  if (s->nbytes == 7 || s->nbytes == 8 || s->nbytes == 10) rv = parse_iso_date(s->data, s->nbytes, &y, &m, &d);
  if (rv < 0) return invalid_isoformat(a[1]);
  return date_new_sub(as_type(a[0]), y, m, d);
}
static Result<Value> date_fromisocalendar(Value* a, int64_t n, Tuple* kw) {
  Value v[3];
  if (dt_parse("fromisocalendar", a + 1, n - 1, kw, {"year", "week", "day"}, "iii", 3, v).is_err()) {
    if (exc_matches(tp_OverflowError)) {
      exc_clear();
      return raise(tp_ValueError, "ISO calendar component out of range");
    }
    return ERR;
  }
  int iy = TRY(int_arg(v[0])), iw = TRY(int_arg(v[1])), id = TRY(int_arg(v[2]));
  int y, m, d;
  switch (iso_to_ymd(iy, iw, id, &y, &m, &d)) {
    case -4: return raise_fmt(tp_ValueError, "Year is out of range: %d", iy);
    case -2: return raise_fmt(tp_ValueError, "Invalid week: %d", iw);
    case -3: return raise_fmt(tp_ValueError, "Invalid day: %d (range is [1, 7])", id);
    default: break;
  }
  return date_new_sub(as_type(a[0]), y, m, d);
}

// ---- instance methods ---------------------------------------------------------------------
static Result<Value> date_repr(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__repr__", n - 1, kw, 0));
  Date* o = DA(a[0]);
  char buf[48];
  snprintf(buf, sizeof buf, "(%d, %d, %d)", o->year, o->month, o->day);
  return Value(str_new(type_display_name(a[0]) + buf));
}
static Result<Value> date_isoformat(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("date.isoformat", n - 1, kw));
  Date* o = DA(a[0]);
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", o->year, o->month, o->day);
  return Value(str_new(buf));
}
static Result<Value> date_str(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__str__", n - 1, kw, 0));
  return call_method0(a[0], str_intern("isoformat"));
}
static Result<Value> date_ctime(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("date.ctime", n - 1, kw));
  Date* o = DA(a[0]);
  char buf[64];
  snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d", kDayNames[weekday_of(o->year, o->month, o->day)],
           kMonthNames[o->month - 1], o->day, 0, 0, 0, o->year);
  return Value(str_new(buf));
}
static Result<Value> date_timetuple(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("date.timetuple", n - 1, kw));
  Date* o = DA(a[0]);
  return make_struct_time(o->year, o->month, o->day, 0, 0, 0, -1);
}
static Result<Value> date_strftime(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(dt_parse("strftime", a + 1, n - 1, kw, {"format"}, "U", 1, v));
  Value tt = TRY(call_method0(a[0], str_intern("timetuple")));
  return wrap_strftime(a[0], v[0], tt, a[0]);  // inherited by datetime: tzinfo methods get self
}
static Result<Value> date_format(Value* a, int64_t n, Tuple* kw) { return call_format(a[0], a, n, kw); }
static Result<Value> date_toordinal(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("date.toordinal", n - 1, kw));
  Date* o = DA(a[0]);
  return Value::small(ymd_to_ord(o->year, o->month, o->day));
}
static Result<Value> date_weekday(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("date.weekday", n - 1, kw));
  Date* o = DA(a[0]);
  return Value::small(weekday_of(o->year, o->month, o->day));
}
static Result<Value> date_isoweekday(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("date.isoweekday", n - 1, kw));
  Date* o = DA(a[0]);
  return Value::small(weekday_of(o->year, o->month, o->day) + 1);
}
static Result<Value> date_isocalendar(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("date.isocalendar", n - 1, kw));
  Date* o = DA(a[0]);
  int iy, iw, id;
  iso_calendar(o->year, o->month, o->day, &iy, &iw, &id);
  return isocal_make(iy, iw, id);
}
static Result<Value> date_replace(Value* a, int64_t n, Tuple* kw) {
  Date* o = DA(a[0]);
  Value v[3];
  TRY(dt_parse("replace", a + 1, n - 1, kw, {"year", "month", "day"}, "iii", 0, v));
  int y = v[0] ? TRY(int_arg(v[0])) : o->year;
  int m = v[1] ? TRY(int_arg(v[1])) : o->month;
  int d = v[2] ? TRY(int_arg(v[2])) : o->day;
  TRY(check_date_args(y, m, d));
  return date_raw(a[0].type(), y, m, d);
}
static Result<Value> date_reduce(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("date.__reduce__", n - 1, kw));
  Date* o = DA(a[0]);
  char b[4] = {char(o->year >> 8), char(o->year & 0xFF), char(o->month), char(o->day)};
  return Value(tuple_of({Value(a[0].type()), Value(tuple_of({bytes_from(std::string_view(b, 4))}))}));
}
static Result<Value> date_hash(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__hash__", n - 1, kw, 0));
  Date* o = DA(a[0]);
  if (o->hash == -1) {  // CPython hashes the 4 bytes of its packed form (seeded, like bytes)
    char b[4] = {char(o->year >> 8), char(o->year & 0xFF), char(o->month), char(o->day)};
    o->hash = hash_bytes(b, 4);
  }
  return int_from_i64(o->hash);
}

// Dates compare with dates (datetime's own comparison, tried first for a
// datetime operand, keeps dates and datetimes apart).
static Result<Value> date_cmp(Value* a, int op) {
  if (!is_date(a[1])) return Value(g_NotImplemented);
  Date* x = DA(a[0]);
  Date* y = DA(a[1]);
  int c = x->year != y->year ? (x->year < y->year ? -1 : 1)
          : x->month != y->month ? (x->month < y->month ? -1 : 1)
          : x->day != y->day ? (x->day < y->day ? -1 : 1) : 0;
  return cmp_result(c, op);
}

static Result<Value> add_days(Value date, int delta_days) {
  Date* o = DA(date);
  int y = o->year, m = o->month, d = o->day + delta_days;  // |delta_days| < 1e9: no int overflow
  TRY(normalize_date(&y, &m, &d));
  return date_new_sub(date.type(), y, m, d);
}
static Result<Value> date_add(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__add__", n - 1, kw, 1));
  if (is_datetime(a[0]) || is_datetime(a[1]) || !is_delta(a[1])) return Value(g_NotImplemented);
  return add_days(a[0], DL(a[1])->days);
}
static Result<Value> date_sub(Value* a, int64_t n, Tuple* kw) {
  TRY(slot_args("__sub__", n - 1, kw, 1));
  if (is_datetime(a[0]) || is_datetime(a[1])) return Value(g_NotImplemented);
  if (is_date(a[1])) {
    Date* x = DA(a[0]);
    Date* y = DA(a[1]);
    return delta_raw(tp_delta, ymd_to_ord(x->year, x->month, x->day) - ymd_to_ord(y->year, y->month, y->day), 0, 0);
  }
  if (is_delta(a[1])) return add_days(a[0], -DL(a[1])->days);
  return Value(g_NotImplemented);
}
static Result<Value> get_year(Value self) { return Value::small(DA(self)->year); }
static Result<Value> get_month(Value self) { return Value::small(DA(self)->month); }
static Result<Value> get_day(Value self) { return Value::small(DA(self)->day); }

static const MethodDef date_methods[] = {
    {"__new__", date_new, MethKind::Static},
    {"fromtimestamp", date_fromtimestamp, MethKind::Class,
     "Create a date from a POSIX timestamp.\n\nThe timestamp is a number, e.g. created via time.time(),\n"
     "that is interpreted as local time."},
    {"today", date_today, MethKind::Class, "Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."},
    {"fromordinal", date_fromordinal, MethKind::Class, "int -> date corresponding to a proleptic Gregorian ordinal."},
    {"fromisoformat", date_fromisoformat, MethKind::Class, "str -> Construct a date from a string in ISO 8601 format."},
    {"fromisocalendar", date_fromisocalendar, MethKind::Class,
     "int, int, int -> Construct a date from the ISO year, week number and weekday.\n\n"
     "This is the inverse of the date.isocalendar() function"},
    {"ctime", date_ctime, MethKind::Method, "Return ctime() style string."},
    {"strftime", date_strftime, MethKind::Method, "format -> strftime() style string."},
    {"__format__", date_format, MethKind::Method, "Formats self with strftime."},
    {"timetuple", date_timetuple, MethKind::Method, "Return time tuple, compatible with time.localtime()."},
    {"isocalendar", date_isocalendar, MethKind::Method, "Return a named tuple containing ISO year, week number, and weekday."},
    {"isoformat", date_isoformat, MethKind::Method, "Return string in ISO 8601 format, YYYY-MM-DD."},
    {"isoweekday", date_isoweekday, MethKind::Method, "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7"},
    {"toordinal", date_toordinal, MethKind::Method, "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."},
    {"weekday", date_weekday, MethKind::Method, "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6"},
    {"replace", date_replace, MethKind::Method, "Return date with new specified fields."},
    {"__reduce__", date_reduce, MethKind::Method, "__reduce__() -> (cls, state)"},
    {"__repr__", date_repr}, {"__str__", date_str}, {"__hash__", date_hash},
    DTM_CMP_METHODS(date_cmp),
    {"__add__", date_add}, {"__radd__", date_add}, {"__sub__", date_sub},
    {nullptr, nullptr}};
static const GetSetDef date_getsets[] = {{"year", get_year}, {"month", get_month}, {"day", get_day}, {nullptr, nullptr}};

// ============================================================================
// IsoCalendarDate: a 3-tuple (year, week, weekday) with named access.
// ============================================================================
Result<Value> isocal_alloc(Type* t, Value y, Value w, Value d) {
  Tuple* o = static_cast<Tuple*>(alloc_instance(t, sizeof(Tuple) + 3 * sizeof(Value)));
  o->size = 3;
  o->hash = -1;
  o->items[0] = y;
  o->items[1] = w;
  o->items[2] = d;
  return Value(o);
}
Result<Value> isocal_make(int y, int w, int d) {
  return isocal_alloc(tp_isocal, Value::small(y), Value::small(w), Value::small(d));
}
static Result<Value> isocal_new(Value* a, int64_t n, Tuple* kw) {
  Value v[3];
  TRY(dt_parse("IsoCalendarDate", a + 1, n - 1, kw, {"year", "week", "weekday"}, "iii", 3, v));
  int y = TRY(int_arg(v[0])), w = TRY(int_arg(v[1])), d = TRY(int_arg(v[2]));
  return isocal_alloc(as_type(a[0]), Value::small(y), Value::small(w), Value::small(d));
}
static Result<Value> isocal_repr(Value* a, int64_t, Tuple*) {
  Tuple* t = as_tuple(a[0]);
  std::string s = a[0].type() == tp_isocal ? "datetime.IsoCalendarDate" : std::string(a[0].type()->name->view());
  s += "(year=" + std::string(TRY(repr(t->items[0]))->view());
  s += ", week=" + std::string(TRY(repr(t->items[1]))->view());
  s += ", weekday=" + std::string(TRY(repr(t->items[2]))->view()) + ")";
  return Value(str_new(s));
}
static Result<Value> isocal_reduce(Value* a, int64_t n, Tuple* kw) {
  TRY(noargs("IsoCalendarDate.__reduce__", n - 1, kw));
  Tuple* t = as_tuple(a[0]);
  return Value(tuple_of({Value(tp_tuple), Value(tuple_of({Value(tuple_from(t->items, 3))}))}));
}
static Result<Value> isocal_year(Value self) { return as_tuple(self)->items[0]; }
static Result<Value> isocal_week(Value self) { return as_tuple(self)->items[1]; }
static Result<Value> isocal_weekday(Value self) { return as_tuple(self)->items[2]; }
static const MethodDef isocal_methods[] = {{"__new__", isocal_new, MethKind::Static},
                                           {"__repr__", isocal_repr},
                                           {"__reduce__", isocal_reduce, MethKind::Method, "__reduce__() -> (cls, state)"},
                                           {nullptr, nullptr}};
static const GetSetDef isocal_getsets[] = {
    {"year", isocal_year}, {"week", isocal_week}, {"weekday", isocal_weekday}, {nullptr, nullptr}};

void init_date_type() {
  tp_date = native_type_new("datetime", "date", tp_object, Layout::Other, sizeof(Date), date_methods, date_getsets);
  type_set_attr_const(tp_date, "__doc__", Value(str_new("date(year, month, day) --> date object")));
  type_set_attr_const(tp_date, "min", date_raw(tp_date, 1, 1, 1));
  type_set_attr_const(tp_date, "max", date_raw(tp_date, kMaxYear, 12, 31));
  type_set_attr_const(tp_date, "resolution", delta_raw(tp_delta, 1, 0, 0));
  tp_isocal = native_type_new("datetime", "IsoCalendarDate", tp_tuple, Layout::Tuple, sizeof(Tuple), isocal_methods,
                              isocal_getsets);
}

}  // namespace gilpy::dtm
