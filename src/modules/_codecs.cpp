// _codecs: the codec registry (register/lookup with its search functions and
// cache), the error-handler registry with the eight standard handlers, and
// the codec primitives codecs.py and the encodings package call (utf-8/16/32,
// ascii, latin-1, charmap, escape codecs). The byte-level work of utf-8,
// ascii, latin-1 and utf-16/32 is done by objects/text_codecs.cpp (shared with
// str.encode/bytes.decode); this module adds incremental decoding (`final`),
// error handlers registered from Python, and the route from str.encode /
// bytes.decode to the registry for encodings text_codecs does not know.
#include <cstdio>
#include <string>

#include "common/unicode.h"
#include "modules/_codecs_utf7.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

// Hooks in objects/text_codecs.cpp (null until this module initialises).
extern Result<Value> (*g_codec_encode_hook)(Str*, std::string_view, std::string_view, bool);
extern Result<Value> (*g_codec_decode_hook)(std::string_view, std::string_view, std::string_view, Value, bool);

namespace {

// Registry state lives in static data (scanned by the collector).
List* g_search;       // search functions
Dict* g_cache;        // normalised name -> CodecInfo
Dict* g_errors;       // handler name -> callable
bool g_encodings_imported;

void ensure_registry() {
  if (g_search) return;
  g_search = list_new(0);
  g_cache = dict_new();
  g_errors = dict_new();
}

// Lower case; runs of characters other than ASCII letters, digits and '.' become one '_'
// (leading and trailing ones dropped), like encodings.normalize_encoding.
std::string normalize(std::string_view enc) {
  std::string out;
  bool punct = false;
  for (char c : enc) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '.' || u >= 0x80) {
      if (punct && !out.empty()) out += '_';
      out += (u >= 'A' && u <= 'Z') ? char(u - 'A' + 'a') : c;
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

Result<Value> lookup(Str* encoding) {
  ensure_registry();
  if (!g_encodings_imported) {
    g_encodings_imported = true;
    TRY(import_module(str_intern("encodings")));
  }
  Str* key = str_intern(normalize(encoding->view()));
  Value hit = dict_get_str(g_cache, key);
  if (hit) return hit;
  for (int64_t i = 0; i < g_search->size; i++) {
    Value r = TRY(call1(g_search->items[i], Value(key)));
    if (is_none(r)) continue;
    if (!is_tuple(r) || as_tuple(r)->size != 4) return raise(tp_TypeError, "codec search functions must return 4-tuples");
    dict_set_str(g_cache, key, r);
    return r;
  }
  return raise_fmt(tp_LookupError, "unknown encoding: %s", encoding->data);
}

Result<Value> lookup_error(Str* name) {
  ensure_registry();
  Value h = dict_get_str(g_errors, str_intern(name));
  if (!h) return raise_fmt(tp_LookupError, "unknown error handler name '%s'", name->data);
  return h;
}

Str* opt_str(Value v, const char* dflt) { return v && !is_none(v) && is_str(v) ? as_str(v) : str_intern(dflt); }

Status want_str(Value v, const char* fname, const char* what) {
  if (!is_str(v)) return raise_fmt(tp_TypeError, "%s() argument %s must be str, not %s", fname, what, type_name(v));
  return OK();
}

// ---- error handlers ----------------------------------------------------------------------
// The exception's (encoding, object, start, end, reason) arguments.
struct ExcInfo {
  Value obj;
  int64_t start, end;
  bool encode, decode, translate;
};
Result<ExcInfo> exc_info(Value exc) {
  ExcInfo e{};
  Type* t = exc.type();
  e.encode = isinstance(exc, tp_UnicodeEncodeError);
  e.decode = isinstance(exc, tp_UnicodeDecodeError);
  e.translate = isinstance(exc, tp_UnicodeTranslateError);
  if (!e.encode && !e.decode && !e.translate)
    return raise_fmt(tp_TypeError, "don't know how to handle %s in error callback", type_name_of(t));
  e.obj = TRY(getattr_str(exc, "object"));
  e.start = TRY(as_ssize(TRY(getattr_str(exc, "start"))));
  e.end = TRY(as_ssize(TRY(getattr_str(exc, "end"))));
  if (e.start < 0) e.start = 0;
  return e;
}
// Code points of a str slice [start, end).
std::vector<uint32_t> cps_of(Str* s, int64_t start, int64_t end) {
  std::vector<uint32_t> v;
  if (end > s->length) end = s->length;
  int64_t i = str_offset(s, start);
  for (int64_t k = start; k < end; k++) v.push_back(text::next_cp(s->data, &i));
  return v;
}
void hexesc(std::string& out, uint32_t cp) {
  char buf[16];
  if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
  else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
  else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
  out += buf;
}
Value pair(Value a, int64_t pos) { return Value(tuple_of({a, int_from_i64(pos)})); }

Result<Value> h_strict(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("strict_errors", n, 1, 1));
  if (!is_exception(a[0])) return raise(tp_TypeError, "codec must pass exception instance");
  return raise_value(a[0]);
}
Result<Value> h_ignore(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("ignore_errors", n, 1, 1));
  ExcInfo e = TRY(exc_info(a[0]));
  return pair(Value(str_empty()), e.end);
}
Result<Value> h_replace(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("replace_errors", n, 1, 1));
  ExcInfo e = TRY(exc_info(a[0]));
  std::string r;
  if (e.encode) r.assign(size_t(std::max<int64_t>(0, e.end - e.start)), '?');
  else if (e.decode) text::put_cp(r, 0xFFFD);
  else for (int64_t k = e.start; k < e.end; k++) text::put_cp(r, 0xFFFD);
  return pair(str_value(r), e.end);
}
Result<Value> h_backslash(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("backslashreplace_errors", n, 1, 1));
  ExcInfo e = TRY(exc_info(a[0]));
  std::string r;
  if (e.decode) {
    std::string_view b = TRY(buffer_view(e.obj));
    for (int64_t k = e.start; k < e.end && k < int64_t(b.size()); k++) hexesc(r, static_cast<unsigned char>(b[size_t(k)]));
  } else {
    for (uint32_t cp : cps_of(as_str(e.obj), e.start, e.end)) hexesc(r, cp);
  }
  return pair(str_value(r), e.end);
}
Result<Value> h_xmlchar(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("xmlcharrefreplace_errors", n, 1, 1));
  ExcInfo e = TRY(exc_info(a[0]));
  if (!e.encode) return raise_fmt(tp_TypeError, "don't know how to handle %s in error callback", type_name(a[0]));
  std::string r;
  for (uint32_t cp : cps_of(as_str(e.obj), e.start, e.end)) r += "&#" + std::to_string(cp) + ";";
  return pair(str_value(r), e.end);
}
Result<Value> h_namereplace(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("namereplace_errors", n, 1, 1));
  ExcInfo e = TRY(exc_info(a[0]));
  if (!e.encode) return raise_fmt(tp_TypeError, "don't know how to handle %s in error callback", type_name(a[0]));
  std::string r;
  for (uint32_t cp : cps_of(as_str(e.obj), e.start, e.end)) {
    std::string nm = unicode::name(cp);
    if (nm.empty()) hexesc(r, cp);
    else r += "\\N{" + nm + "}";
  }
  return pair(str_value(r), e.end);
}
Result<Value> h_surrogateescape(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("surrogateescape", n, 1, 1));
  ExcInfo e = TRY(exc_info(a[0]));
  if (e.decode) {
    std::string_view b = TRY(buffer_view(e.obj));
    std::string r;
    int64_t k = e.start;
    for (; k < e.end && k < e.start + 4 && k < int64_t(b.size()); k++) {
      unsigned char c = static_cast<unsigned char>(b[size_t(k)]);
      if (c < 128) break;
      text::put_cp(r, 0xDC00 + c);
    }
    if (k == e.start) return raise_value(a[0]);
    return pair(str_value(r), k);
  }
  if (e.encode) {
    std::string r;
    for (uint32_t cp : cps_of(as_str(e.obj), e.start, e.end)) {
      if (cp < 0xDC80 || cp > 0xDCFF) return raise_value(a[0]);
      r += char(cp - 0xDC00);
    }
    return pair(bytes_from(r), e.end);
  }
  return raise_value(a[0]);
}
Result<Value> h_surrogatepass(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("surrogatepass", n, 1, 1));
  ExcInfo e = TRY(exc_info(a[0]));
  Value encv = TRY(getattr_str(a[0], "encoding"));
  std::string enc = is_str(encv) ? normalize(as_str(encv)->view()) : "utf_8";
  int width = enc.rfind("utf_16", 0) == 0 ? 2 : enc.rfind("utf_32", 0) == 0 ? 4 : 1;
  bool be = enc.size() >= 3 && enc.compare(enc.size() - 3, 3, "_be") == 0;
  if (e.encode) {
    std::string r;
    for (uint32_t cp : cps_of(as_str(e.obj), e.start, e.end)) {
      if (cp < 0xD800 || cp > 0xDFFF) return raise_value(a[0]);
      if (width == 1) text::put_cp(r, cp);
      else
        for (int i = 0; i < width; i++) r += char(be ? (cp >> (8 * (width - 1 - i))) & 0xFF : (cp >> (8 * i)) & 0xFF);
    }
    return pair(bytes_from(r), e.end);
  }
  if (e.decode) {
    std::string_view b = TRY(buffer_view(e.obj));
    const unsigned char* p = reinterpret_cast<const unsigned char*>(b.data());
    int64_t k = e.start, nb = int64_t(b.size());
    uint32_t cp = 0;
    if (width == 1 && k + 3 <= nb && p[k] == 0xED && (p[k + 1] & 0xE0) == 0xA0 && (p[k + 2] & 0xC0) == 0x80)
      cp = 0xD000 | ((p[k + 1] & 0x3F) << 6) | (p[k + 2] & 0x3F);
    else if (width == 2 && k + 2 <= nb) cp = be ? (p[k] << 8) | p[k + 1] : p[k] | (p[k + 1] << 8);
    else if (width == 4 && k + 4 <= nb)
      cp = be ? (uint32_t(p[k]) << 24) | (p[k + 1] << 16) | (p[k + 2] << 8) | p[k + 3]
              : p[k] | (p[k + 1] << 8) | (p[k + 2] << 16) | (uint32_t(p[k + 3]) << 24);
    if (cp < 0xD800 || cp > 0xDFFF) return raise_value(a[0]);
    std::string r;
    text::put_cp(r, cp);
    return pair(str_value(r), k + (width == 1 ? 3 : width));
  }
  return raise_value(a[0]);
}

// ---- calling a handler by name ---------------------------------------------------------------
// Run the handler for an encode error over s[start, end); appends the replacement's
// bytes (a str replacement is encoded with `enc_repl`) and returns the resume position.
Result<int64_t> encode_error(std::string_view errors, const char* encoding, Str* s, int64_t start, int64_t end,
                             const char* reason, std::string& out,
                             Result<Value> (*enc_repl)(Str*, void*), void* ctx) {
  Value h = TRY(lookup_error(str_new(errors)));
  Value args[5] = {str_value(encoding), Value(s), Value::small(start), Value::small(end), str_value(reason)};
  Value exc = TRY(call(Value(tp_UnicodeEncodeError), args, 5));
  Value r = TRY(call1(h, exc));
  if (!is_tuple(r) || as_tuple(r)->size != 2 || !is_int(as_tuple(r)->items[1]))
    return raise(tp_TypeError, "encoding error handler must return (str/bytes, int) tuple");
  Value rep = as_tuple(r)->items[0];
  if (is_bytes(rep)) out.append(as_bytes(rep)->view());
  else if (is_str(rep)) {
    Value b = TRY(enc_repl(as_str(rep), ctx));
    out.append(as_bytes(b)->view());
  } else {
    return raise(tp_TypeError, "encoding error handler must return (str/bytes, int) tuple");
  }
  int64_t pos = TRY(as_ssize(as_tuple(r)->items[1]));
  if (pos < 0) pos += s->length;
  if (pos < 0 || pos > s->length) return raise_fmt(tp_IndexError, "position %lld from error handler out of bounds", (long long)pos);
  return pos;
}
Result<int64_t> decode_error(std::string_view errors, const char* encoding, Value obj, std::string_view data,
                             int64_t start, int64_t end, const char* reason, std::string& out, Value* replaced = nullptr) {
  Value h = TRY(lookup_error(str_new(errors)));
  if (!obj) obj = bytes_from(data);
  Value args[5] = {str_value(encoding), obj, Value::small(start), Value::small(end), str_value(reason)};
  Value exc = TRY(call(Value(tp_UnicodeDecodeError), args, 5));
  Value r = TRY(call1(h, exc));
  if (!is_tuple(r) || as_tuple(r)->size != 2 || !is_str(as_tuple(r)->items[0]) || !is_int(as_tuple(r)->items[1]))
    return raise(tp_TypeError, "decoding error handler must return (str, int) tuple");
  out.append(as_str(as_tuple(r)->items[0])->view());
  int64_t pos = TRY(as_ssize(as_tuple(r)->items[1]));
  // The handler may have replaced exc.object: decoding goes on in the new
  // input, from the position it returned.
  Value now;
  TRY(getattr_opt(exc, str_intern("object"), &now));
  if (now && now != obj) {
    if (!is_bytes(now)) return raise(tp_TypeError, "object attribute must be bytes");
    std::string_view nd = as_bytes(now)->view();
    if (pos < 0) pos += int64_t(nd.size());
    if (pos < 0 || pos > int64_t(nd.size()))
      return raise_fmt(tp_IndexError, "position %lld from error handler out of bounds", (long long)pos);
    if (replaced) {
      *replaced = now;
      return pos;
    }
    // A decoder that cannot switch its input: decode the rest of the new
    // input here (same codec and handler) and tell the caller it is done.
    std::string name(encoding);
    if (name == "unicodeescape") name = "unicode_escape";
    if (name == "rawunicodeescape") name = "raw_unicode_escape";
    Value info = TRY(lookup(str_new(name)));
    Value rest = bytes_from(nd.substr(size_t(pos)));
    Value dr = TRY(call2(as_tuple(info)->items[1], rest, str_new(errors)));
    if (!is_tuple(dr) || as_tuple(dr)->size < 1 || !is_str(as_tuple(dr)->items[0]))
      return raise(tp_TypeError, "decoder must return a tuple (str, integer)");
    out.append(as_str(as_tuple(dr)->items[0])->view());
    return int64_t(data.size());
  }
  if (pos < 0) pos += int64_t(data.size());
  if (pos < 0 || pos > int64_t(data.size()))
    return raise_fmt(tp_IndexError, "position %lld from error handler out of bounds", (long long)pos);
  return pos;
}

// A text_codecs codec with an error handler text_codecs does not know: encode strictly,
// and on each UnicodeEncodeError call the registered handler and continue after it.
struct NativeCtx { std::string enc; };
Result<Value> native_repl(Str* s, void* ctx) {
  return codec_encode(s, static_cast<NativeCtx*>(ctx)->enc, "strict");
}
Result<Value> native_encode_custom(Str* s, std::string_view encoding, std::string_view errors) {
  std::string out;
  NativeCtx ctx{std::string(encoding)};
  int64_t pos = 0;
  while (pos < s->length) {
    Str* rest = pos ? str_substr(s, pos, s->length) : s;
    Result<Value> r = codec_encode(rest, encoding, "strict");
    if (r.ok()) {
      out.append(as_bytes(r.value())->view());
      break;
    }
    if (!exc_matches(tp_UnicodeEncodeError)) return ERR;
    Value exc = exc_fetch();
    Tuple* args = as_exc(exc)->args;
    int64_t st = TRY(as_ssize(args->items[2])), en = TRY(as_ssize(args->items[3]));
    Str* enc = as_str(args->items[0]);
    Value prefix = TRY(codec_encode(str_substr(rest, 0, st), encoding, "strict"));
    out.append(as_bytes(prefix)->view());
    Str* reason = TRY(str(args->items[4]));
    pos = TRY(encode_error(errors, enc->data, s, pos + st, pos + en, reason->data, out, native_repl, &ctx));
  }
  return bytes_from(out);
}
Result<Value> native_decode_custom(std::string_view data, std::string_view encoding, std::string_view errors, Value obj) {
  std::string out;
  int64_t pos = 0;
  while (pos < int64_t(data.size())) {
    std::string_view rest = data.substr(size_t(pos));
    Result<Value> r = codec_decode(rest, encoding, "strict");
    if (r.ok()) {
      out.append(as_str(r.value())->view());
      break;
    }
    if (!exc_matches(tp_UnicodeDecodeError)) return ERR;
    Value exc = exc_fetch();
    Tuple* args = as_exc(exc)->args;
    int64_t st = TRY(as_ssize(args->items[2])), en = TRY(as_ssize(args->items[3]));
    Str* enc = as_str(args->items[0]);
    Value prefix = TRY(codec_decode(rest.substr(0, size_t(st)), encoding, "strict"));
    out.append(as_str(prefix)->view());
    Str* reason = TRY(str(args->items[4]));
    Value replaced;
    pos = TRY(decode_error(errors, enc->data, obj, data, pos + st, pos + en, reason->data, out, &replaced));
    if (replaced) {
      obj = replaced;
      data = as_bytes(replaced)->view();
    }
  }
  return str_value(out);
}

// str.encode / bytes.decode for what text_codecs cannot do alone.
Result<Value> encode_hook(Str* s, std::string_view encoding, std::string_view errors, bool known) {
  if (known) return native_encode_custom(s, encoding, errors);
  Value info = TRY(lookup(str_new(encoding)));
  Value is_text;
  TRY(getattr_opt(info, str_intern("_is_text_encoding"), &is_text));
  if (is_text && !TRY(truthy(is_text)))
    return raise_fmt(tp_LookupError, "'%.*s' is not a text encoding; use codecs.encode() to handle arbitrary codecs",
                     int(encoding.size()), encoding.data());
  Value r = TRY(call2(as_tuple(info)->items[0], Value(s), str_new(errors)));
  if (!is_tuple(r) || as_tuple(r)->size != 2) return raise(tp_TypeError, "encoder must return a tuple (object, integer)");
  Value b = as_tuple(r)->items[0];
  if (!is_bytes(b)) {
    if (is_bytearray(b)) return bytes_from(as_bytearray(b)->view());
    return raise_fmt(tp_TypeError,
                     "'%.*s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                     int(encoding.size()), encoding.data(), type_name(b));
  }
  return b;
}
Result<Value> decode_hook(std::string_view data, std::string_view encoding, std::string_view errors, Value obj, bool known) {
  if (known) return native_decode_custom(data, encoding, errors, obj);
  Value info = TRY(lookup(str_new(encoding)));
  Value is_text;
  TRY(getattr_opt(info, str_intern("_is_text_encoding"), &is_text));
  if (is_text && !TRY(truthy(is_text)))
    return raise_fmt(tp_LookupError, "'%.*s' is not a text encoding; use codecs.decode() to handle arbitrary codecs",
                     int(encoding.size()), encoding.data());
  Value r = TRY(call2(as_tuple(info)->items[1], obj ? obj : bytes_from(data), str_new(errors)));
  if (!is_tuple(r) || as_tuple(r)->size != 2) return raise(tp_TypeError, "decoder must return a tuple (object,integer)");
  Value s = as_tuple(r)->items[0];
  if (!is_str(s))
    return raise_fmt(tp_TypeError,
                     "'%.*s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                     int(encoding.size()), encoding.data(), type_name(s));
  return s;
}

// ---- registry functions ------------------------------------------------------------------
Result<Value> c_register(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("register", n, 1, 1));
  if (!is_callable(a[0])) return raise(tp_TypeError, "argument must be callable");
  ensure_registry();
  TRY(list_append(g_search, a[0]));
  return None();
}
Result<Value> c_unregister(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("unregister", n, 1, 1));
  ensure_registry();
  for (int64_t i = 0; i < g_search->size; i++)
    if (g_search->items[i] == a[0]) {
      TRY(list_pop(g_search, i));
      dict_clear(g_cache);
      break;
    }
  return None();
}
Result<Value> c_lookup(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("lookup", n, 1, 1));
  TRY(want_str(a[0], "lookup", "1"));
  return lookup(as_str(a[0]));
}
Result<Value> c_forget_codec(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_forget_codec", n, 1, 1));
  TRY(want_str(a[0], "_forget_codec", "1"));
  ensure_registry();
  dict_del_str(g_cache, str_intern(normalize(as_str(a[0])->view())));
  return None();
}
Result<Value> c_lookup_error(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("lookup_error", n, 1, 1));
  TRY(want_str(a[0], "lookup_error", "1"));
  return lookup_error(as_str(a[0]));
}
Result<Value> c_register_error(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("register_error", n, 2, 2));
  TRY(want_str(a[0], "register_error", "1"));
  if (!is_callable(a[1])) return raise(tp_TypeError, "handler must be callable");
  ensure_registry();
  dict_set_str(g_errors, str_intern(as_str(a[0])), a[1]);
  return None();
}
Result<Value> generic_code(Value* a, int64_t n, Tuple* kw, bool enc) {
  Value v[3];
  TRY(parse_args(enc ? "encode" : "decode", a, n, kw, {"obj", "encoding", "errors"}, 1, v));
  Str* encoding = opt_str(v[1], "utf-8");
  Str* errors = opt_str(v[2], "strict");
  if (v[1] && !is_str(v[1]))
    return raise_fmt(tp_TypeError, "%s() argument 'encoding' must be str, not %s", enc ? "encode" : "decode", type_name(v[1]));
  Value info = TRY(lookup(encoding));
  Value r = TRY(call2(as_tuple(info)->items[enc ? 0 : 1], v[0], Value(errors)));
  if (!is_tuple(r) || as_tuple(r)->size != 2)
    return raise(tp_TypeError, enc ? "encoder must return a tuple (object, integer)" : "decoder must return a tuple (object,integer)");
  return as_tuple(r)->items[0];
}
Result<Value> c_encode(Value* a, int64_t n, Tuple* kw) { return generic_code(a, n, kw, true); }
Result<Value> c_decode(Value* a, int64_t n, Tuple* kw) { return generic_code(a, n, kw, false); }

// ---- text_codecs-backed codecs -------------------------------------------------------------
Result<Value> encode_with(Value* a, int64_t n, const char* fname, const char* enc) {
  TRY(check_nargs(fname, n, 1, 2));
  TRY(want_str(a[0], fname, "1"));
  Str* errors = opt_str(n > 1 ? a[1] : Value(), "strict");
  Value b = TRY(codec_encode(as_str(a[0]), enc, errors->view()));
  return pair(b, as_str(a[0])->length);
}
// How many trailing bytes of d may be an incomplete sequence of the codec (kept for later
// when not final).
int64_t incomplete_tail(std::string_view d, const char* enc) {
  std::string_view e(enc);
  int64_t n = int64_t(d.size());
  if (e == "utf-8") {
    for (int64_t k = 1; k <= 3 && k <= n; k++) {
      unsigned char c = static_cast<unsigned char>(d[size_t(n - k)]);
      if ((c & 0xC0) == 0x80) continue;
      int need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 1;
      if (need <= k) return 0;
      // Only a valid prefix waits for more input; an invalid one is an error now.
      unsigned char c1 = k >= 2 ? static_cast<unsigned char>(d[size_t(n - k + 1)]) : 0x80;
      if (k >= 2) {
        if (c == 0xE0 && c1 < 0xA0) return 0;
        if (c == 0xED && c1 > 0x9F) return 0;
        if (c == 0xF0 && c1 < 0x90) return 0;
        if (c == 0xF4 && c1 > 0x8F) return 0;
      }
      return k;
    }
    return 0;
  }
  if (e.rfind("utf-16", 0) == 0) {
    int64_t t = n % 2;
    if (n - t >= 2) {
      bool be = e == "utf-16-be";
      const unsigned char* p = reinterpret_cast<const unsigned char*>(d.data()) + (n - t - 2);
      uint32_t u = be ? (p[0] << 8) | p[1] : p[0] | (p[1] << 8);
      if (u >= 0xD800 && u <= 0xDBFF) t += 2;
    }
    return t;
  }
  if (e.rfind("utf-32", 0) == 0) return n % 4;
  return 0;
}
Result<Value> decode_with(Value* a, int64_t n, Tuple* kw, const char* fname, const char* enc, bool has_final) {
  Value v[3];
  TRY(parse_args(fname, a, n, kw, {"data", "errors", "final"}, 1, v, 3));
  std::string_view d = TRY(buffer_view(v[0]));
  Str* errors = opt_str(v[1], "strict");
  bool final = !has_final || (v[2] && TRY(truthy(v[2])));
  int64_t hold = final ? 0 : incomplete_tail(d, enc);
  std::string_view body = d.substr(0, d.size() - size_t(hold));
  Value s = TRY(codec_decode(body, enc, errors->view(), is_bytes(v[0]) && hold == 0 ? v[0] : Value()));
  return pair(s, int64_t(body.size()));
}

#define ENC(fn, name, enc) \
  Result<Value> fn(Value* a, int64_t n, Tuple*) { return encode_with(a, n, name, enc); }
#define DEC(fn, name, enc, fin) \
  Result<Value> fn(Value* a, int64_t n, Tuple* kw) { return decode_with(a, n, kw, name, enc, fin); }
ENC(c_utf_8_encode, "utf_8_encode", "utf-8")
DEC(c_utf_8_decode, "utf_8_decode", "utf-8", true)
ENC(c_ascii_encode, "ascii_encode", "ascii")
DEC(c_ascii_decode, "ascii_decode", "ascii", false)
ENC(c_latin_1_encode, "latin_1_encode", "latin-1")
DEC(c_latin_1_decode, "latin_1_decode", "latin-1", false)
ENC(c_utf_16_le_encode, "utf_16_le_encode", "utf-16-le")
ENC(c_utf_16_be_encode, "utf_16_be_encode", "utf-16-be")
ENC(c_utf_32_le_encode, "utf_32_le_encode", "utf-32-le")
ENC(c_utf_32_be_encode, "utf_32_be_encode", "utf-32-be")
DEC(c_utf_16_decode, "utf_16_decode", "utf-16", true)
DEC(c_utf_16_le_decode, "utf_16_le_decode", "utf-16-le", true)
DEC(c_utf_16_be_decode, "utf_16_be_decode", "utf-16-be", true)
DEC(c_utf_32_decode, "utf_32_decode", "utf-32", true)
DEC(c_utf_32_le_decode, "utf_32_le_decode", "utf-32-le", true)
DEC(c_utf_32_be_decode, "utf_32_be_decode", "utf-32-be", true)
#undef ENC
#undef DEC

// utf_16_encode(str, errors=None, byteorder=0): 0 native order with a BOM, -1 LE, 1 BE.
Result<Value> utf_x_encode(Value* a, int64_t n, const char* fname, int width) {
  TRY(check_nargs(fname, n, 1, 3));
  TRY(want_str(a[0], fname, "1"));
  Str* errors = opt_str(n > 1 ? a[1] : Value(), "strict");
  int64_t order = n > 2 ? TRY(as_ssize(a[2])) : 0;
  const char* enc = width == 2 ? (order == 0 ? "utf-16" : order < 0 ? "utf-16-le" : "utf-16-be")
                               : (order == 0 ? "utf-32" : order < 0 ? "utf-32-le" : "utf-32-be");
  Value b = TRY(codec_encode(as_str(a[0]), enc, errors->view()));
  return pair(b, as_str(a[0])->length);
}
Result<Value> c_utf_16_encode(Value* a, int64_t n, Tuple*) { return utf_x_encode(a, n, "utf_16_encode", 2); }
Result<Value> c_utf_32_encode(Value* a, int64_t n, Tuple*) { return utf_x_encode(a, n, "utf_32_encode", 4); }

// utf_16_ex_decode(data, errors=None, byteorder=0, final=False) -> (str, consumed, byteorder)
Result<Value> utf_x_ex_decode(Value* a, int64_t n, Tuple* kw, const char* fname, int width) {
  Value v[4];
  TRY(parse_args(fname, a, n, kw, {"data", "errors", "byteorder", "final"}, 1, v, 4));
  std::string_view d = TRY(buffer_view(v[0]));
  Str* errors = opt_str(v[1], "strict");
  int64_t order = v[2] ? TRY(as_ssize(v[2])) : 0;
  bool final = v[3] && TRY(truthy(v[3]));
  const unsigned char* p = reinterpret_cast<const unsigned char*>(d.data());
  int64_t skip = 0;
  if (order == 0) {
    if (width == 2 && d.size() >= 2) {
      if (p[0] == 0xFF && p[1] == 0xFE) { order = -1; skip = 2; }
      else if (p[0] == 0xFE && p[1] == 0xFF) { order = 1; skip = 2; }
    } else if (width == 4 && d.size() >= 4) {
      if (p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) { order = -1; skip = 4; }
      else if (p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) { order = 1; skip = 4; }
    }
    if (order == 0 && !final && int64_t(d.size()) < width)
      return Value(tuple_of({Value(str_empty()), Value::small(0), Value::small(0)}));
  }
  const char* enc = width == 2 ? (order > 0 ? "utf-16-be" : "utf-16-le") : (order > 0 ? "utf-32-be" : "utf-32-le");
  std::string_view rest = d.substr(size_t(skip));
  int64_t hold = final ? 0 : incomplete_tail(rest, enc);
  std::string_view body = rest.substr(0, rest.size() - size_t(hold));
  Value s = TRY(codec_decode(body, enc, errors->view()));
  return Value(tuple_of({s, int_from_i64(skip + int64_t(body.size())), int_from_i64(order)}));
}
Result<Value> c_utf_16_ex_decode(Value* a, int64_t n, Tuple* kw) { return utf_x_ex_decode(a, n, kw, "utf_16_ex_decode", 2); }
Result<Value> c_utf_32_ex_decode(Value* a, int64_t n, Tuple* kw) { return utf_x_ex_decode(a, n, kw, "utf_32_ex_decode", 4); }

// ---- charmap ------------------------------------------------------------------------------
// charmap_build(decoding_table) -> {code point: byte}: what charmap_encode takes.
Result<Value> c_charmap_build(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("charmap_build", n, 1, 1));
  TRY(want_str(a[0], "charmap_build", "1"));
  Str* s = as_str(a[0]);
  Dict* d = dict_new();
  int64_t i = 0;
  for (int64_t k = 0; i < s->nbytes; k++) {
    uint32_t cp = text::next_cp(s->data, &i);
    TRY(dict_set(d, Value::small(cp), Value::small(k)));
  }
  return Value(d);
}

struct CharmapCtx { Value mapping; };
// Encode one code point through the mapping; false when unmapped.
Result<bool> charmap_put(Value mapping, uint32_t cp, std::string& out) {
  Value r;
  if (is_dict(mapping)) {
    TRY(dict_get2(as_dict(mapping), Value::small(cp), &r));
    if (!r) return false;
  } else {
    Result<Value> g = getitem(mapping, Value::small(cp));
    if (g.is_err()) {
      if (!exc_matches(tp_LookupError)) return ERR;
      exc_clear();
      return false;
    }
    r = g.value();
  }
  if (is_none(r)) return false;
  if (is_int(r)) {
    int64_t b = TRY(as_ssize(r));
    if (b < 0 || b > 255) return raise(tp_TypeError, "character mapping must be in range(256)");
    out += char(b);
    return true;
  }
  if (is_bytes(r)) {
    out.append(as_bytes(r)->view());
    return true;
  }
  return raise(tp_TypeError, "character mapping must return integer, bytes or None, not str");
}
Result<Value> charmap_repl(Str* s, void* ctx) {
  std::string out;
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t cp = text::next_cp(s->data, &i);
    if (!TRY(charmap_put(static_cast<CharmapCtx*>(ctx)->mapping, cp, out))) {
      Value args[5] = {str_value("charmap"), Value(s), Value::small(0), Value::small(1), str_value("character maps to <undefined>")};
      return raise_with_args(tp_UnicodeEncodeError, args, 5);
    }
  }
  return bytes_from(out);
}
Result<Value> c_charmap_encode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("charmap_encode", n, 1, 3));
  TRY(want_str(a[0], "charmap_encode", "1"));
  Str* s = as_str(a[0]);
  Str* errors = opt_str(n > 1 ? a[1] : Value(), "strict");
  Value mapping = n > 2 ? a[2] : None();
  if (is_none(mapping)) return encode_with(a, std::min<int64_t>(n, 2), "charmap_encode", "latin-1");
  std::string out;
  CharmapCtx ctx{mapping};
  std::vector<uint32_t> cps;
  for (int64_t i = 0; i < s->nbytes;) cps.push_back(text::next_cp(s->data, &i));
  int64_t len = int64_t(cps.size());
  for (int64_t k = 0; k < len;) {
    if (TRY(charmap_put(mapping, cps[size_t(k)], out))) { k++; continue; }
    int64_t e = k + 1;
    std::string tmp;
    while (e < len && !TRY(charmap_put(mapping, cps[size_t(e)], tmp))) e++;
    k = TRY(encode_error(errors->view(), "charmap", s, k, e, "character maps to <undefined>", out, charmap_repl, &ctx));
  }
  return pair(bytes_from(out), len);
}
Result<Value> c_charmap_decode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("charmap_decode", n, 1, 3));
  std::string_view d = TRY(buffer_view(a[0]));
  Str* errors = opt_str(n > 1 ? a[1] : Value(), "strict");
  Value mapping = n > 2 ? a[2] : None();
  if (is_none(mapping)) {
    Value s = TRY(codec_decode(d, "latin-1", errors->view()));
    return pair(s, int64_t(d.size()));
  }
  std::string out;
  // A str decoding table is indexed by byte; U+FFFE marks an undefined byte.
  std::vector<uint32_t> table;
  bool is_table = is_str(mapping);
  if (is_table) {
    Str* t = as_str(mapping);
    for (int64_t i = 0; i < t->nbytes;) table.push_back(text::next_cp(t->data, &i));
  }
  int64_t len = int64_t(d.size());
  for (int64_t k = 0; k < len;) {
    unsigned char b = static_cast<unsigned char>(d[size_t(k)]);
    bool ok = false;
    if (is_table) {
      if (b < table.size() && table[b] != 0xFFFE) {
        text::put_cp(out, table[b]);
        ok = true;
      }
    } else {
      Result<Value> g = getitem(mapping, Value::small(b));
      Value r;
      if (g.is_err()) {
        if (!exc_matches(tp_LookupError)) return ERR;
        exc_clear();
      } else {
        r = g.value();
      }
      if (r && !is_none(r)) {
        if (is_int(r)) {
          int64_t cp = TRY(as_ssize(r));
          if (cp < 0 || cp > 0x10FFFF) return raise(tp_TypeError, "character mapping must be in range(0x110000)");
          if (cp != 0xFFFE) {
            text::put_cp(out, uint32_t(cp));
            ok = true;
          }
        } else if (is_str(r)) {
          if (!(as_str(r)->length == 1 && str_char_at(as_str(r), 0) == 0xFFFE)) {
            out.append(as_str(r)->view());
            ok = true;
          }
        } else {
          return raise(tp_TypeError, "character mapping must return integer, None or str");
        }
      }
    }
    if (ok) { k++; continue; }
    k = TRY(decode_error(errors->view(), "charmap", is_bytes(a[0]) ? a[0] : Value(), d, k, k + 1,
                         "character maps to <undefined>", out));
  }
  return pair(str_value(out), len);
}

// ---- escape codecs ------------------------------------------------------------------------
Result<Value> c_escape_encode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("escape_encode", n, 1, 2));
  if (!is_bytes(a[0])) return raise_fmt(tp_TypeError, "escape_encode() argument 1 must be bytes, not %s", type_name(a[0]));
  std::string_view d = as_bytes(a[0])->view();
  std::string out;
  for (unsigned char c : d) {
    if (c == '\\' || c == '\'') { out += '\\'; out += char(c); }
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += char(c);
    }
  }
  return pair(bytes_from(out), int64_t(d.size()));
}

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<Value> c_escape_decode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("escape_decode", n, 1, 2));
  std::string_view d;
  if (is_str(a[0])) d = as_str(a[0])->view();
  else d = TRY(buffer_view(a[0]));
  Str* errors = opt_str(n > 1 ? a[1] : Value(), "strict");
  std::string out;
  size_t len = d.size();
  for (size_t i = 0; i < len;) {
    char c = d[i];
    if (c != '\\') { out += c; i++; continue; }
    if (i + 1 >= len) return raise(tp_ValueError, "Trailing \\ in string");
    char e = d[i + 1];
    i += 2;
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'v': out += '\v'; break;
      case 'a': out += '\a'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = e - '0';
        for (int k = 0; k < 2 && i < len && d[i] >= '0' && d[i] <= '7'; k++) v = v * 8 + (d[i++] - '0');
        out += char(v & 0xFF);
        break;
      }
      case 'x': {
        if (i + 1 < len && hexval(d[i]) >= 0 && hexval(d[i + 1]) >= 0) {
          out += char(hexval(d[i]) * 16 + hexval(d[i + 1]));
          i += 2;
          break;
        }
        std::string_view ev = errors->view();
        if (ev == "strict") return raise_fmt(tp_ValueError, "invalid \\x escape at position %zu", i - 2);
        if (ev == "replace") out += '?';
        else if (ev != "ignore")
          return raise_fmt(tp_ValueError, "decoding error; unknown error handling code: %s", errors->data);
        while (i < len && hexval(d[i]) >= 0 && i < len) { i++; break; }
        break;
      }
      default:
        out += '\\';
        out += e;
    }
  }
  return pair(bytes_from(out), int64_t(len));
}

void uescape(std::string& out, uint32_t cp, bool raw) {
  char buf[16];
  if (cp >= 0x10000) std::snprintf(buf, sizeof buf, "\\U%08x", cp);
  else if (cp >= 0x100 || raw) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
  else std::snprintf(buf, sizeof buf, "\\x%02x", cp);
  out += buf;
}
Result<Value> c_unicode_escape_encode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("unicode_escape_encode", n, 1, 2));
  TRY(want_str(a[0], "unicode_escape_encode", "1"));
  Str* s = as_str(a[0]);
  std::string out;
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t cp = text::next_cp(s->data, &i);
    if (cp == '\\') out += "\\\\";
    else if (cp == '\t') out += "\\t";
    else if (cp == '\n') out += "\\n";
    else if (cp == '\r') out += "\\r";
    else if (cp >= 0x20 && cp < 0x7F) out += char(cp);
    else uescape(out, cp, false);
  }
  return pair(bytes_from(out), s->length);
}
Result<Value> c_raw_unicode_escape_encode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("raw_unicode_escape_encode", n, 1, 2));
  TRY(want_str(a[0], "raw_unicode_escape_encode", "1"));
  Str* s = as_str(a[0]);
  std::string out;
  for (int64_t i = 0; i < s->nbytes;) {
    uint32_t cp = text::next_cp(s->data, &i);
    if (cp < 0x100) out += char(cp);
    else uescape(out, cp, true);
  }
  return pair(bytes_from(out), s->length);
}

// Shared by unicode_escape_decode (raw=false) and raw_unicode_escape_decode (raw=true).
Result<Value> unicode_escape_decode(Value* a, int64_t n, Tuple* kw, bool raw) {
  const char* fname = raw ? "raw_unicode_escape_decode" : "unicode_escape_decode";
  const char* enc = raw ? "rawunicodeescape" : "unicodeescape";
  Value v[3];
  TRY(parse_args(fname, a, n, kw, {"data", "errors", "final"}, 1, v, 3));
  std::string_view d;
  if (is_str(v[0])) d = as_str(v[0])->view();
  else d = TRY(buffer_view(v[0]));
  Str* errors = opt_str(v[1], "strict");
  bool final = !v[2] || TRY(truthy(v[2]));
  Value obj = is_bytes(v[0]) ? v[0] : Value();
  std::string out;
  int64_t len = int64_t(d.size());
  int64_t i = 0;
  while (i < len) {
    unsigned char c = static_cast<unsigned char>(d[size_t(i)]);
    if (c != '\\') { text::put_cp(out, c); i++; continue; }
    int64_t start = i;
    if (raw) {
      // Only \u and \U escape, and only after an odd run of backslashes.
      int64_t j = i;
      while (j < len && d[size_t(j)] == '\\') j++;
      int64_t run = j - i;
      if (j >= len || (d[size_t(j)] != 'u' && d[size_t(j)] != 'U') || run % 2 == 0) {
        for (int64_t k = 0; k < run; k++) out += '\\';
        i = j;
        continue;
      }
      for (int64_t k = 0; k < run - 1; k++) out += '\\';
      start = j - 1;
      i = j - 1;
    }
    if (i + 1 >= len) {
      if (!final) break;
      i = TRY(decode_error(errors->view(), enc, obj, d, start, len, "\\ at end of string", out));
      continue;
    }
    char e = d[size_t(i + 1)];
    i += 2;
    int digits = 0;
    if (!raw) {
      switch (e) {
        case '\n': continue;
        case '\\': out += '\\'; continue;
        case '\'': out += '\''; continue;
        case '"': out += '"'; continue;
        case 'b': out += '\b'; continue;
        case 'f': out += '\f'; continue;
        case 't': out += '\t'; continue;
        case 'n': out += '\n'; continue;
        case 'r': out += '\r'; continue;
        case 'v': out += '\v'; continue;
        case 'a': out += '\a'; continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          uint32_t cv = uint32_t(e - '0');
          for (int k = 0; k < 2 && i < len && d[size_t(i)] >= '0' && d[size_t(i)] <= '7'; k++) cv = cv * 8 + uint32_t(d[size_t(i++)] - '0');
          text::put_cp(out, cv);
          continue;
        }
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        case 'N': {
          size_t close = d.find('}', size_t(i));
          if (i < len && d[size_t(i)] == '{' && close != std::string_view::npos && close > size_t(i) + 1) {
            uint32_t cp;
            if (unicode::lookup_name(d.substr(size_t(i) + 1, close - size_t(i) - 1), &cp)) {
              text::put_cp(out, cp);
              i = int64_t(close) + 1;
              continue;
            }
            i = TRY(decode_error(errors->view(), enc, obj, d, start, int64_t(close) + 1, "unknown Unicode character name", out));
            continue;
          }
          i = TRY(decode_error(errors->view(), enc, obj, d, start, close == std::string_view::npos ? len : int64_t(close) + 1,
                               "malformed \\N character escape", out));
          continue;
        }
        default:
          out += '\\';
          text::put_cp(out, static_cast<unsigned char>(e));
          continue;
      }
    } else {
      digits = e == 'u' ? 4 : 8;
    }
    uint32_t cp = 0;
    int got = 0;
    while (got < digits && i < len && hexval(d[size_t(i)]) >= 0) {
      cp = cp * 16 + uint32_t(hexval(d[size_t(i)]));
      i++;
      got++;
    }
    if (got < digits) {
      if (!final && i >= len) { i = start; break; }
      const char* reason = digits == 2 ? "truncated \\xXX escape" : digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
      i = TRY(decode_error(errors->view(), enc, obj, d, start, i, reason, out));
      continue;
    }
    if (cp > 0x10FFFF) {
      i = TRY(decode_error(errors->view(), enc, obj, d, start, i, raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character", out));
      continue;
    }
    text::put_cp(out, cp);
  }
  return pair(str_value(out), std::min(i, len));
}
Result<Value> c_unicode_escape_decode(Value* a, int64_t n, Tuple* kw) { return unicode_escape_decode(a, n, kw, false); }
Result<Value> c_raw_unicode_escape_decode(Value* a, int64_t n, Tuple* kw) { return unicode_escape_decode(a, n, kw, true); }

Result<Value> c_readbuffer_encode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("readbuffer_encode", n, 1, 2));
  std::string_view d;
  if (is_str(a[0])) d = as_str(a[0])->view();
  else d = TRY(buffer_view(a[0]));
  return pair(bytes_from(d), int64_t(d.size()));
}

// ---- utf-7 (the codec itself is in _codecs_utf7.cpp) ------------------------------------------
// The errors argument: str or None (strict), as argument clinic checks it.
Status errors_arg(Value v, const char* fname, Str** out) {
  if (!v || is_none(v)) {
    *out = str_intern("strict");
    return OK();
  }
  if (!is_str(v)) return raise_fmt(tp_TypeError, "%s() argument 2 must be str or None, not %s", fname, type_name(v));
  *out = as_str(v);
  return OK();
}
Result<Value> c_utf_7_encode(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_codecs.utf_7_encode", kw));
  TRY(check_nargs("utf_7_encode", n, 1, 2));
  TRY(want_str(a[0], "utf_7_encode", "1"));
  Str* errors;
  TRY(errors_arg(n > 1 ? a[1] : Value(), "utf_7_encode", &errors));  // checked, never needed
  std::string out;
  utf7::encode(as_str(a[0])->view(), out);
  return pair(bytes_from(out), as_str(a[0])->length);
}
struct Utf7Ctx {
  Str* errors;
  Value obj;  // the bytes the UnicodeDecodeError reports (made at the first error)
  std::string_view data;
};
Result<int64_t> utf7_error(void* c, const char* reason, int64_t start, int64_t end, std::string& out) {
  Utf7Ctx* x = static_cast<Utf7Ctx*>(c);
  if (!x->obj) x->obj = bytes_from(x->data);
  return decode_error(x->errors->view(), "utf7", x->obj, x->data, start, end, reason, out);
}
// utf_7_decode(data, errors=None, final=False, /) -> (str, bytes consumed)
Result<Value> c_utf_7_decode(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_codecs.utf_7_decode", kw));
  TRY(check_nargs("utf_7_decode", n, 1, 3));
  std::string_view d = TRY(buffer_view(a[0]));
  Utf7Ctx ctx{};
  TRY(errors_arg(n > 1 ? a[1] : Value(), "utf_7_decode", &ctx.errors));
  bool final = n > 2 && TRY(as_c_int(a[2])) != 0;
  // An error handler runs Python code, which could resize a bytearray argument: decode a copy.
  std::string copy;
  if (is_bytes(a[0])) {
    ctx.obj = a[0];
  } else {
    copy.assign(d.data(), d.size());
    d = copy;
  }
  ctx.data = d;
  std::string out;
  int64_t consumed = TRY(utf7::decode(d, final, out, utf7_error, &ctx));
  return pair(str_value(out), final ? int64_t(d.size()) : consumed);
}

const MethodDef functions[] = {
    {"register", c_register}, {"unregister", c_unregister}, {"lookup", c_lookup}, {"_forget_codec", c_forget_codec},
    {"lookup_error", c_lookup_error}, {"register_error", c_register_error}, {"encode", c_encode},
    {"decode", c_decode}, {"utf_8_encode", c_utf_8_encode}, {"utf_8_decode", c_utf_8_decode},
    {"ascii_encode", c_ascii_encode}, {"ascii_decode", c_ascii_decode}, {"latin_1_encode", c_latin_1_encode},
    {"latin_1_decode", c_latin_1_decode}, {"utf_16_encode", c_utf_16_encode}, {"utf_16_le_encode", c_utf_16_le_encode},
    {"utf_16_be_encode", c_utf_16_be_encode}, {"utf_16_decode", c_utf_16_decode},
    {"utf_16_le_decode", c_utf_16_le_decode}, {"utf_16_be_decode", c_utf_16_be_decode},
    {"utf_16_ex_decode", c_utf_16_ex_decode}, {"utf_32_encode", c_utf_32_encode},
    {"utf_32_le_encode", c_utf_32_le_encode}, {"utf_32_be_encode", c_utf_32_be_encode},
    {"utf_32_decode", c_utf_32_decode}, {"utf_32_le_decode", c_utf_32_le_decode},
    {"utf_32_be_decode", c_utf_32_be_decode}, {"utf_32_ex_decode", c_utf_32_ex_decode},
    {"charmap_build", c_charmap_build}, {"charmap_encode", c_charmap_encode}, {"charmap_decode", c_charmap_decode},
    {"escape_encode", c_escape_encode}, {"escape_decode", c_escape_decode},
    {"unicode_escape_encode", c_unicode_escape_encode}, {"unicode_escape_decode", c_unicode_escape_decode},
    {"raw_unicode_escape_encode", c_raw_unicode_escape_encode},
    {"raw_unicode_escape_decode", c_raw_unicode_escape_decode}, {"readbuffer_encode", c_readbuffer_encode},
    {"utf_7_encode", c_utf_7_encode}, {"utf_7_decode", c_utf_7_decode}, {nullptr, nullptr}};

Result<Value> init() {
  ensure_registry();
  Module* m = native_module_new("_codecs", functions);
  static const MethodDef handlers[] = {
      {"strict_errors", h_strict}, {"ignore_errors", h_ignore}, {"replace_errors", h_replace},
      {"backslashreplace_errors", h_backslash}, {"xmlcharrefreplace_errors", h_xmlchar},
      {"namereplace_errors", h_namereplace}, {"surrogateescape", h_surrogateescape},
      {"surrogatepass", h_surrogatepass}, {nullptr, nullptr}};
  static const char* names[] = {"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                                "namereplace", "surrogateescape", "surrogatepass"};
  for (int i = 0; handlers[i].name; i++) {
    Builtin* b = builtin_new(handlers[i].name, handlers[i].fn);
    b->module = Value(str_intern("codecs"));
    if (!dict_get_str(g_errors, str_intern(names[i]))) dict_set_str(g_errors, str_intern(names[i]), Value(b));
  }
  g_codec_encode_hook = encode_hook;
  g_codec_decode_hook = decode_hook;
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_codecs", init);

}  // namespace gilpy
