// re.Match: the result of a successful match. Holds the subject (and its prepared buffer, so
// groups are sliced without re-decoding), the group spans, and the search bounds.
#include <string>

#include "modules/_sre_internal.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {
Result<Value> generic_alias_new(Value origin, Value args);
}

namespace gilpy::sre {

Type* tp_Match;

static Match* M(Value v) { return v.as<Match>(); }

Match* match_new(Pattern* p, const Text& text, int64_t pos, int64_t endpos, const SearchState& st) {
  Match* m = static_cast<Match*>(alloc_instance(tp_Match, sizeof(Match)));
  m->pattern = p;
  m->text = text;
  m->pos = pos;
  m->endpos = endpos;
  m->lastindex = st.lastindex;
  m->ngroups = p->groups + 1;
  m->marks = st.marks;  // the caller hands over a fresh array per match
  return m;
}

Value match_group_value(Match* m, int64_t g, Value dflt) {
  int64_t a = m->marks[2 * g], b = m->marks[2 * g + 1];
  if (a < 0) return dflt;
  return text_slice(m->text, a, b);
}

// A group given by number or name -> its index; IndexError "no such group" otherwise.
static Result<int64_t> group_index(Match* m, Value g) {
  int64_t i = -1;
  bool indexable = is_int(g);
  if (!indexable && !is_str(g)) {
    indexable = bool(lookup_special(g, N.__index__));
    if (exc_pending()) return ERR;
  }
  if (indexable) {
    Value iv = TRY(index_value(g));
    if (!int_fits_i64(iv, &i)) i = -1;  // CPython clamps huge values: out of range either way
  } else if (Value gi = m->pattern->groupindex) {
    Value v;
    TRY(dict_get2(as_dict(gi), g, &v));
    if (!v || !is_int(v) || !int_fits_i64(v, &i)) i = -1;
  }
  if (i < 0 || i >= m->ngroups) return raise(tp_IndexError, "no such group");
  return i;
}

static Result<Value> group_value(Match* m, Value g, Value dflt) {
  int64_t i = TRY(group_index(m, g));
  return match_group_value(m, i, dflt);
}

static Result<Value> match_group(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Match.group", kw));
  Match* m = M(a[0]);
  if (n == 1) return match_group_value(m, 0, None());
  if (n == 2) return group_value(m, a[1], None());
  Tuple* t = tuple_new(n - 1);
  for (int64_t i = 1; i < n; i++) t->items[i - 1] = TRY(group_value(m, a[i], None()));
  return Value(t);
}
static Result<Value> match_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__getitem__", n - 1, 1, 1));
  return group_value(M(a[0]), a[1], None());
}

static Result<Value> match_groups(Value* a, int64_t n, Tuple* kw) {
  Value o[1];
  TRY(clinic_args("groups", a + 1, n - 1, kw, {"default"}, 0, o));
  Value dflt = o[0] ? o[0] : None();
  Match* m = M(a[0]);
  Tuple* t = tuple_new(m->ngroups - 1);
  for (int64_t g = 1; g < m->ngroups; g++) t->items[g - 1] = match_group_value(m, g, dflt);
  return Value(t);
}

static Result<Value> match_groupdict(Value* a, int64_t n, Tuple* kw) {
  Value o[1];
  TRY(clinic_args("groupdict", a + 1, n - 1, kw, {"default"}, 0, o));
  Value dflt = o[0] ? o[0] : None();
  Match* m = M(a[0]);
  Dict* out = dict_new();
  Value gi = m->pattern->groupindex;
  if (!gi) return Value(out);
  int64_t pos = 0;
  Value k, v;
  while (dict_next(as_dict(gi), &pos, &k, &v)) {
    Value val = TRY(group_value(m, k, dflt));
    TRY(dict_set(out, k, val));
  }
  return Value(out);
}

static Result<int64_t> opt_group(const char* fname, Value* a, int64_t n, Tuple* kw) {
  std::string qual = std::string("Match.") + fname;
  TRY(no_kwargs(qual.c_str(), kw));
  TRY(check_nargs(fname, n - 1, 0, 1));
  if (n == 1) return int64_t(0);
  return group_index(M(a[0]), a[1]);
}
static Result<Value> match_start(Value* a, int64_t n, Tuple* kw) {
  Match* m = M(a[0]);
  int64_t g = TRY(opt_group("start", a, n, kw));
  return int_from_i64(m->marks[2 * g]);
}
static Result<Value> match_end(Value* a, int64_t n, Tuple* kw) {
  Match* m = M(a[0]);
  int64_t g = TRY(opt_group("end", a, n, kw));
  return int_from_i64(m->marks[2 * g + 1]);
}
static Value span_tuple(Match* m, int64_t g) {
  return Value(tuple_of({int_from_i64(m->marks[2 * g]), int_from_i64(m->marks[2 * g + 1])}));
}
static Result<Value> match_span(Value* a, int64_t n, Tuple* kw) {
  Match* m = M(a[0]);
  int64_t g = TRY(opt_group("span", a, n, kw));
  return span_tuple(m, g);
}

static Result<Value> match_expand(Value* a, int64_t n, Tuple* kw) {
  Value o[1];
  TRY(clinic_args("expand", a + 1, n - 1, kw, {"template"}, 1, o));
  Value fn = TRY(re_module_attr("_expand"));
  Value args[3] = {Value(M(a[0])->pattern), a[0], o[0]};
  return call(fn, args, 3);
}

// <re.Match object; span=(b, e), match=<repr of group 0, at most 50 characters>>
static Result<Value> match_repr(Value* a, int64_t, Tuple*) {
  Match* m = M(a[0]);
  Value g0 = match_group_value(m, 0, None());
  Str* r = TRY(repr(g0));
  std::string text = "<re.Match object; span=(" + std::to_string(m->marks[0]) + ", " + std::to_string(m->marks[1]) +
                     "), match=";
  if (r->length > 50)
    text.append(r->data, size_t(str_offset(r, 50)));
  else
    text.append(r->view());
  text += '>';
  return Value(str_new(text));
}

static Result<Value> copy_self(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Match.__copy__", kw));
  TRY(check_nargs("Match.__copy__", n - 1, 0, 0));
  return a[0];
}
static Result<Value> deepcopy_self(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("Match.__deepcopy__", kw));
  TRY(check_nargs("Match.__deepcopy__", n - 1, 1, 1));
  return a[0];
}
static Result<Value> class_getitem(Value* a, int64_t n, Tuple*) {
  TRY(check_nargs("__class_getitem__", n - 1, 1, 1));
  return generic_alias_new(a[0], a[1]);
}
static Result<Value> match_new_m(Value*, int64_t, Tuple*) {
  return raise(tp_TypeError, "cannot create 're.Match' instances");
}

static Result<Value> get_string(Value self) { return M(self)->text.obj; }
static Result<Value> get_re(Value self) { return Value(M(self)->pattern); }
static Result<Value> get_pos(Value self) { return int_from_i64(M(self)->pos); }
static Result<Value> get_endpos(Value self) { return int_from_i64(M(self)->endpos); }
static Result<Value> get_lastindex(Value self) {
  Match* m = M(self);
  return m->lastindex >= 0 ? int_from_i64(m->lastindex) : None();
}
static Result<Value> get_lastgroup(Value self) {
  Match* m = M(self);
  Value ig = m->pattern->indexgroup;
  if (m->lastindex >= 0 && ig && is_tuple(ig) && m->lastindex < as_tuple(ig)->size) return as_tuple(ig)->items[m->lastindex];
  return None();
}
static Result<Value> get_regs(Value self) {
  Match* m = M(self);
  Tuple* t = tuple_new(m->ngroups);
  for (int64_t g = 0; g < m->ngroups; g++) t->items[g] = span_tuple(m, g);
  return Value(t);
}

static const MethodDef match_methods[] = {
    {"__new__", match_new_m, MethKind::Static},
    {"group", match_group, MethKind::Method, "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match."},
    {"start", match_start, MethKind::Method, "Return index of the start of the substring matched by group."},
    {"end", match_end, MethKind::Method, "Return index of the end of the substring matched by group."},
    {"span", match_span, MethKind::Method, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", match_groups, MethKind::Method, "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"groupdict", match_groupdict, MethKind::Method, "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"expand", match_expand, MethKind::Method, "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__getitem__", match_getitem},
    {"__repr__", match_repr},
    {"__copy__", copy_self},
    {"__deepcopy__", deepcopy_self},
    {"__class_getitem__", class_getitem, MethKind::Class},
    {nullptr, nullptr}};
static const GetSetDef match_getsets[] = {
    {"string", get_string, nullptr, "The string passed to match() or search()."},
    {"re", get_re, nullptr, "The regular expression object."},
    {"pos", get_pos, nullptr, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", get_endpos, nullptr, "The index into the string beyond which the RE engine will not go."},
    {"lastindex", get_lastindex, nullptr, "The integer index of the last matched capturing group."},
    {"lastgroup", get_lastgroup, nullptr, "The name of the last matched capturing group."},
    {"regs", get_regs},
    {nullptr, nullptr}};

void init_match_type() {
  tp_Match = native_type_new("re", "Match", tp_object, Layout::Other, sizeof(Match), match_methods, match_getsets, 0);
}

}  // namespace gilpy::sre
