// _io.TextIOWrapper and _io.IncrementalNewlineDecoder, plus the newline
// helpers StringIO shares.
//
// Decoding: utf-8, ascii and latin-1 are decoded natively (Codec::Utf8...);
// other encodings use the codec registry's incremental decoder/encoder.
// Invariant for the native codecs: the decoder input of every chunk (`snapshot`)
// starts in a clean decoder state, because the bytes a chunk cannot finish (a
// partial UTF-8 sequence, or a trailing '\r' whose partner may follow) are held
// back in `pending` and become the start of the next chunk's input. A tell()
// cookie is therefore a plain byte position. `decoded` always holds exactly the
// output of the current snapshot; readers move unconsumed text elsewhere before
// reading the next chunk.
#include <string>

#include "bytecode/opcodes.h"
#include "modules/_io_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/text_util.h"
#include "runtime/args.h"
#include "runtime/interp.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/protocols.h"

namespace gilpy::io {

Type* tp_TextIOWrapper;
Type* tp_IncrementalNewlineDecoder;

// ---- newline helpers ------------------------------------------------------------------------
void newline_step(std::string_view in, bool translate, bool final, bool* pendingcr, int* seennl, std::string& out) {
  std::string text;
  if (*pendingcr && (!in.empty() || final)) {
    text = "\r";
    *pendingcr = false;
  }
  text.append(in);
  if (!final && !text.empty() && text.back() == '\r') {
    text.pop_back();
    *pendingcr = true;
  }
  size_t n = text.size();
  for (size_t i = 0; i < n; i++) {
    char c = text[i];
    if (c == '\n') {
      *seennl |= SEEN_LF;
      out += '\n';
    } else if (c == '\r') {
      if (i + 1 < n && text[i + 1] == '\n') {
        *seennl |= SEEN_CRLF;
        out += translate ? "\n" : "\r\n";
        i++;
      } else {
        *seennl |= SEEN_CR;
        out += translate ? '\n' : '\r';
      }
    } else {
      out += c;
    }
  }
}

Value newlines_value(int s) {
  auto S = [](const char* x) { return Value(str_intern(x)); };
  switch (s) {
    case 0: return None();
    case SEEN_LF: return S("\n");
    case SEEN_CR: return S("\r");
    case SEEN_CRLF: return S("\r\n");
    case SEEN_LF | SEEN_CR: return Value(tuple_of({S("\r"), S("\n")}));
    case SEEN_LF | SEEN_CRLF: return Value(tuple_of({S("\n"), S("\r\n")}));
    case SEEN_CR | SEEN_CRLF: return Value(tuple_of({S("\r"), S("\r\n")}));
    default: return Value(tuple_of({S("\r"), S("\n"), S("\r\n")}));
  }
}

int64_t find_line_end(std::string_view text, int64_t start, bool universal, std::string_view nl, bool final) {
  int64_t n = int64_t(text.size());
  if (universal) {
    for (int64_t i = start; i < n; i++) {
      char c = text[size_t(i)];
      if (c == '\n') return i + 1;
      if (c == '\r') {
        if (i + 1 < n) return text[size_t(i + 1)] == '\n' ? i + 2 : i + 1;
        return final ? i + 1 : -1;
      }
    }
    return -1;
  }
  size_t p = text.find(nl, size_t(start));
  return p == std::string_view::npos ? -1 : int64_t(p + nl.size());
}

// ---- IncrementalNewlineDecoder ----------------------------------------------------------------
static NewlineDecoder* ND(Value v) { return v.as<NewlineDecoder>(); }

static Result<Value> nd_new(Value* a, int64_t, Tuple*) { return Value(alloc_instance(as_type(a[0]))); }
static Result<Value> nd_init(Value* a, int64_t n, Tuple* kw) {
  Value v[3];
  TRY(parse_args("IncrementalNewlineDecoder", a + 1, n - 1, kw, {"decoder", "translate", "errors"}, 2, v));
  NewlineDecoder* d = ND(a[0]);
  d->decoder = v[0];
  d->translate = TRY(truthy(v[1]));
  d->pendingcr = false;
  d->seennl = 0;
  return None();
}
static Result<Value> nd_decode(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("decode", a + 1, n - 1, kw, {"input", "final"}, 1, v));
  NewlineDecoder* d = ND(a[0]);
  if (!d->decoder) return raise(tp_ValueError, "IncrementalNewlineDecoder.__init__() not called");
  bool final = v[1] ? TRY(truthy(v[1])) : false;
  Value out = v[0];
  if (!is_none(d->decoder)) {
    Value args[2] = {v[0], Bool(final)};
    Tuple* kwn = tuple_of({Value(str_intern("final"))});
    Value fn = TRY(getattr_str(d->decoder, "decode"));
    out = TRY(call(fn, args, 1, kwn));
  }
  if (!is_str(out)) return raise_fmt(tp_TypeError, "decoder should return a string result, not '%s'", type_name(out));
  std::string res;
  newline_step(as_str(out)->view(), d->translate, final, &d->pendingcr, &d->seennl, res);
  return text_value(res);
}
static Result<Value> nd_getstate(Value* a, int64_t, Tuple*) {
  NewlineDecoder* d = ND(a[0]);
  Value buf = bytes_from("");
  int64_t flag = 0;
  if (d->decoder && !is_none(d->decoder)) {
    Value st = TRY(call_method0(d->decoder, str_intern("getstate")));
    if (!is_tuple(st) || as_tuple(st)->size != 2) return raise(tp_TypeError, "illegal decoder state");
    buf = as_tuple(st)->items[0];
    flag = TRY(as_ssize(as_tuple(st)->items[1]));
  }
  flag <<= 1;
  if (d->pendingcr) flag |= 1;
  return Value(tuple_of({buf, int_from_i64(flag)}));
}
static Result<Value> nd_setstate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("setstate", n - 1, 1, 1));
  NewlineDecoder* d = ND(a[0]);
  if (!is_tuple(a[1]) || as_tuple(a[1])->size != 2) return raise(tp_TypeError, "state argument must be a tuple");
  int64_t flag = TRY(as_ssize(as_tuple(a[1])->items[1]));
  d->pendingcr = flag & 1;
  if (d->decoder && !is_none(d->decoder)) {
    Value st = Value(tuple_of({as_tuple(a[1])->items[0], int_from_i64(flag >> 1)}));
    TRY(call_method1(d->decoder, str_intern("setstate"), st));
  }
  return None();
}
static Result<Value> nd_reset(Value* a, int64_t, Tuple*) {
  NewlineDecoder* d = ND(a[0]);
  d->seennl = 0;
  d->pendingcr = false;
  if (d->decoder && !is_none(d->decoder)) TRY(call_method0(d->decoder, str_intern("reset")));
  return None();
}
static Result<Value> nd_newlines(Value self) { return newlines_value(ND(self)->seennl); }
static const MethodDef nd_methods[] = {
    {"__new__", nd_new, MethKind::Static}, {"__init__", nd_init}, {"decode", nd_decode},
    {"getstate", nd_getstate}, {"setstate", nd_setstate}, {"reset", nd_reset}, {nullptr, nullptr}};
static const GetSetDef nd_getsets[] = {{"newlines", nd_newlines}, {nullptr, nullptr}};

// ---- TextIOWrapper: set-up ------------------------------------------------------------------
static TextIO* T(Value v) { return v.as<TextIO>(); }

static Codec native_codec(std::string_view enc) {
  std::string n;
  for (char c : enc) n += (c == '-' || c == ' ') ? '_' : (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf") return Codec::Utf8;
  if (n == "ascii" || n == "us_ascii" || n == "646") return Codec::Ascii;
  if (n == "latin_1" || n == "latin1" || n == "iso_8859_1" || n == "iso8859_1" || n == "l1" || n == "latin" ||
      n == "8859" || n == "cp819")
    return Codec::Latin1;
  return Codec::Generic;
}

static Status live(TextIO* t) {
  if (!t->ok) {
    if (t->detached) return raise(tp_ValueError, "underlying buffer has been detached");
    return raise(tp_ValueError, "I/O operation on uninitialized object");
  }
  return OK();
}
static Result<bool> buffer_closed(TextIO* t) {
  if (t->buffer.type() == tp_BufferedReader || t->buffer.type() == tp_BufferedWriter ||
      t->buffer.type() == tp_BufferedRandom) {
    Buffered* b = t->buffer.as<Buffered>();
    if (b->ok && b->fast) return b->raw.as<FileIO>()->fd < 0;
  }
  Value c = TRY(getattr_str(t->buffer, "closed"));
  return truthy(c);
}
static Status live_open(TextIO* t) {
  TRY(live(t));
  if (TRY(buffer_closed(t))) return err_closed();
  return OK();
}

// Look up the codec for `encoding` and set codec/decoder/encoder.
static Status set_codec(TextIO* t, Str* encoding, Str* errors) {
  t->encoding = encoding;
  t->errors = errors;
  t->strict_errors = errors->view() == "strict";
  t->codec = native_codec(encoding->view());
  t->decoder = Value();
  t->encoder = Value();
  if (t->codec != Codec::Generic) return OK();
  Value codecs = TRY(import_module(str_intern("codecs")));
  Value info = TRY(call_method1(codecs, str_intern("lookup"), Value(encoding)));
  Value is_text;
  TRY(getattr_opt(info, str_intern("_is_text_encoding"), &is_text));
  if (is_text && !TRY(truthy(is_text)))
    return raise_fmt(tp_LookupError, "'%s' is not a text encoding; use codecs.open() to handle arbitrary codecs",
                     encoding->data);
  if (t->can_read) {
    Value f = TRY(getattr_str(info, "incrementaldecoder"));
    if (!is_none(f)) t->decoder = TRY(call1(f, Value(errors)));
  }
  if (t->can_write) {
    Value f = TRY(getattr_str(info, "incrementalencoder"));
    if (!is_none(f)) t->encoder = TRY(call1(f, Value(errors)));
  }
  return OK();
}

static Status set_newline(TextIO* t, Value newline) {
  t->readuniversal = is_none(newline) || as_str(newline)->nbytes == 0;
  t->readtranslate = is_none(newline);
  t->readnl = newline;
  t->writenl = nullptr;
  if (!is_none(newline) && as_str(newline)->nbytes && as_str(newline)->view() != "\n") t->writenl = as_str(newline);
  return OK();
}

static Status check_newline_arg(Value nl, const char* fname) {
  if (is_none(nl)) return OK();
  if (!is_str(nl))
    return raise_fmt(tp_TypeError, "%s() argument 'newline' must be str or None, not %s", fname, type_name(nl));
  std::string_view s = as_str(nl)->view();
  if (s != "" && s != "\n" && s != "\r" && s != "\r\n")
    return raise_fmt(tp_ValueError, "illegal newline value: %s", as_str(nl)->data);
  return OK();
}

static void reset_read_state(TextIO* t) {
  t->decoded.clear();
  t->decoded_pos = 0;
  t->pending.clear();
  t->snapshot.clear();
  t->snapshot_pos = -1;
  t->snapshot_state = Value();
  t->pendingcr = false;
  t->eof = false;
}

static Result<Value> text_new(Value* a, int64_t, Tuple*) {
  TextIO* t = static_cast<TextIO*>(alloc_io(a[0]));
  t->snapshot_pos = -1;
  return Value(t);
}

// A generic encoder writing into the middle of a file must not emit a BOM
// (after __init__ on an open file, and after reconfigure() to utf-8-sig).
static Status fix_encoder_state(TextIO* t) {
  if (!t->encoder || !t->seekable || !t->can_write) return OK();
  Value pos = TRY(call_method0(t->buffer, str_intern("tell")));
  if (TRY(as_ssize(pos)) != 0) TRY(call_method1(t->encoder, str_intern("setstate"), Value::small(0)));
  return OK();
}

static Result<Value> text_init(Value* a, int64_t n, Tuple* kw) {
  Value v[6];
  TRY(parse_args("TextIOWrapper", a + 1, n - 1, kw,
                 {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 1, v));
  TextIO* t = T(a[0]);
  t->ok = false;
  Value enc = v[1] && !is_none(v[1]) ? v[1] : Value();
  if (enc && !is_str(enc))
    return raise_fmt(tp_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s", type_name(enc));
  Value errs = v[2] && !is_none(v[2]) ? v[2] : Value(str_intern("strict"));
  if (!is_str(errs))
    return raise_fmt(tp_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s", type_name(errs));
  if (g_interp.dev_mode && v[2] && !is_none(v[2])) {
    // CPython checks the error handler at once in development mode (-X dev),
    // not at the first encoding error.
    std::string_view name = as_str(errs)->view();
    if (name.find('\0') != std::string_view::npos) return raise(tp_ValueError, "embedded null character in errors");
    Value codecs = TRY(import_module(str_intern("_codecs")));
    TRY(call_method1(codecs, str_intern("lookup_error"), errs));
  }
  Value newline = v[3] ? v[3] : None();
  TRY(check_newline_arg(newline, "TextIOWrapper"));
  // No encoding: UTF-8 mode's "utf-8", else the locale's (gilpy assumes a
  // UTF-8 locale); "locale" is the locale's even in UTF-8 mode, as in 3.11.
  Str* encoding = !enc ? str_intern(g_interp.utf8_mode > 0 ? "utf-8" : "UTF-8")
                  : as_str(enc)->view() == "locale" ? str_intern("UTF-8") : as_str(enc);
  Value buffer = v[0];
  t->buffer = buffer;
  t->can_read = TRY(truthy(TRY(call_method0(buffer, str_intern("readable")))));
  t->can_write = TRY(truthy(TRY(call_method0(buffer, str_intern("writable")))));
  t->seekable = TRY(truthy(TRY(call_method0(buffer, str_intern("seekable")))));
  t->telling = t->seekable;
  Value r1;
  TRY(getattr_opt(buffer, str_intern("read1"), &r1));
  t->has_read1 = bool(r1);
  TRY(set_codec(t, encoding, as_str(errs)));
  TRY(set_newline(t, newline));
  t->line_buffering = v[4] ? TRY(truthy(v[4])) : false;
  t->write_through = v[5] ? TRY(truthy(v[5])) : false;
  t->chunk_size = kDefaultBufferSize;
  t->seennl = 0;
  reset_read_state(t);
  t->detached = false;
  TRY(fix_encoder_state(t));
  t->wpending.clear();
  t->ok = true;
  if (t->can_write && (buffer.type() == tp_BufferedWriter || buffer.type() == tp_BufferedRandom) &&
      buffer.as<Buffered>()->fast)
    track_text(t);
  return None();
}

// Pass the pending encoded text to buffer.write.
static Status flush_pending(TextIO* t) {
  if (!t->wpending.len) return OK();
  Value b = bytes_from(t->wpending.view());
  t->wpending.clear();
  TRY(call_method1(t->buffer, N.write, b));
  return OK();
}

// ---- decoding -------------------------------------------------------------------------------
// How many trailing bytes of `in` may start a UTF-8 sequence that more input could complete.
static int64_t utf8_incomplete_tail(std::string_view in) {
  int64_t n = int64_t(in.size());
  for (int64_t k = 1; k <= 3 && k <= n; k++) {
    unsigned char c = static_cast<unsigned char>(in[size_t(n - k)]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte: keep looking for the lead
    int need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

// Decode `in` with a native codec: text for the complete part, *held = bytes held back
// (unless final). Newline handling is applied when reading in universal mode.
static Result<std::string> native_decode(TextIO* t, std::string_view in, bool final, int64_t* held) {
  int64_t hold = 0;
  if (!final) {
    if (t->codec == Codec::Utf8) hold = utf8_incomplete_tail(in);
    if (t->readuniversal && hold == 0 && !in.empty() && in.back() == '\r') hold = 1;
  }
  *held = hold;
  std::string_view body = in.substr(0, in.size() - size_t(hold));
  const char* enc = t->codec == Codec::Utf8 ? "utf-8" : t->codec == Codec::Ascii ? "ascii" : "latin-1";
  std::string text;
  bool plain = true;
  for (char c : body)
    if (static_cast<unsigned char>(c) >= 0x80) { plain = false; break; }
  if (plain) {
    text.assign(body);
  } else {
    Value s = TRY(codec_decode(body, enc, t->errors->view()));
    text.assign(as_str(s)->view());
  }
  if (!t->readuniversal) return text;
  std::string out;
  bool pcr = false;
  newline_step(text, t->readtranslate, true, &pcr, &t->seennl, out);
  return out;
}

// Generic codec step: decoder.decode(input, final) then the newline step.
static Result<std::string> generic_decode(TextIO* t, Value decoder, std::string_view in, bool final, bool* pendingcr,
                                          int* seennl) {
  Value args[2] = {bytes_from(in), Bool(final)};
  Value r = TRY(call_method(decoder, str_intern("decode"), args, 2));
  if (!is_str(r)) return raise_fmt(tp_TypeError, "decoder should return a string result, not '%s'", type_name(r));
  if (!t->readuniversal) return std::string(as_str(r)->view());
  std::string out;
  newline_step(as_str(r)->view(), t->readtranslate, final, pendingcr, seennl, out);
  return out;
}

// Read and decode the next chunk into `decoded` (which must be fully consumed);
// A decoder's getstate() result, checked as CPython's reads do before
// decoding: a (bytes, int) pair.
static Result<Value> decoder_state(TextIO* t) {
  Value st = TRY(call_method0(t->decoder, str_intern("getstate")));
  if (!is_tuple(st) || as_tuple(st)->size != 2) return raise(tp_TypeError, "illegal decoder state");
  Value buf = as_tuple(st)->items[0];
  if (!is_bytes(buf))
    return raise_fmt(tp_TypeError, "illegal decoder state: the first item should be a bytes object, not '%s'",
                     type_name(buf));
  return st;
}

// false at end of file.
static Result<bool> read_chunk(TextIO* t, int64_t size_hint) {
  if (t->eof) return false;
  int64_t start = -1;
  if (t->telling) {
    // Where the buffer now stands: after the last chunk, including the bytes
    // a native codec held back (they are not in its snapshot).
    if (t->snapshot_pos >= 0) start = t->snapshot_pos + t->snapshot.len + (t->codec != Codec::Generic ? t->pending.len : 0);
    else {
      // CPython's read keeps no absolute position and never calls tell()
      // here; gilpy's snapshot wants one, but a stream that stopped being
      // seekable (stdin after pty.fork(): seekable() was cached before)
      // must still read. Its tell() fails later, as in CPython.
      Result<Value> pos = call_method0(t->buffer, str_intern("tell"));
      Result<int64_t> p = pos.is_err() ? Result<int64_t>(ERR) : as_ssize(pos.value());
      if (p.is_err()) {
        if (!exc_matches(tp_OSError)) return ERR;
        exc_clear();
      } else {
        start = p.value();
      }
    }
  }
  int64_t want = std::max(t->chunk_size, size_hint);
  Value chunk = TRY(call_method1(t->buffer, str_intern(t->has_read1 ? "read1" : "read"), Value::small(want)));
  if (is_none(chunk)) chunk = bytes_from("");
  std::string_view in = TRY(buffer_view(chunk));
  bool eof = in.empty();
  t->decoded.clear();
  t->decoded_pos = 0;
  if (t->codec != Codec::Generic) {
    std::string input(t->pending.view());
    input.append(in);
    int64_t held = 0;
    std::string text = TRY(native_decode(t, input, eof, &held));
    t->decoded.append(text);
    if (start >= 0) {
      t->snapshot_pos = start - t->pending.len;
      t->snapshot.assign(std::string_view(input).substr(0, input.size() - size_t(held)));
    }
    t->pending.assign(std::string_view(input).substr(input.size() - size_t(held)));
  } else {
    if (!t->decoder) return unsupported("not readable");
    if (start >= 0) {
      t->snapshot_state = TRY(decoder_state(t));
      t->snapshot_pendingcr = t->pendingcr;
      t->snapshot_pos = start;
      t->snapshot.assign(in);
    }
    std::string text = TRY(generic_decode(t, t->decoder, in, eof, &t->pendingcr, &t->seennl));
    t->decoded.append(text);
  }
  if (eof) t->eof = true;
  return !eof || t->decoded.len > 0;
}

static Status check_readable_text(TextIO* t) {
  TRY(live_open(t));
  if (!t->can_read) return unsupported("not readable");
  return flush_pending(t);
}

// Take the unconsumed decoded text (all of it).
static std::string_view take_all(TextIO* t) {
  std::string_view v = t->decoded.view().substr(size_t(t->decoded_pos));
  t->decoded_pos = t->decoded.len;
  return v;
}

static Result<Value> text_read(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("read", a + 1, n - 1, kw, {"size"}, 0, v));
  TextIO* t = T(a[0]);
  TRY(live(t));
  int64_t size = TRY(size_arg(v[0]));
  TRY(check_readable_text(t));
  if (size < 0) {
    std::string res(take_all(t));
    Value rest = TRY(call_method0(t->buffer, N.read));
    std::string_view in;
    if (!is_none(rest)) in = TRY(buffer_view(rest));
    if (t->codec != Codec::Generic) {
      std::string input(t->pending.view());
      input.append(in);
      int64_t held;
      res += TRY(native_decode(t, input, true, &held));
    } else {
      if (!t->decoder) return unsupported("not readable");
      res += TRY(generic_decode(t, t->decoder, in, true, &t->pendingcr, &t->seennl));
    }
    reset_read_state(t);
    t->eof = true;
    return text_value(res);
  }
  std::string res;
  int64_t need = size;
  while (need > 0) {
    std::string_view avail = t->decoded.view().substr(size_t(t->decoded_pos));
    int64_t off = text::skip_cps(avail.data(), int64_t(avail.size()), 0, need);
    res.append(avail.substr(0, size_t(off)));
    need -= text::count_cps(avail.data(), off);
    t->decoded_pos += off;
    if (need <= 0) break;
    bool more = TRY(read_chunk(t, need));
    if (!more) break;
  }
  return text_value(res);
}

static Result<Value> readline_impl(TextIO* t, int64_t limit) {
  TRY(check_readable_text(t));
  std::string acc;
  int64_t acc_cps = 0;
  bool universal = t->readuniversal && !t->readtranslate;
  std::string_view nl = t->readtranslate ? "\n" : universal ? "" : as_str(t->readnl)->view();
  for (;;) {
    std::string_view rem = t->decoded.view().substr(size_t(t->decoded_pos));
    int64_t end = -1;
    if (!universal && nl.size() == 2 && !acc.empty() && acc.back() == '\r' && !rem.empty() && rem[0] == '\n')
      end = 1;  // "\r\n" split between chunks
    else
      end = find_line_end(rem, 0, universal, nl, t->eof);
    if (limit >= 0) {
      int64_t left = limit - acc_cps;
      int64_t lim_off = text::skip_cps(rem.data(), int64_t(rem.size()), 0, left);
      bool reached = text::count_cps(rem.data(), lim_off) >= left;
      if (reached && (end < 0 || end > lim_off)) {
        acc.append(rem.substr(0, size_t(lim_off)));
        t->decoded_pos += lim_off;
        break;
      }
    }
    if (end >= 0) {
      acc.append(rem.substr(0, size_t(end)));
      t->decoded_pos += end;
      break;
    }
    acc.append(rem);
    acc_cps += text::count_cps(rem.data(), int64_t(rem.size()));
    t->decoded_pos = t->decoded.len;
    bool more = TRY(read_chunk(t, 0));
    if (!more) break;
  }
  return text_value(acc);
}

static Result<Value> text_readline(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("readline", a + 1, n - 1, kw, {"size"}, 0, v));
  TextIO* t = T(a[0]);
  TRY(live(t));
  int64_t limit = -1;
  if (v[0] && !is_none(v[0])) {
    if (!is_int(v[0])) return raise_fmt(tp_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v[0]));
    limit = TRY(as_ssize(v[0]));
  }
  return readline_impl(t, limit);
}

static Result<Value> text_next(Value* a, int64_t, Tuple*) {
  TextIO* t = T(a[0]);
  TRY(live(t));
  t->telling = false;
  Value line = TRY(readline_impl(t, -1));
  if (as_str(line)->nbytes == 0) {
    t->snapshot_pos = -1;
    t->snapshot.clear();
    t->telling = t->seekable;
    return raise_stop_iteration(Value());
  }
  return line;
}

// ---- writing --------------------------------------------------------------------------------
static Result<Value> text_write(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("write", n - 1, 1, 1));
  TextIO* t = T(a[0]);
  TRY(live(t));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "write() argument must be str, not %s", type_name(a[1]));
  TRY(live_open(t));
  if (!t->can_write) return unsupported("not writable");
  Str* s = as_str(a[1]);
  std::string_view sv = s->view();
  bool haslf = sv.find('\n') != std::string_view::npos;
  Str* out = s;
  if (haslf && t->writenl) {
    int64_t cnt;
    out = str_new(text::replace(sv, "\n", t->writenl->view(), -1, &cnt));
  }
  bool needflush = t->line_buffering && (haslf || sv.find('\r') != std::string_view::npos);
  Value b;
  if (t->codec != Codec::Generic) {
    const char* enc = t->codec == Codec::Utf8 ? "utf-8" : t->codec == Codec::Ascii ? "ascii" : "latin-1";
    b = TRY(codec_encode(out, enc, t->errors->view()));
  } else {
    if (!t->encoder) return unsupported("not writable");
    b = TRY(call_method1(t->encoder, str_intern("encode"), Value(out)));
    if (!is_bytes(b)) return raise_fmt(tp_TypeError, "encoder should return a bytes object, not '%s'", type_name(b));
  }
  // Written text invalidates the read-ahead, as in CPython.
  if (t->decoded.len || t->snapshot_pos >= 0) {
    reset_read_state(t);
    if (t->decoder) TRY(call_method0(t->decoder, str_intern("reset")));
  }
  // As CPython's (bpo-43260): pending bytes never grow past a chunk; what
  // is pending goes out first, then a chunk's worth or more goes out alone.
  if (t->wpending.len && t->wpending.len + as_bytes(b)->size > t->chunk_size) TRY(flush_pending(t));
  t->wpending.append(as_bytes(b)->view());
  if (t->wpending.len >= t->chunk_size || t->write_through || needflush) TRY(flush_pending(t));
  if (needflush) TRY(call_method0(t->buffer, N.flush));
  return Value::small(s->length);
}

static Result<Value> text_flush(Value* a, int64_t, Tuple*) {
  TextIO* t = T(a[0]);
  TRY(live_open(t));
  t->telling = t->seekable;
  TRY(flush_pending(t));
  return call_method0(t->buffer, N.flush);
}

static Result<Value> text_close(Value* a, int64_t, Tuple*) {
  TextIO* t = T(a[0]);
  TRY(live(t));
  if (TRY(buffer_closed(t))) return None();
  Result<Value> fr = call_method0(a[0], N.flush);
  Value err = fr.is_err() ? exc_fetch() : Value();
  Result<Value> cr = call_method0(t->buffer, N.close);
  if (cr.is_err() || err) return exc_chain_pending(err);
  return None();
}

// ---- positioning ----------------------------------------------------------------------------
// Output bytes produced by the native decoder from snapshot[0..k) (held-back bytes excluded).
static Result<int64_t> native_out_len(TextIO* t, int64_t k) {
  int seen = t->seennl;
  int64_t held;
  std::string s = TRY(native_decode(t, t->snapshot.view().substr(0, size_t(k)), false, &held));
  t->seennl = seen;
  return int64_t(s.size());
}
static Result<int64_t> generic_out_len(TextIO* t, int64_t k) {
  TRY(call_method1(t->decoder, str_intern("setstate"), t->snapshot_state));
  bool pcr = t->snapshot_pendingcr;
  int seen = 0;
  std::string s = TRY(generic_decode(t, t->decoder, t->snapshot.view().substr(0, size_t(k)), false, &pcr, &seen));
  return int64_t(s.size());
}

// The position to seek back to, and in *pending_cr whether the decoder
// then holds a '\r' it has read (universal newlines: a '\r' that ended a
// chunk, whose meaning the next byte decides). That flag travels in the
// cookie as CPython's does (bit 64: the newline decoder's pendingcr), so
// seek(tell()) reads on exactly as before, e.g. one '\n' for "\r|\n".
static Result<int64_t> tell_impl(TextIO* t, bool* pending_cr = nullptr) {
  if (pending_cr) *pending_cr = false;
  if (!t->seekable) return unsupported("underlying stream is not seekable");
  if (!t->telling) return raise(tp_OSError, "telling position disabled by next() call");
  TRY(flush_pending(t));
  TRY(call_method0(t->buffer, N.flush));
  if (t->snapshot_pos < 0) {
    Value p = TRY(call_method0(t->buffer, str_intern("tell")));
    return as_ssize(p);
  }
  int64_t target = t->decoded_pos;
  if (t->codec != Codec::Generic) {
    if (target == t->decoded.len) {
      if (pending_cr && t->readuniversal && t->pending.len == 1 && t->pending.view()[0] == '\r') {
        *pending_cr = true;
        return t->snapshot_pos + t->snapshot.len + 1;
      }
      return t->snapshot_pos + t->snapshot.len;
    }
    std::string_view in = t->snapshot.view();
    if (t->strict_errors) {
      // Strict native decoding maps input to output predictably: walk it.
      int64_t i = 0, o = 0, n = int64_t(in.size());
      while (o < target && i < n) {
        unsigned char c = static_cast<unsigned char>(in[size_t(i)]);
        if (c == '\r' && t->readtranslate && i + 1 < n && in[size_t(i + 1)] == '\n') {
          i += 2;
          o += 1;
        } else {
          i++;
          o += (t->codec == Codec::Latin1 && c >= 0x80) ? 2 : 1;
        }
      }
      return t->snapshot_pos + i;
    }
  } else if (target == t->decoded.len) {
    Value st = TRY(call_method0(t->decoder, str_intern("getstate")));
    if (pending_cr && t->pendingcr && is_tuple(st) && as_tuple(st)->size == 2 &&
        TRY(len(as_tuple(st)->items[0])) == 0) {
      *pending_cr = true;
      return t->snapshot_pos + t->snapshot.len;
    }
    if (is_tuple(st) && as_tuple(st)->size == 2 && TRY(len(as_tuple(st)->items[0])) == 0 && !t->pendingcr)
      return t->snapshot_pos + t->snapshot.len;
  }
  // Otherwise search for the shortest input prefix whose output covers the consumed text.
  Value saved;
  if (t->codec == Codec::Generic) saved = TRY(call_method0(t->decoder, str_intern("getstate")));
  int64_t lo = 0, hi = t->snapshot.len;
  while (lo < hi) {
    int64_t mid = (lo + hi) / 2;
    int64_t o = t->codec == Codec::Generic ? TRY(generic_out_len(t, mid)) : TRY(native_out_len(t, mid));
    if (o >= target) hi = mid;
    else lo = mid + 1;
  }
  if (t->codec == Codec::Generic) TRY(call_method1(t->decoder, str_intern("setstate"), saved));
  return t->snapshot_pos + lo;
}

static Result<Value> tell_cookie(TextIO* t) {
  bool pending_cr = false;
  int64_t pos = TRY(tell_impl(t, &pending_cr));
  if (!pending_cr) return int_from_i64(pos);
  Value flag = TRY(binary_op(Value::small(1), Value::small(64), bytecode::NB_LSHIFT));
  return binary_op(int_from_i64(pos), flag, bytecode::NB_OR);
}

static Result<Value> text_tell(Value* a, int64_t, Tuple*) {
  TextIO* t = T(a[0]);
  TRY(live_open(t));
  return tell_cookie(t);
}

static Status reset_codecs_at(TextIO* t, int64_t pos) {
  reset_read_state(t);
  if (t->decoder) TRY(call_method0(t->decoder, str_intern("reset")));
  if (t->encoder) {
    if (pos == 0) TRY(call_method0(t->encoder, str_intern("reset")));
    else TRY(call_method1(t->encoder, str_intern("setstate"), Value::small(0)));
  }
  return OK();
}

static Result<Value> text_seek(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("seek", n - 1, 1, 2));
  TextIO* t = T(a[0]);
  TRY(live_open(t));
  Value cookie = a[1];
  int64_t whence = n > 2 ? TRY(as_ssize(a[2])) : 0;
  if (!t->seekable) return unsupported("underlying stream is not seekable");
  if (whence == 1) {
    if (!is_int(cookie) || int_sign(cookie) != 0) return unsupported("can't do nonzero cur-relative seeks");
    cookie = TRY(tell_cookie(t));
    whence = 0;
  } else if (whence == 2) {
    if (!is_int(cookie) || int_sign(cookie) != 0) return unsupported("can't do nonzero end-relative seeks");
    TRY(call_method0(a[0], N.flush));
    Value args[2] = {Value::small(0), Value::small(2)};
    Value r = TRY(call_method(t->buffer, str_intern("seek"), args, 2));
    TRY(reset_codecs_at(t, TRY(as_ssize(r))));
    t->eof = false;
    return r;
  } else if (whence != 0) {
    return raise_fmt(tp_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  }
  if (!is_int(cookie) && !type_lookup(cookie.type(), N.__index__))
    return raise_fmt(tp_TypeError, "an integer is required");
  // A cookie from tell(): the byte position in its low 64 bits, the decoder's
  // pending '\r' in bit 64 (see tell_impl).
  Value idx = TRY(index_value(cookie));
  if (int_sign(idx) < 0) return raise_fmt(tp_ValueError, "negative seek position %s", TRY(repr(idx))->data);
  bool pending_cr = false;
  int64_t pos;
  if (!int_fits_i64(idx, &pos)) {
    Value low = TRY(binary_op(idx, TRY(binary_op(TRY(binary_op(Value::small(1), Value::small(64), bytecode::NB_LSHIFT)),
                                                 Value::small(1), bytecode::NB_SUBTRACT)), bytecode::NB_AND));
    Value high = TRY(binary_op(idx, Value::small(64), bytecode::NB_RSHIFT));
    pos = TRY(as_ssize(low));
    pending_cr = TRY(as_ssize(TRY(binary_op(high, Value::small(1), bytecode::NB_AND)))) != 0;
  }
  TRY(call_method0(a[0], N.flush));
  TRY(call_method1(t->buffer, str_intern("seek"), int_from_i64(pos)));
  TRY(reset_codecs_at(t, pos));
  if (pending_cr && t->readuniversal) {
    if (t->codec != Codec::Generic) t->pending.assign("\r");
    else t->pendingcr = true;
  }
  return cookie;
}

static Result<Value> text_truncate(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("truncate", n - 1, 0, 1));
  TextIO* t = T(a[0]);
  TRY(live(t));
  TRY(call_method0(a[0], N.flush));
  Value pos = n > 1 ? a[1] : None();
  if (is_none(pos)) pos = TRY(call_method0(a[0], str_intern("tell")));
  return call_method1(t->buffer, str_intern("truncate"), pos);
}

// ---- other methods --------------------------------------------------------------------------
static Result<Value> text_detach(Value* a, int64_t, Tuple*) {
  TextIO* t = T(a[0]);
  TRY(live(t));
  TRY(call_method0(a[0], N.flush));
  TRY(flush_pending(t));
  Value b = t->buffer;
  t->buffer = Value();
  t->ok = false;
  t->detached = true;
  return b;
}
static Result<Value> delegate(Value self, const char* meth) {
  TextIO* t = T(self);
  TRY(live(t));
  return call_method0(t->buffer, str_intern(meth));
}
static Result<Value> text_fileno(Value* a, int64_t, Tuple*) { return delegate(a[0], "fileno"); }
static Result<Value> text_isatty(Value* a, int64_t, Tuple*) { return delegate(a[0], "isatty"); }
static Result<Value> text_seekable(Value* a, int64_t, Tuple*) {
  TRY(live_open(T(a[0])));
  return Bool(T(a[0])->seekable);
}
static Result<Value> text_readable(Value* a, int64_t, Tuple*) { return delegate(a[0], "readable"); }
static Result<Value> text_writable(Value* a, int64_t, Tuple*) { return delegate(a[0], "writable"); }

static Result<Value> text_reconfigure(Value* a, int64_t n, Tuple* kw) {
  Value v[5];
  TRY(parse_args("reconfigure", a + 1, n - 1, kw, {"encoding", "errors", "newline", "line_buffering", "write_through"},
                 0, v, 0, 0));
  TextIO* t = T(a[0]);
  TRY(live(t));
  Value enc = v[0] && !is_none(v[0]) ? v[0] : Value();
  Value errs = v[1] && !is_none(v[1]) ? v[1] : Value();
  bool newline_given = v[2] && v[2].obj() != g_Ellipsis;
  if (enc && !is_str(enc))
    return raise_fmt(tp_TypeError, "reconfigure() argument 'encoding' must be str or None, not %s", type_name(enc));
  if (errs && !is_str(errs))
    return raise_fmt(tp_TypeError, "reconfigure() argument 'errors' must be str or None, not %s", type_name(errs));
  if (newline_given) TRY(check_newline_arg(v[2], "reconfigure"));
  if ((enc || errs || newline_given) && (t->decoded.len > 0 || t->snapshot_pos >= 0))
    return unsupported("It is not possible to set the encoding or newline of stream after the first read");
  TRY(call_method0(a[0], N.flush));
  if (enc || errs) {
    Str* e = enc ? (as_str(enc)->view() == "locale" ? str_intern("UTF-8") : as_str(enc)) : t->encoding;
    Str* er = errs ? as_str(errs) : enc ? str_intern("strict") : t->errors;
    TRY(set_codec(t, e, er));
    TRY(fix_encoder_state(t));
  }
  if (newline_given) TRY(set_newline(t, v[2]));
  if (v[3] && !is_none(v[3])) t->line_buffering = TRY(truthy(v[3]));
  if (v[4] && !is_none(v[4])) t->write_through = TRY(truthy(v[4]));
  return None();
}

static Result<Value> text_repr(Value* a, int64_t, Tuple*) {
  TextIO* t = T(a[0]);
  std::string tn = a[0].type() == tp_TextIOWrapper ? "_io.TextIOWrapper" : std::string(a[0].type()->name->view());
  // Uninitialized: ValueError, as CPython's; detached still shows its encoding.
  if (!t->ok && !t->detached) return raise(tp_ValueError, "I/O operation on uninitialized object");
  std::string s = "<" + tn;
  for (const char* attr : {"name", "mode"}) {
    Value v;
    Status st = getattr_opt(a[0], str_intern(attr), &v);
    if (st.is_err()) {
      if (!exc_matches(tp_Exception)) return ERR;
      exc_clear();
      continue;
    }
    if (v) s += std::string(" ") + attr + "=" + std::string(TRY(repr(v))->view());
  }
  s += " encoding=" + std::string(TRY(repr(Value(t->encoding)))->view()) + ">";
  return str_value(s);
}
static Result<Value> text_getstate(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot pickle '%s' object", type_name(a[0]));
}

static Result<Value> get_encoding(Value self) { return Value(T(self)->encoding ? T(self)->encoding : str_empty()); }
static Result<Value> get_errors(Value self) { return Value(T(self)->errors ? T(self)->errors : str_empty()); }
static Result<Value> get_buffer(Value self) {
  TRY(live(T(self)));
  return T(self)->buffer;
}
static Result<Value> get_closed(Value self) {
  TRY(live(T(self)));
  return getattr_str(T(self)->buffer, "closed");
}
static Result<Value> get_name(Value self) {
  TRY(live(T(self)));
  return getattr(T(self)->buffer, N.name);
}
static Result<Value> get_newlines(Value self) {
  TextIO* t = T(self);
  TRY(live(t));
  if (!t->readuniversal) return None();
  return newlines_value(t->seennl);
}
static Result<Value> get_line_buffering(Value self) { return Bool(T(self)->line_buffering); }
static Result<Value> get_write_through(Value self) { return Bool(T(self)->write_through); }
static Result<Value> get_chunk_size(Value self) { return Value::small(T(self)->chunk_size); }
static Status set_chunk_size(Value self, Value v) {
  if (!v) return raise(tp_AttributeError, "cannot delete attribute");
  int64_t n = TRY(as_ssize(v));
  if (n <= 0) return raise(tp_ValueError, "a strictly positive integer is required");
  T(self)->chunk_size = n;
  return OK();
}

static const MethodDef text_methods[] = {
    {"__new__", text_new, MethKind::Static}, {"__init__", text_init}, {"read", text_read},
    {"readline", text_readline}, {"__next__", text_next}, {"write", text_write}, {"flush", text_flush},
    {"close", text_close}, {"tell", text_tell}, {"seek", text_seek}, {"truncate", text_truncate},
    {"detach", text_detach}, {"fileno", text_fileno}, {"isatty", text_isatty}, {"seekable", text_seekable},
    {"readable", text_readable}, {"writable", text_writable}, {"reconfigure", text_reconfigure},
    {"__repr__", text_repr}, {"__getstate__", text_getstate}, {nullptr, nullptr}};
static const GetSetDef text_getsets[] = {
    {"encoding", get_encoding}, {"errors", get_errors}, {"buffer", get_buffer}, {"closed", get_closed},
    {"name", get_name}, {"newlines", get_newlines}, {"line_buffering", get_line_buffering},
    {"write_through", get_write_through}, {"_CHUNK_SIZE", get_chunk_size, set_chunk_size}, {nullptr, nullptr}};

void make_text_types() {
  tp_TextIOWrapper = native_type_new("_io", "TextIOWrapper", tp_TextIOBase, Layout::Other, sizeof(TextIO),
                                     text_methods, text_getsets);
  tp_TextIOWrapper->dict_offset = sizeof(Object);
  tp_IncrementalNewlineDecoder = native_type_new("_io", "IncrementalNewlineDecoder", tp_object, Layout::Other,
                                                 sizeof(NewlineDecoder), nd_methods, nd_getsets);
  tp_IncrementalNewlineDecoder->dict_offset = sizeof(Object);
}

}  // namespace gilpy::io
