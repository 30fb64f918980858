// itertools' object layouts, shared by itertools.cpp (construction and iteration) and
// itertools_pickle.cpp (__reduce__, __setstate__, __copy__: CPython 3.11's pickling protocol).
#pragma once
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/type.h"
#include "runtime/object.h"

namespace gilpy {
namespace itertools_impl {

extern Type* tp_count;
extern Type* tp_cycle;
extern Type* tp_repeat;
extern Type* tp_accumulate;
extern Type* tp_chain;
extern Type* tp_compress;
extern Type* tp_dropwhile;
extern Type* tp_takewhile;
extern Type* tp_filterfalse;
extern Type* tp_groupby;
extern Type* tp_grouper;
extern Type* tp_islice;
extern Type* tp_pairwise;
extern Type* tp_starmap;
extern Type* tp_tee;
extern Type* tp_teedata;
extern Type* tp_zip_longest;
extern Type* tp_product;
extern Type* tp_permutations;
extern Type* tp_combinations;
extern Type* tp_cwr;

struct ItBase : Object {
  Dict* dict;
};
struct Count : ItBase {
  bool cpy_fast;  // CPython's fast mode (int start, step 1): pickles as (count, (n,)) below sys.maxsize
  bool fast;
  int64_t cur, istep;
  Value value, step;  // generic mode
};
struct Cycle : ItBase {
  Value it;     // null once the source is exhausted
  List* saved;
  int64_t index;
  bool firstpass;  // `saved` is complete: do not append (set once the source ends, or by __setstate__)
};
struct Repeat : ItBase {
  Value elem;
  int64_t cnt;  // -1: forever
};
struct Accumulate : ItBase {
  Value it;     // kept after exhaustion (CPython asks it again)
  Value func;   // null: addition
  Value total;  // null before the first item
  Value initial;  // produced first, then cleared
};
struct Chain : ItBase {
  Value source;  // iterator over the iterables; null when exhausted
  Value active;  // current iterator or null
};
struct Compress : ItBase {
  Value data, selectors;
};
struct PredIter : ItBase {
  Value func;
  Value it;
  bool flag;  // dropwhile: done dropping; takewhile: stopped
};
struct GroupBy : ItBase {
  Value it, keyfunc;
  Value tgtkey, currkey, currvalue;
  Value currgrouper;
};
struct Grouper : ItBase {
  Value parent;
  Value tgtkey;
};
struct ISlice : ItBase {
  Value it;  // null when exhausted
  int64_t next, stop, step, cnt;  // stop -1: unbounded
};
struct Pairwise : ItBase {
  Value it;   // null when exhausted
  Value old;  // previous item, null before the first
};
struct Starmap : ItBase {
  Value func, it;
};
static constexpr int kTeeCells = 57;
struct TeeData : Object {
  Value it;
  int numread;
  bool running;  // reading the source right now (re-entrancy guard)
  TeeData* next;
  Value values[kTeeCells];
};
struct Tee : ItBase {
  TeeData* data;
  int index;
};
struct ZipLongest : ItBase {
  Tuple* its;    // entries become null as sources finish, but for the last one (as in CPython)
  int64_t active;
  Value fill;
  bool done;
};
struct Product : ItBase {
  Tuple* pools;      // repeat already applied
  int64_t* indices;  // one per pool (atomic memory)
  bool started, stopped;  // started: a result was produced (CPython's result != NULL)
};
struct Combin : ItBase {
  Tuple* pool;
  int64_t r;
  int64_t* indices;  // r entries (permutations: n entries)
  int64_t* cycles;   // permutations only: r entries
  bool started, stopped;  // started: a result was produced (CPython's result != NULL)
};

// Adds the pickling methods to the types above (itertools_pickle.cpp).
void add_pickle_methods();

}  // namespace itertools_impl
using namespace itertools_impl;
}  // namespace gilpy
