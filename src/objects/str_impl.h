// Internal to the str method files (str_methods.cpp, str_methods2.cpp, str_format.cpp).
#pragma once
#include <string>
#include <string_view>

#include "objects/str.h"
#include "runtime/object.h"

namespace gilpy::strimpl {

// CPython's "find() takes at least 1 argument (0 given)" arity wording (nargs excludes self).
Status arity(const char* fname, int64_t nargs, int64_t min, int64_t max);
// "str.join() takes exactly one argument (0 given)" / "str.upper() takes no arguments (1 given)".
Status exact_args(const char* qualname, int64_t nargs, int64_t n);
// "replace expected at least 2 arguments, got 0" (CPython's _PyArg_CheckPositional).
Status positional(const char* fname, int64_t nargs, int64_t min, int64_t max);
// A str argument or TypeError "<prefix>must be str, not int".
Result<Str*> str_arg(Value v, const char* prefix = "");

// The Unicode whitespace test str.split()/strip() use (includes \x1c-\x1f, \x85, \xa0).
bool is_str_space(uint32_t cp);
// repr() text of a str (CPython's quoting and escaping rules). ascii_only: ascii() rules.
std::string repr_text(Str* s, bool ascii_only);

// Full lower-casing of s (final sigma included) appended to out; shared by lower/capitalize/title.
void lower_into(Str* s, std::string& out);

void add_methods2(Type* t);       // str_methods2.cpp
void add_format_methods(Type* t); // str_format.cpp
Result<Value> percent_format(Str* fmt, Value args);  // str % args

}  // namespace gilpy::strimpl
