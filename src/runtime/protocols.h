// The abstract object protocols: what the VM and native code call to operate
// on arbitrary Values (attribute access, calls, operators, iteration, ...).
// Each follows CPython 3.11's lookup rules and error messages.
#pragma once
#include <string>

#include "objects/str.h"
#include "runtime/object.h"

namespace gilpy {

struct Tuple;
struct Dict;
struct List;

// ---- attributes ------------------------------------------------------------
Result<Value> getattr(Value o, Str* name);
// *out is null when the attribute does not exist (AttributeError swallowed).
Status getattr_opt(Value o, Str* name, Value* out);
Status setattr(Value o, Str* name, Value v);
Status delattr(Value o, Str* name);
Result<Value> getattr_str(Value o, const char* name);
// object.__getattribute__ / __setattr__ semantics (no overrides consulted).
Result<Value> generic_getattr(Value o, Str* name, bool suppress);
Status generic_setattr(Value o, Str* name, Value v);  // v null: delete
// The MRO lookup, cached per (type version, name). Null when absent.
Value type_lookup(Type* t, Str* name);
// Look up a special method on the type and bind it (descriptor __get__).
// Returns null without error when absent.
// generic_getattr(suppress=true) reports a missing attribute as ERR with no
// exception pending (callers test exc_pending()).
Value lookup_special(Value o, Str* name);  // null if absent, or if its __get__ raised (left pending: check exc_pending())
// The same, but an exception from the descriptor's __get__ propagates (CPython's
// _PyObject_LookupSpecial); *out is null when absent.
Status lookup_special_r(Value o, Str* name, Value* out);
Dict** instance_dict_ptr(Value o);  // null when the object has no __dict__
// The attribute `name` in o's own __dict__ (or its values), or null; never
// raises and never makes the dict (objects/instance_values.h).
Value instance_attr_lookup(Value o, Str* name);
// Call comparison dunder m (found on self's type) with other; an error while
// binding m counts as NotImplemented, as in CPython's comparison slot.
Result<Value> call_cmp_dunder(Value m, Value self, Value other);
Result<Value> descr_get(Value descr, Value obj, Value type);  // null obj: class access
bool has_descr_get(Value d);             // its type defines __get__ (the builtin descriptors do)
bool is_data_descriptor_value(Value d);  // its type defines __set__ or __delete__

// ---- calls ------------------------------------------------------------------
Result<Value> call(Value callable, Value* args, int64_t nargs, Tuple* kwnames = nullptr);
Result<Value> call0(Value callable);
Result<Value> call1(Value callable, Value a);
Result<Value> call2(Value callable, Value a, Value b);
Result<Value> call3(Value callable, Value a, Value b, Value c);
Result<Value> call_method(Value o, Str* name, Value* args, int64_t nargs);
Result<Value> call_method0(Value o, Str* name);
Result<Value> call_method1(Value o, Str* name, Value a);
// callable(*args_tuple, **kwargs_dict); kwargs may be null.
Result<Value> call_ex(Value callable, Tuple* args, Dict* kwargs);
bool is_callable(Value v);

// ---- conversions and comparisons ---------------------------------------------
Result<Str*> repr(Value v);
Result<Str*> str(Value v);
Result<Str*> ascii(Value v);
Result<Value> format(Value v, Str* spec);
Result<int64_t> hash(Value v);
Result<bool> truthy(Value v);
Result<Value> richcompare(Value a, Value b, int op);  // op: bytecode::CmpOp
Result<bool> richcompare_bool(Value a, Value b, int op);
Result<bool> eq(Value a, Value b);  // identity implies equality, like CPython containers

// ---- operators ------------------------------------------------------------------
Result<Value> binary_op(Value a, Value b, int op);  // op: bytecode::BinOp (incl. in-place)
Result<Value> unary_neg(Value v);
Result<Value> unary_pos(Value v);
Result<Value> unary_invert(Value v);
Result<Value> abs_value(Value v);

// ---- containers ------------------------------------------------------------------
Result<Value> getitem(Value o, Value key);
Status setitem(Value o, Value key, Value v);
Status delitem(Value o, Value key);
Result<bool> contains(Value container, Value item);
Result<int64_t> len(Value o);
Result<int64_t> length_hint(Value o, int64_t dflt);

// ---- iteration ---------------------------------------------------------------------
Result<Value> get_iter(Value o);
// Next item in *out; *out null (and no exception) when exhausted.
Status iter_next(Value it, Value* out);
// Collect an iterable into a fresh vector-backed list / tuple.
Result<List*> to_list(Value iterable);
Result<Tuple*> to_tuple(Value iterable);
// Pickling of the builtin iterators, shaped like CPython's *iter_reduce:
// (callable, (seq,), index) for an iterator at `index` of `seq`; (iter, (rest,))
// with `rest` a list of what a copy of the iterator `it` (an object of `size`
// bytes) still yields (dict and set iterators); (iter, (empty,)) once exhausted.
Result<Value> iter_reduce_at(Value callable, Value seq, int64_t index);
Result<Value> iter_reduce_rest(Value it, size_t size);
Result<Value> iter_reduce_exhausted(Value empty);
// An iterator __setstate__'s index argument clamped to [lo, hi] (hi < lo: lo).
Result<int64_t> iter_state_index(Value state, int64_t lo, int64_t hi);
// builtins.iter, as the builtins module holds it.
Value builtin_iter();

// ---- misc ----------------------------------------------------------------------------
Result<bool> isinstance_check(Value obj, Value cls);   // isinstance() incl. tuples, __instancecheck__
Result<bool> issubclass_check(Value derived, Value cls);

}  // namespace gilpy
