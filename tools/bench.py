#!/usr/bin/env python3
"""Benchmarks: run each benchmarks/*.py under gilpy and python3, interleaved, and compare.

    python3 tools/bench.py [--gilpy dist/bin/gilpy] [--python /usr/bin/python3.11] [--runs 5] [NAME ...]

Each program prints a checksum; gilpy's stdout must equal python3's, else the program is marked FAIL
and left out of the geometric means. For every run the wall time and the child's peak RSS
(ru_maxrss) are measured; the table shows medians and the gilpy/python3 ratios.

Peak RSS comes from GNU time (/usr/bin/time) when it is installed: a child's own ru_maxrss is never
below the RSS of the process that spawned it (exec records the old address space's high-water mark,
and subprocess spawns from this ~15 MB Python process), so without it every value under ~15 MB reads
as ~15 MB for both interpreters. Without GNU time the table says so and falls back to os.wait4.
"""
import argparse
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "benchmarks"


GNU_TIME = "/usr/bin/time"
HAVE_GNU_TIME = os.access(GNU_TIME, os.X_OK)


def run_once(exe, script, timeout):
    """Run `exe script` in benchmarks/; return (seconds, peak_rss_kb, exit_status, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as rss:
        cmd = [exe, script.name]
        if HAVE_GNU_TIME:   # its child is forked from a small process: ru_maxrss is the child's own
            cmd = [GNU_TIME, "-f", "%M", "-o", rss.name] + cmd
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, cwd=BENCH_DIR, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=err, start_new_session=True)
        except OSError as e:
            return 0.0, 0, None, "", f"cannot run {exe}: {e}"
        deadline = start + timeout
        status = rusage = None
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, rusage = os.wait4(proc.pid, 0)
                status = None
                break
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        proc.returncode = 0 if status is None else os.waitstatus_to_exitcode(status)   # already reaped
        try:
            os.killpg(proc.pid, signal.SIGKILL)     # stray grandchildren
        except (ProcessLookupError, PermissionError):
            pass
        out.seek(0)
        err.seek(0)
        code = None if status is None else proc.returncode
        maxrss = rusage.ru_maxrss
        if HAVE_GNU_TIME and code is not None:
            lines = rss.read().split()     # "Command exited with non-zero status N" may come first
            maxrss = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        return (seconds, maxrss, code, out.read().decode(errors="replace"),
                err.read().decode(errors="replace") if code is not None else f"timed out after {timeout}s")


def geomean(values):
    return f"{math.exp(sum(math.log(v) for v in values) / len(values)):.2f}" if values else "n/a"


def main():
    ap = argparse.ArgumentParser(description="gilpy vs python3 benchmarks")
    ap.add_argument("names", nargs="*", help="benchmark names (default: all benchmarks/*.py)")
    ap.add_argument("--gilpy", default=str(ROOT / "dist/bin/gilpy"))
    ap.add_argument("--python", default="/usr/bin/python3.11", help="the reference interpreter (Debian's CPython 3.11, the oracle)")
    ap.add_argument("--runs", type=int, default=5, help="runs per interpreter and program")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    args = ap.parse_args()
    gilpy = str(Path(args.gilpy).resolve()) if os.sep in args.gilpy else args.gilpy
    scripts = sorted(BENCH_DIR.glob("*.py"))
    if args.names:
        wanted = {n.removesuffix(".py") for n in args.names}
        scripts = [s for s in scripts if s.stem in wanted]
        missing = wanted - {s.stem for s in scripts}
        if missing:
            sys.exit(f"unknown benchmarks: {', '.join(sorted(missing))}")

    header = f"{'program':<16}{'python3 s':>10}{'gilpy s':>10}{'time x':>8}{'py MB':>8}{'gilpy MB':>9}{'mem x':>7}"
    print(f"{args.runs} runs each, interleaved; medians; ratios are gilpy / python3")
    if not HAVE_GNU_TIME:
        print(f"(no {GNU_TIME}: peak RSS from os.wait4, which never reads below this script's own RSS)")
    print(header)
    print("-" * len(header))
    time_ratios, mem_ratios, failed = [], [], []
    for script in scripts:
        py_t, py_m, gp_t, gp_m = [], [], [], []
        reference, problem = None, ""
        for _ in range(args.runs):
            t, m, code, out, err = run_once(args.python, script, args.timeout)
            if code != 0:
                sys.exit(f"{script.name}: {args.python} failed (status {code}):\n{err}")
            reference = out if reference is None else reference
            py_t.append(t)
            py_m.append(m)
            t, m, code, out, err = run_once(gilpy, script, args.timeout)
            if code != 0:
                last = err.strip().splitlines()[-1] if err.strip() else ""
                problem = last if code is None else f"exit status {code}: {last}"
                break
            if out != reference:
                problem = "checksum differs from python3's output"
                break
            gp_t.append(t)
            gp_m.append(m)
        name = script.stem
        pt, pm = statistics.median(py_t), statistics.median(py_m) / 1024
        if problem:
            failed.append(name)
            print(f"{name:<16}{pt:>10.3f}{'FAIL':>10}   {problem}")
            continue
        gt, gm = statistics.median(gp_t), statistics.median(gp_m) / 1024
        time_ratios.append(gt / pt)
        mem_ratios.append(gm / pm)
        print(f"{name:<16}{pt:>10.3f}{gt:>10.3f}{gt / pt:>8.2f}{pm:>8.1f}{gm:>9.1f}{gm / pm:>7.2f}", flush=True)
    print("-" * len(header))
    print(f"{'geometric mean':<36}{geomean(time_ratios):>8}{'':>17}{geomean(mem_ratios):>7}")
    if failed:
        print(f"excluded from the means (FAIL): {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
