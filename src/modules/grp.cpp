// grp: the group database (getgrgid, getgrnam, getgrall) as grp.struct_group records.
// Lookups use the reentrant libc calls so a lookup never sees another thread's static buffer;
// the scratch buffer grows on ERANGE because groups with many members have no size bound.
#include <grp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

static Type* g_struct_group;

static Result<Value> group_record(const struct group& g) {
  List* mem = list_new();
  for (char** m = g.gr_mem; m && *m; m++) TRY(list_append(mem, str_value(*m)));
  // CPython reports the all-ones id as -1 (it is (gid_t)-1, "no group").
  Value gid = g.gr_gid == gid_t(-1) ? Value::small(-1) : int_from_i64(int64_t(g.gr_gid));
  Value v[4] = {str_value(g.gr_name ? g.gr_name : ""), str_value(g.gr_passwd ? g.gr_passwd : ""), gid, Value(mem)};
  return structseq_from(g_struct_group, v, 4);
}

// Runs a *_r lookup with a buffer that doubles until it fits; *found is null when there is no
// such entry.
template <typename F>
static int lookup_r(F f, struct group* gr, struct group** found, std::string* buf) {
  long hint = ::sysconf(_SC_GETGR_R_SIZE_MAX);
  buf->resize(hint > 0 ? size_t(hint) : 1024);
  for (;;) {
    int r;
    do r = f(gr, buf->data(), buf->size(), found);
    while (r == EINTR);
    if (r != ERANGE) return r;
    if (buf->size() > (size_t(1) << 26)) return r;  // give up rather than eat memory forever
    buf->resize(buf->size() * 2);
  }
}

static Result<Value> grp_getgrgid(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getgrgid", kw));
  TRY(check_nargs("getgrgid", n, 1, 1));
  if (!is_int(a[0]) && !(a[0].is_obj() && type_lookup(a[0].type(), N.__index__)))
    return raise_fmt(tp_TypeError, "gid should be integer, not %s", type_name(a[0]));
  Value iv = TRY(index_value(a[0]));
  int64_t g;
  // CPython 3.11 reports every out-of-range gid (either side) with this one message.
  if (!int_fits_i64(iv, &g) || g < -1 || g > int64_t(uint32_t(-1)))
    return raise(tp_OverflowError, "gid is less than minimum");
  gid_t gid = g == -1 ? gid_t(-1) : gid_t(g);
  struct group gr, *found = nullptr;
  std::string buf;
  int r = lookup_r([gid](struct group* p, char* b, size_t sz, struct group** out) {
    return ::getgrgid_r(gid, p, b, sz, out);
  }, &gr, &found, &buf);
  if (r == ENOMEM) return raise_memory_error();
  if (!found) {
    Str* s = TRY(str(iv));
    return raise_fmt(tp_KeyError, "getgrgid(): gid not found: %s", std::string(s->view()).c_str());
  }
  return group_record(gr);
}

static Result<Value> grp_getgrnam(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getgrnam", kw));
  TRY(check_nargs("getgrnam", n, 1, 1));
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "getgrnam() argument 'name' must be str, not %s", type_name(a[0]));
  std::string name(as_str(a[0])->view());
  if (name.find('\0') != std::string::npos) return raise(tp_ValueError, "embedded null byte");
  struct group gr, *found = nullptr;
  std::string buf;
  int r = lookup_r([&name](struct group* p, char* b, size_t sz, struct group** out) {
    return ::getgrnam_r(name.c_str(), p, b, sz, out);
  }, &gr, &found, &buf);
  if (r == ENOMEM) return raise_memory_error();
  if (!found) {
    Str* rep = TRY(str_repr(as_str(a[0])));
    return raise_fmt(tp_KeyError, "getgrnam(): name not found: %s", std::string(rep->view()).c_str());
  }
  return group_record(gr);
}

static Result<Value> grp_getgrall(Value*, int64_t n, Tuple* kw) {
  TRY(no_kwargs("getgrall", kw));
  TRY(check_nargs("getgrall", n, 0, 0));
  List* out = list_new();
  // Enumeration has no portable reentrant form; the GIL serialises gilpy's callers.
  ::setgrent();
  while (struct group* g = ::getgrent()) {
    Result<Value> rec = group_record(*g);
    if (rec.is_err() || list_append(out, rec.value()).is_err()) { ::endgrent(); return Err{}; }
  }
  ::endgrent();
  return Value(out);
}

static const MethodDef grp_functions[] = {
    {"getgrgid", grp_getgrgid}, {"getgrnam", grp_getgrnam}, {"getgrall", grp_getgrall}, {nullptr, nullptr}};

static Result<Value> grp_init() {
  Module* m = native_module_new("grp", grp_functions);
  g_struct_group = structseq_new_type("grp", "struct_group", {"gr_name", "gr_passwd", "gr_gid", "gr_mem"});
  dict_set_str(m->dict, str_intern("struct_group"), Value(g_struct_group));
  return Value(m);
}
GILPY_NATIVE_MODULE("grp", grp_init);

}  // namespace gilpy
