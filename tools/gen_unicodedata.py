#!/usr/bin/env python3
"""Generate src/modules/unicodedata_db.inc: the per-code-point facts the unicodedata module needs
beyond what src/common/unicode_db.inc already has (categories, names, numeric values there).

    python3 tools/gen_unicodedata.py [--ucd /usr/share/unicode] [--out src/modules/unicodedata_db.inc]

Tables (from the Unicode Character Database, Debian's `unicode-data` package):
  kPropRuns      sorted runs {first code point, record}: bidirectional class, canonical combining
                 class, East Asian width and the mirrored flag. Code points absent from
                 UnicodeData.txt get record 0 = ('', 0, 'F', 0), which is what CPython 3.11 reports
                 for unassigned code points (its record 0).
  kDecomp        {code point, "decomposition field"} sorted by code point, the UnicodeData field 5
                 text exactly as unicodedata.decomposition() returns it; normalisation parses it.
  kCompose       {first, second, composite} sorted by (first, second): canonical pairs whose
                 composite is not Full_Composition_Exclusion (DerivedNormalizationProps.txt).
  kNotIn320      sorted runs {first, last} of the code points not assigned in Unicode 3.2.0
                 (DerivedAge.txt): ucd_3_2_0 treats them as unassigned, as CPython's does.
  kNorm320       {code point, mapping}: NormalizationCorrections.txt's corrections made after 3.2.0;
                 ucd_3_2_0.normalize() decomposes these with the original (3.2.0) mapping.
Hangul syllables are algorithmic and are not in the tables.

The tables are those of Unicode --version (default 14.0.0, CPython 3.11's unidata_version) even
when the files are newer: every code point that DerivedAge.txt says was assigned later is left
out, i.e. unassigned (record 0, no decomposition, no composition), as in that version. For
14.0.0 from the 15.0.0 files this reproduces CPython 3.11 exactly for all of these tables
(tools/check_unicode.py --full); the changes 15.0 made to existing characters' properties are
outside these tables (see PROPERTY_CHANGES in gen_unicode.py).
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_unicode import TARGET_VERSION, assigned_set  # noqa: E402

BIDI = ["", "L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON", "LRE",
        "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]
NCP = 0x110000


def data_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [x.strip() for x in line.split(";")]


def cp_range(text):
    if ".." in text:
        a, b = text.split("..")
        return range(int(a, 16), int(b, 16) + 1)
    return range(int(text, 16), int(text, 16) + 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ucd", default="/usr/share/unicode")
    ap.add_argument("--out", default="src/modules/unicodedata_db.inc")
    ap.add_argument("--version", default=TARGET_VERSION,
                    help="leave out code points assigned after this version (default %(default)s)")
    args = ap.parse_args()
    ucd = args.ucd

    with open(os.path.join(ucd, "DerivedNormalizationProps.txt"), encoding="utf-8") as f:
        m = re.search(r"-(\d+\.\d+\.\d+)\.txt", f.readline())
    if not m:
        sys.exit("cannot determine the Unicode version")
    version = args.version
    if tuple(map(int, version.split("."))) > tuple(map(int, m.group(1).split("."))):
        sys.exit(f"the data is Unicode {m.group(1)}; cannot produce {version}")
    # Code points assigned after `version` are left out everywhere: unassigned, as in that version.
    keep = assigned_set(ucd, version)

    assigned = [False] * NCP
    bidi = [""] * NCP
    ccc = [0] * NCP
    mirrored = [0] * NCP
    decomp = {}
    first = None
    for f in data_lines(os.path.join(ucd, "UnicodeData.txt")):
        cp = int(f[0], 16)
        if f[1].endswith(", First>"):
            first = cp
            continue
        cps = range(first, cp + 1) if f[1].endswith(", Last>") else [cp]
        first = None
        for c in cps:
            if not keep[c]:
                continue
            assigned[c] = True
            bidi[c] = f[4]
            ccc[c] = int(f[3])
            mirrored[c] = 1 if f[9] == "Y" else 0
        if f[5] and keep[cp]:
            decomp[cp] = f[5]

    eaw = ["N"] * NCP
    for f in data_lines(os.path.join(ucd, "EastAsianWidth.txt")):
        for c in cp_range(f[0]):
            if keep[c]:
                eaw[c] = f[1]

    exclusions = set()
    for f in data_lines(os.path.join(ucd, "DerivedNormalizationProps.txt")):
        if f[1] == "Full_Composition_Exclusion":
            exclusions.update(c for c in cp_range(f[0]) if keep[c])

    records = {("", 0, "F", 0): 0}
    runs = []
    prev = None
    for c in range(NCP):
        key = (bidi[c], ccc[c], eaw[c], mirrored[c]) if assigned[c] else ("", 0, "F", 0)
        rec = records.setdefault(key, len(records))
        if rec != prev:
            runs.append((c, rec))
            prev = rec

    compose = []
    for cp, d in decomp.items():
        if d.startswith("<") or cp in exclusions:
            continue
        parts = [int(x, 16) for x in d.split()]
        if len(parts) == 2:
            compose.append((parts[0], parts[1], cp))
    compose.sort()

    # ucd_3_2_0: the code points unknown to Unicode 3.2.0, and the normalization corrections
    # made after it (CPython's normalization_3_2_0: the original, uncorrected mapping).
    keep320 = assigned_set(ucd, "3.2.0")
    not320 = []
    for c in range(NCP):
        if not keep320[c]:
            if not320 and not320[-1][1] == c - 1:
                not320[-1][1] = c
            else:
                not320.append([c, c])
    norm320 = []
    for f in data_lines(os.path.join(ucd, "NormalizationCorrections.txt")):
        if tuple(map(int, f[3].split("."))) > (3, 2, 0):
            norm320.append((int(f[0], 16), int(f[1], 16)))

    out = []
    if version == m.group(1):
        out.append("// Generated by tools/gen_unicodedata.py from the Unicode Character Database %s." % version)
    else:
        out.append("// Generated by tools/gen_unicodedata.py: the Unicode Character Database %s, from the" % version)
        out.append("// %s files less the code points assigned after %s (DerivedAge.txt)." % (m.group(1), version))
    out.append("// Do not edit; rerun the generator. Consumed only by src/modules/unicodedata.cpp.")
    out.append('static constexpr const char* kUcdVersion = "%s";' % version)
    out.append("static constexpr const char* kBidiNames[] = {%s};" % ", ".join('"%s"' % b for b in BIDI))
    out.append("static constexpr const char* kEawNames[] = {%s};" % ", ".join('"%s"' % e for e in EAW))
    out.append("struct PropRecord { uint8_t bidi, ccc, eaw, mirrored; };")
    out.append("static constexpr PropRecord kPropRecords[] = {")
    for key, _ in sorted(records.items(), key=lambda kv: kv[1]):
        out.append("  {%d, %d, %d, %d}," % (BIDI.index(key[0]), key[1], EAW.index(key[2]), key[3]))
    out.append("};")
    out.append("struct PropRun { uint32_t first; uint16_t record; };")
    out.append("static constexpr PropRun kPropRuns[] = {")
    line = []
    for c, r in runs:
        line.append("{0x%X,%d}," % (c, r))
        if len(line) == 10:
            out.append("  " + "".join(line))
            line = []
    if line:
        out.append("  " + "".join(line))
    out.append("};")
    out.append("struct DecompEntry { uint32_t cp; const char* text; };")
    out.append("static constexpr DecompEntry kDecomp[] = {")
    line = []
    for cp in sorted(decomp):
        line.append('{0x%X,"%s"},' % (cp, decomp[cp]))
        if len(line) == 4:
            out.append("  " + "".join(line))
            line = []
    if line:
        out.append("  " + "".join(line))
    out.append("};")
    out.append("struct ComposeEntry { uint32_t first, second, composite; };")
    out.append("static constexpr ComposeEntry kCompose[] = {")
    line = []
    for a, b, c in compose:
        line.append("{0x%X,0x%X,0x%X}," % (a, b, c))
        if len(line) == 6:
            out.append("  " + "".join(line))
            line = []
    if line:
        out.append("  " + "".join(line))
    out.append("};")
    out.append("struct CpRange { uint32_t first, last; };")
    out.append("static constexpr CpRange kNotIn320[] = {")
    line = []
    for a, b in not320:
        line.append("{0x%X,0x%X}," % (a, b))
        if len(line) == 8:
            out.append("  " + "".join(line))
            line = []
    if line:
        out.append("  " + "".join(line))
    out.append("};")
    out.append("struct Norm320 { uint32_t cp, mapping; };")
    out.append("static constexpr Norm320 kNorm320[] = {%s};" %
               ", ".join("{0x%X,0x%X}" % x for x in norm320))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("wrote %s: %d records, %d runs, %d decompositions, %d compositions, "
          "%d ranges not in 3.2.0, %d 3.2.0 normalizations" %
          (args.out, len(records), len(runs), len(decomp), len(compose), len(not320), len(norm320)))


if __name__ == "__main__":
    main()
