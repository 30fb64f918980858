// Symbol-table construction and name resolution (see symtable.h).
#include "compiler/symtable.h"
#include "compiler/compile.h"

#include <algorithm>
#include <set>

namespace gilpy::compiler {

using namespace ast;

Binding Scope::lookup(const std::string& n) const {
  auto it = bindings.find(n);
  if (it != bindings.end()) return it->second;
  return kind == ScopeKind::Module || kind == ScopeKind::Class ? Binding::GlobalImplicit : Binding::GlobalImplicit;
}

struct SymtableVisitor {
  SymbolTable& st;
  Scope* cur = nullptr;
  bool failed = false;
  int loop_depth = 0;
  // Inside an except* clause of the current function: break/continue that
  // would leave it (no loop entered since: loop_depth == star_loop_depth)
  // and return are errors, reported before 'break' outside loop as CPython's
  // compiler does.
  bool in_except_star = false;
  int star_loop_depth = 0;
  static constexpr const char* kExceptStarExit = "'break', 'continue' and 'return' cannot appear in an except* block";

  bool fail(const Node* n, std::string msg) {
    if (!failed) {
      failed = true;
      st.error.msg = std::move(msg);
      if (n) {
        st.error.lineno = n->lineno;
        st.error.col = n->col_offset;
        st.error.end_lineno = n->end_lineno;
        st.error.end_col = n->end_col_offset;
      }
    }
    return false;
  }

  Scope* push(ScopeKind k, std::string name, const Node* n) {
    auto s = std::make_unique<Scope>();
    s->kind = k;
    s->name = std::move(name);
    s->node = n;
    s->parent = cur;
    Scope* raw = s.get();
    st.by_node_[n] = raw;
    if (cur) cur->children.push_back(std::move(s));
    else st.root_ = std::move(s);
    cur = raw;
    return raw;
  }
  void pop() { cur = cur->parent; }

  // An annotation is evaluated in the enclosing scope, except under
  // `from __future__ import annotations`, where it is only stored as text:
  // its names then bind nothing (CPython gives it a block of its own), and
  // what only makes sense when evaluated is an error there.
  void visit_annotation(expr* e) {
    if (!st.future_annotations) {
      visit_expr(e);
      return;
    }
    check_stored_annotation(e, 0);
  }
  void check_stored_annotation(Node* n, int depth) {
    if (failed || !n) return;
    if (compile_too_deep(depth)) {
      failed = true;
      st.error.recursion = true;
      st.error.msg = "maximum recursion depth exceeded during compilation";
      return;
    }
    const char* what = nullptr;
    switch (n->kind) {
      case Kind::Yield: case Kind::YieldFrom: what = "yield expression"; break;
      case Kind::Await: what = "await expression"; break;
      case Kind::NamedExpr: what = "named expression"; break;
      case Kind::Lambda: return;  // its body is a scope of its own
      case Kind::ListComp: case Kind::SetComp: case Kind::DictComp: case Kind::GeneratorExp: {
        // Only the first iterable is evaluated in the annotation's block.
        std::vector<ast::comprehension*>* gens;
        if (auto* c = as<ListComp>(n)) gens = &c->generators;
        else if (auto* c = as<SetComp>(n)) gens = &c->generators;
        else if (auto* c = as<DictComp>(n)) gens = &c->generators;
        else gens = &static_cast<GeneratorExp*>(n)->generators;
        if (!gens->empty()) check_stored_annotation((*gens)[0]->iter, depth + 1);
        return;
      }
      default: break;
    }
    if (what) {
      fail(n, std::string("'") + what + "' can not be used within an annotation");
      return;
    }
    for_each_child(n, [&](Node* c) { check_stored_annotation(c, depth + 1); });
  }

  // The key a name has in the current scope: private names mangled by the
  // enclosing class (__x in class C is _C__x), as CPython's symtable keys
  // them; codegen looks names up mangled too.
  std::string key(const std::string& name) const { return private_name(cur, name); }

  // Messages name the name as written (CPython's wording uses the source name).
  void add(const std::string& raw, uint32_t flag, const Node* n) {
    if (cur == comp_target_scope) flag |= DEF_COMP_ITER;
    const std::string name = key(raw);
    auto [it, fresh] = cur->symbols.emplace(name, 0);
    if (fresh) cur->order.push_back(name);
    uint32_t old = it->second;
    if ((flag & DEF_PARAM) && (old & DEF_PARAM)) {
      fail(n, "duplicate argument '" + raw + "' in function definition");
      return;
    }
    it->second |= flag;
    if ((flag & DEF_BOUND) && cur->kind != ScopeKind::Module && cur->kind != ScopeKind::Class) {
      if (std::find(cur->varnames.begin(), cur->varnames.end(), name) == cur->varnames.end() && !(old & (DEF_GLOBAL | DEF_NONLOCAL)) && !(flag & DEF_PARAM))
        cur->varnames.push_back(name);
    }
  }

  // ---- statements --------------------------------------------------------------
  void body(const std::vector<stmt*>& b) { for (stmt* s : b) visit_stmt(s); }

  void visit_args(arguments* a) {
    // Defaults and annotations are evaluated in the enclosing scope.
    for (expr* d : a->defaults) visit_expr(d);
    for (expr* d : a->kw_defaults) if (d) visit_expr(d);
    auto annot = [&](arg* x) { if (x && x->annotation) visit_annotation(x->annotation); };
    for (arg* x : a->posonlyargs) annot(x);
    for (arg* x : a->args) annot(x);
    annot(a->vararg);
    if (st.cpython_view) {
      annot(a->kwarg);  // CPython's symtable takes **kwargs' before the keyword-only ones
      for (arg* x : a->kwonlyargs) annot(x);
      return;
    }
    for (arg* x : a->kwonlyargs) annot(x);
    annot(a->kwarg);
  }

  void declare_params(arguments* a) {
    auto param = [&](arg* x) {
      add(x->arg, DEF_PARAM, x);
      cur->params.push_back(key(x->arg));
      cur->varnames.push_back(key(x->arg));
    };
    for (arg* x : a->posonlyargs) param(x);
    for (arg* x : a->args) param(x);
    for (arg* x : a->kwonlyargs) param(x);
    if (a->vararg) { param(a->vararg); cur->has_varargs = true; }
    if (a->kwarg) { param(a->kwarg); cur->has_varkw = true; }
    // Reorder: positional, kw-only, then *args, **kwargs (CPython's co_varnames order).
    std::vector<std::string> p;
    for (arg* x : a->posonlyargs) p.push_back(key(x->arg));
    for (arg* x : a->args) p.push_back(key(x->arg));
    for (arg* x : a->kwonlyargs) p.push_back(key(x->arg));
    if (a->vararg) p.push_back(key(a->vararg->arg));
    if (a->kwarg) p.push_back(key(a->kwarg->arg));
    cur->params = p;
    cur->varnames = p;
  }

  void function(const Node* n, const std::string& name, arguments* args, const std::vector<stmt*>& b,
                const std::vector<expr*>& decos, expr* returns, bool is_async) {
    if (st.cpython_view) {
      add(name, DEF_LOCAL, n);
      visit_args(args);
      if (returns) visit_annotation(returns);
      for (expr* d : decos) visit_expr(d);
    } else {
      for (expr* d : decos) visit_expr(d);
      visit_args(args);
      if (returns) visit_annotation(returns);
      add(name, DEF_LOCAL, n);
    }
    int saved = loop_depth;
    bool saved_star = in_except_star;
    loop_depth = 0;
    in_except_star = false;
    push(ScopeKind::Function, name, n);
    cur->is_coroutine = is_async;
    declare_params(args);
    body(b);
    pop();
    loop_depth = saved;
    in_except_star = saved_star;
  }

  void visit_stmt(stmt* s) {
    if (failed) return;
    switch (s->kind) {
      case Kind::FunctionDef: {
        auto* f = static_cast<FunctionDef*>(s);
        function(f, f->name, f->args, f->body, f->decorator_list, f->returns, false);
        break;
      }
      case Kind::AsyncFunctionDef: {
        auto* f = static_cast<AsyncFunctionDef*>(s);
        function(f, f->name, f->args, f->body, f->decorator_list, f->returns, true);
        break;
      }
      case Kind::ClassDef: {
        auto* c = static_cast<ClassDef*>(s);
        if (st.cpython_view) {
          add(c->name, DEF_LOCAL, c);
          for (expr* b : c->bases) visit_expr(b);
          for (keyword* k : c->keywords) visit_expr(k->value);
          for (expr* d : c->decorator_list) visit_expr(d);
        } else {
          for (expr* d : c->decorator_list) visit_expr(d);
          for (expr* b : c->bases) visit_expr(b);
          for (keyword* k : c->keywords) visit_expr(k->value);
          add(c->name, DEF_LOCAL, c);
        }
        int saved = loop_depth;
        bool saved_star = in_except_star;
        loop_depth = 0;
        in_except_star = false;
        push(ScopeKind::Class, c->name, c);
        body(c->body);
        pop();
        loop_depth = saved;
        in_except_star = saved_star;
        break;
      }
      case Kind::Return: {
        auto* r = static_cast<Return*>(s);
        if (st.cpython_view) {
          if (r->value) visit_expr(r->value);
          break;
        }
        if (cur->kind != ScopeKind::Function && cur->kind != ScopeKind::Lambda) { fail(s, "'return' outside function"); return; }
        if (in_except_star) {
          // CPython's compiler is at a constant return value on the statement's line, else at the statement.
          bool at_value = r->value && r->value->kind == Kind::Constant && r->value->lineno == s->lineno;
          fail(at_value ? static_cast<const Node*>(r->value) : s, kExceptStarExit);
          return;
        }
        if (r->value) visit_expr(r->value);
        break;
      }
      case Kind::Delete: for (expr* t : static_cast<Delete*>(s)->targets) visit_expr(t); break;
      case Kind::Assign: {
        auto* a = static_cast<Assign*>(s);
        for (expr* t : a->targets) visit_expr(t);
        visit_expr(a->value);
        break;
      }
      case Kind::AugAssign: {
        auto* a = static_cast<AugAssign*>(s);
        visit_expr(a->target);
        if (auto* n = as<Name>(a->target); n && !st.cpython_view) add(n->id, a->op == operator_t::Add ? USE | AUG_ADD : USE, n);
        visit_expr(a->value);
        break;
      }
      case Kind::AnnAssign: {
        auto* a = static_cast<AnnAssign*>(s);
        if (auto* n = as<Name>(a->target)) {
          auto it = cur->symbols.find(key(n->id));
          // (At module level `global x` then `x: int` is allowed.)
          if (it != cur->symbols.end() && (it->second & (DEF_GLOBAL | DEF_NONLOCAL)) && a->simple &&
              cur != st.root_.get()) {
            fail(n, std::string("annotated name '") + n->id + "' can't be " +
                        ((it->second & DEF_GLOBAL) ? "global" : "nonlocal"));
            return;
          }
          // An annotated name is local to its scope even without a value
          // (`x: int` then `print(x)` is an UnboundLocalError).
          if (a->simple) add(n->id, DEF_ANNOT | DEF_LOCAL, n);
          if (a->value) add(n->id, DEF_LOCAL, n);
        } else {
          visit_expr(a->target);
        }
        if (cur->kind == ScopeKind::Module || cur->kind == ScopeKind::Class) cur->has_annotations = true;
        visit_annotation(a->annotation);
        if (a->value) visit_expr(a->value);
        break;
      }
      case Kind::For:
      case Kind::AsyncFor: {
        auto* f = static_cast<For*>(s);  // For and AsyncFor share a layout
        visit_expr(f->target);
        visit_expr(f->iter);
        loop_depth++;
        body(f->body);
        loop_depth--;
        body(f->orelse);
        break;
      }
      case Kind::While: {
        auto* w = static_cast<While*>(s);
        visit_expr(w->test);
        loop_depth++;
        body(w->body);
        loop_depth--;
        body(w->orelse);
        break;
      }
      case Kind::If: {
        auto* i = static_cast<If*>(s);
        visit_expr(i->test);
        body(i->body);
        body(i->orelse);
        break;
      }
      case Kind::With:
      case Kind::AsyncWith: {
        auto* w = static_cast<With*>(s);
        for (withitem* it : w->items) {
          visit_expr(it->context_expr);
          if (it->optional_vars) visit_expr(it->optional_vars);
        }
        body(w->body);
        break;
      }
      case Kind::Raise: {
        auto* r = static_cast<Raise*>(s);
        if (r->exc) visit_expr(r->exc);
        if (r->cause) visit_expr(r->cause);
        break;
      }
      case Kind::Try:
      case Kind::TryStar: {
        auto* t = static_cast<Try*>(s);
        body(t->body);
        if (st.cpython_view) body(t->orelse);
        for (excepthandler* h : t->handlers) {
          auto* eh = static_cast<ExceptHandler*>(h);
          if (eh->type) visit_expr(eh->type);
          if (eh->name) add(*eh->name, DEF_LOCAL, eh);
          bool saved_star = in_except_star;
          int saved_depth = star_loop_depth;
          if (s->kind == Kind::TryStar) {
            in_except_star = true;
            star_loop_depth = loop_depth;
          }
          body(eh->body);
          in_except_star = saved_star;
          star_loop_depth = saved_depth;
        }
        if (!st.cpython_view) body(t->orelse);
        body(t->finalbody);
        break;
      }
      case Kind::Assert: {
        auto* a = static_cast<Assert*>(s);
        visit_expr(a->test);
        if (a->msg) visit_expr(a->msg);
        break;
      }
      case Kind::Import:
      case Kind::ImportFrom: {
        const std::vector<alias*>& names =
            s->kind == Kind::Import ? static_cast<Import*>(s)->names : static_cast<ImportFrom*>(s)->names;
        for (alias* a : names) {
          if (a->name == "*") {
            if (cur->kind != ScopeKind::Module) { fail(a, "import * only allowed at module level"); return; }
            continue;
          }
          std::string bound = a->asname ? *a->asname : a->name.substr(0, a->name.find('.'));
          add(bound, DEF_IMPORT, a);
        }
        break;
      }
      case Kind::Global:
      case Kind::Nonlocal: {
        bool global = s->kind == Kind::Global;
        const auto& names = global ? static_cast<Global*>(s)->names : static_cast<Nonlocal*>(s)->names;
        for (const std::string& n : names) {
          const std::string k = key(n);
          auto it = cur->symbols.find(k);
          uint32_t f = it == cur->symbols.end() ? 0 : it->second;
          const char* what = global ? "global" : "nonlocal";
          // CPython's precedence; an import before the declaration is no error.
          if (f & DEF_PARAM) { fail(s, "name '" + n + "' is parameter and " + what); return; }
          if (f & USE) { fail(s, "name '" + n + "' is used prior to " + what + " declaration"); return; }
          if (f & DEF_ANNOT) { fail(s, "annotated name '" + n + "' can't be " + what); return; }
          if (f & DEF_LOCAL) { fail(s, "name '" + n + "' is assigned to before " + what + " declaration"); return; }
          if (!global && cur->kind == ScopeKind::Module) { fail(s, "nonlocal declaration not allowed at module level"); return; }
          // Reported at the name's first directive, as CPython's symtable does.
          if ((global && (f & DEF_NONLOCAL)) || (!global && (f & DEF_GLOBAL))) {
            fail(cur->directive_stmt.count(k) ? cur->directive_stmt[k] : s, "name '" + n + "' is nonlocal and global");
            return;
          }
          add(n, global ? DEF_GLOBAL : DEF_NONLOCAL, s);
          // As in CPython, `global x` anywhere makes the module's own x global
          // explicit: module code then stores it with STORE_GLOBAL even when
          // exec() gives it separate locals.
          if (global && cur != st.root_.get()) {
            Scope* top = st.root_.get();
            // CPython enters the name there mangled by the class it is
            // declared in (`global __g` in a method of C is _C__g).
            auto [it, fresh] = top->symbols.emplace(k, 0);
            if (fresh) top->order.push_back(it->first);
            it->second |= DEF_GLOBAL;
          }
          cur->directive_stmt.emplace(k, s);
        }
        break;
      }
      case Kind::Expr: visit_expr(static_cast<Expr*>(s)->value); break;
      case Kind::Break:
        if (st.cpython_view) break;
        if (in_except_star && loop_depth == star_loop_depth) fail(s, kExceptStarExit);
        if (!loop_depth) fail(s, "'break' outside loop");
        break;
      case Kind::Continue:
        if (st.cpython_view) break;
        if (in_except_star && loop_depth == star_loop_depth) fail(s, kExceptStarExit);
        if (!loop_depth) fail(s, "'continue' not properly in loop");
        break;
      case Kind::Pass: break;
      case Kind::Match: {
        auto* m = static_cast<Match*>(s);
        visit_expr(m->subject);
        for (match_case* c : m->cases) {
          visit_pattern(c->pattern);
          if (c->guard) visit_expr(c->guard);
          body(c->body);
        }
        break;
      }
      default: break;
    }
  }

  // Names a pattern captures are ordinary assignments in the current scope;
  // value patterns, mapping keys and class names are evaluated here too.
  void visit_pattern(pattern* p) {
    if (failed) return;
    switch (p->kind) {
      case Kind::MatchValue: visit_expr(static_cast<MatchValue*>(p)->value); break;
      case Kind::MatchSingleton: break;
      case Kind::MatchSequence: for (pattern* q : static_cast<MatchSequence*>(p)->patterns) visit_pattern(q); break;
      case Kind::MatchStar:
        if (auto& n = static_cast<MatchStar*>(p)->name) add(*n, DEF_LOCAL, p);
        break;
      case Kind::MatchMapping: {
        auto* m = static_cast<MatchMapping*>(p);
        for (expr* k : m->keys) visit_expr(k);
        for (pattern* q : m->patterns) visit_pattern(q);
        if (m->rest) add(*m->rest, DEF_LOCAL, p);
        break;
      }
      case Kind::MatchClass: {
        auto* c = static_cast<MatchClass*>(p);
        visit_expr(c->cls);
        for (pattern* q : c->patterns) visit_pattern(q);
        for (pattern* q : c->kwd_patterns) visit_pattern(q);
        break;
      }
      case Kind::MatchAs: {
        auto* a = static_cast<MatchAs*>(p);
        if (a->pattern) visit_pattern(a->pattern);
        if (a->name) add(*a->name, DEF_LOCAL, p);
        break;
      }
      case Kind::MatchOr: for (pattern* q : static_cast<MatchOr*>(p)->patterns) visit_pattern(q); break;
      default: break;
    }
  }

  // ---- expressions -----------------------------------------------------------------
  // Adds `flag` to `name` in scope s rather than the current one.
  void add_in(Scope* s, const std::string& name, uint32_t flag, const Node* n) {
    Scope* saved = cur;
    cur = s;
    add(name, flag, n);
    cur = saved;
  }

  // `name := value` as CPython's symtable enters it (cpython_view): inside a
  // comprehension the innermost comprehension declares the name nonlocal
  // (global when the binding scope is the module or declares it global) and
  // the binding scope gets DEF_LOCAL (DEF_GLOBAL for the module); then the
  // value and the target are visited as usual.
  void cpython_named_expr(NamedExpr* n) {
    auto* target = as<Name>(n->target);
    if (comp_iter_depth > 0) {
      fail(n, "assignment expression cannot be used in a comprehension iterable expression");
      return;
    }
    if (cur->kind == ScopeKind::Comprehension) {
      Scope* s = cur;
      for (; s->kind == ScopeKind::Comprehension; s = s->parent) {
        auto it = s->symbols.find(key(target->id));
        if (it != s->symbols.end() && (it->second & DEF_COMP_ITER)) {
          fail(target, "assignment expression cannot rebind comprehension iteration variable '" + target->id + "'");
          return;
        }
      }
      if (s->kind == ScopeKind::Class) {
        fail(target, "assignment expression within a comprehension cannot be used in a class body");
        return;
      }
      auto outer = s->symbols.find(key(target->id));
      bool global = s->kind == ScopeKind::Module || (outer != s->symbols.end() && (outer->second & DEF_GLOBAL));
      add(target->id, (global ? DEF_GLOBAL : DEF_NONLOCAL) | DEF_COMP_WALRUS, target);
      add_in(s, target->id, s->kind == ScopeKind::Module ? DEF_GLOBAL : DEF_LOCAL, target);
      if (failed) return;
    }
    visit_expr(n->value);
    visit_expr(n->target);
  }

  void comprehension(const Node* n, const std::vector<ast::comprehension*>& gens, expr* elt, expr* value,
                     const char* name, bool is_generator) {
    // The first iterable is evaluated in the enclosing scope.
    comp_iterable(gens[0]->iter);
    push(ScopeKind::Comprehension, name, n);
    bool is_async = false;
    cur->params.push_back(".0");
    cur->varnames.push_back(".0");
    cur->symbols[".0"] = DEF_PARAM;
    cur->order.push_back(".0");
    for (size_t i = 0; i < gens.size(); i++) {
      ast::comprehension* g = gens[i];
      if (g->is_async) is_async = true;
      comp_target(g->target);
      if (i) comp_iterable(g->iter);
      for (expr* c : g->ifs) visit_expr(c);
    }
    if (value) visit_expr(value);
    visit_expr(elt);
    cur->is_generator = is_generator;
    if (is_async) cur->is_coroutine = true;
    bool awaits = cur->is_coroutine && !is_generator;
    pop();
    // 3.11: an async list/set/dict comprehension inside another comprehension
    // makes that one async too (it is awaited where it is called); whether an
    // async function encloses them all is checked by codegen.
    if (awaits && cur->kind == ScopeKind::Comprehension) cur->is_coroutine = true;
  }

  void comp_target(expr* t) {
    if (auto* n = as<Name>(t)) {
      auto it = cur->symbols.find(key(n->id));
      if (it != cur->symbols.end() && (it->second & DEF_COMP_WALRUS)) {
        fail(n, "comprehension inner loop cannot rebind assignment expression target '" + n->id + "'");
        return;
      }
      add(n->id, DEF_LOCAL | DEF_COMP_ITER, n);
      return;
    }
    if (auto* tu = as<ast::Tuple>(t)) {
      for (expr* x : tu->elts) comp_target(x);
      return;
    }
    if (auto* li = as<ast::List>(t)) {
      for (expr* x : li->elts) comp_target(x);
      return;
    }
    if (auto* st = as<Starred>(t)) {
      comp_target(st->value);
      return;
    }
    // CPython's symtable marks every name entered while it visits a target
    // (`for x[i] in ...` too) as an iteration variable of the comprehension.
    Scope* saved = comp_target_scope;
    if (st.cpython_view) comp_target_scope = cur;
    visit_expr(t);
    comp_target_scope = saved;
  }
  Scope* comp_target_scope = nullptr;

  // A comprehension's iterable (anything in it, lambdas and nested
  // comprehensions included) may not contain an assignment expression.
  int comp_iter_depth = 0;
  void comp_iterable(expr* e) {
    ++comp_iter_depth;
    visit_expr(e);
    --comp_iter_depth;
  }

  int expr_depth = 0;

  void visit_expr(expr* e) {
    if (failed || !e) return;
    if (compile_too_deep(++expr_depth)) {
      fail(e, "maximum recursion depth exceeded during compilation");
      st.error.recursion = true;
    } else {
      visit_expr_inner(e);
    }
    --expr_depth;
  }

  void visit_expr_inner(expr* e) {
    switch (e->kind) {
      case Kind::BoolOp: for (expr* v : static_cast<BoolOp*>(e)->values) visit_expr(v); break;
      case Kind::NamedExpr: {
        auto* n = static_cast<NamedExpr*>(e);
        if (st.cpython_view) {
          cpython_named_expr(n);
          break;
        }
        visit_expr(n->value);
        auto* target = as<Name>(n->target);
        if (comp_iter_depth > 0) {
          fail(n, "assignment expression cannot be used in a comprehension iterable expression");
          return;
        }
        if (cur->kind == ScopeKind::Comprehension) {
          // The target binds in the nearest enclosing non-comprehension scope,
          // and may not be an iteration variable of any comprehension on the way.
          Scope* s = cur;
          for (; s->kind == ScopeKind::Comprehension; s = s->parent) {
            auto it0 = s->symbols.find(key(target->id));
            if (it0 != s->symbols.end() && (it0->second & DEF_COMP_ITER)) {
              fail(target, "assignment expression cannot rebind comprehension iteration variable '" + target->id + "'");
              return;
            }
          }
          if (s->kind == ScopeKind::Class) {
            fail(target, "assignment expression within a comprehension cannot be used in a class body");
            return;
          }
          // Global in the comprehensions when the scope is the module or
          // declares the name global itself; else a nonlocal of that scope.
          auto outer = s->symbols.find(key(target->id));
          bool global = s->kind == ScopeKind::Module || (outer != s->symbols.end() && (outer->second & DEF_GLOBAL));
          Scope* saved = cur;
          cur = s;
          add(target->id, DEF_LOCAL, target);
          cur = saved;
          for (Scope* c = cur; c != s; c = c->parent) {
            auto [it, fresh] = c->symbols.emplace(key(target->id), 0);
            if (fresh) c->order.push_back(it->first);
            it->second |= (global ? DEF_GLOBAL : DEF_NONLOCAL) | DEF_COMP_WALRUS;
          }
        } else {
          add(target->id, DEF_LOCAL, target);
        }
        break;
      }
      case Kind::BinOp: visit_expr(static_cast<BinOp*>(e)->left); visit_expr(static_cast<BinOp*>(e)->right); break;
      case Kind::UnaryOp: visit_expr(static_cast<UnaryOp*>(e)->operand); break;
      case Kind::Lambda: {
        auto* l = static_cast<Lambda*>(e);
        visit_args(l->args);
        push(ScopeKind::Lambda, "<lambda>", l);
        declare_params(l->args);
        visit_expr(l->body);
        pop();
        break;
      }
      case Kind::IfExp: {
        auto* i = static_cast<IfExp*>(e);
        visit_expr(i->test); visit_expr(i->body); visit_expr(i->orelse);
        break;
      }
      case Kind::Dict: {
        auto* d = static_cast<ast::Dict*>(e);
        for (expr* k : d->keys) if (k) visit_expr(k);
        for (expr* v : d->values) visit_expr(v);
        break;
      }
      case Kind::Set: for (expr* v : static_cast<ast::Set*>(e)->elts) visit_expr(v); break;
      case Kind::ListComp: { auto* c = static_cast<ListComp*>(e); comprehension(c, c->generators, c->elt, nullptr, "<listcomp>", false); break; }
      case Kind::SetComp: { auto* c = static_cast<SetComp*>(e); comprehension(c, c->generators, c->elt, nullptr, "<setcomp>", false); break; }
      case Kind::DictComp: { auto* c = static_cast<DictComp*>(e); comprehension(c, c->generators, c->key, c->value, "<dictcomp>", false); break; }
      case Kind::GeneratorExp: { auto* c = static_cast<GeneratorExp*>(e); comprehension(c, c->generators, c->elt, nullptr, "<genexpr>", true); break; }
      case Kind::Await:
        if (!st.cpython_view && ((cur->kind == ScopeKind::Module && !cur->is_coroutine) || cur->kind == ScopeKind::Class)) {
          fail(e, "'await' outside function");
          return;
        }
        if (cur->kind == ScopeKind::Comprehension) cur->is_coroutine = true;
        visit_expr(static_cast<Await*>(e)->value);
        break;
      case Kind::Yield:
      case Kind::YieldFrom: {
        if (cur->kind == ScopeKind::Module || cur->kind == ScopeKind::Class) {
          if (st.cpython_view) {
            if (e->kind == Kind::Yield) visit_expr(static_cast<Yield*>(e)->value);
            else visit_expr(static_cast<YieldFrom*>(e)->value);
            break;
          }
          fail(e, "'yield' outside function");
          return;
        }
        if (cur->kind == ScopeKind::Comprehension) {
          fail(e, std::string("'yield' inside ") + (cur->name == "<genexpr>" ? "generator expression" : cur->name == "<listcomp>" ? "list comprehension" : cur->name == "<setcomp>" ? "set comprehension" : "dict comprehension"));
          return;
        }
        if (e->kind == Kind::YieldFrom && cur->is_coroutine && !st.cpython_view) { fail(e, "'yield from' inside async function"); return; }
        cur->is_generator = true;
        if (e->kind == Kind::Yield) visit_expr(static_cast<Yield*>(e)->value);
        else visit_expr(static_cast<YieldFrom*>(e)->value);
        break;
      }
      case Kind::Compare: {
        auto* c = static_cast<Compare*>(e);
        visit_expr(c->left);
        for (expr* x : c->comparators) visit_expr(x);
        break;
      }
      case Kind::Call: {
        auto* c = static_cast<Call*>(e);
        visit_expr(c->func);
        for (expr* a : c->args) visit_expr(a);
        for (keyword* k : c->keywords) visit_expr(k->value);
        break;
      }
      case Kind::FormattedValue: {
        auto* f = static_cast<FormattedValue*>(e);
        visit_expr(f->value);
        if (f->format_spec) visit_expr(f->format_spec);
        break;
      }
      case Kind::JoinedStr: for (expr* v : static_cast<JoinedStr*>(e)->values) visit_expr(v); break;
      case Kind::Constant: break;
      case Kind::Attribute: visit_expr(static_cast<Attribute*>(e)->value); break;
      case Kind::Subscript: visit_expr(static_cast<Subscript*>(e)->value); visit_expr(static_cast<Subscript*>(e)->slice); break;
      case Kind::Starred: visit_expr(static_cast<Starred*>(e)->value); break;
      case Kind::Name: {
        auto* n = static_cast<Name*>(e);
        if (n->ctx == expr_context::Load) {
          add(n->id, USE, n);
          if (n->id == "super" && (cur->kind == ScopeKind::Function || cur->kind == ScopeKind::Lambda || cur->kind == ScopeKind::Comprehension))
            add("__class__", USE, n);
        } else {
          add(n->id, DEF_LOCAL, n);
        }
        break;
      }
      case Kind::List: for (expr* v : static_cast<ast::List*>(e)->elts) visit_expr(v); break;
      case Kind::Tuple: for (expr* v : static_cast<ast::Tuple*>(e)->elts) visit_expr(v); break;
      case Kind::Slice: {
        auto* s = static_cast<ast::Slice*>(e);
        visit_expr(s->lower); visit_expr(s->upper); visit_expr(s->step);
        break;
      }
      default: break;
    }
  }

  // A name as CPython's symtable keys it: __x inside a class (or its
  // methods) is _Class__x, as the compiler mangles it (Compiler::mangle).
  static std::string private_name(const Scope* s, const std::string& name) {
    if (name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
    if (name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
    if (name.find('.') != std::string::npos) return name;
    for (; s; s = s->parent) {
      if (s->kind != ScopeKind::Class) continue;
      size_t p = s->name.find_first_not_of('_');
      if (p == std::string::npos) return name;
      return "_" + s->name.substr(p) + name;
    }
    return name;
  }

  // ---- resolution ---------------------------------------------------------------------
  // Classify names top-down: `bound` holds names bound in enclosing function
  // scopes (visible as free variables), `globals` names declared global above.
  void resolve(Scope* s, const std::set<std::string>& bound, const std::set<std::string>& globals) {
    std::set<std::string> newbound = bound;
    std::set<std::string> newglobals = globals;
    bool is_func = s->kind == ScopeKind::Function || s->kind == ScopeKind::Lambda || s->kind == ScopeKind::Comprehension;
    for (auto& [name, f] : s->symbols) {
      Binding b;
      if (f & DEF_GLOBAL) {
        b = Binding::GlobalExplicit;
        newglobals.insert(name);
        newbound.erase(name);
      } else if (f & DEF_NONLOCAL) {
        if (!bound.count(name)) {
          auto at = s->directive_stmt.find(name);
          fail(at != s->directive_stmt.end() ? at->second : s->node,
               "no binding for nonlocal '" + private_name(s, name) + "' found");
          return;
        }
        b = Binding::Free;
      } else if (f & DEF_BOUND) {
        b = Binding::Local;
        if (is_func) { newbound.insert(name); newglobals.erase(name); }
      } else if (s->kind == ScopeKind::Class && name == "__class__" && !bound.count(name)) {
        // The class's own __class__ cell is for its methods; the body sees an
        // enclosing method's __class__, or a global.
        b = Binding::GlobalImplicit;
      } else if (bound.count(name)) {
        b = Binding::Free;
      } else if (globals.count(name)) {
        b = Binding::GlobalExplicit;
      } else {
        b = Binding::GlobalImplicit;
      }
      s->bindings[name] = b;
    }
    if (s->kind == ScopeKind::Class) newbound.insert("__class__");
    for (auto& c : s->children) {
      resolve(c.get(), s->kind == ScopeKind::Class ? class_bound(bound) : newbound,
              s->kind == ScopeKind::Class ? globals : newglobals);
      if (failed) return;
    }
    // Free names of children that are local here become cells; free names
    // not local here propagate (they are free here too).
    for (auto& c : s->children) {
      // A class's pass-through names (classfree) are free uses too.
      std::vector<std::string> free_names;
      for (auto& [name, b] : c->bindings)
        if (b == Binding::Free) free_names.push_back(name);
      for (const std::string& name : c->classfree) free_names.push_back(name);
      for (const std::string& name : free_names) {
        if (s->kind == ScopeKind::Class && name == "__class__") {
          s->needs_class_cell = true;
          continue;
        }
        auto it = s->bindings.find(name);
        if (it != s->bindings.end() && it->second == Binding::Local && is_func) {
          it->second = Binding::Cell;
        } else if (it != s->bindings.end() && (it->second == Binding::Cell || it->second == Binding::Free)) {
          // already a cell / free here
        } else if (s->kind == ScopeKind::Class && it != s->bindings.end() &&
                   (it->second == Binding::Local || it->second == Binding::GlobalExplicit)) {
          // Class-local names are invisible to methods: the method's free
          // name comes from an enclosing function, so the class passes it
          // through as a free variable while keeping its own local (or its
          // own `global` declaration, which does not reach methods either).
          s->classfree.insert(name);
        } else {
          s->bindings[name] = Binding::Free;
        }
      }
    }
    if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Lambda || s->kind == ScopeKind::Comprehension) {
      auto it = s->bindings.find("__class__");
      if (it != s->bindings.end() && it->second == Binding::Free) s->uses_class_cell = true;
    }
  }

  static std::set<std::string> class_bound(const std::set<std::string>& outer) {
    std::set<std::string> b = outer;
    b.insert("__class__");
    return b;
  }
};

Scope* SymbolTable::scope_for(const ast::Node* n) const {
  auto it = by_node_.find(n);
  return it == by_node_.end() ? nullptr : it->second;
}

bool SymbolTable::build(const ast::Node* root, bool, bool top_level_await) {
  SymtableVisitor v{*this};
  v.push(ScopeKind::Module, "<module>", root);
  v.cur->is_coroutine = top_level_await;
  if (auto* m = as<ast::Module>(root)) v.body(m->body);
  else if (auto* i = as<ast::Interactive>(root)) v.body(i->body);
  else if (auto* e = as<ast::Expression>(root)) v.visit_expr(e->body);
  if (v.failed) return false;
  v.resolve(root_.get(), {}, {});
  return !v.failed;
}

}  // namespace gilpy::compiler
