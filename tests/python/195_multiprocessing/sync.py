# Lock, RLock, Semaphore, BoundedSemaphore, Event and Condition
# across processes (fork), and _multiprocessing.SemLock itself.
import multiprocessing as mp
import _multiprocessing
import os
import threading

NAMED = f"/gilpy-test-named-{os.getpid()}"


def locked_add(lock, counter_q, n):
    for _ in range(n):
        with lock:
            counter_q.put(1)


def hold_then_release(lock, held, go):
    lock.acquire()
    held.set()
    go.wait(10)
    lock.release()


def wait_event(ev, out):
    out.put(("woke", ev.wait(10)))


def cond_waiter(cond, flag, out):
    with cond:
        ok = cond.wait_for(lambda: flag.is_set(), timeout=10)
    out.put(("cond", ok))


if __name__ == "__main__":
    mp.set_start_method("fork")
    print("flags:", sorted(_multiprocessing.flags.items()))
    print("SEM_VALUE_MAX:", _multiprocessing.SemLock.SEM_VALUE_MAX)

    lock = mp.Lock()
    print("acquire:", lock.acquire(), "again non-blocking:", lock.acquire(False), "timeout:", lock.acquire(timeout=0.05))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("release twice:", e)
    with lock:
        print("in with: locked")
    print("repr:", repr(lock).split("(")[0])

    held, go = mp.Event(), mp.Event()
    p = mp.Process(target=hold_then_release, args=(lock, held, go))
    p.start()
    held.wait(10)
    print("held by child, parent try:", lock.acquire(timeout=0.05))
    go.set()
    print("after child releases:", lock.acquire(timeout=10))
    lock.release()
    p.join(10)

    rl = mp.RLock()
    print("rlock:", rl.acquire(), rl.acquire(), rl._semlock._count(), rl._semlock._is_mine())
    rl.release()
    rl.release()
    try:
        rl.release()
    except AssertionError as e:
        print("rlock over-release:", e)
    result = []
    t = threading.Thread(target=lambda: result.append(rl.acquire(timeout=0.05)))
    with rl:
        t.start()
        t.join(10)
    print("other thread while held:", result)

    sem = mp.Semaphore(2)
    print("semaphore:", sem.acquire(), sem.acquire(), sem.acquire(timeout=0.05), sem.get_value())
    sem.release(); sem.release(); sem.release()
    print("unbounded release:", sem.get_value())
    bs = mp.BoundedSemaphore(1)
    bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("bounded:", e)

    q = mp.Queue()
    ps = [mp.Process(target=locked_add, args=(lock, q, 20)) for _ in range(3)]
    for p in ps: p.start()
    total = sum(q.get(timeout=10) for _ in range(60))
    for p in ps: p.join(10)
    print("locked total:", total, [p.exitcode for p in ps])

    ev = mp.Event()
    print("event initially:", ev.is_set(), ev.wait(0.05))
    ps = [mp.Process(target=wait_event, args=(ev, q)) for _ in range(3)]
    for p in ps: p.start()
    ev.set()
    print("event waiters:", [q.get(timeout=10) for _ in range(3)])
    for p in ps: p.join(10)
    ev.clear()
    print("cleared:", ev.is_set())

    cond = mp.Condition()
    flag = mp.Event()
    ps = [mp.Process(target=cond_waiter, args=(cond, flag, q)) for _ in range(2)]
    for p in ps: p.start()
    with cond:
        flag.set()
        cond.notify_all()
    print("condition:", [q.get(timeout=10) for _ in range(2)])
    for p in ps: p.join(10)
    with cond:
        print("wait timeout:", cond.wait(0.05))

    s = _multiprocessing.SemLock(1, 0, 3, f"/gilpy-test-sem-{os.getpid()}", True)
    print("raw:", s.kind, s.maxvalue, s.name, s._get_value(), s._is_zero(), s.acquire(False), s.acquire(timeout=0))
    s.release(); s.release()
    print("raw value:", s._get_value(), s._count())
    try:
        _multiprocessing.SemLock(7, 1, 1, f"/gilpy-test-sem-{os.getpid()}", True)
    except ValueError as e:
        print("kind:", e)
    try:
        _multiprocessing.sem_unlink("/gilpy-test-no-such-sem")
    except FileNotFoundError as e:
        print("sem_unlink:", type(e).__name__, e.errno)
    named = _multiprocessing.SemLock(1, 1, 1, NAMED, False)
    print("named:", named.name == NAMED)
    other = _multiprocessing.SemLock._rebuild(0, 1, 1, NAMED)
    print("rebuilt:", type(other).__name__, other.acquire(False), named.acquire(False))
    other.release()
    print("shared value:", named._get_value())
    _multiprocessing.sem_unlink(NAMED)
    named._after_fork()
    print("after_fork count:", named._count())
