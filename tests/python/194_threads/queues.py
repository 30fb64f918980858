# CPython's queue module on gilpy's threads: all four queue kinds, blocking
# with timeouts, task_done/join.
import queue, threading, time

q = queue.Queue()
results = []
def worker():
    while True:
        item = q.get(timeout=5)
        if item is None:
            q.task_done()
            break
        results.append(item * 2)
        q.task_done()
ws = [threading.Thread(target=worker) for _ in range(3)]
for w in ws: w.start()
for i in range(30):
    q.put(i)
for _ in ws:
    q.put(None)
q.join()
for w in ws: w.join()
print(sorted(results) == [i * 2 for i in range(30)], q.empty(), q.qsize())

bq = queue.Queue(maxsize=2)
bq.put(1); bq.put(2)
print(bq.full())
try:
    bq.put(3, timeout=0.01)
except queue.Full:
    print("Full")
try:
    bq.put_nowait(3)
except queue.Full:
    print("Full nowait")
def drain():
    time.sleep(0.02)
    bq.get()
threading.Thread(target=drain).start()
bq.put(3, timeout=5)
print("put after drain", bq.qsize())
e = queue.Queue()
try:
    e.get(timeout=0.01)
except queue.Empty:
    print("Empty")
try:
    e.get_nowait()
except queue.Empty:
    print("Empty nowait")

lq = queue.LifoQueue()
for i in range(3): lq.put(i)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for x in [5, 1, 4, 2]: pq.put((x, str(x)))
print([pq.get()[1] for _ in range(4)])
sq = queue.SimpleQueue()
def prod():
    for i in range(5):
        sq.put(i)
        time.sleep(0.002)
threading.Thread(target=prod).start()
print([sq.get(timeout=5) for _ in range(5)], sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")

# A consumer blocked in get() is woken by a put from another thread.
q2 = queue.Queue()
got = []
c = threading.Thread(target=lambda: got.append(q2.get(timeout=5)))
c.start()
time.sleep(0.02)
q2.put("hello")
c.join()
print(got)
