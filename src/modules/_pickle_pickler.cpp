// _pickle.Pickler: objects -> pickle bytes, as CPython 3.11's C pickler writes
// them (pickle.py's _Pickler is the readable specification; where the two
// differ in the bytes they produce, the C module is followed, e.g. an exact
// list or dict is written in full batches of 1000 whose last may hold one item
// or none).
//
// Output goes to an in-memory buffer. With framing (protocol 4+) the buffer
// holds the open frame with its 9-byte header reserved at frame_start; a frame
// is closed at the first opcode boundary past 64 KiB and, when pickling to a
// file, flushed there. Bytes/str payloads of 64 KiB or more bypass framing.
#include <gmp.h>

#include <cstring>

#include "common/numfmt.h"
#include "modules/_pickle_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"

namespace gilpy::pickle {

namespace {

Status save(Pickler* p, Value obj, bool pers_save = false);

// ---- output --------------------------------------------------------------------------------

void put(Pickler* p, std::string_view s) {
  if (p->framing && p->frame_start < 0) {
    p->frame_start = int64_t(p->out->size());
    p->out->append(size_t(kFrameHeaderSize), '\0');
  }
  p->out->append(s.data(), s.size());
}
void put_op(Pickler* p, char op) { put(p, std::string_view(&op, 1)); }
void put_le(Pickler* p, char op, uint64_t v, int n) {
  char b[9];
  b[0] = op;
  for (int i = 0; i < n; i++) b[1 + i] = char((v >> (8 * i)) & 0xff);
  put(p, std::string_view(b, size_t(n + 1)));
}

// Close the open frame: fill in its header, or drop the header when the frame
// is too small to be worth one.
void commit_frame(Pickler* p) {
  if (p->frame_start < 0) return;
  int64_t flen = int64_t(p->out->size()) - p->frame_start - kFrameHeaderSize;
  char* h = p->out->data() + p->frame_start;
  if (flen >= kFrameSizeMin) {
    h[0] = '\x95';
    for (int i = 0; i < 8; i++) h[1 + i] = char((uint64_t(flen) >> (8 * i)) & 0xff);
  } else {
    p->out->erase(size_t(p->frame_start), size_t(kFrameHeaderSize));
  }
  p->frame_start = -1;
}

Status flush_to_file(Pickler* p) {
  if (!p->write || p->out->empty()) return OK();
  Value b = bytes_from(std::string_view(p->out->data(), p->out->size()));
  p->out->clear();
  TRY(call1(p->write, b));
  return OK();
}

// After each saved object: a frame past the target size is closed (and, for
// a file, written out so memory stays bounded).
Status opcode_boundary(Pickler* p) {
  if (!p->framing || p->frame_start < 0) return OK();
  if (int64_t(p->out->size()) - p->frame_start - kFrameHeaderSize < kFrameSizeTarget) return OK();
  commit_frame(p);
  return flush_to_file(p);
}

// An opcode with a length header then a payload. A payload of 64 KiB or more
// skips the buffer (and the frame): it goes to the file as its own write.
Status write_bytes(Pickler* p, std::string_view header, std::string_view payload, Value payload_obj) {
  bool bypass = int64_t(payload.size()) >= kFrameSizeTarget;
  bool framing = p->framing;
  if (bypass) {
    commit_frame(p);
    p->framing = false;
  }
  put(p, header);
  if (bypass && p->write) {
    TRY(flush_to_file(p));
    Value v = payload_obj && is_bytes(payload_obj) ? payload_obj : bytes_from(payload);
    TRY(call1(p->write, v));
  } else {
    put(p, payload);
  }
  p->framing = framing;
  return OK();
}

// ---- memo ----------------------------------------------------------------------------------

// PUT/GET of memo slot idx: the text form below protocol 1, else the 1- or
// 4-byte binary form.
static Status memo_op(Pickler* p, int64_t idx, char text, char op1, char op4, const char* too_large) {
  if (!p->bin) {
    put(p, std::string(1, text) + std::to_string(idx) + "\n");
  } else if (idx < 256) {
    put_le(p, op1, uint64_t(idx), 1);
  } else if (idx <= 0xffffffffLL) {
    put_le(p, op4, uint64_t(idx), 4);
  } else {
    return raise_pickling(too_large);
  }
  return OK();
}

Status memo_put(Pickler* p, Value obj) {
  if (p->fast) return OK();
  int64_t idx = int64_t(p->memo->size());
  p->memo->set(obj, idx);
  if (p->proto >= 4) {
    put_op(p, '\x94');
    return OK();
  }
  return memo_op(p, idx, 'p', 'q', 'r', "memo id too large for LONG_BINPUT");
}

const MemoEntry* memo_find(Pickler* p, Value obj) { return p->memo->find(obj); }

Status memo_get(Pickler* p, int64_t idx) {
  return memo_op(p, idx, 'g', 'h', 'j', "memo id too large for LONG_BINGET");
}

// Fast mode skips the memo, so a cycle would recurse forever: past a nesting
// depth of 50, containers being saved are tracked and a repeat is an error.
constexpr int kFastNestingLimit = 50;
Status fast_enter(Pickler* p, Value obj) {
  if (!p->fast || ++p->fast_nesting < kFastNestingLimit) return OK();
  if (!p->fast_memo) p->fast_memo = dict_new();
  Value key = int_from_u64(obj.bits());
  Value found;
  TRY(dict_get2(p->fast_memo, key, &found));
  if (found) {
    p->fast_nesting = 0;
    return raise_fmt(tp_ValueError, "fast mode: can't pickle cyclic objects including object type %s at %p",
                     type_name(obj), static_cast<void*>(obj.obj()));
  }
  return dict_set(p->fast_memo, key, None());
}
Status fast_leave(Pickler* p, Value obj) {
  if (p->fast && p->fast_nesting-- >= kFastNestingLimit && p->fast_memo)
    TRY(dict_del(p->fast_memo, int_from_u64(obj.bits())));
  return OK();
}

// ---- scalars -------------------------------------------------------------------------------

Status save_long(Pickler* p, Value obj) {
  int64_t v;
  if (int_fits_i64(obj, &v) && v >= -0x80000000LL && v <= 0x7fffffffLL) {
    if (!p->bin) {
      put(p, "I" + std::to_string(v) + "\n");
    } else if (v >= 0 && v <= 0xff) {
      put_le(p, 'K', uint64_t(v), 1);
    } else if (v >= 0 && v <= 0xffff) {
      put_le(p, 'M', uint64_t(v), 2);
    } else {
      put_le(p, 'J', uint64_t(uint32_t(int32_t(v))), 4);
    }
    return OK();
  }
  if (p->proto < 2) {
    put(p, "L" + int_to_string(obj) + "L\n");
    return OK();
  }
  // Two's complement, little-endian, in the fewest bytes (pickle.encode_long).
  mpz_t z, m;
  mpz_init(z);
  int_to_mpz(obj, z);
  size_t nbytes = (mpz_sizeinbase(z, 2) >> 3) + 1;
  mpz_init(m);
  if (mpz_sgn(z) < 0) {
    mpz_set_ui(m, 1);
    mpz_mul_2exp(m, m, nbytes * 8);
    mpz_add(m, m, z);
  } else {
    mpz_set(m, z);
  }
  std::string data(nbytes, '\0');
  size_t count = 0;
  mpz_export(data.data(), &count, -1, 1, -1, 0, m);
  if (mpz_sgn(z) < 0 && nbytes > 1 && uint8_t(data[nbytes - 1]) == 0xff && (uint8_t(data[nbytes - 2]) & 0x80))
    data.pop_back();
  mpz_clear(z);
  mpz_clear(m);
  if (data.size() > 0x7fffffff) return raise(tp_OverflowError, "int too large to pickle");
  if (data.size() < 256)
    put_le(p, '\x8a', data.size(), 1);
  else
    put_le(p, '\x8b', data.size(), 4);
  put(p, data);
  return OK();
}

Status save_float(Pickler* p, double x) {
  if (p->bin) {
    uint64_t bits;
    std::memcpy(&bits, &x, 8);
    char b[9];
    b[0] = 'G';
    for (int i = 0; i < 8; i++) b[1 + i] = char((bits >> (8 * (7 - i))) & 0xff);
    put(p, std::string_view(b, 9));
  } else {
    put(p, "F" + numfmt::float_repr(x) + "\n");
  }
  return OK();
}

Status save_reduce(Pickler* p, Tuple* rv, Value obj);

Status save_bytes_data(Pickler* p, Value obj, std::string_view data) {
  char h[9];
  size_t n = data.size();
  size_t hl;
  if (n < 256) {
    h[0] = 'C', h[1] = char(n), hl = 2;
  } else if (n <= 0xffffffffULL) {
    h[0] = 'B', hl = 5;
    for (int i = 0; i < 4; i++) h[1 + i] = char((n >> (8 * i)) & 0xff);
  } else {
    h[0] = '\x8e', hl = 9;
    for (int i = 0; i < 8; i++) h[1 + i] = char((uint64_t(n) >> (8 * i)) & 0xff);
  }
  TRY(write_bytes(p, std::string_view(h, hl), data, obj));
  return memo_put(p, obj);
}

Status save_bytearray_data(Pickler* p, Value obj, std::string_view data) {
  char h[9];
  h[0] = '\x96';
  for (int i = 0; i < 8; i++) h[1 + i] = char((uint64_t(data.size()) >> (8 * i)) & 0xff);
  TRY(write_bytes(p, std::string_view(h, 9), data, Value()));
  return memo_put(p, obj);
}

Status save_bytes(Pickler* p, Value obj) {
  std::string_view data = as_bytes(obj)->view();
  if (p->proto >= 3) return save_bytes_data(p, obj, data);
  // Protocols 0-2 have no bytes opcode: bytes() or codecs.encode(latin1 text, 'latin1').
  Helpers* h = TRY(helpers());
  Tuple* rv;
  if (data.empty()) {
    rv = tuple_of({Value(tp_bytes), Value(tuple_empty())});
  } else {
    Value text = TRY(codec_decode(data, "latin1", "strict"));
    rv = tuple_of({h->codecs_encode, Value(tuple_of({text, str_value("latin1")}))});
  }
  return save_reduce(p, rv, obj);
}

Status save_bytearray(Pickler* p, Value obj) {
  std::string_view data = as_bytearray(obj)->view();
  if (p->proto >= 5) return save_bytearray_data(p, obj, data);
  Tuple* args = data.empty() ? tuple_empty() : tuple_of({bytes_from(data)});
  return save_reduce(p, tuple_of({Value(tp_bytearray), Value(args)}), obj);
}

Status save_picklebuffer(Pickler* p, Value obj) {
  if (p->proto < 5) return raise_pickling("PickleBuffer can only pickled with protocol >= 5");
  std::string_view data;
  bool readonly = false, contiguous = true;
  TRY(picklebuffer_data(obj, &data, &readonly, &contiguous));
  if (!contiguous) return raise_pickling("PickleBuffer can not be pickled when pointing to a non-contiguous buffer");
  bool in_band = true;
  if (p->buffer_callback) in_band = TRY(truthy(TRY(call1(p->buffer_callback, obj))));
  if (in_band) {
    // The data may have moved while the callback ran.
    TRY(picklebuffer_data(obj, &data, &readonly, &contiguous));
    return readonly ? save_bytes_data(p, obj, data) : save_bytearray_data(p, obj, data);
  }
  put_op(p, '\x97');
  if (readonly) put_op(p, '\x98');
  return OK();
}

// Protocol 0 text: latin-1 bytes, other characters (and the ones the text
// opcode's line syntax cannot hold) as \uXXXX / \UXXXXXXXX.
std::string raw_unicode_escape(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < s.size();) {
    uint8_t c = uint8_t(s[i]);
    uint32_t cp;
    int len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (i + size_t(len) > s.size()) len = 1;
    if (len == 1) cp = c;
    else if (len == 2) cp = (uint32_t(c & 0x1f) << 6) | (uint8_t(s[i + 1]) & 0x3f);
    else if (len == 3) cp = (uint32_t(c & 0x0f) << 12) | (uint32_t(uint8_t(s[i + 1]) & 0x3f) << 6) | (uint8_t(s[i + 2]) & 0x3f);
    else cp = (uint32_t(c & 0x07) << 18) | (uint32_t(uint8_t(s[i + 1]) & 0x3f) << 12) |
              (uint32_t(uint8_t(s[i + 2]) & 0x3f) << 6) | (uint8_t(s[i + 3]) & 0x3f);
    i += size_t(len);
    if (cp >= 0x10000) {
      r += "\\U";
      for (int k = 7; k >= 0; k--) r += hex[(cp >> (4 * k)) & 0xf];
    } else if (cp >= 256 || cp == '\\' || cp == 0 || cp == '\n' || cp == '\r' || cp == 0x1a) {
      r += "\\u";
      for (int k = 3; k >= 0; k--) r += hex[(cp >> (4 * k)) & 0xf];
    } else {
      r += char(cp);
    }
  }
  return r;
}

Status save_unicode(Pickler* p, Value obj) {
  std::string_view s = as_str(obj)->view();  // WTF-8: exactly UTF-8 with surrogatepass
  if (p->bin) {
    char h[9];
    size_t n = s.size(), hl;
    if (n < 256 && p->proto >= 4) {
      h[0] = '\x8c', h[1] = char(n), hl = 2;
    } else if (n <= 0xffffffffULL) {
      h[0] = 'X', hl = 5;
      for (int i = 0; i < 4; i++) h[1 + i] = char((n >> (8 * i)) & 0xff);
    } else if (p->proto >= 4) {
      h[0] = '\x8d', hl = 9;
      for (int i = 0; i < 8; i++) h[1 + i] = char((uint64_t(n) >> (8 * i)) & 0xff);
    } else {
      return raise(tp_OverflowError, "cannot serialize a string larger than 4GiB");
    }
    TRY(write_bytes(p, std::string_view(h, hl), s, Value()));
  } else {
    put(p, "V" + raw_unicode_escape(s) + "\n");
  }
  return memo_put(p, obj);
}

// ---- containers ----------------------------------------------------------------------------

Status save_tuple(Pickler* p, Value obj) {
  Tuple* t = as_tuple(obj);
  int64_t n = t->size;
  if (n == 0) {
    put(p, p->proto ? std::string_view(")") : std::string_view("(t"));
    return OK();
  }
  if (n <= 3 && p->proto >= 2) {
    if (!enter_recursion(" while pickling an object")) return ERR;
    for (int64_t i = 0; i < n; i++) {
      Status st = save(p, t->items[i]);
      if (!st.ok()) return leave_recursion(), ERR;
    }
    leave_recursion();
    // A recursive tuple was memoized while its items were saved: drop them, use the memo.
    if (const MemoEntry* e = memo_find(p, obj)) {
      for (int64_t i = 0; i < n; i++) put_op(p, '0');
      return memo_get(p, e->index);
    }
    put_op(p, "\x85\x86\x87"[n - 1]);
    return memo_put(p, obj);
  }
  put_op(p, '(');
  if (!enter_recursion(" while pickling an object")) return ERR;
  for (int64_t i = 0; i < n; i++) {
    Status st = save(p, t->items[i]);
    if (!st.ok()) return leave_recursion(), ERR;
  }
  leave_recursion();
  if (const MemoEntry* e = memo_find(p, obj)) {
    if (p->bin)
      put_op(p, '1');
    else
      for (int64_t i = 0; i <= n; i++) put_op(p, '0');
    return memo_get(p, e->index);
  }
  put_op(p, 't');
  return memo_put(p, obj);
}

// Items from an iterator, APPEND/APPENDS (pairs: SETITEM/SETITEMS) in batches.
Status batch_iter(Pickler* p, Value it, bool pairs) {
  const char one = pairs ? 's' : 'a', many = pairs ? 'u' : 'e';
  auto save_item = [&](Value item) -> Status {
    if (!pairs) return save(p, item);
    if (!is_tuple(item) || as_tuple(item)->size != 2)
      return raise(tp_TypeError, "dict items iterator must return 2-tuples");
    TRY(save(p, as_tuple(item)->items[0]));
    return save(p, as_tuple(item)->items[1]);
  };
  if (!p->bin) {
    for (;;) {
      Value item;
      TRY(iter_next(it, &item));
      if (!item) return OK();
      TRY(save_item(item));
      put_op(p, one);
    }
  }
  int64_t n;
  do {
    Value first, second;
    TRY(iter_next(it, &first));
    if (!first) break;
    TRY(iter_next(it, &second));
    if (!second) {
      TRY(save_item(first));
      put_op(p, one);
      break;
    }
    put_op(p, '(');
    TRY(save_item(first));
    n = 1;
    Value item = second;
    while (item) {
      TRY(save_item(item));
      if (++n == kBatchSize) break;
      TRY(iter_next(it, &item));
    }
    put_op(p, many);
  } while (n == kBatchSize);
  return OK();
}

Status save_list_items(Pickler* p, Value obj) {
  List* l = as_list(obj);
  if (l->size == 0) return OK();
  if (isinstance_exact(obj, tp_list) && p->bin) {
    if (l->size == 1) {
      TRY(save(p, l->items[0]));
      put_op(p, 'a');
      return OK();
    }
    int64_t total = 0;
    do {
      int64_t batch = 0;
      put_op(p, '(');
      while (total < l->size) {
        TRY(save(p, l->items[total]));
        total++;
        if (++batch == kBatchSize) break;
      }
      put_op(p, 'e');
    } while (total < l->size);
    return OK();
  }
  return batch_iter(p, TRY(get_iter(obj)), false);
}

// A list or dict: its empty form (binary or text protocol), the memo, then
// its items inside one recursion level (CPython's save_list / save_dict).
static Status save_container(Pickler* p, Value obj, std::string_view bin_open, std::string_view text_open,
                             Status (*items)(Pickler*, Value)) {
  put(p, p->bin ? bin_open : text_open);
  TRY(memo_put(p, obj));
  if (!enter_recursion(" while pickling an object")) return ERR;
  Status st = fast_enter(p, obj);
  if (st.ok()) st = items(p, obj);
  leave_recursion();
  if (!st.ok()) return ERR;
  return fast_leave(p, obj);
}

Status save_list(Pickler* p, Value obj) { return save_container(p, obj, "]", "(l", save_list_items); }

Status save_dict_items(Pickler* p, Value obj) {
  Dict* d = as_dict(obj);
  if (d->used == 0) return OK();
  if (isinstance_exact(obj, tp_dict) && p->bin) {
    int64_t size = d->used, pos = 0;
    Value k, v;
    if (size == 1) {
      dict_next(d, &pos, &k, &v);
      TRY(save(p, k));
      TRY(save(p, v));
      put_op(p, 's');
      return OK();
    }
    int64_t i;
    do {
      i = 0;
      put_op(p, '(');
      while (dict_next(d, &pos, &k, &v)) {
        TRY(save(p, k));
        TRY(save(p, v));
        if (++i == kBatchSize) break;
      }
      put_op(p, 'u');
      if (d->used != size) return raise(tp_RuntimeError, "dictionary changed size during iteration");
    } while (i == kBatchSize);
    return OK();
  }
  Value items = TRY(call_method0(obj, N.items));
  return batch_iter(p, TRY(get_iter(items)), true);
}

Status save_dict(Pickler* p, Value obj) { return save_container(p, obj, "}", "(d", save_dict_items); }

Status save_set(Pickler* p, Value obj) {
  if (p->proto < 4) {
    List* items = TRY(to_list(obj));
    return save_reduce(p, tuple_of({Value(tp_set), Value(tuple_of({Value(items)}))}), obj);
  }
  put_op(p, '\x8f');
  TRY(memo_put(p, obj));
  Set* s = obj.as<Set>();
  int64_t size = s->used;
  if (size == 0) return OK();
  int64_t pos = 0, i;
  Value item;
  do {
    i = 0;
    put_op(p, '(');
    while (set_next(s, &pos, &item)) {
      TRY(save(p, item));
      if (++i == kBatchSize) break;
    }
    put_op(p, '\x90');
    if (s->used != size) return raise(tp_RuntimeError, "set changed size during iteration");
  } while (i == kBatchSize);
  return OK();
}

Status save_frozenset(Pickler* p, Value obj) {
  if (p->proto < 4) {
    List* items = TRY(to_list(obj));
    return save_reduce(p, tuple_of({Value(tp_frozenset), Value(tuple_of({Value(items)}))}), obj);
  }
  put_op(p, '(');
  int64_t pos = 0;
  Value item;
  while (set_next(obj.as<Set>(), &pos, &item)) TRY(save(p, item));
  if (const MemoEntry* e = memo_find(p, obj)) {
    put_op(p, '1');
    return memo_get(p, e->index);
  }
  put_op(p, '\x91');
  return memo_put(p, obj);
}

// ---- globals -------------------------------------------------------------------------------

// name.split('.'), refusing "<locals>" components.
Result<List*> dotted_path(Str* name) {
  List* parts = list_new();
  std::string_view s = name->view();
  size_t start = 0;
  for (;;) {
    size_t dot = s.find('.', start);
    std::string_view part = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (part == "<locals>") {
      Str* r = TRY(repr(Value(name)));
      return raise_fmt(tp_AttributeError, "Can't pickle local object %s", r->data);
    }
    TRY(list_append(parts, str_value(part)));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

// Walk the path from obj: *out is null (no exception) when an attribute is missing.
Status deep_attr(Value obj, List* path, Value* parent, Value* out) {
  Value cur = obj;
  *out = Value();
  for (int64_t i = 0; i < path->size; i++) {
    if (parent) *parent = cur;
    Value next;
    TRY(getattr_opt(cur, as_str(path->items[i]), &next));
    if (!next) return OK();
    cur = next;
  }
  *out = cur;
  return OK();
}

Result<Value> whichmodule(Value obj, List* path) {
  Value mod;
  TRY(getattr_opt(obj, N.__module__, &mod));
  if (mod && !is_none(mod)) return mod;
  Dict* modules = g_interp.modules;
  if (modules) {
    Dict* copy = dict_copy(modules);
    int64_t pos = 0;
    Value k, v;
    while (dict_next(copy, &pos, &k, &v)) {
      if (!is_str(k) || as_str(k)->view() == "__main__" || !v || is_none(v)) continue;
      Value found;
      if (!deep_attr(v, path, nullptr, &found).ok()) {
        exc_clear();
        continue;
      }
      if (found && found == obj) return k;
    }
  }
  return str_value("__main__");
}

Status save_global(Pickler* p, Value obj, Value name) {
  Str* global_name;
  if (name) {
    global_name = as_str(name);
  } else {
    Value qn;
    TRY(getattr_opt(obj, N.__qualname__, &qn));
    if (!qn) qn = TRY(getattr(obj, N.__name__));
    if (!is_str(qn)) return raise_fmt(tp_TypeError, "__qualname__ must be a str, not %s", type_name(qn));
    global_name = as_str(qn);
  }
  List* path = TRY(dotted_path(global_name));
  Value module_name = TRY(whichmodule(obj, path));
  if (!is_str(module_name)) return raise_fmt(tp_TypeError, "module name must be a str, not %s", type_name(module_name));
  Result<Value> modr = import_module(as_str(module_name));
  if (!modr.ok()) {
    exc_clear();
    Str* ro = TRY(repr(obj));
    Str* rm = TRY(repr(module_name));
    return raise_pickling(std::string("Can't pickle ") + ro->data + ": import of module " + rm->data + " failed");
  }
  Value module = modr.value();
  Value parent;
  Value cls;
  if (!deep_attr(module, path, &parent, &cls).ok()) exc_clear();
  if (!cls) {
    Str* ro = TRY(repr(obj));
    return raise_pickling(std::string("Can't pickle ") + ro->data + ": attribute lookup " +
                          std::string(global_name->view()) + " on " + std::string(as_str(module_name)->view()) +
                          " failed");
  }
  if (cls != obj) {
    Str* ro = TRY(repr(obj));
    return raise_pickling(std::string("Can't pickle ") + ro->data + ": it's not the same object as " +
                          std::string(as_str(module_name)->view()) + "." + std::string(global_name->view()));
  }
  Helpers* h = TRY(helpers());
  if (p->proto >= 2) {
    // The extension registry replaces the names by a small code.
    Value code;
    Value key = Value(tuple_of({module_name, Value(global_name)}));
    if (is_dict(h->extension_registry)) TRY(dict_get2(as_dict(h->extension_registry), key, &code));
    if (code) {
      int64_t c;
      if (!is_int(code)) {
        Str* ro = TRY(repr(obj));
        Str* rc = TRY(repr(code));
        return raise_pickling(std::string("Can't pickle ") + ro->data + ": extension code " + rc->data +
                              " isn't an integer");
      }
      if (!int_fits_i64(code, &c) || c <= 0 || c > 0x7fffffff) {
        Str* ro = TRY(repr(obj));
        return raise_pickling(std::string("Can't pickle ") + ro->data + ": extension code " + int_to_string(code) +
                              " is out of range");
      }
      if (c <= 0xff)
        put_le(p, '\x82', uint64_t(c), 1);
      else if (c <= 0xffff)
        put_le(p, '\x83', uint64_t(c), 2);
      else
        put_le(p, '\x84', uint64_t(c), 4);
      return OK();
    }
  }
  Value lastname = path->items[path->size - 1];
  if (p->proto >= 4) {
    TRY(save(p, module_name));
    // gilpy interns both names, so `datetime.datetime` would memoize its module
    // name and refer back to it; CPython's names are distinct objects, written twice.
    Value gn = Value(global_name) == module_name ? str_value(global_name->view()) : Value(global_name);
    TRY(save(p, gn));
    put_op(p, '\x93');
  } else if (parent != module) {
    TRY(save_reduce(p, tuple_of({h->getattr, Value(tuple_of({parent, lastname}))}), Value()));
  } else {
    Value mod = module_name, nm = lastname;
    if (p->proto < 3 && p->fix_imports) {
      Value mapped;
      if (is_dict(h->reverse_name_mapping))
        TRY(dict_get2(as_dict(h->reverse_name_mapping), Value(tuple_of({mod, nm})), &mapped));
      if (mapped) {
        if (!is_tuple(mapped) || as_tuple(mapped)->size != 2)
          return raise_fmt(tp_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not %s",
                           type_name(mapped));
        mod = as_tuple(mapped)->items[0];
        nm = as_tuple(mapped)->items[1];
        if (!is_str(mod) || !is_str(nm))
          return raise_fmt(tp_RuntimeError,
                           "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not (%s, %s)",
                           type_name(mod), type_name(nm));
      } else if (is_dict(h->reverse_import_mapping)) {
        TRY(dict_get2(as_dict(h->reverse_import_mapping), mod, &mapped));
        if (mapped) {
          if (!is_str(mapped))
            return raise_fmt(tp_RuntimeError, "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not %s",
                             type_name(mapped));
          mod = mapped;
        }
      }
    }
    std::string_view ms = as_str(mod)->view(), ns = as_str(nm)->view();
    if (p->proto < 3) {
      // Protocols 0-2 write the names as ASCII.
      auto ascii = [](std::string_view t) {
        for (char c : t)
          if (uint8_t(c) >= 0x80) return false;
        return true;
      };
      if (!ascii(ms))
        return raise_pickling("can't pickle module identifier '" + std::string(ms) + "' using pickle protocol " +
                              std::to_string(p->proto));
      if (!ascii(ns))
        return raise_pickling("can't pickle global identifier '" + std::string(ns) + "' using pickle protocol " +
                              std::to_string(p->proto));
    }
    put(p, "c" + std::string(ms) + "\n" + std::string(ns) + "\n");
  }
  return memo_put(p, obj);
}

Status save_pers(Pickler* p, Value pid) {
  if (p->bin) {
    TRY(save(p, pid, true));
    put_op(p, 'Q');
    return OK();
  }
  Str* s = TRY(str(pid));
  for (char c : s->view())
    if (uint8_t(c) >= 0x80) return raise_pickling("persistent IDs in protocol 0 must be ASCII strings");
  put(p, "P" + std::string(s->view()) + "\n");
  return OK();
}

// ---- the reduce protocol -------------------------------------------------------------------

Status save_reduce(Pickler* p, Tuple* rv, Value obj) {
  int64_t size = rv->size;
  if (size < 2 || size > 6) return raise_pickling("tuple returned by __reduce__ must contain 2 through 6 elements");
  Value callable = rv->items[0], argtup = rv->items[1];
  Value state = size > 2 ? rv->items[2] : Value();
  Value listitems = size > 3 ? rv->items[3] : Value();
  Value dictitems = size > 4 ? rv->items[4] : Value();
  Value state_setter = size > 5 ? rv->items[5] : Value();
  if (!is_callable(callable)) return raise_pickling("first item of the tuple returned by __reduce__ must be callable");
  if (!is_tuple(argtup)) return raise_pickling("second item of the tuple returned by __reduce__ must be a tuple");
  if (state && is_none(state)) state = Value();
  auto is_iterator = [](Value v) { return bool(type_lookup(v.type(), N.__next__)); };
  if (listitems && is_none(listitems)) listitems = Value();
  else if (listitems && !is_iterator(listitems))
    return raise_pickling(std::string("fourth element of the tuple returned by __reduce__ must be an iterator, not ") +
                          type_name(listitems));
  if (dictitems && is_none(dictitems)) dictitems = Value();
  else if (dictitems && !is_iterator(dictitems))
    return raise_pickling(std::string("fifth element of the tuple returned by __reduce__ must be an iterator, not ") +
                          type_name(dictitems));
  if (state_setter && is_none(state_setter)) state_setter = Value();
  else if (state_setter && !is_callable(state_setter))
    return raise_pickling(std::string("sixth element of the tuple returned by __reduce__ must be a function, not ") +
                          type_name(state_setter));
  bool newobj = false, newobj_ex = false;
  if (p->proto >= 2) {
    Value name;
    TRY(getattr_opt(callable, N.__name__, &name));
    if (name && is_str(name)) {
      newobj_ex = as_str(name)->view() == "__newobj_ex__";
      newobj = as_str(name)->view() == "__newobj__";
    }
  }
  Tuple* at = as_tuple(argtup);
  if (newobj_ex) {
    if (at->size != 3)
      return raise_pickling("length of the NEWOBJ_EX argument tuple must be exactly 3, not " + std::to_string(at->size));
    Value cls = at->items[0], args = at->items[1], kwargs = at->items[2];
    if (!is_type(cls))
      return raise_pickling(std::string("first item from NEWOBJ_EX argument tuple must be a class, not ") +
                            type_name(cls));
    if (!is_tuple(args))
      return raise_pickling(std::string("second item from NEWOBJ_EX argument tuple must be a tuple, not ") +
                            type_name(args));
    if (!is_dict(kwargs))
      return raise_pickling(std::string("third item from NEWOBJ_EX argument tuple must be a dict, not ") +
                            type_name(kwargs));
    if (p->proto >= 4) {
      TRY(save(p, cls));
      TRY(save(p, args));
      TRY(save(p, kwargs));
      put_op(p, '\x92');
    } else {
      // partial(cls.__new__, cls, *args, **kwargs)()
      Helpers* h = TRY(helpers());
      Value cls_new = TRY(getattr(cls, N.__new__));
      Tuple* a = as_tuple(args);
      Tuple* pa = tuple_new(a->size + 2);
      pa->items[0] = cls_new;
      pa->items[1] = cls;
      for (int64_t i = 0; i < a->size; i++) pa->items[2 + i] = a->items[i];
      Value fn = TRY(call_ex(h->partial, pa, as_dict(kwargs)));
      TRY(save(p, fn));
      TRY(save(p, Value(tuple_empty())));
      put_op(p, 'R');
    }
  } else if (newobj) {
    if (at->size < 1) return raise_pickling("__newobj__ arglist is empty");
    Value cls = at->items[0];
    if (!is_type(cls)) return raise_pickling("args[0] from __newobj__ args is not a type");
    if (obj) {
      Value oc;
      TRY(getattr_opt(obj, N.__class__, &oc));
      if (oc != cls) return raise_pickling("args[0] from __newobj__ args has the wrong class");
    }
    TRY(save(p, cls));
    TRY(save(p, Value(tuple_slice(at, 1, at->size))));
    put_op(p, '\x81');
  } else {
    TRY(save(p, callable));
    TRY(save(p, argtup));
    put_op(p, 'R');
  }
  if (obj) {
    // Memoized meanwhile: the object is recursive; use the memo's copy.
    if (const MemoEntry* e = memo_find(p, obj)) {
      put_op(p, '0');
      TRY(memo_get(p, e->index));
    } else {
      TRY(memo_put(p, obj));
    }
  }
  if (listitems) TRY(batch_iter(p, listitems, false));
  if (dictitems) TRY(batch_iter(p, dictitems, true));
  if (state) {
    if (!state_setter) {
      TRY(save(p, state));
      put_op(p, 'b');
    } else {
      // state_setter(obj, state), its result discarded.
      TRY(save(p, state_setter));
      TRY(save(p, obj));
      TRY(save(p, state));
      put_op(p, '\x86');
      put_op(p, 'R');
      put_op(p, '0');
    }
  }
  return OK();
}

Status save_type(Pickler* p, Value obj) {
  Value singleton;
  if (obj == Value(tp_NoneType)) singleton = None();
  else if (obj == Value(tp_ellipsis)) singleton = Value(g_Ellipsis);
  else if (obj == Value(tp_NotImplementedType)) singleton = Value(g_NotImplemented);
  if (singleton) return save_reduce(p, tuple_of({Value(tp_type), Value(tuple_of({singleton}))}), obj);
  return save_global(p, obj, Value());
}

Status finish_reduce(Pickler* p, Value obj, Value rv) {
  if (is_str(rv)) return save_global(p, obj, rv);
  if (!is_tuple(rv)) return raise_pickling("__reduce__ must return a string or tuple");
  return save_reduce(p, as_tuple(rv), obj);
}

Status save_inner(Pickler* p, Value obj, bool pers_save) {
  if (!pers_save && p->pers_func) {
    Value pid = TRY(call1(p->pers_func, obj));
    if (!is_none(pid)) return save_pers(p, pid);
  }
  Type* t = obj.type();
  if (is_none(obj)) return put_op(p, 'N'), OK();
  if (t == tp_bool) {
    if (p->proto >= 2) put_op(p, obj == True() ? '\x88' : '\x89');
    else put(p, obj == True() ? std::string_view("I01\n") : std::string_view("I00\n"));
    return OK();
  }
  if (t == tp_int) return save_long(p, obj);
  if (t == tp_float) return save_float(p, float_val(obj));
  if (const MemoEntry* e = memo_find(p, obj)) return memo_get(p, e->index);
  if (t == tp_bytes) return save_bytes(p, obj);
  if (t == tp_str) return save_unicode(p, obj);
  Value rv;
  if (p->reducer_override) {
    rv = TRY(call1(p->reducer_override, obj));
    if (rv == Value(g_NotImplemented)) rv = Value();
    else return finish_reduce(p, obj, rv);
  }
  if (t == tp_dict) return save_dict(p, obj);
  if (t == tp_set) return save_set(p, obj);
  if (t == tp_frozenset) return save_frozenset(p, obj);
  if (t == tp_list) return save_list(p, obj);
  if (t == tp_tuple) return save_tuple(p, obj);
  if (t == tp_bytearray) return save_bytearray(p, obj);
  if (t == tp_PickleBuffer) return save_picklebuffer(p, obj);
  if (t == tp_type) return save_type(p, obj);
  if (t == tp_function) return save_global(p, obj, Value());
  // copyreg's (or the pickler's own) dispatch table, then the object's __reduce_ex__.
  Value reduce_func;
  Value table = p->dispatch_table;
  if (!table) table = TRY(helpers())->dispatch_table;
  if (is_dict(table)) {
    TRY(dict_get2(as_dict(table), Value(t), &reduce_func));
  } else if (table) {
    Result<Value> r = getitem(table, Value(t));
    if (r.ok()) reduce_func = r.value();
    else if (exc_matches(tp_KeyError)) exc_clear();
    else return ERR;
  }
  if (reduce_func) {
    rv = TRY(call1(reduce_func, obj));
  } else if (is_subtype(t, tp_type)) {
    return save_global(p, obj, Value());
  } else {
    Value m;
    TRY(getattr_opt(obj, N.__reduce_ex__, &m));
    if (m) {
      rv = TRY(call1(m, Value::small(p->proto)));
    } else {
      TRY(getattr_opt(obj, N.__reduce__, &m));
      if (!m) {
        Str* r = TRY(repr(obj));
        return raise_pickling(std::string("can't pickle '") + type_name(obj) + "' object: " + r->data);
      }
      rv = TRY(call0(m));
    }
  }
  return finish_reduce(p, obj, rv);
}

Status save(Pickler* p, Value obj, bool pers_save) {
  if (!enter_recursion(" while pickling an object")) return ERR;
  Status st = save_inner(p, obj, pers_save);
  leave_recursion();
  if (!st.ok()) return ERR;
  return opcode_boundary(p);
}

}  // namespace

Status pickler_dump(Pickler* p, Value obj) {
  if (!p->memo) return raise_pickling("Pickler.__init__() was not called by " + std::string(type_name(Value(p))) + ".__init__()");
  p->out->clear();
  p->frame_start = -1;
  p->framing = false;
  if (p->proto >= 2) {
    char h[2] = {'\x80', char(p->proto)};
    put(p, std::string_view(h, 2));
    if (p->proto >= 4) p->framing = true;
  }
  Status st = save(p, obj);
  if (st.ok()) {
    put_op(p, '.');
    commit_frame(p);
    p->framing = false;
  } else {
    p->framing = false;
    p->frame_start = -1;
    return ERR;
  }
  return OK();
}

Value pickler_result(Pickler* p) { return bytes_from(std::string_view(p->out->data(), p->out->size())); }

Status pickler_flush(Pickler* p) {
  Status st = flush_to_file(p);
  p->out->clear();
  return st;
}

}  // namespace gilpy::pickle
