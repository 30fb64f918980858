// _string: the format-string parsers behind string.Formatter.
//   formatter_parser(s)            -> iterator of (literal, field_name, format_spec, conversion)
//   formatter_field_name_split(s)  -> (first, iterator of (is_attribute, key))
// Both iterate lazily like CPython's, so errors surface at the item where they
// occur. Every delimiter is ASCII, so the parsers walk the UTF-8 bytes
// directly; slices therefore always fall on code point boundaries.
#include <string>
#include <string_view>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Type* tp_formatteriter;
static Type* tp_fieldnameiter;

static Result<Value> iter_self(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> iter_next_m(Value* a, int64_t, Tuple*) {
  Value out;
  TRY(native_iternext(a[0].type())(a[0], &out));
  if (!out) return raise_stop_iteration(Value());
  return out;
}

// -1 when `s` is empty or not all ASCII digits (then it is a name, not an index).
static Result<int64_t> get_integer(std::string_view s) {
  if (s.empty()) return int64_t(-1);
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return int64_t(-1);
    if (v > (INT64_MAX - (c - '0')) / 10) return raise(tp_ValueError, "Too many decimal digits in format string");
    v = v * 10 + (c - '0');
  }
  return v;
}

// ---- formatter_parser ----
struct FormatterIter : Object {
  Str* str;
  int64_t pos;  // byte offset of the unparsed rest
};

// Parse the field after an opening '{' (pos just past it). Fills the pieces;
// conversion is 0 when absent.
static Status parse_field(std::string_view s, int64_t& pos, std::string_view& name, std::string_view& spec,
                          char& conversion) {
  int64_t end = int64_t(s.size());
  int64_t start = pos;
  char c = 0;
  while (pos < end) {
    c = s[size_t(pos++)];
    if (c == '{') return raise(tp_ValueError, "unexpected '{' in field name");
    if (c == '[') {
      while (pos < end && s[size_t(pos)] != ']') pos++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  name = s.substr(size_t(start), size_t(pos - 1 - start));
  if (c == '!' || c == ':') {
    spec = std::string_view();
    if (c == '!') {
      if (pos >= end) return raise(tp_ValueError, "end of string while looking for conversion specifier");
      conversion = s[size_t(pos++)];
      if (pos < end) {
        c = s[size_t(pos++)];
        if (c == '}') return OK();
        if (c != ':') return raise(tp_ValueError, "expected ':' after conversion specifier");
      }
    }
    int64_t spec_start = pos;
    int count = 1;
    while (pos < end) {
      c = s[size_t(pos++)];
      if (c == '{') {
        count++;
      } else if (c == '}') {
        if (--count == 0) {
          spec = s.substr(size_t(spec_start), size_t(pos - 1 - spec_start));
          return OK();
        }
      }
    }
    return raise(tp_ValueError, "unmatched '{' in format spec");
  }
  if (c != '}') return raise(tp_ValueError, "expected '}' before end of string");
  return OK();
}

static Status formatteriter_next(Value self, Value* out) {
  FormatterIter* it = self.as<FormatterIter>();
  *out = Value();
  std::string_view s = it->str->view();
  int64_t end = int64_t(s.size());
  if (it->pos >= end) return OK();
  int64_t start = it->pos;
  int64_t& pos = it->pos;
  char c = 0;
  bool markup = false;
  while (pos < end) {
    c = s[size_t(pos++)];
    if (c == '{' || c == '}') {
      markup = true;
      break;
    }
  }
  bool at_end = pos >= end;
  int64_t len = pos - start;
  if (markup && c == '}' && (at_end || s[size_t(pos)] != '}')) {
    pos = end;
    return raise(tp_ValueError, "Single '}' encountered in format string");
  }
  if (markup && at_end && c == '{') {
    pos = end;
    return raise(tp_ValueError, "Single '{' encountered in format string");
  }
  if (markup) {
    if (s[size_t(pos)] == c) {  // "{{" or "}}": a literal brace ends this chunk
      pos++;
      markup = false;
    } else {
      len--;
    }
  }
  Value literal = str_value(s.substr(size_t(start), size_t(len)));
  if (!markup) {
    *out = Value(tuple_of({literal, None(), None(), None()}));
    return OK();
  }
  std::string_view name, spec;
  char conversion = 0;
  Status st = parse_field(s, pos, name, spec, conversion);
  if (st.is_err()) {
    pos = end;
    return ERR;
  }
  Value conv = conversion ? Value(str_new(std::string_view(&conversion, 1))) : None();
  *out = Value(tuple_of({literal, str_value(name), str_value(spec), conv}));
  return OK();
}

static Result<Value> formatter_parser(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("formatter_parser", kw));
  TRY(check_nargs("formatter_parser", n, 1, 1));
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "expected str, got %s", type_name(a[0]));
  FormatterIter* it = static_cast<FormatterIter*>(alloc_instance(tp_formatteriter, sizeof(FormatterIter)));
  it->str = as_str(a[0]);
  return Value(it);
}

// ---- formatter_field_name_split ----
struct FieldNameIter : Object {
  Str* str;
  int64_t pos;
};
static Value key_value(std::string_view s, int64_t idx) {
  return idx == -1 ? str_value(s) : int_from_i64(idx);
}
static Status fieldnameiter_next(Value self, Value* out) {
  FieldNameIter* it = self.as<FieldNameIter>();
  *out = Value();
  std::string_view s = it->str->view();
  int64_t end = int64_t(s.size());
  int64_t& pos = it->pos;
  if (pos >= end) return OK();
  char c = s[size_t(pos++)];
  bool is_attr;
  std::string_view name;
  if (c == '.') {
    is_attr = true;
    int64_t start = pos;
    while (pos < end && s[size_t(pos)] != '.' && s[size_t(pos)] != '[') pos++;
    name = s.substr(size_t(start), size_t(pos - start));
  } else if (c == '[') {
    is_attr = false;
    int64_t start = pos;
    bool closed = false;
    while (pos < end) {
      if (s[size_t(pos++)] == ']') {
        closed = true;
        break;
      }
    }
    if (!closed) {
      pos = end;
      return raise(tp_ValueError, "Missing ']' in format string");
    }
    name = s.substr(size_t(start), size_t(pos - 1 - start));
  } else {
    pos = end;
    return raise(tp_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
  }
  if (name.empty()) {
    pos = end;
    return raise(tp_ValueError, "Empty attribute in format string");
  }
  int64_t idx = TRY(get_integer(name));
  *out = Value(tuple_of({Bool(is_attr), key_value(name, idx)}));
  return OK();
}

static Result<Value> formatter_field_name_split(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("formatter_field_name_split", kw));
  TRY(check_nargs("formatter_field_name_split", n, 1, 1));
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "expected str, got %s", type_name(a[0]));
  Str* s = as_str(a[0]);
  std::string_view v = s->view();
  size_t i = 0;
  while (i < v.size() && v[i] != '.' && v[i] != '[') i++;
  std::string_view first = v.substr(0, i);
  int64_t idx = TRY(get_integer(first));
  FieldNameIter* it = static_cast<FieldNameIter*>(alloc_instance(tp_fieldnameiter, sizeof(FieldNameIter)));
  it->str = s;
  it->pos = int64_t(i);
  return Value(tuple_of({key_value(first, idx), Value(it)}));
}

static const MethodDef iter_methods[] = {{"__iter__", iter_self}, {"__next__", iter_next_m}, {nullptr, nullptr}};
static const MethodDef functions[] = {{"formatter_parser", formatter_parser},
                                      {"formatter_field_name_split", formatter_field_name_split},
                                      {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_string", functions, "string helper module");
  if (!tp_formatteriter) {
    tp_formatteriter = native_type_new("_string", "formatteriterator", tp_object, Layout::Other,
                                       sizeof(FormatterIter), iter_methods, nullptr, 0);
    tp_formatteriter->iternext = formatteriter_next;
    tp_fieldnameiter = native_type_new("_string", "fieldnameiterator", tp_object, Layout::Other,
                                       sizeof(FieldNameIter), iter_methods, nullptr, 0);
    tp_fieldnameiter->iternext = fieldnameiter_next;
  }
  return Value(m);
}
GILPY_NATIVE_MODULE("_string", init);

}  // namespace gilpy
