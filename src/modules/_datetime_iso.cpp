// _datetime's ISO 8601 parsers (date/time/datetime.fromisoformat): the
// date forms YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]; times
// HH[:MM[:SS[.f...]]] (colons optional, ',' or '.' before the fraction, digits
// past microseconds dropped) with an optional Z or +-HH[:MM[:SS[.ffffff]]]
// offset; and the choice of where a datetime's separator stands.
#include <string>

#include "modules/_datetime_internal.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::dtm {

// ============================================================================
// ISO 8601 parsing. Both parsers work on a NUL-terminated buffer and may look
// at the character just past their slice (as CPython's do), so callers pass
// pointers into the whole string.
// ============================================================================
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static const char* parse_digits(const char* p, int* var, size_t n) {
  *var = 0;
  for (size_t i = 0; i < n; i++, p++) {
    if (!is_digit(*p)) return nullptr;
    *var = *var * 10 + (*p - '0');
  }
  return p;
}
// 0 on success; negative codes for the different failures.
int parse_iso_date(const char* s, int64_t len, int* y, int* m, int* d) {
  const char* p = parse_digits(s, y, 4);
  if (!p) return -1;
  bool sep = *p == '-';
  if (sep) p++;
  if (*p == 'W') {
    p++;
    int week = 0, day = 0;
    p = parse_digits(p, &week, 2);
    if (!p) return -3;
    if (p - s < len) {
      if (sep && *(p++) != '-') return -2;
      p = parse_digits(p, &day, 1);
      if (!p) return -4;
    } else {
      day = 1;
    }
    int rv = iso_to_ymd(*y, week, day, y, m, d);
    return rv ? -3 + rv : 0;
  }
  p = parse_digits(p, m, 2);
  if (!p) return -1;
  if (sep && *(p++) != '-') return -2;
  p = parse_digits(p, d, 2);
  return p ? 0 : -1;
}
// HH[:MM[:SS[.fff...]]] (or without colons) up to `end`: <0 on failure, else
// 1 when something other than the end of the string follows.
static int parse_hh_mm_ss_ff(const char* p, const char* end, int* hh, int* mi, int* ss, int* us) {
  *hh = *mi = *ss = *us = 0;
  int* vals[3] = {hh, mi, ss};
  bool has_sep = true;
  for (int i = 0; i < 3; i++) {
    p = parse_digits(p, vals[i], 2);
    if (!p) return -3;
    char c = *(p++);
    if (i == 0) has_sep = c == ':';
    if (p >= end) return c != '\0';
    if (has_sep && c == ':') continue;
    if (c == '.' || c == ',') break;
    if (!has_sep) {
      --p;
    } else {
      return -4;
    }
  }
  size_t remain = size_t(end - p);
  size_t n = remain >= 6 ? 6 : remain;
  p = parse_digits(p, us, n);
  if (!p) return -3;
  static const int scale[] = {100000, 10000, 1000, 100, 10};
  if (n < 6) *us *= scale[n - 1];
  while (is_digit(*p)) p++;  // digits past microseconds are dropped
  return *p != '\0';
}
// 0: no offset, 1: with an offset in *tzoff seconds and *tzus microseconds.
int parse_iso_time(const char* s, int64_t len, int* hh, int* mi, int* ss, int* us, int* tzoff, int* tzus) {
  const char* end = s + len;
  const char* tzpos = s;
  do {
    if (*tzpos == 'Z' || *tzpos == '+' || *tzpos == '-') break;
  } while (++tzpos < end);
  int rv = parse_hh_mm_ss_ff(s, tzpos, hh, mi, ss, us);
  if (rv < 0) return rv;
  if (tzpos == end) return rv == 1 ? -5 : 0;
  if (*tzpos == 'Z') {
    *tzoff = 0;
    *tzus = 0;
    return *(tzpos + 1) != '\0' ? -5 : 1;
  }
  int sign = *tzpos == '-' ? -1 : 1;
  int th = 0, tm = 0, ts = 0;
  rv = parse_hh_mm_ss_ff(tzpos + 1, end, &th, &tm, &ts, tzus);
  *tzoff = sign * (th * 3600 + tm * 60 + ts);
  *tzus *= sign;
  return rv ? -5 : 1;
}
Result<Value> tzinfo_from_iso(int rv, int tzoff, int tzus) {
  if (rv != 1) return None();
  if (tzoff == 0) return g_utc;
  Value off = TRY(delta_make(0, tzoff, tzus));
  return timezone_make(off, Value());
}
Err invalid_isoformat(Value s) {
  Result<Str*> r = repr(s);
  if (r.is_err()) return ERR;
  return raise_fmt(tp_ValueError, "Invalid isoformat string: %s", r.value()->data);
}
// YYYY-MM-DD (or another ISO date form), one separator of any kind, then a time.
int64_t find_iso_separator(const char* s, int64_t len) {
  auto at = [&](int64_t i) { return i < len ? s[i] : '\0'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (len == 7) return 7;
  if (at(4) == '-') {
    if (at(5) != 'W') return 10;  // YYYY-MM-DD
    if (len < 8) return -1;
    if (len > 8 && at(8) == '-') {  // YYYY-Www-D or YYYY-Www-<time>
      if (len == 9) return -1;
      if (len > 10 && digit(at(10))) return 8;
      return 10;
    }
    return 8;
  }
  if (at(4) == 'W') {  // YYYYWww or YYYYWwwD
    int64_t i = 7;
    while (i < len && digit(s[i])) i++;
    if (i < 9) return i;
    return i % 2 == 0 ? 7 : 8;
  }
  return 8;  // YYYYMMDD
}

}  // namespace gilpy::dtm
