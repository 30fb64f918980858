// types.GenericAlias (genericalias.cpp) and the parameter substitution that
// types.UnionType shares with it.
#pragma once
#include <string>

#include "runtime/object.h"

namespace gilpy {

Result<Value> generic_alias_new(Value origin, Value args);  // origin[args]
// __class_getitem__ for builtin generic types (a MethKind::Class entry).
Result<Value> generic_class_getitem(Value* a, int64_t n, Tuple* kw);
size_t generic_alias_size();
void init_generic_alias_type();
// The type variables among args (typing's __parameters__ rule).
Result<Tuple*> make_parameters(Tuple* args);
// The args of self[item], with params substituted (typing's rules, hooks included).
Result<Tuple*> subs_parameters(Value self, Tuple* args, Tuple* params, Value item);
// An argument as a generic's repr writes it (`int`, `mod.C`, `...`, a nested alias).
Result<std::string> alias_item_repr(Value v);

}  // namespace gilpy
