// Number formatting and parsing with CPython 3.11's exact results and error messages: float
// repr, the format-spec mini-language (format(), str.format, f-strings) for float, int and str,
// printf-style float conversions, float()/int() text parsing, round(x, n), float.hex/fromhex.
// Pure functions over the C++ standard library; no dependency on the rest of gilpy.
//
// Errors are returned, never thrown: a Formatted/optional<Error> carries the exception kind and
// CPython's message text, and the caller raises it. Strings are UTF-8.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gilpy::numfmt {

enum class ErrorKind { Value, Overflow };  // ValueError / OverflowError

struct Error {
  ErrorKind kind = ErrorKind::Value;
  std::string message;
};

struct Formatted {
  std::string text;              // valid when !error
  std::optional<Error> error;
  bool ok() const noexcept { return !error; }
};

// ---- Floats as text ---------------------------------------------------------------------------

// repr(float): shortest round-trip digits; exponent notation when the decimal exponent is < -4
// or >= 16; "inf", "-inf", "nan", "-0.0"; a ".0" whenever the fixed form is integral.
std::string float_repr(double x);

// ---- Format-spec mini-language ----------------------------------------------------------------
// [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]

struct FormatSpec {
  uint32_t fill = ' ';     // a code point
  char align = '>';        // resolved: '<' '>' '^' '='; the type's default when none was given
  char sign = 0;           // 0 (none given), '+', '-', ' '
  bool no_neg_zero = false;  // the 3.11 'z' flag
  bool alternate = false;    // '#'
  int64_t width = -1;        // -1: none
  char grouping = 0;         // 0, ',' or '_'
  int64_t precision = -1;    // -1: none
  uint32_t type = 0;         // a code point; the default_type when none was given (0 = none)
};

// Parses `spec` as CPython does for an object whose __format__ has the given default type:
// 's' for str (default alignment '<'), 'd' for int, 0 for float (default alignment '>').
// The '0' flag sets fill '0' (unless a fill was given) and, for numbers without an explicit
// alignment, alignment '='. type_name ("int", "bool", a subclass name...) appears in messages.
std::optional<Error> parse_format_spec(std::string_view spec, FormatSpec& out, uint32_t default_type,
                                       std::string_view type_name);

// format(x, spec) for floats: types e E f F g G n % and none. 'n' uses the C locale (no
// grouping; gilpy has no locale support).
Formatted format_float(double x, const FormatSpec& spec, std::string_view type_name = "float");

// Produces the magnitude of an integer in the given base (2, 8, 10 or 16) as lowercase digits
// without sign or prefix, e.g. "ff" for base 16. Lets big integers be formatted without this
// library knowing their representation; called at most once per format_int.
using DigitsFn = std::function<std::string(int base)>;

// format(n, spec) for ints: types b c d o x X n and none. For e E f F g G % the value is
// converted to float (correctly rounded, from its decimal digits) and formatted with
// format_float; an int too large for a float gives OverflowError
// "int too large to convert to float".
Formatted format_int(bool negative, const DigitsFn& digits, const FormatSpec& spec,
                     std::string_view type_name = "int");
Formatted format_int(int64_t value, const FormatSpec& spec, std::string_view type_name = "int");

// format(s, spec) for str: width and precision count code points.
Formatted format_str(std::string_view utf8, const FormatSpec& spec, std::string_view type_name = "str");

// Convenience: parse + format in one call.
Formatted format_float(double x, std::string_view spec);
Formatted format_int(int64_t value, std::string_view spec);
Formatted format_str(std::string_view utf8, std::string_view spec);

// ---- printf-style ('%' operator) float conversions --------------------------------------------

struct PrintfSpec {
  bool left = false;       // '-'
  bool plus = false;       // '+'
  bool space = false;      // ' '
  bool alternate = false;  // '#'
  bool zero = false;       // '0' (ignored with '-')
  int width = -1;
  int precision = -1;      // -1: the default, 6
  char type = 'f';         // e E f F g G; %r/%s of a float are float_repr()
};
std::string format_float_printf(double x, const PrintfSpec& spec);

// ---- Parsing ----------------------------------------------------------------------------------

// float(text) on text the caller has already stripped of surrounding whitespace (Unicode
// whitespace, per str.strip()) and converted with unicode::decimal_and_space_to_ascii. Accepts
// [sign] digits with single underscores between digits, '.', exponent; "inf", "infinity", "nan"
// in any case with a sign. Out-of-range values give inf or 0.0 as CPython does. No hex.
bool parse_float(std::string_view text, double* out) noexcept;
// "could not convert string to float: '...'" with the repr of the caller's original text.
std::string float_parse_error(std::string_view original_text, bool (*printable)(uint32_t) = nullptr);

// int(text, base) validation on stripped, ASCII-converted text (as for parse_float). base is 0
// or 2..36 (the caller raises "int() base must be >= 2 and <= 36, or 0" otherwise). Handles the
// sign, 0x/0o/0b prefixes (for base 0 or the matching base), single underscores between digits
// (and right after a prefix), and base 0's rule that a nonzero decimal may not start with '0'.
// On success: the lowercase digits without underscores (for mpz_set_str), the effective base,
// and the sign. The caller also enforces sys.int_info's str-digits limit.
bool parse_int_literal_text(std::string_view text, int base, std::string* clean_digits,
                            int* detected_base, bool* negative);
// "invalid literal for int() with base 10: '...'" (the repr truncated to 200 characters).
std::string int_literal_error(std::string_view original_text, int base,
                              bool (*printable)(uint32_t) = nullptr);

// Python's repr() of a str given as UTF-8. With printable == nullptr every non-ASCII code point
// counts as printable (kept as is); pass unicode::is_printable for CPython's exact escaping.
std::string repr_str(std::string_view utf8, bool (*printable)(uint32_t) = nullptr);

// ---- round, hex --------------------------------------------------------------------------------

// round(x, ndigits) for floats: the exact decimal value of x rounded half-even at 10**-ndigits,
// then converted back correctly rounded. inf/nan/0 come back unchanged. Sets *overflow (the
// caller raises OverflowError "rounded value too large to represent") when the result is not
// representable. round(x) with no ndigits (returning an int) is the caller's.
double round_double(double x, int ndigits, bool* overflow) noexcept;

// float.hex(): "0x1.8000000000000p+1", "-0x0.0p+0", "inf", "nan".
std::string float_hex(double x);
// float.fromhex(): surrounding ASCII whitespace allowed; ValueError
// "invalid hexadecimal floating-point string" or OverflowError
// "hexadecimal value too large to represent as a float".
std::optional<Error> float_fromhex(std::string_view text, double* out);

}  // namespace gilpy::numfmt
