# cProfile and _lsprof (native): call counts, recursion counts, sub-calls,
# builtin labels, options, custom timers (deterministic fake clocks, so times
# can be printed), pstats output, errors from timers, the command line.
import _lsprof
import cProfile
import io
import math
import os
import pstats
import subprocess
import sys
import threading

TICKS = 0


def ticks():
    return TICKS


def label(code):
    if isinstance(code, str):
        return code
    return "%s:%d(%s)" % (os.path.basename(code.co_filename), code.co_firstlineno, code.co_name)


def dump(prof, times=False, title=None):
    if title:
        print("--", title)
    rows = []
    for e in prof.getstats():
        subs = None
        if e.calls is not None:
            subs = sorted(
                (label(s.code), s.callcount, s.reccallcount) + ((round(s.totaltime, 6), round(s.inlinetime, 6)) if times else ())
                for s in e.calls)
        row = (label(e.code), e.callcount, e.reccallcount)
        if times:
            row += (round(e.totaltime, 6), round(e.inlinetime, 6))
        rows.append((row, subs))
    for row, subs in sorted(rows, key=lambda r: r[0]):
        print(" ", row)
        if subs is None:
            print("     calls: None")
        else:
            for s in subs:
                print("     ->", s)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def ping(n):
    return pong(n - 1) if n > 0 else 0


def pong(n):
    return ping(n - 1) if n > 0 else 1


def builtins_user():
    out = []
    for i in range(3):
        out.append(len([i]))
    out.sort()
    ",".join(map(str, out))
    {}.get(1)
    math.sqrt(4.0)
    sorted(out, key=abs)
    max([0], key=int)
    max(*([0],))
    return out


# -- recursion and builtins with the default clock
p = cProfile.Profile()
p.enable()
fib(6)
ping(5)
builtins_user()
p.disable()
dump(p, title="default clock")

# -- one native function serving several types is profiled per type
class MyList(list):
    pass


p = cProfile.Profile()
p.enable()
set().copy(); frozenset().copy(); b"".join([]); bytearray().join([]); MyList().append(1); [].append(2)
(1).bit_length(); True.bit_length(); "".__format__(""); (3).__format__(""); int.from_bytes(b"\x01", "big")
p.disable()
dump(p, title="shared natives")

# -- a fake integer clock with a time unit: exact times
def work():
    global TICKS
    TICKS += 5
    inner()
    TICKS += 3
    inner()
    len("abc")
    TICKS += 1


def inner():
    global TICKS
    TICKS += 10


p = _lsprof.Profiler(ticks, 0.001)
p.enable()
work()
p.disable()
dump(p, times=True, title="int timer, timeunit 0.001")

# -- a float clock in seconds (timeunit 0)
SECS = 1.0


def fsecs():
    return SECS


def fwork():
    global SECS
    SECS += 0.5
    finner()
    SECS += 0.25


def finner():
    global SECS
    SECS += 0.125


p = cProfile.Profile(fsecs)
p.enable()
fwork()
p.disable()
dump(p, times=True, title="float timer")

# -- options
p = _lsprof.Profiler(subcalls=False)
p.enable()
builtins_user()
p.disable()
dump(p, title="subcalls=False")

p = _lsprof.Profiler(builtins=False)
p.enable()
builtins_user()
p.disable()
dump(p, title="builtins=False")

p = _lsprof.Profiler()
p.enable(subcalls=False, builtins=False)
fib(3)
len("x")
p.disable()
dump(p, title="enable(subcalls=False, builtins=False)")

# -- generators: each resume is a call
def gen():
    yield 1
    yield 2


p = cProfile.Profile()
p.enable()
list(gen())
p.disable()
dump(p, title="generator")

# -- exceptions through Python and builtin frames
def raiser():
    raise KeyError("k")


def catcher():
    try:
        raiser()
    except KeyError:
        pass
    try:
        {}.pop(1)
    except KeyError:
        pass


p = cProfile.Profile()
p.enable()
catcher()
p.disable()
dump(p, title="exceptions")

# -- context manager, getprofile, runcall, clear
p = cProfile.Profile()
with p as q:
    print("enter returns self:", q is p, "getprofile is p:", sys.getprofile() is p)
    fib(2)
print("after with, getprofile:", sys.getprofile())
dump(p, title="with")
p.clear()
print("after clear:", p.getstats())
print("runcall:", p.runcall(fib, 7))
dump(p, title="runcall")

# -- profiling only the enabling thread
def threaded():
    fib(3)


p = cProfile.Profile()
p.enable()
t = threading.Thread(target=threaded)
t.start()
t.join()
p.disable()
print("fib profiled from other thread:", any(label(e.code).endswith("(fib)") for e in p.getstats()))

# -- structseq types
e = p.getstats()[0]
print(type(e).__module__, type(e).__name__, len(e), type(e).n_fields)
sub = next(s for x in p.getstats() if x.calls for s in x.calls)
print(type(sub).__name__, len(sub))
print(_lsprof.profiler_entry((1, 2, 3, 4.0, 5.0, None)))
print(_lsprof.profiler_subentry(("c", 1, 0, 0.5, 0.25)))

# -- pstats over a fake clock
TICKS = 1000
p = cProfile.Profile(ticks, 0.001)
p.runctx("work()", globals(), locals())
s = io.StringIO()
st = pstats.Stats(p, stream=s)
st.strip_dirs().sort_stats("stdname").print_stats()
for line in s.getvalue().splitlines():
    if line.strip():
        print("|", line.rstrip())
for meth in ("print_callers", "print_callees"):
    s = io.StringIO()
    st = pstats.Stats(p, stream=s)
    st.strip_dirs().sort_stats("stdname")
    getattr(st, meth)()
    for line in s.getvalue().splitlines():
        if "cprofile_basics" in line or "{" in line:
            print("|", line.rstrip())

# -- timers that fail are reported as unraisable and read as 0
caught = []
old = sys.unraisablehook
sys.unraisablehook = lambda u: caught.append((u.exc_type.__name__, str(u.exc_value)))
for args in [(lambda: 1.5, 0.001), (lambda: "x",), (lambda: 2 ** 70,), (lambda: float("nan"),), (lambda: 1 / 0,)]:
    caught.clear()
    p = _lsprof.Profiler(*args)
    p.enable()
    len([])
    p.disable()
    print("timer error:", caught[0], len(caught), [(label(x.code), x.callcount, x.totaltime) for x in sorted(p.getstats(), key=lambda x: label(x.code))])
sys.unraisablehook = old

# -- argument errors
for f in [lambda: _lsprof.Profiler(subcalls=1.5), lambda: _lsprof.Profiler(1, 2, 3, 4, 5),
          lambda: _lsprof.Profiler(timeunit="x"), lambda: _lsprof.Profiler().enable(1, 2, 3),
          lambda: _lsprof.Profiler().enable(foo=3), lambda: _lsprof.Profiler(None, timer=1)]:
    try:
        f()
    except TypeError as exc:
        print("TypeError:", exc)

# -- python -m cProfile script.py
here = os.path.dirname(os.path.abspath(__file__))
script = os.path.join(here, "_cprofile_target.py")
for extra in ([], ["-s", "ncalls"]):
    r = subprocess.run([sys.executable, "-m", "cProfile", *extra, script], capture_output=True, text=True,
                       cwd=here, timeout=60)
    print("-m cProfile", extra, "rc", r.returncode)
    lines = r.stdout.splitlines()
    print("  ", lines[0])
    rows = []
    for line in lines:
        parts = line.split()
        if "_cprofile_target" in line and len(parts) >= 6:
            rows.append((parts[5], parts[0]))
    for fn, n in sorted(rows):
        print("  ", n, fn)
r = subprocess.run([sys.executable, "-m", "cProfile", "-s", "demo"], capture_output=True, text=True, timeout=60)
print("bad sort rc", r.returncode, "option -s: invalid choice: 'demo'" in r.stderr)
