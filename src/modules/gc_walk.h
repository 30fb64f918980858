// The heap walks behind gc.get_objects(), gc.get_referrers() and
// gc.get_referents() (docs/decisions/0016-gc-introspection.md).
#pragma once
#include <vector>

#include "runtime/value.h"

namespace gilpy {
struct List;
}

namespace gilpy::gcwalk {

// Every live tracked Python object (gc.is_tracked's rule), after a full
// collection, as a new list.
List* all_objects();
// A collection that frees what only dead value-stack slots and dead native
// stack words still name (modules/gc.cpp): gc.collect() and the walks run it,
// so that they agree on what is alive.
void precise_collect();
// The Python objects that hold any of `targets` directly: an attribute, an
// item, a local variable, a cell, ... (owners reported for their storage
// buffers), as a new list. Runs a full collection first.
List* referrers(const Value* targets, int64_t n);
// What `o` refers to directly, as CPython's tp_traverse would report it.
void referents(Value o, std::vector<Value>& out);
// Whether `o` is tracked in CPython's sense (can hold references).
bool is_tracked(Value o);
// A value about to be handed to Python code: frames among them must not be
// recycled when their call returns.
void expose(Value v);

}  // namespace gilpy::gcwalk
