s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(3), slice(None, None, -1).indices(10))
print(list(range(20))[s], 'abcdefghijkl'[s], (1, 2, 3, 4)[slice(None, None, -2)])
class Show:
    def __getitem__(self, k): return k
sh = Show()
print(sh[1], sh[1:2], sh[::3], sh[1:2, 3], sh[..., 0], sh[:, None], sh[()])
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3))
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print(e)
