#!/usr/bin/env python3.11
"""Compare gilpy's Unicode database (src/common/unicode.cpp) with CPython, code point by code point.

Two modes. The full check runs a dump of every code point under gilpy and under the oracle and
compares them field by field:

    python3 tools/check_unicode.py --full dist/bin/gilpy [--oracle /usr/bin/python3.11] [--show N]
    python3 tools/check_unicode.py --full dist/bin/gilpy --ucd-3-2-0   # unicodedata.ucd_3_2_0

Each interpreter runs this file with --dump FILE, which writes one line per code point
0..0x10FFFF (DUMP_FIELDS: unicodedata's category, bidirectional, combining, east_asian_width,
mirrored, decomposition, name, decimal/digit/numeric; the str methods isalpha ... istitle,
isidentifier, upper/lower/title/casefold; normalize() in the four forms; plus probes of the
cased and case-ignorable properties through title() and the final-sigma rule, of str.splitlines
and of lookup(name)), then the alias names of NameAliases.txt looked up with unicodedata.lookup
and \\N{...}. Differences are counted per field, with examples, and the code points assigned
after the oracle's Unicode version (DerivedAge.txt) are counted apart. Exit status 1 if any.

The driver check compares gilpy's C++ tables directly, including the properties that str does
not expose alone:

    python3.11 tools/check_unicode.py /tmp/unicode_driver [--build] [--show N]

The driver is a tiny C++ program (source below, DRIVER_SOURCE) that prints one line per code point
0..0x10FFFF with every predicate and mapping of gilpy::unicode. With --build the script compiles
it to the given path first (g++, from the repository root). Each field is compared with what
CPython reports through str methods (isalpha, upper, splitlines, ...) and unicodedata; the few
properties str does not expose directly (title, cased, case-ignorable, simple lowercase) come
from CPython's exported _PyUnicode_* helpers via ctypes. The script prints a summary per field
and exits 0.

Both checks find no difference with the tables generated as Unicode 14.0.0 (tools/gen_unicode.py,
tools/gen_unicodedata.py). --full --ucd-3-2-0 finds 561 code points whose 3.2.0 properties are
not recoverable from the newer files (see the comment at the top of src/modules/unicodedata.cpp).
"""

import argparse
import os
import subprocess
import sys
import unicodedata
from collections import Counter

UCD_DIR = "/usr/share/unicode"
ORACLE = "/usr/bin/python3.11"
DUMP_FIELDS = ["category", "bidirectional", "combining", "east_asian_width", "mirrored",
               "decomposition", "name", "numeric", "decimal", "digit", "isalpha", "isdigit",
               "isdecimal", "isnumeric", "isspace", "isprintable", "isidentifier", "isupper",
               "islower", "istitle", "upper", "lower", "title", "casefold", "NFC", "NFD", "NFKC",
               "NFKD", "isidentifier(a+c)", "title(a+c+a)", "lower(A+c+SIGMA)",
               "lower(A+SIGMA+c)", "splitlines(a+c+b)", "lookup(name)"]


def dump_line(cp, ud=unicodedata):
    c = chr(cp)
    name = ud.name(c, "")
    if name:
        try:
            back = ud.lookup(name) == c
        except KeyError:
            back = "KeyError"
    else:
        back = ""
    fields = [ud.category(c), ud.bidirectional(c), ud.combining(c), ud.east_asian_width(c),
              ud.mirrored(c), ud.decomposition(c), name, ud.numeric(c, None),
              ud.decimal(c, None), ud.digit(c, None), c.isalpha(), c.isdigit(), c.isdecimal(),
              c.isnumeric(), c.isspace(), c.isprintable(), c.isidentifier(), c.isupper(),
              c.islower(), c.istitle(), c.upper(), c.lower(), c.title(), c.casefold(),
              ud.normalize("NFC", c), ud.normalize("NFD", c), ud.normalize("NFKC", c),
              ud.normalize("NFKD", c), ("a" + c).isidentifier(), ("a" + c + "a").title(),
              ("A" + c + "\u03a3").lower(), ("A\u03a3" + c).lower(),
              len(("a" + c + "b").splitlines()), back]
    return "\x1f".join(ascii(f) for f in fields)


def dump(path, ud=unicodedata):
    """Write every code point's DUMP_FIELDS, then the NameAliases.txt lookups, to path. With
    ud=unicodedata.ucd_3_2_0 the unicodedata fields are that object's."""
    with open(path, "w", encoding="ascii") as out:
        out.write(ud.unidata_version + "\n")
        for cp in range(0x110000):
            out.write(dump_line(cp, ud) + "\n")
        with open(os.path.join(UCD_DIR, "NameAliases.txt"), encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                cp, alias = line.split(";")[:2]
                try:
                    got = ascii(ud.lookup(alias))
                except KeyError:
                    got = "KeyError"
                try:
                    esc = ascii(eval('"\\N{%s}"' % alias))
                except SyntaxError:
                    esc = "SyntaxError"
                out.write(f"alias {cp} {alias}\x1f{got}\x1f{esc}\n")


def assigned_after(version):
    """Code points DerivedAge.txt says were assigned after `version` ("14.0.0")."""
    want = tuple(int(x) for x in version.split(".")[:2])
    later = set()
    with open(os.path.join(UCD_DIR, "DerivedAge.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            r, age = [x.strip() for x in line.split(";")]
            if tuple(int(x) for x in age.split(".")) > want:
                a, _, b = r.partition("..")
                later.update(range(int(a, 16), int(b or a, 16) + 1))
    return later


def full_check(gilpy, oracle, show, tmp, v320=False):
    paths = {}
    for label, exe in (("gilpy", os.path.abspath(gilpy)), ("oracle", oracle)):
        paths[label] = os.path.join(tmp, f"unicode_dump_{label}{'_320' if v320 else ''}.txt")
        subprocess.run([exe, os.path.abspath(__file__), "--dump", paths[label]] +
                       (["--ucd-3-2-0"] if v320 else []), check=True, cwd=tmp)
    with open(paths["gilpy"], encoding="ascii") as f:
        ours = f.read().split("\n")
    with open(paths["oracle"], encoding="ascii") as f:
        theirs = f.read().split("\n")
    print(f"gilpy unidata_version {ours[0]}; oracle {oracle} unidata_version {theirs[0]}")
    later = assigned_after(unicodedata.unidata_version if v320 else theirs[0])
    diffs, examples, differing = Counter(), {}, set()
    for i in range(1, 0x110001):
        if ours[i] == theirs[i]:
            continue
        cp = i - 1
        differing.add(cp)
        for field, g, e in zip(DUMP_FIELDS, ours[i].split("\x1f"), theirs[i].split("\x1f")):
            if g != e:
                diffs[field] += 1
                examples.setdefault(field, []).append(
                    f"U+{cp:04X}{' (new)' if cp in later else ''} gilpy={g} oracle={e}")
    alias_diffs = [(a, b) for a, b in zip(ours[0x110001:], theirs[0x110001:]) if a != b]
    if len(ours) != len(theirs):
        alias_diffs.append((f"{len(ours)} lines", f"{len(theirs)} lines"))
    print(f"code points differing: {len(differing)} of 1114112 "
          f"({len(differing & later)} of them assigned after {theirs[0]})")
    for field in DUMP_FIELDS:
        if diffs[field]:
            print(f"  {field}: {diffs[field]}")
            for ex in examples[field][:show]:
                print("     ", ex)
    print(f"alias lines differing: {len(alias_diffs)} of {len(theirs) - 0x110001}")
    for a, b in alias_diffs[:show]:
        print(f"      gilpy {a!r}\n      oracle {b!r}")
    return 1 if differing or alias_diffs else 0

DRIVER_SOURCE = r'''
// Test driver for tools/check_unicode.py: dumps gilpy::unicode for every code point.
#include <cstdio>
#include <string>
#include "common/unicode.h"
using namespace gilpy::unicode;
static std::string seq(int n, const uint32_t* v) {
  std::string s;
  char b[16];
  for (int i = 0; i < n; ++i) { std::snprintf(b, sizeof b, "%s%X", i ? " " : "", v[i]); s += b; }
  return s;
}
int main() {
  std::printf("%s\n", version());
  for (uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    bool (*preds[])(uint32_t) = {is_alpha, is_decimal, is_digit, is_numeric, is_space,
        is_printable, is_upper, is_lower, is_title, is_cased, is_case_ignorable, is_xid_start,
        is_xid_continue, is_linebreak};
    char flags[16];
    int k = 0;
    for (auto p : preds) flags[k++] = p(cp) ? '1' : '0';
    flags[k] = 0;
    double num;
    char numbuf[32] = "-";
    if (numeric_value(cp, &num)) std::snprintf(numbuf, sizeof numbuf, "%.17g", num);
    uint32_t u[3], l[3], t[3], f[3];
    int nu = to_upper(cp, u), nl = to_lower(cp, l), nt = to_title(cp, t), nf = casefold(cp, f);
    std::string nm = name(cp);
    uint32_t back = 0;
    bool lk = nm.empty() || (lookup_name(nm, &back) && back == cp);
    std::printf("%s;%s;%d;%d;%s;%s;%s;%s;%s;%X;%s;%d\n", category(cp), flags, decimal_value(cp),
                digit_value(cp), numbuf, seq(nu, u).c_str(), seq(nl, l).c_str(),
                seq(nt, t).c_str(), seq(nf, f).c_str(), lower_simple(cp), nm.c_str(), lk);
  }
}
'''

FIELDS = ["category", "isalpha", "isdecimal", "isdigit", "isnumeric", "isspace", "isprintable",
          "isupper", "islower", "istitle", "iscased", "iscaseignorable", "isxidstart",
          "isxidcontinue", "islinebreak", "decimal", "digit", "numeric", "upper", "lower",
          "title", "casefold", "lower_simple", "name", "lookup(name)"]


def build(path):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    src = path + ".cpp"
    with open(src, "w") as f:
        f.write(DRIVER_SOURCE)
    subprocess.check_call(["g++", "-std=gnu++20", "-O1", "-I" + os.path.join(root, "src"), src,
                           os.path.join(root, "src/common/unicode.cpp"), "-o", path])


def expected(cp, api):
    c = chr(cp)
    seq = lambda s: " ".join(f"{ord(x):X}" for x in s)
    num = unicodedata.numeric(c, None)
    return [unicodedata.category(c), c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(),
            c.isspace(), c.isprintable(), c.isupper(), c.islower(), bool(api.title(cp)),
            bool(api.cased(cp)), bool(api.ignorable(cp)),
            c.isidentifier() and c != "_", ("a" + c).isidentifier(),
            len(("a" + c + "b").splitlines()) == 2,
            unicodedata.decimal(c, -1), unicodedata.digit(c, -1),
            "-" if num is None else "%.17g" % num,
            seq(c.upper()), seq(c.lower()), seq(c.title()), seq(c.casefold()),
            f"{api.lower(cp):X}", unicodedata.name(c, ""), True]


class CApi:
    """CPython's own (non-public but exported) per-code-point helpers."""
    def __init__(self):
        import ctypes
        p = ctypes.pythonapi
        self.title = p._PyUnicode_IsTitlecase
        self.cased = p._PyUnicode_IsCased
        self.ignorable = p._PyUnicode_IsCaseIgnorable
        self.lower = p._PyUnicode_ToLowercase
        for f in (self.title, self.cased, self.ignorable, self.lower):
            f.argtypes = [ctypes.c_uint32]
            f.restype = ctypes.c_uint32 if f is self.lower else ctypes.c_int


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("driver", nargs="?")
    ap.add_argument("--build", action="store_true")
    ap.add_argument("--show", type=int, default=5, help="example code points per field")
    ap.add_argument("--all", action="store_true", help="examples include new characters")
    ap.add_argument("--full", metavar="GILPY", help="dump-and-compare check of this interpreter")
    ap.add_argument("--oracle", default=ORACLE, help="reference interpreter for --full")
    ap.add_argument("--tmp", default="/tmp", help="where --full writes the two dumps")
    ap.add_argument("--dump", metavar="FILE", help="write this interpreter's dump (see --full)")
    ap.add_argument("--ucd-3-2-0", action="store_true",
                    help="--full/--dump: unicodedata.ucd_3_2_0's functions instead of the module's")
    args = ap.parse_args()
    if args.dump:
        dump(args.dump, unicodedata.ucd_3_2_0 if args.ucd_3_2_0 else unicodedata)
        return 0
    if args.full:
        return full_check(args.full, args.oracle, args.show, args.tmp, args.ucd_3_2_0)
    if not args.driver:
        ap.error("give a driver path, --full GILPY or --dump FILE")
    if args.build:
        build(args.driver)
    out = subprocess.run([args.driver], capture_output=True, text=True, check=True).stdout
    lines = out.split("\n")
    ours = lines[0]
    api = CApi()
    diffs, examples, cps_differing = Counter(), {}, set()
    for cp in range(0x110000):
        f = lines[cp + 1].split(";")
        got = [f[0]] + [ch == "1" for ch in f[1]] + [int(f[2]), int(f[3])] + f[4:11] + \
              [f[11] == "1"]
        exp = expected(cp, api)
        for i, (g, e) in enumerate(zip(got, exp)):
            if g != e:
                diffs[FIELDS[i]] += 1
                cps_differing.add(cp)
                if unicodedata.category(chr(cp)) == "Cn" and not args.all:
                    continue  # a character new since Unicode 14: listed only with --all
                examples.setdefault(FIELDS[i], []).append(f"U+{cp:04X} ours={g!r} cpython={e!r}")
    print(f"gilpy Unicode data {ours}; CPython {sys.version.split()[0]} unicodedata "
          f"{unicodedata.unidata_version}")
    print(f"code points differing: {len(cps_differing)}")
    new_in_ours = sum(1 for cp in cps_differing if unicodedata.category(chr(cp)) == "Cn")
    print(f"  of which unassigned in CPython's data (new characters): {new_in_ours}")
    for field in FIELDS:
        if diffs[field]:
            old = len(examples.get(field, []))
            print(f"{field}: {diffs[field]} differences ({old} on characters CPython knows)")
            for ex in examples.get(field, [])[:args.show]:
                print("   ", ex)
    return 0


if __name__ == "__main__":
    sys.exit(main())
