// ast.dump() as CPython 3.11 prints it (annotate_fields=True, no indent),
// derived field by field from ast_nodes.def. Optional fields that are absent
// are omitted; required ones print None; empty lists print [].
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

#include "parser/parser.h"
#include "tokenizer/tokenizer.h"

namespace gilpy::parser {

using namespace ast;

namespace {

// Digits in base 2/8/16 (or 10 with leading zeros) -> canonical decimal.
std::string to_decimal(const std::string& digits, int base) {
  std::vector<uint32_t> limbs;  // little-endian, base 1e9
  for (char ch : digits) {
    int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
    uint64_t carry = static_cast<uint64_t>(d);
    for (auto& l : limbs) {
      uint64_t v = static_cast<uint64_t>(l) * static_cast<uint64_t>(base) + carry;
      l = static_cast<uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  char buf[16];
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
    out += buf;
  }
  return out;
}

// Python's repr(float); with `complex_style`, no ".0" is appended (as in
// the imaginary part of a complex repr).
std::string float_repr(double v, bool complex_style) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "nan";
  char buf[64];
  int prec = 1;
  for (; prec <= 17; prec++) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  // buf = [-]d[.ddd]e[+-]XX
  std::string s(buf);
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t epos = s.find('e');
  int exp = std::atoi(s.c_str() + epos + 1);
  std::string digits;
  for (size_t i = 0; i < epos; i++)
    if (s[i] != '.') digits += s[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out = neg ? "-" : "";
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      out += "0.";
      out.append(static_cast<size_t>(-exp - 1), '0');
      out += digits;
    } else if (static_cast<int>(digits.size()) <= exp + 1) {
      out += digits;
      out.append(static_cast<size_t>(exp + 1 - static_cast<int>(digits.size())), '0');
      if (!complex_style) out += ".0";
    } else {
      out += digits.substr(0, exp + 1);
      out += '.';
      out += digits.substr(exp + 1);
    }
  } else {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    std::snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += buf;
  }
  return out;
}

std::string bytes_repr(const std::string& b) {
  bool sq = b.find('\'') != std::string::npos, dq = b.find('"') != std::string::npos;
  char q = (sq && !dq) ? '"' : '\'';
  std::string out = "b";
  out += q;
  for (unsigned char c : b) {
    if (c == q || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += q;
  return out;
}

std::string const_repr(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantValue::Kind::None: return "None";
    case ConstantValue::Kind::True: return "True";
    case ConstantValue::Kind::False: return "False";
    case ConstantValue::Kind::Ellipsis: return "Ellipsis";
    case ConstantValue::Kind::Int: return to_decimal(v.text, v.base);
    case ConstantValue::Kind::Float: return float_repr(v.number, false);
    case ConstantValue::Kind::Complex: return float_repr(v.number, true) + "j";
    case ConstantValue::Kind::Str: return tokenizer::py_repr(v.text);
    case ConstantValue::Kind::Bytes: return bytes_repr(v.text);
  }
  return "?";
}

template <class T>
constexpr bool kHasAttributes = std::is_base_of_v<stmt, T> || std::is_base_of_v<expr, T> ||
                                std::is_base_of_v<excepthandler, T> ||
                                std::is_base_of_v<pattern, T> || std::is_same_v<T, arg> ||
                                std::is_same_v<T, keyword> || std::is_same_v<T, alias>;

struct Dumper {
  std::string out;
  bool attrs;

  void sep(bool& first) {
    if (!first) out += ", ";
    first = false;
  }
  void node(const Node* n) {
    if (!n) {
      out += "None";
      return;
    }
    bool first = true;
#define F_NODE(T, name) sep(first), out += #name "=", node(x->name);
#define F_ONODE(T, name) \
  if (x->name) sep(first), out += #name "=", node(x->name);
#define F_LIST(T, name) sep(first), out += #name "=", list(x->name);
#define F_IDENT(name) sep(first), out += #name "=", out += tokenizer::py_repr(x->name);
#define F_OIDENT(name) \
  if (x->name) sep(first), out += #name "=", out += tokenizer::py_repr(*x->name);
#define F_IDENTS(name) sep(first), out += #name "=", idents(x->name);
#define F_ENUM(T, name) sep(first), out += #name "=", out += enum_name(x->name), out += "()";
#define F_ENUMS(T, name) sep(first), out += #name "=", enums(x->name);
#define F_INT(name) sep(first), out += #name "=", out += std::to_string(x->name);
#define F_CONST(name) sep(first), out += #name "=", out += const_repr(x->name);
#define F_OSTR(name) \
  if (x->name) sep(first), out += #name "=", out += tokenizer::py_repr(*x->name);
#define F_OSTR_AS(name, py) \
  if (x->name) sep(first), out += py "=", out += tokenizer::py_repr(*x->name);
#define AST_NODE(name, base, ...)                               \
  case Kind::name: {                                            \
    [[maybe_unused]] const auto* x = static_cast<const name*>(n); \
    out += #name "(";                                           \
    __VA_ARGS__                                                 \
    if (attrs && kHasAttributes<name>) attributes(n, first);    \
    out += ')';                                                 \
    break;                                                      \
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
  template <class T>
  void list(const std::vector<T*>& v) {
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      node(v[i]);
    }
    out += ']';
  }
  void idents(const std::vector<std::string>& v) {
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      out += tokenizer::py_repr(v[i]);
    }
    out += ']';
  }
  void enums(const std::vector<cmpop>& v) {
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      out += enum_name(v[i]);
      out += "()";
    }
    out += ']';
  }
  void attributes(const Node* n, bool& first) {
    sep(first);
    out += "lineno=" + std::to_string(n->lineno) + ", col_offset=" + std::to_string(n->col_offset) +
           ", end_lineno=" + std::to_string(n->end_lineno) +
           ", end_col_offset=" + std::to_string(n->end_col_offset);
  }
};

}  // namespace

std::string dump(const Node* n, bool include_attributes) {
  Dumper d{std::string(), include_attributes};
  d.node(n);
  return std::move(d.out);
}

}  // namespace gilpy::parser
