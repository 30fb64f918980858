#!/usr/bin/env python3
"""Generate gilpy's Unicode tables (src/common/unicode_db.inc and unicode_names.inc).

Reads the Unicode Character Database as shipped by Debian's `unicode-data` package and writes
compact C++ tables consumed by src/common/unicode.cpp.  Run from the repository root:

    python3 tools/gen_unicode.py [--ucd /usr/share/unicode] [--out src/common] [--version 14.0.0]

The tables are those of Unicode --version (default TARGET_VERSION, 14.0.0: what CPython 3.11
has, and its library checks it), even when the files are newer (Debian 12 ships 15.0.0): every
code point that DerivedAge.txt says was assigned after that version is left out of every table
(category Cn, no name or alias, no property, identity case mappings), which is exactly how the
older database sees it. The few properties of older characters that a later version changed are
restored from PROPERTY_CHANGES below. --version 15.0.0 gives the files' own data.

Property definitions follow what CPython documents / exhibits for str methods:
  alpha      general category Lu Ll Lt Lm Lo
  decimal    UnicodeData field 6, digit field 7, numeric field 8 plus Unihan numeric values
  space      bidi class WS/B/S or category Zs
  linebreak  bidi class B, category Zl, or Line_Break class BK/CR/LF/NL (the str.splitlines set)
  printable  category not in Cc Cf Cs Co Cn Zl Zp Zs, plus U+0020
  upper/lower  the derived Uppercase/Lowercase properties; title = category Lt
  cased, case_ignorable, xid_start, xid_continue  the derived core properties of those names
Case mappings: simple ones from UnicodeData (title defaults to upper), full ones from the
unconditional SpecialCasing entries, casefold from CaseFolding statuses C and F (a code point
without an entry folds to itself).
"""

import argparse
import bz2
import os
import re
import sys

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd",
              "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf",
              "Cs", "Co"]
# Flag bits; unicode.cpp mirrors these names (kAlpha = 1 << 0, ...).
FLAGS = ["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "PRINTABLE", "UPPER", "LOWER", "TITLE",
         "CASED", "CASE_IGNORABLE", "XID_START", "XID_CONTINUE", "LINEBREAK"]
NCP = 0x110000
# CPython 3.11's unicodedata.unidata_version; its library (stringprep) depends on it.
TARGET_VERSION = "14.0.0"


def data_lines(path):
    """Yield the ';'-separated fields of each non-comment line."""
    opener = bz2.open if path.endswith(".bz2") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [x.strip() for x in line.split(";")]


def cp_range(text):
    if ".." in text:
        a, b = text.split("..")
        return range(int(a, 16), int(b, 16) + 1)
    return range(int(text, 16), int(text, 16) + 1)


def ages(d):
    """Per code point, the Unicode version it was assigned in as a (major, minor) tuple, from
    DerivedAge.txt; None for code points never assigned (unassigned, or reserved as such)."""
    age = [None] * NCP
    for f in data_lines(os.path.join(d, "DerivedAge.txt")):
        v = tuple(int(x) for x in f[1].split("."))
        for c in cp_range(f[0]):
            age[c] = v
    return age


def assigned_set(d, version):
    """bytearray over all code points: 1 where the code point was assigned in Unicode `version`
    ("14.0.0") or earlier according to DerivedAge.txt. Code points assigned later are left out
    of every table, i.e. unassigned (Cn) exactly as in that version's database."""
    want = tuple(int(x) for x in version.split(".")[:2])
    return bytearray(1 if a is not None and a <= want else 0 for a in ages(d))


# Properties of already assigned characters that a later Unicode version changed, so that the
# newer files alone would give the newer value. DerivedAge.txt only says when a code point was
# assigned; these are the known changes between CPython 3.11's Unicode 14.0 and the data here
# (Unicode 15.0). Found by tools/check_unicode.py --full (every property and str method of every
# code point against /usr/bin/python3.11), which shows no other difference. The 15.0 files carry
# no history comments for them, so the 14.0 values are written here by hand: they are CPython
# 3.11's, and Perl 5.36's Unicode 14.0 tables (/usr/share/perl/5.36.0/unicore/lib/Lower/Y.pl)
# agree (its Lowercase set equals CPython 3.11's str.islower() set).
#   (version that made the change, property, code points, derived properties that follow it)
PROPERTY_CHANGES = [
    # Five modifier letters (Lm) became Other_Lowercase in 15.0, hence Lowercase and Cased:
    # U+10FC MODIFIER LETTER GEORGIAN NAR, U+A7F2..U+A7F4 MODIFIER LETTER CAPITAL C/F/Q,
    # U+AB69 MODIFIER LETTER SMALL TURNED W. In 14.0 str.islower() is False for them, and they
    # are not cased (str.title(), istitle() and the final-sigma rule treat them as uncased).
    ((15, 0), "Other_Lowercase", [0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69], ["Lowercase", "Cased"]),
]
# Aliases (NameAliases.txt, which has no per-line history) given to existing characters later:
# (version that added it, code point, alias). Left out for an earlier target version, so that
# unicodedata.lookup() and \N{...} reject them as CPython 3.11 does. Found the same way (the
# --full check looks up every alias of the file); Unicode 15.0 added these three.
ALIASES_ADDED = [
    ((15, 0), 0x0019, "EM"),                                                     # abbreviation
    ((15, 0), 0x0616, "ARABIC SMALL HIGH LIGATURE ALEF WITH YEH BARREE"),        # correction
    ((15, 0), 0x1BBD, "SUNDANESE LETTER ARCHAIC I"),                             # correction
]


def version_of(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"-(\d+)\.(\d+)\.(\d+)\.txt", f.readline())
    return m.groups() if m else None


class Ucd:
    def __init__(self, d, keep, version=None):
        self.d = d
        self.keep = keep            # keep[cp]: assigned in the target version (assigned_set)
        self.target = tuple(int(x) for x in version.split(".")[:2]) if version else (99, 0)
        self.category = ["Cn"] * NCP
        self.bidi = [""] * NCP
        self.decimal = [-1] * NCP
        self.digit = [-1] * NCP
        self.numeric = [None] * NCP
        self.upper = list(range(NCP))
        self.lower = list(range(NCP))
        self.title = list(range(NCP))
        self.names = {}             # cp -> name, only explicitly named code points
        self.ideograph_ranges = []  # algorithmic "CJK UNIFIED IDEOGRAPH-%X" ranges
        self.props = {}             # property name -> set of cps
        self.read_unicode_data()
        self.read_props("DerivedCoreProperties.txt")
        self.read_props("PropList.txt")
        self.undo_property_changes(self.target)
        self.read_linebreak()
        self.read_unihan_numeric()
        self.read_special_casing()
        self.read_case_folding()

    def path(self, name):
        return os.path.join(self.d, name)

    def read_unicode_data(self):
        first = None
        for f in data_lines(self.path("UnicodeData.txt")):
            cp = int(f[0], 16)
            name = f[1]
            if name.endswith(", First>"):
                first = cp
                continue
            cps = range(first, cp + 1) if name.endswith(", Last>") else [cp]
            cps = [c for c in cps if self.keep[c]]
            if name.endswith(", Last>") and name.startswith("<CJK Ideograph"):
                # Only the part assigned in the target version (a range may have grown since).
                for c in cps:
                    if self.ideograph_ranges and self.ideograph_ranges[-1][1] == c - 1:
                        self.ideograph_ranges[-1] = (self.ideograph_ranges[-1][0], c)
                    else:
                        self.ideograph_ranges.append((c, c))
            first = None
            for c in cps:
                self.category[c] = f[2]
                self.bidi[c] = f[4]
                if f[6]:
                    self.decimal[c] = int(f[6])
                if f[7]:
                    self.digit[c] = int(f[7])
                if f[8]:
                    self.numeric[c] = f[8]
                if f[12]:
                    self.upper[c] = int(f[12], 16)
                if f[13]:
                    self.lower[c] = int(f[13], 16)
                self.title[c] = int(f[14], 16) if f[14] else self.upper[c]
            if not name.startswith("<") and self.keep[cp]:
                self.names[cp] = name

    def read_props(self, fname):
        for f in data_lines(self.path(fname)):
            self.props.setdefault(f[1], set()).update(c for c in cp_range(f[0]) if self.keep[c])

    def undo_property_changes(self, target):
        """Restore the target version's value of the PROPERTY_CHANGES made after it."""
        for changed_in, prop, cps, derived in PROPERTY_CHANGES:
            if target >= changed_in:
                continue
            for c in cps:
                assert c in self.props[prop], (prop, hex(c))  # the data has the newer value
                assert self.category[c] == "Lm" and c not in self.props["Uppercase"]
                for p in [prop] + derived:
                    self.props[p].discard(c)

    def read_linebreak(self):
        s = self.props.setdefault("Line_Break_Mandatory", set())
        for f in data_lines(self.path("LineBreak.txt")):
            if f[1] in ("BK", "CR", "LF", "NL"):
                s.update(c for c in cp_range(f[0]) if self.keep[c])

    def read_unihan_numeric(self):
        p = self.path("Unihan_NumericValues.txt.bz2")
        if not os.path.exists(p):
            return
        with bz2.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cp, key, value = line.strip().split("\t")
                if key in ("kAccountingNumeric", "kOtherNumeric", "kPrimaryNumeric") and \
                        self.keep[int(cp[2:], 16)]:
                    self.numeric[int(cp[2:], 16)] = value

    def read_special_casing(self):
        self.full_lower, self.full_title, self.full_upper = {}, {}, {}
        for f in data_lines(self.path("SpecialCasing.txt")):
            if len(f) > 4 and f[4]:
                continue  # conditional (language or context): the caller's business
            cp = int(f[0], 16)
            if not self.keep[cp]:
                continue
            self.full_lower[cp] = [int(x, 16) for x in f[1].split()]
            self.full_title[cp] = [int(x, 16) for x in f[2].split()]
            self.full_upper[cp] = [int(x, 16) for x in f[3].split()]

    def read_case_folding(self):
        self.fold = {}
        for f in data_lines(self.path("CaseFolding.txt")):
            if f[1] in ("C", "F") and self.keep[int(f[0], 16)]:
                self.fold[int(f[0], 16)] = [int(x, 16) for x in f[2].split()]

    def flags(self, c):
        cat, bidi, props = self.category[c], self.bidi[c], self.props
        bits = []
        bits.append(cat in ("Lu", "Ll", "Lt", "Lm", "Lo"))
        bits.append(self.decimal[c] >= 0)
        bits.append(self.digit[c] >= 0)
        bits.append(self.numeric[c] is not None)
        bits.append(bidi in ("WS", "B", "S") or cat == "Zs")
        bits.append(c == 0x20 or cat not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"))
        bits.append(c in props["Uppercase"])
        bits.append(c in props["Lowercase"])
        bits.append(cat == "Lt")
        bits.append(c in props["Cased"])
        bits.append(c in props["Case_Ignorable"])
        bits.append(c in props["XID_Start"])
        bits.append(c in props["XID_Continue"])
        bits.append(bidi == "B" or cat == "Zl" or c in props["Line_Break_Mandatory"])
        return sum(1 << i for i, b in enumerate(bits) if b)


def numeric_double(text):
    if "/" in text:
        n, d = text.split("/")
        return int(n) / int(d)
    return float(int(text))


def c_array(ctype, name, values, per_line=24):
    lines = [f"static constexpr {ctype} {name}[{len(values)}] = {{"]
    for i in range(0, len(values), per_line):
        lines.append(",".join(str(v) for v in values[i:i + per_line]) + ",")
    lines.append("};")
    return "\n".join(lines)


def smallest_uint(maxval):
    for bits in (8, 16, 32):
        if maxval < (1 << bits):
            return f"uint{bits}_t"
    raise ValueError(maxval)


def split_two_level(ids, record_type_bytes=2):
    """Pick the block shift minimising table bytes; returns (shift, index1, index2)."""
    best = None
    for shift in range(4, 11):
        size = 1 << shift
        blocks, index1, index2 = {}, [], []
        for start in range(0, NCP, size):
            block = tuple(ids[start:start + size])
            if block not in blocks:
                blocks[block] = len(blocks)
                index2.extend(block)
            index1.append(blocks[block])
        cost = len(index1) * (1 if len(blocks) < 256 else 2) + len(index2) * record_type_bytes
        if best is None or cost < best[0]:
            best = (cost, shift, index1, index2)
    return best[1:]


def gen_db(u, version, out):
    numerics = [0.0]
    numeric_index = {}
    special = [[0] * 16]  # entry 0 unused: "no full mapping"
    special_index = {}
    records, record_index, ids = [], {}, []
    for c in range(NCP):
        num = 0
        if u.numeric[c] is not None:
            v = numeric_double(u.numeric[c])
            if v not in numeric_index:
                numeric_index[v] = len(numerics)
                numerics.append(v)
            num = numeric_index[v]
        up = u.full_upper.get(c, [u.upper[c]])
        lo = u.full_lower.get(c, [u.lower[c]])
        ti = u.full_title.get(c, [u.title[c]])
        fo = u.fold.get(c, [c])  # no CaseFolding entry: folds to itself (e.g. Cherokee)
        sp = 0
        if up != [u.upper[c]] or lo != [u.lower[c]] or ti != [u.title[c]] or fo != [u.lower[c]]:
            entry = []
            for m in (up, lo, ti, fo):
                assert 1 <= len(m) <= 3
                entry += [len(m)] + m + [0] * (3 - len(m))
            key = tuple(entry)
            if key not in special_index:
                special_index[key] = len(special)
                special.append(entry)
            sp = special_index[key]
        digit = u.digit[c] if u.digit[c] >= 0 else u.decimal[c]
        assert u.decimal[c] < 0 or u.decimal[c] == digit
        rec = (u.upper[c] - c, u.lower[c] - c, u.title[c] - c, u.flags(c), num, sp,
               CATEGORIES.index(u.category[c]), digit)
        if rec not in record_index:
            record_index[rec] = len(records)
            records.append(rec)
        ids.append(record_index[rec])
    shift, index1, index2 = split_two_level(ids)
    parts = [f"// generated by tools/gen_unicode.py from Unicode {u.source}; do not edit",
             "// Included by unicode.cpp inside namespace gilpy::unicode::{anon}.",
             f'static constexpr char kVersion[] = "{version}";',
             "static constexpr const char* kCategoryNames[] = {" +
             ",".join(f'"{c}"' for c in CATEGORIES) + "};",
             "// {upper, lower, title deltas, flags, numeric index, special index, category, digit}",
             f"static constexpr Record kRecords[{len(records)}] = {{"]
    for r in records:
        parts.append("{" + ",".join(str(x) for x in r) + "},")
    parts.append("};")
    parts.append(f"static constexpr double kNumeric[{len(numerics)}] = {{" +
                 ",".join(repr(x) for x in numerics) + "};")
    parts.append("// Per entry: {len, cp, cp, cp} for upper, lower, title, casefold.")
    parts.append(c_array("uint32_t", "kSpecial", [x for e in special for x in e], 16))
    parts.append(f"constexpr int kShift = {shift};")
    parts.append(c_array(smallest_uint(max(index1)), "kIndex1", index1, 32))
    parts.append(c_array(smallest_uint(max(index2)), "kIndex2", index2, 32))
    with open(os.path.join(out, "unicode_db.inc"), "w") as f:
        f.write("\n".join(parts) + "\n")
    print(f"unicode_db.inc: {len(records)} records, {len(numerics)} numerics, "
          f"{len(special)} special, shift {shift}, {len(index1)}+{len(index2)} index entries")


# ---- Names ------------------------------------------------------------------------------------
# The name stream is one string literal.  Every entry starts with '!' (code point = previous + 1)
# or '#<hex gap>#'.  Inside a name, the characters A-Z 0-9 ' ' '-' stand for themselves and every
# other character of ALPHABET starts a token naming a lexicon word (one character for the NONE
# most frequent words, a lead plus any ALPHABET character for the rest).  A space between two word
# units is implicit when either of them is a token, explicit between two literal words.  '!' and
# '#' never occur inside an entry, so entries can be skipped without decoding them.
ALPHABET = [chr(c) for c in range(0x20, 0x7f) if chr(c) not in '"\\?!#']
LITERALS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -")
LEADS = [c for c in ALPHABET if c not in LITERALS and c not in "!#"]


def token_code(i, n1):
    """Token i: one lead for i < n1, lead + 1 char up to two_char_limit(), else last lead + 2."""
    a = len(ALPHABET)
    if i < n1:
        return LEADS[i]
    if i < two_char_limit(n1):
        i -= n1
        return LEADS[n1 + i // a] + ALPHABET[i % a]
    i -= two_char_limit(n1)
    return LEADS[-1] + ALPHABET[i // a] + ALPHABET[i % a]


def two_char_limit(n1):
    return n1 + (len(LEADS) - 1 - n1) * len(ALPHABET)


def encode_names(names, n1, words_by_rank):
    cap = two_char_limit(n1) + len(ALPHABET) ** 2
    lexicon = words_by_rank[:cap]
    tok = {w: token_code(i, n1) for i, w in enumerate(lexicon)}
    out, prev = [], -1
    for cp in sorted(names):
        out.append("!" if cp - prev == 1 else f"#{cp - prev:X}#")
        prev = cp
        units = re.findall(r"[A-Z0-9]+|[ -]", names[cp])
        assert "".join(units) == names[cp], names[cp]
        for k, unit in enumerate(units):
            if unit == " " and 0 < k < len(units) - 1 and units[k - 1] not in " -" and \
                    units[k + 1] not in " -" and (units[k - 1] in tok or units[k + 1] in tok):
                continue  # implied by a neighbouring token
            out.append(tok.get(unit, unit))
    return lexicon, "".join(out)


def decode_names(lexicon, stream, n1):
    """Python mirror of the C++ decoder, used to prove the encoding round-trips."""
    lead_index = {c: i for i, c in enumerate(LEADS)}
    alpha_index = {c: i for i, c in enumerate(ALPHABET)}
    result, cp, i = {}, -1, 0
    while i < len(stream):
        if stream[i] == "!":
            cp += 1
            i += 1
        else:
            j = stream.index("#", i + 1)
            cp += int(stream[i + 1:j], 16)
            i = j + 1
        buf, last_token = "", False
        while i < len(stream) and stream[i] not in "!#":
            c = stream[i]
            if c in LITERALS:
                if c.isalnum() and last_token:
                    buf += " "
                buf += c
                last_token = False
                i += 1
            else:
                t = lead_index[c]
                if t == len(LEADS) - 1:
                    t = two_char_limit(n1) + alpha_index[stream[i + 1]] * len(ALPHABET) + \
                        alpha_index[stream[i + 2]]
                    i += 2
                elif t >= n1:
                    t = n1 + (t - n1) * len(ALPHABET) + alpha_index[stream[i + 1]]
                    i += 1
                i += 1
                if buf and buf[-1].isalnum():
                    buf += " "
                buf += lexicon[t]
                last_token = True
        result[cp] = buf
    return result


def c_string(name, text, width=100):
    lines = [f"static constexpr char {name}[] ="]
    for i in range(0, len(text), width):
        lines.append('"' + text[i:i + width] + '"')
    lines[-1] += ";"
    return "\n".join(lines)


def gen_names(u, version, out):
    from collections import Counter
    counts = Counter()
    for n in u.names.values():
        counts.update(w for w in re.findall(r"[A-Z0-9]+", n))
    # A word earns a token if it saves more than it costs (lexicon text + separator).
    ranked = sorted((w for w, k in counts.items() if k * (len(w) - 1) > len(w) + 1),
                    key=lambda w: -counts[w] * len(w))
    best = None
    for n1 in range(8, len(LEADS)):
        lexicon, stream = encode_names(u.names, n1, ranked)
        size = len(stream) + sum(len(w) + 1 for w in lexicon)
        if best is None or size < best[0]:
            best = (size, n1, lexicon, stream)
    size, n1, lexicon, stream = best
    assert decode_names(lexicon, stream, n1) == u.names
    aliases = []
    later = {(cp, alias) for added_in, cp, alias in ALIASES_ADDED if u.target < added_in}
    for f in data_lines(u.path("NameAliases.txt")):
        if u.keep[int(f[0], 16)] and (int(f[0], 16), f[1]) not in later:
            aliases.append((f[1], int(f[0], 16)))
    assert len(aliases) + len(later) == sum(
        1 for f in data_lines(u.path("NameAliases.txt")) if u.keep[int(f[0], 16)])
    jamo = {"L": [], "V": [], "T": [""]}
    for f in data_lines(u.path("Jamo.txt")):
        cp = int(f[0], 16)
        kind = "L" if cp < 0x1161 else "V" if cp < 0x11A8 else "T"
        jamo[kind].append(f[1])
    parts = [f"// generated by tools/gen_unicode.py from Unicode {u.source}; do not edit",
             "// Character names, word-dictionary encoded; see unicode.cpp (NameIndex) and",
             "// gen_unicode.py (encode_names) for the format.",
             f"constexpr int kNameOneCharTokens = {n1};",
             f'static constexpr char kNameLeads[] = "{"".join(LEADS)}";',
             f'static constexpr char kNameAlphabet[] = "{"".join(ALPHABET)}";',
             f"constexpr int kNameCount = {len(u.names)};",
             f"constexpr int kLexiconCount = {len(lexicon)};",
             c_string("kLexicon", " ".join(lexicon) + " "),
             c_string("kNameStream", stream),
             "static constexpr uint32_t kIdeographRanges[][2] = {" +
             ",".join(f"{{0x{a:X},0x{b:X}}}" for a, b in u.ideograph_ranges) + "};"]
    for kind in "LVT":
        parts.append(f"static constexpr const char* kJamo{kind}[] = {{" +
                     ",".join(f'"{x}"' for x in jamo[kind]) + "};")
    parts.append("struct Alias { const char* name; uint32_t cp; };")
    parts.append("static constexpr Alias kAliases[] = {")
    for name, cp in aliases:
        parts.append(f'{{"{name}",0x{cp:X}}},')
    parts.append("};")
    with open(os.path.join(out, "unicode_names.inc"), "w") as f:
        f.write("\n".join(parts) + "\n")
    print(f"unicode_names.inc: {len(u.names)} names, lexicon {len(lexicon)} words, "
          f"stream {len(stream)} chars, one-char tokens {n1}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ucd", default="/usr/share/unicode")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "src", "common"))
    ap.add_argument("--version", default=TARGET_VERSION,
                    help="leave out code points assigned after this version (default %(default)s)")
    args = ap.parse_args()
    v = version_of(os.path.join(args.ucd, "DerivedCoreProperties.txt"))
    if not v:
        sys.exit("cannot determine the Unicode version")
    data_version = ".".join(v)
    version = args.version
    if tuple(map(int, version.split("."))) > tuple(map(int, v)):
        sys.exit(f"the data is Unicode {data_version}; cannot produce {version}")
    u = Ucd(args.ucd, assigned_set(args.ucd, version), version)
    u.source = f"{version} data" if version == data_version else \
        f"{version} data (the {data_version} files less later code points, DerivedAge.txt)"
    gen_db(u, version, args.out)
    gen_names(u, version, args.out)


if __name__ == "__main__":
    main()
