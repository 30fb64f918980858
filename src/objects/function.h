// Python functions, bound methods, cells, and builtin (native) functions.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Code;
struct Tuple;
struct Dict;
struct Str;

struct Function : Object {
  Dict* dict;
  Code* code;
  Dict* globals;
  Value builtins;      // as Frame::builtins (a dict in the common case)
  Tuple* defaults;     // or null
  Dict* kwdefaults;    // or null
  Tuple* closure;      // tuple of cells, or null
  Str* name;
  Str* qualname;
  Value doc;
  Value annotations;   // dict or null
  Value module;
};

struct Cell : Object {
  Value ref;  // null when empty
};

struct BoundMethod : Object {
  Value func;
  Value self;
};

// Native calling convention: args[0..nargs) positional, followed by one value
// per name in kwnames (a tuple of str, or null). For methods, args[0] is self.
using NativeFn = Result<Value> (*)(Value* args, int64_t nargs, Tuple* kwnames);
// What check_native_args checks before calling a native method (besides the
// dunders it knows by name): nothing (the method parses its own arguments), or
// CPython's METH_NOARGS / METH_O (no keywords; none / exactly one positional).
enum class Arity : uint8_t { Unchecked, NoArgs, O };

struct Builtin : Object {
  NativeFn fn;
  Str* name;
  Value self;         // bound receiver passed as args[0], or null
  Value module_obj;   // the module a module-level function belongs to (its __self__)
  Value module;       // __module__
  const char* doc;
  Type* owner;        // for method descriptors: the type defining it
  Arity arity;        // a fixed count checked by check_native_args (CPython's METH_NOARGS / METH_O)
  // Whether keywords are refused, read once from the text signature the first
  // time a call passes any (0: not looked up yet, 1: accepted or unknown,
  // 2: positional-only: "X() takes no keyword arguments", as CPython's
  // METH_O / METH_VARARGS functions say).
  uint8_t kw_refused;
};

Function* function_new(Code* code, Dict* globals, Str* qualname);
// CPython's _PyEval_BuiltinsFromGlobals: the globals' __builtins__ (a module
// stands for its dict; anything else is used as it is), else the running
// frame's builtins, else the interpreter's builtins dict.
Value builtins_from_globals(Dict* globals);
Cell* cell_new(Value v);
Value method_new(Value func, Value self);
Builtin* builtin_new(const char* name, NativeFn fn, Value self = Value(), const char* doc = nullptr);
// A native method stored in a type's dict; binds like a function.
Builtin* method_descr_new(Type* owner, const char* name, NativeFn fn, const char* doc = nullptr);

inline bool is_function(Value v) { return has_layout(v, Layout::Function); }
// A native method in a type's dict that binds like a function: a
// method_descriptor, or a wrapper_descriptor (a dunder slot, CPython's
// "slot wrapper"). Both call fn with self as args[0].
inline bool is_method_descr_type(Type* t) { return t == tp_method_descriptor || t == tp_wrapper_descriptor; }
// A callable native (builtin_function_or_method, or method-wrapper: a bound
// slot wrapper such as (1).__add__).
inline bool is_builtin_type(Type* t) { return t == tp_builtin_function_or_method || t == tp_method_wrapper; }
// A native method (slot wrapper, method descriptor, or either bound to `self`)
// called with `nargs` arguments besides self: CPython's TypeError when the count
// does not fit a slot wrapper (wrap_binaryfunc's "expected 1 argument, got 0",
// no keywords...) or a dunder CPython defines as METH_NOARGS/METH_O
// ("list.__sizeof__() takes no arguments (1 given)"), or a method whose arity
// says METH_NOARGS / METH_O ("list.clear() takes no arguments (1 given)").
// Other methods check their own arguments.
Status check_native_args(Builtin* b, Value self, int64_t nargs, Tuple* kwnames);

}  // namespace gilpy
