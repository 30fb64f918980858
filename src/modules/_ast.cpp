// _ast: the node classes that CPython's Lib/ast.py imports with `from _ast import *`.
//
// The classes are derived from parser/ast_nodes.def (the one definition of the AST), so the
// Python-visible classes, their _fields, __match_args__, docstrings (the ASDL signatures) and
// optional-field defaults cannot drift from the C++ AST. The enum sums (expr_context, operator,
// ...) come from parser/ast.h's enums and their ast::enum_name tables.
//
// Behaviour follows CPython 3.11 (Python/Python-ast.c): every class lives in module "ast" and is
// an ordinary heap class (ast.py assigns Constant.n and subclasses Constant with a metaclass);
// optional fields (`?` in the ASDL) and the optional end positions are class attributes set to
// None; list fields have no default (3.11 raises AttributeError for them, unlike 3.13). The
// converters to and from the C++ AST are in ast_convert.cpp.
#include <string>
#include <vector>

#include "modules/ast_internal.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {
extern const GetSetDef instance_dict_getset[];  // objects/object.cpp
namespace astpy {

namespace {

State g_state;
bool g_ready = false;

// One field of a node class as the ASDL spells it: `type quant name`.
struct FieldDesc {
  const char* name;
  std::string type;  // ASDL type name: expr, identifier, int, constant, string, operator, ...
  char quant;        // 0, '?' (optional) or '*' (sequence)
};

std::vector<FieldDesc> g_fields[ast::kNumKinds];
const char* g_base[ast::kNumKinds];  // ASDL category of each kind ("Node" for products)

// C++ type names in ast_nodes.def that differ from the ASDL's.
std::string asdl_type(const char* cxx) {
  std::string s = cxx;
  if (s == "operator_t") return "operator";
  if (s == "TypeIgnore") return "type_ignore";
  return s;
}

void collect_fields() {
#define F_NODE(T, n) v.push_back({#n, asdl_type(#T), 0});
#define F_ONODE(T, n) v.push_back({#n, asdl_type(#T), '?'});
#define F_LIST(T, n) v.push_back({#n, asdl_type(#T), '*'});
#define F_IDENT(n) v.push_back({#n, "identifier", 0});
#define F_OIDENT(n) v.push_back({#n, "identifier", '?'});
#define F_IDENTS(n) v.push_back({#n, "identifier", '*'});
#define F_ENUM(T, n) v.push_back({#n, asdl_type(#T), 0});
#define F_ENUMS(T, n) v.push_back({#n, asdl_type(#T), '*'});
#define F_INT(n) v.push_back({#n, "int", 0});
#define F_CONST(n) v.push_back({#n, "constant", 0});
#define F_OSTR(n) v.push_back({#n, "string", '?'});
#define F_OSTR_AS(n, py) v.push_back({py, "string", '?'});
#define AST_NODE(name, base, ...)                      \
  {                                                    \
    [[maybe_unused]] auto& v = g_fields[int(ast::Kind::name)]; \
    g_base[int(ast::Kind::name)] = #base;              \
    __VA_ARGS__                                        \
  }
#include "parser/ast_nodes.def"
#undef AST_NODE
#undef F_NODE
#undef F_ONODE
#undef F_LIST
#undef F_IDENT
#undef F_OIDENT
#undef F_IDENTS
#undef F_ENUM
#undef F_ENUMS
#undef F_INT
#undef F_CONST
#undef F_OSTR
#undef F_OSTR_AS
  // Where the C++ structs differ from the ASDL: ImportFrom.level is `int?`; TypeIgnore keeps
  // its `int lineno` field in Node::lineno and its tag is a required string.
  for (auto& f : g_fields[int(ast::Kind::ImportFrom)])
    if (std::string_view(f.name) == "level") f.quant = '?';
  g_fields[int(ast::Kind::TypeIgnore)] = {{"lineno", "int", 0}, {"tag", "string", 0}};
  g_base[int(ast::Kind::TypeIgnore)] = "type_ignore";
}

// "Name(identifier id, expr_context ctx)", or just "Pass" without fields.
std::string signature(ast::Kind k) {
  std::string s = ast::kind_name(k);
  const auto& fs = g_fields[int(k)];
  if (fs.empty()) return s;
  s += '(';
  for (size_t i = 0; i < fs.size(); i++) {
    if (i) s += ", ";
    s += fs[i].type;
    if (fs[i].quant) s += fs[i].quant;
    s += ' ';
    s += fs[i].name;
  }
  s += ')';
  return s;
}

Tuple* str_tuple(const std::vector<const char*>& names) {
  Tuple* t = tuple_new(int64_t(names.size()));
  for (size_t i = 0; i < names.size(); i++) t->items[i] = str_intern(names[i]);
  return t;
}

// A node class `name(base)` in module "ast" with the given class attributes.
Result<Type*> make_class(Dict* module_dict, const char* name, Type* base, Tuple* fields, Tuple* attributes,
                         const std::vector<const char*>& none_attrs, const std::string& doc) {
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, str_intern("ast"));
  dict_set_str(ns, str_intern("_fields"), fields);
  dict_set_str(ns, str_intern("__match_args__"), fields);
  dict_set_str(ns, N.__doc__, str_value(doc));
  if (attributes) dict_set_str(ns, str_intern("_attributes"), attributes);
  for (const char* a : none_attrs) dict_set_str(ns, str_intern(a), None());
  Str* n = str_intern(name);
  Value t = TRY(type_new(tp_type, n, tuple_of({Value(base)}), ns, nullptr));
  dict_set_str(module_dict, n, t);
  return as_type(t);
}

// ---- AST's methods -------------------------------------------------------------------------

// AST.__new__(cls, *args, **kwargs): an empty node; __init__ fills it. Accepting (and ignoring)
// arguments here is what lets ast.py's Num/Str/... call Constant.__new__(cls, *args).
Result<Value> ast_new(Value* args, int64_t nargs, Tuple*) {
  if (nargs < 1 || !is_type(args[0])) return raise(tp_TypeError, "AST.__new__(X): X is not a type object");
  Type* t = as_type(args[0]);
  if (!is_subtype(t, g_state.AST))
    return raise_fmt(tp_TypeError, "AST.__new__(%s): %s is not a subtype of AST", type_name_of(t), type_name_of(t));
  Object* o = alloc_instance(t);
  if (t->dict_offset) *reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + t->dict_offset) = dict_new();
  return Value(o);
}

// AST.__init__(self, *args, **kwargs): positional arguments in _fields order, keywords set as
// attributes (any name is accepted, as in CPython 3.11).
Result<Value> ast_init(Value* args, int64_t nargs, Tuple* kwnames) {
  Value self = args[0];
  int64_t npos = nargs - 1;
  Value fields;
  TRY(getattr_opt(Value(self.type()), str_intern("_fields"), &fields));
  int64_t nfields = 0;
  Tuple* ft = nullptr;
  if (fields) {
    ft = TRY(to_tuple(fields));
    nfields = ft->size;
  }
  if (npos > nfields)
    return raise_fmt(tp_TypeError, "%s constructor takes at most %lld positional argument%s",
                     type_name_of(self.type()), (long long)nfields, nfields == 1 ? "" : "s");
  for (int64_t i = 0; i < npos; i++) {
    if (!is_str(ft->items[i])) return raise(tp_TypeError, "AST._fields must contain strings");
    TRY(setattr(self, as_str(ft->items[i]), args[1 + i]));
  }
  int64_t nk = nkw(kwnames);
  for (int64_t k = 0; k < nk; k++) {
    Str* key = as_str(kwnames->items[k]);
    for (int64_t i = 0; i < npos; i++) {
      if (TRY(eq(ft->items[i], Value(key)))) {
        Str* r = TRY(repr(Value(key)));
        return raise_fmt(tp_TypeError, "%s got multiple values for argument %s", type_name_of(self.type()), r->data);
      }
    }
    TRY(setattr(self, key, args[nargs + k]));
  }
  return None();
}

// AST.__reduce__(): (type(self), (), __dict__), which pickle and copy rebuild from.
Result<Value> ast_reduce(Value* args, int64_t nargs, Tuple* kwnames) {
  TRY(no_kwargs("__reduce__", kwnames));
  TRY(check_nargs("__reduce__", nargs - 1, 0, 0));
  Dict** dp = instance_dict_ptr(args[0]);
  Value cls(args[0].type());
  if (dp && *dp) return Value(tuple_of({cls, tuple_empty(), Value(*dp)}));
  return Value(tuple_of({cls, tuple_empty()}));
}

const MethodDef ast_methods[] = {
    {"__new__", ast_new, MethKind::Static},
    {"__init__", ast_init},
    {"__reduce__", ast_reduce},
    {nullptr, nullptr},
};

// ---- module creation ----------------------------------------------------------------------

template <class E>
Status make_enum(Dict* md, Type* base, int n, Type** classes, Value* instances) {
  for (int i = 0; i < n; i++) {
    const char* nm = ast::enum_name(static_cast<E>(i));
    classes[i] = TRY(make_class(md, nm, base, tuple_empty(), nullptr, {}, nm));
    instances[i] = TRY(call0(Value(classes[i])));
  }
  return OK();
}

template <class E>
std::string enum_doc(const char* sum, int n) {
  std::string s = std::string(sum) + " = ";
  for (int i = 0; i < n; i++) {
    if (i) s += " | ";
    s += ast::enum_name(static_cast<E>(i));
  }
  return s;
}

// "expr = BoolOp(...)\n     | NamedExpr(...)": every constructor of the sum, continuation
// lines aligned under the '='.
std::string sum_doc(const char* sum) {
  std::string s = std::string(sum) + " = ";
  std::string indent(std::string_view(sum).size() + 1, ' ');
  bool first = true;
  for (int k = 0; k < ast::kNumKinds; k++) {
    if (std::string_view(g_base[k]) != sum) continue;
    if (!first) s += "\n" + indent + "| ";
    first = false;
    s += signature(ast::Kind(k));
  }
  return s;
}

Result<Value> init() {
  collect_fields();
  Module* m = native_module_new("_ast", nullptr);
  Dict* md = m->dict;
  State& S = g_state;
  S.lineno = str_intern("lineno");
  S.col_offset = str_intern("col_offset");
  S.end_lineno = str_intern("end_lineno");
  S.end_col_offset = str_intern("end_col_offset");

  // AST: a native base whose instances carry a __dict__ at offset 8 like every subclassable
  // builtin layout, so the heap subclasses below share it.
  Type* AST = native_type_new("ast", "AST", tp_object, Layout::Object, sizeof(Instance), ast_methods);
  AST->dict_offset = sizeof(Object);
  type_add_getsets(AST, ::gilpy::instance_dict_getset);
  type_set_attr_const(AST, "_fields", tuple_empty());
  type_set_attr_const(AST, "_attributes", tuple_empty());
  type_set_attr_const(AST, "__match_args__", tuple_empty());
  type_modified(AST);
  S.AST = AST;
  dict_set_str(md, str_intern("AST"), AST);

  Tuple* pos_attrs = str_tuple({"lineno", "col_offset", "end_lineno", "end_col_offset"});
  const std::vector<const char*> opt_ends = {"end_lineno", "end_col_offset"};
  // The abstract sums; positions are attributes of stmt, expr, excepthandler and pattern
  // (whose end positions are required in the ASDL, so they get no None default).
  auto sum = [&](const char* nm, Tuple* attrs, const std::vector<const char*>& nones,
                 std::string doc) -> Result<Type*> {
    return make_class(md, nm, AST, tuple_empty(), attrs ? attrs : tuple_empty(), nones, doc);
  };
  S.mod = TRY(sum("mod", nullptr, {}, sum_doc("mod")));
  S.stmt = TRY(sum("stmt", pos_attrs, opt_ends, sum_doc("stmt")));
  S.expr = TRY(sum("expr", pos_attrs, opt_ends, sum_doc("expr")));
  S.expr_context = TRY(sum("expr_context", nullptr, {}, enum_doc<ast::expr_context>("expr_context", kNumCtx)));
  S.boolop = TRY(sum("boolop", nullptr, {}, enum_doc<ast::boolop>("boolop", kNumBoolop)));
  S.operator_ = TRY(sum("operator", nullptr, {}, enum_doc<ast::operator_t>("operator", kNumOperator)));
  S.unaryop = TRY(sum("unaryop", nullptr, {}, enum_doc<ast::unaryop>("unaryop", kNumUnaryop)));
  S.cmpop = TRY(sum("cmpop", nullptr, {}, enum_doc<ast::cmpop>("cmpop", kNumCmpop)));
  S.excepthandler = TRY(sum("excepthandler", pos_attrs, opt_ends, sum_doc("excepthandler")));
  S.pattern = TRY(sum("pattern", pos_attrs, {}, sum_doc("pattern")));
  S.type_ignore = TRY(sum("type_ignore", nullptr, {}, sum_doc("type_ignore")));

  for (int k = 0; k < ast::kNumKinds; k++) {
    std::string_view b = g_base[k];
    ast::Kind kind = ast::Kind(k);
    Type* base = AST;
    Tuple* attrs = nullptr;
    std::vector<const char*> nones;
    if (b == "mod") base = S.mod;
    else if (b == "stmt") base = S.stmt;
    else if (b == "expr") base = S.expr;
    else if (b == "excepthandler") base = S.excepthandler;
    else if (b == "pattern") base = S.pattern;
    else if (b == "type_ignore") base = S.type_ignore;
    // Products: arg, keyword and alias carry positions; the others have none.
    if (b == "Node") {
      if (kind == ast::Kind::arg || kind == ast::Kind::keyword || kind == ast::Kind::alias) {
        attrs = pos_attrs;
        nones = opt_ends;
      } else {
        attrs = tuple_empty();
      }
    }
    std::vector<const char*> names;
    for (const auto& f : g_fields[k]) {
      names.push_back(f.name);
      if (f.quant == '?') nones.push_back(f.name);
    }
    S.node[k] = TRY(make_class(md, ast::kind_name(kind), base, str_tuple(names), attrs, nones, signature(kind)));
  }
  TRY(make_enum<ast::expr_context>(md, S.expr_context, kNumCtx, S.ctx, S.ctx_inst));
  TRY(make_enum<ast::boolop>(md, S.boolop, kNumBoolop, S.boolop_t, S.boolop_inst));
  TRY(make_enum<ast::operator_t>(md, S.operator_, kNumOperator, S.operator_t, S.operator_inst));
  TRY(make_enum<ast::unaryop>(md, S.unaryop, kNumUnaryop, S.unaryop_t, S.unaryop_inst));
  TRY(make_enum<ast::cmpop>(md, S.cmpop, kNumCmpop, S.cmpop_t, S.cmpop_inst));

  dict_set_str(md, str_intern("PyCF_ONLY_AST"), Value::small(0x400));
  dict_set_str(md, str_intern("PyCF_TYPE_COMMENTS"), Value::small(0x1000));
  dict_set_str(md, str_intern("PyCF_ALLOW_TOP_LEVEL_AWAIT"), Value::small(0x2000));
  g_ready = true;
  return Value(m);
}

}  // namespace

Result<State*> ast_state() {
  if (!g_ready) TRY(import_module(str_intern("_ast")));
  if (!g_ready) return raise(tp_ImportError, "_ast failed to initialise");
  return &g_state;
}

}  // namespace astpy

GILPY_NATIVE_MODULE("_ast", astpy::init);

}  // namespace gilpy
