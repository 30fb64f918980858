# regen: manual -- CPython has no every-bytecode switching mode, so this output is gilpy's own.
# The race-hunting mode (`-X switch=every`, or gil.set_switch_mode("every")):
# a switch may happen between any two bytecodes. Four threads doing `n += 1`
# on a global lose updates; the same loop under a threading.Lock never does;
# list.sort() stays atomic.
import subprocess, sys, threading

if len(sys.argv) > 1 and sys.argv[1] == "child":
    import gil
    print("mode:", gil.get_switch_mode(), "interval:", sys.getswitchinterval())
    N = 300_000
    n = 0
    def incr():
        global n
        for _ in range(N):
            n += 1
    lock = threading.Lock()
    def incr_locked():
        global n
        for _ in range(N // 10):
            with lock:
                n += 1
    def run(fn):
        global n
        n = 0
        ts = [threading.Thread(target=fn) for _ in range(4)]
        for t in ts: t.start()
        for t in ts: t.join()
        return n
    lost = False
    for _ in range(10):
        if run(incr) < 4 * N:
            lost = True
            break
    print("n += 1 loses updates:", lost)
    print("with a Lock:", run(incr_locked) == 4 * (N // 10))
    data = list(range(5000, 0, -1))
    stop = threading.Event()
    bad = []
    def sorter():
        while not stop.is_set():
            data.sort()
            data.reverse()
    def watcher():
        for _ in range(200):
            s = data[:]
            if s != sorted(s) and s != sorted(s, reverse=True):
                bad.append(1)
        stop.set()
    ts = [threading.Thread(target=sorter), threading.Thread(target=watcher)]
    for t in ts: t.start()
    for t in ts: t.join()
    print("list.sort() seen half-done:", bool(bad))
    sys.exit(0)

r = subprocess.run([sys.executable, "-X", "switch=every", __file__, "child"], capture_output=True, text=True, timeout=120)
print(r.stdout, end="")
print(r.stderr, end="")

# The module API switches the mode at run time (for frames entered afterwards).
import gil
gil.set_switch_mode("every")
print(gil.get_switch_mode())
gil.set_switch_mode("safepoints")
print(gil.get_switch_mode())
try:
    gil.set_switch_mode("sometimes")
except ValueError as e:
    print("ValueError:", e)
r = subprocess.run([sys.executable, "-X", "switch=sometimes", "-c", "pass"], capture_output=True, text=True, timeout=60)
print(r.returncode, "unknown value 'sometimes'" in r.stderr)
