// _uuid: the C half of CPython's uuid module, on libuuid (Debian's uuid-dev).
// uuid.py uses generate_time_safe() for uuid1() when it exists (a version-1
// UUID whose clock sequence the system keeps unique across processes, via
// uuidd when it runs) and reads has_uuid_generate_time_safe.
#include <uuid/uuid.h>

#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/interp.h"

namespace gilpy {

namespace {

// generate_time_safe() -> (16 bytes, is_safe): is_safe is libuuid's answer,
// 0 when the UUID was made safely, -1 when not (no uuidd), as in CPython.
// The call may talk to uuidd over a socket, so the GIL is released.
Result<Value> generate_time_safe(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("generate_time_safe", kw));
  TRY(check_nargs("generate_time_safe", n, 0, 0));
  uuid_t out;
  int res;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    res = uuid_generate_time_safe(out);
  }
  Value bytes = Value(bytes_from(std::string_view(reinterpret_cast<const char*>(out), sizeof out)));
  return Value(tuple_of({bytes, Value::small(res)}));
}

const MethodDef functions[] = {{"generate_time_safe", generate_time_safe}, {nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_uuid", functions);
  dict_set_str(m->dict, str_intern("has_uuid_generate_time_safe"), Value::small(1));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_uuid", init);

}  // namespace gilpy
