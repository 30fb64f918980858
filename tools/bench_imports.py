#!/usr/bin/env python3
"""Start-up and import costs of gilpy against python3 (issue 2 asks for re, json, argparse, logging
and unittest): the median of N runs of `-c "import X"` minus the median of `-c pass`, per module.

    python3 tools/bench_imports.py [--gilpy dist/bin/gilpy] [--python /usr/bin/python3.11] [--runs 7]
"""
import argparse
import statistics
import subprocess
import time

MODULES = ["re", "json", "argparse", "logging", "unittest"]


def median_time(exe, code, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([exe, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilpy", default="dist/bin/gilpy")
    ap.add_argument("--python", default="/usr/bin/python3.11")
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    base_g, base_p = median_time(a.gilpy, "pass", a.runs), median_time(a.python, "pass", a.runs)
    print(f"{'':22} {'gilpy ms':>9} {'python3 ms':>11} {'ratio':>6}")
    print(f"{'start-up (-c pass)':22} {base_g * 1e3:9.1f} {base_p * 1e3:11.1f} {base_g / base_p:6.2f}")
    for m in MODULES:
        g = median_time(a.gilpy, "import " + m, a.runs) - base_g
        p = median_time(a.python, "import " + m, a.runs) - base_p
        print(f"{'import ' + m:22} {g * 1e3:9.1f} {p * 1e3:11.1f} {g / p:6.2f}")


if __name__ == "__main__":
    main()
