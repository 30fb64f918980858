// _csv: the parser and writer under CPython's csv.py (reader, writer,
// Dialect, the dialect registry, field_size_limit, Error, QUOTE_*).
//
// The reader is CPython's documented state machine over code points: a
// record is read line by line from the iterator, fields accumulate as UTF-8
// and become str (or float for unquoted fields under QUOTE_NONNUMERIC).
// The writer quotes a field when it contains the delimiter, the quote
// character, the escape character or a character of the line terminator
// (QUOTE_MINIMAL), always (QUOTE_ALL), for non-numbers
// (QUOTE_NONNUMERIC), or never, escaping instead (QUOTE_NONE).
#include <string>
#include <vector>

#include "common/utf8.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

enum Quoting { QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE };
static constexpr uint32_t kNone = 0xFFFFFFFF;  // "no character" (escapechar/quotechar None)

struct Dialect : Object {
  uint32_t delimiter, quotechar, escapechar;
  bool doublequote, skipinitialspace, strict;
  int quoting;
  Str* lineterminator;
};
struct Reader : Object {
  Value input;     // iterator of lines
  Dialect* dialect;
  int64_t line_num;
};
struct Writer : Object {
  Value write;     // the file's bound write method
  Dialect* dialect;
};

static Type* tp_dialect;
static Type* tp_reader;
static Type* tp_writer;
static Value g_error;
static Dict* g_dialects;
static int64_t g_field_limit = 128 * 1024;

static Err csv_error(const std::string& msg) {
  Result<Value> e = call1(g_error, str_value(msg));
  if (e.is_err()) return ERR;
  return raise_value(e.value());
}

static std::vector<uint32_t> cps_of(std::string_view s) {
  std::vector<uint32_t> out;
  size_t i = 0;
  while (i < s.size()) {
    utf8::Decoded d = utf8::decode(s, i, true);
    out.push_back(d.cp);
    i += size_t(d.len);
  }
  return out;
}
static void put_cp(std::string& out, uint32_t c) { utf8::encode(c, out); }

// ---- Dialect ----------------------------------------------------------------------------
static Result<uint32_t> char_attr(const char* name, Value v, uint32_t dflt, bool allow_none) {
  if (!v) return dflt;
  if (allow_none && is_none(v)) return kNone;
  if (!is_str(v))
    return raise_fmt(tp_TypeError, allow_none ? "\"%s\" must be string or None, not %s" : "\"%s\" must be string, not %s",
                     name, type_name(v));
  if (as_str(v)->length != 1) return raise_fmt(tp_TypeError, "\"%s\" must be a 1-character string", name);
  return cps_of(as_str(v)->view())[0];
}
static Result<bool> bool_attr(Value v, bool dflt) { return v ? truthy(v) : Result<bool>(dflt); }

static Result<Value> make_dialect(Type* t, Value base, const char* const* names, Value* given) {
  // Attributes: from keyword arguments first, then from the base dialect object.
  Value v[8];
  for (int i = 0; i < 8; i++) {
    v[i] = given ? given[i] : Value();
    if (!v[i] && base && !is_none(base)) {
      Value a;
      TRY(getattr_opt(base, str_intern(names[i]), &a));
      v[i] = a;
    }
  }
  Dialect* d = static_cast<Dialect*>(alloc_instance(t, sizeof(Dialect)));
  d->delimiter = TRY(char_attr("delimiter", v[0], ',', false));
  d->doublequote = TRY(bool_attr(v[1], true));
  d->escapechar = TRY(char_attr("escapechar", v[2], kNone, true));
  if (v[3] && !is_str(v[3])) return raise(tp_TypeError, "\"lineterminator\" must be a string");
  d->lineterminator = v[3] ? as_str(v[3]) : str_intern("\r\n");
  d->quotechar = TRY(char_attr("quotechar", v[4], '"', true));
  if (v[5]) {
    if (!is_int(v[5])) return raise(tp_TypeError, "\"quoting\" must be an integer");
    int64_t q = TRY(as_index(v[5]));
    if (q < 0 || q > 3) return raise(tp_TypeError, "bad \"quoting\" value");
    d->quoting = int(q);
  } else {
    d->quoting = QUOTE_MINIMAL;
  }
  d->skipinitialspace = TRY(bool_attr(v[6], false));
  d->strict = TRY(bool_attr(v[7], false));
  // 3.11: quotechar=None without a quoting value means QUOTE_NONE.
  if (d->quotechar == kNone && !v[5]) d->quoting = QUOTE_NONE;
  if (d->quotechar == kNone && d->quoting != QUOTE_NONE)
    return raise(tp_TypeError, "quotechar must be set if quoting enabled");
  return Value(d);
}

static const char* const kAttrNames[8] = {"delimiter",  "doublequote", "escapechar",       "lineterminator",
                                          "quotechar",  "quoting",     "skipinitialspace", "strict"};

// The keyword arguments of reader(), writer(), register_dialect() and
// Dialect(): `dialect` and the eight format parameters (values follow the
// npos positional arguments in `a`).
static Status fmtparams(Value* a, int64_t npos, Tuple* kw, Value given[8], Value* dialect) {
  if (!kw) return OK();
  for (int64_t i = 0; i < kw->size; i++) {
    std::string_view k = as_str(kw->items[i])->view();
    if (k == "dialect") {
      if (*dialect) return raise(tp_TypeError, "argument for function given by name ('dialect') and position (1)");
      *dialect = a[npos + i];
      continue;
    }
    int j = 0;
    while (j < 8 && k != kAttrNames[j]) j++;
    if (j == 8) return raise_fmt(tp_TypeError, "'%.*s' is an invalid keyword argument for Dialect()", int(k.size()), k.data());
    given[j] = a[npos + i];
  }
  return OK();
}

// A registered dialect's name stands for that dialect.
static Result<Value> resolve_name(Value base) {
  if (!base || !is_str(base)) return base ? base : None();
  Value found = dict_get_str(g_dialects, as_str(base));
  if (!found) return csv_error("unknown dialect");
  return found;
}

// Dialect from (dialect=None, **fmtparams): a registered name, a dialect-like object, or nothing.
static Result<Dialect*> dialect_from(Value dialect, Value* a, int64_t n, Tuple* kw) {
  Value given[8] = {};
  TRY(fmtparams(a, n, kw, given, &dialect));
  Value base = TRY(resolve_name(dialect));
  bool any = false;
  for (Value g : given) any = any || g;
  if (base && base.type() == tp_dialect && !any) return base.as<Dialect>();
  Value d = TRY(make_dialect(tp_dialect, base, kAttrNames, given));
  return d.as<Dialect>();
}

static Result<Value> dialect_new(Value* a, int64_t n, Tuple* kw) {
  if (n > 2) return raise_fmt(tp_TypeError, "Dialect() takes at most 1 positional argument (%lld given)", (long long)(n - 1));
  Value base = n > 1 ? a[1] : Value();
  Value given[8] = {};
  TRY(fmtparams(a, n, kw, given, &base));
  base = TRY(resolve_name(base));
  return make_dialect(as_type(a[0]), base, kAttrNames, given);
}

static Value char_value(uint32_t c) { return c == kNone ? None() : Value(str_from_cp(c)); }
static Dialect* D(Value v) { return v.as<Dialect>(); }
static Result<Value> d_delimiter(Value s) { return char_value(D(s)->delimiter); }
static Result<Value> d_quotechar(Value s) { return char_value(D(s)->quotechar); }
static Result<Value> d_escapechar(Value s) { return char_value(D(s)->escapechar); }
static Result<Value> d_lineterminator(Value s) { return Value(D(s)->lineterminator); }
static Result<Value> d_doublequote(Value s) { return Bool(D(s)->doublequote); }
static Result<Value> d_skipinitialspace(Value s) { return Bool(D(s)->skipinitialspace); }
static Result<Value> d_strict(Value s) { return Bool(D(s)->strict); }
static Result<Value> d_quoting(Value s) { return Value::small(D(s)->quoting); }
static const GetSetDef dialect_getsets[] = {
    {"delimiter", d_delimiter},   {"quotechar", d_quotechar},     {"escapechar", d_escapechar},
    {"lineterminator", d_lineterminator}, {"doublequote", d_doublequote}, {"skipinitialspace", d_skipinitialspace},
    {"strict", d_strict},         {"quoting", d_quoting},         {nullptr, nullptr}};
static const MethodDef dialect_methods[] = {{"__new__", dialect_new, MethKind::Static}, {nullptr, nullptr}};

// ---- reader -----------------------------------------------------------------------------
enum State { START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD, ESCAPE_IN_QUOTED_FIELD,
             QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL };

struct Parse {
  Dialect* d;
  State state = START_RECORD;
  std::string field;
  int64_t field_len = 0;
  bool quoted = false;  // the current field was quoted (no float conversion)
  List* fields;
};

static Status save_field(Parse& p) {
  Value v = str_value(p.field);
  if (p.d->quoting == QUOTE_NONNUMERIC && !p.quoted && !p.field.empty()) v = TRY(call1(Value(tp_float), v));
  TRY(list_append(p.fields, v));
  p.field.clear();
  p.field_len = 0;
  p.quoted = false;
  return OK();
}
static Status add_char(Parse& p, uint32_t c) {
  if (p.field_len >= g_field_limit) return csv_error("field larger than field limit (" + std::to_string(g_field_limit) + ")");
  put_cp(p.field, c);
  p.field_len++;
  return OK();
}

// One code point (or kNone for the end of a line) through the state machine.
static Status process(Parse& p, uint32_t c) {
  Dialect* d = p.d;
  switch (p.state) {
    case START_RECORD:
      if (c == kNone) return OK();
      if (c == '\n' || c == '\r') {
        p.state = EAT_CRNL;
        return OK();
      }
      p.state = START_FIELD;
      [[fallthrough]];
    case START_FIELD:
      if (c == '\n' || c == '\r' || c == kNone) {
        TRY(save_field(p));
        p.state = c == kNone ? START_RECORD : EAT_CRNL;
      } else if (c == d->quotechar && d->quoting != QUOTE_NONE) {
        p.quoted = true;
        p.state = IN_QUOTED_FIELD;
      } else if (c == d->escapechar) {
        p.state = ESCAPED_CHAR;
      } else if (c == ' ' && d->skipinitialspace) {
      } else if (c == d->delimiter) {
        TRY(save_field(p));
      } else {
        TRY(add_char(p, c));
        p.state = IN_FIELD;
      }
      return OK();
    case ESCAPED_CHAR:
      if (c == '\n' || c == '\r') {
        TRY(add_char(p, c));
        p.state = AFTER_ESCAPED_CRNL;
        return OK();
      }
      if (c == kNone) c = '\n';
      TRY(add_char(p, c));
      p.state = IN_FIELD;
      return OK();
    case AFTER_ESCAPED_CRNL:
      if (c == kNone) return OK();
      p.state = IN_FIELD;
      [[fallthrough]];
    case IN_FIELD:
      if (c == '\n' || c == '\r' || c == kNone) {
        TRY(save_field(p));
        p.state = c == kNone ? START_RECORD : EAT_CRNL;
      } else if (c == d->escapechar) {
        p.state = ESCAPED_CHAR;
      } else if (c == d->delimiter) {
        TRY(save_field(p));
        p.state = START_FIELD;
      } else {
        TRY(add_char(p, c));
      }
      return OK();
    case IN_QUOTED_FIELD:
      if (c == kNone) {
      } else if (c == d->escapechar) {
        p.state = ESCAPE_IN_QUOTED_FIELD;
      } else if (c == d->quotechar && d->quoting != QUOTE_NONE) {
        p.state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
      } else {
        TRY(add_char(p, c));
      }
      return OK();
    case ESCAPE_IN_QUOTED_FIELD:
      if (c == kNone) c = '\n';
      TRY(add_char(p, c));
      p.state = IN_QUOTED_FIELD;
      return OK();
    case QUOTE_IN_QUOTED_FIELD:
      if (d->quoting != QUOTE_NONE && c == d->quotechar) {
        TRY(add_char(p, c));  // a doubled quote
        p.state = IN_QUOTED_FIELD;
      } else if (c == d->delimiter) {
        TRY(save_field(p));
        p.state = START_FIELD;
      } else if (c == '\n' || c == '\r' || c == kNone) {
        TRY(save_field(p));
        p.state = c == kNone ? START_RECORD : EAT_CRNL;
      } else if (!d->strict) {
        TRY(add_char(p, c));
        p.state = IN_FIELD;
      } else {
        std::string msg = "'";
        put_cp(msg, d->delimiter);
        msg += "' expected after '";
        put_cp(msg, d->quotechar);
        msg += "'";
        return csv_error(msg);
      }
      return OK();
    case EAT_CRNL:
      if (c == '\n' || c == '\r') return OK();
      if (c == kNone) {
        p.state = START_RECORD;
        return OK();
      }
      return csv_error("new-line character seen in unquoted field - do you need to open the file with newline=''?");
  }
  return OK();
}

static Result<Value> reader_next(Value* a, int64_t, Tuple*) {
  Reader* r = a[0].as<Reader>();
  Parse p;
  p.d = r->dialect;
  p.fields = list_new(0);
  do {
    Value line;
    TRY(iter_next(r->input, &line));
    if (!line) {
      if (!p.field.empty() || p.state == IN_QUOTED_FIELD) {
        if (p.d->strict) return csv_error("unexpected end of data");
        TRY(save_field(p));
        break;
      }
      return raise_value(Value(tp_StopIteration));
    }
    if (!is_str(line))
      return csv_error(std::string("iterator should return strings, not ") + type_name(line) +
                       " (the file should be opened in text mode)");
    r->line_num++;
    for (uint32_t c : cps_of(as_str(line)->view())) TRY(process(p, c));
    TRY(process(p, kNone));
  } while (p.state != START_RECORD);
  return Value(p.fields);
}
static Result<Value> reader_iter(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> reader_dialect(Value s) { return Value(s.as<Reader>()->dialect); }
static Result<Value> reader_line_num(Value s) { return int_from_i64(s.as<Reader>()->line_num); }
static const MethodDef reader_methods[] = {{"__next__", reader_next}, {"__iter__", reader_iter}, {nullptr, nullptr}};
static const GetSetDef reader_getsets[] = {{"dialect", reader_dialect}, {"line_num", reader_line_num}, {nullptr, nullptr}};

static Result<Value> csv_reader(Value* a, int64_t n, Tuple* kw) {
  if (n < 1) return raise(tp_TypeError, "expected at least 1 argument, got 0");
  if (n > 2) return raise_fmt(tp_TypeError, "expected at most 2 arguments, got %lld", (long long)n);
  Reader* r = static_cast<Reader*>(alloc_instance(tp_reader, sizeof(Reader)));
  r->input = TRY(get_iter(a[0]));
  r->dialect = TRY(dialect_from(n > 1 ? a[1] : Value(), a, n, kw));
  return Value(r);
}

// ---- writer -----------------------------------------------------------------------------
static Status append_field(Writer* w, std::string& line, Value field, bool quote_empty_alone) {
  Dialect* d = w->dialect;
  std::string text;
  bool quoted = false;
  if (is_none(field)) {
  } else if (is_str(field)) {
    text = std::string(as_str(field)->view());
    quoted = d->quoting == QUOTE_NONNUMERIC || d->quoting == QUOTE_ALL;
  } else {
    Str* s = TRY(str(field));
    text = std::string(s->view());
    quoted = d->quoting == QUOTE_ALL;
  }
  std::vector<uint32_t> term = cps_of(d->lineterminator->view());
  std::string out;
  for (uint32_t c : cps_of(text)) {
    // 3.11 looks at the line terminator's characters, not at '\r'/'\n' as such.
    bool special = c == d->delimiter || c == d->escapechar || c == d->quotechar;
    for (uint32_t t : term) special = special || c == t;
    if (special) {
      bool want_escape = false;
      if (d->quoting == QUOTE_NONE) {
        want_escape = true;
      } else {
        if (c == d->quotechar) {
          if (d->doublequote) put_cp(out, d->quotechar);
          else want_escape = true;
        } else if (c == d->escapechar) {
          want_escape = true;
        }
        if (!want_escape) quoted = true;
      }
      if (want_escape) {
        if (d->escapechar == kNone) return csv_error("need to escape, but no escapechar set");
        put_cp(out, d->escapechar);
      }
    }
    put_cp(out, c);
  }
  if (text.empty() && quote_empty_alone && d->quoting != QUOTE_NONE) quoted = true;
  if (quoted && d->quotechar == kNone) {
    if (d->quoting == QUOTE_NONE) return OK();
    return csv_error("quotechar must be set if quoting enabled");
  }
  if (quoted) put_cp(line, d->quotechar);
  line += out;
  if (quoted) put_cp(line, d->quotechar);
  return OK();
}

static Result<Value> writer_writerow(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("writerow", n - 1, 1, 1));
  Writer* w = a[0].as<Writer>();
  Result<Value> it = get_iter(a[1]);
  if (it.is_err()) {
    if (!exc_matches(tp_TypeError)) return ERR;
    exc_clear();
    return csv_error(std::string("iterable expected, not ") + type_name(a[1]));
  }
  gc::Vector<Value> fields;  // collector memory: the row's items may be fresh objects only this holds
  for (;;) {
    Value f;
    TRY(iter_next(it.value(), &f));
    if (!f) break;
    fields.push_back(f);
  }
  std::string line;
  for (size_t i = 0; i < fields.size(); i++) {
    if (i) put_cp(line, w->dialect->delimiter);
    TRY(append_field(w, line, fields[i], fields.size() == 1));
  }
  if (fields.size() == 1 && line.empty() && w->dialect->quoting == QUOTE_NONE)
    return csv_error("single empty field record must be quoted");
  line += w->dialect->lineterminator->view();
  return call1(w->write, str_value(line));
}
static Result<Value> writer_writerows(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("writerows", n - 1, 1, 1));
  Value it = TRY(get_iter(a[1]));
  for (;;) {
    Value row;
    TRY(iter_next(it, &row));
    if (!row) break;
    Value args[2] = {a[0], row};
    TRY(writer_writerow(args, 2, nullptr));
  }
  return None();
}
static Result<Value> writer_dialect(Value s) { return Value(s.as<Writer>()->dialect); }
static const MethodDef writer_methods[] = {{"writerow", writer_writerow}, {"writerows", writer_writerows}, {nullptr, nullptr}};
static const GetSetDef writer_getsets[] = {{"dialect", writer_dialect}, {nullptr, nullptr}};

static Result<Value> csv_writer(Value* a, int64_t n, Tuple* kw) {
  if (n < 1) return raise(tp_TypeError, "expected at least 1 argument, got 0");
  if (n > 2) return raise_fmt(tp_TypeError, "expected at most 2 arguments, got %lld", (long long)n);
  Writer* w = static_cast<Writer*>(alloc_instance(tp_writer, sizeof(Writer)));
  Value write;
  TRY(getattr_opt(a[0], N.write, &write));
  if (!write || !is_callable(write)) return raise(tp_TypeError, "argument 1 must have a \"write\" method");
  w->write = write;
  w->dialect = TRY(dialect_from(n > 1 ? a[1] : Value(), a, n, kw));
  return Value(w);
}

// ---- the registry and the limit ---------------------------------------------------------
static Result<Value> csv_register_dialect(Value* a, int64_t n, Tuple* kw) {
  if (n < 1 || n > 2) return raise_fmt(tp_TypeError, "register_dialect() expected at most 2 arguments, got %lld", (long long)n);
  if (!is_str(a[0])) return raise(tp_TypeError, "dialect name must be a string");
  Dialect* d = TRY(dialect_from(n > 1 ? a[1] : Value(), a, n, kw));
  TRY(dict_set(g_dialects, a[0], Value(d)));
  return None();
}
static Result<Value> csv_unregister_dialect(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("unregister_dialect", n, 1, 1));
  bool had = TRY(dict_del(g_dialects, a[0]));
  if (!had) return csv_error("unknown dialect");
  return None();
}
static Result<Value> csv_get_dialect(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("get_dialect", n, 1, 1));
  Value d;
  TRY(dict_get2(g_dialects, a[0], &d));
  if (!d) return csv_error("unknown dialect");
  return d;
}
static Result<Value> csv_list_dialects(Value*, int64_t n, Tuple*) {
  TRY(check_nargs("list_dialects", n, 0, 0));
  List* out = list_new(0);
  int64_t pos = 0;
  Value k, v;
  while (dict_next(g_dialects, &pos, &k, &v)) TRY(list_append(out, k));
  return Value(out);
}
static Result<Value> csv_field_size_limit(Value* a, int64_t n, Tuple* kw) {
  Value o[1];
  TRY(parse_args("field_size_limit", a, n, kw, {"new_limit"}, 0, o));
  int64_t old = g_field_limit;
  if (o[0]) {
    if (!is_int(o[0])) return raise(tp_TypeError, "limit must be an integer");
    g_field_limit = TRY(int_as_i64(o[0]));
  }
  return int_from_i64(old);
}

static const MethodDef functions[] = {
    {"reader", csv_reader},   {"writer", csv_writer},           {"register_dialect", csv_register_dialect},
    {"unregister_dialect", csv_unregister_dialect}, {"get_dialect", csv_get_dialect},
    {"list_dialects", csv_list_dialects}, {"field_size_limit", csv_field_size_limit}, {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_csv", functions, "CSV parsing and writing.");
  tp_dialect = native_type_new("_csv", "Dialect", tp_object, Layout::Other, sizeof(Dialect), dialect_methods,
                               dialect_getsets);
  tp_reader = native_type_new("_csv", "reader", tp_object, Layout::Other, sizeof(Reader), reader_methods,
                              reader_getsets, 0);
  tp_writer = native_type_new("_csv", "writer", tp_object, Layout::Other, sizeof(Writer), writer_methods,
                              writer_getsets, 0);
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, str_value("_csv"));
  g_error = TRY(call3(Value(tp_type), str_value("Error"), Value(tuple_of({Value(tp_Exception)})), Value(ns)));
  g_dialects = dict_new();
  dict_set_str(m->dict, str_intern("Dialect"), Value(tp_dialect));
  dict_set_str(m->dict, str_intern("Error"), g_error);
  dict_set_str(m->dict, str_intern("__version__"), str_value("1.0"));
  dict_set_str(m->dict, str_intern("_dialects"), Value(g_dialects));
  dict_set_str(m->dict, str_intern("QUOTE_MINIMAL"), Value::small(QUOTE_MINIMAL));
  dict_set_str(m->dict, str_intern("QUOTE_ALL"), Value::small(QUOTE_ALL));
  dict_set_str(m->dict, str_intern("QUOTE_NONNUMERIC"), Value::small(QUOTE_NONNUMERIC));
  dict_set_str(m->dict, str_intern("QUOTE_NONE"), Value::small(QUOTE_NONE));
  return Value(m);
}
GILPY_NATIVE_MODULE("_csv", init);

}  // namespace gilpy
