// Shared helpers of the posix module, which is split by concept:
//   posix.cpp        module assembly, path/fd argument conversion, environ, constants
//   posix_fs.cpp     stat and the path operations (mkdir, rename, chmod, utime, ...)
//   posix_dir.cpp    listdir, scandir and DirEntry
//   posix_fd.cpp     file-descriptor I/O (open, read, write, pipe, dup, ...)
//   posix_proc.cpp   processes, users, system information (fork, exec, wait, uname, ...)
//   posix_linux.cpp  Linux descriptor calls (getrandom, splice, eventfd, readv, ...)
//   posix_xattr.cpp  extended attributes (getxattr, setxattr, listxattr, removexattr)
//   posix_ids.cpp    user and group ids, priorities, the scheduler, waitid/wait3/wait4
//   posix_spawn.cpp  posix_spawn and posix_spawnp
// Every blocking system call retries on EINTR after running pending signal
// handlers (PEP 475): a handler that raises aborts the call with its exception.
#pragma once
#include <sys/stat.h>

#include <string>
#include <string_view>
#include <vector>

#include "objects/module.h"
#include "objects/type.h"
#include "runtime/object.h"

namespace gilpy::posix {

// A converted path argument (CPython's path_t). Invariant: when `fd` is -1 and
// `absent` is false, `bytes` holds the filesystem path with no NUL inside.
struct Path {
  Value obj;              // the argument as given, used for OSError.filename
  std::string bytes;      // filesystem encoding (UTF-8 + surrogateescape)
  bool is_bytes = false;  // results (listdir names, readlink) are bytes when true
  int fd = -1;            // >= 0 when an int file descriptor was passed (allow_fd)
  bool absent = false;    // None or missing (nullable): the caller picks a default
  const char* c() const { return bytes.c_str(); }
};

// Convert `v` like CPython's path_converter: str, bytes, os.PathLike, and
// optionally an int fd (allow_fd) or None (nullable). Messages use `fname`
// and `argname` ("listxattr: path should be ...").
Status path_convert(const char* fname, Value v, Path* out, bool allow_fd = false, bool nullable = false,
                    const char* argname = "path");
// uid_t / gid_t arguments as CPython converts them: -1 is (uid_t)-1, other
// negative values and values past the type's maximum raise OverflowError,
// non-integers TypeError ("uid should be integer, not str").
Result<uid_t> uid_convert(Value v);
Result<gid_t> gid_convert(Value v);
// dir_fd=None (or absent) -> AT_FDCWD, else an int fd.
Result<int> dir_fd_convert(Value v);
// An int file descriptor argument (via __index__).
Result<int> fd_convert(Value v);
// A keyword flag (follow_symlinks=...): truthiness, default when absent.
Result<bool> flag_arg(Value v, bool dflt);
// os.fspath(v): str or bytes.
Result<Value> fspath(Value v);
// Text <-> filesystem bytes (UTF-8 with surrogateescape, like CPython on Linux).
Result<std::string> fs_encode(Str* s);
Result<Value> fs_decode(std::string_view b);
// A path result of the argument's kind: bytes if `as_bytes`, else decoded str.
Result<Value> path_result(std::string_view b, bool as_bytes);

// OSError (right subclass) with filename / filename2 taken from paths.
Err raise_path_error(int err, const Path& p);
Err raise_path_error2(int err, const Path& a, const Path& b);
// Called after a system call failed with EINTR: run the signal handlers;
// ERR when one of them raised (the call is then abandoned).
Status check_signals_after_eintr();

// The fork protocol of os.fork(), also used by _posixsubprocess when the child
// will run Python (preexec_fn): os.register_at_fork callbacks and the
// collector's own atfork steps. Call prepare, fork(), then child or parent.
void fork_prepare();
void fork_parent();
void fork_child();

// The KEY=VALUE strings of an environment mapping (execve, posix_spawn):
// keys and values path-converted, ValueError for an empty key or one with '='.
Status env_to_cstrings(const char* fname, Value env, std::vector<std::string>* store);
// A posix.sched_param argument's priority (TypeError "must have a sched_param
// object" for anything else, OverflowError past a C int).
Result<int> sched_priority_convert(Value v);

// os.stat_result from a struct stat.
Value stat_result_from(const struct stat& st);
Type* stat_result_type();

// Function tables of each part, null-terminated; assembled in posix.cpp.
extern const MethodDef fs_functions[];
extern const MethodDef dir_functions[];
extern const MethodDef fd_functions[];
extern const MethodDef proc_functions[];
extern const MethodDef linux_functions[];
extern const MethodDef xattr_functions[];
extern const MethodDef ids_functions[];
extern const MethodDef spawn_functions[];
// Per-part module initialisation (types, constants).
void init_fs(Module* m);
void init_dir(Module* m);
void init_fd(Module* m);
void init_proc(Module* m);
void init_linux(Module* m);
void init_xattr(Module* m);
void init_ids(Module* m);
void init_spawn(Module* m);
void add_int(Module* m, const char* name, int64_t v);
void add_value(Module* m, const char* name, Value v);

}  // namespace gilpy::posix
