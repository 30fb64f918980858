# threading.Thread and the module-level functions, on real OS threads.
import threading, time, _thread

results = []

def target(a, b, *, c):
    results.append((a, b, c, threading.current_thread().name))

t = threading.Thread(target=target, args=(1, 2), kwargs={"c": 3}, name="worker-1")
print(t.name, t.daemon, t.is_alive(), t.ident)
t.start()
t.join()
print(results, t.is_alive())
print(isinstance(t.ident, int), isinstance(t.native_id, int), t.ident != threading.main_thread().ident)

class Sub(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"sub-{n}")
        self.n = n
        self.out = None
    def run(self):
        self.out = sum(range(self.n))

subs = [Sub(i * 1000) for i in range(5)]
for s in subs: s.start()
for s in subs: s.join()
print([s.out for s in subs])

# join with a timeout on a thread that is still blocked
ev = threading.Event()
w = threading.Thread(target=ev.wait, name="waiter", daemon=True)
w.start()
t0 = time.monotonic()
w.join(timeout=0.05)
waited = time.monotonic() - t0
print("still alive after join(timeout):", w.is_alive(), waited >= 0.04, waited < 5)
print("enumerate has waiter:", w in threading.enumerate(), threading.active_count())
ev.set()
w.join()
print("after set:", w.is_alive(), threading.active_count())

print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
print(threading.get_ident() == _thread.get_ident(), threading.get_native_id() > 0)

# Idents are distinct while threads are alive at the same time.
ids = []
barrier = threading.Barrier(4)
def rec():
    ids.append(threading.get_ident())
    barrier.wait()
ts = [threading.Thread(target=rec) for _ in range(4)]
for x in ts: x.start()
for x in ts: x.join()
print("distinct idents:", len(set(ids)))

# Starting twice, joining an unstarted thread, joining oneself.
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

# _thread directly
done = threading.Event()
box = []
def raw(x, y=0):
    box.append(x + y)
    done.set()
ident = _thread.start_new_thread(raw, (40,), {"y": 2})
print(isinstance(ident, int), done.wait(5), box)
for bad in [(1, ()), (print, [1]), (print, (), 5)]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)
print(_thread._count() >= 0, _thread.TIMEOUT_MAX > 1e9)
print(_thread.stack_size(), _thread.stack_size(1 << 20), _thread.stack_size(0))
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError:", e)
t = threading.Thread(target=lambda: box.append("big stack"))
_thread.stack_size(4 << 20)
t.start(); t.join()
_thread.stack_size(0)
print(box)
