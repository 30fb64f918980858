# regen: manual -- the gil module is gilpy's own.
# The gil module: a recording's summary, trace and report from Python, the
# statistics dict, gil.stats() while -X gilstats records, and the counters.
import json, os, subprocess, sys, tempfile, threading, time
import gil

with gil.record() as rec:
    ts = [threading.Thread(target=time.sleep, args=(0.01,), name=f"napper-{i}") for i in range(2)]
    for t in ts: t.start()
    for t in ts: t.join()
text = rec.summary()
lines = text.splitlines()
print(lines[0].split(":")[0], "|", lines[1].split()[:4])
print("rows:", sorted(l.split()[0] for l in lines[2:] if l.split()[0] in ("MainThread", "napper-0", "napper-1")))
print("overall line:", any(l.startswith("overall: GIL busy") for l in lines), "verdict line:",
      any(l.startswith("verdict (") for l in lines))
st = rec.stats()
print(sorted(st)[:6])
print(sorted(st["threads"][0]))
with tempfile.TemporaryDirectory() as tmp:
    rec.write_trace(os.path.join(tmp, "t.json"))
    rec.write_report(os.path.join(tmp, "r.html"))
    with open(os.path.join(tmp, "t.json")) as f:
        names = sorted(e["args"]["name"] for e in json.load(f)["traceEvents"] if e["name"] == "thread_name")
    print("trace tracks:", names)
    print("report:", os.path.getsize(os.path.join(tmp, "r.html")) > 1000)

# Recording stays on when it was already on (-X gilstats), and gil.stats() works then.
code = ("import gil, threading; t = threading.Thread(target=sum, args=(range(10),), name='w'); t.start(); t.join();"
        "s = gil.stats(); print(gil.is_recording(), sorted(x['name'] for x in s['threads']), s['verdict'] in "
        "('single-threaded', 'mixed', 'io-bound', 'cpu-bound', 'convoy'))")
r = subprocess.run([sys.executable, "-X", "gilstats", "-c", code], capture_output=True, text=True, timeout=60)
print(r.stdout.strip(), "| summary at exit:", "gilpy GIL statistics" in r.stderr)

c = gil.counters()
print(sorted(c), c["switches"] > 0, c["threads"])
print(gil.getswitchinterval(), gil.get_switch_mode())
