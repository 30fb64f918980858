// AST node structs mirroring CPython 3.11's `ast` module. The node kinds and
// their fields are defined once in ast_nodes.def; this header derives the
// Kind enum, forward declarations and struct definitions from it.
//
// Conventions (as in CPython): lineno/end_lineno are 1-based, col_offset/
// end_col_offset are 0-based UTF-8 byte offsets. Nodes are owned by an Arena;
// there is no virtual dispatch: check Node::kind and use as<T>() / cast<T>().
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gilpy::ast {

enum class Kind : uint8_t {
#define AST_NODE(name, base, ...) name,
#include "parser/ast_nodes.def"
#undef AST_NODE
};
inline constexpr int kNumKinds = 0
#define AST_NODE(name, base, ...) +1
#include "parser/ast_nodes.def"
#undef AST_NODE
    ;

const char* kind_name(Kind k);

enum class expr_context : uint8_t { Load, Store, Del };
enum class boolop : uint8_t { And, Or };
// `operator` in the ASDL; renamed because it is a C++ keyword.
enum class operator_t : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class unaryop : uint8_t { Invert, Not, UAdd, USub };
enum class cmpop : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

const char* enum_name(expr_context v);
const char* enum_name(boolop v);
const char* enum_name(operator_t v);
const char* enum_name(unaryop v);
const char* enum_name(cmpop v);

// The value of a Constant node.
struct ConstantValue {
  enum class Kind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
  Kind kind = Kind::None;
  // Int: digits without prefix or underscores, in `base` (10, 16, 8 or 2),
  // ready for mpz_set_str. Str: the decoded text as UTF-8, where lone
  // surrogates (from "\ud800" escapes) are encoded WTF-8 style as 3-byte
  // sequences. Bytes: the raw bytes.
  std::string text;
  int base = 10;
  // Float: the value; Complex: the imaginary part (the real part is 0).
  double number = 0.0;
};

struct Node {
  Kind kind;
  int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
};

// Abstract categories of the ASDL sum types.
struct mod : Node {};
struct stmt : Node {};
struct expr : Node {};
struct excepthandler : Node {};
struct pattern : Node {};

#define AST_NODE(name, base, ...) struct name;
#include "parser/ast_nodes.def"
#undef AST_NODE

#define F_NODE(T, name) ::gilpy::ast::T* name = nullptr;
#define F_ONODE(T, name) ::gilpy::ast::T* name = nullptr;
#define F_LIST(T, name) std::vector<::gilpy::ast::T*> name;
#define F_IDENT(name) std::string name;
#define F_OIDENT(name) std::optional<std::string> name;
#define F_IDENTS(name) std::vector<std::string> name;
#define F_ENUM(T, name) ::gilpy::ast::T name{};
#define F_ENUMS(T, name) std::vector<::gilpy::ast::T> name;
#define F_INT(name) int name = 0;
#define F_CONST(name) ::gilpy::ast::ConstantValue name;
#define F_OSTR(name) std::optional<std::string> name;
#define F_OSTR_AS(name, py) std::optional<std::string> name;
#define AST_NODE(name, base, ...)                                  \
  struct name : ::gilpy::ast::base {                               \
    static constexpr ::gilpy::ast::Kind kKind = ::gilpy::ast::Kind::name; \
    __VA_ARGS__                                                    \
  };
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

// Checked downcasts.
template <class T>
T* as(Node* n) { return n && n->kind == T::kKind ? static_cast<T*>(n) : nullptr; }
template <class T>
const T* as(const Node* n) { return n && n->kind == T::kKind ? static_cast<const T*>(n) : nullptr; }

// Calls f(Node*) for each non-null direct child of n, in field order.
template <class F>
void for_each_child(Node* n, F&& f) {
#define F_NODE(T, name) if (x->name) f(x->name);
#define F_ONODE(T, name) if (x->name) f(x->name);
#define F_LIST(T, name) for (auto* c : x->name) if (c) f(c);
#define F_IDENT(name)
#define F_OIDENT(name)
#define F_IDENTS(name)
#define F_ENUM(T, name)
#define F_ENUMS(T, name)
#define F_INT(name)
#define F_CONST(name)
#define F_OSTR(name)
#define F_OSTR_AS(name, py)
#define AST_NODE(name, base, ...)          \
  case Kind::name: {                       \
    [[maybe_unused]] auto* x = static_cast<name*>(n); \
    __VA_ARGS__                            \
    break;                                 \
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
}

// Owns every node of one parse. Nodes are bump-allocated in blocks; their
// destructors run (by kind) when the arena dies. Not thread-safe: one arena
// per parse.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  template <class T>
  T* make() {
    void* p = allocate(sizeof(T), alignof(T));
    T* n = new (p) T();
    n->kind = T::kKind;
    nodes_.push_back(n);
    return n;
  }
  size_t node_count() const { return nodes_.size(); }

 private:
  void* allocate(size_t size, size_t align);
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* cur_ = nullptr;
  size_t left_ = 0;
  std::vector<Node*> nodes_;
};

}  // namespace gilpy::ast
