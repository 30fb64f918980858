# Queue, SimpleQueue, JoinableQueue and Pipe between processes (fork).
import multiprocessing as mp
import queue


def producer(q, n, tag):
    for i in range(n):
        q.put((tag, i))
    q.put((tag, None))


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(("echo", msg))
    conn.send_bytes(b"raw bytes")
    conn.close()


def consumer(jq, out):
    while True:
        item = jq.get(timeout=10)
        if item is None:
            jq.task_done()
            break
        out.put(item * 10)
        jq.task_done()


def one_way(w):
    w.send({"k": [1, 2, 3]})
    w.close()


if __name__ == "__main__":
    mp.set_start_method("fork")
    q = mp.Queue()
    ps = [mp.Process(target=producer, args=(q, 50, t)) for t in "ab"]
    for p in ps:
        p.start()
    done = 0
    items = []
    while done < 2:
        tag, i = q.get(timeout=10)
        if i is None:
            done += 1
        else:
            items.append((tag, i))
    for p in ps:
        p.join(10)
    print("queue items:", len(items), sorted(items)[:3], sorted(items)[-1])
    print("order per producer kept:", all([i for t, i in items if t == tag] == list(range(50)) for tag in "ab"))
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("empty after timeout")
    q.put("x")
    print("get after put:", q.get(timeout=10))
    q.close()
    q.join_thread()

    bq = mp.Queue(maxsize=1)
    bq.put(1)
    try:
        bq.put(2, timeout=0.05)
    except queue.Full:
        print("full after timeout")
    print("bounded get:", bq.get(timeout=10))

    sq = mp.SimpleQueue()
    p = mp.Process(target=producer, args=(sq, 5, "s"))
    p.start()
    got = [sq.get() for _ in range(6)]
    p.join(10)
    print("simple queue:", got, sq.empty())
    sq.close()

    jq = mp.JoinableQueue()
    out = mp.Queue()
    p = mp.Process(target=consumer, args=(jq, out))
    p.start()
    for i in range(5):
        jq.put(i)
    jq.put(None)
    jq.join()
    print("joinable:", sorted(out.get(timeout=10) for _ in range(5)))
    p.join(10)
    print("consumer exit:", p.exitcode)

    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    for m in ["hi", 42, (1, 2), {"x": None}]:
        a.send(m)
        print("pipe:", a.recv())
    print("poll with nothing:", a.poll(0.01))
    a.send(None)
    print("recv_bytes:", a.recv_bytes())
    p.join(10)
    b.close()
    try:
        a.recv()
    except EOFError:
        print("EOF after child closed")
    a.close()

    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=one_way, args=(w,))
    p.start()
    w.close()
    print("poll:", r.poll(10))
    print("one-way:", r.recv())
    p.join(10)
    print("readable/writable:", r.readable, r.writable)
    big = bytes(range(256)) * 4000
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    a.send(big)
    tag, back = a.recv()
    print("big message:", tag, back == big, len(back))
    a.send(None)
    a.recv_bytes()
    p.join(10)
