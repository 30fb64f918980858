// _pickle: the C accelerator pickle.py imports (Pickler, Unpickler, dump(s),
// load(s), the exceptions and PickleBuffer), with CPython 3.11's interface,
// bytes and errors. This file holds the module, the Python-facing Pickler and
// Unpickler types and their memo proxies; the work is in _pickle_pickler.cpp
// and _pickle_unpickler.cpp (shared declarations: _pickle_internal.h).
#include "modules/_pickle_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy::pickle {

Value g_PickleError, g_PicklingError, g_UnpicklingError;
Type* tp_Pickler;
Type* tp_Unpickler;
Type* tp_PicklerMemoProxy;
Type* tp_UnpicklerMemoProxy;

Err raise_pickling(std::string_view msg) { return raise(g_PicklingError.as<Type>(), msg); }
Err raise_unpickling(std::string_view msg) { return raise(g_UnpicklingError.as<Type>(), msg); }

namespace {
Helpers* g_helpers;

Result<Value> module_attr(const char* mod, const char* name) {
  Value m = TRY(import_module(str_intern(mod)));
  return getattr(m, str_intern(name));
}
}  // namespace

Result<Helpers*> helpers() {
  if (g_helpers) return g_helpers;
  Helpers* h = static_cast<Helpers*>(gc::alloc_uncollectable(sizeof(Helpers)));
  *h = Helpers{};
  h->dispatch_table = TRY(module_attr("copyreg", "dispatch_table"));
  h->extension_registry = TRY(module_attr("copyreg", "_extension_registry"));
  h->inverted_registry = TRY(module_attr("copyreg", "_inverted_registry"));
  h->extension_cache = TRY(module_attr("copyreg", "_extension_cache"));
  h->name_mapping = TRY(module_attr("_compat_pickle", "NAME_MAPPING"));
  h->import_mapping = TRY(module_attr("_compat_pickle", "IMPORT_MAPPING"));
  h->reverse_name_mapping = TRY(module_attr("_compat_pickle", "REVERSE_NAME_MAPPING"));
  h->reverse_import_mapping = TRY(module_attr("_compat_pickle", "REVERSE_IMPORT_MAPPING"));
  h->codecs_encode = TRY(module_attr("codecs", "encode"));
  h->partial = TRY(module_attr("functools", "partial"));
  h->getattr = TRY(module_attr("builtins", "getattr"));
  g_helpers = h;
  return h;
}

Result<int> parse_protocol(Value protocol) {
  if (!protocol || is_none(protocol)) return kDefaultProtocol;
  int64_t p = TRY(as_ssize(protocol));
  if (p < 0) return kHighestProtocol;
  if (p > kHighestProtocol) return raise_fmt(tp_ValueError, "pickle protocol must be <= %d", kHighestProtocol);
  return int(p);
}

namespace {

Pickler* PK(Value v) { return v.as<Pickler>(); }

// Argument clinic's count check for functions with keyword-only parameters
// ("takes at most 3 positional arguments"), which parse_args words differently.
Status check_positional(const char* fname, int64_t nargs, int64_t min, int64_t max) {
  if (nargs <= max && !(min == max && nargs < min)) return OK();
  return raise_fmt(tp_TypeError, "%s() takes %s %lld positional argument%s (%lld given)", fname,
                   min == max ? "exactly" : "at most", (long long)max, max == 1 ? "" : "s", (long long)nargs);
}
Unpickler* UP(Value v) { return v.as<Unpickler>(); }

// ---- Pickler -------------------------------------------------------------------------------

Result<Value> pk_new(Value* a, int64_t, Tuple*) {
  Pickler* p = static_cast<Pickler*>(alloc_instance(as_type(a[0]), sizeof(Pickler)));
  p->frame_start = -1;
  return Value(p);
}

Result<Value> pk_init(Value* a, int64_t n, Tuple* kw) {
  Value out[4];
  TRY(parse_args("Pickler", a + 1, n - 1, kw, {"file", "protocol", "fix_imports", "buffer_callback"}, 1, out));
  TRY(pickler_setup(PK(a[0]), out[0], out[1], out[2], out[3]));
  return None();
}

Result<Value> pk_dump(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("Pickler.dump", n - 1, 1, 1));
  Pickler* p = PK(a[0]);
  if (!p->memo || !p->write)
    return raise_pickling("Pickler.__init__() was not called by " + std::string(type_name(a[0])) + ".__init__()");
  Status st = pickler_dump(p, a[1]);
  if (!st.ok()) {
    p->out->clear();
    return ERR;
  }
  TRY(pickler_flush(p));
  return None();
}

Result<Value> pk_clear_memo(Value* a, int64_t, Tuple*) {
  if (PK(a[0])->memo) PK(a[0])->memo->clear();
  return None();
}

Result<Value> pk_sizeof(Value* a, int64_t, Tuple*) {
  Pickler* p = PK(a[0]);
  int64_t size = int64_t(sizeof(Pickler));
  if (p->memo) size += int64_t(p->memo->size() * 32);
  if (p->out) size += int64_t(p->out->capacity());
  return Value::small(size);
}

Result<Value> pk_get_memo(Value self) {
  MemoProxy* m = static_cast<MemoProxy*>(alloc_instance(tp_PicklerMemoProxy, sizeof(MemoProxy)));
  m->owner = self;
  return Value(m);
}

Status pk_set_memo(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "attribute deletion is not supported");
  Pickler* p = PK(self);
  if (!p->memo) p->memo = gc::make<MemoMap>();
  if (v.type() == tp_PicklerMemoProxy) {
    Pickler* src = PK(v.as<MemoProxy>()->owner);
    MemoMap* copy = gc::make<MemoMap>();  // a copy: the two picklers' memos stay apart
    if (src->memo) src->memo->for_each([copy](const MemoEntry& e) { copy->set(e.obj, e.index); });
    p->memo = copy;
    return OK();
  }
  if (!is_dict(v))
    return raise_fmt(tp_TypeError, "'memo' attribute must be a PicklerMemoProxy object or dict, not %s",
                     type_name(v));
  MemoMap* fresh = gc::make<MemoMap>();
  int64_t pos = 0;
  Value k, val;
  while (dict_next(as_dict(v), &pos, &k, &val)) {
    if (!is_tuple(val) || as_tuple(val)->size != 2) return raise(tp_TypeError, "'memo' values must be 2-item tuples");
    int64_t idx = TRY(as_ssize(as_tuple(val)->items[0]));
    Value obj = as_tuple(val)->items[1];
    fresh->set(obj, idx);
  }
  p->memo = fresh;
  return OK();
}

Result<Value> pk_get_pers(Value self) {
  if (!PK(self)->pers_func) return raise(tp_AttributeError, "persistent_id");
  return PK(self)->pers_func;
}
Status pk_set_pers(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "attribute deletion is not supported");
  if (!is_callable(v)) return raise(tp_TypeError, "persistent_id must be a callable taking one argument");
  PK(self)->pers_func = v;
  return OK();
}

Result<Value> pk_get_dispatch(Value self) {
  if (!PK(self)->dispatch_table) return raise_attribute_error(self, str_intern("dispatch_table"));
  return PK(self)->dispatch_table;
}
Status pk_set_dispatch(Value self, Value v) {
  if (!v && !PK(self)->dispatch_table) return raise_attribute_error(self, str_intern("dispatch_table"));
  PK(self)->dispatch_table = v;
  return OK();
}

Result<Value> pk_get_fast(Value self) { return Value::small(PK(self)->fast ? 1 : 0); }
Status pk_set_fast(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "attribute deletion is not supported");
  PK(self)->fast = TRY(truthy(v));
  return OK();
}
Result<Value> pk_get_bin(Value self) { return Value::small(PK(self)->bin ? 1 : 0); }
Status pk_set_bin(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "attribute deletion is not supported");
  PK(self)->bin = TRY(as_ssize(v)) != 0;
  return OK();
}

const MethodDef pk_methods[] = {
    {"__new__", pk_new, MethKind::Static},
    {"__init__", pk_init},
    {"dump", pk_dump, MethKind::Method, "Write a pickled representation of the given object to the open file."},
    {"clear_memo", pk_clear_memo, MethKind::NoArgs, "Clears the pickler's \"memo\"."},
    {"__sizeof__", pk_sizeof},
    {nullptr, nullptr}};
const GetSetDef pk_getsets[] = {{"memo", pk_get_memo, pk_set_memo},
                                {"persistent_id", pk_get_pers, pk_set_pers},
                                {"dispatch_table", pk_get_dispatch, pk_set_dispatch},
                                {"fast", pk_get_fast, pk_set_fast},
                                {"bin", pk_get_bin, pk_set_bin},
                                {nullptr, nullptr}};

// ---- Unpickler -----------------------------------------------------------------------------

Result<Value> up_new(Value* a, int64_t, Tuple*) {
  return Value(alloc_instance(as_type(a[0]), sizeof(Unpickler)));
}

Result<Value> up_init(Value* a, int64_t n, Tuple* kw) {
  Value out[5];
  TRY(check_positional("Unpickler", n - 1, 1, 1));
  TRY(parse_args("Unpickler", a + 1, n - 1, kw, {"file", "fix_imports", "encoding", "errors", "buffers"}, 1, out, 0,
                 1));
  TRY(unpickler_setup(UP(a[0]), "Unpickler", out[0], out[1], out[2], out[3], out[4]));
  return None();
}

Result<Value> up_load(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("load", n - 1, 0, 0));
  Unpickler* u = UP(a[0]);
  if (!u->read)
    return raise_unpickling("Unpickler.__init__() was not called by " + std::string(type_name(a[0])) + ".__init__()");
  return unpickler_load(u);
}

Result<Value> up_find_class(Value* a, int64_t n, Tuple* kw) {
  Value out[2];
  TRY(no_kwargs("find_class", kw));
  if (n - 1 != 2) return raise_fmt(tp_TypeError, "find_class expected 2 arguments, got %lld", (long long)(n - 1));
  TRY(parse_args("find_class", a + 1, n - 1, kw, {"module_name", "global_name"}, 2, out, 2));
  Unpickler* u = UP(a[0]);
  Value mod = out[0], name = out[1];
  if (u->proto < 3 && u->fix_imports) {
    Helpers* h = TRY(helpers());
    Value item;
    if (is_dict(h->name_mapping)) TRY(dict_get2(as_dict(h->name_mapping), Value(tuple_of({mod, name})), &item));
    if (item) {
      if (!is_tuple(item) || as_tuple(item)->size != 2)
        return raise_fmt(tp_RuntimeError, "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %s",
                         type_name(item));
      mod = as_tuple(item)->items[0];
      name = as_tuple(item)->items[1];
      if (!is_str(mod) || !is_str(name))
        return raise_fmt(tp_RuntimeError, "_compat_pickle.NAME_MAPPING values should be pairs of str, not (%s, %s)",
                         type_name(mod), type_name(name));
    } else if (is_dict(h->import_mapping)) {
      TRY(dict_get2(as_dict(h->import_mapping), mod, &item));
      if (item) {
        if (!is_str(item))
          return raise_fmt(tp_RuntimeError, "_compat_pickle.IMPORT_MAPPING values should be strings, not %s",
                           type_name(item));
        mod = item;
      }
    }
  }
  if (!is_str(mod)) return raise_fmt(tp_TypeError, "module name must be str, not %s", type_name(mod));
  Value module = TRY(import_module(as_str(mod)));
  Value cur = module;
  bool missing = false;
  if (!is_str(name)) return raise_fmt(tp_TypeError, "attribute name must be string, not '%s'", type_name(name));
  if (u->proto >= 4) {
    std::string_view s = as_str(name)->view();
    size_t start = 0;
    for (;;) {
      size_t dot = s.find('.', start);
      std::string_view part = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
      if (part == "<locals>") {
        Str* rn = TRY(repr(name));
        Str* rm = TRY(repr(module));
        return raise_fmt(tp_AttributeError, "Can't get local attribute %s on %s", rn->data, rm->data);
      }
      Value next;
      TRY(getattr_opt(cur, str_new(part), &next));
      if (!next) {
        missing = true;
        break;
      }
      cur = next;
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
  } else {
    Value next;
    TRY(getattr_opt(cur, as_str(name), &next));
    if (!next) missing = true;
    cur = next;
  }
  if (missing) {
    Str* rn = TRY(repr(name));
    Str* rm = TRY(repr(module));
    return raise_fmt(tp_AttributeError, "Can't get attribute %s on %s", rn->data, rm->data);
  }
  return cur;
}

Result<Value> up_sizeof(Value* a, int64_t, Tuple*) {
  Unpickler* u = UP(a[0]);
  int64_t size = int64_t(sizeof(Unpickler));
  if (u->memo) size += int64_t(u->memo->capacity() * sizeof(Value));
  return Value::small(size);
}

Result<Value> up_get_memo(Value self) {
  MemoProxy* m = static_cast<MemoProxy*>(alloc_instance(tp_UnpicklerMemoProxy, sizeof(MemoProxy)));
  m->owner = self;
  return Value(m);
}

Status up_set_memo(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "attribute deletion is not supported");
  Unpickler* u = UP(self);
  Value d = v;
  if (v.type() == tp_UnpicklerMemoProxy) {
    d = TRY(unpickler_memo_copy(UP(v.as<MemoProxy>()->owner)));
  } else if (!is_dict(v)) {
    return raise_fmt(tp_TypeError, "'memo' attribute must be an UnpicklerMemoProxy object or dict, not %s",
                     type_name(v));
  }
  gc::Vector<Value>* memo = gc::make<gc::Vector<Value>>();
  IndexMap* big = nullptr;
  int64_t count = 0;
  int64_t pos = 0;
  Value k, val;
  while (dict_next(as_dict(d), &pos, &k, &val)) {
    if (!is_int(k)) return raise(tp_TypeError, "memo key must be integers");
    int64_t idx = TRY(as_ssize(k));
    if (idx < 0) return raise(tp_ValueError, "memo key must be positive integers.");
    if (idx < (1 << 20)) {
      if (size_t(idx) >= memo->size()) memo->resize(size_t(idx + 1));
      (*memo)[size_t(idx)] = val;
    } else {
      if (!big) big = gc::make<IndexMap>();
      (*big)[uint64_t(idx)] = val;
    }
    count++;
  }
  u->memo = memo;
  u->memo_big = big;
  u->memo_len = count;
  return OK();
}

Result<Value> up_get_pers(Value self) {
  if (!UP(self)->pers_load) return raise(tp_AttributeError, "persistent_load");
  return UP(self)->pers_load;
}
Status up_set_pers(Value self, Value v) {
  if (!v) return raise(tp_TypeError, "attribute deletion is not supported");
  if (!is_callable(v)) return raise(tp_TypeError, "persistent_load must be a callable taking one argument");
  UP(self)->pers_load = v;
  return OK();
}

const MethodDef up_methods[] = {
    {"__new__", up_new, MethKind::Static},
    {"__init__", up_init},
    {"load", up_load, MethKind::Method, "Load a pickle.\n\nRead a pickled object representation from the open file object given\nin the constructor, and return the reconstituted object hierarchy\nspecified therein."},
    {"find_class", up_find_class, MethKind::Method, "Return an object from a specified module.\n\nIf necessary, the module will be imported. Subclasses may override\nthis method (e.g. to restrict unpickling of arbitrary classes and\nfunctions).\n\nThis method is called whenever a class or a function object is\nneeded.  Both arguments passed are str objects."},
    {"__sizeof__", up_sizeof},
    {nullptr, nullptr}};
const GetSetDef up_getsets[] = {{"memo", up_get_memo, up_set_memo},
                                {"persistent_load", up_get_pers, up_set_pers},
                                {nullptr, nullptr}};

// ---- memo proxies --------------------------------------------------------------------------

Result<Value> pmp_copy(Value* a, int64_t, Tuple*) { return pickler_memo_copy(PK(a[0].as<MemoProxy>()->owner)); }
Result<Value> pmp_clear(Value* a, int64_t, Tuple*) {
  Pickler* p = PK(a[0].as<MemoProxy>()->owner);
  if (p->memo) p->memo->clear();
  return None();
}
Result<Value> pmp_reduce(Value* a, int64_t, Tuple*) {
  Value c = TRY(pickler_memo_copy(PK(a[0].as<MemoProxy>()->owner)));
  return Value(tuple_of({Value(tp_dict), Value(tuple_of({c}))}));
}
Result<Value> ump_copy(Value* a, int64_t, Tuple*) { return unpickler_memo_copy(UP(a[0].as<MemoProxy>()->owner)); }
Result<Value> ump_clear(Value* a, int64_t, Tuple*) {
  Unpickler* u = UP(a[0].as<MemoProxy>()->owner);
  if (u->memo) u->memo->clear();
  u->memo_big = nullptr;
  u->memo_len = 0;
  return None();
}
Result<Value> ump_reduce(Value* a, int64_t, Tuple*) {
  Value c = TRY(unpickler_memo_copy(UP(a[0].as<MemoProxy>()->owner)));
  return Value(tuple_of({Value(tp_dict), Value(tuple_of({c}))}));
}

const MethodDef pmp_methods[] = {{"copy", pmp_copy, MethKind::NoArgs, "Copy the memo to a new object."},
                                 {"clear", pmp_clear, MethKind::NoArgs, "Remove all items from memo."},
                                 {"__reduce__", pmp_reduce, MethKind::NoArgs, "Implement pickle support."},
                                 {nullptr, nullptr}};
const MethodDef ump_methods[] = {{"copy", ump_copy, MethKind::NoArgs, "Copy the memo to a new object."},
                                 {"clear", ump_clear, MethKind::NoArgs, "Remove all items from memo."},
                                 {"__reduce__", ump_reduce, MethKind::NoArgs, "Implement pickling support."},
                                 {nullptr, nullptr}};

// ---- module functions ----------------------------------------------------------------------

Result<Value> m_dump(Value* a, int64_t n, Tuple* kw) {
  Value out[5];
  TRY(check_positional("dump", n, 2, 3));
  TRY(parse_args("dump", a, n, kw, {"obj", "file", "protocol", "fix_imports", "buffer_callback"}, 2, out, 0, 3));
  Value cls[1] = {Value(tp_Pickler)};
  Pickler* p = PK(TRY(pk_new(cls, 1, nullptr)));
  TRY(pickler_setup(p, out[1], out[2], out[3], out[4]));
  TRY(pickler_dump(p, out[0]));
  TRY(pickler_flush(p));
  return None();
}

Result<Value> m_dumps(Value* a, int64_t n, Tuple* kw) {
  Value out[4];
  TRY(check_positional("dumps", n, 1, 2));
  TRY(parse_args("dumps", a, n, kw, {"obj", "protocol", "fix_imports", "buffer_callback"}, 1, out, 0, 2));
  Value cls[1] = {Value(tp_Pickler)};
  Pickler* p = PK(TRY(pk_new(cls, 1, nullptr)));
  TRY(pickler_setup(p, Value(), out[1], out[2], out[3]));
  TRY(pickler_dump(p, out[0]));
  return pickler_result(p);
}

Result<Value> m_load(Value* a, int64_t n, Tuple* kw) {
  Value out[5];
  TRY(check_positional("load", n, 1, 1));
  TRY(parse_args("load", a, n, kw, {"file", "fix_imports", "encoding", "errors", "buffers"}, 1, out, 0, 1));
  Value cls[1] = {Value(tp_Unpickler)};
  Unpickler* u = UP(TRY(up_new(cls, 1, nullptr)));
  TRY(unpickler_setup(u, "load", out[0], out[1], out[2], out[3], out[4]));
  return unpickler_load(u);
}

Result<Value> m_loads(Value* a, int64_t n, Tuple* kw) {
  Value out[5];
  TRY(check_positional("loads", n, 1, 1));
  TRY(parse_args("loads", a, n, kw, {"data", "fix_imports", "encoding", "errors", "buffers"}, 1, out, 1, 1));
  Value cls[1] = {Value(tp_Unpickler)};
  Unpickler* u = UP(TRY(up_new(cls, 1, nullptr)));
  TRY(unpickler_setup(u, "loads", Value(), out[1], out[2], out[3], out[4]));
  TRY(unpickler_set_data(u, out[0]));
  return unpickler_load(u);
}

const MethodDef functions[] = {
    {"dump", m_dump, MethKind::Method, "Write a pickled representation of obj to the open file object file."},
    {"dumps", m_dumps, MethKind::Method, "Return the pickled representation of the object as a bytes object."},
    {"load", m_load, MethKind::Method, "Read and return an object from the pickle data stored in a file."},
    {"loads", m_loads, MethKind::Method, "Read and return an object from the given pickle data."},
    {nullptr, nullptr}};

Result<Value> make_exception(const char* name, Value base, const char* doc) {
  Dict* ns = dict_new();
  dict_set_str(ns, N.__module__, str_value("_pickle"));
  if (doc) dict_set_str(ns, N.__doc__, str_value(doc));
  return call3(Value(tp_type), str_value(name), Value(tuple_of({base})), Value(ns));
}

Result<Value> init() {
  Module* m = native_module_new("_pickle", functions, "Optimized C implementation for the Python pickle module.");
  if (!tp_Pickler) {
    g_PickleError = TRY(make_exception("PickleError", Value(tp_Exception), nullptr));
    g_PicklingError = TRY(make_exception("PicklingError", g_PickleError, nullptr));
    g_UnpicklingError = TRY(make_exception("UnpicklingError", g_PickleError, nullptr));
    tp_Pickler = native_type_new("_pickle", "Pickler", tp_object, Layout::Other, sizeof(Pickler), pk_methods,
                                 pk_getsets);
    type_set_attr_const(tp_Pickler, "__doc__", str_value("This takes a binary file for writing a pickle data stream."));
    tp_Unpickler = native_type_new("_pickle", "Unpickler", tp_object, Layout::Other, sizeof(Unpickler), up_methods,
                                   up_getsets);
    type_set_attr_const(tp_Unpickler, "__doc__", str_value("This takes a binary file for reading a pickle data stream."));
    tp_PicklerMemoProxy = native_type_new("_pickle", "PicklerMemoProxy", tp_object, Layout::Other, sizeof(MemoProxy),
                                          pmp_methods, nullptr, 0);
    tp_UnpicklerMemoProxy = native_type_new("_pickle", "UnpicklerMemoProxy", tp_object, Layout::Other,
                                            sizeof(MemoProxy), ump_methods, nullptr, 0);
    make_buffer_types();
  }
  dict_set_str(m->dict, str_intern("Pickler"), Value(tp_Pickler));
  dict_set_str(m->dict, str_intern("Unpickler"), Value(tp_Unpickler));
  dict_set_str(m->dict, str_intern("PickleBuffer"), Value(tp_PickleBuffer));
  dict_set_str(m->dict, str_intern("PickleError"), g_PickleError);
  dict_set_str(m->dict, str_intern("PicklingError"), g_PicklingError);
  dict_set_str(m->dict, str_intern("UnpicklingError"), g_UnpicklingError);
  return Value(m);
}

}  // namespace

// ---- set-up shared by the types and the functions ------------------------------------------

Status pickler_setup(Pickler* p, Value file, Value protocol, Value fix_imports, Value buffer_callback) {
  p->proto = TRY(parse_protocol(protocol));
  p->fix_imports = fix_imports ? TRY(truthy(fix_imports)) : true;
  p->bin = p->proto > 0;
  if (buffer_callback && is_none(buffer_callback)) buffer_callback = Value();
  if (buffer_callback && p->proto < 5) return raise(tp_ValueError, "buffer_callback needs protocol >= 5");
  p->buffer_callback = buffer_callback;
  if (file) {
    Value w;
    TRY(getattr_opt(file, N.write, &w));
    if (!w) return raise(tp_TypeError, "file must have a 'write' attribute");
    p->write = w;
  }
  p->memo = gc::make<MemoMap>();
  p->out = gc::make<Buffer>();
  p->frame_start = -1;
  p->fast = false;
  p->fast_nesting = 0;
  p->fast_memo = nullptr;
  // Subclasses (and instances) may define these; the base class has no such methods.
  Value self = Value(p);
  if (!isinstance_exact(self, tp_Pickler)) {
    TRY(getattr_opt(self, str_intern("persistent_id"), &p->pers_func));
    TRY(getattr_opt(self, str_intern("dispatch_table"), &p->dispatch_table));
    TRY(getattr_opt(self, str_intern("reducer_override"), &p->reducer_override));
  }
  return OK();
}

Status unpickler_setup(Unpickler* u, const char* fname, Value file, Value fix_imports, Value encoding, Value errors,
                       Value buffers) {
  u->fix_imports = fix_imports ? TRY(truthy(fix_imports)) : true;
  if (encoding && !is_str(encoding))
    return raise_fmt(tp_TypeError, "%s() argument 'encoding' must be str, not %s", fname, type_name(encoding));
  if (errors && !is_str(errors))
    return raise_fmt(tp_TypeError, "%s() argument 'errors' must be str, not %s", fname, type_name(errors));
  u->encoding = encoding ? as_str(encoding) : str_intern("ASCII");
  u->errors = errors ? as_str(errors) : str_intern("strict");
  u->buffers = Value();
  if (buffers && !is_none(buffers)) u->buffers = TRY(get_iter(buffers));
  if (file) {
    Value r, rl;
    TRY(getattr_opt(file, str_intern("peek"), &u->peek));
    TRY(getattr_opt(file, str_intern("readinto"), &u->readinto));
    TRY(getattr_opt(file, N.read, &r));
    TRY(getattr_opt(file, N.readline, &rl));
    if (!r || !rl) return raise(tp_TypeError, "file must have 'read' and 'readline' attributes");
    u->read = r;
    u->readline = rl;
  }
  u->stack = gc::make<gc::Vector<Value>>();
  u->marks = gc::make<std::vector<int64_t, gc::Allocator<int64_t>>>();
  u->memo = gc::make<gc::Vector<Value>>();
  u->memo_big = nullptr;
  u->memo_len = 0;
  u->proto = 0;
  u->buf = "";
  u->len = u->pos = u->prefetched = 0;
  Value self = Value(u);
  if (!isinstance_exact(self, tp_Unpickler)) TRY(getattr_opt(self, str_intern("persistent_load"), &u->pers_load));
  return OK();
}

Status unpickler_set_data(Unpickler* u, Value data) {
  if (is_str(data)) return raise_fmt(tp_TypeError, "a bytes-like object is required, not '%s'", type_name(data));
  if (!is_bytes(data)) {
    std::string_view v = TRY(buffer_view(data));
    data = bytes_from(v);
  }
  u->input = data;
  u->buf = as_bytes(data)->data;
  u->len = as_bytes(data)->size;
  u->pos = 0;
  u->prefetched = u->len;
  return OK();
}

Result<Value> pickler_memo_copy(Pickler* p) {
  Dict* d = dict_new();
  if (p->memo)
    p->memo->for_each([d](const MemoEntry& e) {
      // dict_set of a fresh int key cannot fail (int hashes do not raise).
      (void)dict_set(d, int_from_u64(e.obj.bits()), Value(tuple_of({Value::small(e.index), e.obj})));
    });
  return Value(d);
}

Result<Value> unpickler_memo_copy(Unpickler* u) {
  Dict* d = dict_new();
  if (u->memo)
    for (size_t i = 0; i < u->memo->size(); i++)
      if ((*u->memo)[i]) TRY(dict_set(d, Value::small(int64_t(i)), (*u->memo)[i]));
  if (u->memo_big)
    for (auto& [k, v] : *u->memo_big) TRY(dict_set(d, int_from_u64(k), v));
  return Value(d);
}

GILPY_NATIVE_MODULE("_pickle", init);

}  // namespace gilpy::pickle
