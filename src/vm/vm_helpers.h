// Out-of-line pieces of the eval loop: the slower halves of opcodes, kept out
// of eval.cpp so the loop stays readable and its hot paths small.
#pragma once
#include "runtime/object.h"

namespace gilpy {

struct Frame;
struct Code;
struct Str;
struct List;
struct Dict;

Result<Value> load_name(Frame* f, Str* name);
Status delete_name(Frame* f, Str* name);
Str* deref_name(Code* co, int i);
void unbound_deref(Code* co, int i);
// True (and *meth set) when `name` on obj is a plain method found on the type,
// so the call can pass obj as self without creating a bound method.
bool method_lookup(Value obj, Str* name, Value* meth);
bool small_int_binop(int64_t a, int64_t b, int op, Value* out);
Result<Value> build_string(Value* items, int n);
Status list_extend_for_display(List* l, Value iterable);
Status dict_update_for_display(Dict* d, Value mapping);
Status dict_merge_kwargs(Dict* d, Value mapping, Value callable);
Status unpack_sequence(Value seq, int n, Value* out);
Status unpack_ex(Value seq, int before, int after, Value* out);
Result<Value> call_function_ex(Value callable, Value self_or_null, Value args, Value kwargs);
// raise / raise exc / raise exc from cause. Always leaves an exception pending.
Status do_raise(Value exc, Value cause, bool* reraise);
void chain_context(Value exc, Value context);
Result<bool> exception_matches(Value exc, Value type);
// CHECK_EG_MATCH (except* T): the part of exc matching T (a naked exception
// wrapped in ExceptionGroup("", [exc])) and the rest; match null: no match.
Status exception_group_match(Value exc, Value type, Value* match, Value* rest);
Value exc_traceback_or_none(Value exc);
Status before_with(Value mgr, Value* exit, Value* enter_result);
Status before_async_with(Value mgr, Value* exit, Value* enter_awaitable);
Result<Value> format_value(Value v, int conversion, Value spec);
Result<Value> send_to(Value receiver, Value v, bool* done);
Result<Value> get_yield_from_iter(Value v, uint32_t code_flags);
Result<Value> get_awaitable(Value v, int where);
Result<Value> get_aiter(Value v);
Result<Value> get_anext(Value v);
Value async_gen_wrap(Value v);
Status setup_annotations(Frame* f);
Status print_expr(Value v);

}  // namespace gilpy
