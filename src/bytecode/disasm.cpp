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

// The repr of a nested code object, without CPython's " at 0x..." address so
// the listing is reproducible (dis.py shows the address, as CPython's does).
static std::string code_label(Code* k) {
  return "<code object " + std::string(k->name->view()) + ", file \"" + std::string(k->filename->view()) +
         "\", line " + std::to_string(k->firstlineno) + ">";
}

static std::string arg_repr(Code* c, Op op, uint32_t arg) {
  uint32_t f = op_info[op].flags;
  auto safe_repr = [](Value v) -> std::string {
    Result<Str*> r = repr(v);
    if (r.is_err()) { exc_clear(); return "?"; }
    return std::string(r.value()->view());
  };
  if (f & OPF_CONST) {
    Value v = c->consts->items[arg];
    if (is_code(v)) return code_label(v.as<Code>());
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
  if (op == FORMAT_VALUE) {
    static const char* const conv[4] = {"", "str", "repr", "ascii"};
    std::string r = conv[arg & FVC_MASK];
    if (arg & FVS_HAVE_SPEC) r += r.empty() ? "with format" : ", with format";
    return r;
  }
  if (op == MAKE_FUNCTION) {
    static const char* const names[4] = {"defaults", "kwdefaults", "annotations", "closure"};
    std::string r;
    for (int i = 0; i < 4; i++) {
      if (!(arg & (1u << i))) continue;
      if (!r.empty()) r += ", ";
      r += names[i];
    }
    return r;
  }
  return "";
}

// One code object, as CPython 3.11's dis.disassemble prints it: columns line
// number (3 wide, wider from line 1000), current-instruction marker (always
// blank here), ">>" for jump and exception-handler targets, byte offset
// (2 x instruction index), opname padded to 20, the raw argument right-aligned
// in 5, its meaning in parentheses; a blank line before each new source line;
// then the exception table. Jump arguments are absolute instruction indices,
// so "(to N)" shows N = 2 x arg. CACHE words are not listed (their offsets are
// skipped, as CPython's are).
static void disassemble(Code* c, std::string& out) {
  std::set<uint32_t> targets;
  int maxline = 0;
  for (int i = 0; i < c->ninsns; i++) {
    Op op = op_of(c->insns[i]);
    if (op_info[op].flags & OPF_JUMP) targets.insert(arg_of(c->insns[i]));
    if (c->positions[i].line > maxline) maxline = c->positions[i].line;
  }
  for (int i = 0; i < c->nexc; i++) targets.insert(c->exctable[i].target);
  int lineno_width = maxline <= 0 ? 0 : maxline >= 1000 ? int(std::to_string(maxline).size()) : 3;
  int maxoffset = (c->ninsns - 1) * 2;
  int offset_width = maxoffset >= 10000 ? int(std::to_string(maxoffset).size()) : 4;
  int last_line = -1;
  for (int i = 0; i < c->ninsns; i++) {
    Op op = op_of(c->insns[i]);
    uint32_t arg = shown_arg(c->insns[i]);
    int line = c->positions[i].line;
    bool starts_line = line >= 0 && line != last_line;
    if (starts_line) last_line = line;
    if (op == CACHE) continue;
    char buf[64];
    std::string row;
    if (lineno_width) {
      if (starts_line) {
        if (i > 0) out += "\n";
        std::snprintf(buf, sizeof buf, "%*d ", lineno_width, line);
        row += buf;
      } else {
        row += std::string(size_t(lineno_width), ' ') + " ";
      }
    }
    row += "    ";  // current-instruction marker column, then a space
    row += targets.count(uint32_t(i)) ? ">> " : "   ";
    std::snprintf(buf, sizeof buf, "%*d %-20s", offset_width, i * 2, op_info[op].name);
    row += buf;
    uint32_t f = op_info[op].flags;
    if (f) {
      std::snprintf(buf, sizeof buf, " %5u", arg);
      row += buf;
      std::string r = arg_repr(c, op, arg);
      if (!r.empty()) row += " (" + r + ")";
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  if (c->nexc > 0) {
    out += "ExceptionTable:\n";
    for (int i = 0; i < c->nexc; i++) {
      const ExcEntry& e = c->exctable[i];
      out += "  " + std::to_string(e.start * 2) + " to " + std::to_string((e.end - 1) * 2) + " -> " +
             std::to_string(e.target * 2) + " [" + std::to_string(e.depth) + "]" + (e.lasti ? " lasti" : "") + "\n";
    }
  }
}

// dis.dis of a code object: the code, then each code object among its
// constants (depth first, in co_consts order), as CPython's dis recurses.
static void disassemble_recursive(Code* c, std::string& out) {
  disassemble(c, out);
  for (int64_t i = 0; i < c->consts->size; i++) {
    Value v = c->consts->items[i];
    if (!is_code(v)) continue;
    out += "\nDisassembly of " + code_label(v.as<Code>()) + ":\n";
    disassemble_recursive(v.as<Code>(), out);
  }
}

std::string disassemble_code(Code* c) {
  std::string out;
  disassemble_recursive(c, out);
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
