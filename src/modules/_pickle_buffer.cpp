// _pickle.PickleBuffer (pickle.PickleBuffer, PEP 574): a wrapper marking a
// buffer for out-of-band pickling. It holds a memoryview of the wrapped
// object; memoryview(pb) reaches the wrapped object's bytes through the
// buffer-export hook, and raw() is a flat 'B' view of them.
#include <cstring>

#include "modules/_pickle_internal.h"
#include "objects/bytes.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::pickle {

Type* tp_PickleBuffer;

namespace {

struct PB : PickleBuffer {
  Value obj;  // the wrapped object
};

PB* P(Value v) { return static_cast<PB*>(v.as<PickleBuffer>()); }

Err released() { return raise(tp_ValueError, "operation forbidden on released PickleBuffer object"); }

Result<Value> pb_new(Value* a, int64_t n, Tuple* kw) {
  Value out[1];
  TRY(parse_args("PickleBuffer", a + 1, n - 1, kw, {"buffer"}, 1, out));
  std::string_view probe;
  if (!buffer_view_opt(out[0], &probe))
    return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(out[0]));
  Value view = TRY(call1(Value(tp_memoryview), out[0]));
  PB* pb = static_cast<PB*>(alloc_instance(as_type(a[0]), sizeof(PB)));
  pb->view = view;
  pb->obj = out[0];
  return Value(pb);
}

Result<Value> pb_raw(Value* a, int64_t, Tuple*) {
  PB* pb = P(a[0]);
  if (!pb->view) return released();
  if (!TRY(truthy(TRY(getattr(pb->view, str_intern("contiguous"))))))
    return raise(tp_BufferError, "cannot extract raw buffer from non-contiguous buffer");
  Value args[1] = {str_value("B")};
  return call_method(pb->view, str_intern("cast"), args, 1);
}

Result<Value> pb_release(Value* a, int64_t, Tuple*) {
  PB* pb = P(a[0]);
  if (pb->view) {
    TRY(call_method0(pb->view, str_intern("release")));
    pb->view = Value();
  }
  return None();
}

// memoryview(pb): the wrapped object's bytes. A bytes object is lent to a
// read-only stand-in bytearray over its data (bytes never change).
bool pb_export(Value v, BufferExport* out) {
  if (!tp_PickleBuffer || !isinstance(v, tp_PickleBuffer)) return false;
  PB* pb = P(v);
  if (!pb->view) {
    out->invalid = "operation forbidden on released PickleBuffer object";
    out->storage = bytearray_new();
    out->format = 'B';
    out->itemsize = 1;
    return true;
  }
  Value o = pb->obj;
  if (is_bytearray(o)) {
    out->storage = as_bytearray(o);
    out->format = 'B';
    out->itemsize = 1;
    out->owner = o;
    return true;
  }
  if (buffer_export(o, out)) return true;
  std::string_view data;
  if (!buffer_view_opt(o, &data)) data = {};
  ByteArray* lent = static_cast<ByteArray*>(alloc_instance(tp_bytearray, sizeof(ByteArray)));
  if (is_bytes(o)) {
    lent->data = as_bytes(o)->data;
    lent->size = lent->capacity = as_bytes(o)->size;
    lent->exports = 1;  // never resized
  } else {
    lent = bytearray_new(data);
  }
  out->storage = lent;
  out->format = 'B';
  out->itemsize = 1;
  out->owner = o;
  out->readonly = true;
  return true;
}

const MethodDef pb_methods[] = {
    {"__new__", pb_new, MethKind::Static},
    {"raw", pb_raw, MethKind::NoArgs, "Return a memoryview of the raw memory underlying this buffer.\nWill raise BufferError is the buffer isn't contiguous."},
    {"release", pb_release, MethKind::NoArgs, "Release the underlying buffer exposed by the PickleBuffer object."},
    {nullptr, nullptr}};

}  // namespace

Status picklebuffer_data(Value v, std::string_view* data, bool* readonly, bool* contiguous) {
  PB* pb = P(v);
  if (!pb->view) return released();
  *readonly = TRY(truthy(TRY(getattr(pb->view, str_intern("readonly")))));
  *contiguous = TRY(truthy(TRY(getattr(pb->view, str_intern("contiguous")))));
  if (!*contiguous) return OK();
  *data = TRY(buffer_view(pb->view));
  return OK();
}

void make_buffer_types() {
  if (tp_PickleBuffer) return;
  tp_PickleBuffer = native_type_new("pickle", "PickleBuffer", tp_object, Layout::Other, sizeof(PB), pb_methods,
                                    nullptr, 0);
  type_set_attr_const(tp_PickleBuffer, "__doc__", str_value("Wrapper for potentially out-of-band buffers"));
  register_buffer_export(pb_export);
}

}  // namespace gilpy::pickle
