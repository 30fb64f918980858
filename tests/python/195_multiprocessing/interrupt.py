# A main thread blocked in a multiprocessing lock or semaphore acquire runs
# signal handlers promptly: SIGINT raises KeyboardInterrupt out of acquire,
# a handler that returns lets the wait go on. A blocked acquire does not hold
# the GIL, so another thread keeps running meanwhile.
import multiprocessing as mp
import os
import signal
import threading
import time

MAIN = threading.get_ident()


def poke(sig, delay):
    time.sleep(delay)
    signal.pthread_kill(MAIN, sig)


def release_later(sem, delay):
    time.sleep(delay)
    sem.release()


if __name__ == "__main__":
    mp.set_start_method("fork")
    sem = mp.Semaphore(0)
    threading.Thread(target=poke, args=(signal.SIGINT, 0.2)).start()
    t0 = time.monotonic()
    try:
        sem.acquire(timeout=30)
        print("not interrupted")
    except KeyboardInterrupt:
        print("KeyboardInterrupt from Semaphore.acquire, prompt:", time.monotonic() - t0 < 10)

    lock = mp.Lock()
    lock.acquire()
    threading.Thread(target=poke, args=(signal.SIGINT, 0.2)).start()
    try:
        with lock:
            print("should not get here")
    except KeyboardInterrupt:
        print("KeyboardInterrupt from Lock.__enter__")
    lock.release()

    seen = []
    signal.signal(signal.SIGUSR1, lambda s, f: seen.append(s))
    threading.Thread(target=poke, args=(signal.SIGUSR1, 0.1)).start()
    threading.Thread(target=release_later, args=(sem, 0.4)).start()
    print("acquired after handler ran:", sem.acquire(timeout=30), seen == [signal.SIGUSR1])

    # Another thread counts while the main thread is blocked in acquire.
    count = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            count[0] += 1
            if count[0] == 100_000:
                sem.release()

    t = threading.Thread(target=spin)
    t.start()
    print("spinner released us:", sem.acquire(timeout=30))
    stop.set()
    t.join(10)
    print("timeout still works:", sem.acquire(timeout=0.05))
