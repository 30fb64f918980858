"""The cost of gc-precise mode (docs/decisions/0014): run by gilpy, twice, once with the mode off
and once after `import gc` has switched it on, and compare the best times of each.

    gilpy tools/bench_gc_precise.py off
    gilpy tools/bench_gc_precise.py on

Prints: mode, best time of 1e6 small Python calls, best time of a 1e6-item generator sum.
"""
import sys
import time

if sys.argv[1:] == ["on"]:
    import gc  # switches the mode on; the "off" run must not import it


def f(a, b):
    return a + b


def calls(n):
    s = 0
    for i in range(n):
        s = f(s, i)
    return s


def gen(n):
    for i in range(n):
        yield i


best = [float("inf"), float("inf")]
for _ in range(5):
    t0 = time.perf_counter()
    calls(1_000_000)
    t1 = time.perf_counter()
    sum(gen(1_000_000))
    t2 = time.perf_counter()
    best = [min(best[0], t1 - t0), min(best[1], t2 - t1)]
print(sys.argv[1] if len(sys.argv) > 1 else "off", f"calls {best[0]:.4f}s generator {best[1]:.4f}s")
