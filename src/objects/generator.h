// Generators, coroutines and async generators: a suspended frame plus the
// send/throw/close protocol.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Frame;
struct Function;
struct Str;

struct Generator : Object {
  Dict* dict;
  Frame* frame;
  Str* name;
  Str* qualname;
  Value handled;      // saved exc_info while suspended
  Value origin;       // coroutines: cr_origin, ((filename, lineno, funcname), ...) innermost first, or null
  bool running;
  bool hooks_inited;  // async generators: firstiter hook called
  bool closed_async;  // async generators: aclose() completed
  bool finalizable;   // a collector finalizer is registered (gen_finalizer)
  Value ag_finalizer;  // async generators: sys's finalizer hook when first iterated
};

Generator* generator_new(Frame* f, Function* fn);
// Resume with `v` (or throw when `exc` is set). On return sets *done=true and
// gives the return value; on yield *done=false and gives the yielded value.
// Suspended in an await/yield from (its delegate is cr_await / gi_yieldfrom).
bool gen_is_delegating(Generator* g);
Result<Value> gen_resume(Generator* g, Value v, Value exc, bool* done);
Result<Value> gen_send(Generator* g, Value v);  // StopIteration on return
Result<Value> gen_throw(Generator* g, Value exc);
Status gen_close(Generator* g);
// What the collector's finalizer does, now and once (frame.clear()): close a
// suspended generator, warn that an unstarted coroutine was never awaited;
// errors are reported as unraisable.
void gen_finalize_now(Generator* g);
inline bool is_generator_like(Value v) {
  return has_layout(v, Layout::Generator) || has_layout(v, Layout::Coroutine) || has_layout(v, Layout::AsyncGenerator);
}

}  // namespace gilpy
