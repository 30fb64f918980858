// float: a boxed IEEE double; complex: two doubles.
#pragma once
#include <gc/gc.h>

#include "runtime/object.h"
#include "runtime/thread_state.h"

namespace gilpy {

// A float is 16 bytes (one collector granule): no dict slot. Instances of
// user subclasses keep their __dict__ after the value (type_new appends it).
struct Float : Object {
  double v;
};
struct Complex : Object {
  Dict* dict;
  double re, im;
};

// The hot allocation path: a 16-byte object from the thread's free list.
Value float_new(double d);
Value complex_new(double re, double im);
// Returns an exact float that nothing references any more to the free list
// that float_new takes from (the eval loop's fresh temporaries). GIL held.
inline void float_release(Object* f) {
  GC_NEXT(f) = g_alloc_cache.free_floats;
  g_alloc_cache.free_floats = f;
}
inline bool is_float(Value v) { return has_layout(v, Layout::Float); }
inline double float_val(Value v) { return v.as<Float>()->v; }
// float(x) for numbers: int, float, __float__, __index__. TypeError otherwise.
Result<double> to_double(Value v);
int64_t float_hash(double d);
Result<Value> float_binary(double a, double b, int op);
Result<Value> float_compare(Value a, Value b, int op);  // a is a float; b any number
Result<Value> complex_binary(Value a, Value b, int op);

}  // namespace gilpy
