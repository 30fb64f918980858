# Processes really run at the same time: each child posts its own semaphore
# and then waits for the other child's, so neither can finish unless both are
# running at once (a child that ran alone would time out and report False).
# Then two CPU-bound children each spin until the other has started spinning:
# a busy process (holding its own GIL) never keeps another one from running.
import multiprocessing as mp


def handshake(mine, theirs, out, tag):
    mine.release()
    ok = theirs.acquire(timeout=20)
    out.put((tag, ok))


def spin_until_peer(my_flag, peer_flag, out, tag):
    # Busy-wait (CPU-bound, no blocking call) until the peer has started its
    # own busy loop; counts iterations so the loop is real work.
    my_flag.set()
    n = 0
    while not peer_flag.is_set():
        n += 1
        if n > 200_000_000:
            break
    out.put((tag, peer_flag.is_set()))


_sems = None


def share(s1, s2):
    global _sems
    _sems = (s1, s2)


def pool_handshake(tag):
    mine, theirs = _sems if tag == "x" else _sems[::-1]
    mine.release()
    return tag, theirs.acquire(timeout=20)


if __name__ == "__main__":
    mp.set_start_method("fork")
    out = mp.Queue()
    a, b = mp.Semaphore(0), mp.Semaphore(0)
    ps = [mp.Process(target=handshake, args=(a, b, out, "A")),
          mp.Process(target=handshake, args=(b, a, out, "B"))]
    for p in ps: p.start()
    print("handshake:", sorted(out.get(timeout=30) for _ in ps))
    for p in ps: p.join(30)
    print("exit codes:", [p.exitcode for p in ps])

    fa, fb = mp.Event(), mp.Event()
    ps = [mp.Process(target=spin_until_peer, args=(fa, fb, out, "A")),
          mp.Process(target=spin_until_peer, args=(fb, fa, out, "B"))]
    for p in ps: p.start()
    print("both spinning:", sorted(out.get(timeout=60) for _ in ps))
    for p in ps: p.join(30)

    # A Pool's two workers meet in the same way: the task that runs first
    # blocks its worker until the other task runs, which only the second
    # worker can take.
    with mp.Pool(2, initializer=share, initargs=(mp.Semaphore(0), mp.Semaphore(0))) as pool:
        r1 = pool.apply_async(pool_handshake, ("x",))
        r2 = pool.apply_async(pool_handshake, ("y",))
        print("pool handshake:", r1.get(timeout=30), r2.get(timeout=30))
