// The two bridges between the C++ AST (parser/ast.h) and _ast objects:
//   ast_from_source    compile(src, ..., PyCF_ONLY_AST): parse, then build _ast nodes;
//   compile_ast_object compile(tree, ...): rebuild a C++ AST from _ast nodes, validate, compile.
// Both walk the fields through the X-macros of parser/ast_nodes.def, so a field added there is
// converted without touching this file (each field kind has one overload below).
//
// Error behaviour follows CPython 3.11 (Python/Python-ast.c obj2ast_* and Python/ast.c's
// validator): a missing or None required field is `TypeError: required field "x" missing from
// Owner`, a wrong node type `TypeError: expected some sort of expr, but got <repr>`, and the
// validator's ValueErrors for contexts, empty bodies and ImportFrom levels.
#include <cmath>
#include <type_traits>
#include <unordered_map>

#include "compiler/compile.h"
#include "modules/ast_internal.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "parser/parser.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy {
namespace astpy {
namespace {

using ast::ConstantValue;

// Kinds whose instances carry lineno/col_offset/end_lineno/end_col_offset (the ASDL
// `attributes`): every stmt, expr, excepthandler and pattern, and the products arg, keyword, alias.
template <class T>
constexpr bool kHasPositions = std::is_base_of_v<ast::stmt, T> || std::is_base_of_v<ast::expr, T> ||
                               std::is_base_of_v<ast::excepthandler, T> || std::is_base_of_v<ast::pattern, T> ||
                               std::is_same_v<T, ast::arg> || std::is_same_v<T, ast::keyword> ||
                               std::is_same_v<T, ast::alias>;

Dict* new_node_dict(Type* cls, Object** out) {
  Object* o = alloc_instance(cls);
  Dict* d = dict_new();
  *reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + cls->dict_offset) = d;
  *out = o;
  return d;
}

// ============================ C++ AST -> _ast objects ========================================
struct ToPy {
  State& S;

  Result<Value> conv(const ast::Node* n) { return n ? node(n) : Result<Value>(None()); }
  template <class T>
  Result<Value> conv(const std::vector<T*>& v) {
    List* l = list_new(0);
    TRY(list_reserve(l, int64_t(v.size())));
    for (const T* n : v) TRY(list_append(l, TRY(conv(static_cast<const ast::Node*>(n)))));
    return Value(l);
  }
  // Identifiers are interned, as CPython's parser does.
  Result<Value> conv(const std::string& s) { return Value(str_intern(s)); }
  Result<Value> conv(const std::optional<std::string>& s) {
    return s ? Result<Value>(str_value(*s)) : Result<Value>(None());
  }
  Result<Value> conv(const std::vector<std::string>& v) {
    List* l = list_new(0);
    for (const auto& s : v) TRY(list_append(l, Value(str_intern(s))));
    return Value(l);
  }
  Result<Value> conv(ast::expr_context e) { return S.ctx_inst[int(e)]; }
  Result<Value> conv(ast::boolop e) { return S.boolop_inst[int(e)]; }
  Result<Value> conv(ast::operator_t e) { return S.operator_inst[int(e)]; }
  Result<Value> conv(ast::unaryop e) { return S.unaryop_inst[int(e)]; }
  Result<Value> conv(ast::cmpop e) { return S.cmpop_inst[int(e)]; }
  Result<Value> conv(const std::vector<ast::cmpop>& v) {
    List* l = list_new(0);
    for (ast::cmpop c : v) TRY(list_append(l, S.cmpop_inst[int(c)]));
    return Value(l);
  }
  Result<Value> conv(int i) { return Value::small(i); }
  Result<Value> conv(const ConstantValue& c) {
    using K = ConstantValue::Kind;
    switch (c.kind) {
      case K::None: return None();
      case K::True: return True();
      case K::False: return False();
      case K::Ellipsis: return Value(g_Ellipsis);
      case K::Int: return int_from_string(c.text, c.base);
      case K::Float: return float_new(c.number);
      case K::Complex: return complex_new(0.0, c.number);
      case K::Str: return str_value(c.text);
      case K::Bytes: return bytes_from(c.text);
    }
    return None();
  }

  template <class T>
  void positions(Dict* d, const T* x) {
    if constexpr (kHasPositions<T>) {
      dict_set_str(d, S.lineno, Value::small(x->lineno));
      dict_set_str(d, S.col_offset, Value::small(x->col_offset));
      dict_set_str(d, S.end_lineno, Value::small(x->end_lineno));
      dict_set_str(d, S.end_col_offset, Value::small(x->end_col_offset));
    }
  }

  Result<Value> node(const ast::Node* n) {
    if (!enter_recursion()) return ERR;
    Object* o = nullptr;
    Dict* d = nullptr;
    bool ok = true;
    // Each field: convert, then store under its interned Python name.
#define PUT(key, expr)                                  \
  {                                                     \
    static Str* const k_ = str_intern(key);             \
    Result<Value> r_ = conv(expr);                      \
    if (r_.is_err()) { ok = false; break; }             \
    dict_set_str(d, k_, r_.value());                    \
  }
#define F_NODE(T, nm) PUT(#nm, x->nm)
#define F_ONODE(T, nm) PUT(#nm, x->nm)
#define F_LIST(T, nm) PUT(#nm, x->nm)
#define F_IDENT(nm) PUT(#nm, x->nm)
#define F_OIDENT(nm) PUT(#nm, x->nm)
#define F_IDENTS(nm) PUT(#nm, x->nm)
#define F_ENUM(T, nm) PUT(#nm, x->nm)
#define F_ENUMS(T, nm) PUT(#nm, x->nm)
#define F_INT(nm) PUT(#nm, x->nm)
#define F_CONST(nm) PUT(#nm, x->nm)
#define F_OSTR(nm) PUT(#nm, x->nm)
#define F_OSTR_AS(nm, py) PUT(py, x->nm)
#define AST_NODE(name, base, ...)                                    \
  case ast::Kind::name: {                                            \
    [[maybe_unused]] auto* x = static_cast<const ast::name*>(n);     \
    d = new_node_dict(S.node[int(ast::Kind::name)], &o);             \
    do {                                                             \
      __VA_ARGS__                                                    \
    } while (0);                                                     \
    positions(d, x);                                                 \
    break;                                                           \
  }
    switch (n->kind) {
#include "parser/ast_nodes.def"
    }
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
#undef PUT
    leave_recursion();
    if (!ok) return ERR;
    // TypeIgnore's `lineno` field lives in Node::lineno.
    if (n->kind == ast::Kind::TypeIgnore) dict_set_str(d, S.lineno, Value::small(n->lineno));
    return Value(o);
  }
};

// ============================ _ast objects -> C++ AST ========================================
struct FromPy {
  State& S;
  ast::Arena& A;
  std::unordered_map<Type*, int> kind_of;  // node class -> ast::Kind

  FromPy(State& s, ast::Arena& a) : S(s), A(a) {
    for (int k = 0; k < ast::kNumKinds; k++) kind_of[S.node[k]] = k;
  }

  // The attribute `key` of o, or null when absent (AttributeError swallowed).
  Result<Value> attr(Value o, Str* key) {
    Value v;
    TRY(getattr_opt(o, key, &v));
    return v ? v : Value();
  }
  Status attr_into(Value o, Str* key, Value* out) { return getattr_opt(o, key, out); }

  static Err missing(const char* field, const char* owner) {
    return raise_fmt(tp_TypeError, "required field \"%s\" missing from %s", field, owner);
  }
  static Err expected(const char* what, Value got) {
    Result<Str*> r = repr(got);
    if (r.is_err()) return ERR;
    return raise_fmt(tp_TypeError, "expected some sort of %s, but got %s", what, r.value()->data);
  }

  // ---- leaf loaders: one overload per field kind ----------------------------------------
  Status load(Value o, Str* key, const char* owner, std::string& out) {
    Value v;
    TRY(attr_into(o, key, &v));
    if (!v || is_none(v)) return missing(key->data, owner);
    if (!is_str(v)) return raise(tp_TypeError, "AST identifier must be of type str");
    out = std::string(as_str(v)->view());
    return OK();
  }
  Status load_opt_str(Value o, Str* key, std::optional<std::string>& out, const char* what) {
    Value v;
    TRY(attr_into(o, key, &v));
    if (!v || is_none(v)) { out.reset(); return OK(); }
    if (!is_str(v)) return raise_fmt(tp_TypeError, "AST %s must be of type str", what);
    out = std::string(as_str(v)->view());
    return OK();
  }
  Status load(Value o, Str* key, const char* owner, std::vector<std::string>& out) {
    List* l = TRY(list_field(o, key, owner));
    for (int64_t i = 0; i < l->size; i++) {
      Value v = l->items[i];
      if (!is_str(v)) return raise(tp_TypeError, "AST identifier must be of type str");
      out.emplace_back(as_str(v)->view());
    }
    return OK();
  }
  Result<List*> list_field(Value o, Str* key, const char* owner) {
    Value v;
    TRY(attr_into(o, key, &v));
    if (!v) return missing(key->data, owner);
    if (!is_list(v))
      return raise_fmt(tp_TypeError, "%s field \"%s\" must be a list, not a %s", owner, key->data, type_name(v));
    // A copy, so a __getattr__ or repr run during conversion cannot resize what we walk.
    return list_from(as_list(v)->items, as_list(v)->size);
  }
  // Optional (`?`) ints: ImportFrom.level is the only one; absent means 0.
  Status load_int(Value o, Str* key, const char* owner, int& out, bool optional) {
    Value v;
    TRY(attr_into(o, key, &v));
    if (!v || is_none(v)) {
      if (optional) { out = 0; return OK(); }
      return missing(key->data, owner);
    }
    if (!is_int(v)) {
      Str* r = TRY(repr(v));
      return raise_fmt(tp_ValueError, "invalid integer value: %s", r->data);
    }
    int64_t i;
    if (!int_fits_i64(v, &i) || i < INT32_MIN || i > INT32_MAX)
      return raise(tp_OverflowError, "Python int too large to convert to C int");
    out = int(i);
    return OK();
  }

  template <class E>
  Result<E> enum_value(Value v, Type** classes, int n, const char* what) {
    for (int i = 0; i < n; i++)
      if (TRY(isinstance_check(v, Value(classes[i])))) return static_cast<E>(i);
    return expected(what, v);
  }
  Result<ast::expr_context> to_enum(Value v, ast::expr_context*) {
    return enum_value<ast::expr_context>(v, S.ctx, kNumCtx, "expr_context");
  }
  Result<ast::boolop> to_enum(Value v, ast::boolop*) { return enum_value<ast::boolop>(v, S.boolop_t, kNumBoolop, "boolop"); }
  Result<ast::operator_t> to_enum(Value v, ast::operator_t*) {
    return enum_value<ast::operator_t>(v, S.operator_t, kNumOperator, "operator");
  }
  Result<ast::unaryop> to_enum(Value v, ast::unaryop*) {
    return enum_value<ast::unaryop>(v, S.unaryop_t, kNumUnaryop, "unaryop");
  }
  Result<ast::cmpop> to_enum(Value v, ast::cmpop*) { return enum_value<ast::cmpop>(v, S.cmpop_t, kNumCmpop, "cmpop"); }
  template <class E>
  Status load_enum(Value o, Str* key, const char* owner, E& out) {
    Value v;
    TRY(attr_into(o, key, &v));
    if (!v || is_none(v)) return missing(key->data, owner);
    out = TRY(to_enum(v, static_cast<E*>(nullptr)));
    return OK();
  }
  template <class E>
  Status load_enums(Value o, Str* key, const char* owner, std::vector<E>& out) {
    List* l = TRY(list_field(o, key, owner));
    for (int64_t i = 0; i < l->size; i++) out.push_back(TRY(to_enum(l->items[i], static_cast<E*>(nullptr))));
    return OK();
  }

  // Constant values: the types CPython's validate_constant accepts. Tuples and frozensets of
  // constants (which AST optimisers produce) have no ConstantValue form; tuples become Tuple
  // nodes of Constants, which compile to the same value.
  Status const_value(Value v, ConstantValue& c) {
    using K = ConstantValue::Kind;
    if (is_none(v)) c.kind = K::None;
    else if (v == True()) c.kind = K::True;
    else if (v == False()) c.kind = K::False;
    else if (v.obj() == g_Ellipsis) c.kind = K::Ellipsis;
    else if (is_int(v)) { c.kind = K::Int; c.text = int_to_string(v, 16); c.base = 16; }
    else if (is_float(v)) { c.kind = K::Float; c.number = float_val(v); }
    else if (is_str(v)) { c.kind = K::Str; c.text = std::string(as_str(v)->view()); }
    else if (is_bytes(v)) { c.kind = K::Bytes; c.text = std::string(as_bytes(v)->view()); }
    else return raise_fmt(tp_TypeError, "got an invalid type in Constant: %s", type_name(v));
    return OK();
  }
  Status load(Value o, Str* key, const char* owner, ConstantValue& out) {
    Value v;
    TRY(attr_into(o, key, &v));
    if (!v) return missing(key->data, owner);
    return const_value(v, out);
  }

  // A Constant whose value is a complex with a real part, a tuple or a frozenset: built as the
  // equivalent expression (re + imj, a Load tuple), since ConstantValue cannot hold it.
  Result<ast::expr*> special_constant(Value v, const ast::Node& pos) {
    auto place = [&](ast::Node* n) { n->lineno = pos.lineno; n->col_offset = pos.col_offset;
                                     n->end_lineno = pos.end_lineno; n->end_col_offset = pos.end_col_offset; };
    if (has_layout(v, Layout::Complex)) {
      Complex* c = v.as<Complex>();
      auto* im = A.make<ast::Constant>();
      place(im);
      im->value.kind = ConstantValue::Kind::Complex;
      im->value.number = c->im;
      if (c->re == 0.0 && !std::signbit(c->re)) return im;
      auto* re = A.make<ast::Constant>();
      place(re);
      re->value.kind = ConstantValue::Kind::Float;
      re->value.number = c->re;
      auto* b = A.make<ast::BinOp>();
      place(b);
      b->left = re;
      b->op = ast::operator_t::Add;
      b->right = im;
      return b;
    }
    if (is_tuple(v) || has_layout(v, Layout::FrozenSet)) {
      if (!is_tuple(v)) return raise(tp_TypeError, "frozenset constants are not supported by gilpy's compiler");
      auto* t = A.make<ast::Tuple>();
      place(t);
      t->ctx = ast::expr_context::Load;
      Tuple* tv = as_tuple(v);
      for (int64_t i = 0; i < tv->size; i++) {
        Value e = tv->items[i];
        if (has_layout(e, Layout::Complex) || is_tuple(e) || has_layout(e, Layout::FrozenSet)) {
          t->elts.push_back(TRY(special_constant(e, pos)));
          continue;
        }
        auto* c = A.make<ast::Constant>();
        place(c);
        TRY(const_value(e, c->value));
        t->elts.push_back(c);
      }
      return t;
    }
    return nullptr;
  }

  // ---- nodes -----------------------------------------------------------------------------
  template <class T>
  static constexpr const char* category_name() {
    if constexpr (std::is_same_v<T, ast::mod>) return "mod";
    else if constexpr (std::is_same_v<T, ast::stmt>) return "stmt";
    else if constexpr (std::is_same_v<T, ast::expr>) return "expr";
    else if constexpr (std::is_same_v<T, ast::excepthandler>) return "excepthandler";
    else if constexpr (std::is_same_v<T, ast::pattern>) return "pattern";
    else return nullptr;
  }

  // A node of C++ type T from v (not None). Sum categories dispatch on v's class; product types
  // (arguments, arg, ...) read their fields from any object, as CPython does.
  template <class T>
  Result<T*> to_node(Value v) {
    if constexpr (category_name<T>() != nullptr) {
      ast::Node pos;
      if constexpr (!std::is_same_v<T, ast::mod>) TRY(load_positions(v, category_name<T>(), pos));
      int k = TRY(kind_for(v, category_name<T>()));
      if constexpr (std::is_same_v<T, ast::expr>) {
        if (k == int(ast::Kind::Constant)) {
          // Constants whose value needs an expression (see special_constant).
          static Str* const value_key = str_intern("value");
          Value cv;
          TRY(attr_into(v, value_key, &cv));
          if (cv && (has_layout(cv, Layout::Complex) || is_tuple(cv) || has_layout(cv, Layout::FrozenSet)))
            return TRY(special_constant(cv, pos));
        }
      }
      ast::Node* n = TRY(build(ast::Kind(k), v));
      if constexpr (!std::is_same_v<T, ast::mod>) {
        n->lineno = pos.lineno;
        n->col_offset = pos.col_offset;
        n->end_lineno = pos.end_lineno;
        n->end_col_offset = pos.end_col_offset;
      }
      return static_cast<T*>(n);
    } else {
      ast::Node* n = TRY(build(T::kKind, v));
      if constexpr (kHasPositions<T>) TRY(load_positions(v, ast::kind_name(T::kKind), *n));
      return static_cast<T*>(n);
    }
  }

  // Which node class v is an instance of, within `category`.
  Result<int> kind_for(Value v, const char* category) {
    Tuple* mro = v.type()->mro;
    for (int64_t i = 0; mro && i < mro->size; i++) {
      auto it = kind_of.find(as_type(mro->items[i]));
      if (it == kind_of.end()) continue;
      Type* cat = as_type(S.node[it->second]->bases->items[0]);
      if (cat->name->view() == category) return it->second;
      break;
    }
    return expected(category, v);
  }

  Status load_positions(Value v, const char* owner, ast::Node& n) {
    int ln = 0, col = 0, eln = 0, ecol = 0;
    TRY(load_int(v, S.lineno, owner, ln, false));
    TRY(load_int(v, S.col_offset, owner, col, false));
    // End positions are optional (`int?`): absent ones repeat the start.
    Value e;
    TRY(attr_into(v, S.end_lineno, &e));
    if (e && !is_none(e)) TRY(load_int(v, S.end_lineno, owner, eln, false));
    else eln = ln;
    TRY(attr_into(v, S.end_col_offset, &e));
    if (e && !is_none(e)) TRY(load_int(v, S.end_col_offset, owner, ecol, false));
    else ecol = col;
    n.lineno = ln;
    n.col_offset = col;
    n.end_lineno = eln;
    n.end_col_offset = ecol;
    return OK();
  }

  template <class T>
  Status load_node(Value o, Str* key, const char* owner, T*& out, bool optional) {
    Value v;
    TRY(attr_into(o, key, &v));
    if (!v || is_none(v)) {
      if (optional) { out = nullptr; return OK(); }
      return missing(key->data, owner);
    }
    out = TRY(to_node<T>(v));
    return OK();
  }
  // Lists of nodes; None items are allowed only where the C++ AST keeps nullptr
  // (Dict.keys for `**m`, arguments.kw_defaults for parameters without a default).
  template <class T>
  Status load_list(Value o, Str* key, const char* owner, std::vector<T*>& out) {
    List* l = TRY(list_field(o, key, owner));
    bool allow_none = key->view() == "keys" || key->view() == "kw_defaults";
    for (int64_t i = 0; i < l->size; i++) {
      Value v = l->items[i];
      if (is_none(v)) {
        if (!allow_none) {
          if constexpr (std::is_same_v<T, ast::expr>) return raise(tp_ValueError, "None disallowed in expression list");
          else return raise_fmt(tp_ValueError, "None disallowed in %s list", key->data);
        }
        out.push_back(nullptr);
        continue;
      }
      out.push_back(TRY(to_node<T>(v)));
    }
    return OK();
  }

  Result<ast::Node*> build(ast::Kind k, Value v) {
    if (!enter_recursion()) return ERR;
    ast::Node* result = nullptr;
    bool ok = true;
#define GET(stmt_)                                     \
  if (!(stmt_).ok()) { ok = false; break; }
#define KEY(nm) ([]() { static Str* const k_ = str_intern(nm); return k_; }())
#define F_NODE(T, nm) GET(load_node<ast::T>(v, KEY(#nm), owner, x->nm, false))
#define F_ONODE(T, nm) GET(load_node<ast::T>(v, KEY(#nm), owner, x->nm, true))
#define F_LIST(T, nm) GET(load_list<ast::T>(v, KEY(#nm), owner, x->nm))
#define F_IDENT(nm) GET(load(v, KEY(#nm), owner, x->nm))
#define F_OIDENT(nm) GET(load_opt_str(v, KEY(#nm), x->nm, "identifier"))
#define F_IDENTS(nm) GET(load(v, KEY(#nm), owner, x->nm))
#define F_ENUM(T, nm) GET(load_enum(v, KEY(#nm), owner, x->nm))
#define F_ENUMS(T, nm) GET(load_enums(v, KEY(#nm), owner, x->nm))
#define F_INT(nm) GET(load_int(v, KEY(#nm), owner, x->nm, std::string_view(#nm) == "level"))
#define F_CONST(nm) GET(load(v, KEY(#nm), owner, x->nm))
#define F_OSTR(nm) GET(load_opt_str(v, KEY(#nm), x->nm, "string"))
#define F_OSTR_AS(nm, py) GET(load_opt_str(v, KEY(py), x->nm, "string"))
#define AST_NODE(name, base, ...)                         \
  case ast::Kind::name: {                                 \
    [[maybe_unused]] auto* x = A.make<ast::name>();       \
    [[maybe_unused]] const char* owner = #name;           \
    result = x;                                           \
    do {                                                  \
      __VA_ARGS__                                         \
    } while (0);                                          \
    break;                                                \
  }
    switch (k) {
#include "parser/ast_nodes.def"
    }
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
#undef KEY
#undef GET
    leave_recursion();
    if (!ok) return ERR;
    if (k == ast::Kind::TypeIgnore) {
      int ln = 0;
      TRY(load_int(v, S.lineno, "TypeIgnore", ln, false));
      result->lineno = ln;
    }
    return result;
  }
};

// ============================ validation ======================================================
// The checks of CPython's Python/ast.c that guard the compiler against trees the parser never
// produces: expression contexts, empty bodies, negative import levels.
struct Validator {
  static const char* ctx_name(ast::expr_context c) { return ast::enum_name(c); }

  static Status ctx(ast::expr* e, ast::expr_context want) {
    ast::expr_context have;
    switch (e->kind) {
      case ast::Kind::Name: have = static_cast<ast::Name*>(static_cast<ast::Node*>(e))->ctx; break;
      case ast::Kind::Attribute: have = static_cast<ast::Attribute*>(static_cast<ast::Node*>(e))->ctx; break;
      case ast::Kind::Subscript: have = static_cast<ast::Subscript*>(static_cast<ast::Node*>(e))->ctx; break;
      case ast::Kind::Starred: have = static_cast<ast::Starred*>(static_cast<ast::Node*>(e))->ctx; break;
      case ast::Kind::List: have = static_cast<ast::List*>(static_cast<ast::Node*>(e))->ctx; break;
      case ast::Kind::Tuple: have = static_cast<ast::Tuple*>(static_cast<ast::Node*>(e))->ctx; break;
      default:
        if (want != ast::expr_context::Load)
          return raise_fmt(tp_ValueError, "expression which can't be assigned to in %s context", ctx_name(want));
        return OK();
    }
    if (have != want)
      return raise_fmt(tp_ValueError, "expression must have %s context but has %s instead", ctx_name(want),
                       ctx_name(have));
    return OK();
  }

  // Walk n; `want` is the context expected of n itself when it is an expression.
  static Status walk(ast::Node* n, ast::expr_context want) {
    if (!n) return OK();
    if (!enter_recursion()) return ERR;
    Status s = walk_inner(n, want);
    leave_recursion();
    return s;
  }
  static Status generators(const std::vector<ast::comprehension*>& g) {
    if (g.empty()) return raise(tp_ValueError, "comprehension with no generators");
    return OK();
  }
  static Status body(const std::vector<ast::stmt*>& b, const char* owner) {
    if (b.empty()) return raise_fmt(tp_ValueError, "empty body on %s", owner);
    return OK();
  }
  template <class F>  // For, AsyncFor
  static Status for_loop(F* x) {
    TRY(body(x->body, ast::kind_name(F::kKind)));
    TRY(walk(x->target, ast::expr_context::Store));
    TRY(walk(x->iter, ast::expr_context::Load));
    for (auto* s : x->body) TRY(walk(s, ast::expr_context::Load));
    for (auto* s : x->orelse) TRY(walk(s, ast::expr_context::Load));
    return OK();
  }
  template <class T>  // Try, TryStar
  static Status try_stmt(T* x) {
    const char* nm = ast::kind_name(T::kKind);
    TRY(body(x->body, nm));
    if (x->handlers.empty() && x->finalbody.empty())
      return raise_fmt(tp_ValueError, "%s has neither except handlers nor finalbody", nm);
    if (x->handlers.empty() && !x->orelse.empty())
      return raise_fmt(tp_ValueError, "%s has orelse but no except handlers", nm);
    return OK();
  }
  static Status walk_inner(ast::Node* n, ast::expr_context want) {
    using ast::expr_context;
    const auto Load = expr_context::Load, Store = expr_context::Store, Del = expr_context::Del;
    if (n->kind == ast::Kind::Name) {  // checked before its context, as CPython does
      const std::string& id = static_cast<ast::Name*>(n)->id;
      if (id == "None" || id == "True" || id == "False")
        return raise_fmt(tp_ValueError, "identifier field can't represent '%s' constant", id.c_str());
    }
    switch (n->kind) {
      case ast::Kind::Name: case ast::Kind::Attribute: case ast::Kind::Subscript:
      case ast::Kind::Starred: case ast::Kind::List: case ast::Kind::Tuple:
        TRY(ctx(static_cast<ast::expr*>(n), want));
        break;
      default: break;
    }
    // Children of targets keep the context through List/Tuple/Starred; everything else
    // (and the value of Attribute/Subscript) is read.
    switch (n->kind) {
      case ast::Kind::List:
        for (auto* e : static_cast<ast::List*>(n)->elts) TRY(walk(e, want));
        return OK();
      case ast::Kind::Tuple:
        for (auto* e : static_cast<ast::Tuple*>(n)->elts) TRY(walk(e, want));
        return OK();
      case ast::Kind::Starred: return walk(static_cast<ast::Starred*>(n)->value, want);
      case ast::Kind::Assign: {
        auto* x = static_cast<ast::Assign*>(n);
        if (x->targets.empty()) return raise(tp_ValueError, "empty targets on Assign");
        for (auto* t : x->targets) TRY(walk(t, Store));
        return walk(x->value, Load);
      }
      case ast::Kind::AugAssign: {
        auto* x = static_cast<ast::AugAssign*>(n);
        TRY(walk(x->target, Store));
        return walk(x->value, Load);
      }
      case ast::Kind::AnnAssign: {
        auto* x = static_cast<ast::AnnAssign*>(n);
        TRY(walk(x->target, Store));
        TRY(walk(x->annotation, Load));
        return walk(x->value, Load);
      }
      case ast::Kind::Delete: {
        auto* x = static_cast<ast::Delete*>(n);
        if (x->targets.empty()) return raise(tp_ValueError, "empty targets on Delete");
        for (auto* t : x->targets) TRY(walk(t, Del));
        return OK();
      }
      case ast::Kind::For: return for_loop(static_cast<ast::For*>(n));
      case ast::Kind::AsyncFor: return for_loop(static_cast<ast::AsyncFor*>(n));
      case ast::Kind::NamedExpr: {
        auto* x = static_cast<ast::NamedExpr*>(n);
        if (x->target->kind != ast::Kind::Name)
          return raise(tp_TypeError, "NamedExpr target must be a Name");
        TRY(walk(x->target, Store));
        return walk(x->value, Load);
      }
      case ast::Kind::comprehension: {
        auto* x = static_cast<ast::comprehension*>(n);
        TRY(walk(x->target, Store));
        TRY(walk(x->iter, Load));
        for (auto* e : x->ifs) TRY(walk(e, Load));
        return OK();
      }
      case ast::Kind::withitem: {
        auto* x = static_cast<ast::withitem*>(n);
        TRY(walk(x->context_expr, Load));
        return walk(x->optional_vars, Store);
      }
      case ast::Kind::FunctionDef: TRY(body(static_cast<ast::FunctionDef*>(n)->body, "FunctionDef")); break;
      case ast::Kind::AsyncFunctionDef:
        TRY(body(static_cast<ast::AsyncFunctionDef*>(n)->body, "AsyncFunctionDef"));
        break;
      case ast::Kind::ClassDef: TRY(body(static_cast<ast::ClassDef*>(n)->body, "ClassDef")); break;
      case ast::Kind::While: TRY(body(static_cast<ast::While*>(n)->body, "While")); break;
      case ast::Kind::If: TRY(body(static_cast<ast::If*>(n)->body, "If")); break;
      case ast::Kind::With:
        if (static_cast<ast::With*>(n)->items.empty()) return raise(tp_ValueError, "empty items on With");
        TRY(body(static_cast<ast::With*>(n)->body, "With"));
        break;
      case ast::Kind::AsyncWith:
        if (static_cast<ast::AsyncWith*>(n)->items.empty()) return raise(tp_ValueError, "empty items on AsyncWith");
        TRY(body(static_cast<ast::AsyncWith*>(n)->body, "AsyncWith"));
        break;
      case ast::Kind::Try: TRY(try_stmt(static_cast<ast::Try*>(n))); break;
      case ast::Kind::TryStar: TRY(try_stmt(static_cast<ast::TryStar*>(n))); break;
      case ast::Kind::ExceptHandler: TRY(body(static_cast<ast::ExceptHandler*>(n)->body, "ExceptHandler")); break;
      case ast::Kind::ImportFrom:
        if (static_cast<ast::ImportFrom*>(n)->level < 0) return raise(tp_ValueError, "Negative ImportFrom level");
        if (static_cast<ast::ImportFrom*>(n)->names.empty()) return raise(tp_ValueError, "empty names on ImportFrom");
        break;
      case ast::Kind::Compare: {
        auto* x = static_cast<ast::Compare*>(n);
        if (x->comparators.empty()) return raise(tp_ValueError, "Compare with no comparators");
        if (x->comparators.size() != x->ops.size())
          return raise(tp_ValueError, "Compare has a different number of comparators and operands");
        break;
      }
      case ast::Kind::BoolOp:
        if (static_cast<ast::BoolOp*>(n)->values.size() < 2) return raise(tp_ValueError, "BoolOp with less than 2 values");
        break;
      case ast::Kind::ListComp:
        TRY(generators(static_cast<ast::ListComp*>(n)->generators));
        break;
      case ast::Kind::SetComp:
        TRY(generators(static_cast<ast::SetComp*>(n)->generators));
        break;
      case ast::Kind::GeneratorExp:
        TRY(generators(static_cast<ast::GeneratorExp*>(n)->generators));
        break;
      case ast::Kind::DictComp:
        TRY(generators(static_cast<ast::DictComp*>(n)->generators));
        break;
      case ast::Kind::Dict: {
        auto* x = static_cast<ast::Dict*>(n);
        if (x->keys.size() != x->values.size())
          return raise(tp_ValueError, "Dict doesn't have the same number of keys as values");
        break;
      }
      case ast::Kind::arguments: {
        auto* x = static_cast<ast::arguments*>(n);
        if (x->defaults.size() > x->posonlyargs.size() + x->args.size())
          return raise(tp_ValueError, "more positional defaults than args on arguments");
        if (x->kw_defaults.size() != x->kwonlyargs.size())
          return raise(tp_ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments");
        break;
      }
      case ast::Kind::Import:
        if (static_cast<ast::Import*>(n)->names.empty()) return raise(tp_ValueError, "empty names on Import");
        break;
      case ast::Kind::Global:
        if (static_cast<ast::Global*>(n)->names.empty()) return raise(tp_ValueError, "empty names on Global");
        break;
      case ast::Kind::Nonlocal:
        if (static_cast<ast::Nonlocal*>(n)->names.empty()) return raise(tp_ValueError, "empty names on Nonlocal");
        break;
      case ast::Kind::Raise: {
        auto* x = static_cast<ast::Raise*>(n);
        if (x->cause && !x->exc) return raise(tp_ValueError, "Raise with cause but no exception");
        break;
      }
      case ast::Kind::Match:
        if (static_cast<ast::Match*>(n)->cases.empty()) return raise(tp_ValueError, "empty cases on Match");
        break;
      default: break;
    }
    Status st;
    ast::for_each_child(n, [&](ast::Node* c) {
      if (st.ok()) st = walk(c, Load);
    });
    return st;
  }
};

}  // namespace
}  // namespace astpy

// compile(source, filename, mode, PyCF_ONLY_AST): the _ast tree of the source.
// feature_version: compile()'s _feature_version (ast.parse's minor version; -1: the current).
Result<Value> ast_from_source(std::string_view src, Str* filename, parser::Mode mode, bool utf8, bool type_comments,
                              int feature_version) {
  astpy::State* S = TRY(astpy::ast_state());
  parser::ParseResult pr = parser::parse(src, filename->view(), mode, utf8, false, type_comments, feature_version);
  TRY(compiler::issue_warnings(pr.warnings, filename));
  if (pr.error) return compiler::raise_syntax_error(*pr.error);
  astpy::ToPy conv{*S};
  return conv.node(pr.root);
}

// compile(ast_tree, filename, mode): validate and compile an _ast tree.
Result<Value> compile_ast_object(Value tree, Str* filename, parser::Mode mode, uint32_t flags, int optimize) {
  astpy::State* S = TRY(astpy::ast_state());
  if (!isinstance(tree, S->AST))
    return raise(tp_TypeError, "compile() arg 1 must be a string, bytes or AST object");
  ast::Kind want = mode == parser::Mode::Exec   ? ast::Kind::Module
                   : mode == parser::Mode::Eval ? ast::Kind::Expression
                                                : ast::Kind::Interactive;
  if (!isinstance(tree, S->node[int(want)]))
    return raise_fmt(tp_TypeError, "expected %s node, got %s", ast::kind_name(want), type_name_of(tree.type()));
  ast::Arena arena;
  astpy::FromPy conv(*S, arena);
  ast::mod* root = TRY(conv.to_node<ast::mod>(tree));
  TRY(astpy::Validator::walk(root, ast::expr_context::Load));
  Code* c = TRY(compiler::compile_ast(root, "", filename, mode, flags, optimize));
  return Value(c);
}

}  // namespace gilpy

namespace gilpy {
// compile(ast_tree, ..., PyCF_ONLY_AST): the tree itself, unchecked (as in CPython).
Result<Value> ast_check_object(Value tree, parser::Mode) {
  astpy::State* S = TRY(astpy::ast_state());
  if (!isinstance(tree, S->AST)) return raise(tp_TypeError, "compile() arg 1 must be a string, bytes or AST object");
  return tree;
}
}  // namespace gilpy
