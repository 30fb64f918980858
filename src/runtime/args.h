// Argument parsing for native functions (the NativeFn convention of
// objects/function.h): positional values, then one value per keyword name.
#pragma once
#include <initializer_list>

#include "runtime/object.h"

namespace gilpy {

struct Tuple;

// Fill out[0..names.size()) from positional and keyword arguments. Parameters
// before `posonly` are positional-only, those from `kwonly` on keyword-only
// (-1: none). Missing optional ones stay null; fewer than `required`
// present raises TypeError with CPython's wording for `fname`.
Status parse_args(const char* fname, Value* args, int64_t nargs, Tuple* kwnames,
                  std::initializer_list<const char*> names, int required, Value* out,
                  int posonly = 0, int kwonly = -1);

Status no_kwargs(const char* fname, Tuple* kwnames);
// "f() takes exactly one argument (N given)" style checks for positional-only natives.
Status check_nargs(const char* fname, int64_t nargs, int64_t min, int64_t max);
int64_t nkw(Tuple* kwnames);
// A C `int` argument (argument clinic's `int` converter): any object with
// __index__; OverflowError "Python int too large to convert to C int" outside
// the C int range.
Result<int> as_c_int(Value v);

}  // namespace gilpy
