// Placeholders for the _ast bridge (compile(..., PyCF_ONLY_AST) and compiling
// AST objects): raise until the _ast module lands (docs/status.md).
#include "objects/str.h"
#include "parser/parser.h"
#include "runtime/errors.h"

namespace gilpy {

Result<Value> ast_from_source(std::string_view, Str*, parser::Mode) {
  return raise(tp_NotImplementedError, "compile() to an AST is not supported yet");
}
Result<Value> compile_ast_object(Value, Str*, parser::Mode) {
  return raise(tp_TypeError, "compile() arg 1 must be a string, bytes or AST object");
}

}  // namespace gilpy
