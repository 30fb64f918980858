import sys, _thread, time, gc
seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.err_msg, args.object is task))
def task():
    raise ValueError("task failed")
sys.unraisablehook = hook
_thread.start_new_thread(task, ())
for i in range(100):
    if seen: break
    time.sleep(0.01)
print(seen)
sys.unraisablehook = sys.__unraisablehook__
class D:
    def __del__(self): raise KeyError(1)
print(sys.unraisablehook)
