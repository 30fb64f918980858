# Hand-over latency: from a waiter's drop request to the waiter running, as
# recorded by gilpy's GIL (the `gil` module). Two CPU-bound threads force a
# hand-over every switch interval. Prints one JSON line; on an interpreter
# without the `gil` module it prints {"unsupported": true}.
import json, statistics, threading

try:
    import _gil
except ImportError:
    print(json.dumps({"unsupported": True}))
    raise SystemExit(0)

def spin(n):
    while n > 0:
        n -= 1

before = len(_gil.handover_latencies())
ts = [threading.Thread(target=spin, args=(4_000_000,)) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
lat = sorted(_gil.handover_latencies())
samples = len(lat)
print(json.dumps({"samples": samples, "median_us": statistics.median(lat) * 1e6 if lat else None,
                  "p99_us": lat[int(0.99 * (samples - 1))] * 1e6 if lat else None,
                  "max_us": lat[-1] * 1e6 if lat else None}))
