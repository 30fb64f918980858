// Symbol tables: which scope each name belongs to. A first pass over the AST
// builds one Scope per module, class, function, lambda and comprehension;
// `resolve` then classifies every name as local, cell, free, global
// (explicit or implicit), exactly as CPython's symtable does.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parser/ast.h"

namespace gilpy::compiler {

enum class ScopeKind { Module, Class, Function, Lambda, Comprehension };

enum SymFlags : uint32_t {
  DEF_LOCAL = 1,        // assigned in this scope
  DEF_PARAM = 2,        // a parameter
  DEF_GLOBAL = 4,       // `global` statement
  DEF_NONLOCAL = 8,     // `nonlocal` statement
  USE = 16,             // read in this scope
  DEF_IMPORT = 32,      // bound by an import (without DEF_LOCAL)
  DEF_ANNOT = 64,       // annotated name (class/module __annotations__)
  DEF_COMP_ITER = 128,  // comprehension iteration variable
  AUG_ADD = 256,        // target of `name += ...` (see INPLACE_ADD_FAST)
  DEF_COMP_WALRUS = 512,  // a comprehension's `name := ...` target (bound in the enclosing scope)
};
// Bound in its scope: assignment, parameter or import (an import is
// DEF_IMPORT alone, as in CPython, so that `import x` then `global x` is
// allowed as CPython allows it).
constexpr uint32_t DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

enum class Binding { Local, Cell, Free, GlobalExplicit, GlobalImplicit };

struct CompileErrorInfo {
  bool recursion = false;  // RecursionError instead of SyntaxError (compile_too_deep)
  std::string msg;
  int lineno = 0, col = 0, end_lineno = 0, end_col = 0;
};

struct Scope {
  ScopeKind kind;
  std::string name;
  const ast::Node* node = nullptr;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  std::map<std::string, uint32_t> symbols;
  std::map<std::string, Binding> bindings;   // filled by resolve
  std::map<std::string, const ast::Node*> directive_stmt;  // each name's first global/nonlocal statement (errors)
  std::vector<std::string> params;           // in order
  std::vector<std::string> varnames;         // params first, then other locals in first-seen order
  bool is_generator = false;
  bool is_coroutine = false;
  bool has_varargs = false, has_varkw = false;
  bool needs_class_cell = false;     // class scope: a method uses super()/__class__
  bool uses_class_cell = false;      // function scope: refers to __class__
  bool child_free_class = false;
  bool has_annotations = false;      // module/class body has annotated assignments
  std::vector<std::string> order;    // names in first-seen order
  std::set<std::string> classfree;   // class scope: free names passed through to methods
  Binding lookup(const std::string& n) const;
};

class SymbolTable {
 public:
  // Build and resolve. On error returns false with `error` filled.
  // top_level_await: the module scope may await (PyCF_ALLOW_TOP_LEVEL_AWAIT);
  // it is then marked is_coroutine so codegen accepts async constructs there.
  bool build(const ast::Node* root, bool is_module_like, bool top_level_await = false);
  Scope* scope_for(const ast::Node* n) const;
  Scope* root() const { return root_.get(); }
  CompileErrorInfo error;
  bool future_annotations = false;  // set before build(): annotations are stored as text
  // Set before build() by the _symtable module, never for compilation: the
  // tables as CPython's symtable pass leaves them. Symbols are entered in
  // its visiting order (a def's name before its defaults, annotations and
  // decorators; a class's name before its bases; try's else before its
  // handlers), so `order` and the children's order are CPython's; `x += 1`
  // adds no USE; a comprehension's
  // `name := ...` marks only the innermost comprehension (DEF_NONLOCAL, or
  // DEF_GLOBAL at module level, plus DEF_LOCAL) and the module gets
  // DEF_GLOBAL rather than DEF_LOCAL; and the checks CPython leaves to its
  // compiler ('return'/'yield'/'await' outside function, 'break' outside
  // loop...) are not made. `varnames` is then meaningless for codegen.
  bool cpython_view = false;

 private:
  std::unique_ptr<Scope> root_;
  std::map<const ast::Node*, Scope*> by_node_;
  friend struct SymtableVisitor;
};

}  // namespace gilpy::compiler
