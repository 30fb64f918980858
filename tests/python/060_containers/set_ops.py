a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} < a, a >= {1}, a.isdisjoint({9}), a == {4, 3, 2, 1})
print(a.union([7], (8,)), a.intersection(range(3)), a.difference({1}, {2}), a.symmetric_difference([1, 9]))
print(a.issubset(range(10)), a.issuperset([1, 2]), len(a), 2 in a, set(), set('aab') == {'a', 'b'})
s = set(); s.add(1); s.add(1); s.update([2, 3], {4}); s.discard(9); s.remove(4); print(s)
print(s.pop() in {1, 2, 3}, len(s))
s |= {10}; s &= {1, 2, 3, 10}; s -= {1}; s ^= {2, 20}; print(sorted(s))
try:
    s.remove(999)
except KeyError as e:
    print('KeyError', e)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
try:
    {[1]}
except TypeError as e:
    print(e)
c = s.copy(); c.clear(); print(c, s == {3, 10, 20} or sorted(s))
print(sorted({(1, 2), (1, 2), (2, 1)}), {1, 1.0, True}, len({0, False, 0.0, -0.0}))
