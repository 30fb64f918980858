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

// Other native types that export a buffer keep their bytes in a ByteArray and register a hook,
// so memoryview, bytes-like arguments and struct.pack_into reach that storage exactly as they
// reach a bytearray's. array.array keeps its items in a private bytearray; mmap.mmap hands out a
// ByteArray header whose `data` points into the mapping (its `exports` is never zero, so nothing
// ever reallocates it) and asks memoryviews to count themselves in `storage->exports` while they
// are alive (`counted`), so that close() and resize() can refuse while views exist.
struct BufferExport {
  ByteArray* storage;
  char format;         // memoryview format character of one item
  int64_t itemsize;
  Value owner;         // what memoryview.obj reports (null: the storage itself)
  bool readonly;       // memoryviews are read-only; pack_into and readinto refuse
  bool counted;        // memoryviews add themselves to storage->exports until released
  const char* invalid; // non-null: the exporter cannot export now (closed mmap): ValueError text
};
// Find the exporter hook that knows v. Fills *out (zeroed first) and returns true, or false.
bool buffer_export(Value v, BufferExport* out);
// Hooks are tried in registration order; each returns false for objects it does not know.
void register_buffer_export(bool (*hook)(Value v, BufferExport* out));

// A writable contiguous buffer (bytearray, writable exporters, writable C-contiguous
// memoryviews of those): its address and length, valid until the next call that may run
// Python or resize the object. False (nothing raised) for anything else.
bool writable_buffer(Value v, char** data, int64_t* size);
// readinto-style targets: the byte size of v (writable_buffer's, else len(v)), and copying data
// to its start (memcpy into a writable buffer, else v[0:len(data)] = data). The copy raises
// ValueError "buffer too small" when data does not fit a writable buffer (it may have shrunk).
Result<int64_t> writable_size(Value v);
Status store_into_buffer(Value v, std::string_view data);
// memoryview.cpp: the bytes of a contiguous memoryview over a `counted` exporter, in place
// (other views go through a copy). False when v is not such a view.
bool memoryview_direct_view(Value v, std::string_view* out);
bool memoryview_writable_span(Value v, char** data, int64_t* size);

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
