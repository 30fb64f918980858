// unicodedata: the Unicode Character Database as CPython 3.11's module exposes it.
//
// Data: names, categories and numeric values come from src/common/unicode.h; bidirectional
// class, combining class, East Asian width, mirroring, decompositions and canonical compositions
// from unicodedata_db.inc (tools/gen_unicodedata.py). Both are generated from Debian's
// `unicode-data` files (Unicode 15.0.0) as Unicode 14.0.0, CPython 3.11's version: the code points
// assigned after 14.0 (DerivedAge.txt) are left out, and the few properties 15.0 changed are put
// back (gen_unicode.py, PROPERTY_CHANGES). tools/check_unicode.py --full finds no difference from
// CPython 3.11 over all code points, so unidata_version says "14.0.0" (stringprep checks it).
//
// ucd_3_2_0 (used by encodings.idna and stringprep, which asserts its unidata_version == "3.2.0")
// has the same functions over the same tables, seen as Unicode 3.2.0 the way CPython's is: a code
// point not assigned in 3.2.0 (DerivedAge.txt, kNotIn320) is unassigned there (category Cn, no
// name, bidirectional class '', combining class 0, width 'F', not mirrored, no decomposition, no
// decimal or numeric value, left alone by normalize), lookup() knows no aliases, and normalize()
// decomposes the five characters of Corrigendum 4 with their 3.2.0 mappings (kNorm320). As in
// CPython, digit() and lookup() of the algorithmic CJK names ignore the version, and
// normalization's canonical ordering and composition use the current combining classes and
// composition pairs. gilpy carries no Unicode 3.2 tables,
// so what changed after 3.2.0 for characters that 3.2.0 already had keeps its 14.0 value there:
// `tools/check_unicode.py --full dist/bin/gilpy --ucd-3-2-0` finds 561 code points differing
// from CPython 3.11's ucd_3_2_0: 185 categories (e.g. U+00AA Lo, 3.2 Ll; none assigned vs Cn,
// so stringprep's table A.1 is exact), 335 bidirectional classes (e.g. U+002B ES, 3.2 ET; this
// changes stringprep's table D.1 for U+06DD and U+070F and table D.2, hence the idna codec's
// bidi check, for 271, mostly the Braille patterns U+2800..28FF: L here, ON in 3.2), 16 East
// Asian widths (the emoji made W in 9.0), 20 mirrored flags (U+0F3A..0F3D etc.) and 29 decimal
// values (U+00B2 etc.). Names, aliases, combining classes, decompositions, numeric, digit and
// the four normalization forms of every single code point agree.
//
// Normalisation follows UAX #15: full canonical (or compatibility) decomposition with Hangul
// syllables decomposed algorithmically, canonical ordering of combining marks (a stable sort by
// combining class between starters), then for NFC/NFKC the canonical composition algorithm
// (a mark composes with the last starter unless blocked by a mark of the same or higher class).
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "common/unicode.h"
#include "common/utf8.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/interp.h"
#include "runtime/protocols.h"

namespace gilpy {

namespace {

#include "modules/unicodedata_db.inc"

// ---- table lookups ---------------------------------------------------------------------------
const PropRecord& props(uint32_t cp) {
  // Last run whose first code point is <= cp (kPropRuns[0].first == 0).
  auto it = std::upper_bound(std::begin(kPropRuns), std::end(kPropRuns), cp,
                             [](uint32_t c, const PropRun& r) { return c < r.first; });
  return kPropRecords[(it - 1)->record];
}

const char* decomposition_text(uint32_t cp) {
  auto it = std::lower_bound(std::begin(kDecomp), std::end(kDecomp), cp,
                             [](const DecompEntry& e, uint32_t c) { return e.cp < c; });
  return it != std::end(kDecomp) && it->cp == cp ? it->text : nullptr;
}

uint32_t compose_pair(uint32_t a, uint32_t b) {
  auto it = std::lower_bound(std::begin(kCompose), std::end(kCompose), std::make_pair(a, b),
                             [](const ComposeEntry& e, std::pair<uint32_t, uint32_t> k) {
                               return e.first < k.first || (e.first == k.first && e.second < k.second);
                             });
  return it != std::end(kCompose) && it->first == a && it->second == b ? it->composite : 0;
}

int ccc(uint32_t cp) { return props(cp).ccc; }

// ucd_3_2_0: code points not assigned in Unicode 3.2.0.
bool not_in_320(uint32_t cp) {
  auto it = std::upper_bound(std::begin(kNotIn320), std::end(kNotIn320), cp,
                             [](uint32_t c, const CpRange& r) { return c < r.first; });
  return it != std::begin(kNotIn320) && cp <= (it - 1)->last;
}

// The record of an unassigned code point (CPython's record 0).
const PropRecord& props(uint32_t cp, bool v320) { return v320 && not_in_320(cp) ? kPropRecords[0] : props(cp); }

// ---- Hangul (Unicode 14.0 section 3.12) ---------------------------------------------------------
constexpr uint32_t SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
constexpr uint32_t LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

// ---- normalisation -------------------------------------------------------------------------------
void decompose(uint32_t cp, bool compat, bool v320, std::vector<uint32_t>& out) {
  if (cp >= SBase && cp < SBase + SCount) {
    uint32_t s = cp - SBase;
    out.push_back(LBase + s / NCount);
    out.push_back(VBase + (s % NCount) / TCount);
    if (s % TCount) out.push_back(TBase + s % TCount);
    return;
  }
  if (v320) {
    if (not_in_320(cp)) {
      out.push_back(cp);
      return;
    }
    for (const Norm320& n : kNorm320)
      if (n.cp == cp) return decompose(n.mapping, compat, v320, out);
  }
  const char* d = decomposition_text(cp);
  if (!d || (d[0] == '<' && !compat)) {
    out.push_back(cp);
    return;
  }
  if (d[0] == '<') d = std::strchr(d, '>') + 1;
  // The mapping is a list of hex code points, each decomposed again (full decomposition).
  while (*d) {
    while (*d == ' ') d++;
    if (!*d) break;
    char* end;
    uint32_t c = uint32_t(std::strtoul(d, &end, 16));
    d = end;
    decompose(c, compat, v320, out);
  }
}

void canonical_order(std::vector<uint32_t>& v) {
  // Stable sort of each maximal run of non-starters by combining class.
  size_t i = 0;
  while (i < v.size()) {
    if (ccc(v[i]) == 0) { i++; continue; }
    size_t j = i;
    while (j < v.size() && ccc(v[j]) != 0) j++;
    std::stable_sort(v.begin() + long(i), v.begin() + long(j),
                     [](uint32_t a, uint32_t b) { return ccc(a) < ccc(b); });
    i = j;
  }
}

void compose(std::vector<uint32_t>& v) {
  if (v.empty()) return;
  size_t starter = 0;
  bool have_starter = ccc(v[0]) == 0;
  int last_ccc = have_starter ? 0 : 256;
  std::vector<uint32_t> out;
  out.reserve(v.size());
  out.push_back(v[0]);
  for (size_t i = 1; i < v.size(); i++) {
    uint32_t c = v[i];
    int cc = ccc(c);
    if (have_starter) {
      uint32_t s = out[starter];
      // Blocked when a character between the starter and c has class 0 or >= cc.
      bool blocked = out.size() - 1 != starter && (last_ccc == 0 || last_ccc >= cc);
      if (!blocked) {
        uint32_t p = 0;
        if (s >= LBase && s < LBase + LCount && c >= VBase && c < VBase + VCount && out.size() - 1 == starter) {
          p = SBase + ((s - LBase) * VCount + (c - VBase)) * TCount;
        } else if (s >= SBase && s < SBase + SCount && (s - SBase) % TCount == 0 && c > TBase &&
                   c < TBase + TCount && out.size() - 1 == starter) {
          p = s + (c - TBase);
        } else {
          p = compose_pair(s, c);
        }
        if (p) {
          out[starter] = p;
          continue;
        }
      }
    }
    if (cc == 0) {
      starter = out.size();
      have_starter = true;
      last_ccc = 0;
    } else {
      last_ccc = cc;
    }
    out.push_back(c);
  }
  v.swap(out);
}

enum class Form { NFC, NFD, NFKC, NFKD };

std::string normalize_text(std::string_view s, Form f, bool v320 = false) {
  std::vector<uint32_t> cps;
  bool compat = f == Form::NFKC || f == Form::NFKD;
  for (size_t i = 0; i < s.size();) {
    utf8::Decoded d = utf8::decode(s, i, true);
    decompose(d.cp, compat, v320, cps);
    i += size_t(d.len);
  }
  canonical_order(cps);
  if (f == Form::NFC || f == Form::NFKC) compose(cps);
  std::string out;
  out.reserve(s.size());
  for (uint32_t c : cps) utf8::encode(c, out);
  return out;
}

Result<Form> parse_form(Value v) {
  if (!is_str(v)) return raise_fmt(tp_TypeError, "normalize() argument 1 must be str, not %s", type_name(v));
  std::string_view f = as_str(v)->view();
  if (f == "NFC") return Form::NFC;
  if (f == "NFD") return Form::NFD;
  if (f == "NFKC") return Form::NFKC;
  if (f == "NFKD") return Form::NFKD;
  return raise(tp_ValueError, "invalid normalization form");
}

// ---- argument helpers ----------------------------------------------------------------------------
// The code point of a one-character str argument; skips a bound receiver (ucd_3_2_0's methods).
Result<uint32_t> char_arg(const char* fname, Value v) {
  if (!is_str(v) || as_str(v)->length != 1)
    return raise_fmt(tp_TypeError, "%s() argument must be a unicode character, not %s", fname, type_name(v));
  return str_char_at(as_str(v), 0);
}

// Functions are registered twice: in the module (V320 false), and as methods of the UCD type
// (ucd_3_2_0, V320 true), where args[0] is the UCD instance, skipped by as_method.
template <Result<Value> (*F)(Value*, int64_t, Tuple*)>
Result<Value> as_method(Value* a, int64_t n, Tuple* kw) {
  return F(a + 1, n - 1, kw);
}

template <bool V320>
Result<Value> u_lookup(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("lookup", kw));
  TRY(check_nargs("lookup", n, 1, 1));
  if (!is_str(a[0])) return raise_fmt(tp_TypeError, "lookup() argument must be str, not %s", type_name(a[0]));
  uint32_t cp;
  std::string_view nm = as_str(a[0])->view();
  bool found = nm.size() <= 256 && unicode::lookup_name(nm, &cp);
  if (found && V320) {
    // Unicode 3.2.0 had no aliases: only the character's own name, for a character it had.
    // Except that, as in CPython, "CJK UNIFIED IDEOGRAPH-XXXX" is looked up in the current
    // ranges (ucd_3_2_0.lookup('CJK UNIFIED IDEOGRAPH-9FA6') works, its name() does not).
    std::string upper(nm);
    for (char& c : upper) c = c >= 'a' && c <= 'z' ? char(c - 32) : c;
    found = upper.starts_with("CJK UNIFIED IDEOGRAPH-") ||
            (!not_in_320(cp) && unicode::name(cp) == upper);
  }
  if (!found) return raise_fmt(tp_KeyError, "undefined character name '%s'", std::string(nm).c_str());
  return Value(str_from_cp(cp));
}

template <bool V320>
Result<Value> u_name(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("name", kw));
  TRY(check_nargs("name", n, 1, 2));
  uint32_t cp = TRY(char_arg("name", a[0]));
  std::string nm = V320 && not_in_320(cp) ? std::string() : unicode::name(cp);
  if (nm.empty()) {
    if (n > 1) return a[1];
    return raise(tp_ValueError, "no such name");
  }
  return str_value(nm);
}

template <bool V320>
Result<Value> u_category(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("category", kw));
  TRY(check_nargs("category", n, 1, 1));
  uint32_t cp = TRY(char_arg("category", a[0]));
  return Value(str_intern(V320 && not_in_320(cp) ? "Cn" : unicode::category(cp)));
}

template <bool V320>
Result<Value> u_bidirectional(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("bidirectional", kw));
  TRY(check_nargs("bidirectional", n, 1, 1));
  uint32_t cp = TRY(char_arg("bidirectional", a[0]));
  return Value(str_intern(kBidiNames[props(cp, V320).bidi]));
}

template <bool V320>
Result<Value> u_combining(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("combining", kw));
  TRY(check_nargs("combining", n, 1, 1));
  uint32_t cp = TRY(char_arg("combining", a[0]));
  return Value::small(props(cp, V320).ccc);
}

template <bool V320>
Result<Value> u_east_asian_width(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("east_asian_width", kw));
  TRY(check_nargs("east_asian_width", n, 1, 1));
  uint32_t cp = TRY(char_arg("east_asian_width", a[0]));
  return Value(str_intern(kEawNames[props(cp, V320).eaw]));
}

template <bool V320>
Result<Value> u_mirrored(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("mirrored", kw));
  TRY(check_nargs("mirrored", n, 1, 1));
  uint32_t cp = TRY(char_arg("mirrored", a[0]));
  return Value::small(props(cp, V320).mirrored);
}

template <bool V320>
Result<Value> u_decomposition(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("decomposition", kw));
  TRY(check_nargs("decomposition", n, 1, 1));
  uint32_t cp = TRY(char_arg("decomposition", a[0]));
  const char* d = V320 && not_in_320(cp) ? nullptr : decomposition_text(cp);
  return str_value(d ? d : "");
}

template <bool V320>
Result<Value> u_decimal(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("decimal", kw));
  TRY(check_nargs("decimal", n, 1, 2));
  uint32_t cp = TRY(char_arg("decimal", a[0]));
  int v = V320 && not_in_320(cp) ? -1 : unicode::decimal_value(cp);
  if (v >= 0) return Value::small(v);
  if (n > 1) return a[1];
  return raise(tp_ValueError, "not a decimal");
}

template <bool V320>
Result<Value> u_digit(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("digit", kw));
  TRY(check_nargs("digit", n, 1, 2));
  uint32_t cp = TRY(char_arg("digit", a[0]));
  int v = unicode::digit_value(cp);
  if (v >= 0) return Value::small(v);
  if (n > 1) return a[1];
  return raise(tp_ValueError, "not a digit");
}

template <bool V320>
Result<Value> u_numeric(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("numeric", kw));
  TRY(check_nargs("numeric", n, 1, 2));
  uint32_t cp = TRY(char_arg("numeric", a[0]));
  double d;
  if (!(V320 && not_in_320(cp)) && unicode::numeric_value(cp, &d)) return float_new(d);
  if (n > 1) return a[1];
  return raise(tp_ValueError, "not a numeric character");
}

template <bool V320>
Result<Value> u_normalize(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("normalize", kw));
  TRY(check_nargs("normalize", n, 2, 2));
  Form f = TRY(parse_form(a[0]));
  if (!is_str(a[1])) return raise_fmt(tp_TypeError, "normalize() argument 2 must be str, not %s", type_name(a[1]));
  Str* s = as_str(a[1]);
  if (s->ascii) return Value(s);  // ASCII text is invariant under every form
  std::string r = normalize_text(s->view(), f, V320);
  if (r == s->view()) return Value(s);
  return str_value(r);
}

template <bool V320>
Result<Value> u_is_normalized(Value* a, int64_t n, Tuple* kw) {
  TRY(no_kwargs("is_normalized", kw));
  TRY(check_nargs("is_normalized", n, 2, 2));
  Form f = TRY(parse_form(a[0]));
  if (!is_str(a[1]))
    return raise_fmt(tp_TypeError, "is_normalized() argument 2 must be str, not %s", type_name(a[1]));
  Str* s = as_str(a[1]);
  if (s->ascii) return True();
  return Bool(normalize_text(s->view(), f, V320) == s->view());
}

#define UCD_FUNCTIONS(X)                                                                   \
  X(lookup, u_lookup) X(name, u_name) X(category, u_category)                              \
  X(bidirectional, u_bidirectional) X(combining, u_combining)                              \
  X(east_asian_width, u_east_asian_width) X(mirrored, u_mirrored)                          \
  X(decomposition, u_decomposition) X(decimal, u_decimal) X(digit, u_digit)                \
  X(numeric, u_numeric) X(normalize, u_normalize) X(is_normalized, u_is_normalized)

const MethodDef functions[] = {
#define X(name, fn) {#name, fn<false>},
    UCD_FUNCTIONS(X)
#undef X
    {nullptr, nullptr},
};
const MethodDef ucd_methods[] = {
#define X(name, fn) {#name, as_method<fn<true>>},
    UCD_FUNCTIONS(X)
#undef X
    {nullptr, nullptr},
};

Result<Value> init() {
  Module* m = native_module_new("unicodedata", functions,
                                "This module provides access to the Unicode Character Database which\n"
                                "defines character properties for all Unicode characters.");
  dict_set_str(m->dict, str_intern("unidata_version"), str_value(kUcdVersion));
  Type* ucd = native_type_new("unicodedata", "UCD", tp_object, Layout::Other, sizeof(Object), ucd_methods,
                              nullptr, 0);
  type_set_attr_const(ucd, "unidata_version", str_value("3.2.0"));
  type_modified(ucd);
  dict_set_str(m->dict, str_intern("UCD"), Value(ucd));
  dict_set_str(m->dict, str_intern("ucd_3_2_0"), Value(alloc_instance(ucd, sizeof(Object))));
  return Value(m);
}

}  // namespace

// PEP 3131: identifiers are compared in NFKC form (the parser normalizes
// non-ASCII names with this).
std::string unicode_nfkc(std::string_view s) { return normalize_text(s, Form::NFKC); }

GILPY_NATIVE_MODULE("unicodedata", init);

}  // namespace gilpy
