// _sqlite3: the C half of CPython's sqlite3 package, on Debian's libsqlite3
// (libsqlite3-dev). /usr/lib/python3.11/sqlite3/dbapi2.py does
// `from _sqlite3 import *` and registers its date/time adapters and
// converters here; this file holds the module itself: connect(), the
// exception hierarchy (sqlite_errorcode / sqlite_errorname on errors that
// come from SQLite), the SQLITE_* constants, the adapter and converter
// registries, PrepareProtocol and Row. Connection, Cursor and Blob live in
// _sqlite3_connection.cpp, _sqlite3_cursor.cpp and _sqlite3_blob.cpp.
//
// Behaviour and messages follow CPython 3.11 (the documentation at
// docs.python.org/3.11/library/sqlite3.html, checked against
// /usr/bin/python3.11). Every SQLite call that may block (open, prepare,
// step, close, busy waits) runs with the GIL released; callbacks from
// SQLite into Python take it back (WithGil).
#include <cstring>

#include "modules/_sqlite3_internal.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/slice.h"
#include "runtime/args.h"
#include "runtime/finalizers.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy::sqlite {

State S;

namespace {

struct Const {
  const char* name;
  int value;
};

// Result codes (primary and extended): module constants and sqlite_errorname.
const Const kErrorCodes[] = {
    {"SQLITE_OK", 0}, {"SQLITE_ERROR", 1}, {"SQLITE_INTERNAL", 2}, {"SQLITE_PERM", 3}, {"SQLITE_ABORT", 4},
    {"SQLITE_BUSY", 5}, {"SQLITE_LOCKED", 6}, {"SQLITE_NOMEM", 7}, {"SQLITE_READONLY", 8},
    {"SQLITE_INTERRUPT", 9}, {"SQLITE_IOERR", 10}, {"SQLITE_CORRUPT", 11}, {"SQLITE_NOTFOUND", 12},
    {"SQLITE_FULL", 13}, {"SQLITE_CANTOPEN", 14}, {"SQLITE_PROTOCOL", 15}, {"SQLITE_EMPTY", 16},
    {"SQLITE_SCHEMA", 17}, {"SQLITE_TOOBIG", 18}, {"SQLITE_CONSTRAINT", 19}, {"SQLITE_MISMATCH", 20},
    {"SQLITE_MISUSE", 21}, {"SQLITE_NOLFS", 22}, {"SQLITE_AUTH", 23}, {"SQLITE_FORMAT", 24},
    {"SQLITE_RANGE", 25}, {"SQLITE_NOTADB", 26}, {"SQLITE_NOTICE", 27}, {"SQLITE_WARNING", 28},
    {"SQLITE_ROW", 100}, {"SQLITE_DONE", 101},
    {"SQLITE_ABORT_ROLLBACK", 516}, {"SQLITE_AUTH_USER", 279}, {"SQLITE_BUSY_RECOVERY", 261},
    {"SQLITE_BUSY_SNAPSHOT", 517}, {"SQLITE_BUSY_TIMEOUT", 773}, {"SQLITE_CANTOPEN_CONVPATH", 1038},
    {"SQLITE_CANTOPEN_DIRTYWAL", 1294}, {"SQLITE_CANTOPEN_FULLPATH", 782}, {"SQLITE_CANTOPEN_ISDIR", 526},
    {"SQLITE_CANTOPEN_NOTEMPDIR", 270}, {"SQLITE_CANTOPEN_SYMLINK", 1550}, {"SQLITE_CONSTRAINT_CHECK", 275},
    {"SQLITE_CONSTRAINT_COMMITHOOK", 531}, {"SQLITE_CONSTRAINT_FOREIGNKEY", 787},
    {"SQLITE_CONSTRAINT_FUNCTION", 1043}, {"SQLITE_CONSTRAINT_NOTNULL", 1299},
    {"SQLITE_CONSTRAINT_PINNED", 2835}, {"SQLITE_CONSTRAINT_PRIMARYKEY", 1555},
    {"SQLITE_CONSTRAINT_ROWID", 2579}, {"SQLITE_CONSTRAINT_TRIGGER", 1811},
    {"SQLITE_CONSTRAINT_UNIQUE", 2067}, {"SQLITE_CONSTRAINT_VTAB", 2323}, {"SQLITE_CORRUPT_INDEX", 779},
    {"SQLITE_CORRUPT_SEQUENCE", 523}, {"SQLITE_CORRUPT_VTAB", 267}, {"SQLITE_ERROR_MISSING_COLLSEQ", 257},
    {"SQLITE_ERROR_RETRY", 513}, {"SQLITE_ERROR_SNAPSHOT", 769}, {"SQLITE_IOERR_ACCESS", 3338},
    {"SQLITE_IOERR_AUTH", 7178}, {"SQLITE_IOERR_BEGIN_ATOMIC", 7434}, {"SQLITE_IOERR_BLOCKED", 2826},
    {"SQLITE_IOERR_CHECKRESERVEDLOCK", 3594}, {"SQLITE_IOERR_CLOSE", 4106},
    {"SQLITE_IOERR_COMMIT_ATOMIC", 7690}, {"SQLITE_IOERR_CONVPATH", 6666}, {"SQLITE_IOERR_CORRUPTFS", 8458},
    {"SQLITE_IOERR_DATA", 8202}, {"SQLITE_IOERR_DELETE", 2570}, {"SQLITE_IOERR_DELETE_NOENT", 5898},
    {"SQLITE_IOERR_DIR_CLOSE", 4362}, {"SQLITE_IOERR_DIR_FSYNC", 1290}, {"SQLITE_IOERR_FSTAT", 1802},
    {"SQLITE_IOERR_FSYNC", 1034}, {"SQLITE_IOERR_GETTEMPPATH", 6410}, {"SQLITE_IOERR_LOCK", 3850},
    {"SQLITE_IOERR_MMAP", 6154}, {"SQLITE_IOERR_NOMEM", 3082}, {"SQLITE_IOERR_RDLOCK", 2314},
    {"SQLITE_IOERR_READ", 266}, {"SQLITE_IOERR_ROLLBACK_ATOMIC", 7946}, {"SQLITE_IOERR_SEEK", 5642},
    {"SQLITE_IOERR_SHMLOCK", 5130}, {"SQLITE_IOERR_SHMMAP", 5386}, {"SQLITE_IOERR_SHMOPEN", 4618},
    {"SQLITE_IOERR_SHMSIZE", 4874}, {"SQLITE_IOERR_SHORT_READ", 522}, {"SQLITE_IOERR_TRUNCATE", 1546},
    {"SQLITE_IOERR_UNLOCK", 2058}, {"SQLITE_IOERR_VNODE", 6922}, {"SQLITE_IOERR_WRITE", 778},
    {"SQLITE_LOCKED_SHAREDCACHE", 262}, {"SQLITE_LOCKED_VTAB", 518}, {"SQLITE_NOTICE_RECOVER_ROLLBACK", 539},
    {"SQLITE_NOTICE_RECOVER_WAL", 283}, {"SQLITE_OK_LOAD_PERMANENTLY", 256}, {"SQLITE_OK_SYMLINK", 512},
    {"SQLITE_READONLY_CANTINIT", 1288}, {"SQLITE_READONLY_CANTLOCK", 520}, {"SQLITE_READONLY_DBMOVED", 1032},
    {"SQLITE_READONLY_DIRECTORY", 1544}, {"SQLITE_READONLY_RECOVERY", 264}, {"SQLITE_READONLY_ROLLBACK", 776},
    {"SQLITE_WARNING_AUTOINDEX", 284},
};

// Authorizer action codes and return values, limit categories.
const Const kOtherConsts[] = {
    {"SQLITE_DENY", 1}, {"SQLITE_IGNORE", 2}, {"SQLITE_CREATE_INDEX", 1}, {"SQLITE_CREATE_TABLE", 2},
    {"SQLITE_CREATE_TEMP_INDEX", 3}, {"SQLITE_CREATE_TEMP_TABLE", 4}, {"SQLITE_CREATE_TEMP_TRIGGER", 5},
    {"SQLITE_CREATE_TEMP_VIEW", 6}, {"SQLITE_CREATE_TRIGGER", 7}, {"SQLITE_CREATE_VIEW", 8},
    {"SQLITE_DELETE", 9}, {"SQLITE_DROP_INDEX", 10}, {"SQLITE_DROP_TABLE", 11}, {"SQLITE_DROP_TEMP_INDEX", 12},
    {"SQLITE_DROP_TEMP_TABLE", 13}, {"SQLITE_DROP_TEMP_TRIGGER", 14}, {"SQLITE_DROP_TEMP_VIEW", 15},
    {"SQLITE_DROP_TRIGGER", 16}, {"SQLITE_DROP_VIEW", 17}, {"SQLITE_INSERT", 18}, {"SQLITE_PRAGMA", 19},
    {"SQLITE_READ", 20}, {"SQLITE_SELECT", 21}, {"SQLITE_TRANSACTION", 22}, {"SQLITE_UPDATE", 23},
    {"SQLITE_ATTACH", 24}, {"SQLITE_DETACH", 25}, {"SQLITE_ALTER_TABLE", 26}, {"SQLITE_REINDEX", 27},
    {"SQLITE_ANALYZE", 28}, {"SQLITE_CREATE_VTABLE", 29}, {"SQLITE_DROP_VTABLE", 30}, {"SQLITE_FUNCTION", 31},
    {"SQLITE_SAVEPOINT", 32}, {"SQLITE_RECURSIVE", 33},
    {"SQLITE_LIMIT_LENGTH", 0}, {"SQLITE_LIMIT_SQL_LENGTH", 1}, {"SQLITE_LIMIT_COLUMN", 2},
    {"SQLITE_LIMIT_EXPR_DEPTH", 3}, {"SQLITE_LIMIT_COMPOUND_SELECT", 4}, {"SQLITE_LIMIT_VDBE_OP", 5},
    {"SQLITE_LIMIT_FUNCTION_ARG", 6}, {"SQLITE_LIMIT_ATTACHED", 7}, {"SQLITE_LIMIT_LIKE_PATTERN_LENGTH", 8},
    {"SQLITE_LIMIT_VARIABLE_NUMBER", 9}, {"SQLITE_LIMIT_TRIGGER_DEPTH", 10},
    {"SQLITE_LIMIT_WORKER_THREADS", 11},
};

const char* error_name(int code) {
  for (const Const& c : kErrorCodes)
    if (c.value == code && code != 100 && code != 101) return c.name;
  if (code == 100) return "SQLITE_ROW";
  if (code == 101) return "SQLITE_DONE";
  return "unknown";
}

}  // namespace

// ---- errors ----------------------------------------------------------------------------------

Err raise_exc(Type* t, std::string_view msg) { return raise(t, msg); }

Err set_error(sqlite3* db) {
  return set_error_code(sqlite3_errcode(db), sqlite3_extended_errcode(db), sqlite3_errmsg(db));
}

Err set_error_code(int code, int ext, const char* msg) {
  Type* t;
  switch (code & 0xff) {
    case SQLITE_OK:
      return raise(S.OperationalError, "not an error");  // should not happen
    case SQLITE_INTERNAL:
    case SQLITE_NOTFOUND:
      t = S.InternalError;
      break;
    case SQLITE_NOMEM:
      return raise_memory_error();
    case SQLITE_ERROR:
    case SQLITE_PERM:
    case SQLITE_ABORT:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_INTERRUPT:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_EMPTY:
    case SQLITE_SCHEMA:
      t = S.OperationalError;
      break;
    case SQLITE_CORRUPT:
      t = S.DatabaseError;
      break;
    case SQLITE_TOOBIG:
      t = S.DataError;
      break;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      t = S.IntegrityError;
      break;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
      t = S.InterfaceError;
      break;
    default:
      t = S.DatabaseError;
      break;
  }
  Result<Value> e = call1(Value(t), str_value(msg ? msg : "unknown error"));
  if (e.is_err()) return ERR;
  Value ev = e.value();
  if (setattr(ev, str_intern("sqlite_errorcode"), int_from_i64(ext)).is_err()) return ERR;
  if (setattr(ev, str_intern("sqlite_errorname"), str_value(error_name(ext))).is_err()) return ERR;
  return raise_value(ev);
}

Status check_thread(Conn* c) {
  if (c->check_same_thread && !pthread_equal(c->thread, pthread_self()))
    return raise_fmt(S.ProgrammingError,
                     "SQLite objects created in a thread can only be used in that same thread. "
                     "The object was created in thread id %lu and this is thread id %lu.",
                     (unsigned long)c->thread, (unsigned long)pthread_self());
  return OK();
}

Status check_conn(Conn* c) {
  if (!c->initialized) return raise(S.ProgrammingError, "Base Connection.__init__ not called.");
  if (!c->db) return raise(S.ProgrammingError, "Cannot operate on a closed database.");
  return OK();
}

Status check_conn_thread(Conn* c) {
  TRY(check_thread(c));
  return check_conn(c);
}

void callback_error(Value callable) {
  Value e = exc_fetch();
  if (S.callback_tracebacks && e) report_unraisable("Exception ignored in: ", callable, e);
}

// ---- values ----------------------------------------------------------------------------------

Result<Value> to_text(std::string_view s) {
  bool ascii = true;
  for (unsigned char ch : s)
    if (ch >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return Value(str_new(s));
  return codec_decode(s, "utf-8", "strict");
}

Status utf8_of(Str* s, std::string_view* out) {
  std::string_view v = s->view();
  if (!s->ascii) {
    for (size_t i = 0; i + 1 < v.size(); i++)
      if ((unsigned char)v[i] == 0xED && (unsigned char)v[i + 1] >= 0xA0) {
        TRY(codec_encode(s, "utf-8", "strict"));  // raises UnicodeEncodeError
        break;
      }
  }
  *out = v;
  return OK();
}

Result<Value> value_from_sqlite(sqlite3_value* v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
      return int_from_i64(sqlite3_value_int64(v));
    case SQLITE_FLOAT:
      return float_new(sqlite3_value_double(v));
    case SQLITE_TEXT: {
      const char* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
      int n = sqlite3_value_bytes(v);
      return to_text(std::string_view(p ? p : "", size_t(n)));
    }
    case SQLITE_BLOB: {
      const char* p = static_cast<const char*>(sqlite3_value_blob(v));
      int n = sqlite3_value_bytes(v);
      return bytes_from(std::string_view(p ? p : "", size_t(n)));
    }
    default:
      return None();
  }
}

Status result_to_sqlite(sqlite3_context* ctx, Value v) {
  if (is_none(v)) {
    sqlite3_result_null(ctx);
  } else if (is_int(v)) {
    int64_t i;
    if (!int_fits_i64(v, &i)) return raise(tp_OverflowError, "Python int too large to convert to SQLite INTEGER");
    sqlite3_result_int64(ctx, i);
  } else if (is_float(v)) {
    sqlite3_result_double(ctx, float_val(v));
  } else if (is_str(v)) {
    std::string_view s;
    TRY(utf8_of(as_str(v), &s));
    sqlite3_result_text64(ctx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } else {
    std::string_view b;
    if (v.type() == tp_memoryview) b = TRY(contiguous_buffer(v));
    else if (!buffer_view_opt(v, &b)) return raise_fmt(S.ProgrammingError, "unsupported type");
    if (b.size() > INT32_MAX) return raise(tp_OverflowError, "BLOB longer than INT_MAX bytes");
    sqlite3_result_blob64(ctx, b.data(), b.size(), SQLITE_TRANSIENT);
  }
  return OK();
}

Result<std::string_view> contiguous_buffer(Value v) {
  if (v.type() == tp_memoryview) {
    Value c = TRY(getattr(v, str_intern("c_contiguous")));
    if (!TRY(truthy(c))) return raise(tp_BufferError, "memoryview: underlying buffer is not C-contiguous");
  }
  return buffer_view(v);
}

Result<Value> no_instances(Value* a, int64_t, Tuple*) {
  return raise_fmt(tp_TypeError, "cannot create '%s' instances", type_tp_name(as_type(a[0])).c_str());
}

// pysqlite's microprotocols: the registered adapter, proto.__adapt__, obj.__conform__, alt.
Result<Value> adapt(Value obj, Value proto, Value alt) {
  Value key = Value(tuple_of({Value(obj.type()), proto}));
  Value adapter;
  TRY(dict_get2(S.adapters, key, &adapter));
  if (adapter) return call1(adapter, obj);
  Value m;
  TRY(getattr_opt(proto, str_intern("__adapt__"), &m));
  if (m) {
    Result<Value> r = call1(m, obj);
    if (r.is_err()) {
      if (!exc_matches(tp_TypeError)) return ERR;
      exc_clear();
    } else if (!is_none(r.value())) {
      return r;
    }
  }
  TRY(getattr_opt(obj, str_intern("__conform__"), &m));
  if (m) {
    Result<Value> r = call1(m, proto);
    if (r.is_err()) {
      if (!exc_matches(tp_TypeError)) return ERR;
      exc_clear();
    } else if (!is_none(r.value())) {
      return r;
    }
  }
  if (alt) return alt;
  return raise(S.ProgrammingError, "can't adapt");
}

namespace {

// ---- module functions ------------------------------------------------------------------------

Result<Value> m_connect(Value* a, int64_t n, Tuple* kw) {
  Value v[8];
  TRY(parse_args("connect", a, n, kw,
                 {"database", "timeout", "detect_types", "isolation_level", "check_same_thread", "factory",
                  "cached_statements", "uri"},
                 1, v));
  Value factory = v[5] ? v[5] : Value(S.Connection);
  return call(factory, a, n, kw);
}

Result<Value> m_complete_statement(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("complete_statement", a, n, kw, {"statement"}, 1, v));
  if (!is_str(v[0]))
    return raise_fmt(tp_TypeError, "complete_statement() argument 'statement' must be str, not %s", type_name(v[0]));
  std::string s(as_str(v[0])->view());
  return Bool(sqlite3_complete(s.c_str()) != 0);
}

Result<Value> m_enable_callback_tracebacks(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("enable_callback_tracebacks", kw));
  TRY(check_nargs("enable_callback_tracebacks", n, 1, 1));
  if (is_float(a[0])) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
  S.callback_tracebacks = TRY(as_c_int(a[0])) != 0;
  return None();
}

Result<Value> m_enable_shared_cache(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("enable_shared_cache", a, n, kw, {"do_enable"}, 1, v));
  int on = TRY(as_c_int(v[0]));
  TRY(warn(tp_DeprecationWarning, "enable_shared_cache is deprecated and will be removed in Python 3.12. "
                                   "Shared cache is strongly discouraged by the SQLite 3 documentation. "
                                   "If shared cache must be used, open the database in URI mode using"
                                   "the cache=shared query parameter.",
           1));
  if (sqlite3_enable_shared_cache(on) != SQLITE_OK) return raise(S.OperationalError, "Changing the shared_cache flag failed");
  return None();
}

Result<Value> m_register_adapter(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("register_adapter", kw));
  TRY(check_nargs("register_adapter", n, 2, 2));
  if (a[0] == Value(tp_int) || a[0] == Value(tp_float) || a[0] == Value(tp_str) || a[0] == Value(tp_bytearray))
    S.base_type_adapted = true;
  TRY(dict_set(S.adapters, Value(tuple_of({a[0], Value(S.PrepareProtocol)})), a[1]));
  return None();
}

Result<Value> m_register_converter(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("register_converter", kw));
  TRY(check_nargs("register_converter", n, 2, 2));
  if (!is_str(a[0]))
    return raise_fmt(tp_TypeError, "register_converter() argument 1 must be str, not %s", type_name(a[0]));
  Value up = TRY(call_method0(a[0], str_intern("upper")));
  TRY(dict_set(S.converters, up, a[1]));
  return None();
}

Result<Value> m_adapt(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("adapt", kw));
  TRY(check_nargs("adapt", n, 1, 3));
  return adapt(a[0], n > 1 ? a[1] : Value(S.PrepareProtocol), n > 2 ? a[2] : Value());
}

// ---- PrepareProtocol -------------------------------------------------------------------------

Result<Value> pp_init(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("PrepareProtocol", kw));
  if (n > 1) return raise_fmt(tp_TypeError, "PrepareProtocol() takes no arguments (%lld given)", (long long)(n - 1));
  return None();
}

// ---- Row -------------------------------------------------------------------------------------

struct RowObj : Object {
  Dict* dict;
  Tuple* data;
  Value description;
};

Result<Value> row_new(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Row", kw));
  if (n - 1 != 2)
    return raise_fmt(tp_TypeError, "Row expected 2 arguments, got %lld", (long long)(n - 1));
  if (!isinstance(a[1], S.Cursor))
    return raise_fmt(tp_TypeError, "Row() argument 1 must be sqlite3.Cursor, not %s", type_name(a[1]));
  if (!is_tuple(a[2])) return raise_fmt(tp_TypeError, "Row() argument 2 must be tuple, not %s", type_name(a[2]));
  RowObj* r = static_cast<RowObj*>(alloc_instance(as_type(a[0]), sizeof(RowObj)));
  r->data = as_tuple(a[2]);
  r->description = a[1].as<Cur>()->description;
  if (!r->description) r->description = None();
  return Value(r);
}

RowObj* RO(Value v) { return v.as<RowObj>(); }

bool names_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    unsigned char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
  }
  return true;
}

Result<Value> row_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getitem__", n - 1, 1, 1));
  RowObj* r = RO(a[0]);
  Value key = a[1];
  if (is_str(key)) {
    if (!is_none(r->description)) {
      int64_t nd = TRY(len(r->description));
      for (int64_t i = 0; i < nd && i < r->data->size; i++) {
        Value d = TRY(getitem(r->description, Value::small(i)));
        Value name = TRY(getitem(d, Value::small(0)));
        if (is_str(name) && names_equal(as_str(name)->view(), as_str(key)->view())) return r->data->items[i];
      }
    }
    return raise(tp_IndexError, "No item with that key");
  }
  if (is_slice(key) || is_int(key)) return getitem(Value(r->data), key);
  Value idx;
  TRY(lookup_special_r(key, N.__index__, &idx));
  if (idx) return getitem(Value(r->data), key);
  return raise(tp_IndexError, "Index must be int or string");
}

Result<Value> row_len(Value* a, int64_t, Tuple*) { return Value::small(RO(a[0])->data->size); }
Result<Value> row_iter(Value* a, int64_t, Tuple*) { return get_iter(Value(RO(a[0])->data)); }

Result<Value> row_keys(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("keys", n - 1, 0, 0));
  RowObj* r = RO(a[0]);
  List* out = list_new(0);
  if (is_none(r->description)) return Value(out);
  int64_t nd = TRY(len(r->description));
  for (int64_t i = 0; i < nd; i++) {
    Value d = TRY(getitem(r->description, Value::small(i)));
    TRY(list_append(out, TRY(getitem(d, Value::small(0)))));
  }
  return Value(out);
}

Result<Value> row_cmp(Value* a, int64_t n, bool want_eq) {
  TRY(check_nargs("__eq__", n - 1, 1, 1));
  if (!isinstance(a[1], S.Row)) return Value(g_NotImplemented);
  RowObj* x = RO(a[0]);
  RowObj* y = RO(a[1]);
  bool same = TRY(eq(x->description, y->description)) && TRY(eq(Value(x->data), Value(y->data)));
  return Bool(same == want_eq);
}
Result<Value> row_eq(Value* a, int64_t n, Tuple*) { return row_cmp(a, n, true); }
Result<Value> row_ne(Value* a, int64_t n, Tuple*) { return row_cmp(a, n, false); }
Result<Value> row_notimpl(Value*, int64_t, Tuple*) { return Value(g_NotImplemented); }

Result<Value> row_hash(Value* a, int64_t, Tuple*) {
  RowObj* r = RO(a[0]);
  int64_t h1 = TRY(hash(r->description));
  int64_t h2 = TRY(hash(Value(r->data)));
  int64_t h = h1 ^ h2;
  if (h == -1) h = -2;
  return int_from_i64(h);
}

const MethodDef row_methods[] = {{"__new__", row_new, MethKind::Static},
                                 {"__getitem__", row_getitem},
                                 {"__len__", row_len},
                                 {"__iter__", row_iter},
                                 {"__eq__", row_eq},
                                 {"__ne__", row_ne},
                                 {"__lt__", row_notimpl},
                                 {"__le__", row_notimpl},
                                 {"__gt__", row_notimpl},
                                 {"__ge__", row_notimpl},
                                 {"__hash__", row_hash},
                                 {"keys", row_keys, MethKind::Method, "Returns the keys of the row."},
                                 {nullptr, nullptr}};

const MethodDef pp_methods[] = {{"__init__", pp_init}, {nullptr, nullptr}};

const MethodDef functions[] = {
    {"connect", m_connect},
    {"complete_statement", m_complete_statement},
    {"enable_callback_tracebacks", m_enable_callback_tracebacks},
    {"enable_shared_cache", m_enable_shared_cache},
    {"register_adapter", m_register_adapter},
    {"register_converter", m_register_converter},
    {"adapt", m_adapt},
    {nullptr, nullptr}};

Result<Type*> make_exc(Dict* md, const char* name, Type* base) {
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, str_value("sqlite3"));
  Value t = TRY(call3(Value(tp_type), str_value(name), Value(tuple_of({Value(base)})), Value(ns)));
  dict_set_str(md, str_intern(name), t);
  return as_type(t);
}

Result<Value> init() {
  Module* m = native_module_new("_sqlite3", functions);
  Dict* md = m->dict;
  if (!S.Error) {
    sqlite3_initialize();
    S.Warning = TRY(make_exc(md, "Warning", tp_Exception));
    S.Error = TRY(make_exc(md, "Error", tp_Exception));
    S.InterfaceError = TRY(make_exc(md, "InterfaceError", S.Error));
    S.DatabaseError = TRY(make_exc(md, "DatabaseError", S.Error));
    S.DataError = TRY(make_exc(md, "DataError", S.DatabaseError));
    S.OperationalError = TRY(make_exc(md, "OperationalError", S.DatabaseError));
    S.IntegrityError = TRY(make_exc(md, "IntegrityError", S.DatabaseError));
    S.InternalError = TRY(make_exc(md, "InternalError", S.DatabaseError));
    S.ProgrammingError = TRY(make_exc(md, "ProgrammingError", S.DatabaseError));
    S.NotSupportedError = TRY(make_exc(md, "NotSupportedError", S.DatabaseError));
    S.Row = native_type_new("sqlite3", "Row", tp_object, Layout::Other, sizeof(RowObj), row_methods);
    S.PrepareProtocol = native_type_new("sqlite3", "PrepareProtocol", tp_object, Layout::Other, sizeof(Object) + 8,
                                        pp_methods);
    type_set_attr_const(S.PrepareProtocol, "__doc__", str_value("PEP 246 style object adaption protocol type."));
    S.adapters = dict_new();
    S.converters = dict_new();
  } else {
    for (const char* name : {"Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError",
                             "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError"}) {
      Type* t = nullptr;
      if (!std::strcmp(name, "Warning")) t = S.Warning;
      else if (!std::strcmp(name, "Error")) t = S.Error;
      else if (!std::strcmp(name, "InterfaceError")) t = S.InterfaceError;
      else if (!std::strcmp(name, "DatabaseError")) t = S.DatabaseError;
      else if (!std::strcmp(name, "DataError")) t = S.DataError;
      else if (!std::strcmp(name, "OperationalError")) t = S.OperationalError;
      else if (!std::strcmp(name, "IntegrityError")) t = S.IntegrityError;
      else if (!std::strcmp(name, "InternalError")) t = S.InternalError;
      else if (!std::strcmp(name, "ProgrammingError")) t = S.ProgrammingError;
      else t = S.NotSupportedError;
      dict_set_str(md, str_intern(name), Value(t));
    }
  }
  init_connection(md);
  init_cursor(md);
  init_blob(md);
  dict_set_str(md, str_intern("Row"), Value(S.Row));
  dict_set_str(md, str_intern("PrepareProtocol"), Value(S.PrepareProtocol));
  dict_set_str(md, str_intern("adapters"), Value(S.adapters));
  dict_set_str(md, str_intern("converters"), Value(S.converters));
  for (const Const& c : kErrorCodes) dict_set_str(md, str_intern(c.name), Value::small(c.value));
  for (const Const& c : kOtherConsts) dict_set_str(md, str_intern(c.name), Value::small(c.value));
  dict_set_str(md, str_intern("PARSE_DECLTYPES"), Value::small(1));
  dict_set_str(md, str_intern("PARSE_COLNAMES"), Value::small(2));
  dict_set_str(md, str_intern("version"), str_value("2.6.0"));
  dict_set_str(md, str_intern("sqlite_version"), str_value(sqlite3_libversion()));
  int ts = sqlite3_threadsafe();
  dict_set_str(md, str_intern("threadsafety"), Value::small(ts == 0 ? 0 : ts == 1 ? 3 : 1));
  return Value(m);
}

}  // namespace

GILPY_NATIVE_MODULE("_sqlite3", init);

}  // namespace gilpy::sqlite
