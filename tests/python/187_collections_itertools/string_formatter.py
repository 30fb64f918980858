# _string: the format-string parsers, directly and through string.Formatter.
import _string
for s in ["a{{b", "a}}b", "{0}", "x{a.b[c]!r:>{w}}y", "{}", "{:}", "{!s}", "abc", "", "{a", "a}",
          "{0!}", "{0!rr}", "}}", "{{", "{0:{1:{2}}}", "{0!r:}", "{[}]}", "é{ü!r:ä}x", "{"]:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for s in ["a.b[c][0].d", "", "0", "0.x", "a[", "a[0]x", "[0]", "a.", ".a", "a..b", "10[2]", "a[]"]:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), list(rest))
    except ValueError as e:
        print(repr(s), "ValueError", e)
it = _string.formatter_parser("ab{0}{")
print(next(it))
try:
    next(it)
except ValueError as e:
    print(e)
