// Code generation for things that create code objects: functions, lambdas,
// classes and comprehensions.
#include "compiler/codegen.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace gilpy::compiler {

using namespace bytecode;
using namespace ast;

// Push the closure tuple (if the code has free variables) and make the function.
bool Compiler::make_closure(Code* code, uint32_t flags, const std::string&) {
  if (code->nfrees) {
    CodeUnit& cu = u();
    for (int64_t i = 0; i < code->freevars->size; i++) {
      std::string n(as_str(code->freevars->items[i])->view());
      int idx;
      auto c = cu.cell_index.find(n);
      if (c != cu.cell_index.end()) {
        idx = c->second;
      } else {
        auto f = cu.free_index.find(n);
        if (f == cu.free_index.end()) return error(nullptr, "internal error: no closure cell for '" + n + "'");
        idx = int(cu.cellvars.size()) + f->second;
      }
      emit(LOAD_CLOSURE, uint32_t(idx));
    }
    emit(BUILD_TUPLE, uint32_t(code->nfrees));
    flags |= MF_CLOSURE;
  }
  load_const(Value(code));
  emit(MAKE_FUNCTION, flags);
  return true;
}

// No parameter may be called __debug__ (CPython's compiler_check_debug_args).
static bool has_debug_arg(const arguments* args) {
  auto named = [](const arg* a) { return a && a->arg == "__debug__"; };
  for (const auto* list : {&args->posonlyargs, &args->args, &args->kwonlyargs})
    for (const arg* a : *list)
      if (named(a)) return true;
  return named(args->vararg) || named(args->kwarg);
}

bool Compiler::function_prologue_defaults(arguments* args, uint32_t* flags) {
  if (has_debug_arg(args)) {  // reported at the current statement, as CPython does
    error(nullptr, "cannot assign to __debug__");
    const Position& p = u().cur_pos;
    err_.lineno = p.line;
    err_.col = p.col;
    err_.end_lineno = p.end_line;
    err_.end_col = p.end_col;
    return false;
  }
  if (!args->defaults.empty()) {
    if (!exprs(args->defaults)) return false;
    emit(BUILD_TUPLE, uint32_t(args->defaults.size()));
    *flags |= MF_DEFAULTS;
  }
  size_t nkw = 0;
  for (size_t i = 0; i < args->kwonlyargs.size(); i++) {
    if (!args->kw_defaults[i]) continue;
    load_const(Value(str_intern(mangle(args->kwonlyargs[i]->arg))));
    if (!expr(args->kw_defaults[i])) return false;
    nkw++;
  }
  if (nkw) {
    emit(BUILD_MAP, uint32_t(nkw));
    *flags |= MF_KWDEFAULTS;
  }
  return true;
}

bool Compiler::annotations(arguments* args, ast::expr* returns, uint32_t* flags) {
  size_t n = 0;
  auto one = [&](arg* a) -> bool {
    if (!a || !a->annotation) return true;
    load_const(Value(str_intern(mangle(a->arg))));
    if (!annotation_value(a->annotation)) return false;
    n++;
    return true;
  };
  for (arg* a : args->posonlyargs) if (!one(a)) return false;
  for (arg* a : args->args) if (!one(a)) return false;
  if (!one(args->vararg)) return false;
  for (arg* a : args->kwonlyargs) if (!one(a)) return false;
  if (!one(args->kwarg)) return false;
  if (returns) {
    load_const(Value(str_intern("return")));
    if (!annotation_value(returns)) return false;
    n++;
  }
  if (n) {
    emit(BUILD_MAP, uint32_t(n));
    *flags |= MF_ANNOTATIONS;
  }
  return true;
}

static void set_arg_counts(CodeUnit& cu, arguments* a) {
  cu.posonlyargcount = int(a->posonlyargs.size());
  cu.argcount = int(a->posonlyargs.size() + a->args.size());
  cu.kwonlyargcount = int(a->kwonlyargs.size());
  if (a->vararg) cu.flags |= CO_VARARGS;
  if (a->kwarg) cu.flags |= CO_VARKEYWORDS;
}

static uint32_t scope_flags(Scope* s) {
  uint32_t f = CO_OPTIMIZED | CO_NEWLOCALS;
  if (s->is_generator && s->is_coroutine) f |= CO_ASYNC_GENERATOR;
  else if (s->is_generator) f |= CO_GENERATOR;
  else if (s->is_coroutine) f |= CO_COROUTINE;
  if (s->parent && s->parent->kind != ScopeKind::Module) f |= CO_NESTED;
  return f;
}

// Decorators apply innermost first; each call is located at its decorator
// expression (a failing decorator's traceback line is the `@` line).
bool Compiler::apply_decorators(const std::vector<ast::expr*>& decorators) {
  for (size_t i = decorators.size(); i-- > 0;) {
    set_pos(decorators[i]);
    emit(CALL, 1);
  }
  return true;
}

bool Compiler::function_def(ast::stmt* s) {
  bool is_async = s->kind == Kind::AsyncFunctionDef;
  auto* f = static_cast<FunctionDef*>(s);  // FunctionDef and AsyncFunctionDef share a layout
  for (ast::expr* d : f->decorator_list) {
    if (!expr(d)) return false;
    set_pos(d);  // the decorator's line (no line event for the def line in between)
    emit(PUSH_NULL);
  }
  set_pos(s);
  uint32_t flags = 0;
  if (!function_prologue_defaults(f->args, &flags)) return false;
  if (!annotations(f->args, f->returns, &flags)) return false;
  Scope* sc = st_.scope_for(f);
  enter_unit(sc, f->name, f);
  CodeUnit& cu = u();
  // A decorated definition starts at its first decorator (co_firstlineno,
  // so inspect.getsource shows the decorators), as in CPython 3.8+.
  if (!f->decorator_list.empty()) cu.firstlineno = f->decorator_list[0]->lineno;
  set_arg_counts(cu, f->args);
  cu.flags |= scope_flags(sc);
  if (is_async) cu.scope->is_coroutine = true;
  // The docstring is co_consts[0] (None when absent), as in CPython.
  size_t start = 0;
  if (!f->body.empty()) {
    if (auto* e = as<Expr>(f->body[0])) {
      if (auto* c = as<Constant>(e->value); c && c->value.kind == ConstantValue::Kind::Str) {
        if (optimize_ < 2) {  // -OO: no docstring (co_consts[0] is None)
          cu.docstring = constant_value(c->value);
          add_const(cu.docstring);
        }
        start = 1;
      }
    }
  }
  if (!cu.docstring) add_const(None());
  std::vector<ast::stmt*> rest(f->body.begin() + long(start), f->body.end());
  if (!stmts(rest)) return false;
  implicit_return();
  Code* code = TRY_NULL(leave_unit());
  set_pos(s);
  if (!make_closure(code, flags, f->name)) return false;
  if (!apply_decorators(f->decorator_list)) return false;
  set_pos(s);
  return name_op(f->name, expr_context::Store, s);
}

bool Compiler::lambda(Lambda* l) {
  uint32_t flags = 0;
  if (!function_prologue_defaults(l->args, &flags)) return false;
  Scope* sc = st_.scope_for(l);
  enter_unit(sc, "<lambda>", l);
  CodeUnit& cu = u();
  set_arg_counts(cu, l->args);
  cu.flags |= scope_flags(sc);
  add_const(None());  // no docstring
  if (!expr(l->body)) return false;
  emit(RETURN_VALUE);
  Code* code = TRY_NULL(leave_unit());
  set_pos(l);
  return make_closure(code, flags, "<lambda>");
}

bool Compiler::class_def(ClassDef* c) {
  for (ast::expr* d : c->decorator_list) {
    if (!expr(d)) return false;
    set_pos(d);  // the decorator's line (no line event for the def line in between)
    emit(PUSH_NULL);
  }
  set_pos(c);
  emit(LOAD_BUILD_CLASS);
  emit(PUSH_NULL);
  Scope* sc = st_.scope_for(c);
  enter_unit(sc, c->name, c);
  CodeUnit& cu = u();
  if (!c->decorator_list.empty()) cu.firstlineno = c->decorator_list[0]->lineno;
  cu.flags = 0;
  emit(LOAD_NAME, uint32_t(add_name("__name__")));
  emit(STORE_NAME, uint32_t(add_name("__module__")));
  load_const(Value(str_new(cu.qualname)));
  emit(STORE_NAME, uint32_t(add_name("__qualname__")));
  if (sc->has_annotations) emit(SETUP_ANNOTATIONS);
  if (!body_with_docstring(c->body, false)) return false;
  // The return is artificial (CPython: UNSET_LOC): each way into it reports
  // the line it came from (assemble.cpp: place_exit_positions).
  u().cur_pos = kInheritPosition;
  if (sc->needs_class_cell) {
    emit(LOAD_CLOSURE, uint32_t(cu.cell_index["__class__"]));
    emit(COPY, 1);
    emit(STORE_NAME, uint32_t(add_name("__classcell__")));
  } else {
    load_none();
  }
  emit(RETURN_VALUE);
  Code* code = TRY_NULL(leave_unit());
  set_pos(c);
  if (!make_closure(code, 0, c->name)) return false;
  load_const(Value(str_intern(c->name)));
  if (!call_args(c->bases, c->keywords, 2, c)) return false;
  if (!apply_decorators(c->decorator_list)) return false;
  set_pos(c);
  return name_op(c->name, expr_context::Store, c);
}

// ---- comprehensions --------------------------------------------------------------------------
bool Compiler::comprehension(ast::expr* e) {
  const std::vector<ast::comprehension*>* gens;
  ast::expr* elt = nullptr;
  ast::expr* val = nullptr;
  const char* name;
  switch (e->kind) {
    case Kind::ListComp: gens = &static_cast<ListComp*>(e)->generators; elt = static_cast<ListComp*>(e)->elt; name = "<listcomp>"; break;
    case Kind::SetComp: gens = &static_cast<SetComp*>(e)->generators; elt = static_cast<SetComp*>(e)->elt; name = "<setcomp>"; break;
    case Kind::DictComp:
      gens = &static_cast<DictComp*>(e)->generators;
      elt = static_cast<DictComp*>(e)->key;
      val = static_cast<DictComp*>(e)->value;
      name = "<dictcomp>";
      break;
    default: gens = &static_cast<GeneratorExp*>(e)->generators; elt = static_cast<GeneratorExp*>(e)->elt; name = "<genexpr>"; break;
  }
  Scope* sc = st_.scope_for(e);
  bool outer_async = u().scope->is_coroutine || u().scope->kind == ScopeKind::Comprehension;
  bool is_async_comp = sc->is_coroutine;
  if (is_async_comp && e->kind != Kind::GeneratorExp && !outer_async && u().scope->kind != ScopeKind::Comprehension)
    return error(e, "asynchronous comprehension outside of an asynchronous function");
  enter_unit(sc, name, e);
  CodeUnit& cu = u();
  cu.argcount = 1;
  cu.flags |= scope_flags(sc);
  if (e->kind != Kind::GeneratorExp) cu.flags &= ~uint32_t(CO_GENERATOR | CO_ASYNC_GENERATOR);
  if (e->kind != Kind::GeneratorExp && is_async_comp) cu.flags |= CO_COROUTINE;
  if (e->kind == Kind::GeneratorExp) cu.flags = (cu.flags & ~uint32_t(CO_COROUTINE)) | (is_async_comp ? CO_ASYNC_GENERATOR : CO_GENERATOR);
  switch (e->kind) {
    case Kind::ListComp: emit(BUILD_LIST, 0); break;
    case Kind::SetComp: emit(BUILD_SET, 0); break;
    case Kind::DictComp: emit(BUILD_MAP, 0); break;
    default: break;
  }
  if (!comp_generator(*gens, 0, elt, val, e->kind, 0)) return false;
  if (e->kind == Kind::GeneratorExp) load_none();
  emit(RETURN_VALUE);
  Code* code = TRY_NULL(leave_unit());
  set_pos(e);
  if (!make_closure(code, 0, name)) return false;
  emit(PUSH_NULL);
  if (!iterable((*gens)[0]->iter)) return false;
  emit((*gens)[0]->is_async ? GET_AITER : GET_ITER);
  emit(CALL, 1);
  if (is_async_comp && e->kind != Kind::GeneratorExp) {
    emit(GET_AWAITABLE, 0);
    load_none();
    if (!yield_from_loop(true)) return false;
  }
  return true;
}

// Emit the loop for generator gi; `depth` counts the iterators on the stack
// above the result container (for LIST_APPEND/SET_ADD/MAP_ADD offsets).
bool Compiler::comp_generator(const std::vector<ast::comprehension*>& gens, size_t gi, ast::expr* elt,
                              ast::expr* val, Kind kind, int depth) {
  ast::comprehension* g = gens[gi];
  Label start = new_label(), end = new_label(), anext_cleanup = new_label();
  if (gi == 0) {
    emit(LOAD_FAST, 0);  // .0: the first iterator, passed in
  } else {
    if (!iterable(g->iter)) return false;
    emit(g->is_async ? GET_AITER : GET_ITER);
  }
  bind(start);
  if (g->is_async) {
    push_handler(anext_cleanup);
    emit(GET_ANEXT);
    load_none();
    if (!yield_from_loop(true)) return false;
    pop_handler();
  } else {
    emit_jump(FOR_ITER, end);
  }
  if (!store(g->target)) return false;
  for (ast::expr* cond : g->ifs)
    if (!jump_if(cond, false, start)) return false;
  if (gi + 1 < gens.size()) {
    if (!comp_generator(gens, gi + 1, elt, val, kind, depth + 1)) return false;
  } else {
    int off = depth + 2;  // container below all iterators (+1 for this level's iterator)
    switch (kind) {
      case Kind::ListComp: if (!expr(elt)) return false; emit(LIST_APPEND, uint32_t(off)); break;
      case Kind::SetComp: if (!expr(elt)) return false; emit(SET_ADD, uint32_t(off)); break;
      case Kind::DictComp:
        if (!expr(elt) || !expr(val)) return false;
        emit(MAP_ADD, uint32_t(off));
        break;
      default:
        if (!expr(elt)) return false;
        if (u().flags & CO_ASYNC_GENERATOR) emit(ASYNC_GEN_WRAP);
        emit(YIELD_VALUE);
        emit(POP_TOP);
        break;
    }
  }
  emit_jump(JUMP_BACKWARD, start);
  if (g->is_async) {
    bind(anext_cleanup);
    emit(END_ASYNC_FOR);
  } else {
    bind(end);
  }
  return true;
}

}  // namespace gilpy::compiler
