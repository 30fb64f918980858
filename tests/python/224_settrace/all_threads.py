# regen: manual -- gil.settrace_all_threads / setprofile_all_threads are gilpy's (CPython 3.12's
# threading.settrace_all_threads): a thread already running gets the function from its next safe
# point, a thread started later through threading.settrace.
import gil
import sys
import threading
import time

started = threading.Event()
stop = threading.Event()
seen = set()


def worker():
    started.set()
    while not stop.is_set():
        time.sleep(0.001)


def later():
    return 1


def tracer(frame, event, arg):
    name = threading.current_thread().name
    if name != "MainThread":
        seen.add((name, event))
    return tracer


t = threading.Thread(target=worker, name="running")
t.start()
started.wait(10)
gil.settrace_all_threads(tracer)
deadline = time.monotonic() + 10
while ("running", "call") not in seen and time.monotonic() < deadline:
    time.sleep(0.005)
t2 = threading.Thread(target=later, name="started-later")
t2.start()
t2.join(10)
gil.settrace_all_threads(None)
stop.set()
t.join(10)
print("running thread traced:", ("running", "call") in seen, ("running", "line") in seen)
print("later thread traced:", ("started-later", "call") in seen)
print("main thread's trace after None:", sys.gettrace())

calls = []
def profiler(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "later":
        calls.append(threading.current_thread().name)

gil.setprofile_all_threads(profiler)
t3 = threading.Thread(target=later, name="profiled")
t3.start()
t3.join(10)
gil.setprofile_all_threads(None)
print("profiled:", calls, sys.getprofile())
