// bytes and bytearray.
//
// bytes: immutable, payload stored inline after the header (data[size] == 0
// always, so the payload can be handed to C APIs). Exact bytes objects are
// allocated atomically (no pointers inside beyond the header); subclass
// instances use alloc_instance because their `dict` must be traced.
// `hash` is -1 until computed.
//
// bytearray: mutable, payload in a separate atomic buffer of `capacity + 1`
// bytes (data[size] == 0 kept as an invariant). `exports` counts live buffer
// exports (memoryview); while non-zero the buffer must not be resized
// (BufferError "Existing exports of data: object cannot be re-sized").
//
// Both layouts keep `Dict* dict` first after the header (offset 8), like every
// subclassable builtin layout.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilpy {

struct Dict;

struct Bytes : Object {
  Dict* dict;  // subclass instances only
  int64_t size;
  int64_t hash;
  char data[];
  std::string_view view() const { return {data, size_t(size)}; }
};

struct ByteArray : Object {
  Dict* dict;  // subclass instances only
  int64_t size;
  int64_t capacity;
  char* data;  // atomic buffer of capacity + 1 bytes, or null when capacity == 0
  int64_t exports;
  std::string_view view() const { return {data ? data : "", size_t(size)}; }
};

// ---- bytes ----------------------------------------------------------------------------------
// New exact bytes object holding a copy of s (the compiler emits calls for bytes literals).
Value bytes_from(std::string_view s);
// New exact bytes of `size` bytes (contents zeroed) to be filled by the caller; null on
// allocation failure of a huge size (MemoryError is then pending).
Bytes* bytes_new(int64_t size);
Bytes* bytes_empty();
int64_t bytes_hash(Bytes* b);
inline bool is_bytes(Value v) { return has_layout(v, Layout::Bytes); }
inline Bytes* as_bytes(Value v) { return v.as<Bytes>(); }

// ---- bytearray ------------------------------------------------------------------------------
ByteArray* bytearray_new(std::string_view init = {});
inline bool is_bytearray(Value v) { return has_layout(v, Layout::ByteArray); }
inline ByteArray* as_bytearray(Value v) { return v.as<ByteArray>(); }
// Make room for at least n bytes (size unchanged). BufferError when exported.
Status bytearray_reserve(ByteArray* b, int64_t n);
// Set the size to n (growing zero-fills). BufferError when exported and the size changes.
Status bytearray_resize(ByteArray* b, int64_t n);
Status bytearray_append(ByteArray* b, std::string_view s);

// ---- bytes-like arguments -------------------------------------------------------------------
// The contents of a bytes-like object (bytes, bytearray, memoryview of those, g_buffer_export types).
// TypeError "a bytes-like object is required, not 'str'" otherwise.
// The view stays valid while the object is alive and (for bytearray) not resized.
Result<std::string_view> buffer_view(Value v);
// Same without raising: false when v is not bytes-like.
bool buffer_view_opt(Value v, std::string_view* out);

// Other native types that export a buffer (array.array) keep their items in a bytearray and
// install this hook, so memoryview, bytes-like arguments and struct.pack_into reach that storage
// exactly as they reach a bytearray's. `format` is the memoryview format character of one item.
struct BufferExport {
  ByteArray* storage;
  char format;
  int64_t itemsize;
};
extern bool (*g_buffer_export)(Value v, BufferExport* out);

// repr(b) text for bytes content: b'...' with CPython's quoting rules.
std::string bytes_repr_text(std::string_view data);

// Codecs shared with str.encode / bytes.decode and the codecs module.
// `encoding` is normalised (case-insensitive, '-' and '_' equivalent, aliases like
// "utf8", "latin1", "iso-8859-1", "us-ascii"). `obj` is the str (for encode) or
// bytes object (for decode) used in the UnicodeError's attributes.
Result<Value> codec_encode(Str* s, std::string_view encoding, std::string_view errors);
Result<Value> codec_decode(std::string_view data, std::string_view encoding, std::string_view errors,
                           Value obj = Value());

}  // namespace gilpy
