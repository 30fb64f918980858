# _tracemalloc's interface as CPython 3.11 has it: arguments, errors, the
# values while not tracing, start() while tracing, signatures and docs.
import _tracemalloc
import tracemalloc


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", r)


print(sorted(n for n in dir(_tracemalloc) if not n.startswith("__")))
print(_tracemalloc.__doc__)
for name in sorted(n for n in dir(_tracemalloc) if not n.startswith("__")):
    f = getattr(_tracemalloc, name)
    print(name, type(f).__name__, f.__text_signature__)
    print("   ", f.__doc__.splitlines()[0])

# Not tracing: empty answers.
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), _tracemalloc._get_traces())
print(tracemalloc.get_object_traceback(object()), tracemalloc.get_traceback_limit())
print(tracemalloc.clear_traces(), tracemalloc.reset_peak(), tracemalloc.stop())
print(type(tracemalloc.get_tracemalloc_memory()).__name__, tracemalloc.get_tracemalloc_memory() >= 0)
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError", e)

# Arguments.
for args in [(-1,), (0,), (65536,), (2**30,), (2**70,), ("x",), (1.5,), (None,), (1, 2)]:
    attempt("start%r" % (args,), tracemalloc.start, *args)
    tracemalloc.stop()
attempt("start(nframe=3)", tracemalloc.start, nframe=3)
attempt("stop(1)", tracemalloc.stop, 1)
attempt("stop(x=1)", tracemalloc.stop, x=1)
attempt("is_tracing(1)", tracemalloc.is_tracing, 1)
attempt("_get_object_traceback()", _tracemalloc._get_object_traceback)
attempt("_get_object_traceback(1, 2)", _tracemalloc._get_object_traceback, 1, 2)
attempt("_get_traces(1)", _tracemalloc._get_traces, 1)
attempt("get_traced_memory(1)", tracemalloc.get_traced_memory, 1)

# The limit: True is 1; start() while tracing keeps the limit it has;
# stop() keeps it too.
tracemalloc.start(True)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.stop()
tracemalloc.start(65535)
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
tracemalloc.start(5)
tracemalloc.start(3)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start()
print(tracemalloc.get_traceback_limit())

# Small ints and objects allocated before tracing started have no traceback.
def make():
    return b"x" * 100


early = make()
print(tracemalloc.get_object_traceback(5), tracemalloc.get_object_traceback(None))
tracemalloc.stop()
tracemalloc.start()
print(tracemalloc.get_object_traceback(early))
n = 100
later = b"y" * n  # (not a list: CPython may reuse one allocated before tracing; not a constant)
tb = tracemalloc.get_object_traceback(later)
print(type(tb).__name__, len(tb), tb[0].filename, tb[0].lineno)

# clear_traces() forgets, and zeroes the counters; tracing goes on.
tracemalloc.clear_traces()
print(tracemalloc.get_object_traceback(later), tracemalloc.get_traced_memory() == (0, 0) or "nonzero")
print(tracemalloc.is_tracing())
tracemalloc.stop()
print(tracemalloc.get_traced_memory(), tracemalloc._get_traces())
