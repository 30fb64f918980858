# multiprocessing.Manager (fork): a server process holding shared dict, list,
# Namespace, Queue, Lock, Event and Value-less proxies, used from children.
import multiprocessing as mp


def fill(d, l, ns, i):
    d[i] = i * i
    l.append(i)
    with ns_lock:
        ns.total += i


def drain(q, out):
    items = []
    while True:
        x = q.get(timeout=10)
        if x is None:
            break
        items.append(x)
    out.extend(sorted(items))


ns_lock = None

if __name__ == "__main__":
    mp.set_start_method("fork")
    with mp.Manager() as m:
        d = m.dict()
        l = m.list()
        ns = m.Namespace()
        ns.total = 0
        ns_lock = m.Lock()
        ps = [mp.Process(target=fill, args=(d, l, ns, i)) for i in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join(20)
        print("exit codes:", [p.exitcode for p in ps])
        print("dict:", sorted(d.items()), len(d), 2 in d, d.get(9, "missing"))
        print("list:", sorted(l), len(l))
        print("namespace:", ns.total)
        d.update({"a": 1})
        print("copy:", sorted(d.copy().items(), key=str))
        l2 = m.list([3, 1, 2])
        l2.sort()
        print("list methods:", l2[:], l2[0], l2.index(2))
        q = m.Queue()
        out = m.list()
        p = mp.Process(target=drain, args=(q, out))
        p.start()
        for i in (5, 3, 4):
            q.put(i)
        q.put(None)
        p.join(20)
        print("queue through manager:", list(out))
        ev = m.Event()
        print("event:", ev.is_set(), ev.wait(0.01))
        ev.set()
        print("event set:", ev.is_set())
        with mp.Pool(2) as pool:
            pool.starmap(fill, [(d, l, ns, i) for i in range(10, 13)])
        print("from pool:", sorted(k for k in d.keys() if isinstance(k, int) and k >= 10), ns.total)
    print("manager stopped")
