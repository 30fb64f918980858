# A thread-heavy program for measuring what recording the GIL costs: four
# producer/consumer pairs passing items through queues (a blocking call and a
# GIL hand-over per item) next to two CPU-bound threads. Prints one JSON line
# with the time the threaded part took.
import json, queue, threading, time

ITEMS = 5000

def producer(q):
    for i in range(ITEMS):
        q.put(i)
    q.put(None)

def consumer(q, out):
    total = 0
    while (x := q.get()) is not None:
        total += x
    out.append(total)

def cpu():
    x = 0
    for i in range(1_500_000):
        x += i

t0 = time.perf_counter()
out = []
threads = [threading.Thread(target=cpu) for _ in range(2)]
for _ in range(4):
    q = queue.Queue(maxsize=16)
    threads += [threading.Thread(target=producer, args=(q,)), threading.Thread(target=consumer, args=(q, out))]
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.perf_counter() - t0
assert out == [ITEMS * (ITEMS - 1) // 2] * 4
print(json.dumps({"elapsed_s": elapsed}))
