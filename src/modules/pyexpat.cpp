// pyexpat: CPython's interface to the Expat XML parser, on Debian's libexpat
// (libexpat1-dev). xml.parsers.expat re-exports it, and the pure-Python
// xml.etree.ElementTree, xml.dom.minidom (expatbuilder), xml.sax
// (expatreader) and plistlib are built on it:
//
//   ParserCreate(encoding=None, namespace_separator=None, intern=<new dict>)
//   xmlparser: Parse(data, isfinal=False), ParseFile(file), SetBase/GetBase,
//     GetInputContext, ExternalEntityParserCreate, SetParamEntityParsing,
//     UseForeignDTD; the 22 *Handler attributes; buffer_text, buffer_size,
//     buffer_used, ordered_attributes, specified_attributes,
//     namespace_prefixes, intern; Error* and Current* positions.
//   ExpatError (= error, __module__ xml.parsers.expat) with code, lineno,
//     offset; ErrorString; the submodules pyexpat.errors and pyexpat.model
//     (also registered in sys.modules); EXPAT_VERSION, version_info,
//     native_encoding, features, XML_PARAM_ENTITY_PARSING_*.
//
// Behaviour follows CPython 3.11's documentation and observed behaviour:
// a handler is called with str arguments (None for absent values); with
// buffer_text, character data is gathered up to buffer_size bytes (UTF-8)
// and delivered before any other handler runs and at the end of each
// Parse() call. An exception raised by a handler stops the parser (its
// handlers are cleared, as CPython does) and propagates out of Parse().
// Encodings Expat does not know are taken from Python's codecs when they are
// single-byte (a 256-entry map); others raise ValueError.
//
// Expat calls back with the parser object as its user data. The object owns
// the XML_Parser (freed by a collector finalizer); a parser made by
// ExternalEntityParserCreate keeps its parent alive.
#include <expat.h>

#include <gc/gc.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/function.h"
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
#include "runtime/thread_state.h"

namespace gilpy {

namespace {

Type* tp_Parser;
Value g_error;  // ExpatError

// ---- handler table ---------------------------------------------------------------------------------

enum H : int {
  hStartElement,
  hEndElement,
  hProcessingInstruction,
  hCharacterData,
  hUnparsedEntityDecl,
  hNotationDecl,
  hStartNamespaceDecl,
  hEndNamespaceDecl,
  hComment,
  hStartCdataSection,
  hEndCdataSection,
  hDefault,
  hDefaultExpand,
  hNotStandalone,
  hExternalEntityRef,
  hStartDoctypeDecl,
  hEndDoctypeDecl,
  hEntityDecl,
  hXmlDecl,
  hElementDecl,
  hAttlistDecl,
  hSkippedEntity,
  kNumHandlers
};

struct Parser : Object {
  Value handlers[kNumHandlers];  // null: no handler
  Value intern;                  // Dict or null (intern=None)
  Value parent;                  // the parser this external entity parser was made from
  XML_Parser xp;
  char* buf;  // buffer_text: character data waiting, buf_used of buf_size bytes (malloc)
  int buf_size;
  int buf_used;
  int in_callback;  // handler calls under way (GetInputContext answers only then)
  bool ordered_attributes;
  bool specified_attributes;
  bool ns_prefixes;
};
Parser* PO(Value v) { return v.as<Parser>(); }

void parser_finalizer(void* obj, void*) {
  Parser* p = static_cast<Parser*>(obj);
  if (p->xp) XML_ParserFree(p->xp);
  p->xp = nullptr;
  std::free(p->buf);
  p->buf = nullptr;
}

// ---- conversions ------------------------------------------------------------------------------------

Value text(const XML_Char* s) { return s ? Value(str_new(std::string_view(s))) : None(); }
Value text_len(const XML_Char* s, int len) {
  return s ? Value(str_new(std::string_view(s, size_t(len)))) : None();
}

// A name through the parser's intern dict: equal names give the same object.
Value intern_name(Parser* p, const XML_Char* s) {
  if (!s) return None();
  Str* k = str_new(std::string_view(s));
  if (!p->intern || !is_dict(p->intern)) return Value(k);
  Value found;
  if (dict_get2(as_dict(p->intern), Value(k), &found).is_err()) return Value();
  if (found) return found;
  if (dict_set(as_dict(p->intern), Value(k), Value(k)).is_err()) return Value();
  return Value(k);
}

// ---- calling handlers -------------------------------------------------------------------------------

void set_c_handler(Parser* p, int which, bool on);
int cb_external_entity_error(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*);

// A handler raised: stop the parser and forget every handler (CPython does
// the same), leaving the exception pending for Parse() to return.
void flag_error(Parser* p) {
  for (int i = 0; i < kNumHandlers; i++) {
    p->handlers[i] = Value();
    set_c_handler(p, i, false);
  }
  XML_SetExternalEntityRefHandler(p->xp, cb_external_entity_error);
  XML_StopParser(p->xp, XML_FALSE);
}

// CPython's traceback of an exception from a handler shows the C function
// that called it ("pyexpat.c", in "StartElement"...) between Parse()'s caller
// and the handler; so does ours, with a frame of an empty code object.
const char* const kFrameNames[kNumHandlers] = {
    "StartElement",      "EndElement",       "ProcessingInstruction", "CharacterData",      "UnparsedEntityDecl",
    "NotationDecl",      "StartNamespaceDecl", "EndNamespaceDecl",    "Comment",            "StartCdataSection",
    "EndCdataSection",   "Default",          "DefaultHandlerExpand",  "NotStandalone",      "ExternalEntityRef",
    "StartDoctypeDecl",  "EndDoctypeDecl",   "EntityDecl",            "XmlDecl",            "ElementDecl",
    "AttlistDecl",       "SkippedEntity"};
Value g_frames[kNumHandlers];  // Frame per handler, made on first use (static data is scanned)

Frame* handler_frame(int which) {
  if (g_frames[which]) return g_frames[which].as<Frame>();
  Value compile = dict_get_str(g_interp.builtins->dict, str_intern("compile"));
  if (!compile) return nullptr;
  Result<Value> c = call3(compile, str_value(""), str_value("pyexpat.c"), str_value("exec"));
  if (c.is_err()) return nullptr;
  Value rep;
  if (getattr_opt(c.value(), str_intern("replace"), &rep).is_err() || !rep) return nullptr;
  Value args[1] = {str_value(kFrameNames[which])};
  Result<Value> named = call(rep, args, 0, tuple_of({str_value("co_name")}));
  if (named.is_err() || !is_code(named.value())) return nullptr;
  Dict* globals = dict_new();
  dict_set_str(globals, str_intern("__name__"), str_value("pyexpat"));
  Frame* f = frame_new(named.value().as<Code>(), globals, Value(globals), nullptr);
  f->builtins = Value(g_interp.builtins->dict);
  f->state = FrameState::Completed;
  frame_mark_escaped(f);
  g_frames[which] = Value(f);
  return f;
}

void add_handler_frame(int which, int line) {
  Value exc = exc_fetch();
  if (is_exception(exc)) {
    Frame* f = handler_frame(which);
    if (exc_pending()) exc_clear();
    if (f) as_exc(exc)->traceback = Value(traceback_new(as_exc(exc)->traceback, f, -1, line));
  }
  exc_restore(exc);
}

// Call handler `which` with args; false (exception pending, parser stopped) on error.
bool invoke(Parser* p, int which, Value* args, int64_t n, Value* result = nullptr) {
  Value h = p->handlers[which];
  if (!h) return false;
  for (int64_t i = 0; i < n; i++)
    if (!args[i]) {  // a conversion failed
      flag_error(p);
      return false;
    }
  p->in_callback++;
  Result<Value> r = call(h, args, n);
  p->in_callback--;
  if (r.is_err()) {
    add_handler_frame(which, __LINE__ - 3);  // the line of the call above
    flag_error(p);
    return false;
  }
  if (result) *result = r.value();
  return true;
}

bool call_chardata(Parser* p, const char* s, int len) {
  if (!p->handlers[hCharacterData]) return true;
  Value a[1] = {Value(str_new(std::string_view(s, size_t(len))))};
  return invoke(p, hCharacterData, a, 1);
}

// Deliver the buffered character data. False with an exception pending.
bool flush(Parser* p) {
  if (!p->buf || p->buf_used == 0) return true;
  Value a[1] = {Value(str_new(std::string_view(p->buf, size_t(p->buf_used))))};
  p->buf_used = 0;
  if (!p->handlers[hCharacterData]) return true;
  return invoke(p, hCharacterData, a, 1);
}

// Before any handler other than character data: is there one, and did the
// buffered text go out first?
bool ready(Parser* p, int which) {
  if (exc_pending()) return false;
  if (!p->handlers[which]) return false;
  if (!flush(p)) return false;
  return bool(p->handlers[which]);
}

Parser* UD(void* ud) { return static_cast<Parser*>(ud); }

// ---- Expat callbacks --------------------------------------------------------------------------------

void cb_start_element(void* ud, const XML_Char* name, const XML_Char** atts) {
  Parser* p = UD(ud);
  if (!ready(p, hStartElement)) return;
  int max = 0;
  if (p->specified_attributes)
    max = XML_GetSpecifiedAttributeCount(p->xp);
  else
    while (atts[max]) max += 2;
  Value container;
  if (p->ordered_attributes) {
    List* l = list_new(0);
    for (int i = 0; i < max; i += 2) {
      Value k = intern_name(p, atts[i]);
      if (!k) return flag_error(p);
      if (list_append(l, k).is_err() || list_append(l, text(atts[i + 1])).is_err()) return flag_error(p);
    }
    container = Value(l);
  } else {
    Dict* d = dict_new();
    for (int i = 0; i < max; i += 2) {
      Value k = intern_name(p, atts[i]);
      if (!k) return flag_error(p);
      if (dict_set(d, k, text(atts[i + 1])).is_err()) return flag_error(p);
    }
    container = Value(d);
  }
  Value a[2] = {intern_name(p, name), container};
  invoke(p, hStartElement, a, 2);
}

void cb_end_element(void* ud, const XML_Char* name) {
  Parser* p = UD(ud);
  if (!ready(p, hEndElement)) return;
  Value a[1] = {intern_name(p, name)};
  invoke(p, hEndElement, a, 1);
}

void cb_pi(void* ud, const XML_Char* target, const XML_Char* data) {
  Parser* p = UD(ud);
  if (!ready(p, hProcessingInstruction)) return;
  Value a[2] = {intern_name(p, target), text(data)};
  invoke(p, hProcessingInstruction, a, 2);
}

void cb_chardata(void* ud, const XML_Char* s, int len) {
  Parser* p = UD(ud);
  if (exc_pending() || !p->handlers[hCharacterData]) return;
  if (!p->buf) {
    call_chardata(p, s, len);
    return;
  }
  if (int64_t(p->buf_used) + len > p->buf_size) {
    if (!flush(p)) return;
    if (!p->handlers[hCharacterData]) return;
  }
  if (!p->buf || len > p->buf_size) {
    call_chardata(p, s, len);
    if (p->buf) p->buf_used = 0;
    return;
  }
  std::memcpy(p->buf + p->buf_used, s, size_t(len));
  p->buf_used += len;
}

void cb_unparsed_entity(void* ud, const XML_Char* name, const XML_Char* base, const XML_Char* sysid,
                        const XML_Char* pubid, const XML_Char* notation) {
  Parser* p = UD(ud);
  if (!ready(p, hUnparsedEntityDecl)) return;
  Value a[5] = {text(name), text(base), text(sysid), text(pubid), text(notation)};
  invoke(p, hUnparsedEntityDecl, a, 5);
}

void cb_notation(void* ud, const XML_Char* name, const XML_Char* base, const XML_Char* sysid,
                 const XML_Char* pubid) {
  Parser* p = UD(ud);
  if (!ready(p, hNotationDecl)) return;
  Value a[4] = {text(name), text(base), text(sysid), text(pubid)};
  invoke(p, hNotationDecl, a, 4);
}

void cb_start_ns(void* ud, const XML_Char* prefix, const XML_Char* uri) {
  Parser* p = UD(ud);
  if (!ready(p, hStartNamespaceDecl)) return;
  Value a[2] = {text(prefix), text(uri)};
  invoke(p, hStartNamespaceDecl, a, 2);
}

void cb_end_ns(void* ud, const XML_Char* prefix) {
  Parser* p = UD(ud);
  if (!ready(p, hEndNamespaceDecl)) return;
  Value a[1] = {text(prefix)};
  invoke(p, hEndNamespaceDecl, a, 1);
}

void cb_comment(void* ud, const XML_Char* data) {
  Parser* p = UD(ud);
  if (!ready(p, hComment)) return;
  Value a[1] = {text(data)};
  invoke(p, hComment, a, 1);
}

void cb_start_cdata(void* ud) {
  Parser* p = UD(ud);
  if (!ready(p, hStartCdataSection)) return;
  invoke(p, hStartCdataSection, nullptr, 0);
}

void cb_end_cdata(void* ud) {
  Parser* p = UD(ud);
  if (!ready(p, hEndCdataSection)) return;
  invoke(p, hEndCdataSection, nullptr, 0);
}

void cb_default(void* ud, const XML_Char* s, int len) {
  Parser* p = UD(ud);
  if (!ready(p, hDefault)) return;
  Value a[1] = {text_len(s, len)};
  invoke(p, hDefault, a, 1);
}

void cb_default_expand(void* ud, const XML_Char* s, int len) {
  Parser* p = UD(ud);
  if (!ready(p, hDefaultExpand)) return;
  Value a[1] = {text_len(s, len)};
  invoke(p, hDefaultExpand, a, 1);
}

// An int from a handler's result (CPython reads it as a C long).
bool int_result(Parser* p, Value r, int* out) {
  Result<int64_t> v = as_index(r);
  if (v.is_err()) {
    flag_error(p);
    return false;
  }
  *out = int(v.value());
  return true;
}

int cb_not_standalone(void* ud) {
  Parser* p = UD(ud);
  if (!ready(p, hNotStandalone)) return 0;
  Value r;
  if (!invoke(p, hNotStandalone, nullptr, 0, &r)) return 0;
  int rc = 0;
  if (!int_result(p, r, &rc)) return 0;
  return rc;
}

int cb_external_entity_ref(XML_Parser xp, const XML_Char* context, const XML_Char* base, const XML_Char* sysid,
                           const XML_Char* pubid) {
  Parser* p = UD(XML_GetUserData(xp));
  if (!ready(p, hExternalEntityRef)) return 0;
  Value a[4] = {text(context), text(base), text(sysid), text(pubid)};
  Value r;
  if (!invoke(p, hExternalEntityRef, a, 4, &r)) return 0;
  int rc = 0;
  if (!int_result(p, r, &rc)) return 0;
  return rc;
}

// After a handler raised: refuse every external entity (CPython's behaviour).
int cb_external_entity_error(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
  return 0;
}

void cb_start_doctype(void* ud, const XML_Char* name, const XML_Char* sysid, const XML_Char* pubid,
                      int has_internal_subset) {
  Parser* p = UD(ud);
  if (!ready(p, hStartDoctypeDecl)) return;
  Value a[4] = {text(name), text(sysid), text(pubid), Value::small(has_internal_subset)};
  invoke(p, hStartDoctypeDecl, a, 4);
}

void cb_end_doctype(void* ud) {
  Parser* p = UD(ud);
  if (!ready(p, hEndDoctypeDecl)) return;
  invoke(p, hEndDoctypeDecl, nullptr, 0);
}

void cb_entity_decl(void* ud, const XML_Char* name, int is_param, const XML_Char* value, int value_len,
                    const XML_Char* base, const XML_Char* sysid, const XML_Char* pubid, const XML_Char* notation) {
  Parser* p = UD(ud);
  if (!ready(p, hEntityDecl)) return;
  Value a[7] = {text(name),  Value::small(is_param), text_len(value, value_len), text(base),
                text(sysid), text(pubid),            text(notation)};
  invoke(p, hEntityDecl, a, 7);
}

void cb_xml_decl(void* ud, const XML_Char* version, const XML_Char* encoding, int standalone) {
  Parser* p = UD(ud);
  if (!ready(p, hXmlDecl)) return;
  Value a[3] = {text(version), text(encoding), Value::small(standalone)};
  invoke(p, hXmlDecl, a, 3);
}

// A content model as nested tuples (type, quantifier, name or None, children).
Result<Value> model_tuple(XML_Content* m) {
  if (!enter_recursion(" while converting a content model")) return ERR;
  Tuple* kids = tuple_new(m->numchildren);
  for (unsigned i = 0; i < m->numchildren; i++) {
    Result<Value> c = model_tuple(&m->children[i]);
    if (c.is_err()) {
      for (unsigned j = i; j < m->numchildren; j++) kids->items[j] = None();
      leave_recursion();
      return ERR;
    }
    kids->items[i] = c.value();
  }
  leave_recursion();
  return Value(tuple_of({Value::small(int(m->type)), Value::small(int(m->quant)), text(m->name), Value(kids)}));
}

void cb_element_decl(void* ud, const XML_Char* name, XML_Content* model) {
  Parser* p = UD(ud);
  if (!ready(p, hElementDecl)) {
    XML_FreeContentModel(p->xp, model);
    return;
  }
  Result<Value> m = model_tuple(model);
  XML_FreeContentModel(p->xp, model);
  if (m.is_err()) return flag_error(p);
  Value a[2] = {intern_name(p, name), m.value()};
  invoke(p, hElementDecl, a, 2);
}

void cb_attlist_decl(void* ud, const XML_Char* elname, const XML_Char* attname, const XML_Char* att_type,
                     const XML_Char* dflt, int isrequired) {
  Parser* p = UD(ud);
  if (!ready(p, hAttlistDecl)) return;
  Value a[5] = {intern_name(p, elname), intern_name(p, attname), text(att_type), text(dflt),
                Value::small(isrequired)};
  invoke(p, hAttlistDecl, a, 5);
}

void cb_skipped_entity(void* ud, const XML_Char* name, int is_param) {
  Parser* p = UD(ud);
  if (!ready(p, hSkippedEntity)) return;
  Value a[2] = {text(name), Value::small(is_param)};
  invoke(p, hSkippedEntity, a, 2);
}

// Install (or remove) Expat's callback for handler `which`.
void set_c_handler(Parser* p, int which, bool on) {
  XML_Parser x = p->xp;
  if (!x) return;
  switch (which) {
    case hStartElement: XML_SetStartElementHandler(x, on ? cb_start_element : nullptr); break;
    case hEndElement: XML_SetEndElementHandler(x, on ? cb_end_element : nullptr); break;
    case hProcessingInstruction: XML_SetProcessingInstructionHandler(x, on ? cb_pi : nullptr); break;
    // Expat may keep calling the character data callback it read before a
    // handler removed it: cb_chardata looks for the Python handler itself.
    case hCharacterData: XML_SetCharacterDataHandler(x, on ? cb_chardata : nullptr); break;
    case hUnparsedEntityDecl: XML_SetUnparsedEntityDeclHandler(x, on ? cb_unparsed_entity : nullptr); break;
    case hNotationDecl: XML_SetNotationDeclHandler(x, on ? cb_notation : nullptr); break;
    case hStartNamespaceDecl: XML_SetStartNamespaceDeclHandler(x, on ? cb_start_ns : nullptr); break;
    case hEndNamespaceDecl: XML_SetEndNamespaceDeclHandler(x, on ? cb_end_ns : nullptr); break;
    case hComment: XML_SetCommentHandler(x, on ? cb_comment : nullptr); break;
    case hStartCdataSection: XML_SetStartCdataSectionHandler(x, on ? cb_start_cdata : nullptr); break;
    case hEndCdataSection: XML_SetEndCdataSectionHandler(x, on ? cb_end_cdata : nullptr); break;
    case hDefault: XML_SetDefaultHandler(x, on ? cb_default : nullptr); break;
    case hDefaultExpand: XML_SetDefaultHandlerExpand(x, on ? cb_default_expand : nullptr); break;
    case hNotStandalone: XML_SetNotStandaloneHandler(x, on ? cb_not_standalone : nullptr); break;
    case hExternalEntityRef:
      XML_SetExternalEntityRefHandler(x, on ? cb_external_entity_ref : nullptr);
      break;
    case hStartDoctypeDecl: XML_SetStartDoctypeDeclHandler(x, on ? cb_start_doctype : nullptr); break;
    case hEndDoctypeDecl: XML_SetEndDoctypeDeclHandler(x, on ? cb_end_doctype : nullptr); break;
    case hEntityDecl: XML_SetEntityDeclHandler(x, on ? cb_entity_decl : nullptr); break;
    case hXmlDecl: XML_SetXmlDeclHandler(x, on ? cb_xml_decl : nullptr); break;
    case hElementDecl: XML_SetElementDeclHandler(x, on ? cb_element_decl : nullptr); break;
    case hAttlistDecl: XML_SetAttlistDeclHandler(x, on ? cb_attlist_decl : nullptr); break;
    case hSkippedEntity: XML_SetSkippedEntityHandler(x, on ? cb_skipped_entity : nullptr); break;
  }
}

// Encodings Expat does not know: a single-byte map from Python's codec.
int cb_unknown_encoding(void*, const XML_Char* name, XML_Encoding* info) {
  Bytes* all = bytes_new(256);
  for (int i = 0; i < 256; i++) all->data[i] = char(i);
  Value args[2] = {str_value(name), str_value("replace")};
  Result<Value> r = call_method(Value(all), str_intern("decode"), args, 2);
  if (r.is_err()) return XML_STATUS_ERROR;
  if (!is_str(r.value())) return XML_STATUS_ERROR;
  Str* s = as_str(r.value());
  if (s->length != 256) {
    (void)raise(tp_ValueError, "multi-byte encodings are not supported");
    return XML_STATUS_ERROR;
  }
  for (int i = 0; i < 256; i++) {
    uint32_t ch = str_char_at(s, i);
    info->map[i] = ch == 0xFFFD ? -1 : int(ch);
  }
  info->data = nullptr;
  info->convert = nullptr;
  info->release = nullptr;
  return XML_STATUS_OK;
}

// ---- errors -----------------------------------------------------------------------------------------

Err set_error(Parser* p, XML_Error code) {
  int line = int(XML_GetErrorLineNumber(p->xp));
  int column = int(XML_GetErrorColumnNumber(p->xp));
  const XML_LChar* msg = XML_ErrorString(code);
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s: line %i, column %i", msg ? msg : "unknown error", line, column);
  Result<Value> e = call1(g_error, str_value(buf));
  if (e.is_err()) return ERR;
  Value exc = e.value();
  if (setattr(exc, str_intern("code"), Value::small(int(code))).is_err()) return ERR;
  if (setattr(exc, str_intern("offset"), Value::small(column)).is_err()) return ERR;
  if (setattr(exc, str_intern("lineno"), Value::small(line)).is_err()) return ERR;
  return raise_value(exc);
}

// What Parse() and ParseFile() return for Expat's result rc.
Result<Value> parse_result(Parser* p, int rc) {
  if (exc_pending()) return ERR;
  if (rc == 0) return set_error(p, XML_GetErrorCode(p->xp));
  if (!flush(p)) return ERR;
  return Value::small(rc);
}

// ---- creation ---------------------------------------------------------------------------------------

Parser* parser_alloc() {
  Parser* p = static_cast<Parser*>(alloc_instance(tp_Parser, sizeof(Parser)));
  p->buf_size = 8192;
  GC_register_finalizer_no_order(p, parser_finalizer, nullptr, nullptr, nullptr);
  return p;
}

void parser_setup(Parser* p) {
  XML_SetUserData(p->xp, p);
  XML_SetUnknownEncodingHandler(p->xp, cb_unknown_encoding, nullptr);
  for (int i = 0; i < kNumHandlers; i++) set_c_handler(p, i, bool(p->handlers[i]));
}

// A "str or None" argument; false with TypeError set otherwise.
Status str_or_none(const char* fname, const char* arg, Value v, std::string* out, bool* present) {
  *present = false;
  if (!v || is_none(v)) return OK();
  if (!is_str(v))
    return raise_fmt(tp_TypeError, "%s() argument '%s' must be str or None, not %s", fname, arg, type_name(v));
  std::string_view s = as_str(v)->view();
  if (s.find('\0') != std::string_view::npos) return raise(tp_ValueError, "embedded null character");
  *out = std::string(s);
  *present = true;
  return OK();
}

Result<Value> px_ParserCreate(Value* a, int64_t n, Tuple* kw) {
  Value v[3];
  TRY(parse_args("ParserCreate", a, n, kw, {"encoding", "namespace_separator", "intern"}, 0, v));
  std::string enc, sep;
  bool has_enc, has_sep;
  TRY(str_or_none("ParserCreate", "encoding", v[0], &enc, &has_enc));
  TRY(str_or_none("ParserCreate", "namespace_separator", v[1], &sep, &has_sep));
  if (has_sep && sep.size() > 1)
    return raise(tp_ValueError, "namespace_separator must be at most one character, omitted, or None");
  Value intern;
  if (!v[2])
    intern = Value(dict_new());
  else if (is_none(v[2]))
    intern = Value();
  else if (is_dict(v[2]))
    intern = v[2];
  else
    return raise(tp_TypeError, "intern must be a dictionary");
  Parser* p = parser_alloc();
  p->intern = intern;
  const char* e = has_enc ? enc.c_str() : nullptr;
  p->xp = has_sep ? XML_ParserCreateNS(e, sep.empty() ? '\0' : sep[0]) : XML_ParserCreate(e);
  if (!p->xp) return raise(tp_RuntimeError, "XML_ParserCreate failed");
  parser_setup(p);
  return Value(p);
}

// ---- xmlparser methods ------------------------------------------------------------------------------

constexpr int64_t kMaxChunk = 1 << 20;

Result<Value> xp_Parse(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Parse", kw));
  TRY(check_nargs("Parse", n - 1, 1, 2));
  Parser* p = PO(a[0]);
  int isfinal = 0;
  if (n > 2) isfinal = TRY(as_c_int(a[2])) != 0;
  Value keep;
  std::string_view data;
  if (is_str(a[1])) {
    Str* s = as_str(a[1]);
    if (s->ascii) {
      data = s->view();
    } else {
      keep = TRY(codec_encode(s, "utf-8", "strict"));
      data = as_bytes(keep)->view();
    }
    XML_SetEncoding(p->xp, "utf-8");
  } else {
    data = TRY(buffer_view(a[1]));
    keep = a[1];
  }
  const char* s = data.data();
  int64_t len = int64_t(data.size());
  int rc;
  while (len > kMaxChunk) {
    rc = XML_Parse(p->xp, s, int(kMaxChunk), 0);
    if (!rc || exc_pending()) return parse_result(p, rc);
    s += kMaxChunk;
    len -= kMaxChunk;
  }
  rc = XML_Parse(p->xp, s, int(len), isfinal);
  return parse_result(p, rc);
}

constexpr int kReadSize = 2048;

Result<Value> xp_ParseFile(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("ParseFile", kw));
  TRY(check_nargs("ParseFile", n - 1, 1, 1));
  Parser* p = PO(a[0]);
  Value read;
  TRY(getattr_opt(a[1], str_intern("read"), &read));
  if (!read) return raise(tp_TypeError, "argument must have 'read' attribute");
  int rc = 1;
  for (;;) {
    Value data = TRY(call1(read, Value::small(kReadSize)));
    if (!is_bytes(data))
      return raise_fmt(tp_TypeError, "read() did not return a bytes object (type=%.400s)", type_name(data));
    std::string_view d = as_bytes(data)->view();
    if (d.size() > size_t(kReadSize))
      return raise_fmt(tp_ValueError, "read() returned too much data: %i bytes requested, %zu returned", kReadSize,
                       d.size());
    rc = XML_Parse(p->xp, d.data(), int(d.size()), d.empty());
    if (exc_pending()) return ERR;
    if (!rc || d.empty()) break;
  }
  return parse_result(p, rc);
}

Result<Value> xp_SetBase(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("SetBase", kw));
  TRY(check_nargs("SetBase", n - 1, 1, 1));
  if (!is_str(a[1]))
    return raise_fmt(tp_TypeError, "SetBase() argument must be str, not %s", type_name(a[1]));
  std::string base(as_str(a[1])->view());
  if (!XML_SetBase(PO(a[0])->xp, base.c_str())) return raise_memory_error();
  return None();
}

Result<Value> xp_GetBase(Value* a, int64_t, Tuple*) { return text(XML_GetBase(PO(a[0])->xp)); }

Result<Value> xp_GetInputContext(Value* a, int64_t, Tuple*) {
  if (!PO(a[0])->in_callback) return None();
  int offset = 0, size = 0;
  const char* buf = XML_GetInputContext(PO(a[0])->xp, &offset, &size);
  if (!buf) return None();
  return bytes_from(std::string_view(buf + offset, size_t(size - offset)));
}

Result<Value> xp_ExternalEntityParserCreate(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("ExternalEntityParserCreate", kw));
  TRY(check_nargs("ExternalEntityParserCreate", n - 1, 1, 2));
  Parser* self = PO(a[0]);
  std::string context, enc;
  bool has_context = false, has_enc = false;
  if (!is_none(a[1])) {
    if (!is_str(a[1]))
      return raise_fmt(tp_TypeError, "ExternalEntityParserCreate() argument 1 must be str or None, not %s",
                       type_name(a[1]));
    context = std::string(as_str(a[1])->view());
    has_context = true;
  }
  if (n > 2) {
    if (!is_str(a[2]))
      return raise_fmt(tp_TypeError, "ExternalEntityParserCreate() argument 2 must be str, not %s",
                       type_name(a[2]));
    enc = std::string(as_str(a[2])->view());
    has_enc = true;
  }
  Parser* p = parser_alloc();
  p->parent = a[0];
  p->intern = self->intern;
  p->ordered_attributes = self->ordered_attributes;
  p->specified_attributes = self->specified_attributes;
  p->ns_prefixes = self->ns_prefixes;
  p->buf_size = self->buf_size;
  if (self->buf) {
    p->buf = static_cast<char*>(std::malloc(size_t(p->buf_size)));
    if (!p->buf) return raise_memory_error();
  }
  p->xp = XML_ExternalEntityParserCreate(self->xp, has_context ? context.c_str() : nullptr,
                                         has_enc ? enc.c_str() : nullptr);
  if (!p->xp) return raise_memory_error();
  for (int i = 0; i < kNumHandlers; i++) p->handlers[i] = self->handlers[i];
  parser_setup(p);
  return Value(p);
}

Result<Value> xp_SetParamEntityParsing(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("SetParamEntityParsing", kw));
  TRY(check_nargs("SetParamEntityParsing", n - 1, 1, 1));
  int flag = TRY(as_c_int(a[1]));
  return Value::small(XML_SetParamEntityParsing(PO(a[0])->xp, XML_ParamEntityParsing(flag)));
}

Result<Value> xp_UseForeignDTD(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("UseForeignDTD", kw));
  TRY(check_nargs("UseForeignDTD", n - 1, 0, 1));
  bool flag = true;
  if (n > 1) flag = TRY(truthy(a[1]));
  Parser* p = PO(a[0]);
  XML_Error rc = XML_UseForeignDTD(p->xp, flag ? XML_TRUE : XML_FALSE);
  if (rc != XML_ERROR_NONE) return set_error(p, rc);
  return None();
}

// ---- attributes -------------------------------------------------------------------------------------

Err cannot_delete() { return raise(tp_RuntimeError, "Cannot delete attribute"); }

template <int I>
Result<Value> get_handler(Value self) {
  Value h = PO(self)->handlers[I];
  return h ? h : None();
}
template <int I>
Status set_handler(Value self, Value v) {
  if (!v) return cannot_delete();
  Parser* p = PO(self);
  if (I == hCharacterData && !flush(p)) return ERR;
  if (is_none(v)) {
    p->handlers[I] = Value();
    set_c_handler(p, I, false);
  } else {
    p->handlers[I] = v;
    set_c_handler(p, I, true);
  }
  return OK();
}

Result<Value> get_buffer_text(Value self) { return PO(self)->buf ? True() : False(); }
Status set_buffer_text(Value self, Value v) {
  if (!v) return cannot_delete();
  bool b = TRY(truthy(v));
  Parser* p = PO(self);
  if (b) {
    if (!p->buf) {
      p->buf = static_cast<char*>(std::malloc(size_t(p->buf_size)));
      if (!p->buf) return raise_memory_error();
      p->buf_used = 0;
    }
  } else if (p->buf) {
    if (!flush(p)) return ERR;
    std::free(p->buf);
    p->buf = nullptr;
  }
  return OK();
}

Result<Value> get_buffer_size(Value self) { return Value::small(PO(self)->buf_size); }
Status set_buffer_size(Value self, Value v) {
  if (!v) return cannot_delete();
  if (!is_int(v)) return raise(tp_TypeError, "buffer_size must be an integer");
  int64_t size = TRY(int_as_i64(v));
  if (size <= 0) return raise(tp_ValueError, "buffer_size must be greater than zero");
  if (size > INT_MAX) return raise_fmt(tp_ValueError, "buffer_size must not be greater than %i", INT_MAX);
  Parser* p = PO(self);
  if (p->buf) {
    if (p->buf_size == size) return OK();
    if (!flush(p)) return ERR;
    std::free(p->buf);
    p->buf = nullptr;
  }
  p->buf = static_cast<char*>(std::malloc(size_t(size)));
  if (!p->buf) return raise_memory_error();
  p->buf_size = int(size);
  p->buf_used = 0;
  return OK();
}

Result<Value> get_buffer_used(Value self) { return Value::small(PO(self)->buf_used); }

Result<Value> get_ordered(Value self) { return PO(self)->ordered_attributes ? True() : False(); }
Status set_ordered(Value self, Value v) {
  if (!v) return cannot_delete();
  PO(self)->ordered_attributes = TRY(truthy(v));
  return OK();
}
Result<Value> get_specified(Value self) { return PO(self)->specified_attributes ? True() : False(); }
Status set_specified(Value self, Value v) {
  if (!v) return cannot_delete();
  PO(self)->specified_attributes = TRY(truthy(v));
  return OK();
}
Result<Value> get_ns_prefixes(Value self) { return PO(self)->ns_prefixes ? True() : False(); }
Status set_ns_prefixes(Value self, Value v) {
  if (!v) return cannot_delete();
  Parser* p = PO(self);
  p->ns_prefixes = TRY(truthy(v));
  XML_SetReturnNSTriplet(p->xp, p->ns_prefixes);
  return OK();
}
Result<Value> get_intern(Value self) {
  Value i = PO(self)->intern;
  return i ? i : None();
}

Result<Value> get_error_code(Value self) { return Value::small(int(XML_GetErrorCode(PO(self)->xp))); }
Result<Value> get_error_line(Value self) { return int_from_i64(int64_t(XML_GetErrorLineNumber(PO(self)->xp))); }
Result<Value> get_error_column(Value self) {
  return int_from_i64(int64_t(XML_GetErrorColumnNumber(PO(self)->xp)));
}
Result<Value> get_error_byte(Value self) { return int_from_i64(int64_t(XML_GetErrorByteIndex(PO(self)->xp))); }
Result<Value> get_cur_line(Value self) { return int_from_i64(int64_t(XML_GetCurrentLineNumber(PO(self)->xp))); }
Result<Value> get_cur_column(Value self) {
  return int_from_i64(int64_t(XML_GetCurrentColumnNumber(PO(self)->xp)));
}
Result<Value> get_cur_byte(Value self) { return int_from_i64(int64_t(XML_GetCurrentByteIndex(PO(self)->xp))); }

#define HANDLER(name) {#name "Handler", get_handler<h##name>, set_handler<h##name>}
const GetSetDef parser_getsets[] = {
    HANDLER(StartElement),
    HANDLER(EndElement),
    HANDLER(ProcessingInstruction),
    HANDLER(CharacterData),
    HANDLER(UnparsedEntityDecl),
    HANDLER(NotationDecl),
    HANDLER(StartNamespaceDecl),
    HANDLER(EndNamespaceDecl),
    HANDLER(Comment),
    HANDLER(StartCdataSection),
    HANDLER(EndCdataSection),
    HANDLER(Default),
    {"DefaultHandlerExpand", get_handler<hDefaultExpand>, set_handler<hDefaultExpand>},
    HANDLER(NotStandalone),
    HANDLER(ExternalEntityRef),
    HANDLER(StartDoctypeDecl),
    HANDLER(EndDoctypeDecl),
    HANDLER(EntityDecl),
    HANDLER(XmlDecl),
    HANDLER(ElementDecl),
    HANDLER(AttlistDecl),
    HANDLER(SkippedEntity),
    {"buffer_text", get_buffer_text, set_buffer_text},
    {"buffer_size", get_buffer_size, set_buffer_size},
    {"buffer_used", get_buffer_used},
    {"ordered_attributes", get_ordered, set_ordered},
    {"specified_attributes", get_specified, set_specified},
    {"namespace_prefixes", get_ns_prefixes, set_ns_prefixes},
    {"intern", get_intern},
    {"ErrorCode", get_error_code},
    {"ErrorLineNumber", get_error_line},
    {"ErrorColumnNumber", get_error_column},
    {"ErrorByteIndex", get_error_byte},
    {"CurrentLineNumber", get_cur_line},
    {"CurrentColumnNumber", get_cur_column},
    {"CurrentByteIndex", get_cur_byte},
    {nullptr, nullptr}};
#undef HANDLER

Result<Value> xp_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create 'pyexpat.xmlparser' instances");
}

const MethodDef parser_methods[] = {
    {"__new__", xp_new, MethKind::Static},
    {"Parse", xp_Parse, MethKind::Method, "Parse XML data.\n\n`isfinal' should be true at end of input."},
    {"ParseFile", xp_ParseFile, MethKind::Method, "Parse XML data from file-like object."},
    {"SetBase", xp_SetBase, MethKind::Method, "Set the base URL for the parser."},
    {"GetBase", xp_GetBase, MethKind::NoArgs, "Return base URL string for the parser."},
    {"GetInputContext", xp_GetInputContext, MethKind::NoArgs,
     "Return the untranslated text of the input that caused the current event.\n\nIf the event was generated "
     "by a large amount of text (such as a start tag\nfor an element with many attributes), not all of the text "
     "may be available."},
    {"ExternalEntityParserCreate", xp_ExternalEntityParserCreate, MethKind::Method,
     "Create a parser for parsing an external entity based on the information passed to the "
     "ExternalEntityRefHandler."},
    {"SetParamEntityParsing", xp_SetParamEntityParsing, MethKind::Method,
     "Controls parsing of parameter entities (including the external DTD subset).\n\nPossible flag values are "
     "XML_PARAM_ENTITY_PARSING_NEVER,\nXML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE and\n"
     "XML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\nwas successful."},
    {"UseForeignDTD", xp_UseForeignDTD, MethKind::Method,
     "Allows the application to provide an artificial external subset if one is not specified as part of the "
     "document instance.\n\nThis readily allows the use of a 'default' document type controlled by the "
     "application, while still getting the advantage of providing document type information to the parser. "
     "'flag' defaults to True if not provided."},
    {nullptr, nullptr}};

// ---- module functions -------------------------------------------------------------------------------

Result<Value> px_ErrorString(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("ErrorString", kw));
  TRY(check_nargs("ErrorString", n, 1, 1));
  int64_t code = TRY(as_index(a[0]));
  if (code < INT_MIN || code > INT_MAX) return None();
  const XML_LChar* s = XML_ErrorString(XML_Error(code));
  return s ? str_value(s) : None();
}

const MethodDef functions[] = {
    {"ParserCreate", px_ParserCreate, MethKind::Method, "Return a new XML parser object."},
    {"ErrorString", px_ErrorString, MethKind::Method, "Returns string error for given number."},
    {nullptr, nullptr}};

struct ErrName {
  const char* name;
  XML_Error code;
};
#define E(x) {#x, x}
const ErrName kErrors[] = {E(XML_ERROR_NO_MEMORY),
                           E(XML_ERROR_SYNTAX),
                           E(XML_ERROR_NO_ELEMENTS),
                           E(XML_ERROR_INVALID_TOKEN),
                           E(XML_ERROR_UNCLOSED_TOKEN),
                           E(XML_ERROR_PARTIAL_CHAR),
                           E(XML_ERROR_TAG_MISMATCH),
                           E(XML_ERROR_DUPLICATE_ATTRIBUTE),
                           E(XML_ERROR_JUNK_AFTER_DOC_ELEMENT),
                           E(XML_ERROR_PARAM_ENTITY_REF),
                           E(XML_ERROR_UNDEFINED_ENTITY),
                           E(XML_ERROR_RECURSIVE_ENTITY_REF),
                           E(XML_ERROR_ASYNC_ENTITY),
                           E(XML_ERROR_BAD_CHAR_REF),
                           E(XML_ERROR_BINARY_ENTITY_REF),
                           E(XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF),
                           E(XML_ERROR_MISPLACED_XML_PI),
                           E(XML_ERROR_UNKNOWN_ENCODING),
                           E(XML_ERROR_INCORRECT_ENCODING),
                           E(XML_ERROR_UNCLOSED_CDATA_SECTION),
                           E(XML_ERROR_EXTERNAL_ENTITY_HANDLING),
                           E(XML_ERROR_NOT_STANDALONE),
                           E(XML_ERROR_UNEXPECTED_STATE),
                           E(XML_ERROR_ENTITY_DECLARED_IN_PE),
                           E(XML_ERROR_FEATURE_REQUIRES_XML_DTD),
                           E(XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING),
                           E(XML_ERROR_UNBOUND_PREFIX),
                           E(XML_ERROR_UNDECLARING_PREFIX),
                           E(XML_ERROR_INCOMPLETE_PE),
                           E(XML_ERROR_XML_DECL),
                           E(XML_ERROR_TEXT_DECL),
                           E(XML_ERROR_PUBLICID),
                           E(XML_ERROR_SUSPENDED),
                           E(XML_ERROR_NOT_SUSPENDED),
                           E(XML_ERROR_ABORTED),
                           E(XML_ERROR_FINISHED),
                           E(XML_ERROR_SUSPEND_PE),
                           E(XML_ERROR_RESERVED_PREFIX_XML),
                           E(XML_ERROR_RESERVED_PREFIX_XMLNS),
                           E(XML_ERROR_RESERVED_NAMESPACE_URI),
                           E(XML_ERROR_INVALID_ARGUMENT),
                           E(XML_ERROR_NO_BUFFER),
                           E(XML_ERROR_AMPLIFICATION_LIMIT_BREACH)};
#undef E

void set_int(Module* m, const char* name, int v) { dict_set_str(m->dict, str_intern(name), Value::small(v)); }

Result<Value> init() {
  Module* m = native_module_new("pyexpat", functions, "Python wrapper for Expat parser.");
  if (!tp_Parser) {
    tp_Parser = native_type_new("pyexpat", "xmlparser", tp_object, Layout::Other, sizeof(Parser), parser_methods,
                                parser_getsets, 0);
    type_set_attr_const(tp_Parser, "__doc__", str_value("XML parser"));
    Dict* ns = dict_new();
    dict_set_str(ns, str_intern("__module__"), str_value("xml.parsers.expat"));
    g_error = TRY(call3(Value(tp_type), str_value("ExpatError"), Value(tuple_of({Value(tp_Exception)})), Value(ns)));
  }
  Dict* d = m->dict;
  dict_set_str(d, str_intern("error"), g_error);
  dict_set_str(d, str_intern("ExpatError"), g_error);
  dict_set_str(d, str_intern("XMLParserType"), Value(tp_Parser));
  dict_set_str(d, str_intern("EXPAT_VERSION"), str_value(XML_ExpatVersion()));
  XML_Expat_Version vi = XML_ExpatVersionInfo();
  dict_set_str(d, str_intern("version_info"),
               Value(tuple_of({Value::small(vi.major), Value::small(vi.minor), Value::small(vi.micro)})));
  dict_set_str(d, str_intern("native_encoding"), str_value("UTF-8"));

  // pyexpat.errors
  Module* errors = native_module_new("pyexpat.errors", nullptr, "Constants used to describe error conditions.");
  Dict* codes = dict_new();
  Dict* messages = dict_new();
  for (const ErrName& e : kErrors) {
    const XML_LChar* s = XML_ErrorString(e.code);
    Value msg = str_value(s ? s : "");
    dict_set_str(errors->dict, str_intern(e.name), msg);
    TRY(dict_set(codes, msg, Value::small(int(e.code))));
    TRY(dict_set(messages, Value::small(int(e.code)), msg));
  }
  dict_set_str(errors->dict, str_intern("codes"), Value(codes));
  dict_set_str(errors->dict, str_intern("messages"), Value(messages));

  // pyexpat.model
  Module* model = native_module_new("pyexpat.model", nullptr, "Constants used to interpret content model information.");
  set_int(model, "XML_CTYPE_EMPTY", XML_CTYPE_EMPTY);
  set_int(model, "XML_CTYPE_ANY", XML_CTYPE_ANY);
  set_int(model, "XML_CTYPE_MIXED", XML_CTYPE_MIXED);
  set_int(model, "XML_CTYPE_NAME", XML_CTYPE_NAME);
  set_int(model, "XML_CTYPE_CHOICE", XML_CTYPE_CHOICE);
  set_int(model, "XML_CTYPE_SEQ", XML_CTYPE_SEQ);
  set_int(model, "XML_CQUANT_NONE", XML_CQUANT_NONE);
  set_int(model, "XML_CQUANT_OPT", XML_CQUANT_OPT);
  set_int(model, "XML_CQUANT_REP", XML_CQUANT_REP);
  set_int(model, "XML_CQUANT_PLUS", XML_CQUANT_PLUS);

  dict_set_str(d, str_intern("errors"), Value(errors));
  dict_set_str(d, str_intern("model"), Value(model));
  if (g_interp.modules) {
    dict_set_str(g_interp.modules, str_intern("pyexpat.errors"), Value(errors));
    dict_set_str(g_interp.modules, str_intern("pyexpat.model"), Value(model));
  }

  List* features = list_new(0);
  for (const XML_Feature* f = XML_GetFeatureList(); f && f->feature != XML_FEATURE_END; f++)
    TRY(list_append(features, Value(tuple_of({str_value(f->name), int_from_i64(f->value)}))));
  dict_set_str(d, str_intern("features"), Value(features));

  set_int(m, "XML_PARAM_ENTITY_PARSING_NEVER", XML_PARAM_ENTITY_PARSING_NEVER);
  set_int(m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE);
  set_int(m, "XML_PARAM_ENTITY_PARSING_ALWAYS", XML_PARAM_ENTITY_PARSING_ALWAYS);
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("pyexpat", init);

}  // namespace gilpy
