# Behaviours CPython's test_set checks: method arity, set keys looked up as
# frozensets, subclass keywords, iterator pickling, __slots__ in __reduce__.
import pickle


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = {1, 2, 3}
for name in ('copy', 'clear', 'pop'):
    show(lambda: getattr(s, name)(None))
for name in ('add', 'discard', 'remove', 'issubset', 'issuperset', 'isdisjoint', 'symmetric_difference',
             'symmetric_difference_update'):
    show(lambda: getattr(s, name)())
    show(lambda: getattr(s, name)(1, 2))
show(lambda: s.add(x=1))
show(lambda: frozenset().copy(1))
print(sorted(s), s.union(), s.intersection(), s.difference(), s.issubset([1, 2, 3, 4]), s.isdisjoint(iter([4])))

# an unhashable set key is tried as the equivalent frozenset
t = {frozenset([1]), 5}
print(set([1]) in t, t.discard(set([1])), sorted(t, key=repr))
t.add(frozenset([3, 4]))
key = set([3, 4])
t.remove(key)
try:
    t.remove(key)
except KeyError as e:
    print('KeyError', e.args[0] is key)
show(lambda: t.discard([1]))
show(lambda: t.remove({}))


class SetSub(set):
    pass


s2 = SetSub([2])
show(lambda: {frozenset([2])}.remove(s2))


# keywords in subclasses: set refuses them in __init__, frozenset in __new__ unless __init__ is overridden
class SetInit(set):
    def __init__(self, arg, newarg=None):
        super().__init__(arg)
        self.newarg = newarg


class SetNew(set):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self


class FrozenInit(frozenset):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


class FrozenNew(frozenset):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self


class FrozenSub(frozenset):
    pass


for cls in (SetInit, FrozenInit, FrozenNew):
    u = cls([1, 2], newarg=3)
    print(cls.__name__, sorted(u), u.newarg)
print(sorted(SetNew([1, 2])), SetNew([1]).newarg)
show(lambda: SetNew([1, 2], newarg=3))
show(lambda: SetSub(sequence=()))
show(lambda: FrozenSub(sequence=()))
show(lambda: set(sequence=()))
show(lambda: frozenset(sequence=()))

# iterator pickling: the rest, as a list iterator
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    it = iter({1, 2, 3})
    first = next(it)
    rest = pickle.loads(pickle.dumps(it, proto))
    print(proto, type(rest).__name__, sorted(rest) == sorted({1, 2, 3} - {first}), len(list(it)))
it = iter(frozenset())
print(it.__reduce__())


# __reduce__ carries the instance dict and __slots__ values
class SlotSet(set):
    __slots__ = ('x', '__dict__')


class SlotFrozen(frozenset):
    __slots__ = ('x',)


for cls in (SlotSet, SlotFrozen, SetSub, set):
    o = cls([1])
    if cls is not set:
        o.x = 5
    print(cls.__name__, o.__reduce__()[1:])
    o2 = pickle.loads(pickle.dumps(o))
    print(type(o2).__name__, sorted(o2), getattr(o2, 'x', None))


# set operations do not rehash elements taken from sets and dicts
class HashCountingInt(int):
    def __init__(self, *args):
        self.hash_count = 0

    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)


d = dict.fromkeys(map(HashCountingInt, range(10)))
count = lambda: sum(k.hash_count for k in d)
for thetype in (set, frozenset):
    s = thetype(d)
    s.difference(d)
    if hasattr(s, 'symmetric_difference_update'):
        s.symmetric_difference_update(d)
    d2 = dict.fromkeys(set(d))
    d3 = dict.fromkeys(frozenset(d), 123)
    s2 = thetype(d)
    s2.intersection(s2)
    s2.issubset(set(d))
    print(thetype.__name__, count(), d3 == dict.fromkeys(d, 123))
