# concurrent.futures.ProcessPoolExecutor (fork): submit, map (with chunksize
# and timeout), as_completed, wait, exceptions raised in workers, callbacks,
# initializer, shutdown.
import concurrent.futures as cf
import multiprocessing as mp
import os
import threading


def cube(x):
    return x ** 3


def divide(a, b):
    return a / b


class CustomError(Exception):
    pass


def raise_custom(msg):
    raise CustomError(msg)


def pid_of(_):
    return os.getpid()


_init = None


def setup(v):
    global _init
    _init = v


def get_init(_):
    return _init


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    with cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        f = ex.submit(cube, 3)
        print("submit:", f.result(timeout=10), f.done(), f.exception())
        print("map:", list(ex.map(cube, range(8), timeout=30)))
        print("map chunksize:", list(ex.map(cube, range(12), chunksize=4)))
        print("map 2 iterables:", list(ex.map(divide, [1, 9, 8], [2, 3, 4])))
        fs = [ex.submit(cube, i) for i in range(6)]
        print("as_completed:", sorted(f.result() for f in cf.as_completed(fs, timeout=30)))
        done, not_done = cf.wait(fs, timeout=30)
        print("wait:", len(done), len(not_done))
        bad = ex.submit(divide, 1, 0)
        try:
            bad.result(timeout=10)
        except ZeroDivisionError as e:
            print("worker raised:", type(e).__name__, e)
            print("has remote traceback:", "Traceback" in str(e.__cause__))
        print("exception():", repr(ex.submit(raise_custom, "custom").exception(timeout=10)))
        try:
            list(ex.map(divide, [1, 2], [1, 0]))
        except ZeroDivisionError as e:
            print("map raised:", e)
        seen = []
        called = threading.Event()
        g = ex.submit(cube, 5)
        g.add_done_callback(lambda fut: (seen.append(fut.result()), called.set()))
        print("callback:", called.wait(10), seen)
        print("workers are children:", os.getpid() not in set(ex.map(pid_of, range(8))))

    ex = cf.ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=setup, initargs=("init-ok",))
    print("initializer:", ex.submit(get_init, 0).result(timeout=10))
    ex.shutdown(wait=True)
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print("after shutdown:", e)

    try:
        cf.ProcessPoolExecutor(max_workers=1, mp_context=ctx, max_tasks_per_child=2)
    except ValueError as e:
        print("max_tasks_per_child with fork:", e)
