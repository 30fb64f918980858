// Shared str/bytes helpers; see text_util.h.
#include "objects/text_util.h"

#include <algorithm>

#include "objects/int.h"
#include "objects/slice.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy::text {

static int64_t clamp_int(Value iv) {
  if (iv.is_small()) return iv.as_small();
  int64_t x;
  if (int_fits_i64(iv, &x)) return x;
  return int_sign(iv) < 0 ? INT64_MIN : INT64_MAX;
}

Status slice_index(Value v, int64_t* out) {
  if (!v || is_none(v)) return OK();
  if (v.is_small()) { *out = v.as_small(); return OK(); }
  if (is_int(v)) { *out = clamp_int(v); return OK(); }
  if (type_lookup(v.type(), N.__index__)) {
    Value iv = TRY(index_value(v));
    *out = clamp_int(iv);
    return OK();
  }
  return raise(tp_TypeError, "slice indices must be integers or None or have an __index__ method");
}

Status slice_index_not_none(Value v, int64_t* out) {
  if (is_none(v) || (!is_int(v) && !type_lookup(v.type(), N.__index__)))
    return raise(tp_TypeError, "slice indices must be integers or have an __index__ method");
  return slice_index(v, out);
}

void adjust_indices(int64_t* start, int64_t* end, int64_t len) {
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

Status start_end(Value vstart, Value vend, int64_t len, int64_t* start, int64_t* end) {
  *start = 0;
  *end = INT64_MAX;
  TRY(slice_index(vstart, start));
  TRY(slice_index(vend, end));
  adjust_indices(start, end, len);
  return OK();
}

bool is_slice(Value v) { return v.is_obj() && v.type() == tp_slice; }

Result<int64_t> slice_resolve(Value slice, int64_t len, int64_t* start, int64_t* stop, int64_t* step) {
  return slice_indices(slice.as<Slice>(), len, start, stop, step);
}

const char* clinic_type_name(Value v) { return is_none(v) ? "None" : type_name(v); }

bool defers_to_reflected(Value other, Str* rname) {
  if (!other.is_obj()) return false;
  switch (other.type()->layout) {
    case Layout::Str: case Layout::Bytes: case Layout::ByteArray: case Layout::List: case Layout::Tuple:
      return false;
    default:
      return bool(type_lookup(other.type(), rname));
  }
}

Result<int64_t> ssize_arg(Value v) {
  if (v.is_small()) return v.as_small();
  Value iv = TRY(index_value(v));
  if (iv.is_small()) return iv.as_small();
  int64_t x;
  if (!int_fits_i64(iv, &x)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
  return x;
}

// ---- search -------------------------------------------------------------------------------------
int64_t find(std::string_view hay, std::string_view needle, int64_t start, int64_t end) {
  if (end > int64_t(hay.size())) end = int64_t(hay.size());
  if (start < 0) start = 0;
  int64_t n = int64_t(needle.size());
  if (end - start < n) return -1;
  if (n == 0) return start;
  const char* base = hay.data();
  if (n == 1) {
    const void* p = std::memchr(base + start, needle[0], size_t(end - start));
    return p ? static_cast<const char*>(p) - base : -1;
  }
  const void* p = memmem(base + start, size_t(end - start), needle.data(), size_t(n));
  return p ? static_cast<const char*>(p) - base : -1;
}

int64_t rfind(std::string_view hay, std::string_view needle, int64_t start, int64_t end) {
  if (end > int64_t(hay.size())) end = int64_t(hay.size());
  if (start < 0) start = 0;
  int64_t n = int64_t(needle.size());
  if (end - start < n) return -1;
  if (n == 0) return end;
  const char* base = hay.data();
  if (n == 1) {
    const void* p = memrchr(base + start, needle[0], size_t(end - start));
    return p ? static_cast<const char*>(p) - base : -1;
  }
  char first = needle[0];
  for (int64_t i = end - n; i >= start; i--)
    if (base[i] == first && std::memcmp(base + i, needle.data(), size_t(n)) == 0) return i;
  return -1;
}

int64_t count(std::string_view hay, std::string_view needle, int64_t start, int64_t end, int64_t maxcount) {
  if (end > int64_t(hay.size())) end = int64_t(hay.size());
  if (start < 0) start = 0;
  if (end < start) return 0;
  int64_t n = int64_t(needle.size());
  if (n == 0) return std::min(end - start + 1, maxcount);
  int64_t c = 0;
  const char* base = hay.data();
  if (n == 1) {
    for (int64_t i = start; i < end && c < maxcount; i++) c += base[i] == needle[0];
    return c;
  }
  int64_t i = start;
  while (c < maxcount) {
    int64_t j = find(hay, needle, i, end);
    if (j < 0) break;
    c++;
    i = j + n;
  }
  return c;
}

// ---- code point offsets -------------------------------------------------------------------------------
namespace {
// The last non-ASCII lookup. Only touched with the GIL held; holding the Str* keeps it alive,
// so a recycled address can never alias a different string.
struct OffsetCache {
  Str* s = nullptr;
  int64_t idx = 0;
  int64_t off = 0;
};
OffsetCache g_offset_cache;
}  // namespace

int64_t cp_offset(Str* s, int64_t i) {
  if (s->ascii) return i;
  if (i <= 0) return 0;
  if (i >= s->length) return s->nbytes;
  int64_t ci = 0, co = 0;  // walk start: the string's start...
  int64_t best = i;
  if (s->length - i < best) { ci = s->length; co = s->nbytes; best = s->length - i; }  // ...its end...
  OffsetCache& c = g_offset_cache;
  if (c.s == s && (c.idx > i ? c.idx - i : i - c.idx) < best) { ci = c.idx; co = c.off; }  // ...or the cache
  const char* p = s->data;
  while (ci < i) {
    co++;
    while (co < s->nbytes && (static_cast<unsigned char>(p[co]) & 0xC0) == 0x80) co++;
    ci++;
  }
  while (ci > i) {
    co--;
    while (co > 0 && (static_cast<unsigned char>(p[co]) & 0xC0) == 0x80) co--;
    ci--;
  }
  c.s = s;
  c.idx = i;
  c.off = co;
  return co;
}

// ---- str allocation helpers ----------------------------------------------------------------------
Str* str_new_subtype(Type* cls, Str* src) {
  if (cls == tp_str) return exact_str(src);
  // The instance dict (if the class has one) goes after the text.
  size_t size = str_alloc_size(size_t(src->nbytes));
  if (cls->dict_offset) size = str_dict_offset(src->nbytes) + sizeof(Dict*);
  Str* s = static_cast<Str*>(alloc_instance(cls, size));
  s->hash = -1;
  s->length = src->length;
  s->nbytes = src->nbytes;
  s->ascii = src->ascii;
  s->interned = false;
  std::memcpy(s->data, src->data, size_t(src->nbytes));
  s->data[src->nbytes] = 0;
  return s;
}

Str* exact_str(Str* s) {
  if (s->type == tp_str) return s;
  return s->ascii ? str_new_ascii(s->view()) : str_new(s->view());
}

}  // namespace gilpy::text

namespace gilpy::text {

void split_sep(std::string_view s, std::string_view sep, int64_t maxsplit, std::vector<std::string_view>& out) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  int64_t n = int64_t(s.size()), m = int64_t(sep.size());
  int64_t i = 0;
  while (maxsplit > 0) {
    int64_t j = find(s, sep, i, n);
    if (j < 0) break;
    out.push_back(s.substr(size_t(i), size_t(j - i)));
    i = j + m;
    maxsplit--;
  }
  out.push_back(s.substr(size_t(i)));
}

void rsplit_sep(std::string_view s, std::string_view sep, int64_t maxsplit, std::vector<std::string_view>& out) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  int64_t m = int64_t(sep.size());
  int64_t end = int64_t(s.size());
  size_t first = out.size();
  while (maxsplit > 0) {
    int64_t j = rfind(s, sep, 0, end);
    if (j < 0) break;
    out.push_back(s.substr(size_t(j + m), size_t(end - j - m)));
    end = j;
    maxsplit--;
  }
  out.push_back(s.substr(0, size_t(end)));
  std::reverse(out.begin() + long(first), out.end());
}

void split_ascii_ws(std::string_view s, int64_t maxsplit, std::vector<std::string_view>& out, bool str_ws) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  auto is_ascii_space = [str_ws](unsigned char c) { return text::is_ascii_space(c) || (str_ws && c >= 0x1C && c <= 0x1F); };
  int64_t n = int64_t(s.size());
  int64_t i = 0;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < n) {
    while (i < n && is_ascii_space(p[i])) i++;
    if (i == n) break;
    if (maxsplit == 0) {
      // The remainder, trailing whitespace included, is the last piece (as CPython).
      out.push_back(s.substr(size_t(i)));
      return;
    }
    int64_t j = i;
    while (j < n && !is_ascii_space(p[j])) j++;
    out.push_back(s.substr(size_t(i), size_t(j - i)));
    maxsplit--;
    i = j;
  }
}

void rsplit_ascii_ws(std::string_view s, int64_t maxsplit, std::vector<std::string_view>& out, bool str_ws) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  auto is_ascii_space = [str_ws](unsigned char c) { return text::is_ascii_space(c) || (str_ws && c >= 0x1C && c <= 0x1F); };
  size_t first = out.size();
  int64_t e = int64_t(s.size());
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  while (e > 0) {
    while (e > 0 && is_ascii_space(p[e - 1])) e--;
    if (e == 0) break;
    if (maxsplit == 0) {
      out.push_back(s.substr(0, size_t(e)));  // leading whitespace kept
      break;
    }
    int64_t j = e;
    while (j > 0 && !is_ascii_space(p[j - 1])) j--;
    out.push_back(s.substr(size_t(j), size_t(e - j)));
    maxsplit--;
    e = j;
  }
  std::reverse(out.begin() + long(first), out.end());
}

std::string replace(std::string_view s, std::string_view old, std::string_view rep, int64_t count, int64_t* nrep) {
  if (count < 0) count = INT64_MAX;
  std::string out;
  int64_t n = int64_t(s.size()), m = int64_t(old.size());
  int64_t i = 0, k = 0;
  if (old.size() == rep.size()) {
    // Same length: copy once and overwrite each match in place.
    out.assign(s);
    while (k < count) {
      int64_t j = find(s, old, i, n);
      if (j < 0) break;
      if (m == 1) out[size_t(j)] = rep[0];
      else std::memcpy(&out[size_t(j)], rep.data(), size_t(m));
      i = j + m;
      k++;
    }
    *nrep = k;
    return out;
  }
  while (k < count) {
    int64_t j = find(s, old, i, n);
    if (j < 0) break;
    out.append(s.data() + i, size_t(j - i));
    out.append(rep);
    i = j + m;
    k++;
  }
  out.append(s.data() + i, size_t(n - i));
  *nrep = k;
  return out;
}

}  // namespace gilpy::text
