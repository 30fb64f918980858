#!/usr/bin/env python3
"""Thread benchmarks (benchmarks/threads/): run each under gilpy and python3, alternating, and report
the medians of the ratios each program measures within one process, against the GIL issue's targets.

    python3 tools/bench_threads.py [--gilpy dist/bin/gilpy] [--python python3] [--runs 5]

Every figure is a ratio or a latency measured inside one run (never an absolute time compared across
processes), so the numbers stay meaningful on a shared, noisy machine.
"""
import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks" / "threads"


def run(exe, name, timeout=300, options=()):
    r = subprocess.run([exe, *options, str(BENCH / name)], capture_output=True, text=True, timeout=timeout,
                       stdin=subprocess.DEVNULL)
    if r.returncode != 0:
        raise SystemExit(f"{exe} {name} failed ({r.returncode}):\n{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def median(xs):
    return statistics.median(xs) if xs else None


def fmt(x, spec=".2f"):
    return "n/a" if x is None else format(x, spec)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilpy", default=str(ROOT / "dist" / "bin" / "gilpy"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    exes = {"gilpy": args.gilpy, "python3": args.python}
    res = {k: {"io": [], "cpu": [], "progress": [], "period": [], "lat_med": [], "lat_p99": []} for k in exes}
    recording = []  # gilpy: thread-heavy time with -X gilstats / without
    for i in range(args.runs):
        for who, exe in exes.items():
            io = run(exe, "io_bound.py")
            cpu = run(exe, "cpu_bound.py")
            ho = run(exe, "handover.py")
            r = res[who]
            r["io"].append(io["ratio"])
            r["cpu"].append(cpu["ratio"])
            r["progress"].append(cpu["progress_ok"])
            r["period"].append(max(cpu["turn_period_intervals"]))
            if not ho.get("unsupported") and ho["median_us"] is not None:
                r["lat_med"].append(ho["median_us"])
                r["lat_p99"].append(ho["p99_us"])
        off = run(args.gilpy, "thread_heavy.py")["elapsed_s"]
        on = run(args.gilpy, "thread_heavy.py", options=("-X", "gilstats"))["elapsed_s"]
        recording.append(on / off)
        print(f"run {i + 1}/{args.runs} done", file=sys.stderr)
    g, c = res["gilpy"], res["python3"]
    rows = [
        ("I/O-bound: 8 threads x 5 sleeps / 1 thread", fmt(median(g["io"])), fmt(median(c["io"])), "<= 1.15"),
        ("CPU-bound: 2 threads / sequential", fmt(median(g["cpu"])), fmt(median(c["cpu"])), "<= 1.10"),
        ("CPU-bound: a thread's turn-to-turn period (intervals)", fmt(median(g["period"])),
         fmt(median(c["period"])), "<= 2"),
        ("CPU-bound: runs where both threads met it", f"{sum(g['progress'])}/{len(g['progress'])}",
         f"{sum(c['progress'])}/{len(c['progress'])}", "all"),
        ("hand-over latency median (us)", fmt(median(g["lat_med"]), ".0f"), "n/a", "< 100"),
        ("hand-over latency p99 (us)", fmt(median(g["lat_p99"]), ".0f"), "n/a", ""),
        ("recording on (-X gilstats) / off, thread-heavy", fmt(median(recording)), "n/a", "<= 1.10"),
    ]
    print(f"{'measure (median of ' + str(args.runs) + ' runs)':48} {'gilpy':>8} {'python3':>8}  target")
    for name, a, b, t in rows:
        print(f"{name:48} {a:>8} {b:>8}  {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
