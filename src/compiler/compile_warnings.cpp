// Compile-time warnings, as CPython 3.11 issues them:
//  * from the parser: DeprecationWarning "invalid escape sequence '\d'" (and
//    "invalid octal escape sequence") for string and bytes literals;
//  * from the compiler: SyntaxWarning for `is` with a literal, calling or
//    subscripting a literal that cannot be called or subscripted ("perhaps
//    you missed a comma?"), and `assert (test, msg)`.
// They go through warnings.warn_explicit, so filters apply (-W, PYTHONWARNINGS,
// warnings.simplefilter). A warning that a filter turns into an error becomes
// a SyntaxError at the same place, as in CPython.
#include "compiler/codegen.h"
#include "compiler/compile.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/errors.h"

namespace gilpy::compiler {

using namespace ast;

Status issue_warnings(const std::vector<parser::SyntaxErrorInfo>& warnings, Str* filename) {
  for (const parser::SyntaxErrorInfo& w : warnings) {
    Type* category = w.type == "SyntaxWarning" ? tp_SyntaxWarning : tp_DeprecationWarning;
    if (warn_explicit(category, w.msg, filename, w.lineno).ok()) continue;
    if (!exc_matches(category)) return ERR;
    exc_clear();
    parser::SyntaxErrorInfo e = w;
    e.type = "SyntaxError";
    return raise_syntax_error(e);
  }
  return OK();
}

bool Compiler::warn(const ast::Node* n, const std::string& msg) {
  if (failed_) return false;
  if (warn_explicit(tp_SyntaxWarning, msg, filename_, n->lineno).ok()) return true;
  if (exc_matches(tp_SyntaxWarning)) {
    exc_clear();
    return error(n, msg);
  }
  raised_ = true;  // another exception (a filter raised it): compile_module passes it on
  failed_ = true;
  return false;
}

// The type a literal expression would have (CPython's infer_type), or null.
Type* Compiler::literal_type(ast::expr* e, bool* constant) {
  if (constant) *constant = false;
  switch (e->kind) {
    case Kind::Tuple: return tp_tuple;
    case Kind::List: case Kind::ListComp: return tp_list;
    case Kind::Dict: case Kind::DictComp: return tp_dict;
    case Kind::Set: case Kind::SetComp: return tp_set;
    case Kind::GeneratorExp: return tp_generator;
    case Kind::Lambda: return tp_function;
    case Kind::JoinedStr: case Kind::FormattedValue: return tp_str;
    default: break;
  }
  Value c = fold(e);
  if (!c) return nullptr;
  if (constant) *constant = true;
  return c.type();
}

bool Compiler::check_compare(ast::Compare* c) {
  auto literal = [&](ast::expr* e) {
    Value v = fold(e);
    return v && !is_none(v) && v != True() && v != False() && v.obj() != g_Ellipsis;
  };
  ast::expr* left = c->left;
  for (size_t i = 0; i < c->ops.size(); i++) {
    cmpop op = c->ops[i];
    ast::expr* right = c->comparators[i];
    if ((op == cmpop::Is || op == cmpop::IsNot) && (literal(left) || literal(right))) {
      return warn(c, op == cmpop::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                     : "\"is not\" with a literal. Did you mean \"!=\"?");
    }
    left = right;
  }
  return true;
}

bool Compiler::check_caller(ast::Call* call) {
  ast::expr* f = call->func;
  if (f->kind == Kind::Lambda) return true;
  Type* t = literal_type(f);
  if (!t) return true;
  return warn(call, std::string("'") + type_name_of(t) + "' object is not callable; perhaps you missed a comma?");
}

bool Compiler::check_subscript(ast::Subscript* s) {
  ast::expr* value = s->value;
  bool constant;  // folds to a constant, as CPython's optimiser makes it before these checks
  Type* vt = literal_type(value, &constant);
  if (!vt) return true;
  bool not_subscriptable = constant ? vt == tp_NoneType || vt == tp_ellipsis || vt == tp_int || vt == tp_bool ||
                                          vt == tp_float || vt == tp_complex || vt == tp_frozenset || vt == tp_set
                                    : vt == tp_set || vt == tp_generator || vt == tp_function;
  if (not_subscriptable)
    return warn(s, std::string("'") + type_name_of(vt) + "' object is not subscriptable; perhaps you missed a comma?");
  bool indexable = constant ? vt == tp_str || vt == tp_bytes || vt == tp_tuple
                            : vt == tp_tuple || vt == tp_list || vt == tp_str;
  if (!indexable || s->slice->kind == Kind::Slice) return true;
  Type* it = literal_type(s->slice);
  if (!it || it == tp_int || it == tp_bool || it == tp_slice) return true;
  return warn(s, std::string(type_name_of(vt)) + " indices must be integers or slices, not " + type_name_of(it) +
                     "; perhaps you missed a comma?");
}

}  // namespace gilpy::compiler
