// _tokenize: TokenizerIter(source), the C tokenizer as an iterator, which
// CPython 3.11's tokenize._generate_tokens_from_c_tokenizer uses. Each item is
// (string, type, lineno, end_lineno, col_offset, end_col_offset, line), as
// CPython 3.11's Python-tokenize.c yields them:
//   - exact token types (token.EQUAL, not OP); async/await are ASYNC/AWAIT;
//   - no COMMENT or NL tokens; a comment ending a logical line becomes the
//     string of its NEWLINE token (the C tokenizer's token start stays there);
//     a NEWLINE is otherwise '' at the newline's column; INDENT/DEDENT are ''
//     with columns -1; no ENDMARKER (iteration stops there);
//   - columns count UTF-8 bytes; `line` is the tokenizer's buffer: the
//     physical lines read since the last line read between tokens, so it
//     spans the lines of a multi-line string or of a backslash continuation;
//   - errors the C tokenizer reports with an exception (bad numbers, stray
//     characters, unterminated strings, mismatched brackets) raise
//     SyntaxError after the tokens before them; the ones it only flags
//     (indentation errors, EOF inside brackets or after a backslash, a
//     character after a backslash) end the iteration silently.
// gilpy's own tokenizer does the lexing, eagerly; this file maps its tokens to
// those items and builds each tuple when it is asked for.
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/compile.h"
#include "gc/heap.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "parser/parser.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "tokenizer/tokenizer.h"

namespace gilpy {

namespace {

namespace tk = tokenizer;

// token.py numbers (CPython 3.11).
constexpr int kNAME = 1, kNUMBER = 2, kSTRING = 3, kNEWLINE = 4, kINDENT = 5, kDEDENT = 6, kOP = 54,
              kAWAIT = 55, kASYNC = 56;
constexpr int kFirstOp = 7;  // LPAR; operators.def lists the operators in token.py's order

// One item, by byte ranges into the tokenized source.
struct Rec {
  int32_t type;
  int32_t lineno, end_lineno, col, end_col;
  uint32_t tb, te;  // the token's string
  uint32_t lb, le;  // the `line` field
};

// A SyntaxWarning to issue before item `index` is returned.
struct Warn {
  int64_t index;
  int lineno, offset;
};

struct TokIter : Object {
  Str* src;  // the source as tokenized (newlines translated, one appended)
  Rec* recs;
  int64_t n, pos;
  Warn* warns;
  int64_t nwarns, next_warn;
  Tuple* warn_msgs;  // the warnings' messages and lines: (msg, text) per warning
  Value error;       // the exception to raise after the items, or null
  Str* line_cache;   // the last `line` value built, for (cache_lb, cache_le)
  uint32_t cache_lb, cache_le;
  bool done;
};

Type* tp_tokenizeriter;

bool silent_error(const tk::TokError& e) {
  // The C tokenizer flags these with tok->done only; _tokenize then just stops.
  if (e.type != "SyntaxError") return true;  // IndentationError, TabError
  if (e.unclosed_at_eof) return true;
  return e.msg == "unexpected EOF while parsing" ||
         e.msg == "unexpected character after line continuation character" ||
         (e.msg.size() > 18 && e.msg.compare(e.msg.size() - 18, 18, "' was never closed") == 0);
}

int op_type(const tk::Token& t, std::string_view text) {
  switch (t.kind) {
    case tk::TokKind::Name:
      if (text == "async") return kASYNC;
      if (text == "await") return kAWAIT;
      return kNAME;
    case tk::TokKind::Number: return kNUMBER;
    case tk::TokKind::String: return kSTRING;
    case tk::TokKind::Newline: return kNEWLINE;
    case tk::TokKind::Indent: return kINDENT;
    case tk::TokKind::Dedent: return kDEDENT;
    case tk::TokKind::Op: return kFirstOp - 1 + int(t.op);
    default: return kOP;  // a stray character such as '$'
  }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

Result<Value> tokenizeriter_new(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  if (n - 1 + nkw(kw) > 1)
    return raise_fmt(tp_TypeError, "tokenizeriter() takes at most 1 argument (%d given)", int(n - 1 + nkw(kw)));
  TRY(parse_args("tokenizeriter", a + 1, n - 1, kw, {"source"}, 1, out));
  if (!is_str(out[0]))
    return raise_fmt(tp_TypeError, "tokenizeriter() argument 'source' must be str, not %s", type_name(out[0]));
  Str* s = as_str(out[0]);
  std::string_view raw = s->view();
  if (raw.find('\0') != std::string_view::npos) return raise(tp_ValueError, "embedded null character");
  if (!s->ascii) {
    // Lone surrogates (WTF-8 ED A0..BF) cannot become the UTF-8 the tokenizer reads.
    for (size_t i = 0; i + 1 < raw.size(); i++) {
      if (uint8_t(raw[i]) == 0xED && uint8_t(raw[i + 1]) >= 0xA0) {
        TRY(call_method1(Value(s), str_intern("encode"), str_value("utf-8")));
        break;
      }
    }
  }
  // The C tokenizer reads a str with its newlines translated and a newline
  // appended when the last line has none, or ends in "\r\n" (its
  // translation loop then ends on the string's terminator, not on '\n').
  std::string text(raw);
  if (!text.empty() && (text.back() != '\n' || (text.size() > 1 && text[text.size() - 2] == '\r')) &&
      text.back() != '\r')
    text += '\n';
  tk::Options opts;
  opts.source_is_utf8 = true;
  // A str holds no BOM to strip: U+FEFF is a character like any other.
  const bool bom = text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0;
  tk::Tokenizer tz(text, opts);
  const std::string& src = tz.source();
  const std::vector<tk::Token>& toks = tz.tokens();
  const int nlines = tz.line_count();
  auto line_start = [&](int l) { return uint32_t(tz.line(l).data() - src.data()); };
  auto line_end = [&](int l) {
    std::string_view v = tz.line(l);
    return uint32_t(v.data() - src.data() + v.size());
  };

  // Which physical lines were read in the middle of a token (a multi-line
  // string, or after a backslash that follows a token): those join the
  // buffer of the line before them.
  std::vector<char> cont(size_t(nlines) + 2, 0), has_tok(size_t(nlines) + 2, 0);
  std::vector<uint32_t> last_end(size_t(nlines) + 2, 0);
  for (const tk::Token& t : toks) {
    if (t.kind == tk::TokKind::Error || t.kind == tk::TokKind::EndMarker || t.kind == tk::TokKind::Indent ||
        t.kind == tk::TokKind::Dedent || t.kind == tk::TokKind::Newline)
      continue;
    if (t.lineno < 1 || t.end_lineno > nlines) continue;
    for (int l = t.lineno + 1; l <= t.end_lineno; l++) cont[size_t(l)] = 1;
    has_tok[size_t(t.end_lineno)] = 1;
    last_end[size_t(t.end_lineno)] = t.end;
  }
  for (int l = 1; l < nlines; l++) {
    if (cont[size_t(l + 1)]) continue;
    std::string_view v = tz.line(l);
    if (v.size() < 2 || v.substr(v.size() - 2) != "\\\n") continue;
    uint32_t p = line_end(l) - 2;  // the backslash
    uint32_t q = has_tok[size_t(l)] ? last_end[size_t(l)] : line_start(l);
    while (q < p && is_space(src[q])) q++;
    if (q != p) continue;  // a comment, not a continuation
    // A line with nothing but a backslash, read afresh, is skipped while
    // the tokenizer looks for the next line's indentation: no join.
    if (!cont[size_t(l)] && !has_tok[size_t(l)]) continue;
    cont[size_t(l + 1)] = 1;
  }
  std::vector<uint32_t> group(size_t(nlines) + 2, 0);
  for (int l = 1; l <= nlines; l++) group[size_t(l)] = cont[size_t(l)] && l > 1 ? group[size_t(l - 1)] : line_start(l);

  // Where gilpy's stream and the C tokenizer's part ways at an error.
  size_t ntoks = 0;
  while (ntoks < toks.size() && toks[ntoks].kind != tk::TokKind::Error && toks[ntoks].kind != tk::TokKind::EndMarker)
    ntoks++;
  const size_t size = src.size();
  if (bom) {
    ntoks = 0;
  } else if (tz.error()) {
    const tk::TokError& e = *tz.error();
    // An unindent matching no outer level fails before any DEDENT.
    // So does a line starting with a backslash that continues nothing: the
    // C tokenizer meets it while it measures the indentation.
    if (e.msg == "unindent does not match any outer indentation level" ||
        e.msg == "unexpected character after line continuation character")
      while (ntoks > 0 && (toks[ntoks - 1].kind == tk::TokKind::Dedent || toks[ntoks - 1].kind == tk::TokKind::Indent))
        ntoks--;
    // A non-ASCII character the identifier cannot hold is part of the name
    // before it in the C tokenizer, which then rejects the whole name.
    if (ntoks > 0 && e.msg.rfind("invalid ", 0) == 0 && e.msg.find("character") != std::string::npos) {
      const tk::Token& p = toks[ntoks - 1];
      if (p.kind == tk::TokKind::Name && p.end < size && uint8_t(src[p.end]) >= 0x80 && p.end_lineno == e.lineno &&
          p.end_col + 1 == e.offset)
        ntoks--;
    }
  } else if (nlines > 0) {
    // Input ending in a backslash continuation: EOF inside a statement,
    // which the C tokenizer only flags; no DEDENTs follow.
    std::string_view last = tz.line(nlines);
    size_t k = 0;
    while (k < last.size() && is_space(last[k])) k++;
    if (last.substr(k) == "\\\n")
      while (ntoks > 0 && toks[ntoks - 1].kind == tk::TokKind::Dedent && toks[ntoks - 1].start >= size) ntoks--;
  }

  std::vector<Rec> recs;
  recs.reserve(toks.size());
  uint32_t prev_end = 0;
  for (size_t i = 0; i < ntoks; i++) {
    const tk::Token& t = toks[i];
    Rec r{};
    std::string_view ttext = tz.text(t);
    r.type = op_type(t, ttext);
    r.lineno = t.lineno;
    r.end_lineno = t.end_lineno;
    r.col = t.col;
    r.end_col = t.end_col;
    r.tb = t.start;
    r.te = t.end;
    int cur = t.end_lineno;
    if (t.kind == tk::TokKind::Indent || t.kind == tk::TokKind::Dedent) {
      r.col = r.end_col = -1;
      r.tb = r.te = 0;
      if (t.kind == tk::TokKind::Dedent && t.start >= size) {
        // At end of input: on the last line read.
        r.lineno = r.end_lineno = nlines;
      } else {
        // On the line where the indentation ends: gilpy puts them on the
        // first of the lines a backslash joins.
        uint32_t p = t.kind == tk::TokKind::Indent ? t.end : t.start;
        int l = t.lineno;
        for (;;) {
          while (p < size && is_space(src[p])) p++;
          if (p + 1 < size && src[p] == '\\' && src[p + 1] == '\n') {
            p += 2;
            l++;
            continue;
          }
          break;
        }
        r.lineno = r.end_lineno = l;
      }
      cur = r.lineno;
    } else if (t.kind == tk::TokKind::Newline) {
      // The newline itself is not part of the string; a comment before it is.
      uint32_t q = prev_end;
      for (;;) {
        while (q < t.start && is_space(src[q])) q++;
        if (q + 1 < t.start && src[q] == '\\' && src[q + 1] == '\n') {
          q += 2;
          continue;
        }
        break;
      }
      uint32_t b = (q < t.start && src[q] == '#') ? q : t.start;
      r.tb = b;
      r.te = t.start;
      r.col = t.col - int(t.start - b);
      r.end_col = t.col;
    }
    if (cur < 1) cur = 1;
    if (cur > nlines) cur = nlines;
    r.lb = nlines ? group[size_t(cur)] : 0;
    r.le = nlines ? line_end(cur) : 0;
    if (t.kind != tk::TokKind::Indent && t.kind != tk::TokKind::Dedent) prev_end = t.end;
    recs.push_back(r);
  }

  // The C tokenizer reads "<>" as one NOTEQUAL token (for barry_as_FLUFL);
  // gilpy's splits it. Join them, and split off the rest of ">=", ">>", ">>=".
  for (size_t i = 0; i + 1 < recs.size(); i++) {
    Rec& l = recs[i];
    Rec& g = recs[i + 1];
    if (l.type != kFirstOp - 1 + int(tk::Op::LESS) || g.tb != l.te || src[g.tb] != '>') continue;
    l.type = kFirstOp - 1 + int(tk::Op::NOTEQUAL);
    l.te++;
    l.end_col++;
    std::string_view rest(src.data() + g.tb + 1, g.te - g.tb - 1);
    if (rest.empty()) {
      recs.erase(recs.begin() + long(i + 1));
      continue;
    }
    g.tb++;
    g.col++;
    g.type = kFirstOp - 1 + int(rest == "=" ? tk::Op::EQUAL : rest == ">" ? tk::Op::GREATER : tk::Op::GREATEREQUAL);
  }

  TokIter* it = static_cast<TokIter*>(alloc_instance(as_type(a[0]), sizeof(TokIter)));
  it->src = str_new(src);
  it->n = int64_t(recs.size());
  it->recs = static_cast<Rec*>(gc::alloc_atomic(sizeof(Rec) * (recs.size() + 1)));
  if (!recs.empty()) std::memcpy(it->recs, recs.data(), sizeof(Rec) * recs.size());

  auto line_text = [&](int l) {
    std::string_view v = tz.line(l);
    if (!v.empty() && v.back() == '\n') v.remove_suffix(1);
    return std::string(v);
  };
  auto char_offset = [&](int l, int off) { return off > 0 ? tz.char_col(l, off - 1) + 1 : off; };

  const std::vector<tk::TokError>& ws = tz.warnings();
  if (!ws.empty()) {
    it->warns = static_cast<Warn*>(gc::alloc_atomic(sizeof(Warn) * ws.size()));
    it->warn_msgs = tuple_new(int64_t(ws.size()));
    for (size_t i = 0; i < ws.size(); i++) {
      const tk::TokError& w = ws[i];
      int64_t idx = 0;
      while (idx < it->n && (recs[size_t(idx)].end_lineno < w.lineno ||
                             (recs[size_t(idx)].end_lineno == w.lineno && recs[size_t(idx)].end_col < w.offset)))
        idx++;
      it->warns[i] = Warn{idx, w.lineno, char_offset(w.lineno, w.offset)};
      it->warn_msgs->items[i] = Value(tuple_of({str_value(w.msg), str_value(line_text(w.lineno))}));
    }
    it->nwarns = int64_t(ws.size());
  }

  if (bom) {
    parser::SyntaxErrorInfo info;
    info.msg = "invalid non-printable character U+FEFF";
    info.filename = "<string>";
    info.lineno = info.end_lineno = 1;
    info.offset = info.end_offset = 1;
    info.text = text.substr(0, text.find_first_of("\r\n"));
    (void)compiler::raise_syntax_error(info);
    it->error = exc_fetch();
  } else if (tz.error() && !silent_error(*tz.error())) {
    const tk::TokError& e = *tz.error();
    parser::SyntaxErrorInfo info;
    info.type = e.type;
    info.msg = e.msg;
    info.filename = "<string>";
    info.lineno = e.lineno;
    info.end_lineno = e.end_lineno;
    info.offset = char_offset(e.lineno, e.offset);
    info.end_offset = char_offset(e.end_lineno, e.end_offset);
    info.text = line_text(e.lineno);
    (void)compiler::raise_syntax_error(info);
    it->error = exc_fetch();
  }
  return Value(it);
}

Status issue_warnings_before(TokIter* it, int64_t index) {
  while (it->next_warn < it->nwarns && it->warns[it->next_warn].index <= index) {
    const Warn& w = it->warns[it->next_warn];
    Tuple* m = as_tuple(it->warn_msgs->items[it->next_warn]);
    it->next_warn++;
    parser::SyntaxErrorInfo info;
    info.type = "SyntaxWarning";
    info.msg = std::string(as_str(m->items[0])->view());
    info.filename = "<string>";
    info.lineno = info.end_lineno = w.lineno;
    info.offset = info.end_offset = w.offset;
    info.text = std::string(as_str(m->items[1])->view());
    static Str* filename = str_intern("<string>");
    TRY(compiler::issue_warnings({info}, filename));
  }
  return OK();
}

Status tokenizeriter_next(Value self, Value* out) {
  TokIter* it = self.as<TokIter>();
  *out = Value();
  if (it->done) return OK();
  if (Status st = issue_warnings_before(it, it->pos); st.is_err()) {
    it->done = true;
    return ERR;
  }
  if (it->pos >= it->n) {
    it->done = true;
    if (it->error) {
      Value e = it->error;
      it->error = Value();
      return raise_value(e);
    }
    return OK();
  }
  const Rec& r = it->recs[it->pos++];
  std::string_view s = it->src->view();
  Value text = r.te > r.tb ? str_value(s.substr(r.tb, r.te - r.tb)) : str_value("");
  if (!it->line_cache || it->cache_lb != r.lb || it->cache_le != r.le) {
    it->line_cache = str_new(s.substr(r.lb, r.le - r.lb));
    it->cache_lb = r.lb;
    it->cache_le = r.le;
  }
  *out = Value(tuple_of({text, Value::small(r.type), Value::small(r.lineno), Value::small(r.end_lineno),
                         Value::small(r.col), Value::small(r.end_col), Value(it->line_cache)}));
  return OK();
}

Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(tokenizeriter_next(a[0], &out));
  if (!out) return raise_stop_iteration(str_value("EOF"));
  return out;
}

const MethodDef tokenizeriter_methods[] = {{"__new__", tokenizeriter_new, MethKind::Static},
                                           {"__iter__", iter_self},
                                           {"__next__", iter_next_m},
                                           {nullptr, nullptr}};
const MethodDef functions[] = {{nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_tokenize", functions);
  if (!tp_tokenizeriter) {
    tp_tokenizeriter = native_type_new("_tokenize", "TokenizerIter", tp_object, Layout::Other, sizeof(TokIter),
                                       tokenizeriter_methods, nullptr, 0);
    // No iternext: next() then raises StopIteration('EOF') from __next__, as CPython's does.
  }
  dict_set_str(m->dict, str_intern("TokenizerIter"), Value(tp_tokenizeriter));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_tokenize", init);

}  // namespace gilpy
