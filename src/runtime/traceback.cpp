// Printing an uncaught exception exactly as CPython 3.11's default
// sys.excepthook does: chained exceptions, "Traceback (most recent call
// last):", each frame with its source line and the ~~~^^^ position markers,
// repeated-frame folding, SyntaxError's caret block, __notes__, and exception
// groups with their framed, indented sub-exception blocks.
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "parser/parser.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

Result<std::string> read_file(const std::string& path);

static std::map<std::string, std::vector<std::string>>* g_line_cache;

// Source line `lineno` of `file` (with its newline stripped), or "" when unavailable.
std::string source_line(const std::string& file, int lineno) {
  if (!g_line_cache) g_line_cache = new std::map<std::string, std::vector<std::string>>();
  auto it = g_line_cache->find(file);
  if (it == g_line_cache->end()) {
    std::vector<std::string> lines;
    Result<std::string> text = read_file(file);
    if (text.ok()) {
      std::string& t = text.value();
      size_t pos = 0;
      while (pos <= t.size()) {
        size_t nl = t.find('\n', pos);
        if (nl == std::string::npos) {
          if (pos < t.size()) lines.push_back(t.substr(pos));
          break;
        }
        lines.push_back(t.substr(pos, nl - pos));
        pos = nl + 1;
      }
    } else {
      exc_clear();
    }
    it = g_line_cache->emplace(file, std::move(lines)).first;
  }
  if (lineno < 1 || size_t(lineno) > it->second.size()) return "";
  std::string l = it->second[size_t(lineno - 1)];
  if (!l.empty() && l.back() == '\r') l.pop_back();
  return l;
}

static int chars_before(const std::string& s, int byte_off) {
  int n = 0;
  for (int i = 0; i < byte_off && i < int(s.size()); i++)
    if ((static_cast<unsigned char>(s[size_t(i)]) & 0xC0) != 0x80) n++;
  return n;
}

struct Anchors {
  int left_end, right_start;  // character offsets within the segment
};

// The ~~~^^^ anchors for a binary operation or subscript spanning `seg`.
static bool caret_anchors(const std::string& seg, Anchors* out) {
  parser::ParseResult pr = parser::parse(seg, "<segment>", parser::Mode::Exec);
  if (pr.error || !pr.root) return false;
  auto* mod = ast::as<ast::Module>(pr.root);
  if (!mod || mod->body.size() != 1) return false;
  auto* ex = ast::as<ast::Expr>(mod->body[0]);
  if (!ex) return false;
  auto norm = [&](int byte_off) { return chars_before(seg, byte_off); };
  std::string chars_seg = seg;  // offsets below are byte-based on the segment's first line
  if (auto* b = ast::as<ast::BinOp>(ex->value)) {
    int op_start = b->left->end_col_offset;
    int op_end = b->right->col_offset;
    if (b->left->end_lineno != 1 || b->right->lineno != 1) return false;
    std::string op = seg.substr(size_t(op_start), size_t(op_end - op_start));
    int lead = 0;
    while (lead < int(op.size()) && (op[size_t(lead)] == ' ' || op[size_t(lead)] == '\t' || op[size_t(lead)] == '\n' ||
                                     op[size_t(lead)] == '\f'))
      lead++;
    int left = op_start + lead;
    int right = left + 1;
    if (lead + 1 < int(op.size()) && !std::isspace(static_cast<unsigned char>(op[size_t(lead + 1)]))) right++;
    while (left < int(seg.size()) && (std::isspace(static_cast<unsigned char>(seg[size_t(left)])) ||
                                      seg[size_t(left)] == ')' || seg[size_t(left)] == '#')) {
      left++;
      right++;
    }
    out->left_end = norm(left);
    out->right_start = norm(right);
    return true;
  }
  if (auto* s = ast::as<ast::Subscript>(ex->value)) {
    if (s->value->end_lineno != 1 || s->slice->end_lineno != 1) return false;
    int left = s->value->end_col_offset;
    int right = s->slice->end_col_offset + 1;
    while (left < int(seg.size()) && (std::isspace(static_cast<unsigned char>(seg[size_t(left)])) || seg[size_t(left)] != '['))
      left++;
    while (right < int(seg.size()) && (std::isspace(static_cast<unsigned char>(seg[size_t(right)])) || seg[size_t(right)] != ']'))
      right++;
    if (right < int(seg.size())) right++;
    out->left_end = norm(left);
    out->right_start = norm(right);
    return true;
  }
  return false;
}

static std::string strip(const std::string& s, size_t* lead_out) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\f' || s[a] == '\v')) a++;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r' || s[b - 1] == '\f')) b--;
  if (lead_out) *lead_out = a;
  return s.substr(a, b - a);
}

struct FrameLine {
  std::string file, name;
  int lineno;
  Position pos;
  bool operator==(const FrameLine& o) const { return file == o.file && name == o.name && lineno == o.lineno; }
};

// `margin`: what precedes each line inside an exception group ("    | ").
static void format_frame(std::string& out, const FrameLine& fl, const std::string& margin) {
  out += margin + "  File \"" + fl.file + "\", line " + std::to_string(fl.lineno) + ", in " + fl.name + "\n";
  std::string line = source_line(fl.file, fl.lineno);
  if (line.empty()) return;
  size_t lead;
  std::string stripped = strip(line, &lead);
  if (stripped.empty()) return;
  out += margin + "    " + stripped + "\n";
  const Position& p = fl.pos;
  if (p.line != fl.lineno || p.col < 0 || p.end_col < 0 || g_interp.no_debug_ranges) return;
  int start = chars_before(line, p.col) + 1;
  int stripped_chars = chars_before(line, int(lead));
  int end;
  Anchors anchors{};
  bool have_anchors = false;
  if (p.end_line != p.line) {
    // An instruction spanning several lines: CPython's C traceback printer
    // marks its first line up to the last character that is not whitespace
    // (nothing if that is the whole line).
    size_t last = line.find_last_not_of(" \t\n\r\f\v");
    end = last == std::string::npos ? start : chars_before(line, int(last) + 1) + 1;
  } else {
    end = chars_before(line, p.end_col) + 1;
  }
  if (p.end_line == p.line && p.end_col > p.col) {
    std::string seg = line.substr(size_t(p.col), size_t(p.end_col - p.col));
    have_anchors = caret_anchors(seg, &anchors);
  }
  int stripped_len = chars_before(stripped, int(stripped.size()));
  if (end - start < stripped_len || (have_anchors && anchors.right_start - anchors.left_end > 0)) {
    std::string marks = margin + "    " + std::string(size_t(std::max(0, start - 1 - stripped_chars)), ' ');
    if (have_anchors) {
      marks += std::string(size_t(anchors.left_end), '~');
      marks += std::string(size_t(std::max(0, anchors.right_start - anchors.left_end)), '^');
      marks += std::string(size_t(std::max(0, end - start - anchors.right_start)), '~');
    } else {
      marks += std::string(size_t(std::max(1, end - start)), '^');
    }
    out += marks + "\n";
  }
}

// "[Previous line repeated ...]" has no margin, as in CPython's C printer.
static void format_tb(std::string& out, Value tb, const std::string& margin) {
  std::vector<FrameLine> frames;
  for (Value t = tb; t && t.type() == tp_traceback; t = t.as<Traceback>()->next) {
    Traceback* x = t.as<Traceback>();
    Code* c = x->frame->code;
    FrameLine fl;
    fl.file = std::string(c->filename->view());
    fl.name = std::string(c->name->view());
    fl.lineno = x->lineno;
    int at = x->lasti / 2;  // tb_lasti is a byte offset (2 per instruction)
    fl.pos = at >= 0 && at < c->ninsns ? c->positions[at] : Position{x->lineno, x->lineno, -1, -1};
    frames.push_back(fl);
  }
  // Fold runs of identical frames after the third, as CPython does.
  const FrameLine* last = nullptr;
  int count = 0;
  for (size_t i = 0; i < frames.size(); i++) {
    if (last && frames[i] == *last) {
      count++;
    } else {
      if (count > 3) {
        int more = count - 3;
        out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
      }
      last = &frames[i];
      count = 1;
    }
    if (count <= 3) format_frame(out, frames[i], margin);
  }
  if (count > 3) {
    int more = count - 3;
    out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
  }
}

static std::string exc_type_name(Value exc) {
  Type* t = exc.type();
  std::string name(t->qualname->view());
  Value mod = dict_get_str(t->dict, N.__module__);
  if (mod && is_str(mod)) {
    std::string m(as_str(mod)->view());
    if (m != "__main__" && m != "builtins") name = m + "." + name;
  }
  return name;
}

Value attr_or_null(Value o, const char* name);
Value attr_or_null(Value o, const char* name) {
  Value v;
  if (getattr_opt(o, str_intern(name), &v).is_err()) {
    exc_clear();
    return Value();
  }
  return v;
}

// ---- "Did you mean" suggestions (CPython 3.11's rules) -----------------------------
// Levenshtein distance where a case-only change costs 1 and any other edit 2,
// giving up past max_cost; a candidate is suggested when at most about a third
// of the characters differ and it beats every earlier candidate.
static constexpr size_t kMoveCost = 2, kCaseCost = 1, kMaxStringSize = 40, kMaxCandidates = 750;

static size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = char(a + 32);
  if (b >= 'A' && b <= 'Z') b = char(b + 32);
  return a == b ? kCaseCost : kMoveCost;
}

static size_t edit_distance(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) { a.remove_prefix(1); b.remove_prefix(1); }
  while (!a.empty() && !b.empty() && a.back() == b.back()) { a.remove_suffix(1); b.remove_suffix(1); }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t row[kMaxStringSize];
  for (size_t i = 0; i < a.size(); i++) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); bi++) {
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ai++) {
      size_t substitute = distance + substitution_cost(b[bi], a[ai]);
      distance = row[ai];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

static Value best_suggestion(Value candidates, Str* name) {
  Result<List*> lr = to_list(candidates);
  if (lr.is_err()) { exc_clear(); return Value(); }
  List* l = lr.value();
  if (l->size >= int64_t(kMaxCandidates) || name->nbytes > int64_t(kMaxStringSize)) return Value();
  Value best;
  size_t best_dist = SIZE_MAX;
  for (int64_t i = 0; i < l->size; i++) {
    Value item = l->items[i];
    if (!is_str(item)) continue;
    Str* s = as_str(item);
    if (str_eq(s, name)) continue;
    size_t max_dist = (size_t(name->nbytes) + size_t(s->nbytes) + 3) * kMoveCost / 6;
    if (best && best_dist - 1 < max_dist) max_dist = best_dist - 1;
    size_t d = edit_distance(name->view(), s->view(), max_dist);
    if (d > max_dist) continue;
    if (!best || d < best_dist) {
      best = item;
      best_dist = d;
    }
  }
  return best;
}

Value attr_or_null(Value o, const char* name);

static Value suggestion_for(Value exc) {
  Value name = attr_or_null(exc, "name");
  if (!name || !is_str(name)) return Value();
  if (isinstance(exc, tp_NameError)) {
    Value tb = as_exc(exc)->traceback;
    Traceback* last = nullptr;
    for (Value t = tb; t && t.type() == tp_traceback; t = t.as<Traceback>()->next) last = t.as<Traceback>();
    if (!last) return Value();
    Frame* f = last->frame;
    Result<Dict*> locals = frame_locals(f);
    if (locals.is_err()) { exc_clear(); return Value(); }
    for (Value scope : {Value(locals.value()), Value(f->globals), Value(f->builtins)}) {
      Result<Value> keys = call_method0(scope, N.keys);
      if (keys.is_err()) { exc_clear(); continue; }
      Value s = best_suggestion(keys.value(), as_str(name));
      if (s) return s;
    }
    return Value();
  }
  if (isinstance(exc, tp_AttributeError)) {
    Value obj = attr_or_null(exc, "obj");
    if (!obj || is_none(obj)) return Value();
    Value dirf = lookup_special(obj, N.__dir__);
    if (!dirf) return Value();
    Result<Value> names = call0(dirf);
    if (names.is_err()) { exc_clear(); return Value(); }
    Result<List*> sorted_names = to_list(names.value());
    if (sorted_names.is_err()) { exc_clear(); return Value(); }
    if (list_sort(sorted_names.value(), Value(), false).is_err()) { exc_clear(); return Value(); }
    return best_suggestion(Value(sorted_names.value()), as_str(name));
  }
  return Value();
}

// ---- the printer: CPython 3.11's print_exception_recursive (Python/pythonrun.c) -----------
// Inside an exception group every line is indented by two spaces per level
// and carries a "| " margin; sub-exceptions are framed by "+----- N -----"
// separators, at most 15 per group and 10 groups deep.
struct ExcPrinter {
  static constexpr int kMaxGroupWidth = 15, kMaxGroupDepth = 10;
  std::string out;
  int depth = 0;  // exception group depth
  bool need_close = false;
  std::vector<Value> seen;

  std::string indent() const { return std::string(size_t(2 * depth), ' '); }
  std::string margin() const { return indent() + (depth ? "| " : ""); }
  bool is_seen(Value v) const {
    for (Value s : seen)
      if (s == v) return true;
    return false;
  }

  void notes(Value exc) {
    Value notes = attr_or_null(exc, "__notes__");
    if (!notes) return;
    if (!is_list(notes) && !is_tuple(notes) && !is_str(notes) &&
        (is_dict(notes) || !type_lookup(notes.type(), N.__getitem__))) {
      Result<Str*> r = repr(notes);
      if (r.is_err()) exc_clear();
      out += margin() + (r.ok() ? std::string(r.value()->view()) : "<__notes__ repr() failed>");
      return;  // (no newline: CPython 3.11.2 writes none)
    }
    Result<int64_t> n = len(notes);
    if (n.is_err()) { exc_clear(); return; }
    for (int64_t i = 0; i < n.value(); i++) {
      Result<Value> note = getitem(notes, Value::small(i));
      if (note.is_err()) { exc_clear(); return; }
      Result<Str*> ns = str(note.value());
      if (ns.is_err()) {
        exc_clear();
        out += "<note str() failed>";
      } else {
        std::string_view t = ns.value()->view();
        size_t pos = 0;
        while (pos < t.size()) {  // each line (its end kept) after the margin
          size_t nl = t.find('\n', pos);
          size_t stop = nl == std::string_view::npos ? t.size() : nl + 1;
          out += margin();
          out += t.substr(pos, stop - pos);
          pos = stop;
        }
      }
      out += "\n";
    }
  }

  void exception_only(Value exc) {
    std::string tname = exc_type_name(exc);
    if (isinstance(exc, tp_SyntaxError)) {
      Value fn = attr_or_null(exc, "filename"), ln = attr_or_null(exc, "lineno"), text = attr_or_null(exc, "text");
      Value off = attr_or_null(exc, "offset"), eoff = attr_or_null(exc, "end_offset"), eln = attr_or_null(exc, "end_lineno");
      Value msg = attr_or_null(exc, "msg");
      parser::SyntaxErrorInfo info;
      info.type = tname;
      if (fn && is_str(fn)) {
        info.filename = std::string(as_str(fn)->view());
      } else if (fn && !is_none(fn)) {
        Result<Str*> fs = str(fn);  // CPython prints a bytes filename as its str()
        if (fs.ok()) info.filename = std::string(fs.value()->view());
        else exc_clear();
      } else {
        info.filename = "<string>";
      }
      // The fields may hold anything a program put there (None, strings).
      auto as_int = [](Value x) {
        int64_t v;
        return x && is_int(x) && int_fits_i64(x, &v) && v >= INT32_MIN && v <= INT32_MAX ? int(v) : 0;
      };
      info.lineno = as_int(ln);
      info.offset = as_int(off);
      info.end_lineno = as_int(eln);
      info.end_offset = as_int(eoff);
      // CPython 3.11's printer underlines a range for SyntaxError itself
      // only: its subclasses (IndentationError, TabError, ...) get one caret.
      if (exc.type() != tp_SyntaxError) info.end_lineno = info.lineno, info.end_offset = 0;
      info.text = text && is_str(text) ? std::string(as_str(text)->view()) : "";
      Result<Str*> ms = msg && !is_none(msg) ? str(msg) : Result<Str*>(str_intern("None"));
      if (ms.is_err()) exc_clear();
      info.msg = ms.ok() ? std::string(ms.value()->view()) : "";
      if (ln && !is_none(ln)) {
        // The margin goes before the "  File" line and the message line only.
        std::string block = parser::format_syntax_error(info);
        size_t last = block.size() > 1 ? block.rfind('\n', block.size() - 2) : std::string::npos;
        if (last == std::string::npos) {
          out += margin() + block;
        } else {
          out += margin() + block.substr(0, last + 1) + margin() + block.substr(last + 1);
        }
        notes(exc);
        return;
      }
    }
    Result<Str*> s = str(exc);
    std::string text;
    if (s.is_err()) {
      exc_clear();
      text = "<exception str() failed>";
    } else {
      text = std::string(s.value()->view());
    }
    if (isinstance(exc, tp_NameError) || isinstance(exc, tp_AttributeError)) {
      Value sug = suggestion_for(exc);
      if (sug) text += ". Did you mean: '" + std::string(as_str(sug)->view()) + "'?";
    }
    out += margin() + (text.empty() ? tname + "\n" : tname + ": " + text + "\n");
    if (is_exception(exc)) notes(exc);
  }

  void exception(Value exc) {
    bool group = isinstance(exc, tp_BaseExceptionGroup);
    if (is_exception(exc) && as_exc(exc)->traceback) {
      std::string header_margin = group && depth == 1 ? "+ " : depth ? "| " : "";
      out += indent() + header_margin + (group ? "Exception Group Traceback" : "Traceback") + " (most recent call last):\n";
      format_tb(out, as_exc(exc)->traceback, margin());
    }
    exception_only(exc);
  }

  void chained(Value exc, const char* message) {
    bool saved_close = need_close;
    recursive(exc);
    need_close = saved_close;
    out += margin() + "\n" + margin() + message + margin() + "\n";
  }

  void cause_and_context(Value exc) {
    seen.push_back(exc);
    if (!is_exception(exc)) return;
    BaseExc* e = as_exc(exc);
    if (e->cause) {
      if (!is_seen(e->cause)) chained(e->cause, "The above exception was the direct cause of the following exception:\n");
    } else if (e->context && !e->suppress_context) {
      if (!is_seen(e->context)) chained(e->context, "During handling of the above exception, another exception occurred:\n");
    }
  }

  void group(Value eg) {
    if (depth > kMaxGroupDepth) {
      out += margin() + "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n";
      return;
    }
    if (depth == 0) depth++;
    exception(eg);
    Dict** dp = instance_dict_ptr(eg);
    Value ev = dp && *dp ? dict_get_str(*dp, str_intern("_exceptions")) : Value();
    Tuple* excs = ev && is_tuple(ev) ? as_tuple(ev) : tuple_empty();
    int64_t n = excs->size <= kMaxGroupWidth ? excs->size : kMaxGroupWidth + 1;
    need_close = false;
    for (int64_t i = 0; i < n; i++) {
      bool last = i == n - 1;
      if (last) need_close = true;  // the closing line may come from a nested group
      bool truncated = i >= kMaxGroupWidth;
      out += indent() + (i == 0 ? "+-" : "  ") + "+---------------- " +
             (truncated ? std::string("...") : std::to_string(i + 1)) + " ----------------\n";
      depth++;
      if (!truncated) {
        recursive(excs->items[i]);
      } else {
        int64_t more = excs->size - kMaxGroupWidth;
        out += margin() + "and " + std::to_string(more) + " more exception" + (more > 1 ? "s" : "") + "\n";
      }
      if (last && need_close) {
        out += indent() + "+------------------------------------\n";
        need_close = false;
      }
      depth--;
    }
    if (depth == 1) depth--;
  }

  void recursive(Value exc) {
    cause_and_context(exc);
    if (isinstance(exc, tp_BaseExceptionGroup)) {
      group(exc);
    } else {
      exception(exc);
    }
  }
};

std::string format_exception(Value exc) {
  ExcPrinter p;
  p.recursive(exc);
  return std::move(p.out);
}

static void write_stderr(const std::string& s) {
  Value err = sys_get(N.stderr);
  if (err && !is_none(err)) {
    Result<Value> r = call_method1(err, N.write, str_value(s));
    if (r.ok()) {
      Result<Value> f = call_method0(err, N.flush);
      if (f.is_err()) exc_clear();
      return;
    }
    exc_clear();
  }
  fwrite(s.data(), 1, s.size(), stderr);
}

void print_exception_and_clear() {
  Value exc = exc_fetch();
  if (!exc) return;
  // (stdout is not flushed first: CPython's traceback reaches a shared pipe
  // before the program's buffered output, which is flushed at exit.)
  Value hook = sys_get(N.excepthook);
  Value dflt = sys_get(str_intern("__excepthook__"));
  if (hook && hook != dflt && !is_none(hook)) {
    Value args[3] = {Value(exc.type()), exc, is_exception(exc) && as_exc(exc)->traceback ? as_exc(exc)->traceback : None()};
    Result<Value> r = call(hook, args, 3);
    if (r.ok()) return;
    Value e2 = exc_fetch();
    write_stderr("Error in sys.excepthook:\n" + format_exception(e2) + "\nOriginal exception was:\n");
  }
  write_stderr(format_exception(exc));
}

// sys.__excepthook__(type, value, tb): the default display, never the hook.
void display_exception(Value value) {
  if (!value || is_none(value)) {
    write_stderr("NoneType: None\n");
    return;
  }
  if (!is_exception(value)) {
    write_stderr(std::string("TypeError: print_exception(): Exception expected for value, ") + type_name(value) +
                 " found\n");
    return;
  }
  write_stderr(format_exception(value));
}

}  // namespace gilpy
