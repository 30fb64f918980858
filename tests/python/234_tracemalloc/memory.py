# get_traced_memory(): current and peak. Under gilpy a block is freed when a
# collection finds it unreachable, so the program collects before it looks
# for memory given back (docs/decisions/0019); sizes are the allocator's
# (CPython's and gilpy's differ), so only relations are printed.
import gc
import tracemalloc

MB = 1 << 20

tracemalloc.start()
cur0, peak0 = tracemalloc.get_traced_memory()
print(peak0 >= cur0)

big = bytearray(MB)
cur1, peak1 = tracemalloc.get_traced_memory()
print("grew by more than 1 MB:", cur1 - cur0 >= MB, "by less than 1 MB + 64 KB:", cur1 - cur0 < MB + 65536)
print("peak >= current:", peak1 >= cur1)

big = None
gc.collect()
cur2, peak2 = tracemalloc.get_traced_memory()
print("freed about 1 MB:", cur1 - cur2 >= MB - 65536, "peak kept:", peak2 >= peak1)

tracemalloc.reset_peak()
cur3, peak3 = tracemalloc.get_traced_memory()
print("reset_peak: peak near current:", 0 <= peak3 - cur3 < 65536, "peak fell:", peak3 < peak1)

# A temporary: peak remembers it after it is gone.
tracemalloc.reset_peak()
total = sum(bytearray(2 * MB))
gc.collect()
cur4, peak4 = tracemalloc.get_traced_memory()
print("temporary in the peak:", peak4 - cur3 >= 2 * MB, "not in current:", cur4 - cur3 < MB)

# Many small objects: counted, and given back when dropped.
gc.collect()
base, _ = tracemalloc.get_traced_memory()
objs = [str(i) * 3 for i in range(20000)]
cur5, _ = tracemalloc.get_traced_memory()
print("20000 strs counted:", cur5 - base >= 20000 * 40)
objs = None
gc.collect()
cur6, _ = tracemalloc.get_traced_memory()
print("and freed:", cur5 - cur6 >= 20000 * 40)

# A list growing by appends: its buffer is reallocated, counted once.
gc.collect()
base, _ = tracemalloc.get_traced_memory()
grow = []
for i in range(100000):
    grow.append(None)
gc.collect()
cur7, _ = tracemalloc.get_traced_memory()
print("list buffer counted once:", 800000 <= cur7 - base < 2 * 800000)
del grow

# clear_traces() zeroes both counters; stop() too.
tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory() == (0, 0))
keep = bytearray(MB)
print(tracemalloc.get_traced_memory()[0] >= MB)
mem = tracemalloc.get_tracemalloc_memory()
tracemalloc.clear_traces()
print("own memory shrinks on clear:", tracemalloc.get_tracemalloc_memory() <= mem)
tracemalloc.stop()
print(tracemalloc.get_traced_memory())
