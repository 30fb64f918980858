// _json: the accelerator under CPython's json package (json/decoder.py,
// json/scanner.py and json/encoder.py import it and fall back to Python
// otherwise): scanstring, make_scanner (the "_json.Scanner" type),
// make_encoder (the "_json.Encoder" type), encode_basestring and
// encode_basestring_ascii, with CPython 3.11's results, error messages and
// positions.
//
// gilpy strs are UTF-8 (WTF-8 for lone surrogates), so the decoder works on
// byte offsets throughout: every character that matters to JSON's grammar is
// ASCII, and no byte of a multi-byte sequence is ASCII. Code point indices
// appear only at the interface (the `end`/`idx` arguments, the returned end,
// StopIteration values and JSONDecodeError positions) and are converted by
// counting code points from the byte offset the call started at, so a call
// costs what it parses, not the length of the whole document.
//
// The encoder writes the whole document into one buffer and returns it as a
// one-element list, as CPython 3.11's C encoder does (JSONEncoder.encode
// joins the chunks; iterencode(_one_shot=True) is the only caller).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "common/numfmt.h"
#include "common/utf8.h"
#include "objects/dict.h"
#include "objects/float.h"
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
#include "runtime/thread_state.h"

namespace gilpy {

namespace {

Type* tp_scanner;
Type* tp_encoder;

struct Scanner : Object {
  Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
  bool strict;
};

struct Encoder : Object {
  Value markers, defaultfn, encoder, indent;
  Str* key_separator;
  Str* item_separator;
  bool sort_keys, skipkeys, allow_nan;
  uint8_t fast;  // 0: call `encoder`; kFastAscii / kFastUnicode: escape inline
};
constexpr uint8_t kFastAscii = 1, kFastUnicode = 2;

// ---- helpers --------------------------------------------------------------------------------

// Code points in the UTF-8 bytes [p, p+n): the bytes that do not continue a sequence.
int64_t count_cps(const unsigned char* p, int64_t n) {
  int64_t c = 0;
  for (int64_t i = 0; i < n; i++) c += (p[i] & 0xC0) != 0x80;
  return c;
}

// The Py_EnterRecursiveCall of CPython's decoder and encoder, with its message suffix.
bool enter_json(const char* where) {
  if (enter_recursion()) return true;
  if (exc_matches(tp_RecursionError)) {
    exc_clear();
    raise(tp_RecursionError, std::string("maximum recursion depth exceeded") + where);
  }
  return false;
}

// JSONDecodeError(msg, doc, pos), looked up in json.decoder each time (as CPython does).
Err raise_errmsg(const char* msg, Str* doc, int64_t pos) {
  Result<Value> mod = import_module(str_intern("json.decoder"));
  if (mod.is_err()) return ERR;
  Result<Value> cls = getattr(mod.value(), str_intern("JSONDecodeError"));
  if (cls.is_err()) return ERR;
  Result<Value> e = call3(cls.value(), str_value(msg), Value(doc), int_from_i64(pos));
  if (e.is_err()) return ERR;
  return raise_value(e.value());
}

// A Py_ssize_t argument ("n" format): __index__, OverflowError in CPython's words.
Result<int64_t> ssize_arg(Value v) {
  Value i = TRY(index_value(v));
  int64_t out;
  if (!int_fits_i64(i, &out)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return out;
}

Err stop_iteration(int64_t idx) { return raise_stop_iteration(int_from_i64(idx)); }

int hexval(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
// Four hex digits at p (the caller checked they are in range); -1 if one is not hex.
int32_t hex4(const unsigned char* p) {
  int32_t v = 0;
  for (int i = 0; i < 4; i++) {
    int h = hexval(p[i]);
    if (h < 0) return -1;
    v = (v << 4) | h;
  }
  return v;
}

// Bytes that end a run of plain string text: '"', '\\' and the control characters.
struct StopTable {
  bool stop[256];
  constexpr StopTable() : stop() {
    for (int c = 0; c < 0x20; c++) stop[c] = true;
    stop[int('"')] = true;
    stop[int('\\')] = true;
  }
};
constexpr StopTable kStop;

inline bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// ---- the decoder ----------------------------------------------------------------------------

struct Parser {
  Scanner* s;  // null for scanstring()
  Str* doc;
  const unsigned char* p;
  int64_t n;  // bytes
  bool strict;
  // The memo of object keys (CPython's per-call memo dict: equal keys share one str), as an
  // open-addressing table of strs keyed by their bytes, so a key seen before costs no allocation.
  // The slots are collector memory (Str or null), found by the collector through this
  // struct on the C stack.
  Value* memo = nullptr;
  int64_t memo_cap = 0;  // a power of two
  int64_t memo_used = 0;
  // Code point index `base_cp` is at byte `base_byte`; positions at or after it convert by counting.
  int64_t base_byte, base_cp;
  std::string buf;  // scratch for strings with escapes

  int64_t cp(int64_t byte) const {
    if (doc->ascii) return byte;
    return base_cp + count_cps(p + base_byte, byte - base_byte);
  }
  Err error(const char* msg, int64_t byte) { return raise_errmsg(msg, doc, cp(byte)); }
};

// The JSON string whose opening quote is just before byte `end`; *next is the byte after the
// closing quote. Without escapes the text is p[*span, *span + *span_len) and *out stays null;
// otherwise *out is the decoded str.
Status scan_string_raw(Parser& P, int64_t end, int64_t* next, int64_t* span, int64_t* span_len, Value* out) {
  const unsigned char* p = P.p;
  const int64_t n = P.n;
  const int64_t start = end;
  bool escaped = false;
  std::string& buf = P.buf;
  for (;;) {
    int64_t i = end;
    unsigned char c = 0;
    while (i < n) {
      c = p[i];
      if (kStop.stop[c]) {
        if (c == '"' || c == '\\') break;
        if (P.strict) return P.error("Invalid control character at", i);
      }
      i++;
    }
    if (i >= n) return raise_errmsg("Unterminated string starting at", P.doc, P.cp(start) - 1);
    if (c == '"' && !escaped) {
      *next = i + 1;
      *span = start;
      *span_len = i - start;
      return OK();
    }
    if (!escaped) {
      escaped = true;
      buf.clear();
    }
    buf.append(reinterpret_cast<const char*>(p + end), size_t(i - end));
    if (c == '"') {
      *next = i + 1;
      *out = str_value(buf);
      return OK();
    }
    // A backslash at i.
    i++;
    if (i == n) return raise_errmsg("Unterminated string starting at", P.doc, P.cp(start) - 1);
    c = p[i];
    if (c != 'u') {
      end = i + 1;
      char out;
      switch (c) {
        case '"': out = '"'; break;
        case '\\': out = '\\'; break;
        case '/': out = '/'; break;
        case 'b': out = '\b'; break;
        case 'f': out = '\f'; break;
        case 'n': out = '\n'; break;
        case 'r': out = '\r'; break;
        case 't': out = '\t'; break;
        default: return P.error("Invalid \\escape", i - 1);
      }
      buf.push_back(out);
      continue;
    }
    // \uXXXX: i is at 'u'. (Counting bytes where CPython counts code points gives the
    // same errors: a non-ASCII byte among the four is not a hex digit either.)
    int64_t h = i + 1;
    end = h + 4;
    if (end >= n) return P.error("Invalid \\uXXXX escape", i);
    int32_t cpv = hex4(p + h);
    if (cpv < 0) return P.error("Invalid \\uXXXX escape", i);
    if (cpv >= 0xD800 && cpv <= 0xDBFF && end + 6 < n && p[end] == '\\' && p[end + 1] == 'u') {
      int32_t lo = hex4(p + end + 2);
      if (lo < 0) return P.error("Invalid \\uXXXX escape", end + 1);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cpv = 0x10000 + ((cpv - 0xD800) << 10) + (lo - 0xDC00);
        end += 6;
      }
    }
    utf8::encode(uint32_t(cpv), buf);
  }
}

Result<Value> scan_string(Parser& P, int64_t end, int64_t* next) {
  int64_t span, span_len;
  Value out;
  TRY(scan_string_raw(P, end, next, &span, &span_len, &out));
  if (out) return out;
  return str_value(std::string_view(reinterpret_cast<const char*>(P.p + span), size_t(span_len)));
}

// The memo's str with these bytes (hash: their str hash), made and remembered if new.
Str* memo_key(Parser& P, const char* data, int64_t len, int64_t h, Str* made) {
  if (!P.memo) {
    P.memo_cap = 64;
    P.memo = static_cast<Value*>(gc::alloc(size_t(P.memo_cap) * sizeof(Value)));
  }
  int64_t mask = P.memo_cap - 1;
  Value* slots = P.memo;
  for (int64_t i = h & mask;; i = (i + 1) & mask) {
    Value v = slots[i];
    if (!v) break;
    Str* k = as_str(v);
    if (k->hash == h && k->nbytes == len && std::memcmp(k->data, data, size_t(len)) == 0) return k;
  }
  if (!made) {
    made = str_new(std::string_view(data, size_t(len)));
    made->hash = h;
  }
  if (2 * (P.memo_used + 1) > P.memo_cap) {  // grow: at most half full
    int64_t cap = P.memo_cap * 2;
    Value* bigger = static_cast<Value*>(gc::alloc(size_t(cap) * sizeof(Value)));
    for (int64_t i = 0; i < P.memo_cap; i++) {
      Value v = slots[i];
      if (!v) continue;
      int64_t j = as_str(v)->hash & (cap - 1);
      while (bigger[j]) j = (j + 1) & (cap - 1);
      bigger[j] = v;
    }
    P.memo = slots = bigger;
    P.memo_cap = cap;
    mask = cap - 1;
  }
  int64_t i = h & mask;
  while (slots[i]) i = (i + 1) & mask;
  slots[i] = Value(made);
  P.memo_used++;
  return made;
}

// An object key: a JSON string, memoised.
Result<Value> scan_key(Parser& P, int64_t end, int64_t* next) {
  int64_t span, span_len;
  Value out;
  TRY(scan_string_raw(P, end, next, &span, &span_len, &out));
  if (out) {
    Str* s = as_str(out);
    return Value(memo_key(P, s->data, s->nbytes, str_hash(s), s));
  }
  const char* data = reinterpret_cast<const char*>(P.p + span);
  return Value(memo_key(P, data, span_len, hash_text(data, span_len), nullptr));
}

Result<Value> scan_value(Parser& P, int64_t idx, int64_t* next);

inline int64_t skip_ws(const Parser& P, int64_t i) {
  while (i < P.n && is_ws(P.p[i])) i++;
  return i;
}

Result<Value> parse_object(Parser& P, int64_t idx, int64_t* next) {
  Scanner* s = P.s;
  const unsigned char* p = P.p;
  const int64_t n = P.n;
  bool pairs_hook = !is_none(s->object_pairs_hook);
  List* pairs = nullptr;
  Dict* d = nullptr;
  if (pairs_hook) pairs = list_new(0);
  else d = dict_new();
  idx = skip_ws(P, idx);
  if (idx >= n || p[idx] != '}') {
    for (;;) {
      if (idx >= n || p[idx] != '"') return P.error("Expecting property name enclosed in double quotes", idx);
      int64_t after;
      Value key = TRY(scan_key(P, idx + 1, &after));
      idx = skip_ws(P, after);
      if (idx >= n || p[idx] != ':') return P.error("Expecting ':' delimiter", idx);
      idx = skip_ws(P, idx + 1);
      Value val = TRY(scan_value(P, idx, &after));
      if (pairs_hook) TRY(list_append(pairs, Value(tuple_of({key, val}))));
      else TRY(dict_set(d, key, val));
      idx = skip_ws(P, after);
      if (idx < n && p[idx] == '}') break;
      if (idx >= n || p[idx] != ',') return P.error("Expecting ',' delimiter", idx);
      idx = skip_ws(P, idx + 1);
    }
  }
  *next = idx + 1;
  if (pairs_hook) return call1(s->object_pairs_hook, Value(pairs));
  if (!is_none(s->object_hook)) return call1(s->object_hook, Value(d));
  return Value(d);
}

Result<Value> parse_array(Parser& P, int64_t idx, int64_t* next) {
  const unsigned char* p = P.p;
  const int64_t n = P.n;
  List* out = list_new(0);
  idx = skip_ws(P, idx);
  if (idx >= n || p[idx] != ']') {
    for (;;) {
      int64_t after;
      Value val = TRY(scan_value(P, idx, &after));
      TRY(list_append(out, val));
      idx = skip_ws(P, after);
      if (idx < n && p[idx] == ']') break;
      if (idx >= n || p[idx] != ',') return P.error("Expecting ',' delimiter", idx);
      idx = skip_ws(P, idx + 1);
    }
  }
  *next = idx + 1;
  return Value(out);
}

Result<Value> parse_constant(Parser& P, const char* name, int64_t idx, int64_t* next) {
  *next = idx + int64_t(std::strlen(name));
  return call1(P.s->parse_constant, Value(str_intern(name)));
}

inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

Result<Value> match_number(Parser& P, int64_t start, int64_t* next) {
  const unsigned char* p = P.p;
  const int64_t n = P.n;
  int64_t idx = start;
  if (p[idx] == '-') {
    idx++;
    if (idx >= n) return stop_iteration(P.cp(start));
  }
  if (p[idx] >= '1' && p[idx] <= '9') {
    idx++;
    while (idx < n && is_digit(p[idx])) idx++;
  } else if (p[idx] == '0') {
    idx++;
  } else {
    return stop_iteration(P.cp(start));
  }
  bool is_float = false;
  if (idx < n - 1 && p[idx] == '.' && is_digit(p[idx + 1])) {
    is_float = true;
    idx += 2;
    while (idx < n && is_digit(p[idx])) idx++;
  }
  if (idx < n - 1 && (p[idx] == 'e' || p[idx] == 'E')) {
    int64_t e_start = idx;
    idx++;
    if (idx < n - 1 && (p[idx] == '-' || p[idx] == '+')) idx++;
    while (idx < n && is_digit(p[idx])) idx++;
    if (is_digit(p[idx - 1])) is_float = true;
    else idx = e_start;
  }
  *next = idx;
  std::string_view text(reinterpret_cast<const char*>(p + start), size_t(idx - start));
  Scanner* s = P.s;
  if (is_float) {
    if (s->parse_float != Value(tp_float)) return call1(s->parse_float, Value(str_new_ascii(text)));
    double d;
    if (!numfmt::parse_float(text, &d)) return call1(Value(tp_float), Value(str_new_ascii(text)));
    return float_new(d);
  }
  if (s->parse_int != Value(tp_int)) return call1(s->parse_int, Value(str_new_ascii(text)));
  size_t ndigits = text.size() - (text[0] == '-');
  if (ndigits <= 18) {
    int64_t v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return Value::small(v);
  }
  // int() itself: big values, and sys.set_int_max_str_digits()'s limit.
  return call1(Value(tp_int), Value(str_new_ascii(text)));
}

Result<Value> scan_value(Parser& P, int64_t idx, int64_t* next) {
  const unsigned char* p = P.p;
  const int64_t n = P.n;
  if (idx >= n) return stop_iteration(P.cp(idx));
  switch (p[idx]) {
    case '"':
      return scan_string(P, idx + 1, next);
    case '{': {
      if (!enter_json(" while decoding a JSON object from a unicode string")) return ERR;
      Result<Value> r = parse_object(P, idx + 1, next);
      leave_recursion();
      return r;
    }
    case '[': {
      if (!enter_json(" while decoding a JSON array from a unicode string")) return ERR;
      Result<Value> r = parse_array(P, idx + 1, next);
      leave_recursion();
      return r;
    }
    case 'n':
      if (idx + 3 < n && p[idx + 1] == 'u' && p[idx + 2] == 'l' && p[idx + 3] == 'l') {
        *next = idx + 4;
        return None();
      }
      break;
    case 't':
      if (idx + 3 < n && p[idx + 1] == 'r' && p[idx + 2] == 'u' && p[idx + 3] == 'e') {
        *next = idx + 4;
        return True();
      }
      break;
    case 'f':
      if (idx + 4 < n && std::memcmp(p + idx + 1, "alse", 4) == 0) {
        *next = idx + 5;
        return False();
      }
      break;
    case 'N':
      if (idx + 2 < n && p[idx + 1] == 'a' && p[idx + 2] == 'N') return parse_constant(P, "NaN", idx, next);
      break;
    case 'I':
      if (idx + 7 < n && std::memcmp(p + idx + 1, "nfinity", 7) == 0) return parse_constant(P, "Infinity", idx, next);
      break;
    case '-':
      if (idx + 8 < n && std::memcmp(p + idx + 1, "Infinity", 8) == 0)
        return parse_constant(P, "-Infinity", idx, next);
      break;
  }
  return match_number(P, idx, next);
}

// Set up P for a call that starts at code point index `cp_idx` (0 <= cp_idx <= length).
void parser_init(Parser& P, Str* doc, int64_t cp_idx, bool strict) {
  P.doc = doc;
  P.p = reinterpret_cast<const unsigned char*>(doc->data);
  P.n = doc->nbytes;
  P.strict = strict;
  P.base_cp = cp_idx;
  P.base_byte = str_offset(doc, cp_idx);
}

// scanstring(string, end, strict=True) -> (str, end)
Result<Value> json_scanstring(Value* a, int64_t n, Tuple* kw) {
  if (nkw(kw)) return raise(tp_TypeError, "scanstring() takes no keyword arguments");
  if (n < 2 || n > 3)
    return raise_fmt(tp_TypeError, "scanstring() takes %s %d arguments (%lld given)", n < 2 ? "at least" : "at most",
                     n < 2 ? 2 : 3, (long long)n);
  int64_t end = TRY(ssize_arg(a[1]));
  bool strict = true;
  if (n > 2) {
    if (is_float(a[2])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
    strict = TRY(as_c_int(a[2])) != 0;
  }
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "first argument must be a string, not %.80s", type_name(a[0]));
  Str* doc = as_str(a[0]);
  if (end < 0 || end > doc->length) return raise(tp_ValueError, "end is out of bounds");
  Parser P;
  P.s = nullptr;
  parser_init(P, doc, end, strict);
  int64_t next;
  Value v = TRY(scan_string(P, P.base_byte, &next));
  return Value(tuple_of({v, int_from_i64(P.cp(next))}));
}

// ---- Scanner ----------------------------------------------------------------------------------

Scanner* SC(Value v) { return v.as<Scanner>(); }

Result<Value> scanner_new(Value* a, int64_t n, Tuple* kw) {
  Value o[1];
  TRY(parse_args("make_scanner", a + 1, n - 1, kw, {"context"}, 1, o));
  Value ctx = o[0];
  Scanner* s = static_cast<Scanner*>(alloc_instance(as_type(a[0]), sizeof(Scanner)));
  Value strict = TRY(getattr(ctx, str_intern("strict")));
  s->strict = TRY(truthy(strict));
  s->object_hook = TRY(getattr(ctx, str_intern("object_hook")));
  s->object_pairs_hook = TRY(getattr(ctx, str_intern("object_pairs_hook")));
  s->parse_float = TRY(getattr(ctx, str_intern("parse_float")));
  s->parse_int = TRY(getattr(ctx, str_intern("parse_int")));
  s->parse_constant = TRY(getattr(ctx, str_intern("parse_constant")));
  return Value(s);
}

Result<Value> scanner_call(Value* a, int64_t n, Tuple* kw) {
  Value o[2];
  TRY(parse_args("scan_once", a + 1, n - 1, kw, {"string", "idx"}, 2, o));
  int64_t idx = TRY(ssize_arg(o[1]));
  if (!is_str(o[0])) return raise_fmt(tp_TypeError, "first argument must be a string, not %.80s", type_name(o[0]));
  if (idx < 0) return raise(tp_ValueError, "idx cannot be negative");
  Str* doc = as_str(o[0]);
  if (idx >= doc->length) return stop_iteration(idx);
  Scanner* s = SC(a[0]);
  Parser P;
  P.s = s;
  parser_init(P, doc, idx, s->strict);
  int64_t next;
  Value v = TRY(scan_value(P, P.base_byte, &next));
  return Value(tuple_of({v, int_from_i64(P.cp(next))}));
}

Result<Value> sc_strict(Value s) { return Bool(SC(s)->strict); }
Result<Value> sc_object_hook(Value s) { return SC(s)->object_hook; }
Result<Value> sc_object_pairs_hook(Value s) { return SC(s)->object_pairs_hook; }
Result<Value> sc_parse_float(Value s) { return SC(s)->parse_float; }
Result<Value> sc_parse_int(Value s) { return SC(s)->parse_int; }
Result<Value> sc_parse_constant(Value s) { return SC(s)->parse_constant; }

const MethodDef scanner_methods[] = {{"__new__", scanner_new, MethKind::Static},
                                     {"__call__", scanner_call},
                                     {nullptr, nullptr}};
const GetSetDef scanner_getsets[] = {{"strict", sc_strict},
                                     {"object_hook", sc_object_hook},
                                     {"object_pairs_hook", sc_object_pairs_hook},
                                     {"parse_float", sc_parse_float},
                                     {"parse_int", sc_parse_int},
                                     {"parse_constant", sc_parse_constant},
                                     {nullptr, nullptr}};

// ---- string escaping ------------------------------------------------------------------------

const char kHex[] = "0123456789abcdef";

void put_u(std::string& out, uint32_t c) {
  char b[6] = {'\\', 'u', kHex[(c >> 12) & 15], kHex[(c >> 8) & 15], kHex[(c >> 4) & 15], kHex[c & 15]};
  out.append(b, 6);
}

// The escape of an ASCII byte, or 0 when it stands for itself. `ascii_only`
// also escapes DEL (0x7f), as encode_basestring_ascii does.
struct EscTable {
  char short_esc[128];  // 'n' for '\n' ..., 'u' for \u00XX, 0 for none
  constexpr EscTable() : short_esc() {
    for (int c = 0; c < 0x20; c++) short_esc[c] = 'u';
    short_esc[int('\b')] = 'b';
    short_esc[int('\f')] = 'f';
    short_esc[int('\n')] = 'n';
    short_esc[int('\r')] = 'r';
    short_esc[int('\t')] = 't';
    short_esc[int('"')] = '"';
    short_esc[int('\\')] = '\\';
  }
};
constexpr EscTable kEsc;

inline void put_escape(std::string& out, unsigned char c) {
  char e = kEsc.short_esc[c];
  if (e == 'u') {
    put_u(out, c);
  } else {
    char b[2] = {'\\', e};
    out.append(b, 2);
  }
}

// Append the JSON string literal of the UTF-8 text s (with quotes).
void escape_ascii(std::string& out, std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  out.push_back('"');
  size_t i = 0;
  while (i < n) {
    size_t run = i;
    while (run < n && p[run] < 0x7f && !kEsc.short_esc[p[run]]) run++;
    if (run > i) out.append(reinterpret_cast<const char*>(p + i), run - i);
    i = run;
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0x7f) put_u(out, c);
      else put_escape(out, c);
      i++;
      continue;
    }
    utf8::Decoded d = utf8::decode(s, i, true);
    uint32_t cp = d.cp;
    i += size_t(d.len);
    if (cp >= 0x10000) {
      uint32_t v = cp - 0x10000;
      put_u(out, 0xD800 | (v >> 10));
      put_u(out, 0xDC00 | (v & 0x3FF));
    } else {
      put_u(out, cp);
    }
  }
  out.push_back('"');
}

void escape_unicode(std::string& out, std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  out.push_back('"');
  size_t i = 0;
  while (i < n) {
    size_t run = i;
    while (run < n && (p[run] >= 0x80 || !kEsc.short_esc[p[run]])) run++;
    if (run > i) out.append(reinterpret_cast<const char*>(p + i), run - i);
    i = run;
    if (i >= n) break;
    put_escape(out, p[i]);
    i++;
  }
  out.push_back('"');
}

Result<Value> json_encode_basestring_ascii(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("encode_basestring_ascii", kw));
  TRY(check_nargs("_json.encode_basestring_ascii", n, 1, 1));
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "first argument must be a string, not %.80s", type_name(a[0]));
  std::string out;
  Str* s = as_str(a[0]);
  out.reserve(size_t(s->nbytes) + 2);
  escape_ascii(out, s->view());
  return Value(str_new_ascii(out));
}

Result<Value> json_encode_basestring(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("encode_basestring", kw));
  TRY(check_nargs("_json.encode_basestring", n, 1, 1));
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "first argument must be a string, not %.80s", type_name(a[0]));
  std::string out;
  Str* s = as_str(a[0]);
  out.reserve(size_t(s->nbytes) + 2);
  escape_unicode(out, s->view());
  return str_value(out);
}

// ---- Encoder ----------------------------------------------------------------------------------

Encoder* EN(Value v) { return v.as<Encoder>(); }

Result<Value> encoder_new(Value* a, int64_t n, Tuple* kw) {
  Value o[9];
  TRY(parse_args("make_encoder", a + 1, n - 1, kw,
                 {"markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys",
                  "skipkeys", "allow_nan"},
                 9, o));
  if (!is_none(o[0]) && !is_dict(o[0]))
    return raise_fmt(tp_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s", type_name(o[0]));
  for (int i = 4; i <= 5; i++)
    if (!is_str(o[i]))
      return raise_fmt(tp_TypeError, "make_encoder() argument %d must be str, not %.200s", i + 1, type_name(o[i]));
  bool sort_keys = TRY(truthy(o[6]));
  bool skipkeys = TRY(truthy(o[7]));
  bool allow_nan = TRY(truthy(o[8]));
  Encoder* e = static_cast<Encoder*>(alloc_instance(as_type(a[0]), sizeof(Encoder)));
  e->markers = o[0];
  e->defaultfn = o[1];
  e->encoder = o[2];
  e->indent = o[3];
  e->key_separator = as_str(o[4]);
  e->item_separator = as_str(o[5]);
  e->sort_keys = sort_keys;
  e->skipkeys = skipkeys;
  e->allow_nan = allow_nan;
  e->fast = 0;
  if (has_layout(o[2], Layout::Builtin)) {
    NativeFn fn = o[2].as<Builtin>()->fn;
    if (fn == json_encode_basestring_ascii) e->fast = kFastAscii;
    else if (fn == json_encode_basestring) e->fast = kFastUnicode;
  }
  return Value(e);
}

struct Enc {
  Encoder* e;
  std::string out;
};

Status enc_obj(Enc& E, Value obj, int64_t level);

// A str (obj) as a JSON string literal: escaped inline, or through the encoder callable.
Status enc_string(Enc& E, Value obj) {
  Encoder* e = E.e;
  if (e->fast == kFastAscii) {
    escape_ascii(E.out, as_str(obj)->view());
    return OK();
  }
  if (e->fast == kFastUnicode) {
    escape_unicode(E.out, as_str(obj)->view());
    return OK();
  }
  Value r = TRY(call1(e->encoder, obj));
  if (!is_str(r)) return raise_fmt(tp_TypeError, "encoder() must return a string, not %.80s", type_name(r));
  E.out.append(as_str(r)->view());
  return OK();
}

// The text of a float; ValueError for inf/nan unless allow_nan.
Status float_text(Enc& E, double d, std::string& out) {
  if (!std::isfinite(d)) {
    if (!E.e->allow_nan) return raise(tp_ValueError, "Out of range float values are not JSON compliant");
    out = d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN";
    return OK();
  }
  out = numfmt::float_repr(d);
  return OK();
}

// int.__repr__ of any int (subclass instances too: an IntEnum member is its value).
Status int_text(Value v, std::string& out) {
  if (v.is_small()) {
    char b[24];
    auto r = std::to_chars(b, b + sizeof b, v.as_small());
    out.append(b, r.ptr);
    return OK();
  }
  Str* s = TRY(int_decimal_str(v));
  out.append(s->view());
  return OK();
}

// markers[id(obj)] = obj, or ValueError when it is already there. *ident: the key (null: no markers).
Status mark(Enc& E, Value obj, Value* ident) {
  Value markers = E.e->markers;
  if (is_none(markers)) return OK();
  Value id = int_from_u64(uint64_t(obj.bits()));
  Dict* m = as_dict(markers);
  int64_t before = m->used;
  // One probe: setdefault inserts unless id(obj) is there already (an object in progress).
  TRY(dict_setdefault(m, id, obj));
  if (m->used == before) return raise(tp_ValueError, "Circular reference detected");
  *ident = id;
  return OK();
}
Status unmark(Enc& E, Value ident) {
  if (!ident) return OK();
  TRY(dict_del(as_dict(E.e->markers), ident));
  return OK();
}

Status enc_list(Enc& E, Value obj, int64_t level) {
  Value seq = obj;
  Type* t = obj.type();
  if (t != tp_list && t != tp_tuple) seq = Value(TRY(to_list(obj)));
  bool is_l = is_list(seq);
  int64_t size = is_l ? as_list(seq)->size : as_tuple(seq)->size;
  if (size == 0) {
    E.out.append("[]");
    return OK();
  }
  Value ident;
  TRY(mark(E, obj, &ident));
  E.out.push_back('[');
  Str* sep = E.e->item_separator;
  for (int64_t i = 0;; i++) {
    Value item;
    if (is_l) {
      List* l = as_list(seq);
      if (i >= l->size) break;
      item = l->items[i];
    } else {
      if (i >= size) break;
      item = as_tuple(seq)->items[i];
    }
    if (i) E.out.append(sep->view());
    TRY(enc_obj(E, item, level));
  }
  TRY(unmark(E, ident));
  E.out.push_back(']');
  return OK();
}

// One key: value pair of a dict; false in *wrote when skipkeys dropped it.
Status enc_pair(Enc& E, Value key, Value value, bool first, bool* wrote, int64_t level) {
  Encoder* e = E.e;
  Value kstr;
  std::string text;
  if (is_str(key)) {
    kstr = key;
  } else if (is_float(key)) {
    TRY(float_text(E, float_val(key), text));
  } else if (key == True()) {
    text = "true";
  } else if (key == False()) {
    text = "false";
  } else if (is_none(key)) {
    text = "null";
  } else if (is_int(key)) {
    TRY(int_text(key, text));
  } else if (e->skipkeys) {
    *wrote = false;
    return OK();
  } else {
    return raise_fmt(tp_TypeError, "keys must be str, int, float, bool or None, not %.100s", type_name(key));
  }
  if (!first) E.out.append(e->item_separator->view());
  if (kstr) {
    TRY(enc_string(E, kstr));
  } else if (e->fast == kFastAscii) {
    escape_ascii(E.out, text);
  } else if (e->fast == kFastUnicode) {
    escape_unicode(E.out, text);
  } else {
    TRY(enc_string(E, str_value(text)));
  }
  E.out.append(e->key_separator->view());
  TRY(enc_obj(E, value, level));
  *wrote = true;
  return OK();
}

// The (key, value) 2-tuples of `tuples` as a flat key, value, key, value... list.
Result<List*> pairs_of(List* tuples) {
  List* items = list_new(0);
  TRY(list_reserve(items, tuples->size * 2));
  for (int64_t i = 0; i < tuples->size; i++) {
    Value t = tuples->items[i];
    if (!is_tuple(t) || as_tuple(t)->size != 2) return raise(tp_ValueError, "items must return 2-tuples");
    items->items[items->size++] = as_tuple(t)->items[0];
    items->items[items->size++] = as_tuple(t)->items[1];
  }
  return items;
}

Status enc_dict(Enc& E, Value obj, int64_t level) {
  Encoder* e = E.e;
  Dict* d = as_dict(obj);
  if (d->used == 0) {
    E.out.append("{}");
    return OK();
  }
  Value ident;
  TRY(mark(E, obj, &ident));
  E.out.push_back('{');
  if (!is_none(e->indent)) level += 1;  // as CPython's (the C encoder runs only without indent)
  // A snapshot of the items, as PyMapping_Items makes: key, value, key, value...
  List* items;
  if (obj.type() == tp_dict) {
    items = list_new(0);
    TRY(list_reserve(items, d->used * 2));
    int64_t pos = 0;
    Value k, v;
    bool all_str = true;
    while (dict_next(d, &pos, &k, &v)) {
      items->items[items->size++] = k;
      items->items[items->size++] = v;
      all_str = all_str && k.type() == tp_str;
    }
    if (e->sort_keys && all_str) {
      // Sorting (key, value) tuples orders distinct str keys by code point, which is
      // the bytes' order in UTF-8: sort the pairs by their keys' bytes.
      int64_t npairs = items->size / 2;
      std::vector<int64_t> order(static_cast<size_t>(npairs));
      for (int64_t i = 0; i < npairs; i++) order[size_t(i)] = i;
      Value* it = items->items;
      std::sort(order.begin(), order.end(), [it](int64_t a, int64_t b) {
        return as_str(it[2 * a])->view() < as_str(it[2 * b])->view();
      });
      List* sorted = list_new(0);
      TRY(list_reserve(sorted, items->size));
      for (int64_t i : order) {
        sorted->items[sorted->size++] = it[2 * i];
        sorted->items[sorted->size++] = it[2 * i + 1];
      }
      items = sorted;
    } else if (e->sort_keys) {
      List* tuples = list_new(0);
      TRY(list_reserve(tuples, items->size / 2));
      for (int64_t i = 0; i + 1 < items->size; i += 2)
        tuples->items[tuples->size++] = Value(tuple_of({items->items[i], items->items[i + 1]}));
      TRY(list_sort(tuples, Value(), false));
      items = TRY(pairs_of(tuples));
    }
  } else {
    Value it = TRY(call_method0(obj, N.items));
    List* tuples = TRY(to_list(it));
    if (e->sort_keys) TRY(list_sort(tuples, Value(), false));
    items = TRY(pairs_of(tuples));
  }
  bool first = true;
  for (int64_t i = 0; i + 1 < items->size; i += 2) {
    bool wrote;
    TRY(enc_pair(E, items->items[i], items->items[i + 1], first, &wrote, level));
    if (wrote) first = false;
  }
  TRY(unmark(E, ident));
  E.out.push_back('}');
  return OK();
}

Status enc_obj(Enc& E, Value obj, int64_t level) {
  if (obj.is_small()) {
    char b[24];
    auto r = std::to_chars(b, b + sizeof b, obj.as_small());
    E.out.append(b, r.ptr);
    return OK();
  }
  if (is_none(obj)) {
    E.out.append("null");
    return OK();
  }
  if (obj == True()) {
    E.out.append("true");
    return OK();
  }
  if (obj == False()) {
    E.out.append("false");
    return OK();
  }
  switch (obj.type()->layout) {
    case Layout::Str:
      return enc_string(E, obj);
    case Layout::Int:
      return int_text(obj, E.out);
    case Layout::Float: {
      double d = float_val(obj);
      if (std::isfinite(d)) {
        E.out.append(numfmt::float_repr(d));
        return OK();
      }
      std::string text;
      TRY(float_text(E, d, text));
      E.out.append(text);
      return OK();
    }
    case Layout::List:
    case Layout::Tuple: {
      if (!enter_json(" while encoding a JSON object")) return ERR;
      Status r = enc_list(E, obj, level);
      leave_recursion();
      return r;
    }
    case Layout::Dict: {
      if (!enter_json(" while encoding a JSON object")) return ERR;
      Status r = enc_dict(E, obj, level);
      leave_recursion();
      return r;
    }
    default:
      break;
  }
  Value ident;
  TRY(mark(E, obj, &ident));
  Value newobj = TRY(call1(E.e->defaultfn, obj));
  if (!enter_json(" while encoding a JSON object")) return ERR;
  Status r = enc_obj(E, newobj, level);
  leave_recursion();
  if (r.is_err()) return ERR;
  return unmark(E, ident);
}

Result<Value> encoder_call(Value* a, int64_t n, Tuple* kw) {
  Value o[2];
  TRY(parse_args("_iterencode", a + 1, n - 1, kw, {"obj", "_current_indent_level"}, 2, o));
  int64_t level = TRY(ssize_arg(o[1]));
  Enc E;
  E.e = EN(a[0]);
  E.out.reserve(256);
  TRY(enc_obj(E, o[0], level));
  Value s = str_value(E.out);
  return Value(list_from(&s, 1));
}

Result<Value> en_markers(Value s) { return EN(s)->markers; }
Result<Value> en_default(Value s) { return EN(s)->defaultfn; }
Result<Value> en_encoder(Value s) { return EN(s)->encoder; }
Result<Value> en_indent(Value s) { return EN(s)->indent; }
Result<Value> en_key_separator(Value s) { return Value(EN(s)->key_separator); }
Result<Value> en_item_separator(Value s) { return Value(EN(s)->item_separator); }
Result<Value> en_sort_keys(Value s) { return Bool(EN(s)->sort_keys); }
Result<Value> en_skipkeys(Value s) { return Bool(EN(s)->skipkeys); }

const MethodDef encoder_methods[] = {{"__new__", encoder_new, MethKind::Static},
                                     {"__call__", encoder_call},
                                     {nullptr, nullptr}};
const GetSetDef encoder_getsets[] = {{"markers", en_markers},
                                     {"default", en_default},
                                     {"encoder", en_encoder},
                                     {"indent", en_indent},
                                     {"key_separator", en_key_separator},
                                     {"item_separator", en_item_separator},
                                     {"sort_keys", en_sort_keys},
                                     {"skipkeys", en_skipkeys},
                                     {nullptr, nullptr}};

const char kScanstringDoc[] =
    "scanstring(string, end, strict=True) -> (string, end)\n\n"
    "Scan the string s for a JSON string. End is the index of the\n"
    "character in s after the quote that started the JSON string.\n"
    "Unescapes all valid JSON string escape sequences and raises ValueError\n"
    "on attempt to decode an invalid string. If strict is False then literal\n"
    "control characters are allowed in the string.\n\n"
    "Returns a tuple of the decoded string and the index of the character in s\n"
    "after the end quote.";

const MethodDef functions[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii, MethKind::Method,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", json_encode_basestring, MethKind::Method,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {"scanstring", json_scanstring, MethKind::Method, kScanstringDoc},
    {nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_json", functions, "json speedups\n");
  if (!tp_scanner) {
    tp_scanner = native_type_new("_json", "Scanner", tp_object, Layout::Other, sizeof(Scanner), scanner_methods,
                                 scanner_getsets, 0);
    type_set_attr_const(tp_scanner, "__doc__", str_value("JSON scanner object"));
    type_modified(tp_scanner);
    tp_encoder = native_type_new("_json", "Encoder", tp_object, Layout::Other, sizeof(Encoder), encoder_methods,
                                 encoder_getsets, 0);
    type_set_attr_const(tp_encoder, "__doc__", str_value("_iterencode(obj, _current_indent_level) -> iterable"));
    type_modified(tp_encoder);
  }
  dict_set_str(m->dict, str_intern("make_scanner"), Value(tp_scanner));
  dict_set_str(m->dict, str_intern("make_encoder"), Value(tp_encoder));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_json", init);

}  // namespace gilpy
