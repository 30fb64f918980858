// posix, part 3: directory listing: listdir, scandir and DirEntry (see posix_impl.h).
//
// scandir() yields DirEntry objects that remember the d_type and inode the
// directory read returned, so is_dir()/is_file()/is_symlink() usually need no
// system call (os.walk and glob depend on that); stat results are cached per
// entry, as CPython documents.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "modules/posix_impl.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/finalizers.h"
#include "runtime/protocols.h"

namespace gilpy::posix {

static Type* g_direntry_type;
static Type* g_scandir_type;

struct DirEntry : Object {
  Value name;       // str or bytes, like the scandir() argument
  Value path;       // the directory argument joined with name (name alone for an fd)
  Value stat_v;     // cached stat() result (following symlinks), or null
  Value lstat_v;    // cached lstat() result, or null
  uint64_t ino;
  int dir_fd;       // the directory fd for scandir(fd), else -1
  unsigned char d_type;
};

// Invariant: `dirp` is null once the iterator is exhausted or closed; the
// directory stream is closed exactly once.
struct ScandirIter : Object {
  DIR* dirp;
  Value path_obj;   // the argument (for OSError.filename), None when defaulted
  Value prefix;     // bytes: the directory path with a trailing '/', empty for an fd
  int fd;           // the fd given to scandir(fd), else -1
  bool is_bytes;
};

// Open a directory stream for a converted path (absent: "."); for an fd the
// stream works on a duplicate so the caller's fd stays open and positioned.
static Result<DIR*> open_dir(Path& p) {
  DIR* d;
  if (p.fd >= 0) {
    int fd2 = ::dup(p.fd);
    if (fd2 < 0) return raise_errno(errno);
    d = ::fdopendir(fd2);
    if (!d) {
      int e = errno;
      ::close(fd2);
      return raise_errno(e);
    }
    ::rewinddir(d);
    return d;
  }
  d = ::opendir(p.absent ? "." : p.c());
  if (!d) return raise_path_error(errno, p);
  return d;
}

static bool is_dot(const char* n) { return n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)); }

// ---- listdir ----------------------------------------------------------------------------------
static Result<Value> px_listdir(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("listdir", args, nargs, kw, {"path"}, 0, o));
  Path p;
  TRY(path_convert("listdir", o[0], &p, true, true));
  DIR* d = TRY(open_dir(p));
  List* out = list_new();
  while (true) {
    errno = 0;
    struct dirent* e = ::readdir(d);
    if (!e) {
      int err = errno;
      ::closedir(d);
      if (err) return raise_path_error(err, p);
      break;
    }
    if (is_dot(e->d_name)) continue;
    Result<Value> name = path_result(e->d_name, p.is_bytes);
    if (name.is_err() || list_append(out, name.value()).is_err()) {
      ::closedir(d);
      return ERR;
    }
  }
  return Value(out);
}

// ---- DirEntry ---------------------------------------------------------------------------------
static DirEntry* DE(Value v) { return v.as<DirEntry>(); }

static Result<Value> entry_fetch_stat(DirEntry* e, bool follow) {
  struct stat st;
  int r;
  std::string name;
  Path p;
  p.obj = e->path;
  if (e->dir_fd >= 0) {
    name = is_bytes(e->name) ? std::string(as_bytes(e->name)->view()) : TRY(fs_encode(as_str(e->name)));
  } else {
    name = is_bytes(e->path) ? std::string(as_bytes(e->path)->view()) : TRY(fs_encode(as_str(e->path)));
  }
  do {
    r = ::fstatat(e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD, name.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (!(r < 0 && errno == EINTR)) break;
    TRY(check_signals_after_eintr());
  } while (true);
  if (r < 0) return raise_path_error(errno, p);
  return stat_result_from(st);
}

static Result<Value> entry_lstat(DirEntry* e) {
  if (!e->lstat_v) e->lstat_v = TRY(entry_fetch_stat(e, false));
  return e->lstat_v;
}

static Result<bool> entry_is_symlink(DirEntry* e) {
  if (e->d_type != DT_UNKNOWN) return e->d_type == DT_LNK;
  Value st = TRY(entry_lstat(e));
  Value mode = TRY(getattr(st, str_intern("st_mode")));
  int64_t m = TRY(int_as_i64(mode));
  return S_ISLNK(m);
}

static Result<Value> entry_stat(DirEntry* e, bool follow) {
  if (!follow) return entry_lstat(e);
  if (!e->stat_v) {
    bool link = TRY(entry_is_symlink(e));
    e->stat_v = link ? TRY(entry_fetch_stat(e, true)) : TRY(entry_lstat(e));
  }
  return e->stat_v;
}

// is_dir / is_file: from d_type when it answers, else from (l)stat; a vanished
// file (FileNotFoundError) answers False as in CPython.
static Result<Value> entry_test_mode(DirEntry* e, bool follow, mode_t want, unsigned char dtype) {
  bool need_stat = e->d_type == DT_UNKNOWN || (follow && e->d_type == DT_LNK);
  if (!need_stat) return Bool(e->d_type == dtype);
  Result<Value> st = entry_stat(e, follow);
  if (st.is_err()) {
    if (exc_matches(tp_FileNotFoundError)) {
      exc_clear();
      return False();
    }
    return ERR;
  }
  Value mode = TRY(getattr(st.value(), str_intern("st_mode")));
  int64_t m = TRY(int_as_i64(mode));
  return Bool((mode_t(m) & S_IFMT) == want);
}

static Result<bool> follow_kw(const char* fname, Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args(fname, args + 1, nargs - 1, kw, {"follow_symlinks"}, 0, o, 0, 0));
  return flag_arg(o[0], true);
}

static Result<Value> de_is_dir(Value* a, int64_t n, Tuple* kw) {
  bool f = TRY(follow_kw("is_dir", a, n, kw));
  return entry_test_mode(DE(a[0]), f, S_IFDIR, DT_DIR);
}
static Result<Value> de_is_file(Value* a, int64_t n, Tuple* kw) {
  bool f = TRY(follow_kw("is_file", a, n, kw));
  return entry_test_mode(DE(a[0]), f, S_IFREG, DT_REG);
}
static Result<Value> de_is_symlink(Value* a, int64_t n, Tuple* kw) {
  TRY(check_nargs("is_symlink", n - 1, 0, 0));
  bool b = TRY(entry_is_symlink(DE(a[0])));
  return Bool(b);
}
static Result<Value> de_stat(Value* a, int64_t n, Tuple* kw) {
  bool f = TRY(follow_kw("stat", a, n, kw));
  return entry_stat(DE(a[0]), f);
}
static Result<Value> de_inode(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("inode", n - 1, 0, 0));
  return int_from_u64(DE(a[0])->ino);
}
static Result<Value> de_fspath(Value* a, int64_t n, Tuple*) { return DE(a[0])->path; }
static Result<Value> de_repr(Value* a, int64_t, Tuple*) {
  Str* r = TRY(repr(DE(a[0])->name));
  return Value(str_new("<DirEntry " + std::string(r->view()) + ">"));
}
static Result<Value> de_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create 'posix.DirEntry' instances");
}
static Result<Value> de_class_getitem(Value* a, int64_t n, Tuple*) {
  // DirEntry[str] for type annotations: a types.GenericAlias, as in CPython.
  TRY(check_nargs("__class_getitem__", n - 1, 1, 1));
  return call2(Value(tp_GenericAlias), a[0], a[1]);
}
static Result<Value> de_get_name(Value self) { return DE(self)->name; }
static Result<Value> de_get_path(Value self) { return DE(self)->path; }

static const MethodDef de_methods[] = {
    {"__new__", de_new, MethKind::Static},
    {"is_dir", de_is_dir},
    {"is_file", de_is_file},
    {"is_symlink", de_is_symlink},
    {"stat", de_stat},
    {"inode", de_inode},
    {"__fspath__", de_fspath},
    {"__repr__", de_repr},
    {"__class_getitem__", de_class_getitem, MethKind::Class},
    {nullptr, nullptr},
};
static const GetSetDef de_getsets[] = {
    {"name", de_get_name},
    {"path", de_get_path},
    {nullptr, nullptr},
};

// ---- scandir ----------------------------------------------------------------------------------
static ScandirIter* SI(Value v) { return v.as<ScandirIter>(); }

static void scandir_close(ScandirIter* it) {
  if (!it->dirp) return;
  DIR* d = it->dirp;
  it->dirp = nullptr;
  if (it->fd >= 0) ::rewinddir(d);
  ::closedir(d);
}

// An iterator collected before it was exhausted or closed: a ResourceWarning
// ("unclosed scandir iterator <repr>"), then the stream is closed, as
// CPython's finalizer does. Runs at a safe point (native finalizers are
// queued), so the warning machinery may run Python.
static void scandir_finalizer(Object* obj) {
  ScandirIter* it = static_cast<ScandirIter*>(obj);
  if (!it->dirp) return;
  Value self(obj);
  Value pending = exc_pending() ? exc_fetch() : Value();
  std::string msg = "unclosed scandir iterator ";
  Result<Str*> r = repr(self);
  if (r.ok()) msg += r.value()->view();
  else exc_clear();
  Status s = warn(tp_ResourceWarning, msg);
  if (s.is_err()) report_unraisable("Exception ignored in: ", self, exc_fetch());
  scandir_close(it);
  if (pending) exc_restore(pending);
}

static Status scandir_next(Value self, Value* out) {
  ScandirIter* it = SI(self);
  *out = Value();
  while (it->dirp) {
    errno = 0;
    struct dirent* e = ::readdir(it->dirp);
    if (!e) {
      int err = errno;
      scandir_close(it);
      if (err) {
        Path p;
        p.obj = it->path_obj;
        p.absent = is_none(it->path_obj);
        return raise_path_error(err, p);
      }
      return OK();
    }
    if (is_dot(e->d_name)) continue;
    DirEntry* de = static_cast<DirEntry*>(alloc_instance(g_direntry_type, sizeof(DirEntry)));
    de->name = TRY(path_result(e->d_name, it->is_bytes));
    if (it->fd >= 0) {
      de->path = de->name;
      de->dir_fd = it->fd;
    } else {
      std::string full(as_bytes(it->prefix)->view());
      full += e->d_name;
      de->path = TRY(path_result(full, it->is_bytes));
      de->dir_fd = -1;
    }
    de->ino = e->d_ino;
    de->d_type = e->d_type;
    *out = Value(de);
    return OK();
  }
  return OK();
}

static Result<Value> px_scandir(Value* args, int64_t nargs, Tuple* kw) {
  Value o[1];
  TRY(parse_args("scandir", args, nargs, kw, {"path"}, 0, o));
  Path p;
  TRY(path_convert("scandir", o[0], &p, true, true));
  DIR* d = TRY(open_dir(p));
  ScandirIter* it = static_cast<ScandirIter*>(alloc_instance(g_scandir_type, sizeof(ScandirIter)));
  it->dirp = d;
  it->path_obj = p.obj ? p.obj : None();
  it->fd = p.fd;
  it->is_bytes = p.is_bytes;
  std::string prefix;
  if (p.fd < 0) {
    prefix = p.absent ? "." : p.bytes;
    if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  }
  it->prefix = bytes_from(prefix);
  register_native_finalizer_after_del(it, scandir_finalizer);
  return Value(it);
}

static Result<Value> si_iter(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> si_next(Value* a, int64_t, Tuple*) {
  Value v;
  TRY(scandir_next(a[0], &v));
  if (!v) return raise_stop_iteration(Value());
  return v;
}
static Result<Value> si_close(Value* a, int64_t, Tuple*) {
  scandir_close(SI(a[0]));
  return None();
}
static Result<Value> si_enter(Value* a, int64_t, Tuple*) { return a[0]; }
static Result<Value> si_exit(Value* a, int64_t, Tuple*) {
  scandir_close(SI(a[0]));
  return False();
}
static Result<Value> si_new(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create 'posix.ScandirIterator' instances");
}

static const MethodDef si_methods[] = {
    {"__new__", si_new, MethKind::Static},
    {"__iter__", si_iter},
    {"__next__", si_next},
    {"close", si_close},
    {"__enter__", si_enter},
    {"__exit__", si_exit},
    {nullptr, nullptr},
};

const MethodDef dir_functions[] = {
    {"listdir", px_listdir},
    {"scandir", px_scandir},
    {nullptr, nullptr},
};

void init_dir(Module* m) {
  g_direntry_type = native_type_new("posix", "DirEntry", nullptr, Layout::Other, sizeof(DirEntry), de_methods,
                                    de_getsets, 0);
  g_scandir_type = native_type_new("posix", "ScandirIterator", nullptr, Layout::Other, sizeof(ScandirIter),
                                   si_methods, nullptr, 0);
  g_scandir_type->iternext = scandir_next;
  add_value(m, "DirEntry", Value(g_direntry_type));
}

}  // namespace gilpy::posix
