#!/usr/bin/env python3
"""Native methods called with wrong argument counts, gilpy against CPython 3.11.

    python3 tools/dunder_arity.py [--gilpy dist/bin/gilpy] [--all]

Runs tools/dunder_arity/probe.py (every dunder of ~100 builtin and native-module
types called with 0, 1 and 2 arguments; --all: their public methods instead)
under gilpy, restarting after a crash, and under /usr/bin/python3.11. Prints
the calls that crashed gilpy, then the calls where CPython raised an
argument-count TypeError and gilpy did something else (or the reverse).
Exit status 1 when gilpy crashed.
"""
import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "tools" / "dunder_arity" / "probe.py"
COUNT = re.compile(r"argument|takes no keyword")


def run(exe, env):
    """{call: outcome} and the calls that crashed, restarting after each crash."""
    results, crashes, start = {}, [], 0
    while True:
        p = subprocess.run([exe, str(PROBE), str(start)], capture_output=True, text=True, env=env, timeout=900)
        for line in p.stdout.splitlines():
            call, _, outcome = line.partition(" ")
            results[call] = outcome
        if p.returncode == 0:
            return results, crashes
        started = re.findall(r"^@ (\d+) (\S+)$", p.stderr, re.M)
        if not started:
            sys.exit(f"{exe} failed before the first call:\n{p.stderr}")
        crashes.append(f"{started[-1][1]} (exit status {p.returncode})")
        start = int(started[-1][0]) + 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gilpy", default=str(ROOT / "dist" / "bin" / "gilpy"))
    ap.add_argument("--all", action="store_true", help="public methods instead of dunders")
    args = ap.parse_args()
    env = dict(os.environ)
    if args.all:
        env["ALL"] = "1"
    else:
        env.pop("ALL", None)
    gil, crashes = run(args.gilpy, env)
    cpy, _ = run("/usr/bin/python3.11", env)
    for c in crashes:
        print("CRASH", c)
    for call in sorted(cpy.keys() & gil.keys()):
        a, b = cpy[call], gil[call]
        if a != b and (COUNT.search(a) or COUNT.search(b)):
            print(f"{call}\n  python3.11: {a}\n  gilpy:      {b}")
    print(f"{len(gil)} calls, {len(crashes)} crashes")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
