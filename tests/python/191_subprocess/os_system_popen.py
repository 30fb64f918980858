# os.system and os.popen (popen is subprocess.Popen underneath), and EINTR
# during waits: signal handlers run and the wait resumes (PEP 475).
import os
import select
import signal
import subprocess
import sys
import time

print(os.system("exit 0"), os.system("exit 3"), os.waitstatus_to_exitcode(os.system("exit 3")))
print(os.waitstatus_to_exitcode(os.system("kill -9 $$")))
sys.stdout.flush()
os.system("echo from-system")

with os.popen("echo popen; echo two") as f:
    print(f.read().split())
f = os.popen("exit 4")
print(f.read(), f.close())
f = os.popen("cat > /dev/null", "w")
f.write("data\n")
print(f.close())
with os.popen("printf 'a\\nb\\n'") as f:
    print(list(f))

# A signal handler that runs while communicate() and select() wait.
hits = []
def on_alarm(signum, frame):
    hits.append(signum)
old = signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.1)
p = subprocess.Popen(["sh", "-c", "sleep 0.4; echo late"], stdout=subprocess.PIPE)
print(p.communicate(timeout=10)[0], hits)

hits.clear()
r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
print(select.select([r], [], [], 0.3), hits)
print(time.monotonic() - t0 >= 0.29)
hits.clear()
p = select.poll()
p.register(r, select.POLLIN)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
print(p.poll(300), hits, time.monotonic() - t0 >= 0.29)
hits.clear()
ep = select.epoll()
ep.register(r, select.EPOLLIN)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
print(ep.poll(0.3), hits, time.monotonic() - t0 >= 0.29)
ep.close()

# A handler that raises aborts the wait with its exception.
def raiser(signum, frame):
    raise RuntimeError("from handler")
signal.signal(signal.SIGALRM, raiser)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    select.select([r], [], [], 5)
except RuntimeError as e:
    print("aborted:", e)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    subprocess.run(["sleep", "5"], timeout=10)
except RuntimeError as e:
    print("aborted wait:", e)
signal.signal(signal.SIGALRM, old)
os.close(r)
os.close(w)
