# Behaviours CPython's test_list / test_tuple check: index clamping, exact-type
# storage fast paths, subclass keywords, method arity, iterator pickling,
# comparison of lists mutated by __eq__, str/bytes subclass hashes.
import pickle
import sys


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# index() clamps huge start/stop like slice indices
a = [-2, -1, 0, 0, 1, 2]
print(a.index(0, -4 * sys.maxsize, 4 * sys.maxsize), a.index(0, 3, 2 ** 100))
t = tuple(a)
print(t.index(0, -4 * sys.maxsize, 4 * sys.maxsize), t.index(1, -2 ** 70))
show(lambda: a.index(0, 4 * sys.maxsize, -4 * sys.maxsize))
show(lambda: t.index(2, 0, -2 ** 70))
show(lambda: a.index(0, None))
show(lambda: t.index(0, 'x'))
show(lambda: a.index(0, 1.5))


class Idx:
    def __index__(self):
        return -2 ** 80


print(a.index(-2, Idx()), t.index(-2, Idx()))
import collections
dq = collections.deque(a)
print(dq.index(0, -4 * sys.maxsize, 4 * sys.maxsize), dq.index(1, -2 ** 70), dq.index(-2, Idx()))
show(lambda: dq.index(0, None))
show(lambda: dq.index(2, 0, -2 ** 70))


# list()/tuple()/extend/join of a subclass with its own __iter__ iterate it
class LyingTuple(tuple):
    def __iter__(self):
        yield 1


class LyingList(list):
    def __iter__(self):
        yield 1


print(list(LyingTuple((2,))), tuple(LyingList([2])), tuple(LyingTuple((2,))), list(LyingList([2])))
l = [0]
l.extend(LyingTuple((5, 6)))
l.extend(LyingList([7, 8]))
l[1:1] = LyingList([9, 9])
print(l, sorted(LyingList([3, 2])))


class LyingStrs(list):
    def __iter__(self):
        yield 'z'


print('-'.join(LyingStrs(['a', 'b'])), bytes(LyingList([65, 66])))


def star(*a):
    return a


first, = LyingList([2])
second, = LyingTuple((2,))
print(star(*LyingList([2, 3])), star(*LyingTuple((2, 3))), [*LyingList([2])], {*LyingTuple((2,))}, first, second)
print(set(LyingTuple((7,))), frozenset(LyingList([3])), dict.fromkeys(LyingList([9])), bytearray(LyingList([65])))


# subclasses whose __new__ / __init__ take keywords
class ListInit(list):
    def __init__(self, seq, newarg=None):
        super().__init__(seq)
        self.newarg = newarg


class ListNew(list):
    def __new__(cls, seq, newarg=None):
        self = super().__new__(cls, seq)
        self.newarg = newarg
        return self


class TupleInit(tuple):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


class TupleNew(tuple):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self


for cls in (ListInit, ListNew, TupleInit, TupleNew):
    u = cls([1, 2], newarg=3)
    print(cls.__name__, type(u).__name__, list(u), u.newarg)


class PlainList(list):
    pass


class PlainTuple(tuple):
    pass


show(lambda: PlainList(sequence=()))
show(lambda: PlainTuple(sequence=()))
show(lambda: list(sequence=()))
show(lambda: tuple(sequence=()))

# methods taking no argument / exactly one reject others
u = [1, 2]
show(lambda: u.clear(None))
show(lambda: u.copy(None))
show(lambda: u.reverse(42))
show(lambda: u.clear(x=1))
show(lambda: u.append())
show(lambda: u.append(1, 2))
show(lambda: u.append(x=1))
show(lambda: u.remove())
show(lambda: u.count())
show(lambda: list.clear(u, 1))
show(lambda: PlainList().reverse(1))
f = PlainList().reverse
show(lambda: f(1))
show(lambda: (1,).count())
print(u)

# type sizes
print(tuple.__itemsize__, list.__itemsize__, bytes.__itemsize__, PlainTuple.__itemsize__)
print(type(tuple.__basicsize__).__name__, list.__basicsize__ > 0)
lst = [0]
show(lambda: lst * ((2 ** (tuple.__itemsize__ * 8) - 1) // 2))

# iterator pickling
orig = [4, 5, 6, 7]
for make in (iter, reversed):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it = make(orig)
        next(it)
        it2, a2 = pickle.loads(pickle.dumps((it, orig), proto))
        a2[:] = [10, 11, 12, 13, 14, 15]
        assert type(it2) is type(it)
        if proto == 0:
            print(make.__name__, list(it2), list(it))
    print(it.__reduce__()[1:])
    print(make(orig).__reduce__())
    e = make([1])
    list(e)
    print(e.__reduce__())
tu = (1, 2, 3)
it = iter(tu)
next(it)
print(it.__reduce__(), list(pickle.loads(pickle.dumps(it))))
list(it)
print(it.__reduce__())
r = reversed(tu)
next(r)
print(r.__reduce__(), list(pickle.loads(pickle.dumps(r))))
list(r)
print(r.__reduce__())
# __setstate__ clamps
for make, state in ((iter, 10), (iter, -3), (reversed, 10), (reversed, -10)):
    for seq in ([1, 2, 3], (1, 2, 3)):
        it = make(seq)
        it.__setstate__(state)
        print(make.__name__, type(seq).__name__, state, list(it))
show(lambda: iter([1]).__setstate__('a'))
show(lambda: iter([1]).__setstate__(2 ** 70))


# == on lists resized by an item's __eq__
class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented


class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented


class Z:
    def __eq__(self, other):
        list3.clear()
        return NotImplemented


list1 = [X()]
list2 = [Y()]
print(list1 == list2)
list3 = [Z()]
list4 = [1]
print(list3 == list4)
print([1, 2] == [1], [1] != [1, 2], (1, 2) < (1, 2, 3))


# hash of str / bytes subclasses equals the hash of the value
class StrSub(str):
    pass


class BytesSub(bytes):
    pass


print(hash(StrSub('key3')) == hash('key3'), str.__hash__('key3') == hash('key3'))
print(hash(BytesSub(b'key3')) == hash(b'key3'), bytes.__hash__(b'key3') == hash(b'key3'))
d = {'key1': 42, StrSub('key3'): 44}
print(d.get('key3'), d['key3'], 'key3' in d, {BytesSub(b'x'): 1}.get(b'x'))
