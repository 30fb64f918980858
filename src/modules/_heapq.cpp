// _heapq: the heap-queue accelerators behind heapq.py (heappush, heappop,
// heapify, heapreplace, heappushpop and the _max variants heapq.merge and
// nlargest use). The heap is an exact-or-subclass list; comparisons use `<`.
//
// Items are swapped in place rather than held out of the list, so the list
// always holds every item even if a comparison raises; after each comparison
// (which can run Python code) the size is re-checked and the items pointer
// re-read, raising "list changed size during iteration" as CPython does.
#include "bytecode/opcodes.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

using namespace bytecode;

static Result<bool> less(Value a, Value b, bool max) {
  return max ? richcompare_bool(b, a, CMP_LT) : richcompare_bool(a, b, CMP_LT);
}

static Status siftdown(List* heap, int64_t startpos, int64_t pos, bool max) {
  int64_t size = heap->size;
  if (pos >= size) return raise(tp_IndexError, "list index out of range");
  while (pos > startpos) {
    int64_t parentpos = (pos - 1) >> 1;
    Value newitem = heap->items[pos], parent = heap->items[parentpos];
    bool lt = TRY(less(newitem, parent, max));
    if (size != heap->size) return raise(tp_RuntimeError, "list changed size during iteration");
    if (!lt) break;
    std::swap(heap->items[parentpos], heap->items[pos]);
    pos = parentpos;
  }
  return OK();
}

static Status siftup(List* heap, int64_t pos, bool max) {
  int64_t endpos = heap->size, startpos = pos;
  if (pos >= endpos) return raise(tp_IndexError, "list index out of range");
  int64_t limit = endpos / 2;  // smallest position without children
  while (pos < limit) {
    int64_t childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      bool lt = TRY(less(heap->items[childpos], heap->items[childpos + 1], max));
      if (endpos != heap->size) return raise(tp_RuntimeError, "list changed size during iteration");
      if (!lt) childpos++;
    }
    std::swap(heap->items[childpos], heap->items[pos]);
    pos = childpos;
  }
  return siftdown(heap, startpos, pos, max);
}

static Result<List*> heap_arg(const char* fname, Value v, bool numbered) {
  if (!is_list(v)) {
    if (numbered) return raise_fmt(tp_TypeError, "%s() argument 1 must be list, not %s", fname, type_name(v));
    return raise_fmt(tp_TypeError, "%s() argument must be list, not %s", fname, type_name(v));
  }
  return as_list(v);
}

static Result<Value> hq_heappush(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("heappush", kw));
  TRY(check_nargs("heappush", n, 2, 2));
  List* heap = TRY(heap_arg("heappush", a[0], true));
  TRY(list_append(heap, a[1]));
  TRY(siftdown(heap, 0, heap->size - 1, false));
  return None();
}
static Result<Value> pop_common(const char* fname, Value* a, int64_t n, Tuple* kw, bool max) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, n, 1, 1));
  List* heap = TRY(heap_arg(fname, a[0], false));
  if (heap->size == 0) return raise(tp_IndexError, "index out of range");
  Value last = TRY(list_pop(heap, heap->size - 1));
  if (heap->size == 0) return last;
  Value ret = heap->items[0];
  heap->items[0] = last;
  TRY(siftup(heap, 0, max));
  return ret;
}
static Result<Value> hq_heappop(Value* a, int64_t n, Tuple* kw) { return pop_common("heappop", a, n, kw, false); }
static Result<Value> hq_heappop_max(Value* a, int64_t n, Tuple* kw) { return pop_common("_heappop_max", a, n, kw, true); }

static Result<Value> replace_common(const char* fname, Value* a, int64_t n, Tuple* kw, bool max) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, n, 2, 2));
  List* heap = TRY(heap_arg(fname, a[0], true));
  if (heap->size == 0) return raise(tp_IndexError, "index out of range");
  Value ret = heap->items[0];
  heap->items[0] = a[1];
  TRY(siftup(heap, 0, max));
  return ret;
}
static Result<Value> hq_heapreplace(Value* a, int64_t n, Tuple* kw) { return replace_common("heapreplace", a, n, kw, false); }
static Result<Value> hq_heapreplace_max(Value* a, int64_t n, Tuple* kw) {
  return replace_common("_heapreplace_max", a, n, kw, true);
}

static Result<Value> hq_heappushpop(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("heappushpop", kw));
  TRY(check_nargs("heappushpop", n, 2, 2));
  List* heap = TRY(heap_arg("heappushpop", a[0], true));
  if (heap->size == 0) return a[1];
  Value top = heap->items[0];
  bool lt = TRY(richcompare_bool(top, a[1], CMP_LT));
  if (!lt) return a[1];
  if (heap->size == 0) return raise(tp_IndexError, "index out of range");
  Value ret = heap->items[0];
  heap->items[0] = a[1];
  TRY(siftup(heap, 0, false));
  return ret;
}

static Result<Value> heapify_common(const char* fname, Value* a, int64_t n, Tuple* kw, bool max) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, n, 1, 1));
  List* heap = TRY(heap_arg(fname, a[0], false));
  for (int64_t i = heap->size / 2 - 1; i >= 0; i--) TRY(siftup(heap, i, max));
  return None();
}
static Result<Value> hq_heapify(Value* a, int64_t n, Tuple* kw) { return heapify_common("heapify", a, n, kw, false); }
static Result<Value> hq_heapify_max(Value* a, int64_t n, Tuple* kw) { return heapify_common("_heapify_max", a, n, kw, true); }

static const MethodDef functions[] = {{"heappush", hq_heappush},
                                      {"heappop", hq_heappop},
                                      {"heapify", hq_heapify},
                                      {"heapreplace", hq_heapreplace},
                                      {"heappushpop", hq_heappushpop},
                                      {"_heappop_max", hq_heappop_max},
                                      {"_heapify_max", hq_heapify_max},
                                      {"_heapreplace_max", hq_heapreplace_max},
                                      {nullptr, nullptr}};

static Result<Value> init() {
  Module* m = native_module_new("_heapq", functions, "Heap queue algorithm (a.k.a. priority queue).");
  return Value(m);
}
GILPY_NATIVE_MODULE("_heapq", init);

}  // namespace gilpy
