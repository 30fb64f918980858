// What _gdbm (on libgdbm) and _dbm (on Berkeley DB's ndbm interface) share:
// the conversion of keys, values and file names as CPython 3.11's modules
// convert them, and their OSError subclass `error`.
#pragma once
#include <string>
#include <string_view>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/object.h"
#include "runtime/protocols.h"

namespace gilpy::dbm_common {

// A key or value given as str (UTF-8, strict: a lone surrogate raises
// UnicodeEncodeError) or bytes (a bytes subclass too). Other objects raise
// TypeError with CPython's "s#" wording: a read-only buffer is required, so
// bytearray and memoryview are refused as well.
Status text_or_bytes(Value v, std::string_view* out, Value* keep);

// The file name argument: str, bytes or os.PathLike, in the filesystem
// encoding; ValueError "embedded null byte" for a NUL inside.
Status filename_arg(Value v, std::string* out);

// `module`.error, a subclass of OSError (None as __doc__, as in CPython).
Result<Type*> make_error(const char* module);

// error(errno, strerror(errno), filename), the filename decoded like os.fsdecode.
Err raise_errno_with_filename(Type* error, int err, std::string_view filename);

}  // namespace gilpy::dbm_common
