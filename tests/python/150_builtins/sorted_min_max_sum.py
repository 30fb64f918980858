data = [5, 2, 9, 1, 7]
print(sorted(data), sorted(data, reverse=True), sorted('hello'), sorted({3: 'a', 1: 'b'}), sorted((2, 1)), sorted(x for x in data if x > 4))
print(min(data), max(data), min(3, 1, 2), max('ab', 'b', key=len), min([], default='empty'), max([], default=None))
print(min(data, key=lambda v: abs(v - 6)), max(['aa', 'b', 'cc'], key=len), min([(1, 'b'), (1, 'a')]))
print(sum(data), sum(data, 100), sum([0.1] * 3), sum([[1], [2]], []), sum(range(10 ** 6)), sum([], 0), sum([1.5, 2, True]))
for bad in [lambda: min([]), lambda: max(), lambda: sum(['a', 'b'], ''), lambda: sorted([1, 'a']), lambda: min(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sorted([3, 1, 2], key=None), max(1, 2, key=lambda x: -x), min('b', 'a', 'c', key=str.upper))
