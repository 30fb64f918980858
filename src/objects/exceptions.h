// BaseException and its builtin subclasses; traceback objects.
#pragma once
#include "runtime/errors.h"
#include "runtime/object.h"

namespace gilpy {

struct Tuple;
struct Frame;

struct BaseExc : Object {
  Dict* dict;
  Tuple* args;
  Value traceback;  // traceback object or null (None to Python)
  Value cause;      // __cause__ or null
  Value context;    // __context__ or null
  bool suppress_context;
};

struct Traceback : Object {
  Value next;   // Traceback or null
  Frame* frame;
  int32_t lasti;   // tb_lasti: a byte offset, 2 per instruction
  int32_t lineno;
};

inline bool is_exception(Value v) { return has_layout(v, Layout::Exception); }
inline BaseExc* as_exc(Value v) { return v.as<BaseExc>(); }
Value exc_new(Type* t, Tuple* args);  // instantiate without running Python __init__
// Prepend a traceback entry for frame f at instruction ip.
void exc_add_traceback(Value exc, Frame* f, int ip);
Traceback* traceback_new(Value next, Frame* f, int lasti, int lineno);
Result<Str*> exc_str(Value exc);  // str(exc)
struct List;
// except* (PEP 654): what a try-except* statement re-raises, from the
// exception it caught and the list of exceptions its clauses raised or
// re-raised plus the unhandled rest (CPython's _PyExc_PrepReraiseStar);
// None when nothing is left.
Result<Value> exc_prep_reraise_star(Value orig, List* excs);
void init_exception_types();

}  // namespace gilpy
