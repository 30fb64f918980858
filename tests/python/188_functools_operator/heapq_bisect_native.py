# _heapq and _bisect accelerators, called directly.
import _heapq as h, _bisect as b
l = [5, 3, 8, 1, 9, 2, 7]; h.heapify(l); print(l)
out = [h.heappop(l) for _ in range(len(l))]; print(out)
x = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]: h.heappush(x, v)
print(x, h.heappushpop(x, 0), h.heappushpop(x, 3), h.heapreplace(x, 10), x)
m = [3, 1, 4, 1, 5, 9, 2, 6]; h._heapify_max(m); print(m, h._heappop_max(m), h._heapreplace_max(m, 0), m)
for f in [lambda: h.heappop([]), lambda: h.heappush((), 1), lambda: h.heapreplace([], 1), lambda: h.heapify(1), lambda: h.heappop(()), lambda: h.heappushpop((), 1),
          lambda: b.bisect_right([], 1, -1), lambda: b.insort_right((), 1), lambda: b.bisect_left(1, 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
s = [1, 2, 2, 2, 3, 5]
print(b.bisect_left(s, 2), b.bisect_right(s, 2), b.bisect_left(s, 4), b.bisect_right(s, 2, 0, 2), b.bisect_left(s, 2, lo=2), b.bisect_left([1], 1, hi=-5))
b.insort_left(s, 2); b.insort_right(s, 4); b.insort_right(s, 0); print(s)
recs = [(1, "a"), (3, "c"), (5, "e")]
print(b.bisect_left(recs, 3, key=lambda r: r[0]), b.bisect_right(recs, 3, key=lambda r: r[0]))
b.insort_left(recs, (4, "d"), key=lambda r: r[0]); print(recs)
class Seq:
    def __init__(self): self.d = [1, 3, 5]
    def __len__(self): return len(self.d)
    def __getitem__(self, i): return self.d[i]
    def insert(self, i, v): self.d.insert(i, v)
q = Seq(); b.insort(q, 4) if hasattr(b, "insort") else b.insort_right(q, 4); print(q.d, b.bisect_right(q, 3))
data = [(i * 7919) % 1000 for i in range(500)]
hp = []
for v in data: h.heappush(hp, v)
print([h.heappop(hp) for _ in range(500)] == sorted(data))
