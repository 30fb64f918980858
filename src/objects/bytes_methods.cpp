// The text-like methods shared by bytes and bytearray (find, split, strip,
// case mapping, predicates, padding, hex...). Each native works on either
// type: it reads self through self_view() and builds results of self's kind
// with make_like(), so bytearray methods return bytearray as in CPython.
// Character classes are ASCII-only, as CPython's bytes methods are.
#include <algorithm>
#include <cstring>
#include <vector>

#include "objects/bytes.h"
#include "objects/bytes_impl.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::bytesimpl {

namespace {

using text::is_ascii_space;

inline bool is_lower_c(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper_c(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_alpha_c(unsigned char c) { return is_lower_c(c) || is_upper_c(c); }
inline bool is_digit_c(unsigned char c) { return c >= '0' && c <= '9'; }
inline char to_upper_c(unsigned char c) { return is_lower_c(c) ? char(c - 32) : char(c); }
inline char to_lower_c(unsigned char c) { return is_upper_c(c) ? char(c + 32) : char(c); }

// "find() takes at least 1 argument (0 given)" style arity checks of CPython's
// PyArg_ParseTuple-based methods (nargs excludes self).
Status arity(const char* fname, int64_t nargs, int64_t min, int64_t max) {
  if (nargs < min)
    return raise_fmt(tp_TypeError, "%s() takes %s %lld argument%s (%lld given)", fname,
                     min == max ? "exactly" : "at least", (long long)min, min == 1 ? "" : "s", (long long)nargs);
  if (nargs > max)
    return raise_fmt(tp_TypeError, "%s() takes %s %lld argument%s (%lld given)", fname,
                     min == max ? "exactly" : "at most", (long long)max, max == 1 ? "" : "s", (long long)nargs);
  return OK();
}

Value list_of_views(Value self, const std::vector<std::string_view>& parts) {
  List* l = list_new(int64_t(parts.size()));
  for (size_t i = 0; i < parts.size(); i++) l->items[i] = make_like(self, parts[i]);
  l->size = int64_t(parts.size());
  return Value(l);
}

// ---- find family -----------------------------------------------------------------------------------
enum FindKind { kFind, kRFind, kIndex, kRIndex, kCount };

Result<Value> find_impl(const char* fname, Value* args, int64_t nargs, Tuple* kw, FindKind kind) {
  TRY(no_kwargs(fname, kw));
  TRY(arity(fname, nargs - 1, 1, 3));
  std::string holder;
  std::string_view sub;
  TRY(sub_arg(args[1], &holder, &sub));
  std::string_view d = self_view(args[0]);
  int64_t start, end;
  TRY(text::start_end(nargs > 2 ? args[2] : Value(), nargs > 3 ? args[3] : Value(), int64_t(d.size()), &start, &end));
  if (kind == kCount) {
    if (start > int64_t(d.size())) return Value::small(0);
    return Value::small(text::count(d, sub, start, end, INT64_MAX));
  }
  int64_t r = -1;
  if (start <= int64_t(d.size()))
    r = (kind == kFind || kind == kIndex) ? text::find(d, sub, start, end) : text::rfind(d, sub, start, end);
  if (r < 0 && (kind == kIndex || kind == kRIndex)) return raise(tp_ValueError, "subsection not found");
  return Value::small(r);
}

Result<Value> b_find(Value* a, int64_t n, Tuple* k) { return find_impl("find", a, n, k, kFind); }
Result<Value> b_rfind(Value* a, int64_t n, Tuple* k) { return find_impl("rfind", a, n, k, kRFind); }
Result<Value> b_index(Value* a, int64_t n, Tuple* k) { return find_impl("index", a, n, k, kIndex); }
Result<Value> b_rindex(Value* a, int64_t n, Tuple* k) { return find_impl("rindex", a, n, k, kRIndex); }
Result<Value> b_count(Value* a, int64_t n, Tuple* k) { return find_impl("count", a, n, k, kCount); }

Result<Value> startsend(const char* fname, Value* args, int64_t nargs, Tuple* kw, bool ends) {
  TRY(no_kwargs(fname, kw));
  TRY(arity(fname, nargs - 1, 1, 3));
  std::string_view d = self_view(args[0]);
  int64_t start, end;
  TRY(text::start_end(nargs > 2 ? args[2] : Value(), nargs > 3 ? args[3] : Value(), int64_t(d.size()), &start, &end));
  auto test = [&](std::string_view p) {
    if (start > int64_t(d.size())) return false;
    if (end - start < int64_t(p.size())) return false;
    if (ends) return std::memcmp(d.data() + end - p.size(), p.data(), p.size()) == 0;
    return std::memcmp(d.data() + start, p.data(), p.size()) == 0;
  };
  Value x = args[1];
  if (is_tuple(x)) {
    Tuple* t = as_tuple(x);
    for (int64_t i = 0; i < t->size; i++) {
      std::string_view p = TRY(buffer_view(t->items[i]));
      if (test(p)) return True();
    }
    return False();
  }
  std::string_view p;
  if (!buffer_view_opt(x, &p))
    return raise_fmt(tp_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", fname, type_name(x));
  return Bool(test(p));
}
Result<Value> b_startswith(Value* a, int64_t n, Tuple* k) { return startsend("startswith", a, n, k, false); }
Result<Value> b_endswith(Value* a, int64_t n, Tuple* k) { return startsend("endswith", a, n, k, true); }

// ---- split family ------------------------------------------------------------------------------------
Result<Value> split_impl(const char* fname, Value* args, int64_t nargs, Tuple* kw, bool right) {
  Value a[2];
  TRY(parse_args(fname, args + 1, nargs - 1, kw, {"sep", "maxsplit"}, 0, a));
  int64_t maxsplit = -1;
  if (a[1]) maxsplit = TRY(text::ssize_arg(a[1]));
  std::string_view d = self_view(args[0]);
  std::vector<std::string_view> parts;
  if (!a[0] || is_none(a[0])) {
    if (right) text::rsplit_ascii_ws(d, maxsplit, parts);
    else text::split_ascii_ws(d, maxsplit, parts);
  } else {
    std::string_view sep = TRY(buffer_view(a[0]));
    if (sep.empty()) return raise(tp_ValueError, "empty separator");
    if (right) text::rsplit_sep(d, sep, maxsplit, parts);
    else text::split_sep(d, sep, maxsplit, parts);
  }
  return list_of_views(args[0], parts);
}
Result<Value> b_split(Value* a, int64_t n, Tuple* k) { return split_impl("split", a, n, k, false); }
Result<Value> b_rsplit(Value* a, int64_t n, Tuple* k) { return split_impl("rsplit", a, n, k, true); }

Result<Value> b_splitlines(Value* args, int64_t nargs, Tuple* kw) {
  Value a[1];
  TRY(parse_args("splitlines", args + 1, nargs - 1, kw, {"keepends"}, 0, a));
  bool keep = false;
  if (a[0]) keep = TRY(truthy(a[0]));
  std::string_view d = self_view(args[0]);
  std::vector<std::string_view> parts;
  size_t i = 0, n = d.size();
  while (i < n) {
    size_t j = i;
    while (j < n && d[j] != '\n' && d[j] != '\r') j++;
    size_t eol = j;
    if (j < n) {
      if (d[j] == '\r' && j + 1 < n && d[j + 1] == '\n') j += 2;
      else j++;
    }
    parts.push_back(d.substr(i, (keep ? j : eol) - i));
    i = j;
  }
  return list_of_views(args[0], parts);
}

Result<Value> partition_impl(const char* fname, Value* args, int64_t nargs, Tuple* kw, bool right) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, nargs - 1, 1, 1));
  std::string_view sep = TRY(buffer_view(args[1]));
  if (sep.empty()) return raise(tp_ValueError, "empty separator");
  Value self = args[0];
  std::string_view d = self_view(self);
  int64_t j = right ? text::rfind(d, sep, 0, int64_t(d.size())) : text::find(d, sep, 0, int64_t(d.size()));
  if (j < 0) {
    Value empty = make_like(self, {});
    if (right) return Value(tuple_of({empty, make_like(self, {}), same_or_copy(self)}));
    return Value(tuple_of({same_or_copy(self), empty, make_like(self, {})}));
  }
  // The separator object itself is returned when it is an exact bytes (as CPython does).
  Value sepv = (is_bytes(self) && args[1].type() == tp_bytes) ? args[1] : make_like(self, sep);
  return Value(tuple_of({make_like(self, d.substr(0, size_t(j))), sepv, make_like(self, d.substr(size_t(j) + sep.size()))}));
}
Result<Value> b_partition(Value* a, int64_t n, Tuple* k) { return partition_impl("partition", a, n, k, false); }
Result<Value> b_rpartition(Value* a, int64_t n, Tuple* k) { return partition_impl("rpartition", a, n, k, true); }

Result<Value> b_join(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("join", kw));
  TRY(check_nargs("join", nargs - 1, 1, 1));
  Value self = args[0];
  std::string_view sep = self_view(self);
  Value seq = args[1];
  List* items;
  if (seq.type() == tp_list) items = as_list(seq);
  else items = TRY(to_list(seq));
  std::string out;
  for (int64_t i = 0; i < items->size; i++) {
    std::string_view p;
    if (!buffer_view_opt(items->items[i], &p))
      return raise_fmt(tp_TypeError, "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                       type_name(items->items[i]));
    if (i) out.append(sep);
    out.append(p);
  }
  return make_like(self, out);
}

Result<Value> b_replace(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("replace", kw));
  TRY(check_nargs("replace", nargs - 1, 2, 3));
  std::string_view old = TRY(buffer_view(args[1]));
  std::string_view rep = TRY(buffer_view(args[2]));
  int64_t count = -1;
  if (nargs > 3) count = TRY(text::ssize_arg(args[3]));
  Value self = args[0];
  std::string_view d = self_view(self);
  if (old.empty()) {
    // Insert rep before every byte and at the end, up to count times.
    std::string out;
    int64_t limit = count < 0 ? INT64_MAX : count;
    int64_t k = 0;
    for (size_t i = 0; i <= d.size(); i++) {
      if (k < limit) { out.append(rep); k++; }
      if (i < d.size()) out += d[i];
    }
    return make_like(self, out);
  }
  int64_t nrep;
  std::string out = text::replace(d, old, rep, count, &nrep);
  if (nrep == 0) return same_or_copy(self);
  return make_like(self, out);
}

// ---- stripping -------------------------------------------------------------------------------------
Result<Value> strip_impl(const char* fname, Value* args, int64_t nargs, Tuple* kw, int where) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, nargs - 1, 0, 1));
  Value self = args[0];
  std::string_view d = self_view(self);
  std::string_view chars;
  bool ws = nargs < 2 || is_none(args[1]);
  if (!ws) chars = TRY(buffer_view(args[1]));
  auto strip_it = [&](unsigned char c) {
    return ws ? is_ascii_space(c) : std::memchr(chars.data(), c, chars.size()) != nullptr;
  };
  size_t i = 0, j = d.size();
  if (where & 1) while (i < j && strip_it(static_cast<unsigned char>(d[i]))) i++;
  if (where & 2) while (j > i && strip_it(static_cast<unsigned char>(d[j - 1]))) j--;
  if (i == 0 && j == d.size()) return same_or_copy(self);
  return make_like(self, d.substr(i, j - i));
}
Result<Value> b_strip(Value* a, int64_t n, Tuple* k) { return strip_impl("strip", a, n, k, 3); }
Result<Value> b_lstrip(Value* a, int64_t n, Tuple* k) { return strip_impl("lstrip", a, n, k, 1); }
Result<Value> b_rstrip(Value* a, int64_t n, Tuple* k) { return strip_impl("rstrip", a, n, k, 2); }

Result<Value> b_removeprefix(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("removeprefix", kw));
  TRY(check_nargs("removeprefix", nargs - 1, 1, 1));
  std::string_view p = TRY(buffer_view(args[1]));
  std::string_view d = self_view(args[0]);
  if (!p.empty() && d.substr(0, p.size()) == p) return make_like(args[0], d.substr(p.size()));
  return same_or_copy(args[0]);
}

Result<Value> b_removesuffix(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("removesuffix", kw));
  TRY(check_nargs("removesuffix", nargs - 1, 1, 1));
  std::string_view p = TRY(buffer_view(args[1]));
  std::string_view d = self_view(args[0]);
  if (!p.empty() && d.size() >= p.size() && d.substr(d.size() - p.size()) == p)
    return make_like(args[0], d.substr(0, d.size() - p.size()));
  return same_or_copy(args[0]);
}

// ---- case mapping ------------------------------------------------------------------------------------
template <class F>
Result<Value> map_bytes(Value* args, int64_t nargs, const char* fname, F f) {
  TRY(check_nargs(fname, nargs - 1, 0, 0));
  std::string out(self_view(args[0]));
  f(out);
  return make_like(args[0], out);
}

Result<Value> b_upper(Value* a, int64_t n, Tuple*) {
  return map_bytes(a, n, "upper", [](std::string& s) { for (char& c : s) c = to_upper_c(static_cast<unsigned char>(c)); });
}
Result<Value> b_lower(Value* a, int64_t n, Tuple*) {
  return map_bytes(a, n, "lower", [](std::string& s) { for (char& c : s) c = to_lower_c(static_cast<unsigned char>(c)); });
}
Result<Value> b_swapcase(Value* a, int64_t n, Tuple*) {
  return map_bytes(a, n, "swapcase", [](std::string& s) {
    for (char& c : s) {
      unsigned char u = static_cast<unsigned char>(c);
      c = is_upper_c(u) ? to_lower_c(u) : to_upper_c(u);
    }
  });
}
Result<Value> b_capitalize(Value* a, int64_t n, Tuple*) {
  return map_bytes(a, n, "capitalize", [](std::string& s) {
    for (size_t i = 0; i < s.size(); i++)
      s[i] = i == 0 ? to_upper_c(static_cast<unsigned char>(s[i])) : to_lower_c(static_cast<unsigned char>(s[i]));
  });
}
Result<Value> b_title(Value* a, int64_t n, Tuple*) {
  return map_bytes(a, n, "title", [](std::string& s) {
    bool prev_cased = false;
    for (char& c : s) {
      unsigned char u = static_cast<unsigned char>(c);
      if (is_alpha_c(u)) {
        c = prev_cased ? to_lower_c(u) : to_upper_c(u);
        prev_cased = true;
      } else {
        prev_cased = false;
      }
    }
  });
}

// ---- predicates ---------------------------------------------------------------------------------------
template <class F>
Result<Value> all_bytes(Value* args, int64_t nargs, const char* fname, F f) {
  TRY(check_nargs(fname, nargs - 1, 0, 0));
  std::string_view d = self_view(args[0]);
  if (d.empty()) return False();
  for (char c : d)
    if (!f(static_cast<unsigned char>(c))) return False();
  return True();
}
Result<Value> b_isalnum(Value* a, int64_t n, Tuple*) {
  return all_bytes(a, n, "isalnum", [](unsigned char c) { return is_alpha_c(c) || is_digit_c(c); });
}
Result<Value> b_isalpha(Value* a, int64_t n, Tuple*) { return all_bytes(a, n, "isalpha", is_alpha_c); }
Result<Value> b_isdigit(Value* a, int64_t n, Tuple*) { return all_bytes(a, n, "isdigit", is_digit_c); }
Result<Value> b_isspace(Value* a, int64_t n, Tuple*) { return all_bytes(a, n, "isspace", is_ascii_space); }
Result<Value> b_isascii(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("isascii", nargs - 1, 0, 0));
  for (char c : self_view(args[0]))
    if (static_cast<unsigned char>(c) >= 0x80) return False();
  return True();
}
Result<Value> cased_pred(Value* args, int64_t nargs, const char* fname, bool upper) {
  TRY(check_nargs(fname, nargs - 1, 0, 0));
  bool cased = false;
  for (char ch : self_view(args[0])) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (upper ? is_lower_c(c) : is_upper_c(c)) return False();
    if (upper ? is_upper_c(c) : is_lower_c(c)) cased = true;
  }
  return Bool(cased);
}
Result<Value> b_isupper(Value* a, int64_t n, Tuple*) { return cased_pred(a, n, "isupper", true); }
Result<Value> b_islower(Value* a, int64_t n, Tuple*) { return cased_pred(a, n, "islower", false); }
Result<Value> b_istitle(Value* args, int64_t nargs, Tuple*) {
  TRY(check_nargs("istitle", nargs - 1, 0, 0));
  bool cased = false, prev_cased = false;
  for (char ch : self_view(args[0])) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (is_upper_c(c)) {
      if (prev_cased) return False();
      prev_cased = cased = true;
    } else if (is_lower_c(c)) {
      if (!prev_cased) return False();
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return Bool(cased);
}

// ---- padding -------------------------------------------------------------------------------------------
Result<Value> pad_impl(const char* fname, Value* args, int64_t nargs, Tuple* kw, int how) {
  TRY(no_kwargs(fname, kw));
  TRY(check_nargs(fname, nargs - 1, 1, 2));
  int64_t width = TRY(text::ssize_arg(args[1]));
  char fill = ' ';
  if (nargs > 2) fill = TRY(fill_arg(fname, args[2]));
  Value self = args[0];
  std::string_view d = self_view(self);
  int64_t n = int64_t(d.size());
  if (width <= n) return same_or_copy(self);
  if (width > (int64_t(1) << 40)) return raise_memory_error();
  int64_t total = width - n, left;
  if (how == 0) left = 0;                                   // ljust
  else if (how == 1) left = total;                          // rjust
  else left = total / 2 + (total & width & 1);              // center, CPython's rounding
  std::string out;
  out.reserve(size_t(width));
  out.append(size_t(left), fill);
  out.append(d);
  out.append(size_t(total - left), fill);
  return make_like(self, out);
}
Result<Value> b_ljust(Value* a, int64_t n, Tuple* k) { return pad_impl("ljust", a, n, k, 0); }
Result<Value> b_rjust(Value* a, int64_t n, Tuple* k) { return pad_impl("rjust", a, n, k, 1); }
Result<Value> b_center(Value* a, int64_t n, Tuple* k) { return pad_impl("center", a, n, k, 2); }

Result<Value> b_zfill(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("zfill", kw));
  TRY(check_nargs("zfill", nargs - 1, 1, 1));
  int64_t width = TRY(text::ssize_arg(args[1]));
  Value self = args[0];
  std::string_view d = self_view(self);
  int64_t n = int64_t(d.size());
  if (width <= n) return same_or_copy(self);
  if (width > (int64_t(1) << 40)) return raise_memory_error();
  std::string out(size_t(width - n), '0');
  out.append(d);
  // A leading sign moves to the front of the zeros.
  size_t fill = size_t(width - n);
  if (n > 0 && (out[fill] == '+' || out[fill] == '-')) {
    out[0] = out[fill];
    out[fill] = '0';
  }
  return make_like(self, out);
}

Result<Value> b_expandtabs(Value* args, int64_t nargs, Tuple* kw) {
  Value a[1];
  TRY(parse_args("expandtabs", args + 1, nargs - 1, kw, {"tabsize"}, 0, a));
  int64_t tab = 8;
  if (a[0]) tab = TRY(text::ssize_arg(a[0]));
  std::string out;
  int64_t col = 0;
  for (char c : self_view(args[0])) {
    if (c == '\t') {
      if (tab > 0) {
        int64_t spaces = tab - col % tab;
        out.append(size_t(spaces), ' ');
        col += spaces;
      }
    } else {
      out += c;
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return make_like(args[0], out);
}

// ---- translate / maketrans ---------------------------------------------------------------------------------
Result<Value> b_translate(Value* args, int64_t nargs, Tuple* kw) {
  Value a[2];
  TRY(parse_args("translate", args + 1, nargs - 1, kw, {"table", "delete"}, 1, a, 1));
  std::string_view table;
  bool have_table = !is_none(a[0]);
  if (have_table) {
    table = TRY(buffer_view(a[0]));
    if (table.size() != 256) return raise(tp_ValueError, "translation table must be 256 characters long");
  }
  std::string_view del;
  if (a[1]) del = TRY(buffer_view(a[1]));
  bool drop[256] = {};
  for (char c : del) drop[static_cast<unsigned char>(c)] = true;
  std::string out;
  std::string_view d = self_view(args[0]);
  out.reserve(d.size());
  for (char c : d) {
    unsigned char u = static_cast<unsigned char>(c);
    if (drop[u]) continue;
    out += have_table ? table[u] : c;
  }
  return make_like(args[0], out);
}

Result<Value> b_maketrans(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("maketrans", kw));
  TRY(check_nargs("maketrans", nargs, 2, 2));
  std::string_view from = TRY(buffer_view(args[0]));
  std::string_view to = TRY(buffer_view(args[1]));
  if (from.size() != to.size()) return raise(tp_ValueError, "maketrans arguments must have same length");
  std::string t(256, '\0');
  for (int i = 0; i < 256; i++) t[size_t(i)] = char(i);
  for (size_t i = 0; i < from.size(); i++) t[static_cast<unsigned char>(from[i])] = to[i];
  return bytes_from(t);
}

// ---- decode, hex, fromhex --------------------------------------------------------------------------------
Result<Value> b_decode(Value* args, int64_t nargs, Tuple* kw) {
  Value a[2];
  TRY(parse_args("decode", args + 1, nargs - 1, kw, {"encoding", "errors"}, 0, a));
  std::string_view enc = "utf-8", err = "strict";
  if (a[0]) {
    if (!is_str(a[0])) return raise_fmt(tp_TypeError, "decode() argument 'encoding' must be str, not %s", text::clinic_type_name(a[0]));
    enc = as_str(a[0])->view();
  }
  if (a[1]) {
    if (!is_str(a[1])) return raise_fmt(tp_TypeError, "decode() argument 'errors' must be str, not %s", text::clinic_type_name(a[1]));
    err = as_str(a[1])->view();
  }
  return codec_decode(self_view(args[0]), enc, err, is_bytes(args[0]) ? args[0] : Value());
}

Result<Value> b_hex(Value* args, int64_t nargs, Tuple* kw) {
  Value a[2];
  TRY(parse_args("hex", args + 1, nargs - 1, kw, {"sep", "bytes_per_sep"}, 0, a));
  std::string_view d = self_view(args[0]);
  char sep = 0;
  bool has_sep = false;  // ('\0' is a valid separator)
  if (a[0]) {
    std::string_view sv;
    if (is_str(a[0])) {
      sv = as_str(a[0])->view();
      if (as_str(a[0])->length != 1) return raise(tp_ValueError, "sep must be length 1.");
    } else if (!buffer_view_opt(a[0], &sv)) {
      Result<int64_t> l = len(a[0]);
      if (l.is_err()) return ERR;
      return raise(tp_TypeError, "sep must be str or bytes.");
    } else if (sv.size() != 1) {
      return raise(tp_ValueError, "sep must be length 1.");
    }
    if (static_cast<unsigned char>(sv[0]) >= 0x80) return raise(tp_ValueError, "sep must be ASCII.");
    sep = sv[0];
    has_sep = true;
  }
  int64_t per = 1;
  if (a[1]) per = TRY(text::ssize_arg(a[1]));
  static const char hexd[] = "0123456789abcdef";
  std::string out;
  out.reserve(d.size() * 3);
  int64_t n = int64_t(d.size());
  int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < n; i++) {
    if (has_sep && group > 0 && i > 0) {
      // Positive bytes_per_sep counts groups from the right, negative from the left.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(d[size_t(i)]);
    out += hexd[c >> 4];
    out += hexd[c & 15];
  }
  return Value(str_new_ascii(out));
}

int hexval(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<Value> b_fromhex(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("fromhex", kw));
  TRY(check_nargs("fromhex", nargs - 1, 1, 1));
  Type* cls = as_type(args[0]);
  if (!is_str(args[1])) return raise_fmt(tp_TypeError, "fromhex() argument must be str, not %s", type_name(args[1]));
  Str* s = as_str(args[1]);
  std::string_view t = s->view();
  std::string out;
  size_t i = 0, n = t.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (text::is_ascii_space(c)) { i++; continue; }
    int hi = hexval(c);
    int lo = i + 1 < n ? hexval(static_cast<unsigned char>(t[i + 1])) : -1;
    if (hi < 0 || lo < 0) {
      size_t bad = hi < 0 ? i : i + 1;
      return raise_fmt(tp_ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                       (long long)text::count_cps(t.data(), int64_t(bad)));
    }
    out += char(hi * 16 + lo);
    i += 2;
  }
  if (is_subtype(cls, tp_bytearray)) {
    Value r = Value(bytearray_new(out));
    if (cls == tp_bytearray) return r;
    return call1(Value(cls), r);
  }
  Value r = bytes_from(out);
  if (cls == tp_bytes) return r;
  return call1(Value(cls), r);
}

const MethodDef shared_methods[] = {
    {"decode", b_decode},
    {"fromhex", b_fromhex, MethKind::Class},
    {"maketrans", b_maketrans, MethKind::Static},
    {"count", b_count},
    {"find", b_find},
    {"rfind", b_rfind},
    {"index", b_index},
    {"rindex", b_rindex},
    {"startswith", b_startswith},
    {"endswith", b_endswith},
    {"join", b_join, MethKind::O},
    {"split", b_split},
    {"rsplit", b_rsplit},
    {"splitlines", b_splitlines},
    {"partition", b_partition, MethKind::O},
    {"rpartition", b_rpartition, MethKind::O},
    {"replace", b_replace},
    {"strip", b_strip},
    {"lstrip", b_lstrip},
    {"rstrip", b_rstrip},
    {"removeprefix", b_removeprefix, MethKind::O},
    {"removesuffix", b_removesuffix, MethKind::O},
    {"upper", b_upper, MethKind::NoArgs},
    {"lower", b_lower, MethKind::NoArgs},
    {"swapcase", b_swapcase, MethKind::NoArgs},
    {"capitalize", b_capitalize, MethKind::NoArgs},
    {"title", b_title, MethKind::NoArgs},
    {"isalnum", b_isalnum, MethKind::NoArgs},
    {"isalpha", b_isalpha, MethKind::NoArgs},
    {"isdigit", b_isdigit, MethKind::NoArgs},
    {"isspace", b_isspace, MethKind::NoArgs},
    {"isascii", b_isascii, MethKind::NoArgs},
    {"isupper", b_isupper, MethKind::NoArgs},
    {"islower", b_islower, MethKind::NoArgs},
    {"istitle", b_istitle, MethKind::NoArgs},
    {"ljust", b_ljust},
    {"rjust", b_rjust},
    {"center", b_center},
    {"zfill", b_zfill, MethKind::O},
    {"expandtabs", b_expandtabs},
    {"translate", b_translate},
    {nullptr, nullptr}};

// hex() is shared, but each type's docstring shows its own example.
const MethodDef bytes_hex[] = {
    {"hex", b_hex, MethKind::Method,
     "Return the bytes of this bytes object as a string of hexadecimal digits, two per byte.\n\n  sep\n    An optional single character or byte put between groups of hex digits.\n  bytes_per_sep\n    How many bytes go in a group.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = b'\\xb9\\x01\\xef'\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'"},
    {nullptr, nullptr}};
const MethodDef bytearray_hex[] = {
    {"hex", b_hex, MethKind::Method,
     "Return the bytes of this bytearray as a string of hexadecimal digits, two per byte.\n\n  sep\n    An optional single character or byte put between groups of hex digits.\n  bytes_per_sep\n    How many bytes go in a group.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = bytearray([0xb9, 0x01, 0xef])\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'"},
    {nullptr, nullptr}};

}  // namespace

void init_bytes_methods(Type* t, bool mutable_kind) {
  type_add_methods(t, shared_methods);
  type_add_methods(t, mutable_kind ? bytearray_hex : bytes_hex);
}

}  // namespace gilpy::bytesimpl
