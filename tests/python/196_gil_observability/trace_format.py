# regen: manual -- -X giltrace is gilpy's own.
# -X giltrace=FILE writes Chrome trace-event JSON: it validates against the
# format (the fields each phase needs), and it has one named track per Python
# thread with running / waiting / blocking-call spans, drop-request and
# forced-switch instants, and the waiting-threads counter.
import json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "trace.json")
    r = subprocess.run([sys.executable, "-X", f"giltrace={out}", os.path.join(here, "_workload.py")],
                       capture_output=True, text=True, timeout=60)
    print(r.returncode, r.stdout.strip(), repr(r.stderr))
    with open(out) as f:
        data = json.load(f)

events = data["traceEvents"]
problems = []
need = {"X": {"name", "ph", "ts", "dur", "pid", "tid"}, "i": {"name", "ph", "ts", "pid", "tid", "s"},
        "C": {"name", "ph", "ts", "pid", "args"}, "M": {"name", "ph", "pid", "args"}}
for e in events:
    ph = e.get("ph")
    if ph not in need:
        problems.append(f"unknown phase {ph!r}")
        continue
    missing = need[ph] - e.keys()
    if missing:
        problems.append(f"{ph} event without {sorted(missing)}")
    if "ts" in e and not isinstance(e["ts"], (int, float)):
        problems.append("ts not a number")
    if ph == "X" and e["dur"] < 0:
        problems.append("negative duration")
    if ph == "C" and not all(isinstance(v, (int, float)) for v in e["args"].values()):
        problems.append("counter args not numbers")
print("format problems:", problems[:5])
print("displayTimeUnit:", data.get("displayTimeUnit"))

tracks = {e["tid"]: e["args"]["name"] for e in events if e["ph"] == "M" and e["name"] == "thread_name"}
print("tracks:", sorted(tracks.values()))
spans = {}
for e in events:
    if e["ph"] == "X":
        spans.setdefault(tracks.get(e["tid"], "?"), set()).add(e["name"])
print("MainThread spans:", sorted(spans["MainThread"] & {"running", "join", "sleep"}))
print("cpu-1 spans:", sorted(spans["cpu-1"] & {"running", "waiting for GIL"}))
print("sleeper has sleep:", "sleep" in spans["sleeper"], "consumer has queue:", "queue" in spans["consumer"])
instants = {e["name"] for e in events if e["ph"] == "i"}
print("instants:", sorted(instants))
print("counter:", sorted({e["name"] for e in events if e["ph"] == "C"}))
# Spans on one track never overlap: a thread is in one state at a time.
overlaps = 0
for tid in tracks:
    xs = sorted((e["ts"], e["ts"] + e["dur"]) for e in events if e["ph"] == "X" and e["tid"] == tid)
    overlaps += sum(1 for (a0, a1), (b0, b1) in zip(xs, xs[1:]) if b0 < a1 - 0.01)
print("overlapping spans:", overlaps)
