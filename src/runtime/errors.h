// Raising Python exceptions from C++.
//
// raise_*() store a new exception in the thread state and return ERR, so the
// idiom is `return raise(tp_TypeError, "...")`. Message texts follow CPython
// 3.11 wording; the shared formats live in runtime/messages.h.
#pragma once
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilpy {

// Builtin exception types, created in objects/exceptions.cpp.
#define GILPY_EXCEPTION_TYPES(X)                                                   \
  X(BaseException, BaseException) X(BaseExceptionGroup, BaseException)            \
  X(Exception, BaseException) X(GeneratorExit, BaseException)                      \
  X(KeyboardInterrupt, BaseException) X(SystemExit, BaseException)                 \
  X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError)             \
  X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError)          \
  X(AssertionError, Exception) X(AttributeError, Exception)                        \
  X(BufferError, Exception) X(EOFError, Exception) X(ExceptionGroup, BaseExceptionGroup)    \
  X(ImportError, Exception) X(ModuleNotFoundError, ImportError)                    \
  X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError)    \
  X(MemoryError, Exception) X(NameError, Exception)                                \
  X(UnboundLocalError, NameError) X(OSError, Exception)                            \
  X(BlockingIOError, OSError) X(ChildProcessError, OSError)                        \
  X(ConnectionError, OSError) X(BrokenPipeError, ConnectionError)                  \
  X(ConnectionAbortedError, ConnectionError) X(ConnectionRefusedError, ConnectionError) \
  X(ConnectionResetError, ConnectionError) X(FileExistsError, OSError)             \
  X(FileNotFoundError, OSError) X(InterruptedError, OSError)                       \
  X(IsADirectoryError, OSError) X(NotADirectoryError, OSError)                     \
  X(PermissionError, OSError) X(ProcessLookupError, OSError)                       \
  X(TimeoutError, OSError) X(ReferenceError, Exception)                            \
  X(RuntimeError, Exception) X(NotImplementedError, RuntimeError)                  \
  X(RecursionError, RuntimeError) X(StopAsyncIteration, Exception)                 \
  X(StopIteration, Exception) X(SyntaxError, Exception)                            \
  X(IndentationError, SyntaxError) X(TabError, IndentationError)                   \
  X(SystemError, Exception) X(TypeError, Exception) X(ValueError, Exception)       \
  X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError)                  \
  X(UnicodeEncodeError, UnicodeError) X(UnicodeTranslateError, UnicodeError)       \
  X(Warning, Exception) X(BytesWarning, Warning) X(DeprecationWarning, Warning)    \
  X(EncodingWarning, Warning) X(FutureWarning, Warning) X(ImportWarning, Warning)  \
  X(PendingDeprecationWarning, Warning) X(ResourceWarning, Warning)                \
  X(RuntimeWarning, Warning) X(SyntaxWarning, Warning) X(UnicodeWarning, Warning)  \
  X(UserWarning, Warning)

#define GILPY_DECLARE_EXC(n, base) extern Type* tp_##n;
GILPY_EXCEPTION_TYPES(GILPY_DECLARE_EXC)
#undef GILPY_DECLARE_EXC

Err raise(Type* type, std::string_view msg);
Err raise_fmt(Type* type, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
Err raise_value(Value exc);  // an instance (or a class, instantiated with no args)
Err raise_with_args(Type* type, Value* args, size_t n);
Err raise_memory_error();       // MemoryError() (never throws: a spare instance if need be)
void init_spare_memory_error();  // at start-up, after the exception types
Err raise_errno(int err, Value filename = Value());  // OSError subclass chosen by errno
Err raise_stop_iteration(Value v);
// NameError / AttributeError carrying .name (and .obj), which the traceback
// printer uses for "Did you mean: ...?" suggestions.
Err raise_name_error(Str* name);
Err raise_attribute_error(Value obj, Str* name);  // "'T' object has no attribute 'x'"

bool exc_pending();
bool exc_matches(Type* t);  // pending exception is an instance of t
Value exc_fetch();          // take the pending exception (clears it)
void exc_clear();
void exc_restore(Value e);
// CPython's _PyErr_ChainExceptions: an exception raised while cleaning up
// after `prev` (close() after a failed flush()) gets prev as its __context__;
// with nothing pending, prev itself is raised again. Always returns ERR.
Err exc_chain_pending(Value prev);

// The type name used in messages: "'int' object ..." etc.
// The type's name as CPython's error messages print it (its tp_name): "module.Name" for types
// that native modules define (datetime.date, collections.deque), the bare name for builtins and
// for classes made by class statements.
const char* type_name(Value v);
const char* type_name_of(Type* t);
// warnings.warn_explicit(msg, category, filename, lineno): ERR if a filter made it an exception.
Status warn_explicit(Type* category, std::string_view msg, Str* filename, int lineno);
// warnings.warn(msg, category, stacklevel) (CPython's PyErr_WarnEx).
Status warn(Type* category, std::string_view msg, int stacklevel = 1);

}  // namespace gilpy
