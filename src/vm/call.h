// Entry points into the VM for calls and code execution.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Function;
struct Builtin;
struct Code;
struct Dict;
struct Tuple;
struct Frame;

// Call a Python function: bind arguments into a new frame and run it (or
// create the generator/coroutine object for generator code).
Result<Value> call_function(Function* f, Value* args, int64_t nargs, Tuple* kwnames);
Result<Value> call_builtin_bound(Builtin* b, Value* args, int64_t nargs, Tuple* kwnames);
// Run module-level or exec() code with the given namespaces.
Result<Value> run_code(Code* code, Dict* globals, Value locals);
// Run a frame until it returns or yields. For generator frames, *yielded
// tells which (the frame's state is Suspended after a yield).
Result<Value> eval_frame(Frame* f, bool throwing = false);

}  // namespace gilpy
