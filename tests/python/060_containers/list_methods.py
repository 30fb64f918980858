a = [3, 1, 4, 1, 5]
a.append(9); a.extend([2, 6]); a.insert(0, 0); a.insert(100, 7); a.insert(-1, 8)
print(a, len(a), a.count(1), a.index(4), a.index(1, 3))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
a.reverse(); print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
b = a.copy(); b.clear(); print(a, b)
for bad in [lambda: [].pop(), lambda: [1].index(2), lambda: [1].remove(2), lambda: [1, 'a'].sort()]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print([1, 2] + [3], [0] * 4, [[]] * 2, list('abc'), list(range(3)), list((1, 2)), list({1: 2}))
print([1, 2, 3] == [1, 2, 3], [1, 2] != [1, 2, 3], [1, [2]] < [1, [3]], [] < [0], max([[1], [0, 5]]))
