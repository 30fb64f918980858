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
  auto fail = [&](const stmt* s, std::string msg) {
    err->msg = std::move(msg);
    err->lineno = s->lineno;
    err->col = s->col_offset;
    err->end_lineno = s->end_lineno;
    err->end_col = s->end_col_offset;
    return false;
  };
  // The block ends at the first other statement; a future import after it
  // on that same line (`import x; from __future__ import y`) is reported
  // here, later ones by codegen.
  bool done = false;
  int prev_line = 0;
  for (size_t k = 0; k < body->size(); k++) {
    const stmt* s = (*body)[k];
    if (done && s->lineno > prev_line) break;
    prev_line = s->lineno;
    if (is_future_import(s)) {
      if (done) {
        fail(s, "from __future__ imports must occur at the beginning of the file");
        err->col--;  // CPython reports this one at col_offset, one column early
        return false;
      }
      auto* im = static_cast<const ImportFrom*>(s);
      for (const alias* a : im->names) {
        const Feature* found = nullptr;
        for (const Feature& f : kFeatures)
          if (a->name == f.name) found = &f;
        if (!found)
          return fail(s, a->name == "braces" ? "not a chance" : "future feature " + a->name + " is not defined");
        out->flags |= found->flag;
      }
      out->last_lineno = im->lineno;
      continue;
    }
    // A leading string constant is the docstring and may precede the block.
    auto* e = as<Expr>(s);
    auto* c = e ? as<Constant>(e->value) : nullptr;
    if (k == 0 && c && c->value.kind == ConstantValue::Kind::Str) continue;
    done = true;
  }
  return true;
}

}  // namespace gilpy::compiler
