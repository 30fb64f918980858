// Weak references (implemented in modules/_weakref.cpp).
//
// A weak reference stores its referent disguised (GC_HIDE_POINTER) and
// registers a Boehm disappearing link on it, so the referent is collected
// once nothing else holds it and the link reads as null afterwards.
//
// Callbacks: the collector only clears links; it runs no code. After each
// collection (detected through GC_get_gc_no()) the next weakref operation
// (creating, calling or counting weak references) or an explicit call to
// weakref_run_pending() scans the registry, queues the callbacks of refs whose
// referent is gone, and runs them there, with the GIL held and never inside
// the collector. gc.collect() should call weakref_run_pending() after
// collecting so that `del x; gc.collect()` runs callbacks promptly.
#pragma once

#include "runtime/value.h"

namespace gilpy {

struct Type;

// Run the callbacks of weak references cleared since the last check. Safe to
// call at any safe point; callbacks that raise are reported like CPython's
// "Exception ignored in" and cleared.
void weakref_run_pending();

// Native types that must refuse weak references ("cannot create weak
// reference to 'X' object"), like their CPython counterparts. Types created
// with native_type_new accept weak references unless listed here.
void weakref_deny_type(Type* t);
// Whether instances of the native (non-heap) type t accept weak references
// by themselves (CPython: a nonzero tp_weaklistoffset); a class statement
// adds a __weakref__ descriptor only over a base without them.
bool weakref_native_type(Type* t);

// weakref.ref(obj, callback) for native code (callback null: none; the basic
// ref is shared). Raises TypeError for objects that refuse weak references.
Result<Value> weakref_new(Value obj, Value callback);
// The referent of a weakref.ref made by weakref_new, or null once it is dead.
Value weakref_referent(Value ref);
// obj.__weakref__: the oldest live weak reference to obj, or None (CPython's
// head of tp_weaklist).
Value weakref_first(Value obj);

}  // namespace gilpy
