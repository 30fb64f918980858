# Where blocks were allocated: tracebacks (most recent call first in the raw
# tuples), limits, total_nframe, interned tracebacks, and the Snapshot API of
# tracemalloc.py over _get_traces().
import os
import sys
import tempfile
import tracemalloc
import _tracemalloc

def frames_here(nframe, delta):
    # (filename, lineno) of the caller's frames, most recent first, the first
    # line moved by delta (as test_tracemalloc's get_frames).
    out = []
    f = sys._getframe(1)
    for _ in range(nframe):
        out.append((f.f_code.co_filename, f.f_lineno + delta))
        delta = 0
        f = f.f_back
        if f is None:
            break
    return tuple(out)


def alloc(n):
    frames = frames_here(tracemalloc.get_traceback_limit(), 1)
    data = b"x" * n
    return data, frames


def level2(n):
    return alloc(n)


def level3(n):
    return level2(n)


for limit in (1, 2, 3, 10):
    tracemalloc.start(limit)
    data, frames = level3(1000)
    raw = _tracemalloc._get_object_traceback(data)
    print(limit, raw == frames, len(raw) == min(limit, len(frames)))
    tb = tracemalloc.get_object_traceback(data)
    # Traceback keeps the oldest frame first; [-1] is where the block was allocated.
    print("  ", os.path.basename(tb[-1].filename), tb[-1].lineno, tb.total_nframe)
    tracemalloc.stop()

# _get_traces(): (domain, size, traceback, total_nframe); the traceback of
# identical traces is one object.
tracemalloc.start(4)
d1, f1 = level3(5000)
d2, f2 = level3(5000)
traces = _tracemalloc._get_traces()
mine = [t for t in traces if t[2] in (f1, f2)]
print(len(mine) >= 2, all(t[0] == 0 for t in traces))
t1 = next(t for t in mine if t[2] == f1)
t2 = next(t for t in mine if t[2] == f2)
print(t1[1] >= 5000, t1[3] >= len(t1[2]), type(t1[2]).__name__, type(t1[2][0]).__name__)
print(t1[2][0][0] == __file__, [(os.path.basename(fn), ln > 0) for fn, ln in t1[2]])
same = [t for t in traces if t[2] == f1 and t[1] == t1[1]]
print("interned:", len({id(t[2]) for t in same}) == 1)

# A block allocated with no Python frame on the stack has ('<unknown>', 0).
print(all(isinstance(t[2], tuple) and t[2] for t in traces))
tracemalloc.stop()

# Snapshots: statistics by line, by file, by traceback; filters; dump/load;
# compare_to.
tracemalloc.start(2)


def make_lists(k):
    return [[i] for i in range(k)]


s1 = tracemalloc.take_snapshot()
keep = make_lists(3000)
s2 = tracemalloc.take_snapshot()
print(s2.traceback_limit, len(s2.traces) > 3000)
mine = s2.filter_traces([tracemalloc.Filter(True, __file__)])
stats = mine.statistics("lineno")
top = stats[0]
print(os.path.basename(top.traceback[0].filename), top.traceback[0].lineno, top.count >= 3000,
      top.size >= 3000 * 40)
files = s2.statistics("filename")
print(any(st.traceback[0].filename == __file__ for st in files))
tb_stats = mine.statistics("traceback")
print(len(tb_stats[0].traceback), [os.path.basename(fr.filename) for fr in tb_stats[0].traceback])
diff = s2.compare_to(s1, "lineno")
grew = [d for d in diff if d.traceback[0].filename == __file__ and d.traceback[0].lineno == top.traceback[0].lineno]
print(len(grew) == 1 and grew[0].size_diff >= 3000 * 40 and grew[0].count_diff >= 3000)
excluded = s2.filter_traces([tracemalloc.Filter(False, __file__)])
print(all(t.traceback[-1].filename != __file__ for t in excluded.traces), len(excluded.traces) > 0)
dom = s2.filter_traces([tracemalloc.DomainFilter(True, 0)])
print(len(dom.traces) == len(s2.traces))
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "snap")
    mine.dump(path)
    back = tracemalloc.Snapshot.load(path)
    print(back.traces == mine.traces, back.traceback_limit)
print(str(top).startswith("%s:%d: size=" % (__file__, top.traceback[0].lineno)), "count=" in str(top))
tracemalloc.stop()
del keep
