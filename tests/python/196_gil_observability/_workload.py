# A small threaded program for the output tests: two CPU-bound threads, two
# that sleep, one that waits on a queue, then it ends the way argv[1] says.
import os, queue, signal, sys, threading, time

# The CPU-bound threads contend for at least 60 ms from the moment both run,
# so drop requests and forced switches happen however the machine is loaded.
both_running = threading.Barrier(2)

def cpu():
    both_running.wait(timeout=30)
    x = 0
    end = time.monotonic() + 0.06
    while time.monotonic() < end:
        for i in range(1000):
            x += i

def sleeper():
    for _ in range(3):
        time.sleep(0.005)

q = queue.Queue()
def consumer():
    q.get(timeout=5)

threads = [threading.Thread(target=cpu, name="cpu-1"), threading.Thread(target=cpu, name="cpu-2"),
           threading.Thread(target=sleeper, name="sleeper"), threading.Thread(target=consumer, name="consumer")]
for t in threads: t.start()
time.sleep(0.02)
q.put(1)
for t in threads: t.join()

how = sys.argv[1] if len(sys.argv) > 1 else "normal"
if how == "exception":
    raise ValueError("the program failed")
if how == "exit":
    sys.exit(3)
if how == "interrupt":
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(10)
if how == "sigterm":
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(10)
if how == "os_exit":
    sys.stdout.flush()
    os._exit(4)
if how == "fork":
    pid = os.fork()
    if pid == 0:
        t = threading.Thread(target=sleeper, name="child-sleeper")
        t.start(); t.join()
        os._exit(0)
    os.waitpid(pid, 0)
print("done", how)
