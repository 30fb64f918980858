# Tracing is process-wide; each block's traceback comes from the frames of
# the thread that allocated it. Threads allocate at once (zlib's inflate
# allocates its window while the GIL is released) and start/stop/snapshots
# happen while they run.
import os
import sys
import threading
import tracemalloc
import zlib

tracemalloc.start(3)
results = {}
payload = zlib.compress(os.urandom(1000) * 200)


def worker(k):
    mine = []
    for i in range(300):
        mine.append(bytearray(100 + k))  # the line each worker's blocks come from
        if i % 50 == 0:
            zlib.decompress(payload)
    results[k] = mine


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
while any(t.is_alive() for t in threads):
    tracemalloc.take_snapshot()
for t in threads:
    t.join()

line = worker.__code__.co_firstlineno + 3
ok = True
for k, objs in sorted(results.items()):
    for o in objs:
        tb = tracemalloc.get_object_traceback(o)
        if tb is None or tb[-1].filename != __file__ or tb[-1].lineno != line:
            ok = False
            print("unexpected", k, tb and tb.format())
            break
    # The thread's own frames only: worker, then threading's run/_bootstrap_inner.
    frames = tracemalloc.get_object_traceback(objs[0])
    print(k, ok, [os.path.basename(f.filename) for f in frames], frames.total_nframe)

# start and stop while other threads allocate.
stop = threading.Event()


def churn():
    while not stop.is_set():
        [str(i) for i in range(100)]
        zlib.decompress(payload)


cs = [threading.Thread(target=churn) for _ in range(2)]
for t in cs:
    t.start()
for i in range(50):
    tracemalloc.stop()
    tracemalloc.start(1 + i % 4)
    tracemalloc.take_snapshot()
    tracemalloc.get_traced_memory()
    tracemalloc.clear_traces()
stop.set()
for t in cs:
    t.join()
print(tracemalloc.is_tracing())
tracemalloc.stop()
