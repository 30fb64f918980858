// anext(aiterator, default): the awaitable CPython 3.10+ returns when a
// default is given (type `anext_awaitable`). Awaiting it drives what
// aiterator.__anext__() returned; a StopAsyncIteration from it becomes
// StopIteration(default), i.e. the await evaluates to the default.
//
// The awaited object's iterator is made on first use (CPython's
// anextawaitable_getiter): a coroutine drives itself, anything else through
// its __await__(). send/throw/close forward to it.
#include "objects/type.h"
#include "objects/exceptions.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "vm/vm_helpers.h"

namespace gilpy {

namespace {

struct AnextAwaitable : Object {
  Dict* dict;
  Value wrapped;   // what __anext__() returned
  Value dflt;
  Value it;        // its iterator, once made
};

Type* tp_anext_awaitable;

AnextAwaitable* AA(Value v) { return v.as<AnextAwaitable>(); }

Result<Value> iter_of(AnextAwaitable* a) {
  if (!a->it) a->it = TRY(get_awaitable(a->wrapped, 0));
  return a->it;
}

// StopAsyncIteration from the inner awaitable ends the await with the default.
Result<Value> finish(Result<Value> r, AnextAwaitable* a) {
  if (r.is_err() && exc_matches(tp_StopAsyncIteration)) {
    exc_clear();
    return raise_stop_iteration(a->dflt);
  }
  return r;
}

Result<Value> aa_send(Value* args, int64_t n, Tuple*) {
  TRY(check_nargs("send", n - 1, 1, 1));
  AnextAwaitable* a = AA(args[0]);
  Value it = TRY(iter_of(a));
  Value send;
  TRY(getattr_opt(it, str_intern("send"), &send));
  if (send) return finish(call1(send, args[1]), a);
  if (!is_none(args[1])) return raise(tp_TypeError, "can't send non-None value to an iterator without send()");
  Value out;
  Status st = iter_next(it, &out);
  if (st.is_err()) return finish(ERR, a);
  if (!out) return raise_stop_iteration(Value());
  return out;
}
Result<Value> aa_next(Value* args, int64_t, Tuple*) {
  Value a2[2] = {args[0], None()};
  return aa_send(a2, 2, nullptr);
}
Result<Value> aa_throw(Value* args, int64_t n, Tuple*) {
  TRY(check_nargs("throw", n - 1, 1, 3));
  AnextAwaitable* a = AA(args[0]);
  Value it = TRY(iter_of(a));
  Value thr = TRY(getattr(it, str_intern("throw")));
  return finish(call(thr, args + 1, n - 1), a);
}
Result<Value> aa_close(Value* args, int64_t, Tuple*) {
  AnextAwaitable* a = AA(args[0]);
  Value it = TRY(iter_of(a));
  Value close;
  TRY(getattr_opt(it, str_intern("close"), &close));
  if (!close) return None();
  return call0(close);
}
Result<Value> aa_self(Value* args, int64_t, Tuple*) { return args[0]; }

const MethodDef aa_methods[] = {{"__await__", aa_self}, {"__iter__", aa_self}, {"__next__", aa_next},
                                {"send", aa_send}, {"throw", aa_throw}, {"close", aa_close},
                                {nullptr, nullptr}};

}  // namespace

Result<Value> anext_awaitable_new(Value awaitable, Value dflt) {
  if (!tp_anext_awaitable) {
    tp_anext_awaitable = native_type_new("builtins", "anext_awaitable", tp_object, Layout::Other,
                                         sizeof(AnextAwaitable), aa_methods, nullptr, 0);
  }
  auto* a = static_cast<AnextAwaitable*>(alloc_instance(tp_anext_awaitable, sizeof(AnextAwaitable)));
  a->wrapped = awaitable;
  a->dflt = dflt;
  return Value(a);
}

}  // namespace gilpy
