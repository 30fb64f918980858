# I/O-bound threads overlap: 8 threads each sleeping 5 x 50 ms should take
# about as long as one thread's own 5 sleeps (the GIL is released while a
# thread sleeps). Prints one JSON line of measurements.
import json, threading, time

SLEEPS, SLEEP = 5, 0.05

def sleeper():
    for _ in range(SLEEPS):
        time.sleep(SLEEP)

t0 = time.perf_counter()
sleeper()
one = time.perf_counter() - t0

t0 = time.perf_counter()
ts = [threading.Thread(target=sleeper) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
eight = time.perf_counter() - t0
print(json.dumps({"one_thread_s": one, "eight_threads_s": eight, "ratio": eight / one}))
