# 1,000 threads started and joined in a row, then 200 alive at once; memory
# returns to its baseline afterwards (no growth from one round to the next).
import gc, threading

def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])

def noop():
    pass

def sequential(n=1000):
    for _ in range(n):
        t = threading.Thread(target=noop)
        t.start()
        t.join()

def concurrent(n=200):
    ev = threading.Event()
    ts = [threading.Thread(target=ev.wait, args=(10,)) for _ in range(n)]
    for t in ts: t.start()
    alive = threading.active_count()
    ev.set()
    for t in ts: t.join()
    return alive

def settled_rss(rounds):
    # RSS after each round varies by a megabyte or so (the collector's heap
    # and the thread stacks glibc keeps): a leak raises the lowest value
    # over several rounds, noise does not.
    low = None
    for _ in range(rounds):
        sequential()
        alive = concurrent()
        gc.collect()
        low = rss_kb() if low is None else min(low, rss_kb())
    return low, alive

# Four warm-up rounds: the collector lets its heap grow until a collection
# frees at least 2 MB (src/gc/heap.cpp, kMinBytesAllocd), so the first rounds
# can still raise the high-water mark that RSS shows; after that it is flat.
base, _ = settled_rss(4)
mid, alive = settled_rss(3)
print("alive at once:", alive)
end, alive = settled_rss(3)
print("alive at once:", alive)
print("threads left:", threading.active_count())
print("growth within 6 MB of baseline:", end - base < 6 * 1024, "no growth between rounds:", end - mid < 2 * 1024)
