# regen: manual -- gilpy-specific: CPython frees dropped objects at once and
# never collects while every thread waits.
# A thread that has waited about a second for a lock runs a collection (so
# objects dropped before the wait get finalized while the program is idle):
# gc.callbacks hear of it, once per wait, with the phases of a full collection.
import gc, threading, time

phases = []
gc.callbacks.append(lambda phase, info: phases.append((phase, info["generation"])))
lock = threading.Lock()
lock.acquire()
t0 = time.monotonic()
got = lock.acquire(timeout=3)
waited = time.monotonic() - t0
print("acquired:", got, "waited the timeout:", waited >= 2.9)
print("idle collection during the wait:", phases[:2])
phases.clear()
lock.acquire(timeout=0.5)  # shorter than the idle delay: no collection
print("short wait collects:", bool(phases))

# A callback that raises is reported, not raised into the waiting thread.
def bad(phase, info):
    raise ValueError("from callback")
gc.callbacks[:] = [bad]
import sys
seen = []
sys.unraisablehook = lambda u: seen.append(type(u.exc_value).__name__)
print("wait ends normally:", lock.acquire(timeout=1.5))
print("reported:", seen[:1])
