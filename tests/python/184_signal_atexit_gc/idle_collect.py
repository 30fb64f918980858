# A thread pool dropped without shutdown(): CPython's reference counting frees
# the executor at `del`, whose weak reference callback tells the workers to
# exit. gilpy runs a collection once a thread has waited a while for a lock
# with the collector idle, so the join below ends (after about a second).
import threading, time
from concurrent import futures

def run():
    executor = futures.ThreadPoolExecutor(max_workers=3)
    res = executor.map(abs, range(-5, 5))
    threads = list(executor._threads)
    del executor
    return res, threads

res, threads = run()
t0 = time.monotonic()
for t in threads:
    t.join(timeout=30)
print("workers exited:", not any(t.is_alive() for t in threads), time.monotonic() - t0 < 30)
print(list(res))
