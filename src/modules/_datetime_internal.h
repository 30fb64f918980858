// _datetime internals shared by the per-type files (_datetime_delta.cpp,
// _datetime_date.cpp, _datetime_time.cpp, _datetime_datetime.cpp,
// _datetime_tz.cpp) and the module file _datetime.cpp, which holds the
// calendar arithmetic, argument parsing, the tzinfo protocol and strftime.
//
// Invariants of every object here (they are immutable once constructed):
//   Delta:    -999999999 <= days <= 999999999, 0 <= seconds < 86400, 0 <= us < 10**6
//   Date:     1 <= year <= 9999, 1 <= month <= 12, 1 <= day <= days_in_month
//   Time:     0 <= hour < 24, minute, second < 60, us < 10**6, fold in {0, 1}
//   DateTime: a Date followed by the Time fields (so date methods work on it)
//   tzinfo fields always hold a Value, None when naive (never null).
// `hash` caches the hash, -1 until computed.
#pragma once
#include <cstdint>
#include <ctime>
#include <string>
#include <type_traits>

#include "bytecode/opcodes.h"
#include "objects/function.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/object.h"

namespace gilpy::dtm {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;
constexpr int kMaxDeltaDays = 999999999;
constexpr int kMaxOrdinal = 3652059;                     // date.max.toordinal()
constexpr int64_t kEpochSeconds = 719163LL * 86400;     // 1970-01-01 as seconds since 0001-01-01 (ordinal 1 = 0)

struct Delta : Object {
  Dict* dict;  // subclass instances' __dict__ (offset 8)
  int64_t hash;
  int32_t days, seconds, us;
};
struct Date : Object {
  Dict* dict;
  int64_t hash;
  int32_t year;
  uint8_t month, day;
};
struct DateTime : Date {
  uint8_t hour, minute, second, fold;
  int32_t us;
  Value tzinfo;
};
struct Time : Object {
  Dict* dict;
  int64_t hash;
  uint8_t hour, minute, second, fold;
  int32_t us;
  Value tzinfo;
};
struct TzInfo : Object {
  Dict* dict;
};
struct TimeZone : TzInfo {
  Value offset;  // a Delta strictly inside (-24h, 24h)
  Value name;    // a str, or null when none was given
};

extern Type* tp_delta;
extern Type* tp_date;
extern Type* tp_time;
extern Type* tp_datetime;
extern Type* tp_tzinfo;
extern Type* tp_timezone;
extern Type* tp_isocal;
extern Value g_utc;  // timezone.utc

inline Delta* DL(Value v) { return v.as<Delta>(); }
inline Date* DA(Value v) { return v.as<Date>(); }
inline DateTime* DT(Value v) { return v.as<DateTime>(); }
inline Time* TM(Value v) { return v.as<Time>(); }
inline bool is_delta(Value v) { return isinstance(v, tp_delta); }
inline bool is_date(Value v) { return isinstance(v, tp_date); }
inline bool is_datetime(Value v) { return isinstance(v, tp_datetime); }
inline bool is_time(Value v) { return isinstance(v, tp_time); }
inline bool is_tzinfo(Value v) { return isinstance(v, tp_tzinfo); }

// ---- calendar (proleptic Gregorian; ordinal 1 is 0001-01-01) -------------------
bool is_leap(int y);
int days_in_month(int y, int m);
int days_before_year(int y);
int days_before_month(int y, int m);
int ymd_to_ord(int y, int m, int d);
void ord_to_ymd(int ord, int* y, int* m, int* d);
int weekday_of(int y, int m, int d);  // Monday is 0
int iso_week1_monday(int y);          // ordinal of the Monday of ISO week 1
void iso_calendar(int y, int m, int d, int* iy, int* iw, int* iwd);
// ISO year/week/day -> y/m/d: 0, or -4 (year out of range), -2 (bad week), -3 (bad day).
int iso_to_ymd(int iy, int iw, int iwd, int* y, int* m, int* d);
// Carry out-of-range fields upward; OverflowError "date value out of range"
// when the result leaves [MINYEAR, MAXYEAR].
Status normalize_date(int* y, int* m, int* d);
Status normalize_datetime(int* y, int* m, int* d, int* hh, int* mm, int* ss, int* us);
Status check_date_args(int y, int m, int d);
Status check_time_args(int h, int mi, int s, int us, int fold);
extern const char* const kDayNames[7];
extern const char* const kMonthNames[12];

// ---- arguments ---------------------------------------------------------------------
// PyArg_ParseTupleAndKeywords-style parsing with CPython's messages: `fname`
// null reports as "function" (how the date/time constructors report).
// `convs` has one getargs-like converter per parameter (null: all 'O'):
// 'O' any, 'i' C int (int_arg), 'U' str, 'C' a 1-char str, and type checks
// 'D' date, 'T' time, 'd' timedelta. Parameters from `maxpos` on are
// keyword-only (-1: none).
Status dt_parse(const char* fname, Value* args, int64_t nargs, Tuple* kwnames,
                std::initializer_list<const char*> names, const char* convs, int required, Value* out,
                int maxpos = -1);
Result<int> int_arg(Value v);  // the "i" converter (__index__, C int range)
// Argument-count checks with CPython's messages, by calling convention:
// METH_NOARGS ("date.today() takes no arguments (1 given)"), METH_O
// ("date.fromisoformat() takes exactly one argument (2 given)"), a fixed
// count parsed by getargs ("fromordinal() takes exactly 1 argument (0 given)")
// and the slot wrappers of operators ("expected 1 argument, got 0").
Status noargs(const char* qualname, int64_t nargs, Tuple* kw);
Status onearg(const char* qualname, int64_t nargs, Tuple* kw);
Status exact_args(const char* fname, int64_t nargs, Tuple* kw, int count);
Status slot_args(const char* name, int64_t nargs, Tuple* kw, int count);
// How a bad argument's type is named in "argument N must be X, not T": None is "None".
std::string arg_type_name(Value v);
// "datetime.date" for the module's own types, the bare name for subclasses.
std::string type_display_name(Value self);
std::string type_display_name(Type* t);
// owner.__new__(cls) must not make a cls instance whose struct is larger than
// owner's (date.__new__(datetime), tzinfo.__new__(timezone)): CPython's
// "is not safe" TypeError.
Status check_safe_new(Type* owner, Type* cls);
Status check_tzinfo(Value tz);  // None or a tzinfo instance, else TypeError

// ---- constructors --------------------------------------------------------------------
Value delta_raw(Type* t, int d, int s, int us);            // fields already normalized
Result<Value> delta_make(int64_t d, int64_t s, int64_t us);  // normalizes, range-checked, exact type
Result<Value> delta_from_us128(__int128 us, Type* t = nullptr);
__int128 delta_us(Value d);
Value date_raw(Type* t, int y, int m, int d);
// An instance of cls: the fast path for date/datetime themselves, else cls(y, m, d).
Result<Value> date_new_sub(Type* cls, int y, int m, int d);
Value datetime_raw(Type* t, int y, int m, int d, int hh, int mi, int ss, int us, Value tz, int fold);
Result<Value> datetime_new_sub(Type* cls, int y, int m, int d, int hh, int mi, int ss, int us, Value tz,
                               int fold);
Value time_raw(Type* t, int hh, int mi, int ss, int us, Value tz, int fold);
Result<Value> timezone_make(Value offset, Value name);  // null name: the utc singleton for 0
Result<Value> isocal_make(int y, int w, int wd);
// Unpickling: *out is the state as bytes when `state` is a pickled state (a
// `size`-byte bytes, or str of latin-1 chars, whose char `idx` passes `sane`), else null.
Status pickle_state(Value state, int64_t size, int idx, bool (*sane)(uint32_t), const char* what, Value* out);
// The same for time/datetime constructor arguments a[1..n): the state and an optional tzinfo (*tz, None if absent).
Status pickle_state_tz(Value* a, int64_t n, int64_t size, int idx, bool (*sane)(uint32_t), const char* what,
                       Value* state, Value* tz);
// datetime + delta (negate: minus), keeping tzinfo; result type follows CPython (subclass via cls(...)).
Result<Value> datetime_add_delta(Value dt, Value delta, bool negate);

// ---- the tzinfo protocol ---------------------------------------------------------------
// tz.utcoffset(arg) / tz.dst(arg): None or a timedelta strictly inside a day.
Result<Value> call_utcoffset(Value tz, Value arg);
Result<Value> call_dst(Value tz, Value arg);
Result<Value> call_tzname(Value tz, Value arg);  // None or str
// "+HH<sep>MM[<sep>SS[.ffffff]]" for an offset (a Delta).
std::string format_offset(Value offset, const char* sep);
// "%02d:%02d:%02d[.ffffff]" truncated per timespec; false for an unknown timespec.
bool format_time(std::string* out, int hh, int mi, int ss, int us, const char* timespec);

// ---- strftime, struct_time, local time ---------------------------------------------------
Result<Value> wrap_strftime(Value obj, Value fmt, Value timetuple, Value tzinfoarg);
Result<Value> make_struct_time(int y, int m, int d, int hh, int mi, int ss, int dst);
Result<Value> call_format(Value self, Value* a, int64_t n, Tuple* kw);  // shared __format__
// localtime_r / gmtime_r of a POSIX timestamp; OSError as CPython when they fail.
Status tm_of(int64_t t, bool local, struct tm* out);
int64_t utc_to_seconds(int y, int m, int d, int hh, int mi, int ss);
Result<int64_t> local_seconds(int64_t u);  // local wall time (as seconds since 0001) of instant u
Result<int64_t> local_to_seconds(int y, int m, int d, int hh, int mi, int ss, int fold);
Result<Value> local_timezone_from_timestamp(int64_t ts);
// A timestamp (int or float) split into whole seconds and rounded microseconds.
Status timestamp_split(Value ts, int64_t* sec, int* us);

// ---- ISO 8601 parsing (fromisoformat; _datetime_iso.cpp) --------------------------------------------------
int parse_iso_date(const char* s, int64_t len, int* y, int* m, int* d);
int parse_iso_time(const char* s, int64_t len, int* hh, int* mi, int* ss, int* us, int* tzoff, int* tzus);
Result<Value> tzinfo_from_iso(int rv, int tzoff, int tzus);
Err invalid_isoformat(Value s);
// Where a datetime string's date ends (the separator's byte index), -1 if it cannot tell.
int64_t find_iso_separator(const char* s, int64_t len);

// ---- shared method shapes ------------------------------------------------------------------
// A comparison outcome c (<0, 0, >0) as the answer to operator `op` (bytecode::CmpOp).
Value cmp_result(int c, int op);
// The six rich comparisons of a type from one function cmp(args, op).
template <Result<Value> (*Cmp)(Value*, int), int Op>
Result<Value> cmp_method(Value* a, int64_t n, Tuple* kw) {
  static const char* const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  TRY(slot_args(names[Op], n - 1, kw, 1));
  return Cmp(a, Op);
}
#define DTM_CMP_METHODS(cmp)                                                                              \
  {"__lt__", cmp_method<cmp, bytecode::CMP_LT>}, {"__le__", cmp_method<cmp, bytecode::CMP_LE>},           \
      {"__eq__", cmp_method<cmp, bytecode::CMP_EQ>}, {"__ne__", cmp_method<cmp, bytecode::CMP_NE>},       \
      {"__gt__", cmp_method<cmp, bytecode::CMP_GT>}, {"__ge__", cmp_method<cmp, bytecode::CMP_GE>}
// The time-of-day attributes, shared by time and datetime (T is Time or DateTime).
template <class T>
struct TimeGetters {
  static Result<Value> hour(Value s) { return Value::small(s.as<T>()->hour); }
  static Result<Value> minute(Value s) { return Value::small(s.as<T>()->minute); }
  static Result<Value> second(Value s) { return Value::small(s.as<T>()->second); }
  static Result<Value> microsecond(Value s) { return Value::small(s.as<T>()->us); }
  static Result<Value> tzinfo(Value s) { return s.as<T>()->tzinfo; }
  static Result<Value> fold(Value s) { return Value::small(s.as<T>()->fold); }
  static constexpr GetSetDef defs[] = {{"hour", hour},     {"minute", minute}, {"second", second},
                                       {"microsecond", microsecond}, {"tzinfo", tzinfo}, {"fold", fold},
                                       {nullptr, nullptr}};
};
// Pickling a time or datetime: (type(self), (state,)) or (type(self), (state, tzinfo)).
Value reduce_with_tz(Value self, Value state, Value tz);
// __reduce_ex__(proto) and __reduce__ (protocol 2) for T = Time or DateTime,
// whose pickled state (from State) carries fold only for protocol 4 and later.
template <class T, Value (*State)(T*, int)>
struct TzReduce {
  static Result<Value> reduce_ex(Value* a, int64_t n, Tuple* kw) {
    TRY(exact_args("__reduce_ex__", n - 1, kw, 1));
    int proto = TRY(int_arg(a[1]));
    return reduce_with_tz(a[0], State(a[0].as<T>(), proto), a[0].as<T>()->tzinfo);
  }
  static Result<Value> reduce(Value* a, int64_t n, Tuple* kw) {
    TRY(noargs(std::is_same_v<T, Time> ? "time.__reduce__" : "datetime.__reduce__", n - 1, kw));
    return reduce_with_tz(a[0], State(a[0].as<T>(), 2), a[0].as<T>()->tzinfo);
  }
};

// ---- the per-type set-up (each file defines its own) --------------------------------------
void init_delta_type();
void init_date_type();
void init_time_type();
void init_datetime_type();
void init_tz_types();

}  // namespace gilpy::dtm
