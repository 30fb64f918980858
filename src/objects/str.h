// str: immutable Unicode text stored as UTF-8.
//
// Invariants: data[nbytes] == '\0'; `length` counts code points; `ascii` is
// true iff nbytes == length, which makes indexing O(1). Non-ASCII indexing
// walks the UTF-8 (O(n)); `hash` is -1 until first computed.
#pragma once
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gilpy {

struct Dict;
// No dict slot in the header (exact strs are most strs): a subclass
// instance keeps its Dict* after the text (kDictAfterStrData, str_dict_slot).
// Allocate str_alloc_size(capacity) bytes: data starts at offset 34, not sizeof(Str).
struct Str : Object {
  int64_t hash;
  int64_t length;  // code points
  int64_t nbytes;
  bool ascii;
  bool interned;
  char data[];
  std::string_view view() const { return {data, size_t(nbytes)}; }
};

constexpr size_t kStrDataOffset = sizeof(Object) + 3 * sizeof(int64_t) + 2;  // not sizeof(Str) (40)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
static_assert(offsetof(Str, data) == kStrDataOffset);
#pragma GCC diagnostic pop
// Bytes of a Str with room for `capacity` bytes of text plus the NUL.
inline size_t str_alloc_size(size_t capacity) { return kStrDataOffset + capacity + 1; }
// Offset of a subclass instance's Dict*: the first 8-aligned word after the NUL.
inline size_t str_dict_offset(int64_t nbytes) { return (kStrDataOffset + size_t(nbytes) + 1 + 7) & ~size_t(7); }

Str* str_new(std::string_view utf8);                  // validates nothing: caller gives UTF-8
Str* str_new_ascii(std::string_view ascii);
Str* str_from_cp(uint32_t cp);
int str_encode_cp(uint32_t cp, char* buf);  // UTF-8 (WTF-8 for surrogates) into buf[4]; returns length
Str* str_intern(std::string_view utf8);               // the canonical interned object
Str* str_intern(Str* s);
Str* str_empty();
int64_t str_hash(Str* s);
// The hash of str and bytes contents, seeded per process (PYTHONHASHSEED):
// set the seed before anything is hashed (cli/options.cpp does, first thing).
int64_t hash_bytes(const char* data, int64_t n);  // bytes, memoryview
int64_t hash_text(const char* utf8, int64_t n);   // a str with this UTF-8 text
// from_env: `seed` is PYTHONHASHSEED's value (CPython's keys); else random bits.
void str_set_hash_seed(uint64_t seed, bool from_env);
bool str_eq(Str* a, Str* b);
Value str_value(std::string_view utf8);
inline bool is_str(Value v) { return has_layout(v, Layout::Str); }
inline Str* as_str(Value v) { return v.as<Str>(); }

// Byte offset of code point index i (0 <= i <= length).
int64_t str_offset(Str* s, int64_t i);
uint32_t str_char_at(Str* s, int64_t i);
Str* str_substr(Str* s, int64_t start, int64_t stop);  // code point indices
Str* str_concat(Str* a, Str* b);
// a + b for INPLACE_ADD_FAST (bytecode/opcodes.def), both exact non-empty
// strs. With `extend` (a is the frame's builder: referenced only by the
// local being assigned) a is extended in place when its block has room;
// otherwise the result is new, with room to grow when `extend`.
Str* str_builder_concat(Str* a, Str* b, bool extend);
Result<Str*> str_repr(Str* s);
Result<Value> str_compare(Str* a, Str* b, int op);

// Interned identifiers used by the runtime (dunder names and the like).
#define GILPY_NAMES(X)                                                                     \
  X(__init__) X(__new__) X(__call__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__) \
  X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__bool__) X(__len__) X(__iter__) X(__next__)    \
  X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__getattr__)               \
  X(__getattribute__) X(__setattr__) X(__delattr__) X(__get__) X(__set__) X(__delete__)     \
  X(__add__) X(__sub__) X(__mul__) X(__matmul__) X(__truediv__) X(__floordiv__) X(__mod__)  \
  X(__divmod__) X(__pow__) X(__lshift__) X(__rshift__) X(__and__) X(__xor__) X(__or__)      \
  X(__radd__) X(__rsub__) X(__rmul__) X(__rmatmul__) X(__rtruediv__) X(__rfloordiv__)       \
  X(__rmod__) X(__rdivmod__) X(__rpow__) X(__rlshift__) X(__rrshift__) X(__rand__)          \
  X(__rxor__) X(__ror__) X(__iadd__) X(__isub__) X(__imul__) X(__imatmul__)                 \
  X(__itruediv__) X(__ifloordiv__) X(__imod__) X(__ipow__) X(__ilshift__) X(__irshift__)    \
  X(__iand__) X(__ixor__) X(__ior__) X(__neg__) X(__pos__) X(__invert__) X(__abs__)         \
  X(__index__) X(__int__) X(__float__) X(__round__) X(__trunc__)             \
  X(__floor__) X(__ceil__) X(__enter__) X(__exit__) X(__aenter__) X(__aexit__)              \
  X(__await__) X(__aiter__) X(__anext__) X(__format__) X(__dict__) X(__class__) X(__name__) \
  X(__qualname__) X(__module__) X(__doc__) X(__slots__) X(__mro__) X(__bases__)             \
  X(__init_subclass__) X(__set_name__) X(__class_getitem__) X(__missing__) X(__reversed__)  \
  X(__del__) X(__builtins__) X(__file__) X(__annotations__) X(__all__) X(__path__)          \
  X(__package__) X(__spec__) X(__loader__) X(__prepare__) X(__instancecheck__)              \
  X(__subclasscheck__) X(__length_hint__) X(__mro_entries__) X(__classcell__) X(__main__)   \
  X(__weakref__) X(__dir__) X(__sizeof__) X(__reduce__) X(__reduce_ex__) X(__cached__)      \
  X(__abstractmethods__) X(__orig_bases__) X(__isabstractmethod__) X(__objclass__)          \
  X(__self__) X(__wrapped__) X(__kwdefaults__) X(__defaults__) X(__code__)      \
  X(__closure__) X(__globals__) X(__copy__) X(__deepcopy__) X(__getstate__) X(__setstate__) \
  X(__fspath__) X(__bytes__) X(__import__) X(__build_class__) X(__debug__) X(__origin__)    \
  X(__text_signature__) X(__getnewargs__) X(__getnewargs_ex__)                              \
  X(mro) X(send) X(close) X(keys) X(items) X(values) X(get) X(append) X(write)     \
  X(flush) X(read) X(readline) X(fileno) X(args) X(value) X(encoding) X(errors) X(name)     \
  X(metaclass) X(sep) X(end) X(file) X(key) X(reverse) X(strict) X(code) X(msg) \
  X(filename) X(lineno) X(offset) X(text) X(end_lineno) X(end_offset) X(path)     \
  X(strerror) X(sys) X(builtins) X(stdout) X(stderr) X(stdin) X(modules) X(excepthook)      \
  X(displayhook) X(obj) X(start) X(stop) X(step) X(real) X(imag) X(_)

// Names that are C++ keywords or reserved identifiers get a field name
// ending in '_' (N.throw_ is "throw").
#define GILPY_NAMES_RENAMED(X) \
  X(complex_, "__complex__") X(func_, "__func__") X(throw_, "throw") X(default_, "default") X(errno_, "errno")

struct Names {
#define GILPY_NAME_FIELD(n) Str* n;
  GILPY_NAMES(GILPY_NAME_FIELD)
#undef GILPY_NAME_FIELD
#define GILPY_NAME_FIELD2(f, text) Str* f;
  GILPY_NAMES_RENAMED(GILPY_NAME_FIELD2)
#undef GILPY_NAME_FIELD2
};
extern Names N;  // N.__init__, N.keys, ...
void init_names();

}  // namespace gilpy
