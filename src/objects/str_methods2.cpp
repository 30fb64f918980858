// str's method set, part 2: case mapping (full Unicode mappings, final sigma),
// the is*() predicates, translate/maketrans, expandtabs, splitlines, encode.
#include <cstring>
#include <vector>

#include "common/unicode.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::strimpl {

namespace {

inline Str* S(Value v) { return as_str(v); }
Value str_of(const std::string& u, bool ascii) { return Value(ascii ? str_new_ascii(u) : str_new(u)); }

void put_mapped(std::string& out, const uint32_t* cps, int n) {
  for (int k = 0; k < n; k++) text::put_cp(out, cps[k]);
}

// Unicode's Final_Sigma condition for a capital sigma occupying bytes [b, e) of p[0..n):
// preceded by a cased letter and not followed by one, case-ignorable characters skipped.
bool final_sigma(const char* p, int64_t n, int64_t b, int64_t e) {
  int64_t j = b;
  bool before = false;
  while (j > 0) {
    uint32_t c = text::prev_cp(p, &j);
    if (unicode::is_case_ignorable(c)) continue;
    before = unicode::is_cased(c);
    break;
  }
  if (!before) return false;
  int64_t k = e;
  while (k < n) {
    uint32_t c = text::next_cp(p, &k);
    if (unicode::is_case_ignorable(c)) continue;
    return !unicode::is_cased(c);
  }
  return true;
}

// Append the full lowercase of the code point c found at bytes [b, e) of s.
inline void lower_cp(Str* s, uint32_t c, int64_t b, int64_t e, std::string& out) {
  if (c < 128) {
    out += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return;
  }
  if (c == 0x3A3) {
    text::put_cp(out, final_sigma(s->data, s->nbytes, b, e) ? 0x3C2 : 0x3C3);
    return;
  }
  uint32_t m[3];
  put_mapped(out, m, unicode::to_lower(c, m));
}

Status noargs(const char* qual, int64_t nargs) { return exact_args(qual, nargs - 1, 0); }

// ---- case mapping ----------------------------------------------------------------------------------
Result<Value> str_lower(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.lower", nargs));
  Str* s = S(args[0]);
  std::string out;
  if (s->ascii) {
    out.assign(s->view());
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = char(c + 32);
    return Value(str_new_ascii(out));
  }
  lower_into(s, out);
  return Value(str_new(out));
}

Result<Value> str_upper(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.upper", nargs));
  Str* s = S(args[0]);
  std::string out;
  if (s->ascii) {
    out.assign(s->view());
    for (char& c : out)
      if (c >= 'a' && c <= 'z') c = char(c - 32);
    return Value(str_new_ascii(out));
  }
  out.reserve(size_t(s->nbytes));
  uint32_t m[3];
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t c = text::next_cp(s->data, &i);
    if (c < 128) out += char(c >= 'a' && c <= 'z' ? c - 32 : c);
    else put_mapped(out, m, unicode::to_upper(c, m));
  }
  return Value(str_new(out));
}

Result<Value> str_casefold(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.casefold", nargs));
  Str* s = S(args[0]);
  if (s->ascii) return str_lower(args, nargs, nullptr);
  std::string out;
  uint32_t m[3];
  for (int64_t i = 0; i < s->nbytes;) put_mapped(out, m, unicode::casefold(text::next_cp(s->data, &i), m));
  return Value(str_new(out));
}

Result<Value> str_swapcase(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.swapcase", nargs));
  Str* s = S(args[0]);
  std::string out;
  if (s->ascii) {
    out.assign(s->view());
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = char(c - 32);
      else if (c >= 'A' && c <= 'Z') c = char(c + 32);
    }
    return Value(str_new_ascii(out));
  }
  uint32_t m[3];
  for (int64_t i = 0; i < s->nbytes;) {
    int64_t b = i;
    uint32_t c = text::next_cp(s->data, &i);
    if (unicode::is_upper(c)) lower_cp(s, c, b, i, out);
    else if (unicode::is_lower(c)) put_mapped(out, m, unicode::to_upper(c, m));
    else out.append(s->data + b, size_t(i - b));
  }
  return Value(str_new(out));
}

Result<Value> str_capitalize(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.capitalize", nargs));
  Str* s = S(args[0]);
  std::string out;
  if (s->ascii) {
    out.assign(s->view());
    for (size_t i = 0; i < out.size(); i++) {
      char& c = out[i];
      if (i == 0) { if (c >= 'a' && c <= 'z') c = char(c - 32); }
      else if (c >= 'A' && c <= 'Z') c = char(c + 32);
    }
    return Value(str_new_ascii(out));
  }
  uint32_t m[3];
  for (int64_t i = 0; i < s->nbytes;) {
    int64_t b = i;
    uint32_t c = text::next_cp(s->data, &i);
    if (b == 0) put_mapped(out, m, unicode::to_title(c, m));
    else lower_cp(s, c, b, i, out);
  }
  return Value(str_new(out));
}

Result<Value> str_title(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.title", nargs));
  Str* s = S(args[0]);
  std::string out;
  bool prev_cased = false;
  if (s->ascii) {
    out.assign(s->view());
    for (char& c : out) {
      bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
      if (prev_cased) { if (upper) c = char(c + 32); }
      else if (lower) c = char(c - 32);
      prev_cased = lower || upper;
    }
    return Value(str_new_ascii(out));
  }
  uint32_t m[3];
  for (int64_t i = 0; i < s->nbytes;) {
    int64_t b = i;
    uint32_t c = text::next_cp(s->data, &i);
    if (prev_cased) lower_cp(s, c, b, i, out);
    else put_mapped(out, m, unicode::to_title(c, m));
    prev_cased = unicode::is_cased(c);
  }
  return Value(str_new(out));
}

// ---- predicates -------------------------------------------------------------------------------------
template <class F>
Result<Value> all_cps(Value* args, int64_t nargs, const char* qual, bool empty_result, F f) {
  TRY(noargs(qual, nargs));
  Str* s = S(args[0]);
  if (s->nbytes == 0) return Bool(empty_result);
  for (int64_t i = 0; i < s->nbytes;)
    if (!f(text::next_cp(s->data, &i))) return False();
  return True();
}

Result<Value> str_isalpha(Value* a, int64_t n, Tuple*) { return all_cps(a, n, "str.isalpha", false, unicode::is_alpha); }
Result<Value> str_isdecimal(Value* a, int64_t n, Tuple*) { return all_cps(a, n, "str.isdecimal", false, unicode::is_decimal); }
Result<Value> str_isdigit(Value* a, int64_t n, Tuple*) { return all_cps(a, n, "str.isdigit", false, unicode::is_digit); }
Result<Value> str_isnumeric(Value* a, int64_t n, Tuple*) { return all_cps(a, n, "str.isnumeric", false, unicode::is_numeric); }
Result<Value> str_isspace(Value* a, int64_t n, Tuple*) { return all_cps(a, n, "str.isspace", false, is_str_space); }
Result<Value> str_isprintable(Value* a, int64_t n, Tuple*) {
  return all_cps(a, n, "str.isprintable", true, [](uint32_t c) {
    if (c < 128) return c >= 0x20 && c < 0x7F;
    return unicode::is_printable(c);
  });
}
Result<Value> str_isalnum(Value* a, int64_t n, Tuple*) {
  return all_cps(a, n, "str.isalnum", false, [](uint32_t c) {
    return unicode::is_alpha(c) || unicode::is_decimal(c) || unicode::is_digit(c) || unicode::is_numeric(c);
  });
}
Result<Value> str_isascii(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.isascii", nargs));
  return Bool(S(args[0])->ascii);
}

Result<Value> str_isupper(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.isupper", nargs));
  Str* s = S(args[0]);
  bool cased = false;
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t c = text::next_cp(s->data, &i);
    if (unicode::is_lower(c) || unicode::is_title(c)) return False();
    if (!cased && unicode::is_upper(c)) cased = true;
  }
  return Bool(cased);
}

Result<Value> str_islower(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.islower", nargs));
  Str* s = S(args[0]);
  bool cased = false;
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t c = text::next_cp(s->data, &i);
    if (unicode::is_upper(c) || unicode::is_title(c)) return False();
    if (!cased && unicode::is_lower(c)) cased = true;
  }
  return Bool(cased);
}

Result<Value> str_istitle(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.istitle", nargs));
  Str* s = S(args[0]);
  bool cased = false, prev = false;
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t c = text::next_cp(s->data, &i);
    if (unicode::is_upper(c) || unicode::is_title(c)) {
      if (prev) return False();
      prev = cased = true;
    } else if (unicode::is_lower(c)) {
      if (!prev) return False();
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return Bool(cased);
}

Result<Value> str_isidentifier(Value* args, int64_t nargs, Tuple*) {
  TRY(noargs("str.isidentifier", nargs));
  Str* s = S(args[0]);
  if (s->nbytes == 0) return False();
  int64_t i = 0;
  uint32_t c = text::next_cp(s->data, &i);
  if (c != '_' && !unicode::is_xid_start(c)) return False();
  while (i < s->nbytes)
    if (!unicode::is_xid_continue(text::next_cp(s->data, &i))) return False();
  return True();
}

// ---- expandtabs / splitlines -----------------------------------------------------------------------------
Result<Value> str_expandtabs(Value* args, int64_t nargs, Tuple* kw) {
  Value a[1];
  TRY(parse_args("expandtabs", args + 1, nargs - 1, kw, {"tabsize"}, 0, a));
  int64_t tab = 8;
  if (a[0]) tab = TRY(text::ssize_arg(a[0]));
  Str* s = S(args[0]);
  if (!std::memchr(s->data, '\t', size_t(s->nbytes))) return Value(text::exact_str(s));
  std::string out;
  int64_t col = 0;
  for (int64_t i = 0; i < s->nbytes;) {
    int64_t b = i;
    uint32_t c = text::next_cp(s->data, &i);
    if (c == '\t') {
      if (tab > 0) {
        int64_t sp = tab - col % tab;
        if (sp > (int64_t(1) << 36)) return raise(tp_OverflowError, "new string is too long");
        out.append(size_t(sp), ' ');
        col += sp;
      }
    } else {
      out.append(s->data + b, size_t(i - b));
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return str_of(out, s->ascii);
}

Result<Value> str_splitlines(Value* args, int64_t nargs, Tuple* kw) {
  Value a[1];
  TRY(parse_args("splitlines", args + 1, nargs - 1, kw, {"keepends"}, 0, a));
  bool keep = false;
  if (a[0]) {
    if (is_float(a[0])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
    keep = TRY(truthy(a[0]));
  }
  Str* s = S(args[0]);
  List* l = list_new(0);
  const char* p = s->data;
  int64_t n = s->nbytes, i = 0;
  while (i < n) {
    int64_t j = i, eol = -1;
    while (j < n) {
      int64_t k = j;
      uint32_t c = text::next_cp(p, &k);
      if ((c < 128 && (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E))) ||
          (c >= 128 && unicode::is_linebreak(c))) {
        eol = j;
        if (c == '\r' && k < n && p[k] == '\n') k++;
        j = k;
        break;
      }
      j = k;
    }
    int64_t end = eol < 0 ? j : (keep ? j : eol);
    TRY(list_append(l, Value(str_new(std::string_view(p + i, size_t(end - i))))));
    i = j;
  }
  return Value(l);
}

// ---- translate / maketrans ---------------------------------------------------------------------------------
Result<Value> str_translate(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("translate", kw));
  TRY(exact_args("str.translate", nargs - 1, 1));
  Str* s = S(args[0]);
  Value table = args[1];
  // Memo for code points below 128: 0 unknown, 1 keep, 2 delete, 3 replaced (text in ascii_rep).
  uint8_t memo[128] = {};
  std::string ascii_rep[128];
  std::string out;
  out.reserve(size_t(s->nbytes));
  bool all_ascii = true;
  for (int64_t i = 0; i < s->nbytes;) {
    int64_t b = i;
    uint32_t c = text::next_cp(s->data, &i);
    if (c < 128 && memo[c]) {
      if (memo[c] == 1) out += char(c);
      else if (memo[c] == 3) out += ascii_rep[c];
      continue;
    }
    Value key = Value::small(int64_t(c));
    Value r;
    if (table.type() == tp_dict) {
      TRY(dict_get2(as_dict(table), key, &r));  // exact dict: no __missing__ to consult
    } else {
      Result<Value> g = getitem(table, key);
      if (g.is_err()) {
        if (!exc_matches(tp_LookupError)) return ERR;
        exc_clear();
      } else {
        r = g.value();
      }
    }
    std::string piece;
    uint8_t kind;
    if (!r) {
      kind = 1;
      piece.assign(s->data + b, size_t(i - b));
    } else if (is_none(r)) {
      kind = 2;
    } else if (is_int(r)) {
      int64_t v;
      if (!int_fits_i64(r, &v) || v < 0 || v > 0x10FFFF)
        return raise(tp_ValueError, "character mapping must be in range(0x110000)");
      text::put_cp(piece, uint32_t(v));
      kind = 3;
    } else if (is_str(r)) {
      piece.assign(S(r)->view());
      kind = 3;
    } else {
      return raise(tp_TypeError, "character mapping must return integer, None or str");
    }
    if (kind == 1 && c >= 128) all_ascii = false;
    for (char ch : piece)
      if (static_cast<unsigned char>(ch) >= 0x80) all_ascii = false;
    if (c < 128) {
      memo[c] = kind;
      if (kind == 3) ascii_rep[c] = piece;
    }
    out += piece;
  }
  return str_of(out, all_ascii);
}

Result<Value> str_maketrans(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("maketrans", kw));
  TRY(positional("maketrans", nargs, 1, 3));
  Dict* d = dict_new();
  if (nargs == 1) {
    if (!is_dict(args[0]))
      return raise(tp_TypeError, "if you give only one argument to maketrans it must be a dict");
    Dict* src = as_dict(args[0]);
    int64_t pos = 0;
    Value k, v;
    while (dict_next(src, &pos, &k, &v)) {
      if (is_str(k)) {
        if (S(k)->length != 1) return raise(tp_ValueError, "string keys in translate table must be of length 1");
        TRY(dict_set(d, Value::small(str_char_at(S(k), 0)), v));
      } else if (is_int(k)) {
        TRY(dict_set(d, k, v));
      } else {
        return raise(tp_TypeError, "keys in translate table must be strings or integers");
      }
    }
    return Value(d);
  }
  if (!is_str(args[0]))
    return raise(tp_TypeError, "first maketrans argument must be a string if there is a second argument");
  if (!is_str(args[1])) return raise_fmt(tp_TypeError, "maketrans() argument 2 must be str, not %s", text::clinic_type_name(args[1]));
  Str* x = S(args[0]);
  Str* y = S(args[1]);
  if (x->length != y->length)
    return raise(tp_ValueError, "the first two maketrans arguments must have equal length");
  for (int64_t i = 0, j = 0; i < x->nbytes;) {
    uint32_t a = text::next_cp(x->data, &i);
    uint32_t b = text::next_cp(y->data, &j);
    TRY(dict_set(d, Value::small(a), Value::small(b)));
  }
  if (nargs == 3) {
    if (!is_str(args[2])) return raise_fmt(tp_TypeError, "maketrans() argument 3 must be str, not %s", text::clinic_type_name(args[2]));
    Str* z = S(args[2]);
    for (int64_t i = 0; i < z->nbytes;) TRY(dict_set(d, Value::small(text::next_cp(z->data, &i)), None()));
  }
  return Value(d);
}

// ---- encode ------------------------------------------------------------------------------------------------------
Result<Value> str_encode(Value* args, int64_t nargs, Tuple* kw) {
  Value a[2];
  TRY(parse_args("encode", args + 1, nargs - 1, kw, {"encoding", "errors"}, 0, a));
  std::string_view enc = "utf-8", err = "strict";
  if (a[0]) {
    if (!is_str(a[0])) return raise_fmt(tp_TypeError, "encode() argument 'encoding' must be str, not %s", text::clinic_type_name(a[0]));
    enc = S(a[0])->view();
  }
  if (a[1]) {
    if (!is_str(a[1])) return raise_fmt(tp_TypeError, "encode() argument 'errors' must be str, not %s", text::clinic_type_name(a[1]));
    err = S(a[1])->view();
  }
  return codec_encode(S(args[0]), enc, err);
}

const MethodDef methods2[] = {
    {"lower", str_lower},
    {"upper", str_upper},
    {"casefold", str_casefold},
    {"swapcase", str_swapcase},
    {"capitalize", str_capitalize},
    {"title", str_title},
    {"isalpha", str_isalpha},
    {"isdecimal", str_isdecimal},
    {"isdigit", str_isdigit},
    {"isnumeric", str_isnumeric},
    {"isspace", str_isspace},
    {"isprintable", str_isprintable},
    {"isalnum", str_isalnum},
    {"isascii", str_isascii},
    {"isupper", str_isupper},
    {"islower", str_islower},
    {"istitle", str_istitle},
    {"isidentifier", str_isidentifier},
    {"expandtabs", str_expandtabs},
    {"splitlines", str_splitlines},
    {"translate", str_translate},
    {"maketrans", str_maketrans, MethKind::Static},
    {"encode", str_encode},
    {nullptr, nullptr}};

}  // namespace

void lower_into(Str* s, std::string& out) {
  out.reserve(out.size() + size_t(s->nbytes));
  for (int64_t i = 0; i < s->nbytes;) {
    int64_t b = i;
    uint32_t c = text::next_cp(s->data, &i);
    lower_cp(s, c, b, i, out);
  }
}

void add_methods2(Type* t) { type_add_methods(t, methods2); }

}  // namespace gilpy::strimpl
