"""The threading layer's primitives: uncontended `with lock:` and RLock re-entry in one thread, then
four threads contending for a Lock and an RLock around shared counters, a Condition notify/wait
ping-pong between two threads, and Event set/wait/clear hand-offs. Every result is a count that
does not depend on scheduling; prints them as the checksum."""
import sys
import threading


def uncontended(n):
    lock = threading.Lock()
    rlock = threading.RLock()
    total = 0
    for i in range(n):
        with lock:
            total += i & 3
        with rlock:
            with rlock:
                total += 1
        if lock.acquire(False):
            lock.release()
    return total


def contended(n, threads):
    lock = threading.Lock()
    rlock = threading.RLock()
    box = {"a": 0, "b": 0}

    def work():
        for _ in range(n):
            with lock:
                box["a"] += 1
            with rlock:
                with rlock:
                    box["b"] += 2
    ts = [threading.Thread(target=work) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return box["a"], box["b"]


def ping_pong(n):
    cond = threading.Condition()
    state = {"turn": 0, "count": 0}

    def player(me):
        for _ in range(n):
            with cond:
                while state["turn"] != me:
                    cond.wait()
                state["count"] += 1
                state["turn"] = 1 - me
                cond.notify()
    ts = [threading.Thread(target=player, args=(k,)) for k in (0, 1)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return state["count"]


def events(n):
    go, done = threading.Event(), threading.Event()
    seen = []

    def follower():
        for i in range(n):
            go.wait()
            go.clear()
            seen.append(i)
            done.set()
    t = threading.Thread(target=follower)
    t.start()
    for _ in range(n):
        go.set()
        done.wait()
        done.clear()
    t.join()
    return len(seen), sum(seen)


def main(n):
    u = uncontended(n)
    a, b = contended(n // 8, 4)
    p = ping_pong(n // 40)
    e = events(n // 40)
    print("uncontended:", u, "contended:", a, b, "ping-pong:", p, "events:", e)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300000)
