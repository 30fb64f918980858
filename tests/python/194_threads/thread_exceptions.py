# An unhandled exception ends only its thread: threading.excepthook reports it
# (CPython's "Exception in thread ..." layout), _thread reports via
# "Exception ignored in thread started by", SystemExit is silent.
import threading, _thread, sys

def bad():
    raise ValueError("boom")

t = threading.Thread(target=bad, name="T-bad")
t.start(); t.join()
print("main continues", t.is_alive())

t = threading.Thread(target=sys.exit, args=(3,))
t.start(); t.join()
print("SystemExit in thread is silent")

caught = []
old = threading.excepthook
threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=bad, name="hooked"); t.start(); t.join()
threading.excepthook = old
print(caught)

done = threading.Event()
class RawBad:
    def __repr__(self):
        return "<RawBad>"
    def __call__(self):
        try:
            raise KeyError("raw")
        finally:
            done.set()
_thread.start_new_thread(RawBad(), ())
done.wait(5)
# Let the thread finish reporting before the main thread prints again.
import time
for _ in range(500):
    if _thread._count() == 0:
        break
    time.sleep(0.01)
print("after raw thread")
