# SIGINT reaches the main thread promptly while it waits in join, sleep, a
# lock acquire, a queue get or an Event wait: KeyboardInterrupt is raised
# there, and the waiting primitive is left consistent.
import os, queue, signal, threading, time

def interrupt_soon(delay=0.1):
    def go():
        time.sleep(delay)
        os.kill(os.getpid(), signal.SIGINT)
    threading.Thread(target=go, daemon=True).start()

forever = threading.Event()
blocker = threading.Thread(target=forever.wait, daemon=True)
blocker.start()
lock = threading.Lock()
lock.acquire()
q = queue.Queue()

cases = {
    "join": blocker.join,
    "sleep": lambda: time.sleep(30),
    "lock": lock.acquire,
    "lock with timeout": lambda: lock.acquire(timeout=30),
    "queue get": q.get,
    "event wait": forever.wait,
}
for name, wait in cases.items():
    interrupt_soon()
    t0 = time.monotonic()
    try:
        wait()
        print(name, "returned?!")
    except KeyboardInterrupt:
        print(name, "-> KeyboardInterrupt, within 5 s:", time.monotonic() - t0 < 5)

# _thread.interrupt_main() from another thread does the same.
import _thread
def later():
    time.sleep(0.1)
    _thread.interrupt_main()
threading.Thread(target=later, daemon=True).start()
try:
    blocker.join()
except KeyboardInterrupt:
    print("interrupt_main -> KeyboardInterrupt in join")

# The primitives still work afterwards.
print(lock.locked(), blocker.is_alive())
q.put(1)
print(q.get(timeout=1))
forever.set()
blocker.join(5)
print(blocker.is_alive())

# A Python-level handler runs in the main thread.
got = []
signal.signal(signal.SIGINT, lambda s, f: got.append(threading.current_thread().name))
interrupt_soon(0.05)
time.sleep(0.3)
print(got)
