#!/usr/bin/env python3
"""Differential check of inspect.signature() on native callables: gilpy against CPython 3.11.

    python3 tools/check_text_signatures.py [--gilpy dist/bin/gilpy] [--oracle /usr/bin/python3.11] [-v]

For every native function, type, and method / classmethod / slot wrapper in a type's dict,
in builtins and in the native modules gilpy has (sys.builtin_module_names), both
interpreters print str(inspect.signature(x)) or the exception's class name. Reports how
many of the callables CPython gives a signature gilpy gives the same one, and lists the
differences with -v.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

DUMP = r'''
import importlib, inspect, json, sys, types
mods = json.loads(sys.argv[1])
BF = types.BuiltinFunctionType
NATIVE = (BF, type(object.__init__), type(str.join), type(dict.__dict__["fromkeys"]), type((1).__add__))
out = {}
def sig(x):
    try: return str(inspect.signature(x))
    except Exception as e: return "!" + type(e).__name__
for m in mods:
    try: mod = importlib.import_module(m)
    except Exception: continue
    for an, v in sorted(vars(mod).items()):
        if isinstance(v, BF):
            out[m + "." + an] = sig(v)
        elif isinstance(v, type) and an == v.__name__ and v.__module__ == m:
            out[m + "." + an] = sig(v)
            for dn, d in sorted(vars(v).items()):
                if isinstance(d, staticmethod): d = d.__func__
                if isinstance(d, NATIVE):
                    out[m + "." + an + "." + dn] = sig(getattr(v, dn, d))
print(json.dumps(out))
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilpy", default=os.path.join(HERE, "..", "dist", "bin", "gilpy"))
    ap.add_argument("--oracle", default="/usr/bin/python3.11")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    mods = json.loads(subprocess.check_output(
        [a.gilpy, "-c", "import sys, json; print(json.dumps(sorted(sys.builtin_module_names)))"], text=True))
    run = lambda exe: json.loads(subprocess.check_output([exe, "-c", DUMP, json.dumps(mods)], text=True, cwd="/tmp"))
    want, got = run(a.oracle), run(a.gilpy)
    common = [k for k in want if k in got]
    with_sig = [k for k in common if not want[k].startswith("!")]
    same = [k for k in with_sig if got[k] == want[k]]
    claimed_wrong = [k for k in common if want[k].startswith("!") and not got[k].startswith("!")]
    missing = [k for k in with_sig if got[k].startswith("!")]
    differ = [k for k in with_sig if k not in same and k not in missing]
    print(f"callables in both: {len(common)}; with a CPython signature: {len(with_sig)}; "
          f"same signature in gilpy: {len(same)}; none in gilpy: {len(missing)}; different: {len(differ)}; "
          f"gilpy has one where CPython has none: {len(claimed_wrong)}")
    if a.v:
        for k in differ:
            print(f"DIFF {k}: cpython {want[k]}  gilpy {got[k]}")
        for k in claimed_wrong:
            print(f"EXTRA {k}: cpython {want[k]}  gilpy {got[k]}")
        for k in missing:
            print(f"MISSING {k}: cpython {want[k]}  gilpy {got[k]}")


if __name__ == "__main__":
    main()
