# Helper for pdb_threads.py: a program stopped in pdb while two threads block.
import gil
import queue
import threading
import time

q = queue.Queue()


def sleeper():
    time.sleep(60)


def getter():
    q.get()


threads = [threading.Thread(target=sleeper, name="sleeper", daemon=True),
           threading.Thread(target=getter, name="getter", daemon=True)]
for t in threads:
    t.start()
# Wait (bounded) until both have released the GIL in their blocking calls.
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    states = gil.thread_states()
    if all(states.get(t.ident, ("", None))[0] == "released" for t in threads):
        break
    time.sleep(0.01)
x = 1
breakpoint()
y = 2
