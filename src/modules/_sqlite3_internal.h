// _sqlite3: shared declarations of the module's files (_sqlite3.cpp: the
// module, its exceptions, adapters and Row; _sqlite3_connection.cpp:
// Connection and the callbacks it registers with SQLite; _sqlite3_cursor.cpp:
// Cursor and statement execution; _sqlite3_blob.cpp: Blob).
#pragma once
#include <pthread.h>
#include <sqlite3.h>

#include "objects/dict.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/object.h"
#include "runtime/thread_state.h"

namespace gilpy::sqlite {

// Module state (set once by init).
struct State {
  Type* Warning;
  Type* Error;
  Type* InterfaceError;
  Type* DatabaseError;
  Type* DataError;
  Type* OperationalError;
  Type* IntegrityError;
  Type* InternalError;
  Type* ProgrammingError;
  Type* NotSupportedError;
  Type* Connection;
  Type* Cursor;
  Type* Row;
  Type* PrepareProtocol;
  Type* Blob;
  Type* Statement;
  Dict* adapters;    // (type, PrepareProtocol) -> adapter
  Dict* converters;  // upper-case name -> converter
  bool base_type_adapted;  // an adapter was registered for int, float, str or bytearray
  bool callback_tracebacks;
};
extern State S;

struct Stmt : Object {
  sqlite3_stmt* st;
  bool is_dml;
  bool in_use;
};

struct Conn : Object {
  Dict* dict;
  sqlite3* db;
  Value isolation_level;  // None or one of "", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"
  Value row_factory;
  Value text_factory;
  List* keep;             // callback contexts SQLite holds raw pointers to
  Dict* aggregates;       // sqlite3_aggregate_context address -> aggregate instance
  List* blobs;            // open Blob objects (closed with the connection)
  Dict* stmt_cache;       // sql -> Stmt (LRU by insertion order)
  Value trace_ctx;        // kept while registered
  pthread_t thread;
  int64_t cached_statements;
  int detect_types;
  bool initialized;
  bool check_same_thread;
};

struct Cur : Object {
  Dict* dict;
  Conn* conn;
  Value description;
  Value row_factory;
  Value lastrowid;
  Stmt* stmt;      // the statement with a pending row, or null
  List* convs;     // per-column converter (None: none)
  int64_t rowcount;
  int64_t arraysize;
  bool initialized;
  bool closed;
  bool locked;
};

struct Blob : Object {
  Conn* conn;
  sqlite3_blob* blob;
  int64_t offset;
};

// RAII for code that runs while the calling thread's GIL may have been
// released around a SQLite call (callbacks from sqlite3_step): takes the GIL
// when the thread does not hold it and gives it back at scope end.
struct WithGil {
  bool took;
  WithGil() : took(!gil::holds(t_ts)) {
    if (took) gil::acquire(t_ts);
  }
  ~WithGil() {
    if (took) gil::release(t_ts, gil::Reason::Blocking, gil::Block::Other);
  }
};

// Errors: the exception SQLite's last error on db maps to (with
// sqlite_errorcode / sqlite_errorname set). Returns ERR.
Err set_error(sqlite3* db);
Err set_error_code(int code, int ext, const char* msg);
Err raise_exc(Type* t, std::string_view msg);
// Checks shared by Connection and Cursor methods.
Status check_thread(Conn* c);
Status check_conn(Conn* c);  // initialised and open
Status check_conn_thread(Conn* c);
// Print (sys.unraisablehook) or drop the pending exception of a callback.
void callback_error(Value callable);

// Values crossing into SQLite.
Result<Value> adapt(Value obj, Value proto, Value alt);
Result<Value> to_text(std::string_view utf8);  // strict UTF-8 decode
Status utf8_of(Str* s, std::string_view* out);  // UnicodeEncodeError for surrogates
Result<std::string_view> contiguous_buffer(Value v);  // BufferError for strided memoryviews
Result<Value> no_instances(Value* a, int64_t n, Tuple* kw);  // __new__ of types Python cannot instantiate
Result<Value> value_from_sqlite(sqlite3_value* v);  // function and aggregate arguments
Status result_to_sqlite(sqlite3_context* ctx, Value v);  // false: unsupported type

// Statements.
Result<Stmt*> stmt_prepare(Conn* c, Str* sql);
void stmt_finalize(Stmt* s);
void stmt_reset(Stmt* s);
Status conn_begin_if_needed(Conn* c, Stmt* s);
Status conn_exec(Conn* c, const char* sql);  // COMMIT / ROLLBACK / BEGIN with the GIL released
int step(sqlite3_stmt* st);  // sqlite3_step without the GIL

// Type setup.
void init_connection(Dict* module);
void init_cursor(Dict* module);
void init_blob(Dict* module);
Result<Value> cursor_execute_impl(Cur* cu, Str* sql, Value params_iter, bool many);
Result<Value> cursor_executescript_impl(Cur* cu, Value script);

}  // namespace gilpy::sqlite
