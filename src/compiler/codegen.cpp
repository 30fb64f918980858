// Compiler driver: units, emission helpers, constants, compile errors.
#include "compiler/codegen.h"
#include "compiler/future.h"

#include <algorithm>
#include <cstdio>

#include "common/utf8.h"
#include "compiler/compile.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "tokenizer/tokenizer.h"

namespace gilpy::compiler {

using namespace bytecode;

bool Compiler::error(const ast::Node* n, std::string msg) {
  if (!failed_) {
    failed_ = true;
    err_.msg = std::move(msg);
    if (n) {
      err_.lineno = n->lineno;
      err_.col = n->col_offset;
      err_.end_lineno = n->end_lineno;
      err_.end_col = n->end_col_offset;
    }
  }
  return false;
}

void Compiler::enter_unit(Scope* scope, const std::string& name, const ast::Node* node) {
  UnitPtr unit(new (gc::alloc_uncollectable(sizeof(CodeUnit))) CodeUnit());
  unit->scope = scope;
  unit->name = name;
  unit->qualname = units_.empty() ? name : qualname_for(name);
  unit->firstlineno = node && node->lineno ? node->lineno : 1;
  if (!units_.empty()) unit->cur_pos = u().cur_pos;
  // Variable layout: varnames (params first), then cells, then frees (sorted, as CPython).
  bool fast = scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Lambda ||
              scope->kind == ScopeKind::Comprehension;
  if (fast) {
    for (const std::string& v : scope->varnames) {
      if (unit->var_index.count(v)) continue;
      auto b = scope->bindings.find(v);
      if (b != scope->bindings.end() && (b->second == Binding::GlobalExplicit || b->second == Binding::Free || b->second == Binding::Cell) &&
          std::find(scope->params.begin(), scope->params.end(), v) == scope->params.end())
        continue;
      unit->var_index[v] = int(unit->varnames.size());
      unit->varnames.push_back(mangle(v));  // co_varnames show private names mangled, as keyword binding needs
    }
  }
  std::vector<std::string> cells, frees;
  for (auto& [n, b] : scope->bindings) {
    if (b == Binding::Cell) cells.push_back(n);
    if (b == Binding::Free) frees.push_back(n);
  }
  if (scope->kind == ScopeKind::Class && scope->needs_class_cell) cells.push_back("__class__");
  for (const std::string& n : scope->classfree)
    if (std::find(frees.begin(), frees.end(), n) == frees.end()) frees.push_back(n);
  std::sort(cells.begin(), cells.end());
  std::sort(frees.begin(), frees.end());
  for (auto& c : cells) { unit->cell_index[c] = int(unit->cellvars.size()); unit->cellvars.push_back(c); }
  for (auto& f : frees) { unit->free_index[f] = int(unit->freevars.size()); unit->freevars.push_back(f); }
  units_.push_back(std::move(unit));
}

std::string Compiler::qualname_for(const std::string& name) {
  // Mirrors CPython: nested in a function -> "f.<locals>.name"; in a class -> "C.name".
  CodeUnit& parent = u();
  if (units_.size() == 1) return name;
  Scope* ps = parent.scope;
  // A name declared global in the parent gets an unqualified qualname.
  if (ps->kind != ScopeKind::Module) {
    auto it = ps->bindings.find(mangle(name));
    if (it != ps->bindings.end() && it->second == Binding::GlobalExplicit) return name;
  }
  if (ps->kind == ScopeKind::Function || ps->kind == ScopeKind::Lambda || ps->kind == ScopeKind::Comprehension)
    return parent.qualname + ".<locals>." + name;
  return parent.qualname + "." + name;
}

void Compiler::set_pos(const ast::Node* n) {
  u().cur_pos = Position{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
}

Position Compiler::attr_position(Position p, const ast::Attribute* a) {
  if (p.line == a->end_lineno) return p;
  p.line = a->end_lineno;
  int len = 0;  // the name's length in characters (CPython subtracts it from a byte offset)
  for (unsigned char ch : a->attr) len += (ch & 0xC0) != 0x80;
  if (len <= a->end_col_offset) {
    p.col = a->end_col_offset - len;
  } else {
    p.col = p.end_col = -1;
  }
  if (p.end_line < p.line) p.end_line = p.line;
  if (p.line == p.end_line && p.end_col < p.col) p.end_col = p.col;
  return p;
}

void Compiler::set_attr_pos(const ast::Attribute* a) {
  set_pos(a);
  u().cur_pos = attr_position(u().cur_pos, a);
}

void Compiler::emit(Op op, uint32_t arg) {
  CodeUnit& cu = u();
  Instr in;
  in.op = op;
  in.arg = arg;
  in.handler = cu.handler_stack.empty() ? -1 : cu.handler_stack.back();
  in.pos = cu.cur_pos;
  cu.code.push_back(in);
  if (op_info[op].flags & OPF_CACHE) {
    Instr c = in;
    c.op = CACHE;
    c.arg = 0;
    cu.code.push_back(c);
  }
}

void Compiler::emit_jump(Op op, Label target) {
  emit(op, 0);
  u().code.back().target = target.id;
}

Label Compiler::new_label() {
  Label l;
  l.id = int(u().labels.size());
  u().labels.push_back(-1);
  return l;
}

void Compiler::implicit_return() {
  u().cur_pos = kInheritPosition;
  load_none();
  emit(RETURN_VALUE);
}

void Compiler::bind(Label l) { u().labels[size_t(l.id)] = int(u().code.size()); }

void Compiler::push_handler(Label l, int adjust, bool lasti) {
  CodeUnit& cu = u();
  HandlerDef h;
  h.label = l.id;
  h.adjust = adjust;
  h.lasti = lasti;
  int idx = int(cu.handlers.size());
  cu.handlers.push_back(h);
  // The set-up marker belongs to the enclosing handler's range.
  Instr in;
  in.op = PSEUDO_SETUP;
  in.arg = uint32_t(idx);
  in.handler = cu.handler_stack.empty() ? -1 : cu.handler_stack.back();
  in.pos = cu.cur_pos;
  cu.handlers[size_t(idx)].setup_index = int(cu.code.size());
  cu.code.push_back(in);
  cu.handler_stack.push_back(idx);
}

void Compiler::pop_handler() { u().handler_stack.pop_back(); }

// Constants are deduplicated by type and value (so 1, 1.0 and True stay apart,
// and 0.0 and -0.0 too).
// Two constants are merged into one co_consts slot when they are the same
// constant: same exact type and value, floats and complex compared bit for bit
// (0.0 and -0.0 stay apart), tuples and frozensets item by item (CPython's
// _PyCode_ConstantKey rule).
static bool same_constant(Value a, Value b) {
  if (a == b) return true;
  if (a.is_small() || b.is_small() || a.type() != b.type()) return false;
  Type* t = a.type();
  if (t == tp_str) return str_eq(as_str(a), as_str(b));
  if (t == tp_float) return std::memcmp(&a.as<Float>()->v, &b.as<Float>()->v, sizeof(double)) == 0;
  if (t == tp_complex) {
    const Complex *x = a.as<Complex>(), *y = b.as<Complex>();
    return std::memcmp(&x->re, &y->re, sizeof(double)) == 0 && std::memcmp(&x->im, &y->im, sizeof(double)) == 0;
  }
  if (t == tp_bytes) return as_bytes(a)->size == as_bytes(b)->size &&
                            std::memcmp(as_bytes(a)->data, as_bytes(b)->data, size_t(as_bytes(a)->size)) == 0;
  if (t == tp_int) {
    Result<bool> same = eq(a, b);
    if (same.ok()) return same.value();
    exc_clear();
    return false;
  }
  if (t == tp_tuple) {
    Tuple *x = a.as<Tuple>(), *y = b.as<Tuple>();
    if (x->size != y->size) return false;
    for (int64_t i = 0; i < x->size; i++)
      if (!same_constant(x->items[i], y->items[i])) return false;
    return true;
  }
  if (t == tp_frozenset) {
    Set *x = a.as<Set>(), *y = b.as<Set>();
    if (x->used != y->used) return false;
    int64_t i = 0;
    Value k;
    while (set_next(x, &i, &k)) {
      int64_t j = 0;
      Value m;
      bool found = false;
      while (!found && set_next(y, &j, &m)) found = same_constant(k, m);
      if (!found) return false;
    }
    return true;
  }
  return false;
}

int Compiler::add_const(Value v) {
  CodeUnit& cu = u();
  for (size_t i = 0; i < cu.consts.size(); i++)
    if (same_constant(cu.consts[i], v)) return int(i);
  cu.consts.push_back(v);
  return int(cu.consts.size() - 1);
}

int Compiler::add_name(const std::string& n) {
  CodeUnit& cu = u();
  auto it = cu.name_index.find(n);
  if (it != cu.name_index.end()) return it->second;
  int i = int(cu.names.size());
  cu.names.push_back(n);
  cu.name_index[n] = i;
  return i;
}

void Compiler::load_none() { load_const(None()); }

Value constant_to_value(const ast::ConstantValue& c) {
  using K = ast::ConstantValue::Kind;
  switch (c.kind) {
    case K::None: return None();
    case K::True: return True();
    case K::False: return False();
    case K::Ellipsis: return Value(g_Ellipsis);
    case K::Int: {
      Result<Value> r = int_from_string(c.text, c.base);
      if (r.is_err()) { exc_clear(); return Value::small(0); }
      return r.value();
    }
    case K::Float: return float_new(c.number);
    case K::Complex: return complex_new(0.0, c.number);
    case K::Str: {
      // Identifier-like constants are interned, as CPython does.
      bool ident = !c.text.empty() && c.text.size() < 64;
      for (char ch : c.text)
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_')) { ident = false; break; }
      return ident ? Value(str_intern(c.text)) : str_value(c.text);
    }
    case K::Bytes: return bytes_from(c.text);
  }
  return None();
}

// Line `lineno` (with its newline) of the file at `path`, or "" if unreadable.
static std::string program_text(const std::string& path, int lineno) {
  std::FILE* f = lineno > 0 ? std::fopen(path.c_str(), "rb") : nullptr;
  if (!f) return "";
  std::string line;
  int ln = 1, c;
  while ((c = std::fgetc(f)) != EOF) {
    if (ln == lineno) line += char(c);
    if (c == '\n' && ++ln > lineno) break;
  }
  std::fclose(f);
  return line;
}

// Under PyCF_ALLOW_TOP_LEVEL_AWAIT, module code that awaits (an await, async
// for, async with, or an asynchronous comprehension, which is awaited where
// it is called) is a coroutine, as CPython's compute_code_flags makes it.
void Compiler::mark_top_level_coroutine(Code* code) {
  for (int i = 0; i < code->ninsns; i++) {
    Op op = op_of(code->insns[i]);
    if (op == GET_AWAITABLE || op == GET_AITER || op == GET_ANEXT || op == BEFORE_ASYNC_WITH) {
      code->flags |= CO_COROUTINE;
      return;
    }
  }
}

Result<Code*> Compiler::compile_module(const ast::Node* root, parser::Mode mode) {
  mode_ = mode;
  FutureFeatures future;
  if (!scan_future(root, &future, &err_)) {
    failed_ = true;
  } else {
    flags_ |= future.flags;
    future_lineno_ = future.last_lineno;
    future_annotations_ = flags_ & CO_FUTURE_ANNOTATIONS;
    st_.future_annotations = future_annotations_;
  }
  top_level_await_ = (flags_ & PyCF_ALLOW_TOP_LEVEL_AWAIT) != 0;
  if (failed_) {
    // reported below
  } else if (!st_.build(root, true, top_level_await_)) {
    failed_ = true;
    err_ = st_.error;
  } else {
    enter_unit(st_.root(), "<module>", root);
    u().firstlineno = 1;
    bool ok = true;
    if (auto* m = ast::as<ast::Module>(root)) {
      if (st_.root()->has_annotations) emit(SETUP_ANNOTATIONS);
      ok = body_with_docstring(m->body, true);
      if (ok) implicit_return();
    } else if (auto* i = ast::as<ast::Interactive>(root)) {
      if (st_.root()->has_annotations) emit(SETUP_ANNOTATIONS);
      ok = stmts(i->body);
      if (ok) implicit_return();
    } else if (auto* e = ast::as<ast::Expression>(root)) {
      ok = expr(e->body);
      if (ok) emit(RETURN_VALUE);
    }
    if (ok && !failed_) {
      Code* code = TRY(leave_unit());
      if (top_level_await_) mark_top_level_coroutine(code);
      return code;
    }
  }
  if (raised_) return ERR;
  return raise_compile_error(err_, source_, filename_);
}

// The SyntaxError (RecursionError when too deep) for a compile-time error
// found in `source`: columns turned from byte offsets into 1-based
// character offsets on the line.
Err raise_compile_error(const CompileErrorInfo& err, std::string_view source, Str* filename) {
  if (err.recursion) return raise(tp_RecursionError, err.msg);
  // Compile error: raise SyntaxError with the source line.
  parser::SyntaxErrorInfo info;
  info.type = "SyntaxError";
  info.msg = err.msg;
  info.filename = std::string(filename->view());
  info.lineno = err.lineno;
  info.end_lineno = err.end_lineno;
  // Columns: byte offsets -> 1-based character offsets on the line.
  size_t start = 0;
  for (int ln = 1; ln < err.lineno && start < source.size(); ln++) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) { start = source.size(); break; }
    start = nl + 1;
  }
  size_t end = source.find('\n', start);
  std::string_view line = source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start + 1);
  // As CPython's compiler does, SyntaxError.text is the line read from the
  // file the code claims to come from: None for "<string>" and the like.
  info.text = program_text(info.filename, info.lineno);
  auto to_chars = [&](int byte_col) {
    int chars = 0;
    for (int i = 0; i < byte_col && i < int(line.size()); i++)
      if ((static_cast<unsigned char>(line[size_t(i)]) & 0xC0) != 0x80) chars++;
    return chars + 1;
  };
  info.offset = err.lineno ? to_chars(err.col) : 0;
  info.end_offset = err.end_lineno == err.lineno ? to_chars(err.end_col) : 0;
  if (err.end_lineno != err.lineno) info.end_offset = 0;
  return raise_syntax_error(info);
}

bool compile_too_deep(int depth) {
  if (depth > 3 * g_recursion_limit) return true;
  ThreadState* t = t_ts;
  char probe;
  return t && t->stack_limit && &probe < t->stack_limit + 64 * 1024;  // leave room for the error path
}

Result<Code*> compile_ast(const ast::Node* root, std::string_view source, Str* filename, parser::Mode mode,
                          uint32_t flags, int optimize) {
  Compiler c(source, filename, flags, optimize < 0 ? g_interp.optimize : optimize);
  return c.compile_module(root, mode);
}

// The tokenizer's decoder for coding cookies it does not implement itself:
// Python's codec registry, as bytes.decode(encoding) would use it.
static bool decode_source_with_codec(const std::string& encoding, std::string_view raw, std::string* utf8,
                                     std::string* error) {
  // Without a running interpreter (the parser and tokenizer fuzz targets, a
  // bare runtime) there is no codec registry: valid UTF-8 passes, anything
  // else is an unknown encoding, as before there was a registry to ask.
  if (!g_interp.modules || !g_interp.sys) {
    if (utf8::first_invalid(raw) == raw.size()) {
      utf8->assign(raw);
      return true;
    }
    *error = "unknown encoding: " + encoding;
    return false;
  }
  Result<Value> r = codec_decode(raw, encoding, "strict");
  if (r.ok() && is_str(r.value())) {
    utf8->assign(as_str(r.value())->view());
    return true;
  }
  if (r.ok()) {
    *error = "decoder for " + encoding + " did not return a str";
    return false;
  }
  Result<Str*> text = str(exc_fetch());
  if (text.ok()) {
    *error = std::string(text.value()->view());
  } else {
    exc_fetch();
    *error = "unknown encoding: " + encoding;
  }
  return false;
}
static const bool g_parser_hooks_installed = (tokenizer::g_source_decoder = decode_source_with_codec,
                                              parser::g_int_literal_digit_limit = int_max_str_digits, true);

Result<Code*> compile_source(std::string_view source, Str* filename, parser::Mode mode, uint32_t flags,
                             int optimize) {
  parser::ParseResult pr = parser::parse(source, filename->view(), mode, (flags & PyCF_SOURCE_IS_UTF8) != 0,
                                         (flags & GILPY_CF_SCRIPT_FILE) != 0, (flags & PyCF_TYPE_COMMENTS) != 0);
  TRY(issue_warnings(pr.warnings, filename));  // even before a syntax error, as CPython's tokenizer does
  if (pr.error) return raise_syntax_error(*pr.error);
  return compile_ast(pr.root, source, filename, mode, flags, optimize);
}

}  // namespace gilpy::compiler
