# Daemon threads never crash the exit: one spins on the CPU, one sleeps, one
# waits on a lock; the interpreter exits normally. Non-daemon threads are
# waited for (threading._shutdown) before atexit handlers run.
import atexit, threading, time

def spin():
    x = 0
    while True:
        x += 1

lock = threading.Lock()
lock.acquire()
for target in (spin, lambda: time.sleep(100), lock.acquire):
    threading.Thread(target=target, daemon=True).start()

def slow():
    time.sleep(0.2)
    print("non-daemon thread finished")

atexit.register(lambda: print("atexit runs after non-daemon threads"))
threading.Thread(target=slow).start()
print("main done")
