# os.fork() from a threaded program: the child has one thread (the forking
# one, now its main thread), a working GIL and working threads of its own.
# sys._current_frames() sees every thread's innermost frame.
import os, sys, threading, time

ev = threading.Event()
def blocked_worker():
    ev.wait(10)
workers = [threading.Thread(target=blocked_worker, name=f"w{i}") for i in range(3)]
for w in workers: w.start()

# Poll (bounded) until the three workers are all parked in Event.wait.
for _ in range(500):
    frames = sys._current_frames()
    names = sorted(f.f_code.co_name for f in frames.values())
    if names == ["<module>", "wait", "wait", "wait"]:
        break
    time.sleep(0.01)
print("frames:", names, frames[threading.get_ident()].f_code.co_name,
      sorted(frames) == sorted([threading.get_ident()] + [w.ident for w in workers]))

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    out = [f"child threads: {threading.active_count()}",
           f"child main is current: {threading.current_thread() is threading.main_thread()}"]
    box = []
    t = threading.Thread(target=lambda: box.append(sum(range(1000))))
    t.start(); t.join(5)
    out.append(f"child thread ran: {box}")
    q = __import__("queue").Queue()
    ts = [threading.Thread(target=lambda i=i: q.put(i)) for i in range(4)]
    for x in ts: x.start()
    for x in ts: x.join(5)
    out.append(f"child queue: {sorted(q.get() for _ in range(4))}")
    os.write(w, ("\n".join(out) + "\n").encode())
    os._exit(0)
os.close(w)
data = b""
while chunk := os.read(r, 4096):
    data += chunk
_, status = os.waitpid(pid, 0)
print(data.decode(), end="")
print("child exit:", os.waitstatus_to_exitcode(status))
ev.set()
for x in workers: x.join(5)
print("parent threads after join:", threading.active_count())
