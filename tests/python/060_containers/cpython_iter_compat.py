# Pickling of iter(sequence) and iter(callable, sentinel) iterators, and of
# deque subclasses with __slots__, as CPython's test_iter / test_deque check.
import collections
import pickle


class Seq:
    def __getitem__(self, i):
        if i < 4:
            return i * 10
        raise IndexError


it = iter(Seq())
next(it)
r = it.__reduce__()
print(r[0], type(r[1][0]).__name__, r[2], list(pickle.loads(pickle.dumps(it))), list(it))
print(it.__reduce__())
for state in (-42, 2, 99):
    it = iter(Seq())
    it.__setstate__(state)
    print(state, list(it))

counter = iter(range(5)).__next__
c = iter(counter, 3)
next(c)
r = c.__reduce__()
print(r[0], r[1][1], list(c))
print(c.__reduce__())


class DequeWithSlots(collections.deque):
    __slots__ = ('x', 'y', '__dict__')


class DequeSub(collections.deque):
    pass


for cls in (DequeWithSlots, DequeSub, collections.deque):
    d = cls([1, 2], 5)
    if cls is not collections.deque:
        d.x = 10
    r = d.__reduce__()
    print(cls.__name__, r[1], r[2], list(r[3]))
    d2 = pickle.loads(pickle.dumps(d))
    print(type(d2).__name__, list(d2), d2.maxlen, getattr(d2, 'x', None))
