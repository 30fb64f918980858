# list.sort() compares the same pairs in the same order as CPython 3.11's
# timsort (powersort merges, galloping, binary insertion): visible through
# __lt__ side effects, the first incomparable pair's TypeError, and the list
# left behind when a comparison raises.
import random


class K:
    log = []

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        K.log.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return f"K({self.v})"


def trace(values, **kw):
    K.log = []
    out = sorted((K(v) for v in values), **kw)
    return len(K.log), hash(tuple(K.log)) & 0xFFFFFFFF, [k.v for k in out] == sorted(values, **{k: v for k, v in kw.items() if k == "reverse"})


rng = random.Random(20261207)
patterns = {
    "random": lambda n: [rng.randrange(n) for _ in range(n)],
    "few distinct": lambda n: [rng.randrange(4) for _ in range(n)],
    "ascending": lambda n: list(range(n)),
    "descending": lambda n: list(range(n, 0, -1)),
    "saw": lambda n: [i % 37 for i in range(n)],
    "runs": lambda n: sorted(rng.randrange(1000) for _ in range(n // 2)) + sorted((rng.randrange(1000) for _ in range(n - n // 2)), reverse=True),
    "almost sorted": lambda n: [i + (rng.randrange(5) if i % 50 == 0 else 0) for i in range(n)],
    "two interleaved": lambda n: [i // 2 if i % 2 else n - i for i in range(n)],
    "merge_hi": lambda n: list(range(n // 3, n)) + list(range(n // 3)),
}
for name, make in patterns.items():
    for n in (0, 1, 2, 5, 31, 64, 65, 200, 1000, 3000):
        data = make(n)
        print(name, n, trace(data), trace(data, reverse=True))

# key functions: every key computed first, in order
calls = []
data = [rng.randrange(100) for _ in range(300)]
out = sorted(data, key=lambda x: (calls.append(x), K(x % 17))[1])
print(calls == data, [x % 17 for x in out] == sorted(x % 17 for x in data), out[:10])

# the first incomparable pair names the types in the order compared
for data in ([1, "a", 2.0], ["a", 1], [3, 1, "x", 2], [None, 1], [1, 2, 3, None, 5],
             list(range(40)) + ["z"] + list(range(40, 0, -1)), [2, 1, 3, b"x", 0]):
    try:
        sorted(data)
    except TypeError as e:
        print(e)


# a comparison raising part way: the list keeps the order the sort reached
class Boom:
    def __init__(self, v, limit):
        self.v, self.limit = v, limit

    def __lt__(self, other):
        Boom.count += 1
        if Boom.count == self.limit:
            raise ValueError("boom")
        return self.v < other.v


for limit in (1, 5, 40, 400, 900):
    Boom.count = 0
    items = [Boom(rng.randrange(50), limit) for _ in range(150)]
    try:
        items.sort()
        print("sorted")
    except ValueError as e:
        print(limit, e, [b.v for b in items][:30])

# mutation during the sort
data = list(range(10, 0, -1))


def mutating_key(x):
    return x


class Mut:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        lst.append(0)
        return self.v < other.v


lst = [Mut(v) for v in (3, 1, 2)]
try:
    lst.sort()
except ValueError as e:
    print("ValueError:", e, [m.v for m in lst])
