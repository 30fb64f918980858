// Native argument parsing; see args.h.
#include "runtime/args.h"

#include <cstring>

#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

int64_t nkw(Tuple* kwnames) { return kwnames ? kwnames->size : 0; }

Status parse_args(const char* fname, Value* args, int64_t nargs, Tuple* kwnames,
                  std::initializer_list<const char*> names, int required, Value* out, int posonly,
                  int kwonly) {
  int n = int(names.size());
  int maxpos = kwonly < 0 ? n : kwonly;
  for (int i = 0; i < n; i++) out[i] = Value();
  if (nargs > maxpos) {
    if (maxpos == 0)
      return raise_fmt(tp_TypeError, "%s() takes no positional arguments", fname);
    return raise_fmt(tp_TypeError, "%s() takes at most %d argument%s (%lld given)", fname, maxpos,
                     maxpos == 1 ? "" : "s", (long long)nargs);
  }
  for (int64_t i = 0; i < nargs; i++) out[i] = args[i];
  int64_t nk = kwnames ? kwnames->size : 0;
  for (int64_t k = 0; k < nk; k++) {
    Str* kn = as_str(kwnames->items[k]);
    int idx = 0;
    bool found = false;
    for (const char* nm : names) {
      if (idx >= posonly && std::strcmp(nm, kn->data) == 0) { found = true; break; }
      idx++;
    }
    if (!found)
      return raise_fmt(tp_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn->data);
    if (out[idx])
      return raise_fmt(tp_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                       fname, kn->data, idx + 1);
    out[idx] = args[nargs + k];
  }
  int idx = 0;
  for (const char* nm : names) {
    if (idx < required && !out[idx]) {
      if (idx < posonly || (nargs == 0 && nk == 0 && required == 1 && idx == 0 && posonly > 0))
        return raise_fmt(tp_TypeError, "%s() takes at least %d positional argument%s (%lld given)",
                         fname, required, required == 1 ? "" : "s", (long long)nargs);
      return raise_fmt(tp_TypeError, "%s() missing required argument '%s' (pos %d)", fname, nm, idx + 1);
    }
    idx++;
  }
  return OK();
}

Result<int> as_c_int(Value v) {
  Value iv = TRY(index_value(v));
  int64_t x;
  if (!int_fits_i64(iv, &x) || x < INT32_MIN || x > INT32_MAX)
    return raise(tp_OverflowError, "Python int too large to convert to C int");
  return int(x);
}

Status no_kwargs(const char* fname, Tuple* kwnames) {
  if (kwnames && kwnames->size) return raise_fmt(tp_TypeError, "%s() takes no keyword arguments", fname);
  return OK();
}

Status check_nargs(const char* fname, int64_t nargs, int64_t min, int64_t max) {
  if (nargs >= min && nargs <= max) return OK();
  if (min == max) {
    if (min == 0) return raise_fmt(tp_TypeError, "%s() takes no arguments (%lld given)", fname, (long long)nargs);
    if (min == 1) return raise_fmt(tp_TypeError, "%s() takes exactly one argument (%lld given)", fname, (long long)nargs);
    return raise_fmt(tp_TypeError, "%s expected %lld arguments, got %lld", fname, (long long)min, (long long)nargs);
  }
  if (nargs < min)
    return raise_fmt(tp_TypeError, "%s expected at least %lld argument%s, got %lld", fname, (long long)min,
                     min == 1 ? "" : "s", (long long)nargs);
  return raise_fmt(tp_TypeError, "%s expected at most %lld argument%s, got %lld", fname, (long long)max,
                   max == 1 ? "" : "s", (long long)nargs);
}

}  // namespace gilpy
