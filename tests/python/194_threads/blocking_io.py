# Threads blocked in I/O do not hold the GIL: while one thread waits in each
# kind of blocking call, the main thread keeps running Python and is the one
# that finally unblocks it. (If the blocked thread kept the GIL, the main
# thread could never run: the test would hang and time out.)
import os, select, socket, subprocess, sys, threading, time

def run_blocked(name, block, unblock):
    result = []
    t = threading.Thread(target=lambda: result.append(block()))
    t.start()
    # Python work on the main thread while the other is blocked.
    n = 0
    for i in range(200_000):
        n += i
    time.sleep(0.02)
    alive = t.is_alive()
    unblock()
    t.join(10)
    print(f"{name}: blocked meanwhile={alive}, result={result}, joined={not t.is_alive()}")

r, w = os.pipe()
run_blocked("os.read", lambda: os.read(r, 5), lambda: os.write(w, b"hello"))

f_r = os.fdopen(r, "rb", buffering=0)
run_blocked("file read", lambda: f_r.read(3), lambda: os.write(w, b"abc"))
tf_r = open(f_r.fileno(), "r", closefd=False)
run_blocked("text readline", tf_r.readline, lambda: os.write(w, b"line\n"))

a, b = socket.socketpair()
run_blocked("socket recv", lambda: a.recv(4), lambda: b.send(b"ping"))
run_blocked("select", lambda: len(select.select([a], [], [], 10)[0]), lambda: b.send(b"x"))
a.recv(1)
poller = select.poll()
poller.register(a, select.POLLIN)
run_blocked("poll", lambda: len(poller.poll(10_000)), lambda: b.send(b"y"))
a.recv(1)

p = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read(1)"], stdin=subprocess.PIPE)
run_blocked("waitpid", lambda: os.waitpid(p.pid, 0)[1], lambda: (p.stdin.write(b"q"), p.stdin.flush()))
p.stdin.close()

lock = threading.Lock()
lock.acquire()
run_blocked("lock acquire", lambda: lock.acquire(timeout=10), lock.release)

cond = threading.Condition()
run_blocked("condition wait", lambda: cond.acquire() and cond.wait(10) and (cond.release() or True),
            lambda: (cond.acquire(), cond.notify(), cond.release()))
