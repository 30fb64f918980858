// Cell objects (types.CellType): the boxes closures share a variable through.
// A cell's `ref` is null while it is empty (an unbound variable); reading
// cell_contents then raises ValueError("Cell is empty"). Cells compare by
// contents, an empty cell sorting before any full one; they are unhashable.
#include <cstdio>
#include <string>

#include "objects/function.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

Cell* cell_new(Value v) {
  Cell* c = static_cast<Cell*>(alloc_instance(tp_cell, sizeof(Cell)));
  c->ref = v;
  return c;
}

static Cell* CL(Value v) { return v.as<Cell>(); }

static Result<Value> cell_new_m(Value* a, int64_t n, Tuple* kw) {
  if (kw && kw->size) return raise(tp_TypeError, "cell() takes no keyword arguments");
  if (n - 1 > 1) return raise_fmt(tp_TypeError, "cell expected at most 1 argument, got %lld", (long long)(n - 1));
  return Value(cell_new(n > 1 ? a[1] : Value()));
}

static Result<Value> cell_contents(Value s) {
  Value v = CL(s)->ref;
  if (!v) return raise(tp_ValueError, "Cell is empty");
  return v;
}
static Status cell_contents_set(Value s, Value v) {  // v null: empty the cell
  CL(s)->ref = v;
  return OK();
}

static Result<Value> cell_repr(Value* a, int64_t, Tuple*) {
  char buf[96];
  Value v = CL(a[0])->ref;
  if (!v) {
    std::snprintf(buf, sizeof buf, "<cell at %#llx: empty>", (unsigned long long)a[0].bits());
    return Value(str_new(buf));
  }
  std::snprintf(buf, sizeof buf, "<cell at %#llx: ", (unsigned long long)a[0].bits());
  std::string s = buf;
  s += std::string(type_name(v)).substr(0, 80);
  std::snprintf(buf, sizeof buf, " object at %#llx>", (unsigned long long)v.bits());
  return Value(str_new(s + buf));
}

// CPython's cell_richcompare: contents when both are full, else by emptiness.
static Result<Value> cell_compare(Value* a, int op) {
  if (a[1].type() != tp_cell) return Value(g_NotImplemented);
  Value x = CL(a[0])->ref, y = CL(a[1])->ref;
  if (x && y) return richcompare(x, y, op);
  int l = x ? 1 : 0, r = y ? 1 : 0;
  bool res = false;
  switch (op) {
    case 0: res = l < r; break;
    case 1: res = l <= r; break;
    case 2: res = l == r; break;
    case 3: res = l != r; break;
    case 4: res = l > r; break;
    default: res = l >= r; break;
  }
  return Bool(res);
}
static Result<Value> cell_lt(Value* a, int64_t, Tuple*) { return cell_compare(a, 0); }
static Result<Value> cell_le(Value* a, int64_t, Tuple*) { return cell_compare(a, 1); }
static Result<Value> cell_eq(Value* a, int64_t, Tuple*) { return cell_compare(a, 2); }
static Result<Value> cell_ne(Value* a, int64_t, Tuple*) { return cell_compare(a, 3); }
static Result<Value> cell_gt(Value* a, int64_t, Tuple*) { return cell_compare(a, 4); }
static Result<Value> cell_ge(Value* a, int64_t, Tuple*) { return cell_compare(a, 5); }

static const GetSetDef cell_getsets[] = {{"cell_contents", cell_contents, cell_contents_set}, {nullptr, nullptr}};
static const MethodDef cell_methods[] = {
    {"__new__", cell_new_m, MethKind::Static}, {"__repr__", cell_repr}, {"__lt__", cell_lt}, {"__le__", cell_le},
    {"__eq__", cell_eq}, {"__ne__", cell_ne}, {"__gt__", cell_gt}, {"__ge__", cell_ge}, {nullptr, nullptr}};

void init_cell_type() {
  type_add_getsets(tp_cell, cell_getsets);
  type_add_methods(tp_cell, cell_methods);
  type_set_attr_const(tp_cell, "__hash__", None());
  type_set_attr_const(tp_cell, "__doc__",
                      Value(str_new("Create a new cell object.\n\n  contents\n    the contents of the cell. If not "
                                    "specified, the cell will be empty,\n    and \n further attempts to access its "
                                    "cell_contents attribute will\n    raise a ValueError.")));
}

}  // namespace gilpy
