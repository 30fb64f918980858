r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], r.index(8), r.count(5), 5 in r, 6 in r)
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 1)), range(0, 10, 2) == range(0, 9, 2))
print(range(10 ** 20)[10 ** 19], range(0, 10 ** 20, 7)[-1], 10 ** 19 in range(10 ** 20), range(5).start, range(5).stop, range(5).step)
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))), sum(range(101)), hash(range(3)) == hash(range(0, 3)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(3)[5]
except IndexError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
print(repr(range(0, 5, 1)), repr(range(1, 5, 2)), range(-5, 5, -1), bool(range(0)), list(range(-3, 3)))
