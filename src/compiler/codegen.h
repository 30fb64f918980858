// Code generation: one CodeUnit per scope being compiled. Statements and
// expressions are emitted into a flat instruction list with symbolic labels
// and pseudo-instructions (handler set-up markers); assemble.cpp resolves
// labels, computes stack depths, builds the exception table and the
// positions table, and creates the Code object.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "bytecode/opcodes.h"
#include "compiler/symtable.h"
#include "compiler/unparse.h"
#include "gc/heap.h"
#include "objects/code.h"
#include "parser/ast.h"
#include "parser/parser.h"

namespace gilpy::compiler {

using bytecode::Op;

// Inside Compiler methods returning bool: unwrap a Result or fail the compile.
#define TRY_NULL(expr)                                          \
  ({                                                            \
    auto _tn = (expr);                                          \
    if (_tn.is_err()) {                                         \
      failed_ = true;                                           \
      if (err_.msg.empty()) err_.msg = "code object too large"; \
      return false;                                             \
    }                                                           \
    _tn.release();                                              \
  })

// Pseudo-op: marks where a handler becomes active (its depth is the stack
// depth here). Never reaches the final code.
constexpr uint8_t PSEUDO_SETUP = 255;

struct Label {
  int id = -1;
};

// The position of an implicit `return None` before assembly: "no location
// yet" (line -2; after assembly every instruction has a real one or line -1).
inline constexpr Position kInheritPosition{-2, -2, -1, -1};
// A loop's closing jump or an if's jump over its else, which CPython marks
// artificial (ADDOP_JUMP_NOLINE, UNSET_LOC): it takes the
// position of the instruction before it, or none when a jump lands on it
// (assemble.cpp: place_artificial_positions).
inline constexpr Position kArtificialPosition{-3, -3, -1, -1};

struct Instr {
  uint8_t op;
  uint32_t arg;
  int target = -1;   // label id for jumps
  int handler = -1;  // index into CodeUnit::handlers, -1 if none
  Position pos;
};

struct HandlerDef {
  int label;
  int setup_index = -1;  // instruction index of the PSEUDO_SETUP
  int adjust = 0;        // handler depth = depth at the set-up + adjust (with: -1)
  bool lasti = false;    // entered with [.., lasti, exc]: a cleanup whose RERAISE n restores lasti
  bool is_try = false;   // a try statement's own set-up (kept as a NOP for its line: assemble.cpp)
};

enum class FBlockKind { WhileLoop, ForLoop, AsyncForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith,
                        HandlerCleanup, PopValue, ExceptionHandler };

struct FBlock {
  FBlockKind kind;
  Label start, exit;
  const ast::Node* node = nullptr;   // FinallyTry: the Try node (finalbody); HandlerCleanup: handler
  std::string name;                  // HandlerCleanup: bound exception name
  int handler_depth = 0;             // size of the handler stack when the block was pushed
};

struct CodeUnit {
  Scope* scope = nullptr;
  std::string name, qualname;
  std::vector<Instr> code;
  std::vector<int> labels;  // label id -> instruction index
  std::vector<HandlerDef> handlers;
  std::vector<int> handler_stack;
  std::vector<FBlock> fblocks;
  gc::Vector<Value> consts;
  std::vector<std::string> names;
  std::map<std::string, int> name_index;
  std::vector<std::string> varnames, cellvars, freevars;
  std::map<std::string, int> var_index, cell_index, free_index;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  uint32_t flags = 0;
  int firstlineno = 1;
  Position cur_pos{1, 1, 0, 0};
  Value docstring;
  bool in_async_generator = false;
  bool aug_add_load = false;  // the next load is the left operand of INPLACE_ADD_FAST
};

// CodeUnits hold Values (constants, docstring) in collector memory, so the
// units themselves live in uncollectable (scanned, explicitly freed) memory:
// a malloc'd unit would hide those Values from the collector.
struct UnitDeleter {
  void operator()(CodeUnit* u) const {
    u->~CodeUnit();
    GC_FREE(u);
  }
};
using UnitPtr = std::unique_ptr<CodeUnit, UnitDeleter>;

int binop_arg_of(ast::operator_t op);                // bytecode::BinOp of an AST operator
uint32_t temp_hint(const ast::expr* e, uint32_t bit);  // bytecode::ARG_TEMP_* for an operand

class Compiler {
 public:
  // flags: CO_FUTURE_* features and PyCF_* options of compile(); optimize:
  // the level in force (0, 1 or 2).
  Compiler(std::string_view source, Str* filename, uint32_t flags, int optimize)
      : source_(source), filename_(filename), optimize_(optimize), flags_(flags) {}
  Result<Code*> compile_module(const ast::Node* root, parser::Mode mode);

 private:
  friend struct Assembler;
  // ---- units and emission -------------------------------------------------------------
  void enter_unit(Scope* scope, const std::string& name, const ast::Node* node);
  Result<Code*> leave_unit();  // assemble the current unit and pop it
  CodeUnit& u() { return *units_.back(); }
  void emit(Op op, uint32_t arg = 0);
  void emit_jump(Op op, Label target);
  Label new_label();
  void bind(Label l);
  int add_const(Value v);
  int add_name(const std::string& n);
  void load_const(Value v) { emit(bytecode::LOAD_CONST, uint32_t(add_const(v))); }
  void load_none();
  // `return None` at the end of a body, with no location of its own: the
  // assembler gives it its predecessor's (place_exit_positions).
  void implicit_return();
  void set_pos(const ast::Node* n);
  // CPython 3.11's update_start_location_to_match_attr: an attribute access
  // spanning lines is located at the attribute name (`(\n a\n .b)` -> `b`).
  void set_attr_pos(const ast::Attribute* a);
  bool apply_decorators(const std::vector<ast::expr*>& decorators);
  static Position attr_position(Position p, const ast::Attribute* a);
  void push_handler(Label l, int adjust = 0, bool lasti = false);
  void pop_handler();
  std::string qualname_for(const std::string& name);

  // ---- errors ----------------------------------------------------------------------------
  bool error(const ast::Node* n, std::string msg);
  bool failed_ = false;
  CompileErrorInfo err_;

  // ---- statements (codegen_stmt.cpp) -----------------------------------------------------
  bool stmts(const std::vector<ast::stmt*>& body);
  bool stmt(ast::stmt* s);
  bool function_def(ast::stmt* s);
  bool class_def(ast::ClassDef* c);
  bool return_stmt(ast::Return* r);
  bool assign(ast::Assign* a);
  bool aug_assign(ast::AugAssign* a);
  bool ann_assign(ast::AnnAssign* a);
  bool for_stmt(ast::For* f, bool is_async);
  bool while_stmt(ast::While* w);
  bool if_stmt(ast::If* i);
  bool with_stmt(ast::With* w, size_t item, bool is_async);
  bool try_stmt(ast::Try* t, bool star);  // star: try-except* (the TryStar node)
  bool try_except(ast::Try* t, bool star);
  bool except_clauses(ast::Try* t, Label end);       // after PUSH_EXC_INFO
  bool except_star_clauses(ast::Try* t, Label end);
  bool try_finally(ast::Try* t, bool star);
  bool raise_stmt(ast::Raise* r);
  bool assert_stmt(ast::Assert* a);
  bool import_stmt(ast::Import* i);
  bool import_from(ast::ImportFrom* i);
  bool delete_target(ast::expr* e);
  bool break_continue(ast::stmt* s, bool is_break);
  bool unwind_fblock(FBlock& b, bool preserve_tos);
  bool unwind_fblock_stack(bool preserve_tos, FBlock** loop);
  bool call_exit_with_nones();
  bool body_with_docstring(const std::vector<ast::stmt*>& body, bool is_module);
  bool make_closure(Code* code, uint32_t flags, const std::string& qualname);

  // ---- match statements (codegen_match.cpp) ------------------------------------------------
  friend struct PatternCompiler;
  bool match_stmt(ast::Match* m);

  // ---- expressions (codegen_expr.cpp) ------------------------------------------------------
  bool expr(ast::expr* e);        // depth-guarded (compile_too_deep)
  bool expr_inner(ast::expr* e);
  int expr_depth_ = 0;
  bool exprs(const std::vector<ast::expr*>& es) { for (auto* e : es) if (!expr(e)) return false; return true; }
  bool name_op(const std::string& name, ast::expr_context ctx, const ast::Node* n);
  std::string mangle(const std::string& name);
  bool store(ast::expr* target);
  bool unpack_target(const std::vector<ast::expr*>& elts, const ast::Node* n);
  bool call(ast::Call* c);
  bool call_args(const std::vector<ast::expr*>& args, const std::vector<ast::keyword*>& kws, int extra_pos,
                 const ast::Node* n);
  bool compare(ast::Compare* c);
  bool boolop(ast::BoolOp* b);
  bool jump_if(ast::expr* e, bool cond, Label target);
  bool sequence_display(const std::vector<ast::expr*>& elts, Op build, Op append, Op extend, bool to_tuple);
  bool dict_display(ast::Dict* d);
  bool joined_str(ast::JoinedStr* j);
  bool formatted_value(ast::FormattedValue* f);
  bool comprehension(ast::expr* e);
  bool comp_generator(const std::vector<ast::comprehension*>& gens, size_t gi, ast::expr* elt, ast::expr* val,
                      ast::Kind kind, int depth);
  bool lambda(ast::Lambda* l);
  bool yield_from_loop(bool await);
  bool subscript(ast::Subscript* s);
  bool slice(ast::Slice* s);
  bool function_prologue_defaults(ast::arguments* args, uint32_t* flags);
  bool annotations(ast::arguments* args, ast::expr* returns, uint32_t* flags);
  Value constant_value(const ast::ConstantValue& c) { return constant_to_value(c); }
  bool annotation_value(ast::expr* e);  // push the annotation (or its text, under PEP 563)
  bool iterable(ast::expr* e);  // a for / comprehension iterable or `in` operand

  // ---- constant folding (fold.cpp) ---------------------------------------------------------
  Value fold(ast::expr* e, int depth = 0);  // the constant e folds to, or null
  Value fold_sequence(const std::vector<ast::expr*>& elts, bool frozen, int depth);
  Value fold_iterable(ast::expr* e);
  std::unordered_set<const ast::Node*> unfoldable_;

  // ---- compile-time warnings (compile_warnings.cpp) -----------------------------------------
  bool warn(const ast::Node* n, const std::string& msg);  // false: compilation fails
  Type* literal_type(ast::expr* e, bool* constant = nullptr);  // *constant: it folded
  bool check_compare(ast::Compare* c);
  bool check_caller(ast::Call* call);
  bool check_subscript(ast::Subscript* s);
  bool raised_ = false;  // a warning filter raised something other than SyntaxWarning

  std::string_view source_;
  Str* filename_;
  int optimize_ = 0;  // 1: no asserts, __debug__ is False; 2: also no docstrings
  SymbolTable st_;
  std::vector<UnitPtr> units_;
  parser::Mode mode_ = parser::Mode::Exec;
  uint32_t flags_ = 0;              // compile() flags plus the module's future features
  bool future_annotations_ = false;  // PEP 563: annotations are stored as their source text
  int future_lineno_ = -1;           // last line of the future block (later ones are errors)
  bool top_level_await_ = false;     // PyCF_ALLOW_TOP_LEVEL_AWAIT: the module may await
  void mark_top_level_coroutine(Code* code);
};

}  // namespace gilpy::compiler
