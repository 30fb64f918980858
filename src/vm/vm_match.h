// Runtime halves of the pattern-matching opcodes (MATCH_MAPPING,
// MATCH_SEQUENCE, MATCH_KEYS, MATCH_CLASS), following CPython 3.11's ceval.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Tuple;

// Would a mapping / sequence pattern consider `v`? (CPython: the
// Py_TPFLAGS_MAPPING / Py_TPFLAGS_SEQUENCE type flags.)
Result<bool> match_is_mapping(Value v);
Result<bool> match_is_sequence(Value v);
// Looks every key up with map.get(key, sentinel). *values is a tuple of the
// values, or null when some key is missing. ValueError for repeated keys.
Status match_keys(Value map, Tuple* keys, Value* values);
// isinstance(subject, cls) plus the attributes named by __match_args__[:nargs]
// and `names`. *attrs is their tuple, or null when the match fails.
Status match_class(Value subject, Value cls, int64_t nargs, Tuple* names, Value* attrs);

}  // namespace gilpy
