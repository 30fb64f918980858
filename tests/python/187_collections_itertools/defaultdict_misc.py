# defaultdict, _count_elements, _tuplegetter
from _collections import defaultdict, _count_elements, _tuplegetter

dd = defaultdict(list)
dd["a"].append(1); dd["b"].extend([2, 3]); dd["a"].append(4)
print(dd, dd.default_factory, dd["missing"], sorted(dd))
print(dd.copy(), type(dd.copy()).__name__, dd.__reduce__()[:2])
n = defaultdict(None, {1: 2})
try:
    n[5]
except KeyError as e:
    print("KeyError", e)
print(n, defaultdict(), defaultdict(int, a=1))
try:
    defaultdict(1)
except TypeError as e:
    print(e)
print(dd | {"z": 0}, {"z": 0} | defaultdict(int, {"q": 1}))
cnt = defaultdict(int)
for w in "the cat and the hat and the bat".split():
    cnt[w] += 1
print(sorted(cnt.items()))
cnt.default_factory = str; print(repr(cnt["new"]))
r = defaultdict(list); r.default_factory = r.__class__; print(isinstance(r, dict))
class D(defaultdict):
    pass
print(D(int, {1: 1}), D(list).copy())
c = {}
_count_elements(c, "mississippi"); print(c)
class P(tuple):
    __slots__ = ()
    x = _tuplegetter(0, "first")
    y = _tuplegetter(1, "second")
p = P((3, 4)); print(p.x, p.y, P.x.__doc__, P.y)
try:
    p.x = 5
except AttributeError as e:
    print(e)
try:
    P(()).x
except IndexError as e:
    print(e)
print(defaultdict[str, int])
