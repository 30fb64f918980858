# register()/unregister(): a user signal dumps the stack into a pipe and the
# program goes on; chain=True also calls the Python-level handler;
# unregister() puts the previous handler back.
import faulthandler
import os
import re
import signal
import threading
import time

r, w = os.pipe()


def drain():
    os.set_blocking(r, False)
    try:
        data = os.read(r, 65536)
    except BlockingIOError:
        data = b""
    text = re.sub(r"0x[0-9a-f]{16}", "0xXXXX", data.decode("ascii"))
    text = re.sub(r'File ".*/threading.py", line \d+', 'File "threading.py", line N', text)
    return text


def py_handler(signum, frame):
    print("python handler called for", signal.Signals(signum).name)


def send(sig):
    os.kill(os.getpid(), sig)


def step(title):
    print(f"--- {title}")
    print(drain(), end="")


faulthandler.register(signal.SIGUSR1, file=w, all_threads=False)
send(signal.SIGUSR1)
step("SIGUSR1, this thread")

faulthandler.register(signal.SIGUSR1, file=w, all_threads=True)
send(signal.SIGUSR1)
step("SIGUSR1 again, all threads")

print("unregister:", faulthandler.unregister(signal.SIGUSR1))
signal.signal(signal.SIGUSR1, py_handler)
send(signal.SIGUSR1)
step("after unregister: the Python handler")

faulthandler.register(signal.SIGUSR1, file=w, all_threads=False)
send(signal.SIGUSR1)
step("registered over a Python handler, no chain")

print("unregister:", faulthandler.unregister(signal.SIGUSR1))
send(signal.SIGUSR1)
step("unregistered again: the Python handler is back")

signal.signal(signal.SIGUSR2, py_handler)
faulthandler.register(signal.SIGUSR2, file=w, all_threads=False, chain=True)
send(signal.SIGUSR2)
step("chain=True")
send(signal.SIGUSR2)
step("chain=True, twice")
print("unregister:", faulthandler.unregister(signal.SIGUSR2))
print("getsignal is the Python handler:", signal.getsignal(signal.SIGUSR2) is py_handler)

# A worker thread is blocked while the main thread takes the signal.
ready, stop = threading.Event(), threading.Event()


def worker():
    ready.set()
    stop.wait()


t = threading.Thread(target=worker)
t.start()
ready.wait()
time.sleep(0.1)  # the worker is blocked in stop.wait() by then
faulthandler.register(signal.SIGUSR1, file=w)
send(signal.SIGUSR1)
stop.set()
t.join()
step("with a worker thread")
faulthandler.unregister(signal.SIGUSR1)

# SIGINT can be registered too: with chain=True Ctrl-C still interrupts.
faulthandler.register(signal.SIGINT, file=w, all_threads=False, chain=True)
try:
    send(signal.SIGINT)
    for i in range(100):
        pass
    print("no KeyboardInterrupt")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
step("SIGINT with chain=True")
print("unregister:", faulthandler.unregister(signal.SIGINT))
