// _symtable: the native half of the `symtable` module. symtable(source,
// filename, compile_type) returns the top "symtable entry" of the source's
// symbol tables, with CPython 3.11's attributes (id, name, type, lineno,
// nested, children, varnames, symbols) and flag values.
//
// The tables are the compiler's own (compiler/symtable.cpp), built in its
// cpython_view mode so that symbols and children come in CPython's visiting
// order. This file only translates them into CPython's presentation:
//  - gilpy's flag bits become CPython's, and the resolved binding is stored
//    as the scope field (flags >> SCOPE_OFF & SCOPE_MASK);
//  - a name only inherited from a `global` in an enclosing function is
//    GLOBAL_IMPLICIT (gilpy's resolver calls it explicit: both load globals);
//  - a class name bound in the class body and free in a method gets
//    DEF_FREE_CLASS; names passed through a scope on their way to a nested
//    one (free there, absent from its own symbols) appear with the FREE
//    scope and no other flag, after the scope's own names (CPython adds
//    them from a set, so their relative order is not CPython's either);
//  - block names are CPython's: "top", "lambda", "listcomp", "genexpr"...
// Names need no translation: the compiler already keys private names
// mangled (__x in class C is _C__x), as CPython's symtable does.
#include <cstdint>
#include <string>
#include <vector>

#include "bytecode/opcodes.h"
#include "compiler/compile.h"
#include "compiler/future.h"
#include "compiler/symtable.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "parser/parser.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

// compile()'s argument conversions (modules/builtins.cpp), shared so that
// symtable() accepts and refuses exactly what compile() does.
Result<std::string> source_text(Value src, const char* fname, const char* what, bool* is_str_src);
Result<Str*> compile_filename(Value v);

namespace {

using compiler::Binding;
using compiler::Scope;
using compiler::ScopeKind;

// CPython 3.11's values (its pycore_symtable.h), which the module exports.
enum : int64_t {
  kDefGlobal = 1,
  kDefLocal = 2,
  kDefParam = 4,
  kDefNonlocal = 8,
  kUse = 16,
  kDefFree = 32,
  kDefFreeClass = 64,
  kDefImport = 128,
  kDefBound = kDefLocal | kDefParam | kDefImport,
  kDefAnnot = 256,
  kDefCompIter = 512,
};
enum : int64_t { kLocal = 1, kGlobalExplicit = 2, kGlobalImplicit = 3, kFree = 4, kCell = 5 };
constexpr int kScopeOff = 11;
constexpr int64_t kScopeMask = 15;
enum : int64_t { kTypeFunction = 0, kTypeClass = 1, kTypeModule = 2 };

struct Entry : Object {
  Value id, name, type, lineno, nested, children, varnames, symbols;
};

Type* tp_entry;

Entry* E(Value v) { return v.as<Entry>(); }

// gilpy's symbol flags as CPython's (AUG_ADD and DEF_COMP_WALRUS are
// gilpy's own bookkeeping and have no counterpart).
int64_t cpython_flags(uint32_t f) {
  int64_t r = 0;
  if (f & compiler::DEF_GLOBAL) r |= kDefGlobal;
  if (f & compiler::DEF_LOCAL) r |= kDefLocal;
  if (f & compiler::DEF_PARAM) r |= kDefParam;
  if (f & compiler::DEF_NONLOCAL) r |= kDefNonlocal;
  if (f & compiler::USE) r |= kUse;
  if (f & compiler::DEF_IMPORT) r |= kDefImport;
  if (f & compiler::DEF_ANNOT) r |= kDefAnnot;
  if (f & compiler::DEF_COMP_ITER) r |= kDefCompIter;
  return r;
}

int64_t cpython_scope(Binding b, uint32_t own_flags) {
  switch (b) {
    case Binding::Local: return kLocal;
    case Binding::Cell: return kCell;
    case Binding::Free: return kFree;
    case Binding::GlobalExplicit: return (own_flags & compiler::DEF_GLOBAL) ? kGlobalExplicit : kGlobalImplicit;
    case Binding::GlobalImplicit: return kGlobalImplicit;
  }
  return kGlobalImplicit;
}

bool function_like(const Scope* s) {
  return s->kind == ScopeKind::Function || s->kind == ScopeKind::Lambda || s->kind == ScopeKind::Comprehension;
}

std::string block_name(const Scope* s) {
  switch (s->kind) {
    case ScopeKind::Module: return "top";
    case ScopeKind::Lambda: return "lambda";
    case ScopeKind::Comprehension:
      // "<listcomp>" -> "listcomp"
      return s->name.size() > 2 && s->name.front() == '<' ? s->name.substr(1, s->name.size() - 2) : s->name;
    default: return s->name;
  }
}

// Names a child hands up as free: its own free names and, for a class, the
// names its methods use from an enclosing function.
bool child_frees(const Scope* c, const std::string& name) {
  auto it = c->bindings.find(name);
  if (it != c->bindings.end() && it->second == Binding::Free) return true;
  return c->classfree.count(name) > 0;
}

Result<Value> make_entry(const Scope* s, bool nested) {
  Entry* e = static_cast<Entry*>(alloc_instance(tp_entry, sizeof(Entry)));
  e->id = int_from_u64(uint64_t(reinterpret_cast<uintptr_t>(s->node ? static_cast<const void*>(s->node) : s)));
  e->name = str_value(block_name(s));
  e->type = int_from_i64(s->kind == ScopeKind::Module ? kTypeModule : s->kind == ScopeKind::Class ? kTypeClass : kTypeFunction);
  e->lineno = int_from_i64(s->kind == ScopeKind::Module || !s->node ? 0 : s->node->lineno);
  e->nested = int_from_i64(nested ? 1 : 0);

  List* varnames = list_new();
  if (function_like(s))
    for (const std::string& p : s->params) TRY(list_append(varnames, str_value(p)));
  e->varnames = Value(varnames);

  // Own names in first-entered order, then the names only passing through.
  std::vector<std::pair<std::string, int64_t>> syms;
  auto put = [&](const std::string& name, int64_t flags) { syms.emplace_back(name, flags); };
  for (const std::string& name : s->order) {
    uint32_t f = s->symbols.at(name);
    int64_t flags = cpython_flags(f);
    auto b = s->bindings.find(name);
    int64_t scope = b != s->bindings.end() ? cpython_scope(b->second, f) : kGlobalImplicit;
    // (A method's __class__ is the class's own cell, not a name it passes on.)
    if (s->kind == ScopeKind::Class && (flags & (kDefBound | kDefGlobal)) && name != "__class__")
      for (const auto& c : s->children)
        if (child_frees(c.get(), name)) flags |= kDefFreeClass;
    put(name, flags | scope << kScopeOff);
  }
  for (const auto& [name, b] : s->bindings)
    if (!s->symbols.count(name) && b == Binding::Free) put(name, kFree << kScopeOff);
  Dict* symbols = dict_new();
  for (const auto& [key, flags] : syms) TRY(dict_set(symbols, str_value(key), int_from_i64(flags)));
  e->symbols = Value(symbols);

  List* children = list_new();
  bool child_nested = nested || function_like(s);
  for (const auto& c : s->children) TRY(list_append(children, TRY(make_entry(c.get(), child_nested))));
  e->children = Value(children);
  return Value(e);
}

Result<Value> m_symtable(Value* a, int64_t n, Tuple* kw) {
  if (kw && kw->size) return raise(tp_TypeError, "_symtable.symtable() takes no keyword arguments");
  TRY(check_nargs("symtable", n, 3, 3));
  Str* filename = TRY(compile_filename(a[1]));
  if (!is_str(a[2])) return raise_fmt(tp_TypeError, "symtable() argument 3 must be str, not %s", type_name(a[2]));
  std::string_view start = as_str(a[2])->view();
  std::string_view probe;
  if (!is_str(a[0]) && !buffer_view_opt(a[0], &probe))
    return raise(tp_TypeError, "symtable() arg 1 must be a string or bytes object");
  bool utf8 = false;
  std::string text = TRY(source_text(a[0], "symtable", "AST", &utf8));
  parser::Mode mode;
  if (start == "exec") mode = parser::Mode::Exec;
  else if (start == "eval") mode = parser::Mode::Eval;
  else if (start == "single") mode = parser::Mode::Single;
  else return raise(tp_ValueError, "symtable() arg 3 must be 'exec' or 'eval' or 'single'");

  parser::ParseResult pr = parser::parse(text, filename->view(), mode, utf8);
  TRY(compiler::issue_warnings(pr.warnings, filename));
  if (pr.error) return compiler::raise_syntax_error(*pr.error);

  compiler::SymbolTable st;
  st.cpython_view = true;
  compiler::FutureFeatures future;
  if (!compiler::scan_future(pr.root, &future, &st.error)) return compiler::raise_compile_error(st.error, text, filename);
  st.future_annotations = (future.flags & bytecode::CO_FUTURE_ANNOTATIONS) != 0;
  if (!st.build(pr.root, true)) return compiler::raise_compile_error(st.error, text, filename);
  // The tables point into the tree, so they are converted while pr lives.
  return make_entry(st.root(), false);
}

Result<Value> entry_repr(Value* a, int64_t, Tuple*) {
  Entry* e = E(a[0]);
  Str* name = TRY(str(e->name));
  Str* id = TRY(str(e->id));
  Str* line = TRY(str(e->lineno));
  std::string r = "<symtable entry " + std::string(name->view()) + "(" + std::string(id->view()) + "), line " +
                  std::string(line->view()) + ">";
  return str_value(r);
}

#define GETTER(field) \
  [](Value self) -> Result<Value> { return E(self)->field; }

const GetSetDef entry_getsets[] = {
    {"id", GETTER(id)},
    {"name", GETTER(name)},
    {"symbols", GETTER(symbols)},
    {"varnames", GETTER(varnames)},
    {"children", GETTER(children)},
    {"type", GETTER(type)},
    {"lineno", GETTER(lineno)},
    {"nested", GETTER(nested)},
    {nullptr, nullptr}};

#undef GETTER

// Entries come only from symtable(), as in CPython (no tp_new there).
Result<Value> entry_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create 'symtable entry' instances");
}

const MethodDef entry_methods[] = {
    {"__new__", entry_new, MethKind::Static}, {"__repr__", entry_repr}, {nullptr, nullptr}};

const MethodDef functions[] = {
    {"symtable", m_symtable, MethKind::Method,
     "symtable($module, source, filename, startstr, /)\n--\n\nReturn symbol and scope dictionaries used internally by "
     "compiler."},
    {nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_symtable", functions);
  if (!tp_entry)
    tp_entry = native_type_new("builtins", "symtable entry", tp_object, Layout::Other, sizeof(Entry), entry_methods,
                               entry_getsets, 0);
  struct Const {
    const char* name;
    int64_t value;
  };
  static const Const consts[] = {
      {"USE", kUse},
      {"DEF_GLOBAL", kDefGlobal},
      {"DEF_NONLOCAL", kDefNonlocal},
      {"DEF_LOCAL", kDefLocal},
      {"DEF_PARAM", kDefParam},
      {"DEF_FREE", kDefFree},
      {"DEF_FREE_CLASS", kDefFreeClass},
      {"DEF_IMPORT", kDefImport},
      {"DEF_BOUND", kDefBound},
      {"DEF_ANNOT", kDefAnnot},
      {"TYPE_FUNCTION", kTypeFunction},
      {"TYPE_CLASS", kTypeClass},
      {"TYPE_MODULE", kTypeModule},
      {"LOCAL", kLocal},
      {"GLOBAL_EXPLICIT", kGlobalExplicit},
      {"GLOBAL_IMPLICIT", kGlobalImplicit},
      {"FREE", kFree},
      {"CELL", kCell},
      {"SCOPE_OFF", kScopeOff},
      {"SCOPE_MASK", kScopeMask},
  };
  for (const Const& c : consts) dict_set_str(m->dict, str_intern(c.name), int_from_i64(c.value));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_symtable", init);

}  // namespace gilpy
