// _pickle.Unpickler: pickle bytes -> objects, every opcode of protocols 0-5,
// with CPython 3.11's C unpickler's errors for truncated or hostile data.
//
// The object stack and the mark stack are separate (as in the C unpickler):
// the innermost mark is a fence that pops may not cross ("unexpected MARK
// found"); below an empty stack without marks it is "unpickling stack
// underflow".
//
// Input: loads() reads the data in place. A file is read as CPython does, so
// it is left right after the pickle: with peek() the Unpickler looks 128 KiB
// ahead without consuming and read()s what it used before the next peek and at
// STOP; without it, each read asks for exactly what the opcode needs; large
// payloads go through readinto().
#include <cerrno>
#include <cmath>
#include <cstring>

#include "common/numfmt.h"
#include "modules/_pickle_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy::pickle {

namespace {

Str* s_find_class;

Err truncated() { return raise_unpickling("pickle data was truncated"); }

int64_t fence(Unpickler* u) { return u->marks->empty() ? 0 : u->marks->back(); }
int64_t depth(Unpickler* u) { return int64_t(u->stack->size()); }

Err underflow(Unpickler* u) {
  return raise_unpickling(u->marks->empty() ? "unpickling stack underflow" : "unexpected MARK found");
}

Result<Value> pop(Unpickler* u) {
  if (depth(u) <= fence(u)) return underflow(u);
  Value v = u->stack->back();
  u->stack->pop_back();
  return v;
}
void push(Unpickler* u, Value v) { u->stack->push_back(v); }

Result<int64_t> marker(Unpickler* u) {
  if (u->marks->empty()) return raise_unpickling("could not find MARK");
  int64_t m = u->marks->back();
  u->marks->pop_back();
  return m;
}

Tuple* pop_tuple(Unpickler* u, int64_t start) {
  Tuple* t = tuple_from(u->stack->data() + start, depth(u) - start);
  u->stack->resize(size_t(start));
  return t;
}
List* pop_list(Unpickler* u, int64_t start) {
  List* l = list_from(u->stack->data() + start, depth(u) - start);
  u->stack->resize(size_t(start));
  return l;
}

// ---- input -------------------------------------------------------------------------------

void set_input(Unpickler* u, Value data) {
  std::string_view v = is_bytes(data) ? as_bytes(data)->view() : std::string_view();
  u->input = data;
  u->buf = v.data();
  u->len = int64_t(v.size());
  u->pos = 0;
  u->prefetched = u->len;
}

// Advance the file past what was used of peeked data.
Status skip_consumed(Unpickler* u) {
  int64_t consumed = u->pos - u->prefetched;
  if (consumed <= 0) return OK();
  u->prefetched = u->pos;
  TRY(call1(u->read, Value::small(consumed)));
  return OK();
}

// What read/readline/peek returned, as bytes (any bytes-like object is accepted).
Result<Value> as_input(Value data) {
  if (is_bytes(data)) return data;
  std::string_view v;
  if (!buffer_view_opt(data, &v))
    return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(data));
  return bytes_from(v);
}

// Make at least n bytes available at pos (the input is replaced by the file's data).
Status fill(Unpickler* u, int64_t n) {
  if (!u->read) return truncated();
  TRY(skip_consumed(u));
  if (u->peek && n < kPrefetch) {
    Result<Value> r = call1(u->peek, Value::small(kPrefetch));
    if (!r.ok()) {
      if (!exc_matches(tp_NotImplementedError)) return ERR;
      exc_clear();
      u->peek = Value();
    } else {
      set_input(u, TRY(as_input(r.value())));
      u->prefetched = 0;
      if (n <= u->len) return OK();
    }
  }
  Value data = TRY(call1(u->read, int_from_i64(n)));
  set_input(u, TRY(as_input(data)));
  if (u->len < n) return truncated();
  return OK();
}

Result<const char*> read(Unpickler* u, int64_t n) {
  if (n > INT64_MAX - u->pos) return raise_unpickling("read would overflow (invalid bytecode)");
  if (u->len - u->pos < n) TRY(fill(u, n));
  const char* s = u->buf + u->pos;
  u->pos += n;
  return s;
}

// One line with its '\n' (the view excludes it).
Result<std::string_view> readline(Unpickler* u) {
  for (int64_t i = u->pos; i < u->len; i++)
    if (u->buf[i] == '\n') {
      std::string_view line(u->buf + u->pos, size_t(i - u->pos));
      u->pos = i + 1;
      return line;
    }
  if (!u->read) return truncated();
  TRY(skip_consumed(u));
  Value data = TRY(call0(u->readline));
  set_input(u, TRY(as_input(data)));
  if (u->len == 0 || u->buf[u->len - 1] != '\n') return truncated();
  u->pos = u->len;
  return std::string_view(u->buf, size_t(u->len - 1));
}

// n bytes into a fresh bytes object (readinto() for what the buffer lacks).
Result<Value> read_bytes(Unpickler* u, uint64_t n) {
  if (n > uint64_t(INT64_MAX) - 64) return raise(tp_OverflowError, "byte string is too large");
  int64_t avail = u->len - u->pos;
  if (int64_t(n) <= avail) {
    Value b = bytes_from(std::string_view(u->buf + u->pos, size_t(n)));
    u->pos += int64_t(n);
    return b;
  }
  if (!u->read) return truncated();  // in memory: no need to allocate what is not there
  Bytes* b;
  try {
    b = bytes_new(int64_t(n));
  } catch (const std::bad_alloc&) {
    return raise_memory_error();
  }
  if (!b) return ERR;
  std::memcpy(b->data, u->buf + u->pos, size_t(avail));
  u->pos += avail;
  int64_t rest = int64_t(n) - avail;
  TRY(skip_consumed(u));
  if (!u->readinto) {
    Value data = TRY(call1(u->read, int_from_i64(rest)));
    if (!is_bytes(data)) {
      Str* r = TRY(repr(data));
      return raise_fmt(tp_ValueError, "read() returned non-bytes object (%s)", r->data);
    }
    if (as_bytes(data)->size < rest) return truncated();
    std::memcpy(b->data + avail, as_bytes(data)->data, size_t(rest));
    return Value(b);
  }
  ByteArray* ba;
  try {
    ba = bytearray_new();
    TRY(bytearray_resize(ba, rest));
  } catch (const std::bad_alloc&) {
    return raise_memory_error();
  }
  Value view = TRY(call1(Value(tp_memoryview), Value(ba)));
  Value got = TRY(call1(u->readinto, view));
  Result<Value> rel = call_method0(view, str_intern("release"));
  if (!rel.ok()) exc_clear();
  int64_t k = is_none(got) ? 0 : TRY(as_ssize(got));
  if (k < rest) return truncated();
  std::memcpy(b->data + avail, ba->data, size_t(rest));
  return Value(b);
}

Err too_large(const char* op) {
  return raise_fmt(tp_OverflowError, "%s exceeds system's maximum size of 9223372036854775807 bytes", op);
}

uint64_t le(const char* s, int n) {
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; i--) v = (v << 8) | uint8_t(s[i]);
  return v;
}

// ---- memo ------------------------------------------------------------------------------------

constexpr uint64_t kMemoVectorMax = 1u << 20;

Value memo_get(Unpickler* u, uint64_t idx) {
  if (idx < u->memo->size()) return (*u->memo)[idx];
  if (!u->memo_big) return Value();
  auto it = u->memo_big->find(idx);
  return it == u->memo_big->end() ? Value() : it->second;
}
void memo_put(Unpickler* u, uint64_t idx, Value v) {
  if (!memo_get(u, idx)) u->memo_len++;
  if (idx < kMemoVectorMax) {
    if (idx >= u->memo->size()) u->memo->resize(size_t(idx + 1));
    (*u->memo)[idx] = v;
    return;
  }
  if (!u->memo_big) u->memo_big = gc::make<IndexMap>();
  (*u->memo_big)[idx] = v;
}

Status push_memo(Unpickler* u, uint64_t idx) {
  Value v = memo_get(u, idx);
  if (!v) return raise_unpickling("Memo value not found at index " + std::to_string(idx));
  push(u, v);
  return OK();
}

Status put_memo(Unpickler* u, uint64_t idx) {
  if (depth(u) <= fence(u)) return underflow(u);
  memo_put(u, idx, u->stack->back());
  return OK();
}

// ---- opcode helpers -----------------------------------------------------------------------------

Result<Value> decode_string(Unpickler* u, Value bytes) {
  if (u->encoding->view() == "bytes") return bytes;
  return codec_decode(as_bytes(bytes)->view(), u->encoding->view(), u->errors->view());
}

Result<Value> utf8_str(std::string_view s) { return codec_decode(s, "utf-8", "surrogatepass"); }

Result<Value> find_class(Unpickler* u, Value module, Value name) {
  Value args[3] = {Value(u), module, name};
  return call_method(Value(u), s_find_class, args + 1, 2);
}

Result<Value> instantiate(Value cls, Tuple* args) {
  Value f;
  TRY(getattr_opt(cls, str_intern("__getinitargs__"), &f));
  if (!f && args->size == 0 && is_type(cls)) {
    Value newf = TRY(getattr(cls, N.__new__));
    return call1(newf, cls);
  }
  return call_ex(cls, args, nullptr);
}

Status load_build(Unpickler* u) {
  Value state = TRY(pop(u));
  if (depth(u) <= fence(u)) return underflow(u);
  Value inst = u->stack->back();
  Value setstate;
  TRY(getattr_opt(inst, N.__setstate__, &setstate));
  if (setstate) {
    TRY(call1(setstate, state));
    return OK();
  }
  Value slotstate;
  if (is_tuple(state) && as_tuple(state)->size == 2) {
    slotstate = as_tuple(state)->items[1];
    state = as_tuple(state)->items[0];
  }
  if (!is_none(state)) {
    if (!is_dict(state)) return raise_unpickling("state is not a dictionary");
    Value d = TRY(getattr(inst, N.__dict__));
    int64_t pos = 0;
    Value k, v;
    while (dict_next(as_dict(state), &pos, &k, &v)) {
      if (isinstance_exact(k, tp_str)) k = Value(str_intern(as_str(k)));
      TRY(setitem(d, k, v));
    }
  }
  if (slotstate && !is_none(slotstate)) {
    if (!is_dict(slotstate)) return raise_unpickling("slot state is not a dictionary");
    int64_t pos = 0;
    Value k, v;
    while (dict_next(as_dict(slotstate), &pos, &k, &v)) {
      if (!is_str(k)) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(k));
      TRY(setattr(inst, as_str(k), v));
    }
  }
  return OK();
}

Status load_appends(Unpickler* u, int64_t x) {
  int64_t len = depth(u);
  if (x > len || x <= fence(u)) return underflow(u);
  if (len == x) return OK();
  Value list = (*u->stack)[size_t(x - 1)];
  if (isinstance_exact(list, tp_list)) {
    List* items = pop_list(u, x);
    return list_extend(as_list(list), Value(items));
  }
  Value ext;
  TRY(getattr_opt(list, str_intern("extend"), &ext));
  if (ext) {
    List* items = pop_list(u, x);
    TRY(call1(ext, Value(items)));
    return OK();
  }
  Value app = TRY(getattr(list, N.append));
  for (int64_t i = x; i < len; i++) TRY(call1(app, (*u->stack)[size_t(i)]));
  u->stack->resize(size_t(x));
  return OK();
}

Status load_setitems(Unpickler* u, int64_t x) {
  int64_t len = depth(u);
  if (x > len || x <= fence(u)) return underflow(u);
  if (len == x) return OK();
  if ((len - x) % 2 != 0) return raise_unpickling("odd number of items for SETITEMS");
  Value d = (*u->stack)[size_t(x - 1)];
  for (int64_t i = x + 1; i < len; i += 2) TRY(setitem(d, (*u->stack)[size_t(i - 1)], (*u->stack)[size_t(i)]));
  u->stack->resize(size_t(x));
  return OK();
}

Status load_additems(Unpickler* u) {
  int64_t mark = TRY(marker(u));
  int64_t len = depth(u);
  if (mark > len || mark <= fence(u)) return underflow(u);
  if (len == mark) return OK();
  Value s = (*u->stack)[size_t(mark - 1)];
  if (has_layout(s, Layout::Set)) {
    Tuple* items = pop_tuple(u, mark);
    return set_update(s.as<Set>(), Value(items));
  }
  Value add = TRY(getattr(s, str_intern("add")));
  for (int64_t i = mark; i < len; i++) TRY(call1(add, (*u->stack)[size_t(i)]));
  u->stack->resize(size_t(mark));
  return OK();
}

Status load_newobj(Unpickler* u, bool ex) {
  const char* op = ex ? "NEWOBJ_EX" : "NEWOBJ";
  Value kwargs;
  if (ex) kwargs = TRY(pop(u));
  Value args = TRY(pop(u));
  Value cls = TRY(pop(u));
  if (!is_type(cls))
    return raise_unpickling(std::string(op) + " class argument must be a type, not " + type_name(cls));
  if (!is_tuple(args))
    return raise_unpickling(std::string(op) + " args argument must be a tuple, not " + type_name(args));
  if (ex && !is_dict(kwargs))
    return raise_unpickling(std::string(op) + " kwargs argument must be a dict, not " + type_name(kwargs));
  Value newf = TRY(getattr(cls, N.__new__));
  Tuple* a = as_tuple(args);
  Tuple* full = tuple_new(a->size + 1);
  full->items[0] = cls;
  for (int64_t i = 0; i < a->size; i++) full->items[1 + i] = a->items[i];
  push(u, TRY(call_ex(newf, full, ex && as_dict(kwargs)->used ? as_dict(kwargs) : nullptr)));
  return OK();
}

Status load_ext(Unpickler* u, int n) {
  const char* s = TRY(read(u, n));
  int64_t code = int64_t(le(s, n));
  if (code <= 0) return raise_unpickling("EXT specifies code <= 0");
  Helpers* h = TRY(helpers());
  Value key = Value::small(code), obj;
  if (is_dict(h->extension_cache)) TRY(dict_get2(as_dict(h->extension_cache), key, &obj));
  if (obj) return push(u, obj), OK();
  Value pair;
  if (is_dict(h->inverted_registry)) TRY(dict_get2(as_dict(h->inverted_registry), key, &pair));
  if (!pair || !is_tuple(pair) || as_tuple(pair)->size != 2)
    return raise_fmt(tp_ValueError, "unregistered extension code %lld", (long long)code);
  Value mod = as_tuple(pair)->items[0], name = as_tuple(pair)->items[1];
  if (!is_str(mod) || !is_str(name))
    return raise_fmt(tp_TypeError, "copyreg._inverted_registry[%lld] isn't a 2-tuple of strings", (long long)code);
  obj = TRY(find_class(u, mod, name));
  if (is_dict(h->extension_cache)) TRY(dict_set(as_dict(h->extension_cache), key, obj));
  push(u, obj);
  return OK();
}

Status load_persid(Unpickler* u, Value pid) {
  if (!u->pers_load)
    return raise_unpickling(
        "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
  push(u, TRY(call1(u->pers_load, pid)));
  return OK();
}

// INT's argument: C strtol with base 0 (so "010" is 8 and "0x10" 16, as the C
// unpickler reads it), else int(line, 0); either failing is one ValueError.
Result<Value> parse_int_line(std::string_view s) {
  std::string text(s);
  errno = 0;
  char* end = nullptr;
  long long v = strtoll(text.c_str(), &end, 0);
  if (errno == 0 && end != text.c_str() && *end == '\0') return int_from_i64(v);
  Result<Value> r = call2(Value(tp_int), str_value(text + "\n"), Value::small(0));
  if (!r.ok() && exc_matches(tp_ValueError)) {
    exc_clear();
    return raise(tp_ValueError, "could not convert string to int");
  }
  return r;
}

// A line a text opcode needs: at least one character besides the newline.
Result<std::string_view> readline_arg(Unpickler* u) {
  std::string_view s = TRY(readline(u));
  if (s.empty()) return truncated();
  return s;
}

Result<Value> load_long_bytes(const char* s, int64_t n) {
  if (n == 0) return Value::small(0);
  Value b = bytes_from(std::string_view(s, size_t(n)));
  Value frm = TRY(getattr(Value(tp_int), str_intern("from_bytes")));
  Value args[3] = {b, str_value("little"), True()};
  Tuple* kw = tuple_of({Value(str_intern("signed"))});
  return call(frm, args, 2, kw);
}

Status check_text_ascii(std::string_view s, Value* out, bool pid) {
  for (char c : s)
    if (uint8_t(c) >= 0x80) {
      if (pid) return raise_unpickling("persistent IDs in protocol 0 must be ASCII strings");
    }
  *out = str_value(s);
  return OK();
}

// One opcode; *stop set at STOP.
Status step(Unpickler* u, char op, bool* stop) {
  switch (op) {
    case '(': u->marks->push_back(depth(u)); return OK();
    case '.': {
      Value v = TRY(pop(u));
      u->stack->clear();
      push(u, v);
      *stop = true;
      return OK();
    }
    case '\x80': {
      uint8_t proto = uint8_t(*TRY(read(u, 1)));
      if (proto > kHighestProtocol) return raise_fmt(tp_ValueError, "unsupported pickle protocol: %d", proto);
      u->proto = proto;
      return OK();
    }
    case '\x95': {
      const char* s = TRY(read(u, 8));
      uint64_t n = le(s, 8);
      if (n > uint64_t(INT64_MAX))
        return raise(tp_OverflowError, "FRAME length exceeds system's maximum of 9223372036854775807 bytes");
      TRY(read(u, int64_t(n)));
      u->pos -= int64_t(n);  // the frame was only fetched; its opcodes follow
      return OK();
    }
    case 'N': push(u, None()); return OK();
    case '\x88': push(u, True()); return OK();
    case '\x89': push(u, False()); return OK();
    case 'I': {
      std::string_view s = TRY(readline_arg(u));
      if (s == "00") return push(u, False()), OK();
      if (s == "01") return push(u, True()), OK();
      push(u, TRY(parse_int_line(s)));
      return OK();
    }
    case 'J': push(u, Value::small(int32_t(uint32_t(le(TRY(read(u, 4)), 4))))); return OK();
    case 'K': push(u, Value::small(uint8_t(*TRY(read(u, 1))))); return OK();
    case 'M': push(u, Value::small(int64_t(le(TRY(read(u, 2)), 2)))); return OK();
    case 'L': {
      // int(text, 0) with a trailing 'L' (Python 2's long suffix) dropped; its errors as they are.
      std::string_view s = TRY(readline_arg(u));
      std::string text(s);
      if (text.back() == 'L') text.pop_back();
      else text += '\n';
      push(u, TRY(call2(Value(tp_int), str_value(text), Value::small(0))));
      return OK();
    }
    case '\x8a': case '\x8b': {
      int n = op == '\x8a' ? 1 : 4;
      uint64_t size = le(TRY(read(u, n)), n);
      if (n == 4 && int32_t(uint32_t(size)) < 0) return raise_unpickling("LONG pickle has negative byte count");
      const char* s = TRY(read(u, int64_t(size)));
      push(u, TRY(load_long_bytes(s, int64_t(size))));
      return OK();
    }
    case 'F': {
      // PyOS_string_to_double's syntax (no leading space, no hex), then the end of the line.
      std::string text(TRY(readline_arg(u)));
      char* end = nullptr;
      double d = isspace(uint8_t(text[0])) ? 0 : strtod(text.c_str(), &end);
      if (!end || end == text.c_str())
        return raise_fmt(tp_ValueError, "could not convert string to float: '%s\n'", text.c_str());
      size_t x = text.find_first_of("xX");
      if (x != std::string::npos && text.c_str() + x < end) end = text.data() + x;  // "0x10": "0" then junk
      if (*end != '\0') return raise(tp_ValueError, "could not convert string to float");
      if (std::isinf(d) && text.find_first_of("iI") == std::string::npos)
        return raise_fmt(tp_OverflowError, "value too large to convert to float: '%s\n'", text.c_str());
      push(u, float_new(d));
      return OK();
    }
    case 'G': {
      uint64_t bits = 0;
      const char* s = TRY(read(u, 8));
      for (int i = 0; i < 8; i++) bits = (bits << 8) | uint8_t(s[i]);
      double d;
      std::memcpy(&d, &bits, 8);
      push(u, float_new(d));
      return OK();
    }
    case 'S': {
      std::string_view s = TRY(readline(u));
      if (s.size() < 2 || s.front() != s.back() || (s.front() != '\'' && s.front() != '"'))
        return raise_unpickling("the STRING opcode argument must be quoted");
      Value codecs = TRY(import_module(str_intern("codecs")));
      Value dec = TRY(call1(TRY(getattr(codecs, str_intern("escape_decode"))), bytes_from(s.substr(1, s.size() - 2))));
      push(u, TRY(decode_string(u, as_tuple(dec)->items[0])));
      return OK();
    }
    case 'T': case 'U': {
      int n = op == 'T' ? 4 : 1;
      uint64_t size = le(TRY(read(u, n)), n);
      if (size > uint64_t(INT64_MAX)) return raise_unpickling("read would overflow (invalid bytecode)");
      const char* s = TRY(read(u, int64_t(size)));
      push(u, TRY(decode_string(u, bytes_from(std::string_view(s, size_t(size))))));
      return OK();
    }
    case 'C': case 'B': case '\x8e': {
      int n = op == 'C' ? 1 : op == 'B' ? 4 : 8;
      uint64_t size = le(TRY(read(u, n)), n);
      if (size > uint64_t(INT64_MAX)) return too_large("BINBYTES");
      push(u, TRY(read_bytes(u, size)));
      return OK();
    }
    case '\x96': {
      uint64_t size = le(TRY(read(u, 8)), 8);
      if (size > uint64_t(INT64_MAX)) return too_large("BYTEARRAY8");
      Value b = TRY(read_bytes(u, size));
      push(u, Value(bytearray_new(as_bytes(b)->view())));
      return OK();
    }
    case 'V': {
      std::string_view s = TRY(readline(u));
      push(u, TRY(codec_decode(s, "raw_unicode_escape", "strict")));
      return OK();
    }
    case 'X': case '\x8c': case '\x8d': {
      int n = op == '\x8c' ? 1 : op == 'X' ? 4 : 8;
      uint64_t size = le(TRY(read(u, n)), n);
      if (size > uint64_t(INT64_MAX)) return too_large("BINUNICODE");
      const char* s = TRY(read(u, int64_t(size)));
      push(u, TRY(utf8_str(std::string_view(s, size_t(size)))));
      return OK();
    }
    case '\x97': {
      if (!u->buffers)
        return raise_unpickling("pickle stream refers to out-of-band data but no *buffers* argument was given");
      Value b;
      TRY(iter_next(u->buffers, &b));
      if (!b) return raise_unpickling("not enough out-of-band buffers");
      push(u, b);
      return OK();
    }
    case '\x98': {
      if (depth(u) <= fence(u)) return underflow(u);
      Value obj = u->stack->back();
      Value view = TRY(call1(Value(tp_memoryview), obj));
      if (!TRY(truthy(TRY(getattr(view, str_intern("readonly"))))))
        u->stack->back() = TRY(call_method0(view, str_intern("toreadonly")));
      return OK();
    }
    case ')': push(u, Value(tuple_empty())); return OK();
    case '\x85': case '\x86': case '\x87': {
      int64_t n = op - '\x85' + 1;
      if (depth(u) - fence(u) < n) return underflow(u);
      push(u, Value(pop_tuple(u, depth(u) - n)));
      return OK();
    }
    case 't': push(u, Value(pop_tuple(u, TRY(marker(u))))); return OK();
    case ']': push(u, Value(list_new())); return OK();
    case 'l': push(u, Value(pop_list(u, TRY(marker(u))))); return OK();
    case '}': push(u, Value(dict_new())); return OK();
    case 'd': {
      int64_t m = TRY(marker(u));
      int64_t len = depth(u);
      if ((len - m) % 2 != 0) return raise_unpickling("odd number of items for DICT");
      Dict* d = dict_new();
      for (int64_t i = m + 1; i < len; i += 2) TRY(dict_set(d, (*u->stack)[size_t(i - 1)], (*u->stack)[size_t(i)]));
      u->stack->resize(size_t(m));
      push(u, Value(d));
      return OK();
    }
    case '\x8f': push(u, Value(set_new())); return OK();
    case '\x90': return load_additems(u);
    case '\x91': {
      Tuple* items = pop_tuple(u, TRY(marker(u)));
      push(u, TRY(call1(Value(tp_frozenset), Value(items))));
      return OK();
    }
    case 'a': {
      Value v = TRY(pop(u));
      push(u, v);
      return load_appends(u, depth(u) - 1);
    }
    case 'e': return load_appends(u, TRY(marker(u)));
    case 's': return load_setitems(u, depth(u) - 2);
    case 'u': return load_setitems(u, TRY(marker(u)));
    case '0': {
      int64_t len = depth(u);
      if (!u->marks->empty() && u->marks->back() == len) u->marks->pop_back();
      else if (len <= fence(u)) return underflow(u);
      else u->stack->pop_back();
      return OK();
    }
    case '1': u->stack->resize(size_t(TRY(marker(u)))); return OK();
    case '2': {
      if (depth(u) <= fence(u)) return underflow(u);
      push(u, u->stack->back());
      return OK();
    }
    case 'g': {
      std::string_view s = TRY(readline_arg(u));
      Value k = TRY(call2(Value(tp_int), str_value(s), Value::small(10)));
      int64_t idx;
      if (!int_fits_i64(k, &idx) || idx < 0)
        return raise_unpickling("Memo value not found at index " + int_to_string(k));
      return push_memo(u, uint64_t(idx));
    }
    case 'h': return push_memo(u, uint8_t(*TRY(read(u, 1))));
    case 'j': return push_memo(u, le(TRY(read(u, 4)), 4));
    case 'p': {
      std::string_view s = TRY(readline_arg(u));
      if (depth(u) <= fence(u)) return underflow(u);
      Value k = TRY(call2(Value(tp_int), str_value(s), Value::small(10)));
      int64_t idx;
      if (!int_fits_i64(k, &idx)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
      if (idx < 0) return raise(tp_ValueError, "negative PUT argument");
      return put_memo(u, uint64_t(idx));
    }
    case 'q': {
      uint64_t idx = uint8_t(*TRY(read(u, 1)));
      return put_memo(u, idx);
    }
    case 'r': {
      uint64_t idx = le(TRY(read(u, 4)), 4);
      return put_memo(u, idx);
    }
    case '\x94': {
      if (depth(u) <= fence(u)) return underflow(u);
      return put_memo(u, uint64_t(u->memo_len));
    }
    case '\x82': return load_ext(u, 1);
    case '\x83': return load_ext(u, 2);
    case '\x84': return load_ext(u, 4);
    case 'c': {
      Value mod = TRY(utf8_str(TRY(readline(u))));
      Value name = TRY(utf8_str(TRY(readline(u))));
      push(u, TRY(find_class(u, mod, name)));
      return OK();
    }
    case '\x93': {
      // An underflow reads as a missing str here (CPython 3.11.2's message).
      Value name = pop(u).release();
      Value mod = name ? pop(u).release() : Value();
      if (!mod || !isinstance_exact(mod, tp_str) || !isinstance_exact(name, tp_str)) {
        if (exc_pending()) exc_clear();
        return raise_unpickling("STACK_GLOBAL requires str");
      }
      push(u, TRY(find_class(u, mod, name)));
      return OK();
    }
    case 'i': {
      Value mod = TRY(utf8_str(TRY(readline(u))));
      Value name = TRY(utf8_str(TRY(readline(u))));
      Value cls = TRY(find_class(u, mod, name));
      Tuple* args = pop_tuple(u, TRY(marker(u)));
      push(u, TRY(instantiate(cls, args)));
      return OK();
    }
    case 'o': {
      int64_t m = TRY(marker(u));
      if (depth(u) - m < 1) return underflow(u);
      Tuple* args = pop_tuple(u, m + 1);
      Value cls = TRY(pop(u));
      push(u, TRY(instantiate(cls, args)));
      return OK();
    }
    case '\x81': return load_newobj(u, false);
    case '\x92': return load_newobj(u, true);
    case 'R': {
      Value args = TRY(pop(u));
      Value fn = TRY(pop(u));
      if (!is_tuple(args)) return raise(tp_TypeError, "argument list must be a tuple");
      push(u, TRY(call_ex(fn, as_tuple(args), nullptr)));
      return OK();
    }
    case 'b': return load_build(u);
    case 'P': {
      std::string_view s = TRY(readline(u));
      if (!u->pers_load) return load_persid(u, Value());
      Value pid;
      TRY(check_text_ascii(s, &pid, true));
      return load_persid(u, pid);
    }
    case 'Q': {
      Value pid = TRY(pop(u));
      return load_persid(u, pid);
    }
    default: {
      uint8_t c = uint8_t(op);
      if (c >= 0x20 && c <= 0x7e && c != '\'' && c != '\\')
        return raise_fmt(g_UnpicklingError.as<Type>(), "invalid load key, '%c'.", c);
      return raise_fmt(g_UnpicklingError.as<Type>(), "invalid load key, '\\x%02x'.", c);
    }
  }
}

}  // namespace

Result<Value> unpickler_load(Unpickler* u) {
  if (!u->stack) {
    return raise_unpickling("Unpickler.__init__() was not called by " + std::string(type_name(Value(u))) +
                            ".__init__()");
  }
  if (!s_find_class) s_find_class = str_intern("find_class");
  u->marks->clear();
  u->stack->clear();
  u->proto = 0;
  for (;;) {
    Result<const char*> r = read(u, 1);
    if (!r.ok()) {
      if (exc_matches(g_UnpicklingError.as<Type>())) {
        exc_clear();
        return raise(tp_EOFError, "Ran out of input");
      }
      return ERR;
    }
    bool stop = false;
    TRY(step(u, *r.value(), &stop));
    if (stop) break;
  }
  if (u->read) TRY(skip_consumed(u));
  Value v = u->stack->back();
  u->stack->clear();
  return v;
}

}  // namespace gilpy::pickle
