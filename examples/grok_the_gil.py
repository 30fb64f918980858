"""Grok the GIL, measured.

The claims of A. Jesse Jiryu Davis's talk "Grok the GIL: write fast and thread-safe Python", each
run and measured on gilpy, whose GIL records what it does:

  1. Threads overlap while they sleep or wait on I/O.
  2. CPU-bound threads take turns: they gain nothing.
  3. Processes run in parallel.
  4. `n += 1` is several bytecodes: it loses updates when a switch lands between them; a lock fixes it.
  5. `list.sort()` is one bytecode: it is atomic.

It prints each measurement with its verdict and writes an HTML report of the GIL's timeline beside
this file (grok_the_gil.html).
"""

import concurrent.futures
import dis
import os
import sys
import threading
import time

import gil

REPORT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "grok_the_gil.html")


def heading(n, text):
    print(f"\n{n}. {text}")
    print("-" * (len(text) + 3))


def timed(fn, *args):
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def run_threads(target, n, args=()):
    ts = [threading.Thread(target=target, args=args, name=f"{target.__name__}-{i}") for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


# 1 ------------------------------------------------------------------------------------------------
def wait_for_io():
    for _ in range(5):
        time.sleep(0.05)   # stands in for a socket read: the GIL is released while it waits


# 2 and 3 -------------------------------------------------------------------------------------------
def count_down(n=3_000_000):
    while n > 0:
        n -= 1


# 4 -----------------------------------------------------------------------------------------------
counter = 0
counter_lock = threading.Lock()


def increment(times):
    global counter
    for _ in range(times):
        counter += 1


def increment_locked(times):
    global counter
    for _ in range(times):
        with counter_lock:
            counter += 1


def main():
    print(f"gilpy {sys.version.split()[0]} on {os.cpu_count()} cores; switch interval "
          f"{sys.getswitchinterval() * 1e3:g} ms")
    with gil.record() as whole:
        heading(1, "Threads overlap while they sleep or wait on I/O")
        one = timed(wait_for_io)
        with gil.record() as rec:
            eight = timed(run_threads, wait_for_io, 8)
        st = rec.stats()
        print(f"one thread, 5 waits of 50 ms: {one:.3f} s; eight threads doing the same: {eight:.3f} s "
              f"({eight / one:.2f}x)")
        print(f"GIL busy {st['gil_busy']:.0%} of the time. Verdict: {st['verdict_text']}")

        heading(2, "CPU-bound threads take turns: they gain nothing")
        count_down()  # warm up (caches, CPU clock) so that both timings start equal
        sequential = min(timed(lambda: (count_down(), count_down())) for _ in range(2))
        with gil.record() as rec:
            threaded = timed(run_threads, count_down, 2)
        st = rec.stats()
        print(f"two countdowns one after the other: {sequential:.3f} s; in two threads: {threaded:.3f} s "
              f"({threaded / sequential:.2f}x)")
        print(f"Verdict: {st['verdict_text']}")

        heading(3, "Processes run in parallel")
        workers = min(2, os.cpu_count() or 1)
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(count_down, [10] * workers))   # start the workers before timing
            t0 = time.perf_counter()
            list(pool.map(count_down, [3_000_000] * 2))
            parallel = time.perf_counter() - t0
        print(f"the same two countdowns in {workers} worker processes: {parallel:.3f} s "
              f"({sequential / parallel:.2f}x faster than one thread doing both)")
        verdict = ("processes ran in parallel" if sequential / parallel > 1.3 else
                   "no speed-up here (one core, or a busy machine)")
        print(f"Verdict: {verdict}.")

    heading(4, "n += 1 is several bytecodes")
    dis.dis(increment)
    print("LOAD_GLOBAL, BINARY_OP and STORE_GLOBAL are separate instructions: a switch between the load")
    print("and the store loses the other thread's update. gilpy normally switches only at safe points")
    print("(like CPython), so here we ask for a switch between any two bytecodes:")
    global counter
    old_interval = sys.getswitchinterval()
    gil.set_switch_mode("every")
    sys.setswitchinterval(0.0002)
    try:
        counter = 0
        run_threads(increment, 4, (200_000,))
        lost = 4 * 200_000 - counter
        print(f"four threads x 200000 increments: counter = {counter} ({lost} updates lost)")
        counter = 0
        run_threads(increment_locked, 4, (50_000,))
        print(f"the same with a threading.Lock, 4 x 50000: counter = {counter} "
              f"({'none lost' if counter == 200_000 else 'LOST UPDATES'})")

        heading(5, "list.sort() is one bytecode")
        data = list(range(10_000, 0, -1))

        def sort_it():
            data.sort()

        dis.dis(sort_it)
        seen_half_sorted = 0
        stop = threading.Event()

        def sorter():
            while not stop.is_set():
                data.sort()
                data.reverse()

        def watcher():
            nonlocal seen_half_sorted
            for _ in range(200):
                snapshot = data[:]
                if snapshot != sorted(snapshot) and snapshot != sorted(snapshot, reverse=True):
                    seen_half_sorted += 1
            stop.set()

        ts = [threading.Thread(target=sorter, name="sorter"), threading.Thread(target=watcher, name="watcher")]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        print(f"200 looks at a list being sorted and reversed by another thread, switching between any two "
              f"bytecodes: seen half-sorted {seen_half_sorted} times. Verdict: "
              f"{'atomic' if seen_half_sorted == 0 else 'NOT atomic'}.")
    finally:
        gil.set_switch_mode("safepoints")
        sys.setswitchinterval(old_interval)

    whole.write_report(REPORT)
    print(f"\nThe GIL's timeline for parts 1-3 is in {REPORT} (open it in a browser).")


if __name__ == "__main__":
    main()
