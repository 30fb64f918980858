// _posixshmem: POSIX shared memory names (shm_open, shm_unlink), as in
// CPython 3.11 on Linux. multiprocessing.resource_tracker imports it (it
// unlinks leaked segments) and multiprocessing.shared_memory opens them.
#include <fcntl.h>
#include <sys/mman.h>

#include <cerrno>
#include <string>

#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/eval_breaker.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Result<std::string> path_arg(const char* fname, Value v) {
  if (!is_str(v)) return raise_fmt(tp_TypeError, "%s() argument 'path' must be str, not %s", fname, type_name(v));
  std::string p(as_str(v)->view());
  if (p.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null character");
  return p;
}

// shm_open(path, flags, mode=0o777) -> fd
static Result<Value> shm_open_fn(Value* a, int64_t n, Tuple* kw) {
  Value out[3];
  TRY(parse_args("shm_open", a, n, kw, {"path", "flags", "mode"}, 2, out));
  std::string path = TRY(path_arg("shm_open", out[0]));
  int64_t flags = TRY(as_index(out[1]));
  int64_t mode = out[2] ? TRY(as_index(out[2])) : 0777;
  int fd;
  for (;;) {
    fd = ::shm_open(path.c_str(), int(flags), mode_t(mode));
    if (fd >= 0 || errno != EINTR) break;
    TRY(check_signals());
  }
  if (fd < 0) return raise_errno(errno, out[0]);
  return int_from_i64(fd);
}

// shm_unlink(path)
static Result<Value> shm_unlink_fn(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("shm_unlink", a, n, kw, {"path"}, 1, out));
  std::string path = TRY(path_arg("shm_unlink", out[0]));
  int r;
  for (;;) {
    r = ::shm_unlink(path.c_str());
    if (r == 0 || errno != EINTR) break;
    TRY(check_signals());
  }
  if (r < 0) return raise_errno(errno, out[0]);
  return None();
}

static const MethodDef functions[] = {{"shm_open", shm_open_fn}, {"shm_unlink", shm_unlink_fn}, {nullptr, nullptr}};

static Result<Value> init() { return Value(native_module_new("_posixshmem", functions)); }
GILPY_NATIVE_MODULE("_posixshmem", init);

}  // namespace gilpy
