# regen: manual -- the gil module is gilpy's own; CPython has no GIL recording.
# Statistics and verdicts for known workloads, recorded with gil.record():
# CPU-bound threads, I/O-bound threads, a mix showing the convoy effect, and a
# single thread. Only robust properties are printed (kinds, names, bounds).
import threading, time
import gil

def cpu(n=1_500_000):
    x = 0
    for i in range(n):
        x += i

def io(k=4, s=0.05):
    for _ in range(k):
        time.sleep(s)

def run(targets):
    ts = [threading.Thread(target=f, name=name) for name, f in targets]
    for t in ts: t.start()
    for t in ts: t.join()

def check(title, rec, names):
    st = rec.stats()
    by = {t["name"]: t for t in st["threads"]}
    print(title, "->", st["verdict"])
    print("  threads recorded:", sorted(n for n in names if n in by) == sorted(names))
    for t in st["threads"]:
        total = t["running"] + t["waiting"] + t["blocked"]
        if not 0.98 <= total <= 1.0001:
            print("  shares do not add up for", t["name"], total)
    return st, by

with gil.record() as rec:
    run([("cpu-a", cpu), ("cpu-b", cpu)])
st, by = check("cpu-bound", rec, ["cpu-a", "cpu-b"])
print("  forced drops > 0:", by["cpu-a"]["forced_drops"] + by["cpu-b"]["forced_drops"] > 0,
      "contention > 30%:", st["contention"] > 0.3, "busy > 80%:", st["gil_busy"] > 0.8)

with gil.record() as rec:
    run([(f"io-{i}", io) for i in range(4)])
st, by = check("io-bound", rec, [f"io-{i}" for i in range(4)])
# Forced switches: none when the machine is idle, but a thread the OS deschedules
# while holding the GIL can make a waiter force one; they stay a small share.
# "Dominates" among the blocking calls: the share of the whole thread's time
# also depends on how long a loaded machine makes it wait to start and run.
print("  sleep dominates:", all(by[f"io-{i}"]["blocked_by_call"].get("sleep", 0) > 0.8 * by[f"io-{i}"]["blocked"]
                                for i in range(4)),
      "few forced drops:", st["forced_switches"] * 4 <= max(1, st["switches"]), "busy < 50%:", st["gil_busy"] < 0.5)

stop = False
def cruncher():
    x = 0
    while not stop:
        x += 1
def short_io():
    for _ in range(15):
        time.sleep(0.002)
with gil.record() as rec:
    c = threading.Thread(target=cruncher, name="cruncher")
    c.start()
    run([("io-a", short_io), ("io-b", short_io)])
    stop = True
    c.join()
st, by = check("convoy", rec, ["cruncher", "io-a", "io-b"])
print("  io threads wait about an interval:", by["io-a"]["wait_median"] > 0.001, "mostly waiting:",
      by["io-a"]["waiting"] > by["io-a"]["running"])

with gil.record() as rec:
    cpu(200_000)
    time.sleep(0.01)
st, by = check("single", rec, ["MainThread"])
print("  one thread:", len(st["threads"]) == 1, by["MainThread"]["main"], "sleep seen:",
      by["MainThread"]["blocked_by_call"].get("sleep", 0) > 0)
print("recording off afterwards:", not gil.is_recording())
try:
    gil.stats()
except RuntimeError as e:
    print("RuntimeError:", e)
