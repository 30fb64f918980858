// builtin_function_or_method, method_descriptor, wrapper_descriptor (slot
// wrappers), method-wrapper and classmethod_descriptor: the native callables,
// their Python-visible attributes, and the argument-count checks CPython's
// slot wrappers and METH_NOARGS / METH_O methods make.
#include "objects/function.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/import.h"
#include "runtime/protocols.h"


namespace gilpy {

Builtin* builtin_new(const char* name, NativeFn fn, Value self, const char* doc) {
  Builtin* b = static_cast<Builtin*>(alloc_instance(tp_builtin_function_or_method, sizeof(Builtin)));
  b->fn = fn;
  b->name = str_intern(name);
  b->self = self;
  b->doc = doc;
  return b;
}

// The dunders CPython implements as type slots: their descriptors are "slot
// wrappers" (wrapper_descriptor), the others plain method_descriptors. Each
// slot's wrapper (typeobject.c's wrap_*) takes a fixed number of arguments.
namespace {
enum class SlotArgs : uint8_t {
  Any,       // __init__, __call__: anything, keywords too
  Zero,      // unary, len, hash, repr, next: check_num_args(args, 0)
  One,       // binary, comparison, contains, delitem, delattr: check_num_args(args, 1)
  Two,       // setitem, setattr, __set__: PyArg_UnpackTuple(args, "", 2, 2)
  OneOrTwo,  // pow, rpow, __get__: PyArg_UnpackTuple(args, "", 1, 2)
  Repeat,    // __mul__/__rmul__/__imul__: One, or PyArg_UnpackTuple(args, "", 1, 1) for sequence repeat
  // Not slots: dunders that native types define as METH_NOARGS / METH_O methods
  // (and __getattr__, which gilpy's natives use where CPython has tp_getattro).
  NoArgs,    // METH_NOARGS
  O,         // METH_O
  OBuiltin,  // METH_O in builtin types; native modules' own (datetime's __format__...) check themselves
};
struct SlotName {
  const char* name;
  SlotArgs args;
};
using A = SlotArgs;
const SlotName kSlots[] = {  // sorted by name
    {"__abs__", A::Zero}, {"__add__", A::One}, {"__aiter__", A::Zero}, {"__alloc__", A::NoArgs},
    {"__and__", A::One}, {"__anext__", A::Zero}, {"__await__", A::Zero}, {"__bool__", A::Zero},
    {"__bytes__", A::NoArgs}, {"__call__", A::Any}, {"__ceil__", A::NoArgs}, {"__class_getitem__", A::O},
    {"__complex__", A::NoArgs}, {"__contains__", A::One}, {"__copy__", A::NoArgs}, {"__del__", A::Zero},
    {"__delattr__", A::One}, {"__delete__", A::One}, {"__delitem__", A::One}, {"__dir__", A::NoArgs},
    {"__divmod__", A::One}, {"__eq__", A::One}, {"__float__", A::Zero}, {"__floor__", A::NoArgs},
    {"__floordiv__", A::One}, {"__format__", A::OBuiltin}, {"__ge__", A::One}, {"__get__", A::OneOrTwo},
    {"__getattr__", A::O}, {"__getattribute__", A::One}, {"__getitem__", A::One}, {"__getnewargs__", A::NoArgs},
    {"__getstate__", A::NoArgs}, {"__gt__", A::One}, {"__hash__", A::Zero}, {"__iadd__", A::One},
    {"__iand__", A::One}, {"__ifloordiv__", A::One}, {"__ilshift__", A::One}, {"__imatmul__", A::One},
    {"__imod__", A::One}, {"__imul__", A::Repeat}, {"__index__", A::Zero}, {"__init__", A::Any},
    {"__init_subclass__", A::NoArgs}, {"__instancecheck__", A::O}, {"__int__", A::Zero}, {"__invert__", A::Zero},
    {"__ior__", A::One}, {"__ipow__", A::OneOrTwo}, {"__irshift__", A::One}, {"__isub__", A::One},
    {"__iter__", A::Zero}, {"__itruediv__", A::One}, {"__ixor__", A::One}, {"__le__", A::One}, {"__len__", A::Zero},
    {"__length_hint__", A::NoArgs}, {"__lshift__", A::One}, {"__lt__", A::One}, {"__matmul__", A::One},
    {"__missing__", A::O}, {"__mod__", A::One}, {"__mul__", A::Repeat}, {"__ne__", A::One}, {"__neg__", A::Zero},
    {"__next__", A::Zero}, {"__or__", A::One}, {"__pos__", A::Zero}, {"__pow__", A::OneOrTwo}, {"__radd__", A::One},
    {"__rand__", A::One}, {"__rdivmod__", A::One}, {"__reduce__", A::NoArgs}, {"__reduce_ex__", A::OBuiltin},
    {"__repr__", A::Zero}, {"__reversed__", A::NoArgs}, {"__rfloordiv__", A::One}, {"__rlshift__", A::One},
    {"__rmatmul__", A::One}, {"__rmod__", A::One}, {"__rmul__", A::Repeat}, {"__ror__", A::One},
    {"__rpow__", A::OneOrTwo}, {"__rrshift__", A::One}, {"__rshift__", A::One}, {"__rsub__", A::One},
    {"__rtruediv__", A::One}, {"__rxor__", A::One}, {"__set__", A::Two}, {"__setattr__", A::Two},
    {"__setitem__", A::Two}, {"__setstate__", A::O}, {"__sizeof__", A::NoArgs}, {"__str__", A::Zero},
    {"__sub__", A::One}, {"__subclasscheck__", A::O}, {"__subclasses__", A::NoArgs}, {"__truediv__", A::One},
    {"__trunc__", A::NoArgs}, {"__xor__", A::One}};
}  // namespace

static const SlotName* find_slot(std::string_view n) {
  if (n.size() < 5 || n[0] != '_' || n[1] != '_') return nullptr;
  const SlotName* end = std::end(kSlots);
  const SlotName* s = std::lower_bound(std::begin(kSlots), end, n,
                                       [](const SlotName& a, std::string_view b) { return a.name < b; });
  return s != end && s->name == n ? s : nullptr;
}
static bool is_slot_name(std::string_view n) {
  const SlotName* s = find_slot(n);
  return s && s->args < A::NoArgs;
}

// Sequence types whose * is CPython's sq_repeat (wrapped by wrap_indexargfunc).
static bool is_repeat_owner(Type* t) {
  if (t == tp_list || t == tp_tuple || t == tp_str || t == tp_bytes || t == tp_bytearray) return true;
  std::string_view n = t->name->view();
  return n == "deque" || n == "array";
}

// The type whose dict holds the method `b` (bound to `self`, or a descriptor).
static Type* defining_type(Builtin* b, Value self) {
  if (b->owner) return b->owner;
  Tuple* mro = (is_type(self) ? as_type(self) : self.type())->mro;
  for (int64_t i = 0; mro && i < mro->size; i++) {
    Value d = dict_get_str(as_type(mro->items[i])->dict, b->name);
    if (d && is_method_descr_type(d.type()) && d.as<Builtin>()->fn == b->fn) return as_type(mro->items[i]);
  }
  return nullptr;
}

// A METH_NOARGS / METH_O method called with the wrong count: CPython names it
// by its qualified name (the receiver's type for a bound method).
static std::string method_qualname(Builtin* b, Value self) {
  std::string q = b->name->data;
  if (b->type != tp_method_descriptor && (!self || has_layout(self, Layout::Module))) {
    // A module's function: "module.name" (Argument Clinic's naming), except
    // for builtins' own functions, which go by their bare name.
    if (b->module && is_str(b->module) && as_str(b->module)->view() != "builtins")
      q = std::string(as_str(b->module)->view()) + "." + q;
    return q;
  }
  {
    Type* t = b->type == tp_method_descriptor ? b->owner : is_type(self) ? as_type(self) : self.type();
    q = std::string(t->name->view()) + "." + q;
  }
  return q;
}
static const char* builtin_text_signature(Value s);
static Status method_kw_error(Builtin* b, Value self) {
  return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", method_qualname(b, self).c_str());
}
static Status method_count_error(Builtin* b, Value self, int64_t want, int64_t nargs) {
  std::string q = method_qualname(b, self);
  if (want == 0) return raise_fmt(tp_TypeError, "%s() takes no arguments (%lld given)", q.c_str(), (long long)nargs);
  return raise_fmt(tp_TypeError, "%s() takes exactly one argument (%lld given)", q.c_str(), (long long)nargs);
}

// A text signature whose parameters are all before its '/' (or that has
// none): the callable takes no keywords. "($self, key, default=None, /)" does
// not; "($module, /, *args, sep=' ', ...)" does.
static bool signature_positional_only(const char* sig) {
  std::string_view s(sig);
  size_t slash = s.rfind('/');
  if (slash == std::string_view::npos) {
    // No '/': only "($self)" / "($module)" / "()" take nothing at all.
    size_t open = s.find('('), close = s.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos) return false;
    std::string_view inner = s.substr(open + 1, close - open - 1);
    return inner.empty() || inner == "$self" || inner == "$module" || inner == "$type";
  }
  for (size_t i = slash + 1; i < s.size(); i++)
    if (s[i] != ' ' && s[i] != ')') return false;
  return true;
}
static bool refuses_keywords(Builtin* b) {
  if (b->kw_refused == 0) {
    const char* sig = builtin_text_signature(Value(b));
    b->kw_refused = sig && signature_positional_only(sig) ? 2 : 1;
  }
  return b->kw_refused == 2;
}

Status check_native_args(Builtin* b, Value self, int64_t nargs, Tuple* kw) {
  if (GILPY_UNLIKELY(kw && kw->size) && b->arity == Arity::Unchecked && b->type != tp_wrapper_descriptor &&
      b->type != tp_method_wrapper && refuses_keywords(b))
    return method_kw_error(b, self);
  if (b->arity != Arity::Unchecked) {
    if (kw && kw->size) return method_kw_error(b, self);
    int64_t want = b->arity == Arity::NoArgs ? 0 : 1;
    return nargs == want ? OK() : method_count_error(b, self, want, nargs);
  }
  if (b->name->data[0] != '_' || b->name->data[1] != '_' || b->name == N.__init__) return OK();
  const SlotName* s = find_slot(b->name->view());
  if (!s || s->args == A::Any) return OK();
  bool wrapper = b->type == tp_wrapper_descriptor || b->type == tp_method_wrapper;
  if (!wrapper) {
    // A method (descriptor or bound): METH_NOARGS, or METH_O (also the slot-named
    // methods CPython defines next to the slot: list.__getitem__, dict.__contains__...).
    int64_t want = s->args == A::NoArgs ? 0 : (s->args == A::O || s->args == A::OBuiltin || s->args == A::One) ? 1 : -1;
    if (want < 0 || nargs == want) return OK();
    if (self.type() == tp_range && b->name->view() == "__reduce__") return OK();  // METH_VARARGS in CPython
    if (s->args == A::OBuiltin) {
      // A native module's own method checks and words it itself (datetime's
      // "__format__() takes exactly 1 argument (0 given)").
      Type* owner = defining_type(b, self);
      Value mod = owner ? type_module(owner) : Value();
      if (!owner || (mod && is_str(mod) && as_str(mod)->view() != "builtins")) return OK();
    }
    return method_count_error(b, self, want, nargs);
  }
  if (kw && kw->size) return raise_fmt(tp_TypeError, "wrapper %s() takes no keyword arguments", b->name->data);
  int64_t min = 0, max = 0;
  bool unpack = false;  // PyArg_UnpackTuple's wording, which starts with the empty name (a space)
  switch (s->args) {
    case A::One: min = max = 1; break;
    case A::Two: min = max = 2; unpack = true; break;
    case A::OneOrTwo: min = 1; max = 2; unpack = true; break;
    case A::Repeat: min = max = 1; unpack = b->owner && is_repeat_owner(b->owner); break;
    default: break;
  }
  if (nargs >= min && nargs <= max) return OK();
  const char* bound = min == max ? "" : nargs < min ? "at least " : "at most ";
  int64_t want = nargs < min ? min : max;
  return raise_fmt(tp_TypeError, "%sexpected %s%lld argument%s, got %lld", unpack ? " " : "", bound,
                   (long long)want, want == 1 ? "" : "s", (long long)nargs);
}

Builtin* method_descr_new(Type* owner, const char* name, NativeFn fn, const char* doc) {
  Builtin* b = builtin_new(name, fn, Value(), doc);
  std::string_view n = name;
  // CPython keeps these few as method_descriptors (defined alongside the slot).
  bool coexist = ((owner == tp_list || owner == tp_dict) && n == "__getitem__") ||
                 ((owner == tp_dict || owner == tp_set || owner == tp_frozenset) && n == "__contains__");
  b->type = is_slot_name(n) && !coexist ? tp_wrapper_descriptor : tp_method_descriptor;
  b->owner = owner;
  return b;
}


// ---- builtins and method descriptors ----
static Builtin* BI(Value v) { return v.as<Builtin>(); }
static Result<Value> b_name(Value s) { return Value(BI(s)->name); }
static Result<Value> b_qualname(Value s) {
  Builtin* b = BI(s);
  if (b->owner) return Value(str_new(std::string(b->owner->name->view()) + "." + std::string(b->name->view())));
  if (b->self && !is_none(b->self) && !has_layout(b->self, Layout::Module)) {
    Type* t = is_type(b->self) ? as_type(b->self) : b->self.type();
    return Value(str_new(std::string(t->name->view()) + "." + std::string(b->name->view())));
  }
  return Value(b->name);
}
static Result<Value> b_self(Value s) {
  if (BI(s)->self) return BI(s)->self;
  // T.__new__ (a static method in T's dict) is bound to T, as CPython's tp_new wrapper.
  if (BI(s)->owner && s.type() == tp_builtin_function_or_method && BI(s)->name == N.__new__) return Value(BI(s)->owner);
  return BI(s)->module_obj ? BI(s)->module_obj : None();
}
// The docstrings CPython gives the slot wrappers of native types (help()
// and pydoc show them; `__next__.__doc__` is "Implement next(self).").
static const char* slot_doc(std::string_view n) {
  static const std::pair<const char*, const char*> docs[] = {
      {"__abs__", "abs(self)"}, {"__add__", "Return self+value."}, {"__aiter__", "Return an awaitable, that resolves in asynchronous iterator."},
      {"__and__", "Return self&value."}, {"__anext__", "Return a value or raise StopAsyncIteration."},
      {"__await__", "Return an iterator to be used in await expression."}, {"__bool__", "True if self else False"},
      {"__call__", "Call self as a function."}, {"__contains__", "Return key in self."},
      {"__del__", "Called when the instance is about to be destroyed."}, {"__delattr__", "Implement delattr(self, name)."},
      {"__delete__", "Delete an attribute of instance."}, {"__delitem__", "Delete self[key]."},
      {"__divmod__", "Return divmod(self, value)."}, {"__eq__", "Return self==value."}, {"__float__", "float(self)"},
      {"__floordiv__", "Return self//value."}, {"__ge__", "Return self>=value."},
      {"__get__", "Return an attribute of instance, which is of type owner."},
      {"__getattribute__", "Return getattr(self, name)."}, {"__getitem__", "Return self[key]."},
      {"__gt__", "Return self>value."}, {"__hash__", "Return hash(self)."}, {"__iadd__", "Return self+=value."},
      {"__iand__", "Return self&=value."}, {"__ifloordiv__", "Return self//=value."}, {"__ilshift__", "Return self<<=value."},
      {"__imatmul__", "Return self@=value."}, {"__imod__", "Return self%=value."}, {"__imul__", "Return self*=value."},
      {"__index__", "Return self converted to an integer, if self is suitable for use as an index into a list."},
      {"__init__", "Initialize self.  See help(type(self)) for accurate signature."}, {"__int__", "int(self)"},
      {"__invert__", "~self"}, {"__ior__", "Return self|=value."}, {"__ipow__", "Return self**=value."},
      {"__irshift__", "Return self>>=value."}, {"__isub__", "Return self-=value."}, {"__iter__", "Implement iter(self)."},
      {"__itruediv__", "Return self/=value."}, {"__ixor__", "Return self^=value."}, {"__le__", "Return self<=value."},
      {"__len__", "Return len(self)."}, {"__lshift__", "Return self<<value."}, {"__lt__", "Return self<value."},
      {"__matmul__", "Return self@value."}, {"__mod__", "Return self%value."}, {"__mul__", "Return self*value."},
      {"__ne__", "Return self!=value."}, {"__neg__", "-self"}, {"__next__", "Implement next(self)."},
      {"__or__", "Return self|value."}, {"__pos__", "+self"}, {"__pow__", "Return pow(self, value, mod)."},
      {"__radd__", "Return value+self."}, {"__rand__", "Return value&self."}, {"__rdivmod__", "Return divmod(value, self)."},
      {"__repr__", "Return repr(self)."}, {"__rfloordiv__", "Return value//self."}, {"__rlshift__", "Return value<<self."},
      {"__rmatmul__", "Return value@self."}, {"__rmod__", "Return value%self."}, {"__rmul__", "Return value*self."},
      {"__ror__", "Return value|self."}, {"__rpow__", "Return pow(value, self, mod)."}, {"__rrshift__", "Return value>>self."},
      {"__rshift__", "Return self>>value."}, {"__rsub__", "Return value-self."}, {"__rtruediv__", "Return value/self."},
      {"__rxor__", "Return value^self."}, {"__set__", "Set an attribute of instance to value."},
      {"__setattr__", "Implement setattr(self, name, value)."}, {"__setitem__", "Set self[key] to value."},
      {"__str__", "Return str(self)."}, {"__sub__", "Return self-value."}, {"__truediv__", "Return self/value."},
      {"__xor__", "Return self^value."}};
  for (const auto& [name, doc] : docs)
    if (n == name) return doc;
  return nullptr;
}
// ---- __text_signature__ ----
// CPython keeps a native callable's signature at the head of its docstring,
// "name(sig)\n--\n\n", and splits it off: __text_signature__ is "(sig)" (with the
// $self / $type / $module parameter and the "/" marker), __doc__ the rest (None when
// nothing is left). gilpy's MethodDef docs may be written that way; the signatures of
// the natives mirroring CPython's come from text_signatures.inc (generated from
// CPython 3.11 by tools/gen_text_signatures.py), found by the callable's qualified
// name: module.function, module.Type.method, or *.__slot__ for a slot wrapper.
bool text_signature_split(std::string_view name, const char* doc, std::string_view* sig, const char** rest) {
  if (!doc) return false;
  std::string_view d = doc;
  if (auto dot = name.rfind('.'); dot != std::string_view::npos) name = name.substr(dot + 1);
  if (d.size() <= name.size() || d.substr(0, name.size()) != name || d[name.size()] != '(') return false;
  size_t end = d.find(")\n--\n\n", name.size());
  if (end == std::string_view::npos) return false;
  *sig = d.substr(name.size(), end + 1 - name.size());
  *rest = doc + end + 6;
  return true;
}
namespace {
struct TextSig {
  const char* key;
  const char* sig;
};
const TextSig kTextSigs[] = {
#include "objects/text_signatures.inc"
};
}  // namespace
const char* text_signature_lookup(std::string_view key) {
  auto it = std::lower_bound(std::begin(kTextSigs), std::end(kTextSigs), key,
                             [](const TextSig& e, std::string_view k) { return std::string_view(e.key) < k; });
  return it != std::end(kTextSigs) && it->key == key ? it->sig : nullptr;
}
static std::string type_key(Type* t) {
  Value m = type_module(t);
  std::string mod = m && is_str(m) ? std::string(as_str(m)->view()) : "builtins";
  return mod + "." + std::string(t->qualname ? t->qualname->view() : t->name->view());
}
// The class of t's MRO whose dict holds this native (by its function), or null.
static Type* defining_class(Type* t, Builtin* b) {
  Tuple* mro = t->mro;
  for (int64_t i = 0; mro && i < mro->size; i++) {
    Type* c = as_type(mro->items[i]);
    Value d = dict_get_str(c->dict, b->name);
    if (!d) continue;
    if (d.type() == tp_staticmethod) d = reinterpret_cast<Value*>(d.as<Object>())[2];
    if (d && has_layout(d, Layout::Builtin) && d.as<Builtin>()->fn == b->fn) return c;
    if (d && has_layout(d, Layout::MethodDescr) && d.as<Builtin>()->fn == b->fn) return c;
    return nullptr;
  }
  return nullptr;
}
static const char* builtin_text_signature(Value s) {
  Builtin* b = BI(s);
  std::string_view sig;
  const char* rest;
  if (text_signature_split(b->name->view(), b->doc, &sig, &rest)) return nullptr;  // handled by the caller
  Type* owner = b->owner;
  if (!owner && b->self && !has_layout(b->self, Layout::Module)) {
    if (is_type(b->self)) owner = defining_class(as_type(b->self), b);
    if (!owner) owner = defining_class(b->self.type(), b);
    if (!owner) return nullptr;
  }
  if (owner) {
    Type* c = b->owner ? b->owner : owner;
    if (const char* r = text_signature_lookup(type_key(c) + "." + std::string(b->name->view()))) return r;
    Type* st = s.type();
    if (st == tp_wrapper_descriptor || st == tp_method_wrapper || b->name == N.__new__)
      return text_signature_lookup("*." + std::string(b->name->view()));
    return nullptr;
  }
  // A module function: keyed by the module defining it (open is _io's though its __module__ is io).
  Value mobj = b->module_obj ? b->module_obj : b->self;
  std::string mod;
  if (mobj && has_layout(mobj, Layout::Module)) {
    Value n = dict_get_str(mobj.as<Module>()->dict, N.__name__);
    if (!n || !is_str(n)) return nullptr;
    mod = as_str(n)->view();
  } else if (b->module && is_str(b->module)) {
    mod = as_str(b->module)->view();
  } else {
    return nullptr;
  }
  return text_signature_lookup(mod + "." + std::string(b->name->view()));
}
static Result<Value> b_text_signature(Value s) {
  std::string_view sig;
  const char* rest;
  if (text_signature_split(BI(s)->name->view(), BI(s)->doc, &sig, &rest)) return str_value(sig);
  const char* r = builtin_text_signature(s);
  if (!r) return None();
  std::string_view v = r;
  // A module function gilpy made without a module for its __self__ (sys.unraisablehook):
  // inspect drops "$module" only for a bound one, so it is left out here.
  if (v.substr(0, 8) == "($module" && is_none(TRY(b_self(s)))) {
    v.remove_prefix(8);
    if (v.substr(0, 2) == ", ") v.remove_prefix(2);
    return str_value("(" + std::string(v));
  }
  return str_value(v);
}
static Result<Value> b_doc(Value s) {
  std::string_view sig;
  const char* rest;
  if (text_signature_split(BI(s)->name->view(), BI(s)->doc, &sig, &rest)) return *rest ? str_value(rest) : None();
  if (BI(s)->doc) return str_value(BI(s)->doc);
  if (is_slot_name(BI(s)->name->view()))
    if (const char* d = slot_doc(BI(s)->name->view())) return str_value(d);
  return None();
}
static Result<Value> b_module(Value s) { return BI(s)->module ? BI(s)->module : None(); }
static Status b_module_set(Value s, Value v) { BI(s)->module = v; return OK(); }
static Result<Value> b_objclass(Value s) { return BI(s)->owner ? Value(BI(s)->owner) : None(); }
static Result<Value> b_repr(Value* a, int64_t, Tuple*) {
  Builtin* b = BI(a[0]);
  if (a[0].type() == tp_method_descriptor)
    return Value(str_new("<method '" + std::string(b->name->view()) + "' of '" +
                         type_tp_name(b->owner) + "' objects>"));
  if (a[0].type() == tp_wrapper_descriptor)
    return Value(str_new("<slot wrapper '" + std::string(b->name->view()) + "' of '" +
                         type_tp_name(b->owner) + "' objects>"));
  if (a[0].type() == tp_classmethod_descriptor)
    return Value(str_new("<method '" + std::string(b->name->view()) + "' of '" +
                         type_tp_name(b->owner) + "' objects>"));
  if (!b->self || has_layout(b->self, Layout::Module))
    return Value(str_new("<built-in function " + std::string(b->name->view()) + ">"));
  char buf[48];
  if (a[0].type() == tp_method_wrapper) {
    std::snprintf(buf, sizeof buf, " object at %#llx>", (unsigned long long)b->self.bits());
    return Value(str_new("<method-wrapper '" + std::string(b->name->view()) + "' of " + type_name(b->self) + buf));
  }
  std::snprintf(buf, sizeof buf, " object at %#llx>", (unsigned long long)b->self.bits());
  return Value(str_new("<built-in method " + std::string(b->name->view()) + " of " + type_name(b->self) + buf));
}
static Result<Value> descr_get_m(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__get__", n - 1, 1, 2));
  Value obj = is_none(a[1]) ? Value() : a[1];
  Value type = n > 2 && !is_none(a[2]) ? a[2] : Value();
  return descr_get(a[0], obj, type);
}
static Result<Value> b_call(Value* a, int64_t n, Tuple* kw) { return call(a[0], a + 1, n - 1, kw); }
static Result<Value> b_eq(Value* a, int64_t, Tuple*) {
  if (a[1].type() != a[0].type()) return Value(g_NotImplemented);
  return Bool(BI(a[0])->fn == BI(a[1])->fn && BI(a[0])->self == BI(a[1])->self);
}
static Result<Value> b_hash(Value* a, int64_t, Tuple*) {
  return Value::small(int64_t((reinterpret_cast<uintptr_t>(BI(a[0])->fn) >> 4) ^ (BI(a[0])->self.bits() >> 4)) &
                      Value::kSmallMax);
}
static const GetSetDef builtin_getsets[] = {
    {"__name__", b_name}, {"__qualname__", b_qualname}, {"__self__", b_self}, {"__doc__", b_doc},
    {"__module__", b_module, b_module_set}, {"__text_signature__", b_text_signature}, {nullptr, nullptr}};
static const GetSetDef descr_getsets[] = {{"__name__", b_name}, {"__qualname__", b_qualname}, {"__doc__", b_doc},
                                          {"__objclass__", b_objclass}, {"__text_signature__", b_text_signature},
                                          {nullptr, nullptr}};
static const GetSetDef method_wrapper_getsets[] = {
    {"__name__", b_name}, {"__qualname__", b_qualname}, {"__self__", b_self}, {"__doc__", b_doc},
    {"__objclass__", b_objclass}, {"__text_signature__", b_text_signature}, {nullptr, nullptr}};
// pickle saves a module-level builtin by name (the string form of __reduce__ means "a global",
// found again through __module__ and __qualname__); a bound one as getattr(self, name).
static Result<Value> b_reduce(Value* a, int64_t, Tuple*) {
  Builtin* b = BI(a[0]);
  if (!b->self || has_layout(b->self, Layout::Module)) return b_qualname(a[0]);
  Value builtins = TRY(import_module(str_intern("builtins")));
  Value ga = TRY(getattr(builtins, str_intern("getattr")));
  return Value(tuple_of({ga, Value(tuple_of({b->self, Value(b->name)}))}));
}
static const MethodDef builtin_methods[] = {{"__repr__", b_repr}, {"__call__", b_call}, {"__eq__", b_eq},
                                            {"__hash__", b_hash}, {"__reduce__", b_reduce}, {nullptr, nullptr}};
// A method descriptor pickles as getattr(its class, name), as CPython's descr_reduce.
static Result<Value> descr_reduce(Value* a, int64_t, Tuple*) {
  Builtin* b = BI(a[0]);
  Value builtins = TRY(import_module(str_intern("builtins")));
  Value ga = TRY(getattr(builtins, str_intern("getattr")));
  return Value(tuple_of({ga, Value(tuple_of({TRY(b_objclass(a[0])), Value(b->name)}))}));
}
static const MethodDef descr_methods[] = {{"__repr__", b_repr}, {"__get__", descr_get_m}, {"__call__", b_call},
                                          {"__reduce__", descr_reduce}, {nullptr, nullptr}};
// classmethod descriptors have no __reduce__ in CPython: pickling one is a TypeError.
static const MethodDef cm_descr_methods[] = {{"__repr__", b_repr}, {"__get__", descr_get_m}, {"__call__", b_call},
                                             {nullptr, nullptr}};

void init_builtin_function_types() {
  type_add_getsets(tp_builtin_function_or_method, builtin_getsets);
  type_add_methods(tp_builtin_function_or_method, builtin_methods);
  type_add_getsets(tp_method_descriptor, descr_getsets);
  type_add_methods(tp_method_descriptor, descr_methods);
  type_add_getsets(tp_wrapper_descriptor, descr_getsets);
  type_add_methods(tp_wrapper_descriptor, descr_methods);
  type_add_getsets(tp_method_wrapper, method_wrapper_getsets);
  type_add_methods(tp_method_wrapper, builtin_methods);
  type_add_getsets(tp_classmethod_descriptor, descr_getsets);
  type_add_methods(tp_classmethod_descriptor, cm_descr_methods);
}

}  // namespace gilpy
