// Arena allocation and the name tables derived from ast_nodes.def.
#include "parser/ast.h"

#include <new>

namespace gilpy::ast {

namespace {
constexpr size_t kBlockSize = 64 * 1024;

const char* const kKindNames[] = {
#define AST_NODE(name, base, ...) #name,
#include "parser/ast_nodes.def"
#undef AST_NODE
};
}  // namespace

const char* kind_name(Kind k) { return kKindNames[static_cast<int>(k)]; }

const char* enum_name(expr_context v) {
  static const char* const n[] = {"Load", "Store", "Del"};
  return n[static_cast<int>(v)];
}
const char* enum_name(boolop v) {
  static const char* const n[] = {"And", "Or"};
  return n[static_cast<int>(v)];
}
const char* enum_name(operator_t v) {
  static const char* const n[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",    "Mod",     "Pow",
                                  "LShift", "RShift", "BitOr", "BitXor",  "BitAnd", "FloorDiv"};
  return n[static_cast<int>(v)];
}
const char* enum_name(unaryop v) {
  static const char* const n[] = {"Invert", "Not", "UAdd", "USub"};
  return n[static_cast<int>(v)];
}
const char* enum_name(cmpop v) {
  static const char* const n[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
  return n[static_cast<int>(v)];
}

void* Arena::allocate(size_t size, size_t align) {
  size_t pad = (align - reinterpret_cast<uintptr_t>(cur_) % align) % align;
  if (cur_ == nullptr || pad + size > left_) {
    size_t bs = size + align > kBlockSize ? size + align : kBlockSize;
    blocks_.push_back(std::unique_ptr<std::byte[]>(new std::byte[bs]));
    cur_ = blocks_.back().get();
    left_ = bs;
    pad = (align - reinterpret_cast<uintptr_t>(cur_) % align) % align;
  }
  void* p = cur_ + pad;
  cur_ += pad + size;
  left_ -= pad + size;
  return p;
}

Arena::~Arena() {
  for (Node* n : nodes_) {
    switch (n->kind) {
#define AST_NODE(name, base, ...) \
  case Kind::name:                \
    static_cast<name*>(n)->~name(); \
    break;
#include "parser/ast_nodes.def"
#undef AST_NODE
    }
  }
}

}  // namespace gilpy::ast
