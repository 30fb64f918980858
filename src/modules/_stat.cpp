// _stat: the platform's st_mode constants and tests, and filemode(). CPython's
// stat.py defines the same names in Python and then imports these over them,
// so the values here are the C library's, not a copy of stat.py's.
#include <sys/stat.h>

#include <climits>
#include <cstdint>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"

namespace gilpy {

// A mode argument as CPython converts it (_PyLong_AsMode_t): an int that
// fits an unsigned long, then mode_t.
static Result<uint32_t> mode_arg(Value v) {
  if (!is_int(v)) return raise(tp_TypeError, "an integer is required");
  if (int_sign(v) < 0) return raise(tp_OverflowError, "can't convert negative value to unsigned int");
  int64_t x;
  if (!int_fits_i64(v, &x)) {
    // Between 2**63 and 2**64 still fits an unsigned long, but not mode_t.
    Value limit = int_from_u64(UINT64_MAX);
    Value gt = TRY(int_compare(v, limit, bytecode::CMP_GT));
    if (gt == True()) return raise(tp_OverflowError, "Python int too large to convert to C unsigned long");
    return raise(tp_OverflowError, "mode out of range");
  }
  if (uint64_t(x) > UINT32_MAX) return raise(tp_OverflowError, "mode out of range");
  return uint32_t(x);
}

#define GILPY_STAT_TEST(NAME, TEST)                                       \
  static Result<Value> st_##NAME(Value* a, int64_t n, Tuple*) {           \
    TRY(check_nargs("_stat." #NAME, n, 1, 1));                            \
    uint32_t m = TRY(mode_arg(a[0]));                                     \
    return Bool(TEST);                                                    \
  }
GILPY_STAT_TEST(S_ISDIR, S_ISDIR(m))
GILPY_STAT_TEST(S_ISCHR, S_ISCHR(m))
GILPY_STAT_TEST(S_ISBLK, S_ISBLK(m))
GILPY_STAT_TEST(S_ISREG, S_ISREG(m))
GILPY_STAT_TEST(S_ISFIFO, S_ISFIFO(m))
GILPY_STAT_TEST(S_ISLNK, S_ISLNK(m))
GILPY_STAT_TEST(S_ISSOCK, S_ISSOCK(m))
GILPY_STAT_TEST(S_ISDOOR, (void(m), false))  // Solaris only
GILPY_STAT_TEST(S_ISPORT, (void(m), false))  // Solaris only
GILPY_STAT_TEST(S_ISWHT, (void(m), false))   // BSD whiteouts
#undef GILPY_STAT_TEST

static Result<Value> st_S_IMODE(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_stat.S_IMODE", n, 1, 1));
  uint32_t m = TRY(mode_arg(a[0]));
  return Value::small(m & 07777);
}

static Result<Value> st_S_IFMT(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_stat.S_IFMT", n, 1, 1));
  uint32_t m = TRY(mode_arg(a[0]));
  return Value::small(m & S_IFMT);
}

// "-rwxr-xr-x" as `ls -l` shows it.
static Result<Value> st_filemode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("_stat.filemode", n, 1, 1));
  uint32_t m = TRY(mode_arg(a[0]));
  char out[10];
  switch (m & S_IFMT) {
    case S_IFREG: out[0] = '-'; break;
    case S_IFDIR: out[0] = 'd'; break;
    case S_IFLNK: out[0] = 'l'; break;
    case S_IFSOCK: out[0] = 's'; break;
    case S_IFIFO: out[0] = 'p'; break;
    case S_IFBLK: out[0] = 'b'; break;
    case S_IFCHR: out[0] = 'c'; break;
    default: out[0] = '?'; break;
  }
  // Each class: read, write, then execute combined with its special bit
  // (lowercase when both are set, uppercase when only the special bit is).
  auto triad = [&](int at, uint32_t r, uint32_t w, uint32_t x, uint32_t special, char sym) {
    out[at] = (m & r) ? 'r' : '-';
    out[at + 1] = (m & w) ? 'w' : '-';
    if (m & special) out[at + 2] = (m & x) ? sym : char(sym - 32);
    else out[at + 2] = (m & x) ? 'x' : '-';
  };
  triad(1, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's');
  triad(4, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's');
  triad(7, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't');
  return Value(str_new_ascii(std::string_view(out, 10)));
}

static const MethodDef stat_functions[] = {
    {"S_ISDIR", st_S_ISDIR},   {"S_ISCHR", st_S_ISCHR},   {"S_ISBLK", st_S_ISBLK},   {"S_ISREG", st_S_ISREG},
    {"S_ISFIFO", st_S_ISFIFO}, {"S_ISLNK", st_S_ISLNK},   {"S_ISSOCK", st_S_ISSOCK}, {"S_ISDOOR", st_S_ISDOOR},
    {"S_ISPORT", st_S_ISPORT}, {"S_ISWHT", st_S_ISWHT},   {"S_IMODE", st_S_IMODE},   {"S_IFMT", st_S_IFMT},
    {"filemode", st_filemode}, {nullptr, nullptr}};

static Result<Value> stat_init() {
  Module* m = native_module_new("_stat", stat_functions,
                                "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\n"
                                "S_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\n"
                                "S_IFLNK: symbolic link\nS_IFSOCK: socket file\n");
  struct Const {
    const char* name;
    long value;
  };
  static const Const consts[] = {
      {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK}, {"S_IFREG", S_IFREG},
      {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK}, {"S_IFDOOR", 0}, {"S_IFPORT", 0},
      {"S_IFWHT", 0}, {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID}, {"S_ISVTX", S_ISVTX},
      {"S_ENFMT", S_ISGID},  // System V file locking: the setgid bit
      {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR}, {"S_IEXEC", S_IXUSR}, {"S_IRWXU", S_IRWXU},
      {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR}, {"S_IXUSR", S_IXUSR}, {"S_IRWXG", S_IRWXG},
      {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP}, {"S_IRWXO", S_IRWXO},
      {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
      // BSD file flags (st_flags): the values are fixed by the BSDs, Linux has none.
      {"UF_NODUMP", 0x1}, {"UF_IMMUTABLE", 0x2}, {"UF_APPEND", 0x4}, {"UF_OPAQUE", 0x8},
      {"UF_NOUNLINK", 0x10}, {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000}, {"SF_ARCHIVED", 0x10000},
      {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000}, {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
      // Indexes into the os.stat() tuple.
      {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4}, {"ST_GID", 5},
      {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9}};
  for (const Const& c : consts) dict_set_str(m->dict, str_intern(c.name), Value::small(c.value));
  return Value(m);
}
GILPY_NATIVE_MODULE("_stat", stat_init);

}  // namespace gilpy
