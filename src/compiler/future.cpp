// `from __future__ import ...`: which features a module turns on, and the
// SyntaxErrors CPython gives for bad future statements.
//
// The future block is the module's first statements: an optional docstring,
// then any number of `from __future__ import` statements. Only features of
// that block count; a future import anywhere after it is a SyntaxError
// (checked by codegen's import_from against `last_lineno`). In 3.11 all
// features but `annotations` (PEP 563) and the `barry_as_FLUFL` joke are
// mandatory and only accepted.
#include "compiler/future.h"

#include "bytecode/opcodes.h"

namespace gilpy::compiler {

using namespace ast;
using namespace bytecode;

namespace {

// Each feature name and the code flag it sets (0: always on in 3.11).
struct Feature {
  const char* name;
  uint32_t flag;
};
constexpr Feature kFeatures[] = {
    {"nested_scopes", 0},    {"generators", 0},      {"division", 0},
    {"absolute_import", 0},  {"with_statement", 0},  {"print_function", 0},
    {"unicode_literals", 0}, {"barry_as_FLUFL", CO_FUTURE_BARRY_AS_BDFL},
    {"generator_stop", 0},   {"annotations", CO_FUTURE_ANNOTATIONS},
};

bool is_future_import(const stmt* s) {
  auto* im = as<ImportFrom>(s);
  return im && im->module && *im->module == "__future__";
}

}  // namespace

bool scan_future(const Node* root, FutureFeatures* out, CompileErrorInfo* err) {
  const std::vector<stmt*>* body = nullptr;
  if (auto* m = as<Module>(root)) body = &m->body;
  else if (auto* i = as<Interactive>(root)) body = &i->body;
  if (!body) return true;
  size_t k = 0;
  // A leading string constant is the docstring and may precede the block.
  if (k < body->size()) {
    auto* e = as<Expr>((*body)[k]);
    auto* c = e ? as<Constant>(e->value) : nullptr;
    if (c && c->value.kind == ConstantValue::Kind::Str) k++;
  }
  for (; k < body->size() && is_future_import((*body)[k]); k++) {
    auto* im = static_cast<const ImportFrom*>((*body)[k]);
    for (const alias* a : im->names) {
      const Feature* found = nullptr;
      for (const Feature& f : kFeatures)
        if (a->name == f.name) found = &f;
      if (!found) {
        err->msg = a->name == "braces" ? "not a chance" : "future feature " + a->name + " is not defined";
        err->lineno = im->lineno;
        err->col = im->col_offset;
        err->end_lineno = im->end_lineno;
        err->end_col = im->end_col_offset;
        return false;
      }
      out->flags |= found->flag;
    }
    out->last_lineno = im->lineno;
  }
  return true;
}

}  // namespace gilpy::compiler
