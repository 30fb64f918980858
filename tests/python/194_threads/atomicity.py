# CPython 3.11's visible atomicity under the default switching mode: the GIL
# changes hands only at safe points (function entry, backward jumps, after
# calls), so `n += 1` on a global loses no update, while `n = n + f()` with a
# Python function f can be preempted between the load and the store.
import threading

N = 1_000_000
n = 0

def run(fn, threads=4):
    global n
    n = 0
    ts = [threading.Thread(target=fn) for _ in range(threads)]
    for t in ts: t.start()
    for t in ts: t.join()
    return n

def incr():
    global n
    for _ in range(N):
        n += 1

def f():
    return 1

def incr_call():
    global n
    for _ in range(N // 4):
        n = n + f()

print("n += 1 loses nothing:", all(run(incr) == 4 * N for _ in range(2)))

# Losing updates needs a switch to land in the window: retry a bounded number
# of rounds (each round has dozens of switches, so one is practically enough).
lost = False
for _ in range(10):
    if run(incr_call) < N:
        lost = True
        break
print("n = n + f() loses updates:", lost)

# list.sort() is one bytecode: another thread never sees a half-sorted list.
data = list(range(20000, 0, -1))
stop = threading.Event()
bad = []
def sorter():
    while not stop.is_set():
        data.sort()
        data.reverse()
def watcher():
    for _ in range(300):
        snapshot = data[:]
        if snapshot != sorted(snapshot) and snapshot != sorted(snapshot, reverse=True):
            bad.append(1)
    stop.set()
ts = [threading.Thread(target=sorter), threading.Thread(target=watcher)]
for t in ts: t.start()
for t in ts: t.join()
print("list.sort()/reverse() seen half-done:", bool(bad))
