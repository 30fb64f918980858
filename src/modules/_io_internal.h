// Shared declarations of the _io module's files (_io*.cpp): the object
// layouts, the type objects, and helpers used across the class hierarchy.
//
// Layout rule: every _io object starts with IOBase (Object header, then the
// instance Dict* at offset 8, then the _IOBase "closed" flag), so user
// subclasses of any _io class get a __dict__ and io.IOBase subclasses written
// in Python share the flag CPython keeps as `__IOBase_closed`.
//
// Memory rule: byte and text buffers are GcBuf (pointer-free collector memory
// owned by the object). std::string members would be malloc memory that is
// never released, because the collector does not run C++ destructors.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "gc/heap.h"
#include "objects/str.h"
#include "runtime/object.h"

namespace gilpy {

struct Tuple;
struct Dict;

namespace io {

inline constexpr int64_t kDefaultBufferSize = 8192;

// A growable byte buffer in atomic collector memory. The owner object is
// scanned, so `data` stays alive exactly as long as the owner does.
struct GcBuf {
  char* data;
  int64_t len;
  int64_t cap;
  std::string_view view() const { return {data ? data : "", size_t(len)}; }
  void reserve(int64_t n) {
    if (n <= cap) return;
    int64_t nc = cap ? cap : 64;
    while (nc < n) nc *= 2;
    char* nd = static_cast<char*>(gc::alloc_atomic(size_t(nc)));
    if (len) std::memcpy(nd, data, size_t(len));
    data = nd;
    cap = nc;
  }
  void append(const char* p, int64_t n) {
    if (n <= 0) return;
    reserve(len + n);
    std::memcpy(data + len, p, size_t(n));
    len += n;
  }
  void append(std::string_view s) { append(s.data(), int64_t(s.size())); }
  void clear() { len = 0; }
  // Drop the first n bytes (n <= len).
  void consume(int64_t n) {
    if (n >= len) { len = 0; return; }
    std::memmove(data, data + n, size_t(len - n));
    len -= n;
  }
  void assign(std::string_view s) { len = 0; append(s); }
};

struct IOBase : Object {
  Dict* dict;
  bool iobase_closed;  // _IOBase's own closed state (the __IOBase_closed attribute)
};

struct FileIO : IOBase {
  int fd;            // -1 once closed
  bool readable, writable, appending, created, closefd;
  int8_t seekable;   // -1 not yet known
  int64_t blksize;
};

enum class BufKind : uint8_t { Reader, Writer, Random };
struct Buffered : IOBase {
  Value raw;
  BufKind kind;
  bool ok;        // __init__ completed
  bool detached;
  bool fast;      // raw is an exact _io.FileIO: call it directly
  int64_t buffer_size;
  GcBuf rbuf;     // read-ahead: rbuf[rpos..len) not yet returned
  int64_t rpos;
  GcBuf wbuf;     // written, not yet passed to raw
  // The object's own lock (CPython's ENTER_BUFFERED): raw I/O runs without
  // the GIL, so another thread could otherwise touch rbuf/wbuf midway.
  // Recursive for its owning thread (close calls flush). owner is a
  // ThreadState serial (0: free); a lock taken before a fork() (epoch) is
  // free in the child, whose other threads are gone.
  std::atomic<uint64_t> owner;
  int32_t depth;
  uint32_t epoch;
};

struct BufferedRWPair : IOBase {
  Value reader, writer;  // a BufferedReader and a BufferedWriter
};

struct BytesIO : IOBase {
  GcBuf buf;
  int64_t pos;
  int64_t exports;  // live getbuffer() views: resizing is refused
  bool closed;
};

struct StringIO : IOBase {
  uint32_t* cps;     // code points (atomic memory), len of them live
  int64_t len, cap;
  int64_t pos;       // in code points; may exceed len (writes pad with NULs)
  bool ok, closed;
  bool readuniversal, readtranslate;
  Str* writenl;      // null: no translation on write
  Str* readnl;       // null for universal mode
  int seennl;        // bit set of newline kinds seen (universal mode)
};

struct NewlineDecoder : Object {
  Dict* dict;
  Value decoder;     // None or an incremental decoder
  bool translate;
  bool pendingcr;
  int seennl;
};

// Newline kinds seen while decoding with universal newlines.
enum : int { SEEN_LF = 1, SEEN_CR = 2, SEEN_CRLF = 4 };

enum class Codec : uint8_t { Generic, Utf8, Ascii, Latin1 };

struct TextIO : IOBase {
  Value buffer;
  Str* encoding;
  Str* errors;
  Value decoder;        // generic codecs: the incremental decoder (or null)
  Value encoder;        // generic codecs: the incremental encoder (or null)
  Value readnl;         // None (universal) or the newline str
  Str* writenl;         // null: no translation on write
  Codec codec;
  bool strict_errors;   // errors == "strict": enables the fast tell() walk
  bool ok, detached;
  bool readuniversal, readtranslate;
  bool line_buffering, write_through;
  bool seekable, telling, has_read1;
  bool can_read, can_write;   // buffer.readable()/writable() at construction
  bool snapshot_pendingcr;    // generic codecs: pendingcr before `snapshot`
  bool eof;             // the buffer returned b'' (reset by seek)
  bool pendingcr;       // generic codecs: a '\r' held back by the newline step
  int seennl;
  bool encoder_skip_bom;  // the next generic encode must not emit a BOM
  GcBuf decoded;        // decoded text (UTF-8/WTF-8) not yet returned: [decoded_pos, len)
  int64_t decoded_pos;
  GcBuf pending;        // native codecs: undecoded bytes held back (partial char, '\r')
  int64_t snapshot_pos; // stream position where `snapshot` begins; -1: none
  GcBuf snapshot;       // the decoder input that produced `decoded`
  Value snapshot_state; // generic codecs: decoder.getstate() before `snapshot`
  int64_t chunk_size;
  GcBuf wpending;       // encoded text not yet passed to buffer.write (CPython's pending_bytes)
};

// ---- types (created once by ensure_types) -------------------------------------------
extern Type* tp_IOBase;
extern Type* tp_RawIOBase;
extern Type* tp_BufferedIOBase;
extern Type* tp_TextIOBase;
extern Type* tp_FileIO;
extern Type* tp_BufferedReader;
extern Type* tp_BufferedWriter;
extern Type* tp_BufferedRandom;
extern Type* tp_BufferedRWPair;
extern Type* tp_BytesIO;
extern Type* tp_StringIO;
extern Type* tp_TextIOWrapper;
extern Type* tp_IncrementalNewlineDecoder;
extern Type* tp_UnsupportedOperation;

void ensure_types();
Type* make_fileio_type();
void make_buffered_types();
void make_text_types();
Type* make_bytesio_type();
Type* make_stringio_type();

// ---- shared helpers ---------------------------------------------------------------------
Err unsupported(const char* msg);
Err err_closed();                                   // "I/O operation on closed file."
// `self.closed` (through the attribute protocol: subclasses may override it).
Result<bool> is_closed(Value self);
Status check_closed(Value self);
Status check_readable(Value self);
Status check_writable(Value self);
Status check_seekable(Value self);
// The size argument of read()/readline(): None or absent -> -1.
Result<int64_t> size_arg(Value v);
// Allocate an instance of cls (a subclass of `base`) with base's layout size.
Object* alloc_io(Value cls);
// FileIO operations used directly by Buffered when raw is an exact FileIO.
Result<Value> fileio_read_bytes(FileIO* f, int64_t n);   // bytes, or None (EAGAIN)
Result<int64_t> fileio_write_bytes(FileIO* f, std::string_view data);  // -1: EAGAIN
Result<int64_t> fileio_seek(FileIO* f, int64_t pos, int whence);
Status fileio_close_fd(FileIO* f);
void track_fileio(FileIO* f);  // closes the descriptor when the object is collected unclosed
// Remember/forget a Buffered object whose write buffer must be flushed at exit.
void track_writer(Buffered* b);
// Flush every live buffered writer over a FileIO (interpreter exit).
void flush_all_writers();
// Remember a TextIOWrapper over a tracked buffered writer: its pending bytes join
// the writer's buffer at exit or when the wrapper is collected.
void track_text(TextIO* t);
// Decode helpers shared by TextIOWrapper, StringIO and IncrementalNewlineDecoder.
// Universal-newline step over UTF-8 text `in`: translate (\r\n, \r -> \n) when
// `translate`, record kinds in *seennl. A trailing '\r' is held back in *pendingcr
// unless `final`.
void newline_step(std::string_view in, bool translate, bool final, bool* pendingcr, int* seennl, std::string& out);
Value newlines_value(int seennl);
// Find the end of the first line in text[start, len): the index just past the line
// terminator, or -1 when no terminator is complete. `readnl` null: universal mode
// (\r, \n, \r\n; a '\r' at the very end is incomplete unless `final`), else translated
// mode uses '\n' when readnl is "\n".
int64_t find_line_end(std::string_view text, int64_t start, bool universal, std::string_view nl, bool final);
// Make a Python str from UTF-8/WTF-8 bytes that are known to be valid.
inline Value text_value(std::string_view s) { return Value(str_new(s)); }
Value io_open_builtin();

}  // namespace io

// Called by sys (the standard streams) and builtins (builtins.open).
Result<Value> io_make_std_stream(int fd, bool write);
Value io_open_function();

}  // namespace gilpy
