// Number formatting and parsing (see numfmt.h). Digit generation relies on std::to_chars, which
// in libstdc++ 12 is exact: shortest round-trip without a precision, correctly rounded with one.
// Parsing relies on std::from_chars (correctly rounded, locale-independent).
#include "common/numfmt.h"

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>

namespace gilpy::numfmt {
namespace {

// ---- UTF-8 helpers (lenient: a stray byte counts as one code point of its own value) ----------

uint32_t decode_utf8(std::string_view s, size_t* pos) {
  unsigned char b = static_cast<unsigned char>(s[*pos]);
  int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (len == 1 || *pos + len > s.size()) {
    ++*pos;
    return b;
  }
  uint32_t cp = len == 4 ? (b & 0x07u) : len == 3 ? (b & 0x0Fu) : (b & 0x1Fu);
  for (int k = 1; k < len; ++k) {
    unsigned char c = static_cast<unsigned char>(s[*pos + k]);
    if ((c & 0xC0) != 0x80) {
      ++*pos;
      return b;
    }
    cp = (cp << 6) | (c & 0x3Fu);
  }
  *pos += len;
  return cp;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    decode_utf8(s, &i);
    ++n;
  }
  return n;
}

Formatted fail(std::string message, ErrorKind kind = ErrorKind::Value) {
  return Formatted{{}, Error{kind, std::move(message)}};
}

std::string truncated(std::string_view s, size_t n) { return std::string(s.substr(0, n)); }

// CPython prints a presentation type as '%c' when it is printable ASCII, else as '\x%x'.
std::string type_char_text(uint32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", type);
  return buf;
}

Formatted unknown_code(uint32_t type, std::string_view type_name) {
  return fail("Unknown format code '" + type_char_text(type) + "' for object of type '" +
              truncated(type_name, 200) + "'");
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// ---- Layout -----------------------------------------------------------------------------------

// Inserts `sep` every `group` digits from the right. If min_width > 0 the digits are first
// extended with leading zeros until the grouped text is at least min_width long; the leading
// group then never starts with a separator (CPython's format(1234567, '012,') == '0,001,234,567').
std::string group_digits(std::string_view digits, char sep, int group, int64_t min_width) {
  int64_t n = static_cast<int64_t>(digits.size());
  while (min_width > 0 && n + (n - 1) / group < min_width) ++n;
  std::string padded(static_cast<size_t>(n) - digits.size(), '0');
  padded += digits;
  std::string out;
  out.reserve(padded.size() + padded.size() / group);
  for (size_t i = 0; i < padded.size(); ++i) {
    if (i > 0 && (padded.size() - i) % group == 0) out += sep;
    out += padded[i];
  }
  return out;
}

std::string fill_run(uint32_t fill, int64_t n) {
  std::string one;
  append_utf8(one, fill);
  std::string out;
  out.reserve(one.size() * static_cast<size_t>(n > 0 ? n : 0));
  for (int64_t i = 0; i < n; ++i) out += one;
  return out;
}

// Pads `body` (len code points) to the spec's width; `split` is where '=' inserts the fill.
std::string pad(const std::string& body, size_t len, size_t split, const FormatSpec& spec) {
  int64_t missing = spec.width - static_cast<int64_t>(len);
  if (missing <= 0) return body;
  switch (spec.align) {
    case '<': return body + fill_run(spec.fill, missing);
    case '^': return fill_run(spec.fill, missing / 2) + body + fill_run(spec.fill, missing - missing / 2);
    case '=': return body.substr(0, split) + fill_run(spec.fill, missing) + body.substr(split);
    default: return fill_run(spec.fill, missing) + body;
  }
}

// sign + prefix + digits (grouped per spec) + rest, padded. digits may be empty (inf, nan).
std::string layout_number(const FormatSpec& spec, std::string_view sign, std::string_view prefix,
                          std::string_view digits, std::string_view rest, int group) {
  std::string body(sign);
  body += prefix;
  if (spec.grouping && !digits.empty()) {
    int64_t min_width = 0;
    if (spec.fill == '0' && spec.align == '=')
      min_width = spec.width - static_cast<int64_t>(sign.size() + prefix.size() + rest.size());
    body += group_digits(digits, spec.grouping, group, min_width);
  } else {
    body += digits;
  }
  body += rest;
  return pad(body, count_code_points(body), sign.size() + prefix.size(), spec);
}

// ---- Float digit generation -------------------------------------------------------------------

// Decimal digits and decimal-point position of |x| (x finite): value = 0.DIGITS * 10**decpt.
// precision < 0: shortest round-trip digits; else `precision` significant digits, rounded.
void float_digits(double x, int precision, std::string* digits, int* decpt) {
  std::string buf(static_cast<size_t>(precision < 0 ? 40 : precision + 40), '\0');
  auto r = precision < 0
               ? std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::scientific)
               : std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::scientific,
                               precision - 1);
  std::string_view s(buf.data(), static_cast<size_t>(r.ptr - buf.data()));
  size_t e = s.find('e');
  digits->clear();
  for (char c : s.substr(0, e))
    if (c != '.') *digits += c;
  int exp = 0;
  std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exp);
  *decpt = exp + 1;
}

std::string exponent_text(int exp, bool upper) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%c%02d", upper ? 'E' : 'e', exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  return buf;
}

// Lays out digits/decpt in exponent or fixed notation ('g'/'r' modes).
std::string layout_digits(const std::string& digits, int decpt, bool use_exp, bool alt, bool add_dot_0) {
  std::string out;
  int n = static_cast<int>(digits.size());
  if (use_exp) {
    out += digits[0];
    if (n > 1 || alt) out += '.';
    out.append(digits, 1, std::string::npos);
    out += exponent_text(decpt - 1, false);
  } else if (decpt <= 0) {
    out = "0." + std::string(static_cast<size_t>(-decpt), '0') + digits;
  } else if (decpt >= n) {
    out = digits + std::string(static_cast<size_t>(decpt - n), '0');
    if (add_dot_0) out += ".0";
    else if (alt) out += '.';
  } else {
    out = digits.substr(0, static_cast<size_t>(decpt)) + "." + digits.substr(static_cast<size_t>(decpt));
  }
  return out;
}

// |x| (finite) formatted in mode 'r' (repr), 'g', 'e' or 'f'; lowercase.
std::string format_abs(double x, char mode, int precision, bool alt, bool add_dot_0) {
  std::string digits;
  int decpt;
  if (mode == 'r') {
    float_digits(x, -1, &digits, &decpt);
    return layout_digits(digits, decpt, decpt <= -4 || decpt > 16, alt, add_dot_0);
  }
  if (mode == 'g') {
    int p = precision == 0 ? 1 : precision;
    float_digits(x, p, &digits, &decpt);
    if (!alt) {
      size_t keep = digits.find_last_not_of('0');
      digits.resize(keep == std::string::npos ? 1 : keep + 1);
    }
    bool use_exp = decpt <= -4 || decpt > (add_dot_0 ? p - 1 : p);
    return layout_digits(digits, decpt, use_exp, alt, add_dot_0);
  }
  std::string buf(static_cast<size_t>(precision) + 400, '\0');
  auto fmt = mode == 'e' ? std::chars_format::scientific : std::chars_format::fixed;
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x, fmt, precision);
  buf.resize(static_cast<size_t>(r.ptr - buf.data()));
  if (alt && precision == 0) {
    if (mode == 'e') buf.insert(1, 1, '.');
    else buf += '.';
  }
  return buf;
}

}  // namespace

std::string float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  return (std::signbit(x) ? "-" : "") + format_abs(std::fabs(x), 'r', 0, false, true);
}

// ---- Format specs -----------------------------------------------------------------------------

std::optional<Error> parse_format_spec(std::string_view spec, FormatSpec& out, uint32_t default_type,
                                       std::string_view type_name) {
  auto error = [](std::string m) { return std::optional<Error>(Error{ErrorKind::Value, std::move(m)}); };
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  out = FormatSpec{};
  out.align = default_type == 's' ? '<' : '>';
  out.type = default_type;
  size_t pos = 0, n = spec.size();
  bool fill_given = false, align_given = false;
  if (n > 0) {
    size_t after = 0;
    uint32_t first = decode_utf8(spec, &after);
    if (after < n && is_align(spec[after])) {
      out.fill = first;
      out.align = spec[after];
      fill_given = align_given = true;
      pos = after + 1;
    } else if (is_align(spec[0])) {
      out.align = spec[0];
      align_given = true;
      pos = 1;
    }
  }
  if (pos < n && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) out.sign = spec[pos++];
  if (pos < n && spec[pos] == 'z') out.no_neg_zero = true, ++pos;
  if (pos < n && spec[pos] == '#') out.alternate = true, ++pos;
  if (!fill_given && pos < n && spec[pos] == '0') {
    out.fill = '0';
    if (!align_given && out.align == '>') out.align = '=';
    ++pos;
  }
  // Digits of width/precision; CPython rejects values that overflow Py_ssize_t.
  auto number = [&](int64_t* value) -> bool {
    size_t start = pos;
    int64_t v = 0;
    bool overflow = false;
    for (; pos < n && is_digit(spec[pos]); ++pos) {
      int d = spec[pos] - '0';
      if (v > (INT64_MAX - d) / 10) overflow = true;
      else v = v * 10 + d;
    }
    if (pos > start) *value = v;
    return !overflow;
  };
  if (!number(&out.width)) return error("Too many decimal digits in format string");
  if (pos < n && (spec[pos] == ',' || spec[pos] == '_')) {
    out.grouping = spec[pos++];
    // Mixing the two is its own error; a repeated one is left to become the (invalid) type.
    if (pos < n && (spec[pos] == ',' || spec[pos] == '_') && spec[pos] != out.grouping)
      return error("Cannot specify both ',' and '_'.");
  }
  if (pos < n && spec[pos] == '.') {
    ++pos;
    size_t start = pos;
    if (!number(&out.precision)) return error("Too many decimal digits in format string");
    if (pos == start) return error("Format specifier missing precision");
  }
  if (pos < n) {
    size_t after = pos;
    uint32_t type = decode_utf8(spec, &after);
    if (after != n)
      return error("Invalid format specifier '" + std::string(spec) + "' for object of type '" +
                   truncated(type_name, 200) + "'");
    out.type = type;
  }
  if (out.grouping) {
    uint32_t t = out.type;
    bool ok = t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' || t == 'G' || t == '%' ||
              t == 'F' || t == 0 ||
              (out.grouping == '_' && (t == 'b' || t == 'o' || t == 'x' || t == 'X'));
    if (!ok)
      return error(std::string("Cannot specify '") + out.grouping + "' with '" + type_char_text(t) + "'.");
  }
  return std::nullopt;
}

Formatted format_float(double x, const FormatSpec& spec, std::string_view type_name) {
  uint32_t type = spec.type;
  if (!(type == 0 || type == 'e' || type == 'E' || type == 'f' || type == 'F' || type == 'g' ||
        type == 'G' || type == 'n' || type == '%'))
    return unknown_code(type, type_name);
  if (spec.precision > INT_MAX) return fail("precision too big");
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char mode = type == 0 ? 'r' : type == 'n' ? 'g' : type == '%' ? 'f' : lower(static_cast<char>(type));
  int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  if (mode == 'r' && spec.precision >= 0) mode = 'g';  // none type with precision: 'g' + ".0"
  if (type == '%') x *= 100;
  bool negative = std::signbit(x) && !std::isnan(x);  // CPython never shows a NaN's sign
  std::string body;
  size_t int_digits = 0;
  if (!std::isfinite(x)) {
    body = std::isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
  } else {
    body = format_abs(std::fabs(x), mode, precision, spec.alternate, type == 0);
    if (upper)
      for (char& c : body) c = c == 'e' ? 'E' : c;
    while (int_digits < body.size() && is_digit(body[int_digits])) ++int_digits;
    if (negative && spec.no_neg_zero &&
        body.substr(0, body.find_first_of("eE")).find_first_of("123456789") == std::string::npos)
      negative = false;
  }
  if (type == '%') body += '%';
  const char* sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  FormatSpec s = spec;
  if (type == 'n') s.grouping = 0;
  std::string_view b(body);
  return Formatted{layout_number(s, sign, "", b.substr(0, int_digits), b.substr(int_digits), 3), {}};
}

Formatted format_int(bool negative, const DigitsFn& digits, const FormatSpec& spec, std::string_view type_name) {
  uint32_t type = spec.type;
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      std::string d = digits(10);
      double v = 0;
      auto r = std::from_chars(d.data(), d.data() + d.size(), v);
      if (r.ec == std::errc::result_out_of_range || std::isinf(v))
        return fail("int too large to convert to float", ErrorKind::Overflow);
      return format_float(negative ? -v : v, spec, type_name);
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
    default: return unknown_code(type, type_name);
  }
  if (spec.precision >= 0) return fail("Precision not allowed in integer format specifier");
  if (spec.no_neg_zero) return fail("Negative zero coercion (z) not allowed in integer format specifier");
  if (type == 'c') {
    if (spec.sign) return fail("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) return fail("Alternate form (#) not allowed with integer format specifier 'c'");
    // CPython first converts to a C long, which has its own overflow message.
    std::string d = digits(10);
    std::string_view long_limit = negative ? "9223372036854775808" : "9223372036854775807";
    if (d.size() > long_limit.size() || (d.size() == long_limit.size() && d > long_limit))
      return fail("Python int too large to convert to C long", ErrorKind::Overflow);
    uint32_t cp = 0;
    if (negative || d.size() > 7 || std::from_chars(d.data(), d.data() + d.size(), cp).ec != std::errc() ||
        cp > 0x10FFFF)
      return fail("%c arg not in range(0x110000)", ErrorKind::Overflow);
    std::string ch;
    append_utf8(ch, cp);
    return Formatted{layout_number(spec, "", "", ch, "", 3), {}};
  }
  int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  std::string d = digits(base);
  if (type == 'X')
    for (char& c : d) c = (c >= 'a' && c <= 'f') ? static_cast<char>(c - 32) : c;
  const char* prefix = "";
  if (spec.alternate)
    prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
  const char* sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  FormatSpec s = spec;
  if (type == 'n') s.grouping = 0;
  return Formatted{layout_number(s, sign, prefix, d, "", base == 10 ? 3 : 4), {}};
}

Formatted format_int(int64_t value, const FormatSpec& spec, std::string_view type_name) {
  uint64_t mag = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  return format_int(value < 0, [mag](int base) {
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, mag, base);
    return std::string(buf, r.ptr);
  }, spec, type_name);
}

Formatted format_str(std::string_view utf8, const FormatSpec& spec, std::string_view type_name) {
  if (spec.type != 's') return unknown_code(spec.type, type_name);
  if (spec.sign == ' ') return fail("Space not allowed in string format specifier");
  if (spec.sign) return fail("Sign not allowed in string format specifier");
  if (spec.no_neg_zero) return fail("Negative zero coercion (z) not allowed in string format specifier");
  if (spec.alternate) return fail("Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') return fail("'=' alignment not allowed in string format specifier");
  size_t len = 0, end = 0;
  while (end < utf8.size() && (spec.precision < 0 || static_cast<int64_t>(len) < spec.precision)) {
    decode_utf8(utf8, &end);
    ++len;
  }
  return Formatted{pad(std::string(utf8.substr(0, end)), len, 0, spec), {}};
}

Formatted format_float(double x, std::string_view spec) {
  FormatSpec s;
  if (auto e = parse_format_spec(spec, s, 0, "float")) return Formatted{{}, e};
  return format_float(x, s);
}
Formatted format_int(int64_t value, std::string_view spec) {
  FormatSpec s;
  if (auto e = parse_format_spec(spec, s, 'd', "int")) return Formatted{{}, e};
  return format_int(value, s);
}
Formatted format_str(std::string_view utf8, std::string_view spec) {
  FormatSpec s;
  if (auto e = parse_format_spec(spec, s, 's', "str")) return Formatted{{}, e};
  return format_str(utf8, s);
}

std::string format_float_printf(double x, const PrintfSpec& p) {
  FormatSpec s;
  s.type = static_cast<unsigned char>(p.type);
  s.precision = p.precision < 0 ? 6 : p.precision;
  s.alternate = p.alternate;
  s.sign = p.plus ? '+' : p.space ? ' ' : 0;
  s.width = p.width;
  if (p.left) s.align = '<';
  else if (p.zero) s.fill = '0', s.align = '=';
  Formatted f = format_float(x, s);
  return f.ok() ? f.text : std::string();
}

// ---- Parsing ----------------------------------------------------------------------------------

namespace {

bool equals_nocase(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower_b[i]) return false;
  return true;
}

// Appends to *out the digits of s[*pos..] up to the first character that is not a digit or an
// underscore placed between two digits; returns the number of digits taken.
size_t take_digits(std::string_view s, size_t* pos, std::string* out) {
  size_t count = 0;
  while (*pos < s.size()) {
    char c = s[*pos];
    if (is_digit(c)) {
      *out += c;
      ++count;
      ++*pos;
    } else if (c == '_' && count > 0 && *pos + 1 < s.size() && is_digit(s[*pos + 1])) {
      ++*pos;
    } else {
      break;
    }
  }
  return count;
}

}  // namespace

bool parse_float(std::string_view s, double* out) noexcept {
  bool negative = false;
  size_t pos = 0;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) negative = s[pos++] == '-';
  std::string_view word = s.substr(pos);
  if (equals_nocase(word, "inf") || equals_nocase(word, "infinity")) {
    *out = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (equals_nocase(word, "nan")) {
    *out = negative ? -std::fabs(std::nan("")) : std::fabs(std::nan(""));
    return true;
  }
  // Rebuild the number without underscores: from_chars does the correctly rounded conversion.
  std::string clean;
  size_t int_digits = take_digits(s, &pos, &clean);
  size_t frac_digits = 0;
  if (pos < s.size() && s[pos] == '.') {
    clean += '.';
    ++pos;
    frac_digits = take_digits(s, &pos, &clean);
  }
  if (int_digits + frac_digits == 0) return false;
  long exp_estimate = 0;  // decimal exponent, saturated; only used to classify out-of-range
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    clean += 'e';
    ++pos;
    bool exp_negative = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      exp_negative = s[pos] == '-';
      clean += s[pos++];
    }
    size_t start = clean.size();
    if (take_digits(s, &pos, &clean) == 0) return false;
    for (size_t i = start; i < clean.size(); ++i)
      exp_estimate = std::min(exp_estimate * 10 + (clean[i] - '0'), 100000L);
    if (exp_negative) exp_estimate = -exp_estimate;
  }
  if (pos != s.size()) return false;
  double v = 0;
  auto r = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (r.ec == std::errc::result_out_of_range) {
    // Overflow or underflow: decide by the position of the first nonzero digit.
    size_t first = clean.find_first_of("123456789");
    size_t point = clean.find('.');
    if (point == std::string::npos) point = std::min(clean.find('e'), clean.size());
    long magnitude = first < point ? static_cast<long>(point - first) : -static_cast<long>(first - point - 1);
    v = magnitude + exp_estimate > 0 ? HUGE_VAL : 0.0;
  } else if (r.ec != std::errc() || r.ptr != clean.data() + clean.size()) {
    return false;
  }
  *out = negative ? -v : v;
  return true;
}

std::string repr_str(std::string_view s, bool (*printable)(uint32_t)) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    uint32_t cp = decode_utf8(s, &i);
    char buf[16];
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && printable && !printable(cp))) {
      if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
      out += buf;
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  out += quote;
  return out;
}

namespace {
// CPython's "%.200R": the repr cut to 200 code points (the closing quote may be lost).
std::string repr_200(std::string_view text, bool (*printable)(uint32_t)) {
  std::string r = repr_str(text, printable);
  size_t pos = 0, count = 0;
  while (pos < r.size() && count < 200) {
    decode_utf8(r, &pos);
    ++count;
  }
  r.resize(pos);
  return r;
}
}  // namespace

std::string float_parse_error(std::string_view original_text, bool (*printable)(uint32_t)) {
  return "could not convert string to float: " + repr_str(original_text, printable);
}

std::string int_literal_error(std::string_view original_text, int base, bool (*printable)(uint32_t)) {
  return "invalid literal for int() with base " + std::to_string(base) + ": " +
         repr_200(original_text, printable);
}

bool parse_int_literal_text(std::string_view s, int base, std::string* clean_digits, int* detected_base,
                            bool* negative) {
  size_t pos = 0;
  bool neg = false;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) neg = s[pos++] == '-';
  bool prefixed = false;
  if (s.size() - pos >= 2 && s[pos] == '0') {
    char p = lower(s[pos + 1]);
    int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefix_base && (base == 0 || base == prefix_base)) {
      base = prefix_base;
      prefixed = true;
      pos += 2;
    }
  }
  bool base0_decimal = base == 0;
  if (base == 0) base = 10;
  std::string digits;
  bool prev_digit = prefixed;  // an underscore may directly follow the prefix
  for (; pos < s.size(); ++pos) {
    char c = lower(s[pos]);
    if (c == '_') {
      if (!prev_digit) return false;
      prev_digit = false;
      continue;
    }
    int v = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'z') ? c - 'a' + 10 : 99;
    if (v >= base) return false;
    digits += c;
    prev_digit = true;
  }
  if (digits.empty() || !prev_digit) return false;  // no digits, or a trailing underscore
  // Base 0 rejects "017" (an old octal literal) but accepts "000".
  if (base0_decimal && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) return false;
  *clean_digits = std::move(digits);
  *detected_base = base;
  *negative = neg;
  return true;
}

// ---- round ------------------------------------------------------------------------------------

double round_double(double x, int ndigits, bool* overflow) noexcept {
  *overflow = false;
  if (!std::isfinite(x) || x == 0.0) return x;
  // Beyond these, CPython returns x itself or a signed zero (no double has digits there).
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0.0 * x;
  // The exact decimal expansion: no double has more than 767 significant digits.
  char buf[800];
  auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific, 766);
  std::string_view s(buf, static_cast<size_t>(r.ptr - buf));
  size_t e = s.find('e');
  std::string digits;
  for (char c : s.substr(0, e))
    if (c != '.') digits += c;
  int exp = 0;
  std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exp);
  // Digit i has place value 10**(exp - i); keep those with place value >= 10**-ndigits.
  long keep = static_cast<long>(exp) + ndigits + 1;
  if (keep >= static_cast<long>(digits.size())) return x;
  if (keep < 0) return 0.0 * x;
  auto k = static_cast<size_t>(keep);
  bool rest_nonzero = digits.find_first_not_of('0', k + 1) != std::string::npos;
  char next = digits[k];
  bool last_odd = k > 0 && ((digits[k - 1] - '0') & 1);
  bool up = next > '5' || (next == '5' && (rest_nonzero || last_odd));
  std::string kept = digits.substr(0, k);
  if (kept.empty()) kept = "0";
  if (up) {
    size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9') kept[--i] = '0';
    if (i == 0) kept.insert(kept.begin(), '1');
    else ++kept[i - 1];
  }
  std::string text = kept + "e" + std::to_string(-ndigits);
  double v = 0;
  auto pr = std::from_chars(text.data(), text.data() + text.size(), v);
  if (pr.ec == std::errc::result_out_of_range || std::isinf(v)) {
    *overflow = true;
    return x;
  }
  return std::copysign(v, x);
}

// ---- hex --------------------------------------------------------------------------------------

std::string float_hex(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  std::string out = std::signbit(x) ? "-" : "";
  if (x == 0) return out + "0x0.0p+0";
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int biased = static_cast<int>((bits >> 52) & 0x7FF);
  uint64_t frac = bits & ((uint64_t{1} << 52) - 1);
  char buf[48];
  std::snprintf(buf, sizeof buf, "0x%d.%013llxp%+d", biased ? 1 : 0, static_cast<unsigned long long>(frac),
                biased ? biased - 1023 : -1022);
  return out + buf;
}

std::optional<Error> float_fromhex(std::string_view s, double* out) {
  auto invalid = [] { return std::optional<Error>(Error{ErrorKind::Value, "invalid hexadecimal floating-point string"}); };
  auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (equals_nocase(s, "inf") || equals_nocase(s, "infinity") || equals_nocase(s, "nan")) {
    double v = lower(s[0]) == 'n' ? std::fabs(std::nan("")) : HUGE_VAL;
    *out = negative ? -v : v;
    return std::nullopt;
  }
  if (s.size() >= 2 && s[0] == '0' && lower(s[1]) == 'x') s.remove_prefix(2);
  auto hexval = [](char c) { c = lower(c); return is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1; };
  std::string hex;  // all mantissa digits, integer and fraction parts
  size_t pos = 0, frac_len = 0;
  for (; pos < s.size() && hexval(s[pos]) >= 0; ++pos) hex += s[pos];
  if (pos < s.size() && s[pos] == '.') {
    for (++pos; pos < s.size() && hexval(s[pos]) >= 0; ++pos, ++frac_len) hex += s[pos];
  }
  if (hex.empty()) return invalid();
  int64_t exp = 0;
  if (pos < s.size() && lower(s[pos]) == 'p') {
    ++pos;
    bool exp_negative = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) exp_negative = s[pos++] == '-';
    size_t start = pos;
    for (; pos < s.size() && is_digit(s[pos]); ++pos)
      exp = std::min<int64_t>(exp * 10 + (s[pos] - '0'), int64_t{1} << 40);  // saturate
    if (pos == start) return invalid();
    if (exp_negative) exp = -exp;
  }
  // CPython reports overflow before it looks for trailing junk, so the junk check comes last.
  bool junk = pos != s.size();
  size_t first = hex.find_first_not_of('0');
  if (first == std::string::npos) {
    if (junk) return invalid();
    *out = negative ? -0.0 : 0.0;
    return std::nullopt;
  }
  // The first 15 significant hex digits (60 bits) plus a sticky bit for the rest are enough
  // to round correctly to 53 bits.
  size_t n = hex.size() - first, take = std::min<size_t>(n, 15);
  uint64_t acc = 0;
  for (size_t i = 0; i < take; ++i) acc = acc * 16 + static_cast<uint64_t>(hexval(hex[first + i]));
  bool sticky = hex.find_first_not_of('0', first + take) != std::string::npos;
  int64_t e2 = exp - 4 * static_cast<int64_t>(frac_len) + 4 * static_cast<int64_t>(n - take);
  int bits = 64 - __builtin_clzll(acc);
  int64_t msb = e2 + bits - 1;  // value lies in [2**msb, 2**(msb+1))
  auto too_large = [] {
    return std::optional<Error>(Error{ErrorKind::Overflow, "hexadecimal value too large to represent as a float"});
  };
  if (msb > 1023) return too_large();
  int64_t keep = msb >= -1022 ? 53 : msb + 1075;  // significant bits available (subnormals: fewer)
  double v;
  if (keep < 0) {
    v = 0.0;
  } else {
    int64_t shift = bits - keep;
    uint64_t m = acc;
    if (shift > 0) {
      uint64_t half = uint64_t{1} << (shift - 1);
      uint64_t low = acc & ((half << 1) - 1);
      m = shift >= 64 ? 0 : acc >> shift;
      bool above = low > half || (low == half && sticky);
      if (low >= half && (above || (m & 1))) ++m;
      e2 += shift;
    }
    v = std::ldexp(static_cast<double>(m), static_cast<int>(e2));
    if (std::isinf(v)) return too_large();
  }
  if (junk) return invalid();
  *out = negative ? -v : v;
  return std::nullopt;
}

}  // namespace gilpy::numfmt
