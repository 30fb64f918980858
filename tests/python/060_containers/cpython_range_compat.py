# Behaviours CPython's test_range / test_enumerate check: range iterator,
# enumerate and str iterator pickling, big-int range slices and lengths,
# search by __eq__ for values that are not exact ints, reversed's length hint.
import operator
import pickle
import sys


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# range iterators: (iter, (range(start, stop, step),), index)
for args in ((13,), (3, 20, 2), (20, 3, -1), (2 ** 70, 2 ** 70 + 10, 3), (-2 ** 63, -2 ** 63 + 4)):
    it = iter(range(*args))
    print(it.__reduce__())
    next(it)
    print(it.__reduce__(), it.__length_hint__())
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it2 = pickle.loads(pickle.dumps(it, proto))
        assert type(it2) is type(it) and list(it2) == list(range(*args))[1:], (proto, args)
    list(it)
    print(it.__reduce__())
it = reversed(range(5))
next(it)
print(it.__reduce__())
it = iter(range(2 ** 32 + 2))
it.__setstate__(2 ** 32 + 1)
print(it.__reduce__()[2], next(pickle.loads(pickle.dumps(it))))
for state in (-5, 3, 50):
    it = iter(range(10))
    it.__setstate__(state)
    print(state, list(it))
show(lambda: iter(range(10)).__setstate__(2 ** 80))
it = iter(range(2 ** 70, 2 ** 70 + 10, 3))
it.__setstate__(2 ** 80)
print(list(it))
show(lambda: iter(range(3)).__setstate__('a'))

# slices and lengths beyond a machine word
r = range(-sys.maxsize, sys.maxsize)
idx = sys.maxsize + 1
print(r[idx], r[idx:idx + 1], r[idx:idx + 1][0] == -sys.maxsize + idx)
show(lambda: len(r))
print(len(range(-sys.maxsize, sys.maxsize, 2)) == sys.maxsize)
print(range(10)[2 ** 70:], range(5)[::2 ** 80], range(5)[::-2 ** 80], range(10)[-2 ** 70:3], range(10)[:-2 ** 70])
print(range(0, 20, 3)[1:-1:2], range(10)[::-1], range(10)[8:2:-3])
show(lambda: range(5)[::0])
show(lambda: range(5)['a':])


class I:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class IX:
    def __index__(self):
        raise RuntimeError('bad index')


print(range(10)[:I(5)], range(10)[I(2):I(8):I(3)])
show(lambda: range(0, 10)[:IX()])


# search: values other than exact ints compare through __eq__
class AlwaysEq:
    def __eq__(self, other):
        return True


class BadCmp:
    def __eq__(self, other):
        if other == 2:
            raise ValueError('bad cmp')
        return False


class MyInt(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


print(range(10).count(AlwaysEq()), range(10).index(AlwaysEq()), AlwaysEq() in range(3))
print(range(10).count(MyInt(3)), range(10).index(MyInt(3)), range(3).count(1.0), range(3).index(1.0))
print(range(3).index(True), range(3).count(True), 2.0 in range(3))
show(lambda: range(4).index(BadCmp()))
show(lambda: range(3).index('a'))
show(lambda: range(3).index(5))
show(lambda: range(3).count(BadCmp()))

# enumerate pickles as (type, (iterator, count))
for e in (enumerate('abc'), enumerate('abc', 2 ** 70), enumerate([]), enumerate('héllo', -3)):
    next(e, None)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        e2 = pickle.loads(pickle.dumps(e, proto))
        assert type(e2) is enumerate
    print(e.__reduce__()[1][1], list(pickle.loads(pickle.dumps(e))), list(e))


class MyEnum(enumerate):
    pass


e = MyEnum('ab')
print(type(pickle.loads(pickle.dumps(e))).__name__, list(pickle.loads(pickle.dumps(e))))

# str iterators
it = iter('héllo')
next(it)
print(it.__reduce__(), list(pickle.loads(pickle.dumps(it))))
it.__setstate__(4)
print(list(it), it.__reduce__())
for state in (-4, 2, 10):
    it = iter('abc')
    it.__setstate__(state)
    print(state, list(it))


# reversed's length hint asks the sequence again
class SeqWithWeirdLen:
    called = False

    def __len__(self):
        if not self.called:
            self.called = True
            return 10
        raise ZeroDivisionError

    def __getitem__(self, index):
        return index


show(lambda: operator.length_hint(reversed(SeqWithWeirdLen())))
seq = [1, 2, 3, 4]


class Shrinking:
    def __len__(self):
        return len(seq)

    def __getitem__(self, i):
        return seq[i]


r = reversed(Shrinking())
del seq[1:]
print(operator.length_hint(r), list(r))
for s in ('hello', tuple('hello'), list('hello'), range(5)):
    r = reversed(s)
    print(operator.length_hint(r), end=' ')
    list(r)
    print(operator.length_hint(r))

# slice.indices with Python ints (CPython's _PySlice_GetLongIndices)
for args in ((None,), (None, None, -1), (-2 ** 100, 2 ** 100), (2 ** 100, -2 ** 100, -1), (1, None, 2 ** 70),
             (None, -11, -1), (3, None, -2)):
    print(args, [slice(*args).indices(n) for n in (0, 10, 2 ** 100)])
show(lambda: slice(None).indices(-1))
show(lambda: slice(0, 10, 0).indices(5))
show(lambda: slice('a').indices(5))
show(lambda: slice(IX()).indices(5))
show(lambda: slice(1).indices(2.0))
print(slice(I(2), I(8)).indices(I(5)), list(range(10))[::sys.maxsize - 1])
