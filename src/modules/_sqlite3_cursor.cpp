// _sqlite3.Cursor: execute / executemany / executescript, parameter binding
// (qmark from sequences, named from dicts, values adapted through the
// adapter registry), the converters chosen by detect_types, and fetching
// rows (row_factory, the connection's text_factory).
#include <gc/gc.h>

#include <cstring>
#include <string>

#include "modules/_sqlite3_internal.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "runtime/args.h"
#include "runtime/import.h"
#include "runtime/protocols.h"

namespace gilpy::sqlite {

namespace {

Cur* CU(Value v) { return v.as<Cur>(); }

Status collect_garbage() {
  Value gc = TRY(import_module(str_intern("gc")));
  TRY(call_method0(gc, str_intern("collect")));
  return OK();
}

Status check_cursor(Cur* cu) {
  if (!cu->initialized) return raise(S.ProgrammingError, "Base Cursor.__init__ not called.");
  if (cu->closed) return raise(S.ProgrammingError, "Cannot operate on a closed cursor.");
  if (cu->locked) return raise(S.ProgrammingError, "Recursive use of cursors not allowed.");
  return check_conn_thread(cu->conn);
}

struct Lock {
  Cur* cu;
  explicit Lock(Cur* c) : cu(c) { cu->locked = true; }
  ~Lock() { cu->locked = false; }
};

void drop_stmt(Cur* cu) {
  if (cu->stmt) {
    stmt_reset(cu->stmt);
    cu->stmt = nullptr;
  }
}

// ---- binding ---------------------------------------------------------------------------------

bool need_adapt(Value v) {
  if (S.base_type_adapted) return true;
  Type* t = v.type();
  return !(t == tp_int || t == tp_float || t == tp_str || t == tp_bytearray);
}

// Bind one value; false (no exception) when its type is not supported.
Result<bool> bind_one(sqlite3_stmt* st, int pos, Value v) {
  int rc;
  if (is_none(v)) {
    rc = sqlite3_bind_null(st, pos);
  } else if (is_int(v)) {
    int64_t i;
    if (!int_fits_i64(v, &i)) return raise(tp_OverflowError, "Python int too large to convert to SQLite INTEGER");
    rc = sqlite3_bind_int64(st, pos, i);
  } else if (is_float(v)) {
    rc = sqlite3_bind_double(st, pos, float_val(v));
  } else if (is_str(v)) {
    std::string_view s;
    TRY(utf8_of(as_str(v), &s));
    rc = sqlite3_bind_text64(st, pos, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } else {
    std::string_view b;
    if (v.type() == tp_memoryview) b = TRY(contiguous_buffer(v));
    else if (!buffer_view_opt(v, &b)) return false;
    if (b.size() > size_t(INT32_MAX)) return raise(tp_OverflowError, "BLOB longer than INT_MAX bytes");
    rc = sqlite3_bind_blob64(st, pos, b.data(), b.size(), SQLITE_TRANSIENT);
  }
  return rc == SQLITE_OK;
}

Status bind_param(sqlite3_stmt* st, int pos, Value v) {
  Value adapted = v;
  if (need_adapt(v)) adapted = TRY(adapt(v, Value(S.PrepareProtocol), v));
  bool ok = TRY(bind_one(st, pos, adapted));
  if (!ok) return raise_fmt(S.ProgrammingError, "Error binding parameter %d: type '%s' is not supported", pos, type_name(v));
  return OK();
}

Status bind_parameters(Conn* c, sqlite3_stmt* st, Value params) {
  int needed = sqlite3_bind_parameter_count(st);
  Type* t = params.type();
  bool is_seq = t == tp_tuple || t == tp_list;
  if (!is_seq && !isinstance(params, tp_dict)) is_seq = bool(type_lookup(t, N.__getitem__));
  if (is_seq) {
    int64_t n = TRY(len(params));
    if (n != needed)
      return raise_fmt(S.ProgrammingError,
                       "Incorrect number of bindings supplied. The current statement uses %d, and there are %lld supplied.",
                       needed, (long long)n);
    for (int i = 0; i < needed; i++) {
      Value item;
      if (t == tp_tuple) item = as_tuple(params)->items[i];
      else item = TRY(getitem(params, Value::small(i)));  // a list may shrink under an adapter
      TRY(bind_param(st, i + 1, item));
    }
    return OK();
  }
  if (isinstance(params, tp_dict)) {
    for (int i = 1; i <= needed; i++) {
      const char* name = sqlite3_bind_parameter_name(st, i);
      if (!name)
        return raise_fmt(S.ProgrammingError,
                         "Binding %d has no name, but you supplied a dictionary (which has only names).", i);
      name++;  // the ':', '$' or '@'
      Value key = str_value(name);
      Value item;
      if (t == tp_dict) {
        TRY(dict_get2(as_dict(params), key, &item));
      } else {
        Result<Value> r = getitem(params, key);
        if (r.is_err()) {
          if (!exc_matches(tp_KeyError)) return ERR;
          exc_clear();
        } else {
          item = r.value();
        }
      }
      if (!item)
        return raise_fmt(S.ProgrammingError, "You did not supply a value for binding parameter :%s.", name);
      TRY(bind_param(st, i, item));
    }
    return OK();
  }
  (void)c;
  return raise(S.ProgrammingError, "parameters are of unsupported type");
}

// ---- columns ---------------------------------------------------------------------------------

Result<Value> converter_for(std::string_view name) {
  Value key = TRY(call_method0(str_value(name), str_intern("upper")));
  Value conv;
  TRY(dict_get2(S.converters, key, &conv));
  return conv ? conv : None();
}

Status build_converters(Cur* cu, sqlite3_stmt* st) {
  cu->convs = nullptr;
  int dt = cu->conn->detect_types;
  if (!dt) return OK();
  int n = sqlite3_column_count(st);
  List* l = list_new(0);
  for (int i = 0; i < n; i++) {
    Value conv = None();
    if (dt & 2) {
      const char* name = sqlite3_column_name(st, i);
      if (name) {
        const char* open = std::strchr(name, '[');
        if (open) {
          const char* close = std::strchr(open + 1, ']');
          if (close) conv = TRY(converter_for(std::string_view(open + 1, size_t(close - open - 1))));
        }
      }
    }
    if (is_none(conv) && (dt & 1)) {
      const char* decl = sqlite3_column_decltype(st, i);
      if (decl) {
        size_t k = 0;
        while (decl[k] && decl[k] != ' ' && decl[k] != '(') k++;
        conv = TRY(converter_for(std::string_view(decl, k)));
      }
    }
    TRY(list_append(l, conv));
  }
  cu->convs = l;
  return OK();
}

Status build_description(Cur* cu, sqlite3_stmt* st) {
  int n = sqlite3_column_count(st);
  if (n == 0) return OK();
  Tuple* d = tuple_new(n);
  for (int i = 0; i < n; i++) d->items[i] = None();
  for (int i = 0; i < n; i++) {
    const char* name = sqlite3_column_name(st, i);
    if (!name) return raise_memory_error();
    size_t len = std::strlen(name);
    if (cu->conn->detect_types & 2) {
      const char* open = std::strchr(name, '[');
      if (open) {
        len = size_t(open - name);
        if (len > 0 && name[len - 1] == ' ') len--;
      }
    }
    Value col = TRY(to_text(std::string_view(name, len)));
    d->items[i] = Value(tuple_of({col, None(), None(), None(), None(), None(), None()}));
  }
  cu->description = Value(d);
  return OK();
}

Result<Value> build_row(Cur* cu) {
  sqlite3_stmt* st = cu->stmt->st;
  int n = sqlite3_data_count(st);
  Tuple* row = tuple_new(n);
  for (int i = 0; i < n; i++) row->items[i] = None();
  Conn* c = cu->conn;
  for (int i = 0; i < n; i++) {
    Value conv = cu->convs && i < cu->convs->size ? cu->convs->items[i] : None();
    Value item;
    if (!is_none(conv)) {
      const void* blob = sqlite3_column_blob(st, i);
      if (!blob) {
        if (sqlite3_errcode(c->db) == SQLITE_NOMEM) return raise_memory_error();
        item = None();
      } else {
        int nb = sqlite3_column_bytes(st, i);
        item = TRY(call1(conv, bytes_from(std::string_view(static_cast<const char*>(blob), size_t(nb)))));
      }
    } else {
      switch (sqlite3_column_type(st, i)) {
        case SQLITE_NULL:
          item = None();
          break;
        case SQLITE_INTEGER:
          item = int_from_i64(sqlite3_column_int64(st, i));
          break;
        case SQLITE_FLOAT:
          item = float_new(sqlite3_column_double(st, i));
          break;
        case SQLITE_TEXT: {
          const char* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
          if (!p && sqlite3_errcode(c->db) == SQLITE_NOMEM) return raise_memory_error();
          int nb = sqlite3_column_bytes(st, i);
          std::string_view text(p ? p : "", size_t(nb));
          if (c->text_factory == Value(tp_str)) {
            Result<Value> r = to_text(text);
            if (r.is_err()) {
              if (!exc_matches(tp_UnicodeDecodeError)) return ERR;
              exc_clear();
              const char* colname = sqlite3_column_name(st, i);
              Result<Value> shown = codec_decode(text, "utf-8", "replace");
              if (shown.is_err()) return ERR;
              return raise_fmt(S.OperationalError, "Could not decode to UTF-8 column '%s' with text '%s'",
                               colname ? colname : "", std::string(as_str(shown.value())->view()).c_str());
            }
            item = r.value();
          } else {
            item = bytes_from(text);
            if (c->text_factory != Value(tp_bytes)) item = TRY(call1(c->text_factory, item));
          }
          break;
        }
        default: {
          const void* blob = sqlite3_column_blob(st, i);
          int nb = sqlite3_column_bytes(st, i);
          item = bytes_from(std::string_view(static_cast<const char*>(blob ? blob : ""), size_t(nb)));
          break;
        }
      }
    }
    row->items[i] = item;
  }
  return Value(row);
}

}  // namespace

// ---- execution -------------------------------------------------------------------------------

Result<Value> cursor_execute_impl(Cur* cu, Str* sql, Value params_iter, bool many) {
  TRY(check_cursor(cu));
  Lock lock(cu);
  Conn* c = cu->conn;
  drop_stmt(cu);
  cu->description = None();
  cu->rowcount = -1;
  cu->convs = nullptr;
  Stmt* s = TRY(stmt_prepare(c, sql));
  if (!s->st) return Value(cu);  // empty statement
  // In use from here on (before anything releases the GIL): another thread
  // sharing the connection must not get this statement from the cache.
  s->in_use = true;
  if (many && sqlite3_stmt_readonly(s->st)) {
    s->in_use = false;
    return raise(S.ProgrammingError, "executemany() can only execute DML statements.");
  }
  if (conn_begin_if_needed(c, s).is_err()) {
    s->in_use = false;
    return ERR;
  }
  sqlite3_stmt* st = s->st;
  cu->rowcount = s->is_dml ? 0 : -1;
  bool built = false;
  int rc = SQLITE_DONE;
  for (;;) {
    Value params;
    Status it = iter_next(params_iter, &params);
    if (it.is_err()) goto error;
    if (!params) break;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (bind_parameters(c, st, params).is_err()) goto error;
    rc = step(st);
    if ((rc & 0xff) == SQLITE_LOCKED && !exc_pending()) {
      // A table lock held by a statement of a cursor nobody references any
      // more (CPython frees it with the last reference): collect such
      // cursors (their finalizers reset their statements) and try once more.
      if (collect_garbage().is_err()) goto error;
      sqlite3_reset(st);
      rc = step(st);
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
      if (!exc_pending()) (void)set_error(c->db);
      goto error;
    }
    if (!built) {
      if (build_converters(cu, st).is_err()) goto error;
      built = true;
    }
    if (is_none(cu->description) && build_description(cu, st).is_err()) goto error;
    if (rc == SQLITE_DONE) {
      if (s->is_dml) cu->rowcount += sqlite3_changes64(c->db);
      sqlite3_reset(st);
    }
  }
  if (!many) cu->lastrowid = int_from_i64(sqlite3_last_insert_rowid(c->db));
  if (rc == SQLITE_ROW) {
    cu->stmt = s;
  } else {
    s->in_use = false;
  }
  return Value(cu);
error : {
  Value e = exc_fetch();
  sqlite3_reset(st);
  s->in_use = false;
  cu->rowcount = -1;
  exc_restore(e);
  return ERR;
}
}

Result<Value> cursor_executescript_impl(Cur* cu, Value script) {
  if (!is_str(script))
    return raise_fmt(tp_TypeError, "executescript() argument must be str, not %s", type_name(script));
  TRY(check_cursor(cu));
  Lock lock(cu);
  Conn* c = cu->conn;
  std::string_view text;
  TRY(utf8_of(as_str(script), &text));
  if (text.find('\0') != std::string_view::npos) return raise(tp_ValueError, "embedded null character");
  if (int64_t(text.size()) > int64_t(sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1)))
    return raise(S.DataError, "query string is too large");
  drop_stmt(cu);
  if (!sqlite3_get_autocommit(c->db)) TRY(conn_exec(c, "COMMIT"));
  std::string buf(text);
  const char* p = buf.c_str();
  for (;;) {
    int rc;
    sqlite3_stmt* st = nullptr;
    const char* tail = nullptr;
    {
      gil::ReleaseGil nogil(gil::Block::Other);
      rc = sqlite3_prepare_v2(c->db, p, -1, &st, &tail);
      if (rc == SQLITE_OK && st) {
        do rc = sqlite3_step(st);
        while (rc == SQLITE_ROW);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
      }
    }
    if (rc != SQLITE_OK) {
      if (exc_pending()) {
        sqlite3_finalize(st);
        return ERR;
      }
      Err e = set_error(c->db);
      sqlite3_finalize(st);
      return e;
    }
    sqlite3_finalize(st);
    if (!tail || !*tail) break;
    p = tail;
  }
  return Value(cu);
}

namespace {

// ---- methods ---------------------------------------------------------------------------------

Result<Value> cur_init(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Cursor", kw));
  if (n - 1 != 1) return raise_fmt(tp_TypeError, "Cursor expected 1 argument, got %lld", (long long)(n - 1));
  if (!isinstance(a[1], S.Connection))
    return raise_fmt(tp_TypeError, "Cursor() argument 1 must be sqlite3.Connection, not %s", type_name(a[1]));
  Cur* cu = CU(a[0]);
  if (cu->locked) return raise(S.ProgrammingError, "Recursive use of cursors not allowed.");
  cu->conn = a[1].as<Conn>();
  cu->description = None();
  cu->row_factory = None();
  cu->lastrowid = None();
  cu->rowcount = -1;
  cu->arraysize = 1;
  cu->stmt = nullptr;
  cu->closed = false;
  cu->initialized = true;
  return None();
}

// A cursor that dies with a pending row gives its statement back (resets
// it, releasing its table locks). Types with __del__ keep their own finalizer.
void cur_finalizer(void* obj, void*) {
  Cur* cu = static_cast<Cur*>(obj);
  if (cu->stmt) {
    stmt_reset(cu->stmt);
    cu->stmt = nullptr;
  }
}

Result<Value> cur_new(Value* a, int64_t, Tuple*) {
  Cur* cu = static_cast<Cur*>(alloc_instance(as_type(a[0]), sizeof(Cur)));
  if (!(as_type(a[0])->flags & TF_HAS_DEL)) GC_register_finalizer(cu, cur_finalizer, nullptr, nullptr, nullptr);
  cu->description = None();
  cu->row_factory = None();
  cu->lastrowid = None();
  cu->rowcount = -1;
  cu->arraysize = 1;
  return Value(cu);
}

Result<Value> cur_execute(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("execute", kw));
  TRY(check_nargs("execute", n - 1, 1, 2));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "execute() argument 1 must be str, not %s", type_name(a[1]));
  Value params = n > 2 ? a[2] : Value(tuple_empty());
  List* one = list_from(&params, 1);
  Value it = TRY(get_iter(Value(one)));
  return cursor_execute_impl(CU(a[0]), as_str(a[1]), it, false);
}

Result<Value> cur_executemany(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("executemany", kw));
  TRY(check_nargs("executemany", n - 1, 2, 2));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "executemany() argument 1 must be str, not %s", type_name(a[1]));
  Value it = TRY(get_iter(a[2]));
  return cursor_execute_impl(CU(a[0]), as_str(a[1]), it, true);
}

Result<Value> cur_executescript(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("executescript", kw));
  TRY(check_nargs("executescript", n - 1, 1, 1));
  return cursor_executescript_impl(CU(a[0]), a[1]);
}

// The next row, or null (no exception) when there is none.
Status cur_next_row(Cur* cu, Value* out) {
  *out = Value();
  TRY(check_cursor(cu));
  if (!cu->stmt || !cu->stmt->st) return OK();
  Value row;
  {
    Lock lock(cu);  // converters must not re-enter this cursor
    row = TRY(build_row(cu));
  }
  int rc = step(cu->stmt->st);
  if (rc == SQLITE_DONE) {
    if (cu->stmt->is_dml) cu->rowcount = sqlite3_changes64(cu->conn->db);
    drop_stmt(cu);
  } else if (rc != SQLITE_ROW) {
    Err e = exc_pending() ? ERR : set_error(cu->conn->db);
    (void)e;
    Value ex = exc_fetch();
    drop_stmt(cu);
    exc_restore(ex);
    return ERR;
  }
  if (!is_none(cu->row_factory)) row = TRY(call2(cu->row_factory, Value(cu), row));
  *out = row;
  return OK();
}

Status cur_iternext(Value self, Value* out) { return cur_next_row(CU(self), out); }

Result<Value> cur_iter(Value* a, int64_t, Tuple*) { return a[0]; }

Result<Value> cur_next(Value* a, int64_t, Tuple*) {
  Value row;
  TRY(cur_next_row(CU(a[0]), &row));
  if (!row) return raise_stop_iteration(Value());
  return row;
}

Result<Value> cur_fetchone(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("fetchone", n - 1, 0, 0));
  Value row;
  TRY(cur_next_row(CU(a[0]), &row));
  return row ? row : None();
}

Result<Value> cur_fetchmany(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("fetchmany", a + 1, n - 1, kw, {"size"}, 0, v));
  Cur* cu = CU(a[0]);
  int64_t size = v[0] ? TRY(as_c_int(v[0])) : cu->arraysize;
  List* out = list_new(0);
  for (int64_t i = 0; i < size; i++) {
    Value row;
    TRY(cur_next_row(cu, &row));
    if (!row) break;
    TRY(list_append(out, row));
  }
  return Value(out);
}

Result<Value> cur_fetchall(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("fetchall", n - 1, 0, 0));
  Cur* cu = CU(a[0]);
  List* out = list_new(0);
  for (;;) {
    Value row;
    TRY(cur_next_row(cu, &row));
    if (!row) break;
    TRY(list_append(out, row));
  }
  return Value(out);
}

Result<Value> cur_close(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("close", n - 1, 0, 0));
  Cur* cu = CU(a[0]);
  if (cu->locked) return raise(S.ProgrammingError, "Recursive use of cursors not allowed.");
  if (!cu->initialized) return raise(S.ProgrammingError, "Base Cursor.__init__ not called.");
  TRY(check_conn_thread(cu->conn));
  drop_stmt(cu);
  cu->closed = true;
  return None();
}

Result<Value> cur_noop(Value*, int64_t, Tuple*) { return None(); }

Result<Value> cur_setoutputsize(Value* a, int64_t n, Tuple* kw) {
  Value v[2];
  TRY(parse_args("setoutputsize", a + 1, n - 1, kw, {"size", "column"}, 1, v, 2));
  return None();
}

Result<Value> cur_setinputsizes(Value* a, int64_t n, Tuple* kw) {
  Value v[1];
  TRY(parse_args("setinputsizes", a + 1, n - 1, kw, {"sizes"}, 1, v, 1));
  return None();
}

Result<Value> get_connection(Value self) {
  Cur* cu = CU(self);
  return cu->conn ? Value(cu->conn) : None();
}
Result<Value> get_description(Value self) { return CU(self)->description ? CU(self)->description : None(); }
Result<Value> get_lastrowid(Value self) { return CU(self)->lastrowid ? CU(self)->lastrowid : None(); }
Result<Value> get_rowcount(Value self) { return int_from_i64(CU(self)->rowcount); }
Result<Value> get_arraysize(Value self) { return int_from_i64(CU(self)->arraysize); }
Status set_arraysize(Value self, Value v) {
  if (!v) return raise(tp_AttributeError, "can't delete numeric/char attribute");
  if (is_float(v)) return raise(tp_TypeError, "'float' object cannot be interpreted as an integer");
  CU(self)->arraysize = TRY(as_c_int(v));
  return OK();
}
Result<Value> get_row_factory(Value self) { return CU(self)->row_factory ? CU(self)->row_factory : None(); }
Status set_row_factory(Value self, Value v) {
  CU(self)->row_factory = v ? v : None();
  return OK();
}

const GetSetDef cur_getsets[] = {{"connection", get_connection},
                                 {"description", get_description},
                                 {"lastrowid", get_lastrowid},
                                 {"rowcount", get_rowcount},
                                 {"arraysize", get_arraysize, set_arraysize},
                                 {"row_factory", get_row_factory, set_row_factory},
                                 {nullptr, nullptr}};

const MethodDef cur_methods[] = {{"__new__", cur_new, MethKind::Static},
                                 {"__init__", cur_init},
                                 {"__iter__", cur_iter},
                                 {"__next__", cur_next},
                                 {"execute", cur_execute},
                                 {"executemany", cur_executemany},
                                 {"executescript", cur_executescript},
                                 {"fetchone", cur_fetchone},
                                 {"fetchmany", cur_fetchmany},
                                 {"fetchall", cur_fetchall},
                                 {"close", cur_close},
                                 {"setinputsizes", cur_setinputsizes},
                                 {"setoutputsize", cur_setoutputsize},
                                 {nullptr, nullptr}};

}  // namespace

void init_cursor(Dict* md) {
  if (!S.Cursor) {
    S.Cursor = native_type_new("sqlite3", "Cursor", tp_object, Layout::Other, sizeof(Cur), cur_methods, cur_getsets);
    S.Cursor->iternext = cur_iternext;
    type_set_attr_const(S.Cursor, "__doc__", str_value("SQLite database cursor class."));
  }
  dict_set_str(md, str_intern("Cursor"), Value(S.Cursor));
  (void)cur_noop;
}

}  // namespace gilpy::sqlite
