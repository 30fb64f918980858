# Behaviours CPython's test_dict checks: method arity, iterator pickling,
# keys changed during iteration, merging mutated dicts, hashing once, view
# comparisons by containment, OrderedDict order in dict(), str-subclass keys.
import collections
import pickle


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = {1: 'a', 2: 'b'}
for name in ('keys', 'values', 'items', 'copy', 'clear', 'popitem'):
    show(lambda: getattr(d, name)(None))
show(lambda: d.keys(x=1))
show(lambda: dict.items(d, 1))


class D(dict):
    pass


f = D().copy
show(lambda: f(1))
print(d)

# iterator pickling: the rest of the iteration, as a list iterator
data = {1: 'a', 2: 'b', 3: 'c'}
for make in (lambda m: iter(m), lambda m: iter(m.values()), lambda m: iter(m.items()),
             lambda m: reversed(m), lambda m: reversed(m.items()), lambda m: reversed(m.values())):
    for proto in (0, 2, pickle.HIGHEST_PROTOCOL):
        it = make(data)
        next(it)
        it2 = pickle.loads(pickle.dumps(it, proto))
        print(proto, list(it2), list(it))
it = iter(data)
print(it.__reduce__())
list(it)
print(it.__reduce__())

# keys deleted and re-added during iteration
for view in (lambda m: m, dict.values, dict.items):
    m = {0: 0}
    try:
        for i in view(m):
            del m[0]
            m[0] = 0
        print('no error')
    except RuntimeError as e:
        print('RuntimeError', e)
m = {1: 1}
try:
    for i in m:
        m[i + 1] = 1
except RuntimeError as e:
    print('RuntimeError', e)


# update from a dict an __eq__ empties
class X:
    def __hash__(self):
        return 0

    def __eq__(self, o):
        other.clear()
        return False


other = dict((i, 0) for i in range(1, 20))
other[X()] = 0
show(lambda: {X(): 0, 1: 1}.update(other))


# setdefault hashes its key once
class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0

    def __hash__(self):
        self.hash_count += 1
        return 42

    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)


h1 = Hashed()
y = {h1: 5}
h2 = Hashed()
print(y.setdefault(h2, []), y.setdefault(h2, 7), h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count)


# views compare by containment: values need not be hashable
class C:
    def __eq__(self, other):
        raise RuntimeError('eq')


d1 = {1: C()}
d2 = {1: C()}
for op in ('==', '!=', '<', '<=', '>', '>='):
    show(lambda: eval('d1.items() ' + op + ' d2.items()'))
print({1: [1]}.items() == {1: [1]}.items(), {1: []}.items() <= {1: [], 2: 0}.items(),
      {1: 2}.keys() == {1}, {1: 2}.keys() < {1, 2}, {1: 2}.items() == {(1, 2)}, {1: 2}.keys() != {2: 1}.keys())

# dict() of an OrderedDict follows its order; a subclass overriding __iter__ is used as a mapping
od = collections.OrderedDict([('a', 1), ('b', 2)])
od.move_to_end('a')
print(list(dict(od).items()), list({**od}.items()))
e = {}
e.update(od)
print(list(e.items()))


class RevDict(dict):
    def __iter__(self):
        return reversed(list(dict.__iter__(self)))

    def keys(self):
        return list(self.__iter__())


print(list(dict(RevDict(a=1, b=2)).items()), sorted(set(RevDict(a=1, b=2))))


class StrSub(str):
    pass


k = StrSub('key3')
for m in ({'key1': 42, k: 44}, dict([('key1', 42), (k, 44)]), {k: 44}.copy()):
    print(m.get('key3'), m['key3'], 'key3' in m, m.get(k))
