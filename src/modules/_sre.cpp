// _sre: the native regular-expression engine that CPython 3.11's pure-Python `re` package
// targets (re/_compiler.py compiles patterns to an opcode list and hands it to _sre.compile).
// This file holds the module, compile(), subject preparation, and the Pattern and Scanner
// types; the matcher is _sre_engine.cpp and the Match type _sre_match.cpp.
//
// Replacement templates ("\1", "\g<name>") are expanded by re._subx / re._expand in Python,
// exactly as CPython 3.11's C code calls back into re.
#include <cstring>
#include <string>

#include "common/utf8.h"
#include "modules/_sre_chars.h"
#include "modules/_sre_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
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
Value mappingproxy_new(Value mapping);             // objects/type_methods.cpp
Value callable_iter_new(Value fn, Value sentinel);  // objects/iterators.cpp
Result<Value> generic_alias_new(Value origin, Value args);
}  // namespace gilpy

namespace gilpy::sre {

Type* tp_Pattern;
Type* tp_Scanner;

// A scanner (Pattern.scanner / finditer): the subject plus the position of the next attempt.
// start == -1 once a match attempt failed (all later calls return None).
struct Scanner : Object {
  Pattern* pattern;
  Text text;
  int64_t pos, endpos;
  int64_t start;
  bool must_advance;
};

static Pattern* PAT(Value v) { return v.as<Pattern>(); }

// ---- subjects ---------------------------------------------------------------------------------
// Decoding a non-ASCII str into code points costs O(n); programs that call match(s, pos)
// repeatedly on one long string (tokenizers, json's scanner) would pay it on every call, so the
// last decoding is kept. Both statics are scanned by the collector (static data), and strings
// are immutable, so identity is a sufficient key.
static Value g_decoded_str;
static const uint32_t* g_decoded;

static Result<const uint32_t*> decode_wide(Str* s) {
  if (Value(s) == g_decoded_str) return g_decoded;
  auto* buf = static_cast<uint32_t*>(gc::try_alloc_atomic(size_t(s->length + 1) * sizeof(uint32_t)));
  if (!buf) return raise_memory_error();
  std::string_view v = s->view();
  size_t off = 0;
  int64_t i = 0;
  while (off < v.size() && i < s->length) {
    utf8::Decoded d = utf8::decode(v, off, true);
    buf[i++] = d.cp;
    off += size_t(d.len);
  }
  while (i <= s->length) buf[i++] = 0;
  if (s->length >= 64) {
    g_decoded_str = Value(s);
    g_decoded = buf;
  }
  return static_cast<const uint32_t*>(buf);
}

// The subject as a Text (CPython's getstring): str, or any bytes-like object.
static Status prepare_text(Value v, Text* t) {
  t->obj = v;
  t->narrow = nullptr;
  t->wide = nullptr;
  if (is_str(v)) {
    Str* s = as_str(v);
    t->is_bytes = false;
    t->length = s->length;
    if (s->ascii)
      t->narrow = reinterpret_cast<const uint8_t*>(s->data);
    else
      t->wide = TRY(decode_wide(s));
    return OK();
  }
  t->is_bytes = true;
  if (is_bytes(v)) {
    // Immutable: match against the object's own storage.
    Bytes* b = as_bytes(v);
    t->narrow = reinterpret_cast<const uint8_t*>(b->data);
    t->length = b->size;
    return OK();
  }
  std::string_view view;
  if (buffer_view_opt(v, &view)) {
    // Mutable buffers (bytearray, memoryview) are copied: a sub() callback may resize them.
    auto* buf = static_cast<uint8_t*>(gc::try_alloc_atomic(view.size() + 1));
    if (!buf) return raise_memory_error();
    if (!view.empty()) std::memcpy(buf, view.data(), view.size());
    buf[view.size()] = 0;
    t->narrow = buf;
    t->length = int64_t(view.size());
    return OK();
  }
  return raise_fmt(tp_TypeError, "expected string or bytes-like object, got '%s'", type_name(v));
}

// prepare_text plus the pattern/subject kind check and CPython's clamping of pos/endpos.
static Status state_init(Pattern* p, Value string, int64_t pos, int64_t endpos, Text* t, int64_t* start,
                         int64_t* end) {
  TRY(prepare_text(string, t));
  if (p->isbytes == 0 && t->is_bytes) return raise(tp_TypeError, "cannot use a string pattern on a bytes-like object");
  if (p->isbytes == 1 && !t->is_bytes) return raise(tp_TypeError, "cannot use a bytes pattern on a string-like object");
  int64_t n = t->length;
  *start = pos < 0 ? 0 : pos > n ? n : pos;
  *end = endpos < 0 ? 0 : endpos > n ? n : endpos;
  return OK();
}

Value text_slice(const Text& t, int64_t a, int64_t b) {
  if (a < 0) a = 0;
  if (b < a) b = a;
  if (t.is_bytes) {
    if (a == 0 && b == t.length && isinstance_exact(t.obj, tp_bytes)) return t.obj;
    return bytes_from(std::string_view(reinterpret_cast<const char*>(t.narrow) + a, size_t(b - a)));
  }
  if (a == 0 && b == t.length && isinstance_exact(t.obj, tp_str)) return t.obj;
  if (t.narrow) return Value(str_new_ascii(std::string_view(reinterpret_cast<const char*>(t.narrow) + a, size_t(b - a))));
  std::string out;
  out.reserve(size_t(b - a) * 2);
  for (int64_t i = a; i < b; i++) utf8::encode(t.wide[i], out);
  return Value(str_new(out));
}

Result<Value> re_module_attr(const char* name) {
  Value re = TRY(import_module(str_intern("re")));
  return getattr_str(re, name);
}

Status clinic_args(const char* fname, Value* args, int64_t nargs, Tuple* kwnames,
                   std::initializer_list<const char*> names, int required, Value* out) {
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    Str* kn = as_str(kwnames->items[k]);
    bool known = false;
    for (const char* nm : names) known = known || kn->view() == nm;
    if (!known) return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for %s()", kn->data, fname);
  }
  return parse_args(fname, args, nargs, kwnames, names, required, out);
}

// A Py_ssize_t argument (CPython's converter: index objects, OverflowError beyond 64 bits).
static Status ssize_arg(Value v, int64_t dflt, int64_t* out) {
  if (!v) {
    *out = dflt;
    return OK();
  }
  if (v.is_small()) {
    *out = v.as_small();
    return OK();
  }
  Value iv = TRY(index_value(v));
  if (!int_fits_i64(iv, out)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return OK();
}

// ---- module functions -------------------------------------------------------------------------
static Result<Value> sre_compile(Value* a, int64_t n, Tuple* kw) {
  Value o[6];
  TRY(clinic_args("compile", a, n, kw, {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, 6, o));
  if (!is_int(o[1])) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(o[1]));
  if (!is_list(o[2])) return raise_fmt(tp_TypeError, "compile() argument 'code' must be list, not %s", type_name(o[2]));
  if (!is_dict(o[4]))
    return raise_fmt(tp_TypeError, "compile() argument 'groupindex' must be dict, not %s", type_name(o[4]));
  if (!is_tuple(o[5]))
    return raise_fmt(tp_TypeError, "compile() argument 'indexgroup' must be tuple, not %s", type_name(o[5]));
  int64_t flags, groups;
  TRY(ssize_arg(o[1], 0, &flags));
  TRY(ssize_arg(o[3], 0, &groups));
  if (groups < 0 || groups > kMaxGroups) return raise(tp_RuntimeError, "invalid SRE code");

  List* code = as_list(o[2]);
  int64_t nc = code->size;
  auto* words = static_cast<Code*>(gc::try_alloc_atomic(size_t(nc + 1) * sizeof(Code)));
  if (!words) return raise_memory_error();
  for (int64_t i = 0; i < nc; i++) {
    Value x = code->items[i];
    if (!is_int(x)) return raise(tp_TypeError, "an integer is required");
    int64_t w;
    if (!int_fits_i64(x, &w) || w < 0 || w > int64_t(0xFFFFFFFF))
      return raise(tp_OverflowError, "regular expression code size limit exceeded");
    words[i] = Code(w);
  }
  words[nc] = FAILURE;  // sentinel (see Pattern)

  int isbytes = -1;
  if (!is_none(o[0])) {
    Text t;
    TRY(prepare_text(o[0], &t));
    isbytes = t.is_bytes ? 1 : 0;
  }
  Pattern* p = static_cast<Pattern*>(alloc_instance(tp_Pattern, sizeof(Pattern)));
  p->pattern = o[0];
  p->flags = flags;
  p->code = words;
  p->ncode = nc;
  p->groups = groups;
  p->isbytes = isbytes;
  if (!prepare_code(p)) return raise(tp_RuntimeError, "invalid SRE code");
  Dict* gi = as_dict(o[4]);
  p->groupindex = gi->used ? Value(dict_copy(gi)) : Value();
  p->indexgroup = o[5];
  return Value(p);
}

static Result<Value> sre_getcodesize(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getcodesize", kw));
  TRY(check_nargs("getcodesize", n, 0, 0));
  return Value::small(int64_t(sizeof(Code)));
}

static Result<int64_t> char_arg(const char* fname, Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, n, 1, 1));
  if (!is_int(a[0])) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
  int64_t c;
  if (!int_fits_i64(a[0], &c) || c < INT32_MIN || c > INT32_MAX)
    return raise(tp_OverflowError, "Python int too large to convert to C int");
  return c;
}
static Result<Value> sre_ascii_iscased(Value* a, int64_t n, Tuple* kw) {
  int64_t c = TRY(char_arg("ascii_iscased", a, n, kw));
  return Bool(c >= 0 && c < 128 && ascii_is_alpha(uint32_t(c)));
}
static Result<Value> sre_unicode_iscased(Value* a, int64_t n, Tuple* kw) {
  int64_t c = TRY(char_arg("unicode_iscased", a, n, kw));
  if (c < 0) return False();
  uint32_t u = uint32_t(c);
  return Bool(u != uni_lower(u) || u != uni_upper(u));
}
static Result<Value> sre_ascii_tolower(Value* a, int64_t n, Tuple* kw) {
  int64_t c = TRY(char_arg("ascii_tolower", a, n, kw));
  return Value::small(c >= 0 && c < 128 ? int64_t(ascii_lower(uint32_t(c))) : c);
}
static Result<Value> sre_unicode_tolower(Value* a, int64_t n, Tuple* kw) {
  int64_t c = TRY(char_arg("unicode_tolower", a, n, kw));
  return Value::small(c >= 0 ? int64_t(uni_lower(uint32_t(c))) : c);
}

// ---- Pattern ----------------------------------------------------------------------------------
static Result<Value> no_new(const char* what) { return raise_fmt(tp_TypeError, "cannot create '%s' instances", what); }
static Result<Value> pattern_new(Value*, int64_t, Tuple*) { return no_new("re.Pattern"); }

// Parses (string, pos=0, endpos=maxsize) and prepares the subject.
struct Subject {
  Text text;
  int64_t start, end;
};
static Status subject_args(const char* fname, Value* a, int64_t n, Tuple* kw, Subject* s) {
  Value o[3];
  TRY(clinic_args(fname, a + 1, n - 1, kw, {"string", "pos", "endpos"}, 1, o));
  int64_t pos, endpos;
  TRY(ssize_arg(o[1], 0, &pos));
  TRY(ssize_arg(o[2], INT64_MAX, &endpos));
  return state_init(PAT(a[0]), o[0], pos, endpos, &s->text, &s->start, &s->end);
}

static int64_t* new_marks(Pattern* p) {
  size_t n = size_t(p->groups + 1) * 2;
  return static_cast<int64_t*>(gc::alloc_atomic(n * sizeof(int64_t)));
}

enum class Mode { Match, FullMatch, Search };
static Result<Value> pattern_run(Value* a, int64_t n, Tuple* kw, const char* fname, Mode mode) {
  Subject s;
  TRY(subject_args(fname, a, n, kw, &s));
  Pattern* p = PAT(a[0]);
  SearchState st{p, &s.text, s.start, s.end, mode == Mode::FullMatch, false, new_marks(p), -1};
  int r = mode == Mode::Search ? sre_search(st) : sre_match(st);
  if (r < 0) return ERR;
  if (r == 0) return None();
  return Value(match_new(p, s.text, s.start, s.end, st));
}
static Result<Value> pattern_match(Value* a, int64_t n, Tuple* kw) { return pattern_run(a, n, kw, "match", Mode::Match); }
static Result<Value> pattern_fullmatch(Value* a, int64_t n, Tuple* kw) {
  return pattern_run(a, n, kw, "fullmatch", Mode::FullMatch);
}
static Result<Value> pattern_search(Value* a, int64_t n, Tuple* kw) { return pattern_run(a, n, kw, "search", Mode::Search); }

static Result<Value> pattern_findall(Value* a, int64_t n, Tuple* kw) {
  Subject s;
  TRY(subject_args("findall", a, n, kw, &s));
  Pattern* p = PAT(a[0]);
  List* out = list_new(0);
  ScratchGuard scratch;
  SearchState st{p, &s.text, s.start, s.end, false, false, new_marks(p), -1, scratch.s};
  while (st.start <= st.end) {
    int r = sre_search(st);
    if (r < 0) return ERR;
    if (r == 0) break;
    int64_t b = st.marks[0], e = st.marks[1];
    Value item;
    if (p->groups == 0) {
      item = text_slice(s.text, b, e);
    } else if (p->groups == 1) {
      item = text_slice(s.text, st.marks[2], st.marks[3]);  // unset: (-1, -1) slices to empty
    } else {
      Tuple* t = tuple_new(p->groups);
      for (int64_t g = 1; g <= p->groups; g++) t->items[g - 1] = text_slice(s.text, st.marks[2 * g], st.marks[2 * g + 1]);
      item = Value(t);
    }
    TRY(list_append(out, item));
    st.must_advance = e == b;
    st.start = e;
  }
  return Value(out);
}

static Scanner* scanner_new(Pattern* p, const Subject& s) {
  Scanner* sc = static_cast<Scanner*>(alloc_instance(tp_Scanner, sizeof(Scanner)));
  sc->pattern = p;
  sc->text = s.text;
  sc->pos = s.start;
  sc->endpos = s.end;
  sc->start = s.start;
  sc->must_advance = false;
  return sc;
}
static Result<Value> pattern_scanner(Value* a, int64_t n, Tuple* kw) {
  Subject s;
  TRY(subject_args("scanner", a, n, kw, &s));
  return Value(scanner_new(PAT(a[0]), s));
}
static Result<Value> pattern_finditer(Value* a, int64_t n, Tuple* kw) {
  Subject s;
  TRY(subject_args("finditer", a, n, kw, &s));
  Scanner* sc = scanner_new(PAT(a[0]), s);
  Value search = TRY(getattr_str(Value(sc), "search"));
  return callable_iter_new(search, None());
}

static Result<Value> pattern_split(Value* a, int64_t n, Tuple* kw) {
  Value o[2];
  TRY(clinic_args("split", a + 1, n - 1, kw, {"string", "maxsplit"}, 1, o));
  int64_t maxsplit;
  TRY(ssize_arg(o[1], 0, &maxsplit));
  Pattern* p = PAT(a[0]);
  Subject s;
  TRY(state_init(p, o[0], 0, INT64_MAX, &s.text, &s.start, &s.end));
  List* out = list_new(0);
  ScratchGuard scratch;
  SearchState st{p, &s.text, s.start, s.end, false, false, new_marks(p), -1, scratch.s};
  int64_t last = s.start, count = 0;
  while (!maxsplit || count < maxsplit) {
    int r = sre_search(st);
    if (r < 0) return ERR;
    if (r == 0) break;
    int64_t b = st.marks[0], e = st.marks[1];
    TRY(list_append(out, text_slice(s.text, last, b)));
    for (int64_t g = 1; g <= p->groups; g++) {
      int64_t gb = st.marks[2 * g], ge = st.marks[2 * g + 1];
      TRY(list_append(out, gb < 0 ? None() : text_slice(s.text, gb, ge)));
    }
    count++;
    st.must_advance = e == b;
    last = st.start = e;
  }
  TRY(list_append(out, text_slice(s.text, last, s.end)));
  return Value(out);
}

// Whether a replacement is a literal (no backslash): then it is inserted as is.
static bool is_literal_template(Value repl) {
  if (is_str(repl)) return std::memchr(as_str(repl)->data, '\\', size_t(as_str(repl)->nbytes)) == nullptr;
  std::string_view v;
  if (buffer_view_opt(repl, &v)) return v.find('\\') == std::string_view::npos;
  return false;
}

static Result<Value> pattern_subx(Value* a, int64_t n, Tuple* kw, const char* fname, bool with_count) {
  Value o[3];
  TRY(clinic_args(fname, a + 1, n - 1, kw, {"repl", "string", "count"}, 2, o));
  int64_t maxcount;
  TRY(ssize_arg(o[2], 0, &maxcount));
  Pattern* p = PAT(a[0]);
  Value repl = o[0];
  Value filter;
  bool filter_callable;
  if (is_callable(repl)) {
    filter = repl;
    filter_callable = true;
  } else if (is_literal_template(repl)) {
    filter = repl;
    filter_callable = false;
  } else {
    Value subx = TRY(re_module_attr("_subx"));
    filter = TRY(call2(subx, Value(p), repl));
    filter_callable = is_callable(filter);
  }
  Subject s;
  TRY(state_init(p, o[1], 0, INT64_MAX, &s.text, &s.start, &s.end));
  List* parts = list_new(0);
  ScratchGuard scratch;
  SearchState st{p, &s.text, s.start, s.end, false, false, nullptr, -1, scratch.s};
  int64_t last = s.start, count = 0;
  while (!maxcount || count < maxcount) {
    st.marks = new_marks(p);  // each match handed to a callable owns its marks
    int r = sre_search(st);
    if (r < 0) return ERR;
    if (r == 0) break;
    int64_t b = st.marks[0], e = st.marks[1];
    if (last < b) TRY(list_append(parts, text_slice(s.text, last, b)));
    if (filter_callable) {
      Match* m = match_new(p, s.text, s.start, s.end, st);
      Value item = TRY(call1(filter, Value(m)));
      if (!is_none(item)) TRY(list_append(parts, item));
    } else {
      TRY(list_append(parts, filter));
    }
    count++;
    st.must_advance = e == b;
    last = st.start = e;
  }
  if (last < s.end) TRY(list_append(parts, text_slice(s.text, last, s.end)));
  Value joiner = text_slice(s.text, 0, 0);
  Value result = parts->size == 0 ? joiner : TRY(call_method1(joiner, str_intern("join"), Value(parts)));
  if (with_count) return Value(tuple_of({result, Value::small(count)}));
  return result;
}
static Result<Value> pattern_sub(Value* a, int64_t n, Tuple* kw) { return pattern_subx(a, n, kw, "sub", false); }
static Result<Value> pattern_subn(Value* a, int64_t n, Tuple* kw) { return pattern_subx(a, n, kw, "subn", true); }

// repr: re.compile(<pattern repr, at most 200 characters>[, <flags>]).
static Result<Value> pattern_repr(Value* a, int64_t, Tuple*) {
  Pattern* p = PAT(a[0]);
  static const struct {
    const char* name;
    int64_t value;
  } names[] = {{"re.TEMPLATE", FLAG_TEMPLATE},   {"re.IGNORECASE", FLAG_IGNORECASE}, {"re.LOCALE", FLAG_LOCALE},
               {"re.MULTILINE", FLAG_MULTILINE}, {"re.DOTALL", FLAG_DOTALL},         {"re.UNICODE", FLAG_UNICODE},
               {"re.VERBOSE", FLAG_VERBOSE},     {"re.DEBUG", FLAG_DEBUG},           {"re.ASCII", FLAG_ASCII}};
  Str* r = TRY(repr(p->pattern));
  std::string text = "re.compile(";
  if (r->length > 200)
    text.append(r->data, size_t(str_offset(r, 200)));
  else
    text.append(r->view());
  int64_t flags = p->flags;
  // re.UNICODE is implied for str patterns: not shown unless combined with LOCALE/ASCII.
  if (p->isbytes == 0 && (flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII)) == FLAG_UNICODE) flags &= ~FLAG_UNICODE;
  if (flags) {
    text += ", ";
    bool first = true;
    for (const auto& f : names) {
      if (flags & f.value) {
        if (!first) text += '|';
        text += f.name;
        first = false;
        flags &= ~f.value;
      }
    }
    if (flags) {
      if (!first) text += '|';
      char buf[32];
      snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)flags);
      text += buf;
    }
  }
  text += ')';
  return Value(str_new(text));
}

static Result<Value> pattern_eq_impl(Value* a, int64_t n, bool want_eq) {
  if (n != 2 || !isinstance_exact(a[1], tp_Pattern)) return Value(g_NotImplemented);
  Pattern* x = PAT(a[0]);
  Pattern* y = PAT(a[1]);
  bool same = x == y;
  if (!same) {
    same = x->flags == y->flags && x->isbytes == y->isbytes && x->ncode == y->ncode &&
           std::memcmp(x->code, y->code, size_t(x->ncode) * sizeof(Code)) == 0;
    if (same) same = TRY(eq(x->pattern, y->pattern));
  }
  return Bool(same == want_eq);
}
static Result<Value> pattern_eq(Value* a, int64_t n, Tuple*) { return pattern_eq_impl(a, n, true); }
static Result<Value> pattern_ne(Value* a, int64_t n, Tuple*) { return pattern_eq_impl(a, n, false); }

static Result<Value> pattern_hash(Value* a, int64_t, Tuple*) {
  Pattern* p = PAT(a[0]);
  int64_t h = TRY(hash(p->pattern));
  uint64_t ch = 1469598103934665603ull;  // FNV-1a over the code words
  for (int64_t i = 0; i < p->ncode; i++) ch = (ch ^ p->code[i]) * 1099511628211ull;
  h ^= int64_t(ch >> 1);
  h ^= p->flags ^ int64_t(p->isbytes) ^ p->ncode;
  if (h == -1) h = -2;
  return int_from_i64(h);
}

static Result<Value> copy_self(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Pattern.__copy__", kw));
  TRY(check_nargs("Pattern.__copy__", n - 1, 0, 0));
  return a[0];
}
static Result<Value> deepcopy_self(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Pattern.__deepcopy__", kw));
  TRY(check_nargs("Pattern.__deepcopy__", n - 1, 1, 1));
  return a[0];
}
static Result<Value> class_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__class_getitem__", n - 1, 1, 1));
  return generic_alias_new(a[0], a[1]);
}

static Result<Value> pattern_get_pattern(Value self) { return PAT(self)->pattern; }
static Result<Value> pattern_get_flags(Value self) { return int_from_i64(PAT(self)->flags); }
static Result<Value> pattern_get_groups(Value self) { return int_from_i64(PAT(self)->groups); }
static Result<Value> pattern_get_groupindex(Value self) {
  Pattern* p = PAT(self);
  if (!p->groupindex) return Value(dict_new());  // CPython: a plain empty dict
  return mappingproxy_new(p->groupindex);
}

static const MethodDef pattern_methods[] = {
    {"__new__", pattern_new, MethKind::Static},
    {"match", pattern_match, MethKind::Method, "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", pattern_fullmatch, MethKind::Method, "Matches against all of the string."},
    {"search", pattern_search, MethKind::Method,
     "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches."},
    {"sub", pattern_sub, MethKind::Method,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."},
    {"subn", pattern_subn, MethKind::Method,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", pattern_findall, MethKind::Method, "Return a list of all non-overlapping matches of pattern in string."},
    {"split", pattern_split, MethKind::Method, "Split string by the occurrences of pattern."},
    {"finditer", pattern_finditer, MethKind::Method,
     "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object."},
    {"scanner", pattern_scanner},
    {"__copy__", copy_self},
    {"__deepcopy__", deepcopy_self},
    {"__repr__", pattern_repr},
    {"__eq__", pattern_eq},
    {"__ne__", pattern_ne},
    {"__hash__", pattern_hash},
    {"__class_getitem__", class_getitem, MethKind::Class},
    {nullptr, nullptr}};
static const GetSetDef pattern_getsets[] = {
    {"pattern", pattern_get_pattern, nullptr, "The pattern string from which the RE object was compiled."},
    {"flags", pattern_get_flags, nullptr, "The regex matching flags."},
    {"groups", pattern_get_groups, nullptr, "The number of capturing groups in the pattern."},
    {"groupindex", pattern_get_groupindex, nullptr, "A dictionary mapping group names to group numbers."},
    {nullptr, nullptr}};

// ---- Scanner ------------------------------------------------------------------------------------
static Result<Value> scanner_run(Value* a, int64_t n, Tuple* kw, const char* fname, bool search) {
  if (n > 1 || (kw && kw->size)) return raise_fmt(tp_TypeError, "%s() takes no arguments", fname);
  Scanner* sc = a[0].as<Scanner>();
  if (sc->start < 0) return None();
  Pattern* p = sc->pattern;
  SearchState st{p, &sc->text, sc->start, sc->endpos, false, sc->must_advance, new_marks(p), -1};
  int r = search ? sre_search(st) : sre_match(st);
  if (r < 0) return ERR;
  if (r == 0) {
    sc->start = -1;
    return None();
  }
  sc->must_advance = st.marks[1] == st.marks[0];
  sc->start = st.marks[1];
  return Value(match_new(p, sc->text, sc->pos, sc->endpos, st));
}
static Result<Value> scanner_match(Value* a, int64_t n, Tuple* kw) { return scanner_run(a, n, kw, "match", false); }
static Result<Value> scanner_search(Value* a, int64_t n, Tuple* kw) { return scanner_run(a, n, kw, "search", true); }
static Result<Value> scanner_new_m(Value*, int64_t, Tuple*) { return no_new("_sre.SRE_Scanner"); }
static Result<Value> scanner_get_pattern(Value self) { return Value(self.as<Scanner>()->pattern); }

static const MethodDef scanner_methods[] = {{"__new__", scanner_new_m, MethKind::Static},
                                            {"match", scanner_match},
                                            {"search", scanner_search},
                                            {nullptr, nullptr}};
static const GetSetDef scanner_getsets[] = {{"pattern", scanner_get_pattern}, {nullptr, nullptr}};

// ---- module -------------------------------------------------------------------------------------
static const MethodDef functions[] = {
    {"compile", sre_compile},
    {"getcodesize", sre_getcodesize},
    {"ascii_iscased", sre_ascii_iscased},
    {"unicode_iscased", sre_unicode_iscased},
    {"ascii_tolower", sre_ascii_tolower},
    {"unicode_tolower", sre_unicode_tolower},
    {nullptr, nullptr}};

void init_match_type();  // _sre_match.cpp

static Result<Value> init() {
  Module* m = native_module_new("_sre", functions);
  if (!tp_Pattern) {
    tp_Pattern = native_type_new("re", "Pattern", tp_object, Layout::Other, sizeof(Pattern), pattern_methods,
                                 pattern_getsets, 0);
    tp_Scanner = native_type_new("_sre", "SRE_Scanner", tp_object, Layout::Other, sizeof(Scanner), scanner_methods,
                                 scanner_getsets, 0);
    init_match_type();
  }
  Dict* d = m->dict;
  dict_set_str(d, str_intern("MAGIC"), Value::small(kMagic));
  dict_set_str(d, str_intern("CODESIZE"), Value::small(int64_t(sizeof(Code))));
  dict_set_str(d, str_intern("MAXREPEAT"), int_from_i64(int64_t(kMaxRepeat)));
  dict_set_str(d, str_intern("MAXGROUPS"), int_from_i64(kMaxGroups));
  dict_set_str(d, str_intern("copyright"),
               str_value(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
  return Value(m);
}
GILPY_NATIVE_MODULE("_sre", init);

}  // namespace gilpy::sre
