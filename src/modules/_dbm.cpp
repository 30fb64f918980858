// _dbm: the C half of dbm.ndbm, on the ndbm interface of Berkeley DB 5.3
// (Debian's libdb-dev), the library Debian's CPython 3.11 builds it on:
// `library` is "Berkeley DB" and open("name") makes "name.db".
//
//   open(filename, flags='r', mode=0o666, /) -> dbm object
//   library, error (an OSError subclass)
//
// The dbm object is a mapping of bytes keys to bytes values (str keys and
// values are stored as UTF-8) with keys(), get(), setdefault(), close() and
// the context-manager methods. Argument checks, messages and exceptions
// follow CPython 3.11; the library's own quirks (an empty value reads back as
// missing) are the oracle's too. The GIL stays held, as in CPython.
#include <fcntl.h>

#include <gc/gc.h>

#include <cerrno>
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
#include "runtime/interp.h"

// Last: with DB_DBM_HSEARCH, db.h also defines the old dbm(3) names as macros
// (store, fetch, firstkey, ...), which would rewrite C++ library code.
#define DB_DBM_HSEARCH 1
#include <db.h>
#undef store
#undef fetch
#undef firstkey
#undef nextkey
#undef dbminit
#undef dbmclose
#undef hcreate
#undef hdestroy
#undef hsearch

namespace gilpy {

using namespace dbm_common;

namespace {

Type* tp_Dbm;
Type* g_error;

struct Dbm : Object {
  DBM* db;       // null once closed
  int64_t size;  // number of keys, -1 when not known
};
Dbm* DO(Value v) { return v.as<Dbm>(); }

void close_db(Dbm* d) {
  if (d->db) dbm_close(d->db);
  d->db = nullptr;
}
void dbm_finalizer(void* obj, void*) { close_db(static_cast<Dbm*>(obj)); }

Status check_open(Dbm* d) {
  if (!d->db) return raise(g_error, "DBM object has already been closed");
  return OK();
}

datum as_datum(std::string_view s) {
  datum r;
  r.dptr = const_cast<char*>(s.data());
  r.dsize = int(s.size());
  return r;
}

// The library's buffer (not to be freed) as bytes; null for a missing value.
Value as_value(datum r) {
  if (!r.dptr) return Value();
  return bytes_from(std::string_view(r.dptr, size_t(r.dsize)));
}

Result<Value> dbm_new_(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot create '%s' instances", type_tp_name(as_type(a[0])).c_str());
}

Result<Value> d_len(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__len__", n - 1, 0, 0));
  Dbm* d = DO(a[0]);
  TRY(check_open(d));
  if (d->size < 0) {
    int64_t count = 0;
    for (datum k = dbm_firstkey(d->db); k.dptr; k = dbm_nextkey(d->db)) count++;
    d->size = count;
  }
  return Value::small(d->size);
}

Result<Value> d_contains(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__contains__", n - 1, 1, 1));
  Dbm* d = DO(a[0]);
  TRY(check_open(d));
  Value key = a[1];
  if (!is_str(key) && !is_bytes(key))
    return raise_fmt(tp_TypeError, "dbm key must be bytes or string, not %.100s", type_name(key));
  std::string_view k;
  Value keep;
  TRY(text_or_bytes(key, &k, &keep));
  return Bool(dbm_fetch(d->db, as_datum(k)).dptr != nullptr);
}

Result<Value> d_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getitem__", n - 1, 1, 1));
  Dbm* d = DO(a[0]);
  std::string_view k;
  Value keep;
  TRY(text_or_bytes(a[1], &k, &keep));
  TRY(check_open(d));
  Value v = as_value(dbm_fetch(d->db, as_datum(k)));
  if (!v) return raise_with_args(tp_KeyError, &a[1], 1);
  return v;
}

// db[key] = value, or del db[key] when `value` is null.
Status ass_sub(Dbm* d, Value key, Value value) {
  const char* kKeyMsg = "dbm mappings have bytes or string keys only";
  std::string_view k, v;
  Value keepk, keepv;
  if (!is_str(key) && !is_bytes(key)) return raise(tp_TypeError, kKeyMsg);
  if (text_or_bytes(key, &k, &keepk).is_err()) {
    exc_clear();
    return raise(tp_TypeError, kKeyMsg);
  }
  TRY(check_open(d));
  d->size = -1;
  if (!value) {
    if (dbm_delete(d->db, as_datum(k)) < 0) {
      if (dbm_error(d->db)) {
        dbm_clearerr(d->db);
        return raise(g_error, "cannot delete item from database");
      }
      return raise_with_args(tp_KeyError, &key, 1);
    }
    return OK();
  }
  if (text_or_bytes(value, &v, &keepv).is_err()) {
    exc_clear();
    return raise(tp_TypeError, "dbm mappings have bytes or string elements only");
  }
  if (dbm_store(d->db, as_datum(k), as_datum(v), DBM_REPLACE) < 0) {
    dbm_clearerr(d->db);
    return raise(g_error, "cannot add item to database");
  }
  if (dbm_error(d->db)) {
    dbm_clearerr(d->db);
    return raise(g_error, "");
  }
  return OK();
}

Result<Value> d_setitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setitem__", n - 1, 2, 2));
  TRY(ass_sub(DO(a[0]), a[1], a[2]));
  return None();
}

Result<Value> d_delitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__delitem__", n - 1, 1, 1));
  TRY(ass_sub(DO(a[0]), a[1], Value()));
  return None();
}

// get()/setdefault()'s (key, default, /) as CPython's argument clinic checks them.
Status key_default_args(const char* name, int64_t n, Tuple* kw) {
  int64_t k = nkw(kw);
  int64_t npos = n - 1;
  if (npos < 1)
    return raise_fmt(tp_TypeError, "%s() takes at least 1 positional argument (%lld given)", name, (long long)npos);
  if (k > 0) {
    Str* first = as_str(kw->items[0]);
    return raise_fmt(tp_TypeError, "'%s' is an invalid keyword argument for %s()", first->data, name);
  }
  if (npos > 2) return raise_fmt(tp_TypeError, "%s() takes at most 2 arguments (%lld given)", name, (long long)npos);
  return OK();
}

Result<Value> d_get(Value* a, int64_t n, Tuple* kw) {
  TRY(key_default_args("get", n, kw));
  Dbm* d = DO(a[0]);
  std::string_view k;
  Value keep;
  TRY(text_or_bytes(a[1], &k, &keep));
  TRY(check_open(d));
  Value v = as_value(dbm_fetch(d->db, as_datum(k)));
  if (!v) return n > 2 ? a[2] : None();
  return v;
}

Result<Value> d_setdefault(Value* a, int64_t n, Tuple* kw) {
  TRY(key_default_args("setdefault", n, kw));
  Dbm* d = DO(a[0]);
  std::string_view k;
  Value keep;
  TRY(text_or_bytes(a[1], &k, &keep));
  TRY(check_open(d));
  Value v = as_value(dbm_fetch(d->db, as_datum(k)));
  if (v) return v;
  Value dflt = n > 2 ? a[2] : Value(bytes_empty());
  TRY(ass_sub(d, a[1], dflt));
  return dflt;
}

Result<Value> d_keys(Value* a, int64_t n, Tuple* kw) {
  if (n - 1 > 0) return raise(tp_TypeError, "keys() takes no arguments");
  Dbm* d = DO(a[0]);
  TRY(check_open(d));
  List* out = list_new();
  for (datum k = dbm_firstkey(d->db); k.dptr; k = dbm_nextkey(d->db))
    TRY(list_append(out, bytes_from(std::string_view(k.dptr, size_t(k.dsize)))));
  return Value(out);
}

Result<Value> d_close(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("dbm.close", kw));
  TRY(check_nargs("dbm.close", n - 1, 0, 0));
  close_db(DO(a[0]));
  return None();
}

Result<Value> d_enter(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("dbm.__enter__", kw));
  TRY(check_nargs("dbm.__enter__", n - 1, 0, 0));
  return a[0];
}

Result<Value> d_exit(Value* a, int64_t, Tuple*) {
  close_db(DO(a[0]));
  return None();
}

Result<Value> m_open(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("_dbm.open", kw));
  TRY(check_nargs("open", n, 1, 3));
  std::string_view flags = "r";
  if (n > 1) {
    if (!is_str(a[1])) return raise_fmt(tp_TypeError, "open() argument 2 must be str, not %s", type_name(a[1]));
    flags = as_str(a[1])->view();
    if (flags.find('\0') != std::string_view::npos) return raise(tp_ValueError, "embedded null character");
  }
  int mode = n > 2 ? TRY(as_c_int(a[2])) : 0666;
  int iflags;
  if (flags == "r") iflags = O_RDONLY;
  else if (flags == "w") iflags = O_RDWR;
  else if (flags == "rw") iflags = O_RDWR | O_CREAT;  // accepted for backward compatibility, as in CPython
  else if (flags == "c") iflags = O_RDWR | O_CREAT;
  else if (flags == "n") iflags = O_RDWR | O_CREAT | O_TRUNC;
  else return raise(g_error, "arg 2 to open should be 'r', 'w', 'c', or 'n'");
  std::string file;
  TRY(filename_arg(a[0], &file));
  errno = 0;
  DBM* db = dbm_open(file.c_str(), iflags, mode);
  if (!db) return raise_errno_with_filename(g_error, errno ? errno : EIO, file);
  Dbm* d = static_cast<Dbm*>(alloc_instance(tp_Dbm, sizeof(Dbm)));
  d->db = db;
  d->size = -1;
  GC_register_finalizer(d, dbm_finalizer, nullptr, nullptr, nullptr);
  return Value(d);
}

const char kOpenDoc[] =
    "Return a database object.\n"
    "\n"
    "  filename\n"
    "    The filename to open.\n"
    "  flags\n"
    "    How to open the file.  \"r\" for reading, \"w\" for writing, etc.\n"
    "  mode\n"
    "    If creating a new file, the mode bits for the new file\n"
    "    (e.g. os.O_RDWR).";

const MethodDef dbm_methods[] = {
    {"__new__", dbm_new_, MethKind::Static},
    {"__len__", d_len},
    {"__contains__", d_contains},
    {"__getitem__", d_getitem},
    {"__setitem__", d_setitem},
    {"__delitem__", d_delitem},
    {"keys", d_keys, MethKind::Method, "Return a list of all keys in the database."},
    {"close", d_close, MethKind::Method, "Close the database."},
    {"get", d_get, MethKind::Method, "Return the value for key if present, otherwise default."},
    {"setdefault", d_setdefault, MethKind::Method,
     "Return the value for key if present, otherwise default.\n"
     "\n"
     "If key is not in the database, it is inserted with default as the value."},
    {"__enter__", d_enter},
    {"__exit__", d_exit},
    {nullptr, nullptr}};

const MethodDef functions[] = {{"open", m_open, MethKind::Method, kOpenDoc}, {nullptr, nullptr}};

Result<Value> init() {
  Module* m = native_module_new("_dbm", functions);
  if (!tp_Dbm) {
    g_error = TRY(make_error("_dbm"));
    // Not subclassable, as in CPython.
    tp_Dbm = native_type_new("_dbm", "dbm", tp_object, Layout::Other, sizeof(Dbm), dbm_methods, nullptr, 0);
    // A mapping, not a sequence: iter() must not fall back to __getitem__.
    type_set_attr_const(tp_Dbm, "__iter__", None());
  }
  Dict* d = m->dict;
  dict_set_str(d, str_intern("error"), Value(g_error));
  dict_set_str(d, str_intern("library"), str_value("Berkeley DB"));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_dbm", init);

}  // namespace gilpy
