// _gdbm: the C half of dbm.gnu, on GNU dbm (Debian's libgdbm-dev).
//
//   open(filename, flags='r', mode=0o666, /) -> gdbm object
//   open_flags ("rwcnfsu"), error (an OSError subclass), _GDBM_VERSION
//
// The gdbm object is a mapping of bytes keys to bytes values (str keys and
// values are stored as UTF-8) with keys(), get(), setdefault(), firstkey(),
// nextkey(), reorganize(), sync(), close() and the context-manager methods.
// Argument checks, messages and which exception each failure raises follow
// CPython 3.11 (measured against Debian's python3-gdbm). As in CPython, the
// library runs with the GIL held: its calls are short file operations and a
// lock held by another process is reported at once (EAGAIN), not waited for.
#include <gdbm.h>

#include <gc/gc.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "modules/_dbm_common.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/protocols.h"
#include "runtime/interp.h"

namespace gilpy {

using namespace dbm_common;

namespace {

Type* tp_Gdbm;
Type* g_error;

struct Gdbm : Object {
  GDBM_FILE db;  // null once closed
  int64_t size;  // number of keys, -1 when not known
};
Gdbm* GO(Value v) { return v.as<Gdbm>(); }

void gdbm_finalizer(void* obj, void*) {
  Gdbm* g = static_cast<Gdbm*>(obj);
  if (g->db) gdbm_close(g->db);
  g->db = nullptr;
}

Status check_open(Gdbm* g) {
  if (!g->db) return raise(g_error, "GDBM object has already been closed");
  return OK();
}

// A failed library call: the system error when gdbm reports one, else gdbm's message.
Err raise_gdbm_failure() {
  int ge = gdbm_errno;
  int se = errno;
  if (se != 0 && gdbm_check_syserr(ge)) {
    Value args[2] = {Value::small(se), str_value(std::strerror(se))};
    return raise_with_args(g_error, args, 2);
  }
  return raise(g_error, gdbm_strerror(ge));
}

datum as_datum(std::string_view s) {
  datum d;
  d.dptr = const_cast<char*>(s.data());
  d.dsize = int(s.size());
  return d;
}

// A datum the library allocated, as bytes (freed); None for a null datum.
Value take_bytes(datum d) {
  if (!d.dptr) return None();
  Value r = bytes_from(std::string_view(d.dptr, size_t(d.dsize)));
  std::free(d.dptr);
  return r;
}

Result<Value> gdbm_new_(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot create '%s' instances", type_tp_name(as_type(a[0])).c_str());
}

Result<Value> g_len(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__len__", n - 1, 0, 0));
  Gdbm* g = GO(a[0]);
  TRY(check_open(g));
  if (g->size < 0) {
    int64_t count = 0;
    datum k = gdbm_firstkey(g->db);
    while (k.dptr) {
      count++;
      datum next = gdbm_nextkey(g->db, k);
      std::free(k.dptr);
      k = next;
    }
    g->size = count;
  }
  return Value::small(g->size);
}

Result<Value> g_contains(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__contains__", n - 1, 1, 1));
  Gdbm* g = GO(a[0]);
  TRY(check_open(g));
  Value key = a[1];
  if (!is_str(key) && !is_bytes(key))
    return raise_fmt(tp_TypeError, "gdbm key must be bytes or string, not %.100s", type_name(key));
  std::string_view k;
  Value keep;
  TRY(text_or_bytes(key, &k, &keep));
  return Bool(gdbm_exists(g->db, as_datum(k)) != 0);
}

Result<Value> fetch(Gdbm* g, std::string_view k) { return take_bytes(gdbm_fetch(g->db, as_datum(k))); }

Result<Value> g_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getitem__", n - 1, 1, 1));
  Gdbm* g = GO(a[0]);
  std::string_view k;
  Value keep;
  TRY(text_or_bytes(a[1], &k, &keep));
  TRY(check_open(g));
  Value v = TRY(fetch(g, k));
  if (is_none(v)) return raise_with_args(tp_KeyError, &a[1], 1);
  return v;
}

// db[key] = value, or del db[key] when `value` is null.
Status ass_sub(Gdbm* g, Value key, Value value) {
  const char* kTypeMsg = "gdbm mappings have bytes or string indices only";
  std::string_view k, v;
  Value keepk, keepv;
  if (!is_str(key) && !is_bytes(key)) return raise(tp_TypeError, kTypeMsg);
  if (text_or_bytes(key, &k, &keepk).is_err()) {
    exc_clear();
    return raise(tp_TypeError, kTypeMsg);
  }
  TRY(check_open(g));
  g->size = -1;
  if (!value) {
    errno = 0;
    if (gdbm_delete(g->db, as_datum(k)) < 0) {
      if (gdbm_errno == GDBM_ITEM_NOT_FOUND) return raise_with_args(tp_KeyError, &key, 1);
      return raise_gdbm_failure();
    }
    return OK();
  }
  if (text_or_bytes(value, &v, &keepv).is_err()) {
    exc_clear();
    return raise(tp_TypeError, kTypeMsg);
  }
  errno = 0;
  if (gdbm_store(g->db, as_datum(k), as_datum(v), GDBM_REPLACE) < 0) return raise_gdbm_failure();
  return OK();
}

Result<Value> g_setitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setitem__", n - 1, 2, 2));
  TRY(ass_sub(GO(a[0]), a[1], a[2]));
  return None();
}

Result<Value> g_delitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__delitem__", n - 1, 1, 1));
  TRY(ass_sub(GO(a[0]), a[1], Value()));
  return None();
}

Result<Value> g_get(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("gdbm.get", kw));
  TRY(check_nargs("get", n - 1, 1, 2));
  Gdbm* g = GO(a[0]);
  std::string_view k;
  Value keep;
  TRY(text_or_bytes(a[1], &k, &keep));
  TRY(check_open(g));
  Value v = TRY(fetch(g, k));
  if (is_none(v)) return n > 2 ? a[2] : None();
  return v;
}

Result<Value> g_setdefault(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("gdbm.setdefault", kw));
  TRY(check_nargs("setdefault", n - 1, 1, 2));
  Gdbm* g = GO(a[0]);
  std::string_view k;
  Value keep;
  TRY(text_or_bytes(a[1], &k, &keep));
  TRY(check_open(g));
  Value v = TRY(fetch(g, k));
  if (!is_none(v)) return v;
  Value dflt = n > 2 ? a[2] : None();
  TRY(ass_sub(g, a[1], dflt));
  return dflt;
}

// The methods without parameters: "keys() takes no arguments" for a
// positional argument; keywords are ignored, as CPython's do.
Status no_positional(const char* name, int64_t nargs) {
  if (nargs > 0) return raise_fmt(tp_TypeError, "%s() takes no arguments", name);
  return OK();
}

Result<Value> g_keys(Value* a, int64_t n, Tuple* kw) {
  TRY(no_positional("keys", n - 1));
  Gdbm* g = GO(a[0]);
  TRY(check_open(g));
  List* out = list_new();
  datum k = gdbm_firstkey(g->db);
  while (k.dptr) {
    TRY(list_append(out, bytes_from(std::string_view(k.dptr, size_t(k.dsize)))));
    datum next = gdbm_nextkey(g->db, k);
    std::free(k.dptr);
    k = next;
  }
  return Value(out);
}

Result<Value> g_firstkey(Value* a, int64_t n, Tuple* kw) {
  TRY(no_positional("firstkey", n - 1));
  Gdbm* g = GO(a[0]);
  TRY(check_open(g));
  return take_bytes(gdbm_firstkey(g->db));
}

Result<Value> g_nextkey(Value* a, int64_t n, Tuple* kw) {
  int64_t npos = n - 1;
  if (npos != 1)
    return raise_fmt(tp_TypeError, "nextkey() takes exactly 1 positional argument (%lld given)", (long long)npos);
  Gdbm* g = GO(a[0]);
  std::string_view k;
  Value keep;
  TRY(text_or_bytes(a[1], &k, &keep));
  TRY(check_open(g));
  return take_bytes(gdbm_nextkey(g->db, as_datum(k)));
}

Result<Value> g_reorganize(Value* a, int64_t n, Tuple* kw) {
  TRY(no_positional("reorganize", n - 1));
  Gdbm* g = GO(a[0]);
  TRY(check_open(g));
  errno = 0;
  if (gdbm_reorganize(g->db) < 0) return raise_gdbm_failure();
  return None();
}

Result<Value> g_sync(Value* a, int64_t n, Tuple* kw) {
  TRY(no_positional("sync", n - 1));
  Gdbm* g = GO(a[0]);
  TRY(check_open(g));
  gdbm_sync(g->db);
  return None();
}

void close_db(Gdbm* g) {
  if (g->db) gdbm_close(g->db);
  g->db = nullptr;
}

Result<Value> g_close(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("gdbm.close", kw));
  TRY(check_nargs("gdbm.close", n - 1, 0, 0));
  close_db(GO(a[0]));
  return None();
}

Result<Value> g_enter(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("gdbm.__enter__", kw));
  TRY(check_nargs("gdbm.__enter__", n - 1, 0, 0));
  return a[0];
}

Result<Value> g_exit(Value* a, int64_t, Tuple*) {
  close_db(GO(a[0]));
  return None();
}

Result<Value> m_open(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_gdbm.open", kw));
  TRY(check_nargs("open", n, 1, 3));
  std::string_view flags = "r";
  if (n > 1) {
    if (!is_str(a[1])) return raise_fmt(tp_TypeError, "open() argument 2 must be str, not %s", type_name(a[1]));
    flags = as_str(a[1])->view();
    if (flags.find('\0') != std::string_view::npos) return raise(tp_ValueError, "embedded null character");
  }
  int mode = n > 2 ? TRY(as_c_int(a[2])) : 0666;
  int iflags;
  switch (flags.empty() ? '\0' : flags[0]) {
    case 'r': iflags = GDBM_READER; break;
    case 'w': iflags = GDBM_WRITER; break;
    case 'c': iflags = GDBM_WRCREAT; break;
    case 'n': iflags = GDBM_NEWDB; break;
    default: return raise(g_error, "First flag must be one of 'r', 'w', 'c' or 'n'");
  }
  for (size_t i = 1; i < flags.size(); i++) {
    switch (flags[i]) {
      case 'f': iflags |= GDBM_FAST; break;
      case 's': iflags |= GDBM_SYNC; break;
      case 'u': iflags |= GDBM_NOLOCK; break;
      default: {
        // The flag character as CPython prints it: one code point.
        size_t len = 1;
        unsigned char c = uint8_t(flags[i]);
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        std::string ch(flags.substr(i, len));
        return raise_fmt(g_error, "Flag '%s' is not supported.", ch.c_str());
      }
    }
  }
  std::string file;
  TRY(filename_arg(a[0], &file));
  errno = 0;
  gdbm_errno = GDBM_NO_ERROR;
  GDBM_FILE db = gdbm_open(file.c_str(), 0, iflags, mode, nullptr);
  if (!db && errno == EAGAIN && !(iflags & GDBM_NOLOCK)) {
    // Locked: perhaps by a gdbm object of this process that nothing references
    // any more, which CPython would have closed already (reference counting).
    // A collection runs its finalizer; then try once more.
    Value gc = TRY(import_module(str_intern("gc")));
    TRY(call_method0(gc, str_intern("collect")));
    errno = 0;
    gdbm_errno = GDBM_NO_ERROR;
    db = gdbm_open(file.c_str(), 0, iflags, mode, nullptr);
  }
  if (!db) {
    int se = errno;
    if (se != 0) return raise_errno_with_filename(g_error, se, file);
    return raise(g_error, gdbm_strerror(gdbm_errno));
  }
  Gdbm* g = static_cast<Gdbm*>(alloc_instance(tp_Gdbm, sizeof(Gdbm)));
  g->db = db;
  g->size = -1;
  GC_register_finalizer(g, gdbm_finalizer, nullptr, nullptr, nullptr);
  return Value(g);
}

const char kModuleDoc[] =
    "This module provides an interface to the GNU DBM (GDBM) library.\n"
    "\n"
    "This module is quite similar to the dbm module, but uses GDBM instead to\n"
    "provide some additional functionality.  Please note that the file formats\n"
    "created by GDBM and dbm are incompatible.\n"
    "\n"
    "GDBM objects behave like mappings (dictionaries), except that keys and\n"
    "values are always immutable bytes-like objects or strings.  Printing\n"
    "a GDBM object doesn't print the keys and values, and the items() and\n"
    "values() methods are not supported.";
const char kOpenDoc[] =
    "Open a dbm database and return a dbm object.\n"
    "\n"
    "The filename argument is the name of the database file.\n"
    "\n"
    "The optional flags argument can be 'r' (to open an existing database\n"
    "for reading only -- default), 'w' (to open an existing database for\n"
    "reading and writing), 'c' (which creates the database if it doesn't\n"
    "exist), or 'n' (which always creates a new empty database).\n"
    "\n"
    "Some versions of gdbm support additional flags which must be\n"
    "appended to one of the flags described above.  The module constant\n"
    "'open_flags' is a string of valid additional flags.  The 'f' flag\n"
    "opens the database in fast mode; altered data will not automatically\n"
    "be written to the disk after every change.  This results in faster\n"
    "writes to the database, but may result in an inconsistent database\n"
    "if the program crashes while the database is still open.  Use the\n"
    "sync() method to force any unwritten data to be written to the disk.\n"
    "The 's' flag causes all database operations to be synchronized to\n"
    "disk.  The 'u' flag disables locking of the database file.\n"
    "\n"
    "The optional mode argument is the Unix mode of the file, used only\n"
    "when the database has to be created.  It defaults to octal 0o666.";
const char kTypeDoc[] =
    "This object represents a GDBM database.\n"
    "GDBM objects behave like mappings (dictionaries), except that keys and\n"
    "values are always immutable bytes-like objects or strings.  Printing\n"
    "a GDBM object doesn't print the keys and values, and the items() and\n"
    "values() methods are not supported.\n"
    "\n"
    "GDBM objects also support additional operations such as firstkey,\n"
    "nextkey, reorganize, and sync.";
const char kFirstkeyDoc[] =
    "Return the starting key for the traversal.\n"
    "\n"
    "It's possible to loop over every key in the database using this method\n"
    "and the nextkey() method.  The traversal is ordered by GDBM's internal\n"
    "hash values, and won't be sorted by the key values.";
const char kNextkeyDoc[] =
    "Returns the key that follows key in the traversal.\n"
    "\n"
    "The following code prints every key in the database db, without having\n"
    "to create a list in memory that contains them all:\n"
    "\n"
    "      k = db.firstkey()\n"
    "      while k is not None:\n"
    "          print(k)\n"
    "          k = db.nextkey(k)";
const char kReorganizeDoc[] =
    "Reorganize the database.\n"
    "\n"
    "If you have carried out a lot of deletions and would like to shrink\n"
    "the space used by the GDBM file, this routine will reorganize the\n"
    "database.  GDBM will not shorten the length of a database file except\n"
    "by using this reorganization; otherwise, deleted file space will be\n"
    "kept and reused as new (key,value) pairs are added.";
const char kSyncDoc[] =
    "Flush the database to the disk file.\n"
    "\n"
    "When the database has been opened in fast mode, this method forces\n"
    "any unwritten data to be written to the disk.";

const MethodDef gdbm_methods[] = {
    {"__new__", gdbm_new_, MethKind::Static},
    {"__len__", g_len},
    {"__contains__", g_contains},
    {"__getitem__", g_getitem},
    {"__setitem__", g_setitem},
    {"__delitem__", g_delitem},
    {"keys", g_keys, MethKind::Method, "Get a list of all keys in the database."},
    {"firstkey", g_firstkey, MethKind::Method, kFirstkeyDoc},
    {"nextkey", g_nextkey, MethKind::Method, kNextkeyDoc},
    {"reorganize", g_reorganize, MethKind::Method, kReorganizeDoc},
    {"sync", g_sync, MethKind::Method, kSyncDoc},
    {"close", g_close, MethKind::Method, "Close the database."},
    {"get", g_get, MethKind::Method, "Get the value for key, or default if not present."},
    {"setdefault", g_setdefault, MethKind::Method,
     "Get value for key, or set it to default and return default if not present."},
    {"__enter__", g_enter},
    {"__exit__", g_exit},
    {nullptr, nullptr}};

const MethodDef functions[] = {{"open", m_open, MethKind::Method, kOpenDoc}, {nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_gdbm", functions, kModuleDoc);
  if (!tp_Gdbm) {
    g_error = TRY(make_error("_gdbm"));
    // Not subclassable, as in CPython.
    tp_Gdbm = native_type_new("_gdbm", "gdbm", tp_object, Layout::Other, sizeof(Gdbm), gdbm_methods, nullptr, 0);
    type_set_attr_const(tp_Gdbm, "__doc__", str_value(kTypeDoc));
    // A mapping, not a sequence: iter() must not fall back to __getitem__.
    type_set_attr_const(tp_Gdbm, "__iter__", None());
  }
  Dict* d = m->dict;
  dict_set_str(d, str_intern("error"), Value(g_error));
  dict_set_str(d, str_intern("open_flags"), str_value("rwcnfsu"));
  dict_set_str(d, str_intern("_GDBM_VERSION"),
               Value(tuple_of({Value::small(GDBM_VERSION_MAJOR), Value::small(GDBM_VERSION_MINOR),
                               Value::small(GDBM_VERSION_PATCH)})));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_gdbm", init);

}  // namespace gilpy
