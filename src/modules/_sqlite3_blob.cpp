// _sqlite3.Blob: incremental I/O on one BLOB (Connection.blobopen): read,
// write, seek, tell, len, indexing and slicing, context manager. Reads and
// writes run with the GIL released.
#include <cstring>
#include <string>

#include "modules/_sqlite3_internal.h"
#include "objects/bytes.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/slice.h"
#include "runtime/args.h"
#include "runtime/protocols.h"

namespace gilpy::sqlite {

namespace {

Blob* BL(Value v) { return v.as<Blob>(); }

Status check_blob(Blob* b) {
  if (!b->conn) return raise(S.ProgrammingError, "Cannot operate on a closed blob.");
  TRY(check_conn_thread(b->conn));
  if (!b->blob) return raise(S.ProgrammingError, "Cannot operate on a closed blob.");
  return OK();
}

Result<Value> blob_open(Value* a, int64_t n, Tuple* kw) {
  Value v[5];
  TRY(parse_args("blobopen", a + 1, n - 1, kw, {"table", "column", "row", "readonly", "name"}, 3, v, 3, 3));
  Conn* c = a[0].as<Conn>();
  TRY(check_conn_thread(c));
  for (int i = 0; i < 2; i++)
    if (!is_str(v[i]))
      return raise_fmt(tp_TypeError, "blobopen() argument %d must be str, not %s", i + 1, type_name(v[i]));
  std::string table(as_str(v[0])->view()), column(as_str(v[1])->view());
  int64_t row = TRY(int_as_i64(v[2]));
  bool readonly = v[3] ? TRY(truthy(v[3])) : false;
  std::string name = "main";
  if (v[4]) {
    if (!is_str(v[4])) return raise_fmt(tp_TypeError, "blobopen() argument 'name' must be str, not %s", type_name(v[4]));
    name = std::string(as_str(v[4])->view());
  }
  sqlite3_blob* blob = nullptr;
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    rc = sqlite3_blob_open(c->db, name.c_str(), table.c_str(), column.c_str(), row, readonly ? 0 : 1, &blob);
  }
  if (rc != SQLITE_OK) return set_error(c->db);
  Blob* b = static_cast<Blob*>(alloc_instance(S.Blob, sizeof(Blob)));
  b->conn = c;
  b->blob = blob;
  TRY(list_append(c->blobs, Value(b)));
  return Value(b);
}

void blob_close_raw(Blob* b) {
  if (b->blob) {
    sqlite3_blob_close(b->blob);
    b->blob = nullptr;
  }
}

Result<Value> blob_close(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("close", n - 1, 0, 0));
  Blob* b = BL(a[0]);
  if (b->conn) {
    TRY(check_conn_thread(b->conn));
  }
  blob_close_raw(b);
  return None();
}

Result<Value> read_at(Blob* b, int64_t off, int64_t len) {
  std::string buf(size_t(len), '\0');
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    rc = sqlite3_blob_read(b->blob, buf.data(), int(len), int(off));
  }
  if (rc != SQLITE_OK) return set_error(b->conn->db);
  return bytes_from(buf);
}

Status write_at(Blob* b, int64_t off, std::string_view data) {
  int rc;
  {
    gil::ReleaseGil nogil(gil::Block::Other);
    rc = sqlite3_blob_write(b->blob, data.data(), int(data.size()), int(off));
  }
  if (rc != SQLITE_OK) return set_error(b->conn->db);
  return OK();
}

Result<Value> blob_read(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("read", kw));
  TRY(check_nargs("read", n - 1, 0, 1));
  Blob* b = BL(a[0]);
  int64_t length = n > 1 ? TRY(as_c_int(a[1])) : -1;
  TRY(check_blob(b));
  int64_t size = sqlite3_blob_bytes(b->blob);
  int64_t max = size - b->offset;
  if (length < 0 || length > max) length = max;
  if (length <= 0) return bytes_from("");
  Value r = TRY(read_at(b, b->offset, length));
  b->offset += length;
  return r;
}

Result<Value> blob_write(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("write", kw));
  TRY(check_nargs("write", n - 1, 1, 1));
  Blob* b = BL(a[0]);
  std::string_view data = TRY(contiguous_buffer(a[1]));
  TRY(check_blob(b));
  int64_t size = sqlite3_blob_bytes(b->blob);
  if (int64_t(data.size()) > size - b->offset) return raise(tp_ValueError, "data longer than blob length");
  TRY(write_at(b, b->offset, data));
  b->offset += int64_t(data.size());
  return None();
}

Result<Value> blob_seek(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("seek", kw));
  TRY(check_nargs("seek", n - 1, 1, 2));
  Blob* b = BL(a[0]);
  int64_t offset = TRY(as_c_int(a[1]));
  int origin = n > 2 ? TRY(as_c_int(a[2])) : 0;
  TRY(check_blob(b));
  int64_t size = sqlite3_blob_bytes(b->blob);
  switch (origin) {
    case 0:
      break;
    case 1:
      if (offset > INT32_MAX - b->offset) return raise(tp_OverflowError, "seek offset results in overflow");
      offset += b->offset;
      break;
    case 2:
      if (offset > INT32_MAX - size) return raise(tp_OverflowError, "seek offset results in overflow");
      offset += size;
      break;
    default:
      return raise(tp_ValueError, "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
  }
  if (offset < 0 || offset > size) return raise(tp_ValueError, "offset out of blob range");
  b->offset = offset;
  return None();
}

Result<Value> blob_tell(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("tell", n - 1, 0, 0));
  Blob* b = BL(a[0]);
  TRY(check_blob(b));
  return int_from_i64(b->offset);
}

Result<Value> blob_len(Value* a, int64_t, Tuple*) {
  Blob* b = BL(a[0]);
  TRY(check_blob(b));
  return int_from_i64(sqlite3_blob_bytes(b->blob));
}

Result<Value> blob_enter(Value* a, int64_t, Tuple*) {
  TRY(check_blob(BL(a[0])));
  return a[0];
}

Result<Value> blob_exit(Value* a, int64_t n, Tuple*) {
  Blob* b = BL(a[0]);
  TRY(check_blob(b));
  blob_close_raw(b);
  (void)n;
  return False();
}

Result<int64_t> blob_index(Blob* b, Value key, int64_t size) {
  Result<int64_t> r = as_ssize(key);
  if (r.is_err()) {
    if (!exc_matches(tp_OverflowError)) return ERR;
    exc_clear();
    return raise(tp_IndexError, "cannot fit 'int' into an index-sized integer");
  }
  int64_t i = r.value();
  if (i < 0) i += size;
  if (i < 0 || i >= size) return raise(tp_IndexError, "Blob index out of range");
  (void)b;
  return i;
}

Result<Value> blob_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getitem__", n - 1, 1, 1));
  Blob* b = BL(a[0]);
  TRY(check_blob(b));
  int64_t size = sqlite3_blob_bytes(b->blob);
  Value key = a[1];
  if (is_slice(key)) {
    int64_t start, stop, stepv;
    int64_t len = TRY(slice_indices(key.as<Slice>(), size, &start, &stop, &stepv));
    if (len <= 0) return bytes_from("");
    if (stepv == 1) return read_at(b, start, len);
    Value all = TRY(read_at(b, 0, size));
    std::string_view d = as_bytes(all)->view();
    std::string out;
    for (int64_t i = 0, j = start; i < len; i++, j += stepv) out += d[size_t(j)];
    return bytes_from(out);
  }
  if (!is_int(key) && !lookup_special(key, N.__index__)) {
    if (exc_pending()) return ERR;
    return raise(tp_TypeError, "Blob indices must be integers");
  }
  int64_t i = TRY(blob_index(b, key, size));
  Value one = TRY(read_at(b, i, 1));
  return Value::small((unsigned char)as_bytes(one)->data[0]);
}

Result<Value> blob_setitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__setitem__", n - 1, 2, 2));
  Blob* b = BL(a[0]);
  TRY(check_blob(b));
  int64_t size = sqlite3_blob_bytes(b->blob);
  Value key = a[1];
  Value val = a[2];
  if (is_slice(key)) {
    int64_t start, stop, stepv;
    int64_t len = TRY(slice_indices(key.as<Slice>(), size, &start, &stop, &stepv));
    if (stepv == 0) return raise(tp_ValueError, "slice step cannot be zero");
    std::string_view data = TRY(contiguous_buffer(val));
    if (len != int64_t(data.size())) return raise(tp_IndexError, "Blob slice assignment is wrong size");
    if (len == 0) return None();
    if (stepv == 1) {
      TRY(write_at(b, start, data));
      return None();
    }
    Value all = TRY(read_at(b, 0, size));
    std::string d(as_bytes(all)->view());
    for (int64_t i = 0, j = start; i < len; i++, j += stepv) d[size_t(j)] = data[size_t(i)];
    TRY(write_at(b, 0, d));
    return None();
  }
  if (!is_int(key) && !lookup_special(key, N.__index__)) {
    if (exc_pending()) return ERR;
    return raise(tp_TypeError, "Blob indices must be integers");
  }
  int64_t i = TRY(blob_index(b, key, size));
  if (!is_int(val)) return raise(tp_TypeError, "'" + std::string(type_name(val)) + "' object cannot be interpreted as an integer");
  int64_t byte = -1;
  if (!int_fits_i64(val, &byte) || byte < 0 || byte > 255) return raise(tp_ValueError, "byte must be in range(0, 256)");
  char ch = char(byte);
  TRY(write_at(b, i, std::string_view(&ch, 1)));
  return None();
}

Result<Value> blob_delitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__delitem__", n - 1, 1, 1));
  Blob* b = BL(a[0]);
  TRY(check_blob(b));
  if (is_slice(a[1])) return raise(tp_TypeError, "Blob doesn't support slice deletion");
  return raise(tp_TypeError, "Blob doesn't support item deletion");
}

const MethodDef blob_methods[] = {{"close", blob_close},     {"read", blob_read},
                                  {"write", blob_write},     {"seek", blob_seek},
                                  {"tell", blob_tell},       {"__len__", blob_len},
                                  {"__enter__", blob_enter}, {"__exit__", blob_exit},
                                  {"__getitem__", blob_getitem}, {"__setitem__", blob_setitem},
                                  {"__delitem__", blob_delitem}, {nullptr, nullptr}};

void blob_finalizer(void* obj, void*) { blob_close_raw(static_cast<Blob*>(obj)); }

}  // namespace

void init_blob(Dict* md) {
  if (!S.Blob) {
    S.Blob = native_type_new("sqlite3", "Blob", tp_object, Layout::Other, sizeof(Blob), blob_methods, nullptr, 0);
    static const MethodDef no_new[] = {{"__new__", no_instances, MethKind::Static}, {nullptr, nullptr}};
    type_add_methods(S.Blob, no_new);
    type_set_attr_const(S.Blob, "__iter__", None());  // a mapping, not a sequence: `in` does not iterate
    static const MethodDef conn_blob_methods[] = {{"blobopen", blob_open}, {nullptr, nullptr}};
    type_add_methods(S.Connection, conn_blob_methods);
  }
  dict_set_str(md, str_intern("Blob"), Value(S.Blob));
  (void)blob_finalizer;
}

}  // namespace gilpy::sqlite
