# Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer, local
# used from several threads. Every wait is bounded.
import threading, time

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print("ValueError:", e)

# A lock released by another thread wakes the waiter.
lock.acquire()
def releaser():
    time.sleep(0.02)
    lock.release()
threading.Thread(target=releaser).start()
print("acquired after release by other thread:", lock.acquire(timeout=5))
lock.release()

r = threading.RLock()
with r:
    with r:
        print("rlock nested ok", r._is_owned())
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
def other_release():
    try:
        r.release()
    except RuntimeError as e:
        print("other thread:", e)
r.acquire()
t = threading.Thread(target=other_release); t.start(); t.join()
r.release()

# Condition: producer/consumer
cond = threading.Condition()
items = []
def consumer(out):
    with cond:
        ok = cond.wait_for(lambda: len(items) >= 3, timeout=5)
        out.append((ok, list(items)))
out = []
c = threading.Thread(target=consumer, args=(out,)); c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
c.join()
print("condition:", out)
with cond:
    print("wait timeout returns", cond.wait(0.01))

# Semaphores
sem = threading.Semaphore(2)
active = []
peak = [0]
m = threading.Lock()
def use():
    with sem:
        with m:
            active.append(1)
            peak[0] = max(peak[0], len(active))
        time.sleep(0.01)
        with m:
            active.pop()
ts = [threading.Thread(target=use) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("semaphore peak <= 2:", peak[0] <= 2, peak[0] >= 1)
bs = threading.BoundedSemaphore(1)
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
print(sem.acquire(timeout=0.01), sem.acquire(timeout=0.01), sem.acquire(timeout=0.01))

# Event
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
threading.Timer(0.02, ev.set).start()
print("event set by Timer:", ev.wait(5), ev.is_set())
ev.clear(); print(ev.is_set())
tm = threading.Timer(10, print, args=("never",))
tm.start(); tm.cancel(); tm.join(5)
print("cancelled timer alive:", tm.is_alive())

# Barrier
b = threading.Barrier(3)
got = []
def party():
    got.append(b.wait(timeout=5))
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("barrier indices:", sorted(got), b.n_waiting, b.broken)
b2 = threading.Barrier(2)
try:
    b2.wait(timeout=0.02)
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b2.broken)

# local
loc = threading.local()
loc.v = "main"
seen = {}
def worker(n):
    print_missing = not hasattr(loc, "v")
    loc.v = n
    time.sleep(0.01)
    seen[n] = (print_missing, loc.v)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("local:", sorted(seen.items()), loc.v)

class MyLocal(threading.local):
    def __init__(self, base):
        self.base = base
        self.count = 0
ml = MyLocal(10)
ml.count = 5
res = []
def w():
    ml.count += 1
    res.append((ml.base, ml.count))
t = threading.Thread(target=w); t.start(); t.join()
print("local subclass:", res, ml.count, ml.__dict__)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
