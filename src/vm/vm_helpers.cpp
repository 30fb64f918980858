// The slower halves of eval-loop opcodes (see vm_helpers.h).
#include "vm/vm_helpers.h"

#include <cstring>
#include <string>

#include "bytecode/opcodes.h"
#include "objects/code.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"
#include "runtime/thread_state.h"
#include "vm/call.h"

namespace gilpy {

using namespace bytecode;

Result<Value> load_name(Frame* f, Str* name) {
  Value v;
  if (f->locals) {
    if (f->locals.type() == tp_dict) {
      v = dict_get_str(as_dict(f->locals), name);
    } else {
      Result<Value> r = getitem(f->locals, Value(name));
      if (r.ok()) return r;
      if (!exc_matches(tp_KeyError)) return ERR;
      exc_clear();
    }
    if (v) return v;
  }
  v = dict_get_str(f->globals, name);
  if (v) return v;
  // Builtins that are not an exact dict are read through their __getitem__, as CPython's LOAD_NAME.
  if (f->builtins.type() != tp_dict) {
    Result<Value> r = getitem(f->builtins, Value(name));
    if (r.ok()) return r;
    if (!exc_matches(tp_KeyError)) return ERR;
    exc_clear();
    return raise_name_error(name);
  }
  v = dict_get_str(as_dict(f->builtins), name);
  if (v) return v;
  return raise_name_error(name);
}

Status delete_name(Frame* f, Str* name) {
  if (!f->locals) return raise_fmt(tp_SystemError, "no locals when deleting '%s'", name->data);
  Result<bool> r = is_dict(f->locals) ? dict_del(as_dict(f->locals), Value(name)) : Result<bool>(true);
  if (!is_dict(f->locals)) {
    Status s = delitem(f->locals, Value(name));
    if (s.is_err()) {
      if (!exc_matches(tp_KeyError)) return ERR;
      exc_clear();
      return raise_fmt(tp_NameError, "name '%s' is not defined", name->data);
    }
    return OK();
  }
  if (r.is_err()) return ERR;
  if (!r.value()) return raise_fmt(tp_NameError, "name '%s' is not defined", name->data);
  return OK();
}

Str* deref_name(Code* co, int i) {
  if (i < co->ncells) return as_str(co->cellvars->items[i]);
  return as_str(co->freevars->items[i - co->ncells]);
}

void unbound_deref(Code* co, int i) {
  Str* n = deref_name(co, i);
  if (i < co->ncells)
    raise_fmt(tp_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", n->data);
  else
    raise_fmt(tp_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", n->data);
}

bool method_lookup(Value obj, Str* name, Value* meth) {
  Type* t = obj.type();
  if (t->flags & (TF_HAS_GETATTRIBUTE | TF_HAS_GETATTR)) return false;
  if (t->layout == Layout::Type || t->layout == Layout::Module) return false;
  Value d = type_lookup(t, name);
  if (!d) return false;
  Type* dt = d.type();
  if (dt != tp_function && !is_method_descr_type(dt)) return false;
  if (instance_attr_lookup(obj, name)) return false;
  *meth = d;
  return true;
}

static inline int64_t floordiv64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}

bool small_int_binop(int64_t a, int64_t b, int op, Value* out) {
  int64_t r;
  switch (op) {
    case NB_ADD: case NB_INPLACE_ADD: r = a + b; break;
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: r = a - b; break;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY:
      if (__builtin_mul_overflow(a, b, &r)) return false;
      break;
    case NB_FLOOR_DIVIDE: case NB_INPLACE_FLOOR_DIVIDE:
      if (b == 0) return false;
      r = floordiv64(a, b);
      break;
    case NB_REMAINDER: case NB_INPLACE_REMAINDER:
      if (b == 0) return false;
      r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      break;
    case NB_AND: case NB_INPLACE_AND: r = a & b; break;
    case NB_OR: case NB_INPLACE_OR: r = a | b; break;
    case NB_XOR: case NB_INPLACE_XOR: r = a ^ b; break;
    case NB_LSHIFT: case NB_INPLACE_LSHIFT:
      if (b < 0 || b >= 62) return false;
      r = a << b;
      if ((r >> b) != a) return false;
      break;
    case NB_RSHIFT: case NB_INPLACE_RSHIFT:
      if (b < 0) return false;
      r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
      break;
    default: return false;
  }
  if (!Value::fits_small(r)) return false;
  *out = Value::small(r);
  return true;
}

Result<Value> build_string(Value* items, int n) {
  int64_t total = 0;
  bool ascii = true;
  for (int i = 0; i < n; i++) {
    Str* s = as_str(items[i]);
    total += s->nbytes;
    ascii = ascii && s->ascii;
  }
  std::string buf;
  buf.reserve(size_t(total));
  for (int i = 0; i < n; i++) buf.append(as_str(items[i])->view());
  return Value(str_new(buf));
}

Status list_extend_for_display(List* l, Value iterable) {
  Status s = list_extend(l, iterable);
  if (s.is_err() && exc_matches(tp_TypeError) && !type_lookup(iterable.type(), N.__iter__) &&
      !type_lookup(iterable.type(), N.__getitem__)) {
    exc_clear();
    return raise_fmt(tp_TypeError, "Value after * must be an iterable, not %s", type_name(iterable));
  }
  return s;
}

Status dict_update_for_display(Dict* d, Value mapping) {
  if (!is_dict(mapping)) {
    Value keys;
    TRY(getattr_opt(mapping, N.keys, &keys));
    if (!keys) return raise_fmt(tp_TypeError, "'%s' object is not a mapping", type_name(mapping));
  }
  return dict_update(d, mapping);
}

// How CPython names a callable in call errors (_PyObject_FunctionStr):
// "module.qualname()", or "qualname()" for builtins' own; an object without
// __qualname__ is named by its str().
static std::string func_desc(Value callable) {
  Value q;
  if (getattr_opt(callable, N.__qualname__, &q).is_err() || !q) {
    exc_clear();
    Result<Str*> s = str(callable);
    if (s.is_err()) {
      exc_clear();
      return std::string(type_name(callable)) + " object";
    }
    return std::string(s.value()->view());
  }
  Result<Str*> qs = str(q);
  if (qs.is_err()) {
    exc_clear();
    return std::string(type_name(callable)) + " object";
  }
  std::string qual(qs.value()->view());
  Value m;
  if (!getattr_opt(callable, N.__module__, &m).is_err() && m && !is_none(m)) {
    Result<Str*> ms = str(m);
    if (!ms.is_err() && ms.value()->view() != "builtins") return std::string(ms.value()->view()) + "." + qual + "()";
  }
  exc_clear();
  return qual + "()";
}

// DICT_MERGE: a call's **mapping into the keywords gathered so far. A key
// given twice is an error; keys that are not strings are left for the call
// to refuse ("keywords must be strings"), as CPython does.
Status dict_merge_kwargs(Dict* d, Value mapping, Value callable) {
  auto dup = [&](Value k) -> Status {
    Result<Str*> ks = str(k);
    if (ks.is_err()) return ERR;
    return raise_fmt(tp_TypeError, "%s got multiple values for keyword argument '%s'", func_desc(callable).c_str(),
                     ks.value()->data);
  };
  if (is_dict(mapping)) {
    int64_t pos = 0;
    Value k, v;
    Dict* src = as_dict(mapping);
    while (dict_next(src, &pos, &k, &v)) {
      Value old;
      TRY(dict_get2(d, k, &old));
      if (old) return dup(k);
      TRY(dict_set(d, k, v));
    }
    return OK();
  }
  Value keys_fn;
  TRY(getattr_opt(mapping, N.keys, &keys_fn));
  if (!keys_fn)
    return raise_fmt(tp_TypeError, "%s argument after ** must be a mapping, not %s", func_desc(callable).c_str(),
                     type_name(mapping));
  // Keys as the mapping lists them (a mapping may list one twice).
  Value keys = TRY(call0(keys_fn));
  Value it = TRY(get_iter(keys));
  while (true) {
    Value k;
    TRY(iter_next(it, &k));
    if (!k) break;
    Value old;
    TRY(dict_get2(d, k, &old));
    if (old) return dup(k);
    Value v = TRY(getitem(mapping, k));
    TRY(dict_set(d, k, v));
  }
  return OK();
}

Status unpack_sequence(Value seq, int n, Value* out) {
  // out[0] receives the LAST item (it ends up deepest on the stack), so that the
  // first item is on top and is stored first.
  Value* items = nullptr;
  int64_t size = -1;
  if (seq.type() == tp_tuple) { items = seq.as<Tuple>()->items; size = seq.as<Tuple>()->size; }
  else if (seq.type() == tp_list) { items = seq.as<List>()->items; size = seq.as<List>()->size; }
  if (items) {
    if (size != n) {
      if (size < n)
        return raise_fmt(tp_ValueError, "not enough values to unpack (expected %d, got %lld)", n, (long long)size);
      return raise_fmt(tp_ValueError, "too many values to unpack (expected %d)", n);
    }
    for (int i = 0; i < n; i++) out[n - 1 - i] = items[i];
    return OK();
  }
  Result<Value> itr = get_iter(seq);
  if (itr.is_err()) {
    if (exc_matches(tp_TypeError)) {
      exc_clear();
      return raise_fmt(tp_TypeError, "cannot unpack non-iterable %s object", type_name(seq));
    }
    return ERR;
  }
  Value it = itr.value();
  for (int i = 0; i < n; i++) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x) return raise_fmt(tp_ValueError, "not enough values to unpack (expected %d, got %d)", n, i);
    out[n - 1 - i] = x;
  }
  Value extra;
  TRY(iter_next(it, &extra));
  if (extra) return raise_fmt(tp_ValueError, "too many values to unpack (expected %d)", n);
  return OK();
}

Status unpack_ex(Value seq, int before, int after, Value* out) {
  Result<Value> itr = get_iter(seq);
  if (itr.is_err()) {
    if (exc_matches(tp_TypeError)) {
      exc_clear();
      return raise_fmt(tp_TypeError, "cannot unpack non-iterable %s object", type_name(seq));
    }
    return ERR;
  }
  int total = before + after + 1;
  Value it = itr.value();
  for (int i = 0; i < before; i++) {
    Value x;
    TRY(iter_next(it, &x));
    if (!x)
      return raise_fmt(tp_ValueError, "not enough values to unpack (expected at least %d, got %d)", before + after, i);
    out[total - 1 - i] = x;
  }
  List* rest = TRY(list_from_iterable(it));
  if (rest->size < after)
    return raise_fmt(tp_ValueError, "not enough values to unpack (expected at least %d, got %lld)", before + after,
                     (long long)(before + rest->size));
  for (int i = 0; i < after; i++) out[after - 1 - i] = rest->items[rest->size - after + i];
  rest->size -= after;
  out[after] = Value(rest);
  return OK();
}

Result<Value> call_function_ex(Value callable, Value self_or_null, Value args, Value kwargs) {
  Tuple* t;
  if (args.type() == tp_tuple) {
    t = args.as<Tuple>();
  } else {
    Result<Tuple*> r = to_tuple(args);
    if (r.is_err()) {
      // Not iterable and not a sequence: CPython words it for the call. (An
      // error from a sequence's own __getitem__ stays as it is.)
      if (exc_matches(tp_TypeError) && !type_lookup(args.type(), N.__iter__) &&
          (!type_lookup(args.type(), N.__getitem__) || is_dict(args))) {
        exc_clear();
        return raise_fmt(tp_TypeError, "%s argument after * must be an iterable, not %s",
                         func_desc(callable).c_str(), type_name(args));
      }
      return ERR;
    }
    t = r.value();
  }
  if (self_or_null) {
    Tuple* t2 = tuple_new(t->size + 1);
    t2->items[0] = self_or_null;
    for (int64_t i = 0; i < t->size; i++) t2->items[i + 1] = t->items[i];
    t = t2;
  }
  Dict* kw = nullptr;
  if (kwargs) {
    if (is_dict(kwargs)) {
      kw = as_dict(kwargs);
    } else {
      kw = dict_new();
      TRY(dict_merge_kwargs(kw, kwargs, callable));
    }
  }
  return call_ex(callable, t, kw);
}

void chain_context(Value exc, Value context) {
  if (!is_exception(exc) || !is_exception(context) || exc == context) return;
  BaseExc* e = as_exc(exc);
  if (e->context) return;
  // Avoid creating a cycle: cut `exc` out of context's chain if present.
  Value o = context;
  int guard = 0;
  while (o && is_exception(o) && guard++ < 10000) {
    BaseExc* oe = as_exc(o);
    if (oe->context == exc) {
      oe->context = Value();
      break;
    }
    o = oe->context;
  }
  e->context = context;
}

Status do_raise(Value exc, Value cause, bool* reraise) {
  ThreadState* t = t_ts;
  if (!exc) {
    if (!t->handled || is_none(t->handled)) return raise(tp_RuntimeError, "No active exception to reraise");
    t->exc = t->handled;
    *reraise = true;
    return ERR;
  }
  Value inst = exc;
  if (is_type(exc)) {
    if (!is_subtype(as_type(exc), tp_BaseException))
      return raise(tp_TypeError, "exceptions must derive from BaseException");
    Result<Value> r = call0(exc);
    if (r.is_err()) return ERR;
    inst = r.value();
    if (!is_exception(inst)) {
      Str* er = TRY(repr(exc));
      Str* tr = TRY(repr(Value(inst.type())));
      return raise_fmt(tp_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                       er->data, tr->data);
    }
  } else if (!is_exception(exc)) {
    return raise(tp_TypeError, "exceptions must derive from BaseException");
  }
  if (cause) {
    Value c;
    if (is_none(cause)) {
      c = Value();
    } else if (is_type(cause)) {
      if (!is_subtype(as_type(cause), tp_BaseException))
        return raise(tp_TypeError, "exception causes must derive from BaseException");
      Result<Value> r = call0(cause);
      if (r.is_err()) return ERR;
      c = r.value();
    } else if (is_exception(cause)) {
      c = cause;
    } else {
      return raise(tp_TypeError, "exception causes must derive from BaseException");
    }
    as_exc(inst)->cause = c;
    as_exc(inst)->suppress_context = true;
  }
  t->exc = inst;
  return ERR;
}

Result<bool> exception_matches(Value exc, Value type) {
  auto check = [](Value t) -> Status {
    if (!is_type(t) || !is_subtype(as_type(t), tp_BaseException))
      return raise(tp_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return OK();
  };
  if (is_tuple(type)) {
    Tuple* tt = as_tuple(type);
    for (int64_t i = 0; i < tt->size; i++) TRY(check(tt->items[i]));
  } else {
    TRY(check(type));
  }
  return isinstance_check(exc, type);
}

Status exception_group_match(Value exc, Value type, Value* match, Value* rest) {
  *match = *rest = Value();
  bool full = TRY(exception_matches(exc, type));  // also checks that type can be caught
  auto is_group = [](Value t) { return is_type(t) && is_subtype(as_type(t), tp_BaseExceptionGroup); };
  bool group_type = is_group(type);
  if (is_tuple(type))
    for (int64_t i = 0; i < as_tuple(type)->size; i++) group_type = group_type || is_group(as_tuple(type)->items[i]);
  if (group_type) return raise(tp_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
  if (full) {
    if (isinstance(exc, tp_BaseExceptionGroup)) {
      *match = exc;
    } else {
      *match = TRY(call2(Value(tp_BaseExceptionGroup), Value(str_intern("")), Value(tuple_of({exc}))));
    }
    *rest = None();
    return OK();
  }
  if (isinstance(exc, tp_BaseExceptionGroup)) {
    Value pair = TRY(call_method1(exc, str_intern("split"), type));
    if (!is_tuple(pair) || as_tuple(pair)->size != 2)
      return raise(tp_TypeError, "ExceptionGroup.split must return a 2-tuple");
    *match = is_none(as_tuple(pair)->items[0]) ? Value() : as_tuple(pair)->items[0];
    *rest = as_tuple(pair)->items[1];
  }
  return OK();
}

Value exc_traceback_or_none(Value exc) {
  if (is_exception(exc) && as_exc(exc)->traceback) return as_exc(exc)->traceback;
  return None();
}

Status before_with(Value mgr, Value* exit, Value* enter_result) {
  Value enter = lookup_special(mgr, N.__enter__);
  if (!enter) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError, "'%s' object does not support the context manager protocol", type_name(mgr));
  }
  Value ex = lookup_special(mgr, N.__exit__);
  if (!ex) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError,
                     "'%s' object does not support the context manager protocol (missed __exit__ method)",
                     type_name(mgr));
  }
  *exit = ex;
  *enter_result = TRY(call0(enter));
  return OK();
}

Status before_async_with(Value mgr, Value* exit, Value* enter_awaitable) {
  Value enter = lookup_special(mgr, N.__aenter__);
  if (!enter) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError, "'%s' object does not support the asynchronous context manager protocol",
                     type_name(mgr));
  }
  Value ex = lookup_special(mgr, N.__aexit__);
  if (!ex) {
    if (exc_pending()) return ERR;
    return raise_fmt(tp_TypeError,
                     "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                     type_name(mgr));
  }
  *exit = ex;
  *enter_awaitable = TRY(call0(enter));
  return OK();
}

Result<Value> format_value(Value v, int conversion, Value spec) {
  switch (conversion) {
    case FVC_STR: v = Value(TRY(str(v))); break;
    case FVC_REPR: v = Value(TRY(repr(v))); break;
    case FVC_ASCII: v = Value(TRY(ascii(v))); break;
    default: break;
  }
  if (!spec && v.type() == tp_str) return v;
  return format(v, spec ? as_str(spec) : str_empty());
}

Result<Value> send_to(Value receiver, Value v, bool* done) {
  if (is_generator_like(receiver)) return gen_resume(receiver.as<Generator>(), v, Value(), done);
  Result<Value> r = ERR;
  if (is_none(v) && receiver.type()->iternext) {
    Value out;
    TRY(receiver.type()->iternext(receiver, &out));
    if (out) { *done = false; return out; }
    *done = true;
    return None();
  }
  if (is_none(v)) {
    Value nx = type_lookup(receiver.type(), N.__next__);
    if (!nx) return raise_fmt(tp_TypeError, "'%s' object is not an iterator", type_name(receiver));
    r = call_method0(receiver, N.__next__);
  } else {
    r = call_method1(receiver, N.send, v);
  }
  if (r.ok()) {
    *done = false;
    return r;
  }
  if (exc_matches(tp_StopIteration)) {
    Value e = exc_fetch();
    Tuple* args = as_exc(e)->args;
    *done = true;
    return args && args->size ? args->items[0] : None();
  }
  return ERR;
}

Result<Value> get_yield_from_iter(Value v, uint32_t code_flags) {
  if (v.type() == tp_coroutine) {
    if (!(code_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)))
      return raise(tp_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    return v;
  }
  if (v.type() == tp_generator) return v;
  return get_iter(v);
}

Result<Value> get_awaitable(Value v, int where) {
  if (v.type() == tp_coroutine) {
    Generator* g = v.as<Generator>();
    // Already suspended inside an await of its own (or running): a second
    // awaiter would steal its values.
    if (g->running || gen_is_delegating(g)) return raise(tp_RuntimeError, "coroutine is being awaited already");
    return v;
  }
  if (v.type() == tp_generator && (v.as<Generator>()->frame->code->flags & CO_ITERABLE_COROUTINE)) return v;
  Value aw = type_lookup(v.type(), N.__await__);
  if (!aw) {
    if (where == 1)
      return raise_fmt(tp_TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %s",
                       type_name(v));
    if (where == 2)
      return raise_fmt(tp_TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %s",
                       type_name(v));
    return raise_fmt(tp_TypeError, "object %s can't be used in 'await' expression", type_name(v));
  }
  Value it = TRY(call_method0(v, N.__await__));
  // PEP 492: __await__ must return an iterator, not another awaitable.
  if (it.type() == tp_coroutine ||
      (it.type() == tp_generator && (it.as<Generator>()->frame->code->flags & CO_ITERABLE_COROUTINE)))
    return raise(tp_TypeError, "__await__() returned a coroutine");
  if (!it.type()->iternext && !type_lookup(it.type(), N.__next__))
    return raise_fmt(tp_TypeError, "__await__() returned non-iterator of type '%s'", type_name(it));
  return it;
}

Result<Value> get_aiter(Value v) {
  Value m = type_lookup(v.type(), N.__aiter__);
  if (!m)
    return raise_fmt(tp_TypeError, "'async for' requires an object with __aiter__ method, got %s", type_name(v));
  Value it = TRY(call_method0(v, N.__aiter__));
  if (!type_lookup(it.type(), N.__anext__))
    return raise_fmt(tp_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                     type_name(it));
  return it;
}

Result<Value> get_anext(Value v) {
  Value m = type_lookup(v.type(), N.__anext__);
  if (!m) return raise_fmt(tp_TypeError, "'async for' requires an iterator with __anext__ method, got %s", type_name(v));
  Value aw = TRY(call_method0(v, N.__anext__));
  Result<Value> r = get_awaitable(aw, 0);
  if (r.is_err()) {
    // Whatever went wrong (no __await__, or __await__ raised) becomes the
    // cause of CPython's TypeError.
    Value cause = exc_fetch();
    raise_fmt(tp_TypeError, "'async for' received an invalid object from __anext__: %s", type_name(aw));
    BaseExc* e = as_exc(t_ts->exc);
    e->cause = cause;
    e->context = cause;
    e->suppress_context = true;
    return ERR;
  }
  return r;
}

Value async_gen_wrap(Value v) {
  Object* w = alloc_instance(tp_async_generator_wrapped_value, sizeof(Object) + 2 * sizeof(Value));
  reinterpret_cast<Value*>(w)[2] = v;
  return Value(w);
}

Status setup_annotations(Frame* f) {
  if (!f->locals) return raise(tp_SystemError, "no locals found when setting up annotations");
  if (is_dict(f->locals)) {
    if (!dict_get_str(as_dict(f->locals), N.__annotations__))
      dict_set_str(as_dict(f->locals), N.__annotations__, Value(dict_new()));
    return OK();
  }
  Result<Value> r = getitem(f->locals, Value(N.__annotations__));
  if (r.ok()) return OK();
  if (!exc_matches(tp_KeyError)) return ERR;
  exc_clear();
  return setitem(f->locals, Value(N.__annotations__), Value(dict_new()));
}

Value sys_get(Str* name);  // modules/sys.cpp

Status print_expr(Value v) {
  Value hook = sys_get(N.displayhook);
  if (!hook) return raise(tp_RuntimeError, "lost sys.displayhook");
  TRY(call1(hook, v));
  return OK();
}

}  // namespace gilpy
