# deque: the ring buffer API, bounded deques, errors and iteration rules.
from _collections import deque

d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(9)
print(d, len(d), d[0], d[-1], d.maxlen, list(reversed(d)))
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(12); print(d)
print(d.pop(), d.popleft(), d, d.count(4), d.index(4))
d.extend("ab"); print(d)
d.extendleft("xyz"); print(d)
d.insert(1, "i") if len(d) < 5 else print("full")
e = deque(range(10))
e.insert(3, "new"); e.insert(-1, "neg"); e.insert(100, "end"); print(e)
e.remove("new"); del e[0]; e[0] = "first"; print(e)
e.reverse(); print(e)
print(3 in e, "zz" in e, e.index(5, 2), e.index(5, -8))
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: e.index("q"),
          lambda: e.remove("q"), lambda: e["a"], lambda: e[100], lambda: deque(maxlen=-1),
          lambda: deque(maxlen="a"), lambda: deque([1], 1).insert(0, 2), lambda: e + [1],
          lambda: hash(e), lambda: deque(1), lambda: e * "a"]:
    try:
        f()
    except Exception as ex:
        print(type(ex).__name__, ex)
big = deque()
for i in range(1000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(big))
b = deque(maxlen=3)
for i in range(10):
    b.append(i)
print(b, deque(maxlen=0), deque([1, 2], maxlen=0))
c = deque([1, 2]); c.append(c); print(c)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) <= deque([1]), deque([2]) > deque([1, 5]), deque([1]) == [1])
x = deque([1, 2], maxlen=3)
print(x + deque([3, 4]), x * 2, 2 * x, x * 0)
x += [7]; print(x)
x *= 2; print(x)
y = deque([1, 2]); y.extend(y); print(y)
y.clear(); print(y, bool(y))
z = deque("abc", 5)
print(z.copy(), z.__copy__(), z.__reduce__()[:3], deque("ab").__reduce__()[:3])
it = iter(z); print(next(it), it.__length_hint__(), list(it))
try:
    for v in z:
        z.append("q")
except RuntimeError as ex:
    print(ex)
class MyDeque(deque):
    pass
m = MyDeque([1, 2], 4)
print(m, type(m.copy()).__name__, m.copy(), m + deque([3]))
print(deque[int])
