# multiprocessing.Pool: map, imap, imap_unordered, starmap, apply, apply_async
# with callbacks and error callbacks, map_async, the context manager,
# close/join, maxtasksperchild, an initializer, and exceptions from workers.
import multiprocessing as mp
import os
import sys


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail_on(x):
    if x == 3:
        raise ValueError(f"bad value {x}")
    return x


def whoami(_):
    return os.getpid()


_state = None


def init(v):
    global _state
    _state = v


def get_state(_):
    return _state


if __name__ == "__main__":
    mp.set_start_method("fork")
    with mp.Pool(2) as pool:
        print("map:", pool.map(square, range(10)))
        print("map chunks:", pool.map(square, range(20), chunksize=3))
        print("imap:", list(pool.imap(square, range(8))))
        print("imap_unordered:", sorted(pool.imap_unordered(square, range(8), chunksize=2)))
        print("starmap:", pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print("apply:", pool.apply(add, (10, 20)))
        r = pool.apply_async(square, (7,))
        print("apply_async:", r.get(timeout=10), r.ready(), r.successful())
        got = []
        errs = []
        rs = [pool.apply_async(fail_on, (i,), callback=got.append, error_callback=errs.append) for i in range(5)]
        for r in rs:
            r.wait(10)
        print("callbacks:", sorted(got), [repr(e) for e in errs])
        try:
            rs[3].get(timeout=10)
        except ValueError as e:
            print("get raised:", e)
        try:
            pool.map(fail_on, range(6))
        except ValueError as e:
            print("map raised:", e)
        m = pool.map_async(square, range(5), callback=lambda v: got.append(("all", v)))
        m.wait(10)
        print("map_async:", m.get(timeout=10), got[-1])
        print("two workers:", len(set(pool.map(whoami, range(50), chunksize=1))) <= 2)
        print("not the parent:", os.getpid() not in pool.map(whoami, range(4)))

    # This pool's handler thread forks replacement workers (maxtasksperchild)
    # at any time: print only after join, or a child forked while a line sits
    # in the stdout buffer would write it a second time (CPython too).
    sys.stdout.flush()
    pool = mp.Pool(processes=2, initializer=init, initargs=("ready",), maxtasksperchild=2)
    states = pool.map(get_state, range(6), chunksize=1)
    pool.close()
    pool.join()
    print("initializer:", states)
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print("after close:", e)

    with mp.get_context("fork").Pool(1) as p1:
        print("context pool:", p1.map(square, [1, 2, 3]))
