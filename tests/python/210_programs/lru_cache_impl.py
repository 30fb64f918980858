# An LRU cache built on a doubly linked list + dict, checked against functools.lru_cache.
import functools
class Node:
    __slots__ = ('key', 'value', 'prev', 'next')
    def __init__(self, key=None, value=None):
        self.key, self.value, self.prev, self.next = key, value, None, None
class LRU:
    def __init__(self, capacity):
        self.capacity, self.map = capacity, {}
        self.head, self.tail = Node(), Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = 0
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _push_front(self, n):
        n.prev, n.next = self.head, self.head.next
        self.head.next.prev = n
        self.head.next = n
    def get(self, key, compute):
        n = self.map.get(key)
        if n is not None:
            self.hits += 1
            self._unlink(n); self._push_front(n)
            return n.value
        self.misses += 1
        n = Node(key, compute(key))
        self.map[key] = n
        self._push_front(n)
        if len(self.map) > self.capacity:
            last = self.tail.prev
            self._unlink(last)
            del self.map[last.key]
        return n.value
    def keys(self):
        n, out = self.head.next, []
        while n is not self.tail:
            out.append(n.key); n = n.next
        return out
cache = LRU(3)
@functools.lru_cache(maxsize=3)
def ref(k): return k * k
seq = [1, 2, 3, 1, 4, 2, 5, 1, 2, 3, 3, 3, 6]
mine = [cache.get(k, lambda x: x * x) for k in seq]
theirs = [ref(k) for k in seq]
print(mine == theirs, mine, cache.keys(), (cache.hits, cache.misses), (ref.cache_info().hits, ref.cache_info().misses))
