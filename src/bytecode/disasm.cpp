// The disassembler behind `gilpy --dis FILE`: a listing in the layout of
// CPython 3.11's dis (line numbers, offsets, >> jump targets, arguments with
// their values in parentheses), recursing into nested code objects.
#include <cstdio>
#include <set>
#include <string>

#include "bytecode/opcodes.h"
#include "compiler/compile.h"
#include "objects/code.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

Result<std::string> read_file(const std::string& path);
std::string format_exception(Value exc);

static std::string arg_repr(Code* c, Op op, uint32_t arg) {
  uint32_t f = op_info[op].flags;
  auto safe_repr = [](Value v) -> std::string {
    Result<Str*> r = repr(v);
    if (r.is_err()) { exc_clear(); return "?"; }
    return std::string(r.value()->view());
  };
  if (f & OPF_CONST) {
    Value v = c->consts->items[arg];
    if (is_code(v)) {
      Code* k = v.as<Code>();
      return "<code object " + std::string(k->name->view()) + ", file \"" + std::string(k->filename->view()) +
             "\", line " + std::to_string(k->firstlineno) + ">";
    }
    return safe_repr(v);
  }
  if (f & OPF_NAME) return std::string(as_str(c->names->items[arg])->view());
  if (f & OPF_LOCAL) return std::string(as_str(c->varnames->items[arg])->view());
  if (f & OPF_FREE) {
    if (int(arg) < c->ncells) return std::string(as_str(c->cellvars->items[arg])->view());
    return std::string(as_str(c->freevars->items[arg - uint32_t(c->ncells)])->view());
  }
  if (f & OPF_JUMP) return "to " + std::to_string(arg * 2);
  if (f & OPF_CMP) return cmp_symbol[arg];
  if (f & OPF_BINOP) return arg < NB_COUNT ? binop_symbol[arg] : "?";
  return "";
}

static void disassemble(Code* c, std::string& out, std::vector<Code*>& nested) {
  std::set<uint32_t> targets;
  for (int i = 0; i < c->ninsns; i++) {
    Op op = op_of(c->insns[i]);
    if (op_info[op].flags & OPF_JUMP) targets.insert(arg_of(c->insns[i]));
  }
  for (int i = 0; i < c->nexc; i++) targets.insert(c->exctable[i].target);
  int last_line = -1;
  for (int i = 0; i < c->ninsns; i++) {
    Op op = op_of(c->insns[i]);
    if (op == CACHE) continue;
    uint32_t arg = arg_of(c->insns[i]);
    int line = c->positions[i].line;
    char buf[160];
    std::string lineno = "   ";
    if (line != last_line && line > 0) {
      if (last_line != -1) out += "\n";
      std::snprintf(buf, sizeof buf, "%3d", line);
      lineno = buf;
      last_line = line;
    }
    std::string marker = targets.count(uint32_t(i)) ? ">>" : "  ";
    std::snprintf(buf, sizeof buf, "%s %s %4d %-20s", lineno.c_str(), marker.c_str(), i * 2, op_info[op].name);
    std::string row = buf;
    uint32_t f = op_info[op].flags;
    if (f) {
      std::snprintf(buf, sizeof buf, " %4u", (f & OPF_JUMP) ? arg * 2 : arg);
      row += buf;
      std::string r = arg_repr(c, op, arg);
      if (!r.empty()) row += " (" + r + ")";
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
    if ((f & OPF_CONST) && is_code(c->consts->items[arg])) nested.push_back(c->consts->items[arg].as<Code>());
  }
}

std::string disassemble_code(Code* c) {
  std::string out;
  std::vector<Code*> todo{c};
  bool first = true;
  while (!todo.empty()) {
    Code* k = todo.front();
    todo.erase(todo.begin());
    if (!first) out += "\nDisassembly of <code object " + std::string(k->name->view()) + ", file \"" +
                       std::string(k->filename->view()) + "\", line " + std::to_string(k->firstlineno) + ">:\n";
    first = false;
    std::vector<Code*> nested;
    disassemble(k, out, nested);
    todo.insert(todo.end(), nested.begin(), nested.end());
  }
  return out;
}

std::string disassemble_file(const std::string& path, bool* ok) {
  Result<std::string> src = read_file(path);
  if (src.is_err()) {
    *ok = false;
    return format_exception(exc_fetch());
  }
  Result<Code*> c = compiler::compile_source(src.value(), str_new(path), parser::Mode::Exec);
  if (c.is_err()) {
    *ok = false;
    return format_exception(exc_fetch());
  }
  *ok = true;
  return disassemble_code(c.value());
}

}  // namespace gilpy
