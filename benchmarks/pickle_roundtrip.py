"""Pickle round trips: dump and load nested structures of dicts, lists, tuples, strings, floats, big
ints, sets and instances of user classes (with __reduce__ and __getstate__/__setstate__), through
every protocol and through pickle.Pickler/Unpickler on a BytesIO. Prints sizes and a digest."""
import io
import pickle
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


class Account:
    def __init__(self, owner, balance, history):
        self.owner = owner
        self.balance = balance
        self.history = history
        self._cache = object()

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["_cache"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._cache = None


class Money:
    def __init__(self, cents, currency):
        self.cents = cents
        self.currency = currency

    def __reduce__(self):
        return (Money, (self.cents, self.currency))


def make_doc(i):
    return {
        "id": i,
        "name": f"record-{i}",
        "tags": ("alpha", "beta", str(i % 7)),
        "scores": [i * 0.5, i / 3.0, -i * 1.25],
        "big": 3 ** (50 + i % 40),
        "points": [Point(i, j) for j in range(4)],
        "account": Account(f"owner{i % 13}", Money(i * 100 + 7, "EUR"), [i, i + 1, i + 2]),
        "flags": frozenset({i % 3, i % 5}),
        "nested": {"a": [1, 2, {"b": (None, True, False)}], "bytes": bytes(range(i % 20 + 2))},
    }


def main(n):
    docs = [make_doc(i) for i in range(n)]
    sizes = []
    digest = 0
    for rnd in range(3):
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            data = pickle.dumps(docs, protocol=proto)
            back = pickle.loads(data)
            sizes.append(len(data))
            assert back[5]["points"] == docs[5]["points"]
            digest += sum(d["account"].history[0] + d["account"].balance.cents for d in back) % 1000003
        buf = io.BytesIO()
        p = pickle.Pickler(buf, protocol=4)
        for d in docs[: n // 2]:
            p.dump(d)
        buf.seek(0)
        u = pickle.Unpickler(buf)
        count = 0
        for _ in range(n // 2):
            d = u.load()
            count += d["big"] % 97 + len(d["nested"]["bytes"])
        digest += count
    # Pickle sizes depend on object identity through the memo. Protocols 0-2 spell bytes as
    # codecs.encode(text, "latin1") and whether that "latin1" string is one shared object is an
    # implementation detail (as is CPython's cache of 1-byte bytes, hence no bytes shorter than 2),
    # so only the sizes of protocols 3+ are printed.
    print("sizes:", sizes[3: pickle.HIGHEST_PROTOCOL + 1], "digest:", digest)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
