# itertools: every iterator, reprs and the errors CPython gives.
import itertools as it

print(list(it.islice(it.count(5, 2), 4)), it.count(), it.count(3), it.count(1.5), it.count(2, 1.0), it.count(0, -1))
c = it.count(2**62 - 2); print([next(c) for _ in range(4)], c)
print(it.repeat("a", 2), list(it.repeat(1, 3)), it.repeat(1), list(it.repeat(0, -2)), it.repeat(1, 4).__length_hint__())
print(it.count(3).__reduce__(), it.repeat(1, 3).__reduce__())
cy = it.cycle("ab"); print([next(cy) for _ in range(5)], list(it.cycle([])))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)),
      list(it.accumulate([1, 2], initial=10)), list(it.accumulate([])), list(it.accumulate([], initial=7)))
print(list(it.chain("ab", [1], ())), list(it.chain.from_iterable(["xy", "z"])), list(it.chain()))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])),
      list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(None, [0, 1, "", "a"])),
      list(it.filterfalse(lambda x: x % 2, range(6))))
print([(k, list(g)) for k, g in it.groupby("aaabbcaa")], [k for k, g in it.groupby([1, 1, 2], key=lambda x: x % 2)])
groups = list(it.groupby("aabb")); print([(k, list(g)) for k, g in groups])
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 4)), list(it.islice("abcdefg", 1, None, 2)),
      list(it.islice("abc", None)), list(it.islice(range(10), 0, 9, 4)))
print(list(it.pairwise("abcd")), list(it.pairwise("a")), list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee(iter(range(5))); print(next(a), list(b), list(a))
t1, t2, t3 = it.tee("xyz", 3); print(list(t1), list(t2), list(t3.__copy__()), it.tee("q", 0))
print(list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.zip_longest("a", [1, 2])), list(it.zip_longest()))
print(list(it.product("ab", "cd")), list(it.product("ab", repeat=2)), list(it.product()), list(it.product("a", [])))
print(list(it.permutations("abc")), list(it.permutations("abc", 2)), list(it.permutations("ab", 3)), list(it.permutations([], 0)))
print(list(it.combinations("abcd", 2)), list(it.combinations("ab", 3)), list(it.combinations("ab", 0)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement("", 2)), list(it.combinations_with_replacement("", 0)))
print(len(list(it.permutations(range(6)))), len(list(it.combinations(range(10), 4))), sum(1 for _ in it.product(range(4), repeat=4)))
for f in [lambda: it.islice([], -1), lambda: it.islice([], "a"), lambda: it.islice([], 0, 1, 0),
          lambda: it.islice([], -1, 2), lambda: it.islice([]), lambda: it.count("a"), lambda: it.repeat(),
          lambda: it.combinations([1], -1), lambda: it.permutations([1], -1), lambda: it.product([1], repeat=-1),
          lambda: it.tee([], -1), lambda: list(it.chain(1)), lambda: it.pairwise(), lambda: it.cycle(),
          lambda: it.repeat(1).__length_hint__(), lambda: it.islice([], 1, 2, 3, 4)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class MyCount(it.count):
    pass
print(MyCount(4), type(it.tee([])[0]).__name__, it.chain.__name__, it.groupby.__module__)
