// Text formatting: printf-style `str % args` and `bytes % args` (one engine,
// two flavours), str.format / str.format_map (PEP 3101 field syntax with
// CPython 3.11's parser and messages), and str.__format__.
#include <cmath>
#include <cstring>
#include <string>

#include "common/numfmt.h"
#include "common/unicode.h"
#include "objects/bytes.h"
#include "objects/bytes_impl.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/text_util.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

// ================================ printf-style formatting ================================
struct Percent {
  bool bytes_mode;       // bytes % args: %s means bytes, %c a byte, results are bytes
  std::string_view fmt;  // the format (UTF-8 for str)
  Value args;
  Value* items = nullptr;  // the argument tuple's items, or &args for a single argument
  int64_t nitems = 0;
  int64_t next = 0;
  bool single = false;     // args is not a tuple: one argument
  Value mapping;           // set when args may serve %(key)s lookups
  std::string out;
  bool out_ascii = true;   // str mode: whether every appended piece was ASCII

  Result<Value> next_arg() {
    if (next >= nitems) return raise(tp_TypeError, "not enough arguments for format string");
    return items[next++];
  }
};

bool has_slot(Value v, Str* name) { return v.is_obj() && bool(type_lookup(v.type(), name)); }

// Python int value of a %d argument (ints, floats truncated, __index__/__int__ objects).
Result<Value> int_for_d(Value v, char conv) {
  if (is_int(v)) return v;
  if (is_float(v)) {
    double d = float_val(v);
    if (std::isinf(d)) return raise(tp_OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(d)) return raise(tp_ValueError, "cannot convert float NaN to integer");
    return int_from_double(d);
  }
  // int(v) as CPython's PyNumber_Long: __int__ before __index__.
  if (has_slot(v, N.__int__)) {
    Value r = TRY(call_method0(v, N.__int__));
    if (!is_int(r)) return raise_fmt(tp_TypeError, "__int__ returned non-int (type %s)", type_name(r));
    return r;
  }
  if (has_slot(v, N.__index__)) return index_value(v);
  if (has_slot(v, N.__float__)) {
    double d = TRY(to_double(v));
    return int_from_double(d);
  }
  return raise_fmt(tp_TypeError, "%%%c format: a real number is required, not %s", conv, type_name(v));
}

// Integer conversions: d i u o x X with flags, width and precision (minimum digits).
Status format_integer(Percent& p, Value v, char conv, bool left, bool plus, bool space, bool alt, bool zero,
                      int64_t width, int64_t prec) {
  Value iv;
  if (conv == 'd' || conv == 'i' || conv == 'u') {
    iv = TRY(int_for_d(v, conv));
  } else {
    if (is_int(v)) iv = v;
    else if (has_slot(v, N.__index__)) iv = TRY(index_value(v));
    else return raise_fmt(tp_TypeError, "%%%c format: an integer is required, not %s", conv, type_name(v));
  }
  int base = (conv == 'o') ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
  // Decimal output obeys the int_max_str_digits limit, as str() does ('%d' % 10**5000 raises).
  std::string digits = base == 10 ? TRY(int_decimal_string(iv)) : int_to_string(iv, base);
  bool neg = !digits.empty() && digits[0] == '-';
  if (neg) digits.erase(0, 1);
  if (base == 16 && conv == 'X')
    for (char& c : digits) c = char(c >= 'a' && c <= 'f' ? c - 32 : c);
  if (prec > 0 && int64_t(digits.size()) < prec) digits.insert(0, size_t(prec - int64_t(digits.size())), '0');
  std::string prefix;
  if (neg) prefix = "-";
  else if (plus) prefix = "+";
  else if (space) prefix = " ";
  if (alt && base != 10) prefix += conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
  int64_t len = int64_t(prefix.size() + digits.size());
  if (width > len) {
    size_t pad = size_t(width - len);
    if (left) { p.out += prefix; p.out += digits; p.out.append(pad, ' '); return OK(); }
    if (zero) { p.out += prefix; p.out.append(pad, '0'); p.out += digits; return OK(); }
    p.out.append(pad, ' ');
  }
  p.out += prefix;
  p.out += digits;
  if (width > len && left) p.out.append(size_t(width - len), ' ');
  return OK();
}

// Append `text` (UTF-8) padded to width code points, truncated to prec code points.
void append_padded(Percent& p, std::string_view text, bool ascii, bool left, int64_t width, int64_t prec) {
  int64_t n = ascii ? int64_t(text.size()) : text::count_cps(text.data(), int64_t(text.size()));
  if (prec >= 0 && prec < n) {
    text = text.substr(0, size_t(ascii ? prec : text::skip_cps(text.data(), int64_t(text.size()), 0, prec)));
    n = prec;
  }
  if (!ascii) p.out_ascii = false;
  if (width > n && !left) p.out.append(size_t(width - n), ' ');
  p.out.append(text);
  if (width > n && left) p.out.append(size_t(width - n), ' ');
}

Status percent_core(Percent& p) {
  std::string_view f = p.fmt;
  size_t n = f.size(), i = 0;
  while (i < n) {
    const void* pct = std::memchr(f.data() + i, '%', n - i);
    size_t j = pct ? size_t(static_cast<const char*>(pct) - f.data()) : n;
    p.out.append(f.data() + i, j - i);
    if (j >= n) break;
    i = j + 1;
    if (i >= n) return raise(tp_ValueError, "incomplete format");
    if (f[i] == '%') { p.out += '%'; i++; continue; }
    // %(key)
    Value arg;
    bool have_arg = false;
    if (f[i] == '(') {
      if (!p.mapping) return raise(tp_TypeError, "format requires a mapping");
      size_t k = i + 1;
      int depth = 1;
      while (k < n && depth > 0) {
        if (f[k] == '(') depth++;
        else if (f[k] == ')') depth--;
        if (depth > 0) k++;
      }
      if (depth > 0) return raise(tp_ValueError, "incomplete format key");
      std::string_view key = f.substr(i + 1, k - i - 1);
      Value kv = p.bytes_mode ? bytes_from(key) : Value(str_new(key));
      arg = TRY(getitem(p.mapping, kv));
      have_arg = true;
      i = k + 1;
      // With a mapping, positional consumption no longer counts for the leftover check.
      p.single = false;
      p.nitems = -1;
    }
    bool left = false, plus = false, space = false, alt = false, zero = false;
    for (; i < n; i++) {
      char c = f[i];
      if (c == '-') left = true;
      else if (c == '+') plus = true;
      else if (c == ' ') space = true;
      else if (c == '#') alt = true;
      else if (c == '0') zero = true;
      else break;
    }
    int64_t width = -1, prec = -1;
    if (i < n && f[i] == '*') {
      Value w = TRY(p.next_arg());
      if (!is_int(w)) return raise(tp_TypeError, "* wants int");
      int64_t wv;
      if (!int_fits_i64(w, &wv)) return raise(tp_OverflowError, "Python int too large to convert to C ssize_t");
      if (wv < 0) { left = true; wv = -wv; }
      width = wv;
      i++;
    } else {
      while (i < n && f[i] >= '0' && f[i] <= '9') {
        if (width < 0) width = 0;
        width = width * 10 + (f[i] - '0');
        if (width > INT32_MAX) return raise(tp_ValueError, "width too big");
        i++;
      }
    }
    if (i < n && f[i] == '.') {
      i++;
      prec = 0;
      if (i < n && f[i] == '*') {
        Value pv = TRY(p.next_arg());
        if (!is_int(pv)) return raise(tp_TypeError, "* wants int");
        int64_t x;
        // CPython reads a '*' precision as a C int.
        if (!int_fits_i64(pv, &x) || x > INT32_MAX || x < INT32_MIN)
          return raise(tp_OverflowError, "Python int too large to convert to C int");
        prec = x < 0 ? 0 : x;
        i++;
      } else {
        while (i < n && f[i] >= '0' && f[i] <= '9') {
          prec = prec * 10 + (f[i] - '0');
          if (prec > INT32_MAX) return raise(tp_ValueError, "precision too big");
          i++;
        }
      }
    }
    while (i < n && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) i++;
    if (i >= n) return raise(tp_ValueError, "incomplete format");
    // The conversion character (a whole code point, for the error message).
    size_t conv_index = i;
    uint32_t conv;
    if (p.bytes_mode) {
      conv = static_cast<unsigned char>(f[i++]);
    } else {
      int64_t ci = int64_t(i);
      conv = text::next_cp(f.data(), &ci);
      i = size_t(ci);
    }
    if (!have_arg) arg = TRY(p.next_arg());
    switch (conv) {
      case 's': case 'r': case 'a': case 'b': {
        if (p.bytes_mode) {
          std::string_view bv;
          std::string holder;
          if (conv == 'r' || conv == 'a') {
            Str* r = TRY(ascii(arg));
            holder.assign(r->view());
            bv = holder;
          } else if (buffer_view_opt(arg, &bv)) {
          } else if (Value m = lookup_special(arg, N.__bytes__)) {
            Value r = TRY(call0(m));
            if (!is_bytes(r)) return raise_fmt(tp_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r));
            holder.assign(as_bytes(r)->view());
            bv = holder;
          } else {
            return raise_fmt(tp_TypeError,
                             "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                             type_name(arg));
          }
          append_padded(p, bv, true, left, width, prec);
          break;
        }
        if (conv == 'b') goto unsupported;
        Str* s;
        if (conv == 's') s = TRY(str(arg));
        else if (conv == 'r') s = TRY(repr(arg));
        else s = TRY(ascii(arg));
        append_padded(p, s->view(), s->ascii, left, width, prec);
        break;
      }
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        TRY(format_integer(p, arg, char(conv), left, plus, space, alt, zero, width, prec));
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        if (!is_float(arg) && !is_int(arg) && !has_slot(arg, N.__float__) && !has_slot(arg, N.__index__))
          return raise_fmt(tp_TypeError, "must be real number, not %s", type_name(arg));
        double d = TRY(to_double(arg));
        numfmt::PrintfSpec ps;
        ps.left = left;
        ps.plus = plus;
        ps.space = space;
        ps.alternate = alt;
        ps.zero = zero;
        ps.width = int(width);
        ps.precision = int(prec);
        ps.type = char(conv);
        p.out += numfmt::format_float_printf(d, ps);
        break;
      }
      case 'c': {
        std::string ch;
        if (p.bytes_mode) {
          std::string_view bv;
          if (is_int(arg) || has_slot(arg, N.__index__)) {
            Value iv = TRY(index_value(arg));
            int64_t x;
            if (!int_fits_i64(iv, &x) || x < 0 || x > 255) return raise(tp_OverflowError, "%c arg not in range(256)");
            ch.assign(1, char(x));
          } else if ((is_bytes(arg) || is_bytearray(arg)) && buffer_view_opt(arg, &bv) && bv.size() == 1) {
            ch.assign(bv);
          } else {
            return raise(tp_TypeError, "%c requires an integer in range(256) or a single byte");
          }
          append_padded(p, ch, true, left, width, -1);
          break;
        }
        if (is_str(arg)) {
          if (as_str(arg)->length != 1) return raise(tp_TypeError, "%c requires int or char");
          ch.assign(as_str(arg)->view());
        } else if (is_int(arg) || has_slot(arg, N.__index__)) {
          Value iv = TRY(index_value(arg));
          int64_t x;
          if (!int_fits_i64(iv, &x) || x < 0 || x > 0x10FFFF)
            return raise(tp_OverflowError, "%c arg not in range(0x110000)");
          text::put_cp(ch, uint32_t(x));
        } else {
          return raise(tp_TypeError, "%c requires int or char");
        }
        append_padded(p, ch, static_cast<unsigned char>(ch[0]) < 0x80, left, width, -1);
        break;
      }
      default:
      unsupported: {
        int64_t idx = p.bytes_mode ? int64_t(conv_index) : text::count_cps(f.data(), int64_t(conv_index));
        char shown = (conv >= 32 && conv <= 126) ? char(conv) : '?';
        return raise_fmt(tp_ValueError, "unsupported format character '%c' (0x%x) at index %lld", shown, conv,
                         (long long)idx);
      }
    }
  }
  if (p.nitems >= 0 && p.next < p.nitems && !p.mapping)
    return raise(tp_TypeError, p.bytes_mode ? "not all arguments converted during bytes formatting"
                                            : "not all arguments converted during string formatting");
  return OK();
}

void setup_args(Percent& p, Value args) {
  p.args = args;
  if (is_tuple(args)) {
    p.items = as_tuple(args)->items;
    p.nitems = as_tuple(args)->size;
  } else {
    p.items = &p.args;
    p.nitems = 1;
    p.single = true;
  }
  // CPython: any non-tuple, non-string object with __getitem__ may supply %(key)s.
  bool text_like = p.bytes_mode ? (is_bytes(args) || is_bytearray(args)) : is_str(args);
  if (!is_tuple(args) && !text_like && args.is_obj() && type_lookup(args.type(), N.__getitem__)) p.mapping = args;
}

}  // namespace

namespace strimpl {

Result<Value> percent_format(Str* fmt, Value args) {
  Percent p;
  p.bytes_mode = false;
  p.fmt = fmt->view();
  setup_args(p, args);
  p.out_ascii = fmt->ascii;
  p.out.reserve(size_t(fmt->nbytes) + 16);
  TRY(percent_core(p));
  // Pieces from %r/%s/%c may be non-ASCII; str_new recounts, so only the ASCII claim matters.
  if (p.out_ascii) {
    bool all = true;
    for (char c : p.out)
      if (static_cast<unsigned char>(c) >= 0x80) { all = false; break; }
    if (all) return Value(str_new_ascii(p.out));
  }
  return Value(str_new(p.out));
}

}  // namespace strimpl

namespace bytesimpl {

Result<Value> bytes_percent_format(Value self, Value args) {
  Percent p;
  p.bytes_mode = true;
  p.fmt = self_view(self);
  std::string copy(p.fmt);  // a bytearray could be mutated by __bytes__/__index__ callbacks
  p.fmt = copy;
  setup_args(p, args);
  TRY(percent_core(p));
  return make_like(self, p.out);
}

}  // namespace bytesimpl

// ================================ str.format ================================
namespace {

struct FormatCtx {
  Value* args;
  int64_t nargs;
  Tuple* kwnames;   // str.format keywords (values follow args)
  Value* kwvalues;
  Value mapping;    // format_map's mapping (null for str.format)
  int64_t auto_index = 0;
  int mode = 0;     // 0 undecided, 1 automatic numbering, 2 manual
};

// A decimal field index, or -1 when `s` is not all digits. -2: too many digits.
int64_t parse_index(std::string_view s) {
  if (s.empty()) return -1;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    if (v > (INT64_MAX - 9) / 10) return -2;
    v = v * 10 + (c - '0');
  }
  return v;
}

Result<Value> lookup_arg(FormatCtx& ctx, std::string_view first) {
  int64_t idx = parse_index(first);
  if (idx == -2) return raise(tp_ValueError, "Too many decimal digits in format string");
  if (first.empty()) {
    if (ctx.mode == 2)
      return raise(tp_ValueError, "cannot switch from manual field specification to automatic field numbering");
    ctx.mode = 1;
    idx = ctx.auto_index++;
  } else if (idx >= 0) {
    if (ctx.mode == 1)
      return raise(tp_ValueError, "cannot switch from automatic field numbering to manual field specification");
    ctx.mode = 2;
  }
  if (idx >= 0) {
    if (ctx.mapping && !ctx.args) {
      // format_map has no positional arguments.
      return raise_fmt(tp_ValueError, "Format string contains positional fields");
    }
    if (idx >= ctx.nargs)
      return raise_fmt(tp_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)idx);
    return ctx.args[idx];
  }
  Str* key = str_new(first);
  if (ctx.mapping) return getitem(ctx.mapping, Value(key));
  for (int64_t k = 0; k < nkw(ctx.kwnames); k++)
    if (str_eq(as_str(ctx.kwnames->items[k]), key)) return ctx.kwvalues[k];
  Value kv = Value(key);
  return raise_with_args(tp_KeyError, &kv, 1);
}

// Resolve "first(.attr|[key])*" to the object.
Result<Value> resolve_field(FormatCtx& ctx, std::string_view name) {
  size_t i = 0, n = name.size();
  while (i < n && name[i] != '.' && name[i] != '[') i++;
  Value obj = TRY(lookup_arg(ctx, name.substr(0, i)));
  while (i < n) {
    if (name[i] == '.') {
      size_t j = i + 1;
      while (j < n && name[j] != '.' && name[j] != '[') j++;
      if (j == i + 1) return raise(tp_ValueError, "Empty attribute in format string");
      obj = TRY(getattr(obj, str_new(name.substr(i + 1, j - i - 1))));
      i = j;
    } else {  // '['
      size_t j = i + 1;
      while (j < n && name[j] != ']') j++;
      if (j >= n) return raise(tp_ValueError, "Missing ']' in format string");
      std::string_view key = name.substr(i + 1, j - i - 1);
      if (key.empty()) return raise(tp_ValueError, "Empty attribute in format string");
      int64_t idx = parse_index(key);
      if (idx == -2) return raise(tp_ValueError, "Too many decimal digits in format string");
      Value kv = idx >= 0 ? Value(int_from_i64(idx)) : Value(str_new(key));
      obj = TRY(getitem(obj, kv));
      i = j + 1;
      if (i < n && name[i] != '.' && name[i] != '[')
        return raise(tp_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj;
}

Status build_format(FormatCtx& ctx, std::string_view f, int depth, std::string& out, bool* out_ascii);

Status render_field(FormatCtx& ctx, std::string_view fname, uint32_t conversion, std::string_view spec,
                    bool spec_nested, int depth, std::string& out, bool* out_ascii) {
  Value obj = TRY(resolve_field(ctx, fname));
  if (conversion) {
    Str* s;
    if (conversion == 'r') s = TRY(repr(obj));
    else if (conversion == 's') s = TRY(str(obj));
    else if (conversion == 'a') s = TRY(ascii(obj));
    else {
      if (conversion >= 32 && conversion < 127)
        return raise_fmt(tp_ValueError, "Unknown conversion specifier %c", char(conversion));
      return raise_fmt(tp_ValueError, "Unknown conversion specifier \\x%x", conversion);
    }
    obj = Value(s);
  }
  std::string spec_buf;
  if (spec_nested) {
    bool a = true;
    TRY(build_format(ctx, spec, depth - 1, spec_buf, &a));
    spec = spec_buf;
  }
  // Fast paths for the commonest fields: exact str or small int with no spec.
  if (spec.empty() && obj.type() == tp_str) {
    out.append(as_str(obj)->view());
    if (!as_str(obj)->ascii) *out_ascii = false;
    return OK();
  }
  if (spec.empty() && obj.is_small()) {
    out += std::to_string(obj.as_small());
    return OK();
  }
  Value r = TRY(format(obj, str_new(spec)));
  if (!is_str(r)) return raise_fmt(tp_TypeError, "__format__ must return a str, not %s", type_name(r));
  out.append(as_str(r)->view());
  if (!as_str(r)->ascii) *out_ascii = false;
  return OK();
}

Status build_format(FormatCtx& ctx, std::string_view f, int depth, std::string& out, bool* out_ascii) {
  if (depth <= 0) return raise(tp_ValueError, "Max string recursion exceeded");
  size_t n = f.size(), i = 0;
  while (i < n) {
    // Literal text up to the next brace.
    size_t j = i;
    while (j < n && f[j] != '{' && f[j] != '}') j++;
    out.append(f.data() + i, j - i);
    if (j >= n) break;
    char c = f[j];
    bool at_end = j + 1 >= n;
    if (c == '}') {
      if (at_end || f[j + 1] != '}') return raise(tp_ValueError, "Single '}' encountered in format string");
      out += '}';
      i = j + 2;
      continue;
    }
    if (at_end) return raise(tp_ValueError, "Single '{' encountered in format string");
    if (f[j + 1] == '{') {
      out += '{';
      i = j + 2;
      continue;
    }
    // A replacement field: CPython's parse_field.
    size_t k = j + 1;
    size_t name_start = k;
    char term = 0;
    while (k < n) {
      char d = f[k++];
      if (d == '{') return raise(tp_ValueError, "unexpected '{' in field name");
      if (d == '[') {
        while (k < n && f[k] != ']') k++;
        continue;
      }
      if (d == '}' || d == ':' || d == '!') { term = d; break; }
    }
    if (!term) return raise(tp_ValueError, "expected '}' before end of string");
    std::string_view fname = f.substr(name_start, k - 1 - name_start);
    uint32_t conversion = 0;
    std::string_view spec;
    bool nested = false;
    if (term == '!' || term == ':') {
      bool done = false;
      if (term == '!') {
        if (k >= n) return raise(tp_ValueError, "end of string while looking for conversion specifier");
        int64_t kk = int64_t(k);
        conversion = text::next_cp(f.data(), &kk);
        k = size_t(kk);
        if (k < n) {
          char d = f[k++];
          if (d == '}') done = true;
          else if (d != ':') return raise(tp_ValueError, "expected ':' after conversion specifier");
        }
      }
      if (!done) {
        size_t spec_start = k;
        int count = 1;
        bool closed = false;
        while (k < n) {
          char d = f[k++];
          if (d == '{') { nested = true; count++; }
          else if (d == '}') {
            if (--count == 0) { closed = true; break; }
          }
        }
        if (!closed) return raise(tp_ValueError, "unmatched '{' in format spec");
        spec = f.substr(spec_start, k - 1 - spec_start);
      }
    }
    TRY(render_field(ctx, fname, conversion, spec, nested, depth, out, out_ascii));
    i = k;
  }
  return OK();
}

Result<Value> run_format(Str* fmt, FormatCtx& ctx) {
  std::string out;
  out.reserve(size_t(fmt->nbytes) + 16);
  bool ascii = fmt->ascii;
  TRY(build_format(ctx, fmt->view(), 2, out, &ascii));
  return Value(ascii ? str_new_ascii(out) : str_new(out));
}

Result<Value> str_format_fn(Value* args, int64_t nargs, Tuple* kw) {
  Str* fmt = as_str(args[0]);
  FormatCtx ctx;
  ctx.args = args + 1;
  ctx.nargs = nargs - 1;
  ctx.kwnames = kw;
  ctx.kwvalues = args + nargs;
  return run_format(fmt, ctx);
}

Result<Value> str_format_map_fn(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("format_map", kw));
  TRY(strimpl::exact_args("str.format_map", nargs - 1, 1));
  FormatCtx ctx;
  ctx.args = nullptr;
  ctx.nargs = 0;
  ctx.kwnames = nullptr;
  ctx.kwvalues = nullptr;
  ctx.mapping = args[1];
  return run_format(as_str(args[0]), ctx);
}

Result<Value> str_format_spec_fn(Value* args, int64_t nargs, Tuple* kw) {
  TRY(no_kwargs("__format__", kw));
  TRY(strimpl::exact_args("str.__format__", nargs - 1, 1));
  if (!is_str(args[1]))
    return raise_fmt(tp_TypeError, "__format__() argument must be str, not %s", type_name(args[1]));
  Str* s = as_str(args[0]);
  Str* spec = as_str(args[1]);
  // An empty spec is str(self): a subclass's own __str__ counts (CPython's format_obj).
  if (spec->nbytes == 0) return args[0].type() == tp_str ? args[0] : Value(TRY(str(args[0])));
  numfmt::Formatted r = numfmt::format_str(s->view(), spec->view());
  if (!r.ok())
    return raise(r.error->kind == numfmt::ErrorKind::Overflow ? tp_OverflowError : tp_ValueError, r.error->message);
  return Value(str_new(r.text));
}

const MethodDef format_methods[] = {
    {"format", str_format_fn},
    {"format_map", str_format_map_fn},
    {"__format__", str_format_spec_fn},
    {nullptr, nullptr}};

}  // namespace

void strimpl::add_format_methods(Type* t) { type_add_methods(t, format_methods); }

}  // namespace gilpy
