# Callbacks that mutate heaps, deques, sets and dicts mid-operation; itertools edge cases.
import heapq, bisect, collections, itertools, functools, operator
def t(name, f):
    try:
        print(name, "->", repr(f())[:60])
    except Exception as e:
        print(name, "!", type(e).__name__, str(e)[:70])
class LtClears:
    def __init__(self, target, v): self.target, self.v = target, v
    def __lt__(self, o):
        self.target.clear(); return self.v < getattr(o, 'v', o)
    def __gt__(self, o): self.target.clear(); return False
    def __le__(self, o): self.target.clear(); return True
    def __eq__(self, o): self.target.clear(); return False
    __hash__ = object.__hash__
h = []
for i in range(10): h.append(LtClears(h, i))
t("heappush clears", lambda: heapq.heappush(h, LtClears(h, -1)))
h = [LtClears(None, i) for i in range(10)]
for x in h: x.target = h
t("heappop clears", lambda: heapq.heappop(h))
h = [LtClears(None, i) for i in range(10)]
for x in h: x.target = h
t("heapify clears", lambda: heapq.heapify(h))
b = [LtClears(None, i) for i in range(10)]
for x in b: x.target = b
t("bisect clears", lambda: bisect.bisect(b, 5))
t("insort clears", lambda: bisect.insort(b, 5))
d = collections.deque(LtClears(None, i) for i in range(5))
for x in d: x.target = d
t("deque index clears", lambda: d.index(3))
d = collections.deque(LtClears(None, i) for i in range(5))
for x in d: x.target = d
t("deque remove clears", lambda: d.remove(3))
d = collections.deque(LtClears(None, i) for i in range(5))
for x in d: x.target = d
t("deque count clears", lambda: d.count(3))
d = collections.deque(LtClears(None, i) for i in range(5))
for x in d: x.target = d
t("deque in clears", lambda: 3 in d)
lst = [LtClears(None, i) for i in range(5)]
for x in lst: x.target = lst
t("list.remove clears", lambda: lst.remove(3))
lst = [LtClears(None, i) for i in range(5)]
for x in lst: x.target = lst
t("max clears", lambda: max(lst).v)
lst = [LtClears(None, i) for i in range(5)]
for x in lst: x.target = lst
t("list == clears", lambda: lst == [1, 2, 3, 4, 5])
lst = [LtClears(None, i) for i in range(5)]
for x in lst: x.target = lst
t("list < clears", lambda: lst < [1, 2, 3, 4, 5])
s = set()
class HashEqClears:
    def __hash__(self): return 7
    def __eq__(self, o): s.clear(); return False
for i in range(5): s.add(HashEqClears())
t("set add clears", lambda: s.add(HashEqClears()))
t("set discard clears", lambda: s.discard(HashEqClears()))
od = collections.OrderedDict()
class K:
    def __hash__(self): return 3
    def __eq__(self, o): od.clear(); return False
od[K()] = 1; od[K()] = 2
t("OrderedDict clears", lambda: od.get(K()))
dd = {}
class K2:
    def __hash__(self): return 3
    def __eq__(self, o): dd.clear(); dd.update({i: i for i in range(100)}); return False
dd[K2()] = 1

t("sorted with key mutating", lambda: sorted(range(5), key=lambda x: -x))
it = iter([1, 2, 3])
t("zip strict", lambda: list(zip([1, 2], [1], strict=True)))
t("reduce empty", lambda: functools.reduce(operator.add, []))
t("groupby", lambda: [(k, list(g)) for k, g in itertools.groupby("aabbc")])
t("tee", lambda: [list(x) for x in itertools.tee(range(3), 2)])

t("islice neg", lambda: list(itertools.islice(range(10), -1)))
t("accumulate", lambda: list(itertools.accumulate([1, 2, 3], initial=10)))
t("str join mutating", lambda: ",".join(x for x in ["a", "b"]))
class StrMut:
    def __iter__(self): return iter(["a", 1])
t("join bad", lambda: ",".join(StrMut()))
t("bytes join", lambda: b"".join([b"a", bytearray(b"b"), memoryview(b"c")]))
print("done")
