// _sqlite3.Connection: one SQLite database handle, its transaction control
// (3.11's implicit BEGIN before DML unless isolation_level is None), the
// statement cache, and the Python callbacks it registers with SQLite (user
// functions, aggregates, window functions, collations, authorizer, progress
// handler, trace callback). Callbacks run inside sqlite3_step, which runs
// without the GIL: each takes it back (WithGil) before touching objects.
#include <gc/gc.h>

#include <cmath>
#include <cstring>
#include <string>

#include "modules/_sqlite3_internal.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "modules/posix_impl.h"
#include "runtime/args.h"
#include "runtime/import.h"
#include "runtime/protocols.h"

namespace gilpy::sqlite {

namespace {

Conn* CO(Value v) { return v.as<Conn>(); }

Status check_is_conn(Value v, const char* fname) {
  if (!isinstance(v, S.Connection))
    return raise_fmt(tp_TypeError, "descriptor '%s' requires a 'sqlite3.Connection' object but received a '%s'", fname,
                     type_name(v));
  return OK();
}

}  // namespace

// ---- statements ------------------------------------------------------------------------------

int step(sqlite3_stmt* st) {
  gil::ReleaseGil nogil(gil::Block::Other);
  return sqlite3_step(st);
}

void stmt_finalize(Stmt* s) {
  if (s->st) {
    sqlite3_finalize(s->st);
    s->st = nullptr;
  }
}

void stmt_reset(Stmt* s) {
  if (s->st) {
    sqlite3_reset(s->st);
  }
  s->in_use = false;
}

static void stmt_finalizer(void* obj, void*) { stmt_finalize(static_cast<Stmt*>(obj)); }

// Skip blanks and SQL comments.
static const char* skip_ws_comments(const char* p) {
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') p++;
    if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n') p++;
      continue;
    }
    if (p[0] == '/' && p[1] == '*') {
      const char* e = std::strstr(p + 2, "*/");
      if (!e) return p + std::strlen(p);
      p = e + 2;
      continue;
    }
    return p;
  }
}

static bool starts_keyword(const char* p, const char* kw) {
  size_t n = std::strlen(kw);
  return sqlite3_strnicmp(p, kw, int(n)) == 0;
}

Result<Stmt*> stmt_prepare(Conn* c, Str* sql) {
  std::string_view text;
  TRY(utf8_of(sql, &text));
  if (text.find('\0') != std::string_view::npos) return raise(S.ProgrammingError, "the query contains a null character");
  int max_len = sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1);
  if (int64_t(text.size()) > int64_t(max_len)) return raise(S.DataError, "query string is too large");
  // The cache: an unused statement prepared from the same text.
  Value cached = dict_get_str(c->stmt_cache, sql);
  if (cached) {
    Stmt* s = cached.as<Stmt>();
    if (!s->in_use && s->st) {
      sqlite3_reset(s->st);
      sqlite3_clear_bindings(s->st);
      return s;
    }
  }
  std::string buf(text);
  sqlite3_stmt* st = nullptr;
  const char* tail = nullptr;
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    rc = sqlite3_prepare_v2(c->db, buf.c_str(), int(buf.size()) + 1, &st, &tail);
  }
  if (rc != SQLITE_OK) return set_error(c->db);
  if (tail && *skip_ws_comments(tail)) {
    sqlite3_finalize(st);
    return raise(S.ProgrammingError, "You can only execute one statement at a time.");
  }
  Stmt* s = static_cast<Stmt*>(alloc_instance(S.Statement, sizeof(Stmt)));
  s->st = st;
  const char* p = skip_ws_comments(buf.c_str());
  s->is_dml = starts_keyword(p, "insert") || starts_keyword(p, "update") || starts_keyword(p, "delete") ||
              starts_keyword(p, "replace");
  GC_register_finalizer(s, stmt_finalizer, nullptr, nullptr, nullptr);
  if (c->cached_statements > 0 && st) {
    int64_t pos = 0;
    Value k, v;
    // Keep at most cached_statements: drop the oldest.
    int64_t count = 0;
    while (dict_next(c->stmt_cache, &pos, &k, &v)) count++;
    if (count >= c->cached_statements) {
      pos = 0;
      if (dict_next(c->stmt_cache, &pos, &k, &v)) TRY(dict_del(c->stmt_cache, k));
    }
    TRY(dict_set(c->stmt_cache, Value(sql), Value(s)));
  }
  return s;
}

Status conn_exec(Conn* c, const char* sql) {
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    sqlite3_stmt* st = nullptr;
    rc = sqlite3_prepare_v2(c->db, sql, -1, &st, nullptr);
    if (rc == SQLITE_OK) {
      rc = sqlite3_step(st);
      if (rc == SQLITE_DONE || rc == SQLITE_ROW) rc = SQLITE_OK;
      int rc2 = sqlite3_finalize(st);
      if (rc == SQLITE_OK) rc = rc2;
    }
  }
  if (rc != SQLITE_OK) return set_error(c->db);
  return OK();
}

Status conn_begin_if_needed(Conn* c, Stmt* s) {
  if (!s->is_dml || is_none(c->isolation_level)) return OK();
  std::string sql = "BEGIN ";
  sql += as_str(c->isolation_level)->view();
  // Test-and-begin under the connection's (recursive) mutex, so that two
  // threads sharing a connection cannot both see autocommit and both BEGIN.
  // The error is copied out before the mutex is left.
  int rc = SQLITE_OK, code = 0, ext = 0;
  std::string msg;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    sqlite3_mutex* m = sqlite3_db_mutex(c->db);
    sqlite3_mutex_enter(m);
    if (sqlite3_get_autocommit(c->db)) {
      sqlite3_stmt* st = nullptr;
      rc = sqlite3_prepare_v2(c->db, sql.c_str(), -1, &st, nullptr);
      if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
        else sqlite3_reset(st);
      }
      if (rc != SQLITE_OK) {
        code = sqlite3_errcode(c->db);
        ext = sqlite3_extended_errcode(c->db);
        msg = sqlite3_errmsg(c->db);
      }
      sqlite3_finalize(st);
    }
    sqlite3_mutex_leave(m);
  }
  if (rc != SQLITE_OK) return set_error_code(code, ext, msg.c_str());
  return OK();
}

namespace {

// ---- Connection: life cycle ------------------------------------------------------------------

void conn_close_db(Conn* c) {
  if (!c->db) return;
  if (c->stmt_cache) {
    int64_t pos = 0;
    Value k, v;
    // A statement a cursor is still reading stays (the closed database
    // lingers as a zombie until it is finalized by the collector).
    while (dict_next(c->stmt_cache, &pos, &k, &v))
      if (!v.as<Stmt>()->in_use) stmt_finalize(v.as<Stmt>());
    c->stmt_cache = dict_new();
  }
  sqlite3* db = c->db;
  c->db = nullptr;
  gil::ReleaseGil nogil(gil::Block::Other);
  sqlite3_close_v2(db);
}

void conn_finalizer(void* obj, void*) {
  Conn* c = static_cast<Conn*>(obj);
  if (c->db) {
    sqlite3_close_v2(c->db);
    c->db = nullptr;
  }
}

Result<Value> conn_new(Value* a, int64_t, Tuple*) {
  Conn* c = static_cast<Conn*>(alloc_instance(as_type(a[0]), sizeof(Conn)));
  c->isolation_level = str_value("");
  c->row_factory = None();
  c->text_factory = Value(tp_str);
  c->keep = list_new(0);
  c->aggregates = dict_new();
  c->blobs = list_new(0);
  c->stmt_cache = dict_new();
  c->trace_ctx = None();
  c->thread = pthread_self();
  c->check_same_thread = true;
  GC_register_finalizer(c, conn_finalizer, nullptr, nullptr, nullptr);
  return Value(c);
}

Status set_isolation_level(Conn* c, Value v) {
  if (!v) return raise(tp_AttributeError, "cannot delete attribute");
  if (is_none(v)) {
    if (c->db && !sqlite3_get_autocommit(c->db)) TRY(conn_exec(c, "COMMIT"));
    c->isolation_level = None();
    return OK();
  }
  if (!is_str(v)) return raise_fmt(tp_TypeError, "isolation_level must be str or None, not %s", type_name(v));
  std::string_view s = as_str(v)->view();
  if (s.find('\0') != std::string_view::npos) return raise(tp_ValueError, "embedded null character");
  static const char* const levels[] = {"", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"};
  for (const char* l : levels) {
    if (std::strlen(l) == s.size() && sqlite3_strnicmp(l, s.data(), int(s.size())) == 0) {
      c->isolation_level = str_value(l);
      return OK();
    }
  }
  return raise(tp_ValueError, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
}

Result<Value> conn_init(Value* a, int64_t n, Tuple* kw) {
  Value v[8];
  TRY(parse_args("Connection", a + 1, n - 1, kw,
                 {"database", "timeout", "detect_types", "isolation_level", "check_same_thread", "factory",
                  "cached_statements", "uri"},
                 1, v));
  Conn* c = CO(a[0]);
  Value path = TRY(posix::fspath(v[0]));
  std::string db_path;
  if (is_str(path)) db_path = TRY(posix::fs_encode(as_str(path)));
  else db_path = std::string(as_bytes(path)->view());
  double timeout = 5.0;
  if (v[1]) timeout = TRY(to_double(v[1]));
  int detect_types = v[2] ? TRY(as_c_int(v[2])) : 0;
  bool same_thread = v[4] ? TRY(as_c_int(v[4])) != 0 : true;
  int cached = v[6] ? TRY(as_c_int(v[6])) : 128;
  bool uri = v[7] ? TRY(truthy(v[7])) : false;
  if (c->db) conn_close_db(c);
  c->initialized = false;
  sqlite3* db = nullptr;
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::File);
    rc = sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0),
                         nullptr);
    if (rc == SQLITE_OK) sqlite3_busy_timeout(db, int(timeout * 1000));
  }
  if (rc != SQLITE_OK) {
    Err e = db ? set_error(db) : raise_memory_error();
    if (db) sqlite3_close_v2(db);
    return e;
  }
  c->db = db;
  c->detect_types = detect_types;
  c->check_same_thread = same_thread;
  c->thread = pthread_self();
  c->cached_statements = cached;
  c->row_factory = None();
  c->text_factory = Value(tp_str);
  c->stmt_cache = dict_new();
  Value level = v[3] ? v[3] : str_value("");
  Status st = set_isolation_level(c, level);
  if (st.is_err()) {
    conn_close_db(c);
    return ERR;
  }
  c->initialized = true;
  return None();
}

Result<Value> conn_close(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("close", n - 1, 0, 0));
  Conn* c = CO(a[0]);
  TRY(check_thread(c));
  if (!c->initialized) return raise(S.ProgrammingError, "Base Connection.__init__ not called.");
  for (int64_t i = 0; i < c->blobs->size; i++) {
    Blob* b = c->blobs->items[i].as<Blob>();
    if (b->blob) {
      sqlite3_blob_close(b->blob);
      b->blob = nullptr;
    }
  }
  c->blobs->size = 0;
  conn_close_db(c);
  return None();
}

Result<Value> conn_commit(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("commit", n - 1, 0, 0));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (!sqlite3_get_autocommit(c->db)) TRY(conn_exec(c, "COMMIT"));
  return None();
}

Result<Value> conn_rollback(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("rollback", n - 1, 0, 0));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (!sqlite3_get_autocommit(c->db)) TRY(conn_exec(c, "ROLLBACK"));
  return None();
}

Result<Value> conn_cursor(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("cursor", a + 1, n - 1, kw, {"factory"}, 0, v));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  Value factory = v[0] ? v[0] : Value(S.Cursor);
  Value cur = TRY(call1(factory, a[0]));
  if (!isinstance(cur, S.Cursor))
    return raise_fmt(tp_TypeError, "factory must return a cursor, not %s", type_name(cur));
  if (!is_none(c->row_factory)) cur.as<Cur>()->row_factory = c->row_factory;
  return cur;
}

Result<Value> new_cursor(Value self) {
  Value cur = TRY(call_method0(self, str_intern("cursor")));
  return cur;
}

Result<Value> conn_execute(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("execute", kw));
  TRY(check_nargs("execute", n - 1, 1, 2));
  TRY(check_conn_thread(CO(a[0])));
  Value cur = TRY(new_cursor(a[0]));
  Value args[2] = {a[1], n > 2 ? a[2] : Value()};
  TRY(call_method(cur, str_intern("execute"), args, n > 2 ? 2 : 1));
  return cur;
}

Result<Value> conn_executemany(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("executemany", kw));
  TRY(check_nargs("executemany", n - 1, 2, 2));
  TRY(check_conn_thread(CO(a[0])));
  Value cur = TRY(new_cursor(a[0]));
  Value args[2] = {a[1], a[2]};
  TRY(call_method(cur, str_intern("executemany"), args, 2));
  return cur;
}

Result<Value> conn_executescript(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("executescript", kw));
  TRY(check_nargs("executescript", n - 1, 1, 1));
  TRY(check_conn_thread(CO(a[0])));
  Value cur = TRY(new_cursor(a[0]));
  TRY(call_method1(cur, str_intern("executescript"), a[1]));
  return cur;
}

Result<Value> conn_enter(Value* a, int64_t, Tuple*) {
  TRY(check_conn(CO(a[0])));
  return a[0];
}

Result<Value> conn_exit(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("__exit__", kw));
  TRY(check_nargs("__exit__", n - 1, 3, 3));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  bool ok = is_none(a[1]) && is_none(a[2]) && is_none(a[3]);
  if (sqlite3_get_autocommit(c->db)) return False();
  if (ok) {
    Status st = conn_exec(c, "COMMIT");
    if (st.is_err()) {
      Value e = exc_fetch();
      if (conn_exec(c, "ROLLBACK").is_err()) exc_clear();
      exc_restore(e);
      return ERR;
    }
  } else {
    TRY(conn_exec(c, "ROLLBACK"));
  }
  return False();
}

Result<Value> conn_call(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Connection", kw));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (n - 1 != 1) return raise_fmt(tp_TypeError, "function takes exactly 1 argument (%lld given)", (long long)(n - 1));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "argument 1 must be str, not %s", type_name(a[1]));
  Stmt* s = TRY(stmt_prepare(c, as_str(a[1])));
  return Value(s);
}

// ---- callbacks -------------------------------------------------------------------------------

Result<Tuple*> sqlite_args(int argc, sqlite3_value** argv) {
  Tuple* t = tuple_new(argc);
  for (int i = 0; i < argc; i++) t->items[i] = Value();
  for (int i = 0; i < argc; i++) t->items[i] = TRY(value_from_sqlite(argv[i]));
  return t;
}

// A context SQLite keeps: (callable, connection).
Tuple* make_ctx(Conn* c, Value callable) {
  Tuple* t = tuple_of({callable, Value(c)});
  (void)list_append(c->keep, Value(t));
  return t;
}

// Report the pending exception of a callback to SQLite as CPython does:
// MemoryError -> SQLITE_NOMEM (MemoryError again), OverflowError ->
// SQLITE_TOOBIG (DataError "string or blob too big"), anything else ->
// `msg` (OperationalError). The exception goes to sys.unraisablehook when
// callback tracebacks are on.
void result_error(sqlite3_context* ctx, Value callable, const char* msg) {
  bool nomem = exc_matches(tp_MemoryError);
  bool toobig = !nomem && exc_matches(tp_OverflowError);
  callback_error(callable);
  if (nomem) sqlite3_result_error_nomem(ctx);
  else if (toobig) sqlite3_result_error_toobig(ctx);
  else sqlite3_result_error(ctx, msg, -1);
}

void func_callback(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  WithGil g;
  Tuple* cx = static_cast<Tuple*>(sqlite3_user_data(ctx));
  Value fn = cx->items[0];
  Result<Tuple*> args = sqlite_args(argc, argv);
  Result<Value> r = args.is_err() ? Result<Value>(ERR) : call_ex(fn, args.value(), nullptr);
  if (r.ok() && result_to_sqlite(ctx, r.value()).ok()) return;
  result_error(ctx, fn, "user-defined function raised exception");
}

Value* agg_slot(Conn* c, sqlite3_context* ctx, bool create, Value* key_out) {
  void* p = sqlite3_aggregate_context(ctx, create ? 8 : 0);
  if (!p) return nullptr;
  *key_out = int_from_u64(uint64_t(uintptr_t(p)));
  return static_cast<Value*>(p);
}

// The aggregate instance of this invocation, made on first use; null with
// the SQLite error set when the class's __init__ failed.
Value agg_instance(sqlite3_context* ctx, bool create) {
  Tuple* cx = static_cast<Tuple*>(sqlite3_user_data(ctx));
  Conn* c = cx->items[1].as<Conn>();
  Value key;
  if (!agg_slot(c, ctx, create, &key)) return Value();
  Value inst;
  if (dict_get2(c->aggregates, key, &inst).is_err()) exc_clear();
  if (inst || !create) return inst;
  Result<Value> r = call0(cx->items[0]);
  if (r.is_err()) {
    result_error(ctx, cx->items[0], "user-defined aggregate's '__init__' method raised error");
    return Value();
  }
  if (dict_set(c->aggregates, key, r.value()).is_err()) exc_clear();
  return r.value();
}

void agg_drop(sqlite3_context* ctx) {
  Tuple* cx = static_cast<Tuple*>(sqlite3_user_data(ctx));
  Conn* c = cx->items[1].as<Conn>();
  Value key;
  if (!agg_slot(c, ctx, false, &key)) return;
  if (dict_del(c->aggregates, key).is_err()) exc_clear();
}

// inst.<meth>(*args): false with the SQLite error set on failure.
bool agg_call(sqlite3_context* ctx, Value inst, const char* meth, int argc, sqlite3_value** argv, Value* out) {
  Tuple* cx = static_cast<Tuple*>(sqlite3_user_data(ctx));
  Value cls = cx->items[0];
  Value m;
  Status st = getattr_opt(inst, str_intern(meth), &m);
  std::string msg = std::string("user-defined aggregate's '") + meth + "' method ";
  if (st.is_err() || !m) {
    if (!st.is_err()) (void)raise_attribute_error(inst, str_intern(meth));
    callback_error(cls);
    msg += "not defined";
    sqlite3_result_error(ctx, msg.c_str(), -1);
    return false;
  }
  Result<Tuple*> args = sqlite_args(argc, argv);
  Result<Value> r = args.is_err() ? Result<Value>(ERR) : call_ex(m, args.value(), nullptr);
  if (r.is_err()) {
    msg += "raised error";
    result_error(ctx, cls, msg.c_str());
    return false;
  }
  *out = r.value();
  return true;
}

void agg_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  WithGil g;
  Value inst = agg_instance(ctx, true);
  if (!inst) return;
  Value r;
  agg_call(ctx, inst, "step", argc, argv, &r);
}

void agg_result(sqlite3_context* ctx, const char* meth, bool drop) {
  WithGil g;
  Value inst = agg_instance(ctx, false);
  if (!inst) return;  // no row reached the aggregate (or its __init__ failed): NULL
  Value r;
  bool ok = agg_call(ctx, inst, meth, 0, nullptr, &r);
  if (drop) agg_drop(ctx);
  if (!ok) return;
  if (result_to_sqlite(ctx, r).is_err()) {
    Tuple* cx = static_cast<Tuple*>(sqlite3_user_data(ctx));
    std::string msg = std::string("user-defined aggregate's '") + meth + "' method raised error";
    result_error(ctx, cx->items[0], msg.c_str());
  }
}

void agg_final(sqlite3_context* ctx) { agg_result(ctx, "finalize", true); }
void win_value(sqlite3_context* ctx) { agg_result(ctx, "value", false); }
void win_inverse(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  WithGil g;
  Value inst = agg_instance(ctx, true);
  if (!inst) return;
  Value r;
  agg_call(ctx, inst, "inverse", argc, argv, &r);
}

Result<Value> conn_create_function(Value* a, int64_t n, Tuple* kw) {
  Value v[4];
  TRY(parse_args("create_function", a + 1, n - 1, kw, {"name", "narg", "func", "deterministic"}, 3, v, 0, 3));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (!is_str(v[0]))
    return raise_fmt(tp_TypeError, "create_function() argument 'name' must be str, not %s", type_name(v[0]));
  int narg = TRY(as_c_int(v[1]));
  bool det = v[3] ? TRY(truthy(v[3])) : false;
  int flags = SQLITE_UTF8 | (det ? SQLITE_DETERMINISTIC : 0);
  std::string name(as_str(v[0])->view());
  int rc;
  if (is_none(v[2])) {
    rc = sqlite3_create_function_v2(c->db, name.c_str(), narg, flags, nullptr, nullptr, nullptr, nullptr, nullptr);
  } else {
    Tuple* cx = make_ctx(c, v[2]);
    rc = sqlite3_create_function_v2(c->db, name.c_str(), narg, flags, cx, func_callback, nullptr, nullptr, nullptr);
  }
  if (rc != SQLITE_OK) return raise(S.OperationalError, "Error creating function");
  return None();
}

Result<Value> conn_create_aggregate(Value* a, int64_t n, Tuple* kw) {
  Value v[3];
  TRY(parse_args("create_aggregate", a + 1, n - 1, kw, {"name", "n_arg", "aggregate_class"}, 3, v));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (!is_str(v[0]))
    return raise_fmt(tp_TypeError, "create_aggregate() argument 'name' must be str, not %s", type_name(v[0]));
  int narg = TRY(as_c_int(v[1]));
  std::string name(as_str(v[0])->view());
  int rc;
  if (is_none(v[2])) {
    rc = sqlite3_create_function_v2(c->db, name.c_str(), narg, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
  } else {
    Tuple* cx = make_ctx(c, v[2]);
    rc = sqlite3_create_function_v2(c->db, name.c_str(), narg, SQLITE_UTF8, cx, nullptr, agg_step, agg_final, nullptr);
  }
  if (rc != SQLITE_OK) return raise(S.OperationalError, "Error creating aggregate");
  return None();
}

Result<Value> conn_create_window_function(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("create_window_function", kw));
  TRY(check_nargs("create_window_function", n - 1, 3, 3));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (!is_str(a[1]))
    return raise_fmt(tp_TypeError, "create_window_function() argument 1 must be str, not %s", type_name(a[1]));
  int narg = TRY(as_c_int(a[2]));
  std::string name(as_str(a[1])->view());
  int rc;
  if (is_none(a[3])) {
    rc = sqlite3_create_window_function(c->db, name.c_str(), narg, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr,
                                        nullptr, nullptr);
  } else {
    Tuple* cx = make_ctx(c, a[3]);
    rc = sqlite3_create_window_function(c->db, name.c_str(), narg, SQLITE_UTF8, cx, agg_step, agg_final, win_value,
                                        win_inverse, nullptr);
  }
  // Errors here are not recorded on the connection: report the code's text.
  if (rc != SQLITE_OK) return raise(S.ProgrammingError, sqlite3_errstr(rc));
  return None();
}

int collation_callback(void* p, int n1, const void* s1, int n2, const void* s2) {
  WithGil g;
  Tuple* cx = static_cast<Tuple*>(p);
  Value fn = cx->items[0];
  Result<Value> a = to_text(std::string_view(static_cast<const char*>(s1), size_t(n1)));
  Result<Value> b = a.ok() ? to_text(std::string_view(static_cast<const char*>(s2), size_t(n2))) : Result<Value>(ERR);
  Result<Value> r = b.ok() ? call2(fn, a.value(), b.value()) : Result<Value>(ERR);
  if (r.is_err()) {
    callback_error(fn);
    return 0;
  }
  if (!is_int(r.value())) return 0;
  int sign = int_sign(r.value());
  return sign;
}

Result<Value> conn_create_collation(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("create_collation", kw));
  TRY(check_nargs("create_collation", n - 1, 2, 2));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (!is_str(a[1]))
    return raise_fmt(tp_TypeError, "create_collation() argument 1 must be str, not %s", type_name(a[1]));
  if (!is_none(a[2]) && !is_callable(a[2])) return raise(tp_TypeError, "parameter must be callable");
  std::string name;
  std::string_view nv;
  TRY(utf8_of(as_str(a[1]), &nv));
  name = std::string(nv);
  int rc;
  if (is_none(a[2])) {
    rc = sqlite3_create_collation_v2(c->db, name.c_str(), SQLITE_UTF8, nullptr, nullptr, nullptr);
  } else {
    Tuple* cx = make_ctx(c, a[2]);
    rc = sqlite3_create_collation_v2(c->db, name.c_str(), SQLITE_UTF8, cx, collation_callback, nullptr);
  }
  if (rc != SQLITE_OK) return set_error(c->db);
  return None();
}

int authorizer_callback(void* p, int action, const char* a1, const char* a2, const char* a3, const char* a4) {
  WithGil g;
  Tuple* cx = static_cast<Tuple*>(p);
  Value fn = cx->items[0];
  auto sv = [](const char* s) -> Value { return s ? str_value(s) : None(); };
  Value args[5] = {Value::small(action), sv(a1), sv(a2), sv(a3), sv(a4)};
  Result<Value> r = call(fn, args, 5);
  if (r.is_err()) {
    callback_error(fn);
    return SQLITE_DENY;
  }
  if (!is_int(r.value())) return SQLITE_DENY;
  int64_t v;
  if (!int_fits_i64(r.value(), &v) || v < INT32_MIN || v > INT32_MAX) return SQLITE_DENY;
  return int(v);
}

Result<Value> conn_set_authorizer(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("set_authorizer", a + 1, n - 1, kw, {"authorizer_callback"}, 1, v));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  int rc;
  if (is_none(v[0])) rc = sqlite3_set_authorizer(c->db, nullptr, nullptr);
  else rc = sqlite3_set_authorizer(c->db, authorizer_callback, make_ctx(c, v[0]));
  if (rc != SQLITE_OK) {
    sqlite3_set_authorizer(c->db, nullptr, nullptr);
    return raise(S.OperationalError, "Error setting authorizer callback");
  }
  return None();
}

int progress_callback(void* p) {
  WithGil g;
  Tuple* cx = static_cast<Tuple*>(p);
  Value fn = cx->items[0];
  Result<Value> r = call0(fn);
  if (r.is_err()) {
    callback_error(fn);
    return -1;
  }
  Result<bool> b = truthy(r.value());
  if (b.is_err()) {
    callback_error(fn);
    return -1;
  }
  return b.value() ? 1 : 0;
}

Result<Value> conn_set_progress_handler(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("set_progress_handler", a + 1, n - 1, kw, {"progress_handler", "n"}, 2, v));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  int steps = TRY(as_c_int(v[1]));
  if (is_none(v[0])) sqlite3_progress_handler(c->db, 0, nullptr, nullptr);
  else sqlite3_progress_handler(c->db, steps, progress_callback, make_ctx(c, v[0]));
  return None();
}

int trace_callback(unsigned type, void* p, void* stmt_p, void*) {
  if (type != SQLITE_TRACE_STMT) return 0;
  WithGil g;
  Tuple* cx = static_cast<Tuple*>(p);
  Value fn = cx->items[0];
  sqlite3_stmt* stmt = static_cast<sqlite3_stmt*>(stmt_p);
  char* expanded = sqlite3_expanded_sql(stmt);
  Value text;
  if (expanded) {
    Result<Value> t = to_text(expanded);
    sqlite3_free(expanded);
    if (t.is_err()) {
      callback_error(fn);
      return 0;
    }
    text = t.value();
  } else {
    const char* sql = sqlite3_sql(stmt);
    if (!sql) return 0;
    (void)raise(S.DataError, "Expanded SQL string exceeds the maximum string length");
    callback_error(fn);
    Result<Value> t = to_text(sql);
    if (t.is_err()) {
      exc_clear();
      return 0;
    }
    text = t.value();
  }
  if (call1(fn, text).is_err()) callback_error(fn);
  return 0;
}

Result<Value> conn_set_trace_callback(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("set_trace_callback", a + 1, n - 1, kw, {"trace_callback"}, 1, v));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (is_none(v[0])) {
    sqlite3_trace_v2(c->db, SQLITE_TRACE_STMT, nullptr, nullptr);
    c->trace_ctx = None();
  } else {
    Tuple* cx = make_ctx(c, v[0]);
    c->trace_ctx = Value(cx);
    sqlite3_trace_v2(c->db, SQLITE_TRACE_STMT, trace_callback, cx);
  }
  return None();
}

Result<Value> conn_enable_load_extension(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("enable_load_extension", kw));
  TRY(check_nargs("enable_load_extension", n - 1, 1, 1));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  int on = TRY(as_c_int(a[1]));
  if (sqlite3_enable_load_extension(c->db, on) != SQLITE_OK)
    return raise(S.OperationalError, "Error enabling load extension");
  return None();
}

Result<Value> conn_load_extension(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("load_extension", kw));
  TRY(check_nargs("load_extension", n - 1, 1, 1));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "load_extension() argument must be str, not %s", type_name(a[1]));
  std::string path(as_str(a[1])->view());
  char* err = nullptr;
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::File);
    rc = sqlite3_load_extension(c->db, path.c_str(), nullptr, &err);
  }
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return raise(S.OperationalError, msg);
  }
  return None();
}

Result<Value> conn_interrupt(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("interrupt", n - 1, 0, 0));
  Conn* c = CO(a[0]);
  TRY(check_conn(c));
  sqlite3_interrupt(c->db);
  return None();
}

Result<Value> conn_iterdump(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("iterdump", n - 1, 0, 0));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  Value mod = TRY(import_module(str_intern("sqlite3.dump")));
  Value fn = TRY(getattr(mod, str_intern("_iterdump")));
  return call1(fn, a[0]);
}

Result<Value> conn_backup(Value* a, int64_t n, Tuple* kw) {
  Value v[5];
  TRY(parse_args("backup", a + 1, n - 1, kw, {"target", "pages", "progress", "name", "sleep"}, 1, v, 0, 1));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  if (!isinstance(v[0], S.Connection))
    return raise_fmt(tp_TypeError, "backup() argument 'target' must be sqlite3.Connection, not %s", type_name(v[0]));
  Conn* target = CO(v[0]);
  if (target == c) return raise(tp_ValueError, "target cannot be the same connection instance");
  TRY(check_conn(target));
  int pages = v[1] ? TRY(as_c_int(v[1])) : -1;
  if (pages == 0) pages = -1;
  Value progress = v[2] && !is_none(v[2]) ? v[2] : Value();
  if (progress && !is_callable(progress)) return raise(tp_TypeError, "progress argument must be a callable");
  std::string name = "main";
  if (v[3]) {
    if (!is_str(v[3])) return raise_fmt(tp_TypeError, "backup() argument 'name' must be str, not %s", type_name(v[3]));
    name = std::string(as_str(v[3])->view());
  }
  double sleep_s = v[4] ? TRY(to_double(v[4])) : 0.25;
  int sleep_ms = int(sleep_s * 1000.0);
  if (!sqlite3_get_autocommit(target->db)) return raise(S.OperationalError, "target is in transaction");
  sqlite3_backup* bck;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    bck = sqlite3_backup_init(target->db, "main", c->db, name.c_str());
  }
  if (!bck) return set_error(target->db);
  int rc;
  do {
    {
      gil::ReleaseGil nogil(gil::Block::Other);
      rc = sqlite3_backup_step(bck, pages);
    }
    if (progress) {
      Value args[3] = {Value::small(rc), Value::small(sqlite3_backup_remaining(bck)),
                       Value::small(sqlite3_backup_pagecount(bck))};
      Result<Value> r = call(progress, args, 3);
      if (r.is_err()) {
        Value e = exc_fetch();
        sqlite3_backup_finish(bck);
        exc_restore(e);
        return ERR;
      }
    }
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      gil::ReleaseGil nogil(gil::Block::Sleep);
      sqlite3_sleep(sleep_ms);
    }
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    rc = sqlite3_backup_finish(bck);
  }
  if (rc != SQLITE_OK) return set_error(target->db);
  return None();
}

Result<Value> conn_getlimit(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getlimit", kw));
  TRY(check_nargs("getlimit", n - 1, 1, 1));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  int cat = TRY(as_c_int(a[1]));
  int old = sqlite3_limit(c->db, cat, -1);
  if (old < 0) return raise(S.ProgrammingError, "'category' is out of bounds");
  return Value::small(old);
}

Result<Value> conn_setlimit(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("setlimit", kw));
  TRY(check_nargs("setlimit", n - 1, 2, 2));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  int cat = TRY(as_c_int(a[1]));
  int lim = TRY(as_c_int(a[2]));
  int old = sqlite3_limit(c->db, cat, lim);
  if (old < 0) return raise(S.ProgrammingError, "'category' is out of bounds");
  return Value::small(old);
}

Result<Value> conn_serialize(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("serialize", a + 1, n - 1, kw, {"name"}, 0, v, 0, 0));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  std::string name = "main";
  if (v[0]) {
    if (!is_str(v[0])) return raise_fmt(tp_TypeError, "serialize() argument 'name' must be str, not %s", type_name(v[0]));
    name = std::string(as_str(v[0])->view());
  }
  sqlite3_int64 size = 0;
  unsigned char* data;
  bool owned = false;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    data = sqlite3_serialize(c->db, name.c_str(), &size, SQLITE_SERIALIZE_NOCOPY);
    if (!data) {
      data = sqlite3_serialize(c->db, name.c_str(), &size, 0);
      owned = true;
    }
  }
  if (!data) return raise_fmt(S.OperationalError, "unable to serialize '%s'", name.c_str());
  Value out = bytes_from(std::string_view(reinterpret_cast<char*>(data), size_t(size)));
  if (owned) sqlite3_free(data);
  return out;
}

Result<Value> conn_deserialize(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("deserialize", a + 1, n - 1, kw, {"data", "name"}, 1, v, 1, 1));
  Conn* c = CO(a[0]);
  TRY(check_conn_thread(c));
  std::string_view data = TRY(contiguous_buffer(v[0]));
  std::string name = "main";
  if (v[1]) {
    if (!is_str(v[1]))
      return raise_fmt(tp_TypeError, "deserialize() argument 'name' must be str, not %s", type_name(v[1]));
    name = std::string(as_str(v[1])->view());
  }
  unsigned char* buf = static_cast<unsigned char*>(sqlite3_malloc64(data.size() ? data.size() : 1));
  if (!buf) return raise_memory_error();
  std::memcpy(buf, data.data(), data.size());
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    rc = sqlite3_deserialize(c->db, name.c_str(), buf, sqlite3_int64(data.size()), sqlite3_int64(data.size()),
                             SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  }
  if (rc != SQLITE_OK) return set_error(c->db);
  return None();
}

// ---- attributes ------------------------------------------------------------------------------

Result<Value> get_isolation_level(Value self) {
  Conn* c = CO(self);
  TRY(check_conn(c));
  return c->isolation_level;
}
Status put_isolation_level(Value self, Value v) {
  Conn* c = CO(self);
  TRY(check_conn(c));
  return set_isolation_level(c, v);
}
Result<Value> get_total_changes(Value self) {
  Conn* c = CO(self);
  TRY(check_conn(c));
  return int_from_i64(sqlite3_total_changes64(c->db));
}
Result<Value> get_in_transaction(Value self) {
  Conn* c = CO(self);
  TRY(check_conn(c));
  return Bool(!sqlite3_get_autocommit(c->db));
}
#define EXC_GETTER(n) \
  Result<Value> get_##n(Value) { return Value(S.n); }
EXC_GETTER(Warning)
EXC_GETTER(Error)
EXC_GETTER(InterfaceError)
EXC_GETTER(DatabaseError)
EXC_GETTER(DataError)
EXC_GETTER(OperationalError)
EXC_GETTER(IntegrityError)
EXC_GETTER(InternalError)
EXC_GETTER(ProgrammingError)
EXC_GETTER(NotSupportedError)
#undef EXC_GETTER

const GetSetDef conn_getsets[] = {
    {"isolation_level", get_isolation_level, put_isolation_level},
    {"total_changes", get_total_changes},
    {"in_transaction", get_in_transaction},
    {"Warning", get_Warning},
    {"Error", get_Error},
    {"InterfaceError", get_InterfaceError},
    {"DatabaseError", get_DatabaseError},
    {"DataError", get_DataError},
    {"OperationalError", get_OperationalError},
    {"IntegrityError", get_IntegrityError},
    {"InternalError", get_InternalError},
    {"ProgrammingError", get_ProgrammingError},
    {"NotSupportedError", get_NotSupportedError},
    {nullptr, nullptr}};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const MemberDef conn_members[] = {{"row_factory", int32_t(offsetof(Conn, row_factory)), MEMBER_OBJECT},
                                  {"text_factory", int32_t(offsetof(Conn, text_factory)), MEMBER_OBJECT},
                                  {nullptr, 0, 0}};
#pragma GCC diagnostic pop

const MethodDef conn_methods[] = {{"__new__", conn_new, MethKind::Static},
                                  {"__init__", conn_init},
                                  {"__call__", conn_call},
                                  {"close", conn_close},
                                  {"commit", conn_commit},
                                  {"rollback", conn_rollback},
                                  {"cursor", conn_cursor},
                                  {"execute", conn_execute},
                                  {"executemany", conn_executemany},
                                  {"executescript", conn_executescript},
                                  {"create_function", conn_create_function},
                                  {"create_aggregate", conn_create_aggregate},
                                  {"create_window_function", conn_create_window_function},
                                  {"create_collation", conn_create_collation},
                                  {"set_authorizer", conn_set_authorizer},
                                  {"set_progress_handler", conn_set_progress_handler},
                                  {"set_trace_callback", conn_set_trace_callback},
                                  {"enable_load_extension", conn_enable_load_extension},
                                  {"load_extension", conn_load_extension},
                                  {"interrupt", conn_interrupt},
                                  {"iterdump", conn_iterdump},
                                  {"backup", conn_backup},
                                  {"getlimit", conn_getlimit},
                                  {"setlimit", conn_setlimit},
                                  {"serialize", conn_serialize},
                                  {"deserialize", conn_deserialize},
                                  {"__enter__", conn_enter},
                                  {"__exit__", conn_exit},
                                  {nullptr, nullptr}};

const MethodDef stmt_methods[] = {{"__new__", no_instances, MethKind::Static}, {nullptr, nullptr}};

}  // namespace

void init_connection(Dict* md) {
  if (!S.Connection) {
    S.Connection = native_type_new("sqlite3", "Connection", tp_object, Layout::Other, sizeof(Conn), conn_methods,
                                   conn_getsets);
    type_add_members(S.Connection, conn_members);
    type_set_attr_const(S.Connection, "__doc__", str_value("SQLite database connection object."));
    S.Statement = native_type_new("sqlite3", "Statement", tp_object, Layout::Other, sizeof(Stmt), stmt_methods,
                                  nullptr, 0);
  }
  dict_set_str(md, str_intern("Connection"), Value(S.Connection));
  (void)check_is_conn;
}

}  // namespace gilpy::sqlite
