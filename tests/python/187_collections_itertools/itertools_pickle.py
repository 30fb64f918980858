# itertools objects under copy.copy, copy.deepcopy and pickle (CPython 3.11's __reduce__ /
# __setstate__ shapes and state checks), part-consumed and exhausted.
import copy, operator, pickle, sys
from itertools import *
from itertools import _grouper, _tee, _tee_dataobject

def fmt(x):
    if isinstance(x, tuple):
        return '(' + ', '.join(fmt(e) for e in x) + (',)' if len(x) == 1 else ')')
    if isinstance(x, list):
        return '[' + ', '.join(fmt(e) for e in x) + ']'
    if isinstance(x, type):
        return x.__name__
    if x is None or isinstance(x, (int, float, str, bool)):
        return repr(x)
    return '<' + type(x).__name__ + '>'

def show(f):
    try:
        print(fmt(f()))
    except Exception as e:
        print(type(e).__name__, e)

def second(a, b):
    return b
def lt3(x):
    return x < 3
def lt5(x):
    return x < 5
def mod3(x):
    return x % 3

def take(it, n):
    return list(islice(it, n))

def roundtrips(name, make, n=3, limit=12):
    for skip in (0, 1, n, 100):
        it = make()
        took = take(it, skip) if skip < 100 else list(take(it, 50))
        ref = take(copy.copy(it), limit) if name != 'tee' else None
        it = make(); take(it, skip)
        r = [take(copy.deepcopy(it), limit)]
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            it = make(); take(it, skip)
            r.append(take(pickle.loads(pickle.dumps(it, proto)), limit))
        it = make(); take(it, skip)
        rest = take(it, limit)
        ok = all(x == rest for x in r)
        print(name, skip, fmt(rest), 'same' if ok else fmt(r))

roundtrips('count', lambda: count(3))
roundtrips('count2', lambda: count(1.5, 0.5))
roundtrips('count3', lambda: count(sys.maxsize - 2))
roundtrips('cycle', lambda: cycle('abc'))
roundtrips('cycle0', lambda: cycle(''))
roundtrips('repeat', lambda: repeat('x', 4))
roundtrips('accumulate', lambda: accumulate(range(6)))
roundtrips('accumulate_init', lambda: accumulate(range(6), operator.mul, initial=2))
roundtrips('accumulate_none', lambda: accumulate([None, None, 1], second))
roundtrips('chain', lambda: chain('ab', '', 'cde'))
roundtrips('from_iterable', lambda: chain.from_iterable(['ab', 'cd']))
roundtrips('compress', lambda: compress('abcdef', [1, 0, 1, 1, 0, 1]))
roundtrips('dropwhile', lambda: dropwhile(lt3, range(8)))
roundtrips('takewhile', lambda: takewhile(lt5, range(8)))
roundtrips('filterfalse', lambda: filterfalse(mod3, range(10)))
roundtrips('filterfalse_none', lambda: filterfalse(None, [0, 1, '', 'a', 0]))
roundtrips('starmap', lambda: starmap(pow, [(2, 3), (3, 2), (10, 2)]))
roundtrips('islice', lambda: islice(range(100), 10, 20, 3))
roundtrips('islice2', lambda: islice(range(100), 5))
roundtrips('islice3', lambda: islice(count(), 2, None))
roundtrips('zip_longest', lambda: zip_longest('abc', 'de', fillvalue='-'))
roundtrips('product', lambda: product('ab', range(3)))
roundtrips('product_repeat', lambda: product('ab', repeat=3))
roundtrips('product_empty', lambda: product('ab', ''))
roundtrips('permutations', lambda: permutations('abcd', 2))
roundtrips('permutations_long', lambda: permutations('ab', 3))
roundtrips('combinations', lambda: combinations('abcde', 3))
roundtrips('combinations_long', lambda: combinations('ab', 3))
roundtrips('cwr', lambda: combinations_with_replacement('abc', 2))
roundtrips('cwr_empty', lambda: combinations_with_replacement('', 2))

# groupby and its groups
def expand(it):
    return [(k, list(g)) for k, g in it]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    g = groupby('aabbbcdd')
    next(g)
    print(proto, expand(pickle.loads(pickle.dumps(g, proto))), expand(copy.deepcopy(g)))
g = groupby('AaBbb', key=str.lower)
k, grp = next(g)
grp2 = copy.deepcopy(grp)
print(k, list(grp2), list(grp))
k, grp = next(g)
print(fmt(grp.__reduce__()))
next(g, None)
print(fmt(grp.__reduce__()), list(pickle.loads(pickle.dumps(grp))))
g = groupby('aab')
k, grp = next(g)
print(fmt(g.__reduce__()), fmt(grp.__reduce__()))

# tee
a, b = tee('abcdefgh')
next(a); next(a); next(b)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    a2, b2 = pickle.loads(pickle.dumps((a, b), proto))
    print(proto, ''.join(a2), ''.join(b2))
print(''.join(copy.copy(a)), ''.join(copy.deepcopy(b)), ''.join(a), ''.join(b))
a, b = tee(range(200))
take(a, 120)
a2 = pickle.loads(pickle.dumps(a))
b2 = copy.deepcopy(b)
print(take(a2, 5), take(b2, 5), sum(1 for _ in a2), sum(1 for _ in b2))
t = tee('ab')[0]
print(fmt(t.__reduce__()), fmt(t.__reduce__()[2][0].__reduce__()))
next(t)
print(fmt(t.__reduce__()[2][0].__reduce__()))

# the reduce shapes themselves
show(lambda: count().__reduce__())
show(lambda: count(5.0).__reduce__())
show(lambda: count(5, 2).__reduce__())
show(lambda: count(2**70).__reduce__())
show(lambda: count(5, 1.0).__reduce__())
show(lambda: count(5, True).__reduce__())
show(lambda: cycle('ab').__reduce__())
c = cycle('ab'); next(c); next(c); next(c)
show(lambda: c.__reduce__())
show(lambda: chain('ab').__reduce__())
c = chain('ab'); next(c)
show(lambda: c.__reduce__())
list(c)
show(lambda: c.__reduce__())
show(lambda: accumulate([1, 2]).__reduce__())
show(lambda: accumulate([1, 2], initial=5).__reduce__())
acc = accumulate([1, 2]); next(acc)
show(lambda: acc.__reduce__())
show(lambda: product('ab', repeat=2).__reduce__())
show(lambda: islice('abc', 1, None).__reduce__())
show(lambda: islice('abc', 1, 5, 2).__reduce__())
i = islice('abc', 1); list(i)
show(lambda: i.__reduce__())
show(lambda: starmap(pow, [(1, 2)]).__reduce__())
show(lambda: dropwhile(bool, [1]).__reduce__())
d = dropwhile(lambda x: x < 1, [0, 1, 2]); next(d)
show(lambda: d.__reduce__())
show(lambda: filterfalse(None, [1]).__reduce__())
show(lambda: compress('ab', [1]).__reduce__())
show(lambda: repeat(1).__reduce__())
show(lambda: repeat(1, 3).__reduce__())
show(lambda: zip_longest('ab', 'c').__reduce__())
z = zip_longest('ab', 'c'); next(z); next(z)
show(lambda: z.__reduce__())
show(lambda: combinations('abc', 5).__reduce__())
show(lambda: permutations('abc', 5).__reduce__())
show(lambda: combinations_with_replacement('', 2).__reduce__())
c = combinations('abc', 2); next(c); next(c)
show(lambda: c.__reduce__())
list(c)
show(lambda: c.__reduce__())
p = permutations('abc', 2); next(p); next(p)
show(lambda: p.__reduce__())
p = product('ab', ''); list(p)
show(lambda: p.__reduce__())
p = product('ab', 'c'); next(p)
show(lambda: p.__reduce__())
show(lambda: pairwise([1, 2]).__reduce__())
show(lambda: pickle.dumps(pairwise([1, 2])))
show(lambda: copy.copy(pairwise([1, 2])))
show(lambda: operator.length_hint(repeat(None), 12))
show(lambda: operator.length_hint(repeat(None, 5), 12))
show(lambda: repeat(None).__length_hint__())

# state checks
show(lambda: cycle('').__setstate__(()))
show(lambda: cycle('').__setstate__(([],)))
show(lambda: cycle('').__setstate__([[], 0]))
show(lambda: cycle('').__setstate__((tuple('ab'), 0)))
show(lambda: cycle('').__setstate__((['a'], 'x')))
show(lambda: cycle('').__setstate__((['a'], 1.0)))
show(lambda: cycle('').__setstate__((['a'], 2**40)))
c = cycle('xyz'); c.__setstate__((list('abc'), 1)); print(take(c, 7))
c = cycle('xyz'); c.__setstate__((list('abc'), 0)); print(take(c, 7))
show(lambda: chain().__setstate__(()))
show(lambda: chain().__setstate__([]))
show(lambda: chain().__setstate__(0))
show(lambda: chain().__setstate__(([],)))
show(lambda: chain().__setstate__((iter([]), [])))
show(lambda: chain().__setstate__((iter([]), iter([]), 3)))
c = chain(); c.__setstate__((iter(['abc', 'def']), iter(['ghi']))); print(list(c))
show(lambda: product('ab').__setstate__(5))
show(lambda: product('ab').__setstate__(('x',)))
show(lambda: product('ab').__setstate__((2**70,)))
p = product((1, 2), (3,)); p.__setstate__((0, 0x1000)); print(next(p))
p = product((1, 2), (), (3,)); p.__setstate__((0, 0, 0x1000)); show(lambda: next(p))
show(lambda: combinations('ab', 1).__setstate__([0]))
c = combinations('abcd', 2); c.__setstate__((5, -3)); print(list(c))
c = combinations_with_replacement('abc', 2); c.__setstate__((5, -3)); print(list(c))
show(lambda: permutations('ab').__setstate__(1))
show(lambda: permutations('ab').__setstate__((1,)))
show(lambda: permutations('ab').__setstate__(([0, 1], (1, 1))))
show(lambda: permutations('ab').__setstate__(((0,), (1, 1))))
show(lambda: permutations('ab').__setstate__(((0, 1), (1, 1), 3)))
p = permutations('abc'); p.__setstate__(((2, 1, 0), (1, 5, -1))); print(list(p))
t = tee('ab')[0]
d = t.__reduce__()[2][0]
show(lambda: t.__setstate__(1))
show(lambda: t.__setstate__((1,)))
show(lambda: t.__setstate__((1, 2)))
show(lambda: t.__setstate__((d, 58)))
show(lambda: t.__setstate__((d, -1)))
show(lambda: t.__setstate__((d, 2**40)))
show(lambda: _tee_dataobject(iter('a'), [], None, 4))
show(lambda: _tee_dataobject(iter('a'), (), None))
show(lambda: _tee_dataobject(iter('a'), [1], 5))
show(lambda: _tee_dataobject(iter('a'), [1] * 58, None))
show(lambda: _tee_dataobject(iter('a'), [1] * 57, 5))
show(lambda: _tee_dataobject(1))
show(lambda: _tee())
show(lambda: _tee(1, 2))
t = _tee(()); t.__setstate__((_tee_dataobject(iter('cd'), ['a', 'b'], None), 1)); print(list(t))
g = groupby('aab')
show(lambda: g.__setstate__(1))
show(lambda: g.__setstate__((1, 2)))
show(lambda: _grouper(1, 2))
show(lambda: _grouper(g, 2, 3))
show(lambda: dropwhile(bool, [1]).__setstate__(0))
show(lambda: accumulate([1]).__setstate__(0))
show(lambda: zip_longest([1]).__setstate__(0))
show(lambda: islice([1], 2).__setstate__(-5))
show(lambda: islice([1], 2).__setstate__('x'))
show(lambda: islice([1], 2).__setstate__(2**70))
acc = accumulate([1, 2, 3]); acc.__setstate__(10); print(list(acc))
z = zip_longest('a', 'bcd'); z.__setstate__('*'); print(list(z))
dw = dropwhile(lambda x: x < 5, [1, 7, 2]); dw.__setstate__(1); print(list(dw))
tw = takewhile(lambda x: x < 5, [1, 7, 2]); tw.__setstate__(True); print(list(tw))
