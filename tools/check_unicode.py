#!/usr/bin/env python3.11
"""Compare gilpy's Unicode database (src/common/unicode.cpp) with CPython, code point by code point.

    python3.11 tools/check_unicode.py /tmp/unicode_driver [--build] [--show N]

The driver is a tiny C++ program (source below, DRIVER_SOURCE) that prints one line per code point
0..0x10FFFF with every predicate and mapping of gilpy::unicode. With --build the script compiles
it to the given path first (g++, from the repository root). Each field is compared with what
CPython reports through str methods (isalpha, upper, splitlines, ...) and unicodedata; the few
properties str does not expose directly (title, cased, case-ignorable, simple lowercase) come
from CPython's exported _PyUnicode_* helpers via ctypes. Differences are expected only where the
Unicode versions differ (CPython 3.11 ships Unicode 14.0); the script prints a summary per field
and exits 0.
"""

import argparse
import ctypes
import os
import subprocess
import sys
import unicodedata
from collections import Counter

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
    ap.add_argument("driver")
    ap.add_argument("--build", action="store_true")
    ap.add_argument("--show", type=int, default=5, help="example code points per field")
    ap.add_argument("--all", action="store_true", help="examples include new characters")
    args = ap.parse_args()
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
